// School dates are plain calendar dates (`YYYY-MM-DD`): a school day has no time zone.
// Internally we count whole days since 1970-01-01 ("day numbers"), which makes the ledger's
// arithmetic integer-only and fast. Nothing here reads the clock.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `text` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day number (days since 1970-01-01) of an ISO date. Throws on malformed input. */
export function toDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return isoWeekdayOfDay(toDayNumber(date));
}

export function isoWeekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday that starts the Monday-to-Sunday week containing `date`. */
export function weekStart(date: IsoDate): IsoDate {
  return fromDayNumber(weekStartDay(toDayNumber(date)));
}

export function weekStartDay(day: number): number {
  return day - (isoWeekdayOfDay(day) - 1);
}

/** First day of the calendar month containing `date`. */
export function monthStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

export function monthEnd(date: IsoDate): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return `${date.slice(0, 7)}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** Inclusive range test; a null bound is open. */
export function isWithin(
  date: IsoDate,
  from: IsoDate | null | undefined,
  to: IsoDate | null | undefined,
): boolean {
  return (from == null || date >= from) && (to == null || date <= to);
}

/** Number of days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

// ---------------------------------------------------------------------------------------------
// Counting days on a calendar: the one school-day counter, business days and years. The calendar comes
// in as a predicate (the case record's `isSchoolDay`, `isBusinessDay`, `inLongVacation`); which count a
// timeline uses is src/domain/deadlines.ts's business.
//
// Counting convention (product choice, the usual legal reading): the day that starts the clock is day 0,
// so "N days after the request" is the Nth day after it. A request on Monday with a 5-business-day
// timeline is due the next Monday.

/**
 * How far the counters look before giving up: two years is far longer than any timeline (45 school days
 * is about nine weeks), so running out means the calendar has no school days loaded.
 */
export const MAX_SCAN_DAYS = 2 * 366;

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return addDays(date, days);
}

/**
 * The Nth school day after `date` (`date` itself is day 0, school day or not). Zero returns `date`.
 * Null when the calendar has fewer than N school days in the next MAX_SCAN_DAYS days (no calendar loaded).
 * The one school-day counter: the reply clock, the advisor and the letters all count with it.
 */
export function addSchoolDays(
  date: IsoDate,
  schoolDays: number,
  isSchoolDay: (date: IsoDate) => boolean,
): IsoDate | null {
  assertCount(schoolDays);
  return addCountedDays(date, schoolDays, isSchoolDay);
}

/** Monday to Friday. */
export function isWeekday(date: IsoDate): boolean {
  return isoWeekday(date) <= 5;
}

export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

/**
 * The Nth business day after `date`: Monday to Friday, and, with `isBusinessDay`, not a holiday or a
 * break of the school calendar. Zero returns `date`. Null only when no business day is found.
 */
export function addBusinessDays(
  date: IsoDate,
  businessDays: number,
  isBusinessDay: (date: IsoDate) => boolean = isWeekday,
): IsoDate | null {
  assertCount(businessDays);
  return addCountedDays(date, businessDays, (d) => isWeekday(d) && isBusinessDay(d));
}

/**
 * California's count (Ed. Code 56343.5): the Nth calendar day after `date`, not counting days between
 * the pupil's regular school sessions or terms, nor days of a school vacation of more than five school
 * days. Which days those are is the calendar's answer (`inLongVacation`): the summer and a two-week winter
 * break pause the count, a three-day weekend does not. Null when the count runs past the loaded calendars
 * (the summer has no known end until next year's calendar is loaded).
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

/** The same day one year earlier (February 29 falls back to February 28): a look-back of one year. */
export function oneYearBefore(date: IsoDate): IsoDate {
  return addYears(date, -1);
}

// ---------------------------------------------------------------------------------------------
// Dates in words: the one formatter for every date the app writes, in letters, the advisor, reports,
// server messages and the web screens. A school date is read as written (time zone UTC), so it never
// moves a day whatever the machine's zone, and in the Gregorian calendar its record is written in.
// What goes to the school or into the record is written in RECORD_LOCALE, the same words on every
// machine; the web passes `undefined`, the reader's own locale.

/** The locale of every text that goes to the school or into the record: letters, reports, the advisor, server messages. */
export const RECORD_LOCALE = 'en-US';

/** A locale to write a date in; `undefined` is the reader's own (the browser's). */
export type DateLocale = string | undefined;

const DATE_STYLES = {
  /** "Tuesday, September 8" */
  weekdayLong: { weekday: 'long', month: 'long', day: 'numeric' },
  /** "Tuesday, September 8, 2026" */
  weekdayLongYear: { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' },
  /** "Tue, Sep 8" */
  weekdayShort: { weekday: 'short', month: 'short', day: 'numeric' },
  /** "Tue, Sep 8, 2026" */
  weekdayShortYear: { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' },
  /** "Sep 8" */
  monthDay: { month: 'short', day: 'numeric' },
  /** "Sep 8, 2026" */
  monthDayYear: { month: 'short', day: 'numeric', year: 'numeric' },
  /** "September 8" */
  longMonthDay: { month: 'long', day: 'numeric' },
  /** "September 2026" */
  monthYear: { month: 'long', year: 'numeric' },
  /** "September" */
  month: { month: 'long' },
  /** "Sep" */
  monthShort: { month: 'short' },
  /** "Tuesday" */
  weekday: { weekday: 'long' },
  /** "Tue" */
  weekdayAbbr: { weekday: 'short' },
  /** "T" */
  weekdayNarrow: { weekday: 'narrow' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof DATE_STYLES;

// Building a formatter costs far more than using one: one per locale and style, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
const yearDigits = new Map<string, Intl.NumberFormat>();

function formatterFor(style: DateStyle, locale: DateLocale): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      ...DATE_STYLES[style],
      timeZone: 'UTC',
      calendar: 'gregory',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A year as written in the record, four digits ("0999"), in the locale's digits. */
function yearWords(year: number, locale: DateLocale): string {
  const key = locale ?? '';
  let digits = yearDigits.get(key);
  if (!digits) {
    digits = new Intl.NumberFormat(locale, { useGrouping: false, minimumIntegerDigits: 4 });
    yearDigits.set(key, digits);
  }
  return digits.format(year);
}

/**
 * A school date in words, in one of the DATE_STYLES: `formatSchoolDate('2026-09-08', 'weekdayLong',
 * RECORD_LOCALE)` is "Tuesday, September 8". `locale` is RECORD_LOCALE for what goes to the school or
 * into the record, `undefined` for the reader's own. Throws on a malformed date.
 */
export function formatSchoolDate(date: IsoDate, style: DateStyle, locale: DateLocale): string {
  const day = toDayNumber(date); // throws on a malformed date
  const year = Number(date.slice(0, 4));
  const at = new Date(day * MS_PER_DAY);
  const formatter = formatterFor(style, locale);
  // Intl writes years before 1000 without their leading zeros, and the year 0 as 1 (1 BC): write the
  // record's own year instead.
  if (year >= 1000 || !('year' in DATE_STYLES[style])) return formatter.format(at);
  return formatter
    .formatToParts(at)
    .map((part) => (part.type === 'year' ? yearWords(year, locale) : part.value))
    .join('');
}

/** A school date in the record's words (RECORD_LOCALE): what goes to the school or into the record. */
export function formatRecordDate(date: IsoDate, style: DateStyle): string {
  return formatSchoolDate(date, style, RECORD_LOCALE);
}

/** "Tuesday, October 6", or "Tuesday, October 6, 2026" with the year, in the record's words. */
export function formatLongDate(date: IsoDate, withYear = false): string {
  return formatRecordDate(date, withYear ? 'weekdayLongYear' : 'weekdayLong');
}

/** "Tue, Sep 15", in the record's words. */
export function formatShortDate(date: IsoDate): string {
  return formatRecordDate(date, 'weekdayShort');
}

/** The name of month 1 to 12: "September" (long) or "Sep" (short). */
export function monthName(month: number, locale: DateLocale, width: 'long' | 'short' = 'long'): string {
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`not a month (1 to 12): ${month}`);
  return formatSchoolDate(
    `2001-${String(month).padStart(2, '0')}-01`,
    width === 'long' ? 'month' : 'monthShort',
    locale,
  );
}

/** The name of ISO weekday 1 (Monday) to 7 (Sunday): "Tuesday", "Tue" or "T". */
export function weekdayName(
  isoDay: number,
  locale: DateLocale,
  width: 'long' | 'short' | 'narrow' = 'long',
): string {
  if (!Number.isInteger(isoDay) || isoDay < 1 || isoDay > 7)
    throw new RangeError(`not a weekday (1 to 7): ${isoDay}`);
  // January 1, 2001 was a Monday.
  const style = width === 'long' ? 'weekday' : width === 'short' ? 'weekdayAbbr' : 'weekdayNarrow';
  return formatSchoolDate(`2001-01-0${isoDay}`, style, locale);
}
