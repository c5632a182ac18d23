import { type Kysely, sql } from 'kysely';

// A child's corrections found without reading the child's every entry (issue 18: a family's fifth year
// should open as fast as its first). The screens read a child's entries in a date range together with
// every correction whatever its date (a correction dated outside the range, a date put right, still
// replaces the entry it corrects: listSessionEntriesWithCorrections in
// src/store/session-entries.repository.ts). Asked as one condition, `date in range or a correction`, the
// database could only read every entry of the child and test each: a home screen of a family with five
// years of sessions looked up all five years, row by row, to keep the last year's. This index holds only
// the corrections (entries that name the entry they correct: few), by child, so that read is two short
// ones: the range through (child_id, date, id) and the corrections through this index. A partial index,
// on SQLite and PostgreSQL alike; small, since most entries correct nothing.
// Indexes only: no row or field changes.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay = 'Adds an index only: no rows or fields change, nothing to replay.';

/** Fields this migration added to rows that already had journal entries: none. */
export const replayDefaults = {};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('session_entry_child_correction_idx')
    .on('session_entry')
    .columns(['child_id', 'date', 'id'])
    .where(sql.ref('corrects_entry_id'), 'is not', null)
    .execute();
}
