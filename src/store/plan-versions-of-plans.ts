import type { Db } from './repository.ts';
import type { PlanVersionRow } from './schema.ts';

// The versions of several plans in one read: a ledger needs only each version's dates and, for a
// superseded version, its frozen content (`snapshot`); the current version's services are the plan's
// live service rows, which the ledger has already read. One statement for a child's plans, however many
// school years they span, where reading each plan's versions with their content took seven per plan.

/** The versions of the household's plans among `planIds`, each plan's in version order (none of another household). */
export function versionRowsOfPlans(
  db: Db,
  householdId: string,
  planIds: readonly string[],
): Promise<PlanVersionRow[]> {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plan_version')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', [...planIds])
    .orderBy('plan_id')
    .orderBy('version_number')
    .execute();
}
