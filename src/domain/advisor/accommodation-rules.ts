// Rules: accommodations. Lapses noted within the window, up the ladder one step at a time
// (docs/advisor-rules.md).

import { occurrencesOf } from '../case-record.ts';
import { formatShortDate } from '../dates.ts';
import { andList, countOf } from '../letter-words.ts';
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
import { FILING_WINDOWS_SENTENCE, meetingDeadlines, violationDeadlines } from './timelines.ts';

export function accommodationRules(ctx: Context): Recommendation[] {
  const { settings, asOf } = ctx;
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
          why: 'All of these come from what your child said; a work sample or the teacher’s word would confirm them.',
        }
      : {
          level: 'high',
          why: 'At least one lapse was seen by you, the teacher, a school record or a work sample.',
        };
    const thresholds = [
      settingThreshold('accommodationLapsesForMeeting', settings.accommodationLapsesForMeeting),
      settingThreshold('accommodationLapseWindowDays', settings.accommodationLapseWindowDays),
    ];
    const noted = `“${accommodation.text}” was noted as not given, or only partly, ${countOf(lapses.length, 'time')} in the last ${settings.accommodationLapseWindowDays} days (${andList(lapses.map((o) => formatShortDate(o.date)))})`;
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
        title: 'Ask the teacher about an accommodation',
        reason:
          `${noted}. A specific, friendly question to the teacher or case manager is the first step; ` +
          `As Written suggests a meeting if it continues after that. ${FILING_WINDOWS_SENTENCE}`,
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
      title: `${askForMeeting(ctx)} about an accommodation`,
      reason: `${noted}, and you have asked about it. As Written suggests a meeting at ${settings.accommodationLapsesForMeeting} in ${settings.accommodationLapseWindowDays} days. ${FILING_WINDOWS_SENTENCE}`,
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
