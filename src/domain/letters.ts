// Letters drafted from the record: each quotes the plan's own words and the dates and counts the family
// recorded, and never accuses. The article's playbook (../shared/seed/): document, communicate ("be
// specific but non-accusatory"), follow up verbal talks in writing, send check-ins, call a meeting when
// services are not delivered, escalate when emails go unanswered. The parent edits every draft before
// sending; `facts.entryIds` keeps the paper trail of what each letter quotes.
//
// Pure: no I/O, no clock (`record.asOf` is "today"). Jurisdiction timelines come in as arguments (the
// advisor builds jurisdiction profiles); this module only knows the federal rules each letter cites
// (RULES.md). A 504 plan never gets IDEA steps, an IEP never gets the OCR outline, and a Canadian plan
// never gets US steps or citations.

import { type BoardAppealOptions, boardAppealProvince, draftBoardAppeal } from './board-appeal-letter.ts';
import {
  type CaseAccommodation,
  type CaseContact,
  type CaseObservation,
  type CaseParentNote,
  type CaseRecord,
  type CaseService,
  type CaseSessionMiss,
  closureMissesToList,
  occurrencesOf,
  owedMissesToList,
  pendingMisses,
} from './case-record.ts';
import {
  awaitsReply,
  type Communication,
  DEFAULT_REPLY_SCHOOL_DAYS,
  type ParentPosition,
  replyState,
  VERBAL_KINDS,
} from './communications.ts';
import { addDays, isIsoDate } from './dates.ts';
import { caseCalendar, deadlineOf, replyDueDate } from './deadlines.ts';
import { FINDING_RULES, type Finding } from './implementation-patterns.ts';
import { profileFor } from './jurisdictions.ts';
import { pin, pins } from './legal-sources.ts';
import {
  attachmentSentence,
  bulletList,
  capitalize,
  contactsWithRole,
  countOf,
  countWords,
  formatLongDate,
  formatMinutes,
  type LetterAttachment,
  listWords,
  lowerFirst,
  missReasonWords,
  observationOutcomeWords,
  observationSourceWords,
  oneYearBefore,
  placeholder,
  placeholdersIn,
  possessive,
  providerFor,
  quotePlan,
  ROLE_PLACEHOLDERS,
  replyByWords,
  type TeamRole,
} from './letter-words.ts';

export const LETTER_KINDS = [
  'specific_concern',
  'check_in',
  'follow_up_unanswered',
  'follow_up_verbal',
  'thank_you',
  'request_service_logs',
  'request_iep_meeting',
  'request_records',
  'request_prior_written_notice',
  'escalation',
  'state_complaint',
  'ocr_complaint_outline',
  'board_appeal',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export type LetterRecipient = { name: string; email: string | null };

export {
  asksReplyBy,
  attachmentSentence,
  LETTER_ATTACHMENTS,
  type LetterAttachment,
  type PlaceholderSpot,
  replaceAttachmentSentence,
  replaceRespondBy,
  replyByWords,
  unfilledPlaceholders,
} from './letter-words.ts';

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

/** The letters that make sense for a Canadian plan: no US procedure, no US citation. */
export const CANADA_LETTER_KINDS: ReadonlySet<LetterKind> = new Set<LetterKind>([
  'specific_concern',
  'check_in',
  'follow_up_unanswered',
  'follow_up_verbal',
  'thank_you',
  'request_service_logs',
  'request_records',
  'request_iep_meeting',
  // Up the ladder a province sets (principal, superintendent, the board): no US citation in it.
  'escalation',
  // British Columbia (School Act s.11) and Alberta (Education Act s.42): src/domain/board-appeal-letter.ts.
  'board_appeal',
]);

function unavailableReason(record: CaseRecord, kind: LetterKind): string | null {
  const plan = record.plan;
  if (plan?.jurisdiction.country === 'CA' && !CANADA_LETTER_KINDS.has(kind)) {
    const where = plan.jurisdiction.region ?? 'the province or territory';
    return (
      `A ${kind.replaceAll('_', ' ')} is a United States procedure; for a Canadian plan, ${where} sets its own rules. ` +
      'Start with a specific concern, a check-in or a meeting request to the school.'
    );
  }
  switch (kind) {
    case 'state_complaint':
      if (!plan) return 'A state complaint needs the plan it is about: add the IEP first.';
      if (plan.kind === '504') {
        return (
          'An IDEA state complaint (34 CFR 300.153) is for an IEP, not a 504 plan. For a 504 plan, use the ' +
          "OCR complaint outline (180 days from the last act) or the district's 504 grievance process."
        );
      }
      return null;
    case 'ocr_complaint_outline':
      if (!plan) return 'An OCR complaint outline needs the 504 plan it is about: add the plan first.';
      if (plan.kind === 'iep') {
        return (
          'The OCR complaint outline is for a 504 plan. For an IEP, the state complaint draft ' +
          '(34 CFR 300.153) is the matching step.'
        );
      }
      return null;
    case 'request_prior_written_notice':
      if (!plan) return 'A request for written notice needs the plan it is about: add the plan first.';
      return null;
    case 'board_appeal':
      return boardAppealProvince(record)
        ? null
        : 'An appeal to the school board is drafted for a plan in British Columbia (School Act s.11) or Alberta (Education Act s.42).';
    default:
      return null;
  }
}

/** The letter kinds this record can draft, in the order of LETTER_KINDS. */
export function lettersAvailable(record: CaseRecord): LetterKind[] {
  return LETTER_KINDS.filter((kind) => unavailableReason(record, kind) == null);
}

function assertAvailable(record: CaseRecord, kind: LetterKind): void {
  const reason = unavailableReason(record, kind);
  if (reason) throw new LetterUnavailableError(kind, reason);
}

// ---------------------------------------------------------------------------------------------
// The writer: names, dates and the paper trail of one letter.

type Writer = {
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
  // Alberta calls it an Individualized Program Plan (RULES.md, Canada).
  if (plan.jurisdiction.country === 'CA' && /^(?:ab|alberta)$/iu.test(plan.jurisdiction.region ?? '')) {
    return 'IPP';
  }
  return 'IEP';
}

function writerFor(record: CaseRecord, formal = false, reply?: ReplyOption): Writer {
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

function finish(
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
  const notes = [...w.notes];
  if (placeholders.length > 0) {
    notes.unshift(
      `Your record does not hold everything this letter needs: fill in ${listWords(placeholders)} before you send it.`,
    );
  }
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
function replySentence(w: Writer, purpose = ''): string {
  if (!w.respondBy) throw new RangeError('this letter asks for no reply');
  return `Could you ${replyByWords(w.respondBy, w.record.asOf)}${purpose}?`;
}

function salutation(to: readonly LetterRecipient[]): string {
  return `Dear ${listWords(to.map((r) => r.name))},`;
}

function signature(w: Writer, closing = 'Kind regards,'): string {
  return `${closing}\n${w.parentName}`;
}

// ---------------------------------------------------------------------------------------------
// Recipients.

function recipientOf(contact: CaseContact): LetterRecipient {
  return { name: contact.name, email: contact.email };
}

function roleHolder(record: CaseRecord, role: TeamRole): CaseContact | null {
  return contactsWithRole(record.team, role)[0] ?? null;
}

function recipientForRole(record: CaseRecord, role: TeamRole): LetterRecipient {
  const contact = roleHolder(record, role);
  return contact ? recipientOf(contact) : { name: ROLE_PLACEHOLDERS[role], email: null };
}

/** The case manager in copy, unless they are already an addressee. */
function caseManagerCopy(record: CaseRecord, to: readonly LetterRecipient[]): LetterRecipient[] {
  const manager = roleHolder(record, 'case_manager');
  if (!manager) return [];
  return to.some((r) => r.name === manager.name) ? [] : [recipientOf(manager)];
}

function contactsOf(record: CaseRecord, message: Communication): LetterRecipient[] {
  return message.contactIds
    .map((id) => record.team.find((c) => c.id === id))
    .filter((c): c is CaseContact => c != null)
    .map(recipientOf);
}

// ---------------------------------------------------------------------------------------------
// Facts in sentences, shared by several letters.

function findService(record: CaseRecord, serviceId: string): CaseService {
  const service = record.services.find((s) => s.id === serviceId);
  if (!service) throw new RangeError(`no service with id ${serviceId} in this record`);
  return service;
}

function findAccommodation(record: CaseRecord, accommodationId: string): CaseAccommodation {
  const accommodation = record.accommodations.find((a) => a.id === accommodationId);
  if (!accommodation) throw new RangeError(`no accommodation with id ${accommodationId} in this record`);
  return accommodation;
}

function findCommunication(record: CaseRecord, communicationId: string): Communication {
  const message = record.communications.find((c) => c.id === communicationId);
  if (!message) throw new RangeError(`no communication with id ${communicationId} in this record`);
  return message;
}

function minutesAre(minutes: number): string {
  return `${formatMinutes(minutes)} ${Math.round(minutes) === 1 ? 'is' : 'are'}`;
}

/**
 * "90 minutes of missed sessions have not been made up": a fact from the ledger (sessions missed for a
 * reason the plan's policy does not excuse, and no make-up logged), never a statement of what the law
 * requires.
 */
function notMadeUpWords(minutes: number): string {
  return `${formatMinutes(minutes)} of missed sessions ${Math.round(minutes) === 1 ? 'has' : 'have'} not been made up`;
}

/** Owed minutes not made up that were lost to school closures (said and listed apart from misses). */
function closedMinutes(service: CaseService): number {
  const closed = closureMissesToList(service).reduce((sum, m) => sum + m.owedRemainingMinutes, 0);
  return Math.min(service.ledger.owedBalanceMinutes, closed);
}

/**
 * "70 minutes of missed sessions have not been made up, and 30 more were lost to school closures and not
 * made up": the owed balance, closures apart; null when nothing is owed.
 */
function notMadeUpClause(
  service: CaseService,
  minutes: (n: number) => string = formatMinutes,
): string | null {
  const closed = closedMinutes(service);
  const missed = service.ledger.owedBalanceMinutes - closed;
  const parts: string[] = [];
  if (missed > 0)
    parts.push(`${minutes(missed)} of missed sessions ${missed === 1 ? 'has' : 'have'} not been made up`);
  if (closed > 0) {
    parts.push(
      `${missed > 0 ? `${closed} more` : minutes(closed)} ${closed === 1 ? 'was' : 'were'} lost to school closures and not made up`,
    );
  }
  return parts.length > 0 ? parts.join(', and ') : null;
}

function percentOf(service: CaseService): number | null {
  const { ledger } = service;
  if (ledger.percentDelivered != null) return Math.round(ledger.percentDelivered);
  return ledger.requiredMinutes > 0
    ? Math.round((ledger.deliveredMinutes / ledger.requiredMinutes) * 100)
    : null;
}

/** `The IEP lists: "Speech-language therapy, 30 minutes 2 times per week".` (records the service as a fact). */
function planWordsForService(w: Writer, service: CaseService): string {
  w.facts.push(service.id);
  // A service of an earlier plan (the one before the annual review renewed it) is quoted as that plan's.
  const earlier = service.earlierPlan;
  if (earlier && service.sourceText) {
    return (
      `${possessive(w.child)} earlier ${w.planName}${earlier.title ? ` (${earlier.title})` : ''}, ` +
      `in effect from ${w.date(earlier.effectiveFrom)} to ${w.date(earlier.effectiveTo)}, listed ${quotePlan(service.sourceText)}.`
    );
  }
  if (service.sourceText)
    return `${possessive(w.child)} ${w.planName} lists ${quotePlan(service.sourceText)}.`;
  w.notes.push(
    `The ${w.planName}'s own words for ${lowerFirst(service.name)} are not in your record; quoting them from the plan makes the letter stronger.`,
  );
  return `${possessive(w.child)} ${w.planName} includes ${lowerFirst(service.name)}.`;
}

/** Delivered, required and owed minutes over the ledger's window, in one or two sentences. */
function deliverySentence(w: Writer, service: CaseService): string {
  const l = service.ledger;
  const percent = percentOf(service);
  let text =
    `From ${w.date(l.from)} to ${w.date(l.to)}, ${formatMinutes(l.deliveredMinutes)} of the ` +
    `${formatMinutes(l.requiredMinutes)} required ${l.deliveredMinutes === 1 ? 'was' : 'were'} delivered` +
    `${percent == null ? '' : ` (${percent}%)`}.`;
  const owed = notMadeUpClause(service);
  if (owed) text += ` ${capitalize(owed)}.`;
  if (l.makeupMinutes > 0) {
    text += ` The ${formatMinutes(l.makeupMinutes)} of make-up sessions are already counted, and I appreciate them.`;
  }
  if (l.unloggedMinutes > 0) text += ` Another ${minutesAre(l.unloggedMinutes)} not in the log yet.`;
  return text;
}

function inRange(m: CaseSessionMiss, from: string | null, to: string | null): boolean {
  return (from == null || m.date >= from) && (to == null || m.date <= to);
}

function byMissDate(a: CaseSessionMiss, b: CaseSessionMiss): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** "(30 minutes)", or "(10 of 30 minutes not made up yet)" when make-ups cured part of it. */
function owedMinutesWords(m: CaseSessionMiss): string {
  return m.owedRemainingMinutes < m.minutes
    ? `(${m.owedRemainingMinutes} of ${formatMinutes(m.minutes)} not made up yet)`
    : `(${formatMinutes(m.owedRemainingMinutes)})`;
}

/**
 * "Tuesday, October 6: a school event or assembly (30 minutes)", one per session in `from..to` that the
 * ledger counts as owed and not yet made up, closures apart (`closureLines`). Excused misses (the child
 * absent or refusing), misses whose reason is not known yet, and misses already made up are never in it:
 * they are not counted as owed (docs/ledger-rules.md, rules 2 and 4).
 */
function missLines(
  w: Writer,
  service: CaseService,
  from: string | null = null,
  to: string | null = null,
): string[] {
  return owedMissesToList(service)
    .filter((m) => inRange(m, from, to))
    .sort(byMissDate)
    .map((m) => {
      w.facts.push(m.entryId);
      return `${w.date(m.date)}: ${missReasonWords(m.reason, w.child)} ${owedMinutesWords(m)}`;
    });
}

/** Sessions lost to a school closure and still owed, one line each, labelled as closures. */
function closureLines(
  w: Writer,
  service: CaseService,
  from: string | null = null,
  to: string | null = null,
): string[] {
  return closureMissesToList(service)
    .filter((m) => inRange(m, from, to))
    .sort(byMissDate)
    .map((m) => {
      w.facts.push(m.entryId);
      return `${w.date(m.date)}: the school was closed ${owedMinutesWords(m)}`;
    });
}

/** Misses whose reason is not known yet, as dates only: a question to ask, never a failure to name. */
function pendingDates(
  w: Writer,
  service: CaseService,
  from: string | null = null,
  to: string | null = null,
): string[] {
  return pendingMisses(service)
    .filter((m) => inRange(m, from, to))
    .sort(byMissDate)
    .map((m) => {
      w.facts.push(m.entryId);
      return w.date(m.date);
    });
}

/** The paragraph about closures, apart from the misses: "These sessions fell on days the school was closed; ...". */
function closureParagraph(lines: readonly string[]): string[] {
  if (lines.length === 0) return [];
  return [
    `${lines.length === 1 ? 'This session fell on a day' : 'These sessions fell on days'} the school was closed; by my records ${lines.length === 1 ? 'it has' : 'they have'} not been made up yet:\n${bulletList(lines)}`,
  ];
}

type Occurrence = ReturnType<typeof occurrencesOf>[number];

function byDate<T extends { date: string; id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
}

function byOccurrenceDate(a: Occurrence, b: Occurrence): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** "Tuesday, October 6 (Math, test, substitute teacher)". */
function observationWhen(
  w: Writer,
  o: Pick<CaseObservation, 'date' | 'className' | 'setting' | 'teacherKind'>,
): string {
  const setting = o.setting && o.setting !== 'other' ? o.setting : null;
  const details = [o.className, setting, o.teacherKind === 'substitute' ? 'substitute teacher' : null].filter(
    (d): d is string => d != null && d.length > 0,
  );
  return `${w.date(o.date)}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

/** How I know, from the records that agree with the occurrence's outcome: "I saw this myself; seen on a work sample". */
function occurrenceSources(w: Writer, o: Occurrence): string | null {
  const words = [
    ...new Set(
      o.sources
        .filter((e) => !o.disagreeing.includes(e) && e.outcome !== 'unknown')
        .map((e) => observationSourceWords(e.source, w.child))
        .filter((x): x is string => x != null),
    ),
  ];
  return words.length > 0 ? words.join('; ') : null;
}

/**
 * "Tuesday, October 6 (Math, test, substitute teacher): not in place; I saw this myself; Emma told me".
 * One line per occurrence, however many records speak of it; every record goes into the paper trail.
 * When the records disagree, the letter states the deciding one and the parent is told (a note).
 */
function occurrenceLine(w: Writer, o: Occurrence): string {
  w.facts.push(...o.entryIds);
  noteDisagreement(w, o);
  const source = occurrenceSources(w, o);
  return `${observationWhen(w, o)}: ${observationOutcomeWords(o.outcome)}${source ? `; ${source}` : ''}`;
}

function noteDisagreement(w: Writer, o: Occurrence): void {
  if (!o.disagreement) return;
  const others = [
    ...new Set(o.disagreeing.map((e) => observationSourceWords(e.source, w.child) ?? 'another record')),
  ];
  w.notes.push(
    `Your records disagree about ${w.date(o.date)}${o.className ? ` in ${o.className}` : ''}: the letter says "${observationOutcomeWords(o.outcome)}" ` +
      `(${observationSourceWords(o.decidedBy.source, w.child) ?? 'a record'}), but ${listWords(others)} said "${observationOutcomeWords(o.disagreeing[0]!.outcome)}". ` +
      'Check which is right before sending.',
  );
}

/** The dates of occurrences in words, each once (two classes on one day are one date). */
function uniqueDates(w: Writer, occurrences: readonly Occurrence[]): string[] {
  return [...new Set(occurrences.map((o) => o.date))].sort().map((d) => w.date(d));
}

type LapseSummary = { lapses: Occurrence[]; known: Occurrence[] };

/** Lapses and known outcomes by occurrence (one school day and class), on or after `since`. */
function lapsesOf(accommodation: CaseAccommodation, since: string | null = null): LapseSummary {
  const inWindow = occurrencesOf(accommodation)
    .filter((o) => since == null || o.date >= since)
    .sort(byOccurrenceDate);
  const known = inWindow.filter((o) => o.outcome !== 'unknown');
  return { lapses: known.filter((o) => o.lapse), known };
}

/** `not in place on 3 of the 5 days I have notes for` ("times" when one day holds two classes). */
function lapseCount(summary: LapseSummary): string {
  const perDay = new Set(summary.known.map((o) => o.date)).size === summary.known.length;
  const unit = perDay ? 'day' : 'time';
  return `not in place (or only partly) ${perDay ? 'on ' : ''}${summary.lapses.length} of the ${countOf(summary.known.length, unit)} I have notes for`;
}

/** Finding text speaks to the parent ("your child", "you noted"); a letter speaks about the child. */
function findingForLetter(w: Writer, text: string): string {
  return text
    .replace(/\byour child's\b/giu, possessive(w.child))
    .replace(/\byour child\b/giu, w.child)
    .replace(/\byou noted\b/giu, 'I noted');
}

function findingsAbout(record: CaseRecord, subjectId: string): Finding[] {
  return record.findings.filter((f) => f.subjectId === subjectId);
}

const GOAL_RULES: ReadonlySet<string> = new Set([
  FINDING_RULES.noProgress,
  FINDING_RULES.targetMetEarly,
  FINDING_RULES.noDataSinceReport,
]);

function isGoalFinding(finding: Finding): boolean {
  return GOAL_RULES.has(finding.rule);
}

/** Services with minutes still to make up, and accommodations with lapses: what a meeting or escalation is about. */
function openConcerns(
  record: CaseRecord,
  focus: { serviceId?: string; accommodationId?: string },
): { services: CaseService[]; accommodations: CaseAccommodation[] } {
  if (focus.serviceId) return { services: [findService(record, focus.serviceId)], accommodations: [] };
  if (focus.accommodationId) {
    return { services: [], accommodations: [findAccommodation(record, focus.accommodationId)] };
  }
  return {
    // Only what the school owes: an excused miss, or one whose reason is not known yet, is no concern to raise.
    services: record.services.filter(
      (s) =>
        s.ledger.owedBalanceMinutes > 0 ||
        owedMissesToList(s).length > 0 ||
        closureMissesToList(s).length > 0,
    ),
    accommodations: record.accommodations.filter((a) => lapsesOf(a).lapses.length > 0),
  };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

const MESSAGE_WORDS: Readonly<Record<Communication['kind'], string>> = {
  email: 'email',
  phone: 'phone call',
  meeting: 'meeting',
  note_home: 'note',
  letter: 'letter',
  other: 'message',
};

function teamNames(record: CaseRecord, message: Communication): string {
  const names = contactsOf(record, message).map((r) => r.name);
  if (message.otherParties) names.push(message.otherParties);
  return names.length > 0 ? listWords(names) : 'the school';
}

/** "Tuesday, October 6: email to Maria Rivera, "Calculator in math" (no reply yet)". */
function contactLine(w: Writer, message: Communication): string {
  w.facts.push(message.id);
  const what = MESSAGE_WORDS[message.kind];
  const who = teamNames(w.record, message);
  const preposition = VERBAL_KINDS.has(message.kind) ? 'with' : message.direction === 'sent' ? 'to' : 'from';
  const subject = message.subject ? `, ${quotePlan(message.subject)}` : '';
  const state = replyState(message, w.record.communications, w.record.asOf);
  let reply = '';
  if (state.state === 'answered') {
    const replies = w.record.communications.filter((c) => state.replyIds.includes(c.id));
    const first = byDate(replies)[0];
    // The reply the line dates is a fact the letter states.
    if (first) w.facts.push(first.id);
    reply = first ? ` (answered ${w.date(first.date)})` : ' (answered)';
  } else if (state.state === 'overdue') {
    reply = state.holdingReplyIds
      ? ` (an answer was promised by ${w.date(state.dueBy)}; none yet)`
      : ' (no reply yet)';
  } else if (state.state === 'holding') {
    reply = ` (an answer is promised by ${w.date(state.promisedBy)})`;
  } else if (state.state === 'waiting') {
    reply = ` (reply expected by ${w.date(state.dueBy)})`;
  }
  return `${w.date(message.date)}: ${what} ${preposition} ${who}${subject}${reply}`;
}

/** Communications on or after `since`, oldest first. */
function contactsSince(record: CaseRecord, since: string | null): Communication[] {
  return byDate(record.communications.filter((c) => since == null || c.date >= since));
}

// ---------------------------------------------------------------------------------------------
// 1. A specific concern about one accommodation or one service.

export type SpecificConcernRequest = ({ accommodationId: string } | { serviceId: string }) & ReplyOption;

/**
 * The article's step 2: "I noticed that Emma didn't use her calculator during math, though it's listed
 * as an accommodation in her IEP. Could we touch base to make sure staff are aware of her supports?"
 */
export function draftSpecificConcern(record: CaseRecord, request: SpecificConcernRequest): Letter {
  assertAvailable(record, 'specific_concern');
  const w = writerFor(record, false, request);
  return 'serviceId' in request
    ? serviceConcern(w, findService(record, request.serviceId))
    : accommodationConcern(w, findAccommodation(record, request.accommodationId));
}

function accommodationConcern(w: Writer, accommodation: CaseAccommodation): Letter {
  const { record, child } = w;
  w.facts.push(accommodation.id);
  const summary = lapsesOf(accommodation);
  // The teacher of the class where it lapsed, when a role names the class ("Math teacher").
  const classNames = [...new Set(summary.lapses.map((o) => o.className).filter((c): c is string => !!c))];
  const classTeacher = record.team.find((c) =>
    classNames.some((cls) => /teacher/iu.test(c.role) && c.role.toLowerCase().includes(cls.toLowerCase())),
  );
  const teacher = classTeacher ?? roleHolder(record, 'teacher');
  const to = [teacher ? recipientOf(teacher) : recipientForRole(record, 'case_manager')];
  const cc = caseManagerCopy(record, to);

  const quoted = quotePlan(accommodation.text);
  let noticed: string;
  if (summary.lapses.length === 0) {
    noticed =
      `I noticed that ${child} did not have ${quoted} on ${placeholder('the dates you noticed')}, ` +
      `though it's listed as an accommodation in ${possessive(child)} ${w.planName}.`;
    w.notes.push(
      'No observation of this accommodation is recorded as not in place: add the dates you noticed.',
    );
  } else if (summary.lapses.length === 1) {
    const only = summary.lapses[0]!;
    w.facts.push(...only.entryIds);
    noteDisagreement(w, only);
    const source = occurrenceSources(w, only);
    noticed =
      `I noticed that ${possessive(child)} accommodation ${quoted} was ${observationOutcomeWords(only.outcome)} ` +
      `on ${observationWhen(w, only)}, though it's listed in ${possessive(child)} ${w.planName}.` +
      (source ? ` (${capitalize(source)}.)` : '');
  } else {
    const lines = summary.lapses.map((o) => occurrenceLine(w, o));
    noticed =
      `${possessive(child)} ${w.planName} lists ${quoted} as an accommodation. I noticed it was ` +
      `${lapseCount(summary)}:\n${bulletList(lines)}`;
  }

  const patterns = findingsAbout(record, accommodation.id).filter((f) => f.severity === 'concern');
  for (const finding of patterns) w.facts.push(...finding.entryIds);
  const patternQuestions = patterns.map((f) => findingForLetter(w, f.question));

  const body = [
    salutation(to),
    'I hope your week is going well.',
    noticed,
    [
      `Could we touch base to make sure staff are aware of ${possessive(child)} supports?`,
      ...patternQuestions,
      'If something makes this accommodation hard to offer, help me understand, and we can problem-solve together.',
    ].join(' '),
    replySentence(w),
    `Thank you for all you do for ${child}.`,
    signature(w, 'Kind regards,'),
  ].join('\n\n');
  const subject = `${possessive(child)} accommodation: ${shorten(accommodation.text, 60)}`;
  return finish(w, 'specific_concern', subject, to, cc, body);
}

function serviceConcern(w: Writer, service: CaseService): Letter {
  const { record, child } = w;
  const provider = providerFor(record.team, service);
  const to = [provider ? recipientOf(provider) : { name: ROLE_PLACEHOLDERS.provider, email: null }];
  const cc = caseManagerCopy(record, to);
  // Only what is owed and not yet made up is "missed"; closures apart; a miss whose reason is not known
  // yet is a question, never the school's failure; an excused miss (absent, refused) is not raised.
  const misses = missLines(w, service);
  const closures = closureLines(w, service);
  const unknown = pendingDates(w, service);
  const owes = service.ledger.owedBalanceMinutes > 0 || misses.length > 0 || closures.length > 0;
  const body = [
    salutation(to),
    `I hope your week is going well. I'm writing about ${possessive(child)} ${lowerFirst(service.name)}.`,
    `${planWordsForService(w, service)} ${deliverySentence(w, service)}`,
    ...(misses.length > 0
      ? [`These are the sessions I have noted as missed and not yet made up:\n${bulletList(misses)}`]
      : []),
    ...closureParagraph(closures),
    ...(unknown.length > 0
      ? [
          `I also have ${unknown.length === 1 ? 'a session' : 'sessions'} noted as not held, with the reason not yet known: ${listWords(unknown)}. ` +
            `Could you tell me what happened${unknown.length === 1 ? ' that day' : ' on those days'}?`,
        ]
      : []),
    owes
      ? `Could we find times to make up the missed sessions? Help me understand how the schedule looks for the rest of the term, ` +
        `and whether there is anything I can do to help. Can we problem-solve together?`
      : `Help me understand how the schedule looks for the rest of the term, and whether there is anything I can do to help.`,
    replySentence(w),
    `Thank you for all you do for ${child}.`,
    signature(w, 'Kind regards,'),
  ].join('\n\n');
  const subject = owes
    ? `${possessive(child)} ${lowerFirst(service.name)}: making up missed sessions`
    : `${possessive(child)} ${lowerFirst(service.name)}`;
  return finish(w, 'specific_concern', subject, to, cc, body);
}

function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (clean.length <= max) return clean;
  return `${clean.slice(0, max).replace(/\s+\S*$/u, '')}...`;
}

// ---------------------------------------------------------------------------------------------
// 2. A weekly or mid-term check-in to the case manager.

export type CheckInLetterOptions = { period?: 'weekly' | 'mid_term' } & ReplyOption;

const PROGRESS_REPORT = /progress/iu;

/** Product choice: a mid-term check-in with no earlier progress report looks back six weeks. */
export const MID_TERM_FALLBACK_DAYS = 42;

/**
 * The article's "Request Mid-Term Progress Check-Ins": what went well (wins, accommodations in place,
 * services on schedule), then a question or two (make-ups still owed, an accommodation that slipped, goals
 * before the next progress report).
 */
export function draftCheckIn(record: CaseRecord, options: CheckInLetterOptions = {}): Letter {
  assertAvailable(record, 'check_in');
  const period = options.period ?? 'weekly';
  const w = writerFor(record, false, options);
  const { child, planName } = w;
  const to = [recipientForRole(record, 'case_manager')];

  const reports = record.keyDates.filter((k) => PROGRESS_REPORT.test(k.kind)).map((k) => k.date);
  const lastReport =
    reports
      .filter((d) => d <= record.asOf)
      .sort()
      .pop() ?? null;
  const nextReport = reports.filter((d) => d > record.asOf).sort()[0] ?? null;
  const since =
    period === 'weekly'
      ? addDays(record.asOf, -6)
      : (lastReport ?? record.plan?.effectiveFrom ?? addDays(record.asOf, -MID_TERM_FALLBACK_DAYS));
  const sinceWords =
    period === 'weekly'
      ? 'this week'
      : lastReport
        ? `since the progress report on ${w.date(lastReport)}`
        : `since ${w.date(since)}`;

  const wentWell: string[] = [];
  for (const note of byDate(record.parentNotes.filter((n) => n.kind === 'win' && n.date >= since))) {
    w.facts.push(note.id);
    wentWell.push(`${w.date(note.date)}: ${note.text}`);
  }
  for (const accommodation of record.accommodations) {
    // By occurrence: a day noted three ways is one day in place.
    const provided = occurrencesOf(accommodation)
      .filter((o) => o.outcome === 'provided' && o.date >= since)
      .sort(byOccurrenceDate);
    if (provided.length === 0) continue;
    w.facts.push(accommodation.id, ...provided.flatMap((o) => o.entryIds));
    wentWell.push(`${quotePlan(accommodation.text)} was in place on ${listWords(uniqueDates(w, provided))}.`);
  }
  for (const service of record.services) {
    const weeks = service.weeks.filter((wk) => addDays(wk.start, 6) >= since && wk.requiredMinutes > 0);
    if (weeks.length === 0 || weeks.some((wk) => wk.deliveredMinutes < wk.requiredMinutes)) continue;
    w.facts.push(service.id, ...weeks.flatMap((wk) => wk.entryIds));
    const delivered = weeks.reduce((sum, wk) => sum + wk.deliveredMinutes, 0);
    wentWell.push(
      `${capitalize(service.name)}: every session happened as planned (${formatMinutes(delivered)}).`,
    );
  }

  const questions: string[] = [];
  for (const service of record.services) {
    if (service.ledger.owedBalanceMinutes <= 0) continue;
    w.facts.push(service.id);
    questions.push(
      `How are the make-ups for ${lowerFirst(service.name)} going? By my records, since ${w.date(service.ledger.from)}, ` +
        `${notMadeUpWords(service.ledger.owedBalanceMinutes)}.`,
    );
  }
  for (const accommodation of record.accommodations) {
    const summary = lapsesOf(accommodation, since);
    if (summary.lapses.length === 0) continue;
    w.facts.push(accommodation.id, ...summary.lapses.flatMap((o) => o.entryIds));
    for (const o of summary.lapses) noteDisagreement(w, o);
    questions.push(
      `I noticed ${quotePlan(accommodation.text)} wasn't in place on ${listWords(uniqueDates(w, summary.lapses))}. ` +
        'Could we touch base on it?',
    );
  }
  if (period === 'mid_term') {
    for (const goal of record.goals) {
      w.facts.push(goal.id);
      questions.push(
        `How is ${child} doing on the ${lowerFirst(goal.area)} goal (${quotePlan(goal.text)})?` +
          (nextReport
            ? ` Is it on track for the progress report on ${w.date(nextReport)}?`
            : ' Is it on track?'),
      );
    }
  }
  questions.push(`Is there anything we can work on at home to support ${child}?`);

  const opening =
    period === 'weekly'
      ? `I hope your week is going well. I'm checking in on how things went for ${child} ${sinceWords}.`
      : `I hope the term is going well. I'm checking in on how ${possessive(child)} services and goals are going ${sinceWords}, ` +
        `before the next progress report${nextReport ? ` on ${w.date(nextReport)}` : ''}.`;
  const body = [
    salutation(to),
    opening,
    wentWell.length > 0
      ? `What's going well:\n${bulletList(wentWell)}`
      : `Thank you for everything you're doing for ${child} ${period === 'weekly' ? 'this week' : 'this term'}.`,
    `${questions.length === 1 ? 'A question' : 'A few questions'}:\n${bulletList(questions)}`,
    `${replySentence(w)} A short note is fine.`,
    `Thank you for keeping me in the loop on ${possessive(child)} ${planName}.`,
    signature(w),
  ].join('\n\n');
  const subject =
    period === 'weekly'
      ? `Weekly check-in: ${child}`
      : `Mid-term check-in: how ${possessive(child)} services and goals are going`;
  return finish(w, 'check_in', subject, to, [], body);
}

// ---------------------------------------------------------------------------------------------
// 3. A follow-up on an unanswered message.

export type FollowUpUnansweredOptions = ReplyOption & {
  communicationId: string;
  /** A second follow-up: copy the case manager's supervisor (the advisor suggests it). */
  copy?: 'principal' | 'director';
};

export function draftFollowUpUnanswered(record: CaseRecord, options: FollowUpUnansweredOptions): Letter {
  assertAvailable(record, 'follow_up_unanswered');
  const message = findCommunication(record, options.communicationId);
  if (message.direction !== 'sent') {
    throw new RangeError('a follow-up on an unanswered message needs a message the family sent');
  }
  // Only for a message with no reply: never "no reply" to a message that was answered (or closed, or
  // waiting on an answer promised by a date that has not passed).
  const state = replyState(message, record.communications, record.asOf);
  if (!awaitsReply(message, record.communications, record.asOf)) {
    const when = (id: string) => record.communications.find((c) => c.id === id)?.date;
    const reason =
      state.state === 'answered'
        ? `it was answered${when(state.replyIds[0]!) ? ` on ${formatLongDate(when(state.replyIds[0]!)!)}` : ''}`
        : state.state === 'holding'
          ? `an answer was promised by ${formatLongDate(state.promisedBy)}, which has not passed`
          : state.state === 'closed'
            ? 'you marked it as no longer waiting for a reply'
            : 'it expects no reply';
    throw new RangeError(`a follow-up is for a message with no reply, and this one has one: ${reason}`);
  }
  const w = writerFor(record, false, options);
  w.facts.push(message.id);
  const promise =
    state.state === 'overdue' && state.holdingReplyIds
      ? record.communications.filter((c) => state.holdingReplyIds!.includes(c.id))
      : [];
  for (const p of promise) w.facts.push(p.id);
  const contacts = contactsOf(record, message);
  const to = contacts.length > 0 ? contacts : [recipientForRole(record, 'case_manager')];
  const cc = options.copy ? [recipientForRole(record, options.copy)] : [];
  const what = MESSAGE_WORDS[message.kind];
  const about = message.subject ? ` about ${quotePlan(message.subject)}` : '';
  const recap = shorten(message.summary, 600);
  const copied = cc[0]
    ? ` I've also copied ${cc[0].name}, who may be able to help us find a time to talk.`
    : '';
  const body = [
    salutation(to),
    promise.length > 0 && state.state === 'overdue'
      ? `I'm following up on my ${what} of ${w.date(message.date)}${about}. Thank you for your reply of ` +
        `${w.date(byDate(promise).at(-1)!.date)}; you hoped to get back to me by ${w.date(state.dueBy)}, so I wanted to check in.`
      : `I'm following up on my ${what} of ${w.date(message.date)}${about}. I know how full your days are, ` +
        'so I wanted to make sure it reached you.',
    `To recap, I wrote:\n> ${recap.replace(/\n/gu, '\n> ')}`,
    `${replySentence(w, ' with your thoughts')} If someone else is the best person to ask, ` +
      `I'd be glad to know that too.${copied}`,
    signature(w, 'Thank you,'),
  ].join('\n\n');
  const subject = message.subject
    ? `Following up: ${message.subject}`
    : `Following up on my ${what} of ${w.date(message.date)}`;
  return finish(w, 'follow_up_unanswered', subject, to, cc, body);
}

// ---------------------------------------------------------------------------------------------
// 4. The written follow-up of a call or a meeting.

/** Lines the parent typed, as list items: "- a", "* b", "1. c" and plain lines alike. */
function itemsOf(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n/u)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/u, '').trim())
    .filter((line) => line.length > 0);
}

// Words that say a call or meeting was about changing services: a reduction, a stop, a move.
const CHANGE_WORDS =
  /\b(?:reduc\w*|cut\w*|decreas\w*|fewer|less|lower\w*|drop\w*|stop\w*|end(?:s|ed|ing)?|remov\w*|discontinu\w*|chang\w*|instead|replac\w*|no longer|stays? at|go(?:es|ing)? (?:from|to|down)|down to|once a (?:week|month))\b/iu;

/** Whether what was noted about a call or meeting speaks of changing a service (for the parent's note). */
function speaksOfChange(talk: Communication): boolean {
  return CHANGE_WORDS.test([talk.summary, talk.decisions ?? '', talk.nextSteps ?? ''].join('\n'));
}

/**
 * What a parent who has not agreed (or wants time to think) says about a proposed change, in the terms of
 * the plan's own process: for an IEP, the IEP stays as it is until changed through the IEP process (an
 * amendment without a meeting needs the parent's agreement, 34 CFR 300.324(a)(4)) and the school gives
 * prior written notice of a proposal (34 CFR 300.503); for a 504 plan, notice under the 504 safeguards
 * (34 CFR 104.36); for a Canadian plan, the same asks in plain words, with no citation.
 */
function notAgreedParagraphs(w: Writer, position: 'not_agreed' | 'thinking'): string[] {
  const stance =
    position === 'not_agreed'
      ? 'I have not agreed to this change.'
      : 'I have not agreed to this change yet. I would like time to think it over.';
  const plan = `${possessive(w.child)} ${w.planName}`;
  if (!w.isUnitedStates) {
    return [
      `${stance} As I understand it, ${plan} stays as it is until it is changed with me, through the school's process for reviewing it.`,
      'Could you put the proposal in writing, with the reasons for it?',
    ];
  }
  if (w.record.plan?.kind === '504') {
    return [
      `${stance} As I understand it, ${plan} stays as written until the 504 team changes it.`,
      `Could you send me written notice of the proposal, with the reasons for it (${pin('cfr-104-36')})?`,
    ];
  }
  return [
    `${stance} As I understand it, ${plan} stays in effect as written until it is changed through the IEP process. ` +
      `It can be changed without a meeting only if we both agree to that (${pin('cfr-300-324-a-4')}); otherwise the IEP team meets.`,
    `Could you send me prior written notice of the proposal (${pin('cfr-300-503')})?`,
  ];
}

/**
 * The article's step 3: "Always get verbal conversations followed up with email summaries." Quotes the
 * decisions and the next steps the parent noted after the call or meeting, and follows the parent's
 * position on what was proposed: when she has not agreed (or wants to think), the summary says so and
 * asks for written notice, so it never puts an agreement in writing that she did not give.
 */
export function draftFollowUpVerbal(
  record: CaseRecord,
  options: { communicationId: string } & ReplyOption,
): Letter {
  assertAvailable(record, 'follow_up_verbal');
  const talk = findCommunication(record, options.communicationId);
  if (!VERBAL_KINDS.has(talk.kind)) {
    throw new RangeError('a written follow-up is for a phone call or a meeting');
  }
  const w = writerFor(record, false, options);
  w.facts.push(talk.id);
  const position: ParentPosition = talk.parentPosition ?? 'unknown';
  const objects = position === 'not_agreed' || position === 'thinking';
  const contacts = contactsOf(record, talk);
  const to = contacts.length > 0 ? contacts : [recipientForRole(record, 'case_manager')];
  const when = talk.date === record.asOf ? 'today' : `on ${w.date(talk.date)}`;
  const decisions = itemsOf(talk.decisions);
  const nextSteps = itemsOf(talk.nextSteps);
  // "What we talked about", not "what we decided", when the parent did not agree to it.
  const lead = objects ? 'To make sure I understood what we talked about' : 'To make sure I understood';
  const understood =
    decisions.length > 0 || nextSteps.length > 0
      ? [
          ...(decisions.length > 0 ? [`${lead}:\n${bulletList(decisions)}`] : []),
          ...(nextSteps.length > 0 ? [`Next steps:\n${bulletList(nextSteps)}`] : []),
        ]
      : [`${lead}: ${talk.summary.trim()}`];
  if (position === 'unknown' && speaksOfChange(talk)) {
    w.notes.push(
      `Your notes on this ${talk.kind === 'meeting' ? 'meeting' : 'call'} speak of a change. If you did not agree to it, ` +
        'say so on the message in Messages ("I did not agree" or "I want to think about it") and draft the summary again: ' +
        'it will then say that you have not agreed, and ask for the proposal in writing.',
    );
  }
  const body = [
    salutation(to),
    `Thank you for talking with me ${when}.`,
    ...understood,
    ...(objects ? notAgreedParagraphs(w, position) : []),
    `If I missed or misunderstood anything, please let me know. ${replySentence(w)}`,
    signature(w, 'Thank you,'),
  ].join('\n\n');
  const subject = `Summary of our ${talk.kind === 'meeting' ? 'meeting' : 'call'} on ${w.date(talk.date)}`;
  return finish(w, 'follow_up_verbal', subject, to, [], body);
}

// ---------------------------------------------------------------------------------------------
// 5. A thank-you, or a shared win.

export type ThankYouOptions = {
  /** A win the parent noted; by default the latest one. */
  noteId?: string;
  /** Who to thank; by default the case manager. */
  contactId?: string;
};

/** "Start with gratitude", "Share wins. Let them know when something is working." */
export function draftThankYou(record: CaseRecord, options: ThankYouOptions = {}): Letter {
  assertAvailable(record, 'thank_you');
  const w = writerFor(record);
  const { child } = w;
  let win: CaseParentNote | undefined;
  if (options.noteId) {
    win = record.parentNotes.find((n) => n.id === options.noteId);
    if (!win) throw new RangeError(`no parent note with id ${options.noteId} in this record`);
  } else {
    win = byDate(record.parentNotes.filter((n) => n.kind === 'win')).pop();
  }
  let to: LetterRecipient[];
  if (options.contactId) {
    const contact = record.team.find((c) => c.id === options.contactId);
    if (!contact) throw new RangeError(`no team contact with id ${options.contactId} in this record`);
    to = [recipientOf(contact)];
  } else {
    to = [recipientForRole(record, 'case_manager')];
  }
  if (win) w.facts.push(win.id);
  const news = win
    ? `I wanted to share some good news from ${w.date(win.date)}: ${win.text.trim()}`
    : `I wanted to share some good news: ${placeholder('what went well')}`;
  const body = [
    salutation(to),
    news,
    `Thank you for the work you are putting in with ${child}. It makes a real difference, at school and at home.`,
    signature(w, 'With thanks,'),
  ].join('\n\n');
  return finish(w, 'thank_you', `Thank you, and some good news about ${child}`, to, [], body);
}

// ---------------------------------------------------------------------------------------------
// 6. A request for a service's logs.

export type ServiceLogRequestOptions = { serviceId: string; from?: string; to?: string } & ReplyOption;

export function draftServiceLogRequest(record: CaseRecord, options: ServiceLogRequestOptions): Letter {
  assertAvailable(record, 'request_service_logs');
  const service = findService(record, options.serviceId);
  const w = writerFor(record, false, options);
  const { child } = w;
  const from = options.from ?? service.ledger.from;
  const until = options.to ?? service.ledger.to;
  if (until < from) throw new RangeError(`the date range ends before it starts: ${from}..${until}`);
  const provider = providerFor(record.team, service);
  const to = [provider ? recipientOf(provider) : { name: ROLE_PLACEHOLDERS.provider, email: null }];
  const cc = caseManagerCopy(record, to);

  const sameWindow = from === service.ledger.from && until === service.ledger.to;
  const misses = missLines(w, service, from, until);
  const closures = closureLines(w, service, from, until);
  // The logs will show what happened on the days the family noted a miss without knowing why.
  const unknown = pendingDates(w, service, from, until);
  const mine: string[] = [
    planWordsForService(w, service),
    'I keep notes at home and would like to make sure mine match yours.',
  ];
  if (sameWindow) mine.push(deliverySentence(w, service));
  const region = record.plan?.jurisdiction.region?.toUpperCase() ?? null;
  const rights = !w.isUnitedStates
    ? []
    : record.plan?.kind === '504'
      ? [
          `These logs are part of ${possessive(child)} records, which parents may examine (${pin('cfr-104-36')}).`,
        ]
      : region === 'IL'
        ? [
            `Illinois makes logs of related services available to parents at any time on request (${pins('il-14-8-02f-d', 'il-226-310')}).`,
          ]
        : [
            `These logs are part of ${possessive(child)} education records, which parents may inspect and review (${pin('cfr-300-613-a')}).`,
          ];
  const body = [
    salutation(to),
    `Could you share the service logs for ${possessive(child)} ${lowerFirst(service.name)} from ${w.date(from)} to ${w.date(until)}: ` +
      'the date and minutes of each session, and any sessions missed or made up?',
    mine.join(' '),
    ...(misses.length > 0
      ? [`These are the sessions I have noted as missed and not yet made up:\n${bulletList(misses)}`]
      : []),
    ...closureParagraph(closures),
    ...(unknown.length > 0
      ? [
          `I have ${unknown.length === 1 ? 'a session' : 'sessions'} noted as not held with the reason not yet known (${listWords(unknown)}); the logs would help me understand what happened.`,
        ]
      : []),
    ...rights,
    `A copy by email is perfect. ${replySentence(w, ', or let me know when the logs will be ready')}`,
    'Thank you for your help.',
    signature(w),
  ].join('\n\n');
  const subject = `Service logs for ${possessive(child)} ${lowerFirst(service.name)}, ${w.date(from)} to ${w.date(until)}`;
  return finish(w, 'request_service_logs', subject, to, cc, body);
}

// ---------------------------------------------------------------------------------------------
// 7. A request for a meeting of the team.

export type MeetingRequestOptions = ReplyOption & {
  /** The jurisdiction's timeline for holding a requested meeting (from the advisor's profiles). */
  timeline?: Timeline;
  /** More reasons, in the parent's words. */
  reasons?: string[];
};

function timelineSentence(timeline: Timeline, what: string): string {
  const from = timeline.fromReceipt ? 'of receiving this written request' : 'of this written request';
  // "30 days, not counting ..." reads "within 30 days of receiving this written request, not counting ...".
  const [unit, ...qualifier] = timeline.unit.split(', ');
  const tail = qualifier.length > 0 ? `, ${qualifier.join(', ')}` : '';
  return `I understand ${timeline.duty ?? what} within ${timeline.days} ${unit} ${from}${tail} (${timeline.citation}).`;
}

/**
 * "Call an IEP meeting if services aren't being delivered, goals are no longer relevant, new challenges
 * have emerged, or there's a breakdown in communication." The reasons come from the record: services
 * with minutes owed, accommodations that lapsed, goal flags, new challenges the parent noted.
 */
export function draftMeetingRequest(record: CaseRecord, options: MeetingRequestOptions = {}): Letter {
  assertAvailable(record, 'request_iep_meeting');
  const w = writerFor(record, false, options);
  const { child, planName } = w;
  const to = [recipientForRole(record, 'case_manager')];
  const is504 = record.plan?.kind === '504';

  const reasons: string[] = [];
  for (const service of record.services) {
    if (service.ledger.owedBalanceMinutes <= 0) continue;
    const quoted = planWordsForService(w, service);
    reasons.push(
      `${capitalize(service.name)}: ${quoted} By my records, from ${w.date(service.ledger.from)} to ${w.date(service.ledger.to)}, ` +
        `${notMadeUpWords(service.ledger.owedBalanceMinutes)}.`,
    );
    for (const miss of [...owedMissesToList(service), ...closureMissesToList(service)])
      w.facts.push(miss.entryId);
  }
  for (const accommodation of record.accommodations) {
    const summary = lapsesOf(accommodation);
    if (summary.lapses.length === 0) continue;
    w.facts.push(accommodation.id, ...summary.lapses.flatMap((o) => o.entryIds));
    for (const o of summary.lapses) noteDisagreement(w, o);
    reasons.push(
      `${quotePlan(accommodation.text)} was ${lapseCount(summary)} ` +
        `(${listWords(uniqueDates(w, summary.lapses))}).`,
    );
  }
  for (const finding of record.findings.filter(isGoalFinding)) {
    w.facts.push(finding.subjectId, ...finding.entryIds);
    reasons.push(`${findingForLetter(w, finding.message)} ${findingForLetter(w, finding.question)}`);
  }
  const sincePlan = record.plan?.effectiveFrom ?? null;
  for (const note of byDate(
    record.parentNotes.filter(
      (n) =>
        (n.kind === 'new_challenge' || n.kind === 'concern' || n.kind === 'harm') &&
        (!sincePlan || n.date >= sincePlan),
    ),
  )) {
    w.facts.push(note.id);
    reasons.push(`Something new I've noticed (${w.date(note.date)}): ${note.text.trim()}`);
  }
  reasons.push(...(options.reasons ?? []).map((r) => r.trim()).filter((r) => r.length > 0));
  if (reasons.length === 0) reasons.push(placeholder('what you would like to talk about'));

  const meetingName = is504 ? `a meeting of ${possessive(child)} 504 team` : `an ${planName} meeting`;
  const body = [
    salutation(to),
    `I'm writing to request ${meetingName} to talk about how ${possessive(child)} ${planName} is going, and what we could adjust together.`,
    `Here is what I'd like us to talk about:\n${bulletList(reasons)}`,
    ...(options.timeline ? [timelineSentence(options.timeline, 'the meeting is to be held')] : []),
    `Could you send me a few dates and times that work for the team? I'm usually available ${placeholder('days and times that work for you')}. ` +
      'It would also help to see any progress data or service logs before we meet.',
    replySentence(w),
    'Thank you. I look forward to working on this together.',
    signature(w),
  ].join('\n\n');
  const subject = is504
    ? `Request for a 504 plan meeting for ${child}`
    : `Request for an ${planName} meeting for ${child}`;
  return finish(w, 'request_iep_meeting', subject, to, caseManagerCopy(record, to), body);
}

// ---------------------------------------------------------------------------------------------
// 8. A request for the child's records.

export type RecordsRequestOptions = ReplyOption & {
  /** A state's or province's shorter timeline (California: 5 business days, Ed. Code 56504). */
  timeline?: Timeline;
};

export function draftRecordsRequest(record: CaseRecord, options: RecordsRequestOptions = {}): Letter {
  assertAvailable(record, 'request_records');
  const w = writerFor(record, false, options);
  const { child, planName } = w;
  const principal = roleHolder(record, 'principal');
  const to = [principal ? recipientOf(principal) : recipientForRole(record, 'case_manager')];
  const cc = caseManagerCopy(record, to);

  const items = [
    `${possessive(child)} current ${planName} and any amendments`,
    'evaluations and assessment reports',
    `progress reports on ${possessive(child)} goals`,
    // Each service once: an earlier plan's service with make-ups still owed has the same name as this plan's.
    `service logs and session notes${record.services.length > 0 ? ` (${listWords([...new Set(record.services.map((s) => lowerFirst(s.name)))])})` : ''}`,
    'notes and data kept on accommodations and behavior',
    'attendance and discipline records',
  ];
  // What the law says, and no more: the federal right is to inspect and review within 45 days
  // (34 CFR 300.613(a)); copies are owed only where not having them would prevent that (300.613(b)(2)).
  // A state's own timeline (California's copies in 5 business days) comes from its profile.
  const rules: string[] = [];
  const province = record.plan?.jurisdiction.region?.toUpperCase() ?? null;
  if (w.isUnitedStates) {
    rules.push(
      record.plan?.kind === '504'
        ? `Parents may examine their child's records (${pin('cfr-104-36')}); schools respond to a request to inspect and review education records within 45 days of receiving it (${pin('cfr-99-10')}).`
        : "Parents may inspect and review their child's education records without unnecessary delay, before any IEP meeting " +
            `or hearing, and within 45 days of the request at most (${pin('cfr-300-613-a')}).`,
    );
  } else if (province === 'ON') {
    rules.push(
      `Parents of a pupil under 18 may examine the pupil's Ontario Student Record (${pin('on-ea-266-3')}).`,
    );
  } else if (province === 'BC') {
    rules.push(
      `Parents may examine, on request, the records the board keeps about their child (${pin('bc-sa-9')}).`,
    );
  }
  if (options.timeline) rules.push(timelineSentence(options.timeline, 'the records are to be available'));
  const body = [
    salutation(to),
    `I'd like to request a copy of ${possessive(child)} ${w.isUnitedStates ? 'education records' : 'student record'}. Could you please include:\n${bulletList(items)}`,
    ...(rules.length > 0 ? [rules.join(' ')] : []),
    `Copies by email are perfect, or let me know when I can pick them up. ${replySentence(w, ', to let me know when they will be ready')}`,
    'Thank you for your help.',
    signature(w),
  ].join('\n\n');
  const subject = `Request for ${possessive(child)} ${w.isUnitedStates ? 'education records' : 'student record'}`;
  return finish(w, 'request_records', subject, to, cc, body);
}

// ---------------------------------------------------------------------------------------------
// 9. A request for prior written notice.

export type PriorWrittenNoticeOptions = ReplyOption & {
  /** The decision or proposal, in the parent's words: "to reduce speech therapy to one session a week". */
  decision: string;
  /** When it was proposed or decided (a call or a meeting). */
  decidedOn?: string;
  /** The logged call or meeting where it came up. */
  communicationId?: string;
  /** Where the parent stands on it; by default what she recorded on the call or meeting, else unknown. */
  parentPosition?: ParentPosition;
};

// The seven elements of 34 CFR 300.503(b), in plain words.
const PRIOR_WRITTEN_NOTICE_ELEMENTS = [
  'what the school proposes to do, or not to do;',
  'why;',
  'each test, record or report the school based it on;',
  'that parents have rights under the procedural safeguards, and how to get a copy of them;',
  'where parents can get help to understand these rules;',
  'the other options the team looked at, and why it turned them down;',
  'anything else that mattered to the choice.',
] as const;

/**
 * Prior written notice (34 CFR 300.503) for an IEP. For a 504 plan the IDEA notice does not apply; the
 * letter asks for the decision in writing under the 504 notice safeguard (34 CFR 104.36) instead. When
 * the parent has not agreed (or wants time to think), the letter says so, calls it a proposal, and says
 * the plan stays as it is until it is changed through its own process.
 */
export function draftPriorWrittenNoticeRequest(
  record: CaseRecord,
  options: PriorWrittenNoticeOptions,
): Letter {
  assertAvailable(record, 'request_prior_written_notice');
  const w = writerFor(record, false, options);
  const decision = options.decision.trim();
  if (decision.length === 0) throw new RangeError('say which decision the notice is about');
  let decidedOn = options.decidedOn ?? null;
  let to = [recipientForRole(record, 'case_manager')];
  let position: ParentPosition = options.parentPosition ?? 'unknown';
  if (options.communicationId) {
    const talk = findCommunication(record, options.communicationId);
    w.facts.push(talk.id);
    decidedOn ??= talk.date;
    if (options.parentPosition == null) position = talk.parentPosition ?? 'unknown';
    const contacts = contactsOf(record, talk);
    if (contacts.length > 0) to = contacts;
  }
  const objects = position === 'not_agreed' || position === 'thinking';
  const when = decidedOn ? ` on ${w.date(decidedOn)}` : '';
  const is504 = record.plan?.kind === '504';
  const what = objects ? 'proposal' : 'decision';
  const opening = `Thank you for talking with me${when} about the ${what} ${decision}.`;
  const ask = objects
    ? // The stance, the plan staying in effect, and the request for notice, in the plan's own terms.
      [opening, ...notAgreedParagraphs(w, position as 'not_agreed' | 'thinking')]
    : is504
      ? [
          `${opening} So I can understand it fully, could you send me written notice of the decision, ` +
            `with the reasons for it and the information it was based on (${pin('cfr-104-36')})?`,
        ]
      : [
          `${opening} So I can understand it fully, could you send me prior written notice of it (${pin('cfr-300-503')})?`,
        ];
  if (!is504) {
    ask.push(
      `As I understand it, the notice includes:\n${PRIOR_WRITTEN_NOTICE_ELEMENTS.map((e, i) => `${i + 1}. ${e}`).join('\n')}`,
    );
  }
  const body = [
    salutation(to),
    ...ask,
    `${replySentence(w)} Thank you. I appreciate your help with this.`,
    signature(w),
  ].join('\n\n');
  const subject = is504
    ? `Request for written notice: ${shorten(decision, 60)}`
    : `Request for prior written notice: ${shorten(decision, 60)}`;
  return finish(w, 'request_prior_written_notice', subject, to, caseManagerCopy(record, to), body);
}

// ---------------------------------------------------------------------------------------------
// 10. An escalation to the principal or the special-education director.

export type EscalationOptions = ReplyOption & {
  /** The principal or director (US); in Canada also the superintendent or the school board. */
  to: 'principal' | 'director' | 'superintendent' | 'board';
  /** Focus on one service or accommodation; by default every open concern. */
  serviceId?: string;
  accommodationId?: string;
  /** What goes with it in the .eml; by default the implementation report, which holds the details. */
  attachment?: LetterAttachment;
};

/**
 * Product choice: an escalation stays short (about 250 words at most) so a busy director reads it to the
 * end: what the plan says, the totals, what was asked and when, and what the parent asks now. Every
 * date and session goes in the attached log instead.
 */
export const ESCALATION_MAX_WORDS = 250;
/** How many services, accommodations and earlier asks the letter names before it refers to the log. */
const ESCALATION_MAX_ITEMS = 3;

/**
 * "(2 more earlier messages in my records.)": what the letter leaves unnamed. It names no attachment, so it
 * stays true whatever the parent attaches (the attachment sentence says what that is).
 */
function moreInRecords(count: number, noun: string): string {
  if (count <= 0) return '';
  return `\n(${countOf(count, `more ${noun}`, `more ${noun}s`)} in my records.)`;
}

/**
 * "Escalate if repeated emails go unanswered, your child is being harmed, or there are clear legal
 * violations." A short letter: the plan's words and the totals for what is not in place, the earlier asks
 * with their dates and whether they were answered, and what the parent asks now; the details go in the
 * attached report. It asks for help, not for blame. A letter over the principal's head copies the
 * principal, so nobody is gone around.
 */
export function draftEscalation(record: CaseRecord, options: EscalationOptions): Letter {
  assertAvailable(record, 'escalation');
  const w = writerFor(record, false, options);
  const { child, planName } = w;
  const attachment = options.attachment ?? 'report_pdf';
  const to = [recipientForRole(record, options.to)];
  // Above the principal, the principal is copied (the parent can change who is copied before sending).
  const principalCopy = options.to === 'principal' ? [] : [recipientForRole(record, 'principal')];
  const cc = [...principalCopy, ...caseManagerCopy(record, [...to, ...principalCopy])];
  // Name only the people the record shows the family has already written to or talked with.
  const earlierNames = [
    ...new Set(
      record.communications
        .filter((c) => c.direction === 'sent' || VERBAL_KINDS.has(c.kind))
        .flatMap((c) => contactsOf(record, c).map((r) => r.name))
        .filter((name) => !to.some((r) => r.name === name)),
    ),
  ];

  const concerns = openConcerns(record, options);
  // One item per service and accommodation: the plan's words and the totals, no dates (they are in the
  // attached log), minutes without the hours (shorter to read in a list). Each keeps the records it rests
  // on, so the paper trail holds only what the letter states.
  type Item = { text: string; facts: string[] };
  const items: Item[] = [];
  let window: { from: string; to: string } | null = null;
  for (const service of concerns.services) {
    const l = service.ledger;
    window ??= { from: l.from, to: l.to };
    const percent = percentOf(service);
    // Sessions lost to a closure are said apart from the missed ones, as every letter does.
    const owed = notMadeUpClause(service, (n) => `${n} minutes`);
    const words = service.sourceText
      ? ` lists ${quotePlan(service.sourceText)}`
      : ` includes ${lowerFirst(service.name)}`;
    items.push({
      text:
        `${capitalize(service.name)}: the ${planName}${words}. ${l.deliveredMinutes} of ${l.requiredMinutes} minutes ` +
        `${l.deliveredMinutes === 1 ? 'was' : 'were'} delivered${percent == null ? '' : ` (${percent}%)`}` +
        (owed ? `; ${owed}.` : '.'),
      facts: [
        service.id,
        ...[...owedMissesToList(service), ...closureMissesToList(service)].map((m) => m.entryId),
      ],
    });
  }
  for (const accommodation of concerns.accommodations) {
    const summary = lapsesOf(accommodation);
    for (const o of summary.lapses) noteDisagreement(w, o);
    items.push({
      text: `The ${planName} lists ${quotePlan(accommodation.text)}. It was ${lapseCount(summary)}.`,
      facts: [accommodation.id, ...summary.lapses.flatMap((o) => o.entryIds)],
    });
  }
  // What the parent asked and when: her own messages and the talks, the latest first to go unnamed.
  const asks: Item[] = contactsSince(record, record.plan?.effectiveFrom ?? null)
    .filter((c) => c.direction === 'sent' || VERBAL_KINDS.has(c.kind))
    .map((c) => {
      const before = w.facts.length;
      const text = contactLine(w, c);
      return { text, facts: w.facts.splice(before) };
    });
  const harm = byDate(record.parentNotes.filter((n) => n.kind === 'harm'));
  for (const note of harm) w.facts.push(note.id);
  const latestHarm = harm.at(-1);
  const attached = attachmentSentence(attachment);

  /** The letter naming the first `shown` items and the last `recent` asks; the rest are in the log. */
  const compose = (shown: number, recent: number): string =>
    [
      salutation(to),
      `I'm writing to ask for your help with ${possessive(child)} ${planName}. ` +
        (earlierNames.length > 0 ? `I have raised this with ${listWords(earlierNames)}, and ` : '') +
        "I'd like to find a way forward together.",
      items.length > 0
        ? `What the ${planName} says, and what happened${window ? ` from ${w.date(window.from)} to ${w.date(window.to)}` : ''}:\n` +
          `${bulletList(items.slice(0, shown).map((i) => i.text))}${moreInRecords(items.length - shown, 'item')}`
        : `What happened: ${placeholder('what happened, with dates')}`,
      ...(asks.length > 0
        ? [
            `What I asked, and when:\n${bulletList(asks.slice(asks.length - recent).map((i) => i.text))}` +
              moreInRecords(asks.length - recent, 'earlier message'),
          ]
        : []),
      ...(latestHarm
        ? [
            `How this is affecting ${child} (${w.date(latestHarm.date)}): ${latestHarm.text.trim()}` +
              (harm.length > 1 ? ` I noted this on ${countOf(harm.length, 'day')}.` : ''),
          ]
        : []),
      'What I ask now: could we meet to talk about how to get these supports in place' +
        (concerns.services.length > 0 ? ', and how the missed sessions will be made up? ' : '? ') +
        `I'm available ${placeholder('days and times that work for you')}. ${replySentence(w)}`,
      ...(attached ? [attached] : []),
      'Thank you for your time.',
      signature(w, 'Kind regards,'),
    ].join('\n\n');

  // Short enough to be read to the end: name fewer items and asks (the log has them all) until it fits.
  let shown = Math.min(ESCALATION_MAX_ITEMS, items.length);
  let recent = Math.min(ESCALATION_MAX_ITEMS, asks.length);
  let body = compose(shown, recent);
  while (countWords(body) > ESCALATION_MAX_WORDS && (shown > 1 || recent > 1)) {
    if (shown >= recent && shown > 1) shown--;
    else recent--;
    body = compose(shown, recent);
  }
  for (const item of [...items.slice(0, shown), ...asks.slice(asks.length - recent)])
    w.facts.push(...item.facts);
  const subject = `Asking for your help with ${possessive(child)} ${planName}`;
  return finish(w, 'escalation', subject, to, cc, body, attachment);
}

// ---------------------------------------------------------------------------------------------
// 11. A state complaint draft (IDEA, IEP only).

/**
 * A draft with every element 34 CFR 300.153(b) requires: a statement that the district violated a
 * requirement of Part B, the facts, the complainant's signature and contact, the child's name, address
 * and school, a description of the problem, a proposed resolution. Facts older than one year are left out
 * (300.153(c)); a copy goes to the district at the same time (300.153(d)). Gaps become placeholders.
 */
export function draftStateComplaint(record: CaseRecord): Letter {
  assertAvailable(record, 'state_complaint');
  const plan = record.plan!;
  const w = writerFor(record, true);
  const { child, childFullName } = w;
  const lookBack = oneYearBefore(record.asOf);
  const district = placeholder('school district');
  const director = roleHolder(record, 'director');
  const districtCopy = director
    ? recipientOf(director)
    : { name: placeholder('district special education office'), email: null };
  const to = [{ name: placeholder('state education agency, special education complaints'), email: null }];

  const { paragraphs, closures, services, notDelivered, excluded } = formalFacts(w, record, lookBack);
  const owedTotal = [...notDelivered.values()].reduce((sum, m) => sum + m, 0);
  const contacts = contactsSince(record, lookBack).map((c) => contactLine(w, c));
  const harm = byDate(record.parentNotes.filter((n) => n.kind === 'harm' && n.date >= lookBack));
  for (const note of harm) w.facts.push(note.id);

  const resolution = [
    ...services
      .filter((s) => (notDelivered.get(s.id) ?? 0) > 0)
      .map(
        (s) =>
          `Compensatory services for the ${formatMinutes(notDelivered.get(s.id)!)} of ${lowerFirst(s.name)} not delivered, ` +
          'on a schedule agreed in writing (34 CFR 300.151(b)).',
      ),
    `${possessive(child)} services and accommodations delivered as the IEP states from now on, with session logs shared with me each month.`,
    `Every teacher and provider who works with ${child}, including substitutes, informed of the IEP's accommodations and their responsibilities (34 CFR 300.323(d)).`,
    placeholder('anything else you would like the state to order'),
  ];

  const body = [
    'State complaint under 34 CFR 300.153',
    `To: ${to[0]!.name}\nDate: ${w.date(record.asOf)}`,
    `1. The child\nName: ${childFullName}\nAddress of residence: ${placeholder("child's address")}\n` +
      `School: ${record.child.school ?? placeholder('school name')}\nDistrict: ${district}` +
      (record.child.grade ? `\nGrade: ${record.child.grade}` : ''),
    `2. The person filing this complaint\nName: ${w.parentName}\nAddress: ${placeholder('your address')}\n` +
      `Phone: ${placeholder('your phone number')}\nEmail: ${record.parent.email ?? placeholder('your email')}\n` +
      `Relationship to the child: ${placeholder('parent or guardian')}`,
    `3. Statement of the violation\nI believe ${district} violated a requirement of Part B of the Individuals with ` +
      `Disabilities Education Act: it did not implement ${possessive(child)} IEP, in effect from ${w.date(plan.effectiveFrom)} ` +
      `to ${w.date(plan.effectiveTo)}, as written. The district must make special education and related services ` +
      'available to the child in accordance with the IEP (34 CFR 300.323).',
    `4. The facts\n${paragraphs.length > 0 ? bulletList(paragraphs) : placeholder('what happened, with dates')}` +
      (contacts.length > 0 ? `\n\nMy contacts with the school about this:\n${bulletList(contacts)}` : '') +
      (closures ? `\n\n${closures}` : ''),
    `5. Description of the problem\n${child} has not received the services and accommodations the IEP requires, as set out above.` +
      (owedTotal > 0
        ? ` In total, ${formatMinutes(owedTotal)} of services have not been delivered or made up` +
          `${closures ? ', not counting the school closures listed apart' : ''}.`
        : '') +
      (harm.length > 0
        ? `\nHow this has affected ${child}:\n${bulletList(harm.map((n) => `${w.date(n.date)}: ${n.text.trim()}`))}`
        : ''),
    `6. Proposed resolution\n${bulletList(resolution)}`,
    `7. Time limit\nThe events described here took place on or after ${w.date(lookBack)}, within one year before this ` +
      'complaint is received, as 34 CFR 300.153(c) requires.',
    `8. Copy to the district\nA copy of this complaint is being sent to ${districtCopy.name} at the same time it is filed ` +
      'with the state (34 CFR 300.153(d)).',
    `Signature: ______________________\n${w.parentName}\nDate: ${placeholder('date you sign')}`,
  ].join('\n\n');

  w.notes.push(
    'A state complaint must be written and signed (34 CFR 300.153(a)-(b)); many states also offer their own form, ' +
      'which asks for the same elements.',
    `Send a copy to the district (${districtCopy.name}) on the day you file (34 CFR 300.153(d)).`,
    'The state decides within 60 days of receiving the complaint, unless the time is extended (34 CFR 300.152).',
  );
  if (excluded > 0) {
    w.notes.push(
      `${countOf(excluded, 'entry', 'entries')} older than ${w.date(lookBack)} ${excluded === 1 ? 'was' : 'were'} left out: ` +
        'a state complaint covers the year before it is received (34 CFR 300.153(c)).',
    );
  }
  if (services.some((s) => s.ledger.from < lookBack)) {
    w.notes.push(
      `Some service totals start before ${w.date(lookBack)}; recompute them from that date before filing, ` +
        'so every figure falls within the one-year limit.',
    );
  }
  const subject = `State complaint: ${childFullName}, ${record.child.school ?? placeholder('school name')}`;
  return finish(w, 'state_complaint', subject, to, [districtCopy], body);
}

/** Reasons that are about the child, not the school: never listed as a failure to implement. */
const CHILD_REASONS: ReadonlySet<string> = new Set(['student_absent', 'student_refused']);

/**
 * The sessions a formal complaint lists as not delivered: owed and not yet made up, not lost to a
 * closure (set apart), and never missed because the child was absent or declined, even when the parent
 * classified such a miss as owed (a complaint is about what the school did not do).
 */
function failuresToImplement(service: CaseService, since: string): CaseSessionMiss[] {
  return owedMissesToList(service).filter((m) => m.date >= since && !CHILD_REASONS.has(m.reason ?? ''));
}

type FormalFacts = {
  paragraphs: string[];
  /** Sessions lost to school closures, apart from the violation, with the plan's policy; null when none. */
  closures: string | null;
  services: CaseService[];
  /** Minutes of the listed sessions not delivered and not made up, per service id (closures not counted). */
  notDelivered: Map<string, number>;
  excluded: number;
  lastDate: string | null;
};

/** The plan's policy on closures, in a sentence, for a formal filing that lists closures apart. */
function closurePolicyWords(w: Writer): string {
  const policy = w.record.plan?.closurePolicy;
  if (policy?.setOnPlan) {
    return `The rules for missed sessions I recorded for this ${w.planName} count a session lost to a school closure as one to make up.`;
  }
  return (
    `The ${w.planName} does not say how sessions lost to a school closure are handled. I count them as not made up ` +
    `because the amount of service in the ${w.planName} does not change when the school is closed.`
  );
}

/** Services and accommodations with lapses on or after `since`, as formal fact paragraphs; closures apart. */
function formalFacts(w: Writer, record: CaseRecord, since: string): FormalFacts {
  const paragraphs: string[] = [];
  const services: CaseService[] = [];
  const notDelivered = new Map<string, number>();
  const closureItems: string[] = [];
  let excluded = 0;
  let childReasons = 0;
  const dates: string[] = [];
  for (const service of record.services) {
    const owed = owedMissesToList(service);
    excluded += [...owed, ...closureMissesToList(service)].filter((m) => m.date < since).length;
    childReasons += owed.filter((m) => m.date >= since && CHILD_REASONS.has(m.reason ?? '')).length;
    const failures = failuresToImplement(service, since).sort(byMissDate);
    const closures = closureLines(w, service, since);
    if (closures.length > 0)
      closureItems.push(`${capitalize(service.name)}:\n${indent(bulletList(closures))}`);
    if (failures.length === 0) continue;
    services.push(service);
    dates.push(...failures.map((m) => m.date));
    const minutes = failures.reduce((sum, m) => sum + m.owedRemainingMinutes, 0);
    notDelivered.set(service.id, minutes);
    const lines = failures.map((m) => {
      w.facts.push(m.entryId);
      return `${w.date(m.date)}: ${missReasonWords(m.reason, w.child)} ${owedMinutesWords(m)}`;
    });
    const l = service.ledger;
    const percent = percentOf(service);
    paragraphs.push(
      `${capitalize(service.name)}: ${planWordsForService(w, service)} From ${w.date(l.from)} to ${w.date(l.to)}, ` +
        `${formatMinutes(l.deliveredMinutes)} of the ${formatMinutes(l.requiredMinutes)} required ${l.deliveredMinutes === 1 ? 'was' : 'were'} delivered` +
        `${percent == null ? '' : ` (${percent}%)`}.` +
        (l.makeupMinutes > 0
          ? ` Make-up sessions of ${formatMinutes(l.makeupMinutes)} are already counted.`
          : '') +
        ` ${capitalize(formatMinutes(minutes))} of sessions not delivered ${minutes === 1 ? 'has' : 'have'} not been made up:` +
        `\n${indent(bulletList(lines))}`,
    );
  }
  for (const accommodation of record.accommodations) {
    excluded += lapsesOf(accommodation).lapses.filter((o) => o.date < since).length;
    const summary = lapsesOf(accommodation, since);
    if (summary.lapses.length === 0) continue;
    w.facts.push(accommodation.id);
    dates.push(...summary.lapses.map((o) => o.date));
    const lines = summary.lapses.map((o) => occurrenceLine(w, o));
    paragraphs.push(
      `Accommodation: ${possessive(w.child)} ${w.planName} lists ${quotePlan(accommodation.text)}. ` +
        `It was ${lapseCount(summary)}:\n${indent(bulletList(lines))}`,
    );
  }
  excluded += record.communications.filter((c) => c.date < since).length;
  if (childReasons > 0) {
    w.notes.push(
      `${countOf(childReasons, 'session')} you marked as owed ${childReasons === 1 ? 'was' : 'were'} missed because ${w.child} ` +
        'was absent or declined the session. A complaint is about what the school did not do, so they are not listed.',
    );
  }
  const closures =
    closureItems.length > 0
      ? 'Sessions lost to school closures (set apart: not part of the violation stated here)\n' +
        `These sessions fell on days the school was closed for all students. ${closurePolicyWords(w)}\n` +
        bulletList(closureItems)
      : null;
  const lastDate = dates.sort().pop() ?? null;
  return { paragraphs, closures, services, notDelivered, excluded, lastDate };
}

// ---------------------------------------------------------------------------------------------
// 12. An outline for an OCR complaint (Section 504 plans only).

export function draftOcrComplaintOutline(record: CaseRecord): Letter {
  assertAvailable(record, 'ocr_complaint_outline');
  const plan = record.plan!;
  const w = writerFor(record, true);
  const { child, childFullName } = w;
  const district = placeholder('school district');
  // OCR's window is 180 days, but the facts of a pattern can reach further back: show the plan's year.
  const since = plan.effectiveFrom;
  const { paragraphs, closures, services, notDelivered, lastDate } = formalFacts(w, record, since);
  const contacts = contactsSince(record, since).map((c) => contactLine(w, c));
  // The one deadline function, with the count the 504 profile sets (34 CFR 100.7(b), applied by 104.61):
  // the same date the advisor shows, a weekend moved to the Friday before.
  const profile = profileFor(plan);
  const due = lastDate ? deadlineOf(profile, 'ocr_complaint', lastDate, caseCalendar(record)) : null;
  const deadline = due?.date ?? null;
  const days = due?.timeline.count.amount ?? 180;
  const to = [{ name: 'U.S. Department of Education, Office for Civil Rights', email: null }];

  const grievance =
    `Using the district's 504 grievance process first is not required. If you file a grievance within those ${days} days, ` +
    `OCR's Case Processing Manual (guidance, not a regulation) also treats a complaint as timely within 60 days after the grievance ends.`;
  const when = lastDate
    ? `The most recent event noted is ${w.date(lastDate)}. A complaint is filed within ${days} days of the act complained of ` +
      `(${pins('cfr-100-7-b', 'cfr-104-61')}): by ${w.date(deadline!)}. ${grievance}`
    : `A complaint is filed within ${days} days of the act complained of (${pins('cfr-100-7-b', 'cfr-104-61')}): ${placeholder('date of the most recent event')}. ${grievance}`;

  const remedies = [
    `${possessive(child)} 504 plan carried out as written from now on.`,
    ...services
      .filter((s) => (notDelivered.get(s.id) ?? 0) > 0)
      .map(
        (s) =>
          `Make-up of the ${formatMinutes(notDelivered.get(s.id)!)} of ${lowerFirst(s.name)} not delivered.`,
      ),
    `Every staff member who works with ${child}, including substitutes, informed of the plan.`,
    placeholder('anything else you are asking for'),
  ];

  const body = [
    'Outline for a complaint to the Office for Civil Rights (OCR), U.S. Department of Education',
    `1. About you\nName: ${w.parentName}\nAddress: ${placeholder('your address')}\nPhone: ${placeholder('your phone number')}\n` +
      `Email: ${record.parent.email ?? placeholder('your email')}`,
    `2. The student\nName: ${childFullName}\nSchool: ${record.child.school ?? placeholder('school name')}\nDistrict: ${district}` +
      (record.child.grade ? `\nGrade: ${record.child.grade}` : ''),
    `3. Who, and on what basis\n${district} and ${record.child.school ?? placeholder('school name')}, on the basis of disability: ` +
      `${child} has a Section 504 plan in effect from ${w.date(plan.effectiveFrom)} to ${w.date(plan.effectiveTo)}. ` +
      `${placeholder('the disability, as the 504 plan names it')}`,
    `4. What happened\nI believe the district violated Section 504 of the Rehabilitation Act of 1973 (29 U.S.C. 794) and its ` +
      `regulations (34 CFR Part 104) by not implementing ${possessive(child)} 504 plan as written; implementing the plan is ` +
      `part of providing a free appropriate public education (34 CFR 104.33).\n` +
      (paragraphs.length > 0 ? bulletList(paragraphs) : placeholder('what happened, with dates')) +
      (closures ? `\n\n${closures}` : ''),
    `5. When\n${when}`,
    `6. What you have done so far\n${contacts.length > 0 ? bulletList(contacts) : placeholder('your contacts with the school, with dates')}\n` +
      `District 504 grievance: ${placeholder('date filed and outcome, if you used it')}`,
    `7. What you are asking for\n${bulletList(remedies)}`,
    `8. Filing\nFile with OCR's online complaint form, by email, or by mail to the OCR office for your region ` +
      `(${placeholder('OCR regional office')}). Keep a copy, with the date you filed.`,
    w.parentName,
  ].join('\n\n');

  w.notes.push(
    "This is an outline to fill in OCR's complaint form, not a letter to the school. A 504 plan is not covered by the " +
      'IDEA state complaint process.',
  );
  if (deadline && deadline < record.asOf) {
    w.notes.push(
      `The ${days} days from ${w.date(lastDate!)} ended on ${w.date(deadline)}. Newer events start a new window; ` +
        'check the dates before filing.',
    );
  }
  return finish(w, 'ocr_complaint_outline', `OCR complaint outline: ${childFullName}`, to, [], body);
}

// ---------------------------------------------------------------------------------------------
// One entry point for the server: a discriminated request.

export type LetterRequest =
  | ({ kind: 'specific_concern' } & SpecificConcernRequest)
  | ({ kind: 'check_in' } & CheckInLetterOptions)
  | ({ kind: 'follow_up_unanswered' } & FollowUpUnansweredOptions)
  | ({ kind: 'follow_up_verbal'; communicationId: string } & ReplyOption)
  | ({ kind: 'thank_you' } & ThankYouOptions)
  | ({ kind: 'request_service_logs' } & ServiceLogRequestOptions)
  | ({ kind: 'request_iep_meeting' } & MeetingRequestOptions)
  | ({ kind: 'request_records' } & RecordsRequestOptions)
  | ({ kind: 'request_prior_written_notice' } & PriorWrittenNoticeOptions)
  | ({ kind: 'escalation' } & EscalationOptions)
  | { kind: 'state_complaint' }
  | { kind: 'ocr_complaint_outline' }
  | ({ kind: 'board_appeal' } & BoardAppealOptions);

/** The letters that ask the school something, and so name a date to reply by (`respondBy`). */
export const REPLY_LETTER_KINDS: ReadonlySet<LetterKind> = new Set<LetterKind>([
  'specific_concern',
  'check_in',
  'follow_up_unanswered',
  'follow_up_verbal',
  'request_service_logs',
  'request_iep_meeting',
  'request_records',
  'request_prior_written_notice',
  'escalation',
]);

export function draftLetter(record: CaseRecord, request: LetterRequest): Letter {
  switch (request.kind) {
    case 'specific_concern':
      return draftSpecificConcern(record, request);
    case 'check_in':
      return draftCheckIn(record, request);
    case 'follow_up_unanswered':
      return draftFollowUpUnanswered(record, request);
    case 'follow_up_verbal':
      return draftFollowUpVerbal(record, request);
    case 'thank_you':
      return draftThankYou(record, request);
    case 'request_service_logs':
      return draftServiceLogRequest(record, request);
    case 'request_iep_meeting':
      return draftMeetingRequest(record, request);
    case 'request_records':
      return draftRecordsRequest(record, request);
    case 'request_prior_written_notice':
      return draftPriorWrittenNoticeRequest(record, request);
    case 'escalation':
      return draftEscalation(record, request);
    case 'state_complaint':
      return draftStateComplaint(record);
    case 'ocr_complaint_outline':
      return draftOcrComplaintOutline(record);
    case 'board_appeal':
      assertAvailable(record, 'board_appeal');
      return draftBoardAppeal(record, request);
  }
}

// ---------------------------------------------------------------------------------------------
// "Open in mail app": a mailto: URL (RFC 6068).

export { MAILTO_CUT_NOTE, MAILTO_MAX_LENGTH, type MailtoLink, mailtoUrl } from './mailto.ts';
