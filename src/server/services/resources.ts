import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { RECORDS, type RecordPath } from '../../api/records.ts';
import { CommunicationFields, ParentNoteInput } from '../../domain/communications.ts';
import {
  AccommodationObservationInput,
  BehaviorIncidentInput,
  ClassPeriodFields,
  ClassPeriodInput,
  GoalProgressInput,
  WorkSampleFields,
  WorkSampleInput,
} from '../../domain/observations.ts';
import type { Permission } from '../../domain/permissions.ts';
import {
  AccommodationFields,
  AccommodationInput,
  BehaviorStepInput,
  ChildInput,
  GoalInput,
  KeyDateInput,
  PlanFields,
  PlanInput,
  TeamContactInput,
} from '../../domain/plan.ts';
import { SchoolAbsenceInput } from '../../domain/school-absences.ts';
import {
  CalendarEventFields,
  CalendarEventInput,
  SchoolCalendarFields,
  SchoolCalendarInput,
} from '../../domain/school-calendar-model.ts';
import { ServiceFields, ServiceInput } from '../../domain/service.ts';
import { absenceMarkedOn } from '../../store/calendars.repository.ts';
import type { Database } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { apiError, invalid } from '../errors.ts';
import { requireAttachments } from './attachments.ts';
import { checkCommunicationLinks, withDefaultReplyDate } from './communications.ts';
import { schoolDayTest } from './household-settings.ts';
import { alignFirstVersion, createFirstVersion } from './plan-first-version.ts';
import {
  refuseDeletingServiceInUse,
  requireBehaviorSteps,
  requireChildAccommodations,
  requireChildGoals,
} from './record-references.ts';
import { childOfAccommodation, childOfPlan, settleNonSchoolDay } from './school-days.ts';

export type ParentTable = 'child' | 'plan' | 'school_calendar' | 'accommodation' | 'goal';

type Contract<P extends RecordPath> = (typeof RECORDS)[P];
/** A record of type P as served and exported: its contract's output schema (src/api/records.ts). */
export type RecordOf<P extends RecordPath = RecordPath> = z.output<Contract<P>['output']>;
/** The fields of a record of type P as the service checks them (the input schema's output). */
export type FieldsOf<P extends RecordPath = RecordPath> = z.output<Contract<P>['fields']>;
/** A flat record by field name, before a definition's reshaping: what the generic code handles. */
export type LooseRecord = Record<string, unknown>;

/**
 * A plain record of a household: created, read, listed, changed and (for some) deleted through
 * the generic record service, with a journal entry for every change. `P` is its URL segment, which
 * names its contract (src/api/records.ts), so the records it gives come out typed (`RecordOf<P>`).
 * `F` and `R` are the record's fields and served record as its hooks see them; the record service
 * itself handles every type alike, by field name (`LooseRecord`).
 */
export type ResourceDef<P extends RecordPath = RecordPath, F = FieldsOf<P>, R = RecordOf<P>> = {
  /** Journal entity name and the word used in messages. */
  entity: string;
  label: string;
  table: keyof Database & string;
  /** URL segment under /api/households/:householdId/. */
  path: P;
  tag: string;
  fields: Contract<P>['fields'];
  input: z.ZodType<FieldsOf<P>>;
  /**
   * Who may create, change and void it (the role table, src/domain/permissions.ts). Reading takes
   * `plan.read` and deleting `record.delete`, for every type.
   */
  permission: Permission;
  /** The record that owns this one; it must exist in the same household. It cannot change later. */
  parent: { key: string; table: ParentTable; label: string } | null;
  /** Query filters for listing (API field names). */
  filters: string[];
  /** API fields stored as JSON text. */
  jsonFields: string[];
  /** Reshape between the API object and the flat row object (before camel/snake mapping). */
  toApi?: (record: LooseRecord) => LooseRecord;
  fromApi?: (record: LooseRecord) => LooseRecord;
  /** List filters matched against a JSON array column (`goalId` finds records whose goalIds hold it). */
  containsFilters?: Record<string, string>;
  /**
   * Checks against the parent's stored row (snake_case columns), on create and change: a service
   * lies within its plan's dates, a calendar day within its school year.
   */
  checkParent?(record: F, parent: LooseRecord): void;
  /**
   * Checks against other records, inside the write's transaction: ids listed in the record (files,
   * behavior steps, goals) must belong to this household and to the right plan or child.
   */
  validate?(trx: Transaction<Database>, householdId: string, record: F): Promise<void>;
  /** Fill defaults that depend on other records (a reply date from the school calendar), on create. */
  prepare?(trx: Transaction<Database>, householdId: string, record: LooseRecord): Promise<LooseRecord>;
  /**
   * Checks the record's date against the school calendar when it is set (on create, and on a change
   * of date), and completes the stored confirmation (src/server/services/school-days.ts). `update` is
   * the stored record and the fields the request changes, on a change; null on create.
   */
  settle?(
    trx: Transaction<Database>,
    householdId: string,
    record: LooseRecord,
    update: { before: LooseRecord; changes: LooseRecord } | null,
  ): Promise<LooseRecord>;
  /** After a create, in its transaction (a plan's first version). */
  afterCreate?(trx: Transaction<Database>, ctx: ServiceContext, record: R): Promise<void>;
  /** After a change, in its transaction (a plan's first version follows the plan's dates). */
  afterUpdate?(trx: Transaction<Database>, ctx: ServiceContext, before: R, after: R): Promise<void>;
  /** Before a delete, in its transaction: may refuse it (a service with session entries stays). */
  beforeDelete?(trx: Transaction<Database>, ctx: ServiceContext, record: R): Promise<void>;
  orderBy: string[];
  deletable: boolean;
  /**
   * A record that can be voided as logged by mistake (migration 0009): it stays, flagged, and counts
   * nowhere. Voiding is a change with its journal entry, not a deletion (`setRecordVoided`).
   */
  voidable?: true;
  /** Part of a plan's content, frozen into a version snapshot at an amendment. */
  planContent?: 'services' | 'accommodations' | 'goals' | 'behaviorSteps' | 'keyDates';
};

/** The generic record service's view of any definition: every type alike, by field name. */
export type AnyResourceDef = ResourceDef<RecordPath, LooseRecord, LooseRecord & { id: string }>;

/** A definition, typed by its URL segment (so its hooks see its own fields). */
function resource<P extends RecordPath>(def: ResourceDef<P>): ResourceDef<P> {
  return def;
}

/** A record as served and exported: the API contract's schema of its type (src/api/records.ts). */
export function outputSchema<P extends RecordPath>(def: ResourceDef<P>): Contract<P>['output'] {
  return RECORDS[def.path].output;
}

export const RESOURCES = {
  child: resource({
    entity: 'child',
    label: 'Child',
    table: 'child',
    path: 'children',
    tag: 'Children',
    permission: 'plan.write',
    fields: ChildInput,
    input: ChildInput,
    parent: null,
    filters: [],
    jsonFields: [],
    orderBy: ['created_at', 'id'],
    deletable: false,
  }),
  plan: resource({
    entity: 'plan',
    label: 'Plan',
    table: 'plan',
    path: 'plans',
    tag: 'Plans',
    permission: 'plan.write',
    fields: PlanFields,
    input: PlanInput,
    parent: { key: 'childId', table: 'child', label: 'Child' },
    filters: ['childId'],
    jsonFields: ['reasonPolicy'],
    toApi: ({ country, region, ...rest }) => ({ ...rest, jurisdiction: { country, region } }),
    fromApi: ({ jurisdiction, ...rest }) => {
      const j = jurisdiction as { country: string; region: string | null } | undefined;
      return j ? { ...rest, country: j.country, region: j.region } : rest;
    },
    // A plan opens with its first version, which follows the plan's dates until an amendment.
    afterCreate: (trx, ctx, plan) => createFirstVersion(trx, ctx, plan),
    afterUpdate: (trx, ctx, before, after) => alignFirstVersion(trx, ctx, before, after),
    orderBy: ['effective_from', 'id'],
    deletable: false,
  }),
  service: resource({
    entity: 'service',
    label: 'Service',
    table: 'service',
    path: 'services',
    tag: 'Plan content',
    permission: 'plan.write',
    fields: ServiceFields,
    input: ServiceInput,
    parent: { key: 'planId', table: 'plan', label: 'Plan' },
    filters: ['planId'],
    jsonFields: ['segments', 'esyBlocks'],
    checkParent: (service, plan) => {
      const from = plan.effective_from as string;
      const to = plan.effective_to as string;
      if (service.startDate < from)
        throw invalid('startDate', `must not be before the plan starts (${from})`, {
          rule: 'plan.beforeStart',
          values: { start: from },
        });
      if (service.endDate > to)
        throw invalid('endDate', `must not be after the plan ends (${to})`, {
          rule: 'plan.afterEnd',
          values: { end: to },
        });
    },
    beforeDelete: (trx, ctx, service) => refuseDeletingServiceInUse(trx, ctx.householdId, service.id),
    orderBy: ['created_at', 'id'],
    deletable: true,
    planContent: 'services',
  }),
  accommodation: resource({
    entity: 'accommodation',
    label: 'Accommodation',
    table: 'accommodation',
    path: 'accommodations',
    tag: 'Plan content',
    permission: 'plan.write',
    fields: AccommodationFields,
    input: AccommodationInput,
    parent: { key: 'planId', table: 'plan', label: 'Plan' },
    filters: ['planId'],
    jsonFields: [],
    orderBy: ['created_at', 'id'],
    deletable: true,
    planContent: 'accommodations',
  }),
  goal: resource({
    entity: 'goal',
    label: 'Goal',
    table: 'goal',
    path: 'goals',
    tag: 'Plan content',
    permission: 'plan.write',
    fields: GoalInput,
    input: GoalInput,
    parent: { key: 'planId', table: 'plan', label: 'Plan' },
    filters: ['planId'],
    jsonFields: [],
    orderBy: ['created_at', 'id'],
    deletable: true,
    planContent: 'goals',
  }),
  behaviorStep: resource({
    entity: 'behavior_step',
    label: 'Behavior-plan step',
    table: 'behavior_step',
    path: 'behavior-steps',
    tag: 'Plan content',
    permission: 'plan.write',
    fields: BehaviorStepInput,
    input: BehaviorStepInput,
    parent: { key: 'planId', table: 'plan', label: 'Plan' },
    filters: ['planId'],
    jsonFields: [],
    orderBy: ['position', 'created_at', 'id'],
    deletable: true,
    planContent: 'behaviorSteps',
  }),
  keyDate: resource({
    entity: 'key_date',
    label: 'Key date',
    table: 'key_date',
    path: 'key-dates',
    tag: 'Plan content',
    permission: 'plan.write',
    fields: KeyDateInput,
    input: KeyDateInput,
    parent: { key: 'planId', table: 'plan', label: 'Plan' },
    filters: ['planId'],
    jsonFields: [],
    orderBy: ['date', 'id'],
    deletable: true,
    planContent: 'keyDates',
  }),
  teamContact: resource({
    entity: 'team_contact',
    label: 'Team contact',
    table: 'team_contact',
    path: 'team-contacts',
    tag: 'Team',
    permission: 'plan.write',
    fields: TeamContactInput,
    input: TeamContactInput,
    parent: { key: 'childId', table: 'child', label: 'Child' },
    filters: ['childId'],
    jsonFields: [],
    orderBy: ['created_at', 'id'],
    deletable: true,
  }),
  calendar: resource({
    entity: 'school_calendar',
    label: 'School calendar',
    table: 'school_calendar',
    path: 'calendars',
    tag: 'School calendar',
    permission: 'plan.write',
    fields: SchoolCalendarFields,
    input: SchoolCalendarInput,
    parent: { key: 'childId', table: 'child', label: 'Child' },
    filters: ['childId'],
    jsonFields: ['schoolWeekdays', 'terms'],
    orderBy: ['first_day', 'id'],
    deletable: false,
    // A new calendar without terms leaves the column to its default ('[]'), so the insert also fits a
    // database at an earlier migration (the upgrade tests seed one with this code). An update writes them.
    fromApi: ({ terms, ...rest }) =>
      rest.createdAt !== undefined && Array.isArray(terms) && terms.length === 0 ? rest : { ...rest, terms },
  }),
  calendarEvent: resource({
    entity: 'calendar_event',
    label: 'Calendar day',
    table: 'calendar_event',
    path: 'calendar-events',
    tag: 'School calendar',
    permission: 'plan.write',
    fields: CalendarEventFields,
    input: CalendarEventInput,
    parent: { key: 'calendarId', table: 'school_calendar', label: 'School calendar' },
    filters: ['calendarId'],
    jsonFields: [],
    checkParent: (day, calendar) => {
      const first = calendar.first_day as string;
      const last = calendar.last_day as string;
      const end = day.endDate ?? day.startDate;
      if (day.startDate < first || day.startDate > last) {
        throw invalid('startDate', `must fall within the school year (${first} to ${last})`, {
          rule: 'schoolYear.outside',
          values: { first, last },
        });
      }
      if (end > last)
        throw invalid('endDate', `must fall within the school year (${first} to ${last})`, {
          rule: 'schoolYear.outside',
          values: { first, last },
        });
    },
    orderBy: ['start_date', 'id'],
    deletable: true,
  }),
  accommodationObservation: resource({
    entity: 'accommodation_observation',
    label: 'Accommodation observation',
    table: 'accommodation_observation',
    path: 'accommodation-observations',
    tag: 'Observations',
    permission: 'plan.write',
    fields: AccommodationObservationInput,
    input: AccommodationObservationInput,
    parent: { key: 'accommodationId', table: 'accommodation', label: 'Accommodation' },
    filters: ['accommodationId'],
    jsonFields: ['attachmentIds'],
    validate: (trx, householdId, r) => requireAttachments(trx, householdId, r.attachmentIds),
    settle: (trx, householdId, r, update) =>
      settleRecordDate(trx, householdId, r, update, 'observation', () =>
        childOfAccommodation(trx, householdId, r.accommodationId as string),
      ),
    toApi: ({ nonSchoolDayConfirmed, ...rest }) => ({
      ...rest,
      nonSchoolDayConfirmed: Number(nonSchoolDayConfirmed) === 1,
    }),
    fromApi: ({ nonSchoolDayConfirmed, ...rest }) => ({
      ...rest,
      ...nonSchoolDayRow(nonSchoolDayConfirmed),
    }),
    orderBy: ['date', 'id'],
    deletable: true,
    voidable: true,
  }),
  behaviorIncident: resource({
    entity: 'behavior_incident',
    label: 'Behavior incident',
    table: 'behavior_incident',
    path: 'behavior-incidents',
    tag: 'Observations',
    permission: 'plan.write',
    fields: BehaviorIncidentInput,
    input: BehaviorIncidentInput,
    parent: { key: 'planId', table: 'plan', label: 'Plan' },
    filters: ['planId'],
    jsonFields: ['stepsFollowed', 'stepsSkipped', 'attachmentIds'],
    validate: async (trx, householdId, r) => {
      await requireBehaviorSteps(trx, householdId, r);
      await requireAttachments(trx, householdId, r.attachmentIds);
    },
    settle: (trx, householdId, r, update) =>
      settleRecordDate(trx, householdId, r, update, 'incident', () =>
        childOfPlan(trx, householdId, r.planId as string),
      ),
    toApi: ({ rewardUsed, consequenceContradicted, nonSchoolDayConfirmed, ...rest }) => ({
      ...rest,
      rewardUsed: fromFlag(rewardUsed),
      consequenceContradicted: fromFlag(consequenceContradicted),
      nonSchoolDayConfirmed: Number(nonSchoolDayConfirmed) === 1,
    }),
    fromApi: ({ rewardUsed, consequenceContradicted, nonSchoolDayConfirmed, ...rest }) => ({
      ...rest,
      ...(rewardUsed === undefined ? {} : { rewardUsed: toFlag(rewardUsed) }),
      ...(consequenceContradicted === undefined
        ? {}
        : { consequenceContradicted: toFlag(consequenceContradicted) }),
      ...nonSchoolDayRow(nonSchoolDayConfirmed),
    }),
    orderBy: ['date', 'id'],
    deletable: true,
    voidable: true,
  }),
  classPeriod: resource({
    entity: 'class_period',
    label: 'Class period',
    table: 'class_period',
    path: 'class-periods',
    tag: 'Observations',
    permission: 'plan.write',
    fields: ClassPeriodFields,
    input: ClassPeriodInput,
    parent: { key: 'childId', table: 'child', label: 'Child' },
    filters: ['childId'],
    jsonFields: [],
    orderBy: ['weekday', 'start_time', 'id'],
    deletable: true,
  }),
  goalProgress: resource({
    entity: 'goal_progress',
    label: 'Goal progress point',
    table: 'goal_progress',
    path: 'goal-progress',
    tag: 'Observations',
    permission: 'plan.write',
    fields: GoalProgressInput,
    input: GoalProgressInput,
    parent: { key: 'goalId', table: 'goal', label: 'Goal' },
    filters: ['goalId'],
    jsonFields: ['attachmentIds'],
    validate: (trx, householdId, r) => requireAttachments(trx, householdId, r.attachmentIds),
    toApi: ({ numericValue, ...rest }) => ({
      ...rest,
      numericValue: numericValue == null ? null : Number(numericValue),
    }),
    orderBy: ['date', 'id'],
    deletable: true,
  }),
  workSample: resource({
    entity: 'work_sample',
    label: 'Work sample',
    table: 'work_sample',
    path: 'work-samples',
    tag: 'Observations',
    permission: 'plan.write',
    fields: WorkSampleFields,
    input: WorkSampleInput,
    parent: { key: 'childId', table: 'child', label: 'Child' },
    filters: ['childId'],
    containsFilters: { goalId: 'goal_ids' },
    jsonFields: ['attachmentIds', 'accommodationChecks', 'goalIds'],
    validate: async (trx, householdId, r) => {
      await requireAttachments(trx, householdId, r.attachmentIds);
      await requireChildAccommodations(
        trx,
        householdId,
        r.childId,
        r.accommodationChecks.map((c) => c.accommodationId),
        'accommodationChecks',
        'accommodationId',
      );
      await requireChildGoals(trx, householdId, r.childId, r.goalIds);
    },
    orderBy: ['date', 'id'],
    deletable: true,
    voidable: true,
  }),
  communication: resource({
    entity: 'communication',
    label: 'Communication',
    table: 'communication',
    path: 'communications',
    tag: 'Communications',
    permission: 'plan.write',
    fields: CommunicationFields,
    input: CommunicationFields,
    parent: { key: 'childId', table: 'child', label: 'Child' },
    filters: ['childId'],
    jsonFields: ['contactIds', 'attachmentIds'],
    toApi: ({ closedWithoutReply, ...rest }) => ({
      ...rest,
      closedWithoutReply: Number(closedWithoutReply) === 1,
    }),
    fromApi: ({ closedWithoutReply, ...rest }) => ({
      ...rest,
      ...(closedWithoutReply === undefined ? {} : { closedWithoutReply: closedWithoutReply ? 1 : 0 }),
    }),
    prepare: withDefaultReplyDate,
    validate: checkCommunicationLinks,
    orderBy: ['date', 'created_at', 'id'],
    deletable: true,
    voidable: true,
  }),
  schoolAbsence: resource({
    entity: 'school_absence',
    label: 'School absence',
    table: 'school_absence',
    path: 'school-absences',
    tag: 'School calendar',
    permission: 'plan.write',
    fields: SchoolAbsenceInput,
    input: SchoolAbsenceInput,
    parent: { key: 'childId', table: 'child', label: 'Child' },
    filters: ['childId'],
    jsonFields: [],
    settle: settleSchoolAbsence,
    orderBy: ['date', 'id'],
    deletable: true,
  }),
  parentNote: resource({
    entity: 'parent_note',
    label: 'Note',
    table: 'parent_note',
    path: 'parent-notes',
    tag: 'Communications',
    permission: 'note.write',
    fields: ParentNoteInput,
    input: ParentNoteInput,
    parent: { key: 'childId', table: 'child', label: 'Child' },
    filters: ['childId'],
    jsonFields: [],
    orderBy: ['date', 'id'],
    deletable: true,
  }),
} satisfies Record<string, ResourceDef>;

/**
 * A school absence is on a school day (there is no school to miss on a weekend or a holiday), and one
 * per child and day: checked when the date is set, on create and on a change of date.
 */
async function settleSchoolAbsence(
  trx: Transaction<Database>,
  householdId: string,
  record: Record<string, unknown>,
  update: { before: Record<string, unknown>; changes: Record<string, unknown> } | null,
): Promise<Record<string, unknown>> {
  if (update && update.before.date === record.date) return record;
  const childId = record.childId as string;
  const date = record.date as string;
  if (!(await schoolDayTest(trx, householdId, childId))(date))
    throw invalid(
      'date',
      `${date} is not a school day on the child's calendar: there was no school to miss`,
      { rule: 'absence.noSchool', values: { date } },
    );
  if (await absenceMarkedOn(trx, householdId, childId, date))
    throw apiError('conflict', 'absence.already', { date }, [
      { path: 'date', message: `${date} is already marked as a school absence` },
    ]);
  return record;
}

/**
 * An observation's or an incident's date on a day with no school needs the confirmation when it is
 * set: on create, and when a change moves the record to another date. A change that keeps the date
 * keeps the stored flag, so a record accepted before (or imported) stays valid even if the calendar
 * has changed since.
 */
async function settleRecordDate(
  trx: Transaction<Database>,
  householdId: string,
  record: Record<string, unknown>,
  update: { before: Record<string, unknown>; changes: Record<string, unknown> } | null,
  kind: 'observation' | 'incident',
  childOf: () => Promise<string | null>,
): Promise<Record<string, unknown>> {
  if (update && update.before.date === record.date)
    return { ...record, nonSchoolDayConfirmed: update.before.nonSchoolDayConfirmed };
  const childId = await childOf();
  if (!childId) return { ...record, nonSchoolDayConfirmed: false };
  // A new date needs its own confirmation: the stored one was for the old date.
  const confirmed = update
    ? update.changes.nonSchoolDayConfirmed === true
    : record.nonSchoolDayConfirmed === true;
  const settled = await settleNonSchoolDay(
    trx,
    householdId,
    childId,
    record.date as string,
    { kind },
    confirmed,
  );
  return { ...record, nonSchoolDayConfirmed: settled };
}

// Yes/no/unknown answers are stored as 1, 0 or null, which both databases read back identically.
/** "It happened on a day with no school" as stored (1 or 0), when a change sends it. */
function nonSchoolDayRow(confirmed: unknown): { nonSchoolDayConfirmed?: number } {
  return confirmed === undefined ? {} : { nonSchoolDayConfirmed: confirmed ? 1 : 0 };
}
function toFlag(value: unknown): number | null {
  return value == null ? null : value ? 1 : 0;
}
function fromFlag(value: unknown): boolean | null {
  return value == null ? null : Number(value) === 1;
}

export type ResourceName = keyof typeof RESOURCES;
