import { type DocLine, linesFromItems, type PositionedText } from '../domain/document-text.ts';
import { run, toolFailure } from './page-images.ts';

// OCR of a page image (a scanned IEP, a photo of a page) with Tesseract (Debian's tesseract-ocr, with
// its English and Spanish data), run as a child process with a time limit: no cloud, no model
// download. Tesseract's hOCR output gives each word's box and confidence and each line's baseline and
// size; the words become the same lines and cells as a PDF's text layer (src/domain/document-text.ts),
// in PDF points, so the extractor's thresholds (a cell gap of half the font size, a baseline tolerance)
// read a scan the way they read a printed PDF.
//
// When Tesseract is not installed nothing fails: the reader says which pages need it and how to
// install it, and the parent can type those parts in.

export const TESSERACT_INSTALL = 'apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa';
export const TESSERACT_MISSING = `OCR is not installed on this server, so scanned pages cannot be read: ask the server's admin to install Tesseract (${TESSERACT_INSTALL}).`;
const DEFAULT_TIMEOUT_MS = 60_000;
/** hOCR of a dense page is about 1 MB; past this something is wrong. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
/** Below this a word is a guess (Tesseract's 0 to 100 scale; clean print reads above 85). */
export const LOW_CONFIDENCE = 70;
/** A gap wider than this many times the line's size starts a new cell (a PDF's text layer: 0.5). */
export const OCR_CELL_GAP = 0.7;

export type Tesseract =
  | { available: true; command: string; version: string; languages: string[]; missingLanguages: string[] }
  | { available: false; command: string; message: string };

/** The languages a plan is read in: English, and Spanish where its data is installed. */
const WANTED_LANGUAGES = ['eng', 'spa'];

/**
 * Environment for Tesseract: one thread. Its OpenMP threads spin on a shared two-core server (a page
 * takes three times as long with them), and the reader already runs one page at a time.
 */
function tesseractEnv(): NodeJS.ProcessEnv {
  return { ...process.env, OMP_THREAD_LIMIT: '1' };
}

/** Whether Tesseract can be run here, its version and which of English and Spanish it has. */
export async function detectTesseract(command = 'tesseract'): Promise<Tesseract> {
  let version: string;
  try {
    const out = await run(command, ['--version'], { timeoutMs: 10_000, env: tesseractEnv() });
    // Older versions print the version on stderr.
    version = /tesseract\s+v?([\d.]+\S*)/i.exec(`${out.stdout}\n${out.stderr}`)?.[1] ?? 'unknown';
  } catch {
    return { available: false, command, message: TESSERACT_MISSING };
  }
  let installed: string[] = [];
  try {
    const out = await run(command, ['--list-langs'], { timeoutMs: 10_000, env: tesseractEnv() });
    installed = `${out.stdout}\n${out.stderr}`
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^[a-z_]{3,}$/i.test(l));
  } catch {
    installed = [];
  }
  const languages = WANTED_LANGUAGES.filter((l) => installed.includes(l));
  const missingLanguages = WANTED_LANGUAGES.filter((l) => !installed.includes(l));
  if (!languages.includes('eng'))
    return {
      available: false,
      command,
      message: `Tesseract is installed on this server without its English data, so scanned pages cannot be read: ask the server's admin to install it (${TESSERACT_INSTALL}).`,
    };
  return { available: true, command, version, languages, missingLanguages };
}

export type OcrOptions = {
  /** Tesseract language codes; English and Spanish by default. */
  languages?: string[];
  /**
   * Page segmentation mode. 4 (a single column of text of varying sizes) reads a form's full-width
   * table rows as lines and keeps a shaded table header, which 6 (one uniform block) drops.
   */
  psm?: number;
  timeoutMs?: number;
  command?: string;
};

export type OcrWord = {
  text: string;
  /** Box in the image's pixels. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** 0 to 100. */
  confidence: number;
  /** The baseline of the word's line under the word's left edge, in pixels from the top. */
  baseline: number;
  /** The slope of the line's baseline (pixels down per pixel right): how far the scan is turned. */
  slope: number;
  /** The line's size (Tesseract's x_size: about the font size), in pixels. */
  size: number;
};

export type OcrPage = {
  lines: DocLine[];
  words: number;
  /** Mean word confidence, 0 to 100; null when no word was read. */
  meanConfidence: number | null;
  /** Words read with a confidence under LOW_CONFIDENCE. */
  lowConfidenceWords: number;
  /** The angle (radians) the words were turned back by to read the page straight (`turnOf`). */
  turned: number;
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function bbox(title: string): [number, number, number, number] | null {
  const m = /\bbbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)/.exec(title);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] : null;
}

/**
 * The words of Tesseract's hOCR, each with its line's baseline and size. Line-level elements are
 * ocr_line and the kinds Tesseract gives headings and captions (ocr_header, ocr_caption, ocr_textfloat).
 */
export function wordsFromHocr(hocr: string): OcrWord[] {
  const words: OcrWord[] = [];
  const tag =
    /<span class=['"](ocr_line|ocr_header|ocr_caption|ocr_textfloat|ocrx_word)['"][^>]*?title=(['"])(.*?)\2[^>]*>/g;
  let line: { x0: number; bottom: number; offset: number; slope: number; size: number } | null = null;
  for (let m = tag.exec(hocr); m; m = tag.exec(hocr)) {
    const [, kind, , title] = m as unknown as [string, string, string, string];
    const box = bbox(title);
    if (!box) continue;
    if (kind !== 'ocrx_word') {
      // "baseline slope offset": the baseline is at y1 + offset + slope * (x - x0).
      const base = /\bbaseline (-?[\d.]+) (-?[\d.]+)/.exec(title);
      const slope = base ? Number(base[1]) : 0;
      const offset = base ? Number(base[2]) : 0;
      const size = Number(/\bx_size ([\d.]+)/.exec(title)?.[1] ?? box[3] - box[1]);
      line = { x0: box[0], bottom: box[3], offset, slope, size: size > 0 ? size : box[3] - box[1] };
      continue;
    }
    const end = hocr.indexOf('</span>', tag.lastIndex);
    if (end < 0) break;
    const text = decodeEntities(hocr.slice(tag.lastIndex, end).replace(/<[^>]*>/g, '')).trim();
    const confidence = Number(/\bx_wconf (\d+)/.exec(title)?.[1] ?? 0);
    if (!text) continue;
    words.push({
      text,
      x0: box[0],
      y0: box[1],
      x1: box[2],
      y1: box[3],
      confidence,
      baseline: line ? line.bottom + line.offset + line.slope * (box[0] - line.x0) : box[3],
      slope: line?.slope ?? 0,
      size: line?.size ?? box[3] - box[1],
    });
  }
  return words;
}

/**
 * A word as the extractor reads it. The ruling of a table comes through OCR as "|" (alone, or stuck to
 * a word): it is dropped. A check box comes through as "[X]", "[]", "[J", "{)"...: a box with an X in
 * it is "[X]", an empty one "[ ]", and anything else in a box, or a box read with low confidence, is
 * "[?]", which the extractor treats as a box whose state is unclear, for the parent to check; a scan's
 * box is never taken as checked or not on a guess.
 */
export function cleanWord(text: string, confidence: number): string {
  let t = text.replace(/^[|¦]+|[|¦]+$/g, '');
  if (t === '') return '';
  // A box read together with its label ("[]Reduced"): the box, then the label.
  const glued = /^([[{(]\s*[xX]?\s*[\])}JIl1])([A-Z][a-z].*)$/.exec(t);
  if (glued) return `${cleanWord(glued[1]!, confidence)} ${glued[2]}`;
  const box = /^[[{]\s*([^\s\]})]?)\s*[\]}|JIl1]$/.exec(t) ?? /^\(\s*([xX]?)\s*\)$/.exec(t);
  if (box) {
    const inner = box[1] ?? '';
    const state =
      inner === ''
        ? '[ ]'
        : /^[xX×%*K]$/.test(inner)
          ? '[X]'
          : /^[?/\\.\-_vV✓✔✗✘]$/.test(inner)
            ? '[?]'
            : null;
    // "[1]" is a footnote's number, not a box.
    if (state) return confidence < LOW_CONFIDENCE ? '[?]' : state;
  }
  // A table's rule read as a bracket stuck to a word ("Frequency]"), a speck before a date (".09/14/2027").
  if (/^[A-Za-z][A-Za-z'’.-]{2,}[\][]$/.test(t)) t = t.slice(0, -1);
  else if (/^[\][][A-Za-z][A-Za-z'’.-]{2,}$/.test(t)) t = t.slice(1);
  return t.replace(/^[.,'`‘’:;]+(?=\d)/, '');
}

/** What a scanned bullet comes through as, alone before its text. */
const BULLET_READ_AS = /^(?:[+*«»°·•®©e~]|o)$/;
/** What a scanned empty drawn box comes through as, alone before its label: its state is not read. */
const BOX_READ_AS = /^(?:[O0DUC]|L\]|LJ|\[J|C\]|[\][]|\[\])$/;

/**
 * A line's first cell that is only a bullet or a drawn box read as a letter ("+", "O", "L]"), with its
 * text just after it, is made what it is: a bullet "•", or a box "[?]" whose state the parent checks.
 */
function markLeadingSymbols(line: DocLine): DocLine {
  const [first, next] = line.cells;
  if (!first || !next || next.x - first.end > 3 * line.height) return line;
  let text: string | null = null;
  if (BULLET_READ_AS.test(first.text)) text = '•';
  else if (BOX_READ_AS.test(first.text)) text = first.text === '[]' || first.text === '[ ]' ? '[ ]' : '[?]';
  if (text === null || text === first.text) return line;
  const cells = [{ ...first, text }, ...line.cells.slice(1)];
  return { ...line, cells, text: cells.map((c) => c.text).join(' ') };
}

/**
 * How far a scan is turned (radians, clockwise as the image shows it): its lines' median slope. A scan
 * is seldom straight; the words are turned back by this angle to be read (`linesFromWords`), and the
 * review screen turns their places forward again to outline them on the page's image.
 */
export function turnOf(words: readonly OcrWord[]): number {
  return Math.atan(median(words.filter((w) => w.text.length > 1).map((w) => w.slope)));
}

/**
 * Lines and cells from OCR'd words, in PDF points: `scale` is points per pixel (the page's width in
 * points over the image's width in pixels).
 */
export function linesFromWords(words: readonly OcrWord[], scale: number): DocLine[] {
  // The page is turned back straight, so a table row stays on one baseline and a column at one x from
  // the top of the page to the bottom.
  const angle = turnOf(words);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const runs: PositionedText[] = [];
  for (const w of words) {
    const text = cleanWord(w.text, w.confidence);
    if (!text) continue;
    runs.push({
      text,
      x: (w.x0 * cos + w.baseline * sin) * scale,
      y: (w.baseline * cos - w.x0 * sin) * scale,
      width: (w.x1 - w.x0) * scale,
      height: w.size * scale,
      confidence: w.confidence,
    });
  }
  // OCR's word boxes are looser than a PDF's glyph positions (a speck of noise widens a word), so a
  // gap needs to be wider to start a new cell; a form's columns are still well apart.
  return evenSizes(linesFromItems(runs, { cellGap: OCR_CELL_GAP, wordRuns: true }).map(markLeadingSymbols));
}

/**
 * OCR measures each line's size from its own letters (a line of capitals or digits reads smaller than
 * one with "g" and "h"), where a PDF states one font size for all the body text. Sizes within 7% of
 * the page's most common size are made that size, so the extractor tells headings (larger) from body
 * text on a scan as it does on a printed PDF.
 */
function evenSizes(lines: DocLine[]): DocLine[] {
  const weight = new Map<number, number>();
  for (const l of lines)
    weight.set(Math.round(l.height), (weight.get(Math.round(l.height)) ?? 0) + l.text.length);
  const mode = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!mode) return lines;
  const body = median(lines.filter((l) => Math.abs(l.height - mode) <= 0.5).map((l) => l.height));
  return lines.map((l) => (Math.abs(l.height - body) <= 0.07 * body ? { ...l, height: body } : l));
}

function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * OCR one page image (PNG, or PGM/PPM) into lines and cells in PDF points. `pageWidth` is the page's width in
 * points (from the PDF), so coordinates match its text layer's; `imageWidth` the image's in pixels.
 * Throws AppError (`validation_failed`, field `file`) when Tesseract is missing, fails or takes too long.
 */
export async function ocrPageImage(
  image: Buffer,
  page: { pageWidth: number; imageWidth: number; dpi: number },
  options: OcrOptions = {},
): Promise<OcrPage> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const command = options.command ?? 'tesseract';
  const languages = options.languages?.length ? options.languages : ['eng'];
  let hocr: string;
  try {
    const out = await run(
      command,
      // The resolution is given: a PGM carries none, and Tesseract's guess drops a shaded table header.
      [
        'stdin',
        'stdout',
        '--dpi',
        String(Math.round(page.dpi)),
        '-l',
        languages.join('+'),
        '--psm',
        String(options.psm ?? 4),
        'hocr',
      ],
      { timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, env: tesseractEnv(), input: image },
    );
    hocr = out.stdout;
  } catch (error) {
    throw toolFailure(error, {
      tool: 'tesseract',
      missing: TESSERACT_MISSING,
      doing: 'Reading a scanned page (OCR)',
      timeoutMs,
    });
  }
  const words = wordsFromHocr(hocr);
  const scale = page.imageWidth > 0 ? page.pageWidth / page.imageWidth : 72 / 300;
  const confidences = words.map((w) => w.confidence);
  return {
    lines: linesFromWords(words, scale),
    words: words.length,
    meanConfidence: confidences.length
      ? Math.round(confidences.reduce((a, b) => a + b, 0) / confidences.length)
      : null,
    lowConfidenceWords: confidences.filter((c) => c < LOW_CONFIDENCE).length,
    turned: turnOf(words),
  };
}
