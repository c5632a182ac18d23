import type { EmailImportSummary } from '../../api/communications.ts';
import { HOUSEHOLD_JOB_NAMES, type Job as JobView } from '../../api/jobs.ts';
import type { Translator } from '../../domain/i18n/translate.ts';
import {
  type ApiErrorKey,
  apiWordsOf,
  type MessageWords,
  notFound,
  sayApiWords,
  wordsValue,
} from '../errors.ts';
import type { Job, JobFailure, JobQueue } from '../jobs/jobs.ts';
import { withSkippedWords } from './skipped-attachments.ts';

// A household's background jobs as its members see them (GET /api/households/:id/jobs/:id): what
// it is, how far it got, and its result or why it failed, in the reader's language (each failure
// keeps its words; one kept before words were is found back from its English). A job of another
// household, or one that works for no household (the reminder emails), is not found.

/** The keys an email import's refusal is written from (src/server/services/email-import.ts). */
const IMPORT_KEYS = [
  'import.emailRefused',
  'import.tooManyMessages',
  'import.noFile',
] as const satisfies readonly ApiErrorKey[];

/** The email reader's reasons a refusal quotes ("has no readable Date header"). */
const EMAIL_FILE_KEYS = [
  'emailFile.empty',
  'emailFile.mboxEmpty',
  'emailFile.notEmail',
  'emailFile.noDate',
  'emailFile.unusableDate',
  'emailFile.headerTooLong',
  'emailFile.unreadable',
  'emailFile.noSender',
  'emailFile.longMessageId',
] as const satisfies readonly ApiErrorKey[];

/** The words of a reason the email reader wrote, a message of a mailbox's by its number. */
function emailReasonWords(reason: string): MessageWords | null {
  const words = apiWordsOf(EMAIL_FILE_KEYS, reason);
  if (words) return words;
  const inMessage = apiWordsOf(['emailFile.inMessage'], reason);
  const quoted = inMessage && apiWordsOf(EMAIL_FILE_KEYS, String(inMessage.values?.reason));
  return quoted ? { ...inMessage, values: { ...inMessage.values, reasonWords: wordsValue(quoted) } } : null;
}

/** The words of a failure kept as English only (before failures kept their words), or null. */
function failureWordsOf(message: string): MessageWords | null {
  const words = apiWordsOf(IMPORT_KEYS, message);
  if (words?.key !== 'apierror.import.emailRefused') return words;
  const quoted = emailReasonWords(String(words.values?.reason));
  return quoted ? { ...words, values: { ...words.values, reasonWords: wordsValue(quoted) } } : null;
}

/** A failure's message in the reader's language; English as it was written. */
function sayFailure(failure: JobFailure, translator: Translator | undefined): string {
  if (!translator || translator.language === 'en') return failure.message;
  const words = failure.words ?? failureWordsOf(failure.message);
  return words && translator.has(words.key) ? sayApiWords(words, translator) : failure.message;
}

/** An import's result, each attachment not kept with its reason's words (a result kept before words were: found back). */
function resultOf(result: EmailImportSummary | null): EmailImportSummary | null {
  if (!result?.skippedAttachments) return result;
  return { ...result, skippedAttachments: result.skippedAttachments.map((s) => withSkippedWords(s)) };
}

/** A job as its reader sees it; with a translator, why it failed said in the reader's language. */
export function jobView(job: Job, translator?: Translator): JobView {
  const name = HOUSEHOLD_JOB_NAMES.find((n) => n === job.name);
  if (!name) throw notFound('Job', job.id);
  const last = job.failures.at(-1);
  return {
    id: job.id,
    name,
    status: job.status,
    progress: { done: job.done, total: job.total },
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    // The error is the last failure's message (with its words).
    error:
      job.error === null
        ? null
        : sayFailure(
            last?.message === job.error ? last : { attempt: 0, at: '', message: job.error },
            translator,
          ),
    failures: job.failures.map((f) => ({
      attempt: f.attempt,
      at: f.at,
      message: sayFailure(f, translator),
    })),
    result: job.status === 'succeeded' ? resultOf(job.result as EmailImportSummary | null) : null,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

export async function householdJob(
  jobs: JobQueue,
  householdId: string,
  id: string,
  translator?: Translator,
): Promise<JobView> {
  const job = await jobs.get(id, householdId);
  if (!job) throw notFound('Job', id);
  return jobView(job, translator);
}
