import { describe, expect, it } from 'vitest';
import { readingGrade } from '../../../test/support/reading-grade.ts';
import type { CasePlan, CaseRecord } from '../case-record.ts';
import { isoWeekday } from '../dates.ts';
import { citationsIn, unknownCitations } from '../legal-sources.ts';
import {
  CANADA_LETTER_KINDS,
  DEFAULT_LETTER_LANGUAGE,
  draftLanguageAccessRequest,
  draftLetter,
  isFormalLetter,
  type Letter,
  letterKindsForPlan,
  letterLanguage,
  lettersAvailable,
  REPLY_LETTER_KINDS,
} from '../letters.ts';
import { checkTone } from '../tone.ts';

// The request for language help (issue 17): an interpreter at the next meeting, and the plan and notices
// in the parent's language. Each plan cites what applies to it and no more: an IEP the IDEA sections on
// the meeting and the notices and Title VI for the plan itself; a 504 plan Title VI alone; a Canadian plan
// nothing, with a note that As Written found no provincial law it could cite.

// Today (asOf) is Friday 2026-10-16; Monday 2026-10-19 is no school day, so the reply clock's 5 school days
// end on Monday 2026-10-26.
function record(
  kind: CasePlan['kind'] | null = 'iep',
  country: 'US' | 'CA' = 'US',
  region = 'NY',
): CaseRecord {
  return {
    asOf: '2026-10-16',
    child: { id: 'child', firstName: 'Emma', lastName: 'Lopez', school: 'Lincoln Elementary', grade: '4' },
    parent: { name: 'Dana Lopez', email: 'dana@example.org' },
    plan: kind
      ? {
          id: 'plan',
          kind,
          jurisdiction: { country, region },
          title: null,
          effectiveFrom: '2026-09-08',
          effectiveTo: '2027-06-11',
        }
      : null,
    team: [
      { id: 'cm', name: 'Priya Shah', role: 'Case manager', email: 'shah@school.example' },
      { id: 'pr', name: 'Alan Ortiz', role: 'Principal', email: 'ortiz@school.example' },
    ],
    services: [],
    accommodations: [],
    goals: [],
    findings: [],
    communications: [],
    keyDates: [],
    parentNotes: [],
    isSchoolDay: (date) => isoWeekday(date) <= 5 && date !== '2026-10-19',
    inLongVacation: () => false,
  };
}

const US_WORDS = /CFR|IDEA|U\.S\.C|Title VI|Civil Rights Act|Ed\. Code|Section 504|OCR/u;

/** The checks every letter of this kind passes: tone, reading grade, citations in the table, the reply. */
function expectWellWritten(letter: Letter): void {
  expect(letter.kind).toBe('request_language_access');
  expect(checkTone(letter.body)).toEqual([]);
  expect(checkTone(letter.subject)).toEqual([]);
  const grade = readingGrade(`${letter.subject}\n${letter.body}`);
  expect(grade, `grade ${grade.toFixed(1)}\n${letter.body}`).toBeLessThanOrEqual(8);
  for (const text of [letter.subject, letter.body, ...letter.notes])
    expect(unknownCitations(text)).toEqual([]);
  expect(letter.respondBy).not.toBeNull();
  expect(letter.body).toMatch(
    /Could you reply by \w+day, \w+ \d+, in writing, to let me know what the school will arrange\?/u,
  );
  expect(letter.body).toContain('Could it be a trained interpreter, and not Emma or another child?');
  expect(letter.body.trimEnd().endsWith('Dana Lopez')).toBe(true);
  expect(letter.placeholders).toEqual([]);
}

describe('the letter kind', () => {
  it('every plan may draft it, a Canadian one too; it asks for a reply and is not a formal filing', () => {
    for (const r of [record('iep'), record('504'), record('iep', 'CA', 'ON'), record(null)]) {
      expect(lettersAvailable(r)).toContain('request_language_access');
      expect(letterKindsForPlan(r.plan)).toContain('request_language_access');
    }
    expect(CANADA_LETTER_KINDS.has('request_language_access')).toBe(true);
    expect(REPLY_LETTER_KINDS.has('request_language_access')).toBe(true);
    expect(isFormalLetter('request_language_access')).toBe(false);
  });

  it('draftLetter drafts it from a request', () => {
    const letter = draftLetter(record(), { kind: 'request_language_access', language: 'Korean' });
    expect(letter.subject).toBe("Request for a Korean interpreter and Emma's IEP in Korean");
  });

  it('the language is Spanish unless the parent names another, written as a name', () => {
    expect(DEFAULT_LETTER_LANGUAGE).toBe('Spanish');
    expect(letterLanguage(undefined)).toBe('Spanish');
    expect(letterLanguage('   ')).toBe('Spanish');
    expect(letterLanguage(' haitian   Creole ')).toBe('Haitian Creole');
    expect(() => letterLanguage('1234')).toThrow(RangeError);
    expect(() => letterLanguage('x'.repeat(61))).toThrow(RangeError);
  });
});

describe('an IEP in the United States', () => {
  it('asks for a Spanish interpreter at the meeting on its date, the IEP in Spanish and the notices, with the IDEA sections', () => {
    const letter = draftLanguageAccessRequest(record(), { meetingDate: '2026-11-10' });
    expect(letter.subject).toBe("Request for a Spanish interpreter and Emma's IEP in Spanish");
    expect(letter.to).toEqual([{ name: 'Priya Shah', email: 'shah@school.example' }]);
    expect(letter.cc).toEqual([]);
    expect(letter.body).toContain('Spanish is the language I read and speak best.');
    expect(letter.body).toContain('could you help with three things?');
    expect(letter.body).toContain(
      '1. A Spanish interpreter at the next IEP meeting, on Tuesday, November 10 (34 CFR 300.322(e)).',
    );
    expect(letter.body).toContain(
      "2. Emma's IEP in Spanish, with future versions of it and the notices and reports about it.",
    );
    expect(letter.body).toContain(
      '3. Prior written notice and the procedural safeguards notice in Spanish from now on ' +
        '(34 CFR 300.503(c); 34 CFR 300.504(d)).',
    );
    expect(letter.body).toContain(
      'For the IEP itself, I am asking under Title VI of the Civil Rights Act (42 U.S.C. 2000d; 34 CFR 100.3(b)(2)).',
    );
    expect(letter.respondBy).toBe('2026-10-26');
    expectWellWritten(letter);
  });

  it('cites the IDEA sections for the meeting and the notices, and never claims IDEA requires a translated IEP', () => {
    const letter = draftLanguageAccessRequest(record());
    expect(citationsIn(letter.body).sort()).toEqual(
      [
        '34 CFR 300.322(e)',
        '34 CFR 300.503(c)',
        '34 CFR 300.504(d)',
        '42 U.S.C. 2000d',
        '34 CFR 100.3(b)(2)',
      ].sort(),
    );
    expect(letter.notes.join('\n')).toContain(
      'IDEA does not require the IEP itself to be translated: the letter asks for it under Title VI (42 U.S.C. 2000d; 34 CFR 100.3(b)(2)).',
    );
    // The 2015 letter is named as guidance, for the parent, with its withdrawal; the letter cites the law.
    expect(letter.body).not.toContain('Dear Colleague');
    const guidance = letter.notes.find((n) => n.startsWith('Guidance, not law:'));
    expect(guidance).toContain(
      'Dear Colleague Letter on English Learner Students and Limited English Proficient Parents',
    );
    expect(guidance).toContain('withdrawn in August 2025');
    expectWellWritten(letter);
  });

  it.each([
    ['California', 'CA'],
    ['Illinois', 'IL'],
    ['Arizona', 'AZ'],
  ])('reads the same in %s (the federal sections; no state section is claimed)', (_name, region) => {
    const letter = draftLanguageAccessRequest(record('iep', 'US', region));
    expect(letter.body).toContain('(34 CFR 300.322(e))');
    expect(letter.body).not.toMatch(/Ed\. Code|Ill\. Adm\. Code|ILCS|R7-2/u);
    expectWellWritten(letter);
  });

  it('names the language the parent chose everywhere, with the right article', () => {
    const letter = draftLanguageAccessRequest(record(), { language: 'arabic' });
    expect(letter.subject).toBe("Request for an Arabic interpreter and Emma's IEP in Arabic");
    expect(letter.body).toContain('1. An Arabic interpreter at the next IEP meeting (34 CFR 300.322(e)).');
    expect(letter.body).toContain('notice in Arabic from now on');
    expect(`${letter.subject}\n${letter.body}`).not.toContain('Spanish');
    expectWellWritten(letter);
    expect(draftLanguageAccessRequest(record(), { language: 'Ukrainian' }).subject).toContain(
      'a Ukrainian interpreter',
    );
  });
});

describe('a 504 plan', () => {
  it('asks under Title VI alone: no IDEA section', () => {
    const letter = draftLanguageAccessRequest(record('504'), { meetingDate: '2026-11-10' });
    expect(letter.subject).toBe("Request for a Spanish interpreter and Emma's 504 plan in Spanish");
    expect(letter.body).toContain(
      "1. A Spanish interpreter at the next meeting of Emma's 504 team, on Tuesday, November 10.",
    );
    expect(letter.body).toContain("2. Emma's 504 plan in Spanish");
    expect(letter.body).toContain('could you help with two things?');
    expect(letter.body).toContain(
      'I am asking under Title VI of the Civil Rights Act (42 U.S.C. 2000d; 34 CFR 100.3(b)(2)).',
    );
    expect(letter.body).not.toMatch(/300\.\d+|IDEA|prior written notice|procedural safeguards/u);
    expect(letter.notes.join('\n')).not.toMatch(/300\.\d+/u);
    expect(letter.notes.join('\n')).toContain('does not cite them for a 504 plan');
    expectWellWritten(letter);
  });
});

describe('a Canadian plan', () => {
  it.each([
    ['ON', 'Ontario', 'IEP'],
    ['BC', 'British Columbia', 'IEP'],
    ['AB', 'Alberta', 'IPP'],
    ['NS', 'Nova Scotia', 'IEP'],
  ])(
    '%s: asks politely, cites no right, and tells the parent there is none it could cite',
    (region, name, plan) => {
      const letter = draftLanguageAccessRequest(record('iep', 'CA', region), { meetingDate: '2026-11-10' });
      expect(letter.subject).toBe(`Request for a Spanish interpreter and Emma's ${plan} in Spanish`);
      expect(`${letter.subject}\n${letter.body}`).not.toMatch(US_WORDS);
      expect(citationsIn(letter.body)).toEqual([]);
      expect(letter.body).toContain(
        `1. A Spanish interpreter at the next ${plan} meeting, on Tuesday, November 10.`,
      );
      expect(letter.body).toContain('if the board can provide them.');
      expect(letter.body).toContain(
        'If the board has a policy on interpreters or translation, could you send me a copy?',
      );
      expect(letter.notes[0]).toBe(
        `As Written found no law in ${name} that it could cite giving parents an interpreter at a meeting or the ${plan} ` +
          'in their language, so this letter asks without citing a right. Your school board may have its own policy ' +
          'on interpreters and translation: the letter asks for it.',
      );
      expect(letter.notes.join('\n')).not.toMatch(US_WORDS);
      expectWellWritten(letter);
    },
  );
});

describe('no plan yet', () => {
  it('asks about the child’s plan under Title VI, and says the IEP sections come with the plan', () => {
    const letter = draftLanguageAccessRequest(record(null));
    expect(letter.subject).toBe("Request for a Spanish interpreter and Emma's plan in Spanish");
    expect(letter.body).toContain("1. A Spanish interpreter at the next meeting about Emma's plan.");
    expect(letter.body).not.toMatch(/300\.\d+/u);
    expect(letter.body).toContain('(42 U.S.C. 2000d; 34 CFR 100.3(b)(2))');
    expectWellWritten(letter);
  });
});

describe('the meeting date and the reply date', () => {
  it('without a date, says so to the parent and asks for a reply in the household’s reply time', () => {
    const letter = draftLanguageAccessRequest(record());
    expect(letter.body).toContain('1. A Spanish interpreter at the next IEP meeting (34 CFR 300.322(e)).');
    expect(letter.respondBy).toBe('2026-10-26');
    expect(letter.notes.at(-1)).toContain('when you know the date of the next meeting, you can add it');
  });

  it('a meeting before the usual reply date: asks for a reply by the last school day before it', () => {
    const letter = draftLanguageAccessRequest(record(), { meetingDate: '2026-10-22' });
    expect(letter.respondBy).toBe('2026-10-21');
    expect(letter.body).toContain('Could you reply by Wednesday, October 21, in writing');
    expect(letter.notes.at(-1)).toContain('send this soon');
    expectWellWritten(letter);
  });

  it('a meeting with no school day left before it: the usual date, and a note to call the school as well', () => {
    // Tuesday 2026-10-20: Monday is no school day, and Friday is today.
    const letter = draftLanguageAccessRequest(record(), { meetingDate: '2026-10-20' });
    expect(letter.respondBy).toBe('2026-10-26');
    expect(letter.notes.at(-1)).toContain('you may want to call the school as well');
    expectWellWritten(letter);
  });

  it('the date the parent chose to be answered by is kept', () => {
    const letter = draftLanguageAccessRequest(record(), {
      meetingDate: '2026-10-22',
      respondBy: '2026-10-30',
    });
    expect(letter.respondBy).toBe('2026-10-30');
  });

  it('refuses a meeting date before the day the letter is written, or one that is no date', () => {
    expect(() => draftLanguageAccessRequest(record(), { meetingDate: '2026-10-15' })).toThrow(
      /the meeting date \(Thursday, October 15, 2026\) is before the day the letter is written/u,
    );
    expect(() => draftLanguageAccessRequest(record(), { meetingDate: '2026-13-01' })).toThrow(RangeError);
  });
});
