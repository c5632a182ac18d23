import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { citationsIn } from '../../src/domain/legal-sources.ts';

// The reading grade of a letter, as the Flesch-Kincaid grade level (the `flesch-kincaid` package's
// formula, syllables from the `syllable` package), measured on the words As Written writes: text quoted
// from the plan ("...") and citations in parentheses ("(34 CFR 300.503)") are left out, since the
// parent cannot simplify the plan's words or the law's name. Only the counting of sentences and words is
// ours: a sentence ends at ".", "!" or "?", and a line that ends without one (a greeting, a heading, a
// list item) is a sentence of its own.

/** The text without plan quotations and parenthesised citations. */
export function wordsWritten(text: string): string {
  return (
    text
      // Text quoted from the plan (quotePlan writes straight double quotes).
      .replace(/"[^"\n]*"/gu, ' ')
      // A parenthesis (one level of nesting, as in "(34 CFR 300.324(a)(4))") that holds a citation.
      .replace(/\((?:[^()]|\([^()]*\))*\)/gu, (group) => (citationsIn(group).length > 0 ? ' ' : group))
  );
}

export type ReadingCounts = { sentence: number; word: number; syllable: number };

/** Sentences, words and syllables of a text, as Flesch-Kincaid counts them. */
export function readingCounts(text: string): ReadingCounts {
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  for (const line of text.split(/\r?\n/u)) {
    for (const sentence of line.split(/[.!?]+(?=\s|$)/u)) {
      const tokens = sentence.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
      if (tokens.length === 0) continue;
      sentences++;
      words += tokens.length;
      // A number is read as a word: one syllable is the fewest it can have ("8"), and the formula's own
      // package counts letters only.
      for (const token of tokens) syllables += /\p{L}/u.test(token) ? Math.max(1, syllable(token)) : 1;
    }
  }
  return { sentence: sentences, word: words, syllable: syllables };
}

/** The Flesch-Kincaid grade of the words As Written writes in `text`. */
export function readingGrade(text: string): number {
  return fleschKincaid(readingCounts(wordsWritten(text)));
}

/** Words in a text (for "about 250 words at most"): the letters' own counter. */
export { countWords as wordCount } from '../../src/domain/letter-words.ts';
