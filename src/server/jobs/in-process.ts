import type { Store } from '../../store/database.ts';
import {
  claimNextJob,
  deleteEndedJobs,
  failUnreceivedJobs,
  findJob,
  finishJob,
  insertJob,
  recordJobFailure,
  requeueInterruptedJobs,
  requeueJob,
} from '../../store/jobs.repository.ts';
import { type Clock, idSource } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  DEFAULT_ATTEMPTS,
  ENDED_JOBS_KEPT_DAYS,
  jobContext,
  nextTurn,
  parseJson,
  readAndSchedule,
  toJob,
} from './job-rows.ts';
import {
  type EnqueueOptions,
  failureOf,
  type Job,
  type JobHandler,
  type JobObserver,
  type JobQueue,
  type JobSchedule,
  JobStopped,
} from './jobs.ts';

// The job runner of one self-hosted process: jobs are rows of the `job` table, run one at a time in
// this process, in the order they were queued. A job is taken with an update that names the status
// it expects, so a second process on the same PostgreSQL database would not run it twice; but retry
// delays are timers of this process, and start() queues again whatever was left running, so this
// runner is for one process per database (SQLite). Several app servers on one PostgreSQL use the
// pg-boss runner instead (pg-boss.ts), behind the same JobQueue interface (jobs.ts).

export type InProcessOptions = {
  store: Store;
  clock: Clock;
  /** The first retry's delay; each later one doubles it (default 5 s). */
  retryDelayMs?: number;
  log?: { error(obj: object, message: string): void; info(obj: object, message: string): void };
  /** Told as each attempt ends (metrics). */
  observe?: JobObserver;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function createInProcessJobs(options: InProcessOptions): JobQueue {
  const { store, clock } = options;
  const db = store.db;
  const newId = idSource(clock);
  const retryDelayMs = options.retryDelayMs ?? 5_000;
  const handlers = new Map<string, JobHandler<unknown>>();
  /** Jobs waiting out a retry delay, with their timers. */
  const waiting = new Map<string, NodeJS.Timeout>();
  let running: Promise<void> | null = null;
  let again = false;
  /** No further job is taken (stop was called). */
  let stopping = false;
  /** The running job is interrupted at its next step (stop's grace is over). */
  let interrupting = false;
  let lastPruned = 0;
  const schedules = new Map<string, JobSchedule>();
  const scheduleTimers: NodeJS.Timeout[] = [];

  /** At most once an hour of this process: jobs that ended over ENDED_JOBS_KEPT_DAYS ago go. */
  async function prune() {
    if (Date.now() - lastPruned < 60 * 60 * 1000) return;
    lastPruned = Date.now();
    await deleteEndedJobs(
      db,
      new Date(Date.parse(clock.now()) - ENDED_JOBS_KEPT_DAYS * DAY_MS).toISOString(),
    );
  }

  const kick = () => {
    if (stopping) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error: unknown) =>
        options.log?.error(
          { err: { message: (error as Error)?.message } },
          'the job runner stopped on an error',
        ),
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        }
      });
  };

  async function drain() {
    while (!stopping) {
      // Let the request that queued the job answer first.
      await nextTurn();
      const row = await claimNextJob(db, new Set(waiting.keys()), clock.now());
      if (!row) return;
      await runOne(toJob(row));
    }
  }

  async function runOne(job: Job) {
    const handler = handlers.get(job.name);
    const failures = [...job.failures];
    const began = Date.now();
    const observe = (outcome: Parameters<JobObserver>[0]['outcome']) =>
      options.observe?.({ name: job.name, outcome, seconds: (Date.now() - began) / 1000 });
    try {
      if (!handler) throw new AppError('internal', `no handler is registered for the job "${job.name}"`);
      const state = parseJson((await findJob(db, job.id))?.state ?? null);
      const ctx = jobContext(db, clock, job, state, () => interrupting);
      const result = await handler.run(ctx);
      await finishJob(db, job.id, result, clock.now());
      observe('succeeded');
    } catch (error) {
      if (error instanceof JobStopped || (interrupting && !(error instanceof AppError))) {
        await requeueJob(db, job.id, clock.now());
        observe('interrupted');
        return;
      }
      const failure = failureOf(job.attempts, clock.now(), error);
      const { message } = failure;
      failures.push(failure);
      // An AppError is meant for the person who asked (a file that cannot be read): trying again
      // gives the same answer. Anything else may pass (a lost connection): tried again, later.
      const retry = !(error instanceof AppError) && job.attempts < job.maxAttempts;
      await recordJobFailure(db, job.id, failures, retry, clock.now());
      observe(retry ? 'retried' : 'failed');
      options.log?.error(
        { job: { id: job.id, name: job.name, attempt: job.attempts }, err: { message } },
        retry ? 'a job attempt failed; it will be tried again' : 'a job failed',
      );
      if (retry) {
        const timer = setTimeout(
          () => {
            waiting.delete(job.id);
            kick();
          },
          retryDelayMs * 2 ** (job.attempts - 1),
        );
        timer.unref();
        waiting.set(job.id, timer);
      }
    }
  }

  const runner: JobQueue = {
    register(handler) {
      if (handlers.has(handler.name))
        throw new Error(`a handler for the job "${handler.name}" is registered already`);
      handlers.set(handler.name, handler as JobHandler<unknown>);
    },

    async enqueue(name, payload, enqueueOptions: EnqueueOptions = {}) {
      const handler = handlers.get(name);
      if (!handler) throw new Error(`no handler is registered for the job "${name}"`);
      const id = newId();
      await insertJob(db, {
        id,
        householdId: enqueueOptions.householdId ?? null,
        name,
        payload,
        input: enqueueOptions.input ?? null,
        maxAttempts: enqueueOptions.maxAttempts ?? handler.maxAttempts ?? DEFAULT_ATTEMPTS,
        requestedBy: enqueueOptions.requestedBy ?? null,
        at: clock.now(),
      });
      kick();
      await prune();
      return id;
    },

    ...readAndSchedule(db, handlers, schedules),

    async start() {
      stopping = false;
      interrupting = false;
      // One process per database: a timer of this process queues each scheduled job once a period.
      for (const [name, schedule] of schedules) {
        const queue = () =>
          void runner
            .enqueue(name, {})
            .catch((error: unknown) =>
              options.log?.error(
                { job: { name }, err: { message: (error as Error)?.message } },
                'a scheduled job could not be queued',
              ),
            );
        const every = setInterval(queue, schedule.everyMs);
        const first = setTimeout(
          queue,
          Math.min(schedule.firstAfterMs ?? schedule.everyMs, schedule.everyMs),
        );
        every.unref();
        first.unref();
        scheduleTimers.push(every, first);
      }
      await failUnreceivedJobs(db, clock.now());
      const interrupted = await requeueInterruptedJobs(db, clock.now());
      if (interrupted > 0) options.log?.info({ jobs: interrupted }, 'jobs left running are queued again');
      kick();
    },

    async stop(stopOptions = {}) {
      stopping = true;
      for (const timer of scheduleTimers.splice(0)) clearTimeout(timer);
      for (const timer of waiting.values()) clearTimeout(timer);
      waiting.clear();
      const graceMs = stopOptions.graceMs ?? 0;
      if (running && graceMs > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([running, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
        clearTimeout(timer);
      }
      interrupting = true;
      await running;
    },

    async idle() {
      while (running) await running;
    },
  };
  return runner;
}
