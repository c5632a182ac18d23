// The child's school calendars as the pure domain functions need them (src/domain/school-calendar.ts,
// src/domain/school-days.ts): loaded once per child and shared by the calendar page and every form
// that asks "Are you sure? Thursday, November 26 is Thanksgiving break." before saving.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { buildCalendarIndex, type CalendarIndex } from '../../src/domain/school-calendar.ts';
import type { SchoolCalendar as CalendarOfDomain } from '../../src/domain/school-calendar-model.ts';
import { del, get, getAll, patch, post } from '../api/client.ts';
import type { CalendarEvent, SchoolCalendar } from '../api/types.ts';
import type { T } from '../i18n/i18n.tsx';
import { addDaysIso } from './dates.ts';

export type ChildCalendars = {
  /** The child's school years, by first day. */
  calendars: SchoolCalendar[];
  /** Every holiday, break, closure and early dismissal of those years, by first day. */
  events: CalendarEvent[];
  index: CalendarIndex;
};

/**
 * The checks of a school year's name, first day and last day, as the forms that set them show them, in
 * the reader's language: `t` of a screen that loaded the catalog's part "calendar".
 */
export const SCHOOL_YEAR_CHECKS = (t: T) => ({
  name: (v: string) => (v.trim() ? null : t('calendar.yearForm.nameMissing')),
  firstDay: (v: string) => (v ? null : t('calendar.yearForm.firstMissing')),
  lastDay: (v: string, all: { firstDay: string }) =>
    !v
      ? t('calendar.yearForm.lastMissing')
      : all.firstDay && v < all.firstDay
        ? t('calendar.dayForm.lastBeforeFirst')
        : null,
});

export const schoolCalendarKey = (householdId: string, childId: string) => [
  'school-calendar',
  householdId,
  childId,
];

export function toDomainCalendars(calendars: SchoolCalendar[], events: CalendarEvent[]): CalendarOfDomain[] {
  return calendars.map((c) => ({
    id: c.id,
    firstDay: c.firstDay,
    lastDay: c.lastDay,
    schoolWeekdays: c.schoolWeekdays,
    cycleLength: c.cycleLength,
    events: events
      .filter((e) => e.calendarId === c.id)
      .map((e) => ({ kind: e.kind, startDate: e.startDate, endDate: e.endDate, label: e.label })),
  }));
}

export function useSchoolCalendars(householdId: string, childId: string, enabled = true) {
  return useQuery({
    queryKey: schoolCalendarKey(householdId, childId),
    enabled,
    queryFn: async (): Promise<ChildCalendars> => {
      const calendars = await get<SchoolCalendar[]>(
        `/households/${householdId}/calendars?childId=${childId}`,
      );
      const lists = await Promise.all(
        calendars.map((c) =>
          getAll<CalendarEvent>(`/households/${householdId}/calendar-events?calendarId=${c.id}`),
        ),
      );
      const events = lists
        .flat()
        .sort((a, b) =>
          a.startDate === b.startDate ? a.id.localeCompare(b.id) : a.startDate < b.startDate ? -1 : 1,
        );
      return { calendars, events, index: buildCalendarIndex(toDomainCalendars(calendars, events)) };
    },
  });
}

/**
 * After a calendar day or a school year changes: everything that counts school days is out of date
 * (this week, the ledger, the advisor's record, the report, the patterns, the forms' warnings).
 */
export async function refreshAfterCalendarChange(client: QueryClient) {
  await Promise.all(
    ['school-calendar', 'calendar-events', 'week', 'ledger', 'sessions', 'advice', 'report', 'patterns'].map(
      (key) => client.invalidateQueries({ queryKey: [key] }),
    ),
  );
}

/**
 * Take one day out of a calendar event: delete a one-day event, shorten one that starts or ends on
 * the day, or split one around it (the days before stay in the event, the days after become a new
 * one with the same kind and label). Used by "undo" for a closure.
 */
export async function removeDayFromEvent(
  householdId: string,
  event: Pick<CalendarEvent, 'id' | 'calendarId' | 'kind' | 'startDate' | 'endDate' | 'label'>,
  date: string,
): Promise<void> {
  const end = event.endDate ?? event.startDate;
  const path = `/households/${householdId}/calendar-events`;
  if (event.startDate === date && end === date) {
    await del(`${path}/${event.id}`);
    return;
  }
  if (event.startDate === date) {
    const start = addDaysIso(date, 1);
    await patch(`${path}/${event.id}`, { startDate: start, endDate: start === end ? null : end });
    return;
  }
  // The days after go into a new event first: if the second request fails, the day is still off
  // rather than the rest of the event lost.
  if (end !== date) {
    const after = addDaysIso(date, 1);
    await post(path, {
      calendarId: event.calendarId,
      kind: event.kind,
      startDate: after,
      endDate: after === end ? null : end,
      label: event.label,
    });
  }
  const before = addDaysIso(date, -1);
  await patch(`${path}/${event.id}`, { endDate: before === event.startDate ? null : before });
}
