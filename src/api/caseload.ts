import { z } from 'zod';
import { CASELOAD_ROLES } from '../domain/caseload.ts';
import { IdSchema, IsoDateSchema } from '../domain/common.ts';
import { Instant } from './common.ts';

// The advocate's caseload (issue 18): one row per child of every household where the signed-in person
// is an owner or an advocate (one row with no child for a household with none), sorted by urgency
// (src/domain/caseload.ts).

export const CaseloadDeadline = z.object({
  date: IsoDateSchema,
  /** Days from today (0: today). */
  inDays: z.number().int(),
  /**
   * "annual_review": the plan's annual review date; "advisor": a deadline of a recommendation that a law
   * or guidance sets (a filing window, a meeting or records timeline; not a reply date of a setting).
   */
  kind: z.enum(['annual_review', 'advisor']),
  /** What the deadline is, as the advisor words it (in the reader's language); the plan's label for an annual review. */
  label: z.string().nullable(),
});
export type CaseloadDeadline = z.infer<typeof CaseloadDeadline>;

export const CaseloadRow = z
  .object({
    householdId: IdSchema,
    householdName: z.string(),
    role: z.enum(CASELOAD_ROLES),
    childId: IdSchema.nullable(),
    childFirstName: z.string().nullable(),
    /** Make-up minutes owed: the sum of the owed balances of the child's ledgers (every service, to today). */
    owedMinutes: z.number(),
    /**
     * The same sum as of 28 days ago (CASELOAD_TREND_DAYS), by today's record: owedMinutes minus this is
     * how the minutes owed moved in the last four weeks.
     */
    owedMinutesTrendStart: z.number(),
    /** Services the week summary flags as behind (delivered below its threshold of what was logged). */
    servicesBehind: z.number().int(),
    /** Messages whose reply is overdue (the communication status's reply clock). */
    repliesOverdue: z.number().int(),
    /** The nearest deadline on or after today, or null. */
    nextDeadline: CaseloadDeadline.nullable(),
    /** The household journal's latest entry, or null with none. */
    lastActivityAt: Instant.nullable(),
    /** The advisor's recommendations for the child today. */
    openAdvisorItems: z.number().int(),
    /** Overdue replies, or a deadline within 14 days (src/domain/caseload.ts). */
    urgent: z.boolean(),
  })
  .meta({ id: 'CaseloadRow' });
export type CaseloadRow = z.infer<typeof CaseloadRow>;

export const Caseload = z.array(CaseloadRow);
export type Caseload = z.infer<typeof Caseload>;
