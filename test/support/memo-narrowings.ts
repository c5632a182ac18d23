// The household the read memo's narrowings are checked on (src/store/plan-reads.memo.test.ts on SQLite,
// test/integration/read-memo.test.ts on both databases), and the reads checked. Through a read memo
// (src/store/read-memo.ts), the plan readers answer from the household's plans, their content, its
// observations and a child's work samples, each read once whole, narrowed in code: each narrowed answer
// must be exactly the query's. The demo household is given what makes every condition of those queries
// leave a row out: a second child with a plan of its own, an earlier plan and an overlapping later one
// for the first child, content in each (a service, an accommodation and a goal added earlier with a
// later id, a behavior step sharing its position), rows of the same day with a smaller id, voided and
// out-of-window observations and work samples, and a second household whose ids are asked for in the
// first.

import type { Kysely } from 'kysely';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { RESOURCES } from '../../src/server/services/resources.ts';
import { findChild } from '../../src/store/children.repository.ts';
import type { Store } from '../../src/store/database.ts';
import { listObservationsOfChild } from '../../src/store/observations.repository.ts';
import {
  accommodationTextsOfPlans,
  behaviorStepsOfPlans,
  goalsOfPlan,
  goalsOfPlans,
  keyDatesOfPlan,
  type PlanContentTable,
  planContentRows,
  progressReportDatesOfPlans,
  serviceSettingsOfPlans,
  serviceSummariesOfPlan,
} from '../../src/store/plan-content.repository.ts';
import {
  findPlan,
  latestPlanStartedBy,
  planIdsOfChild,
  planInForce,
  plansOfChild,
} from '../../src/store/plans.repository.ts';
import type { Db } from '../../src/store/repository.ts';
import type { Database } from '../../src/store/schema.ts';
import { servicesWithPlan } from '../../src/store/services.repository.ts';
import { workSamplesOfChild } from '../../src/store/work-samples.repository.ts';

export type NarrowingHousehold = {
  householdId: string;
  /** The demo's child, with three plans: `earlier`, `current` (the demo's) and `later` (overlapping it). */
  childId: string;
  secondChildId: string;
  plans: { earlier: string; current: string; later: string; secondChild: string };
  /** A plan, a service and a child of another household. */
  other: { planId: string; serviceId: string; childId: string };
};

/** One read, asked the same way of the store and of a read memo; `ordered` when its query has an order. */
export type NarrowingCase = { name: string; ordered: boolean; read: (db: Db) => Promise<unknown> };

const NOW = '2026-12-01T15:00:00.000Z';

/** A year moved by `years` in a `YYYY-MM-DD…` text (the content copied into other plans, moved in time). */
const shiftYear = (text: string, years: number) => `${Number(text.slice(0, 4)) + years}${text.slice(4)}`;

/** Seed the demo household and another, then add to the first what the narrowings must tell apart. */
export async function seedNarrowingHousehold(store: Store): Promise<NarrowingHousehold> {
  const clock = fixedClock(NOW);
  const demo = await seedDemoHousehold(store, clock);
  const other = await seedDemoHousehold(store, clock);
  // biome-ignore lint/suspicious/noExplicitAny: copies of rows of several tables
  const db = store.db as Kysely<any>;
  const { householdId, childId, planId } = demo;
  const child = await db.selectFrom('child').selectAll().where('id', '=', childId).executeTakeFirstOrThrow();
  const secondChildId = `${childId}-second`;
  await db
    .insertInto('child')
    .values({ ...child, id: secondChildId, first_name: 'Second', created_at: '2026-12-01T16:00:00.000Z' })
    .execute();

  const current = (await db
    .selectFrom('plan')
    .selectAll()
    .where('id', '=', planId)
    .executeTakeFirstOrThrow()) as Database['plan'];
  const plans = {
    earlier: `${planId}-earlier`,
    current: planId,
    later: `${planId}-later`,
    secondChild: `${planId}-second`,
  };
  await db
    .insertInto('plan')
    .values([
      {
        ...current,
        id: plans.earlier,
        effective_from: shiftYear(current.effective_from, -1),
        effective_to: shiftYear(current.effective_to, -1).replace(/-\d\d$/, '-06'),
      },
      // Starts within the current plan and ends before it: the plan in force while both are.
      { ...current, id: plans.later, effective_from: '2027-01-04', effective_to: '2027-06-11' },
      { ...current, id: plans.secondChild, child_id: secondChildId },
    ])
    .execute();

  // The current plan's content, copied into each other plan; the key dates moved by whole years, so that
  // two plans' dates never fall on the same day (a query ordering by date alone leaves such days in no order).
  const moved = { earlier: -1, later: 2, secondChild: 4 } as const;
  const tables: PlanContentTable[] = ['service', 'accommodation', 'goal', 'behavior_step', 'key_date'];
  for (const table of tables) {
    const rows = await db.selectFrom(table).selectAll().where('plan_id', '=', planId).execute();
    for (const [key, years] of Object.entries(moved) as [keyof typeof moved, number][])
      await db
        .insertInto(table)
        .values(
          rows.map((r: Record<string, unknown>) => ({
            ...r,
            id: `${r.id}-${key}`,
            plan_id: plans[key],
            ...(table === 'key_date' ? { date: shiftYear(r.date as string, years) } : {}),
          })),
        )
        .execute();
  }
  // A service, an accommodation and a goal added before the others but with the last id: the order is by
  // when each was added, then id.
  for (const table of ['service', 'accommodation', 'goal'] as const) {
    const first = await db
      .selectFrom(table)
      .selectAll()
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto(table)
      .values({ ...first, id: `zz-${table}-added-first`, created_at: '2026-11-01T09:00:00.000Z' })
      .execute();
  }
  const steps = await db.selectFrom('behavior_step').selectAll().where('plan_id', '=', planId).execute();
  // A step sharing the second step's position, added earlier: by position, then when added, then id.
  await db
    .insertInto('behavior_step')
    .values({ ...steps[1], id: 'zz-step-same-position', created_at: '2026-11-01T09:00:00.000Z' })
    .execute();

  // Observations: one voided, one of each other plan's copy of an accommodation, one out of every window.
  const observations = await db
    .selectFrom('accommodation_observation')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('id')
    .execute();
  const seen = observations[0]!;
  await db
    .insertInto('accommodation_observation')
    .values([
      { ...seen, id: `${seen.id}-voided`, voided_at: NOW, voided_by: 'someone', void_note: 'logged twice' },
      {
        ...seen,
        id: `${seen.id}-earlier`,
        accommodation_id: `${seen.accommodation_id}-earlier`,
        date: '2026-03-02',
      },
      {
        ...seen,
        id: `${seen.id}-second`,
        accommodation_id: `${seen.accommodation_id}-secondChild`,
        date: '2026-10-05',
      },
      { ...seen, id: `${seen.id}-long-ago`, date: '2019-09-09' },
      // The same day as another, a smaller id: by date, then id.
      { ...seen, id: `00-${seen.id}-same-day` },
    ])
    .execute();

  // Work samples: one voided, one of the second child, one long ago, one in the future.
  const sample = await db
    .selectFrom('work_sample')
    .selectAll()
    .where('child_id', '=', childId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('work_sample')
    .values([
      { ...sample, id: `${sample.id}-voided`, voided_at: NOW, voided_by: 'someone', void_note: 'not hers' },
      { ...sample, id: `${sample.id}-second`, child_id: secondChildId },
      { ...sample, id: `${sample.id}-long-ago`, date: '2019-09-10' },
      { ...sample, id: `${sample.id}-future`, date: '2027-03-01' },
      // The same day as the demo's sample, added after it with a smaller id: by date, then id.
      { ...sample, id: `00-${sample.id}-same-day` },
    ])
    .execute();

  return {
    householdId,
    childId,
    secondChildId,
    plans,
    other: { planId: other.planId, serviceId: other.services.speech, childId: other.childId },
  };
}

/** Every read a read memo narrows, each asked in the ways that tell its conditions apart. */
export function narrowingCases(h: NarrowingHousehold): NarrowingCase[] {
  const { householdId: hh, childId, secondChildId, plans, other } = h;
  const children = [childId, secondChildId, other.childId, 'no-such-child'];
  const planIds = [...Object.values(plans), other.planId, 'no-such-plan'];
  const planLists = [
    [plans.current],
    [plans.earlier, plans.current, plans.later],
    [plans.secondChild],
    [plans.current, plans.secondChild, other.planId],
    // A plan named twice: its rows once, as `in` gives them.
    [plans.later, plans.current, plans.later],
    [other.planId],
    [],
  ];
  const dates = [
    '2019-01-01',
    '2025-10-01',
    '2026-09-06',
    '2026-09-07',
    '2026-09-08',
    '2026-12-01',
    '2027-01-04',
    '2027-06-11',
    '2027-06-12',
    '2027-09-07',
    '2027-09-08',
  ];
  const windows = [
    { from: '2026-09-01', to: '2026-10-31' },
    { from: '2026-10-05', to: '2026-10-05' },
    { from: '2019-01-01', to: '2026-12-01' },
    { from: '2027-01-01', to: '2027-12-31' },
  ];
  const cases: NarrowingCase[] = [];
  const add = (name: string, ordered: boolean, read: NarrowingCase['read']) =>
    cases.push({ name, ordered, read });

  for (const c of children) {
    add(`plansOfChild ${c}`, true, (db) => plansOfChild(db, hh, c));
    add(`planIdsOfChild ${c}`, true, (db) => planIdsOfChild(db, hh, c));
    add(`findChild ${c}`, true, (db) => findChild(db, hh, c));
    add(`servicesWithPlan child ${c}`, true, (db) => servicesWithPlan(db, hh, { childId: c }));
    for (const date of dates) {
      add(`planInForce ${c} ${date}`, true, (db) => planInForce(db, hh, c, date));
      add(`latestPlanStartedBy ${c} ${date}`, true, (db) => latestPlanStartedBy(db, hh, c, date));
    }
    for (const window of windows) {
      add(`listObservationsOfChild ${c} ${JSON.stringify(window)}`, true, (db) =>
        listObservationsOfChild(db, hh, c, window),
      );
      add(`workSamplesOfChild ${c} ${JSON.stringify(window)}`, true, (db) =>
        workSamplesOfChild(db, hh, c, window),
      );
      add(`workSamplesOfChild ${c} to ${window.to}`, true, (db) =>
        workSamplesOfChild(db, hh, c, { to: window.to }),
      );
    }
  }
  for (const serviceId of ['zz-service-added-first', `${other.serviceId}`, 'no-such-service']) {
    add(`servicesWithPlan service ${serviceId}`, true, (db) => servicesWithPlan(db, hh, { serviceId }));
    for (const c of [childId, secondChildId])
      add(`servicesWithPlan child ${c} service ${serviceId}`, true, (db) =>
        servicesWithPlan(db, hh, { childId: c, serviceId }),
      );
  }
  for (const planId of planIds) {
    add(`findPlan ${planId}`, true, (db) => findPlan(db, hh, planId));
    add(`serviceSummariesOfPlan ${planId}`, true, (db) => serviceSummariesOfPlan(db, hh, planId));
    add(`goalsOfPlan ${planId}`, true, (db) => goalsOfPlan(db, hh, planId));
    add(`keyDatesOfPlan ${planId}`, true, (db) => keyDatesOfPlan(db, hh, planId));
    for (const key of ['service', 'accommodation', 'goal', 'behaviorStep', 'keyDate'] as const) {
      const def = RESOURCES[key];
      const table = def.table as PlanContentTable;
      add(`planContentRows ${table} ${planId}`, true, (db) =>
        planContentRows(db, table, hh, planId, def.orderBy),
      );
    }
    // An order no memo read has: the query itself.
    add(`planContentRows key_date by kind ${planId}`, true, (db) =>
      planContentRows(db, 'key_date', hh, planId, ['kind', 'id']),
    );
  }
  for (const list of planLists) {
    const name = JSON.stringify(list);
    add(`serviceSettingsOfPlans ${name}`, false, (db) => serviceSettingsOfPlans(db, hh, list));
    add(`accommodationTextsOfPlans ${name}`, true, (db) => accommodationTextsOfPlans(db, hh, list));
    add(`goalsOfPlans ${name}`, false, (db) => goalsOfPlans(db, hh, list));
    add(`behaviorStepsOfPlans ${name}`, false, (db) => behaviorStepsOfPlans(db, hh, list));
    add(`progressReportDatesOfPlans ${name}`, true, (db) => progressReportDatesOfPlans(db, hh, list));
  }
  return cases;
}

/** An answer of a query without an order, in one order (by id), to compare as a set. */
export function inIdOrder(answer: unknown): unknown {
  if (!Array.isArray(answer)) return answer;
  return [...answer].sort((a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
