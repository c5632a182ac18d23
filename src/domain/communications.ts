import { z } from 'zod';
import { ADVISOR_SETTING_SPECS } from './advisor-settings.ts';
import {
  ClockTimeSchema,
  IdSchema,
  IsoDateSchema,
  LONG_TEXT_MAX,
  NonEmptyText,
  OptionalText,
} from './common.ts';
import {
  COMMUNICATION_DIRECTIONS,
  COMMUNICATION_KINDS,
  PARENT_NOTE_KINDS,
  PARENT_POSITIONS,
  VERBAL_KINDS,
} from './record-kinds.ts';

// The kinds, directions and positions of a message are src/domain/record-kinds.ts's (zod-free, for the
// web app); the schemas here are built from them.
export {
  COMMUNICATION_DIRECTIONS,
  COMMUNICATION_KINDS,
  type CommunicationDirection,
  type CommunicationKind,
  PARENT_NOTE_KINDS,
  PARENT_POSITIONS,
  type ParentPosition,
  REPLY_EXPECTED_KINDS,
  VERBAL_KINDS,
} from './record-kinds.ts';

// The communication log: emails, calls, meetings, notes home and letters between the family and
// the school, with who was involved, what was decided, and whether a reply is still awaited.
// The article's advice: document every contact, follow up a verbal talk in writing, and notice
// when an email goes unanswered.

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
  summary: NonEmptyText(LONG_TEXT_MAX),
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
  /**
   * A holding reply ("I'll look into it and get back to you by Friday"): on a received message that
   * answers an earlier one (`inReplyToId`), the date the answer was promised by. The earlier message
   * then waits on that promise instead of being answered: a follow-up is due after that date.
   */
  holdingUntil: IsoDateSchema.nullable().default(null),
  /** For a call or a meeting: whether the parent agreed to what was proposed (migration 0013). */
  parentPosition: z.enum(PARENT_POSITIONS).default('unknown'),
  /**
   * For a request the family sent: the day the school received it, when the family knows it (a reply, a
   * delivery receipt, a stamp). Some timelines run from receipt (California's 30 days for a meeting, Ed.
   * Code 56343.5; a British Columbia board's 45 days for an appeal): the advisor counts them from this date.
   * Null when unknown (every message logged before migration 0012).
   */
  schoolReceivedOn: IsoDateSchema.nullable().default(null),
  /** For imported email: the Message-ID, so the same message imported twice is stored once. */
  messageId: OptionalText(998),
  attachmentIds: z.array(IdSchema).max(20).default([]),
});
export type CommunicationInput = z.infer<typeof CommunicationFields>;

/** A logged communication as the rules see it (from the store, with its id). */
export type Communication = Omit<CommunicationInput, 'replyExpectedBy' | 'schoolReceivedOn'> & {
  id: string;
  replyExpectedBy: string | null;
  /** The day the school received it (migration 0012); absent or null when unknown. */
  schoolReceivedOn?: string | null;
};

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
  /** Only holding replies so far: an answer is promised by `promisedBy`, which has not passed. */
  | { state: 'holding'; replyIds: string[]; promisedBy: string }
  | { state: 'waiting'; dueBy: string }
  /** Past its reply date, or past the date a holding reply promised an answer by (`holdingReplyIds`). */
  | { state: 'overdue'; dueBy: string; daysLate: number; holdingReplyIds?: string[] };

/** A received message later than a sent one (same day without both times counts as later: no false alarm). */
export function isLaterMessage(
  received: Pick<Communication, 'date' | 'time'>,
  sent: Pick<Communication, 'date' | 'time'>,
): boolean {
  if (received.date !== sent.date) return received.date > sent.date;
  if (received.time == null || sent.time == null) return true;
  return received.time >= sent.time;
}

/**
 * The received messages that answer `message` (a holding reply among them): those that name it in
 * `inReplyToId`, and any received message later in the same thread that is not one of its ancestors
 * (a reply to a follow-up answers the first message too; a thread joined by import the same way).
 */
export function repliesTo(message: Communication, all: readonly Communication[]): Communication[] {
  const byId = new Map(all.map((c) => [c.id, c]));
  const ancestors = (c: Communication): string[] => {
    const out: string[] = [];
    const seen = new Set<string>([c.id]);
    for (let id = c.inReplyToId; id && !seen.has(id) && byId.has(id); id = byId.get(id)!.inReplyToId) {
      seen.add(id);
      out.push(id);
    }
    return out;
  };
  const mine = ancestors(message);
  const root = mine.at(-1) ?? message.id;
  const mineSet = new Set(mine);
  return all.filter((c) => {
    if (c.direction !== 'received' || c.id === message.id) return false;
    if (c.inReplyToId === message.id) return true;
    const theirs = ancestors(c);
    return (theirs.at(-1) ?? c.id) === root && !mineSet.has(c.id) && isLaterMessage(c, message);
  });
}

const daysAfter = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Whether a sent message still waits for its reply on `asOf`. A reply (`repliesTo`) answers it, unless
 * every reply so far is a holding reply: then it waits on the latest promise (`holding`) and is overdue
 * the day after the promised date. Received messages never wait.
 */
export function replyState(message: Communication, all: readonly Communication[], asOf: string): ReplyState {
  if (message.direction !== 'sent') return { state: 'not_expected' };
  const replies = repliesTo(message, all);
  const answers = replies.filter((r) => r.holdingUntil == null);
  if (answers.length > 0) return { state: 'answered', replyIds: answers.map((r) => r.id) };
  if (message.closedWithoutReply && (message.replyExpectedBy || replies.length > 0))
    return { state: 'closed' };
  const holding = replies.filter((r) => r.holdingUntil != null);
  if (holding.length > 0) {
    const promisedBy = holding
      .map((r) => r.holdingUntil!)
      .sort()
      .at(-1)!;
    const replyIds = holding.map((r) => r.id);
    if (asOf <= promisedBy) return { state: 'holding', replyIds, promisedBy };
    return {
      state: 'overdue',
      dueBy: promisedBy,
      daysLate: daysAfter(promisedBy, asOf),
      holdingReplyIds: replyIds,
    };
  }
  if (!message.replyExpectedBy) return { state: 'not_expected' };
  if (asOf <= message.replyExpectedBy) return { state: 'waiting', dueBy: message.replyExpectedBy };
  return {
    state: 'overdue',
    dueBy: message.replyExpectedBy,
    daysLate: daysAfter(message.replyExpectedBy, asOf),
  };
}

/**
 * Whether a follow-up on an unanswered message makes sense: the family sent it and no reply is logged
 * (waiting, or past its reply date or a holding reply's promise). Never for a message answered, closed,
 * holding on a promise not yet due, or not expecting a reply.
 */
export function awaitsReply(message: Communication, all: readonly Communication[], asOf: string): boolean {
  const state = replyState(message, all, asOf).state;
  return state === 'waiting' || state === 'overdue';
}

/** Calls and meetings with no written follow-up sent after them. */
export function verbalWithoutWrittenFollowUp(all: readonly Communication[]): Communication[] {
  const followed = new Set(all.map((c) => c.followsUpId).filter((id): id is string => id != null));
  return all.filter((c) => VERBAL_KINDS.has(c.kind) && !followed.has(c.id));
}
