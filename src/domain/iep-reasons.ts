import type { MessageWords } from './errors.ts';
import type { Translator } from './i18n/translate.ts';
import { sayWords } from './i18n/words.ts';
import type { IepDraft } from './iep-draft.ts';

// The IEP reader's reasons as catalog words (issue 17): beside each English `reason` of a draft's item
// (src/domain/iep-extract.ts), `reasonWords` say the same through the server-only part `iepreader`, so
// the routes that serve a draft say it in the reader's language. English says exactly the `reason`.
//
// Words are a key and string values, as every MessageWords. What a reason quotes from elsewhere is
// itself words, kept as text in the values:
// - a value named `…Words` is a JSON list of words (the service-line parser's notes, keys of the part
//   `serviceline`): each is said first, and the sayings joined with "; " are the value without "Words";
// - a value named `…LongDay` is a day (YYYY-MM-DD) said in full, "3 April 2027", "3 de abril de 2027";
// - a reason of several (`iepreader.join.sentences`, `iepreader.join.clauses`) has its parts in
//   `partsWords`, said and joined with ". ", or with "; " (the first capitalised, the others not).
// Pure: no I/O.

const SENTENCES = 'iepreader.join.sentences';
const CLAUSES = 'iepreader.join.clauses';

/** Words of the part `iepreader`. */
export function reasonWords(key: string, values?: Record<string, string | number>): MessageWords {
  return values ? { key: `iepreader.${key}`, values } : { key: `iepreader.${key}` };
}

/** A list of words, as the value of a `…Words` value. */
export function wordsValue(list: readonly MessageWords[]): string {
  return JSON.stringify(list);
}

/** Reasons made one by ". " ("…; check it. The row has no service name"). */
export function joinSentences(parts: readonly MessageWords[]): MessageWords {
  if (parts.length === 1) return parts[0]!;
  return { key: SENTENCES, values: { partsWords: wordsValue(parts) } };
}

/** Clauses made one by "; ", the first capitalised and the others not ("The …; page 3 is a scan …"). */
export function joinClauses(parts: readonly MessageWords[]): MessageWords {
  return { key: CLAUSES, values: { partsWords: wordsValue(parts) } };
}

function listOf(value: string | number | undefined): MessageWords[] {
  if (typeof value !== 'string') return [];
  try {
    const list = JSON.parse(value) as unknown;
    return Array.isArray(list) ? list.filter((w): w is MessageWords => typeof w?.key === 'string') : [];
  } catch {
    return [];
  }
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function longDay(iso: string, language: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A reason's words said by a translator: in English, the reason exactly as the reader wrote it. */
export function sayReason(words: MessageWords, translator: Translator): string {
  if (words.key === SENTENCES || words.key === CLAUSES) {
    const parts = listOf(words.values?.partsWords).map((w) => sayReason(w, translator));
    return words.key === SENTENCES
      ? parts.join('. ')
      : parts.map((p, i) => (i === 0 ? upperFirst(p) : lowerFirst(p))).join('; ');
  }
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(words.values ?? {})) {
    if (/.Words$/.test(name))
      values[name.slice(0, -'Words'.length)] = listOf(value)
        .map((w) => sayReason(w, translator))
        .join('; ');
    else if (/LongDay$/.test(name) && typeof value === 'string')
      values[name] = longDay(value, translator.language);
    else values[name] = value;
  }
  return sayWords({ key: words.key, values }, translator);
}

/** Every key a reason's words use, its parts' and its quoted notes' too. */
export function reasonKeys(words: MessageWords): string[] {
  const nested = Object.entries(words.values ?? {})
    .filter(([name]) => /Words$/.test(name))
    .flatMap(([, value]) => listOf(value).flatMap(reasonKeys));
  return words.key === SENTENCES || words.key === CLAUSES ? nested : [words.key, ...nested];
}

type Reasoned = { reason: string | null; reasonWords?: MessageWords | undefined };

/**
 * The draft with every reason said in the translator's language, from its words; a reason without
 * words (a draft kept before they were written) stays in English. An English reader gets the draft as
 * it is.
 */
export function draftInLanguage(draft: IepDraft, translator: Translator): IepDraft {
  if (translator.language === 'en') return draft;
  const said = <T extends Reasoned | null>(item: T): T =>
    item?.reasonWords && item.reason != null
      ? { ...item, reason: sayReason(item.reasonWords, translator) }
      : item;
  const dates = Object.fromEntries(
    Object.entries(draft.dates).map(([k, v]) => [k, said(v)]),
  ) as IepDraft['dates'];
  return {
    ...draft,
    ...(draft.messageWords ? { message: sayReason(draft.messageWords, translator) } : {}),
    toCheck: draft.toCheck.map((c) =>
      c.reasonWords ? { ...c, reason: sayReason(c.reasonWords, translator) } : c,
    ),
    planKind: said(draft.planKind),
    jurisdiction: said(draft.jurisdiction),
    child: { name: said(draft.child.name), school: said(draft.child.school), grade: said(draft.child.grade) },
    dates,
    services: draft.services.map(said),
    accommodations: draft.accommodations.map(said),
    goals: draft.goals.map(said),
    team: draft.team.map(said),
    behaviorSteps: (draft.behaviorSteps ?? []).map(said),
  };
}
