import { describe, expect, it } from 'vitest';
import {
  type ComparedDocument,
  type ComparedPlan,
  comparePlanWithDocument,
  comparisonSummary,
  likeness,
  matchWords,
} from './iep-compare.ts';
import type { ServiceSegment } from './service.ts';

const weekly = (
  sessions: number,
  minutes: number,
  startDate = '2026-09-01',
  endDate = '2027-06-15',
): ServiceSegment => ({
  minutesPerSession: minutes,
  sessionsPerPeriod: sessions,
  minutesPerPeriod: null,
  period: { unit: 'week', cycleDays: null },
  pattern: null,
  startDate,
  endDate,
  label: null,
});

const plan: ComparedPlan = {
  services: [
    {
      id: 'svc-speech',
      name: 'Speech-Language Therapy',
      area: 'speech',
      setting: 'pull_out',
      startDate: '2026-09-01',
      endDate: '2027-06-15',
      segments: [weekly(2, 30)],
    },
    {
      id: 'svc-ot',
      name: 'Occupational Therapy',
      area: 'ot',
      setting: 'pull_out',
      startDate: '2026-09-01',
      endDate: '2027-06-15',
      segments: [weekly(1, 30)],
    },
    {
      id: 'svc-reading',
      name: 'Specialized reading instruction',
      area: 'specialized_instruction',
      setting: 'pull_out',
      startDate: '2026-09-01',
      endDate: '2027-06-15',
      segments: [weekly(5, 45)],
    },
  ],
  accommodations: [
    { id: 'acc-time', text: 'Extended time (1.5x) on tests and quizzes' },
    { id: 'acc-seat', text: 'Preferential seating near the teacher' },
  ],
  goals: [{ id: 'goal-1', area: 'Reading', text: 'Ava will read grade-level text at 90 words per minute' }],
  keyDates: [{ id: 'kd-1', kind: 'annual_review', date: '2027-05-20' }],
  team: [{ id: 'tm-1', name: 'Dana Ruiz' }],
};

const amended: ComparedDocument = {
  services: [
    {
      name: 'Speech and Language',
      area: 'speech',
      setting: 'pull_out',
      startDate: '2027-01-11',
      endDate: '2027-06-15',
      segments: [weekly(1, 30)],
    },
    {
      name: 'Specialized Reading Instruction',
      area: 'specialized_instruction',
      setting: 'pull_out',
      startDate: '2027-01-11',
      endDate: '2027-06-15',
      segments: [weekly(5, 45)],
    },
    {
      name: 'Counseling',
      area: 'counseling',
      setting: 'pull_out',
      startDate: '2027-01-11',
      endDate: '2027-06-15',
      segments: [weekly(1, 20)],
    },
  ],
  accommodations: [{ text: 'Extended time (1.5x) on tests and quizzes.' }, { text: 'Use of a calculator' }],
  goals: [
    { area: 'Reading', text: 'Ava will read grade-level text at 90 words per minute' },
    { area: 'Social', text: 'Ava will use a break card when upset in 4 of 5 chances' },
  ],
  keyDates: [{ kind: 'annual_review', date: '2027-05-20' }],
  team: [
    { name: 'Dana Ruiz', role: 'Case manager' },
    { name: 'Lee Park', role: 'Counselor' },
  ],
};

describe('comparing a new version of the IEP with the plan in force', () => {
  const c = comparePlanWithDocument(plan, amended, '2027-01-11');

  it('finds the cut service by its area and words, with the amount in force before', () => {
    const speech = c.services.find((s) => s.change === 'changed');
    expect(speech).toMatchObject({ change: 'changed', index: 0, id: 'svc-speech' });
    if (speech?.change !== 'changed') throw new Error('no change');
    expect(speech.before?.sessionsPerPeriod).toBe(2);
    expect(speech.after.sessionsPerPeriod).toBe(1);
  });

  it('keeps an unchanged service as the same one, adds a new one, and ends the one left out', () => {
    expect(c.services).toContainEqual({ change: 'same', index: 1, id: 'svc-reading' });
    expect(c.services).toContainEqual({ change: 'added', index: 2 });
    expect(c.services).toContainEqual({
      change: 'ended',
      id: 'svc-ot',
      name: 'Occupational Therapy',
      endDate: '2027-01-10',
    });
  });

  it('matches reworded accommodations and goals, and lists what was removed and added', () => {
    expect(c.accommodations).toEqual({
      added: [1],
      removed: [{ id: 'acc-seat', text: 'Preferential seating near the teacher' }],
      same: 1,
      kept: [],
      notListed: false,
    });
    expect(c.goals.added).toEqual([1]);
    expect(c.goals.removed).toEqual([]);
  });

  it('changes a key date only when the date differs, and adds new team members by name', () => {
    expect(c.keyDates).toEqual([]);
    expect(c.team.added).toEqual([1]);
    const moved = comparePlanWithDocument(
      plan,
      { ...amended, keyDates: [{ kind: 'annual_review', date: '2027-05-27' }] },
      '2027-01-11',
    );
    expect(moved.keyDates).toEqual([
      { index: 0, id: 'kd-1', kind: 'annual_review', before: '2027-05-20', after: '2027-05-27' },
    ]);
    const meeting = comparePlanWithDocument(
      { ...plan, keyDates: [...plan.keyDates, { id: 'kd-2', kind: 'meeting', date: '2026-10-06' }] },
      { ...amended, keyDates: [{ kind: 'meeting', date: '2027-01-11' }] },
      '2027-01-11',
    );
    expect(meeting.keyDates).toEqual([
      { index: 0, id: null, kind: 'meeting', before: null, after: '2027-01-11' },
    ]);
  });

  it('reads the amount in force on the amendment date across a step-down', () => {
    const stepped: ComparedPlan = {
      ...plan,
      services: [
        {
          ...plan.services[0]!,
          segments: [weekly(3, 30, '2026-09-01', '2026-12-18'), weekly(2, 30, '2026-12-19', '2027-06-15')],
        },
      ],
    };
    const doc = { ...amended, services: [{ ...amended.services[0]!, segments: [weekly(2, 30)] }] };
    expect(comparePlanWithDocument(stepped, doc, '2027-01-11').services[0]).toEqual({
      change: 'same',
      index: 0,
      id: 'svc-speech',
    });
  });

  it('does not pair two services of one area crosswise', () => {
    const two: ComparedPlan = {
      ...plan,
      services: [
        { ...plan.services[0]!, id: 'ind', name: 'Speech therapy, individual' },
        { ...plan.services[0]!, id: 'grp', name: 'Speech therapy, group', segments: [weekly(1, 30)] },
      ],
    };
    const doc: ComparedDocument = {
      ...amended,
      services: [
        { ...amended.services[0]!, name: 'Speech therapy group', segments: [weekly(1, 30)] },
        { ...amended.services[0]!, name: 'Speech therapy individual', segments: [weekly(1, 30)] },
      ],
    };
    const result = comparePlanWithDocument(two, doc, '2027-01-11').services;
    expect(result[0]).toEqual({ change: 'same', index: 0, id: 'grp' });
    expect(result[1]).toMatchObject({ change: 'changed', index: 1, id: 'ind' });
  });

  it('says so when nothing changed, and sums up the changes otherwise', () => {
    const same: ComparedDocument = {
      services: plan.services.map((s) => ({ ...s })),
      accommodations: plan.accommodations,
      goals: plan.goals,
      keyDates: plan.keyDates,
      team: [{ name: 'Dana Ruiz', role: 'Case manager' }],
    };
    const none = comparePlanWithDocument(plan, same, '2027-01-11');
    expect(none.changed).toBe(false);
    expect(comparisonSummary(none)).toBe('No change from the plan in force');
    expect(comparisonSummary(c)).toBe(
      '1 service changed, 1 service added, 1 service ended, 1 accommodation added, 1 accommodation removed, 1 goal added',
    );
  });

  it('leaves a service that ended before the amendment out of the comparison', () => {
    const ended: ComparedPlan = {
      ...plan,
      services: [
        ...plan.services,
        { ...plan.services[1]!, id: 'old', name: 'Vision', area: 'other', endDate: '2026-12-01' },
      ],
    };
    expect(
      comparePlanWithDocument(ended, amended, '2027-01-11').services.some((s) => 'id' in s && s.id === 'old'),
    ).toBe(false);
  });
});

describe('an amendment that shows only some pages', () => {
  it('removes nothing of a section the document lists none of', () => {
    const c = comparePlanWithDocument(plan, { ...amended, services: [], goals: [] }, '2027-01-11');
    expect(c.services).toEqual([]);
    expect(c.servicesNotListed).toBe(true);
    expect(c.servicesKept.map((s) => s.id)).toEqual(['svc-speech', 'svc-ot', 'svc-reading']);
    expect(c.goals).toMatchObject({ removed: [], notListed: true });
    expect(c.goals.kept.map((g) => g.id)).toEqual(['goal-1']);
  });

  it('keeps what the parent chose to keep, and still ends or removes the rest', () => {
    const c = comparePlanWithDocument(plan, amended, '2027-01-11', new Set(['svc-ot', 'acc-seat']));
    expect(c.services.some((s) => s.change === 'ended')).toBe(false);
    expect(c.servicesKept).toEqual([{ id: 'svc-ot', name: 'Occupational Therapy' }]);
    expect(c.accommodations.removed).toEqual([]);
    expect(c.accommodations.kept).toEqual([
      { id: 'acc-seat', text: 'Preferential seating near the teacher' },
    ]);
  });
});

describe('the behavior plan of a new version', () => {
  const withSteps: ComparedPlan = {
    ...plan,
    behaviorSteps: [
      { id: 'bs-trigger', kind: 'trigger', text: 'Timed math drills' },
      { id: 'bs-schedule', kind: 'strategy', text: 'Preview the day on a visual schedule' },
      { id: 'bs-tokens', kind: 'reward', text: 'Tokens toward computer time' },
    ],
  };

  it('matches steps of one kind by their words, and lists the new ones and those taken out', () => {
    const c = comparePlanWithDocument(
      withSteps,
      {
        ...amended,
        behaviorSteps: [
          { kind: 'trigger', text: 'Timed math drills.' },
          { kind: 'strategy', text: 'Preview the day on the visual schedule' },
          { kind: 'response', text: 'Prompt him to use his break card' },
        ],
      },
      '2027-01-11',
    );
    expect(c.behaviorSteps).toEqual({
      added: [2],
      removed: [{ id: 'bs-tokens', text: 'Tokens toward computer time' }],
      same: 2,
      kept: [],
      notListed: false,
    });
    expect(comparisonSummary(c)).toMatch(/1 behavior plan step added, 1 behavior plan step removed$/);
  });

  it('never takes a step of one kind for a step of another with the same words', () => {
    const c = comparePlanWithDocument(
      withSteps,
      { ...amended, behaviorSteps: [{ kind: 'strategy', text: 'Timed math drills' }] },
      '2027-01-11',
    );
    expect(c.behaviorSteps.added).toEqual([0]);
    expect(c.behaviorSteps.removed.map((r) => r.id)).toEqual(['bs-trigger', 'bs-schedule', 'bs-tokens']);
  });

  it('leaves the steps alone when the document has no behavior plan, or the parent keeps them', () => {
    const none = comparePlanWithDocument(withSteps, amended, '2027-01-11');
    expect(none.behaviorSteps).toMatchObject({ added: [], removed: [], notListed: true });
    expect(none.behaviorSteps.kept).toHaveLength(3);
    const kept = comparePlanWithDocument(
      withSteps,
      { ...amended, behaviorSteps: [{ kind: 'trigger', text: 'Timed math drills' }] },
      '2027-01-11',
      new Set(['bs-tokens']),
    );
    expect(kept.behaviorSteps.removed.map((r) => r.id)).toEqual(['bs-schedule']);
    expect(kept.behaviorSteps.kept.map((r) => r.id)).toEqual(['bs-tokens']);
  });

  it('counts a change of the behavior plan alone as a change', () => {
    const same = { ...amended, services: [], accommodations: [], goals: [], keyDates: [], team: [] };
    expect(comparePlanWithDocument(withSteps, same, '2027-01-11').changed).toBe(false);
    const c = comparePlanWithDocument(
      withSteps,
      { ...same, behaviorSteps: [{ kind: 'reward', text: 'Lunch with the teacher' }] },
      '2027-01-11',
    );
    expect(c.changed).toBe(true);
  });
});

describe('words for matching', () => {
  it('drops case, accents, punctuation, plurals and filler words', () => {
    expect([...matchWords('Speech-Language Services')]).toEqual(['speech', 'language']);
    expect(likeness(matchWords('Extended time on tests'), matchWords('extended TIME on test.'))).toBe(1);
    expect(likeness(matchWords('Preferential seating'), matchWords('Use of a calculator'))).toBe(0);
  });
});
