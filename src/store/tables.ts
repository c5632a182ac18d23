// The tables a backup holds, in one list: the backup writes and restores them in this order
// (src/store/backup.ts), and the record references read from it which tables hold records another
// record may name (src/store/record-references.ts).

import type { Database } from './schema.ts';

/** Every table, parents before children, so a restore inserts in this order and deletes in reverse. */
export const BACKUP_TABLES = [
  'household',
  'user_account',
  'membership',
  'access_token',
  'audit_event',
  'child',
  'plan',
  'plan_version',
  'service',
  'accommodation',
  'goal',
  'behavior_step',
  'team_contact',
  'key_date',
  'school_calendar',
  'calendar_event',
  // A district calendar feed a child's calendar is read from (migration 0017).
  'district_calendar',
  // An IEP document being read and reviewed, and its file (migration 0018).
  'iep_document',
  'iep_document_bytes',
  'session_entry',
  // A school service log brought in and confirmed, the marks on its reconciliation (after the session
  // entries an acceptance created), and the column mappings remembered per school (migration 0023).
  'service_log_import',
  'service_log_mark',
  'service_log_mapping',
  'journal',
  'accommodation_observation',
  'behavior_incident',
  'class_period',
  'goal_progress',
  'attachment_blob',
  'attachment',
  'work_sample',
  'check_in',
  'communication',
  'parent_note',
  'school_absence',
  'letter',
  'household_settings',
  'reminder_sent',
  'living_iep_notes',
  // Background jobs (operational): a job under way when the backup was taken resumes after a restore.
  'job',
  // Its uploaded bytes (an import under way), kept apart from the row that progress updates rewrite.
  'job_input',
] as const satisfies readonly (keyof Database)[];
