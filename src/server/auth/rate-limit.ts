// Sign-in rate limiting, per account and per address, in memory. A restart clears it, which is
// acceptable for a single self-hosted process: the limits slow guessing, argon2id does the rest.

export type LimitRule = { max: number; windowMs: number };

export type AttemptLimiter = {
  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  retryAfterMs(key: string): number;
  fail(key: string): void;
  reset(key: string): void;
};

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
    fail(key) {
      failures.set(key, [...recent(key), nowMs()]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}

export const ACCOUNT_LIMIT: LimitRule = { max: 5, windowMs: 15 * 60_000 };
export const ADDRESS_LIMIT: LimitRule = { max: 20, windowMs: 15 * 60_000 };
/** Reset requests per address; and per account, beyond which no further email is sent (the answer stays the same). */
export const RESET_LIMIT: LimitRule = { max: 20, windowMs: 60 * 60_000 };
export const RESET_ACCOUNT_LIMIT: LimitRule = { max: 3, windowMs: 60 * 60_000 };
