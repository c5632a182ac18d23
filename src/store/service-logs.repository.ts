import { z } from 'zod';
import { notFound } from '../domain/errors.ts';
import {
  RememberedMapping,
  ServiceLogMappingSchema,
  ServiceLogRowSchema,
  ServiceLogSummarySchema,
} from '../domain/service-log-schemas.ts';
import { type Db, parseJsonColumn } from './repository.ts';
import type { ServiceLogImportRow, ServiceLogMappingRow, ServiceLogMarkRow } from './schema.ts';

// School service logs (migration 0023): the imports with their JSON columns read with zod, the marks
// on their reconciliation, and the column mappings remembered per school.

export const importMappingOf = (row: ServiceLogImportRow) =>
  parseJsonColumn(ServiceLogMappingSchema, 'service_log_import.mapping', row.mapping);
export const importSummaryOf = (row: ServiceLogImportRow) =>
  parseJsonColumn(ServiceLogSummarySchema, 'service_log_import.summary', row.summary);
export const importRowsOf = (row: ServiceLogImportRow) =>
  parseJsonColumn(z.array(ServiceLogRowSchema), 'service_log_import.rows', row.rows);

export async function requireServiceLogImport(
  db: Db,
  householdId: string,
  id: string,
): Promise<ServiceLogImportRow> {
  const row = await db
    .selectFrom('service_log_import')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Service log', id);
  return row;
}

/** A child's imported logs, newest first (without their rows: a list does not need them). */
export async function serviceLogImportsOfChild(
  db: Db,
  householdId: string,
  childId: string,
): Promise<Omit<ServiceLogImportRow, 'rows'>[]> {
  return db
    .selectFrom('service_log_import')
    .select([
      'id',
      'household_id',
      'child_id',
      'service_id',
      'filename',
      'media_type',
      'size',
      'sha256',
      'sheet',
      'school',
      'student_id',
      'mapping',
      'summary',
      'created_by',
      'created_at',
      'updated_at',
    ])
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The student ID given with the child's latest log that had one, or null. */
export async function latestStudentId(db: Db, householdId: string, childId: string): Promise<string | null> {
  const row = await db
    .selectFrom('service_log_import')
    .select('student_id')
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .where('student_id', 'is not', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.student_id ?? null;
}

export async function insertServiceLogImport(db: Db, row: ServiceLogImportRow): Promise<void> {
  await db.insertInto('service_log_import').values(row).execute();
}

export async function marksOfImport(
  db: Db,
  householdId: string,
  importId: string,
): Promise<ServiceLogMarkRow[]> {
  return db
    .selectFrom('service_log_mark')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('import_id', '=', importId)
    .orderBy('item_key')
    .execute();
}

export async function findMark(
  db: Db,
  householdId: string,
  importId: string,
  itemKey: string,
): Promise<ServiceLogMarkRow | undefined> {
  return db
    .selectFrom('service_log_mark')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('import_id', '=', importId)
    .where('item_key', '=', itemKey)
    .executeTakeFirst();
}

export async function insertMark(db: Db, row: ServiceLogMarkRow): Promise<void> {
  await db.insertInto('service_log_mark').values(row).execute();
}

export async function updateMark(
  db: Db,
  householdId: string,
  id: string,
  changes: Pick<ServiceLogMarkRow, 'mark' | 'session_entry_id' | 'note' | 'updated_at'>,
): Promise<void> {
  await db
    .updateTable('service_log_mark')
    .set(changes)
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .execute();
}

/** A school's remembered mappings, the latest first. */
export async function mappingsOfSchool(
  db: Db,
  householdId: string,
  school: string,
): Promise<(ServiceLogMappingRow & { remembered: RememberedMapping })[]> {
  const rows = await db
    .selectFrom('service_log_mapping')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('school', '=', school)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    remembered: parseJsonColumn(RememberedMapping, 'service_log_mapping.mapping', r.mapping),
  }));
}

/** Remembers a mapping for a school and header (replacing the one it had). */
export async function rememberMapping(
  db: Db,
  row: Omit<ServiceLogMappingRow, 'created_at'> & { created_at: string },
): Promise<void> {
  const existing = await db
    .selectFrom('service_log_mapping')
    .select('id')
    .where('household_id', '=', row.household_id)
    .where('school', '=', row.school)
    .where('signature', '=', row.signature)
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('service_log_mapping')
      .set({ mapping: row.mapping, updated_by: row.updated_by, updated_at: row.updated_at })
      .where('household_id', '=', row.household_id)
      .where('id', '=', existing.id)
      .execute();
    return;
  }
  await db.insertInto('service_log_mapping').values(row).execute();
}
