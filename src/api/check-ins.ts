import { z } from 'zod';
import { RecordedAnswer, RecordedAs } from '../domain/check-in.ts';
import { IdSchema, IsoDateSchema } from '../domain/common.ts';

// The week's check-in: the questions written for the child, and the answers recorded with the
// record each became.

export const CheckInQuestionSchema = z.object({
  key: z.string(),
  kind: z.enum(['session', 'accommodation', 'behavior']),
  subjectId: IdSchema,
  date: IsoDateSchema.nullable(),
  ask: z.string(),
  followUp: z.string(),
  why: z.string(),
  className: z.string().nullable(),
  setting: z.string().nullable(),
});

export const CheckInQuestionsResponse = z.object({
  childId: IdSchema,
  childName: z.string(),
  date: IsoDateSchema,
  weekStart: IsoDateSchema,
  weekEnd: IsoDateSchema,
  planId: IdSchema.nullable(),
  /** School days of the week up to the check-in date (for choosing the day of a session). */
  schoolDays: z.array(IsoDateSchema),
  /**
   * The school days an answer may be about, newest first: from the Monday of the week before to the
   * check-in date (the range an answer accepts). The first is the default day of every answer: the last
   * school day on or before the check-in date, never a weekend or a day off. Empty without a calendar.
   */
  answerDays: z.array(IsoDateSchema),
  questions: z.array(CheckInQuestionSchema),
});
export type CheckInQuestionsResponse = z.infer<typeof CheckInQuestionsResponse>;

export { RecordedAs };

export const CheckInRecord = z
  .object({
    id: IdSchema,
    householdId: IdSchema,
    childId: IdSchema,
    date: IsoDateSchema,
    /** Each answer as sent, with the record it became (null: kept only in the check-in). */
    answers: z.array(RecordedAnswer),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CheckIn' });
export type CheckInRecord = z.infer<typeof CheckInRecord>;
