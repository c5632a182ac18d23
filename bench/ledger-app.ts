// The workloads of the ledger benchmark through the app's path (ledger-app.bench.ts, issue 18):
// - the district ledger as the app computes it: every child's ledgers through the service layer
//   (computeLedgers, src/server/services/ledgers.ts: Kysely reads, the plan's terms, toLedgerEntries,
//   the domain's computeServiceLedger), on SQLite or PostgreSQL;
// - three baselines over the same data: the read floor (the columns the ledger needs, in index order,
//   as raw rows), an efficient SQL aggregate (minutes per service and week), and the in-memory ledger
//   alone on the shape of the peer's data (30,000 weekly services, about 2 million entries).

import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { buildCalendarIndex } from '../src/domain/school-calendar.ts';
import type { SchoolCalendar } from '../src/domain/school-calendar-model.ts';
import type { ServiceSegment } from '../src/domain/service.ts';
import { computeServiceLedger } from '../src/domain/service-ledger.ts';
import { DEFAULT_REASON_POLICY, type LedgerEntry, type MissReason } from '../src/domain/session-entry.ts';
import { computeLedgers } from '../src/server/services/ledgers.ts';
import type { Database as Schema } from '../src/store/schema.ts';
import { HOUSEHOLD_ID, SCHOOL_YEAR } from './district-data.ts';
import { Prng } from './prng.ts';

export const LEDGER_QUERY = {
  from: SCHOOL_YEAR.firstDay,
  to: SCHOOL_YEAR.lastDay,
  asOf: '2027-06-30',
  grouping: 'auto',
} as const;

export type Timed = { ms: number; cpuMs: number };

function timed<T>(work: () => T): T extends Promise<infer U> ? Promise<U & Timed> : T & Timed;
function timed(work: () => unknown): unknown {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const finish = (value: object) => {
    const cpu = process.cpuUsage(cpu0);
    return { ...value, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  const value = work();
  return value instanceof Promise ? value.then(finish) : finish(value as object);
}

/** What a district run adds up, to check that two databases give the same ledgers. */
export type DistrictTotals = {
  children: number;
  services: number;
  periods: number;
  requiredMinutes: number;
  deliveredMinutes: number;
  owedBalanceMinutes: number;
};

/** Every child's ledgers for the school year, through the app's service layer, one child after another. */
export function appPathRun(db: Kysely<Schema>, childIds: readonly string[]) {
  return timed(async () => {
    const totals: DistrictTotals = {
      children: 0,
      services: 0,
      periods: 0,
      requiredMinutes: 0,
      deliveredMinutes: 0,
      owedBalanceMinutes: 0,
    };
    for (const childId of childIds) {
      const views = await computeLedgers(db, HOUSEHOLD_ID, { childId }, LEDGER_QUERY, LEDGER_QUERY.asOf);
      totals.children++;
      for (const v of views) {
        totals.services++;
        totals.periods += v.periods.length;
        totals.requiredMinutes += v.totals.requiredMinutes;
        totals.deliveredMinutes += v.totals.deliveredMinutes;
        totals.owedBalanceMinutes += v.totals.owedBalanceMinutes;
      }
    }
    return { totals };
  });
}

const FLOOR_SQL = `SELECT service_id, id, date, kind, status, minutes_delivered, minutes_planned, reason,
    responsibility, makeup_for_entry_id, corrects_entry_id
  FROM session_entry WHERE household_id = ? AND date <= ? ORDER BY service_id, date`;

/**
 * The read floor: every column of session_entry the ledger reads, for the whole district, in the order
 * of the (service, date) index, stepped as raw rows (better-sqlite3's `.raw().iterate()`): what reading
 * the entries costs at the least, before any ledger is computed.
 */
export function readFloor(db: Database.Database) {
  return timed(() => {
    let rows = 0;
    let minutes = 0;
    for (const row of db
      .prepare(FLOOR_SQL)
      .raw(true)
      .iterate(HOUSEHOLD_ID, LEDGER_QUERY.to) as IterableIterator<unknown[]>) {
      rows++;
      minutes += row[5] as number;
    }
    return { rows, minutes };
  });
}

export function readFloorPlan(db: Database.Database): string[] {
  return (
    db.prepare(`EXPLAIN QUERY PLAN ${FLOOR_SQL}`).all(HOUSEHOLD_ID, LEDGER_QUERY.to) as { detail: string }[]
  ).map((r) => r.detail);
}

/**
 * An efficient SQL aggregate: minutes per service and school week (weeks counted from the year's first
 * Monday by day number, not by formatting each date), grouped as the (service, date) index reads them.
 */
const AGGREGATE_SQL = `SELECT service_id, (CAST(julianday(date) AS INTEGER) - CAST(? AS INTEGER)) / 7 AS week, SUM(minutes_delivered) AS minutes
  FROM session_entry WHERE household_id = ? AND date <= ?
  GROUP BY service_id, week`;

export function efficientAggregate(db: Database.Database) {
  const firstMonday = db.prepare(`SELECT CAST(julianday(?, 'weekday 1', '-7 days') AS INTEGER)`).pluck();
  return timed(() => {
    const base = firstMonday.get(LEDGER_QUERY.from) as number;
    let groups = 0;
    let minutes = 0;
    for (const row of db
      .prepare(AGGREGATE_SQL)
      .raw(true)
      .iterate(base, HOUSEHOLD_ID, LEDGER_QUERY.to) as IterableIterator<unknown[]>) {
      groups++;
      minutes += row[2] as number;
    }
    return { groups, minutes };
  });
}

export function aggregatePlan(db: Database.Database): string[] {
  return (
    db.prepare(`EXPLAIN QUERY PLAN ${AGGREGATE_SQL}`).all(0, HOUSEHOLD_ID, LEDGER_QUERY.to) as {
      detail: string;
    }[]
  ).map((r) => r.detail);
}

// ---------------------------------------------------------------------------------------------
// The in-memory ledger on the peer's shape of data.

export const PEER_SERVICES = 30_000;

const MISS_REASONS: readonly MissReason[] = ['student_absent', 'provider_absent', 'school_event', 'testing'];

/**
 * 30,000 weekly services (two 30-minute sessions a week over the school year) and their entries, about
 * 2 million: mostly delivered, some short or missed for a reason, a few make-ups; one school calendar.
 * Built in memory, so that the run times the ledger alone.
 */
export function peerData(seed = 20_261_207) {
  const rng = new Prng(seed);
  const calendar: SchoolCalendar = {
    id: 'peer-calendar',
    firstDay: SCHOOL_YEAR.firstDay,
    lastDay: SCHOOL_YEAR.lastDay,
    schoolWeekdays: [1, 2, 3, 4, 5],
    cycleLength: null,
    events: [
      { kind: 'holiday', startDate: '2026-11-26', endDate: '2026-11-27', label: 'Thanksgiving' },
      { kind: 'break', startDate: '2026-12-21', endDate: '2027-01-01', label: 'Winter break' },
      { kind: 'break', startDate: '2027-03-22', endDate: '2027-03-26', label: 'Spring break' },
    ],
  };
  const index = buildCalendarIndex([calendar]);
  const segments: ServiceSegment[] = [
    {
      minutesPerSession: 30,
      sessionsPerPeriod: 2,
      minutesPerPeriod: null,
      period: { unit: 'week', cycleDays: null },
      pattern: null,
      startDate: SCHOOL_YEAR.firstDay,
      endDate: SCHOOL_YEAR.lastDay,
      label: null,
    } as ServiceSegment,
  ];
  // The school days of the year, as dates, by week.
  const days: string[] = [];
  const off = new Set<string>();
  for (const e of calendar.events)
    for (let d = new Date(`${e.startDate}T00:00:00Z`); d <= new Date(`${e.endDate}T00:00:00Z`); ) {
      off.add(d.toISOString().slice(0, 10));
      d = new Date(d.getTime() + 86_400_000);
    }
  for (let d = new Date(`${calendar.firstDay}T00:00:00Z`); d <= new Date(`${calendar.lastDay}T00:00:00Z`); ) {
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5 && !off.has(iso)) days.push(iso);
    d = new Date(d.getTime() + 86_400_000);
  }
  const services: { serviceId: string; entries: LedgerEntry[] }[] = [];
  let entryCount = 0;
  for (let s = 0; s < PEER_SERVICES; s++) {
    const entries: LedgerEntry[] = [];
    // Two days a week: a fixed pair of weekdays per service.
    const first = s % 3;
    for (const date of days) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday !== first + 1 && weekday !== first + 3) continue;
      const id = `${s}-${entries.length}`;
      const roll = rng.next();
      if (roll < 0.86)
        entries.push({
          id,
          date,
          kind: 'scheduled',
          status: 'delivered',
          minutesDelivered: 30,
          minutesPlanned: 30,
          reason: null,
          responsibility: null,
          makeupForEntryId: null,
        });
      else if (roll < 0.97)
        entries.push({
          id,
          date,
          kind: 'scheduled',
          status: roll < 0.93 ? 'missed' : 'short',
          minutesDelivered: roll < 0.93 ? 0 : 15,
          minutesPlanned: 30,
          reason: rng.pick(MISS_REASONS),
          responsibility: null,
          makeupForEntryId: null,
        });
      else
        entries.push({
          id,
          date,
          kind: 'makeup',
          status: 'delivered',
          minutesDelivered: 30,
          minutesPlanned: null,
          reason: null,
          responsibility: null,
          makeupForEntryId: null,
        });
    }
    entryCount += entries.length;
    services.push({ serviceId: `peer-service-${s}`, entries });
  }
  return { index, segments, services, entryCount };
}

/** Every peer service's ledger computed from memory: the domain's ledger alone. */
/**
 * Every service's ledger over the school year. `detail`: 'totals' is what a district's or a caseload's
 * sums ask for (figures and notes, no rows, no ids: src/server/services/caseload.ts); 'full' is a ledger
 * screen's, with a row per week and the ids behind each figure.
 */
export function inMemoryLedgers(data: ReturnType<typeof peerData>, detail: 'full' | 'totals') {
  return timed(() => {
    let owed = 0;
    for (const s of data.services) {
      const ledger = computeServiceLedger({
        service: { serviceId: s.serviceId, segments: data.segments, esyBlocks: [] },
        calendar: data.index,
        entries: s.entries,
        policy: DEFAULT_REASON_POLICY,
        window: { from: LEDGER_QUERY.from, to: LEDGER_QUERY.to },
        asOf: LEDGER_QUERY.asOf,
        grouping: 'auto',
        detail,
      });
      owed += ledger.totals.owedBalanceMinutes;
    }
    return { owed };
  });
}

// ---------------------------------------------------------------------------------------------
// The district copied into PostgreSQL.

/** The tables the district generator fills, parents first. */
const DISTRICT_TABLES = [
  'household',
  'child',
  'school_calendar',
  'calendar_event',
  'plan',
  'plan_version',
  'service',
  'session_entry',
] as const;

/**
 * Copies the district's rows for `childIds` (with their household) from the SQLite file into a
 * PostgreSQL database whose schema the app's migrations have made: table by table, in batches of
 * rows sent as one JSON parameter (`json_populate_recordset`); then analysed, as a running database is.
 */
export async function copyDistrictToPostgres(
  sqlite: Database.Database,
  url: string,
  childIds: readonly string[],
): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let copied = 0;
  try {
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS bench_children (id TEXT PRIMARY KEY)');
    sqlite.exec('DELETE FROM bench_children');
    const add = sqlite.prepare('INSERT INTO bench_children (id) VALUES (?)');
    sqlite.transaction(() => {
      for (const id of childIds) add.run(id);
    })();
    const chosen: Record<(typeof DISTRICT_TABLES)[number], string> = {
      household: 'SELECT * FROM household',
      child: 'SELECT * FROM child WHERE id IN (SELECT id FROM bench_children)',
      school_calendar: 'SELECT * FROM school_calendar WHERE child_id IN (SELECT id FROM bench_children)',
      calendar_event: `SELECT e.* FROM calendar_event e JOIN school_calendar c ON c.id = e.calendar_id
        WHERE c.child_id IN (SELECT id FROM bench_children)`,
      plan: 'SELECT * FROM plan WHERE child_id IN (SELECT id FROM bench_children)',
      plan_version: `SELECT v.* FROM plan_version v JOIN plan p ON p.id = v.plan_id
        WHERE p.child_id IN (SELECT id FROM bench_children)`,
      service: `SELECT s.* FROM service s JOIN plan p ON p.id = s.plan_id
        WHERE p.child_id IN (SELECT id FROM bench_children)`,
      session_entry: 'SELECT * FROM session_entry WHERE child_id IN (SELECT id FROM bench_children)',
    };
    await client.query('begin');
    for (const table of DISTRICT_TABLES) {
      let batch: object[] = [];
      const flush = async () => {
        if (!batch.length) return;
        await client.query(
          `insert into "${table}" select * from json_populate_recordset(null::"${table}", $1::json)`,
          [JSON.stringify(batch)],
        );
        copied += batch.length;
        batch = [];
      };
      for (const row of sqlite.prepare(chosen[table]).iterate() as IterableIterator<object>) {
        batch.push(row);
        if (batch.length === 20_000) await flush();
      }
      await flush();
    }
    await client.query('commit');
    await client.query('vacuum (analyze)');
    return copied;
  } finally {
    await client.end();
  }
}
