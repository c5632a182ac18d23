// The ledger's figures in plain words: what each is called, its value, the entries behind it, and the
// accessible name of the button that opens them. Those names are what browser tests look for, e.g.
// "100 make-up minutes still owed in total, show entries".

import type { ServiceLedger, SessionEntry } from '../../api/types.ts';
import { datesInWords, formatDate, formatMonth } from '../../components/dates.ts';
import { gapMinutes, minutesWords } from '../../components/plain-words.ts';

export type Figures = ServiceLedger['totals'];
export type LedgerPeriod = ServiceLedger['periods'][number];

export type FigureKey =
  | 'required'
  | 'delivered'
  | 'owed'
  | 'excused'
  | 'pending'
  | 'unlogged'
  | 'madeUp'
  | 'stillOwed'
  | 'percent';

export type FigureDef = {
  key: FigureKey;
  /** The heading shown above the number in the summary. */
  label: string;
  /** The column header of the table. */
  column: string;
  value(f: Figures): number | null;
  /** "260 minutes delivered" (without the scope). */
  words(f: Figures): string;
  /** The ids of the entries behind the figure. */
  ids(f: Figures): string[];
  /** What the figure means, shown at the top of its list of entries. */
  explain: string;
  /** How one entry counts in this figure, e.g. "Counts 20 minutes as delivered". */
  counts?(e: SessionEntry): string | undefined;
};

const union = (...lists: string[][]) => [...new Set(lists.flat())];

export const FIGURES: FigureDef[] = [
  {
    key: 'required',
    label: 'Required',
    column: 'Required',
    value: (f) => f.requiredMinutes,
    words: (f) => `${minutesWords(f.requiredMinutes)} required`,
    ids: (f) => union(f.entryIds.delivered, f.entryIds.short, f.entryIds.missed),
    explain:
      'What the plan asks for in these dates, counted from the school calendar. The sessions logged against it are listed below.',
  },
  {
    key: 'delivered',
    label: 'Delivered',
    column: 'Delivered',
    value: (f) => f.deliveredMinutes,
    words: (f) => `${minutesWords(f.deliveredMinutes)} delivered`,
    ids: (f) => f.entryIds.delivered,
    explain:
      'Minutes given in scheduled sessions, each counted up to the length the plan sets. Longer sessions do not make up for others.',
    counts: (e) =>
      `Counts ${minutesWords(e.minutesPlanned != null ? Math.min(e.minutesDelivered, e.minutesPlanned) : e.minutesDelivered)} as delivered`,
  },
  {
    key: 'owed',
    label: 'Missed, make-up owed',
    column: 'Missed, make-up owed',
    value: (f) => f.owedMinutes,
    words: (f) => `${minutesWords(f.owedMinutes)} missed and owed as make-up`,
    ids: (f) => f.entryIds.owed,
    explain:
      'Minutes of missed or shortened sessions that the school is responsible for, for example when the provider was absent or the session was cancelled for an event.',
    counts: (e) => `Counts ${minutesWords(gapMinutes(e))} as owed`,
  },
  {
    key: 'excused',
    label: 'Excused',
    column: 'Excused',
    value: (f) => f.excusedMinutes,
    words: (f) => `${minutesWords(f.excusedMinutes)} excused`,
    ids: (f) => f.entryIds.excused,
    explain:
      'Minutes missed for a reason that does not call for a make-up, such as your child being absent when the session was offered.',
    counts: (e) => `Counts ${minutesWords(gapMinutes(e))} as excused`,
  },
  {
    key: 'pending',
    label: 'Waiting for a reason',
    column: 'Waiting for a reason',
    value: (f) => f.pendingMinutes,
    words: (f) => `${minutesWords(f.pendingMinutes)} waiting for a reason`,
    ids: (f) => f.entryIds.pending,
    explain:
      'Minutes missed for a reason that is unknown or “other”. Decide whether they are owed or excused, and they move to that figure.',
    counts: (e) => `Counts ${minutesWords(gapMinutes(e))} as waiting for a reason`,
  },
  {
    key: 'unlogged',
    label: 'Not logged',
    column: 'Not logged',
    value: (f) => f.unloggedMinutes,
    words: (f) => `${minutesWords(f.unloggedMinutes)} not logged`,
    ids: () => [],
    explain:
      'Sessions the plan required for which no entry exists at all: nobody recorded them as given, short or missed.',
  },
  {
    key: 'madeUp',
    label: 'Made up',
    column: 'Made up',
    value: (f) => f.makeupAppliedMinutes,
    words: (f) => `${minutesWords(f.makeupAppliedMinutes)} made up`,
    ids: (f) => f.entryIds.makeupApplied,
    explain:
      'Make-up minutes applied to the owed minutes of these dates. A make-up goes first to the session it names, then to the oldest minutes still owed.',
    counts: (e) => (e.kind === 'makeup' ? `A make-up of ${minutesWords(e.minutesDelivered)}` : undefined),
  },
  {
    key: 'stillOwed',
    label: 'Make-up minutes still owed',
    column: 'Still owed',
    value: (f) => f.owedBalanceMinutes,
    words: (f) => `${plural(f.owedBalanceMinutes)} still owed`,
    ids: (f) => union(f.entryIds.owed, f.entryIds.makeupApplied),
    explain:
      'Owed minutes that no make-up has covered yet: missed and owed, less made up. This is the figure to bring to a conversation about compensatory services.',
    counts: (e) =>
      e.kind === 'makeup'
        ? `A make-up of ${minutesWords(e.minutesDelivered)}`
        : `Owed ${minutesWords(gapMinutes(e))}`,
  },
  {
    key: 'percent',
    label: 'Delivered %',
    column: 'Delivered %',
    value: (f) => f.percentDelivered,
    words: (f) =>
      f.percentDelivered == null ? 'nothing required, so no percentage' : `${f.percentDelivered}% delivered`,
    ids: (f) => f.entryIds.delivered,
    explain: 'Minutes delivered out of minutes required. The delivered sessions are listed below.',
    counts: (e) =>
      `Counts ${minutesWords(e.minutesPlanned != null ? Math.min(e.minutesDelivered, e.minutesPlanned) : e.minutesDelivered)} as delivered`,
  },
];

function plural(n: number) {
  return n === 1 ? '1 make-up minute' : `${n} make-up minutes`;
}

export const figure = (key: FigureKey) => FIGURES.find((f) => f.key === key) as FigureDef;

/**
 * "the week of Sep 7, 2026", "September 2026", or the server's own label for other periods with its
 * dates in words ("Quarter 2 (Nov 9, 2026 to Jan 29, 2027)").
 */
export function periodName(p: Pick<LedgerPeriod, 'unit' | 'start' | 'label'>): string {
  if (p.unit === 'week') return `the week of ${formatDate(p.start)}`;
  if (p.unit === 'month') return formatMonth(p.start);
  return datesInWords(p.label, 'monthDayYear');
}

/** The row header: "Week of Sep 7, 2026", "September 2026". */
export function periodTitle(p: Pick<LedgerPeriod, 'unit' | 'start' | 'label'>): string {
  if (p.unit === 'week') return `Week of ${formatDate(p.start)}`;
  return periodName(p);
}

const shortDate = (iso: string) => formatDate(iso).replace(/, \d{4}$/, '');

/** A closure as the ledger gives it ("2026-10-27: Snow day (closure)") in words: "Snow day (closure), Oct 27". */
export function closureWords(closure: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?: to (\d{4}-\d{2}-\d{2}))?: (.*)$/.exec(closure);
  if (!m) return closure.replace(/\d{4}-\d{2}-\d{2}/g, (iso) => formatDate(iso));
  const [, start, end, label] = m as unknown as [string, string, string | undefined, string];
  return `${label}, ${shortDate(start)}${end ? ` to ${shortDate(end)}` : ''}`;
}

/** "No school: Snow day (closure), Oct 27; ..." */
export const closuresWords = (closures: string[]) => `No school: ${closures.map(closureWords).join('; ')}`;

/** The scope words of a figure's button: "in total" or "in the week of Sep 7, 2026". */
export const scopeWords = (period: LedgerPeriod | null) => (period ? `in ${periodName(period)}` : 'in total');

/**
 * The accessible name of a figure's button: "260 minutes delivered in total, show entries" in the summary,
 * "... in the week of Sep 7, 2026, show entries" in a row, and "... in all weeks, show entries" in the
 * table's total row (so no two buttons share a name).
 */
export const buttonName = (def: FigureDef, f: Figures, scope: string) =>
  `${def.words(f)} ${scope}, show entries`;

/** The number as shown: "260" or "54.2%" or "–" when nothing was required. */
export function valueText(def: FigureDef, f: Figures): string {
  const v = def.value(f);
  if (v == null) return '–';
  return def.key === 'percent' ? `${v}%` : String(v);
}
