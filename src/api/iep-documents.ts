import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../domain/common.ts';
import { IepDraft } from '../domain/iep-draft.ts';
import { RECORDS } from './records.ts';

// Starting from the IEP or 504 plan document (issue 16): the file is held apart from the record while
// it is read (off the request, in a child process) and reviewed; "Save the plan" saves the reviewed
// plan, its content and the file (as evidence) in one transaction.

export const IEP_DOCUMENT_STATUSES = ['reading', 'read', 'failed'] as const;

export const IepDocument = z.object({
  id: IdSchema,
  householdId: IdSchema,
  childId: IdSchema,
  filename: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** reading: the server is reading it; read: the draft is ready; failed: `error` says why. */
  status: z.enum(IEP_DOCUMENT_STATUSES),
  draft: IepDraft.nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  /** Removed then unless the plan is saved from it. */
  expiresAt: z.string(),
});
export type IepDocument = z.infer<typeof IepDocument>;

/** A page of a document (1-based), drawn as an image for the review screen. */
export const IepDocumentPageParams = z.object({
  householdId: IdSchema,
  id: IdSchema,
  page: z.coerce.number().int().min(1).max(100_000),
});

export const IepDocumentQuery = z.object({
  filename: z.string().max(255).default('plan.pdf'),
});

const items = <T extends z.ZodType>(schema: T, max: number) => z.array(schema).max(max).default([]);

/**
 * The plan as the parent reviewed it: each list holds the items the parent kept, as edited; the
 * server checks each with the same rules as adding it by hand (a field's path names its place, as
 * `services.2.segments.0.minutes`).
 */
export const PlanFromDocumentInput = z
  .object({
    plan: RECORDS.plans.fields.omit({ childId: true }),
    services: items(RECORDS.services.fields.omit({ planId: true }), 60),
    accommodations: items(RECORDS.accommodations.fields.omit({ planId: true }), 300),
    goals: items(RECORDS.goals.fields.omit({ planId: true }), 100),
    keyDates: items(RECORDS['key-dates'].fields.omit({ planId: true }), 30),
    team: items(RECORDS['team-contacts'].fields.omit({ childId: true }), 60),
    /** The behavior plan's steps kept (trigger, strategy, reward, response). */
    behaviorSteps: items(RECORDS['behavior-steps'].fields.omit({ planId: true }), 200),
  })
  .strict();

export const PlanFromDocumentResult = z.object({
  planId: IdSchema,
  /** The document, kept as the plan's evidence. */
  attachmentId: IdSchema,
  saved: z.object({
    services: z.number().int(),
    accommodations: z.number().int(),
    goals: z.number().int(),
    keyDates: z.number().int(),
    team: z.number().int(),
    behaviorSteps: z.number().int(),
  }),
});

/**
 * "Read a new version of the IEP": the items the parent kept from the new document, and the amendment
 * they make to a plan in force (a new version from `effectiveFrom`). The server compares them with the
 * plan's current content by the same rule the review page shows (src/domain/iep-compare.ts).
 */
export const AmendmentFromDocumentInput = PlanFromDocumentInput.omit({ plan: true })
  .extend({
    planId: IdSchema,
    effectiveFrom: IsoDateSchema,
    /** Items of the plan the new document leaves out that the parent keeps (it shows only some pages). */
    keepIds: z.array(IdSchema).max(500).default([]),
    /** What was agreed, in the parent's words; the comparison's summary when left out. */
    summary: z.string().trim().max(2000).nullable().default(null),
  })
  .strict();

export const AmendmentFromDocumentResult = z.object({
  planId: IdSchema,
  versionNumber: z.number().int(),
  effectiveFrom: IsoDateSchema,
  summary: z.string(),
  /** The new document, kept as the new version's source. */
  attachmentId: IdSchema,
  /** Items the new document leaves out that stay in the plan, and why. */
  kept: z.array(
    z.object({
      section: z.enum(['services', 'accommodations', 'goals', 'behaviorSteps']),
      id: IdSchema,
      text: z.string(),
      reason: z.string(),
    }),
  ),
});
