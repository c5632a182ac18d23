import { describe, expect, it } from 'vitest';
import {
  type FamilyEntry,
  reconcileServiceLog,
  reconciliationSummary,
  type SchoolLogSession,
} from './service-log-reconcile.ts';
import { checkTone } from './tone.ts';

const SPEECH = 'svc-speech';
const options = { serviceNames: { [SPEECH]: 'Speech-language therapy' }, childName: 'Emma' };

let line = 1;
function school(date: string, over: Partial<SchoolLogSession> = {}): SchoolLogSession {
  line++;
  return {
    line,
    serviceId: SPEECH,
    date,
    startTime: null,
    kind: 'scheduled',
    status: 'delivered',
    reason: null,
    minutes: 30,
    statusText: 'Delivered',
    provider: 'Ms. Rivera',
    ...over,
  };
}

let seq = 0;
function entry(date: string, over: Partial<FamilyEntry> = {}): FamilyEntry {
  seq++;
  return {
    id: `0190-${String(seq).padStart(4, '0')}`,
    serviceId: SPEECH,
    date,
    kind: 'scheduled',
    status: 'delivered',
    source: 'parent',
    minutesDelivered: 30,
    reason: null,
    startTime: null,
    ...over,
  };
}

describe('reconcileServiceLog', () => {
  it('a session both record alike agrees', () => {
    const r = reconcileServiceLog([school('2026-10-06')], [entry('2026-10-06')], options);
    expect(r.items).toEqual([
      expect.objectContaining({
        kind: 'agree',
        key: 'line:2',
        question: null,
        summary: 'Both say delivered, 30 minutes.',
      }),
    ]);
  });

  it('the school logs delivered where the family logged missed, or the child said it did not happen', () => {
    const rows = [school('2026-10-06'), school('2026-10-13')];
    const entries = [
      entry('2026-10-06', { status: 'missed', reason: 'unknown', minutesDelivered: 0 }),
      entry('2026-10-13', {
        status: 'missed',
        reason: 'unknown',
        minutesDelivered: 0,
        source: 'child_report',
      }),
      entry('2026-10-13', { source: 'parent' }),
    ];
    const r = reconcileServiceLog(rows, entries, options);
    expect(r.items.map((i) => i.kind)).toEqual([
      'school_delivered_family_missed',
      'school_delivered_family_missed',
    ]);
    expect(r.items[0]!.question).toBe(
      'The service log lists speech-language therapy as delivered on Tuesday, October 6; my notes say it did not take place that day. Could you help me understand what happened?',
    );
    expect(r.items[1]!.question).toContain('Emma’s check-in for that day says it did not take place');
    // The parent's entry and the child's report are one session with two sources, matched once.
    expect(r.items[1]!.family!.sources).toEqual(['parent', 'child_report']);
    expect(r.items[1]!.family!.entryIds).toHaveLength(2);
  });

  it('the school has a session the family has nothing for, and the family one the school lacks', () => {
    const r = reconcileServiceLog(
      [school('2026-10-06'), school('2026-10-13')],
      [entry('2026-10-08'), entry('2026-10-20')],
      options,
    );
    // 10-20 is after the log's last date: not compared.
    expect(r.items.map((i) => [i.date, i.kind])).toEqual([
      ['2026-10-06', 'school_only'],
      ['2026-10-08', 'family_only'],
      ['2026-10-13', 'school_only'],
    ]);
    expect(r.items[1]!.key).toMatch(/^entry:/);
    expect(r.items[1]!.question).toBe(
      'My notes show speech-language therapy on Thursday, October 8, but the service log does not list a session that day. Could you check whether it was logged?',
    );
  });

  it('the minutes differ, and the reasons differ', () => {
    const r = reconcileServiceLog(
      [
        school('2026-10-06', { minutes: 20 }),
        school('2026-10-08', { status: 'missed', reason: 'student_absent', minutes: 0 }),
      ],
      [
        entry('2026-10-06'),
        entry('2026-10-08', { status: 'missed', reason: 'provider_absent', minutesDelivered: 0 }),
      ],
      options,
    );
    expect(r.items.map((i) => i.kind)).toEqual(['minutes_differ', 'reason_differs']);
    expect(r.items[0]!.question).toBe(
      'The service log gives 20 minutes for speech-language therapy on Tuesday, October 6; my notes say 30 minutes. Could you help me understand the difference?',
    );
    expect(r.items[1]!.question).toBe(
      'The service log gives “student absent” as the reason speech-language therapy did not take place on Thursday, October 8; my notes say “provider absent”. Could you help me understand what happened that day?',
    );
  });

  it('the school logs not held where the family says it happened', () => {
    const r = reconcileServiceLog(
      [school('2026-10-06', { status: 'missed', reason: 'provider_absent', minutes: 0 })],
      [entry('2026-10-06')],
      options,
    );
    expect(r.items[0]!.kind).toBe('school_missed_family_delivered');
  });

  it('matches by start time when both have one', () => {
    const r = reconcileServiceLog(
      [
        school('2026-10-06', { startTime: '13:00', minutes: 25 }),
        school('2026-10-06', { startTime: '09:00' }),
      ],
      [entry('2026-10-06', { startTime: '09:05' }), entry('2026-10-06', { startTime: '13:00' })],
      { ...options, scheduleOf: () => ({ daily: true, sessions: 2 }) },
    );
    expect(r.items.map((i) => [i.startTime, i.kind])).toEqual([
      ['09:00', 'agree'],
      ['13:00', 'minutes_differ'],
    ]);
  });

  it('knows a row the record already holds from this log', () => {
    const rows = [school('2026-10-06')];
    const recorded = entry('2026-10-06', { source: 'school_log' });
    const r = reconcileServiceLog(
      rows,
      [recorded, entry('2026-10-06', { status: 'missed', reason: 'unknown', minutesDelivered: 0 })],
      options,
    );
    expect(r.items[0]).toMatchObject({
      kind: 'school_delivered_family_missed',
      recordedEntryId: recorded.id,
    });
    expect(r.recorded).toBe(1);
  });

  it('compares make-ups by date and minutes', () => {
    const r = reconcileServiceLog(
      [school('2026-10-07', { kind: 'makeup', minutes: 30 })],
      [entry('2026-10-07', { kind: 'makeup', minutesDelivered: 30 })],
      options,
    );
    expect(r.items.map((i) => i.kind)).toEqual(['agree']);
  });

  it('asks every question without an accusation (the tone check finds nothing)', () => {
    const rows = [
      school('2026-10-05'),
      school('2026-10-06', { minutes: 20 }),
      school('2026-10-07', { status: 'missed', reason: 'student_absent', minutes: 0 }),
      school('2026-10-08', { status: 'missed', reason: 'provider_absent', minutes: 0 }),
      school('2026-10-09'),
      school('2026-10-12', { status: 'missed', reason: 'school_event', minutes: 0 }),
    ];
    const entries = [
      entry('2026-10-05', {
        status: 'missed',
        reason: 'unknown',
        minutesDelivered: 0,
        source: 'child_report',
      }),
      entry('2026-10-06'),
      entry('2026-10-07', { status: 'missed', reason: 'provider_absent', minutesDelivered: 0 }),
      entry('2026-10-08'),
      entry('2026-10-10', { status: 'missed', reason: 'unknown', minutesDelivered: 0 }),
    ];
    const r = reconcileServiceLog(rows, entries, options);
    const questions = r.items.map((i) => i.question).filter((q): q is string => q != null);
    expect(questions.length).toBeGreaterThanOrEqual(6);
    for (const q of questions) expect(checkTone(q), q).toEqual([]);
    expect(reconciliationSummary(r)).toBe(
      '0 sessions agree; 7 differ: 1 logged as delivered where your record says not held, 1 logged as not held where your record says it happened, 2 only in the school’s log, 1 only in your record, 1 with different minutes and 1 with a different reason.',
    );
  });

  it('reconciles 1,000 rows, each compared (its speed is measured by the bench)', () => {
    const rows: SchoolLogSession[] = [];
    const entries: FamilyEntry[] = [];
    const start = Date.UTC(2026, 8, 8);
    for (let i = 0; i < 1000; i++) {
      const date = new Date(start + Math.floor(i / 4) * 86_400_000).toISOString().slice(0, 10);
      const serviceId = `svc-${i % 4}`;
      rows.push(school(date, { serviceId, minutes: i % 7 === 0 ? 20 : 30 }));
      if (i % 3 !== 0)
        entries.push(
          entry(date, {
            serviceId,
            status: i % 11 === 0 ? 'missed' : 'delivered',
            reason: i % 11 === 0 ? 'unknown' : null,
          }),
        );
      if (i % 9 === 0) entries.push(entry(date, { serviceId, source: 'child_report' }));
    }
    const names = { 'svc-0': 'Speech', 'svc-1': 'OT', 'svc-2': 'PT', 'svc-3': 'Counseling' };
    // Its speed is for `npm run bench`; a test never asserts a timing.
    const r = reconcileServiceLog(rows, entries, { serviceNames: names, childName: 'Emma' });
    expect(r.items.length).toBeGreaterThanOrEqual(1000);
  });
});
