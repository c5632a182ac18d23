import { describe, expect, it } from 'vitest';
import {
  checkTone,
  KNOWN_ACRONYMS,
  MAX_SINGLE_EXCLAMATIONS,
  type ToneFlag,
  type ToneRuleId,
} from './tone.ts';

function rules(flags: readonly ToneFlag[]): ToneRuleId[] {
  return flags.map((f) => f.rule);
}

function phrases(flags: readonly ToneFlag[]): string[] {
  return flags.map((f) => f.phrase);
}

describe('checkTone: each rule flags its phrase', () => {
  it.each<[string, ToneRuleId, string]>([
    ['You failed to provide the calculator.', 'you_failed', 'You failed to provide'],
    ["You've failed to tell me about the change.", 'you_failed', "You've failed to tell"],
    ['you failed.', 'you_failed', 'you failed'],
    ['The school failed to offer the calculator.', 'failed_to', 'failed to offer'],
    ['The aide refused to help.', 'refused', 'refused to help'],
    ['They refuse every request.', 'refused', 'refuse'],
    ['You never responded to my email.', 'never_replied', 'You never responded'],
    ['She never gets her breaks.', 'never', 'never'],
    ['He is always in the back row.', 'always', 'always'],
    ['This is negligent.', 'negligent', 'negligent'],
    ['This is illegal.', 'illegal', 'illegal'],
    ['This is a violation of her IEP.', 'violation', 'violation'],
    ['You violated the plan.', 'violation', 'violated'],
    ['I demand a meeting.', 'demand', 'demand'],
    ['This is unacceptable.', 'unacceptable', 'unacceptable'],
    ['The teacher lied to me.', 'lied', 'lied'],
    ['The staff are incompetent.', 'incompetent', 'incompetent'],
    ['What do you people do all day?', 'you_people', 'you people'],
    ['Obviously, nobody read the plan.', 'sarcasm', 'Obviously'],
    ['Clearly you did not read it.', 'sarcasm', 'Clearly you'],
    ['Per my last email, she needs a calculator.', 'sarcasm', 'Per my last email'],
    ['As I already said, she needs a calculator.', 'sarcasm', 'As I already said'],
    ['Please READ the plan.', 'all_caps', 'READ'],
    ['Please read the plan!!', 'exclamation', '!!'],
    ['Why?!', 'exclamation', '?!'],
  ])('%s -> %s', (text, rule, phrase) => {
    const flags = checkTone(text);
    expect(rules(flags)).toEqual([rule]);
    expect(flags[0]!.phrase).toBe(phrase);
    expect(flags[0]!.why.length).toBeGreaterThan(10);
    expect(flags[0]!.suggestion.length).toBeGreaterThan(5);
  });

  it('is case-insensitive', () => {
    expect(rules(checkTone('She ALWAYS sits in the back'))).toEqual(['always']);
    expect(rules(checkTone('she Never gets it'))).toEqual(['never']);
    expect(rules(checkTone('YOU FAILED TO PROVIDE it'))).toEqual(['you_failed']);
  });

  it('gives start and end offsets into the text, so the editor can underline the phrase', () => {
    const text = 'Hello. You failed to provide the calculator, and she never got a break.';
    const flags = checkTone(text);
    expect(flags.map((f) => [f.rule, f.start, f.end])).toEqual([
      ['you_failed', 7, 28],
      ['never', 53, 58],
    ]);
    for (const f of flags) expect(text.slice(f.start, f.end)).toBe(f.phrase);
  });

  it('returns flags sorted by position', () => {
    const flags = checkTone('Never again! You always forget. I demand a fix.');
    expect(flags.map((f) => f.start)).toEqual([...flags.map((f) => f.start)].sort((a, b) => a - b));
    expect(rules(flags)).toEqual(['never', 'always', 'demand']);
  });

  it('keeps the most specific rule when two match the same words ("you never responded" is not also "never")', () => {
    expect(rules(checkTone('You never responded.'))).toEqual(['never_replied']);
    expect(rules(checkTone('You failed to offer it.'))).toEqual(['you_failed']);
  });
});

describe('checkTone: whole words only', () => {
  it.each([
    'The hallways are loud.',
    'Nevertheless, the plan is working.',
    'Whenever she uses the calculator, her scores go up.',
    'Her violin lesson is on Tuesday.',
    'She has been lying down after lunch because she is tired.',
    'The failure chart in science is about plants.',
    'I appreciate the feedback on her essay.',
    'The speech therapist applied new strategies.',
  ])('does not flag: %s', (text) => {
    expect(checkTone(text)).toEqual([]);
  });

  it('does not find "always" inside "hallways" or "never" inside "whenever", even in capitals', () => {
    expect(checkTone('HALLWAYS and WHENEVER', { acronyms: ['HALLWAYS', 'WHENEVER'] })).toEqual([]);
  });
});

describe("checkTone: suggestions are the article's gentler forms, rewritten with the parent's words", () => {
  it('"you never responded" becomes "I haven\'t yet heard back about ..."', () => {
    const [flag] = checkTone('You never responded to my email about the headphones.');
    expect(flag!.suggestion).toBe(
      "I haven't yet heard back about my email about the headphones. Could you let me know when you have a moment?",
    );
  });

  it('"you never replied" with nothing after it names the message by its date', () => {
    const [flag] = checkTone('You never replied.');
    expect(flag!.suggestion).toBe(
      "I haven't yet heard back about my message of [date]. Could you let me know when you have a moment?",
    );
  });

  it('"you failed to provide ..." becomes "It looks like ... was not provided. Help me understand what happened?"', () => {
    const [flag] = checkTone('You failed to provide the calculator during the math test.');
    expect(flag!.suggestion).toBe(
      'It looks like the calculator was not provided during the math test. Help me understand what happened?',
    );
  });

  it('"failed to offer Emma the calculator" turns the indirect object around', () => {
    const [flag] = checkTone('The sub failed to offer Emma the calculator on Tuesday.');
    expect(flag!.suggestion).toBe(
      'It looks like the calculator was not offered to Emma on Tuesday. Help me understand what happened?',
    );
  });

  it('"failed to tell me about ..." becomes "I was not told about ..."', () => {
    const [flag] = checkTone('You failed to tell me about the schedule change.');
    expect(flag!.suggestion).toBe(
      'It looks like I was not told about the schedule change. Help me understand what happened?',
    );
  });

  it('"failed to respond to my email" becomes "I haven\'t yet heard back"', () => {
    const [flag] = checkTone('You failed to respond to my email of October 6.');
    expect(flag!.suggestion).toBe(
      "I haven't yet heard back about my email of October 6. Could you let me know when you have a moment?",
    );
  });

  it('an unknown verb falls back to the general form', () => {
    const [flag] = checkTone('They refused to let her use it.');
    expect(flag!.suggestion).toBe(
      "It looks like this didn't happen as planned. Help me understand what happened?",
    );
  });

  it('"refused" on its own asks for the reasons and offers to problem-solve', () => {
    const [flag] = checkTone('The principal refused.');
    expect(flag!.suggestion).toBe(
      'Help me understand the reasons for this decision? Can we problem-solve together?',
    );
  });

  it('capitals are suggested in ordinary letters', () => {
    const [flag] = checkTone('PLEASE READ THIS before Friday.');
    expect(flag!.phrase).toBe('PLEASE READ THIS');
    expect(flag!.suggestion).toContain('"please read this"');
  });

  it("unacceptable and demand get the article's forms", () => {
    const flags = checkTone('This is unacceptable. I demand a meeting.');
    expect(flags.map((f) => f.suggestion)).toEqual([
      'This worries me because ... Can we problem-solve together?',
      "I'd like to request ... / Could we ...?",
    ]);
  });

  it('every suggestion passes the check itself', () => {
    const text = [
      'You failed to provide the calculator during the math test.',
      'You never responded to my email.',
      'She never gets breaks and is always in the back.',
      'This is negligent, illegal and a violation.',
      'I demand a meeting; this is unacceptable.',
      'You people lied and are incompetent.',
      'Obviously, clearly you did not read it. Per my last email, as I already said.',
      'PLEASE READ THIS!!! Now! Today! Tomorrow!',
      'They refused.',
    ].join(' ');
    const flags = checkTone(text);
    expect(flags.length).toBeGreaterThan(15);
    for (const flag of flags) expect(checkTone(flag.suggestion), flag.suggestion).toEqual([]);
  });
});

describe('checkTone: capitals', () => {
  it('does not flag known acronyms', () => {
    const text =
      'Her IEP lists OT, PT and SLP services; ESY, FAPE, IDEA, OCR, 34 CFR, ADHD, ASD, USA, the PDF.';
    expect(checkTone(text)).toEqual([]);
    for (const acronym of ['IEP', 'SLP', 'ESY', 'FAPE', 'IDEA', 'OCR', 'CFR', 'ADHD', 'ASD', 'USA', 'PDF']) {
      expect(KNOWN_ACRONYMS.has(acronym)).toBe(true);
    }
  });

  it('does not flag words of one or two capitals, plurals of acronyms or Roman numerals', () => {
    expect(checkTone('I think OK, the IEPs of Title III and Part B are fine.')).toEqual([]);
  });

  it('flags a run of capitals as one raised voice', () => {
    const flags = checkTone('She needs her calculator. THIS IS NOT OPTIONAL.');
    expect(phrases(flags)).toEqual(['THIS IS NOT OPTIONAL']);
  });

  it("flags contractions in capitals (DON'T)", () => {
    expect(phrases(checkTone("Please DON'T move her seat."))).toEqual(["DON'T"]);
  });

  it("accepts more acronyms from the caller (a school's initials)", () => {
    expect(rules(checkTone('She loves KIPP.'))).toEqual(['all_caps']);
    expect(checkTone('She loves KIPP.', { acronyms: ['kipp'] })).toEqual([]);
  });

  it('flags capitals in accented words too', () => {
    expect(phrases(checkTone('Her ÉCOLE called.'))).toEqual(['ÉCOLE']);
  });
});

describe('checkTone: exclamation marks', () => {
  it(`allows up to ${MAX_SINGLE_EXCLAMATIONS} single exclamation marks`, () => {
    expect(checkTone('Thank you! She loved it!')).toEqual([]);
  });

  it('flags every single one when there are more than two', () => {
    const flags = checkTone('Thank you! She loved it! Great!');
    expect(rules(flags)).toEqual(['exclamation', 'exclamation', 'exclamation']);
    expect(flags.map((f) => f.start)).toEqual([9, 23, 30]);
  });

  it('flags two or more in a row as one flag', () => {
    const flags = checkTone('Please call me!!!');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ phrase: '!!!', start: 14, end: 17, rule: 'exclamation' });
  });
});

describe('checkTone: formal documents', () => {
  it('allows the legal words a state complaint needs', () => {
    const text =
      'I believe the district violated a requirement of Part B: it failed to implement the IEP, and refused to make up sessions. This violation continues.';
    expect(rules(checkTone(text))).toEqual(['violation', 'failed_to', 'refused', 'violation']);
    expect(checkTone(text, { formal: true })).toEqual([]);
  });

  it('still flags blame, insults, absolutes, capitals and sarcasm', () => {
    const text = 'You failed to help. The staff are incompetent and NEVER listen. Obviously.';
    expect(rules(checkTone(text, { formal: true }))).toEqual([
      'you_failed',
      'incompetent',
      'never',
      'sarcasm',
    ]);
  });
});

describe('checkTone: clean texts', () => {
  it.each([
    // The article's own example and phrases.
    "I noticed that Emma didn't use her calculator during math, though it's listed as an accommodation in her IEP. Could we touch base to make sure staff are aware of her supports?",
    'Help me understand what happened on Tuesday?',
    'Can we problem-solve together?',
    "I haven't yet heard back about my email of Tuesday, October 6. Could you let me know when you have a moment?",
    'Thank you for talking with me today. To make sure I understood: make-up sessions will be on Wednesdays.',
    'It looks like the calculator was not provided during the math test. Help me understand what happened?',
    '',
  ])('flags nothing in: %s', (text) => {
    expect(checkTone(text)).toEqual([]);
  });
  // Every letter the builders produce is checked in letters.test.ts ("flags nothing in any letter").
});
