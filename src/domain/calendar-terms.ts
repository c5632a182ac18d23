// The terms or grading periods a district calendar shows by its events: "End of 1st Quarter",
// "Second Semester Begins", "Marking Period 2 ends", "Fin del primer trimestre". A service promised
// "per quarter" is counted in each term of the school calendar (docs/ledger-rules.md), and districts
// publish the ends of their grading periods in the same calendar file as their holidays, so reading the
// file can offer the terms too, for the parent to add with the days off. Only proposed: nothing here is
// saved, and a file whose events do not give at least two terms of one kind proposes none. Pure.

import { type DistrictEvent, normalizeWords } from './calendar-import.ts';
import { addDays } from './dates.ts';
import type { SchoolTerm } from './school-calendar-model.ts';

/** A term the file shows, with the events that gave its first and last day. */
export type ProposedTerm = SchoolTerm & {
  /** The district's words for its end (or start), as the file has them. */
  sources: string[];
};

const KINDS = {
  quarter: 'Quarter',
  trimester: 'Trimester',
  semester: 'Semester',
  marking_period: 'Marking period',
  grading_period: 'Grading period',
  term: 'Term',
  nine_weeks: 'Grading period',
} as const;
type TermKind = keyof typeof KINDS;

const ORDINALS: Record<string, number> = {
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  primer: 1,
  primero: 1,
  segundo: 2,
  tercer: 3,
  tercero: 3,
  cuarto: 4,
};
const ORDINAL = '(1st|2nd|3rd|4th|first|second|third|fourth|primer|primero|segundo|tercer|tercero|cuarto)';
const NUMBER = '([1-4]|one|two|three|four)';
const KIND =
  '(quarter|qtr|trimester|semester|marking period|mp|grading period|gp|term|nine weeks|9 weeks|trimestre|semestre|periodo de calificaciones|periodo)';

/** "end of the 1st quarter", "first semester ends", "quarter 2 ends", "q2 ends", "fin del primer trimestre". */
const END_PATTERNS = [
  new RegExp(`\\b(?:end|last day|close) of (?:the )?${ORDINAL} ${KIND}\\b`),
  new RegExp(`\\b${ORDINAL} ${KIND} (?:ends|end|closes)\\b`),
  new RegExp(`\\b${KIND} ${NUMBER} (?:ends|end|closes)\\b`),
  new RegExp(`\\b(?:end|last day|close) of (?:the )?${KIND} ${NUMBER}\\b`),
  new RegExp(`\\b(?:fin|cierre|ultimo dia) del? ${ORDINAL} ${KIND}\\b`),
  new RegExp(`\\b(?:fin|cierre|ultimo dia) del? ${KIND} ${NUMBER}\\b`),
];
/** "start of the 2nd quarter", "second semester begins", "quarter 3 begins", "inicio del segundo semestre". */
const START_PATTERNS = [
  new RegExp(`\\b(?:start|beginning|first day|begin) of (?:the )?${ORDINAL} ${KIND}\\b`),
  new RegExp(`\\b${ORDINAL} ${KIND} (?:begins|starts|begin|start)\\b`),
  new RegExp(`\\b${KIND} ${NUMBER} (?:begins|starts|begin|start)\\b`),
  new RegExp(`\\b(?:start|beginning|first day) of (?:the )?${KIND} ${NUMBER}\\b`),
  new RegExp(`\\b(?:inicio|comienzo|primer dia) del? ${ORDINAL} ${KIND}\\b`),
  new RegExp(`\\b(?:inicio|comienzo|primer dia) del? ${KIND} ${NUMBER}\\b`),
];
// "q2 ends" and "mp3 begins": the kind and the number written together.
const SHORT_END = /\b(q|mp|gp)([1-4]) (?:ends|end)\b|\bend of (q|mp|gp)([1-4])\b/;
const SHORT_START = /\b(q|mp|gp)([1-4]) (?:begins|starts)\b|\bstart of (q|mp|gp)([1-4])\b/;

function kindOf(word: string): TermKind {
  switch (word) {
    case 'quarter':
    case 'qtr':
    case 'q':
      return 'quarter';
    case 'trimester':
    case 'trimestre':
      return 'trimester';
    case 'semester':
    case 'semestre':
      return 'semester';
    case 'marking period':
    case 'mp':
      return 'marking_period';
    case 'grading period':
    case 'gp':
    case 'periodo de calificaciones':
    case 'periodo':
      return 'grading_period';
    case 'nine weeks':
    case '9 weeks':
      return 'nine_weeks';
    default:
      return 'term';
  }
}

type Marker = { kind: TermKind; number: number; edge: 'start' | 'end'; date: string; words: string };

/** What one event says of terms' edges: "End of Q2 / End of First Semester" says two. Either order of number and kind is read. */
function markersOf(e: DistrictEvent): Marker[] {
  const text = normalizeWords(e.summary);
  if (!text) return [];
  const found: Marker[] = [];
  const add = (kind: TermKind, number: number | undefined, edge: 'start' | 'end') => {
    if (number == null) return;
    // An end is the event's last day; a start its first.
    found.push({
      kind,
      number,
      edge,
      date: edge === 'end' ? e.endDate : e.startDate,
      words: e.summary.trim(),
    });
  };
  for (const [edge, patterns, short] of [
    ['end', END_PATTERNS, SHORT_END],
    ['start', START_PATTERNS, SHORT_START],
  ] as const) {
    for (const pattern of patterns) {
      const m = pattern.exec(text);
      if (m) {
        const [a, b] = [m[1]!, m[2]!];
        add(kindOf(ORDINALS[a] ? b : a), ORDINALS[a] ?? ORDINALS[b], edge);
      }
    }
    const s = short.exec(text);
    if (s) add(kindOf(s[1] ?? s[3]!), Number(s[2] ?? s[4]), edge);
  }
  return found;
}

/**
 * The terms a district calendar's events give for one school year (its first and last day), in order,
 * or [] when they give fewer than two terms of one kind. Term N runs from term N-1's end (the day after)
 * or its own "begins" event, to its "ends" event; the first starts on the school year's first day at the
 * latest, and the last, when the file gives its start but not its end, ends on the year's last day.
 */
export function proposeTerms(
  events: readonly DistrictEvent[],
  year: { firstDay: string; lastDay: string },
): ProposedTerm[] {
  const markers = events.flatMap(markersOf).filter((m) => m.date >= year.firstDay && m.date <= year.lastDay);
  if (markers.length === 0) return [];
  // The kind the file speaks of most (quarters, say), when a file also names semesters.
  const counts = new Map<TermKind, number>();
  for (const m of markers) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  const kind = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const mine = markers.filter((m) => m.kind === kind);
  const ends = new Map<number, Marker>();
  const starts = new Map<number, Marker>();
  for (const m of mine) {
    const into = m.edge === 'end' ? ends : starts;
    const seen = into.get(m.number);
    // The same edge twice (a repeated or an all-week event): the earliest start, the latest end.
    if (!seen || (m.edge === 'end' ? m.date > seen.date : m.date < seen.date)) into.set(m.number, m);
  }
  const last = Math.max(...mine.map((m) => m.number));
  const terms: ProposedTerm[] = [];
  for (let n = 1; n <= last; n++) {
    const end = ends.get(n);
    const start = starts.get(n);
    const before = terms[terms.length - 1];
    const startDate = start?.date ?? (n === 1 ? year.firstDay : before ? addDays(before.endDate, 1) : null);
    const endDate = end?.date ?? (n === last && start ? year.lastDay : null);
    // A term the file does not bound (quarter 2 of a file that names only quarters 1 and 3): no guess.
    if (startDate == null || endDate == null || endDate < startDate) return [];
    if (before && startDate <= before.endDate) return [];
    terms.push({
      name: `${KINDS[kind]} ${n}`,
      startDate,
      endDate,
      sources: [start?.words, end?.words].filter((w): w is string => w != null),
    });
  }
  return terms.length >= 2 ? terms : [];
}
