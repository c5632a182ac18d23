import type { PeriodUnit, ServiceArea, ServiceSetting } from '../../../src/domain/service.ts';
import type { ParsedServiceLine, Plan, Service } from '../../api/types.ts';
import { addDaysIso } from '../../components/dates.ts';
import { plural } from '../../components/plain-words.ts';

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

export const AREA_LABELS: Record<ServiceArea, string> = {
  speech: 'Speech and language',
  ot: 'Occupational therapy',
  pt: 'Physical therapy',
  counseling: 'Counseling',
  specialized_instruction: 'Specialized instruction (reading, math, writing)',
  behavior: 'Behavior support',
  other: 'Something else',
};

export const SETTING_LABELS: Record<ServiceSetting, string> = {
  pull_out: 'Pull-out (outside the classroom)',
  push_in: 'Push-in (in the classroom)',
  consultation: 'Consultation (with staff)',
};

export const PERIOD_LABELS: Record<PeriodUnit, string> = {
  week: 'Week',
  day: 'Day',
  month: 'Month',
  year: 'Year',
  cycle: 'Cycle of school days',
  term: 'Term or grading period',
};

const PERIOD_WORDS: Record<PeriodUnit, string> = {
  week: 'a week',
  day: 'a day',
  month: 'a month',
  year: 'a year',
  cycle: 'per cycle',
  term: 'a term',
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

/** Client-side checks, worded for a parent; the server checks everything again. */
export function validateService(values: ServiceValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'Give the service a name, for example Speech therapy';
  if (!values.area) errors.area = 'Choose the area';
  if (!values.setting) errors.setting = 'Choose where it happens';
  if (!values.startDate) errors.startDate = 'Choose the day the service starts';
  if (!values.endDate) errors.endDate = 'Choose the day the service ends';
  values.segments.forEach((s, i) => {
    const at = `segments.${i}`;
    if (s.counted === 'sessions') {
      if (num(s.minutesPerSession) == null)
        errors[`${at}.minutesPerSession`] = 'Enter the minutes of one session';
      if (num(s.sessionsPerPeriod) == null) errors[`${at}.sessionsPerPeriod`] = 'Enter how many sessions';
    } else if (num(s.minutesPerPeriod) == null) {
      errors[`${at}.minutesPerPeriod`] = 'Enter the total minutes';
    }
    if (s.period.unit === 'cycle' && num(s.period.cycleDays) == null) {
      errors[`${at}.period.cycleDays`] = 'Enter how many school days the cycle has';
    }
    if (values.segments.length > 1) {
      if (!s.startDate) errors[`${at}.startDate`] = 'Choose the first day of this part';
      if (!s.endDate) errors[`${at}.endDate`] = 'Choose the last day of this part';
    }
  });
  return errors;
}

/** "30 minutes, 2 times a week" for one amount. */
export function amountWords(s: {
  minutesPerSession: Num | null;
  sessionsPerPeriod: Num | null;
  minutesPerPeriod: Num | null;
  period: { unit: PeriodUnit; cycleDays: Num | null };
  pattern: { activeWeeks: number; everyWeeks: number } | null;
  counted?: 'sessions' | 'minutes';
}): string {
  const unit = s.period.unit;
  const per =
    unit === 'cycle' && num(s.period.cycleDays ?? '') != null
      ? `every ${num(s.period.cycleDays ?? '')} school days`
      : PERIOD_WORDS[unit];
  const minutes = num(s.minutesPerSession ?? '');
  const sessions = num(s.sessionsPerPeriod ?? '');
  const total = num(s.minutesPerPeriod ?? '');
  const counted = s.counted ?? (sessions == null && total != null ? 'minutes' : 'sessions');
  let text: string;
  if (counted === 'minutes') {
    text = total == null ? 'minutes not read yet' : `${plural(total, 'minute', 'minutes')} in total ${per}`;
    if (minutes != null) text += `, in sessions of ${minutes} minutes`;
  } else {
    const length =
      minutes == null ? 'sessions of an unknown length' : `${plural(minutes, 'minute', 'minutes')}`;
    const times =
      sessions == null
        ? 'an unknown number of times'
        : sessions === 1
          ? 'once'
          : sessions === 2
            ? 'twice'
            : `${sessions} times`;
    text = `${length}, ${times} ${per}`;
  }
  if (s.pattern) text += `, in ${s.pattern.activeWeeks} of every ${s.pattern.everyWeeks} weeks`;
  return text;
}

/** The service in plain words, as it will be counted. */
export function serviceWords(values: {
  name: string;
  setting: ServiceSetting | '';
  segments: Parameters<typeof amountWords>[0][];
  groupSizeLimit?: number | null;
  providerRole?: string | null;
}): string {
  const parts = [values.segments.map(amountWords).join('; then ')];
  if (values.setting) parts.push(SETTING_LABELS[values.setting].toLowerCase());
  if (values.groupSizeLimit) parts.push(`in a group of no more than ${values.groupSizeLimit}`);
  if (values.providerRole) parts.push(`with a ${values.providerRole.toLowerCase()}`);
  return parts.join(', ');
}

/** A saved service in plain words, for the list of services added so far. */
export function savedServiceWords(service: Service): string {
  return serviceWords({ ...service, segments: service.segments });
}
