import { z } from 'zod';
import { endNotBeforeStart, IdSchema, IsoDateSchema, NonEmptyText, OptionalText } from './common.ts';
import { ACCOMMODATION_CATEGORIES, BEHAVIOR_STEP_KINDS } from './record-kinds.ts';
import { ReasonPolicy } from './session-entry.ts';

export { ACCOMMODATION_CATEGORIES };

export const PLAN_KINDS = ['iep', '504'] as const;
export const PlanKind = z.enum(PLAN_KINDS);
export type PlanKind = z.infer<typeof PlanKind>;

export const PLAN_STATUSES = ['draft', 'active', 'ended'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);

/** Country (ISO 3166-1 alpha-2, "US" or "CA") and state or province (postal code, "CA", "ON"). */
export const Jurisdiction = z.object({
  country: z.enum(['US', 'CA']),
  region: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, { message: 'must be a two-letter state or province code, like CA or ON' })
    .nullable()
    .default(null),
});
export type Jurisdiction = z.infer<typeof Jurisdiction>;

export const ChildInput = z.object({
  firstName: NonEmptyText(100),
  lastName: OptionalText(100),
  dateOfBirth: IsoDateSchema.nullable().default(null),
  school: OptionalText(200),
  grade: OptionalText(40),
  notes: OptionalText(5000),
});
export type ChildInput = z.infer<typeof ChildInput>;

export const PlanFields = z.object({
  childId: IdSchema,
  kind: PlanKind,
  jurisdiction: Jurisdiction,
  title: OptionalText(200),
  effectiveFrom: IsoDateSchema,
  effectiveTo: IsoDateSchema,
  status: PlanStatus.default('active'),
  reasonPolicy: ReasonPolicy.nullable().default(null),
});
export const PlanInput = PlanFields.superRefine(endNotBeforeStart('effectiveFrom', 'effectiveTo'));
export type PlanInput = z.infer<typeof PlanInput>;

export const PlanAmendmentInput = z.object({
  effectiveFrom: IsoDateSchema,
  summary: NonEmptyText(2000),
});
export type PlanAmendmentInput = z.infer<typeof PlanAmendmentInput>;

export const AccommodationCategory = z.enum(ACCOMMODATION_CATEGORIES);

export const ACCOMMODATION_SCOPES = ['all', 'tests', 'classwork', 'homework', 'class'] as const;

export const AccommodationFields = z.object({
  planId: IdSchema,
  text: NonEmptyText(2000),
  category: AccommodationCategory.default('other'),
  appliesTo: z.enum(ACCOMMODATION_SCOPES).default('all'),
  /** The named class when `appliesTo` is "class" (for example "Math"). */
  className: OptionalText(100),
});
export const AccommodationInput = AccommodationFields.superRefine((a, ctx) => {
  if (a.appliesTo === 'class' && !a.className) {
    ctx.addIssue({
      code: 'custom',
      path: ['className'],
      message: 'name the class this accommodation applies to',
      params: { rule: 'accommodation.classRequired' },
    });
  }
});
export type AccommodationInput = z.infer<typeof AccommodationInput>;

export const GoalInput = z.object({
  planId: IdSchema,
  area: NonEmptyText(100),
  text: NonEmptyText(4000),
  baseline: OptionalText(2000),
  target: OptionalText(2000),
  measurement: OptionalText(2000),
});
export type GoalInput = z.infer<typeof GoalInput>;

export { BEHAVIOR_STEP_KINDS } from './record-kinds.ts';
export const BehaviorStepInput = z.object({
  planId: IdSchema,
  kind: z.enum(BEHAVIOR_STEP_KINDS),
  text: NonEmptyText(2000),
  position: z.number().int().min(0).max(1000).default(0),
});
export type BehaviorStepInput = z.infer<typeof BehaviorStepInput>;

export const TeamContactInput = z.object({
  childId: IdSchema,
  name: NonEmptyText(200),
  role: NonEmptyText(200),
  email: z.string().trim().email({ message: 'must be an email address' }).nullable().default(null),
  phone: OptionalText(50),
});
export type TeamContactInput = z.infer<typeof TeamContactInput>;

export const KEY_DATE_KINDS = [
  'annual_review',
  'reevaluation',
  'progress_report',
  'meeting',
  'other',
] as const;
export const KeyDateInput = z.object({
  planId: IdSchema,
  kind: z.enum(KEY_DATE_KINDS),
  date: IsoDateSchema,
  label: OptionalText(200),
});
export type KeyDateInput = z.infer<typeof KeyDateInput>;
