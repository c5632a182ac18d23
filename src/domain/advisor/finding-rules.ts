// Rules: the implementation patterns and goals (src/domain/implementation-patterns.ts): what to ask about a
// pattern, and when a goal's flags call for a meeting (docs/advisor-rules.md).

import { FINDING_RULES, type Finding } from '../implementation-patterns.ts';
import { askForMeeting, type Context, productChoice, unique } from './context.ts';
import { firstRung } from './ladder.ts';
import { ADVISOR_RULES, type Recommendation } from './recommendation.ts';
import { meetingDeadlines, recordsDeadlines } from './timelines.ts';

/** The plan's first words for a record the finding is about ("Extended time (1.5x) on tests"). */
function subjectWords(ctx: Context, id: string): string | null {
  const acc = ctx.record.accommodations.find((a) => a.id === id);
  if (acc) {
    const first = acc.text.split(/\.(?=\s|$)|[;\n]/)[0]!.trim();
    return first.length > 60 ? `${first.slice(0, 57).trimEnd()}…` : first;
  }
  return ctx.record.services.find((s) => s.id === id)?.name ?? null;
}

/**
 * A title that says which pattern the card is about, so several cards never read the same
 * ("Ask how substitutes are told about extended time", not "Ask about a pattern" four times).
 */
function findingTitle(ctx: Context, finding: Finding): string {
  const name = subjectWords(ctx, finding.subjectId);
  switch (finding.rule) {
    case FINDING_RULES.substituteLapses:
      return name
        ? `Ask how substitutes are told about “${name}”`
        : 'Ask how substitutes are told about the plan';
    case FINDING_RULES.classLapses:
      return name ? `Ask about “${name}” in one class` : 'Ask about an accommodation in one class';
    case FINDING_RULES.staffLapses:
      return name
        ? `Ask about “${name}” with one staff member`
        : 'Ask about an accommodation with one staff member';
    case FINDING_RULES.stepSkipped:
      return 'Ask about a behavior-plan step that is skipped';
    case FINDING_RULES.rewardsUnused:
      return 'Ask about the behavior plan’s rewards';
    case FINDING_RULES.consequenceContradicted:
      return 'Ask about consequences that go against the behavior plan';
    case FINDING_RULES.pullOutConflict:
      return name
        ? `Ask whether ${name} can move to another time`
        : 'Ask whether a pull-out can move to another time';
    default:
      return 'Ask about a pattern in your notes';
  }
}

/** Pattern findings that are worth one specific, non-accusing question to the teacher or case manager. */
const CONCERN_FINDINGS: ReadonlySet<string> = new Set([
  FINDING_RULES.substituteLapses,
  FINDING_RULES.classLapses,
  FINDING_RULES.staffLapses,
  FINDING_RULES.stepSkipped,
  FINDING_RULES.rewardsUnused,
  FINDING_RULES.consequenceContradicted,
  FINDING_RULES.pullOutConflict,
]);

export function findingRules(ctx: Context): Recommendation[] {
  const profile = ctx.profile;
  if (!profile) return [];
  const recommendations: Recommendation[] = [];
  const findings = [...ctx.record.findings].sort((a, b) =>
    `${a.rule}:${a.subjectId}` < `${b.rule}:${b.subjectId}` ? -1 : 1,
  );

  for (const finding of findings.filter((f) => CONCERN_FINDINGS.has(f.rule))) {
    recommendations.push({
      id: `${ADVISOR_RULES.patternConcern}:${finding.rule}:${finding.subjectId}`,
      rule: ADVISOR_RULES.patternConcern,
      action: 'follow_up',
      urgency: 'normal',
      subjectId: finding.subjectId,
      title: findingTitle(ctx, finding),
      reason: `${finding.message} ${finding.question}`,
      entryIds: [...finding.entryIds],
      citation: profile.bases.implementAsWritten,
      thresholds: [],
      confidence: {
        level: 'medium',
        why: 'A pattern in your notes shows where to look, not what happened: ask, do not conclude.',
      },
      deadlines: [],
      letterKind: 'specific_concern',
      ...firstRung(ctx),
    });
  }

  // Disagreements about sessions: one request for the logs per service.
  const disagreements = new Map<string, Finding[]>();
  for (const f of findings.filter((f) => f.rule === FINDING_RULES.disagreement)) {
    disagreements.set(f.subjectId, [...(disagreements.get(f.subjectId) ?? []), f]);
  }
  for (const [serviceId, list] of disagreements) {
    const service = ctx.record.services.find((s) => s.id === serviceId);
    recommendations.push({
      id: `${ADVISOR_RULES.sourcesDisagree}:${serviceId}`,
      rule: ADVISOR_RULES.sourcesDisagree,
      action: 'request_logs',
      urgency: 'normal',
      subjectId: serviceId,
      title: `Ask for the session notes${service ? ` for ${service.name}` : ''}`,
      reason: `${list.map((f) => f.message).join(' ')} Looking at the session notes together would settle ${list.length === 1 ? 'it' : 'them'}.`,
      entryIds: unique(list.flatMap((f) => f.entryIds)),
      citation: profile.bases.records,
      thresholds: [],
      confidence: { level: 'medium', why: 'Either record may be the mistaken one.' },
      deadlines: recordsDeadlines(ctx),
      letterKind: 'request_service_logs',
      ...firstRung(ctx, service ?? null),
    });
  }

  for (const finding of findings) {
    const goal = ctx.record.goals.find((g) => g.id === finding.subjectId);
    const goalName = goal ? `the ${goal.area} goal` : 'a goal';
    if (finding.rule === FINDING_RULES.noProgress || finding.rule === FINDING_RULES.targetMetEarly) {
      const noProgress = finding.rule === FINDING_RULES.noProgress;
      const rule = noProgress ? ADVISOR_RULES.goalNoProgress : ADVISOR_RULES.goalMetEarly;
      recommendations.push({
        id: `${rule}:${finding.subjectId}`,
        rule,
        action: 'call_iep_meeting',
        urgency: 'normal',
        subjectId: finding.subjectId,
        title: `${askForMeeting(ctx)} about ${goalName}`,
        reason: `${finding.message} ${finding.question}`,
        entryIds: [...finding.entryIds],
        citation: noProgress
          ? profile.bases.reviewForProgress
          : productChoice(
              'The article’s advice: call a meeting when goals are no longer relevant; a goal met early is ready for a new target.',
            ),
        thresholds: [],
        confidence: noProgress
          ? { level: 'high', why: 'Two progress reports in a row show no movement toward the target.' }
          : finding.entryIds.length > 1
            ? { level: 'high', why: 'The target was reached more than once.' }
            : { level: 'medium', why: 'The target was reached once; one good day may not last.' },
        deadlines: meetingDeadlines(ctx),
        letterKind: 'request_iep_meeting',
        ...firstRung(ctx),
      });
    } else if (finding.rule === FINDING_RULES.noDataSinceReport) {
      recommendations.push({
        id: `${ADVISOR_RULES.goalNoData}:${finding.subjectId}`,
        rule: ADVISOR_RULES.goalNoData,
        action: 'check_in',
        urgency: 'low',
        subjectId: finding.subjectId,
        title: `Check in about ${goalName}`,
        reason: `${finding.message} ${finding.question}`,
        entryIds: [...finding.entryIds],
        citation: productChoice(
          'The article’s advice: ask mid-term how goals are going instead of waiting for the report.',
        ),
        thresholds: [],
        confidence: { level: 'medium', why: 'Data may be collected without being shared with you yet.' },
        deadlines: [],
        letterKind: 'check_in',
        ...firstRung(ctx),
      });
    }
  }
  return recommendations;
}
