import type { Database } from './schema.ts';
import { BACKUP_TABLES } from './tables.ts';

// Every place a household's row names another row, declared once. The import checks a document
// against it (every reference must resolve inside the same document), `verify` and the migration
// that checks existing databases look for rows that name a row of another household, and
// `as-written repair --cross-household` removes them. A new column that holds an id, or a JSON
// column that lists ids, is added here in the same change (a unit test reads the schema to make
// sure no `*_id` / `*_ids` column is left out).
//
// Why both a declaration and database constraints: every `required` plain column is held by a
// composite foreign key, (household_id, <ref>_id) -> target (household_id, id) (migration 0015), so
// the database refuses a row naming another household's; but several references are JSON lists or
// optional links that can outlive what they name (a reply to a message later deleted), which no key
// can hold. So the rule "a reference stays inside its household" is also enforced by the services
// (which load every target by id and household), by the import and the restore, and checked after
// the fact by verify (docs/ARCHITECTURE.md lists where each reference is checked).

export type ReferencingTable = keyof Database & string;

export type RecordReference = {
  /** The table whose rows hold the reference. */
  table: ReferencingTable;
  /**
   * Where the id sits, in API field names: `planId`; `attachmentIds[]` (a JSON list of ids);
   * `accommodationChecks[].accommodationId` (a key of each object in a JSON list); `request.serviceId`
   * (a key of a JSON object).
   */
  path: string;
  /** The table(s) the id may name; `any` for a list of facts that may name any record. */
  target: ReferencingTable | readonly ReferencingTable[] | 'any';
  /**
   * `required`: a database foreign key backs it, so the row named always exists.
   * `optional`: may name a record deleted since (the journal keeps what it was); never another
   * household's.
   */
  strength: 'required' | 'optional';
};

const RECORDED_AS = ['session_entry', 'accommodation_observation', 'behavior_incident'] as const;

export const RECORD_REFERENCES: readonly RecordReference[] = [
  { table: 'plan', path: 'childId', target: 'child', strength: 'required' },
  { table: 'plan_version', path: 'planId', target: 'plan', strength: 'required' },
  // The document a version was read from (issue 16); deleting the file is refused while a version names it.
  { table: 'plan_version', path: 'sourceAttachmentId', target: 'attachment', strength: 'optional' },
  { table: 'service', path: 'planId', target: 'plan', strength: 'required' },
  { table: 'accommodation', path: 'planId', target: 'plan', strength: 'required' },
  { table: 'goal', path: 'planId', target: 'plan', strength: 'required' },
  { table: 'behavior_step', path: 'planId', target: 'plan', strength: 'required' },
  { table: 'key_date', path: 'planId', target: 'plan', strength: 'required' },
  { table: 'team_contact', path: 'childId', target: 'child', strength: 'required' },
  { table: 'school_calendar', path: 'childId', target: 'child', strength: 'required' },
  { table: 'calendar_event', path: 'calendarId', target: 'school_calendar', strength: 'required' },
  { table: 'session_entry', path: 'childId', target: 'child', strength: 'required' },
  { table: 'session_entry', path: 'serviceId', target: 'service', strength: 'required' },
  { table: 'session_entry', path: 'planVersionId', target: 'plan_version', strength: 'required' },
  { table: 'session_entry', path: 'makeupForEntryId', target: 'session_entry', strength: 'optional' },
  { table: 'session_entry', path: 'correctsEntryId', target: 'session_entry', strength: 'optional' },
  {
    table: 'accommodation_observation',
    path: 'accommodationId',
    target: 'accommodation',
    strength: 'required',
  },
  { table: 'accommodation_observation', path: 'attachmentIds[]', target: 'attachment', strength: 'optional' },
  { table: 'behavior_incident', path: 'planId', target: 'plan', strength: 'required' },
  { table: 'behavior_incident', path: 'stepsFollowed[]', target: 'behavior_step', strength: 'optional' },
  { table: 'behavior_incident', path: 'stepsSkipped[]', target: 'behavior_step', strength: 'optional' },
  { table: 'behavior_incident', path: 'attachmentIds[]', target: 'attachment', strength: 'optional' },
  { table: 'class_period', path: 'childId', target: 'child', strength: 'required' },
  { table: 'goal_progress', path: 'goalId', target: 'goal', strength: 'required' },
  { table: 'goal_progress', path: 'attachmentIds[]', target: 'attachment', strength: 'optional' },
  { table: 'work_sample', path: 'childId', target: 'child', strength: 'required' },
  { table: 'work_sample', path: 'attachmentIds[]', target: 'attachment', strength: 'optional' },
  {
    table: 'work_sample',
    path: 'accommodationChecks[].accommodationId',
    target: 'accommodation',
    strength: 'optional',
  },
  { table: 'work_sample', path: 'goalIds[]', target: 'goal', strength: 'optional' },
  { table: 'check_in', path: 'childId', target: 'child', strength: 'required' },
  { table: 'check_in', path: 'answers[].serviceId', target: 'service', strength: 'optional' },
  { table: 'check_in', path: 'answers[].accommodationId', target: 'accommodation', strength: 'optional' },
  { table: 'check_in', path: 'answers[].planId', target: 'plan', strength: 'optional' },
  { table: 'check_in', path: 'answers[].recordedAs.id', target: RECORDED_AS, strength: 'optional' },
  { table: 'communication', path: 'childId', target: 'child', strength: 'required' },
  { table: 'communication', path: 'contactIds[]', target: 'team_contact', strength: 'optional' },
  { table: 'communication', path: 'inReplyToId', target: 'communication', strength: 'optional' },
  { table: 'communication', path: 'followsUpId', target: 'communication', strength: 'optional' },
  { table: 'communication', path: 'attachmentIds[]', target: 'attachment', strength: 'optional' },
  { table: 'parent_note', path: 'childId', target: 'child', strength: 'required' },
  { table: 'school_absence', path: 'childId', target: 'child', strength: 'required' },
  { table: 'district_calendar', path: 'childId', target: 'child', strength: 'required' },
  { table: 'iep_document', path: 'childId', target: 'child', strength: 'required' },
  { table: 'service_log_import', path: 'childId', target: 'child', strength: 'required' },
  { table: 'service_log_import', path: 'serviceId', target: 'service', strength: 'required' },
  { table: 'service_log_import', path: 'rows[].serviceId', target: 'service', strength: 'optional' },
  { table: 'service_log_mark', path: 'importId', target: 'service_log_import', strength: 'required' },
  // The entry an acceptance created: like a make-up's link to its miss, checked by the service.
  { table: 'service_log_mark', path: 'sessionEntryId', target: 'session_entry', strength: 'optional' },
  { table: 'letter', path: 'childId', target: 'child', strength: 'required' },
  { table: 'letter', path: 'communicationId', target: 'communication', strength: 'optional' },
  { table: 'letter', path: 'entryIds[]', target: 'any', strength: 'optional' },
  { table: 'letter', path: 'request.serviceId', target: 'service', strength: 'optional' },
  { table: 'letter', path: 'request.accommodationId', target: 'accommodation', strength: 'optional' },
  { table: 'letter', path: 'request.communicationId', target: 'communication', strength: 'optional' },
  { table: 'letter', path: 'request.noteId', target: 'parent_note', strength: 'optional' },
  { table: 'letter', path: 'request.contactId', target: 'team_contact', strength: 'optional' },
  { table: 'living_iep_notes', path: 'childId', target: 'child', strength: 'required' },
];

/**
 * Tables no record names: accounts and their sign-in, the household and its settings, the audit
 * trail and the journal, file bytes (named by hash), reminders, notes and jobs.
 */
const NEVER_NAMED: ReadonlySet<ReferencingTable> = new Set<ReferencingTable>([
  'household',
  'user_account',
  'membership',
  'access_token',
  'audit_event',
  'journal',
  'attachment_blob',
  'household_settings',
  'reminder_sent',
  'living_iep_notes',
  'job',
  'job_input',
  'district_calendar',
  'iep_document',
  'iep_document_bytes',
  'service_log_mapping',
]);

/** Tables whose rows have an `id` that other rows can name (the targets of `any`), in backup order. */
export const IDENTIFIED_TABLES: readonly ReferencingTable[] = BACKUP_TABLES.filter(
  (t) => !NEVER_NAMED.has(t),
);

export function targetTables(ref: RecordReference): readonly ReferencingTable[] {
  if (ref.target === 'any') return IDENTIFIED_TABLES;
  return typeof ref.target === 'string' ? [ref.target] : ref.target;
}

/** The column a reference lives in (the first step of its path, in snake case). */
export function referenceColumn(ref: RecordReference): string {
  const first = ref.path.split(/[.[]/)[0]!;
  return first.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Whether the column holds JSON text (a list or an object) rather than a plain id. */
export function referenceIsJson(ref: RecordReference): boolean {
  return /[.[]/.test(ref.path);
}

export type FoundReference = { path: string; id: string };

/**
 * The ids a record holds at a reference's path, each with its path inside the record
 * (`accommodationChecks.1.accommodationId`). `record` is in API shape (JSON already parsed).
 */
export function idsAt(record: Record<string, unknown>, path: string): FoundReference[] {
  const steps = path.split('.');
  const out: FoundReference[] = [];
  const walk = (value: unknown, i: number, at: string) => {
    if (value == null) return;
    if (i === steps.length) {
      if (typeof value === 'string') out.push({ path: at, id: value });
      return;
    }
    const step = steps[i]!;
    const isList = step.endsWith('[]');
    const key = isList ? step.slice(0, -2) : step;
    const next = (value as Record<string, unknown>)[key];
    const here = at ? `${at}.${key}` : key;
    if (isList) {
      if (!Array.isArray(next)) return;
      next.forEach((item, n) => {
        walk(item, i + 1, `${here}.${n}`);
      });
    } else if (typeof value === 'object') {
      walk(next, i + 1, here);
    }
  };
  walk(record, 0, '');
  return out;
}
