import { describe, expect, it } from 'vitest';
import type { DocLine } from './document-text.ts';
import { type DrawnPath, drawnCheckBoxes, toneOf, withDrawnBoxes } from './drawn-boxes.ts';

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
const filled = (x: number, y: number, size: number, tone: DrawnPath['fill'] = 'dark'): DrawnPath => ({
  subpaths: [{ points: [x, y, x + size, y, x + size, y + size, x, y + size], closed: true }],
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
