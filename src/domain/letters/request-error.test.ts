import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inCanada, letterRecord, with504 } from '../../../test/support/letter-record.ts';
import type { CaseRecord } from '../case-record.ts';
import { type Catalog, createTranslator } from '../i18n/translate.ts';
import { LetterLanguageUnavailableError } from './draft-language.ts';
import { draftLetter, type LetterRequest } from './draft-letter.ts';
import { LetterRequestError } from './request-error.ts';
import { LetterUnavailableError } from './writer.ts';

// Every refusal of the letter drafter names its rule (issue 17), so the server says it in the reader's
// language: the English catalog gives the English message (dates stay as the school writes them,
// YYYY-MM-DD, in the catalog's words, as every rule's values do), the Spanish one Spanish words.

const LOCALES = join(import.meta.dirname, '..', 'i18n', 'locales');
const errorsOf = (language: string): Catalog =>
  JSON.parse(readFileSync(join(LOCALES, language, 'errors.json'), 'utf8')) as Catalog;
const english = createTranslator('en', errorsOf('en'));
const spanish = createTranslator('es', errorsOf('es'));

type Case = { name: string; record: CaseRecord; request: LetterRequest; language?: 'en' | 'es' };

const record = letterRecord();
const CASES: Case[] = [
  {
    name: 'a follow-up on a message received',
    record,
    request: { kind: 'follow_up_unanswered', communicationId: 'c-schedule-reply' },
  },
  {
    name: 'a follow-up on a message answered',
    record,
    request: { kind: 'follow_up_unanswered', communicationId: 'c-schedule' },
  },
  {
    name: 'a written follow-up of an email',
    record,
    request: { kind: 'follow_up_verbal', communicationId: 'c-calculator' },
  },
  {
    name: 'a message the record does not hold',
    record,
    request: { kind: 'follow_up_verbal', communicationId: 'nope' },
  },
  {
    name: 'a notice about no decision',
    record,
    request: { kind: 'request_prior_written_notice', decision: '  ' },
  },
  { name: 'a note the record does not hold', record, request: { kind: 'thank_you', noteId: 'nope' } },
  { name: 'a contact the record does not hold', record, request: { kind: 'thank_you', contactId: 'nope' } },
  { name: 'a reply date that is not a date', record, request: { kind: 'check_in', respondBy: 'soon' } },
  { name: 'a reply date before the letter', record, request: { kind: 'check_in', respondBy: '2020-01-02' } },
  {
    name: 'a meeting date before the letter',
    record,
    request: { kind: 'request_language_access', meetingDate: '2020-01-02' },
  },
  {
    name: 'a language that is no name',
    record,
    request: { kind: 'request_language_access', language: '123' },
  },
  {
    name: 'a service the record does not hold',
    record,
    request: { kind: 'request_service_logs', serviceId: 'nope' },
  },
  {
    name: 'questions about no difference',
    record,
    request: { kind: 'service_log_questions', differences: [] },
  },
  { name: 'a state complaint for a 504 plan', record: with504(), request: { kind: 'state_complaint' } },
  { name: 'an OCR outline for an IEP', record, request: { kind: 'ocr_complaint_outline' } },
  { name: 'a board appeal in Ontario', record: inCanada(), request: { kind: 'board_appeal' } },
  { name: 'a US step for a Canadian plan', record: inCanada(), request: { kind: 'state_complaint' } },
  {
    name: 'a US step for a Canadian plan without a province',
    record: inCanada(letterRecord(), null as never),
    request: { kind: 'state_complaint' },
  },
  {
    name: 'a notice request with no plan',
    record: { ...record, plan: null },
    request: { kind: 'request_prior_written_notice', decision: 'to cut speech' },
  },
  {
    name: 'a state complaint with no plan',
    record: { ...record, plan: null },
    request: { kind: 'state_complaint' },
  },
  {
    name: 'a letter in a language it is not drafted in',
    record,
    request: { kind: 'check_in' },
    language: 'fr' as never,
  },
];

function refusalOf(c: Case): { message: string; rule: string; values: Record<string, string | number> } {
  try {
    draftLetter(c.record, c.request, c.language);
  } catch (error) {
    if (
      error instanceof LetterRequestError ||
      error instanceof LetterUnavailableError ||
      error instanceof LetterLanguageUnavailableError
    )
      return { message: error.message, rule: error.words.rule, values: { ...error.words.values } };
    throw error;
  }
  throw new Error(`${c.name}: drafted`);
}

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

describe('the letter drafter’s refusals', () => {
  it.each(CASES)('$name: names its rule, said in English as the message and in Spanish', (c) => {
    const { message, rule, values } = refusalOf(c);
    expect(english.has(`error.rule.${rule}`), rule).toBe(true);
    expect(spanish.has(`error.rule.${rule}`), rule).toBe(true);
    const en = english.t(`error.rule.${rule}`, values);
    const es = spanish.t(`error.rule.${rule}`, values);
    // The English words are the message's, but for dates (the message writes them long, the catalog's
    // values are the record's own dates).
    if (Object.values(values).some((v) => typeof v === 'string' && ISO_DATE.test(v))) {
      for (const v of Object.values(values))
        if (typeof v === 'string' && ISO_DATE.test(v) && !message.includes(v)) expect(en).toContain(v);
    } else expect(en).toBe(message);
    expect(es).not.toBe(en);
    expect(es).not.toMatch(/\{|\}/);
  });

  it('keeps RangeError for its callers, and the English message as before', () => {
    const error = (() => {
      try {
        draftLetter(record, { kind: 'thank_you', noteId: 'nope' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe('no parent note with id nope in this record');
  });
});
