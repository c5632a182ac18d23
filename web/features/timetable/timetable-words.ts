import { formatClockTime } from '../../components/dates.ts';
// Times and messages of the class timetable in words. Times are 24-hour "HH:MM"; weekdays are ISO
// numbers, 1 = Monday ... 7 = Sunday (as the server stores them), named by WEEKDAYS in
// web/components/dates.ts.

/** "09:05" -> "9:05 AM" in the reader's own way of writing times. */
export const timeWords = formatClockTime;

/** The server's messages name fields as the API does ("startTime"); say them in words. */
export function timetableMessage(message: string): string {
  return message
    .replace(/\bstartTime\b/g, 'the start time')
    .replace(/\bendTime\b/g, 'the end time')
    .replace(/\bclassName\b/g, 'the class')
    .replace(/\(([01]\d|2[0-3]):([0-5]\d)\)/g, (_, h: string, mm: string) => `(${timeWords(`${h}:${mm}`)})`)
    .replace(/must be a time written as HH:MM.*$/, 'must be a time, for example 9:30 AM');
}
