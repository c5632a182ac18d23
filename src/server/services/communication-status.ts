import { z } from 'zod';
import {
  awaitsReply,
  type Communication,
  replyState,
  verbalWithoutWrittenFollowUp,
} from '../../domain/communications.ts';
import type { Store } from '../../store/database.ts';
import { notFound } from '../errors.ts';
import { listRecords } from './records.ts';
import { RESOURCES } from './resources.ts';

// The state of a child's correspondence on a day: for each message, its thread (the first message
// it descends from) and whether a reply is awaited, overdue, answered or no longer expected; and
// the calls and meetings that were never followed up in writing.

const ReplyStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not_expected') }),
  z.object({ state: z.literal('answered'), replyIds: z.array(z.string()) }),
  z.object({ state: z.literal('closed') }),
  /** Only holding replies so far: an answer is promised by a date that has not passed. */
  z.object({ state: z.literal('holding'), replyIds: z.array(z.string()), promisedBy: z.string() }),
  z.object({ state: z.literal('waiting'), dueBy: z.string() }),
  /** `holdingReplyIds` when it is the holding reply's promise that has passed (then `dueBy` is that date). */
  z.object({
    state: z.literal('overdue'),
    dueBy: z.string(),
    daysLate: z.number(),
    holdingReplyIds: z.array(z.string()).optional(),
  }),
]);

export const CommunicationStatus = z.object({
  childId: z.string(),
  asOf: z.string(),
  messages: z.array(z.object({ id: z.string(), threadId: z.string(), reply: ReplyStateSchema })),
  overdue: z.array(z.string()),
  waiting: z.array(z.string()),
  /** Sent messages waiting on a holding reply's promise. */
  holding: z.array(z.string()),
  /**
   * Sent messages with no reply (waiting or overdue): the only ones a follow-up on an unanswered
   * message is offered for (awaitsReply in src/domain/communications.ts).
   */
  awaitingReply: z.array(z.string()),
  verbalWithoutFollowUp: z.array(z.string()),
});
export type CommunicationStatus = z.infer<typeof CommunicationStatus>;

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
  const child = await store.db
    .selectFrom('child')
    .select('id')
    .where('household_id', '=', householdId)
    .where('id', '=', childId)
    .executeTakeFirst();
  if (!child) throw notFound('Child', childId);
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
