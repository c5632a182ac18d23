import { describe, expect, it } from 'vitest';
import {
  CheckInInput,
  type CheckInSources,
  checkInQuestions,
  childWordsForService,
  dayPhrase,
  MAX_CHECK_IN_QUESTIONS,
} from './check-in.ts';

const ID = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const SPEECH = { id: ID(1), name: 'Speech-language therapy', area: 'speech', setting: 'pull_out' };
const READING = {
  id: ID(2),
  name: 'Specialized reading instruction',
  area: 'specialized_instruction',
  setting: 'pull_out',
};
const acc = (
  n: number,
  text: string,
  extra: Partial<{ appliesTo: string; className: string | null }> = {},
) => ({
  id: ID(100 + n),
  text,
  category: 'other',
  appliesTo: extra.appliesTo ?? 'all',
  className: extra.className ?? null,
});
// Thursday 2026-10-08; the week is Monday 10-05 to Sunday 10-11.
const base: CheckInSources = {
  childName: 'Emma',
  date: '2026-10-08',
  planId: ID(50),
  services: [SPEECH],
  accommodations: [],
  behaviorSteps: [],
  timetable: [
    { weekday: 4, startTime: '08:30', endTime: '09:20', className: 'English' },
    { weekday: 4, startTime: '09:25', endTime: '10:15', className: 'Math' },
  ],
  sessions: [],
  schoolDays: ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
};

describe('check-in questions come from the child’s own plan and timetable', () => {
  it('asks what happened in speech on the day the school logged it (“What happened in speech on Tuesday?”)', () => {
    const qs = checkInQuestions({
      ...base,
      sessions: [{ serviceId: SPEECH.id, date: '2026-10-06', source: 'school_log', status: 'delivered' }],
    });
    expect(qs[0]).toMatchObject({
      kind: 'session',
      subjectId: SPEECH.id,
      date: '2026-10-06',
      ask: 'What happened in speech on Tuesday?',
      key: `session:${SPEECH.id}:2026-10-06`,
    });
  });

  it('asks whether the child went at all when nothing is logged this week, and does not name a day', () => {
    const [q] = checkInQuestions(base);
    expect(q).toMatchObject({ date: null, ask: 'Did you go to speech this week? What did you do there?' });
  });

  it('does not take a child’s own earlier report or a logged miss as the day to ask about', () => {
    const [q] = checkInQuestions({
      ...base,
      sessions: [
        { serviceId: SPEECH.id, date: '2026-10-06', source: 'child_report', status: 'delivered' },
        { serviceId: SPEECH.id, date: '2026-10-07', source: 'school_log', status: 'missed' },
      ],
    });
    expect(q!.date).toBeNull();
    expect(q!.why).toBe(
      'Speech is logged as missed on Wednesday this week; no speech session that happened is logged yet.',
    );
  });

  it('says no session is logged only when none is (“No speech session is logged yet this week.”)', () => {
    const [q] = checkInQuestions(base);
    expect(q!.why).toBe('No speech session is logged yet this week.');
  });

  it('quotes the plan’s first sentence whole, not cut at a decimal point (“Extended time (1.5x)”)', () => {
    const qs = checkInQuestions({
      ...base,
      services: [],
      accommodations: [acc(1, 'Extended time (1.5x) on tests and quizzes. Tests in a quiet room.')],
    });
    expect(qs[0]!.why).toBe('The plan says: “Extended time (1.5x) on tests and quizzes”.');
  });

  it('asks where the child sat in math today for preferential seating (“Where did you sit in math today?”)', () => {
    const qs = checkInQuestions({
      ...base,
      services: [],
      accommodations: [acc(1, 'Preferential seating near instruction')],
    });
    expect(qs[0]).toMatchObject({
      kind: 'accommodation',
      ask: 'Where did you sit in math today?',
      className: 'Math',
    });
  });

  it('uses the class the accommodation names over the timetable', () => {
    const qs = checkInQuestions({
      ...base,
      services: [],
      accommodations: [acc(1, 'Seat near the board', { appliesTo: 'class', className: 'Science' })],
    });
    expect(qs[0]!.ask).toBe('Where did you sit in science today?');
  });

  it('says "this week" rather than "today" when the check-in day is not a school day', () => {
    const qs = checkInQuestions({
      ...base,
      date: '2026-10-10',
      services: [],
      timetable: [],
      accommodations: [acc(1, 'Preferential seating')],
    });
    expect(qs[0]!.ask).toBe('Where did you sit in class this week?');
  });

  it('asks about extra time on tests, headphones and a calculator in words a child uses', () => {
    const qs = checkInQuestions({
      ...base,
      services: [],
      accommodations: [
        acc(1, 'Extended time (1.5x) on tests and quizzes', { appliesTo: 'tests' }),
        acc(2, 'Noise-cancelling headphones available during independent work'),
        acc(3, 'Use of a calculator for math assignments'),
      ],
    });
    expect(qs.map((q) => q.ask)).toEqual([
      'Did you have a test or a quiz this week? Did you get extra time to finish it?',
      'Did you use your headphones this week? Where were they when you needed them?',
      'Did you use a calculator in math this week?',
    ]);
    expect(qs[0]!.setting).toBe('test');
  });

  it('falls back to the plan’s own words for an accommodation it has no template for, still as an open question', () => {
    const [q] = checkInQuestions({
      ...base,
      services: [],
      accommodations: [acc(1, 'Advance notice of schedule changes')],
    });
    expect(q!.ask).toContain('“Advance notice of schedule changes”');
    expect(q!.ask).toMatch(/What was it like\?$/);
  });

  it('asks about hard moments when the plan has a behavior plan, and mentions the reward', () => {
    const qs = checkInQuestions({
      ...base,
      services: [],
      behaviorSteps: [{ id: ID(300), kind: 'reward', text: 'Sticker chart: 5 stickers earn computer time' }],
    });
    expect(qs).toHaveLength(1);
    expect(qs[0]).toMatchObject({ kind: 'behavior', subjectId: ID(50) });
    expect(qs[0]!.followUp).toContain('Sticker chart');
  });

  it('asks nothing about behavior when the plan has no behavior steps', () => {
    expect(checkInQuestions({ ...base, services: [] })).toEqual([]);
  });

  it('keeps the list short: at most three session questions and eight in all, the behavior question kept', () => {
    const many = Array.from({ length: 12 }, (_, i) => acc(i, `Accommodation number ${i}`));
    const services = Array.from({ length: 5 }, (_, i) => ({
      ...SPEECH,
      id: ID(10 + i),
      name: `Service ${i}`,
      area: 'other',
    }));
    const qs = checkInQuestions({
      ...base,
      services,
      accommodations: many,
      behaviorSteps: [{ id: ID(300), kind: 'strategy', text: 'Offer a break' }],
    });
    expect(qs).toHaveLength(MAX_CHECK_IN_QUESTIONS);
    expect(qs.filter((q) => q.kind === 'session')).toHaveLength(3);
    expect(qs.at(-1)!.kind).toBe('behavior');
  });

  it('gives the same keys for the same plan, so a week’s answers can be matched to their questions', () => {
    const sources = { ...base, accommodations: [acc(1, 'Preferential seating')] };
    expect(checkInQuestions(sources).map((q) => q.key)).toEqual(checkInQuestions(sources).map((q) => q.key));
  });
});

describe('words for services and days', () => {
  it('names services the way children do', () => {
    expect(childWordsForService(SPEECH)).toBe('speech');
    expect(childWordsForService(READING)).toBe('reading group');
    expect(childWordsForService({ name: 'Occupational therapy', area: 'ot' })).toBe('OT');
  });
  it('says today, yesterday, or the weekday', () => {
    expect(dayPhrase('2026-10-08', '2026-10-08')).toBe('today');
    expect(dayPhrase('2026-10-07', '2026-10-08')).toBe('yesterday');
    expect(dayPhrase('2026-10-05', '2026-10-08')).toBe('on Monday');
  });
});

describe('check-in answers', () => {
  const answer = {
    kind: 'session',
    questionKey: 'k',
    ask: 'What happened in speech on Tuesday?',
    serviceId: SPEECH.id,
    outcome: 'did_not_happen',
  };
  it('needs the day for a session the child says happened or did not', () => {
    const result = CheckInInput.safeParse({ childId: ID(9), date: '2026-10-08', answers: [answer] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['answers', 0, 'sessionDate'] });
  });
  it('accepts “not sure” without a day, and refuses a day after the check-in', () => {
    expect(
      CheckInInput.safeParse({
        childId: ID(9),
        date: '2026-10-08',
        answers: [{ ...answer, outcome: 'not_sure' }],
      }).success,
    ).toBe(true);
    const late = CheckInInput.safeParse({
      childId: ID(9),
      date: '2026-10-08',
      answers: [{ ...answer, sessionDate: '2026-10-09' }],
    });
    expect(late.error!.issues[0]!.message).toContain('check-in date');
  });
});
