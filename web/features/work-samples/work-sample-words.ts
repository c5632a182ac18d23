// Plain words for work samples, in the reader's language (the catalog's part "records",
// `records.sample.*`); the server's values: WorkSampleFields in src/domain/observations.ts, which builds
// zod schemas, so only its types are imported.
import type { WorkSample } from '../../api/types.ts';
import type { T } from '../../i18n/i18n.tsx';

export type CheckOutcome = WorkSample['accommodationChecks'][number]['outcome'];
export type Setting = NonNullable<WorkSample['setting']>;

const CHECKS: readonly ('none' | CheckOutcome)[] = ['none', 'provided', 'partly', 'not_provided'];
const SETTINGS: readonly Setting[] = ['test', 'quiz', 'classwork', 'homework', 'other'];

/** What the work shows about an accommodation, as the choices in the form: "Not checked", "Shows it"… */
export const checkOptions = (t: T) =>
  CHECKS.map((value) => ({ value, label: t('records.sample.check', { outcome: value }) }));

/** The same as a badge: "Shows: extended time". */
export const checkBadge = (t: T, outcome: CheckOutcome, accommodation: string) =>
  t('records.sample.badge', { outcome, accommodation });

/** "Test", "Homework": the kind of work. */
export const settingLabel = (t: T, setting: string) => t('records.sample.setting', { setting });

export const settingOptions = (t: T) => SETTINGS.map((value) => ({ value, label: settingLabel(t, value) }));

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
