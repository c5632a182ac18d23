// Service logs asked for and not received (issue 19): a "request service logs" letter was sent, and by
// the end of the jurisdiction's records timeline (counted by the one deadline function from the day the
// letter was sent, or the day the school received it when the timeline runs from receipt) no log was
// imported for the child after the request and no answer to the letter is logged. The advisor suggests
// a follow-up on that letter, naming the timeline and its date. A profile with no number for records
// access (a Canadian plan, a state that sets none) never fires: the reply clock's follow-up covers it.

import { awaitsReply } from '../communications.ts';
import { deadlineOf } from '../deadlines.ts';
import { lowerFirst } from '../letter-words.ts';
import { type Context, contactNames, lettersSentAbout } from './context.ts';
import * as ladder from './ladder.ts';
import { ADVISOR_RULES, type Recommendation } from './recommendation.ts';
import { countText } from './timelines.ts';

export function serviceLogRules(ctx: Context): Recommendation[] {
  const { w } = ctx;
  const profile = ctx.profile;
  if (!profile) return [];
  const out: Recommendation[] = [];
  const received = ctx.record.serviceLogsReceived ?? [];
  for (const letter of lettersSentAbout(ctx, ['request_service_logs'], null, '0000-01-01')) {
    const message = ctx.communications.find((c) => c.id === letter.communicationId);
    if (!message) continue;
    // Received: a log imported for this child on or after the day it was asked for (for this service,
    // or a log of several services), or a reply to the letter (answered, or the parent closed it).
    const imported = received.some(
      (r) =>
        r.date >= letter.date &&
        r.date <= ctx.asOf &&
        (r.serviceId == null || letter.subjectId == null || r.serviceId === letter.subjectId),
    );
    if (imported) continue;
    if (!awaitsReply(message, ctx.communications, ctx.asOf)) continue;
    const start = message.schoolReceivedOn ?? letter.date;
    const due = deadlineOf(profile, 'records_access', start, ctx.calendar);
    if (!due || ctx.asOf <= due.date) continue;
    const { timeline } = due;
    const service = ctx.record.services.find((s) => s.id === letter.subjectId);
    const what = w.say('logs.what', {
      named: service ? 'yes' : 'no',
      service: service ? lowerFirst(service.name) : '',
    });
    const writtenTo = contactNames(ctx, message.contactIds);
    const lastRung = Math.max(1, ...message.contactIds.map((id) => ladder.contactRung(ctx, id)));
    out.push({
      id: `${ADVISOR_RULES.serviceLogsNotReceived}:${letter.communicationId}`,
      rule: ADVISOR_RULES.serviceLogsNotReceived,
      action: 'follow_up',
      urgency: 'high',
      subjectId: letter.communicationId,
      title: w.say('logs.title', { what }),
      reason: w.say('logs.reason', {
        who: writtenTo,
        what,
        date: w.date(letter.date),
        count: timeline.count ? countText(ctx, timeline.count) : '',
        fromReceipt: timeline.fromReceipt ? 'yes' : 'no',
        due: w.date(due.date),
      }),
      entryIds: [letter.communicationId],
      citation: timeline.citation,
      thresholds: [],
      confidence: {
        level: 'medium',
        why: w.say('logs.why'),
      },
      deadlines: [
        {
          label: w.say('logs.deadline', { count: timeline.count ? countText(ctx, timeline.count) : '' }),
          date: due.date,
          citation: timeline.citation,
        },
      ],
      letterKind: 'follow_up_unanswered',
      ladderStep: ladder.ladderStep(ctx, lastRung),
      contactIds: [...message.contactIds],
    });
  }
  return out;
}
