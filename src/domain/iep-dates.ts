import { isIsoDate } from './dates.ts';
import type { MessageWords } from './errors.ts';
import type { DraftDate } from './iep-draft.ts';
import { MONTH_NAMES, MONTH_SRC, MONTHS } from './month-names.ts';

// Dates as an IEP prints them, read in the document's own order. Numeric dates are the hard part:
// "03/05/2027" is 5 March in the United States and 3 May in most of the world (and in many Canadian
// documents). The order is taken, in this order, from what the document says ("Date (mm/dd/yy)",
// "(yyyy/mm/dd)"), from its own dates (a "25/03/2027" anywhere shows day first), or from the
// jurisdiction (a US plan writes month first). When none of these settles it, a date whose day and
// month could be swapped is read month first and marked for the parent to check, with both readings
// named. Year-first dates (2026/09/08, 2026-09-08) are always year, month, day. Pure: no I/O, no clock.

export type DateOrder = 'mdy' | 'dmy';

export type DateConvention = {
  order: DateOrder | null;
  /** Where the order came from, for the note a parent reads. */
  basis: 'label' | 'document' | 'jurisdiction' | null;
  /** The document's dates show both orders (a 25/03 and a 03/25). */
  conflict: boolean;
};

export type FoundDate = {
  raw: string;
  /** Position in the text searched. */
  start: number;
  end: number;
  value: DraftDate;
  /** Why the parent should check the date; null when it is certain. */
  check: string | null;
  /** The same as catalog words (the server-only part `iepreader`); null with `check`. */
  checkWords: MessageWords | null;
};

const NUMERIC = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|[.-]\d)/g;
const YEAR_FIRST = /(?<![\d/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/]|[.-]\d)/g;
const MONTH_DAY_YEAR = new RegExp(
  `(?<![a-z])(${MONTH_SRC})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`,
  'gi',
);
const DAY_MONTH_YEAR = new RegExp(
  `(?<![\\d])(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(?:of\\s+)?|-)(${MONTH_SRC})\\.?(?:,?\\s+|-)(\\d{4}|\\d{2})(?!\\d)`,
  'gi',
);
const MONTH_YEAR = new RegExp(`(?<![a-z])(${MONTH_SRC})\\.?,?\\s+(\\d{4})(?!\\d)`, 'gi');
const NUMERIC_MONTH_YEAR = /(?<![\d/.-])(\d{1,2})\/(\d{4})(?![\d/])/g;

const pad = (n: number) => String(n).padStart(2, '0');

function fullYear(raw: string): number {
  const n = Number(raw);
  if (raw.length === 4) return n;
  // Two-digit years on an IEP are this century's, but a birth date may be the last one's.
  return n < 70 ? 2000 + n : 1900 + n;
}

function day(y: number, m: number, d: number): DraftDate | null {
  const iso = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isIsoDate(iso) && y >= 1950 && y <= 2150 ? { date: iso, precision: 'day' } : null;
}

/** The order the document states in a label ("Date (mm/dd/yy)", "DD/MM/YYYY"), if it states one. */
function statedOrder(text: string): DateOrder | null {
  if (/\bmm\s*[/.-]\s*dd\s*[/.-]\s*(yy|yyyy|aa|aaaa)\b/i.test(text)) return 'mdy';
  if (/\b(dd|jj)\s*[/.-]\s*mm\s*[/.-]\s*(yy|yyyy|aa|aaaa)\b/i.test(text)) return 'dmy';
  return null;
}

/**
 * The document's date order, from its labels, then its own dates, then its jurisdiction (month first
 * in the United States; not assumed in Canada, where both are common).
 */
export function dateConvention(texts: readonly string[], country: 'US' | 'CA' | null): DateConvention {
  const stated = new Set<DateOrder>();
  let dayFirst = false;
  let monthFirst = false;
  for (const text of texts) {
    const s = statedOrder(text);
    if (s) stated.add(s);
    for (const m of text.matchAll(NUMERIC)) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (a > 12 && a <= 31 && b >= 1 && b <= 12) dayFirst = true;
      if (b > 12 && b <= 31 && a >= 1 && a <= 12) monthFirst = true;
    }
  }
  if (stated.size === 1) return { order: [...stated][0]!, basis: 'label', conflict: dayFirst && monthFirst };
  if (dayFirst && monthFirst) return { order: null, basis: null, conflict: true };
  if (dayFirst) return { order: 'dmy', basis: 'document', conflict: false };
  if (monthFirst) return { order: 'mdy', basis: 'document', conflict: false };
  if (country === 'US') return { order: 'mdy', basis: 'jurisdiction', conflict: false };
  return { order: null, basis: null, conflict: false };
}

function words(d: DraftDate): string {
  const [y, m, dd] = d.date.split('-').map(Number);
  return dd ? `${dd} ${MONTH_NAMES[m! - 1]} ${y}` : `${MONTH_NAMES[m! - 1]} ${y}`;
}

/** Every date in a piece of text, in the order they appear, each read by the document's convention. */
export function findDates(text: string, convention: DateConvention): FoundDate[] {
  const found: FoundDate[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => !taken.some(([a, b]) => start < b && end > a);
  const add = (
    m: RegExpMatchArray,
    value: DraftDate | null,
    check: string | null,
    checkWords: MessageWords | null = null,
  ) => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!free(start, end)) return;
    taken.push([start, end]);
    if (value) found.push({ raw: m[0], start, end, value, check, checkWords });
  };

  for (const m of text.matchAll(YEAR_FIRST)) add(m, day(Number(m[1]), Number(m[3]), Number(m[4])), null);
  for (const m of text.matchAll(NUMERIC)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = fullYear(m[4]!);
    const mdy = day(y, a, b);
    const dmy = day(y, b, a);
    if (!mdy && !dmy) {
      add(m, null, null);
      continue;
    }
    if (!mdy || !dmy || a === b) {
      // Only one reading is a real date (or both are the same day).
      const value = (mdy ?? dmy)!;
      const against =
        convention.order && ((convention.order === 'mdy' && !mdy) || (convention.order === 'dmy' && !dmy));
      add(
        m,
        value,
        against
          ? `"${m[0]}" is written ${convention.order === 'mdy' ? 'day first' : 'month first'}, unlike the document's other dates; check it`
          : null,
        against
          ? {
              key: 'iepreader.date.otherOrder',
              values: { text: m[0], order: convention.order === 'mdy' ? 'dayFirst' : 'monthFirst' },
            }
          : null,
      );
      continue;
    }
    if (convention.order) {
      add(m, convention.order === 'mdy' ? mdy : dmy, null);
      continue;
    }
    const why = convention.conflict
      ? 'the document writes some dates day first and others month first'
      : 'the document does not show whether it writes the day or the month first';
    add(m, mdy, `"${m[0]}" could be ${words(mdy)} or ${words(dmy)}: ${why}; check it`, {
      key: 'iepreader.date.either',
      values: {
        text: m[0],
        firstLongDay: mdy.date,
        secondLongDay: dmy.date,
        why: convention.conflict ? 'conflict' : 'unknown',
      },
    });
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR))
    add(m, day(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2])), null);
  for (const m of text.matchAll(DAY_MONTH_YEAR))
    add(m, day(fullYear(m[3]!), MONTHS[m[2]!.toLowerCase()]!, Number(m[1])), null);
  for (const m of text.matchAll(MONTH_YEAR)) {
    const y = Number(m[2]);
    const mo = MONTHS[m[1]!.toLowerCase()]!;
    add(m, y >= 1950 && y <= 2150 ? { date: `${y}-${pad(mo)}`, precision: 'month' } : null, null);
  }
  for (const m of text.matchAll(NUMERIC_MONTH_YEAR)) {
    const mo = Number(m[1]);
    const y = Number(m[2]);
    add(
      m,
      mo >= 1 && mo <= 12 && y >= 1950 && y <= 2150 ? { date: `${y}-${pad(mo)}`, precision: 'month' } : null,
      null,
    );
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The order a document's convention reads numeric dates in, in words, for the draft's notes. */
export function describeConvention(c: DateConvention): string | null {
  if (!c.order) return null;
  const order = c.order === 'mdy' ? 'month first (mm/dd/yyyy)' : 'day first (dd/mm/yyyy)';
  const basis =
    c.basis === 'label'
      ? 'as the form says'
      : c.basis === 'document'
        ? 'as its other dates show'
        : 'as plans in the United States do';
  return `Numeric dates were read ${order}, ${basis}.`;
}
