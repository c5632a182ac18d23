import { describe, expect, it } from 'vitest';
import { isoWeekday } from './dates.ts';
import {
  addBusinessDays,
  addCalendarDays,
  addDaysOutsideLongVacations,
  addSchoolDays,
  addYears,
  dueProcessLastDay,
  isWeekend,
  MAX_SCAN_DAYS,
  ocrAfterGrievanceLastDay,
  ocrComplaintLastDay,
  stateComplaintLastDay,
  timelineDueDate,
  weekdayOnOrBefore,
} from './deadlines.ts';

// School year 2026-27: 2026-09-14 is a Monday. Labor Day (2026-09-07) and Columbus Day (2026-10-12) are
// holidays; winter break runs 2026-12-21 (Mon) to 2027-01-01 (Fri), ten school days.

const HOLIDAYS = new Set(['2026-09-07', '2026-10-12', '2026-11-26', '2026-11-27']);
const WINTER_BREAK = { from: '2026-12-19', to: '2027-01-03' }; // weekend to weekend

function isSchoolDay(date: string): boolean {
  if (isoWeekday(date) >= 6 || HOLIDAYS.has(date)) return false;
  return !(date >= WINTER_BREAK.from && date <= WINTER_BREAK.to);
}

const inWinterBreak = (date: string) => date >= WINTER_BREAK.from && date <= WINTER_BREAK.to;
const noVacation = () => false;
const calendar = { isSchoolDay, inLongVacation: inWinterBreak };

describe('calendar and business days', () => {
  it('adds calendar days across a month and a year end', () => {
    expect(addCalendarDays('2026-12-20', 15)).toBe('2027-01-04');
    expect(addCalendarDays('2026-09-14', 0)).toBe('2026-09-14');
  });

  it('counts business days from the day after: Friday plus 1 is Monday', () => {
    expect(addBusinessDays('2026-09-18', 1)).toBe('2026-09-21');
  });

  it('counts business days from a Saturday: the first is Monday, the fifth is Friday', () => {
    expect(addBusinessDays('2026-09-19', 1)).toBe('2026-09-21');
    expect(addBusinessDays('2026-09-19', 5)).toBe('2026-09-25');
  });

  it('California records: 5 business days from a Monday request is the next Monday', () => {
    expect(addBusinessDays('2026-09-14', 5)).toBe('2026-09-21');
  });

  it('business days do not know holidays (the rule says business days, not school days)', () => {
    expect(addBusinessDays('2026-11-25', 1)).toBe('2026-11-26');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addBusinessDays('2026-09-14', -1)).toThrow(RangeError);
    expect(() => addSchoolDays('2026-09-14', 1.5, isSchoolDay)).toThrow(RangeError);
  });
});

describe('school days', () => {
  it('skips weekends and holidays: 10 school days from Tuesday Oct 6 skip Columbus Day', () => {
    // Oct 7, 8, 9, (12 holiday), 13, 14, 15, 16, 19, 20, 21 -> the 10th is Oct 21.
    expect(addSchoolDays('2026-10-06', 10, isSchoolDay)).toBe('2026-10-21');
  });

  it('starting on a weekend, the first school day is Monday', () => {
    expect(addSchoolDays('2026-09-12', 1, isSchoolDay)).toBe('2026-09-14');
  });

  it('zero school days is the start date itself', () => {
    expect(addSchoolDays('2026-09-12', 0, isSchoolDay)).toBe('2026-09-12');
  });

  it('Arizona: 45 school days skip Thanksgiving and winter break', () => {
    // After Nov 2: 18 school days in November (Nov 26-27 off), 14 in December before the break (32),
    // then Jan 4-8, 11-15 (42) and Jan 18, 19, 20.
    expect(addSchoolDays('2026-11-02', 45, isSchoolDay)).toBe('2027-01-20');
  });

  it('returns null when the calendar has no school days (no calendar loaded)', () => {
    expect(addSchoolDays('2026-09-14', 1, () => false)).toBeNull();
    expect(MAX_SCAN_DAYS).toBeGreaterThan(365);
  });
});

describe("California's 30 days outside long vacations (Ed. Code 56343(c))", () => {
  it('without a vacation, 30 calendar days', () => {
    expect(addDaysOutsideLongVacations('2026-10-01', 30, noVacation)).toBe('2026-10-31');
  });

  it('a winter break in the middle pauses the count', () => {
    // Dec 11-18 are 8 counted days; Dec 19 - Jan 3 are the break; 22 more days run Jan 4 - Jan 25.
    expect(addDaysOutsideLongVacations('2026-12-10', 30, inWinterBreak)).toBe('2027-01-25');
  });

  it('a request made during the break starts counting when the break ends', () => {
    expect(addDaysOutsideLongVacations('2026-12-22', 1, inWinterBreak)).toBe('2027-01-04');
  });

  it('a break the calendar does not call long (5 school days or fewer) does not pause the count', () => {
    expect(addDaysOutsideLongVacations('2026-12-10', 30, noVacation)).toBe('2027-01-09');
  });

  it('a school deadline that falls on a Saturday is shown as counted', () => {
    const due = timelineDueDate(
      { amount: 30, unit: 'calendar_days_outside_long_vacations' },
      '2026-12-10',
      { isSchoolDay, inLongVacation: noVacation },
      'school',
    );
    expect(due).toBe('2027-01-09');
    expect(isWeekend(due!)).toBe(true);
  });
});

describe('years and leap days', () => {
  it('adds years to the same month and day', () => {
    expect(addYears('2025-03-10', 1)).toBe('2026-03-10');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('February 29 plus one year is February 28 (the earlier reading)', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('February 28 plus one year into a leap year stays February 28', () => {
    expect(addYears('2023-02-28', 1)).toBe('2024-02-28');
  });
});

describe('complaint windows', () => {
  it('state complaint: a violation on 2024-02-29 must be received by 2025-02-28 (a Friday)', () => {
    expect(stateComplaintLastDay('2024-02-29')).toBe('2025-02-28');
  });

  it('state complaint: the anniversary itself is still in time', () => {
    expect(stateComplaintLastDay('2025-09-15')).toBe('2026-09-15');
  });

  it('state complaint: an anniversary on a Sunday moves to the Friday before', () => {
    expect(stateComplaintLastDay('2025-03-01')).toBe('2026-02-27');
  });

  it('due process: 2 years from 2024-02-29 is 2026-02-28, a Saturday, so Friday 2026-02-27', () => {
    expect(dueProcessLastDay('2024-02-29')).toBe('2026-02-27');
  });

  it('due process: 2 years from a weekday to a weekday', () => {
    expect(dueProcessLastDay('2025-03-03')).toBe('2027-03-03');
  });

  it('OCR: 180 days from the last act', () => {
    expect(ocrComplaintLastDay('2026-01-07')).toBe('2026-07-06');
  });

  it('OCR: 180 days landing on a Saturday or Sunday moves to the Friday before', () => {
    expect(ocrComplaintLastDay('2026-01-05')).toBe('2026-07-03');
    expect(ocrComplaintLastDay('2026-01-06')).toBe('2026-07-03');
  });

  it('OCR after a district grievance: 60 days after it ends', () => {
    expect(ocrAfterGrievanceLastDay('2026-03-02')).toBe('2026-05-01');
  });

  it('weekdayOnOrBefore leaves a weekday alone', () => {
    expect(weekdayOnOrBefore('2026-09-16')).toBe('2026-09-16');
    expect(weekdayOnOrBefore('2026-09-20')).toBe('2026-09-18');
  });
});

describe('timelineDueDate', () => {
  it('counts each unit', () => {
    expect(timelineDueDate({ amount: 45, unit: 'calendar_days' }, '2026-09-14', calendar, 'school')).toBe(
      '2026-10-29',
    );
    expect(timelineDueDate({ amount: 5, unit: 'business_days' }, '2026-09-14', calendar, 'school')).toBe(
      '2026-09-21',
    );
    expect(timelineDueDate({ amount: 10, unit: 'school_days' }, '2026-10-06', calendar, 'school')).toBe(
      '2026-10-21',
    );
    expect(timelineDueDate({ amount: 1, unit: 'years' }, '2026-09-14', calendar, 'school')).toBe(
      '2027-09-14',
    );
  });

  it('a family deadline on a weekend moves to the Friday before; a school one does not', () => {
    // 2026-01-05 + 180 days = 2026-07-04, a Saturday.
    const count = { amount: 180, unit: 'calendar_days' } as const;
    expect(timelineDueDate(count, '2026-01-05', calendar, 'family')).toBe('2026-07-03');
    expect(timelineDueDate(count, '2026-01-05', calendar, 'school')).toBe('2026-07-04');
  });

  it('is null when a school-day count runs past the loaded calendar', () => {
    expect(
      timelineDueDate(
        { amount: 3, unit: 'school_days' },
        '2026-09-14',
        { isSchoolDay: () => false, inLongVacation: noVacation },
        'school',
      ),
    ).toBeNull();
  });
});
