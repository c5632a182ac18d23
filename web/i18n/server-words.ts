// A sentence the server gives in English and as catalog words (issue 17): a key of a part the page
// loads, and its values (src/api/common.ts, `MessageWordsSchema`). A value named `…Words` is the words
// of what the sentence quotes (a reason), as JSON: said first. A sentence whose words the page's part
// lacks (a newer server's, or another part's) stays as the server wrote it. Imports nothing of the app:
// each page says the server's words with it through its own part (the tests say them as the page does).

export type ServerWords = { key: string; values?: Readonly<Record<string, string | number>> };

/** Words from the server, or null when a value is not one (JSON of one key and its values). */
function wordsIn(value: string | number | undefined): ServerWords | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed = JSON.parse(value) as ServerWords | null;
    return typeof parsed?.key === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** The page's translator (`useT(part)`): a message by its key, a key it lacks as itself. */
export type Say<K extends string> = (key: K, values?: Readonly<Record<string, string | number>>) => string;

/** The sentence `english` said from its `words` (a key of the part `part`) by `t`, else `english` itself. */
export function sayServerWords<K extends string>(
  part: string,
  words: ServerWords | null | undefined,
  english: string,
  t: Say<K>,
): string {
  if (!words?.key.startsWith(`${part}.`)) return english;
  const given = words.values ?? {};
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(given)) {
    if (/.Words$/.test(name)) {
      const plain = name.slice(0, -'Words'.length);
      values[plain] = sayServerWords(part, wordsIn(value), String(given[plain] ?? ''), t);
    } else if (!(name in values)) values[name] = value;
  }
  const said = t(words.key as K, values);
  return said === words.key ? english : said;
}
