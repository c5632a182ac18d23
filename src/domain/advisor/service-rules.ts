// Rules: services. Minutes owed and not made up, delivery below the plan, logs to ask for, a service that
// never started, make-ups still owed under an earlier plan, each up the ladder one step at a time
// (docs/advisor-rules.md).

import { type CaseService, closureMissesToList, owedMissesToList } from '../case-record.ts';
import { addDays, addSchoolDays, weekStart } from '../dates.ts';
import { deadlineOf, replyDueDate } from '../deadlines.ts';
import { type JurisdictionProfile, timelineOf } from '../jurisdictions.ts';
import { pin } from '../legal-sources.ts';
import { absenceReasonHint } from '../school-absences.ts';
import {
  askForMeeting,
  type Context,
  earliestAndLatest,
  lettersSentAbout,
  planWords,
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
  filingWindows,
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
  const { settings, asOf, record, w } = ctx;
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
        title: w.say('serviceUnlogged.title', { service: service.name }),
        reason: w.say('serviceUnlogged.reason', {
          from: w.shortDate(ledger.from),
          to: w.shortDate(loggedTo),
          unlogged: unloggedBefore,
          required: requiredBefore,
          service: service.name,
          share: w.percent(unloggedBefore, requiredBefore),
        }),
        entryIds: unique(service.weeks.flatMap((w) => w.entryIds)),
        citation: profile.bases.records,
        thresholds: [settingThreshold('unloggedShareForLogRequest', settings.unloggedShareForLogRequest)],
        confidence: {
          level: 'high',
          why: w.say('serviceUnlogged.why'),
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
  const { settings, asOf, w } = ctx;
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
    w.say('misses', {
      dates: w.list(list.slice(0, 6).map((m) => w.shortDate(m.date))),
      more: list.length > 6 ? 'yes' : 'no',
    });
  const windowWords =
    required > 0
      ? ` ${w.say('service.window', {
          weeks: weeks.length,
          from: w.shortDate(windowFrom),
          to: w.shortDate(windowTo),
          service: service.name,
          required,
          delivered,
          deliveredShare: w.percent(delivered, required),
          owed,
          owedShare: w.percent(owed, required),
        })}`
      : '';

  // A session counted as owed on a day the child was marked absent from school: the reason may be wrong
  // (a child's absence is generally not made up), so say so and be less sure.
  const absentDays = new Set(ctx.record.absentDays ?? []);
  const onAbsentDays = open.filter((m) => absenceReasonHint(m.date, m.reason, absentDays)?.differs);
  const absenceWords =
    onAbsentDays.length > 0
      ? ` ${w.say('service.absent', {
          dates: missWords(onAbsentDays),
          count: onAbsentDays.length,
          source: pin('osep-letter-to-balkman'),
        })}`
      : '';

  // Step 1: ask the person closest to the service.
  if (!asked) {
    const makeUp = owes;
    const tooEarly =
      evidenceWeeks < settings.minWeeksForMeeting
        ? ` ${w.say('service.tooEarly', { weeks: settings.minWeeksForMeeting, evidence: evidenceWeeks })}`
        : tripped
          ? ` ${w.say('service.nextMeeting')}`
          : '';
    return [
      {
        id: `${ADVISOR_RULES.serviceMakeupRequest}:${service.id}`,
        rule: ADVISOR_RULES.serviceMakeupRequest,
        action: makeUp ? 'request_makeup' : 'follow_up',
        urgency: 'normal',
        subjectId: service.id,
        title: makeUp
          ? w.say('makeup.title', { service: service.name })
          : w.say('makeup.titleAsk', { service: service.name }),
        reason:
          (makeUp
            ? open.length > 0
              ? w.say('makeup.owedSessions', {
                  count: open.length,
                  service: service.name,
                  dates: missWords(open),
                  minutes: minutesOwed,
                })
              : w.say('makeup.owedMinutes', { minutes: minutesOwed, service: service.name })
            : w.say('makeup.pending', {
                count: pending.length,
                service: service.name,
                dates: missWords(pending),
              })) +
          ' ' +
          (makeUp ? w.say('makeup.firstStep') : w.say('makeup.firstStepAsk')) +
          (tripped ? windowWords : '') +
          absenceWords +
          tooEarly +
          ` ${filingWindows(ctx)}`,
        entryIds: unique([...open, ...pending].map((m) => m.entryId)),
        citation: OWED_PRACTICE,
        thresholds,
        confidence:
          makeUp && onAbsentDays.length === 0
            ? { level: 'high', why: w.say('makeup.why') }
            : makeUp
              ? { level: 'medium', why: w.say('makeup.whyAbsent') }
              : { level: 'medium', why: w.say('makeup.whyPending') },
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
        title: w.say('shortfall.title', { ask: askForMeeting(ctx), service: service.name }),
        reason:
          `${w.say('shortfall.asked', { date: w.shortDate(asked.date) })}${windowWords} ` +
          w.say('shortfall.threshold', {
            owed: Math.round(settings.owedShareOverFourWeeks * 100),
            delivered: Math.round(settings.minDeliveredShare * 100),
            weeks: settings.minWeeksForMeeting,
          }) +
          (minutesOwed > 0 ? ` ${w.say('shortfall.owed', { minutes: minutesOwed })}` : '') +
          ` ${filingWindows(ctx)}`,
        entryIds: unique([
          ...weeks.flatMap((w) => w.entryIds),
          ...open.map((m) => m.entryId),
          asked.communicationId,
        ]),
        citation: profile.bases.implementAsWritten,
        thresholds,
        confidence: owedTrips
          ? { level: 'high', why: w.say('shortfall.why') }
          : { level: 'medium', why: w.say('shortfall.whyDelivered') },
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
      title: w.say('serviceEscalation.title', { service: service.name }),
      reason:
        w.say('serviceEscalation.reason', {
          asked: w.shortDate(asked.date),
          meeting: w.shortDate(meeting.date),
          count: since.length,
          dates: missWords(since),
          minutes: minutesOwed,
        }) +
        ladder.stepSentence(ctx, step) +
        ` ${filingWindows(ctx)}`,
      entryIds: unique([...open.map((m) => m.entryId), asked.communicationId]),
      citation: profile.bases.implementAsWritten,
      thresholds,
      confidence: { level: 'high', why: w.say('serviceEscalation.why') },
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
  const { settings, asOf, w } = ctx;
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
    ? ` ${w.say('notStarted.absent', { source: cited!.citation.source })}`
    : '';
  const windows = violationDeadlines(ctx, firstLateDay, asOf);
  return {
    id: `${ADVISOR_RULES.serviceNotStarted}:${service.id}`,
    rule: ADVISOR_RULES.serviceNotStarted,
    action: askFirst ? 'follow_up' : 'escalate',
    urgency: 'normal',
    subjectId: service.id,
    title: askFirst
      ? w.say('notStarted.titleAsk', { service: service.name })
      : w.say('notStarted.title', { service: service.name }),
    reason:
      w.say('notStarted.reason', {
        service: service.name,
        start: w.shortDate(service.startDate),
        days: schoolDays,
        deadline: w.shortDate(startDeadline),
      }) +
      absentWords +
      (notice ? ` ${w.say('notStarted.notice', { date: w.shortDate(notice.date) })}` : '') +
      (askFirst ? ` ${w.say('notStarted.askFirst')}` : ladder.stepSentence(ctx, step)) +
      ` ${filingWindows(ctx)}`,
    entryIds: missIds,
    citation: profile.bases.serviceStart,
    thresholds: [
      cited
        ? { name: 'serviceStartSchoolDays', value: schoolDays, basis: cited.citation }
        : settingThreshold('serviceStartSchoolDays', settings.serviceStartSchoolDays),
    ],
    confidence:
      counted == null
        ? { level: 'low', why: w.say('notStarted.whyNoCalendar') }
        : missIds.length > 0
          ? { level: 'high', why: w.say('notStarted.whyLogged') }
          : { level: 'medium', why: w.say('notStarted.whyNothing') },
    deadlines: [
      ...(notice
        ? [
            {
              label: w.say('notStarted.noticeDeadline'),
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
  const { w } = ctx;
  const plan = planWords(ctx);
  const misses = [...owedMissesToList(service), ...closureMissesToList(service)];
  const { earliest, latest } = earliestAndLatest(
    misses.map((m) => m.date),
    earlier.effectiveFrom,
  );
  return {
    id: `${ADVISOR_RULES.serviceOwedEarlierPlan}:${service.id}`,
    rule: ADVISOR_RULES.serviceOwedEarlierPlan,
    action: 'follow_up',
    urgency: 'normal',
    subjectId: service.id,
    title: w.say('earlierPlan.title', { service: service.name, plan }),
    reason: w.say('earlierPlan.reason', {
      plan,
      hasTitle: earlier.title ? 'yes' : 'no',
      title: earlier.title ?? '',
      from: w.date(earlier.effectiveFrom),
      to: w.date(earlier.effectiveTo),
      minutes: service.ledger.owedBalanceMinutes,
      service: service.name,
      sessions: misses.length === 0 ? 'none' : misses.length === 1 ? 'one' : 'many',
      count: misses.length,
      earliest: w.date(earliest),
      latest: w.date(latest),
    }),
    entryIds: misses.map((m) => m.entryId),
    citation: profile.bases.implementAsWritten,
    thresholds: [],
    confidence: {
      level: 'high',
      why: w.say('earlierPlan.why'),
    },
    deadlines: [],
    letterKind: 'specific_concern',
    ...ladder.firstRung(ctx, service),
  };
}
