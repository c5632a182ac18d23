// Words and numbers of the implementation report, shared by the report's data (the summary's
// sentences) and its PDF. Pure: no clock, dates in the record's locale (src/domain/dates.ts), so the
// same record gives the same report on every machine and in every year.

import { formatRecordDate } from '../domain/dates.ts';
import { PARTLY_PROVIDED_WEIGHT } from '../domain/implementation-patterns.ts';
import { COMMUNICATION_KIND_LABELS, type CommunicationKind } from '../domain/record-kinds.ts';

/** "Sep 8". */
export function monthDay(date: string): string {
  return formatRecordDate(date, 'monthDay');
}

/** "Sep 8, 2026". */
export function fullDate(date: string): string {
  return formatRecordDate(date, 'monthDayYear');
}

/** "Tue, Sep 8". */
export function weekdayDate(date: string): string {
  return formatRecordDate(date, 'weekdayShort');
}

/** "Sep 8 – Oct 30, 2026"; the year is written twice only when the range crosses one. */
export function dateRange(from: string, to: string): string {
  if (from === to) return fullDate(from);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${monthDay(from)} – ${fullDate(to)}`;
  return `${fullDate(from)} – ${fullDate(to)}`;
}

/** "Sep 8 to Oct 30, 2026", for sentences ("From Sep 8 to Oct 30, 2026, ..."). */
export function dateRangeWords(from: string, to: string): string {
  if (from === to) return fullDate(from);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${monthDay(from)} to ${fullDate(to)}`;
  return `${fullDate(from)} to ${fullDate(to)}`;
}

/** A week row's dates: "Sep 8–13", "Sep 28 – Oct 4". */
export function weekSpan(start: string, end: string): string {
  if (start === end) return monthDay(start);
  if (start.slice(0, 7) === end.slice(0, 7)) return `${monthDay(start)}–${Number(end.slice(8, 10))}`;
  return `${monthDay(start)} – ${monthDay(end)}`;
}

/**
 * A ledger figure exactly as the ledger gives it: no thousands separator and no rounding, so the
 * number in the report can be found, character for character, in the ledger's own output.
 */
export function figure(n: number): string {
  return String(n);
}

/** "54.2%", or a dash when nothing was required (the ledger's percent is null then). */
export function percentText(percent: number | null): string {
  return percent == null ? '–' : `${percent}%`;
}

/** "1 minute", "130 minutes". */
export function minutesText(n: number): string {
  return `${figure(n)} ${n === 1 ? 'minute' : 'minutes'}`;
}

export function countText(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

export type OutcomeCounts = { provided: number; partly: number; notProvided: number; unknown: number };

/**
 * The share of observations with a known outcome where the accommodation was provided, a "partly"
 * counting as PARTLY_PROVIDED_WEIGHT, as a percent to one decimal: the same formula as the
 * patterns' weekly rates (src/domain/implementation-patterns.ts), over the whole range. Null when
 * no observation has a known outcome.
 */
export function providedPercent(counts: OutcomeCounts): number | null {
  const known = counts.provided + counts.partly + counts.notProvided;
  if (known === 0) return null;
  const provided = counts.provided + PARTLY_PROVIDED_WEIGHT * counts.partly;
  return Math.round((provided / known) * 1000) / 10;
}

/** Where a record came from, in words (session entry, observation and goal-data sources). */
const SOURCE_LABELS: Readonly<Record<string, string>> = {
  school_log: 'School log',
  provider: 'Provider',
  provider_link: 'Provider (staff link)',
  parent: 'Parent',
  child_report: 'Child’s report',
  work_sample: 'Work sample',
  teacher: 'Teacher',
  parent_saw: 'Parent saw it',
  school_record: 'School record',
  progress_report: 'Progress report',
  observation: 'Observation',
};

export function sourceLabel(source: string): string {
  return SOURCE_LABELS[source] ?? source.replace(/_/g, ' ');
}

const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  provided: 'Provided',
  partly: 'Partly provided',
  not_provided: 'Not provided',
  unknown: 'Not known',
};

export function outcomeLabel(outcome: string): string {
  return OUTCOME_LABELS[outcome] ?? outcome;
}

const TEACHER_LABELS: Readonly<Record<string, string>> = {
  regular: 'Regular teacher',
  substitute: 'Substitute',
  other_staff: 'Other staff',
  unknown: 'Not known',
};

export function teacherLabel(kind: string): string {
  return TEACHER_LABELS[kind] ?? kind;
}

/** "Email sent", "Phone call received". */
export function communicationLabel(kind: string, direction: string): string {
  const label = COMMUNICATION_KIND_LABELS[kind as CommunicationKind] ?? kind;
  return `${label} ${direction === 'sent' ? 'sent' : 'received'}`;
}

/** Characters outside WinAnsi that have a plain equivalent, for a font that cannot draw them. */
const PLAIN_EQUIVALENTS: Readonly<Record<string, string>> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2032': "'",
  '\u2033': '"',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2194': '<->',
  '\u2212': '-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2713': 'yes',
  '\u2714': 'yes',
  '\u2717': 'no',
  '\u2718': 'no',
};

/** Characters that print as nothing: the soft hyphen, zero-width space, word joiner and byte-order mark. */
const INVISIBLE = new Set(['\u00ad', '\u200b', '\u2060', '\ufeff']);

/** The characters of WinAnsi (Windows-1252) above Latin-1's range, which the standard PDF fonts draw. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Whether the PDF standard fonts (Helvetica, Courier: WinAnsi only) draw a character. */
export function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/**
 * Text a PDF's fonts can draw: `drawable` says which characters they hold (by default the standard
 * fonts' WinAnsi; the reports pass the fonts they embed, src/reports/pdf-fonts.ts). Spaces of every
 * width become a space, invisible characters go, a symbol no font has becomes its plain equivalent,
 * and what is left (an emoji, a script no font covers) a question mark, so a reader sees that
 * something was there. Line breaks are kept.
 */
export function printableText(text: string, drawable: (char: string) => boolean = isWinAnsi): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (char === '\n') out += char;
    else if (code === 0x09 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x3000)
      out += ' ';
    else if (char === '\r' || code < 0x20 || (code >= 0x7f && code < 0xa0) || INVISIBLE.has(char)) continue;
    else if (drawable(char)) out += char;
    else out += PLAIN_EQUIVALENTS[char] ?? '?';
  }
  return out;
}

/** At most `max` characters, cut at a word and marked with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * Ticks for a chart's value axis from 0 to at least `max`: about `target` steps of 1, 2, 2.5 or 5
 * times a power of ten (minutes read best in round numbers).
 */
export function axisTicks(max: number, target = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = 0; t < max + step; t += step) {
    ticks.push(Math.round(t * 1000) / 1000);
    if (t >= max) break;
  }
  return ticks;
}
