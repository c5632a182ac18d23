import { z } from 'zod';
import { MissReason, type ReasonPolicy, Responsibility } from '../domain/session-entry.ts';
import { isReadMemo } from './read-memo.ts';
import { type Db, findInHousehold, parseJsonColumn } from './repository.ts';
import type { PlanRow } from './schema.ts';

// A child's plans (IEPs, 504 plans). Their content (services, accommodations, ...) is in its own
// tables; their versions in plan-versions.ts's reader.
//
// Through a read memo (the caseload: the week, the ledgers, the advisor and the plan's versions each
// look a plan up their own way), every reader below is the household's plans, read once
// (plansInHousehold), narrowed here by the same conditions as its query; the order is that read's,
// the query's (plans of a child that start on the same day, which the query leaves in no order, come
// in that read's order). plan-reads.memo.test.ts compares each narrowing with its query.

/** A household's plans, the latest to start first: through a read memo, the one read of plans. */
export function plansInHousehold(db: Db, householdId: string): Promise<PlanRow[]> {
  return db
    .selectFrom('plan')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('effective_from', 'desc')
    .execute();
}

/** A plan of the household, or undefined. */
export async function findPlan(db: Db, householdId: string, planId: string): Promise<PlanRow | undefined> {
  if (isReadMemo(db)) return (await plansInHousehold(db, householdId)).find((p) => p.id === planId);
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
  if (isReadMemo(db)) return (await plansInHousehold(db, householdId)).filter((p) => p.child_id === childId);
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
    return (await plansInHousehold(db, householdId)).find(
      (p) => p.child_id === childId && p.effective_from <= date && p.effective_to >= date,
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
    return (await plansInHousehold(db, householdId)).find(
      (p) => p.child_id === childId && p.effective_from <= date,
    );
  return plansOf(db, householdId, childId).where('effective_from', '<=', date).executeTakeFirst();
}

/** A plan's `reason_policy` column: who answers for each reason a session was missed, where the family set it. */
export function storedReasonPolicy(stored: string | null): Partial<ReasonPolicy> {
  return stored
    ? parseJsonColumn(z.partialRecord(MissReason, Responsibility), 'plan.reason_policy', stored)
    : {};
}
