// Plain words for the check-in: what each answer can mean, in the words a parent would use, and the
// server's values behind them (src/domain/check-in.ts; only types are imported, to keep zod out of the
// browser bundle).
import type { CheckIn, CheckInAnswerInput, CheckInQuestions } from '../../api/types.ts';
import { plural } from '../../components/plain-words.ts';

export type SessionOutcome = Extract<CheckInAnswerInput, { kind: 'session' }>['outcome'];
export type AccommodationOutcome = Extract<CheckInAnswerInput, { kind: 'accommodation' }>['outcome'];
export type TeacherChoice = 'regular' | 'substitute' | 'unknown';
export type YesNoUnsure = 'yes' | 'no' | 'unknown';

export const SESSION_OUTCOME_LABELS: Record<SessionOutcome, string> = {
  happened: 'It happened',
  did_not_happen: 'It didn’t happen',
  not_sure: 'Not sure',
};

export const ACCOMMODATION_OUTCOME_LABELS: Record<AccommodationOutcome, string> = {
  provided: 'Provided',
  partly: 'Partly',
  not_provided: 'Not provided',
  unknown: 'Not sure',
};

export const TEACHER_LABELS: Record<TeacherChoice, string> = {
  regular: 'No, the usual teacher',
  substitute: 'Yes, a substitute',
  unknown: 'Not sure',
};

export const HAPPENED_LABELS: Record<'yes' | 'no', string> = {
  yes: 'Yes, something happened',
  no: 'No, nothing happened',
};

export const REWARD_LABELS: Record<YesNoUnsure, string> = {
  yes: 'Yes',
  no: 'No',
  unknown: 'Not sure',
};

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

export const checkInQuestionsKey = (householdId: string, childId: string, date: string) => [
  'check-in-questions',
  householdId,
  childId,
  date,
];

export const checkInsKey = (householdId: string, childId: string) => ['check-ins', householdId, childId];

export const questionsUrl = (householdId: string, childId: string, date: string) =>
  `/households/${householdId}/children/${childId}/check-in-questions?date=${date}`;

export type { CheckInQuestions };

/** "3 answers saved: 2 observations, 1 session" */
export function savedWords(checkIn: CheckIn): string {
  const count = (entity: string) => checkIn.answers.filter((a) => a.recordedAs?.entity === entity).length;
  const observations = count('accommodation_observation');
  const sessions = count('session_entry');
  const incidents = count('behavior_incident');
  const kept = checkIn.answers.filter((a) => a.recordedAs == null).length;
  const parts = [
    observations > 0 ? plural(observations, 'observation', 'observations') : null,
    sessions > 0 ? plural(sessions, 'session', 'sessions') : null,
    incidents > 0 ? plural(incidents, 'behavior record', 'behavior records') : null,
    kept > 0 ? `${kept} kept with the check-in only` : null,
  ].filter((p): p is string => p != null);
  const head = `${plural(checkIn.answers.length, 'answer', 'answers')} saved`;
  return parts.length > 0 ? `${head}: ${parts.join(', ')}` : head;
}
