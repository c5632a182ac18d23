import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../domain/common.ts';

// Shared pieces of the contract: the error response, the ids in URLs, the fields every record
// carries, and the common filters.

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z
        .array(
          z.object({
            path: z.string(),
            /** In the reader's language (the signed-in person's, else Accept-Language). */
            message: z.string(),
            /**
             * The validation rule refused ("too_small", "invalid_format"), when one was; "custom" for a
             * rule of the app's own, named in `params.rule`.
             */
            code: z.string().optional(),
            /** That rule's limits ({ minimum: 10, origin: "string" }), or a custom rule's name and values ({ rule: "term.overlaps", name: "Quarter 1", endDate: "2026-11-06" }). */
            params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
          }),
        )
        .optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });

/**
 * A sentence as catalog words (issue 17): a key of a catalog part the web app loads (its English is
 * the sentence the answer gives beside it) and its values; a value named `…Words` is the words of what
 * the sentence quotes, as JSON, said first.
 */
export const MessageWordsSchema = z.object({
  key: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** Standard error responses for documentation. */
export const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
} as const;

export const HouseholdParams = z.object({ householdId: IdSchema });

export const RecordParams = z.object({ householdId: IdSchema, id: IdSchema });

/**
 * A string the domain types as a union of names without a runtime list of them (advisor rules, ladder
 * steps, legal source ids): the contract documents it as a string and types it as the domain's union,
 * so a client switches over the same names. Where the domain exports the list, use z.enum instead.
 */
export const nameOf = <T extends string>() => z.string() as unknown as z.ZodType<T, T>;

/** An instant, ISO-8601 UTC. */
export const Instant = z.string().meta({ format: 'date-time' });

/** The fields every household record carries. */
export const recordMeta = {
  id: IdSchema,
  householdId: IdSchema,
  createdAt: Instant,
  updatedAt: Instant,
};

/** Who voided a record, when and why; null on a record in force. Older exports lack them: null. */
export const voidMeta = {
  voidedAt: Instant.nullable().default(null),
  /** `user:<id>`, like a session entry's recordedBy. */
  voidedBy: z.string().nullable().default(null),
  voidNote: z.string().nullable().default(null),
};

/** A list's page size when `limit` is left out, and the most one page may hold. */
export const PAGE_LIMIT_DEFAULT = 500;
export const PAGE_LIMIT_MAX = 1000;

/**
 * `?limit=&cursor=`: one page of a list that grows with use. The body stays an array; when more rows
 * follow, the response carries `X-Next-Cursor` and `Link: <...&cursor=...>; rel="next"`.
 */
export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_LIMIT_MAX)
    .default(PAGE_LIMIT_DEFAULT)
    .describe(`How many rows one page holds (1 to ${PAGE_LIMIT_MAX}; ${PAGE_LIMIT_DEFAULT} when left out)`),
  cursor: z
    .string()
    .max(2000)
    .optional()
    .describe('Where the page starts: the X-Next-Cursor header of the page before (opaque)'),
});

/** `?childId=`: one child's records, or (left out) the whole household's. */
export const ChildFilter = z.object({ childId: IdSchema.optional() });

/** `?childId=` with a page (`limit`, `cursor`). */
export const ChildPageQuery = ChildFilter.extend(PageQuery.shape);

/** `?asOf=`: the day an answer is computed for; left out, today. */
export const AsOfQuery = z.object({ asOf: IsoDateSchema.optional() });

/** `?date=`: the day (and its week) an answer is about; left out, today. */
export const DateQuery = z.object({ date: IsoDateSchema.optional() });
