import ExcelJS from 'exceljs';
import { ACCEPTED_TYPES, sniffType } from '../domain/attachment-types.ts';
import type { DocumentText } from '../domain/document-text.ts';
import { findHeader } from '../domain/service-log-columns.ts';
import { parseCsv } from '../domain/service-log-csv.ts';
import { gridFromDocumentText } from '../domain/service-log-pdf.ts';
import { type GridRow, SERVICE_LOG_MAX_ROWS } from '../domain/service-log-read.ts';
import { checkZipContainer } from './docx-text.ts';
import { readDocumentText } from './iep-document.ts';
import { fileError } from './pdf-text.ts';

// Reading a school's service log file into a grid of cells, row by row with each row's line (issue
// 19): a CSV file (any of the encodings spreadsheets save: UTF-8 with or without its mark, UTF-16, or
// Windows' Western encoding; commas, semicolons or tabs) through the pure reader in
// src/domain/service-log-csv.ts, or an Excel workbook (.xlsx) through exceljs, a maintained library made
// for it (never the `xlsx` package on npm, stuck at a vulnerable 0.18.5). A workbook is a ZIP container,
// checked like a Word document before exceljs sees it (its parts' declared and real sizes, so a zip
// bomb is refused); a merged cell gives its words to every cell it spans (a group header over its
// columns, a date over its students' rows); dates come as YYYY-MM-DD, times and durations as HH:MM.
// A PDF printout of a log is read by the IEP reader's PDF reader (OCR for scanned pages), and its
// lines put in the printed table's columns (src/domain/service-log-pdf.ts); the server reads it in a
// child process of its own, as it reads an IEP, so a hostile PDF stalls no one.
// Limits: the file's size (the route's), and at most SERVICE_LOG_MAX_ROWS rows (plus a title and
// header), refused with a clear message rather than read in part.

export const SERVICE_LOG_MAX_BYTES = 10 * 1024 * 1024;
export const SERVICE_LOG_MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Rows above the table a file may also have: a title, a printed date, a header of two rows. */
const TITLE_ALLOWANCE = 50;

export const SERVICE_LOG_TYPES = {
  csv: { mediaType: 'text/csv', label: 'a CSV file' },
  xlsx: { mediaType: ACCEPTED_TYPES.xlsx.mediaType, label: 'an Excel spreadsheet' },
  pdf: { mediaType: ACCEPTED_TYPES.pdf.mediaType, label: 'a PDF printout' },
} as const;
export type ServiceLogFormat = keyof typeof SERVICE_LOG_TYPES;

export type ServiceLogFile = {
  format: ServiceLogFormat;
  mediaType: string;
  /** The sheet read from a workbook (the one whose table looks most like a log), or null for CSV and PDF. */
  sheet: string | null;
  grid: GridRow[];
  /** PDF only: the page each row was printed on, by its line number. */
  pageOf?: Map<number, number>;
  /** What the reader left out and why (pages of a PDF it could not read), in plain words. */
  notes?: string[];
};

/** Reads a PDF's text (pages, lines, cells); the server's reads it in a child process. */
export type PdfTextReader = (bytes: Uint8Array) => Promise<DocumentText>;

const tooManyRows = (max: number) =>
  fileError(
    `This file has more than ${max.toLocaleString('en-US')} rows; As Written reads at most ${max.toLocaleString('en-US')} (a school year of sessions is far fewer). Export a shorter stretch of dates, or one student’s log, and bring that in. Nothing was saved.`,
  );

/** Windows-1252's characters for the bytes 0x80 to 0x9F (the rest are Latin-1's own); 0 where it has none. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

/** Windows' Western encoding, by hand: Node's TextDecoder reads "windows-1252" as Latin-1 (0x97 is not an em dash there). */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const codes = Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || 0xfffd : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Text from bytes: a byte-order mark says the encoding; otherwise UTF-8, or Windows' Western encoding when it is not UTF-8. */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

function readCsvFile(bytes: Uint8Array, maxRows: number): ServiceLogFile {
  const text = decodeText(bytes);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters mean this is not text
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text.slice(0, 65_536)))
    throw fileError(
      'This file is not a service log: it is not text, a CSV file, an Excel spreadsheet or a PDF printout.',
    );
  const head = text.replace(/^\uFEFF/, '').slice(0, 2048);
  if (/^\s*<(!doctype|html|table|\?xml)/i.test(head))
    throw fileError(
      'This file is a web page, not a spreadsheet (some systems save their “Excel” export this way). Open it in a spreadsheet program and save it as .xlsx or CSV, then bring that in.',
    );
  const table = parseCsv(text, { maxRows: maxRows + TITLE_ALLOWANCE });
  if (table.truncated) throw tooManyRows(maxRows);
  if (table.unclosedQuoteAt != null)
    throw fileError(
      `This CSV file is damaged: a quoted value that starts on line ${table.unclosedQuoteAt} never ends. Export it again.`,
    );
  return { format: 'csv', mediaType: SERVICE_LOG_TYPES.csv.mediaType, sheet: null, grid: table.rows };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's value as text, the way the reader reads it: dates as YYYY-MM-DD, times and durations as HH:MM. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(Math.round(value * 1e9) / 1e9);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
    // A time of day or a duration is a date in Excel's first days (1899-12-30 onwards).
    if (value.getUTCFullYear() < 1901) {
      const days = Math.floor((value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
      if (days <= 0) return time;
      // A duration of a day or more ("[h]:mm"): hours past 24.
      return `${days * 24 + value.getUTCHours()}:${pad(value.getUTCMinutes())}`;
    }
    const date = value.toISOString().slice(0, 10);
    return value.getUTCHours() === 0 && value.getUTCMinutes() === 0 ? date : `${date} ${time}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return '';
    if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
    if ('error' in value) return '';
  }
  return '';
}

async function readXlsxFile(bytes: Uint8Array, maxRows: number): Promise<ServiceLogFile> {
  checkZipContainer(bytes, SERVICE_LOG_MAX_UNPACKED_BYTES, 'sheet');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw fileError('This spreadsheet is damaged, so it could not be read. Save it again as .xlsx or CSV.');
  }
  let best: { sheet: string; grid: GridRow[]; score: number } | null = null;
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible' && workbook.worksheets.length > 1) continue;
    const grid: GridRow[] = [];
    let tooMany = false;
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (tooMany) return;
      if (grid.length >= maxRows + TITLE_ALLOWANCE) {
        tooMany = true;
        return;
      }
      const cells: string[] = [];
      const width = row.cellCount;
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
      grid.push({ line: number, cells });
    });
    if (tooMany) throw tooManyRows(maxRows);
    const header = findHeader(grid.map((r) => r.cells));
    const score = header ? 2 : grid.length > 0 ? 1 : 0;
    if (!best || score > best.score) best = { sheet: sheet.name, grid, score };
    if (score === 2) break;
  }
  return {
    format: 'xlsx',
    mediaType: SERVICE_LOG_TYPES.xlsx.mediaType,
    sheet: best?.sheet ?? null,
    grid: best?.grid ?? [],
  };
}

/**
 * Reads a service log file into a grid, by what its bytes are (never its name). Throws AppError on
 * the field `file` for a file that is empty, too large, of another kind, damaged, or longer than
 * `maxRows` rows.
 */
export async function readServiceLogFile(
  bytes: Uint8Array,
  options: { maxBytes?: number; maxRows?: number; readPdf?: PdfTextReader } = {},
): Promise<ServiceLogFile> {
  const maxBytes = options.maxBytes ?? SERVICE_LOG_MAX_BYTES;
  const maxRows = options.maxRows ?? SERVICE_LOG_MAX_ROWS;
  if (bytes.byteLength === 0) throw fileError('This file is empty (0 bytes). Nothing was saved.');
  if (bytes.byteLength > maxBytes)
    throw fileError(
      `This file is ${Math.ceil(bytes.byteLength / 1024 / 1024)} MB, more than the ${Math.round(maxBytes / 1024 / 1024)} MB a service log may be. Nothing was saved.`,
    );
  const type = sniffType(bytes);
  if (type === ACCEPTED_TYPES.xlsx) return readXlsxFile(bytes, maxRows);
  if (type === ACCEPTED_TYPES.xls)
    throw fileError(
      'This is an older Excel file (.xls). Open it in a spreadsheet program and save it as .xlsx or CSV, then bring that in.',
    );
  if (type === ACCEPTED_TYPES.pdf) return readPdfLog(bytes, maxRows, options.readPdf ?? readDocumentText);
  if (type === ACCEPTED_TYPES.ods)
    throw fileError('This is an OpenDocument spreadsheet. Save it as .xlsx or CSV, then bring that in.');
  if (type && type !== 'markup' && type !== ACCEPTED_TYPES.text)
    throw fileError(
      `This is ${type.label}, not a service log. Bring in the log as a CSV file, an Excel spreadsheet (.xlsx) or a PDF printout.`,
    );
  return readCsvFile(bytes, maxRows);
}

/**
 * A printed log: its text read (by the server in a child process), then its lines put in the table's
 * columns. A PDF with no table header anywhere is refused as not a log; a scan that could not be read
 * at all says so.
 */
async function readPdfLog(
  bytes: Uint8Array,
  maxRows: number,
  readPdf: PdfTextReader,
): Promise<ServiceLogFile> {
  const text = await readPdf(bytes);
  const hasText = text.pages.some((p) => p.lines.length > 0);
  if (!hasText)
    throw fileError(
      'No text could be read in this PDF (a scan that could not be read). Ask the school for the log as a spreadsheet or CSV, or as a PDF printed from their system.',
    );
  const table = gridFromDocumentText(text);
  if (!table)
    throw fileError(
      'This PDF is not a service log: no page has a table with a date column and the columns of a log (service, minutes, attendance). If it is a log, ask the school for it as a spreadsheet or CSV.',
    );
  if (table.grid.length > maxRows + TITLE_ALLOWANCE * Math.max(1, text.pages.length))
    throw tooManyRows(maxRows);
  return {
    format: 'pdf',
    mediaType: SERVICE_LOG_TYPES.pdf.mediaType,
    sheet: null,
    grid: table.grid,
    pageOf: table.pageOf,
    notes: text.notes,
  };
}
