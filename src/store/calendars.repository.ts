import { z } from 'zod';
import type { Db } from './repository.ts';
import { parseJsonColumn } from './repository.ts';
import type { CalendarEventRow, SchoolCalendarRow } from './schema.ts';

// A child's school calendars (one per school year: its first and last day, the weekdays school meets,
// a rotation) and their events (holidays, breaks, closures, early dismissals), with the days the child
// was marked absent from school. The weekdays are a JSON column, read through its schema; turning
// the rows into the calendar the pure arithmetic reads is services/school-calendars.ts's.

/** ISO weekdays (1 = Monday ... 7 = Sunday), as SchoolCalendarFields stores them. */
const SchoolWeekdays = z.array(z.number().int().min(1).max(7));

/** A calendar's `school_weekdays`, parsed. */
export function calendarWeekdays(row: Pick<SchoolCalendarRow, 'school_weekdays'>): number[] {
  return parseJsonColumn(SchoolWeekdays, 'school_calendar.school_weekdays', row.school_weekdays);
}

const SchoolTerms = z.array(z.object({ name: z.string(), startDate: z.string(), endDate: z.string() }));

/** A calendar's `terms`, parsed: its terms or grading periods in order. */
export function calendarTerms(
  row: Pick<SchoolCalendarRow, 'terms'>,
): { name: string; startDate: string; endDate: string }[] {
  // Absent before migration 0020 (the upgrade tests run this code on such a database): no terms.
  if (row.terms == null) return [];
  return parseJsonColumn(SchoolTerms, 'school_calendar.terms', row.terms);
}

/** A child's school calendars, the earliest school year first. */
export function calendarsOfChild(db: Db, householdId: string, childId: string): Promise<SchoolCalendarRow[]> {
  return db
    .selectFrom('school_calendar')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .orderBy('first_day')
    .execute();
}

/** An event of a calendar as `calendarsWithEventsOfChild` gives it: what the calendar arithmetic reads. */
export type CalendarEventFacts = Pick<CalendarEventRow, 'kind' | 'start_date' | 'end_date' | 'label'>;

/**
 * A child's school calendars (the earliest school year first) each with its events (in the order they
 * were made), in one statement: a ledger reads them for every child, and on PostgreSQL, where the app's
 * time goes on each statement, a second one for the events cost about as much as the calendars' own.
 */
export async function calendarsWithEventsOfChild(
  db: Db,
  householdId: string,
  childId: string,
): Promise<{ calendar: SchoolCalendarRow; events: CalendarEventFacts[] }[]> {
  const rows = await db
    .selectFrom('school_calendar')
    .leftJoin('calendar_event', (join) =>
      join
        .onRef('calendar_event.calendar_id', '=', 'school_calendar.id')
        .on('calendar_event.household_id', '=', householdId),
    )
    // The calendar's every column (a database not yet migrated has fewer: calendarTerms reads that).
    .selectAll('school_calendar')
    .select([
      'calendar_event.id as event_id',
      'calendar_event.kind as event_kind',
      'calendar_event.start_date as event_start_date',
      'calendar_event.end_date as event_end_date',
      'calendar_event.label as event_label',
    ])
    .where('school_calendar.household_id', '=', householdId)
    .where('school_calendar.child_id', '=', childId)
    .orderBy('school_calendar.first_day')
    .orderBy('school_calendar.id')
    .orderBy('calendar_event.id')
    .execute();
  const out: { calendar: SchoolCalendarRow; events: CalendarEventFacts[] }[] = [];
  for (const row of rows) {
    const { event_id, event_kind, event_start_date, event_end_date, event_label, ...calendar } = row;
    let last = out.at(-1);
    if (!last || last.calendar.id !== calendar.id) {
      last = { calendar: calendar as SchoolCalendarRow, events: [] };
      out.push(last);
    }
    if (event_id != null)
      last.events.push({
        kind: event_kind!,
        start_date: event_start_date!,
        end_date: event_end_date ?? null,
        label: event_label ?? null,
      });
  }
  return out;
}

/** The events of some calendars of the household (in no order). */
export async function eventsOfCalendars(
  db: Db,
  householdId: string,
  calendarIds: readonly string[],
): Promise<CalendarEventRow[]> {
  if (calendarIds.length === 0) return [];
  return db
    .selectFrom('calendar_event')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('calendar_id', 'in', [...calendarIds])
    .execute();
}

/**
 * A closure of the child's calendars on `date` (a day's closure has no end date), the latest to
 * start first, or undefined.
 */
export function closureOfChildOn(db: Db, householdId: string, childId: string, date: string) {
  return db
    .selectFrom('calendar_event')
    .innerJoin('school_calendar', (join) =>
      join
        .onRef('school_calendar.id', '=', 'calendar_event.calendar_id')
        .onRef('school_calendar.household_id', '=', 'calendar_event.household_id'),
    )
    .select([
      'calendar_event.id',
      'calendar_event.calendar_id',
      'calendar_event.label',
      'calendar_event.start_date',
      'calendar_event.end_date',
    ])
    .where('calendar_event.household_id', '=', householdId)
    .where('school_calendar.child_id', '=', childId)
    .where('calendar_event.kind', '=', 'closure')
    .where('calendar_event.start_date', '<=', date)
    .where((eb) =>
      eb.or([
        eb('calendar_event.end_date', '>=', date),
        eb.and([eb('calendar_event.end_date', 'is', null), eb('calendar_event.start_date', '=', date)]),
      ]),
    )
    .orderBy('calendar_event.start_date', 'desc')
    .orderBy('calendar_event.id')
    .executeTakeFirst();
}

/** The days a child was marked absent from school, up to `to`, by date. */
export async function absentDaysOfChild(
  db: Db,
  householdId: string,
  childId: string,
  to: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('school_absence')
    .select('date')
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
  return rows.map((r) => r.date);
}

/** Whether the household still has this calendar day (a district feed's change may name one removed since). */
export async function calendarEventExists(db: Db, householdId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('calendar_event')
    .select('id')
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether a day is already marked as a school absence of the child (one mark per child and day). */
export async function absenceMarkedOn(
  db: Db,
  householdId: string,
  childId: string,
  date: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('school_absence')
    .select('id')
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .where('date', '=', date)
    .executeTakeFirst();
  return row !== undefined;
}
