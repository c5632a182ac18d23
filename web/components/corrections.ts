// Corrections in the web app: what every correction or void makes out of date, and plain words for
// an entry and for what a correction changes. Zod-free (the home screen's bundle stays small).
import type { QueryClient } from '@tanstack/react-query';
import { listWords } from '../../src/domain/letter-words.ts';
import { MISS_REASON_LABELS } from '../../src/domain/record-kinds.ts';
import type { MemberRecord, SessionEntry } from '../api/types.ts';
import { formatDay, formatInstantDay } from './dates.ts';
import { minutesWords, recordedByWords } from './plain-words.ts';

/**
 * Every figure that counts a record: the week's card, the ledger, the timeline, the patterns, the
 * advisor (and the letters it drafts from), the report, the living IEP, the reply clocks, the make-up
 * picker. A correction or a void refreshes all of them at once. Never 'session': that key is the
 * sign-in (web/api/session.tsx), and refreshing it remounts the page.
 */
const FIGURE_KEYS = [
  'week',
  'sessions',
  'session-entry',
  'ledger',
  'makeup-options',
  'patterns',
  'advice',
  'report',
  'living-iep',
  'communication-status',
  'accommodation-observations',
  'behavior-incidents',
  'work-samples',
  'communications',
  'check-ins',
];

export async function refreshAfterCorrection(client: QueryClient) {
  await Promise.all(FIGURE_KEYS.map((key) => client.invalidateQueries({ queryKey: [key] })));
}

type EntryLike = Pick<
  SessionEntry,
  'kind' | 'status' | 'minutesDelivered' | 'minutesPlanned' | 'reason' | 'date'
>;

/** "delivered, 30 minutes", "missed (School event or assembly)", "a make-up of 30 minutes". */
export function outcomeWords(e: EntryLike): string {
  if (e.status === 'void') return 'voided as logged by mistake';
  if (e.kind === 'makeup') return `a make-up of ${minutesWords(e.minutesDelivered)}`;
  const why = e.reason ? ` (${MISS_REASON_LABELS[e.reason]})` : '';
  if (e.status === 'delivered') return `delivered, ${minutesWords(e.minutesDelivered)}`;
  if (e.status === 'short')
    return `shorter: ${e.minutesDelivered}${e.minutesPlanned != null ? ` of ${e.minutesPlanned}` : ''} minutes${why}`;
  return `missed${why}`;
}

/** "Thursday, November 26: delivered, 30 minutes". */
export function entryWords(e: EntryLike): string {
  return `${formatDay(e.date, 'weekdayLong')}: ${outcomeWords(e)}`;
}

/** "Monday, November 30 and Wednesday, December 2". */
export function daysWords(dates: readonly string[]): string {
  return listWords(dates.map((d) => formatDay(d, 'weekdayLong')));
}

/** "corrected on Dec 2, 2026 by Maria" for an entry a later one corrected (or voided). */
export function correctedWords(correction: SessionEntry, members: MemberRecord[] | undefined): string {
  const on = formatInstantDay(correction.recordedAt);
  const verb = correction.status === 'void' ? 'Voided' : 'Corrected';
  return `${verb} on ${on} by ${recordedByWords(correction.recordedBy, members)}`;
}
