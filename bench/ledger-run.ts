// The two workloads the benchmark compares, over the same SQLite database:
// - the ledger: every service's ledger for the school year, computed by the real pure code from rows read
//   out of SQLite (loading services and calendars, reading and converting the rows are all in the timing);
// - the baseline: a plain SQL aggregate of minutes per service and week over the same rows.

import type Database from 'better-sqlite3';
import { buildCalendarIndex, type CalendarIndex } from '../src/domain/school-calendar.ts';
import type { SchoolCalendar } from '../src/domain/school-calendar-model.ts';
import type { ServiceSegment } from '../src/domain/service.ts';
import { computeServiceLedger, type ServiceLedger } from '../src/domain/service-ledger.ts';
import { DEFAULT_REASON_POLICY, type LedgerEntry, type ReasonPolicy } from '../src/domain/session-entry.ts';

export type LedgerOptions = {
  householdId: string;
  window: { from: string; to: string };
  asOf: string;
};

/**
 * How the ledger reads session entries:
 * - 'per-service': one indexed query per service (WHERE service_id = ? ORDER BY date), `.all()` in raw mode;
 * - 'stream': one query over all entries ORDER BY service_id, date, stepped with `.iterate()` in raw mode
 *   and grouped per service as the rows go by.
 * Both keep one service's rows in memory at a time. 'per-service' is the faster of the two here: the
 * iterator's per-row round trip between JavaScript and C++ costs more than 30,000 small queries.
 */
export type ReadMode = 'per-service' | 'stream';

type ServiceRowLite = {
  id: string;
  segments: string;
  esy_blocks: string;
  child_id: string;
  reason_policy: string | null;
};

/**
 * The columns of session_entry the ledger needs (what toLedgerEntries in src/server/services/ledgers.ts
 * reads), in better-sqlite3's raw mode (an array per row; objects cost far more to materialise). The
 * stream query adds service_id at the end.
 */
type EntryRowLite = [
  id: string,
  date: string,
  kind: string,
  status: string,
  minutesDelivered: number,
  minutesPlanned: number | null,
  reason: string | null,
  responsibility: string | null,
  makeupForEntryId: string | null,
  correctsEntryId: string | null,
  serviceId?: string,
];

const ENTRY_COLUMNS = `id, date, kind, status, minutes_delivered, minutes_planned, reason, responsibility,
    makeup_for_entry_id, corrects_entry_id`;

export const SERVICES_SQL = `SELECT s.id, s.segments, s.esy_blocks, p.child_id, p.reason_policy
  FROM service s JOIN plan p ON p.id = s.plan_id
  WHERE s.household_id = ? ORDER BY s.id`;

export const ENTRIES_SQL: Record<ReadMode, string> = {
  'per-service': `SELECT ${ENTRY_COLUMNS} FROM session_entry
  WHERE service_id = ? AND household_id = ? AND date <= ? ORDER BY date`,
  stream: `SELECT ${ENTRY_COLUMNS}, service_id FROM session_entry
  WHERE household_id = ? AND date <= ? ORDER BY service_id, date`,
};

export const AGGREGATE_SQL = `SELECT service_id, strftime('%Y-%W', date) AS week, SUM(minutes_delivered) AS minutes
  FROM session_entry GROUP BY service_id, week`;

/** Same rules as toLedgerEntries (src/server/services/ledgers.ts): entries replaced by a correction are left out. */
function toLedgerEntries(rows: EntryRowLite[]): LedgerEntry[] {
  let corrected: Set<string> | null = null;
  for (const r of rows) {
    if (r[9] != null) {
      corrected ??= new Set();
      corrected.add(r[9]);
    }
  }
  const out: LedgerEntry[] = [];
  for (const r of rows) {
    if (corrected?.has(r[0])) continue;
    out.push({
      id: r[0],
      date: r[1],
      kind: r[2] as LedgerEntry['kind'],
      status: r[3] as LedgerEntry['status'],
      minutesDelivered: Number(r[4]),
      minutesPlanned: r[5] == null ? null : Number(r[5]),
      reason: r[6] as LedgerEntry['reason'],
      responsibility: r[7] as LedgerEntry['responsibility'],
      makeupForEntryId: r[8],
    });
  }
  return out;
}

/**
 * Every child's calendar index, built once per distinct calendar content. The content of each calendar
 * (its fields and its events) is folded into a key in SQL; events are read only for the first calendar
 * with a given key. Calendar ids are left out of the key: they only label events, which the ledger does
 * not show.
 */
function loadCalendarIndexes(
  db: Database.Database,
  householdId: string,
): { byChild: Map<string, CalendarIndex>; distinct: number } {
  const calendars = db
    .prepare(
      `SELECT c.id, c.child_id, c.first_day, c.last_day, c.school_weekdays, c.cycle_length,
         (SELECT group_concat(e.kind || '|' || e.start_date || '|' || ifnull(e.end_date, '') || '|' || ifnull(e.label, ''),
                              char(30) ORDER BY e.start_date, e.end_date, e.kind, e.label)
            FROM calendar_event e WHERE e.calendar_id = c.id) AS events_key
       FROM school_calendar c WHERE c.household_id = ? ORDER BY c.child_id, c.first_day, c.id`,
    )
    .all(householdId) as {
    id: string;
    child_id: string;
    first_day: string;
    last_day: string;
    school_weekdays: string;
    cycle_length: number | null;
    events_key: string | null;
  }[];
  const eventsOf = db.prepare(
    `SELECT kind, start_date, end_date, label FROM calendar_event WHERE calendar_id = ?
     ORDER BY start_date, end_date, kind, label`,
  );
  const cache = new Map<string, CalendarIndex>();
  const byChild = new Map<string, CalendarIndex>();
  let i = 0;
  while (i < calendars.length) {
    const childId = calendars[i]!.child_id;
    let j = i;
    let key = '';
    while (j < calendars.length && calendars[j]!.child_id === childId) {
      const c = calendars[j]!;
      key += `${c.first_day}|${c.last_day}|${c.school_weekdays}|${c.cycle_length}|${c.events_key}\u001f`;
      j++;
    }
    let index = cache.get(key);
    if (!index) {
      const list: SchoolCalendar[] = [];
      for (const c of calendars.slice(i, j)) {
        const events = eventsOf.all(c.id) as {
          kind: SchoolCalendar['events'][number]['kind'];
          start_date: string;
          end_date: string | null;
          label: string | null;
        }[];
        list.push({
          id: c.id,
          firstDay: c.first_day,
          lastDay: c.last_day,
          schoolWeekdays: JSON.parse(c.school_weekdays) as number[],
          cycleLength: c.cycle_length == null ? null : Number(c.cycle_length),
          events: events.map((e) => ({
            kind: e.kind,
            startDate: e.start_date,
            endDate: e.end_date,
            label: e.label,
          })),
        });
      }
      index = buildCalendarIndex(list);
      cache.set(key, index);
    }
    byChild.set(childId, index);
    i = j;
  }
  return { byChild, distinct: cache.size };
}

export type LedgerTotals = {
  services: number;
  entriesRead: number;
  entriesCounted: number;
  periods: number;
  notes: number;
  requiredMinutes: number;
  deliveredMinutes: number;
  extraMinutes: number;
  owedMinutes: number;
  excusedMinutes: number;
  pendingMinutes: number;
  unloggedMinutes: number;
  makeupMinutes: number;
  makeupAppliedMinutes: number;
  owedBalanceMinutes: number;
  servicesWithOwedBalance: number;
  servicesBelow90Percent: number;
};

export type MemoryPeak = { rssBytes: number; heapUsedBytes: number; heapTotalBytes: number; samples: number };

export type LedgerRun = {
  readMode: ReadMode;
  ms: number;
  /** Process CPU time (user + system) over the run: less sensitive than wall time to a busy machine. */
  cpuMs: number;
  /** Loading services and calendars, building the calendar indexes. */
  setupMs: number;
  /** Reading session entries out of SQLite (stepping the statement, materialising the rows, grouping). */
  readMs: number;
  /** Converting rows to LedgerEntry (toLedgerEntries). */
  convertMs: number;
  /** computeServiceLedger itself. */
  computeMs: number;
  /** Everything else (parsing segments, summing the results, sampling memory). */
  otherMs: number;
  distinctCalendars: number;
  totals: LedgerTotals;
  memory: MemoryPeak;
};

class MemorySampler {
  peak: MemoryPeak = { rssBytes: 0, heapUsedBytes: 0, heapTotalBytes: 0, samples: 0 };

  sample(): void {
    const m = process.memoryUsage();
    const p = this.peak;
    if (m.rss > p.rssBytes) p.rssBytes = m.rss;
    if (m.heapUsed > p.heapUsedBytes) p.heapUsedBytes = m.heapUsed;
    if (m.heapTotal > p.heapTotalBytes) p.heapTotalBytes = m.heapTotal;
    p.samples++;
  }
}

/**
 * Compute every service's ledger. `capture` names services whose full ledgers are returned in
 * `captured` (for the cross-check against the app's own code path); the others are summed and dropped.
 */
export function runLedger(
  db: Database.Database,
  options: LedgerOptions,
  readMode: ReadMode,
  capture?: { ids: Set<string>; into: Map<string, ServiceLedger> },
): LedgerRun {
  const memory = new MemorySampler();
  memory.sample();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const services = db.prepare(SERVICES_SQL).all(options.householdId) as ServiceRowLite[];
  const { byChild, distinct } = loadCalendarIndexes(db, options.householdId);
  const policies = new Map<string | null, ReasonPolicy>();
  const t1 = performance.now();

  let readMs = 0;
  let convertMs = 0;
  let computeMs = 0;
  const totals: LedgerTotals = {
    services: 0,
    entriesRead: 0,
    entriesCounted: 0,
    periods: 0,
    notes: 0,
    requiredMinutes: 0,
    deliveredMinutes: 0,
    extraMinutes: 0,
    owedMinutes: 0,
    excusedMinutes: 0,
    pendingMinutes: 0,
    unloggedMinutes: 0,
    makeupMinutes: 0,
    makeupAppliedMinutes: 0,
    owedBalanceMinutes: 0,
    servicesWithOwedBalance: 0,
    servicesBelow90Percent: 0,
  };

  const compute = (s: ServiceRowLite, rows: EntryRowLite[]) => {
    const calendar = byChild.get(s.child_id);
    if (!calendar) throw new Error(`child ${s.child_id} has no calendar`);
    let policy = policies.get(s.reason_policy);
    if (!policy) {
      policy = {
        ...DEFAULT_REASON_POLICY,
        ...(s.reason_policy ? (JSON.parse(s.reason_policy) as Partial<ReasonPolicy>) : {}),
      };
      policies.set(s.reason_policy, policy);
    }
    const service = {
      serviceId: s.id,
      segments: JSON.parse(s.segments) as ServiceSegment[],
      esyBlocks: JSON.parse(s.esy_blocks) as ServiceSegment[],
    };
    const c0 = performance.now();
    const entries = toLedgerEntries(rows);
    const c1 = performance.now();
    const ledger = computeServiceLedger({
      service,
      calendar,
      entries,
      policy,
      window: options.window,
      asOf: options.asOf,
      grouping: 'auto',
    });
    const c2 = performance.now();
    convertMs += c1 - c0;
    computeMs += c2 - c1;
    const t = ledger.totals;
    totals.services++;
    totals.entriesRead += rows.length;
    totals.entriesCounted += entries.length;
    totals.periods += ledger.periods.length;
    totals.notes += ledger.notes.length;
    totals.requiredMinutes += t.requiredMinutes;
    totals.deliveredMinutes += t.deliveredMinutes;
    totals.extraMinutes += t.extraMinutes;
    totals.owedMinutes += t.owedMinutes;
    totals.excusedMinutes += t.excusedMinutes;
    totals.pendingMinutes += t.pendingMinutes;
    totals.unloggedMinutes += t.unloggedMinutes;
    totals.makeupMinutes += t.makeupMinutes;
    totals.makeupAppliedMinutes += t.makeupAppliedMinutes;
    totals.owedBalanceMinutes += t.owedBalanceMinutes;
    if (t.owedBalanceMinutes > 0) totals.servicesWithOwedBalance++;
    if (t.percentDelivered !== null && t.percentDelivered < 90) totals.servicesBelow90Percent++;
    if (capture?.ids.has(s.id)) capture.into.set(s.id, ledger);
    if ((totals.services & 255) === 0) memory.sample();
  };

  if (readMode === 'per-service') {
    const stmt = db.prepare(ENTRIES_SQL['per-service']).raw(true);
    for (const s of services) {
      const r0 = performance.now();
      const rows = stmt.all(s.id, options.householdId, options.window.to) as EntryRowLite[];
      readMs += performance.now() - r0;
      compute(s, rows);
    }
  } else {
    // Merge the service list (ordered by id) with the entry stream (ordered by service_id, date).
    let next = 0;
    let inCompute = 0;
    const flush = (serviceId: string | null, rows: EntryRowLite[]) => {
      const f0 = performance.now();
      while (next < services.length && (serviceId === null || services[next]!.id < serviceId)) {
        compute(services[next]!, []);
        next++;
      }
      if (serviceId !== null) {
        if (services[next]?.id !== serviceId) throw new Error(`entries for unknown service ${serviceId}`);
        compute(services[next]!, rows);
        next++;
      }
      inCompute += performance.now() - f0;
    };
    const r0 = performance.now();
    let current: string | undefined;
    let batch: EntryRowLite[] = [];
    const stmt = db.prepare(ENTRIES_SQL.stream).raw(true);
    for (const row of stmt.iterate(
      options.householdId,
      options.window.to,
    ) as IterableIterator<EntryRowLite>) {
      if (row[10] !== current) {
        if (current !== undefined) flush(current, batch);
        current = row[10];
        batch = [];
      }
      batch.push(row);
    }
    if (current !== undefined) flush(current, batch);
    flush(null, []);
    readMs = performance.now() - r0 - inCompute;
  }
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  memory.sample();
  return {
    readMode,
    ms: t2 - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    setupMs: t1 - t0,
    readMs,
    convertMs,
    computeMs,
    otherMs: t2 - t1 - readMs - convertMs - computeMs,
    distinctCalendars: distinct,
    totals,
    memory: memory.peak,
  };
}

export type AggregateRun = { ms: number; cpuMs: number; rows: number; minutes: number; memory: MemoryPeak };

export function runAggregate(db: Database.Database): AggregateRun {
  const memory = new MemorySampler();
  memory.sample();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const rows = db.prepare(AGGREGATE_SQL).all() as { service_id: string; week: string; minutes: number }[];
  let minutes = 0;
  for (const r of rows) minutes += r.minutes;
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  memory.sample();
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, rows: rows.length, minutes, memory: memory.peak };
}
