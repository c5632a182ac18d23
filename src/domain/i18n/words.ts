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

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Pattern = { pattern: RegExp; names: string[] };
/** Each catalog's templates as patterns, made once (a log of 50,000 rows finds many reasons back). */
const patterns = new WeakMap<Readonly<Record<string, string>>, Map<string, Pattern>>();

/** A template as a pattern that reads its values back from a sentence. */
function patternOf(templates: Readonly<Record<string, string>>, key: string): Pattern | null {
  let made = patterns.get(templates);
  if (!made) {
    made = new Map();
    patterns.set(templates, made);
  }
  const known = made.get(key);
  if (known) return known;
  const template = templates[key];
  if (template === undefined) return null;
  const pattern = templatePattern(template);
  made.set(key, pattern);
  return pattern;
}

/**
 * A template without select or plural (each value `{name}`) as a pattern that reads the whole English
 * sentence it wrote, its values back in `names` order.
 */
export function templatePattern(template: string): Pattern {
  const names: string[] = [];
  const source = template
    .split(/(\{[a-zA-Z]+\})/)
    .map((piece) => {
      const name = /^\{([a-zA-Z]+)\}$/.exec(piece)?.[1];
      if (!name) return escapeRegExp(piece.replace(/''/g, "'"));
      names.push(name);
      return '(.+?)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`, 's'), names };
}

/**
 * The words of an English sentence written from one of `keys` of `templates` (an English catalog part:
 * a template without select or plural, its values each `{name}` once), found back from the sentence:
 * what a reader keeps in English (a reason stored, a row's reason) said in another language later. The
 * first key whose template reads the whole sentence wins; null when none of them wrote it.
 */
export function wordsFoundBack(
  templates: Readonly<Record<string, string>>,
  keys: readonly string[],
  sentence: string,
): MessageWords | null {
  for (const key of keys) {
    const found = patternOf(templates, key);
    const m = found?.pattern.exec(sentence);
    if (!found || !m) continue;
    return found.names.length
      ? { key, values: Object.fromEntries(found.names.map((n, i) => [n, m[i + 1]!])) }
      : { key };
  }
  return null;
}
