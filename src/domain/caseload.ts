// The advocate's caseload (issue 18): which households it lists, which rows are urgent, and the order
// the rows come in. Plain rules with no imports but the date arithmetic, so the server sorts and the
// web app filters with the same numbers.

import { daysBetween } from './dates.ts';
import type { Role } from './permissions.ts';

/** The roles whose households the caseload lists: the ones who act for a family. */
export const CASELOAD_ROLES = ['owner', 'advocate'] as const satisfies readonly Role[];
export type CaseloadRole = (typeof CASELOAD_ROLES)[number];

/** A deadline this many days away or fewer makes a row urgent. */
export const CASELOAD_URGENT_DAYS = 14;

/** The page's "deadline soon" filter: a deadline this many days away or fewer. */
export const CASELOAD_SOON_DAYS = 30;

/**
 * The make-up minutes owed are shown with how they moved over this many days: the owed balance today
 * against the same ledger's owed balance as of this many days ago (four weeks: a month of school, the same
 * weekdays, and short enough that a change is news).
 */
export const CASELOAD_TREND_DAYS = 28;

/**
 * How the make-up minutes owed moved over the last CASELOAD_TREND_DAYS days: positive when more is owed
 * now (sessions missed and not made up), negative when less (make-ups delivered), 0 when the same.
 */
export function owedChange(row: { owedMinutes: number; owedMinutesTrendStart: number }): number {
  return row.owedMinutes - row.owedMinutesTrendStart;
}

/** What the urgency rule reads of a row. */
export type CaseloadUrgencyInput = {
  repliesOverdue: number;
  owedMinutes: number;
  /** The owed balance as of CASELOAD_TREND_DAYS days ago (see owedChange). */
  owedMinutesTrendStart: number;
  servicesBehind: number;
  /** The next deadline, by days from today (0: today), or null with none. */
  nextDeadline: { inDays: number } | null;
  householdName: string;
  childFirstName: string | null;
};

/** Days from `asOf` to `date`. */
export const daysUntil = (asOf: string, date: string) => daysBetween(asOf, date);

/** Urgent: a reply the school owes is overdue, or a deadline is at most CASELOAD_URGENT_DAYS away. */
export function isUrgent(row: CaseloadUrgencyInput): boolean {
  return (
    row.repliesOverdue > 0 || (row.nextDeadline != null && row.nextDeadline.inDays <= CASELOAD_URGENT_DAYS)
  );
}

/**
 * The caseload's order (docs/ARCHITECTURE.md, "The caseload"): urgent rows first; then the most make-up
 * minutes owed, and among equal balances the one whose balance grew most in the last four weeks; then the
 * nearest deadline (none last); then the most replies overdue, the most services
 * below the week summary's delivered threshold; then by family name and child name.
 */
export function compareByUrgency(a: CaseloadUrgencyInput, b: CaseloadUrgencyInput): number {
  const deadline = (r: CaseloadUrgencyInput) => r.nextDeadline?.inDays ?? Number.POSITIVE_INFINITY;
  return (
    Number(isUrgent(b)) - Number(isUrgent(a)) ||
    b.owedMinutes - a.owedMinutes ||
    owedChange(b) - owedChange(a) ||
    deadline(a) - deadline(b) ||
    b.repliesOverdue - a.repliesOverdue ||
    b.servicesBehind - a.servicesBehind ||
    a.householdName.localeCompare(b.householdName) ||
    (a.childFirstName ?? '').localeCompare(b.childFirstName ?? '')
  );
}

/** Whether the menu offers the caseload: to someone in more than one household, or an advocate in one. */
export function offersCaseload(households: readonly { role: string }[]): boolean {
  return households.length > 1 || households.some((h) => h.role === 'advocate');
}

/** The rows whose family or child name contains `search` (any case, accents as typed). */
export function matchesSearch(row: { householdName: string; childFirstName: string | null }, search: string) {
  const needle = search.trim().toLocaleLowerCase();
  if (!needle) return true;
  return `${row.householdName} ${row.childFirstName ?? ''}`.toLocaleLowerCase().includes(needle);
}
