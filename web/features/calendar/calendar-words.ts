import { listWords } from '../../../src/domain/letter-words.ts';
import { localeFor } from '../../components/dates.ts';
import { type T, useLanguage, useT } from '../../i18n/i18n.tsx';

// The School calendar page's words (issue 17): its part of the catalog, the locale its dates are
// written in, and lists joined in the reader's language ("a, b and c" in English as before; Intl's
// list format in any other language).

export type CalendarWords = {
  t: T;
  /** The locale for dates (`localeFor`): undefined when the device already reads the app's language. */
  locale: string | undefined;
  /** "a, b and c", in the reader's language. */
  list(items: readonly string[]): string;
};

export function listIn(language: string, locale: string | undefined, items: readonly string[]): string {
  if (language.split('-')[0] === 'en') return listWords(items);
  return new Intl.ListFormat(locale ?? language, { type: 'conjunction' }).format(items);
}

export function useCalendarWords(): CalendarWords {
  const t = useT('calendar');
  const { language } = useLanguage();
  const locale = localeFor(language);
  return { t, locale, list: (items) => listIn(language, locale, items) };
}
