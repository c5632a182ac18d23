// The deadlines a recommendation shows, each from the one deadline function (`deadlineOf`,
// src/domain/deadlines.ts) with the count the jurisdiction's profile sets: a meeting or records request,
// the reply expected, the filing windows of a complaint, a board appeal.

import { type CaseRecord, closureMissesToList, occurrencesOf, owedMissesToList } from '../case-record.ts';
import { oneYearBefore } from '../dates.ts';
import { countWords, deadlineOf, replyDueDate } from '../deadlines.ts';
import { type LadderStep, type TimelineId, timelineOf } from '../jurisdictions.ts';
import { countOf } from '../letter-words.ts';
import { type Context, formatDate, productChoice } from './context.ts';
import type { RecommendationDeadline } from './recommendation.ts';
import { ADVISOR_SETTING_NOTES } from './settings.ts';

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
  const words = [countWords(timeline.count), timeline.caveat].filter(Boolean).join('; ');
  return [
    {
      label: `${label} (${words})`,
      date: due.date,
      citation: timeline.citation,
      ...(window ? { window } : {}),
    },
  ];
}

/** "if the school receives your written request on Oct 21, 2026" or "if you send it on ...". */
function requestStartWords(ctx: Context, id: TimelineId, what: string): string {
  const timeline = ctx.profile ? timelineOf(ctx.profile, id) : null;
  return timeline?.fromReceipt
    ? `if the school receives your ${what} on ${formatDate(ctx.asOf)}`
    : `if you send your ${what} on ${formatDate(ctx.asOf)}`;
}

export function meetingDeadlines(ctx: Context): RecommendationDeadline[] {
  return timelineDeadline(
    ctx,
    'meeting_after_request',
    ctx.asOf,
    `Meeting to be held by, ${requestStartWords(ctx, 'meeting_after_request', 'written request')}`,
  );
}

export function recordsDeadlines(ctx: Context): RecommendationDeadline[] {
  return timelineDeadline(
    ctx,
    'records_access',
    ctx.asOf,
    `Records due by, ${requestStartWords(ctx, 'records_access', 'request')}`,
  );
}

export function replyExpectedDeadline(ctx: Context): RecommendationDeadline[] {
  const days = ctx.settings.replySchoolDays;
  return [
    {
      label: `Reply expected by, if you send it on ${formatDate(ctx.asOf)} (${countOf(days, 'school day')}, your setting)`,
      date: replyDueDate(ctx.asOf, days, ctx.calendar.isSchoolDay),
      citation: productChoice(ADVISOR_SETTING_NOTES.replySchoolDays),
    },
  ];
}

/** The sentence a recommendation with filing windows ends with: holding back never hides a deadline. */
export const FILING_WINDOWS_SENTENCE =
  'The filing deadlines listed below hold whatever step you take now: no complaint or hearing requires climbing the ladder first.';

/**
 * The oldest fact a state complaint drafted today would include (draftStateComplaint,
 * src/domain/letters/state-complaint.ts): a session owed and not yet made up, or an accommodation lapse, within the year
 * before today (34 CFR 300.153(c)); older facts are left out of the draft. Null when there is none.
 */
export function oldestComplaintFact(record: CaseRecord): string | null {
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
    push(
      'state_complaint',
      oldest,
      `State complaint: for it to include its oldest fact (${formatDate(oldest)}), the state must receive it by`,
    );
    push(
      'due_process',
      earliest,
      `Due process complaint: 2 years from when you knew, counted from ${formatDate(earliest)} (earlier if you knew before)`,
    );
  } else if (profile.law === 'section_504') {
    const grievance =
      'if you file a district grievance within them, OCR’s manual (guidance) also accepts a complaint within 60 days after the grievance ends';
    push('ocr_complaint', earliest, `OCR complaint about ${formatDate(earliest)}; ${grievance}`);
    if (latest !== earliest)
      push(
        'ocr_complaint',
        latest,
        `OCR complaint, counting from the last act, ${formatDate(latest)}`,
        'latest',
      );
  } else {
    push(
      'human_rights_application',
      earliest,
      `Human rights tribunal, if you see this as discrimination (a disability-related need not accommodated), counted from ${formatDate(earliest)}`,
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
    `The board decides by, if it receives your appeal on ${formatDate(ctx.asOf)}`,
  );
}
