import type { Kysely } from 'kysely';

// A district calendar the family subscribes to by its address (issue 16): the server reads the feed
// every day and adds new days off (src/domain/calendar-subscription.ts). One row per subscription
// holds its address and what the last read saw and left for the parent: the events it knew, the
// changes waiting for the parent, the days it added on its own (the home screen's note), and how the
// last read went. Families had none before: the table starts empty.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Adds district_calendar (a subscription to a district calendar feed and what its last read saw): operational like the job table, listed in NOT_REPLAYED; every calendar day a subscription adds is a journaled calendar_event, replayed like any other.';

/** Fields this migration added to rows that already had journal entries: none. */
export const replayDefaults = {};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('district_calendar')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
    .addColumn('child_id', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    // never | ok | failed: how the last read went, and why it failed.
    .addColumn('last_status', 'text', (c) => c.notNull().defaultTo('never'))
    .addColumn('last_error', 'text')
    .addColumn('last_read_at', 'text')
    // JSON lists (src/domain/calendar-subscription.ts): known events, waiting changes, recent additions.
    .addColumn('known', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('pending', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('recent', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('district_calendar_household_id_uq', ['household_id', 'id'])
    // A child's subscription can only name a child of its own household (as migration 0015 made every key).
    .addForeignKeyConstraint('district_calendar_child_fk', ['household_id', 'child_id'], 'child', [
      'household_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('district_calendar_child_idx')
    .on('district_calendar')
    .columns(['household_id', 'child_id'])
    .execute();
}
