// What changed between two versions of a plan, in plain words.
import type { ServiceSegment } from '../../../src/domain/service.ts';
import { formatDate } from '../../components/dates.ts';
import { AREA_LABELS, amountWords, SETTING_LABELS } from '../../components/plain-words.ts';
import { STEP_KIND_LABELS } from '../behavior/behavior-words.ts';
import { APPLIES_TO_LABELS, CATEGORY_LABELS, KEY_DATE_LABELS } from './sections.tsx';
import type { ContentChange, PlanContent } from './types.ts';

const SECTION_NOUNS: Record<string, string> = {
  plan: 'plan',
  services: 'service',
  accommodations: 'accommodation',
  goals: 'goal',
  behaviorSteps: 'behavior-plan step',
  keyDates: 'key date',
};

const FIELD_LABELS: Record<string, string> = {
  name: 'name',
  text: 'wording',
  category: 'kind',
  appliesTo: 'applies to',
  className: 'class',
  area: 'area',
  baseline: 'baseline',
  target: 'target',
  measurement: 'how it is measured',
  kind: 'kind',
  position: 'order',
  date: 'date',
  label: 'description',
  providerRole: 'provider',
  setting: 'setting',
  delivery: 'delivery',
  groupSizeLimit: 'largest group',
  location: 'location',
  sourceText: 'service line as written',
  startDate: 'start date',
  endDate: 'end date',
  segments: 'amount',
  esyBlocks: 'extended school year',
  title: 'title',
  effectiveFrom: 'start date',
  effectiveTo: 'end date',
  status: 'status',
  reasonPolicy: 'reasons that count as owed or excused',
  jurisdiction: 'state or province',
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  category: CATEGORY_LABELS,
  appliesTo: APPLIES_TO_LABELS,
  setting: SETTING_LABELS,
  area: AREA_LABELS,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const shorten = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

function isSegmentList(v: unknown): v is ServiceSegment[] {
  return Array.isArray(v) && v.every((s) => s != null && typeof s === 'object' && 'period' in s);
}

export function segmentsWords(segments: ServiceSegment[]): string {
  if (segments.length === 0) return 'none';
  if (segments.length === 1 && segments[0]) return amountWords(segments[0]);
  return segments
    .map((s) => `${amountWords(s)} (${formatDate(s.startDate)} to ${formatDate(s.endDate)})`)
    .join('; ');
}

/** One field's value in words. */
export function valueWords(field: string, value: unknown, section?: string): string {
  if (value == null || value === '') return 'nothing';
  if (isSegmentList(value)) return segmentsWords(value);
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return formatDate(value);
    if (field === 'kind') {
      const labels = section === 'keyDates' ? KEY_DATE_LABELS : STEP_KIND_LABELS;
      return (labels as Record<string, string>)[value] ?? value;
    }
    const labels = VALUE_LABELS[field];
    return `“${shorten(labels?.[value] ?? value)}”`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (field === 'jurisdiction' && typeof value === 'object') {
    const j = value as { country?: string; region?: string | null };
    return [j.region, j.country].filter(Boolean).join(', ');
  }
  return shorten(JSON.stringify(value));
}

/** The name of an item of the plan's content: a service's name, an accommodation's wording… */
export function itemName(item: Record<string, unknown> | undefined): string {
  if (!item) return 'an item';
  const value = item.name ?? item.text ?? item.label ?? item.area ?? item.title;
  if (typeof value === 'string' && value) return `“${shorten(value)}”`;
  if (typeof item.date === 'string') return formatDate(item.date);
  return 'an item';
}

/** A sentence for one change: "Changed service “Speech”: amount from … to …". */
export function changeWords(
  change: ContentChange,
  content: PlanContent | undefined,
): { title: string; details: string[] } {
  const noun = SECTION_NOUNS[change.section] ?? change.section;
  if (change.kind === 'added') {
    const extra =
      change.section === 'services' && isSegmentList(change.item.segments)
        ? ` (${segmentsWords(change.item.segments)})`
        : '';
    return { title: `Added ${noun}: ${itemName(change.item)}${extra}`, details: [] };
  }
  if (change.kind === 'removed') return { title: `Removed ${noun}: ${itemName(change.item)}`, details: [] };
  const list: { id: string }[] | undefined =
    change.section === 'plan' ? undefined : content?.[change.section];
  const item = change.section === 'plan' ? content?.plan : list?.find((i) => i.id === change.id);
  const title = change.section === 'plan' ? 'Changed the plan' : `Changed ${noun} ${itemName(item)}`;
  const details = change.fields.map(
    (f) =>
      `${capitalise(FIELD_LABELS[f.field] ?? f.field)}: from ${valueWords(f.field, f.from, change.section)} to ${valueWords(f.field, f.to, change.section)}`,
  );
  return { title, details };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
