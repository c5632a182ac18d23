import type { Kysely } from 'kysely';

// Two records the law's counts need (issue 13):
// - school_absence: a day the child was absent from school, marked by the family. Illinois counts the
//   10 school days for a service to start (23 Ill. Adm. Code 226.220) without the days the child was
//   absent, and the ledger's reasons can be checked against it. One mark per child and day. Families had
//   marked none before: the table starts empty.
// - communication.school_received_on: for a request the family sent, the day the school received it.
//   Some timelines run from receipt (California's 30 days for a meeting, Ed. Code 56343.5; a British
//   Columbia board's 45 days for an appeal, School Act s.11). Messages logged before it: null, unknown.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Adds school_absence (a generic journaled record: its create, update and delete entries are replayed like any other) and communication.school_received_on (text, default null; schoolReceivedOn in the journal). Journal entries written before this migration lack schoolReceivedOn, and replay reads a missing one as null: unknown.';

/** Fields this migration added to rows that already had journal entries: replay reads a missing one as this. */
export const replayDefaults = {
  'communication.schoolReceivedOn': null,
};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('communication').addColumn('school_received_on', 'text').execute();
  await db.schema
    .createTable('school_absence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
    .addColumn('child_id', 'text', (c) => c.notNull().references('child.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('school_absence_child_date_idx')
    .on('school_absence')
    .columns(['household_id', 'child_id', 'date'])
    .unique()
    .execute();
}
