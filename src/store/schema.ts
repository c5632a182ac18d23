// Row types for Kysely. Dates are `YYYY-MM-DD` text and instants ISO-8601 UTC text on both
// SQLite and PostgreSQL, so rows read back identically from either backend; JSON is stored as text.

export type HouseholdRow = { id: string; name: string; created_at: string };

type Owned = { id: string; household_id: string; created_at: string; updated_at: string };

export type ChildRow = Owned & {
  first_name: string;
  last_name: string | null;
  date_of_birth: string | null;
  school: string | null;
  grade: string | null;
  notes: string | null;
};

export type PlanRow = Owned & {
  child_id: string;
  kind: string;
  country: string;
  region: string | null;
  title: string | null;
  effective_from: string;
  effective_to: string;
  status: string;
  reason_policy: string | null;
};

export type PlanVersionRow = {
  id: string;
  household_id: string;
  plan_id: string;
  version_number: number;
  effective_from: string;
  effective_to: string | null;
  summary: string;
  /** JSON of the plan's content when this version was superseded; null while it is the current version. */
  snapshot: string | null;
  /** The document this version was read from (an attachment), or null when it was typed in. */
  source_attachment_id: string | null;
  created_at: string;
};

export type ServiceRow = Owned & {
  plan_id: string;
  name: string;
  area: string;
  provider_role: string | null;
  setting: string;
  delivery: string;
  group_size_limit: number | null;
  location: string | null;
  source_text: string | null;
  start_date: string;
  end_date: string;
  segments: string;
  esy_blocks: string;
};

export type AccommodationRow = Owned & {
  plan_id: string;
  text: string;
  category: string;
  applies_to: string;
  class_name: string | null;
};

export type GoalRow = Owned & {
  plan_id: string;
  area: string;
  text: string;
  baseline: string | null;
  target: string | null;
  measurement: string | null;
};

export type BehaviorStepRow = Owned & { plan_id: string; kind: string; text: string; position: number };

export type TeamContactRow = Owned & {
  child_id: string;
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
};

export type KeyDateRow = Owned & { plan_id: string; kind: string; date: string; label: string | null };

export type SchoolCalendarRow = Owned & {
  child_id: string;
  name: string;
  first_day: string;
  last_day: string;
  school_weekdays: string;
  cycle_length: number | null;
  /** JSON list of terms or grading periods ({ name, startDate, endDate }); '[]' when none. */
  terms: string;
};

export type CalendarEventRow = Owned & {
  calendar_id: string;
  kind: string;
  start_date: string;
  end_date: string | null;
  label: string | null;
};

export type SessionEntryRow = Owned & {
  child_id: string;
  service_id: string;
  plan_version_id: string | null;
  date: string;
  kind: string;
  status: string;
  minutes_delivered: number;
  minutes_planned: number | null;
  reason: string | null;
  reason_text: string | null;
  responsibility: string | null;
  makeup_for_entry_id: string | null;
  source: string;
  note: string | null;
  corrects_entry_id: string | null;
  recorded_by: string;
  /** When the session began ("HH:MM"), to place pull-out sessions against the timetable. */
  start_time: string | null;
  /** 1 when the entry was accepted on a day with no school (confirmed, or marked by migration 0010); else 0. */
  non_school_day_confirmed: number;
};

export type JournalRow = {
  id: string;
  household_id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  data: string;
  /** The previous entry's hash (GENESIS_HASH for the first); see src/store/journal-hash.ts. */
  prev_hash: string;
  hash: string;
};

export type UserAccountRow = {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  password_changed_at: string;
  /** The language the person reads the app in ('en', 'es'); null: never chosen (go by the browser). Migration 0021. */
  language: string | null;
  created_at: string;
  updated_at: string;
};

export type MembershipRow = {
  id: string;
  household_id: string;
  user_id: string;
  role: string;
  created_at: string;
  updated_at: string;
};

export type AuthSessionRow = {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
};

export type AccessTokenRow = {
  id: string;
  token_hash: string;
  purpose: string;
  household_id: string | null;
  user_id: string | null;
  email: string | null;
  role: string | null;
  scope: string | null;
  label: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
};

export type AuditEventRow = {
  id: string;
  household_id: string;
  at: string;
  actor: string;
  action: string;
  data: string;
};

/**
 * A record voided as logged by mistake (migration 0009): it stays, greyed out, and counts nowhere.
 * Undoing the void clears the three fields; the journal keeps both changes.
 */
type OwnedVoidable = Owned & { voided_at: string | null; voided_by: string | null; void_note: string | null };

export type AccommodationObservationRow = OwnedVoidable & {
  accommodation_id: string;
  date: string;
  outcome: string;
  class_name: string | null;
  setting: string | null;
  teacher_kind: string;
  staff_name: string | null;
  source: string;
  note: string | null;
  attachment_ids: string;
  /** 1 when the observation was accepted on a day with no school; else 0. */
  non_school_day_confirmed: number;
};

export type BehaviorIncidentRow = OwnedVoidable & {
  plan_id: string;
  date: string;
  summary: string;
  steps_followed: string;
  steps_skipped: string;
  /** 1, 0 or null: stored as an integer so SQLite and PostgreSQL read back the same. */
  reward_used: number | null;
  consequence_contradicted: number | null;
  source: string;
  note: string | null;
  attachment_ids: string;
  /** 1 when the incident was accepted on a day with no school; else 0. */
  non_school_day_confirmed: number;
};

export type ClassPeriodRow = Owned & {
  child_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
  class_name: string;
  teacher: string | null;
};

export type GoalProgressRow = Owned & {
  goal_id: string;
  date: string;
  value: string;
  numeric_value: number | null;
  source: string;
  note: string | null;
  attachment_ids: string;
};

export type AttachmentRow = Owned & {
  sha256: string;
  filename: string;
  media_type: string;
  size: number;
  width: number | null;
  height: number | null;
  has_thumbnail: number;
};

export type AttachmentBlobRow = {
  household_id: string;
  sha256: string;
  content: Buffer;
  thumbnail: Buffer | null;
};

export type WorkSampleRow = OwnedVoidable & {
  child_id: string;
  date: string;
  title: string;
  class_name: string | null;
  setting: string | null;
  teacher_kind: string;
  attachment_ids: string;
  accommodation_checks: string;
  goal_ids: string;
  note: string | null;
};

export type CheckInRow = Owned & { child_id: string; date: string; answers: string };

export type CommunicationRow = OwnedVoidable & {
  child_id: string;
  kind: string;
  direction: string;
  date: string;
  time: string | null;
  contact_ids: string;
  other_parties: string | null;
  subject: string | null;
  summary: string;
  decisions: string | null;
  next_steps: string | null;
  in_reply_to_id: string | null;
  follows_up_id: string | null;
  reply_expected_by: string | null;
  closed_without_reply: number;
  message_id: string | null;
  attachment_ids: string;
  /** A holding reply ("an answer by Friday"): the date the answer was promised by (migration 0011); else null. */
  holding_until: string | null;
  /** For a call or a meeting: unknown, agreed, not_agreed or thinking (migration 0013). */
  parent_position: string;
  /** For a request the family sent: the day the school received it (migration 0012); null when unknown. */
  school_received_on: string | null;
};

/** A day the child was marked absent from school (migration 0012): one per child and day. */
export type SchoolAbsenceRow = Owned & { child_id: string; date: string; note: string | null };

/** A district calendar feed the family subscribed to (migration 0017), and what its last read saw. */
export type DistrictCalendarRow = Owned & {
  child_id: string;
  address: string;
  name: string | null;
  last_status: string;
  last_error: string | null;
  last_read_at: string | null;
  known: string;
  pending: string;
  recent: string;
  created_by: string;
};

/** An IEP or 504 plan document being read and reviewed (migration 0018), not yet part of the record. */
export type IepDocumentRow = Owned & {
  child_id: string;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  status: string;
  draft: string | null;
  error: string | null;
  created_by: string;
  expires_at: string;
};

/** Its file, written once (migration 0018). */
export type IepDocumentBytesRow = { document_id: string; household_id: string; bytes: Uint8Array };

export type ParentNoteRow = Owned & { child_id: string; date: string; kind: string; text: string };

export type LetterRow = Owned & {
  child_id: string;
  kind: string;
  status: string;
  subject: string;
  recipients: string;
  body: string;
  entry_ids: string;
  /** JSON {placeholders, notes}: the gaps to fill in and the notes for the parent. */
  guidance: string;
  /** JSON: what the letter was drafted for ({kind, communicationId, ...}), to link it when sent. */
  request: string;
  communication_id: string | null;
  /** The date the letter asks a reply by; null when it asks none (migration 0013). */
  respond_by: string | null;
  /** What the .eml carries: none, sessions_csv or report_pdf (migration 0013). */
  attachment: string;
};

export type ReminderSentRow = {
  household_id: string;
  user_id: string;
  reminder_key: string;
  sent_at: string;
};

/** Sign-in and reset attempt counts, shared by every process on the database (migration 0022). */
export type RateLimitRow = {
  scope: string;
  key_hash: string;
  count: number;
  window_started_at: string;
  window_ends_at: string;
};

export type LivingIepNotesRow = {
  child_id: string;
  household_id: string;
  concerns: string | null;
  changes: string;
  questions: string;
  updated_at: string;
};

export type HouseholdSettingsRow = {
  household_id: string;
  reply_school_days: number;
  advisor: string;
  updated_at: string;
};

/** A background job (migration 0014, src/server/jobs/): operational, not part of the record. */
export type JobRow = {
  id: string;
  household_id: string | null;
  name: string;
  payload: string;
  status: string;
  attempts: number;
  max_attempts: number;
  done: number;
  total: number | null;
  state: string | null;
  result: string | null;
  error: string | null;
  failures: string;
  requested_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
};

/** A job's uploaded bytes (migration 0016), from when it is queued until it ends. */
export type JobInputRow = {
  job_id: string;
  /** The part's place in the file, from 0 (each part at most 1 MiB). */
  part: number;
  bytes: Buffer;
};

/** A school service log the parent brought in and confirmed (migration 0023): its rows are this child's only. */
export type ServiceLogImportRow = Owned & {
  child_id: string;
  service_id: string | null;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  sheet: string | null;
  school: string;
  student_id: string | null;
  /** JSON: the mapping confirmed (src/domain/service-log-read.ts ServiceLogMapping). */
  mapping: string;
  /** JSON: counts, unread rows and why, notes, the dates read. */
  summary: string;
  /** JSON: this child's rows (ServiceLogRow[]). */
  rows: string;
  created_by: string;
};

/** The parent's mark on one line of a log's reconciliation (migration 0023). */
export type ServiceLogMarkRow = Owned & {
  import_id: string;
  item_key: string;
  mark: string;
  session_entry_id: string | null;
  note: string | null;
  created_by: string;
};

/** A column mapping remembered for a school's files (migration 0023): a convenience, not the record. */
export type ServiceLogMappingRow = Owned & {
  school: string;
  signature: string;
  mapping: string;
  updated_by: string;
};

export type Database = {
  communication: CommunicationRow;
  parent_note: ParentNoteRow;
  school_absence: SchoolAbsenceRow;
  district_calendar: DistrictCalendarRow;
  iep_document: IepDocumentRow;
  iep_document_bytes: IepDocumentBytesRow;
  service_log_import: ServiceLogImportRow;
  service_log_mark: ServiceLogMarkRow;
  service_log_mapping: ServiceLogMappingRow;
  letter: LetterRow;
  household_settings: HouseholdSettingsRow;
  reminder_sent: ReminderSentRow;
  living_iep_notes: LivingIepNotesRow;
  job: JobRow;
  job_input: JobInputRow;
  rate_limit: RateLimitRow;
  attachment: AttachmentRow;
  attachment_blob: AttachmentBlobRow;
  work_sample: WorkSampleRow;
  check_in: CheckInRow;
  accommodation_observation: AccommodationObservationRow;
  behavior_incident: BehaviorIncidentRow;
  class_period: ClassPeriodRow;
  goal_progress: GoalProgressRow;
  user_account: UserAccountRow;
  membership: MembershipRow;
  auth_session: AuthSessionRow;
  access_token: AccessTokenRow;
  audit_event: AuditEventRow;
  household: HouseholdRow;
  child: ChildRow;
  plan: PlanRow;
  plan_version: PlanVersionRow;
  service: ServiceRow;
  accommodation: AccommodationRow;
  goal: GoalRow;
  behavior_step: BehaviorStepRow;
  team_contact: TeamContactRow;
  key_date: KeyDateRow;
  school_calendar: SchoolCalendarRow;
  calendar_event: CalendarEventRow;
  session_entry: SessionEntryRow;
  journal: JournalRow;
};
