import { notFound } from '../domain/errors.ts';
import { IepDraft } from '../domain/iep-draft.ts';
import { type Db, parseJsonColumn } from './repository.ts';
import type { IepDocumentRow } from './schema.ts';

// IEP documents being read and reviewed (migration 0018): the row, its draft read with zod, its file.

export function draftOf(row: IepDocumentRow): IepDraft | null {
  return row.draft == null ? null : parseJsonColumn(IepDraft, 'iep_document.draft', row.draft);
}

export async function requireIepDocument(db: Db, householdId: string, id: string): Promise<IepDocumentRow> {
  const row = await db
    .selectFrom('iep_document')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('IEP document', id);
  return row;
}

/** A child's documents not yet saved or expired, newest first. */
export async function iepDocumentsOfChild(
  db: Db,
  householdId: string,
  childId: string,
  now: string,
): Promise<IepDocumentRow[]> {
  return db
    .selectFrom('iep_document')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function iepDocumentBytes(db: Db, householdId: string, id: string): Promise<Buffer> {
  const row = await db
    .selectFrom('iep_document_bytes')
    .select('bytes')
    .where('household_id', '=', householdId)
    .where('document_id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('IEP document', id);
  return Buffer.from(row.bytes);
}

export async function insertIepDocument(db: Db, row: IepDocumentRow, bytes: Buffer): Promise<void> {
  await db.insertInto('iep_document').values(row).execute();
  await db
    .insertInto('iep_document_bytes')
    .values({ document_id: row.id, household_id: row.household_id, bytes })
    .execute();
}

export async function updateIepDocument(
  db: Db,
  householdId: string,
  id: string,
  changes: Partial<Pick<IepDocumentRow, 'status' | 'draft' | 'error' | 'updated_at'>>,
): Promise<void> {
  await db
    .updateTable('iep_document')
    .set(changes)
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .execute();
}

export async function deleteIepDocument(db: Db, householdId: string, id: string): Promise<void> {
  await db
    .deleteFrom('iep_document_bytes')
    .where('household_id', '=', householdId)
    .where('document_id', '=', id)
    .execute();
  await db.deleteFrom('iep_document').where('household_id', '=', householdId).where('id', '=', id).execute();
}

/** Remove every document past its expiry (7 days unless saved), in every household; how many. */
export async function deleteExpiredIepDocuments(db: Db, now: string): Promise<number> {
  const expired = await db
    .selectFrom('iep_document')
    .select(['id', 'household_id'])
    .where('expires_at', '<=', now)
    .execute();
  for (const d of expired) await deleteIepDocument(db, d.household_id, d.id);
  return expired.length;
}
