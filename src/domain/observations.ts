import { z } from 'zod';
import { ClockTimeSchema, IdSchema, IsoDateSchema, NonEmptyText, OptionalText } from './common.ts';
import {
  OBSERVATION_OUTCOMES,
  OBSERVATION_SETTINGS,
  OBSERVATION_SOURCES,
  TEACHER_KINDS,
} from './record-kinds.ts';

// What parents record about how the plan is carried out beyond therapy sessions: whether an
// accommodation was provided on a day, how a behavior incident was handled, the class timetable
// (to place pull-out services in time), and data points for goals.

// The outcomes, settings, teachers and sources are src/domain/record-kinds.ts's (zod-free, for the web).
export {
  OBSERVATION_OUTCOMES,
  OBSERVATION_SETTINGS,
  OBSERVATION_SOURCES,
  TEACHER_KINDS,
} from './record-kinds.ts';

/** Files kept as evidence for a record (ids of the household's attachments). */
const AttachmentIds = z
  .array(IdSchema)
  .max(20, { message: 'at most 20 files per record' })
  .refine((ids) => new Set(ids).size === ids.length, {
    message: 'lists the same file twice',
    params: { rule: 'files.twice' },
  })
  .default([]);

/**
 * The person recording it confirms the date although the school calendar shows no school that day;
 * without it such a date is refused (src/domain/school-days.ts). Kept on the record.
 */
const NonSchoolDayConfirmed = z.boolean().default(false);

export const AccommodationObservationInput = z.object({
  accommodationId: IdSchema,
  date: IsoDateSchema,
  outcome: z.enum(OBSERVATION_OUTCOMES),
  className: OptionalText(100),
  setting: z.enum(OBSERVATION_SETTINGS).nullable().default(null),
  teacherKind: z.enum(TEACHER_KINDS).default('unknown'),
  staffName: OptionalText(200),
  source: z.enum(OBSERVATION_SOURCES),
  note: OptionalText(5000),
  attachmentIds: AttachmentIds,
  nonSchoolDayConfirmed: NonSchoolDayConfirmed,
});
export type AccommodationObservationInput = z.infer<typeof AccommodationObservationInput>;

export const BehaviorIncidentInput = z.object({
  planId: IdSchema,
  date: IsoDateSchema,
  summary: NonEmptyText(5000),
  /** Ids of the plan's behavior steps that staff followed, and those they skipped. */
  stepsFollowed: z.array(IdSchema).max(50).default([]),
  stepsSkipped: z.array(IdSchema).max(50).default([]),
  rewardUsed: z.boolean().nullable().default(null),
  consequenceContradicted: z.boolean().nullable().default(null),
  source: z.enum(OBSERVATION_SOURCES),
  note: OptionalText(5000),
  attachmentIds: AttachmentIds,
  nonSchoolDayConfirmed: NonSchoolDayConfirmed,
});
export type BehaviorIncidentInput = z.infer<typeof BehaviorIncidentInput>;

const Time = ClockTimeSchema;

export const ClassPeriodFields = z.object({
  childId: IdSchema,
  weekday: z.number().int().min(1).max(7),
  startTime: Time,
  endTime: Time,
  className: NonEmptyText(100),
  teacher: OptionalText(200),
});
export const ClassPeriodInput = ClassPeriodFields.superRefine((p, ctx) => {
  if (p.endTime <= p.startTime)
    ctx.addIssue({
      code: 'custom',
      path: ['endTime'],
      message: `must be after startTime (${p.startTime})`,
      params: { rule: 'classPeriod.endBeforeStart', startTime: p.startTime },
    });
});
export type ClassPeriodInput = z.infer<typeof ClassPeriodInput>;

export const GOAL_PROGRESS_SOURCES = [
  'progress_report',
  'observation',
  'work_sample',
  'teacher',
  'parent',
] as const;

export const GoalProgressInput = z.object({
  goalId: IdSchema,
  date: IsoDateSchema,
  /** As reported ("68 words correct per minute", "4 of 5 trials"). */
  value: NonEmptyText(500),
  /** The number, when there is one, for trends and flags. */
  numericValue: z.number().finite().nullable().default(null),
  source: z.enum(GOAL_PROGRESS_SOURCES),
  note: OptionalText(5000),
  attachmentIds: AttachmentIds,
});
export type GoalProgressInput = z.infer<typeof GoalProgressInput>;

/** What a work sample shows about one accommodation the plan expects. */
export const WORK_SAMPLE_CHECK_OUTCOMES = ['provided', 'partly', 'not_provided'] as const;

export const WorkSampleFields = z.object({
  childId: IdSchema,
  date: IsoDateSchema,
  title: NonEmptyText(200),
  className: OptionalText(100),
  setting: z.enum(OBSERVATION_SETTINGS).nullable().default(null),
  teacherKind: z.enum(TEACHER_KINDS).default('unknown'),
  attachmentIds: z
    .array(IdSchema)
    .min(1, { message: 'attach at least one photo or PDF of the work' })
    .max(20, { message: 'at most 20 files per work sample' }),
  /** For each expected accommodation the parent looked for: does the work show it? */
  accommodationChecks: z
    .array(z.object({ accommodationId: IdSchema, outcome: z.enum(WORK_SAMPLE_CHECK_OUTCOMES) }))
    .max(50)
    .default([]),
  /** Goals this work is evidence of progress toward. */
  goalIds: z.array(IdSchema).max(20).default([]),
  note: OptionalText(5000),
});
export const WorkSampleInput = WorkSampleFields.superRefine((w, ctx) => {
  const seen = new Set<string>();
  w.accommodationChecks.forEach((c, i) => {
    if (seen.has(c.accommodationId))
      ctx.addIssue({
        code: 'custom',
        path: ['accommodationChecks', i, 'accommodationId'],
        message: 'is listed twice',
        params: { rule: 'list.twice' },
      });
    seen.add(c.accommodationId);
  });
  if (new Set(w.attachmentIds).size !== w.attachmentIds.length)
    ctx.addIssue({
      code: 'custom',
      path: ['attachmentIds'],
      message: 'lists the same file twice',
      params: { rule: 'files.twice' },
    });
  if (new Set(w.goalIds).size !== w.goalIds.length)
    ctx.addIssue({
      code: 'custom',
      path: ['goalIds'],
      message: 'lists the same goal twice',
      params: { rule: 'workSample.goalTwice' },
    });
});
export type WorkSampleInput = z.infer<typeof WorkSampleInput>;
