// Sign-in rate limiting, in memory. A restart clears it, which is acceptable for a single self-hosted
// process: the limits slow guessing, argon2id does the rest.
//
// Three counts, each over a sliding window:
// - per account AND address: after 5 failures that pair is locked for the window. Someone guessing at
//   one account from one place stops there, while the account's owner, elsewhere, still signs in.
// - per address: a family, a school or a phone network shares one address, so one guesser there must
//   not lock everyone out. Past 20 failures the address is slowed instead: each further attempt waits
//   (a second more per failure, up to 10) and they are checked one at a time.
// - per account, from every address: the same slowing past 20 failures, so guesses spread over many
//   addresses gain nothing, and still cannot lock the owner out.
// Every attempt is counted before its password is checked (argon2id takes a while): a burst of
// concurrent attempts cannot all slip in under a limit that only counted failures afterwards.

export type LimitRule = { max: number; windowMs: number };

export type AttemptLimiter = {
  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  retryAfterMs(key: string): number;
  /** Attempts (or failures) counted for `key` in the window. */
  count(key: string): number;
  /** Count one attempt or failure for `key`. */
  fail(key: string): void;
  /** Take back one count of `key` (an attempt counted before it was checked, that succeeded). */
  forgive(key: string): void;
  reset(key: string): void;
};

/** Keys kept at most; beyond it, expired ones are swept (a flood of made-up emails cannot grow memory forever). */
const SWEEP_AT = 10_000;

export function createAttemptLimiter(rule: LimitRule, nowMs: () => number): AttemptLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => {
    const cutoff = nowMs() - rule.windowMs;
    const list = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  };
  return {
    retryAfterMs(key) {
      const list = recent(key);
      if (list.length < rule.max) return 0;
      return Math.max(0, list[list.length - rule.max]! + rule.windowMs - nowMs());
    },
    count(key) {
      return recent(key).length;
    },
    fail(key) {
      if (failures.size >= SWEEP_AT) for (const k of [...failures.keys()]) recent(k);
      failures.set(key, [...recent(key), nowMs()]);
    },
    forgive(key) {
      const list = recent(key);
      list.pop();
      if (list.length === 0) failures.delete(key);
    },
    reset(key) {
      failures.delete(key);
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
