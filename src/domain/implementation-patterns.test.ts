import { describe, expect, it } from 'vitest';
import { formatShortDate } from './dates.ts';
import {
  type AccommodationObservation,
  accommodationRates,
  BEHAVIOR_PLAN_SUBJECT,
  type BehaviorIncident,
  type BehaviorStepRef,
  type ClassPeriod,
  FINDING_RULES,
  type Finding,
  findAccommodationLapsePatterns,
  findBehaviorPlanPatterns,
  findDisagreements,
  findGoalFlags,
  findPullOutConflicts,
  type GoalProgressPoint,
  type GoalRef,
  type PullOutSession,
  type SessionClaim,
} from './implementation-patterns.ts';

// ---------------------------------------------------------------------------------------------
// Fixtures. School year 2026-27; 2026-09-14 is a Monday, 2026-09-15 a Tuesday.

let nextId = 0;
const newId = (prefix: string) => `${prefix}-${++nextId}`;

function obs(
  accommodationId: string,
  date: string,
  outcome: AccommodationObservation['outcome'],
  more: Partial<AccommodationObservation> = {},
): AccommodationObservation {
  return {
    id: newId('obs'),
    accommodationId,
    date,
    outcome,
    className: null,
    setting: null,
    teacherKind: 'regular',
    staffName: null,
    source: 'child_report',
    ...more,
  };
}

function incident(date: string, more: Partial<BehaviorIncident> = {}): BehaviorIncident {
  return {
    id: newId('inc'),
    date,
    stepsFollowed: [],
    stepsSkipped: [],
    rewardUsed: null,
    consequenceContradicted: null,
    ...more,
  };
}

function point(goalId: string, date: string, numericValue: number | null, isProgressReport = false) {
  return { id: newId('pt'), goalId, date, numericValue, isProgressReport } satisfies GoalProgressPoint;
}

function session(serviceId: string, date: string, startTime: string | null): PullOutSession {
  return { id: newId('ses'), serviceId, date, startTime, status: 'delivered' };
}

function claim(
  serviceId: string,
  date: string,
  status: SessionClaim['status'],
  source: SessionClaim['source'],
): SessionClaim {
  return { id: newId('clm'), serviceId, date, status, source };
}

const rules = (findings: Finding[]) => findings.map((f) => f.rule);

/** Findings are questions to bring to the school, never verdicts, and never name a child. */
function expectQuestionNotVerdict(findings: Finding[]) {
  for (const f of findings) {
    expect(f.question.trim().endsWith('?')).toBe(true);
    for (const word of [/violat/i, /fail/i, /refus/i, /illegal/i, /Emma/]) {
      expect(f.message).not.toMatch(word);
      expect(f.question).not.toMatch(word);
    }
  }
}

// ---------------------------------------------------------------------------------------------

describe('formatShortDate', () => {
  it('writes a weekday, month and day', () => {
    expect(formatShortDate('2026-09-15')).toBe('Tue, Sep 15');
    expect(formatShortDate('2027-01-01')).toBe('Fri, Jan 1');
  });
});

describe('accommodationRates', () => {
  it('counts outcomes per week, with partly as half and unknown left out of the rate', () => {
    const data = [
      obs('ext-time', '2026-09-14', 'provided'),
      obs('ext-time', '2026-09-15', 'partly'),
      obs('ext-time', '2026-09-16', 'not_provided'),
      obs('ext-time', '2026-09-17', 'unknown'),
      obs('ext-time', '2026-09-22', 'provided'),
    ];
    const rows = accommodationRates(data, { from: '2026-09-14', to: '2026-09-27', bucket: 'week' });
    expect(rows).toHaveLength(2);
    const [first, second] = rows;
    expect(first).toMatchObject({
      accommodationId: 'ext-time',
      from: '2026-09-14',
      to: '2026-09-20',
      provided: 1,
      partly: 1,
      notProvided: 1,
      unknown: 1,
    });
    expect(first!.providedRate).toBeCloseTo(1.5 / 3);
    expect(first!.entryIds).toEqual({
      provided: [data[0]!.id],
      partly: [data[1]!.id],
      notProvided: [data[2]!.id],
      unknown: [data[3]!.id],
    });
    expect(second).toMatchObject({ from: '2026-09-21', to: '2026-09-27', provided: 1, providedRate: 1 });
  });

  it('lists empty buckets with a null rate, clips buckets to the window, and ignores entries outside it', () => {
    const data = [
      obs('seat', '2026-09-09', 'provided'),
      obs('seat', '2026-10-20', 'unknown'),
      obs('seat', '2026-12-01', 'provided'),
    ];
    const rows = accommodationRates(data, { from: '2026-09-08', to: '2026-11-15', bucket: 'month' });
    expect(rows.map((r) => [r.from, r.to, r.providedRate])).toEqual([
      ['2026-09-08', '2026-09-30', 1],
      ['2026-10-01', '2026-10-31', null],
      ['2026-11-01', '2026-11-15', null],
    ]);
    expect(rows[1]!.unknown).toBe(1);
  });

  it('a week starting mid-week is clipped to the window start', () => {
    const rows = accommodationRates([obs('seat', '2026-09-10', 'provided')], {
      from: '2026-09-09',
      to: '2026-09-20',
      bucket: 'week',
    });
    expect(rows.map((r) => [r.from, r.to])).toEqual([
      ['2026-09-09', '2026-09-13'],
      ['2026-09-14', '2026-09-20'],
    ]);
  });

  it('article: headphones locked in a cabinet several days show a provided rate of zero', () => {
    const days = ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'];
    const data = days.map((d) =>
      obs('headphones', d, 'not_provided', { teacherKind: 'other_staff', staffName: 'Library aide' }),
    );
    const rows = accommodationRates(data, { from: '2026-10-05', to: '2026-10-11', bucket: 'week' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ notProvided: 4, providedRate: 0 });
  });

  it('counts one occurrence per day and class, however many records speak of it', () => {
    const quiz = { className: 'Math', setting: 'quiz' as const };
    const data = [
      obs('ext-time', '2026-09-18', 'not_provided', { ...quiz, source: 'parent_saw' }),
      obs('ext-time', '2026-09-18', 'not_provided', {
        ...quiz,
        source: 'work_sample',
        record: 'work_sample',
      }),
      obs('ext-time', '2026-09-18', 'not_provided', { ...quiz, source: 'child_report' }),
      obs('ext-time', '2026-09-18', 'provided', { className: 'Science', setting: 'test' }),
    ];
    const [row] = accommodationRates(data, { from: '2026-09-14', to: '2026-09-20', bucket: 'week' });
    expect(row).toMatchObject({ provided: 1, notProvided: 1, partly: 0, unknown: 0, providedRate: 0.5 });
    // Every record stays behind the count it belongs to.
    expect(row!.entryIds.notProvided.sort()).toEqual([data[0]!.id, data[1]!.id, data[2]!.id].sort());
  });

  it('rejects a window that ends before it starts', () => {
    expect(() => accommodationRates([], { from: '2026-10-05', to: '2026-10-01', bucket: 'week' })).toThrow(
      RangeError,
    );
  });
});

describe('findAccommodationLapsePatterns', () => {
  const regularProvided = ['2026-09-14', '2026-09-16', '2026-09-21', '2026-09-23', '2026-09-28'].map((d) =>
    obs('ext-time', d, 'provided', { setting: 'test', className: 'Math' }),
  );

  it('lapses concentrated on substitute days are found after three', () => {
    // Article: extended time on tests, forgotten by a substitute three times.
    const subLapses = ['2026-09-15', '2026-10-06', '2026-10-20'].map((d) =>
      obs('ext-time', d, 'not_provided', { teacherKind: 'substitute', setting: 'test' }),
    );
    const findings = findAccommodationLapsePatterns([...regularProvided, ...subLapses], {
      'ext-time': 'extended time',
    });
    const f = findings.find((x) => x.rule === FINDING_RULES.substituteLapses);
    expect(f).toBeDefined();
    expect(f!.subjectId).toBe('ext-time');
    expect(f!.entryIds).toEqual(subLapses.map((o) => o.id));
    expect(f!.severity).toBe('concern');
    expect(f!.message).toContain('3 of 3 substitute days');
    expect(f!.message).toContain('Sep 15, Oct 6 and Oct 20');
    expect(f!.question).toBe(
      "Do substitutes get the accommodation list? Could we check how substitutes are told about your child's extended time?",
    );
    expectQuestionNotVerdict(findings);
  });

  it('two lapses on substitute days are not a pattern', () => {
    const subLapses = ['2026-09-15', '2026-10-06'].map((d) =>
      obs('ext-time', d, 'not_provided', { teacherKind: 'substitute' }),
    );
    expect(findAccommodationLapsePatterns([...regularProvided, ...subLapses])).toEqual([]);
  });

  it('substitute-day lapses no more frequent than on regular days are not a pattern', () => {
    // Substitute days: 3 lapses of 5 (60%); regular days: 4 of 8 (50%). Only 10 points apart.
    const data = [
      ...['2026-09-15', '2026-09-22', '2026-09-29'].map((d) =>
        obs('ext-time', d, 'not_provided', { teacherKind: 'substitute' }),
      ),
      ...['2026-10-06', '2026-10-13'].map((d) =>
        obs('ext-time', d, 'provided', { teacherKind: 'substitute' }),
      ),
      ...['2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05'].map((d) =>
        obs('ext-time', d, 'not_provided', { className: `Class ${d}` }),
      ),
      ...['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02'].map((d) => obs('ext-time', d, 'provided')),
    ];
    expect(rules(findAccommodationLapsePatterns(data))).not.toContain(FINDING_RULES.substituteLapses);
  });

  it('substitute-day lapses with fewer than two regular days to compare are not called a substitute pattern', () => {
    const data = [
      ...['2026-09-15', '2026-09-22', '2026-09-29'].map((d) =>
        obs('ext-time', d, 'not_provided', { teacherKind: 'substitute' }),
      ),
      obs('ext-time', '2026-09-14', 'provided'),
    ];
    expect(rules(findAccommodationLapsePatterns(data))).not.toContain(FINDING_RULES.substituteLapses);
  });

  it('partly provided counts as a lapse and unknown outcomes are ignored', () => {
    const data = [
      ...regularProvided,
      obs('ext-time', '2026-09-15', 'partly', { teacherKind: 'substitute' }),
      obs('ext-time', '2026-09-22', 'not_provided', { teacherKind: 'substitute' }),
      obs('ext-time', '2026-09-29', 'unknown', { teacherKind: 'substitute' }),
    ];
    expect(findAccommodationLapsePatterns(data)).toEqual([]);
    data.push(obs('ext-time', '2026-10-06', 'partly', { teacherKind: 'substitute' }));
    expect(rules(findAccommodationLapsePatterns(data))).toContain(FINDING_RULES.substituteLapses);
  });

  it('lapses concentrated in one class are found: the back-row seat in math', () => {
    // Article: preferential seating, but the desk ends up in the back row in math.
    const math = ['2026-09-14', '2026-09-16', '2026-09-18'].map((d) =>
      obs('seating', d, 'not_provided', { className: 'Math', source: 'child_report' }),
    );
    const data = [
      ...math,
      obs('seating', '2026-09-17', 'not_provided', { className: 'English' }),
      ...['2026-09-14', '2026-09-15', '2026-09-16'].map((d) =>
        obs('seating', d, 'provided', { className: 'Science' }),
      ),
    ];
    const findings = findAccommodationLapsePatterns(data, { seating: 'preferential seating' });
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ rule: FINDING_RULES.classLapses, subjectId: 'seating', entryIds: ids(math) });
    expect(f!.message).toContain('3 of 4 times in Math');
    expect(f!.question).toContain("your child's preferential seating works in Math");
    expectQuestionNotVerdict(findings);
  });

  it('lapses split evenly between two classes (50%) are not a class pattern', () => {
    const data = [
      ...['2026-09-14', '2026-09-16', '2026-09-18'].map((d) =>
        obs('seating', d, 'not_provided', { className: 'Math' }),
      ),
      ...['2026-09-15', '2026-09-17', '2026-09-22'].map((d) =>
        obs('seating', d, 'not_provided', { className: 'Science' }),
      ),
    ];
    expect(findAccommodationLapsePatterns(data)).toEqual([]);
  });

  it('two lapses in one class are not a class pattern', () => {
    const data = [
      obs('seating', '2026-09-14', 'not_provided', { className: 'Math' }),
      obs('seating', '2026-09-16', 'not_provided', { className: 'Math' }),
      obs('seating', '2026-09-18', 'provided', { className: 'Math' }),
    ];
    expect(findAccommodationLapsePatterns(data)).toEqual([]);
  });

  it('lapses concentrated with one staff member are found: headphones in a locked cabinet', () => {
    // Article: noise-canceling headphones locked in a cabinet no one has the key for.
    const locked = ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'].map((d) =>
      obs('headphones', d, 'not_provided', { teacherKind: 'other_staff', staffName: 'Library aide' }),
    );
    const data = [...locked, obs('headphones', '2026-10-09', 'provided', { staffName: 'Ms. Park' })];
    const findings = findAccommodationLapsePatterns(data, { headphones: 'noise-canceling headphones' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: FINDING_RULES.staffLapses,
      subjectId: 'headphones',
      entryIds: ids(locked),
    });
    expect(findings[0]!.message).toContain('4 of 4 times with Library aide');
    expect(findings[0]!.question).toContain('Does Library aide have the accommodation list?');
    expectQuestionNotVerdict(findings);
  });

  it('lapses spread across staff (50% with one) are not a staff pattern', () => {
    const data = [
      ...['2026-10-05', '2026-10-06', '2026-10-07'].map((d) =>
        obs('headphones', d, 'not_provided', { staffName: 'Library aide' }),
      ),
      ...['2026-10-08', '2026-10-09', '2026-10-12'].map((d) =>
        obs('headphones', d, 'not_provided', { staffName: 'Mr. Chen' }),
      ),
    ];
    expect(findAccommodationLapsePatterns(data)).toEqual([]);
  });

  it('without labels, the wording stays generic', () => {
    const data = ['2026-10-05', '2026-10-06', '2026-10-07'].map((d) =>
      obs('acc-9', d, 'not_provided', { className: 'Art' }),
    );
    const [f] = findAccommodationLapsePatterns(data);
    expect(f!.message.startsWith('This accommodation was noted')).toBe(true);
    expect(f!.question).toContain('how this accommodation works in Art');
  });
});

function ids(items: { id: string }[]) {
  return items.map((i) => i.id);
}

describe('findBehaviorPlanPatterns', () => {
  const steps: BehaviorStepRef[] = [
    { id: 'trig-noise', kind: 'trigger', text: 'Loud transitions' },
    { id: 'break', kind: 'strategy', text: 'Offer a break in the calm corner' },
    { id: 'tokens', kind: 'reward', text: 'Token chart: 5 tokens earn free time' },
    { id: 'response', kind: 'response', text: 'Calm voice, no public reprimand' },
  ];

  it('a step skipped in three incidents, more often than followed, is found', () => {
    const skipped = ['2026-10-01', '2026-10-08', '2026-10-15'].map((d) =>
      incident(d, { stepsSkipped: ['break'], stepsFollowed: ['response'], rewardUsed: true }),
    );
    const data = [...skipped, incident('2026-10-22', { stepsFollowed: ['break'], rewardUsed: true })];
    const findings = findBehaviorPlanPatterns(data, steps);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: FINDING_RULES.stepSkipped,
      subjectId: 'break',
      entryIds: ids(skipped),
    });
    expect(findings[0]!.message).toContain(
      '“Offer a break in the calm corner” was skipped in 3 incidents and followed in 1',
    );
    expectQuestionNotVerdict(findings);
  });

  it('a step skipped twice is not a pattern', () => {
    const data = ['2026-10-01', '2026-10-08'].map((d) =>
      incident(d, { stepsSkipped: ['break'], rewardUsed: true }),
    );
    expect(findBehaviorPlanPatterns(data, steps)).toEqual([]);
  });

  it('a step skipped three times but followed as often is not a pattern', () => {
    const data = [
      ...['2026-10-01', '2026-10-08', '2026-10-15'].map((d) =>
        incident(d, { stepsSkipped: ['break'], rewardUsed: true }),
      ),
      ...['2026-10-02', '2026-10-09', '2026-10-16'].map((d) =>
        incident(d, { stepsFollowed: ['break', 'tokens'] }),
      ),
    ];
    expect(findBehaviorPlanPatterns(data, steps)).toEqual([]);
  });

  it('article: rewards in the plan that go unused are found after three incidents', () => {
    const unused = ['2026-10-01', '2026-10-08', '2026-10-15'].map((d) =>
      incident(d, { rewardUsed: false, stepsSkipped: ['tokens'], stepsFollowed: ['break'] }),
    );
    const findings = findBehaviorPlanPatterns(unused, steps);
    // The skipped reward step is reported once, under the rewards finding.
    expect(rules(findings)).toEqual([FINDING_RULES.rewardsUnused]);
    expect(findings[0]).toMatchObject({ subjectId: BEHAVIOR_PLAN_SUBJECT, entryIds: ids(unused) });
    expect(findings[0]!.question).toContain('Is the reward system in the plan being used?');
    expectQuestionNotVerdict(findings);
  });

  it('reward steps never followed across three incidents are found even when rewardUsed is not recorded', () => {
    const data = ['2026-10-01', '2026-10-08', '2026-10-15'].map((d) =>
      incident(d, { stepsFollowed: ['break'] }),
    );
    const findings = findBehaviorPlanPatterns(data, steps);
    expect(rules(findings)).toEqual([FINDING_RULES.rewardsUnused]);
    expect(findings[0]!.entryIds).toEqual(ids(data));
  });

  it('rewards unused in two incidents, or used once in three, are not a pattern', () => {
    const two = ['2026-10-01', '2026-10-08'].map((d) => incident(d, { rewardUsed: false }));
    expect(findBehaviorPlanPatterns(two, steps)).toEqual([]);
    const usedOnce = [
      incident('2026-10-01', { rewardUsed: false }),
      incident('2026-10-08', { rewardUsed: null }),
      incident('2026-10-15', { stepsFollowed: ['tokens'] }),
    ];
    expect(findBehaviorPlanPatterns(usedOnce, steps)).toEqual([]);
    // A plan without reward steps is not flagged for never following one.
    const noRewardSteps = steps.filter((s) => s.kind !== 'reward');
    const three = ['2026-10-01', '2026-10-08', '2026-10-15'].map((d) => incident(d));
    expect(findBehaviorPlanPatterns(three, noRewardSteps)).toEqual([]);
  });

  it('a consequence contradicting the plan twice is found; once is not', () => {
    const once = [incident('2026-10-01', { consequenceContradicted: true, rewardUsed: true })];
    expect(findBehaviorPlanPatterns(once, steps)).toEqual([]);
    const twice = [...once, incident('2026-10-09', { consequenceContradicted: true, rewardUsed: true })];
    twice.push(incident('2026-10-10', { consequenceContradicted: false, rewardUsed: true }));
    const findings = findBehaviorPlanPatterns(twice, steps);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: FINDING_RULES.consequenceContradicted,
      subjectId: BEHAVIOR_PLAN_SUBJECT,
      entryIds: [twice[0]!.id, twice[1]!.id],
    });
    expectQuestionNotVerdict(findings);
  });
});

describe('findGoalFlags', () => {
  const reading: GoalRef = { id: 'goal-read', targetValue: 80, higherIsBetter: true };
  const outbursts: GoalRef = { id: 'goal-outbursts', targetValue: 2, higherIsBetter: false };
  const lastReport = '2026-11-13';

  it('no data since the last report is flagged 14 days after it', () => {
    const before = point('goal-read', '2026-11-10', 50);
    const findings = findGoalFlags([reading], [before], '2026-11-27', lastReport, {
      'goal-read': 'reading fluency',
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: FINDING_RULES.noDataSinceReport,
      subjectId: 'goal-read',
      severity: 'info',
      entryIds: [before.id],
    });
    expect(findings[0]!.message).toContain('The reading fluency goal has no data');
    expect(findings[0]!.message).toContain('Fri, Nov 13 (14 days ago)');
    expectQuestionNotVerdict(findings);
  });

  it('no data 13 days after the report, or a point after it, is not flagged', () => {
    expect(findGoalFlags([reading], [], '2026-11-26', lastReport)).toEqual([]);
    expect(
      findGoalFlags([reading], [point('goal-read', '2026-11-20', 55)], '2026-12-01', lastReport),
    ).toEqual([]);
    expect(findGoalFlags([reading], [], '2026-12-01', null)).toEqual([]);
  });

  it('no movement toward the target across the last two progress reports is flagged', () => {
    const pts = [
      point('goal-read', '2026-06-10', 30, true),
      point('goal-read', '2026-09-20', 45, false),
      point('goal-read', '2026-11-13', 40, true),
      point('goal-read', '2027-01-29', 40, true),
    ];
    const findings = findGoalFlags([reading], pts, '2027-02-01', '2027-01-29');
    expect(rules(findings)).toEqual([FINDING_RULES.noProgress]);
    expect(findings[0]!.entryIds).toEqual([pts[2]!.id, pts[3]!.id]);
    expect(findings[0]!.message).toContain('went from 40 (Fri, Nov 13) to 40 (Fri, Jan 29)');

    const lower = [
      point('goal-outbursts', '2026-11-13', 5, true),
      point('goal-outbursts', '2027-01-29', 6, true),
    ];
    expect(rules(findGoalFlags([outbursts], lower, '2027-02-01', '2027-01-29'))).toEqual([
      FINDING_RULES.noProgress,
    ]);
  });

  it('movement toward the target, or a single report, is not flagged as no progress', () => {
    const up = [point('goal-read', '2026-11-13', 40, true), point('goal-read', '2027-01-29', 45, true)];
    expect(findGoalFlags([reading], up, '2027-02-01', '2027-01-29')).toEqual([]);
    const down = [
      point('goal-outbursts', '2026-11-13', 5, true),
      point('goal-outbursts', '2027-01-29', 4, true),
    ];
    expect(findGoalFlags([outbursts], down, '2027-02-01', '2027-01-29')).toEqual([]);
    const single = [point('goal-read', '2027-01-29', 40, true)];
    expect(findGoalFlags([reading], single, '2027-02-01', '2027-01-29')).toEqual([]);
    // A report dated after asOf is not seen.
    const future = [point('goal-read', '2026-11-13', 40, true), point('goal-read', '2027-03-01', 40, true)];
    expect(findGoalFlags([reading], future, '2027-02-01', null)).toEqual([]);
  });

  it('a value reaching the target before the year ends is flagged as target met early', () => {
    const hit = point('goal-read', '2027-01-20', 82);
    const pts = [point('goal-read', '2026-11-13', 60, true), hit, point('goal-read', '2027-01-29', 85, true)];
    const findings = findGoalFlags([reading], pts, '2027-02-01', '2027-01-29', {}, '2027-06-04');
    expect(rules(findings)).toEqual([FINDING_RULES.targetMetEarly]);
    expect(findings[0]!.question).toBe('Is this goal too easy, or ready for a new target?');
    expect(findings[0]!.entryIds).toEqual([hit.id, pts[2]!.id]);

    const lowerMet = [point('goal-outbursts', '2026-12-01', 2)];
    expect(rules(findGoalFlags([outbursts], lowerMet, '2026-12-02', null))).toEqual([
      FINDING_RULES.targetMetEarly,
    ]);
  });

  it('a value just short of the target, or reached only at the year-end report, is not target met early', () => {
    const short = [point('goal-read', '2027-01-20', 79)];
    expect(findGoalFlags([reading], short, '2027-02-01', null)).toEqual([]);
    const atYearEnd = [point('goal-read', '2027-06-04', 80, true)];
    expect(findGoalFlags([reading], atYearEnd, '2027-06-10', null, {}, '2027-06-04')).toEqual([]);
    const noTarget: GoalRef = { id: 'goal-x', targetValue: null, higherIsBetter: true };
    expect(findGoalFlags([noTarget], [point('goal-x', '2027-01-20', 100)], '2027-02-01', null)).toEqual([]);
  });
});

describe('findPullOutConflicts', () => {
  const timetable: ClassPeriod[] = [
    { weekday: 1, startTime: '10:00', endTime: '10:45', className: 'Math' },
    { weekday: 2, startTime: '10:00', endTime: '10:45', className: 'Science' },
    { weekday: 3, startTime: '10:00', endTime: '10:45', className: 'Math' },
    { weekday: 4, startTime: '10:00', endTime: '10:45', className: 'Science' },
    { weekday: 2, startTime: '10:45', endTime: '11:30', className: 'English' },
    { weekday: 4, startTime: '13:00', endTime: '13:45', className: 'Art' },
  ];

  it('article: a reading pull-out during science most times is found', () => {
    // Tue/Thu at 10:00, during science; one session moved to Thursday afternoon.
    const science = ['2026-09-15', '2026-09-17', '2026-09-22', '2026-09-24'].map((d) =>
      session('reading', d, '10:00'),
    );
    const data = [
      ...science,
      session('reading', '2026-09-29', '13:00'),
      session('reading', '2026-10-01', null),
    ];
    const findings = findPullOutConflicts(data, timetable, { reading: 'reading' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: FINDING_RULES.pullOutConflict,
      subjectId: 'reading',
      entryIds: ids(science),
    });
    expect(findings[0]!.question).toBe(
      'Reading takes your child out of Science most times; is there another time?',
    );
    expect(findings[0]!.message).toContain('4 of the 5 sessions with a start time');
    expectQuestionNotVerdict(findings);
  });

  it('two sessions in the same class are not a pattern', () => {
    const data = [session('reading', '2026-09-15', '10:00'), session('reading', '2026-09-17', '10:10')];
    expect(findPullOutConflicts(data, timetable)).toEqual([]);
  });

  it('three sessions in one class out of six timed (50%) are not a pattern', () => {
    const data = [
      ...['2026-09-15', '2026-09-17', '2026-09-22'].map((d) => session('reading', d, '10:00')),
      ...['2026-09-14', '2026-09-16', '2026-09-21'].map((d) => session('reading', d, '09:00')),
    ];
    expect(findPullOutConflicts(data, timetable)).toEqual([]);
  });

  it('a session starting as a period ends belongs to the next period', () => {
    const data = ['2026-09-15', '2026-09-22', '2026-09-29'].map((d) => session('ot', d, '10:45'));
    const findings = findPullOutConflicts(data, timetable);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.question).toBe(
      'This service takes your child out of English most times; is there another time?',
    );
  });

  it('rejects a malformed time', () => {
    expect(() => findPullOutConflicts([session('ot', '2026-09-15', '9:00')], timetable)).toThrow(RangeError);
  });
});

describe('findDisagreements', () => {
  it('a staff link and the parent about one session are one session: the staff link counts, the parent disagrees', () => {
    // Ids in the order of recording (UUIDv7 in the app): the link's repeat is its later word.
    const link = { ...claim('speech', '2026-11-19', 'delivered', 'provider_link'), id: 'entry-1' };
    const parent = { ...claim('speech', '2026-11-19', 'missed', 'parent'), id: 'entry-2' };
    const repeat = { ...claim('speech', '2026-11-19', 'delivered', 'provider_link'), id: 'entry-3' };
    const findings = findDisagreements([link, parent, repeat], { speech: 'speech' });
    expect(findings).toEqual([
      expect.objectContaining({
        message: "The provider's log says speech happened on Thu, Nov 19; you noted it did not.",
        question: 'Could we look at the session notes together?',
        entryIds: [repeat.id, parent.id],
      }),
    ]);
  });

  it('two start times on one day are two sessions: no disagreement between them', () => {
    const morning = { ...claim('speech', '2026-11-19', 'delivered', 'provider'), startTime: '09:00' };
    const afternoon = { ...claim('speech', '2026-11-19', 'missed', 'parent'), startTime: '13:00' };
    expect(findDisagreements([morning, afternoon])).toEqual([]);
  });

  it('a school log saying a session happened and a child remembering it did not is a question, not a verdict', () => {
    const log = claim('speech', '2026-09-15', 'delivered', 'school_log');
    const child = claim('speech', '2026-09-15', 'missed', 'child_report');
    const findings = findDisagreements([log, child], { speech: 'speech' });
    expect(findings).toEqual([
      {
        rule: FINDING_RULES.disagreement,
        subjectId: 'speech',
        severity: 'info',
        message: 'The school log says speech happened on Tue, Sep 15; your child remembers it did not.',
        question: 'Could we look at the log together?',
        entryIds: [log.id, child.id],
      },
    ]);
    expectQuestionNotVerdict(findings);
  });

  it('a provider saying a session was short and a parent noting it was missed is a disagreement', () => {
    const findings = findDisagreements([
      claim('ot', '2026-09-17', 'missed', 'parent'),
      claim('ot', '2026-09-17', 'short', 'provider'),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      'The provider says the session happened (shortened) on Thu, Sep 17; you noted it did not.',
    );
    expect(findings[0]!.question).toBe('Could we look at the session notes together?');
  });

  it('agreeing sources, other dates, other services, or a school-side "missed" are not disagreements', () => {
    const data = [
      claim('speech', '2026-09-15', 'delivered', 'school_log'),
      claim('speech', '2026-09-15', 'delivered', 'child_report'),
      claim('speech', '2026-09-22', 'delivered', 'school_log'),
      claim('speech', '2026-09-23', 'missed', 'child_report'),
      claim('ot', '2026-09-22', 'missed', 'parent'),
      claim('speech', '2026-09-29', 'missed', 'school_log'),
      claim('speech', '2026-09-29', 'missed', 'child_report'),
      claim('speech', '2026-10-06', 'delivered', 'provider'),
      claim('speech', '2026-10-06', 'delivered', 'parent'),
    ];
    expect(findDisagreements(data)).toEqual([]);
  });
});
