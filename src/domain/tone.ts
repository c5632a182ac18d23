// The tone check: flags accusing or absolute phrasing in anything a parent writes to the school, and
// offers the article's gentler forms ("Help me understand...", "Can we problem-solve together?").
//
// Why it matters (see the article in ../shared/seed/): "Be specific but non-accusatory." A letter that
// says "you failed to provide" or "she never gets her breaks" invites a debate about blame and about the
// exceptions; a letter that names the plan's words and the dates invites a fix. The check is advice, not
// a gate: the parent decides. Pure: no I/O.
//
// Formal documents (a state complaint, an OCR complaint outline) must use legal words such as
// "violated a requirement of Part B" (34 CFR 300.153(b)(1)); `{ formal: true }` lets those through while
// still flagging insults, capitals and sarcasm.

export type ToneRuleId =
  | 'you_failed'
  | 'failed_to'
  | 'never_replied'
  | 'never'
  | 'always'
  | 'refused'
  | 'negligent'
  | 'illegal'
  | 'violation'
  | 'demand'
  | 'unacceptable'
  | 'lied'
  | 'incompetent'
  | 'you_people'
  | 'sarcasm'
  | 'all_caps'
  | 'exclamation';

export type ToneFlag = {
  /** UTF-16 offsets into the checked text, `text.slice(start, end) === phrase`. */
  start: number;
  end: number;
  phrase: string;
  rule: ToneRuleId;
  /** Why this reads badly, in plain words. */
  why: string;
  /** A gentler way to say it, rewritten with the parent's own words where the phrase allows. */
  suggestion: string;
};

export type ToneOptions = {
  /** A formal complaint: legal terms ("violated", "failed to implement", "refused") are expected there. */
  formal?: boolean;
  /** More words in capitals that are names, not shouting (a school's initials, a program's name). */
  acronyms?: readonly string[];
};

/**
 * Words written in capitals that are acronyms or names, not shouting. Two-letter ones (OT, PT) are never
 * flagged anyway (the rule starts at 3 letters) but are listed so the list reads as the vocabulary.
 */
export const KNOWN_ACRONYMS: ReadonlySet<string> = new Set([
  // Plans and meetings
  'IEP',
  'IFSP',
  'IPP',
  'IPRC',
  'OSR',
  'ISP',
  'BIP',
  'FBA',
  'IEE',
  'PWN',
  'ARD',
  'CSE',
  'CPSE',
  'SST',
  'MDT',
  'ESY',
  'LRE',
  'PLAAFP',
  'PLOP',
  'RTI',
  'MTSS',
  'PBIS',
  // Services and providers
  'OT',
  'PT',
  'SLP',
  'SLPA',
  'COTA',
  'ABA',
  'AAC',
  'BCBA',
  'ELL',
  'ESL',
  'EAL',
  'ELA',
  'ASL',
  'STEM',
  'SPED',
  'SPE',
  // Disabilities and conditions
  'ADHD',
  'ADD',
  'ASD',
  'ODD',
  'OCD',
  'SLD',
  'OHI',
  'TBI',
  'DCD',
  'PTSD',
  // Law and agencies
  'FAPE',
  'IDEA',
  'OCR',
  'CFR',
  'USC',
  'ADA',
  'FERPA',
  'HIPAA',
  'OSEP',
  'OSERS',
  'SEA',
  'LEA',
  'ILCS',
  'IAC',
  'CDE',
  'ISBE',
  'ADE',
  'DOE',
  'USA',
  'SEAB',
  // Everyday
  'PDF',
  'ASAP',
  'FYI',
  'FWD',
  'EST',
  'CST',
  'MST',
  'PST',
  'EDT',
  'CDT',
  'PDT',
  'GPA',
  'PTA',
  'PTO',
  'SAT',
  'ACT',
  'DVD',
  'URL',
  'TBD',
]);

// Word edges that also work for accented letters (\b only knows ASCII).
const WORD_START = '(?<![\\p{L}\\p{N}_])';
const WORD_END = '(?![\\p{L}\\p{N}_])';

function wordPattern(body: string): RegExp {
  return new RegExp(`${WORD_START}(?:${body})${WORD_END}`, 'giu');
}

/** The words after a match, up to the end of the clause, for concrete rewrites. */
function clauseAfter(text: string, end: number): string | null {
  const rest = /^[ \t]+([^.,;:!?\n]{1,80})/u.exec(text.slice(end));
  if (!rest) return null;
  let clause = rest[1]!.trim();
  // Cut at a word boundary when the clause ran into the 80-character limit.
  if (rest[1]!.length === 80) clause = clause.replace(/\s+\S*$/u, '');
  return clause.length > 0 ? clause : null;
}

// Past participles of the verbs parents most often put after "failed to" or "refused to".
const PARTICIPLES: Readonly<Record<string, string>> = {
  provide: 'provided',
  give: 'given',
  offer: 'offered',
  implement: 'implemented',
  follow: 'followed',
  deliver: 'delivered',
  send: 'sent',
  tell: 'told',
  inform: 'informed',
  notify: 'notified',
  share: 'shared',
  schedule: 'scheduled',
  make: 'made',
  allow: 'allowed',
  include: 'included',
  update: 'updated',
  return: 'returned',
  honor: 'honored',
  honour: 'honoured',
  use: 'used',
  read: 'read',
  show: 'shown',
  hold: 'held',
  start: 'started',
  complete: 'completed',
  invite: 'invited',
  consider: 'considered',
  address: 'addressed',
};

/** Verbs that mean "answer me": the gentle form is "I haven't yet heard back". */
const REPLY_VERBS = new Set(['respond', 'reply', 'answer', 'acknowledge']);

const DETERMINERS = new Set(['the', 'a', 'an', 'any', 'her', 'his', 'their', 'my', 'our', 'its', 'your']);

const HELP_ME_UNDERSTAND = 'Help me understand what happened?';

/**
 * "you failed to provide the calculator" -> "It looks like the calculator was not provided. Help me
 * understand what happened?" Falls back to a general form when the verb or its object is not clear.
 */
function didNotHappenRewrite(verb: string | undefined, object: string | null): string {
  const base = verb?.toLowerCase();
  if (base && REPLY_VERBS.has(base)) {
    return heardBack(object);
  }
  const participle = base ? PARTICIPLES[base] : undefined;
  if (!participle) return `It looks like this didn't happen as planned. ${HELP_ME_UNDERSTAND}`;
  if (!object) return `It looks like this was not ${participle}. ${HELP_ME_UNDERSTAND}`;
  // "the calculator during the math test" -> "the calculator" + " during the math test", so the time or
  // place follows the verb: "the calculator was not provided during the math test".
  const split = WHEN_OR_WHERE.exec(object);
  const thing = split && split.index > 0 ? object.slice(0, split.index) : object;
  const tail = split && split.index > 0 ? object.slice(split.index) : '';
  const words = thing.split(/\s+/u);
  const first = words[0]!.toLowerCase();
  // "tell me about the change" -> "I was not told about the change".
  if (first === 'me' || first === 'us') {
    const who = first === 'me' ? 'I was' : 'we were';
    const rest = words.slice(1).join(' ');
    return `It looks like ${who} not ${participle}${rest ? ` ${rest}` : ''}${tail}. ${HELP_ME_UNDERSTAND}`;
  }
  // "offer Emma the calculator" -> "the calculator was not offered to Emma".
  if (words.length >= 3 && !DETERMINERS.has(first) && DETERMINERS.has(words[1]!.toLowerCase())) {
    const given = words.slice(1).join(' ');
    return `It looks like ${given} was not ${participle} to ${words[0]}${tail}. ${HELP_ME_UNDERSTAND}`;
  }
  return `It looks like ${thing} was not ${participle}${tail}. ${HELP_ME_UNDERSTAND}`;
}

/** Where the object of a verb ends and its time or place begins. */
const WHEN_OR_WHERE =
  /\s(?=(?:during|on|in|at|for|since|from|when|this|last|yesterday|today|again)(?![\p{L}]))/iu;

/** "to my email about the calculator" -> "I haven't yet heard back about my email about the calculator." */
function heardBack(object: string | null): string {
  const about = object?.replace(/^(?:to|about)\s+/iu, '').trim();
  // "answer me" names no message: ask about the message by its date instead.
  const named = about && !/^(?:me|us)(?![\p{L}])/iu.test(about) ? about : 'my message of [date]';
  return `I haven't yet heard back about ${named}. Could you let me know when you have a moment?`;
}

type PhraseRule = {
  id: ToneRuleId;
  pattern: RegExp;
  /** A legal term a formal complaint needs: not flagged with `{ formal: true }`. */
  legalTerm: boolean;
  why: string;
  suggest: (match: RegExpExecArray, text: string) => string;
};

const ABSOLUTE_WHY =
  'Absolute words invite a debate about the exceptions; the dates you noted are harder to argue with.';

// Order is priority: when two rules match overlapping words, the earlier rule's flag is kept.
const PHRASE_RULES: readonly PhraseRule[] = [
  {
    id: 'never_replied',
    pattern: wordPattern(
      "you(?:\\s+have|['’]ve)?\\s+never\\s+(?:responded|replied|answered|acknowledged|(?:got|gotten|written|wrote|called)\\s+back|returned\\s+my\\s+(?:calls?|emails?|messages?))",
    ),
    legalTerm: false,
    why: '"You never" blames the reader, who may not have seen the message; it puts people on the defensive.',
    suggest: (m, text) => heardBack(clauseAfter(text, m.index + m[0].length)),
  },
  {
    id: 'you_failed',
    pattern: wordPattern("you(?:\\s+have|['’]ve)?\\s+failed(?:\\s+to\\s+(\\p{L}+))?"),
    legalTerm: false,
    why: '"You failed" blames a person; you may not know what happened, and the reader will defend rather than fix.',
    suggest: (m, text) => didNotHappenRewrite(m[1], clauseAfter(text, m.index + m[0].length)),
  },
  {
    id: 'failed_to',
    pattern: wordPattern('(?:failed|fails|failing)\\s+to\\s+(\\p{L}+)'),
    legalTerm: true,
    why: '"Failed to" reads as a verdict; describing what you saw and asking keeps the door open.',
    suggest: (m, text) => didNotHappenRewrite(m[1], clauseAfter(text, m.index + m[0].length)),
  },
  {
    id: 'refused',
    pattern: wordPattern('(?:refuse|refuses|refused|refusing|refusal)(?:\\s+to\\s+(\\p{L}+))?'),
    legalTerm: true,
    why: '"Refused" says someone chose not to help; you may not know that, and it puts people on the defensive.',
    suggest: (m, text) =>
      m[1]
        ? didNotHappenRewrite(m[1], clauseAfter(text, m.index + m[0].length))
        : 'Help me understand the reasons for this decision? Can we problem-solve together?',
  },
  {
    id: 'never',
    pattern: wordPattern('never'),
    legalTerm: false,
    why: ABSOLUTE_WHY,
    suggest: () => 'Name the dates instead: "On [dates], ... did not happen", or say "hasn\'t happened yet".',
  },
  {
    id: 'always',
    pattern: wordPattern('always'),
    legalTerm: false,
    why: ABSOLUTE_WHY,
    suggest: () => 'Name the dates instead: "On [dates], I noticed ..." or "Several times this month, ...".',
  },
  {
    id: 'negligent',
    pattern: wordPattern('negligen(?:t|tly|ce)'),
    legalTerm: false,
    why: '"Negligent" is a charge, not a description; it tends to end the conversation.',
    suggest: () => 'Describe what you saw and what worries you, then ask: "Can we problem-solve together?"',
  },
  {
    id: 'illegal',
    pattern: wordPattern('illegal(?:ly)?|unlawful(?:ly)?|against\\s+the\\s+law'),
    legalTerm: false,
    why: "Calling something illegal in a letter to the team sounds like a threat; the plan's own words make the point.",
    suggest: () =>
      'Quote the plan instead: "The IEP lists "..."; I noticed it wasn\'t offered on [date]. Could we touch base?"',
  },
  {
    id: 'violation',
    pattern: wordPattern('violat(?:e|es|ed|ing|ion|ions)'),
    legalTerm: true,
    why: 'Legal words in a letter to a teacher sound like a threat; keep them for a formal complaint.',
    suggest: () =>
      'Quote the plan instead: "The IEP lists "..."; I noticed it wasn\'t offered on [date]. Could we touch base to make sure staff are aware of the supports?"',
  },
  {
    id: 'demand',
    pattern: wordPattern('demand(?:s|ed|ing)?'),
    legalTerm: false,
    why: 'A demand leaves no room to work together; a request gets the same thing done.',
    suggest: () => "I'd like to request ... / Could we ...?",
  },
  {
    id: 'unacceptable',
    pattern: wordPattern('unacceptable'),
    legalTerm: false,
    why: '"Unacceptable" judges instead of explaining; say what worries you and why.',
    suggest: () => 'This worries me because ... Can we problem-solve together?',
  },
  {
    id: 'lied',
    pattern: wordPattern("lied|liars?|dishonest(?:ly)?|lying\\s+(?:to|about)|you(?:['’]re|\\s+are)\\s+lying"),
    legalTerm: false,
    why: 'Calling someone a liar ends the conversation; the records may simply disagree.',
    suggest: () => "What I was told doesn't match what I'm seeing. Could we look at the records together?",
  },
  {
    id: 'incompetent',
    pattern: wordPattern('incompeten(?:t|tly|ce)'),
    legalTerm: false,
    why: 'A judgement about a person puts them on the defensive; describe what happened instead.',
    suggest: () =>
      'Describe what happened and ask: "Help me understand...?" or "Can we problem-solve together?"',
  },
  {
    id: 'you_people',
    pattern: wordPattern('you\\s+people'),
    legalTerm: false,
    why: '"You people" lumps everyone together and reads as contempt.',
    suggest: () => 'Name the person, or say "the team".',
  },
  {
    id: 'sarcasm',
    pattern: wordPattern('per\\s+my\\s+(?:last|previous)\\s+(?:email|message|letter)'),
    legalTerm: false,
    why: '"Per my last email" is often read as irritation.',
    suggest: () => 'As I mentioned in my email of [date], ...',
  },
  {
    id: 'sarcasm',
    pattern: wordPattern(
      'as\\s+I\\s+(?:have\\s+)?(?:already|previously)\\s+(?:said|told\\s+you|mentioned|explained|stated)',
    ),
    legalTerm: false,
    why: '"As I already said" reads as impatience with the reader.',
    suggest: () => 'As I mentioned on [date], ...',
  },
  {
    id: 'sarcasm',
    pattern: wordPattern('(?:clearly|surely|obviously),?\\s+you'),
    legalTerm: false,
    why: 'This reads as sarcasm: it tells the reader what they think or did.',
    suggest: () => 'Help me understand ...?',
  },
  {
    id: 'sarcasm',
    pattern: wordPattern('obviously|apparently|with\\s+all\\s+due\\s+respect|thanks\\s+for\\s+nothing'),
    legalTerm: false,
    why: 'This word often reads as sarcasm in writing, even when it is not meant that way.',
    // The suggestion does not repeat the word: suggestions themselves pass the check.
    suggest: () => 'Leave this word out and state the fact plainly.',
  },
];

const CAPS_WORD = /(?<![\p{L}\p{N}_])\p{Lu}+(?:['’]\p{Lu}+)*(?![\p{L}\p{N}_])/gu;
const ROMAN_NUMERAL = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u;

type RawFlag = Omit<ToneFlag, 'phrase'>;

function capsFlags(text: string, extraAcronyms: ReadonlySet<string>): RawFlag[] {
  const words: { start: number; end: number; word: string }[] = [];
  for (const m of text.matchAll(CAPS_WORD)) {
    const word = m[0];
    const letters = word.replace(/['’]/gu, '');
    if (letters.length < 3) continue;
    if (KNOWN_ACRONYMS.has(letters) || extraAcronyms.has(letters) || ROMAN_NUMERAL.test(letters)) continue;
    words.push({ start: m.index, end: m.index + word.length, word });
  }
  // Words in capitals next to each other ("PLEASE READ THIS") are one flag: it is one raised voice.
  const runs: { start: number; end: number }[] = [];
  for (const w of words) {
    const last = runs[runs.length - 1];
    // Short words in capitals between them ("THIS IS NOT") belong to the same run.
    const gap = text.slice(last?.end ?? 0, w.start);
    if (last && /^(?:[\s,.;:!?'"-]|\p{Lu}{1,2}(?![\p{L}]))*$/u.test(gap)) last.end = w.end;
    else runs.push({ start: w.start, end: w.end });
  }
  return runs.map((run) => {
    const lower = text.slice(run.start, run.end).toLowerCase();
    return {
      start: run.start,
      end: run.end,
      rule: 'all_caps',
      why: 'Words in capitals read as shouting.',
      suggestion: `Write "${lower}" in ordinary letters and let the facts carry the weight.`,
    };
  });
}

/** Product choice: up to two exclamation marks in a whole message read as warmth, more as raised voice. */
export const MAX_SINGLE_EXCLAMATIONS = 2;

function exclamationFlags(text: string): RawFlag[] {
  const flags: RawFlag[] = [];
  const runs = [...text.matchAll(/[!?]*![!?]*/gu)];
  const total = [...text].filter((c) => c === '!').length;
  for (const m of runs) {
    const run = m[0];
    const isRun = run.length >= 2;
    if (!isRun && total <= MAX_SINGLE_EXCLAMATIONS) continue;
    flags.push({
      start: m.index,
      end: m.index + run.length,
      rule: 'exclamation',
      why: isRun
        ? 'Several exclamation marks in a row read as anger or alarm.'
        : `More than ${MAX_SINGLE_EXCLAMATIONS} exclamation marks in one message read as a raised voice.`,
      suggestion: isRun
        ? 'End the sentence with a period (or a single "!").'
        : 'End the sentence with a period.',
    });
  }
  return flags;
}

/**
 * Flags accusing or absolute phrasing in `text`, sorted by position. Case-insensitive, whole words only
 * ("hallways" is not "always"). Overlapping matches keep the most specific rule ("you never replied" over
 * "never"). With `{ formal: true }`, legal terms a complaint needs are not flagged.
 */
export function checkTone(text: string, options: ToneOptions = {}): ToneFlag[] {
  const accepted: RawFlag[] = [];
  const overlaps = (start: number, end: number) => accepted.some((f) => start < f.end && f.start < end);

  for (const rule of PHRASE_RULES) {
    if (options.formal && rule.legalTerm) continue;
    for (const m of text.matchAll(rule.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      accepted.push({ start, end, rule: rule.id, why: rule.why, suggestion: rule.suggest(m, text) });
    }
  }
  const extra = new Set((options.acronyms ?? []).map((a) => a.toUpperCase()));
  for (const flag of [...capsFlags(text, extra), ...exclamationFlags(text)]) {
    if (!overlaps(flag.start, flag.end)) accepted.push(flag);
  }
  return accepted
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((f) => ({ ...f, phrase: text.slice(f.start, f.end) }));
}
