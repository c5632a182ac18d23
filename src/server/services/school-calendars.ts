import type { SchoolCalendar } from '../../domain/school-calendar-model.ts';
import {
  calendarsWithEventsOfChild,
  calendarTerms,
  calendarWeekdays,
} from '../../store/calendars.repository.ts';
import { onceInView } from '../../store/read-memo.ts';
import type { Db } from '../../store/repository.ts';

// A child's school calendars with their events, as the pure calendar arithmetic reads them. Read by
// the ledger, the school-day checks of records and settings, check-ins and the case record: it sits
// below all of them, so none of them has to import another to count school days.

export function loadCalendars(
  db: Db,
  householdId: string,
  childId: string,
): Promise<readonly SchoolCalendar[]> {
  // Read-only for every caller: through a read memo (the caseload) one answer serves each screen's part.
  return onceInView(db, `calendars\u0000${householdId}\u0000${childId}`, () =>
    calendarsWithEvents(db, householdId, childId),
  );
}

async function calendarsWithEvents(db: Db, householdId: string, childId: string): Promise<SchoolCalendar[]> {
  return (await calendarsWithEventsOfChild(db, householdId, childId)).map(({ calendar: c, events }) => ({
    id: c.id,
    firstDay: c.first_day,
    lastDay: c.last_day,
    schoolWeekdays: calendarWeekdays(c),
    cycleLength: c.cycle_length == null ? null : Number(c.cycle_length),
    terms: calendarTerms(c),
    events: events.map((e) => ({
      kind: e.kind as SchoolCalendar['events'][number]['kind'],
      startDate: e.start_date,
      endDate: e.end_date,
      label: e.label,
    })),
  }));
}
