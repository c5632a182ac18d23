import type { z } from 'zod';
import type {
  DistrictCalendar,
  DistrictCalendarInput,
  DistrictChangeDecision,
} from '../../api/district-calendars.ts';
import { type ApiErrorKey, apiWords, apiWordsOf, sayApiWords, wordsValue } from '../../domain/api-errors.ts';
import { draftCalendarEvents } from '../../domain/calendar-import-draft.ts';
import { pendingReasonWords } from '../../domain/calendar-pending-words.ts';
import {
  type AddedDistrictDay,
  compareDistrictCalendar,
  type PendingDistrictChange,
  RECENT_MAX,
} from '../../domain/calendar-subscription.ts';
import { AppError, invalid, type MessageWords } from '../../domain/errors.ts';
import type { Translator } from '../../domain/i18n/translate.ts';
import { type IcsCalendar, IcsFileError, readIcsFile } from '../../importers/ics.ts';
import { calendarEventExists } from '../../store/calendars.repository.ts';
import { requireChild } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import {
  type DistrictCalendarState,
  deleteDistrictCalendar,
  districtCalendarsDue,
  insertDistrictCalendar,
  listDistrictCalendarRows,
  readDistrictCalendar,
  requireDistrictCalendar,
  updateDistrictCalendar,
} from '../../store/district-calendars.repository.ts';
import type { Db } from '../../store/repository.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import { actorLabel, type Clock, idSource, type ServiceContext } from '../context.ts';
import { type FetchPolicy, FetchRefused, guardedFetch } from '../fetch/guarded-fetch.ts';
import { writeRecord, writeUpdate } from './records.ts';
import { RESOURCES } from './resources.ts';
import { loadCalendars } from './school-calendars.ts';

// A district calendar read from its address (issue 16): subscribing reads it once (nothing is added
// on its own: the days off it finds wait for the parent, as an .ics file's review does); the daily job
// reads it again and adds new days off ahead (src/domain/calendar-subscription.ts says which), each a
// calendar day saved through the record service with its journal entry, the subscription named as
// who added it; the parent confirms or dismisses the rest. Reading the address runs before any
// transaction, under the fetch guard; a read that fails is recorded on the subscription with its reason.

type DistrictCalendarView = z.infer<typeof DistrictCalendar>;

function view(state: DistrictCalendarState): DistrictCalendarView {
  const { row } = state;
  return {
    id: row.id,
    householdId: row.household_id,
    childId: row.child_id,
    address: row.address,
    name: row.name,
    lastStatus: row.last_status as DistrictCalendarView['lastStatus'],
    lastError: row.last_error,
    lastReadAt: row.last_read_at,
    // Each change with its reason's words (found back from the English kept), for the page to say.
    pending: state.pending.map((change) => {
      const words = pendingReasonWords(change.reason);
      return words ? { ...change, words } : change;
    }),
    recent: state.recent,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Why the address was not read, as it follows "The calendar address": its English and its words. */
type Failure = { message: string; words: MessageWords };

export function addressRefused(failure: Failure): AppError {
  const { message, words } = apiWords('feed.refused', {
    reason: failure.message,
    reasonWords: wordsValue(failure.words),
  });
  // The field says the reason alone (said in the reader's language as the message quotes it).
  return new AppError('validation_failed', message, [{ path: 'address', message: failure.message }], words);
}

/** Read the address and its calendar; a failure is a FetchRefused or IcsFileError with the reason. */
async function readFeed(address: string, policy: FetchPolicy): Promise<IcsCalendar> {
  const fetched = await guardedFetch(address, policy);
  return readIcsFile(fetched.bytes);
}

export function failureWords(error: unknown): Failure | null {
  if (error instanceof FetchRefused) return { message: error.message, words: error.words };
  if (error instanceof IcsFileError) {
    if (!error.message.startsWith('is ')) return { message: error.message, words: error.words };
    // "is empty" read from the address: "answered with something that is empty".
    return apiWords('fetch.answeredWith', { reason: error.message, reasonWords: wordsValue(error.words) });
  }
  return null;
}

/** The keys a failed read's reason is written from (it follows "The calendar address"), most specific first. */
const FAILURE_KEYS = [
  'fetch.answeredWith',
  'fetch.tooLargeDeclared',
  'fetch.tooLarge',
  'fetch.notAddress',
  'fetch.scheme',
  'fetch.credentials',
  'fetch.notFound',
  'fetch.private',
  'fetch.timeout',
  'fetch.unreachableCode',
  'fetch.unreachable',
  'fetch.redirects',
  'fetch.badRedirect',
  'fetch.status',
  'icsFile.tooLarge',
  'icsFile.empty',
  'icsFile.notIcs',
  'icsFile.cutShort',
  'icsFile.damaged',
  'icsFile.noEvents',
  'icsFile.tooManyEvents',
  'icsFile.repeatsTooMuch',
] as const satisfies readonly ApiErrorKey[];

/** What the calendar reader said of what the address answered with ("is empty"). */
const ICS_KEYS = FAILURE_KEYS.filter((key) => key.startsWith('icsFile.'));

/**
 * The words of a failed read's reason, found back from its English as the subscription keeps it (a
 * reason stored before words were kept too): null when it is none the fetcher or the calendar reader
 * writes.
 */
export function failureWordsOf(reason: string): MessageWords | null {
  const words = apiWordsOf(FAILURE_KEYS, reason);
  if (words?.key !== 'apierror.fetch.answeredWith') return words;
  // "answered with something that is empty": the calendar reader's reason, quoted with its words.
  const quoted = apiWordsOf(ICS_KEYS, String(words.values?.reason));
  return quoted ? { ...words, values: { ...words.values, reasonWords: wordsValue(quoted) } } : null;
}

/**
 * A subscription as its reader reads it: why the last read failed in the reader's language (its
 * words found back from the English the subscription keeps); an English reader gets it as stored.
 */
export function districtCalendarForReader(
  feed: DistrictCalendarView,
  translator: Translator,
): DistrictCalendarView {
  if (translator.language === 'en' || !feed.lastError) return feed;
  const words = failureWordsOf(feed.lastError);
  return words && translator.has(words.key) ? { ...feed, lastError: sayApiWords(words, translator) } : feed;
}

export async function listDistrictCalendars(
  store: Store,
  householdId: string,
  childId: string,
): Promise<DistrictCalendarView[]> {
  await requireChild(store.db, householdId, childId);
  const rows = await listDistrictCalendarRows(store.db, householdId, childId);
  return rows.map((row) => view(readDistrictCalendar(row)));
}

/** Subscribe: read the address once (a 400 naming `address` when it cannot be read; nothing saved). */
export async function subscribeDistrictCalendar(
  store: Store,
  ctx: ServiceContext,
  childId: string,
  input: z.output<typeof DistrictCalendarInput>,
  policy: FetchPolicy,
): Promise<DistrictCalendarView> {
  await requireChild(store.db, ctx.householdId, childId);
  const existing = await listDistrictCalendarRows(store.db, ctx.householdId, childId);
  if (existing.some((r) => r.address === input.address))
    throw invalid('address', 'is already read for this child', { rule: 'feed.alreadyRead' });
  let feed: IcsCalendar;
  try {
    feed = await readFeed(input.address, policy);
  } catch (error) {
    const words = failureWords(error);
    if (words) throw addressRefused(words);
    throw error;
  }
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    await requireChild(trx, ctx.householdId, childId);
    const calendars = await loadCalendars(trx, ctx.householdId, childId);
    const now = ctx.clock.now();
    const compared = compareDistrictCalendar({
      firstRead: true,
      known: [],
      pending: [],
      events: draftCalendarEvents(feed.events, calendars),
      today: ctx.clock.today(),
      now,
    });
    const row = {
      id: ctx.newId(),
      household_id: ctx.householdId,
      child_id: childId,
      address: input.address,
      name: feed.name?.slice(0, 200) ?? null,
      last_status: 'ok',
      last_error: null,
      last_read_at: now,
      known: JSON.stringify(compared.known),
      pending: JSON.stringify(compared.pending),
      recent: '[]',
      created_by: actorLabel(ctx.actor),
      created_at: now,
      updated_at: now,
    };
    await insertDistrictCalendar(trx, row);
    return view(readDistrictCalendar(row));
  });
}

/**
 * Read a subscription's address again: new days off ahead are added (journaled, the subscription named
 * as who added them), the rest waits for the parent. A failed read is recorded, not thrown.
 */
export async function refreshDistrictCalendar(
  store: Store,
  clock: Clock,
  policy: FetchPolicy,
  householdId: string,
  id: string,
): Promise<DistrictCalendarView> {
  const before = await requireDistrictCalendar(store.db, householdId, id);
  let feed: IcsCalendar | null = null;
  let failure: string | null = null;
  try {
    feed = await readFeed(before.address, policy);
  } catch (error) {
    failure = failureWords(error)?.message ?? null;
    if (!failure) throw error;
  }
  return inHouseholdTransaction(store, householdId, async (trx) => {
    const state = readDistrictCalendar(await requireDistrictCalendar(trx, householdId, id));
    const now = clock.now();
    if (!feed) {
      await updateDistrictCalendar(trx, householdId, id, {
        last_status: 'failed',
        last_error: failure,
        last_read_at: now,
        updated_at: now,
      });
      return view(readDistrictCalendar(await requireDistrictCalendar(trx, householdId, id)));
    }
    const calendars = await loadCalendars(trx, householdId, state.row.child_id);
    const compared = compareDistrictCalendar({
      firstRead: state.row.last_status === 'never',
      known: state.known,
      pending: state.pending,
      events: draftCalendarEvents(feed.events, calendars),
      today: clock.today(),
      now,
    });
    const ctx: ServiceContext = {
      householdId,
      actor: { kind: 'system', id: `district-calendar:${id}` },
      clock,
      newId: idSource(clock),
    };
    const added: AddedDistrictDay[] = [];
    const eventIds = new Map<string, string>();
    for (const day of compared.toAdd) {
      const saved = await writeRecord(trx, ctx, RESOURCES.calendarEvent, {
        calendarId: day.calendarId,
        kind: day.kind,
        startDate: day.startDate,
        endDate: day.endDate === day.startDate ? null : day.endDate,
        label: day.summary.slice(0, 200) || null,
      });
      eventIds.set(day.id, saved.id);
      added.push({
        startDate: day.startDate,
        endDate: day.endDate,
        kind: day.kind,
        summary: day.summary,
        eventId: saved.id,
        addedAt: now,
      });
    }
    const known = compared.known.map((k) =>
      eventIds.has(k.id) ? { ...k, eventId: eventIds.get(k.id)! } : k,
    );
    await updateDistrictCalendar(trx, householdId, id, {
      name: feed.name?.slice(0, 200) ?? state.row.name,
      last_status: 'ok',
      last_error: null,
      last_read_at: now,
      known: JSON.stringify(known),
      pending: JSON.stringify(compared.pending),
      recent: JSON.stringify([...state.recent, ...added].slice(-RECENT_MAX)),
      updated_at: now,
    });
    return view(readDistrictCalendar(await requireDistrictCalendar(trx, householdId, id)));
  });
}

/** Confirm or dismiss a waiting change; confirming adds the day, or moves the day the subscription added. */
export async function decideDistrictChange(
  store: Store,
  ctx: ServiceContext,
  id: string,
  decision: z.output<typeof DistrictChangeDecision>,
): Promise<DistrictCalendarView> {
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const state = readDistrictCalendar(await requireDistrictCalendar(trx, ctx.householdId, id));
    const change = state.pending.find((p) => p.id === decision.changeId);
    if (!change)
      throw invalid(
        'changeId',
        'is not a change waiting on this calendar (it may have been decided already)',
        { rule: 'feed.changeNotWaiting' },
      );
    let known = state.known;
    if (decision.action === 'apply') {
      const eventId = await applyChange(trx, ctx, change, decision.kind);
      known = known.map((k) => (k.id === change.id ? { ...k, eventId } : k));
    }
    const now = ctx.clock.now();
    await updateDistrictCalendar(trx, ctx.householdId, id, {
      known: JSON.stringify(known),
      pending: JSON.stringify(state.pending.filter((p) => p.id !== change.id)),
      updated_at: now,
    });
    return view(readDistrictCalendar(await requireDistrictCalendar(trx, ctx.householdId, id)));
  });
}

async function applyChange(
  trx: Db & Parameters<typeof writeRecord>[0],
  ctx: ServiceContext,
  change: PendingDistrictChange,
  chosenKind: PendingDistrictChange['kind'] | undefined,
): Promise<string> {
  const kind = chosenKind ?? change.kind;
  if (change.change === 'removed' || kind === null)
    throw invalid(
      'action',
      'cannot be applied: the district no longer lists this as a day off; remove the day from the calendar yourself if school is held, or dismiss this',
      { rule: 'feed.changeGone' },
    );
  if (!change.calendarId)
    throw invalid('changeId', 'falls outside every school year of the child: add the school year first', {
      rule: 'feed.outsideYears',
    });
  const day = {
    calendarId: change.calendarId,
    kind,
    startDate: change.startDate,
    endDate: change.endDate === change.startDate ? null : change.endDate,
    label: change.summary.slice(0, 200) || null,
  };
  if (change.change === 'changed' && change.eventId) {
    if (await calendarEventExists(trx, ctx.householdId, change.eventId)) {
      const { calendarId: _c, ...fields } = day;
      const moved = await writeUpdate(trx, ctx, RESOURCES.calendarEvent, change.eventId, fields);
      return moved.id;
    }
  }
  const saved = await writeRecord(trx, ctx, RESOURCES.calendarEvent, day);
  return saved.id;
}

/** Stop reading the address; the days it added stay on the calendar. */
export async function removeDistrictCalendar(store: Store, householdId: string, id: string): Promise<void> {
  await inHouseholdTransaction(store, householdId, async (trx) => {
    await requireDistrictCalendar(trx, householdId, id);
    await deleteDistrictCalendar(trx, householdId, id);
  });
}

/** The daily read: every subscription not read in the last 20 hours, one after another. */
export async function refreshDueDistrictCalendars(
  store: Store,
  clock: Clock,
  policy: FetchPolicy,
  progress: (done: number, total: number) => Promise<void>,
): Promise<{ read: number; failed: number }> {
  const before = new Date(Date.parse(clock.now()) - 20 * 60 * 60 * 1000).toISOString();
  const due = await districtCalendarsDue(store.db, before);
  let failed = 0;
  for (const [i, d] of due.entries()) {
    const read = await refreshDistrictCalendar(store, clock, policy, d.household_id, d.id);
    if (read.lastStatus === 'failed') failed += 1;
    await progress(i + 1, due.length);
  }
  return { read: due.length, failed };
}
