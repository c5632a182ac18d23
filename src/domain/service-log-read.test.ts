import { describe, expect, it } from 'vitest';
import { parseCsv } from './service-log-csv.ts';
import { previewRows, type ReadServiceLogOptions, readServiceLog } from './service-log-read.ts';

const speech = { id: 'svc-speech', name: 'Speech-language therapy', area: 'speech' as const };
const ot = { id: 'svc-ot', name: 'Occupational therapy', area: 'ot' as const };

const options: ReadServiceLogOptions = {
  child: { firstName: 'Emma', lastName: 'Lopez' },
  studentId: null,
  services: [speech, ot],
  defaultServiceId: speech.id,
  country: 'US',
};

const grid = (text: string) => parseCsv(text).rows;

describe('readServiceLog', () => {
  it('reads a one-student log with the usual columns', () => {
    const log = grid(
      [
        'Date,Service,Provider,Minutes,Status,Notes',
        '10/6/2026,SLP,Ms. Rivera,30,Delivered,Articulation /r/',
        '10/8/2026,SLP,Ms. Rivera,0,Student Absent,',
        '10/13/2026,SLP,Ms. Rivera,0:30,Make-up,For 10/8',
      ].join('\n'),
    );
    const r = readServiceLog(log, options);
    expect(r.problem).toBeNull();
    expect(r.rows).toEqual([
      {
        line: 2,
        date: '2026-10-06',
        startTime: null,
        minutes: 30,
        plannedMinutes: null,
        serviceId: speech.id,
        serviceText: 'SLP',
        provider: 'Ms. Rivera',
        kind: 'scheduled',
        status: 'delivered',
        reason: null,
        statusText: 'Delivered',
        note: 'Articulation /r/',
        checks: [],
      },
      expect.objectContaining({ line: 3, status: 'missed', reason: 'student_absent', minutes: 0 }),
      expect.objectContaining({ line: 4, kind: 'makeup', status: 'delivered', minutes: 30 }),
    ]);
    expect(r.counts).toEqual({ total: 3, read: 3, otherStudents: 0, problems: 0, skipped: 0 });
    expect(r.notes).toEqual(['The file names no student: every row is read as Emma Lopez’s.']);
    expect(r.dates).toMatchObject({ order: 'mdy', from: '2026-10-06', to: '2026-10-13' });
  });

  it('lists every row it does not read, with the reason', () => {
    const log = grid(
      [
        'Speech Services Log',
        'Date,Minutes,Status',
        '10/6/2026,30,Delivered',
        '',
        '13/45/2026,30,Delivered',
        '10/9/2026,lots,Delivered',
        '10/12/2026,30,Zoom link broken',
        'Page 1 of 2',
        'Date,Minutes,Status',
        '10/14/2026,30,Delivered',
        'Total,60,',
      ].join('\n'),
    );
    const r = readServiceLog(log, options);
    expect(r.rows.map((x) => x.line)).toEqual([3, 10]);
    expect(r.unread).toEqual([
      { line: 4, kind: 'blank', reason: 'a blank line' },
      { line: 5, kind: 'problem', reason: '“13/45/2026” is not a date' },
      { line: 6, kind: 'problem', reason: '“lots” is not a number of minutes' },
      { line: 7, kind: 'problem', reason: 'the status “Zoom link broken” is not one As Written knows' },
      { line: 8, kind: 'page', reason: 'a page heading or footer' },
      { line: 9, kind: 'header', reason: 'the table’s header again (a new page)' },
      { line: 11, kind: 'total', reason: 'a total line' },
    ]);
    expect(r.counts).toEqual({ total: 9, read: 2, otherStudents: 0, problems: 3, skipped: 4 });
    expect(r.unknownStatuses).toEqual(['Zoom link broken']);
  });

  it('reads dates in several formats, and a file written day first', () => {
    const log = grid(
      ['Date,Minutes', '2026-10-06,30', '"Oct 7, 2026",30', '8-Oct-26,30', 'Friday October 9 2026,30'].join(
        '\n',
      ),
    );
    expect(readServiceLog(log, options).rows.map((r) => r.date)).toEqual([
      '2026-10-06',
      '2026-10-07',
      '2026-10-08',
      '2026-10-09',
    ]);
    const dayFirst = grid(['Date,Minutes', '06/10/2026,30', '25/10/2026,30'].join('\n'));
    const r = readServiceLog(dayFirst, { ...options, country: 'CA' });
    expect(r.rows.map((x) => x.date)).toEqual(['2026-10-06', '2026-10-25']);
    expect(r.dates).toMatchObject({ order: 'dmy', basis: 'document' });
  });

  it('takes a missing year from the service’s dates', () => {
    const log = grid(['Date,Minutes', 'Oct 6,30', '1/12,30'].join('\n'));
    const r = readServiceLog(log, { ...options, yearWithin: { from: '2026-09-08', to: '2027-06-11' } });
    expect(r.rows.map((x) => x.date)).toEqual(['2026-10-06', '2027-01-12']);
    expect(r.rows[0]!.checks).toEqual([
      '“Oct 6” has no year: read as 2026',
      'no status: read as delivered (minutes given)',
    ]);
    expect(readServiceLog(log, options).unread[0]).toEqual({
      line: 2,
      kind: 'problem',
      reason: 'the date “Oct 6” has no year',
    });
  });

  it('keeps only this child’s rows of a group log, and counts the others without naming them', () => {
    const log = grid(
      [
        'Date,Student,Service,Minutes,Attendance',
        '10/6/2026,"Lopez, Emma",Speech Lang,30,Present',
        '10/6/2026,"Nguyen, Liam",Speech Lang,30,Absent',
        '10/6/2026,"Ortiz, Sofia",Speech Lang,30,Present',
        '10/8/2026,"Lopez, Emma",OT,25,Present',
        '10/8/2026,"Nguyen, Liam",Speech Lang,30,Present',
      ].join('\n'),
    );
    const r = readServiceLog(log, options);
    expect(r.rows.map((x) => [x.line, x.serviceId, x.minutes])).toEqual([
      [2, speech.id, 30],
      [5, ot.id, 25],
    ]);
    expect(r.counts.otherStudents).toBe(3);
    expect(r.otherStudentNames).toBe(2);
    expect(r.notes[0]).toBe(
      'This file holds rows for 2 other students (3 rows). Only Emma Lopez’s rows are read; the others are not kept.',
    );
    expect(JSON.stringify(r)).not.toMatch(/Nguyen|Ortiz|Liam|Sofia/);
  });

  it('reads a group log that prints the session once over its students', () => {
    const log = grid(
      [
        'Date,Service,Student,Minutes,Status',
        '10/6/2026,SLP,,,',
        ',,Liam Nguyen,30,Present',
        ',,Emma Lopez,30,Present',
        '10/8/2026,SLP,Emma Lopez,0,Absent',
      ].join('\n'),
    );
    const r = readServiceLog(log, options);
    expect(r.rows.map((x) => [x.line, x.date, x.status])).toEqual([
      [4, '2026-10-06', 'delivered'],
      [5, '2026-10-08', 'missed'],
    ]);
    expect(r.rows[0]!.checks).toEqual(['the date is the one above (the log prints it once for the group)']);
    expect(r.unread.map((u) => [u.line, u.kind])).toEqual([
      [2, 'header'],
      [3, 'other_student'],
    ]);
  });

  it('refuses a log for another child', () => {
    const log = grid(
      ['Date,Student Name,Minutes', '10/6/2026,Liam Nguyen,30', '10/8/2026,Liam Nguyen,30'].join('\n'),
    );
    const r = readServiceLog(log, options);
    expect(r.problem).toEqual({
      kind: 'another_child',
      message:
        'This looks like a log for another child: none of its 2 rows name Emma Lopez. Nothing was saved.',
      words: {
        key: 'servicelog.problem.anotherChild',
        values: { rows: 2, count: '2', child: 'Emma Lopez', withId: 'no' },
      },
    });
    expect(r.rows).toEqual([]);
    const titled = grid(['Student: Liam Nguyen', 'Date,Minutes', '10/6/2026,30'].join('\n'));
    expect(readServiceLog(titled, options).problem?.kind).toBe('another_child');
  });

  it('says a file that is not a log is not one', () => {
    const r = readServiceLog(grid('Dear parent,\nThank you for your letter.\n'), options);
    expect(r.problem).toEqual({
      kind: 'not_a_log',
      message:
        'This file does not look like a service log: none of its first rows names the columns a log has (a date, with minutes, a status or a service).',
      words: { key: 'servicelog.problem.notALog' },
    });
  });

  it('asks for the student ID when the log names students by ID only', () => {
    const log = grid(['Date,Student ID,Minutes', '10/6/2026,123,30', '10/6/2026,456,30'].join('\n'));
    expect(readServiceLog(log, options).problem?.kind).toBe('needs_student_id');
    const r = readServiceLog(log, { ...options, studentId: '0123' });
    expect(r.problem).toBeNull();
    expect(r.rows.map((x) => x.line)).toEqual([2]);
  });

  it('follows the parent’s mapping: columns, a service, a status, the date order', () => {
    const log = grid(
      ['When,What,How long,Outcome', '06/10/2026,Group,30,Zoom down', '07/10/2026,SAI,30,Done'].join('\n'),
    );
    expect(readServiceLog(log, options).problem?.kind).toBe('not_a_log');
    const r = readServiceLog(log, {
      ...options,
      mapping: {
        headerLines: [1],
        columns: { date: 0, service: 1, minutes: 2, status: 3 },
        services: { group: speech.id, sai: null },
        statuses: { 'zoom down': { kind: 'scheduled', status: 'missed', reason: 'provider_absent' } },
        dateOrder: 'dmy',
      },
    });
    expect(r.rows.map((x) => [x.date, x.serviceId, x.status, x.reason])).toEqual([
      ['2026-10-06', speech.id, 'missed', 'provider_absent'],
    ]);
    expect(r.unread).toEqual([
      { line: 3, kind: 'problem', reason: 'the service “SAI” is not matched to one of the plan’s services' },
    ]);
    expect(r.dates.basis).toBe('parent');
  });

  it('works out minutes from start and end times, and reads hours', () => {
    const log = grid(['Date,Time In,Time Out,Status', '10/6/2026,9:00 AM,9:30 AM,Present'].join('\n'));
    const r = readServiceLog(log, options);
    expect(r.rows[0]).toMatchObject({ startTime: '09:00', minutes: 30 });
    const hours = grid(['Date,Hours,Status', '10/6/2026,0.5,Present'].join('\n'));
    expect(readServiceLog(hours, options).rows[0]!.minutes).toBe(30);
  });

  it('shows the first rows for the mapping step without another student’s name', () => {
    const log = grid(
      ['Date,Student,Minutes,Notes', '10/6/2026,Liam Nguyen,30,Good', '10/6/2026,Emma Lopez,30,Fine'].join(
        '\n',
      ),
    );
    const r = readServiceLog(log, options);
    expect(previewRows(log, r)).toEqual([
      { line: 2, cells: ['10/6/2026', '', '30', ''], whose: 'another_student' },
      { line: 3, cells: ['10/6/2026', 'Emma Lopez', '30', 'Fine'], whose: 'this_child' },
    ]);
  });

  it('reads a 50,000-row log whole (its speed is measured by npm run bench, never asserted)', () => {
    const lines = ['Date,Student,Service,Minutes,Status'];
    for (let i = 0; i < 50_000; i++) {
      const day = 1 + (i % 28);
      lines.push(`10/${day}/2026,${i % 5 === 0 ? 'Emma Lopez' : `Student ${i % 40}`},SLP,30,Delivered`);
    }
    const rows = grid(lines.join('\n'));
    const r = readServiceLog(rows, options);
    expect(r.rows).toHaveLength(10_000);
  });
});
