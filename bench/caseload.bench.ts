// The advocate's caseload benchmark (issue 18): every family an advocate works with in one request, for
// 200 families in under a second on this machine. Seeds 200 demo households (half in English, half in
// Spanish; each a child with a year of sessions, messages, observations and a plan) into a SQLite file,
// then times, in turns, the caseload as the app serves it (services/caseload.ts: each child's ledger,
// week, messages, advisor and key dates) and, as the yardstick measured in the same run, each child's home
// screen (the week summary) opened once, one family after another. Then the same caseload on PostgreSQL
// (skipped, saying why, where none answers). Prints each, the ratio and the goal, and writes
// bench/out/caseload-bench.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { seedDemoHousehold } from '../src/cli/demo-household.ts';
import { fixedClock, idSource } from '../src/server/context.ts';
import { createUser, type Env } from '../src/server/services/accounts.ts';
import { caseloadOf } from '../src/server/services/caseload.ts';
import { weekSummary } from '../src/server/services/week-summary.ts';
import { listChildren } from '../src/store/children.repository.ts';
import { openStore } from '../src/store/database.ts';
import { adminStatement, BENCH_ADMIN_URL } from './bench-support.ts';
import { copyHouseholds } from './bulk-households.ts';

const FAMILIES = Number(process.env.BENCH_CASELOAD_FAMILIES ?? 200);
const RUNS = Number(process.env.BENCH_CASELOAD_RUNS ?? 5);
const TARGET_MS = 1000;
const NOW = '2026-12-01T15:00:00.000Z';
const TODAY = NOW.slice(0, 10);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const dir = mkdtempSync(join(tmpdir(), 'as-written-caseload-bench-'));
const store = await openStore({ kind: 'sqlite', file: join(dir, 'caseload.db') });
const clock = fixedClock(NOW);
const env: Env = { clock, newId: idSource(clock) };
const { user } = await createUser(store, env, {
  email: 'advocate@example.org',
  displayName: 'Advocate',
  password: 'a long bench password',
});
const seedStart = performance.now();
const households: string[] = [];
for (let i = 0; i < FAMILIES; i++)
  households.push((await seedDemoHousehold(store, clock, user.id, i % 2 ? 'es' : 'en')).householdId);
const seedSeconds = (performance.now() - seedStart) / 1000;
const children: { householdId: string; childId: string }[] = [];
for (const householdId of households)
  for (const child of await listChildren(store.db, householdId))
    children.push({ householdId, childId: child.id });

const parent = { name: 'Advocate', email: null };
let rows = 0;
const works = [
  async () => {
    rows = (await caseloadOf(store, user.id, TODAY, parent)).length;
  },
  async () => {
    for (const c of children) await weekSummary(store.db, c.householdId, c.childId, TODAY);
  },
];
// One warm-up of each, then the runs in turns so that both see the same machine.
for (const work of works) await work();
const times: number[][] = works.map(() => []);
for (let r = 0; r < RUNS; r++)
  for (const [w, work] of works.entries()) {
    const start = performance.now();
    await work();
    times[w]!.push(performance.now() - start);
  }
const [caseloadMs, homeScreensMs] = times.map(median) as [number, number];
await store.close();
rmSync(dir, { recursive: true, force: true });

// The same caseload on PostgreSQL, as an organisation runs it: 20 demo families made through the app and
// the others copies of them made in SQL (bench/bulk-households.ts), in a database of its own beside
// BENCH_DATABASE_URL, dropped after. Skipped, saying why, where no PostgreSQL answers.
const ADMIN_URL = BENCH_ADMIN_URL;
const PG_DATABASE = 'as_written_caseload_bench';
let postgres: { caseloadMedianMs: number; runs: number } | { skipped: string };
try {
  await adminStatement(`drop database if exists ${PG_DATABASE} with (force)`);
  await adminStatement(`create database ${PG_DATABASE}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${PG_DATABASE}`;
  const pgStore = await openStore({ kind: 'postgres', url: url.toString() });
  try {
    const { user: advocate } = await createUser(pgStore, env, {
      email: 'advocate@example.org',
      displayName: 'Advocate',
      password: 'a long bench password',
    });
    const templates: string[] = [];
    for (let i = 0; i < Math.min(20, FAMILIES); i++)
      templates.push((await seedDemoHousehold(pgStore, clock, advocate.id, i % 2 ? 'es' : 'en')).householdId);
    await copyHouseholds(url.toString(), templates, FAMILIES - templates.length, [advocate.id]);
    await caseloadOf(pgStore, advocate.id, TODAY, parent);
    const pgTimes: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const start = performance.now();
      await caseloadOf(pgStore, advocate.id, TODAY, parent);
      pgTimes.push(performance.now() - start);
    }
    postgres = { caseloadMedianMs: Number(median(pgTimes).toFixed(0)), runs: RUNS };
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

const result = {
  families: FAMILIES,
  children: children.length,
  rows,
  seedSeconds: Number(seedSeconds.toFixed(1)),
  runs: RUNS,
  caseloadMedianMs: Number(caseloadMs.toFixed(0)),
  homeScreensMedianMs: Number(homeScreensMs.toFixed(0)),
  ratio: Number((caseloadMs / homeScreensMs).toFixed(2)),
  targetMs: TARGET_MS,
  met: caseloadMs <= TARGET_MS,
  postgres,
};
const out = resolve(import.meta.dirname, 'out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'caseload-bench.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `Caseload of ${FAMILIES} families (${children.length} children, SQLite; seeded in ${result.seedSeconds} s)`,
);
console.log(`  the caseload, as served:           ${result.caseloadMedianMs} ms (median of ${RUNS})`);
console.log(`  each child's home screen, in turn: ${result.homeScreensMedianMs} ms`);
console.log(`  ratio: ${result.ratio}x; goal ${TARGET_MS} ms: ${result.met ? 'met' : 'not met'}`);
console.log(
  'caseloadMedianMs' in postgres
    ? `  the same caseload on PostgreSQL:    ${postgres.caseloadMedianMs} ms (median of ${postgres.runs}); goal ${TARGET_MS} ms: ${postgres.caseloadMedianMs <= TARGET_MS ? 'met' : 'not met'}`
    : `  on PostgreSQL: skipped, ${postgres.skipped}`,
);
