import { type Say, type ServerWords, sayServerWords } from '../../i18n/server-words.ts';

// What the server read in a school's log, said in the reader's language (issue 17): the preview gives
// each sentence in English and as catalog words (a key of the part `servicelog`, which this page
// loads, and its values; src/api/service-logs.ts). A value named `…Words` is the words of what the
// sentence quotes (a row's reason), as JSON: said first. A sentence whose words this catalog lacks
// (a newer server's) stays as the server wrote it (web/i18n/server-words.ts).

export type LogWords = ServerWords;

/** The sentence `english` said from its `words` by `t`, else `english` itself. */
export function sayLogWords<K extends string>(
  words: LogWords | null | undefined,
  english: string,
  t: Say<K>,
): string {
  return sayServerWords('servicelog', words, english, t);
}
