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
import { awaitsReply, type Communication, replyState, VERBAL_KINDS } from './communications.ts';
import { addDays } from './dates.ts';
import { FINDING_RULES, type Finding } from './implementation-patterns.ts';
import {
  bulletList,
  capitalize,
  contactsWithRole,
  countOf,
  formatLongDate,
  formatMinutes,
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
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

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
};

/** A jurisdiction's timeline, as the advisor's profiles give it: `{ days: 30, unit: 'days', citation: 'Ed. Code 56343(c)' }`. */
export type Timeline = { days: number; unit: string; citation: string };

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

function writerFor(record: CaseRecord, formal = false): Writer {
  const thisYear = record.asOf.slice(0, 4);
  return {
    record,
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
  };
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
  if (service.sourceText)
    return `${possessive(w.child)} ${w.planName} lists ${quotePlan(service.sourceText)}.`;
  w.notes.push(
    `The ${w.planName}'s own words for ${lowerFirst(service.name)} are not in your record; quoting them from the plan makes the letter stronger.`,
  );
  return `${possessive(w.child)} ${w.planName} includes ${lowerFirst(service.name)}.`;
}

/** Delivered, required and owed minutes over the ledger's window, in one or two sentences. */
function deliverySentence(w: Writer, service: CaseService, formal = false): string {
  const l = service.ledger;
  const percent = percentOf(service);
  let text =
    `From ${w.date(l.from)} to ${w.date(l.to)}, ${formatMinutes(l.deliveredMinutes)} of the ` +
    `${formatMinutes(l.requiredMinutes)} required ${l.deliveredMinutes === 1 ? 'was' : 'were'} delivered` +
    `${percent == null ? '' : ` (${percent}%)`}.`;
  if (l.owedBalanceMinutes > 0) {
    text += ` ${capitalize(minutesAre(l.owedBalanceMinutes))} still to be made up.`;
  }
  if (l.makeupMinutes > 0) {
    text += formal
      ? ` Make-up sessions of ${formatMinutes(l.makeupMinutes)} are already counted.`
      : ` The ${formatMinutes(l.makeupMinutes)} of make-up sessions are already counted, and I appreciate them.`;
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

/** "(30 minutes)", or "(10 of 30 minutes still to be made up)" when make-ups cured part of it. */
function owedMinutesWords(m: CaseSessionMiss): string {
  return m.owedRemainingMinutes < m.minutes
    ? `(${m.owedRemainingMinutes} of ${formatMinutes(m.minutes)} still to be made up)`
    : `(${formatMinutes(m.owedRemainingMinutes)})`;
}

/**
 * "Tuesday, October 6: a school event or assembly (30 minutes)", one per session in `from..to` that the
 * ledger counts as owed and not yet made up, closures apart (`closureLines`). Excused misses (the child
 * absent or refusing), misses whose reason is not known yet, and misses already made up are never in it:
 * they are not the school's to make up (docs/ledger-rules.md, rules 2 and 4).
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

/** One paragraph per service and accommodation: the plan's words, the counts, the dates. */
function concernParagraphs(w: Writer, concerns: ReturnType<typeof openConcerns>, formal = false): string[] {
  const paragraphs: string[] = [];
  for (const service of concerns.services) {
    const misses = missLines(w, service);
    const closures = closureLines(w, service);
    paragraphs.push(
      `${capitalize(service.name)}: ${planWordsForService(w, service)} ${deliverySentence(w, service, formal)}` +
        (misses.length > 0 ? `\n  Sessions missed and not yet made up:\n${indent(bulletList(misses))}` : '') +
        (closures.length > 0
          ? `\n  Sessions lost to school closures, not yet made up:\n${indent(bulletList(closures))}`
          : ''),
    );
  }
  for (const accommodation of concerns.accommodations) {
    w.facts.push(accommodation.id);
    const summary = lapsesOf(accommodation);
    const lines = summary.lapses.map((o) => occurrenceLine(w, o));
    paragraphs.push(
      `Accommodation: ${possessive(w.child)} ${w.planName} lists ${quotePlan(accommodation.text)}. ` +
        `It was ${lapseCount(summary)}:\n${indent(bulletList(lines))}`,
    );
  }
  return paragraphs;
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

export type SpecificConcernRequest = { accommodationId: string } | { serviceId: string };

/**
 * The article's step 2: "I noticed that Emma didn't use her calculator during math, though it's listed
 * as an accommodation in her IEP. Could we touch base to make sure staff are aware of her supports?"
 */
export function draftSpecificConcern(record: CaseRecord, request: SpecificConcernRequest): Letter {
  assertAvailable(record, 'specific_concern');
  const w = writerFor(record);
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

export type CheckInLetterOptions = { period?: 'weekly' | 'mid_term' };

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
  const w = writerFor(record);
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
      `How are the make-ups for ${lowerFirst(service.name)} going? By my records, ` +
        `${minutesAre(service.ledger.owedBalanceMinutes)} still to be made up since ${w.date(service.ledger.from)}.`,
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

export type FollowUpUnansweredOptions = {
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
  const w = writerFor(record);
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
    `When you have a moment, could you let me know your thoughts? If someone else is the best person to ask, ` +
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

/**
 * The article's step 3: "Always get verbal conversations followed up with email summaries." Quotes the
 * decisions and the next steps the parent noted after the call or meeting.
 */
export function draftFollowUpVerbal(record: CaseRecord, options: { communicationId: string }): Letter {
  assertAvailable(record, 'follow_up_verbal');
  const talk = findCommunication(record, options.communicationId);
  if (!VERBAL_KINDS.has(talk.kind)) {
    throw new RangeError('a written follow-up is for a phone call or a meeting');
  }
  const w = writerFor(record);
  w.facts.push(talk.id);
  const contacts = contactsOf(record, talk);
  const to = contacts.length > 0 ? contacts : [recipientForRole(record, 'case_manager')];
  const when = talk.date === record.asOf ? 'today' : `on ${w.date(talk.date)}`;
  const decisions = itemsOf(talk.decisions);
  const nextSteps = itemsOf(talk.nextSteps);
  const understood =
    decisions.length > 0 || nextSteps.length > 0
      ? [
          ...(decisions.length > 0 ? [`To make sure I understood:\n${bulletList(decisions)}`] : []),
          ...(nextSteps.length > 0 ? [`Next steps:\n${bulletList(nextSteps)}`] : []),
        ]
      : [`To make sure I understood: ${talk.summary.trim()}`];
  const body = [
    salutation(to),
    `Thank you for talking with me ${when}.`,
    ...understood,
    'If I missed or misunderstood anything, please let me know.',
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

export type ServiceLogRequestOptions = { serviceId: string; from?: string; to?: string };

export function draftServiceLogRequest(record: CaseRecord, options: ServiceLogRequestOptions): Letter {
  assertAvailable(record, 'request_service_logs');
  const service = findService(record, options.serviceId);
  const w = writerFor(record);
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
  const rights = !w.isUnitedStates
    ? []
    : record.plan?.kind === '504'
      ? [`These logs are part of ${possessive(child)} records, which parents may examine (34 CFR 104.36).`]
      : [
          `These logs are part of ${possessive(child)} education records, which parents may inspect and review (34 CFR 300.613).`,
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
    'A copy by email is perfect. Thank you for your help.',
    signature(w),
  ].join('\n\n');
  const subject = `Service logs for ${possessive(child)} ${lowerFirst(service.name)}, ${w.date(from)} to ${w.date(until)}`;
  return finish(w, 'request_service_logs', subject, to, cc, body);
}

// ---------------------------------------------------------------------------------------------
// 7. A request for a meeting of the team.

export type MeetingRequestOptions = {
  /** The jurisdiction's timeline for holding a requested meeting (from the advisor's profiles). */
  timeline?: Timeline;
  /** More reasons, in the parent's words. */
  reasons?: string[];
};

function timelineSentence(timeline: Timeline, what: string): string {
  return `I understand ${what} within ${timeline.days} ${timeline.unit} of this written request (${timeline.citation}).`;
}

/**
 * "Call an IEP meeting if services aren't being delivered, goals are no longer relevant, new challenges
 * have emerged, or there's a breakdown in communication." The reasons come from the record: services
 * with minutes owed, accommodations that lapsed, goal flags, new challenges the parent noted.
 */
export function draftMeetingRequest(record: CaseRecord, options: MeetingRequestOptions = {}): Letter {
  assertAvailable(record, 'request_iep_meeting');
  const w = writerFor(record);
  const { child, planName } = w;
  const to = [recipientForRole(record, 'case_manager')];
  const is504 = record.plan?.kind === '504';

  const reasons: string[] = [];
  for (const service of record.services) {
    if (service.ledger.owedBalanceMinutes <= 0) continue;
    const quoted = planWordsForService(w, service);
    reasons.push(
      `${capitalize(service.name)}: ${quoted} By my records, ${minutesAre(service.ledger.owedBalanceMinutes)} still to be made up ` +
        `from ${w.date(service.ledger.from)} to ${w.date(service.ledger.to)}.`,
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

export type RecordsRequestOptions = {
  /** A state's or province's shorter timeline (California: 5 business days, Ed. Code 56504). */
  timeline?: Timeline;
};

export function draftRecordsRequest(record: CaseRecord, options: RecordsRequestOptions = {}): Letter {
  assertAvailable(record, 'request_records');
  const w = writerFor(record);
  const { child, planName } = w;
  const principal = roleHolder(record, 'principal');
  const to = [principal ? recipientOf(principal) : recipientForRole(record, 'case_manager')];
  const cc = caseManagerCopy(record, to);

  const items = [
    `${possessive(child)} current ${planName} and any amendments`,
    'evaluations and assessment reports',
    `progress reports on ${possessive(child)} goals`,
    `service logs and session notes${record.services.length > 0 ? ` (${listWords(record.services.map((s) => lowerFirst(s.name)))})` : ''}`,
    'notes and data kept on accommodations and behavior',
    'attendance and discipline records',
  ];
  const rules: string[] = [];
  if (w.isUnitedStates) {
    rules.push(
      record.plan?.kind === '504'
        ? "Parents may examine their child's records (34 CFR 104.36); schools respond within 45 days at most (34 CFR 99.10)."
        : "Parents may inspect and review their child's education records without unnecessary delay, before any IEP meeting " +
            'or hearing, and within 45 days at most (34 CFR 300.613).',
    );
  }
  if (options.timeline) rules.push(timelineSentence(options.timeline, 'copies are to be provided'));
  const body = [
    salutation(to),
    `I'd like to request a copy of ${possessive(child)} ${w.isUnitedStates ? 'education records' : 'student record'}. Could you please include:\n${bulletList(items)}`,
    ...(rules.length > 0 ? [rules.join(' ')] : []),
    'Copies by email are perfect, or let me know when I can pick them up. Thank you for your help.',
    signature(w),
  ].join('\n\n');
  const subject = `Request for ${possessive(child)} ${w.isUnitedStates ? 'education records' : 'student record'}`;
  return finish(w, 'request_records', subject, to, cc, body);
}

// ---------------------------------------------------------------------------------------------
// 9. A request for prior written notice.

export type PriorWrittenNoticeOptions = {
  /** The decision, in the parent's words: "to reduce speech therapy to one session a week". */
  decision: string;
  /** When it was proposed or decided (a call or a meeting). */
  decidedOn?: string;
  /** The logged call or meeting where it came up. */
  communicationId?: string;
};

// The seven elements of 34 CFR 300.503(b), in plain words.
const PRIOR_WRITTEN_NOTICE_ELEMENTS = [
  'a description of the action the school proposes, or decides against;',
  'an explanation of why;',
  'a description of each evaluation, assessment, record or report used as a basis for the decision;',
  'a statement that parents have protection under the procedural safeguards, and how to get a copy of them;',
  'sources parents can contact for help understanding these rules;',
  'a description of other options the team considered and why they were not chosen;',
  'a description of any other factors relevant to the decision.',
] as const;

/**
 * Prior written notice (34 CFR 300.503) for an IEP. For a 504 plan the IDEA notice does not apply; the
 * letter asks for the decision in writing under the 504 notice safeguard (34 CFR 104.36) instead.
 */
export function draftPriorWrittenNoticeRequest(
  record: CaseRecord,
  options: PriorWrittenNoticeOptions,
): Letter {
  assertAvailable(record, 'request_prior_written_notice');
  const w = writerFor(record);
  const { child } = w;
  const decision = options.decision.trim();
  if (decision.length === 0) throw new RangeError('say which decision the notice is about');
  let decidedOn = options.decidedOn ?? null;
  let to = [recipientForRole(record, 'case_manager')];
  if (options.communicationId) {
    const talk = findCommunication(record, options.communicationId);
    w.facts.push(talk.id);
    decidedOn ??= talk.date;
    const contacts = contactsOf(record, talk);
    if (contacts.length > 0) to = contacts;
  }
  const when = decidedOn ? ` on ${w.date(decidedOn)}` : '';
  const is504 = record.plan?.kind === '504';
  const ask = is504
    ? [
        `Thank you for talking through the decision ${decision}${when}. So I can understand it fully, could you send me ` +
          `written notice of the decision about ${possessive(child)} 504 plan, with the reasons for it and the ` +
          'information it was based on (34 CFR 104.36)?',
      ]
    : [
        `Thank you for talking through the decision ${decision}${when}. So I can understand it fully, could you send me ` +
          `prior written notice of it (34 CFR 300.503)?`,
        `As I understand it, the notice includes:\n${PRIOR_WRITTEN_NOTICE_ELEMENTS.map((e, i) => `${i + 1}. ${e}`).join('\n')}`,
      ];
  const body = [salutation(to), ...ask, 'Thank you. I appreciate your help with this.', signature(w)].join(
    '\n\n',
  );
  const subject = is504
    ? `Request for written notice: ${shorten(decision, 60)}`
    : `Request for prior written notice: ${shorten(decision, 60)}`;
  return finish(w, 'request_prior_written_notice', subject, to, caseManagerCopy(record, to), body);
}

// ---------------------------------------------------------------------------------------------
// 10. An escalation to the principal or the special-education director.

export type EscalationOptions = {
  /** The principal or director (US); in Canada also the superintendent or the school board. */
  to: 'principal' | 'director' | 'superintendent' | 'board';
  /** Focus on one service or accommodation; by default every open concern. */
  serviceId?: string;
  accommodationId?: string;
};

/**
 * "Escalate if repeated emails go unanswered, your child is being harmed, or there are clear legal
 * violations." Summarizes the facts and every earlier contact with its date and whether it was answered,
 * and asks for help, not for blame.
 */
export function draftEscalation(record: CaseRecord, options: EscalationOptions): Letter {
  assertAvailable(record, 'escalation');
  const w = writerFor(record);
  const { child, planName } = w;
  const to = [recipientForRole(record, options.to)];
  const cc = caseManagerCopy(record, to);
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
  const paragraphs = concernParagraphs(w, concerns);
  const contacts = contactsSince(record, record.plan?.effectiveFrom ?? null).map((c) => contactLine(w, c));
  const harm = byDate(record.parentNotes.filter((n) => n.kind === 'harm'));
  for (const note of harm) w.facts.push(note.id);

  const body = [
    salutation(to),
    `I'm writing to ask for your help with ${possessive(child)} ${planName}. ` +
      (earlierNames.length > 0 ? `I have raised this with ${listWords(earlierNames)}, and ` : '') +
      "I'd like to find a way forward together.",
    paragraphs.length > 0
      ? `What I've noted:\n${bulletList(paragraphs)}`
      : `What I've noted: ${placeholder('what happened, with dates')}`,
    ...(harm.length > 0
      ? [
          `How this is affecting ${child}:\n${bulletList(harm.map((n) => `${w.date(n.date)}: ${n.text.trim()}`))}`,
        ]
      : []),
    ...(contacts.length > 0 ? [`My earlier contacts with the school:\n${bulletList(contacts)}`] : []),
    `Could we meet to talk about how to get these supports in place` +
      (concerns.services.length > 0 ? ', and how missed sessions will be made up? ' : '? ') +
      `Can we problem-solve together? I'm available ${placeholder('days and times that work for you')}.`,
    'Thank you for your time.',
    signature(w, 'Kind regards,'),
  ].join('\n\n');
  const subject = `Asking for your help with ${possessive(child)} ${planName}`;
  return finish(w, 'escalation', subject, to, cc, body);
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

  const { paragraphs, services, excluded } = formalFacts(w, record, lookBack);
  const owedTotal = services.reduce((sum, s) => sum + s.ledger.owedBalanceMinutes, 0);
  const contacts = contactsSince(record, lookBack).map((c) => contactLine(w, c));
  const harm = byDate(record.parentNotes.filter((n) => n.kind === 'harm' && n.date >= lookBack));
  for (const note of harm) w.facts.push(note.id);

  const resolution = [
    ...services
      .filter((s) => s.ledger.owedBalanceMinutes > 0)
      .map(
        (s) =>
          `Compensatory services for the ${formatMinutes(s.ledger.owedBalanceMinutes)} of ${lowerFirst(s.name)} not delivered, ` +
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
      (contacts.length > 0 ? `\n\nMy contacts with the school about this:\n${bulletList(contacts)}` : ''),
    `5. Description of the problem\n${child} has not received the services and accommodations the IEP requires, as set out above.` +
      (owedTotal > 0
        ? ` In total, ${formatMinutes(owedTotal)} of services have not been delivered or made up.`
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

/** Services and accommodations with lapses on or after `since`, as formal fact paragraphs. */
function formalFacts(
  w: Writer,
  record: CaseRecord,
  since: string,
): { paragraphs: string[]; services: CaseService[]; excluded: number; lastDate: string | null } {
  const paragraphs: string[] = [];
  const services: CaseService[] = [];
  let excluded = 0;
  const dates: string[] = [];
  for (const service of record.services) {
    // Only sessions owed and not yet made up (closures apart): the facts of a complaint are the school's.
    const misses = [...owedMissesToList(service), ...closureMissesToList(service)];
    excluded += misses.filter((m) => m.date < since).length;
    const recent = misses.filter((m) => m.date >= since);
    if (recent.length === 0 && service.ledger.owedBalanceMinutes <= 0) continue;
    services.push(service);
    dates.push(...recent.map((m) => m.date));
    const lines = missLines(w, service, since);
    const closures = closureLines(w, service, since);
    paragraphs.push(
      `${capitalize(service.name)}: ${planWordsForService(w, service)} ${deliverySentence(w, service, true)}` +
        (lines.length > 0
          ? `\n  Sessions not delivered and not yet made up:\n${indent(bulletList(lines))}`
          : '') +
        (closures.length > 0
          ? `\n  Sessions lost to school closures, not yet made up:\n${indent(bulletList(closures))}`
          : ''),
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
  const lastDate = dates.sort().pop() ?? null;
  return { paragraphs, services, excluded, lastDate };
}

// ---------------------------------------------------------------------------------------------
// 12. An outline for an OCR complaint (Section 504 plans only).

/** OCR complaints are filed within 180 days of the last act (RULES.md, Section 504 plans). */
export const OCR_FILING_DAYS = 180;
/** ...or within 60 days after the district's internal grievance ends, if one was used. */
export const OCR_AFTER_GRIEVANCE_DAYS = 60;

export function draftOcrComplaintOutline(record: CaseRecord): Letter {
  assertAvailable(record, 'ocr_complaint_outline');
  const plan = record.plan!;
  const w = writerFor(record, true);
  const { child, childFullName } = w;
  const district = placeholder('school district');
  // OCR's window is 180 days, but the facts of a pattern can reach further back: show the plan's year.
  const since = plan.effectiveFrom;
  const { paragraphs, services, lastDate } = formalFacts(w, record, since);
  const contacts = contactsSince(record, since).map((c) => contactLine(w, c));
  const deadline = lastDate ? addDays(lastDate, OCR_FILING_DAYS) : null;
  const to = [{ name: 'U.S. Department of Education, Office for Civil Rights', email: null }];

  const when = lastDate
    ? `The most recent event noted is ${w.date(lastDate)}. A complaint is filed within ${OCR_FILING_DAYS} days of the last ` +
      `act: by ${w.date(deadline!)}. If you use the district's 504 grievance process first, you may file within ` +
      `${OCR_AFTER_GRIEVANCE_DAYS} days after it ends.`
    : `A complaint is filed within ${OCR_FILING_DAYS} days of the last act: ${placeholder('date of the most recent event')}.`;

  const remedies = [
    `${possessive(child)} 504 plan carried out as written from now on.`,
    ...services
      .filter((s) => s.ledger.owedBalanceMinutes > 0)
      .map(
        (s) =>
          `Make-up of the ${formatMinutes(s.ledger.owedBalanceMinutes)} of ${lowerFirst(s.name)} not delivered.`,
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
      (paragraphs.length > 0 ? bulletList(paragraphs) : placeholder('what happened, with dates')),
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
      `The ${OCR_FILING_DAYS} days from ${w.date(lastDate!)} ended on ${w.date(deadline)}. Newer events start a new window; ` +
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
  | { kind: 'follow_up_verbal'; communicationId: string }
  | ({ kind: 'thank_you' } & ThankYouOptions)
  | ({ kind: 'request_service_logs' } & ServiceLogRequestOptions)
  | ({ kind: 'request_iep_meeting' } & MeetingRequestOptions)
  | ({ kind: 'request_records' } & RecordsRequestOptions)
  | ({ kind: 'request_prior_written_notice' } & PriorWrittenNoticeOptions)
  | ({ kind: 'escalation' } & EscalationOptions)
  | { kind: 'state_complaint' }
  | { kind: 'ocr_complaint_outline' };

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
  }
}

// ---------------------------------------------------------------------------------------------
// "Download as .eml": an RFC 5322 message with a quoted-printable UTF-8 body.

export type MailSender = { name: string; email: string };

const EMAIL_ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/u;

function assertAddress(address: string): string {
  const trimmed = address.trim();
  if (!EMAIL_ADDRESS.test(trimmed)) throw new RangeError(`not an email address: ${JSON.stringify(address)}`);
  return trimmed;
}

const utf8 = new TextEncoder();

function base64OfBytes(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/u.test(text);
}

/**
 * RFC 2047 encoded-words for a header text with non-ASCII characters, each at most 75 characters and
 * never splitting a character's bytes across two words.
 */
function encodedWords(text: string): string[] {
  const words: string[] = [];
  const prefix = '=?UTF-8?B?';
  const suffix = '?=';
  // 75 - 12 characters of wrapping leave 63 of base64: 45 bytes (a multiple of 3 fits exactly).
  const maxBytes = 45;
  let chunk: number[] = [];
  for (const char of text) {
    const bytes = utf8.encode(char);
    if (chunk.length + bytes.length > maxBytes) {
      words.push(`${prefix}${base64OfBytes(Uint8Array.from(chunk))}${suffix}`);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0) words.push(`${prefix}${base64OfBytes(Uint8Array.from(chunk))}${suffix}`);
  return words;
}

/** A display name as a header phrase: plain atoms, a quoted string, or encoded-words. */
function displayName(name: string): string {
  const clean = name.replace(/[\r\n]+/gu, ' ').trim();
  if (!isPrintableAscii(clean)) return encodedWords(clean).join(' ');
  if (/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/u.test(clean)) return clean;
  return `"${clean.replace(/["\\]/gu, (c) => `\\${c}`)}"`;
}

function mailbox(name: string, email: string): string {
  const address = assertAddress(email);
  const phrase = name.trim() ? displayName(name) : '';
  return phrase ? `${phrase} <${address}>` : address;
}

/**
 * Folds a header at spaces so lines stay within 78 characters (RFC 5322 2.2.3): folding inserts CRLF before
 * a space, which is allowed between words, inside quoted strings and between encoded-words.
 */
function foldHeader(name: string, value: string): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const word of value.split(' ')) {
    const piece = ` ${word}`;
    if (line.length + piece.length > 78 && line.trim() !== `${name}:`) {
      lines.push(line);
      line = piece;
    } else {
      line += piece;
    }
  }
  lines.push(line);
  return lines.join('\r\n');
}

function subjectHeader(subject: string): string {
  const clean = subject.replace(/[\r\n]+/gu, ' ').trim();
  if (isPrintableAscii(clean)) return foldHeader('Subject', clean.replace(/ +/gu, ' '));
  return foldHeader('Subject', encodedWords(clean).join(' '));
}

const WEEKDAY_ABBREVIATIONS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTH_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** "2026-10-06T14:30:00Z" -> "Tue, 06 Oct 2026 14:30:00 +0000" (RFC 5322 3.3, in UTC). */
export function rfc5322Date(instant: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/u.test(instant)) {
    throw new RangeError(`not an ISO 8601 instant with a time zone: ${instant}`);
  }
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a real instant: ${instant}`);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${WEEKDAY_ABBREVIATIONS[d.getUTCDay()]!}, ${two(d.getUTCDate())} ${MONTH_ABBREVIATIONS[d.getUTCMonth()]!} ` +
    `${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
  );
}

/** Quoted-printable (RFC 2045 6.7) of UTF-8 text, lines at most 76 characters, CRLF line breaks. */
export function quotedPrintable(text: string): string {
  const hex = (b: number) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((line) => {
      const bytes = utf8.encode(line);
      const tokens: string[] = [];
      bytes.forEach((b, i) => {
        const last = i === bytes.length - 1;
        if ((b === 0x20 || b === 0x09) && last) tokens.push(hex(b));
        // "From " at the start of a line is mangled by mbox tools; encoding the F keeps it intact.
        else if (i === 0 && b === 0x46 && line.startsWith('From ')) tokens.push(hex(b));
        else if ((b >= 33 && b <= 126 && b !== 61) || b === 0x20 || b === 0x09)
          tokens.push(String.fromCharCode(b));
        else tokens.push(hex(b));
      });
      const out: string[] = [];
      let current = '';
      for (const token of tokens) {
        // 75 leaves room for the "=" of a soft line break.
        if (current.length + token.length > 75) {
          out.push(`${current}=`);
          current = '';
        }
        current += token;
      }
      out.push(current);
      return out.join('\r\n');
    })
    .join('\r\n');
}

/**
 * The letter as an RFC 5322 message for "download as .eml". Recipients without an email address (a
 * placeholder) are left out of the headers; the salutation still names them. `X-Unsent: 1` makes
 * Outlook open the file as a draft to send, not as a received message.
 */
export function toEml(letter: Letter, from: MailSender, date: string): string {
  const addresses = (list: readonly LetterRecipient[]) =>
    list.filter((r) => r.email != null && r.email.trim() !== '').map((r) => mailbox(r.name, r.email!));
  const to = addresses(letter.to);
  const cc = addresses(letter.cc);
  const headers = [
    foldHeader('From', mailbox(from.name, from.email)),
    ...(to.length > 0 ? [foldHeader('To', to.join(', '))] : []),
    ...(cc.length > 0 ? [foldHeader('Cc', cc.join(', '))] : []),
    subjectHeader(letter.subject),
    `Date: ${rfc5322Date(date)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
    'X-Unsent: 1',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${quotedPrintable(letter.body)}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// "Open in mail app": a mailto: URL (RFC 6068).

export { MAILTO_CUT_NOTE, MAILTO_MAX_LENGTH, type MailtoLink, mailtoUrl } from './mailto.ts';
