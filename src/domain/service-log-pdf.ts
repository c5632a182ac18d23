import type { DocCell, DocLine, DocumentText } from './document-text.ts';
import { findHeader } from './service-log-columns.ts';
import type { GridRow } from './service-log-read.ts';

// A school's service log printed to PDF (issue 19), read into the same grid of cells a spreadsheet
// gives, so the same column guessing, reading and reconciling apply. The document's text comes from
// the IEP reader's PDF reader (src/importers/pdf-text.ts, with OCR for scanned pages): pages of lines,
// each line a list of cells split at wide gaps. A printout's table has no cell boundaries, and an empty
// cell prints nothing, so a line's cells cannot be taken in order: each is put in the column of the
// table's header whose span holds the cell's middle. Pure: no I/O.
//
// - The header is found as in a spreadsheet (findHeader over the lines' cells), and its cells are the
//   columns; a group row above it ("Session" over "Date" and "Time") is part of the header.
// - Every line of every page becomes a row, in order, numbered from 1 (a PDF has no line numbers of its
//   own; the reader's messages name these): titles, page footers and the header printed again on each
//   page are rows the log reader already sets apart (listed as unread, with the reason).
// - A line with no date under the date column, printed close under a row, filling one or two columns
//   with words (a note or a name that wrapped onto a second line), is that row's continuation: its words
//   join the cells above it. A line that fills more, or holds numbers, is a row of its own (a group
//   log prints a date once over its students' rows).

export type PdfGrid = {
  grid: GridRow[];
  /** The page each row was printed on, by the row's line number. */
  pageOf: Map<number, number>;
};

/** A column of the printed table: where its header sits across the page. */
type Column = { x: number; end: number };

const middle = (c: DocCell) => (c.x + c.end) / 2;

/** The columns' boundaries: halfway between one header cell's end and the next one's start. */
function boundaries(columns: readonly Column[]): number[] {
  return columns.slice(1).map((c, i) => (columns[i]!.end + c.x) / 2);
}

/** A line's cells put in the table's columns (two cells in one column are joined by a space). */
function alignedCells(line: DocLine, cuts: readonly number[]): string[] {
  const cells = Array.from({ length: cuts.length + 1 }, () => '');
  for (const cell of line.cells) {
    const m = middle(cell);
    let i = cuts.findIndex((cut) => m < cut);
    if (i < 0) i = cuts.length;
    cells[i] = cells[i] ? `${cells[i]} ${cell.text}` : cell.text;
  }
  return cells;
}

/** The header's columns: its own cells, with a group row's cells over them left out (they span several). */
function headerColumns(lines: readonly DocLine[], headerRows: readonly number[]): Column[] {
  const own = lines[headerRows.at(-1)!]!;
  return own.cells.map((c) => ({ x: c.x, end: c.end })).sort((a, b) => a.x - b.x);
}

const looksLikeDate = (text: string) =>
  /\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?\b/.test(text) ||
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/i.test(text);

/**
 * The grid of a printed log. Returns null when no page has a table header (not a log, or a log whose
 * header could not be found: the caller says so).
 */
export function gridFromDocumentText(doc: DocumentText): PdfGrid | null {
  const lines: { line: DocLine; page: number }[] = doc.pages.flatMap((p) =>
    p.lines.filter((l) => l.cells.length > 0).map((line) => ({ line, page: p.number })),
  );
  const naive = lines.map(({ line }) => line.cells.map((c) => c.text));
  const header = findHeader(naive, 60);
  if (!header) return null;
  const columns = headerColumns(
    lines.map((l) => l.line),
    header.rows,
  );
  const cuts = boundaries(columns);
  const headerText = header.rows.map((r) => lines[r]!.line.text);
  const dateColumn = dateColumnOf(alignedCells(lines[header.rows.at(-1)!]!.line, cuts));

  const grid: GridRow[] = [];
  const pageOf = new Map<number, number>();
  let previous: { row: GridRow; line: DocLine; page: number } | null = null;
  for (const [index, { line, page }] of lines.entries()) {
    const cells = alignedCells(line, cuts);
    const isHeader = header.rows.includes(index) || headerText.includes(line.text);
    if (
      previous &&
      !isHeader &&
      isContinuation(line, cells, previous, page, dateColumn, index > header.rows[0]!)
    ) {
      previous.row.cells = previous.row.cells.map((c, i) =>
        cells[i] ? (c ? `${c} ${cells[i]}` : cells[i]!) : c,
      );
      previous.line = line;
      continue;
    }
    const row: GridRow = { line: grid.length + 1, cells };
    grid.push(row);
    pageOf.set(row.line, page);
    previous = isHeader ? null : { row, line, page };
  }
  return { grid, pageOf };
}

/** The column whose header names the date ("Date", "Session Date", "DOS"), if the header has one. */
function dateColumnOf(headerCells: readonly string[]): number | null {
  const i = headerCells.findIndex((c) => /\b(?:date|dos|day|fecha)\b/i.test(c));
  return i < 0 ? null : i;
}

/**
 * Whether a line continues the row above it: below the header, on the same page, printed within about
 * one and a half lines of it, with nothing that starts a row (a date) in the date column, and with the
 * row above holding a date of its own (so a title's second line is not taken for a note).
 */
function isContinuation(
  line: DocLine,
  cells: readonly string[],
  previous: { row: GridRow; line: DocLine; page: number },
  page: number,
  dateColumn: number | null,
  belowHeader: boolean,
): boolean {
  if (!belowHeader || dateColumn == null || page !== previous.page) return false;
  if (cells[dateColumn]) return false;
  if (!looksLikeDate(previous.row.cells[dateColumn] ?? '')) return false;
  const gap = line.y - previous.line.y;
  const height = Math.max(line.height, previous.line.height, 1);
  if (gap <= 0 || gap > height * 1.6) return false;
  // A wrapped note or name fills one or two columns with words; a row of its own under a date printed
  // once (a group log's next student) fills several, with numbers (an id, minutes, a time).
  const filled = cells.filter((c) => c !== '');
  return filled.length > 0 && filled.length <= 2 && !filled.some((c) => /^[\d\s:.,/-]+$/.test(c));
}
