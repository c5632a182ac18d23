// Check boxes drawn as vector graphics on a PDF page (a square outline, with or without an X, a check
// mark or a fill inside), as many district systems and form builders print them: no glyph in the text
// layer says whether such a box is checked. The PDF reader (src/importers/pdf-text.ts) hands the page's
// drawn paths here; this finds the small squares among them and decides each one's state from what is
// drawn inside it. The IEP reader then puts each box, as a mark, in front of the words beside it
// (`withDrawnBoxes`), so a drawn box reads as "☒" or "☐" would. Pure: no I/O.
//
// A box is a square outline 4.5 to 16 points wide, drawn as one rectangle or a side at a time (four
// short lines, or four thin filled bars as word processors print borders; squares that touch one another
// are a grid's cells, not boxes). It is:
// - `checked` when it is filled dark, holds a dark fill covering a fifth of it or more, or holds strokes
//   (an X, a check mark, which may run past the box's edge) spanning at least 40% of it both ways;
// - `empty` when nothing is drawn inside it;
// - `unclear` when something else is: a dot, a short stroke, a mid-grey fill. The parent decides.
// A dark filled square with no outline is a checked box where the page also has outlined boxes of about
// its size (a form's "filled box" style); alone, it may be a bullet, and is not taken for a box.
//
// A fillable form's check boxes (`withFormBoxes`) have their state in the form's fields: the reader
// reads them there, and each takes the place of a square drawn under it.

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

type Mark = Rect & { fill: Tone | null; stroke: Tone | null };

/** A level (`level`: along x, at `at` = y) or upright (along y, at `at` = x) line from `from` to `to`. */
type Segment = { level: boolean; at: number; from: number; to: number; mark: Mark };

/** How far apart two ends or lines may be and still meet, in points. */
const MEET = 1.2;

/**
 * A subpath that is one short level or upright line (two points, stroked) or a thin filled bar (a
 * rectangle under 1.5 points across, as word processors print rules), of about a box's side.
 */
function segmentOf(
  sub: { points: number[] },
  rect: Rect | null,
  stroke: Tone | null,
  fill: Tone | null,
): Omit<Segment, 'mark'> | null {
  const side = (length: number) => length >= MIN_BOX && length <= MAX_BOX + 2;
  const p = sub.points;
  if (stroke && p.length === 4) {
    const [x0, y0, x1, y1] = p as [number, number, number, number];
    if (Math.abs(y1 - y0) < 0.5 && side(Math.abs(x1 - x0)))
      return { level: true, at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) };
    if (Math.abs(x1 - x0) < 0.5 && side(Math.abs(y1 - y0)))
      return { level: false, at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) };
    return null;
  }
  if (rect && fill && fill !== 'light') {
    if (rect.h <= 1.5 && side(rect.w))
      return { level: true, at: rect.y + rect.h / 2, from: rect.x, to: rect.x + rect.w };
    if (rect.w <= 1.5 && side(rect.h))
      return { level: false, at: rect.x + rect.w / 2, from: rect.y, to: rect.y + rect.h };
  }
  return null;
}

/**
 * The squares drawn a side at a time: two level lines of the same ends, one above the other, joined at
 * both ends by upright lines. A square that touches another one is a cell of a grid, not a box. The
 * lines used are added to `used` (by their index).
 */
function squaresOfSegments(segments: readonly Segment[], used: Set<number>): Rect[] {
  // A page of thousands of short lines is a drawing, not a form.
  if (segments.length < 4 || segments.length > 4000) return [];
  const level = segments.flatMap((s, k) => (s.level ? [k] : []));
  const upright = segments.flatMap((s, k) => (s.level ? [] : [k]));
  const found: { rect: Rect; sides: number[] }[] = [];
  const near = (a: number, b: number) => Math.abs(a - b) <= MEET;
  const joins = (k: number, x: number, top: number, bottom: number) => {
    const s = segments[k]!;
    return near(s.at, x) && near(s.from, top) && near(s.to, bottom);
  };
  for (const t of level) {
    const top = segments[t]!;
    for (const b of level) {
      const bottom = segments[b]!;
      const h = bottom.at - top.at;
      if (h < MIN_BOX || !near(top.from, bottom.from) || !near(top.to, bottom.to)) continue;
      const rect = { x: top.from, y: top.at, w: top.to - top.from, h };
      if (!squareSized(rect)) continue;
      const left = upright.find((k) => joins(k, rect.x, rect.y, rect.y + rect.h));
      const right = upright.find((k) => k !== left && joins(k, rect.x + rect.w, rect.y, rect.y + rect.h));
      if (left === undefined || right === undefined) continue;
      found.push({ rect, sides: [t, b, left, right] });
    }
  }
  const apart = found.filter(
    (f) =>
      !found.some(
        (g) =>
          g !== f &&
          g.rect.x <= f.rect.x + f.rect.w + MEET &&
          f.rect.x <= g.rect.x + g.rect.w + MEET &&
          g.rect.y <= f.rect.y + f.rect.h + MEET &&
          f.rect.y <= g.rect.y + g.rect.h + MEET,
      ),
  );
  for (const f of apart) for (const k of f.sides) used.add(k);
  return apart.map((f) => f.rect);
}

const same = (a: Rect, b: Rect) =>
  Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1 && Math.abs(a.w - b.w) < 1 && Math.abs(a.h - b.h) < 1;

/**
 * How large a subpath may be, either way in page points, and still be part of a box (a square's outline
 * or fill, or one of its sides drawn alone); the reader notes only the subpaths this small (see
 * `mayHoldDrawnBox`).
 */
export const BOX_PART_MAX = MAX_BOX + 4;

/**
 * Whether a page whose subpaths have these sizes (width, height pairs in page points, of every subpath
 * up to BOX_PART_MAX either way; `more` when there were more than were noted) can hold a drawn box: only
 * then does the reader read the page's drawing (`drawnCheckBoxes` above), which costs as much as its text.
 * Every box comes from a square-sized subpath (an outline, a fill) or from four short sides, two level and
 * two upright, so a page with neither has none. The margins are wider than the rules above: a page wrongly
 * thought to hold a box is only read more slowly.
 */
export function mayHoldDrawnBox(sizes: ArrayLike<number>, more: boolean): boolean {
  if (more) return true;
  const least = MIN_BOX - 0.5;
  const most = MAX_BOX + 0.5;
  const longestSide = MAX_BOX + 2.5;
  let level = 0;
  let upright = 0;
  for (let k = 0; k + 1 < sizes.length; k += 2) {
    const w = sizes[k]!;
    const h = sizes[k + 1]!;
    if (w >= least && h >= least && w <= most && h <= most) return true;
    if (h <= 2 && w >= least && w <= longestSide) level++;
    else if (w <= 2 && h >= least && h <= longestSide) upright++;
    if (level >= 2 && upright >= 2) return true;
  }
  return false;
}

/** The check boxes among a page's drawn paths, each with its state, top to bottom, left to right. */
export function drawnCheckBoxes(paths: readonly DrawnPath[]): DrawnBox[] {
  type Outline = Rect & { fill: Tone | null };
  const outlines: Outline[] = [];
  const filledSquares: Rect[] = [];
  /** Squares filled light: inside a dark square, they make it an outline (a border drawn as two fills). */
  const lightSquares: Rect[] = [];
  /** Everything else small that is painted: what may be drawn inside a box. */
  const marks: Mark[] = [];
  /** Short upright or level lines: a box's sides, when it is drawn a side at a time. */
  const segments: Segment[] = [];
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
      if (!fill && !stroke) continue;
      const edge = segmentOf(sub, rect, stroke, fill);
      if (edge) segments.push({ ...edge, mark: { ...b, fill, stroke } });
      else marks.push({ ...b, fill, stroke });
    }
  }
  // Squares drawn as four separate lines (or four thin fills): outlines too; lines that make none are
  // marks like any other stroke.
  const used = new Set<number>();
  for (const square of squaresOfSegments(segments, used))
    if (!outlines.some((o) => same(o, square))) outlines.push({ ...square, fill: null });
  segments.forEach((s, k) => {
    if (!used.has(k)) marks.push(s.mark);
  });
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

/**
 * A check box of a fillable form (an AcroForm check box or radio button widget): where it is, in points
 * from the page's top-left corner, and whether it is on. Its state is in the form's data, not in the
 * page's text or drawing (src/importers/pdf-text.ts reads it).
 */
export type FormBox = { x: number; y: number; w: number; h: number; on: boolean };

/** A form field larger than this either way is not taken for a check box beside a line. */
const MAX_FORM_BOX = 24;

/**
 * A page's drawn boxes with its form's check boxes: a form box is `checked` when it is on and `empty`
 * when it is off, whatever is drawn under it (a form prints its boxes' squares on the page and keeps
 * their state in the field), so a drawn box at a form box's place gives way to it. Form boxes of no
 * check-box size (wider or taller than 24 points, or under 3) are left out. Top to bottom, left to right.
 */
export function withFormBoxes(drawn: readonly DrawnBox[], form: readonly FormBox[]): DrawnBox[] {
  const fields = form.filter((f) => f.w >= 3 && f.h >= 3 && f.w <= MAX_FORM_BOX && f.h <= MAX_FORM_BOX);
  if (!fields.length) return [...drawn];
  const boxes: DrawnBox[] = drawn.filter(
    (d) => !fields.some((f) => centreIn(d, f, 0.25) || centreIn(f, d, 0.25)),
  );
  for (const f of fields) boxes.push({ x: f.x, y: f.y, w: f.w, h: f.h, state: f.on ? 'checked' : 'empty' });
  return boxes.sort((a, b) => a.y - b.y || a.x - b.x);
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
