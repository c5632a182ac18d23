import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock, idSource } from '../../src/server/context.ts';
import { createPgBossJobs } from '../../src/server/jobs/pg-boss.ts';
import { createUser } from '../../src/server/services/accounts.ts';
import { openStore, type Store } from '../../src/store/database.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { BACKENDS, TEST_DATABASE_URL, TEST_NOW, TEST_PASSWORD } from './harness.ts';

// Issue 18's acceptance: two real app processes (test/support/app-process.ts, the server
// `as-written serve` starts) on one PostgreSQL database, with the pg-boss job runner. A reminder due
// once is sent once (to a local SMTP sink), though both processes schedule the reminder job; a
// sign-in limit holds across both; a job that always fails is retried, in either process, and then
// recorded as failed (and as a dead letter); and a process told to stop finishes its job in flight
// before it exits. PostgreSQL only: on SQLite one process runs everything.

const APP_PROCESS = resolve(import.meta.dirname, '../support/app-process.ts');
/** A Friday of the demo's school year with a weekly check-in due (test/integration/letters-advisor.test.ts). */
const FRIDAY = '2026-11-20T13:00:00.000Z';
const REMINDERS_EVERY_MS = 1500;
const OWNER = 'parent@example.org';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type AppProcess = { child: ChildProcess; address: string; pid: number; exited: Promise<number | null> };

function startProcess(databaseUrl: string, smtpPort: number): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', APP_PROCESS], {
    env: {
      ...process.env,
      AW_PROCESS: JSON.stringify({
        databaseUrl,
        smtpPort,
        now: FRIDAY,
        remindersEveryMs: REMINDERS_EVERY_MS,
      }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(
      () => fail(new Error(`an app process did not start in time: ${stderr}`)),
      50_000,
    );
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n')[0];
      if (!out.includes('\n') || !line) return;
      clearTimeout(timer);
      const started = JSON.parse(line) as { address: string; pid: number };
      ok({ child, address: started.address, pid: started.pid, exited });
    });
    void exited.then((code) => fail(new Error(`an app process exited (${code}): ${stderr}`)));
  });
}

async function until<T>(what: () => Promise<T>, ok: (value: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`never became true: ${JSON.stringify(value)}`);
    await sleep(50);
  }
}

describe.runIf(BACKENDS.includes('postgres'))(
  'two app processes on one PostgreSQL',
  { timeout: 60_000 },
  () => {
    let database: string;
    let databaseUrl: string;
    let store: Store;
    let sink: SmtpSink;
    let a: AppProcess;
    let b: AppProcess;
    let startedAt = 0;

    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };

    const login = (p: AppProcess, password: string) =>
      fetch(`${p.address}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.50' },
        body: JSON.stringify({ email: OWNER, password }),
      });

    beforeAll(async () => {
      database = `aw_procs_${randomBytes(5).toString('hex')}`;
      await admin(`CREATE DATABASE ${database}`);
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${database}`;
      databaseUrl = url.toString();
      store = await openStore({ kind: 'postgres', url: databaseUrl });
      const clock = fixedClock(TEST_NOW);
      const { user } = await createUser(
        store,
        { clock, newId: idSource(clock) },
        { email: OWNER, displayName: 'Pat', password: TEST_PASSWORD },
      );
      await seedDemoHousehold(store, clock, user.id);
      sink = await startSmtpSink();
      [a, b] = await Promise.all([
        startProcess(databaseUrl, sink.port),
        startProcess(databaseUrl, sink.port),
      ]);
      startedAt = Date.now();
    }, 90_000);

    afterAll(async () => {
      for (const p of [a, b]) {
        if (p && p.child.exitCode === null) {
          p.child.kill('SIGTERM');
          await p.exited;
        }
      }
      await sink?.close();
      await store?.close();
      if (database) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }, 60_000);

    it('sends a reminder due once exactly once, though both processes schedule the reminder job', async () => {
      await until(
        async () => sink.mails.length,
        (n) => n > 0,
      );
      // Several more periods go by, in both processes.
      await sleep(Math.max(0, startedAt + 4 * REMINDERS_EVERY_MS - Date.now()));
      expect(sink.mails.map((m) => m.to)).toEqual([[OWNER]]);
      expect(sink.mails[0]!.data).toContain('Weekly check-in');
      // The job was queued once per period between the two, not once per process.
      const runs = await store.db
        .selectFrom('job')
        .select(['status'])
        .where('name', '=', 'send-reminders')
        .execute();
      const periods = Math.ceil((Date.now() - startedAt) / REMINDERS_EVERY_MS) + 2;
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(runs.length).toBeLessThanOrEqual(periods);
      expect(runs.filter((r) => r.status === 'failed')).toEqual([]);
    });

    it('holds a sign-in limit across both processes', async () => {
      // Five wrong passwords, taking turns: five is the limit for one account from one address.
      for (let i = 0; i < 5; i++) expect((await login(i % 2 ? b : a, 'not the password')).status).toBe(401);
      const sixth = await login(b, 'not the password');
      expect(sixth.status).toBe(429);
      expect(sixth.headers.get('retry-after')).toBeTruthy();
      // Locked from this address in both, the right password included.
      expect((await login(a, TEST_PASSWORD)).status).toBe(429);
      expect((await login(b, TEST_PASSWORD)).status).toBe(429);
    });

    it('retries a job that always fails, in either process, then records it as failed and as a dead letter', async () => {
      // Queued from here (a runner that is never started: it runs nothing itself). The delivery carries
      // its retry policy: 3 attempts, the first retry after a second.
      const queue = createPgBossJobs({ store, clock: fixedClock(FRIDAY), retryDelayMs: 1000 });
      queue.register({ name: 'always-fails', maxAttempts: 3, run: async () => ({}) });
      try {
        const id = await queue.enqueue('always-fails', {});
        const failed = await until(
          () => queue.get(id),
          (job) => job?.status === 'failed',
          25_000,
        );
        expect(failed?.attempts).toBe(3);
        expect(failed?.failures.map((f) => f.attempt)).toEqual([1, 2, 3]);
        for (const f of failed?.failures ?? [])
          expect(f.message).toMatch(
            new RegExp(`^failed in process (${a.pid}|${b.pid}) \\(attempt ${f.attempt}\\)$`),
          );
        // pg-boss moves the delivery to the dead letter after the attempt has recorded its failure on the
        // row (the handler throws last): the dead letter can come a moment after the status.
        const dead = await until(
          async () =>
            (
              await store.pgPool!.query(
                "SELECT data FROM pgboss.job WHERE name = 'as-written-dead-letter' AND data->>'jobId' = $1",
                [id],
              )
            ).rows,
          (rows) => rows.length > 0,
          10_000,
        );
        expect(dead).toHaveLength(1);
      } finally {
        await queue.stop();
      }
    });

    it('counts requests and jobs in /metrics, for the bearer token only', async () => {
      expect((await fetch(`${a.address}/metrics`)).status).toBe(401);
      expect(
        (await fetch(`${a.address}/metrics`, { headers: { authorization: 'Bearer not-the-token' } })).status,
      ).toBe(401);
      const res = await fetch(`${a.address}/metrics`, {
        headers: { authorization: 'Bearer metrics-token-for-tests' },
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('process_cpu_seconds_total');
      expect(text).toMatch(
        /as_written_http_requests_total\{method="POST",route="\/api\/auth\/login",status="401"\} \d+/,
      );
      expect(text).toMatch(
        /as_written_jobs_total\{name="send-reminders",outcome="succeeded"\} \d+|as_written_jobs\{/,
      );
      expect(text).toMatch(/as_written_jobs\{name="always-fails",status="failed"\} 1/);
    });

    it('finishes the job in flight when told to stop, then exits; the other process stays ready', async () => {
      const queue = createPgBossJobs({ store, clock: fixedClock(FRIDAY), retryDelayMs: 1000 });
      queue.register({ name: 'takes-a-while', run: async () => ({}) });
      try {
        const id = await queue.enqueue('takes-a-while', {});
        const running = await until(
          () =>
            store.db.selectFrom('job').select(['status', 'state']).where('id', '=', id).executeTakeFirst(),
          (row) => row?.status === 'running' && row.state != null,
        );
        const pid = (JSON.parse(running!.state!) as { pid: number }).pid;
        const holder = pid === a.pid ? a : b;
        const other = holder === a ? b : a;
        holder.child.kill('SIGTERM');
        expect(await holder.exited).toBe(0);
        const done = await queue.get(id);
        expect(done?.status).toBe('succeeded');
        expect(done?.result).toEqual({ finishedBy: pid });
        expect(done?.attempts).toBe(1);
        const ready = await fetch(`${other.address}/api/ready`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toMatchObject({ status: 'ready', database: 'postgres' });
      } finally {
        await queue.stop();
      }
    });
  },
);
