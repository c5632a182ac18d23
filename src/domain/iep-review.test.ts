import { describe, expect, it } from 'vitest';
import { IdSchema } from './common.ts';
import type { IepDraft } from './iep-draft.ts';
import { planFromReview, reviewFromDraft } from './iep-review.ts';
import { AccommodationInput, BehaviorStepInput, GoalInput, KeyDateInput, TeamContactInput } from './plan.ts';
import { ServiceInput } from './service.ts';

// The review's starting point and what "Save the plan" sends, on a draft shaped like the reader's for
// the fictional New York IEP (test/fixtures/iep/nyc-like.pdf): class periods to fill in, an ESY row,
// a parent in the team table, a re-evaluation given only as a month.

const src = (page: number, sourceText: string, reason: string | null = null) => ({
  page,
  sourceText,
  confidence: reason ? ('check' as const) : ('sure' as const),
  reason,
});
const amount = (over: Partial<IepDraft['services'][number]['amounts'][number]>) => ({
  minutesPerSession: null,
  sessionsPerPeriod: null,
  minutesPerPeriod: null,
  period: { unit: 'week' as const, cycleDays: null },
  pattern: null,
  label: null,
  startDate: null,
  endDate: null,
  ...over,
});
const service = (name: string, over: Partial<IepDraft['services'][number]>) => ({
  name,
  area: 'speech' as const,
  esy: false,
  provider: null,
  providerRole: null,
  location: 'Separate Location',
  setting: 'pull_out' as const,
  groupSize: null,
  startDate: '2026-10-20',
  endDate: '2027-10-05',
  amountText: '',
  amounts: [amount({ minutesPerSession: 30, sessionsPerPeriod: 2 })],
  unread: [],
  ...src(2, `${name} | 2x30`),
  ...over,
});

const DRAFT = {
  found: true,
  message: 'Read an IEP (New York)',
  format: 'pdf',
  pageCount: 3,
  pagesNeedingOcr: [],
  pagesReadByOcr: [],
  unreadablePages: [],
  toCheck: [],
  planKind: { value: 'iep', ...src(1, 'INDIVIDUALIZED EDUCATION PROGRAM (IEP)') },
  jurisdiction: { value: { country: 'US', region: 'NY', name: 'New York' }, ...src(1, 'NYC DOE') },
  child: { name: null, school: null, grade: null },
  dates: {
    planStart: {
      value: { date: '2026-10-20', precision: 'day' },
      label: 'IEP Implementation Date',
      ...src(1, 'x'),
    },
    planEnd: null,
    meeting: { value: { date: '2026-10-06', precision: 'day' }, label: 'IEP Meeting Date', ...src(1, 'y') },
    annualReview: { value: { date: '2027-10-05', precision: 'day' }, label: 'Next Annual', ...src(1, 'z') },
    reevaluation: { value: { date: '2028-10', precision: 'month' }, label: 'Reevaluation', ...src(1, 'w') },
  },
  services: [
    service('Integrated Co-Teaching Services: ELA', {
      area: 'other',
      setting: 'push_in',
      amounts: [amount({ sessionsPerPeriod: 5 })],
      ...src(2, 'ICT ELA | 5 periods per week', 'enter the minutes of one period'),
    }),
    service('Speech-Language Therapy', {}),
    service('Speech-Language Therapy', { esy: true, startDate: '2027-07-06', endDate: '2027-08-14' }),
  ],
  accommodations: [
    {
      text: 'Extended time (1.5x)',
      group: 'testing',
      heading: 'Testing',
      box: 'checked',
      details: null,
      ...src(2, 'a'),
    },
    {
      text: 'Separate location',
      group: 'testing',
      heading: 'Testing',
      box: 'unclear',
      details: null,
      ...src(2, 'b'),
    },
  ],
  goals: [
    { area: 'Math', goal: 'Solve two-step word problems', baseline: null, target: '80%', ...src(1, 'g') },
  ],
  team: [
    { name: 'Theo Vance', role: 'Parent', ...src(2, 'Theo Vance | Parent') },
    {
      name: 'Ms. Rivera',
      role: 'Special Education Teacher',
      ...src(2, 'Ms. Rivera | Special Education Teacher'),
    },
  ],
  notSelected: [],
  notes: [],
} as unknown as IepDraft;

describe('reviewFromDraft', () => {
  const review = reviewFromDraft(DRAFT);

  it('takes the plan from the document, ending at the next annual review when no end date is printed', () => {
    expect(review.plan).toMatchObject({
      kind: 'iep',
      country: 'US',
      region: 'NY',
      effectiveFrom: '2026-10-20',
      effectiveTo: '2027-10-05',
    });
  });

  it('keeps what it is sure of, marks what to check, and drops ESY, an unclear box and the parent', () => {
    expect(review.services.map((s) => [s.name, s.keep, s.reason != null])).toEqual([
      ['Integrated Co-Teaching Services: ELA', true, true],
      ['Speech-Language Therapy', true, false],
      ['Speech-Language Therapy', false, true],
    ]);
    expect(review.services[0]).toMatchObject({ minutesPerSession: null, sessionsPerPeriod: 5 });
    expect(review.accommodations.map((a) => a.keep)).toEqual([true, false]);
    expect(review.accommodations[1]!.reason).toMatch(/check box/);
    expect(review.team.map((t) => t.keep)).toEqual([false, true]);
    // A month alone is not a day: it waits for the parent's choice.
    expect(review.keyDates.find((k) => k.kind === 'reevaluation')).toMatchObject({ keep: false, date: '' });
  });

  it('gives its own reasons (ESY, a month alone, an unclear box) in the words the screen passes', () => {
    expect(review.services[2]!.reason).toBe(
      'Extended school year: it is counted over the summer; add it on the Plan page with its dates.',
    );
    const said = reviewFromDraft(DRAFT, { esy: 'ESY', monthOnly: 'Month', boxUnclear: 'Box' });
    expect(said.services[2]!.reason).toBe('ESY');
    expect(said.keyDates.find((k) => k.kind === 'reevaluation')!.reason).toBe('Month');
    expect(said.accommodations[1]!.reason).toBe('Box');
    // The draft's own reasons (said by the server in the reader's language) come first.
    expect(said.services[0]!.reason).toBe(review.services[0]!.reason);
  });

  it('keeps where each item is on its page, for the screen to outline, and nothing where none is known', () => {
    const box = { x: 0.08, y: 0.42, w: 0.8, h: 0.03 };
    const placed = reviewFromDraft({
      ...DRAFT,
      goals: [{ ...DRAFT.goals[0]!, sourceBoxes: [box] }],
    });
    expect(placed.goals[0]!.sourceBoxes).toEqual([box]);
    expect(placed.services[0]).not.toHaveProperty('sourceBoxes');
  });
});

describe('the behavior plan', () => {
  const step = (kind: string, text: string, box = 'none') => ({
    kind,
    text,
    heading: null,
    box,
    ...src(3, `• ${text}`, box === 'unclear' ? 'Box not read' : null),
  });
  const withSteps = {
    ...DRAFT,
    behaviorSteps: [
      step('trigger', 'Timed drills'),
      step('strategy', 'Visual schedule'),
      step('strategy', 'Token board', 'unclear'),
      step('strategy', 'Two-minute warning'),
      step('response', 'Prompt the break card'),
    ],
  } as unknown as IepDraft;

  it('keeps each step with its kind and source, and drops a step whose box could not be read', () => {
    const review = reviewFromDraft(withSteps);
    expect(review.behaviorSteps.map((b) => [b.kind, b.text, b.keep])).toEqual([
      ['trigger', 'Timed drills', true],
      ['strategy', 'Visual schedule', true],
      ['strategy', 'Token board', false],
      ['strategy', 'Two-minute warning', true],
      ['response', 'Prompt the break card', true],
    ]);
    expect(review.behaviorSteps[0]).toMatchObject({ page: 3, sourceText: '• Timed drills', reason: null });
    expect(review.behaviorSteps[2]!.reason).toBe('Box not read');
    // A draft kept before behavior plans were read has none.
    expect(reviewFromDraft(DRAFT).behaviorSteps).toEqual([]);
  });

  it('sends the kept steps, as edited, numbered in their order within each kind', () => {
    const review = reviewFromDraft(withSteps);
    review.behaviorSteps[3]!.text = 'A two-minute warning before each change';
    review.behaviorSteps[4]!.kind = 'reward';
    const body = planFromReview(review);
    expect(body.behaviorSteps).toEqual([
      { kind: 'trigger', text: 'Timed drills', position: 0 },
      { kind: 'strategy', text: 'Visual schedule', position: 0 },
      { kind: 'strategy', text: 'A two-minute warning before each change', position: 1 },
      { kind: 'reward', text: 'Prompt the break card', position: 0 },
    ]);
    const planId = '01900000-0000-7000-8000-000000000001';
    for (const b of body.behaviorSteps)
      expect(BehaviorStepInput.safeParse({ ...b, planId }).success).toBe(true);
  });
});

describe('planFromReview', () => {
  it('sends only what was kept, and each item passes the rules of adding it by hand once filled in', () => {
    const review = reviewFromDraft(DRAFT);
    review.services[0]!.minutesPerSession = 45;
    const body = planFromReview(review);
    expect(body.services).toHaveLength(2);
    expect(body.accommodations).toEqual([{ text: 'Extended time (1.5x)' }]);
    expect(body.team).toEqual([{ name: 'Ms. Rivera', role: 'Special Education Teacher' }]);
    expect(body.keyDates.map((k) => k.kind)).toEqual(['annual_review', 'meeting']);
    const planId = IdSchema.parse('01900000-0000-7000-8000-000000000001');
    for (const s of body.services) expect(ServiceInput.safeParse({ ...s, planId }).success).toBe(true);
    for (const a of body.accommodations)
      expect(AccommodationInput.safeParse({ ...a, planId }).success).toBe(true);
    for (const g of body.goals) expect(GoalInput.safeParse({ ...g, planId }).success).toBe(true);
    for (const k of body.keyDates) expect(KeyDateInput.safeParse({ ...k, planId }).success).toBe(true);
    for (const t of body.team)
      expect(TeamContactInput.safeParse({ ...t, childId: planId }).success).toBe(true);
  });

  it('leaves a service whose amount was not filled in to be refused by the rules, not guessed', () => {
    const body = planFromReview(reviewFromDraft(DRAFT));
    const planId = '01900000-0000-7000-8000-000000000001';
    const ict = ServiceInput.safeParse({ ...body.services[0], planId });
    expect(ict.success).toBe(false);
  });
});
