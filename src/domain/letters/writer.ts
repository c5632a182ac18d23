// The writer of one letter: the child's and the plan's names, dates as the letter writes them, who it
import { contactsWithRole, type TeamRole } from '../team-roles.ts';
// goes to, the date it asks a reply by, and the paper trail of the records it quotes (`facts`). Every
// drafter starts with `writerFor` and ends with `finish`.

import type { CaseContact, CaseRecord } from '../case-record.ts';
import { type Communication, DEFAULT_REPLY_SCHOOL_DAYS } from '../communications.ts';
import { formatLongDate, isIsoDate } from '../dates.ts';
import { replyDueDate } from '../deadlines.ts';
import type { RuleWords } from '../errors.ts';
import type { Translate } from '../i18n/translate.ts';
import { type LetterAttachment, placeholder, placeholdersIn } from '../letter-words.ts';
import {
  DEFAULT_DRAFT_LANGUAGE,
  type DraftLanguage,
  dateIn,
  letterTranslator,
  listIn,
} from './draft-language.ts';
import { type LetterKind, type LetterRefusal, letterRefusal } from './kinds.ts';
import { LetterRequestError } from './request-error.ts';

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
  /** The language the letter is written in ('en' unless asked otherwise). */
  language: DraftLanguage;
  /** Every date the letter and its notes write, as ISO dates, in the order they were written. */
  dates: string[];
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
  /** The rule and values that say it in the reader's language. */
  readonly words: RuleWords;
  constructor(kind: LetterKind, refusal: LetterRefusal) {
    super(refusal.message);
    this.name = 'LetterUnavailableError';
    this.kind = kind;
    this.words = { rule: refusal.rule, ...(refusal.values ? { values: refusal.values } : {}) };
  }
}

export function assertAvailable(record: CaseRecord, kind: LetterKind): void {
  const refusal = letterRefusal(record.plan, kind);
  if (refusal) throw new LetterUnavailableError(kind, refusal);
}

export type Writer = {
  record: CaseRecord;
  /** The reply date the letter asks for, when it asks for one (`replySentence`). */
  respondBy: string | null;
  child: string;
  childFullName: string;
  /** "IEP", "504 plan", "IPP" (Alberta) or "plan"; in Spanish "IEP", "plan 504", "IPP" or "plan". */
  planName: string;
  isUnitedStates: boolean;
  /** "Tuesday, October 6"; with the year when it differs from today's, or always in a formal document. */
  date: (date: string) => string;
  parentName: string;
  facts: string[];
  notes: string[];
  /** The language the letter is written in, and its sentences from the letter catalog. */
  language: DraftLanguage;
  t: Translate;
  /** The ISO dates the letter has written (`date`, the reply date), in order: the same in every language. */
  dates: string[];
  /** "a, b and c" in the letter's language. */
  list: (items: readonly string[]) => string;
  /** "45 minutes", "390 minutes (6 hours 30 minutes)" in the letter's language. */
  minutes: (minutes: number) => string;
  /** A gap the parent fills in, in the letter's words: `gap('yourName')` is "[your name]" ("[su nombre]"). */
  gap: (what: string) => string;
};

/** Which plan the record holds, as the catalog's `plan` select names it. */
export function planKindOf(record: CaseRecord): 'iep' | 'plan504' | 'ipp' | 'none' {
  const plan = record.plan;
  if (!plan) return 'none';
  if (plan.kind === '504') return 'plan504';
  // Alberta calls it an Individualized Program Plan (docs/legal-sources.md, `ab-standards`).
  if (plan.jurisdiction.country === 'CA' && /^(?:ab|alberta)$/iu.test(plan.jurisdiction.region ?? '')) {
    return 'ipp';
  }
  return 'iep';
}

/** The catalog's words for a count of minutes, with hours from two hours up ("390 minutes (6 hours 30 minutes)"). */
function minutesIn(t: Translate, minutes: number): string {
  const rounded = Math.round(minutes);
  const words = t('letter.minutes', { count: rounded, n: String(rounded) });
  if (rounded < 120) return words;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  const hourWords = t('letter.hours', { count: hours, n: String(hours) });
  return t('letter.minutesWithHours', {
    minutes: words,
    hours:
      rest > 0
        ? t('letter.hoursAndMinutes', {
            hours: hourWords,
            minutes: t('letter.minutes', { count: rest, n: String(rest) }),
          })
        : hourWords,
  });
}

export function writerFor(
  record: CaseRecord,
  formal = false,
  reply?: ReplyOption,
  language: DraftLanguage = DEFAULT_DRAFT_LANGUAGE,
): Writer {
  const thisYear = record.asOf.slice(0, 4);
  const { t } = letterTranslator(language);
  const dates: string[] = [];
  const gap = (what: string) => placeholder(t(`letter.gap.${what}`));
  return {
    record,
    respondBy: reply ? respondByFor(record, reply.respondBy) : null,
    child: record.child.firstName,
    childFullName: [record.child.firstName, record.child.lastName].filter(Boolean).join(' '),
    planName: t('letter.planName', { plan: planKindOf(record) }),
    isUnitedStates: record.plan?.jurisdiction.country !== 'CA',
    date: (date) => {
      const words = dateIn(language, date, formal || date.slice(0, 4) !== thisYear);
      dates.push(date);
      return words;
    },
    parentName: record.parent.name.trim() || gap('yourName'),
    facts: [],
    notes: [],
    language,
    t,
    dates,
    list: (items) => listIn(language, items),
    minutes: (minutes) => minutesIn(t, minutes),
    gap,
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
    placeholders.length > 0
      ? [
          w.t('letter.gapsNote', {
            what: kind === 'board_appeal' ? 'appeal' : 'letter',
            gaps: w.list(placeholders),
          }),
        ]
      : [];
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
    language: w.language,
    dates: [...w.dates],
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
    if (!isIsoDate(requested))
      throw new LetterRequestError(`the reply date is not a date: ${requested}`, {
        rule: 'letter.replyNotDate',
        values: { date: requested },
      });
    if (requested <= record.asOf) {
      throw new LetterRequestError(
        `the reply date (${formatLongDate(requested, true)}) must come after the day the letter is written (${formatLongDate(record.asOf, true)})`,
        { rule: 'letter.replyBeforeLetter', values: { replyBy: requested, date: record.asOf } },
      );
    }
    return requested;
  }
  return replyDueDate(record.asOf, record.replySchoolDays ?? DEFAULT_REPLY_SCHOOL_DAYS, record.isSchoolDay);
}

/** What a reply is asked for, beside the answer itself (the catalog's `purpose` select of `letter.reply`). */
export type ReplyPurpose = 'answer' | 'thoughts' | 'arrangements' | 'whenReady' | 'logsReady';

/** "Could you reply by Friday, October 23?": the sentence every request carries. */
export function replySentence(w: Writer, purpose: ReplyPurpose = 'answer'): string {
  if (!w.respondBy) throw new RangeError('this letter asks for no reply');
  // The reply date carries its year when it is not this year's (as `replyByWords` writes it).
  const date = dateIn(w.language, w.respondBy, w.respondBy.slice(0, 4) !== w.record.asOf.slice(0, 4));
  w.dates.push(w.respondBy);
  return w.t('letter.reply', { purpose, date });
}

export function salutation(w: Writer, to: readonly LetterRecipient[]): string {
  return w.t('letter.salutation', { count: to.length, names: w.list(to.map((r) => r.name)) });
}

/** How a letter closes: "Kind regards," or "Thank you,". */
export type Closing = 'regards' | 'thanks' | 'withThanks';

export function signature(w: Writer, closing: Closing = 'regards'): string {
  return `${w.t('letter.closing', { closing })}\n${w.parentName}`;
}

/** A letter's body: the salutation to `to`, the paragraphs, and the closing over the parent's name, a blank line apart. */
export function letterBody(
  w: Writer,
  to: readonly LetterRecipient[],
  paragraphs: readonly string[],
  closing: Closing = 'regards',
): string {
  return [salutation(w, to), ...paragraphs, signature(w, closing)].join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Recipients.

export function recipientOf(contact: CaseContact): LetterRecipient {
  return { name: contact.name, email: contact.email };
}

export function roleHolder(record: CaseRecord, role: TeamRole): CaseContact | null {
  return contactsWithRole(record.team, role)[0] ?? null;
}

export function recipientForRole(w: Writer, role: TeamRole): LetterRecipient {
  const contact = roleHolder(w.record, role);
  return contact ? recipientOf(contact) : { name: w.gap(`role.${role}`), email: null };
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
