import type { Kysely, Transaction } from 'kysely';
import type { SchoolCalendar } from '../../domain/school-calendar-model.ts';
import type { Database } from '../../store/schema.ts';

// A child's school calendars with their events, as the pure calendar arithmetic reads them. Read by
// the ledger, the school-day checks of records and settings, check-ins and the case record: it sits
// below all of them, so none of them has to import another to count school days.

type Db = Kysely<Database> | Transaction<Database>;

export async function loadCalendars(db: Db, householdId: string, childId: string): Promise<SchoolCalendar[]> {
  const calendars = await db
    .selectFrom('school_calendar')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .orderBy('first_day')
    .execute();
  if (calendars.length === 0) return [];
  const events = await db
    .selectFrom('calendar_event')
    .selectAll()
    .where('household_id', '=', householdId)
    .where(
      'calendar_id',
      'in',
      calendars.map((c) => c.id),
    )
    .execute();
  return calendars.map((c) => ({
    id: c.id,
    firstDay: c.first_day,
    lastDay: c.last_day,
    schoolWeekdays: JSON.parse(c.school_weekdays) as number[],
    cycleLength: c.cycle_length == null ? null : Number(c.cycle_length),
    events: events
      .filter((e) => e.calendar_id === c.id)
      .map((e) => ({
        kind: e.kind as SchoolCalendar['events'][number]['kind'],
        startDate: e.start_date,
        endDate: e.end_date,
        label: e.label,
      })),
  }));
}
