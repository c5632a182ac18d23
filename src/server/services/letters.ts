import { z } from 'zod';
import type { CaseRecord } from '../../domain/case-record.ts';
import { IdSchema, IsoDateSchema, NonEmptyText } from '../../domain/common.ts';
import {
  draftLetter,
  type Letter,
  type LetterRequest,
  LetterUnavailableError,
  toEml,
} from '../../domain/letters.ts';
import { checkTone } from '../../domain/tone.ts';
import type { Store } from '../../store/database.ts';
import { appendJournal } from '../../store/journal.repository.ts';
import type { LetterRow } from '../../store/schema.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { gatherCaseRecord } from './case-record.ts';
import { timelinesFor } from './jurisdiction-timelines.ts';
import { parseOrThrow, writeRecord } from './records.ts';
import { RESOURCES } from './resources.ts';

// Letters drafted from the record: the parent picks a kind, As Written writes it from the facts
// (the plan's own words, dates and counts from the ledger and the observations), the parent edits
// it (every edit is checked for tone), then copies it, downloads it as .eml or opens it in their mail
// app; marking it sent logs it in the communication log and starts the reply clock.

const Id = IdSchema;
export const LetterRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('specific_concern'), accommodationId: Id.optional(), serviceId: Id.optional() })
    .refine((r) => (r.accommodationId == null) !== (r.serviceId == null), {
      message: 'name either an accommodation or a service',
      path: ['accommodationId'],
    }),
  z.object({ kind: z.literal('check_in'), period: z.enum(['weekly', 'mid_term']).optional() }),
  z.object({
    kind: z.literal('follow_up_unanswered'),
    communicationId: Id,
    copy: z.enum(['principal', 'director']).optional(),
  }),
  z.object({ kind: z.literal('follow_up_verbal'), communicationId: Id }),
  z.object({ kind: z.literal('thank_you'), noteId: Id.optional(), contactId: Id.optional() }),
  z.object({
    kind: z.literal('request_service_logs'),
    serviceId: Id,
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
  }),
  z.object({
    kind: z.literal('request_iep_meeting'),
    reasons: z.array(NonEmptyText(1000)).max(10).optional(),
  }),
  z.object({ kind: z.literal('request_records') }),
  z.object({
    kind: z.literal('request_prior_written_notice'),
    decision: NonEmptyText(1000),
    decidedOn: IsoDateSchema.optional(),
    communicationId: Id.optional(),
  }),
  z.object({
    kind: z.literal('escalation'),
    to: z.enum(['principal', 'director', 'superintendent', 'board']),
    serviceId: Id.optional(),
    accommodationId: Id.optional(),
  }),
  z.object({ kind: z.literal('state_complaint') }),
  z.object({ kind: z.literal('ocr_complaint_outline') }),
]);

export const DraftLetterInput = z.object({
  request: LetterRequestSchema,
  /** The day the letter is written for (defaults to today). */
  asOf: IsoDateSchema.optional(),
});

const Recipient = z.object({
  name: z.string().trim().min(1).max(300),
  email: z.string().trim().email().nullable(),
});

const ToneFlagSchema = z.object({
  start: z.number(),
  end: z.number(),
  phrase: z.string(),
  rule: z.string(),
  why: z.string(),
  suggestion: z.string(),
});

export const LetterRecord = z
  .object({
    id: Id,
    householdId: Id,
    childId: Id,
    kind: z.string(),
    status: z.enum(['draft', 'sent']),
    subject: z.string(),
    to: z.array(Recipient),
    cc: z.array(Recipient),
    body: z.string(),
    entryIds: z.array(z.string()),
    placeholders: z.array(z.string()),
    notes: z.array(z.string()),
    /** What the tone check flags in the subject and body now (positions are in the body). */
    toneFlags: z.array(ToneFlagSchema),
    communicationId: Id.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Letter' });
export type LetterRecord = z.infer<typeof LetterRecord>;

export const LetterPatch = z
  .object({
    subject: NonEmptyText(500),
    body: NonEmptyText(50000),
    to: z.array(Recipient).max(20),
    cc: z.array(Recipient).max(20),
  })
  .partial()
  .strict();

export const MarkSentInput = z.object({
  date: IsoDateSchema.optional(),
  /** How it went: by email, or printed or handed over as a letter. */
  kind: z.enum(['email', 'letter']).default('email'),
});

const FORMAL_KINDS = new Set(['state_complaint', 'ocr_complaint_outline']);

export function toLetterRecord(row: LetterRow): LetterRecord {
  const recipients = JSON.parse(row.recipients) as { to: LetterRecord['to']; cc: LetterRecord['cc'] };
  const guidance = JSON.parse(row.guidance) as { placeholders: string[]; notes: string[] };
  return {
    id: row.id,
    householdId: row.household_id,
    childId: row.child_id,
    kind: row.kind,
    status: row.status as 'draft' | 'sent',
    subject: row.subject,
    to: recipients.to,
    cc: recipients.cc,
    body: row.body,
    entryIds: JSON.parse(row.entry_ids) as string[],
    placeholders: guidance.placeholders,
    notes: guidance.notes,
    toneFlags: checkTone(row.body, { formal: FORMAL_KINDS.has(row.kind) }),
    communicationId: row.communication_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The letter builders throw for a letter the plan cannot have, or an id the record does not hold. */
function draftOrExplain(record: CaseRecord, request: LetterRequest): Letter {
  try {
    return draftLetter(record, request);
  } catch (error) {
    if (error instanceof LetterUnavailableError) throw invalid('request.kind', error.message);
    if (error instanceof RangeError) throw invalid('request', error.message);
    throw error;
  }
}

export async function draftLetterForChild(
  store: Store,
  ctx: ServiceContext,
  childId: string,
  body: unknown,
  parent: { name: string; email: string | null },
): Promise<LetterRecord> {
  const input = parseOrThrow(DraftLetterInput, body);
  const asOf = input.asOf ?? ctx.clock.today();
  const record = await gatherCaseRecord(store, ctx.householdId, childId, asOf, parent);
  const request = { ...input.request } as LetterRequest;
  const timelines = record.plan ? timelinesFor(record.plan) : {};
  if (request.kind === 'request_iep_meeting' && timelines.meeting) request.timeline = timelines.meeting;
  if (request.kind === 'request_records' && timelines.records) request.timeline = timelines.records;
  const letter = draftOrExplain(record, request);
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const at = ctx.clock.now();
    const row: LetterRow = {
      id: ctx.newId(),
      household_id: ctx.householdId,
      child_id: childId,
      kind: letter.kind,
      status: 'draft',
      subject: letter.subject,
      recipients: JSON.stringify({ to: letter.to, cc: letter.cc }),
      body: letter.body,
      entry_ids: JSON.stringify(letter.facts.entryIds),
      guidance: JSON.stringify({ placeholders: letter.placeholders, notes: letter.notes }),
      request: JSON.stringify(input.request),
      communication_id: null,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('letter').values(row).execute();
    const saved = toLetterRecord(row);
    const { toneFlags: _flags, ...letterData } = saved;
    await appendJournal(trx, {
      id: ctx.newId(),
      householdId: ctx.householdId,
      actor: actorLabel(ctx.actor),
      action: 'create',
      entity: 'letter',
      entityId: row.id,
      // What it was drafted for too, so that verify can replay the whole row (docs/paper-trail.md).
      data: { ...letterData, request: input.request },
      at,
    });
    return saved;
  });
}

async function findLetter(store: Store, householdId: string, id: string): Promise<LetterRow> {
  const row = await store.db
    .selectFrom('letter')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Letter', id);
  return row;
}

export async function getLetter(store: Store, householdId: string, id: string): Promise<LetterRecord> {
  return toLetterRecord(await findLetter(store, householdId, id));
}

export async function listLetters(
  store: Store,
  householdId: string,
  childId?: string,
): Promise<LetterRecord[]> {
  let q = store.db.selectFrom('letter').selectAll().where('household_id', '=', householdId);
  if (childId) q = q.where('child_id', '=', childId);
  return (await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute()).map(toLetterRecord);
}

export async function updateLetter(store: Store, ctx: ServiceContext, id: string, body: unknown) {
  const patch = parseOrThrow(LetterPatch, body);
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const row = await trx
      .selectFrom('letter')
      .selectAll()
      .where('household_id', '=', ctx.householdId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('Letter', id);
    if (row.status === 'sent')
      throw new AppError('conflict', 'This letter was sent; it can no longer change');
    const before = toLetterRecord(row);
    const at = ctx.clock.now();
    const next: LetterRow = {
      ...row,
      subject: patch.subject ?? row.subject,
      body: patch.body ?? row.body,
      recipients: JSON.stringify({ to: patch.to ?? before.to, cc: patch.cc ?? before.cc }),
      updated_at: at,
    };
    await trx
      .updateTable('letter')
      .set({ subject: next.subject, body: next.body, recipients: next.recipients, updated_at: at })
      .where('household_id', '=', ctx.householdId)
      .where('id', '=', id)
      .execute();
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(patch) as (keyof typeof patch)[]) {
      changed[key] = { from: before[key], to: patch[key] };
    }
    await appendJournal(trx, {
      id: ctx.newId(),
      householdId: ctx.householdId,
      actor: actorLabel(ctx.actor),
      action: 'update',
      entity: 'letter',
      entityId: id,
      data: { changed },
      at,
    });
    return toLetterRecord(next);
  });
}

/**
 * The parent sent it: log it as a sent message to the recipients who are team contacts (the reply
 * clock starts from the household's reply time), and keep the letter as it was sent.
 */
export async function markLetterSent(store: Store, ctx: ServiceContext, id: string, body: unknown) {
  const input = parseOrThrow(MarkSentInput, body);
  const date = input.date ?? ctx.clock.today();
  if (date > ctx.clock.today()) throw invalid('date', `is in the future (today is ${ctx.clock.today()})`);
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const row = await trx
      .selectFrom('letter')
      .selectAll()
      .where('household_id', '=', ctx.householdId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('Letter', id);
    if (row.status === 'sent') throw new AppError('conflict', 'This letter is already marked as sent');
    const letter = toLetterRecord(row);
    const contacts = await trx
      .selectFrom('team_contact')
      .select(['id', 'name', 'email'])
      .where('household_id', '=', ctx.householdId)
      .where('child_id', '=', row.child_id)
      .execute();
    const people = [...letter.to, ...letter.cc];
    // Each recipient is one team contact: by email address, else by name.
    const matched = people.map(
      (p) =>
        contacts.find((c) => p.email && c.email && p.email.toLowerCase() === c.email.toLowerCase()) ??
        contacts.find((c) => p.name.trim().toLowerCase() === c.name.trim().toLowerCase()) ??
        null,
    );
    const contactIds = [...new Set(matched.filter((c) => c !== null).map((c) => c.id))].slice(0, 20);
    const others = people.filter((_, i) => matched[i] === null).map((p) => p.name);
    // A follow-up joins the thread of the message it follows up; a call's summary points at the call.
    const request = JSON.parse(row.request) as { kind: string; communicationId?: string };
    const link =
      request.kind === 'follow_up_unanswered' && request.communicationId
        ? { inReplyToId: request.communicationId }
        : request.kind === 'follow_up_verbal' && request.communicationId
          ? { followsUpId: request.communicationId }
          : {};
    const def = RESOURCES.communication;
    const communication = await writeRecord(
      trx,
      ctx,
      def,
      parseOrThrow(def.input, {
        childId: row.child_id,
        kind: input.kind,
        direction: 'sent',
        date,
        contactIds,
        otherParties: others.length > 0 ? others.join(', ').slice(0, 500) : null,
        subject: letter.subject,
        summary: letter.body,
        ...link,
      }),
    );
    const at = ctx.clock.now();
    await trx
      .updateTable('letter')
      .set({ status: 'sent', communication_id: communication.id, updated_at: at })
      .where('household_id', '=', ctx.householdId)
      .where('id', '=', id)
      .execute();
    await appendJournal(trx, {
      id: ctx.newId(),
      householdId: ctx.householdId,
      actor: actorLabel(ctx.actor),
      action: 'update',
      entity: 'letter',
      entityId: id,
      data: {
        changed: {
          status: { from: 'draft', to: 'sent' },
          communicationId: { from: null, to: communication.id },
        },
      },
      at,
    });
    return {
      letter: { ...letter, status: 'sent' as const, communicationId: communication.id, updatedAt: at },
      communication,
    };
  });
}

export async function deleteLetterDraft(store: Store, ctx: ServiceContext, id: string): Promise<void> {
  await inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const row = await trx
      .selectFrom('letter')
      .selectAll()
      .where('household_id', '=', ctx.householdId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('Letter', id);
    if (row.status === 'sent')
      throw new AppError('conflict', 'A sent letter stays in the record; it cannot be deleted');
    await trx.deleteFrom('letter').where('household_id', '=', ctx.householdId).where('id', '=', id).execute();
    const { toneFlags: _flags, ...data } = toLetterRecord(row);
    await appendJournal(trx, {
      id: ctx.newId(),
      householdId: ctx.householdId,
      actor: actorLabel(ctx.actor),
      action: 'delete',
      entity: 'letter',
      entityId: id,
      data,
      at: ctx.clock.now(),
    });
  });
}

/** The letter as an .eml draft for the parent's mail program. */
export async function letterAsEml(
  store: Store,
  householdId: string,
  id: string,
  from: { name: string; email: string },
  instant: string,
): Promise<{ filename: string; text: string }> {
  const letter = await getLetter(store, householdId, id);
  const text = toEml(
    {
      kind: letter.kind as Letter['kind'],
      subject: letter.subject,
      to: letter.to,
      cc: letter.cc,
      body: letter.body,
      facts: { entryIds: letter.entryIds },
      placeholders: letter.placeholders,
      notes: letter.notes,
    },
    from,
    instant,
  );
  const slug =
    letter.subject
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'letter';
  return { filename: `${slug}.eml`, text };
}
