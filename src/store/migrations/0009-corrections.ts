import type { Kysely } from 'kysely';

// Corrections and voids. A session entry is corrected by a new entry (`corrects_entry_id`, since
// 0001), and a void is such a correction with the status "void": session_entry needs no new column.
// Observations, behavior incidents, work samples and messages are changed in place (with a journal
// entry), so a void is a flag on the row, never a deletion: when it was voided, by whom and why.
// Existing rows are not voided (null).

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Adds voided_at, voided_by and void_note (text, default null) to accommodation_observation, behavior_incident, work_sample and communication; a void or an undone void is an "update" journal entry whose data lists those fields as changed. Journal entries written before this migration lack them, and replay reads a missing one as null, not voided (replayDefaults). Session-entry voids are "create" entries of a correction with status "void", replayed like any other entry.';

/** Fields this migration added to rows that already had journal entries: replay reads a missing one as this. */
export const replayDefaults = {
  'accommodation_observation.voidedAt': null,
  'accommodation_observation.voidedBy': null,
  'accommodation_observation.voidNote': null,
  'behavior_incident.voidedAt': null,
  'behavior_incident.voidedBy': null,
  'behavior_incident.voidNote': null,
  'work_sample.voidedAt': null,
  'work_sample.voidedBy': null,
  'work_sample.voidNote': null,
  'communication.voidedAt': null,
  'communication.voidedBy': null,
  'communication.voidNote': null,
};

const TABLES = ['accommodation_observation', 'behavior_incident', 'work_sample', 'communication'] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn('voided_at', 'text').execute();
    await db.schema.alterTable(table).addColumn('voided_by', 'text').execute();
    await db.schema.alterTable(table).addColumn('void_note', 'text').execute();
  }
}
