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
export function formatDay(iso: string, style: DateStyle = 'weekdayShort'): string {
  return isIsoDate(iso) ? formatSchoolDate(iso, style, undefined) : iso;
}

/** "Sep 8, 2026"; nothing for no date. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? formatDay(iso, 'monthDayYear') : '';
}

/** "September 2026", the month of `iso`. */
export function formatMonth(iso: string): string {
  return formatDay(iso, 'monthYear');
}

/** "Mon, Nov 23 – Sun, Nov 29", or one day when both are the same. */
export function formatRange(start: string, end: string | null | undefined): string {
  if (!end || end === start) return formatDay(start);
  return `${formatDay(start)} – ${formatDay(end)}`;
}

/** Every `YYYY-MM-DD` in a server message, in words ("Tue, Sep 22", or another style). */
export function datesInWords(text: string, style: DateStyle = 'weekdayShort'): string {
  return text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDay(iso, style));
}

/** An instant (ISO-8601 UTC) in the reader's own time: "Sep 8, 2026, 4:05 PM". */
export function formatInstant(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The day of an instant (ISO-8601 UTC), in the reader's time zone: "Sep 8, 2026". */
export function formatInstantDay(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** The ISO weekdays, 1 (Monday) to 7 (Sunday), with their names in the reader's words ("Monday", "M"). */
export const WEEKDAYS: readonly { day: number; name: string; letter: string }[] = [1, 2, 3, 4, 5, 6, 7].map(
  (day) => ({ day, name: weekdayName(day, undefined), letter: weekdayName(day, undefined, 'narrow') }),
);

/** "Monday" for ISO weekday 1; a number that is no weekday is shown as it is. */
export function weekdayWords(day: number): string {
  return WEEKDAYS[day - 1]?.name ?? String(day);
}

/** "2:05 PM" or "14:05", as the reader's device writes times; the stored time is "HH:MM". */
export function formatClockTime(hhmm: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  const at = new Date(Date.UTC(2000, 0, 3, Number(m[1]), Number(m[2])));
  return at.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
}
