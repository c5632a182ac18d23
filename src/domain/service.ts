import { z } from 'zod';
import {
  endNotBeforeStart,
  IdSchema,
  IsoDateSchema,
  NonEmptyText,
  OptionalText,
  SessionLengthMinutes,
} from './common.ts';

// How an IEP states a service's amount. See ../../docs/ledger-rules.md for how each form is counted.

export const SERVICE_AREAS = [
  'speech',
  'ot',
  'pt',
  'counseling',
  'specialized_instruction',
  'behavior',
  'other',
] as const;
export const ServiceArea = z.enum(SERVICE_AREAS);
export type ServiceArea = z.infer<typeof ServiceArea>;

/** inside general education (push-in), outside it (pull-out), or consultation with staff. */
export const SERVICE_SETTINGS = ['push_in', 'pull_out', 'consultation'] as const;
export const ServiceSetting = z.enum(SERVICE_SETTINGS);
export type ServiceSetting = z.infer<typeof ServiceSetting>;

export const DELIVERY_MODES = ['direct', 'consult'] as const;
export const DeliveryMode = z.enum(DELIVERY_MODES);
export type DeliveryMode = z.infer<typeof DeliveryMode>;

/**
 * A service's period. "term" is one of the school's terms or grading periods (quarters, trimesters,
 * semesters, marking periods), whose dates the school calendar holds.
 */
export const PERIOD_UNITS = ['day', 'week', 'month', 'year', 'cycle', 'term'] as const;
export const PeriodUnit = z.enum(PERIOD_UNITS);
export type PeriodUnit = z.infer<typeof PeriodUnit>;

export const ServicePeriod = z
  .object({
    unit: PeriodUnit,
    /** Length of the rotation in school days; only for unit "cycle". */
    cycleDays: z.number().int().min(2).max(20).nullable().default(null),
  })
  .superRefine((p, ctx) => {
    if (p.unit === 'cycle' && p.cycleDays == null) {
      ctx.addIssue({
        code: 'custom',
        path: ['cycleDays'],
        message: 'is required when the period is a cycle of school days',
        params: { rule: 'service.cycleDaysRequired' },
      });
    }
    if (p.unit !== 'cycle' && p.cycleDays != null) {
      ctx.addIssue({
        code: 'custom',
        path: ['cycleDays'],
        message: 'is only used when the period is a cycle',
        params: { rule: 'service.cycleDaysUnused' },
      });
    }
  });
export type ServicePeriod = z.infer<typeof ServicePeriod>;

/** "for 3 out of 4 weeks": the service runs in `activeWeeks` of every `everyWeeks` weeks. */
export const WeekPattern = z
  .object({
    activeWeeks: z.number().int().min(1).max(52),
    everyWeeks: z.number().int().min(2).max(52),
  })
  .refine((p) => p.activeWeeks < p.everyWeeks, {
    path: ['activeWeeks'],
    message: 'must be less than everyWeeks',
    params: { rule: 'service.patternWeeks' },
  });
export type WeekPattern = z.infer<typeof WeekPattern>;

const AmountShape = z.object({
  minutesPerSession: SessionLengthMinutes.nullable().default(null),
  sessionsPerPeriod: z
    .number()
    .int()
    .min(1, { message: 'must be at least 1' })
    .max(500)
    .nullable()
    .default(null),
  minutesPerPeriod: z
    .number()
    .int()
    .min(1, { message: 'must be at least 1 minute' })
    .max(100_000)
    .nullable()
    .default(null),
  period: ServicePeriod,
  pattern: WeekPattern.nullable().default(null),
});

function checkAmount(a: z.infer<typeof AmountShape>, ctx: z.RefinementCtx) {
  if (a.sessionsPerPeriod != null && a.minutesPerPeriod != null) {
    ctx.addIssue({
      code: 'custom',
      path: ['minutesPerPeriod'],
      message: 'give either sessionsPerPeriod or minutesPerPeriod, not both',
      params: { rule: 'service.amountBoth' },
    });
  }
  if (a.sessionsPerPeriod == null && a.minutesPerPeriod == null) {
    ctx.addIssue({
      code: 'custom',
      path: ['sessionsPerPeriod'],
      message: 'give sessionsPerPeriod (with minutesPerSession) or minutesPerPeriod',
      params: { rule: 'service.amountMissing' },
    });
  }
  if (a.sessionsPerPeriod != null && a.minutesPerSession == null) {
    ctx.addIssue({
      code: 'custom',
      path: ['minutesPerSession'],
      message: 'is required with sessionsPerPeriod',
      params: { rule: 'service.minutesPerSessionRequired' },
    });
  }
  if (a.pattern != null && a.period.unit !== 'week') {
    ctx.addIssue({
      code: 'custom',
      path: ['pattern'],
      message: 'an "N of every M weeks" pattern needs a weekly period',
      params: { rule: 'service.patternNeedsWeeks' },
    });
  }
}

/**
 * The amount of a service over one stretch of time. Either a count of sessions per period
 * (`sessionsPerPeriod` with `minutesPerSession`), or a total of minutes per period
 * (`minutesPerPeriod`, with `minutesPerSession` optional).
 */
export const ServiceAmount = AmountShape.superRefine(checkAmount);
export type ServiceAmount = z.infer<typeof ServiceAmount>;

/** One dated stretch of a service's amount (a step-down in the spring is a second segment). */
export const ServiceSegment = AmountShape.extend({
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  label: OptionalText(200),
}).superRefine((seg, ctx) => {
  checkAmount(seg, ctx);
  endNotBeforeStart<typeof seg>('startDate', 'endDate')(seg, ctx);
});
export type ServiceSegment = z.infer<typeof ServiceSegment>;

/** Extended school year: a summer block with its own amount, counted over its weekdays. */
export const EsyBlock = ServiceSegment;
export type EsyBlock = ServiceSegment;

export const ServiceFields = z.object({
  planId: IdSchema,
  name: NonEmptyText(200),
  area: ServiceArea,
  providerRole: OptionalText(200),
  setting: ServiceSetting,
  delivery: DeliveryMode.default('direct'),
  groupSizeLimit: z.number().int().min(1).max(100).nullable().default(null),
  location: OptionalText(200),
  /** The service line as the IEP writes it, kept verbatim for letters and reports. */
  sourceText: OptionalText(2000),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  segments: z.array(ServiceSegment).min(1, { message: 'a service needs at least one amount' }).max(20),
  esyBlocks: z.array(EsyBlock).max(10).default([]),
});

export function checkServiceDates(s: z.infer<typeof ServiceFields>, ctx: z.RefinementCtx) {
  if (s.endDate < s.startDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: `must not be before startDate (${s.startDate})`,
      params: { rule: 'service.endBeforeStart', startDate: s.startDate },
    });
  }
  const sorted = s.segments
    .map((seg, i) => ({ seg, i }))
    .sort((a, b) => (a.seg.startDate < b.seg.startDate ? -1 : 1));
  for (const { seg, i } of sorted) {
    if (seg.startDate < s.startDate || seg.endDate > s.endDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['segments', i, 'startDate'],
        message: `must lie within the service's dates (${s.startDate} to ${s.endDate})`,
        params: { rule: 'service.segmentOutside', startDate: s.startDate, endDate: s.endDate },
      });
    }
  }
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    if (cur.seg.startDate <= prev.seg.endDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['segments', cur.i, 'startDate'],
        message: `overlaps the segment that ends ${prev.seg.endDate}`,
        params: { rule: 'service.segmentOverlaps', endDate: prev.seg.endDate },
      });
    }
  }
}

export const ServiceInput = ServiceFields.superRefine(checkServiceDates);
export type ServiceInput = z.infer<typeof ServiceInput>;
