import { CompiledQuery, sql, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import type { Store } from '../../store/database.ts';
import {
  deleteEndedJobs,
  failUnreceivedJobs,
  findJob,
  finishJob,
  insertJob,
  recordJobFailure,
  requeueJob,
} from '../../store/jobs.repository.ts';
import type { Database } from '../../store/schema.ts';
import { type Clock, idSource } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  DEFAULT_ATTEMPTS,
  ENDED_JOBS_KEPT_DAYS,
  jobContext,
  parseJson,
  readAndSchedule,
  toJob,
} from './job-rows.ts';
import {
  type EnqueueOptions,
  failureOf,
  type JobHandler,
  type JobObserver,
  type JobQueue,
  type JobSchedule,
  JobStopped,
} from './jobs.ts';

// The job runner of several app processes on one PostgreSQL database (issue 18), on pg-boss 10: a
// queue made for PostgreSQL (SELECT ... FOR UPDATE SKIP LOCKED), so each job runs in one process
// however many there are, retried with a growing delay, and a job that fails for good is recorded in
// a dead-letter queue. Handlers are the same as in-process (jobs.ts); only the runner differs.
//
// Two records, each kept for what it is good at (docs/ARCHITECTURE.md, "Background jobs"):
// - the app's `job` table stays what users see (status, progress, result, every failed attempt) and
//   what a handler resumes from: the row is written in the same transaction as its pg-boss job, so a
//   job is queued in both or in neither;
// - pg-boss's own tables (in their own schema, `pgboss` by default, created and migrated by pg-boss
//   itself) hold the delivery: which process has it, when to try again, the dead letter. A pg-boss
//   job carries only the id of its `job` row.
// A job that an AppError fails (a file that cannot be read) is failed at once, as in-process, and is
// not a dead letter: it is the answer for the person who asked. Work the server schedules (hourly
// reminders, the daily backup) is queued by every process's timer into one pg-boss "singleton slot"
// per period (the mechanism pg-boss's own cron uses): the first process to get there queues it; the
// others' inserts conflict and queue nothing.

export type PgBossJobsOptions = {
  store: Store;
  clock: Clock;
  /** pg-boss's schema (default `pgboss`; beside a named app schema, that name with `_jobs`). */
  schema?: string;
  /** The first retry's delay (default 5 s, at least 1 s); pg-boss doubles it for each later one, with jitter. */
  retryDelayMs?: number;
  /** How often an idle worker asks for a job (default 2 s; the process that queues one starts it at once). */
  pollingIntervalSeconds?: number;
  /**
   * How long one attempt may run before pg-boss counts it failed and tries again elsewhere (a process
   * that died holding it). Default 1 hour.
   */
  expireInSeconds?: number;
  log?: { error(obj: object, message: string): void; info(obj: object, message: string): void };
  observe?: JobObserver;
};

/** Where pg-boss puts a job that failed every attempt (its data and last error), for people to look at. */
export const DEAD_LETTER_QUEUE = 'as-written-dead-letter';

const DAY_S = 24 * 60 * 60;

/** The pg-boss schema for a store: `pgboss`, or `<schema>_jobs` beside a named schema (tests). */
export function jobSchemaFor(store: Store): string {
  return store.schema ? `${store.schema}_jobs` : 'pgboss';
}

/** Raised inside a schedule's transaction when this period's job is queued already: rolls its row back. */
class AlreadyQueued extends Error {}

type BossData = { jobId?: string };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPgBossJobs(options: PgBossJobsOptions): JobQueue {
  const { store, clock } = options;
  if (store.kind !== 'postgres' || !store.pgPool) throw new Error('the pg-boss job runner needs PostgreSQL');
  const pool = store.pgPool;
  const db = store.db;
  const schema = options.schema ?? jobSchemaFor(store);
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid job schema name: ${schema}`);
  const newId = idSource(clock);
  const retryDelaySeconds = Math.max(1, Math.round((options.retryDelayMs ?? 5_000) / 1000));
  const expireInSeconds = options.expireInSeconds ?? 60 * 60;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;

  const boss = new PgBoss({
    // pg-boss runs its statements on the app's own pool (its migrations too: several statements in
    // one text, which the pool's simple query protocol allows).
    db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
    schema,
    // Its cron is not used: schedules are singleton slots queued by each process's timer (below).
    schedule: false,
    supervise: true,
    migrate: true,
    // A completed job stays (and keeps its period's slot taken) a week, a failed one 30 days; then
    // it moves to pg-boss's archive table, deleted after 30 more days.
    archiveCompletedAfterSeconds: 7 * DAY_S,
    archiveFailedAfterSeconds: ENDED_JOBS_KEPT_DAYS * DAY_S,
    deleteAfterDays: 30,
  });
  boss.on('error', (error: Error) =>
    options.log?.error({ err: { message: error?.message } }, 'the job queue (pg-boss) reported an error'),
  );

  const handlers = new Map<string, JobHandler<unknown>>();
  const schedules = new Map<string, JobSchedule>();
  const scheduleTimers: NodeJS.Timeout[] = [];
  const workers = new Map<string, string>();
  /** Attempts running in this process. */
  const running = new Set<Promise<unknown>>();
  let booted: Promise<void> | null = null;
  let started = false;
  let stopping = false;
  let interrupting = false;
  let lastPruned = 0;

  /** pg-boss started (its schema made or migrated) and a queue for every handler and the dead letter. */
  function boot(): Promise<void> {
    booted ??= (async () => {
      // pg-boss creates its schema on first start, and a table (a partition) for each new queue; two
      // processes starting together would both try, and deadlock. One at a time, under a session lock.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(hashtext($1))', [`as-written-jobs-boot:${schema}`]);
        try {
          await boss.start();
          await boss.createQueue(DEAD_LETTER_QUEUE, {
            name: DEAD_LETTER_QUEUE,
            retentionMinutes: 30 * 24 * 60,
          });
          for (const name of handlers.keys()) await boss.createQueue(name, { name });
        } finally {
          await client.query('select pg_advisory_unlock(hashtext($1))', [`as-written-jobs-boot:${schema}`]);
        }
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      booted = null;
      throw error;
    });
    return booted;
  }

  /** pg-boss's statements inside one of the app's transactions (a job row and its delivery commit together). */
  const inTransaction = (trx: Transaction<Database>) => ({
    executeSql: async (text: string, values: unknown[]) => {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] };
    },
  });

  /** Queue the delivery of the `job` row `jobId`, with `attemptsLeft` attempts. */
  async function deliver(
    trx: Transaction<Database>,
    name: string,
    jobId: string,
    attemptsLeft: number,
    extra: PgBoss.SendOptions = {},
  ): Promise<string | null> {
    return boss.send(name, { jobId } satisfies BossData, {
      db: inTransaction(trx),
      retryLimit: Math.max(0, attemptsLeft - 1),
      retryDelay: retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds,
      deadLetter: DEAD_LETTER_QUEUE,
      ...extra,
    });
  }

  function notify(name: string) {
    const worker = workers.get(name);
    if (worker && !stopping) boss.notifyWorker(worker);
  }

  async function prune() {
    if (Date.now() - lastPruned < 60 * 60 * 1000) return;
    lastPruned = Date.now();
    await deleteEndedJobs(
      db,
      new Date(Date.parse(clock.now()) - ENDED_JOBS_KEPT_DAYS * DAY_S * 1000).toISOString(),
    );
  }

  /** One attempt of one job, as pg-boss hands it to this process. */
  async function attempt(name: string, delivery: PgBoss.JobWithMetadata<BossData>): Promise<unknown> {
    const jobId = delivery.data?.jobId;
    const row = jobId ? await findJob(db, jobId) : null;
    // Its row was deleted, or it ended already (a delivery queued twice): nothing to do.
    if (!row || row.status === 'succeeded' || row.status === 'failed')
      return { skipped: row?.status ?? 'gone' };
    const handler = handlers.get(name);
    const at = clock.now();
    const attempts = Number(row.attempts) + 1;
    await db
      .updateTable('job')
      .set({ status: 'running', attempts, started_at: at, updated_at: at })
      .where('id', '=', row.id)
      .execute();
    const job = toJob({ ...row, status: 'running', attempts, started_at: at, updated_at: at });
    const failures = [...job.failures];
    const began = Date.now();
    const observe = (outcome: Parameters<JobObserver>[0]['outcome']) =>
      options.observe?.({ name, outcome, seconds: (Date.now() - began) / 1000 });
    // pg-boss's count and the row's agree: each delivery carries the attempts the row had left.
    const last = delivery.retryCount >= delivery.retryLimit;
    try {
      if (!handler) throw new AppError('internal', `no handler is registered for the job "${name}"`);
      const ctx = jobContext(db, clock, job, parseJson(row.state), () => interrupting);
      const result = await handler.run(ctx);
      await finishJob(db, job.id, result, clock.now());
      observe('succeeded');
      return { succeeded: true };
    } catch (error) {
      if (error instanceof JobStopped || (interrupting && !(error instanceof AppError))) {
        // This process is stopping: the row goes back to the queue (the attempt not counted) with a
        // new delivery, in one transaction; this delivery ends well (it was not a failure).
        await db.transaction().execute(async (trx) => {
          await requeueJob(trx, job.id, clock.now());
          await deliver(trx, name, job.id, job.maxAttempts - (job.attempts - 1));
        });
        observe('interrupted');
        return { interrupted: true };
      }
      const failure = failureOf(job.attempts, clock.now(), error);
      const { message } = failure;
      failures.push(failure);
      if (error instanceof AppError) {
        // For the person who asked: failed at once, and not a dead letter (trying again gives the same answer).
        await recordJobFailure(db, job.id, failures, false, clock.now());
        observe('failed');
        options.log?.error(
          { job: { id: job.id, name, attempt: job.attempts }, err: { message } },
          'a job failed',
        );
        return { failed: message };
      }
      await recordJobFailure(db, job.id, failures, !last, clock.now());
      observe(last ? 'failed' : 'retried');
      options.log?.error(
        { job: { id: job.id, name, attempt: job.attempts }, err: { message } },
        last
          ? 'a job failed; it is in the dead-letter queue'
          : 'a job attempt failed; it will be tried again',
      );
      // pg-boss retries it after its delay, or, past its last attempt, fails it into the dead letter.
      throw error;
    }
  }

  /**
   * Rows queued or running that no pg-boss job delivers (a backup restored into this database, or a
   * database that ran the in-process runner before): delivered again. Under an advisory lock, so two
   * processes starting together deliver each once.
   */
  async function deliverOrphans() {
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`as-written-jobs:${schema}`}))`.execute(trx);
      await failUnreceivedJobs(trx, clock.now());
      const orphans = await sql<{
        id: string;
        name: string;
        status: string;
        attempts: number;
        max_attempts: number;
      }>`
        select j.id, j.name, j.status, j.attempts, j.max_attempts from job j
        where j.status in ('queued', 'running')
          and not exists (
            select 1 from ${sql.raw(`${schema}.job`)} b
            where b.data->>'jobId' = j.id and b.state < 'completed'
          )`.execute(trx);
      for (const orphan of orphans.rows) {
        // A job of a handler another process has (scheduled backups): left for it.
        if (!handlers.has(orphan.name)) continue;
        if (orphan.status === 'running') await requeueJob(trx, orphan.id, clock.now());
        const attempts = Math.max(0, Number(orphan.attempts) - (orphan.status === 'running' ? 1 : 0));
        await deliver(trx, orphan.name, orphan.id, Math.max(1, Number(orphan.max_attempts) - attempts));
      }
      if (orphans.rows.length > 0)
        options.log?.info(
          { jobs: orphans.rows.length },
          'jobs with no delivery in the queue are queued again',
        );
    });
  }

  /** Queue this period's run of a scheduled job, unless a process did already. */
  async function queueScheduled(name: string, schedule: JobSchedule) {
    const handler = handlers.get(name);
    const seconds = Math.max(1, Math.round(schedule.everyMs / 1000));
    const maxAttempts = handler?.maxAttempts ?? DEFAULT_ATTEMPTS;
    try {
      await db.transaction().execute(async (trx) => {
        const id = newId();
        const at = clock.now();
        await insertJob(trx, {
          id,
          householdId: null,
          name,
          payload: {},
          input: null,
          maxAttempts,
          requestedBy: null,
          at,
        });
        // One slot per period (counted from the epoch, by the database's clock): a second insert in
        // the same period conflicts and returns no id.
        const sent = await deliver(trx, name, id, maxAttempts, {
          id,
          singletonKey: 'schedule',
          singletonSeconds: seconds,
        });
        if (!sent) throw new AlreadyQueued();
      });
      notify(name);
    } catch (error) {
      if (error instanceof AlreadyQueued) return;
      options.log?.error(
        { job: { name }, err: { message: (error as Error)?.message } },
        'a scheduled job could not be queued',
      );
    }
  }

  const runner: JobQueue = {
    ...readAndSchedule(db, handlers, schedules),

    register(handler) {
      if (handlers.has(handler.name))
        throw new Error(`a handler for the job "${handler.name}" is registered already`);
      if (booted) throw new Error('register job handlers before the job queue starts');
      handlers.set(handler.name, handler as JobHandler<unknown>);
    },

    async enqueue(name, payload, enqueueOptions: EnqueueOptions = {}) {
      const handler = handlers.get(name);
      if (!handler) throw new Error(`no handler is registered for the job "${name}"`);
      await boot();
      const id = newId();
      const maxAttempts = enqueueOptions.maxAttempts ?? handler.maxAttempts ?? DEFAULT_ATTEMPTS;
      // The row (and its input, in parts) and its delivery in one transaction: queued in both or neither.
      await db.transaction().execute(async (trx) => {
        await insertJob(trx, {
          id,
          householdId: enqueueOptions.householdId ?? null,
          name,
          payload,
          input: enqueueOptions.input ?? null,
          maxAttempts,
          requestedBy: enqueueOptions.requestedBy ?? null,
          at: clock.now(),
        });
        const sent = await deliver(trx, name, id, maxAttempts, { id });
        if (!sent) throw new Error(`the job queue did not take the job "${name}"`);
      });
      notify(name);
      await prune();
      return id;
    },

    async start() {
      stopping = false;
      interrupting = false;
      await boot();
      await deliverOrphans();
      for (const name of handlers.keys()) {
        const worker = await boss.work<BossData>(
          name,
          { batchSize: 1, includeMetadata: true, pollingIntervalSeconds },
          async ([delivery]) => {
            if (!delivery) return null;
            const run = attempt(name, delivery);
            running.add(run);
            try {
              return await run;
            } finally {
              running.delete(run);
            }
          },
        );
        workers.set(name, worker);
      }
      for (const [name, schedule] of schedules) {
        // Several times a period, so a period is never missed; all but the first in each are no-ops.
        const tickMs = Math.max(250, Math.min(schedule.everyMs / 4, 60_000));
        const tick = () => void queueScheduled(name, schedule);
        const every = setInterval(tick, tickMs);
        const first = setTimeout(tick, Math.min(schedule.firstAfterMs ?? tickMs, schedule.everyMs));
        every.unref();
        first.unref();
        scheduleTimers.push(every, first);
      }
      started = true;
    },

    async stop(stopOptions = {}) {
      stopping = true;
      for (const timer of scheduleTimers.splice(0)) clearTimeout(timer);
      // No further job is fetched; the ones under way go on.
      for (const worker of workers.values()) await boss.offWork({ id: worker });
      workers.clear();
      const graceMs = stopOptions.graceMs ?? 0;
      if (running.size > 0 && graceMs > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...running]),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
        ]);
        clearTimeout(timer);
      }
      interrupting = true;
      while (running.size > 0) await Promise.allSettled([...running]);
      started = false;
      // pg-boss records the last attempts' ends, then stops its maintenance; the pool stays the app's.
      if (booted) await boss.stop({ graceful: true, wait: true, close: false, timeout: 5_000 });
      booted = null;
    },

    async idle() {
      if (!started) return;
      const names = [...handlers.keys()];
      for (;;) {
        if (running.size > 0) {
          await Promise.allSettled([...running]);
          continue;
        }
        // Nothing due in any queue of this process's handlers, and nothing under way anywhere.
        const { rows } = await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${schema}.job
           WHERE name = ANY($1) AND (state = 'active' OR (state IN ('created', 'retry') AND start_after <= now()))`,
          [names],
        );
        if (rows[0]?.n === 0 && running.size === 0) return;
        await sleep(50);
      }
    },
  };
  return runner;
}
