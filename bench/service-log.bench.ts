// School service log benchmark (issue 19): 1,000 rows of a school's log must be reconciled with the
// family's record in well under a second. Times, in the same run, reading the file alone (the bytes to
// the child's rows, as the server reads a file of this size in the request:
// src/importers/service-log-upload.ts, with service-log-file.ts and src/domain/service-log-read.ts), and reading
// it then reconciling its rows with 1,000 of the family's entries (src/domain/service-log-reconcile.ts),
// as the import preview does; prints both and their ratio, and writes bench/out/service-log-bench.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { addDays, isoWeekday } from '../src/domain/dates.ts';
import type { ServiceLogRow } from '../src/domain/service-log-read.ts';
import {
  type FamilyEntry,
  reconcileServiceLog,
  schoolSessionOf,
} from '../src/domain/service-log-reconcile.ts';
import {
  readServiceLogUpload,
  SERVICE_LOG_IN_REQUEST_MAX_BYTES,
  type ServiceLogReadContext,
} from '../src/importers/service-log-upload.ts';
import { Prng } from './prng.ts';

const ROWS = 1000;
const RUNS = Number(process.env.BENCH_SERVICE_LOG_RUNS ?? 21);
const TARGET_MS = 1000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Medians of several pieces of work, run in turns so that each sees the same machine (others run too). */
async function timeInTurns(works: (() => Promise<unknown>)[]): Promise<number[]> {
  for (let i = 0; i < 5; i++) for (const work of works) await work();
  const runs: number[][] = works.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [w, work] of works.entries()) {
      const start = performance.now();
      await work();
      runs[w]!.push(performance.now() - start);
    }
  }
  return runs.map(median);
}

// The district's export: a title block, then one row per session, speech and OT on alternate school
// days, with absences, provider absences and make-ups; the family's record for the same days, with a
// few differences of every kind (seeded, so every run reads the same file).
const prng = new Prng(19);
const random = () => prng.next();
const services = [
  { id: 'svc-speech', name: 'Speech-language therapy', area: 'speech' as const, text: 'Speech Lang' },
  { id: 'svc-ot', name: 'Occupational therapy', area: 'ot' as const, text: 'OT' },
];
const lines = [
  'Lincoln Unified School District,,,,,',
  'Related Services Provider Log,,,,,',
  'Student: Emma Lopez,,,,,',
  ',,,,,',
  'Date,Service,Provider,Minutes,Status,Notes',
];
const family: FamilyEntry[] = [];
let day = '2026-09-08';
for (let i = 0; i < ROWS; i++) {
  while (isoWeekday(day) > 5) day = addDays(day, 1);
  const service = services[i % 2]!;
  const [m, d, y] = [Number(day.slice(5, 7)), Number(day.slice(8, 10)), day.slice(0, 4)];
  const roll = random();
  const status =
    roll < 0.8 ? 'Delivered' : roll < 0.9 ? 'Student Absent' : roll < 0.95 ? 'Provider Absent' : 'Make-up';
  const minutes = status === 'Delivered' || status === 'Make-up' ? 30 : 0;
  lines.push(`${m}/${d}/${y},${service.text},Ms. Rivera,${minutes},${status},`);
  const mine = random();
  if (mine < 0.9 && status !== 'Make-up') {
    const held = status === 'Delivered' ? mine > 0.05 : mine < 0.03;
    family.push({
      id: `e${i}`,
      serviceId: service.id,
      date: day,
      kind: 'scheduled',
      status: held ? 'delivered' : 'missed',
      source: mine < 0.3 ? 'child_report' : 'parent',
      startTime: null,
      minutesDelivered: held ? (mine < 0.12 ? 20 : 30) : 0,
      reason: held
        ? null
        : status === 'Provider Absent' || mine > 0.85
          ? 'provider_absent'
          : 'student_absent',
    });
  }
  // Now and then a session the family noted on a Saturday the log does not list.
  if (i % 40 === 0)
    family.push({
      id: `sat${i}`,
      serviceId: service.id,
      date: addDays(day, 6 - isoWeekday(day)),
      kind: 'scheduled',
      status: 'delivered',
      source: 'parent',
      startTime: null,
      minutesDelivered: 30,
      reason: null,
    });
  if (i % 2 === 1) day = addDays(day, 1);
}
const bytes = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
// The server reads a file this size in the request (a larger one the same way, in a child process).
if (bytes.length > SERVICE_LOG_IN_REQUEST_MAX_BYTES)
  throw new Error(`the bench's log (${bytes.length} bytes) would be read in a child process; time that path`);
const context: ServiceLogReadContext = {
  options: {
    child: { firstName: 'Emma', lastName: 'Lopez' },
    studentId: null,
    services,
    defaultServiceId: null,
    country: 'US',
  },
  chosen: null,
  remembered: [],
};

async function read(): Promise<ServiceLogRow[]> {
  const { reading } = await readServiceLogUpload(bytes, context);
  if (reading.problem) throw new Error(reading.problem.message);
  return reading.rows;
}

// The same step the app takes (src/server/services/service-logs.ts).
const toSchool = schoolSessionOf;
const reconcileOptions = {
  serviceNames: Object.fromEntries(services.map((s) => [s.id, s.name])),
  childName: 'Emma',
};

const rows = await read();
if (rows.length !== ROWS) throw new Error(`read ${rows.length} rows of ${ROWS}`);
const check = reconcileServiceLog(rows.map(toSchool), family, reconcileOptions);

const [readAlone, readAndReconcile, reconcileAlone] = (await timeInTurns([
  read,
  async () => reconcileServiceLog((await read()).map(toSchool), family, reconcileOptions),
  async () => reconcileServiceLog(rows.map(toSchool), family, reconcileOptions),
])) as [number, number, number];

const report = {
  at: new Date().toISOString(),
  node: process.version,
  rows: ROWS,
  familyEntries: family.length,
  runs: RUNS,
  items: check.items.length,
  counts: check.counts,
  readAloneMedianMs: +readAlone.toFixed(2),
  readAndReconcileMedianMs: +readAndReconcile.toFixed(2),
  reconcileAloneMedianMs: +reconcileAlone.toFixed(2),
  ratio: +(readAndReconcile / readAlone).toFixed(2),
  targetMs: TARGET_MS,
  withinTarget: readAndReconcile < TARGET_MS,
};
mkdirSync(resolve(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(
  resolve(import.meta.dirname, 'out/service-log-bench.json'),
  `${JSON.stringify(report, null, 2)}\n`,
);
process.stdout.write(
  `== School service log benchmark\n${ROWS} log rows against ${report.familyEntries} family entries (${report.items} lines): ` +
    `read alone median ${report.readAloneMedianMs} ms; read and reconciled ${report.readAndReconcileMedianMs} ms ` +
    `(reconciling alone ${report.reconcileAloneMedianMs} ms); ratio ${report.ratio}x; ` +
    `${report.withinTarget ? 'within' : 'OVER'} the ${TARGET_MS} ms target\n`,
);
if (!report.withinTarget) process.exitCode = 1;
