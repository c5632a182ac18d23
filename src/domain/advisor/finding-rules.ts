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
  const named = { named: name ? 'yes' : 'no', name: name ?? '' };
  switch (finding.rule) {
    case FINDING_RULES.substituteLapses:
      return ctx.w.say('pattern.substitutes', named);
    case FINDING_RULES.classLapses:
      return ctx.w.say('pattern.class', named);
    case FINDING_RULES.staffLapses:
      return ctx.w.say('pattern.staff', named);
    case FINDING_RULES.stepSkipped:
      return ctx.w.say('pattern.stepSkipped');
    case FINDING_RULES.rewardsUnused:
      return ctx.w.say('pattern.rewards');
    case FINDING_RULES.consequenceContradicted:
      return ctx.w.say('pattern.consequences');
    case FINDING_RULES.pullOutConflict:
      return ctx.w.say('pattern.pullOut', named);
    default:
      return ctx.w.say('pattern.other');
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

// A finding's message and question are worded by src/domain/implementation-patterns.ts in the language
// the record was gathered in (the server gathers it in the reader's language: src/server/services/advice.ts),
// so a reason quoting them reads in the same language as the advisor's own words.

export function findingRules(ctx: Context): Recommendation[] {
  const { w } = ctx;
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
        why: w.say('pattern.why'),
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
      title: w.say('disagree.title', { named: service ? 'yes' : 'no', service: service?.name ?? '' }),
      reason: `${list.map((f) => f.message).join(' ')} ${w.say('disagree.settle', { count: list.length })}`,
      entryIds: unique(list.flatMap((f) => f.entryIds)),
      citation: profile.bases.records,
      thresholds: [],
      confidence: { level: 'medium', why: w.say('disagree.why') },
      deadlines: recordsDeadlines(ctx),
      letterKind: 'request_service_logs',
      ...firstRung(ctx, service ?? null),
    });
  }

  for (const finding of findings) {
    const goal = ctx.record.goals.find((g) => g.id === finding.subjectId);
    const goalName = w.say('goal.name', { named: goal ? 'yes' : 'no', area: goal?.area ?? '' });
    if (finding.rule === FINDING_RULES.noProgress || finding.rule === FINDING_RULES.targetMetEarly) {
      const noProgress = finding.rule === FINDING_RULES.noProgress;
      const rule = noProgress ? ADVISOR_RULES.goalNoProgress : ADVISOR_RULES.goalMetEarly;
      recommendations.push({
        id: `${rule}:${finding.subjectId}`,
        rule,
        action: 'call_iep_meeting',
        urgency: 'normal',
        subjectId: finding.subjectId,
        title: w.say('goal.meetingTitle', { ask: askForMeeting(ctx), goal: goalName }),
        reason: `${finding.message} ${finding.question}`,
        entryIds: [...finding.entryIds],
        citation: noProgress
          ? profile.bases.reviewForProgress
          : productChoice(
              'The article’s advice: call a meeting when goals are no longer relevant; a goal met early is ready for a new target.',
            ),
        thresholds: [],
        confidence: noProgress
          ? { level: 'high', why: w.say('goal.whyNoProgress') }
          : finding.entryIds.length > 1
            ? { level: 'high', why: w.say('goal.whyMetTwice') }
            : { level: 'medium', why: w.say('goal.whyMetOnce') },
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
        title: w.say('goal.checkInTitle', { goal: goalName }),
        reason: `${finding.message} ${finding.question}`,
        entryIds: [...finding.entryIds],
        citation: productChoice(
          'The article’s advice: ask mid-term how goals are going instead of waiting for the report.',
        ),
        thresholds: [],
        confidence: { level: 'medium', why: w.say('goal.whyNoData') },
        deadlines: [],
        letterKind: 'check_in',
        ...firstRung(ctx),
      });
    }
  }
  return recommendations;
}
