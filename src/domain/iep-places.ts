// Where a plan comes from, as its document shows it: US states and Canadian provinces by name, by the
// two-letter code of a postal address ("Sacramento, CA 95814"), and by words only one place's forms
// use (SELPA in California, ARD in Texas, IPRC in Ontario). Pure: no I/O.

import { CA_PROVINCES, US_STATES } from './regions.ts';

export type Place = { country: 'US' | 'CA'; region: string; name: string };

const US = US_STATES;
const CANADA = CA_PROVINCES;

const PLACES: Place[] = [
  ...US.map(([region, name]) => ({ country: 'US' as const, region, name })),
  ...CANADA.map(([region, name]) => ({ country: 'CA' as const, region, name })),
];

/** Names that are also common words or other places' names, read only with their qualifier. */
const NAME_PATTERN: Record<string, RegExp> = {
  WA: /\b(?:Washington State|State of Washington|Washington (?:Administrative Code|OSPI)|WAC 392)\b/g,
  VA: /(?<!West )\bVirginia\b/g,
  // Ontario is also a city in California: the province is named with its ministry or board.
  ON: /\bOntario\b(?! ?-? ?Montclair)(?!,? CA\b)(?!,? California\b)/g,
  IN: /\bIndiana\b(?! Jones)/g,
  GA: /\bGeorgia\b/g,
  DC: /\b(?:District of Columbia|Washington,? D\.?C\.?)\b/g,
};

/** Words only one place's plans use, with the weight of what they show. */
const TERMS: [RegExp, string, number][] = [
  [
    /\bSELPA\b|\bSEIS\b|California Education Code|\bCAASPP\b|Ed(?:ucation)?\.? Code,? (?:§ ?)?56\d{3}/g,
    'CA',
    3,
  ],
  [/\bARD\b|Admission,? Review,? and Dismissal|\bSTAAR\b|Texas Education Agency|\bTEA\b/g, 'TX', 3],
  [
    /Committee on Special Education|\bCSE\b|NYSED|New York City Department of Education|\bNYC DOE\b/g,
    'NY',
    2,
  ],
  [/\bPDE\b|Pennsylvania Department of Education|\bPSSA\b|Chapter 14/g, 'PA', 2],
  [
    /\bIPRC\b|Identification,? Placement,? and Review Committee|Ontario Student Record|\bOSR\b|\bOEN\b/g,
    'ON',
    3,
  ],
  [/\bECEA\b|Colorado Department of Education|\bCMAS\b/g, 'CO', 2],
  [/\bPPT\b|Planning and Placement Team/g, 'CT', 2],
  [/\bMCAS\b|Massachusetts Department of Elementary/g, 'MA', 2],
];

export type PlaceEvidence = { place: Place; score: number; firstAt: number; runnerUp: Place | null };

/**
 * The place a document's texts point at most, with the index of the first text that names it; null
 * when nothing points anywhere.
 */
export function placeOf(texts: readonly string[]): PlaceEvidence | null {
  const score = new Map<string, number>();
  const first = new Map<string, number>();
  // One pass of each pattern over the whole text; a match's line is found from its offset.
  const starts: number[] = [];
  let offset = 0;
  for (const t of texts) {
    starts.push(offset);
    offset += t.length + 1;
  }
  const all = texts.join('\n');
  const lineAt = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const add = (region: string, weight: number, at: number) => {
    score.set(region, (score.get(region) ?? 0) + weight);
    if (!first.has(region) || at < first.get(region)!) first.set(region, at);
  };
  const counted = new Map<string, number>();
  const addCapped = (key: string, region: string, weight: number, at: number, cap: number) => {
    const n = counted.get(key) ?? 0;
    if (n >= cap) return;
    counted.set(key, n + 1);
    add(region, weight, at);
  };
  for (const place of PLACES) {
    const re = NAME_PATTERN[place.region] ?? new RegExp(`\\b${place.name.replace(/ /g, '[ \\t]+')}\\b`, 'g');
    for (const m of all.matchAll(new RegExp(re.source, 'g')))
      addCapped(`name:${place.region}`, place.region, 2, lineAt(m.index ?? 0), 10);
  }
  // A postal address: "Sacramento, CA 95814", "Toronto, ON M5V 2T6".
  for (const m of all.matchAll(/,[ \t]*([A-Z]{2})[ \t]+(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d)\b/g)) {
    if (PLACES.some((p) => p.region === m[1])) addCapped(`post:${m[1]}`, m[1]!, 2, lineAt(m.index ?? 0), 5);
  }
  TERMS.forEach(([re, region, weight], k) => {
    for (const m of all.matchAll(re)) addCapped(`term:${k}`, region, weight, lineAt(m.index ?? 0), 3);
  });
  if (!score.size) return null;
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1] || first.get(a[0])! - first.get(b[0])!);
  const [region, best] = ranked[0]!;
  const place = PLACES.find((p) => p.region === region)!;
  const second = ranked[1];
  return {
    place,
    score: best,
    firstAt: first.get(region)!,
    runnerUp: second && second[1] * 2 > best ? PLACES.find((p) => p.region === second[0])! : null,
  };
}
