// Plain words for accommodation observations (the server's values: src/domain/observations.ts), kept
// zod-free so the home screen's bundle stays small.

export type ObservationOutcome = 'provided' | 'not_provided' | 'partly' | 'unknown';
export type TeacherKind = 'regular' | 'substitute' | 'other_staff' | 'unknown';
export type ObservationSource = 'child_report' | 'work_sample' | 'teacher' | 'parent_saw' | 'school_record';

export const OUTCOME_LABELS: Record<ObservationOutcome, string> = {
  provided: 'Provided',
  not_provided: 'Not provided',
  partly: 'Partly',
  unknown: 'Not sure',
};

export const TEACHER_KIND_LABELS: Record<TeacherKind, string> = {
  regular: 'Regular teacher',
  substitute: 'Substitute',
  other_staff: 'Other staff',
  unknown: 'Not sure',
};

export const OBSERVATION_SOURCE_LABELS: Record<ObservationSource, string> = {
  child_report: 'Child told me',
  work_sample: 'Work sample',
  teacher: 'Teacher',
  parent_saw: 'I saw it',
  school_record: 'School record',
};

export const outcomeLabel = (v: string) => OUTCOME_LABELS[v as ObservationOutcome] ?? v;
export const teacherKindLabel = (v: string) => TEACHER_KIND_LABELS[v as TeacherKind] ?? v;
export const observationSourceLabel = (v: string) => OBSERVATION_SOURCE_LABELS[v as ObservationSource] ?? v;

export const timesWords = (n: number) => (n === 1 ? 'once' : `${n} times`);
