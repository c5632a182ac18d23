import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { CheckInQuestionsResponse, CheckInRecord } from '../../api/check-ins.ts';
import {
  type CheckInAnswer,
  CheckInInput,
  type CheckInLanguage,
  checkInQuestions,
  childReportNote,
  type RecordedAs,
  weekOf,
} from '../../domain/check-in.ts';
import { addDays } from '../../domain/dates.ts';
import { buildCalendarIndex } from '../../domain/school-calendar.ts';
import { lastSchoolDay } from '../../domain/school-days.ts';
import { SessionEntryInput } from '../../domain/session-entry.ts';
import {
  checkInAnswers,
  findCheckInInHousehold,
  insertCheckIn,
  pageOfCheckIns,
} from '../../store/check-ins.repository.ts';
import { requireChild, timetableOf } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import type { Page, PageRequest } from '../../store/pagination.ts';
import {
  accommodationsOfPlan,
  behaviorStepsOfPlan,
  childOfAccommodation,
  servicesOfPlanBetween,
} from '../../store/plan-content.repository.ts';
import { findPlan, planInForce } from '../../store/plans.repository.ts';
import type { Db } from '../../store/repository.ts';
import type { CheckInRow, Database } from '../../store/schema.ts';
import { servicesWithPlan } from '../../store/services.repository.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, invalid, notFound, parseOrThrow } from '../errors.ts';
import { journalChange } from './journal.ts';
import { writeRecord } from './records.ts';
import { RESOURCES } from './resources.ts';
import { loadCalendars } from './school-calendars.ts';
import { writeSessionEntry } from './session-entries.ts';
import { loadSessionOccurrences } from './session-occurrences.ts';

// A check-in: the week's questions for the child, generated from the plan in force, the services,
// the accommodations, the behavior plan and the class timetable; and the parent's record of the
// answers, each turned into an accommodation observation, a session entry or a behavior incident
// marked "child's report", all in one transaction with the check-in itself.

export async function questionsForWeek(
  db: Db,
  householdId: string,
  childId: string,
  date: string,
  /** The language the questions are written in (the keys are the same in every language). */
  language: CheckInLanguage = 'en',
): Promise<CheckInQuestionsResponse> {
  const child = await requireChild(db, householdId, childId, 'childId');
  const { from, to } = weekOf(date);
  const plan = await planInForce(db, householdId, childId, date);
  const planId = plan?.id ?? null;
  // No plan in force: no services, accommodations or behavior plan to ask about.
  const services = planId ? await servicesOfPlanBetween(db, householdId, planId, from, date) : [];
  const accommodations = planId ? await accommodationsOfPlan(db, householdId, planId) : [];
  const behaviorSteps = planId ? await behaviorStepsOfPlan(db, householdId, planId) : [];
  const timetable = await timetableOf(db, householdId, childId);
  // The week's sessions as they stand now (corrections applied, voids left out), one per session
  // however many sources logged it (src/domain/occurrences.ts).
  const sessions = (
    await loadSessionOccurrences(db, householdId, { childId, kind: 'scheduled', from, to: date })
  ).countedRows;
  const calendar = buildCalendarIndex(await loadCalendars(db, householdId, childId));
  const schoolDays: string[] = [];
  for (let d = from; d <= date && d <= to; d = addDays(d, 1))
    if (calendar.isInstructionalDay(d)) schoolDays.push(d);
  const answerDays: string[] = [];
  for (let d = date; d >= addDays(from, -7); d = addDays(d, -1))
    if (calendar.isInstructionalDay(d)) answerDays.push(d);

  const questions = checkInQuestions(
    {
      childName: child.first_name,
      date,
      planId,
      services,
      accommodations: accommodations.map((a) => ({
        id: a.id,
        text: a.text,
        category: a.category,
        appliesTo: a.applies_to,
        className: a.class_name,
      })),
      behaviorSteps,
      timetable: timetable.map((p) => ({
        weekday: Number(p.weekday),
        startTime: p.start_time,
        endTime: p.end_time,
        className: p.class_name,
      })),
      sessions: sessions.map((s) => ({
        serviceId: s.service_id,
        date: s.date,
        source: s.source,
        status: s.status,
      })),
      schoolDays,
    },
    language,
  );
  return {
    childId,
    childName: child.first_name,
    date,
    weekStart: from,
    weekEnd: to,
    planId,
    schoolDays,
    answerDays,
    questions,
  };
}

/** Errors from the record an answer becomes point at the answer's own fields. */
async function asAnswer<T>(
  index: number,
  rename: Record<string, string>,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.fields) {
      const fields = error.fields.map((f) => ({
        path: `answers.${index}.${rename[f.path] ?? f.path}`,
        message: f.message,
      }));
      // Said to a reader of another language as the error itself (its fields name the answer).
      throw new AppError(
        error.code,
        `Answer ${index + 1}: ${fields[0]!.path} ${fields[0]!.message}`,
        fields,
        error.words,
      );
    }
    throw error;
  }
}

async function recordAnswer(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  child: { id: string; first_name: string },
  /** The day an answer without a day of its own is about (see recordCheckIn). */
  checkInDate: string,
  answer: CheckInAnswer,
  index: number,
  language: CheckInLanguage,
): Promise<z.infer<typeof RecordedAs> | null> {
  const note = childReportNote(child.first_name, answer.ask, answer.childWords, language);
  if (answer.kind === 'session') {
    if (answer.outcome === 'not_sure') return null;
    const [service] = await servicesWithPlan(trx, ctx.householdId, { serviceId: answer.serviceId });
    if (!service || service.child_id !== child.id)
      throw notFound('Service of this child', answer.serviceId, `answers.${index}.serviceId`);
    const input = parseOrThrow(SessionEntryInput, {
      serviceId: answer.serviceId,
      date: answer.sessionDate,
      kind: 'scheduled',
      status: answer.outcome === 'happened' ? 'delivered' : 'missed',
      minutesDelivered: answer.outcome === 'happened' ? answer.minutes : null,
      minutesPlanned: answer.outcome === 'did_not_happen' ? answer.minutes : null,
      reason: answer.outcome === 'did_not_happen' ? 'unknown' : null,
      source: 'child_report',
      note,
      startTime: answer.startTime,
      nonSchoolDayConfirmed: answer.nonSchoolDayConfirmed,
    });
    const entry = await asAnswer(
      index,
      { date: 'sessionDate', minutesDelivered: 'minutes', minutesPlanned: 'minutes' },
      () => writeSessionEntry(trx, ctx, input),
    );
    return { entity: 'session_entry', id: entry.id };
  }
  if (answer.kind === 'accommodation') {
    if ((await childOfAccommodation(trx, ctx.householdId, answer.accommodationId)) !== child.id)
      throw notFound(
        'Accommodation of this child',
        answer.accommodationId,
        `answers.${index}.accommodationId`,
      );
    const def = RESOURCES.accommodationObservation;
    const input = parseOrThrow(def.input, {
      accommodationId: answer.accommodationId,
      date: answer.aboutDate ?? checkInDate,
      outcome: answer.outcome,
      className: answer.className,
      setting: answer.setting,
      teacherKind: answer.teacherKind,
      source: 'child_report',
      note,
      nonSchoolDayConfirmed: answer.nonSchoolDayConfirmed,
    });
    const saved = await asAnswer(index, { date: 'aboutDate' }, () => writeRecord(trx, ctx, def, input));
    return { entity: 'accommodation_observation', id: saved.id };
  }
  if (!answer.somethingHappened) return null;
  const plan = await findPlan(trx, ctx.householdId, answer.planId);
  if (!plan || plan.child_id !== child.id)
    throw notFound('Plan of this child', answer.planId, `answers.${index}.planId`);
  const def = RESOURCES.behaviorIncident;
  const input = parseOrThrow(def.input, {
    planId: answer.planId,
    date: answer.aboutDate ?? checkInDate,
    summary: answer.childWords ?? `${child.first_name} told of a hard moment at a check-in.`,
    rewardUsed: answer.rewardUsed,
    source: 'child_report',
    note,
    nonSchoolDayConfirmed: answer.nonSchoolDayConfirmed,
  });
  const saved = await asAnswer(index, { date: 'aboutDate', summary: 'childWords' }, () =>
    writeRecord(trx, ctx, def, input),
  );
  return { entity: 'behavior_incident', id: saved.id };
}

export function toCheckIn(row: CheckInRow): CheckInRecord {
  return {
    id: row.id,
    householdId: row.household_id,
    childId: row.child_id,
    date: row.date,
    answers: checkInAnswers(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function recordCheckIn(
  store: Store,
  ctx: ServiceContext,
  body: unknown,
  /** The language of the parent writing the answers down: the records' notes are worded in it. */
  language: CheckInLanguage = 'en',
): Promise<CheckInRecord> {
  const input = parseOrThrow(CheckInInput, body);
  const today = ctx.clock.today();
  if (input.date > today)
    throw invalid('date', `is in the future (today is ${today})`, { rule: 'date.future', values: { today } });
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const child = await requireChild(trx, ctx.householdId, input.childId, 'childId');
    // An answer about "this week" with no day of its own is dated on the check-in's day, or, when
    // that has no school (a Sunday evening check-in), on the last school day of the week before it.
    const calendar = buildCalendarIndex(await loadCalendars(trx, ctx.householdId, child.id));
    const lastDay = lastSchoolDay(calendar, input.date);
    const aboutDay = lastDay && lastDay >= addDays(weekOf(input.date).from, -7) ? lastDay : input.date;
    const answers: CheckInRecord['answers'] = [];
    for (const [i, answer] of input.answers.entries()) {
      const recordedAs = await recordAnswer(trx, ctx, child, aboutDay, answer, i, language);
      answers.push({ ...answer, recordedAs });
    }
    const at = ctx.clock.now();
    const row = {
      id: ctx.newId(),
      household_id: ctx.householdId,
      child_id: child.id,
      date: input.date,
      answers: JSON.stringify(answers),
      created_at: at,
      updated_at: at,
    };
    await insertCheckIn(trx, row);
    const saved = toCheckIn(row);
    await journalChange(trx, ctx, {
      action: 'create',
      entity: 'check_in',
      entityId: row.id,
      data: saved,
      at,
    });
    return saved;
  });
}

export async function listCheckIns(
  store: Store,
  householdId: string,
  childId: string | undefined,
  page: PageRequest,
): Promise<Page<CheckInRecord>> {
  const result = await pageOfCheckIns(store.db, householdId, childId, page);
  return { rows: result.rows.map(toCheckIn), nextCursor: result.nextCursor };
}

export async function getCheckIn(store: Store, householdId: string, id: string): Promise<CheckInRecord> {
  const row = await findCheckInInHousehold(store.db, householdId, id);
  if (!row) throw notFound('Check-in', id);
  return toCheckIn(row);
}
