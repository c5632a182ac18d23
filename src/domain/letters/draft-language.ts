// The language a letter is drafted in (issue 17): English or Spanish, apart from the language the parent
// reads the app in. Every sentence of a translated letter kind is a message of the letter catalog
// (src/domain/i18n/locales/<language>/letter.json, keys `letter.…`), which only the server and the domain
// read; dates and lists are written by Intl in the letter's language. A kind whose sentences are not in the
// catalog yet drafts in English only, and refuses another language with a coded error.
//
// Pure: the catalogs are imported as data.

import { formatLongDate } from '../dates.ts';
import type { RuleWords } from '../errors.ts';
import enLetter from '../i18n/locales/en/letter.json' with { type: 'json' };
import esLetter from '../i18n/locales/es/letter.json' with { type: 'json' };
import { createTranslator, type Translator } from '../i18n/translate.ts';
import { listWords, spanishLongDate } from '../letter-words.ts';
import { type LetterKind, SPANISH_LETTER_KINDS } from './kinds.ts';

export const DRAFT_LANGUAGES = ['en', 'es'] as const;
/** The language a letter is written in. */
export type DraftLanguage = (typeof DRAFT_LANGUAGES)[number];
export const DEFAULT_DRAFT_LANGUAGE: DraftLanguage = 'en';

/** The letter kinds whose every sentence is in the letter catalog, so they draft in every language. */
/** The letter kinds whose every sentence is in the letter catalog, so they draft in every language (one list, in kinds.ts, which the web app reads too). */
export const TRANSLATED_LETTER_KINDS: ReadonlySet<LetterKind> = SPANISH_LETTER_KINDS;

export function isDraftLanguage(language: unknown): language is DraftLanguage {
  return (DRAFT_LANGUAGES as readonly unknown[]).includes(language);
}

/** Thrown when a letter kind cannot be drafted in the language asked for yet (English always works). */
export class LetterLanguageUnavailableError extends Error {
  readonly code = 'letter_language_unavailable';
  readonly kind: LetterKind;
  readonly language: string;
  /** The rule and values that say it in the reader's language. */
  readonly words: RuleWords;
  constructor(kind: LetterKind, language: string) {
    const kindWords = kind.replaceAll('_', ' ');
    super(`A ${kindWords} letter can be drafted in English only for now, not in "${language}".`);
    this.name = 'LetterLanguageUnavailableError';
    this.kind = kind;
    this.language = language;
    this.words = { rule: 'letter.languageUnavailable', values: { kind, kindWords, language } };
  }
}

/** Throws unless a letter of this kind can be drafted in `language`. */
export function assertDraftLanguage(kind: LetterKind, language: string): void {
  if (language === DEFAULT_DRAFT_LANGUAGE) return;
  if (!isDraftLanguage(language) || !TRANSLATED_LETTER_KINDS.has(kind)) {
    throw new LetterLanguageUnavailableError(kind, language);
  }
}

const translators: Readonly<Record<DraftLanguage, Translator>> = {
  en: createTranslator('en', enLetter),
  es: createTranslator('es', esLetter),
};

/** The letter catalog's translator for a language. */
export function letterTranslator(language: DraftLanguage): Translator {
  return translators[language];
}

const spanishLists = new Intl.ListFormat('es', { style: 'long', type: 'conjunction' });

/**
 * A list in the letter's language: English as the letters always wrote it ("a, b and c"; semicolons
 * between items that hold commas), Spanish by Intl ("a, b y c").
 */
export function listIn(language: DraftLanguage, items: readonly string[]): string {
  if (language === 'en') return listWords(items);
  if (items.some((i) => i.includes(','))) {
    // Intl has no semicolon list: join the same way, with Spanish's conjunction from Intl.
    if (items.length <= 1) return items.join('');
    const last = spanishLists.formatToParts(['a', 'b']).find((p) => p.type === 'literal')?.value ?? ' y ';
    return `${items.slice(0, -1).join('; ')}${last}${items[items.length - 1]!}`;
  }
  return spanishLists.format(items);
}

/**
 * A date in the letter's words: "Tuesday, October 6" ("…, 2026" with the year); in Spanish "martes 6 de
 * octubre" ("… de 2026"), as the glossary writes dates (docs/glossary-es.md).
 */
export function dateIn(language: DraftLanguage, date: string, withYear: boolean): string {
  return language === 'en' ? formatLongDate(date, withYear) : spanishLongDate(date, withYear);
}
