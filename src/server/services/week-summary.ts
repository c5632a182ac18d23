import type { Kysely } from 'kysely';
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../../domain/common.ts';
import { addDays, weekStart } from '../../domain/dates.ts';
import { MissReason, SessionStatus } from '../../domain/session-entry.ts';
import type { Database } from '../../store/schema.ts';
import { notFound } from '../errors.ts';
import { computeLedgers } from './ledgers.ts';

// The home screen in one call: for each of a child's services, this week's promised, delivered,
// missed and not-yet-confirmed sessions, the make-up minutes owed so far, and what needs attention.

export const WeekSummary = z.object({
  childId: IdSchema,
  today: IsoDateSchema,
  weekStart: IsoDateSchema,
  weekEnd: IsoDateSchema,
  hasCalendar: z.boolean(),
  closures: z.array(z.string()),
  services: z.array(
    z.object({
      serviceId: IdSchema,
      name: z.string(),
      area: z.string(),
      /** push_in, pull_out or consultation: a pull-out session's start time places it against the timetable. */
      setting: z.string(),
      minutesPerSession: z.number().nullable(),
      promisedSessions: z.number().nullable(),
      promisedMinutes: z.number(),
      deliveredSessions: z.number(),
      deliveredMinutes: z.number(),
      missedSessions: z.number(),
      notYetConfirmed: z.number().nullable(),
      owedBalanceMinutes: z.number(),
      pendingMinutes: z.number(),
      percentDeliveredThisYear: z.number().nullable(),
      entries: z.array(
        z.object({
          id: IdSchema,
          date: z.string(),
          kind: z.string(),
          status: SessionStatus,
          minutesDelivered: z.number(),
          reason: MissReason.nullable(),
          source: z.string(),
        }),
      ),
    }),
  ),
  /** Accommodations observed this week, those that slipped (not provided or partly) first. */
  accommodations: z.array(
    z.object({
      accommodationId: IdSchema,
      text: z.string(),
      provided: z.number(),
      partly: z.number(),
      notProvided: z.number(),
      unknown: z.number(),
      slipped: z.boolean(),
      observations: z.array(
        z.object({
          id: IdSchema,
          date: z.string(),
          outcome: z.string(),
          className: z.string().nullable(),
          teacherKind: z.string(),
          source: z.string(),
        }),
      ),
    }),
  ),
  attention: z.array(
    z.object({
      kind: z.enum(['owed', 'no_entries', 'pending', 'behind', 'accommodation']),
      /** The service (or, for kind "accommodation", the accommodation) it is about. */
      serviceId: IdSchema,
      message: z.string(),
    }),
  ),
});
export type WeekSummary = z.infer<typeof WeekSummary>;

export async function weekSummary(
  db: Kysely<Database>,
  householdId: string,
  childId: string,
  today: string,
): Promise<WeekSummary> {
  const child = await db
    .selectFrom('child')
    .select('id')
    .where('household_id', '=', householdId)
    .where('id', '=', childId)
    .executeTakeFirst();
  if (!child) throw notFound('Child', childId);
  const start = weekStart(today);
  const end = addDays(start, 6);
  const services = await db
    .selectFrom('service')
    .innerJoin('plan', (join) =>
      join.onRef('plan.id', '=', 'service.plan_id').onRef('plan.household_id', '=', 'service.household_id'),
    )
    .select([
      'service.id',
      'service.name',
      'service.area',
      'service.setting',
      'service.segments',
      'service.start_date',
    ])
    .where('service.household_id', '=', householdId)
    .where('plan.child_id', '=', childId)
    .where('plan.status', '!=', 'ended')
    .orderBy('service.created_at')
    .orderBy('service.id')
    .execute();
  const calendar = await db
    .selectFrom('school_calendar')
    .select('id')
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .executeTakeFirst();
  const base = { childId, today, weekStart: start, weekEnd: end, hasCalendar: Boolean(calendar) };
  const accommodations = await accommodationsThisWeek(db, householdId, childId, start, end);
  if (services.length === 0 || !calendar)
    return { ...base, closures: [], services: [], accommodations, attention: [] };

  const earliest = services.reduce(
    (min, s) => (s.start_date < min ? s.start_date : min),
    services[0]!.start_date,
  );
  const from = earliest < start ? earliest : start;
  // One ledger per service up to the end of this week: this week's row gives what is promised;
  // owed and pending minutes come from entries, which are never dated after today; "so far"
  // percentages use the weeks before this one.
  const ledgers = await computeLedgers(
    db,
    householdId,
    { childId },
    { from, to: end, asOf: end, grouping: 'week' },
    today,
  );
  const entries = await db
    .selectFrom('session_entry')
    .select(['id', 'service_id', 'date', 'kind', 'status', 'minutes_delivered', 'reason', 'source'])
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .where('date', '>=', start)
    .where('date', '<=', end)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const lastWeekStart = addDays(start, -7);
  const attention: WeekSummary['attention'] = [];
  const out: WeekSummary['services'] = [];
  let closures: string[] = [];
  for (const s of services) {
    const ledger = ledgers.find((l) => l.serviceId === s.id);
    const before = ledger?.periods.filter((p) => p.end < start) ?? [];
    const requiredBefore = before.reduce((sum, p) => sum + p.requiredMinutes, 0);
    const deliveredBefore = before.reduce((sum, p) => sum + p.deliveredMinutes, 0);
    const percentSoFar =
      requiredBefore > 0 ? Math.round((deliveredBefore / requiredBefore) * 1000) / 10 : null;
    const week = ledger?.periods.find((p) => p.start <= start && p.end >= start) ?? null;
    if (week && closures.length === 0) closures = week.closures;
    const mine = entries.filter((e) => e.service_id === s.id);
    const scheduled = mine.filter((e) => e.kind === 'scheduled');
    const delivered = scheduled.filter((e) => e.status !== 'missed');
    const missed = scheduled.filter((e) => e.status === 'missed');
    const segments = JSON.parse(s.segments) as {
      startDate: string;
      endDate: string;
      minutesPerSession: number | null;
    }[];
    const segment = segments.find((g) => today >= g.startDate && today <= g.endDate) ?? null;
    const promised = week?.requiredSessions ?? null;
    const owed = ledger?.totals.owedBalanceMinutes ?? 0;
    const pending = ledger?.totals.pendingMinutes ?? 0;
    out.push({
      serviceId: s.id,
      name: s.name,
      area: s.area,
      setting: s.setting,
      minutesPerSession: segment?.minutesPerSession ?? null,
      promisedSessions: promised,
      promisedMinutes: week?.requiredMinutes ?? 0,
      deliveredSessions: delivered.length,
      deliveredMinutes: delivered.reduce((sum, e) => sum + Number(e.minutes_delivered), 0),
      missedSessions: missed.length,
      notYetConfirmed: promised == null ? null : Math.max(0, promised - scheduled.length),
      owedBalanceMinutes: owed,
      pendingMinutes: pending,
      percentDeliveredThisYear: percentSoFar,
      entries: mine.map((e) => ({
        id: e.id,
        date: e.date,
        kind: e.kind,
        status: e.status as 'delivered',
        minutesDelivered: Number(e.minutes_delivered),
        reason: e.reason as null,
        source: e.source,
      })),
    });
    if (owed > 0)
      attention.push({ kind: 'owed', serviceId: s.id, message: `${s.name}: ${owed} make-up minutes owed` });
    const lastWeek = ledger?.periods.find((p) => p.start === lastWeekStart);
    if (lastWeek && lastWeek.requiredMinutes > 0 && lastWeek.scheduledSessions === 0) {
      attention.push({
        kind: 'no_entries',
        serviceId: s.id,
        message: `${s.name}: nothing was logged for the week of ${lastWeekStart}`,
      });
    }
    if (pending > 0) {
      attention.push({
        kind: 'pending',
        serviceId: s.id,
        message: `${s.name}: ${pending} missed minutes need a reason (owed or not?)`,
      });
    }
    if (percentSoFar != null && percentSoFar < 80 && requiredBefore >= 60) {
      attention.push({
        kind: 'behind',
        serviceId: s.id,
        message: `${s.name}: ${percentSoFar}% of the required minutes delivered before this week`,
      });
    }
  }
  for (const a of accommodations) {
    if (a.slipped) {
      attention.push({
        kind: 'accommodation',
        serviceId: a.accommodationId,
        message: `${a.text}: not provided ${a.notProvided + a.partly === 1 ? 'once' : `${a.notProvided + a.partly} times`} this week`,
      });
    }
  }
  return { ...base, closures, services: out, accommodations, attention };
}

async function accommodationsThisWeek(
  db: Kysely<Database>,
  householdId: string,
  childId: string,
  start: string,
  end: string,
) {
  const rows = await db
    .selectFrom('accommodation_observation')
    .innerJoin('accommodation', (join) =>
      join
        .onRef('accommodation.id', '=', 'accommodation_observation.accommodation_id')
        .onRef('accommodation.household_id', '=', 'accommodation_observation.household_id'),
    )
    .innerJoin('plan', (join) =>
      join
        .onRef('plan.id', '=', 'accommodation.plan_id')
        .onRef('plan.household_id', '=', 'accommodation.household_id'),
    )
    .select([
      'accommodation_observation.id',
      'accommodation_observation.accommodation_id',
      'accommodation_observation.date',
      'accommodation_observation.outcome',
      'accommodation_observation.class_name',
      'accommodation_observation.teacher_kind',
      'accommodation_observation.source',
      'accommodation.text',
    ])
    .where('accommodation_observation.household_id', '=', householdId)
    .where('plan.child_id', '=', childId)
    .where('accommodation_observation.date', '>=', start)
    .where('accommodation_observation.date', '<=', end)
    .orderBy('accommodation_observation.date')
    .orderBy('accommodation_observation.id')
    .execute();
  // What this week's work samples show counts too: each check is an observation from the work.
  const samples = await db
    .selectFrom('work_sample')
    .select(['id', 'date', 'class_name', 'teacher_kind', 'accommodation_checks'])
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .where('date', '>=', start)
    .where('date', '<=', end)
    .execute();
  const checks = samples.flatMap((w) =>
    (JSON.parse(w.accommodation_checks) as { accommodationId: string; outcome: string }[]).map((c) => ({
      id: w.id,
      accommodation_id: c.accommodationId,
      date: w.date,
      outcome: c.outcome,
      class_name: w.class_name,
      teacher_kind: w.teacher_kind,
      source: 'work_sample',
    })),
  );
  if (checks.length > 0) {
    const texts = await db
      .selectFrom('accommodation')
      .select(['id', 'text'])
      .where('household_id', '=', householdId)
      .where(
        'id',
        'in',
        checks.map((c) => c.accommodation_id),
      )
      .execute();
    const textOf = new Map(texts.map((t) => [t.id, t.text]));
    for (const c of checks) {
      const text = textOf.get(c.accommodation_id);
      if (text !== undefined) rows.push({ ...c, text });
    }
    rows.sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date.localeCompare(b.date)));
  }
  const byAccommodation = new Map<string, WeekSummary['accommodations'][number]>();
  for (const r of rows) {
    let a = byAccommodation.get(r.accommodation_id);
    if (!a) {
      a = {
        accommodationId: r.accommodation_id,
        text: r.text,
        provided: 0,
        partly: 0,
        notProvided: 0,
        unknown: 0,
        slipped: false,
        observations: [],
      };
      byAccommodation.set(r.accommodation_id, a);
    }
    if (r.outcome === 'provided') a.provided++;
    else if (r.outcome === 'partly') a.partly++;
    else if (r.outcome === 'not_provided') a.notProvided++;
    else a.unknown++;
    a.slipped = a.notProvided + a.partly > 0;
    a.observations.push({
      id: r.id,
      date: r.date,
      outcome: r.outcome,
      className: r.class_name,
      teacherKind: r.teacher_kind,
      source: r.source,
    });
  }
  return [...byAccommodation.values()].sort((x, y) => Number(y.slipped) - Number(x.slipped));
}
