// The district ledger through the app's own path, against baselines measured in the same run (issue 18):
// `npm run bench` (after ledger.bench.ts, whose data set it reads), or alone:
// `node --import tsx bench/ledger-app.bench.ts`.
//
// 1. The district data set of ledger.bench.ts (BENCH_CHILDREN children, default 10,000, one school year;
//    generated here when it is not stored yet).
// 2. Times, in turns (BENCH_APP_RUNS measured runs, default 3, after a warm-up; medians compared):
//    - the app's path: every child's ledgers through the service layer (computeLedgers), on SQLite as the
//      app opens it (openStore);
//    - the read floor: the columns the ledger needs, in index order, as raw rows;
//    - an efficient SQL aggregate: minutes per service and week.
// 3. The same path on PostgreSQL against SQLite, over the first BENCH_PG_CHILDREN children (default
//    2,000), copied into a database of its own beside BENCH_DATABASE_URL and dropped after; skipped,
//    saying why, where no PostgreSQL answers.
// 4. The in-memory ledger alone on the peer's shape of data (30,000 weekly services, about 2 million
//    entries), in processes of their own (bench/ledger-in-memory.ts, at least 5 runs each, medians), as entries
//    a second: the totals a district's or a caseload's sums ask for (the figure the goal is read on),
//    and beside it the full ledger a ledger screen shows (a row per week, the ids behind each figure).
// 5. The memory of a district run in a process of its own (bench/ledger-memory.ts), over half the children
//    and all of them, in three processes for each (taken in turns): the peak resident memory, and the
//    largest live heap after a full collection. One process's resident peak depends on how far V8 lets
//    the heap grow before a full collection, which it sets from how fast its last ones ran: the same code
//    peaked at about 215 or about 300 MiB at either size, so a median of three picked a different level at
//    each size in some runs. Flat is read on two figures that this timing cannot move: the lowest resident
//    peak of each size (uncollected garbage only ever adds to it) and the median live heap (what the run
//    keeps). The medians of the resident peaks are printed beside them.
// 6. One child's dashboard with 5 years of history against 1 year (bench/dashboard-years.ts).
// Prints each figure with its goal, MET or NOT MET, and writes bench/out/ledger-app-bench.json.

import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/database.ts';
import { adminStatement, BENCH_ADMIN_URL, envInt } from './bench-support.ts';
import { dashboardYears } from './dashboard-years.ts';
import { type DistrictParams, ensureDistrict, GENERATOR_VERSION, SCHOOL_YEAR } from './district-data.ts';
import {
  aggregatePlan,
  appPathRun,
  copyDistrictToPostgres,
  efficientAggregate,
  PEER_SERVICES,
  readFloor,
  readFloorPlan,
} from './ledger-app.ts';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'out');

const GOALS = {
  /** The app's path over the read floor, on SQLite. */
  appOverFloor: 1.3,
  /** PostgreSQL over SQLite, same children, same path. */
  postgresOverSqlite: 2,
  /** The in-memory ledger, entries a second. */
  inMemoryEntriesPerSecond: 9_000_000,
  /**
   * Memory of the whole district over half of it, on the lowest resident peaks and the median live heaps
   * after a full collection (5. above): flat means at most 10% more on each.
   */
  memoryGrowth: 1.1,
  /** A 5-year dashboard over a 1-year one. */
  fiveYearsOverOne: 1.2,
};

const children = envInt('BENCH_CHILDREN', 10_000);
const params: DistrictParams = {
  generatorVersion: GENERATOR_VERSION,
  children,
  seed: envInt('BENCH_SEED', 20_260_908),
  firstDay: SCHOOL_YEAR.firstDay,
  lastDay: SCHOOL_YEAR.lastDay,
};
const runs = envInt('BENCH_APP_RUNS', 3);
/** Processes for each size of the peak-memory run (5.), whose medians are compared. */
const MEMORY_PROCESSES = 3;
const pgChildren = Math.min(children, envInt('BENCH_PG_CHILDREN', 2_000));
const dbFile =
  process.env.BENCH_DB?.trim() ||
  join(outDir, children === 10_000 ? 'district.db' : `district-${children}.db`);
const ADMIN_URL = BENCH_ADMIN_URL;
const PG_DATABASE = 'as_written_ledger_bench';

const log = (text: string) => process.stderr.write(`${text}\n`);
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const met = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** A district run in a process of its own (bench/ledger-memory.ts), for its peak memory. */
type MemoryRun = {
  children: number;
  ms: number;
  peakRssKiB: number;
  liveHeapPeakKiB: number;
  heapSizePeakKiB: number;
  fullCollections: number;
};
function memoryRun(count: number): Promise<MemoryRun> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(here, 'ledger-memory.ts'), dbFile, String(count)],
      { maxBuffer: 1024 * 1024 },
      (error, stdout) => {
        if (error) fail(error);
        else done(JSON.parse(stdout.trim().split('\n').at(-1)!));
      },
    );
  });
}

/** A size's memory figures, as written to the JSON, in MiB. */
function memoryFigures(m: {
  children: number;
  peakRssKiB: number;
  lowestPeakRssKiB: number;
  liveHeapKiB: number;
  ms: number;
  runsMiB: number[];
  liveHeapRunsMiB: number[];
  heapSizeRunsMiB: number[];
  fullCollections: number[];
}) {
  return {
    children: m.children,
    peakRssMiB: round(m.peakRssKiB / 1024),
    lowestPeakRssMiB: round(m.lowestPeakRssKiB / 1024),
    liveHeapMiB: round(m.liveHeapKiB / 1024),
    ms: m.ms,
    runsMiB: m.runsMiB,
    liveHeapRunsMiB: m.liveHeapRunsMiB,
    heapSizeRunsMiB: m.heapSizeRunsMiB,
    fullCollections: m.fullCollections,
  };
}

/** The in-memory ledger alone, in a process of its own (bench/ledger-in-memory.ts). */
function inMemoryRun(
  detail: 'totals' | 'full',
  count: number,
): Promise<{ entryCount: number; owed: number; ms: number[] }> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(here, 'ledger-in-memory.ts'), detail, String(count)],
      { maxBuffer: 1024 * 1024 },
      (error, stdout) => {
        if (error) return fail(error);
        const out = JSON.parse(stdout.trim().split('\n').at(-1)!);
        done({ entryCount: out.entries, owed: out.owed, ms: out.ms });
      },
    );
  });
}

async function main() {
  const { meta, generated } = await ensureDistrict(dbFile, params, {
    log: (text) => log(text.replace(dbFile, relative(process.cwd(), dbFile))),
  });
  const raw = new Database(dbFile, { readonly: true });
  const childIds = raw.prepare('SELECT id FROM child ORDER BY id').pluck().all() as string[];
  const store = await openStore({ kind: 'sqlite', file: dbFile });

  // 2. The app's path, the read floor and the aggregate, in turns.
  log(`District: ${n(childIds.length)} children, ${n(meta.stats.entries)} entries. Warm-up ...`);
  const warm = await appPathRun(store.db, childIds);
  readFloor(raw);
  efficientAggregate(raw);
  const app: number[] = [];
  const appCpu: number[] = [];
  const floor: number[] = [];
  const aggregate: number[] = [];
  let floorRows = 0;
  let aggregateGroups = 0;
  for (let r = 0; r < runs; r++) {
    const order = ['app', 'floor', 'aggregate'];
    for (let k = 0; k < r % order.length; k++) order.push(order.shift()!);
    for (const which of order) {
      if (which === 'app') {
        const run = await appPathRun(store.db, childIds);
        if (JSON.stringify(run.totals) !== JSON.stringify(warm.totals))
          throw new Error('the district totals differ between runs');
        app.push(run.ms);
        appCpu.push(run.cpuMs);
        log(`  app path run ${r + 1}: ${round(run.ms)} ms`);
      } else if (which === 'floor') {
        const run = readFloor(raw);
        floorRows = run.rows;
        floor.push(run.ms);
      } else {
        const run = efficientAggregate(raw);
        aggregateGroups = run.groups;
        aggregate.push(run.ms);
      }
    }
  }
  const appMs = median(app);
  const floorMs = median(floor);
  const aggregateMs = median(aggregate);
  const plans = { floor: readFloorPlan(raw), aggregate: aggregatePlan(raw) };

  // 3. PostgreSQL against SQLite, same children.
  let postgres:
    | {
        children: number;
        copiedRows: number;
        copySeconds: number;
        postgresMs: number;
        sqliteMs: number;
        ratio: number;
        goalMet: boolean;
      }
    | { skipped: string };
  const subset = childIds.slice(0, pgChildren);
  try {
    await adminStatement(`drop database if exists ${PG_DATABASE} with (force)`);
    await adminStatement(`create database ${PG_DATABASE}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${PG_DATABASE}`;
    const pgStore = await openStore({ kind: 'postgres', url: url.toString() });
    try {
      log(`PostgreSQL: copying ${n(subset.length)} children ...`);
      const copyStart = performance.now();
      const copiedRows = await copyDistrictToPostgres(raw, url.toString(), subset);
      const copySeconds = (performance.now() - copyStart) / 1000;
      const sqliteWarm = await appPathRun(store.db, subset);
      const pgWarm = await appPathRun(pgStore.db, subset);
      if (JSON.stringify(pgWarm.totals) !== JSON.stringify(sqliteWarm.totals))
        throw new Error('the ledgers on PostgreSQL differ from those on SQLite');
      const onPg: number[] = [];
      const onSqlite: number[] = [];
      for (let r = 0; r < runs; r++)
        for (const which of r % 2 ? ['sqlite', 'pg'] : ['pg', 'sqlite']) {
          const run = await appPathRun(which === 'pg' ? pgStore.db : store.db, subset);
          (which === 'pg' ? onPg : onSqlite).push(run.ms);
        }
      const postgresMs = median(onPg);
      const sqliteMs = median(onSqlite);
      postgres = {
        children: subset.length,
        copiedRows,
        copySeconds: round(copySeconds),
        postgresMs: round(postgresMs),
        sqliteMs: round(sqliteMs),
        ratio: round(postgresMs / sqliteMs, 2),
        goalMet: postgresMs / sqliteMs <= GOALS.postgresOverSqlite,
      };
    } finally {
      // pg's pool resolves its end() before its connections have closed; the forced drop below may then
      // end one still closing, whose error the pool would raise with nobody listening.
      pgStore.pgPool?.on('error', () => undefined);
      await pgStore.close();
      await adminStatement(`drop database if exists ${PG_DATABASE} with (force)`).catch(() => undefined);
    }
  } catch (error) {
    postgres = { skipped: `no PostgreSQL at ${ADMIN_URL} (${(error as Error).message})` };
  }
  await store.close();
  raw.close();

  // 4. The in-memory ledger on the peer's shape.
  log('In-memory ledger on the peer shape ...');
  const peer = await inMemoryRun('totals', Math.max(runs, 5));
  const peerFull = await inMemoryRun('full', Math.max(runs, 5));
  if (peerFull.owed !== peer.owed) throw new Error('the totals and the full ledgers owe different minutes');
  const inMemoryMs = median(peer.ms);
  const entriesPerSecond = peer.entryCount / (inMemoryMs / 1000);
  const inMemoryFullMs = median(peerFull.ms);

  // 5. Peak memory, half the district and all of it.
  log('Memory of a district run (half, then all the children) ...');
  const halfRuns: MemoryRun[] = [];
  const wholeRuns: MemoryRun[] = [];
  for (let r = 0; r < MEMORY_PROCESSES; r++) {
    halfRuns.push(await memoryRun(Math.floor(childIds.length / 2)));
    wholeRuns.push(await memoryRun(childIds.length));
  }
  const memoryOf = (runs: MemoryRun[]) => ({
    children: runs[0]!.children,
    peakRssKiB: median(runs.map((x) => x.peakRssKiB)),
    lowestPeakRssKiB: Math.min(...runs.map((x) => x.peakRssKiB)),
    liveHeapKiB: median(runs.map((x) => x.liveHeapPeakKiB)),
    ms: median(runs.map((x) => x.ms)),
    runsMiB: runs.map((x) => round(x.peakRssKiB / 1024)),
    liveHeapRunsMiB: runs.map((x) => round(x.liveHeapPeakKiB / 1024)),
    heapSizeRunsMiB: runs.map((x) => round(x.heapSizePeakKiB / 1024)),
    fullCollections: runs.map((x) => x.fullCollections),
  });
  const half = memoryOf(halfRuns);
  const whole = memoryOf(wholeRuns);
  const medianGrowth = whole.peakRssKiB / half.peakRssKiB;
  const lowestGrowth = whole.lowestPeakRssKiB / half.lowestPeakRssKiB;
  const liveGrowth = whole.liveHeapKiB / half.liveHeapKiB;

  // 6. One child's dashboard, 5 years of history against 1.
  log("One child's dashboard, 5 years against 1 ...");
  const years = await dashboardYears();

  const result = {
    at: new Date().toISOString(),
    node: process.version,
    dataset: {
      reused: !generated,
      children: childIds.length,
      services: warm.totals.services,
      sessionEntries: meta.stats.entries,
    },
    runs,
    appPath: {
      medianMs: round(appMs),
      runsMs: app.map((x) => round(x)),
      medianCpuMs: round(median(appCpu)),
      microsecondsPerService: round((appMs * 1000) / warm.totals.services, 2),
      totals: warm.totals,
    },
    readFloor: { medianMs: round(floorMs), rows: floorRows, plan: plans.floor },
    efficientAggregate: { medianMs: round(aggregateMs), groups: aggregateGroups, plan: plans.aggregate },
    appOverFloor: {
      ratio: round(appMs / floorMs, 2),
      goal: GOALS.appOverFloor,
      met: appMs / floorMs <= GOALS.appOverFloor,
    },
    appOverAggregate: round(appMs / aggregateMs, 2),
    postgres,
    inMemory: {
      services: PEER_SERVICES,
      entries: peer.entryCount,
      medianMs: round(inMemoryMs),
      entriesPerSecond: Math.round(entriesPerSecond),
      goal: GOALS.inMemoryEntriesPerSecond,
      met: entriesPerSecond >= GOALS.inMemoryEntriesPerSecond,
      full: {
        medianMs: round(inMemoryFullMs),
        entriesPerSecond: Math.round(peer.entryCount / (inMemoryFullMs / 1000)),
      },
    },
    memory: {
      half: memoryFigures(half),
      whole: memoryFigures(whole),
      growth: round(Math.max(lowestGrowth, liveGrowth), 2),
      lowestPeakRssGrowth: round(lowestGrowth, 2),
      liveHeapGrowth: round(liveGrowth, 2),
      medianPeakRssGrowth: round(medianGrowth, 2),
      goal: GOALS.memoryGrowth,
      met: lowestGrowth <= GOALS.memoryGrowth && liveGrowth <= GOALS.memoryGrowth,
    },
    dashboardYears: years,
  };
  mkdirSync(outDir, { recursive: true });
  const outFile = join(outDir, 'ledger-app-bench.json');
  writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);

  const r = result;
  const lines = [
    '',
    "As Written: the district ledger through the app's path",
    '======================================================',
    `Node ${r.node}; ${n(r.dataset.children)} children, ${n(r.dataset.services)} services, ${n(r.dataset.sessionEntries)} session entries (${r.dataset.reused ? 'reused' : 'generated in this run'}); ${runs} runs each after a warm-up, in turns; medians`,
    '',
    `App path (computeLedgers for every child, SQLite): ${n(r.appPath.medianMs)} ms [${r.appPath.runsMs.join(', ')}], ${r.appPath.microsecondsPerService} us per service`,
    `Read floor (the ledger's columns in index order, raw rows): ${n(r.readFloor.medianMs)} ms (${n(r.readFloor.rows)} rows)`,
    `Efficient SQL aggregate (minutes per service and week): ${n(r.efficientAggregate.medianMs)} ms (${n(r.efficientAggregate.groups)} groups)`,
    `  app path / read floor: ${r.appOverFloor.ratio}x (goal <= ${GOALS.appOverFloor}x: ${met(r.appOverFloor.met)}); app path / aggregate: ${r.appOverAggregate}x`,
    'children' in postgres
      ? `PostgreSQL, ${n(postgres.children)} children (${n(postgres.copiedRows)} rows copied in ${postgres.copySeconds} s): ${n(postgres.postgresMs)} ms against SQLite's ${n(postgres.sqliteMs)} ms, ${postgres.ratio}x (goal <= ${GOALS.postgresOverSqlite}x: ${met(postgres.goalMet)})`
      : `PostgreSQL: skipped, ${postgres.skipped}`,
    `In-memory ledger, peer shape (${n(PEER_SERVICES)} weekly services, ${n(peer.entryCount)} entries), totals (a caseload's sums): ${n(r.inMemory.medianMs)} ms, ${n(r.inMemory.entriesPerSecond)} entries/s (goal >= ${n(GOALS.inMemoryEntriesPerSecond)}: ${met(r.inMemory.met)})`,
    `  the full ledger (a row per week, the ids behind each figure): ${n(r.inMemory.full.medianMs)} ms, ${n(r.inMemory.full.entriesPerSecond)} entries/s`,
    `Memory of a district run (${MEMORY_PROCESSES} processes each), ${n(half.children)} children against ${n(whole.children)}: flat, goal <= ${GOALS.memoryGrowth}x on both figures below: ${met(r.memory.met)}`,
    `  lowest resident peak: ${r.memory.half.lowestPeakRssMiB} and ${r.memory.whole.lowestPeakRssMiB} MiB, ${r.memory.lowestPeakRssGrowth}x (each process: [${half.runsMiB.join(', ')}] and [${whole.runsMiB.join(', ')}]; medians ${r.memory.half.peakRssMiB} and ${r.memory.whole.peakRssMiB} MiB, ${r.memory.medianPeakRssGrowth}x)`,
    `  live heap after a full collection, largest in the run (median of the processes): ${r.memory.half.liveHeapMiB} and ${r.memory.whole.liveHeapMiB} MiB, ${r.memory.liveHeapGrowth}x (each process: [${half.liveHeapRunsMiB.join(', ')}] and [${whole.liveHeapRunsMiB.join(', ')}]; V8's heap at its largest [${half.heapSizeRunsMiB.join(', ')}] and [${whole.heapSizeRunsMiB.join(', ')}] MiB, full collections [${half.fullCollections.join(', ')}] and [${whole.fullCollections.join(', ')}])`,
    `One child's dashboard (its ledgers and home screen, the school year so far), 5 years of history against 1: SQLite ${years.oneYearMs} ms and ${years.fiveYearMs} ms, ${years.ratio}x (goal <= ${years.goalRatio}x: ${met(years.met)})`,
    'oneYearMs' in years.postgres
      ? `  on PostgreSQL: ${years.postgres.oneYearMs} ms and ${years.postgres.fiveYearMs} ms, ${years.postgres.ratio}x (${met(years.postgres.met)})`
      : `  on PostgreSQL: skipped, ${years.postgres.skipped}`,
    `Written to ${relative(process.cwd(), outFile)}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

await main();
