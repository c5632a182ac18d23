import type { PageBox } from './iep-draft.ts';

// Where an item's words are on its page, for the review screen: it draws the page (an image of it)
// beside what was read, with the words outlined. A box is given in fractions of the page's width and
// height, from its top-left corner, so it fits the page's image at any size. Pure: no I/O.
//
// Lines carry their baseline and font size in PDF points (src/domain/document-text.ts), cells their
// left and right edges; a line's box runs from above its baseline (the letters' height) to below it
// (descenders). A scan's lines were read turned back straight (src/importers/ocr.ts): their places are
// turned forward again by the same angle, so the box falls on the words as the page's image shows them.

/** A page's size in points, and the angle OCR turned its words back by (radians; none for a text PDF). */
export type PageFrame = { width: number; height: number; turned?: number };

/** One line's part in an item: the cells it was read from (the whole line's when it is all of it). */
export type PlacedPart = {
  page: number;
  /** None for a document without pages (a Word document): then there is no box. */
  frame?: PageFrame;
  /** Baseline and font size, in points. */
  y: number;
  height: number;
  cells: readonly { x: number; end: number }[];
};

/** How far letters reach above the baseline, and below it, as a share of the font size (Helvetica: 0.72, 0.21). */
const ASCENT = 0.8;
const DESCENT = 0.25;
/** A little room around the words, so the outline does not cross their letters. */
const MARGIN = 0.15;
/** More boxes than this for one item is a long block: the rest are left out (the draft stays small; the schema takes 20). */
const MAX_BOXES = 12;

type Rect = { x0: number; y0: number; x1: number; y1: number; size: number };

/** The rectangle of one part, in points on the page as drawn. */
function rectOf(part: PlacedPart): Rect | null {
  const cells = part.cells.filter((c) => Number.isFinite(c.x) && Number.isFinite(c.end) && c.end >= c.x);
  if (!cells.length || !Number.isFinite(part.y) || !(part.height > 0)) return null;
  const pad = MARGIN * part.height;
  const rect = {
    x0: Math.min(...cells.map((c) => c.x)) - pad,
    x1: Math.max(...cells.map((c) => c.end)) + pad,
    y0: part.y - ASCENT * part.height - pad / 2,
    y1: part.y + DESCENT * part.height + pad / 2,
    size: part.height,
  };
  const turned = part.frame?.turned ?? 0;
  if (!turned) return rect;
  // OCR placed the words at (x cos + y sin, y cos - x sin) of where they are on the image: turn back.
  const cos = Math.cos(turned);
  const sin = Math.sin(turned);
  const corners = [
    [rect.x0, rect.y0],
    [rect.x1, rect.y0],
    [rect.x0, rect.y1],
    [rect.x1, rect.y1],
  ].map(([x, y]) => [x! * cos - y! * sin, x! * sin + y! * cos] as const);
  return {
    x0: Math.min(...corners.map((c) => c[0])),
    x1: Math.max(...corners.map((c) => c[0])),
    y0: Math.min(...corners.map((c) => c[1])),
    y1: Math.max(...corners.map((c) => c[1])),
    size: part.height,
  };
}

const fraction = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 10_000) / 10_000;

/**
 * The boxes of an item's words on its page: one per block of lines that follow one another (a table
 * row whose cells wrap is one box), apart where the words are apart (a label and a value printed far
 * below it). Parts on other pages (a row cut by a page break) are left out. Undefined when the page
 * has no size (a Word document) or no part is on it.
 */
export function boxesOnPage(page: number, parts: readonly PlacedPart[]): PageBox[] | undefined {
  const mine = parts.filter((p) => p.page === page && p.frame && p.frame.width > 0 && p.frame.height > 0);
  const frame = mine[0]?.frame;
  if (!frame) return undefined;
  const rects = mine
    .map(rectOf)
    .filter((r): r is Rect => r !== null)
    .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const blocks: Rect[] = [];
  for (const r of rects) {
    const last = blocks[blocks.length - 1];
    const near = last && r.y0 - last.y1 <= 0.6 * Math.max(r.size, last.size);
    const overlaps = last && Math.min(r.x1, last.x1) > Math.max(r.x0, last.x0);
    if (last && near && overlaps) {
      last.x0 = Math.min(last.x0, r.x0);
      last.x1 = Math.max(last.x1, r.x1);
      last.y1 = Math.max(last.y1, r.y1);
      last.y0 = Math.min(last.y0, r.y0);
    } else blocks.push({ ...r });
  }
  const boxes = blocks.slice(0, MAX_BOXES).map((b) => {
    const x = fraction(b.x0 / frame.width);
    const y = fraction(b.y0 / frame.height);
    const right = fraction(b.x1 / frame.width);
    const bottom = fraction(b.y1 / frame.height);
    return { x, y, w: fraction(right - x), h: fraction(bottom - y) };
  });
  const shown = boxes.filter((b) => b.w > 0 && b.h > 0);
  return shown.length ? shown : undefined;
}
