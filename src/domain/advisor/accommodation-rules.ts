// Rules: accommodations. Lapses noted within the window, up the ladder one step at a time
// (docs/advisor-rules.md).

import { occurrencesOf } from '../case-record.ts';
import {
  askForMeeting,
  type Context,
  earliestAndLatest,
  lettersSentAbout,
  settingThreshold,
  unique,
  windowPassed,
  withinLastDays,
} from './context.ts';
import { firstAskInWriting, firstRung } from './ladder.ts';
import { ADVISOR_RULES, type Recommendation } from './recommendation.ts';
import { filingWindows, meetingDeadlines, violationDeadlines } from './timelines.ts';

export function accommodationRules(ctx: Context): Recommendation[] {
  const { settings, asOf, w } = ctx;
  const profile = ctx.profile;
  if (!profile) return [];
  const recommendations: Recommendation[] = [];
  for (const accommodation of ctx.record.accommodations) {
    // Lapses are occurrences: one school day and class, however many records note it.
    const lapses = occurrencesOf(accommodation).filter(
      (o) => o.lapse && withinLastDays(o.date, asOf, settings.accommodationLapseWindowDays),
    );
    if (lapses.length < settings.accommodationLapsesForMeeting) continue;
    const { earliest, latest } = earliestAndLatest(
      lapses.map((o) => o.date),
      asOf,
    );
    // A child's report decides an occurrence only when no other record of it has a known outcome.
    const onlyChild = lapses.every((o) => o.decidedBy.source === 'child_report');
    const confidence: Recommendation['confidence'] = onlyChild
      ? {
          level: 'medium',
          why: w.say('accommodation.whyChild'),
        }
      : { level: 'high', why: w.say('accommodation.why') };
    const thresholds = [
      settingThreshold('accommodationLapsesForMeeting', settings.accommodationLapsesForMeeting),
      settingThreshold('accommodationLapseWindowDays', settings.accommodationLapseWindowDays),
    ];
    const noted = {
      text: accommodation.text,
      count: lapses.length,
      days: settings.accommodationLapseWindowDays,
      dates: w.list(lapses.map((o) => w.shortDate(o.date))),
    };
    // One step at a time: ask the teacher or case manager first (a letter about this accommodation, or any
    // written message to them since the first lapse), then a meeting once their reply window passed.
    const letter = lettersSentAbout(ctx, ['specific_concern'], accommodation.id, earliest)[0];
    const written = firstAskInWriting(ctx, earliest);
    const askedId = letter?.communicationId ?? written?.id ?? null;
    if (askedId && !windowPassed(ctx, askedId)) continue;
    if (!askedId) {
      recommendations.push({
        id: `${ADVISOR_RULES.accommodationLapses}:${accommodation.id}`,
        rule: ADVISOR_RULES.accommodationLapses,
        action: 'follow_up',
        urgency: 'normal',
        subjectId: accommodation.id,
        title: w.say('accommodation.titleAsk'),
        reason: `${w.say('accommodation.askFirst', noted)} ${filingWindows(ctx)}`,
        entryIds: unique(lapses.flatMap((o) => o.entryIds)),
        citation: profile.bases.implementAsWritten,
        thresholds,
        confidence,
        deadlines: violationDeadlines(ctx, earliest, latest),
        letterKind: 'specific_concern',
        ...firstRung(ctx),
      });
      continue;
    }
    recommendations.push({
      id: `${ADVISOR_RULES.accommodationLapses}:${accommodation.id}`,
      rule: ADVISOR_RULES.accommodationLapses,
      action: 'call_iep_meeting',
      urgency: 'normal',
      subjectId: accommodation.id,
      title: w.say('accommodation.title', { ask: askForMeeting(ctx) }),
      reason: `${w.say('accommodation.asked', { ...noted, lapses: settings.accommodationLapsesForMeeting })} ${filingWindows(ctx)}`,
      entryIds: unique([...lapses.flatMap((o) => o.entryIds), askedId]),
      citation: profile.bases.implementAsWritten,
      thresholds,
      confidence,
      deadlines: [...meetingDeadlines(ctx), ...violationDeadlines(ctx, earliest, latest)],
      letterKind: 'request_iep_meeting',
      ...firstRung(ctx),
    });
  }
  return recommendations;
}
