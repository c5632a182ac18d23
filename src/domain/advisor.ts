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
import {
  type CaseContact,
  type CaseRecord,
  type CaseService,
  closureMissesToList,
  occurrencesOf,
  owedMissesToList,
} from './case-record.ts';
import {
  awaitsReply,
  type Communication,
  replyState,
  verbalWithoutWrittenFollowUp,
} from './communications.ts';
import { addDays, daysBetween, toDayNumber, weekStart } from './dates.ts';
import {
  addSchoolDays,
  caseCalendar,
  countWords,
  type DeadlineCalendar,
  deadlineOf,
  replyDueDate,
} from './deadlines.ts';
import { FINDING_RULES, type Finding, formatShortDate } from './implementation-patterns.ts';
import {
  type Basis,
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
import { pin } from './legal-sources.ts';
import { oneYearBefore } from './letter-words.ts';
import { absenceReasonHint } from './school-absences.ts';

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
  | 'request_makeup'
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
  serviceMakeupRequest: 'service_makeup_request',
  serviceShortfall: 'service_shortfall',
  serviceShortfallEscalation: 'service_shortfall_escalation',
  serviceUnlogged: 'service_unlogged',
  serviceNotStarted: 'service_not_started',
  serviceOwedEarlierPlan: 'service_owed_earlier_plan',
  accommodationLapses: 'accommodation_lapses',
  patternConcern: 'pattern_concern',
  sourcesDisagree: 'sources_disagree',
  goalNoProgress: 'goal_no_progress',
  goalMetEarly: 'goal_met_early',
  goalNoData: 'goal_no_data',
  newChallenges: 'new_challenges',
  parentConcern: 'parent_concern',
  harmNoted: 'harm_noted',
  annualReviewAskDate: 'annual_review_ask_date',
  annualReviewOverdue: 'annual_review_overdue',
  reevaluationAskDate: 'reevaluation_ask_date',
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
  /**
   * Other recommendations this one covers (one meeting request covers every reason for a meeting):
   * their ids, rules and titles. Absent or empty when it covers none.
   */
  alsoCovers?: { id: string; rule: AdvisorRule; title: string }[];
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

/** Whether a written message went to someone at the top person rung since `since`, and its reply window passed. */
function districtAskedSince(ctx: Context, since: string): boolean {
  if (!ctx.profile) return false;
  const top = topPersonRung(ctx.profile);
  return ctx.communications.some(
    (c) =>
      c.direction === 'sent' &&
      c.kind !== 'phone' &&
      c.kind !== 'meeting' &&
      c.date >= since &&
      c.contactIds.some((id) => contactRung(ctx, id) >= top) &&
      replyState(c, ctx.communications, ctx.asOf).state !== 'waiting',
  );
}

/**
 * The next step up the ladder from the people already written to since `since`, at least `minRung`.
 * Communication problems stop at the highest person (a formal complaint is about the plan, not about
 * a slow reply). A possible violation may reach the formal steps (mediation first in the US) only once
 * the district level (the director, the district 504 coordinator, the superintendent) was asked about it
 * since `since` and its reply window passed: product choice, one step at a time. The filing windows are
 * shown on the recommendation whatever the step (`violationDeadlines`): no filing requires the ladder.
 */
function nextStep(ctx: Context, since: string, minRung: number, personOnly: boolean): LadderStep | null {
  if (!ctx.profile) return null;
  const formalAllowed = !personOnly && districtAskedSince(ctx, since);
  const top = formalAllowed ? Math.max(...ctx.profile.ladder.map((s) => s.rung)) : topPersonRung(ctx.profile);
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

/** A profile timeline counted from `start` (the one deadline function), as a deadline; none without a number. */
function timelineDeadline(
  ctx: Context,
  id: TimelineId,
  start: string,
  label: string,
): RecommendationDeadline[] {
  const due = ctx.profile ? deadlineOf(ctx.profile, id, start, ctx.calendar) : null;
  if (!due) return [];
  const { timeline } = due;
  const words = [countWords(timeline.count), timeline.caveat].filter(Boolean).join('; ');
  return [{ label: `${label} (${words})`, date: due.date, citation: timeline.citation }];
}

/** "if the school receives your written request on Oct 21, 2026" or "if you send it on ...". */
function requestStartWords(ctx: Context, id: TimelineId, what: string): string {
  const timeline = ctx.profile ? timelineOf(ctx.profile, id) : null;
  return timeline?.fromReceipt
    ? `if the school receives your ${what} on ${formatDate(ctx.asOf)}`
    : `if you send your ${what} on ${formatDate(ctx.asOf)}`;
}

function meetingDeadlines(ctx: Context): RecommendationDeadline[] {
  return timelineDeadline(
    ctx,
    'meeting_after_request',
    ctx.asOf,
    `Meeting to be held by, ${requestStartWords(ctx, 'meeting_after_request', 'written request')}`,
  );
}

function recordsDeadlines(ctx: Context): RecommendationDeadline[] {
  return timelineDeadline(
    ctx,
    'records_access',
    ctx.asOf,
    `Records due by, ${requestStartWords(ctx, 'records_access', 'request')}`,
  );
}

function replyExpectedDeadline(ctx: Context): RecommendationDeadline[] {
  const days = ctx.settings.replySchoolDays;
  return [
    {
      label: `Reply expected by, if you send it on ${formatDate(ctx.asOf)} (${plural(days, 'school day')}, your setting)`,
      date: replyDueDate(ctx.asOf, days, ctx.calendar.isSchoolDay),
      citation: productChoice(ADVISOR_SETTING_NOTES.replySchoolDays),
    },
  ];
}

/** The sentence a recommendation with filing windows ends with: holding back never hides a deadline. */
export const FILING_WINDOWS_SENTENCE =
  'The filing deadlines listed below hold whatever step you take now: no complaint or hearing requires climbing the ladder first.';

/**
 * The oldest fact a state complaint drafted today would include (src/domain/letters.ts,
 * draftStateComplaint): a session owed and not yet made up, or an accommodation lapse, within the year
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
function violationDeadlines(ctx: Context, earliest: string, latest: string): RecommendationDeadline[] {
  const profile = ctx.profile;
  if (!profile) return [];
  const deadlines: RecommendationDeadline[] = [];
  const push = (id: TimelineId, start: string, label: string) =>
    deadlines.push(...timelineDeadline(ctx, id, start, label));
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
      push('ocr_complaint', latest, `OCR complaint, counting from the last act, ${formatDate(latest)}`);
  } else {
    push(
      'human_rights_application',
      earliest,
      `Human rights tribunal, if you see this as discrimination (a disability-related need not accommodated), counted from ${formatDate(earliest)}`,
    );
  }
  return deadlines;
}

function boardAppealDeadlines(ctx: Context, step: LadderStep | null): RecommendationDeadline[] {
  if (step?.letterKind !== 'board_appeal') return [];
  return timelineDeadline(
    ctx,
    'board_appeal_decision',
    ctx.asOf,
    `The board decides by, if it receives your appeal on ${formatDate(ctx.asOf)}`,
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
    // A service of an earlier plan is in the record only for the make-up minutes it still owes.
    if (service.earlierPlan) {
      if (service.ledger.owedBalanceMinutes > 0)
        recommendations.push(earlierPlanMakeups(ctx, profile, service, service.earlierPlan));
      continue;
    }
    recommendations.push(...serviceLadder(ctx, profile, service));

    // Minutes with no record at all over the ledger's window, up to the end of last week (this week's
    // sessions may still be logged, as for the shortfall): ask for the logs.
    const ledger = service.ledger;
    const thisWeek = weekStart(asOf);
    const underWay = service.weeks.filter((w) => w.start >= thisWeek);
    const requiredBefore = ledger.requiredMinutes - underWay.reduce((sum, w) => sum + w.requiredMinutes, 0);
    const unloggedBefore = ledger.unloggedMinutes - underWay.reduce((sum, w) => sum + w.unloggedMinutes, 0);
    const loggedTo = underWay.length > 0 ? addDays(thisWeek, -1) : ledger.to;
    if (
      requiredBefore > 0 &&
      unloggedBefore >= settings.unloggedShareForLogRequest * requiredBefore - SHARE_EPSILON
    ) {
      recommendations.push({
        id: `${ADVISOR_RULES.serviceUnlogged}:${service.id}`,
        rule: ADVISOR_RULES.serviceUnlogged,
        action: 'request_logs',
        urgency: 'normal',
        subjectId: service.id,
        title: `Ask for the service logs for ${service.name}`,
        reason:
          `From ${formatShortDate(ledger.from)} to ${formatShortDate(loggedTo)}, ${unloggedBefore} of the ${requiredBefore} required minutes of ${service.name} ` +
          `(${percent(unloggedBefore, requiredBefore)}) have no record at all. The school’s logs would show what happened.`,
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
    const notStarted = serviceNotStarted(ctx, profile, service);
    if (notStarted) recommendations.push(notStarted);
  }
  return recommendations;
}

/** Written messages (not calls or meetings) the family sent, oldest first. */
function sentWritten(ctx: Context): Communication[] {
  return ctx.communications
    .filter((c) => c.direction === 'sent' && c.kind !== 'phone' && c.kind !== 'meeting')
    .sort(byDateTimeId);
}

/** Letters sent of the given kinds about `subjectId` (or about everything), on or after `since`, oldest first. */
function lettersSentAbout(
  ctx: Context,
  kinds: readonly string[],
  subjectId: string | null,
  since: string,
): NonNullable<CaseRecord['lettersSent']> {
  return (ctx.record.lettersSent ?? [])
    .filter(
      (l) =>
        kinds.includes(l.kind) &&
        l.date >= since &&
        l.date <= ctx.asOf &&
        (subjectId == null || l.subjectId == null || l.subjectId === subjectId),
    )
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.letterId < y.letterId ? -1 : 1));
}

/** Whether the reply window of a sent message passed (answered, closed, or past its reply date). */
function windowPassed(ctx: Context, communicationId: string): boolean {
  const message = ctx.communications.find((c) => c.id === communicationId);
  if (!message) return true;
  return replyState(message, ctx.communications, ctx.asOf).state !== 'waiting';
}

/**
 * The step a service's problem has reached: the make-up request (a make-up letter about it, or any written
 * message to its provider or case manager since its first open miss), then a meeting asked for (a meeting
 * request letter, or a meeting held) after it.
 */
function serviceSteps(ctx: Context, service: CaseService, since: string) {
  const people = new Set(primaryContactIds(ctx, service));
  // The first time the person closest was asked since the first miss, and the first meeting after it.
  const makeupLetter = lettersSentAbout(ctx, ['specific_concern'], service.id, since)[0];
  const written = sentWritten(ctx).find((c) => c.date >= since && c.contactIds.some((id) => people.has(id)));
  const asked =
    makeupLetter && (!written || makeupLetter.date <= written.date)
      ? { date: makeupLetter.date, communicationId: makeupLetter.communicationId }
      : written
        ? { date: written.date, communicationId: written.id }
        : null;
  if (!asked) return { asked: null, meeting: null };
  const meetingLetter = lettersSentAbout(ctx, ['request_iep_meeting'], service.id, asked.date)[0];
  const meetingHeld = ctx.communications.find((c) => c.kind === 'meeting' && c.date >= asked.date);
  const meeting = meetingLetter
    ? { date: meetingLetter.date, communicationId: meetingLetter.communicationId as string | null }
    : meetingHeld
      ? { date: meetingHeld.date, communicationId: null }
      : null;
  return { asked, meeting };
}

function byMissDate(a: { date: string; entryId: string }, b: { date: string; entryId: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.entryId < b.entryId ? -1 : 1;
}

const OWED_PRACTICE = productChoice(
  'Many advocates treat sessions the school cancels as owed make-ups, and As Written counts them so by default because the plan’s minutes were not delivered for a reason the school controls (your plan’s reason policy can change it). The first step is to ask the person closest to the service when they can be made up. Whether compensatory services are owed is decided case by case.',
);

/**
 * One service's ladder, one step at a time (product choice, docs/advisor-rules.md), at most one
 * recommendation at a time:
 * 1. sessions owed and not made up: ask the provider or case manager to make them up (or, when only
 *    sessions with no known reason fall short, ask what happened);
 * 2. once asked and its reply window passed, a shortfall over the last four full weeks, with at least
 *    `minWeeksForMeeting` of them requiring minutes, suggests a meeting;
 * 3. once a meeting was asked for (or held) and its reply window passed, sessions missed since then
 *    suggest escalating one step above the highest person written to.
 * The filing windows are on every step (`violationDeadlines`).
 */
function serviceLadder(ctx: Context, profile: JurisdictionProfile, service: CaseService): Recommendation[] {
  const { settings, asOf } = ctx;
  const weeks = reviewWeeks(service, asOf);
  const required = weeks.reduce((sum, w) => sum + w.requiredMinutes, 0);
  const delivered = weeks.reduce((sum, w) => sum + w.deliveredMinutes, 0);
  const owed = weeks.reduce((sum, w) => sum + w.owedMinutes, 0);
  const owedTrips = required > 0 && owed >= settings.owedShareOverFourWeeks * required - SHARE_EPSILON;
  const deliveredTrips = required > 0 && delivered < settings.minDeliveredShare * required - SHARE_EPSILON;
  const tripped = owedTrips || deliveredTrips;
  const evidenceWeeks = weeks.filter((w) => w.requiredMinutes > 0).length;
  const open = [...owedMissesToList(service), ...closureMissesToList(service)]
    .filter((m) => m.date <= asOf)
    .sort(byMissDate);
  const windowFrom = weeks[0]?.start ?? asOf;
  const windowTo = weeks.length > 0 ? addDays(weeks[weeks.length - 1]!.start, 6) : asOf;
  const pending = service.ledger.misses
    .filter((m) => m.responsibility === 'pending' && m.date >= windowFrom && m.date <= windowTo)
    .sort(byMissDate);
  // Owed minutes not made up (the sessions behind them, when the ledger lists them).
  const owes = open.length > 0 || service.ledger.owedBalanceMinutes > 0;
  if (!owes && !(tripped && pending.length > 0)) return [];

  const shortWeeks = weeks.filter((w) => w.owedMinutes > 0 || w.deliveredMinutes < w.requiredMinutes);
  const dates = (open.length > 0 ? open : !owes ? pending : shortWeeks.map((w) => ({ date: w.start }))).map(
    (m) => m.date,
  );
  const { earliest, latest } = earliestAndLatest(dates, windowFrom);
  const firstMiss = earliest;
  const { asked, meeting } = serviceSteps(ctx, service, firstMiss);
  const windows = violationDeadlines(ctx, earliest, latest);
  const thresholds = [
    settingThreshold('owedShareOverFourWeeks', settings.owedShareOverFourWeeks),
    settingThreshold('minDeliveredShare', settings.minDeliveredShare),
    settingThreshold('minWeeksForMeeting', settings.minWeeksForMeeting),
  ];
  const minutesOwed = service.ledger.owedBalanceMinutes;
  const missWords = (list: readonly { date: string }[]) =>
    listWords(list.slice(0, 6).map((m) => formatShortDate(m.date))) + (list.length > 6 ? ' and others' : '');
  const windowWords =
    required > 0
      ? ` Over the ${plural(weeks.length, 'week')} from ${formatShortDate(windowFrom)} to ${formatShortDate(windowTo)}, ${service.name} required ${required} minutes: ` +
        `${delivered} were delivered (${percent(delivered, required)}) and ${owed} are counted as owed (${percent(owed, required)}).`
      : '';

  // A session counted as owed on a day the child was marked absent from school: the reason may be wrong
  // (a child's absence is generally not made up), so say so and be less sure.
  const absentDays = new Set(ctx.record.absentDays ?? []);
  const onAbsentDays = open.filter((m) => absenceReasonHint(m.date, m.reason, absentDays)?.differs);
  const absenceWords =
    onAbsentDays.length > 0
      ? ` Your child was marked absent from school on ${missWords(onAbsentDays)}: check the reason logged for ${onAbsentDays.length === 1 ? 'that session' : 'those sessions'} (when the service was offered and your child was absent, it is generally not made up: ${pin('osep-letter-to-balkman')}, guidance).`
      : '';

  // Step 1: ask the person closest to the service.
  if (!asked) {
    const makeUp = owes;
    const tooEarly =
      evidenceWeeks < settings.minWeeksForMeeting
        ? ` It is too early for a meeting: As Written waits for ${plural(settings.minWeeksForMeeting, 'week')} of required minutes in the last four full weeks before suggesting one (there ${evidenceWeeks === 1 ? 'is' : 'are'} ${evidenceWeeks}).`
        : tripped
          ? ' If nothing changes after you ask, As Written will suggest a meeting next.'
          : '';
    return [
      {
        id: `${ADVISOR_RULES.serviceMakeupRequest}:${service.id}`,
        rule: ADVISOR_RULES.serviceMakeupRequest,
        action: makeUp ? 'request_makeup' : 'follow_up',
        urgency: 'normal',
        subjectId: service.id,
        title: makeUp
          ? `Ask for the missed ${service.name} sessions to be made up`
          : `Ask what happened to the ${service.name} sessions`,
        reason:
          (makeUp
            ? open.length > 0
              ? `${plural(open.length, 'session')} of ${service.name} ${open.length === 1 ? 'is' : 'are'} logged as missed for a reason As Written counts as owed, and not made up yet (${missWords(open)}): ${minutesOwed} minutes in all. `
              : `${minutesOwed} minutes of ${service.name} are counted as owed and not made up yet. `
            : `${plural(pending.length, 'session')} of ${service.name} ${pending.length === 1 ? 'is' : 'are'} logged as not held, with the reason not yet known (${missWords(pending)}). `) +
          (makeUp
            ? 'A short, friendly note asking when they can be made up is the first step.'
            : 'A short, friendly note asking what happened is the first step.') +
          (tripped ? windowWords : '') +
          absenceWords +
          tooEarly +
          ` ${FILING_WINDOWS_SENTENCE}`,
        entryIds: unique([...open, ...pending].map((m) => m.entryId)),
        citation: OWED_PRACTICE,
        thresholds,
        confidence:
          makeUp && onAbsentDays.length === 0
            ? {
                level: 'high',
                why: 'The sessions are logged as missed for reasons your plan counts as owed.',
              }
            : makeUp
              ? {
                  level: 'medium',
                  why: 'A session counted as owed fell on a day your child was marked absent from school.',
                }
              : { level: 'medium', why: 'The reasons are not known yet; they may be excused.' },
        deadlines: windows,
        letterKind: 'specific_concern',
        ladderStep: ladderStep(ctx, 1),
        contactIds: primaryContactIds(ctx, service),
      },
    ];
  }
  // The person closest was asked; their reply window has not passed yet (the follow-up rule watches it).
  if (!windowPassed(ctx, asked.communicationId)) return [];

  // Step 2: a meeting, once the evidence is enough.
  if (!meeting) {
    if (!tripped || evidenceWeeks < settings.minWeeksForMeeting) return [];
    return [
      {
        id: `${ADVISOR_RULES.serviceShortfall}:${service.id}`,
        rule: ADVISOR_RULES.serviceShortfall,
        action: 'call_iep_meeting',
        urgency: 'normal',
        subjectId: service.id,
        title: `Ask for ${withArticle(planName(ctx))} meeting about ${service.name}`,
        reason:
          `You asked about the missed sessions on ${formatShortDate(asked.date)}.${windowWords} ` +
          `As Written suggests a meeting at ${Math.round(settings.owedShareOverFourWeeks * 100)}% owed or under ${Math.round(settings.minDeliveredShare * 100)}% delivered, once ${plural(settings.minWeeksForMeeting, 'week')} of the last four required minutes.` +
          (minutesOwed > 0 ? ` In all, ${minutesOwed} minutes counted as owed are not yet made up.` : '') +
          ` ${FILING_WINDOWS_SENTENCE}`,
        entryIds: unique([
          ...weeks.flatMap((w) => w.entryIds),
          ...open.map((m) => m.entryId),
          asked.communicationId,
        ]),
        citation: profile.bases.implementAsWritten,
        thresholds,
        confidence: owedTrips
          ? {
              level: 'high',
              why: 'The owed minutes come from sessions logged as missed for reasons your plan counts as owed.',
            }
          : {
              level: 'medium',
              why: 'Part of the gap may be excused (your child was absent) or not logged yet; ask for the service logs to be sure.',
            },
        deadlines: [...meetingDeadlines(ctx), ...windows],
        letterKind: 'request_iep_meeting',
        ladderStep: ladderStep(ctx, 1),
        contactIds: primaryContactIds(ctx, service),
      },
    ];
  }

  // Step 3: sessions still missed after the meeting was asked for (or held): one step up.
  if (meeting.communicationId && !windowPassed(ctx, meeting.communicationId)) return [];
  const since = open.filter((m) => m.date > meeting.date);
  if (since.length === 0) return [];
  // An escalation already sent since the meeting request waits for its own reply window first.
  const escalated = sentWritten(ctx).filter(
    (c) => c.date >= meeting.date && c.contactIds.some((id) => contactRung(ctx, id) >= 2),
  );
  if (escalated.some((c) => !windowPassed(ctx, c.id))) return [];
  const step = nextStep(ctx, asked.date, 2, false);
  return [
    {
      id: `${ADVISOR_RULES.serviceShortfallEscalation}:${service.id}`,
      rule: ADVISOR_RULES.serviceShortfallEscalation,
      action: 'escalate',
      urgency: 'normal',
      subjectId: service.id,
      title: `Escalate: ${service.name} sessions are still being missed`,
      reason:
        `You asked for the sessions to be made up on ${formatShortDate(asked.date)} and for a meeting on ${formatShortDate(meeting.date)}. ` +
        `Since then ${plural(since.length, 'more session')} ${since.length === 1 ? 'was' : 'were'} missed for reasons As Written counts as owed (${missWords(since)}); ${minutesOwed} minutes are not made up.` +
        stepSentence(ctx, step) +
        ` ${FILING_WINDOWS_SENTENCE}`,
      entryIds: unique([...open.map((m) => m.entryId), asked.communicationId]),
      citation: profile.bases.implementAsWritten,
      thresholds,
      confidence: { level: 'high', why: 'Counted from your log and the letters you sent.' },
      deadlines: [...windows, ...boardAppealDeadlines(ctx, step)],
      letterKind: letterForStep(ctx, step),
      ladderStep: step,
      contactIds: step ? contactsAtRung(ctx, step.rung) : [],
    },
  ];
}

/**
 * A service never delivered after its start deadline: the statute's count where there is one (Illinois,
 * 23 Ill. Adm. Code 226.220(b): 10 school days, not counting days the child was absent), else the setting.
 * With nothing logged and no message sent since the start date, the first step is to ask the case manager
 * (product choice); after that, or when you noted harm, escalate one step up.
 */
function serviceNotStarted(
  ctx: Context,
  profile: JurisdictionProfile,
  service: CaseService,
): Recommendation | null {
  const { settings, asOf } = ctx;
  const started = service.firstDeliveredDate != null && service.firstDeliveredDate <= asOf;
  if (started || service.startDate > asOf) return null;
  const statute = timelineOf(profile, 'service_start');
  const cited = statute?.count && statute.count.unit !== 'years' ? statute : null;
  const schoolDays = cited?.count?.amount ?? settings.serviceStartSchoolDays;
  const counted = cited
    ? (deadlineOf(profile, 'service_start', service.startDate, ctx.calendar)?.date ?? null)
    : addSchoolDays(service.startDate, schoolDays, ctx.calendar.isSchoolDay);
  const startDeadline = counted ?? replyDueDate(service.startDate, schoolDays, () => false);
  if (asOf <= startDeadline) return null;
  const firstLateDay = addDays(startDeadline, 1);
  const notice = cited ? deadlineOf(profile, 'service_start_notice', startDeadline, ctx.calendar) : null;
  const missIds = service.ledger.misses.map((m) => m.entryId);
  const contacted = sentWritten(ctx).some((c) => c.date >= service.startDate);
  const harm = ctx.record.parentNotes.some(
    (n) => n.kind === 'harm' && withinLastDays(n.date, asOf, settings.harmLookbackDays),
  );
  const askFirst = !contacted && missIds.length === 0 && !harm;
  const step = askFirst ? ladderStep(ctx, 1) : nextStep(ctx, service.startDate, 2, false);
  const absences = cited?.count?.unit === 'school_days_present' ? (ctx.record.absentDays ?? []) : [];
  const absentWords = absences.some((d) => d >= service.startDate && d <= startDeadline)
    ? ` Days your child was marked absent from school are not counted (${cited!.citation.source}).`
    : '';
  const windows = violationDeadlines(ctx, firstLateDay, asOf);
  return {
    id: `${ADVISOR_RULES.serviceNotStarted}:${service.id}`,
    rule: ADVISOR_RULES.serviceNotStarted,
    action: askFirst ? 'follow_up' : 'escalate',
    urgency: 'normal',
    subjectId: service.id,
    title: askFirst
      ? `Ask the case manager whether ${service.name} has started`
      : `Escalate: ${service.name} has not started`,
    reason:
      `${service.name} was to start on ${formatShortDate(service.startDate)}. No session is logged as delivered, ` +
      `and ${plural(schoolDays, 'school day')} after the start date passed on ${formatShortDate(startDeadline)}.` +
      absentWords +
      (notice
        ? ` The school was to send you written notice by ${formatShortDate(notice.date)}, saying how to ask for compensatory services.`
        : '') +
      (askFirst
        ? ' Nothing is logged and you have not written about it yet: the case manager can tell you whether it started and when.'
        : stepSentence(ctx, step)) +
      ` ${FILING_WINDOWS_SENTENCE}`,
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
      ...(notice
        ? [
            {
              label: 'The school’s written notice to you was due by',
              date: notice.date,
              citation: notice.timeline.citation,
            },
          ]
        : []),
      ...windows,
      ...(askFirst ? [] : boardAppealDeadlines(ctx, step)),
    ],
    letterKind: askFirst ? 'specific_concern' : letterForStep(ctx, step),
    ladderStep: step,
    contactIds: askFirst ? primaryContactIds(ctx, service) : step ? contactsAtRung(ctx, step.rung) : [],
  };
}

/**
 * Make-up minutes still owed under an earlier plan (last year's IEP, before the annual review renewed
 * it). The plan in force counts only its own sessions: without this rule they would drop out of sight.
 */
function earlierPlanMakeups(
  ctx: Context,
  profile: JurisdictionProfile,
  service: CaseService,
  earlier: NonNullable<CaseService['earlierPlan']>,
): Recommendation {
  const plan = `the earlier ${planName(ctx)}`;
  const misses = [...owedMissesToList(service), ...closureMissesToList(service)];
  const { earliest, latest } = earliestAndLatest(
    misses.map((m) => m.date),
    earlier.effectiveFrom,
  );
  const sessions =
    misses.length === 0
      ? ''
      : misses.length === 1
        ? `: the session of ${formatDate(earliest)}`
        : `: ${plural(misses.length, 'session')} from ${formatDate(earliest)} to ${formatDate(latest)}`;
  const named = earlier.title ? `“${earlier.title}”, ` : '';
  return {
    id: `${ADVISOR_RULES.serviceOwedEarlierPlan}:${service.id}`,
    rule: ADVISOR_RULES.serviceOwedEarlierPlan,
    action: 'follow_up',
    urgency: 'normal',
    subjectId: service.id,
    title: `Ask when the missed ${service.name} sessions of ${plan} will be made up`,
    reason:
      `Under ${plan} (${named}${formatDate(earlier.effectiveFrom)} to ${formatDate(earlier.effectiveTo)}), ` +
      `${service.ledger.owedBalanceMinutes} minutes of ${service.name} were missed for reasons As Written counts as owed, ` +
      `and no make-up covers them yet${sessions}. The ${planName(ctx)} in force counts only its own sessions; ask when these will be made up.`,
    entryIds: misses.map((m) => m.entryId),
    citation: profile.bases.implementAsWritten,
    thresholds: [],
    confidence: {
      level: 'high',
      why: 'Counted from the earlier plan’s ledger: sessions logged as missed for reasons your plan counts as owed, less the make-ups logged since.',
    },
    deadlines: [],
    letterKind: 'specific_concern',
    ladderStep: ladderStep(ctx, 1),
    contactIds: primaryContactIds(ctx, service),
  };
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
    // One step at a time: ask the teacher or case manager first (a letter about this accommodation, or any
    // written message to them since the first lapse), then a meeting once their reply window passed.
    const people = new Set(primaryContactIds(ctx));
    const letter = lettersSentAbout(ctx, ['specific_concern'], accommodation.id, earliest)[0];
    const written = sentWritten(ctx).find(
      (c) => c.date >= earliest && c.contactIds.some((id) => people.has(id)),
    );
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
          `“${accommodation.text}” was noted as not given, or only partly, ${plural(lapses.length, 'time')} in the last ${settings.accommodationLapseWindowDays} days ` +
          `(${listWords(lapses.map((o) => formatShortDate(o.date)))}). A specific, friendly question to the teacher or case manager is the first step; ` +
          `As Written suggests a meeting if it continues after that. ${FILING_WINDOWS_SENTENCE}`,
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
        deadlines: violationDeadlines(ctx, earliest, latest),
        letterKind: 'specific_concern',
        ladderStep: ladderStep(ctx, 1),
        contactIds: primaryContactIds(ctx),
      });
      continue;
    }
    recommendations.push({
      id: `${ADVISOR_RULES.accommodationLapses}:${accommodation.id}`,
      rule: ADVISOR_RULES.accommodationLapses,
      action: 'call_iep_meeting',
      urgency: 'normal',
      subjectId: accommodation.id,
      title: `Ask for ${withArticle(planName(ctx))} meeting about an accommodation`,
      reason:
        `“${accommodation.text}” was noted as not given, or only partly, ${plural(lapses.length, 'time')} in the last ${settings.accommodationLapseWindowDays} days ` +
        `(${listWords(lapses.map((o) => formatShortDate(o.date)))}), and you have asked about it. As Written suggests a meeting at ${settings.accommodationLapsesForMeeting} in ${settings.accommodationLapseWindowDays} days. ${FILING_WINDOWS_SENTENCE}`,
      entryIds: unique([...lapses.flatMap((o) => o.entryIds), askedId]),
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

/** The plan's first words for a record the finding is about ("Extended time (1.5x) on tests"). */
function subjectWords(ctx: Context, id: string): string | null {
  const acc = ctx.record.accommodations.find((a) => a.id === id);
  if (acc) {
    const first = acc.text.split(/\.(?=\s|$)|[;\n]/)[0]!.trim();
    return first.length > 60 ? `${first.slice(0, 57).trimEnd()}…` : first;
  }
  return ctx.record.services.find((s) => s.id === id)?.name ?? null;
}

/**
 * A title that says which pattern the card is about, so several cards never read the same
 * ("Ask how substitutes are told about extended time", not "Ask about a pattern" four times).
 */
function findingTitle(ctx: Context, finding: Finding): string {
  const name = subjectWords(ctx, finding.subjectId);
  switch (finding.rule) {
    case FINDING_RULES.substituteLapses:
      return name
        ? `Ask how substitutes are told about “${name}”`
        : 'Ask how substitutes are told about the plan';
    case FINDING_RULES.classLapses:
      return name ? `Ask about “${name}” in one class` : 'Ask about an accommodation in one class';
    case FINDING_RULES.staffLapses:
      return name
        ? `Ask about “${name}” with one staff member`
        : 'Ask about an accommodation with one staff member';
    case FINDING_RULES.stepSkipped:
      return 'Ask about a behavior-plan step that is skipped';
    case FINDING_RULES.rewardsUnused:
      return 'Ask about the behavior plan’s rewards';
    case FINDING_RULES.consequenceContradicted:
      return 'Ask about consequences that go against the behavior plan';
    case FINDING_RULES.pullOutConflict:
      return name
        ? `Ask whether ${name} can move to another time`
        : 'Ask whether a pull-out can move to another time';
    default:
      return 'Ask about a pattern in your notes';
  }
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
      title: findingTitle(ctx, finding),
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
 * Annual review and reevaluation dates that passed. A date just passed is a reminder to ask the case
 * manager when the review will be held (for `reviewOverdueGraceDays`, a product choice), not an
 * escalation. After that, under IDEA the review is required by law (34 CFR 300.324(b)(1), 300.303):
 * escalate one step up. A 504 plan (104.35(d), periodic, no fixed timeline) and a Canadian plan are
 * reviewed on request: ask for the meeting. A later date of the same kind means the
 * review was held and the plan updated, and so does a later plan recorded (the plan renewed at the
 * annual review, in force from a later date): its own dates are read once it is in force.
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
      ask: ADVISOR_RULES.annualReviewAskDate,
      basis: profile.bases.annualReview,
      what: 'annual review',
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
        title: `Ask when the ${what} will be held`,
        reason:
          `Your ${planName(ctx)} lists the ${what} for ${formatShortDate(due)}, ${plural(daysLate, 'day')} ago, and no later date is recorded. ` +
          'It may simply be scheduled and not yet in your record: ask the case manager for the date.',
        entryIds: [],
        citation: basis,
        thresholds: [settingThreshold('reviewOverdueGraceDays', ctx.settings.reviewOverdueGraceDays)],
        confidence: {
          level: 'medium',
          why: `As Written only sees the date in the plan; if the ${what} was held or scheduled, add its date.`,
        },
        deadlines: meetingDeadlines(ctx),
        letterKind: 'request_iep_meeting',
        ladderStep: ladderStep(ctx, 1),
        contactIds: primaryContactIds(ctx),
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
        ? `Escalate: the ${what} was due on ${formatDate(due)}`
        : `Ask for the ${planName(ctx)} ${what}: it was due on ${formatDate(due)}`,
      reason:
        `Your ${planName(ctx)} lists the ${what} for ${formatShortDate(due)}, ${plural(daysLate, 'day')} ago, and no later date is recorded.` +
        (idea ? `${stepSentence(ctx, step)} ${FILING_WINDOWS_SENTENCE}` : ' Ask the team to schedule it.'),
      entryIds: [],
      citation: basis,
      thresholds: [settingThreshold('reviewOverdueGraceDays', ctx.settings.reviewOverdueGraceDays)],
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
  request_makeup: 3,
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
    calendar: caseCalendar(record),
    // Entries dated after "today" are not known yet (a test clock, or an import with a wrong date).
    communications: record.communications.filter((c) => c.date <= record.asOf),
    contactsById: new Map(record.team.map((c) => [c.id, c])),
  };
}

export { RECOMMENDATIONS_SHOWN } from './advisor-settings.ts';

function byPriority(a: Recommendation, b: Recommendation): number {
  return (
    URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
    ACTION_ORDER[a.action] - ACTION_ORDER[b.action] ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * At most one open recommendation per problem and kind. Every meeting suggestion becomes one: a meeting
 * request letter already lists every open concern (services owed, accommodations, goals, what you
 * noted), so three "ask for a meeting" cards would be three copies of one letter. The first by priority
 * keeps its id and gathers the others' reasons, entries, deadlines and contacts.
 */
function oneOpenPerProblem(sorted: readonly Recommendation[]): Recommendation[] {
  const meetings = sorted.filter((r) => r.action === 'call_iep_meeting');
  const merged: Recommendation | null =
    meetings.length <= 1
      ? (meetings[0] ?? null)
      : {
          ...meetings[0]!,
          reason: `${meetings[0]!.reason} The same meeting can also cover: ${listWords(meetings.slice(1).map((m) => lowerFirstWord(m.title.replace(/^Ask for an? .+? meeting(?: about| to| for|:)?\s*/i, ''))))}.`,
          entryIds: unique(meetings.flatMap((m) => m.entryIds)),
          thresholds: uniqueBy(
            meetings.flatMap((m) => m.thresholds),
            (t) => t.name,
          ),
          deadlines: uniqueBy(
            meetings.flatMap((m) => m.deadlines),
            (d) => `${d.label}|${d.date}`,
          ),
          contactIds: unique(meetings.flatMap((m) => m.contactIds)),
          alsoCovers: meetings.slice(1).map((m) => ({ id: m.id, rule: m.rule, title: m.title })),
        };
  const out: Recommendation[] = [];
  const kept = new Map<string, Recommendation>();
  for (const r of sorted) {
    if (r.action === 'call_iep_meeting') {
      if (r !== meetings[0]) continue;
      out.push(merged!);
      continue;
    }
    const key = `${r.subjectId}|${r.action}`;
    const first = kept.get(key);
    if (first) {
      // The same problem and kind twice (logs asked for two reasons): one card, naming the other.
      first.alsoCovers = [...(first.alsoCovers ?? []), { id: r.id, rule: r.rule, title: r.title }];
      first.entryIds = unique([...first.entryIds, ...r.entryIds]);
      continue;
    }
    const copy = { ...r };
    kept.set(key, copy);
    out.push(copy);
  }
  return out;
}

function lowerFirstWord(text: string): string {
  return text.length > 0 && !/^[A-Z]{2}/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/**
 * Recommendations for a child's record on `record.asOf`, most urgent first (then escalations, meetings,
 * follow-ups, log requests, check-ins; then by id), at most one per problem and kind. Without a plan,
 * only the communication rules run.
 */
export function advise(record: CaseRecord, settings: AdvisorSettings): Recommendation[] {
  const ctx = context(record, settings);
  return oneOpenPerProblem(
    [
      ...communicationRules(ctx),
      ...serviceRules(ctx),
      ...accommodationRules(ctx),
      ...findingRules(ctx),
      ...parentNoteRules(ctx),
      ...reviewDateRules(ctx),
    ].sort(byPriority),
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
  | 'reevaluation'
  | 'request_deadline';

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
    });
  }
  return out;
}
