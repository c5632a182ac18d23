// Which letters there are, and which a plan may draft: a 504 plan never gets IDEA steps, an IEP never
// gets the OCR outline, and a Canadian plan never gets US steps or citations. Pure and zod-free: it reads
// only the plan's kind and place, so the server, the drafters and the web app's letter picker all ask
// these functions.

import type { RuleWords } from '../errors.ts';

export const LETTER_KINDS = [
  'specific_concern',
  'check_in',
  'follow_up_unanswered',
  'follow_up_verbal',
  'thank_you',
  'request_service_logs',
  'request_iep_meeting',
  'request_records',
  'request_prior_written_notice',
  'request_language_access',
  'escalation',
  'state_complaint',
  'ocr_complaint_outline',
  'board_appeal',
  'service_log_questions',
] as const;

export type LetterKind = (typeof LETTER_KINDS)[number];

/**
 * The letters that are United States procedure or cite US law, which a Canadian plan never drafts. A
 * Canadian plan may escalate up the ladder a province sets (principal, superintendent, the board: no US
 * citation in it), and appeal to the board in British Columbia (School Act s.11) and Alberta (Education
 * Act s.42): src/domain/letters/board-appeal.ts.
 */
const US_ONLY_LETTER_KINDS: readonly LetterKind[] = [
  'request_prior_written_notice',
  'state_complaint',
  'ocr_complaint_outline',
];

/** The letters that make sense for a Canadian plan: no US procedure, no US citation. */
export const CANADA_LETTER_KINDS: ReadonlySet<LetterKind> = new Set<LetterKind>(
  LETTER_KINDS.filter((kind) => !US_ONLY_LETTER_KINDS.includes(kind)),
);

/** What decides which letters fit a plan: its kind and where it is. */
export type LetterPlan = {
  kind: 'iep' | '504';
  jurisdiction: { country: string; region: string | null };
};

/** Whether the plan is in a province with an appeal to the school board: British Columbia or Alberta. */
export function boardAppealProvince(plan: LetterPlan | null): 'BC' | 'AB' | null {
  if (plan?.jurisdiction.country !== 'CA') return null;
  const region = plan.jurisdiction.region?.toUpperCase() ?? '';
  if (region === 'BC' || region === 'BRITISH COLUMBIA') return 'BC';
  if (region === 'AB' || region === 'ALBERTA') return 'AB';
  return null;
}

/** Letters for one kind of plan only: what to say with no plan yet, and what to use for the other kind. */
/** Why a letter cannot be drafted: the English words, and the rule that says them in the reader's language. */
export type LetterRefusal = RuleWords & { message: string };

const FITS_ONE_PLAN_KIND: Partial<
  Record<LetterKind, { planKind: 'iep' | '504'; noPlan: LetterRefusal; otherKind: LetterRefusal }>
> = {
  state_complaint: {
    planKind: 'iep',
    noPlan: {
      message: 'A state complaint needs the plan it is about: add the IEP first.',
      rule: 'letter.stateComplaintNeedsPlan',
    },
    otherKind: {
      message:
        'An IDEA state complaint (34 CFR 300.153) is for an IEP, not a 504 plan. For a 504 plan, use the ' +
        "OCR complaint outline (180 days from the last act) or the district's 504 grievance process.",
      rule: 'letter.stateComplaintForIep',
    },
  },
  ocr_complaint_outline: {
    planKind: '504',
    noPlan: {
      message: 'An OCR complaint outline needs the 504 plan it is about: add the plan first.',
      rule: 'letter.ocrNeedsPlan',
    },
    otherKind: {
      message:
        'The OCR complaint outline is for a 504 plan. For an IEP, the state complaint draft ' +
        '(34 CFR 300.153) is the matching step.',
      rule: 'letter.ocrFor504',
    },
  },
};

/**
 * Why a plan of this kind and place never drafts this letter (a US procedure for a Canadian plan, an IDEA
 * step for a 504 plan), or null when it fits. With no plan yet, a letter that fits only one kind of plan
 * does not fit.
 */
function planMismatch(plan: LetterPlan | null, kind: LetterKind): LetterRefusal | null {
  if (plan?.jurisdiction.country === 'CA' && !CANADA_LETTER_KINDS.has(kind)) {
    const region = plan.jurisdiction.region;
    const kindWords = kind.replaceAll('_', ' ');
    return {
      message:
        `A ${kindWords} is a United States procedure; for a Canadian plan, ${region ?? 'the province or territory'} sets its own rules. ` +
        'Start with a specific concern, a check-in or a meeting request to the school.',
      rule: 'letter.usProcedure',
      values: { kind, kindWords, region: region ?? '', hasRegion: region ? 'yes' : 'no' },
    };
  }
  const fits = FITS_ONE_PLAN_KIND[kind];
  if (fits) {
    if (!plan) return fits.noPlan;
    return plan.kind === fits.planKind ? null : fits.otherKind;
  }
  switch (kind) {
    case 'board_appeal':
      return boardAppealProvince(plan)
        ? null
        : {
            message:
              'An appeal to the school board is drafted for a plan in British Columbia (School Act s.11) or Alberta (Education Act s.42).',
            rule: 'letter.boardAppealPlan',
          };
    default:
      return null;
  }
}

/** Why this letter cannot be drafted for this plan (its words and rule), or null: it does not fit the plan, or needs one. */
export function letterRefusal(plan: LetterPlan | null, kind: LetterKind): LetterRefusal | null {
  if (!plan && kind === 'request_prior_written_notice') {
    return {
      message: 'A request for written notice needs the plan it is about: add the plan first.',
      rule: 'letter.pwnNeedsPlan',
    };
  }
  return planMismatch(plan, kind);
}

/** Why this letter cannot be drafted for this plan, in English, or null. */
export function letterUnavailableReason(plan: LetterPlan | null, kind: LetterKind): string | null {
  return letterRefusal(plan, kind)?.message ?? null;
}

/**
 * The letters drafted from somewhere else than the letter picker, because they need what only that place
 * holds: the questions about a service log come from the differences picked in its reconciliation table.
 */
export const DRAFTED_ELSEWHERE_LETTER_KINDS: ReadonlySet<LetterKind> = new Set<LetterKind>([
  'service_log_questions',
]);

/**
 * Which letters a plan of this kind and place may draft, in the order of LETTER_KINDS: what the letter
 * picker offers (not the letters drafted from elsewhere, DRAFTED_ELSEWHERE_LETTER_KINDS). With no plan yet, the letters that fit every plan; a request for written notice among
 * them waits for the plan itself (`letterUnavailableReason`).
 */
export function letterKindsForPlan(plan: LetterPlan | null): LetterKind[] {
  return LETTER_KINDS.filter(
    (kind) => !DRAFTED_ELSEWHERE_LETTER_KINDS.has(kind) && planMismatch(plan, kind) == null,
  );
}

/** The letter kinds this record can draft now from the picker, in the order of LETTER_KINDS. */
export function lettersAvailable(record: { plan: LetterPlan | null }): LetterKind[] {
  return LETTER_KINDS.filter(
    (kind) => !DRAFTED_ELSEWHERE_LETTER_KINDS.has(kind) && letterUnavailableReason(record.plan, kind) == null,
  );
}

/** The letters that ask the school something, and so name a date to reply by (`respondBy`). */
export const REPLY_LETTER_KINDS: ReadonlySet<LetterKind> = new Set<LetterKind>(
  // All but a thank-you and the filings (a complaint or an appeal has its own timeline in law).
  LETTER_KINDS.filter(
    (kind) => !['thank_you', 'state_complaint', 'ocr_complaint_outline', 'board_appeal'].includes(kind),
  ),
);

/** Formal filings, not letters to the school: every date carries its year, and the tone check reads them as formal. */
export const FORMAL_LETTER_KINDS: ReadonlySet<LetterKind> = new Set<LetterKind>([
  'state_complaint',
  'ocr_complaint_outline',
]);

/** Whether a letter of this kind (as stored: any text) is a formal filing. */
export function isFormalLetter(kind: string): boolean {
  return (FORMAL_LETTER_KINDS as ReadonlySet<string>).has(kind);
}

/**
 * The letters drafted in Spanish as well as English (issue 17): every sentence of these kinds is in the
 * letter catalog (src/domain/i18n/locales/<language>/letter.json); today every kind. Here, apart from the
 * catalog, so the web app's picker can ask without loading it. A new kind joins once its sentences are
 * in the catalog; until then it drafts in English only and refuses Spanish at the field `language`.
 */
export const SPANISH_LETTER_KINDS: ReadonlySet<LetterKind> = new Set<LetterKind>(LETTER_KINDS);
