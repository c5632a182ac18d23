// Rules: communication. Unanswered messages and threads, calls and meetings not followed up in writing,
// and when it is time to ask someone higher up or call a meeting (docs/advisor-rules.md).

import {
  awaitsReply,
  type Communication,
  replyState,
  verbalWithoutWrittenFollowUp,
} from '../communications.ts';
import { daysBetween } from '../dates.ts';
import { ladderStepAt, type ProductChoice, topPersonRung } from '../jurisdictions.ts';
import { countOf } from '../letter-words.ts';
import {
  askForMeeting,
  byDateTimeId,
  type Context,
  contactNames,
  messageWords,
  planWords,
  productChoice,
  settingThreshold,
  unique,
  withinLastDays,
} from './context.ts';
import * as ladder from './ladder.ts';
import { ADVISOR_RULES, COMMUNICATION_SUBJECT, type Recommendation } from './recommendation.ts';
import { meetingDeadlines, replyExpectedDeadline } from './timelines.ts';

type ThreadState = {
  rootId: string;
  /** Sent messages past their reply date with no reply anywhere later in the thread, oldest first. */
  unanswered: Communication[];
  /** Sent messages still inside their reply window, oldest first. */
  waiting: Communication[];
  /** The newest message still expecting a reply is inside its reply window (a follow-up is pending). */
  waitingOnLatest: boolean;
  /** Messages waiting on a holding reply's promise (an answer promised by a date not yet passed). */
  holding: Communication[];
};

/**
 * Groups messages into threads by `inReplyToId` and finds the unanswered ones. `replyState`
 * (src/domain/communications.ts) is the one rule: a reply that names the message, or a later reply in
 * the thread (to a follow-up), answers it; a holding reply only moves its clock to the promised date.
 */
export function analyseThreads(all: readonly Communication[], asOf: string): ThreadState[] {
  const byId = new Map(all.map((c) => [c.id, c]));
  const ancestorsOf = (c: Communication): Set<string> => {
    const seen = new Set<string>();
    let parentId = c.inReplyToId;
    while (parentId && !seen.has(parentId) && byId.has(parentId)) {
      seen.add(parentId);
      parentId = byId.get(parentId)!.inReplyToId;
    }
    return seen;
  };
  // Ancestors are collected from the parent upward, so the last one is the thread's first message.
  const rootOf = (c: Communication): string => [c.id, ...ancestorsOf(c)].pop()!;
  const threads = new Map<string, Communication[]>();
  for (const c of [...all].sort(byDateTimeId)) {
    const root = rootOf(c);
    const list = threads.get(root);
    if (list) list.push(c);
    else threads.set(root, [c]);
  }

  const states: ThreadState[] = [];
  for (const [rootId, messages] of threads) {
    const expecting = messages.filter((m) => m.direction === 'sent' && awaitsReply(m, all, asOf));
    const holding = messages.filter(
      (m) => m.direction === 'sent' && replyState(m, all, asOf).state === 'holding',
    );
    if (expecting.length === 0) {
      if (holding.length > 0)
        states.push({ rootId, unanswered: [], waiting: [], waitingOnLatest: false, holding });
      continue;
    }
    const latest = expecting[expecting.length - 1]!;
    states.push({
      rootId,
      unanswered: expecting.filter((m) => replyState(m, all, asOf).state === 'overdue'),
      waiting: expecting.filter((m) => replyState(m, all, asOf).state === 'waiting'),
      waitingOnLatest: replyState(latest, all, asOf).state === 'waiting',
      holding,
    });
  }
  return states.sort((a, b) => (a.rootId < b.rootId ? -1 : a.rootId > b.rootId ? 1 : 0));
}

function followUpCitation(ctx: Context): ProductChoice {
  return productChoice(
    `The article’s advice: when an email goes unanswered, follow up in writing; the reply window (${countOf(ctx.settings.replySchoolDays, 'school day')}) is your setting.`,
  );
}

export function communicationRules(ctx: Context): Recommendation[] {
  const { settings, asOf, w } = ctx;
  const recommendations: Recommendation[] = [];
  const threads = analyseThreads(ctx.communications, asOf);

  // Escalation counts follow-ups that went unanswered too: in a thread with n unanswered messages, n - 1.
  const escalating = threads.filter((t) => t.unanswered.length >= 2);
  const unansweredFollowUps = escalating.reduce((sum, t) => sum + t.unanswered.length - 1, 0);
  const escalates = unansweredFollowUps >= settings.unansweredForEscalation;

  for (const thread of threads) {
    const n = thread.unanswered.length;
    if (n === 0 || thread.waitingOnLatest) continue;
    if (escalates && n >= 2) continue; // the escalation letter covers this thread
    const first = thread.unanswered[0]!;
    const last = thread.unanswered[n - 1]!;
    const lastState = replyState(last, ctx.communications, asOf);
    const daysLate = lastState.state === 'overdue' ? lastState.daysLate : 0;
    const writtenTo = contactNames(ctx, last.contactIds);
    const lastRung = Math.max(1, ...last.contactIds.map((id) => ladder.contactRung(ctx, id)));

    if (n < settings.unansweredInThreadForSupervisor) {
      recommendations.push({
        id: `${ADVISOR_RULES.replyOverdue}:${thread.rootId}`,
        rule: ADVISOR_RULES.replyOverdue,
        action: 'follow_up',
        urgency: 'normal',
        subjectId: thread.rootId,
        title: w.say('replyOverdue.title', { message: messageWords(ctx, first) }),
        reason:
          (lastState.state === 'overdue' && lastState.holdingReplyIds
            ? w.say('replyOverdue.promised', {
                who: writtenTo,
                sent: w.shortDate(last.date),
                due: w.shortDate(lastState.dueBy),
                days: daysLate,
              })
            : w.say('replyOverdue.expected', {
                who: writtenTo,
                sent: w.shortDate(last.date),
                due: w.shortDate(last.replyExpectedBy!),
                days: daysLate,
              })) + (n > 1 ? ` ${w.say('replyOverdue.waiting', { count: n })}` : ''),
        entryIds: thread.unanswered.map((m) => m.id),
        citation: followUpCitation(ctx),
        thresholds: [settingThreshold('replySchoolDays', settings.replySchoolDays)],
        confidence: {
          level: 'high',
          why: w.say('replyOverdue.why'),
        },
        deadlines: replyExpectedDeadline(ctx),
        letterKind: 'follow_up_unanswered',
        ladderStep: ladder.ladderStep(ctx, lastRung),
        contactIds: [...last.contactIds],
      });
      continue;
    }

    // A follow-up went unanswered too: copy the next person up (the case manager's supervisor).
    const step = ctx.profile
      ? ladderStepAt(ctx.profile, Math.min(Math.max(2, lastRung + 1), topPersonRung(ctx.profile)))
      : null;
    const supervisorIds = step ? ladder.contactsAtRung(ctx, step.rung) : [];
    const copyWho =
      supervisorIds.length > 0
        ? contactNames(ctx, supervisorIds)
        : step
          ? w.say('copy.step', { id: step.id, step: ladder.stepLabel(ctx, step).toLowerCase() })
          : w.say('copy.supervisor');
    recommendations.push({
      id: `${ADVISOR_RULES.replyOverdueAfterFollowUp}:${thread.rootId}`,
      rule: ADVISOR_RULES.replyOverdueAfterFollowUp,
      action: 'follow_up_supervisor',
      urgency: 'normal',
      subjectId: thread.rootId,
      title: w.say('replyOverdueAfterFollowUp.title', { message: messageWords(ctx, first), who: copyWho }),
      reason: w.say('replyOverdueAfterFollowUp.reason', {
        count: n,
        first: w.shortDate(first.date),
        latest: w.shortDate(last.date),
        promised: lastState.state === 'overdue' && lastState.holdingReplyIds ? 'yes' : 'no',
        due: w.shortDate(lastState.state === 'overdue' ? lastState.dueBy : last.replyExpectedBy!),
        days: daysLate,
        who: copyWho,
      }),
      entryIds: thread.unanswered.map((m) => m.id),
      citation: followUpCitation(ctx),
      thresholds: [
        settingThreshold('unansweredInThreadForSupervisor', settings.unansweredInThreadForSupervisor),
      ],
      confidence: {
        level: 'high',
        why: w.say('replyOverdueAfterFollowUp.why'),
      },
      deadlines: replyExpectedDeadline(ctx),
      letterKind: 'follow_up_unanswered',
      ladderStep: step,
      contactIds: unique([...last.contactIds, ...supervisorIds]),
    });
  }

  if (escalates) {
    const messages = escalating.flatMap((t) => t.unanswered).sort(byDateTimeId);
    const since = messages[0]!.date;
    const step = ladder.nextStep(ctx, since, 2, true);
    recommendations.push({
      id: `${ADVISOR_RULES.unansweredAfterFollowUps}:${COMMUNICATION_SUBJECT}`,
      rule: ADVISOR_RULES.unansweredAfterFollowUps,
      action: 'escalate',
      urgency: 'normal',
      subjectId: COMMUNICATION_SUBJECT,
      title: w.say('unansweredAfterFollowUps.title', { followUps: unansweredFollowUps }),
      reason:
        w.say('unansweredAfterFollowUps.reason', {
          since: w.shortDate(since),
          messages: messages.length,
          threads: escalating.length,
          followUps: unansweredFollowUps,
          names: w.list(escalating.map((t) => messageWords(ctx, t.unanswered[0]!))),
        }) + ladder.stepSentence(ctx, step),
      entryIds: messages.map((m) => m.id),
      citation: productChoice(
        'The article’s advice: escalate when repeated emails go unanswered. How many is your setting.',
      ),
      thresholds: [settingThreshold('unansweredForEscalation', settings.unansweredForEscalation)],
      confidence: {
        level: 'medium',
        why: w.say('unansweredAfterFollowUps.why'),
      },
      deadlines: replyExpectedDeadline(ctx),
      ...ladder.stepUp(ctx, step),
    });
  }

  const waitingThreads = threads.filter((t) => t.unanswered.length > 0);
  if (waitingThreads.length >= settings.unansweredThreadsForMeeting) {
    const messages = waitingThreads.flatMap((t) => t.unanswered).sort(byDateTimeId);
    const addressed = new Set(messages.flatMap((m) => m.contactIds));
    recommendations.push({
      id: `${ADVISOR_RULES.communicationBreakdown}:${COMMUNICATION_SUBJECT}`,
      rule: ADVISOR_RULES.communicationBreakdown,
      action: 'call_iep_meeting',
      urgency: 'normal',
      subjectId: COMMUNICATION_SUBJECT,
      title: w.say('communicationBreakdown.title', { ask: askForMeeting(ctx), count: waitingThreads.length }),
      reason: w.say('communicationBreakdown.reason', {
        count: waitingThreads.length,
        names: w.list(waitingThreads.map((t) => messageWords(ctx, t.unanswered[0]!))),
      }),
      entryIds: messages.map((m) => m.id),
      citation: ctx.profile?.bases.requestMeeting ?? productChoice('You can ask for a meeting at any time.'),
      thresholds: [settingThreshold('unansweredThreadsForMeeting', settings.unansweredThreadsForMeeting)],
      confidence: {
        level: 'medium',
        why: w.say('communicationBreakdown.why'),
      },
      deadlines: meetingDeadlines(ctx),
      letterKind: 'request_iep_meeting',
      ladderStep: ladder.ladderStep(ctx, 1),
      contactIds: ladder.contactsAtRung(ctx, 1).filter((id) => addressed.has(id)),
    });
  }

  for (const talk of verbalWithoutWrittenFollowUp(ctx.communications)) {
    if (!withinLastDays(talk.date, asOf, settings.verbalFollowUpLookbackDays)) continue;
    const what = talk.kind === 'phone' ? 'phone' : 'meeting';
    // A written message to the same people within two days may be the follow-up, logged without its link.
    const maybeFollowUp = ctx.communications.find(
      (c) =>
        c.direction === 'sent' &&
        (c.kind === 'email' || c.kind === 'letter') &&
        c.date >= talk.date &&
        daysBetween(talk.date, c.date) <= 2 &&
        c.contactIds.some((id) => talk.contactIds.includes(id)),
    );
    recommendations.push({
      id: `${ADVISOR_RULES.verbalWithoutFollowUp}:${talk.id}`,
      rule: ADVISOR_RULES.verbalWithoutFollowUp,
      action: 'write_follow_up',
      urgency: 'normal',
      subjectId: talk.id,
      title: w.say('verbal.title', { kind: what, date: w.shortDate(talk.date) }),
      reason: w.say('verbal.reason', {
        kind: what,
        who: contactNames(ctx, talk.contactIds),
        date: w.shortDate(talk.date),
        hasSubject: talk.subject ? 'yes' : 'no',
        subject: talk.subject ?? '',
        nextSteps: talk.nextSteps ? 'yes' : 'no',
      }),
      entryIds: [talk.id],
      citation: productChoice(
        'The article’s advice: always follow verbal conversations up with an email summary. How far back is your setting.',
      ),
      thresholds: [settingThreshold('verbalFollowUpLookbackDays', settings.verbalFollowUpLookbackDays)],
      confidence: maybeFollowUp
        ? {
            level: 'medium',
            why: w.say('verbal.whyMaybe', { date: w.shortDate(maybeFollowUp.date), kind: what }),
          }
        : { level: 'high', why: w.say('verbal.why', { kind: what }) },
      deadlines: [],
      letterKind: 'follow_up_verbal',
      ladderStep: ladder.ladderStep(ctx, 1),
      contactIds: [...talk.contactIds],
    });
  }

  const lastSent = ctx.communications
    .filter((c) => c.direction === 'sent')
    .sort(byDateTimeId)
    .pop();
  const plan = ctx.record.plan;
  if (plan && plan.effectiveFrom <= asOf && asOf <= plan.effectiveTo) {
    const since = lastSent?.date ?? plan.effectiveFrom;
    const quietDays = daysBetween(since, asOf);
    if (quietDays >= settings.checkInQuietDays) {
      recommendations.push({
        id: `${ADVISOR_RULES.noRecentCheckIn}:${plan.id}`,
        rule: ADVISOR_RULES.noRecentCheckIn,
        action: 'check_in',
        urgency: 'low',
        subjectId: plan.id,
        title: w.say('checkIn.title'),
        reason: `${
          lastSent
            ? w.say('checkIn.lastMessage', { days: quietDays, date: w.shortDate(lastSent.date) })
            : w.say('checkIn.noMessage', { plan: planWords(ctx), days: quietDays })
        } ${w.say('checkIn.note')}`,
        entryIds: lastSent ? [lastSent.id] : [],
        citation: productChoice(
          'The article’s advice: send mid-term check-ins; do not wait for the annual meeting. How often is your setting.',
        ),
        thresholds: [settingThreshold('checkInQuietDays', settings.checkInQuietDays)],
        confidence: { level: 'high', why: w.say('checkIn.why') },
        deadlines: [],
        letterKind: 'check_in',
        ...ladder.firstRung(ctx),
      });
    }
  }
  return recommendations;
}
