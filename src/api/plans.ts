import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../domain/common.ts';
import { RecordParams } from './common.ts';
import { Accommodation, BehaviorStep, Goal, KeyDate, Plan, Service } from './records.ts';

// A plan's versions: each with its content and what changed from the version before.

export const PlanVersion = z.object({
  id: IdSchema,
  planId: IdSchema,
  versionNumber: z.number().int(),
  effectiveFrom: IsoDateSchema,
  effectiveTo: IsoDateSchema.nullable(),
  summary: z.string(),
  /** The document this version was read from (an attachment of the household), or null when typed in. */
  sourceAttachmentId: IdSchema.nullable(),
  createdAt: z.string(),
  isCurrent: z.boolean(),
});

/**
 * A version's content: what the plan said while it was in force (frozen at the amendment that ended
 * it; the current version's is live). Frozen content holds the records as they were then, so a
 * migration that adds a field to these tables must also give frozen snapshots its default.
 */
export const PlanContent = z.object({
  plan: Plan,
  services: z.array(Service),
  accommodations: z.array(Accommodation),
  goals: z.array(Goal),
  behaviorSteps: z.array(BehaviorStep),
  keyDates: z.array(KeyDate),
});

/** An item of a section added or removed, with the item as it stands in the version that has it. */
const itemChanges = <S extends string, T extends z.ZodType>(section: S, item: T) =>
  [
    z.object({ kind: z.literal('added'), section: z.literal(section), id: IdSchema, item }),
    z.object({ kind: z.literal('removed'), section: z.literal(section), id: IdSchema, item }),
  ] as const;

export const ContentChange = z.union([
  ...itemChanges('services', Service),
  ...itemChanges('accommodations', Accommodation),
  ...itemChanges('goals', Goal),
  ...itemChanges('behaviorSteps', BehaviorStep),
  ...itemChanges('keyDates', KeyDate),
  z.object({
    kind: z.literal('changed'),
    section: z.enum(['plan', 'services', 'accommodations', 'goals', 'behaviorSteps', 'keyDates']),
    id: IdSchema,
    /** Each field that differs, with its value before and after (of the field's own type). */
    fields: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  }),
]);

export const PlanVersionParams = RecordParams.extend({ versionNumber: z.coerce.number().int().min(1) });

export const PlanVersionDetail = PlanVersion.extend({
  content: PlanContent,
  changesFromPrevious: z.array(ContentChange),
});
export type PlanVersionDetail = z.infer<typeof PlanVersionDetail>;
