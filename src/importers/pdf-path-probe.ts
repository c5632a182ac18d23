// What the text pass of a PDF page saw of the page's paths, so that the reader draws a page (pdf.js's
// operator list, as costly as reading its text: each content stream is read a second time, each glyph
// shaped) only where a check box may be drawn (src/domain/drawn-boxes.ts, `mayHoldDrawnBox`).
//
// pdf.js's worker, patched as it loads (pdfjs-hooks.mjs, 'pathProbe' and 'pathProbeForm'), calls
// `globalThis.asWrittenPathProbe` from its text pass: with every path operator it reads (moveTo to
// endPath) and the transform then in force, when a content stream (the page's or a form's) was read to
// its end, and when a form's reading begins. This follows each subpath as pdf.js's drawing would build it
// (src/importers/pdf-text.ts, `subpathsOf`: a moveTo or a rectangle starts one, painting ends the path),
// takes the bounds of its points on the page, and notes the small ones. It watches only the documents the
// reader names (`watchDocument`), one entry per page, taken once (`takePageSighting`).
//
// A page is known whole only when its own content stream and every form it entered were read to their
// end: pdf.js stops reading a stream at an error it ignores, and what came after is then unknown, so the
// reader draws such a page as before.

import { BOX_PART_MAX } from '../domain/drawn-boxes.ts';

/** At most this many small subpaths are noted on a page; past it the page is drawn. */
const MAX_NOTED = 4000;

const MOVE_TO = 13;
const LINE_TO = 14;
const CURVE_TO = 15;
const CURVE_TO_2 = 16;
const CURVE_TO_3 = 17;
const RECTANGLE = 19;
/** stroke (20) to endPath (28): the path is painted (or dropped), and ends. */
const PAINTED = 20;

/** What was seen of one page. */
export type PageSighting = {
  /** Whether the page's stream and every form it entered were read to their end. */
  whole: boolean;
  /** Width, height pairs (page points, before the viewport) of the subpaths up to BOX_PART_MAX. */
  sizes: number[];
  /** More small subpaths than were noted. */
  more: boolean;
};

type PageState = {
  pageEnded: boolean;
  formsStarted: number;
  formsEnded: number;
  sizes: number[];
  more: boolean;
  /** The subpath being built: its bounds on the page, or none. */
  open: boolean;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
};

type Handler = { targetName?: unknown };
type Matrix = ArrayLike<number>;

/** Per watched document (pdf.js's docId), its pages by index. */
const watched = new Map<string, Map<number, PageState>>();

function stateOf(handler: Handler, pageIndex: number): PageState | null {
  const pages = typeof handler?.targetName === 'string' ? watched.get(handler.targetName) : undefined;
  if (!pages || typeof pageIndex !== 'number') return null;
  let page = pages.get(pageIndex);
  if (!page) {
    page = {
      pageEnded: false,
      formsStarted: 0,
      formsEnded: 0,
      sizes: [],
      more: false,
      open: false,
      x0: 0,
      y0: 0,
      x1: 0,
      y1: 0,
    };
    pages.set(pageIndex, page);
  }
  return page;
}

function closeSubpath(page: PageState): void {
  if (!page.open) return;
  page.open = false;
  const w = page.x1 - page.x0;
  const h = page.y1 - page.y0;
  if (!(w <= BOX_PART_MAX && h <= BOX_PART_MAX)) return;
  if (page.sizes.length >= 2 * MAX_NOTED) page.more = true;
  else page.sizes.push(w, h);
}

function addPoint(page: PageState, m: Matrix, x: unknown, y: unknown, start: boolean): void {
  if (typeof x !== 'number' || typeof y !== 'number') return;
  const px = m[0]! * x + m[2]! * y + m[4]!;
  const py = m[1]! * x + m[3]! * y + m[5]!;
  if (start || !page.open) {
    closeSubpath(page);
    page.open = true;
    page.x0 = page.x1 = px;
    page.y0 = page.y1 = py;
    return;
  }
  if (px < page.x0) page.x0 = px;
  else if (px > page.x1) page.x1 = px;
  if (py < page.y0) page.y0 = py;
  else if (py > page.y1) page.y1 = py;
}

const probe = {
  path(handler: Handler, pageIndex: number, fn: number, args: unknown[] | null, ctm: Matrix): void {
    const page = stateOf(handler, pageIndex);
    if (!page) return;
    const a = args ?? [];
    if (fn === MOVE_TO) addPoint(page, ctm, a[0], a[1], true);
    else if (fn === LINE_TO) addPoint(page, ctm, a[0], a[1], false);
    else if (fn === CURVE_TO) for (let k = 0; k < 6; k += 2) addPoint(page, ctm, a[k], a[k + 1], false);
    else if (fn === CURVE_TO_2 || fn === CURVE_TO_3)
      for (let k = 0; k < 4; k += 2) addPoint(page, ctm, a[k], a[k + 1], false);
    else if (fn === RECTANGLE) {
      const [x, y, w, h] = a as number[];
      if (typeof w !== 'number' || typeof h !== 'number') return;
      addPoint(page, ctm, x, y, true);
      addPoint(page, ctm, (x as number) + w, y, false);
      addPoint(page, ctm, (x as number) + w, (y as number) + h, false);
      addPoint(page, ctm, x, (y as number) + h, false);
    } else if (fn >= PAINTED) closeSubpath(page);
  },
  ended(handler: Handler, pageIndex: number, form: boolean): void {
    const page = stateOf(handler, pageIndex);
    if (!page) return;
    if (form) page.formsEnded++;
    else page.pageEnded = true;
  },
  formStarted(handler: Handler, pageIndex: number): void {
    const page = stateOf(handler, pageIndex);
    if (page) page.formsStarted++;
  },
};

(globalThis as { asWrittenPathProbe?: typeof probe }).asWrittenPathProbe = probe;

/** Watch a document's text passes (pdf.js's docId) until `unwatchDocument`. */
export function watchDocument(docId: string): void {
  watched.set(docId, new Map());
}

export function unwatchDocument(docId: string): void {
  watched.delete(docId);
}

/** What was seen of a page (pdf.js's 0-based index) of a watched document, taken once. */
export function takePageSighting(docId: string, pageIndex: number): PageSighting | null {
  const pages = watched.get(docId);
  const page = pages?.get(pageIndex);
  if (!pages || !page) return null;
  pages.delete(pageIndex);
  closeSubpath(page);
  return {
    whole: page.pageEnded && page.formsStarted === page.formsEnded,
    sizes: page.sizes,
    more: page.more,
  };
}
