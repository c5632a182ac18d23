import { z } from 'zod';
import { IdSchema } from '../domain/common.ts';
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
  }),
});
