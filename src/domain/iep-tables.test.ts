import { describe, expect, it } from 'vitest';
import type { DocCell } from './document-text.ts';
import { classifyHeader, type Line, placeCells, readTable } from './iep-tables.ts';

const cells = (...specs: [number, string][]): DocCell[] =>
  specs.map(([x, text]) => ({ x, end: x + text.length * 4.5, text }));

let index = 0;
function line(page: number, y: number, ...specs: [number, string][]): Line {
  const c = cells(...specs);
  return {
    y,
    height: 9,
    text: c.map((x) => x.text).join(' '),
    cells: c,
    page,
    index: index++,
    furniture: false,
    body: 9,
  };
}
const never = () => false;

describe('classifyHeader', () => {
  it('knows a services grid by its titles, whatever their order', () => {
    const h = classifyHeader(
      cells(
        [54, 'Service'],
        [150, 'Start Date'],
        [206, 'End Date'],
        [262, 'Frequency'],
        [314, 'Duration'],
        [372, 'Delivery'],
        [422, 'Location'],
        [494, 'Provider'],
      ),
    );
    expect(h?.kind).toBe('services');
    expect(h?.columns.map((c) => c.role)).toEqual([
      'name',
      'start',
      'end',
      'frequency',
      'duration',
      'group',
      'location',
      'provider',
    ]);
    const pa = classifyHeader(
      cells(
        [54, 'Service'],
        [204, 'Location'],
        [316, 'Frequency'],
        [416, 'Projected Beginning Date'],
        [491, 'Anticipated Duration'],
      ),
    );
    expect(pa?.columns.map((c) => c.role)).toEqual(['name', 'location', 'frequency', 'start', 'end']);
    const on = classifyHeader(
      cells(
        [54, 'Type of Service (teaching/non-teaching)'],
        [224, 'Initiation Date'],
        [304, 'Frequency or Intensity'],
        [434, 'Location'],
      ),
    );
    expect(on?.columns.map((c) => c.role)).toEqual(['name', 'start', 'frequency', 'location']);
  });

  it('knows accommodation, team and goal tables, and refuses what heads none', () => {
    expect(
      classifyHeader(cells([54, 'Modifications and SDI'], [224, 'Location'], [336, 'Frequency']))?.kind,
    ).toBe('accommodations');
    expect(
      classifyHeader(cells([54, 'Testing Accommodation'], [254, 'Implementation Recommendations']))?.kind,
    ).toBe('accommodations');
    expect(classifyHeader(cells([54, 'Role'], [244, 'Printed Name'], [404, 'Signature']))?.kind).toBe('team');
    expect(classifyHeader(cells([54, 'Annual Goal'], [274, 'Criteria'], [394, 'Method']))?.kind).toBe(
      'goals',
    );
    expect(classifyHeader(cells([54, 'Monday'], [154, 'Tuesday'], [254, 'Wednesday']))).toBeNull();
    expect(
      classifyHeader(cells([54, 'Source'], [254, 'Date (yyyy/mm/dd)'], [354, 'Summary of Results'])),
    ).toBeNull();
    expect(
      classifyHeader(cells([50, 'Instructional Accommodations'], [220, 'Environmental Accommodations'])),
    ).toBeNull();
    expect(classifyHeader(cells([54, 'Speech'], [150, '09/16/2026'], [262, 'Weekly']))).toBeNull();
  });
});

describe('placeCells', () => {
  const columns = classifyHeader(cells([54, 'Service'], [200, 'Frequency'], [300, 'Location']))!.columns;

  it('places each cell in the column it starts in', () => {
    expect(placeCells(line(1, 100, [54, 'Speech'], [300, 'Room 4']), columns)).toEqual([
      'Speech',
      '',
      'Room 4',
    ]);
  });

  it('splits a cell that runs across a column boundary at the space nearest it', () => {
    const joined: DocCell = { x: 54, end: 260, text: 'Speech Therapy language 30 min weekly' };
    const l = { ...line(1, 100), cells: [joined], text: joined.text };
    const placed = placeCells(l, columns)!;
    expect(placed[0]).toMatch(/^Speech Therapy/);
    expect(placed[1]).toMatch(/weekly$/);
    expect(placed[0]! + ' ' + placed[1]).toBe('Speech Therapy language 30 min weekly');
  });

  it('refuses a paragraph running across the columns, and a line starting left of the table', () => {
    const para: DocCell = {
      x: 54,
      end: 560,
      text: 'Maya will participate in general education for most of her day, with support.',
    };
    expect(placeCells({ ...line(1, 100), cells: [para] }, columns)).toBeNull();
    expect(placeCells(line(1, 100, [10, 'Note']), columns)).toBeNull();
  });
});

describe('readTable', () => {
  it('joins wrapped cells, follows a page break with the header printed again, and joins a row cut by it', () => {
    const header = [
      [54, 'Service'],
      [150, 'Start Date'],
      [262, 'Frequency'],
      [372, 'Location'],
    ] as [number, string][];
    const lines = [
      line(1, 380, ...header),
      line(1, 400, [54, '415 Language and'], [150, '09/16/2026'], [262, 'Weekly 2 x 30'], [372, 'Separate']),
      line(1, 411, [54, 'Speech'], [262, 'min'], [372, 'Classroom']),
      line(1, 430, [54, 'Counseling as a'], [150, '09/16/2026'], [262, 'as needed'], [372, "Counselor's"]),
      { ...line(1, 760, [50, 'Page 1 of 2']), furniture: true },
      line(2, 80, ...header),
      line(2, 100, [54, 'Related Service'], [372, 'Office']),
      line(2, 130, [54, 'Occupational'], [150, '09/16/2026'], [262, 'Monthly 60 min'], [372, 'Classroom']),
      line(2, 141, [54, 'Therapy']),
      line(2, 180, [50, 'SUPPLEMENTARY AIDS, SERVICES AND OTHER SUPPORTS FOR THE STUDENT']),
    ];
    const table = readTable(lines, 0, (l) => l.text.startsWith('SUPPLEMENTARY'))!;
    expect(table.kind).toBe('services');
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['415 Language and Speech', '09/16/2026', 'Weekly 2 x 30 min', 'Separate Classroom'],
      ['Counseling as a Related Service', '09/16/2026', 'as needed', "Counselor's Office"],
      ['Occupational Therapy', '09/16/2026', 'Monthly 60 min', 'Classroom'],
    ]);
    expect(table.rows.map((r) => r.page)).toEqual([1, 1, 2]);
    expect(lines[table.next]!.text).toMatch(/^SUPPLEMENTARY/);
  });

  it('reads rows of a grid without date columns by their spacing, and an ESY sub-heading as context', () => {
    const lines = [
      line(1, 100, [54, 'Service'], [200, 'Frequency'], [300, 'Duration']),
      line(1, 120, [54, 'Speech'], [200, 'Weekly'], [300, '30 min']),
      line(1, 140, [54, 'Occupational'], [200, 'Monthly'], [300, '60 min']),
      line(1, 151, [54, 'Therapy']),
      line(1, 171, [54, 'Extended School Year Services']),
      line(1, 191, [54, 'Speech'], [200, 'Weekly'], [300, '30 min']),
    ];
    const table = readTable(lines, 0, never)!;
    expect(table.rows.map((r) => [r.cells[0], r.context])).toEqual([
      ['Speech', null],
      ['Occupational Therapy', null],
      ['Speech', 'Extended School Year Services'],
    ]);
  });

  it('joins a date written out in words that wraps in its cell, in several spellings, to its row', () => {
    for (const [first, rest, date] of [
      ['Sept. 21,', '2026', 'Sept. 21, 2026'],
      ['September', '21, 2026', 'September 21, 2026'],
      ['21 Sept', '2026', '21 Sept 2026'],
    ]) {
      const lines = [
        line(
          1,
          100,
          [54, 'Service'],
          [184, 'Frequency / Duration'],
          [434, 'Initiation Date'],
          [500, 'End Date'],
        ),
        line(1, 120, [54, 'Counseling'], [184, '3 x 20 min'], [434, '2026-09-15'], [500, '2027-09-13']),
        line(1, 140, [54, 'Social Skills'], [184, '20 mins 2x/week'], [434, first!], [500, 'June 4, 2027']),
        line(1, 151, [54, 'Instruction'], [434, rest!]),
        line(1, 171, [54, 'Speech'], [184, '2x30 min/wk'], [434, 'Oct. 1, 2026'], [500, 'June 4, 2027']),
      ];
      const table = readTable(lines, 0, never)!;
      expect(table.rows.map((r) => [r.cells[0], r.cells[2]])).toEqual([
        ['Counseling', '2026-09-15'],
        ['Social Skills Instruction', date],
        ['Speech', 'Oct. 1, 2026'],
      ]);
    }
  });

  it('reads a line across the columns as a heading between grids, never as a row, however it is lettered', () => {
    const header = [
      [54, 'Focus on Goal #'],
      [104, 'Type of Service'],
      [226, 'Type of Personnel'],
      [336, 'Frequency and Duration/Per Cycle'],
      [426, 'Start Date'],
      [496, 'End Date'],
    ] as [number, string][];
    for (const heading of [
      'B. Special Education and Related Services in General Education Classroom (Direct Service)',
      '2) Services in Other Settings (Direct Service)',
      'Special Education and Related Services in Other Settings',
    ]) {
      const lines = [
        line(1, 100, ...header),
        line(
          1,
          120,
          [54, '1'],
          [104, 'Consult: Reading'],
          [226, 'Teacher'],
          [336, '1 x 15 min'],
          [426, '10/05/2026'],
          [496, '10/04/2027'],
        ),
        line(1, 150, [50, heading]),
        line(1, 170, ...header),
        line(
          1,
          190,
          [54, '2'],
          [104, 'Speech'],
          [226, 'SLP'],
          [336, '2 x 30 min'],
          [426, '10/05/2026'],
          [496, '10/04/2027'],
        ),
      ];
      const first = readTable(lines, 0, never)!;
      expect(first.rows.map((r) => r.cells[1])).toEqual(['Consult: Reading']);
      expect(first.next).toBe(2);
      // Over more rows of the same columns, it names them.
      const within = readTable([...lines.slice(0, 3), lines[4]!], 0, never)!;
      expect(within.rows.map((r) => [r.cells[1], r.context])).toEqual([
        ['Consult: Reading', null],
        ['Speech', heading],
      ]);
    }
  });

  it('reads a goals table whose titles wrap over three lines, and takes no title for a goal', () => {
    const lines = [
      line(
        1,
        300,
        [54, 'Measurable Annual'],
        [252, 'Criteria to'],
        [366, 'Method of how'],
        [470, 'Schedule when'],
      ),
      line(
        1,
        311,
        [54, 'Goals'],
        [252, 'determine if goal'],
        [366, 'progress will be'],
        [470, 'progress will be'],
      ),
      line(1, 322, [252, 'is achieved'], [366, 'measured'], [470, 'measured']),
      line(
        1,
        345,
        [54, 'Jordan will solve two-step word'],
        [252, '80% accuracy over'],
        [366, 'Teacher-made'],
        [470, 'Once a month'],
      ),
      line(1, 356, [54, 'problems within 100.'], [252, '3 consecutive weeks'], [366, 'tests']),
      line(
        1,
        380,
        [54, 'Jordan will retell a story.'],
        [252, '4 of 5 elements'],
        [366, 'Running records'],
        [470, 'Monthly'],
      ),
    ];
    const table = readTable(lines, 0, never)!;
    expect(table.kind).toBe('goals');
    expect(table.headerLines).toHaveLength(3);
    expect(table.columns.map((c) => [c.role, c.title])).toEqual([
      ['goal', 'Measurable Annual Goals'],
      ['criteria', 'Criteria to determine if goal is achieved'],
      ['other', 'Method of how progress will be measured'],
      ['other', 'Schedule when progress will be measured'],
    ]);
    expect(table.rows.map((r) => r.cells)).toEqual([
      [
        'Jordan will solve two-step word problems within 100.',
        '80% accuracy over 3 consecutive weeks',
        'Teacher-made tests',
        'Once a month',
      ],
      ['Jordan will retell a story.', '4 of 5 elements', 'Running records', 'Monthly'],
    ]);
  });

  it('takes a first row close under a two-line header for a row, not a third line of titles', () => {
    const lines = [
      line(1, 100, [54, 'Service'], [200, 'Frequency'], [300, 'Projected Beginning']),
      line(1, 111, [300, 'Date']),
      line(1, 122, [54, 'Counseling'], [200, 'Weekly'], [300, '09/16/2026']),
    ];
    const table = readTable(lines, 0, never)!;
    expect(table.headerLines).toHaveLength(2);
    expect(table.rows.map((r) => r.cells)).toEqual([['Counseling', 'Weekly', '09/16/2026']]);
  });

  it('ends at another table', () => {
    const lines = [
      line(1, 100, [54, 'Program'], [200, 'Frequency'], [300, 'Location']),
      line(1, 120, [54, 'Co-teaching'], [200, '5 periods per week'], [300, 'Classroom']),
      line(1, 140, [54, 'Related Service'], [200, 'Frequency'], [300, 'Location']),
      line(1, 160, [54, 'Speech'], [200, '2 x weekly'], [300, 'Room 4']),
    ];
    const first = readTable(lines, 0, never)!;
    expect(first.rows).toHaveLength(1);
    expect(first.next).toBe(2);
  });
});
