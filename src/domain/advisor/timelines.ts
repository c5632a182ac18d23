// The deadlines a recommendation shows, each from the one deadline function (`deadlineOf`,
// src/domain/deadlines.ts) with the count the jurisdiction's profile sets: a meeting or records request,
// the reply expected, the filing windows of a complaint, a board appeal.

import { type CaseRecord, closureMissesToList, occurrencesOf, owedMissesToList } from '../case-record.ts';
import { oneYearBefore } from '../dates.ts';
import { deadlineOf, replyDueDate } from '../deadlines.ts';
import { type LadderStep, type TimelineCount, type TimelineId, timelineOf } from '../jurisdictions.ts';
import { profileTextValues } from '../profile-texts.ts';
import { type Context, productChoice } from './context.ts';
import type { RecommendationDeadline } from './recommendation.ts';
import { ADVISOR_SETTING_NOTES } from './settings.ts';
import { adviceWords } from './words.ts';

/** "30 days", "10 school days, not counting ...", "1 year", in the reader's words. */
export function countText(ctx: Context, count: TimelineCount): string {
  return ctx.w.say('count', { unit: count.unit, amount: count.amount });
}

/** A profile timeline counted from `start` (the one deadline function), as a deadline; none without a number. */
function timelineDeadline(
  ctx: Context,
  id: TimelineId,
  start: string,
  label: string,
  window?: string,
): RecommendationDeadline[] {
  const due = ctx.profile ? deadlineOf(ctx.profile, id, start, ctx.calendar) : null;
  if (!due) return [];
  const { timeline } = due;
  const words = ctx.w.say('deadline.label', {
    label,
    count: timeline.count ? countText(ctx, timeline.count) : '',
    caveat: timeline.caveat ? ctx.w.say('profile.text', profileTextValues(timeline.caveat)) : '',
    hasCaveat: timeline.caveat ? 'yes' : 'no',
  });
  return [
    {
      label: words,
      date: due.date,
      citation: timeline.citation,
      ...(window ? { window } : {}),
    },
  ];
}

/** Whether a timeline counts from the school's receipt ("if the school receives your request on ..."). */
function fromReceipt(ctx: Context, id: TimelineId): 'yes' | 'no' {
  const timeline = ctx.profile ? timelineOf(ctx.profile, id) : null;
  return timeline?.fromReceipt ? 'yes' : 'no';
}

export function meetingDeadlines(ctx: Context): RecommendationDeadline[] {
  return timelineDeadline(
    ctx,
    'meeting_after_request',
    ctx.asOf,
    ctx.w.say('deadline.meeting', {
      fromReceipt: fromReceipt(ctx, 'meeting_after_request'),
      date: ctx.w.date(ctx.asOf),
    }),
  );
}

export function recordsDeadlines(ctx: Context): RecommendationDeadline[] {
  return timelineDeadline(
    ctx,
    'records_access',
    ctx.asOf,
    ctx.w.say('deadline.records', {
      fromReceipt: fromReceipt(ctx, 'records_access'),
      date: ctx.w.date(ctx.asOf),
    }),
  );
}

export function replyExpectedDeadline(ctx: Context): RecommendationDeadline[] {
  const days = ctx.settings.replySchoolDays;
  return [
    {
      label: ctx.w.say('deadline.reply', { date: ctx.w.date(ctx.asOf), days }),
      date: replyDueDate(ctx.asOf, days, ctx.calendar.isSchoolDay),
      citation: productChoice(ADVISOR_SETTING_NOTES.replySchoolDays),
    },
  ];
}

/** The sentence a recommendation with filing windows ends with: holding back never hides a deadline. */
export const FILING_WINDOWS_SENTENCE = adviceWords('en').say('filingWindows');

/** FILING_WINDOWS_SENTENCE in the reader's words. */
export function filingWindows(ctx: Context): string {
  return ctx.w.say('filingWindows');
}

/**
 * The oldest fact a state complaint drafted today would include (draftStateComplaint,
 * src/domain/letters/state-complaint.ts): a session owed and not yet made up, or an accommodation lapse, within the year
 * before today (34 CFR 300.153(c)); older facts are left out of the draft. Null when there is none.
 */
export function oldestComplaintFact(record: CaseRecord): string | null {
  // Asked once for each possible violation of a record, which the advisor never changes: worked out once.
  const known = oldestFactOf.get(record);
  if (known !== undefined) return known;
  const oldest = oldestFact(record);
  oldestFactOf.set(record, oldest);
  return oldest;
}

const oldestFactOf = new WeakMap<CaseRecord, string | null>();

function oldestFact(record: CaseRecord): string | null {
  const lookBack = oneYearBefore(record.asOf);
  const dates = [
    ...record.services.flatMap((s) => [...owedMissesToList(s), ...closureMissesToList(s)].map((m) => m.date)),
    ...record.accommodations.flatMap((a) =>
      occurrencesOf(a)
        .filter((o) => o.lapse)
        .map((o) => o.date),
    ),
  ].filter((d) => d >= lookBack && d <= record.asOf);
  return dates.length > 0 ? [...dates].sort()[0]! : null;
}

/**
 * Filing windows for something that may be a violation, always shown (holding back an escalation never
 * hides a deadline), each counted by the one deadline function from the profile:
 * - IDEA: the state complaint from the oldest fact the complaint would include (so its oldest fact is in
 *   time), and due process (2 years, the federal default) from the earliest date behind this one;
 * - 504: OCR's 180 days from the earliest date and from the last act;
 * - Ontario and British Columbia: the human rights tribunal's one year, from the earliest date.
 */
export function violationDeadlines(ctx: Context, earliest: string, latest: string): RecommendationDeadline[] {
  const profile = ctx.profile;
  if (!profile) return [];
  const deadlines: RecommendationDeadline[] = [];
  // Each window keyed by its timeline and what it counts from, so a card that gathers several problems
  // (one meeting request) shows each window once, at its earliest date (the oldest problem's).
  const push = (id: TimelineId, start: string, label: string, from: 'earliest' | 'latest' = 'earliest') =>
    deadlines.push(...timelineDeadline(ctx, id, start, label, `${id}|${from}`));
  if (profile.law === 'idea') {
    const oldest = oldestComplaintFact(ctx.record) ?? earliest;
    push('state_complaint', oldest, ctx.w.say('deadline.stateComplaint', { date: ctx.w.date(oldest) }));
    push('due_process', earliest, ctx.w.say('deadline.dueProcess', { date: ctx.w.date(earliest) }));
  } else if (profile.law === 'section_504') {
    push('ocr_complaint', earliest, ctx.w.say('deadline.ocr', { date: ctx.w.date(earliest) }));
    if (latest !== earliest)
      push('ocr_complaint', latest, ctx.w.say('deadline.ocrLast', { date: ctx.w.date(latest) }), 'latest');
  } else {
    push(
      'human_rights_application',
      earliest,
      ctx.w.say('deadline.humanRights', { date: ctx.w.date(earliest) }),
    );
  }
  return deadlines;
}

export function boardAppealDeadlines(ctx: Context, step: LadderStep | null): RecommendationDeadline[] {
  if (step?.letterKind !== 'board_appeal') return [];
  return timelineDeadline(
    ctx,
    'board_appeal_decision',
    ctx.asOf,
    ctx.w.say('deadline.boardAppeal', { date: ctx.w.date(ctx.asOf) }),
  );
}
