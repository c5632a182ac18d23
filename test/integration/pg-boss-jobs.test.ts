import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/server/context.ts';
import { AppError } from '../../src/server/errors.ts';
import type { JobQueue } from '../../src/server/jobs/jobs.ts';
import { createPgBossJobs, DEAD_LETTER_QUEUE, jobSchemaFor } from '../../src/server/jobs/pg-boss.ts';
import type { Store } from '../../src/store/database.ts';
import { JOB_INPUT_PART_BYTES } from '../../src/store/jobs.repository.ts';
import { openTestStore, TEST_DATABASE_URL, TEST_NOW } from './harness.ts';

// The pg-boss job runner (src/server/jobs/pg-boss.ts), on PostgreSQL only: SQLite runs jobs in its
// one process (test/integration/email-import-jobs.test.ts tests that runner on both). Several
// runners on one database stand for several app processes; test/integration/processes.test.ts runs
// real ones.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Opened = { store: Store; runners: JobQueue[]; cleanup(): Promise<void> };
let opened: Opened | null = null;

async function open(): Promise<Opened> {
  const { store, cleanup } = await openTestStore('postgres');
  const runners: JobQueue[] = [];
  opened = {
    store,
    runners,
    cleanup: async () => {
      for (const runner of runners) await runner.stop();
      const schema = jobSchemaFor(store);
      await cleanup();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
  return opened;
}

function runner(o: Opened): JobQueue {
  const jobs = createPgBossJobs({
    store: o.store,
    clock: fixedClock(TEST_NOW),
    retryDelayMs: 1000,
    pollingIntervalSeconds: 0.5,
  });
  o.runners.push(jobs);
  return jobs;
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

afterEach(async () => {
  await opened?.cleanup();
  opened = null;
});

describe('the pg-boss job runner', () => {
  it('retries an attempt that failed unexpectedly, then fails the job into the dead letter, every attempt recorded', async () => {
    const o = await open();
    const jobs = runner(o);
    let runs = 0;
    jobs.register({
      name: 'always-fails',
      maxAttempts: 3,
      run: async () => {
        runs++;
        throw new Error(`the database went away (${runs})`);
      },
    });
    jobs.register({
      name: 'refused',
      run: async () => {
        throw new AppError('validation_failed', 'this can never work');
      },
    });
    let flaky = 0;
    jobs.register({
      name: 'flaky',
      run: async (job) => {
        await job.progress({ done: 1, total: 2 });
        if (++flaky === 1) throw new Error('a lost connection');
        await job.progress({ done: 2, total: 2 });
        return { ok: true, resumedFrom: job.saved.done };
      },
    });
    await jobs.start();
    const failing = await jobs.enqueue('always-fails', { n: 1 });
    const refused = await jobs.enqueue('refused', {});
    const recovering = await jobs.enqueue('flaky', {});

    const failed = await until(
      () => jobs.get(failing),
      (j) => j?.status === 'failed',
    );
    expect(failed?.attempts).toBe(3);
    expect(failed?.error).toBe('the database went away (3)');
    expect(failed?.failures.map((f) => [f.attempt, f.message])).toEqual([
      [1, 'the database went away (1)'],
      [2, 'the database went away (2)'],
      [3, 'the database went away (3)'],
    ]);
    // pg-boss's record: the delivery failed after its retries, and a dead letter names the job.
    const schema = jobSchemaFor(o.store);
    const dead = await until(
      () => o.store.pgPool!.query(`SELECT data FROM ${schema}.job WHERE name = $1`, [DEAD_LETTER_QUEUE]),
      (r) => r.rows.length > 0,
    );
    expect(dead.rows).toEqual([{ data: { jobId: failing } }]);
    const delivery = await o.store.pgPool!.query(
      `SELECT state, retry_count FROM ${schema}.job WHERE name = 'always-fails'`,
    );
    expect(delivery.rows).toEqual([{ state: 'failed', retry_count: 2 }]);

    const notRetried = await until(
      () => jobs.get(refused),
      (j) => j?.status === 'failed',
    );
    expect(notRetried?.attempts).toBe(1);
    expect(notRetried?.error).toBe('this can never work');
    const recovered = await until(
      () => jobs.get(recovering),
      (j) => j?.status === 'succeeded',
    );
    expect(recovered?.attempts).toBe(2);
    expect(recovered?.failures.map((f) => f.message)).toEqual(['a lost connection']);
    expect(recovered?.result).toEqual({ ok: true, resumedFrom: 1 });
    // Only the job that failed unexpectedly is a dead letter.
    expect(
      (
        await o.store.pgPool!.query(`SELECT count(*)::int AS n FROM ${schema}.job WHERE name = $1`, [
          DEAD_LETTER_QUEUE,
        ])
      ).rows[0].n,
    ).toBe(1);
  });

  it('runs each job once across two runners, and queues scheduled work once per period between them', async () => {
    const o = await open();
    const ranBy = new Map<string, string[]>();
    const a = runner(o);
    const b = runner(o);
    for (const [label, jobs] of [
      ['a', a],
      ['b', b],
    ] as const) {
      jobs.register({
        name: 'count-me',
        run: async (job) => {
          ranBy.set(job.id, [...(ranBy.get(job.id) ?? []), label]);
          await sleep(20);
          return { by: label };
        },
      });
      jobs.register({ name: 'every-second', run: async () => ({ by: label }) });
      jobs.schedule('every-second', { everyMs: 1000, firstAfterMs: 0 });
    }
    const began = Date.now();
    await a.start();
    await b.start();
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).enqueue('count-me', { i })),
    );
    await until(
      async () => Promise.all(ids.map((id) => a.get(id))),
      (all) => all.every((j) => j?.status === 'succeeded'),
    );
    expect([...ranBy.values()].every((by) => by.length === 1)).toBe(true);
    expect(ranBy.size).toBe(20);
    await sleep(Math.max(0, 3500 - (Date.now() - began)));
    await a.stop();
    await b.stop();
    const elapsed = (Date.now() - began) / 1000;
    const scheduled = await o.store.db
      .selectFrom('job')
      .select(['id', 'status'])
      .where('name', '=', 'every-second')
      .execute();
    // Two runners ticking four times a second: without the slot, about 2 x 4 x elapsed jobs.
    expect(scheduled.length).toBeGreaterThanOrEqual(2);
    expect(scheduled.length).toBeLessThanOrEqual(Math.ceil(elapsed) + 1);
    const slots = await o.store.pgPool!.query(
      `SELECT count(DISTINCT singleton_on)::int AS slots, count(*)::int AS n FROM ${jobSchemaFor(o.store)}.job WHERE name = 'every-second'`,
    );
    expect(slots.rows[0]).toEqual({ slots: scheduled.length, n: scheduled.length });
  });

  it('stores a large input in parts, reads it back whole, and drops it when the job ends', async () => {
    const o = await open();
    const jobs = runner(o);
    const input = Buffer.alloc(JOB_INPUT_PART_BYTES * 2 + 12_345);
    for (let i = 0; i < input.length; i++) input[i] = (i * 7) % 251;
    let read: Buffer | null = null;
    jobs.register({
      name: 'reads-its-input',
      run: async (job) => {
        read = await job.input();
        return { ok: true };
      },
    });
    await jobs.start();
    const id = await jobs.enqueue('reads-its-input', {}, { input });
    await jobs.idle();
    expect((await jobs.get(id))?.status).toBe('succeeded');
    expect(Buffer.compare(read!, input)).toBe(0);
    expect(
      await o.store.db.selectFrom('job_input').select('part').where('job_id', '=', id).execute(),
    ).toEqual([]);
  });

  it('interrupts a job when its runner stops, and another runner resumes it from its saved progress', async () => {
    const o = await open();
    const a = runner(o);
    const b = runner(o);
    let started!: () => void;
    const isRunning = new Promise<void>((resolve) => (started = resolve));
    a.register({
      name: 'long',
      run: async (job) => {
        await job.progress({ done: 1, total: 3, state: { step: 1 } });
        started();
        // Stands for a long import: it only stops when told, at its next step.
        for (;;) {
          await sleep(20);
          await job.progress({ done: 1, total: 3 });
        }
      },
    });
    b.register({
      name: 'long',
      run: async (job) => ({ resumedFrom: job.saved, attempt: job.attempt }),
    });
    await a.start();
    const id = await a.enqueue('long', {});
    await isRunning;
    await a.stop({ graceMs: 100 });
    const requeued = await a.get(id);
    expect(requeued?.status).toBe('queued');
    expect(requeued?.attempts).toBe(0);
    await b.start();
    const done = await until(
      () => b.get(id),
      (j) => j?.status === 'succeeded',
    );
    expect(done?.result).toEqual({ resumedFrom: { done: 1, state: { step: 1 } }, attempt: 1 });
    expect(done?.failures).toEqual([]);
  });

  it('delivers, on start, a queued job no delivery names (a backup restored into this database)', async () => {
    const o = await open();
    const jobs = runner(o);
    jobs.register({ name: 'restored', run: async () => ({ ran: true }) });
    await o.store.db
      .insertInto('job')
      .values({
        id: '0190b6c4-0000-7000-8000-000000000001',
        household_id: null,
        name: 'restored',
        payload: '{}',
        status: 'running',
        attempts: 1,
        max_attempts: 3,
        done: 0,
        total: null,
        state: null,
        result: null,
        error: null,
        failures: '[]',
        requested_by: null,
        created_at: TEST_NOW,
        started_at: TEST_NOW,
        finished_at: null,
        updated_at: TEST_NOW,
      })
      .execute();
    await jobs.start();
    const done = await until(
      () => jobs.get('0190b6c4-0000-7000-8000-000000000001'),
      (j) => j?.status === 'succeeded',
    );
    expect(done?.result).toEqual({ ran: true });
    expect(done?.attempts).toBe(1);
  });
});
