import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { IsoDateSchema } from '../../domain/common.ts';
import { resolveServiceTerms, type ServiceDefinition } from '../../domain/plan-versions.ts';
import { buildCalendarIndex } from '../../domain/school-calendar.ts';
import type { SchoolCalendar } from '../../domain/school-calendar-model.ts';
import { computeServiceLedger, type ServiceLedger } from '../../domain/service-ledger.ts';
import {
  childReportsSetAside,
  DEFAULT_REASON_POLICY,
  type LedgerEntry,
  type ReasonPolicy,
} from '../../domain/session-entry.ts';
import type { Store } from '../../store/database.ts';
import type { Database, SessionEntryRow } from '../../store/schema.ts';
import { invalid, notFound } from '../errors.ts';
import { loadVersionsWithContent } from './plan-versions.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const LedgerQuery = z
  .object({
    from: IsoDateSchema,
    to: IsoDateSchema,
    /** The day the ledger is computed for; defaults to today. Days after it owe nothing yet. */
    asOf: IsoDateSchema.optional(),
    grouping: z.enum(['auto', 'week', 'month']).default('auto'),
  })
  .superRefine((q, ctx) => {
    if (q.to < q.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${q.from})` });
  });
export type LedgerQuery = z.infer<typeof LedgerQuery>;

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

/** Entries the ledger counts: those not replaced by a later correction. */
export type LedgerEntryRow = Pick<
  SessionEntryRow,
  | 'id'
  | 'service_id'
  | 'date'
  | 'kind'
  | 'status'
  | 'minutes_delivered'
  | 'minutes_planned'
  | 'reason'
  | 'responsibility'
  | 'makeup_for_entry_id'
  | 'corrects_entry_id'
  | 'source'
>;

/** Only the columns the ledger reads (reading whole rows costs as much as the ledger itself at scale). */
export const LEDGER_ENTRY_COLUMNS = [
  'id',
  'service_id',
  'date',
  'kind',
  'status',
  'minutes_delivered',
  'minutes_planned',
  'reason',
  'responsibility',
  'makeup_for_entry_id',
  'corrects_entry_id',
  'source',
] as const;

export function toLedgerEntries(rows: LedgerEntryRow[]): LedgerEntry[] {
  const corrected = new Set(rows.map((r) => r.corrects_entry_id).filter((id): id is string => id != null));
  const current = rows.filter((r) => !corrected.has(r.id));
  const setAside = childReportsSetAside(
    current.map((r) => ({ id: r.id, serviceId: r.service_id, date: r.date, kind: r.kind, source: r.source })),
  );
  return current
    .filter((r) => !setAside.has(r.id))
    .map((r) => ({
      id: r.id,
      date: r.date,
      kind: r.kind as LedgerEntry['kind'],
      status: r.status as LedgerEntry['status'],
      minutesDelivered: Number(r.minutes_delivered),
      minutesPlanned: r.minutes_planned == null ? null : Number(r.minutes_planned),
      reason: r.reason as LedgerEntry['reason'],
      responsibility: r.responsibility as LedgerEntry['responsibility'],
      makeupForEntryId: r.makeup_for_entry_id,
    }));
}

export function effectivePolicy(stored: string | null): ReasonPolicy {
  return { ...DEFAULT_REASON_POLICY, ...(stored ? (JSON.parse(stored) as Partial<ReasonPolicy>) : {}) };
}

export type ServiceLedgerView = ServiceLedger & {
  service: { id: string; name: string; planId: string; childId: string };
  asOf: string;
};

/** Compute the ledgers of the given services (or every service of a child) for a window. */
export async function computeLedgers(
  db: Db,
  householdId: string,
  scope: { serviceId: string } | { childId: string },
  query: LedgerQuery,
  today: string,
): Promise<ServiceLedgerView[]> {
  const asOf = query.asOf ?? today;
  let servicesQuery = db
    .selectFrom('service')
    .innerJoin('plan', (join) =>
      join.onRef('plan.id', '=', 'service.plan_id').onRef('plan.household_id', '=', 'service.household_id'),
    )
    .select([
      'service.id',
      'service.name',
      'service.plan_id',
      'plan.child_id',
      'plan.reason_policy',
      'plan.effective_to',
    ])
    .where('service.household_id', '=', householdId);
  servicesQuery =
    'serviceId' in scope
      ? servicesQuery.where('service.id', '=', scope.serviceId)
      : servicesQuery.where('plan.child_id', '=', scope.childId);
  const services = await servicesQuery.orderBy('service.created_at').orderBy('service.id').execute();
  if ('serviceId' in scope && services.length === 0) throw notFound('Service', scope.serviceId);
  if ('childId' in scope) {
    const child = await db
      .selectFrom('child')
      .select('id')
      .where('household_id', '=', householdId)
      .where('id', '=', scope.childId)
      .executeTakeFirst();
    if (!child) throw notFound('Child', scope.childId);
  }
  if (services.length === 0) return [];
  const childId = services[0]!.child_id;
  const calendars = await loadCalendars(db, householdId, childId);
  if (calendars.length === 0) {
    throw invalid(
      'childId',
      'has no school calendar yet; add the school year first so school days can be counted',
    );
  }
  const calendar = buildCalendarIndex(calendars);
  const versionsByPlan = new Map<string, Awaited<ReturnType<typeof loadVersionsWithContent>>>();
  const entryRows = await db
    .selectFrom('session_entry')
    .select(LEDGER_ENTRY_COLUMNS)
    .where('household_id', '=', householdId)
    .where(
      'service_id',
      'in',
      services.map((s) => s.id),
    )
    .where('date', '<=', query.to)
    .execute();
  const byService = new Map<string, LedgerEntryRow[]>();
  for (const row of entryRows) {
    const list = byService.get(row.service_id) ?? [];
    list.push(row);
    byService.set(row.service_id, list);
  }
  const out: ServiceLedgerView[] = [];
  for (const s of services) {
    let versions = versionsByPlan.get(s.plan_id);
    if (!versions) {
      versions = await loadVersionsWithContent(db, householdId, s.plan_id);
      versionsByPlan.set(s.plan_id, versions);
    }
    const terms = resolveServiceTerms(
      versions.map((v) => ({
        span: v,
        service:
          (v.content.services.find((x) => x.id === s.id) as unknown as ServiceDefinition | undefined) ?? null,
      })),
      s.effective_to,
    );
    const ledger = computeServiceLedger({
      service: { serviceId: s.id, ...terms },
      calendar,
      entries: toLedgerEntries(byService.get(s.id) ?? []),
      policy: effectivePolicy(s.reason_policy),
      window: { from: query.from, to: query.to },
      asOf,
      grouping: query.grouping,
    });
    out.push({
      ...ledger,
      asOf,
      service: { id: s.id, name: s.name, planId: s.plan_id, childId: s.child_id },
    });
  }
  return out;
}

export async function serviceLedger(
  store: Store,
  householdId: string,
  serviceId: string,
  query: LedgerQuery,
  today: string,
) {
  const [ledger] = await computeLedgers(store.db, householdId, { serviceId }, query, today);
  return ledger!;
}
