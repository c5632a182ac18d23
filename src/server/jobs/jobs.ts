import type { Transaction } from 'kysely';
import { AppError, type MessageWords } from '../../domain/errors.ts';
import type { Database } from '../../store/schema.ts';

// Background work behind one interface (issue 14): a job is a name and a JSON payload (and, for an
// upload, its bytes), enqueued by a route or a timer and run by the one handler registered for that
// name. Handlers know nothing of the runner: they read their payload, report progress, and return a
// JSON result or throw. Today the runner is in-process (in-process.ts, over the `job` table); a
// PostgreSQL queue (pg-boss, graphile-worker) can take its place behind the same `JobQueue`
// interface without touching a handler (docs/ARCHITECTURE.md, "Background jobs"). On SQLite the runner
// is in-process (in-process.ts, one process per database); on PostgreSQL the server runs jobs through
// pg-boss (pg-boss.ts), so several app processes on one database run each job once, retry it, record
// the ones that failed for good, and queue scheduled work once per period among them.
//
// Because the runner shares the server's process, a handler must never hold the event loop or the
// database for long: it works in bounded steps (a batch of messages per transaction) and reports
// progress between them, which is also where the runner lets other requests in and where a stopping
// server interrupts it (the job is queued again and resumes from its last progress).

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * A failed attempt: when, and why (`message`, in English; with `words`, the catalog words that say it
 * in the reader's language: an AppError's, for the person who asked).
 */
export type JobFailure = { attempt: number; at: string; message: string; words?: MessageWords };

/** A failed attempt of `error`: its message, and its words when it has them (an AppError's). */
export function failureOf(attempt: number, at: string, error: unknown): JobFailure {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof AppError && error.words
    ? { attempt, at, message, words: error.words }
    : { attempt, at, message };
}

/** A job as its runner keeps it. */
export type Job = {
  id: string;
  name: string;
  /** The household it works for; null for server-wide work (reminder emails). */
  householdId: string | null;
  payload: unknown;
  status: JobStatus;
  /** Attempts started so far (the current one included, while running). */
  attempts: number;
  maxAttempts: number;
  done: number;
  total: number | null;
  /** What the handler returned, once succeeded. */
  result: unknown;
  /** The last failed attempt's message (a failed job's reason). */
  error: string | null;
  /** Every failed attempt, in order. */
  failures: JobFailure[];
  /** Who asked for it (the journal's actor label), or null for the server's own timers. */
  requestedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
};

export type JobProgress = {
  done: number;
  total: number | null;
  /** What to resume from if the job is interrupted (JSON); read back as `ctx.saved.state`. */
  state?: unknown;
};

export type JobContext<P> = {
  id: string;
  householdId: string | null;
  payload: P;
  requestedBy: string | null;
  /** This attempt's number (1 for the first). */
  attempt: number;
  /** The progress an earlier attempt saved (done 0 and state null on a first attempt). */
  saved: { done: number; state: unknown };
  /** The bytes given at enqueue (an uploaded file), or null. */
  input(): Promise<Buffer | null>;
  /**
   * Report progress. Given the transaction of a step, it is saved in that transaction, so a step and
   * its progress commit together and a resumed job neither repeats nor skips a step. Between steps it
   * lets the event loop serve other requests, and it throws `JobStopped` when the server is stopping.
   */
  progress(progress: JobProgress, trx?: Transaction<Database>): Promise<void>;
};

export type JobHandler<P = unknown> = {
  name: string;
  /** How many attempts before the job is failed for good (default 3). */
  maxAttempts?: number;
  /**
   * Do the work and return its result (JSON). An error the handler means for the person who asked
   * (an AppError: a file that cannot be read, a limit) fails the job at once; any other error (a
   * lost database connection) is retried, up to `maxAttempts`, after a growing delay.
   */
  run(ctx: JobContext<P>): Promise<unknown>;
};

export type EnqueueOptions = {
  householdId?: string | null;
  input?: Buffer | null;
  requestedBy?: string | null;
  maxAttempts?: number;
};

/** Work the server queues by itself, once per period (hourly reminders, the daily backup). */
export type JobSchedule = {
  /**
   * The period in milliseconds. Periods are counted from the Unix epoch, so every process on one
   * database agrees where one ends: the job is queued once per period, whichever process gets there first.
   */
  everyMs: number;
  /** How soon after start this process first tries (default: one period; in-process runner: at most that). */
  firstAfterMs?: number;
};

/** What a runner reports as jobs end (the Prometheus metrics count them). */
export type JobOutcome = 'succeeded' | 'failed' | 'retried' | 'interrupted';
export type JobObserver = (event: { name: string; outcome: JobOutcome; seconds: number }) => void;

export type StopOptions = {
  /**
   * How long the job in flight may take to finish before it is interrupted at its next step (and
   * queued again). Default 0: interrupted at once.
   */
  graceMs?: number;
};

export interface JobQueue {
  /** One handler per name, registered when the app is built. */
  register<P>(handler: JobHandler<P>): void;
  /** Queue a job; resolves with its id once it is stored. */
  enqueue(name: string, payload: unknown, options?: EnqueueOptions): Promise<string>;
  /** A job by id; with a household, only that household's (null otherwise). */
  get(id: string, householdId?: string | null): Promise<Job | null>;
  /** Run what a stopped or crashed process left queued or running (the server calls this once it listens). */
  start(): Promise<void>;
  /**
   * Queue `name` (with an empty payload) once per period while the runner is started: on PostgreSQL
   * once per period across every process on the database. Call before `start`.
   */
  schedule(name: string, schedule: JobSchedule): void;
  /**
   * Stop taking jobs and scheduling them; let the running one finish within `graceMs`, then interrupt
   * it at its next step (it is queued again).
   */
  stop(options?: StopOptions): Promise<void>;
  /** Resolves when no job is running or queued to run now (tests; `as-written` commands). */
  idle(): Promise<void>;
}

/** Thrown by `progress` when the server is stopping: the job goes back to the queue, not failed. */
export class JobStopped extends Error {
  constructor() {
    super('the server is stopping; the job will resume when it starts again');
  }
}
