import type { Db } from './repository.ts';

// What the caseload reads across the households it lists, one query for them all.

/** The time of each household's latest journal entry (its last activity), by household id. */
export async function lastJournalEntryAt(
  db: Db,
  householdIds: readonly string[],
): Promise<Map<string, string>> {
  if (householdIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('journal')
    .select(['household_id'])
    .select((eb) => eb.fn.max('at').as('last_at'))
    .where('household_id', 'in', [...householdIds])
    .groupBy('household_id')
    .execute();
  return new Map(rows.map((r) => [r.household_id, String(r.last_at)]));
}
