// Plain words and shared reads for the communication log: the kinds of message, who was involved, and
// whether a reply is still awaited. The kinds, their labels and which of them are spoken or expect a
// reply are the server's own (src/domain/record-kinds.ts, zod-free).
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  PARENT_NOTE_KINDS,
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
import { formatDay, localeFor } from '../../components/dates.ts';
import { type T, useLanguage, useT } from '../../i18n/i18n.tsx';

export type Kind = Communication['kind'];
export type Direction = Communication['direction'];

/** Kinds that are spoken: they are followed up in writing (the article's advice). */
export const isVerbal = (kind: Kind) => VERBAL_KINDS.has(kind);

/** Kinds that wait for a reply when the family sends them. */
export const expectsReply = (kind: Kind) => REPLY_EXPECTED_KINDS.has(kind);

/** The Messages page's words in the reader's language: its messages and the locale for dates. */
export type MessageWords = {
  t: T;
  /** The locale to write dates in (`formatDay(iso, style, locale)`). */
  locale: string | undefined;
};

/** The Messages page's words: loads the "messages" part. */
export function useMessageWords(): MessageWords {
  const t = useT('messages');
  const { language } = useLanguage();
  return { t, locale: localeFor(language) };
}

/** "Email you sent", "Phone call" (calls and meetings go both ways). */
export function kindAndDirection({ t }: MessageWords, c: Pick<Communication, 'kind' | 'direction'>): string {
  if (isVerbal(c.kind)) return t('messages.kind', { kind: c.kind });
  return c.direction === 'sent'
    ? t('messages.kindSent', { kind: c.kind })
    : t('messages.kindReceived', { kind: c.kind });
}

/** The kinds of the parent's notes, in the order they are offered. */
export const NOTE_KINDS: readonly ParentNoteKind[] = PARENT_NOTE_KINDS;

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
  { t }: MessageWords,
  c: Pick<Communication, 'contactIds' | 'otherParties'>,
  contacts: Map<string, TeamContact>,
) {
  const names = c.contactIds.map((id) => contacts.get(id)?.name ?? t('messages.who.unlisted'));
  if (c.otherParties) names.push(c.otherParties);
  return names.length > 0 ? names.join(', ') : null;
}

/** "To Ms. Alvarez", "From Mr. Chen", "With Ms. Alvarez". */
export function whoLine(
  words: MessageWords,
  c: Communication,
  contacts: Map<string, TeamContact>,
): string | null {
  const { t } = words;
  const who = whoWords(words, c, contacts);
  if (!who) return null;
  if (isVerbal(c.kind)) return t('messages.who.with', { who });
  return c.direction === 'sent' ? t('messages.who.to', { who }) : t('messages.who.from', { who });
}

/**
 * A short name for a message in lists and selects: "Email you sent, Tue, Oct 6: Calculator in math".
 * In English when no words are given (a screen not yet translated).
 */
export function messageName(c: Communication, words: MessageWords): string {
  const what = c.subject?.trim() || shorten(c.summary, 50);
  return words.t('messages.name', {
    kind: kindAndDirection(words, c),
    date: formatDay(c.date, 'weekdayShort', words.locale),
    what,
  });
}

export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export type Badge = { text: string; tone: 'green' | 'red' | 'orange' | 'blue' | 'gray' };

/** The reply state of a message, in words. */
export function replyBadge({ t, locale }: MessageWords, reply: CommunicationReply | undefined): Badge | null {
  if (!reply) return null;
  const day = (iso: string) => formatDay(iso, 'weekdayShort', locale);
  switch (reply.state) {
    case 'waiting':
      return { text: t('messages.badge.waiting', { date: day(reply.dueBy) }), tone: 'blue' };
    case 'overdue':
      return {
        text: reply.holdingReplyIds
          ? t('messages.badge.overdueHolding', { date: day(reply.dueBy), days: reply.daysLate })
          : t('messages.badge.overdue', { days: reply.daysLate }),
        tone: 'orange',
      };
    case 'holding':
      return { text: t('messages.badge.holding', { date: day(reply.promisedBy) }), tone: 'blue' };
    case 'answered':
      return { text: t('messages.badge.answered'), tone: 'green' };
    case 'closed':
      return { text: t('messages.noReplyNeeded'), tone: 'gray' };
    default:
      return null;
  }
}

/** Where the parent stands on what a call or meeting proposed, as a tag (none when not recorded). */
export function positionBadge({ t }: MessageWords, position: ParentPosition): Badge | null {
  switch (position) {
    case 'agreed':
      return { text: t('messages.badge.agreed'), tone: 'gray' };
    case 'not_agreed':
      return { text: t('messages.badge.notAgreed'), tone: 'blue' };
    case 'thinking':
      return { text: t('messages.badge.thinking'), tone: 'blue' };
    default:
      return null;
  }
}

export function verbalBadge({ t }: MessageWords, kind: Kind): Badge {
  return { text: t('messages.badge.verbal', { kind }), tone: 'orange' };
}

/** Newest first, by date, then time, then id (ids are time-ordered). */
export function newestFirst(a: Communication, b: Communication): number {
  const ka = `${a.date} ${a.time ?? ''} ${a.id}`;
  const kb = `${b.date} ${b.time ?? ''} ${b.id}`;
  return ka < kb ? 1 : ka > kb ? -1 : 0;
}
