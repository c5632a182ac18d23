import { z } from 'zod';
import { IdSchema, OptionalText } from '../domain/common.ts';
import { CommunicationFields, ParentNoteInput } from '../domain/communications.ts';
import {
  AccommodationObservationInput,
  BehaviorIncidentInput,
  ClassPeriodFields,
  GoalProgressInput,
  WorkSampleFields,
} from '../domain/observations.ts';
import {
  AccommodationFields,
  BehaviorStepInput,
  ChildInput,
  GoalInput,
  KeyDateInput,
  PlanFields,
  TeamContactInput,
} from '../domain/plan.ts';
import { SchoolAbsenceInput } from '../domain/school-absences.ts';
import { CalendarEventFields, SchoolCalendarFields } from '../domain/school-calendar-model.ts';
import { ServiceFields } from '../domain/service.ts';
import { PageQuery, recordMeta, voidMeta } from './common.ts';

// The plain records of a household, served by the generic record routes
// (/api/households/:householdId/<path>): for each type, the fields a client sends (the domain's own
// schema), the record as served (those fields, the record's id, household and times, and for a record
// that can be voided who voided it), the list filters, and the body of a change. The record service
// (src/server/services/resources.ts) reads the same fields schema; the routes check at start-up that
// both name the same schema and the same filters.

type Fields = z.ZodObject<z.ZodRawShape>;

/** A page of a record list, in the list's order (`asc`, as it always was) or the reverse (`desc`). */
export const RecordPageQuery = PageQuery.extend({
  order: z
    .enum(['asc', 'desc'])
    .default('asc')
    .describe("asc: the list's own order (by date, or as created, then id); desc: the reverse"),
});

function recordType<F extends Fields, V extends boolean>(
  fields: F,
  options: { parentKey: string | null; filters: string[]; voidable: V },
) {
  const output = (
    options.voidable ? fields.extend({ ...recordMeta, ...voidMeta }) : fields.extend(recordMeta)
  ) as V extends true
    ? z.ZodObject<F['shape'] & typeof recordMeta & typeof voidMeta>
    : z.ZodObject<F['shape'] & typeof recordMeta>;
  return {
    fields,
    output,
    /** List filters: ids of the parent (or of a record listed in a JSON column, `goalId`). */
    filters: options.filters,
    /** The list's query: its filters, then a page (`limit`, `cursor`) and its direction (`order`). */
    query: z.object({
      ...Object.fromEntries(options.filters.map((f) => [f, IdSchema.optional()])),
      ...RecordPageQuery.shape,
    }),
    patch: patchOf(fields, options.parentKey),
    parentKey: options.parentKey,
    voidable: options.voidable,
  };
}

/** The body of a PATCH: any subset of the fields, without defaults, and never the parent. */
export function patchOf(fields: Fields, parentKey: string | null) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(fields.shape as Record<string, z.ZodType>)) {
    if (parentKey === key) continue;
    const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
    shape[key] = inner.optional();
  }
  return z.object(shape).strict();
}

/** Every record type by its URL segment. */
export const RECORDS = {
  children: recordType(ChildInput, { parentKey: null, filters: [], voidable: false }),
  plans: recordType(PlanFields, { parentKey: 'childId', filters: ['childId'], voidable: false }),
  services: recordType(ServiceFields, { parentKey: 'planId', filters: ['planId'], voidable: false }),
  accommodations: recordType(AccommodationFields, {
    parentKey: 'planId',
    filters: ['planId'],
    voidable: false,
  }),
  goals: recordType(GoalInput, { parentKey: 'planId', filters: ['planId'], voidable: false }),
  'behavior-steps': recordType(BehaviorStepInput, {
    parentKey: 'planId',
    filters: ['planId'],
    voidable: false,
  }),
  'key-dates': recordType(KeyDateInput, { parentKey: 'planId', filters: ['planId'], voidable: false }),
  'team-contacts': recordType(TeamContactInput, {
    parentKey: 'childId',
    filters: ['childId'],
    voidable: false,
  }),
  calendars: recordType(SchoolCalendarFields, {
    parentKey: 'childId',
    filters: ['childId'],
    voidable: false,
  }),
  'calendar-events': recordType(CalendarEventFields, {
    parentKey: 'calendarId',
    filters: ['calendarId'],
    voidable: false,
  }),
  'accommodation-observations': recordType(AccommodationObservationInput, {
    parentKey: 'accommodationId',
    filters: ['accommodationId'],
    voidable: true,
  }),
  'behavior-incidents': recordType(BehaviorIncidentInput, {
    parentKey: 'planId',
    filters: ['planId'],
    voidable: true,
  }),
  'class-periods': recordType(ClassPeriodFields, {
    parentKey: 'childId',
    filters: ['childId'],
    voidable: false,
  }),
  'goal-progress': recordType(GoalProgressInput, {
    parentKey: 'goalId',
    filters: ['goalId'],
    voidable: false,
  }),
  'work-samples': recordType(WorkSampleFields, {
    parentKey: 'childId',
    filters: ['childId', 'goalId'],
    voidable: true,
  }),
  communications: recordType(CommunicationFields, {
    parentKey: 'childId',
    filters: ['childId'],
    voidable: true,
  }),
  'school-absences': recordType(SchoolAbsenceInput, {
    parentKey: 'childId',
    filters: ['childId'],
    voidable: false,
  }),
  'parent-notes': recordType(ParentNoteInput, {
    parentKey: 'childId',
    filters: ['childId'],
    voidable: false,
  }),
};
export type RecordPath = keyof typeof RECORDS;

// Each record as served, by name.
export const Child = RECORDS.children.output;
export const Plan = RECORDS.plans.output;
export const Service = RECORDS.services.output;
export const Accommodation = RECORDS.accommodations.output;
export const Goal = RECORDS.goals.output;
export const BehaviorStep = RECORDS['behavior-steps'].output;
export const KeyDate = RECORDS['key-dates'].output;
export const TeamContact = RECORDS['team-contacts'].output;
export const SchoolCalendar = RECORDS.calendars.output;
export const CalendarEvent = RECORDS['calendar-events'].output;
export const AccommodationObservation = RECORDS['accommodation-observations'].output;
export const BehaviorIncident = RECORDS['behavior-incidents'].output;
export const ClassPeriod = RECORDS['class-periods'].output;
export const GoalProgress = RECORDS['goal-progress'].output;
export const WorkSample = RECORDS['work-samples'].output;
export const Communication = RECORDS.communications.output;
export const SchoolAbsence = RECORDS['school-absences'].output;
export const ParentNote = RECORDS['parent-notes'].output;

/** Void a record as logged by mistake, or undo that void; either way with a note saying why. */
export const VoidInput = z
  .object({
    /** true: void it; false: undo the void (the record counts again). */
    voided: z.boolean().default(true),
    note: OptionalText(2000),
  })
  .strict();
