// The implementation report's words in its language (issue 17): every fixed sentence, heading and label
// of the report's summary and PDF is a message of the reportpdf catalog
// (src/domain/i18n/locales/<language>/reportpdf.json, keys `reportpdf.…`), which only the server and
// the domain read, as the letters' and the advisor's parts are. English is written exactly as the report
// always wrote it (report-text.ts's dates: "Sep 8, 2026"); Spanish dates by Intl ("8 sept 2026" in the
// tables, "8 de septiembre de 2026" in sentences). Figures stay the ledger's, character for character,
// in every language; record data (names, the plan's words, what the family typed) and citations stay as
// written.
//
// Pure: the catalogs are imported as data.

import type { ReportLanguage } from '../api/reports.ts';
import { formatSchoolDate } from '../domain/dates.ts';
import enReport from '../domain/i18n/locales/en/reportpdf.json' with { type: 'json' };
import esReport from '../domain/i18n/locales/es/reportpdf.json' with { type: 'json' };
import { createTranslator, type MessageValues, type Translator } from '../domain/i18n/translate.ts';
import {
  communicationLabel,
  dateRange,
  dateRangeWords,
  figure,
  fullDate,
  listText,
  minutesText,
  monthDay,
  outcomeLabel,
  percentText,
  sourceLabel,
  teacherLabel,
  weekSpan,
} from './report-text.ts';

const translators: Readonly<Record<ReportLanguage, Translator>> = {
  en: createTranslator('en', enReport),
  es: createTranslator('es', esReport),
};

const spanishLists = new Intl.ListFormat('es', { style: 'long', type: 'conjunction' });

export type ReportWords = {
  language: ReportLanguage;
  /** The message of `key` (without the `reportpdf.` prefix), with its values. */
  say(key: string, values?: MessageValues): string;
  /** A table's day: "Sep 8"; Spanish "8 sept". */
  monthDay(date: string): string;
  /** A table's date: "Sep 8, 2026"; Spanish "8 sept 2026". */
  fullDate(date: string): string;
  /** A day in a sentence: "Sep 8"; Spanish "8 de septiembre". */
  dayWords(date: string): string;
  /** A date in a sentence: "Sep 8, 2026"; Spanish "8 de septiembre de 2026". */
  dateWords(date: string): string;
  /** "Sep 8 – Oct 30, 2026"; Spanish "8 sept – 30 oct 2026". */
  dateRange(from: string, to: string): string;
  /** "Sep 8 to Oct 30, 2026"; Spanish "del 8 de septiembre al 30 de octubre de 2026". */
  dateRangeWords(from: string, to: string): string;
  /** A week row's dates: "Sep 8–13"; Spanish "8–13 sept". */
  weekSpan(start: string, end: string): string;
  /** "130 minutes"; Spanish "130 minutos". */
  minutes(n: number): string;
  /** "54.2%"; Spanish "54.2 %" (the ledger's figure as it is); a dash when there is none. */
  percent(percent: number | null): string;
  /** "a, b and c"; Spanish "a, b y c". */
  list(items: readonly string[]): string;
  sourceLabel(source: string): string;
  outcomeLabel(outcome: string): string;
  teacherLabel(kind: string): string;
  communicationLabel(kind: string, direction: string): string;
};

const englishWords: Omit<ReportWords, 'language' | 'say'> = {
  monthDay,
  fullDate,
  dayWords: monthDay,
  dateWords: fullDate,
  dateRange,
  dateRangeWords,
  weekSpan,
  minutes: minutesText,
  percent: percentText,
  list: listText,
  sourceLabel,
  outcomeLabel,
  teacherLabel,
  communicationLabel,
};

const es = (date: string, style: 'monthDay' | 'monthDayYear' | 'longMonthDay') =>
  formatSchoolDate(date, style, 'es');
const esDateWords = (date: string) => `${es(date, 'longMonthDay')} de ${date.slice(0, 4)}`;

function spanishWords(say: ReportWords['say']): Omit<ReportWords, 'language' | 'say'> {
  const sameYear = (a: string, b: string) => a.slice(0, 4) === b.slice(0, 4);
  const label = (kind: string, code: string, fallback: string) =>
    translators.es.has(`reportpdf.${kind}.${code}`) ? say(`${kind}.${code}`) : fallback;
  return {
    monthDay: (date) => es(date, 'monthDay'),
    fullDate: (date) => es(date, 'monthDayYear'),
    dayWords: (date) => es(date, 'longMonthDay'),
    dateWords: esDateWords,
    dateRange: (from, to) => {
      if (from === to) return es(from, 'monthDayYear');
      if (sameYear(from, to)) return `${es(from, 'monthDay')} – ${es(to, 'monthDayYear')}`;
      return `${es(from, 'monthDayYear')} – ${es(to, 'monthDayYear')}`;
    },
    dateRangeWords: (from, to) => {
      if (from === to) return `el ${esDateWords(from)}`;
      if (sameYear(from, to)) return `del ${es(from, 'longMonthDay')} al ${esDateWords(to)}`;
      return `del ${esDateWords(from)} al ${esDateWords(to)}`;
    },
    weekSpan: (start, end) => {
      if (start === end) return es(start, 'monthDay');
      if (start.slice(0, 7) === end.slice(0, 7))
        return `${Number(start.slice(8, 10))}–${es(end, 'monthDay')}`;
      return `${es(start, 'monthDay')} – ${es(end, 'monthDay')}`;
    },
    minutes: (n) => say('minutes', { count: n, n: figure(n) }),
    percent: (percent) => (percent == null ? '–' : `${percent} %`),
    list: (items) => spanishLists.format(items),
    sourceLabel: (source) => label('source', source, source.replace(/_/g, ' ')),
    outcomeLabel: (outcome) => label('outcome', outcome, outcome),
    teacherLabel: (kind) => label('teacher', kind, kind),
    communicationLabel: (kind, direction) =>
      say('communication', {
        kind: translators.es.has(`reportpdf.communicationKind.${kind}`)
          ? say(`communicationKind.${kind}`)
          : kind,
        direction: direction === 'sent' ? 'sent' : 'received',
      }),
  };
}

const cache = new Map<ReportLanguage, ReportWords>();

/** The report's words in `language` (English when absent). */
export function reportWords(language: ReportLanguage = 'en'): ReportWords {
  let words = cache.get(language);
  if (!words) {
    const { t } = translators[language];
    const say: ReportWords['say'] = (key, values) => t(`reportpdf.${key}`, values);
    words = { language, say, ...(language === 'en' ? englishWords : spanishWords(say)) };
    cache.set(language, words);
  }
  return words;
}

/** A sentence with its first letter capitalized ("del 8 …" → "Del 8 …"). */
export function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
