import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.ts';
import { withReadMemo } from '../../src/store/read-memo.ts';
import {
  inIdOrder,
  type NarrowingHousehold,
  narrowingCases,
  seedNarrowingHousehold,
} from '../support/memo-narrowings.ts';
import { BACKENDS, openTestStore } from './harness.ts';

// Through a read memo (the caseload's), the plan readers answer from the household's plans, their
// content and observations and a child's work samples, each read once whole and narrowed in code
// (src/store/plan-reads.memo.test.ts on SQLite): on each database, every narrowed answer is exactly the
// query's, in its order and with its columns and types as that database returns them.

describe.each(BACKENDS)('reads narrowed by a read memo on %s', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let h: NarrowingHousehold;
  beforeAll(async () => {
    ({ store, cleanup } = await openTestStore(backend));
    h = await seedNarrowingHousehold(store);
  }, 120_000);
  afterAll(async () => cleanup?.());

  it('gives each reader exactly what its query gives, in the same order', async () => {
    const reads = withReadMemo(store).db;
    for (const c of narrowingCases(h)) {
      const direct = await c.read(store.db);
      const narrowed = await c.read(reads);
      if (c.ordered) expect(narrowed, c.name).toStrictEqual(direct);
      else expect(inIdOrder(narrowed), c.name).toStrictEqual(inIdOrder(direct));
    }
  });
});
