// The school calendar as the ledger needs it: which days are instructional, how cycle days are
// numbered, and which closures fall in a range. Built once per set of calendars and shared across
// services; every lookup is an array read keyed by day number (days since 1970-01-01), so the hot
// loops never parse or build date strings. Rules in plain words: ../../docs/ledger-rules.md.

import { fromDayNumber, type IsoDate, isoWeekdayOfDay, toDayNumber } from './dates.ts';
import type { CalendarDayKind, SchoolCalendar } from './school-calendar-model.ts';

// ---------------------------------------------------------------------------------------------
// Fast date helpers (exported for the ledger; integer-only, no Date objects in the hot path).

/** Day number of the civil date y-m-d (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1-12) and day of a day number. */
export function civilFromDay(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/**
 * Day number of a `YYYY-MM-DD` date, without a regular expression or a Date object.
 * Same result as `toDayNumber`; throws (through it) on malformed input.
 */
export function dayOf(date: IsoDate): number {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y0 = date.charCodeAt(0) - 48;
    const y1 = date.charCodeAt(1) - 48;
    const y2 = date.charCodeAt(2) - 48;
    const y3 = date.charCodeAt(3) - 48;
    const m0 = date.charCodeAt(5) - 48;
    const m1 = date.charCodeAt(6) - 48;
    const d0 = date.charCodeAt(8) - 48;
    const d1 = date.charCodeAt(9) - 48;
    // Every one a digit (0-9): c | (9 - c) is negative exactly when c is not. One test for all eight,
    // as a ledger reads a date per entry (a test per character was a tenth of the in-memory ledger).
    const digits =
      y0 | (9 - y0) | y1 | (9 - y1) | y2 | (9 - y2) | y3 | (9 - y3) | m0 | (9 - m0) | m1 | (9 - m1);
    if ((digits | d0 | (9 - d0) | d1 | (9 - d1)) >= 0) {
      const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
      const m = m0 * 10 + m1;
      const d = d0 * 10 + d1;
      if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
        // A day number is its month's first plus the day, less one (days_from_civil is linear in the day).
        const month = (y - MONTH_TABLE_FIRST_YEAR) * 12 + m - 1;
        return month >= 0 && month < MONTH_START.length ? MONTH_START[month]! + d - 1 : dayFromCivil(y, m, d);
      }
    }
  }
  return toDayNumber(date);
}

/** The day number of the first of each month, 1970-2189: a ledger reads a date per entry. */
const MONTH_TABLE_FIRST_YEAR = 1970;
const MONTH_START = (() => {
  const table = new Int32Array(220 * 12);
  for (let i = 0; i < table.length; i++)
    table[i] = dayFromCivil(MONTH_TABLE_FIRST_YEAR + Math.floor(i / 12), (i % 12) + 1, 1);
  return table;
})();

const ISO_CACHE_SIZE = 80_000; // 1970-01-01 .. 2189
const isoCache: (string | undefined)[] = new Array(ISO_CACHE_SIZE);

/** ISO date of a day number; cached, so repeated calls do not allocate. */
export function isoOfDay(dayNumber: number): IsoDate {
  if (dayNumber >= 0 && dayNumber < ISO_CACHE_SIZE) {
    const hit = isoCache[dayNumber];
    if (hit !== undefined) return hit;
    const [y, m, d] = civilFromDay(dayNumber);
    const text = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    isoCache[dayNumber] = text;
    return text;
  }
  return fromDayNumber(dayNumber);
}

/** Month index (year * 12 + month - 1) of a day number. */
export function monthIndexOfDay(dayNumber: number): number {
  const [y, m] = civilFromDay(dayNumber);
  return y * 12 + m - 1;
}

/** First day number of a month index. */
export function monthIndexStartDay(monthIndex: number): number {
  return dayFromCivil(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1);
}

const MONDAY_ORIGIN = 4; // 1970-01-05 was a Monday

/** Mondays-to-Fridays in [from, to] (day numbers, inclusive), by arithmetic. */
export function countWeekdays(fromDay: number, toDay: number): number {
  if (toDay < fromDay) return 0;
  return weekdaysBefore(toDay + 1) - weekdaysBefore(fromDay);
}

function weekdaysBefore(day: number): number {
  const rel = day - MONDAY_ORIGIN;
  const weeks = Math.floor(rel / 7);
  return weeks * 5 + Math.min(5, rel - weeks * 7);
}

// ---------------------------------------------------------------------------------------------
// The index.

/** Holidays, breaks and closures: days with no school. An early dismissal is still a school day. */
export const NO_SCHOOL_KINDS: readonly CalendarDayKind[] = ['holiday', 'break', 'closure'];

const KIND_BIT: Record<CalendarDayKind, number> = { holiday: 1, break: 2, closure: 4, early_dismissal: 8 };
const NO_SCHOOL_MASK = 1 | 2 | 4;

/** A calendar event found in a range. `text` is a ready-made plain-English line for display. */
export type CalendarEventHit = {
  calendarId: string;
  kind: CalendarDayKind;
  startDate: IsoDate;
  endDate: IsoDate;
  label: string | null;
  /** For example "2026-11-25 to 2026-11-27: Thanksgiving break (break)". */
  text: string;
};

/** One school year as the index judges it (its days, after any overlap with a later calendar). */
export type SchoolYear = {
  /** Position in `CalendarIndex.years`, sorted by first day. */
  index: number;
  calendarId: string;
  firstDay: IsoDate;
  /** The calendar's last day, or the day before a later calendar starts when the two overlap. */
  lastDay: IsoDate;
  firstDayNumber: number;
  lastDayNumber: number;
  instructionalDays: number;
  cycleLength: number | null;
};

/** One term or grading period as the index judges it (within its school year's days). */
export type SchoolTermSpan = {
  /** Position in `CalendarIndex.terms`, sorted by first day. */
  index: number;
  calendarId: string;
  name: string;
  startDate: IsoDate;
  endDate: IsoDate;
  firstDayNumber: number;
  lastDayNumber: number;
  instructionalDays: number;
};

export interface CalendarIndex {
  readonly years: readonly SchoolYear[];
  /** The terms or grading periods of every school year, in order; empty when none were entered. */
  readonly terms: readonly SchoolTermSpan[];
  /** Index into `terms` of the term containing the day, or -1 (no term holds it). */
  termIndexOfDayNumber(day: number): number;
  /** A school weekday between the first and last day that is not a holiday, break or closure. */
  isInstructionalDay(date: IsoDate): boolean;
  isInstructionalDayNumber(day: number): boolean;
  /** The instructional days in [from, to], in order. */
  instructionalDaysBetween(from: IsoDate, to: IsoDate): IsoDate[];
  /** How many instructional days fall in [from, to]. */
  countInstructionalDays(from: IsoDate, to: IsoDate): number;
  countInstructionalDayNumbers(fromDay: number, toDay: number): number;
  /** 1..N for an instructional day of a calendar with a cycle; null otherwise. Closures do not advance it. */
  cycleDayNumber(date: IsoDate): number | null;
  /** 0-based count of completed cycles before this instructional day in its school year; null when cycleDayNumber is. */
  cycleIndex(date: IsoDate): number | null;
  /** The school year whose days contain `date`, or null. */
  schoolYearOf(date: IsoDate): SchoolYear | null;
  /** Index into `years` of the school year containing the day, or -1. */
  yearIndexOfDayNumber(day: number): number;
  /**
   * Group of `size` consecutive instructional days (0-based, counted from the school year's first day)
   * that a day in a school year belongs to; a non-instructional day belongs to the group of the
   * instructional day before it (the first group before any). -1 outside every school year.
   * With size equal to the calendar's cycleLength this is the cycle index.
   */
  groupOfDayNumber(day: number, size: number): number;
  /** First day (day number) of group `group` of `size` instructional days in a year; -1 past the end. */
  groupStartDayNumber(yearIndex: number, group: number, size: number): number;
  /** Holidays, breaks and closures that overlap [from, to]. */
  closuresBetween(from: IsoDate, to: IsoDate): CalendarEventHit[];
  /** Every event (early dismissals too) that overlaps [from, to]. */
  eventsBetween(from: IsoDate, to: IsoDate): CalendarEventHit[];
  /** The display lines of the holidays, breaks and closures overlapping [fromDay, toDay]; may be a shared empty array. */
  closureTextsBetweenDayNumbers(fromDay: number, toDay: number): readonly string[];
  /** The no-school event on a day (holiday, break or closure, from any calendar, also outside its school year), or null. */
  closureOnDayNumber(day: number): CalendarEventHit | null;
  /** Extended school year day: Monday to Friday, not inside a holiday, break or closure event of any calendar. */
  isEsyDayNumber(day: number): boolean;
  countEsyDayNumbers(fromDay: number, toDay: number): number;
}

type EventRec = CalendarEventHit & { startDayNumber: number; endDayNumber: number; bit: number };

const EMPTY_TEXTS: readonly string[] = Object.freeze([]);

class SchoolCalendarIndex implements CalendarIndex {
  readonly years: SchoolYear[] = [];
  readonly terms: SchoolTermSpan[] = [];
  private readonly termOf: Int16Array;
  private readonly base: number;
  private readonly length: number;
  private readonly instr: Uint8Array;
  /** instrPrefix[i] = instructional days in [base, base + i). */
  private readonly instrPrefix: Int32Array;
  private readonly yearOf: Int16Array;
  private readonly eventMask: Uint8Array;
  /** Weekdays (Mon-Fri) with a no-school event, prefix-summed like instrPrefix. */
  private readonly esyOffPrefix: Int32Array;
  /** Any no-school event day, prefix-summed. */
  private readonly closurePrefix: Int32Array;
  private readonly yearInstrDays: Int32Array[] = [];
  private readonly events: EventRec[] = [];

  constructor(calendars: readonly SchoolCalendar[]) {
    const cals = calendars
      .map((c) => ({ c, first: dayOf(c.firstDay), last: dayOf(c.lastDay) }))
      .filter((x) => x.last >= x.first)
      .sort((a, b) => a.first - b.first || a.last - b.last);

    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const { first, last } of cals) {
      if (first < min) min = first;
      if (last > max) max = last;
    }
    // Events may lie outside their school year (a July 4 holiday during ESY); keep them within a year of it.
    const rawEvents: EventRec[] = [];
    for (const { c, first, last } of cals) {
      for (const e of c.events) {
        let s = dayOf(e.startDate);
        let t = e.endDate ? dayOf(e.endDate) : s;
        if (t < s) [s, t] = [t, s];
        s = Math.max(s, first - 400);
        t = Math.min(t, last + 400);
        if (t < s) continue;
        const startDate = isoOfDay(s);
        const endDate = isoOfDay(t);
        const when = s === t ? startDate : `${startDate} to ${endDate}`;
        const kindText = e.kind.replace('_', ' ');
        rawEvents.push({
          calendarId: c.id,
          kind: e.kind,
          startDate,
          endDate,
          label: e.label ?? null,
          text: e.label ? `${when}: ${e.label} (${kindText})` : `${when}: ${kindText}`,
          startDayNumber: s,
          endDayNumber: t,
          bit: KIND_BIT[e.kind],
        });
        if (s < min) min = s;
        if (t > max) max = t;
      }
    }
    rawEvents.sort((a, b) => a.startDayNumber - b.startDayNumber || a.endDayNumber - b.endDayNumber);
    this.events = rawEvents;

    if (!Number.isFinite(min)) {
      min = 0;
      max = -1;
    }
    this.base = min;
    this.length = max - min + 1;
    const n = this.length;
    this.instr = new Uint8Array(n);
    this.yearOf = new Int16Array(n).fill(-1);
    this.termOf = new Int16Array(n).fill(-1);
    this.eventMask = new Uint8Array(n);
    for (const e of rawEvents) {
      for (let d = e.startDayNumber; d <= e.endDayNumber; d++) this.eventMask[d - min]! |= e.bit;
    }

    // A later calendar takes over from its first day when two overlap.
    for (let k = 0; k < cals.length; k++) {
      const { c, first } = cals[k]!;
      let last = cals[k]!.last;
      const next = cals[k + 1];
      if (next && next.first <= last) last = next.first - 1;
      if (last < first) continue;
      const index = this.years.length;
      const weekdays = new Uint8Array(8);
      for (const w of c.schoolWeekdays) if (w >= 1 && w <= 7) weekdays[w] = 1;
      // This calendar's own no-school events decide its days.
      const off = new Uint8Array(last - first + 1);
      for (const e of c.events) {
        if (!NO_SCHOOL_KINDS.includes(e.kind)) continue;
        let s = dayOf(e.startDate);
        let t = e.endDate ? dayOf(e.endDate) : s;
        if (t < s) [s, t] = [t, s];
        for (let d = Math.max(s, first); d <= Math.min(t, last); d++) off[d - first] = 1;
      }
      const days: number[] = [];
      for (let d = first; d <= last; d++) {
        this.yearOf[d - min] = index;
        if (weekdays[isoWeekdayOfDay(d)] && !off[d - first]) {
          this.instr[d - min] = 1;
          days.push(d);
        }
      }
      this.yearInstrDays.push(Int32Array.from(days));
      // Its terms, within the days this calendar decides; an overlapping term (which input refuses) is left out.
      const terms = (c.terms ?? [])
        .map((t) => ({ t, s: Math.max(dayOf(t.startDate), first), e: Math.min(dayOf(t.endDate), last) }))
        .filter((x) => x.e >= x.s)
        .sort((a, b) => a.s - b.s);
      let lastTermDay = Number.NEGATIVE_INFINITY;
      for (const { t, s: ts, e: te } of terms) {
        if (ts <= lastTermDay) continue;
        lastTermDay = te;
        const termIndex = this.terms.length;
        let instructional = 0;
        for (let d = ts; d <= te; d++) {
          this.termOf[d - min] = termIndex;
          instructional += this.instr[d - min]!;
        }
        this.terms.push({
          index: termIndex,
          calendarId: c.id,
          name: t.name,
          startDate: isoOfDay(ts),
          endDate: isoOfDay(te),
          firstDayNumber: ts,
          lastDayNumber: te,
          instructionalDays: instructional,
        });
      }
      this.years.push({
        index,
        calendarId: c.id,
        firstDay: isoOfDay(first),
        lastDay: isoOfDay(last),
        firstDayNumber: first,
        lastDayNumber: last,
        instructionalDays: days.length,
        cycleLength: c.cycleLength ?? null,
      });
    }

    this.instrPrefix = new Int32Array(n + 1);
    this.esyOffPrefix = new Int32Array(n + 1);
    this.closurePrefix = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const noSchool = (this.eventMask[i]! & NO_SCHOOL_MASK) !== 0;
      this.instrPrefix[i + 1] = this.instrPrefix[i]! + this.instr[i]!;
      this.closurePrefix[i + 1] = this.closurePrefix[i]! + (noSchool ? 1 : 0);
      this.esyOffPrefix[i + 1] = this.esyOffPrefix[i]! + (noSchool && isoWeekdayOfDay(min + i) <= 5 ? 1 : 0);
    }
  }

  termIndexOfDayNumber(day: number): number {
    const i = day - this.base;
    return i >= 0 && i < this.length ? this.termOf[i]! : -1;
  }

  private clampIndex(day: number): number {
    const i = day - this.base;
    return i < 0 ? 0 : Math.min(i, this.length);
  }

  isInstructionalDay(date: IsoDate): boolean {
    return this.isInstructionalDayNumber(dayOf(date));
  }

  isInstructionalDayNumber(day: number): boolean {
    const i = day - this.base;
    return i >= 0 && i < this.length && this.instr[i] === 1;
  }

  instructionalDaysBetween(from: IsoDate, to: IsoDate): IsoDate[] {
    const out: IsoDate[] = [];
    const a = Math.max(dayOf(from), this.base);
    const b = Math.min(dayOf(to), this.base + this.length - 1);
    for (let d = a; d <= b; d++) if (this.instr[d - this.base] === 1) out.push(isoOfDay(d));
    return out;
  }

  countInstructionalDays(from: IsoDate, to: IsoDate): number {
    return this.countInstructionalDayNumbers(dayOf(from), dayOf(to));
  }

  countInstructionalDayNumbers(fromDay: number, toDay: number): number {
    if (toDay < fromDay) return 0;
    return this.instrPrefix[this.clampIndex(toDay + 1)]! - this.instrPrefix[this.clampIndex(fromDay)]!;
  }

  private ordinal(day: number, year: SchoolYear): number {
    return this.instrPrefix[day - this.base]! - this.instrPrefix[year.firstDayNumber - this.base]!;
  }

  cycleDayNumber(date: IsoDate): number | null {
    const day = dayOf(date);
    if (!this.isInstructionalDayNumber(day)) return null;
    const year = this.years[this.yearOf[day - this.base]!]!;
    if (year.cycleLength == null) return null;
    return (this.ordinal(day, year) % year.cycleLength) + 1;
  }

  cycleIndex(date: IsoDate): number | null {
    const day = dayOf(date);
    if (!this.isInstructionalDayNumber(day)) return null;
    const year = this.years[this.yearOf[day - this.base]!]!;
    if (year.cycleLength == null) return null;
    return Math.floor(this.ordinal(day, year) / year.cycleLength);
  }

  schoolYearOf(date: IsoDate): SchoolYear | null {
    const y = this.yearIndexOfDayNumber(dayOf(date));
    return y < 0 ? null : this.years[y]!;
  }

  yearIndexOfDayNumber(day: number): number {
    const i = day - this.base;
    return i >= 0 && i < this.length ? this.yearOf[i]! : -1;
  }

  groupOfDayNumber(day: number, size: number): number {
    const y = this.yearIndexOfDayNumber(day);
    if (y < 0) return -1;
    const through =
      this.instrPrefix[day - this.base + 1]! - this.instrPrefix[this.years[y]!.firstDayNumber - this.base]!;
    return through <= 0 ? 0 : Math.floor((through - 1) / size);
  }

  groupStartDayNumber(yearIndex: number, group: number, size: number): number {
    const year = this.years[yearIndex];
    if (!year) return -1;
    if (group === 0) return year.firstDayNumber;
    const days = this.yearInstrDays[yearIndex]!;
    const k = group * size;
    return k < days.length ? days[k]! : -1;
  }

  private hits(from: IsoDate, to: IsoDate, mask: number): CalendarEventHit[] {
    const a = dayOf(from);
    const b = dayOf(to);
    const out: CalendarEventHit[] = [];
    for (const e of this.events) {
      if (e.startDayNumber > b) break;
      if (e.endDayNumber >= a && (e.bit & mask) !== 0) out.push(publicHit(e));
    }
    return out;
  }

  closuresBetween(from: IsoDate, to: IsoDate): CalendarEventHit[] {
    return this.hits(from, to, NO_SCHOOL_MASK);
  }

  eventsBetween(from: IsoDate, to: IsoDate): CalendarEventHit[] {
    return this.hits(from, to, 0xff);
  }

  closureTextsBetweenDayNumbers(fromDay: number, toDay: number): readonly string[] {
    if (toDay < fromDay) return EMPTY_TEXTS;
    if (
      this.closurePrefix[this.clampIndex(toDay + 1)]! - this.closurePrefix[this.clampIndex(fromDay)]! ===
      0
    ) {
      return EMPTY_TEXTS;
    }
    const out: string[] = [];
    for (const e of this.events) {
      if (e.startDayNumber > toDay) break;
      if (e.endDayNumber >= fromDay && (e.bit & NO_SCHOOL_MASK) !== 0) out.push(e.text);
    }
    return out;
  }

  closureOnDayNumber(day: number): CalendarEventHit | null {
    const i = day - this.base;
    if (i < 0 || i >= this.length || (this.eventMask[i]! & NO_SCHOOL_MASK) === 0) return null;
    for (const e of this.events) {
      if (e.startDayNumber > day) break;
      if (e.endDayNumber >= day && (e.bit & NO_SCHOOL_MASK) !== 0) return publicHit(e);
    }
    return null;
  }

  isEsyDayNumber(day: number): boolean {
    if (isoWeekdayOfDay(day) > 5) return false;
    const i = day - this.base;
    return !(i >= 0 && i < this.length && (this.eventMask[i]! & NO_SCHOOL_MASK) !== 0);
  }

  countEsyDayNumbers(fromDay: number, toDay: number): number {
    if (toDay < fromDay) return 0;
    const off = this.esyOffPrefix[this.clampIndex(toDay + 1)]! - this.esyOffPrefix[this.clampIndex(fromDay)]!;
    return countWeekdays(fromDay, toDay) - off;
  }
}

function publicHit(e: EventRec): CalendarEventHit {
  return {
    calendarId: e.calendarId,
    kind: e.kind,
    startDate: e.startDate,
    endDate: e.endDate,
    label: e.label,
    text: e.text,
  };
}

/**
 * Index a child's school calendars (one per school year). A date is judged by the calendar whose
 * [firstDay, lastDay] contains it; when two overlap, the later one takes over from its first day.
 * A date in no calendar is not instructional.
 */
export function buildCalendarIndex(calendars: readonly SchoolCalendar[]): CalendarIndex {
  return new SchoolCalendarIndex(calendars);
}
