import { formatSchoolDate, RECORD_LOCALE } from '../dates.ts';
import type { MessageWords } from '../errors.ts';
import { profileTextValues } from '../profile-texts.ts';
import type { Translator } from './translate.ts';

// A sentence the domain says in English (a reminder's title) and also as catalog words (its key and
// values), said here in the reader's language. Values named `…ShortDate` are school dates written
// short ("Mon, Nov 2"), `…Date` written with the year ("Nov 9, 2026"), as the English writes them,
// in the reader's own way ("lun, 2 nov"; "9 nov 2026"). Values named `…ProfileText` are a jurisdiction
// profile's sentences (src/domain/profile-texts.ts), said through `advice.profile.text`.

export function sayWords(words: MessageWords, translator: Translator): string {
  const locale = translator.language === 'en' ? RECORD_LOCALE : translator.language;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(words.values ?? {})) {
    if (typeof value === 'string' && /ShortDate$/.test(name))
      values[name] = formatSchoolDate(value, 'weekdayShort', locale);
    else if (typeof value === 'string' && /ProfileText$/.test(name))
      values[name] = translator.has('advice.profile.text')
        ? translator.t('advice.profile.text', profileTextValues(value))
        : value;
    else if (typeof value === 'string' && /Date$/.test(name))
      values[name] = formatSchoolDate(value, 'monthDayYear', locale);
    else values[name] = value;
  }
  return translator.t(words.key, values);
}
