import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from './database.ts';
import {
  countAttempt,
  findAttemptWindow,
  sweepAttemptWindows,
  uncountAttempt,
} from './rate-limits.repository.ts';

// The rate_limit table's one-statement count (migration 0022), on SQLite here; the integration tests
// run the limits through the app on both databases (test/integration/sign-in-limits.test.ts).

describe('attempt windows', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'as-written-limits-'));
    store = await openStore({ kind: 'sqlite', file: join(dir, 'limits.db') });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString();
  const count = (minute: number, max?: number) =>
    countAttempt(store.db, {
      scope: 'pair',
      keyHash: 'k1',
      now: at(minute),
      endsAt: at(minute + 15),
      ...(max === undefined ? {} : { max }),
    });

  it('counts up to the limit, refuses past it without counting, and starts a new window once it ends', async () => {
    expect(await count(0, 2)).toEqual({ count: 1, windowEndsAt: at(15) });
    expect(await count(1, 2)).toEqual({ count: 2, windowEndsAt: at(15) });
    expect(await count(2, 2)).toBeNull();
    expect((await findAttemptWindow(store.db, 'pair', 'k1', at(2)))?.count).toBe(2);
    // A count without a limit (an address being slowed) always counts.
    expect(await count(3)).toEqual({ count: 3, windowEndsAt: at(15) });
    await uncountAttempt(store.db, 'pair', 'k1', at(4));
    expect((await findAttemptWindow(store.db, 'pair', 'k1', at(4)))?.count).toBe(2);
    // The window ended at minute 15: the next attempt begins a new one.
    expect(await count(15, 2)).toEqual({ count: 1, windowEndsAt: at(30) });
  });

  it('sweeps windows that ended, and only those', async () => {
    await countAttempt(store.db, { scope: 'reset', keyHash: 'old', now: at(0), endsAt: at(1) });
    await countAttempt(store.db, { scope: 'reset', keyHash: 'new', now: at(0), endsAt: at(60) });
    expect(await sweepAttemptWindows(store.db, at(20))).toBe(1);
    expect(await findAttemptWindow(store.db, 'reset', 'new', at(20))).not.toBeNull();
  });
});
