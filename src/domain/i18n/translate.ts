import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';

// Messages in ICU MessageFormat (plurals, selects for gender, numbers and dates), one catalog per
// language, a folder of files (./locales/<language>/<part>.json, one part per area of the app): the
// only place a user-visible sentence of the translated screens is written, so a translator adds a
// language by adding a folder (docs/translating.md).
//
// A catalog's message is either its ICU source text or, in the web app, the same message compiled
// ahead of time to its syntax tree (web/vite.config.ts), so the browser never ships the ICU parser.
// A message without any argument is kept as plain text either way and returned as it is.
//
// Pure: no I/O. The server reads the catalogs from disk (src/server/i18n.ts), the web app loads the
// active one on demand (web/i18n/i18n.tsx); both format through `createTranslate`.

export type CompiledMessage = MessageFormatElement[];
export type Message = string | CompiledMessage;
export type Catalog = Readonly<Record<string, Message>>;
export type MessageValue = string | number | Date | boolean | null | undefined;
export type MessageValues = Readonly<Record<string, MessageValue>>;

/** Turn a key and its values into the reader's sentence. */
export type Translate = (key: string, values?: MessageValues) => string;

/** Formats the message of `key`, with rich values (React elements) kept as parts in order. */
export type TranslateParts = <T>(
  key: string,
  values: Readonly<Record<string, MessageValue | T>>,
) => (string | T)[];

/** Whether a message (its source text) needs the ICU formatter: any argument, plural or escape. */
export function hasSyntax(source: string): boolean {
  return /[{}]/.test(source);
}

export type Translator = {
  language: string;
  t: Translate;
  parts: TranslateParts;
  /** Whether the catalog has the key (a caller may fall back to a message it was given). */
  has(key: string): boolean;
};

/**
 * A translator for one language. A key the catalog lacks comes back as the key itself, so a
 * missing message is visible rather than blank; `npm test` fails on any such key
 * (src/domain/i18n/catalogs.test.ts), so users never see one.
 */
export function createTranslator(language: string, catalog: Catalog): Translator {
  const formats = new Map<string, IntlMessageFormat>();
  const formatterOf = (key: string, message: Message): IntlMessageFormat => {
    let formatter = formats.get(key);
    if (!formatter) {
      // `ignoreTag`: angle brackets are plain text ("<5 minutes"); rich parts go through `parts`.
      formatter = new IntlMessageFormat(message, language, undefined, { ignoreTag: true });
      formats.set(key, formatter);
    }
    return formatter;
  };
  const t: Translate = (key, values) => {
    const message = catalog[key];
    if (message === undefined) return key;
    if (typeof message === 'string' && !hasSyntax(message)) return message;
    const out = formatterOf(key, message).format(values as Record<string, MessageValue>);
    return Array.isArray(out) ? out.join('') : String(out);
  };
  const parts: TranslateParts = (key, values) => {
    const message = catalog[key];
    if (message === undefined) return [key];
    if (typeof message === 'string' && !hasSyntax(message)) return [message];
    const out = formatterOf(key, message).format(values as Record<string, never>);
    return (Array.isArray(out) ? out : [out]) as never;
  };
  return { language, t, parts, has: (key) => key in catalog };
}
