import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { adviceForScreen } from '../../src/server/services/advice.ts';
import { gatherCaseRecord } from '../../src/server/services/case-record.ts';
import { childPatterns } from '../../src/server/services/patterns.ts';
import type { Store } from '../../src/store/database.ts';
import { withReadRounds } from '../support/read-rounds.ts';
import { BACKENDS, openTestStore, TEST_NOW } from './harness.ts';

// The case record (what a letter, the advisor and the caseload read of a child) and the patterns screen
// ask for their reads side by side: the ones that need only the child at once, the plan's as soon as the
// plan is known (src/server/services/settled.ts). Counted in rounds of round trips (test/support/
// read-rounds.ts), so that a read made to wait for another it does not need is caught on any machine.
// Before, the case record made its reads one after another: 37 rounds for a demo family, and under
// load on PostgreSQL a letter took seconds, each read waiting its turn for a connection.

const today = TEST_NOW.slice(0, 10);
const parent = { name: 'Maria', email: null };
/** A record's data, without its day tests (functions, made anew by each gathering). */
const dataOf = (record: object) =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => typeof value !== 'function'));

describe.each(BACKENDS)('rounds of reads on %s', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let householdId: string;
  let childId: string;
  beforeAll(async () => {
    ({ store, cleanup } = await openTestStore(backend));
    ({ householdId, childId } = await seedDemoHousehold(store, fixedClock(TEST_NOW)));
  }, 120_000);
  afterAll(async () => cleanup?.());

  it('gathers the case record in a few rounds, with the same record as read one by one', async () => {
    const view = withReadRounds(store);
    const record = await gatherCaseRecord(view.store, householdId, childId, today, parent);
    expect(dataOf(record)).toStrictEqual(
      dataOf(await gatherCaseRecord(store, householdId, childId, today, parent)),
    );
    expect(record.services.length).toBeGreaterThan(0);
    expect(view.reads()).toBeGreaterThan(30);
    // The child and its plans; the plan's services, their ledger's services, then the calendars, entries
    // and versions; the patterns' plan content, then the goals' progress.
    expect(view.rounds()).toBeLessThanOrEqual(4);
  });

  it("gives the advice in the case record's rounds", async () => {
    const view = withReadRounds(store);
    await adviceForScreen(view.store, householdId, childId, today, parent);
    expect(view.rounds()).toBeLessThanOrEqual(4);
  });

  it('reads the patterns in three rounds', async () => {
    const view = withReadRounds(store);
    const query = {
      from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`,
      to: today,
      bucket: 'week' as const,
    };
    const patterns = await childPatterns(view.store.db, householdId, childId, query, today);
    expect(patterns).toStrictEqual(await childPatterns(store.db, householdId, childId, query, today));
    // The child, its plans and what needs only the child; what the plans hold; the goals' progress.
    expect(view.rounds()).toBeLessThanOrEqual(3);
  });
});
