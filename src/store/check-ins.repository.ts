import { z } from 'zod';
import { RecordedAnswer } from '../domain/check-in.ts';
import { type KeysetOrder, keysetPage, type Page, type PageRequest } from './pagination.ts';
import { type Db, findInHousehold, parseJsonColumn } from './repository.ts';
import type { CheckInRow } from './schema.ts';

// A child's check-ins: the answers the parent recorded (`answers`, a JSON column read through the
// domain's schema), each with the record it became. Check-ins are written once and never changed.

const RecordedAnswers = z.array(RecordedAnswer);

/** A check-in's answers, parsed. */
export function checkInAnswers(row: Pick<CheckInRow, 'answers'>): RecordedAnswer[] {
  return parseJsonColumn(RecordedAnswers, 'check_in.answers', row.answers);
}

/** A check-in of the household, or undefined. */
export function findCheckInInHousehold(
  db: Db,
  householdId: string,
  id: string,
): Promise<CheckInRow | undefined> {
  return findInHousehold(db, 'check_in', householdId, id);
}

/** The check-in list's order, which its cursors follow: newest first. */
const CHECK_IN_ORDER: KeysetOrder = { list: 'check-ins', columns: ['date', 'id'], direction: 'desc' };

/** One page of the household's check-ins (of one child, when given), newest first. */
export function pageOfCheckIns(
  db: Db,
  householdId: string,
  childId: string | undefined,
  page: PageRequest,
): Promise<Page<CheckInRow>> {
  let q = db.selectFrom('check_in').selectAll().where('household_id', '=', householdId);
  if (childId) q = q.where('child_id', '=', childId);
  return keysetPage(q, CHECK_IN_ORDER, page);
}

export async function insertCheckIn(db: Db, row: CheckInRow): Promise<void> {
  await db.insertInto('check_in').values(row).execute();
}
