import { sql, type Transaction } from 'kysely';
import { notFound } from '../domain/errors.ts';
import type { Store } from './database.ts';
import type { Database } from './schema.ts';

/**
 * Queue concurrent first-run setups on PostgreSQL: a transaction-scoped advisory lock, so counting the
 * accounts and inserting the first one are one atomic step. SQLite runs one transaction at a time on
 * its one connection and needs none.
 */
export async function lockFirstRun(store: Store, trx: Transaction<Database>, lockId: number): Promise<void> {
  if (store.kind === 'postgres') await sql`select pg_advisory_xact_lock(${lockId})`.execute(trx);
}

/**
 * Run `work` in one transaction scoped to a household. The household row is locked first on
 * PostgreSQL (SQLite already serialises writers), which orders journal sequence numbers and makes
 * an unknown household a clean 404 before anything is written.
 */
export async function inHouseholdTransaction<T>(
  store: Store,
  householdId: string,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return store.db.transaction().execute(async (trx) => {
    const found =
      store.kind === 'postgres'
        ? await sql<{ id: string }>`select id from household where id = ${householdId} for update`.execute(
            trx,
          )
        : await sql<{ id: string }>`select id from household where id = ${householdId}`.execute(trx);
    if (found.rows.length === 0) throw notFound('Household', householdId);
    return work(trx);
  });
}
