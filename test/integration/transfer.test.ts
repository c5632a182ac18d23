import { describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { exportHousehold, importHousehold } from '../../src/server/services/household-transfer.ts';
import { type Backend, openTestEnv, rowCounts, TEST_NOW } from './harness.ts';

const PAIRS: [Backend, Backend][] = [
  ['sqlite', 'sqlite'],
  ['postgres', 'postgres'],
  ['sqlite', 'postgres'],
  ['postgres', 'sqlite'],
];

describe('household export and import', () => {
  it.each(PAIRS)(
    'export from %s, import into an empty %s, export again: identical but for exportedAt',
    async (from, to) => {
      const source = await openTestEnv(from);
      const target = await openTestEnv(to);
      try {
        const demo = await seedDemoHousehold(source.store, fixedClock(TEST_NOW));
        const first = await exportHousehold(source.store, demo.householdId, '2026-11-29T15:00:00.000Z');
        const roundTripped = JSON.parse(JSON.stringify(first));
        const result = await importHousehold(target.store, roundTripped);
        expect(result.householdId).toBe(demo.householdId);
        expect(result.counts.sessionEntries).toBeGreaterThan(40);
        const second = await exportHousehold(target.store, demo.householdId, '2026-11-30T09:00:00.000Z');
        expect({ ...second, exportedAt: 'x' }).toEqual({ ...first, exportedAt: 'x' });
        expect(JSON.stringify({ ...second, exportedAt: 'x' })).toBe(
          JSON.stringify({ ...first, exportedAt: 'x' }),
        );
      } finally {
        await source.close();
        await target.close();
      }
    },
  );

  it.each(['sqlite', 'postgres'] as const)(
    'on %s, refuses a second import of the same household, and a broken document, writing nothing',
    async (backend) => {
      const env = await openTestEnv(backend);
      try {
        const demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW));
        const doc = await exportHousehold(env.store, demo.householdId, TEST_NOW);
        const counts = await rowCounts(env.store);
        await expect(importHousehold(env.store, doc)).rejects.toMatchObject({ code: 'conflict' });
        await expect(importHousehold(env.store, { format: 'something-else' })).rejects.toMatchObject({
          code: 'validation_failed',
        });
        const broken = JSON.parse(JSON.stringify(doc));
        broken.household.id = '01900000-0000-7000-8000-0000000000aa';
        await expect(importHousehold(env.store, broken)).rejects.toMatchObject({ code: 'validation_failed' });
        const dangling = JSON.parse(JSON.stringify(doc));
        for (const key of Object.keys(dangling)) {
          if (Array.isArray(dangling[key]))
            for (const r of dangling[key]) r.householdId = '01900000-0000-7000-8000-0000000000bb';
        }
        dangling.household.id = '01900000-0000-7000-8000-0000000000bb';
        dangling.children = [];
        await expect(importHousehold(env.store, dangling)).rejects.toMatchObject({
          code: 'validation_failed',
        });
        expect(await rowCounts(env.store)).toEqual(counts);
      } finally {
        await env.close();
      }
    },
  );
});
