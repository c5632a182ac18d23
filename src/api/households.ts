import { z } from 'zod';
import { IdSchema, NonEmptyText } from '../domain/common.ts';
import { PageQuery } from './common.ts';

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
  /**
   * Only when asked (`?expectHead=`): where the fingerprint the family wrote down stands in the journal
   * (src/domain/fingerprint.ts). Not found means the history up to it was changed, or it was copied wrong.
   */
  expectedHead: z
    .object({
      found: z.boolean(),
      /** The entry it names (1 is the first) and how many were added after it, when found. */
      seq: z.number().int().optional(),
      entriesSince: z.number().int().optional(),
      hash: z.string().optional(),
      entries: z.number().int(),
      ambiguous: z.boolean().optional(),
      message: z.string(),
    })
    .optional(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const VerifyQuery = z.object({
  expectHead: z
    .string()
    .max(200)
    .optional()
    .describe('A fingerprint (journal entry hash, or its first 12+ characters) written down earlier'),
});

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

/** The journal in order (seq), a page at a time: by `cursor`, or (as before) after a `seq`. */
export const JournalQuery = z
  .object({
    entity: z.string().optional(),
    entityId: z.string().optional(),
    afterSeq: z.coerce.number().int().min(0).optional(),
  })
  .extend(PageQuery.shape);

/** An import: the new household, and how many rows of each section it wrote. */
export const ImportResult = z.object({ householdId: z.string(), counts: z.record(z.string(), z.number()) });
