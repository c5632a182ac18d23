// The sentences a jurisdiction profile (src/domain/jurisdictions.ts) adds to a deadline (its caveat) or to
// a step of the escalation ladder (its note), each named once here. The profile reads them from this
// table; a reader of another language gets them from the catalog's `advice.profile.text`, which selects
// on the name (issue 17), so the advisor's deadlines and ladder sentences, the reminders' emails and the
// calendar feed are all in the reader's language. Pure data.

export const PROFILE_TEXTS = {
  dueProcessLimit: 'federal default: check your state’s limit',
  absentDaysNotCounted: 'days your child was absent from school are not counted',
  recordsExtension: 'the school may take up to 5 more business days for the reasons the law lists',
  placementNoticeWaiver: 'a parent may waive the ten days before a placement',
  ideaMediation:
    'Voluntary and free to parents; it may not delay a hearing. As Written suggests it once the district level was asked about the same problem and did not resolve it.',
  ideaStateComplaint: 'About a violation no more than 1 year old; the state decides within 60 days.',
  ideaDueProcess:
    'Within 2 years of when you knew or should have known (the federal default: your state may set its own limit).',
  grievanceThenOcr:
    'A grievance filed within the 180 days also lets you file with OCR within 60 days after it ends (OCR guidance); it is never required first.',
  ocrWindow: 'Within 180 days of the act complained of.',
  ontarioIprcAppeals:
    'IPRC appeals (the Special Education Appeal Board, then the Tribunal) cover identification and placement, not whether the IEP is carried out.',
  ontarioOmbudsman:
    'Takes complaints about a school board once the board’s own complaint process has been used; its recommendations are not binding.',
  ontarioHumanRights:
    'For discrimination, such as a disability-related need that was not accommodated: within one year of the incident or the last in a series; no other step is required first.',
  bcBoardAppeal:
    'Follow the board’s own appeal bylaw (it may ask you to discuss the decision with someone first); the board decides within 45 days of receiving the appeal.',
  bcHumanRights:
    'For discrimination, such as a disability-related need that was not accommodated: within one year; no appeal is required first.',
  albertaBoardAppeal: 'Education Act s.42 sets no timeline; follow your board’s policy and attach it.',
} as const;

export type ProfileTextName = keyof typeof PROFILE_TEXTS;

const NAME_OF_TEXT: ReadonlyMap<string, ProfileTextName> = new Map(
  (Object.entries(PROFILE_TEXTS) as [ProfileTextName, string][]).map(([name, text]) => [text, name]),
);

/** The name of a profile's sentence, for the catalog to select on; `other` (kept as written) if it has none. */
export function profileTextName(text: string): ProfileTextName | 'other' {
  return NAME_OF_TEXT.get(text) ?? 'other';
}

/** The values of `advice.profile.text` for a profile's sentence: its name, and the English as a fallback. */
export function profileTextValues(text: string): { name: string; text: string } {
  return { name: profileTextName(text), text };
}
