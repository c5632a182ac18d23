import { z } from 'zod';
import { IdSchema, IsoDateSchema, NonEmptyText, OptionalText } from './common.ts';

// What parents record about how the plan is carried out beyond therapy sessions: whether an
// accommodation was provided on a day, how a behavior incident was handled, the class timetable
// (to place pull-out services in time), and data points for goals.

export const OBSERVATION_OUTCOMES = ['provided', 'not_provided', 'partly', 'unknown'] as const;
export const OBSERVATION_SETTINGS = ['test', 'quiz', 'classwork', 'homework', 'other'] as const;
export const TEACHER_KINDS = ['regular', 'substitute', 'other_staff', 'unknown'] as const;
export const OBSERVATION_SOURCES = [
  'child_report',
  'work_sample',
  'teacher',
  'parent_saw',
  'school_record',
] as const;

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
});
export type BehaviorIncidentInput = z.infer<typeof BehaviorIncidentInput>;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time written as HH:MM' });

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
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: `must be after startTime (${p.startTime})` });
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
});
export type GoalProgressInput = z.infer<typeof GoalProgressInput>;
