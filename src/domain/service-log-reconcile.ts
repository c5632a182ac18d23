// The school's service log against the family's record (issue 19). Every row of the school's log is
// matched to the family's sessions by service and date (and start time when both have one), and each
// pair, or row or session left alone, is one line of a table: they agree; the school logs delivered
// where the family (or the child's check-in) says it did not happen; the school logs it not held where
// the family says it happened; the school has a session the family has nothing for; the family has a
// session the school's log lacks; the minutes differ; the reasons differ. Each difference comes with a
// question the parent can ask, in her own voice, never an accusation ("Could you help me understand?").
//
// The family's side is its session entries in force (corrections resolved, src/domain/corrections.ts),
// grouped into occurrences by the one-occurrence rule (src/domain/occurrences.ts): a session the
// parent logged and the child reported is one session with two sources, matched once. Entries that
// came from a school log before (source `school_log`) are not the family's: a row they already hold is
// marked as in the record. Only the dates the log covers are compared, service by service. Pure and
// zod-free; one pass over maps, so 1,000 rows take milliseconds.

import { formatLongDate } from './dates.ts';
import { andList, capitalize, countOf, lowerFirst } from './letter-words.ts';
import { type ScheduleOf, type SessionStatement, sessionOccurrences } from './occurrences.ts';
import { reasonShortWords } from './service-log-values.ts';
import type { MissReason } from './session-entry.ts';

export const DIFFERENCE_KINDS = [
  'school_delivered_family_missed',
  'school_missed_family_delivered',
  'school_only',
  'family_only',
  'minutes_differ',
  'reason_differs',
  'agree',
] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

/** Each kind in the parent's words, as the reconciliation table's groups are titled. */
export const DIFFERENCE_KIND_LABELS: Readonly<Record<DifferenceKind, string>> = {
  school_delivered_family_missed: 'The school’s log says delivered; your record says it did not happen',
  school_missed_family_delivered: 'The school’s log says not held; your record says it happened',
  school_only: 'In the school’s log, not in your record',
  family_only: 'In your record, not in the school’s log',
  minutes_differ: 'The minutes differ',
  reason_differs: 'The reason differs',
  agree: 'The school’s log and your record agree',
};

/** A row of the school's log, as the reconciliation reads it. */
export type SchoolLogSession = {
  line: number;
  serviceId: string;
  date: string;
  startTime: string | null;
  kind: string;
  status: string;
  reason: MissReason | null;
  minutes: number | null;
  statusText: string | null;
  provider: string | null;
};

/** The fields of a read row (or a stored one) that the reconciliation takes, and no others. */
export function schoolSessionOf(row: SchoolLogSession): SchoolLogSession {
  return {
    line: row.line,
    serviceId: row.serviceId,
    date: row.date,
    startTime: row.startTime,
    kind: row.kind,
    status: row.status,
    reason: row.reason,
    minutes: row.minutes,
    statusText: row.statusText,
    provider: row.provider,
  };
}

/** A session entry in force (corrections resolved, voids left out). */
export type FamilyEntry = SessionStatement & {
  minutesDelivered: number;
  reason: string | null;
  startTime: string | null;
};

export type FamilySide = {
  /** Every entry behind the session (one per source, and any a source's later entry replaced). */
  entryIds: string[];
  /** The sources that speak about it, counted one first (`parent`, `provider`, `child_report`, ...). */
  sources: string[];
  /** The family's counted statement. */
  status: string;
  reason: string | null;
  minutes: number;
  startTime: string | null;
};

export type ReconciliationItem = {
  /** `line:<n>` for a row of the log, `entry:<id>` for a family session the log lacks. */
  key: string;
  kind: DifferenceKind;
  serviceId: string;
  date: string;
  startTime: string | null;
  school: SchoolLogSession | null;
  family: FamilySide | null;
  /** The school-log entry already in the record for this row (accepted before), or null. */
  recordedEntryId: string | null;
  /** What differs, for the parent: one short sentence. */
  summary: string;
  /** What to ask the school, in the parent's voice; null when they agree. */
  question: string | null;
};

export type Reconciliation = {
  items: ReconciliationItem[];
  counts: Record<DifferenceKind, number>;
  /** Rows of the log already in the record as school-log entries. */
  recorded: number;
};

export type ReconcileOptions = {
  /** Each service's name as the plan writes it. */
  serviceNames: Readonly<Record<string, string>>;
  childName: string;
  /** How many sessions each service schedules on a day (the plan's amounts), for grouping the family's entries. */
  scheduleOf?: ScheduleOf;
};

/** Start times this close (in minutes) are the same session. */
const SAME_SESSION_MINUTES = 45;

const minutesOfDay = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

const isHeld = (status: string) => status === 'delivered' || status === 'short';

const knownReason = (r: string | null): r is string => r != null && r !== 'unknown' && r !== 'other';

/** Who said it, in the parent's voice: "my notes", "Emma's check-in", "the provider's confirmation". */
function sourceWords(source: string, childName: string): string {
  switch (source) {
    case 'parent':
      return 'my notes';
    case 'provider':
      return 'my notes of what the provider told me';
    case 'provider_link':
      return 'the provider’s confirmation through the app';
    case 'child_report':
      return `${childName}’s check-in for that day`;
    default:
      return 'my record';
  }
}

/** "says" after one source in the singular ("Emma's check-in says"), "say" after "my notes" or several. */
function sayVerb(sources: readonly string[]): string {
  return sources.length === 1 && sources[0] !== 'parent' && sources[0] !== 'provider' ? 'says' : 'say';
}

/** The same for the summary the parent reads: "your log", "Emma's check-in". */
function sourceNoun(source: string, childName: string): string {
  switch (source) {
    case 'parent':
      return 'your log';
    case 'provider':
      return 'the provider (as you noted it)';
    case 'provider_link':
      return 'the provider’s staff link';
    case 'child_report':
      return `${childName}’s check-in`;
    default:
      return 'your record';
  }
}

function schoolStatusWords(s: SchoolLogSession): string {
  if (s.kind === 'makeup') return 'a make-up session';
  if (s.status === 'delivered') return 'delivered';
  if (s.status === 'short') return 'shortened';
  return knownReason(s.reason) ? `not held (${reasonShortWords(s.reason as MissReason)})` : 'not held';
}

const minutesPart = (m: number | null) => (m == null ? '' : `, ${countOf(m, 'minute')}`);

type Words = { summary: string; question: string | null };

function words(
  kind: DifferenceKind,
  school: SchoolLogSession | null,
  family: FamilySide | null,
  statements: readonly FamilyEntry[],
  options: ReconcileOptions,
  serviceId: string,
  date: string,
): Words {
  const service = lowerFirst(options.serviceNames[serviceId] ?? 'the service');
  const day = formatLongDate(date);
  const child = options.childName;
  switch (kind) {
    case 'agree':
      return {
        summary: school
          ? `Both say ${schoolStatusWords(school)}${minutesPart(school.minutes)}.`
          : 'Both records agree.',
        question: null,
      };
    case 'school_delivered_family_missed': {
      const saying = statements.filter((e) => e.status === 'missed');
      const who = [...new Set(saying.map((e) => e.source))];
      const said = andList(who.map((s) => sourceWords(s, child)));
      return {
        summary: `The school’s log says ${schoolStatusWords(school!)}${minutesPart(school!.minutes)}; ${andList(who.map((s) => sourceNoun(s, child)))} ${who.length === 1 ? 'says' : 'say'} it did not happen.`,
        question: `The service log lists ${service} as ${school!.status === 'short' ? 'given (shortened)' : 'delivered'} on ${day}; ${said} ${sayVerb(who)} it did not take place that day. Could you help me understand what happened?`,
      };
    }
    case 'school_missed_family_delivered': {
      const who = [...new Set(statements.filter((e) => isHeld(e.status)).map((e) => e.source))];
      return {
        summary: `The school’s log says ${schoolStatusWords(school!)}; ${andList(who.map((s) => sourceNoun(s, child)))} ${who.length === 1 ? 'says' : 'say'} it happened.`,
        question: `The service log lists ${service} on ${day} as ${schoolStatusWords(school!)}; ${andList(who.map((s) => sourceWords(s, child)))} ${sayVerb(who)} the session took place. Could you help me understand which is right?`,
      };
    }
    case 'school_only':
      return {
        summary: `The school’s log has ${school!.kind === 'makeup' ? 'a make-up session' : `a session (${schoolStatusWords(school!)}${minutesPart(school!.minutes)})`} that your record does not.`,
        question:
          school!.status === 'missed'
            ? `The service log lists ${service} on ${day} as ${schoolStatusWords(school!)}. I had no note of it; could you tell me whether that session was made up?`
            : `The service log lists ${service} on ${day} (${schoolStatusWords(school!)}${minutesPart(school!.minutes)}). I had no note of that session; could you tell me a little about it?`,
      };
    case 'family_only':
      return {
        summary: `${capitalize(sourceNoun(family!.sources[0]!, child))} has a session (${family!.status === 'missed' ? 'did not happen' : family!.status}) that the school’s log does not list.`,
        question:
          family!.status === 'missed'
            ? `My notes show that ${service} did not take place on ${day}, and the service log does not list that day. Could you tell me whether the session was scheduled, and whether it will be made up?`
            : `My notes show ${service} on ${day}, but the service log does not list a session that day. Could you check whether it was logged?`,
      };
    case 'minutes_differ':
      return {
        summary: `The school’s log gives ${countOf(school!.minutes ?? 0, 'minute')}; ${sourceNoun(family!.sources[0]!, child)} gives ${countOf(family!.minutes, 'minute')}.`,
        question: `The service log gives ${countOf(school!.minutes ?? 0, 'minute')} for ${service} on ${day}; my notes say ${countOf(family!.minutes, 'minute')}. Could you help me understand the difference?`,
      };
    case 'reason_differs':
      return {
        summary: `The school’s log gives the reason as ${reasonShortWords(school!.reason)}; ${sourceNoun(family!.sources[0]!, child)} says ${reasonShortWords(family!.reason as MissReason)}.`,
        question: `The service log gives “${reasonShortWords(school!.reason)}” as the reason ${service} did not take place on ${day}; my notes say “${reasonShortWords(family!.reason as MissReason)}”. Could you help me understand what happened that day?`,
      };
  }
}

type Occurrence = {
  statements: FamilyEntry[];
  counted: FamilyEntry;
  entryIds: string[];
  startTime: string | null;
};

/** Pairs a day's school rows with its family sessions: by start time first, then in order. */
function pairDay(
  school: SchoolLogSession[],
  family: Occurrence[],
): { pairs: [SchoolLogSession, Occurrence][]; schoolOnly: SchoolLogSession[]; familyOnly: Occurrence[] } {
  const pairs: [SchoolLogSession, Occurrence][] = [];
  const usedS = new Set<SchoolLogSession>();
  const usedF = new Set<Occurrence>();
  const timed: [number, SchoolLogSession, Occurrence][] = [];
  for (const s of school) {
    if (!s.startTime) continue;
    for (const f of family) {
      if (!f.startTime) continue;
      const gap = Math.abs(minutesOfDay(s.startTime) - minutesOfDay(f.startTime));
      if (gap <= SAME_SESSION_MINUTES) timed.push([gap, s, f]);
    }
  }
  timed.sort((a, b) => a[0] - b[0]);
  for (const [, s, f] of timed) {
    if (usedS.has(s) || usedF.has(f)) continue;
    pairs.push([s, f]);
    usedS.add(s);
    usedF.add(f);
  }
  // Then in order; a timed row never pairs with a family session timed far from it.
  const restS = school.filter((s) => !usedS.has(s));
  const restF = family.filter((f) => !usedF.has(f));
  const schoolOnly: SchoolLogSession[] = [];
  for (const s of restS) {
    const f = restF.find((x) => !usedF.has(x) && !(s.startTime && x.startTime));
    if (f) {
      pairs.push([s, f]);
      usedF.add(f);
    } else schoolOnly.push(s);
  }
  return { pairs, schoolOnly, familyOnly: family.filter((f) => !usedF.has(f)) };
}

function compare(s: SchoolLogSession, f: Occurrence): DifferenceKind {
  if (s.kind === 'makeup') {
    return s.minutes != null && s.minutes !== f.counted.minutesDelivered ? 'minutes_differ' : 'agree';
  }
  const held = isHeld(s.status);
  if (held && f.statements.some((e) => e.status === 'missed')) return 'school_delivered_family_missed';
  if (!held && isHeld(f.counted.status)) return 'school_missed_family_delivered';
  if (!held) {
    return knownReason(s.reason) && knownReason(f.counted.reason) && s.reason !== f.counted.reason
      ? 'reason_differs'
      : 'agree';
  }
  return s.minutes != null && s.minutes !== f.counted.minutesDelivered ? 'minutes_differ' : 'agree';
}

const dayKey = (serviceId: string, date: string, kind: string) => `${serviceId}\u0000${date}\u0000${kind}`;

/**
 * Matches the school's rows to the family's entries. `entries` are the child's entries in force for
 * the services and dates concerned (any source); those from a school log are set apart as the record's
 * copy of the log. Items come in date order, then service, then time.
 */
export function reconcileServiceLog(
  schoolRows: readonly SchoolLogSession[],
  entries: readonly FamilyEntry[],
  options: ReconcileOptions,
): Reconciliation {
  // The dates the log covers, service by service.
  const covered = new Map<string, { from: string; to: string }>();
  for (const s of schoolRows) {
    const c = covered.get(s.serviceId);
    if (!c) covered.set(s.serviceId, { from: s.date, to: s.date });
    else {
      if (s.date < c.from) c.from = s.date;
      if (s.date > c.to) c.to = s.date;
    }
  }
  const inScope = (e: { serviceId: string; date: string }) => {
    const c = covered.get(e.serviceId);
    return c != null && e.date >= c.from && e.date <= c.to;
  };
  const family = entries.filter((e) => e.source !== 'school_log' && e.status !== 'void' && inScope(e));
  const recordedLog = entries.filter((e) => e.source === 'school_log' && e.status !== 'void' && inScope(e));

  // The family's sessions: one occurrence per session, whatever the number of sources.
  const grouped = sessionOccurrences(
    family.filter((e) => e.kind === 'scheduled'),
    options.scheduleOf,
  );
  const occurrencesByDay = new Map<string, Occurrence[]>();
  const push = (k: string, o: Occurrence) => {
    const list = occurrencesByDay.get(k);
    if (list) list.push(o);
    else occurrencesByDay.set(k, [o]);
  };
  for (const o of grouped.occurrences) {
    push(dayKey(o.serviceId, o.date, 'scheduled'), {
      statements: o.statements,
      counted: o.counted,
      entryIds: o.entryIds,
      startTime: o.startTime,
    });
  }
  for (const e of family) {
    if (e.kind !== 'makeup') continue;
    push(dayKey(e.serviceId, e.date, 'makeup'), {
      statements: [e],
      counted: e,
      entryIds: [e.id],
      startTime: e.startTime ?? null,
    });
  }
  const schoolByDay = new Map<string, SchoolLogSession[]>();
  for (const s of schoolRows) {
    const k = dayKey(s.serviceId, s.date, s.kind === 'makeup' ? 'makeup' : 'scheduled');
    const list = schoolByDay.get(k);
    if (list) list.push(s);
    else schoolByDay.set(k, [s]);
  }
  const recordedByDay = new Map<string, FamilyEntry[]>();
  for (const e of recordedLog) {
    const k = dayKey(e.serviceId, e.date, e.kind === 'makeup' ? 'makeup' : 'scheduled');
    const list = recordedByDay.get(k);
    if (list) list.push(e);
    else recordedByDay.set(k, [e]);
  }

  const items: ReconciliationItem[] = [];
  const familySide = (o: Occurrence): FamilySide => ({
    entryIds: o.entryIds,
    sources: [...new Set(o.statements.map((e) => e.source))],
    status: o.counted.status,
    reason: o.counted.reason,
    minutes: o.counted.minutesDelivered,
    startTime: o.startTime,
  });
  const item = (
    kind: DifferenceKind,
    s: SchoolLogSession | null,
    o: Occurrence | null,
    recordedEntryId: string | null,
  ): ReconciliationItem => {
    const serviceId = (s?.serviceId ?? o?.counted.serviceId)!;
    const date = (s?.date ?? o?.counted.date)!;
    const fam = o ? familySide(o) : null;
    const w = words(kind, s, fam, o?.statements ?? [], options, serviceId, date);
    return {
      key: s ? `line:${s.line}` : `entry:${o!.counted.id}`,
      kind,
      serviceId,
      date,
      startTime: s?.startTime ?? o?.startTime ?? null,
      school: s,
      family: fam,
      recordedEntryId,
      summary: w.summary,
      question: w.question,
    };
  };

  let recorded = 0;
  const days = new Set([...schoolByDay.keys(), ...occurrencesByDay.keys()]);
  for (const k of days) {
    const school = [...(schoolByDay.get(k) ?? [])].sort(
      (a, b) => (a.startTime ?? '99').localeCompare(b.startTime ?? '99') || a.line - b.line,
    );
    const fam = [...(occurrencesByDay.get(k) ?? [])].sort((a, b) =>
      (a.startTime ?? '99').localeCompare(b.startTime ?? '99'),
    );
    // Rows the record already holds as school-log entries (same status), in order.
    const already = [...(recordedByDay.get(k) ?? [])];
    const recordedFor = (s: SchoolLogSession): string | null => {
      const i = already.findIndex(
        (e) =>
          // A delivered row short of the plan's minutes is accepted as "short": both say it was held.
          isHeld(e.status) === isHeld(s.status) &&
          (!s.startTime || !e.startTime || e.startTime === s.startTime) &&
          (s.minutes == null || s.status === 'missed' || e.minutesDelivered === s.minutes),
      );
      if (i < 0) return null;
      recorded++;
      return already.splice(i, 1)[0]!.id;
    };
    const { pairs, schoolOnly, familyOnly } = pairDay(school, fam);
    for (const [s, o] of pairs) items.push(item(compare(s, o), s, o, recordedFor(s)));
    for (const s of schoolOnly) items.push(item('school_only', s, null, recordedFor(s)));
    for (const o of familyOnly) items.push(item('family_only', null, o, null));
  }
  items.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.serviceId.localeCompare(b.serviceId) ||
      (a.startTime ?? '99').localeCompare(b.startTime ?? '99') ||
      a.key.localeCompare(b.key),
  );
  const counts = Object.fromEntries(DIFFERENCE_KINDS.map((k) => [k, 0])) as Record<DifferenceKind, number>;
  for (const i of items) counts[i.kind]++;
  return { items, counts, recorded };
}

/** The reconciliation in one sentence: "18 sessions agree; 5 differ: 3 ..., 2 ...". */
export function reconciliationSummary(r: Reconciliation): string {
  const differ = DIFFERENCE_KINDS.filter(
    (k): k is Exclude<DifferenceKind, 'agree'> => k !== 'agree' && r.counts[k] > 0,
  );
  const total = differ.reduce((n, k) => n + r.counts[k], 0);
  const agree = `${countOf(r.counts.agree, 'session')} ${r.counts.agree === 1 ? 'agrees' : 'agree'}`;
  if (total === 0) return `${agree}; nothing differs.`;
  const parts = differ.map((k) => `${r.counts[k]} ${SHORT_KIND[k]}`);
  return `${agree}; ${total} ${total === 1 ? 'differs' : 'differ'}: ${andList(parts)}.`;
}

const SHORT_KIND: Record<Exclude<DifferenceKind, 'agree'>, string> = {
  school_delivered_family_missed: 'logged as delivered where your record says not held',
  school_missed_family_delivered: 'logged as not held where your record says it happened',
  school_only: 'only in the school’s log',
  family_only: 'only in your record',
  minutes_differ: 'with different minutes',
  reason_differs: 'with a different reason',
};
