import { z } from 'zod';
import { IdSchema } from '../domain/common.ts';
import { EmailImportSummary } from './communications.ts';

// Background jobs a household's member can follow (src/server/jobs/): today a large email import,
// which answers 202 with its job; GET /api/households/:householdId/jobs/:id says how far it got and,
// once it ends, its result or its error.

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;

/** The jobs that work for one household (and so can be read through its URL). */
export const HOUSEHOLD_JOB_NAMES = ['email-import'] as const;

export const JobParams = z.object({ householdId: IdSchema, id: IdSchema });

export const Job = z
  .object({
    id: z.string(),
    name: z.enum(HOUSEHOLD_JOB_NAMES),
    /** queued (waiting, or waiting to be tried again), running, succeeded or failed (for good). */
    status: z.enum(JOB_STATUSES),
    /** Messages written of the file's total (null until the file has been read). */
    progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    /** Why it failed (the last failed attempt's message, in the reader's language); null while it has not. */
    error: z.string().nullable(),
    /** Every failed attempt, in order (a retried attempt that failed stays listed), in the reader's language. */
    failures: z.array(z.object({ attempt: z.number().int(), at: z.string(), message: z.string() })),
    /** What it did, once succeeded (an email import: how many messages it logged, and what it skipped). */
    result: EmailImportSummary.nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof Job>;
