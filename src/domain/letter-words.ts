// Words the letter writer shares between letters: minutes, lists, what a missed session's reason or an
// observation's source means in a sentence, and who on the team holds a role. Dates are written by
// src/domain/dates.ts, in the record's locale. Pure: no clock, the same words on every machine.

import { formatLongDate, formatSchoolDate, monthName, RECORD_LOCALE, weekdayName } from './dates.ts';
import type { TeamRole } from './team-roles.ts';
import { countOf, listWords } from './word-lists.ts';

// Lists and counts live in ./word-lists.ts, which the web app's first screen imports alone (without the
// rest of the letters' words); the letters take them from here as before.
export { andList, countOf, listWords } from './word-lists.ts';

/** One "- item" line per item. */
export function bulletList(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}

/** "1 minute", "45 minutes", "390 minutes (6 hours 30 minutes)". */
export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  const words = countOf(rounded, 'minute');
  if (rounded < 120) return words;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return `${words} (${countOf(hours, 'hour')}${rest > 0 ? ` ${countOf(rest, 'minute')}` : ''})`;
}

/** The words of a text (letters and numbers, with inner apostrophes and hyphens): for length limits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** "Emma's". */
export function possessive(name: string): string {
  return `${name}'s`;
}

/** The plan's own words, in quotation marks, without doubling quotes the plan text already has. */
export function quotePlan(text: string): string {
  const trimmed = text.trim().replace(/^["“”]+|["“”]+$/gu, '');
  return `"${trimmed}"`;
}

/** "Speech therapy" -> "speech therapy" in mid-sentence, leaving acronyms ("OT consultation") alone. */
export function lowerFirst(text: string): string {
  if (/^\p{Lu}{2}/u.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A gap in the record the parent fills in before sending: "[your address]". */
export function placeholder(what: string): string {
  return `[${what}]`;
}

/**
 * The note naming the gaps a draft left ("Your record does not hold everything this letter needs: fill
 * in [your address] ..."). It is always the first of a letter's notes when there are gaps, so
 * `notesBesideGaps` can leave it out where the gaps are shown themselves.
 */
export function gapsNote(placeholders: readonly string[], what: 'letter' | 'appeal' = 'letter'): string {
  return `Your record does not hold everything this ${what} needs: fill in ${listWords(placeholders)} before you send it.`;
}

/** A draft's notes for the parent, without the one naming its gaps (`gapsNote`, first when there are gaps). */
export function notesBesideGaps(letter: {
  notes: readonly string[];
  placeholders: readonly string[];
}): string[] {
  return letter.placeholders.length > 0 ? letter.notes.slice(1) : [...letter.notes];
}

/** Every "[...]" placeholder in a text, in order of first appearance, without repeats. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(text.match(/\[[^\]\n]{1,80}\]/gu) ?? [])];
}

// ---------------------------------------------------------------------------------------------
// What recorded codes mean in a sentence. Reasons are the ledger's codes (src/domain/session-entry.ts);
// the words here are the letter's own, kinder than a label ("Student refused" becomes "declined").

export function missReasonWords(reason: string | null, childName: string): string {
  switch (reason) {
    case 'provider_absent':
      return 'the provider was out';
    case 'school_event':
      return 'a school event or assembly';
    case 'testing':
      return 'testing';
    case 'field_trip':
      return 'a field trip';
    case 'school_closed':
      return 'school was closed';
    case 'scheduling_conflict':
      return 'a scheduling conflict';
    case 'student_absent':
      return `${childName} was absent`;
    case 'student_refused':
      return `${childName} declined the session`;
    case null:
    case 'other':
    case 'unknown':
      return 'reason not noted';
    default:
      return reason;
  }
}

export function observationOutcomeWords(outcome: string): string {
  switch (outcome) {
    case 'provided':
      return 'in place';
    case 'partly':
      return 'only partly in place';
    case 'not_provided':
      return 'not in place';
    default:
      return 'not sure';
  }
}

export function observationSourceWords(source: string, childName: string): string | null {
  switch (source) {
    case 'child_report':
      return `${childName} told me`;
    case 'work_sample':
      return 'seen on a work sample';
    case 'teacher':
      return "from the teacher's note";
    case 'parent_saw':
      return 'I saw this myself';
    case 'school_record':
      return 'from the school record';
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The words that stand in for a role's holder the family has not named (who holds a role is read in
// src/domain/team-roles.ts).

export const ROLE_PLACEHOLDERS: Readonly<Record<TeamRole | 'provider', string>> = {
  case_manager: placeholder("case manager's name"),
  teacher: placeholder("teacher's name"),
  principal: placeholder("principal's name"),
  director: placeholder("special education director's name"),
  superintendent: placeholder("superintendent's name"),
  board: placeholder('school board (chair or secretary)'),
  provider: placeholder("provider's name"),
};

// ---------------------------------------------------------------------------------------------
// What a letter carries and asks, in words the editor shares with the server (no zod here, so the web
// app may import it): the .eml attachment, the reply date, the gaps still to fill in.

/**
 * What goes with the letter in its .eml: nothing, the session log (CSV) or the implementation report
 * (PDF). The escalation letter stays short and leaves the details to the attachment.
 */
export const LETTER_ATTACHMENTS = ['none', 'sessions_csv', 'report_pdf'] as const;
export type LetterAttachment = (typeof LETTER_ATTACHMENTS)[number];

/** "reply by Friday, October 23" (with the year when it is not the year of `today`). */
export function replyByWords(date: string, today: string): string {
  return `reply by ${formatLongDate(date, date.slice(0, 4) !== today.slice(0, 4))}`;
}

// The names formatLongDate writes, to find its dates again in a letter the parent edited.
const WEEKDAY_WORDS = `(?:${[1, 2, 3, 4, 5, 6, 7].map((d) => weekdayName(d, RECORD_LOCALE)).join('|')})`;
const MONTH_WORDS = `(?:${Array.from({ length: 12 }, (_, m) => monthName(m + 1, RECORD_LOCALE)).join('|')})`;

/**
 * A date as a Spanish letter writes it (docs/glossary-es.md): "martes 10 de noviembre", "martes 10 de
 * noviembre de 2026" with the year (Intl writes a comma after the weekday; the glossary does not).
 */
export function spanishLongDate(date: string, withYear = false): string {
  return formatSchoolDate(date, withYear ? 'weekdayLongYear' : 'weekdayLong', 'es').replace(
    /^(\p{L}+),\s/u,
    '$1 ',
  );
}

// The same in Spanish: "a más tardar el viernes 23 de octubre" (the letter catalog's reply sentence).
const ES_WEEKDAY_WORDS = `(?:${[1, 2, 3, 4, 5, 6, 7].map((d) => weekdayName(d, 'es')).join('|')})`;
const ES_MONTH_WORDS = `(?:${Array.from({ length: 12 }, (_, m) => monthName(m + 1, 'es')).join('|')})`;

/**
 * The letter with its reply date changed from `from` to `to`, or null when the text no longer holds
 * "reply by <from>" (the parent rewrote the sentence). Pure, so the editor and the server agree. A letter
 * drafted in Spanish (`language` 'es') asks "a más tardar el <from>".
 */
export function replaceRespondBy(
  text: string,
  from: string,
  to: string,
  today: string,
  language: 'en' | 'es' = 'en',
): string | null {
  const spanish = language === 'es';
  const date = spanish
    ? new RegExp(`a más tardar el (${ES_WEEKDAY_WORDS} \\d{1,2} de ${ES_MONTH_WORDS}(?: de \\d{4})?)`, 'gu')
    : new RegExp(`reply by (${WEEKDAY_WORDS}, ${MONTH_WORDS} \\d{1,2}(?:, \\d{4})?)`, 'gu');
  const old = spanish
    ? [spanishLongDate(from), spanishLongDate(from, true)]
    : [formatLongDate(from), formatLongDate(from, true)];
  let done = false;
  const out = text.replace(date, (match, words: string) => {
    if (done || !old.includes(words)) return match;
    done = true;
    return spanish
      ? `a más tardar el ${spanishLongDate(to, to.slice(0, 4) !== today.slice(0, 4))}`
      : replyByWords(to, today);
  });
  return done ? out : null;
}

/** Whether the text still asks for a reply by `date` ("reply by Friday, October 23"; in Spanish "a más tardar el ..."). */
export function asksReplyBy(text: string, date: string, language: 'en' | 'es' = 'en'): boolean {
  return replaceRespondBy(text, date, date, date, language) != null;
}

// ---------------------------------------------------------------------------------------------
// What goes with the letter, in words: the sentence that tells the reader what is attached.

// The letter catalog's `letter.attachment` in each language a letter is drafted in (the web app imports this
// file without the catalog; src/domain/letters/letter-language.test.ts checks the two agree).
const ATTACHMENT_SENTENCES: Readonly<
  Record<'en' | 'es', Readonly<Record<Exclude<LetterAttachment, 'none'>, string>>>
> = {
  en: {
    sessions_csv: 'The attached session log has the details: each session, with its date and minutes.',
    report_pdf: 'The attached report has the details: each session, each missed date, and my notes.',
  },
  es: {
    sessions_csv:
      'El registro de sesiones adjunto tiene los detalles: cada sesión, con su fecha y sus minutos.',
    report_pdf: 'El informe adjunto tiene los detalles: cada sesión, cada fecha perdida y mis notas.',
  },
};

/** The sentence naming the attachment, or null for none, in the letter's language (English by default). */
export function attachmentSentence(
  attachment: LetterAttachment,
  language: 'en' | 'es' = 'en',
): string | null {
  return attachment === 'none' ? null : ATTACHMENT_SENTENCES[language][attachment];
}

/**
 * The letter with its attachment sentence changed for a new choice (removed for none), or the text as it
 * is when it does not name the old attachment (the parent wrote their own words, or there was none).
 */
export function replaceAttachmentSentence(
  text: string,
  from: LetterAttachment,
  to: LetterAttachment,
  language: 'en' | 'es' = 'en',
): string {
  const old = attachmentSentence(from, language);
  if (!old || !text.includes(old)) return text;
  const next = attachmentSentence(to, language);
  if (next) return text.replace(old, next);
  // Removed with the paragraph break that set it apart, so no empty paragraph is left.
  return text
    .replace(`\n\n${old}`, '')
    .replace(old, '')
    .replace(/\n{3,}/gu, '\n\n');
}

// ---------------------------------------------------------------------------------------------
// Placeholders left in a letter: they block "Mark as sent" and the .eml until filled in or removed.

export type PlaceholderSpot = {
  placeholder: string;
  /** Where it is: "subject", "body", "to.0.name", "cc.1.name". */
  field: string;
  /** Its place in that field's text. */
  start: number;
  end: number;
};

/**
 * Every gap the draft left ("[days and times that work for you]") that is still in the letter, where it
 * is. Only the draft's own placeholders count: brackets the parent typed, or quoted from the plan, do not
 * block sending.
 */
export function unfilledPlaceholders(letter: {
  subject: string;
  body: string;
  to: readonly { name: string }[];
  cc: readonly { name: string }[];
  placeholders: readonly string[];
}): PlaceholderSpot[] {
  const fields: [string, string][] = [
    ['subject', letter.subject],
    ['body', letter.body],
    ...letter.to.map((r, i): [string, string] => [`to.${i}.name`, r.name]),
    ...letter.cc.map((r, i): [string, string] => [`cc.${i}.name`, r.name]),
  ];
  const spots: PlaceholderSpot[] = [];
  for (const [field, text] of fields) {
    for (const placeholder of letter.placeholders) {
      for (let at = text.indexOf(placeholder); at >= 0; at = text.indexOf(placeholder, at + 1)) {
        spots.push({ placeholder, field, start: at, end: at + placeholder.length });
      }
    }
  }
  const order = fields.map(([f]) => f);
  return spots.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field) || a.start - b.start);
}
