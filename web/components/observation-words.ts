import type { T } from '../i18n/i18n.tsx';

// Plain words for accommodation observations (the server's values: src/domain/observations.ts), kept
// zod-free so the home screen's bundle stays small. In the reader's language: the catalog's part
// "records" (`records.obs.*`), which the screens that use them load.

export type ObservationOutcome = 'provided' | 'not_provided' | 'partly' | 'unknown';
export type TeacherKind = 'regular' | 'substitute' | 'other_staff' | 'unknown';
export type ObservationSource = 'child_report' | 'work_sample' | 'teacher' | 'parent_saw' | 'school_record';

export const OUTCOMES: readonly ObservationOutcome[] = ['provided', 'not_provided', 'partly', 'unknown'];
export const TEACHER_KINDS: readonly TeacherKind[] = ['regular', 'substitute', 'other_staff', 'unknown'];
export const OBSERVATION_SOURCES: readonly ObservationSource[] = [
  'child_report',
  'work_sample',
  'teacher',
  'parent_saw',
  'school_record',
];

/** "Provided", "Not provided"; a value the app does not know is shown as it is. */
export const outcomeLabel = (t: T, v: string) => t('records.obs.outcome', { outcome: v });
/** "provided", "not provided": the outcome within a sentence. */
export const outcomeInline = (t: T, v: string) => t('records.obs.outcomeInline', { outcome: v });
export const teacherKindLabel = (t: T, v: string) => t('records.obs.teacherKind', { kind: v });
/** "substitute", "other staff": who was teaching, within a sentence. */
export const teacherKindInline = (t: T, v: string) => t('records.obs.teacherKindInline', { kind: v });
export const observationSourceLabel = (t: T, v: string) => t('records.obs.source', { source: v });
/** "I saw it", "child told me": the source within a sentence. */
export const observationSourceInline = (t: T, v: string) => t('records.obs.sourceInline', { source: v });

/** The choices of a select, in the reader's language. */
export const outcomeOptions = (t: T) => OUTCOMES.map((v) => ({ value: v, label: outcomeLabel(t, v) }));
export const teacherKindOptions = (t: T) =>
  TEACHER_KINDS.map((v) => ({ value: v, label: teacherKindLabel(t, v) }));
export const observationSourceOptions = (t: T) =>
  OBSERVATION_SOURCES.map((v) => ({ value: v, label: observationSourceLabel(t, v) }));
