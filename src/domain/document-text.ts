import { withoutBidiControls } from './bidi.ts';
import type { DrawnBox } from './drawn-boxes.ts';

// The text of a document as the IEP reader sees it: pages, top to bottom, each a list of lines, each
// line a list of cells (runs of text separated by a wide gap, as table columns and form fields are).
// The PDF reader (src/importers/pdf-text.ts) builds it from pdf.js's positioned text items, the Word
// reader (src/importers/docx-text.ts) from the document's paragraphs and table rows. Pure: no I/O.
//
// Coordinates are PDF points on the page as shown (rotation applied), from its top-left corner; `y` is
// a line's baseline. A Word document has no geometry: it is one page whose table columns are given
// evenly spaced x positions, so the same column logic reads both.

export type DocCell = {
  /** Left edge. */
  x: number;
  /** Right edge. */
  end: number;
  text: string;
  /** OCR only: the lowest word confidence in the cell, 0 to 100 (Tesseract's). */
  confidence?: number;
};

export type DocLine = {
  /** Baseline, from the top of the page. */
  y: number;
  /** Font size of the line's tallest text. */
  height: number;
  /** The cells' text joined by single spaces. */
  text: string;
  cells: DocCell[];
  /** Word documents only: the lines of one table row (a cell with several paragraphs) share this number. */
  row?: number;
  /** OCR only: the lowest word confidence on the line, 0 to 100. */
  confidence?: number;
};

export type DocPage = {
  number: number;
  width: number;
  height: number;
  lines: DocLine[];
  /**
   * OCR only: the angle (radians) the page's words were turned back by to read them straight (a scan
   * is seldom straight); where they are on the page as drawn is that far turned (src/domain/page-boxes.ts).
   */
  turned?: number;
  /**
   * PDF text layer only: the check boxes drawn on the page as vector graphics, and those of a fillable
   * form (whose state is in the form's fields), each with its state (src/domain/drawn-boxes.ts); absent
   * when none were found or the drawing could not be read.
   */
  boxes?: DrawnBox[];
};

export type DocumentText = {
  format: 'pdf' | 'docx';
  pages: DocPage[];
  /** Pages with no text layer at all (scans, photos) that OCR did not read: typing is needed for them. */
  pagesWithoutText: number[];
  /** Pages whose text was read by OCR from an image of the page (src/importers/ocr.ts); absent when none. */
  pagesReadByOcr?: number[];
  /** Pages whose text could not be read (a damaged part of the file). */
  unreadablePages: number[];
  /** What the reader left out and why, in plain words. */
  notes: string[];
};

/** One run of text with its position, as pdf.js gives it (after the page's viewport transform). */
export type PositionedText = {
  text: string;
  /** Left edge of the run. */
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  width: number;
  /** Font size. */
  height: number;
  /** OCR only: how sure the OCR engine is of the run, 0 to 100. */
  confidence?: number;
};

/** Characters NFKC would turn into something else that changes a number ("1½" into "11⁄2"). */
const KEEP_AS_IS = /[\u00bc-\u00be\u2150-\u215e]/;

/**
 * Text as the reader compares it: compatibility characters folded (the ligature "ﬁ" becomes "fi",
 * full-width letters plain ones, a no-break space a space) except vulgar fractions, control and
 * direction-override characters removed, runs of spaces collapsed.
 */
export function normalizeText(text: string): string {
  let out = '';
  // Most text has no fraction: folded whole, without a test per character.
  if (!KEEP_AS_IS.test(text)) out = text.normalize('NFKC');
  else {
    let run = '';
    for (const ch of text) {
      if (KEEP_AS_IS.test(ch)) {
        out += run.normalize('NFKC') + ch;
        run = '';
      } else run += ch;
    }
    out += run.normalize('NFKC');
  }
  return (
    withoutBidiControls(out)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00AD\u200B\uFEFF]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export type LineOptions = {
  /**
   * A gap wider than this many times the font size starts a new cell. pdf.js already joins runs
   * closer than about 0.6 of the font size into one item (with a space), so a gap it leaves that is
   * wider than half the font size is a column or field boundary; a narrower one (a bold label and its
   * value, a font change inside a word) is the same cell.
   */
  cellGap?: number;
  /** Baselines closer than this many times the smaller font size are one line. */
  baselineTolerance?: number;
  /** Runs are whole words (OCR's): those in one cell are always joined with a space. */
  wordRuns?: boolean;
};

const round = (n: number) => Math.round(n * 10) / 10;

/** Rebuild lines and cells from positioned runs of text: top to bottom, then left to right. */
export function linesFromItems(items: readonly PositionedText[], options: LineOptions = {}): DocLine[] {
  const cellGap = options.cellGap ?? 0.5;
  const tolerance = options.baselineTolerance ?? 0.5;
  const runs = items
    .map((i) => ({ ...i, text: normalizeText(i.text), height: i.height > 0 ? i.height : 1 }))
    .filter((i) => i.text !== '' && Number.isFinite(i.x) && Number.isFinite(i.y) && Number.isFinite(i.width))
    .sort((a, b) => a.y - b.y || a.x - b.x);

  const groups: PositionedText[][] = [];
  let current: PositionedText[] = [];
  let baseline = Number.NaN;
  for (const run of runs) {
    const minHeight = Math.min(run.height, current[0]?.height ?? run.height);
    if (current.length && Math.abs(run.y - baseline) <= tolerance * minHeight) {
      current.push(run);
      continue;
    }
    if (current.length) groups.push(current);
    current = [run];
    baseline = run.y;
  }
  if (current.length) groups.push(current);

  return groups.map((group) => {
    const sorted = [...group].sort((a, b) => a.x - b.x);
    const cells: DocCell[] = [];
    let last: PositionedText | null = null;
    for (const run of sorted) {
      const end = run.x + Math.max(0, run.width);
      const cell = cells[cells.length - 1];
      if (cell && last) {
        const gap = run.x - cell.end;
        const size = Math.max(run.height, last.height);
        if (gap <= cellGap * size) {
          // Touching runs (a word split by a font change) join without a space, unless the first ends
          // a label ("Student:" in bold, then the name).
          const space =
            (options.wordRuns || gap > 0.1 * size || /[:;,]$/.test(cell.text)) && !cell.text.endsWith(' ')
              ? ' '
              : '';
          cell.text = `${cell.text}${space}${run.text}`;
          cell.end = Math.max(cell.end, end);
          if (run.confidence !== undefined)
            cell.confidence = Math.min(cell.confidence ?? 100, run.confidence);
          last = run;
          continue;
        }
      }
      const next: DocCell = { x: round(run.x), end: round(end), text: run.text };
      // OCR's confidence travels with the text, so an item read from a doubtful word can be marked.
      if (run.confidence !== undefined) next.confidence = run.confidence;
      cells.push(next);
      last = run;
    }
    for (const c of cells) c.text = c.text.replace(/\s+/g, ' ').trim();
    const height = Math.max(...group.map((g) => g.height));
    const y = group.reduce((sum, g) => sum + g.y, 0) / group.length;
    const line: DocLine = {
      y: round(y),
      height: round(height),
      text: cells.map((c) => c.text).join(' '),
      cells,
    };
    const known = cells.filter((c) => c.confidence !== undefined).map((c) => c.confidence!);
    if (known.length) line.confidence = Math.min(...known);
    return line;
  });
}
