import type { EmailImportSummary } from '../../api/communications.ts';
import { HOUSEHOLD_JOB_NAMES, type Job as JobView } from '../../api/jobs.ts';
import { notFound } from '../errors.ts';
import type { Job, JobQueue } from '../jobs/jobs.ts';

// A household's background jobs as its members see them (GET /api/households/:id/jobs/:id): what
// it is, how far it got, and its result or why it failed. A job of another household, or one that
// works for no household (the reminder emails), is not found.

export function jobView(job: Job): JobView {
  const name = HOUSEHOLD_JOB_NAMES.find((n) => n === job.name);
  if (!name) throw notFound('Job', job.id);
  return {
    id: job.id,
    name,
    status: job.status,
    progress: { done: job.done, total: job.total },
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    error: job.error,
    failures: job.failures,
    result: job.status === 'succeeded' ? (job.result as EmailImportSummary) : null,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

export async function householdJob(jobs: JobQueue, householdId: string, id: string): Promise<JobView> {
  const job = await jobs.get(id, householdId);
  if (!job) throw notFound('Job', id);
  return jobView(job);
}
