// Plain words for the check-in: what each answer can mean, in the words a parent would use, and the
// server's values behind them (src/domain/check-in.ts; only types are imported, to keep zod out of the
// browser bundle).
import type { CheckIn, CheckInAnswerInput, CheckInQuestions } from '../../api/types.ts';
import type { T } from '../../i18n/i18n.tsx';

export type SessionOutcome = Extract<CheckInAnswerInput, { kind: 'session' }>['outcome'];
export type AccommodationOutcome = Extract<CheckInAnswerInput, { kind: 'accommodation' }>['outcome'];
export type TeacherChoice = 'regular' | 'substitute' | 'unknown';
export type YesNoUnsure = 'yes' | 'no' | 'unknown';

/** The choices of each answer, in the order shown; their words are the catalog's ("checkin.answer.*"). */
export const SESSION_OUTCOMES: readonly SessionOutcome[] = ['happened', 'did_not_happen', 'not_sure'];
export const ACCOMMODATION_OUTCOMES: readonly AccommodationOutcome[] = [
  'provided',
  'partly',
  'not_provided',
  'unknown',
];
export const TEACHER_CHOICES: readonly TeacherChoice[] = ['regular', 'substitute', 'unknown'];
export const HAPPENED_CHOICES: readonly ('yes' | 'no')[] = ['yes', 'no'];
export const REWARD_CHOICES: readonly YesNoUnsure[] = ['yes', 'no', 'unknown'];

/** Radio options: each value with its words. */
export const options = <K extends string>(values: readonly K[], words: (value: K) => string) =>
  values.map((value) => ({ value, label: words(value) }));

/** The week's questions, in the language they were asked in (the server words them in the reader's). */
export const checkInQuestionsKey = (householdId: string, childId: string, date: string, language: string) => [
  'check-in-questions',
  householdId,
  childId,
  date,
  language,
];

export const checkInsKey = (householdId: string, childId: string) => ['check-ins', householdId, childId];

export const questionsUrl = (householdId: string, childId: string, date: string) =>
  `/households/${householdId}/children/${childId}/check-in-questions?date=${date}`;

export type { CheckInQuestions };

/** "3 answers saved: 2 observations, 1 session", in the reader's language. */
export function savedWords(checkIn: CheckIn, t: T): string {
  const count = (entity: string) => checkIn.answers.filter((a) => a.recordedAs?.entity === entity).length;
  const observations = count('accommodation_observation');
  const sessions = count('session_entry');
  const incidents = count('behavior_incident');
  const kept = checkIn.answers.filter((a) => a.recordedAs == null).length;
  const parts = [
    observations > 0 ? t('checkin.savedWords.observations', { count: observations }) : null,
    sessions > 0 ? t('checkin.savedWords.sessions', { count: sessions }) : null,
    incidents > 0 ? t('checkin.savedWords.incidents', { count: incidents }) : null,
    kept > 0 ? t('checkin.savedWords.kept', { count: kept }) : null,
  ].filter((p): p is string => p != null);
  const head = t('checkin.savedWords.answers', { count: checkIn.answers.length });
  return parts.length > 0 ? t('checkin.savedWords.withParts', { head, parts: parts.join(', ') }) : head;
}
