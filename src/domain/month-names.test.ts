import { describe, expect, it } from 'vitest';
import { MONTH_NAMES, MONTH_SRC, MONTHS } from './month-names.ts';

describe('month names', () => {
  it('reads every name and its abbreviations as the month it names', () => {
    MONTH_NAMES.forEach((name, i) => {
      expect(MONTHS[name.toLowerCase()]).toBe(i + 1);
      expect(MONTHS[name.slice(0, 3).toLowerCase()]).toBe(i + 1);
    });
    expect(MONTHS.sept).toBe(9);
  });

  it('matches a whole name before its abbreviation', () => {
    const month = new RegExp(`^(${MONTH_SRC})`, 'i');
    expect(month.exec('September 14, 2026')?.[1]).toBe('September');
    expect(month.exec('Sept. 14, 2026')?.[1]).toBe('Sept');
    expect(month.exec('Sep 14, 2026')?.[1]).toBe('Sep');
  });
});
