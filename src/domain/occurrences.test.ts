import { describe, expect, it } from 'vitest';
import { type CaseAccommodation, occurrencesOf } from './case-record.ts';
import {
  type AccommodationEvidence,
  accommodationOccurrences,
  countOccurrences,
  occurrenceWords,
  type SessionStatement,
  scheduleFromTerms,
  sessionOccurrences,
} from './occurrences.ts';

const obs = (
  id: string,
  source: string,
  outcome: AccommodationEvidence['outcome'],
  className: string | null = 'Math',
  more: Partial<AccommodationEvidence> = {},
): AccommodationEvidence => ({
  id,
  accommodationId: 'ext',
  date: '2026-12-04',
  outcome,
  className,
  setting: 'quiz',
  teacherKind: 'regular',
  source,
  ...more,
});

describe('accommodationOccurrences: one lapse, however many records', () => {
  it('an observation, a work sample and a check-in answer on the same day and class are 1 lapse with 3 sources', () => {
    const occurrences = accommodationOccurrences([
      obs('o1', 'parent_saw', 'not_provided'),
      obs('w1', 'work_sample', 'not_provided', 'math ', { record: 'work_sample' }),
      obs('c1', 'child_report', 'not_provided', 'Math'),
    ]);
    expect(occurrences).toHaveLength(1);
    const [o] = occurrences;
    expect(o!.lapse).toBe(true);
    expect(o!.sources.map((s) => s.id)).toEqual(['w1', 'o1', 'c1']);
    expect(o!.decidedBy.id).toBe('w1');
    expect(o!.disagreement).toBe(false);
    expect(o!.entryIds.sort()).toEqual(['c1', 'o1', 'w1']);
    expect(countOccurrences(occurrences)).toMatchObject({
      occurrences: 1,
      lapses: 1,
      known: 1,
      knownDays: 1,
    });
    expect(occurrenceWords(o!, 'Emma').summary).toBe(
      "1 lapse, 3 sources: a work sample, your note, Emma's report",
    );
    expect(occurrenceWords(o!, 'Emma', 'es').summary).toBe(
      '1 falta, 3 fuentes: una muestra de trabajo, su nota, lo que contó Emma',
    );
  });

  it('different classes on the same day are 2 occurrences', () => {
    const occurrences = accommodationOccurrences([
      obs('o1', 'parent_saw', 'not_provided', 'Math'),
      obs('o2', 'parent_saw', 'not_provided', 'Science'),
    ]);
    expect(occurrences).toHaveLength(2);
    expect(countOccurrences(occurrences)).toMatchObject({ lapses: 2, known: 2, knownDays: 1 });
  });

  it('different days are different occurrences, and so are different accommodations', () => {
    expect(
      accommodationOccurrences([
        obs('a', 'parent_saw', 'not_provided'),
        obs('b', 'parent_saw', 'not_provided', 'Math', { date: '2026-12-03' }),
        obs('c', 'parent_saw', 'not_provided', 'Math', { accommodationId: 'seat' }),
      ]),
    ).toHaveLength(3);
  });

  it('keeps a disagreement: the teacher outweighs the child, and the child stays as a question', () => {
    const [o] = accommodationOccurrences([
      obs('c1', 'child_report', 'not_provided'),
      obs('t1', 'teacher', 'provided'),
    ]);
    expect(o!.outcome).toBe('provided');
    expect(o!.lapse).toBe(false);
    expect(o!.disagreement).toBe(true);
    expect(o!.disagreeing.map((s) => s.id)).toEqual(['c1']);
    expect(o!.sources.map((s) => s.id)).toEqual(['t1', 'c1']);
    const words = occurrenceWords(o!, 'Emma');
    expect(words.summary).toBe("in place, 2 sources: the teacher's word, Emma's report");
    expect(words.question).toBe(
      "The teacher's word says it was in place; Emma's report says it was not in place. Which is right? The teacher's word counts until you correct one of them.",
    );
    // In Spanish, for a reader of Spanish: the same facts, the child's name as given.
    expect(occurrenceWords(o!, 'Emma', 'es')).toEqual({
      summary: 'se dio, 2 fuentes: lo que dijo el maestro o la maestra, lo que contó Emma',
      question:
        'Según lo que dijo el maestro o la maestra, se dio; según lo que contó Emma, no se dio. ¿Qué es lo correcto? Cuenta lo que dijo el maestro o la maestra hasta que usted corrija uno de los dos registros.',
    });
  });

  it('an "unknown" never outweighs a known outcome; "partly" and "not provided" agree (both lapses)', () => {
    const [o] = accommodationOccurrences([
      obs('s', 'school_record', 'unknown'),
      obs('p', 'parent_saw', 'partly'),
      obs('c', 'child_report', 'not_provided'),
    ]);
    expect(o!.outcome).toBe('partly');
    expect(o!.decidedBy.id).toBe('p');
    expect(o!.disagreement).toBe(false);
  });

  it('an item without a class joins the one classed occurrence of its day', () => {
    const occurrences = accommodationOccurrences([
      obs('o1', 'parent_saw', 'not_provided', 'Math'),
      obs('c1', 'child_report', 'not_provided', null),
    ]);
    expect(occurrences).toHaveLength(1);
    expect(occurrences[0]!.className).toBe('Math');
  });

  it('items without a class are one occurrence together when no record names a class', () => {
    const occurrences = accommodationOccurrences([
      obs('o1', 'parent_saw', 'not_provided', null),
      obs('c1', 'child_report', 'not_provided', '  '),
    ]);
    expect(occurrences).toHaveLength(1);
    expect(occurrences[0]!.classUnplaced).toBe(false);
  });

  it('with two classes that day, an item without a class stands apart (unplaced), never guessed into one', () => {
    const occurrences = accommodationOccurrences([
      obs('m', 'parent_saw', 'not_provided', 'Math'),
      obs('s', 'parent_saw', 'not_provided', 'Science'),
      obs('u', 'child_report', 'not_provided', null),
    ]);
    expect(occurrences).toHaveLength(3);
    expect(occurrences.find((o) => o.entryIds.includes('u'))!.classUnplaced).toBe(true);
  });

  it('leaves voided records out', () => {
    expect(
      accommodationOccurrences([
        obs('o1', 'parent_saw', 'not_provided', 'Math', { voidedAt: '2026-12-05T10:00:00Z' }),
      ]),
    ).toEqual([]);
  });

  it('within one source the latest record decides (ids are UUIDv7, so in order of recording)', () => {
    const [o] = accommodationOccurrences([
      obs('0001', 'parent_saw', 'not_provided'),
      obs('0002', 'parent_saw', 'provided'),
    ]);
    expect(o!.outcome).toBe('provided');
    expect(o!.disagreement).toBe(true);
  });

  it('a substitute noted by any source is kept when the deciding source did not say', () => {
    const [o] = accommodationOccurrences([
      obs('w', 'work_sample', 'not_provided', 'Math', { record: 'work_sample', teacherKind: 'unknown' }),
      obs('c', 'child_report', 'not_provided', 'Math', { teacherKind: 'substitute' }),
    ]);
    expect(o!.teacherKind).toBe('substitute');
  });
});

const entry = (
  id: string,
  source: string,
  status = 'delivered',
  more: Partial<SessionStatement> = {},
): SessionStatement => ({
  id,
  serviceId: 'speech',
  date: '2026-12-01',
  kind: 'scheduled',
  status,
  source,
  startTime: null,
  ...more,
});

const weekly2 = scheduleFromTerms({
  segments: [
    { startDate: '2026-09-01', endDate: '2027-06-30', sessionsPerPeriod: 2, period: { unit: 'week' } },
  ],
  esyBlocks: [],
});
const weekly1 = scheduleFromTerms({
  segments: [
    { startDate: '2026-09-01', endDate: '2027-06-30', sessionsPerPeriod: 1, period: { unit: 'week' } },
  ],
  esyBlocks: [],
});
const daily2 = scheduleFromTerms({
  segments: [
    { startDate: '2026-09-01', endDate: '2027-06-30', sessionsPerPeriod: 2, period: { unit: 'day' } },
  ],
  esyBlocks: [],
});

describe('sessionOccurrences: one session, however many entries', () => {
  it('the same source ten times is one session: its latest entry is its word, the rest are superseded', () => {
    const ten = Array.from({ length: 10 }, (_, i) =>
      entry(`l${String(i).padStart(2, '0')}`, 'provider_link'),
    );
    const r = sessionOccurrences(ten, (_s, d) => weekly2(d));
    expect(r.occurrences).toHaveLength(1);
    expect(r.counted.map((e) => e.id)).toEqual(['l09']);
    expect(r.occurrences[0]!.superseded).toHaveLength(9);
    expect(r.setAside.size).toBe(9);
  });

  it('a staff link and the parent about the same session are one, counted by the staff link, with the disagreement kept', () => {
    const r = sessionOccurrences(
      [entry('p', 'parent', 'missed'), entry('l', 'provider_link', 'delivered')],
      (_s, d) => weekly2(d),
    );
    expect(r.occurrences).toHaveLength(1);
    const [o] = r.occurrences;
    expect(o!.counted.id).toBe('l');
    expect(o!.statements.map((e) => e.id)).toEqual(['l', 'p']);
    expect(o!.disagreement).toBe(true);
    expect(r.counted.map((e) => e.id)).toEqual(['l']);
  });

  it('no disagreement when they agree', () => {
    const r = sessionOccurrences([entry('p', 'parent'), entry('l', 'provider_link')], (_s, d) => weekly2(d));
    expect(r.occurrences[0]!.disagreement).toBe(false);
  });

  it('two start times on one day are two sessions', () => {
    const r = sessionOccurrences(
      [
        entry('a', 'parent', 'delivered', { startTime: '09:00' }),
        entry('b', 'parent', 'delivered', { startTime: '13:00' }),
        entry('c', 'school_log', 'delivered', { startTime: '13:00' }),
      ],
      (_s, d) => weekly2(d),
    );
    expect(r.occurrences.map((o) => o.startTime)).toEqual(['09:00', '13:00']);
    expect(r.counted.map((e) => e.id).sort()).toEqual(['a', 'c']);
  });

  it('a daily service with two sessions a day has two occurrences a day, from one source', () => {
    const r = sessionOccurrences([entry('a', 'parent'), entry('b', 'parent')], (_s, d) => daily2(d));
    expect(r.occurrences).toHaveLength(2);
    expect(r.counted).toHaveLength(2);
  });

  it('never credits more occurrences than the plan schedules from one source', () => {
    const ten = Array.from({ length: 10 }, (_, i) => entry(`l${i}`, 'provider_link'));
    expect(sessionOccurrences(ten, (_s, d) => daily2(d)).counted.map((e) => e.id)).toEqual(['l8', 'l9']);
    // Distinct start times beyond what the plan schedules are merged, the closest first.
    const timed = sessionOccurrences(
      [
        entry('a', 'parent', 'delivered', { startTime: '09:00' }),
        entry('b', 'provider_link', 'delivered', { startTime: '09:05' }),
        entry('c', 'parent', 'delivered', { startTime: '13:00' }),
      ],
      (_s, d) => weekly1(d),
    );
    expect(timed.occurrences).toHaveLength(1);
    expect(timed.counted.map((e) => e.id)).toEqual(['b']);
    const two = sessionOccurrences(
      [
        entry('a', 'parent', 'delivered', { startTime: '09:00' }),
        entry('b', 'provider_link', 'delivered', { startTime: '09:05' }),
        entry('c', 'parent', 'delivered', { startTime: '13:00' }),
      ],
      (_s, d) => weekly2(d),
    );
    expect(two.occurrences.map((o) => o.startTime)).toEqual(['09:00', '13:00']);
  });

  it('without start times a weekly service has at most one occurrence a day (product choice)', () => {
    const r = sessionOccurrences([entry('a', 'parent'), entry('b', 'parent')], (_s, d) => weekly2(d));
    expect(r.occurrences).toHaveLength(1);
    expect(r.counted.map((e) => e.id)).toEqual(['b']);
  });

  it('an entry without a start time joins the first session its source has not spoken about', () => {
    const r = sessionOccurrences(
      [
        entry('s1', 'school_log', 'delivered', { startTime: '09:00' }),
        entry('s2', 'school_log', 'delivered', { startTime: '13:00' }),
        entry('p', 'parent', 'missed'),
      ],
      (_s, d) => weekly2(d),
    );
    expect(r.occurrences).toHaveLength(2);
    expect(r.occurrenceOf.get('p')!.startTime).toBe('09:00');
    expect(r.occurrenceOf.get('p')!.disagreement).toBe(true);
  });

  it("a child's report is the lowest source: set aside beside any other record, counted when alone", () => {
    for (const source of ['school_log', 'provider', 'provider_link', 'parent']) {
      const r = sessionOccurrences([entry('kid', 'child_report', 'missed'), entry('x', source)]);
      expect(r.counted.map((e) => e.id)).toEqual(['x']);
    }
    const alone = sessionOccurrences([entry('kid', 'child_report', 'missed')]);
    expect(alone.counted.map((e) => e.id)).toEqual(['kid']);
  });

  it('keeps make-ups, voids and other services and dates apart', () => {
    const r = sessionOccurrences([
      entry('a', 'parent'),
      entry('mk', 'parent', 'delivered', { kind: 'makeup' }),
      entry('v', 'parent', 'void'),
      entry('ot', 'school_log', 'delivered', { serviceId: 'ot' }),
      entry('d2', 'school_log', 'delivered', { date: '2026-12-02' }),
    ]);
    expect(r.counted.map((e) => e.id)).toEqual(['a', 'mk', 'v', 'ot', 'd2']);
    expect(r.occurrences).toHaveLength(3);
  });

  it('finds a shared day whatever the order of the entries; `singles: false` keeps only shared sessions', () => {
    const unsorted = [
      entry('b', 'parent', 'delivered', { date: '2026-12-02' }),
      entry('a', 'parent', 'delivered', { date: '2026-12-01' }),
      entry('c', 'provider_link', 'missed', { date: '2026-12-02' }),
    ];
    const all = sessionOccurrences(unsorted);
    expect(all.occurrences.map((o) => [o.date, o.counted.id])).toEqual([
      ['2026-12-01', 'a'],
      ['2026-12-02', 'c'],
    ]);
    expect(all.counted.map((e) => e.id)).toEqual(['a', 'c']);
    const shared = sessionOccurrences(unsorted, undefined, { singles: false });
    expect(shared.occurrences.map((o) => o.date)).toEqual(['2026-12-02']);
    expect(shared.counted.map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('the precedence is school log, provider, staff link, parent, child', () => {
    const r = sessionOccurrences([
      entry('kid', 'child_report'),
      entry('par', 'parent'),
      entry('link', 'provider_link'),
      entry('prov', 'provider'),
      entry('log', 'school_log'),
    ]);
    expect(r.occurrences[0]!.statements.map((e) => e.id)).toEqual(['log', 'prov', 'link', 'par', 'kid']);
  });

  it('an ESY block sets the schedule on its dates', () => {
    const of = scheduleFromTerms({
      segments: [
        { startDate: '2026-09-01', endDate: '2027-06-30', sessionsPerPeriod: 1, period: { unit: 'week' } },
      ],
      esyBlocks: [
        { startDate: '2027-07-01', endDate: '2027-07-31', sessionsPerPeriod: 2, period: { unit: 'day' } },
      ],
    });
    expect(of('2026-12-01')).toEqual({ daily: false, sessions: 1 });
    expect(of('2027-07-06')).toEqual({ daily: true, sessions: 2 });
    expect(of('2027-08-06')).toEqual({ daily: false, sessions: null });
  });
});

describe("occurrencesOf: a case record's accommodation, worked out once", () => {
  const accommodation = (): CaseAccommodation => ({
    id: 'ext',
    text: 'Extended time (1.5x) on tests',
    observations: [
      obs('o1', 'parent', 'not_provided'),
      obs('o2', 'teacher', 'not_provided'),
      obs('o3', 'parent', 'provided', 'Math', { date: '2026-12-07' }),
    ].map(({ accommodationId: _, ...o }) => ({
      ...o,
      record: 'observation' as const,
      setting: o.setting ?? null,
      teacherKind: o.teacherKind ?? 'regular',
      note: null,
    })),
  });

  it('gives the same occurrences as counting them afresh, the same each time, and refuses to be changed', () => {
    const a = accommodation();
    const first = occurrencesOf(a);
    expect(first).toEqual(
      accommodationOccurrences(a.observations.map((o) => ({ ...o, accommodationId: a.id }))),
    );
    expect(first).toHaveLength(2);
    expect(occurrencesOf(a)).toBe(first);
    expect(() => (first as unknown[]).push({})).toThrow(TypeError);
    // Another accommodation with the same records is counted on its own.
    const other = accommodation();
    expect(occurrencesOf(other)).not.toBe(first);
    expect(occurrencesOf(other)).toEqual(first);
  });
});
