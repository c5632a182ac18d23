// Rules: what the parent noted (new challenges, concerns, harm) and what it calls for
// (docs/advisor-rules.md).

import { askForMeeting, type Context, productChoice, settingThreshold, withinLastDays } from './context.ts';
import { firstRung, nextStep, stepSentence, stepUp } from './ladder.ts';
import { ADVISOR_RULES, type Recommendation } from './recommendation.ts';
import { boardAppealDeadlines, meetingDeadlines } from './timelines.ts';

export function parentNoteRules(ctx: Context): Recommendation[] {
  const { settings, asOf, w } = ctx;
  const profile = ctx.profile;
  if (!profile) return [];
  const recommendations: Recommendation[] = [];
  const notes = [...ctx.record.parentNotes].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1,
  );
  const meetings = ctx.communications.filter((c) => c.kind === 'meeting');

  // New challenges with no meeting logged since: the article's "new challenges have emerged".
  const challenges = notes.filter(
    (n) =>
      n.kind === 'new_challenge' &&
      withinLastDays(n.date, asOf, settings.newChallengeLookbackDays) &&
      !meetings.some((m) => m.date > n.date),
  );
  if (challenges.length >= settings.newChallengesForMeeting) {
    recommendations.push({
      id: `${ADVISOR_RULES.newChallenges}:${ctx.record.plan?.id ?? 'plan'}`,
      rule: ADVISOR_RULES.newChallenges,
      action: 'call_iep_meeting',
      urgency: 'normal',
      subjectId: ctx.record.plan?.id ?? 'plan',
      title: w.say('newChallenges.title', { ask: askForMeeting(ctx) }),
      reason: w.say('newChallenges.reason', {
        count: challenges.length,
        days: settings.newChallengeLookbackDays,
        notes: w.list(challenges.map((n) => w.say('note', { date: w.shortDate(n.date), text: n.text }))),
      }),
      entryIds: challenges.map((n) => n.id),
      citation: profile.bases.requestMeeting,
      thresholds: [
        settingThreshold('newChallengesForMeeting', settings.newChallengesForMeeting),
        settingThreshold('newChallengeLookbackDays', settings.newChallengeLookbackDays),
      ],
      confidence: { level: 'high', why: w.say('newChallenges.why') },
      deadlines: meetingDeadlines(ctx),
      letterKind: 'request_iep_meeting',
      ...firstRung(ctx),
    });
  }

  for (const note of notes) {
    if (note.kind === 'concern' && withinLastDays(note.date, asOf, settings.concernLookbackDays)) {
      recommendations.push({
        id: `${ADVISOR_RULES.parentConcern}:${note.id}`,
        rule: ADVISOR_RULES.parentConcern,
        action: 'follow_up',
        urgency: 'normal',
        subjectId: note.id,
        title: w.say('concern.title', { date: w.shortDate(note.date) }),
        reason: w.say('concern.reason', { date: w.shortDate(note.date), text: note.text }),
        entryIds: [note.id],
        citation: productChoice(
          'The article’s advice: email the teacher or case manager, specific but non-accusatory.',
        ),
        thresholds: [settingThreshold('concernLookbackDays', settings.concernLookbackDays)],
        confidence: {
          level: 'medium',
          why: w.say('concern.why'),
        },
        deadlines: [],
        letterKind: 'specific_concern',
        ...firstRung(ctx),
      });
    }
    if (note.kind === 'harm' && withinLastDays(note.date, asOf, settings.harmLookbackDays)) {
      const step = nextStep(ctx, note.date, 2, true);
      recommendations.push({
        id: `${ADVISOR_RULES.harmNoted}:${note.id}`,
        rule: ADVISOR_RULES.harmNoted,
        action: 'escalate',
        urgency: 'high',
        subjectId: note.id,
        title: w.say('harm.title', { date: w.shortDate(note.date) }),
        reason: `${w.say('harm.reason', { date: w.shortDate(note.date), text: note.text })}${stepSentence(ctx, step)}`,
        entryIds: [note.id],
        citation: productChoice(
          'The article’s advice: escalate if your child is being harmed academically or emotionally. One note is enough.',
        ),
        thresholds: [settingThreshold('harmLookbackDays', settings.harmLookbackDays)],
        confidence: { level: 'high', why: w.say('harm.why') },
        deadlines: boardAppealDeadlines(ctx, step),
        ...stepUp(ctx, step),
      });
    }
  }
  return recommendations;
}
