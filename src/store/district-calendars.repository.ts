import { z } from 'zod';
import {
  AddedDistrictDay,
  KnownDistrictEvent,
  PendingDistrictChange,
} from '../domain/calendar-subscription.ts';
import { notFound } from '../domain/errors.ts';
import { type Db, parseJsonColumn } from './repository.ts';
import type { DistrictCalendarRow } from './schema.ts';

// District calendar subscriptions (migration 0017): the row, its JSON lists read with zod.

export type DistrictCalendarState = {
  row: DistrictCalendarRow;
  known: KnownDistrictEvent[];
  pending: PendingDistrictChange[];
  recent: AddedDistrictDay[];
};

export function readDistrictCalendar(row: DistrictCalendarRow): DistrictCalendarState {
  return {
    row,
    known: parseJsonColumn(z.array(KnownDistrictEvent), 'district_calendar.known', row.known),
    pending: parseJsonColumn(z.array(PendingDistrictChange), 'district_calendar.pending', row.pending),
    recent: parseJsonColumn(z.array(AddedDistrictDay), 'district_calendar.recent', row.recent),
  };
}

export async function listDistrictCalendarRows(
  db: Db,
  householdId: string,
  childId: string,
): Promise<DistrictCalendarRow[]> {
  return db
    .selectFrom('district_calendar')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function requireDistrictCalendar(
  db: Db,
  householdId: string,
  id: string,
): Promise<DistrictCalendarRow> {
  const row = await db
    .selectFrom('district_calendar')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('District calendar', id);
  return row;
}

/** Every subscription not read since `before` (the daily job), oldest read first. */
export async function districtCalendarsDue(
  db: Db,
  before: string,
): Promise<Pick<DistrictCalendarRow, 'id' | 'household_id'>[]> {
  return db
    .selectFrom('district_calendar')
    .select(['id', 'household_id'])
    .where((eb) => eb.or([eb('last_read_at', 'is', null), eb('last_read_at', '<', before)]))
    .orderBy('last_read_at')
    .orderBy('id')
    .execute();
}

export async function insertDistrictCalendar(db: Db, row: DistrictCalendarRow): Promise<void> {
  await db.insertInto('district_calendar').values(row).execute();
}

export async function updateDistrictCalendar(
  db: Db,
  householdId: string,
  id: string,
  changes: Partial<Omit<DistrictCalendarRow, 'id' | 'household_id' | 'child_id'>>,
): Promise<void> {
  await db
    .updateTable('district_calendar')
    .set(changes)
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .execute();
}

export async function deleteDistrictCalendar(db: Db, householdId: string, id: string): Promise<void> {
  await db
    .deleteFrom('district_calendar')
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .execute();
}
