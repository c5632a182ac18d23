// Dates on the screen. School dates are plain `YYYY-MM-DD` text (see docs/ARCHITECTURE.md), written in
// words by the one formatter in src/domain/dates.ts, in the reader's own locale (`undefined`), never
// shifted by a time zone. Instants (when something was recorded) are shown in the reader's time zone.
// The words a letter or the record holds are written in the record's locale (formatLongDate) instead.

import { addDays, type DateStyle, formatSchoolDate, isIsoDate, weekdayName } from '../../src/domain/dates.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** Today on this device, as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `YYYY-MM-DD` shifted by whole days; text that is not a date comes back as it is. */
export function addDaysIso(iso: string, days: number): string {
  return isIsoDate(iso) ? addDays(iso, days) : iso;
}

/**
 * A school date in the reader's words: "Tue, Sep 22" by default, or another style of src/domain/dates.ts
 * ('weekdayLong': "Tuesday, September 22"; 'weekdayLongYear'; 'monthDayYear': "Sep 22, 2026"; ...). Text
 * that is not a date is shown as it is.
 */
export function formatDay(iso: string, style: DateStyle = 'weekdayShort', locale?: string): string {
  return isIsoDate(iso) ? formatSchoolDate(iso, style, locale) : iso;
}

/** "Sep 8, 2026"; nothing for no date (in `locale`, else the reader's). */
export function formatDate(iso: string | null | undefined, locale?: string): string {
  return iso ? formatDay(iso, 'monthDayYear', locale) : '';
}

/** "September 2026", the month of `iso` (in `locale`, else the reader's). */
export function formatMonth(iso: string, locale?: string): string {
  return formatDay(iso, 'monthYear', locale);
}

/** "Mon, Nov 23 – Sun, Nov 29", or one day when both are the same (in `locale`, else the reader's). */
export function formatRange(start: string, end: string | null | undefined, locale?: string): string {
  if (!end || end === start) return formatDay(start, 'weekdayShort', locale);
  return `${formatDay(start, 'weekdayShort', locale)} – ${formatDay(end, 'weekdayShort', locale)}`;
}

/** Every `YYYY-MM-DD` in a server message, in words ("Tue, Sep 22", or another style). */
export function datesInWords(text: string, style: DateStyle = 'weekdayShort', locale?: string): string {
  return text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDay(iso, style, locale));
}

/**
 * The locale to write dates in for a reader of `language` (the app's language, "es"): the device's own
 * (undefined, so "es-MX" keeps its regional forms) when it is in that language, else the language.
 */
export function localeFor(language: string): string | undefined {
  const device = typeof navigator === 'undefined' ? undefined : navigator.language;
  return device && device.toLowerCase().split('-')[0] === language.toLowerCase().split('-')[0]
    ? undefined
    : language;
}

/**
 * An instant (ISO-8601 UTC) in the reader's own time: "Sep 8, 2026, 4:05 PM"; in `locale`'s words
 * when given (`localeFor(language)`), else the device's.
 */
export function formatInstant(instant: string, locale?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The day of an instant (ISO-8601 UTC), in the reader's time zone: "Sep 8, 2026" (`locale` as above). */
export function formatInstantDay(instant: string, locale?: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toLocaleDateString(locale, { dateStyle: 'medium' });
}

/** The ISO weekdays, 1 (Monday) to 7 (Sunday), with their names in the reader's words ("Monday", "M"). */
export const WEEKDAYS: readonly { day: number; name: string; letter: string }[] = [1, 2, 3, 4, 5, 6, 7].map(
  (day) => ({ day, name: weekdayName(day, undefined), letter: weekdayName(day, undefined, 'narrow') }),
);

/** The ISO weekdays as `WEEKDAYS`, named in `locale` (`localeFor(language)`); the reader's when undefined. */
export function weekdaysIn(
  locale: string | undefined,
): readonly { day: number; name: string; letter: string }[] {
  if (locale === undefined) return WEEKDAYS;
  return [1, 2, 3, 4, 5, 6, 7].map((day) => ({
    day,
    name: weekdayName(day, locale),
    letter: weekdayName(day, locale, 'narrow'),
  }));
}

/** "Monday" for ISO weekday 1 (in `locale`, else the reader's); a number that is no weekday is shown as it is. */
export function weekdayWords(day: number, locale?: string): string {
  return weekdaysIn(locale)[day - 1]?.name ?? String(day);
}

/** "2:05 PM" or "14:05", as the reader's device writes times; the stored time is "HH:MM". */
export function formatClockTime(hhmm: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  const at = new Date(Date.UTC(2000, 0, 3, Number(m[1]), Number(m[2])));
  return at.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
}
