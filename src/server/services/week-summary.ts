import type { WeekSummary } from '../../api/ledger.ts';
import { addDays, maxDate, minDate, monthEnd, weekStart } from '../../domain/dates.ts';
import {
  type AccommodationOutcome,
  accommodationOccurrences,
  occurrenceWords,
} from '../../domain/occurrences.ts';
import { type PeriodWordsInput, periodWords } from '../../domain/period-words.ts';
import { buildCalendarIndex, type CalendarIndex } from '../../domain/school-calendar.ts';
import type { SchoolCalendar } from '../../domain/school-calendar-model.ts';
import { lastSchoolDay } from '../../domain/school-days.ts';
import type { ServiceSegment } from '../../domain/service.ts';
import { percentDelivered } from '../../domain/service-ledger.ts';
import { closureOfChildOn } from '../../store/calendars.repository.ts';
import { requireChild } from '../../store/children.repository.ts';
import { listObservationsOfChild } from '../../store/observations.repository.ts';
import { accommodationTexts } from '../../store/plan-content.repository.ts';
import type { Db } from '../../store/repository.ts';
import { servicesWithPlan, serviceTerms } from '../../store/services.repository.ts';
import { workSamplesOfChild } from '../../store/work-samples.repository.ts';
import { translatorFor } from '../i18n.ts';
import { computeLedgers, type ServiceLedgerView } from './ledgers.ts';
import { loadCalendars } from './school-calendars.ts';
import { loadLedgerSessionOccurrences } from './session-occurrences.ts';
import { settled } from './settled.ts';

// The home screen in one call: for each of a child's services, what its own period (this week, this
// month, this cycle, this school year) promises and what was delivered of it so far, the make-up
// minutes owed, and what needs attention (in the reader's language: its sentences come from the `week`
// catalog part, which the web app reads too); the days with no school this week; and whether there is
// school today.

type Period = WeekSummary['services'][number]['period'];

/** The holidays, breaks and closures of [start, end], each cut to those days, as display lines. */
function closuresOfDays(calendar: CalendarIndex, start: string, end: string): string[] {
  return calendar.closuresBetween(start, end).map((e) => {
    const from = maxDate(e.startDate, start);
    const to = minDate(e.endDate, end);
    const when = from === to ? from : `${from} to ${to}`;
    const kind = e.kind.replace('_', ' ');
    return e.label ? `${when}: ${e.label} (${kind})` : `${when}: ${kind}`;
  });
}

/** The amount in force on a day: an ESY block takes precedence over a segment (docs/ledger-rules.md). */
function termOn(segments: ServiceSegment[], esyBlocks: ServiceSegment[], date: string) {
  const esy = esyBlocks.find((b) => date >= b.startDate && date <= b.endDate);
  if (esy) return { term: esy, esy: true };
  const segment = segments.find((g) => date >= g.startDate && date <= g.endDate);
  return segment ? { term: segment, esy: false } : null;
}

/** How far past today a ledger must run for the period containing today to be counted whole. */
function periodHorizon(term: ServiceSegment, today: string): string {
  switch (term.period.unit) {
    case 'month':
      return monthEnd(today);
    case 'week':
      return term.pattern ? addDays(today, term.pattern.everyWeeks * 7) : addDays(weekStart(today), 6);
    case 'day':
      return addDays(weekStart(today), 6);
    default:
      // A cycle of up to 20 school days, or the school year: its end is at most a year and a month away.
      return minDate(term.endDate, addDays(today, 400));
  }
}

type WeekService = Awaited<ReturnType<typeof servicesWithPlan>>[number];

/**
 * A child's services the home screen shows (`shown`: those of plans not ended), and every service of
 * the child as read (`all`: handed on to the ledger, which would otherwise read them again).
 */
async function weekServices(
  db: Db,
  householdId: string,
  childId: string,
): Promise<{ all: WeekService[]; shown: WeekService[] }> {
  const all = await servicesWithPlan(db, householdId, { childId });
  return { all, shown: all.filter((s) => s.plan_status !== 'ended') };
}

/** What the home screen has already read of the child, handed to the ledger (computeLedgers' `known`). */
type KnownReads = { services: readonly WeekService[]; calendars: readonly SchoolCalendar[] };

/**
 * One ledger per service up to the end of the week that starts on `start`: this week's row gives what is
 * promised; owed and pending minutes come from entries, which are never dated after today; "so far"
 * percentages use the weeks before this one.
 */
async function weekLedgers(
  db: Db,
  householdId: string,
  childId: string,
  services: readonly WeekService[],
  start: string,
  today: string,
  known: KnownReads,
): Promise<ServiceLedgerView[]> {
  const end = addDays(start, 6);
  // A service of a plan that ended before this week and that a later plan follows is superseded
  // (`isSuperseded`: nothing of it is due this week), and only its balances are shown: its ledger is
  // computed as totals, without a row per week of its years (a family's fifth year, issue 18).
  const earlier = services.filter(
    (s) => s.plan_end < start && services.some((other) => other.plan_from > s.plan_end),
  );
  const current = services.filter((s) => !earlier.includes(s));
  const ledgersOf = async (of: readonly WeekService[], detail: 'full' | 'totals') => {
    if (of.length === 0) return [];
    const earliest = of.reduce((min, s) => (s.start_date < min ? s.start_date : min), of[0]!.start_date);
    const from = earliest < start ? earliest : start;
    // Only the services shown: those of ended plans are never read here.
    return computeLedgers(
      db,
      householdId,
      { childId, serviceIds: of.map((s) => s.id) },
      { from, to: end, asOf: end, grouping: 'week' },
      today,
      { detail, known },
    );
  };
  const [currentRead, earlierRead] = await Promise.allSettled([
    ledgersOf(current, 'full'),
    ledgersOf(earlier, 'totals'),
  ]);
  const ledgers = [...settled(currentRead), ...settled(earlierRead)];
  // In the child's order, as one call would give them.
  const order = new Map(services.map((s, i) => [s.id, i]));
  return ledgers.sort((a, b) => order.get(a.serviceId)! - order.get(b.serviceId)!);
}

/**
 * A plan that has ended by the end of this week and that a later plan follows (renewed at the annual
 * review) is not this week's once nothing of it is due this week: its services get no card. What it
 * still owes stays in "Needs attention", under the plan's name: a new plan does not make up last year's
 * missed sessions.
 */
function isSuperseded(
  s: WeekService,
  services: readonly WeekService[],
  ledgers: readonly ServiceLedgerView[],
  start: string,
): boolean {
  return (
    s.plan_end <= addDays(start, 6) &&
    services.some((other) => other.plan_from > s.plan_end) &&
    (ledgers.find((l) => l.serviceId === s.id)?.periods.find((p) => p.start <= start && p.end >= start)
      ?.requiredMinutes ?? 0) === 0
  );
}

/**
 * A service's weeks before this one, as the home screen counts them: the share delivered so far, and
 * `behindPercent`, the share of what was logged that was delivered when it is under 80% of at least an
 * hour logged (the "behind" attention; null when not behind).
 */
function soFar(ledger: ServiceLedgerView | undefined, start: string) {
  const before = ledger?.periods.filter((p) => p.end < start) ?? [];
  const requiredBefore = before.reduce((sum, p) => sum + p.requiredMinutes, 0);
  const deliveredBefore = before.reduce((sum, p) => sum + p.deliveredMinutes, 0);
  const unloggedBefore = before.reduce((sum, p) => sum + p.unloggedMinutes, 0);
  const loggedBefore = before.reduce((sum, p) => sum + p.scheduledSessions, 0);
  // Straight after setup nothing before this week is logged: that is "not logged", not "0% delivered".
  const percentSoFar = loggedBefore > 0 ? percentDelivered(deliveredBefore, requiredBefore) : null;
  // The share of what was logged that was delivered: the minutes nobody logged are not counted as missed.
  const loggedRequiredBefore = requiredBefore - unloggedBefore;
  const percentOfLogged = loggedBefore > 0 ? percentDelivered(deliveredBefore, loggedRequiredBefore) : null;
  const behindPercent =
    percentOfLogged != null && percentOfLogged < 80 && loggedRequiredBefore >= 60 ? percentOfLogged : null;
  return { before, percentSoFar, loggedBefore, unloggedBefore, behindPercent };
}

/**
 * How many of a child's services the home screen says are behind this week ("behind" in Needs
 * attention), and whether the child has a school calendar: the same rule on the same ledgers as
 * `weekSummary`, without the rest of the home screen (the caseload asks this of every child).
 */
export async function servicesBehindThisWeek(
  db: Db,
  householdId: string,
  childId: string,
  today: string,
): Promise<{ hasCalendar: boolean; servicesBehind: number }> {
  await requireChild(db, householdId, childId);
  const { all, shown: services } = await weekServices(db, householdId, childId);
  const calendars = await loadCalendars(db, householdId, childId);
  const hasCalendar = calendars.length > 0;
  if (services.length === 0 || !hasCalendar) return { hasCalendar, servicesBehind: 0 };
  const start = weekStart(today);
  const ledgers = await weekLedgers(db, householdId, childId, services, start, today, {
    services: all,
    calendars,
  });
  const servicesBehind = services.filter(
    (s) =>
      !isSuperseded(s, services, ledgers, start) &&
      soFar(
        ledgers.find((l) => l.serviceId === s.id),
        start,
      ).behindPercent != null,
  ).length;
  return { hasCalendar, servicesBehind };
}

export async function weekSummary(
  db: Db,
  householdId: string,
  childId: string,
  today: string,
  language = 'en',
): Promise<WeekSummary> {
  const { t } = translatorFor(language);
  const start = weekStart(today);
  const end = addDays(start, 6);
  // Asked for together, taken in order (settled.ts).
  const [childRead, servicesRead, calendarsRead, closedRead] = await Promise.allSettled([
    requireChild(db, householdId, childId),
    weekServices(db, householdId, childId),
    loadCalendars(db, householdId, childId),
    closureOn(db, householdId, childId, today),
  ]);
  const child = settled(childRead);
  const { all: allServices, shown: services } = settled(servicesRead);
  const calendars = settled(calendarsRead);
  const calendar = buildCalendarIndex(calendars);
  const closedToday = settled(closedRead);
  const base = {
    childId,
    today,
    weekStart: start,
    weekEnd: end,
    hasCalendar: calendars.length > 0,
    closures: closuresOfDays(calendar, start, end),
    schoolDayToday: calendar.isInstructionalDay(today),
    closedToday,
  };
  const counting = services.length > 0 && calendars.length > 0;
  const [accommodationsRead, ledgersRead, occurrencesRead] = await Promise.allSettled([
    accommodationsThisWeek(
      db,
      householdId,
      childId,
      child.first_name,
      start,
      end,
      language === 'es' ? 'es' : 'en',
    ),
    counting
      ? weekLedgers(db, householdId, childId, services, start, today, { services: allServices, calendars })
      : Promise.resolve([]),
    // The entries in force: a corrected entry counts as its correction, a voided one not at all, and a
    // session logged by several sources (a staff link, the parent) counts once, as the ledger counts it.
    counting
      ? loadLedgerSessionOccurrences(
          db,
          householdId,
          { childId, from: addDays(today, -400), to: end },
          { services: allServices },
        )
      : Promise.resolve(null),
  ]);
  const accommodations = settled(accommodationsRead);
  if (!counting) return { ...base, services: [], accommodations, attention: [] };
  const ledgers = settled(ledgersRead);
  const entries = settled(occurrencesRead)!.countedRows;
  const lastWeekStart = addDays(start, -7);
  const attention: WeekSummary['attention'] = [];
  const out: WeekSummary['services'] = [];
  const superseded = (s: WeekService) => isSuperseded(s, services, ledgers, start);
  for (const s of services.filter((s) => !superseded(s))) {
    const ledger = ledgers.find((l) => l.serviceId === s.id);
    const { before, percentSoFar, loggedBefore, unloggedBefore, behindPercent } = soFar(ledger, start);
    const week = ledger?.periods.find((p) => p.start <= start && p.end >= start) ?? null;
    const mine = entries.filter((e) => e.service_id === s.id);
    const { segments, esyBlocks } = serviceTerms(s);
    const inForce = termOn(segments, esyBlocks, today);
    const weekly =
      !inForce ||
      inForce.term.period.unit === 'day' ||
      (inForce.term.period.unit === 'week' && inForce.term.pattern == null);

    // The period containing today, counted whole: this week's ledger row for a weekly or daily
    // amount; for a longer period, the service's own row from a ledger run to the period's end.
    let row = weekly ? week : null;
    if (!weekly && inForce) {
      const [whole] = await computeLedgers(
        db,
        householdId,
        { serviceId: s.id },
        { from: s.start_date, to: periodHorizon(inForce.term, today), grouping: 'auto' },
        periodHorizon(inForce.term, today),
      );
      row =
        (whole as ServiceLedgerView | undefined)?.periods.find((p) => p.start <= today && p.end >= today) ??
        null;
    }
    const periodStart = row ? row.start : start;
    const periodEnd = row ? row.end : end;
    const inPeriod = mine.filter((e) => e.date >= periodStart && e.date <= periodEnd);
    const scheduled = inPeriod.filter((e) => e.kind === 'scheduled');
    const delivered = scheduled.filter((e) => e.status !== 'missed');
    const missed = scheduled.filter((e) => e.status === 'missed');
    const promised = row?.requiredSessions ?? null;
    const unit: Period['unit'] = !inForce
      ? 'week'
      : inForce.term.pattern
        ? 'weeks'
        : (inForce.term.period.unit as Period['unit']);
    const wording: PeriodWordsInput = {
      unit,
      esy: inForce?.esy ?? false,
      requiredSessions: row ? row.requiredSessions : null,
      requiredMinutes: row?.requiredMinutes ?? 0,
      start: periodStart,
      end: periodEnd,
      sessionsPerDay: unit === 'day' ? (inForce?.term.sessionsPerPeriod ?? null) : null,
      cycleDays: inForce?.term.period.cycleDays ?? null,
      cycleLastSchoolDay: unit === 'cycle' ? lastSchoolDay(calendar, periodEnd) : null,
      pattern: inForce?.term.pattern ?? null,
      soFarSessions: delivered.length,
      soFarMinutes: delivered.reduce((sum, e) => sum + Number(e.minutes_delivered), 0),
    };
    // No row (the service is not in force this week): nothing is due; say it in sessions unless the
    // amount is a total of minutes.
    if (!row && inForce?.term.sessionsPerPeriod !== null) wording.requiredSessions = 0;
    const owed = ledger?.totals.owedBalanceMinutes ?? 0;
    const pending = ledger?.totals.pendingMinutes ?? 0;
    const thisWeek = mine.filter((e) => e.date >= start && e.date <= end);
    out.push({
      serviceId: s.id,
      name: s.name,
      area: s.area,
      setting: s.setting,
      minutesPerSession: inForce?.term.minutesPerSession ?? null,
      esyBlocks: esyBlocks.map((b) => ({ startDate: b.startDate, endDate: b.endDate })),
      period: { unit, esy: wording.esy, start: periodStart, end: periodEnd, words: periodWords(wording) },
      promisedSessions: promised,
      promisedMinutes: row?.requiredMinutes ?? 0,
      deliveredSessions: delivered.length,
      deliveredMinutes: wording.soFarMinutes,
      missedSessions: missed.length,
      notYetConfirmed: !weekly || promised == null ? null : Math.max(0, promised - scheduled.length),
      openDays: openDaysOf(calendar, segments, start, today < end ? today : end, thisWeek),
      owedBalanceMinutes: owed,
      pendingMinutes: pending,
      percentDeliveredThisYear: percentSoFar,
      unloggedMinutesThisYear: loggedBefore > 0 ? unloggedBefore : 0,
      entries: thisWeek.map((e) => ({
        id: e.id,
        date: e.date,
        kind: e.kind,
        status: e.status as 'delivered',
        minutesDelivered: Number(e.minutes_delivered),
        reason: e.reason as null,
        source: e.source,
      })),
    });
    if (owed > 0)
      attention.push({
        kind: 'owed',
        serviceId: s.id,
        message: t('week.attention.owed', { service: s.name, minutes: String(owed) }),
      });
    const lastWeek = ledger?.periods.find((p) => p.start === lastWeekStart);
    // Only once logging has begun: a parent who has just set up is not told off for last week.
    const loggedEarlier = before.some((p) => p.end < lastWeekStart && p.scheduledSessions > 0);
    if (lastWeek && lastWeek.requiredMinutes > 0 && lastWeek.scheduledSessions === 0 && loggedEarlier) {
      attention.push({
        kind: 'no_entries',
        serviceId: s.id,
        // The week's date as YYYY-MM-DD: the reader's screen writes it in its language.
        message: t('week.attention.noEntries', { service: s.name, weekOf: lastWeekStart }),
      });
    }
    if (pending > 0) {
      attention.push({
        kind: 'pending',
        serviceId: s.id,
        message: t('week.attention.pending', { service: s.name, minutes: String(pending) }),
      });
    }
    if (behindPercent != null) {
      attention.push({
        kind: 'behind',
        serviceId: s.id,
        message: t('week.attention.behind', { service: s.name, percent: behindPercent }),
      });
    }
  }
  for (const s of services.filter(superseded)) {
    const totals = ledgers.find((l) => l.serviceId === s.id)?.totals;
    const name = `${s.name} (${s.plan_title ?? t('week.attention.earlierPlan')})`;
    const owed = totals?.owedBalanceMinutes ?? 0;
    const pending = totals?.pendingMinutes ?? 0;
    if (owed > 0)
      attention.push({
        kind: 'owed',
        serviceId: s.id,
        message: t('week.attention.stillOwed', { service: name, minutes: String(owed) }),
      });
    if (pending > 0) {
      attention.push({
        kind: 'pending',
        serviceId: s.id,
        message: t('week.attention.pending', { service: name, minutes: String(pending) }),
      });
    }
  }
  for (const a of accommodations) {
    if (a.slipped) {
      attention.push({
        kind: 'accommodation',
        serviceId: a.accommodationId,
        message: t('week.attention.accommodation', {
          accommodation: a.text,
          times: a.notProvided + a.partly,
        }),
      });
    }
  }
  return { ...base, services: out, accommodations, attention };
}

/**
 * The school days from `from` to `to` on which a segment of the service is in force and no scheduled
 * session is logged for it: what "All delivered this week" offers (a session on a day with no school
 * is logged on its own, with its confirmation).
 */
function openDaysOf(
  calendar: CalendarIndex,
  segments: ServiceSegment[],
  from: string,
  to: string,
  entries: readonly { date: string; kind: string }[],
): string[] {
  const logged = new Set(entries.filter((e) => e.kind === 'scheduled').map((e) => e.date));
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (!calendar.isInstructionalDay(d) || logged.has(d)) continue;
    if (segments.some((g) => d >= g.startDate && d <= g.endDate)) out.push(d);
  }
  return out;
}

/** A closure of the child's calendars on `date` (the one "School closed today" added), with its id. */
async function closureOn(db: Db, householdId: string, childId: string, date: string) {
  const row = await closureOfChildOn(db, householdId, childId, date);
  return row
    ? {
        eventId: row.id,
        calendarId: row.calendar_id,
        label: row.label,
        startDate: row.start_date,
        endDate: row.end_date,
      }
    : null;
}

async function accommodationsThisWeek(
  db: Db,
  householdId: string,
  childId: string,
  childName: string,
  start: string,
  end: string,
  /** The reader's language, for each occurrence's summary and question. */
  language: 'en' | 'es',
) {
  const rows: {
    id: string;
    accommodation_id: string;
    date: string;
    outcome: string;
    class_name: string | null;
    teacher_kind: string;
    source: string;
    text: string;
    fromSample?: true;
  }[] = await listObservationsOfChild(db, householdId, childId, { from: start, to: end });
  // What this week's work samples show counts too: each check is an observation from the work.
  const samples = await workSamplesOfChild(db, householdId, childId, { from: start, to: end });
  const checks = samples.flatMap((w) =>
    w.accommodationChecks.map((c) => ({
      id: w.id,
      accommodation_id: c.accommodationId,
      date: w.date,
      outcome: c.outcome,
      class_name: w.class_name,
      teacher_kind: w.teacher_kind,
      source: 'work_sample',
      fromSample: true as const,
    })),
  );
  if (checks.length > 0) {
    const texts = await accommodationTexts(
      db,
      householdId,
      checks.map((c) => c.accommodation_id),
    );
    const textOf = new Map(texts.map((t) => [t.id, t.text]));
    for (const c of checks) {
      const text = textOf.get(c.accommodation_id);
      if (text !== undefined) rows.push({ ...c, text });
    }
    rows.sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date.localeCompare(b.date)));
  }
  // Counted by occurrence (one accommodation, one school day, one class), however many records speak
  // of it: a quiz noted by the parent, on a work sample and at a check-in is one lapse with three sources.
  const textOf = new Map(rows.map((r) => [r.accommodation_id, r.text]));
  const occurrences = accommodationOccurrences(
    rows.map((r) => ({
      id: r.id,
      accommodationId: r.accommodation_id,
      date: r.date,
      outcome: r.outcome as AccommodationOutcome,
      className: r.class_name,
      teacherKind: r.teacher_kind,
      source: r.source,
      record: r.fromSample ? ('work_sample' as const) : ('observation' as const),
    })),
  );
  const byAccommodation = new Map<string, WeekSummary['accommodations'][number]>();
  for (const o of occurrences) {
    let a = byAccommodation.get(o.accommodationId);
    if (!a) {
      a = {
        accommodationId: o.accommodationId,
        text: textOf.get(o.accommodationId) ?? '',
        provided: 0,
        partly: 0,
        notProvided: 0,
        unknown: 0,
        slipped: false,
        occurrences: [],
      };
      byAccommodation.set(o.accommodationId, a);
    }
    if (o.outcome === 'provided') a.provided++;
    else if (o.outcome === 'partly') a.partly++;
    else if (o.outcome === 'not_provided') a.notProvided++;
    else a.unknown++;
    a.slipped = a.notProvided + a.partly > 0;
    const words = occurrenceWords(o, childName, language === 'es' ? 'es' : 'en');
    a.occurrences.push({
      key: o.key,
      date: o.date,
      outcome: o.outcome,
      className: o.className,
      teacherKind: o.teacherKind,
      summary: words.summary,
      question: words.question,
      entryIds: o.entryIds,
    });
  }
  return [...byAccommodation.values()].sort((x, y) => Number(y.slipped) - Number(x.slipped));
}
