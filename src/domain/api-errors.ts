import { formatSchoolDate, RECORD_LOCALE } from './dates.ts';
import { AppError, type ErrorCode, type FieldIssue, type MessageWords } from './errors.ts';
import en from './i18n/locales/en/apierror.json' with { type: 'json' };
import { createTranslator, type Translator } from './i18n/translate.ts';
import { wordsFoundBack } from './i18n/words.ts';

// The server's refusals a person reads (sign-in, links, invitations, members, letters, records,
// corrections, service logs, attachments, imports, calendars, transfers, ...), written once in the
// catalog part `apierror` (docs/translating.md; issue 17). A service says one as
// `apiError(code, key, values, fields)`: the English `message` (existing clients, the tests and the CLI
// read it, so it is exactly the catalog's English) and the words the server says in the reader's
// language (src/server/i18n.ts, `localizeError`, through `sayApiWords`). Values are strings or numbers
// as they are printed (ids, masked emails, names, figures); a number a message counts by (a plural)
// stays a number. Two kinds of value are said before the message:
// - a value named `longDate` (or `…LongDate`) is a school day, YYYY-MM-DD, said in words with its
//   weekday in the reader's language: "Friday, December 4" (exactly `formatLongDate`), "viernes 4 de
//   diciembre" (docs/glossary-es.md);
// - a value named `…Words` is the words of what the message quotes (a reader's reason, a field's
//   refusal, a list of records: one words or a list, `wordsValue`), beside its English under the same
//   name without "Words" (`reasonWords` beside `reason`): said first, a list joined with ", ", or the
//   English kept where the translator lacks one of its keys.
// Server only: the web app never imports this file or its part (src/domain/i18n/server-errors.test.ts).
// Pure: no I/O.

export type ApiErrorKey = keyof typeof en extends `apierror.${infer K}` ? K : never;
export type ApiErrorValues = Readonly<Record<string, string | number>>;

const english: Translator = createTranslator('en', en);

/** An error's English sentence and its words, from its key in the `apierror` part. */
export function apiWords(
  key: ApiErrorKey,
  values?: ApiErrorValues,
): { message: string; words: MessageWords } {
  const words: MessageWords = values ? { key: `apierror.${key}`, values } : { key: `apierror.${key}` };
  return { message: sayApiWords(words, english), words };
}

/** The AppError of a refusal a person reads: its English `message` from the catalog, with its words. */
export function apiError(
  code: ErrorCode,
  key: ApiErrorKey,
  values?: ApiErrorValues,
  fields?: FieldIssue[],
): AppError {
  const { message, words } = apiWords(key, values);
  return new AppError(code, message, fields, words);
}

/**
 * What a message quotes, as a `…Words` value: its words (one, or a list said and joined with ", ")
 * beside its English, which the caller passes under the name without "Words".
 */
export function wordsValue(words: MessageWords | readonly MessageWords[]): string {
  return JSON.stringify(words);
}

/** Words of several parts, for a value whose English joins them with ", ". */
function wordsListOf(value: string | number | undefined): MessageWords[] | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed = JSON.parse(value) as unknown;
    const list = Array.isArray(parsed) ? parsed : [parsed];
    return list.every((w) => typeof (w as MessageWords | null)?.key === 'string')
      ? (list as MessageWords[])
      : null;
  } catch {
    return null;
  }
}

/** A school day in words with its weekday: "Friday, December 4", "viernes 4 de diciembre". */
function longDateWords(date: string, language: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const locale = language === 'en' ? RECORD_LOCALE : language;
  const said = formatSchoolDate(date, 'weekdayLong', locale);
  // The glossary writes a Spanish date without the comma: "martes 10 de noviembre".
  return language === 'es' ? said.replace(/^(\p{L}+),\s/u, '$1 ') : said;
}

export type SaidWords = {
  /** The message in the translator's language. */
  text: string;
  /** Each quoted English (a `…Words` value's English) with what it was said as. */
  quoted: ReadonlyMap<string, string>;
};

/** Words said by a translator, with what they quote (`sayApiWords`). */
export function sayApiWordsQuoting(words: MessageWords, translator: Translator): SaidWords {
  const quoted = new Map<string, string>();
  const values: Record<string, string | number> = {};
  const given = words.values ?? {};
  for (const [name, value] of Object.entries(given)) {
    if (/(?:^l|L)ongDate$/.test(name) && typeof value === 'string') {
      values[name] = longDateWords(value, translator.language);
    } else if (/.Words$/.test(name)) {
      const plain = name.slice(0, -'Words'.length);
      const list = wordsListOf(value);
      const english = given[plain];
      if (list?.every((w) => translator.has(w.key))) {
        const parts = list.map((w) => sayApiWordsQuoting(w, translator));
        for (const part of parts) for (const [from, to] of part.quoted) quoted.set(from, to);
        const said = parts.map((p) => p.text).join(', ');
        values[plain] = said;
        if (english !== undefined) quoted.set(String(english), said);
      } else if (english !== undefined) values[plain] = english;
    } else if (!(name in values)) values[name] = value;
  }
  return { text: translator.t(words.key, values), quoted };
}

/**
 * Words said by a translator: the values named `…LongDate` in words, those named `…Words` said first
 * (see the top of this file). In English, exactly the message `apiWords` wrote.
 */
export function sayApiWords(words: MessageWords, translator: Translator): string {
  return sayApiWordsQuoting(words, translator).text;
}

/**
 * The words of an English sentence written from one of `keys` (a template without select or plural,
 * its values each `{name}` once), found back from the sentence: a reader's reasons that are kept as
 * English and quoted by a refusal. Null when none of them wrote it.
 */
export function apiWordsOf(keys: readonly ApiErrorKey[], sentence: string): MessageWords | null {
  return wordsFoundBack(
    en,
    keys.map((key) => `apierror.${key}`),
    sentence,
  );
}

/** The words of what a message quotes (a `…Words` value, however deep) whose English is `english`. */
export function quotedWords(words: MessageWords, english: string): MessageWords | null {
  const values = words.values ?? {};
  for (const [name, value] of Object.entries(values)) {
    if (!/.Words$/.test(name)) continue;
    const list = wordsListOf(value);
    if (!list) continue;
    if (list.length === 1 && values[name.slice(0, -'Words'.length)] === english) return list[0]!;
    for (const inner of list) {
      const found = quotedWords(inner, english);
      if (found) return found;
    }
  }
  return null;
}
