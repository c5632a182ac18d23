// The advisor's words in the reader's language (issue 17): every sentence of a recommendation (its
// title, reason, confidence, deadlines' labels) is a message of the advice catalog
// (src/domain/i18n/locales/<language>/advice.json, keys `advice.…`), which only the server and the
// domain read, as the letters' part is. Dates and lists are written in the reader's language: English as
// the advisor always wrote them ("Tue, Sep 15", "Sep 15, 2026", "a, b and c"), Spanish by Intl ("martes
// 15 de septiembre", "15 de septiembre de 2026", "a, b y c"). Record data (names, accommodation texts,
// subjects) and citations stay as written.
//
// Pure: the catalogs are imported as data.

import { formatRecordDate, formatSchoolDate, formatShortDate } from '../dates.ts';
import enAdvice from '../i18n/locales/en/advice.json' with { type: 'json' };
import esAdvice from '../i18n/locales/es/advice.json' with { type: 'json' };
import { createTranslator, type Translator } from '../i18n/translate.ts';
import { andList, spanishLongDate } from '../letter-words.ts';

export const ADVICE_LANGUAGES = ['en', 'es'] as const;
/** A language the advisor's recommendations are worded in. */
export type AdviceLanguage = (typeof ADVICE_LANGUAGES)[number];

/** The advice language for a reader's language ("es", "es-mx" → Spanish); English for any other. */
export function adviceLanguage(language: string | null | undefined): AdviceLanguage {
  const primary = (language ?? '').toLowerCase().split('-')[0];
  return primary === 'es' ? 'es' : 'en';
}

const translators: Readonly<Record<AdviceLanguage, Translator>> = {
  en: createTranslator('en', enAdvice),
  es: createTranslator('es', esAdvice),
};

const spanishLists = new Intl.ListFormat('es', { style: 'long', type: 'conjunction' });
const spanishPercent = new Intl.NumberFormat('es', { style: 'percent', maximumFractionDigits: 0 });
const spanishDates = new Intl.DateTimeFormat('es', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

export type AdviceWords = {
  language: AdviceLanguage;
  /** The message of `key` (without the `advice.` prefix), with its values. */
  say(key: string, values?: Readonly<Record<string, string | number>>): string;
  /** "Tue, Sep 15"; Spanish "martes 15 de septiembre". */
  shortDate(date: string): string;
  /** "Sep 15, 2026"; Spanish "15 de septiembre de 2026". */
  date(date: string): string;
  /** "a, b and c"; Spanish "a, b y c". */
  list(items: readonly string[]): string;
  /** A share as a whole percent: "25%"; Spanish "25 %". */
  percent(part: number, total: number): string;
};

export function adviceWords(language: AdviceLanguage = 'en'): AdviceWords {
  const { t } = translators[language];
  const english = language === 'en';
  return {
    language,
    say: (key, values) => t(`advice.${key}`, values),
    shortDate: (date) => (english ? formatShortDate(date) : spanishLongDate(date, false)),
    date: (date) => {
      if (english) return formatRecordDate(date, 'monthDayYear');
      // Years before 1000 are written by the school-date formatter (Intl drops their zeros).
      return Number(date.slice(0, 4)) >= 1000
        ? spanishDates.format(new Date(`${date}T00:00:00Z`))
        : formatSchoolDate(date, 'monthDayYear', 'es');
    },
    list: (items) => (english ? andList(items) : spanishLists.format(items)),
    percent: (part, total) => {
      const whole = Math.round((part / total) * 100);
      return english ? `${whole}%` : spanishPercent.format(whole / 100);
    },
  };
}
