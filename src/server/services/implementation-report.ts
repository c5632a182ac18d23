import type { Kysely } from 'kysely';
import type { ImplementationReport } from '../../api/reports.ts';
import { buildImplementationReport, type ReportInput } from '../../reports/implementation-report.ts';
import { attachmentsAmong } from '../../store/attachments.repository.ts';
import { childSummary, requireChild } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import type { Db } from '../../store/repository.ts';
import type { Database } from '../../store/schema.ts';
import { serviceSummary } from '../../store/services.repository.ts';
import { AppError } from '../errors.ts';
import { adviceForChild } from './advice.ts';
import { loadCommunications } from './communication-status.ts';
import { computeLedgers, type ServiceLedgerView } from './ledgers.ts';
import { childPatterns } from './patterns.ts';
import { firstProblem, verifyHousehold } from './verify.ts';

// The implementation report for one child and a date range: this gathers everything it is made
// from (the child's records, the ledgers, the advisor, the patterns, the paper trail's check) into
// one plain ReportInput; src/reports/implementation-report.ts builds the report from it with no I/O,
// and implementation-report-pdf.ts draws it.

export type ReportRange = { from: string; to: string; asOf: string };
export type Preparer = { name: string; email: string | null };

const ids = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);
const flag = (value: number | null): boolean | null => (value == null ? null : Number(value) === 1);

/** Every session entry or work sample of the child (corrections and voids too), by date. */
function datedRowsOfChild<T extends 'session_entry' | 'work_sample'>(
  db: Db,
  table: T,
  householdId: string,
  childId: string,
): Promise<Database[T][]> {
  // biome-ignore lint/suspicious/noExplicitAny: one query over the two tables
  return (db as Kysely<any>)
    .selectFrom(table)
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .orderBy('date')
    .orderBy('id')
    .execute() as Promise<Database[T][]>;
}

export async function gatherReportInput(
  store: Store,
  householdId: string,
  childId: string,
  range: ReportRange,
  parent: Preparer,
): Promise<ReportInput> {
  const db = store.db;
  const { from, to, asOf } = range;

  const child = await requireChild(db, householdId, childId);

  const plans = await db
    .selectFrom('plan')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .orderBy('effective_from')
    .orderBy('id')
    .execute();
  // Kysely cannot send an empty IN list; an id no row has stands in for "none".
  const none = ['00000000-0000-0000-0000-000000000000'];
  const idsOrNone = (list: string[]) => (list.length > 0 ? list : none);
  const planIds = idsOrNone(plans.map((p) => p.id));

  // The ledger, every service of the child over the range, week by week.
  let ledgers: ServiceLedgerView[] = [];
  let ledgerUnavailable: string | null = null;
  try {
    ledgers = await computeLedgers(db, householdId, { childId }, { from, to, asOf, grouping: 'week' }, asOf);
  } catch (error) {
    // No school calendar yet: there are no minutes to count, but the rest of the report stands.
    if (!(error instanceof AppError) || error.code === 'not_found') throw error;
    ledgerUnavailable = `The minutes cannot be counted: ${error.message.replace(/^childId /, 'the child ')}.`;
  }
  const services = await db
    .selectFrom('service')
    .select(['id', 'name', 'source_text', 'provider_role', 'start_date', 'end_date'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', planIds)
    .execute();
  const sessions = await datedRowsOfChild(db, 'session_entry', householdId, childId);
  const accommodations = await db
    .selectFrom('accommodation')
    .select(['id', 'text', 'plan_id'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', planIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const observations = await db
    .selectFrom('accommodation_observation')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('accommodation_id', 'in', idsOrNone(accommodations.map((a) => a.id)))
    .orderBy('date')
    .orderBy('id')
    .execute();
  const samples = await datedRowsOfChild(db, 'work_sample', householdId, childId);
  const steps = await db
    .selectFrom('behavior_step')
    .select(['id', 'kind', 'text', 'plan_id'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', planIds)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const incidents = await db
    .selectFrom('behavior_incident')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', planIds)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const teamContacts = await db
    .selectFrom('team_contact')
    .select(['id', 'name'])
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .execute();
  const communications = await loadCommunications(store, householdId, childId);
  const goals = await db
    .selectFrom('goal')
    .select(['id', 'area'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', planIds)
    .execute();
  const progress = await db
    .selectFrom('goal_progress')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('goal_id', 'in', idsOrNone(goals.map((g) => g.id)))
    .execute();
  const parentNotes = await db
    .selectFrom('parent_note')
    .select(['id', 'date', 'kind', 'text'])
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .execute();

  const advice = await adviceForChild(store, householdId, childId, asOf, parent);
  const patterns = await childPatterns(db, householdId, childId, { from, to, asOf, bucket: 'week' }, asOf);

  const input: Omit<ReportInput, 'attachments' | 'verified' | 'firstProblem'> = {
    range,
    preparedBy: parent.name,
    child: childSummary(child),
    plans: plans.map((p) => ({
      id: p.id,
      kind: p.kind,
      title: p.title,
      country: p.country,
      region: p.region,
      effectiveFrom: p.effective_from,
      effectiveTo: p.effective_to,
    })),
    services: services.map(serviceSummary),
    ledgers,
    ledgerUnavailable,
    sessions: sessions.map((s) => ({
      id: s.id,
      serviceId: s.service_id,
      date: s.date,
      kind: s.kind,
      status: s.status,
      minutesPlanned: s.minutes_planned == null ? null : Number(s.minutes_planned),
      minutesDelivered: Number(s.minutes_delivered),
      reason: s.reason,
      reasonText: s.reason_text,
      makeupForEntryId: s.makeup_for_entry_id,
      correctsEntryId: s.corrects_entry_id,
      source: s.source,
    })),
    accommodations: accommodations.map((a) => ({ id: a.id, planId: a.plan_id, text: a.text })),
    observations: observations.map((o) => ({
      id: o.id,
      accommodationId: o.accommodation_id,
      date: o.date,
      outcome: o.outcome,
      className: o.class_name,
      setting: o.setting,
      teacherKind: o.teacher_kind,
      source: o.source,
      note: o.note,
      attachmentIds: ids(o.attachment_ids),
      voidedAt: o.voided_at,
    })),
    workSamples: samples.map((s) => ({
      id: s.id,
      date: s.date,
      title: s.title,
      className: s.class_name,
      setting: s.setting,
      teacherKind: s.teacher_kind,
      note: s.note,
      attachmentIds: ids(s.attachment_ids),
      accommodationChecks: JSON.parse(s.accommodation_checks) as {
        accommodationId: string;
        outcome: string;
      }[],
      voidedAt: s.voided_at,
    })),
    behaviorSteps: steps.map((s) => ({ id: s.id, planId: s.plan_id, kind: s.kind, text: s.text })),
    incidents: incidents.map((i) => ({
      id: i.id,
      planId: i.plan_id,
      date: i.date,
      summary: i.summary,
      stepsFollowed: ids(i.steps_followed),
      stepsSkipped: ids(i.steps_skipped),
      rewardUsed: flag(i.reward_used),
      consequenceContradicted: flag(i.consequence_contradicted),
      source: i.source,
      attachmentIds: ids(i.attachment_ids),
      voidedAt: i.voided_at,
    })),
    teamContacts,
    communications,
    goals,
    goalProgress: progress.map((p) => ({
      id: p.id,
      goalId: p.goal_id,
      date: p.date,
      value: p.value,
      source: p.source,
      attachmentIds: ids(p.attachment_ids),
    })),
    parentNotes,
    recommendations: advice.recommendations,
    findings: patterns.findings,
  };

  // The files the records name (the report lists those of the records it cites).
  const attachmentIds = [
    ...new Set(
      [
        ...input.observations,
        ...input.workSamples,
        ...input.incidents,
        ...input.communications,
        ...input.goalProgress,
      ].flatMap((r) => r.attachmentIds),
    ),
  ];
  const attachments = attachmentIds.length > 0 ? await attachmentsAmong(db, householdId, attachmentIds) : [];

  // The paper trail as it stood when the report was made.
  const verified = await verifyHousehold(store, householdId);
  return {
    ...input,
    attachments: attachments.map((a) => ({
      attachmentId: a.id,
      filename: a.filename,
      mediaType: a.media_type,
      size: Number(a.size),
      sha256: a.sha256,
    })),
    verified,
    firstProblem: firstProblem(verified),
  };
}

/** The implementation report of a child over a range, as the API serves it and the PDF draws it. */
export async function implementationReport(
  store: Store,
  householdId: string,
  childId: string,
  range: ReportRange,
  parent: Preparer,
): Promise<ImplementationReport> {
  return buildImplementationReport(await gatherReportInput(store, householdId, childId, range, parent));
}
