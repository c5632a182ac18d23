import type { RuleWords } from '../errors.ts';

// A letter the drafter cannot write as asked (issue 17): a follow-up on a message that was answered, a
// reply date before the letter's day, an id the record does not hold. It is a RangeError, as before, and
// names its rule and values, so the server says it in the reader's language (the catalog's
// `error.rule.<rule>`, as every rule of the app's own); `message` keeps the English words.

export class LetterRequestError extends RangeError {
  readonly words: RuleWords;
  constructor(message: string, words: RuleWords) {
    super(message);
    this.name = 'LetterRequestError';
    this.words = words;
  }
}
