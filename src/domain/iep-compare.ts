import { addDays, maxDate } from './dates.ts';
import type { ServiceArea, ServiceSegment, ServiceSetting } from './service.ts';

// "Read a new version of the IEP" (issue 16): the items the parent kept from the new document, compared
// with the plan in force, and what saving it as an amendment does to each. Pure: the review page shows
// the comparison before anything is saved, and the server computes the same one again from what is
// stored when the parent saves it, so the two cannot disagree.
//
// Choices, for the parent to see on the screen:
// - A service of the new document is matched to a service of the plan by its area and the words of its
//   name ("Speech-Language Therapy" and "Speech and language" are one service); a service matched keeps
//   its id, so every session already logged stays with it, and the new amount counts from the day the
//   amendment takes effect (the earlier version keeps the old amount for the dates before).
// - A service of the plan that the new document does not list ends the day before the amendment takes
//   effect: it is not deleted, because its sessions and the ledger of the earlier version need it.
// - An amendment often shows only the pages that changed. So a section the document lists nothing of
//   (no goals read) leaves the plan's items of that section as they are, and the parent can keep any
//   item the document leaves out (`keepIds`): nothing is taken out of the plan without being shown.
// - Accommodations and goals are matched by their words; one the new document does not list is removed
//   from the new version (the earlier version keeps it, frozen), unless observations or progress are
//   recorded against it: then it stays, and the screen says why. The behavior plan's steps are matched
//   the same way, a step only with a step of its kind (a trigger is never a strategy); one the new
//   document does not list is taken out unless an incident records it as followed or skipped.
// - Key dates are matched by kind (a new annual review date replaces the old one; a new meeting is added
//   beside the earlier ones); team members are
//   added by name, never removed (the team is who the family writes to, not part of the signed plan).

export type AmountOf = Pick<
  ServiceSegment,
  'minutesPerSession' | 'sessionsPerPeriod' | 'minutesPerPeriod' | 'period' | 'pattern'
>;

/** An amount as the review sends it: the period's cycle length and the week pattern may be left out. */
export type DocumentAmount = Pick<
  AmountOf,
  'minutesPerSession' | 'sessionsPerPeriod' | 'minutesPerPeriod'
> & {
  period: { unit: AmountOf['period']['unit']; cycleDays?: number | null };
  pattern?: AmountOf['pattern'];
};

/** The same amount with every field present. */
export function toAmount(a: DocumentAmount): AmountOf {
  return {
    minutesPerSession: a.minutesPerSession ?? null,
    sessionsPerPeriod: a.sessionsPerPeriod ?? null,
    minutesPerPeriod: a.minutesPerPeriod ?? null,
    period: { unit: a.period.unit, cycleDays: a.period.cycleDays ?? null },
    pattern: a.pattern ?? null,
  };
}

export type CurrentService = {
  id: string;
  name: string;
  area: ServiceArea;
  setting: ServiceSetting;
  startDate: string;
  endDate: string;
  segments: ServiceSegment[];
};
export type DocumentService = {
  name: string;
  area: ServiceArea;
  setting: ServiceSetting;
  startDate: string;
  endDate: string;
  segments: DocumentAmount[];
};

export type ComparedPlan = {
  services: CurrentService[];
  accommodations: { id: string; text: string }[];
  goals: { id: string; area: string; text: string }[];
  keyDates: { id: string; kind: string; date: string }[];
  team: { id: string; name: string }[];
  /** Left out by callers that compare no behavior plan: none. */
  behaviorSteps?: { id: string; kind: string; text: string }[];
};
export type ComparedDocument = {
  services: DocumentService[];
  accommodations: { text: string }[];
  goals: { area: string; text: string }[];
  keyDates: { kind: string; date: string }[];
  team: { name: string; role: string }[];
  behaviorSteps?: { kind: string; text: string }[];
};

export type ServiceChange =
  /** Same service, new amount or setting: `before` is its amount in force the day the amendment starts. */
  | {
      change: 'changed';
      index: number;
      id: string;
      before: AmountOf | null;
      after: AmountOf;
      settingBefore: ServiceSetting;
      settingAfter: ServiceSetting;
    }
  | { change: 'same'; index: number; id: string }
  | { change: 'added'; index: number }
  /** In the plan, not in the new document: it ends the day before the amendment. */
  | { change: 'ended'; id: string; name: string; endDate: string };

type ListChange = {
  added: number[];
  removed: { id: string; text: string }[];
  same: number;
  /** Items the document leaves out that the parent chose to keep. */
  kept: { id: string; text: string }[];
  /** The document lists none of these at all (an amendment of other pages): nothing is removed. */
  notListed: boolean;
};

export type PlanComparison = {
  services: ServiceChange[];
  /** Services the document leaves out that stay: the parent kept them, or the document lists no services. */
  servicesKept: { id: string; name: string }[];
  servicesNotListed: boolean;
  accommodations: ListChange;
  goals: ListChange;
  behaviorSteps: ListChange;
  keyDates: { index: number; id: string | null; kind: string; before: string | null; after: string }[];
  team: { added: number[] };
  /** Whether anything changes at all. */
  changed: boolean;
};

const STOP = new Set(['and', 'the', 'of', 'a', 'an', 'for', 'to', 'in', 'with', 'services', 'service']);

/** The words of a name or a sentence, for matching ("Speech-Language Therapy" → speech, language, therapy). */
export function matchWords(text: string): Set<string> {
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map((w) => (w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w));
  return new Set(words);
}

/** How alike two sets of words are (Jaccard: shared / all), 0 to 1. */
export function likeness(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Pairs items of two lists by a score (highest first, each item once): a greedy assignment, which is
 * what a person does reading two lists side by side. Pairs scoring under `least` are not made.
 */
function pair<A, B>(as: A[], bs: B[], score: (a: A, b: B) => number, least: number): Map<number, number> {
  const candidates: [number, number, number][] = [];
  for (const [i, a] of as.entries())
    for (const [j, b] of bs.entries()) {
      const s = score(a, b);
      if (s >= least) candidates.push([s, i, j]);
    }
  candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const byA = new Map<number, number>();
  const usedB = new Set<number>();
  for (const [, i, j] of candidates) {
    if (byA.has(i) || usedB.has(j)) continue;
    byA.set(i, j);
    usedB.add(j);
  }
  return byA;
}

function serviceScore(doc: DocumentService, cur: CurrentService): number {
  const words = likeness(matchWords(doc.name), matchWords(cur.name));
  // The same area with any shared word, or very alike names in different areas (an area read wrong).
  if (doc.area === cur.area) return 1 + words;
  return words >= 0.6 ? words : 0;
}

/** The amount in force on `date` (the segment covering it, else the last one before it, else the first). */
export function amountOn(segments: ServiceSegment[], date: string): AmountOf | null {
  const covering = segments.find((s) => s.startDate <= date && date <= s.endDate);
  if (covering) return covering;
  const before = segments.filter((s) => s.endDate < date).sort((a, b) => (a.endDate < b.endDate ? 1 : -1));
  return before[0] ?? segments[0] ?? null;
}

export function sameAmount(a: DocumentAmount | null, b: DocumentAmount | null): boolean {
  if (!a || !b) return a === b;
  return (
    (a.minutesPerSession ?? null) === (b.minutesPerSession ?? null) &&
    (a.sessionsPerPeriod ?? null) === (b.sessionsPerPeriod ?? null) &&
    (a.minutesPerPeriod ?? null) === (b.minutesPerPeriod ?? null) &&
    a.period.unit === b.period.unit &&
    (a.period.cycleDays ?? null) === (b.period.cycleDays ?? null) &&
    JSON.stringify(a.pattern ?? null) === JSON.stringify(b.pattern ?? null)
  );
}

const textScore = (a: { text: string }, b: { text: string }) =>
  likeness(matchWords(a.text), matchWords(b.text));

/** Items whose words are at least this alike are one item (reworded, or read with a typo). */
export const SAME_ITEM_LIKENESS = 0.6;

/**
 * The new document against the plan in force, for an amendment taking effect on `effectiveFrom`.
 * `document` holds the items the parent kept on the review screen, in their order there.
 */
export function comparePlanWithDocument(
  plan: ComparedPlan,
  document: ComparedDocument,
  effectiveFrom: string,
  /** Items of the plan the document leaves out that the parent keeps (an amendment that shows only some pages). */
  keepIds: ReadonlySet<string> = new Set(),
): PlanComparison {
  // Services that ended before the amendment are history, not part of what the new document replaces.
  const live = plan.services.filter((s) => s.endDate >= effectiveFrom);
  const serviceMatch = pair(document.services, live, serviceScore, 1e-9);
  const matchedIds = new Set<string>();
  const services: ServiceChange[] = document.services.map((doc, index) => {
    const j = serviceMatch.get(index);
    if (j === undefined) return { change: 'added', index };
    const cur = live[j]!;
    matchedIds.add(cur.id);
    const before = amountOn(cur.segments, maxDate(effectiveFrom, cur.startDate));
    const after = toAmount(doc.segments[0]!);
    if (sameAmount(before, after) && doc.setting === cur.setting)
      return { change: 'same', index, id: cur.id };
    return {
      change: 'changed',
      index,
      id: cur.id,
      before,
      after,
      settingBefore: cur.setting,
      settingAfter: doc.setting,
    };
  });
  // A document that lists no services at all changes other parts of the plan: none of its services end.
  const servicesNotListed = document.services.length === 0;
  const servicesKept: PlanComparison['servicesKept'] = [];
  for (const cur of live) {
    if (matchedIds.has(cur.id)) continue;
    if (servicesNotListed || keepIds.has(cur.id)) servicesKept.push({ id: cur.id, name: cur.name });
    else services.push({ change: 'ended', id: cur.id, name: cur.name, endDate: addDays(effectiveFrom, -1) });
  }

  const listChange = <C extends { id: string; text: string }, I extends { text: string }>(
    current: C[],
    incoming: I[],
    score: (a: I, b: C) => number = textScore,
  ): ListChange => {
    const match = pair(incoming, current, score, SAME_ITEM_LIKENESS);
    const matched = new Set([...match.values()]);
    const notListed = incoming.length === 0;
    const leftOut = current.filter((_, j) => !matched.has(j)).map((c) => ({ id: c.id, text: c.text }));
    const stays = (c: { id: string }) => notListed || keepIds.has(c.id);
    return {
      added: incoming.map((_, i) => i).filter((i) => !match.has(i)),
      removed: leftOut.filter((c) => !stays(c)),
      same: match.size,
      kept: leftOut.filter(stays),
      notListed,
    };
  };

  const keyDates: PlanComparison['keyDates'] = [];
  for (const [index, k] of document.keyDates.entries()) {
    const same = plan.keyDates.filter((c) => c.kind === k.kind).sort((a, b) => (a.date < b.date ? 1 : -1));
    if (same.some((c) => c.date === k.date)) continue;
    // A meeting is an event: a new one is added beside the earlier ones. A next annual review or a
    // re-evaluation is a due date: the new document's replaces the plan's.
    const latest = k.kind === 'meeting' ? undefined : same[0];
    keyDates.push({
      index,
      id: latest?.id ?? null,
      kind: k.kind,
      before: latest?.date ?? null,
      after: k.date,
    });
  }

  const known = new Set(plan.team.map((t) => [...matchWords(t.name)].sort().join(' ')));
  const team = {
    added: document.team
      .map((t, i) => [t, i] as const)
      .filter(([t]) => !known.has([...matchWords(t.name)].sort().join(' ')))
      .map(([, i]) => i),
  };

  const accommodations = listChange(plan.accommodations, document.accommodations);
  const goals = listChange(
    plan.goals,
    document.goals.map((g) => ({ text: g.text })),
  );
  // A step is matched only with a step of its kind.
  const behaviorSteps = listChange(plan.behaviorSteps ?? [], document.behaviorSteps ?? [], (a, b) =>
    a.kind === b.kind ? textScore(a, b) : 0,
  );
  const changed =
    services.some((s) => s.change !== 'same') ||
    accommodations.added.length + accommodations.removed.length > 0 ||
    goals.added.length + goals.removed.length > 0 ||
    behaviorSteps.added.length + behaviorSteps.removed.length > 0 ||
    keyDates.length > 0 ||
    team.added.length > 0;
  return {
    services,
    servicesKept,
    servicesNotListed,
    accommodations,
    goals,
    behaviorSteps,
    keyDates,
    team,
    changed,
  };
}

/** A one-line summary of the comparison for the new version ("2 services changed, 1 accommodation removed"). */
export function comparisonSummary(c: PlanComparison): string {
  const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);
  const parts: string[] = [];
  const of = (kind: ServiceChange['change']) => c.services.filter((s) => s.change === kind).length;
  if (of('changed')) parts.push(`${count(of('changed'), 'service', 'services')} changed`);
  if (of('added')) parts.push(`${count(of('added'), 'service', 'services')} added`);
  if (of('ended')) parts.push(`${count(of('ended'), 'service', 'services')} ended`);
  if (c.accommodations.added.length)
    parts.push(`${count(c.accommodations.added.length, 'accommodation', 'accommodations')} added`);
  if (c.accommodations.removed.length)
    parts.push(`${count(c.accommodations.removed.length, 'accommodation', 'accommodations')} removed`);
  if (c.goals.added.length) parts.push(`${count(c.goals.added.length, 'goal', 'goals')} added`);
  if (c.goals.removed.length) parts.push(`${count(c.goals.removed.length, 'goal', 'goals')} removed`);
  const steps = (n: number) => count(n, 'behavior plan step', 'behavior plan steps');
  if (c.behaviorSteps.added.length) parts.push(`${steps(c.behaviorSteps.added.length)} added`);
  if (c.behaviorSteps.removed.length) parts.push(`${steps(c.behaviorSteps.removed.length)} removed`);
  const moved = c.keyDates.filter((k) => k.before != null).length;
  const newDates = c.keyDates.length - moved;
  if (moved) parts.push(`${count(moved, 'date', 'dates')} changed`);
  if (newDates) parts.push(`${count(newDates, 'date', 'dates')} added`);
  if (parts.length === 0) return 'No change from the plan in force';
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
