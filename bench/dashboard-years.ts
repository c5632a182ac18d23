// The dashboard over the years (issue 18): a family that has used the app for five school years should
// open its dashboard about as fast as a family in its first year (goal: within 1.2x). The dashboard is
// what the parent's screens compute for the current school year: the child's ledgers for the year so far
// (`computeLedgers`, every service of the child, as GET children/{id}/ledger serves them) and the home
// screen (`weekSummary`, GET children/{id}/week).
//
// In a fresh SQLite store (a temporary directory, deleted after), two demo households are made through
// the app (seedDemoHousehold): one child with the current school year only, and one to which four
// earlier school years are added, also through the app's services: each year's IEP (from the first day
// of school to the day before the next year's), its school calendar with its days off, its three
// services with their extended school year block, and its year of sessions (misses, the story's named
// make-up, and two more make-ups a year), copied from a whole demo year made once (a third household)
// and shifted back by whole numbers of 52 weeks, so every date keeps its weekday. The earlier plans stay
// active, as they do in the app after an annual review (their make-up minutes are still owed). Then the
// dashboard of each child is timed in turns (a warm-up, then the median of the runs), and the same on
// PostgreSQL when one answers (a database of its own, dropped after), else skipped with the reason.
//
// Alone: `node --import tsx bench/dashboard-years.ts` prints the figures and writes
// bench/out/dashboard-years.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { seedDemoHousehold } from '../src/cli/demo-household.ts';
import { addDays } from '../src/domain/dates.ts';
import { fixedClock, idSource, type ServiceContext } from '../src/server/context.ts';
import { computeLedgers } from '../src/server/services/ledgers.ts';
import { createRecord } from '../src/server/services/records.ts';
import { RESOURCES } from '../src/server/services/resources.ts';
import { createSessionEntry } from '../src/server/services/session-entries.ts';
import { weekSummary } from '../src/server/services/week-summary.ts';
import { openStore, type Store } from '../src/store/database.ts';
import { adminStatement, BENCH_ADMIN_URL } from './bench-support.ts';

/** A Wednesday in May: the current school year (2026-27) is well under way. */
const NOW = '2027-05-12T15:00:00.000Z';
const TODAY = NOW.slice(0, 10);
/** After the 2026-27 extended school year and before 2027-28 begins: the whole year, as a template. */
const TEMPLATE_NOW = '2027-08-31T15:00:00.000Z';
const EARLIER_YEARS = 4;
const GOAL_RATIO = 1.2;

type Child = { householdId: string; childId: string };
export type DashboardChildren = {
  oneYear: Child;
  fiveYears: Child;
  yearFrom: string;
  entries: { oneYear: number; fiveYears: number };
};

export type DashboardFigures = {
  /** Median ms of one dashboard (the child's ledgers for the year so far, then the home screen). */
  oneYearMs: number;
  fiveYearMs: number;
  ratio: number;
  runs: number;
  entries: { oneYear: number; fiveYears: number };
};

export type DashboardYears = DashboardFigures & {
  goalRatio: number;
  met: boolean;
  seedSeconds: number;
  window: { from: string; to: string };
  postgres: (DashboardFigures & { met: boolean; seedSeconds: number }) | { skipped: string };
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (ms: number) => Number(ms.toFixed(2));

/** Four earlier school years for the child, copied through the app from the template's whole year. */
async function addEarlierYears(store: Store, target: Child, templateHouseholdId: string, years: number) {
  const clock = fixedClock(NOW);
  const ctx: ServiceContext = {
    householdId: target.householdId,
    actor: { kind: 'cli', id: 'bench' },
    clock,
    newId: idSource(clock),
  };
  const db = store.db;
  const [plan] = await db
    .selectFrom('plan')
    .selectAll()
    .where('household_id', '=', templateHouseholdId)
    .orderBy('effective_from')
    .execute();
  const [calendar] = await db
    .selectFrom('school_calendar')
    .selectAll()
    .where('household_id', '=', templateHouseholdId)
    .execute();
  const events = await db
    .selectFrom('calendar_event')
    .selectAll()
    .where('household_id', '=', templateHouseholdId)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
  const services = await db
    .selectFrom('service')
    .selectAll()
    .where('household_id', '=', templateHouseholdId)
    .where('plan_id', '=', plan!.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const entries = await db
    .selectFrom('session_entry')
    .selectAll()
    .where('household_id', '=', templateHouseholdId)
    .orderBy('date')
    .orderBy('id')
    .execute();
  for (let k = years; k >= 1; k--) {
    const shift = (date: string) => addDays(date, -364 * k);
    const shiftSegments = (json: string) =>
      (JSON.parse(json) as { startDate: string; endDate: string }[]).map((s) => ({
        ...s,
        startDate: shift(s.startDate),
        endDate: shift(s.endDate),
      }));
    const startYear = Number(plan!.effective_from.slice(0, 4)) - k;
    const label = `${startYear}-${startYear + 1}`;
    const newPlan = await createRecord(store, ctx, RESOURCES.plan, {
      childId: target.childId,
      kind: 'iep',
      jurisdiction: { country: plan!.country, region: plan!.region },
      title: `IEP ${label}`,
      effectiveFrom: shift(plan!.effective_from),
      // Renewed at the annual review: the next year's plan begins 52 weeks later.
      effectiveTo: addDays(shift(plan!.effective_from), 363),
    });
    const newCalendar = await createRecord(store, ctx, RESOURCES.calendar, {
      childId: target.childId,
      name: `School year ${label}`,
      firstDay: shift(calendar!.first_day),
      lastDay: shift(calendar!.last_day),
    });
    for (const e of events) {
      await createRecord(store, ctx, RESOURCES.calendarEvent, {
        calendarId: newCalendar.id,
        kind: e.kind,
        startDate: shift(e.start_date),
        endDate: e.end_date == null ? null : shift(e.end_date),
        label: e.label,
      });
    }
    const serviceIds = new Map<string, string>();
    for (const s of services) {
      const created = await createRecord(store, ctx, RESOURCES.service, {
        planId: newPlan.id,
        name: s.name,
        area: s.area,
        providerRole: s.provider_role,
        setting: s.setting,
        delivery: s.delivery,
        groupSizeLimit: s.group_size_limit,
        location: s.location,
        sourceText: s.source_text,
        startDate: shift(s.start_date),
        endDate: shift(s.end_date),
        segments: shiftSegments(s.segments),
        esyBlocks: shiftSegments(s.esy_blocks),
      });
      serviceIds.set(s.id, created.id);
    }
    const entryIds = new Map<string, string>();
    const missesOf = new Map<string, { id: string; date: string }[]>();
    for (const e of entries) {
      const serviceId = serviceIds.get(e.service_id)!;
      const saved = await createSessionEntry(store, ctx, {
        serviceId,
        date: shift(e.date),
        kind: e.kind,
        status: e.status,
        ...(e.status === 'missed' ? {} : { minutesDelivered: Number(e.minutes_delivered) }),
        reason: e.reason ?? undefined,
        reasonText: e.reason_text ?? undefined,
        makeupForEntryId: e.makeup_for_entry_id ? entryIds.get(e.makeup_for_entry_id) : undefined,
        source: e.source,
        startTime: e.start_time ?? undefined,
      });
      entryIds.set(e.id, saved.id);
      if (e.kind === 'scheduled' && e.status === 'missed') {
        const list = missesOf.get(serviceId) ?? [];
        list.push({ id: saved.id, date: saved.date });
        missesOf.set(serviceId, list);
      }
    }
    // Two more make-ups a year, as a family that asks for them gets: one for an OT miss it names, a
    // week after it, and one for speech in the spring that names none (the oldest owed minutes).
    const ot = serviceIds.get(services[1]!.id)!;
    const speech = serviceIds.get(services[0]!.id)!;
    const otMiss = missesOf.get(ot)?.[1];
    if (otMiss)
      await createSessionEntry(store, ctx, {
        serviceId: ot,
        date: addDays(otMiss.date, 7),
        kind: 'makeup',
        status: 'delivered',
        minutesDelivered: 30,
        makeupForEntryId: otMiss.id,
        source: 'provider',
      });
    await createSessionEntry(store, ctx, {
      serviceId: speech,
      date: addDays(shift(calendar!.last_day), -16),
      kind: 'makeup',
      status: 'delivered',
      minutesDelivered: 30,
      source: 'provider',
    });
  }
}

async function entryCount(store: Store, householdId: string): Promise<number> {
  const row = await store.db
    .selectFrom('session_entry')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('household_id', '=', householdId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The two children, made in `store` (exported for profiling one dashboard alone). */
export async function seedDashboardYears(store: Store): Promise<DashboardChildren> {
  const clock = fixedClock(NOW);
  const one = await seedDemoHousehold(store, clock);
  const five = await seedDemoHousehold(store, clock);
  const template = await seedDemoHousehold(store, fixedClock(TEMPLATE_NOW));
  const fiveYears = { householdId: five.householdId, childId: five.childId };
  await addEarlierYears(store, fiveYears, template.householdId, EARLIER_YEARS);
  const oneYear = { householdId: one.householdId, childId: one.childId };
  return {
    oneYear,
    fiveYears,
    yearFrom: one.schoolYear.firstDay,
    entries: {
      oneYear: await entryCount(store, oneYear.householdId),
      fiveYears: await entryCount(store, fiveYears.householdId),
    },
  };
}

/** One dashboard: the child's ledgers for the school year so far, then the home screen. */
export async function dashboard(store: Store, child: Child, from: string) {
  const ledgers = await computeLedgers(
    store.db,
    child.householdId,
    { childId: child.childId },
    { from, to: TODAY, grouping: 'week' },
    TODAY,
  );
  const week = await weekSummary(store.db, child.householdId, child.childId, TODAY);
  return { ledgers, week };
}

async function timeDashboards(
  store: Store,
  seeded: DashboardChildren,
  runs: number,
): Promise<DashboardFigures> {
  const works = [seeded.oneYear, seeded.fiveYears].map(
    (child) => () => dashboard(store, child, seeded.yearFrom),
  );
  for (let i = 0; i < 3; i++) for (const work of works) await work();
  const times: number[][] = works.map(() => []);
  for (let r = 0; r < runs; r++) {
    // Alternated, and in the other order every other run, so that both see the same machine.
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const w of order) {
      const start = performance.now();
      await works[w]!();
      times[w]!.push(performance.now() - start);
    }
  }
  const [oneYearMs, fiveYearMs] = times.map(median) as [number, number];
  return {
    oneYearMs: round(oneYearMs),
    fiveYearMs: round(fiveYearMs),
    ratio: Number((fiveYearMs / oneYearMs).toFixed(2)),
    runs,
    entries: seeded.entries,
  };
}

const ADMIN_URL = BENCH_ADMIN_URL;
const PG_DATABASE = 'as_written_dashboard_years_bench';

async function onPostgres(runs: number): Promise<DashboardYears['postgres']> {
  try {
    await adminStatement(`drop database if exists ${PG_DATABASE} with (force)`);
    await adminStatement(`create database ${PG_DATABASE}`);
  } catch (error) {
    return { skipped: `no PostgreSQL at ${ADMIN_URL} (${(error as Error).message})` };
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${PG_DATABASE}`;
  const store = await openStore({ kind: 'postgres', url: url.toString() });
  try {
    const seedStart = performance.now();
    const seeded = await seedDashboardYears(store);
    const seedSeconds = Number(((performance.now() - seedStart) / 1000).toFixed(1));
    const figures = await timeDashboards(store, seeded, runs);
    return { ...figures, met: figures.ratio <= GOAL_RATIO, seedSeconds };
  } finally {
    // pg's pool resolves its end() before its connections have closed; the forced drop below may then
    // end one still closing, whose error the pool would raise with nobody listening.
    store.pgPool?.on('error', () => undefined);
    await store.close();
    await adminStatement(`drop database if exists ${PG_DATABASE} with (force)`).catch(() => undefined);
  }
}

/** The dashboard of a child with five school years against one with one, on SQLite (and PostgreSQL). */
export async function dashboardYears(
  options: { runs?: number; postgres?: boolean } = {},
): Promise<DashboardYears> {
  const runs = options.runs ?? Number(process.env.BENCH_DASHBOARD_RUNS ?? 15);
  const dir = mkdtempSync(join(tmpdir(), 'as-written-dashboard-years-'));
  let sqlite: DashboardFigures;
  let seedSeconds: number;
  let yearFrom: string;
  try {
    const store = await openStore({ kind: 'sqlite', file: join(dir, 'dashboard.db') });
    try {
      const seedStart = performance.now();
      const seeded = await seedDashboardYears(store);
      seedSeconds = Number(((performance.now() - seedStart) / 1000).toFixed(1));
      yearFrom = seeded.yearFrom;
      sqlite = await timeDashboards(store, seeded, runs);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const postgres = options.postgres === false ? { skipped: 'not asked for' } : await onPostgres(runs);
  return {
    ...sqlite,
    goalRatio: GOAL_RATIO,
    met: sqlite.ratio <= GOAL_RATIO,
    seedSeconds,
    window: { from: yearFrom, to: TODAY },
    postgres,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await dashboardYears();
  const out = resolve(import.meta.dirname, 'out');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'dashboard-years.json'), `${JSON.stringify(result, null, 2)}\n`);
  const line = (name: string, f: DashboardFigures) =>
    `  ${name}: 1 year ${f.oneYearMs} ms, 5 years ${f.fiveYearMs} ms (median of ${f.runs}); ratio ${f.ratio}x; goal ratio <= ${GOAL_RATIO}: ${f.ratio <= GOAL_RATIO ? 'MET' : 'NOT MET'}`;
  console.log(
    `Dashboard of the school year so far (${result.window.from} to ${result.window.to}): the child's ledgers and the home screen`,
  );
  console.log(
    `  entries: ${result.entries.oneYear} (1 year), ${result.entries.fiveYears} (5 years); seeded in ${result.seedSeconds} s`,
  );
  console.log(line('SQLite', result));
  console.log(
    'oneYearMs' in result.postgres
      ? line('PostgreSQL', result.postgres)
      : `  PostgreSQL: skipped, ${result.postgres.skipped}`,
  );
}
