import { AppError, type ErrorCode, type FieldIssue, type MessageWords } from './errors.ts';
import en from './i18n/locales/en/apierror.json' with { type: 'json' };
import { createTranslator, type Translator } from './i18n/translate.ts';

// The server's refusals a person reads (sign-in, links, invitations, members, letters, records,
// corrections, service logs, attachments, imports, calendars, transfers, ...), written once in the
// catalog part `apierror` (docs/translating.md; issue 17). A service says one as
// `apiError(code, key, values, fields)`: the English `message` (existing clients, the tests and the CLI
// read it, so it is exactly the catalog's English) and the words the server says in the reader's
// language (src/server/i18n.ts, `localizeError`). Values are strings or numbers as they are printed
// (ids, masked emails, names, dates); a number a message counts by (a plural) stays a number.
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
  return { message: english.t(words.key, values), words };
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
