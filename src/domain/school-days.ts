// Dates entered on a day with no school. A session, an accommodation observation or a behavior
// incident dated on a weekend, a holiday, a break or a closure is most often a typo (the wrong week,
// the wrong month) and would then count in the wrong period; so the person recording it is asked
// "Are you sure?" and must confirm. The same rule serves the server (API, staff links, check-ins),
// the web forms (shown before saving) and the migration that marks older records. Pure: no clock,
// no I/O; the school calendar is passed in (buildCalendarIndex). Rules: docs/ledger-rules.md,
// "Dates on days with no school".

import { addDays, formatLongDate, formatRecordDate, type IsoDate, isoWeekday } from './dates.ts';
import { type CalendarEventHit, type CalendarIndex, dayOf } from './school-calendar.ts';
import type { CalendarDayKind } from './school-calendar-model.ts';

export type NonSchoolDayKind =
  | 'holiday'
  | 'break'
  | 'closure'
  | 'weekend'
  | 'no_school_weekday'
  | 'outside_school_year';

/** Why a date has no school. */
export type NonSchoolDay = {
  kind: NonSchoolDayKind;
  /** Words that follow "Thursday, November 26 is": "Thanksgiving break", "a weekend day". */
  reason: string;
  /** A name for the day on its own: "Thanksgiving break", "Saturday", "No school". */
  name: string;
  /** The holiday, break or closure, when the calendar names one. */
  event: CalendarEventHit | null;
};

/**
 * Why there is no school on `date`, or null on a school day. An early dismissal is a school day. A
 * child with no school calendar has nothing to judge by: every date is accepted (null).
 */
export function nonSchoolDay(calendar: CalendarIndex, date: IsoDate): NonSchoolDay | null {
  if (calendar.years.length === 0) return null;
  const day = dayOf(date);
  if (calendar.isInstructionalDayNumber(day)) return null;
  const event = calendar.closureOnDayNumber(day);
  if (event) {
    const label = event.label?.trim() || null;
    if (event.kind === 'holiday')
      return {
        kind: 'holiday',
        reason: label ? `a holiday: ${label}` : 'a holiday',
        name: label ?? 'Holiday',
        event,
      };
    if (event.kind === 'break')
      return { kind: 'break', reason: label ?? 'a school break', name: label ?? 'School break', event };
    return {
      kind: 'closure',
      reason: label ? `a school closure: ${label}` : 'a day the school was closed',
      name: label ?? 'School closed',
      event,
    };
  }
  const year = calendar.schoolYearOf(date);
  const weekday = isoWeekday(date);
  const dayName = formatRecordDate(date, 'weekday');
  if (!year) {
    const name = weekday >= 6 ? dayName : 'No school';
    return { kind: 'outside_school_year', reason: 'outside the school year', name, event: null };
  }
  if (weekday >= 6) return { kind: 'weekend', reason: 'a weekend day', name: dayName, event: null };
  return {
    kind: 'no_school_weekday',
    reason: `a ${dayName}, when school does not meet`,
    name: dayName,
    event: null,
  };
}

/** "Are you sure? Thursday, November 26 is Thanksgiving break." */
export function nonSchoolDayQuestion(date: IsoDate, day: NonSchoolDay): string {
  return `Are you sure? ${formatLongDate(date)} is ${day.reason}.`;
}

/** What is being dated: the rule differs for a make-up, an ESY session and a miss because school was closed. */
export type DatedRecord =
  | {
      kind: 'session';
      /** delivered, short or missed (a void is a correction and dated like the entry it voids). */
      status: string;
      reason: string | null;
      /** The service's extended-school-year blocks. */
      esyBlocks: readonly { startDate: string; endDate: string }[];
    }
  | { kind: 'makeup' }
  | { kind: 'observation' }
  | { kind: 'incident' };

export type DateCheck = {
  day: NonSchoolDay;
  /** True when the record is refused unless the person recording it confirms the date. */
  needsConfirmation: boolean;
  /** The words to show: "Are you sure? Thursday, November 26 is Thanksgiving break." */
  question: string;
};

/** An extended-school-year day of the service: inside one of its ESY blocks, Monday to Friday, not a holiday. */
export function isEsyDayOf(
  calendar: CalendarIndex,
  date: IsoDate,
  esyBlocks: readonly { startDate: string; endDate: string }[],
): boolean {
  return (
    esyBlocks.some((b) => date >= b.startDate && date <= b.endDate) && calendar.isEsyDayNumber(dayOf(date))
  );
}

/**
 * The rule for a date entered on a record (docs/ledger-rules.md). Null when there is nothing to say:
 * a school day; an extended-school-year day of the session's service; a session missed because
 * school was closed, dated on a closure. A make-up may be given on any day: it is shown the warning
 * but needs no confirmation. Anything else on a day with no school needs the confirmation.
 */
export function checkRecordDate(
  calendar: CalendarIndex,
  date: IsoDate,
  record: DatedRecord,
): DateCheck | null {
  const day = nonSchoolDay(calendar, date);
  if (!day) return null;
  if (record.kind === 'session') {
    if (isEsyDayOf(calendar, date, record.esyBlocks)) return null;
    if (record.status === 'missed' && record.reason === 'school_closed' && day.kind === 'closure')
      return null;
  }
  return { day, needsConfirmation: record.kind !== 'makeup', question: nonSchoolDayQuestion(date, day) };
}

/** The last school day on or before `date` (within a year and a half), or null. */
export function lastSchoolDay(calendar: CalendarIndex, date: IsoDate): IsoDate | null {
  if (calendar.years.length === 0) return null;
  let day = dayOf(date);
  const first = calendar.years[0]!.firstDayNumber;
  for (let i = 0; i < 550 && day >= first; i++, day--) {
    if (calendar.isInstructionalDayNumber(day)) return addDays(date, -i);
  }
  return null;
}

/**
 * The date a new record's form starts with. On a school day (or an ESY day of the service), today;
 * otherwise the last school day, with a note that says so: "Saturday: showing Friday, December 4,
 * the last school day".
 */
export function defaultRecordDate(
  calendar: CalendarIndex,
  today: IsoDate,
  esyBlocks: readonly { startDate: string; endDate: string }[] = [],
): { date: IsoDate; note: string | null } {
  const day = nonSchoolDay(calendar, today);
  if (!day || isEsyDayOf(calendar, today, esyBlocks)) return { date: today, note: null };
  // The last school day, or the last extended-school-year day of the service if that is later.
  let last: IsoDate | null = null;
  const first = calendar.years[0]!.firstDayNumber;
  for (let i = 1, d = dayOf(today) - 1; i <= 550 && d >= first; i++, d--) {
    const date = addDays(today, -i);
    if (calendar.isInstructionalDayNumber(d) || isEsyDayOf(calendar, date, esyBlocks)) {
      last = date;
      break;
    }
  }
  if (!last) return { date: today, note: null };
  const what = isEsyDayOf(calendar, last, esyBlocks)
    ? 'the last extended school year day'
    : 'the last school day';
  return { date: last, note: `${day.name}: showing ${formatLongDate(last)}, ${what}` };
}

/** What each kind of calendar day is called, in the calendar page's legend and lists. */
export const CALENDAR_DAY_LABELS = {
  holiday: 'Holiday',
  break: 'Break',
  closure: 'School closed',
  early_dismissal: 'Early dismissal',
} as const satisfies Record<CalendarDayKind, string>;

/** A word on each kind, for the form that adds one. */
export const CALENDAR_DAY_HELP = {
  holiday: 'A day off on the school calendar (Labor Day).',
  break: 'Several days off in a row (Thanksgiving break, winter break).',
  closure: 'School closed unexpectedly (a snow day, a power cut).',
  early_dismissal: 'A school day that ends early; still a school day.',
} as const satisfies Record<CalendarDayKind, string>;
