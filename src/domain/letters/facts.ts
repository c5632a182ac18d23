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
import { formatSchoolDate, RECORD_LOCALE } from '../dates.ts';
import { COUNT_UNIT_WORDS } from '../deadlines.ts';
import { FINDING_RULES, type Finding, GOAL_FINDING_RULES } from '../implementation-patterns.ts';
import type { CountUnit } from '../jurisdictions.ts';
import { pin } from '../legal-sources.ts';
import { bulletList, capitalize, lowerFirst, possessive, quotePlan } from '../letter-words.ts';
import { MISS_REASONS } from '../record-kinds.ts';
import { LetterLanguageUnavailableError } from './draft-language.ts';
import type { LetterKind } from './kinds.ts';
import { LetterRequestError } from './request-error.ts';
import { contactsOf, type Timeline, type Writer } from './writer.ts';

export function findService(record: CaseRecord, serviceId: string): CaseService {
  const service = record.services.find((s) => s.id === serviceId);
  if (!service)
    throw new LetterRequestError(`no service with id ${serviceId} in this record`, {
      rule: 'letter.serviceNotFound',
      values: { id: serviceId },
    });
  return service;
}

export function findAccommodation(record: CaseRecord, accommodationId: string): CaseAccommodation {
  const accommodation = record.accommodations.find((a) => a.id === accommodationId);
  if (!accommodation)
    throw new LetterRequestError(`no accommodation with id ${accommodationId} in this record`, {
      rule: 'letter.accommodationNotFound',
      values: { id: accommodationId },
    });
  return accommodation;
}

export function findCommunication(record: CaseRecord, communicationId: string): Communication {
  const message = record.communications.find((c) => c.id === communicationId);
  if (!message)
    throw new LetterRequestError(`no communication with id ${communicationId} in this record`, {
      rule: 'letter.communicationNotFound',
      values: { id: communicationId },
    });
  return message;
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
  w: Writer,
  service: CaseService,
  minutes: (n: number) => string = w.minutes,
): string | null {
  const closed = closedMinutes(service);
  const missed = service.ledger.owedBalanceMinutes - closed;
  const missedWords =
    missed > 0 ? w.t('letter.owed.missed', { minutes: minutes(missed), count: missed }) : null;
  const closedWords =
    closed > 0
      ? w.t('letter.owed.closed', {
          more: missed > 0 ? 'yes' : 'no',
          n: String(closed),
          minutes: minutes(closed),
          count: closed,
        })
      : null;
  if (missedWords && closedWords)
    return w.t('letter.owed.both', { missed: missedWords, closed: closedWords });
  return missedWords ?? closedWords;
}

/** A service's name in a sentence: "speech therapy" in English; quoted as the plan names it otherwise. */
export function serviceWords(w: Writer, service: CaseService): string {
  return w.language === 'en' ? lowerFirst(service.name) : w.t('letter.serviceName', { name: service.name });
}

const KNOWN_MISS_REASONS: ReadonlySet<string> = new Set(MISS_REASONS);

/** What a missed session's reason means in a sentence, in the letter's words (codes: src/domain/record-kinds.ts). */
export function missReasonIn(w: Writer, reason: string | null): string {
  if (reason == null || KNOWN_MISS_REASONS.has(reason)) {
    return w.t('letter.missReason', { reason: reason ?? 'unknown', child: w.child });
  }
  // A reason outside the codes is the family's own words.
  return reason;
}

/** "in place", "not in place", ... in the letter's words. */
export function outcomeIn(w: Writer, outcome: string): string {
  return w.t('letter.outcome', { outcome });
}

const SOURCES: ReadonlySet<string> = new Set([
  'child_report',
  'work_sample',
  'teacher',
  'parent_saw',
  'school_record',
]);

/** How I know ("I saw this myself"), in the letter's words; null for a source with no words. */
export function sourceIn(w: Writer, source: string): string | null {
  return SOURCES.has(source) ? w.t('letter.source', { source, child: w.child }) : null;
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
    return w.t('letter.plan.earlier', {
      child: w.child,
      plan: w.planName,
      title: earlier.title ? ` (${earlier.title})` : '',
      from: w.date(earlier.effectiveFrom),
      to: w.date(earlier.effectiveTo),
      quoted: quotePlan(service.sourceText),
    });
  }
  if (service.sourceText) {
    return w.t('letter.plan.lists', {
      child: w.child,
      plan: w.planName,
      quoted: quotePlan(service.sourceText),
    });
  }
  w.notes.push(w.t('letter.plan.wordsMissing', { plan: w.planName, service: serviceWords(w, service) }));
  return w.t('letter.plan.includes', { child: w.child, plan: w.planName, service: serviceWords(w, service) });
}

/** " (50%)": a share of the required minutes, in the letter's words. */
function percentWords(w: Writer, percent: number | null): string {
  return percent == null ? '' : w.t('letter.percent', { n: String(percent) });
}

/** Delivered, required and owed minutes over the ledger's window, in one or two sentences. */
export function deliverySentence(w: Writer, service: CaseService): string {
  const l = service.ledger;
  const percent = percentOf(service);
  let text = w.t('letter.delivery', {
    from: w.date(l.from),
    to: w.date(l.to),
    delivered: w.minutes(l.deliveredMinutes),
    required: w.minutes(l.requiredMinutes),
    count: l.deliveredMinutes,
    percent: percentWords(w, percent),
  });
  const owed = notMadeUpClause(w, service);
  if (owed) text += ` ${capitalize(owed)}.`;
  if (l.makeupMinutes > 0) {
    text += ` ${w.t('letter.delivery.makeups', { minutes: w.minutes(l.makeupMinutes) })}`;
  }
  if (l.unloggedMinutes > 0) {
    text += ` ${w.t('letter.delivery.unlogged', { minutes: w.minutes(l.unloggedMinutes), count: Math.round(l.unloggedMinutes) })}`;
  }
  return text;
}

function inRange(m: CaseSessionMiss, from: string | null, to: string | null): boolean {
  return (from == null || m.date >= from) && (to == null || m.date <= to);
}

export function byMissDate(a: CaseSessionMiss, b: CaseSessionMiss): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** "(30 minutes)", or "(10 of 30 minutes not made up yet)" when make-ups cured part of it. */
export function owedMinutesWords(w: Writer, m: CaseSessionMiss): string {
  const partly = m.owedRemainingMinutes < m.minutes;
  return w.t('letter.owedMinutes', {
    partly: partly ? 'yes' : 'no',
    n: String(m.owedRemainingMinutes),
    minutes: w.minutes(partly ? m.minutes : m.owedRemainingMinutes),
  });
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
      return `${w.date(m.date)}: ${missReasonIn(w, m.reason)} ${owedMinutesWords(w, m)}`;
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
      return w.t('letter.closureLine', { date: w.date(m.date), owed: owedMinutesWords(w, m) });
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
export function closureParagraph(w: Writer, lines: readonly string[]): string[] {
  if (lines.length === 0) return [];
  return [`${w.t('letter.closureParagraph', { count: lines.length })}\n${bulletList(lines)}`];
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
  const setting = o.setting && o.setting !== 'other' ? w.t('letter.setting', { setting: o.setting }) : null;
  const details = [
    o.className,
    setting,
    o.teacherKind === 'substitute' ? w.t('letter.substituteTeacher') : null,
  ].filter((d): d is string => d != null && d.length > 0);
  return `${w.date(o.date)}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

/** How I know, from the records that agree with the occurrence's outcome: "I saw this myself; seen on a work sample". */
export function occurrenceSources(w: Writer, o: Occurrence): string | null {
  const words = [
    ...new Set(
      o.sources
        .filter((e) => !o.disagreeing.includes(e) && e.outcome !== 'unknown')
        .map((e) => sourceIn(w, e.source))
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
  return `${observationWhen(w, o)}: ${outcomeIn(w, o.outcome)}${source ? `; ${source}` : ''}`;
}

export function noteDisagreement(w: Writer, o: Occurrence): void {
  if (!o.disagreement) return;
  const others = [...new Set(o.disagreeing.map((e) => sourceIn(w, e.source) ?? w.t('letter.anotherRecord')))];
  w.notes.push(
    w.t('letter.disagreement', {
      date: w.date(o.date),
      inClass: o.className ? 'yes' : 'no',
      className: o.className ?? '',
      outcome: outcomeIn(w, o.outcome),
      decidedBy: sourceIn(w, o.decidedBy.source) ?? w.t('letter.aRecord'),
      others: w.list(others),
      otherOutcome: outcomeIn(w, o.disagreeing[0]!.outcome),
    }),
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
export function lapseCount(w: Writer, summary: LapseSummary): string {
  const perDay = new Set(summary.known.map((o) => o.date)).size === summary.known.length;
  return w.t('letter.lapseCount', {
    perDay: perDay ? 'yes' : 'no',
    lapses: String(summary.lapses.length),
    known: summary.known.length,
    knownN: String(summary.known.length),
  });
}

/**
 * A pattern's question for a letter about an accommodation. The patterns word their questions in English
 * (src/domain/implementation-patterns.ts), so a letter in another language asks its own catalog's
 * question for the rule, about the plan's words for the accommodation (`phrase`) and the class or staff
 * member the English question names (`where`).
 */
export function findingQuestion(w: Writer, finding: Finding, phrase: string): string {
  if (w.language === 'en') return findingInEnglish(w, finding.question);
  const where =
    finding.rule === FINDING_RULES.classLapses
      ? /works in (.+)\? Is something/u.exec(finding.question)?.[1]
      : finding.rule === FINDING_RULES.staffLapses
        ? /^Does (.+) have the accommodation list\?/u.exec(finding.question)?.[1]
        : undefined;
  return w.t('letter.finding', { rule: finding.rule, phrase, where: where ?? '' });
}

/** Finding text speaks to the parent ("your child", "you noted"); a letter speaks about the child. */
function findingInEnglish(w: Writer, text: string): string {
  return text
    .replace(/\byour child's\b/giu, possessive(w.child))
    .replace(/\byour child\b/giu, w.child)
    .replace(/\byou noted\b/giu, 'I noted');
}

// The short dates the patterns write ("Fri, Jun 12"), to say them again in the letter's language.
const SHORT_DATE = String.raw`(\p{L}{3}, \p{L}{3} \d{1,2})`;
const GOAL_MESSAGES: Readonly<Record<string, RegExp>> = {
  [FINDING_RULES.noDataSinceReport]: new RegExp(
    String.raw`^(?:The (.+) goal|This goal) has no data noted since the progress report of ${SHORT_DATE} \((\d+) days? ago\)\.$`,
    'u',
  ),
  [FINDING_RULES.noProgress]: new RegExp(
    String.raw`^(?:The (.+) goal|This goal) went from (\S+) \(${SHORT_DATE}\) to (\S+) \(${SHORT_DATE}\) on the last two progress reports(?:; the target is (\S+))?\.$`,
    'u',
  ),
  [FINDING_RULES.targetMetEarly]: new RegExp(
    String.raw`^(?:The (.+) goal|This goal) reached its target of (\S+) on ${SHORT_DATE} \((\S+)\), before the end of the year\.$`,
    'u',
  ),
};

/** "Fri, Jun 12" in the letter's language ("vie, 12 jun"), by Intl's names for the weekday and month. */
function shortDateIn(w: Writer, words: string): string {
  const [weekday = '', month = '', day = ''] = words.split(/,?\s+/u);
  // A reference week and year whose names Intl gives in both languages (2001-01-01 was a Monday).
  const en = (date: string, style: 'weekdayAbbr' | 'monthShort') =>
    formatSchoolDate(date, style, RECORD_LOCALE);
  const weekdayDate = [1, 2, 3, 4, 5, 6, 7]
    .map((d) => `2001-01-0${d}`)
    .find((d) => en(d, 'weekdayAbbr') === weekday);
  const monthDate = Array.from({ length: 12 }, (_, m) => `2001-${String(m + 1).padStart(2, '0')}-01`).find(
    (d) => en(d, 'monthShort') === month,
  );
  if (!weekdayDate || !monthDate) throw new LetterLanguageUnavailableError('request_iep_meeting', w.language);
  const locale = w.language;
  return `${formatSchoolDate(weekdayDate, 'weekdayAbbr', locale)}, ${day} ${formatSchoolDate(monthDate, 'monthShort', locale)}`;
}

/**
 * A goal's pattern (no data since a report, no progress, the target met early) and its question, for a
 * letter: the patterns word them in English (src/domain/implementation-patterns.ts), so a letter in another
 * language says the same values (the goal, the numbers, the dates) in its catalog's words.
 */
export function goalFindingWords(w: Writer, finding: Finding, kind: LetterKind): string {
  if (w.language === 'en') {
    return `${findingInEnglish(w, finding.message)} ${findingInEnglish(w, finding.question)}`;
  }
  const m = GOAL_MESSAGES[finding.rule]?.exec(finding.message);
  if (!m) throw new LetterLanguageUnavailableError(kind, w.language);
  const goal = w.record.goals.find((g) => g.id === finding.subjectId);
  const area = m[1] ? (goal?.area ?? m[1]) : 'none';
  let message: string;
  if (finding.rule === FINDING_RULES.noDataSinceReport) {
    message = w.t('letter.goal.noData', { area, date: shortDateIn(w, m[2]!), count: Number(m[3]), n: m[3]! });
  } else if (finding.rule === FINDING_RULES.noProgress) {
    message = w.t('letter.goal.noProgress', {
      area,
      from: m[2]!,
      fromDate: shortDateIn(w, m[3]!),
      to: m[4]!,
      toDate: shortDateIn(w, m[5]!),
      hasTarget: m[6] ? 'yes' : 'no',
      target: m[6] ?? '',
    });
  } else {
    message = w.t('letter.goal.targetMet', {
      area,
      target: m[2]!,
      date: shortDateIn(w, m[3]!),
      value: m[4]!,
    });
  }
  return `${message} ${w.t('letter.goal.question', { rule: finding.rule })}`;
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

function teamNames(w: Writer, message: Communication): string {
  const names = contactsOf(w.record, message).map((r) => r.name);
  if (message.otherParties) names.push(message.otherParties);
  return names.length > 0 ? w.list(names) : w.t('letter.theSchool');
}

/** "Tuesday, October 6: email to Maria Rivera, "Calculator in math" (no reply yet)". */
export function contactLine(w: Writer, message: Communication): string {
  w.facts.push(message.id);
  const date = w.date(message.date);
  const who = teamNames(w, message);
  const prep = VERBAL_KINDS.has(message.kind) ? 'with' : message.direction === 'sent' ? 'to' : 'from';
  const subject = message.subject ? `, ${quotePlan(message.subject)}` : '';
  const state = replyState(message, w.record.communications, w.record.asOf);
  const replyWords = (replyState: string, on = '') =>
    w.t('letter.contact.reply', { state: replyState, date: on });
  let reply = '';
  if (state.state === 'answered') {
    const replies = w.record.communications.filter((c) => state.replyIds.includes(c.id));
    const first = byDate(replies)[0];
    // The reply the line dates is a fact the letter states.
    if (first) w.facts.push(first.id);
    reply = first ? replyWords('answered', w.date(first.date)) : replyWords('answeredNoDate');
  } else if (state.state === 'overdue') {
    reply = state.holdingReplyIds ? replyWords('promisedNone', w.date(state.dueBy)) : replyWords('overdue');
  } else if (state.state === 'holding') {
    reply = replyWords('holding', w.date(state.promisedBy));
  } else if (state.state === 'waiting') {
    reply = replyWords('waiting', w.date(state.dueBy));
  }
  return w.t('letter.contact', { date, kind: message.kind, prep, who, subject, reply });
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
  const stance = w.t('letter.notAgreed.stance', { position });
  const about = { stance, child: w.child, plan: w.planName };
  if (!w.isUnitedStates) {
    return [w.t('letter.notAgreed.canada', about), w.t('letter.notAgreed.canadaAsk')];
  }
  if (w.record.plan?.kind === '504') {
    return [
      w.t('letter.notAgreed.plan504', about),
      w.t('letter.notAgreed.plan504Ask', { citation: pin('cfr-104-36') }),
    ];
  }
  return [
    w.t('letter.notAgreed.iep', { ...about, citation: pin('cfr-300-324-a-4') }),
    w.t('letter.notAgreed.iepAsk', { citation: pin('cfr-300-503') }),
  ];
}

/** The school's duties the profiles state in a letter (src/domain/jurisdictions.ts), by their catalog names. */
const TIMELINE_DUTIES: Readonly<Record<string, string>> = {
  'the meeting is to be held': 'meetingHeld',
  'the review is to be held': 'reviewHeld',
  'I may examine the records and receive copies': 'examineAndCopy',
  'this request to inspect and copy the records is to be granted': 'inspectCopyGranted',
  'the records are to be available': 'recordsAvailable',
};

/** The counting units of a timeline, by the words the profiles give them (src/domain/deadlines.ts). */
const TIMELINE_UNITS: ReadonlyMap<string, CountUnit> = new Map(
  (Object.entries(COUNT_UNIT_WORDS) as [CountUnit, string][]).map(([unit, words]) => [words, unit]),
);

/**
 * "I understand the meeting is to be held within 30 days of receiving this written request, not counting
 * ... (Ed. Code 56343.5)". The timeline comes in as data (the advisor's profiles), in English words: its
 * duty and unit are said in the catalog's words for them, so a letter in another language states them
 * in its own. A duty or unit the catalog does not know is written as given in English, and cannot be
 * written in another language (LetterLanguageUnavailableError).
 */
export function timelineSentence(w: Writer, timeline: Timeline, what: string, kind: LetterKind): string {
  const dutyWords = timeline.duty ?? what;
  const duty = TIMELINE_DUTIES[dutyWords];
  const unit = TIMELINE_UNITS.get(timeline.unit);
  if (duty && unit) {
    return w.t('letter.timeline', {
      duty,
      days: String(timeline.days),
      unit,
      fromReceipt: timeline.fromReceipt ? 'yes' : 'no',
      citation: timeline.citation,
    });
  }
  if (w.language !== 'en') throw new LetterLanguageUnavailableError(kind, w.language);
  const from = timeline.fromReceipt ? 'of receiving this written request' : 'of this written request';
  // "30 days, not counting ..." reads "within 30 days of receiving this written request, not counting ...".
  const [unitWords, ...qualifier] = timeline.unit.split(', ');
  const tail = qualifier.length > 0 ? `, ${qualifier.join(', ')}` : '';
  return `I understand ${dutyWords} within ${timeline.days} ${unitWords} ${from}${tail} (${timeline.citation}).`;
}
