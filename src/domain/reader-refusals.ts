import type { MessageWords } from './errors.ts';
import en from './i18n/locales/en/reader.json' with { type: 'json' };
import { createTranslator, type Translator } from './i18n/translate.ts';
import { templatePattern } from './i18n/words.ts';

// Why a file the parent brings could not be read (a password, damage, a file too large, a reading
// that took too long): the importers' refusals, written once in the catalog part `reader`
// (docs/translating.md). An importer says one as `refusal(key, values)`: the English the error's
// `message` keeps (existing clients, the CLI, the document's stored `error`) and the words the server
// says in the reader's language. A document's refusal is stored as its English sentence, so
// `refusalWords` finds the words back from it (a stored refusal written before words were kept too).
// Values are figures and names as they are printed (a kind of file by its name in ACCEPTED_TYPES, said
// by a select); a template names each value once and has at most one select, and the
// sentences differ enough that at most one reads a given message (reader-refusals.test.ts).
// Pure: no I/O.

export type RefusalKey = keyof typeof en extends `reader.${infer K}` ? K : never;
export type Refusal = { message: string; words: MessageWords };

const english: Translator = createTranslator('en', en);

/** A refusal's English sentence and its words. */
export function refusal(key: RefusalKey, values?: Record<string, string | number>): Refusal {
  const text = values
    ? Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]))
    : undefined;
  const words: MessageWords = text ? { key: `reader.${key}`, values: text } : { key: `reader.${key}` };
  return { message: english.t(words.key, text), words };
}

/** A select (`{kind, select, xlsx {an Excel spreadsheet} ... other {...}}`): its value's name and options. */
const SELECT = /\{([a-zA-Z]+), select, ((?:[a-zA-Z]+ \{[^{}]*\}\s*)+)\}/;

/** A template with each option of its select (at most one) written out, and the value that chose it. */
function variants(template: string): { text: string; chosen: Record<string, string> }[] {
  const select = SELECT.exec(template);
  if (!select) return [{ text: template, chosen: {} }];
  return [...select[2]!.matchAll(/([a-zA-Z]+) \{([^{}]*)\}/g)].map(([, option, text]) => ({
    text: template.replace(select[0], text!),
    chosen: { [select[1]!]: option! },
  }));
}

/** Each template as patterns that read its values back from the English sentence. */
const PATTERNS = Object.entries(en as Record<string, string>).flatMap(([key, template]) =>
  variants(template).map(({ text, chosen }) => ({ key, ...templatePattern(text), chosen })),
);

/** The words of a refusal's English sentence, or null when it is not one. */
export function refusalWords(message: string): MessageWords | null {
  for (const { key, pattern, names, chosen } of PATTERNS) {
    const m = pattern.exec(message);
    if (!m) continue;
    const values = { ...chosen, ...Object.fromEntries(names.map((name, i) => [name, m[i + 1]!])) };
    return Object.keys(values).length ? { key, values } : { key };
  }
  return null;
}
