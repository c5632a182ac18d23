// The tone check: flags accusing or absolute phrasing in anything a parent writes to the school, and
// offers the article's gentler forms ("Help me understand...", "Can we problem-solve together?").
//
// Why it matters (the article this project grew from, quoted in docs/tone-check.md): "Be specific but
// non-accusatory." A letter that
// says "you failed to provide" or "she never gets her breaks" invites a debate about blame and about the
// exceptions; a letter that names the plan's words and the dates invites a fix. The check is advice, not
// a gate: the parent decides. Pure: no I/O.
//
// Formal documents (a state complaint, an OCR complaint outline) must use legal words such as
// "violated a requirement of Part B" (34 CFR 300.153(b)(1)); `{ formal: true }` lets those through while
// still flagging insults, capitals and sarcasm.
//
// What it looks for, in ten kinds (tone-categories.ts, docs/tone-check.md): threats, ultimatums, insults,
// sarcasm, rhetorical questions, blame, absolutes, orders, shouting and exasperation. Three layers:
// 1. the phrase rules below (the first ones written, each with its own rule id and rewrite);
// 2. tone-patterns.ts: grammatical patterns for what angry parents really write (a threat's "I will" +
//    lawyer, an ultimatum's "or else", a rhetorical question's "even", the reader as the subject of a
//    blaming verb, modal pressure, intensifiers), each rewriting only the offending words;
// 3. the AFINN-165 sentiment lexicon (tone-words.ts), read only where a word judges someone ("the aide is
//    clueless", "this useless program", "this is ridiculous"), never for the child's facts and feelings.
// Then capitals and repeated punctuation. The rule ids of layer 1 are kept (the letter editor and saved
// letters know them); layer 2 and 3 flags carry their category as the rule id ('threat', 'insult', ...).
// A letter of a few thousand characters is checked in a few milliseconds, so it runs on every edit.

import { TONE_CATEGORIES, type ToneCategory } from './tone-categories.ts';
import { classifierFlags, classifierFlagsSentence, sentencesToRead } from './tone-classifier.ts';
import { checkToneEs } from './tone-es.ts';
import { TONE_MODEL } from './tone-model.ts';
import { CATEGORY_RULES, lexiconFlags } from './tone-patterns.ts';
import {
  baseForm,
  isSentenceStart,
  lowerFirst,
  subjectBefore,
  valenceOf,
  wordMatches,
} from './tone-words.ts';

export { TONE_CATEGORIES, type ToneCategory, type ToneCategoryInfo } from './tone-categories.ts';

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
  | 'exclamation'
  // Layers 2 and 3: the category is the rule.
  | 'threat'
  | 'ultimatum'
  | 'insult'
  | 'rhetorical_question'
  | 'blame'
  | 'absolute'
  | 'command'
  | 'exasperation';

/** The kind of wording each rule flags (tone-categories.ts says why each kind reads badly). */
export const RULE_CATEGORY: Readonly<Record<ToneRuleId, ToneCategory>> = {
  you_failed: 'blame',
  failed_to: 'blame',
  never_replied: 'blame',
  never: 'absolute',
  always: 'absolute',
  refused: 'blame',
  negligent: 'insult',
  illegal: 'threat',
  violation: 'threat',
  demand: 'command',
  unacceptable: 'exasperation',
  lied: 'insult',
  incompetent: 'insult',
  you_people: 'insult',
  sarcasm: 'sarcasm',
  all_caps: 'shouting',
  exclamation: 'exasperation',
  threat: 'threat',
  ultimatum: 'ultimatum',
  insult: 'insult',
  rhetorical_question: 'rhetorical_question',
  blame: 'blame',
  absolute: 'absolute',
  command: 'command',
  exasperation: 'exasperation',
};

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
  /**
   * The language the text is written in: English (the default) or Spanish (issue 17), read with Spanish
   * patterns and word lists and given Spanish suggestions (tone-es.ts).
   */
  language?: 'en' | 'es';
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

// Word edges that also work for accented letters (\b only knows ASCII): the end is in the pattern, the start
// is checked by wordMatches (a leading lookbehind would make every pattern several times slower).
const WORD_END = '(?![\\p{L}\\p{N}_])';

function wordPattern(body: string): RegExp {
  return new RegExp(`(?:${body})${WORD_END}`, 'giu');
}

/** The words after a match, up to the end of the clause, for concrete rewrites. */
function clauseAfter(text: string, end: number): string | null {
  const rest = /^[ \t]+([^.,;:!?\n]{1,80})/u.exec(text.slice(end));
  if (!rest) return null;
  let clause = rest[1]!.trim();
  // Cut at a word boundary when the clause ran into the 80-character limit.
  if (rest[1]!.length === 80) clause = clause.replace(/\s+\S*$/u, '');
  // A new clause with its own subject ("... the IEP and I will ...") is not part of it.
  clause = clause.replace(CLAUSE_JOIN, '');
  return clause.length > 0 ? clause : null;
}

/** "and I ...", "but we ...": where one clause ends and the next begins (tone-fix.ts reads it the same way). */
const CLAUSE_JOIN = /\s+(?:and|but|so)\s+(?:I|we|you|they|he|she)\b.*$/u;

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

/** The word just before `index`, as written. */
function wordBefore(text: string, index: number): string {
  return /([\p{L}]+)\s*$/u.exec(text.slice(Math.max(0, index - 20), index))?.[1] ?? '';
}

/**
 * "I refuse to accept this" -> "I do not agree with this."; "we refuse to sign it" -> "We are not willing
 * to sign it.": the parent's position stays, firm, without the fight.
 */
function ownRefusal(who: string, verb: string, object: string | null): string {
  const what = object ?? 'this';
  const we = /^we$/iu.test(who);
  // It replaces the sentence up to its end mark (web/features/letters/tone-fix.ts), so it brings its own.
  // "I refuse to accept any more excuses about staffing" -> "I would like a clear plan about staffing."
  const excuses = /\bexcuses?\b(.*)$/iu.exec(what);
  if (excuses)
    return `${we ? 'We' : 'I'} would like a clear plan${excuses[1] ? ` ${excuses[1].trim()}` : ''}.`;
  if (/^accept$/iu.test(verb)) return `${we ? 'We do' : 'I do'} not agree with ${what}.`;
  return `${we ? 'We are' : 'I am'} not willing to ${verb.toLowerCase()}${object ? ` ${object}` : ''}.`;
}

/** Whether a "refuse" is the parent's own ("I refuse to accept this"), not the school's. */
const ownRefusalAt = (text: string, m: RegExpExecArray): boolean =>
  /^(?:I|we)$/iu.test(wordBefore(text, m.index)) && Boolean(m[1]);

// What follows "never"/"always" when it is about a service the child is owed, not about the child's own
// habits: receiving something ("never gets his breaks", "has never had a full session"), being placed or
// left somewhere ("is always in the back", "always the one left out"), missing out.
const RECEIVING =
  /^(?:\s+(?:even|once|actually|really|ever|been|being|had|has|have|seems?\s+to|to))*\s+(?:(?:gets?|got|gotten|getting)\s+(?!a\s+(?:little|bit|lot)\b)(?:his|her|their|a|an|the|any|some|it|them|to\s+\p{L}+|pulled|sent|left|called|moved|put|skipped|forgotten|missed|included|invited|offered|given|seen|help|speech|OT|PT)|receives?|received|receiving|had|has\s+(?:his|her|a|an|the|any)|(?:is|was|are|were|gets?|got)\s+(?:given|offered|allowed|included|invited|called\s+on|helped|seen|pulled|sent|left|taken|skipped|forgotten|the\s+one)|given|offered|allowed|the\s+one\s+(?:left|who|that|sent|pulled|blamed|punished)|misses|missing|loses\s+out|(?:(?:sits?|sat|is|was|ends?\s+up|stuck)\s+(?:\p{L}+\s+){0,2})?(?:in|at|out\s+in)\s+the\s+(?:back|hallway|hall|corner|office))/iu;

// The parent about their own correspondence: "I never got a reply", "we have never been told".
const SELF_RECEIVING =
  /^(?:\s+(?:even|once|actually|ever|been|had|have))*\s+(?:got|gotten|received|heard\s+back|had\s+(?:a|any)\s+(?:reply|response|answer|call)|been\s+(?:told|informed|called|invited|asked|notified|given)|seen\s+(?:the|a|any)|have\s+to|had\s+to|need\s+to|end\s+up)/iu;

/**
 * Whether "never"/"always" here is an absolute about what the school does (flag) rather than about the
 * child's own habits ("Emma never complains about speech", "He always does better after a break") or
 * praise ("You always make him feel welcome").
 */
function absoluteAccuses(text: string, start: number, end: number, word: 'never' | 'always'): boolean {
  // "not always", "isn't always": the opposite of an absolute.
  if (word === 'always' && /(?:\bnot|n['’]?t)\s+$/iu.test(text.slice(Math.max(0, start - 8), start)))
    return false;
  const sentenceEnd = /[.!?;\n]/u.exec(text.slice(end));
  const after = text.slice(end, sentenceEnd ? end + sentenceEnd.index : text.length);
  const subject = subjectBefore(text, start);
  const thanked = thanksFor(text, start, after);
  const praise = valenceOf(after.split(/[,;]|\s(?:and|but|which)\s/u)[0] ?? '') > 0 || thanked;
  // "I hope this never happens again" looks ahead: not an absolute about the past.
  if (word === 'never' && /^\s+(?:happens?|occurs?|repeats?)\s+again\b/iu.test(after)) return false;
  // "He has never had a reading specialist before", "He never had trouble with math until this year": the
  // first time, not an absolute about the school.
  if (word === 'never' && /\b(?:before|until|till)\b/iu.test(after.split(/[,;]/u)[0] ?? '')) return false;
  // Other children as the subject ("the other kids always pick him last") are not the school's side.
  if (
    /\b(?:kids|children|classmates|students|friends|peers|boys|girls)\s+(?:\p{L}+\s+)?$/iu.test(
      text.slice(Math.max(0, start - 30), start),
    )
  )
    return false;
  // "You never know": a saying, not a charge.
  if (
    word === 'never' &&
    /^\s+know\b/iu.test(after) &&
    /\b(?:you|u)\s*$/iu.test(text.slice(Math.max(0, start - 6), start))
  ) {
    return false;
  }
  switch (subject) {
    case 'none':
      return true; // "Never again!", "Always an excuse."
    case 'child':
      return RECEIVING.test(after);
    case 'self':
      // "We never got the permission slip, could you send another?" asks for it again.
      return (
        SELF_RECEIVING.test(after) && !/\b(?:could|can|would)\s+(?:you|someone)\b|\bplease\b/iu.test(after)
      );
    case 'school':
    case 'they':
    case 'thing':
    case 'there':
      // "You never follow through" flags; "You always make him feel welcome" is praise, and so is "The aide
      // never leaves his side, and we feel so much better".
      return !thanked && (word === 'never' || !praise);
  }
}

/**
 * Whether the sentence around "never"/"always" thanks or praises the school for it ("The nurse always calls
 * me right away, which I really appreciate", "The aide never leaves his side, and we feel so much better",
 * "Mrs. Lee has always gone above and beyond"): gratitude elsewhere in the sentence, nothing negative in
 * the words after the absolute, and not "thanks for never ..." (sarcasm).
 */
function thanksFor(text: string, start: number, after: string): boolean {
  const from = Math.max(0, ...[...text.slice(0, start).matchAll(/[.!?\n]/gu)].map((m) => m.index + 1));
  const sentence = `${text.slice(from, start)} ${after}`;
  if (/\b(?:thanks?|thank\s+you)\s+(?:\p{L}+\s+)?for\s+$/iu.test(text.slice(from, start))) return false;
  if (
    valenceOf(after) < 0 ||
    /\b(?:not|no|nobody|nothing|without|late|missed|forgot|ignored?)\b|n['’]t\b/iu.test(after)
  )
    return false;
  return /\b(?:thanks?|thank\s+you|grateful|appreciate[ds]?|we\s+love|feel\s+(?:so\s+)?(?:much\s+)?better|above\s+and\s+beyond|out\s+of\s+(?:her|his|their)\s+way|means\s+(?:so\s+much|a\s+lot))\b/iu.test(
    sentence,
  );
}

const NEVER_ADVICE =
  'Name the dates instead: "On [dates], ... did not happen", or say "hasn\'t happened yet".';

/**
 * A gentler "never" in the parent's words: after an auxiliary it is simply "not" ("he has never had a
 * full session" -> "he has not had ..."); otherwise the clause with the dates it happened on ('On
 * [dates], he did not get his breaks'), which only the parent can fill in.
 */
function neverRewrite(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 40), start);
  if (
    /(?<![\p{L}])(?:has|have|had|is|are|was|were|do|does|did|will|would|can|could|should|['’](?:s|ve|d))(?:\s+\p{L}+ly)?\s+$/iu.test(
      before,
    )
  ) {
    return 'not';
  }
  const clauseStart = Math.max(
    0,
    ...[...text.slice(0, start).matchAll(/[.!?;,\n]|\s(?:and|but|so|because|when|which|that)\s/gu)].map(
      (m) => m.index + m[0].length,
    ),
  );
  const subject = text.slice(clauseStart, start).trim();
  const rest = /^\s+([\p{L}'’]+)([^.!?;,\n]*?)(?=\s+(?:and|but|which)\s|[.!?;,\n]|$)/u.exec(text.slice(end));
  if (!subject || !rest) return NEVER_ADVICE;
  const who = subject.replace(/^(?:u|ya)$/iu, 'you');
  const verb = baseForm(rest[1]!);
  return `Name the dates instead: "On [dates], ${lowerFirst(who)} did not ${verb}${rest[2]!.replace(/\s+/gu, ' ').replace(/\b(?:u|ya)\b/giu, 'you')}."`;
}

type PhraseRule = {
  id: ToneRuleId;
  pattern: RegExp;
  /** A legal term a formal complaint needs: not flagged with `{ formal: true }`. */
  legalTerm: boolean;
  why: string;
  /** Context the pattern cannot see: false drops the match ("Emma never complains" is not an accusation). */
  accept?: (match: RegExpExecArray, text: string) => boolean;
  /** A reason for this match when `why` does not fit it (the parent's own "I refuse"). */
  whyFor?: (match: RegExpExecArray, text: string) => string | undefined;
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
    // "Ms. Carter never fails to send a note home": praise.
    accept: (m, text) => !/\bnever\s+$/iu.test(text.slice(Math.max(0, m.index - 12), m.index)),
    legalTerm: true,
    why: '"Failed to" reads as a verdict; describing what you saw and asking keeps the door open.',
    suggest: (m, text) => didNotHappenRewrite(m[1], clauseAfter(text, m.index + m[0].length)),
  },
  {
    id: 'refused',
    pattern: wordPattern('(?:refuse|refuses|refused|refusing|refusal)(?:\\s+to\\s+(\\p{L}+))?'),
    legalTerm: true,
    why: '"Refused" says someone chose not to help; you may not know that, and it puts people on the defensive.',
    // The child refusing is a fact about the child, not a charge ("He refuses to wear the headphones"), and a
    // refusal denied is none ("I am not refusing services; I am asking to see the data").
    accept: (m, text) =>
      subjectBefore(text, m.index) !== 'child' &&
      // "I refuse to give up on him", "We refuse to let this affect his friendships": the parent's resolve
      // for the child, not a refusal of anything the school did or proposed.
      !(ownRefusalAt(text, m) && /^(?:give|let|stop|quit|lose)$/iu.test(m[1]!)) &&
      !/(?:\bnot|\bnever|n['’]?t)\s+(?:\p{L}+ly\s+)?$/iu.test(text.slice(Math.max(0, m.index - 24), m.index)),
    whyFor: (m, text) =>
      ownRefusalAt(text, m)
        ? '"I refuse" sounds like the start of a fight; saying you do not agree is just as firm.'
        : undefined,
    suggest: (m, text) => {
      // The parent's own refusal is their position, and stays: said firmly, without the fight.
      if (ownRefusalAt(text, m))
        return ownRefusal(wordBefore(text, m.index), m[1]!, clauseAfter(text, m.index + m[0].length));
      // "Their refusal to use his schedule has caused ...": the noun has no clause of its own to rewrite.
      return m[1] && !/^refusal/iu.test(m[0])
        ? didNotHappenRewrite(m[1], clauseAfter(text, m.index + m[0].length))
        : 'Help me understand the reasons for this decision? Can we problem-solve together?';
    },
  },
  {
    id: 'never',
    pattern: wordPattern('never'),
    legalTerm: false,
    why: ABSOLUTE_WHY,
    accept: (m, text) => absoluteAccuses(text, m.index, m.index + m[0].length, 'never'),
    suggest: (m, text) => neverRewrite(text, m.index, m.index + m[0].length),
  },
  {
    id: 'always',
    pattern: wordPattern('always'),
    legalTerm: false,
    why: ABSOLUTE_WHY,
    // "Thank you for always keeping me in the loop": thanks.
    accept: (m, text) =>
      !/\b(?:thank\s+you|thanks|grateful|appreciate\s+(?:you|it))\s+(?:so\s+much\s+)?for\s+$/iu.test(
        text.slice(Math.max(0, m.index - 40), m.index),
      ) && absoluteAccuses(text, m.index, m.index + m[0].length, 'always'),
    // "He is always in the back row" -> "He is often in the back row": how often, not an absolute.
    suggest: () => 'often',
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
    // "Per my last email", "per my previous three emails".
    pattern: wordPattern(
      'per\\s+my\\s+(?:last|previous|earlier|prior)\\s+(?:(?:\\d+|two|three|four|five|six|several|many)\\s+)?(?:e-?mails?|messages?|letters?|notes?|voicemails?)',
    ),
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

/**
 * Two-letter words that are never initials, so in capitals they are a raised voice ("he had NO aide", "I said
 * NO"). Others ("OT", "PT", "ME", "IN", "AM") are initials, states or times, and are left alone.
 */
const SHOUTED_SHORT_WORDS: ReadonlySet<string> = new Set(['NO', 'IS', 'DO', 'MY', 'HE', 'WE', 'SO', 'BE']);

const CAPS_WORD = /(?<![\p{L}\p{N}_])\p{Lu}+(?:['’]\p{Lu}+)*(?![\p{L}\p{N}_])/gu;
const THANKS_IN_CAPITALS =
  /(?<![\p{L}])(?:THANK\s+(?:YOU|U)|THANKS|THX|CONGRAT(?:S|ULATIONS))(?:\s+(?:SO\s+|VERY\s+)+MUCH|\s+A\s+LOT)?(?![\p{L}])/gu;
const ROMAN_NUMERAL = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u;

type RawFlag = Omit<ToneFlag, 'phrase'>;

function capsFlags(text: string, extraAcronyms: ReadonlySet<string>): RawFlag[] {
  const words: { start: number; end: number; word: string }[] = [];
  const thanks = [...text.matchAll(THANKS_IN_CAPITALS)].map((t) => ({
    start: t.index,
    end: t.index + t[0].length,
  }));
  for (const m of text.matchAll(CAPS_WORD)) {
    const word = m[0];
    const letters = word.replace(/['’]/gu, '');
    if (letters.length < 3 && !SHOUTED_SHORT_WORDS.has(letters)) continue;
    // "THANK YOU SO MUCH for everything!": thanks in capitals is warmth, not a raised voice.
    if (thanks.some((t) => t.start <= m.index && m.index < t.end)) continue;
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
  // Short words in capitals just before a run ("HE IS NOT GETTING ...") are part of it; "I" and "OT" are not.
  for (const run of runs) {
    for (;;) {
      const before = /(?<![\p{L}\p{N}_])(\p{Lu}{1,2})\s+$/u.exec(
        text.slice(Math.max(0, run.start - 4), run.start),
      );
      if (!before || before[1] === 'I' || KNOWN_ACRONYMS.has(before[1]!) || extraAcronyms.has(before[1]!))
        break;
      run.start -= before[0].length;
    }
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

/**
 * A rewrite keeps the parent's words but not their capitals ("pull HIM OUT" -> "pull him out") nor an
 * "every single" carried along from the words it kept ("chasing every single session" -> "each session").
 */
function unshout(suggestion: string, extraAcronyms: ReadonlySet<string>): string {
  return suggestion
    .replace(/\b(?:each\s+and\s+every|every\s+single)\b/giu, 'each')
    .replace(CAPS_WORD, (word) => {
      const letters = word.replace(/['’]/gu, '');
      if (letters.length < 2 || letters === 'I' || KNOWN_ACRONYMS.has(letters) || extraAcronyms.has(letters))
        return word;
      if (ROMAN_NUMERAL.test(letters)) return word;
      return word.toLowerCase();
    });
}

/** Product choice: up to two exclamation marks in a whole message read as warmth, more as raised voice. */
export const MAX_SINGLE_EXCLAMATIONS = 2;

/** Thanks, a greeting or good wishes: "Thank you to the whole team!!", "Happy Friday!", "We loved it!". */
const WARM_SENTENCE =
  /^(?:(?:oh|wow|and|so|again|just|a\s+big|huge|many)\s*,?\s+)*(?:thanks?\b|thank\s+you|thx|ty\b|happy\s+\p{L}+|merry\s+\p{L}+|congrat\p{L}*|welcome\s+back|have\s+a\s+(?:great|good|lovely|wonderful|nice|happy)|hope\s+you|we\s+(?:loved|love|are\s+so\s+grateful|appreciate)|(?:I|we)\s+(?:really\s+|truly\s+)?appreciate|so\s+(?:grateful|thankful|proud|happy)|(?:what\s+a\s+)?great\s+(?:job|news|work)|yay|hooray|woohoo)/iu;

/** What turns thanks into sarcasm or a complaint: "Thanks for nothing!!", "Thank you for finally calling!!". */
const NOT_WARM =
  /\b(?:nothing|finally|not|never|no\s+one|nobody|again|late|only|forgot|forgetting|ignor\p{L}*|lost|losing|missed|wasting|useless|guess)\b|n['’]t\b/iu;

/**
 * Whether the "!" at `index` closes a sentence of thanks or good wishes: warmth, not a raised voice, so it
 * is neither flagged nor counted ("Happy Friday! Thank you to the whole team for a great first semester!!").
 */
function warmExclamation(text: string, index: number): boolean {
  let start = index;
  while (start > 0 && !/[.!?;\n]/u.test(text.charAt(start - 1))) start--;
  const sentence = text.slice(start, index).trim();
  return (
    WARM_SENTENCE.test(sentence) && !NOT_WARM.test(sentence) && !/\?/u.test(text.slice(index, index + 4))
  );
}

function exclamationFlags(text: string): RawFlag[] {
  const flags: RawFlag[] = [];
  // A run of "!" (and "?!"), or of two or more "?" ("Where is the aide??"); runs that close thanks are left
  // out.
  const runs = [...text.matchAll(/[!?]*![!?]*|\?{2,}/gu)].filter(
    (m) => !(m[0].startsWith('!') && warmExclamation(text, m.index)),
  );
  const total = runs.reduce((n, m) => n + [...m[0]].filter((c) => c === '!').length, 0);
  for (const m of runs) {
    const run = m[0];
    const isRun = run.length >= 2;
    if (!isRun && total <= MAX_SINGLE_EXCLAMATIONS) continue;
    flags.push({
      start: m.index,
      end: m.index + run.length,
      rule: 'exclamation',
      why: isRun
        ? run.includes('!')
          ? 'Several exclamation marks in a row read as anger or alarm.'
          : 'Several question marks in a row read as exasperation.'
        : `More than ${MAX_SINGLE_EXCLAMATIONS} exclamation marks in one message read as a raised voice.`,
      suggestion: isRun
        ? run.includes('?')
          ? 'End the question with a single "?".'
          : 'End the sentence with a period (or a single "!").'
        : 'End the sentence with a period.',
    });
  }
  return flags;
}

const OPENING_QUOTE = /(?<=^|[\s(:,])["“‘'](?=[\p{L}\p{N}])/gu;
const CLOSING_FOR: Readonly<Record<string, string>> = { '"': '"', '“': '”', '‘': '’', "'": "'’" };

// "Ms. Tran said", "the letter says", "he wrote that he", "according to the report": someone else's words follow.
const REPORTED =
  /\b(?:said|says|say|told\s+(?:me|us|him|her|them)|wrote|writes|stated|states|replied|responded|answered|explained|called\s+(?:it|him|her|this|that)|described\s+(?:it|him|her)\s+as|reads?|put\s+it|according\s+to|claimed|claims|noted|notes|reported|reports|quote|quoted|words\s+were)\b[^.;!?\n]*$/iu;

/**
 * Quotations of someone else's words: "When I asked, Ms. Tran said 'we don't have the staff for that'",
 * "The evaluator wrote that he 'failed to meet' the criteria". The words are the school's, quoted as a
 * fact, so nothing inside them is the parent's tone. A quotation without a reporting verb ("the OT is
 * 'out' again") is the parent's own irony and is still read.
 */
function reportedQuotes(text: string): { start: number; end: number }[] {
  return quotations(text).filter((q) => q.reported);
}

/** Every quotation in `text`, and whether a reporting verb before it makes it someone else's words. */
function quotations(text: string): { start: number; end: number; reported: boolean }[] {
  const quotes: { start: number; end: number; reported: boolean }[] = [];
  for (const open of text.matchAll(OPENING_QUOTE)) {
    const closers = CLOSING_FOR[open[0]]!;
    let end = -1;
    for (let i = open.index + 1; i < Math.min(text.length, open.index + 400) && text[i] !== '\n'; i++) {
      // A closing mark ends a word and is not an apostrophe inside one ("don't").
      if (closers.includes(text[i]!) && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? '') && text[i - 1] !== ' ') {
        end = i + 1;
        break;
      }
    }
    if (end < 0) continue;
    let s = open.index;
    while (s > 0 && !/[.!?;\n]/u.test(text[s - 1]!)) s--;
    quotes.push({ start: open.index, end, reported: REPORTED.test(text.slice(s, open.index)) });
  }
  return quotes;
}

/**
 * `text` with every quotation and every gap to fill blanked out (same length, so offsets stay): what the
 * classifier reads. The
 * rules skip the words quoted after a reporting verb ("Ms. Tran said '...'"); the classifier skips all
 * quoted words, because most are the plan's or the school's ('the IEP lists "30 minutes ... no more than
 * 3"'), and a parent's ironic quotes ("the OT is 'out' again") are the rules' to read.
 */
export function maskQuotations(text: string): string {
  let masked = text;
  const blank = (start: number, end: number) => {
    masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end);
  };
  for (const q of quotations(text)) blank(q.start, q.end);
  // A letter's gaps for the parent to fill ("[the date you were told of it]") are the app's words too; a gap
  // may hold a whole sentence, so up to 240 characters.
  for (const gap of text.matchAll(/\[[^\]\n]{1,240}\]/gu)) blank(gap.index, gap.index + gap[0].length);
  return masked;
}

/**
 * Flags accusing or absolute phrasing in `text`, sorted by position: the rules (layers 1 to 3, capitals and
 * punctuation), then the classifier (layer 4, tone-classifier.ts) on each sentence the rules left alone.
 * Case-insensitive, whole words only ("hallways" is not "always"). Overlapping matches keep the most
 * specific rule ("you never replied" over "never"). With `{ formal: true }`, legal terms a complaint needs
 * are not flagged, and the classifier, which learned from letters to the school and not from complaints,
 * does not read it.
 */
export function checkTone(text: string, options: ToneOptions = {}): ToneFlag[] {
  if (options.language === 'es') return checkToneEs(text, options, KNOWN_ACRONYMS);
  const { flags, declined } = readRules(text, options);
  if (options.formal) return flags;
  // Where a rule flagged words, or looked at them and let them go ("You always make him feel welcome" is
  // praise), the rules have judged the sentence; the classifier reads the others.
  const learned = classifierFlags(
    text,
    maskQuotations(text),
    [...flags, ...declined],
    TONE_MODEL,
    wouldBeFlagged,
  );
  if (learned.length === 0) return flags;
  return [...flags, ...learned.map((f) => ({ ...f, phrase: text.slice(f.start, f.end) }))].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
}

/**
 * Whether the whole check flags `text` (without writing suggestions): a rewrite must pass it. Remembered
 * for the last few hundred candidates, because the check runs on every keystroke and the letter's other
 * sentences, and so their rewrites, have not changed.
 */
function wouldBeFlagged(text: string): boolean {
  const known = REWRITE_VERDICTS.get(text);
  if (known !== undefined) return known;
  const verdict = flaggedNow(text);
  if (REWRITE_VERDICTS.size >= 500) REWRITE_VERDICTS.delete(REWRITE_VERDICTS.keys().next().value!);
  REWRITE_VERDICTS.set(text, verdict);
  return verdict;
}

const REWRITE_VERDICTS = new Map<string, boolean>();

function flaggedNow(text: string): boolean {
  const { flags, declined } = readRules(text);
  if (flags.length > 0) return true;
  const masked = maskQuotations(text);
  return sentencesToRead(masked, declined).some((s) =>
    classifierFlagsSentence(TONE_MODEL, masked.slice(s.start, s.end)),
  );
}

/**
 * The rules only (layers 1 to 3, capitals and punctuation), without the classifier: what the check did
 * before it, kept for measuring the classifier's share and its speed.
 */
export function checkToneRules(text: string, options: ToneOptions = {}): ToneFlag[] {
  if (options.language === 'es') return checkToneEs(text, options, KNOWN_ACRONYMS, false);
  return readRules(text, options).flags;
}

/**
 * The rules' flags, and the words a rule looked at and let go: a pattern matched and the rule's context
 * check said it does not accuse ("You always make him feel welcome" is praise, "Send me the logs when you
 * get a chance" is softened, "You have 10 school days to respond under ..." is the law's deadline), and
 * quotations of someone else's words.
 */
export function readRules(
  text: string,
  options: ToneOptions = {},
): { flags: ToneFlag[]; declined: { start: number; end: number }[] } {
  const accepted: RawFlag[] = [];
  const extra = new Set((options.acronyms ?? []).map((a) => a.toUpperCase()));
  const quotes = reportedQuotes(text);
  // Someone else's words, quoted after "said" or "wrote", are let go as well: the sentence reports them.
  const declined: { start: number; end: number }[] = quotes.map((q) => ({ start: q.start, end: q.end }));
  const overlaps = (start: number, end: number) =>
    accepted.some((f) => start < f.end && f.start < end) ||
    quotes.some((q) => q.start <= start && end <= q.end);

  for (const rule of PHRASE_RULES) {
    if (options.formal && rule.legalTerm) continue;
    for (const m of wordMatches(rule.pattern, text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      if (rule.accept && !rule.accept(m, text)) {
        declined.push({ start, end });
        continue;
      }
      const why = rule.whyFor?.(m, text) ?? rule.why;
      accepted.push({ start, end, rule: rule.id, why, suggestion: rule.suggest(m, text) });
    }
  }
  for (const rule of CATEGORY_RULES) {
    if (options.formal && rule.legalTerm) continue;
    for (const m of wordMatches(rule.pattern, text)) {
      if (rule.accept && !rule.accept(m, text)) {
        // A lone verb in mid-sentence is only a candidate for an order ("... to get a simple answer"): the
        // rule looked at where it stands, not at what the sentence says.
        if (!rule.onlyFlags && (/\s/u.test(m[0].trim()) || isSentenceStart(text, m.index)))
          declined.push({ start: m.index, end: m.index + m[0].length });
        continue;
      }
      const span = rule.span ? rule.span(m, text) : { start: m.index, end: m.index + m[0].length };
      if (span.end <= span.start || overlaps(span.start, span.end)) continue;
      accepted.push({
        ...span,
        rule: rule.id,
        why: rule.why ?? TONE_CATEGORIES[RULE_CATEGORY[rule.id]].why,
        suggestion: unshout(rule.suggest(m, text, span), extra),
      });
    }
  }
  for (const flag of lexiconFlags(text, options.formal)) {
    if (!overlaps(flag.start, flag.end))
      accepted.push({ ...flag, suggestion: unshout(flag.suggestion, extra) });
  }
  for (const flag of [...capsFlags(text, extra), ...exclamationFlags(text)]) {
    if (!overlaps(flag.start, flag.end)) accepted.push(flag);
  }
  const flags = accepted
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((f) => ({ ...f, phrase: text.slice(f.start, f.end) }));
  return { flags, declined };
}
