import { z } from 'zod';
import { contentInView } from './plan-content.repository.ts';
import { plansInView } from './plans.repository.ts';
import { isReadMemo, onceInView } from './read-memo.ts';
import { type Db, parseJsonColumn } from './repository.ts';
import type { AccommodationObservationRow, BehaviorIncidentRow, GoalProgressRow } from './schema.ts';

// What the family observed of how the plan is carried out beyond therapy sessions: whether an
// accommodation was provided on a day, how a behavior incident was handled (the steps followed and
// skipped are JSON columns, read through their schema), and data points for goals. Written through
// the generic record service; these are the readers the reports and the home screen need. A voided
// record (logged by mistake) counts nowhere, so the readers of observations and incidents leave it out.

/** A child's accommodation observations not voided, dated in [from, to], by date then id, each with its accommodation's text. */
export async function listObservationsOfChild(
  db: Db,
  householdId: string,
  childId: string,
  window: { from: string; to: string },
): Promise<(AccommodationObservationRow & { text: string })[]> {
  // Through a read memo (the caseload: the case record reads the household's observations whole, the
  // patterns a child's in a window), the household's observations, accommodations and plans, each read
  // once whole, joined as the query below joins them and grouped by child once per view (shared), then
  // each window applied here, in the observations' order (plan-reads.memo.test.ts compares the two).
  if (isReadMemo(db)) {
    const ofChild = (await observationsByChildInView(db, householdId)).get(childId) ?? [];
    return ofChild.filter((o) => o.date >= window.from && o.date <= window.to).map((o) => ({ ...o }));
  }
  return db
    .selectFrom('accommodation_observation')
    .innerJoin('accommodation', (join) =>
      join
        .onRef('accommodation.id', '=', 'accommodation_observation.accommodation_id')
        .onRef('accommodation.household_id', '=', 'accommodation_observation.household_id'),
    )
    .innerJoin('plan', (join) =>
      join
        .onRef('plan.id', '=', 'accommodation.plan_id')
        .onRef('plan.household_id', '=', 'accommodation.household_id'),
    )
    .selectAll('accommodation_observation')
    .select('accommodation.text')
    .where('accommodation_observation.household_id', '=', householdId)
    .where('accommodation_observation.voided_at', 'is', null)
    .where('plan.child_id', '=', childId)
    .where('accommodation_observation.date', '>=', window.from)
    .where('accommodation_observation.date', '<=', window.to)
    .orderBy('accommodation_observation.date')
    .orderBy('accommodation_observation.id')
    .execute();
}

/**
 * Every accommodation observation of the household, voided ones too, by date then id: the observation
 * log's query (the record type's order), which a read memo runs once for both of its readers.
 */
function observationsInHousehold(db: Db, householdId: string): Promise<AccommodationObservationRow[]> {
  return db
    .selectFrom('accommodation_observation')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

/**
 * Through a read memo, each child's observations not voided, by date then id, each with its
 * accommodation's text: the query of listObservationsOfChild without its window, once per view
 * (shared: read-only for every caller).
 */
function observationsByChildInView(
  db: Db,
  householdId: string,
): Promise<ReadonlyMap<string, readonly (AccommodationObservationRow & { text: string })[]>> {
  return onceInView(db, `observationsByChild\u0000${householdId}`, async () => {
    const accommodations = await contentInView(db, 'accommodation', householdId);
    const plans = await plansInView(db, householdId);
    const byChild = new Map<string, (AccommodationObservationRow & { text: string })[]>();
    for (const o of await observationsInHousehold(db, householdId)) {
      if (o.voided_at != null) continue;
      const accommodation = accommodations.byId.get(o.accommodation_id)?.row;
      const plan = accommodation && plans.byId.get(accommodation.plan_id);
      if (!accommodation || !plan) continue;
      const row = { ...o, text: accommodation.text };
      const ofChild = byChild.get(plan.child_id);
      if (ofChild) ofChild.push(row);
      else byChild.set(plan.child_id, [row]);
    }
    return byChild;
  });
}

const StepIds = z.array(z.string());

export type BehaviorIncident = BehaviorIncidentRow & {
  stepsFollowedIds: string[];
  stepsSkippedIds: string[];
};

/** The behavior incidents of some plans not voided, dated in [from, to], by date, the steps parsed. */
export async function listIncidentsOfPlans(
  db: Db,
  householdId: string,
  planIds: readonly string[],
  window: { from: string; to: string },
): Promise<BehaviorIncident[]> {
  if (planIds.length === 0) return [];
  const rows = await db
    .selectFrom('behavior_incident')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('voided_at', 'is', null)
    .where('plan_id', 'in', [...planIds])
    .where('date', '>=', window.from)
    .where('date', '<=', window.to)
    .orderBy('date')
    .execute();
  return rows.map((r) => ({
    ...r,
    stepsFollowedIds: parseJsonColumn(StepIds, 'behavior_incident.steps_followed', r.steps_followed),
    stepsSkippedIds: parseJsonColumn(StepIds, 'behavior_incident.steps_skipped', r.steps_skipped),
  }));
}

/** The data points of some goals, by date. */
export function listProgressOfGoals(
  db: Db,
  householdId: string,
  goalIds: readonly string[],
): Promise<GoalProgressRow[]> {
  if (goalIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('goal_progress')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('goal_id', 'in', [...goalIds])
    .orderBy('date')
    .execute();
}

/**
 * Whether anything the family recorded names this accommodation or goal: an observation or a progress
 * point (by key), or a work sample's or a check-in's JSON (by its id, which is unique, so a LIKE on the
 * JSON text finds it). An amendment does not delete such an item: the record would lose what it was about.
 */
export async function planItemInUse(
  db: Db,
  householdId: string,
  item: { kind: 'accommodation' | 'goal'; id: string },
): Promise<boolean> {
  const keyed =
    item.kind === 'accommodation'
      ? await db
          .selectFrom('accommodation_observation')
          .select('id')
          .where('household_id', '=', householdId)
          .where('accommodation_id', '=', item.id)
          .limit(1)
          .executeTakeFirst()
      : await db
          .selectFrom('goal_progress')
          .select('id')
          .where('household_id', '=', householdId)
          .where('goal_id', '=', item.id)
          .limit(1)
          .executeTakeFirst();
  if (keyed) return true;
  const like = `%${item.id}%`;
  const sample = await db
    .selectFrom('work_sample')
    .select('id')
    .where('household_id', '=', householdId)
    .where(item.kind === 'accommodation' ? 'accommodation_checks' : 'goal_ids', 'like', like)
    .limit(1)
    .executeTakeFirst();
  if (sample) return true;
  const checkIn = await db
    .selectFrom('check_in')
    .select('id')
    .where('household_id', '=', householdId)
    .where('answers', 'like', like)
    .limit(1)
    .executeTakeFirst();
  return checkIn !== undefined;
}

/**
 * Whether a behavior incident (voided or not) records this step of the behavior plan as followed or
 * skipped: its id in either JSON list, found by a LIKE on the JSON text (ids are unique). An amendment
 * does not delete such a step: the incident would lose what it was about.
 */
export async function behaviorStepInUse(db: Db, householdId: string, id: string): Promise<boolean> {
  const like = `%${id}%`;
  const incident = await db
    .selectFrom('behavior_incident')
    .select('id')
    .where('household_id', '=', householdId)
    .where((eb) => eb.or([eb('steps_followed', 'like', like), eb('steps_skipped', 'like', like)]))
    .limit(1)
    .executeTakeFirst();
  return incident !== undefined;
}
