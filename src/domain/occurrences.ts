// One event, one fact. A parent may record the same missed quiz accommodation three times (a note, a
// work sample, the child's check-in answer); a staff link may confirm the same session ten times and the
// parent log it too. Each is a *source* about one *occurrence*: one accommodation on one school day in
// one class, or one scheduled session of a service. Every count of lapses, rates, "N of M days" and
// ledger minutes counts occurrences, never records, and keeps every source beside it (agreeing or not).
//
// This module is the one home of both groupings (docs/ledger-rules.md, "One event, one fact"). Pure and
// zod-free, so the web app can use it too. Session entries must be resolved first (corrections and voids,
// src/domain/corrections.ts `currentSessionEntries`); voided observations and work samples are left out.

import enFindings from './i18n/locales/en/findings.json' with { type: 'json' };
import esFindings from './i18n/locales/es/findings.json' with { type: 'json' };
import { createTranslator } from './i18n/translate.ts';
import { andList, capitalize } from './letter-words.ts';

// An occurrence's words (occurrenceWords) come from the findings catalog part, read only by the server.
const occurrenceTranslators = {
  en: createTranslator('en', enFindings),
  es: createTranslator('es', esFindings),
} as const;
const spanishList = new Intl.ListFormat('es', { style: 'long', type: 'conjunction' });

// ---------------------------------------------------------------------------------------------
// Accommodations

export type AccommodationOutcome = 'provided' | 'not_provided' | 'partly' | 'unknown';

export type AccommodationSourceKind =
  | 'child_report'
  | 'work_sample'
  | 'teacher'
  | 'parent_saw'
  | 'school_record';

/**
 * Which source decides an occurrence when sources disagree, first to last (product choice): the school's
 * own record and the teacher's word are about what the school did; a work sample is the work itself,
 * made on the day; what the parent saw is first-hand but seen from outside the classroom; what the child
 * remembers comes last, because a child's memory of a week is the weakest record (and is meant as a
 * question to ask, not a verdict). The sources that disagree stay beside the occurrence as a question.
 */
export const ACCOMMODATION_SOURCE_PRECEDENCE: readonly AccommodationSourceKind[] = [
  'school_record',
  'teacher',
  'work_sample',
  'parent_saw',
  'child_report',
];

/** A record about one accommodation on one day: an observation, or one accommodation check of a work sample. */
export type AccommodationEvidence = {
  /** The observation's id, or the work sample's id for its check. */
  id: string;
  accommodationId: string;
  date: string;
  outcome: AccommodationOutcome;
  className: string | null;
  setting?: string | null;
  teacherKind?: string;
  staffName?: string | null;
  source: AccommodationSourceKind | string;
  /** The record it comes from: an observation (the default) or a work sample's check. */
  record?: 'observation' | 'work_sample';
  /** A record voided as logged by mistake counts nowhere (it is left out here too). */
  voidedAt?: string | null;
};

export type AccommodationOccurrence<E extends AccommodationEvidence = AccommodationEvidence> = {
  /** Stable within a record: the accommodation, the day and the class ("" when no class was noted). */
  key: string;
  accommodationId: string;
  date: string;
  /** The class, as most of its sources wrote it; null when none named one. */
  className: string | null;
  /**
   * True when no source named a class and the day also has records in two or more classes: the item
   * cannot be placed in one of them, so it stands as an occurrence of its own.
   */
  classUnplaced: boolean;
  setting: string | null;
  teacherKind: string;
  staffName: string | null;
  /** The outcome of the source that decides (ACCOMMODATION_SOURCE_PRECEDENCE); "unknown" only when every source is unsure. */
  outcome: AccommodationOutcome;
  /** The record whose outcome counts. */
  decidedBy: E;
  /** Every record about it, deciding source first, then by precedence and date of recording (id). */
  sources: E[];
  /** Records whose known outcome says otherwise (provided against not provided or partly). */
  disagreeing: E[];
  /** True when sources with a known outcome disagree on whether it was in place. */
  disagreement: boolean;
  /** Not provided, or only partly. */
  lapse: boolean;
  /** The ids of every record behind it (a work sample's id once). */
  entryIds: string[];
};

const isLapseOutcome = (o: string) => o === 'not_provided' || o === 'partly';

/** "Math", "math " and "MATH" are one class. */
function classKey(name: string | null | undefined): string {
  return (name ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

function rankOf(order: readonly string[], source: string): number {
  const i = order.indexOf(source);
  return i === -1 ? order.length : i;
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Groups records into occurrences (docs/ledger-rules.md, "Accommodation occurrences"):
 *
 * - Records about the same accommodation on the same date and in the same class (compared without case
 *   or extra spaces) are one occurrence.
 * - A record without a class joins the day's one classed occurrence of that accommodation when there is
 *   exactly one. With none, the day's records without a class are one occurrence together. With two or
 *   more, it cannot be placed (it may be about either class): the records without a class stand apart as
 *   one occurrence, marked `classUnplaced`, rather than be guessed into a class.
 * - The outcome is that of the first source in ACCOMMODATION_SOURCE_PRECEDENCE with a known outcome (the
 *   latest record of that source when it has several); an "unknown" never outweighs a known outcome.
 *
 * Voided records are left out. Sorted by accommodation, date, then class.
 */
export function accommodationOccurrences<E extends AccommodationEvidence>(
  evidence: readonly E[],
): AccommodationOccurrence<E>[] {
  const byDay = new Map<string, E[]>();
  for (const e of evidence) {
    if (e.voidedAt != null) continue;
    const k = `${e.accommodationId}\u0000${e.date}`;
    const list = byDay.get(k);
    if (list) list.push(e);
    else byDay.set(k, [e]);
  }
  const out: AccommodationOccurrence<E>[] = [];
  for (const items of byDay.values()) {
    const classed = new Map<string, E[]>();
    const unclassed: E[] = [];
    for (const e of items) {
      const k = classKey(e.className);
      if (k === '') unclassed.push(e);
      else {
        const list = classed.get(k);
        if (list) list.push(e);
        else classed.set(k, [e]);
      }
    }
    const groups: { key: string; items: E[]; unplaced: boolean }[] = [...classed].map(([key, list]) => ({
      key,
      items: list,
      unplaced: false,
    }));
    if (unclassed.length > 0) {
      if (groups.length === 1) groups[0]!.items.push(...unclassed);
      else groups.push({ key: '', items: unclassed, unplaced: groups.length > 1 });
    }
    for (const g of groups) out.push(toOccurrence(g.key, g.items, g.unplaced));
  }
  return out.sort(bySubjectDateKey((o) => o.accommodationId));
}

/** One stable order: by subject (an accommodation or a service), then oldest first, then by key. */
function bySubjectDateKey<T extends { date: string; key: string }>(subject: (o: T) => string) {
  return (a: T, b: T): number => {
    const sa = subject(a);
    const sb = subject(b);
    if (sa !== sb) return sa < sb ? -1 : 1;
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  };
}

function toOccurrence<E extends AccommodationEvidence>(
  classK: string,
  items: E[],
  unplaced: boolean,
): AccommodationOccurrence<E> {
  // Precedence first; within a source, the latest record (greatest id, UUIDv7) first.
  const ordered = [...items].sort((a, b) => {
    const r =
      rankOf(ACCOMMODATION_SOURCE_PRECEDENCE, a.source) - rankOf(ACCOMMODATION_SOURCE_PRECEDENCE, b.source);
    return r !== 0 ? r : -byId(a, b);
  });
  const known = ordered.filter((e) => e.outcome !== 'unknown');
  const decidedBy = known[0] ?? ordered[0]!;
  const lapse = isLapseOutcome(decidedBy.outcome);
  const disagreeing =
    decidedBy.outcome === 'unknown' ? [] : known.filter((e) => isLapseOutcome(e.outcome) !== lapse);
  const sources = [decidedBy, ...ordered.filter((e) => e !== decidedBy)];
  const first = <T>(pick: (e: E) => T | null | undefined, skip?: (v: T) => boolean): T | null => {
    for (const e of sources) {
      const v = pick(e);
      if (v != null && v !== '' && !(skip?.(v) ?? false)) return v;
    }
    return null;
  };
  const { accommodationId, date } = decidedBy;
  return {
    key: `${accommodationId}|${date}|${classK}`,
    accommodationId,
    date,
    className: mostWritten(sources.map((e) => e.className?.trim().replace(/\s+/g, ' ') || null)),
    classUnplaced: unplaced,
    setting: first((e) => e.setting ?? null),
    teacherKind:
      first(
        (e) => e.teacherKind ?? null,
        (v) => v === 'unknown',
      ) ?? 'unknown',
    staffName: first((e) => e.staffName ?? null),
    outcome: decidedBy.outcome,
    decidedBy,
    sources,
    disagreeing,
    disagreement: disagreeing.length > 0,
    lapse,
    entryIds: [...new Set(sources.map((e) => e.id))],
  };
}

/** The spelling most sources used ("Math" twice beats "math" once); ties go to the earlier source. */
function mostWritten(names: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const n of names) if (n) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best: string | null = null;
  for (const n of names) if (n && (best == null || counts.get(n)! > counts.get(best)!)) best = n;
  return best;
}

/** Counts of occurrences by outcome ("unknown" is counted but left out of `known`). */
export type OccurrenceCounts = {
  occurrences: number;
  provided: number;
  partly: number;
  notProvided: number;
  unknown: number;
  /** Occurrences with a known outcome: the denominator of "N of M". */
  known: number;
  /** Not provided or partly. */
  lapses: number;
  /** Distinct dates among the known occurrences (one day may hold two classes). */
  knownDays: number;
};

export function countOccurrences(
  occurrences: readonly AccommodationOccurrence<AccommodationEvidence>[],
): OccurrenceCounts {
  const c: OccurrenceCounts = {
    occurrences: occurrences.length,
    provided: 0,
    partly: 0,
    notProvided: 0,
    unknown: 0,
    known: 0,
    lapses: 0,
    knownDays: 0,
  };
  const days = new Set<string>();
  for (const o of occurrences) {
    if (o.outcome === 'provided') c.provided++;
    else if (o.outcome === 'partly') c.partly++;
    else if (o.outcome === 'not_provided') c.notProvided++;
    else c.unknown++;
    if (o.outcome !== 'unknown') {
      c.known++;
      days.add(o.date);
    }
  }
  c.lapses = c.partly + c.notProvided;
  c.knownDays = days.size;
  return c;
}

/**
 * What one source is, in the parent's words: "your note", "a work sample", "Emma's report". A work
 * sample's own check and an observation noted from a work sample are both "a work sample".
 */
export function accommodationSourceNoun(
  e: Pick<AccommodationEvidence, 'source' | 'record'>,
  childName: string,
): string {
  if (e.record === 'work_sample') return 'a work sample';
  switch (e.source) {
    case 'school_record':
      return 'a school record';
    case 'teacher':
      return "the teacher's word";
    case 'work_sample':
      return 'a work sample';
    case 'parent_saw':
      return 'your note';
    case 'child_report':
      return `${childName}'s report`;
    default:
      return 'a note';
  }
}

/**
 * One occurrence in the parent's words: "1 lapse, 3 sources: your note, a work sample, Emma's report".
 * A disagreement is a question, never a verdict: "Your note says it was in place; a work sample says it
 * was not in place. Which is right?"
 */
export function occurrenceWords(
  occurrence: AccommodationOccurrence<AccommodationEvidence>,
  childName: string,
  language: 'en' | 'es' = 'en',
): { summary: string; question: string | null } {
  const { t } = occurrenceTranslators[language];
  const noun = (e: Pick<AccommodationEvidence, 'source' | 'record'>) =>
    t('findings.occurrence.source', {
      source: e.record === 'work_sample' ? 'work_sample' : e.source,
      child: childName,
    });
  const list = (items: string[]) => (language === 'en' ? andList(items) : spanishList.format(items));
  const what =
    occurrence.outcome === 'unknown'
      ? 'unknown'
      : occurrence.lapse
        ? occurrence.outcome === 'partly'
          ? 'partly'
          : 'lapse'
        : 'in_place';
  const nouns = occurrence.sources.map(noun);
  const summary = t('findings.occurrence.summary', {
    what,
    count: occurrence.sources.length,
    sources: nouns.join(', '),
  });
  if (!occurrence.disagreement) return { summary, question: null };
  const decider = noun(occurrence.decidedBy);
  const others = [...new Set(occurrence.disagreeing.map(noun))];
  const outcome = (o: string) => t('findings.occurrence.outcome', { outcome: o });
  const question = t('findings.occurrence.question', {
    // English starts a sentence with it ("Your note says..."); Spanish puts it after "Según".
    decider: language === 'en' ? capitalize(decider) : decider,
    outcome: outcome(occurrence.outcome),
    others: list(others),
    count: others.length,
    otherOutcome: outcome(occurrence.disagreeing[0]!.outcome),
  });
  return { summary, question };
}

// ---------------------------------------------------------------------------------------------
// Sessions

export type SessionSourceKind = 'school_log' | 'provider' | 'provider_link' | 'parent' | 'child_report';

/**
 * Whose statement counts when several sources speak about one session, first to last
 * (docs/ledger-rules.md, "Session occurrences"): the record-keeper of the session first. The school's
 * service log is the record the school keeps; the provider delivered (or did not deliver) it; a staff
 * link is the provider's confirmation through the app; the parent knows of it at second hand; a child's
 * report is evidence, not a log (a child's report alone still counts, marked as such).
 */
export const SESSION_SOURCE_PRECEDENCE: readonly SessionSourceKind[] = [
  'school_log',
  'provider',
  'provider_link',
  'parent',
  'child_report',
];

/** What the grouping reads of a session entry (already resolved for corrections). */
export type SessionStatement = {
  id: string;
  serviceId: string;
  date: string;
  kind: string;
  status: string;
  source: string;
  startTime?: string | null;
};

/** How many sessions the plan schedules on a day (from the service's amount in force that day). */
export type DaySchedule = {
  /** A daily service ("30 minutes daily", "2 sessions a day"): every school day owes `sessions`. */
  daily: boolean;
  /** Sessions per period (per day when daily), or null when the plan counts minutes only. */
  sessions: number | null;
};

export type ScheduleOf = (serviceId: string, date: string) => DaySchedule;

/** Without a schedule: at most one occurrence a day unless start times differ. */
export const NO_SCHEDULE: DaySchedule = { daily: false, sessions: null };

type AmountLike = {
  startDate: string;
  endDate: string;
  sessionsPerPeriod: number | null;
  period: { unit: string };
};

/** The day's schedule from a service's dated amounts (an ESY block takes precedence over a segment, as in the ledger). */
export function scheduleFromTerms(terms: {
  segments: readonly AmountLike[];
  esyBlocks: readonly AmountLike[];
}): (date: string) => DaySchedule {
  return (date) => {
    const amount =
      terms.esyBlocks.find((b) => date >= b.startDate && date <= b.endDate) ??
      terms.segments.find((s) => date >= s.startDate && date <= s.endDate);
    if (!amount) return NO_SCHEDULE;
    return { daily: amount.period.unit === 'day', sessions: amount.sessionsPerPeriod };
  };
}

export type SessionOccurrence<E extends SessionStatement = SessionStatement> = {
  /** The service, the date and the occurrence's place in the day ("09:00", or "#1" without a time). */
  key: string;
  serviceId: string;
  date: string;
  /** The earliest start time any source gave, or null. */
  startTime: string | null;
  /** The statement the ledger counts: the current one of the first source in SESSION_SOURCE_PRECEDENCE. */
  counted: E;
  /** The current statement of each source (its latest entry about this session), counted one first. */
  statements: E[];
  /** Earlier entries of a source that spoke again about the same session: its later entry replaces them. */
  superseded: E[];
  /** True when the current statements disagree on what happened (delivered, short or missed). */
  disagreement: boolean;
  /** Every entry behind it. */
  entryIds: string[];
};

export type SessionOccurrenceResult<E extends SessionStatement> = {
  /** Every session (only those more than one entry speaks of, with `singles: false`), by service and date. */
  occurrences: SessionOccurrence<E>[];
  /**
   * What the ledger reads: each occurrence's counted statement, every make-up and every void, in input
   * order. When nothing is set aside this is the input array itself: do not mutate it.
   */
  counted: E[];
  /** Every scheduled entry that is not counted, with the occurrence it belongs to. */
  setAside: Map<string, SessionOccurrence<E>>;
  /** For every scheduled entry, its occurrence (with `singles: false`, only for shared sessions). */
  occurrenceOf: Map<string, SessionOccurrence<E>>;
};

const HH_MM = /^(\d{2}):(\d{2})/;
const minutesOf = (time: string) => {
  const m = HH_MM.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
};

type Slot<E> = { startTime: string | null; label: string; current: Map<string, E>; superseded: E[] };

/**
 * Groups a service's session entries into occurrences (docs/ledger-rules.md, "Session occurrences").
 * Entries must be current (corrections resolved); make-ups and voids are not sessions of the plan and
 * pass through untouched.
 *
 * On each service and date:
 * - The day holds at most `cap` occurrences: a daily service's sessions per day (1 when the plan counts
 *   minutes); any other service's sessions per period (unbounded when it counts minutes), because a
 *   source cannot hold more sessions in a day than the plan schedules in its whole period.
 * - Entries with the same start time are one occurrence; different start times are different
 *   occurrences, except that more distinct times than `cap` are merged, the two closest first.
 * - An entry without a start time joins the first occurrence of the day its own source has not yet
 *   spoken about. Failing that, it opens a new occurrence when there is room: a daily service has room up
 *   to `cap`; any other service only while the day has none (product choice: at most one occurrence a
 *   day unless start times differ). Otherwise it is its source's later word on the occurrence whose
 *   statement from that source is oldest.
 * - A source's later entry about an occurrence replaces its earlier one (like a correction): a staff
 *   link confirming the same session ten times is one session.
 * - The counted statement is that of the first source in SESSION_SOURCE_PRECEDENCE.
 */
export function sessionOccurrences<E extends SessionStatement>(
  entries: readonly E[],
  scheduleOf: ScheduleOf = () => NO_SCHEDULE,
  options: { singles?: boolean } = {},
): SessionOccurrenceResult<E> {
  // Speed (the ledger runs this on every service of a district, most days logged once): one pass finds
  // the days with more than one entry, and only those are grouped. A service's entries in date order (as
  // they usually come) need no map for that: a shared day is two neighbours with the same date.
  const sameService = entries.every((e) => e.serviceId === entries[0]!.serviceId);
  let shared: Map<string, E[]> | null = null;
  let first: Map<string, E> | null = null;
  let sorted = sameService;
  if (sorted) {
    let previous: string | null = null;
    for (const e of entries) {
      if (e.kind !== 'scheduled' || e.status === 'void') continue;
      if (previous !== null && e.date < previous) {
        sorted = false;
        break;
      }
      if (e.date === previous) shared ??= new Map();
      previous = e.date;
    }
  }
  if (!sorted || shared !== null) {
    shared = null;
    first = new Map();
    const keyOf = sameService ? (e: E) => e.date : (e: E) => `${e.serviceId}\u0000${e.date}`;
    for (const e of entries) {
      if (e.kind !== 'scheduled' || e.status === 'void') continue;
      const k = keyOf(e);
      const seen = first.get(k);
      if (seen === undefined) {
        first.set(k, e);
        continue;
      }
      shared ??= new Map();
      const list = shared.get(k);
      if (list) list.push(e);
      else shared.set(k, [seen, e]);
    }
  }
  const occurrenceOf = new Map<string, SessionOccurrence<E>>();
  const setAside = new Map<string, SessionOccurrence<E>>();
  const occurrences: SessionOccurrence<E>[] = [];
  for (const list of shared?.values() ?? []) {
    for (const o of dayOccurrences(list, scheduleOf)) {
      occurrences.push(o);
      for (const e of o.statements) {
        occurrenceOf.set(e.id, o);
        if (e !== o.counted) setAside.set(e.id, o);
      }
      for (const e of o.superseded) {
        occurrenceOf.set(e.id, o);
        setAside.set(e.id, o);
      }
    }
  }
  // A session logged once is an occurrence of one (left out when the caller only needs the shared ones).
  if (options.singles !== false) {
    for (const e of entries) {
      if (e.kind !== 'scheduled' || e.status === 'void' || occurrenceOf.has(e.id)) continue;
      const o = single(e);
      occurrences.push(o);
      occurrenceOf.set(e.id, o);
    }
  }
  // Nothing set aside (the usual case): the input itself, not a copy.
  const counted = setAside.size > 0 ? entries.filter((e) => !setAside.has(e.id)) : (entries as E[]);
  occurrences.sort(bySubjectDateKey((o) => o.serviceId));
  return { occurrences, counted, setAside, occurrenceOf };
}

function single<E extends SessionStatement>(e: E): SessionOccurrence<E> {
  const startTime = e.startTime ?? null;
  return {
    key: `${e.serviceId}|${e.date}|${startTime ?? '#1'}`,
    serviceId: e.serviceId,
    date: e.date,
    startTime,
    counted: e,
    statements: [e],
    superseded: [],
    disagreement: false,
    entryIds: [e.id],
  };
}

function dayOccurrences<E extends SessionStatement>(
  list: E[],
  scheduleOf: ScheduleOf,
): SessionOccurrence<E>[] {
  const { serviceId, date } = list[0]!;
  const schedule = scheduleOf(serviceId, date);
  const cap = schedule.daily
    ? Math.max(1, schedule.sessions ?? 1)
    : schedule.sessions != null
      ? Math.max(1, schedule.sessions)
      : Number.POSITIVE_INFINITY;

  // Start times, merged down to the day's capacity (the two closest first, the earlier time kept).
  const times = [
    ...new Set(list.map((e) => e.startTime).filter((t): t is string => t != null && t !== '')),
  ].sort();
  const clusters = times.map((t) => [t]);
  while (clusters.length > cap) {
    let best = 0;
    let gap = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 1 < clusters.length; i++) {
      const g = minutesOf(clusters[i + 1]![0]!) - minutesOf(clusters[i]!.at(-1)!);
      if (g < gap) {
        gap = g;
        best = i;
      }
    }
    clusters.splice(best, 2, [...clusters[best]!, ...clusters[best + 1]!]);
  }
  const slotOfTime = new Map<string, number>();
  const slots: Slot<E>[] = clusters.map((c, i) => {
    for (const t of c) slotOfTime.set(t, i);
    return { startTime: c[0]!, label: c[0]!, current: new Map(), superseded: [] };
  });
  let untimed = 0;
  const room = () => (schedule.daily ? slots.length < cap : slots.length === 0);

  // In the order they were recorded (ids are UUIDv7): a later entry of a source is its later word.
  for (const e of [...list].sort(byId)) {
    let slot: Slot<E> | undefined;
    if (e.startTime) slot = slots[slotOfTime.get(e.startTime)!]!;
    else {
      slot = slots.find((s) => !s.current.has(e.source));
      if (!slot && room()) {
        untimed++;
        slot = { startTime: null, label: `#${untimed}`, current: new Map(), superseded: [] };
        slots.push(slot);
      }
      if (!slot) {
        // Its source has spoken about every occurrence of the day: its oldest statement is replaced.
        slot = slots.reduce((oldest, s) =>
          (s.current.get(e.source)?.id ?? '') < (oldest.current.get(e.source)?.id ?? '') ? s : oldest,
        );
      }
    }
    const before = slot.current.get(e.source);
    if (before) slot.superseded.push(before);
    slot.current.set(e.source, e);
  }

  return slots
    .filter((s) => s.current.size > 0)
    .map((s) => {
      const statements = [...s.current.values()].sort((a, b) => {
        const r = rankOf(SESSION_SOURCE_PRECEDENCE, a.source) - rankOf(SESSION_SOURCE_PRECEDENCE, b.source);
        return r !== 0 ? r : byId(a, b);
      });
      const counted = statements[0]!;
      const superseded = s.superseded.sort(byId);
      return {
        key: `${serviceId}|${date}|${s.label}`,
        serviceId,
        date,
        startTime: s.startTime,
        counted,
        statements,
        superseded,
        disagreement: new Set(statements.map((e) => e.status)).size > 1,
        entryIds: [...statements, ...superseded].map((e) => e.id),
      };
    });
}

/** A source in words: "the school log", "the provider", "the staff link", "you", "Emma". */
export function sessionSourceNoun(source: string, childName = 'your child'): string {
  switch (source) {
    case 'school_log':
      return 'the school log';
    case 'provider':
      return 'the provider';
    case 'provider_link':
      return "the provider's staff link";
    case 'parent':
      return 'your log';
    case 'child_report':
      return childName;
    default:
      return 'a record';
  }
}
