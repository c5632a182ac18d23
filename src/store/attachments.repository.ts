import { notFound } from '../domain/errors.ts';
import { type Db, findInHousehold } from './repository.ts';
import type { AttachmentRow } from './schema.ts';

// A household's files: the record of each (`attachment`) and its bytes and thumbnail, stored once per
// household under their SHA-256 (`attachment_blob`).

/** Tables whose records list attachments (`attachment_ids`, a JSON array of ids). */
export const ATTACHING_TABLES = [
  'accommodation_observation',
  'behavior_incident',
  'goal_progress',
  'work_sample',
] as const;

/**
 * A record that uses an attachment: one listing it, by its table and date, or a plan version read
 * from it (the service names them in words).
 */
export type AttachmentUse =
  | { kind: (typeof ATTACHING_TABLES)[number]; date: string }
  | { kind: 'plan_version'; version: string };

/** An attachment of the household, or a 404 ("Attachment … was not found"). */
export async function requireAttachment(db: Db, householdId: string, id: string): Promise<AttachmentRow> {
  const row = await findInHousehold(db, 'attachment', householdId, id);
  if (!row) throw notFound('Attachment', id);
  return row;
}

/** The household's attachment with these bytes (by SHA-256), or undefined. */
export function findAttachmentByHash(
  db: Db,
  householdId: string,
  sha256: string,
): Promise<AttachmentRow | undefined> {
  return db
    .selectFrom('attachment')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}

/** The household's attachments among these ids (an id of another household is left out). */
export function attachmentsAmong(
  db: Db,
  householdId: string,
  ids: readonly string[],
): Promise<AttachmentRow[]> {
  return db
    .selectFrom('attachment')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('id', 'in', [...ids])
    .execute();
}

/** The query of the household's attachments, for a caller to page. */
export function attachmentsOfHousehold(db: Db, householdId: string) {
  return db.selectFrom('attachment').selectAll().where('household_id', '=', householdId);
}

/** Write an attachment's record and its bytes (and thumbnail, when it has one). */
export async function insertAttachmentRows(
  db: Db,
  row: AttachmentRow,
  bytes: { content: Buffer; thumbnail: Buffer | null },
): Promise<void> {
  await db
    .insertInto('attachment_blob')
    .values({ household_id: row.household_id, sha256: row.sha256, ...bytes })
    .execute();
  await db.insertInto('attachment').values(row).execute();
}

/** The stored bytes of a file or of its thumbnail, or undefined when there are none. */
export async function attachmentBytes(
  db: Db,
  householdId: string,
  sha256: string,
  part: 'content' | 'thumbnail',
): Promise<Buffer | undefined> {
  const blob = await db
    .selectFrom('attachment_blob')
    .select(part === 'content' ? 'content as bytes' : 'thumbnail as bytes')
    .where('household_id', '=', householdId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return blob?.bytes ? Buffer.from(blob.bytes) : undefined;
}

/** The household's attachments by id, each with its stored bytes (null where they are missing). */
export function attachmentsWithBytes(db: Db, householdId: string) {
  return db
    .selectFrom('attachment')
    .leftJoin('attachment_blob', (join) =>
      join
        .onRef('attachment_blob.household_id', '=', 'attachment.household_id')
        .onRef('attachment_blob.sha256', '=', 'attachment.sha256'),
    )
    .select(['attachment.id', 'attachment.filename', 'attachment.sha256', 'attachment_blob.content'])
    .where('attachment.household_id', '=', householdId)
    .orderBy('attachment.id')
    .execute();
}

/** Delete an attachment's record and its bytes. */
export async function deleteAttachmentRows(db: Db, householdId: string, row: AttachmentRow): Promise<void> {
  await db
    .deleteFrom('attachment')
    .where('household_id', '=', householdId)
    .where('id', '=', row.id)
    .execute();
  await db
    .deleteFrom('attachment_blob')
    .where('household_id', '=', householdId)
    .where('sha256', '=', row.sha256)
    .execute();
}

/** The records that list this attachment, each by its kind and date (for a message). */
export async function recordsListingAttachment(
  db: Db,
  householdId: string,
  id: string,
): Promise<AttachmentUse[]> {
  const found: AttachmentUse[] = [];
  for (const table of ATTACHING_TABLES) {
    const rows = await db
      .selectFrom(table)
      .select(['id', 'date'])
      .where('household_id', '=', householdId)
      .where('attachment_ids', 'like', `%"${id}"%`)
      .execute();
    for (const r of rows) found.push({ kind: table, date: String(r.date) });
  }
  // A plan version read from a document names it as its source (plan_version.source_attachment_id).
  const versions = await db
    .selectFrom('plan_version')
    .select(['version_number'])
    .where('household_id', '=', householdId)
    .where('source_attachment_id', '=', id)
    .execute();
  for (const v of versions) found.push({ kind: 'plan_version', version: String(v.version_number) });
  return found;
}
