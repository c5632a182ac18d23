import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { AttachmentSchema } from '../../api/attachments.ts';
import type { EmailImportResult, EmailImportSummary } from '../../api/communications.ts';
import type { Job as JobView } from '../../api/jobs.ts';
import { LONG_TEXT_MAX } from '../../domain/common.ts';
import { REPLY_EXPECTED_KINDS } from '../../domain/communications.ts';
import { fieldMessage } from '../../domain/i18n/field-errors.ts';
import {
  EmailFileError,
  emailSources,
  looksLikeMbox,
  type ParsedEmail,
  parseEmailFile,
  parseEmailSource,
  TooManyMessages,
} from '../../importers/email.ts';
import { listMembersWithAccounts } from '../../store/accounts.repository.ts';
import { requireChild } from '../../store/children.repository.ts';
import { communicationIdsByMessageId } from '../../store/communications.repository.ts';
import type { Store } from '../../store/database.ts';
import type { Database } from '../../store/schema.ts';
import { contactEmailsOfChild } from '../../store/team-contacts.repository.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import { type Actor, actorLabel, type Clock, idSource, type ServiceContext } from '../context.ts';
import { AppError, apiError, apiWords, issuesToFields, type MessageWords, wordsValue } from '../errors.ts';
import type { JobHandler, JobQueue } from '../jobs/jobs.ts';
import { insertAttachment, type PreparedAttachment, prepareAttachment, storedIn } from './attachments.ts';
import { defaultReplyDate } from './communications.ts';
import { householdJob } from './jobs.ts';
import { writeRecord } from './records.ts';
import { RESOURCES } from './resources.ts';
import { withSkippedWords } from './skipped-attachments.ts';

// Dropping .eml or .mbox files into the communication log. Each message becomes an entry: its
// sender and recipients matched to the child's team contacts by address, sent or received by who
// wrote it, joined to the message it answers by Message-ID / In-Reply-To / References, with its
// attachments kept. A message already imported (same Message-ID) is skipped. Every message is read
// and checked before anything is written.
//
// A single email, or a mailbox of at most one batch of messages and not over `jobAboveBytes`, is
// imported in the request, in one transaction, and answered with the messages logged. A larger one runs as a
// background job (src/server/jobs/): the request answers 202 with the job at once, and the job
// writes a batch of messages per transaction (each message journaled, as always) with its progress
// saved in the same transaction, so the server keeps answering everyone else, and an interrupted job
// resumes after its last batch. No import takes more than `maxMessages` messages.

export type EmailImportLimits = {
  /** The most messages one import takes (AS_WRITTEN_IMPORT_MAX_MESSAGES). */
  maxMessages: number;
  /** Messages written per transaction by an import job; a file with more runs as a job. */
  batchSize: number;
  /**
   * Text and attachment bytes written per transaction by an import job, at most (a batch of long
   * messages ends sooner): a transaction on SQLite holds the event loop from start to end.
   */
  batchBytes: number;
  /** A mailbox larger than this runs as a job, however few messages it holds (one email never does). */
  jobAboveBytes: number;
};

export const DEFAULT_EMAIL_IMPORT_LIMITS: EmailImportLimits = {
  maxMessages: 5_000,
  batchSize: 200,
  batchBytes: 256 * 1024,
  jobAboveBytes: 2 * 1024 * 1024,
};

export const EMAIL_IMPORT_JOB = 'email-import';

type EmailFile = { childId: string; bytes: Buffer; filename: string; maxBytes: number };

/** `number` is the message's place in the file (1 for the first), for messages about it. */
type Numbered = { email: ParsedEmail; number: number };
type Prepared = Numbered & { files: PreparedAttachment[] };

/** The file is refused (a 400 naming `file`): the sentence (`apierror.import.*`) and its words. */
function refused({ message, words }: { message: string; words: MessageWords }): AppError {
  return new AppError('validation_failed', message, [{ path: 'file', message }], words);
}

/** "… is empty; nothing was imported": the email reader's reason after the file's name. */
export function unreadFile(filename: string, error: EmailFileError): AppError {
  return refused(
    apiWords('import.emailRefused', {
      filename,
      reason: error.message,
      reasonWords: wordsValue(error.words),
    }),
  );
}

/** The file's messages, unread, or a 400 naming the file: not an email, or more than the limit. */
async function sourcesOf(file: EmailFile, maxMessages: number): Promise<Buffer[]> {
  try {
    return await emailSources(file.bytes, maxMessages);
  } catch (error) {
    if (error instanceof TooManyMessages) {
      const limit = error.limit.toLocaleString('en-US');
      throw refused(apiWords('import.tooManyMessages', { filename: file.filename, limit }));
    }
    if (error instanceof EmailFileError) throw unreadFile(file.filename, error);
    throw error;
  }
}

/**
 * Import an email file: in the request when it is small (`imported`, the messages logged), or as a
 * background job when it is large (`job`, to follow at GET jobs/:id).
 */
export async function receiveEmailFile(
  store: Store,
  jobs: JobQueue,
  ctx: ServiceContext,
  file: EmailFile,
  limits: EmailImportLimits,
): Promise<{ imported: EmailImportResult } | { job: JobView }> {
  const sources = await sourcesOf(file, limits.maxMessages);
  // One email is one record, whatever its size (its attachments are checked before the transaction).
  const large =
    sources.length > limits.batchSize || (sources.length > 1 && file.bytes.length > limits.jobAboveBytes);
  if (!large) {
    return { imported: await importEmails(store, ctx, file) };
  }
  await requireChild(store.db, ctx.householdId, file.childId, 'childId');
  const payload: EmailImportPayload = {
    childId: file.childId,
    filename: file.filename,
    maxBytes: file.maxBytes,
    actor: ctx.actor,
  };
  const id = await jobs.enqueue(EMAIL_IMPORT_JOB, payload, {
    householdId: ctx.householdId,
    input: file.bytes,
    requestedBy: actorLabel(ctx.actor),
  });
  return { job: await householdJob(jobs, ctx.householdId, id) };
}

/** Oldest first, so a reply in the same file finds the message it answers. */
function inWrittenOrder(emails: ParsedEmail[]): Numbered[] {
  const numbered = emails.map((email, i) => ({ email, number: i + 1 }));
  numbered.sort((a, b) => `${a.email.date}${a.email.time}`.localeCompare(`${b.email.date}${b.email.time}`));
  return numbered;
}

/** Every attachment checked (and decoded, for an image) before the transaction that stores them. */
async function prepareFiles(
  store: Store,
  householdId: string,
  messages: readonly Numbered[],
  maxBytes: number,
): Promise<{ prepared: Prepared[]; skipped: EmailImportResult['skippedAttachments'] }> {
  const skipped: EmailImportResult['skippedAttachments'] = [];
  const prepared: Prepared[] = [];
  for (const { email, number } of messages) {
    const files: PreparedAttachment[] = [];
    for (const a of email.attachments) {
      try {
        files.push(
          await prepareAttachment(
            { filename: a.filename, bytes: a.bytes, maxBytes },
            storedIn(store.db, householdId),
          ),
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // With its words, for the messages page to say in the reader's language.
        skipped.push(withSkippedWords({ filename: a.filename, reason: error.message }, error.words));
      }
    }
    prepared.push({ email, number, files });
  }
  return { prepared, skipped };
}

/** The record a message becomes, but for what depends on the household (who wrote it, its thread). */
function messageRecord(email: ParsedEmail, childId: string) {
  return {
    childId,
    kind: 'email',
    direction: 'received' as 'sent' | 'received',
    date: email.date,
    time: email.time,
    contactIds: [] as string[],
    otherParties: null as string | null,
    subject: email.subject?.slice(0, 500) ?? null,
    summary: (email.text || '(no text)').slice(0, LONG_TEXT_MAX),
    decisions: null,
    nextSteps: null,
    inReplyToId: null as string | null,
    followsUpId: null,
    replyExpectedBy: null as string | null,
    closedWithoutReply: false,
    messageId: email.messageId,
    attachmentIds: [] as string[],
  };
}

/**
 * What a refusal says was imported before it: nothing (`none`), the messages before the refused one
 * (`before`, a job resumed), or those before the batch that holds it (`batch`).
 */
type Outcome = { imported: 'none' } | { imported: 'before' | 'batch'; done: number };

/** The log's own rules on a message's record: one they refuse is named, never a 500. */
function checkLoggable(
  record: ReturnType<typeof messageRecord>,
  where: { number: number; count: number; filename: string; outcome: Outcome },
) {
  const parsed = RESOURCES.communication.input.safeParse(record);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'message';
  // The field's refusal in the reader's language, from its code and limits (as a field of a request).
  const problemWords = fieldMessage(issuesToFields([issue])[0]!);
  throw refused(
    apiWords('import.notLoggable', {
      inFile: where.count > 1 ? 'yes' : 'no',
      number: String(where.number),
      filename: where.filename,
      field,
      problem: issue.message,
      ...(problemWords ? { problemWords: wordsValue(problemWords) } : {}),
      outcome: where.outcome.imported,
      done: where.outcome.imported === 'none' ? '0' : String(where.outcome.done),
    }),
  );
}

/** Write messages (prepared, in written order) into the log, inside the caller's transaction. */
async function writeMessages(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  childId: string,
  messages: readonly Prepared[],
  where: { count: number; filename: string; outcome: Outcome },
) {
  await requireChild(trx, ctx.householdId, childId, 'childId');
  const contacts = await contactEmailsOfChild(trx, ctx.householdId, childId);
  const contactByAddress = new Map(
    contacts.filter((c) => c.email).map((c) => [c.email!.toLowerCase(), c.id] as const),
  );
  const members = await listMembersWithAccounts(trx, ctx.householdId);
  const family = new Set(members.map((m) => m.email.toLowerCase()));

  const idByMessageId = await communicationIdsByMessageId(trx, ctx.householdId);

  const imported: EmailImportResult['imported'] = [];
  const duplicates: EmailImportResult['duplicates'] = [];
  const attachments = new Map<string, z.infer<typeof AttachmentSchema>>();
  for (const { email, number, files } of messages) {
    if (email.messageId && idByMessageId.has(email.messageId)) {
      duplicates.push({ messageId: email.messageId, subject: email.subject });
      continue;
    }
    const sender = email.from[0]?.address ?? null;
    const everyone = [...email.from, ...email.to, ...email.cc];
    const contactIds = [
      ...new Set(everyone.map((a) => contactByAddress.get(a.address)).filter((id): id is string => !!id)),
    ];
    // Sent when a family member (or no team contact) wrote it; received when a team contact did.
    const direction: 'sent' | 'received' =
      sender && family.has(sender)
        ? 'sent'
        : sender && contactByAddress.has(sender)
          ? 'received'
          : email.to.some((a) => contactByAddress.has(a.address))
            ? 'sent'
            : 'received';
    const others = everyone
      .filter((a) => !contactByAddress.has(a.address) && !family.has(a.address))
      .map((a) => (a.name ? `${a.name} <${a.address}>` : a.address));
    const parentRef = [email.inReplyTo, ...[...email.references].reverse()].find(
      (ref): ref is string => !!ref && idByMessageId.has(ref),
    );
    const attachmentIds: string[] = [];
    for (const file of files) {
      const stored = await insertAttachment(trx, ctx, file);
      attachments.set(stored.attachment.id, stored.attachment);
      if (!attachmentIds.includes(stored.attachment.id)) attachmentIds.push(stored.attachment.id);
    }
    const record = {
      ...messageRecord(email, childId),
      direction,
      contactIds,
      otherParties: others.length > 0 ? [...new Set(others)].join(', ').slice(0, 500) : null,
      inReplyToId: parentRef ? idByMessageId.get(parentRef)! : null,
      replyExpectedBy:
        direction === 'sent' && REPLY_EXPECTED_KINDS.has('email')
          ? await defaultReplyDate(trx, ctx.householdId, childId, email.date)
          : null,
      attachmentIds,
    };
    const parsed = checkLoggable(record, { number, ...where });
    const saved = await writeRecord(trx, ctx, RESOURCES.communication, parsed);
    if (email.messageId) idByMessageId.set(email.messageId, saved.id);
    imported.push(saved);
  }
  return { imported, duplicates, attachments: [...attachments.values()] };
}

/** Import a file in the request, in one transaction: what a small file does (`receiveEmailFile`). */
export async function importEmails(
  store: Store,
  ctx: ServiceContext,
  file: EmailFile,
): Promise<EmailImportResult> {
  let emails: ParsedEmail[];
  try {
    emails = await parseEmailFile(file.bytes);
  } catch (error) {
    if (error instanceof EmailFileError) throw unreadFile(file.filename, error);
    throw error;
  }
  const { prepared, skipped } = await prepareFiles(
    store,
    ctx.householdId,
    inWrittenOrder(emails),
    file.maxBytes,
  );
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const written = await writeMessages(trx, ctx, file.childId, prepared, {
      count: emails.length,
      filename: file.filename,
      outcome: { imported: 'none' },
    });
    return { ...written, skippedAttachments: skipped };
  });
}

/** The messages from `start` that one transaction writes: `batchSize` of them, or fewer when long. */
function nextBatch(ordered: readonly Numbered[], start: number, limits: EmailImportLimits): Numbered[] {
  let bytes = 0;
  let end = start;
  while (end < ordered.length && end - start < limits.batchSize) {
    const { email } = ordered[end]!;
    bytes += email.text.length + email.attachments.reduce((sum, a) => sum + a.bytes.length, 0);
    // A batch holds at least one message, however long.
    if (end > start && bytes > limits.batchBytes) break;
    end++;
  }
  return ordered.slice(start, end);
}

type EmailImportPayload = { childId: string; filename: string; maxBytes: number; actor: Actor };

/** Messages read between turns of the event loop while a job reads its file. */
const READ_STEP = 25;

/**
 * The job that imports a large file: it reads every message and checks each against the log's rules
 * before it writes any (a file with one unreadable message is refused whole, as a small one is),
 * then writes `batchSize` messages per transaction, saving its progress (messages done, and what it
 * skipped so far) in the same transaction.
 */
export function emailImportJob(
  store: Store,
  clock: Clock,
  limits: EmailImportLimits,
): JobHandler<EmailImportPayload> {
  return {
    name: EMAIL_IMPORT_JOB,
    maxAttempts: 3,
    run: async (job) => {
      const { payload } = job;
      if (!job.householdId) throw new AppError('internal', 'An email import must belong to a household');
      const bytes = await job.input();
      if (!bytes) throw apiError('internal', 'import.noFile');
      const ctx: ServiceContext = {
        householdId: job.householdId,
        actor: payload.actor,
        clock,
        newId: idSource(clock),
      };
      const file = { ...payload, bytes };
      const sources = await sourcesOf(file, limits.maxMessages);
      const count = sources.length;
      const inMailbox = looksLikeMbox(bytes);
      const emails: ParsedEmail[] = [];
      for (const [i, source] of sources.entries()) {
        try {
          emails.push(await parseEmailSource(source, i, inMailbox));
        } catch (error) {
          if (error instanceof EmailFileError) throw unreadFile(payload.filename, error);
          throw error;
        }
        // Reading one long message can take tens of milliseconds: everyone else's requests go between
        // messages, and the progress is saved every READ_STEP of them.
        if (i % READ_STEP === READ_STEP - 1) await job.progress({ done: job.saved.done, total: count });
        else await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const ordered = inWrittenOrder(emails);
      const resumed = job.saved.done;
      for (const { email, number } of ordered.slice(resumed)) {
        checkLoggable(messageRecord(email, payload.childId), {
          number,
          count,
          filename: payload.filename,
          outcome: resumed > 0 ? { imported: 'before', done: resumed } : { imported: 'none' },
        });
      }
      let summary: EmailImportSummary = (job.saved.state as EmailImportSummary | null) ?? {
        imported: 0,
        duplicates: [],
        skippedAttachments: [],
      };
      await job.progress({ done: resumed, total: count, state: summary });
      for (let start = resumed; start < count; ) {
        const batch = nextBatch(ordered, start, limits);
        const { prepared, skipped } = await prepareFiles(store, ctx.householdId, batch, payload.maxBytes);
        const before = summary;
        summary = await inHouseholdTransaction(store, ctx.householdId, async (trx) => {
          const written = await writeMessages(trx, ctx, payload.childId, prepared, {
            count,
            filename: payload.filename,
            outcome: { imported: 'batch', done: start },
          });
          const next: EmailImportSummary = {
            imported: before.imported + written.imported.length,
            duplicates: [...before.duplicates, ...written.duplicates],
            skippedAttachments: [...before.skippedAttachments, ...skipped],
          };
          await job.progress({ done: start + batch.length, total: count, state: next }, trx);
          return next;
        });
        // Between batches, everyone else's requests (and, on SQLite, the connection) come first.
        await job.progress({ done: start + batch.length, total: count });
        start += batch.length;
      }
      return summary;
    },
  };
}
