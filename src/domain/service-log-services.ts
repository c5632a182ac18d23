// The school log's service names, mapped to the plan's services (issue 19). Logs write a service as the
// district's system names it ("SLP", "Speech Lang", "S/L Therapy", "OT - Fine Motor", "Resource -
// Reading"), never as the IEP does. A name is read into a service area by the same words the
// service-line parser reads (src/domain/service-frequency-parser.ts `areaOf`, plus the abbreviations
// logs use), then matched to the plan's service in that area; with two services in one area, the one
// whose name shares the most words (src/domain/iep-compare.ts `likeness`). A name that matches no
// service, or two equally, is left for the parent to choose, never guessed. Pure and zod-free.

import { likeness, matchWords } from './iep-compare.ts';
import type { ServiceArea } from './service.ts';
import { areaOf } from './service-frequency-parser.ts';
import { plainWords } from './service-log-values.ts';

export type PlanServiceRef = { id: string; name: string; area: ServiceArea };

/** Abbreviations logs use that the service-line parser does not read, to an area. */
const LOG_ABBREVIATIONS: [RegExp, ServiceArea][] = [
  [
    /\b(slp|slt|st|s l|s\/l|sl|lang|speech\w*|artic\w*|language|langauge|aac|fluency|pragmatic\w*|communication)\b/,
    'speech',
  ],
  [/\b(ot|occ|occupational|cota|fine motor|sensory|handwriting|visual motor)\b/, 'ot'],
  [/\b(pt|physical therapy|phys ther|pta|gross motor|mobility)\b/, 'pt'],
  [
    /\b(couns\w*|sw|lcsw|msw|social work\w*|psych\w*|sel|social emotional|mental health|school psych)\b/,
    'counseling',
  ],
  [/\b(bx|bcba|rbt|aba|behavior\w*|behaviour\w*|fba|bip)\b/, 'behavior'],
  [
    /\b(sai|sdi|rsp|sped|sp ed|resource|specialized academic|specially designed|reading|math\w*|writing|literacy|academic|intervention|instruction)\b/,
    'specialized_instruction',
  ],
];

/** The area a log's service name is in, or null when its words name none. */
export function logServiceArea(name: string): ServiceArea | null {
  const text = plainWords(name);
  if (text === '') return null;
  const fromParser = areaOf(name);
  if (fromParser !== 'other') return fromParser;
  for (const [re, area] of LOG_ABBREVIATIONS) if (re.test(text)) return area;
  return null;
}

/** A log's service name as the mapping keys it ("Speech - Lang." → "speech lang"). */
export function serviceKey(name: string): string {
  return plainWords(name);
}

export type ServiceMatch = {
  /** The log's words, as first written. */
  text: string;
  /** The plan's service, or null when none fits or two fit equally. */
  serviceId: string | null;
  /** How it was decided, in a few words for the parent. */
  why: 'chosen' | 'same name' | 'area' | 'area and words' | 'no match' | 'two services fit';
};

/**
 * Maps each distinct service name of a log to one of the plan's services: the parent's earlier choice
 * first (`chosen`, by `serviceKey`; null there means "not a service of this plan"), then the same name,
 * then the only service of the name's area, then, among several in that area, the one whose name
 * shares clearly more words.
 */
export function mapServiceNames(
  names: readonly string[],
  services: readonly PlanServiceRef[],
  chosen: Readonly<Record<string, string | null>> = {},
): Map<string, ServiceMatch> {
  const out = new Map<string, ServiceMatch>();
  const ids = new Set(services.map((s) => s.id));
  for (const text of names) {
    const key = serviceKey(text);
    if (out.has(key)) continue;
    if (key in chosen) {
      const id = chosen[key] ?? null;
      out.set(key, { text, serviceId: id != null && ids.has(id) ? id : null, why: 'chosen' });
      continue;
    }
    const same = services.find((s) => serviceKey(s.name) === key);
    if (same) {
      out.set(key, { text, serviceId: same.id, why: 'same name' });
      continue;
    }
    const area = logServiceArea(text);
    const inArea = area ? services.filter((s) => s.area === area) : [];
    if (inArea.length === 1) {
      out.set(key, { text, serviceId: inArea[0]!.id, why: 'area' });
      continue;
    }
    // Several in the area (or none read): the words decide, only when one is clearly ahead.
    const pool = inArea.length > 0 ? inArea : services;
    const words = matchWords(text);
    const scored = pool
      .map((s) => ({ s, score: likeness(words, matchWords(s.name)) }))
      .sort((a, b) => b.score - a.score);
    const [first, second] = scored;
    const least = inArea.length > 0 ? 0.1 : 0.5;
    if (first && first.score >= least && (!second || first.score - second.score >= 0.15)) {
      out.set(key, { text, serviceId: first.s.id, why: inArea.length > 0 ? 'area and words' : 'same name' });
      continue;
    }
    out.set(key, { text, serviceId: null, why: inArea.length > 1 ? 'two services fit' : 'no match' });
  }
  return out;
}
