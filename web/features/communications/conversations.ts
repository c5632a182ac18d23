import type { Communication, CommunicationStatus, TeamContact } from '../../api/types.ts';
import { newestFirst } from './communication-words.ts';
import type { MessageState } from './MessageItem.tsx';

/**
 * The log as it is shown: the messages newest first, where each stands (its conversation, its reply
 * clock, a call awaiting its follow-up), and the conversations, each thread's messages in the order
 * they happened, the most recent thread first.
 */
export function conversationsOf(
  messages: Communication[] | undefined,
  status: CommunicationStatus | undefined,
  contacts: TeamContact[] | undefined,
) {
  const list = [...(messages ?? [])].sort(newestFirst);
  const contactById = new Map((contacts ?? []).map((c) => [c.id, c]));
  const stateById = new Map<string, MessageState>();
  const verbalOpen = new Set(status?.verbalWithoutFollowUp ?? []);
  for (const m of status?.messages ?? []) {
    stateById.set(m.id, { threadId: m.threadId, reply: m.reply, verbalOpen: verbalOpen.has(m.id) });
  }
  const threads = new Map<string, Communication[]>();
  for (const m of [...list].reverse()) {
    const threadId = stateById.get(m.id)?.threadId ?? m.id;
    threads.set(threadId, [...(threads.get(threadId) ?? []), m]);
  }
  const threadList = [...threads.values()].sort((a, b) =>
    newestFirst(a[a.length - 1] as Communication, b[b.length - 1] as Communication),
  );
  return {
    list,
    contactById,
    stateById,
    threadList,
    overdueCount: status?.overdue.length ?? 0,
    waitingCount: status?.waiting.length ?? 0,
    verbalCount: verbalOpen.size,
  };
}
