import { wordsWritten } from './reading-grade.ts';

// Reading ease of a Spanish text by the Fernández-Huerta formula (Fernández Huerta, 1959, the Spanish
// adaptation of Flesch's reading ease, in its corrected form):
//
//   L = 206.84 − 60 × (syllables / words) − 1.02 × (words / sentences)
//
// 100 is very easy; 60 to 70 is plain ("normal": a text for a 13- to 15-year-old reader); below 50 is
// hard. Measured like the English grade (test/support/reading-grade.ts): text quoted from the plan and
// parenthesised citations are left out, a sentence ends at ".", "!", "?" (or "¿...?") or at a line that
// ends without one (a greeting, a heading, a list item). No npm package counts Spanish syllables well
// and is maintained, so the counter is here, with its own test (spanish-reading-ease.test.ts).

const STRONG = new Set([...'aeoáéó']);
const ACCENTED_WEAK = new Set([...'íú']);
const VOWELS = new Set([...'aeiouáéíóúü']);

/**
 * The syllables of one Spanish word: one per vowel nucleus. Two strong vowels (a, e, o) side by side,
 * or a stressed í or ú beside any vowel, are two syllables (hiatus: "le-o", "dí-a"); a weak vowel (i, u)
 * with another vowel is one (diphthong: "sie-te", "cui-da"). The silent u of "que", "qui", "gue", "gui"
 * falls inside a diphthong group, so it adds nothing either. "y" is a vowel only alone or at the end of a
 * word ("y", "hoy", "muy"). A word with no vowel (an acronym: "PWN") counts one syllable per letter.
 */
export function spanishSyllables(word: string): number {
  const w = word.toLowerCase().normalize('NFC');
  let count = 0;
  let previous: string | null = null;
  for (let i = 0; i < w.length; i++) {
    let c = w[i]!;
    // A final "y" after a vowel ends a diphthong ("hoy"); "y" alone is the word "y".
    if (c === 'y' && (w.length === 1 || (i === w.length - 1 && previous != null))) c = 'i';
    if (!VOWELS.has(c)) {
      previous = null;
      continue;
    }
    if (previous == null) count++;
    else if ((STRONG.has(previous) && STRONG.has(c)) || ACCENTED_WEAK.has(previous) || ACCENTED_WEAK.has(c)) {
      count++;
    }
    previous = c;
  }
  if (count === 0) return Math.max(1, w.replace(/[^\p{L}]/gu, '').length);
  return count;
}

export type SpanishReadingCounts = { sentences: number; words: number; syllables: number };

/** Sentences, words and syllables of a Spanish text. A number is read as one word of one syllable at least. */
export function spanishReadingCounts(text: string): SpanishReadingCounts {
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  for (const line of text.split(/\r?\n/u)) {
    for (const sentence of line.split(/[.!?]+(?=\s|$)/u)) {
      const tokens = sentence.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
      if (tokens.length === 0) continue;
      sentences++;
      words += tokens.length;
      for (const token of tokens) {
        syllables += /\p{L}/u.test(token)
          ? token.split('-').reduce((sum, part) => sum + (part ? spanishSyllables(part) : 0), 0)
          : 1;
      }
    }
  }
  return { sentences, words, syllables };
}

/** The Fernández-Huerta reading ease of counts (100 for an empty text). */
export function fernandezHuerta({ sentences, words, syllables }: SpanishReadingCounts): number {
  if (words === 0 || sentences === 0) return 100;
  return 206.84 - 60 * (syllables / words) - 1.02 * (words / sentences);
}

/** The reading ease of a Spanish letter: its own words, without the plan's quoted words and the citations. */
export function spanishReadingEase(text: string): number {
  return fernandezHuerta(spanishReadingCounts(wordsWritten(text)));
}
