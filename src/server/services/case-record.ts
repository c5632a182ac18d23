import type {
  CaseObservation,
  CasePlan,
  CaseRecord,
  CaseService,
  CaseSessionMiss,
} from '../../domain/case-record.ts';
import type { Communication } from '../../domain/communications.ts';
import { calendarDeadlineDays } from '../../domain/deadlines.ts';
import { absentDaysOfChild } from '../../store/calendars.repository.ts';
import { childSummary, requireChild } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import { letterRequest, sentLettersOfChild } from '../../store/letters.repository.ts';
import {
  accommodationTextsOfPlans,
  goalsOfPlan,
  keyDatesOfPlan,
  serviceSummariesOfPlan,
} from '../../store/plan-content.repository.ts';
import { plansOfChild, storedReasonPolicy } from '../../store/plans.repository.ts';
import { serviceLogImportsOfChild } from '../../store/service-logs.repository.ts';
import { serviceSummary } from '../../store/services.repository.ts';
import { teamOfChild } from '../../store/team-contacts.repository.ts';
import { workSamplesOfChild } from '../../store/work-samples.repository.ts';
import { AppError } from '../errors.ts';
import { loadCommunications } from './communication-status.ts';
import { loadSettings, schoolDayTestOf } from './household-settings.ts';
import { computeLedgers, effectivePolicy } from './ledgers.ts';
import { childFindings } from './patterns.ts';
import { listRecords } from './records.ts';
import { RESOURCES } from './resources.ts';
import { loadCalendars } from './school-calendars.ts';
import { loadSessionOccurrences } from './session-occurrences.ts';
import { asked, settled } from './settled.ts';

// Gathers everything the letter writer and the advisor read about one child on a day, from the
// store, into the pure CaseRecord (src/domain/case-record.ts). Read-only.

/**
 * A plan's services with their ledger figures over [from, to] (as of `asOf`): the misses with the
 * ledger's classification, and the weeks.
 */
async function caseServices(
  db: Store['db'],
  householdId: string,
  childId: string,
  plan: { id: string },
  from: string,
  to: string,
  asOf: string,
  /** The child's entries in force, being read beside the ledger's own reads. */
  entriesRead: Promise<PromiseSettledResult<Awaited<ReturnType<typeof loadSessionOccurrences>>>>,
): Promise<CaseService[]> {
  const serviceRows = await serviceSummariesOfPlan(db, householdId, plan.id);
  let ledgers: Awaited<ReturnType<typeof computeLedgers>> = [];
  try {
    ledgers =
      from <= to
        ? await computeLedgers(
            db,
            householdId,
            // The plan's own services: the others' ledgers are not quoted here.
            { childId, serviceIds: serviceRows.map((s) => s.id) },
            { from, to, asOf, grouping: 'week' },
            asOf,
            { listOwedMisses: true },
          )
        : [];
  } catch (error) {
    // No school calendar yet: there is no ledger to quote, but the rest of the record stands.
    if (!(error instanceof AppError)) throw error;
  }
  const entries = settled(await entriesRead).countedRows;
  return serviceRows.map((s) => {
    const ledger = ledgers.find((l) => l.serviceId === s.id);
    const own = entries.filter((e) => e.service_id === s.id);
    const totals = ledger?.totals;
    return {
      ...serviceSummary(s),
      firstDeliveredDate: own.find((e) => e.status !== 'missed' && e.kind === 'scheduled')?.date ?? null,
      ledger: {
        from,
        to,
        requiredMinutes: totals?.requiredMinutes ?? 0,
        deliveredMinutes: totals?.deliveredMinutes ?? 0,
        owedMinutes: totals?.owedMinutes ?? 0,
        owedBalanceMinutes: totals?.owedBalanceMinutes ?? 0,
        makeupMinutes: totals?.makeupMinutes ?? 0,
        unloggedMinutes: totals?.unloggedMinutes ?? 0,
        percentDelivered: totals?.percentDelivered ?? null,
        // Each miss with the ledger's classification of its gap (owed, excused, pending) and, when
        // owed, the minutes make-ups have not cured: a letter lists only what is still owed.
        misses: own
          .filter((e) => e.kind === 'scheduled' && e.status !== 'delivered' && e.date >= from && e.date <= to)
          .map((e) => {
            const ids = totals?.entryIds;
            const owedMiss = ledger?.owedMisses?.find((m) => m.entryId === e.id);
            const responsibility: CaseSessionMiss['responsibility'] = ids?.owed.includes(e.id)
              ? 'owed'
              : ids?.excused.includes(e.id)
                ? 'excused'
                : 'pending';
            return {
              entryId: e.id,
              date: e.date,
              reason: e.reason,
              minutes: Math.max(0, Number(e.minutes_planned ?? 0) - Number(e.minutes_delivered)),
              responsibility,
              owedRemainingMinutes: responsibility === 'owed' ? (owedMiss?.remainingMinutes ?? 0) : 0,
            };
          }),
      },
      weeks: (ledger?.periods ?? []).map((p) => ({
        start: p.start,
        requiredMinutes: p.requiredMinutes,
        deliveredMinutes: p.deliveredMinutes,
        owedMinutes: p.owedMinutes,
        unloggedMinutes: p.unloggedMinutes,
        entryIds: [...p.entryIds.delivered, ...p.entryIds.short, ...p.entryIds.missed],
      })),
    };
  });
}

export async function gatherCaseRecord(
  store: Store,
  householdId: string,
  childId: string,
  asOf: string,
  parent: { name: string; email: string | null },
  /** The language of the pattern findings' sentences (the advisor quotes them): English by default. */
  language = 'en',
): Promise<CaseRecord> {
  const db = store.db;
  // Every read that needs only the child is asked for at once, and those that need the plan as soon as
  // it is known; the answers are taken in order (settled.ts). On PostgreSQL each read is a round trip,
  // and a letter or the advisor made some forty of them one after another: under load, each waited its
  // turn for a connection, and a letter took seconds.
  const childRead = asked(requireChild(db, householdId, childId));
  const plansRead = asked(plansOfChild(db, householdId, childId));
  const teamRead = asked(teamOfChild(db, householdId, childId));
  // The entries in force: a letter quotes what is known now, never a session voided or corrected
  // since, and one session logged by several sources once, as the ledger counts it.
  const entriesRead = asked(loadSessionOccurrences(db, householdId, { childId }));
  const observationsRead = asked(listRecords(store, householdId, RESOURCES.accommodationObservation, {}));
  const samplesRead = asked(workSamplesOfChild(db, householdId, childId, { to: asOf }));
  const notesRead = asked(listRecords(store, householdId, RESOURCES.parentNote, { childId }));
  const communicationsRead = asked(loadCommunications(store, householdId, childId));
  const calendarsRead = asked(loadCalendars(db, householdId, childId));
  // Days the child was marked absent from school (Illinois's counts leave them out).
  const absentRead = asked(absentDaysOfChild(db, householdId, childId, asOf));
  const lettersRead = asked(sentLettersOfChild(db, householdId, childId));
  const logsRead = asked(serviceLogImportsOfChild(db, householdId, childId));
  const settingsRead = asked(loadSettings(db, householdId));

  const child = settled(await childRead);
  const plans = settled(await plansRead);
  // The plan in force on the day, or else the latest one that started before it.
  const plan =
    plans.find((p) => p.effective_from <= asOf && asOf <= p.effective_to) ??
    plans.find((p) => p.effective_from <= asOf) ??
    null;
  // The plan that follows it, when one is recorded (renewed at the annual review, from a later date).
  const nextPlan = plan ? plans.filter((p) => p.effective_from > plan.effective_from).at(-1) : undefined;
  const to = plan ? (asOf < plan.effective_to ? asOf : plan.effective_to) : asOf;
  // The plans before it (a plan renewed at the annual review starts its own count). Their ledger runs up
  // to today, so a make-up given after their plan ended is counted.
  const earlierPlans = plan ? plans.filter((p) => p.effective_to < plan.effective_from) : [];
  const currentRead = asked(
    plan ? caseServices(db, householdId, childId, plan, plan.effective_from, to, asOf, entriesRead) : [],
  );
  const earlierRead = earlierPlans.map((earlier) =>
    asked(caseServices(db, householdId, childId, earlier, earlier.effective_from, asOf, asOf, entriesRead)),
  );
  const accommodationRowsRead = asked(plan ? accommodationTextsOfPlans(db, householdId, [plan.id]) : []);
  const goalsRead = asked(plan ? goalsOfPlan(db, householdId, plan.id) : []);
  const findingsRead = asked(
    plan
      ? childFindings(
          db,
          householdId,
          childId,
          { from: plan.effective_from, to, asOf, bucket: 'week' },
          asOf,
          language,
        )
      : null,
  );
  const keyDatesRead = asked(plan ? keyDatesOfPlan(db, householdId, plan.id) : []);

  const team = settled(await teamRead);
  if (plan) settled(await entriesRead);
  const services: CaseService[] = [...settled(await currentRead)];
  // The services of the earlier plans whose make-up minutes are still owed: the letters and the advisor
  // still speak of them.
  for (const [i, earlier] of earlierPlans.entries()) {
    const earlierServices = settled(await earlierRead[i]!);
    services.push(
      ...earlierServices
        .filter((s) => s.ledger.owedBalanceMinutes > 0)
        .map((s) => ({
          ...s,
          earlierPlan: {
            id: earlier.id,
            title: earlier.title,
            effectiveFrom: earlier.effective_from,
            effectiveTo: earlier.effective_to,
          },
        })),
    );
  }

  const accommodationRows = settled(await accommodationRowsRead);
  const observations = settled(await observationsRead);
  // A work sample where the parent looked for an accommodation is a record about it too (its id is the
  // sample's): the letters and the living IEP count it with the observations, by occurrence.
  const samples = settled(await samplesRead);
  const checksOf = new Map<string, CaseObservation[]>();
  for (const w of samples) {
    for (const c of w.accommodationChecks) {
      const list = checksOf.get(c.accommodationId) ?? [];
      list.push({
        id: w.id,
        record: 'work_sample',
        date: w.date,
        outcome: c.outcome as CaseObservation['outcome'],
        className: w.class_name,
        setting: w.setting,
        teacherKind: w.teacher_kind,
        source: 'work_sample',
        note: w.note ?? w.title,
      });
      checksOf.set(c.accommodationId, list);
    }
  }
  const accommodations = accommodationRows.map((a) => ({
    id: a.id,
    text: a.text,
    observations: observations
      .filter((o) => o.accommodationId === a.id && (o.date as string) <= asOf && o.voidedAt == null)
      .map((o) => ({
        id: o.id,
        date: o.date as string,
        outcome: o.outcome as 'provided' | 'not_provided' | 'partly' | 'unknown',
        className: o.className as string | null,
        setting: o.setting as string | null,
        teacherKind: o.teacherKind as string,
        source: o.source as string,
        note: o.note as string | null,
      }))
      .concat(checksOf.get(a.id) ?? []),
  }));

  const goals = settled(await goalsRead);
  const findings = settled(await findingsRead);
  const keyDates = settled(await keyDatesRead);
  const notes = settled(await notesRead);
  const communications: Communication[] = settled(await communicationsRead).filter((c) => c.date <= asOf);

  const calendars = settled(await calendarsRead);
  const isSchoolDay = schoolDayTestOf(calendars);
  // California's count leaves out the summer and vacations of more than five school days; business days
  // leave out the calendar's holidays and breaks (src/domain/deadlines.ts).
  const { inLongVacation, isBusinessDay } = calendarDeadlineDays(calendars);
  const absentDays = settled(await absentRead);
  // Letters marked sent: the step each problem's ladder has reached (src/domain/advisor.ts).
  const sentDates = new Map(communications.map((c) => [c.id, c.date]));
  const lettersSent = settled(await lettersRead).flatMap((l) => {
    const date = l.communication_id ? sentDates.get(l.communication_id) : undefined;
    if (!l.communication_id || !date) return [];
    const request = letterRequest(l);
    return [
      {
        letterId: l.id,
        kind: l.kind,
        communicationId: l.communication_id,
        date,
        subjectId: request.serviceId ?? request.accommodationId ?? null,
        to: request.to ?? null,
      },
    ];
  });

  // The school's service logs brought in (issue 19): logs asked for and received.
  const serviceLogsReceived = settled(await logsRead)
    .map((r) => ({ importId: r.id, date: r.created_at.slice(0, 10), serviceId: r.service_id }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.importId.localeCompare(b.importId));

  return {
    asOf,
    child: childSummary(child),
    parent,
    plan: plan
      ? {
          id: plan.id,
          kind: plan.kind as 'iep' | '504',
          jurisdiction: { country: plan.country as 'US' | 'CA', region: plan.region },
          title: plan.title,
          effectiveFrom: plan.effective_from,
          effectiveTo: plan.effective_to,
          closurePolicy: closurePolicyOf(plan.reason_policy),
        }
      : null,
    nextPlan: nextPlan
      ? { id: nextPlan.id, title: nextPlan.title, effectiveFrom: nextPlan.effective_from }
      : null,
    team,
    services,
    accommodations,
    goals,
    findings: findings ?? [],
    communications,
    keyDates,
    parentNotes: notes.map((n) => ({
      id: n.id,
      date: n.date as string,
      kind: n.kind as 'new_challenge' | 'concern' | 'harm' | 'win',
      text: n.text as string,
    })),
    replySchoolDays: settled(await settingsRead).replySchoolDays,
    isSchoolDay,
    inLongVacation,
    isBusinessDay,
    absentDays,
    lettersSent,
    serviceLogsReceived,
  };
}

/** How the plan classifies a session lost to a closure, and whether the plan says so or the default applies. */
function closurePolicyOf(stored: string | null): NonNullable<CasePlan['closurePolicy']> {
  const own = storedReasonPolicy(stored).school_closed;
  return {
    responsibility: effectivePolicy(stored).school_closed,
    setOnPlan: own != null,
  };
}
