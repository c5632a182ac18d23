import { addDays, isoWeekday } from '../domain/dates.ts';
import { type Clock, idSource, type ServiceContext } from '../server/context.ts';
import { DEFAULT_UPLOAD_LIMIT_BYTES, storeAttachment } from '../server/services/attachments.ts';
import { createHousehold } from '../server/services/households.ts';
import { createFirstVersion } from '../server/services/plan-versions.ts';
import { createRecord } from '../server/services/records.ts';
import { RESOURCES } from '../server/services/resources.ts';
import { createSessionEntry } from '../server/services/session-entries.ts';
import type { Store } from '../store/database.ts';

// The demo household tells the story of the article in ../shared/seed/: speech therapy is
// 30 minutes twice a week, but the therapist is at the school only once a week, and sessions are
// cancelled for assemblies and a snow day and rarely made up. The speech numbers for September
// and October 2026 are worked out by hand in test/integration/demo.test.ts.

export type DemoHousehold = {
  householdId: string;
  childId: string;
  planId: string;
  calendarId: string;
  services: { speech: string; ot: string; reading: string };
};

type Entry = {
  service: 'speech' | 'ot' | 'reading';
  date: string;
  status?: 'delivered' | 'short' | 'missed';
  minutes?: number;
  reason?: string;
  reasonText?: string;
  kind?: 'makeup';
  makeupFor?: string;
  source?: string;
  startTime?: string;
};

/** Speech, week by week (Tuesdays and Thursdays). */
const SPEECH: Entry[] = [
  { service: 'speech', date: '2026-09-08' },
  { service: 'speech', date: '2026-09-10' },
  {
    service: 'speech',
    date: '2026-09-15',
    status: 'missed',
    reason: 'provider_absent',
    reasonText: 'Therapist at her other school on Tuesdays',
  },
  { service: 'speech', date: '2026-09-17', source: 'school_log' },
  {
    service: 'speech',
    date: '2026-09-22',
    status: 'missed',
    reason: 'school_event',
    reasonText: 'Back-to-school assembly',
  },
  { service: 'speech', date: '2026-09-24', source: 'school_log' },
  { service: 'speech', date: '2026-09-29' },
  {
    service: 'speech',
    date: '2026-10-01',
    status: 'short',
    minutes: 20,
    reason: 'school_event',
    reasonText: 'Fire drill',
  },
  // The week of 5 October has no entries at all.
  {
    service: 'speech',
    date: '2026-10-13',
    status: 'missed',
    reason: 'student_absent',
    reasonText: 'Home sick',
  },
  { service: 'speech', date: '2026-10-15', source: 'school_log' },
  {
    service: 'speech',
    date: '2026-10-20',
    status: 'missed',
    reason: 'provider_absent',
    reasonText: 'Therapist out',
  },
  { service: 'speech', date: '2026-10-22', source: 'school_log' },
  {
    service: 'speech',
    date: '2026-10-27',
    status: 'missed',
    reason: 'school_closed',
    reasonText: 'Snow day',
  },
  { service: 'speech', date: '2026-10-29' },
  {
    service: 'speech',
    date: '2026-10-30',
    kind: 'makeup',
    minutes: 30,
    makeupFor: '2026-09-22',
    reasonText: 'Make-up for the assembly',
  },
];

/** OT is weekly on the plan, but the therapist rotates between schools and comes about twice a month. */
const OT: Entry[] = [
  { service: 'ot', date: '2026-09-09' },
  {
    service: 'ot',
    date: '2026-09-16',
    status: 'missed',
    reason: 'provider_absent',
    reasonText: 'OT at another school',
  },
  { service: 'ot', date: '2026-09-23' },
  {
    service: 'ot',
    date: '2026-09-30',
    status: 'missed',
    reason: 'provider_absent',
    reasonText: 'OT at another school',
  },
  { service: 'ot', date: '2026-10-07' },
  {
    service: 'ot',
    date: '2026-10-14',
    status: 'missed',
    reason: 'provider_absent',
    reasonText: 'OT at another school',
  },
  { service: 'ot', date: '2026-10-21' },
  {
    service: 'ot',
    date: '2026-10-28',
    status: 'missed',
    reason: 'unknown',
    reasonText: 'No note in the folder',
  },
];

/** Reading pull-out, Monday, Wednesday and Friday, during science. */
function readingEntries(): Entry[] {
  const out: Entry[] = [];
  const skip = new Set(['2026-09-07', '2026-10-12', '2026-10-27']);
  const misses: Record<string, Pick<Entry, 'reason' | 'reasonText'>> = {
    '2026-09-25': { reason: 'testing', reasonText: 'Fall benchmark testing' },
    '2026-10-09': { reason: 'field_trip', reasonText: 'Field trip to the science museum' },
    '2026-10-23': { reason: 'scheduling_conflict', reasonText: 'Reading teacher covering a class' },
  };
  for (let d = '2026-09-09'; d <= '2026-10-30'; d = addDays(d, 1)) {
    const wd = isoWeekday(d);
    if (![1, 3, 5].includes(wd) || skip.has(d)) continue;
    const miss = misses[d];
    out.push(
      miss
        ? { service: 'reading', date: d, status: 'missed', startTime: '10:05', ...miss }
        : { service: 'reading', date: d, source: 'school_log', startTime: '10:05' },
    );
  }
  return out;
}

/** Fill a new demo household; `ownerUserId`, when given, becomes its owner. */
export async function seedDemoHousehold(
  store: Store,
  clock: Clock,
  ownerUserId?: string,
): Promise<DemoHousehold> {
  const newId = idSource(clock);
  const actor = { kind: 'cli' as const, id: 'demo' };
  const household = await createHousehold(
    store,
    { actor, clock, newId },
    { name: 'Demo household (the article’s story)' },
  );
  if (ownerUserId) {
    const at = clock.now();
    await store.db
      .insertInto('membership')
      .values({
        id: newId(),
        household_id: household.id,
        user_id: ownerUserId,
        role: 'owner',
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  const ctx: ServiceContext = { householdId: household.id, actor, clock, newId };
  const create = (def: keyof typeof RESOURCES, body: Record<string, unknown>) =>
    createRecord(store, ctx, RESOURCES[def], body);

  const child = await create('child', {
    firstName: 'Emma',
    lastName: 'Rivera-Demo',
    grade: '3',
    school: 'Maple Street Elementary',
  });
  const plan = await createRecord(
    store,
    ctx,
    RESOURCES.plan,
    {
      childId: child.id,
      kind: 'iep',
      jurisdiction: { country: 'US', region: 'CA' },
      title: 'IEP, 2026-2027',
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-09-07',
    },
    (trx, rec) => createFirstVersion(trx, ctx, rec),
  );
  const calendar = await create('calendar', {
    childId: child.id,
    name: 'Maple Street Elementary 2026-2027',
    firstDay: '2026-09-08',
    lastDay: '2027-06-11',
  });
  const events: [string, string, string | null, string][] = [
    ['holiday', '2026-10-12', null, "Indigenous Peoples' Day"],
    ['holiday', '2026-11-11', null, 'Veterans Day'],
    ['break', '2026-11-25', '2026-11-27', 'Thanksgiving break'],
    ['break', '2026-12-21', '2027-01-01', 'Winter break'],
    ['holiday', '2027-01-18', null, 'Martin Luther King Jr. Day'],
    ['holiday', '2027-02-15', null, "Presidents' Day"],
    ['break', '2027-03-29', '2027-04-02', 'Spring break'],
    ['holiday', '2027-05-31', null, 'Memorial Day'],
    ['closure', '2026-10-27', null, 'Snow day (early storm)'],
    ['early_dismissal', '2026-10-16', null, 'Parent conferences'],
  ];
  for (const [kind, startDate, endDate, label] of events) {
    await create('calendarEvent', { calendarId: calendar.id, kind, startDate, endDate, label });
  }
  const speech = await create('service', {
    planId: plan.id,
    name: 'Speech-language therapy',
    area: 'speech',
    providerRole: 'Speech-language pathologist',
    setting: 'pull_out',
    delivery: 'direct',
    groupSizeLimit: 3,
    location: 'Speech therapy room',
    sourceText: 'Speech-language therapy, 30 minutes 2 times per week, pull-out, group of no more than 3',
    startDate: '2026-09-08',
    endDate: '2027-06-11',
    segments: [
      {
        startDate: '2026-09-08',
        endDate: '2027-06-11',
        minutesPerSession: 30,
        sessionsPerPeriod: 2,
        period: { unit: 'week' },
      },
    ],
    esyBlocks: [
      {
        startDate: '2027-06-28',
        endDate: '2027-07-23',
        minutesPerSession: 30,
        sessionsPerPeriod: 1,
        period: { unit: 'week' },
        label: 'Extended school year',
      },
    ],
  });
  const ot = await create('service', {
    planId: plan.id,
    name: 'Occupational therapy',
    area: 'ot',
    providerRole: 'Occupational therapist',
    setting: 'pull_out',
    delivery: 'direct',
    sourceText: 'Occupational therapy, 30 minutes 1 time per week, outside general education',
    startDate: '2026-09-08',
    endDate: '2027-06-11',
    segments: [
      {
        startDate: '2026-09-08',
        endDate: '2027-06-11',
        minutesPerSession: 30,
        sessionsPerPeriod: 1,
        period: { unit: 'week' },
      },
    ],
  });
  const reading = await create('service', {
    planId: plan.id,
    name: 'Specialized reading instruction',
    area: 'specialized_instruction',
    providerRole: 'Reading specialist',
    setting: 'pull_out',
    delivery: 'direct',
    groupSizeLimit: 4,
    location: 'Resource room',
    sourceText: 'Reading, 45 minutes 3 times per week, resource room, group of no more than 4',
    startDate: '2026-09-08',
    endDate: '2027-06-11',
    segments: [
      {
        startDate: '2026-09-08',
        endDate: '2027-06-11',
        minutesPerSession: 45,
        sessionsPerPeriod: 3,
        period: { unit: 'week' },
      },
    ],
  });
  const accommodations: [string, string, string, string | null][] = [
    ['Preferential seating near the teacher and away from distractions', 'setting', 'all', null],
    ['Extended time (1.5x) on tests and quizzes', 'timing', 'tests', null],
    [
      'Noise-canceling headphones available during independent work and tests',
      'assistive_technology',
      'all',
      null,
    ],
    ['Use of a calculator for math assignments and tests', 'assistive_technology', 'class', 'Math'],
    ['Directions simplified and repeated; written copy of instructions', 'presentation', 'classwork', null],
  ];
  const accommodationIds: string[] = [];
  for (const [text, category, appliesTo, className] of accommodations) {
    accommodationIds.push(
      (await create('accommodation', { planId: plan.id, text, category, appliesTo, className })).id,
    );
  }
  const [seating, extendedTime, headphones, calculator] = accommodationIds;
  // What the article says goes wrong, as a parent would record it.
  const observations: [
    string | undefined,
    string,
    string,
    string | null,
    string | null,
    string,
    string,
    string | null,
  ][] = [
    [
      seating,
      '2026-09-14',
      'not_provided',
      'Math',
      'classwork',
      'regular',
      'child_report',
      'Sat in the back row again',
    ],
    [seating, '2026-09-21', 'provided', 'Math', 'classwork', 'regular', 'child_report', 'Moved up front'],
    [
      extendedTime,
      '2026-09-18',
      'not_provided',
      'Spelling',
      'test',
      'substitute',
      'child_report',
      'The sub collected the test on time',
    ],
    [
      extendedTime,
      '2026-10-02',
      'not_provided',
      'Math',
      'quiz',
      'substitute',
      'work_sample',
      'Quiz stopped at question 6',
    ],
    [extendedTime, '2026-10-09', 'provided', 'Science', 'test', 'regular', 'child_report', null],
    [extendedTime, '2026-10-23', 'provided', 'Math', 'quiz', 'regular', 'work_sample', null],
    [
      extendedTime,
      '2026-10-16',
      'not_provided',
      'Spelling',
      'test',
      'substitute',
      'child_report',
      'Substitute again',
    ],
    [
      headphones,
      '2026-09-23',
      'not_provided',
      null,
      'classwork',
      'other_staff',
      'child_report',
      'In a locked cabinet, nobody had the key',
    ],
    [
      headphones,
      '2026-09-30',
      'not_provided',
      null,
      'test',
      'other_staff',
      'child_report',
      'Still locked away',
    ],
    [
      calculator,
      '2026-10-07',
      'not_provided',
      'Math',
      'classwork',
      'regular',
      'work_sample',
      'Long division done by hand',
    ],
  ];
  for (const [
    accommodationId,
    date,
    outcome,
    className,
    setting,
    teacherKind,
    source,
    note,
  ] of observations) {
    await create('accommodationObservation', {
      accommodationId,
      date,
      outcome,
      className,
      setting,
      teacherKind,
      source,
      note,
    });
  }
  const periods: [number, string, string, string][] = [
    [1, '09:00', '09:45', 'Math'],
    [1, '10:00', '10:45', 'Science'],
    [3, '10:00', '10:45', 'Science'],
    [5, '10:00', '10:45', 'Science'],
    [2, '10:00', '10:45', 'English'],
    [4, '10:00', '10:45', 'Social studies'],
  ];
  for (const [weekday, startTime, endTime, className] of periods) {
    await create('classPeriod', { childId: child.id, weekday, startTime, endTime, className });
  }
  await create('goal', {
    planId: plan.id,
    area: 'Speech',
    text: 'Emma will produce /r/ in words and sentences with 80% accuracy in structured activities.',
    baseline: '35% accuracy at the word level (August 2026)',
    target: '80% accuracy across three consecutive sessions',
    measurement: 'Therapist data sheets',
  });
  const readingGoal = await create('goal', {
    planId: plan.id,
    area: 'Reading',
    text: 'Emma will read grade-level passages at 90 words correct per minute.',
    baseline: '58 words correct per minute',
    target: '90 words correct per minute',
    measurement: 'Monthly fluency probes',
  });
  const steps: [string, string][] = [
    ['trigger', 'Loud, unstructured transitions (hallways, assemblies)'],
    ['strategy', 'Offer a sensory break before transitions; give a two-minute warning'],
    ['reward', 'Token chart: five tokens earn ten minutes of a chosen activity'],
    ['response', 'Calm-down corner with a visual timer; no removal from recess as a consequence'],
  ];
  const stepIds: string[] = [];
  for (const [i, [kind, text]] of steps.entries()) {
    stepIds.push((await create('behaviorStep', { planId: plan.id, kind, text, position: i })).id);
  }
  const [, sensoryBreak, tokenChart, calmCorner] = stepIds as [string, string, string, string];
  // The behavior plan's rewards go unused and a consequence contradicts the plan (the article).
  const incidents: [string, string, boolean, boolean, string[], string[]][] = [
    [
      '2026-09-22',
      'Overwhelmed at the assembly; sent to the office',
      false,
      true,
      [],
      [sensoryBreak, calmCorner],
    ],
    [
      '2026-10-01',
      'Meltdown in the hallway during the fire drill',
      false,
      false,
      [calmCorner],
      [sensoryBreak, tokenChart],
    ],
    [
      '2026-10-14',
      'Refused to go to lunch; kept in from recess',
      false,
      true,
      [],
      [sensoryBreak, tokenChart],
    ],
  ];
  for (const [date, summary, rewardUsed, consequenceContradicted, stepsFollowed, stepsSkipped] of incidents) {
    await create('behaviorIncident', {
      planId: plan.id,
      date,
      summary,
      rewardUsed,
      consequenceContradicted,
      stepsFollowed,
      stepsSkipped,
      source: 'teacher',
    });
  }
  const team: [string, string, string][] = [
    ['Ms. Alvarez', 'Case manager', 'alvarez@maple.example.org'],
    ['Mr. Chen', 'Speech-language pathologist', 'chen@maple.example.org'],
    ['Ms. Okafor', 'Occupational therapist', 'okafor@district.example.org'],
    ['Mrs. Patel', 'Reading specialist', 'patel@maple.example.org'],
    ['Dr. Brooks', 'Principal', 'brooks@maple.example.org'],
  ];
  const contactIds: string[] = [];
  for (const [name, role, email] of team)
    contactIds.push((await create('teamContact', { childId: child.id, name, role, email })).id);
  const [alvarez, chen] = contactIds as [string, string];
  // The article's communication playbook, half followed: an email answered the next day, a call
  // never followed up in writing, and an email about make-ups still waiting for its reply.
  const headphonesEmail = await create('communication', {
    childId: child.id,
    kind: 'email',
    direction: 'sent',
    date: '2026-09-24',
    contactIds: [alvarez],
    subject: 'Headphones',
    summary:
      'Emma says her noise-canceling headphones are kept in a locked cabinet and nobody had the key this week. Could we problem-solve together so she can reach them during independent work and tests?',
  });
  await create('communication', {
    childId: child.id,
    kind: 'email',
    direction: 'received',
    date: '2026-09-25',
    contactIds: [alvarez],
    subject: 'Re: Headphones',
    summary: 'Thank you for letting me know. I have moved the headphones to a basket at her desk.',
    inReplyToId: headphonesEmail.id,
  });
  await create('communication', {
    childId: child.id,
    kind: 'phone',
    direction: 'received',
    date: '2026-10-19',
    contactIds: [chen],
    summary:
      'Mr. Chen called about the speech schedule: he is at the school only on Tuesdays until November.',
    decisions: 'Speech stays at one session a week until Mr. Chen is back to two days.',
    nextSteps: 'Mr. Chen will send a schedule for the make-up sessions.',
  });
  await create('communication', {
    childId: child.id,
    kind: 'email',
    direction: 'sent',
    date: '2026-10-20',
    contactIds: [chen, alvarez],
    subject: 'Make-up sessions for speech',
    summary:
      'Thank you for the call yesterday. Could you send the schedule for the make-up sessions, so Emma gets the speech minutes she missed?',
  });
  await create('parentNote', {
    childId: child.id,
    date: '2026-10-14',
    kind: 'new_challenge',
    text: 'Emma has been coming home upset on Fridays, after the spelling test.',
  });
  await create('parentNote', {
    childId: child.id,
    date: '2026-10-23',
    kind: 'win',
    text: 'Emma read a whole chapter book aloud at bedtime.',
  });
  const keyDates: [string, string, string][] = [
    ['progress_report', '2026-11-13', 'First progress report'],
    ['progress_report', '2027-01-29', 'Second progress report'],
    ['progress_report', '2027-04-16', 'Third progress report'],
    ['annual_review', '2027-09-07', 'Annual IEP review due'],
    ['reevaluation', '2028-09-05', 'Three-year reevaluation due'],
  ];
  for (const [kind, date, label] of keyDates) await create('keyDate', { planId: plan.id, kind, date, label });
  await create('goalProgress', {
    goalId: readingGoal.id,
    date: '2026-09-25',
    value: '60 words correct per minute',
    numericValue: 60,
    source: 'observation',
  });
  await create('goalProgress', {
    goalId: readingGoal.id,
    date: '2026-10-23',
    value: '63 words correct per minute',
    numericValue: 63,
    source: 'teacher',
  });

  // A work sample: the photo of a reading worksheet (drawn here; a parent would take a picture),
  // showing the simplified directions, kept as evidence for the reading goal.
  const worksheet = await storeAttachment(store, ctx, {
    filename: 'reading-response-worksheet.png',
    bytes: await drawWorksheet(),
    maxBytes: DEFAULT_UPLOAD_LIMIT_BYTES,
  });
  await create('workSample', {
    childId: child.id,
    date: '2026-10-21',
    title: 'Reading response worksheet',
    className: 'English',
    setting: 'classwork',
    teacherKind: 'regular',
    attachmentIds: [worksheet.attachment.id],
    accommodationChecks: [{ accommodationId: accommodationIds[4], outcome: 'provided' }],
    goalIds: [readingGoal.id],
    note: 'Directions were rewritten as three numbered steps at the top.',
  });

  const serviceIds = { speech: speech.id, ot: ot.id, reading: reading.id };
  const byDate = new Map<string, string>();
  for (const e of [...SPEECH, ...OT, ...readingEntries()].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const makeupFor = e.makeupFor ? byDate.get(`${e.service}:${e.makeupFor}`) : undefined;
    const saved = await createSessionEntry(store, ctx, {
      serviceId: serviceIds[e.service],
      date: e.date,
      kind: e.kind ?? 'scheduled',
      status: e.status ?? 'delivered',
      minutesDelivered: e.minutes,
      reason: e.reason,
      reasonText: e.reasonText,
      makeupForEntryId: makeupFor,
      source: e.source ?? 'parent',
      startTime: e.startTime,
    });
    byDate.set(`${e.service}:${e.date}`, saved.id);
  }
  return {
    householdId: household.id,
    childId: child.id,
    planId: plan.id,
    calendarId: calendar.id,
    services: serviceIds,
  };
}

/** A plain drawing of a worksheet (the demo has no real photos). */
async function drawWorksheet(): Promise<Buffer> {
  const lines = Array.from(
    { length: 9 },
    (_, i) =>
      `<line x1="60" y1="${330 + i * 44}" x2="540" y2="${330 + i * 44}" stroke="#9aa" stroke-width="2"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="780">
    <rect width="600" height="780" fill="#fbfaf4"/>
    <text x="60" y="80" font-family="DejaVu Sans, sans-serif" font-size="30" fill="#223">Reading response</text>
    <text x="60" y="130" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#445">1. Read the story.</text>
    <text x="60" y="170" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#445">2. Circle the main character.</text>
    <text x="60" y="210" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#445">3. Write two sentences about the ending.</text>
    <rect x="50" y="100" width="500" height="130" fill="none" stroke="#c84" stroke-width="3" rx="10"/>
    ${lines}
    <text x="60" y="740" font-family="DejaVu Sans, sans-serif" font-size="16" fill="#889">Demo image</text>
  </svg>`;
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(svg)).png().toBuffer();
}
