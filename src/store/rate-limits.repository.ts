import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

// Sign-in and reset attempt counts (migration 0022), shared by every app process on the database.
// A count is one statement: INSERT ... ON CONFLICT DO UPDATE ... RETURNING, atomic on PostgreSQL
// (the conflicting row is locked until the statement's transaction ends) and on SQLite (one writer),
// so two processes can never both take the last attempt a limit allows. A window begins with its
// first attempt and lasts the rule's length; once it has ended, the next attempt starts a new one.

type Db = Kysely<Database> | Transaction<Database>;

export type AttemptWindow = { count: number; windowEndsAt: string };

/**
 * Count one attempt for `scope`/`keyHash` at `now`, in a window ending at `endsAt` if a new one
 * begins. With `max`, the count is taken only while fewer than `max` are counted in the window:
 * null means the limit is reached (nothing counted). Returns the count after, and when its window ends.
 */
export async function countAttempt(
  db: Db,
  attempt: { scope: string; keyHash: string; now: string; endsAt: string; max?: number },
): Promise<AttemptWindow | null> {
  const { scope, keyHash, now, endsAt, max } = attempt;
  const ended = sql<boolean>`rate_limit.window_ends_at <= ${now}`;
  const row = await db
    .insertInto('rate_limit')
    .values({ scope, key_hash: keyHash, count: 1, window_started_at: now, window_ends_at: endsAt })
    .onConflict((oc) => {
      const update = oc.columns(['scope', 'key_hash']).doUpdateSet({
        // Every expression reads the row as it was before this statement.
        count: sql`CASE WHEN ${ended} THEN 1 ELSE rate_limit.count + 1 END`,
        window_started_at: sql`CASE WHEN ${ended} THEN ${now} ELSE rate_limit.window_started_at END`,
        window_ends_at: sql`CASE WHEN ${ended} THEN ${endsAt} ELSE rate_limit.window_ends_at END`,
      });
      return max === undefined ? update : update.where(sql<boolean>`${ended} OR rate_limit.count < ${max}`);
    })
    .returning(['count', 'window_ends_at'])
    .executeTakeFirst();
  return row ? { count: Number(row.count), windowEndsAt: row.window_ends_at } : null;
}

/** The window counted for a key, if one has not ended at `now`. */
export async function findAttemptWindow(
  db: Db,
  scope: string,
  keyHash: string,
  now: string,
): Promise<AttemptWindow | null> {
  const row = await db
    .selectFrom('rate_limit')
    .select(['count', 'window_ends_at'])
    .where('scope', '=', scope)
    .where('key_hash', '=', keyHash)
    .where('window_ends_at', '>', now)
    .executeTakeFirst();
  return row ? { count: Number(row.count), windowEndsAt: row.window_ends_at } : null;
}

/** Take back one counted attempt (one counted before it was checked, that succeeded or was turned away). */
export async function uncountAttempt(db: Db, scope: string, keyHash: string, now: string): Promise<void> {
  await db
    .updateTable('rate_limit')
    .set({ count: sql`count - 1` })
    .where('scope', '=', scope)
    .where('key_hash', '=', keyHash)
    .where('count', '>', 0)
    .where('window_ends_at', '>', now)
    .execute();
}

export async function clearAttempts(db: Db, scope: string, keyHash: string): Promise<void> {
  await db.deleteFrom('rate_limit').where('scope', '=', scope).where('key_hash', '=', keyHash).execute();
}

/** Delete every window that ended at or before `now`; returns how many. */
export async function sweepAttemptWindows(db: Db, now: string): Promise<number> {
  const result = await db.deleteFrom('rate_limit').where('window_ends_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
