import { sql, type Transaction } from 'kysely';
import { notFound } from '../domain/errors.ts';
import type { Store } from './database.ts';
import type { Database } from './schema.ts';

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
