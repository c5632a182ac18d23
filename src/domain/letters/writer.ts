// The writer of one letter: the child's and the plan's names, dates as the letter writes them, who it
// goes to, the date it asks a reply by, and the paper trail of the records it quotes (`facts`). Every
// drafter starts with `writerFor` and ends with `finish`.

import type { CaseContact, CaseRecord } from '../case-record.ts';
import { type Communication, DEFAULT_REPLY_SCHOOL_DAYS } from '../communications.ts';
import { formatLongDate, isIsoDate } from '../dates.ts';
import { replyDueDate } from '../deadlines.ts';
import {
  contactsWithRole,
  gapsNote,
  type LetterAttachment,
  listWords,
  placeholder,
  placeholdersIn,
  ROLE_PLACEHOLDERS,
  replyByWords,
  type TeamRole,
} from '../letter-words.ts';
import { type LetterKind, letterUnavailableReason } from './kinds.ts';

export type LetterRecipient = { name: string; email: string | null };

export type Letter = {
  kind: LetterKind;
  subject: string;
  to: LetterRecipient[];
  cc: LetterRecipient[];
  body: string;
  /** The ids of the records the letter quotes (plan items, observations, sessions, messages, notes). */
  facts: { entryIds: string[] };
  /** The "[...]" gaps the record could not fill (an address, a name): the parent fills them in before sending. */
  placeholders: string[];
  /** For the parent, not part of the letter: what to check, deadlines, what was left out and why. */
  notes: string[];
  /** The date the letter asks a reply by ("Could you reply by ..."); null for a letter that asks nothing. */
  respondBy: string | null;
  /** What the .eml carries with the letter. */
  attachment: LetterAttachment;
};

/** Every letter that asks the school something takes the date to reply by; by default the reply clock's. */
export type ReplyOption = {
  /** The date the letter asks a reply by, after the day it is written; by default the household's reply time. */
  respondBy?: string;
};

/** A jurisdiction's timeline, as the advisor's profiles give it: `{ days: 30, unit: 'days', citation: 'Ed. Code 56343(c)' }`. */
export type Timeline = {
  days: number;
  unit: string;
  citation: string;
  /** The clock starts when the school receives the request (California's meeting, Ed. Code 56343.5). */
  fromReceipt?: boolean;
  /** What the school is to do by then, in the letter's words ("copies are to be provided"). */
  duty?: string;
};

/** Thrown when a letter does not fit the plan: an IDEA step for a 504 plan, a US step for a Canadian plan. */
export class LetterUnavailableError extends Error {
  readonly code = 'letter_not_available';
  readonly kind: LetterKind;
  constructor(kind: LetterKind, message: string) {
    super(message);
    this.name = 'LetterUnavailableError';
    this.kind = kind;
  }
}

export function assertAvailable(record: CaseRecord, kind: LetterKind): void {
  const reason = letterUnavailableReason(record.plan, kind);
  if (reason) throw new LetterUnavailableError(kind, reason);
}

export type Writer = {
  record: CaseRecord;
  /** The reply date the letter asks for, when it asks for one (`replySentence`). */
  respondBy: string | null;
  child: string;
  childFullName: string;
  /** "IEP", "504 plan", "IPP" (Alberta) or "plan". */
  planName: string;
  isUnitedStates: boolean;
  /** "Tuesday, October 6"; with the year when it differs from today's, or always in a formal document. */
  date: (date: string) => string;
  parentName: string;
  facts: string[];
  notes: string[];
};

function planNameOf(record: CaseRecord): string {
  const plan = record.plan;
  if (!plan) return 'plan';
  if (plan.kind === '504') return '504 plan';
  // Alberta calls it an Individualized Program Plan (docs/legal-sources.md, `ab-standards`).
  if (plan.jurisdiction.country === 'CA' && /^(?:ab|alberta)$/iu.test(plan.jurisdiction.region ?? '')) {
    return 'IPP';
  }
  return 'IEP';
}

export function writerFor(record: CaseRecord, formal = false, reply?: ReplyOption): Writer {
  const thisYear = record.asOf.slice(0, 4);
  return {
    record,
    respondBy: reply ? respondByFor(record, reply.respondBy) : null,
    child: record.child.firstName,
    childFullName: [record.child.firstName, record.child.lastName].filter(Boolean).join(' '),
    planName: planNameOf(record),
    isUnitedStates: record.plan?.jurisdiction.country !== 'CA',
    date: (date) => formatLongDate(date, formal || date.slice(0, 4) !== thisYear),
    parentName: record.parent.name.trim() || placeholder('your name'),
    facts: [],
    notes: [],
  };
}

export function finish(
  w: Writer,
  kind: LetterKind,
  subject: string,
  to: LetterRecipient[],
  cc: LetterRecipient[],
  body: string,
  attachment: LetterAttachment = 'none',
): Letter {
  const everything = [subject, body, ...to.map((r) => r.name), ...cc.map((r) => r.name)].join('\n');
  const placeholders = placeholdersIn(everything);
  // The note naming the gaps comes first (`notesBesideGaps` relies on it).
  const gaps =
    placeholders.length > 0 ? [gapsNote(placeholders, kind === 'board_appeal' ? 'appeal' : 'letter')] : [];
  const notes = [...gaps, ...w.notes];
  return {
    kind,
    subject,
    to,
    cc,
    body: `${body.trim()}\n`,
    facts: { entryIds: [...new Set(w.facts)] },
    placeholders,
    notes,
    respondBy: w.respondBy,
    attachment,
  };
}

// ---------------------------------------------------------------------------------------------
// The reply date: every letter that asks something names the date it hopes for an answer by, and the
// parent can change it (the editor and the server swap the date in the sentence; the reply clock of the
// message logged when it is sent starts from it).

/**
 * The date a letter asks a reply by: the one the parent chose, or the household's reply time in school
 * days after the day it is written (the same clock as a sent message's "reply expected by").
 */
export function respondByFor(record: CaseRecord, requested?: string): string {
  if (requested != null) {
    if (!isIsoDate(requested)) throw new RangeError(`the reply date is not a date: ${requested}`);
    if (requested <= record.asOf) {
      throw new RangeError(
        `the reply date (${formatLongDate(requested, true)}) must come after the day the letter is written (${formatLongDate(record.asOf, true)})`,
      );
    }
    return requested;
  }
  return replyDueDate(record.asOf, record.replySchoolDays ?? DEFAULT_REPLY_SCHOOL_DAYS, record.isSchoolDay);
}

/** "Could you reply by Friday, October 23?": the sentence every request carries. */
export function replySentence(w: Writer, purpose = ''): string {
  if (!w.respondBy) throw new RangeError('this letter asks for no reply');
  return `Could you ${replyByWords(w.respondBy, w.record.asOf)}${purpose}?`;
}

export function salutation(to: readonly LetterRecipient[]): string {
  return `Dear ${listWords(to.map((r) => r.name))},`;
}

export function signature(w: Writer, closing = 'Kind regards,'): string {
  return `${closing}\n${w.parentName}`;
}

/** A letter's body: the salutation to `to`, the paragraphs, and the closing over the parent's name, a blank line apart. */
export function letterBody(
  w: Writer,
  to: readonly LetterRecipient[],
  paragraphs: readonly string[],
  closing = 'Kind regards,',
): string {
  return [salutation(to), ...paragraphs, signature(w, closing)].join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Recipients.

export function recipientOf(contact: CaseContact): LetterRecipient {
  return { name: contact.name, email: contact.email };
}

export function roleHolder(record: CaseRecord, role: TeamRole): CaseContact | null {
  return contactsWithRole(record.team, role)[0] ?? null;
}

export function recipientForRole(record: CaseRecord, role: TeamRole): LetterRecipient {
  const contact = roleHolder(record, role);
  return contact ? recipientOf(contact) : { name: ROLE_PLACEHOLDERS[role], email: null };
}

/** The case manager in copy, unless they are already an addressee. */
export function caseManagerCopy(record: CaseRecord, to: readonly LetterRecipient[]): LetterRecipient[] {
  const manager = roleHolder(record, 'case_manager');
  if (!manager) return [];
  return to.some((r) => r.name === manager.name) ? [] : [recipientOf(manager)];
}

export function contactsOf(record: CaseRecord, message: Communication): LetterRecipient[] {
  return message.contactIds
    .map((id) => record.team.find((c) => c.id === id))
    .filter((c): c is CaseContact => c != null)
    .map(recipientOf);
}
