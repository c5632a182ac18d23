import type { Kysely, Transaction } from 'kysely';
import type { Database, JobRow } from './schema.ts';

// The job table (migration 0014): the in-process job runner's queue (src/server/jobs/). Only the
// runner reads and writes it; handlers reach it through their JobContext.

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A job's input is stored in parts of at most this many bytes (migration 0016), one statement each,
 * with the event loop free between them: a 50 MB mailbox never holds other requests for long.
 */
export const JOB_INPUT_PART_BYTES = 1024 * 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export type NewJob = {
  id: string;
  householdId: string | null;
  name: string;
  payload: unknown;
  input: Buffer | null;
  maxAttempts: number;
  requestedBy: string | null;
  at: string;
};

export async function insertJob(db: Db, job: NewJob): Promise<void> {
  await db
    .insertInto('job')
    .values({
      id: job.id,
      household_id: job.householdId,
      name: job.name,
      payload: JSON.stringify(job.payload ?? null),
      // A job with input is `receiving` until every part is stored: the runner takes only `queued`.
      status: job.input ? 'receiving' : 'queued',
      attempts: 0,
      max_attempts: job.maxAttempts,
      done: 0,
      total: null,
      state: null,
      result: null,
      error: null,
      failures: '[]',
      requested_by: job.requestedBy,
      created_at: job.at,
      started_at: null,
      finished_at: null,
      updated_at: job.at,
    })
    .execute();
  if (!job.input) return;
  // The bytes in rows of their own: progress updates rewrite the job row, never these (migration 0016).
  for (let part = 0; part * JOB_INPUT_PART_BYTES < job.input.length; part++) {
    const bytes = job.input.subarray(part * JOB_INPUT_PART_BYTES, (part + 1) * JOB_INPUT_PART_BYTES);
    await db.insertInto('job_input').values({ job_id: job.id, part, bytes }).execute();
    await nextTurn();
  }
  await db
    .updateTable('job')
    .set({ status: 'queued' })
    .where('id', '=', job.id)
    .where('status', '=', 'receiving')
    .execute();
}

/** A job as the runner sees it (its input bytes, which only the handler reads, once, are apart). */
export type JobState = JobRow;

const COLUMNS = [
  'id',
  'household_id',
  'name',
  'payload',
  'status',
  'attempts',
  'max_attempts',
  'done',
  'total',
  'state',
  'result',
  'error',
  'failures',
  'requested_by',
  'created_at',
  'started_at',
  'finished_at',
  'updated_at',
] as const;

export async function findJob(db: Db, id: string, householdId?: string | null): Promise<JobState | null> {
  let q = db.selectFrom('job').select(COLUMNS).where('id', '=', id);
  if (householdId !== undefined)
    q =
      householdId === null ? q.where('household_id', 'is', null) : q.where('household_id', '=', householdId);
  return (await q.executeTakeFirst()) ?? null;
}

export async function jobInput(db: Db, id: string): Promise<Buffer | null> {
  const parts = await db
    .selectFrom('job_input')
    .select('part')
    .where('job_id', '=', id)
    .orderBy('part')
    .execute();
  if (parts.length === 0) return null;
  const bytes: Buffer[] = [];
  for (const { part } of parts) {
    const row = await db
      .selectFrom('job_input')
      .select('bytes')
      .where('job_id', '=', id)
      .where('part', '=', part)
      .executeTakeFirstOrThrow();
    bytes.push(Buffer.from(row.bytes));
    await nextTurn();
  }
  return Buffer.concat(bytes);
}

/** A job that ended keeps its result, not the file it read. */
async function dropJobInput(db: Db, id: string): Promise<void> {
  await db.deleteFrom('job_input').where('job_id', '=', id).execute();
}

/**
 * Take the oldest queued job (ids grow in creation order) that is not waiting out a retry delay, and
 * mark it running with one more attempt. The update names the status it expects, so two runners on
 * one database never take the same job.
 */
export async function claimNextJob(
  db: Db,
  waiting: ReadonlySet<string>,
  at: string,
): Promise<JobState | null> {
  for (;;) {
    let q = db.selectFrom('job').select(['id', 'attempts']).where('status', '=', 'queued');
    if (waiting.size > 0) q = q.where('id', 'not in', [...waiting]);
    const next = await q.orderBy('id').limit(1).executeTakeFirst();
    if (!next) return null;
    const taken = await db
      .updateTable('job')
      .set({ status: 'running', attempts: next.attempts + 1, started_at: at, updated_at: at })
      .where('id', '=', next.id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 1) return findJob(db, next.id);
  }
}

export async function saveJobProgress(
  db: Db,
  id: string,
  progress: { done: number; total: number | null; state?: unknown },
  at: string,
): Promise<void> {
  await db
    .updateTable('job')
    .set({
      done: progress.done,
      total: progress.total,
      ...(progress.state === undefined ? {} : { state: JSON.stringify(progress.state) }),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

/** The job ended well: its result is kept, its input bytes are not. */
export async function finishJob(db: Db, id: string, result: unknown, at: string): Promise<void> {
  await db
    .updateTable('job')
    .set({
      status: 'succeeded',
      result: JSON.stringify(result ?? null),
      error: null,
      finished_at: at,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
  await dropJobInput(db, id);
}

export type JobFailure = { attempt: number; at: string; message: string };

/**
 * An attempt failed: back in the queue for another attempt (`retry`), or failed for good, with its
 * error and the record of every failed attempt (its input bytes are dropped then).
 */
export async function recordJobFailure(
  db: Db,
  id: string,
  failures: readonly JobFailure[],
  retry: boolean,
  at: string,
): Promise<void> {
  const last = failures.at(-1)?.message ?? null;
  await db
    .updateTable('job')
    .set(
      retry
        ? { status: 'queued', error: last, failures: JSON.stringify(failures), updated_at: at }
        : {
            status: 'failed',
            error: last,
            failures: JSON.stringify(failures),
            finished_at: at,
            updated_at: at,
          },
    )
    .where('id', '=', id)
    .execute();
  if (!retry) await dropJobInput(db, id);
}

/** A job stopped with its process (not a failure): queued again, its attempt not counted. */
export async function requeueJob(db: Db, id: string, at: string): Promise<void> {
  const row = await db.selectFrom('job').select('attempts').where('id', '=', id).executeTakeFirst();
  await db
    .updateTable('job')
    .set({ status: 'queued', attempts: Math.max(0, (row?.attempts ?? 1) - 1), updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

/**
 * Jobs whose upload a process that ended did not finish storing (`receiving`): failed, with the
 * reason, and their partial input dropped (on start-up). The person who asked never got their id.
 */
export async function failUnreceivedJobs(db: Db, at: string): Promise<number> {
  const jobs = await db.selectFrom('job').select('id').where('status', '=', 'receiving').execute();
  for (const { id } of jobs) {
    const message = 'The server stopped while the file was being received; import it again';
    await recordJobFailure(db, id, [{ attempt: 0, at, message }], false, at);
  }
  return jobs.length;
}

/** Jobs a process that ended without stopping them left running: queued again (on start-up). */
export async function requeueInterruptedJobs(db: Db, at: string): Promise<number> {
  const result = await db
    .updateTable('job')
    .set({ status: 'queued', updated_at: at })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Jobs that ended before `before` (ISO instant): their rows are deleted (the records they wrote stay;
 * their input went when they ended, and would go with them by the key's ON DELETE CASCADE).
 */
export async function deleteEndedJobs(db: Db, before: string): Promise<number> {
  const result = await db
    .deleteFrom('job')
    .where('status', 'in', ['succeeded', 'failed'])
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
