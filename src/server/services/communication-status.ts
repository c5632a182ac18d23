import type { CommunicationStatus } from '../../api/communications.ts';
import {
  awaitsReply,
  type Communication,
  replyState,
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
