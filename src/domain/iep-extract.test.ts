import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocLine, DocumentText } from './document-text.ts';
import { IepDraft } from './iep-draft.ts';
import { extractIepDraft } from './iep-extract.ts';

/** A line: one string is one cell at x = 50; [x, text] pairs are cells; `size` makes it a heading. */
type Spec = string | [number, string][] | { size: number; text: string };

function page(number: number, specs: Spec[]): DocumentText['pages'][number] {
  let y = 80;
  const lines: DocLine[] = specs.map((spec) => {
    const size = typeof spec === 'object' && !Array.isArray(spec) ? spec.size : 10;
    const pairs: [number, string][] =
      typeof spec === 'string' ? [[50, spec]] : Array.isArray(spec) ? spec : [[50, spec.text]];
    y += size >= 12 ? 22 : 14;
    const cells = pairs.map(([x, text]) => ({ x, end: x + text.length * 5, text }));
    return { y, height: size, text: cells.map((c) => c.text).join(' '), cells };
  });
  return { number, width: 612, height: 792, lines };
}

const doc = (...pages: Spec[][]): DocumentText => ({
  format: 'pdf',
  pages: pages.map((specs, i) => page(i + 1, specs)),
  pagesWithoutText: [],
  unreadablePages: [],
  notes: [],
});

const TITLE: Spec = { size: 14, text: 'INDIVIDUALIZED EDUCATION PROGRAM' };

describe('extractIepDraft: the plan', () => {
  it('reads the kind from the title, and a 504 plan that mentions an IEP is a 504 plan', () => {
    const draft = extractIepDraft(
      doc([{ size: 14, text: 'Section 504 Plan' }, 'Caleb does not need an IEP at this time.']),
    );
    expect(draft.planKind).toMatchObject({
      value: '504',
      confidence: 'sure',
      sourceText: 'Section 504 Plan',
    });
    expect(extractIepDraft(doc([TITLE])).planKind?.value).toBe('iep');
  });

  it('reads the jurisdiction from the state named, and asks when two are named as much', () => {
    expect(
      extractIepDraft(doc([TITLE, 'Maple Valley Unified, California', 'Tri-County SELPA'])).jurisdiction,
    ).toMatchObject({
      value: { country: 'US', region: 'CA', name: 'California' },
      confidence: 'sure',
    });
    expect(
      extractIepDraft(doc([TITLE, 'Lakeshore District School Board, Ontario'])).jurisdiction?.value.region,
    ).toBe('ON');
    const both = extractIepDraft(doc([TITLE, 'Ohio', 'Indiana'])).jurisdiction;
    expect(both?.confidence).toBe('check');
    expect(both?.reason).toMatch(/names both Ohio and Indiana/);
  });

  it('reads the child, school and grade from labels beside or above their values', () => {
    const draft = extractIepDraft(
      doc([
        TITLE,
        [
          [50, 'Student: Maya Reyes-Thornton'],
          [320, 'Date of Birth: 03/14/2016'],
        ],
        [
          [50, 'School Name'],
          [250, 'Grade'],
        ],
        [
          [50, 'Oak Hollow Elementary'],
          [250, '4th'],
        ],
      ]),
    );
    expect(draft.child.name).toMatchObject({
      value: 'Maya Reyes-Thornton',
      page: 1,
      sourceText: 'Student: Maya Reyes-Thornton',
    });
    expect(draft.child.school?.value).toBe('Oak Hollow Elementary');
    expect(draft.child.grade?.value).toBe('4');
  });

  it('reads the plan dates in the document order, and asks about a date whose day and month could be swapped', () => {
    const us = extractIepDraft(
      doc([
        TITLE,
        'Bluebonnet Creek ISD, Texas',
        'Meeting Date: 03/05/2027',
        'IEP Duration: 03/06/2027 to 03/04/2028',
        'Next Triennial: 10/2028',
      ]),
    );
    expect(us.dates.meeting).toMatchObject({ value: { date: '2027-03-05' }, confidence: 'sure' });
    expect(us.dates.planStart?.value.date).toBe('2027-03-06');
    expect(us.dates.planEnd?.value.date).toBe('2028-03-04');
    expect(us.dates.reevaluation?.value).toEqual({ date: '2028-10', precision: 'month' });

    const ontario = extractIepDraft(
      doc([
        { size: 14, text: 'INDIVIDUAL EDUCATION PLAN' },
        'Lakeshore District School Board, Ontario',
        'Date placement began: 08/09/2026',
      ]),
    );
    expect(ontario.dates.planStart?.confidence).toBe('check');
    expect(ontario.dates.planStart?.reason).toMatch(/could be 9 August 2026 or 8 September 2026/);
    expect(ontario.toCheck[0]).toMatchObject({ section: 'dates', field: 'planStart' });

    const known = extractIepDraft(
      doc([
        { size: 14, text: 'INDIVIDUAL EDUCATION PLAN' },
        'Ontario',
        'Date placement began: 08/09/2026',
        'Annual review: 21/06/2027',
      ]),
    );
    expect(known.dates.planStart).toMatchObject({ value: { date: '2026-09-08' }, confidence: 'sure' });
    expect(known.notes).toContain('Numeric dates were read day first (dd/mm/yyyy), as its other dates show.');
  });

  it('finds a date label after other words, up to its colon', () => {
    const draft = extractIepDraft(
      doc([TITLE, 'Georgia', 'Eligibility Reevaluation Due: 09/01/2029', 'Date of IEP: 8-Sep-2026']),
    );
    expect(draft.dates.reevaluation?.value.date).toBe('2029-09-01');
    expect(draft.dates.meeting?.value.date).toBe('2026-09-08');
  });

  it('does not take a past evaluation for the next one', () => {
    const draft = extractIepDraft(
      doc([TITLE, 'Most Recent Evaluation Date: 10/08/25', 'Date of Next Reevaluation: 10/08/28']),
    );
    expect(draft.dates.reevaluation?.value.date).toBe('2028-10-08');
  });
});

describe('extractIepDraft: services', () => {
  const grid = (rows: [string, string, string][]): Spec[] => [
    TITLE,
    { size: 12, text: 'SERVICES' },
    [
      [54, 'Service'],
      [200, 'Frequency'],
      [300, 'Duration'],
      [400, 'Location'],
    ],
    ...rows.map(
      ([name, freq, dur]) =>
        [
          [54, name],
          [200, freq],
          [300, dur],
          [400, 'Separate Classroom'],
        ] as [number, string][],
    ),
  ];

  it('reads each row with the amount the service-line parser reads from its frequency and duration', () => {
    const draft = extractIepDraft(doc(grid([['Speech and Language', 'Weekly', '2 x 30 min']])));
    expect(draft.services).toHaveLength(1);
    expect(draft.services[0]).toMatchObject({
      name: 'Speech and Language',
      area: 'speech',
      amountText: 'Weekly 2 x 30 min',
      location: 'Separate Classroom',
      setting: 'pull_out',
      confidence: 'sure',
      sourceText: 'Speech and Language | Weekly | 2 x 30 min | Separate Classroom',
    });
    expect(draft.services[0]!.amounts[0]).toMatchObject({
      minutesPerSession: 30,
      sessionsPerPeriod: 2,
      period: { unit: 'week' },
    });
  });

  it('marks a row whose frequency cannot be read, in the words the review screen shows, and lists it first', () => {
    const draft = extractIepDraft(
      doc(
        grid([
          ['Occupational Therapy', 'Monthly', '60 min'],
          ['Speech and Language', 'as needed', ''],
        ]),
      ),
    );
    const unread = draft.services[1]!;
    expect(unread.confidence).toBe('check');
    expect(unread.reason).toMatch(/^We could not read the frequency of 'Speech and Language \| as needed'/);
    expect(draft.toCheck).toEqual([
      expect.objectContaining({ section: 'services', index: 1, reason: unread.reason }),
    ]);
  });

  it('gives a bare number the unit and period of its column title, and reads "1 per month" in a frequency column', () => {
    const draft = extractIepDraft(
      doc([
        TITLE,
        [
          [54, 'Services'],
          [200, 'Sessions per week'],
          [300, 'Minutes per Session'],
          [400, 'Setting'],
        ],
        [
          [54, 'Speech Language Therapy'],
          [200, '2'],
          [300, '30'],
          [400, 'Separate class'],
        ],
        [
          [54, 'OT consultation'],
          [200, '1 per month'],
          [300, '15'],
          [400, 'Gen Ed class'],
        ],
      ]),
    );
    expect(draft.services.map((s) => [s.amountText, s.confidence, s.setting])).toEqual([
      ['2 times per week 30 min', 'sure', 'pull_out'],
      ['1 times per month 15 min', 'sure', 'push_in'],
    ]);
    expect(draft.services[1]!.amounts[0]).toMatchObject({
      minutesPerSession: 15,
      sessionsPerPeriod: 1,
      period: { unit: 'month' },
    });
  });

  it('takes the period of an amount from its column title, and the cycle length the document states once', () => {
    const sdg = (cycleLine: string, title: string) =>
      extractIepDraft(
        doc([
          TITLE,
          cycleLine,
          [
            [54, 'Type of Service'],
            [200, 'Type of Personnel'],
            [330, title],
            [450, 'Start Date'],
          ],
          [
            [54, 'Speech and Language Therapy'],
            [200, 'SLP'],
            [330, '2 x 30 min'],
            [450, '10/25/2026'],
          ],
        ]),
      ).services[0]!;
    for (const cycleLine of [
      'School District Cycle: [ ] 5 day cycle [X] 6 day cycle [ ] 10 day cycle',
      'School District Cycle: ☐ 5-day cycle ☒ 6-day cycle',
      'Services are scheduled on a 6-day cycle.',
    ]) {
      const service = sdg(cycleLine, 'Frequency and Duration/Per Cycle');
      expect(service.amounts[0]).toMatchObject({
        minutesPerSession: 30,
        sessionsPerPeriod: 2,
        period: { unit: 'cycle', cycleDays: 6 },
      });
      expect([service.confidence, service.amountText, service.reason]).toEqual(['sure', '2 x 30 min', null]);
    }
    // The cycle's length in the title itself; a week in the title.
    expect(sdg('', 'Frequency/Duration per 5-day cycle').amounts[0]!.period).toMatchObject({ cycleDays: 5 });
    expect(sdg('', 'Frequency and Duration per Week').amounts[0]!.period.unit).toBe('week');
    // A cycle of unknown length is asked for, never guessed; so is one the document's boxes leave open.
    for (const cycleLine of ['', 'Cycle: [ ] 5 day cycle [ ] 6 day cycle']) {
      const unknown = sdg(cycleLine, 'Frequency and Duration/Per Cycle');
      expect(unknown.confidence).toBe('check');
      expect(unknown.reason).toMatch(/length of the cycle/);
    }
  });

  it('keeps ESY rows apart', () => {
    const draft = extractIepDraft(
      doc(
        grid([
          ['Speech', 'Weekly', '30 min'],
          ['ESY Speech', 'Weekly', '30 min'],
        ]),
      ),
    );
    expect(draft.services.map((s) => s.esy)).toEqual([false, true]);
  });
});

describe('extractIepDraft: accommodations', () => {
  const section = (...lines: Spec[]): DocumentText =>
    doc([TITLE, { size: 12, text: 'ACCOMMODATIONS' }, ...lines]);

  it('takes only the checked boxes, in every style of mark, and lists the empty ones apart', () => {
    const draft = extractIepDraft(
      section(
        '☒ Extended time',
        '☐ Read aloud',
        '☑ Breaks',
        '✔ Preferential seating',
        '[X] Small group',
        '[ ] Scribe',
        '(x) Graphic organizer',
        '( ) Calculator',
        '\uF0FE Copy of notes',
        '\uF0A8 Word bank',
        [
          [60, 'X'],
          [77, 'Quiet setting'],
        ],
        [[77, 'Elevator pass']],
      ),
    );
    expect(draft.accommodations.map((a) => a.text)).toEqual([
      'Extended time',
      'Breaks',
      'Preferential seating',
      'Small group',
      'Graphic organizer',
      'Copy of notes',
      'Quiet setting',
    ]);
    expect(draft.accommodations.every((a) => a.box === 'checked' && a.confidence === 'sure')).toBe(true);
    expect(draft.notSelected.map((n) => n.text)).toEqual([
      'Read aloud',
      'Scribe',
      'Calculator',
      'Word bank',
      'Elevator pass',
    ]);
  });

  it('sends a box whose state cannot be read to the parent, never into the plan as sure', () => {
    const draft = extractIepDraft(
      section('[X] Extended time', '[?] Read aloud', '☒☐ Breaks', 'Fidget tools'),
    );
    const unclear = draft.accommodations.filter((a) => a.box === 'unclear');
    expect(unclear.map((a) => a.text)).toEqual(['Read aloud', 'Breaks', 'Fidget tools']);
    expect(unclear.every((a) => a.confidence === 'check')).toBe(true);
    expect(unclear[0]!.reason).toBe("We could not tell whether the box beside 'Read aloud' is checked");
    expect(draft.toCheck.filter((c) => c.section === 'accommodations')).toHaveLength(3);
  });

  it('reads the marks of fonts without Unicode (Wingdings as letters, √), and asks about a ballot X', () => {
    const draft = extractIepDraft(section('√ Extended time', 'þ Breaks', '¨ Read aloud', '✗ Scribe'));
    expect(draft.accommodations.map((a) => [a.text, a.box])).toEqual([
      ['Extended time', 'checked'],
      ['Breaks', 'checked'],
      ['Scribe', 'unclear'],
    ]);
    expect(draft.notSelected.map((a) => a.text)).toEqual(['Read aloud']);
  });

  it('reads check boxes drawn as graphics: only a marked box is taken, an unmarked list is all left out, an unreadable box goes to the parent', () => {
    const d = section(
      { size: 11, text: 'Classroom Accommodations' },
      [[77, 'Preferential seating']],
      [[77, 'Peer note-taker']],
      [[77, 'Graphic organizer']],
      [[77, 'Copy of notes']],
      { size: 11, text: 'Testing Accommodations' },
      [[77, 'Extended time']],
      [[77, 'Small group']],
      [[77, 'Read aloud']],
    );
    const page = d.pages[0]!;
    const states = ['checked', 'empty', 'unclear', 'checked', null, 'empty', 'empty', 'empty'] as const;
    page.boxes = page.lines.slice(3).flatMap((l, k) => {
      const state = states[k];
      return state ? [{ x: 62, y: l.y - 8, w: 8, h: 8, state }] : [];
    });
    const draft = extractIepDraft(d);
    expect(draft.accommodations.map((a) => [a.text, a.group, a.box, a.confidence])).toEqual([
      ['Preferential seating', 'classroom', 'checked', 'sure'],
      ['Graphic organizer', 'classroom', 'unclear', 'check'],
      ['Copy of notes', 'classroom', 'checked', 'sure'],
    ]);
    expect(draft.notSelected.map((n) => n.text)).toEqual([
      'Peer note-taker',
      'Extended time',
      'Small group',
      'Read aloud',
    ]);
    expect(draft.toCheck.filter((c) => c.section === 'accommodations').map((c) => c.reason)).toEqual([
      "We could not tell whether the box beside 'Graphic organizer' is checked",
    ]);
    // The same lists without the boxes: nothing says they are check boxes, so every item is taken.
    const bare = structuredClone(d);
    delete bare.pages[0]!.boxes;
    expect(extractIepDraft(bare).accommodations).toHaveLength(7);
  });

  it('reads a ruled table of three kinds of accommodations, each item of a cell one, wrapped or not', () => {
    const cell = (x: number, text: string) => ({ x, end: x + text.length * 4.4, text });
    const row = (y: number, ...cells: { x: number; end: number; text: string }[]) => ({
      y,
      height: 9,
      text: cells.map((c) => c.text).join(' '),
      cells,
    });
    const lines = [
      row(80, { x: 200, end: 420, text: 'INDIVIDUAL EDUCATION PLAN' }),
      row(110, { x: 54, end: 180, text: 'ACCOMMODATIONS' }),
      row(
        130,
        cell(60, 'Instructional Accommodations'),
        cell(230, 'Environmental Accommodations'),
        cell(401, 'Assessment Accommodations'),
      ),
      row(
        150,
        cell(60, 'Chunking of tasks into steps'),
        cell(230, 'Alternative work space for'),
        cell(401, 'Extra time for tests'),
      ),
      row(
        161,
        cell(60, 'Graphic organizers'),
        cell(230, 'independent tasks'),
        cell(401, 'Oral responses for tests'),
      ),
      row(
        172,
        cell(60, 'Text-to-speech software for reading in'),
        cell(230, 'Preferential seating'),
        cell(401, 'Questions read aloud by the'),
      ),
      row(183, cell(60, 'French and English'), cell(401, 'teacher')),
    ];
    const draft = extractIepDraft({
      format: 'pdf',
      pages: [{ number: 1, width: 612, height: 792, lines }],
      pagesWithoutText: [],
      unreadablePages: [],
      notes: [],
    });
    expect(draft.accommodations.map((a) => [a.text, a.group])).toEqual([
      ['Chunking of tasks into steps', 'classroom'],
      ['Graphic organizers', 'classroom'],
      ['Text-to-speech software for reading in French and English', 'classroom'],
      ['Alternative work space for independent tasks', 'environmental'],
      ['Preferential seating', 'environmental'],
      ['Extra time for tests', 'testing'],
      ['Oral responses for tests', 'testing'],
      ['Questions read aloud by the teacher', 'testing'],
    ]);
  });

  it('reads a Yes/No pair by its Yes box', () => {
    const draft = extractIepDraft(section('Extended time: [X] Yes [ ] No', 'Read aloud: [ ] Yes [X] No'));
    expect(draft.accommodations.map((a) => a.text)).toEqual(['Extended time']);
    expect(draft.notSelected.map((a) => a.text)).toEqual(['Read aloud']);
  });

  it('groups them by the heading they are printed under, and reads a list without boxes whole', () => {
    const draft = extractIepDraft(
      doc([
        TITLE,
        { size: 12, text: 'SUPPLEMENTARY AIDS AND SUPPORTS' },
        { size: 11, text: 'Testing Accommodations' },
        '• Separate setting',
        { size: 11, text: 'Health' },
        '• Water bottle at desk',
        { size: 12, text: 'PRESENT LEVELS' },
        '• Reads 62 words per minute',
      ]),
    );
    expect(draft.accommodations.map((a) => [a.text, a.group, a.heading, a.box])).toEqual([
      ['Separate setting', 'testing', 'Testing Accommodations', 'none'],
      ['Water bottle at desk', 'health', 'Health', 'none'],
    ]);
  });
});

describe('extractIepDraft: goals and team', () => {
  it('reads goals with area, baseline and criterion, and team members in several layouts', () => {
    const draft = extractIepDraft(
      doc([
        TITLE,
        { size: 12, text: 'ANNUAL GOALS' },
        { size: 11, text: 'Goal 1 - Reading' },
        'Baseline: Reads 62 words per minute.',
        'Goal: Maya will read 95 words per minute. Mastery Criteria: 3 of 4 probes',
        { size: 12, text: 'IEP TEAM' },
        'Rosa Thornton, Parent',
        'Daniel Okafor (Principal)',
        'Special Education Teacher: Priya Natarajan',
        'The team met on the date above.',
      ]),
    );
    expect(draft.goals).toEqual([
      expect.objectContaining({
        area: 'Reading',
        baseline: 'Reads 62 words per minute.',
        goal: 'Maya will read 95 words per minute.',
        target: '3 of 4 probes',
        confidence: 'sure',
      }),
    ]);
    expect(draft.team.map((m) => [m.name, m.role])).toEqual([
      ['Rosa Thornton', 'Parent'],
      ['Daniel Okafor', 'Principal'],
      ['Priya Natarajan', 'Special Education Teacher'],
    ]);
  });
});

describe('extractIepDraft: not a plan', () => {
  it('says clearly that a lunch menu is not an IEP or 504 plan, and extracts nothing from it', () => {
    const draft = extractIepDraft(
      doc([
        { size: 14, text: 'Oak Hollow Elementary - October Lunch Menu' },
        [
          [50, 'Monday'],
          [200, 'Tuesday'],
          [350, 'Wednesday'],
        ],
        [
          [50, 'Pizza, 2 x per week'],
          [200, 'Tacos'],
          [350, 'Pasta 30 min special'],
        ],
        'Student: Maya Reyes',
      ]),
    );
    expect(draft.found).toBe(false);
    expect(draft.message).toMatch(/^No IEP or 504 plan was found in this document/);
    expect(draft.child.name).toBeNull();
    expect(draft.services).toEqual([]);
  });

  it('says a document of scans needs OCR', () => {
    const draft = extractIepDraft({
      format: 'pdf',
      pages: [page(1, []), page(2, [])],
      pagesWithoutText: [1, 2],
      unreadablePages: [],
      notes: [],
    });
    expect(draft.found).toBe(false);
    expect(draft.message).toMatch(/every page of this document is a scan or a photo, which needs OCR/);
    expect(draft.pagesNeedingOcr).toEqual([1, 2]);
  });
});

describe('extractIepDraft on any input (property)', () => {
  const WORDS = [
    'Service',
    'Frequency',
    'Duration',
    'Location',
    'Provider',
    'Start Date',
    'ACCOMMODATIONS',
    'Goal #1',
    'Baseline:',
    'Annual Goal:',
    'IEP TEAM',
    'Speech',
    '30 min',
    '2x wk',
    'as needed',
    '☒',
    '☐',
    '[X]',
    '( )',
    'X',
    '•',
    '09/16/2026',
    '31/02/2026',
    '2026/09/08',
    'Sept 2027',
    'Student:',
    'Grade',
    'Ontario',
    'Texas',
    'Section 504',
    'IEP',
    'ESY',
    'Extended School Year',
    'Name',
    'Role',
    'Rosa Thornton, Parent',
    '\uF0FE',
    '',
    ':',
    '|',
  ];
  const text = fc.oneof(
    fc.constantFrom(...WORDS),
    fc.string({ maxLength: 30 }),
    fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(' ')),
  );
  const cell = fc.record({
    x: fc.oneof(
      fc.constantFrom(50, 54, 60, 77, 150, 200, 300, 400),
      fc.double({ min: -100, max: 900, noNaN: false }),
    ),
    text,
  });
  const lineArb = fc.record({
    y: fc.oneof(fc.double({ min: -50, max: 900 }), fc.constant(Number.NaN)),
    height: fc.oneof(fc.constantFrom(9, 10, 12, 14), fc.double({ min: -5, max: 40 })),
    cells: fc.array(cell, { maxLength: 8 }),
  });
  const docArb = fc.record({
    format: fc.constantFrom('pdf' as const, 'docx' as const),
    pages: fc.array(
      fc.record({ lines: fc.array(lineArb, { maxLength: 40 }), height: fc.constantFrom(0, 792) }),
      { maxLength: 4 },
    ),
  });

  it('never throws, never gives up on a part, and always returns a valid draft', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const input: DocumentText = {
          format: d.format,
          pages: d.pages.map((p, i) => ({
            number: i + 1,
            width: 612,
            height: p.height,
            lines: p.lines
              .map((l) => ({
                y: l.y,
                height: l.height,
                cells: l.cells.map((c) => ({ x: c.x, end: c.x + c.text.length * 5, text: c.text })),
                text: l.cells.map((c) => c.text).join(' '),
              }))
              .sort((a, b) => a.y - b.y),
          })),
          pagesWithoutText: [],
          unreadablePages: [],
          notes: [],
        };
        const draft = extractIepDraft(input);
        expect(IepDraft.safeParse(draft).success).toBe(true);
        expect(draft.notes.filter((n) => n.startsWith('The reader could not read'))).toEqual([]);
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });
});

describe('extractIepDraft: wordings of other forms', () => {
  it('takes a lone "IEP Duration Date" for the end of the plan, as Florida prints it', () => {
    for (const [label, value] of [
      ['IEP Duration Date', '2027-09-13'],
      ['Plan Duration End Date', 'Sept. 13, 2027'],
      ['IEP Duration Date', '09/13/2027'],
    ]) {
      const draft = extractIepDraft(doc([TITLE, `IEP Initiation Date: 2026-09-15`, `${label}: ${value}`]));
      expect(draft.dates.planEnd?.value.date).toBe('2027-09-13');
      expect(draft.dates.planStart?.value.date).toBe('2026-09-15');
    }
  });

  it('does not take the instruction over a check-box list for an accommodation', () => {
    for (const instruction of [
      'Only the accommodations checked below are part of this IEP.',
      'Accommodations marked below will be provided.',
      'The supports selected below are part of this plan.',
    ]) {
      const draft = extractIepDraft(
        doc([TITLE, { size: 12, text: 'ACCOMMODATIONS' }, instruction, '[X] Extended time', '[ ] Scribe']),
      );
      expect(draft.accommodations.map((a) => a.text)).toEqual(['Extended time']);
    }
  });

  it('reads the area of a goal from "Specific Goal Focus" and "Focus Area"', () => {
    for (const label of ['Specific Goal Focus', 'Goal Focus', 'Focus Area']) {
      const draft = extractIepDraft(
        doc([
          TITLE,
          { size: 12, text: 'Goal #1' },
          `${label}: Reading Comprehension`,
          'Current Performance Level: Tobias answers literal questions with 50% accuracy.',
          'Measurable Annual Goal: Tobias will answer inferential questions with 80% accuracy.',
        ]),
      );
      expect(draft.goals).toEqual([
        expect.objectContaining({
          area: 'Reading Comprehension',
          baseline: 'Tobias answers literal questions with 50% accuracy.',
          goal: 'Tobias will answer inferential questions with 80% accuracy.',
        }),
      ]);
    }
  });
});
