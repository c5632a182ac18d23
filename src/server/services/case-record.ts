import type { CaseRecord, CaseService } from '../../domain/case-record.ts';
import type { Communication } from '../../domain/communications.ts';
import { addDays, isoWeekday } from '../../domain/dates.ts';
import type { Store } from '../../store/database.ts';
import { AppError, notFound } from '../errors.ts';
import { loadCommunications } from './communication-status.ts';
import { schoolDayTest } from './household-settings.ts';
import { computeLedgers, loadCalendars } from './ledgers.ts';
import { childPatterns } from './patterns.ts';
import { listRecords } from './records.ts';
import { RESOURCES } from './resources.ts';

// Gathers everything the letter writer and the advisor read about one child on a day, from the
// store, into the pure CaseRecord (src/domain/case-record.ts). Read-only.

/** A school vacation "longer than 5 school days" (California Ed. Code 56343(c)). */
const LONG_VACATION_WEEKDAYS = 5;

export async function gatherCaseRecord(
  store: Store,
  householdId: string,
  childId: string,
  asOf: string,
  parent: { name: string; email: string | null },
): Promise<CaseRecord> {
  const db = store.db;
  const child = await db
    .selectFrom('child')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('id', '=', childId)
    .executeTakeFirst();
  if (!child) throw notFound('Child', childId);
  const plans = await db
    .selectFrom('plan')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .orderBy('effective_from', 'desc')
    .execute();
  // The plan in force on the day, or else the latest one that started before it.
  const plan =
    plans.find((p) => p.effective_from <= asOf && asOf <= p.effective_to) ??
    plans.find((p) => p.effective_from <= asOf) ??
    null;

  const team = await db
    .selectFrom('team_contact')
    .select(['id', 'name', 'role', 'email'])
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .orderBy('created_at')
    .execute();

  const services: CaseService[] = [];
  if (plan) {
    const from = plan.effective_from;
    const to = asOf < plan.effective_to ? asOf : plan.effective_to;
    let ledgers: Awaited<ReturnType<typeof computeLedgers>> = [];
    try {
      ledgers =
        from <= to
          ? await computeLedgers(db, householdId, { childId }, { from, to, asOf, grouping: 'week' }, asOf)
          : [];
    } catch (error) {
      // No school calendar yet: there is no ledger to quote, but the rest of the record stands.
      if (!(error instanceof AppError)) throw error;
    }
    const serviceRows = await db
      .selectFrom('service')
      .select(['id', 'name', 'source_text', 'provider_role', 'start_date', 'end_date', 'plan_id'])
      .where('household_id', '=', householdId)
      .where('plan_id', '=', plan.id)
      .orderBy('created_at')
      .execute();
    const entries = await db
      .selectFrom('session_entry')
      .select([
        'id',
        'service_id',
        'date',
        'status',
        'reason',
        'minutes_planned',
        'minutes_delivered',
        'kind',
      ])
      .where('household_id', '=', householdId)
      .where('child_id', '=', childId)
      .orderBy('date')
      .execute();
    for (const s of serviceRows) {
      const ledger = ledgers.find((l) => l.serviceId === s.id);
      const own = entries.filter((e) => e.service_id === s.id);
      const totals = ledger?.totals;
      services.push({
        id: s.id,
        name: s.name,
        sourceText: s.source_text,
        providerRole: s.provider_role,
        startDate: s.start_date,
        endDate: s.end_date,
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
          misses: own
            .filter(
              (e) => e.kind === 'scheduled' && e.status !== 'delivered' && e.date >= from && e.date <= to,
            )
            .map((e) => ({
              entryId: e.id,
              date: e.date,
              reason: e.reason,
              minutes: Math.max(0, Number(e.minutes_planned ?? 0) - Number(e.minutes_delivered)),
            })),
        },
        weeks: (ledger?.periods ?? []).map((p) => ({
          start: p.start,
          requiredMinutes: p.requiredMinutes,
          deliveredMinutes: p.deliveredMinutes,
          owedMinutes: p.owedMinutes,
          entryIds: [...p.entryIds.delivered, ...p.entryIds.short, ...p.entryIds.missed],
        })),
      });
    }
  }

  const accommodationRows = plan
    ? await db
        .selectFrom('accommodation')
        .select(['id', 'text'])
        .where('household_id', '=', householdId)
        .where('plan_id', '=', plan.id)
        .orderBy('created_at')
        .execute()
    : [];
  const observations = await listRecords(store, householdId, RESOURCES.accommodationObservation, {});
  const accommodations = accommodationRows.map((a) => ({
    id: a.id,
    text: a.text,
    observations: observations
      .filter((o) => o.accommodationId === a.id && (o.date as string) <= asOf)
      .map((o) => ({
        id: o.id,
        date: o.date as string,
        outcome: o.outcome as 'provided' | 'not_provided' | 'partly' | 'unknown',
        className: o.className as string | null,
        setting: o.setting as string | null,
        teacherKind: o.teacherKind as string,
        source: o.source as string,
        note: o.note as string | null,
      })),
  }));

  const goals = plan
    ? await db
        .selectFrom('goal')
        .select(['id', 'area', 'text'])
        .where('household_id', '=', householdId)
        .where('plan_id', '=', plan.id)
        .orderBy('created_at')
        .execute()
    : [];
  const patterns = plan
    ? await childPatterns(
        db,
        householdId,
        childId,
        {
          from: plan.effective_from,
          to: asOf < plan.effective_to ? asOf : plan.effective_to,
          asOf,
          bucket: 'week',
        },
        asOf,
      )
    : null;
  const keyDates = plan
    ? await db
        .selectFrom('key_date')
        .select(['kind', 'date', 'label'])
        .where('household_id', '=', householdId)
        .where('plan_id', '=', plan.id)
        .orderBy('date')
        .execute()
    : [];
  const notes = await listRecords(store, householdId, RESOURCES.parentNote, { childId });
  const communications: Communication[] = (await loadCommunications(store, householdId, childId)).filter(
    (c) => c.date <= asOf,
  );

  const isSchoolDay = await schoolDayTest(db, householdId, childId);
  const calendars = await loadCalendars(db, householdId, childId);
  const longVacationDays = new Set<string>();
  for (const cal of calendars) {
    for (const event of cal.events) {
      if (event.kind !== 'break' && event.kind !== 'holiday' && event.kind !== 'closure') continue;
      const end = event.endDate ?? event.startDate;
      const days: string[] = [];
      for (let d = event.startDate; d <= end; d = addDays(d, 1)) days.push(d);
      if (days.filter((d) => isoWeekday(d) <= 5).length > LONG_VACATION_WEEKDAYS)
        for (const d of days) longVacationDays.add(d);
    }
  }

  return {
    asOf,
    child: {
      id: child.id,
      firstName: child.first_name,
      lastName: child.last_name,
      school: child.school,
      grade: child.grade,
    },
    parent,
    plan: plan
      ? {
          id: plan.id,
          kind: plan.kind as 'iep' | '504',
          jurisdiction: { country: plan.country as 'US' | 'CA', region: plan.region },
          title: plan.title,
          effectiveFrom: plan.effective_from,
          effectiveTo: plan.effective_to,
        }
      : null,
    team,
    services,
    accommodations,
    goals,
    findings: patterns?.findings ?? [],
    communications,
    keyDates,
    parentNotes: notes.map((n) => ({
      id: n.id,
      date: n.date as string,
      kind: n.kind as 'new_challenge' | 'concern' | 'harm' | 'win',
      text: n.text as string,
    })),
    isSchoolDay,
    inLongVacation: (date) => longVacationDays.has(date),
  };
}
