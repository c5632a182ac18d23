// What the server read in a school's log, said in the reader's language (issue 17): the preview gives
// each sentence in English and as catalog words (a key of the part `servicelog`, which this page
// loads, and its values; src/api/service-logs.ts). A value named `…Words` is the words of what the
// sentence quotes (a row's reason), as JSON: said first. A sentence whose words this catalog lacks
// (a newer server's) stays as the server wrote it. Imports nothing of the app: the tests say the
// server's words with it as the page does.

export type LogWords = { key: string; values?: Readonly<Record<string, string | number>> };

/** Words from the server, or null when a value is not one (JSON of one key and its values). */
function wordsIn(value: string | number | undefined): LogWords | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed = JSON.parse(value) as LogWords | null;
    return typeof parsed?.key === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** The page's translator (`useT('servicelog')`): a message by its key, a key it lacks as itself. */
type Say<K extends string> = (key: K, values?: Readonly<Record<string, string | number>>) => string;

/** The sentence `english` said from its `words` by `t`, else `english` itself. */
export function sayLogWords<K extends string>(
  words: LogWords | undefined,
  english: string,
  t: Say<K>,
): string {
  if (!words?.key.startsWith('servicelog.')) return english;
  const given = words.values ?? {};
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(given)) {
    if (/.Words$/.test(name)) {
      const plain = name.slice(0, -'Words'.length);
      values[plain] = sayLogWords(wordsIn(value) ?? undefined, String(given[plain] ?? ''), t);
    } else if (!(name in values)) values[name] = value;
  }
  const said = t(words.key as K, values);
  return said === words.key ? english : said;
}
