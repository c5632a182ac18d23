import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import sharp from 'sharp';
import { z } from 'zod';
import {
  type AcceptedType,
  checkUpload,
  cleanFilename,
  INLINE_IMAGE_TYPES,
} from '../../domain/attachment-types.ts';
import { IdSchema } from '../../domain/common.ts';
import type { Store } from '../../store/database.ts';
import { appendJournal } from '../../store/journal.repository.ts';
import type { AttachmentRow, Database } from '../../store/schema.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';

// Files kept as evidence: photos of work samples, PDFs of progress reports, notes. The bytes are
// stored once per household under their SHA-256 (uploading the same file again returns the
// record already there), inside the database so that a record and its file commit together and a
// backup of the database holds everything. The type is decided from the bytes; the file is only
// ever served back as a download, or as an image of a raster type that cannot carry script.

export const DEFAULT_UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;
const THUMBNAIL_EDGE = 320;

export const AttachmentSchema = z
  .object({
    id: IdSchema,
    householdId: IdSchema,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    filename: z.string(),
    mediaType: z.string(),
    size: z.number().int().min(1),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    hasThumbnail: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof AttachmentSchema>;

/** Tables whose records list attachments (`attachment_ids`, a JSON array of ids). */
export const ATTACHING_TABLES = [
  { table: 'accommodation_observation', label: 'accommodation observation' },
  { table: 'behavior_incident', label: 'behavior incident' },
  { table: 'goal_progress', label: 'goal progress point' },
  { table: 'work_sample', label: 'work sample' },
] as const;

export function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    householdId: row.household_id,
    sha256: row.sha256,
    filename: row.filename,
    mediaType: row.media_type,
    size: Number(row.size),
    width: row.width == null ? null : Number(row.width),
    height: row.height == null ? null : Number(row.height),
    hasThumbnail: Number(row.has_thumbnail) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

type ImageFacts = { width: number | null; height: number | null; thumbnail: Buffer | null };

/**
 * Read an image's size and make a small WebP thumbnail, turned upright by its EXIF orientation.
 * A JPEG, PNG, GIF or WebP that the decoder cannot read is refused (it is damaged, or not what its
 * first bytes claim). HEIC photos are kept even when this build cannot decode them, without a
 * thumbnail: they are common on phones and still open on the parent's computer.
 */
async function imageFacts(bytes: Buffer, type: AcceptedType, filename: string): Promise<ImageFacts> {
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: 100_000_000 });
    const meta = await image.metadata();
    const thumbnail = await image
      .clone()
      .rotate()
      .resize(THUMBNAIL_EDGE, THUMBNAIL_EDGE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
    const upright = (meta.orientation ?? 1) >= 5;
    const width = meta.width ?? null;
    const height = meta.height ?? null;
    return { width: upright ? height : width, height: upright ? width : height, thumbnail };
  } catch {
    if (type.mediaType === 'image/heic') return { width: null, height: null, thumbnail: null };
    throw new AppError(
      'unsupported_media_type',
      `"${filename}" starts like ${type.label} but could not be read as one (it may be damaged); nothing was saved`,
      [{ path: 'file', message: 'could not be read as an image' }],
    );
  }
}

export type StoredAttachment = { attachment: Attachment; alreadyStored: boolean };

/** A file that passed every check, ready to be written (the slow work is done). */
export type PreparedAttachment = {
  filename: string;
  bytes: Buffer;
  sha256: string;
  type: AcceptedType;
  facts: ImageFacts;
};

/**
 * Check a file and do the slow work (hash, decode, thumbnail) outside any transaction. A refusal
 * throws an AppError naming the problem; nothing has been written.
 */
export async function prepareAttachment(upload: {
  filename: string;
  bytes: Buffer;
  maxBytes: number;
}): Promise<PreparedAttachment> {
  const filename = cleanFilename(upload.filename);
  const check = checkUpload(upload.bytes, filename, upload.maxBytes);
  if (!check.ok) {
    const code =
      upload.bytes.length === 0
        ? 'validation_failed'
        : upload.bytes.length > upload.maxBytes
          ? 'payload_too_large'
          : 'unsupported_media_type';
    throw new AppError(code, check.message, [{ path: 'file', message: check.message }]);
  }
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const facts =
    check.type.kind === 'image'
      ? await imageFacts(upload.bytes, check.type, filename)
      : { width: null, height: null, thumbnail: null };
  return { filename, bytes: upload.bytes, sha256, type: check.type, facts };
}

/** Write a prepared file inside the caller's transaction; the same bytes already here are reused. */
export async function insertAttachment(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  prepared: PreparedAttachment,
): Promise<StoredAttachment> {
  const { sha256, facts } = prepared;
  const existing = await trx
    .selectFrom('attachment')
    .selectAll()
    .where('household_id', '=', ctx.householdId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (existing) return { attachment: toAttachment(existing), alreadyStored: true };
  const at = ctx.clock.now();
  const row: AttachmentRow = {
    id: ctx.newId(),
    household_id: ctx.householdId,
    sha256,
    filename: prepared.filename,
    media_type: prepared.type.mediaType,
    size: prepared.bytes.length,
    width: facts.width,
    height: facts.height,
    has_thumbnail: facts.thumbnail ? 1 : 0,
    created_at: at,
    updated_at: at,
  };
  await trx
    .insertInto('attachment_blob')
    .values({ household_id: ctx.householdId, sha256, content: prepared.bytes, thumbnail: facts.thumbnail })
    .execute();
  await trx.insertInto('attachment').values(row).execute();
  const attachment = toAttachment(row);
  await appendJournal(trx, {
    id: ctx.newId(),
    householdId: ctx.householdId,
    actor: actorLabel(ctx.actor),
    action: 'create',
    entity: 'attachment',
    entityId: row.id,
    data: attachment,
    at,
  });
  return { attachment, alreadyStored: false };
}

export async function storeAttachment(
  store: Store,
  ctx: ServiceContext,
  upload: { filename: string; bytes: Buffer; maxBytes: number },
): Promise<StoredAttachment> {
  const prepared = await prepareAttachment(upload);
  return inHouseholdTransaction(store, ctx.householdId, (trx) => insertAttachment(trx, ctx, prepared));
}

export async function listAttachments(store: Store, householdId: string): Promise<Attachment[]> {
  const rows = await store.db
    .selectFrom('attachment')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toAttachment);
}

export async function getAttachment(store: Store, householdId: string, id: string): Promise<Attachment> {
  const row = await store.db
    .selectFrom('attachment')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Attachment', id);
  return toAttachment(row);
}

export type AttachmentBytes = { attachment: Attachment; bytes: Buffer; mediaType: string; inline: boolean };

/** The file (or its thumbnail), with how it may be served. */
export async function readAttachment(
  store: Store,
  householdId: string,
  id: string,
  part: 'content' | 'thumbnail',
): Promise<AttachmentBytes> {
  const attachment = await getAttachment(store, householdId, id);
  const blob = await store.db
    .selectFrom('attachment_blob')
    .select(part === 'content' ? 'content as bytes' : 'thumbnail as bytes')
    .where('household_id', '=', householdId)
    .where('sha256', '=', attachment.sha256)
    .executeTakeFirst();
  if (!blob?.bytes) throw notFound(part === 'content' ? 'Attachment file' : 'Thumbnail', id);
  const bytes = Buffer.from(blob.bytes);
  if (part === 'thumbnail') return { attachment, bytes, mediaType: 'image/webp', inline: true };
  return {
    attachment,
    bytes,
    mediaType: attachment.mediaType,
    inline: INLINE_IMAGE_TYPES.has(attachment.mediaType),
  };
}

/** The records that list this attachment, named for a message. */
async function referencesTo(trx: Transaction<Database>, householdId: string, id: string) {
  const found: string[] = [];
  for (const { table, label } of ATTACHING_TABLES) {
    const rows = await trx
      .selectFrom(table)
      .select(['id', 'date'])
      .where('household_id', '=', householdId)
      .where('attachment_ids', 'like', `%"${id}"%`)
      .execute();
    for (const r of rows) found.push(`${label} of ${r.date}`);
  }
  return found;
}

/**
 * Check that every id names an attachment of this household (used by records that list files).
 * `path` names the field in the error.
 */
export async function requireAttachments(
  trx: Transaction<Database>,
  householdId: string,
  ids: readonly string[],
  path = 'attachmentIds',
): Promise<void> {
  if (ids.length === 0) return;
  const rows = await trx
    .selectFrom('attachment')
    .select('id')
    .where('household_id', '=', householdId)
    .where('id', 'in', [...ids])
    .execute();
  const known = new Set(rows.map((r) => r.id));
  ids.forEach((id, i) => {
    if (!known.has(id)) throw notFound('Attachment', id, `${path}.${i}`);
  });
}

export async function deleteAttachment(store: Store, ctx: ServiceContext, id: string): Promise<void> {
  await inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const row = await trx
      .selectFrom('attachment')
      .selectAll()
      .where('household_id', '=', ctx.householdId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('Attachment', id);
    const used = await referencesTo(trx, ctx.householdId, id);
    if (used.length > 0) {
      throw new AppError(
        'conflict',
        `"${row.filename}" is evidence for ${used.join(', ')}; remove it from there first`,
      );
    }
    await trx
      .deleteFrom('attachment')
      .where('household_id', '=', ctx.householdId)
      .where('id', '=', id)
      .execute();
    await trx
      .deleteFrom('attachment_blob')
      .where('household_id', '=', ctx.householdId)
      .where('sha256', '=', row.sha256)
      .execute();
    await appendJournal(trx, {
      id: ctx.newId(),
      householdId: ctx.householdId,
      actor: actorLabel(ctx.actor),
      action: 'delete',
      entity: 'attachment',
      entityId: id,
      data: toAttachment(row),
      at: ctx.clock.now(),
    });
  });
}
