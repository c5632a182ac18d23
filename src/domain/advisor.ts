// The advisor: rules over a child's whole case record that say what to do next, and by when.
//
// It follows the article this app is built on (shared/seed): document, communicate (specific, never
// accusing), follow up verbal talks in writing, check in mid-term, call a meeting when services are not
// delivered or communication breaks down, and escalate when emails go unanswered or something is clearly
// wrong. Each recommendation says why in plain words with the numbers, lists the entries behind it, cites
// its rule (or says it is a product choice), says how sure it is, names the letter to draft, the step of
// the jurisdiction's ladder, and the deadlines that apply.
//
// Pure: no I/O and no clock (`record.asOf` is "today"). Thresholds are product choices, adjustable per
// household (AdvisorSettings); only numbers from RULES.md are cited, through the jurisdiction profile, so
// an IDEA citation can never reach a 504 plan and a US step can never reach a Canadian plan.
// The full list of rules is in docs/advisor-rules.md.

import { z } from 'zod';
import {
  ADVISOR_SETTING_SPECS,
  type AdvisorSettingName,
  type AdvisorSettingSpec,
} from './advisor-settings.ts';
import { type CaseContact, type CaseRecord, type CaseService, occurrencesOf } from './case-record.ts';
import {
  awaitsReply,
  type Communication,
  replyState,
  verbalWithoutWrittenFollowUp,
} from './communications.ts';
import { addDays, daysBetween, toDayNumber, weekStart } from './dates.ts';
import {
  addBusinessDays,
  addSchoolDays,
  type DeadlineCalendar,
  dueProcessLastDay,
  ocrComplaintLastDay,
  stateComplaintLastDay,
  timelineDueDate,
} from './deadlines.ts';
import { FINDING_RULES, type Finding, formatShortDate } from './implementation-patterns.ts';
import {
  type Basis,
  type Citation,
  type CountUnit,
  type JurisdictionProfile,
  type LadderLetterKind,
  type LadderStep,
  ladderStepAt,
  type ProductChoice,
  profileFor,
  rungOfRole,
  type TimelineId,
  timelineOf,
  topPersonRung,
} from './jurisdictions.ts';

export type { AdvisorSettingName } from './advisor-settings.ts';

// ---------------------------------------------------------------------------------------------
// Settings: every threshold is a product choice (RULES.md: "No source sets a percentage"), shown as
// such, with a default, and adjustable per household.

const settingSchema = (spec: AdvisorSettingSpec) =>
  (spec.share ? z.number() : z.number().int()).min(spec.min).max(spec.max).default(spec.default);

export const AdvisorSettings = z.object(
  Object.fromEntries(
    Object.entries(ADVISOR_SETTING_SPECS).map(([name, spec]) => [name, settingSchema(spec)]),
  ) as Record<AdvisorSettingName, z.ZodDefault<z.ZodNumber>>,
);
export type AdvisorSettings = z.infer<typeof AdvisorSettings>;

export const DEFAULT_ADVISOR_SETTINGS: AdvisorSettings = AdvisorSettings.parse({});

/** A household's saved overrides on top of the defaults (validated). */
export function resolveAdvisorSettings(overrides: Partial<AdvisorSettings> = {}): AdvisorSettings {
  return AdvisorSettings.parse(overrides);
}

/** What each setting means, for the settings page and docs/advisor-rules.md. All are product choices. */
export const ADVISOR_SETTING_NOTES: Readonly<Record<AdvisorSettingName, string>> = Object.fromEntries(
  Object.entries(ADVISOR_SETTING_SPECS).map(([name, spec]) => [name, spec.note]),
) as Record<AdvisorSettingName, string>;

/** Product choice: services are judged over the last four full Monday-to-Sunday weeks before this one. */
export const SERVICE_REVIEW_WEEKS = 4;

// ---------------------------------------------------------------------------------------------
// Output.

export type AdvisorAction =
  | 'follow_up'
  | 'follow_up_supervisor'
  | 'write_follow_up'
  | 'call_iep_meeting'
  | 'escalate'
  | 'request_logs'
  | 'check_in';

/** The letter to draft, by the letter writer's name for it (src/domain/letters.ts). */
export type LetterKind =
  | 'follow_up_unanswered'
  | 'follow_up_verbal'
  | 'request_iep_meeting'
  | 'specific_concern'
  | 'request_service_logs'
  | 'check_in'
  | LadderLetterKind;

export const ADVISOR_RULES = {
  replyOverdue: 'reply_overdue',
  replyOverdueAfterFollowUp: 'reply_overdue_after_follow_up',
  unansweredAfterFollowUps: 'unanswered_after_follow_ups',
  communicationBreakdown: 'communication_breakdown',
  verbalWithoutFollowUp: 'verbal_without_written_follow_up',
  serviceShortfall: 'service_shortfall',
  serviceUnlogged: 'service_unlogged',
  serviceNotStarted: 'service_not_started',
  accommodationLapses: 'accommodation_lapses',
  patternConcern: 'pattern_concern',
  sourcesDisagree: 'sources_disagree',
  goalNoProgress: 'goal_no_progress',
  goalMetEarly: 'goal_met_early',
  goalNoData: 'goal_no_data',
  newChallenges: 'new_challenges',
  parentConcern: 'parent_concern',
  harmNoted: 'harm_noted',
  annualReviewOverdue: 'annual_review_overdue',
  reevaluationOverdue: 'reevaluation_overdue',
  noRecentCheckIn: 'no_recent_check_in',
} as const;
export type AdvisorRule = (typeof ADVISOR_RULES)[keyof typeof ADVISOR_RULES];

export type ConfidenceLevel = 'high' | 'medium' | 'low';
export type Urgency = 'high' | 'normal' | 'low';

export type RecommendationDeadline = { label: string; date: string; citation: Basis };

/** A number a rule compared against, and where it comes from (a regulation, or a product choice). */
export type ThresholdUsed = { name: string; value: number; basis: Basis };

export type Recommendation = {
  /** Stable across runs: the rule and the subject, so a dismissed recommendation stays dismissed. */
  id: string;
  rule: AdvisorRule;
  action: AdvisorAction;
  urgency: Urgency;
  /** What it is about: a message thread's first message, a service, an accommodation, a goal, a note, the plan. */
  subjectId: string;
  title: string;
  reason: string;
  /** The records behind it (communications, session entries, observations, goal points, notes). */
  entryIds: string[];
  citation: Basis;
  thresholds: ThresholdUsed[];
  confidence: { level: ConfidenceLevel; why: string };
  deadlines: RecommendationDeadline[];
  letterKind: LetterKind;
  /** The step of the jurisdiction's ladder this action reaches; null when the record has no plan yet. */
  ladderStep: LadderStep | null;
  /** Team contacts to address (or copy). */
  contactIds: string[];
};

/** Subject of recommendations about communication as a whole. */
export const COMMUNICATION_SUBJECT = 'communication';

// ---------------------------------------------------------------------------------------------
// Shared context and helpers.

type Context = {
  record: CaseRecord;
  settings: AdvisorSettings;
  asOf: string;
  profile: JurisdictionProfile | null;
  calendar: DeadlineCalendar;
  communications: Communication[];
  contactsById: Map<string, CaseContact>;
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "Sep 15, 2026": deadlines cross years, so they carry one. */
export function formatDate(date: string): string {
  toDayNumber(date);
  return `${MONTHS[Number(date.slice(5, 7)) - 1]!} ${Number(date.slice(8, 10))}, ${date.slice(0, 4)}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function percent(part: number, total: number): string {
  return `${Math.round((part / total) * 100)}%`;
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function productChoice(text: string): ProductChoice {
  return { productChoice: true, text };
}

function settingThreshold(name: AdvisorSettingName, value: number): ThresholdUsed {
  return {
    name,
    value,
    basis: productChoice(
      `${ADVISOR_SETTING_NOTES[name]} Default ${DEFAULT_ADVISOR_SETTINGS[name]}; you can change it.`,
    ),
  };
}

/** "IEP" -> "an IEP", "504 plan" -> "a 504 plan". */
function withArticle(word: string): string {
  return /^[AEIOU]/.test(word) ? `an ${word}` : `a ${word}`;
}

function planName(ctx: Context): string {
  return ctx.profile?.planName ?? 'plan';
}

function contactNames(ctx: Context, ids: readonly string[]): string {
  const names = ids.map((id) => ctx.contactsById.get(id)?.name).filter((n): n is string => n != null);
  return names.length > 0 ? listWords(names) : 'the school';
}

function messageName(message: Communication): string {
  return message.subject ? `“${message.subject}”` : `your message of ${formatShortDate(message.date)}`;
}

/** Whether a day is in the last `days` days up to asOf: asOf itself is day 0, asOf - (days - 1) the last. */
function withinLastDays(date: string, asOf: string, days: number): boolean {
  const age = daysBetween(date, asOf);
  return age >= 0 && age < days;
}

function ladderStep(ctx: Context, rung: number): LadderStep | null {
  return ctx.profile ? ladderStepAt(ctx.profile, rung) : null;
}

function contactRung(ctx: Context, contactId: string): number {
  const contact = ctx.contactsById.get(contactId);
  return ctx.profile && contact ? rungOfRole(ctx.profile, contact.role) : 1;
}

/** The highest ladder rung among the people the family has written to since `since` (1 when none). */
function highestRungWrittenTo(ctx: Context, since: string): number {
  let rung = 1;
  for (const c of ctx.communications) {
    if (c.direction !== 'sent' || c.date < since) continue;
    for (const id of c.contactIds) rung = Math.max(rung, contactRung(ctx, id));
  }
  return rung;
}

/**
 * The next step up the ladder from the people already written to since `since`, at least `minRung`.
 * Communication problems stop at the highest person (a formal complaint is about the plan, not about
 * a slow reply); clear violations may reach the formal steps.
 */
function nextStep(ctx: Context, since: string, minRung: number, personOnly: boolean): LadderStep | null {
  if (!ctx.profile) return null;
  const top = personOnly ? topPersonRung(ctx.profile) : Math.max(...ctx.profile.ladder.map((s) => s.rung));
  const rung = Math.min(Math.max(minRung, highestRungWrittenTo(ctx, since) + 1), top);
  return ladderStepAt(ctx.profile, rung);
}

/** The letter for a ladder step: its own, or the next one up that has a letter (mediation has none). */
function letterForStep(ctx: Context, step: LadderStep | null): LetterKind {
  if (!ctx.profile || !step) return 'escalation';
  if (step.letterKind) return step.letterKind;
  const above = ctx.profile.ladder.find((s) => s.rung > step.rung && s.letterKind != null);
  return above?.letterKind ?? 'escalation';
}

/**
 * Who a first-rung letter goes to: the case manager (or a 504 coordinator), else a teacher, else nobody
 * named (the letter writer asks). A service's provider is added when the role matches the service's.
 */
function primaryContactIds(ctx: Context, service: CaseService | null = null): string[] {
  const team = [...ctx.record.team].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lead =
    team.find((c) => /case manager|504 coordinator/i.test(c.role) && !/district/i.test(c.role)) ??
    team.find((c) => /teacher/i.test(c.role));
  const providerRole = service?.providerRole?.trim().toLowerCase();
  const providers = providerRole
    ? team.filter((c) => c.role.trim().toLowerCase() === providerRole).map((c) => c.id)
    : [];
  return unique([...(lead ? [lead.id] : []), ...providers]);
}

function contactsAtRung(ctx: Context, rung: number): string[] {
  return ctx.record.team.filter((c) => contactRung(ctx, c.id) === rung).map((c) => c.id);
}

function stepSentence(ctx: Context, step: LadderStep | null): string {
  if (!step) return '';
  const alternatives = ctx.profile?.ladder.filter((s) => s.rung === step.rung && s.id !== step.id) ?? [];
  const names = [step.label, ...alternatives.map((s) => s.label)];
  const next = ctx.profile?.ladder.find((s) => s.rung > step.rung && step.letterKind == null && s.letterKind);
  const then = next ? `, or ${next.label}` : '';
  return ` Next step on the ladder: ${names.join(' or ')}${then}.${step.note ? ` ${step.note}` : ''}`;
}

const UNIT_WORDS: Record<CountUnit, string> = {
  calendar_days: 'days',
  school_days: 'school days',
  business_days: 'business days',
  calendar_days_outside_long_vacations: 'days, not counting long school vacations',
  years: 'years',
};

/** A profile timeline counted from `start`, as a deadline; none when the profile has no number for it. */
function timelineDeadline(
  ctx: Context,
  id: TimelineId,
  start: string,
  label: string,
): RecommendationDeadline[] {
  const timeline = ctx.profile ? timelineOf(ctx.profile, id) : null;
  if (!timeline?.count) return [];
  const date = timelineDueDate(timeline.count, start, ctx.calendar, timeline.owner);
  if (!date) return [];
  const count = `${timeline.count.amount} ${UNIT_WORDS[timeline.count.unit]}`;
  return [{ label: `${label} (${count})`, date, citation: timeline.citation }];
}

function meetingDeadlines(ctx: Context): RecommendationDeadline[] {
  return timelineDeadline(
    ctx,
    'meeting_after_request',
    ctx.asOf,
    `Meeting to be held by, if your written request is sent on ${formatDate(ctx.asOf)}`,
  );
}

function recordsDeadlines(ctx: Context): RecommendationDeadline[] {
  return timelineDeadline(
    ctx,
    'records_access',
    ctx.asOf,
    `Records due by, if you ask on ${formatDate(ctx.asOf)}`,
  );
}

function replyExpectedDeadline(ctx: Context): RecommendationDeadline[] {
  const days = ctx.settings.replySchoolDays;
  const date = addSchoolDays(ctx.asOf, days, ctx.calendar.isSchoolDay) ?? addBusinessDays(ctx.asOf, days);
  return [
    {
      label: `Reply expected by, if you send it on ${formatDate(ctx.asOf)} (${plural(days, 'school day')}, your setting)`,
      date,
      citation: productChoice(ADVISOR_SETTING_NOTES.replySchoolDays),
    },
  ];
}

/**
 * Complaint windows for something that may be a violation, from the earliest date behind it (the first
 * part to fall outside a window). IDEA: state complaint (1 year) and due process (2 years, counted from the
 * first entry, when you knew at the latest). 504: OCR (180 days), from the earliest and the last act.
 * Provinces: none recorded in RULES.md.
 */
function violationDeadlines(ctx: Context, earliest: string, latest: string): RecommendationDeadline[] {
  const profile = ctx.profile;
  if (!profile) return [];
  const citationOf = (id: TimelineId): Citation | null => timelineOf(profile, id)?.citation ?? null;
  const deadlines: RecommendationDeadline[] = [];
  if (profile.law === 'idea') {
    const stateComplaint = citationOf('state_complaint');
    const dueProcess = citationOf('due_process');
    if (stateComplaint) {
      deadlines.push({
        label: `State complaint: the state must receive it by this date to include ${formatDate(earliest)} (1 year)`,
        date: stateComplaintLastDay(earliest),
        citation: stateComplaint,
      });
    }
    if (dueProcess) {
      deadlines.push({
        label: `Due process complaint: 2 years from when you knew, counted from ${formatDate(earliest)} (earlier if you knew before)`,
        date: dueProcessLastDay(earliest),
        citation: dueProcess,
      });
    }
  } else if (profile.law === 'section_504') {
    const ocr = citationOf('ocr_complaint');
    if (ocr) {
      deadlines.push({
        label: `OCR complaint about ${formatDate(earliest)} (180 days)`,
        date: ocrComplaintLastDay(earliest),
        citation: ocr,
      });
      if (latest !== earliest) {
        deadlines.push({
          label: `OCR complaint, counting from the last act, ${formatDate(latest)} (180 days)`,
          date: ocrComplaintLastDay(latest),
          citation: ocr,
        });
      }
    }
  }
  return deadlines;
}

function boardAppealDeadlines(ctx: Context, step: LadderStep | null): RecommendationDeadline[] {
  if (step?.id !== 'board_appeal') return [];
  return timelineDeadline(
    ctx,
    'board_appeal_decision',
    ctx.asOf,
    `The board decides by, if you appeal on ${formatDate(ctx.asOf)}`,
  );
}

function earliestAndLatest(dates: readonly string[], fallback: string): { earliest: string; latest: string } {
  if (dates.length === 0) return { earliest: fallback, latest: fallback };
  const sorted = [...dates].sort();
  return { earliest: sorted[0]!, latest: sorted[sorted.length - 1]! };
}

// ---------------------------------------------------------------------------------------------
// Rules: communication.

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

function byDateTimeId(a: Communication, b: Communication): number {
  const ka = `${a.date} ${a.time ?? ''} ${a.id}`;
  const kb = `${b.date} ${b.time ?? ''} ${b.id}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Groups messages into threads by `inReplyToId` and finds the unanswered ones. `replyState`
 * (src/domain/communications.ts) is the one rule: a reply that names the message, or a later reply in
 * the thread (to a follow-up), answers it; a holding reply only moves its clock to the promised date.
 */
function analyseThreads(all: readonly Communication[], asOf: string): ThreadState[] {
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
    `The article’s advice: when an email goes unanswered, follow up in writing; the reply window (${plural(ctx.settings.replySchoolDays, 'school day')}) is your setting.`,
  );
}

function communicationRules(ctx: Context): Recommendation[] {
  const { settings, asOf } = ctx;
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
    const lastRung = Math.max(1, ...last.contactIds.map((id) => contactRung(ctx, id)));

    if (n < settings.unansweredInThreadForSupervisor) {
      recommendations.push({
        id: `${ADVISOR_RULES.replyOverdue}:${thread.rootId}`,
        rule: ADVISOR_RULES.replyOverdue,
        action: 'follow_up',
        urgency: 'normal',
        subjectId: thread.rootId,
        title: `Follow up on ${messageName(first)}`,
        reason:
          (lastState.state === 'overdue' && lastState.holdingReplyIds
            ? `You wrote to ${writtenTo} on ${formatShortDate(last.date)}, and the answer was promised by ${formatShortDate(lastState.dueBy)}. ` +
              `No answer is logged, ${plural(daysLate, 'day')} later.`
            : `You wrote to ${writtenTo} on ${formatShortDate(last.date)} and expected a reply by ${formatShortDate(last.replyExpectedBy!)}. ` +
              `No reply is logged, ${plural(daysLate, 'day')} later.`) +
          (n > 1 ? ` ${plural(n, 'message')} in this thread are waiting.` : ''),
        entryIds: thread.unanswered.map((m) => m.id),
        citation: followUpCitation(ctx),
        thresholds: [settingThreshold('replySchoolDays', settings.replySchoolDays)],
        confidence: {
          level: 'high',
          why: 'No reply is logged after the reply date. If they answered by phone or in person, mark the message answered.',
        },
        deadlines: replyExpectedDeadline(ctx),
        letterKind: 'follow_up_unanswered',
        ladderStep: ladderStep(ctx, lastRung),
        contactIds: [...last.contactIds],
      });
      continue;
    }

    // A follow-up went unanswered too: copy the next person up (the case manager's supervisor).
    const step = ctx.profile
      ? ladderStepAt(ctx.profile, Math.min(Math.max(2, lastRung + 1), topPersonRung(ctx.profile)))
      : null;
    const supervisorIds = step ? contactsAtRung(ctx, step.rung) : [];
    const copyWho =
      supervisorIds.length > 0
        ? contactNames(ctx, supervisorIds)
        : step
          ? `the ${step.label.toLowerCase()}`
          : 'the case manager’s supervisor';
    recommendations.push({
      id: `${ADVISOR_RULES.replyOverdueAfterFollowUp}:${thread.rootId}`,
      rule: ADVISOR_RULES.replyOverdueAfterFollowUp,
      action: 'follow_up_supervisor',
      urgency: 'normal',
      subjectId: thread.rootId,
      title: `Follow up again on ${messageName(first)}, copying ${copyWho}`,
      reason:
        `${plural(n, 'message')} in this thread have no reply: the first on ${formatShortDate(first.date)}, the latest on ${formatShortDate(last.date)} ` +
        `(${lastState.state === 'overdue' && lastState.holdingReplyIds ? 'answer promised' : 'reply expected'} by ${formatShortDate(lastState.state === 'overdue' ? lastState.dueBy : last.replyExpectedBy!)}, ${plural(daysLate, 'day')} ago). ` +
        `Copying ${copyWho} keeps it friendly and makes sure someone can help.`,
      entryIds: thread.unanswered.map((m) => m.id),
      citation: followUpCitation(ctx),
      thresholds: [
        settingThreshold('unansweredInThreadForSupervisor', settings.unansweredInThreadForSupervisor),
      ],
      confidence: {
        level: 'high',
        why: 'Your first message and your follow-up both passed their reply dates with no reply logged.',
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
    const step = nextStep(ctx, since, 2, true);
    recommendations.push({
      id: `${ADVISOR_RULES.unansweredAfterFollowUps}:${COMMUNICATION_SUBJECT}`,
      rule: ADVISOR_RULES.unansweredAfterFollowUps,
      action: 'escalate',
      urgency: 'normal',
      subjectId: COMMUNICATION_SUBJECT,
      title: `Escalate: ${plural(unansweredFollowUps, 'follow-up')} with no reply`,
      reason:
        `Since ${formatShortDate(since)}, ${plural(messages.length, 'message')} in ${plural(escalating.length, 'thread')} ` +
        `went past their reply dates, including ${plural(unansweredFollowUps, 'follow-up')}: ` +
        `${listWords(escalating.map((t) => messageName(t.unanswered[0]!)))}.` +
        stepSentence(ctx, step),
      entryIds: messages.map((m) => m.id),
      citation: productChoice(
        'The article’s advice: escalate when repeated emails go unanswered. How many is your setting.',
      ),
      thresholds: [settingThreshold('unansweredForEscalation', settings.unansweredForEscalation)],
      confidence: {
        level: 'medium',
        why: 'Replies are counted from your log; an answer by phone or in person would not show. Mark those messages answered.',
      },
      deadlines: replyExpectedDeadline(ctx),
      letterKind: letterForStep(ctx, step),
      ladderStep: step,
      contactIds: step ? contactsAtRung(ctx, step.rung) : [],
    });
  }

  const waitingThreads = threads.filter((t) => t.unanswered.length > 0);
  if (waitingThreads.length >= settings.unansweredThreadsForMeeting) {
    const messages = waitingThreads.flatMap((t) => t.unanswered).sort(byDateTimeId);
    recommendations.push({
      id: `${ADVISOR_RULES.communicationBreakdown}:${COMMUNICATION_SUBJECT}`,
      rule: ADVISOR_RULES.communicationBreakdown,
      action: 'call_iep_meeting',
      urgency: 'normal',
      subjectId: COMMUNICATION_SUBJECT,
      title: `Ask for ${withArticle(planName(ctx))} meeting: ${plural(waitingThreads.length, 'message')} waiting for replies`,
      reason:
        `${plural(waitingThreads.length, 'separate message')} to the school are past their reply dates ` +
        `(${listWords(waitingThreads.map((t) => `${messageName(t.unanswered[0]!)}`))}). ` +
        'A meeting can reset how the team and you keep in touch (who answers, and how soon).',
      entryIds: messages.map((m) => m.id),
      citation: ctx.profile?.bases.requestMeeting ?? productChoice('You can ask for a meeting at any time.'),
      thresholds: [settingThreshold('unansweredThreadsForMeeting', settings.unansweredThreadsForMeeting)],
      confidence: {
        level: 'medium',
        why: 'Replies are counted from your log; an answer by phone or in person would not show.',
      },
      deadlines: meetingDeadlines(ctx),
      letterKind: 'request_iep_meeting',
      ladderStep: ladderStep(ctx, 1),
      contactIds: contactsAtRung(ctx, 1).filter((id) => messages.some((m) => m.contactIds.includes(id))),
    });
  }

  for (const talk of verbalWithoutWrittenFollowUp(ctx.communications)) {
    if (!withinLastDays(talk.date, asOf, settings.verbalFollowUpLookbackDays)) continue;
    const what = talk.kind === 'phone' ? 'phone call' : 'meeting';
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
      title: `Send a short written summary of the ${what} on ${formatShortDate(talk.date)}`,
      reason:
        `Nothing in writing is logged after your ${what} with ${contactNames(ctx, talk.contactIds)} on ${formatShortDate(talk.date)}` +
        `${talk.subject ? ` about “${talk.subject}”` : ''}. A short email (“To make sure I understood: ...”) keeps a record of what was decided` +
        `${talk.nextSteps ? ' and the next steps' : ''}.`,
      entryIds: [talk.id],
      citation: productChoice(
        'The article’s advice: always follow verbal conversations up with an email summary. How far back is your setting.',
      ),
      thresholds: [settingThreshold('verbalFollowUpLookbackDays', settings.verbalFollowUpLookbackDays)],
      confidence: maybeFollowUp
        ? {
            level: 'medium',
            why: `You wrote to the same people on ${formatShortDate(maybeFollowUp.date)}; if that was the summary, link it to the ${what}.`,
          }
        : { level: 'high', why: `No written message is linked to the ${what} as its follow-up.` },
      deadlines: [],
      letterKind: 'follow_up_verbal',
      ladderStep: ladderStep(ctx, 1),
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
        title: 'Send a quick check-in to the case manager',
        reason: lastSent
          ? `Your last message to the school was ${plural(quietDays, 'day')} ago (${formatShortDate(lastSent.date)}). A short note asking how services are going and whether goals are on track keeps everyone in touch.`
          : `No message to the school is logged since the ${planName(ctx)} started ${plural(quietDays, 'day')} ago. A short note asking how services are going and whether goals are on track keeps everyone in touch.`,
        entryIds: lastSent ? [lastSent.id] : [],
        citation: productChoice(
          'The article’s advice: send mid-term check-ins; do not wait for the annual meeting. How often is your setting.',
        ),
        thresholds: [settingThreshold('checkInQuietDays', settings.checkInQuietDays)],
        confidence: { level: 'high', why: 'Counted from the messages in your log.' },
        deadlines: [],
        letterKind: 'check_in',
        ladderStep: ladderStep(ctx, 1),
        contactIds: primaryContactIds(ctx),
      });
    }
  }
  return recommendations;
}

// ---------------------------------------------------------------------------------------------
// Rules: services.

/** The last SERVICE_REVIEW_WEEKS full weeks before the week of asOf (this week's sessions may still come). */
function reviewWeeks(service: CaseService, asOf: string): CaseService['weeks'] {
  const thisWeek = weekStart(asOf);
  const from = addDays(thisWeek, -7 * SERVICE_REVIEW_WEEKS);
  return service.weeks.filter((w) => w.start >= from && w.start < thisWeek);
}

// Shares are compared with a small tolerance so that 30 / 120 counts as exactly 25%.
const SHARE_EPSILON = 1e-9;

function serviceRules(ctx: Context): Recommendation[] {
  const { settings, asOf, record } = ctx;
  const profile = ctx.profile;
  if (!profile) return [];
  const recommendations: Recommendation[] = [];
  const services = [...record.services].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  for (const service of services) {
    // Shortfall over the last four full weeks.
    const weeks = reviewWeeks(service, asOf);
    const required = weeks.reduce((sum, w) => sum + w.requiredMinutes, 0);
    if (required > 0) {
      const delivered = weeks.reduce((sum, w) => sum + w.deliveredMinutes, 0);
      const owed = weeks.reduce((sum, w) => sum + w.owedMinutes, 0);
      const owedTrips = owed >= settings.owedShareOverFourWeeks * required - SHARE_EPSILON;
      const deliveredTrips = delivered < settings.minDeliveredShare * required - SHARE_EPSILON;
      if (owedTrips || deliveredTrips) {
        const from = weeks[0]!.start;
        const to = addDays(weeks[weeks.length - 1]!.start, 6);
        // Only what the school owes: an excused or unexplained miss is not the school's failure.
        const misses = service.ledger.misses.filter(
          (m) => m.responsibility === 'owed' && m.date >= from && m.date <= to,
        );
        const shortWeeks = weeks.filter((w) => w.owedMinutes > 0 || w.deliveredMinutes < w.requiredMinutes);
        const dates = misses.length > 0 ? misses.map((m) => m.date) : shortWeeks.map((w) => w.start);
        const { earliest, latest } = earliestAndLatest(dates, from);
        recommendations.push({
          id: `${ADVISOR_RULES.serviceShortfall}:${service.id}`,
          rule: ADVISOR_RULES.serviceShortfall,
          action: 'call_iep_meeting',
          urgency: 'normal',
          subjectId: service.id,
          title: `Ask for ${withArticle(planName(ctx))} meeting about ${service.name}`,
          reason:
            `Over the ${plural(weeks.length, 'week')} from ${formatShortDate(from)} to ${formatShortDate(to)}, ${service.name} required ${required} minutes: ` +
            `${delivered} were delivered (${percent(delivered, required)}) and ${owed} are owed for sessions the school must make up (${percent(owed, required)}). ` +
            `As Written suggests a meeting at ${Math.round(settings.owedShareOverFourWeeks * 100)}% owed or under ${Math.round(settings.minDeliveredShare * 100)}% delivered.` +
            (service.ledger.owedBalanceMinutes > 0
              ? ` In all, ${service.ledger.owedBalanceMinutes} owed minutes are not yet made up.`
              : ''),
          entryIds: unique([...weeks.flatMap((w) => w.entryIds), ...misses.map((m) => m.entryId)]),
          citation: profile.bases.implementAsWritten,
          thresholds: [
            settingThreshold('owedShareOverFourWeeks', settings.owedShareOverFourWeeks),
            settingThreshold('minDeliveredShare', settings.minDeliveredShare),
          ],
          confidence: owedTrips
            ? {
                level: 'high',
                why: 'The owed minutes come from sessions logged as missed for reasons that are the school’s to make up.',
              }
            : {
                level: 'medium',
                why: 'Part of the gap may be excused (your child was absent) or not logged yet; ask for the service logs to be sure.',
              },
          deadlines: [...meetingDeadlines(ctx), ...violationDeadlines(ctx, earliest, latest)],
          letterKind: 'request_iep_meeting',
          ladderStep: ladderStep(ctx, 1),
          contactIds: primaryContactIds(ctx, service),
        });
      }
    }

    // Minutes with no record at all over the ledger's window: ask for the logs.
    const ledger = service.ledger;
    if (
      ledger.requiredMinutes > 0 &&
      ledger.unloggedMinutes >= settings.unloggedShareForLogRequest * ledger.requiredMinutes - SHARE_EPSILON
    ) {
      recommendations.push({
        id: `${ADVISOR_RULES.serviceUnlogged}:${service.id}`,
        rule: ADVISOR_RULES.serviceUnlogged,
        action: 'request_logs',
        urgency: 'normal',
        subjectId: service.id,
        title: `Ask for the service logs for ${service.name}`,
        reason:
          `From ${formatShortDate(ledger.from)} to ${formatShortDate(ledger.to)}, ${ledger.unloggedMinutes} of the ${ledger.requiredMinutes} required minutes of ${service.name} ` +
          `(${percent(ledger.unloggedMinutes, ledger.requiredMinutes)}) have no record at all. The school’s logs would show what happened.`,
        entryIds: unique(service.weeks.flatMap((w) => w.entryIds)),
        citation: profile.bases.records,
        thresholds: [settingThreshold('unloggedShareForLogRequest', settings.unloggedShareForLogRequest)],
        confidence: {
          level: 'high',
          why: 'Counted from the ledger: sessions the plan required with no entry.',
        },
        deadlines: recordsDeadlines(ctx),
        letterKind: 'request_service_logs',
        ladderStep: ladderStep(ctx, 1),
        contactIds: primaryContactIds(ctx, service),
      });
    }

    // A service never delivered after its start deadline.
    const started = service.firstDeliveredDate != null && service.firstDeliveredDate <= asOf;
    if (!started && service.startDate <= asOf) {
      const statute = timelineOf(profile, 'service_start');
      const cited = statute?.count?.unit === 'school_days' ? statute : null;
      const schoolDays = cited?.count?.amount ?? settings.serviceStartSchoolDays;
      const counted = addSchoolDays(service.startDate, schoolDays, ctx.calendar.isSchoolDay);
      const startDeadline = counted ?? addBusinessDays(service.startDate, schoolDays);
      if (asOf > startDeadline) {
        const firstLateDay = addDays(startDeadline, 1);
        const step = nextStep(ctx, service.startDate, 2, false);
        const notice = cited ? timelineOf(profile, 'service_start_notice') : null;
        const noticeDate =
          notice?.count && addSchoolDays(startDeadline, notice.count.amount, ctx.calendar.isSchoolDay);
        const missIds = service.ledger.misses.map((m) => m.entryId);
        recommendations.push({
          id: `${ADVISOR_RULES.serviceNotStarted}:${service.id}`,
          rule: ADVISOR_RULES.serviceNotStarted,
          action: 'escalate',
          urgency: 'normal',
          subjectId: service.id,
          title: `Escalate: ${service.name} has not started`,
          reason:
            `${service.name} was to start on ${formatShortDate(service.startDate)}. No session is logged as delivered, ` +
            `and ${plural(schoolDays, 'school day')} after the start date passed on ${formatShortDate(startDeadline)}.` +
            (noticeDate
              ? ` The school was to send you written notice by ${formatShortDate(noticeDate)}, saying how to ask for compensatory services.`
              : '') +
            stepSentence(ctx, step),
          entryIds: missIds,
          citation: profile.bases.serviceStart,
          thresholds: [
            cited
              ? { name: 'serviceStartSchoolDays', value: schoolDays, basis: cited.citation }
              : settingThreshold('serviceStartSchoolDays', settings.serviceStartSchoolDays),
          ],
          confidence:
            counted == null
              ? {
                  level: 'low',
                  why: 'No school calendar is loaded, so weekdays were counted instead of school days.',
                }
              : missIds.length > 0
                ? { level: 'high', why: 'Sessions are logged, and none of them as delivered.' }
                : {
                    level: 'medium',
                    why: 'No session is logged at all; sessions may have happened without being logged. Ask for the service logs.',
                  },
          deadlines: [
            ...(noticeDate && notice
              ? [
                  {
                    label: 'The school’s written notice to you was due by',
                    date: noticeDate,
                    citation: notice.citation,
                  },
                ]
              : []),
            ...violationDeadlines(ctx, firstLateDay, asOf),
            ...boardAppealDeadlines(ctx, step),
          ],
          letterKind: letterForStep(ctx, step),
          ladderStep: step,
          contactIds: step ? contactsAtRung(ctx, step.rung) : [],
        });
      }
    }
  }
  return recommendations;
}

// ---------------------------------------------------------------------------------------------
// Rules: accommodations, patterns and goals.

function accommodationRules(ctx: Context): Recommendation[] {
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
    recommendations.push({
      id: `${ADVISOR_RULES.accommodationLapses}:${accommodation.id}`,
      rule: ADVISOR_RULES.accommodationLapses,
      action: 'call_iep_meeting',
      urgency: 'normal',
      subjectId: accommodation.id,
      title: `Ask for ${withArticle(planName(ctx))} meeting about an accommodation`,
      reason:
        `“${accommodation.text}” was noted as not given, or only partly, ${plural(lapses.length, 'time')} in the last ${settings.accommodationLapseWindowDays} days ` +
        `(${listWords(lapses.map((o) => formatShortDate(o.date)))}). As Written suggests a meeting at ${settings.accommodationLapsesForMeeting} in ${settings.accommodationLapseWindowDays} days.`,
      entryIds: unique(lapses.flatMap((o) => o.entryIds)),
      citation: profile.bases.implementAsWritten,
      thresholds: [
        settingThreshold('accommodationLapsesForMeeting', settings.accommodationLapsesForMeeting),
        settingThreshold('accommodationLapseWindowDays', settings.accommodationLapseWindowDays),
      ],
      confidence: onlyChild
        ? {
            level: 'medium',
            why: 'All of these come from what your child said; a work sample or the teacher’s word would confirm them.',
          }
        : {
            level: 'high',
            why: 'At least one lapse was seen by you, the teacher, a school record or a work sample.',
          },
      deadlines: [...meetingDeadlines(ctx), ...violationDeadlines(ctx, earliest, latest)],
      letterKind: 'request_iep_meeting',
      ladderStep: ladderStep(ctx, 1),
      contactIds: primaryContactIds(ctx),
    });
  }
  return recommendations;
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

function findingRules(ctx: Context): Recommendation[] {
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
      title: 'Ask about a pattern in your notes',
      reason: `${finding.message} ${finding.question}`,
      entryIds: [...finding.entryIds],
      citation: profile.bases.implementAsWritten,
      thresholds: [],
      confidence: {
        level: 'medium',
        why: 'A pattern in your notes shows where to look, not what happened: ask, do not conclude.',
      },
      deadlines: [],
      letterKind: 'specific_concern',
      ladderStep: ladderStep(ctx, 1),
      contactIds: primaryContactIds(ctx),
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
      title: `Ask for the session notes${service ? ` for ${service.name}` : ''}`,
      reason: `${list.map((f) => f.message).join(' ')} Looking at the session notes together would settle ${list.length === 1 ? 'it' : 'them'}.`,
      entryIds: unique(list.flatMap((f) => f.entryIds)),
      citation: profile.bases.records,
      thresholds: [],
      confidence: { level: 'medium', why: 'Either record may be the mistaken one.' },
      deadlines: recordsDeadlines(ctx),
      letterKind: 'request_service_logs',
      ladderStep: ladderStep(ctx, 1),
      contactIds: primaryContactIds(ctx, service ?? null),
    });
  }

  for (const finding of findings) {
    const goal = ctx.record.goals.find((g) => g.id === finding.subjectId);
    const goalName = goal ? `the ${goal.area} goal` : 'a goal';
    if (finding.rule === FINDING_RULES.noProgress || finding.rule === FINDING_RULES.targetMetEarly) {
      const noProgress = finding.rule === FINDING_RULES.noProgress;
      const rule = noProgress ? ADVISOR_RULES.goalNoProgress : ADVISOR_RULES.goalMetEarly;
      recommendations.push({
        id: `${rule}:${finding.subjectId}`,
        rule,
        action: 'call_iep_meeting',
        urgency: 'normal',
        subjectId: finding.subjectId,
        title: `Ask for ${withArticle(planName(ctx))} meeting about ${goalName}`,
        reason: `${finding.message} ${finding.question}`,
        entryIds: [...finding.entryIds],
        citation: noProgress
          ? profile.bases.reviewForProgress
          : productChoice(
              'The article’s advice: call a meeting when goals are no longer relevant; a goal met early is ready for a new target.',
            ),
        thresholds: [],
        confidence: noProgress
          ? { level: 'high', why: 'Two progress reports in a row show no movement toward the target.' }
          : finding.entryIds.length > 1
            ? { level: 'high', why: 'The target was reached more than once.' }
            : { level: 'medium', why: 'The target was reached once; one good day may not last.' },
        deadlines: meetingDeadlines(ctx),
        letterKind: 'request_iep_meeting',
        ladderStep: ladderStep(ctx, 1),
        contactIds: primaryContactIds(ctx),
      });
    } else if (finding.rule === FINDING_RULES.noDataSinceReport) {
      recommendations.push({
        id: `${ADVISOR_RULES.goalNoData}:${finding.subjectId}`,
        rule: ADVISOR_RULES.goalNoData,
        action: 'check_in',
        urgency: 'low',
        subjectId: finding.subjectId,
        title: `Check in about ${goalName}`,
        reason: `${finding.message} ${finding.question}`,
        entryIds: [...finding.entryIds],
        citation: productChoice(
          'The article’s advice: ask mid-term how goals are going instead of waiting for the report.',
        ),
        thresholds: [],
        confidence: { level: 'medium', why: 'Data may be collected without being shared with you yet.' },
        deadlines: [],
        letterKind: 'check_in',
        ladderStep: ladderStep(ctx, 1),
        contactIds: primaryContactIds(ctx),
      });
    }
  }
  return recommendations;
}

// ---------------------------------------------------------------------------------------------
// Rules: what the parent noted, and the plan's own dates.

function parentNoteRules(ctx: Context): Recommendation[] {
  const { settings, asOf } = ctx;
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
      title: `Ask for ${withArticle(planName(ctx))} meeting about new challenges`,
      reason:
        `You noted ${plural(challenges.length, 'new challenge')} in the last ${settings.newChallengeLookbackDays} days with no meeting since ` +
        `(${listWords(challenges.map((n) => `${formatShortDate(n.date)}: “${n.text}”`))}). ` +
        `You can ask for a meeting at any time; you do not have to wait for the annual review.`,
      entryIds: challenges.map((n) => n.id),
      citation: profile.bases.requestMeeting,
      thresholds: [
        settingThreshold('newChallengesForMeeting', settings.newChallengesForMeeting),
        settingThreshold('newChallengeLookbackDays', settings.newChallengeLookbackDays),
      ],
      confidence: { level: 'high', why: 'You noted these yourself, and no meeting is logged since.' },
      deadlines: meetingDeadlines(ctx),
      letterKind: 'request_iep_meeting',
      ladderStep: ladderStep(ctx, 1),
      contactIds: primaryContactIds(ctx),
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
        title: `Raise your concern of ${formatShortDate(note.date)}`,
        reason: `You noted on ${formatShortDate(note.date)}: “${note.text}”. A specific, friendly question (“Could we touch base to make sure ...?”) gives the team a chance to fix it.`,
        entryIds: [note.id],
        citation: productChoice(
          'The article’s advice: email the teacher or case manager, specific but non-accusatory.',
        ),
        thresholds: [settingThreshold('concernLookbackDays', settings.concernLookbackDays)],
        confidence: {
          level: 'medium',
          why: 'If you have already raised it, dismiss this; As Written cannot tell which message was about it.',
        },
        deadlines: [],
        letterKind: 'specific_concern',
        ladderStep: ladderStep(ctx, 1),
        contactIds: primaryContactIds(ctx),
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
        title: `Escalate now: harm you noted on ${formatShortDate(note.date)}`,
        reason: `You noted on ${formatShortDate(note.date)}: “${note.text}”. When a child is being harmed, academically or emotionally, do not wait for replies: write to someone who can act.${stepSentence(ctx, step)}`,
        entryIds: [note.id],
        citation: productChoice(
          'The article’s advice: escalate if your child is being harmed academically or emotionally. One note is enough.',
        ),
        thresholds: [settingThreshold('harmLookbackDays', settings.harmLookbackDays)],
        confidence: { level: 'high', why: 'You noted harm to your child.' },
        deadlines: boardAppealDeadlines(ctx, step),
        letterKind: letterForStep(ctx, step),
        ladderStep: step,
        contactIds: step ? contactsAtRung(ctx, step.rung) : [],
      });
    }
  }
  return recommendations;
}

/**
 * Annual review and reevaluation dates that passed. Under IDEA a missed date is a clear violation
 * (34 CFR 300.324(b)(1), 300.303): escalate. A 504 plan (104.35(d), periodic, no fixed timeline) and a
 * Canadian plan are reviewed on request: ask for the meeting. A later date of the same kind means the
 * review was held and the plan updated.
 */
function reviewDateRules(ctx: Context): Recommendation[] {
  const profile = ctx.profile;
  const plan = ctx.record.plan;
  if (!profile || !plan) return [];
  const recommendations: Recommendation[] = [];
  const kinds = [
    {
      kind: 'annual_review',
      rule: ADVISOR_RULES.annualReviewOverdue,
      basis: profile.bases.annualReview,
      what: 'annual review',
    },
    {
      kind: 'reevaluation',
      rule: ADVISOR_RULES.reevaluationOverdue,
      basis: profile.bases.reevaluation,
      what: 'reevaluation',
    },
  ] as const;
  for (const { kind, rule, basis, what } of kinds) {
    const dates = ctx.record.keyDates
      .filter((k) => k.kind === kind)
      .map((k) => k.date)
      .sort();
    const due = dates[dates.length - 1];
    if (!due || ctx.asOf <= due) continue;
    const firstLateDay = addDays(due, 1);
    const daysLate = daysBetween(due, ctx.asOf);
    const idea = profile.law === 'idea';
    const step = idea ? nextStep(ctx, due, 2, false) : ladderStep(ctx, 1);
    recommendations.push({
      id: `${rule}:${plan.id}`,
      rule,
      action: idea ? 'escalate' : 'call_iep_meeting',
      urgency: 'normal',
      subjectId: plan.id,
      title: idea
        ? `Escalate: the ${what} was due on ${formatDate(due)}`
        : `Ask for the ${planName(ctx)} ${what}: it was due on ${formatDate(due)}`,
      reason:
        `Your ${planName(ctx)} lists the ${what} for ${formatShortDate(due)}, ${plural(daysLate, 'day')} ago, and no later date is recorded.` +
        (idea ? stepSentence(ctx, step) : ' Ask the team to schedule it.'),
      entryIds: [],
      citation: basis,
      thresholds: [],
      confidence: {
        level: 'medium',
        why: `As Written only sees the date in the plan; if the ${what} was held, add the new plan or its next date.`,
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

// ---------------------------------------------------------------------------------------------
// advise

const URGENCY_ORDER: Record<Urgency, number> = { high: 0, normal: 1, low: 2 };
const ACTION_ORDER: Record<AdvisorAction, number> = {
  escalate: 0,
  call_iep_meeting: 1,
  follow_up_supervisor: 2,
  follow_up: 3,
  write_follow_up: 4,
  request_logs: 5,
  check_in: 6,
};

function context(record: CaseRecord, settings: AdvisorSettings): Context {
  toDayNumber(record.asOf); // throws on a malformed date
  return {
    record,
    settings,
    asOf: record.asOf,
    profile: record.plan ? profileFor(record.plan) : null,
    calendar: { isSchoolDay: record.isSchoolDay, inLongVacation: record.inLongVacation },
    // Entries dated after "today" are not known yet (a test clock, or an import with a wrong date).
    communications: record.communications.filter((c) => c.date <= record.asOf),
    contactsById: new Map(record.team.map((c) => [c.id, c])),
  };
}

/**
 * Recommendations for a child's record on `record.asOf`, most urgent first (then escalations, meetings,
 * follow-ups, log requests, check-ins; then by id). Without a plan, only the communication rules run.
 */
export function advise(record: CaseRecord, settings: AdvisorSettings): Recommendation[] {
  const ctx = context(record, settings);
  return [
    ...communicationRules(ctx),
    ...serviceRules(ctx),
    ...accommodationRules(ctx),
    ...findingRules(ctx),
    ...parentNoteRules(ctx),
    ...reviewDateRules(ctx),
  ].sort(
    (a, b) =>
      URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
      ACTION_ORDER[a.action] - ACTION_ORDER[b.action] ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

// ---------------------------------------------------------------------------------------------
// Reminders

export type ReminderKind =
  | 'weekly_check_in'
  | 'mid_term_check_in'
  | 'reply_due'
  | 'reply_overdue'
  | 'annual_review'
  | 'reevaluation';

export type Reminder = { id: string; date: string; title: string; detail: string; kind: ReminderKind };

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
        });
      }
    }
  }

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
      });
    }
    for (const message of thread.waiting) {
      list.push({
        id: `reply_due:${message.id}`,
        date: addDays(message.replyExpectedBy!, 1),
        title: `Reply due on ${messageName(message)}`,
        detail: `You expected a reply by ${formatDate(message.replyExpectedBy!)}. If none comes, As Written will help you follow up.`,
        kind: 'reply_due',
      });
    }
    // One reminder per thread, about its latest unanswered message (the advisor has the details).
    const latest = thread.unanswered[thread.unanswered.length - 1];
    if (latest) {
      const more =
        thread.unanswered.length > 1
          ? ` (${plural(thread.unanswered.length, 'message')} in this thread)`
          : '';
      list.push({
        id: `reply_overdue:${latest.id}`,
        date: asOf,
        title: `No reply yet to ${messageName(thread.unanswered[0]!)}${more}`,
        detail: `${overdueSince(latest)}. A friendly follow-up is ready to draft.`,
        kind: 'reply_overdue',
      });
    }
  }

  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
}
