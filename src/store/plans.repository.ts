import { z } from 'zod';
import { MissReason, type ReasonPolicy, Responsibility } from '../domain/session-entry.ts';
import { isReadMemo, onceInView } from './read-memo.ts';
import { type Db, findInHousehold, parseJsonColumn } from './repository.ts';
import type { PlanRow } from './schema.ts';

// A child's plans (IEPs, 504 plans). Their content (services, accommodations, ...) is in its own
// tables; their versions in plan-versions.ts's reader.
//
// Through a read memo (the caseload: the week, the ledgers, the advisor and the plan's versions each
// look a plan up their own way), every reader below answers from the household's plans, read once
// (plansInHousehold) and indexed once per view by child and by id (plansInView), narrowed here by the
// same conditions as its query, each caller given its own copies; the order is that read's, the query's
// (plans of a child that start on the same day, which the query leaves in no order, come in that read's
// order). plan-reads.memo.test.ts compares each narrowing with its query.

/** A household's plans, the latest to start first: through a read memo, the one read of plans. */
export function plansInHousehold(db: Db, householdId: string): Promise<PlanRow[]> {
  return db
    .selectFrom('plan')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('effective_from', 'desc')
    .execute();
}

/** A household's plans as a read memo holds them: each child's in plansInHousehold's order, and by id. */
export type PlansInView = {
  readonly byChild: ReadonlyMap<string, readonly PlanRow[]>;
  readonly byId: ReadonlyMap<string, PlanRow>;
};

/**
 * Through a read memo, the household's plans indexed once per view (shared: read-only for every caller),
 * so that each child's narrowing costs that child's plans, not the household's (a district's thousands).
 */
export function plansInView(db: Db, householdId: string): Promise<PlansInView> {
  return onceInView(db, `plansInView\u0000${householdId}`, async () => {
    const byChild = new Map<string, PlanRow[]>();
    const byId = new Map<string, PlanRow>();
    for (const plan of await plansInHousehold(db, householdId)) {
      byId.set(plan.id, plan);
      const ofChild = byChild.get(plan.child_id);
      if (ofChild) ofChild.push(plan);
      else byChild.set(plan.child_id, [plan]);
    }
    return { byChild, byId };
  });
}

/** Through a read memo, a child's plans in the query's order (shared rows: copy before handing out). */
async function childPlansInView(db: Db, householdId: string, childId: string): Promise<readonly PlanRow[]> {
  return (await plansInView(db, householdId)).byChild.get(childId) ?? [];
}

const copy = (plan: PlanRow | undefined): PlanRow | undefined => plan && { ...plan };

/** A plan of the household, or undefined. */
export async function findPlan(db: Db, householdId: string, planId: string): Promise<PlanRow | undefined> {
  if (isReadMemo(db)) return copy((await plansInView(db, householdId)).byId.get(planId));
  return findInHousehold(db, 'plan', householdId, planId);
}

/** The query of a child's plans, the latest to start first, for the readers below to narrow. */
const plansOf = (db: Db, householdId: string, childId: string) =>
  db
    .selectFrom('plan')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .orderBy('effective_from', 'desc');

/** A child's plans, the latest to start first. */
export async function plansOfChild(db: Db, householdId: string, childId: string): Promise<PlanRow[]> {
  if (isReadMemo(db)) return (await childPlansInView(db, householdId, childId)).map((p) => ({ ...p }));
  return plansOf(db, householdId, childId).execute();
}

/** The ids of a child's plans. */
export async function planIdsOfChild(db: Db, householdId: string, childId: string): Promise<string[]> {
  return (await plansOfChild(db, householdId, childId)).map((p) => p.id);
}

/** The plan in force on a date (the latest to start, should two overlap), or undefined. */
export async function planInForce(
  db: Db,
  householdId: string,
  childId: string,
  date: string,
): Promise<PlanRow | undefined> {
  if (isReadMemo(db))
    return copy(
      (await childPlansInView(db, householdId, childId)).find(
        (p) => p.effective_from <= date && p.effective_to >= date,
      ),
    );
  return plansOf(db, householdId, childId)
    .where('effective_from', '<=', date)
    .where('effective_to', '>=', date)
    .executeTakeFirst();
}

/** The latest plan of a child to have started on or before a date (in force, or ended since), or undefined. */
export async function latestPlanStartedBy(
  db: Db,
  householdId: string,
  childId: string,
  date: string,
): Promise<PlanRow | undefined> {
  if (isReadMemo(db))
    return copy((await childPlansInView(db, householdId, childId)).find((p) => p.effective_from <= date));
  return plansOf(db, householdId, childId).where('effective_from', '<=', date).executeTakeFirst();
}

/** A plan's `reason_policy` column: who answers for each reason a session was missed, where the family set it. */
export function storedReasonPolicy(stored: string | null): Partial<ReasonPolicy> {
  return stored
    ? parseJsonColumn(z.partialRecord(MissReason, Responsibility), 'plan.reason_policy', stored)
    : {};
}
