import type { PeriodUnit, ServiceArea, ServiceSetting } from '../../../src/domain/service.ts';
import type { ParsedServiceLine, Plan, Service } from '../../api/types.ts';
import { addDaysIso } from '../../components/dates.ts';
import type { T } from '../../i18n/i18n.tsx';

// AREA_LABELS, SETTING_LABELS and PERIOD_LABELS are the choices of the service form's selects, in
// order; their names are in the catalog (`onboarding.services.areaName`, `settingName`, `periodName`).
//
// The service form mirrors the API body (segments.0.minutesPerSession, ...), so the server's field
// errors land next to the right field. Number fields hold '' while empty, as Mantine's NumberInput does.

export type Num = number | string;

export type SegmentValues = {
  /** How the IEP counts the amount: sessions of a length, or a total of minutes. */
  counted: 'sessions' | 'minutes';
  minutesPerSession: Num;
  sessionsPerPeriod: Num;
  minutesPerPeriod: Num;
  period: { unit: PeriodUnit; cycleDays: Num };
  pattern: { activeWeeks: number; everyWeeks: number } | null;
  label: string | null;
  startDate: string;
  endDate: string;
};

export type ServiceValues = {
  name: string;
  area: ServiceArea | '';
  setting: ServiceSetting | '';
  startDate: string;
  endDate: string;
  segments: SegmentValues[];
  delivery: 'direct' | 'consult';
  providerRole: string | null;
  groupSizeLimit: number | null;
  location: string | null;
  sourceText: string | null;
  esy: boolean;
};

export const AREA_LABELS: Record<ServiceArea, ServiceArea> = {
  speech: 'speech',
  ot: 'ot',
  pt: 'pt',
  counseling: 'counseling',
  specialized_instruction: 'specialized_instruction',
  behavior: 'behavior',
  other: 'other',
};

export const SETTING_LABELS: Record<ServiceSetting, ServiceSetting> = {
  pull_out: 'pull_out',
  push_in: 'push_in',
  consultation: 'consultation',
};

export const PERIOD_LABELS: Record<PeriodUnit, PeriodUnit> = {
  week: 'week',
  day: 'day',
  month: 'month',
  year: 'year',
  cycle: 'cycle',
  term: 'term',
};

export function emptySegment(startDate = '', endDate = ''): SegmentValues {
  return {
    counted: 'sessions',
    minutesPerSession: '',
    sessionsPerPeriod: '',
    minutesPerPeriod: '',
    period: { unit: 'week', cycleDays: '' },
    pattern: null,
    label: null,
    startDate,
    endDate,
  };
}

export function emptyService(plan: Plan): ServiceValues {
  return {
    name: '',
    area: '',
    setting: '',
    startDate: plan.effectiveFrom,
    endDate: plan.effectiveTo,
    segments: [emptySegment(plan.effectiveFrom, plan.effectiveTo)],
    delivery: 'direct',
    providerRole: null,
    groupSizeLimit: null,
    location: null,
    sourceText: null,
    esy: false,
  };
}

/** What the reader understood, as an editable form; the service's dates default to the plan's. */
export function fromParsed(parsed: ParsedServiceLine, plan: Plan): ServiceValues {
  const amounts = parsed.amounts;
  const segments: SegmentValues[] =
    amounts.length === 0
      ? [emptySegment()]
      : amounts.map((a) => ({
          counted: a.sessionsPerPeriod == null && a.minutesPerPeriod != null ? 'minutes' : 'sessions',
          minutesPerSession: a.minutesPerSession ?? '',
          sessionsPerPeriod: a.sessionsPerPeriod ?? '',
          minutesPerPeriod: a.minutesPerPeriod ?? '',
          period: { unit: a.period.unit, cycleDays: a.period.cycleDays ?? '' },
          pattern: a.pattern,
          label: a.label,
          startDate: a.startDate ?? '',
          endDate: a.endDate ?? '',
        }));
  // Fill the dates the line leaves open: the first part starts with the plan, the last ends with
  // it, and a part without an end runs to the day before the next one starts.
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  if (!first.startDate) first.startDate = plan.effectiveFrom;
  if (!last.endDate) last.endDate = plan.effectiveTo;
  for (let i = 0; i + 1 < segments.length; i++) {
    const a = segments[i]!;
    const b = segments[i + 1]!;
    if (!a.endDate && b.startDate) a.endDate = addDaysIso(b.startDate, -1);
    if (!b.startDate && a.endDate) b.startDate = addDaysIso(a.endDate, 1);
  }
  return {
    name: parsed.name ?? '',
    area: parsed.area ?? '',
    setting: parsed.setting ?? '',
    startDate: first.startDate,
    endDate: last.endDate,
    segments,
    delivery: parsed.delivery ?? 'direct',
    providerRole: parsed.providerRole,
    groupSizeLimit: parsed.groupSizeLimit,
    location: parsed.location,
    sourceText: parsed.text,
    esy: parsed.esy,
  };
}

const num = (v: Num): number | null => (v === '' || v == null || Number.isNaN(Number(v)) ? null : Number(v));

/** The body of POST services. */
export function toServiceBody(values: ServiceValues, planId: string) {
  const single = values.segments.length === 1;
  return {
    planId,
    name: values.name.trim(),
    area: values.area,
    setting: values.setting,
    delivery: values.delivery,
    providerRole: values.providerRole,
    groupSizeLimit: values.groupSizeLimit,
    location: values.location,
    sourceText: values.sourceText,
    startDate: values.startDate,
    endDate: values.endDate,
    segments: values.segments.map((s) => ({
      startDate: single ? values.startDate : s.startDate,
      endDate: single ? values.endDate : s.endDate,
      minutesPerSession: num(s.minutesPerSession),
      sessionsPerPeriod: s.counted === 'sessions' ? num(s.sessionsPerPeriod) : null,
      minutesPerPeriod: s.counted === 'minutes' ? num(s.minutesPerPeriod) : null,
      period: { unit: s.period.unit, cycleDays: s.period.unit === 'cycle' ? num(s.period.cycleDays) : null },
      pattern: s.period.unit === 'week' ? s.pattern : null,
      label: s.label,
    })),
  };
}

/** Client-side checks, worded for a parent in their language; the server checks everything again. */
export function serviceChecks(t: T) {
  return (values: ServiceValues): Record<string, string> => {
    const errors: Record<string, string> = {};
    if (!values.name.trim()) errors.name = t('onboarding.services.error.name');
    if (!values.area) errors.area = t('onboarding.services.error.area');
    if (!values.setting) errors.setting = t('onboarding.services.error.setting');
    if (!values.startDate) errors.startDate = t('onboarding.services.error.startDate');
    if (!values.endDate) errors.endDate = t('onboarding.services.error.endDate');
    values.segments.forEach((s, i) => {
      const at = `segments.${i}`;
      if (s.counted === 'sessions') {
        if (num(s.minutesPerSession) == null)
          errors[`${at}.minutesPerSession`] = t('onboarding.services.error.minutesPerSession');
        if (num(s.sessionsPerPeriod) == null)
          errors[`${at}.sessionsPerPeriod`] = t('onboarding.services.error.sessionsPerPeriod');
      } else if (num(s.minutesPerPeriod) == null) {
        errors[`${at}.minutesPerPeriod`] = t('onboarding.services.error.minutesPerPeriod');
      }
      if (s.period.unit === 'cycle' && num(s.period.cycleDays) == null) {
        errors[`${at}.period.cycleDays`] = t('onboarding.services.error.cycleDays');
      }
      if (values.segments.length > 1) {
        if (!s.startDate) errors[`${at}.startDate`] = t('onboarding.services.error.partStart');
        if (!s.endDate) errors[`${at}.endDate`] = t('onboarding.services.error.partEnd');
      }
    });
    return errors;
  };
}

/** "30 minutes, 2 times a week" for one amount, in the reader's language. */
export function amountWords(
  t: T,
  s: {
    minutesPerSession: Num | null;
    sessionsPerPeriod: Num | null;
    minutesPerPeriod: Num | null;
    period: { unit: PeriodUnit; cycleDays: Num | null };
    pattern: { activeWeeks: number; everyWeeks: number } | null;
    counted?: 'sessions' | 'minutes';
  },
): string {
  const unit = s.period.unit;
  const cycleDays = num(s.period.cycleDays ?? '');
  const per =
    unit === 'cycle' && cycleDays != null
      ? t('onboarding.amount.everyCycle', { days: String(cycleDays) })
      : t('onboarding.amount.per', { unit });
  const minutes = num(s.minutesPerSession ?? '');
  const sessions = num(s.sessionsPerPeriod ?? '');
  const total = num(s.minutesPerPeriod ?? '');
  const counted = s.counted ?? (sessions == null && total != null ? 'minutes' : 'sessions');
  const text =
    counted === 'minutes'
      ? t('onboarding.amount.total', {
          total: total == null ? 'unknown' : 'known',
          count: total ?? 0,
          shown: String(total ?? ''),
          per,
          session: minutes != null ? 'yes' : 'no',
          minutes: String(minutes ?? ''),
        })
      : t('onboarding.amount.sessions', {
          minutes: minutes == null ? 'unknown' : 'known',
          length: minutes ?? 0,
          shown: String(minutes ?? ''),
          sessions: sessions == null ? 'unknown' : 'known',
          count: sessions ?? 0,
          per,
        });
  return s.pattern
    ? t('onboarding.amount.pattern', {
        amount: text,
        active: String(s.pattern.activeWeeks),
        every: String(s.pattern.everyWeeks),
      })
    : text;
}

/** The service in plain words, as it will be counted, in the reader's language. */
export function serviceWords(
  t: T,
  values: {
    name: string;
    setting: ServiceSetting | '';
    segments: Parameters<typeof amountWords>[1][];
    groupSizeLimit?: number | null;
    providerRole?: string | null;
  },
): string {
  const amounts = values.segments.map((segment) => amountWords(t, segment));
  const parts = [
    amounts.length > 0 ? amounts.reduce((first, next) => t('onboarding.amount.then', { first, next })) : '',
  ];
  if (values.setting) parts.push(t('onboarding.amount.settingWords', { setting: values.setting }));
  if (values.groupSizeLimit)
    parts.push(t('onboarding.amount.group', { size: String(values.groupSizeLimit) }));
  if (values.providerRole)
    parts.push(t('onboarding.amount.provider', { provider: values.providerRole.toLowerCase() }));
  return parts.join(', ');
}

/** A saved service in plain words, for the list of services added so far. */
export function savedServiceWords(t: T, service: Service): string {
  return serviceWords(t, { ...service, segments: service.segments });
}
