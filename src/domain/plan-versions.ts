import { addDays, maxDate, minDate } from './dates.ts';
import type { ServiceSegment } from './service.ts';

// A plan has versions. Its content (services, accommodations, goals, behavior steps, key dates)
// is edited live; an amendment freezes the current content into the version being superseded and
// opens a new version from the amendment's date. So earlier versions stay readable exactly as
// they were, and the ledger uses, for each date, the service amounts of the version in force.

export type PlanContentItem = { id: string } & Record<string, unknown>;

export type PlanContent = {
  plan: Record<string, unknown>;
  services: PlanContentItem[];
  accommodations: PlanContentItem[];
  goals: PlanContentItem[];
  behaviorSteps: PlanContentItem[];
  keyDates: PlanContentItem[];
};

export type PlanVersionSpan = {
  id: string;
  versionNumber: number;
  effectiveFrom: string;
  /** null for the current version: it runs to the plan's end. */
  effectiveTo: string | null;
};

/** The version in force on `date`, or null when the date is outside every version. */
export function versionInForce<V extends PlanVersionSpan>(
  versions: V[],
  date: string,
  planEnd: string,
): V | null {
  for (const v of versions) {
    const end = v.effectiveTo ?? planEnd;
    if (date >= v.effectiveFrom && date <= end) return v;
  }
  return null;
}

export type ServiceDefinition = {
  id: string;
  startDate: string;
  endDate: string;
  segments: ServiceSegment[];
  esyBlocks: ServiceSegment[];
};

function clip(segment: ServiceSegment, from: string, to: string): ServiceSegment | null {
  const startDate = maxDate(segment.startDate, from);
  const endDate = minDate(segment.endDate, to);
  return startDate <= endDate ? { ...segment, startDate, endDate } : null;
}

/**
 * The amounts of one service over time, taking each version's definition for that version's
 * dates. `versions` pairs each span with the service's definition in that version (null if the
 * service was not part of it).
 */
export function resolveServiceTerms(
  versions: { span: PlanVersionSpan; service: ServiceDefinition | null }[],
  planEnd: string,
): { segments: ServiceSegment[]; esyBlocks: ServiceSegment[] } {
  const segments: ServiceSegment[] = [];
  const esyBlocks: ServiceSegment[] = [];
  const sorted = [...versions].sort((a, b) => (a.span.effectiveFrom < b.span.effectiveFrom ? -1 : 1));
  for (const { span, service } of sorted) {
    if (!service) continue;
    const from = maxDate(service.startDate, span.effectiveFrom);
    const spanEnd = span.effectiveTo ?? planEnd;
    const to = minDate(service.endDate, spanEnd);
    if (from > to) continue;
    for (const seg of service.segments) {
      const c = clip(seg, from, to);
      if (c) segments.push(c);
    }
    // ESY blocks fall in the summer, usually after the plan's school-year dates; a version owns
    // the blocks that start while it is in force (or, for the last version, any later block).
    for (const block of service.esyBlocks) {
      const owns =
        block.startDate >= span.effectiveFrom &&
        (span.effectiveTo == null || block.startDate <= span.effectiveTo);
      if (owns) esyBlocks.push(block);
    }
  }
  segments.sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  return { segments, esyBlocks };
}

/** The day before an amendment takes effect: the end of the version it supersedes. */
export function supersededVersionEnd(amendmentEffectiveFrom: string): string {
  return addDays(amendmentEffectiveFrom, -1);
}

export type ContentChange =
  | { kind: 'added'; section: keyof Omit<PlanContent, 'plan'>; id: string; item: PlanContentItem }
  | { kind: 'removed'; section: keyof Omit<PlanContent, 'plan'>; id: string; item: PlanContentItem }
  | {
      kind: 'changed';
      section: keyof PlanContent;
      id: string;
      fields: { field: string; from: unknown; to: unknown }[];
    };

const IGNORED_FIELDS = new Set(['updatedAt', 'createdAt', 'householdId']);

function fieldChanges(a: Record<string, unknown>, b: Record<string, unknown>) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const out: { field: string; from: unknown; to: unknown }[] = [];
  for (const key of keys) {
    if (IGNORED_FIELDS.has(key)) continue;
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push({ field: key, from: a[key], to: b[key] });
  }
  return out;
}

/** What changed from one version's content to the next: items added, removed, and fields changed. */
export function diffPlanContent(before: PlanContent, after: PlanContent): ContentChange[] {
  const changes: ContentChange[] = [];
  const planFields = fieldChanges(before.plan, after.plan);
  if (planFields.length > 0)
    changes.push({ kind: 'changed', section: 'plan', id: String(after.plan.id), fields: planFields });
  const sections = ['services', 'accommodations', 'goals', 'behaviorSteps', 'keyDates'] as const;
  for (const section of sections) {
    const old = new Map(before[section].map((i) => [i.id, i]));
    const cur = new Map(after[section].map((i) => [i.id, i]));
    for (const [id, item] of cur) {
      const prev = old.get(id);
      if (!prev) changes.push({ kind: 'added', section, id, item });
      else {
        const fields = fieldChanges(prev, item);
        if (fields.length > 0) changes.push({ kind: 'changed', section, id, fields });
      }
    }
    for (const [id, item] of old) if (!cur.has(id)) changes.push({ kind: 'removed', section, id, item });
  }
  return changes;
}
