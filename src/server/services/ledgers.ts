import type { LedgerQuery } from '../../api/ledger.ts';
import { currentSessionEntries } from '../../domain/corrections.ts';
import {
  type LedgerReach,
  ledgerReach,
  missingCorrectionTargets,
  needsHistory,
} from '../../domain/ledger-history.ts';
import {
  NO_SCHEDULE,
  type ScheduleOf,
  type SessionStatement,
  scheduleFromTerms,
  sessionOccurrences,
} from '../../domain/occurrences.ts';
import { type PlanContent, resolveServiceTerms, type ServiceDefinition } from '../../domain/plan-versions.ts';
import { buildCalendarIndex, type CalendarIndex } from '../../domain/school-calendar.ts';
import type { SchoolCalendar } from '../../domain/school-calendar-model.ts';
import { computeServiceLedger, type ServiceLedger } from '../../domain/service-ledger.ts';
import { DEFAULT_REASON_POLICY, type LedgerEntry, type ReasonPolicy } from '../../domain/session-entry.ts';
import { requireChild } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import { versionSnapshot } from '../../store/plan-versions.repository.ts';
import { versionRowsOfPlans } from '../../store/plan-versions-of-plans.ts';
import { storedReasonPolicy } from '../../store/plans.repository.ts';
import { isReadMemo, onceInView } from '../../store/read-memo.ts';
import type { Db } from '../../store/repository.ts';
import type { PlanVersionRow, SessionEntryRow } from '../../store/schema.ts';
import { type ServiceWithPlan, servicesWithPlan } from '../../store/services.repository.ts';
import {
  type LedgerEntryRow,
  listLedgerEntryRows,
  listLedgerEntryRowsByIds,
  listLedgerEntryRowsInReach,
  listLedgerHistoryRows,
} from '../../store/session-entries.repository.ts';
import { invalid, notFound } from '../errors.ts';
import { loadVersionsWithContent } from './plan-versions.ts';
import { rowToRecord } from './record-mapping.ts';
import { RESOURCES } from './resources.ts';
import { loadCalendars } from './school-calendars.ts';
import { settled } from './settled.ts';

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

/** A service's dated amounts and ESY blocks, as the ledger reads them. */
export type ServiceTerms = ReturnType<typeof termsOfService>;

/**
 * Each service's dated amounts across its plan's versions (`termsOfService`), by service id. A version's
 * services are its frozen content, or for the current version the plan's live service rows, which are the
 * rows given here: so only the versions' rows are read, for all the plans in one statement, where reading
 * each plan's versions with their whole content took seven (a family's fifth year has five plans).
 * Through a read memo (the caseload), each plan's versions with their content, read once for every
 * reader, serve instead. A plan with no version is not found, as when its content is read.
 */
export async function loadServiceTerms(
  db: Db,
  householdId: string,
  services: readonly ServiceWithPlan[],
): Promise<Map<string, ServiceTerms>> {
  const out = new Map<string, ServiceTerms>();
  if (isReadMemo(db)) {
    const versionsByPlan = new Map<string, Awaited<ReturnType<typeof loadVersionsWithContent>>>();
    for (const s of services) {
      let versions = versionsByPlan.get(s.plan_id);
      if (!versions) {
        versions = await loadVersionsWithContent(db, householdId, s.plan_id);
        versionsByPlan.set(s.plan_id, versions);
      }
      out.set(s.id, termsOfService(versions, s.id, s.plan_end));
    }
    return out;
  }
  const rows = await versionRowsOfPlans(db, householdId, [...new Set(services.map((s) => s.plan_id))]);
  const versionsByPlan = new Map<string, PlanVersionRow[]>();
  for (const row of rows) {
    const list = versionsByPlan.get(row.plan_id);
    if (list) list.push(row);
    else versionsByPlan.set(row.plan_id, [row]);
  }
  const frozen = new Map<string, PlanContent>();
  for (const s of services) {
    const versions = versionsByPlan.get(s.plan_id);
    if (!versions) throw notFound('Plan', s.plan_id);
    // The live service as the plan's content holds it (toApiRecord: its JSON columns parsed).
    const live = rowToRecord(s, SERVICE_JSON_FIELDS);
    out.set(
      s.id,
      resolveServiceTerms(
        versions.map((v) => {
          let service: Record<string, unknown> | undefined;
          if (v.snapshot == null) service = live;
          else {
            let content = frozen.get(v.id);
            if (!content) {
              content = versionSnapshot(v)!;
              frozen.set(v.id, content);
            }
            service = content.services.find((x) => x.id === s.id);
          }
          return {
            span: {
              id: v.id,
              versionNumber: v.version_number,
              effectiveFrom: v.effective_from,
              effectiveTo: v.effective_to,
            },
            service: (service as unknown as ServiceDefinition | undefined) ?? null,
          };
        }),
        s.plan_end,
      ),
    );
  }
  return out;
}

const SERVICE_JSON_FIELDS = RESOURCES.service.jsonFields;

/** How the ledger reads entries: the store's readers (session-entries.repository.ts), or arrays in tests. */
export type LedgerRowReader = {
  /** Every entry the ledger counts up to `to` (corrections whatever their date): `listLedgerEntryRows`. */
  whole(serviceIds: readonly string[], to: string): Promise<LedgerEntryRow[]>;
  /** Those of them that are not history (src/domain/ledger-history.ts): `listLedgerEntryRowsInReach`. */
  inReach(serviceIds: readonly string[], reach: LedgerReach): Promise<LedgerEntryRow[]>;
  /** Those that are: `listLedgerHistoryRows`. */
  history(serviceIds: readonly string[], reach: LedgerReach): Promise<LedgerEntryRow[]>;
  /** Entries by id, of any service and date: `listLedgerEntryRowsByIds`. */
  byIds(ids: readonly string[]): Promise<LedgerEntryRow[]>;
};

/** The store's readers of a household's entries (the child's, whole, through a read memo). */
export function storeLedgerRowReader(db: Db, householdId: string, childId: string): LedgerRowReader {
  return {
    whole: (serviceIds, to) => listLedgerEntryRows(db, householdId, serviceIds, to, childId),
    inReach: (serviceIds, reach) => listLedgerEntryRowsInReach(db, householdId, serviceIds, reach),
    history: (serviceIds, reach) => listLedgerHistoryRows(db, householdId, serviceIds, reach),
    byIds: (ids) => listLedgerEntryRowsByIds(db, householdId, ids),
  };
}

/**
 * The rows a ledger over the window counts, of the given services: what `whole` gives (entries up to
 * the window's end, and every correction whatever its date: a correction dated later, a date put
 * right, still replaces the entry it corrects), less the history of each service that does not need it
 * (src/domain/ledger-history.ts: before the window, an entry counts only as a miss for make-ups to cure,
 * so a service with no make-up gets the same ledger without its history). In date then id order.
 * `wholeHistory`: every entry, history included (through a read memo, where the child's entries are read
 * whole once anyway, and in the tests that compare the two).
 */
export async function readLedgerEntryRows(
  reader: LedgerRowReader,
  serviceIds: readonly string[],
  window: { from: string; to: string },
  asOf: string,
  options: { listOwedMisses?: boolean; wholeHistory?: boolean } = {},
): Promise<LedgerEntryRow[]> {
  // Owed misses listed go back to the first one: every service needs its history.
  if (options.wholeHistory || options.listOwedMisses)
    return (await reader.whole(serviceIds, window.to)).sort(byDateThenId);
  const reach = ledgerReach(window, asOf);
  const rows = await reader.inReach(serviceIds, reach);
  // The history entries added here, which the history read below may give again.
  let added: Set<string> | null = null;
  // The first entry of each correction chain, when it is history: the chain resolves whole.
  if (rows.some((r) => r.corrects_entry_id != null)) {
    const missing = missingCorrectionTargets(
      rows.map((r) => ({ id: r.id, correctsEntryId: r.corrects_entry_id })),
    );
    const ids = new Set(serviceIds);
    // As `whole` would give them: of these services, and dated up to the window's end.
    if (missing.length > 0)
      for (const r of await reader.byIds(missing))
        if (ids.has(r.service_id) && (r.date <= window.to || r.corrects_entry_id != null)) {
          rows.push(r);
          added ??= new Set();
          added.add(r.id);
        }
  }
  const byService = new Map<string, LedgerEntryRow[]>();
  for (const row of rows) {
    const list = byService.get(row.service_id);
    if (list) list.push(row);
    else byService.set(row.service_id, [row]);
  }
  const needing = serviceIds.filter((id) => needsHistory(byService.get(id) ?? [], options));
  // The history read and the read in reach never give the same entry (one takes what the other leaves,
  // session-entries.repository.ts), so only the correction chains' first entries added above are looked
  // for among its rows: a set of every id read cost a fiftieth of a district's ledgers.
  if (needing.length > 0)
    for (const r of await reader.history(needing, reach))
      if (added === null || !added.has(r.id)) rows.push(r);
  return rows.sort(byDateThenId);
}

const byDateThenId = (a: { date: string; id: string }, b: { date: string; id: string }) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The service a ledger is computed for, as `servicesWithPlan` gives it. */
export type LedgerService = Pick<ServiceWithPlan, 'id' | 'name' | 'plan_id' | 'child_id' | 'reason_policy'>;

/** One service's ledger over the window from its terms and its entry rows (in date then id order). Pure. */
export function serviceLedgerView(
  s: LedgerService,
  terms: ServiceTerms,
  calendar: CalendarIndex,
  rows: LedgerEntryRow[],
  query: LedgerQuery,
  asOf: string,
  options: { listOwedMisses?: boolean; language?: string; detail?: 'full' | 'totals' } = {},
): ServiceLedgerView {
  const schedule = scheduleFromTerms(terms);
  const grouped = ledgerEntriesAndSessions(rows, (_service, date) => schedule(date));
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
    ...(options.detail === 'totals' ? { detail: 'totals' as const } : {}),
  });
  return {
    ...ledger,
    asOf,
    service: { id: s.id, name: s.name, planId: s.plan_id, childId: s.child_id },
    sharedSessions: grouped.shared.filter((x) => x.date >= query.from && x.date <= query.to),
  };
}

/**
 * Compute the ledgers of the given services, or of every service of a child (or those of `serviceIds`
 * among them, in the child's order: a caller that shows only some asks only for those), for a window.
 */
export async function computeLedgers(
  db: Db,
  householdId: string,
  scope: { serviceId: string } | { childId: string; serviceIds?: readonly string[] },
  query: LedgerQuery,
  today: string,
  /**
   * `language`: the notes' language, the reader's (English by default). `wholeHistory`: read every entry
   * up to the window's end, as the ledger did before history was left out when it cannot change a figure
   * (the tests compare the two). `detail: 'totals'`: figures and notes only, no period rows and no entry
   * ids (a caller that shows sums, as the caseload does; src/domain/service-ledger.ts). `known`: with
   * a child's scope, what the caller has already read of that child in the same request (every service
   * of the child as `servicesWithPlan` gives them, its calendars as `loadCalendars` gives them), used
   * instead of reading them again: the home screen reads both first and asked for them twice more.
   */
  options: {
    listOwedMisses?: boolean;
    language?: string;
    wholeHistory?: boolean;
    detail?: 'full' | 'totals';
    known?: { services?: readonly ServiceWithPlan[]; calendars?: readonly SchoolCalendar[] };
  } = {},
): Promise<ServiceLedgerView[]> {
  const asOf = query.asOf ?? today;
  const known = 'childId' in scope ? options.known : undefined;
  // A child's services are read with their plans, which name the child: when there is one, the child is
  // there, and only a child with none is looked up (to tell "no such child" from "no services yet"): a
  // statement less for each child on the common path (on PostgreSQL, where the app process spends its
  // time on each statement, a district's ledgers took about 8% less in alternating runs).
  let services = known?.services
    ? [...known.services]
    : await servicesWithPlan(db, householdId, 'serviceId' in scope ? scope : { childId: scope.childId });
  if ('serviceId' in scope && services.length === 0) throw notFound('Service', scope.serviceId);
  if ('childId' in scope) {
    if (services.length === 0) await requireChild(db, householdId, scope.childId);
    if (scope.serviceIds) {
      const only = new Set(scope.serviceIds);
      services = services.filter((s) => only.has(s.id));
    }
  }
  if (services.length === 0) return [];
  // On PostgreSQL each read waits on the server, so reads that do not need one another's answers are
  // asked for together (the pool's connections answer them side by side) and their answers, or their
  // errors, are taken in the order the checks below make them: a caller sees the same error whichever read
  // finished first. On SQLite they run one after another, as before.
  const childId = services[0]!.child_id;
  // When the window begins on or before every service's first day, no entry of theirs is history unless
  // it predates its own service: the read in reach then gives every entry but those, and a service with
  // a make-up would ask for its history in a second statement that finds nothing. The whole read is the
  // ledger's reference (the one the history rules are checked against) and one statement: a district's
  // year, a home screen's services (which are read from their first day), a new family's ledgers.
  let firstDay = services[0]!.start_date;
  for (const s of services) if (s.start_date < firstDay) firstDay = s.start_date;
  const wholeHistory = isReadMemo(db) || query.from <= firstDay;
  const [calendarsRead, entriesRead, termsRead] = await Promise.allSettled([
    known?.calendars ? Promise.resolve(known.calendars) : loadCalendars(db, householdId, childId),
    readLedgerEntryRows(
      storeLedgerRowReader(db, householdId, childId),
      services.map((s) => s.id),
      query,
      asOf,
      // Through a read memo the child's entries are read whole once, whatever each ledger asks.
      wholeHistory ? { ...options, wholeHistory: true } : options,
    ),
    loadServiceTerms(db, householdId, services),
  ]);
  const calendars = settled(calendarsRead);
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
  const entryRows = settled(entriesRead);
  const byService = new Map<string, LedgerEntryRow[]>();
  for (const row of entryRows) {
    const list = byService.get(row.service_id);
    if (list) list.push(row);
    else byService.set(row.service_id, [row]);
  }
  const termsById = settled(termsRead);
  const out: ServiceLedgerView[] = [];
  for (const s of services)
    out.push(
      serviceLedgerView(s, termsById.get(s.id)!, calendar, byService.get(s.id) ?? [], query, asOf, options),
    );
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
