// Rules: services. Minutes owed and not made up, delivery below the plan, logs to ask for, a service that
// never started, make-ups still owed under an earlier plan, each up the ladder one step at a time
// (docs/advisor-rules.md).

import { type CaseService, closureMissesToList, owedMissesToList } from '../case-record.ts';
import { addDays, addSchoolDays, formatShortDate, weekStart } from '../dates.ts';
import { deadlineOf, replyDueDate } from '../deadlines.ts';
import { type JurisdictionProfile, timelineOf } from '../jurisdictions.ts';
import { pin } from '../legal-sources.ts';
import { andList, countOf } from '../letter-words.ts';
import { absenceReasonHint } from '../school-absences.ts';
import {
  askForMeeting,
  type Context,
  earliestAndLatest,
  formatDate,
  lettersSentAbout,
  percent,
  planName,
  productChoice,
  sentWritten,
  settingThreshold,
  unique,
  windowPassed,
  withinLastDays,
} from './context.ts';
import * as ladder from './ladder.ts';
import { ADVISOR_RULES, type Recommendation } from './recommendation.ts';
import { SERVICE_REVIEW_WEEKS } from './settings.ts';
import {
  boardAppealDeadlines,
  FILING_WINDOWS_SENTENCE,
  meetingDeadlines,
  recordsDeadlines,
  violationDeadlines,
} from './timelines.ts';

/** The last SERVICE_REVIEW_WEEKS full weeks before the week of asOf (this week's sessions may still come). */
function reviewWeeks(service: CaseService, asOf: string): CaseService['weeks'] {
  const thisWeek = weekStart(asOf);
  const from = addDays(thisWeek, -7 * SERVICE_REVIEW_WEEKS);
  return service.weeks.filter((w) => w.start >= from && w.start < thisWeek);
}

// Shares are compared with a small tolerance so that 30 / 120 counts as exactly 25%.
const SHARE_EPSILON = 1e-9;

export function serviceRules(ctx: Context): Recommendation[] {
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
        ...ladder.firstRung(ctx, service),
      });
    }

    // A service never delivered after its start deadline.
    const notStarted = serviceNotStarted(ctx, profile, service);
    if (notStarted) recommendations.push(notStarted);
  }
  return recommendations;
}

/**
 * The step a service's problem has reached: the make-up request (a make-up letter about it, or any written
 * message to its provider or case manager since its first open miss), then a meeting asked for (a meeting
 * request letter, or a meeting held) after it.
 */
function serviceSteps(ctx: Context, service: CaseService, since: string) {
  // The first time the person closest was asked since the first miss, and the first meeting after it.
  const makeupLetter = lettersSentAbout(ctx, ['specific_concern'], service.id, since)[0];
  const written = ladder.firstAskInWriting(ctx, since, service);
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
    andList(list.slice(0, 6).map((m) => formatShortDate(m.date))) + (list.length > 6 ? ' and others' : '');
  const windowWords =
    required > 0
      ? ` Over the ${countOf(weeks.length, 'week')} from ${formatShortDate(windowFrom)} to ${formatShortDate(windowTo)}, ${service.name} required ${required} minutes: ` +
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
        ? ` It is too early for a meeting: As Written waits for ${countOf(settings.minWeeksForMeeting, 'week')} of required minutes in the last four full weeks before suggesting one (there ${evidenceWeeks === 1 ? 'is' : 'are'} ${evidenceWeeks}).`
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
              ? `${countOf(open.length, 'session')} of ${service.name} ${open.length === 1 ? 'is' : 'are'} logged as missed for a reason As Written counts as owed, and not made up yet (${missWords(open)}): ${minutesOwed} minutes in all. `
              : `${minutesOwed} minutes of ${service.name} are counted as owed and not made up yet. `
            : `${countOf(pending.length, 'session')} of ${service.name} ${pending.length === 1 ? 'is' : 'are'} logged as not held, with the reason not yet known (${missWords(pending)}). `) +
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
        ...ladder.firstRung(ctx, service),
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
        title: `${askForMeeting(ctx)} about ${service.name}`,
        reason:
          `You asked about the missed sessions on ${formatShortDate(asked.date)}.${windowWords} ` +
          `As Written suggests a meeting at ${Math.round(settings.owedShareOverFourWeeks * 100)}% owed or under ${Math.round(settings.minDeliveredShare * 100)}% delivered, once ${countOf(settings.minWeeksForMeeting, 'week')} of the last four required minutes.` +
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
        ...ladder.firstRung(ctx, service),
      },
    ];
  }

  // Step 3: sessions still missed after the meeting was asked for (or held): one step up.
  if (meeting.communicationId && !windowPassed(ctx, meeting.communicationId)) return [];
  const since = open.filter((m) => m.date > meeting.date);
  if (since.length === 0) return [];
  // An escalation already sent since the meeting request waits for its own reply window first.
  const escalated = sentWritten(ctx).filter(
    (c) => c.date >= meeting.date && c.contactIds.some((id) => ladder.contactRung(ctx, id) >= 2),
  );
  if (escalated.some((c) => !windowPassed(ctx, c.id))) return [];
  const step = ladder.nextStep(ctx, asked.date, 2, false);
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
        `Since then ${countOf(since.length, 'more session')} ${since.length === 1 ? 'was' : 'were'} missed for reasons As Written counts as owed (${missWords(since)}); ${minutesOwed} minutes are not made up.` +
        ladder.stepSentence(ctx, step) +
        ` ${FILING_WINDOWS_SENTENCE}`,
      entryIds: unique([...open.map((m) => m.entryId), asked.communicationId]),
      citation: profile.bases.implementAsWritten,
      thresholds,
      confidence: { level: 'high', why: 'Counted from your log and the letters you sent.' },
      deadlines: [...windows, ...boardAppealDeadlines(ctx, step)],
      ...ladder.stepUp(ctx, step),
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
  const step = askFirst ? ladder.ladderStep(ctx, 1) : ladder.nextStep(ctx, service.startDate, 2, false);
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
      `and ${countOf(schoolDays, 'school day')} after the start date passed on ${formatShortDate(startDeadline)}.` +
      absentWords +
      (notice
        ? ` The school was to send you written notice by ${formatShortDate(notice.date)}, saying how to ask for compensatory services.`
        : '') +
      (askFirst
        ? ' Nothing is logged and you have not written about it yet: the case manager can tell you whether it started and when.'
        : ladder.stepSentence(ctx, step)) +
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
    letterKind: askFirst ? 'specific_concern' : ladder.letterForStep(ctx, step),
    ladderStep: step,
    contactIds: askFirst
      ? ladder.primaryContactIds(ctx, service)
      : step
        ? ladder.contactsAtRung(ctx, step.rung)
        : [],
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
        : `: ${countOf(misses.length, 'session')} from ${formatDate(earliest)} to ${formatDate(latest)}`;
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
    ...ladder.firstRung(ctx, service),
  };
}
