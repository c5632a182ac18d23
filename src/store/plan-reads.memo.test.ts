import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inIdOrder,
  type NarrowingHousehold,
  narrowingCases,
  seedNarrowingHousehold,
} from '../../test/support/memo-narrowings.ts';
import { RESOURCES } from '../server/services/resources.ts';
import { findChild } from './children.repository.ts';
import { openStore, type Store } from './database.ts';
import { listObservationsOfChild } from './observations.repository.ts';
import { keyDatesOfPlan, planContentRows } from './plan-content.repository.ts';
import { findPlan, planInForce, plansOfChild } from './plans.repository.ts';
import { withReadMemo } from './read-memo.ts';
import { recordRows } from './records.repository.ts';
import { servicesWithPlan } from './services.repository.ts';
import { workSamplesOfChild } from './work-samples.repository.ts';

// Through a read memo, a household's plans, their content (services, accommodations, goals, behavior
// steps, key dates) and its observations, and a child's work samples, are each read once whole, and
// every reader of them is that read narrowed in code (plans, plan-content, services, observations,
// children and work-samples repositories): each narrowed answer must be exactly the query's, in the
// same order, with the same columns. The household (test/support/memo-narrowings.ts) has rows that each
// condition of those queries leaves out; the same cases run on PostgreSQL in
// test/integration/read-memo.test.ts.

const NO_FILTERS = { equal: [], listContains: [] };

describe("a household's plans and their content through a read memo", () => {
  let dir: string;
  let store: Store;
  let h: NarrowingHousehold;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'as-written-plan-memo-'));
    store = await openStore({ kind: 'sqlite', file: join(dir, 'plans.db') });
    h = await seedNarrowingHousehold(store);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives each reader exactly what its query gives, in the same order', async () => {
    const reads = withReadMemo(store).db;
    for (const c of narrowingCases(h)) {
      const direct = await c.read(store.db);
      const narrowed = await c.read(reads);
      if (c.ordered) expect(narrowed, c.name).toStrictEqual(direct);
      else expect(inIdOrder(narrowed), c.name).toStrictEqual(inIdOrder(direct));
    }
  });

  it("reads each table once for all its readers (a child's work samples once a child)", async () => {
    const executed: string[] = [];
    const db = Object.create(store.db) as Store['db'];
    db.executeQuery = ((query: Parameters<Store['db']['executeQuery']>[0]) => {
      executed.push('sql' in query ? query.sql : '');
      return store.db.executeQuery(query);
    }) as Store['db']['executeQuery'];
    const reads = withReadMemo({ ...store, db }).db;
    // Every case but those asking for an order no memo read has (each its own query).
    for (const c of narrowingCases(h)) if (!c.name.includes(' by kind ')) await c.read(reads);
    // The observations read whole is the observation log's own query (the case record reads it so).
    const log = RESOURCES.accommodationObservation;
    await recordRows(reads, 'accommodation_observation', h.householdId, NO_FILTERS, log.orderBy);
    const tables = executed.map((text) => /from "(\w+)"/.exec(text)?.[1]);
    const times = (table: string) => tables.filter((t) => t === table).length;
    for (const table of ['plan', 'child', 'service', 'accommodation', 'goal', 'behavior_step', 'key_date'])
      expect(times(table), table).toBe(1);
    expect(times('accommodation_observation')).toBe(1);
    expect(times('work_sample')).toBe(4);
    expect(executed).toHaveLength(12);
  });

  it('has rows that each condition leaves out', async () => {
    const reads = withReadMemo(store).db;
    // The plan in force is the latest to start of those in force; the second child's plan is not Emma's.
    expect((await planInForce(reads, h.householdId, h.childId, '2027-02-01'))?.id).toBe(h.plans.later);
    expect((await planInForce(reads, h.householdId, h.childId, '2026-12-01'))?.id).toBe(h.plans.current);
    expect(await planInForce(reads, h.householdId, h.childId, '2026-09-07')).toBeUndefined();
    expect((await plansOfChild(reads, h.householdId, h.childId)).map((p) => p.id)).toEqual([
      h.plans.later,
      h.plans.current,
      h.plans.earlier,
    ]);
    // The service added first comes first, whatever its id.
    const services = await servicesWithPlan(reads, h.householdId, { childId: h.childId });
    expect(services[0]!.id).toBe('zz-service-added-first');
    expect(services.every((s) => s.child_id === h.childId)).toBe(true);
    // Observations: the earlier plan's is Emma's, the second child's and the voided one are not.
    const seen = await listObservationsOfChild(reads, h.householdId, h.childId, {
      from: '2019-01-01',
      to: '2026-12-01',
    });
    expect(seen.some((o) => o.id.endsWith('-earlier'))).toBe(true);
    expect(seen.some((o) => o.id.endsWith('-second') || o.id.endsWith('-voided'))).toBe(false);
    const samples = await workSamplesOfChild(reads, h.householdId, h.childId, { to: '2026-12-01' });
    expect(samples.map((s) => s.id.split('-').at(-1))).toContain('ago');
    expect(samples.some((s) => s.voided_at != null || s.child_id !== h.childId)).toBe(false);
  });

  it('gives each caller its own copy of the rows (the indexes a view keeps are shared)', async () => {
    const reads = withReadMemo(store).db;
    const hh = h.householdId;
    const window = { from: '2019-01-01', to: '2026-12-01' };
    const answers = () =>
      Promise.all([
        keyDatesOfPlan(reads, hh, h.plans.current),
        plansOfChild(reads, hh, h.childId),
        findPlan(reads, hh, h.plans.current),
        findChild(reads, hh, h.childId),
        servicesWithPlan(reads, hh, { childId: h.childId }),
        listObservationsOfChild(reads, hh, h.childId, window),
        planContentRows(reads, 'goal', hh, h.plans.current, RESOURCES.goal.orderBy),
      ]);
    const before = structuredClone(await answers());
    const [keyDates, plans, plan, child, services, observations, goals] = await answers();
    keyDates[0]!.label = 'changed by its caller';
    plans[0]!.title = 'changed by its caller';
    plan!.title = 'changed by its caller';
    child!.first_name = 'changed by its caller';
    services[0]!.name = 'changed by its caller';
    observations[0]!.text = 'changed by its caller';
    goals[0]!.text = 'changed by its caller';
    expect(await answers()).toStrictEqual(before);
  });
});
