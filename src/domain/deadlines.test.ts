import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addCalendarDays,
  addDaysOutsideLongVacations,
  addSchoolDays,
  addYears,
  isoWeekday,
  isWeekend,
  MAX_SCAN_DAYS,
} from './dates.ts';
import {
  calendarDeadlineDays,
  type DeadlineCalendar,
  deadlineOf,
  replyDueDate,
  timelineDueDate,
  weekdayOnOrBefore,
} from './deadlines.ts';
import { JURISDICTION_PROFILES } from './jurisdictions.ts';
import type { SchoolCalendar } from './school-calendar-model.ts';

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

describe('complaint windows: the one deadline function, with the profile’s counts', () => {
  const federal = JURISDICTION_PROFILES.us_idea;
  const section504 = JURISDICTION_PROFILES.us_504;
  const due = (profile: typeof federal, id: Parameters<typeof deadlineOf>[1], start: string) =>
    deadlineOf(profile, id, start, calendar)?.date;

  it('state complaint: a violation on 2024-02-29 must be received by 2025-02-28 (a Friday)', () => {
    expect(due(federal, 'state_complaint', '2024-02-29')).toBe('2025-02-28');
  });

  it('state complaint: the anniversary itself is still in time', () => {
    expect(due(federal, 'state_complaint', '2025-09-15')).toBe('2026-09-15');
  });

  it('state complaint: an anniversary on a Sunday moves to the Friday before', () => {
    expect(due(federal, 'state_complaint', '2025-03-01')).toBe('2026-02-27');
  });

  it('due process: 2 years from 2024-02-29 is 2026-02-28, a Saturday, so Friday 2026-02-27', () => {
    expect(due(federal, 'due_process', '2024-02-29')).toBe('2026-02-27');
  });

  it('due process: 2 years from a weekday to a weekday, labelled the federal default', () => {
    const d = deadlineOf(federal, 'due_process', '2025-03-03', calendar);
    expect(d?.date).toBe('2027-03-03');
    expect(d?.timeline.caveat).toBe('federal default: check your state’s limit');
  });

  it('OCR: 180 days from the last act', () => {
    expect(due(section504, 'ocr_complaint', '2026-01-07')).toBe('2026-07-06');
  });

  it('OCR: a last act on 2026-03-09 gives Friday 2026-09-04 (180 days is Saturday 09-05)', () => {
    expect(addCalendarDays('2026-03-09', 180)).toBe('2026-09-05');
    expect(due(section504, 'ocr_complaint', '2026-03-09')).toBe('2026-09-04');
  });

  it('OCR: 180 days landing on a Saturday or Sunday moves to the Friday before', () => {
    expect(due(section504, 'ocr_complaint', '2026-01-05')).toBe('2026-07-03');
    expect(due(section504, 'ocr_complaint', '2026-01-06')).toBe('2026-07-03');
  });

  it('OCR after a district grievance: 60 days after it ends (guidance)', () => {
    const d = deadlineOf(section504, 'ocr_after_grievance', '2026-03-02', calendar);
    expect(d?.date).toBe('2026-05-01');
    expect(d?.timeline.citation.kind).toBe('guidance');
  });

  it('no number, no date: a meeting after a request under federal law', () => {
    expect(deadlineOf(federal, 'meeting_after_request', '2026-10-01', calendar)).toBeNull();
  });

  it('weekdayOnOrBefore leaves a weekday alone', () => {
    expect(weekdayOnOrBefore('2026-09-16')).toBe('2026-09-16');
    expect(weekdayOnOrBefore('2026-09-20')).toBe('2026-09-18');
  });
});

// Two California school years as the calendar page would hold them: 2026-27 ends Friday 2027-06-11; the
// next begins Tuesday 2027-08-31 (Labor Day 2027-09-06 a holiday). Winter break is two weeks.
const CA_YEARS: SchoolCalendar[] = [
  {
    id: 'cal-2026',
    firstDay: '2026-08-31',
    lastDay: '2027-06-11',
    schoolWeekdays: [1, 2, 3, 4, 5],
    cycleLength: null,
    events: [
      { kind: 'holiday', startDate: '2026-09-07', endDate: null, label: 'Labor Day' },
      { kind: 'break', startDate: '2026-11-25', endDate: '2026-11-27', label: 'Thanksgiving break' },
      { kind: 'break', startDate: '2026-12-21', endDate: '2027-01-01', label: 'Winter break' },
      { kind: 'holiday', startDate: '2027-05-31', endDate: null, label: 'Memorial Day' },
    ],
  },
  {
    id: 'cal-2027',
    firstDay: '2027-08-31',
    lastDay: '2028-06-09',
    schoolWeekdays: [1, 2, 3, 4, 5],
    cycleLength: null,
    events: [{ kind: 'holiday', startDate: '2027-09-06', endDate: null, label: 'Labor Day' }],
  },
];

describe('California (Ed. Code 56343.5, 56504)', () => {
  const california = JURISDICTION_PROFILES.us_ca_iep;
  const days = calendarDeadlineDays(CA_YEARS);
  const caCalendar: DeadlineCalendar = { isSchoolDay: () => true, ...days };

  it('a meeting request received May 28, 2027 is not due "June 27, 2027" (a Sunday in summer)', () => {
    expect(addCalendarDays('2027-05-28', 30)).toBe('2027-06-27');
    // May 29 to June 11 count (14 days, Memorial Day included: a one-day holiday is no long vacation);
    // the summer does not; the count resumes on the first day of the next year, Aug 31: 16 more days.
    const d = deadlineOf(california, 'meeting_after_request', '2027-05-28', caCalendar);
    expect(d?.date).toBe('2027-09-15');
    expect(d?.timeline.fromReceipt).toBe(true);
  });

  it('without next year’s calendar, the count cannot finish: no date rather than a wrong one', () => {
    const oneYear = { isSchoolDay: () => true, ...calendarDeadlineDays(CA_YEARS.slice(0, 1)) };
    expect(deadlineOf(california, 'meeting_after_request', '2027-05-28', oneYear)).toBeNull();
  });

  it('a two-week winter break pauses the 30 days; Thanksgiving break (3 school days) does not', () => {
    expect(days.inLongVacation('2026-12-21')).toBe(true);
    expect(days.inLongVacation('2026-12-26')).toBe(true);
    expect(days.inLongVacation('2027-01-03')).toBe(true);
    expect(days.inLongVacation('2026-11-26')).toBe(false);
    expect(days.inLongVacation('2027-07-15')).toBe(true);
    expect(days.inLongVacation('2026-10-15')).toBe(false);
  });

  it('records within 5 business days of the request, skipping holidays and breaks', () => {
    // Requested Friday Sep 4, 2026: Sep 7 is Labor Day, so Sep 8, 9, 10, 11, 14.
    expect(deadlineOf(california, 'records_access', '2026-09-04', caCalendar)?.date).toBe('2026-09-14');
    // Requested Tuesday Nov 24: Nov 25-27 are Thanksgiving break, so Nov 30, Dec 1, 2, 3, 4.
    expect(deadlineOf(california, 'records_access', '2026-11-24', caCalendar)?.date).toBe('2026-12-04');
  });
});

describe('Illinois: school days not counting absences (23 Ill. Adm. Code 226.220)', () => {
  const illinois = JURISDICTION_PROFILES.us_il_iep;

  it('a service to start Tuesday Oct 6: the 10th school day is Oct 21; two absences move it to Oct 23', () => {
    expect(deadlineOf(illinois, 'service_start', '2026-10-06', calendar)?.date).toBe('2026-10-21');
    const absent = new Set(['2026-10-08', '2026-10-13']);
    const withAbsences = { ...calendar, isAbsent: (d: string) => absent.has(d) };
    expect(deadlineOf(illinois, 'service_start', '2026-10-06', withAbsences)?.date).toBe('2026-10-23');
  });

  it('an absence on a day with no school changes nothing', () => {
    const withHoliday = { ...calendar, isAbsent: (d: string) => d === '2026-10-12' };
    expect(deadlineOf(illinois, 'service_start', '2026-10-06', withHoliday)?.date).toBe('2026-10-21');
  });

  it('records within 10 business days of the custodian’s receipt', () => {
    // Received Monday Oct 5: Oct 6-9, (12 holiday for the school calendar), 13-16, 19, 20.
    const days = { ...calendar, isBusinessDay: (d: string) => d !== '2026-10-12' };
    expect(deadlineOf(illinois, 'records_access', '2026-10-05', days)?.date).toBe('2026-10-20');
  });
});

describe('one school-day counter, at its edges', () => {
  it('the day that starts the clock is day 0, school day or not', () => {
    expect(addSchoolDays('2026-09-11', 1, isSchoolDay)).toBe('2026-09-14');
    expect(addSchoolDays('2026-09-13', 1, isSchoolDay)).toBe('2026-09-14');
  });

  it('counts across a holiday and across winter break', () => {
    expect(addSchoolDays('2026-10-09', 1, isSchoolDay)).toBe('2026-10-13');
    expect(addSchoolDays('2026-12-18', 1, isSchoolDay)).toBe('2027-01-04');
  });

  it('the reply clock falls back to weekdays only when no school day is loaded', () => {
    expect(replyDueDate('2026-10-09', 5, isSchoolDay)).toBe('2026-10-19');
    expect(replyDueDate('2026-10-09', 5, () => false)).toBe('2026-10-16');
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
