// What changed between two versions of a plan, in plain words, in the reader's language.
import type { ServiceSegment } from '../../../src/domain/service.ts';
import { formatDate } from '../../components/dates.ts';
import { AREA_LABELS, SETTING_LABELS } from '../../components/plain-words.ts';
import { amountOnlyInWords, type PlanWords } from './plan-words.ts';
import { appliesToLabel, categoryLabel, keyDateLabel, stepKindLabel } from './sections.tsx';
import type { ContentChange, PlanContent } from './types.ts';

/** What a change is worded with: the reader's messages, language and locale for dates. */
type Words = Pick<PlanWords, 't' | 'language' | 'locale'>;

/** The fields `plan.change.fieldName` has words for. */
const FIELDS = new Set([
  'name',
  'text',
  'category',
  'appliesTo',
  'className',
  'area',
  'baseline',
  'target',
  'measurement',
  'kind',
  'position',
  'date',
  'label',
  'providerRole',
  'setting',
  'delivery',
  'groupSizeLimit',
  'location',
  'sourceText',
  'startDate',
  'endDate',
  'segments',
  'esyBlocks',
  'title',
  'effectiveFrom',
  'effectiveTo',
  'status',
  'reasonPolicy',
  'jurisdiction',
]);

/** A value of a field that names a kind ("pull_out"), in words; undefined when it has none. */
function labelOf(w: Words, field: string, value: string): string | undefined {
  const { t } = w;
  switch (field) {
    case 'category':
      return categoryLabel(t, value);
    case 'appliesTo':
      return appliesToLabel(t, value);
    case 'setting':
      if (w.language === 'en') return SETTING_LABELS[value];
      return t('onboarding.amount.settingWords', { setting: value });
    case 'area':
      if (w.language === 'en') return AREA_LABELS[value];
      return t('onboarding.services.areaName', { area: value });
    default:
      return undefined;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const shorten = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

function isSegmentList(v: unknown): v is ServiceSegment[] {
  return Array.isArray(v) && v.every((s) => s != null && typeof s === 'object' && 'period' in s);
}

export function segmentsWords(w: Words, segments: ServiceSegment[]): string {
  const { t, language, locale } = w;
  if (segments.length === 0) return t('plan.change.none');
  if (segments.length === 1 && segments[0]) return amountOnlyInWords(t, language, segments[0]);
  return segments
    .map((s) =>
      t('plan.change.segment', {
        amount: amountOnlyInWords(t, language, s),
        from: formatDate(s.startDate, locale),
        to: formatDate(s.endDate, locale),
      }),
    )
    .join('; ');
}

/** One field's value in words. */
export function valueWords(w: Words, field: string, value: unknown, section?: string): string {
  if (value == null || value === '') return w.t('plan.change.nothing');
  if (isSegmentList(value)) return segmentsWords(w, value);
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return formatDate(value, w.locale);
    if (field === 'kind') {
      return section === 'keyDates' ? keyDateLabel(w.t, value) : stepKindLabel(w.t, value);
    }
    return `“${shorten(labelOf(w, field, value) ?? value)}”`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (field === 'jurisdiction' && typeof value === 'object') {
    const j = value as { country?: string; region?: string | null };
    return [j.region, j.country].filter(Boolean).join(', ');
  }
  return shorten(JSON.stringify(value));
}

/** The name of an item of the plan's content: a service's name, an accommodation's wording… */
export function itemName(w: Words, item: Record<string, unknown> | undefined): string {
  if (!item) return w.t('plan.change.anItem');
  const value = item.name ?? item.text ?? item.label ?? item.area ?? item.title;
  if (typeof value === 'string' && value) return `“${shorten(value)}”`;
  if (typeof item.date === 'string') return formatDate(item.date, w.locale);
  return w.t('plan.change.anItem');
}

/** A sentence for one change: "Changed service “Speech”: amount from … to …". */
export function changeWords(
  w: Words,
  change: ContentChange,
  content: PlanContent | undefined,
): { title: string; details: string[] } {
  const { t } = w;
  const section = change.section;
  if (change.kind === 'added') {
    const extra =
      section === 'services' && isSegmentList(change.item.segments)
        ? ` (${segmentsWords(w, change.item.segments)})`
        : '';
    return { title: t('plan.change.added', { section, name: itemName(w, change.item), extra }), details: [] };
  }
  if (change.kind === 'removed')
    return { title: t('plan.change.removed', { section, name: itemName(w, change.item) }), details: [] };
  const list: { id: string }[] | undefined = section === 'plan' ? undefined : content?.[section];
  const item = section === 'plan' ? content?.plan : list?.find((i) => i.id === change.id);
  const title =
    section === 'plan'
      ? t('plan.change.plan')
      : t('plan.change.changed', { section, name: itemName(w, item) });
  const details = change.fields.map((f) =>
    t('plan.change.field', {
      field: FIELDS.has(f.field) ? t('plan.change.fieldName', { field: f.field }) : capitalise(f.field),
      from: valueWords(w, f.field, f.from, section),
      to: valueWords(w, f.field, f.to, section),
    }),
  );
  return { title, details };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
