import {
  type CommunicationStatus,
  LETTER_CHOICE_CONVERSATIONS_MAX,
  type LetterChoices,
} from '../../api/communications.ts';
import {
  awaitsReply,
  type Communication,
  replyState,
  VERBAL_KINDS,
  verbalWithoutWrittenFollowUp,
} from '../../domain/communications.ts';
import { requireChild } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import { listRecords } from './records.ts';
import { RESOURCES } from './resources.ts';

// The state of a child's correspondence on a day: for each message, its thread (the first message
// it descends from) and whether a reply is awaited, overdue, answered or no longer expected; and
// the calls and meetings that were never followed up in writing.

/**
 * A child's messages in force: a message voided as logged by mistake is left out of reply clocks,
 * letters, the advisor and the report (it stays listed, greyed, on the Communications page).
 */
export async function loadCommunications(
  store: Store,
  householdId: string,
  childId: string,
): Promise<Communication[]> {
  const rows = await listRecords(store, householdId, RESOURCES.communication, { childId });
  return rows.filter((r) => r.voidedAt == null) as unknown as Communication[];
}

export async function communicationStatus(
  store: Store,
  householdId: string,
  childId: string,
  asOf: string,
): Promise<CommunicationStatus> {
  await requireChild(store.db, householdId, childId);
  const all = await loadCommunications(store, householdId, childId);
  const byId = new Map(all.map((c) => [c.id, c]));
  const threadOf = (c: Communication): string => {
    let current = c;
    for (let guard = 0; current.inReplyToId && guard < 1000; guard++) {
      const parent = byId.get(current.inReplyToId);
      if (!parent) break;
      current = parent;
    }
    return current.id;
  };
  const messages = all.map((c) => ({ id: c.id, threadId: threadOf(c), reply: replyState(c, all, asOf) }));
  return {
    childId,
    asOf,
    messages,
    overdue: messages.filter((m) => m.reply.state === 'overdue').map((m) => m.id),
    waiting: messages.filter((m) => m.reply.state === 'waiting').map((m) => m.id),
    holding: messages.filter((m) => m.reply.state === 'holding').map((m) => m.id),
    awaitingReply: all.filter((c) => awaitsReply(c, all, asOf)).map((c) => c.id),
    verbalWithoutFollowUp: verbalWithoutWrittenFollowUp(all).map((c) => c.id),
  };
}

/** Newest first: by date, then as logged (the Messages page's `order=desc`). */
function newestFirst(a: Pick<Communication, 'date' | 'id'>, b: Pick<Communication, 'date' | 'id'>): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** What "Draft a letter" may follow up: see LetterChoices. */
export async function letterChoices(
  store: Store,
  householdId: string,
  childId: string,
  asOf: string,
): Promise<LetterChoices> {
  await requireChild(store.db, householdId, childId);
  // The rows as the log serves them (with their record fields), in force only, as loadCommunications.
  const rows = await listRecords(store, householdId, RESOURCES.communication, { childId });
  const served = rows.filter((r) => r.voidedAt == null) as unknown as LetterChoices['conversations'];
  const all = served as unknown as Communication[];
  const overdue = new Set(all.filter((c) => replyState(c, all, asOf).state === 'overdue').map((c) => c.id));
  // Never one that was answered (the letter would tell the school "no reply"), closed, or waiting on
  // an answer promised later: only a written message of the family's that still awaits its reply.
  const awaits = new Set(all.filter((c) => awaitsReply(c, all, asOf)).map((c) => c.id));
  const awaitingReply = served
    .filter((c) => c.direction === 'sent' && !VERBAL_KINDS.has(c.kind) && awaits.has(c.id))
    .sort((a, b) => Number(overdue.has(b.id)) - Number(overdue.has(a.id)) || newestFirst(a, b));
  const conversations = served.filter((c) => VERBAL_KINDS.has(c.kind)).sort(newestFirst);
  return {
    childId,
    asOf,
    awaitingReply,
    overdue: awaitingReply.filter((c) => overdue.has(c.id)).map((c) => c.id),
    conversations: conversations.slice(0, LETTER_CHOICE_CONVERSATIONS_MAX),
    conversationsTotal: conversations.length,
    recent: [...served].sort(newestFirst).slice(0, LETTER_CHOICE_CONVERSATIONS_MAX),
    messagesTotal: served.length,
  };
}
