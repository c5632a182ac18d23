import type { z } from 'zod';
import type { PatternsQuery } from '../../api/ledger.ts';
import { adviceLanguage } from '../../domain/advisor/words.ts';
import {
  type AccommodationObservation,
  accommodationRates,
  type BehaviorStepRef,
  disagreementFindings,
  type Finding,
  findAccommodationLapsePatterns,
  findBehaviorPlanPatterns,
  findGoalFlags,
  findPullOutConflicts,
  type GoalRef,
  type PullOutSession,
} from '../../domain/implementation-patterns.ts';
import { accommodationOccurrences, occurrenceWords } from '../../domain/occurrences.ts';
import { requireChild, timetableOf } from '../../store/children.repository.ts';
import {
  listIncidentsOfPlans,
  listObservationsOfChild,
  listProgressOfGoals,
} from '../../store/observations.repository.ts';
import {
  accommodationTextsOfPlans,
  behaviorStepsOfPlans,
  goalsOfPlans,
  progressReportDatesOfPlans,
  serviceSettingsOfPlans,
} from '../../store/plan-content.repository.ts';
import { planIdsOfChild } from '../../store/plans.repository.ts';
import type { Db } from '../../store/repository.ts';
import { workSamplesOfChild } from '../../store/work-samples.repository.ts';
import { invalid } from '../errors.ts';
import { loadSessionOccurrences } from './session-occurrences.ts';
import { asked, settled } from './settled.ts';

// Patterns across what the family recorded, for one child: accommodations' rate of "provided",
// lapses concentrated on substitute days, in one class or with one staff member; behavior-plan
// steps skipped and rewards unused; goals without data, without progress, or met early; and
// sources that disagree. Each finding is a question to ask, with the entries behind it, worded in the
// reader's language (`language`: English unless Spanish; the labels, class and staff names and step texts
// are the family's own words and stay as written).

const short = (text: string) =>
  (text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text).replace(/\.$/, '');
const firstNumber = (text: string | null) => {
  const m = text ? /-?\d+(\.\d+)?/.exec(text) : null;
  return m ? Number(m[0]) : null;
};

export async function childPatterns(
  db: Db,
  householdId: string,
  childId: string,
  query: z.infer<typeof PatternsQuery>,
  today: string,
  language = 'en',
) {
  const { child, asOf, observations, findings, findingLanguage } = await patternsOf(
    db,
    householdId,
    childId,
    query,
    today,
    language,
  );
  return {
    childId,
    from: query.from,
    to: query.to,
    asOf,
    accommodationOccurrences: accommodationOccurrences(observations)
      .reverse()
      .map((o) => {
        const words = occurrenceWords(o, child.first_name, findingLanguage);
        return {
          key: o.key,
          accommodationId: o.accommodationId,
          date: o.date,
          className: o.className,
          classUnplaced: o.classUnplaced,
          setting: o.setting,
          teacherKind: o.teacherKind,
          outcome: o.outcome,
          lapse: o.lapse,
          disagreement: o.disagreement,
          sources: o.sources.map((e) => ({
            id: e.id,
            record: e.record ?? ('observation' as const),
            source: e.source,
            outcome: e.outcome,
            counts: e === o.decidedBy,
            agrees: e.outcome === 'unknown' || o.outcome === 'unknown' ? null : !o.disagreeing.includes(e),
          })),
          summary: words.summary,
          question: words.question,
          entryIds: o.entryIds,
        };
      }),
    accommodationRates: accommodationRates(observations, {
      from: query.from,
      to: query.to,
      bucket: query.bucket,
    }),
    findings,
  };
}

/**
 * The findings alone, as `childPatterns` gives them (the case record behind letters and the advisor
 * quotes only these): without the occurrences and the rates the patterns screen draws.
 */
export async function childFindings(...args: Parameters<typeof childPatterns>): Promise<Finding[]> {
  return (await patternsOf(...args)).findings;
}

async function patternsOf(
  db: Db,
  householdId: string,
  childId: string,
  query: z.infer<typeof PatternsQuery>,
  today: string,
  language = 'en',
) {
  const findingLanguage = adviceLanguage(language);
  const asOf = query.asOf ?? today;
  // Asked for at once, taken in order (settled.ts): what needs only the child, then what the plans hold
  // as soon as the plans are known.
  const childRead = asked(requireChild(db, householdId, childId));
  const planIdsRead = asked(planIdsOfChild(db, householdId, childId));
  // The observations of the accommodations of the child's plans (voided ones count nowhere).
  const observationsRead = asked(listObservationsOfChild(db, householdId, childId, query));
  const samplesRead = asked(workSamplesOfChild(db, householdId, childId, { from: query.from, to: query.to }));
  // Sessions as they stand: a corrected entry speaks through its correction, a voided one not at all,
  // and one session logged by several sources is one session (src/domain/occurrences.ts).
  const sessionsRead = asked(
    loadSessionOccurrences(db, householdId, { childId, kind: 'scheduled', from: query.from, to: query.to }),
  );
  const timetableRead = asked(timetableOf(db, householdId, childId));
  const child = settled(await childRead);
  if (query.to < query.from)
    throw invalid('to', `must not be before from (${query.from})`, {
      rule: 'dates.endBeforeStart',
      values: { startKey: 'from', start: query.from },
    });
  const planIds = settled(await planIdsRead);
  const accommodationsRead = asked(accommodationTextsOfPlans(db, householdId, planIds));
  const stepsRead = asked(behaviorStepsOfPlans(db, householdId, planIds));
  const incidentsRead = asked(listIncidentsOfPlans(db, householdId, planIds, query));
  const goalsRead = asked(goalsOfPlans(db, householdId, planIds));
  const reportsRead = asked(progressReportDatesOfPlans(db, householdId, planIds));
  const servicesRead = asked(serviceSettingsOfPlans(db, householdId, planIds));
  const accommodations = settled(await accommodationsRead);
  const accIds = accommodations.map((a) => a.id);
  const observationRows = settled(await observationsRead);
  const observations: AccommodationObservation[] = observationRows.map((r) => ({
    id: r.id,
    accommodationId: r.accommodation_id,
    date: r.date,
    outcome: r.outcome as AccommodationObservation['outcome'],
    className: r.class_name,
    setting: r.setting as AccommodationObservation['setting'],
    teacherKind: r.teacher_kind as AccommodationObservation['teacherKind'],
    staffName: r.staff_name,
    source: r.source as AccommodationObservation['source'],
  }));
  // A work sample where the parent looked for an accommodation counts as an observation of it,
  // from the work itself (the sample's id is the entry behind it).
  const samples = settled(await samplesRead);
  const known = new Set(accIds);
  for (const sample of samples) {
    for (const check of sample.accommodationChecks) {
      if (!known.has(check.accommodationId)) continue;
      observations.push({
        id: sample.id,
        accommodationId: check.accommodationId,
        date: sample.date,
        outcome: check.outcome as AccommodationObservation['outcome'],
        className: sample.class_name,
        setting: sample.setting as AccommodationObservation['setting'],
        teacherKind: sample.teacher_kind as AccommodationObservation['teacherKind'],
        staffName: null,
        source: 'work_sample',
        record: 'work_sample',
      });
    }
  }
  observations.sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date.localeCompare(b.date)));
  const labels: Record<string, string> = Object.fromEntries(accommodations.map((a) => [a.id, short(a.text)]));

  const steps = settled(await stepsRead);
  const incidents = settled(await incidentsRead);
  const goals = settled(await goalsRead);
  const reports = settled(await reportsRead);
  const points = await listProgressOfGoals(
    db,
    householdId,
    goals.map((g) => g.id),
  );
  for (const g of goals) labels[g.id] = g.area.toLowerCase();
  // A goal is read against the progress reports of its own plan: a goal of a plan renewed at the annual
  // review has had no report yet, and "no data since the report of April" would not be about it.
  const goalFlags = [...planIds].sort().flatMap((planId) => {
    const reportDates = reports.filter((r) => r.plan_id === planId).map((r) => r.date);
    return findGoalFlags(
      goals
        .filter((g) => g.plan_id === planId)
        .map((g): GoalRef => ({ id: g.id, targetValue: firstNumber(g.target), higherIsBetter: true })),
      points.map((p) => ({
        id: p.id,
        goalId: p.goal_id,
        date: p.date,
        numericValue: p.numeric_value == null ? null : Number(p.numeric_value),
        isProgressReport: p.source === 'progress_report',
      })),
      asOf,
      [...reportDates].reverse().find((d) => d <= asOf) ?? null,
      labels,
      reportDates.at(-1) ?? null,
      findingLanguage,
    );
  });

  const services = settled(await servicesRead);
  for (const s of services) labels[s.id] = s.name;
  const pullOutIds = services.filter((s) => s.setting === 'pull_out').map((s) => s.id);
  const sessions = settled(await sessionsRead);
  const pullOut = new Set(pullOutIds);
  const timedSessions = sessions.countedRows.filter((c) => pullOut.has(c.service_id) && c.start_time != null);
  const timetable = settled(await timetableRead);

  const findings: Finding[] = [
    ...findAccommodationLapsePatterns(observations, labels, findingLanguage),
    ...findBehaviorPlanPatterns(
      incidents.map((i) => ({
        id: i.id,
        date: i.date,
        stepsFollowed: i.stepsFollowedIds,
        stepsSkipped: i.stepsSkippedIds,
        rewardUsed: i.reward_used == null ? null : Number(i.reward_used) === 1,
        consequenceContradicted:
          i.consequence_contradicted == null ? null : Number(i.consequence_contradicted) === 1,
      })),
      steps.map((s) => ({ id: s.id, kind: s.kind as BehaviorStepRef['kind'], text: s.text })),
      findingLanguage,
    ),
    ...goalFlags,
    ...findPullOutConflicts(
      timedSessions.map((t) => ({
        id: t.id,
        serviceId: t.service_id,
        date: t.date,
        startTime: t.start_time,
        status: t.status as PullOutSession['status'],
      })),
      timetable.map((p) => ({
        weekday: Number(p.weekday),
        startTime: p.start_time,
        endTime: p.end_time,
        className: p.class_name,
      })),
      labels,
      findingLanguage,
    ),
    ...disagreementFindings(sessions.occurrences, labels, findingLanguage),
  ];
  return { child, asOf, observations, findings, findingLanguage };
}
