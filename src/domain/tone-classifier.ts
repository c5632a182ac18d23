// The tone check's fourth layer: a small logistic-regression classifier that reads a sentence the rules
// did not flag and says how likely it is to read as accusing. Patterns and word lists catch the phrasings
// their authors thought of; the classifier learns from the 1,109 labelled sentences of sets 1 to 6, 8 and 9
// (tone-cases.ts) which words, stems, word classes and cues go with accusing sentences, so it also
// catches phrasings no rule names ("That program is garbage", "So who exactly is going to ...").
// docs/tone-check.md gives its figures, measured by cross-validation and on sets it never saw.
//
// Transparent and small on purpose: each feature is a word, a pair of words or a named cue, and the model
// is one weight per feature (tone-model.ts, written by `npm run tone:train` from tone-training.ts). Scoring
// a sentence is a sum of the weights of its features: microseconds, no network, no download. Pure: no I/O.
import { TONE_CATEGORIES, type ToneCategory } from './tone-categories.ts';
import { isJudgement, SCHOOL_NOUNS, SWEEPING_PEOPLE, valence } from './tone-words.ts';

export type ToneModel = {
  /** What the model was trained on, for the reader of the data file. */
  trainedOn: string;
  /** How the weights were fitted (tone-training.ts), so a fresh run can be compared with the committed one. */
  training: { l2: number; minCount: number; iterations: number };
  /** The score (0 to 1) at or above which a sentence the rules left alone is flagged. */
  threshold: number;
  /** Feature -> weight. A feature not listed weighs 0. */
  weights: Readonly<Record<string, number>>;
  /** Feature -> the kind of accusing sentence it was seen in most in training (the flag's rule). */
  kinds: Readonly<Record<string, ToneCategory>>;
};

/** Second person and the school's side, in the spellings parents use (apostrophes dropped, lower case). */
const READER = new Set(['you', 'your', 'u', 'ur', 'ya', 'yall', 'youre', 'youve', 'youll', 'yourself']);
/** The school's side: the rules' list (tone-words.ts) and a few words that name it in a sentence's middle. */
const SCHOOL = new Set([
  ...SCHOOL_NOUNS,
  'board',
  'case',
  'superintendent',
  'building',
  'faculty',
  'sped',
  'people',
]);
const SWEEPING = new Set([
  ...SWEEPING_PEOPLE,
  'whole',
  'always',
  'never',
  'nothing',
  'every',
  'constantly',
  'again',
]);
/** Words that add heat to a question ("Does anyone even read ...?", "Who is actually in charge?"). */
const HEAT = new Set([
  'even',
  'actually',
  'really',
  'exactly',
  'ever',
  'seriously',
  'honestly',
  'still',
  'just',
  'again',
  'supposed',
]);
/** Sweeping words that, in a question, only ask ("Does anyone know ...?"). */
const INDEFINITE = new Set(['anyone', 'anybody']);
const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'didnt',
  'dont',
  'doesnt',
  'havent',
  'hasnt',
  'cant',
  'cannot',
  'couldnt',
  'wont',
  'wouldnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'shouldnt',
]);
const SOFTENERS = new Set(['please', 'could', 'would', 'thank', 'thanks', 'appreciate', 'grateful', 'sorry']);
const ORDER_VERBS = new Set([
  'answer',
  'call',
  'do',
  'explain',
  'fix',
  'get',
  'give',
  'have',
  'make',
  'put',
  'read',
  'send',
  'stop',
  'tell',
  'quit',
  'figure',
  'step',
  'listen',
]);

/**
 * The words of a sentence as the classifier reads them: lower case, apostrophes dropped, digits as "#".
 * A hyphenated word is one word: "Make-up sessions ..." does not start with the order "make".
 */
export function toneTokens(sentence: string): string[] {
  const tokens: string[] = [];
  for (const m of sentence.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+|-[\p{L}\p{N}]+)*|[?!]/gu)) {
    tokens.push(m[0].replace(/['’]/gu, '').replace(/\p{N}+/gu, '#'));
  }
  return tokens;
}

/**
 * The features of one sentence: its words ("w:garbage"), its pairs of words ("b:you_keep", "b:<s>_stop"
 * for the first word), and named grammatical cues ("cue:judgement_of_reader"). Each counts once.
 */
export function toneFeatures(sentence: string): string[] {
  const tokens = toneTokens(sentence);
  const features = new Set<string>();
  let previous = '<s>';
  for (const t of tokens) {
    features.add(`w:${t}`);
    features.add(`b:${previous}_${t}`);
    previous = t;
  }
  features.add(`b:${previous}_</s>`);
  const words = tokens.filter((t) => t !== '?' && t !== '!');
  const reader = words.some((w) => READER.has(w));
  const school = words.some((w) => SCHOOL.has(w));
  // A judgement word (AFINN -2 or lower, not a word for a fact or feeling): who it is about decides.
  const judgement = words.some((w) => isJudgement(w));
  // A judgement word counts only with someone to judge, as in the rules: "failure" alone is a fact.
  if (judgement && (reader || school)) features.add('cue:judgement_with_reader_or_school');
  // Any negative word just after the reader ("you ... useless", "your staff ... ignored").
  for (let i = 0; i < words.length; i++) {
    if (!READER.has(words[i]!)) continue;
    const next = words.slice(i + 1, i + 5);
    if (next.some((w) => NEGATIONS.has(w))) features.add('cue:reader_with_negation');
    if (next.some((w) => valence(w) < 0)) features.add('cue:reader_with_negative_word');
  }
  const question = tokens.includes('?');
  // "anyone" in a question is the ordinary indefinite ("Does anyone know where his coat went?"), not a
  // sweeping claim; in a statement ("anyone can see ...") it sweeps.
  if (words.some((w) => SWEEPING.has(w) && !(question && INDEFINITE.has(w))))
    features.add('cue:sweeping_word');
  if (question) {
    features.add('cue:question');
    if (reader || school) features.add('cue:question_about_reader_or_school');
    if (words.some((w) => NEGATIONS.has(w))) features.add('cue:negative_question');
    // A question with nothing that takes a failure as given: no negation, judgement, sweeping word or
    // word of heat ("even", "actually"). Most of these are asking ("When is the next progress report?").
    else if (!judgement && !features.has('cue:sweeping_word') && !words.some((w) => HEAT.has(w)))
      features.add('cue:plain_question');
  }
  if (tokens.includes('!')) features.add('cue:exclamation');
  const first = words[0] ?? '';
  if (ORDER_VERBS.has(first)) features.add('cue:starts_with_order');
  if (words.some((w) => SOFTENERS.has(w))) features.add('cue:softener');
  if (first === 'i' || first === 'we' || first === 'im' || first === 'id') features.add('cue:starts_with_i');
  const praise = words.reduce((sum, w) => sum + Math.max(0, valence(w)), 0);
  if (praise >= 2) features.add('cue:praise');
  addGeneralFeatures(words, question, judgement, features);
  return [...features];
}

// --- Features that reach past the words of the training sentences ------------------------------------------
// Words alone learn the phrasings of the sentences they were trained on. These stand for many words at once,
// so a new sentence shares them even when it shares no word: the word's stem ("cancelled" and "cancels" are
// "s:cancel"), its class ("lawyer", "OCR" and "hearing" are "c:legal"), its sentiment in the AFINN lexicon
// ("v:neg"), pairs of those, and cues that combine them (a deadline with a consequence, warm words next to a
// failure). Chosen by cross-validation on sets 1 to 6 and 8 (tone-training.ts); set 7 was never used.

/** Texting spellings and contractions, read as the words they stand for. */
const SPELLINGS: Readonly<Record<string, string>> = {
  u: 'you',
  ur: 'your',
  ya: 'you',
  yall: 'you',
  youre: 'you',
  youve: 'you',
  youll: 'you',
  youd: 'you',
  r: 'are',
  im: 'i',
  id: 'i',
  ive: 'i',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  dont: 'do_not',
  didnt: 'did_not',
  doesnt: 'does_not',
  cant: 'can_not',
  cannot: 'can_not',
  wont: 'will_not',
  isnt: 'is_not',
  arent: 'are_not',
  wasnt: 'was_not',
  werent: 'were_not',
  havent: 'have_not',
  hasnt: 'has_not',
  hadnt: 'had_not',
  couldnt: 'could_not',
  wouldnt: 'would_not',
  shouldnt: 'should_not',
};

const SUFFIXES: readonly (readonly [string, string])[] = [
  ['ational', 'ate'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ingly', ''],
  ['edly', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ing', ''],
  ['ed', ''],
  ['ly', ''],
  ['ment', ''],
  ['ness', ''],
  ['es', ''],
  ['s', ''],
];

/** A light stem: the first matching suffix off, a doubled consonant and a final "e" dropped ("stopped" -> "stop"). */
export function stemOf(word: string): string {
  if (word.length <= 3 || word === '#') return word;
  let s = word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (!s.endsWith(suffix) || s.length - suffix.length < 3) continue;
    if (suffix === 's' && /(?:ss|us|is)$/u.test(s)) continue;
    s = s.slice(0, -suffix.length) + replacement;
    break;
  }
  if (s !== word && s.length > 3 && /([bdgklmnprt])\1$/u.test(s)) s = s.slice(0, -1);
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  return s;
}

/** Word classes: each stands for its words in the features ("c:legal"), alone and in pairs. */
const WORD_CLASSES: Readonly<Record<string, readonly string[]>> = {
  reader: ['you', 'your', 'yourself', 'yourselves'],
  school: [...SCHOOL],
  legal: [
    'lawyer',
    'lawyers',
    'attorney',
    'attorneys',
    'counsel',
    'legal',
    'court',
    'courts',
    'hearing',
    'process',
    'ocr',
    'complaint',
    'complaints',
    'sue',
    'suing',
    'lawsuit',
    'state',
    'superintendent',
    'board',
    'news',
    'paper',
    'media',
    'reporter',
    'press',
    'officer',
    'civil',
    'rights',
    'investigation',
    'mediation',
    'case',
  ],
  deadline: [
    'today',
    'tomorrow',
    'tonight',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'noon',
    'hours',
    'deadline',
    'week',
    'asap',
    'immediately',
    'now',
    'longer',
  ],
  consequence: [
    'or',
    'otherwise',
    'else',
    'until',
    'unless',
    'after',
    'last',
    'final',
    'more',
    'chance',
    'chances',
    'done',
    'longer',
    'next',
  ],
  repeat: ['again', 'already', 'repeatedly', 'times', 'still', 'another', 'once', 'yet', 'same', 'over'],
  sweep: [
    'nobody',
    'noone',
    'none',
    'nothing',
    'everyone',
    'everybody',
    'every',
    'always',
    'never',
    'constantly',
    'all',
    'whole',
    'single',
    'ever',
    'whenever',
    'each',
  ],
  warm: [
    'great',
    'wonderful',
    'nice',
    'lovely',
    'congratulations',
    'sure',
    'oh',
    'wow',
    'glad',
    'thanks',
    'shock',
    'surprise',
    'refreshing',
    'guess',
    'clearly',
    'obviously',
    'must',
    'gee',
    'bravo',
    'fantastic',
    'amazing',
    'love',
    'apparently',
  ],
  heat: [
    'even',
    'actually',
    'really',
    'exactly',
    'seriously',
    'honestly',
    'frankly',
    'simply',
    'just',
    'supposed',
    'point',
    'bother',
    'bothered',
    'clearly',
    'obviously',
  ],
  soft: [
    'please',
    'could',
    'would',
    'thank',
    'thanks',
    'appreciate',
    'grateful',
    'sorry',
    'wondering',
    'possible',
    'help',
    'understand',
    'like',
    'let',
    'know',
    'feel',
    'free',
  ],
  cause: [
    'because',
    'reason',
    'caused',
    'cause',
    'result',
    'fault',
    'responsible',
    'thanks',
    'blame',
    'due',
    'since',
    'created',
    'made',
  ],
  child: ['he', 'she', 'him', 'her', 'son', 'daughter', 'child', 'kid', 'boy', 'girl'],
  self: ['i', 'we', 'me', 'us', 'my', 'our'],
  failure: [
    'ignore',
    'ignored',
    'ignoring',
    'ignores',
    'disregard',
    'disregarded',
    'lost',
    'lose',
    'cancel',
    'cancelled',
    'canceled',
    'cancels',
    'skip',
    'skipped',
    'forgot',
    'forget',
    'drop',
    'dropped',
    'neglect',
    'neglected',
    'refuse',
    'refused',
    'fail',
    'failed',
    'failure',
    'let',
    'cut',
    'unanswered',
    'wrong',
    'excuse',
    'excuses',
    'promises',
    'mess',
    'runaround',
  ],
  negation: [
    'not',
    'no',
    'never',
    'nothing',
    'none',
    'nobody',
    'do_not',
    'did_not',
    'does_not',
    'can_not',
    'will_not',
    'is_not',
    'are_not',
    'was_not',
    'were_not',
    'have_not',
    'has_not',
    'had_not',
    'could_not',
    'would_not',
    'should_not',
  ],
  pressure: ['must', 'need', 'needs', 'have', 'will', 'expect', 'want', 'demand', 'require', 'required'],
};

const CLASSES_OF = new Map<string, string[]>();
for (const [name, members] of Object.entries(WORD_CLASSES)) {
  for (const w of members) CLASSES_OF.set(w, [...(CLASSES_OF.get(w) ?? []), name]);
}
const NO_CLASSES: readonly string[] = [];

/** AFINN's rating as a coarse sign: "--" (-3 or lower), "-", "+", "++" (3 or higher), or "" for neutral. */
const sentiment = (word: string): string => {
  const v = valence(word);
  return v <= -3 ? '--' : v < 0 ? '-' : v >= 3 ? '++' : v > 0 ? '+' : '';
};

/** Stems, word classes, sentiment and the cues built on them (see above), added to `features`. */
function addGeneralFeatures(
  tokens: readonly string[],
  question: boolean,
  judgement: boolean,
  features: Set<string>,
): void {
  const words = tokens.flatMap((t) => {
    const spelled = SPELLINGS[t];
    return spelled ? [spelled] : [t];
  });
  const classes = words.map((w) => CLASSES_OF.get(w) ?? NO_CLASSES);
  const has = (name: string) => classes.some((c) => c.includes(name));
  let previousClass = '<s>';
  let previousSentiment = '<s>';
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const stem = stemOf(word);
    features.add(`s:${stem}`);
    const own = classes[i]!;
    for (const c of own) {
      features.add(`c:${c}`);
      features.add(`cb:${previousClass}_${c}`);
      if (i === 0) features.add(`cs:${c}`);
    }
    previousClass = own[0] ?? stem;
    const sign = sentiment(word);
    const v = valence(word);
    if (v > 0) positive += v;
    else negative += v;
    if (sign) {
      features.add(`v:${sign}`);
      features.add(`vb:${previousSentiment}_${sign}`);
    }
    previousSentiment = sign || (own[0] ?? stem);
  }
  const someone = has('reader') || has('school');
  const cue = (name: string) => features.add(`cue:${name}`);
  if (judgement && someone) cue('judgement_of_someone');
  // Warm words around a failure: "Wonderful, another meeting where nothing happens."
  if (positive >= 2 && (negative <= -1 || has('failure') || has('negation'))) cue('warm_words_with_failure');
  if (classes[0]?.includes('warm')) cue('starts_warm');
  if (
    has('legal') &&
    (words.includes('will') ||
      words.includes('going') ||
      words.includes('next') ||
      words.includes('if') ||
      has('deadline'))
  )
    cue('legal_step_ahead');
  if (has('deadline') && has('consequence')) cue('deadline_with_consequence');
  if (question && someone && (has('negation') || has('heat') || has('sweep'))) cue('question_with_a_charge');
  if (question && !has('negation') && !has('heat') && !has('sweep') && !judgement) cue('question_that_asks');
  if (has('repeat') && (has('negation') || has('failure') || has('self'))) cue('again');
  if (has('cause') && someone && (has('negation') || has('failure') || negative < 0))
    cue('cause_and_culprit');
  if (someone && has('negation')) cue('someone_did_not');
  if (someone && has('failure')) cue('someone_failed');
  if (has('sweep') && (someone || has('failure'))) cue('sweeping_about_the_school');
  if (classes[0]?.includes('child')) cue('about_the_child');
  if ((words[0] === 'i' || words[0] === 'we') && negative < 0 && !has('soft')) cue('own_feeling_unsoftened');
  if (has('soft')) cue('softened');
  if (words.includes('than') && someone) cue('comparison');
  if (positive >= 2 && !has('negation') && negative === 0) cue('only_warm_words');
}

/** The logistic function, kept away from overflow. */
export const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

/** How likely the sentence is to read as accusing, 0 to 1. */
/**
 * The share of a sentence's words the model needs to know before it judges the sentence: under it, the words
 * are mostly of another language (a Spanish sentence read as English knows "no" and little else, and "no"
 * alone pushed "No doy mi consentimiento ..." over the threshold) or not words at all. English sentences
 * parents write know 63% to 100% of their words (sets 7, 10 and 16: none under 60%); Spanish ones read as
 * English 0% to 50% (331 of Spanish sets 1 and 2's 332 under half).
 */
export const MIN_KNOWN_WORDS = 0.5;

/** Whether the classifier flags a sentence: it knows enough of its words, and scores it at or over the threshold. */
export function classifierFlagsSentence(
  model: Pick<ToneModel, 'weights' | 'threshold'>,
  sentence: string,
): boolean {
  const features = toneFeatures(sentence);
  let words = 0;
  let known = 0;
  let z = 0;
  for (const f of features) {
    const w = model.weights[f];
    if (f.startsWith('w:')) {
      words++;
      if (w !== undefined) known++;
    }
    z += w ?? 0;
  }
  if (words > 0 && known / words < MIN_KNOWN_WORDS) return false;
  return sigmoid(z) >= model.threshold;
}

export function toneScore(model: Pick<ToneModel, 'weights'>, sentence: string): number {
  let z = 0;
  for (const f of toneFeatures(sentence)) z += model.weights[f] ?? 0;
  return sigmoid(z);
}

/**
 * The features that pushed the score up most, strongest first: what the flag is about. Named cues and
 * the sentence-start pair are left out when a word carries weight (a word can be quoted back to the parent).
 */
export function strongestFeatures(model: ToneModel, sentence: string): { feature: string; weight: number }[] {
  return toneFeatures(sentence)
    .map((feature) => ({ feature, weight: model.weights[feature] ?? 0 }))
    .filter((f) => f.weight > 0)
    .sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1));
}

/** The kind of accusing sentence this most resembles: the kind of its strongest features, by weight. */
export function likelyKind(model: ToneModel, sentence: string): ToneCategory {
  const byKind = new Map<ToneCategory, number>();
  for (const { feature, weight } of strongestFeatures(model, sentence)) {
    const kind = model.kinds[feature];
    if (kind) byKind.set(kind, (byKind.get(kind) ?? 0) + weight);
  }
  let best: ToneCategory = 'blame';
  let bestWeight = 0;
  for (const [kind, weight] of byKind) {
    if (weight > bestWeight) {
      best = kind;
      bestWeight = weight;
    }
  }
  return best;
}

export type SentenceSpan = { start: number; end: number };

/**
 * The sentences of a text, as offsets (trimmed, with their end mark): split after . ! ? and line breaks,
 * not after a title ("Ms. Park") or inside a number ("2.5 hours").
 */
export function sentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/u.test(text.charAt(s))) s++;
    while (e > s && /\s/u.test(text.charAt(e - 1))) e--;
    if (/[\p{L}\p{N}]/u.test(text.slice(s, e))) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // A run of end marks ("?!", "...") ends the sentence once.
    let j = i;
    while (j + 1 < text.length && /[.!?"”’')]/u.test(text.charAt(j + 1))) j++;
    const next = text.charAt(j + 1);
    if (next !== '' && !/\s/u.test(next)) {
      i = j;
      continue;
    }
    if (
      c === '.' &&
      /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Mx|St|vs|etc|e\.g|i\.e)$/iu.test(text.slice(Math.max(0, i - 5), i))
    )
      continue;
    // "4. that parents have rights ...": a list number, not the end of a sentence.
    if (c === '.' && /(?:^|\n)[ \t]*(?:\d{1,2}|[a-z])$/u.test(text.slice(Math.max(0, i - 4), i))) continue;
    push(j + 1);
    start = j + 1;
    i = j;
  }
  push(text.length);
  return spans;
}

/**
 * The sentences the classifier reads: prose, not list items ("- Speech: every session happened",
 * "4. that parents have rights ..."). It learned from sentences; lists, in the app's letters, are
 * enumerations it has no examples of, and the rules still read them.
 */
export function proseSentences(text: string): SentenceSpan[] {
  return sentenceSpans(text).filter(
    (s) => !/^(?:[-*•–]|\d{1,2}[.)]|[a-z][.)])\s/u.test(text.slice(s.start, s.start + 4)),
  );
}

/** The prose sentences of `text` that no span in `covered` touches: what the classifier reads. */
export function sentencesToRead(text: string, covered: readonly SentenceSpan[]): SentenceSpan[] {
  const spans = proseSentences(text);
  // A sentence reaches to where the next begins: a blanked-out quotation at its end is still its own.
  return spans.filter((s, i) => {
    const end = spans[i + 1]?.start ?? text.length;
    return !covered.some((c) => c.start < end && s.start < c.end);
  });
}

// --- Flags from the classifier --------------------------------------------------------------------------

/** A flag as tone.ts builds it (without the phrase, which it adds). */
export type ClassifierFlag = {
  start: number;
  end: number;
  /** The kind as the rule id (tone.ts): every kind but shouting, which is capitals and the rules' own. */
  rule: Exclude<ToneCategory, 'shouting'>;
  why: string;
  suggestion: string;
};

/**
 * The sentences the rules left alone that the classifier scores at or above its threshold, each with a
 * suggestion in the parent's own words. `masked` is the text with quoted words of others blanked out (same
 * offsets); `covered` are the rules' flags (a sentence with one is not read again); `flagged` says whether
 * a candidate rewrite would itself be flagged, so only a rewrite that passes the check is offered.
 */
export function classifierFlags(
  text: string,
  masked: string,
  covered: readonly { start: number; end: number }[],
  model: ToneModel,
  flagged: (candidate: string) => boolean,
): ClassifierFlag[] {
  const flags: ClassifierFlag[] = [];
  for (const span of sentencesToRead(masked, covered)) {
    const scored = masked.slice(span.start, span.end);
    if (!classifierFlagsSentence(model, scored)) continue;
    const sentence = text.slice(span.start, span.end);
    // Shouting is capitals, which the rules read; a sentence that only sounds like it is exasperation.
    const kind = likelyKind(model, scored);
    const rule = kind === 'shouting' ? 'exasperation' : kind;
    flags.push({
      ...span,
      rule,
      why: `${TONE_CATEGORIES[rule].why} (This sentence is worded like ones that read that way.)`,
      suggestion: rewriteSentence(sentence, flagged) ?? adviceFor(sentence, model, scored),
    });
  }
  return flags;
}

// Words that add heat but no fact: a rewrite leaves them out. Not "not", "never", "no": those carry the
// parent's position and facts ("I have not agreed"), and a rewrite must not weaken it.
const LEADING_ADVERB =
  /^(?:(?:so|and|but|honestly|seriously|frankly|clearly|obviously|basically|literally|once\s+again|yet\s+again|again)\b,?\s+)+/iu;
const LEADING_INTERJECTION =
  /^(?:(?:gee|wow|great|oh|sure|well|look|listen|yeah|ok|okay|thanks\s+a\s+lot|thanks\s+for\s+nothing|lol|smh|ugh)\s*[,:;]\s*)+/iu;
const INTENSIFIER =
  /\s+(?:even(?!\s+(?:if|though|when|after|before|with))|exactly|simply|really|seriously|honestly|frankly|literally|actually|totally|completely|absolutely|utterly|whatsoever|at\s+all|ever(?!\s+since)|once\s+again|yet\s+again|again\s+and\s+again|over\s+and\s+over(?:\s+again)?|just|simple|total|complete|single)(?![\p{L}\p{N}])/giu;
const TRAILING_HEAT =
  /,?\s*(?:nothing\s+else|period|no\s+excuses|no\s+more\s+excuses|no\s+more\s+delays|end\s+of\s+story|seriously|for\s+real|lol|smh|ugh)\s*(?=[.!?]*$)/iu;

/** The sentence without the words that add heat but no fact, or null when it has none. */
function withoutHeat(sentence: string): string | null {
  let s = sentence.replace(LEADING_INTERJECTION, '').replace(LEADING_ADVERB, '');
  s = s.replace(INTENSIFIER, '').replace(TRAILING_HEAT, '');
  // One calm end mark: "!" and "?!" read as a raised voice.
  s = s.replace(/\s*[!?]*!+[!?]*$/u, (end) => (end.includes('?') ? '?' : '.'));
  s = s
    .replace(/\s+([,.;:?])/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
  // "a simple answer" -> "a answer" -> "an answer".
  s = s.replace(/\b([Aa])\s+(?=[aeiouAEIOU])/gu, '$1n ');
  s = s.charAt(0).toUpperCase() + s.slice(1);
  return s !== sentence && /[\p{L}]/u.test(s) ? s : null;
}

const ORDER_START = new Set([
  ...ORDER_VERBS,
  'fix',
  'provide',
  'schedule',
  'return',
  'follow',
  'respond',
  'reply',
]);

/** An order turned into a request: "Call me the minute you get this." -> "Please call me ...". */
function asRequest(sentence: string): string | null {
  const first = /^[\p{L}]+/u.exec(sentence)?.[0]?.toLowerCase() ?? '';
  if (!ORDER_START.has(first) || /\bplease\b/iu.test(sentence)) return null;
  return `Please ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
}

const PEOPLE =
  /\b(?:you|aide|aides|teacher|teachers|principal|staff|para|therapist|counselor|director|manager|sub|substitute|people|everyone|they|Mr|Mrs|Ms|Dr|Miss)\b/iu;

/**
 * A verdict turned into the parent's view, which keeps their position: "That program is garbage" -> "I do
 * not think that program is working well for him."
 */
function asOwnView(sentence: string): string | null {
  const m =
    /^(?<subject>[\p{L}][\p{L}\p{N}'’ -]{2,60}?)\s+(?:is|are|was|were|has\s+been|have\s+been|seems|seem|looks|look)\s+(?:like\s+)?(?:(?:a|an|the)\s+)?(?<word>[\p{L}-]+)(?<rest>(?:\s+[\p{L}'’-]+){0,3})\s*[.!?]*$/u.exec(
      sentence,
    );
  if (!m?.groups) return null;
  const word = m.groups.word!.toLowerCase();
  if (!(valence(word) < 0 || VERDICT_NOUNS.has(word))) return null;
  const subject = m.groups.subject!;
  if (/^(?:I|we|he|she|it|this|that|my|our)$/iu.test(subject)) return null;
  const lower = /^(?:The|This|That|These|Those|His|Her|Their|Your)\b/u.test(subject)
    ? subject.charAt(0).toLowerCase() + subject.slice(1)
    : subject;
  const plural = /s$/iu.test(subject.trim().split(/\s+/u).pop() ?? '') && !/ss$/iu.test(subject);
  const who = /\bshe\b|\bher\b/iu.test(sentence)
    ? 'her'
    : /\bhe\b|\bhim\b|\bhis\b/iu.test(sentence)
      ? 'him'
      : 'my child';
  const how = PEOPLE.test(subject) ? `with ${who}` : `for ${who}`;
  return `I do not think ${lower} ${plural ? 'are' : 'is'} working well ${how}.`;
}

const VERDICT_NOUNS = new Set([
  'garbage',
  'trash',
  'waste',
  'joke',
  'mess',
  'disaster',
  'farce',
  'circus',
  'burden',
]);

/** The best rewrite that keeps the facts and passes the check itself, or null when there is none. */
function rewriteSentence(sentence: string, flagged: (candidate: string) => boolean): string | null {
  const calm = withoutHeat(sentence) ?? sentence;
  const candidates = [calm, asRequest(calm), asOwnView(calm)];
  for (const c of candidates) {
    if (c && c !== sentence && !flagged(c)) return c;
  }
  return null;
}

// Little words that say nothing on their own: not quoted back as "the words that weigh most".
const FUNCTION_WORDS = new Set(
  'a an the this that these those to of in on at for by with and or but so is are was were be been it its i im id we me my our he she him his her they them their you your u ur do does did have has had will would can could not no if as from about than then there here what who how why when which just'.split(
    ' ',
  ),
);

/**
 * Advice for a sentence no rewrite fixes without losing a fact: it quotes the words that weigh most (or
 * the start of the sentence) and says what to write instead. It starts with "You wrote", so the letter
 * editor offers it as advice, not as wording to paste (web/features/letters/tone-fix.ts).
 */
function adviceFor(sentence: string, model: ToneModel, scored: string): string {
  const quoted: string[] = [];
  for (const { feature } of strongestFeatures(model, scored)) {
    if (quoted.length === 2) break;
    if (!feature.startsWith('w:') && !feature.startsWith('b:')) continue;
    const words = feature.slice(2).split('_');
    if (words.some((w) => w === '<s>' || w === '</s>' || w === '?' || w === '!' || w === '#')) continue;
    if (words.every((w) => FUNCTION_WORDS.has(w))) continue;
    const found = findWords(sentence, words);
    if (found && !quoted.some((q) => q.toLowerCase().includes(found.toLowerCase()))) quoted.push(found);
  }
  const words =
    quoted.length > 0
      ? quoted.map((q) => `“${q}”`).join(' and ')
      : `“${sentence.length > 60 ? `${sentence.slice(0, 57).replace(/\s+\S*$/u, '')}…` : sentence}”`;
  return `You wrote ${words}. Say what happened, with the dates, and what you would like instead: “On [date], ... I would like ...”.`;
}

/** The words as the parent wrote them (any case, with or without apostrophes), or null. */
function findWords(sentence: string, words: readonly string[]): string | null {
  const body = words
    .map((w) => [...w].map((c) => c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join("['’]?"))
    .join('\\s+');
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu').exec(sentence);
  return m ? m[0] : null;
}
