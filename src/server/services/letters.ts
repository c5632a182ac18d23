import { z } from 'zod';
import {
  DraftLetterInput,
  LetterPatch,
  type LetterRecord,
  LetterRequestSchema,
  type LetterVersion,
  LetterVersionQuery,
  MarkSentInput,
} from '../../api/letters.ts';
import type { CaseRecord } from '../../domain/case-record.ts';
import { formatLongDate } from '../../domain/dates.ts';
import {
  DEFAULT_DRAFT_LANGUAGE,
  type DraftLanguage,
  isDraftLanguage,
  LetterLanguageUnavailableError,
} from '../../domain/letters/draft-language.ts';
import {
  asksReplyBy,
  draftLetter,
  isFormalLetter,
  type Letter,
  type LetterAttachment,
  type LetterRequest,
  LetterRequestError,
  LetterUnavailableError,
  type PlaceholderSpot,
  replaceAttachmentSentence,
  replaceRespondBy,
  unfilledPlaceholders,
} from '../../domain/letters.ts';
import { textLanguage } from '../../domain/text-language.ts';
import { checkTone } from '../../domain/tone.ts';
import type { Store } from '../../store/database.ts';
import {
  deleteLetter,
  insertLetter,
  letterEntryIds,
  letterGuidance,
  letterRecipients,
  letterRequest,
  lettersQuery,
  requireLetter,
  setLetterSent,
  updateLetterDraft,
} from '../../store/letters.repository.ts';
import { type KeysetOrder, keysetPage, type Page, type PageRequest } from '../../store/pagination.ts';
import type { LetterRow } from '../../store/schema.ts';
import { teamOfChild } from '../../store/team-contacts.repository.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import type { ServiceContext } from '../context.ts';
import { apiError, invalid, parseOrThrow } from '../errors.ts';
import { gatherCaseRecord } from './case-record.ts';
import { journalChange } from './journal.ts';
import { timelinesFor } from './jurisdiction-timelines.ts';
import { writeRecord } from './records.ts';
import { RESOURCES } from './resources.ts';
import { markAskedInLetter, serviceLogDifferences } from './service-logs.ts';

// Letters drafted from the record: the parent picks a kind, As Written writes it from the facts
// (the plan's own words, dates and counts from the ledger and the observations), the parent edits
// it (every edit is checked for tone), then copies it, downloads it as .eml or opens it in their mail
// app; marking it sent logs it in the communication log and starts the reply clock.

/** What a questions letter about a service log was drafted for: the log and the lines it asks about. */
const QuestionsRequest = z.looseObject({ importId: z.string(), itemKeys: z.array(z.string()) });

export function toLetterRecord(row: LetterRow): LetterRecord {
  const recipients = letterRecipients(row);
  const guidance = letterGuidance(row);
  const unfilled: PlaceholderSpot[] =
    row.status === 'sent'
      ? []
      : unfilledPlaceholders({
          subject: row.subject,
          body: row.body,
          to: recipients.to,
          cc: recipients.cc,
          placeholders: guidance.placeholders,
        });
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
    entryIds: letterEntryIds(row),
    placeholders: guidance.placeholders,
    notes: guidance.notes,
    toneFlags: checkTone(row.body, { formal: isFormalLetter(row.kind), language: textLanguage(row.body) }),
    unfilled,
    respondBy: row.respond_by,
    attachment: row.attachment as LetterAttachment,
    language: letterLanguageOf(row),
    communicationId: row.communication_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The language a letter was drafted in: kept with what it was drafted for (`request.draftLanguage`,
 * only when not English, so an English letter's request is what it always was).
 */
export function letterLanguageOf(row: Pick<LetterRow, 'request'>): DraftLanguage {
  const language = letterRequest(row).draftLanguage;
  return isDraftLanguage(language) ? language : DEFAULT_DRAFT_LANGUAGE;
}

/**
 * What a letter was drafted for, with the language it is written in as `draftLanguage`, only when not
 * English (an English letter's request is what it always was; `language` is the interpreter letter's own).
 */
function withLanguage<R extends object>(request: R, language: DraftLanguage): Omit<R, 'draftLanguage'> {
  const { draftLanguage: _before, ...rest } = request as R & { draftLanguage?: unknown };
  return language === DEFAULT_DRAFT_LANGUAGE ? rest : { ...rest, draftLanguage: language };
}

/**
 * The letter as the journal keeps it: without what is derived when read (tone flags, unfilled gaps,
 * the language, which the journal keeps with the request).
 */
function journaled(letter: LetterRecord): Omit<LetterRecord, 'toneFlags' | 'unfilled' | 'language'> {
  const { toneFlags: _flags, unfilled: _unfilled, language: _language, ...data } = letter;
  return data;
}

const FIELD_WORDS: Record<string, string> = { subject: 'the subject', body: 'the letter' };

/** "the letter", "the subject", "the name of recipient 1", "the name of the person copied 2". */
function whereWords(field: string): string {
  const [list, index] = field.split('.');
  if (list === 'to') return `the name of recipient ${Number(index) + 1}`;
  if (list === 'cc') return `the name of copied person ${Number(index) + 1}`;
  return FIELD_WORDS[field] ?? field;
}

/** The same place as values of the catalog's `apierror.letter.unfilled` (`where` chooses the words). */
function whereValues(field: string): { where: string; number: string; field: string } {
  const [list, index] = field.split('.');
  const where = list === 'to' || list === 'cc' ? list : field;
  return { where, number: String(Number(index) + 1), field };
}

/**
 * Refuses to send (or to write an .eml of) a letter that still holds a gap the draft left: it would go to
 * the school with "[days and times that work for you]" in it. Names each gap and where it is.
 */
export function refuseUnfilled(letter: Pick<LetterRecord, 'unfilled'>): void {
  const first = letter.unfilled[0];
  if (!first) return;
  const fields = letter.unfilled.map((spot) => ({
    path: spot.field,
    message: `"${spot.placeholder}" is still in ${whereWords(spot.field)}: fill it in or remove it before sending`,
  }));
  const others = letter.unfilled.length - 1;
  throw apiError(
    'validation_failed',
    'letter.unfilled',
    { placeholder: first.placeholder, ...whereValues(first.field), others },
    fields,
  );
}

/** The request with the jurisdiction's timelines the letter states (a meeting's, the records'). */
export function withTimelines(record: CaseRecord, request: LetterRequest): LetterRequest {
  const out = { ...request };
  const timelines = record.plan ? timelinesFor(record.plan) : {};
  if (out.kind === 'request_iep_meeting' && timelines.meeting) out.timeline = timelines.meeting;
  if (out.kind === 'request_records' && timelines.records) out.timeline = timelines.records;
  return out;
}

/**
 * The letter builders throw for a letter the plan cannot have, a kind not yet drafted in the language
 * asked for, or an id the record does not hold.
 */
function draftOrExplain(record: CaseRecord, request: LetterRequest, language: DraftLanguage): Letter {
  try {
    return draftLetter(record, request, language);
  } catch (error) {
    if (error instanceof LetterUnavailableError) throw invalid('request.kind', error.message, error.words);
    if (error instanceof LetterLanguageUnavailableError)
      throw invalid('language', error.message, error.words);
    if (error instanceof LetterRequestError) throw invalid('request', error.message, error.words);
    if (error instanceof RangeError) throw invalid('request', error.message);
    throw error;
  }
}

/** What the drafter is asked for: the API's request, with a questions letter's differences read from its log. */
async function letterRequestFor(
  store: Store,
  householdId: string,
  childId: string,
  request: z.infer<typeof DraftLetterInput>['request'],
): Promise<LetterRequest> {
  if (request.kind !== 'service_log_questions') return request as LetterRequest;
  return {
    kind: 'service_log_questions',
    ...(request.respondBy ? { respondBy: request.respondBy } : {}),
    differences: await serviceLogDifferences(
      store.db,
      householdId,
      childId,
      request.importId,
      request.itemKeys,
    ),
  };
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
  const asked = 'respondBy' in input.request ? input.request.respondBy : undefined;
  if (asked != null && asked <= asOf) {
    throw invalid(
      'request.respondBy',
      `must be after the day the letter is written (${formatLongDate(asOf, true)})`,
      { rule: 'letter.replyByAfterWritten', values: { date: asOf } },
    );
  }
  if (input.request.kind === 'request_language_access' && input.request.meetingDate != null) {
    if (input.request.meetingDate < asOf) {
      throw invalid(
        'request.meetingDate',
        `must not be before the day the letter is written (${formatLongDate(asOf, true)})`,
        { rule: 'letter.meetingBeforeWritten', values: { date: asOf } },
      );
    }
  }
  const record = await gatherCaseRecord(store, ctx.householdId, childId, asOf, parent);
  const request = await letterRequestFor(store, ctx.householdId, childId, input.request);
  const letter = draftOrExplain(record, withTimelines(record, request), input.language);
  // The language is kept with what the letter was drafted for (an English letter's request as it always was).
  const kept = withLanguage(input.request, input.language);
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
      request: JSON.stringify(kept),
      communication_id: null,
      respond_by: letter.respondBy,
      attachment: letter.attachment,
      created_at: at,
      updated_at: at,
    };
    await insertLetter(trx, row);
    const saved = toLetterRecord(row);
    const letterData = journaled(saved);
    await journalChange(trx, ctx, {
      action: 'create',
      entity: 'letter',
      entityId: row.id,
      // What it was drafted for too, so that verify can replay the whole row (docs/paper-trail.md).
      data: { ...letterData, request: kept },
      at,
    });
    return saved;
  });
}

const findLetter = requireLetter;

export async function getLetter(store: Store, householdId: string, id: string): Promise<LetterRecord> {
  return toLetterRecord(await findLetter(store.db, householdId, id));
}

/**
 * A letter drafted again in another language (issue 17: a parent reading Spanish sees the English the
 * school would read, or the reverse): from what it was drafted for, the day it was drafted and the reply
 * date it asks now, against the record as it is now. The parent's own edits are not in it (no text is
 * machine-translated); the page says so.
 */
export async function letterInLanguage(
  store: Store,
  ctx: ServiceContext,
  id: string,
  query: unknown,
  parent: { name: string; email: string | null },
): Promise<z.infer<typeof LetterVersion>> {
  const { language } = parseOrThrow(LetterVersionQuery, query);
  const row = await findLetter(store.db, ctx.householdId, id);
  const { draftLanguage: _drafted, ...stored } = letterRequest(row);
  const asked = LetterRequestSchema.safeParse(stored);
  if (!asked.success) throw apiError('conflict', 'letter.requestUnreadable');
  const asOf = row.created_at.slice(0, 10);
  const record = await gatherCaseRecord(store, ctx.householdId, row.child_id, asOf, parent);
  let request = await letterRequestFor(store, ctx.householdId, row.child_id, asked.data);
  if (row.respond_by != null && row.respond_by > asOf)
    request = { ...request, respondBy: row.respond_by } as LetterRequest;
  const letter = draftOrExplain(record, withTimelines(record, request), language);
  return { language, subject: letter.subject, body: letter.body, notes: letter.notes };
}

export async function listLetters(
  store: Store,
  householdId: string,
  childId: string | undefined,
  page: PageRequest,
): Promise<Page<LetterRecord>> {
  const result = await keysetPage(lettersQuery(store.db, householdId, childId), LETTER_ORDER, page);
  return { rows: result.rows.map(toLetterRecord), nextCursor: result.nextCursor };
}

/** The letter list's order, which its cursors follow: newest first. */
const LETTER_ORDER: KeysetOrder = { list: 'letters', columns: ['created_at', 'id'], direction: 'desc' };

export async function updateLetter(store: Store, ctx: ServiceContext, id: string, body: unknown) {
  const patch = parseOrThrow(LetterPatch, body);
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const row = await findLetter(trx, ctx.householdId, id);
    if (row.status === 'sent') throw apiError('conflict', 'letter.sentNoChange');
    const before = toLetterRecord(row);
    const at = ctx.clock.now();
    const today = ctx.clock.today();
    let body = patch.body ?? row.body;
    // A new reply date changes the sentence that asks for it, so the letter and the reply clock agree.
    if (patch.respondBy !== undefined && patch.respondBy !== row.respond_by) {
      if (!row.respond_by)
        throw invalid('respondBy', 'this letter does not ask for a reply by a date', {
          rule: 'letter.noReplyBy',
        });
      if (patch.respondBy <= today) {
        throw invalid('respondBy', `must be after today (${formatLongDate(today, true)})`, {
          rule: 'letter.replyByAfterToday',
          values: { today },
        });
      }
      // The editor sends the text with the new date already in it; otherwise the old date is swapped.
      const swapped = asksReplyBy(body, patch.respondBy, before.language)
        ? body
        : replaceRespondBy(body, row.respond_by, patch.respondBy, today, before.language);
      if (swapped == null) {
        throw invalid(
          'respondBy',
          `the letter no longer asks for a reply by ${formatLongDate(row.respond_by)}: change the date in its text`,
          { rule: 'letter.replyByNotInText', values: { date: row.respond_by } },
        );
      }
      body = swapped;
    }
    if (patch.attachment !== undefined) {
      body = replaceAttachmentSentence(
        body,
        row.attachment as LetterAttachment,
        patch.attachment,
        before.language,
      );
    }
    // The language is kept with what the letter was drafted for (the journal's `request`).
    const request = row.request;
    const nextRequest =
      patch.language === undefined || patch.language === before.language
        ? request
        : JSON.stringify(withLanguage(letterRequest(row), patch.language));
    const next: LetterRow = {
      ...row,
      subject: patch.subject ?? row.subject,
      body,
      recipients: JSON.stringify({ to: patch.to ?? before.to, cc: patch.cc ?? before.cc }),
      respond_by: patch.respondBy ?? row.respond_by,
      attachment: patch.attachment ?? row.attachment,
      request: nextRequest,
      updated_at: at,
    };
    await updateLetterDraft(trx, ctx.householdId, id, {
      subject: next.subject,
      body: next.body,
      recipients: next.recipients,
      respond_by: next.respond_by,
      attachment: next.attachment,
      request: next.request,
      updated_at: at,
    });
    const after = toLetterRecord(next);
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of [
      ...Object.keys(patch),
      ...(body === row.body ? [] : ['body']),
    ] as (keyof typeof patch)[]) {
      if (key === 'language') continue;
      changed[key] = { from: before[key], to: after[key] };
    }
    if (nextRequest !== request) changed.request = { from: JSON.parse(request), to: JSON.parse(nextRequest) };
    await journalChange(trx, ctx, {
      action: 'update',
      entity: 'letter',
      entityId: id,
      data: { changed },
      at,
    });
    return after;
  });
}

/**
 * The parent sent it: log it as a sent message to the recipients who are team contacts (the reply
 * clock starts from the household's reply time), and keep the letter as it was sent.
 */
export async function markLetterSent(store: Store, ctx: ServiceContext, id: string, body: unknown) {
  const input = parseOrThrow(MarkSentInput, body);
  const date = input.date ?? ctx.clock.today();
  if (date > ctx.clock.today())
    throw invalid('date', `is in the future (today is ${ctx.clock.today()})`, {
      rule: 'date.future',
      values: { today: ctx.clock.today() },
    });
  if (input.schoolReceivedOn && input.schoolReceivedOn > ctx.clock.today())
    throw invalid('schoolReceivedOn', `is in the future (today is ${ctx.clock.today()})`, {
      rule: 'date.future',
      values: { today: ctx.clock.today() },
    });
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const row = await findLetter(trx, ctx.householdId, id);
    if (row.status === 'sent') throw apiError('conflict', 'letter.alreadySent');
    const letter = toLetterRecord(row);
    refuseUnfilled(letter);
    // The reply clock starts from the date the letter asks for, when the letter still asks for it.
    const asked =
      letter.respondBy && asksReplyBy(letter.body, letter.respondBy, letter.language)
        ? letter.respondBy
        : null;
    if (asked != null && asked <= date) {
      throw invalid(
        'respondBy',
        `the letter asks for a reply by ${formatLongDate(asked, true)}, which is not after the day it was sent (${formatLongDate(date, true)}): change the date first`,
        { rule: 'letter.replyByNotAfterSent', values: { replyBy: asked, sent: date } },
      );
    }
    const contacts = await teamOfChild(trx, ctx.householdId, row.child_id);
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
    const request = letterRequest(row);
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
        ...(asked != null ? { replyExpectedBy: asked } : {}),
        ...(input.schoolReceivedOn ? { schoolReceivedOn: input.schoolReceivedOn } : {}),
        ...link,
      }),
    );
    const at = ctx.clock.now();
    await setLetterSent(trx, ctx.householdId, id, communication.id, at);
    // The differences a questions letter asked about are marked so on the log's page.
    if (request.kind === 'service_log_questions') {
      const asked = QuestionsRequest.parse(request);
      await markAskedInLetter(trx, ctx, asked.importId, asked.itemKeys, date);
    }
    await journalChange(trx, ctx, {
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
      letter: {
        ...letter,
        status: 'sent' as const,
        unfilled: [],
        communicationId: communication.id,
        updatedAt: at,
      },
      communication,
    };
  });
}

export async function deleteLetterDraft(store: Store, ctx: ServiceContext, id: string): Promise<void> {
  await inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const row = await findLetter(trx, ctx.householdId, id);
    if (row.status === 'sent') throw apiError('conflict', 'letter.sentNoDelete');
    await deleteLetter(trx, ctx.householdId, id);
    const data = journaled(toLetterRecord(row));
    await journalChange(trx, ctx, {
      action: 'delete',
      entity: 'letter',
      entityId: id,
      data,
      at: ctx.clock.now(),
    });
  });
}
