// Corrections in the web app: what every correction or void makes out of date, and plain words for
// an entry and for what a correction changes. Zod-free (the home screen's bundle stays small).
import type { QueryClient } from '@tanstack/react-query';
import { MISS_REASON_LABELS } from '../../src/domain/record-kinds.ts';
import { listWords } from '../../src/domain/word-lists.ts';
import type { MemberRecord, SessionEntry } from '../api/types.ts';
import type { T } from '../i18n/i18n.tsx';
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

/**
 * "delivered, 30 minutes", "missed (School event or assembly)", "a make-up of 30 minutes". English
 * unless `t` is given (then in the reader's language).
 */
export function outcomeWords(e: EntryLike, t?: T): string {
  if (t) {
    const minutes = e.minutesDelivered;
    if (e.status === 'void') return t('common.outcome.void');
    if (e.kind === 'makeup') return t('common.outcome.makeup', { minutes });
    const reason = e.reason ? t(`common.reason.${e.reason}`) : '';
    const hasReason = e.reason ? 'yes' : 'no';
    if (e.status === 'delivered') return t('common.outcome.delivered', { minutes });
    if (e.status === 'short')
      return t('common.outcome.short', {
        minutes,
        hasPlanned: e.minutesPlanned != null ? 'yes' : 'no',
        planned: e.minutesPlanned ?? '',
        hasReason,
        reason,
      });
    return t('common.outcome.missed', { hasReason, reason });
  }
  if (e.status === 'void') return 'voided as logged by mistake';
  if (e.kind === 'makeup') return `a make-up of ${minutesWords(e.minutesDelivered)}`;
  const why = e.reason ? ` (${MISS_REASON_LABELS[e.reason]})` : '';
  if (e.status === 'delivered') return `delivered, ${minutesWords(e.minutesDelivered)}`;
  if (e.status === 'short')
    return `shorter: ${e.minutesDelivered}${e.minutesPlanned != null ? ` of ${e.minutesPlanned}` : ''} minutes${why}`;
  return `missed${why}`;
}

/** "Thursday, November 26: delivered, 30 minutes" (with `t` and `locale`, in the reader's language). */
export function entryWords(e: EntryLike, t?: T, locale?: string): string {
  return `${formatDay(e.date, 'weekdayLong', locale)}: ${outcomeWords(e, t)}`;
}

/** "Monday, November 30 and Wednesday, December 2". */
export function daysWords(dates: readonly string[]): string {
  return listWords(dates.map((d) => formatDay(d, 'weekdayLong')));
}

/**
 * "Corrected on Dec 2, 2026 by Maria" for an entry a later one corrected (or voided), in the reader's
 * language, its dates in `locale`.
 */
export function correctedWords(
  correction: SessionEntry,
  members: MemberRecord[] | undefined,
  t: T,
  locale?: string,
): string {
  return t('common.entry.corrected', {
    isVoid: correction.status === 'void' ? 'yes' : 'no',
    on: formatInstantDay(correction.recordedAt, locale),
    who: recordedByWords(correction.recordedBy, members, t),
  });
}
