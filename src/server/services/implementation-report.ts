import type { ImplementationReport, ReportLanguage } from '../../api/reports.ts';
import { buildImplementationReport, type ReportInput } from '../../reports/implementation-report.ts';
import { reportWords } from '../../reports/report-words.ts';
import { attachmentsAmong } from '../../store/attachments.repository.ts';
import { childSummary, requireChild } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import { accommodationChecks, idList, reportRowsOfChild } from '../../store/report-rows.repository.ts';
import { importSummaryOf, serviceLogImportsOfChild } from '../../store/service-logs.repository.ts';
import { serviceSummary } from '../../store/services.repository.ts';
import { AppError } from '../errors.ts';
import { localizeError } from '../i18n.ts';
import { adviceForChild, adviceForScreen } from './advice.ts';
import { loadCommunications } from './communication-status.ts';
import { computeLedgers, type ServiceLedgerView } from './ledgers.ts';
import { childPatterns } from './patterns.ts';
import { getServiceLog } from './service-logs.ts';
import { firstProblem, verifyHousehold } from './verify.ts';

// The implementation report for one child and a date range: this gathers everything it is made
// from (the child's records, the ledgers, the advisor, the patterns, the paper trail's check) into
// one plain ReportInput; src/reports/implementation-report.ts builds the report from it with no I/O,
// and implementation-report-pdf.ts draws it.

export type ReportRange = { from: string; to: string; asOf: string };
export type Preparer = { name: string; email: string | null };

const flag = (value: number | null): boolean | null => (value == null ? null : Number(value) === 1);

export async function gatherReportInput(
  store: Store,
  householdId: string,
  childId: string,
  range: ReportRange,
  parent: Preparer,
  language: ReportLanguage = 'en',
): Promise<ReportInput> {
  const db = store.db;
  const { from, to, asOf } = range;

  const child = await requireChild(db, householdId, childId);

  const rows = await reportRowsOfChild(db, householdId, childId);

  // The ledger, every service of the child over the range, week by week.
  let ledgers: ServiceLedgerView[] = [];
  let ledgerUnavailable: string | null = null;
  try {
    // The ledger's notes in the report's language, like the rest of it.
    ledgers = await computeLedgers(db, householdId, { childId }, { from, to, asOf, grouping: 'week' }, asOf, {
      language,
    });
  } catch (error) {
    // No school calendar yet: there are no minutes to count, but the rest of the report stands.
    if (!(error instanceof AppError) || error.code === 'not_found') throw error;
    // The refusal's words in the report's language (English exactly as the server said it).
    const field = localizeError(error, language).fields?.[0];
    ledgerUnavailable = reportWords(language).say('ledgerUnavailable', {
      problem:
        language === 'en' || !field
          ? error.message.replace(/^childId /, 'the child ')
          : reportWords(language).say('theChild', { problem: field.message }),
    });
  }
  const communications = await loadCommunications(store, householdId, childId);

  // The advisor's recommendations in the report's language (the same ones in every language).
  const advice =
    language === 'en'
      ? await adviceForChild(store, householdId, childId, asOf, parent)
      : await adviceForScreen(store, householdId, childId, asOf, parent, language);
  const patterns = await childPatterns(
    db,
    householdId,
    childId,
    { from, to, asOf, bucket: 'week' },
    asOf,
    language,
  );

  const input: Omit<ReportInput, 'attachments' | 'verified' | 'firstProblem'> = {
    range,
    language,
    preparedBy: parent.name,
    child: childSummary(child),
    plans: rows.plans.map((p) => ({
      id: p.id,
      kind: p.kind,
      title: p.title,
      country: p.country,
      region: p.region,
      effectiveFrom: p.effective_from,
      effectiveTo: p.effective_to,
    })),
    services: rows.services.map(serviceSummary),
    ledgers,
    ledgerUnavailable,
    sessions: rows.sessions.map((s) => ({
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
    accommodations: rows.accommodations.map((a) => ({ id: a.id, planId: a.plan_id, text: a.text })),
    observations: rows.observations.map((o) => ({
      id: o.id,
      accommodationId: o.accommodation_id,
      date: o.date,
      outcome: o.outcome,
      className: o.class_name,
      setting: o.setting,
      teacherKind: o.teacher_kind,
      source: o.source,
      note: o.note,
      attachmentIds: idList('accommodation_observation.attachment_ids', o.attachment_ids),
      voidedAt: o.voided_at,
    })),
    workSamples: rows.samples.map((s) => ({
      id: s.id,
      date: s.date,
      title: s.title,
      className: s.class_name,
      setting: s.setting,
      teacherKind: s.teacher_kind,
      note: s.note,
      attachmentIds: idList('work_sample.attachment_ids', s.attachment_ids),
      accommodationChecks: accommodationChecks(s.accommodation_checks),
      voidedAt: s.voided_at,
    })),
    behaviorSteps: rows.steps.map((s) => ({ id: s.id, planId: s.plan_id, kind: s.kind, text: s.text })),
    incidents: rows.incidents.map((i) => ({
      id: i.id,
      planId: i.plan_id,
      date: i.date,
      summary: i.summary,
      stepsFollowed: idList('behavior_incident.steps_followed', i.steps_followed),
      stepsSkipped: idList('behavior_incident.steps_skipped', i.steps_skipped),
      rewardUsed: flag(i.reward_used),
      consequenceContradicted: flag(i.consequence_contradicted),
      source: i.source,
      attachmentIds: idList('behavior_incident.attachment_ids', i.attachment_ids),
      voidedAt: i.voided_at,
    })),
    teamContacts: rows.teamContacts,
    communications,
    goals: rows.goals,
    goalProgress: rows.progress.map((p) => ({
      id: p.id,
      goalId: p.goal_id,
      date: p.date,
      value: p.value,
      source: p.source,
      attachmentIds: idList('goal_progress.attachment_ids', p.attachment_ids),
    })),
    parentNotes: rows.parentNotes,
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

  // The school's service logs, each reconciled with the record as it is now (the lines the log's page
  // shows); the report counts those in the range. The files' names stay out of the report.
  const serviceLogs = [];
  for (const imported of await serviceLogImportsOfChild(db, householdId, childId)) {
    const { dates } = importSummaryOf({ ...imported, rows: '[]' });
    if (dates.from && dates.to && (dates.to < from || dates.from > to)) continue;
    const view = await getServiceLog(db, householdId, imported.id);
    serviceLogs.push({
      importId: imported.id,
      importedAt: imported.created_at,
      items: view.reconciliation.items.map((i) => ({ serviceId: i.serviceId, date: i.date, kind: i.kind })),
    });
  }

  // The paper trail as it stood when the report was made.
  const verified = await verifyHousehold(store, householdId);
  return {
    ...input,
    serviceLogs,
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
  ...args: Parameters<typeof gatherReportInput>
): Promise<ImplementationReport> {
  return buildImplementationReport(await gatherReportInput(...args));
}
