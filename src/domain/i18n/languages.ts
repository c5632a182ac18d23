// Which language a person reads the app in (issue 17). The languages offered are the catalogs that
// exist (./locales/<language>/); a person's choice is remembered on the account, and until they choose,
// the browser's languages (Accept-Language, navigator.languages) give the first guess. Pure.

/** The language of the catalog every other is checked against, and the last resort. */
export const DEFAULT_LANGUAGE = 'en';

/** A language code as the catalogs are named: a BCP 47 tag, lower-case ("es", "pt-br"). */
export const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

/**
 * The first of `wanted` (in the reader's order of preference) that a catalog serves: the exact
 * tag, else its primary language ("es-MX" → "es"); `DEFAULT_LANGUAGE` when none is served.
 */
export function matchLanguage(wanted: readonly string[], available: readonly string[]): string {
  const served = new Set(available.map((a) => a.toLowerCase()));
  for (const tag of wanted) {
    const lower = tag.trim().toLowerCase();
    if (!lower || lower === '*') continue;
    if (served.has(lower)) return lower;
    const primary = lower.split('-')[0]!;
    if (served.has(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/** The tags of an Accept-Language header, the most wanted first ("es-MX,es;q=0.9,en;q=0.5"). */
export function acceptedLanguages(header: string | undefined | null): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((l) => l.tag && l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((l) => l.tag);
}

const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** The writing direction of a language, for `<html dir>`. */
export function textDirection(language: string): 'ltr' | 'rtl' {
  const primary = language.toLowerCase().split('-')[0]!;
  // The pseudo-locale used to check right-to-left layout (docs/translating.md).
  if (language.toLowerCase() === 'en-xb') return 'rtl';
  return RIGHT_TO_LEFT.has(primary) ? 'rtl' : 'ltr';
}

/** A language's own name for itself, capitalised as a menu item ("English", "Español"). */
export function languageName(language: string): string {
  let name = language;
  try {
    name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  } catch {
    // An unknown tag keeps its code.
  }
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}
