import type { Kysely } from 'kysely';

// The parent's own words for the living IEP, one set per child: the concerns statement, what they
// want changed, and their questions for the team.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  "Adds the parent's living-IEP notes, one row per child, written whole by each journaled update (keyed by the child's id); replay takes the latest entry's data, with its time as updatedAt.";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('living_iep_notes')
    .addColumn('child_id', 'text', (c) => c.primaryKey().references('child.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('household.id'))
    .addColumn('concerns', 'text')
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
