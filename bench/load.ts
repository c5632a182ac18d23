// The load test (issue 18): real app processes (`as-written serve`, as an organisation runs them) on one
// PostgreSQL database, driven by autocannon from this process over 127.0.0.1, bounded in time. It seeds
// LOAD_HOUSEHOLDS demo households (each a child with a year of sessions, messages, a plan and a calendar)
// into a fresh database, signs in once as an advocate who works with every one of them, then runs the same
// mix of requests twice, each for LOAD_SECONDS: against two processes (the clients split between them), and
// against one. Past LOAD_TEMPLATES (50) households, the others are copies of those, made in SQL
// (bench/bulk-households.ts). The mix is what parents do: home screens (the week), a service's ledger, logging a session
// and drafting a letter, each request for a household picked at random. Prints throughput, p50/p95/p99 of
// every response and of each kind's, errors (any status but the expected one, and failed connections;
// goal 0) and each process's memory; with LOAD_SOAK_SECONDS (600 for the soak), a soak on two processes afterwards
// with the processes' memory before and after. Writes bench/out/load.json.
//
//   npm run load                          # 100 households, 200 clients, 20 s per run
//   LOAD_HOUSEHOLDS=10000 LOAD_SOAK_SECONDS=600 npm run load
//
// PostgreSQL comes from LOAD_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); the test
// creates its own database beside it (as_written_load), and drops it at the end.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { seedDemoHousehold } from '../src/cli/demo-household.ts';
import { fixedClock, idSource } from '../src/server/context.ts';
import { createUser } from '../src/server/services/accounts.ts';
import { openStore } from '../src/store/database.ts';
import { adminStatement } from './bench-support.ts';
import { copiedId, copyHouseholds } from './bulk-households.ts';

const HOUSEHOLDS = Number(process.env.LOAD_HOUSEHOLDS ?? 100);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const SOAK_SECONDS = Number(process.env.LOAD_SOAK_SECONDS ?? 0);
/** How many households are made through the app; the others are copies of them (bulk-households.ts). */
const TEMPLATES = Number(process.env.LOAD_TEMPLATES ?? 50);
const ADMIN_URL = process.env.LOAD_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DATABASE = 'as_written_load';
const PASSWORD = 'a long load-test password';
const ROOT = resolve(import.meta.dirname, '..');

const databaseUrl = (() => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DATABASE}`;
  return url.toString();
})();

async function admin(statement: string) {
  await adminStatement(statement, ADMIN_URL);
}

// ---------------------------------------------------------------------------------------------
// The data: a fresh database, the households, one advocate.

await admin(`drop database if exists ${DATABASE} with (force)`);
await admin(`create database ${DATABASE}`);
const now = new Date().toISOString();
const clock = fixedClock(now);
const store = await openStore({ kind: 'postgres', url: databaseUrl });
const { user } = await createUser(
  store,
  { clock, newId: idSource(clock) },
  { email: 'advocate@example.org', displayName: 'Advocate', password: PASSWORD },
);
const seedStart = performance.now();
type Family = { householdId: string; childId: string; serviceIds: string[] };
const families: Family[] = [];
// A few households through the app (half in English, half in Spanish), the rest copies of them in SQL
// (bench/bulk-households.ts).
const templates = Math.min(HOUSEHOLDS, TEMPLATES);
for (let i = 0; i < templates; i++) {
  const demo = await seedDemoHousehold(store, clock, user.id, i % 2 ? 'es' : 'en');
  const services = await store.db
    .selectFrom('service')
    .select('service.id')
    .innerJoin('plan', 'plan.id', 'service.plan_id')
    .where('plan.household_id', '=', demo.householdId)
    .where('plan.child_id', '=', demo.childId)
    .where('plan.effective_from', '<=', now.slice(0, 10))
    .where('plan.effective_to', '>=', now.slice(0, 10))
    .execute();
  families.push({
    householdId: demo.householdId,
    childId: demo.childId,
    serviceIds: services.map((s) => s.id),
  });
  if ((i + 1) % 100 === 0) process.stderr.write(`  seeded ${i + 1} of ${templates} households\n`);
}
await store.close();
if (HOUSEHOLDS > templates) {
  process.stderr.write(`  copying them into ${HOUSEHOLDS - templates} more households\n`);
  const copied = await copyHouseholds(
    databaseUrl,
    families.map((f) => f.householdId),
    HOUSEHOLDS - templates,
    [user.id],
  );
  for (const [i, householdId] of copied.entries()) {
    const template = families[i % templates]!;
    families.push({
      householdId,
      childId: copiedId(template.childId, i + 1),
      serviceIds: template.serviceIds.map((id) => copiedId(id, i + 1)),
    });
  }
}
const seedSeconds = (performance.now() - seedStart) / 1000;

// ---------------------------------------------------------------------------------------------
// The processes: `as-written serve`, as deployed (docs/deploy.md), with the pg-boss job runner.

type AppProcess = { child: ChildProcess; base: string; exited: Promise<number | null> };

async function startProcess(port: number): Promise<AppProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'as-written.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      AS_WRITTEN_JOB_RUNNER: 'pg-boss',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const base = `http://127.0.0.1:${port}`;
  const end = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${base}/api/ready`).catch(() => null);
    if (ready?.ok) break;
    if (child.exitCode != null || Date.now() > end) {
      child.kill('SIGKILL');
      throw new Error(`the app process on port ${port} did not start: ${stderr.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, base, exited };
}

async function stopProcess(p: AppProcess) {
  p.child.kill('SIGTERM');
  await p.exited;
}

/** A process's resident memory in MiB, from /proc (Linux), or null. */
async function rssMiB(p: AppProcess): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${p.child.pid}/status`, 'utf8').catch(() => null);
  const kb = status ? /VmRSS:\s+(\d+)/.exec(status)?.[1] : undefined;
  return kb ? Math.round(Number(kb) / 1024) : null;
}

async function signIn(base: string) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'advocate@example.org', password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  return { cookie, csrf };
}

// ---------------------------------------------------------------------------------------------
// The mix: half home screens, a quarter ledgers, a sixth logging, the rest letters.

const today = now.slice(0, 10);
/** The last weekday up to today: the day a session is logged for (a parent logs school days). */
const logDay = (() => {
  const d = new Date(`${today}T12:00:00Z`);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
})();
const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
/** The mix's kinds of request, each timed apart as well (a letter reads far more than a home screen). */
const KINDS = ['home screen', 'ledger', 'logging', 'letter'] as const;
type Kind = (typeof KINDS)[number];
type Planned = { kind: Kind; method: 'GET' | 'POST'; path: string; body?: string; expect: number };

function nextRequest(): Planned {
  const f = pick(families);
  const h = `/api/households/${f.householdId}`;
  const roll = Math.random();
  if (roll < 0.5)
    return {
      kind: 'home screen',
      method: 'GET',
      path: `${h}/children/${f.childId}/week?date=${today}`,
      expect: 200,
    };
  if (roll < 0.75 && f.serviceIds.length > 0)
    return {
      kind: 'ledger',
      method: 'GET',
      path: `${h}/services/${pick(f.serviceIds)}/ledger?from=${yearAgo}&to=${today}&grouping=week`,
      expect: 200,
    };
  if (roll < 0.92 && f.serviceIds.length > 0)
    return {
      kind: 'logging',
      method: 'POST',
      path: `${h}/sessions`,
      body: JSON.stringify({
        serviceId: pick(f.serviceIds),
        date: logDay,
        kind: 'scheduled',
        status: 'delivered',
        source: 'parent',
        note: 'load test',
        // The parent confirms a day the calendar shows no school on, as the screen asks her to.
        nonSchoolDayConfirmed: true,
      }),
      expect: 201,
    };
  return {
    kind: 'letter',
    method: 'POST',
    path: `${h}/children/${f.childId}/letters`,
    body: JSON.stringify({ request: { kind: 'check_in' } }),
    expect: 201,
  };
}

type RunResult = {
  processes: number;
  seconds: number;
  requests: number;
  throughputPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  errorSamples: string[];
  rssMiBAfter: (number | null)[];
  /** Each kind's answers: how many, and their p50/p95/p99 from the request's sending to its answer. */
  byKind: Record<Kind, { requests: number; p50Ms: number; p95Ms: number; p99Ms: number }>;
};

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function run(processes: AppProcess[], seconds: number): Promise<RunResult> {
  const latencies: number[] = [];
  const kindLatencies = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
  let errors = 0;
  const errorSamples: string[] = [];
  const error = (what: string) => {
    errors++;
    if (errorSamples.length < 5) errorSamples.push(what);
  };
  const sessions = await Promise.all(processes.map((p) => signIn(p.base)));
  const started = performance.now();
  await Promise.all(
    processes.map((p, i) => {
      const { cookie, csrf } = sessions[i]!;
      // Each request picks its own household and kind; the planned answer travels with the client.
      return new Promise<void>((done, fail) => {
        const instance = autocannon(
          {
            url: p.base,
            connections: Math.max(1, Math.round(CONNECTIONS / processes.length)),
            duration: seconds,
            headers: { cookie, 'x-csrf-token': csrf },
            requests: [
              {
                setupRequest: (request, context) => {
                  const planned = nextRequest();
                  (context as { planned?: Planned; sentAt?: number }).planned = planned;
                  (context as { sentAt?: number }).sentAt = performance.now();
                  const headers: Record<string, string> = { ...(request.headers as Record<string, string>) };
                  if (planned.body) headers['content-type'] = 'application/json';
                  else delete headers['content-type'];
                  return {
                    ...request,
                    method: planned.method,
                    path: planned.path,
                    headers,
                    body: planned.body ?? '',
                  };
                },
                onResponse: (status, body, context) => {
                  const { planned, sentAt } = context as { planned: Planned; sentAt: number };
                  kindLatencies.get(planned.kind)!.push(performance.now() - sentAt);
                  if (status !== planned.expect)
                    error(
                      `${planned.method} ${planned.path.replace(/[0-9a-f-]{36}/g, ':id')} -> ${status} ${body.slice(0, 160)}`,
                    );
                },
              },
            ],
          },
          (err) => (err ? fail(err) : done()),
        );
        instance.on('response', (_client, _status, _bytes, responseTime) => {
          latencies.push(responseTime);
        });
        instance.on('reqError', (e) => error(`connection: ${e.message}`));
      });
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const byKind = Object.fromEntries(
    KINDS.map((k) => {
      const times = kindLatencies.get(k)!.sort((a, b) => a - b);
      const at = (p: number) => Number(percentile(times, p).toFixed(1));
      return [k, { requests: times.length, p50Ms: at(50), p95Ms: at(95), p99Ms: at(99) }];
    }),
  ) as RunResult['byKind'];
  return {
    processes: processes.length,
    seconds: Number(elapsed.toFixed(1)),
    requests: latencies.length,
    throughputPerSecond: Number((latencies.length / elapsed).toFixed(1)),
    p50Ms: Number(percentile(latencies, 50).toFixed(1)),
    p95Ms: Number(percentile(latencies, 95).toFixed(1)),
    p99Ms: Number(percentile(latencies, 99).toFixed(1)),
    errors,
    errorSamples,
    rssMiBAfter: await Promise.all(processes.map(rssMiB)),
    byKind,
  };
}

const describe = (name: string, r: RunResult) =>
  `  ${name.padEnd(22)} ${String(r.requests).padStart(7)} requests in ${r.seconds} s: ${r.throughputPerSecond} /s; ` +
  `p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, p99 ${r.p99Ms} ms; errors ${r.errors}; memory ${r.rssMiBAfter.join(' + ')} MiB` +
  KINDS.map((k) => {
    const t = r.byKind[k];
    return `\n    ${k.padEnd(12)} ${String(t.requests).padStart(6)} answers: p50 ${t.p50Ms} ms, p95 ${t.p95Ms} ms, p99 ${t.p99Ms} ms`;
  }).join('') +
  (r.errorSamples.length ? `\n    e.g. ${r.errorSamples.join('\n    e.g. ')}` : '');

const results: Record<string, unknown> = {
  households: HOUSEHOLDS,
  connections: CONNECTIONS,
  seedSeconds: Number(seedSeconds.toFixed(1)),
};
let apps: AppProcess[] = [];
try {
  apps = [await startProcess(3901), await startProcess(3902)];
  // A warm-up, so both runs start from processes that have compiled their code and filled their caches.
  await run(apps, 8);
  const two = await run(apps, SECONDS);
  results.twoProcesses = two;
  await stopProcess(apps[1]!);
  apps = [apps[0]!];
  const one = await run(apps, SECONDS);
  results.oneProcess = one;
  if (SOAK_SECONDS > 0) {
    apps.push(await startProcess(3902));
    await run(apps, 3);
    const before = await Promise.all(apps.map(rssMiB));
    const soak = await run(apps, SOAK_SECONDS);
    results.soak = { ...soak, rssMiBBefore: before };
  }
} finally {
  for (const app of apps) await stopProcess(app).catch(() => undefined);
  await admin(`drop database if exists ${DATABASE} with (force)`).catch(() => undefined);
}

const out = resolve(import.meta.dirname, 'out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'load.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `Load test: ${HOUSEHOLDS} households on PostgreSQL (seeded in ${results.seedSeconds} s), ${CONNECTIONS} clients, ` +
    'a mix of home screens (50%), ledgers (25%), logging (17%) and letters (8%)',
);
console.log(describe('two app processes', results.twoProcesses as RunResult));
console.log(describe('one app process', results.oneProcess as RunResult));
if (results.soak) {
  const soak = results.soak as RunResult & { rssMiBBefore: (number | null)[] };
  console.log(describe(`soak (${SOAK_SECONDS} s)`, soak));
  console.log(
    `    memory before the soak ${soak.rssMiBBefore.join(' + ')} MiB, after ${soak.rssMiBAfter.join(' + ')} MiB`,
  );
}
const totalErrors = [results.twoProcesses, results.oneProcess, results.soak]
  .filter(Boolean)
  .reduce((sum: number, r) => sum + (r as RunResult).errors, 0);
console.log(`  errors: ${totalErrors} (goal 0: ${totalErrors === 0 ? 'met' : 'not met'})`);
