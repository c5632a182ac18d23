import { describe, expect, it } from 'vitest';
import { linesFromItems, normalizeText, type PositionedText } from './document-text.ts';

const item = (text: string, x: number, y: number, width: number, height = 10): PositionedText => ({
  text,
  x,
  y,
  width,
  height,
});

describe('normalizeText', () => {
  it('folds ligatures and full-width forms, keeps fractions, drops controls and collapses spaces', () => {
    expect(normalizeText('Speciﬁc  learning\u00a0disability')).toBe('Specific learning disability');
    expect(normalizeText('ﬂexible ﬀ')).toBe('flexible ff');
    expect(normalizeText('ＩＥＰ')).toBe('IEP');
    expect(normalizeText('1½ hours')).toBe('1½ hours');
    expect(normalizeText('a\u202Eb\u0007c\u00ad')).toBe('abc');
    expect(normalizeText('  \t ')).toBe('');
  });
});

describe('linesFromItems', () => {
  it('groups runs on one baseline into a line, top to bottom, left to right', () => {
    const lines = linesFromItems([
      item('second', 50, 120, 30),
      item('First', 50, 100, 25),
      item('line', 80, 100.8, 20),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['First line', 'second']);
    expect(lines[0]!.cells).toHaveLength(1);
  });

  it('starts a new cell at a gap wider than half the font size', () => {
    const [line] = linesFromItems([
      item('Service', 50, 100, 35),
      item('Frequency', 200, 100, 45),
      item('30 min', 90, 100, 28),
    ]);
    // "Service" ends at 85; "30 min" starts 5 points later (half of 10): the same cell.
    expect(line!.cells.map((c) => c.text)).toEqual(['Service 30 min', 'Frequency']);
    expect(line!.cells[1]).toMatchObject({ x: 200, end: 245 });
  });

  it('joins a bold label to its value with a space, and a word split by a font change without one', () => {
    const [a] = linesFromItems([item('Student:', 50, 100, 38), item('Maya', 88.2, 100, 22)]);
    expect(a!.text).toBe('Student: Maya');
    const [b] = linesFromItems([item('Speci', 50, 100, 24), item('fic', 74, 100, 12)]);
    expect(b!.text).toBe('Specific');
  });

  it('leaves out empty runs and runs without a position', () => {
    const lines = linesFromItems([
      item('  ', 50, 100, 5),
      item('x', Number.NaN, 100, 5),
      item('kept', 60, 100, 20),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['kept']);
  });
});
