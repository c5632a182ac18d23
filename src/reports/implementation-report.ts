import {
  type BehaviorPlan,
  type Communications,
  EVIDENCE_KINDS,
  type EvidenceItem,
  type EvidenceKind,
  type ImplementationReport,
  type LedgerTotals,
  type PatternFinding,
  type Recommendation,
  type ReportAccommodation,
  type ReportBody,
  type ReportCommunication,
  type ReportService,
  type SessionException,
} from '../api/reports.ts';
import { replyState, verbalWithoutWrittenFollowUp } from '../domain/communications.ts';
import { currentSessionEntries } from '../domain/corrections.ts';
import { daysBetween } from '../domain/dates.ts';
import { AppError, notFound } from '../domain/errors.ts';
import { isProductChoice } from '../domain/jurisdictions.ts';
import {
  type AccommodationOutcome,
  accommodationOccurrences,
  countOccurrences,
} from '../domain/occurrences.ts';
import { percentDelivered } from '../domain/service-ledger.ts';
import { MISS_REASON_LABELS, type MissReason } from '../domain/session-entry.ts';
import { adviceForChild } from '../server/services/advice.ts';
import { loadCommunications } from '../server/services/communication-status.ts';
import { computeLedgers, type ServiceLedgerView } from '../server/services/ledgers.ts';
import { childPatterns } from '../server/services/patterns.ts';
import { firstProblem, verifyHousehold } from '../server/services/verify.ts';
import type { Store } from '../store/database.ts';
import { writeSummary } from './report-summary.ts';
import {
  clip,
  communicationLabel,
  figure,
  outcomeLabel,
  providedPercent,
  sourceLabel,
} from './report-text.ts';

// The implementation report for one child and a date range: what a parent hands to a case
// manager, a mediator or a state complaint investigator. This module gathers it from the store
// into one plain object (ImplementationReport, also the JSON the API serves); the PDF
// (implementation-report-pdf.ts) only draws that object, so the two can never disagree. Every
// minute figure is copied from the service ledger, never recomputed.

export { renderReportPdf } from './implementation-report-pdf.ts';

// ---------------------------------------------------------------------------------------------
// Gathering.

/** One record that may be cited, before it gets its reference. */
type Citable = Omit<EvidenceItem, 'ref' | 'files'> & { attachmentIds: string[] };

const KIND_ORDER: Record<EvidenceKind, number> = Object.fromEntries(
  EVIDENCE_KINDS.map((k, i) => [k, i]),
) as Record<EvidenceKind, number>;

const parseIds = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);
const flag = (value: number | null): boolean | null => (value == null ? null : Number(value) === 1);

function reasonLabel(reason: string | null): string | null {
  if (reason == null) return null;
  return MISS_REASON_LABELS[reason as MissReason] ?? reason;
}

export async function buildReportData(
  store: Store,
  householdId: string,
  childId: string,
  range: { from: string; to: string; asOf: string },
  parent: { name: string; email: string | null },
): Promise<ImplementationReport> {
  const db = store.db;
  const { from, to, asOf } = range;
  const inRange = (date: string) => date >= from && date <= to;

  const child = await db
    .selectFrom('child')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('id', '=', childId)
    .executeTakeFirst();
  if (!child) throw notFound('Child', childId);

  const plans = await db
    .selectFrom('plan')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .orderBy('effective_from')
    .orderBy('id')
    .execute();
  // The plans in force at some point of the range; the one shown is the one in force at its end.
  const rangePlans = plans.filter((p) => p.effective_from <= to && p.effective_to >= from);
  const plan =
    [...rangePlans].reverse().find((p) => p.effective_from <= to) ??
    [...plans].reverse().find((p) => p.effective_from <= to) ??
    null;
  const allPlanIds = plans.map((p) => p.id);
  const rangePlanIds = rangePlans.map((p) => p.id);
  // Kysely cannot send an empty IN list; an id no row has stands in for "none".
  const none = ['00000000-0000-0000-0000-000000000000'];
  const idsOrNone = (ids: string[]) => (ids.length > 0 ? ids : none);

  // --- The ledger, every service of the child over the range, week by week.
  let ledgers: ServiceLedgerView[] = [];
  let ledgerUnavailable: string | null = null;
  try {
    ledgers = await computeLedgers(db, householdId, { childId }, { from, to, asOf, grouping: 'week' }, asOf);
  } catch (error) {
    // No school calendar yet: there are no minutes to count, but the rest of the report stands.
    if (!(error instanceof AppError) || error.code === 'not_found') throw error;
    ledgerUnavailable = `The minutes cannot be counted: ${error.message.replace(/^childId /, 'the child ')}.`;
  }
  const serviceRows = await db
    .selectFrom('service')
    .select(['id', 'name', 'source_text', 'provider_role', 'start_date', 'end_date'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', idsOrNone(allPlanIds))
    .execute();
  const serviceById = new Map(serviceRows.map((s) => [s.id, s]));

  // --- Every record of the child that the report may cite, keyed by id.
  const citable = new Map<string, Citable>();

  const sessionRows = await db
    .selectFrom('session_entry')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const sessionById = new Map(sessionRows.map((s) => [s.id, s]));
  // Only entries in force are cited (the ledger's ids are); a make-up names the latest word on its miss.
  const chains = currentSessionEntries(
    sessionRows.map((s) => ({ id: s.id, correctsEntryId: s.corrects_entry_id, status: s.status })),
  );
  const madeUpDate = (id: string | null) => {
    if (!id) return null;
    const head = chains.headOf.get(id);
    if (head?.status === 'void') return null;
    return sessionById.get(head?.id ?? id)?.date ?? null;
  };
  for (const s of sessionRows) {
    const service = serviceById.get(s.service_id)?.name ?? 'A service';
    const planned = s.minutes_planned == null ? null : Number(s.minutes_planned);
    const delivered = Number(s.minutes_delivered);
    const reason = [reasonLabel(s.reason), s.reason_text].filter(Boolean).join(': ');
    const what =
      s.kind === 'makeup'
        ? `make-up, ${figure(delivered)} min`
        : s.status === 'delivered'
          ? `delivered, ${figure(delivered)} min`
          : s.status === 'short'
            ? `short, ${figure(delivered)} of ${planned == null ? '?' : figure(planned)} min`
            : 'missed';
    citable.set(s.id, {
      recordId: s.id,
      kind: 'session_entry',
      date: s.date,
      source: sourceLabel(s.source),
      description: `${service}: ${what}${reason && s.kind !== 'makeup' ? ` (${reason})` : ''}${
        s.kind === 'makeup' && s.reason_text ? ` (${s.reason_text})` : ''
      }`,
      attachmentIds: [],
    });
  }

  const accommodationRows = await db
    .selectFrom('accommodation')
    .select(['id', 'text', 'plan_id', 'created_at'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', idsOrNone(allPlanIds))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const accommodationText = new Map(accommodationRows.map((a) => [a.id, a.text]));
  const observationRows = await db
    .selectFrom('accommodation_observation')
    .selectAll()
    .where('household_id', '=', householdId)
    // A record voided as logged by mistake is no evidence of anything.
    .where('voided_at', 'is', null)
    .where('accommodation_id', 'in', idsOrNone(accommodationRows.map((a) => a.id)))
    .orderBy('date')
    .orderBy('id')
    .execute();
  type Observation = {
    id: string;
    /** A work sample's accommodation check (its id is the sample's), or an observation. */
    record?: 'observation' | 'work_sample';
    accommodationId: string;
    date: string;
    outcome: string;
    className: string | null;
    setting: string | null;
    teacherKind: string;
    source: string;
    note: string | null;
  };
  const observations: Observation[] = [];
  for (const o of observationRows) {
    observations.push({
      id: o.id,
      accommodationId: o.accommodation_id,
      date: o.date,
      outcome: o.outcome,
      className: o.class_name,
      setting: o.setting,
      teacherKind: o.teacher_kind,
      source: o.source,
      note: o.note,
    });
    const teacher = o.teacher_kind === 'substitute' ? ', substitute' : '';
    citable.set(o.id, {
      recordId: o.id,
      kind: 'accommodation_observation',
      date: o.date,
      source: sourceLabel(o.source),
      description: `${clip(accommodationText.get(o.accommodation_id) ?? 'Accommodation', 60)}: ${outcomeLabel(o.outcome).toLowerCase()}${o.class_name ? ` in ${o.class_name}` : ''}${teacher}${o.note ? ` – ${clip(o.note, 120)}` : ''}`,
      attachmentIds: parseIds(o.attachment_ids),
    });
  }
  // A work sample where the parent looked for an accommodation counts as an observation of it, as
  // in the patterns (src/server/services/patterns.ts): the sample is the record behind it.
  const sampleRows = await db
    .selectFrom('work_sample')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('voided_at', 'is', null)
    .where('child_id', '=', childId)
    .orderBy('date')
    .orderBy('id')
    .execute();
  for (const sample of sampleRows) {
    const checks = JSON.parse(sample.accommodation_checks) as { accommodationId: string; outcome: string }[];
    for (const check of checks) {
      if (!accommodationText.has(check.accommodationId)) continue;
      observations.push({
        id: sample.id,
        accommodationId: check.accommodationId,
        date: sample.date,
        outcome: check.outcome,
        className: sample.class_name,
        setting: sample.setting,
        teacherKind: sample.teacher_kind,
        source: 'work_sample',
        note: sample.note,
        record: 'work_sample',
      });
    }
    citable.set(sample.id, {
      recordId: sample.id,
      kind: 'work_sample',
      date: sample.date,
      // The parent keeps the sample; what it shows is the evidence.
      source: sourceLabel('parent'),
      description: `“${clip(sample.title, 80)}”${sample.class_name ? `, ${sample.class_name}` : ''}${sample.note ? ` – ${clip(sample.note, 120)}` : ''}`,
      attachmentIds: parseIds(sample.attachment_ids),
    });
  }

  const stepRows = await db
    .selectFrom('behavior_step')
    .select(['id', 'kind', 'text', 'position', 'plan_id'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', idsOrNone(rangePlanIds))
    .orderBy('position')
    .orderBy('id')
    .execute();
  const incidentRows = await db
    .selectFrom('behavior_incident')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('voided_at', 'is', null)
    .where('plan_id', 'in', idsOrNone(allPlanIds))
    .orderBy('date')
    .orderBy('id')
    .execute();
  for (const i of incidentRows) {
    citable.set(i.id, {
      recordId: i.id,
      kind: 'behavior_incident',
      date: i.date,
      source: sourceLabel(i.source),
      description: clip(i.summary, 160),
      attachmentIds: parseIds(i.attachment_ids),
    });
  }

  const team = await db
    .selectFrom('team_contact')
    .select(['id', 'name'])
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .execute();
  const contactName = new Map(team.map((t) => [t.id, t.name]));
  const communications = await loadCommunications(store, householdId, childId);
  const withWhom = (c: (typeof communications)[number]) =>
    [
      ...c.contactIds.map((id) => contactName.get(id) ?? 'a team member'),
      ...(c.otherParties ? [c.otherParties] : []),
    ].join(', ') || '–';
  for (const c of communications) {
    citable.set(c.id, {
      recordId: c.id,
      kind: 'communication',
      date: c.date,
      source: communicationLabel(c.kind, c.direction),
      description: `${c.direction === 'sent' ? 'To' : 'From'} ${withWhom(c)}: ${clip(c.subject ?? c.summary, 120)}`,
      attachmentIds: c.attachmentIds,
    });
  }

  const goalRows = await db
    .selectFrom('goal')
    .select(['id', 'area'])
    .where('household_id', '=', householdId)
    .where('plan_id', 'in', idsOrNone(allPlanIds))
    .execute();
  const goalArea = new Map(goalRows.map((g) => [g.id, g.area]));
  const progressRows = await db
    .selectFrom('goal_progress')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('goal_id', 'in', idsOrNone(goalRows.map((g) => g.id)))
    .execute();
  for (const p of progressRows) {
    citable.set(p.id, {
      recordId: p.id,
      kind: 'goal_progress',
      date: p.date,
      source: sourceLabel(p.source),
      description: `${goalArea.get(p.goal_id) ?? 'Goal'} goal: ${clip(p.value, 120)}`,
      attachmentIds: parseIds(p.attachment_ids),
    });
  }
  const noteRows = await db
    .selectFrom('parent_note')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('child_id', '=', childId)
    .execute();
  for (const n of noteRows) {
    citable.set(n.id, {
      recordId: n.id,
      kind: 'parent_note',
      date: n.date,
      source: 'Parent',
      description: `Note (${n.kind.replace(/_/g, ' ')}): ${clip(n.text, 140)}`,
      attachmentIds: [],
    });
  }

  // --- What the report cites: the entries behind the ledger's figures, every observation,
  // incident and message of the range, and whatever the advisor and the patterns point at.
  const cited = new Set<string>();
  const cite = (ids: Iterable<string>) => {
    for (const id of ids) if (citable.has(id)) cited.add(id);
  };
  const reportLedgers = ledgers.filter((l) => {
    const s = serviceById.get(l.serviceId);
    const ids = Object.values(l.totals.entryIds).flat();
    return (
      (s != null && s.start_date <= to && s.end_date >= from) ||
      l.totals.requiredMinutes > 0 ||
      ids.length > 0
    );
  });
  for (const l of reportLedgers) cite(Object.values(l.totals.entryIds).flat());
  const rangeObservations = observations.filter((o) => inRange(o.date));
  cite(rangeObservations.map((o) => o.id));
  const rangeIncidents = incidentRows.filter(
    (i) => inRange(i.date) && (rangePlanIds.includes(i.plan_id) || rangePlanIds.length === 0),
  );
  cite(rangeIncidents.map((i) => i.id));
  const rangeMessages = communications.filter((c) => inRange(c.date));
  cite(rangeMessages.map((c) => c.id));

  const advice = await adviceForChild(store, householdId, childId, asOf, parent);
  for (const r of advice.recommendations) cite(r.entryIds);
  const patterns = await childPatterns(db, householdId, childId, { from, to, asOf, bucket: 'week' }, asOf);
  for (const f of patterns.findings) cite(f.entryIds);

  // --- The evidence index: by date, then kind, then what it says (never by id, which is random
  // in part, so the same record numbers the same way every time).
  const ordered = [...cited]
    .map((id) => citable.get(id)!)
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        a.description.localeCompare(b.description) ||
        a.recordId.localeCompare(b.recordId),
    );
  const refOf = new Map(ordered.map((c, i) => [c.recordId, `E${i + 1}`]));
  const refsOf = (ids: readonly string[]) =>
    [...new Set(ids.map((id) => refOf.get(id)).filter((r): r is string => r != null))].sort(
      (a, b) => Number(a.slice(1)) - Number(b.slice(1)),
    );
  const attachmentIds = [...new Set(ordered.flatMap((c) => c.attachmentIds))];
  const attachmentRows =
    attachmentIds.length > 0
      ? await db
          .selectFrom('attachment')
          .select(['id', 'filename', 'media_type', 'size', 'sha256'])
          .where('household_id', '=', householdId)
          .where('id', 'in', attachmentIds)
          .execute()
      : [];
  const attachmentById = new Map(attachmentRows.map((a) => [a.id, a]));
  const evidence: EvidenceItem[] = ordered.map(({ attachmentIds: ids, ...c }) => ({
    ref: refOf.get(c.recordId)!,
    ...c,
    files: ids.flatMap((id) => {
      const a = attachmentById.get(id);
      return a
        ? [
            {
              attachmentId: a.id,
              filename: a.filename,
              mediaType: a.media_type,
              size: Number(a.size),
              sha256: a.sha256,
            },
          ]
        : [];
    }),
  }));

  // --- Services.
  const services: ReportService[] = reportLedgers.map((l) => {
    const s = serviceById.get(l.serviceId);
    const ids = l.totals.entryIds;
    const countedAs = (id: string): SessionException['countedAs'] =>
      ids.owed.includes(id)
        ? 'owed'
        : ids.excused.includes(id)
          ? 'excused'
          : ids.pending.includes(id)
            ? 'pending'
            : null;
    const exceptionIds = [...ids.short, ...ids.missed, ...ids.makeup];
    const exceptions = [...new Set(exceptionIds)]
      .map((id) => sessionById.get(id))
      .filter((e) => e != null)
      .sort(
        (a, b) =>
          a.date.localeCompare(b.date) || (refOf.get(a.id) ?? '').localeCompare(refOf.get(b.id) ?? ''),
      )
      .map((e): SessionException => {
        const planned = e.minutes_planned == null ? null : Number(e.minutes_planned);
        const delivered = Number(e.minutes_delivered);
        const makeup = e.kind === 'makeup';
        return {
          ref: refOf.get(e.id)!,
          entryId: e.id,
          date: e.date,
          kind: makeup ? 'makeup' : 'scheduled',
          status: e.status,
          minutesPlanned: planned,
          minutesDelivered: delivered,
          minutesMissed: makeup ? 0 : Math.max(0, (planned ?? 0) - delivered),
          reason: reasonLabel(e.reason),
          reasonText: e.reason_text,
          countedAs: makeup ? null : countedAs(e.id),
          makesUpDate: madeUpDate(e.makeup_for_entry_id),
          source: sourceLabel(e.source),
        };
      });
    const { entryIds: _ids, ...totals } = l.totals;
    return {
      id: l.serviceId,
      name: l.service.name,
      sourceText: s?.source_text ?? null,
      providerRole: s?.provider_role ?? null,
      totals,
      rows: l.periods.map((p) => ({
        unit: p.unit,
        start: p.start,
        end: p.end,
        label: p.label,
        requiredMinutes: p.requiredMinutes,
        deliveredMinutes: p.deliveredMinutes,
        owedMinutes: p.owedMinutes,
        makeupMinutes: p.makeupMinutes,
        excusedMinutes: p.excusedMinutes,
        pendingMinutes: p.pendingMinutes,
        unloggedMinutes: p.unloggedMinutes,
        closures: p.closures,
      })),
      unappliedMakeupMinutes: l.unappliedMakeupMinutes,
      ledgerNotes: l.notes,
      exceptions,
    };
  });
  const sum = (pick: (t: LedgerTotals) => number) => services.reduce((n, s) => n + pick(s.totals), 0);

  // --- Accommodations: the rate of "provided" over the range, and every lapse.
  const rangeAccommodations = accommodationRows.filter(
    (a) => rangePlanIds.includes(a.plan_id) || rangeObservations.some((o) => o.accommodationId === a.id),
  );
  const accommodations: ReportAccommodation[] = rangeAccommodations.map((a) => {
    const own = rangeObservations.filter((o) => o.accommodationId === a.id);
    // One event, one fact: counted by occurrence, as the patterns, the letters and the living IEP count.
    const occurrences = accommodationOccurrences(
      own.map((o) => ({ ...o, outcome: o.outcome as AccommodationOutcome })),
    );
    const c = countOccurrences(occurrences);
    const counts = { provided: c.provided, partly: c.partly, notProvided: c.notProvided, unknown: c.unknown };
    const labels = (list: readonly Observation[]) => [...new Set(list.map((e) => sourceLabel(e.source)))];
    return {
      id: a.id,
      text: a.text,
      ...counts,
      providedPercent: providedPercent(counts),
      lapses: occurrences
        .filter((o) => o.lapse)
        .map((o) => ({
          ref: refOf.get(o.decidedBy.id)!,
          recordId: o.decidedBy.id,
          refs: refsOf(o.entryIds),
          date: o.date,
          outcome: o.outcome as 'not_provided' | 'partly',
          className: o.className,
          setting: o.setting,
          teacherKind: o.teacherKind,
          source: labels(o.sources.filter((e) => !o.disagreeing.includes(e) && e.outcome !== 'unknown')).join(
            '; ',
          ),
          note: o.decidedBy.note,
          disagreeing: labels(o.disagreeing),
        }))
        .sort((x, y) => x.date.localeCompare(y.date) || Number(x.ref.slice(1)) - Number(y.ref.slice(1))),
      refs: refsOf(own.map((o) => o.id)),
    };
  });
  const toFinding = (f: (typeof patterns.findings)[number]): PatternFinding => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    question: f.question,
    refs: refsOf(f.entryIds),
  });

  // --- The behavior plan: which steps staff followed and skipped, and rewards used.
  const stepText = new Map(stepRows.map((s) => [s.id, s.text]));
  const incidents = rangeIncidents.map((i) => {
    const followed = parseIds(i.steps_followed);
    const skipped = parseIds(i.steps_skipped);
    return {
      ref: refOf.get(i.id)!,
      id: i.id,
      date: i.date,
      summary: i.summary,
      followedIds: followed,
      skippedIds: skipped,
      stepsFollowed: followed.map((id) => stepText.get(id) ?? 'a step of the plan'),
      stepsSkipped: skipped.map((id) => stepText.get(id) ?? 'a step of the plan'),
      rewardUsed: flag(i.reward_used),
      consequenceContradicted: flag(i.consequence_contradicted),
      source: sourceLabel(i.source),
    };
  });
  const behaviorPlan: BehaviorPlan = {
    steps: stepRows.map((s) => ({
      id: s.id,
      kind: s.kind,
      text: s.text,
      followed: incidents.filter((i) => i.followedIds.includes(s.id)).length,
      skipped: incidents.filter((i) => i.skippedIds.includes(s.id)).length,
    })),
    incidents: incidents.map(({ followedIds: _f, skippedIds: _s, ...i }) => i),
    totals: {
      incidents: incidents.length,
      incidentsWithStepsSkipped: incidents.filter((i) => i.skippedIds.length > 0).length,
      stepsSkipped: incidents.reduce((n, i) => n + new Set(i.skippedIds).size, 0),
      rewardUsed: incidents.filter((i) => i.rewardUsed === true).length,
      rewardNotUsed: incidents.filter((i) => i.rewardUsed === false).length,
      consequenceAgainstPlan: incidents.filter((i) => i.consequenceContradicted === true).length,
    },
    findings: patterns.findings.filter((f) => f.rule.startsWith('behavior_')).map(toFinding),
  };

  // --- The communication timeline: how long replies took, and what is still unanswered.
  const verbalAlone = new Set(verbalWithoutWrittenFollowUp(communications).map((c) => c.id));
  const messages: ReportCommunication[] = rangeMessages.map((c) => {
    const state = replyState(c, communications, asOf);
    const replies =
      state.state === 'answered'
        ? communications
            .filter((r) => state.replyIds.includes(r.id))
            .map((r) => r.date)
            .sort()
        : [];
    const repliedOn = replies[0] ?? null;
    return {
      ref: refOf.get(c.id)!,
      id: c.id,
      date: c.date,
      kind: c.kind,
      direction: c.direction,
      label: communicationLabel(c.kind, c.direction),
      with: withWhom(c),
      subject: c.subject,
      summary: clip(c.summary, 300),
      reply: {
        state: state.state,
        dueBy:
          state.state === 'waiting' || state.state === 'overdue'
            ? state.dueBy
            : state.state === 'holding'
              ? state.promisedBy
              : c.replyExpectedBy,
        promised: state.state === 'holding' || (state.state === 'overdue' && state.holdingReplyIds != null),
        repliedOn,
        responseDays: repliedOn ? daysBetween(c.date, repliedOn) : null,
        daysLate: state.state === 'overdue' ? state.daysLate : null,
      },
      noWrittenFollowUp: verbalAlone.has(c.id),
    };
  });
  const answeredDays = messages.map((m) => m.reply.responseDays).filter((d): d is number => d != null);
  const communicationSummary: Communications = {
    messages,
    sent: messages.filter((m) => m.direction === 'sent').length,
    received: messages.filter((m) => m.direction === 'received').length,
    answered: answeredDays.length,
    unanswered: messages.filter(
      (m) => m.reply.state === 'waiting' || m.reply.state === 'overdue' || m.reply.state === 'holding',
    ).length,
    overdue: messages.filter((m) => m.reply.state === 'overdue').length,
    averageResponseDays:
      answeredDays.length > 0
        ? Math.round((answeredDays.reduce((n, d) => n + d, 0) / answeredDays.length) * 10) / 10
        : null,
    withoutWrittenFollowUp: messages.filter((m) => m.noWrittenFollowUp).length,
  };

  // --- The advisor's open recommendations, with their deadlines.
  const recommendations: Recommendation[] = advice.recommendations.map((r) => ({
    id: r.id,
    title: r.title,
    reason: r.reason,
    urgency: r.urgency,
    basis: isProductChoice(r.citation) ? r.citation.text : r.citation.source,
    productChoice: isProductChoice(r.citation),
    deadlines: r.deadlines.map((d) => ({
      label: d.label,
      date: d.date,
      basis: isProductChoice(d.citation) ? 'Product choice' : d.citation.source,
    })),
    refs: refsOf(r.entryIds),
  }));

  // --- The paper trail as it stood when the report was made.
  const verified = await verifyHousehold(store, householdId);

  const body: ReportBody = {
    format: 'as-written/implementation-report/1',
    child: {
      id: child.id,
      firstName: child.first_name,
      lastName: child.last_name,
      school: child.school,
      grade: child.grade,
    },
    plan: plan
      ? {
          id: plan.id,
          kind: plan.kind as 'iep' | '504',
          title: plan.title,
          jurisdiction: [plan.region, plan.country].filter(Boolean).join(', '),
          effectiveFrom: plan.effective_from,
          effectiveTo: plan.effective_to,
        }
      : null,
    range: { from, to, asOf },
    preparedBy: parent.name,
    ledgerUnavailable,
    services,
    minutes: {
      requiredMinutes: sum((t) => t.requiredMinutes),
      deliveredMinutes: sum((t) => t.deliveredMinutes),
      percentDelivered: percentDelivered(
        sum((t) => t.deliveredMinutes),
        sum((t) => t.requiredMinutes),
      ),
      owedMinutes: sum((t) => t.owedMinutes),
      makeupMinutes: sum((t) => t.makeupMinutes),
      owedBalanceMinutes: sum((t) => t.owedBalanceMinutes),
      unloggedMinutes: sum((t) => t.unloggedMinutes),
      excusedMinutes: sum((t) => t.excusedMinutes),
      pendingMinutes: sum((t) => t.pendingMinutes),
    },
    accommodations,
    accommodationFindings: patterns.findings
      .filter((f) => f.rule.startsWith('accommodation_'))
      .map(toFinding),
    behaviorPlan,
    communications: communicationSummary,
    recommendations,
    evidence,
    journal: {
      entries: verified.journal.entries,
      headHash: verified.journal.headHash,
      verified: verified.ok,
      firstProblem: firstProblem(verified),
      chainWhole: verified.journal.problem === null,
      problem: verified.journal.problem?.message ?? null,
      recordsChecked: verified.records.checked,
      recordsDiffering: verified.records.differing,
      recordProblem: verified.records.problems[0]?.message ?? null,
      attachmentsChecked: verified.attachments.checked,
      attachmentProblems: verified.attachments.problems.map((p) => p.message),
    },
  };
  return { ...body, summary: writeSummary(body) };
}

/** The report's file name: the child's first name and the dates ("implementation-report-Emma-2026-09-08-to-2026-10-30.pdf"). */
export function reportFilename(report: Pick<ImplementationReport, 'child' | 'range'>): string {
  return `implementation-report-${report.child.firstName}-${report.range.from}-to-${report.range.to}.pdf`;
}
