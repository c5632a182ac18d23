import { describe, expect, it } from 'vitest';
import { formatSchoolDate, RECORD_LOCALE } from './dates.ts';

// formatSchoolDate keeps the words it wrote (dates.ts): what it gives back must be the same as a
// formatter's own, whatever was asked before, in whichever style or locale.

const direct = (date: string, options: Intl.DateTimeFormatOptions, locale: string) =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC', calendar: 'gregory' }).format(
    new Date(`${date}T00:00:00Z`),
  );

describe('formatSchoolDate, kept words', () => {
  it('gives each style and locale its own words for one date, asked again in any order', () => {
    for (let round = 0; round < 2; round++) {
      expect(formatSchoolDate('2026-09-08', 'weekdayLong', RECORD_LOCALE)).toBe('Tuesday, September 8');
      expect(formatSchoolDate('2026-09-08', 'weekdayLong', 'es')).toBe(
        direct('2026-09-08', { weekday: 'long', month: 'long', day: 'numeric' }, 'es'),
      );
      expect(formatSchoolDate('2026-09-08', 'weekdayShort', RECORD_LOCALE)).toBe('Tue, Sep 8');
      expect(formatSchoolDate('2026-09-09', 'weekdayLong', RECORD_LOCALE)).toBe('Wednesday, September 9');
    }
  });

  it('still refuses a malformed date after well-formed ones, every time it is asked', () => {
    formatSchoolDate('2026-09-08', 'weekdayLong', RECORD_LOCALE);
    for (let round = 0; round < 2; round++) {
      expect(() => formatSchoolDate('2026-9-8', 'weekdayLong', RECORD_LOCALE)).toThrow(RangeError);
      expect(() => formatSchoolDate('not a date', 'weekdayLong', RECORD_LOCALE)).toThrow(RangeError);
    }
  });

  it('writes the right words for more dates than it keeps, and for the first ones again after', () => {
    const first = '2001-01-01';
    const wordsOfFirst = formatSchoolDate(first, 'weekdayLongYear', RECORD_LOCALE);
    expect(wordsOfFirst).toBe('Monday, January 1, 2001');
    // 25,000 distinct dates: past the bound (20,000), so what was kept is forgotten at least once.
    const start = Date.UTC(2001, 0, 1);
    for (let i = 0; i < 25_000; i += 997) {
      const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      expect(formatSchoolDate(date, 'weekdayLongYear', RECORD_LOCALE)).toBe(
        direct(date, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }, RECORD_LOCALE),
      );
    }
    for (let i = 0; i < 25_000; i++)
      formatSchoolDate(
        new Date(start + i * 86_400_000).toISOString().slice(0, 10),
        'monthDay',
        RECORD_LOCALE,
      );
    expect(formatSchoolDate(first, 'weekdayLongYear', RECORD_LOCALE)).toBe(wordsOfFirst);
    // A year before 1000 keeps its four digits, kept or not.
    expect(formatSchoolDate('0999-03-01', 'weekdayLongYear', RECORD_LOCALE)).toMatch(/0999$/);
    expect(formatSchoolDate('0999-03-01', 'weekdayLongYear', RECORD_LOCALE)).toMatch(/0999$/);
  });
});
