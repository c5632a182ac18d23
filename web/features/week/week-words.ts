import type { DateStyle } from '../../../src/domain/dates.ts';
import type { MissReason } from '../../../src/domain/record-kinds.ts';
import { formatDay, formatRange, localeFor } from '../../components/dates.ts';
import type {
  ObservationOutcome,
  ObservationSource,
  TeacherKind,
} from '../../components/observation-words.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';

// The home screen's words in the reader's language (issue 17): its messages (the catalog's part
// "week"), its dates (Intl, in the reader's language), and the labels of the values the API returns
// (reasons, outcomes), which other screens still take in English from their shared modules.

export function useWeekWords() {
  const t = useT('week');
  const { language } = useLanguage();
  const locale = localeFor(language);
  return {
    t,
    language,
    locale,
    /** A school date in the reader's words ("Tue, Sep 22", "mar, 22 sept"). */
    day: (iso: string, style: DateStyle = 'weekdayShort') => formatDay(iso, style, locale),
    /** "Mon, Nov 23 – Sun, Nov 29", or one day. */
    range: (start: string, end: string | null | undefined) => formatRange(start, end, locale),
    reason: (reason: MissReason) => t(`week.reason.${reason}` as const),
    outcome: (outcome: string) =>
      isOneOf(outcome, OUTCOMES) ? t(`week.outcome.${outcome}` as const) : outcome,
    teacher: (kind: string) => (isOneOf(kind, TEACHERS) ? t(`week.teacher.${kind}` as const) : kind),
    source: (source: ObservationSource) => t(`week.source.${source}` as const),
    /** The school-day notice's words under a date field (its question is the calendar rule's, English). */
    notice: {
      noSchool: t('week.notice.noSchool'),
      makeupAnyDay: t('week.notice.makeupAnyDay'),
      sure: t('week.notice.sure'),
    },
  };
}

export const OUTCOMES: readonly ObservationOutcome[] = ['provided', 'not_provided', 'partly', 'unknown'];
export const TEACHERS: readonly TeacherKind[] = ['regular', 'substitute', 'other_staff', 'unknown'];
export const SOURCES: readonly ObservationSource[] = [
  'child_report',
  'work_sample',
  'teacher',
  'parent_saw',
  'school_record',
];

function isOneOf<T extends string>(value: string, values: readonly T[]): value is T {
  return (values as readonly string[]).includes(value);
}

/** A label inside a sentence, in lowercase ("Provider absent" → "provider absent"). */
export const lower = (text: string, locale: string | undefined) => text.toLocaleLowerCase(locale);

/** A capital first letter, for a sentence that starts with a value. */
export const upperFirst = (text: string, locale: string | undefined) =>
  `${text.charAt(0).toLocaleUpperCase(locale)}${text.slice(1)}`;
