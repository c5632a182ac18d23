import { formatClockTime } from '../../components/dates.ts';
import type { T } from '../../i18n/i18n.tsx';
// Times and messages of the class timetable in words, in the reader's language (the catalog's part
// "records", `records.timetable.*`). Times are 24-hour "HH:MM"; weekdays are ISO numbers, 1 = Monday ...
// 7 = Sunday (as the server stores them), named by WEEKDAYS in web/components/dates.ts.

/** "09:05" -> "9:05 AM" in the reader's own way of writing times (in `locale` when given). */
export function timeWords(hhmm: string, locale?: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (locale === undefined || !m) return formatClockTime(hhmm);
  const at = new Date(Date.UTC(2000, 0, 3, Number(m[1]), Number(m[2])));
  return at.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
}

/** The server's messages name fields as the API does ("startTime"); say them in words. */
export function timetableMessage(t: T, message: string, locale?: string): string {
  const time = (h: string, mm: string) => timeWords(`${h}:${mm}`, locale);
  return message
    .replace(/must be after startTime \(([01]\d|2[0-3]):([0-5]\d)\)/g, (_, h: string, mm: string) =>
      t('records.timetable.afterStart', { time: time(h, mm) }),
    )
    .replace(/\b(startTime|endTime|className)\b/g, (field) => t('records.timetable.field', { field }))
    .replace(/\(([01]\d|2[0-3]):([0-5]\d)\)/g, (_, h: string, mm: string) => `(${time(h, mm)})`)
    .replace(/must be a time written as HH:MM.*$/, t('records.timetable.timeFormat'));
}
