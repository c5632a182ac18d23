import type { VerifyResult } from '../api/households.ts';
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
import type { Recommendation as Advice } from '../domain/advisor/recommendation.ts';
import type { CaseService } from '../domain/case-record.ts';
import { type Communication, replyState, verbalWithoutWrittenFollowUp } from '../domain/communications.ts';
import { currentSessionEntries } from '../domain/corrections.ts';
import { daysBetween } from '../domain/dates.ts';
import type { Finding } from '../domain/implementation-patterns.ts';
import { isProductChoice } from '../domain/jurisdictions.ts';
import {
  type AccommodationOutcome,
  accommodationOccurrences,
  countOccurrences,
} from '../domain/occurrences.ts';
import { percentDelivered, type ServiceLedger } from '../domain/service-ledger.ts';
import { MISS_REASON_LABELS, type MissReason } from '../domain/session-entry.ts';
import { type ReportServiceLogInput, reconciliationSection } from './report-reconciliation.ts';
import { writeSummary } from './report-summary.ts';
import { clip, figure, providedPercent } from './report-text.ts';
import { type ReportWords, reportWords } from './report-words.ts';

// The implementation report for one child and a date range: what a parent hands to a case
// manager, a mediator or a state complaint investigator. `buildImplementationReport` makes it, with
// no I/O, from what src/server/services/implementation-report.ts gathered (the child's records, its
// ledgers, the advisor's recommendations, the patterns, the paper trail's check) into one plain
// object (ImplementationReport, also the JSON the API serves); the PDF (implementation-report-pdf.ts)
// only draws that object, so the two can never disagree. Every minute figure is copied from the
// service ledger, never recomputed.

// ---------------------------------------------------------------------------------------------
// What the report is made from: the child's records as they are stored (voided ones included; the
// report leaves them out), in camelCase, JSON columns read.

export type ReportPlanInput = {
  id: string;
  kind: string;
  title: string | null;
  country: string;
  region: string | null;
  effectiveFrom: string;
  effectiveTo: string;
};

export type ReportSessionInput = {
  id: string;
  serviceId: string;
  date: string;
  kind: string;
  status: string;
  minutesPlanned: number | null;
  minutesDelivered: number;
  reason: string | null;
  reasonText: string | null;
  makeupForEntryId: string | null;
  correctsEntryId: string | null;
  source: string;
};

type Voidable = { voidedAt: string | null };

/** What an observation of an accommodation says (a work sample's check of one says the same). */
type ObservationFields = {
  id: string;
  accommodationId: string;
  date: string;
  outcome: string;
  className: string | null;
  setting: string | null;
  teacherKind: string;
  source: string;
  note: string | null;
};

export type ReportObservationInput = Voidable & ObservationFields & { attachmentIds: string[] };

export type ReportWorkSampleInput = Voidable & {
  id: string;
  date: string;
  title: string;
  className: string | null;
  setting: string | null;
  teacherKind: string;
  note: string | null;
  attachmentIds: string[];
  accommodationChecks: { accommodationId: string; outcome: string }[];
};

export type ReportIncidentInput = Voidable & {
  id: string;
  planId: string;
  date: string;
  summary: string;
  stepsFollowed: string[];
  stepsSkipped: string[];
  rewardUsed: boolean | null;
  consequenceContradicted: boolean | null;
  source: string;
  attachmentIds: string[];
};

export type ReportInput = {
  range: { from: string; to: string; asOf: string };
  /** The language the summary and the PDF are written in; English when absent. */
  language?: ImplementationReport['language'];
  /** The family member the report is prepared by. */
  preparedBy: string;
  child: ReportBody['child'];
  /** Every plan of the child, by start date. */
  plans: ReportPlanInput[];
  /** The services of every plan of the child. */
  services: Pick<CaseService, 'id' | 'name' | 'sourceText' | 'providerRole' | 'startDate' | 'endDate'>[];
  /** The ledger of every service of the child over the range, week by week. */
  ledgers: (ServiceLedger & { service: { name: string } })[];
  /** Why there are no ledgers (no school calendar yet), or null. */
  ledgerUnavailable: string | null;
  /** Every session entry of the child (corrections and voids included), by date. */
  sessions: ReportSessionInput[];
  /** The accommodations of every plan of the child, in the order they were added. */
  accommodations: { id: string; planId: string; text: string }[];
  /** The observations of those accommodations, by date. */
  observations: ReportObservationInput[];
  /** The child's work samples, by date. */
  workSamples: ReportWorkSampleInput[];
  /** The behavior-plan steps of every plan of the child, by position. */
  behaviorSteps: { id: string; planId: string; kind: string; text: string }[];
  /** The behavior incidents of every plan of the child, by date. */
  incidents: ReportIncidentInput[];
  teamContacts: { id: string; name: string }[];
  /** The child's messages in force (a voided one is left out), by date. */
  communications: Communication[];
  goals: { id: string; area: string }[];
  goalProgress: {
    id: string;
    goalId: string;
    date: string;
    value: string;
    source: string;
    attachmentIds: string[];
  }[];
  parentNotes: { id: string; date: string; kind: string; text: string }[];
  /** The attachments the records above name (at least those). */
  attachments: EvidenceItem['files'];
  /** The advisor's open recommendations on the report's day. */
  recommendations: Advice[];
  /** The implementation patterns over the range. */
  findings: Finding[];
  /** The paper trail's check when the report was made, and its first problem in words. */
  verified: VerifyResult;
  firstProblem: string | null;
  /** The school's service logs imported for the child, each with its reconciliation (issue 19). */
  serviceLogs?: ReportServiceLogInput[];
};

/** One record that may be cited, before it gets its reference. */
type Citable = Omit<EvidenceItem, 'ref' | 'files'> & { attachmentIds: string[] };

/** An observation of an accommodation, or a work sample's check of one (its id is the sample's). */
type Observation = ObservationFields & { record?: 'observation' | 'work_sample' };

const KIND_ORDER: Record<EvidenceKind, number> = Object.fromEntries(
  EVIDENCE_KINDS.map((k, i) => [k, i]),
) as Record<EvidenceKind, number>;

/** Why a session was missed, in the report's words. */
function reasonLabel(w: ReportWords, reason: string | null): string | null {
  if (reason == null) return null;
  if (w.language === 'en') return MISS_REASON_LABELS[reason as MissReason] ?? reason;
  return reason === 'other' ? w.say('reasonOther') : w.say('reason', { reason });
}

export function buildImplementationReport(input: ReportInput): ImplementationReport {
  const { from, to, asOf } = input.range;
  const language = input.language ?? 'en';
  // The report's own words (labels, what a record says in a line) in its language; record data as written.
  const w = reportWords(language);
  const inRange = (date: string) => date >= from && date <= to;
  // A record voided as logged by mistake is no evidence of anything.
  const inForce = <T extends Voidable>(list: readonly T[]) => list.filter((r) => r.voidedAt == null);

  // The plans in force at some point of the range; the one shown is the one in force at its end.
  const plans = input.plans;
  const rangePlans = plans.filter((p) => p.effectiveFrom <= to && p.effectiveTo >= from);
  const plan =
    [...rangePlans].reverse().find((p) => p.effectiveFrom <= to) ??
    [...plans].reverse().find((p) => p.effectiveFrom <= to) ??
    null;
  const rangePlanIds = rangePlans.map((p) => p.id);

  const serviceById = new Map(input.services.map((s) => [s.id, s]));

  // --- Every record of the child that the report may cite, keyed by id.
  const citable = new Map<string, Citable>();

  const sessionById = new Map(input.sessions.map((s) => [s.id, s]));
  // Only entries in force are cited (the ledger's ids are); a make-up names the latest word on its miss.
  const chains = currentSessionEntries(
    input.sessions.map((s) => ({ id: s.id, correctsEntryId: s.correctsEntryId, status: s.status })),
  );
  const madeUpDate = (id: string | null) => {
    if (!id) return null;
    const head = chains.headOf.get(id);
    if (head?.status === 'void') return null;
    return sessionById.get(head?.id ?? id)?.date ?? null;
  };
  for (const s of input.sessions) {
    const service = serviceById.get(s.serviceId)?.name ?? w.say('evidence.aService');
    const planned = s.minutesPlanned;
    const delivered = s.minutesDelivered;
    const reason = [reasonLabel(w, s.reason), s.reasonText].filter(Boolean).join(': ');
    const what =
      s.kind === 'makeup'
        ? w.say('evidence.makeup', { minutes: figure(delivered) })
        : s.status === 'delivered'
          ? w.say('evidence.delivered', { minutes: figure(delivered) })
          : s.status === 'short'
            ? w.say('evidence.short', {
                delivered: figure(delivered),
                planned: planned == null ? '?' : figure(planned),
              })
            : w.say('evidence.missed');
    citable.set(s.id, {
      recordId: s.id,
      kind: 'session_entry',
      date: s.date,
      source: w.sourceLabel(s.source),
      description: `${service}: ${what}${reason && s.kind !== 'makeup' ? ` (${reason})` : ''}${
        s.kind === 'makeup' && s.reasonText ? ` (${s.reasonText})` : ''
      }`,
      attachmentIds: [],
    });
  }

  const accommodationText = new Map(input.accommodations.map((a) => [a.id, a.text]));
  const observations: Observation[] = [];
  for (const o of inForce(input.observations)) {
    observations.push({
      id: o.id,
      accommodationId: o.accommodationId,
      date: o.date,
      outcome: o.outcome,
      className: o.className,
      setting: o.setting,
      teacherKind: o.teacherKind,
      source: o.source,
      note: o.note,
    });
    const teacher = o.teacherKind === 'substitute' ? `, ${w.say('evidence.substitute')}` : '';
    const outcome = w.outcomeLabel(o.outcome).toLowerCase();
    citable.set(o.id, {
      recordId: o.id,
      kind: 'accommodation_observation',
      date: o.date,
      source: w.sourceLabel(o.source),
      description: `${clip(accommodationText.get(o.accommodationId) ?? w.say('evidence.accommodation'), 60)}: ${o.className ? w.say('evidence.inClass', { outcome, className: o.className }) : outcome}${teacher}${o.note ? ` – ${clip(o.note, 120)}` : ''}`,
      attachmentIds: o.attachmentIds,
    });
  }
  // A work sample where the parent looked for an accommodation counts as an observation of it, as
  // in the patterns (src/server/services/patterns.ts): the sample is the record behind it.
  for (const sample of inForce(input.workSamples)) {
    for (const check of sample.accommodationChecks) {
      if (!accommodationText.has(check.accommodationId)) continue;
      observations.push({
        id: sample.id,
        accommodationId: check.accommodationId,
        date: sample.date,
        outcome: check.outcome,
        className: sample.className,
        setting: sample.setting,
        teacherKind: sample.teacherKind,
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
      source: w.sourceLabel('parent'),
      description: `“${clip(sample.title, 80)}”${sample.className ? `, ${sample.className}` : ''}${sample.note ? ` – ${clip(sample.note, 120)}` : ''}`,
      attachmentIds: sample.attachmentIds,
    });
  }

  const stepRows = input.behaviorSteps.filter((s) => rangePlanIds.includes(s.planId));
  const incidentRows = inForce(input.incidents);
  for (const i of incidentRows) {
    citable.set(i.id, {
      recordId: i.id,
      kind: 'behavior_incident',
      date: i.date,
      source: w.sourceLabel(i.source),
      description: clip(i.summary, 160),
      attachmentIds: i.attachmentIds,
    });
  }

  const contactName = new Map(input.teamContacts.map((t) => [t.id, t.name]));
  const communications = input.communications;
  const withWhom = (c: Communication) =>
    [
      ...c.contactIds.map((id) => contactName.get(id) ?? w.say('evidence.teamMember')),
      ...(c.otherParties ? [c.otherParties] : []),
    ].join(', ') || '–';
  for (const c of communications) {
    citable.set(c.id, {
      recordId: c.id,
      kind: 'communication',
      date: c.date,
      source: w.communicationLabel(c.kind, c.direction),
      description: w.say('evidence.message', {
        direction: c.direction === 'sent' ? 'sent' : 'received',
        with: withWhom(c),
        text: clip(c.subject ?? c.summary, 120),
      }),
      attachmentIds: c.attachmentIds,
    });
  }

  const goalArea = new Map(input.goals.map((g) => [g.id, g.area]));
  for (const p of input.goalProgress) {
    citable.set(p.id, {
      recordId: p.id,
      kind: 'goal_progress',
      date: p.date,
      source: w.sourceLabel(p.source),
      description: w.say('evidence.goal', {
        area: goalArea.get(p.goalId) ?? w.say('evidence.goalArea'),
        value: clip(p.value, 120),
      }),
      attachmentIds: p.attachmentIds,
    });
  }
  for (const n of input.parentNotes) {
    citable.set(n.id, {
      recordId: n.id,
      kind: 'parent_note',
      date: n.date,
      source: w.sourceLabel('parent'),
      description: w.say('evidence.note', { kind: n.kind.replace(/_/g, ' '), text: clip(n.text, 140) }),
      attachmentIds: [],
    });
  }

  // --- What the report cites: the entries behind the ledger's figures, every observation,
  // incident and message of the range, and whatever the advisor and the patterns point at.
  const cited = new Set<string>();
  const cite = (ids: Iterable<string>) => {
    for (const id of ids) if (citable.has(id)) cited.add(id);
  };
  const reportLedgers = input.ledgers.filter((l) => {
    const s = serviceById.get(l.serviceId);
    const ids = Object.values(l.totals.entryIds).flat();
    return (
      (s != null && s.startDate <= to && s.endDate >= from) || l.totals.requiredMinutes > 0 || ids.length > 0
    );
  });
  for (const l of reportLedgers) cite(Object.values(l.totals.entryIds).flat());
  const rangeObservations = observations.filter((o) => inRange(o.date));
  cite(rangeObservations.map((o) => o.id));
  const rangeIncidents = incidentRows.filter(
    (i) => inRange(i.date) && (rangePlanIds.includes(i.planId) || rangePlanIds.length === 0),
  );
  cite(rangeIncidents.map((i) => i.id));
  const rangeMessages = communications.filter((c) => inRange(c.date));
  cite(rangeMessages.map((c) => c.id));
  for (const r of input.recommendations) cite(r.entryIds);
  for (const f of input.findings) cite(f.entryIds);

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
  const attachmentById = new Map(input.attachments.map((a) => [a.attachmentId, a]));
  const evidence: EvidenceItem[] = ordered.map(({ attachmentIds: ids, ...c }) => ({
    ref: refOf.get(c.recordId)!,
    ...c,
    files: ids.flatMap((id) => {
      const a = attachmentById.get(id);
      return a ? [{ ...a }] : [];
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
        const planned = e.minutesPlanned;
        const delivered = e.minutesDelivered;
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
          reason: reasonLabel(w, e.reason),
          reasonText: e.reasonText,
          countedAs: makeup ? null : countedAs(e.id),
          makesUpDate: madeUpDate(e.makeupForEntryId),
          source: w.sourceLabel(e.source),
        };
      });
    const { entryIds: _ids, ...totals } = l.totals;
    return {
      id: l.serviceId,
      name: l.service.name,
      sourceText: s?.sourceText ?? null,
      providerRole: s?.providerRole ?? null,
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
  const rangeAccommodations = input.accommodations.filter(
    (a) => rangePlanIds.includes(a.planId) || rangeObservations.some((o) => o.accommodationId === a.id),
  );
  const accommodations: ReportAccommodation[] = rangeAccommodations.map((a) => {
    const own = rangeObservations.filter((o) => o.accommodationId === a.id);
    // One event, one fact: counted by occurrence, as the patterns, the letters and the living IEP count.
    const occurrences = accommodationOccurrences(
      own.map((o) => ({ ...o, outcome: o.outcome as AccommodationOutcome })),
    );
    const c = countOccurrences(occurrences);
    const counts = { provided: c.provided, partly: c.partly, notProvided: c.notProvided, unknown: c.unknown };
    const labels = (list: readonly Observation[]) => [...new Set(list.map((e) => w.sourceLabel(e.source)))];
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
  const toFinding = (f: Finding): PatternFinding => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    question: f.question,
    refs: refsOf(f.entryIds),
  });

  // --- The behavior plan: which steps staff followed and skipped, and rewards used.
  const stepText = new Map(stepRows.map((s) => [s.id, s.text]));
  const incidents = rangeIncidents.map((i) => {
    const followed = i.stepsFollowed;
    const skipped = i.stepsSkipped;
    return {
      ref: refOf.get(i.id)!,
      id: i.id,
      date: i.date,
      summary: i.summary,
      followedIds: followed,
      skippedIds: skipped,
      stepsFollowed: followed.map((id) => stepText.get(id) ?? w.say('evidence.aStep')),
      stepsSkipped: skipped.map((id) => stepText.get(id) ?? w.say('evidence.aStep')),
      rewardUsed: i.rewardUsed,
      consequenceContradicted: i.consequenceContradicted,
      source: w.sourceLabel(i.source),
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
    findings: input.findings.filter((f) => f.rule.startsWith('behavior_')).map(toFinding),
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
      label: w.communicationLabel(c.kind, c.direction),
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
  const recommendations: Recommendation[] = input.recommendations.map((r) => ({
    id: r.id,
    title: r.title,
    reason: r.reason,
    urgency: r.urgency,
    basis: isProductChoice(r.citation) ? r.citation.text : r.citation.source,
    productChoice: isProductChoice(r.citation),
    deadlines: r.deadlines.map((d) => ({
      label: d.label,
      date: d.date,
      basis: isProductChoice(d.citation) ? w.say('evidence.productChoice') : d.citation.source,
    })),
    refs: refsOf(r.entryIds),
  }));

  // --- The paper trail as it stood when the report was made.
  const verified = input.verified;

  // --- The school's service logs against the family's record (absent when none was imported).
  const reconciliation = reconciliationSection(
    input.serviceLogs ?? [],
    { from, to },
    (id) => serviceById.get(id)?.name ?? w.say('evidence.aService'),
    language,
  );

  const body: ReportBody = {
    format: 'as-written/implementation-report/1',
    language,
    child: input.child,
    plan: plan
      ? {
          id: plan.id,
          kind: plan.kind as 'iep' | '504',
          title: plan.title,
          jurisdiction: [plan.region, plan.country].filter(Boolean).join(', '),
          effectiveFrom: plan.effectiveFrom,
          effectiveTo: plan.effectiveTo,
        }
      : null,
    range: { from, to, asOf },
    preparedBy: input.preparedBy,
    ledgerUnavailable: input.ledgerUnavailable,
    services,
    ...(reconciliation ? { serviceLogReconciliation: reconciliation } : {}),
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
    accommodationFindings: input.findings.filter((f) => f.rule.startsWith('accommodation_')).map(toFinding),
    behaviorPlan,
    communications: communicationSummary,
    recommendations,
    evidence,
    journal: {
      entries: verified.journal.entries,
      headHash: verified.journal.headHash,
      verified: verified.ok,
      firstProblem: input.firstProblem,
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
