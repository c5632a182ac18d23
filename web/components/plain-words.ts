// Plain words for the records the API returns: amounts, statuses, reasons and who recorded an entry
// (dates are web/components/dates.ts's). Shared by the ledger, the plan and the timeline. Types come
// from the server's own modules. Every sentence is the catalog's, in the reader's language (a `t` is
// required); the English labels below are the keys' sets and the English plan's amount words
// (web/features/plan/plan-words.ts says another language's through the catalog).

import { MISS_REASON_LABELS } from '../../src/domain/record-kinds.ts';
import type { ServiceSegment } from '../../src/domain/service.ts';
import type { EntrySource, Responsibility } from '../../src/domain/session-entry.ts';
import { countOf } from '../../src/domain/word-lists.ts';
import type { MemberRecord, SessionEntry } from '../api/types.ts';
import type { T } from '../i18n/i18n.tsx';

export const SOURCE_LABELS: Record<EntrySource, string> = {
  parent: 'parent',
  school_log: 'school log',
  provider: 'provider',
  provider_link: 'provider, via link',
  child_report: 'child’s report',
};

export const RESPONSIBILITY_LABELS: Record<Responsibility, string> = {
  owed: 'make-up owed',
  excused: 'excused',
  pending: 'waiting for a reason',
};

/** "1 minute", "2 minutes": the domain's own counting words. */
export const plural = countOf;

export const minutesWords = (n: number) => plural(n, 'minute', 'minutes');

const PERIOD_WORDS: Record<string, string> = {
  day: 'a day',
  week: 'a week',
  month: 'a month',
  year: 'a year',
  term: 'a term',
};

export const SETTING_LABELS: Record<string, string> = {
  pull_out: 'pull-out',
  push_in: 'push-in',
  consultation: 'consultation',
};

export const AREA_LABELS: Record<string, string> = {
  speech: 'Speech',
  ot: 'Occupational therapy',
  pt: 'Physical therapy',
  counseling: 'Counseling',
  specialized_instruction: 'Specialized instruction',
  behavior: 'Behavior',
  other: 'Other',
};

type Amount = Pick<
  ServiceSegment,
  'minutesPerSession' | 'sessionsPerPeriod' | 'minutesPerPeriod' | 'period' | 'pattern'
>;

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

/** "30 minutes, 2 times a week" or "90 minutes a week, in sessions of 30 minutes". */
export function amountWords(a: Amount): string {
  const per =
    a.period.unit === 'cycle'
      ? `every ${a.period.cycleDays ?? '?'}-day cycle`
      : (PERIOD_WORDS[a.period.unit] ?? `a ${a.period.unit}`);
  let text: string;
  if (a.sessionsPerPeriod != null) {
    text = `${minutesWords(a.minutesPerSession ?? 0)}, ${times(a.sessionsPerPeriod)} ${per}`;
  } else {
    text = `${minutesWords(a.minutesPerPeriod ?? 0)} ${per}`;
    if (a.minutesPerSession != null) text += `, in sessions of ${minutesWords(a.minutesPerSession)}`;
  }
  if (a.pattern) text += `, ${a.pattern.activeWeeks} of every ${a.pattern.everyWeeks} weeks`;
  return text;
}

/** "30 minutes, 2 times a week, pull-out" */
export function serviceAmountWords(segment: Amount, setting: string | null | undefined): string {
  const where = setting ? SETTING_LABELS[setting] : null;
  return where ? `${amountWords(segment)}, ${where}` : amountWords(segment);
}

const isOneOf = <K extends string>(value: string, record: Readonly<Record<K, unknown>>): value is K =>
  Object.hasOwn(record, value);

/** A miss reason's label in the reader's language (the catalog's `common.reason.*`); an unknown one as written. */
export const reasonLabel = (reason: string | null | undefined, t: T) =>
  reason ? (isOneOf(reason, MISS_REASON_LABELS) ? t(`common.reason.${reason}`) : reason) : null;

/** How the family classified missed minutes ("make-up owed"), in the reader's language. */
export const responsibilityLabel = (r: Responsibility, t: T) =>
  isOneOf(r, RESPONSIBILITY_LABELS) ? t(`common.responsibility.${r}`) : r;

/**
 * What happened, in a few words, in the reader's language (the catalog's `common.happened.*`):
 * "Delivered, 30 minutes", "Short: 20 of 30 minutes", "Missed".
 */
export function happenedWords(e: SessionEntry, t: T): string {
  const minutes = e.minutesDelivered;
  const planned = e.minutesPlanned;
  if (e.kind === 'makeup') return t('common.happened.makeup', { minutes });
  if (e.status === 'delivered') return t('common.happened.delivered', { minutes });
  if (e.status === 'short')
    return planned != null
      ? t('common.happened.shortOf', { minutes, planned })
      : t('common.happened.short', { minutes });
  return planned != null ? t('common.happened.missedOf', { planned }) : t('common.happened.missed');
}

/** Minutes planned but not given (for a short or missed session). */
export function gapMinutes(e: SessionEntry): number {
  if (e.kind !== 'scheduled' || e.status === 'delivered' || e.minutesPlanned == null) return 0;
  return Math.max(0, e.minutesPlanned - e.minutesDelivered);
}

/** Who recorded an entry, in the reader's language: a member's name, the staff link, or the command line. */
export function recordedByWords(recordedBy: string, members: MemberRecord[] | undefined, t: T): string {
  const [kind, id] = recordedBy.split(':', 2);
  switch (kind) {
    case 'user':
      return members?.find((m) => m.userId === id)?.displayName ?? t('common.by.member');
    case 'staff_link':
      return t('common.by.staffLink');
    case 'cli':
      return id === 'demo' ? t('common.by.demo') : t('common.by.cli');
    case 'system':
      return t('common.by.app');
    default:
      return recordedBy;
  }
}

/** "parent, entered by Ana Rivera" or "provider, via link", in the reader's language. */
export function sourceWords(e: SessionEntry, members: MemberRecord[] | undefined, t: T): string {
  const source = isOneOf(e.source, SOURCE_LABELS) ? t(`common.source.${e.source}`) : e.source;
  if (e.source === 'provider_link') return source;
  return t('common.source.enteredBy', { source, who: recordedByWords(e.recordedBy, members, t) });
}
