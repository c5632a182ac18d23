// Check boxes drawn as vector graphics on a PDF page (a square outline, with or without an X, a check
// mark or a fill inside), as many district systems and form builders print them: no glyph in the text
// layer says whether such a box is checked. The PDF reader (src/importers/pdf-text.ts) hands the page's
// drawn paths here; this finds the small squares among them and decides each one's state from what is
// drawn inside it. The IEP reader then puts each box, as a mark, in front of the words beside it
// (`withDrawnBoxes`), so a drawn box reads as "☒" or "☐" would. Pure: no I/O.
//
// A box is a square outline 4.5 to 16 points wide. It is:
// - `checked` when it is filled dark, holds a dark fill covering a fifth of it or more, or holds strokes
//   (an X, a check mark, which may run past the box's edge) spanning at least 40% of it both ways;
// - `empty` when nothing is drawn inside it;
// - `unclear` when something else is: a dot, a short stroke, a mid-grey fill. The parent decides.
// A dark filled square with no outline is a checked box where the page also has outlined boxes of about
// its size (a form's "filled box" style); alone, it may be a bullet, and is not taken for a box.

import type { DocCell, DocLine } from './document-text.ts';

export type DrawnBoxState = 'checked' | 'empty' | 'unclear';

/** A drawn check box, in points from the page's top-left corner (the page as shown). */
export type DrawnBox = { x: number; y: number; w: number; h: number; state: DrawnBoxState };

/** How dark a fill or stroke is: dark (under 45% light), light (over 85%, a background), or between. */
export type Tone = 'dark' | 'mid' | 'light';

/** One painted path: its subpaths' points (x, y pairs, page points from the top left), how it is painted. */
export type DrawnPath = {
  subpaths: { points: number[]; closed: boolean }[];
  /** The stroke's tone, or null when the path is not stroked. */
  stroke: Tone | null;
  /** The fill's tone, or null when the path is not filled. */
  fill: Tone | null;
};

type Rect = { x: number; y: number; w: number; h: number };

const MIN_BOX = 4.5;
const MAX_BOX = 16;
/** At most this many paths are looked at on a page (a page of drawings is not a form). */
export const MAX_PATHS_PER_PAGE = 20_000;

/** The tone of an RGB colour given as "#rrggbb" (pdf.js's form), by its luminance. */
export function toneOf(hex: string | null | undefined): Tone {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return 'mid';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => Number.parseInt(h!, 16) / 255) as [number, number, number];
  const light = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return light < 0.45 ? 'dark' : light > 0.85 ? 'light' : 'mid';
}

function boundsOf(points: readonly number[]): Rect | null {
  if (points.length < 2) return null;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (let k = 0; k + 1 < points.length; k += 2) {
    const x = points[k]!;
    const y = points[k + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** A subpath that is an upright rectangle (four corners, perhaps the first repeated), or null. */
function rectangleOf(sub: { points: number[]; closed: boolean }): Rect | null {
  const p = sub.points;
  let n = p.length / 2;
  if (n === 5 && Math.abs(p[0]! - p[8]!) < 0.5 && Math.abs(p[1]! - p[9]!) < 0.5) n = 4;
  if (n !== 4) return null;
  const b = boundsOf(p.slice(0, 8));
  if (!b) return null;
  for (let k = 0; k < 8; k += 2) {
    const onX = Math.abs(p[k]! - b.x) < 0.5 || Math.abs(p[k]! - (b.x + b.w)) < 0.5;
    const onY = Math.abs(p[k + 1]! - b.y) < 0.5 || Math.abs(p[k + 1]! - (b.y + b.h)) < 0.5;
    if (!onX || !onY) return null;
  }
  return b;
}

const squareSized = (r: Rect) =>
  r.w >= MIN_BOX &&
  r.h >= MIN_BOX &&
  r.w <= MAX_BOX &&
  r.h <= MAX_BOX &&
  Math.max(r.w, r.h) / Math.min(r.w, r.h) <= 1.35;

const same = (a: Rect, b: Rect) =>
  Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1 && Math.abs(a.w - b.w) < 1 && Math.abs(a.h - b.h) < 1;

/** The check boxes among a page's drawn paths, each with its state, top to bottom, left to right. */
export function drawnCheckBoxes(paths: readonly DrawnPath[]): DrawnBox[] {
  type Outline = Rect & { fill: Tone | null };
  const outlines: Outline[] = [];
  const filledSquares: Rect[] = [];
  /** Squares filled light: inside a dark square, they make it an outline (a border drawn as two fills). */
  const lightSquares: Rect[] = [];
  /** Everything else small that is painted: what may be drawn inside a box. */
  const marks: (Rect & { fill: Tone | null; stroke: Tone | null })[] = [];
  for (const path of paths.slice(0, MAX_PATHS_PER_PAGE)) {
    const visibleStroke = path.stroke !== null && path.stroke !== 'light';
    for (const sub of path.subpaths) {
      const rect = rectangleOf(sub);
      if (rect && squareSized(rect) && visibleStroke) {
        const known = outlines.find((o) => same(o, rect));
        if (known) known.fill = strongest(known.fill, path.fill);
        else outlines.push({ ...rect, fill: path.fill });
        continue;
      }
      if (rect && squareSized(rect) && path.fill === 'dark') {
        filledSquares.push(rect);
        continue;
      }
      if (rect && path.fill === 'light' && rect.w >= MIN_BOX * 0.6 && rect.w <= MAX_BOX) {
        lightSquares.push(rect);
        continue;
      }
      const b = boundsOf(sub.points);
      if (!b || b.w > 2 * MAX_BOX || b.h > 2 * MAX_BOX) continue;
      // A light fill (a white background) draws nothing to see.
      const fill = path.fill === 'light' ? null : path.fill;
      const stroke = visibleStroke ? path.stroke : null;
      if (fill || stroke) marks.push({ ...b, fill, stroke });
    }
  }
  // A dark square with a light one filling most of it is an outline drawn as two fills.
  for (let k = filledSquares.length - 1; k >= 0; k--) {
    const f = filledSquares[k]!;
    const hollow = lightSquares.some((l) => centreIn(l, f, 0) && l.w >= 0.6 * f.w && l.h >= 0.6 * f.h);
    if (!hollow) continue;
    filledSquares.splice(k, 1);
    if (!outlines.some((o) => same(o, f))) outlines.push({ ...f, fill: null });
  }
  // A fill and an outline of the same square are one box (filled).
  for (const f of filledSquares) {
    const known = outlines.find((o) => same(o, f));
    if (known) known.fill = 'dark';
  }
  const boxes: DrawnBox[] = outlines.map((o) => ({ x: o.x, y: o.y, w: o.w, h: o.h, state: stateOf(o) }));
  for (const f of filledSquares) {
    if (outlines.some((o) => same(o, f))) continue;
    const inside = outlines.find((o) => centreIn(f, o, 0));
    if (inside) continue;
    const alike = outlines.some((o) => Math.abs(o.w - f.w) <= 0.3 * o.w && Math.abs(o.h - f.h) <= 0.3 * o.h);
    if (alike) boxes.push({ ...f, state: 'checked' });
  }
  return boxes.sort((a, b) => a.y - b.y || a.x - b.x);

  function stateOf(o: Outline): DrawnBoxState {
    if (o.fill === 'dark') return 'checked';
    const inside = [
      ...marks.filter((m) => centreIn(m, o, 0.3) && !same(m, o) && m.w <= 1.6 * o.w && m.h <= 1.6 * o.h),
      ...filledSquares
        .filter((f) => !same(f, o) && centreIn(f, o, 0))
        .map((f) => ({ ...f, fill: 'dark' as Tone, stroke: null })),
    ];
    if (inside.some((m) => m.fill === 'dark' && m.w * m.h >= 0.2 * o.w * o.h)) return 'checked';
    const strokes = inside.filter((m) => m.stroke !== null || m.fill === 'dark');
    if (strokes.length) {
      const span = boundsOf(strokes.flatMap((m) => [m.x, m.y, m.x + m.w, m.y + m.h]))!;
      if (span.w >= 0.4 * o.w && span.h >= 0.4 * o.h && strokes.every((m) => m.stroke !== 'mid'))
        return 'checked';
      return 'unclear';
    }
    if (o.fill === 'mid' || inside.length) return 'unclear';
    return 'empty';
  }
}

function strongest(a: Tone | null, b: Tone | null): Tone | null {
  const rank = (t: Tone | null) => (t === 'dark' ? 3 : t === 'mid' ? 2 : t === 'light' ? 1 : 0);
  return rank(a) >= rank(b) ? a : b;
}

/** Whether `a`'s centre lies in `box`, grown by `slack` of its size on each side. */
function centreIn(a: Rect, box: Rect, slack: number): boolean {
  const cx = a.x + a.w / 2;
  const cy = a.y + a.h / 2;
  return (
    cx >= box.x - slack * box.w &&
    cx <= box.x + box.w * (1 + slack) &&
    cy >= box.y - slack * box.h &&
    cy <= box.y + box.h * (1 + slack)
  );
}

const GLYPH: Record<DrawnBoxState, string> = { checked: '☒', empty: '☐', unclear: '[?]' };

/**
 * A page's lines with each drawn box put in as a cell of its own ("☒", "☐", or "[?]" when its state
 * cannot be read) where it is drawn, on the line it sits on. A box that text is printed in (an "X"
 * typed in it, a box character) is left to that text; a box on no line is left out.
 */
export function withDrawnBoxes(lines: readonly DocLine[], boxes: readonly DrawnBox[]): DocLine[] {
  const added = new Map<number, DocCell[]>();
  for (const box of boxes) {
    const cy = box.y + box.h / 2;
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    lines.forEach((line, k) => {
      if (cy < line.y - 1.05 * line.height || cy > line.y + 0.35 * line.height) return;
      const distance = Math.abs(cy - (line.y - 0.35 * line.height));
      if (distance < bestDistance) {
        best = k;
        bestDistance = distance;
      }
    });
    if (best < 0) continue;
    const line = lines[best]!;
    if (line.cells.some((c) => c.x < box.x + box.w - 0.5 && c.end > box.x + 0.5)) continue;
    if (!added.has(best)) added.set(best, []);
    added.get(best)!.push({ x: box.x, end: box.x + box.w, text: GLYPH[box.state] });
  }
  if (!added.size) return [...lines];
  return lines.map((line, k) => {
    const more = added.get(k);
    if (!more) return line;
    const cells = [...line.cells, ...more].sort((a, b) => a.x - b.x);
    return { ...line, cells, text: cells.map((c) => c.text).join(' ') };
  });
}
