import type { Kysely } from 'kysely';
import { findCrossHouseholdReferences } from '../cross-household.ts';

// Check an existing database for rows that name a row of another household (an import before
// imports checked their references could write them). This migration changes nothing: it reports
// what it finds, and `as-written repair --cross-household` removes those rows, with a journal
// entry for each. `as-written verify` keeps naming them until then.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Changes nothing. The rows it reports are removed by "as-written repair --cross-household" with a journal delete entry each, which replay applies like any other delete.';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  const found = await findCrossHouseholdReferences(db);
  if (found.length === 0) return;
  const households = new Set(found.map((f) => f.householdId));
  process.stderr.write(
    `as-written: ${found.length} record(s) in ${households.size} household(s) name a record of another household ` +
      `(first: ${found[0]!.table} ${found[0]!.id}, ${found[0]!.path}). ` +
      'Those records are not shown to the other household. Run "as-written repair --cross-household" to remove them.\n',
  );
}
