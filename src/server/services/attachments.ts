import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import sharp, { type Metadata } from 'sharp';
import type { z } from 'zod';
import type { AttachmentSchema } from '../../api/attachments.ts';
import {
  ACCEPTED_TYPES,
  type AcceptedType,
  checkUploadWithWords,
  cleanFilename,
  INLINE_IMAGE_TYPES,
} from '../../domain/attachment-types.ts';
import {
  type AttachmentUse,
  attachmentBytes,
  attachmentsAmong,
  attachmentsOfHousehold,
  deleteAttachmentRows,
  findAttachmentByHash,
  insertAttachmentRows,
  recordsListingAttachment,
  requireAttachment,
} from '../../store/attachments.repository.ts';
import type { Store } from '../../store/database.ts';
import { type KeysetOrder, keysetPage, type Page, type PageRequest } from '../../store/pagination.ts';
import type { AttachmentRow, Database } from '../../store/schema.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import type { ServiceContext } from '../context.ts';
import {
  type ApiErrorKey,
  type ApiErrorValues,
  AppError,
  apiError,
  apiWords,
  notFound,
  wordsValue,
} from '../errors.ts';
import { journalChange } from './journal.ts';

// Files kept as evidence: photos of work samples, PDFs of progress reports, notes. The bytes are
// stored once per household under their SHA-256 (uploading the same file again returns the
// record already there), inside the database so that a record and its file commit together and a
// backup of the database holds everything. The type is decided from the bytes; the file is only
// ever served back as a download, or as an image of a raster type that cannot carry script.

export const DEFAULT_UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;
const THUMBNAIL_EDGE = 320;

export type Attachment = z.infer<typeof AttachmentSchema>;

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
 * The most pixels an image may have: 100 megapixels, beyond any phone camera's usual photo (12 to 50
 * megapixels). Decoding is what costs memory, so the size is read from the header first and a larger
 * image is refused before a pixel is decoded.
 */
export const MAX_IMAGE_PIXELS = 100_000_000;
/**
 * Images decoded at once; others wait their turn. A decode of a large 16-bit PNG holds tens of
 * megabytes for seconds: sixteen at once took a server to 2 GB. Two keeps both cores busy.
 */
export const MAX_CONCURRENT_DECODES = 2;

function createGate(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const gate = async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    gate.peak = Math.max(gate.peak, running);
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
  /** The most decodes that ran at once since the process started (the tests read it). */
  gate.peak = 0;
  return gate;
}
export const decodeGate = createGate(MAX_CONCURRENT_DECODES);

/**
 * Read an image's size and make a small WebP thumbnail, turned upright by its EXIF orientation.
 * A JPEG, PNG, GIF or WebP that the decoder cannot read is refused (it is damaged, or not what its
 * first bytes claim); one over MAX_IMAGE_PIXELS is refused as too large, saying so. HEIC photos are
 * kept even when this build cannot decode them, without a thumbnail: they are common on phones and
 * still open on the parent's computer (their structure was checked in src/domain/attachment-types.ts).
 */
async function imageFacts(bytes: Buffer, type: AcceptedType, filename: string): Promise<ImageFacts> {
  const meta = await imageHeader(bytes, type, filename);
  if (!meta) return { width: null, height: null, thumbnail: null };
  try {
    const thumbnail = await decodeGate(() =>
      sharp(bytes, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS })
        .rotate()
        .resize(THUMBNAIL_EDGE, THUMBNAIL_EDGE, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 70 })
        .toBuffer(),
    );
    const upright = (meta.orientation ?? 1) >= 5;
    const width = meta.width ?? null;
    const height = meta.height ?? null;
    return { width: upright ? height : width, height: upright ? width : height, thumbnail };
  } catch {
    if (type.mediaType === 'image/heic') return { width: null, height: null, thumbnail: null };
    throw damagedImage(type, filename);
  }
}

const refuseImage = (key: ApiErrorKey, values: ApiErrorValues, field: string) => {
  const { message, words } = apiWords(key, values);
  return new AppError('unsupported_media_type', message, [{ path: 'file', message: field }], words);
};

/** The name of an accepted type in ACCEPTED_TYPES ("jpeg"), which the catalog's words choose by. */
const typeName = (type: AcceptedType): string =>
  Object.entries(ACCEPTED_TYPES).find(([, t]) => t === type)?.[0] ?? 'other';

const damagedImage = (type: AcceptedType, filename: string) =>
  refuseImage(
    'attachment.damaged',
    { filename, type: typeName(type), label: type.label },
    'could not be read as an image',
  );

/**
 * An image's header, read without decoding a pixel: refused when unreadable (a HEIC this build
 * cannot read gives null instead) or over MAX_IMAGE_PIXELS.
 */
async function imageHeader(bytes: Buffer, type: AcceptedType, filename: string): Promise<Metadata | null> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { failOn: 'error', limitInputPixels: false }).metadata();
  } catch {
    if (type.mediaType === 'image/heic') return null;
    throw damagedImage(type, filename);
  }
  // The thumbnail decodes the first frame only, so the size of one frame is what counts.
  const pixels = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
  if (pixels > MAX_IMAGE_PIXELS) {
    const megapixels = Math.round(pixels / 1_000_000);
    throw refuseImage(
      'attachment.tooManyPixels',
      {
        filename,
        width: String(meta.width),
        height: String(meta.pageHeight ?? meta.height),
        megapixels: String(megapixels),
        max: String(MAX_IMAGE_PIXELS / 1_000_000),
      },
      `is over ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`,
    );
  }
  return meta;
}

export type StoredAttachment = { attachment: Attachment; alreadyStored: boolean };

/** A file that passed every check, ready to be written (the slow work is done). */
export type PreparedAttachment = {
  filename: string;
  bytes: Buffer;
  sha256: string;
  type: AcceptedType;
  /** Null when the same bytes were already stored: a duplicate is not decoded again. */
  facts: ImageFacts | null;
};

/**
 * The one check of a file, whichever way it enters (an upload, an email's attachment, an imported
 * document's files): not empty, within the limit, of an accepted type by its bytes and named so as to
 * agree with them (src/domain/attachment-types.ts), and for an image, readable and within
 * MAX_IMAGE_PIXELS. A refusal throws an AppError naming the problem.
 */
export async function checkFile(
  bytes: Buffer,
  rawFilename: string,
  maxBytes: number,
  /**
   * `full`: an image is decoded and given a thumbnail (a new file). `header`: only its header is read,
   * size included (an imported file, which brings its thumbnail). `none`: the same bytes are stored
   * already, checked when they came.
   */
  decode: 'full' | 'header' | 'none' = 'full',
): Promise<{ filename: string; type: AcceptedType; facts: ImageFacts | null }> {
  const check = checkUploadWithWords(bytes, cleanFilename(rawFilename), maxBytes);
  if (!check.ok) {
    const code =
      bytes.length === 0
        ? 'validation_failed'
        : bytes.length > maxBytes
          ? 'payload_too_large'
          : 'unsupported_media_type';
    throw new AppError(code, check.message, [{ path: 'file', message: check.message }], check.words);
  }
  if (check.type.kind !== 'image') {
    return {
      filename: check.filename,
      type: check.type,
      facts: { width: null, height: null, thumbnail: null },
    };
  }
  if (decode === 'header') await imageHeader(bytes, check.type, check.filename);
  const facts = decode === 'full' ? await imageFacts(bytes, check.type, check.filename) : null;
  return { filename: check.filename, type: check.type, facts };
}

/**
 * Check a file and do the slow work (hash, decode, thumbnail) outside any transaction. A refusal
 * throws an AppError naming the problem; nothing has been written. `isStored` says whether this
 * household holds the same bytes already: then the file is not decoded (the stored one is reused).
 */
export async function prepareAttachment(
  upload: { filename: string; bytes: Buffer; maxBytes: number },
  isStored?: (sha256: string) => Promise<boolean>,
): Promise<PreparedAttachment> {
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const known = isStored ? await isStored(sha256) : false;
  const checked = await checkFile(upload.bytes, upload.filename, upload.maxBytes, known ? 'none' : 'full');
  return {
    filename: checked.filename,
    bytes: upload.bytes,
    sha256,
    type: checked.type,
    facts: checked.facts,
  };
}

/** Whether a household holds a file with these bytes (by SHA-256). */
export function storedIn(db: Kysely<Database>, householdId: string) {
  return async (sha256: string) => (await findAttachmentByHash(db, householdId, sha256)) !== undefined;
}

/** Write a prepared file inside the caller's transaction; the same bytes already here are reused. */
export async function insertAttachment(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  prepared: PreparedAttachment,
): Promise<StoredAttachment> {
  const { sha256 } = prepared;
  const existing = await findAttachmentByHash(trx, ctx.householdId, sha256);
  if (existing) return { attachment: toAttachment(existing), alreadyStored: true };
  // Deleted since it was found stored (so not decoded then): decode it now.
  const facts =
    prepared.facts ??
    (prepared.type.kind === 'image'
      ? await imageFacts(prepared.bytes, prepared.type, prepared.filename)
      : { width: null, height: null, thumbnail: null });
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
  await insertAttachmentRows(trx, row, { content: prepared.bytes, thumbnail: facts.thumbnail });
  const attachment = toAttachment(row);
  await journalChange(trx, ctx, {
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
  const prepared = await prepareAttachment(upload, storedIn(store.db, ctx.householdId));
  return inHouseholdTransaction(store, ctx.householdId, (trx) => insertAttachment(trx, ctx, prepared));
}

export async function listAttachments(
  store: Store,
  householdId: string,
  page: PageRequest & { ids?: string | undefined },
): Promise<Page<Attachment>> {
  // Only the named files, when asked (ids of another household are simply not found).
  const ids = page.ids ? [...new Set(page.ids.split(','))] : null;
  const query = ids
    ? attachmentsOfHousehold(store.db, householdId).where('id', 'in', ids)
    : attachmentsOfHousehold(store.db, householdId);
  const result = await keysetPage(query, ATTACHMENT_ORDER, page);
  return { rows: result.rows.map(toAttachment), nextCursor: result.nextCursor };
}

/** The file list's order, which its cursors follow: as uploaded. */
const ATTACHMENT_ORDER: KeysetOrder = {
  list: 'attachments',
  columns: ['created_at', 'id'],
  direction: 'asc',
};

export async function getAttachment(store: Store, householdId: string, id: string): Promise<Attachment> {
  return toAttachment(await requireAttachment(store.db, householdId, id));
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
  const bytes = await attachmentBytes(store.db, householdId, attachment.sha256, part);
  if (!bytes) throw notFound(part === 'content' ? 'Attachment file' : 'Thumbnail', id);
  if (part === 'thumbnail') return { attachment, bytes, mediaType: 'image/webp', inline: true };
  return {
    attachment,
    bytes,
    mediaType: attachment.mediaType,
    inline: INLINE_IMAGE_TYPES.has(attachment.mediaType),
  };
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
  const rows = await attachmentsAmong(trx, householdId, ids);
  const known = new Set(rows.map((r) => r.id));
  ids.forEach((id, i) => {
    if (!known.has(id)) throw notFound('Attachment', id, `${path}.${i}`);
  });
}

/** A record that uses the file, named in words: "work sample of 2026-10-06", "plan version 2, …". */
function useWords(use: AttachmentUse) {
  return use.kind === 'plan_version'
    ? apiWords('attachment.usedByPlan', { version: use.version })
    : apiWords('attachment.usedByRecord', { kind: use.kind, date: use.date });
}

/** A file still in use is not deleted (a 409): "… is evidence for work sample of 2026-10-06; …". */
export function attachmentInUse(filename: string, used: readonly AttachmentUse[]): AppError {
  const uses = used.map(useWords);
  return apiError('conflict', 'attachment.evidence', {
    filename,
    records: uses.map((u) => u.message).join(', '),
    recordsWords: wordsValue(uses.map((u) => u.words)),
  });
}

export async function deleteAttachment(store: Store, ctx: ServiceContext, id: string): Promise<void> {
  await inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const row = await requireAttachment(trx, ctx.householdId, id);
    const used = await recordsListingAttachment(trx, ctx.householdId, id);
    if (used.length > 0) throw attachmentInUse(row.filename, used);
    await deleteAttachmentRows(trx, ctx.householdId, row);
    await journalChange(trx, ctx, {
      action: 'delete',
      entity: 'attachment',
      entityId: id,
      data: toAttachment(row),
      at: ctx.clock.now(),
    });
  });
}
