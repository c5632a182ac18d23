// District-scale ledger benchmark: `npm run bench` (or `node --expose-gc --import tsx bench/ledger.bench.ts`).
//
// 1. Generates (or reuses) a district data set in SQLite: BENCH_CHILDREN children (default 10,000), ~3
//    services each, one school year of session entries (~2 million rows at full size). See district-data.ts.
// 2. Times (a) every service's ledger for the school year, computed by the real domain code from rows read
//    out of SQLite, and (b) a plain SQL aggregate (minutes per service per week) over the same rows.
//    BENCH_WARMUP warm-up rounds (default 1), then BENCH_RUNS measured runs of each (default 3), alternating
//    which goes first; the medians are compared. Goal: ledger / aggregate <= 1.5.
// 3. Prints a report and writes it as JSON to bench/out/ledger-bench.json.
//
// Environment: BENCH_CHILDREN, BENCH_SEED, BENCH_RUNS, BENCH_WARMUP, BENCH_DB (file), BENCH_REGENERATE=1
// (rebuild the data), BENCH_ONLY=ledger|aggregate (one workload only, e.g. under --cpu-prof),
// BENCH_READ=per-service|stream (how the ledger reads the entries; see ReadMode in ledger-run.ts).

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { ServiceLedger } from '../src/domain/service-ledger.ts';
import { computeLedgers } from '../src/server/services/ledgers.ts';
import { openStore } from '../src/store/database.ts';
import { envInt } from './bench-support.ts';
import {
  type DistrictParams,
  ensureDistrict,
  GENERATOR_VERSION,
  HOUSEHOLD_ID,
  SCHOOL_YEAR,
} from './district-data.ts';
import {
  AGGREGATE_SQL,
  type AggregateRun,
  ENTRIES_SQL,
  type LedgerOptions,
  type LedgerRun,
  type ReadMode,
  runAggregate,
  runLedger,
} from './ledger-run.ts';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'out');
const GOAL_RATIO = 1.5;

const children = envInt('BENCH_CHILDREN', 10_000);
const params: DistrictParams = {
  generatorVersion: GENERATOR_VERSION,
  children,
  seed: envInt('BENCH_SEED', 20_260_908),
  firstDay: SCHOOL_YEAR.firstDay,
  lastDay: SCHOOL_YEAR.lastDay,
};
const runs = envInt('BENCH_RUNS', 3);
/** Extra warm-up rounds; small data sets need a few before the JIT has settled. */
const warmUps = envInt('BENCH_WARMUP', 1);
const only = process.env.BENCH_ONLY?.trim() || null;
const readMode = (process.env.BENCH_READ?.trim() || 'per-service') as ReadMode;
if (readMode !== 'per-service' && readMode !== 'stream')
  throw new Error('BENCH_READ must be per-service or stream');
if (only && only !== 'ledger' && only !== 'aggregate')
  throw new Error('BENCH_ONLY must be ledger or aggregate');
const dbFile =
  process.env.BENCH_DB?.trim() ||
  join(outDir, children === 10_000 ? 'district.db' : `district-${children}.db`);
const ledgerOptions: LedgerOptions = {
  householdId: HOUSEHOLD_ID,
  window: { from: SCHOOL_YEAR.firstDay, to: SCHOOL_YEAR.lastDay },
  asOf: '2027-06-30',
};

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const log = (text: string) => process.stderr.write(`${text}\n`);

// ---------------------------------------------------------------------------------------------
// The data set.

async function ensureDataset() {
  return ensureDistrict(dbFile, params, {
    regenerate: process.env.BENCH_REGENERATE === '1',
    log: (text) => log(text.replace(dbFile, relative(process.cwd(), dbFile))),
  });
}

// ---------------------------------------------------------------------------------------------
// Cross-check: the bench pipeline gives the same ledgers as the app's own code path (computeLedgers
// reads through Kysely, resolves the service terms from the plan versions, converts with toLedgerEntries).

function crossCheckChildren(db: Database.Database): string[] {
  const pick = (where: string) =>
    db
      .prepare(
        `SELECT p.child_id FROM service s JOIN plan p ON p.id = s.plan_id WHERE ${where} ORDER BY s.id LIMIT 1`,
      )
      .pluck()
      .get() as string | undefined;
  const chosen = [
    pick('json_array_length(s.segments) = 2'),
    pick(`s.segments LIKE '%"cycle"%'`),
    pick(`s.segments LIKE '%"activeWeeks"%'`),
    pick(`s.segments LIKE '%"month"%'`),
    pick(`s.segments LIKE '%"day"%'`),
    pick(`s.segments LIKE '%"minutesPerSession":null%'`),
    pick(`s.esy_blocks <> '[]'`),
    pick(`s.id IN (SELECT service_id FROM session_entry WHERE corrects_entry_id IS NOT NULL)`),
  ];
  const all = db.prepare('SELECT id FROM child ORDER BY id').pluck().all() as string[];
  for (let k = 1; k <= 3; k++) chosen.push(all[Math.floor((all.length * k) / 4)]);
  return [...new Set(chosen.filter((x): x is string => x !== undefined))];
}

async function crossCheck(childIds: string[], captured: Map<string, ServiceLedger>): Promise<string> {
  const store = await openStore({ kind: 'sqlite', file: dbFile });
  try {
    let services = 0;
    for (const childId of childIds) {
      const views = await computeLedgers(
        store.db,
        HOUSEHOLD_ID,
        { childId },
        {
          from: ledgerOptions.window.from,
          to: ledgerOptions.window.to,
          asOf: ledgerOptions.asOf,
          grouping: 'auto',
        },
        ledgerOptions.asOf,
      );
      for (const view of views) {
        // The view adds what the screens show beside the ledger (the service, the shared sessions).
        const { service: _service, asOf: _asOf, sharedSessions: _shared, ...ledger } = view;
        const ours = captured.get(view.serviceId);
        if (!ours) throw new Error(`cross-check: service ${view.serviceId} was not captured`);
        if (JSON.stringify(ours) !== JSON.stringify(ledger)) {
          throw new Error(`cross-check: the ledger of service ${view.serviceId} differs from computeLedgers`);
        }
        services++;
      }
    }
    return `ok (${services} services of ${childIds.length} children identical to computeLedgers)`;
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { meta, generated } = await ensureDataset();
  const stats = meta.stats;
  const db = new Database(dbFile, { readonly: true });
  const plan = (sql: string, ...args: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
  const plans = {
    ledgerEntries:
      readMode === 'stream'
        ? plan(ENTRIES_SQL.stream, HOUSEHOLD_ID, ledgerOptions.window.to)
        : plan(ENTRIES_SQL['per-service'], 'x', HOUSEHOLD_ID, ledgerOptions.window.to),
    aggregate: plan(AGGREGATE_SQL),
  };
  const maxRssBeforeKiB = process.resourceUsage().maxRSS;

  // Warm-up (also captures a few full ledgers for the cross-check).
  const childIds = crossCheckChildren(db);
  const captureIds = new Set(
    childIds.length === 0
      ? []
      : (db
          .prepare(
            `SELECT s.id FROM service s JOIN plan p ON p.id = s.plan_id WHERE p.child_id IN (${childIds.map(() => '?').join(',')})`,
          )
          .pluck()
          .all(...childIds) as string[]),
  );
  const captured = new Map<string, ServiceLedger>();
  log('Warm-up ...');
  const ledgerRuns: LedgerRun[] = [];
  const aggregateRuns: AggregateRun[] = [];
  let warmLedger: LedgerRun | null = null;
  if (only !== 'aggregate')
    warmLedger = runLedger(db, ledgerOptions, readMode, { ids: captureIds, into: captured });
  if (only !== 'ledger') runAggregate(db);
  for (let i = 1; i < warmUps; i++) {
    if (only !== 'aggregate') runLedger(db, ledgerOptions, readMode);
    if (only !== 'ledger') runAggregate(db);
  }
  const crossCheckResult = only === 'aggregate' ? 'skipped' : await crossCheck(childIds, captured);
  captured.clear();

  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['aggregate', 'ledger'] : ['ledger', 'aggregate'];
    for (const which of order) {
      if (only && which !== only) continue;
      // No forced gc() between runs: a full collection makes V8 drop optimised code whose object shapes
      // died with it, so the next ledger run re-warms (about 2x slower compute on small data sets).
      if (which === 'ledger') {
        const r = runLedger(db, ledgerOptions, readMode);
        if (warmLedger && JSON.stringify(r.totals) !== JSON.stringify(warmLedger.totals))
          throw new Error('ledger totals differ between runs');
        ledgerRuns.push(r);
        log(`  ledger    run ${i + 1}: ${round(r.ms)} ms`);
      } else {
        const r = runAggregate(db);
        aggregateRuns.push(r);
        log(`  aggregate run ${i + 1}: ${round(r.ms)} ms`);
      }
    }
  }
  // Memory: one more run of each after a forced collection (node --expose-gc), so the peaks reflect the
  // workload rather than garbage left by earlier runs. Not part of the timings.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const memoryLedger = only === 'aggregate' ? null : runLedger(db, ledgerOptions, readMode);
  gc?.();
  const memoryAggregate = only === 'ledger' ? null : runAggregate(db);
  db.close();

  const ledgerMs = ledgerRuns.length ? median(ledgerRuns.map((r) => r.ms)) : null;
  const aggregateMs = aggregateRuns.length ? median(aggregateRuns.map((r) => r.ms)) : null;
  const ratio = ledgerMs !== null && aggregateMs !== null ? ledgerMs / aggregateMs : null;
  const ledgerCpuMs = ledgerRuns.length ? median(ledgerRuns.map((r) => r.cpuMs)) : null;
  const aggregateCpuMs = aggregateRuns.length ? median(aggregateRuns.map((r) => r.cpuMs)) : null;
  const cpuRatio = ledgerCpuMs !== null && aggregateCpuMs !== null ? ledgerCpuMs / aggregateCpuMs : null;
  // On a busy machine the fastest runs are the least disturbed ones: their ratio is shown too.
  const bestRatio =
    ledgerRuns.length && aggregateRuns.length
      ? Math.min(...ledgerRuns.map((r) => r.ms)) / Math.min(...aggregateRuns.map((r) => r.ms))
      : null;
  const peak = (r: { memory: { rssBytes: number; heapUsedBytes: number; samples: number } } | null) => ({
    rssMiB: r ? mib(r.memory.rssBytes) : null,
    heapUsedMiB: r ? mib(r.memory.heapUsedBytes) : null,
    samples: r?.memory.samples ?? 0,
    afterForcedGc: gc !== undefined,
  });
  const entries = warmLedger?.totals.entriesRead ?? stats.entries;
  const result = {
    at: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    database: relative(process.cwd(), dbFile),
    dataset: {
      reused: !generated,
      params,
      children: stats.children,
      services: stats.services,
      sessionEntries: stats.entries,
      calendars: stats.calendars,
      calendarEvents: stats.calendarEvents,
      distinctCalendarShapes: warmLedger?.distinctCalendars ?? stats.distinctCalendarShapes,
      servicesByKind: stats.servicesByKind,
      entriesByStatus: stats.entriesByStatus,
      generationSeconds: round(stats.seconds),
      validation: stats.validation.length === 0 ? 'ok' : stats.validation.join('; '),
    },
    runs: { warmUp: warmUps, measured: runs },
    ledger:
      ledgerMs === null
        ? null
        : {
            medianMs: round(ledgerMs),
            runsMs: ledgerRuns.map((r) => round(r.ms)),
            medianCpuMs: round(ledgerCpuMs ?? 0),
            readMode,
            medianBreakdownMs: {
              loadServicesAndCalendars: round(median(ledgerRuns.map((r) => r.setupMs))),
              readEntriesFromSqlite: round(median(ledgerRuns.map((r) => r.readMs))),
              toLedgerEntries: round(median(ledgerRuns.map((r) => r.convertMs))),
              computeServiceLedger: round(median(ledgerRuns.map((r) => r.computeMs))),
              other: round(median(ledgerRuns.map((r) => r.otherMs))),
            },
            microsecondsPerService: round((ledgerMs * 1000) / stats.services, 2),
            entriesPerSecond: Math.round(entries / (ledgerMs / 1000)),
            peakMemory: peak(memoryLedger),
            totals: ledgerRuns[0]!.totals,
            crossCheck: crossCheckResult,
          },
    aggregate:
      aggregateMs === null
        ? null
        : {
            medianMs: round(aggregateMs),
            runsMs: aggregateRuns.map((r) => round(r.ms)),
            medianCpuMs: round(aggregateCpuMs ?? 0),
            rows: aggregateRuns[0]!.rows,
            minutes: aggregateRuns[0]!.minutes,
            peakMemory: peak(memoryAggregate),
          },
    ratio: ratio === null ? null : round(ratio, 2),
    /** The ledger without reading the entries out of SQLite, over the aggregate: what the domain code adds. */
    ratioWithoutEntryRead:
      ledgerMs === null || aggregateMs === null
        ? null
        : round((ledgerMs - median(ledgerRuns.map((r) => r.readMs))) / aggregateMs, 2),
    cpuRatio: cpuRatio === null ? null : round(cpuRatio, 2),
    bestRunsRatio: bestRatio === null ? null : round(bestRatio, 2),
    goal: GOAL_RATIO,
    goalMet: ratio === null ? null : ratio <= GOAL_RATIO,
    process: {
      maxRssMiB: mib(process.resourceUsage().maxRSS * 1024),
      maxRssBeforeMeasuringMiB: mib(maxRssBeforeKiB * 1024),
      includesGeneration: generated,
    },
    queryPlans: plans,
  };

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'ledger-bench.json'), `${JSON.stringify(result, null, 2)}\n`);
  printReport(result);
}

function printReport(r: {
  node: string;
  platform: string;
  database: string;
  dataset: {
    reused: boolean;
    children: number;
    services: number;
    sessionEntries: number;
    calendars: number;
    calendarEvents: number;
    distinctCalendarShapes: number;
    servicesByKind: Record<string, number>;
    entriesByStatus: Record<string, number>;
    generationSeconds: number;
    validation: string;
  };
  runs: { warmUp: number; measured: number };
  ledger: {
    medianMs: number;
    runsMs: number[];
    medianCpuMs: number;
    readMode: string;
    medianBreakdownMs: Record<string, number>;
    microsecondsPerService: number;
    entriesPerSecond: number;
    peakMemory: {
      rssMiB: number | null;
      heapUsedMiB: number | null;
      samples: number;
      afterForcedGc: boolean;
    };
    totals: LedgerRun['totals'];
    crossCheck: string;
  } | null;
  aggregate: {
    medianMs: number;
    runsMs: number[];
    medianCpuMs: number;
    rows: number;
    peakMemory: {
      rssMiB: number | null;
      heapUsedMiB: number | null;
      samples: number;
      afterForcedGc: boolean;
    };
  } | null;
  ratio: number | null;
  cpuRatio: number | null;
  bestRunsRatio: number | null;
  ratioWithoutEntryRead: number | null;
  goalMet: boolean | null;
  process: { maxRssMiB: number; maxRssBeforeMeasuringMiB: number; includesGeneration: boolean };
  queryPlans: { ledgerEntries: string[]; aggregate: string[] };
}) {
  const n = (x: number) => x.toLocaleString('en-US');
  const d = r.dataset;
  const lines = [
    '',
    'As Written: district ledger benchmark',
    '=====================================',
    `Node ${r.node} (${r.platform}); database ${r.database}`,
    '',
    `Data set (${d.reused ? 'reused' : 'generated in this run'}): ${n(d.children)} children, ${n(d.services)} services, ${n(d.sessionEntries)} session entries`,
    `  calendars: ${n(d.calendars)} (${n(d.calendarEvents)} events, ${d.distinctCalendarShapes} distinct shapes)`,
    `  services by kind: ${Object.entries(d.servicesByKind)
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(', ')}`,
    `  entries by status: ${Object.entries(d.entriesByStatus)
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(', ')}`,
    `  generation time: ${d.generationSeconds} s; validation: ${d.validation}`,
    '',
    `Runs: ${r.runs.warmUp} warm-up + ${r.runs.measured} measured each, alternating order; medians below.`,
  ];
  if (r.ledger) {
    const l = r.ledger;
    lines.push(
      '',
      `Ledger (every service, whole school year; entries read ${l.readMode}): median ${n(l.medianMs)} ms wall, ${n(l.medianCpuMs)} ms CPU  [runs: ${l.runsMs.join(', ')}]`,
      ...Object.entries(l.medianBreakdownMs).map(([k, v]) => `    ${k.padEnd(28)} ${n(v)} ms`),
      `  ${l.microsecondsPerService} us per service, ${n(l.entriesPerSecond)} entries/s`,
      `  peak memory during a run${l.peakMemory.afterForcedGc ? ' started after a forced GC' : ''}: RSS ${l.peakMemory.rssMiB} MiB, heap used ${l.peakMemory.heapUsedMiB} MiB (${l.peakMemory.samples} samples)`,
      `  district totals: required ${n(l.totals.requiredMinutes)} min, delivered ${n(l.totals.deliveredMinutes)}, owed ${n(l.totals.owedMinutes)}, excused ${n(l.totals.excusedMinutes)}, pending ${n(l.totals.pendingMinutes)}, unlogged ${n(l.totals.unloggedMinutes)}, make-ups applied ${n(l.totals.makeupAppliedMinutes)}, owed balance ${n(l.totals.owedBalanceMinutes)}`,
      `  ${n(l.totals.periods)} ledger rows, ${n(l.totals.notes)} notes, ${n(l.totals.servicesWithOwedBalance)} services with an owed balance, ${n(l.totals.servicesBelow90Percent)} below 90% delivered`,
      `  cross-check: ${l.crossCheck}`,
    );
  }
  if (r.aggregate) {
    const a = r.aggregate;
    lines.push(
      '',
      `SQL aggregate (minutes per service per week): median ${n(a.medianMs)} ms wall, ${n(a.medianCpuMs)} ms CPU  [runs: ${a.runsMs.join(', ')}]`,
      `  ${n(a.rows)} rows; peak memory${a.peakMemory.afterForcedGc ? ' (after a forced GC)' : ''}: RSS ${a.peakMemory.rssMiB} MiB, heap used ${a.peakMemory.heapUsedMiB} MiB`,
    );
  }
  if (r.ratio !== null) {
    lines.push(
      '',
      `Ratio ledger / aggregate: ${r.ratio}x wall-clock medians  (goal <= ${GOAL_RATIO}x: ${r.goalMet ? 'MET' : 'NOT MET'})`,
      `  ${r.cpuRatio}x by CPU-time medians; ${r.bestRunsRatio}x fastest run / fastest run`,
      `  without reading the entries out of SQLite, the ledger alone is ${r.ratioWithoutEntryRead}x the aggregate`,
    );
  }
  lines.push(
    '',
    `Process max RSS: ${r.process.maxRssMiB} MiB (before measuring: ${r.process.maxRssBeforeMeasuringMiB} MiB${r.process.includesGeneration ? ', includes generating the data' : ''})`,
    `Query plans: ledger entries: ${r.queryPlans.ledgerEntries.join(' | ')}; aggregate: ${r.queryPlans.aggregate.join(' | ')}`,
    `Written to ${relative(process.cwd(), join(outDir, 'ledger-bench.json'))}`,
    '',
  );
  process.stdout.write(lines.join('\n'));
}

await main();
