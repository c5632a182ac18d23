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
import { capitalize, possessive } from '../letter-words.ts';
import { CA_PROVINCES } from '../regions.ts';
import type { Letter, ReplyOption } from './writer.ts';
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
    throw new RangeError(`the language is not a language name: ${name.slice(0, LANGUAGE_NAME_MAX)}`);
  }
  return capitalize(name);
}

/** "an Arabic", "a Spanish", "a Ukrainian". */
function withArticle(word: string): string {
  return `${/^(?!Uk)[AEIOU]/u.test(word) ? 'an' : 'a'} ${word}`;
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

function provinceName(region: string | null): string {
  const code = (region ?? '').toUpperCase();
  const known = CA_PROVINCES.find(([c, name]) => c === code || name.toUpperCase() === code);
  return known?.[1] ?? 'the province or territory';
}

export function draftLanguageAccessRequest(record: CaseRecord, options: LanguageAccessOptions = {}): Letter {
  writer.assertAvailable(record, 'request_language_access');
  const language = letterLanguage(options.language);
  const meetingDate = options.meetingDate ?? null;
  if (meetingDate != null) {
    if (!isIsoDate(meetingDate)) throw new RangeError(`the meeting date is not a date: ${meetingDate}`);
    if (meetingDate < record.asOf) {
      throw new RangeError(
        `the meeting date (${formatLongDate(meetingDate, true)}) is before the day the letter is written (${formatLongDate(record.asOf, true)})`,
      );
    }
  }
  const w = writer.writerFor(record, false, { respondBy: replyDate(record, options) });
  const { child, planName } = w;
  const to = [writer.recipientForRole(record, 'case_manager')];
  const plan = record.plan;
  const isIep = plan?.kind === 'iep';
  const is504 = plan?.kind === '504';
  const canada = !w.isUnitedStates;

  // "the next IEP meeting, on Tuesday, November 10", "the next meeting of Emma's 504 team".
  const meeting = is504
    ? `the next meeting of ${possessive(child)} 504 team`
    : plan
      ? `the next ${planName} meeting`
      : `the next meeting about ${possessive(child)} plan`;
  const when = meetingDate ? `, on ${w.date(meetingDate)}` : '';
  const interpreter =
    `${capitalize(withArticle(language))} interpreter at ${meeting}${when}` +
    (isIep && !canada ? ` (${pin('cfr-300-322-e')})` : '') +
    `. Could it be a trained interpreter, and not ${child} or another child?`;
  const thePlan = plan ? `${possessive(child)} ${planName}` : `${possessive(child)} plan`;
  const translated = canada
    ? `${thePlan} in ${language}, with future versions of it and notices about it, if the board can provide them.`
    : `${thePlan} in ${language}, with future versions of it and the notices and reports about it.`;
  const items = [interpreter, translated];
  if (isIep && !canada) {
    items.push(
      `Prior written notice and the procedural safeguards notice in ${language} from now on ` +
        `(${pins('cfr-300-503-c', 'cfr-300-504-d')}).`,
    );
  }
  const titleVi = pins('usc-42-2000d', 'cfr-100-3-b-2');
  const basis = canada
    ? 'If the board has a policy on interpreters or translation, could you send me a copy?'
    : isIep
      ? `For the ${planName} itself, I am asking under Title VI of the Civil Rights Act (${titleVi}).`
      : `I am asking under Title VI of the Civil Rights Act (${titleVi}).`;

  const body = writer.letterBody(w, to, [
    `I'm writing to ask for help with language. ${language} is the language I read and speak best. ` +
      `So that I can take a full part in planning for ${child}, could you help with ${items.length === 3 ? 'three' : 'two'} things?`,
    items.map((item, i) => `${i + 1}. ${item}`).join('\n'),
    basis,
    `${writer.replySentence(w, ', in writing, to let me know what the school will arrange')} Thank you for your help.`,
  ]);
  const subject = `Request for ${withArticle(language)} interpreter and ${thePlan} in ${language}`;

  // For the parent: what the letter rests on, and what it does not claim.
  if (canada) {
    w.notes.push(
      `As Written found no law in ${provinceName(plan?.jurisdiction.region ?? null)} that it could cite giving parents an interpreter ` +
        `at a meeting or the ${planName} in their language, so this letter asks without citing a right. ` +
        'Your school board may have its own policy on interpreters and translation: the letter asks for it.',
    );
  } else if (isIep) {
    w.notes.push(
      `Law: the school takes whatever action is necessary so that you understand the ${planName} meeting, including an interpreter ` +
        `(${pin('cfr-300-322-e')}); prior written notice and the procedural safeguards notice come in your native language ` +
        `unless it is clearly not feasible (${pins('cfr-300-503-c', 'cfr-300-504-d')}). IDEA does not require the ${planName} itself ` +
        `to be translated: the letter asks for it under Title VI (${titleVi}).`,
    );
  } else {
    w.notes.push(
      `Law: Title VI (${titleVi}) bars discrimination based on national origin in schools that receive federal funds. ` +
        (is504
          ? 'The IDEA rules on interpreters and notices are for an IEP, so this letter does not cite them for a 504 plan.'
          : 'Once the plan is added, a letter for an IEP also cites the IDEA rules on interpreters and notices.'),
    );
  }
  if (!canada) {
    w.notes.push(
      `Guidance, not law: ${pin('dcl-2015-el-lep')} read Title VI to ask schools to communicate with parents in a language ` +
        'they understand, about special education and IEP meetings too, through competent interpreters and translators. ' +
        'It was withdrawn in August 2025, so the letter cites Title VI itself.',
    );
  }
  if (meetingDate && w.respondBy && w.respondBy >= meetingDate) {
    w.notes.push(
      'The meeting comes before a reply could be expected: you may want to call the school as well, so the interpreter is booked in time.',
    );
  } else {
    w.notes.push(
      meetingDate
        ? 'Interpreters are booked ahead: send this soon, so the school has time before the meeting.'
        : 'Interpreters are booked ahead: when you know the date of the next meeting, you can add it to the letter.',
    );
  }
  return writer.finish(w, 'request_language_access', subject, to, writer.caseManagerCopy(record, to), body);
}
