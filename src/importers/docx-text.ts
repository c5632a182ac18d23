import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { ACCEPTED_TYPES, sniffType } from '../domain/attachment-types.ts';
import { type DocCell, type DocLine, type DocumentText, normalizeText } from '../domain/document-text.ts';
import { refusal } from '../domain/reader-refusals.ts';
import { fileError } from './pdf-text.ts';

// Reading a Word document (.docx) into the same page-and-line model as a PDF: one page, a line per
// paragraph, and a line per table row with a cell per column (a cell holding several paragraphs,
// such as a column of check boxes, gives one line per paragraph, as it would print). mammoth converts
// the document to simple HTML; it never reads files the document links to (`externalFileAccess`
// false, mammoth 1.13's default, set here anyway), and images are left out.
//
// A .docx is a ZIP container, so before mammoth sees it the container is checked: it must be a Word
// document by its contents (the same check as every upload, src/domain/attachment-types.ts), the
// file at most `maxBytes`, the sizes its directory declares at most `maxUnpackedBytes` in all, and
// each part is inflated here with that limit, so a part that lies about its size (a zip bomb) is
// refused before mammoth inflates it without one.

export const DOCX_MAX_BYTES = 25 * 1024 * 1024;
export const DOCX_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
const MAX_ENTRIES = 5_000;

export type DocxReadOptions = { maxBytes?: number; maxUnpackedBytes?: number };

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 2 ** 24;

type ZipEntry = { name: string; method: number; compressed: number; size: number; offset: number };

/** The entries of a ZIP's central directory with their declared sizes, or null when it cannot be read. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  const start = u32(bytes, end + 16);
  if (count > MAX_ENTRIES) return null;
  const entries: ZipEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const nameLength = u16(bytes, at + 28);
    entries.push({
      name: Buffer.from(
        bytes.buffer,
        bytes.byteOffset + at + 46,
        Math.min(nameLength, bytes.length - at - 46),
      ).toString('latin1'),
      method: u16(bytes, at + 10),
      compressed: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      offset: u32(bytes, at + 42),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** Refuses a container whose parts declare, or inflate to, more than the limit. */
function checkContainer(bytes: Uint8Array, maxUnpacked: number) {
  checkZipContainer(bytes, maxUnpacked, 'docx');
}

/**
 * Refuses a ZIP container (a .docx, an .xlsx) whose parts declare, or inflate to, more than the limit,
 * or that is damaged; `kind` says which it is in the refusals ("This Word document ...", "This
 * spreadsheet ...", the catalog part `reader`).
 */
export function checkZipContainer(bytes: Uint8Array, maxUnpacked: number, kind: 'docx' | 'sheet') {
  const damaged = () => fileError(refusal(`${kind}.damaged`));
  const entries = zipEntries(bytes);
  if (!entries) throw damaged();
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  const tooLarge = () =>
    fileError(refusal(`${kind}.unpacksTooMuch`, { size: Math.round(maxUnpacked / 1024 / 1024) }));
  if (declared > maxUnpacked) throw tooLarge();
  let budget = maxUnpacked;
  for (const e of entries) {
    if (e.method === 0) {
      budget -= e.compressed;
      if (budget < 0) throw tooLarge();
      continue;
    }
    if (e.method !== 8) throw fileError(refusal(`${kind}.compression`));
    const local = e.offset;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw damaged();
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(dataStart, dataStart + e.compressed);
    const lied = () => fileError(refusal(`${kind}.zipBomb`));
    let inflated: Buffer;
    try {
      // One more byte than declared (or than is left): a part that inflates past it lied about its size.
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(e.size, budget) + 1) });
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw e.size < budget ? lied() : tooLarge();
      throw damaged();
    }
    if (inflated.length > e.size) throw lied();
    budget -= inflated.length;
  }
}

/** Read a .docx into one page of lines. Throws AppError (field `file`) when it is not one, or too large. */
export async function readDocxText(bytes: Uint8Array, options: DocxReadOptions = {}): Promise<DocumentText> {
  const maxBytes = options.maxBytes ?? DOCX_MAX_BYTES;
  if (bytes.byteLength === 0) throw fileError(refusal('file.empty'));
  if (bytes.byteLength > maxBytes)
    throw fileError(
      refusal('docx.tooBig', {
        size: Math.round(bytes.byteLength / 1024 / 1024),
        max: Math.round(maxBytes / 1024 / 1024),
      }),
    );
  if (sniffType(bytes) !== ACCEPTED_TYPES.docx) throw fileError(refusal('docx.notDocx'));
  checkContainer(bytes, options.maxUnpackedBytes ?? DOCX_MAX_UNPACKED_BYTES);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch {
    throw fileError(refusal('docx.damaged'));
  }
  const lines = linesFromHtml(html);
  return {
    format: 'docx',
    pages: [
      {
        number: 1,
        width: lines.reduce((w, l) => Math.max(w, ...l.cells.map((c) => c.end + 40)), PAGE_WIDTH),
        height: lines.length ? lines[lines.length - 1]!.y + 20 : 0,
        lines,
      },
    ],
    pagesWithoutText: lines.length ? [] : [1],
    unreadablePages: [],
    notes: lines.length ? [] : ['This Word document has no text.'],
  };
}

// ---------------------------------------------------------------------------------------------
// mammoth's HTML into lines

const PAGE_WIDTH = 612;
const LINE_PITCH = 14;
const BODY_SIZE = 10;
/** Headings are given a larger size, as they print, so the reader can tell them from body lines. */
const HEADING_SIZE: Record<string, number> = { h1: 16, h2: 14, h3: 13, h4: 12, h5: 11, h6: 11 };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

type Block = { text: string; size: number };
type Row = { cells: { span: number; blocks: Block[] }[] };

/**
 * The lines of mammoth's HTML. Outside tables, each paragraph, heading and list item is a line (a list
 * item starts with "• "); a table row is a line per paragraph depth, with a cell per column at
 * x = 40 + 100 × column.
 */
export function linesFromHtml(html: string): DocLine[] {
  const lines: DocLine[] = [];
  let rowNumber = 0;
  const push = (cells: DocCell[], size: number, row?: number) => {
    const kept = cells.map((c) => ({ ...c, text: normalizeText(c.text) })).filter((c) => c.text !== '');
    if (!kept.length) return;
    lines.push({
      y: (lines.length + 1) * LINE_PITCH,
      height: size,
      text: kept.map((c) => c.text).join(' '),
      cells: kept,
      ...(row != null ? { row } : {}),
    });
  };

  // Table stack: rows being built, the current row and cell.
  const tables: { rows: Row[]; row: Row | null; cell: { span: number; blocks: Block[] } | null }[] = [];
  let block: Block | null = null;
  let listDepth = 0;
  const tokens = html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi);
  const flushBlock = () => {
    if (!block) return;
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.blocks.push(block);
    else push([{ x: 40, end: PAGE_WIDTH - 40, text: block.text }], block.size);
    block = null;
  };
  const openBlock = (size: number, prefix = '') => {
    flushBlock();
    block = { text: prefix, size };
  };
  for (const m of tokens) {
    if (m[4] != null) {
      const text = decodeEntities(m[4]);
      if (!block) block = { text: '', size: BODY_SIZE };
      block.text += text;
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    const attrs = m[3] ?? '';
    if (tag === 'p' || tag in HEADING_SIZE) {
      if (closing) flushBlock();
      else openBlock(HEADING_SIZE[tag] ?? BODY_SIZE);
    } else if (tag === 'li') {
      if (closing) flushBlock();
      else openBlock(BODY_SIZE, `${'  '.repeat(Math.max(0, listDepth - 1))}• `);
    } else if (tag === 'ul' || tag === 'ol') {
      flushBlock();
      listDepth += closing ? -1 : 1;
    } else if (tag === 'br') {
      if (block) (block as Block).text += ' ';
    } else if (tag === 'input' && /type="checkbox"/i.test(attrs)) {
      // A Word check box (a content control or a legacy form field), as the character it shows.
      if (!block) block = { text: '', size: BODY_SIZE };
      block.text += /checked/i.test(attrs) ? '☒ ' : '☐ ';
    } else if (tag === 'table') {
      flushBlock();
      if (!closing) tables.push({ rows: [], row: null, cell: null });
      else {
        const table = tables.pop();
        if (table) rowNumber = emitTable(table.rows, push, rowNumber);
      }
    } else if (tag === 'tr') {
      flushBlock();
      const table = tables[tables.length - 1];
      if (!table) continue;
      if (!closing) {
        table.row = { cells: [] };
        table.rows.push(table.row);
      } else table.row = null;
    } else if (tag === 'td' || tag === 'th') {
      flushBlock();
      const table = tables[tables.length - 1];
      if (!table?.row) continue;
      if (!closing) {
        const span = Number(/colspan="(\d+)"/i.exec(attrs)?.[1] ?? 1);
        table.cell = { span: Number.isInteger(span) && span > 0 && span < 64 ? span : 1, blocks: [] };
        table.row.cells.push(table.cell);
      } else table.cell = null;
    }
  }
  flushBlock();
  // An unclosed table (not from mammoth, but never lose text).
  while (tables.length) rowNumber = emitTable(tables.pop()!.rows, push, rowNumber);
  return lines;
}

function emitTable(
  rows: Row[],
  push: (cells: DocCell[], size: number, row: number) => void,
  first: number,
): number {
  let number = first;
  for (const row of rows) {
    number++;
    const depth = Math.max(0, ...row.cells.map((c) => c.blocks.length));
    for (let k = 0; k < depth; k++) {
      const cells: DocCell[] = [];
      let column = 0;
      let size = BODY_SIZE;
      for (const cell of row.cells) {
        const b = cell.blocks[k];
        if (b) {
          cells.push({ x: 40 + column * 100, end: 40 + (column + cell.span) * 100 - 10, text: b.text });
          size = Math.max(size, b.size);
        }
        column += cell.span;
      }
      push(cells, size, number);
    }
  }
  return number;
}
