import type { Kysely } from 'kysely';

// Indexes for finding a child's plans and a plan's services within a household (issue 18): the ledger,
// the week and the case record ask for "this child's services" by joining service to plan where the
// plan's child is the one asked. With only (household_id, id) and single-column indexes, SQLite (without
// statistics) took the household's services index and read every service of the household for each
// child: nothing for a family, but an advocate's test district of 10,000 children in one household read
// 30,000 services per child, so a district's ledgers took time in the square of its size. With these,
// both sides of the join are looked up by two equal columns, the child's plans first.
// Indexes only: no row or field changes.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay = 'Adds indexes only: no rows or fields change, nothing to replay.';

/** Fields this migration added to rows that already had journal entries: none. */
export const replayDefaults = {};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('plan_household_child_idx')
    .on('plan')
    .columns(['household_id', 'child_id'])
    .execute();
  await db.schema
    .createIndex('service_household_plan_idx')
    .on('service')
    .columns(['household_id', 'plan_id'])
    .execute();
}
