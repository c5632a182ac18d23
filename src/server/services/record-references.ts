import type { Transaction } from 'kysely';
import { contentIdsAmong } from '../../store/plan-content.repository.ts';
import { planIdsOfChild } from '../../store/plans.repository.ts';
import type { Database } from '../../store/schema.ts';
import { serviceHasSessionEntries } from '../../store/session-entries.repository.ts';
import { apiError, invalid, notFound } from '../errors.ts';

// Checks that ids listed inside a record name the right things: behavior steps of the incident's
// own plan, accommodations and goals of the work sample's own child. Each failure names the field
// (with its index) so the form can point at it.

type Trx = Transaction<Database>;

export async function requireBehaviorSteps(trx: Trx, householdId: string, record: Record<string, unknown>) {
  const followed = (record.stepsFollowed as string[]) ?? [];
  const skipped = (record.stepsSkipped as string[]) ?? [];
  const both = followed.filter((id) => skipped.includes(id));
  if (both.length > 0) {
    throw invalid(
      `stepsSkipped.${skipped.indexOf(both[0]!)}`,
      'is also listed as followed; a step is one or the other',
      { rule: 'incident.stepBoth' },
    );
  }
  const all = [...followed, ...skipped];
  if (all.length === 0) return;
  const known = await contentIdsAmong(trx, 'behavior_step', householdId, [record.planId as string], all);
  for (const [key, list] of [
    ['stepsFollowed', followed],
    ['stepsSkipped', skipped],
  ] as const) {
    list.forEach((id, i) => {
      if (!known.has(id)) throw notFound('Behavior-plan step of this plan', id, `${key}.${i}`);
    });
  }
}

export function requireChildAccommodations(
  trx: Trx,
  householdId: string,
  childId: string,
  ids: readonly string[],
  path: string,
  key?: string,
) {
  return requireInChildPlans(
    trx,
    'accommodation',
    'Accommodation of this child',
    householdId,
    childId,
    ids,
    path,
    key,
  );
}

export function requireChildGoals(
  trx: Trx,
  householdId: string,
  childId: string,
  ids: readonly string[],
  path = 'goalIds',
) {
  return requireInChildPlans(trx, 'goal', 'Goal of this child', householdId, childId, ids, path);
}

/** Every id names a row of `table` in one of the child's plans, or a 404 naming `path.i(.key)`. */
async function requireInChildPlans(
  trx: Trx,
  table: 'accommodation' | 'goal',
  what: string,
  householdId: string,
  childId: string,
  ids: readonly string[],
  path: string,
  key?: string,
) {
  if (ids.length === 0) return;
  const plans = await planIdsOfChild(trx, householdId, childId);
  const known = await contentIdsAmong(trx, table, householdId, plans, ids);
  ids.forEach((id, i) => {
    if (!known.has(id)) throw notFound(what, id, [path, i, key].filter((p) => p !== undefined).join('.'));
  });
}

/** A service with session entries stays in the record: its end date changes, or the plan is amended, instead. */
export async function refuseDeletingServiceInUse(trx: Trx, householdId: string, serviceId: string) {
  if (await serviceHasSessionEntries(trx, householdId, serviceId)) {
    throw apiError('conflict', 'service.hasEntries');
  }
}
