import { z } from 'zod';
import { ADVISOR_SETTING_SPECS } from './advisor-settings.ts';
import { ClockTimeSchema, IdSchema, IsoDateSchema, NonEmptyText, OptionalText } from './common.ts';
import { addDays } from './dates.ts';

// The communication log: emails, calls, meetings, notes home and letters between the family and
// the school, with who was involved, what was decided, and whether a reply is still awaited.
// The article's advice: document every contact, follow up a verbal talk in writing, and notice
// when an email goes unanswered.

export const COMMUNICATION_KINDS = ['email', 'phone', 'meeting', 'note_home', 'letter', 'other'] as const;
export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];

/** Sent by the family, or received from the school. */
export const COMMUNICATION_DIRECTIONS = ['sent', 'received'] as const;
export type CommunicationDirection = (typeof COMMUNICATION_DIRECTIONS)[number];

/** Kinds that are spoken, not written: the article says to follow them up in writing. */
export const VERBAL_KINDS: ReadonlySet<CommunicationKind> = new Set(['phone', 'meeting']);

/** Product choice: a reply is expected within 5 school days unless the household sets otherwise. */
export const DEFAULT_REPLY_SCHOOL_DAYS = ADVISOR_SETTING_SPECS.replySchoolDays.default;

export const CommunicationFields = z.object({
  childId: IdSchema,
  kind: z.enum(COMMUNICATION_KINDS),
  direction: z.enum(COMMUNICATION_DIRECTIONS),
  date: IsoDateSchema,
  time: ClockTimeSchema.nullable().default(null),
  /** Team contacts involved (the recipients of a sent email, the sender of a received one, ...). */
  contactIds: z.array(IdSchema).max(20).default([]),
  /** Anyone not in the team contacts, as written ("front office"). */
  otherParties: OptionalText(500),
  subject: OptionalText(500),
  /** What was said or written, in the parent's words or the email's text. */
  summary: NonEmptyText(20000),
  /** For calls and meetings: what was decided, and the next steps (used in the follow-up email). */
  decisions: OptionalText(5000),
  nextSteps: OptionalText(5000),
  /** The message this one answers (a reply marks the earlier one answered). */
  inReplyToId: IdSchema.nullable().default(null),
  /** The call or meeting this written message follows up. */
  followsUpId: IdSchema.nullable().default(null),
  /**
   * When the family expects a reply; null when none is expected. Left out, it defaults for a sent
   * email, letter or note home to the household's reply time (5 school days unless changed).
   */
  replyExpectedBy: IsoDateSchema.nullable().optional(),
  /** The family no longer waits for a reply (answered in person, say), without a logged reply. */
  closedWithoutReply: z.boolean().default(false),
  /** For imported email: the Message-ID, so the same message imported twice is stored once. */
  messageId: OptionalText(998),
  attachmentIds: z.array(IdSchema).max(20).default([]),
});
export type CommunicationInput = z.infer<typeof CommunicationFields>;

/** Kinds that expect a reply by default when the family sends them. */
export const REPLY_EXPECTED_KINDS: ReadonlySet<CommunicationKind> = new Set(['email', 'letter', 'note_home']);

/** A logged communication as the rules see it (from the store, with its id). */
export type Communication = Omit<CommunicationInput, 'replyExpectedBy'> & {
  id: string;
  replyExpectedBy: string | null;
};

/** The day `n` school days after `date` (school days as `isSchoolDay` says; the date itself not counted). */
export function addSchoolDays(date: string, n: number, isSchoolDay: (d: string) => boolean): string {
  let day = date;
  let counted = 0;
  // A calendar with no school day for a whole year is a mistake, not a reason to loop forever.
  for (let guard = 0; counted < n && guard < 366; guard++) {
    day = addDays(day, 1);
    if (isSchoolDay(day)) counted++;
  }
  return day;
}

export const PARENT_NOTE_KINDS = ['new_challenge', 'concern', 'harm', 'win'] as const;

/** What the parent notices that is not about one accommodation or session. */
export const ParentNoteInput = z.object({
  childId: IdSchema,
  date: IsoDateSchema,
  kind: z.enum(PARENT_NOTE_KINDS),
  text: NonEmptyText(5000),
});
export type ParentNoteInput = z.infer<typeof ParentNoteInput>;

export type ReplyState =
  | { state: 'not_expected' }
  | { state: 'answered'; replyIds: string[] }
  | { state: 'closed' }
  | { state: 'waiting'; dueBy: string }
  | { state: 'overdue'; dueBy: string; daysLate: number };

/**
 * Whether a sent message still waits for its reply on `asOf`. A received message that names it in
 * `inReplyToId` answers it; so does any received message in the same thread dated on or after it
 * when the thread is joined by import. Received messages never wait.
 */
export function replyState(message: Communication, all: readonly Communication[], asOf: string): ReplyState {
  if (message.direction !== 'sent' || !message.replyExpectedBy) return { state: 'not_expected' };
  const replies = all.filter((c) => c.direction === 'received' && c.inReplyToId === message.id);
  if (replies.length > 0) return { state: 'answered', replyIds: replies.map((r) => r.id) };
  if (message.closedWithoutReply) return { state: 'closed' };
  if (asOf <= message.replyExpectedBy) return { state: 'waiting', dueBy: message.replyExpectedBy };
  const late = Math.round(
    (Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${message.replyExpectedBy}T00:00:00Z`)) / 86_400_000,
  );
  return { state: 'overdue', dueBy: message.replyExpectedBy, daysLate: late };
}

/** Calls and meetings with no written follow-up sent after them. */
export function verbalWithoutWrittenFollowUp(all: readonly Communication[]): Communication[] {
  const followed = new Set(all.map((c) => c.followsUpId).filter((id): id is string => id != null));
  return all.filter((c) => VERBAL_KINDS.has(c.kind) && !followed.has(c.id));
}
