import type { Kysely } from 'kysely';

// Indexes for the reads that each screen makes of one household or one child, on tables that had none
// for them (issue 18): with many households on one database, these reads scanned every household's rows
// (the caseload of 200 families read each family's observations from the whole table), so a screen's
// time grew with the number of families on the server rather than with the family's own records.
// - accommodation_observation: the household's observations in date order (patterns, reports);
// - parent_note: a child's notes in date order (the communication log, the advisor);
// - letter: a household's or a child's letters;
// - session_entry: a child's entries in date and id order, the order the screens read them (the index on
//   (child_id, date) left a sort by id for every read; the new one replaces it). Not led by household_id:
//   with several services named, SQLite would then read a whole household's entries (a district's)
//   rather than look each service up in its own index.
// Indexes only: no row or field changes.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay = 'Adds indexes only: no rows or fields change, nothing to replay.';

/** Fields this migration added to rows that already had journal entries: none. */
export const replayDefaults = {};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('accommodation_observation_household_date_idx')
    .on('accommodation_observation')
    .columns(['household_id', 'date', 'id'])
    .execute();
  await db.schema
    .createIndex('parent_note_child_date_idx')
    .on('parent_note')
    .columns(['household_id', 'child_id', 'date', 'id'])
    .execute();
  await db.schema
    .createIndex('letter_household_child_idx')
    .on('letter')
    .columns(['household_id', 'child_id'])
    .execute();
  await db.schema
    .createIndex('session_entry_child_date_id_idx')
    .on('session_entry')
    .columns(['child_id', 'date', 'id'])
    .execute();
  await db.schema.dropIndex('session_entry_child_date_idx').execute();
}
