// The fixed lists a record's fields take their values from (why a session was missed, what kind of
// message was logged, how an observation went, the steps of a behavior plan), and the labels the
// server, the reports and the web app all show for them. Zod-free, so the web app imports this module
// itself instead of keeping a copy: the zod schemas (session-entry.ts, communications.ts,
// observations.ts, plan.ts) are built from these lists and re-export them.

/** Why a session was missed or cut short: a fixed list, so patterns can be counted. */
export const MISS_REASONS = [
  'provider_absent',
  'school_event',
  'testing',
  'field_trip',
  'school_closed',
  'scheduling_conflict',
  'student_absent',
  'student_refused',
  'other',
  'unknown',
] as const;
export type MissReason = (typeof MISS_REASONS)[number];

export const MISS_REASON_LABELS: Readonly<Record<MissReason, string>> = {
  provider_absent: 'Provider absent',
  school_event: 'School event or assembly',
  testing: 'Testing',
  field_trip: 'Field trip',
  school_closed: 'School closed',
  scheduling_conflict: 'Scheduling conflict',
  student_absent: 'Student absent',
  student_refused: 'Student refused',
  other: 'Other',
  unknown: 'Unknown',
};

// ---------------------------------------------------------------------------------------------
// The communication log.

export const COMMUNICATION_KINDS = ['email', 'phone', 'meeting', 'note_home', 'letter', 'other'] as const;
export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];

export const COMMUNICATION_KIND_LABELS: Readonly<Record<CommunicationKind, string>> = {
  email: 'Email',
  phone: 'Phone call',
  meeting: 'Meeting',
  note_home: 'Note home',
  letter: 'Letter',
  other: 'Other',
};

/** Sent by the family, or received from the school. */
export const COMMUNICATION_DIRECTIONS = ['sent', 'received'] as const;
export type CommunicationDirection = (typeof COMMUNICATION_DIRECTIONS)[number];

/** Kinds that are spoken, not written: the article says to follow them up in writing. */
export const VERBAL_KINDS: ReadonlySet<CommunicationKind> = new Set(['phone', 'meeting']);

/** Kinds that expect a reply by default when the family sends them. */
export const REPLY_EXPECTED_KINDS: ReadonlySet<CommunicationKind> = new Set(['email', 'letter', 'note_home']);

/**
 * Where the parent stands on what was proposed in a call or a meeting (a change to services, say): the
 * written summary and a request for prior written notice follow it, so a summary never puts in writing
 * an agreement the parent did not give. `unknown` when not recorded (every message logged before the
 * question existed, and every written message).
 */
export const PARENT_POSITIONS = ['unknown', 'agreed', 'not_agreed', 'thinking'] as const;
export type ParentPosition = (typeof PARENT_POSITIONS)[number];

export const PARENT_NOTE_KINDS = ['new_challenge', 'concern', 'harm', 'win'] as const;

// ---------------------------------------------------------------------------------------------
// Observations of accommodations, and behavior plans.

export const OBSERVATION_OUTCOMES = ['provided', 'not_provided', 'partly', 'unknown'] as const;
export const OBSERVATION_SETTINGS = ['test', 'quiz', 'classwork', 'homework', 'other'] as const;
export const TEACHER_KINDS = ['regular', 'substitute', 'other_staff', 'unknown'] as const;
export const OBSERVATION_SOURCES = [
  'child_report',
  'work_sample',
  'teacher',
  'parent_saw',
  'school_record',
] as const;

/** The steps of a behavior plan, in the order the plan and the web app list them. */
/** The kinds of accommodation a plan lists them under. */
export const ACCOMMODATION_CATEGORIES = [
  'presentation',
  'response',
  'setting',
  'timing',
  'scheduling',
  'assistive_technology',
  'behavioral',
  'other',
] as const;

export const BEHAVIOR_STEP_KINDS = ['trigger', 'strategy', 'reward', 'response'] as const;
