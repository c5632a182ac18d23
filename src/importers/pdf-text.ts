import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  type DocLine,
  type DocPage,
  type DocumentText,
  linesFromItems,
  type PositionedText,
} from '../domain/document-text.ts';
import {
  type DrawnPath,
  drawnCheckBoxes,
  type FormBox,
  MAX_PATHS_PER_PAGE,
  mayHoldDrawnBox,
  type Tone,
  toneOf,
  withFormBoxes,
} from '../domain/drawn-boxes.ts';
import { AppError } from '../domain/errors.ts';
import { type Refusal, refusal } from '../domain/reader-refusals.ts';
import { takePageSighting, unwatchDocument, watchDocument } from './pdf-path-probe.ts';
import { InThreadPort } from './pdfjs-port.ts';

// Reading the text layer of a PDF (an IEP from the district's IEP system, printed to PDF) into pages of
// lines and cells (src/domain/document-text.ts), with pdf.js 5.5 (the last line that runs on Node 20).
//
// pdf.js runs here with everything that could run code or reach out turned off: no eval of font
// programs (`isEvalSupported: false`, the fix for CVE-2024-4367), no font faces, no system fonts, no
// fetching from the worker (the "fake worker" runs in this process; the CMaps for Asian fonts are
// read from the package's own folder). Scripts, forms (XFA) and annotations are never evaluated: the
// page's text content and drawing are asked for, and of its annotations only the values of a fillable
// form's check boxes are read.
//
// pdf.js is loaded the first time a PDF is read (`loadPdfJs`), not when this module is: the server
// imports this module for `fileError` but reads documents in a child process, and a docx or a photo
// needs no pdf.js. It is loaded by src/importers/pdfjs-preload.mjs, which the IEP reader's child
// process runs first (before tsx) and which loadPdfJs imports elsewhere: its legacy build carries
// core-js, which on Node 20 replaces three built-ins the process already has with slower JavaScript
// ones, for the whole process (Array.prototype.push, JSON.stringify with a callback on every value,
// JSON.parse), and the native ones are put back once pdf.js and its worker have loaded; and one slow
// method of its worker, the copy of the text state made at every saved graphics state, is patched as
// it loads (src/importers/pdfjs-hooks.mjs), which halves the time of a page's text.
//
// pdf.js's worker runs in this thread, on a message port of ours (src/importers/pdfjs-port.ts) that
// copies messages' structure instead of serializing each one (`structuredClone`) as pdf.js's own does.
//
// Check boxes drawn as vector graphics (a square outline, an X or a fill inside) are not text: on a
// page with text, the page's drawing (pdf.js's operator list) is walked for its painted paths, in page
// points, and src/domain/drawn-boxes.ts finds the boxes among them and reads each one's state. A page
// whose drawing cannot be read simply has no boxes. The check boxes of a fillable form (AcroForm) keep
// their state in the form's fields, not in the text or the drawing: on a page with text, its check box
// and radio button widgets are read from pdf.js's annotations (`formCheckBoxes`), and each one's state
// replaces that of a square drawn at its place.
//
// The work is bounded: at most `maxPages` pages (a 500-page file is refused before any page is read),
// at most `maxItemsPerPage` text runs a page, and a deadline for the whole file. A page without any
// text (a scan) is listed in `pagesWithoutText`, not refused: it needs OCR, which the server may run.

export const PDF_MAX_PAGES = 200;
/** A text IEP is well under 5 MB; scans can run to 100 MB. Past this the file is not read. */
export const PDF_MAX_BYTES = 150 * 1024 * 1024;
const DEFAULT_DEADLINE_MS = 60_000;
const DEFAULT_MAX_ITEMS_PER_PAGE = 20_000;

export type PdfReadOptions = {
  maxPages?: number;
  maxBytes?: number;
  /** Milliseconds for the whole file. */
  deadlineMs?: number;
  maxItemsPerPage?: number;
  /**
   * Draw every page with text for its check boxes, even one whose text pass saw nothing a box could be
   * made of (the tests compare both ways); by default such a page is not drawn.
   */
  drawEveryPage?: boolean;
  /** Told the number of each page drawn for its check boxes (for the tests and the bench). */
  onPageDrawn?: (pageNumber: number) => void;
};

/** A refusal the parent can act on; the CLI and the server put the file's name in front. */
export function fileError(said: string | Refusal): AppError {
  if (typeof said === 'string')
    return new AppError('validation_failed', said, [{ path: 'file', message: said }]);
  // A refusal of the catalog's part `reader`: said in the reader's language by the server.
  return new AppError(
    'validation_failed',
    said.message,
    [{ path: 'file', message: said.message }],
    said.words,
  );
}

const pdfjsFolder = (() => {
  try {
    return dirname(
      dirname(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'))),
    );
  } catch {
    return null;
  }
})();

type PdfJsModule = typeof PdfJs;
let pdfJs: Promise<PdfJsModule> | null = null;

/**
 * pdf.js and its worker (which runs in this process as pdf.js's "fake worker": it finds the loaded
 * module on `globalThis.pdfjsWorker`), loaded once by pdfjs-preload.mjs (with its loading hooks, and the
 * built-ins core-js replaces put back), or found loaded where the child process preloaded it.
 */
function loadPdfJs(): Promise<PdfJsModule> {
  pdfJs ??= (async () => {
    // Plain JavaScript without type declarations: only its side effects are wanted.
    const preload: string = new URL('./pdfjs-preload.mjs', import.meta.url).href;
    await import(preload);
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  pdfJs.catch(() => {
    pdfJs = null;
  });
  return pdfJs;
}

/** pdf.js's worker side, loaded in this thread (its module sets `globalThis.pdfjsWorker`). */
function inThreadWorker(): { initializeFromPort(port: InThreadPort): void } {
  const loaded = (globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker;
  const handler = loaded?.WorkerMessageHandler as { initializeFromPort?: unknown } | undefined;
  if (typeof handler?.initializeFromPort !== 'function') throw new Error("pdf.js's worker is not loaded");
  return handler as { initializeFromPort(port: InThreadPort): void };
}

function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString(
    'latin1',
  );
  return head.includes('%PDF-');
}

type TextItemLike = { str: string; transform: number[]; width: number; height: number };

function isTextItem(item: unknown): item is TextItemLike {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/** The positioned runs of one page, in the page's shown orientation; rotated text is left out. */
function positioned(
  Util: PdfJsModule['Util'],
  items: readonly unknown[],
  viewportTransform: number[],
  max: number,
) {
  const runs: PositionedText[] = [];
  let rotated = 0;
  for (const item of items) {
    if (runs.length >= max) break;
    if (!isTextItem(item) || item.str.trim() === '') continue;
    const [a, b, c, d, e, f] = Util.transform(viewportTransform, item.transform) as number[];
    // Text turned on the page (a vertical side label, a diagonal "DRAFT") is not part of a line.
    if (Math.abs(b!) > 0.01 * Math.abs(a!) || Math.abs(c!) > 0.01 * Math.abs(d!) || a! <= 0) {
      rotated++;
      continue;
    }
    const size = Math.hypot(c!, d!);
    runs.push({ text: item.str, x: e!, y: f!, width: item.width, height: size || item.height });
  }
  return { runs, rotated, truncated: items.length > max };
}

type Matrix = [number, number, number, number, number, number];

/** `m` applied after `n` (the PDF's "cm": the new matrix is applied first). */
const times = (m: Matrix, n: readonly number[]): Matrix => [
  n[0]! * m[0] + n[1]! * m[2],
  n[0]! * m[1] + n[1]! * m[3],
  n[2]! * m[0] + n[3]! * m[2],
  n[2]! * m[1] + n[3]! * m[3],
  n[4]! * m[0] + n[5]! * m[2] + m[4],
  n[4]! * m[1] + n[5]! * m[3] + m[5],
];

/**
 * The painted paths of a page's drawing (its operator list), in page points from the top left, with
 * the tone of their fill and stroke: what src/domain/drawn-boxes.ts reads check boxes from. Text,
 * images and clipping paths are left out; at most MAX_PATHS_PER_PAGE paths.
 */
function drawnPaths(
  OPS: PdfJsModule['OPS'],
  list: { fnArray: number[]; argsArray: unknown[] },
  viewportTransform: number[],
): DrawnPath[] {
  type State = { ctm: Matrix; fill: Tone; stroke: Tone };
  let state: State = { ctm: viewportTransform.slice(0, 6) as Matrix, fill: 'dark', stroke: 'dark' };
  const stack: State[] = [];
  const paths: DrawnPath[] = [];
  const strokes = new Set<number>([OPS.stroke, OPS.closeStroke]);
  const fills = new Set<number>([OPS.fill, OPS.eoFill]);
  const both = new Set<number>([
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  for (let i = 0; i < list.fnArray.length && paths.length < MAX_PATHS_PER_PAGE; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(state);
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform && args?.length === 6)
      state = { ...state, ctm: times(state.ctm, args as number[]) };
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(state);
      // pdf.js gives a form's matrix as a typed array (Float32Array), a transform's as an array.
      const matrix = args?.[0] as ArrayLike<number> | null | undefined;
      if ((Array.isArray(matrix) || ArrayBuffer.isView(matrix)) && matrix?.length === 6)
        state = { ...state, ctm: times(state.ctm, Array.from(matrix)) };
    } else if (fn === OPS.paintFormXObjectEnd) state = stack.pop() ?? state;
    else if (fn === OPS.setFillRGBColor) state = { ...state, fill: toneOf(String(args?.[0])) };
    else if (fn === OPS.setStrokeRGBColor) state = { ...state, stroke: toneOf(String(args?.[0])) };
    else if (fn === OPS.setFillTransparent) state = { ...state, fill: 'light' };
    else if (fn === OPS.setStrokeTransparent) state = { ...state, stroke: 'light' };
    else if (fn === OPS.setFillColorN) state = { ...state, fill: 'mid' };
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const stroke = strokes.has(paint) || both.has(paint) ? state.stroke : null;
      const fill = fills.has(paint) || both.has(paint) ? state.fill : null;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if ((!stroke && !fill) || !data || typeof data.length !== 'number') continue;
      paths.push({ subpaths: subpathsOf(data, state.ctm), stroke, fill });
    }
  }
  return paths;
}

/** pdf.js's path data (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4) as subpaths. */
function subpathsOf(data: ArrayLike<number>, m: Matrix): DrawnPath['subpaths'] {
  type Subpath = DrawnPath['subpaths'][number];
  const subpaths: Subpath[] = [];
  // The subpath being drawn is the last one; a moveTo starts another.
  const add = (x: number, y: number, start: boolean) => {
    if (start || !subpaths.length) subpaths.push({ points: [], closed: false });
    subpaths[subpaths.length - 1]!.points.push(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
  };
  for (let k = 0; k < data.length && k < 100_000; ) {
    const op = data[k];
    if (op === 0 || op === 1) {
      add(data[k + 1]!, data[k + 2]!, op === 0);
      k += 3;
    } else if (op === 2) {
      for (let j = 1; j < 7; j += 2) add(data[k + j]!, data[k + j + 1]!, false);
      k += 7;
    } else if (op === 3) {
      for (let j = 1; j < 5; j += 2) add(data[k + j]!, data[k + j + 1]!, false);
      k += 5;
    } else if (op === 4) {
      const last = subpaths[subpaths.length - 1];
      if (last) last.closed = true;
      k += 1;
    } else break;
  }
  return subpaths;
}

/** pdf.js's number for a link annotation (AnnotationType.LINK): nothing of it is drawn. */
const LINK = 2;

/** Whether the loaded pdf.js worker tells pdf-path-probe.ts what its text pass reads of the paths. */
function workerProbesPaths(): boolean {
  const applied = (globalThis as { pdfjsWorker?: { asWrittenPatches?: unknown } }).pdfjsWorker
    ?.asWrittenPatches;
  return Array.isArray(applied) && applied.includes('pathProbe') && applied.includes('pathProbeForm');
}

/** pdf.js's number for a form field's widget annotation (AnnotationType.WIDGET). */
const WIDGET = 20;

type WidgetLike = {
  annotationType?: unknown;
  fieldType?: unknown;
  checkBox?: unknown;
  radioButton?: unknown;
  hidden?: unknown;
  fieldValue?: unknown;
  exportValue?: unknown;
  buttonValue?: unknown;
  rect?: unknown;
  multiLine?: unknown;
  password?: unknown;
  options?: unknown;
  defaultAppearanceData?: unknown;
};

/** A widget's rectangle in page points from the top left, or null when it has none that is usable. */
function widgetBox(
  a: WidgetLike,
  viewport: { convertToViewportRectangle(rect: number[]): number[] },
): { x: number; y: number; w: number; h: number } | null {
  const rect = a.rect;
  if (!Array.isArray(rect) || rect.length !== 4 || !rect.every((n) => Number.isFinite(n))) return null;
  const [x1, y1, x2, y2] = viewport.convertToViewportRectangle(rect as number[]) as [
    number,
    number,
    number,
    number,
  ];
  return { x: Math.min(x1, x2), y: Math.min(y1, y2), w: Math.abs(x2 - x1), h: Math.abs(y2 - y1) };
}

/** At most this many characters of one form field are read (a pasted essay is not a plan's field). */
const FORM_FIELD_MAX_CHARS = 5000;

/** A choice field's value as shown: each selected option's display text (its export value otherwise). */
function choiceText(a: WidgetLike): string {
  const values = Array.isArray(a.fieldValue) ? a.fieldValue : [a.fieldValue];
  const options = Array.isArray(a.options)
    ? (a.options as { exportValue?: unknown; displayValue?: unknown }[])
    : [];
  return values
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => {
      const shown = options.find((o) => o.exportValue === v)?.displayValue;
      return typeof shown === 'string' && shown.trim() !== '' ? shown : v;
    })
    .join('; ');
}

/** pdf.js's line height for form fields, in ems; and the width of an average character, in ems. */
const LINE_FACTOR = 1.35;
const CHAR_EM = 0.5;

/** A field's text as the lines a viewer shows: its own line breaks, and long lines wrapped at words. */
function wrapToWidth(value: string, width: number, size: number): string[] {
  const perLine = Math.max(8, Math.floor(width / (size * CHAR_EM)));
  const lines: string[] = [];
  for (const paragraph of value.split(/\r\n|\r|\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > perLine) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
  }
  return lines;
}

/**
 * The text typed into a fillable form's fields (AcroForm text fields, and the chosen entries of list
 * and combo boxes), as positioned runs where the field sits on the page, so they join the printed
 * labels beside them in lines ("Student: Ana Ruiz") and table cells. A field's value is kept in the
 * form, not in the page's text (unless the form was flattened, and then it has no fields), so without
 * this a plan typed into a form reads as its empty labels. A multi-line field's lines are laid out
 * inside its box, wrapped to its width as a viewer would. Password fields and hidden fields are left out;
 * nothing in the form is run.
 */
function formFieldText(
  annotations: readonly unknown[],
  viewport: { convertToViewportRectangle(rect: number[]): number[] },
): PositionedText[] {
  const runs: PositionedText[] = [];
  for (const annotation of annotations) {
    const a = annotation as WidgetLike;
    if (a.annotationType !== WIDGET || a.hidden === true || a.password === true) continue;
    let value: string;
    if (a.fieldType === 'Tx') value = typeof a.fieldValue === 'string' ? a.fieldValue : '';
    else if (a.fieldType === 'Ch') value = choiceText(a);
    else continue;
    value = value.slice(0, FORM_FIELD_MAX_CHARS).trim();
    if (value === '') continue;
    const box = widgetBox(a, viewport);
    if (!box || box.w < 1 || box.h < 1) continue;
    const appearance = a.defaultAppearanceData as { fontSize?: unknown } | undefined;
    const given =
      typeof appearance?.fontSize === 'number' && appearance.fontSize > 0 ? appearance.fontSize : 0;
    const multiLine = a.multiLine === true || /[\r\n]/.test(value);
    if (!multiLine) {
      // One line, centred in its box; an automatic size (0) is the one a viewer fits to the box
      // (its height less its padding, over pdf.js's line factor; smaller when the text is too wide).
      const text = value.replace(/\s+/g, ' ');
      const fits = Math.min((box.h - 4) / LINE_FACTOR, (box.w - 4) / (text.length * CHAR_EM));
      const size = given || Math.min(12, Math.max(4, fits));
      runs.push({
        text,
        x: box.x + 2,
        y: box.y + (box.h + size * 0.7) / 2,
        width: Math.min(text.length * size * CHAR_EM, box.w - 4),
        height: size,
      });
      continue;
    }
    // Several lines from the top of the box down, wrapped to its width as a viewer would; an automatic
    // size is the largest (up to 10) at which they all fit.
    let size = given || 10;
    let lines = wrapToWidth(value, box.w - 4, size);
    while (!given && size > 4 && lines.length * size * LINE_FACTOR > box.h - 4) {
      size -= 0.5;
      lines = wrapToWidth(value, box.w - 4, size);
    }
    lines.forEach((text, i) => {
      runs.push({
        text,
        x: box.x + 2,
        y: box.y + 2 + size + i * size * LINE_FACTOR,
        width: Math.min(text.length * size * CHAR_EM, box.w - 4),
        height: size,
      });
    });
  }
  return runs;
}

/**
 * The check boxes of a fillable form (AcroForm) on a page, from pdf.js's annotations: each check box or
 * radio button widget that is shown, where it is (in page points from the top left) and whether it is
 * on. A check box is on when its value (its appearance state, /AS, or the field's /V) is its export
 * value (the name its "on" appearance has, often /Yes), or, where it has no appearances, any value but
 * /Off; a radio button is on when the field's value is its own. Nothing in the form is run: its values
 * are only read.
 */
function formCheckBoxes(
  annotations: readonly unknown[],
  viewport: { convertToViewportRectangle(rect: number[]): number[] },
): FormBox[] {
  const boxes: FormBox[] = [];
  for (const annotation of annotations) {
    const a = annotation as WidgetLike;
    if (a.annotationType !== WIDGET || a.fieldType !== 'Btn' || a.hidden === true) continue;
    if (!(a.checkBox === true || a.radioButton === true)) continue;
    const box = widgetBox(a, viewport);
    if (!box) continue;
    const value = typeof a.fieldValue === 'string' ? a.fieldValue : null;
    const on =
      a.checkBox === true
        ? value !== null &&
          value !== '' &&
          value !== 'Off' &&
          (typeof a.exportValue !== 'string' || value === a.exportValue)
        : value !== null && value === a.buttonValue;
    boxes.push({ ...box, on });
  }
  return boxes;
}

function withDeadline<T>(work: Promise<T>, deadline: number): Promise<T> {
  // The work may still fail after the deadline has passed (pdf.js aborts a destroyed task).
  work.catch(() => undefined);
  const left = deadline - Date.now();
  if (left <= 0) return Promise.reject(new DeadlinePassed());
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new DeadlinePassed()), left);
    }),
  ]).finally(() => clearTimeout(timer));
}

class DeadlinePassed extends Error {}

/**
 * Read a PDF's text into pages of lines. Throws AppError (`validation_failed`, field `file`) for a file
 * that is not a PDF, is protected by a password, is damaged, has too many pages or takes too long.
 */
export async function readPdfText(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<DocumentText> {
  const maxPages = options.maxPages ?? PDF_MAX_PAGES;
  const maxBytes = options.maxBytes ?? PDF_MAX_BYTES;
  const deadline = Date.now() + (options.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const maxItems = options.maxItemsPerPage ?? DEFAULT_MAX_ITEMS_PER_PAGE;
  if (bytes.byteLength === 0) throw fileError(refusal('file.empty'));
  if (bytes.byteLength > maxBytes)
    throw fileError(
      refusal('pdf.tooBig', {
        size: Math.round(bytes.byteLength / 1024 / 1024),
        max: Math.round(maxBytes / 1024 / 1024),
      }),
    );
  if (!looksLikePdf(bytes)) throw fileError(refusal('pdf.notPdf'));

  const { getDocument, Util, OPS, PDFWorker } = await loadPdfJs();
  // pdf.js's worker side, in this thread, on a port of our own (pdfjs-port.ts) rather than pdf.js's.
  const port = new InThreadPort();
  inThreadWorker().initializeFromPort(port);
  // pdf.js declares `port` as a browser Worker's; it uses only postMessage and the listeners.
  const worker = new PDFWorker({ port, verbosity: 0 } as unknown as ConstructorParameters<
    typeof PDFWorker
  >[0]);
  const task = getDocument({
    worker,
    // pdf.js takes ownership of the buffer it is given (it may detach it), so it gets a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    // Errors only: pdf.js warns on stdout about fonts it does not need for text.
    verbosity: 0,
    ...(pdfjsFolder ? { cMapUrl: `${join(pdfjsFolder, 'cmaps')}/`, cMapPacked: true } : {}),
  });
  // What the text pass sees of each page's paths (pdf-path-probe.ts), where pdf.js's worker is patched
  // to tell it; without that, every page with text is drawn.
  const probed = !options.drawEveryPage && workerProbesPaths();
  if (probed) watchDocument(task.docId);
  try {
    let pdf: Awaited<typeof task.promise>;
    try {
      pdf = await withDeadline(task.promise, deadline);
    } catch (error) {
      throw openError(error);
    }
    if (pdf.numPages > maxPages)
      throw fileError(
        refusal('pdf.tooManyPages', { pages: pdf.numPages.toLocaleString('en-US'), max: maxPages }),
      );
    const pages: DocPage[] = [];
    const pagesWithoutText: number[] = [];
    const unreadablePages: number[] = [];
    const notes: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      try {
        const page = await withDeadline(pdf.getPage(number), deadline);
        const viewport = page.getViewport({ scale: 1 });
        // Without pdf.js's own Unicode folding: the lines fold every compatibility character themselves
        // (normalizeText in src/domain/document-text.ts), which pdf.js's folds a part of.
        const content = await withDeadline(page.getTextContent({ disableNormalization: true }), deadline);
        const { runs, rotated, truncated } = positioned(Util, content.items, viewport.transform, maxItems);
        // A fillable form's fields: their typed text joins the page's, their check boxes are read below.
        const annotations: unknown[] = await withDeadline(
          page.getAnnotations({ intent: 'display' }),
          deadline,
        ).catch((error: unknown) => {
          if (error instanceof DeadlinePassed) throw error;
          return [];
        });
        const typed = formFieldText(annotations, viewport);
        const lines: DocLine[] = linesFromItems(typed.length ? [...runs, ...typed] : runs);
        const sighting = probed ? takePageSighting(task.docId, number - 1) : null;
        const mayHoldBox =
          !sighting?.whole ||
          // The probe's sizes are the page's own points: a page shown at another size (its UserUnit) is drawn.
          Math.abs(Math.hypot(viewport.transform[0]!, viewport.transform[1]!) - 1) > 1e-6 ||
          // An annotation's appearance (a square, a hand-drawn mark, a field drawn by pdf.js) is drawn with
          // the page but not read by its text pass.
          annotations.some((a) => (a as { annotationType?: unknown }).annotationType !== LINK) ||
          mayHoldDrawnBox(sighting.sizes, sighting.more);
        if (lines.length && mayHoldBox) options.onPageDrawn?.(number);
        const drawn =
          lines.length && mayHoldBox
            ? await withDeadline(page.getOperatorList(), deadline).then(
                (list) => drawnCheckBoxes(drawnPaths(OPS, list, viewport.transform)),
                (error: unknown) => {
                  if (error instanceof DeadlinePassed) throw error;
                  return [];
                },
              )
            : [];
        const form = lines.length ? formCheckBoxes(annotations, viewport) : [];
        const boxes = form.length ? withFormBoxes(drawn, form) : drawn;
        if (truncated)
          notes.push(`Page ${number} holds more text than the reader takes; only its first part was read.`);
        if (rotated > 0 && lines.length === 0)
          notes.push(`Page ${number} has only turned (rotated) text, which was not read.`);
        if (lines.length === 0 && rotated === 0) pagesWithoutText.push(number);
        pages.push({
          number,
          width: round(viewport.width),
          height: round(viewport.height),
          lines,
          ...(boxes.length ? { boxes } : {}),
        });
        page.cleanup();
      } catch (error) {
        if (error instanceof DeadlinePassed) throw error;
        unreadablePages.push(number);
        pages.push({ number, width: 0, height: 0, lines: [] });
      }
    }
    if (unreadablePages.length === pdf.numPages) throw fileError(refusal('pdf.damaged'));
    if (await isDynamicForm(pdf, pages)) throw fileError(refusal('pdf.dynamicForm'));
    if (unreadablePages.length)
      notes.push(
        `${unreadablePages.length === 1 ? 'Page' : 'Pages'} ${unreadablePages.join(', ')} could not be read; the file may be damaged.`,
      );
    if (pagesWithoutText.length)
      notes.push(
        `${pagesWithoutText.length === 1 ? 'Page' : 'Pages'} ${pagesWithoutText.join(', ')} ${pagesWithoutText.length === 1 ? 'has' : 'have'} no text to read (a scan or a photo): ${pagesWithoutText.length === 1 ? 'it needs' : 'they need'} OCR, or type ${pagesWithoutText.length === 1 ? 'its' : 'their'} contents in.`,
      );
    return { format: 'pdf', pages, pagesWithoutText, unreadablePages, notes };
  } catch (error) {
    if (error instanceof DeadlinePassed)
      throw fileError(
        refusal('pdf.tooSlow', { seconds: Math.round((options.deadlineMs ?? DEFAULT_DEADLINE_MS) / 1000) }),
      );
    throw error;
  } finally {
    if (probed) unwatchDocument(task.docId);
    await task.destroy().catch(() => undefined);
    worker.destroy();
    port.terminate();
  }
}

/** What a PDF viewer that cannot draw a dynamic form shows instead (the page such a PDF carries). */
const XFA_NOTICE = /please wait|not eventually replaced|may not be able to display this type of document/i;

/**
 * A dynamic form (XFA): its pages are laid out by Adobe Reader from the form's XML, and the PDF's own
 * page holds nothing or only a "Please wait..." notice. Such a file has no page this reader can read
 * (pdf.js's XFA layout is off: nothing of a form is evaluated), so it is refused with what to do; a
 * static XFA form, whose pages hold their text too, is read as any other PDF.
 */
async function isDynamicForm(
  pdf: { getMetadata(): Promise<{ info: object }> },
  pages: readonly DocPage[],
): Promise<boolean> {
  const { info } = await pdf.getMetadata().catch(() => ({ info: {} }));
  if (!(info as { IsXFAPresent?: boolean }).IsXFAPresent) return false;
  const text = pages
    .flatMap((p) => p.lines.map((l) => l.text))
    .join(' ')
    .trim();
  return text === '' || (text.length < 1000 && XFA_NOTICE.test(text));
}

function openError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof DeadlinePassed) throw error;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'PasswordException') return fileError(refusal('pdf.password'));
  return fileError(refusal('pdf.damaged'));
}

const round = (n: number) => Math.round(n * 10) / 10;
