import { describe, expect, it } from 'vitest';
import { combineHeaderRows, findHeader, guessColumns, headerSaysHours } from './service-log-columns.ts';

const fields = (headers: string[]) => guessColumns(headers).map((g) => g.field);

describe('guessColumns', () => {
  it.each([
    [
      ['Date', 'Service', 'Provider', 'Minutes', 'Status', 'Notes'],
      ['date', 'service', 'provider', 'minutes', 'status', 'notes'],
    ],
    [
      ['Date of Service', 'Discipline', 'Therapist', 'Duration (min)', 'Attendance', 'Comments'],
      ['date', 'service', 'provider', 'minutes', 'status', 'notes'],
    ],
    [
      ['DOS', 'Student Name', 'Student ID', 'Time In', 'Time Out', 'Session Code', 'Reason'],
      ['date', 'studentName', 'studentId', 'startTime', 'endTime', 'status', 'reason'],
    ],
    [
      ['Session Date', 'Start Time', 'Service Type', 'Scheduled Minutes', 'Actual Minutes', 'Provider Name'],
      ['date', 'startTime', 'service', 'plannedMinutes', 'minutes', 'provider'],
    ],
    [
      ['Last Name', 'First Name', 'Date', 'Mins', 'Attendance'],
      ['studentLastName', 'studentFirstName', 'date', 'minutes', 'status'],
    ],
  ])('names the columns of %j', (headers, expected) => {
    expect(fields(headers)).toEqual(expected);
  });

  it('leaves a column it does not know unmapped, and says how sure it is', () => {
    const guess = guessColumns(['Date', 'Campus', 'Session duration']);
    expect(guess.map((g) => [g.field, g.confidence])).toEqual([
      ['date', 'sure'],
      [null, null],
      ['minutes', 'likely'],
    ]);
  });

  it('knows a column of hours', () => {
    expect(headerSaysHours('Duration (hrs)')).toBe(true);
    expect(headerSaysHours('Hours')).toBe(true);
    expect(headerSaysHours('Minutes')).toBe(false);
  });
});

describe('findHeader', () => {
  it('skips the title and dates printed above the table', () => {
    const grid = [
      ['Lincoln Unified School District'],
      ['Related Services Log', '', 'Printed 11/2/2026'],
      [''],
      ['Date', 'Service', 'Minutes', 'Status'],
      ['10/6/2026', 'SLP', '30', 'Delivered'],
    ];
    expect(findHeader(grid)).toEqual({ rows: [3], headers: ['Date', 'Service', 'Minutes', 'Status'] });
  });

  it('reads a group row over the columns (merged cells) as part of the header', () => {
    const grid = [
      ['Session', '', '', 'Student', '', 'Minutes', ''],
      ['Date', 'Time', 'Service', 'Name', 'ID', 'Scheduled', 'Delivered'],
      ['10/6/2026', '9:00', 'SLP', 'Emma Lopez', '123', '30', '30'],
    ];
    const found = findHeader(grid)!;
    expect(found.rows).toEqual([0, 1]);
    expect(found.headers).toEqual([
      'Session Date',
      'Session Time',
      'Session Service',
      'Student Name',
      'Student ID',
      'Minutes Scheduled',
      'Minutes Delivered',
    ]);
    expect(fields(found.headers)).toEqual([
      'date',
      'startTime',
      'service',
      'studentName',
      'studentId',
      'plannedMinutes',
      'minutes',
    ]);
  });

  it('reads a spreadsheet’s merged group cells, which repeat their words, the same way', () => {
    const found = findHeader([
      ['Student', 'Student', 'Date', 'Time', 'Time'],
      ['Name', 'ID', '', 'In', 'Out'],
      ['Emma Lopez', '123', '10/6/2026', '9:00', '9:30'],
    ])!;
    expect(fields(found.headers)).toEqual(['studentName', 'studentId', 'date', 'startTime', 'endTime']);
  });

  it('finds no header in a file that is not a log', () => {
    expect(findHeader([['Dear parent,'], ['Thank you for your letter.'], ['Sincerely']])).toBeNull();
    expect(
      findHeader([
        ['Name', 'Email'],
        ['Ann', 'a@b.c'],
      ]),
    ).toBeNull();
  });

  it('carries a group’s words over the empty cells it spans', () => {
    expect(combineHeaderRows(['Time', '', 'x'], ['In', 'Out', ''])).toEqual(['Time In', 'Time Out', 'x']);
  });
});
