import { describe, expect, it } from 'vitest';
import { type PeriodWordsInput, periodWords } from './period-words.ts';

const base: PeriodWordsInput = {
  unit: 'month',
  esy: false,
  requiredSessions: 2,
  requiredMinutes: 60,
  start: '2026-12-01',
  end: '2026-12-31',
  soFarSessions: 0,
  soFarMinutes: 0,
};

describe('the period wording on the home screen', () => {
  it('a monthly service says the month and what was delivered in it so far', () => {
    expect(periodWords(base)).toBe('2 sessions in December: 0 so far');
    expect(periodWords({ ...base, soFarSessions: 1, soFarMinutes: 30 })).toBe(
      '2 sessions in December: 1 so far',
    );
  });

  it('a monthly service with one session says "1 session"', () => {
    expect(periodWords({ ...base, requiredSessions: 1, requiredMinutes: 30 })).toBe(
      '1 session in December: 0 so far',
    );
  });

  it('a monthly total of minutes counts minutes', () => {
    expect(periodWords({ ...base, requiredSessions: null, requiredMinutes: 120, soFarMinutes: 45 })).toBe(
      '120 minutes in December: 45 so far',
    );
  });

  it('a month with nothing due says so', () => {
    expect(periodWords({ ...base, requiredSessions: 0, requiredMinutes: 0 })).toBe(
      'No sessions due in December',
    );
  });

  it('a month is named from its own dates, not from today', () => {
    expect(periodWords({ ...base, start: '2027-01-01', end: '2027-01-31' })).toBe(
      '2 sessions in January: 0 so far',
    );
  });

  it('a yearly service speaks of the school year', () => {
    expect(
      periodWords({
        ...base,
        unit: 'year',
        requiredSessions: 3,
        start: '2026-09-08',
        end: '2027-06-11',
        soFarSessions: 1,
      }),
    ).toBe('3 sessions this school year: 1 so far');
  });

  it('a cycle service says the cycle and when it ends', () => {
    expect(
      periodWords({
        ...base,
        unit: 'cycle',
        requiredSessions: 1,
        start: '2026-12-01',
        end: '2026-12-08',
        cycleDays: 6,
        cycleLastSchoolDay: '2026-12-08',
      }),
    ).toBe('1 session every 6-day cycle: 0 so far, this cycle ends Tuesday, December 8');
  });

  it('a service counted per term gives the term’s dates', () => {
    expect(
      periodWords({
        ...base,
        unit: 'term',
        requiredSessions: 4,
        start: '2026-11-09',
        end: '2027-01-29',
        soFarSessions: 1,
      }),
    ).toBe('4 sessions this term (November 9 to January 29): 1 so far');
  });

  it('a weekly service speaks of this week', () => {
    expect(
      periodWords({ ...base, unit: 'week', start: '2026-11-30', end: '2026-12-06', soFarSessions: 1 }),
    ).toBe('2 sessions this week: 1 so far');
  });

  it('a daily service gives the amount per day and the week’s total', () => {
    expect(
      periodWords({
        ...base,
        unit: 'day',
        requiredSessions: 5,
        sessionsPerDay: 1,
        start: '2026-11-30',
        end: '2026-12-06',
        soFarSessions: 3,
      }),
    ).toBe('1 session each school day: 5 this week, 3 so far');
  });

  it('"N of every M weeks" names its block of weeks', () => {
    expect(
      periodWords({
        ...base,
        unit: 'weeks',
        requiredSessions: 6,
        start: '2026-11-02',
        end: '2026-11-29',
        pattern: { activeWeeks: 3, everyWeeks: 4 },
        soFarSessions: 2,
      }),
    ).toBe('6 sessions in the 4 weeks from November 2 to November 29 (3 of every 4 weeks): 2 so far');
  });

  it('an extended-school-year amount says so', () => {
    expect(periodWords({ ...base, unit: 'week', esy: true, requiredSessions: 1, start: '2027-07-12' })).toBe(
      'Extended school year: 1 session this week: 0 so far',
    );
  });
});
