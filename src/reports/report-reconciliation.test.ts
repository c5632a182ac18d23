import { describe, expect, it } from 'vitest';
import {
  type ReportServiceLogInput,
  reconciliationSection,
  reconciliationSentence,
} from './report-reconciliation.ts';

// The report's reconciliation section (issue 19): the lines of each log's reconciliation, counted over
// the range per service; a session two logs cover is counted once, by the log imported last.

const names: Record<string, string> = { speech: 'Speech', ot: 'Occupational therapy' };
const name = (id: string) => names[id] ?? 'A service';

const older: ReportServiceLogInput = {
  importId: 'a',
  importedAt: '2026-10-20T10:00:00.000Z',
  items: [
    { serviceId: 'speech', date: '2026-10-06', kind: 'agree' },
    { serviceId: 'speech', date: '2026-10-08', kind: 'school_delivered_family_missed' },
    { serviceId: 'speech', date: '2026-10-13', kind: 'minutes_differ' },
    { serviceId: 'ot', date: '2026-10-07', kind: 'family_only' },
    // Outside the range.
    { serviceId: 'speech', date: '2026-11-03', kind: 'school_only' },
  ],
};
const newer: ReportServiceLogInput = {
  importId: 'b',
  importedAt: '2026-10-30T10:00:00.000Z',
  items: [
    // The school's later log says the 13th agrees after all: it wins for that session.
    { serviceId: 'speech', date: '2026-10-13', kind: 'agree' },
    { serviceId: 'speech', date: '2026-10-15', kind: 'school_delivered_family_missed' },
    { serviceId: 'speech', date: '2026-10-20', kind: 'school_only' },
  ],
};
const RANGE = { from: '2026-10-01', to: '2026-10-31' };

describe('the report’s reconciliation section', () => {
  it('counts the sessions that agree and differ, by kind, per service and in all', () => {
    const r = reconciliationSection([older, newer], RANGE, name)!;
    expect(r.logs).toBe(2);
    expect(r.agree).toBe(2);
    expect(r.differ).toBe(4);
    expect(r.byKind).toEqual({
      school_delivered_family_missed: 2,
      school_missed_family_delivered: 0,
      school_only: 1,
      family_only: 1,
      minutes_differ: 0,
      reason_differs: 0,
    });
    expect(r.services.map((s) => [s.name, s.agree, s.differ])).toEqual([
      ['Occupational therapy', 0, 1],
      ['Speech', 2, 3],
    ]);
    expect(r.services[1]!.sentence).toBe(
      '2 sessions agree; 3 differ: 2 logged as delivered where the family’s record says not held and 1 only in the school’s log.',
    );
    expect(r.sentence).toBe(
      '2 sessions agree; 4 differ: 2 logged as delivered where the family’s record says not held, 1 only in the school’s log and 1 only in the family’s record.',
    );
  });

  it('is absent when no log has a line in the range', () => {
    expect(reconciliationSection([], RANGE, name)).toBeNull();
    expect(reconciliationSection([older], { from: '2026-12-01', to: '2026-12-31' }, name)).toBeNull();
  });

  it('says when nothing differs', () => {
    const none = {
      school_delivered_family_missed: 0,
      school_missed_family_delivered: 0,
      school_only: 0,
      family_only: 0,
      minutes_differ: 0,
      reason_differs: 0,
    };
    expect(reconciliationSentence(1, none)).toBe('1 session agrees; none differ.');
  });
});
