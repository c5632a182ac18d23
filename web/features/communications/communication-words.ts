// Plain words and shared reads for the communication log: the kinds of message, who was involved, and
// whether a reply is still awaited. The kinds, their labels and which of them are spoken or expect a
// reply are the server's own (src/domain/record-kinds.ts, zod-free).
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  COMMUNICATION_KIND_LABELS,
  type ParentPosition,
  REPLY_EXPECTED_KINDS,
  VERBAL_KINDS,
} from '../../../src/domain/record-kinds.ts';
import { get, getAll, getPage } from '../../api/client.ts';
import type {
  Communication,
  CommunicationReply,
  CommunicationStatus,
  LetterChoices,
  ParentNote,
  ParentNoteKind,
  TeamContact,
} from '../../api/types.ts';
import { formatDay } from '../../components/dates.ts';

export type Kind = Communication['kind'];
export type Direction = Communication['direction'];

/** Kinds that are spoken: they are followed up in writing (the article's advice). */
export const isVerbal = (kind: Kind) => VERBAL_KINDS.has(kind);

/** Kinds that wait for a reply when the family sends them. */
export const expectsReply = (kind: Kind) => REPLY_EXPECTED_KINDS.has(kind);

/** "Email you sent", "Phone call" (calls and meetings go both ways). */
export function kindAndDirection(c: Pick<Communication, 'kind' | 'direction'>): string {
  const kind = COMMUNICATION_KIND_LABELS[c.kind];
  if (isVerbal(c.kind)) return kind;
  return `${kind} ${c.direction === 'sent' ? 'you sent' : 'you received'}`;
}

export const NOTE_KIND_LABELS: Record<ParentNoteKind, string> = {
  new_challenge: 'A new challenge',
  concern: 'A concern',
  harm: 'Harm to my child',
  win: 'A win',
};

export const NOTE_KIND_HINTS: Record<ParentNoteKind, string> = {
  new_challenge: 'Something new is hard for your child (a new class, a new behavior, a new need).',
  concern: 'Something worries you and you would like to ask the school about it.',
  harm: 'Your child is being hurt or is not safe, academically or emotionally. As Written suggests writing to someone who can act, without waiting for the usual steps.',
  win: 'Something is working. Sharing it with the team is worth it too.',
};

export const communicationsKey = (householdId: string, childId: string) => [
  'communications',
  householdId,
  childId,
];
export const statusKey = (householdId: string, childId: string) => [
  'communication-status',
  householdId,
  childId,
];
export const parentNotesKey = (householdId: string, childId: string) => [
  'parent-notes',
  householdId,
  childId,
];
export const teamContactsKey = (householdId: string, childId: string) => [
  'team-contacts',
  householdId,
  childId,
];

/** How many messages the log shows at first, and adds with each "Show more". */
export const MESSAGES_PAGE_SIZE = 100;

/**
 * The log a page at a time, newest first (the server's `order=desc`: by date, then as logged), for the
 * Messages page's "Show more". Letters and the advisor ask the server for what they need instead
 * (letter-choices, the advice's entries): no screen loads every message of a child.
 */
export function useCommunicationPages(householdId: string, childId: string) {
  const path = `/households/${householdId}/communications?childId=${childId}&order=desc&limit=${MESSAGES_PAGE_SIZE}`;
  const query = useInfiniteQuery({
    queryKey: [...communicationsKey(householdId, childId), 'pages'],
    queryFn: ({ pageParam }) => getPage<Communication>(path, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  return { ...query, messages: query.data?.pages.flatMap((p) => p.rows) };
}

/** The messages "Draft a letter" offers (awaiting a reply; calls and meetings), chosen by the server. */
export function useLetterChoices(householdId: string, childId: string) {
  return useQuery({
    queryKey: [...communicationsKey(householdId, childId), 'letter-choices'],
    queryFn: () => get<LetterChoices>(`/households/${householdId}/children/${childId}/letter-choices`),
  });
}

/** Each message's thread and reply state, on the server's today. */
export function useCommunicationStatus(householdId: string, childId: string) {
  return useQuery({
    queryKey: statusKey(householdId, childId),
    queryFn: () =>
      get<CommunicationStatus>(`/households/${householdId}/children/${childId}/communication-status`),
  });
}

export function useTeamContacts(householdId: string, childId: string) {
  return useQuery({
    queryKey: teamContactsKey(householdId, childId),
    queryFn: () => get<TeamContact[]>(`/households/${householdId}/team-contacts?childId=${childId}`),
  });
}

export function useParentNotes(householdId: string, childId: string) {
  return useQuery({
    queryKey: parentNotesKey(householdId, childId),
    queryFn: () => getAll<ParentNote>(`/households/${householdId}/parent-notes?childId=${childId}`),
  });
}

/** Everything a change to the log can move: the log, reply states, the advisor, letters. */
export const AFFECTED_BY_MESSAGES = [
  ['communications'],
  ['communication-status'],
  ['advice'],
  ['letters'],
  ['parent-notes'],
] as const;

/** Who took part, in words: team contacts by name, then anyone else as written. */
export function whoWords(
  c: Pick<Communication, 'contactIds' | 'otherParties'>,
  contacts: Map<string, TeamContact>,
) {
  const names = c.contactIds.map((id) => contacts.get(id)?.name ?? 'a team member no longer listed');
  if (c.otherParties) names.push(c.otherParties);
  return names.length > 0 ? names.join(', ') : null;
}

/** "To Ms. Alvarez", "From Mr. Chen", "With Ms. Alvarez". */
export function whoLine(c: Communication, contacts: Map<string, TeamContact>): string | null {
  const who = whoWords(c, contacts);
  if (!who) return null;
  if (isVerbal(c.kind)) return `With ${who}`;
  return c.direction === 'sent' ? `To ${who}` : `From ${who}`;
}

/** A short name for a message in lists and selects: "Email you sent, Tue, Oct 6: Calculator in math". */
export function messageName(c: Communication): string {
  const what = c.subject?.trim() || shorten(c.summary, 50);
  return `${kindAndDirection(c)}, ${formatDay(c.date)}: ${what}`;
}

export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export type Badge = { text: string; tone: 'green' | 'red' | 'orange' | 'blue' | 'gray' };

/** The reply state of a message, in words. */
export function replyBadge(reply: CommunicationReply | undefined): Badge | null {
  if (!reply) return null;
  switch (reply.state) {
    case 'waiting':
      return { text: `Waiting for a reply until ${formatDay(reply.dueBy)}`, tone: 'blue' };
    case 'overdue':
      return {
        text: reply.holdingReplyIds
          ? `No answer by the promised ${formatDay(reply.dueBy)} — ${reply.daysLate} ${reply.daysLate === 1 ? 'day' : 'days'} late`
          : `No reply — ${reply.daysLate} ${reply.daysLate === 1 ? 'day' : 'days'} late`,
        tone: 'orange',
      };
    case 'holding':
      return { text: `Answer promised by ${formatDay(reply.promisedBy)}`, tone: 'blue' };
    case 'answered':
      return { text: 'Answered', tone: 'green' };
    case 'closed':
      return { text: 'No reply needed any more', tone: 'gray' };
    default:
      return null;
  }
}

/** Where the parent stands on what a call or meeting proposed, as a tag (none when not recorded). */
export function positionBadge(position: ParentPosition): Badge | null {
  switch (position) {
    case 'agreed':
      return { text: 'You agreed', tone: 'gray' };
    case 'not_agreed':
      return { text: 'You did not agree', tone: 'blue' };
    case 'thinking':
      return { text: 'You are thinking it over', tone: 'blue' };
    default:
      return null;
  }
}

export function verbalBadge(kind: Kind): Badge {
  return {
    text: `${kind === 'meeting' ? 'Meeting' : 'Call'} not yet followed up in writing`,
    tone: 'orange',
  };
}

/** Newest first, by date, then time, then id (ids are time-ordered). */
export function newestFirst(a: Communication, b: Communication): number {
  const ka = `${a.date} ${a.time ?? ''} ${a.id}`;
  const kb = `${b.date} ${b.time ?? ''} ${b.id}`;
  return ka < kb ? 1 : ka > kb ? -1 : 0;
}
