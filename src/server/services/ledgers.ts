import type { LedgerQuery } from '../../api/ledger.ts';
import { currentSessionEntries } from '../../domain/corrections.ts';
import {
  NO_SCHEDULE,
  type ScheduleOf,
  type SessionStatement,
  scheduleFromTerms,
  sessionOccurrences,
} from '../../domain/occurrences.ts';
import { resolveServiceTerms, type ServiceDefinition } from '../../domain/plan-versions.ts';
import { buildCalendarIndex } from '../../domain/school-calendar.ts';
import { computeServiceLedger, type ServiceLedger } from '../../domain/service-ledger.ts';
import { DEFAULT_REASON_POLICY, type LedgerEntry, type ReasonPolicy } from '../../domain/session-entry.ts';
import { requireChild } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import { storedReasonPolicy } from '../../store/plans.repository.ts';
import { onceInView } from '../../store/read-memo.ts';
import type { Db } from '../../store/repository.ts';
import type { SessionEntryRow } from '../../store/schema.ts';
import { servicesWithPlan } from '../../store/services.repository.ts';
import { type LedgerEntryRow, listLedgerEntryRows } from '../../store/session-entries.repository.ts';
import { invalid, notFound } from '../errors.ts';
import { loadVersionsWithContent } from './plan-versions.ts';
import { loadCalendars } from './school-calendars.ts';

/** A stored entry, as the grouping into sessions reads it (the row rides along). */
export type EntryStatement<R = SessionEntryRow> = SessionStatement & { startTime: string | null; row: R };

export function entryStatement<
  R extends Pick<SessionEntryRow, 'id' | 'service_id' | 'date' | 'kind' | 'status' | 'source' | 'start_time'>,
>(row: R): EntryStatement<R> {
  return {
    id: row.id,
    serviceId: row.service_id,
    date: row.date,
    kind: row.kind,
    status: row.status,
    source: row.source,
    startTime: row.start_time ?? null,
    row,
  };
}

/**
 * The entries the ledger counts: the last entry of each correction chain (currentSessionEntries, the
 * one home of that rule), then one entry per session however many sources logged it (sessionOccurrences
 * in src/domain/occurrences.ts: the record-keeper's statement counts, the others are set aside). A
 * chain that ends in a void is passed as the void, which the ledger counts for nothing; each entry that
 * replaced others (by correction, or as the counted statement of a session) names them, so a make-up
 * that named one of them can follow it (docs/ledger-rules.md). `scheduleOf` gives the sessions the plan
 * schedules on a day (scheduleFromTerms), which bounds how many sessions one day can hold.
 */
export function toLedgerEntries(
  rows: LedgerEntryRow[],
  scheduleOf: ScheduleOf = () => NO_SCHEDULE,
): LedgerEntry[] {
  return ledgerEntriesAndSessions(rows, scheduleOf).entries;
}

/** A session several entries speak of: the statement of each source, and whether they disagree. */
export type SharedSession = {
  date: string;
  startTime: string | null;
  /** The entry the ledger counts (docs/ledger-rules.md, "Session occurrences"). */
  countedEntryId: string;
  disagreement: boolean;
  /** The current statement of each source, the counted one first. */
  statements: { entryId: string; source: string; status: string; minutesDelivered: number }[];
  /** Earlier entries of a source that spoke again about the same session. */
  supersededEntryIds: string[];
};

/** `toLedgerEntries`, with the sessions that more than one entry speaks of (shown beside the ledger). */
export function ledgerEntriesAndSessions(
  rows: LedgerEntryRow[],
  scheduleOf: ScheduleOf = () => NO_SCHEDULE,
): { entries: LedgerEntry[]; shared: SharedSession[] } {
  let current: LedgerEntryRow[] = rows;
  let voids: LedgerEntryRow[] = [];
  const replaces = new Map<string, string[]>();
  // At district scale almost no entry is corrected: skip the chain work when none is.
  if (rows.some((r) => r.corrects_entry_id != null)) {
    const chains = currentSessionEntries(
      rows.map((row) => ({ id: row.id, correctsEntryId: row.corrects_entry_id, status: row.status, row })),
    );
    current = chains.current.map((c) => c.row);
    voids = chains.voids.map((c) => c.row);
    for (const [head, list] of chains.replaced)
      replaces.set(
        head,
        list.map((e) => e.id),
      );
  }
  const sessions = sessionOccurrences(
    current.map(entryStatement),
    scheduleOf,
    // Only the sessions more than one entry speaks of are needed here (a district's ledgers run this).
    { singles: false },
  );
  for (const o of sessions.occurrences) {
    if (o.entryIds.length === 1) continue;
    const also = o.entryIds.filter((id) => id !== o.counted.id);
    const list = replaces.get(o.counted.id) ?? [];
    for (const id of also) list.push(id, ...(replaces.get(id) ?? []));
    replaces.set(o.counted.id, list);
  }
  const toEntry = (r: LedgerEntryRow): LedgerEntry => {
    const entry: LedgerEntry = {
      id: r.id,
      date: r.date,
      kind: r.kind as LedgerEntry['kind'],
      status: r.status as LedgerEntry['status'],
      minutesDelivered: Number(r.minutes_delivered),
      minutesPlanned: r.minutes_planned == null ? null : Number(r.minutes_planned),
      reason: r.reason as LedgerEntry['reason'],
      responsibility: r.responsibility as LedgerEntry['responsibility'],
      makeupForEntryId: r.makeup_for_entry_id,
    };
    const replaced = replaces.get(r.id);
    if (replaced) entry.replaces = replaced;
    return entry;
  };
  const out = sessions.counted.map((c) => toEntry(c.row));
  for (const v of voids) out.push(toEntry(v));
  const shared: SharedSession[] = [];
  for (const o of sessions.occurrences) {
    if (o.entryIds.length === 1) continue;
    shared.push({
      date: o.date,
      startTime: o.startTime,
      countedEntryId: o.counted.id,
      disagreement: o.disagreement,
      statements: o.statements.map((e) => ({
        entryId: e.id,
        source: e.source,
        status: e.status,
        minutesDelivered: Number(e.row.minutes_delivered),
      })),
      supersededEntryIds: o.superseded.map((e) => e.id),
    });
  }
  return { entries: out, shared };
}

/** A service's dated amounts across its plan's versions (each version's definition for its own dates). */
export function termsOfService(
  versions: Awaited<ReturnType<typeof loadVersionsWithContent>>,
  serviceId: string,
  planEnd: string,
) {
  return resolveServiceTerms(
    versions.map((v) => ({
      span: v,
      service:
        (v.content.services.find((x) => x.id === serviceId) as unknown as ServiceDefinition | undefined) ??
        null,
    })),
    planEnd,
  );
}

export function effectivePolicy(stored: string | null): ReasonPolicy {
  return { ...DEFAULT_REASON_POLICY, ...storedReasonPolicy(stored) };
}

export type ServiceLedgerView = ServiceLedger & {
  service: { id: string; name: string; planId: string; childId: string };
  asOf: string;
  /** Sessions in the window that more than one entry speaks of, each counted once (oldest first). */
  sharedSessions: SharedSession[];
};

/** Compute the ledgers of the given services (or every service of a child) for a window. */
export async function computeLedgers(
  db: Db,
  householdId: string,
  scope: { serviceId: string } | { childId: string },
  query: LedgerQuery,
  today: string,
  /** `language`: the notes' language, the reader's (English by default). */
  options: { listOwedMisses?: boolean; language?: string } = {},
): Promise<ServiceLedgerView[]> {
  const asOf = query.asOf ?? today;
  const services = await servicesWithPlan(db, householdId, scope);
  if ('serviceId' in scope && services.length === 0) throw notFound('Service', scope.serviceId);
  if ('childId' in scope) {
    await requireChild(db, householdId, scope.childId);
  }
  if (services.length === 0) return [];
  const childId = services[0]!.child_id;
  const calendars = await loadCalendars(db, householdId, childId);
  if (calendars.length === 0) {
    throw invalid(
      'childId',
      'has no school calendar yet; add the school year first so school days can be counted',
      { rule: 'ledger.noCalendar' },
    );
  }
  // Read-only, so through a read memo (the caseload) one index serves each of the child's ledgers.
  const calendar = await onceInView(db, `calendarIndex\u0000${householdId}\u0000${childId}`, async () =>
    buildCalendarIndex(calendars),
  );
  const versionsByPlan = new Map<string, Awaited<ReturnType<typeof loadVersionsWithContent>>>();
  // Entries up to the window's end, and every correction whatever its date: a correction dated later
  // (a date put right) still replaces the entry it corrects.
  const entryRows = await listLedgerEntryRows(
    db,
    householdId,
    services.map((s) => s.id),
    query.to,
    childId,
  );
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
    const terms = termsOfService(versions, s.id, s.plan_end);
    const schedule = scheduleFromTerms(terms);
    const grouped = ledgerEntriesAndSessions(byService.get(s.id) ?? [], (_service, date) => schedule(date));
    const ledger = computeServiceLedger({
      service: { serviceId: s.id, ...terms },
      calendar,
      entries: grouped.entries.filter((e) => e.date <= query.to),
      policy: effectivePolicy(s.reason_policy),
      window: { from: query.from, to: query.to },
      asOf,
      grouping: query.grouping,
      ...(options.listOwedMisses ? { listOwedMisses: true } : {}),
      ...(options.language === 'es' ? { language: 'es' as const } : {}),
    });
    out.push({
      ...ledger,
      asOf,
      service: { id: s.id, name: s.name, planId: s.plan_id, childId: s.child_id },
      sharedSessions: grouped.shared.filter((x) => x.date >= query.from && x.date <= query.to),
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
  language = 'en',
) {
  const [ledger] = await computeLedgers(store.db, householdId, { serviceId }, query, today, { language });
  return ledger!;
}
