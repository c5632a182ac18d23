import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocLine } from './document-text.ts';
import {
  BOX_PART_MAX,
  type DrawnPath,
  drawnCheckBoxes,
  mayHoldDrawnBox,
  toneOf,
  withDrawnBoxes,
  withFormBoxes,
} from './drawn-boxes.ts';

/** A square outline at (x, y), stroked (and filled when asked). */
const square = (x: number, y: number, size = 8, fill: DrawnPath['fill'] = null): DrawnPath => ({
  subpaths: [{ points: [x, y, x + size, y, x + size, y + size, x, y + size], closed: true }],
  stroke: 'dark',
  fill,
});
const stroke = (...points: number[]): DrawnPath => ({
  subpaths: [{ points, closed: false }],
  stroke: 'dark',
  fill: null,
});
const filled = (
  x: number,
  y: number,
  size: number,
  tone: DrawnPath['fill'] = 'dark',
  height = size,
): DrawnPath => ({
  subpaths: [{ points: [x, y, x + size, y, x + size, y + height, x, y + height], closed: true }],
  stroke: null,
  fill: tone,
});

describe('drawnCheckBoxes', () => {
  it('reads an X, a check mark running past the box, a dark square inside and a filled box as checked', () => {
    const boxes = drawnCheckBoxes([
      square(60, 100),
      stroke(61.5, 101.5, 66.5, 106.5),
      stroke(66.5, 101.5, 61.5, 106.5),
      square(60, 120),
      stroke(61.5, 124.5, 63.5, 127, 70.5, 117),
      square(60, 140),
      filled(62, 142, 4),
      square(60, 160, 8, 'dark'),
      square(60, 180),
    ]);
    expect(boxes.map((b) => [b.y, b.state])).toEqual([
      [100, 'checked'],
      [120, 'checked'],
      [140, 'checked'],
      [160, 'checked'],
      [180, 'empty'],
    ]);
  });

  it('sends a box with only a dot, a short stroke or a grey fill in it to the parent', () => {
    const boxes = drawnCheckBoxes([
      square(60, 100),
      filled(63.5, 103.5, 1),
      square(60, 120),
      stroke(62, 124, 64, 124),
      square(60, 140, 8, 'mid'),
      square(60, 160, 8, 'light'),
    ]);
    expect(boxes.map((b) => b.state)).toEqual(['unclear', 'unclear', 'unclear', 'empty']);
  });

  it('leaves out table cells, rules and large shapes, and a lone dark square that may be a bullet', () => {
    const rule = stroke(50, 300, 560, 300);
    const cell: DrawnPath = {
      subpaths: [{ points: [50, 200, 220, 200, 220, 219, 50, 219], closed: true }],
      stroke: 'dark',
      fill: null,
    };
    expect(drawnCheckBoxes([rule, cell, filled(60, 400, 6), filled(40, 500, 30)])).toEqual([]);
    // Beside outlined boxes of its size, a dark square is a box filled in.
    expect(drawnCheckBoxes([square(60, 100), filled(60, 120, 8)]).map((b) => b.state)).toEqual([
      'empty',
      'checked',
    ]);
  });

  it('reads a box drawn as a dark square with a light one over it as an outline', () => {
    const boxes = drawnCheckBoxes([filled(60, 100, 9), filled(61, 101, 7, 'light')]);
    expect(boxes).toEqual([{ x: 60, y: 100, w: 9, h: 9, state: 'empty' }]);
  });

  it('reads a box drawn as four separate lines, or four thin fills, as one drawn as a square', () => {
    /** A square's four sides, each a line of its own. */
    const sides = (x: number, y: number, size = 8) => [
      stroke(x, y, x + size, y),
      stroke(x + size, y, x + size, y + size),
      stroke(x + size, y + size, x, y + size),
      stroke(x, y + size, x, y),
    ];
    const bar = (x: number, y: number, w: number, h: number) => filled(x, y, w, 'dark', h);
    const boxes = drawnCheckBoxes([
      ...sides(60, 100),
      stroke(61.5, 101.5, 66.5, 106.5),
      stroke(66.5, 101.5, 61.5, 106.5),
      ...sides(60, 120),
      // Sides that run a little past the corners (square line caps), and a check mark.
      stroke(59.6, 140, 68.4, 140),
      stroke(59.6, 148, 68.4, 148),
      stroke(60, 139.6, 60, 148.4),
      stroke(68, 139.6, 68, 148.4),
      stroke(61.5, 144.5, 63.5, 147, 70.5, 137),
      // Four thin filled bars (a word processor's border), empty; then with a dark square inside.
      bar(60, 160, 8, 0.75),
      bar(60, 167.25, 8, 0.75),
      bar(60, 160, 0.75, 8),
      bar(67.25, 160, 0.75, 8),
      bar(60, 180, 8, 0.75),
      bar(60, 187.25, 8, 0.75),
      bar(60, 180, 0.75, 8),
      bar(67.25, 180, 0.75, 8),
      filled(62, 182, 4),
    ]);
    // A bar's middle is the side's line, as a stroke's path is.
    expect(boxes.map((b) => [Math.round(b.y), b.state])).toEqual([
      [100, 'checked'],
      [120, 'empty'],
      [140, 'checked'],
      [160, 'empty'],
      [180, 'checked'],
    ]);
  });

  it('leaves out a grid of small cells drawn line by line, and lines that make no square', () => {
    // Two rows of three 10-point cells, each cell's sides drawn apart.
    const grid = [0, 1].flatMap((row) =>
      [0, 1, 2].flatMap((col) => {
        const x = 300 + 10 * col;
        const y = 100 + 10 * row;
        return [
          stroke(x, y, x + 10, y),
          stroke(x, y + 10, x + 10, y + 10),
          stroke(x, y, x, y + 10),
          stroke(x + 10, y, x + 10, y + 10),
        ];
      }),
    );
    // Three sides of a square (the fourth missing), and two lines of different lengths.
    const open = [stroke(60, 200, 68, 200), stroke(60, 208, 68, 208), stroke(60, 200, 60, 208)];
    const uneven = [stroke(60, 220, 68, 220), stroke(60, 228, 72, 228)];
    expect(drawnCheckBoxes([...grid, ...open, ...uneven])).toEqual([]);
  });

  it('reads the tone of a colour by its lightness', () => {
    expect([
      toneOf('#000000'),
      toneOf('#1a1a1a'),
      toneOf('#808080'),
      toneOf('#e6e6e6'),
      toneOf('#ffffff'),
    ]).toEqual(['dark', 'dark', 'mid', 'light', 'light']);
    expect(toneOf(undefined)).toBe('mid');
  });
});

/** What the PDF reader's text pass notes of these paths (pdf-path-probe.ts): each small subpath's size. */
function notedSizes(paths: readonly DrawnPath[]): number[] {
  const sizes: number[] = [];
  for (const path of paths)
    for (const { points } of path.subpaths) {
      const xs = points.filter((_, k) => k % 2 === 0);
      const ys = points.filter((_, k) => k % 2 === 1);
      const w = Math.max(...xs) - Math.min(...xs);
      const h = Math.max(...ys) - Math.min(...ys);
      if (w <= BOX_PART_MAX && h <= BOX_PART_MAX) sizes.push(w, h);
    }
  return sizes;
}

describe('mayHoldDrawnBox', () => {
  const sides = (x: number, y: number, size = 8) => [
    stroke(x, y, x + size, y),
    stroke(x + size, y, x + size, y + size),
    stroke(x + size, y + size, x, y + size),
    stroke(x, y + size, x, y),
  ];

  it('says a page with a square outline, a filled square or four short sides may hold a box', () => {
    expect(mayHoldDrawnBox(notedSizes([square(60, 100)]), false)).toBe(true);
    expect(mayHoldDrawnBox(notedSizes([filled(60, 100, 12)]), false)).toBe(true);
    expect(mayHoldDrawnBox(notedSizes(sides(60, 100)), false)).toBe(true);
    const bars = [
      filled(60, 160, 8, 'dark', 0.75),
      filled(60, 167.25, 8, 'dark', 0.75),
      filled(60, 160, 0.75, 'dark', 8),
      filled(67.25, 160, 0.75, 'dark', 8),
    ];
    expect(mayHoldDrawnBox(notedSizes(bars), false)).toBe(true);
    // More small subpaths than the reader notes: it cannot tell, so the page is drawn.
    expect(mayHoldDrawnBox([], true)).toBe(true);
  });

  it("says a page of table cells, rules, a table's short upright rules, dots and bullets holds none", () => {
    const cells = [square(40, 100, 120), filled(40, 130, 300, 'light', 20)];
    const rules = [stroke(40, 100, 560, 100), stroke(40, 120, 560, 120)];
    const rowRules = [0, 1, 2, 3].map((row) => stroke(200, 100 + 18 * row, 200, 118 + 18 * row));
    const dots = [filled(50, 300, 1.5), filled(50, 320, 3)];
    expect(mayHoldDrawnBox(notedSizes([...cells, ...rules, ...rowRules, ...dots]), false)).toBe(false);
    expect(mayHoldDrawnBox([], false)).toBe(false);
  });

  it('never says no where drawnCheckBoxes finds a box (random small drawings)', () => {
    // Sizes around a box's (4.5 to 16 points) and beyond, on a small part of a page.
    const n = fc.oneof(
      { weight: 3, arbitrary: fc.double({ min: 3, max: 19, noNaN: true }) },
      { weight: 1, arbitrary: fc.double({ min: 0, max: 40, noNaN: true }) },
    );
    const at = fc.double({ min: 0, max: 150, noNaN: true });
    const tone = fc.constantFrom<DrawnPath['fill']>('dark', 'mid', 'light', null);
    const shape = fc.oneof(
      fc.record({ x: at, y: at, size: n, fill: tone }).map((s) => square(s.x, s.y, s.size, s.fill)),
      fc
        .record({ x: at, y: at, w: n, h: n, fill: tone })
        .map((s) => filled(s.x, s.y, s.w, s.fill ?? 'dark', s.h)),
      fc.record({ x: at, y: at, size: n }).chain((s) => fc.constant(sides(s.x, s.y, s.size))),
      fc
        .tuple(at, at, n, fc.boolean())
        .map(([x, y, len, level]) => (level ? stroke(x, y, x + len, y) : stroke(x, y, x, y + len))),
      fc.tuple(at, at, at, at).map(([x0, y0, x1, y1]) => stroke(x0, y0, x1, y1)),
    );
    let withBoxes = 0;
    fc.assert(
      fc.property(fc.array(shape, { maxLength: 12 }), (shapes) => {
        const paths = shapes.flat();
        if (drawnCheckBoxes(paths).length === 0) return true;
        withBoxes++;
        return mayHoldDrawnBox(notedSizes(paths), false);
      }),
      { numRuns: 3000 },
    );
    // The drawings hold boxes often enough for the property to say something.
    expect(withBoxes).toBeGreaterThan(300);
  });
});

describe('withFormBoxes', () => {
  it("takes a form check box's state from its field, over a square drawn under it", () => {
    const drawn = drawnCheckBoxes([square(60, 100), square(60, 120), square(60, 140)]);
    const boxes = withFormBoxes(drawn, [
      { x: 60, y: 100, w: 8, h: 8, on: true },
      { x: 60.5, y: 120.5, w: 7, h: 7, on: false },
      { x: 60, y: 160, w: 8, h: 8, on: true },
    ]);
    expect(boxes).toEqual([
      { x: 60, y: 100, w: 8, h: 8, state: 'checked' },
      { x: 60.5, y: 120.5, w: 7, h: 7, state: 'empty' },
      // Drawn, with no field over it.
      { x: 60, y: 140, w: 8, h: 8, state: 'empty' },
      { x: 60, y: 160, w: 8, h: 8, state: 'checked' },
    ]);
  });

  it('leaves out form fields of no check-box size', () => {
    expect(
      withFormBoxes(
        [],
        [
          { x: 60, y: 100, w: 200, h: 14, on: true },
          { x: 60, y: 120, w: 2, h: 2, on: true },
        ],
      ),
    ).toEqual([]);
  });
});

describe('withDrawnBoxes', () => {
  const line = (y: number, ...cells: [number, string][]): DocLine => ({
    y,
    height: 9.5,
    text: cells.map(([, t]) => t).join(' '),
    cells: cells.map(([x, text]) => ({ x, end: x + text.length * 4.5, text })),
  });

  it('puts each box in as a cell of its line, as the box characters would be', () => {
    const lines = [
      line(107, [77, 'Preferential seating']),
      line(121, [77, 'Peer note-taker']),
      line(135, [77, 'Graphic organizer']),
    ];
    const out = withDrawnBoxes(lines, [
      { x: 62, y: 99.7, w: 8.5, h: 8.5, state: 'checked' },
      { x: 62, y: 113.7, w: 8.5, h: 8.5, state: 'empty' },
      { x: 62, y: 127.7, w: 8.5, h: 8.5, state: 'unclear' },
    ]);
    expect(out.map((l) => l.text)).toEqual([
      '☒ Preferential seating',
      '☐ Peer note-taker',
      '[?] Graphic organizer',
    ]);
    expect(out[0]!.cells[0]).toEqual({ x: 62, end: 70.5, text: '☒' });
  });

  it('leaves a box with text printed in it to the text, and a box on no line out', () => {
    const lines = [line(107, [63.6, 'X'], [77, 'Quiet setting'])];
    const out = withDrawnBoxes(lines, [
      { x: 62, y: 99.7, w: 8.5, h: 8.5, state: 'empty' },
      { x: 62, y: 300, w: 8.5, h: 8.5, state: 'empty' },
    ]);
    expect(out.map((l) => l.text)).toEqual(['X Quiet setting']);
  });
});
