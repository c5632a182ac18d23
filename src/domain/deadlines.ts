// Deadline arithmetic for the timelines in src/domain/jurisdictions.ts. Pure: dates are plain
// `YYYY-MM-DD` school dates, the school calendar comes in as two predicates from the case record, and
// nothing reads the clock.
//
// Counting convention (product choice, the usual legal reading): the day that starts the clock is day 0,
// so "N days after the request" is the Nth day after it. A request on Monday with a 5-business-day
// timeline is due the next Monday.
//
// Weekends (product choice): a deadline the family must meet (a complaint window) that falls on a Saturday
// or Sunday is shown on the Friday before. Some offices would accept the next business day, but RULES.md
// does not say so, and filing a day early never hurts. Deadlines the school or an agency must meet are shown
// as counted, even on a weekend: that is the last day they have.

import { addDays, daysInMonth, isoWeekday, toDayNumber } from './dates.ts';
import type { CountUnit, TimelineCount, TimelineOwner } from './jurisdictions.ts';

export type IsoDate = string;

/** The two calendar questions the case record answers (CaseRecord.isSchoolDay, CaseRecord.inLongVacation). */
export type DeadlineCalendar = {
  isSchoolDay: (date: IsoDate) => boolean;
  inLongVacation: (date: IsoDate) => boolean;
};

/**
 * How far the school-day counters look before giving up: two years is far longer than any timeline
 * (45 school days is about nine weeks), so running out means the calendar has no school days loaded.
 */
export const MAX_SCAN_DAYS = 2 * 366;

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return addDays(date, days);
}

/**
 * The Nth school day after `date` (`date` itself is day 0, school day or not). Zero returns `date`.
 * Null when the calendar has fewer than N school days in the next MAX_SCAN_DAYS days (no calendar loaded).
 */
export function addSchoolDays(
  date: IsoDate,
  schoolDays: number,
  isSchoolDay: (date: IsoDate) => boolean,
): IsoDate | null {
  assertCount(schoolDays);
  return addCountedDays(date, schoolDays, isSchoolDay);
}

/** The Nth weekday (Monday to Friday) after `date`; no holidays are known. Zero returns `date`. */
export function addBusinessDays(date: IsoDate, businessDays: number): IsoDate {
  assertCount(businessDays);
  // A week always has five weekdays, so this cannot run out.
  return addCountedDays(date, businessDays, (d) => !isWeekend(d))!;
}

/**
 * California's count (Ed. Code 56343(c)): the Nth calendar day after `date`, not counting days inside a
 * school vacation longer than 5 school days. Which days those are is the calendar's answer
 * (`inLongVacation`): a winter break of two weeks pauses the count, a three-day weekend does not.
 * Null only when every day for MAX_SCAN_DAYS is a vacation day.
 */
export function addDaysOutsideLongVacations(
  date: IsoDate,
  days: number,
  inLongVacation: (date: IsoDate) => boolean,
): IsoDate | null {
  assertCount(days);
  return addCountedDays(date, days, (d) => !inLongVacation(d));
}

function addCountedDays(date: IsoDate, count: number, counts: (date: IsoDate) => boolean): IsoDate | null {
  toDayNumber(date); // throws on a malformed date
  if (count === 0) return date;
  let counted = 0;
  for (let step = 1; step <= MAX_SCAN_DAYS + count; step++) {
    const day = addDays(date, step);
    if (counts(day) && ++counted === count) return day;
  }
  return null;
}

function assertCount(count: number): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`not a whole number of days: ${count}`);
}

/**
 * The same month and day `years` later. February 29 becomes February 28 in a year without one
 * (product choice: the earlier of the two readings, so a filing by that date is in time under either).
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  toDayNumber(date);
  const year = Number(date.slice(0, 4)) + years;
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${date.slice(5, 7)}-${String(day).padStart(2, '0')}`;
}

export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

/** The date itself on a weekday; the Friday before on a Saturday or Sunday. */
export function weekdayOnOrBefore(date: IsoDate): IsoDate {
  const weekday = isoWeekday(date);
  return weekday >= 6 ? addDays(date, -(weekday - 5)) : date;
}

/**
 * Last day the state can receive an IDEA state complaint about a violation on `violationDate`: the
 * violation must be no more than 1 year before the complaint is received (34 CFR 300.153), so the
 * anniversary itself is still in time. 2024-02-29 gives 2025-02-28; a weekend gives the Friday before.
 */
export function stateComplaintLastDay(violationDate: IsoDate): IsoDate {
  return weekdayOnOrBefore(addYears(violationDate, 1));
}

/**
 * Last day to file a due process complaint: 2 years from when the parent knew or should have known
 * (34 CFR 300.507(a)(2), 300.511(e)-(f); a state may set its own limit, which RULES.md does not record).
 */
export function dueProcessLastDay(knewDate: IsoDate): IsoDate {
  return weekdayOnOrBefore(addYears(knewDate, 2));
}

/** Number of days for an OCR complaint after the last act (RULES.md, "Section 504 plans"). */
export const OCR_COMPLAINT_DAYS = 180;

/** Number of days for an OCR complaint after a district grievance ends, if one was used. */
export const OCR_AFTER_GRIEVANCE_DAYS = 60;

/** Last day to file an OCR complaint about an act on `lastActDate`: 180 calendar days. */
export function ocrComplaintLastDay(lastActDate: IsoDate): IsoDate {
  return weekdayOnOrBefore(addDays(lastActDate, OCR_COMPLAINT_DAYS));
}

/** Last day to file an OCR complaint when a district grievance was used: 60 days after it ends. */
export function ocrAfterGrievanceLastDay(grievanceEndDate: IsoDate): IsoDate {
  return weekdayOnOrBefore(addDays(grievanceEndDate, OCR_AFTER_GRIEVANCE_DAYS));
}

/**
 * The date a timeline falls due when its clock starts on `start`. Family deadlines on a weekend move to the
 * Friday before (see the top of this file). Null when a school-day count runs past the loaded calendar.
 */
export function timelineDueDate(
  count: TimelineCount,
  start: IsoDate,
  calendar: DeadlineCalendar,
  owner: TimelineOwner,
): IsoDate | null {
  const due = countFrom(count.unit, count.amount, start, calendar);
  if (due == null) return null;
  return owner === 'family' ? weekdayOnOrBefore(due) : due;
}

function countFrom(
  unit: CountUnit,
  amount: number,
  start: IsoDate,
  calendar: DeadlineCalendar,
): IsoDate | null {
  switch (unit) {
    case 'calendar_days':
      return addCalendarDays(start, amount);
    case 'school_days':
      return addSchoolDays(start, amount, calendar.isSchoolDay);
    case 'business_days':
      return addBusinessDays(start, amount);
    case 'calendar_days_outside_long_vacations':
      return addDaysOutsideLongVacations(start, amount, calendar.inLongVacation);
    case 'years':
      return addYears(start, amount);
  }
}
