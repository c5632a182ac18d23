import type { Kysely } from 'kysely';
import type { ReferencingTable } from './record-references.ts';
import type { Db } from './repository.ts';
import type { Database } from './schema.ts';

// A household's rows, table by table, as stored: what the export writes and the import writes back
// (services/household-transfer.ts, by its list of sections), and what verify compares with the journal
// (services/verify.ts, by its list of record tables). Rows are read and written whole (snake_case
// columns, JSON columns as text); each caller maps them by its own list.

/** A stored row of any table. */
export type StoredRow = Record<string, unknown>;

// biome-ignore lint/suspicious/noExplicitAny: one query over every table of a household; rows are generic here
type AnyDb = Kysely<any>;

const anyDb = (db: Db) => db as unknown as AnyDb;

/**
 * Every row a household holds in one table (for `household`, the household's own row), in the order
 * of the columns given (none: as the database returns them).
 */
export async function householdRowsOfTable(
  db: Db,
  table: keyof Database & string,
  householdId: string,
  orderBy: readonly string[] = [],
): Promise<StoredRow[]> {
  const all = anyDb(db).selectFrom(table).selectAll();
  let q =
    table === 'household' ? all.where('id', '=', householdId) : all.where('household_id', '=', householdId);
  for (const column of orderBy) q = q.orderBy(column);
  return (await q.execute()) as StoredRow[];
}

/** Write rows into one table, 200 to a statement (a statement's parameters are limited). */
export async function insertHouseholdRows(
  db: Db,
  table: keyof Database & string,
  rows: readonly StoredRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await anyDb(db)
      .insertInto(table)
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

/** One of these ids that is a row of the table, in any household, or undefined when none is. */
export async function anyIdInTable(
  db: Db,
  table: ReferencingTable,
  ids: readonly string[],
): Promise<string | undefined> {
  const row = (await anyDb(db)
    .selectFrom(table)
    .select('id')
    .where('id', 'in', [...ids])
    .executeTakeFirst()) as { id: string } | undefined;
  return row?.id;
}
