// 10. A request for language help: an interpreter at the next meeting, and the plan and the notices in the
// language the parent reads (Spanish unless she chooses another).
//
// What each plan may cite, and no more (docs/legal-sources.md, "Language access"):
// - an IEP: the interpreter and the meeting (34 CFR 300.322(e)), prior written notice and the procedural
//   safeguards notice in the parent's native language (300.503(c), 300.504(d)). IDEA does not ask for the
//   IEP itself to be translated: that request rests on Title VI (42 U.S.C. 2000d; 34 CFR 100.3(b)(2));
// - a 504 plan: Title VI alone (no IDEA section);
// - a Canadian plan: no province's own text that As Written could check gives a parent an interpreter or a
//   translated plan, so the letter asks without citing a right, and a note for the parent says so.
// The 2015 joint guidance of the Departments of Justice and Education that read Title VI this way was
// withdrawn in August 2025: a note for the parent names it as guidance, the letter cites the law itself.

import type { CaseRecord } from '../case-record.ts';
import { addDays, formatLongDate, isIsoDate } from '../dates.ts';
import { pin, pins } from '../legal-sources.ts';
import { capitalize } from '../letter-words.ts';
import { CA_PROVINCES } from '../regions.ts';
import type { DraftLanguage } from './draft-language.ts';
import { LetterRequestError } from './request-error.ts';
import type { Letter, ReplyOption, Writer } from './writer.ts';
import * as writer from './writer.ts';

/** The language asked for when the parent names none. */
export const DEFAULT_LETTER_LANGUAGE = 'Spanish';

/** The longest language name the letter takes ("Chinese (Cantonese)", "Haitian Creole"). */
export const LANGUAGE_NAME_MAX = 60;

export type LanguageAccessOptions = ReplyOption & {
  /** The language the parent reads and speaks best, in English ("Spanish", "Vietnamese"); Spanish by default. */
  language?: string;
  /** The date of the next meeting of the team, when known: the letter names it. */
  meetingDate?: string;
};

/** "spanish " -> "Spanish"; empty -> Spanish. Refuses a name too long or with no letter in it. */
export function letterLanguage(language: string | undefined): string {
  const name = (language ?? '').trim().replace(/\s+/gu, ' ');
  if (name.length === 0) return DEFAULT_LETTER_LANGUAGE;
  if (name.length > LANGUAGE_NAME_MAX || !/\p{L}/u.test(name)) {
    throw new LetterRequestError(`the language is not a language name: ${name.slice(0, LANGUAGE_NAME_MAX)}`, {
      rule: 'letter.languageName',
      values: { name: name.slice(0, LANGUAGE_NAME_MAX) },
    });
  }
  return capitalize(name);
}

/** Whether English says "an" before the language's name: "an Arabic", "a Spanish", "a Ukrainian". */
function takesAn(word: string): 'yes' | 'no' {
  return /^(?!Uk)[AEIOU]/u.test(word) ? 'yes' : 'no';
}

// Languages parents ask for most, by their codes: to say the English name the parent gave in the
// letter's language (Intl's own names: "Vietnamese" is "vietnamita").
const LANGUAGE_CODES = [
  'es',
  'vi',
  'zh',
  'yue',
  'ar',
  'ht',
  'ko',
  'ru',
  'pt',
  'fr',
  'tl',
  'so',
  'hmn',
  'uk',
  'pl',
  'ja',
  'de',
  'it',
  'fa',
  'ur',
  'hi',
  'bn',
  'pa',
  'am',
  'ne',
  'my',
  'km',
  'lo',
  'th',
  'sw',
  'nv',
  'ps',
  'ti',
  'ro',
  'sq',
  'el',
  'he',
  'tr',
  'hy',
  'ka',
  'uz',
  'gu',
  'ta',
  'te',
  'mr',
  'sm',
  'to',
  'mh',
  'ml',
  'yi',
  'ku',
  'ilo',
  'ceb',
  'fil',
  'mn',
  'bs',
  'hr',
  'sr',
  'nl',
  'id',
  'ms',
  'ky',
  'kk',
  'tg',
  'dz',
  'rw',
  'ln',
];

/** The language's name in the letter's language: "Spanish" is "español"; a name Intl does not know stays as given. */
function languageNameIn(w: Writer, name: string): string {
  if (w.language === 'en') return name;
  const english = new Intl.DisplayNames(['en'], { type: 'language' });
  const code = LANGUAGE_CODES.find((c) => english.of(c)?.toLowerCase() === name.toLowerCase());
  return code ? (new Intl.DisplayNames([w.language], { type: 'language' }).of(code) ?? name) : name;
}

/**
 * The reply date: the one the parent chose, else the household's reply time; when the meeting comes
 * first, the last school day before the meeting (the school needs the time to book an interpreter), as
 * long as that is after the day the letter is written.
 */
function replyDate(record: CaseRecord, options: LanguageAccessOptions): string | undefined {
  if (options.respondBy != null || !options.meetingDate) return options.respondBy;
  const usual = writer.respondByFor(record);
  if (usual < options.meetingDate) return undefined;
  for (let day = addDays(options.meetingDate, -1); day > record.asOf; day = addDays(day, -1)) {
    if (record.isSchoolDay(day)) return day;
  }
  return undefined;
}

function provinceName(w: Writer, region: string | null): string {
  const code = (region ?? '').toUpperCase();
  const known = CA_PROVINCES.find(([c, name]) => c === code || name.toUpperCase() === code);
  return known?.[1] ?? w.t('letter.la.someProvince');
}

export function draftLanguageAccessRequest(
  record: CaseRecord,
  options: LanguageAccessOptions = {},
  draftLanguage?: DraftLanguage,
): Letter {
  writer.assertAvailable(record, 'request_language_access');
  const asked = letterLanguage(options.language);
  const meetingDate = options.meetingDate ?? null;
  if (meetingDate != null) {
    if (!isIsoDate(meetingDate))
      throw new LetterRequestError(`the meeting date is not a date: ${meetingDate}`, {
        rule: 'letter.meetingNotDate',
        values: { date: meetingDate },
      });
    if (meetingDate < record.asOf) {
      throw new LetterRequestError(
        `the meeting date (${formatLongDate(meetingDate, true)}) is before the day the letter is written (${formatLongDate(record.asOf, true)})`,
        { rule: 'letter.meetingBeforeLetter', values: { meeting: meetingDate, date: record.asOf } },
      );
    }
  }
  const w = writer.writerFor(record, false, { respondBy: replyDate(record, options) }, draftLanguage);
  const language = languageNameIn(w, asked);
  const an = takesAn(asked);
  const { child, planName } = w;
  const to = [writer.recipientForRole(w, 'case_manager')];
  const plan = record.plan;
  const isIep = plan?.kind === 'iep';
  const is504 = plan?.kind === '504';
  const canada = !w.isUnitedStates;

  // "the next IEP meeting, on Tuesday, November 10", "the next meeting of Emma's 504 team".
  const meeting = w.t('letter.la.meeting', {
    meeting: is504 ? 'plan504' : plan ? 'plan' : 'none',
    child,
    plan: planName,
  });
  const interpreter = w.t('letter.la.interpreter', {
    withArticle: w.t('letter.la.withArticleStart', { an, language }),
    meeting,
    hasDate: meetingDate ? 'yes' : 'no',
    date: meetingDate ? w.date(meetingDate) : '',
    citation: isIep && !canada ? w.t('letter.la.citation', { citation: pin('cfr-300-322-e') }) : '',
    child,
  });
  const translated = w.t('letter.la.translated', {
    canada: canada ? 'yes' : 'no',
    child,
    plan: planName,
    language,
  });
  const items = [interpreter, translated];
  if (isIep && !canada) {
    items.push(w.t('letter.la.notices', { language, citation: pins('cfr-300-503-c', 'cfr-300-504-d') }));
  }
  const titleVi = pins('usc-42-2000d', 'cfr-100-3-b-2');
  const basis = w.t('letter.la.basis', {
    basis: canada ? 'canada' : isIep ? 'iep' : 'titleVi',
    plan: planName,
    citation: titleVi,
  });

  const body = writer.letterBody(w, to, [
    w.t('letter.la.opening', { language, child, count: items.length }),
    items.map((item, i) => `${i + 1}. ${item}`).join('\n'),
    basis,
    `${writer.replySentence(w, 'arrangements')} ${w.t('letter.la.thanks')}`,
  ]);
  const subject = w.t('letter.la.subject', {
    withArticle: w.t('letter.la.withArticle', { an, language }),
    child,
    plan: planName,
    language,
  });

  // For the parent: what the letter rests on, and what it does not claim.
  if (canada) {
    w.notes.push(
      w.t('letter.la.noteCanada', {
        province: provinceName(w, plan?.jurisdiction.region ?? null),
        plan: planName,
      }),
    );
  } else if (isIep) {
    w.notes.push(
      w.t('letter.la.noteIep', {
        plan: planName,
        meetingCitation: pin('cfr-300-322-e'),
        noticeCitation: pins('cfr-300-503-c', 'cfr-300-504-d'),
        titleVi,
      }),
    );
  } else {
    w.notes.push(w.t('letter.la.noteTitleVi', { titleVi, is504: is504 ? 'yes' : 'no' }));
  }
  if (!canada) w.notes.push(w.t('letter.la.noteGuidance', { guidance: pin('dcl-2015-el-lep') }));
  const timing =
    meetingDate && w.respondBy && w.respondBy >= meetingDate
      ? 'callToo'
      : meetingDate
        ? 'sendSoon'
        : 'addDate';
  w.notes.push(w.t('letter.la.noteTiming', { timing }));
  return writer.finish(w, 'request_language_access', subject, to, writer.caseManagerCopy(record, to), body);
}
