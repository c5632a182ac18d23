// Facts in sentences, shared by several letters: the plan's own words for a service, what the ledger
// says was delivered and is owed, missed sessions and closures, observations by occurrence, messages
// and their replies, and the paragraphs a parent who has not agreed to a change writes. Each helper
// puts the records it states into the writer's paper trail.

import {
  type CaseAccommodation,
  type CaseObservation,
  type CaseRecord,
  type CaseService,
  type CaseSessionMiss,
  closureMissesToList,
  occurrencesOf,
  owedMissesToList,
  pendingMisses,
} from '../case-record.ts';
import { type Communication, replyState, VERBAL_KINDS } from '../communications.ts';
import { type Finding, GOAL_FINDING_RULES } from '../implementation-patterns.ts';
import { pin } from '../legal-sources.ts';
import {
  bulletList,
  capitalize,
  countOf,
  formatMinutes,
  listWords,
  lowerFirst,
  missReasonWords,
  observationOutcomeWords,
  observationSourceWords,
  possessive,
  quotePlan,
} from '../letter-words.ts';
import { contactsOf, type Timeline, type Writer } from './writer.ts';

export function findService(record: CaseRecord, serviceId: string): CaseService {
  const service = record.services.find((s) => s.id === serviceId);
  if (!service) throw new RangeError(`no service with id ${serviceId} in this record`);
  return service;
}

export function findAccommodation(record: CaseRecord, accommodationId: string): CaseAccommodation {
  const accommodation = record.accommodations.find((a) => a.id === accommodationId);
  if (!accommodation) throw new RangeError(`no accommodation with id ${accommodationId} in this record`);
  return accommodation;
}

export function findCommunication(record: CaseRecord, communicationId: string): Communication {
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
export function notMadeUpWords(minutes: number): string {
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
export function notMadeUpClause(
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

export function percentOf(service: CaseService): number | null {
  const { ledger } = service;
  if (ledger.percentDelivered != null) return Math.round(ledger.percentDelivered);
  return ledger.requiredMinutes > 0
    ? Math.round((ledger.deliveredMinutes / ledger.requiredMinutes) * 100)
    : null;
}

/** `The IEP lists: "Speech-language therapy, 30 minutes 2 times per week".` (records the service as a fact). */
export function planWordsForService(w: Writer, service: CaseService): string {
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
export function deliverySentence(w: Writer, service: CaseService): string {
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

export function byMissDate(a: CaseSessionMiss, b: CaseSessionMiss): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** "(30 minutes)", or "(10 of 30 minutes not made up yet)" when make-ups cured part of it. */
export function owedMinutesWords(m: CaseSessionMiss): string {
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
export function missLines(
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
export function closureLines(
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
export function pendingDates(
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
export function closureParagraph(lines: readonly string[]): string[] {
  if (lines.length === 0) return [];
  return [
    `${lines.length === 1 ? 'This session fell on a day' : 'These sessions fell on days'} the school was closed; by my records ${lines.length === 1 ? 'it has' : 'they have'} not been made up yet:\n${bulletList(lines)}`,
  ];
}

type Occurrence = ReturnType<typeof occurrencesOf>[number];

export function byDate<T extends { date: string; id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
}

export function byOccurrenceDate(a: Occurrence, b: Occurrence): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** "Tuesday, October 6 (Math, test, substitute teacher)". */
export function observationWhen(
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
export function occurrenceSources(w: Writer, o: Occurrence): string | null {
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
export function occurrenceLine(w: Writer, o: Occurrence): string {
  w.facts.push(...o.entryIds);
  noteDisagreement(w, o);
  const source = occurrenceSources(w, o);
  return `${observationWhen(w, o)}: ${observationOutcomeWords(o.outcome)}${source ? `; ${source}` : ''}`;
}

export function noteDisagreement(w: Writer, o: Occurrence): void {
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
export function uniqueDates(w: Writer, occurrences: readonly Occurrence[]): string[] {
  return [...new Set(occurrences.map((o) => o.date))].sort().map((d) => w.date(d));
}

type LapseSummary = { lapses: Occurrence[]; known: Occurrence[] };

/** Lapses and known outcomes by occurrence (one school day and class), on or after `since`. */
export function lapsesOf(accommodation: CaseAccommodation, since: string | null = null): LapseSummary {
  const inWindow = occurrencesOf(accommodation)
    .filter((o) => since == null || o.date >= since)
    .sort(byOccurrenceDate);
  const known = inWindow.filter((o) => o.outcome !== 'unknown');
  return { lapses: known.filter((o) => o.lapse), known };
}

/** `not in place on 3 of the 5 days I have notes for` ("times" when one day holds two classes). */
export function lapseCount(summary: LapseSummary): string {
  const perDay = new Set(summary.known.map((o) => o.date)).size === summary.known.length;
  const unit = perDay ? 'day' : 'time';
  return `not in place (or only partly) ${perDay ? 'on ' : ''}${summary.lapses.length} of the ${countOf(summary.known.length, unit)} I have notes for`;
}

/** Finding text speaks to the parent ("your child", "you noted"); a letter speaks about the child. */
export function findingForLetter(w: Writer, text: string): string {
  return text
    .replace(/\byour child's\b/giu, possessive(w.child))
    .replace(/\byour child\b/giu, w.child)
    .replace(/\byou noted\b/giu, 'I noted');
}

export function findingsAbout(record: CaseRecord, subjectId: string): Finding[] {
  return record.findings.filter((f) => f.subjectId === subjectId);
}

export function isGoalFinding(finding: Finding): boolean {
  return GOAL_FINDING_RULES.has(finding.rule);
}

/** Services with minutes still to make up, and accommodations with lapses: what a meeting or escalation is about. */
export function openConcerns(
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

export function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

export const MESSAGE_WORDS: Readonly<Record<Communication['kind'], string>> = {
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
export function contactLine(w: Writer, message: Communication): string {
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
export function contactsSince(record: CaseRecord, since: string | null): Communication[] {
  return byDate(record.communications.filter((c) => since == null || c.date >= since));
}

export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (clean.length <= max) return clean;
  return `${clean.slice(0, max).replace(/\s+\S*$/u, '')}...`;
}

/**
 * What a parent who has not agreed (or wants time to think) says about a proposed change, in the terms of
 * the plan's own process: for an IEP, the IEP stays as it is until changed through the IEP process (an
 * amendment without a meeting needs the parent's agreement, 34 CFR 300.324(a)(4)) and the school gives
 * prior written notice of a proposal (34 CFR 300.503); for a 504 plan, notice under the 504 safeguards
 * (34 CFR 104.36); for a Canadian plan, the same asks in plain words, with no citation.
 */
export function notAgreedParagraphs(w: Writer, position: 'not_agreed' | 'thinking'): string[] {
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

export function timelineSentence(timeline: Timeline, what: string): string {
  const from = timeline.fromReceipt ? 'of receiving this written request' : 'of this written request';
  // "30 days, not counting ..." reads "within 30 days of receiving this written request, not counting ...".
  const [unit, ...qualifier] = timeline.unit.split(', ');
  const tail = qualifier.length > 0 ? `, ${qualifier.join(', ')}` : '';
  return `I understand ${timeline.duty ?? what} within ${timeline.days} ${unit} ${from}${tail} (${timeline.citation}).`;
}
