import { formatClockTime } from '../../components/dates.ts';
// Weekdays and times of the class timetable in words. Weekdays are ISO numbers, 1 = Monday ... 7 = Sunday
// (as the server stores them); times are 24-hour "HH:MM".

export const WEEKDAY_NAMES: Record<number, string> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
};

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

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
