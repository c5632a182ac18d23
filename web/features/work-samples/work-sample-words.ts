// Plain words for work samples (the server's values: WorkSampleFields in src/domain/observations.ts,
// which builds zod schemas, so only its types are imported).
import type { WorkSample } from '../../api/types.ts';

export type CheckOutcome = WorkSample['accommodationChecks'][number]['outcome'];
export type Setting = NonNullable<WorkSample['setting']>;

/** What the work shows about an accommodation, as a choice in the form. */
export const CHECK_LABELS: Record<'none' | CheckOutcome, string> = {
  none: 'Not checked',
  provided: 'Shows it',
  partly: 'Partly',
  not_provided: 'Missing',
};

/** The same, as the start of a badge: "Shows: extended time". */
export const CHECK_BADGE_WORDS: Record<CheckOutcome, string> = {
  provided: 'Shows',
  partly: 'Partly',
  not_provided: 'Missing',
};

export const SETTING_LABELS: Record<Setting, string> = {
  test: 'Test',
  quiz: 'Quiz',
  classwork: 'Classwork',
  homework: 'Homework',
  other: 'Other',
};

/**
 * A few words naming an accommodation, for a badge: "Extended time (1.5x) on tests and quizzes" ->
 * "extended time", "Use of a calculator for math assignments" -> "calculator".
 */
export function accommodationShortName(text: string): string {
  let words = text
    .trim()
    .replace(/^(use of|access to|provide|allow)\s+/i, '')
    .replace(/^(a|an|the)\s+/i, '');
  const cut = /\s*(\(|,|;|:|\.\s|\s(for|on|during|near|in|when|with|and|available|as|to)\s)/i.exec(words);
  if (cut && cut.index > 2) words = words.slice(0, cut.index);
  if (words.length > 40) words = `${words.slice(0, 39).trimEnd()}…`;
  // Keep an acronym as it is ("OT"); otherwise lower-case the first letter to read inside a sentence.
  return /^[A-Z]{2}/.test(words) ? words : words.charAt(0).toLowerCase() + words.slice(1);
}

export const workSamplesKey = (householdId: string, filter: { childId: string } | { goalId: string }) => [
  'work-samples',
  householdId,
  filter,
];
