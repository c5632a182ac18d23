// Turning a tone flag's suggestion into an edit of the letter. The tone check (src/domain/tone.ts) flags a
// phrase and offers a gentler way to say it; some suggestions are wording that can replace the phrase (or
// the clause it starts), others are advice ("Name the dates instead") that only the parent can follow.
// The flags of the kinds added for what angry parents really write (threat, ultimatum, insult, blame,
// rhetorical question, absolute, order, exasperation: src/domain/tone-patterns.ts) always carry wording
// that replaces exactly the flagged words; "Leave this out ..." means delete them. Pure: no I/O.
import type { ToneFlag } from '../../api/types.ts';

export type ToneEdit = { start: number; end: number; text: string };

const SENTENCE_END = /[.!?\n]/u;

/** Whether `index` starts a sentence: only spaces since the text's start or the last sentence end. */
function startsSentence(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\t') continue;
    return SENTENCE_END.test(c) || c === '>' || c === '-' || c === '*';
  }
  return true;
}

// "I", an acronym ("IEP") or a title and name ("Ms. Grant") keep their capital mid-sentence.
const lowerFirst = (s: string) =>
  /^(?:I\b|\p{Lu}{2}|(?:Mr|Mrs|Ms|Dr)\.?\s)/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The suggestion, with its first letter in the case the place it goes needs. */
function fitted(text: string, at: number, suggestion: string): string {
  // "I" stays capital ("I haven't yet heard back").
  if (/^I[ ’']/u.test(suggestion)) return suggestion;
  return startsSentence(text, at) ? upperFirst(suggestion) : lowerFirst(suggestion);
}

/**
 * The end of the clause after a flagged phrase, as the tone check reads it to write its suggestion
 * (src/domain/tone.ts clauseAfter): up to the next punctuation, at most 80 characters.
 */
function clauseEnd(text: string, end: number): number {
  const rest = /^[ \t]+([^.,;:!?\n]{1,80})/u.exec(text.slice(end));
  if (!rest?.[1]) return end;
  const lead = rest[0].length - rest[1].length;
  let clause = rest[1].trimEnd();
  if (rest[1].length === 80) clause = clause.replace(/\s+\S*$/u, '');
  clause = clause.replace(/\s+(?:and|but|so)\s+(?:I|we|you|they|he|she)\b.*$/u, '');
  return end + lead + clause.length;
}

/** Take a sentence-ending mark after `end` too: the suggestion brings its own. */
function withEndMark(text: string, end: number): number {
  const next = text.charAt(end);
  return next === '.' || next === '!' || next === '?' ? end + 1 : end;
}

/** The sentence around a span: from after the previous sentence end to its own end mark. */
function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !SENTENCE_END.test(text.charAt(s - 1))) s--;
  while (s < start && /\s/u.test(text.charAt(s))) s++;
  let e = end;
  while (e < text.length && !SENTENCE_END.test(text.charAt(e))) e++;
  if (e < text.length && text.charAt(e) !== '\n') e++;
  return { start: s, end: e };
}

/** Kinds whose suggestion is always the wording that replaces exactly the flagged words. */
const REPLACING = new Set([
  'threat',
  'ultimatum',
  'insult',
  'rhetorical_question',
  'blame',
  'absolute',
  'command',
  'exasperation',
]);

/** Deleting the flagged words, with the comma and space around them, and a capital for what now starts. */
function deletion(text: string, start: number, end: number): ToneEdit {
  let s = start;
  let e = end;
  if (text.charAt(e) === ',') e++;
  if (text.charAt(e) === ' ') e++;
  else if (s > 0 && text.charAt(s - 1) === ' ') s--;
  // "within 24 hours, no excuses." -> "within 24 hours."
  if (s > 0 && text.charAt(s - 1) === ',' && /^(?:[.!?;\n]|$)/u.test(text.charAt(e))) s--;
  const after = text.charAt(e);
  if (startsSentence(text, start) && /\p{Ll}/u.test(after))
    return { start: s, end: e + 1, text: after.toUpperCase() };
  return { start: s, end: e, text: '' };
}

/**
 * The edit that applies a flag's suggestion to `text` (the text the flag was found in), or null when the
 * suggestion is advice to follow by hand.
 */
export function toneEdit(text: string, flag: ToneFlag): ToneEdit | null {
  if (text.slice(flag.start, flag.end) !== flag.phrase) return null;
  const s = flag.suggestion;
  if (/^Leave this (?:word )?out\b/u.test(s)) return deletion(text, flag.start, flag.end);
  if (REPLACING.has(flag.rule))
    return { start: flag.start, end: flag.end, text: fitted(text, flag.start, s) };
  switch (flag.rule) {
    case 'never':
    case 'always':
      // "always" -> "often", "has never had" -> "has not had"; a longer suggestion is advice ("Name the dates").
      return /^\p{L}+$/u.test(s)
        ? { start: flag.start, end: flag.end, text: fitted(text, flag.start, s) }
        : null;
    case 'never_replied':
    case 'you_failed': {
      // The suggestion rewrites the whole clause ("you failed to provide the calculator during the test").
      const end = withEndMark(text, clauseEnd(text, flag.end));
      return { start: flag.start, end, text: fitted(text, flag.start, s) };
    }
    case 'failed_to':
    case 'refused': {
      if (flag.rule === 'failed_to' || /\sto\s+\p{L}+$/u.test(flag.phrase)) {
        // "The school refused to give Emma the calculator": the suggestion names what did not happen
        // without naming who, so it replaces the sentence up to the end of the clause.
        const end = withEndMark(text, clauseEnd(text, flag.end));
        const start = sentenceAround(text, flag.start, flag.end).start;
        return { start, end, text: fitted(text, start, s) };
      }
      // "Refused" on its own: the suggestion is a new sentence in place of this one.
      const sentence = sentenceAround(text, flag.start, flag.end);
      return { ...sentence, text: s };
    }
    case 'lied': {
      const sentence = sentenceAround(text, flag.start, flag.end);
      return { ...sentence, text: s };
    }
    case 'sarcasm': {
      // "Per my last email" -> "As I mentioned in my email of [date]"; the rest of the sentence stays.
      const lead = /^(As I mentioned [^,]*), \.\.\.$/u.exec(s);
      if (lead?.[1]) return { start: flag.start, end: flag.end, text: fitted(text, flag.start, lead[1]) };
      // The older sarcasm rules give advice with "..."; the newer ones give the replacing words.
      if (s.includes('...')) return null;
      return { start: flag.start, end: flag.end, text: fitted(text, flag.start, s) };
    }
    case 'all_caps': {
      const lower = flag.phrase.toLowerCase();
      return {
        start: flag.start,
        end: flag.end,
        text: startsSentence(text, flag.start) ? upperFirst(lower) : lower,
      };
    }
    case 'exclamation':
      return { start: flag.start, end: flag.end, text: flag.phrase.includes('?') ? '?' : '.' };
    default:
      return null;
  }
}

export function applyEdit(text: string, edit: ToneEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** The words around a flag, for showing it in context: before, the phrase, after. */
export function inContext(text: string, flag: ToneFlag, room = 40): { before: string; after: string } {
  const from = Math.max(0, flag.start - room);
  const to = Math.min(text.length, flag.end + room);
  const before = (from > 0 ? '…' : '') + text.slice(from, flag.start).replace(/\s+/gu, ' ').trimStart();
  const after = text.slice(flag.end, to).replace(/\s+/gu, ' ').trimEnd() + (to < text.length ? '…' : '');
  return { before, after };
}
