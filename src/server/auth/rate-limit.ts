import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  clearAttempts,
  countAttempt,
  findAttemptWindow,
  sweepAttemptWindows,
  uncountAttempt,
} from '../../store/rate-limits.repository.ts';
import type { Database } from '../../store/schema.ts';
import type { Clock } from '../context.ts';

// Sign-in rate limiting, in the database (the rate_limit table, migration 0022): every app process
// on one database counts into the same rows, so two processes behind a proxy do not double the
// guesses a limit allows. The limits slow guessing; argon2id does the rest.
//
// Three counts, each over a window that begins with its first attempt:
// - per account AND address: after 5 failures that pair is locked for the window. Someone guessing at
//   one account from one place stops there, while the account's owner, elsewhere, still signs in.
// - per address: a family, a school or a phone network shares one address, so one guesser there must
//   not lock everyone out. Past 20 failures the address is slowed instead: each further attempt waits
//   (a second more per failure, up to 10) and they are checked one at a time (in each process: the
//   wait is worked out from the shared count, the line is this process's).
// - per account, from every address: the same slowing past 20 failures, so guesses spread over many
//   addresses gain nothing, and still cannot lock the owner out.
// Every attempt is counted before its password is checked (argon2id takes a while), in one atomic
// statement that also checks the limit (src/store/rate-limits.repository.ts): a burst of concurrent
// attempts, to one process or several, cannot all slip in under a limit that only counted failures
// afterwards.

export type LimitRule = { max: number; windowMs: number };

export type AttemptTaken = { allowed: true; count: number } | { allowed: false; retryAfterMs: number };

export type AttemptLimiter = {
  /**
   * Count one attempt for `key` unless `max` are counted in its window already: allowed, with the
   * count after; or refused, with the milliseconds until the window ends (nothing counted).
   */
  take(key: string): Promise<AttemptTaken>;
  /** Count one attempt for `key` whatever the count (a limit that slows rather than refuses): the count after. */
  add(key: string): Promise<number>;
  /** Take back one count of `key` (an attempt counted before it was checked, that succeeded). */
  forgive(key: string): Promise<void>;
  reset(key: string): Promise<void>;
};

/** Windows that ended are deleted at most this often by each limiter (they count as nothing meanwhile). */
const SWEEP_EVERY_MS = 5 * 60_000;

/** The key as stored: its SHA-256, so the table holds no email or address as written. */
function keyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A limiter over the rate_limit table; `scope` names its rows (pair, address, account, reset, ...). */
export function createAttemptLimiter(
  db: Kysely<Database>,
  scope: string,
  rule: LimitRule,
  clock: Clock,
): AttemptLimiter {
  let lastSweep = Number.NEGATIVE_INFINITY;
  const window = () => {
    const nowMs = Date.parse(clock.now());
    return {
      nowMs,
      now: new Date(nowMs).toISOString(),
      endsAt: new Date(nowMs + rule.windowMs).toISOString(),
    };
  };
  const sweep = async (nowMs: number, now: string) => {
    if (nowMs - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = nowMs;
    await sweepAttemptWindows(db, now);
  };
  return {
    async take(key) {
      const { nowMs, now, endsAt } = window();
      await sweep(nowMs, now);
      const hash = keyHash(key);
      const taken = await countAttempt(db, { scope, keyHash: hash, now, endsAt, max: rule.max });
      if (taken) return { allowed: true, count: taken.count };
      const counted = await findAttemptWindow(db, scope, hash, now);
      const retryAfterMs = counted ? Math.max(1000, Date.parse(counted.windowEndsAt) - nowMs) : 1000;
      return { allowed: false, retryAfterMs };
    },
    async add(key) {
      const { nowMs, now, endsAt } = window();
      await sweep(nowMs, now);
      const counted = await countAttempt(db, { scope, keyHash: keyHash(key), now, endsAt });
      return counted?.count ?? 1;
    },
    async forgive(key) {
      await uncountAttempt(db, scope, keyHash(key), window().now);
    },
    async reset(key) {
      await clearAttempts(db, scope, keyHash(key));
    },
  };
}

/** The pair of an account and an address, as one limiter key. */
export function pairKey(email: string, address: string): string {
  return `${email}\n${address}`;
}

/**
 * How long an attempt waits once its address or account is past the limit where slowing starts:
 * a second for each failure beyond it, at most `SLOW_MAX_MS`.
 */
export function slowdownMs(failures: number, rule: LimitRule): number {
  return failures <= rule.max ? 0 : Math.min(SLOW_MAX_MS, (failures - rule.max) * SLOW_STEP_MS);
}
export const SLOW_STEP_MS = 1000;
export const SLOW_MAX_MS = 10_000;

/**
 * Runs slowed attempts of one key one at a time, so a burst waits in line instead of being checked
 * all at once after the same delay. More than `SLOW_QUEUE_MAX` waiting for one key are refused for
 * now (null): they would only wait longer.
 */
export type SlowLane = {
  run<T>(keys: string[], delayMs: number, work: () => Promise<T>): Promise<T> | null;
};
export const SLOW_QUEUE_MAX = 10;

export function createSlowLane(sleep: (ms: number) => Promise<void>): SlowLane {
  const tails = new Map<string, { promise: Promise<unknown>; waiting: number }>();
  return {
    run(keys, delayMs, work) {
      if (keys.some((k) => (tails.get(k)?.waiting ?? 0) >= SLOW_QUEUE_MAX)) return null;
      const before = keys.map((k) => tails.get(k)?.promise ?? Promise.resolve());
      const settled = Promise.allSettled(before).then(async () => {
        await sleep(delayMs);
        return work();
      });
      const done = settled.then(
        () => undefined,
        () => undefined,
      );
      for (const k of keys) {
        const waiting = (tails.get(k)?.waiting ?? 0) + 1;
        tails.set(k, { promise: done, waiting });
      }
      void done.then(() => {
        for (const k of keys) {
          const tail = tails.get(k);
          if (!tail) continue;
          if (tail.promise === done) tails.delete(k);
          else tail.waiting -= 1;
        }
      });
      return settled;
    },
  };
}

/** Failures per account and address pair, before that pair is locked for the window. */
export const PAIR_LIMIT: LimitRule = { max: 5, windowMs: 15 * 60_000 };
/** Failures per address, past which its attempts are slowed (never locked). */
export const ADDRESS_LIMIT: LimitRule = { max: 20, windowMs: 15 * 60_000 };
/** Failures per account from every address, past which its attempts are slowed (never locked). */
export const ACCOUNT_LIMIT: LimitRule = { max: 20, windowMs: 15 * 60_000 };
/** Reset requests per address; and per account, beyond which no further email is sent (the answer stays the same). */
export const RESET_LIMIT: LimitRule = { max: 20, windowMs: 60 * 60_000 };
export const RESET_ACCOUNT_LIMIT: LimitRule = { max: 3, windowMs: 60 * 60_000 };
