// The tone check's rules for what an angry parent really writes (threats, ultimatums, orders, insults,
// sarcasm, rhetorical questions, blame, absolutes, exasperation): grammatical patterns (who is the
// subject, a question's form, a modal's pressure, an intensifier) combined with the AFINN sentiment
// lexicon (tone-words.ts) for the judgement words no list keeps up with. Each rule flags the offending
// words only, and its suggestion replaces exactly those words, keeping the parent's facts (dates, the
// service, the child) and position (they still disagree, still want it fixed by Friday): firm, not
// accusing. tone.ts runs these after its older phrase rules. Pure: no I/O.
//
// Why each kind reads badly is in tone-categories.ts and docs/tone-check.md.
import type { ToneRuleId } from './tone.ts';
import { TONE_CATEGORIES } from './tone-categories.ts';
import {
  baseForm,
  baseOfGerund,
  beFor,
  childIn,
  clauseEnd,
  deadlineIn,
  gerund,
  IMPERATIVE_VERBS,
  isJudgement,
  isProfanity,
  isSentenceStart,
  lowerFirst,
  participle,
  SCHOOL_NOUN,
  SCHOOL_SUBJECT,
  STAFF_NAME,
  sentenceEnd,
  sentenceStart,
  tidy,
  valenceOf,
  YOU,
  YOUR,
} from './tone-words.ts';

export type Span = { start: number; end: number };

export type CategoryRule = {
  id: ToneRuleId;
  pattern: RegExp;
  /** A formal complaint may need these words: not flagged with `{ formal: true }`. */
  legalTerm?: boolean;
  /** Why this reads badly; defaults to the category's reason. */
  why?: string;
  /** Context the pattern cannot see; false drops the match. */
  accept?: (m: RegExpExecArray, text: string) => boolean;
  /** The words to flag, when they are not exactly the match. */
  span?: (m: RegExpExecArray, text: string) => Span;
  /** The gentler words that replace exactly the flagged span. */
  suggest: (m: RegExpExecArray, text: string, span: Span) => string;
};

/** The suggestion that tells the editor to delete the flagged words (web/features/letters/tone-fix.ts). */
export const LEAVE_OUT = 'Leave this out and state the fact plainly.';

const WORD_START = '(?<![\\p{L}\\p{N}_])';
const WORD_END = '(?![\\p{L}\\p{N}_])';
const A = "['’]?";

/** A rule's pattern: whole words (its start is checked by wordMatches, its end here), any case. */
function rx(body: string): RegExp {
  return new RegExp(`(?:${body})${WORD_END}`, 'giud');
}

const group = (m: RegExpExecArray, i: number | string): string =>
  (typeof i === 'number' ? m[i] : m.groups?.[i]) ?? '';

/** The rest of the clause after `index`, in the parent's words. */
const restOfClause = (text: string, index: number): string => tidy(text.slice(index, clauseEnd(text, index)));

/** The span from the start of the match to the end of its clause. */
const toClauseEnd = (m: RegExpExecArray, text: string): Span => ({
  start: m.index,
  end: Math.max(m.index + m[0].length, clauseEnd(text, m.index + m[0].length)),
});

/** The span from the match's sentence start to the end of the match's clause. */
const clauseAround = (m: RegExpExecArray, text: string): Span => ({
  start: clauseStart(text, m.index),
  end: Math.max(m.index + m[0].length, clauseEnd(text, m.index + m[0].length)),
});

/** The start of the clause holding `index`: the sentence start, or after "; ", ", and ", " and I". */
function clauseStart(text: string, index: number): number {
  const s = sentenceStart(text, index);
  // Read on past `index`, so the lookahead sees the word after "and"; only cuts before `index` count.
  const around = text.slice(s, index + 8);
  let cut = 0;
  for (const m of around.matchAll(
    /(?:,\s+(?:and|but|so)\s+|\s+(?:and|but|so)\s+(?=(?:I|we|all|it|this|they)\b)|;\s*)/giu,
  )) {
    if (m.index + m[0].length <= index - s) cut = m.index + m[0].length;
  }
  return s + cut;
}

/**
 * A threat's span: its clause, with an "if ..." condition before or after it in the same sentence, and a
 * promise to carry it out ("..., and believe me I will take it").
 */
function withCondition(span: Span, text: string): Span {
  const s = sentenceStart(text, span.start);
  let { start, end } = span;
  if (/^\s*(?:if|unless)\b/iu.test(text.slice(s, start))) start = s;
  const after = /^,?\s+(?:if|unless|until)\b/iu.exec(text.slice(end));
  if (after) end = clauseEnd(text, end + after[0].length);
  const promise =
    /^,?\s+and\s+(?:believe\s+me\s+|trust\s+me\s+)?(?:I|we)(?:['’]ll|\s+will|\s+am\s+going\s+to)\b/iu.exec(
      text.slice(end),
    );
  if (promise) end = sentenceEnd(text, end + promise[0].length);
  return { start, end };
}

// --- Threats ------------------------------------------------------------------------------------------

const THREAT_TARGET =
  '(?:lawyers?|attorneys?|legal|courts?|due\\s+process|(?:a\\s+|formal\\s+|state\\s+)?complaint|OCR|civil\\s+rights|the\\s+state|state\\s+(?:department|board)|department\\s+of\\s+education|superintendent|(?:school\\s+)?board|director|news|media|press|reporters?|newspapers?|paper|facebook|social\\s+media|district\\s+office|(?:your|her|his|their)\\s+(?:boss|supervisor|superiors?|heads?)|higher\\s+up|over\\s+(?:your|her|his|their)\\s+heads?|above\\s+(?:your|her|his|their)\\s+heads?)(?![\\x27\\u2019]s\\b|\\s+(?:forms?|guidelines?|website|standards?|tests?|testing|assessments?|reports?|requirements?|rules?|polic(?:y|ies)|laws?|handbook|meeting|approved|funded|funding|certified|licensed))';

/** "I will", "I'll", "we are going to", "I am prepared to", "make me", "I have no choice but to". */
const INTENT = `(?:(?:I|i|we)(?:['’]ll|\\s+will|\\s+shall|\\s+(?:will|shall)\\s+(?:have|need)\\s+to|['’]ll\\s+(?:have|need)\\s+to|(?:['’]ll|\\s+will)\\s+(?:have\\s+no\\s+(?:choice|option)\\s+but|be\\s+forced)\\s+to|(?:${A}m|\\s+am|['’]re|\\s+are|\\s+will\\s+be|['’]ll\\s+be)\\s+(?:going|gonna|prepared|ready|planning)(?:\\s+to)?|\\s+(?:plan|intend|have\\s+no\\s+choice\\s+but|will\\s+have|['’]ll\\s+have)\\s+to|\\s+won${A}t\\s+hesitate\\s+to|\\s+will\\s+not\\s+hesitate\\s+to)|(?:make|force)\\s+me(?:\\s+to)?|(?:my|our)\\s+\\p{L}+\\s+and\\s+I\\s+(?:are|will)\\s+(?:prepared|ready|going)\\s+to)`;

/** "I'm going straight to", "we are going over your head": the going is the threat's verb. */
const GOING_TO = `(?:I|i|we)(?:${A}m|\\s+am|['’]re|\\s+are|['’]ll\\s+be|\\s+will\\s+be)\\s+(?:going|heading|taking\\s+this)\\s+(?:straight\\s+|right\\s+|directly\\s+)?(?:to|over|above)`;

const THREAT_VERB =
  '(?:be\\s+)?(?:(?:contact|call|get|involv|hir|retain|report|fil|su|escalat|forward|post|shar|writ|tak|go|notif|inform|loop|bring|complain|reach|let|speak|talk|cc|alert|tell)(?:e|es|ed|ing|s|ies|y|ied)?)';

/** What follows a call to an office when it is only to ask something: "... to ask about the bus". */
const JUST_ASKING =
  /^[^.;!?\n]{0,40}?\bto\s+(?:ask|check|find\s+out|see\s+(?:if|whether|when)|confirm|schedule|set\s+up|arrange|request\s+(?:a\s+)?(?:copy|copies|records?)|get\s+(?:a\s+)?cop(?:y|ies))\b/iu;

const threatSuggestion = (text: string, span: Span): string => {
  const deadline = deadlineIn(text.slice(span.start, span.end));
  return `I would like to resolve this with you${deadline ? ` ${deadline}` : ''}; if we cannot, I will look at my other options`;
};

/**
 * A consequence said as under way or carried out by someone else, flagged with its clause and condition;
 * not when the rest of the sentence says why the office is called ("... to ask about the bus").
 */
const THREAT_UNDER_WAY: Pick<CategoryRule, 'legalTerm' | 'accept' | 'span' | 'suggest'> = {
  legalTerm: true,
  accept: (m, text) => !JUST_ASKING.test(text.slice(m.index + m[0].length)),
  span: (m, text) => withCondition(clauseAround(m, text), text),
  suggest: (_m, text, span) => threatSuggestion(text, span),
};

const THREAT_RULES: CategoryRule[] = [
  {
    // "I will be contacting a lawyer", "dont make me go to the school board", "I'm going straight to the
    // superintendent", "we will be reporting this to the Office for Civil Rights".
    id: 'threat',
    pattern: rx(
      `(?:${INTENT}(?:\\s+(?:just|then|now|also|definitely|simply|be|straight|right|directly))*\\s+${THREAT_VERB}\\b|${GOING_TO})[^.;!?\\n]{0,60}?${THREAT_TARGET}`,
    ),
    legalTerm: true,
    span: (m, text) => withCondition(clauseAround(m, text), text),
    suggest: (_m, text, span) => threatSuggestion(text, span),
  },
  {
    // The consequence said as already under way, with no word of intent: "if he misses one more session im
    // calling the state", "I'm reporting this to the superintendent", "we're getting a lawyer". Saying why
    // an office is being called ("I'm calling the district office to ask about the bus") is not a threat.
    id: 'threat',
    pattern: rx(
      `(?:(?:I|i|we)(?:${A}m|\\s+am|['’]re|\\s+are)|ill\\s+be)\\s+(?:now\\s+|just\\s+|then\\s+|officially\\s+|definitely\\s+)?(?:calling|reporting|filing|suing|contacting|escalating|involving|getting|hiring|retaining|bringing|alerting|notifying|taking)\\b[^.;!?\\n]{0,60}?${THREAT_TARGET}`,
    ),
    ...THREAT_UNDER_WAY,
  },
  {
    // Someone else will carry it out: "My advocate will be filing a complaint with the state", "our attorney
    // will be taking this further", "the state will be looking into this". Saying who comes to a meeting is
    // not a threat ("Our advocate will join the meeting by phone", "Our attorney will attend").
    id: 'threat',
    pattern: rx(
      `(?:(?:my|our|the\\s+family['’]s)\\s+(?:lawyer|attorney|advocate|legal\\s+team)|(?:the\\s+)?(?:state|superintendent|school\\s+board|district\\s+office|OCR|office\\s+for\\s+civil\\s+rights))\\s+(?:will|['’]ll|is\\s+going\\s+to|is\\s+about\\s+to)\\s+(?:be\\s+)?(?:(?:fil(?:e|ing)|su(?:e|ing)|tak(?:e|ing)\\s+(?:this|it|action|things)|pursu(?:e|ing)|look(?:ing)?\\s+into|investigat(?:e|ing)|request(?:ing)?\\s+(?:a\\s+)?(?:due\\s+process\\s+)?hearing)\\b[^.;!?\\n]{0,60}|${THREAT_VERB}\\b[^.;!?\\n]{0,60}?${THREAT_TARGET})`,
    ),
    ...THREAT_UNDER_WAY,
  },
  {
    // "You'll be hearing from our attorney", "Expect a call from my lawyer", "see you in court" (or "in due
    // process").
    id: 'threat',
    pattern: rx(
      `(?:(?:${YOU}|(?:the|your)\\s+(?:district|school|principal|superintendent|board|team))${A}(?:ll|\\s+will)\\s+(?:be\\s+)?hear(?:ing)?\\s+from|expect\\s+(?:a|an)\\s+(?:call|letter|email)\\s+from)\\s+(?:my|our|the\\s+family['’]s)\\s+(?:lawyer|attorney|advocate|legal\\s+team)|see\\s+you\\s+in\\s+(?:court|due\\s+process|(?:a\\s+|the\\s+)?(?:hearing|mediation))|(?:take|taking|pursue|pursuing|consider(?:ing)?)\\s+legal\\s+action|legal\\s+action|(?:we|I)\\s+know\\s+(?:our|my)\\s+rights|(?:have|['’]ve)\\s+(?:already\\s+)?(?:spoken|talked|met|consulted)\\s+(?:to|with)\\s+(?:a|an|our|my)\\s+(?:lawyer|attorney)|consider\\s+this\\s+(?:a|your|my)\\s+(?:formal\\s+|final\\s+|last\\s+)?warning|you\\s+have\\s+been\\s+warned|(?:my|our|the\\s+family['’]s)\\s+(?:lawyer|attorney|legal\\s+team)\\s+(?:will|is\\s+going\\s+to|['’]ll)\\s+(?:be\\s+)?(?:in\\s+touch|contact(?:ing)?|call(?:ing)?|reach(?:ing)?\\s+out|writ(?:e|ing)|send(?:ing)?|follow(?:ing)?\\s+up)|(?:I|we)(?:['’]ve|\\s+have)\\s+(?:already\\s+)?(?:contacted|called|hired|retained|consulted|reached\\s+out\\s+to|met\\s+with)\\s+(?:a|an|our|my)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:lawyer|attorney)`,
    ),
    legalTerm: false,
    span: (m, text) => withCondition(clauseAround(m, text), text),
    suggest: (_m, text, span) => threatSuggestion(text, span),
  },
  {
    // "a letter from our attorney", "as far as it takes", "I'm not afraid to use them", "The
    // superintendent will be hearing about this", "my lawyer will hear about this". Saying who will attend a
    // meeting is not a threat.
    id: 'threat',
    pattern: rx(
      `(?:letter|call|email|message|visit|word)\\s+from\\s+(?:my|our|the\\s+family['’]s)\\s+(?:lawyer|attorney|legal\\s+team)|as\\s+far\\s+as\\s+(?:it\\s+takes|I\\s+(?:need|have)\\s+to|necessary|I\\s+can)|(?:not|never)\\s+(?:be\\s+)?afraid\\s+to\\s+use\\s+(?:it|them|this)|(?:won['’]?t|will\\s+not)\\s+hesitate\\s+to\\s+use|(?:(?:the\\s+)?(?:superintendent|school\\s+board|board|state|director|district\\s+office|OCR|news|press|media)|(?:my|our)\\s+(?:lawyer|attorney|advocate|legal\\s+team))\\s+will\\s+(?:be\\s+)?hear(?:ing)?\\s+(?:about|of)\\s+(?:this|it|all\\s+of\\s+this)`,
    ),
    legalTerm: false,
    span: (m, text) => withCondition(clauseAround(m, text), text),
    suggest: (_m, text, span) => threatSuggestion(text, span),
  },
  {
    // Accountability as a threat: "You will be held accountable", "the district will regret this", "I will
    // hold the school responsible for every missed minute".
    id: 'threat',
    pattern: rx(
      `(?:(?:${SCHOOL_SUBJECT}|someone|somebody|everyone\\s+involved|people|heads)\\s+(?:will|['’]ll|are\\s+going\\s+to|is\\s+going\\s+to)\\s+(?:be\\s+held\\s+(?:personally\\s+)?(?:accountable|responsible|liable)|regret\\s+(?:this|it)|pay\\s+for\\s+(?:this|it)|roll)|(?:I|we)(?:['’]ll|\\s+will|\\s+am\\s+going\\s+to|['’]m\\s+going\\s+to)\\s+hold\\s+(?:you|the\\s+\\p{L}+|everyone|\\p{L}+\\s+\\p{L}+)\\s+(?:personally\\s+)?(?:accountable|responsible|liable))`,
    ),
    legalTerm: false,
    span: (m, text) => withCondition(clauseAround(m, text), text),
    suggest: (_m, text, span) => threatSuggestion(text, span),
  },
  {
    // "so you may want to think carefully about your next reply"
    id: 'threat',
    pattern: rx(
      `(?:you|u)\\s+(?:may|might)\\s+want\\s+to\\s+(?:think\\s+(?:very\\s+)?carefully|reconsider|be\\s+(?:very\\s+)?careful)[^.;!?\\n]*`,
    ),
    legalTerm: false,
    suggest: () => 'I hope we can work this out together',
  },
  {
    // "I'll go to the district if I have to."
    id: 'threat',
    pattern: rx(
      `(?:I|we)(?:['’]ll|\\s+will|['’]m\\s+going\\s+to|\\s+am\\s+going\\s+to|['’]re\\s+going\\s+to|\\s+are\\s+going\\s+to)\\s+(?:go|take\\s+(?:this|it))\\s+(?:straight\\s+|right\\s+|directly\\s+)?(?:to|over)\\s+the\\s+district(?!['’]s)`,
    ),
    legalTerm: true,
    span: (m, text) => withCondition(clauseAround(m, text), text),
    suggest: (_m, text, span) => threatSuggestion(text, span),
  },
  {
    // "I'll be taking this over your head", "before I escalate", "or I escalate".
    id: 'threat',
    pattern: rx(
      `(?:(?:I|we)(?:['’]ll|\\s+will|${A}m|\\s+am)?\\s+(?:be\\s+)?(?:tak(?:e|ing)|go(?:ing)?)\\s+(?:this|it|things)?\\s*(?:over|above)\\s+(?:your|her|his|their)\\s+heads?|(?:before|then|otherwise|until)\\s+(?:I|we)\\s+(?:escalate|go\\s+higher|take\\s+(?:this|it)\\s+(?:further|higher|elsewhere)))`,
    ),
    legalTerm: false,
    span: (m, text) => withCondition(clauseAround(m, text), text),
    suggest: (_m, text, span) => threatSuggestion(text, span),
  },
  {
    // "all of it will go to OCR", "this is going straight to the board".
    id: 'threat',
    pattern: rx(
      `(?:it|this|that|everything|all\\s+of\\s+(?:it|this))\\s+(?:will|is\\s+going\\s+to|['’]ll|is\\s+going)\\s+(?:all\\s+)?(?:go|be\\s+(?:sent|forwarded|reported|shared|going))?\\s*(?:straight\\s+|right\\s+|directly\\s+)?to\\s+${THREAT_TARGET}`,
    ),
    legalTerm: true,
    span: (m, text) => withCondition(clauseAround(m, text), text),
    suggest: (_m, text, span) => threatSuggestion(text, span),
  },
  {
    // "Maybe the local news would be interested in how you treat ...".
    id: 'threat',
    pattern: rx(
      '(?:the\\s+)?(?:local\\s+)?(?:news|media|press|reporters?|newspapers?|paper|tv\\s+station)s?\\s+(?:would|might|will|could)\\s+(?:be\\s+)?(?:very\\s+)?(?:interested|love|like|want)',
    ),
    legalTerm: false,
    span: (m, text) => ({ start: sentenceStart(text, m.index), end: sentenceEnd(text, m.index) }),
    suggest: (_m, text, span) => threatSuggestion(text, span),
  },
  {
    // "I'm cc'ing the director": copying someone is a fact; announcing it as a threat is the tone.
    id: 'threat',
    pattern: rx(
      `(?:I|i|we)(?:${A}m|\\s+am|['’]re|\\s+are|['’]ll|\\s+will|['’]ll\\s+be|\\s+will\\s+be)?\\s+(?:cc${A}?ing|cc${A}?ed|copying|cc)\\s+(?<who>(?:the|my|our|your)\\s+[^.;!?,\\n]{2,60}?)(?=\\s+(?:since|because|as|so)\\b|[.;!?,\\n]|$)`,
    ),
    legalTerm: false,
    accept: (m, text) =>
      /director|superintendent|principal|board|lawyer|attorney|advocate|state|district|boss|supervisor/iu.test(
        group(m, 'who'),
      ) &&
      // Saying why, for everyone's information, is how the gentler wording puts it.
      !/^\s*(?:so\s+(?:that\s+)?(?:everyone|we\s+all|they|she|he)|for\s+(?:their|his|her|your)\s+information|to\s+keep\s+\p{L}+\s+informed)/iu.test(
        text.slice(m.index + m[0].length),
      ),
    suggest: (m) =>
      `I am copying ${group(m, 'who').replace(/^your\s/iu, 'the ')} so that everyone has the same information`,
  },
];

// --- Ultimatums ---------------------------------------------------------------------------------------

/** What an ultimatum threatens, as its consequence: drastic steps, not "I will follow up by phone". */
const DRASTIC =
  '(?:go(?:ing)?\\s+(?:to|over|above)|escalate|act|tak(?:e|ing)\\s+(?:further|formal|other|additional|more\\s+serious)\\s+(?:steps|action|measures)|tak(?:e|ing)\\s+matters\\s+into\\s+(?:my|our)\\s+own\\s+hands|do\\s+(?:whatever|what)\\s+(?:it\\s+takes|I\\s+(?:have|need)\\s+to|we\\s+(?:have|need)\\s+to)|tak(?:e|ing)\\s+(?:this|it|him|her|them|further|legal|action|matters)|pull(?:ing)?\\s+(?:him|her|them|my)|keep(?:ing)?\\s+(?:him|her|them|my\\s+\\p{L}+)\\s+home|withdraw(?:ing)?|remov(?:e|ing)\\s+(?:him|her|them)|have\\s+(?:a|an)\\s+(?:very\\s+)?(?:different|serious|difficult)\\s+conversation|stop\\s+being\\s+(?:nice|polite|patient)|be\\s+done|done\\s+(?:talking|asking|waiting|being\\s+nice|with\\s+(?:this|you))|assume)';

const CONSEQUENCE_SUBJECT = `(?:I|i|we)(?:${A}m|\\s+am|['’]re|\\s+are|['’]ll|\\s+will|\\s+am\\s+going\\s+to|${A}m\\s+going\\s+to|\\s+are\\s+going\\s+to|['’]re\\s+going\\s+to|['’]ll\\s+have\\s+to|\\s+will\\s+have\\s+to|\\s+have\\s+no\\s+choice\\s+but\\s+to|(?:['’]ll|\\s+will)\\s+be\\s+forced\\s+to)?`;

/**
 * The consequence that falls on the child: "or he stays home", "he won't be coming back", "she is done
 * with that school". Said as what will follow if the school does not act, it is an ultimatum.
 */
const CHILD_CONSEQUENCE = `(?:he|she|they|my\\s+(?:son|daughter|child|kid|kids|children))\\s+(?:(?:will|is\\s+going\\s+to|['’]ll)\\s+)?(?:stay(?:s|ing)?\\s+home|(?:is|are|will\\s+be|['’]s|['’]re)\\s+(?:staying\\s+home|done|out\\s+of\\s+(?:there|that\\s+school|your\\s+school|school)|not\\s+coming\\s+back|not\\s+going\\s+back)|(?:won${A}t|will\\s+not|isn${A}t|is\\s+not|doesn${A}t|does\\s+not)\\s+(?:be\\s+)?(?:coming|come|going|go|attend(?:ing)?|return(?:ing)?)\\s+(?:back|in|to\\s+(?:school|class|your\\s+school|that\\s+school)))`;

/** A condition on the school's side that did not happen: "if the aide isn't back", "if this happens again". */
const SCHOOL_FAILS =
  /^(?=.*\b(?:you|u|ur|your|school|staff|aide|para|teacher|district|IEP|504|plan|sessions?|speech|OT|PT|services?|minutes|accommodations?|bus|this|it|that|I|we|anyone|anybody|nobody|no\s+one|someone)\b)(?=.*(?:\b(?:not|no|never|another|again|still|keeps?|continues?)\b|n['’]?t\b|one\s+more))/iu;

const NEXT_STEPS = 'if that is not possible, I would like to talk about next steps';

/** "Fix this by Monday" -> "please fix this by Monday"; "the minutes get made up" -> "it is important to me that ...". */
function asRequest(clause: string): string {
  const c = tidy(clause)
    .replace(/^(?:either|so|and|but|then)\s+/iu, '')
    .replace(
      new RegExp(`^${YOU}\\s+(?:need\\s+to|must|have\\s+to|had\\s+better|['’]?d\\s+better|better)\\s+`, 'iu'),
      'you ',
    );
  const you = new RegExp(`^${YOU}\\s+`, 'iu').exec(c);
  if (you) return `please ${c.slice(you[0].length)}`;
  const first = c.split(/\s+/u)[0]!.toLowerCase();
  if (IMPERATIVE_VERBS.has(first)) return `please ${lowerFirst(c)}`;
  return `it is important to me that ${lowerFirst(c)}`;
}

const ULTIMATUM_RULES: CategoryRule[] = [
  {
    // "Fix this by Monday or else", "Get it done by Friday or I escalate", "Either you schedule the
    // sessions this week or I go to the district", "either the minutes get made up or we are going to ...",
    // and a consequence for the child: "Put the aide back or he stays home".
    id: 'ultimatum',
    pattern: rx(
      `or\\s+(?:else\\b(?:[^.;!?\\n]{0,80})|(?:else\\s+)?${CONSEQUENCE_SUBJECT}\\s+(?:${DRASTIC}|${THREAT_VERB}\\b[^.;!?\\n]{0,40}?${THREAT_TARGET})[^.;!?\\n]{0,80}|(?:else\\s+)?${CHILD_CONSEQUENCE}[^.;!?\\n]{0,80})`,
    ),
    legalTerm: false,
    accept: (m, text) =>
      /\p{L}[^.;!?\n]{2,}$/u.test(text.slice(sentenceStart(text, m.index), m.index).trim()),
    span: (m, text) => {
      // From the start of the request: "either ..." (keeping "I am done being patient, so"), or its clause.
      const s = sentenceStart(text, m.index);
      const either = /(?:\bso\s+)?\beither\s/iu.exec(text.slice(s, m.index));
      let start = either ? s + either.index : clauseStart(text, m.index);
      const so = /^so\s+/iu.exec(text.slice(start));
      if (so) start += so[0].length;
      return { start, end: m.index + m[0].length };
    },
    suggest: (m, text, span) =>
      `${upperFirstWord(asRequest(text.slice(span.start, m.index).replace(/[\s,]+$/u, '')))}; ${NEXT_STEPS}`,
  },
  {
    // "If the aide isn't back by Wednesday, I'm pulling him out of school": the condition is the parent's
    // request and stays; the consequence is the ultimatum.
    id: 'ultimatum',
    pattern: rx(
      `if\\b[^.;!?\\n]{3,150}?,?\\s+(?:then\\s+)?(?<then>(?:(?:${CONSEQUENCE_SUBJECT}|im|ill|we['’]?re|we\\s+are)\\s+${DRASTIC}|${CHILD_CONSEQUENCE})[^.;!?\\n,]{0,80})`,
    ),
    legalTerm: false,
    // "If he has a fever, he stays home" is not an ultimatum: a consequence for the child needs a condition
    // on the school's side that did not happen ("If the aide isn't back", "if this happens again").
    accept: (m, text) =>
      !new RegExp(`^${CHILD_CONSEQUENCE}`, 'iu').test(group(m, 'then')) ||
      SCHOOL_FAILS.test(text.slice(m.index, m.indices![1]![0])),
    span: (m) => {
      const start = m.indices![1]![0];
      return { start, end: m.index + m[0].length };
    },
    suggest: () => 'I would like to talk about next steps',
  },
  {
    // "This better be fixed by Monday", "It had better be done": pressure without a person to ask.
    id: 'ultimatum',
    pattern: rx(
      `(?<what>this|it|that|everything|(?:the|his|her)\\s+[\\p{L}-]+)\\s+(?:had\\s+)?better\\s+be\\s+(?<rest>[^.;!?,\\n]+)`,
    ),
    suggest: (m) => `I would like ${lowerFirst(tidy(group(m, 'what')))} to be ${tidy(group(m, 'rest'))}`,
  },
  {
    // "You have until Friday to get this sorted."
    id: 'ultimatum',
    pattern: rx(
      `${YOU}\\s+(?:have|got|get)\\s+until\\s+(?<when>[^.;!?,\\n]{2,40}?)(?:\\s+to\\s+(?<what>[^.;!?,\\n]{2,80}))?(?=[.;!?,\\n]|$)`,
    ),
    legalTerm: false,
    suggest: (m) =>
      group(m, 'what')
        ? `I would like us to ${tidy(group(m, 'what'))} by ${tidy(group(m, 'when'))}`
        : `I would like an answer by ${tidy(group(m, 'when'))}`,
  },
  {
    // A bare deadline: "You have one week.", "you've got 48 hours to respond". Saying what the law allows
    // ("You have 10 days to respond under ...") is information, not pressure.
    id: 'ultimatum',
    pattern: rx(
      `${YOU}(?:\\s+have|${A}ve|\\s+have)?(?:\\s+(?:got|get|have))?\\s+(?:exactly\\s+|only\\s+|just\\s+)?(?<when>(?:one|two|three|four|five|six|seven|ten|fourteen|thirty|a|\\d+)(?:\\s+(?:more|full|school|business|working|calendar))?\\s+(?:hours?|days?|weeks?|months?))(?:\\s+to\\s+(?<what>[^.;!?,\\n]{2,80}?))?(?=[.;!?,\\n]|$)`,
    ),
    legalTerm: false,
    accept: (m, text) => {
      const before = text.slice(sentenceStart(text, m.index), m.index);
      if (/\b(?:if|that|know|understand|since|because|when|whether)\s*$/iu.test(before)) return false;
      return !/\b(?:under|according|per|by\s+law|the\s+law|regulations?|rules?|policy|CFR)\b/iu.test(
        group(m, 'what'),
      );
    },
    suggest: (m) => {
      const when = tidy(group(m, 'when')).replace(/^a\s/iu, 'one ');
      const what = tidy(group(m, 'what'));
      if (!what || /^(?:respond|reply|answer|get\s+back|write\s+back|let\s+me\s+know)\b/iu.test(what))
        return `I would like an answer within ${when}`;
      return `I would like you to ${what} within ${when}`;
    },
  },
  {
    // "One more cancelled session and we are done here": the next miss is the condition of a consequence.
    id: 'ultimatum',
    pattern: rx(
      `one\\s+more\\s+(?<what>[^.;!?,\\n]{2,40}?),?\\s+and\\s+(?:then\\s+)?(?:I|i|we|he|she|you|u|this|it|that|they)\\b[^.;!?\\n]{1,80}`,
    ),
    legalTerm: false,
    // "One more question and I'll let you go" is small talk.
    accept: (m, text) =>
      isSentenceStart(text, m.index) &&
      !/^(?:thing|question|note|request|favou?r|point|reminder|detail|idea|suggestion|item|update|bit|photo|picture|form)s?$/iu.test(
        tidy(group(m, 'what')),
      ),
    suggest: (m) => {
      const what = tidy(group(m, 'what'));
      return /^(?:time|times)$/iu.test(what)
        ? 'If this happens again, I would like to talk about next steps'
        : `If there is another ${what}, I would like to talk about next steps`;
    },
  },
  {
    // "This is your last chance to make it right."
    id: 'ultimatum',
    pattern: rx(
      `(?:this|it|that)(?:${A}s|\\s+is)\\s+(?:your|the)\\s+(?:last|final|only)\\s+(?:chance|warning|opportunity)(?:\\s+to\\s+(?<what>[^.;!?,\\n]{2,80}))?`,
    ),
    legalTerm: false,
    suggest: (m) =>
      group(m, 'what')
        ? `I would still like us to ${tidy(group(m, 'what'))} together`
        : 'I would still like to work this out with you',
  },
  {
    // "I will not tolerate this any longer", "I won't put up with it".
    id: 'ultimatum',
    pattern: rx(
      `(?:I|we)\\s+(?:will\\s+not|won${A}t|wont|am\\s+not\\s+going\\s+to|refuse\\s+to|cannot|can${A}t|cant)\\s+(?:tolerate|stand\\s+for|put\\s+up\\s+with|accept)(?<what>\\s+(?:this|that|it|any\\s+more\\s+\\p{L}+|these\\s+\\p{L}+))?(?:\\s+(?:any\\s+(?:longer|more)|anymore))?`,
    ),
    legalTerm: false,
    accept: (m) => !/\b(?:cannot|can['’]?t|cant)\s+accept\b/iu.test(m[0]),
    suggest: (m) => {
      const what = tidy(group(m, 'what')) || 'this';
      return /accept/iu.test(m[0]) ? `I do not agree with ${what}` : `I would like ${what} to change`;
    },
  },
  {
    // "I won't be waiting another month for an answer."
    id: 'ultimatum',
    pattern: rx(
      `(?:I|we)\\s+(?:will\\s+not|won${A}t|wont|am\\s+not\\s+going\\s+to|refuse\\s+to)\\s+(?:be\\s+)?(?:wait(?:ing)?|keep\\s+waiting)\\s+(?:any\\s+longer|another\\s+\\p{L}+|much\\s+longer|forever|around)(?:\\s+for\\s+(?<what>[^.;!?,\\n]{2,40}))?`,
    ),
    legalTerm: false,
    suggest: (m) =>
      group(m, 'what') ? `I would like ${tidy(group(m, 'what'))} soon` : 'I would like to hear back soon',
  },
  {
    // "Keep ignoring me and see what happens."
    id: 'ultimatum',
    pattern: rx(`(?:and|or)\\s+(?:just\\s+)?see\\s+what\\s+happens`),
    legalTerm: false,
    span: (m, text) => ({ start: sentenceStart(text, m.index), end: m.index + m[0].length }),
    suggest: (m, text, span) => {
      const ask = tidy(text.slice(span.start, m.index));
      return /^keep\s+ignoring/iu.test(ask)
        ? 'I have not heard back yet, and I would like to talk about next steps'
        : `I would like to talk about next steps: ${lowerFirst(ask)}`;
    },
  },
  {
    // Tags that close the door: "no excuses", "period", "end of story", "I am not kidding".
    id: 'ultimatum',
    pattern: rx(
      `(?<=,\\s*|\\s[-–—]\\s*|,?\\s+and\\s+)(?:no\\s+excuses|no\\s+exceptions|period|full\\s+stop|end\\s+of\\s+(?:story|discussion)|plain\\s+and\\s+simple|(?:I|i)\\s*(?:${A}m|\\s+am)\\s+not\\s+kidding|I\\s+mean\\s+it|believe\\s+me|(?:it|this|that)(?:${A}s|\\s+is)\\s+not\\s+(?:optional|negotiable|up\\s+for\\s+debate))|this\\s+(?:ends|stops)\\s+(?:now|today|here)|no\\s+more\\s+excuses|(?:final|last)\\s+warning:?`,
    ),
    legalTerm: false,
    span: (m, text) => {
      // ", and I mean it": the "and" goes with the tag.
      const and = /,?\s+and\s+$/iu.exec(text.slice(Math.max(0, m.index - 8), m.index));
      return { start: and ? m.index - and[0].length : m.index, end: m.index + m[0].length };
    },
    suggest: (m) => (/^this\s/iu.test(m[0]) ? 'I would like this to change' : LEAVE_OUT),
  },
];

function upperFirstWord(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// --- Rhetorical questions -------------------------------------------------------------------------------

/** The question's span, with its question mark (the suggestion brings its own end). */
function question(m: RegExpExecArray, text: string): Span {
  const start = sentenceStart(text, m.index);
  const lead = /^(?:seriously|honestly|really|and|so|but|ok|okay|well)[,!]?\s+/iu.exec(
    text.slice(start, m.index),
  );
  const s = lead ? start + lead[0].length : Math.min(start, m.index);
  let end = sentenceEnd(text, m.index + m[0].length);
  if (text.charAt(end) === '?' && text.charAt(end + 1) !== '!' && text.charAt(end + 1) !== '?') end++;
  return { start: Math.max(s, m.index < start ? m.index : s), end };
}

const endsWithQuestion = (text: string, span: Span) => text.charAt(span.end - 1) === '?';
const ask = (s: string, text: string, span: Span) => `${s}${endsWithQuestion(text, span) ? '?' : ''}`;
const say = (s: string, text: string, span: Span) => `${s}${endsWithQuestion(text, span) ? '.' : ''}`;

/** A question that asks whether anyone does their job: turned into "Could you let me know whether ...". */
function whetherQuestion(m: RegExpExecArray): string {
  const aux = group(m, 'aux').toLowerCase();
  const who = tidy(group(m, 'who'));
  const verb = group(m, 'verb').toLowerCase();
  const rest = tidy(group(m, 'rest'));
  const tail = rest ? ` ${rest}` : '';
  if (/^car(?:e|es|ing)$/u.test(verb)) return `I know we both care${tail}; can we problem-solve together`;
  if (/^(?:is|are|was|were)$/u.test(aux)) return `Could you let me know whether ${who} ${aux} ${verb}${tail}`;
  // Knowing is a state: "Does anyone even know what his IEP says?" -> "whether anyone knows ...".
  if (/^(?:know|understand|realize|realise|remember)$/u.test(verb) && /^(?:does|do)$/u.test(aux)) {
    const third = /^(?:you|they|we)$/iu.test(who) ? verb : `${verb}s`;
    return `Could you let me know whether ${who} ${third}${tail}`;
  }
  const has = /^(?:you|they|we)$/iu.test(who) || /s$/u.test(who) ? 'have' : 'has';
  // "Has anyone even looked at his file?": the verb is already a participle.
  const done = /^(?:has|have)$/u.test(aux) ? verb : participle(verb);
  return `Could you let me know whether ${who} ${has} ${done}${tail}`;
}

/** "even able to give me an answer" -> "give me an answer"; "answering my emails" -> "answer my emails". */
function verbPhrase(rest: string): string {
  const vp = tidy(rest).replace(
    /^(?:(?:even|ever|just|still|really|actually|bothered\s+to|bother\s+to|bothering\s+to|able\s+to|willing\s+to|going\s+to|gonna|planning\s+to|seems?\s+to|seemed\s+to|tried\s+to|trying\s+to|try\s+to)\s+)+/iu,
    '',
  );
  const first = /^\p{L}+/u.exec(vp)?.[0] ?? '';
  if (!first) return 'help';
  const base = /ing$/iu.test(first) && first.length > 4 ? baseOfGerund(first) : baseForm(first);
  return `${base}${vp.slice(first.length)}`;
}

/** "give him his breaks" -> "giving him his breaks". */
const gerundPhrase = (vp: string): string => {
  const first = /^\p{L}+/u.exec(vp)?.[0] ?? '';
  return first ? `${gerund(first)}${vp.slice(first.length)}` : vp;
};

const RHETORICAL_RULES: CategoryRule[] = [
  {
    // Approval asked in irony: "Who thought this was a good idea?", "Whose idea was this?", "Do you really
    // think this is okay?". "Do you think it would be okay if he brought his own headphones?" asks.
    id: 'rhetorical_question',
    pattern: rx(
      `who\\s+(?:on\\s+earth\\s+|exactly\\s+|in\\s+their\\s+right\\s+mind\\s+)?(?:thought|decided|figured|thinks|believes)\\s+(?:that\\s+)?(?:this|that|it)\\s+(?:was|is|would\\s+be)\\s+(?:a\\s+)?(?:good|great|smart|brilliant|wise|reasonable|fair|okay|ok|acceptable|appropriate|fine)\\b[^.;!?\\n]*|whose\\s+(?:bright\\s+|brilliant\\s+|great\\s+)?idea\\s+was\\s+(?:this|that|it)\\b[^.;!?\\n]*|who\\s+in\\s+their\\s+right\\s+mind\\b[^.;!?\\n]*|(?:do|does|did)\\s+(?:you|anyone|anybody|they)\\s+(?<really>honestly\\s+|really\\s+|actually\\s+|seriously\\s+|truly\\s+)?(?:think|believe|feel)\\s+(?:that\\s+)?(?:this|that|it|any\\s+of\\s+this)\\s+(?:is|was)\\s+(?:ok|okay|acceptable|fair|appropriate|right|reasonable|good\\s+enough)(?![\\p{L}])(?<after>[^.;!?\\n]*)`,
    ),
    accept: (m) =>
      Boolean(group(m, 'really')) ||
      !/^\s*(?:if|to|for\s+(?:him|her|them)\s+to|when)\b/iu.test(group(m, 'after')),
    span: question,
    suggest: (m, text, span) =>
      /^who|^whose/iu.test(m[0])
        ? ask('Help me understand how this was decided', text, span)
        : say('I am not comfortable with this, and I would like to talk about it', text, span),
  },
  {
    // "How many times do I have to ask for the same thing?", "How many more emails do I need to send?"
    id: 'rhetorical_question',
    pattern: rx(
      `how\\s+many\\s+(?:more\\s+)?(?:times|emails|calls|messages|letters|meetings)\\s+(?:do|will|must|should|does|am|have|did)\\s+(?:I|we|i)(?:\\s+(?:have|need|got|going))?(?:\\s+to)?\\s+(?<verb>\\p{L}+)(?<rest>[^.;!?\\n]*)`,
    ),
    span: question,
    suggest: (m, text, span) =>
      ask(
        `I have ${participle(group(m, 'verb'))}${group(m, 'rest') ? ` ${tidy(group(m, 'rest'))}` : ''} before; can we problem-solve together`,
        text,
        span,
      ),
  },
  {
    // "Is anyone even reading my emails?", "Does anyone there actually read his IEP?", "Do you even care
    // what happens to him?", "what do you even do all day".
    id: 'rhetorical_question',
    pattern: rx(
      `(?<aux>is|are|does|do|did|has|have|was|were)\\s+(?<who>anyone|anybody|someone|somebody|you|they|any\\s+of\\s+you|the\\s+\\p{L}+(?:\\s+\\p{L}+)?|${STAFF_NAME})(?:\\s+(?:there|here|at\\s+(?:the|that|this|your)\\s+school|over\\s+there))?\\s+(?:even|actually|really|ever|truly)\\s+(?:bother(?:ing)?\\s+to\\s+)?(?<verb>\\p{L}+)(?<rest>[^.;!?\\n]*)`,
    ),
    span: question,
    suggest: (m, text, span) => ask(whetherQuestion(m), text, span),
  },
  {
    // "Did anybody think to call me?", "Did you even bother to read it?"
    id: 'rhetorical_question',
    pattern: rx(
      `did\\s+(?<who>anyone|anybody|someone|somebody|you|no\\s+one|nobody)\\s+(?:even\\s+)?(?:think|bother|care|remember)\\s+to\\s+(?<verb>\\p{L}+)(?<rest>[^.;!?\\n]*)`,
    ),
    span: question,
    suggest: (m, text, span) => {
      const who = /^you$/iu.test(group(m, 'who')) ? 'you' : 'someone';
      const rest = tidy(group(m, 'rest'));
      return say(
        `It would have helped if ${who} had ${participle(group(m, 'verb'))}${rest ? ` ${rest}` : ''}`,
        text,
        span,
      );
    },
  },
  {
    // "Why is it so hard to give a kid a calculator?", "Why do I have to find out from my 8 year old ...?"
    id: 'rhetorical_question',
    pattern: rx(
      `why\\s+(?:(?:is|was)\\s+(?:it|this|that|everything)\\s+(?:so\\s+)?(?:hard|difficult|impossible|complicated|much\\s+to\\s+ask)(?:\\s+(?:for\\s+(?:you|anyone|the\\s+\\p{L}+)\\s+)?to\\s+(?<verb>\\p{L}+)(?<rest>[^.;!?\\n]*))?|(?:do|must|should|did)\\s+(?:I|we)\\s+(?:always\\s+)?(?:have|need)\\s+to\\s+(?<verb2>\\p{L}+)(?<rest2>[^.;!?\\n]*)|(?:am|are)\\s+(?:I|we)\\s+(?:always\\s+)?the\\s+(?:only\\s+)?one(?<rest3>[^.;!?\\n]*))`,
    ),
    span: question,
    suggest: (m, text, span) => {
      if (group(m, 'verb')) {
        return ask(
          `Help me understand what is getting in the way of ${gerund(group(m, 'verb'))}${group(m, 'rest') ? ` ${tidy(group(m, 'rest'))}` : ''}`,
          text,
          span,
        );
      }
      if (group(m, 'verb2')) {
        const rest = tidy(group(m, 'rest2'));
        return ask(
          `Help me understand why I had to ${group(m, 'verb2').toLowerCase()}${rest ? ` ${rest}` : ''}`,
          text,
          span,
        );
      }
      return ask('Help me understand how we can share this', text, span);
    },
  },
  {
    // "What exactly is the point of having an IEP if nobody follows it?"
    id: 'rhetorical_question',
    pattern: rx(
      `what(?:${A}s|\\s+is|\\s+was)\\s+(?:even\\s+|exactly\\s+|really\\s+)?the\\s+point(?:\\s+of\\b[^.;!?\\n]*)?|what\\s+exactly\\s+is\\s+the\\s+point\\b[^.;!?\\n]*`,
    ),
    span: question,
    suggest: (_m, text, span) => ask('Help me understand how this is meant to work', text, span),
  },
  {
    // "How is this okay?", "How can a school just decide to skip a legally binding plan?"
    id: 'rhetorical_question',
    pattern: rx(
      `how\\s+(?:(?:is|was|can|could|would)\\s+(?:this|that|it|any\\s+of\\s+this)\\s+(?:be\\s+|possibly\\s+be\\s+)?(?:ok|okay|acceptable|fair|legal|right|allowed|possible|happening|appropriate)|(?:can|could|do|does|did|would)\\s+(?<who>you|they|a\\s+school|the\\s+school|the\\s+district|a\\s+district|anyone|someone|the\\s+\\p{L}+)\\s+(?:just\\s+|possibly\\s+|even\\s+|seriously\\s+)+(?:decide\\s+to\\s+)?(?<verb>\\p{L}+)(?<rest>[^.;!?\\n]*))`,
    ),
    span: question,
    suggest: (m, text, span) =>
      group(m, 'verb')
        ? ask(
            `Help me understand how the decision was made to ${group(m, 'verb').toLowerCase()}${group(m, 'rest') ? ` ${tidy(group(m, 'rest'))}` : ''}`,
            text,
            span,
          )
        : say('This worries me', text, span),
  },
  {
    // "How exactly is a 7 year old supposed to learn to read with no reading support?"
    id: 'rhetorical_question',
    pattern: rx(
      `(?:how|what|where|when)\\s+(?:exactly\\s+|on\\s+earth\\s+|in\\s+the\\s+world\\s+)?(?:is|are|was|were|am)\\s+(?<who>[^.;!?\\n]{1,40}?)\\s+(?:supposed|expected|meant)\\s+to\\s+(?<vp>[^.;!?\\n]+)`,
    ),
    span: question,
    suggest: (m, text, span) => {
      const who = tidy(group(m, 'who'));
      const vp = tidy(group(m, 'vp'));
      if (/^(?:I|we|i)$/u.test(who)) return ask(`Help me understand how I can ${vp}`, text, span);
      return ask(`Help me understand how ${lowerFirst(who)} can ${vp}`, text, span);
    },
  },
  {
    // "Do you realize how much he has lost this year?", "Is it really that hard to send one email?", "Is it
    // too much to ask for a phone call?", "Since when is it okay to skip speech?", "Where exactly are his 60 minutes of OT going?"
    id: 'rhetorical_question',
    pattern: rx(
      `(?:do|did|does)\\s+(?:you|anyone|anybody)\\s+(?:even\\s+)?(?:realize|realise|understand|know|get|see)\\s+how\\s+(?:much|badly|hard|many|serious|important)(?<rest1>[^.;!?\\n]*)|(?:is|was)\\s+it\\s+(?:really\\s+)?(?:that|so|too)\\s+(?:hard|difficult|much\\s+to\\s+ask(?:\\s+for\\s+(?<thing>[^.;!?\\n]+))?)(?:\\s+to\\s+(?<verb>\\p{L}+)(?<rest2>[^.;!?\\n]*))?|since\\s+when\\s+(?:is|are|do|does|did|can|has)\\b[^.;!?\\n]*|(?:where|what|when|why|how)\\s+exactly\\s+(?:are|is|was|were|did|does|do|has|have)\\s+(?:his|her|my|the|our|their|you|they|these|those)\\b[^.;!?\\n]*`,
    ),
    // "What exactly do you need from me?" is a real question.
    accept: (m) => !/^what\s+exactly\s+(?:do|does|would)\s+you\s+(?:need|want|like)/iu.test(m[0]),
    span: question,
    suggest: (m, text, span) => {
      if (
        group(m, 'rest1') !== '' ||
        /realiz|realis|understand|know|get|see/iu.test(m[0].split(/\s+/u).slice(0, 4).join(' '))
      ) {
        if (/^(?:do|did|does)\s/iu.test(m[0])) {
          const how = /how\s+(.*)$/iu.exec(m[0]);
          return say(`I want to be sure the team knows how ${tidy(how ? how[1]! : '')}`, text, span);
        }
      }
      if (group(m, 'verb'))
        return ask(
          `Could we find a way to ${group(m, 'verb').toLowerCase()}${tidy(group(m, 'rest2')) ? ` ${tidy(group(m, 'rest2'))}` : ''}`,
          text,
          span,
        );
      // "Is it too much to ask for a call ...?" asks for it: "Could I ask for a call ...?"
      if (/much\s+to\s+ask/iu.test(m[0]))
        return group(m, 'thing')
          ? ask(`Could I ask for ${tidy(group(m, 'thing'))}`, text, span)
          : ask('Could we talk about what is possible here', text, span);
      // "Since when is it okay ...?" asks when this changed; "Where exactly ...?" is a real question without "exactly".
      if (/^since\s+when/iu.test(m[0])) return ask('Help me understand when this changed', text, span);
      return ask(upperFirstWord(tidy(m[0].replace(/\s+exactly\b/iu, ''))), text, span);
    },
  },
  {
    // "What part of 'daily' is unclear?"
    id: 'rhetorical_question',
    pattern: rx(
      `what\\s+part\\s+of\\s+(?<what>[^?.!;\\n]{1,60}?)\\s+(?:is|do\\s+you|don['’]?t\\s+you|does|did|was)\\b[^.;!?\\n]*`,
    ),
    span: question,
    suggest: (m, text, span) =>
      say(`I want to make sure we read ${tidy(group(m, 'what'))} the same way`, text, span),
  },
  {
    // "Who is actually in charge over there?"
    id: 'rhetorical_question',
    pattern: rx(
      `who(?:${A}s|\\s+is)\\s+(?:actually|even|really)\\s+(?:in\\s+charge|running|responsible)\\b[^.;!?\\n]*`,
    ),
    span: question,
    suggest: (_m, text, span) =>
      ask('Could you let me know who the right person is to talk to about this', text, span),
  },
  {
    // "Would you accept this if it were your child?"
    id: 'rhetorical_question',
    pattern: rx(
      `(?:would|will)\\s+you\\s+(?:accept|tolerate|put\\s+up\\s+with|want|allow|like)\\s+(?:this|that|it)\\b[^.;!?\\n]*|if\\s+it\\s+(?:were|was)\\s+(?:your|ur)\\s+(?:own\\s+)?(?:child|kid|son|daughter)`,
    ),
    span: question,
    suggest: (_m, text, span) =>
      say('I am asking for what any parent would want for their child', text, span),
  },
  {
    // "Am I supposed to just sit back and watch him fall behind?", "what am i supposed to tell him ...".
    id: 'rhetorical_question',
    pattern: rx(
      `(?<what>what\\s+)?(?:am|are)\\s+(?:I|we|i)\\s+(?:supposed|expected|meant)\\s+to\\s+(?:just\\s+|simply\\s+)?(?<verb>\\p{L}+)(?<rest>[^.;!?\\n]*)`,
    ),
    span: question,
    suggest: (m, text, span) => {
      const vp = `${group(m, 'verb').toLowerCase()}${group(m, 'rest') ? ` ${tidy(group(m, 'rest'))}` : ''}`;
      return group(m, 'what')
        ? say(`Help me understand what to ${vp}`, text, span)
        : ask(`I do not want to ${vp}; can we problem-solve together`, text, span);
    },
  },
  {
    // "How hard is it to return a phone call?"
    id: 'rhetorical_question',
    pattern: rx(
      `how\\s+hard\\s+(?:is\\s+it|can\\s+it\\s+be|would\\s+it\\s+be|could\\s+it\\s+be)(?:\\s+to\\s+(?<verb>\\p{L}+)(?<rest>[^.;!?\\n]*))?`,
    ),
    span: question,
    suggest: (m, text, span) =>
      group(m, 'verb')
        ? ask(
            `Could we find a way to ${group(m, 'verb').toLowerCase()}${group(m, 'rest') ? ` ${tidy(group(m, 'rest'))}` : ''}`,
            text,
            span,
          )
        : ask('Could we find a way to make this work', text, span),
  },
  {
    // "Is that really the best you can do?"
    id: 'rhetorical_question',
    pattern: rx(
      `(?:is|was)\\s+(?:that|this)\\s+(?:really\\s+)?(?:the\\s+best|all|the\\s+most)\\s+(?:you|they|the\\s+\\p{L}+)\\s+(?:can|could)\\s+do`,
    ),
    span: question,
    suggest: (_m, text, span) =>
      ask('I was hoping we could find more options; can we problem-solve together', text, span),
  },
  {
    // "What kind of school lets a kid sit alone in the hall?"
    id: 'rhetorical_question',
    pattern: rx(
      `what\\s+kind\\s+of\\s+(?:school|teacher|program|district|person|people|place|aide|principal|professional)s?\\b[^.;!?\\n]*`,
    ),
    span: question,
    suggest: (_m, text, span) => ask('Help me understand how this happened', text, span),
  },
  {
    // A "why" that takes the school's failure as given: "Why is nobody able to give me a straight answer?",
    // "Why didn't anyone call me?", "Why can't you just follow the plan?", "Why are you still not giving
    // him his breaks?". A "why" about a thing ("Why was the session moved?") or a suggestion ("Why don't
    // we meet on Friday?") is a question.
    id: 'rhetorical_question',
    pattern: rx(
      `why\\s+(?:(?<aux>is|are|was|were|does|do|did|has|have|had|can|will|would|could)\\s+(?<none>nobody|no\\s+one|noone|no-one|none\\s+of\\s+(?:you|them|(?:the|his|her)\\s+\\p{L}+))|(?<neg>(?:is|are|was|were|does|do|did|has|have|would|could)n${A}t|can${A}t|won${A}t|dont|didnt|doesnt|cant|wont|isnt|havent|hasnt|cannot)\\s+(?<who>anyone|anybody|someone|somebody|you|u|ya|they|you\\s+guys|you\\s+people)|(?<aux2>is|are|does|do|did|has|have|can|will)\\s+(?<who2>you|u|they|anyone|anybody|${SCHOOL_SUBJECT})\\s+still\\s+not)\\s+(?<rest>[^.;!?\\n]*)`,
    ),
    accept: (m) =>
      // "Why don't you send it by email?" suggests; "Why don't you ever call back?" accuses.
      !/^do(?:n['’]?t|nt)$/iu.test(group(m, 'neg')) ||
      /^(?:ever|even|just|bother|care|listen|read|answer|respond|reply|call\s+back|follow)\b/iu.test(
        group(m, 'rest'),
      ),
    span: question,
    suggest: (m, text, span) => {
      const vp = verbPhrase(group(m, 'rest'));
      const past = /^(?:was|were|did|has|have|had)/iu.test(
        group(m, 'aux') || group(m, 'neg') || group(m, 'aux2'),
      );
      const who = /^(?:you|u|ya)\b/iu.test(group(m, 'who')) ? 'you' : 'someone';
      if (group(m, 'who2'))
        return ask(`Help me understand what is getting in the way of ${gerundPhrase(vp)}`, text, span);
      if (past) return say(`I would have liked ${who} to ${vp}`, text, span);
      if (who === 'you')
        return ask(`Help me understand what is getting in the way of ${gerundPhrase(vp)}`, text, span);
      return ask(`Could someone ${vp}`, text, span);
    },
  },
  {
    // Counting the failures still to come: "How many more sessions is he going to miss?", "How much longer
    // do we have to wait?". "How many more sessions are left before break?" asks for a number.
    id: 'rhetorical_question',
    pattern: rx(
      `how\\s+(?:many\\s+more\\s+(?<what>\\p{L}+(?:\\s+\\p{L}+)?)|much\\s+longer)\\s+(?<rest>(?:is|are|will|do|does|did|has|have|must|should|can|am)\\b[^.;!?\\n]*)`,
    ),
    accept: (m) =>
      /\b(?:miss|misses|missing|missed|lose|losing|lost|wait|waiting|go\s+without|going\s+without|skip|skipped|cancel\p{L}*|fall(?:ing)?\s+behind|have\s+to|has\s+to|need\s+to|sit|sitting|put\s+up|suffer\p{L}*|struggle|struggling|be\s+(?:ignored|left|pulled))\b/iu.test(
        group(m, 'rest'),
      ),
    span: question,
    suggest: (m, text, span) => {
      const what = tidy(group(m, 'what'));
      if (what)
        return say(
          `I am worried about how many ${what} could still be affected; can we make a plan together`,
          text,
          span,
        );
      const about = /\bfor\s+((?:the|his|her|my|an?)\s+[^.;!?,\n]+)$/iu.exec(tidy(group(m, 'rest')));
      return ask(`Could you let me know the timeline${about ? ` for ${about[1]}` : ''}`, text, span);
    },
  },
  {
    // A question about the parent being ignored: "Is anyone going to tell me what happened?", "Is anybody
    // ever going to call me back?", "Does anyone care?", "Does anyone read my emails?". "Is anyone going
    // to help him off the bus?" and "Does anyone know where his coat is?" ask.
    id: 'rhetorical_question',
    pattern: rx(
      `(?:(?:is|are|will)\\s+(?<who>anyone|anybody|someone|somebody|any\\s+of\\s+you)(?:\\s+(?:there|here|over\\s+there))?\\s+(?:ever\\s+|actually\\s+)?(?:(?:going|planning|gonna)\\s+(?:to\\s+)?)?(?<vp>(?:tell|call|answer|respond|reply|explain|get\\s+back|write\\s+back)\\s+(?:to\\s+)?(?:me|us|my\\s+\\p{L}+)\\b[^.;!?\\n]*|(?:fix|do\\s+something\\s+about|do\\s+anything\\s+about|deal\\s+with|look\\s+into)\\s+(?:this|it|that)\\b[^.;!?\\n]*|(?:follow|read)\\s+(?:the|his|her)\\s+(?:IEP|504|plan|BIP)\\b[^.;!?\\n]*|listen\\b[^.;!?\\n]*)|(?<aux>does|do)\\s+(?<who2>anyone|anybody|any\\s+of\\s+you)(?:\\s+(?:there|here|over\\s+there|at\\s+(?:the|that|this|your)\\s+school))?\\s+(?<verb>care|listen|bother|read)(?<rest>(?:\\s+(?:about|to|my|these|his|her|the|any|this)\\b[^.;!?\\n]*)?))`,
    ),
    accept: (m) =>
      !/^read$/iu.test(group(m, 'verb')) ||
      /\b(?:emails?|messages?|IEP|plan|504|file|notes?|letters?)\b/iu.test(group(m, 'rest')),
    span: question,
    suggest: (m, text, span) => {
      if (group(m, 'aux')) {
        const who = group(m, 'who2').toLowerCase();
        const verb = group(m, 'verb').toLowerCase();
        if (verb === 'care')
          return say('I know we all care about him; can we problem-solve together', text, span);
        if (verb === 'bother' || verb === 'listen')
          return say('I am not sure my concerns have been heard', text, span);
        return ask(
          `Could you let me know whether ${who} has read${group(m, 'rest') ? ` ${tidy(group(m, 'rest'))}` : ''}`,
          text,
          span,
        );
      }
      const vp = tidy(group(m, 'vp'));
      if (/^listen/iu.test(vp)) return say('I am not sure my concerns have been heard', text, span);
      return ask(`Could someone ${vp}`, text, span);
    },
  },
  {
    // "What good is an IEP if nobody follows it?": the point of the plan, asked in anger.
    id: 'rhetorical_question',
    pattern: rx(
      `what\\s+(?:good|use)\\s+is\\s+(?:a|an|the|his|her|this|that|my\\s+\\p{L}+${A}s)\\s+(?:IEP|504(?:\\s+plan)?|plan|BIP|behavior\\s+plan|accommodation|meeting|law)\\b[^.;!?\\n]*`,
    ),
    span: question,
    suggest: (_m, text, span) => ask('Help me understand how this is meant to work', text, span),
  },
  {
    // "Are you kidding me?", "Seriously?", "Really?!"
    id: 'rhetorical_question',
    pattern: rx(
      `are\\s+you\\s+(?:kidding|serious|joking)(?:\\s+me)?(?=\\s*\\?)|(?<![\\p{L}]\\s)(?:seriously|really)(?=\\s*\\?)`,
    ),
    suggest: () => LEAVE_OUT,
  },
];

// --- Sarcasm ----------------------------------------------------------------------------------------------

/** Words around a marker to delete with it: a comma after it, or "that" ("What a shock that ..."). */
const markerSpan = (m: RegExpExecArray, text: string): Span => {
  let end = m.index + m[0].length;
  if (text.charAt(end) === ',') end++;
  else {
    const that = /^\s+that(?=\s)/iu.exec(text.slice(end));
    if (that) end += that[0].length;
  }
  return { start: m.index, end };
};

/** Words that say something went wrong: what sarcasm ("Of course ...") is about. */
const FAILURE_CUE =
  /\b(?:nobody|no\s+one|noone|nothing|never|again|another|still|not|no|forgot|forgotten|cancel+ed|canceled|skipped|missed|missing|lost|late|ignored|excuses?|without)\b|n['’]?t\b/iu;

const SARCASM_RULES: CategoryRule[] = [
  {
    // "What a surprise", "What a coincidence", "Surprise, surprise", "Shocker", "Who knew", "Love that for
    // him", "How convenient".
    id: 'sarcasm',
    pattern: rx(
      `what\\s+a\\s+(?:surprise|shock|shocker|coincidence|twist)|surprise,?\\s+surprise|big\\s+surprise|shocker|shocking|colou?r\\s+me\\s+(?:surprised|shocked)|who\\s+(?:would\\s+have|could\\s+have)?\\s*(?:knew|guessed|thought)|go\\s+figure|love\\s+that\\s+for\\s+(?:him|her|us|them|me)|how\\s+convenient|thanks\\s+for\\s+nothing|yeah\\s+right|(?:oh\\s+)?(?:great|wonderful|fantastic|perfect|awesome|lovely|brilliant|good)(?=,?\\s+(?:another|again|so\\s+now|now|the\\s+\\p{L}+\\s+is\\s+['‘"“]))|oh\\s+(?:great|wonderful|fantastic|perfect|good|joy)`,
    ),
    accept: (m, text) => {
      // "Great, another" is sarcasm; "Great news" is not (the lookahead already needs "another"/"again").
      if (/^who/iu.test(m[0]))
        return /\?/u.test(text.slice(m.index, sentenceEnd(text, m.index) + 1)) === false;
      return true;
    },
    span: markerSpan,
    suggest: () => LEAVE_OUT,
  },
  {
    // "Of course" before a failure: "Of course nobody told the sub", "and of course it was cancelled again".
    // "Of course, we're happy to come in" agrees; "Of course I want him in class" is the parent's own wish.
    id: 'sarcasm',
    pattern: rx(`of\\s+course`),
    accept: (m, text) => {
      const before = text.slice(sentenceStart(text, m.index), m.index);
      if (
        !/^(?:(?:and|but|so|then|oh|well)\s*,?\s*)?$|,\s*(?:and|but|so)?\s*$/iu.test(
          before.trim() ? `${before.trim()} ` : '',
        )
      )
        return false;
      const rest = text.slice(m.index + m[0].length, sentenceEnd(text, m.index));
      if (/^[\s,]*(?:I|we|I['’]\p{L}+|we['’]\p{L}+|you\s+(?:can|may|are\s+welcome))\b/iu.test(rest))
        return false;
      return FAILURE_CUE.test(rest) && valenceOf(rest) <= 0;
    },
    span: markerSpan,
    suggest: () => LEAVE_OUT,
  },
  {
    // "How nice of you to finally reply", "How kind of them to let me know after the meeting": thanks for
    // something late. "How kind of you to think of him!" is thanks.
    id: 'sarcasm',
    pattern: rx(
      `how\\s+(?:nice|kind|thoughtful|considerate|lovely|generous|sweet|good|gracious|helpful)\\s+of\\s+(?:you|them|(?:the|his|her)\\s+[\\p{L}-]+|${STAFF_NAME})(?:\\s+(?:all|guys))?(?:\\s+to\\s+(?<vp>[^.;!?,\\n]*))?`,
    ),
    accept: (m, text) =>
      /\b(?:finally|again|at\s+last|after|late|later|only|eventually|bother(?:ed)?|now\s+that|weeks?|days?|months?)\b/iu.test(
        text.slice(m.index, sentenceEnd(text, m.index)),
      ),
    suggest: (m) => {
      const vp = tidy(group(m, 'vp').replace(/\b(?:finally|eventually|at\s+last)\s+/giu, ''));
      if (!vp) return 'Thank you; it would have helped to hear sooner';
      const first = /^\p{L}+/u.exec(vp)![0];
      return `Thank you for ${gerund(first)}${vp.slice(first.length)}; it would have helped to hear sooner`;
    },
  },
  {
    // "Nice to know his IEP is optional", "Good to know the plan is just a suggestion", "I guess following
    // the IEP is optional now".
    id: 'sarcasm',
    pattern: rx(
      `(?:(?:nice|good|great|glad|lovely|interesting)\\s+to\\s+(?:know|see|hear)(?:\\s+that)?|I\\s+guess|apparently|so\\s+I\\s+guess)\\s+(?<what>[^.;!?,\\n]{2,60}?)\\s+(?:is|are)\\s+(?:just\\s+)?(?:optional|a\\s+suggestion|a\\s+guideline|not\\s+important|not\\s+a\\s+priority|an\\s+afterthought|up\\s+for\\s+debate)(?:\\s+now)?`,
    ),
    suggest: (m) => {
      const what = tidy(group(m, 'what'));
      if (/^\p{L}+ing\b/iu.test(what)) return `I want to make sure we are ${lowerFirst(what)}`;
      return `I want to make sure ${lowerFirst(what)} ${beFor(what, 'present')} followed as written`;
    },
  },
  {
    // "Glad to see the calculator is still locked in a cabinet": pleasure at a failure.
    id: 'sarcasm',
    pattern: rx(
      `(?:so\\s+)?(?:glad|nice|good|great|lovely|happy|love|wonderful)\\s+to\\s+(?:see|know|hear)(?:\\s+that)?`,
    ),
    accept: (m, text) => {
      if (!isSentenceStart(text, m.index)) return false;
      const rest = text.slice(m.index + m[0].length, sentenceEnd(text, m.index));
      return /\b(?:still|again|locked|missing|never|nobody|no\s+one|nothing|ignored|optional|forgotten|forgot|cancel+ed|skipped)\b/iu.test(
        rest,
      );
    },
    suggest: () => 'I noticed that',
  },
  {
    // "Thanks so much for letting me know three weeks later", "Thank you for finally getting back to me".
    id: 'sarcasm',
    pattern: rx(
      `(?:thanks|thank\\s+you)(?:\\s+(?:so|very)\\s+much|\\s+a\\s+lot)?\\s+for\\s+(?<finally>finally\\s+)?(?<what>\\p{L}+ing\\b[^.;!?,\\n]*?)(?<when>\\s+(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|a\\s+few|\\d+)\\s+(?:days?|weeks?|months?)\\s+later|later|late|after\\s+the\\s+fact|at\\s+last|eventually|after\\s+(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|a\\s+few|so\\s+many|\\d+)\\s+)?(?:emails|calls|messages|weeks|days|months|tries|requests|reminders)))?(?=[.;!?,\\n]|$)`,
    ),
    // "Thank you for finally sorting out the bus, it made a huge difference!" is thanks.
    accept: (m, text) => {
      if (!group(m, 'finally') && !group(m, 'when')) return false;
      const end = sentenceEnd(text, m.index);
      return text.charAt(end) !== '!' && valenceOf(text.slice(m.index + m[0].length, end)) <= 0;
    },
    suggest: (m) => `Thank you for ${tidy(group(m, 'what'))}; it would have helped to hear sooner`,
  },
  {
    // "Thanks for the update, only a month late."
    id: 'sarcasm',
    pattern: rx(
      `,?\\s*(?:only|just|a\\s+mere|barely)\\s+(?:a|one|two|three|four|five|six|several|a\\s+few|\\d+)\\s+(?:days?|weeks?|months?)\\s+(?:late|later|overdue)|,?\\s*(?:only|just)\\s+(?:a\\s+little\\s+)?late`,
    ),
    accept: (m, text) =>
      /\b(?:thanks|thank\s+you)\b/iu.test(text.slice(sentenceStart(text, m.index), m.index)),
    span: (m) => {
      const lead = /^[,\s]*/u.exec(m[0])![0].length;
      return { start: m.index + (m[0].startsWith(',') ? 0 : lead), end: m.index + m[0].length };
    },
    suggest: () => '; it would have helped to hear sooner',
  },
  {
    // "Wow, two whole sessions this month, impressive."
    id: 'sarcasm',
    pattern: rx(
      `(?<wow>(?:wow|gee|oh|well),?\\s+)?(?:one|two|three|four|five|\\d+)\\s+whole\\s+(?:sessions?|minutes?|days?|weeks?|hours?|times?|emails?|calls?)(?<tail>[^.;!?\\n]*?,?\\s+(?:impressive|amazing|great\\s+job|well\\s+done|bravo|way\\s+to\\s+go|congrats))?`,
    ),
    // "He missed three whole days" is a fact said with feeling; the "Wow," or the "impressive" makes it mockery.
    accept: (m) => Boolean(group(m, 'wow') || group(m, 'tail')),
    suggest: (m) =>
      upperFirstWord(
        tidy(
          m[0]
            .replace(/^(?:wow|gee|oh|well),?\s+/iu, '')
            .replace(/\s+whole\s+/iu, ' ')
            .replace(
              /,?\s+(?:impressive|amazing|great\s+job|well\s+done|bravo|way\s+to\s+go|congrats)$/iu,
              '',
            ),
        ),
      ),
  },
  {
    // "congrats, you've managed to lose his paperwork twice"
    id: 'sarcasm',
    pattern: rx(
      `(?:(?:congrats|congratulations|well\\s+done|bravo|good\\s+job|great\\s+job),?\\s+)?${YOU}(?:${A}ve|\\s+have)?\\s+(?:somehow\\s+)?managed\\s+to\\s+(?<verb>\\p{L}+)\\s+(?<what>[^.;!?,\\n]*?)(?<tail>\\s+(?:again|twice|three\\s+times|(?:\\p{L}+\\s+)?times))?(?=[.;!?,\\n]|$)`,
    ),
    suggest: (m) => {
      const what = tidy(group(m, 'what'));
      return `It looks like ${what} ${beFor(what, 'present') === 'are' ? 'have' : 'has'} been ${participle(group(m, 'verb'))}${group(m, 'tail')}`;
    },
  },
  {
    // "Great job losing his IEP again", "Way to go, another missed session", "Oh sure, ..." : praise for a failure.
    id: 'sarcasm',
    pattern: rx(
      `(?:great|good|nice|fine|excellent|fantastic|amazing)\\s+(?:job|work|going)|way\\s+to\\s+go|well\\s+done|bravo|kudos|congrat(?:s|ulations)|oh\\s+sure|sure,|yeah,?\\s+(?:ok|okay|sure|right)`,
    ),
    accept: (m, text) => {
      if (!isSentenceStart(text, m.index)) return false;
      const rest = text.slice(m.index + m[0].length, sentenceEnd(text, m.index));
      return /\b(?:again|another|still|never|nobody|no\s+one|nothing|losing|lost|lose|forgetting|forgot|missed|missing|cancel+(?:ed|ing)|skipp(?:ed|ing)|ignor(?:ed|ing)|['‘"“])/iu.test(
        rest,
      );
    },
    span: (m, text) => {
      // "Great job losing his IEP again": the praise and the "-ing" that follows it.
      const ing = /^\s+(\p{L}+ing)\b/iu.exec(text.slice(m.index + m[0].length));
      if (ing && /^(?:great|good|nice|fine|excellent|fantastic|amazing)/iu.test(m[0]))
        return { start: m.index, end: m.index + m[0].length + ing[0].length };
      return markerSpan(m, text);
    },
    suggest: (_m, text, span) => {
      const ing = /\s(\p{L}+ing)$/iu.exec(text.slice(span.start, span.end));
      if (ing)
        return `It looks like ${baseOfGerund(ing[1]!) === 'lose' ? 'we have lost' : `someone is ${ing[1]!.toLowerCase()}`}`;
      return LEAVE_OUT;
    },
  },
  {
    // "Must be nice to cancel sessions whenever you feel like it."
    id: 'sarcasm',
    pattern: rx(
      `(?:it\\s+)?must\\s+be\\s+nice\\s+to\\s+(?<verb>\\p{L}+)(?<rest>[^.;!?,\\n]*?)(?:\\s+(?:whenever|when(?:ever)?\\s+you\\s+(?:feel\\s+like|want)|any\\s*time)\\b[^.;!?\\n]*)?(?=[.;!?\\n]|$)`,
    ),
    suggest: (m) =>
      `Help me understand how the decision is made to ${group(m, 'verb').toLowerCase()}${tidy(group(m, 'rest')) ? ` ${tidy(group(m, 'rest'))}` : ''}`,
  },
  {
    // "Funny how the only sessions that get cancelled are his."
    id: 'sarcasm',
    pattern: rx(
      `(?:funny|interesting|amazing|strange|odd|curious)\\s+how|(?:I\\s+|(?:you\\s+)?(?:gotta|got\\s+to|have\\s+to)\\s+)?love\\s+how`,
    ),
    accept: (m, text) => isSentenceStart(text, m.index),
    suggest: () => 'I have noticed that',
  },
  {
    // "I'm sure the calculator was just 'forgotten' again", "the OT is 'out' again": quotation marks
    // around an excuse. Quoting a document ("the report says 'progressing'") is not sarcasm.
    id: 'sarcasm',
    pattern: rx(
      `(?<just>just\\s+|so-called\\s+|supposedly\\s+)?(?<q>['‘"“])(?<word>\\p{L}[\\p{L} -]{0,20})(?:['’"”])`,
    ),
    accept: (m, text) => {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      const after = text.slice(m.index + m[0].length, sentenceEnd(text, m.index + m[0].length));
      const copula = /(?:\b(?:is|are|was|were|been|being)\s+)$/iu.test(before);
      // A quoted excuse followed by "again" ("'staffing issues' again") is sarcasm wherever it stands.
      return (
        Boolean(group(m, 'just')) || /^\s*again\b/iu.test(after) || (copula && /\bagain\b/iu.test(after))
      );
    },
    suggest: (m) => group(m, 'word'),
  },
  {
    // "I'm sure you're all very busy." said on its own, as the whole sentence.
    id: 'sarcasm',
    pattern: rx(
      `(?:I['’]?m|I\\s+am)\\s+sure\\s+(?:you|you['’]re|you\\s+are|everyone|everyone['’]s|they|they['’]re)\\s+(?:all\\s+)?(?:are\\s+|is\\s+)?(?:very\\s+|so\\s+|terribly\\s+|incredibly\\s+|extremely\\s+)?(?:busy|doing\\s+(?:your|their)\\s+best|have\\s+(?:your|their)\\s+reasons)(?=\\s*[.!]|\\s*$)`,
    ),
    suggest: () => 'I know everyone is busy, and I appreciate your help',
  },
  {
    // "I'm sure ... just", "I bet".
    id: 'sarcasm',
    pattern: rx(`(?:I${A}m|I\\s+am|im)\\s+sure(?=\\s+[^.;!?\\n]*\\bjust\\b)|I\\s+bet(?=\\s)`),
    span: markerSpan,
    suggest: () => LEAVE_OUT,
  },
];

// --- Blame ----------------------------------------------------------------------------------------------

/** How a blaming verb reads in the passive, so the sentence names what happened and not a culprit. */
const PASSIVE: Readonly<Record<string, string>> = {
  ignored: 'not answered',
  ignore: 'not answered',
  ignores: 'not answered',
  loses: 'lost',
  forgets: 'forgotten',
  ignoring: 'not answered',
  lost: 'lost',
  lose: 'lost',
  losing: 'lost',
  forgot: 'forgotten',
  forgotten: 'forgotten',
  dropped: 'dropped',
  misplaced: 'misplaced',
  overlooked: 'overlooked',
  dismissed: 'not taken up',
  neglected: 'not addressed',
  disregarded: 'not followed',
  skipped: 'skipped',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  excluded: 'left out',
};

/** "his evaluation paperwork again" -> "his evaluation paperwork was lost again". */
function passiveRewrite(verb: string, object: string): string {
  const cleaned = object.replace(/\s+(?:completely|totally|entirely|altogether)$/iu, '');
  const tail = /\s+(?:again|twice|three\s+times|several\s+times|yesterday|today)$/iu.exec(cleaned);
  const thing = tail ? cleaned.slice(0, tail.index) : cleaned;
  let done = PASSIVE[verb.toLowerCase()]!;
  // Messages go unanswered; a plan goes unfollowed.
  if (
    done === 'not answered' &&
    !/\b(?:emails?|messages?|calls?|letters?|requests?|questions?|voicemails?|notes?|texts?)\b/iu.test(thing)
  ) {
    done = /\b(?:plan|IEP|504|accommodations?|BIP|goals?|schedule)\b/iu.test(thing)
      ? 'not followed'
      : 'overlooked';
  }
  return `It looks like ${thing} ${beFor(thing)} ${done}${tail ? tail[0] : ''}`;
}

/** Where the object of a verb ends and its time or place begins ("the logs | on Tuesday"). */
const WHEN_OR_WHERE =
  /\s(?=(?:during|on|in|at|for|since|from|when|this|last|yesterday|today|again|until|before|after|by|without|all)(?![\p{L}]))/iu;

/** "him his breaks" -> ["his breaks", " to him"]: the indirect object goes after the thing given. */
function thingGiven(object: string): { thing: string; to: string } {
  const m =
    /^(him|her|them|me|us|my\s+(?:son|daughter|child|kid)|\p{Lu}\p{Ll}+)\s+((?:his|her|their|my|the|a|an|any|some|our)\b.*)$/u.exec(
      object,
    );
  return m ? { thing: m[2]!, to: ` to ${m[1]}` } : { thing: object, to: '' };
}

/**
 * What the reader did not do, said without a culprit: "tell me about the change" -> "It looks like I was not
 * told about the change"; "send the logs" -> "It looks like the logs were not sent"; "answer my email" ->
 * "I have not heard back about my email"; "won't return my calls" -> "I have not heard back about my calls".
 */
function notDoneRewrite(neg: string, verbWritten: string, what: string): string {
  const verb = baseForm(verbWritten.split(/\s+/u)[0]!) + verbWritten.replace(/^\S+/u, '');
  const head = verb.split(/\s+/u)[0]!.toLowerCase();
  const perfect = /^have|^haven|^havent/iu.test(neg);
  if (/^(?:answer|respond|reply|return|call|acknowledge)$/u.test(head)) {
    const about = what.replace(/^(?:to\s+)?(?:me|us)?\s*(?:back)?\s*/iu, '').replace(/^to\s+/iu, '');
    return `I have not heard back${about ? ` about ${about}` : ''}`;
  }
  if (/^(?:tell|inform|notify|contact|let)$/u.test(head))
    return notTold(what.replace(/^(me|us)\s+know\b/iu, '$1'), head === 'contact' ? 'contacted' : 'told');
  if (head === 'show') return `It looks like no one was there${what ? ` ${what}` : ''}`;
  if (/^(?:won|will|wont)/iu.test(neg)) {
    return `Help me understand what is getting in the way of ${gerund(head)}${verb.slice(head.length)}${what ? ` ${what}` : ''}`;
  }
  if (head === 'do' || !what) return 'It looks like this did not happen';
  const split = WHEN_OR_WHERE.exec(what);
  const object = split && split.index > 0 ? what.slice(0, split.index) : what;
  const tail = split && split.index > 0 ? what.slice(split.index) : '';
  const { thing, to } = thingGiven(object);
  const done = `${participle(head)}${verb.slice(head.length)}`;
  const plural = beFor(thing, 'present') === 'are';
  const be = perfect ? (plural ? 'have not been' : 'has not been') : plural ? 'were not' : 'was not';
  return `It looks like ${thing} ${be} ${done}${to}${tail}`;
}

/**
 * Who was not told, and what: "me about the change" -> "It looks like I was not told about the change";
 * "the sub about his plan" -> "It looks like the sub was not told about his plan".
 */
function notTold(what: string, done = 'told'): string {
  const pronoun = /^(me|us|him|her|them)\b\s*(.*)$/iu.exec(what);
  if (pronoun) {
    const who = { me: 'I was', us: 'we were', him: 'he was', her: 'she was', them: 'they were' }[
      pronoun[1]!.toLowerCase() as 'me'
    ];
    return `It looks like ${who} not ${done}${pronoun[2] ? ` ${pronoun[2]}` : ''}`;
  }
  const person =
    /^((?:the|his|her|their|my|our|your)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)(?=\s+(?:about|that|what|when|why|how|of|until|before)\b|$)(.*)$/iu.exec(
      what,
    );
  if (person) return `It looks like ${lowerFirst(person[1]!)} ${beFor(person[1]!)} not ${done}${person[2]}`;
  return `It looks like I was not ${done}${what ? ` ${what}` : ''}`;
}

/** What the school's side keeps doing that a parent objects to (after "keeps"/"continues to"). */
const AGAIN_AND_AGAIN =
  /^(?:cancel\p{L}*|mov(?:e|es|ed|ing)|chang\p{L}*|pull\p{L}*|skip\p{L}*|forget\p{L}*|forgot|miss(?:es|ed|ing)?|drop\p{L}*|los(?:e|es|ing)|ignor\p{L}*|blam\p{L}*|postpon\p{L}*|reschedul\p{L}*|delay\p{L}*|cut(?:s|ting)?|reduc\p{L}*|push\p{L}*\s+(?:back|off)|put(?:s|ting)?\s+(?:off|him|her|them)|send(?:s|ing)?\s+(?:him|her|them)\s+(?:home|out|to\s+the\s+office)|(?:tell|say)(?:s|ing)?\s+me|promis\p{L}*|mak(?:e|es|ing)\s+excuses|leav(?:e|es|ing)\s+(?:him|her|them|me)\s+out)\b/iu;

/** "moving his speech time" -> "His speech time has been moved more than once". */
function againRewrite(verbWritten: string, what: string): string {
  const v = verbWritten.toLowerCase();
  const base = /ing$/u.test(v) && v.length > 4 ? baseOfGerund(v) : baseForm(v);
  if (base === 'make') return 'I have not yet seen a plan to fix this';
  if (base === 'tell' || base === 'say') {
    const told = what.replace(/^me\s*/iu, '').replace(/^that\s+/iu, '');
    return `I have been told${told ? ` that ${told}` : ' this'} more than once`;
  }
  if (base === 'promise')
    return `I have been promised${what ? ` ${what.replace(/^to\s+/iu, 'that someone would ')}` : ' this'} more than once`;
  const pronoun = /^(him|her|them)\b\s*(.*)$/iu.exec(what);
  if (pronoun) {
    const who = { him: 'He has', her: 'She has', them: 'They have' }[pronoun[1]!.toLowerCase()]!;
    return `${who} been ${participle(base)}${pronoun[2] ? ` ${pronoun[2]}` : ''} more than once`;
  }
  if (!what) return 'This has happened more than once';
  const split = WHEN_OR_WHERE.exec(what);
  const object = split && split.index > 0 ? what.slice(0, split.index) : what;
  const tail = split && split.index > 0 ? what.slice(split.index) : '';
  const have = beFor(object, 'present') === 'are' ? 'have' : 'has';
  return `${upperFirstWord(object)} ${have} been ${participle(base)} more than once${tail}`;
}

const BLAME_RULES: CategoryRule[] = [
  {
    // "You ignored every email I sent", "You lost his evaluation paperwork again", "ur staff keeps ignoring my emails".
    id: 'blame',
    pattern: rx(
      `(?:${YOU}|${YOUR}(?:\\s+[\\p{L}-]+){0,2}?\\s+${SCHOOL_NOUN}|(?:the|his|her)\\s+(?:[\\p{L}-]+\\s+){0,2}?${SCHOOL_NOUN}|every(?:one|body)\\s+(?:at|in|on|from)\\s+(?:that|this|the|your)\\s+(?:[\\p{L}-]+\\s+)?${SCHOOL_NOUN})(?:\\s+(?:have|has|${A}ve|had|just|again|also|completely|totally|clearly|obviously|simply|even|repeatedly|continually|constantly|somehow))*\\s+(?:(?:keep|keeps|kept|continue[sd]?\\s+to)\\s+)?(?<verb>${Object.keys(PASSIVE).join('|')})\\s+(?<what>[^.;!?,\\n]{2,80}?)(?=\\s+(?:and|but|so|because|since|when|which)\\b|[.;!?,\\n]|$)`,
    ),
    accept: (m) =>
      !/^the\s+ball\b/iu.test(group(m, 'what')) &&
      (!/^(?:the|his|her)\s/iu.test(m[0]) ||
        !/^(?:cancelled|canceled|skipped|dropped)$/iu.test(group(m, 'verb'))),
    suggest: (m) => passiveRewrite(group(m, 'verb'), tidy(group(m, 'what'))),
  },
  {
    // The school's side doing it again and again: "The school keeps moving his speech time", "you keep
    // changing the schedule without telling me", "they continue to pull him out of art", "they keep telling
    // me he is fine". "You keep making his days better" is praise.
    id: 'blame',
    pattern: rx(
      `(?<who>${SCHOOL_SUBJECT}|they)\\s+(?:just\\s+|still\\s+|always\\s+)?(?:keeps?|kept|continues?\\s+to|continued\\s+to)\\s+(?<verb>\\p{L}+)(?<what>[^.;!?,\\n]*)`,
    ),
    // What they keep telling me ("he is fine") is theirs: only the rest is read for praise.
    accept: (m) =>
      AGAIN_AND_AGAIN.test(`${group(m, 'verb')}${group(m, 'what')}`) &&
      (/^(?:tell|say)/iu.test(group(m, 'verb')) || valenceOf(group(m, 'what')) <= 0),
    suggest: (m) => againRewrite(group(m, 'verb'), tidy(group(m, 'what'))),
  },
  {
    // "His regression this year is entirely your fault", "it's all on you".
    id: 'blame',
    pattern: rx(
      `(?:is|was|are|were)\\s+(?:entirely\\s+|all\\s+|completely\\s+|totally\\s+|100%\\s+)?(?:${YOUR}|the\\s+school['’]s|the\\s+district['’]s|their|the\\s+teacher['’]s|(?:his|her)\\s+teacher['’]s)\\s+fault`,
    ),
    accept: (m, text) => m.index - clauseStart(text, m.index) >= 2,
    span: (m, text) => ({ start: clauseStart(text, m.index), end: m.index + m[0].length }),
    suggest: (m, text, span) => {
      const what = tidy(text.slice(span.start, m.index)).replace(/^(?:and|but|so)\s+/iu, '');
      return /^(?:it|this|that)$/iu.test(what)
        ? 'I am worried about how this happened'
        : `I am worried about ${lowerFirst(what)}`;
    },
  },
  {
    // "It's your job to make sure this happens and you didn't."
    id: 'blame',
    pattern: rx(
      `(?:it|that|this)(?:['’]s|\\s+is)\\s+(?:literally\\s+)?(?:your|ur|their)\\s+(?:job|responsibility)(?<rest>[^.;!?\\n]*)`,
    ),
    suggest: (m) => {
      const to =
        /^\s+to\s+(.+?)(?:\s*,?\s+(?:and|but)\s+(?:you|they)\s+(?:didn['’]?t|did\s+not|haven['’]?t|have\s+not).*)?$/iu.exec(
          group(m, 'rest'),
        );
      return to ? `I am counting on the team to ${tidy(to[1]!)}` : 'I am counting on the team for this';
    },
  },
  {
    // "This is all because the district won't hire enough staff."
    id: 'blame',
    pattern: rx(
      `(?:this|it|that)(?:['’]s|\\s+is|\\s+was)\\s+(?:all|entirely|only|just|simply)\\s+because(?:\\s+of)?`,
    ),
    suggest: () => 'I wonder whether this is because',
  },
  {
    // "you are the reason he hates school now"
    id: 'blame',
    pattern: rx(
      `${YOU}(?:['’]re|\\s+are)\\s+(?:the\\s+)?(?:only\\s+|whole\\s+|main\\s+)?reason(?:\\s+(?:why|that))?\\s+(?<what>[^.;!?,\\n]{3,80})`,
    ),
    suggest: (m) => `I am worried that ${tidy(group(m, 'what'))}`,
  },
  {
    // "Because of your mistake he missed a month of reading support."
    id: 'blame',
    pattern: rx(
      `(?:because\\s+of|thanks\\s+to|due\\s+to)\\s+(?:${YOU}|${YOUR}\\s+(?:\\p{L}+\\s+)?(?:mistake|error|negligence|decision|incompetence|failure|carelessness|screw-?up|lack\\s+of\\s+\\p{L}+))`,
    ),
    suggest: () => 'Because of what happened,',
    span: (m, text) => markerSpan(m, text),
  },
  {
    // "You clearly don't care whether he learns to read", "you didn't even bother to call me".
    id: 'blame',
    pattern: rx(
      `${YOU}\\s+(?:clearly\\s+|obviously\\s+|simply\\s+|just\\s+|really\\s+)?(?:don${A}t|do\\s+not|didn${A}t|did\\s+not|dont|didnt)\\s+(?:even\\s+)?(?:(?<care>care|give\\s+a\\s+\\p{L}+)(?<about>[^.;!?,\\n]*)|bother\\s+to\\s+(?<verb>\\p{L}+)(?<rest>[^.;!?,\\n]*)|(?<listen>listen|pay\\s+attention)[^.;!?,\\n]*)`,
    ),
    suggest: (m) => {
      if (group(m, 'care')) {
        const about = tidy(group(m, 'about').replace(/^\s*(?:about)\s+/iu, ''));
        return about
          ? `I want to make sure we are all focused on ${about}`
          : 'I want to make sure we are working together on this';
      }
      if (group(m, 'verb')) {
        const rest = tidy(group(m, 'rest'));
        return `It would have helped if you had ${participle(group(m, 'verb'))}${rest ? ` ${rest}` : ''}`;
      }
      return 'I am not sure my concerns have been heard';
    },
  },
  {
    // The reader as the subject of a failure: "You didn't tell me about the change", "you haven't sent the
    // logs", "You still have not given him his breaks", "you won't return my calls". What did not happen,
    // said without a culprit ("It looks like I was not told about the change"), is just as clear. Not after
    // "if", "when", "I know", "I understand" ("I understand you couldn't reach me"), not with "yet" ("you
    // haven't sent the logs yet" is the gentle form), not in a question, and not after the dates it
    // happened on ("On October 6 and 8, you did not ...": the specific form the "never" rule suggests).
    id: 'blame',
    pattern: rx(
      `${YOU}\\s+(?:still\\s+|just\\s+|also\\s+|simply\\s+|clearly\\s+|obviously\\s+)?(?<neg>didn${A}t|did\\s+not|didnt|haven${A}t|have\\s+not|havent|have\\s+yet\\s+to|won${A}t|will\\s+not|wont)\\s+(?:even\\s+|once\\s+|ever\\s+)?(?<verb>provide|give|follow|implement|send|tell|inform|notify|answer|respond|reply|call|return|schedule|show\\s+up|read|update|fix|include|honou?r|deliver|explain|acknowledge|contact|let\\s+me\\s+know|make\\s+up|do|provided|given|followed|implemented|sent|told|informed|notified|answered|responded|replied|called|returned|scheduled|shown\\s+up|updated|fixed|included|honou?red|delivered|explained|acknowledged|contacted|made\\s+up|done)(?![\\p{L}])(?<what>[^.;!?,\\n]*)`,
    ),
    accept: (m, text) => {
      const before = text.slice(sentenceStart(text, m.index), m.index);
      if (
        /\b(?:if|when|whether|that|know|understand|realize|realise|sure|maybe|perhaps|case|hope|unless|until|wonder|think|guess|worried|afraid)\s*(?:that\s+)?$/iu.test(
          before,
        )
      )
        return false;
      if (/(?:^|[:"“]\s*)on\s+[^,"“]{1,60},\s*$/iu.test(before)) return false;
      if (/\byet\b/iu.test(group(m, 'what'))) return false;
      return !text
        .slice(m.index, sentenceEnd(text, m.index) + 1)
        .trim()
        .endsWith('?');
    },
    suggest: (m) => notDoneRewrite(group(m, 'neg'), group(m, 'verb'), tidy(group(m, 'what'))),
  },
  {
    // "Whoever decided this clearly doesn't know my son at all", "The teachers clearly don't read the IEP":
    // a verdict on what the school's side knows or does, in the present or with "clearly".
    id: 'blame',
    pattern: rx(
      `(?<who>${SCHOOL_SUBJECT}|they)\\s+(?<how>clearly\\s+|obviously\\s+|just\\s+|simply\\s+|still\\s+|never\\s+)?(?<not>don['’]?t|doesn['’]?t|do\\s+not|does\\s+not|didn['’]?t|did\\s+not)\\s+(?:even\\s+)?(?<verb>know|understand|read|follow|care\\s+about|look\\s+at|listen\\s+to|get)\\s+(?<what>[^.;!?,\\n]{1,60}?)(?<atall>\\s+at\\s+all)?(?=[.;!?,\\n]|\\s+(?:and|but|so|because)\\b|$)`,
    ),
    accept: (m) => {
      // "The sub didn't know about her accommodations" is a fact the article expects; "clearly", "at all",
      // the present tense ("the teachers don't read the IEP") or the child as the object make it a verdict.
      const past = /^did/iu.test(group(m, 'not'));
      const verdict = Boolean(group(m, 'how') || group(m, 'atall')) || !past;
      const aboutChild = /^(?:my\s+(?:son|daughter|child|kid)|him|her|kids?\s+like|children\s+like)/iu.test(
        group(m, 'what'),
      );
      if (/^(?:you|u)$/iu.test(tidy(group(m, 'who'))) && /^(?:care|read)/iu.test(group(m, 'verb')))
        return false;
      return (
        verdict &&
        (aboutChild ||
          /^(?:read|follow|look|listen|care)/iu.test(group(m, 'verb')) ||
          /at\s+all/iu.test(group(m, 'atall')))
      );
    },
    suggest: (m) => {
      const who = targetOf(group(m, 'who'));
      const what = tidy(group(m, 'what'));
      const verb = group(m, 'verb').toLowerCase();
      if (/^(?:read|follow|look)/u.test(verb)) {
        const has = /^(?:they|you)$|s$/iu.test(who) ? 'have' : 'has';
        return `I am not sure ${who === 'how this has been handled' ? 'everyone' : who} ${has} ${verb === 'read' ? 'read' : verb.startsWith('look') ? 'looked at' : 'followed'} ${what}`;
      }
      return `I would like to make sure everyone knows ${what}`;
    },
  },
  {
    // "You're setting him up to fail", "The teachers are all against him", "has let him down".
    id: 'blame',
    pattern: rx(
      `(?:setting\\s+(?:him|her|them|my\\s+\\p{L}+)\\s+up\\s+(?:to|for)\\s+fail(?:ure)?|failing\\s+(?:him|her|them|my\\s+(?:son|daughter|child|kid))|(?:let(?:ting)?|letting)\\s+(?:him|her|them|us|my\\s+(?:son|daughter|child|kid))\\s+down|giv(?:en|ing|e)\\s+up\\s+on\\s+(?:him|her|them)|(?:all\\s+)?(?:is|are|seems?|were|was)\\s+(?:all\\s+)?against\\s+(?:him|her|us|them|my\\s+\\p{L}+)|out\\s+to\\s+get\\s+(?:him|her|us)|targeting\\s+(?:him|her)|picking\\s+on\\s+(?:him|her))`,
    ),
    span: (m, text) => ({ start: clauseStart(text, m.index), end: toClauseEnd(m, text).end }),
    suggest: (m, text) =>
      `I am worried about the support ${childIn(text.slice(sentenceStart(text, m.index), sentenceEnd(text, m.index)))} is getting`,
  },
  {
    // Sweeping blame: "Nobody at that school cares", "None of his teachers bother to read his plan",
    // "nobody here seems able to help", "Every single person on his team".
    id: 'blame',
    pattern: rx(
      `(?<who>nobody|no\\s+one|noone|no-one|none\\s+of\\s+(?:you|them|(?:his|her|the|their)\\s+\\p{L}+)|not\\s+(?:one|a\\s+single)\\s+(?:person|teacher|adult|staff\\s+member))(?:\\s+(?:at|in|on|from)\\s+(?:that|this|the|his|her|your)\\s+(?:\\p{L}+\\s+){0,2}?\\p{L}+|\\s+(?:here|there|over\\s+there))?(?:\\s+(?:even|ever|actually|really|seems?\\s+to|seems?|bothers?\\s+to|bothered\\s+to|bother\\s+to|has|have|had|will|would|is|was|can|could|did|does|once))*\\s+(?<verb>cares?|cared|bothers?|bothered|listens?|listened|reads?|answer(?:s|ed)?|follows?|followed|helps?|helped|knows|understands|respond(?:s|ed)?|repl(?:y|ies|ied)|call(?:s|ed)?\\s+back|showed\\s+up|shows\\s+up|(?:is\\s+|was\\s+)?(?:able|willing)\\s+to\\s+help|gives?\\s+a\\s+\\p{L}+|tells?|told|let\\s+me\\s+know|inform(?:s|ed)?|notif(?:y|ies|ied)|explain(?:s|ed)?|check(?:s|ed)?|fix(?:es|ed)?|return(?:s|ed)?\\s+(?:my|our)\\s+\\p{L}+|(?:did|does|done|do)\\s+anything|(?:took|takes|take|taken)\\s+(?:it|this|me|us)\\s+seriously|stepped\\s+up|steps\\s+up)(?![\\p{L}])(?<what>[^.;!?,\\n]*)`,
    ),
    // "Nobody in our family has seen this", "nobody in his class helps him": other children and the family
    // are not the school's side.
    accept: (m) =>
      !/^(?:seen|heard)/iu.test(group(m, 'verb')) &&
      !/\b(?:family|house|home|friends|classmates|class|group|table|neighbou?rhood)\b/iu.test(
        m[0].slice(0, m.indices!.groups!.verb![0] - m.index),
      ),
    suggest: (m, text) => {
      const verb = group(m, 'verb').toLowerCase();
      const what = tidy(group(m, 'what'));
      const bother = /^bother/u.test(verb) ? /^to\s+(\p{L}+)\s*(.*)$/iu.exec(what) : null;
      if (bother)
        return `It would have helped if someone had ${participle(bother[1]!)}${bother[2] ? ` ${bother[2]}` : ''}`;
      if (/^follow/u.test(verb) && /^up\b/iu.test(what)) return 'I have not heard back';
      if (/^(?:tell|told|let\s+me|inform|notif)/u.test(verb)) return notTold(what);
      if (/^explain/u.test(verb)) return `I have not yet had an explanation${what ? ` of ${what}` : ''}`;
      if (/^(?:fix|check)/u.test(verb) && what)
        return `It looks like ${what} ${beFor(what, 'present') === 'are' ? 'have' : 'has'} not been ${/^fix/u.test(verb) ? 'fixed' : 'checked'}`;
      if (/anything|seriously|step|fix|check/u.test(verb)) return 'I have not yet seen anything change';
      if (/^(?:answer|respond|repl|call|return)/u.test(verb)) {
        const about = what.replace(/^to\s+/iu, '');
        return /\b(?:emails?|messages?|letters?|questions?|requests?|voicemails?|notes?|calls?|texts?)\b/iu.test(
          about,
        )
          ? `I have not heard back about ${about}`
          : 'I have not been able to reach anyone';
      }
      if (/able|willing|help/u.test(verb)) return 'I have not yet found the right person to help';
      if (/^listen/u.test(verb)) return 'I am not sure my concerns have been heard';
      if (/^(?:read|follow)/u.test(verb)) {
        const group0 = /none\s+of\s+(.+)$/iu.exec(group(m, 'who'));
        const who = group0 ? group0[1]! : 'everyone';
        const has = group0 ? 'have' : 'has';
        const base = verb.startsWith('read') ? 'read' : 'followed';
        return `I am not sure ${who} ${has} ${base}${what ? ` ${what.replace(/^to\s+read\s+/iu, '')}` : ''}`;
      }
      if (/show/u.test(verb)) return `It looks like no one was there${what ? ` ${what}` : ''}`;
      return `I am worried about the support ${childIn(text.slice(sentenceStart(text, m.index), sentenceEnd(text, m.index)))} is getting`;
    },
  },
  {
    // "Every single person on his team has let him down" is caught above; "the whole staff is against him"
    // too. Here: "everyone there is useless", "the whole school doesn't care".
    id: 'blame',
    pattern: rx(
      `(?:(?:the\\s+)?(?:whole|entire)\\s+(?:staff|school|team|district|department|building|system|faculty|administration)|every(?:one|body)\\s+(?:there|at\\s+that\\s+school|at\\s+the\\s+school|in\\s+that\\s+building)|all\\s+of\\s+(?:you|them|his\\s+teachers|her\\s+teachers))\\s+(?:(?:is|are|has|have|seems?)\\s+)?(?:just\\s+|clearly\\s+)?(?:don${A}t|doesn${A}t|do\\s+not|does\\s+not|dont|doesnt)\\s+(?:care|listen|bother|help)[^.;!?,\\n]*`,
    ),
    suggest: (m, text) =>
      `I am worried about the support ${childIn(text.slice(sentenceStart(text, m.index), sentenceEnd(text, m.index)))} is getting`,
  },
  {
    // "You should have called me the minute he got hurt", "Someone should have told me".
    id: 'blame',
    pattern: rx(
      `(?<who>${YOU}|someone|somebody|anyone|anybody|(?:the|his|her)\\s+(?:[\\p{L}-]+\\s+)?${SCHOOL_NOUN}|${STAFF_NAME})\\s+(?:really\\s+|definitely\\s+|at\\s+least\\s+|clearly\\s+)?(?:should|could)(?:${A}ve|\\s+have|\\s+of)\\s+(?:at\\s+least\\s+)?(?<done>\\p{L}+)(?<rest>[^.;!?,\\n]*)`,
    ),
    accept: (m) => /(?:ed|en|wn|ld|ght|ne|t)$/iu.test(group(m, 'done')),
    suggest: (m) => {
      const who = /^(?:you|u|ya)/iu.test(group(m, 'who')) ? 'you' : lowerFirst(tidy(group(m, 'who')));
      const rest = tidy(group(m, 'rest'));
      return `It would have helped if ${who} had ${group(m, 'done').toLowerCase()}${rest ? ` ${rest}` : ''}`;
    },
  },
  {
    // "you let him sit in the hallway for an hour"
    id: 'blame',
    pattern: rx(
      `${YOU}\\s+(?:just\\s+)?let\\s+(?<who>him|her|them|my\\s+(?:son|daughter|child|kid)|\\p{Lu}\\p{Ll}+)\\s+(?<rest>[^.;!?,\\n]{3,80})`,
    ),
    accept: (m) => !/^(?:me|us)$/iu.test(group(m, 'who')),
    suggest: (m) => {
      const who = group(m, 'who').toLowerCase();
      const subject =
        who === 'him' ? 'he' : who === 'her' ? 'she' : who === 'them' ? 'they' : group(m, 'who');
      return `It looks like ${subject} ${subject === 'they' ? 'were' : 'was'} left to ${tidy(group(m, 'rest'))}`;
    },
  },
  {
    // "since talking to you has gotten us nowhere"
    id: 'blame',
    pattern: rx(
      `(?:talking|speaking|writing|emailing|working|asking)\\s+(?:to|with)\\s+(?:you|the\\s+school|the\\s+team|them|\\p{L}+)\\s+(?:has|have)\\s+(?:gotten|got|gets|get)\\s+(?:us|me)\\s+nowhere`,
    ),
    suggest: () => 'we have not been able to resolve this yet',
  },
  {
    // Idioms of blame: "dropped the ball", "done nothing but make excuses", "sweeping this under the rug",
    // "trying to save money at his expense", "gotten us nowhere".
    id: 'blame',
    pattern: rx(
      `(?<who>${SCHOOL_SUBJECT}|they|it${A}s\\s+obvious\\s+(?:that\\s+)?(?:the|your)\\s+\\p{L}+)?(?:\\s+(?:has|have|had|is|are|keeps?|just|clearly|obviously))*\\s*(?<idiom>dropped\\s+the\\s+ball|done\\s+nothing\\s+but\\s+(?:make|making)\\s+excuses|nothing\\s+but\\s+excuses|making\\s+excuses|(?:sweep|sweeping|swept)\\s+(?:this|it|everything)\\s+under\\s+the\\s+rug|passing\\s+the\\s+buck|covering\\s+(?:yourselves|themselves|your\\s+\\p{L}+)|cutting\\s+corners|trying\\s+to\\s+save\\s+money[^.;!?,\\n]*|at\\s+(?:his|her|their|my\\s+\\p{L}+${A}s)\\s+expense|(?:gotten|got|getting)\\s+(?:us|me)\\s+nowhere|(?:let\\s+(?:him|her|them|my\\s+\\p{L}+)\\s+)?fall(?:en|ing|s)?\\s+through\\s+the\\s+cracks|(?:lift|lifted|lifting)\\s+a\\s+finger)`,
    ),
    // The subject goes too ("None of you have lifted a finger"): the rewrite names no one.
    span: (m, text) => ({
      start: Math.min(m.index, clauseStart(text, m.index)),
      end: toClauseEnd(m, text).end,
    }),
    suggest: (m) => {
      const idiom = group(m, 'idiom').toLowerCase();
      if (idiom.startsWith('dropped')) return 'It looks like something was missed';
      if (/excuses/u.test(idiom)) return 'I have not yet seen a plan to fix this';
      if (/rug|buck|covering/u.test(idiom)) return 'I am worried this is not being addressed';
      if (/money|expense|corners/u.test(idiom))
        return 'I am worried that cost is playing a part in these decisions';
      if (/cracks/u.test(idiom)) return 'I am worried that he has been missed';
      if (/finger/u.test(idiom)) return 'I have not yet seen anything change';
      return 'I have not been able to resolve this yet';
    },
  },
];

// --- Insults (patterns; the lexicon's insults are in lexiconFlags below) -----------------------------------

/** The person or thing judged, as the rewrite names it. */
function targetOf(subject: string): string {
  const s = tidy(subject).replace(/^(?:honestly|frankly|seriously|basically|and|but|so)\s+/iu, '');
  if (new RegExp(`^(?:all\\s+of\\s+)?${YOU}$`, 'iu').test(s)) return 'you';
  if (/^whoever\b/iu.test(s)) return 'how this has been handled';
  if (/^they$/iu.test(s)) return 'the team';
  const everyone = /^every(?:one|body)\s+((?:at|in|on|from)\s+.+)$/iu.exec(s);
  if (everyone) return `the staff ${everyone[1]}`;
  return lowerFirst(s)
    .replace(/^(?:your|ur)\s+(?:so-called\s+)?/iu, 'the ')
    .replace(/^so-called\s+/iu, '');
}

/** "I have found it hard to work with the case manager", or for the reader: "I am finding this hard". */
function concernsAbout(subject: string, tail: string): string {
  const target = targetOf(subject);
  const about = /^\s*(?:about|with|around|when\s+it\s+comes\s+to)\s+(\p{L}[^.;!?,\n]{1,40})$/iu.exec(tail);
  if (target === 'you') return 'I am finding this hard';
  if (about) return `I am not sure ${target} has had enough support with ${tidy(about[1]!)}`;
  return `I have found it hard to work with ${target}`;
}

const INSULT_RULES: CategoryRule[] = [
  {
    // "Whoever runs that program has no idea what they're doing", "the new therapist doesn't know what she is
    // doing". "He doesn't know what he is doing in fractions yet" is the child: the negated form needs the
    // school's side as its subject.
    id: 'insult',
    pattern: rx(
      `(?<who>${SCHOOL_SUBJECT}|they|he|she)?\\s*(?:clearly\\s+|obviously\\s+|honestly\\s+)?(?:(?:has|have|had)\\s+(?:no|zero)\\s+(?:idea|clue)|(?<not>doesn${A}t|does\\s+not|don${A}t|do\\s+not|didn${A}t|did\\s+not|doesnt|dont|didnt)\\s+(?:even\\s+|seem\\s+to\\s+|really\\s+|actually\\s+)*(?:know|have\\s+(?:a|any)\\s+(?:idea|clue)))\\s+(?:what|how)\\s+(?:they|you|he|she|they)(?:['’]re|\\s+are|${A}s|\\s+is|\\s+were|\\s+was)\\s+doing`,
    ),
    accept: (m) =>
      !group(m, 'not') ||
      new RegExp(`^(?:${SCHOOL_SUBJECT}|they)$`, 'iu').test(
        tidy(group(m, 'who')).replace(/^(?:honestly|frankly|and|but|so)\s+/iu, ''),
      ),
    span: (m, text) => ({
      start: group(m, 'who') ? m.index : clauseStart(text, m.index),
      end: m.index + m[0].length,
    }),
    suggest: (m) =>
      /whoever/iu.test(m[0])
        ? 'I am not sure the current approach is working'
        : concernsAbout(group(m, 'who') || 'the team', ''),
  },
  {
    // "Mrs. Park has no business working with special needs kids."
    id: 'insult',
    pattern: rx(
      `(?<who>${SCHOOL_SUBJECT}|they|he|she)\\s+(?:clearly\\s+|honestly\\s+)?(?:has|have)\\s+no\\s+(?:business|right)\\s+(?<doing>\\p{L}+ing)(?<rest>[^.;!?,\\n]*)`,
    ),
    suggest: (m) =>
      `I have concerns about ${targetOf(group(m, 'who'))} ${group(m, 'doing').toLowerCase()}${tidy(group(m, 'rest')) ? ` ${tidy(group(m, 'rest'))}` : ''}`,
  },
  {
    // "The sub was a complete joke", "you guys are a joke", "a glorified babysitting service", "a circus".
    id: 'insult',
    pattern: rx(
      `(?<who>${SCHOOL_SUBJECT}|this\\s+(?:school|district|program|place|meeting|process|plan)|that\\s+(?:school|district|program|place|meeting))\\s+(?:is|are|was|were|${A}s|['’]re)\\s+(?:just\\s+|basically\\s+|honestly\\s+|nothing\\s+but\\s+)?(?:a\\s+|an\\s+)?(?:complete\\s+|total\\s+|absolute\\s+|real\\s+|bad\\s+|sick\\s+)?(?:joke|circus|clown\\s+show|clowns|farce|sham|disgrace|embarrassment|zoo|dumpster\\s+fire|waste\\s+of\\s+(?:(?:my|our|his|her|everyone['’]s|everybody['’]s|taxpayers['’]?)\\s+)?(?:time|space|money|resources)|glorified\\s+[\\p{L}-]+(?:\\s+[\\p{L}-]+){0,2})`,
    ),
    suggest: (m, text) => concernsAbout(group(m, 'who'), restOfClause(text, m.index + m[0].length)),
  },
  {
    // "That teacher shouldn't be allowed near kids", "couldn't care less", "in over her head".
    id: 'insult',
    pattern: rx(
      `(?<who>${SCHOOL_SUBJECT}|they|he|she)\\s+(?:clearly\\s+|obviously\\s+|honestly\\s+)?(?:(?:shouldn${A}t|should\\s+not|shouldnt)\\s+be\\s+(?:allowed\\s+)?(?:near|around|working\\s+with|teaching|in\\s+charge\\s+of)\\s+(?:kids|children|students|anyone)|(?:couldn${A}t|could\\s+not|couldnt)\\s+care\\s+less|(?:is|are|${A}s|['’]re)\\s+(?:way\\s+|clearly\\s+)?(?:in\\s+over\\s+(?:his|her|their)\\s+heads?|out\\s+of\\s+(?:his|her|their)\\s+depth|not\\s+fit\\s+to\\s+\\p{L}+))`,
    ),
    suggest: (m, text) => {
      const rest = restOfClause(text, m.index + m[0].length);
      if (/care\s+less/iu.test(m[0])) {
        const about = /^about\s+(.+)$/iu.exec(rest);
        return `I want to make sure ${targetOf(group(m, 'who'))} is focused on ${about ? about[1] : 'this'}`;
      }
      return concernsAbout(group(m, 'who'), rest);
    },
  },
  {
    // "Your so-called behavior specialist": "so-called" mocks the title.
    id: 'insult',
    pattern: rx('so-called|so\\s+called'),
    suggest: () => LEAVE_OUT,
  },
  {
    // "the most disorganized school I have ever dealt with", "the worst case manager we have ever had".
    id: 'insult',
    pattern: rx(
      `(?<who>(?:this\\s+is|${STAFF_NAME}\\s+is|(?:he|she|they)\\s+(?:is|are)|(?:this|that|the)\\s+\\p{L}+\\s+is|${YOU}\\s+are|${YOU}['’]re)\\s+)?the\\s+(?:worst|most\\s+\\p{L}+|least\\s+\\p{L}+)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?<what>${SCHOOL_NOUN}|experience|place)\\s+(?:I|we)(?:${A}ve|\\s+have)?\\s+(?:ever|ever\\s+\\p{L}+)`,
    ),
    accept: (m) =>
      !/most\s+(?:helpful|caring|patient|kind|supportive|organized|wonderful|amazing|thoughtful)/iu.test(
        m[0],
      ),
    span: (m, text) => ({ start: m.index, end: clauseEnd(text, m.index + m[0].length) }),
    suggest: (m) => {
      const who = tidy(group(m, 'who')).replace(/\s+(?:is|are|['’]s|['’]re)$/iu, '');
      if (!who || /^this$/iu.test(who)) return 'This has been a hard experience for us';
      return concernsAbout(who, '');
    },
  },
];

// --- Orders ---------------------------------------------------------------------------------------------

/** "immediately", "right now", "period": pressure that adds nothing to a request. */
const PRESSURE =
  /\s*,?\s*(?:immediately|right\s+now|right\s+away|at\s+once|asap|now|this\s+instant|period|no\s+excuses|no\s+exceptions|end\s+of\s+story|it['’]?s\s+not\s+optional)\s*$/iu;

function softened(vp: string): string {
  let v = tidy(vp);
  const pressure = PRESSURE.exec(v);
  if (pressure)
    v = `${v.slice(0, pressure.index)}${/immediately|now|right|once|asap|instant/iu.test(pressure[0]) ? ' as soon as you can' : ''}`;
  return v.replace(/\bNOW\b/u, 'as soon as you can');
}

/** What the school's side does to a child that a parent forbids: "You will not pull him from recess". */
const ORDERED: ReadonlySet<string> = new Set([
  'pull',
  'remove',
  'move',
  'change',
  'cancel',
  'skip',
  'send',
  'put',
  'take',
  'keep',
  'leave',
  'use',
  'restrain',
  'seclude',
  'isolate',
  'punish',
  'exclude',
  'touch',
  'give',
  'cut',
  'reduce',
  'drop',
  'withhold',
  'speak',
  'talk',
  'treat',
  'ignore',
]);

const COMMAND_RULES: CategoryRule[] = [
  {
    // "Stop cancelling her speech sessions."
    id: 'command',
    pattern: rx(`stop\\s+(?<verb>\\p{L}+ing)(?<rest>[^.;!?\\n]*)`),
    accept: (m, text) =>
      isSentenceStart(text, m.index) || /please\s+$/iu.test(text.slice(Math.max(0, m.index - 8), m.index)),
    span: (m, text) => {
      const please = /please\s+$/iu.exec(text.slice(Math.max(0, m.index - 8), m.index));
      return { start: please ? m.index - please[0].length : m.index, end: m.index + m[0].length };
    },
    suggest: (m) =>
      `Please do not ${baseOfGerund(group(m, 'verb'))}${softened(group(m, 'rest')) ? ` ${softened(group(m, 'rest'))}` : ''}`,
  },
  {
    // An order at the start of a sentence, with no "please": "Do your job", "Read the IEP before ...",
    // "answer my question", "Get the aide back in his room today", "Call me back immediately", "Explain
    // to me why ...", "Make sure this never happens again", "Don't ever put him in the hallway again".
    id: 'command',
    pattern: rx(
      `(?:do\\s+your\\s+(?:job|jobs)|read\\s+(?:the|his|her|my)\\s+(?:IEP|504|plan|email|emails|message|file|notes|letter)|answer\\s+(?:me|my\\s+\\p{L}+|the\\s+question)|explain\\s+(?:yourself|yourselves|to\\s+me|why|how)|tell\\s+me\\s+why|follow\\s+(?:the|his|her)\\s+(?:IEP|504|plan|law|rules)|get\\s+(?:it|this|that)\\s+(?:done|fixed|together|sorted|right)|get\\s+(?:the|his|her)\\s+[\\p{L}-]+\\s+(?:back|fixed|in|to|here)|figure\\s+(?:it|this)\\s+out|make\\s+sure\\s+(?:this|it|that)\\s+(?:never|doesn${A}t|does\\s+not)\\s+happens?\\s+again|(?:don${A}t|do\\s+not|dont)\\s+(?:you\\s+)?(?:ever|dare|tell\\s+me|give\\s+me|bother|even)|(?:call|email|text|write|reply|respond|get\\s+back)\\s+(?:to\\s+)?(?:me\\s+)?(?:back\\s+)?(?:immediately|right\\s+now|right\\s+away|at\\s+once|asap|now|today\\s*!))(?<rest>[^.;!?\\n]*)`,
    ),
    accept: (m, text) => {
      if (!isSentenceStart(text, m.index)) return false;
      const sentence = text.slice(m.index, sentenceEnd(text, m.index) + 1);
      return (
        !/\b(?:please|could\s+you|would\s+you|can\s+you|thank)/iu.test(sentence) &&
        !sentence.trim().endsWith('?')
      );
    },
    suggest: (m) => {
      const all = tidy(m[0]);
      if (/^do\s+your\s+job/iu.test(all)) return 'Please follow the plan as written';
      if (/^(?:explain\s+(?:to\s+me\s+)?|tell\s+me\s+)(why|how)/iu.test(all)) {
        return `Help me understand ${all.replace(/^(?:explain|tell)\s+(?:to\s+)?me\s+|^explain\s+/iu, '')}`;
      }
      if (/^explain\s+(?:yourself|yourselves)/iu.test(all)) return 'Help me understand what happened';
      if (/^read\s/iu.test(all)) return `Please look at ${all.replace(/^read\s+/iu, '')}`;
      if (/^make\s+sure/iu.test(all)) return 'Please help me make sure this does not happen again';
      if (/^(?:don['’]?t|do\s+not)\s+tell\s+me\s/iu.test(all)) {
        return `I would like an accurate picture, even when it is not good news`;
      }
      if (/^(?:don['’]?t|do\s+not)\s/iu.test(all)) {
        return `Please do not ${all.replace(/^(?:don['’]?t|do\s+not)\s+(?:you\s+)?(?:ever|dare|even)?\s*/iu, '')}`;
      }
      return `Please ${lowerFirst(softened(all))}`;
    },
  },
  {
    // Any other bare order at the start of a sentence: "Fix it.", "Tell Mrs. Hall to stop taking away his
    // recess.", "Send me the logs today.", "Put the aide back in his room." Verbs of courtesy ("Let me know",
    // "Call me when you can", "See attached") are not orders, nor is advice to the parent in a complaint
    // outline ("Keep a copy").
    id: 'command',
    pattern: rx(
      '(?:tell|fix|stop|get|give|answer|read|do|explain|follow|quit|start|figure|listen|return|hire|train|sort|deal|step|own|admit|apologi[sz]e|send|put|move|schedule|provide|make|bring|remove|change|update)(?=\\s|[.!])',
    ),
    accept: (m, text) => {
      if (!isSentenceStart(text, m.index)) return false;
      const sentence = text.slice(m.index, sentenceEnd(text, m.index) + 1);
      if (
        /\b(?:please|could\s+you|would\s+you|can\s+you|thanks?|thank\s+you|appreciate|if|whenever|when\s+you\s+(?:can|get\s+a\s+chance|have\s+(?:a|the)\s+(?:moment|minute|second|chance|time))|any\s*time)\b/iu.test(
          sentence,
        )
      )
        return false;
      if (sentence.trim().endsWith('?')) return false;
      // "Get well soon", "Take care", "Keep up the great work", "Keep me posted", "Send my thanks to Ms.
      // Park": warmth, not orders.
      return !/^(?:get\s+well|take\s+care|keep\s+up|keep\s+me\s+(?:posted|updated|informed|in\s+the\s+loop)|make\s+it\s+a\s+great|have\s+a\s+|send\s+(?:my|our)\s+(?:love|thanks|best|regards|congratulations)|make\s+sure\s+to\s+(?:enjoy|have))/iu.test(
        sentence,
      );
    },
    span: (m, text) => ({ start: m.index, end: sentenceEnd(text, m.index) }),
    suggest: (_m, text, span) => {
      const order = text.slice(span.start, span.end);
      if (/^tell\s+me\s+why\b/iu.test(order))
        return `Help me understand ${order.replace(/^tell\s+me\s+/iu, '')}`;
      return `Please ${lowerFirst(softened(order))}`;
    },
  },
  {
    // The school's side must: "Someone needs to explain to me why he was restrained", "The school needs
    // to follow the IEP". A child who "needs to bring his glasses" is not pressed, and "the district must
    // make ... available" is the law's own wording (a formal complaint quotes it), so "must" is left out.
    id: 'command',
    legalTerm: true,
    pattern: rx(
      `(?<who>someone|somebody|${YOUR}\\s+(?:[\\p{L}-]+\\s+){0,2}?${SCHOOL_NOUN}|(?:the|this|that)\\s+(?:[\\p{L}-]+\\s+){0,2}?${SCHOOL_NOUN}|${STAFF_NAME})\\s+(?:really\\s+|seriously\\s+)?(?:needs\\s+to|need\\s+to|has\\s+to|have\\s+to|had\\s+better|better)\\s+(?<vp>(?<verb>\\p{L}+)[^.;!?,\\n]*)`,
    ),
    accept: (m, text) => {
      const before = text.slice(sentenceStart(text, m.index), m.index);
      if (/\b(?:if|when|whether|that|what|how|does|do|did|where|which)\s*$/iu.test(before)) return false;
      return !text
        .slice(m.index, sentenceEnd(text, m.index) + 1)
        .trim()
        .endsWith('?');
    },
    suggest: (m) => {
      const vp = tidy(group(m, 'vp'));
      if (/^explain\s+(?:to\s+me\s+)?(why|how|what)\b/iu.test(vp))
        return `Help me understand ${vp.replace(/^explain\s+(?:to\s+me\s+)?/iu, '')}`;
      const who = /^some(?:one|body)$/iu.test(group(m, 'who'))
        ? 'someone'
        : lowerFirst(tidy(group(m, 'who')));
      return `Could ${who} please ${softened(vp)}`;
    },
  },
  {
    // Modal pressure on the reader: "You need to start following his plan", "You must give him his
    // breaks, period", "You will provide the 240 minutes", "You better have a good explanation".
    id: 'command',
    pattern: rx(
      `${YOU}\\s+(?:need\\s+to|must|have\\s+to|had\\s+better|${A}d\\s+better|better|will|are\\s+going\\s+to|are\\s+to|gotta)\\s+(?<vp>(?<verb>\\p{L}+)[^.;!?,\\n]*)`,
    ),
    accept: (m, text) => {
      const before = text.slice(sentenceStart(text, m.index), m.index);
      const sentence = text.slice(sentenceStart(text, m.index), sentenceEnd(text, m.index) + 1);
      const verb = group(m, 'verb').toLowerCase();
      if (
        /\b(?:if|when|whether|that|what|how|do|does|did|anything|something|where|which|once|until|before|after|as)\s*$/iu.test(
          before,
        )
      )
        return false;
      if (sentence.trim().endsWith('?')) return false;
      // "You will see in the log that ...", "you will be glad to hear": not an order.
      if (
        /^will$/iu.test(/\s(will|need|must|have|better|going|are|gotta)\s/iu.exec(m[0])?.[1] ?? '') ||
        /\swill\s/iu.test(m[0])
      ) {
        return IMPERATIVE_VERBS.has(verb) || /^(?:implement|deliver|make|ensure|stop|start|fix)$/u.test(verb);
      }
      return !/^(?:be|see|know|find|notice|hear|remember|recall|like)$/u.test(verb);
    },
    suggest: (m) => {
      const vp = tidy(group(m, 'vp'));
      if (/^have\s+(?:a\s+)?(?:\p{L}+\s+)?explanation/iu.test(vp)) return 'Help me understand what happened';
      return `Please ${softened(vp).replace(/,\s*(?:it['’]?s\s+not\s+optional|period)$/iu, '')}`;
    },
  },
  {
    // An order in the future tense: "You will not pull him from recess again", "you are not to move him
    // without calling me". "You won't need to send anything" and "you won't believe how happy he was" tell.
    id: 'command',
    pattern: rx(
      `${YOU}\\s+(?:will\\s+not|won${A}t|wont|are\\s+not\\s+to|aren${A}t\\s+to|are\\s+not\\s+going\\s+to|aren${A}t\\s+going\\s+to)\\s+(?:ever\\s+)?(?<vp>(?<verb>\\p{L}+)[^.;!?,\\n]*)`,
    ),
    accept: (m, text) => {
      const before = text.slice(sentenceStart(text, m.index), m.index);
      if (/\b(?:if|when|whether|that|hope|sure|so|and|because|know|think)\s*$/iu.test(before)) return false;
      return (
        ORDERED.has(group(m, 'verb').toLowerCase()) &&
        !text
          .slice(m.index, sentenceEnd(text, m.index) + 1)
          .trim()
          .endsWith('?')
      );
    },
    suggest: (m) => `Please do not ${softened(group(m, 'vp'))}`,
  },
  {
    // "I want this fixed NOW", "I expect a full response within 24 hours", "I insist".
    id: 'command',
    pattern: rx(
      `(?:I|we)\\s+(?:want|need|expect|demand)\\s+(?<what>(?:this|it|that|the\\s+\\p{L}+(?:\\s+\\p{L}+)?|(?:an?\\s+)?(?:answers?|explanation|response|apology|reply|call))(?:\\s+(?:fixed|done|sorted|handled|corrected|resolved|back|returned))?)\\s+(?<when>now|immediately|right\\s+now|right\\s+away|asap|today|at\\s+once)\\b|(?:I|we)\\s+(?:expect)\\s+(?:you\\s+to\\s+)?(?<what2>[^.;!?,\\n]{3,80})|(?:I|we)\\s+insist(?:\\s+on|\\s+that)?|(?:I|we)\\s+want\\s+(?<what3>answers|an\\s+explanation|an\\s+apology)`,
    ),
    suggest: (m) => {
      if (group(m, 'what')) return `I would like ${tidy(group(m, 'what'))} as soon as possible`;
      if (/^better$/iu.test(tidy(group(m, 'what2')))) return 'I was hoping for more';
      if (group(m, 'what2'))
        return `I would like ${/^you\s+to\s/iu.test(m[0].replace(/^(?:I|we)\s+expect\s+/iu, '')) ? 'you to ' : ''}${tidy(group(m, 'what2'))}`;
      if (group(m, 'what3'))
        return `I would like ${/answers/iu.test(group(m, 'what3')) ? 'to understand what happened' : group(m, 'what3').replace(/^an\s+explanation$/iu, 'to understand what happened')}`;
      return 'I would like to ask';
    },
  },
];

// --- Exasperation -----------------------------------------------------------------------------------------

const EXASPERATION_RULES: CategoryRule[] = [
  {
    // "I'm fed up with chasing every single session", "I'm sick and tired of repeating myself", "I'm so
    // tired of fighting for every minute he's owed".
    id: 'exasperation',
    pattern: rx(
      `(?:(?:I|we)(?:${A}m|\\s+am|['’]re|\\s+are|\\s+have\\s+been|${A}ve\\s+been)|im)?\\s*(?:so\\s+|really\\s+|completely\\s+|absolutely\\s+|just\\s+|honestly\\s+|beyond\\s+|totally\\s+)?(?:fed\\s+up|sick\\s+and\\s+tired|sick|tired)(?:\\s+(?:of|with)\\s+(?<what>[^.;!?,\\n]{2,80}))?`,
    ),
    accept: (m) => /fed\s+up/iu.test(m[0]) || Boolean(group(m, 'what')),
    span: (m) => {
      const s = m[0].search(/\S/u);
      return { start: m.index + Math.max(0, s), end: m.index + m[0].length };
    },
    suggest: (m) => {
      const what = tidy(group(m, 'what'));
      if (!what) return 'I am finding this hard';
      if (/^\p{L}+ing\b/iu.test(what)) return `I am finding it hard to keep ${what}`;
      return `I am finding ${lowerFirst(what)} hard`;
    },
  },
  {
    // "Enough is enough", "I've had it with ...", "at my wits' end", "my patience has run out", "I am
    // done asking nicely", "I have been more than patient".
    id: 'exasperation',
    pattern: rx(
      `enough\\s+is\\s+enough|(?:I|we)(?:${A}ve|\\s+have)?\\s+had\\s+(?:it|enough)(?:\\s+(?:with|up\\s+to\\s+here)\\b[^.;!?,\\n]*)?|at\\s+(?:my|our|the)\\s+wits${A}?\\s+end(?:\\s+with\\s+[^.;!?,\\n]*)?|(?:losing|lost|running\\s+out\\s+of)\\s+(?:my\\s+|our\\s+|all\\s+)?patience|(?:my|our)\\s+patience\\s+(?:has|is)\\s+(?:run|running|worn|wearing)\\s+(?:out|thin)|(?:I|we)\\s+(?:have|${A}ve)\\s+been\\s+more\\s+than\\s+(?:patient|reasonable|understanding)|(?:the\\s+)?(?:last|final)\\s+straw|(?:I|we)(?:${A}m|\\s+am|['’]re|\\s+are)\\s+(?:so\\s+|just\\s+|officially\\s+)?done(?:\\s+(?:asking|being|with|playing|waiting)\\b[^.;!?,\\n]*)?(?=[.;!?,\\n]|$)|\\bim\\s+done\\b|I\\s+give\\s+up`,
    ),
    span: (m, text) => {
      // "I am at my wits' end": take the subject too.
      const before = /(?:I['’]?m|I\s+am|we['’]?re|we\s+are|im)\s+(?:(?:so|just|really|honestly)\s+)?$/iu.exec(
        text.slice(Math.max(0, m.index - 16), m.index),
      );
      return { start: before ? m.index - before[0].length : m.index, end: m.index + m[0].length };
    },
    suggest: (m) => {
      const all = m[0].toLowerCase();
      if (/more\s+than/u.test(all)) return 'I have been waiting for a while';
      if (/asking/u.test(all)) return 'I am asking again';
      return 'I would like us to find a way forward';
    },
  },
  {
    // "I can't believe I have to write this email again" (not "I can't believe how much he has grown!").
    id: 'exasperation',
    pattern: rx(
      `(?:I|we)\\s+(?:can${A}t|cannot|cant|could\\s+not|couldn${A}t)\\s+believe\\s+(?<what>[^.;!?,\\n]{3,100})`,
    ),
    accept: (m) => valenceOf(group(m, 'what')) <= 0,
    suggest: (m) => `It worries me that ${tidy(group(m, 'what')).replace(/^(?:that|how)\s+/iu, '')}`,
  },
  {
    // "For the fourth time, he needs his headphones", "yet again", "once again, nobody ...".
    id: 'exasperation',
    pattern: rx(
      `for\\s+the\\s+(?:second|third|fourth|fifth|sixth|seventh|tenth|nth|umpteenth|hundredth|millionth|\\d+(?:st|nd|rd|th)|\\p{L}+\\s+time)\\s+time|yet\\s+again|yet\\s+another|(?:once\\s+again|again)(?=,?\\s+(?:nobody|no\\s+one|noone|nothing|no\\s+\\p{L}+|not|another|the\\s+\\p{L}+\\s+(?:didn|wasn|isn|was\\s+not|did\\s+not)))|here\\s+we\\s+go\\s+again|(?<![\\p{L}]\\s)not\\s+again(?=\\s*[.!?]|$)|(?:the\\s+)?same\\s+(?:old\\s+)?(?:story|excuse|excuses|song(?:\\s+and\\s+dance)?|runaround)|(?:the\\s+)?(?:same\\s+)?runaround`,
    ),
    accept: (m, text) => !/^(?:once\s+again|again)/iu.test(m[0]) || isSentenceStart(text, m.index),
    span: markerSpan,
    suggest: (m) => {
      const all = m[0].toLowerCase();
      if (all.startsWith('for the')) return 'As I mentioned before,';
      if (all === 'yet another') return 'another';
      if (/not\s+again|here\s+we\s+go/u.test(all)) return 'This has happened before';
      if (/same|runaround/u.test(all)) return 'the same thing again';
      return LEAVE_OUT;
    },
  },
  {
    // "I don't even know why I bother emailing", "what's the point of writing".
    id: 'exasperation',
    pattern: rx(
      `(?:(?:I\\s+)?(?:don['’]?t|do\\s+not)\\s+(?:even\\s+)?know\\s+)?why\\s+(?:do\\s+)?(?:I|we)\\s+(?:even\\s+)?(?:bother|try)(?:\\s+(?:emailing|writing|calling|asking))?|what['’]?s\\s+the\\s+point\\s+(?:of\\s+)?(?:emailing|writing|calling|asking|trying)`,
    ),
    span: (m, text) => ({ start: clauseStart(text, m.index), end: m.index + m[0].length }),
    suggest: () => 'I am writing again because this matters a lot to us',
  },
  {
    // Disbelief at the situation: "It's unbelievable that nobody called", "This is insane.", "which is
    // beyond belief". "It's unbelievable how much he has grown!" is wonder.
    id: 'exasperation',
    pattern: rx(
      `(?<who>it|this|that|which)(?:['’]s|\\s+is|\\s+was|\\s+has\\s+been)\\s+(?:just\\s+|absolutely\\s+|honestly\\s+|simply\\s+|completely\\s+|truly\\s+|so\\s+)?(?:unbelievable|insane|unreal|crazy|outrageous|beyond\\s+belief|mind-?boggling|baffling|incredible|nuts)`,
    ),
    accept: (m, text) => {
      const rest = text.slice(m.index + m[0].length, sentenceEnd(text, m.index));
      if (/^\s*$/u.test(rest)) return true;
      return /^\s*(?:that|how|to)\b/iu.test(rest) && FAILURE_CUE.test(rest) && valenceOf(rest) <= 0;
    },
    suggest: (m) =>
      /^which$/iu.test(group(m, 'who'))
        ? 'which worries me'
        : `${upperFirstWord(/^it$/iu.test(group(m, 'who')) ? 'it' : group(m, 'who').toLowerCase())} worries me`,
  },
  {
    // "beyond frustrating" -> "very frustrating": the feeling stays, the exasperation goes.
    id: 'exasperation',
    pattern: rx(
      `beyond\\s+(?<what>frustrated|frustrating|exhausted|tired|angry|upset|furious|disappointed|disappointing|ridiculous|belief|done|fed\\s+up|annoyed|irritated)`,
    ),
    suggest: (m) =>
      /ridiculous|belief|done|fed/iu.test(group(m, 'what'))
        ? 'very hard'
        : `very ${group(m, 'what').toLowerCase()}`,
  },
  {
    // Interjections that sigh or swear at the reader: "Ugh.", "Unbelievable.", "Seriously,", "smh".
    id: 'exasperation',
    pattern: rx(
      `(?:ugh+|argh+|smh|omg|wtf|jeez|geez|sheesh|good\\s+grief|for\\s+crying\\s+out\\s+loud|for\\s+(?:god|pete|heaven)${A}s?\\s+sake|what\\s+the\\s+(?:hell|heck|f\\p{L}*)|unbelievable|unreal|incredible|ridiculous|seriously|honestly|wow|really)(?=\\s*(?:[.!?,]|$))`,
    ),
    accept: (m, text) => {
      const word = m[0].toLowerCase();
      const rest = text.slice(
        m.index + m[0].length,
        sentenceEnd(text, sentenceEnd(text, m.index + m[0].length) + 1),
      );
      const standalone =
        /^\s*[.!?]/u.test(text.slice(m.index + m[0].length)) || m.index + m[0].length === text.length;
      if (!isSentenceStart(text, m.index)) return false;
      // "Wow, he loved the new reading program!" and "Honestly, she is doing great" are warmth; "Wow."
      // and "Really?" alone could be either; "Honestly." and "Incredible." alone are exasperation.
      if (/^(?:wow|honestly|really|incredible)$/u.test(word)) {
        if (standalone) return word === 'honestly' || word === 'incredible';
        return word === 'wow' && valenceOf(rest) < 0;
      }
      return standalone || valenceOf(rest) <= 0;
    },
    span: markerSpan,
    suggest: () => LEAVE_OUT,
  },
];

// --- Absolutes ------------------------------------------------------------------------------------------

const NEGATIVE_EVENT =
  /\b(?:cancel+ed|cancels?|missed|misses|skipped|dropped|forgotten|forgot|pulled|ignored|no\s+one|nobody|nothing|never|not|n['’]?t|no|excuses?|late|without|voicemail|run-?around|on\s+hold|(?:the\s+)?same\s+(?:thing|answer|excuse|story|response|reply)|(?:have|had|has)\s+to\s+(?:ask|remind|chase|email|call|beg|fight|explain|repeat))\b/iu;

/**
 * What went wrong on the school's side, for "every week ...": a cancelled or skipped session, an excuse,
 * nobody there, a service not given. "Every Friday he brings home his chart" has none.
 */
const SCHOOL_FAILURE =
  /\b(?:cancel+ed|canceled|cancels|skipped|dropped|forgotten|forgot|ignored|nobody|no\s+one|nothing|excuses?|voicemail|never|(?:is|was|are|were)(?:n['’]?t|\s+not)\s+(?:there|done|given|provided|followed|in\s+place|offered|used)|(?:did|does|do)(?:n['’]?t|\s+not)\s+(?:show|happen|come)|(?:did|does|do)(?:n['’]?t|\s+not)\s+(?:get|receive)\s+(?:his|her|their|any)|no\s+(?:speech|OT|PT|aide|para|sessions?|support|breaks?|reply|answer|response|call))\b/iu;

/** Who the clause holding `index` is about, read from its first words: the school's side, the child, the parent. */
function clauseSubject(text: string, index: number): 'school' | 'child' | 'self' | 'other' {
  const clause = text.slice(clauseStart(text, index), index);
  if (new RegExp(`^(?:${SCHOOL_SUBJECT}|they|nobody|no\\s+one)${WORD_END}`, 'iu').test(clause))
    return 'school';
  if (/^(?:I|we|i)(?![\p{L}])/u.test(clause)) return 'self';
  if (
    /^(?:he|she|my\s+(?:son|daughter|child|kid))(?![\p{L}])/iu.test(clause) ||
    /^(?!(?:The|This|That|His|Her|Their|Our|My|Your|Its|Every|Each|Some|All)\b)\p{Lu}\p{Ll}+\s+(?:is|was|gets?|got|has|had)\b/u.test(
      clause,
    )
  )
    return 'child';
  return 'other';
}

const READER = new RegExp(`${WORD_START}${YOU}${WORD_END}`, 'iu');

const ABSOLUTE_RULES: CategoryRule[] = [
  {
    // "Every time there's an assembly his speech gets cancelled", "Every single week something else gets
    // dropped", "each and every time".
    id: 'absolute',
    pattern: rx(
      `(?:each\\s+and\\s+)?every\\s+(?:single\\s+)?time|every\\s+single\\s+(?:day|week|session|month|time|one|email|call)`,
    ),
    accept: (m, text) => {
      const sentence = text.slice(sentenceStart(text, m.index), sentenceEnd(text, m.index));
      const rest = sentence.replace(m[0], ' ');
      if (!NEGATIVE_EVENT.test(rest) && valenceOf(rest) >= 0 && !READER.test(rest)) return false;
      return true;
    },
    suggest: (m, text) => {
      const w = m[0].toLowerCase();
      const atStart = isSentenceStart(text, m.index);
      if (/time$/u.test(w)) return atStart ? 'Often when' : 'often';
      const unit = w.split(/\s+/u).pop()!;
      if (unit === 'one') return 'many';
      return `most ${unit === 'day' ? 'days' : unit === 'week' ? 'weeks' : unit === 'month' ? 'months' : `${unit}s`}`;
    },
  },
  {
    // "Every week there is a new excuse", "Every Monday his speech gets cancelled", "every session nobody
    // shows up": a regular failure said as an absolute.
    id: 'absolute',
    pattern: rx(
      `every\\s+(?:other\\s+)?(?<unit>day|week|month|session|meeting|morning|afternoon|year|monday|tuesday|wednesday|thursday|friday)`,
    ),
    accept: (m, text) => {
      const sentence = text.slice(sentenceStart(text, m.index), sentenceEnd(text, m.index));
      return SCHOOL_FAILURE.test(sentence.replace(m[0], ' '));
    },
    suggest: (m, text) => {
      const unit = group(m, 'unit').toLowerCase();
      const plural = /^(?:monday|tuesday|wednesday|thursday|friday)$/u.test(unit)
        ? `${upperFirstWord(unit)}s`
        : `${unit}s`;
      return `${isSentenceStart(text, m.index) ? 'Most' : 'most'} ${plural}`;
    },
  },
  {
    // "Speech gets cancelled constantly", "you are constantly changing his schedule", "they pull him out all
    // the time", "I have to remind them over and over": how often, said as an absolute. About the child's
    // own habits ("He is constantly moving, so the wiggle seat helps") it is a fact.
    id: 'absolute',
    pattern: rx(
      `constantly|continually|continuously|repeatedly|all\\s+the\\s+time|non-?stop|over\\s+and\\s+over(?:\\s+again)?|time\\s+(?:and|after)\\s+time(?:\\s+again)?`,
    ),
    accept: (m, text) => {
      const sentence = text
        .slice(sentenceStart(text, m.index), sentenceEnd(text, m.index))
        .replace(m[0], ' ');
      switch (clauseSubject(text, m.index)) {
        case 'school':
          return valenceOf(sentence) <= 0;
        case 'child':
          return /\b(?:gets?|got|is|was|being|been)\s+(?:\p{L}+\s+)?(?:cancel\p{L}*|pulled|sent|left|skipped|forgotten|ignored|moved|excluded|removed|punished|blamed)\b|\bmiss(?:es|ed|ing)\b|\bwithout\b/iu.test(
            sentence,
          );
        case 'self':
          return /\b(?:having|have|had)\s+to\b|\b(?:chasing|reminding|emailing|begging|fighting)\b/iu.test(
            sentence,
          );
        default:
          return NEGATIVE_EVENT.test(sentence);
      }
    },
    suggest: (m) => (/^(?:repeatedly|over|time)/iu.test(m[0]) ? 'several times' : 'often'),
  },
  {
    // "Nothing on his IEP has been done since September", "nothing you say means anything", "nothing
    // ever changes". Not "Nothing has changed at home".
    id: 'absolute',
    pattern: rx(
      `nothing\\s+(?:(?:on|in|from)\\s+(?<what>(?:his|her|the|their|my\\s+\\p{L}+${A}s)\\s+(?:IEP|plan|504|504\\s+plan|accommodations|BIP|behavior\\s+plan))\\s+(?:has|is|was|gets|got)\\s+(?:been\\s+|being\\s+)?(?<done>done|implemented|followed|provided|delivered|happening|happened|used)|(?:has\\s+been|is\\s+being|was|gets|ever\\s+gets|got)\\s+(?<done2>done|implemented|followed|provided|fixed|delivered)|(?:you|they|the\\s+school|the\\s+district)\\s+(?:say|said|do|did|promise|promised)(?:\\s+(?:means|matters)\\s+anything)?|ever\\s+(?:changes|happens|gets\\s+done|gets\\s+better))`,
    ),
    suggest: (m) => {
      if (group(m, 'what')) {
        const done = group(m, 'done').toLowerCase();
        return `Parts of ${group(m, 'what')} have not been ${/^happen/u.test(done) ? 'carried out' : done === 'happening' ? 'carried out' : done}`;
      }
      if (group(m, 'done2')) return `Much of this has not been ${group(m, 'done2').toLowerCase()}`;
      if (/ever/iu.test(m[0])) return 'little seems to change';
      return 'I would like us to agree on next steps in writing';
    },
  },
  {
    // "No one ever answers the phone in the front office."
    id: 'absolute',
    pattern: rx(`(?:no\\s+one|nobody|noone|no-one)\\s+ever`),
    suggest: (m, text) => (isSentenceStart(text, m.index) ? 'Often no one' : 'often no one'),
  },
];

// --- The lexicon: judgement words in the places where they judge someone ----------------------------------

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

/** A predicate that judges: "<subject> is/are/was (so/really/completely) (a/an) <judgement word>". */
const PREDICATE = new RegExp(
  `${WORD_START}(?<who>${SCHOOL_SUBJECT}|they|this|that|it|everything|this\\s+whole\\s+(?:thing|situation|process|mess)|the\\s+whole\\s+(?:thing|situation|process)|this\\s+situation|which|I|we|im)(?:['’](?:s|re|m)|(?<=(?:it|that))s|\\s+(?:is|are|was|were|am|has\\s+been|have\\s+been|seems?|sounds?|feels?|looks?|gets|got))\\s+(?:(?:just|so|really|very|completely|totally|absolutely|utterly|beyond|truly|honestly|frankly|basically|being|becoming|getting|incredibly|extremely|pretty|quite|such|a|an|the|most|bunch\\s+of|nothing\\s+short\\s+of|complete|total|absolute|utter|real|huge|big|major)\\s+)*(?<word>\\p{L}+(?:-\\p{L}+)?)(?<and>\\s+and\\s+(?<word2>\\p{L}+))?${WORD_END}`,
  'giud',
);

/** A judgement word before the school's side: "this useless program", "that clueless aide". */
const MODIFIER = new RegExp(
  `${WORD_START}(?:this|that|these|those|your|ur|the|such\\s+a|what\\s+a)\\s+(?:so\\s+|completely\\s+|totally\\s+)?(?<word>\\p{L}+)\\s+(?:${SCHOOL_NOUN}|excuses?|system|process|response|answer|reply|email|meeting|plan|people|person|place|decision)${WORD_END}`,
  'giud',
);

/** The school's side doing something the lexicon calls harmful: "Your school has ruined his year". */
const BLAMING_VERB = new RegExp(
  `${WORD_START}(?<who>${SCHOOL_SUBJECT})(?:\\s+(?:has|have|had|just|completely|totally|really|basically|clearly|already|simply))*\\s+(?<verb>\\p{L}+(?:ed|es|s))\\s+(?<what>[^.;!?,\\n]{2,60}?)(?=\\s+(?:and|but|so|because|since|when|by)\\b|[.;!?,\\n]|$)`,
  'giud',
);

/** Decisions a parent reports as facts ("The district denied our request"): not blame by themselves. */
const DECISIONS = new Set([
  'denied',
  'denies',
  'rejected',
  'rejects',
  'declined',
  'declines',
  'refused',
  'refuses',
]);

export type LexiconFlag = { start: number; end: number; rule: ToneRuleId; why: string; suggestion: string };

/**
 * Judgement words from the lexicon where they judge: predicated of the school's side ("the aide is
 * clueless") or of the situation ("this is ridiculous"), or of the parent's own anger ("I am furious");
 * before a school noun ("this useless program"); and swearing wherever it stands.
 */
export function lexiconFlags(text: string, formal = false): LexiconFlag[] {
  const flags: LexiconFlag[] = [];
  // Find the judgement words first (a look-up per word), then read only their sentences' grammar: most
  // sentences have none, which keeps the check fast on a long letter.
  const sentences = new Set<number>();
  for (const m of text.matchAll(WORD)) {
    if (isProfanity(m[0])) {
      flags.push({
        start: m.index,
        end: m.index + m[0].length,
        rule: 'insult',
        why: 'Swearing reads as an attack, whoever it is aimed at.',
        suggestion: LEAVE_OUT,
      });
    } else if (isJudgement(m[0])) {
      sentences.add(sentenceStart(text, m.index));
    }
  }
  for (const s of sentences) {
    const sentence = text.slice(s, Math.min(text.length, sentenceEnd(text, s) + 1));
    flags.push(...sentenceFlags(text, s, sentence, formal));
  }
  return flags;
}

/** The way forward said in the same sentence as a feeling: "..., but I want to work with you on a plan". */
const CALM_TURN =
  /\b(?:but|and|so)\s+(?:I|we)\s+(?:want|would\s+like|['’]d\s+like|hope|am\s+hoping|know|understand)\b|\b(?:can|could)\s+we\b|\btogether\b|\bwork\s+with\s+you\b/iu;

/** The lexicon's flags in one sentence (`sentence` starts at `offset` in `text`). */
function sentenceFlags(text: string, offset: number, sentence: string, formal: boolean): LexiconFlag[] {
  const flags: LexiconFlag[] = [];
  // A formal complaint states what the district did; only a letter to the team is checked for it.
  for (const m of formal ? [] : sentence.matchAll(BLAMING_VERB)) {
    const verb = group(m, 'verb').toLowerCase();
    if (!isJudgement(verb) || DECISIONS.has(verb)) continue;
    flags.push({
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      rule: 'blame',
      why: TONE_CATEGORIES.blame.why,
      suggestion: /^(?:him|her|them|my\s+(?:son|daughter|child|kid))\b/iu.test(group(m, 'what'))
        ? `I am worried about the support ${childIn(sentence)} is getting`
        : `I am worried about ${lowerFirst(tidy(group(m, 'what')))}`,
    });
  }
  for (const m of sentence.matchAll(PREDICATE)) {
    const word = group(m, 'word');
    const word2 = group(m, 'word2');
    if (!isJudgement(word) && !(word2 !== '' && isJudgement(word2))) continue;
    const who = tidy(group(m, 'who'));
    const start = offset + m.index;
    const end = offset + (word2 && isJudgement(word2) ? m.index + m[0].length : m.indices!.groups!.word![1]);
    if (/^(?:I|we|im)$/iu.test(who)) {
      // A strong feeling said calmly, with the way forward in the same sentence, is what the article asks
      // for: "I'm angry about what happened, but I want to work with you on a plan".
      if (
        CALM_TURN.test(sentence) &&
        !/\b(?:so|beyond|absolutely|extremely|incredibly|completely|totally)\s+\p{L}+$/iu.test(
          text.slice(start, end),
        )
      )
        continue;
      // The parent's own anger: "I am furious" -> "I am very concerned".
      flags.push({
        start,
        end,
        rule: 'exasperation',
        why: TONE_CATEGORIES.exasperation.why,
        suggestion: `${/^we$/iu.test(who) ? 'We are' : 'I am'} very concerned`,
      });
    } else if (/^(?:this|that|it|everything|which)$|whole|situation/iu.test(who)) {
      // "This is ridiculous" -> "This worries me"; "It's pathetic that ..." -> "It worries me that ...".
      const isIt = /^it$/iu.test(who) && /^\s+that\b/iu.test(text.slice(end));
      flags.push({
        start,
        end,
        rule: 'exasperation',
        why: TONE_CATEGORIES.exasperation.why,
        suggestion: isIt
          ? 'It worries me'
          : /^which$/iu.test(who)
            ? 'which worries me'
            : `${upperFirstWord(/^it$/iu.test(who) ? 'this' : who.toLowerCase())} worries me`,
      });
    } else {
      flags.push({
        start,
        end,
        rule: 'insult',
        why: TONE_CATEGORIES.insult.why,
        suggestion: concernsAbout(who, restOfClause(text, end)),
      });
    }
  }
  for (const m of sentence.matchAll(MODIFIER)) {
    if (!isJudgement(group(m, 'word'))) continue;
    const w = m.indices!.groups!.word!;
    flags.push({
      start: offset + w[0],
      end: offset + w[1],
      rule: 'insult',
      why: TONE_CATEGORIES.insult.why,
      suggestion: LEAVE_OUT,
    });
  }
  return flags;
}

/** Every rule, in priority order: when two overlap, the earlier one's flag is kept. */
export const CATEGORY_RULES: readonly CategoryRule[] = [
  ...THREAT_RULES,
  ...ULTIMATUM_RULES,
  ...RHETORICAL_RULES,
  ...SARCASM_RULES,
  ...ABSOLUTE_RULES,
  ...BLAME_RULES,
  ...INSULT_RULES,
  ...COMMAND_RULES,
  ...EXASPERATION_RULES,
];
