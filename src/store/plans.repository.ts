import { z } from 'zod';
import { MissReason, type ReasonPolicy, Responsibility } from '../domain/session-entry.ts';
import { type Db, findInHousehold, parseJsonColumn } from './repository.ts';
import type { PlanRow } from './schema.ts';

// A child's plans (IEPs, 504 plans). Their content (services, accommodations, ...) is in its own
// tables; their versions in plan-versions.ts's reader.

/** A plan of the household, or undefined. */
export function findPlan(db: Db, householdId: string, planId: string): Promise<PlanRow | undefined> {
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
export function plansOfChild(db: Db, householdId: string, childId: string): Promise<PlanRow[]> {
  return plansOf(db, householdId, childId).execute();
}

/** The ids of a child's plans. */
export async function planIdsOfChild(db: Db, householdId: string, childId: string): Promise<string[]> {
  return (await plansOfChild(db, householdId, childId)).map((p) => p.id);
}

/** The plan in force on a date (the latest to start, should two overlap), or undefined. */
export function planInForce(
  db: Db,
  householdId: string,
  childId: string,
  date: string,
): Promise<PlanRow | undefined> {
  return plansOf(db, householdId, childId)
    .where('effective_from', '<=', date)
    .where('effective_to', '>=', date)
    .executeTakeFirst();
}

/** The latest plan of a child to have started on or before a date (in force, or ended since), or undefined. */
export function latestPlanStartedBy(
  db: Db,
  householdId: string,
  childId: string,
  date: string,
): Promise<PlanRow | undefined> {
  return plansOf(db, householdId, childId).where('effective_from', '<=', date).executeTakeFirst();
}

/** A plan's `reason_policy` column: who answers for each reason a session was missed, where the family set it. */
export function storedReasonPolicy(stored: string | null): Partial<ReasonPolicy> {
  return stored
    ? parseJsonColumn(z.partialRecord(MissReason, Responsibility), 'plan.reason_policy', stored)
    : {};
}
