// The ledger's figures in plain words, in the reader's language (issue 17; the catalog's part
// "ledger"): what each is called, its value, the entries behind it, and the accessible name of the
// button that opens them. Those names are what browser tests look for, e.g. "100 make-up minutes still
// owed in total, show entries".

import { useMemo } from 'react';
import type { ServiceLedger, SessionEntry } from '../../api/types.ts';
import { datesInWords, formatDay, localeFor } from '../../components/dates.ts';
import { gapMinutes } from '../../components/plain-words.ts';
import { type T, useLanguage, useT } from '../../i18n/i18n.tsx';

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

/** The unit of a row ("week", "month", "cycle", "year", "term"; anything else is a "period"). */
export type RowUnit = string;

const union = (...lists: string[][]) => [...new Set(lists.flat())];

/** Minutes that count as delivered for an entry: up to the length the plan sets. */
const deliveredCount = (e: SessionEntry) =>
  e.minutesPlanned != null ? Math.min(e.minutesDelivered, e.minutesPlanned) : e.minutesDelivered;

function figureDefs(t: T): FigureDef[] {
  const makeupOf = (e: SessionEntry) =>
    e.kind === 'makeup' ? t('ledger.figure.makeupOf', { minutes: e.minutesDelivered }) : undefined;
  return [
    {
      key: 'required',
      label: t('ledger.figure.required.label'),
      column: t('ledger.figure.required.label'),
      value: (f) => f.requiredMinutes,
      words: (f) => t('ledger.figure.required.words', { minutes: f.requiredMinutes }),
      ids: (f) => union(f.entryIds.delivered, f.entryIds.short, f.entryIds.missed),
      explain: t('ledger.figure.required.explain'),
    },
    {
      key: 'delivered',
      label: t('ledger.figure.delivered.label'),
      column: t('ledger.figure.delivered.label'),
      value: (f) => f.deliveredMinutes,
      words: (f) => t('ledger.figure.delivered.words', { minutes: f.deliveredMinutes }),
      ids: (f) => f.entryIds.delivered,
      explain: t('ledger.figure.delivered.explain'),
      counts: (e) => t('ledger.figure.delivered.counts', { minutes: deliveredCount(e) }),
    },
    {
      key: 'owed',
      label: t('ledger.figure.owed.label'),
      column: t('ledger.figure.owed.label'),
      value: (f) => f.owedMinutes,
      words: (f) => t('ledger.figure.owed.words', { minutes: f.owedMinutes }),
      ids: (f) => f.entryIds.owed,
      explain: t('ledger.figure.owed.explain'),
      counts: (e) => t('ledger.figure.owed.counts', { minutes: gapMinutes(e) }),
    },
    {
      key: 'excused',
      label: t('ledger.figure.excused.label'),
      column: t('ledger.figure.excused.label'),
      value: (f) => f.excusedMinutes,
      words: (f) => t('ledger.figure.excused.words', { minutes: f.excusedMinutes }),
      ids: (f) => f.entryIds.excused,
      explain: t('ledger.figure.excused.explain'),
      counts: (e) => t('ledger.figure.excused.counts', { minutes: gapMinutes(e) }),
    },
    {
      key: 'pending',
      label: t('ledger.figure.pending.label'),
      column: t('ledger.figure.pending.label'),
      value: (f) => f.pendingMinutes,
      words: (f) => t('ledger.figure.pending.words', { minutes: f.pendingMinutes }),
      ids: (f) => f.entryIds.pending,
      explain: t('ledger.figure.pending.explain'),
      counts: (e) => t('ledger.figure.pending.counts', { minutes: gapMinutes(e) }),
    },
    {
      key: 'unlogged',
      label: t('ledger.figure.unlogged.label'),
      column: t('ledger.figure.unlogged.label'),
      value: (f) => f.unloggedMinutes,
      words: (f) => t('ledger.figure.unlogged.words', { minutes: f.unloggedMinutes }),
      ids: () => [],
      explain: t('ledger.figure.unlogged.explain'),
    },
    {
      key: 'madeUp',
      label: t('ledger.figure.madeUp.label'),
      column: t('ledger.figure.madeUp.label'),
      value: (f) => f.makeupAppliedMinutes,
      words: (f) => t('ledger.figure.madeUp.words', { minutes: f.makeupAppliedMinutes }),
      ids: (f) => f.entryIds.makeupApplied,
      explain: t('ledger.figure.madeUp.explain'),
      counts: makeupOf,
    },
    {
      key: 'stillOwed',
      label: t('ledger.figure.stillOwed.label'),
      column: t('ledger.figure.stillOwed.column'),
      value: (f) => f.owedBalanceMinutes,
      words: (f) => t('ledger.figure.stillOwed.words', { minutes: f.owedBalanceMinutes }),
      ids: (f) => union(f.entryIds.owed, f.entryIds.makeupApplied),
      explain: t('ledger.figure.stillOwed.explain'),
      counts: (e) => makeupOf(e) ?? t('ledger.figure.stillOwed.counts', { minutes: gapMinutes(e) }),
    },
    {
      key: 'percent',
      label: t('ledger.figure.percent.label'),
      column: t('ledger.figure.percent.label'),
      value: (f) => f.percentDelivered,
      words: (f) =>
        f.percentDelivered == null
          ? t('ledger.figure.percent.none')
          : t('ledger.figure.percent.words', { percent: f.percentDelivered }),
      ids: (f) => f.entryIds.delivered,
      explain: t('ledger.figure.percent.explain'),
      counts: (e) => t('ledger.figure.delivered.counts', { minutes: deliveredCount(e) }),
    },
  ];
}

export type LedgerWords = ReturnType<typeof ledgerWords>;

function ledgerWords(t: T, language: string, locale: string | undefined) {
  const FIGURES = figureDefs(t);
  /** "Sep 8, 2026" in the reader's words. */
  const date = (iso: string) => formatDay(iso, 'monthDayYear', locale);
  /** "Oct 27": a date without its year. */
  const shortDate = (iso: string) => formatDay(iso, 'monthDay', locale);

  /**
   * "the week of Sep 7, 2026", "September 2026", or the server's own label for other periods with its
   * dates in words ("Quarter 2 (Nov 9, 2026 to Jan 29, 2027)").
   */
  const periodName = (p: Pick<LedgerPeriod, 'unit' | 'start' | 'label'>): string => {
    if (p.unit === 'week') return t('ledger.period.week', { date: date(p.start) });
    if (p.unit === 'month') return formatDay(p.start, 'monthYear', locale);
    return datesInWords(p.label, 'monthDayYear', locale);
  };

  /** A closure as the ledger gives it ("2026-10-27: Snow day (closure)") in words: "Snow day (closure), Oct 27". */
  const closureWords = (closure: string): string => {
    const m = /^(\d{4}-\d{2}-\d{2})(?: to (\d{4}-\d{2}-\d{2}))?: (.*)$/.exec(closure);
    if (!m) return closure.replace(/\d{4}-\d{2}-\d{2}/g, (iso) => date(iso));
    const [, start, end, label] = m as unknown as [string, string, string | undefined, string];
    return end
      ? t('ledger.closureRange', { label, start: shortDate(start), end: shortDate(end) })
      : t('ledger.closure', { label, start: shortDate(start) });
  };

  return {
    t,
    language,
    locale,
    FIGURES,
    date,
    shortDate,
    /** "September 2026". */
    month: (iso: string) => formatDay(iso, 'monthYear', locale),
    periodName,
    /** The row header: "Week of Sep 7, 2026", "September 2026". */
    periodTitle: (p: Pick<LedgerPeriod, 'unit' | 'start' | 'label'>): string =>
      p.unit === 'week' ? t('ledger.period.weekTitle', { date: date(p.start) }) : periodName(p),
    closureWords,
    /** "No school: Snow day (closure), Oct 27; ..." */
    closuresWords: (closures: string[]) =>
      t('ledger.closures', { closures: closures.map(closureWords).join('; ') }),
    /** The scope words of a figure's button: "in total" or "in the week of Sep 7, 2026". */
    scopeWords: (period: LedgerPeriod | null) =>
      period ? t('ledger.scope.period', { period: periodName(period) }) : t('ledger.scope.total'),
    /** "in all weeks", for the table's total row. */
    scopeAll: (unit: RowUnit) => t('ledger.scope.all', { unit }),
    /** The title of a row's unit: "Week", "School year". */
    unitTitle: (unit: RowUnit) => t('ledger.unit', { unit }),
    /**
     * The accessible name of a figure's button: "260 minutes delivered in total, show entries" in the
     * summary, "... in the week of Sep 7, 2026, show entries" in a row, and "... in all weeks, show
     * entries" in the table's total row (so no two buttons share a name).
     */
    buttonName: (def: FigureDef, f: Figures, scope: string) =>
      t('ledger.buttonName', { figure: def.words(f), scope }),
    /** The number as shown: "260" or "54.2%" or "–" when nothing was required. */
    valueText: (def: FigureDef, f: Figures): string => {
      const v = def.value(f);
      if (v == null) return '–';
      return def.key === 'percent' ? t('ledger.percentValue', { percent: v }) : String(v);
    },
    /** A capital first letter, for a sentence that starts with a value. */
    capitalise: (s: string) => `${s.charAt(0).toLocaleUpperCase(locale)}${s.slice(1)}`,
  };
}

/** The ledger's words in the reader's language; the page waits (Suspense) for the part "ledger". */
export function useLedgerWords(): LedgerWords {
  const t = useT('ledger');
  const { language } = useLanguage();
  const locale = localeFor(language);
  return useMemo(() => ledgerWords(t, language, locale), [t, language, locale]);
}
