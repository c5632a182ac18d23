import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { sayApiWordsQuoting } from '../domain/api-errors.ts';
import type { FieldIssue, MessageWords } from '../domain/errors.ts';
import { fieldMessage } from '../domain/i18n/field-errors.ts';
import {
  acceptedLanguages,
  DEFAULT_LANGUAGE,
  LANGUAGE_CODE,
  matchLanguage,
} from '../domain/i18n/languages.ts';
import { type Catalog, createTranslator, type Translator } from '../domain/i18n/translate.ts';

// The server's side of the catalogs (issue 17): every folder in src/domain/i18n/locales is a
// language the app offers (its files, one per part of the app, merged), read once at start. Emails, calendar-feed text and messages the server words for a
// person go through `translatorFor(language)`; a request's language is the signed-in person's
// choice, else the browser's Accept-Language.

export const LOCALES_DIR = join(import.meta.dirname, '..', 'domain', 'i18n', 'locales');

function readCatalogs(): Map<string, Catalog> {
  const catalogs = new Map<string, Catalog>();
  for (const language of readdirSync(LOCALES_DIR).sort()) {
    if (!LANGUAGE_CODE.test(language)) continue;
    // A language's catalog is every file of its folder, one per part of the app (its namespaces).
    const merged: Record<string, Catalog[string]> = {};
    for (const file of readdirSync(join(LOCALES_DIR, language)).sort()) {
      if (!file.endsWith('.json')) continue;
      Object.assign(merged, JSON.parse(readFileSync(join(LOCALES_DIR, language, file), 'utf8')) as Catalog);
    }
    catalogs.set(language, merged);
  }
  return catalogs;
}

const catalogs = readCatalogs();
const translators = new Map<string, Translator>();

/** The languages the app offers, by their catalogs' names ("en", "es"). */
export const AVAILABLE_LANGUAGES: readonly string[] = [...catalogs.keys()];

export function isAvailableLanguage(language: string): boolean {
  return catalogs.has(language);
}

/** The translator of a language; an unknown one gets the default language's. */
export function translatorFor(language: string | null | undefined): Translator {
  const chosen = language && catalogs.has(language) ? language : DEFAULT_LANGUAGE;
  let translator = translators.get(chosen);
  if (!translator) {
    translator = createTranslator(chosen, catalogs.get(chosen) ?? {});
    translators.set(chosen, translator);
  }
  return translator;
}

/** The language to answer in: the person's choice when they made one, else their browser's. */
export function requestLanguage(
  chosen: string | null | undefined,
  acceptLanguage: string | undefined,
): string {
  if (chosen && catalogs.has(chosen)) return chosen;
  return matchLanguage(acceptedLanguages(acceptLanguage), AVAILABLE_LANGUAGES);
}

/**
 * The language of the person making this request: their choice in the account, else their browser's; the
 * app's own languages, so a screen, a ledger note or a PDF for them reads 'es' or 'en'.
 */
export function readerLanguage(request: FastifyRequest): 'en' | 'es' {
  return requestLanguage(request.auth.session?.user.language, request.headers['accept-language']) === 'es'
    ? 'es'
    : 'en';
}

/**
 * An error's words for a reader of `language`: each field's message worded again from its code and
 * limits where the catalog has it, the whole message from its catalog key where it has one (else the
 * first field's, for a validation error); values in words first (a `…LongDate`, a quoted `…Words`:
 * `sayApiWords`). English readers get the messages exactly as written.
 */
export function localizeError(
  error: { message: string; fields?: FieldIssue[]; words?: MessageWords; validation?: boolean },
  language: string,
): { message: string; fields?: FieldIssue[] } {
  if (language === DEFAULT_LANGUAGE || !catalogs.has(language)) {
    return { message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  }
  const { t, has } = translatorFor(language);
  const fields = error.fields?.map((field) => {
    const words = fieldMessage(field);
    return words && has(words.key) ? { ...field, message: t(words.key, words.values) } : field;
  });
  let message = error.message;
  if (error.words && has(error.words.key)) {
    const said = sayApiWordsQuoting(error.words, translatorFor(language));
    message = said.text;
    // A refusal of one field (a file's) says the same on the field; a field that says what the
    // message quotes (the reason after "The calendar address …") says that quote.
    return {
      message,
      ...(fields
        ? {
            fields: fields.map((f, i) => {
              const written = error.fields?.[i]?.message;
              if (written === error.message) return { ...f, message: said.text };
              const quote =
                written !== undefined && f.message === written ? said.quoted.get(written) : undefined;
              return quote !== undefined ? { ...f, message: quote } : f;
            }),
          }
        : {}),
    };
  } else if (error.validation && fields?.[0] && fields[0].message !== error.fields?.[0]?.message) {
    message = t('error.validation', {
      path: fields[0].path,
      message: fields[0].message,
      more: fields.length - 1,
    });
  }
  return { message, ...(fields ? { fields } : {}) };
}
