// Reminders: what is coming up (a weekly check-in, a progress report, a review, a promised answer, a
// request's deadline) for the app, the calendar feed and the reminder emails.

import type { CaseRecord } from '../case-record.ts';
import { type Communication, replyState } from '../communications.ts';
import { addDays, daysBetween, weekStart } from '../dates.ts';
import { countWords, deadlineOf } from '../deadlines.ts';
import type { MessageWords } from '../errors.ts';
import { type TimelineId, timelineOf } from '../jurisdictions.ts';
import { countOf } from '../letter-words.ts';
import { analyseThreads } from './communication-rules.ts';
import { type Context, context, formatDate, messageName, planName } from './context.ts';
import type { AdvisorSettings } from './settings.ts';

export type ReminderKind =
  | 'weekly_check_in'
  | 'mid_term_check_in'
  | 'reply_due'
  | 'reply_overdue'
  | 'annual_review'
  | 'reevaluation'
  | 'request_deadline';

/**
 * A reminder's title and detail as catalog messages (issue 17), for a reader of another language: the
 * English `title` and `detail` say the same. Values named `…Date` are school dates (YYYY-MM-DD) and
 * `…ShortDate` the same written short; the reader's side writes them in its language.
 */
export type ReminderWords = { title: MessageWords; detail: MessageWords };

export type Reminder = {
  id: string;
  date: string;
  title: string;
  detail: string;
  kind: ReminderKind;
  words: ReminderWords;
};

/** How a message is named in a reminder's words: its subject, else "your message of Nov 2". */
function messageValues(message: Communication) {
  return {
    named: message.subject ? 'yes' : 'no',
    subject: message.subject ?? '',
    messageShortDate: message.date,
  };
}

const countValues = (count: { amount: number; unit: string }) => ({ amount: count.amount, unit: count.unit });

/**
 * Upcoming reminders on or after `record.asOf`, by date: the weekly check-in (on the setting's weekday, or
 * the last school day before it that week; weeks with no school day are skipped), a mid-term check-in
 * halfway between progress reports, a reply coming due (the day after its reply date) or overdue (today),
 * and the annual review and reevaluation approaching (lead times are settings; a lead date already passed
 * is shown today).
 */
export function reminders(record: CaseRecord, settings: AdvisorSettings): Reminder[] {
  const ctx = context(record, settings);
  const { asOf } = ctx;
  const plan = record.plan;
  const name = planName(ctx);
  const list: Reminder[] = [];

  if (plan) {
    const horizonEnd = addDays(asOf, settings.reminderHorizonDays - 1);
    for (let monday = weekStart(asOf); monday <= horizonEnd; monday = addDays(monday, 7)) {
      let date: string | null = null;
      for (let d = addDays(monday, settings.weeklyCheckInWeekday - 1); d >= monday; d = addDays(d, -1)) {
        if (record.isSchoolDay(d)) {
          date = d;
          break;
        }
      }
      if (!date || date < asOf || date > horizonEnd || date < plan.effectiveFrom || date > plan.effectiveTo)
        continue;
      list.push({
        id: `weekly_check_in:${date}`,
        date,
        title: 'Weekly check-in',
        detail:
          'Ask your child open questions about the week (“Where did you sit in class today?”), note what you learn, and send the case manager a short note if something slipped.',
        kind: 'weekly_check_in',
        words: { title: { key: 'reminder.weekly.title' }, detail: { key: 'reminder.weekly.detail' } },
      });
    }

    const reports = record.keyDates
      .filter((k) => k.kind === 'progress_report')
      .map((k) => k.date)
      .sort();
    reports.forEach((report, index) => {
      if (report < asOf) return;
      const previous = index > 0 ? reports[index - 1]! : plan.effectiveFrom;
      if (previous >= report) return;
      let mid = addDays(previous, Math.floor(daysBetween(previous, report) / 2));
      for (let d = mid; d < report; d = addDays(d, 1)) {
        if (record.isSchoolDay(d)) {
          mid = d;
          break;
        }
      }
      if (mid < asOf) return;
      list.push({
        id: `mid_term_check_in:${report}`,
        date: mid,
        title: 'Mid-term check-in',
        detail: `Halfway to the progress report of ${formatDate(report)}: ask the case manager how services are going and whether goals are on track.`,
        kind: 'mid_term_check_in',
        words: {
          title: { key: 'reminder.midTerm.title' },
          detail: { key: 'reminder.midTerm.detail', values: { reportDate: report } },
        },
      });
    });

    const reviewKinds = [
      { kind: 'annual_review', lead: settings.annualReviewLeadDays, what: `${name} annual review` },
      { kind: 'reevaluation', lead: settings.reevaluationLeadDays, what: 'reevaluation' },
    ] as const;
    for (const { kind, lead, what } of reviewKinds) {
      for (const keyDate of record.keyDates.filter((k) => k.kind === kind && k.date >= asOf)) {
        const leadDate = addDays(keyDate.date, -lead);
        list.push({
          id: `${kind}:${keyDate.date}`,
          date: leadDate < asOf ? asOf : leadDate,
          title: `The ${what} is on ${formatDate(keyDate.date)}`,
          detail:
            kind === 'annual_review'
              ? 'Write down what works, what you want changed, and the numbers from your log to bring to the meeting.'
              : 'Think about what you want the evaluation to look at, and ask the team how it will be planned.',
          kind,
          words:
            kind === 'annual_review'
              ? {
                  title: { key: 'reminder.review.title', values: { plan: name, reviewDate: keyDate.date } },
                  detail: { key: 'reminder.review.detail' },
                }
              : {
                  title: { key: 'reminder.reevaluation.title', values: { reviewDate: keyDate.date } },
                  detail: { key: 'reminder.reevaluation.detail' },
                },
        });
      }
    }
  }

  const overdueWords = (m: Communication) => {
    const state = replyState(m, ctx.communications, asOf);
    const promised = state.state === 'overdue' && state.holdingReplyIds;
    return {
      promised: promised ? 'yes' : 'no',
      dueDate: state.state === 'overdue' ? state.dueBy : m.replyExpectedBy!,
    };
  };
  const overdueSince = (m: Communication): string => {
    const state = replyState(m, ctx.communications, asOf);
    if (state.state === 'overdue' && state.holdingReplyIds)
      return `An answer was promised by ${formatDate(state.dueBy)}`;
    return `A reply was expected by ${formatDate(state.state === 'overdue' ? state.dueBy : m.replyExpectedBy!)}`;
  };
  for (const thread of analyseThreads(ctx.communications, asOf)) {
    for (const message of thread.holding) {
      const state = replyState(message, ctx.communications, asOf);
      if (state.state !== 'holding') continue;
      list.push({
        id: `reply_promised:${message.id}`,
        date: addDays(state.promisedBy, 1),
        title: `Answer promised on ${messageName(message)}`,
        detail: `The reply promised an answer by ${formatDate(state.promisedBy)}. If none comes, As Written will help you follow up.`,
        kind: 'reply_due',
        words: {
          title: { key: 'reminder.promised.title', values: messageValues(message) },
          detail: { key: 'reminder.promised.detail', values: { dueDate: state.promisedBy } },
        },
      });
    }
    for (const message of thread.waiting) {
      list.push({
        id: `reply_due:${message.id}`,
        date: addDays(message.replyExpectedBy!, 1),
        title: `Reply due on ${messageName(message)}`,
        detail: `You expected a reply by ${formatDate(message.replyExpectedBy!)}. If none comes, As Written will help you follow up.`,
        kind: 'reply_due',
        words: {
          title: { key: 'reminder.replyDue.title', values: messageValues(message) },
          detail: { key: 'reminder.replyDue.detail', values: { dueDate: message.replyExpectedBy! } },
        },
      });
    }
    // One reminder per thread, about its latest unanswered message (the advisor has the details).
    const latest = thread.unanswered[thread.unanswered.length - 1];
    if (latest) {
      const more =
        thread.unanswered.length > 1
          ? ` (${countOf(thread.unanswered.length, 'message')} in this thread)`
          : '';
      list.push({
        id: `reply_overdue:${latest.id}`,
        date: asOf,
        title: `No reply yet to ${messageName(thread.unanswered[0]!)}${more}`,
        detail: `${overdueSince(latest)}. A friendly follow-up is ready to draft.`,
        kind: 'reply_overdue',
        words: {
          title: {
            key: 'reminder.overdue.title',
            values: { ...messageValues(thread.unanswered[0]!), count: thread.unanswered.length },
          },
          detail: { key: 'reminder.overdue.detail', values: overdueWords(latest) },
        },
      });
    }
  }

  list.push(...requestDeadlineReminders(ctx));
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
}

/** Sent requests whose answer has a timeline in the profile, and what the school (or board) is to do by then. */
const REQUEST_TIMELINES: Readonly<Record<string, { id: TimelineId; what: string }>> = {
  request_iep_meeting: { id: 'meeting_after_request', what: 'The meeting you asked for is to be held' },
  request_records: { id: 'records_access', what: 'The records you asked for are due' },
  board_appeal: { id: 'board_appeal_decision', what: 'The board is to decide your appeal' },
};

/**
 * For each request the family sent (a meeting, records, a board appeal) whose answer has a timeline in the
 * profile: the date it falls due, counted by the one deadline function from the day the law counts from.
 * Where the law counts from receipt (California's meeting, a B.C. board's 45 days) and the family has not
 * entered the day the school received it, the reminder asks for that date instead of guessing.
 */
function requestDeadlineReminders(ctx: Context): Reminder[] {
  const profile = ctx.profile;
  if (!profile) return [];
  const out: Reminder[] = [];
  for (const letter of ctx.record.lettersSent ?? []) {
    const request = REQUEST_TIMELINES[letter.kind];
    if (!request) continue;
    const timeline = timelineOf(profile, request.id);
    if (!timeline?.count) continue;
    const message = ctx.communications.find((c) => c.id === letter.communicationId);
    if (!message) continue;
    const received = message.schoolReceivedOn ?? null;
    if (timeline.fromReceipt && !received) {
      out.push({
        id: `request_deadline:${letter.letterId}`,
        date: ctx.asOf,
        title: `When did the school receive your request of ${formatDate(letter.date)}?`,
        detail: `${request.what} within ${countWords(timeline.count)} of the day it was received (${timeline.citation.source}). Enter that day on the message to see the date.`,
        kind: 'request_deadline',
        words: {
          title: { key: 'reminder.request.askReceived.title', values: { sentDate: letter.date } },
          detail: {
            key: 'reminder.request.askReceived.detail',
            values: {
              request: letter.kind,
              ...countValues(timeline.count),
              source: timeline.citation.source,
            },
          },
        },
      });
      continue;
    }
    const start = timeline.fromReceipt ? received! : letter.date;
    const due = deadlineOf(profile, request.id, start, ctx.calendar);
    if (!due || due.date < ctx.asOf) continue;
    out.push({
      id: `request_deadline:${letter.letterId}`,
      date: due.date,
      title: `${request.what} by ${formatDate(due.date)}`,
      detail: `${countWords(timeline.count)} from ${timeline.fromReceipt ? 'the day the school received your request' : 'your request'}, ${formatDate(start)}${timeline.caveat ? `; ${timeline.caveat}` : ''} (${timeline.citation.source}).`,
      kind: 'request_deadline',
      // The profile's caveat by its English text: the reader's side says it in the reader's language.
      words: {
        title: { key: 'reminder.request.due.title', values: { request: letter.kind, dueDate: due.date } },
        detail: {
          key: 'reminder.request.due.detail',
          values: {
            ...countValues(timeline.count),
            fromReceipt: timeline.fromReceipt ? 'yes' : 'no',
            startDate: start,
            source: timeline.citation.source,
            caveatProfileText: timeline.caveat ?? '',
            hasCaveat: timeline.caveat ? 'yes' : 'no',
          },
        },
      },
    });
  }
  return out;
}
