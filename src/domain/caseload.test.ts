import { describe, expect, it } from 'vitest';
import {
  type CaseloadUrgencyInput,
  compareByUrgency,
  isUrgent,
  matchesSearch,
  offersCaseload,
  owedChange,
} from './caseload.ts';

const row = (over: Partial<CaseloadUrgencyInput> & { householdName: string }): CaseloadUrgencyInput => ({
  repliesOverdue: 0,
  owedMinutes: 0,
  // Unchanged in four weeks unless a test says otherwise.
  owedMinutesTrendStart: over.owedMinutes ?? 0,
  servicesBehind: 0,
  nextDeadline: null,
  childFirstName: null,
  ...over,
});

describe('the caseload', () => {
  it('a reply overdue makes a row urgent', () => {
    expect(isUrgent(row({ householdName: 'A', repliesOverdue: 1 }))).toBe(true);
  });

  it('a deadline 14 days away is urgent, 15 days away is not', () => {
    expect(isUrgent(row({ householdName: 'A', nextDeadline: { inDays: 14 } }))).toBe(true);
    expect(isUrgent(row({ householdName: 'A', nextDeadline: { inDays: 15 } }))).toBe(false);
  });

  it('minutes owed alone do not make a row urgent', () => {
    expect(isUrgent(row({ householdName: 'A', owedMinutes: 600 }))).toBe(false);
  });

  it('sorts urgent rows first, then by minutes owed, then by the nearest deadline, then by name', () => {
    const rows = [
      row({ householdName: 'Quiet' }),
      row({ householdName: 'Owed a lot', owedMinutes: 300 }),
      row({ householdName: 'Soon, owed little', owedMinutes: 30, nextDeadline: { inDays: 3 } }),
      row({ householdName: 'Overdue, owed more', owedMinutes: 90, repliesOverdue: 1 }),
      row({ householdName: 'Owed a lot, deadline', owedMinutes: 300, nextDeadline: { inDays: 40 } }),
      row({ householdName: 'Also quiet' }),
    ];
    expect([...rows].sort(compareByUrgency).map((r) => r.householdName)).toEqual([
      'Overdue, owed more',
      'Soon, owed little',
      'Owed a lot, deadline',
      'Owed a lot',
      'Also quiet',
      'Quiet',
    ]);
  });

  it('tells how the minutes owed moved in four weeks: up, down or not at all', () => {
    expect(owedChange({ owedMinutes: 90, owedMinutesTrendStart: 30 })).toBe(60);
    expect(owedChange({ owedMinutes: 0, owedMinutesTrendStart: 45 })).toBe(-45);
    expect(owedChange({ owedMinutes: 120, owedMinutesTrendStart: 120 })).toBe(0);
  });

  it('puts, among rows owing the same, the one whose balance grew most first', () => {
    const rows = [
      row({ householdName: 'Falling', owedMinutes: 120, owedMinutesTrendStart: 200 }),
      row({ householdName: 'Steady', owedMinutes: 120 }),
      row({ householdName: 'Rising', owedMinutes: 120, owedMinutesTrendStart: 30 }),
      row({ householdName: 'Owes more, falling', owedMinutes: 150, owedMinutesTrendStart: 400 }),
    ];
    expect([...rows].sort(compareByUrgency).map((r) => r.householdName)).toEqual([
      'Owes more, falling',
      'Rising',
      'Steady',
      'Falling',
    ]);
  });

  it('searches family and child names in any case', () => {
    expect(matchesSearch({ householdName: 'García family', childFirstName: 'Emma' }, 'emma')).toBe(true);
    expect(matchesSearch({ householdName: 'García family', childFirstName: 'Emma' }, 'GARCÍA')).toBe(true);
    expect(matchesSearch({ householdName: 'García family', childFirstName: null }, 'lee')).toBe(false);
  });

  it('is offered to someone in several households, or an advocate in one', () => {
    expect(offersCaseload([{ role: 'owner' }])).toBe(false);
    expect(offersCaseload([{ role: 'advocate' }])).toBe(true);
    expect(offersCaseload([{ role: 'owner' }, { role: 'viewer' }])).toBe(true);
  });
});
