import type { Kysely, SelectQueryBuilder } from 'kysely';
import { type Db, findInHousehold, type HouseholdTable } from './repository.ts';
import type { Database } from './schema.ts';

// The rows of the plain records (children, plans, services, accommodations, goals, behavior steps,
// key dates, team contacts, calendars, calendar days, observations, messages, ...), read and written
// by the generic record service (services/records.ts) table by table: each type's definition names its
// table, the columns its list filters and orders by. Rows go in and come back as stored (snake_case
// columns, JSON columns as text); the service maps them to and from the records it serves.

/** The table of a record type (its definition's `table`). */
export type RecordTable = keyof Database & string;

/** A stored row of any record table. */
export type RecordRow = Record<string, unknown>;

// biome-ignore lint/suspicious/noExplicitAny: one query over every record table; rows are generic here
type AnyDb = Kysely<any>;

const anyDb = (db: Db) => db as unknown as AnyDb;

// biome-ignore lint/suspicious/noExplicitAny: the same, for the list queries
export type RecordRowsQuery = SelectQueryBuilder<any, string, RecordRow>;

/** A household's row of a record table by its id, or undefined (an id of another household is not found). */
export async function findRecordRow(
  db: Db,
  table: RecordTable,
  householdId: string,
  id: string,
): Promise<RecordRow | undefined> {
  return (await findInHousehold(db, table as HouseholdTable, householdId, id)) as RecordRow | undefined;
}

export async function insertRecordRow(db: Db, table: RecordTable, row: RecordRow): Promise<void> {
  await anyDb(db).insertInto(table).values(row).execute();
}

/** Set columns of a household's row. */
export async function updateRecordRow(
  db: Db,
  table: RecordTable,
  householdId: string,
  id: string,
  values: RecordRow,
): Promise<void> {
  await anyDb(db)
    .updateTable(table)
    .set(values)
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .execute();
}

export async function deleteRecordRow(
  db: Db,
  table: RecordTable,
  householdId: string,
  id: string,
): Promise<void> {
  await anyDb(db).deleteFrom(table).where('household_id', '=', householdId).where('id', '=', id).execute();
}

/**
 * What a record list keeps: rows whose `equal` columns hold these values, and whose JSON list columns
 * (`listContains`) hold these ids.
 */
export type RecordRowFilters = {
  equal: readonly (readonly [column: string, value: string])[];
  listContains: readonly (readonly [column: string, id: string])[];
};

/** A household's rows of a record table that the filters keep, as a query the list's keyset pagination pages. */
export function recordRowsQuery(
  db: Db,
  table: RecordTable,
  householdId: string,
  filters: RecordRowFilters,
): RecordRowsQuery {
  let q = anyDb(db).selectFrom(table).selectAll().where('household_id', '=', householdId);
  for (const [column, value] of filters.equal) q = q.where(column, '=', value);
  // A JSON list is stored as its JSON text: an id in it is the id's JSON string, quotes included.
  // Ids (checked by the route's schema) hold no LIKE wildcards.
  for (const [column, id] of filters.listContains) q = q.where(column, 'like', `%${JSON.stringify(id)}%`);
  return q as RecordRowsQuery;
}

/** The same rows, all of them, in the type's order. */
export function recordRows(
  db: Db,
  table: RecordTable,
  householdId: string,
  filters: RecordRowFilters,
  orderBy: readonly string[],
): Promise<RecordRow[]> {
  let q = recordRowsQuery(db, table, householdId, filters);
  for (const column of orderBy) q = q.orderBy(column);
  return q.execute();
}
