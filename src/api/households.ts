import { z } from 'zod';
import { IdSchema, NonEmptyText } from '../domain/common.ts';

// Households, their journal, the paper trail's check (verify), and import.

export const HouseholdInput = z.object({ name: NonEmptyText(200) });

export const Household = z.object({
  id: IdSchema,
  name: z.string(),
  createdAt: z.string().meta({ format: 'date-time' }),
});
export type Household = z.infer<typeof Household>;

export const VerifyResult = z.object({
  householdId: z.string(),
  ok: z.boolean(),
  journal: z.object({
    entries: z.number(),
    /** The hash of the last entry: write it down (or keep a report) to notice a rewritten history later. */
    headHash: z.string().nullable(),
    problem: z
      .object({ seq: z.number(), entryId: z.string().nullable(), kind: z.string(), message: z.string() })
      .nullable(),
  }),
  /** Every record against the state its journal entries lead to (src/store/journal-replay.ts). */
  records: z.object({
    checked: z.number(),
    /** How many records differ; `problems` lists the first of them, one difference each. */
    differing: z.number(),
    problems: z.array(
      z.object({
        kind: z.enum([
          'changed',
          'not_in_journal',
          'deleted_in_journal',
          'missing',
          'changed_between_entries',
          'not_replayable',
          'unreadable',
        ]),
        table: z.string(),
        id: z.string(),
        /** The first field that differs, in API names (`minutesDelivered`). */
        field: z.string().nullable(),
        journalValue: z.unknown(),
        currentValue: z.unknown(),
        /** The journal entry that set the state the record should have. */
        seq: z.number().nullable(),
        message: z.string(),
      }),
    ),
  }),
  attachments: z.object({
    checked: z.number(),
    problems: z.array(z.object({ attachmentId: z.string(), filename: z.string(), message: z.string() })),
  }),
  /** Records of this household that name a record of another household (see cross-household.ts). */
  references: z.object({
    problems: z.array(
      z.object({
        entity: z.string(),
        id: z.string(),
        path: z.string(),
        targetId: z.string(),
        message: z.string(),
      }),
    ),
  }),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const JournalEntry = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  data: z.unknown(),
});

/** A household as listed for a signed-in user, with their role in it. */
export const HouseholdWithRole = Household.extend({ role: z.string() });

export const JournalQuery = z.object({
  entity: z.string().optional(),
  entityId: z.string().optional(),
  afterSeq: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** An import: the new household, and how many rows of each section it wrote. */
export const ImportResult = z.object({ householdId: z.string(), counts: z.record(z.string(), z.number()) });
