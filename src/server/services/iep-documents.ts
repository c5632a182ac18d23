import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { IepDocument, PlanFromDocumentInput, PlanFromDocumentResult } from '../../api/iep-documents.ts';
import { apiError, apiWords } from '../../domain/api-errors.ts';
import { IEP_DOCUMENT_TYPES } from '../../domain/attachment-types.ts';
import { AppError, parseOrThrow } from '../../domain/errors.ts';
import { refusal } from '../../domain/reader-refusals.ts';
import { requireChild } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import {
  deleteExpiredIepDocuments,
  deleteIepDocument,
  draftOf,
  iepDocumentBytes,
  iepDocumentsOfChild,
  insertIepDocument,
  requireIepDocument,
  updateIepDocument,
} from '../../store/iep-documents.repository.ts';
import type { IepDocumentRow } from '../../store/schema.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import { actorLabel, type Clock, type ServiceContext } from '../context.ts';
import type { JobHandler, JobQueue } from '../jobs/jobs.ts';
import { checkFile, insertAttachment, prepareAttachment, storedIn } from './attachments.ts';
import { DocumentNotRead, type IepReadLimits, readIepInChildProcess } from './iep-reading.ts';
import { recordVersionSource, versionRows } from './plan-first-version.ts';
import { writeRecord } from './records.ts';
import { RESOURCES } from './resources.ts';

// Starting from the IEP document (issue 16). The upload is checked like every file, kept apart from
// the record (not in the journal, not in the report) for 7 days, and read by a job in a child process
// with memory and time limits. The parent reviews the draft; "Save the plan" writes the plan, the
// items the parent kept (each checked as if added by hand, each journaled) and the document itself as
// the plan's evidence (an attachment, whose journal entry names the file and its SHA-256), all in one
// transaction, and then the pending upload is gone.

type IepDocumentView = z.infer<typeof IepDocument>;

export const READ_IEP_DOCUMENT_JOB = 'read-iep-document';

/** How long a document waits for its plan to be saved before it is removed. */
export const IEP_DOCUMENT_KEPT_DAYS = 7;

function view(row: IepDocumentRow): IepDocumentView {
  return {
    id: row.id,
    householdId: row.household_id,
    childId: row.child_id,
    filename: row.filename,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    status: row.status as IepDocumentView['status'],
    draft: draftOf(row),
    error: row.error,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/** Take the file, hold it, and start reading it (202: follow it at GET iep-documents/:id). */
export async function receiveIepDocument(
  store: Store,
  jobs: JobQueue,
  ctx: ServiceContext,
  childId: string,
  file: { filename: string; bytes: Buffer; maxBytes: number },
): Promise<IepDocumentView> {
  await requireChild(store.db, ctx.householdId, childId);
  // A photo's header is read: a damaged one, or one over the size limit, is refused now, not in the job.
  const checked = await checkFile(file.bytes, file.filename, file.maxBytes, 'header');
  if (!IEP_DOCUMENT_TYPES.includes(checked.type)) {
    const { message, words } = apiWords('document.notPlanFile', { filename: checked.filename });
    throw new AppError('unsupported_media_type', message, [{ path: 'file', message }], words);
  }
  const now = ctx.clock.now();
  const row: IepDocumentRow = {
    id: ctx.newId(),
    household_id: ctx.householdId,
    child_id: childId,
    filename: checked.filename,
    media_type: checked.type.mediaType,
    size: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    status: 'reading',
    draft: null,
    error: null,
    created_by: actorLabel(ctx.actor),
    created_at: now,
    updated_at: now,
    expires_at: new Date(Date.parse(now) + IEP_DOCUMENT_KEPT_DAYS * 86_400_000).toISOString(),
  };
  await inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    await requireChild(trx, ctx.householdId, childId);
    await insertIepDocument(trx, row, file.bytes);
  });
  await jobs.enqueue(
    READ_IEP_DOCUMENT_JOB,
    { documentId: row.id },
    { householdId: ctx.householdId, requestedBy: actorLabel(ctx.actor) },
  );
  return view(row);
}

/** The job: read the file in a child process and keep the draft, or why it could not be read. */
export function readIepDocumentJob(
  store: Store,
  clock: Clock,
  limits?: IepReadLimits,
): JobHandler<{ documentId: string }> {
  return {
    name: READ_IEP_DOCUMENT_JOB,
    maxAttempts: 2,
    run: async (job) => {
      const householdId = job.householdId as string;
      const id = job.payload.documentId;
      const bytes = await iepDocumentBytes(store.db, householdId, id);
      let outcome: { status: 'read'; draft: string } | { status: 'failed'; error: string };
      try {
        const draft = await readIepInChildProcess(bytes, limits);
        outcome = { status: 'read', draft: JSON.stringify(draft) };
      } catch (error) {
        // The file itself cannot be read (a password, damage, too large): another attempt gives the
        // same answer. Anything else (the reader crashed) is retried, then recorded.
        if (!(error instanceof DocumentNotRead) && job.attempt < 2) throw error;
        outcome = {
          status: 'failed',
          error: error instanceof DocumentNotRead ? error.message : refusal('child.failed').message,
        };
      }
      await inHouseholdTransaction(store, householdId, async (trx) => {
        await requireIepDocument(trx, householdId, id);
        await updateIepDocument(trx, householdId, id, {
          ...(outcome.status === 'read'
            ? { status: 'read', draft: outcome.draft, error: null }
            : { status: 'failed', error: outcome.error }),
          updated_at: clock.now(),
        });
      });
      return { status: outcome.status };
    },
  };
}

export async function getIepDocument(
  store: Store,
  householdId: string,
  id: string,
): Promise<IepDocumentView> {
  return view(await requireIepDocument(store.db, householdId, id));
}

export async function listIepDocuments(
  store: Store,
  clock: Clock,
  householdId: string,
  childId: string,
): Promise<IepDocumentView[]> {
  await requireChild(store.db, householdId, childId);
  return (await iepDocumentsOfChild(store.db, householdId, childId, clock.now())).map(view);
}

export async function readIepDocumentFile(store: Store, householdId: string, id: string) {
  const row = await requireIepDocument(store.db, householdId, id);
  return { row: view(row), bytes: await iepDocumentBytes(store.db, householdId, id) };
}

export async function discardIepDocument(store: Store, householdId: string, id: string): Promise<void> {
  await inHouseholdTransaction(store, householdId, async (trx) => {
    await requireIepDocument(trx, householdId, id);
    await deleteIepDocument(trx, householdId, id);
  });
}

/** Every document past its 7 days, in every household (the hourly sweep). */
export async function sweepExpiredIepDocuments(store: Store, clock: Clock): Promise<number> {
  return store.db.transaction().execute((trx) => deleteExpiredIepDocuments(trx, clock.now()));
}

/**
 * A document read and ready to save as a plan or an amendment: its row, and its file checked and hashed
 * as an attachment, outside the transaction as every upload's is.
 */
export async function readyToSave(store: Store, ctx: ServiceContext, id: string, maxBytes: number) {
  const row = await requireIepDocument(store.db, ctx.householdId, id);
  if (row.status === 'reading') throw apiError('conflict', 'document.stillReading');
  const bytes = await iepDocumentBytes(store.db, ctx.householdId, id);
  const prepared = await prepareAttachment(
    { filename: row.filename, bytes, maxBytes: Math.max(maxBytes, bytes.length) },
    storedIn(store.db, ctx.householdId),
  );
  return { row, prepared };
}

/** "Save the plan": everything the parent kept, and the file as evidence, in one transaction. */
export async function savePlanFromDocument(
  store: Store,
  ctx: ServiceContext,
  id: string,
  input: z.output<typeof PlanFromDocumentInput>,
  maxBytes: number,
): Promise<z.output<typeof PlanFromDocumentResult>> {
  const { row, prepared } = await readyToSave(store, ctx, id, maxBytes);
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    await requireIepDocument(trx, ctx.householdId, id);
    await requireChild(trx, ctx.householdId, row.child_id);
    const file = await insertAttachment(trx, ctx, prepared);
    const parse = (def: (typeof RESOURCES)[keyof typeof RESOURCES], body: unknown, place: string) =>
      parseOrThrow(def.input, body, place) as Record<string, unknown>;
    const plan = await writeRecord(
      trx,
      ctx,
      RESOURCES.plan,
      parse(RESOURCES.plan, { ...input.plan, childId: row.child_id }, 'plan'),
    );
    const under = (key: 'planId' | 'childId', value: string) => (item: object) => ({ ...item, [key]: value });
    const lists = [
      ['services', RESOURCES.service, input.services.map(under('planId', plan.id))],
      ['accommodations', RESOURCES.accommodation, input.accommodations.map(under('planId', plan.id))],
      ['goals', RESOURCES.goal, input.goals.map(under('planId', plan.id))],
      ['behaviorSteps', RESOURCES.behaviorStep, input.behaviorSteps.map(under('planId', plan.id))],
      ['keyDates', RESOURCES.keyDate, input.keyDates.map(under('planId', plan.id))],
      ['team', RESOURCES.teamContact, input.team.map(under('childId', row.child_id))],
    ] as const;
    for (const [place, def, list] of lists) {
      for (const [i, item] of list.entries()) {
        // biome-ignore lint/suspicious/noExplicitAny: one loop over six record types
        await writeRecord(trx, ctx, def as any, parse(def, item, `${place}.${i}`)).catch((error: unknown) => {
          throw withPlace(error, `${place}.${i}`);
        });
      }
    }
    // Version 1 is the plan as signed: it names the document it was read from.
    const [first] = await versionRows(trx, ctx.householdId, plan.id);
    if (first) await recordVersionSource(trx, ctx, first, file.attachment.id);
    await deleteIepDocument(trx, ctx.householdId, id);
    return {
      planId: plan.id,
      attachmentId: file.attachment.id,
      saved: {
        services: input.services.length,
        accommodations: input.accommodations.length,
        goals: input.goals.length,
        keyDates: input.keyDates.length,
        team: input.team.length,
        behaviorSteps: input.behaviorSteps.length,
      },
    };
  });
}

/** The same error, its fields named by their place in the plan ("services.3.startDate"). */
export function withPlace(error: unknown, place: string): unknown {
  if (!(error instanceof AppError) || !error.fields) return error;
  const fields = error.fields.map((f) => ({ ...f, path: `${place}.${f.path}` }));
  // Said to a reader of another language as the error itself (its fields name the place).
  return new AppError(error.code, `${place}: ${error.message}`, fields, error.words);
}
