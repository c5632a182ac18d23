// Deadline arithmetic for the timelines in src/domain/jurisdictions.ts. Pure: dates are plain
// `YYYY-MM-DD` school dates, the school calendar comes in as predicates from the case record, and
// nothing reads the clock.
//
// Business days (product choice): Monday to Friday, not counting the school calendar's holidays and
// breaks. As Written cannot know which days a district office is open; leaving out every day the school
// calendar marks as a holiday or break can only make a school's deadline later, so a parent never calls a
// reply late too early.
//
// Counting (day 0 is the day that starts the clock) is src/domain/dates.ts's: the one school-day counter,
// business days, years.
//
// Weekends (product choice): a deadline the family must meet (a complaint window) that falls on a Saturday
// or Sunday is shown on the Friday before. Some offices would accept the next business day, but not every
// rule says so, and filing a day early never hurts. Deadlines the school or an agency must meet are shown
// as counted, even on a weekend: that is the last day they have.

import {
  addBusinessDays,
  addCalendarDays,
  addDays,
  addDaysOutsideLongVacations,
  addSchoolDays,
  addYears,
  type IsoDate,
  isoWeekday,
  isoWeekdayOfDay,
  isWeekday,
} from './dates.ts';
import {
  type CountUnit,
  type JurisdictionProfile,
  type Timeline,
  type TimelineCount,
  type TimelineId,
  type TimelineOwner,
  timelineOf,
} from './jurisdictions.ts';
import { buildCalendarIndex, dayOf } from './school-calendar.ts';
import type { SchoolCalendar } from './school-calendar-model.ts';

/** How each count reads in a sentence ("30 days, not counting ..."): the advisor and the letters share it. */
export const COUNT_UNIT_WORDS: Readonly<Record<CountUnit, string>> = {
  calendar_days: 'days',
  school_days: 'school days',
  school_days_present: 'school days, not counting days your child was absent from school',
  business_days: 'business days',
  calendar_days_outside_long_vacations:
    'days, not counting days between school sessions or school vacations of more than five school days',
  years: 'years',
};

/** "30 days", "10 school days, not counting ...", "1 year". */
export function countWords(count: TimelineCount): string {
  const unit = count.amount === 1 && count.unit === 'years' ? 'year' : COUNT_UNIT_WORDS[count.unit];
  return `${count.amount} ${unit}`;
}

/** The deadline calendar a case record answers (its school days, vacations, business days, absences). */
export function caseCalendar(record: {
  isSchoolDay: (date: IsoDate) => boolean;
  inLongVacation: (date: IsoDate) => boolean;
  isBusinessDay?: (date: IsoDate) => boolean;
  absentDays?: readonly IsoDate[];
}): DeadlineCalendar {
  const absent = new Set(record.absentDays ?? []);
  return {
    isSchoolDay: record.isSchoolDay,
    inLongVacation: record.inLongVacation,
    ...(record.isBusinessDay ? { isBusinessDay: record.isBusinessDay } : {}),
    isAbsent: (date) => absent.has(date),
  };
}

/**
 * The calendar questions the case record answers (CaseRecord.isSchoolDay, .inLongVacation,
 * .isBusinessDay, .absentDays). Without `isBusinessDay` business days are Monday to Friday; without
 * `isAbsent` no day is an absence.
 */
export type DeadlineCalendar = {
  isSchoolDay: (date: IsoDate) => boolean;
  inLongVacation: (date: IsoDate) => boolean;
  isBusinessDay?: (date: IsoDate) => boolean;
  isAbsent?: (date: IsoDate) => boolean;
};

/**
 * The reply clock (the household's "reply expected by"): `schoolDays` school days after `date`, or, when
 * the calendar holds no school days that far ahead, the same number of weekdays (product choice: a date
 * to show beats none, and a loaded calendar gives the exact one).
 */
export function replyDueDate(
  date: IsoDate,
  schoolDays: number,
  isSchoolDay: (date: IsoDate) => boolean,
): IsoDate {
  return addSchoolDays(date, schoolDays, isSchoolDay) ?? addBusinessDays(date, schoolDays)!;
}

/** The date itself on a weekday; the Friday before on a Saturday or Sunday. */
export function weekdayOnOrBefore(date: IsoDate): IsoDate {
  const weekday = isoWeekday(date);
  return weekday >= 6 ? addDays(date, -(weekday - 5)) : date;
}

/**
 * The date a timeline falls due when its clock starts on `start`. Family deadlines on a weekend move to the
 * Friday before (see the top of this file). Null when a count runs past the loaded calendar.
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

/**
 * The one deadline function: a profile's timeline counted from `start`, with the count, unit and owner the
 * profile sets (src/domain/jurisdictions.ts) and nothing else. The advisor, the letters and the reminders all
 * read their dates from it. Null when the profile has no such timeline, sets no number for it, or the count
 * runs past the loaded calendar.
 */
export function deadlineOf(
  profile: JurisdictionProfile,
  id: TimelineId,
  start: IsoDate,
  calendar: DeadlineCalendar,
): { date: IsoDate; timeline: Timeline & { count: TimelineCount } } | null {
  const timeline = timelineOf(profile, id);
  if (!timeline?.count) return null;
  const date = timelineDueDate(timeline.count, start, calendar, timeline.owner);
  return date ? { date, timeline: timeline as Timeline & { count: TimelineCount } } : null;
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
    case 'school_days_present': {
      // Illinois (23 Ill. Adm. Code 226.220): a day the child was absent from school is not a school day.
      const absent = calendar.isAbsent ?? (() => false);
      return addSchoolDays(start, amount, (d) => calendar.isSchoolDay(d) && !absent(d));
    }
    case 'business_days':
      return addBusinessDays(start, amount, calendar.isBusinessDay ?? isWeekday);
    case 'calendar_days_outside_long_vacations':
      return addDaysOutsideLongVacations(start, amount, calendar.inLongVacation);
    case 'years':
      return addYears(start, amount);
  }
}

/**
 * The calendar answers deadlines need beyond "is it a school day", from the child's school calendars:
 * - `inLongVacation` (California, Ed. Code 56343.5): a day outside every loaded school year (between
 *   regular sessions: the summer, and any time no calendar covers), or in a run of days with no school
 *   holding more than five weekdays (a two-week winter break; a three-day weekend is not one);
 * - `isBusinessDay`: Monday to Friday, not inside a holiday or a break of any calendar.
 * Without any calendar, no day is a vacation and every weekday is a business day.
 */
export function calendarDeadlineDays(calendars: readonly SchoolCalendar[]): {
  inLongVacation: (date: IsoDate) => boolean;
  isBusinessDay: (date: IsoDate) => boolean;
} {
  if (calendars.length === 0) return { inLongVacation: () => false, isBusinessDay: isWeekday };
  const index = buildCalendarIndex([...calendars]);
  // The days of the school years' vacations of more than five weekdays, by day number: worked out on
  // the first question (only California's counts ask), and once.
  let longVacation: Set<number> | undefined;
  const longVacationDays = () => {
    if (longVacation) return longVacation;
    longVacation = new Set<number>();
    for (const year of index.years) {
      let run: number[] = [];
      const close = () => {
        if (run.filter((d) => isoWeekdayOfDay(d) <= 5).length > 5) for (const d of run) longVacation!.add(d);
        run = [];
      };
      for (let d = year.firstDayNumber; d <= year.lastDayNumber; d++) {
        if (index.isInstructionalDayNumber(d)) close();
        else run.push(d);
      }
      close();
    }
    return longVacation;
  };
  return {
    inLongVacation: (date) => index.schoolYearOf(date) == null || longVacationDays().has(dayOf(date)),
    isBusinessDay: (date) => {
      if (!isWeekday(date)) return false;
      const off = index.closureOnDayNumber(dayOf(date));
      return off == null || (off.kind !== 'holiday' && off.kind !== 'break');
    },
  };
}
