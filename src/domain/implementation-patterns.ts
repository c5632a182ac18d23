// Implementation patterns: pure detectors over what parents record (accommodation observations, behavior
// incidents, goal data points, pull-out sessions, session claims from several sources). Each detector
// returns findings with the ids of the entries behind them, worded as questions to bring to the school,
// never as verdicts: a parent's notes show where to look, not what happened.
//
// Pure: no I/O, no clock (the caller passes `asOf`). No source sets any of the numbers below
// (docs/advisor-rules.md, docs/legal-sources.md); every threshold is a product choice, exported as a
// named constant so the app can show it as such.
//
// Messages never use the child's name: "your child". Accommodations, services and goals are named by an
// optional `labels` map (id -> short label, e.g. "extended time"); without one, generic wording is used.
//
// Every sentence of a finding is a message of the findings catalog (src/domain/i18n/locales/<language>/
// findings.json, keys `findings.…`), which only the server and the domain read, as the advice part is:
// each detector takes the reader's language (English by default), and writes dates and lists in it
// (src/domain/advisor/words.ts). Record data (labels, class and staff names, step texts) stays as written.

import { type AdviceLanguage, adviceWords } from './advisor/words.ts';
import {
  daysBetween,
  formatRecordDate,
  formatSchoolDate,
  fromDayNumber,
  isoWeekday,
  monthEnd,
  toDayNumber,
  weekStartDay,
} from './dates.ts';
import enFindings from './i18n/locales/en/findings.json' with { type: 'json' };
import esFindings from './i18n/locales/es/findings.json' with { type: 'json' };
import { createTranslator, type MessageValues, type Translator } from './i18n/translate.ts';
import { capitalize } from './letter-words.ts';
import {
  type AccommodationOccurrence,
  accommodationOccurrences,
  NO_SCHEDULE,
  type ScheduleOf,
  type SessionOccurrence,
  sessionOccurrences,
} from './occurrences.ts';

// ---------------------------------------------------------------------------------------------
// Input types (the storage layer maps rows to these).

export type AccommodationOutcome = 'provided' | 'not_provided' | 'partly' | 'unknown';

export type AccommodationObservation = {
  id: string;
  accommodationId: string;
  date: string;
  outcome: AccommodationOutcome;
  className: string | null;
  setting: 'test' | 'quiz' | 'classwork' | 'homework' | 'other' | null;
  teacherKind: 'regular' | 'substitute' | 'other_staff' | 'unknown';
  staffName: string | null;
  source: 'child_report' | 'work_sample' | 'teacher' | 'parent_saw' | 'school_record';
  /** The record: an observation (the default), or a work sample's accommodation check (its id is the sample's). */
  record?: 'observation' | 'work_sample';
};

export type BehaviorIncident = {
  id: string;
  date: string;
  stepsFollowed: string[];
  stepsSkipped: string[];
  rewardUsed: boolean | null;
  consequenceContradicted: boolean | null;
};

export type BehaviorStepRef = {
  id: string;
  kind: 'trigger' | 'strategy' | 'reward' | 'response';
  text: string;
};

export type GoalProgressPoint = {
  id: string;
  goalId: string;
  date: string;
  numericValue: number | null;
  isProgressReport: boolean;
};

export type GoalRef = { id: string; targetValue: number | null; higherIsBetter: boolean };

export type ClassPeriod = {
  /** ISO weekday, 1 = Monday ... 5 = Friday. */
  weekday: number;
  /** HH:MM, 24-hour. */
  startTime: string;
  endTime: string;
  className: string;
};

export type PullOutSession = {
  id: string;
  serviceId: string;
  date: string;
  startTime: string | null;
  status: 'delivered' | 'short' | 'missed';
};

export type SessionClaim = {
  id: string;
  serviceId: string;
  date: string;
  status: 'delivered' | 'short' | 'missed';
  source: 'school_log' | 'provider' | 'provider_link' | 'parent' | 'child_report';
  /** When the session began, if the source said: two start times on one day are two sessions. */
  startTime?: string | null;
  /** Scheduled (the default) or a make-up; make-ups are not sessions of the plan and never disagree. */
  kind?: string;
};

export type Finding = {
  rule: string;
  subjectId: string;
  severity: 'info' | 'concern';
  message: string;
  question: string;
  entryIds: string[];
};

/** Short labels by id (accommodation, service or goal id -> "extended time", "speech", ...). */
export type Labels = Readonly<Record<string, string>>;

// ---------------------------------------------------------------------------------------------
// Rule names.

export const FINDING_RULES = {
  substituteLapses: 'accommodation_lapses_on_substitute_days',
  classLapses: 'accommodation_lapses_in_one_class',
  staffLapses: 'accommodation_lapses_with_one_staff_member',
  stepSkipped: 'behavior_step_often_skipped',
  rewardsUnused: 'behavior_rewards_unused',
  consequenceContradicted: 'behavior_consequence_contradicts_plan',
  noDataSinceReport: 'no_data_since_report',
  noProgress: 'no_progress_across_two_reports',
  targetMetEarly: 'target_met_early',
  pullOutConflict: 'pull_out_class_conflict',
  disagreement: 'sources_disagree',
} as const;

/** The findings about a goal: no data since a progress report, no progress, the target met early. */
export const GOAL_FINDING_RULES: ReadonlySet<string> = new Set([
  FINDING_RULES.noDataSinceReport,
  FINDING_RULES.noProgress,
  FINDING_RULES.targetMetEarly,
]);

/** Subject id of findings about the behavior plan as a whole (rewards, consequences). */
export const BEHAVIOR_PLAN_SUBJECT = 'behavior_plan';

// ---------------------------------------------------------------------------------------------
// Thresholds. All are product choices: no regulation or guidance sets them.

/** Product choice: a "partly" provided accommodation counts as half provided in the provided rate. */
export const PARTLY_PROVIDED_WEIGHT = 0.5;

/** Product choice: fewer than 3 lapses (not provided or partly) are not called a pattern. */
export const MIN_LAPSES_FOR_PATTERN = 3;

/**
 * Product choice: lapses are "concentrated on substitute days" when the lapse rate on substitute days
 * (lapses / observations with a known outcome, teacherKind 'substitute') is at least 30 percentage points
 * above the lapse rate on regular-teacher days.
 */
export const SUBSTITUTE_LAPSE_RATE_MARGIN = 0.3;

/**
 * Product choice: the substitute comparison needs at least 2 regular-teacher days with a known outcome;
 * with fewer there is nothing to compare against, and lapses are not said to be about substitutes.
 */
export const MIN_REGULAR_DAYS_FOR_SUBSTITUTE_COMPARISON = 2;

/** Product choice: lapses are concentrated in one class, or with one staff member, at 60% of all lapses. */
export const LAPSE_CONCENTRATION_SHARE = 0.6;

/** Product choice: a behavior step skipped in 3 or more incidents (and skipped more often than followed). */
export const MIN_SKIPS_FOR_STEP_PATTERN = 3;

/** Product choice: rewards count as unused after 3 incidents without them. */
export const MIN_INCIDENTS_FOR_REWARDS_UNUSED = 3;

/** Product choice: a consequence contradicting the plan twice is worth asking about. */
export const MIN_CONTRADICTIONS_FOR_PATTERN = 2;

/** Product choice: no goal data is flagged 14 days after the last progress report. */
export const NO_DATA_GRACE_DAYS = 14;

/** Product choice: a pull-out service conflicts with a class at 3 or more timed sessions in it... */
export const MIN_SESSIONS_FOR_PULL_OUT_CONFLICT = 3;

/** Product choice: ...which are also at least 60% of the service's sessions with a start time. */
export const PULL_OUT_CONFLICT_SHARE = 0.6;

// ---------------------------------------------------------------------------------------------
// Shared helpers.

/** A language the findings are worded in (the advisor's: English or Spanish). */
export type FindingLanguage = AdviceLanguage;

const findingTranslators: Readonly<Record<FindingLanguage, Translator>> = {
  en: createTranslator('en', enFindings),
  es: createTranslator('es', esFindings),
};

type FindingWords = {
  /** The message of `key` (without the `findings.` prefix), with its values. */
  say(key: string, values?: MessageValues): string;
  /** "Tue, Sep 15"; Spanish "martes 15 de septiembre". */
  shortDate(date: string): string;
  /** "Sep 15, Sep 22 and Oct 1"; long lists end with "and N more". Spanish "15 de septiembre, … y 1 de octubre". */
  dateList(dates: readonly string[], max?: number): string;
};

function findingWords(language: FindingLanguage = 'en'): FindingWords {
  const { t } = findingTranslators[language];
  const w = adviceWords(language);
  const english = language === 'en';
  return {
    say: (key, values) => t(`findings.${key}`, values),
    shortDate: w.shortDate,
    dateList: (dates, max = 5) => {
      const unique = [...new Set(dates)].sort();
      const shown = unique
        .slice(0, max)
        .map((d) => (english ? formatRecordDate(d, 'monthDay') : formatSchoolDate(d, 'longMonthDay', 'es')));
      const rest = unique.length - shown.length;
      if (rest > 0) return t('findings.dates.more', { dates: shown.join(', '), count: rest });
      return w.list(shown);
    },
  };
}

/** `named` and the label for a message's select: the label when there is one, else the generic words. */
function named(label: string | undefined): { named: 'yes' | 'no'; label: string } {
  return label ? { named: 'yes', label } : { named: 'no', label: '' };
}

function byDateThenId<T extends { date: string; id: string }>(a: T, b: T): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sortedByDate<T extends { date: string; id: string }>(items: readonly T[]): T[] {
  return [...items].sort(byDateThenId);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function sortedKeys<T>(map: Map<string, T>): string[] {
  return [...map.keys()].sort();
}

/** The largest group, its key and size; ties go to the alphabetically first key. */
function largestGroup<T>(groups: Map<string, T[]>): { key: string; items: T[] } | null {
  let best: { key: string; items: T[] } | null = null;
  for (const key of sortedKeys(groups)) {
    const items = groups.get(key)!;
    if (best == null || items.length > best.items.length) best = { key, items };
  }
  return best;
}

function ids(items: readonly { id: string }[]): string[] {
  return items.map((i) => i.id);
}

// ---------------------------------------------------------------------------------------------
// 1. Accommodation provided rates, per week or month.

export type AccommodationRateBucket = {
  accommodationId: string;
  /** First and last day of the bucket (a Monday-Sunday week or a calendar month), clipped to the window. */
  from: string;
  to: string;
  /** Occurrences (one accommodation, one day, one class: src/domain/occurrences.ts), not records. */
  provided: number;
  partly: number;
  notProvided: number;
  unknown: number;
  /**
   * (provided + PARTLY_PROVIDED_WEIGHT * partly) / (provided + partly + notProvided): "unknown" outcomes
   * are left out. Null when the bucket has no occurrence with a known outcome.
   */
  providedRate: number | null;
  /** The records behind each count (every source of each occurrence), by date. */
  entryIds: { provided: string[]; partly: string[]; notProvided: string[]; unknown: string[] };
};

export type RateWindow = { from: string; to: string; bucket: 'week' | 'month' };

/**
 * Counts and provided rates per accommodation and per bucket over `from..to` (inclusive). Every bucket of
 * the window is listed for each accommodation observed in it (empty buckets have a null rate), so charts
 * show gaps. Sorted by accommodation id, then date.
 */
export function accommodationRates(
  observations: readonly AccommodationObservation[],
  window: RateWindow,
): AccommodationRateBucket[] {
  const fromDay = toDayNumber(window.from);
  const toDay = toDayNumber(window.to);
  if (toDay < fromDay) throw new RangeError(`window ends before it starts: ${window.from}..${window.to}`);

  const bounds: { from: string; to: string }[] = [];
  let start = window.from;
  while (start <= window.to) {
    const end =
      window.bucket === 'week' ? fromDayNumber(weekStartDay(toDayNumber(start)) + 6) : monthEnd(start);
    const clippedEnd = end < window.to ? end : window.to;
    bounds.push({ from: start, to: clippedEnd });
    start = fromDayNumber(toDayNumber(clippedEnd) + 1);
  }
  const bucketIndex = (date: string): number => {
    // Bounds are sorted and contiguous: binary search for the last bucket starting on or before `date`.
    let lo = 0;
    let hi = bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bounds[mid]!.from <= date) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const inWindow = sortedByDate(observations.filter((o) => o.date >= window.from && o.date <= window.to));
  for (const o of inWindow) toDayNumber(o.date); // throws on a malformed date
  // One occurrence per accommodation, day and class, however many records speak of it.
  const byAccommodation = groupBy(accommodationOccurrences(inWindow), (o) => o.accommodationId);

  const rows: AccommodationRateBucket[] = [];
  for (const accommodationId of sortedKeys(byAccommodation)) {
    const accRows = bounds.map<AccommodationRateBucket>((b) => ({
      accommodationId,
      from: b.from,
      to: b.to,
      provided: 0,
      partly: 0,
      notProvided: 0,
      unknown: 0,
      providedRate: null,
      entryIds: { provided: [], partly: [], notProvided: [], unknown: [] },
    }));
    for (const o of byAccommodation.get(accommodationId)!) {
      const row = accRows[bucketIndex(o.date)]!;
      if (o.outcome === 'provided') {
        row.provided++;
        row.entryIds.provided.push(...o.entryIds);
      } else if (o.outcome === 'partly') {
        row.partly++;
        row.entryIds.partly.push(...o.entryIds);
      } else if (o.outcome === 'not_provided') {
        row.notProvided++;
        row.entryIds.notProvided.push(...o.entryIds);
      } else {
        row.unknown++;
        row.entryIds.unknown.push(...o.entryIds);
      }
    }
    for (const row of accRows) {
      const known = row.provided + row.partly + row.notProvided;
      row.providedRate = known === 0 ? null : (row.provided + PARTLY_PROVIDED_WEIGHT * row.partly) / known;
    }
    rows.push(...accRows);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 2. Accommodation lapse patterns.

type Occurrence = AccommodationOccurrence<AccommodationObservation> & { id: string };

function isLapse(o: Occurrence): boolean {
  return o.lapse;
}

/** The records behind occurrences (every source of each). */
function occurrenceIds(items: readonly Occurrence[]): string[] {
  return [...new Set(items.flatMap((o) => o.entryIds))];
}

/** The values naming an accommodation: its label (for the question) and as a title (for the message). */
function accommodationNamed(
  id: string,
  labels: Labels,
): { named: 'yes' | 'no'; label: string; title: string } {
  const label = labels[id];
  return { ...named(label), title: label ? capitalize(label) : '' };
}

/**
 * Finds lapses (not provided, or only partly) that cluster: on substitute days, in one class, or with one
 * staff member. Lapses are occurrences (one accommodation, day and class, however many records note it:
 * src/domain/occurrences.ts), and each finding lists every record behind them. "Unknown" outcomes are left out. One accommodation can match several rules; each gives its
 * own question. Sorted by accommodation id, then rule.
 */
export function findAccommodationLapsePatterns(
  observations: readonly AccommodationObservation[],
  labels: Labels = {},
  language: FindingLanguage = 'en',
): Finding[] {
  const w = findingWords(language);
  const findings: Finding[] = [];
  // Counted by occurrence: the same lapse noted three ways is one lapse (src/domain/occurrences.ts).
  const occurrences: Occurrence[] = accommodationOccurrences(observations).map((o) => ({ ...o, id: o.key }));
  const known = sortedByDate(occurrences.filter((o) => o.outcome !== 'unknown'));
  const byAccommodation = groupBy(known, (o) => o.accommodationId);

  for (const accommodationId of sortedKeys(byAccommodation)) {
    const obs = byAccommodation.get(accommodationId)!;
    const lapses = obs.filter(isLapse);
    if (lapses.length < MIN_LAPSES_FOR_PATTERN) continue;
    const name = accommodationNamed(accommodationId, labels);
    const { label, ...titled } = name;
    const phrased = { named: name.named, label };

    // On substitute days, compared with regular-teacher days.
    const subDays = obs.filter((o) => o.teacherKind === 'substitute');
    const regularDays = obs.filter((o) => o.teacherKind === 'regular');
    const subLapses = subDays.filter(isLapse);
    const regularLapses = regularDays.filter(isLapse);
    if (
      subLapses.length >= MIN_LAPSES_FOR_PATTERN &&
      regularDays.length >= MIN_REGULAR_DAYS_FOR_SUBSTITUTE_COMPARISON &&
      subLapses.length / subDays.length - regularLapses.length / regularDays.length >=
        SUBSTITUTE_LAPSE_RATE_MARGIN
    ) {
      findings.push({
        rule: FINDING_RULES.substituteLapses,
        subjectId: accommodationId,
        severity: 'concern',
        message: w.say('substitutes.message', {
          ...titled,
          lapses: subLapses.length,
          days: subDays.length,
          dates: w.dateList(subLapses.map((o) => o.date)),
          regularLapses: regularLapses.length,
          regularDays: regularDays.length,
        }),
        question: w.say('substitutes.question', phrased),
        entryIds: occurrenceIds(subLapses),
      });
    }

    // In one class.
    const inClass = largestGroup(
      groupBy(
        lapses.filter((o) => o.className != null),
        (o) => o.className!,
      ),
    );
    if (
      inClass &&
      inClass.items.length >= MIN_LAPSES_FOR_PATTERN &&
      inClass.items.length / lapses.length >= LAPSE_CONCENTRATION_SHARE
    ) {
      findings.push({
        rule: FINDING_RULES.classLapses,
        subjectId: accommodationId,
        severity: 'concern',
        message: w.say('class.message', {
          ...titled,
          count: inClass.items.length,
          total: lapses.length,
          className: inClass.key,
          dates: w.dateList(inClass.items.map((o) => o.date)),
        }),
        question: w.say('class.question', { ...phrased, className: inClass.key }),
        entryIds: occurrenceIds(inClass.items),
      });
    }

    // With one staff member.
    const withStaff = largestGroup(
      groupBy(
        lapses.filter((o) => o.staffName != null),
        (o) => o.staffName!,
      ),
    );
    if (
      withStaff &&
      withStaff.items.length >= MIN_LAPSES_FOR_PATTERN &&
      withStaff.items.length / lapses.length >= LAPSE_CONCENTRATION_SHARE
    ) {
      findings.push({
        rule: FINDING_RULES.staffLapses,
        subjectId: accommodationId,
        severity: 'concern',
        message: w.say('staff.message', {
          ...titled,
          count: withStaff.items.length,
          total: lapses.length,
          staff: withStaff.key,
          dates: w.dateList(withStaff.items.map((o) => o.date)),
        }),
        question: w.say('staff.question', { ...phrased, staff: withStaff.key }),
        entryIds: occurrenceIds(withStaff.items),
      });
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// 3. Behavior plan patterns.

/**
 * Finds behavior-plan steps that are often skipped, rewards in the plan that go unused, and consequences
 * that contradict the plan. Step ids not in `steps` are still counted (as "a step in the plan").
 */
export function findBehaviorPlanPatterns(
  incidents: readonly BehaviorIncident[],
  steps: readonly BehaviorStepRef[],
  language: FindingLanguage = 'en',
): Finding[] {
  const w = findingWords(language);
  const findings: Finding[] = [];
  const sorted = sortedByDate(incidents);
  const stepById = new Map(steps.map((s) => [s.id, s]));
  const rewardIds = new Set(steps.filter((s) => s.kind === 'reward').map((s) => s.id));

  // Rewards unused: rewardUsed false in enough incidents, or no reward step ever followed (and no incident
  // saying a reward was used) across enough incidents.
  let rewardFinding: Finding | null = null;
  const rewardFalse = sorted.filter((i) => i.rewardUsed === false);
  const anyRewardUsed = sorted.some(
    (i) => i.rewardUsed === true || i.stepsFollowed.some((s) => rewardIds.has(s)),
  );
  if (rewardFalse.length >= MIN_INCIDENTS_FOR_REWARDS_UNUSED) {
    rewardFinding = rewardsUnusedFinding(
      w,
      w.say('rewards.notUsed', {
        count: rewardFalse.length,
        total: sorted.length,
        dates: w.dateList(rewardFalse.map((i) => i.date)),
      }),
      ids(rewardFalse),
    );
  } else if (rewardIds.size > 0 && sorted.length >= MIN_INCIDENTS_FOR_REWARDS_UNUSED && !anyRewardUsed) {
    rewardFinding = rewardsUnusedFinding(
      w,
      w.say('rewards.neverSeen', {
        rewards: rewardIds.size,
        total: sorted.length,
        dates: w.dateList(sorted.map((i) => i.date)),
      }),
      ids(sorted),
    );
  }

  // Steps often skipped (reward steps are covered by the rewards finding when it is given).
  const skippedIn = new Map<string, BehaviorIncident[]>();
  const followedCount = new Map<string, number>();
  for (const incident of sorted) {
    for (const stepId of new Set(incident.stepsSkipped)) {
      const list = skippedIn.get(stepId);
      if (list) list.push(incident);
      else skippedIn.set(stepId, [incident]);
    }
    for (const stepId of new Set(incident.stepsFollowed)) {
      followedCount.set(stepId, (followedCount.get(stepId) ?? 0) + 1);
    }
  }
  for (const stepId of sortedKeys(skippedIn)) {
    if (rewardFinding && rewardIds.has(stepId)) continue;
    const skipped = skippedIn.get(stepId)!;
    const followed = followedCount.get(stepId) ?? 0;
    if (skipped.length < MIN_SKIPS_FOR_STEP_PATTERN || skipped.length <= followed) continue;
    const text = stepById.get(stepId)?.text;
    const step = { named: text ? 'yes' : 'no', step: text ?? '' };
    findings.push({
      rule: FINDING_RULES.stepSkipped,
      subjectId: stepId,
      severity: 'concern',
      message: w.say('stepSkipped.message', {
        ...step,
        skipped: skipped.length,
        followed,
        dates: w.dateList(skipped.map((i) => i.date)),
      }),
      question: w.say('stepSkipped.question', step),
      entryIds: ids(skipped),
    });
  }
  if (rewardFinding) findings.push(rewardFinding);

  // Consequences contradicting the plan.
  const contradicted = sorted.filter((i) => i.consequenceContradicted === true);
  if (contradicted.length >= MIN_CONTRADICTIONS_FOR_PATTERN) {
    findings.push({
      rule: FINDING_RULES.consequenceContradicted,
      subjectId: BEHAVIOR_PLAN_SUBJECT,
      severity: 'concern',
      message: w.say('consequences.message', {
        count: contradicted.length,
        dates: w.dateList(contradicted.map((i) => i.date)),
      }),
      question: w.say('consequences.question'),
      entryIds: ids(contradicted),
    });
  }
  return findings;
}

function rewardsUnusedFinding(w: FindingWords, message: string, entryIds: string[]): Finding {
  return {
    rule: FINDING_RULES.rewardsUnused,
    subjectId: BEHAVIOR_PLAN_SUBJECT,
    severity: 'concern',
    message,
    question: w.say('rewards.question'),
    entryIds,
  };
}

// ---------------------------------------------------------------------------------------------
// 4. Goal flags.

function reachesTarget(value: number, goal: GoalRef): boolean {
  if (goal.targetValue == null) return false;
  return goal.higherIsBetter ? value >= goal.targetValue : value <= goal.targetValue;
}

/**
 * Flags per goal, looking only at points dated on or before `asOf`:
 * - no_data_since_report: `asOf` is at least NO_DATA_GRACE_DAYS after `lastReportDate` and the goal has no
 *   point dated after it;
 * - no_progress_across_two_reports: the last two progress-report values do not move toward the target
 *   (not higher when higher is better, not lower otherwise), and the last one has not reached the target;
 * - target_met_early: a value reaches the target before the year's last report (`yearEndReportDate`, when
 *   known) or by `asOf`.
 */
export function findGoalFlags(
  goals: readonly GoalRef[],
  points: readonly GoalProgressPoint[],
  asOf: string,
  lastReportDate: string | null,
  labels: Labels = {},
  yearEndReportDate: string | null = null,
  language: FindingLanguage = 'en',
): Finding[] {
  toDayNumber(asOf);
  const w = findingWords(language);
  const findings: Finding[] = [];
  const byGoal = groupBy(sortedByDate(points.filter((p) => p.date <= asOf)), (p) => p.goalId);
  for (const goal of [...goals].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const goalPoints = byGoal.get(goal.id) ?? [];
    // Labels name the goal's area ("reading"): "The reading goal has no data...".
    const title = named(labels[goal.id]);

    if (lastReportDate != null && daysBetween(lastReportDate, asOf) >= NO_DATA_GRACE_DAYS) {
      const after = goalPoints.filter((p) => p.date > lastReportDate);
      if (after.length === 0) {
        const before = goalPoints[goalPoints.length - 1];
        findings.push({
          rule: FINDING_RULES.noDataSinceReport,
          subjectId: goal.id,
          severity: 'info',
          message: w.say('noData.message', {
            ...title,
            date: w.shortDate(lastReportDate),
            days: daysBetween(lastReportDate, asOf),
          }),
          question: w.say('noData.question'),
          entryIds: before ? [before.id] : [],
        });
      }
    }

    const reports = goalPoints.filter((p) => p.isProgressReport && p.numericValue != null);
    const last = reports[reports.length - 1];
    const previous = reports[reports.length - 2];
    if (last && previous && !reachesTarget(last.numericValue!, goal)) {
      const moved = goal.higherIsBetter
        ? last.numericValue! > previous.numericValue!
        : last.numericValue! < previous.numericValue!;
      if (!moved) {
        findings.push({
          rule: FINDING_RULES.noProgress,
          subjectId: goal.id,
          severity: 'concern',
          message: w.say('noProgress.message', {
            ...title,
            from: String(previous.numericValue),
            fromDate: w.shortDate(previous.date),
            to: String(last.numericValue),
            toDate: w.shortDate(last.date),
            hasTarget: goal.targetValue == null ? 'no' : 'yes',
            target: String(goal.targetValue),
          }),
          question: w.say('noProgress.question'),
          entryIds: [previous.id, last.id],
        });
      }
    }

    const met = goalPoints.filter(
      (p) =>
        p.numericValue != null &&
        reachesTarget(p.numericValue, goal) &&
        (yearEndReportDate == null || p.date < yearEndReportDate),
    );
    if (met.length > 0) {
      const first = met[0]!;
      findings.push({
        rule: FINDING_RULES.targetMetEarly,
        subjectId: goal.id,
        severity: 'info',
        message: w.say('metEarly.message', {
          ...title,
          target: String(goal.targetValue),
          date: w.shortDate(first.date),
          value: String(first.numericValue),
        }),
        question: w.say('metEarly.question'),
        entryIds: ids(met),
      });
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// 5. Pull-out sessions that keep landing in the same class.

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOfDay(time: string): number {
  const m = HH_MM.exec(time);
  if (!m) throw new RangeError(`not a time (HH:MM): ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The values naming a service in a message: its label as a title. */
function serviceNamed(id: string, labels: Labels): { named: 'yes' | 'no'; title: string } {
  const label = labels[id];
  return { named: label ? 'yes' : 'no', title: label ? capitalize(label) : '' };
}

/**
 * A pull-out service whose timed sessions start, again and again, inside the same class (by class name,
 * across weekdays). A session belongs to the period whose start <= session start < end on the session's
 * weekday. Missed sessions count too: the time they were set for still clashes with the class.
 */
export function findPullOutConflicts(
  sessions: readonly PullOutSession[],
  timetable: readonly ClassPeriod[],
  labels: Labels = {},
  language: FindingLanguage = 'en',
): Finding[] {
  const w = findingWords(language);
  const periods = timetable.map((p) => ({
    weekday: p.weekday,
    start: minutesOfDay(p.startTime),
    end: minutesOfDay(p.endTime),
    className: p.className,
  }));
  const findings: Finding[] = [];
  const timed = sortedByDate(sessions.filter((s) => s.startTime != null));
  const byService = groupBy(timed, (s) => s.serviceId);
  for (const serviceId of sortedKeys(byService)) {
    const serviceSessions = byService.get(serviceId)!;
    const inClass = new Map<string, PullOutSession[]>();
    for (const s of serviceSessions) {
      const weekday = isoWeekday(s.date);
      const start = minutesOfDay(s.startTime!);
      const period = periods.find((p) => p.weekday === weekday && p.start <= start && start < p.end);
      if (!period) continue;
      const list = inClass.get(period.className);
      if (list) list.push(s);
      else inClass.set(period.className, [s]);
    }
    const top = largestGroup(inClass);
    if (
      !top ||
      top.items.length < MIN_SESSIONS_FOR_PULL_OUT_CONFLICT ||
      top.items.length / serviceSessions.length < PULL_OUT_CONFLICT_SHARE
    ) {
      continue;
    }
    const title = serviceNamed(serviceId, labels);
    findings.push({
      rule: FINDING_RULES.pullOutConflict,
      subjectId: serviceId,
      severity: 'concern',
      message: w.say('pullOut.message', {
        ...title,
        count: top.items.length,
        total: serviceSessions.length,
        className: top.key,
        dates: w.dateList(top.items.map((s) => s.date)),
      }),
      question: w.say('pullOut.question', { ...title, className: top.key }),
      entryIds: ids(top.items),
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// 6. Sources that disagree about a session.

// Who says what about a session (the catalog's `findings.disagree.*` selects: "The school log says",
// "your child remembers it did not", "Could we look at the log together?").
const SCHOOL_SOURCES = ['school_log', 'provider', 'provider_link'] as const;

/**
 * Sources that disagree about one session: the same occurrence (src/domain/occurrences.ts, the grouping
 * the ledger uses: same service and date, start times where given, the day's scheduled sessions) where
 * the current statements of two sources differ on what happened (delivered, short or missed). One finding
 * per session, with every entry behind it, led by the statement the ledger counts; worded as a question,
 * since either record may be the mistaken one. `claims` are entries in force (corrections resolved);
 * `scheduleOf` gives the sessions the plan schedules on a day, as for the ledger.
 */
export function findDisagreements(
  claims: readonly SessionClaim[],
  labels: Labels = {},
  scheduleOf: ScheduleOf = () => NO_SCHEDULE,
  language: FindingLanguage = 'en',
): Finding[] {
  const { occurrences } = sessionOccurrences(
    claims.map((c) => ({ ...c, kind: c.kind ?? 'scheduled', startTime: c.startTime ?? null })),
    scheduleOf,
  );
  return disagreementFindings(occurrences, labels, language);
}

/** The findings of occurrences already grouped (the same as findDisagreements, without grouping again). */
export function disagreementFindings(
  occurrences: readonly SessionOccurrence<{
    id: string;
    serviceId: string;
    date: string;
    status: string;
    source: string;
    kind: string;
  }>[],
  labels: Labels = {},
  language: FindingLanguage = 'en',
): Finding[] {
  const w = findingWords(language);
  const findings: Finding[] = [];
  for (const o of occurrences) {
    if (!o.disagreement) continue;
    const counted = o.counted;
    const others = o.statements.filter((c) => c.status !== counted.status);
    const message = w.say('disagree.message', {
      source: counted.source,
      ...named(labels[o.serviceId]),
      status: counted.status,
      date: w.shortDate(o.date),
      others: others.map((c) => w.say('disagree.other', { source: c.source, status: c.status })).join('; '),
    });
    const school = SCHOOL_SOURCES.find((s) => o.statements.some((c) => c.source === s));
    findings.push({
      rule: FINDING_RULES.disagreement,
      subjectId: o.serviceId,
      severity: 'info',
      message,
      question: w.say('disagree.question', { record: school ?? 'none' }),
      // The counted statement, those that disagree with it, then any that agree with it.
      entryIds: [
        counted.id,
        ...others.map((c) => c.id),
        ...o.statements.filter((c) => c !== counted && !others.includes(c)).map((c) => c.id),
      ],
    });
  }
  return findings;
}
