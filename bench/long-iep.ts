import { Sheet } from '../test/fixtures/iep/layout.ts';
import { SEIS_SERVICE_COLUMNS, SEIS_SIGNATURE_COLUMNS } from '../test/fixtures/iep/seis-form.ts';

// A fictional 20-page IEP for the IEP reading benchmark (iep-read.bench.ts), drawn at run time with the
// test documents' own layout kit (test/fixtures/iep/layout.ts), so nothing large is committed. It has
// what a long district IEP has: identification fields, present levels in every area, a services grid
// with ESY rows, accommodations under their headings, goal after goal with objectives, and the team's
// signature table on the last page. Every person, school and district is invented.

export const LONG_IEP_PAGES = 20;

const AREAS = [
  {
    area: 'Reading Fluency',
    level:
      'Jordan reads 88 words correct per minute on a grade 6 passage, with 94% accuracy. He reads a grade 4 passage with expression but slows on multisyllabic words.',
    goal: 'Jordan will read a grade 7 passage aloud at 120 words correct per minute in 3 of 4 trials, as measured by curriculum-based probes.',
  },
  {
    area: 'Reading Comprehension',
    level:
      'Jordan answers literal questions about a grade 6 text with 70% accuracy and inferential questions with 45% accuracy.',
    goal: 'Jordan will answer inferential questions about a grade 7 text with 80% accuracy in 4 of 5 probes, as measured by teacher-made assessments.',
  },
  {
    area: 'Written Expression',
    level:
      'Jordan writes a paragraph of three sentences with a topic sentence when given a graphic organizer; he rarely adds supporting details.',
    goal: 'Jordan will write a five-paragraph essay with a thesis, three supporting paragraphs and a conclusion, scoring 3 of 4 on the district rubric.',
  },
  {
    area: 'Math Calculation',
    level:
      'Jordan solves two-digit by two-digit multiplication with 60% accuracy and divides with remainders with 40% accuracy.',
    goal: 'Jordan will solve multi-digit multiplication and division problems with 85% accuracy on 3 consecutive weekly probes.',
  },
  {
    area: 'Math Problem Solving',
    level:
      'Jordan solves one-step word problems with 70% accuracy and two-step word problems with 30% accuracy.',
    goal: 'Jordan will solve two-step word problems involving fractions and decimals with 80% accuracy in 4 of 5 trials.',
  },
  {
    area: 'Expressive Language',
    level:
      'Jordan retells a short story with 3 of 6 story grammar elements and uses few transition words when explaining a process.',
    goal: 'Jordan will retell a grade-level story including 5 of 6 story grammar elements in 4 of 5 opportunities, as measured by SLP data.',
  },
  {
    area: 'Fine Motor',
    level:
      'Jordan types 14 words per minute with 90% accuracy; his handwriting is legible for short answers but not for longer writing.',
    goal: 'Jordan will type 25 words per minute with 95% accuracy on a one-minute typing probe in 3 consecutive sessions.',
  },
  {
    area: 'Social-Emotional',
    level:
      'Jordan asks for help in 2 of 10 observed opportunities and leaves the room without permission about twice a week when frustrated.',
    goal: 'Jordan will use a taught coping strategy and ask for a break or for help in 8 of 10 observed opportunities, as measured by staff data.',
  },
  {
    area: 'Executive Functioning',
    level:
      'Jordan records homework in his planner on 2 of 5 school days and turns in 55% of assignments on time.',
    goal: 'Jordan will record assignments and check his planner with an adult on 4 of 5 school days for 6 consecutive weeks.',
  },
  {
    area: 'Self-Advocacy',
    level: 'Jordan can name one of his accommodations but does not ask teachers for them.',
    goal: 'Jordan will name his accommodations and request one from a teacher in 4 of 5 opportunities, as measured by teacher report.',
  },
] as const;

const SERVICES: string[][] = [
  [
    '330 Specialized Academic Instruction',
    'Weekly',
    '5 x 55 min',
    'Group',
    'Separate Classroom',
    'Education Specialist',
  ],
  [
    '330 Specialized Academic Instruction',
    'Weekly',
    '3 x 45 min',
    'Group',
    'Regular Classroom',
    'Education Specialist',
  ],
  [
    '415 Language and Speech',
    'Weekly',
    '2 x 30 min',
    'Individual',
    'Separate Classroom',
    'Speech-Language Pathologist',
  ],
  [
    '415 Language and Speech',
    'Monthly',
    '30 min',
    'Group',
    'Regular Classroom',
    'Speech-Language Pathologist',
  ],
  [
    '450 Occupational Therapy',
    'Monthly',
    '60 min',
    'Individual',
    'Separate Classroom',
    'Occupational Therapist',
  ],
  [
    '450 Occupational Therapy',
    'Yearly',
    '4 x 30 min',
    'Consult',
    'Regular Classroom',
    'Occupational Therapist',
  ],
  [
    '510 Individual Counseling',
    'Weekly',
    '1 x 30 min',
    'Individual',
    'Separate Classroom',
    'School Psychologist',
  ],
  ['515 Counseling and Guidance', 'Monthly', '2 x 30 min', 'Group', 'Separate Classroom', 'School Counselor'],
  [
    '535 Behavior Intervention Services',
    'Daily',
    '15 min',
    'Individual',
    'Regular Classroom',
    'Behavior Specialist',
  ],
  ['340 Intensive Individual Services', 'Daily', '30 min', 'Individual', 'Regular Classroom', 'Paraeducator'],
  [
    '445 Assistive Technology Services',
    'Yearly',
    '3 x 60 min',
    'Consult',
    'Regular Classroom',
    'AT Specialist',
  ],
  ['820 College Awareness', 'Yearly', '2 x 45 min', 'Group', 'Separate Classroom', 'School Counselor'],
];

const ESY: string[][] = [
  [
    'ESY 330 Specialized Academic Instruction',
    'Weekly',
    '4 x 60 min',
    'Group',
    'Separate Classroom',
    'Education Specialist',
  ],
  [
    'ESY 415 Language and Speech',
    'Weekly',
    '1 x 30 min',
    'Individual',
    'Separate Classroom',
    'Speech-Language Pathologist',
  ],
];

const CLASSROOM = [
  'Preferential seating near the point of instruction',
  'Extended time (time and a half) on written assignments',
  'Graphic organizers for writing tasks',
  'Check for understanding after multi-step directions',
  'Copy of class notes or guided notes',
  'Chunking of long assignments into smaller parts',
  'Use of a calculator for multi-step problems',
  'Audio books for grade-level novels',
  'Reduced number of practice problems when mastery is shown',
  'Visual schedule of the class period',
];

const TESTING = [
  'Text-to-speech for math and science items',
  'Separate setting in a small group',
  'Breaks between test sections',
  'Extended time (double time) on classroom tests',
  'Test items read aloud on request',
];

const ENVIRONMENT = [
  'Quiet place to work available on request',
  'Movement breaks every 30 minutes',
  'Noise-reducing headphones during independent work',
];

const TEAM = [
  ['Alicia Marsh', 'Parent'],
  ['Robert Ellis', 'Parent'],
  ['Denise Albright', 'Administrator/Designee'],
  ['Tomas Herrera', 'Education Specialist'],
  ['Grace Lindqvist', 'General Education Teacher'],
  ['Samuel Oduya', 'Speech-Language Pathologist'],
  ['Mei Tanaka', 'Occupational Therapist'],
  ['Farah Qureshi', 'School Psychologist'],
  ['Victor Delgado', 'Behavior Specialist'],
  ['Nora Whitfield', 'School Counselor'],
];

/** The 20-page IEP as PDF bytes (the same bytes on every run). */
export async function writeLongIep(): Promise<Buffer> {
  const s = new Sheet({
    header: 'Jordan Ellis-Marsh   DOB: 05/02/2013   IEP Date: 10/05/2026',
    footer: (p, n) => `Page ${p} of ${n}        Printed: 10/06/2026 (SEIS)        Confidential`,
  });
  const pages = () => s.doc.bufferedPageRange().count;
  s.centered('Pinecrest Unified School District', 10);
  s.centered('North Valley Special Education Local Plan Area (SELPA), California', 9);
  s.gap(4);
  s.title('INDIVIDUALIZED EDUCATION PROGRAM');
  s.gap(4);
  s.fields([
    [
      ['Student', 'Jordan Ellis-Marsh'],
      ['Date of Birth', '05/02/2013'],
    ],
    [
      ['School', 'Cedar Ridge Middle School'],
      ['Grade', '7'],
    ],
    [
      ['Meeting Date', '10/05/2026'],
      ['Meeting Type', 'Annual Review'],
    ],
    [
      ['IEP Start Date', '10/06/2026'],
      ['IEP End Date', '10/04/2027'],
    ],
    [
      ['Next Annual IEP', '10/04/2027'],
      ['Next Triennial Evaluation', '03/10/2028'],
    ],
    [
      ['Primary Disability', 'Specific Learning Disability'],
      ['Home Language', 'English'],
    ],
  ]);
  s.heading('PRESENT LEVELS OF ACADEMIC ACHIEVEMENT AND FUNCTIONAL PERFORMANCE');
  for (const a of AREAS) {
    s.heading(a.area, 10);
    s.paragraph(
      `${a.level} Data were gathered from classroom observation, curriculum-based measures, work samples and teacher report during the first three weeks of the school year. Jordan's parents report that he works hard at home but tires quickly on written work.`,
    );
  }
  s.newPage();
  s.heading('OFFER OF FAPE - SERVICES');
  s.paragraph('Special education and related services are provided as listed below.');
  const dated = (rows: string[][], start: string, end: string) =>
    rows.map(([service, ...rest]) => [service!, start, end, ...rest]);
  s.table(
    SEIS_SERVICE_COLUMNS,
    [...dated(SERVICES, '10/06/2026', '10/04/2027'), ...dated(ESY, '06/21/2027', '07/23/2027')],
    { splitRows: true },
  );
  s.heading('SUPPLEMENTARY AIDS, SERVICES AND OTHER SUPPORTS');
  s.heading('Classroom Accommodations', 10);
  s.bullets(CLASSROOM);
  s.heading('Testing Accommodations (CAASPP)', 10);
  s.bullets(TESTING);
  s.heading('Environmental Accommodations', 10);
  s.bullets(ENVIRONMENT);
  s.newPage();
  s.heading('ANNUAL GOALS AND OBJECTIVES');
  // Goals until page 19 is reached: the last page is the team's.
  for (let i = 0; pages() < LONG_IEP_PAGES - 1; i++) {
    const a = AREAS[i % AREAS.length]!;
    const round = Math.floor(i / AREAS.length);
    s.heading(`Goal #${i + 1}`, 10);
    s.fields([[['Area of Need', round ? `${a.area} (${round + 1})` : a.area]]]);
    s.paragraph(`Baseline: ${a.level}`);
    s.paragraph(`Annual Goal: By 10/04/2027, ${a.goal.charAt(0).toLowerCase()}${a.goal.slice(1)}`);
    s.paragraph(
      'Short-term objectives: by 12/18/2026, with prompts, in 3 of 5 trials; by 03/19/2027, with fading prompts, in 4 of 5 trials; by 06/11/2027, independently, in 4 of 5 trials.',
    );
    s.fields([
      [
        ['Person(s) Responsible', i % 3 === 2 ? 'Speech-Language Pathologist' : 'Education Specialist'],
        ['Progress Reported', 'Quarterly'],
      ],
    ]);
  }
  s.newPage();
  s.heading('IEP TEAM SIGNATURES');
  s.paragraph('I attended the IEP meeting and participated in developing this IEP.');
  s.table(
    SEIS_SIGNATURE_COLUMNS,
    TEAM.map(([n, r]) => [n!, r!, '', '10/05/2026']),
  );
  if (pages() !== LONG_IEP_PAGES)
    throw new Error(`the long IEP has ${pages()} pages, not ${LONG_IEP_PAGES}: change its content`);
  return s.finish();
}
