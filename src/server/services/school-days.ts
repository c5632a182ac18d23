import type { Transaction } from 'kysely';
import type { IsoDate } from '../../domain/dates.ts';
import { buildCalendarIndex } from '../../domain/school-calendar.ts';
import { checkRecordDate, type DatedRecord, type NonSchoolDay } from '../../domain/school-days.ts';
import { findPlan } from '../../store/plans.repository.ts';
import type { Db } from '../../store/repository.ts';
import type { Database } from '../../store/schema.ts';
import { findSessionEntryInHousehold } from '../../store/session-entries.repository.ts';
import { AppError, apiWords, wordsValue } from '../errors.ts';
import { loadCalendars } from './school-calendars.ts';

// The server's side of "Are you sure? Thursday, November 26 is Thanksgiving break." (the rule is
// src/domain/school-days.ts). Every way a dated record is written (the API, a staff link, a
// check-in) goes through here, so they all ask the same question. Imports write rows as exported
// and do not ask (docs/ledger-rules.md, "Dates on days with no school").

/** The name of the confirmation, in requests and on records. */
export const CONFIRM_FIELD = 'nonSchoolDayConfirmed';

/**
 * Check a record's date against the child's school calendar. Refuses (400, on `field`) a date on a
 * day with no school unless `confirmed`; returns the flag to store: true only when the date needed
 * the confirmation and got it.
 */
export async function settleNonSchoolDay(
  db: Db,
  householdId: string,
  childId: string,
  date: string,
  record: DatedRecord,
  confirmed: boolean,
  field = 'date',
): Promise<boolean> {
  const calendar = buildCalendarIndex(await loadCalendars(db, householdId, childId));
  const check = checkRecordDate(calendar, date, record);
  if (!check?.needsConfirmation) return false;
  if (confirmed) return true;
  const message = `${check.question} If it happened on this day, confirm it.`;
  throw new AppError(
    'validation_failed',
    `${field}: ${message} (send ${CONFIRM_FIELD}: true)`,
    [{ path: field, message }],
    nonSchoolDayWords(field, date, check.day),
  );
}

/**
 * The question's words (`apierror.schoolDay.confirm`, quoting `apierror.schoolDay.question`, which the
 * field says): the catalog says "is a holiday", "is a weekend day" by the day's kind, with the
 * calendar's own name for it; the date in words in the reader's language ("Friday, December 4").
 */
export function nonSchoolDayWords(field: string, date: IsoDate, day: NonSchoolDay) {
  const label = day.event?.label?.trim() || '';
  const question = apiWords('schoolDay.question', {
    longDate: date,
    kind: day.kind,
    named: label ? 'yes' : 'no',
    label,
    dayName: day.name,
  });
  return apiWords('schoolDay.confirm', {
    field,
    question: question.message,
    questionWords: wordsValue(question.words),
    confirm: CONFIRM_FIELD,
  }).words;
}

/**
 * A session entry's date. A correction (or a void) dated on the same day as the entry it corrects
 * takes that entry's answer: the date was settled when the entry was recorded (or before the rule),
 * and a correction of its minutes is not a new claim about the day.
 */
export async function settleSessionDate(
  trx: Transaction<Database>,
  householdId: string,
  service: { child_id: string; esyBlocks: readonly { startDate: string; endDate: string }[] },
  input: {
    date: string;
    kind: string;
    status: string;
    reason: string | null;
    correctsEntryId: string | null;
    nonSchoolDayConfirmed: boolean;
  },
): Promise<boolean> {
  if (input.correctsEntryId) {
    const corrected = await findSessionEntryInHousehold(trx, householdId, input.correctsEntryId);
    if (corrected && corrected.date === input.date) return Number(corrected.non_school_day_confirmed) === 1;
  }
  return settleNonSchoolDay(
    trx,
    householdId,
    service.child_id,
    input.date,
    input.kind === 'makeup'
      ? { kind: 'makeup' }
      : { kind: 'session', status: input.status, reason: input.reason, esyBlocks: service.esyBlocks },
    input.nonSchoolDayConfirmed,
  );
}

/** The child whose calendar judges a plan's records (an incident names its plan). */
export async function childOfPlan(db: Db, householdId: string, planId: string): Promise<string | null> {
  return (await findPlan(db, householdId, planId))?.child_id ?? null;
}

/** The child whose calendar judges an accommodation's observations (the record definitions ask here). */
export { childOfAccommodation } from '../../store/plan-content.repository.ts';
