import { describe, expect, it } from 'vitest';
import { buildCalendarIndex } from './school-calendar.ts';
import type { SchoolCalendar } from './school-calendar-model.ts';
import {
  checkRecordDate,
  type DatedRecord,
  defaultRecordDate,
  lastSchoolDay,
  nonSchoolDay,
  nonSchoolDayQuestion,
} from './school-days.ts';

// 2026-27: school starts Tuesday 2026-09-08 and ends Friday 2027-06-11.
const YEAR: SchoolCalendar = {
  id: 'cal-2026',
  firstDay: '2026-09-08',
  lastDay: '2027-06-11',
  schoolWeekdays: [1, 2, 3, 4, 5],
  cycleLength: null,
  events: [
    { kind: 'holiday', startDate: '2026-10-12', endDate: null, label: "Indigenous Peoples' Day" },
    { kind: 'holiday', startDate: '2026-11-11', endDate: null, label: null },
    { kind: 'break', startDate: '2026-11-25', endDate: '2026-11-27', label: 'Thanksgiving break' },
    { kind: 'closure', startDate: '2026-12-09', endDate: null, label: 'Snow day' },
    { kind: 'closure', startDate: '2026-12-10', endDate: null, label: null },
    { kind: 'early_dismissal', startDate: '2026-12-18', endDate: null, label: 'Early release' },
    { kind: 'break', startDate: '2026-12-21', endDate: '2027-01-01', label: 'Winter break' },
  ],
};
const calendar = buildCalendarIndex([YEAR]);
const ESY = [{ startDate: '2027-06-28', endDate: '2027-07-23' }];

const session = (
  status: 'delivered' | 'short' | 'missed' = 'delivered',
  reason: string | null = null,
): DatedRecord => ({ kind: 'session', status, reason, esyBlocks: ESY });

describe('nonSchoolDay', () => {
  it('a school day (an early dismissal too) has nothing to say', () => {
    expect(nonSchoolDay(calendar, '2026-11-24')).toBeNull();
    expect(nonSchoolDay(calendar, '2026-12-18')).toBeNull();
  });

  it('a weekend day is a weekend day', () => {
    expect(nonSchoolDay(calendar, '2026-12-05')).toMatchObject({
      kind: 'weekend',
      reason: 'a weekend day',
      name: 'Saturday',
    });
  });

  it('a holiday is named with its label', () => {
    expect(nonSchoolDay(calendar, '2026-10-12')?.reason).toBe("a holiday: Indigenous Peoples' Day");
    expect(nonSchoolDay(calendar, '2026-11-11')?.reason).toBe('a holiday');
  });

  it('a break is named by its label', () => {
    expect(nonSchoolDay(calendar, '2026-11-26')).toMatchObject({
      kind: 'break',
      reason: 'Thanksgiving break',
    });
  });

  it('a closure says the school was closed', () => {
    expect(nonSchoolDay(calendar, '2026-12-09')?.reason).toBe('a school closure: Snow day');
    expect(nonSchoolDay(calendar, '2026-12-10')?.reason).toBe('a day the school was closed');
  });

  it('a weekday the school does not meet on is named as such', () => {
    const fourDays = buildCalendarIndex([{ ...YEAR, schoolWeekdays: [1, 2, 3, 4] }]);
    expect(nonSchoolDay(fourDays, '2026-12-04')).toMatchObject({
      kind: 'no_school_weekday',
      reason: 'a Friday, when school does not meet',
    });
  });

  it('a summer day is outside the school year', () => {
    expect(nonSchoolDay(calendar, '2027-07-14')?.kind).toBe('outside_school_year');
  });

  it('with no school calendar at all, every date is accepted', () => {
    expect(nonSchoolDay(buildCalendarIndex([]), '2026-12-05')).toBeNull();
  });

  it('asks the question with the date in words', () => {
    const day = nonSchoolDay(calendar, '2026-11-26')!;
    expect(nonSchoolDayQuestion('2026-11-26', day)).toBe(
      'Are you sure? Thursday, November 26 is Thanksgiving break.',
    );
  });
});

describe('checkRecordDate', () => {
  it('a session on a school day needs nothing', () => {
    expect(checkRecordDate(calendar, '2026-11-24', session())).toBeNull();
  });

  it('a session on a weekend needs the confirmation', () => {
    expect(checkRecordDate(calendar, '2026-12-05', session())).toMatchObject({
      needsConfirmation: true,
      question: 'Are you sure? Saturday, December 5 is a weekend day.',
    });
  });

  it('a session on a holiday needs the confirmation', () => {
    expect(checkRecordDate(calendar, '2026-10-12', session())?.needsConfirmation).toBe(true);
  });

  it('a session during a break needs the confirmation', () => {
    expect(checkRecordDate(calendar, '2026-11-26', session('missed', 'provider_absent'))).toMatchObject({
      needsConfirmation: true,
      question: 'Are you sure? Thursday, November 26 is Thanksgiving break.',
    });
  });

  it('a session delivered on a closure needs the confirmation', () => {
    expect(checkRecordDate(calendar, '2026-12-09', session())?.needsConfirmation).toBe(true);
  });

  it('a session missed because school was closed, on a closure, needs nothing', () => {
    expect(checkRecordDate(calendar, '2026-12-09', session('missed', 'school_closed'))).toBeNull();
  });

  it('a "school closed" miss on a holiday or a weekend still needs the confirmation', () => {
    expect(
      checkRecordDate(calendar, '2026-11-26', session('missed', 'school_closed'))?.needsConfirmation,
    ).toBe(true);
    expect(
      checkRecordDate(calendar, '2026-12-05', session('missed', 'school_closed'))?.needsConfirmation,
    ).toBe(true);
  });

  it('a session on an extended-school-year day of its service needs nothing', () => {
    expect(checkRecordDate(calendar, '2027-07-14', session())).toBeNull();
  });

  it('a session on a weekend inside an ESY block, or in summer outside it, needs the confirmation', () => {
    expect(checkRecordDate(calendar, '2027-07-17', session())?.needsConfirmation).toBe(true);
    expect(checkRecordDate(calendar, '2027-08-04', session())?.needsConfirmation).toBe(true);
  });

  it('a make-up may be on any day: the warning, but no confirmation', () => {
    expect(checkRecordDate(calendar, '2026-12-05', { kind: 'makeup' })).toMatchObject({
      needsConfirmation: false,
      question: 'Are you sure? Saturday, December 5 is a weekend day.',
    });
  });

  it('an observation or an incident on a day with no school needs the confirmation', () => {
    expect(checkRecordDate(calendar, '2026-11-27', { kind: 'observation' })?.needsConfirmation).toBe(true);
    expect(checkRecordDate(calendar, '2026-12-06', { kind: 'incident' })?.needsConfirmation).toBe(true);
    expect(checkRecordDate(calendar, '2026-12-07', { kind: 'incident' })).toBeNull();
  });
});

describe('the default date of a new record', () => {
  it('is today on a school day', () => {
    expect(defaultRecordDate(calendar, '2026-12-04')).toEqual({ date: '2026-12-04', note: null });
  });

  it('is the last school day on a weekend, and says so', () => {
    expect(defaultRecordDate(calendar, '2026-12-05')).toEqual({
      date: '2026-12-04',
      note: 'Saturday: showing Friday, December 4, the last school day',
    });
  });

  it('goes back over a break', () => {
    expect(defaultRecordDate(calendar, '2026-11-29')).toEqual({
      date: '2026-11-24',
      note: 'Sunday: showing Tuesday, November 24, the last school day',
    });
    expect(defaultRecordDate(calendar, '2026-11-26').note).toBe(
      'Thanksgiving break: showing Tuesday, November 24, the last school day',
    );
  });

  it('is today on an ESY day of the service, and the last ESY day on a weekend in the block', () => {
    expect(defaultRecordDate(calendar, '2027-07-14', ESY)).toEqual({ date: '2027-07-14', note: null });
    expect(defaultRecordDate(calendar, '2027-07-17', ESY)).toEqual({
      date: '2027-07-16',
      note: 'Saturday: showing Friday, July 16, the last extended school year day',
    });
  });

  it('is today when there is no school calendar', () => {
    expect(defaultRecordDate(buildCalendarIndex([]), '2026-12-05')).toEqual({
      date: '2026-12-05',
      note: null,
    });
  });

  it('lastSchoolDay is null before the first school year', () => {
    expect(lastSchoolDay(calendar, '2026-09-07')).toBeNull();
    expect(lastSchoolDay(calendar, '2026-09-08')).toBe('2026-09-08');
  });
});
