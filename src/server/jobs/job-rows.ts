import type { Kysely } from 'kysely';
import { findJob, type JobState, jobInput, saveJobProgress } from '../../store/jobs.repository.ts';
import type { Database } from '../../store/schema.ts';
import type { Clock } from '../context.ts';
import {
  type Job,
  type JobContext,
  type JobFailure,
  type JobHandler,
  type JobQueue,
  type JobSchedule,
  type JobStatus,
  JobStopped,
} from './jobs.ts';

// What both job runners (in-process.ts for one process, pg-boss.ts for several on PostgreSQL) share: a
// `job` row as the Job it stands for, the context a handler runs with, and the methods that only read
// the table or the runner's own maps. How a job is delivered, retried and stopped is each runner's own.

/** The default number of attempts when neither the handler nor the caller names one. */
export const DEFAULT_ATTEMPTS = 3;

/** A job that ended is kept this long (its result, or why it failed), then deleted. */
export const ENDED_JOBS_KEPT_DAYS = 30;

export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A JSON column of the job table; what cannot be read is null (a row written by a newer version). */
export function parseJson(text: string | null): unknown {
  if (text == null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function toJob(row: JobState): Job {
  const failures = parseJson(row.failures);
  return {
    id: row.id,
    name: row.name,
    householdId: row.household_id,
    payload: parseJson(row.payload),
    // `receiving` (its file still being stored) is, to anyone asking, waiting like `queued`.
    status: (row.status === 'receiving' ? 'queued' : row.status) as JobStatus,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    done: Number(row.done),
    total: row.total == null ? null : Number(row.total),
    result: parseJson(row.result),
    error: row.error,
    failures: Array.isArray(failures) ? (failures as JobFailure[]) : [],
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The context one attempt of `job` runs with: its saved state to resume from, its input, and a progress
 * call that stops the handler at its next step once the runner is interrupting.
 */
export function jobContext(
  db: Kysely<Database>,
  clock: Clock,
  job: Job,
  savedState: unknown,
  interrupting: () => boolean,
): JobContext<unknown> {
  return {
    id: job.id,
    householdId: job.householdId,
    payload: job.payload,
    requestedBy: job.requestedBy,
    attempt: job.attempts,
    saved: { done: job.done, state: savedState },
    input: () => jobInput(db, job.id),
    progress: async (progress, trx) => {
      if (interrupting()) throw new JobStopped();
      await saveJobProgress(trx ?? db, job.id, progress, clock.now());
      // Between steps, other requests get the event loop (and, on SQLite, the connection).
      if (!trx) await nextTurn();
    },
  };
}

/** `get` and `schedule`, the same in both runners: a row read, and a schedule kept for start(). */
export function readAndSchedule(
  db: Kysely<Database>,
  handlers: ReadonlyMap<string, JobHandler<unknown>>,
  schedules: Map<string, JobSchedule>,
): Pick<JobQueue, 'get' | 'schedule'> {
  return {
    async get(id, householdId) {
      const row = await findJob(db, id, householdId);
      return row ? toJob(row) : null;
    },
    schedule(name, schedule) {
      if (!handlers.has(name)) throw new Error(`no handler is registered for the job "${name}"`);
      schedules.set(name, schedule);
    },
  };
}
