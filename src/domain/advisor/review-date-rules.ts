// Rules: the plan's own dates (the annual review, the reevaluation) when they are near or have passed
// (docs/advisor-rules.md).

import { addDays, daysBetween } from '../dates.ts';
import { type Context, planWords, settingThreshold } from './context.ts';
import { contactsAtRung, firstRung, ladderStep, letterForStep, nextStep, stepSentence } from './ladder.ts';
import { ADVISOR_RULES, type Recommendation } from './recommendation.ts';
import { filingWindows, meetingDeadlines, violationDeadlines } from './timelines.ts';

/**
 * Annual review and reevaluation dates that passed. A date just passed is a reminder to ask the case
 * manager when the review will be held (for `reviewOverdueGraceDays`, a product choice), not an
 * escalation. After that, under IDEA the review is required by law (34 CFR 300.324(b)(1), 300.303):
 * escalate one step up. A 504 plan (104.35(d), periodic, no fixed timeline) and a Canadian plan are
 * reviewed on request: ask for the meeting. A later date of the same kind means the
 * review was held and the plan updated, and so does a later plan recorded (the plan renewed at the
 * annual review, in force from a later date): its own dates are read once it is in force.
 */
export function reviewDateRules(ctx: Context): Recommendation[] {
  const { w } = ctx;
  const profile = ctx.profile;
  const plan = ctx.record.plan;
  if (!profile || !plan) return [];
  const recommendations: Recommendation[] = [];
  const kinds = [
    {
      kind: 'annual_review',
      rule: ADVISOR_RULES.annualReviewOverdue,
      ask: ADVISOR_RULES.annualReviewAskDate,
      basis: profile.bases.annualReview,
      what: 'annual_review',
    },
    {
      kind: 'reevaluation',
      rule: ADVISOR_RULES.reevaluationOverdue,
      ask: ADVISOR_RULES.reevaluationAskDate,
      basis: profile.bases.reevaluation,
      what: 'reevaluation',
    },
  ] as const;
  for (const { kind, rule, ask, basis, what } of kinds) {
    const dates = ctx.record.keyDates
      .filter((k) => k.kind === kind)
      .map((k) => k.date)
      .sort();
    const due = dates[dates.length - 1];
    if (!due || ctx.asOf <= due) continue;
    if (kind === 'annual_review' && ctx.record.nextPlan) continue;
    const firstLateDay = addDays(due, 1);
    const daysLate = daysBetween(due, ctx.asOf);
    if (daysLate <= ctx.settings.reviewOverdueGraceDays) {
      recommendations.push({
        id: `${ask}:${plan.id}`,
        rule: ask,
        action: 'follow_up',
        urgency: 'low',
        subjectId: plan.id,
        title: w.say('review.askTitle', { what }),
        reason: `${w.say('review.due', { plan: planWords(ctx), what, date: w.shortDate(due), days: daysLate })} ${w.say('review.askDate')}`,
        entryIds: [],
        citation: basis,
        thresholds: [settingThreshold('reviewOverdueGraceDays', ctx.settings.reviewOverdueGraceDays)],
        confidence: {
          level: 'medium',
          why: w.say('review.whyAsk', { what }),
        },
        deadlines: meetingDeadlines(ctx),
        letterKind: 'request_iep_meeting',
        ...firstRung(ctx),
      });
      continue;
    }
    const idea = profile.law === 'idea';
    const step = idea ? nextStep(ctx, due, 2, false) : ladderStep(ctx, 1);
    recommendations.push({
      id: `${rule}:${plan.id}`,
      rule,
      action: idea ? 'escalate' : 'call_iep_meeting',
      urgency: 'normal',
      subjectId: plan.id,
      title: idea
        ? w.say('review.escalateTitle', { what, date: w.date(due) })
        : w.say('review.meetingTitle', { plan: planWords(ctx), what, date: w.date(due) }),
      reason:
        w.say('review.due', { plan: planWords(ctx), what, date: w.shortDate(due), days: daysLate }) +
        (idea ? `${stepSentence(ctx, step)} ${filingWindows(ctx)}` : ` ${w.say('review.schedule')}`),
      entryIds: [],
      citation: basis,
      thresholds: [settingThreshold('reviewOverdueGraceDays', ctx.settings.reviewOverdueGraceDays)],
      confidence: {
        level: 'medium',
        why: w.say('review.why', { what }),
      },
      // Outside IDEA the plan's own date is not a legal deadline, so no complaint window is counted from it.
      deadlines: idea ? violationDeadlines(ctx, firstLateDay, ctx.asOf) : meetingDeadlines(ctx),
      letterKind: idea ? letterForStep(ctx, step) : 'request_iep_meeting',
      ladderStep: step,
      contactIds: step ? contactsAtRung(ctx, step.rung) : [],
    });
  }
  return recommendations;
}
