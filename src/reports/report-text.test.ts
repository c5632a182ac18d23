import { describe, expect, it } from 'vitest';
import {
  axisTicks,
  clip,
  dateRange,
  dateRangeWords,
  figure,
  percentText,
  printableText,
  providedPercent,
  weekdayDate,
  weekSpan,
} from './report-text.ts';

describe('report words', () => {
  it.each([
    ['2026-09-08', '2026-10-30', 'Sep 8 – Oct 30, 2026', 'Sep 8 to Oct 30, 2026'],
    ['2026-12-14', '2027-01-08', 'Dec 14, 2026 – Jan 8, 2027', 'Dec 14, 2026 to Jan 8, 2027'],
    ['2026-09-08', '2026-09-08', 'Sep 8, 2026', 'Sep 8, 2026'],
  ])(
    'a range from %s to %s is written with its year once, unless it crosses one',
    (from, to, dash, words) => {
      expect(dateRange(from, to)).toBe(dash);
      expect(dateRangeWords(from, to)).toBe(words);
    },
  );

  it.each([
    ['2026-09-08', '2026-09-13', 'Sep 8–13'],
    ['2026-09-28', '2026-10-04', 'Sep 28 – Oct 4'],
    ['2026-10-30', '2026-10-30', 'Oct 30'],
  ])('a week row from %s to %s reads %s', (start, end, expected) => {
    expect(weekSpan(start, end)).toBe(expected);
  });

  it('names the weekday of a date without a locale', () => {
    expect(weekdayDate('2026-09-15')).toBe('Tue, Sep 15');
  });

  it('writes a ledger figure exactly as the ledger gives it, with no separator or rounding', () => {
    expect(figure(1080)).toBe('1080');
    expect(figure(22.5)).toBe('22.5');
    expect(percentText(54.2)).toBe('54.2%');
    expect(percentText(null)).toBe('–');
  });
});

describe('the provided rate over the range', () => {
  it('counts a partly provided accommodation as half, and leaves unknown outcomes out', () => {
    expect(providedPercent({ provided: 2, partly: 1, notProvided: 1, unknown: 5 })).toBe(62.5);
  });
  it('is null when no observation has a known outcome', () => {
    expect(providedPercent({ provided: 0, partly: 0, notProvided: 0, unknown: 2 })).toBeNull();
  });
  it('rounds to one decimal like the ledger’s percent', () => {
    expect(providedPercent({ provided: 2, partly: 0, notProvided: 1, unknown: 0 })).toBe(66.7);
  });
});

describe('text the standard PDF fonts can draw', () => {
  it('keeps WinAnsi punctuation (curly quotes, dashes, bullets, the euro) and Latin-1 letters', () => {
    const text = '“Extended time” – Zoë’s plan… • €5 — café';
    expect(printableText(text)).toBe(text);
  });
  it('turns symbols outside WinAnsi into plain equivalents and anything else into a question mark', () => {
    expect(printableText('≥ 80% → goal ✓')).toBe('>= 80% -> goal yes');
    expect(printableText('Emma 😀 李')).toBe('Emma ? ?');
  });
  it('keeps line breaks, makes tabs and odd spaces plain spaces, and drops control characters', () => {
    expect(printableText('a\tb\u2009c\r\nd\u0007e\u00adf')).toBe('a b c\ndef');
  });
});

describe('clipping long text', () => {
  it('leaves short text alone and flattens its white space', () => {
    expect(clip('Sat in the\n back row', 40)).toBe('Sat in the back row');
  });
  it('cuts at a word and marks the cut', () => {
    expect(clip('The substitute collected the test on time again today', 30)).toBe(
      'The substitute collected the…',
    );
  });
});

describe('chart axis ticks', () => {
  it.each([
    [60, [0, 20, 40, 60]],
    [135, [0, 50, 100, 150]],
    [30, [0, 10, 20, 30]],
    [1080, [0, 500, 1000, 1500]],
    [1, [0, 0.25, 0.5, 0.75, 1]],
  ])('for a largest value of %s the ticks are %j', (max, ticks) => {
    expect(axisTicks(max)).toEqual(ticks);
  });
  it('gives an axis even when every value is zero', () => {
    expect(axisTicks(0)).toEqual([0, 1]);
  });
});
