// The draft a parent reviews before a district calendar is added: every event of the file with the
// kind proposed (src/domain/calendar-import.ts), the school year it falls in, and whether the same
// day is on the calendar already. Events to check come first, then by date. Pure: no I/O.

import { type ClassifiedEvent, classifyDistrictEvent, type DistrictEvent } from './calendar-import.ts';
import { type ProposedTerm, proposeTerms } from './calendar-terms.ts';
import type { CalendarDayKind, SchoolCalendar, SchoolTerm } from './school-calendar-model.ts';

export type ImportableEvent = DistrictEvent & {
  uid: string;
  description: string | null;
  startTime: string | null;
  recurring: boolean;
};

export type ImportStatus = 'new' | 'on_calendar' | 'outside_school_year';

export type DraftEvent = Omit<ImportableEvent, 'uid'> &
  ClassifiedEvent & {
    key: string;
    calendarId: string | null;
    status: ImportStatus;
    include: boolean;
  };

type Calendars = readonly Pick<SchoolCalendar, 'id' | 'firstDay' | 'lastDay' | 'events'>[];

/**
 * The draft of a file's events against the child's school years. With `calendars` null (the command
 * line, reading a file on its own), nothing is compared: every day is 'new', in no school year.
 */
export function draftCalendarEvents(events: readonly ImportableEvent[], calendars: Calendars | null) {
  const drafted: DraftEvent[] = events.map((e) => {
    const classified = classifyDistrictEvent(e);
    const calendar = calendars?.find((c) => c.firstDay <= e.startDate && e.endDate <= c.lastDay) ?? null;
    const status: ImportStatus =
      calendars === null
        ? 'new'
        : !calendar
          ? 'outside_school_year'
          : onCalendar(calendar, e, classified.kind)
            ? 'on_calendar'
            : 'new';
    const { uid, ...rest } = e;
    return {
      ...rest,
      ...classified,
      key: `${uid}|${e.startDate}|${e.startTime ?? ''}`,
      calendarId: calendar?.id ?? null,
      status,
      include: classified.kind !== null && status === 'new',
    };
  });
  return drafted.sort(
    (a, b) =>
      rank(a) - rank(b) || a.startDate.localeCompare(b.startDate) || a.summary.localeCompare(b.summary),
  );
}

/** The terms a file's events give for a school year, beside the terms it has now. */
export type TermProposal = { calendarId: string; proposed: ProposedTerm[]; current: SchoolTerm[] };

/**
 * For each of the child's school years, the terms the file's events give (src/domain/calendar-terms.ts),
 * when they differ from the terms the year has. Years the file gives no terms for are left out.
 */
export function draftCalendarTerms(
  events: readonly DistrictEvent[],
  calendars: readonly Pick<SchoolCalendar, 'id' | 'firstDay' | 'lastDay' | 'terms'>[],
): TermProposal[] {
  return calendars.flatMap((c) => {
    const proposed = proposeTerms(events, c);
    const current = (c.terms ?? []).map((t) => ({
      name: t.name,
      startDate: t.startDate,
      endDate: t.endDate,
    }));
    const same =
      proposed.length === current.length &&
      proposed.every((p, i) => p.startDate === current[i]!.startDate && p.endDate === current[i]!.endDate);
    return proposed.length === 0 || same ? [] : [{ calendarId: c.id, proposed, current }];
  });
}

/** Days to check first; then days off; then the rest. */
function rank(e: DraftEvent): number {
  if (e.confidence === 'check' && e.status === 'new') return 0;
  if (e.kind !== null && e.status === 'new') return 1;
  return 2;
}

/** The same day on the calendar: the same dates, and the same kind (or, for no kind, the same name). */
function onCalendar(calendar: Calendars[number], e: ImportableEvent, kind: CalendarDayKind | null): boolean {
  const name = e.summary.trim().toLowerCase();
  return calendar.events.some(
    (c) =>
      c.startDate === e.startDate &&
      (c.endDate ?? c.startDate) === e.endDate &&
      (c.kind === kind || (c.label ?? '').trim().toLowerCase() === name),
  );
}
