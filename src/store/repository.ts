import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { AppError, notFound } from '../domain/errors.ts';
import type { Database } from './schema.ts';

// What every repository (src/store/*.repository.ts) shares. A repository takes the database or the
// transaction its caller opened and never opens one itself: the services own transactions.

export type Db = Kysely<Database> | Transaction<Database>;

/** The tables whose rows belong to a household by an `id` and a `household_id` column. */
export type HouseholdTable = {
  [T in keyof Database]: Database[T] extends { id: string; household_id: string } ? T : never;
}[keyof Database];

/** A household's row of a table by its id, or undefined (an id of another household is not found). */
export async function findInHousehold<T extends HouseholdTable>(
  db: Db,
  table: T,
  householdId: string,
  id: string,
): Promise<Database[T] | undefined> {
  // biome-ignore lint/suspicious/noExplicitAny: one query over every household table
  const q = (db as Kysely<any>).selectFrom(table).selectAll().where('household_id', '=', householdId);
  return (await q.where('id', '=', id).executeTakeFirst()) as Database[T] | undefined;
}

/** The same, or a 404 naming `what` (and the request's `field`, when the id came from one). */
export async function requireInHousehold<T extends HouseholdTable>(
  db: Db,
  table: T,
  householdId: string,
  id: string,
  what: string,
  field?: string,
): Promise<Database[T]> {
  const row = await findInHousehold(db, table, householdId, id);
  if (!row) throw notFound(what, id, field);
  return row;
}

/**
 * A JSON column's text, parsed and checked against its schema. A stored value that does not match
 * is a fault of the database, not of the request: an internal error naming the column.
 */
export function parseJsonColumn<S extends z.ZodType>(schema: S, column: string, text: string): z.output<S> {
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = [column, ...(issue?.path ?? []).map(String)].join('.');
    throw new AppError('internal', `The stored ${where} is not valid: ${issue?.message ?? 'unreadable'}`);
  }
  return parsed.data;
}
