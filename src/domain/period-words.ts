// What a service owes in its own period, in the words the home screen shows: "2 sessions in
// December: 0 so far", "3 sessions this school year: 1 so far", "1 session every 6-day cycle: 0 so
// far, this cycle ends Tuesday, December 8", "2 sessions this term (November 2 to January 29): 1 so far". A monthly or yearly amount is never cut into a weekly
// share (there is none: the provider may serve it in any week of the period). Pure; the figures come
// from the ledger (docs/ledger-rules.md, rule 1).

import { formatLongDate, formatRecordDate, type IsoDate } from './dates.ts';
import { countOf } from './letter-words.ts';

export type PeriodWordsInput = {
  /** The service's own period; "weeks" is a block of an "N of every M weeks" pattern; "term" a term of the school calendar. */
  unit: 'day' | 'week' | 'month' | 'year' | 'cycle' | 'term' | 'weeks';
  /** An extended-school-year block's amount. */
  esy: boolean;
  /** Sessions the period requires (a count-of-sessions service), or null for a total of minutes. */
  requiredSessions: number | null;
  requiredMinutes: number;
  /** The period's first and last day (for a daily service: the week's). */
  start: IsoDate;
  end: IsoDate;
  /** Sessions per day of a daily service (shown beside the week's total). */
  sessionsPerDay?: number | null;
  /** A cycle's length in school days, and its last school day. */
  cycleDays?: number | null;
  cycleLastSchoolDay?: IsoDate | null;
  /** A pattern's "N of every M weeks". */
  pattern?: { activeWeeks: number; everyWeeks: number } | null;
  /** Delivered so far in the period: sessions that happened (in full or shorter), and their minutes. */
  soFarSessions: number;
  soFarMinutes: number;
};

const monthDay = (date: IsoDate) => formatRecordDate(date, 'longMonthDay');

/** The period's amount and what was delivered of it so far, in one line. */
export function periodWords(p: PeriodWordsInput): string {
  const bySessions = p.requiredSessions != null;
  const amount = (n: number) => (bySessions ? countOf(n, 'session') : countOf(n, 'minute'));
  const required = bySessions ? p.requiredSessions! : p.requiredMinutes;
  const soFar = `${bySessions ? p.soFarSessions : p.soFarMinutes} so far`;
  const prefix = p.esy ? 'Extended school year: ' : '';
  const when = periodPhrase(p);
  if (required === 0) return `${prefix}No ${bySessions ? 'sessions' : 'minutes'} due ${when}`;
  switch (p.unit) {
    case 'day':
      return p.sessionsPerDay != null
        ? `${prefix}${amount(p.sessionsPerDay)} each school day: ${required} this week, ${soFar}`
        : `${prefix}${amount(required)} this week (daily): ${soFar}`;
    case 'cycle': {
      const every = p.cycleDays != null ? `every ${p.cycleDays}-day cycle` : 'this cycle';
      const ends = p.cycleLastSchoolDay ? `, this cycle ends ${formatLongDate(p.cycleLastSchoolDay)}` : '';
      return `${prefix}${amount(required)} ${every}: ${soFar}${ends}`;
    }
    case 'weeks': {
      const pattern = p.pattern ? ` (${p.pattern.activeWeeks} of every ${p.pattern.everyWeeks} weeks)` : '';
      return `${prefix}${amount(required)} ${when}${pattern}: ${soFar}`;
    }
    default:
      return `${prefix}${amount(required)} ${when}: ${soFar}`;
  }
}

function periodPhrase(p: PeriodWordsInput): string {
  switch (p.unit) {
    case 'month':
      return `in ${formatRecordDate(p.start, 'month')}`;
    case 'year':
      return p.esy ? 'this summer' : 'this school year';
    case 'cycle':
      return 'this cycle';
    case 'term':
      return `this term (${monthDay(p.start)} to ${monthDay(p.end)})`;
    case 'weeks': {
      const weeks = Math.round((Date.parse(p.end) - Date.parse(p.start)) / 86_400_000 / 7);
      return `in the ${countOf(weeks, 'week')} from ${monthDay(p.start)} to ${monthDay(p.end)}`;
    }
    default:
      return 'this week';
  }
}
