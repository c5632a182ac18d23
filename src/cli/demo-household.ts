import { addDays, daysInMonth, isoWeekday, weekStart } from '../domain/dates.ts';
import { buildCalendarIndex, type CalendarIndex, dayOf } from '../domain/school-calendar.ts';
import { type Clock, idSource, type ServiceContext } from '../server/context.ts';
import { DEFAULT_UPLOAD_LIMIT_BYTES, storeAttachment } from '../server/services/attachments.ts';
import { createHousehold } from '../server/services/households.ts';
import { type ApiRecord, createRecord } from '../server/services/records.ts';
import { RESOURCES } from '../server/services/resources.ts';
import { createSessionEntry } from '../server/services/session-entries.ts';
import type { Store } from '../store/database.ts';

// The demo household tells the story of the article this project grew from (README.md, "Try the
// article's story"): speech therapy is
// 30 minutes twice a week, but the therapist is at the school only once a week, and sessions are
// cancelled for assemblies and a snow day and rarely made up.
//
// It is built relative to today: the story's school year is the latest one whose first eight weeks are
// over (the year under way from November to June; the year that just ended in July and August, and in
// September and October, before the new year's eight weeks could have happened). The story fills those
// first eight weeks, day for day, so the hand-worked speech figures hold every year
// (test/integration/demo-story.test.ts); after it, ordinary weeks follow up to last week (sessions
// that happened, now and then a documented miss, a session moved when a holiday falls on its day).
//
// In September and October, once the next school year has begun, that year is built too, as a real
// family's record looks after the annual review: the review held in May (a meeting, its written summary
// and the reply), a renewed IEP from the new year's first day (the same services, accommodations and
// behavior steps, the goals with the baselines reached), the new year's school calendar, and its
// ordinary weeks from the first day up to last week. The story's plan then ends the day before; its
// make-up minutes stay owed, and the home screen and the advisor still speak of them. So "This week",
// the ledger and the advisor have a school year and a plan in force to read on any date.

export type DemoHousehold = {
  householdId: string;
  childId: string;
  planId: string;
  calendarId: string;
  services: DemoServices;
  /** The school year the demo was built in, and the story's eight weeks (Monday to Sunday). */
  schoolYear: DemoSchoolYear;
  /**
   * The next school year, once it has begun (September and October): its calendar, the IEP renewed at
   * the annual review, and its services; null the rest of the year.
   */
  renewal: {
    planId: string;
    calendarId: string;
    services: DemoServices;
    /** The new year's dates (its story fields are unused: the story is in the year before). */
    schoolYear: DemoSchoolYear;
  } | null;
};

export type DemoServices = { speech: string; ot: string; reading: string };

export type DemoSchoolYear = {
  /** The calendar year the school year starts in (2026 for 2026-27). */
  startYear: number;
  /** A Tuesday in early September, five weeks before Indigenous Peoples' Day. */
  firstDay: string;
  /** The second Friday of June. */
  lastDay: string;
  /** The Monday before the first day, and the Sunday that ends the story's eighth week. */
  storyFrom: string;
  storyTo: string;
};

/** The n-th (1-based) given ISO weekday of a month, or the last one with n = -1. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  if (n > 0) {
    const first = `${year}-${pad(month)}-01`;
    return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + (n - 1) * 7);
  }
  const last = `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;
  return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
}

/** The school year starting in September of `startYear`, and where the story sits in it. */
function schoolYearOf(startYear: number): DemoSchoolYear {
  // Indigenous Peoples' Day (the second Monday of October) is the story's holiday, the Monday of its
  // sixth week: school starts on the Tuesday 34 days before, which is always the Tuesday after Labor
  // Day or a week later, so every year has the story's weeks exactly.
  const firstDay = addDays(nthWeekday(startYear, 10, 1, 2), -34);
  return {
    startYear,
    firstDay,
    lastDay: nthWeekday(startYear + 1, 6, 5, 2),
    storyFrom: addDays(firstDay, -1),
    storyTo: addDays(firstDay, 54),
  };
}

/** The latest school year whose story (its first eight weeks) ended before this week began. */
export function demoSchoolYear(today: string): DemoSchoolYear {
  const thisWeek = weekStart(today);
  let year = schoolYearOf(Number(today.slice(0, 4)));
  while (year.storyTo >= thisWeek) year = schoolYearOf(year.startYear - 1);
  return year;
}

/**
 * The school year after the story's, when it has begun by today (in September and October, before its
 * own first eight weeks are over); null otherwise.
 */
export function demoRenewalYear(today: string): DemoSchoolYear | null {
  const next = schoolYearOf(demoSchoolYear(today).startYear + 1);
  return today >= next.firstDay ? next : null;
}

/**
 * The days off of a school year: the district's usual calendar, and in the story's year its snow day
 * (an early storm happens once; the next year's calendar has none yet).
 */
function calendarEvents(y: DemoSchoolYear, withSnowDay: boolean): [string, string, string | null, string][] {
  const next = y.startYear + 1;
  const at = (offset: number) => addDays(y.firstDay, offset);
  // Veterans Day is observed on the Friday before or the Monday after when it falls on a weekend.
  const veterans = `${y.startYear}-11-11`;
  const veteransObserved =
    isoWeekday(veterans) === 6
      ? addDays(veterans, -1)
      : isoWeekday(veterans) === 7
        ? addDays(veterans, 1)
        : veterans;
  const thanksgiving = nthWeekday(y.startYear, 11, 4, 4);
  // Winter break: the two weeks from the Monday of the week of December 22.
  const winterStart = weekStart(`${y.startYear}-12-22`);
  const winterEnd = addDays(winterStart, 11);
  const springStart = nthWeekday(next, 3, 1, -1);
  const events: [string, string, string | null, string][] = [
    ['holiday', at(34), null, "Indigenous Peoples' Day"],
    ['holiday', veteransObserved, null, 'Veterans Day'],
    ['break', addDays(thanksgiving, -1), addDays(thanksgiving, 1), 'Thanksgiving break'],
    ['break', winterStart, winterEnd, 'Winter break'],
  ];
  const newYear = `${next}-01-01`;
  if (newYear > winterEnd && isoWeekday(newYear) <= 5)
    events.push(['holiday', newYear, null, "New Year's Day"]);
  events.push(
    ['holiday', nthWeekday(next, 1, 1, 3), null, 'Martin Luther King Jr. Day'],
    ['holiday', nthWeekday(next, 2, 1, 3), null, "Presidents' Day"],
    ['break', springStart, addDays(springStart, 4), 'Spring break'],
    ['holiday', nthWeekday(next, 5, 1, -1), null, 'Memorial Day'],
  );
  if (withSnowDay) events.push(['closure', at(49), null, 'Snow day (early storm)']);
  events.push(['early_dismissal', at(38), null, 'Parent conferences']);
  return events;
}

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

/** The story's entries, by days after the first day of school (day 0, a Tuesday). */
type StoryEntry = Omit<Entry, 'date' | 'makeupFor'> & { day: number; makeupForDay?: number };

/** Speech, week by week (Tuesdays and Thursdays). */
const SPEECH: StoryEntry[] = [
  { service: 'speech', day: 0 },
  { service: 'speech', day: 2 },
  {
    service: 'speech',
    day: 7,
    status: 'missed',
    reason: 'provider_absent',
    reasonText: 'Therapist at her other school on Tuesdays',
  },
  { service: 'speech', day: 9, source: 'school_log' },
  {
    service: 'speech',
    day: 14,
    status: 'missed',
    reason: 'school_event',
    reasonText: 'Back-to-school assembly',
  },
  { service: 'speech', day: 16, source: 'school_log' },
  { service: 'speech', day: 21 },
  {
    service: 'speech',
    day: 23,
    status: 'short',
    minutes: 20,
    reason: 'school_event',
    reasonText: 'Fire drill',
  },
  // The fifth week has no entries at all.
  {
    service: 'speech',
    day: 35,
    status: 'missed',
    reason: 'student_absent',
    reasonText: 'Home sick',
  },
  { service: 'speech', day: 37, source: 'school_log' },
  {
    service: 'speech',
    day: 42,
    status: 'missed',
    reason: 'provider_absent',
    reasonText: 'Therapist out',
  },
  { service: 'speech', day: 44, source: 'school_log' },
  {
    service: 'speech',
    day: 49,
    status: 'missed',
    reason: 'school_closed',
    reasonText: 'Snow day',
  },
  { service: 'speech', day: 51 },
  {
    service: 'speech',
    day: 52,
    kind: 'makeup',
    minutes: 30,
    makeupForDay: 14,
    reasonText: 'Make-up for the assembly',
  },
];

/** OT is weekly on the plan, but the therapist rotates between schools and comes about twice a month. */
const OT: StoryEntry[] = [
  { service: 'ot', day: 1 },
  {
    service: 'ot',
    day: 8,
    status: 'missed',
    reason: 'provider_absent',
    reasonText: 'OT at another school',
  },
  { service: 'ot', day: 15 },
  {
    service: 'ot',
    day: 22,
    status: 'missed',
    reason: 'provider_absent',
    reasonText: 'OT at another school',
  },
  { service: 'ot', day: 29 },
  {
    service: 'ot',
    day: 36,
    status: 'missed',
    reason: 'provider_absent',
    reasonText: 'OT at another school',
  },
  { service: 'ot', day: 43 },
  {
    service: 'ot',
    day: 50,
    status: 'missed',
    reason: 'unknown',
    reasonText: 'No note in the folder',
  },
];

/** Reading pull-out, Monday, Wednesday and Friday, during science. */
function readingStory(): StoryEntry[] {
  const out: StoryEntry[] = [];
  const skip = new Set([34, 49]); // the holiday and the snow day
  const misses: Record<number, Pick<Entry, 'reason' | 'reasonText'>> = {
    17: { reason: 'testing', reasonText: 'Fall benchmark testing' },
    31: { reason: 'field_trip', reasonText: 'Field trip to the science museum' },
    45: { reason: 'scheduling_conflict', reasonText: 'Reading teacher covering a class' },
  };
  // Day 1 is the first Wednesday; day 52 the Friday of the eighth week.
  for (let day = 1; day <= 52; day++) {
    const weekday = ((day + 1) % 7) + 1; // day 0 is a Tuesday (ISO 2)
    if (![1, 3, 5].includes(weekday) || skip.has(day)) continue;
    const miss = misses[day];
    out.push(
      miss
        ? { service: 'reading', day, status: 'missed', startTime: '10:05', ...miss }
        : { service: 'reading', day, source: 'school_log', startTime: '10:05' },
    );
  }
  return out;
}

/**
 * Ordinary weeks of a school year from the Monday `from` (after the story, or the new year's first
 * week) up to the end of last week. Speech is two days a week (Tuesday and Thursday), OT comes every
 * Wednesday, reading is Monday, Wednesday and Friday; a session whose day has no school moves to the
 * next school day of that week, and now and then one is missed, each with the reason a school log
 * would give. Extended school year speech follows in the summer, once a week.
 */
function ordinaryWeeks(calendar: CalendarIndex, y: DemoSchoolYear, from: string, until: string) {
  const esy = esyOf(y);
  const out: Entry[] = [];
  const speechMisses = [
    { reason: 'provider_absent', reasonText: 'Mr. Chen at a district training' },
    { reason: 'student_absent', reasonText: 'Home with a cold' },
    { reason: 'school_event', reasonText: 'Winter concert rehearsal' },
    { reason: 'testing', reasonText: 'State testing in the speech room' },
  ];
  const readingMisses = [
    { reason: 'school_event', reasonText: 'Assembly' },
    { reason: 'testing', reasonText: 'Winter benchmark testing' },
    { reason: 'student_absent', reasonText: 'Home with a cold' },
  ];
  let speechCount = 0;
  let otCount = 0;
  let readingCount = 0;
  for (let monday = from; monday <= until && monday <= y.lastDay; monday = addDays(monday, 7)) {
    const schoolDays: string[] = [];
    for (let i = 0; i < 5; i++) {
      const d = addDays(monday, i);
      if (d <= until && calendar.isInstructionalDay(d)) schoolDays.push(d);
    }
    if (schoolDays.length === 0) continue;
    // Each weekday's session, or the next free school day of the week when that day has none.
    const taken = new Set<string>();
    const place = (weekday: number): string | null => {
      const wanted = addDays(monday, weekday - 1);
      const day =
        schoolDays.find((d) => d >= wanted && !taken.has(d)) ?? schoolDays.find((d) => !taken.has(d));
      if (day) taken.add(day);
      return day ?? null;
    };
    for (const weekday of [2, 4]) {
      const date = place(weekday);
      if (!date) continue;
      speechCount++;
      const miss = speechCount % 9 === 0 ? speechMisses[(speechCount / 9) % speechMisses.length]! : null;
      out.push(
        miss
          ? { service: 'speech', date, status: 'missed', ...miss, source: 'school_log' }
          : { service: 'speech', date, source: speechCount % 3 === 0 ? 'parent' : 'school_log' },
      );
    }
    taken.clear();
    const otDay = place(3);
    if (otDay) {
      otCount++;
      out.push(
        otCount % 7 === 0
          ? {
              service: 'ot',
              date: otDay,
              status: 'missed',
              reason: 'student_absent',
              reasonText: 'Home with a fever',
            }
          : { service: 'ot', date: otDay, source: otCount % 2 === 0 ? 'provider' : 'school_log' },
      );
    }
    taken.clear();
    for (const weekday of [1, 3, 5]) {
      const date = place(weekday);
      if (!date) continue;
      readingCount++;
      const miss =
        readingCount % 14 === 0 ? readingMisses[(readingCount / 14) % readingMisses.length]! : null;
      out.push(
        miss
          ? { service: 'reading', date, status: 'missed', startTime: '10:05', ...miss }
          : { service: 'reading', date, source: 'school_log', startTime: '10:05' },
      );
    }
  }
  // Extended school year: speech once a week, on Wednesdays that are ESY days (not July 4).
  for (let d = addDays(weekStart(esy.start), 2); d <= esy.end && d <= until; d = addDays(d, 7)) {
    if (d >= esy.start && calendar.isEsyDayNumber(dayOf(d)) && !d.endsWith('-07-04'))
      out.push({ service: 'speech', date: d, source: 'provider' });
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
  const today = clock.today();
  const year = demoSchoolYear(today);
  const next = demoRenewalYear(today);
  /** A day of the story, by days after the first day of school. */
  const at = (day: number) => addDays(year.firstDay, day);
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
  const create: Create = (def, body) => createRecord(store, ctx, RESOURCES[def], body);

  const child = await create('child', {
    firstName: 'Emma',
    lastName: 'Rivera-Demo',
    grade: '3',
    school: 'Maple Street Elementary',
  });
  // The story's plan runs a year; once the next year's renewed IEP has begun, it ends the day before.
  const planEnd = next && next.firstDay <= at(364) ? addDays(next.firstDay, -1) : at(364);
  const plan = await createPlan(store, ctx, child.id, year, planEnd);
  const calendar = await createCalendar(create, child.id, year, true);
  const services = await createServices(create, plan.id, year);
  const accommodationIds = await createAccommodations(create, plan.id);
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
      at(6),
      'not_provided',
      'Math',
      'classwork',
      'regular',
      'child_report',
      'Sat in the back row again',
    ],
    [seating, at(13), 'provided', 'Math', 'classwork', 'regular', 'child_report', 'Moved up front'],
    [
      extendedTime,
      at(10),
      'not_provided',
      'Spelling',
      'test',
      'substitute',
      'child_report',
      'The sub collected the test on time',
    ],
    [
      extendedTime,
      at(24),
      'not_provided',
      'Math',
      'quiz',
      'substitute',
      'work_sample',
      'Quiz stopped at question 6',
    ],
    [extendedTime, at(31), 'provided', 'Science', 'test', 'regular', 'child_report', null],
    [extendedTime, at(45), 'provided', 'Math', 'quiz', 'regular', 'work_sample', null],
    [
      extendedTime,
      at(38),
      'not_provided',
      'Spelling',
      'test',
      'substitute',
      'child_report',
      'Substitute again',
    ],
    [
      headphones,
      at(15),
      'not_provided',
      null,
      'classwork',
      'other_staff',
      'child_report',
      'In a locked cabinet, nobody had the key',
    ],
    [headphones, at(22), 'not_provided', null, 'test', 'other_staff', 'child_report', 'Still locked away'],
    [
      calculator,
      at(29),
      'not_provided',
      'Math',
      'classwork',
      'regular',
      'work_sample',
      'Long division done by hand',
    ],
  ];
  for (const observation of observations) {
    const [accommodationId, date, outcome, className, setting, teacherKind, source, note] = observation;
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
  const goals = await createGoals(create, plan.id, {
    speech: `35% accuracy at the word level (August ${year.startYear})`,
    reading: '58 words correct per minute',
  });
  const readingGoal = goals.reading;
  const stepIds = await createBehaviorSteps(create, plan.id);
  const [, sensoryBreak, tokenChart, calmCorner] = stepIds as [string, string, string, string];
  // The behavior plan's rewards go unused and a consequence contradicts the plan (the article).
  const incidents: [string, string, boolean, boolean, string[], string[]][] = [
    [at(14), 'Overwhelmed at the assembly; sent to the office', false, true, [], [sensoryBreak, calmCorner]],
    [
      at(23),
      'Meltdown in the hallway during the fire drill',
      false,
      false,
      [calmCorner],
      [sensoryBreak, tokenChart],
    ],
    [at(36), 'Refused to go to lunch; kept in from recess', false, true, [], [sensoryBreak, tokenChart]],
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
  const [alvarez, chen, okafor, patel] = contactIds as [string, string, string, string];
  // The article's communication playbook, half followed: an email answered the next day, a call
  // never followed up in writing, and an email about make-ups still waiting for its reply.
  const headphonesEmail = await create('communication', {
    childId: child.id,
    kind: 'email',
    direction: 'sent',
    date: at(16),
    contactIds: [alvarez],
    subject: 'Headphones',
    summary:
      'Emma says her noise-canceling headphones are kept in a locked cabinet and nobody had the key this week. Could we problem-solve together so she can reach them during independent work and tests?',
  });
  await create('communication', {
    childId: child.id,
    kind: 'email',
    direction: 'received',
    date: at(17),
    contactIds: [alvarez],
    subject: 'Re: Headphones',
    summary: 'Thank you for letting me know. I have moved the headphones to a basket at her desk.',
    inReplyToId: headphonesEmail.id,
  });
  await create('communication', {
    childId: child.id,
    kind: 'phone',
    direction: 'received',
    date: at(41),
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
    date: at(42),
    contactIds: [chen, alvarez],
    subject: 'Make-up sessions for speech',
    summary:
      'Thank you for the call yesterday. Could you send the schedule for the make-up sessions, so Emma gets the speech minutes she missed?',
  });
  await create('parentNote', {
    childId: child.id,
    date: at(36),
    kind: 'new_challenge',
    text: 'Emma has been coming home upset on Fridays, after the spelling test.',
  });
  await create('parentNote', {
    childId: child.id,
    date: at(45),
    kind: 'win',
    text: 'Emma read a whole chapter book aloud at bedtime.',
  });
  await createKeyDates(create, plan.id, [
    ['progress_report', at(66), 'First progress report'],
    ['progress_report', at(143), 'Second progress report'],
    ['progress_report', at(220), 'Third progress report'],
    ['annual_review', at(364), 'Annual IEP review due'],
    ['reevaluation', at(728), 'Three-year reevaluation due'],
  ]);
  await create('goalProgress', {
    goalId: readingGoal.id,
    date: at(17),
    value: '60 words correct per minute',
    numericValue: 60,
    source: 'observation',
  });
  await create('goalProgress', {
    goalId: readingGoal.id,
    date: at(45),
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
    date: at(43),
    title: 'Reading response worksheet',
    className: 'English',
    setting: 'classwork',
    teacherKind: 'regular',
    attachmentIds: [worksheet.attachment.id],
    accommodationChecks: [{ accommodationId: accommodationIds[4], outcome: 'provided' }],
    goalIds: [readingGoal.id],
    note: 'Directions were rewritten as three numbered steps at the top.',
  });

  const story: Entry[] = [...SPEECH, ...OT, ...readingStory()].map(({ day, makeupForDay, ...e }) => ({
    ...e,
    date: at(day),
    ...(makeupForDay == null ? {} : { makeupFor: at(makeupForDay) }),
  }));
  // After the story, ordinary weeks up to the end of last week, by the calendar just made.
  const lastWeekEnd = addDays(weekStart(today), -1);
  const later = ordinaryWeeks(calendar.index, year, addDays(year.firstDay, 55), lastWeekEnd);
  // The story in the order it always had (same-day entries keep their order, so their ids do too),
  // then the weeks after it.
  await logSessions(store, ctx, services, [...story.sort(byDay), ...later.sort(byDay)]);

  let renewal: DemoHousehold['renewal'] = null;
  if (next) {
    // The annual review, held on the third Thursday of May of the story's year, as the parent logged
    // it: the meeting, her written summary the next day, and the case manager's reply. Then the goals'
    // values reached, which become the new baselines.
    const reviewDate = nthWeekday(next.startYear, 5, 4, 3);
    await createKeyDates(create, plan.id, [['meeting', reviewDate, 'Annual IEP review held']]);
    const meeting = await create('communication', {
      childId: child.id,
      kind: 'meeting',
      direction: 'received',
      date: reviewDate,
      contactIds: [alvarez, chen, okafor, patel],
      subject: 'Annual IEP review',
      summary:
        'Annual IEP review with Ms. Alvarez, Mr. Chen, Ms. Okafor and Mrs. Patel. Emma is at 62% on /r/ at the word level and reads 74 words correct per minute.',
      decisions:
        'Next year: speech stays at 30 minutes twice a week, OT at 30 minutes a week, reading at 45 minutes three times a week. Same accommodations and behavior plan; the goals keep their targets, with the new baselines. The new IEP starts on the first day of school.',
      nextSteps:
        'Ms. Alvarez will put the signed IEP in Emma’s folder. Mr. Chen will propose times to make up the speech sessions still owed.',
    });
    const summary = await create('communication', {
      childId: child.id,
      kind: 'email',
      direction: 'sent',
      date: addDays(reviewDate, 1),
      contactIds: [alvarez, chen],
      subject: 'Summary of the annual review',
      summary:
        'Thank you all for the meeting yesterday. To make sure I understood: Emma’s services, accommodations and behavior plan stay the same next year, the goals keep their targets with the new baselines, and the new IEP starts on the first day of school. Mr. Chen will propose times to make up the speech sessions still owed.',
      followsUpId: meeting.id,
    });
    await create('communication', {
      childId: child.id,
      kind: 'email',
      direction: 'received',
      date: addDays(reviewDate, 5),
      contactIds: [alvarez],
      subject: 'Re: Summary of the annual review',
      summary: 'Yes, that is right. The signed IEP is in Emma’s folder today.',
      inReplyToId: summary.id,
    });
    const reached: [string, string, number][] = [
      [goals.speech.id, '62% accuracy on /r/ at the word level', 62],
      [goals.reading.id, '74 words correct per minute', 74],
    ];
    for (const [goalId, value, numericValue] of reached) {
      await create('goalProgress', { goalId, date: reviewDate, value, numericValue, source: 'teacher' });
    }

    // The renewed IEP: a year from the new first day, the same services, accommodations and behavior
    // steps, the goals with the baselines reached, and the key dates of its year.
    const from = (day: number) => addDays(next.firstDay, day);
    const renewedEnd = addDays(`${next.startYear + 1}${next.firstDay.slice(4)}`, -1);
    const renewed = await createPlan(store, ctx, child.id, next, renewedEnd);
    const nextCalendar = await createCalendar(create, child.id, next, false);
    const renewedServices = await createServices(create, renewed.id, next);
    await createAccommodations(create, renewed.id);
    await createGoals(create, renewed.id, {
      speech: `62% accuracy at the word level (May ${next.startYear})`,
      reading: `74 words correct per minute (May ${next.startYear})`,
    });
    await createBehaviorSteps(create, renewed.id);
    await createKeyDates(create, renewed.id, [
      ['progress_report', from(66), 'First progress report'],
      ['progress_report', from(143), 'Second progress report'],
      ['progress_report', from(220), 'Third progress report'],
      ['annual_review', renewedEnd, 'Annual IEP review due'],
      // The first plan's date: two years after it began, a year after this one begins.
      ['reevaluation', at(728), 'Three-year reevaluation due'],
    ]);
    // Its ordinary weeks, from the first week of school up to the end of last week.
    const weeks = ordinaryWeeks(nextCalendar.index, next, weekStart(next.firstDay), lastWeekEnd);
    await logSessions(store, ctx, renewedServices, weeks.sort(byDay));
    renewal = {
      planId: renewed.id,
      calendarId: nextCalendar.id,
      services: renewedServices,
      schoolYear: next,
    };
  }
  return {
    householdId: household.id,
    childId: child.id,
    planId: plan.id,
    calendarId: calendar.id,
    services,
    schoolYear: year,
    renewal,
  };
}

/** Creates one record in the demo household (createRecord in its context). */
type Create = (def: keyof typeof RESOURCES, body: Record<string, unknown>) => Promise<ApiRecord>;

/** Extended school year: four weeks, from the Monday two weeks after the last day. */
function esyOf(y: DemoSchoolYear) {
  return { start: addDays(y.lastDay, 17), end: addDays(y.lastDay, 42) };
}

/** "2026-2027". */
function yearsOf(y: DemoSchoolYear): string {
  return `${y.startYear}-${y.startYear + 1}`;
}

/** Entries in date order; entries of one day keep their order (so their ids do too). */
const byDay = (a: Entry, b: Entry) => (a.date < b.date ? -1 : 1);

/** An IEP for a school year, from its first day to `effectiveTo`, with its first version. */
function createPlan(
  store: Store,
  ctx: ServiceContext,
  childId: string,
  y: DemoSchoolYear,
  effectiveTo: string,
) {
  return createRecord(store, ctx, RESOURCES.plan, {
    childId,
    kind: 'iep',
    jurisdiction: { country: 'US', region: 'CA' },
    title: `IEP, ${yearsOf(y)}`,
    effectiveFrom: y.firstDay,
    effectiveTo,
  });
}

/** The school calendar of a year with its days off, and its index for placing the ordinary weeks. */
async function createCalendar(create: Create, childId: string, y: DemoSchoolYear, withSnowDay: boolean) {
  const calendar = await create('calendar', {
    childId,
    name: `Maple Street Elementary ${yearsOf(y)}`,
    firstDay: y.firstDay,
    lastDay: y.lastDay,
  });
  const events = calendarEvents(y, withSnowDay);
  for (const [kind, startDate, endDate, label] of events) {
    await create('calendarEvent', { calendarId: calendar.id, kind, startDate, endDate, label });
  }
  const index = buildCalendarIndex([
    {
      id: calendar.id,
      firstDay: y.firstDay,
      lastDay: y.lastDay,
      schoolWeekdays: [1, 2, 3, 4, 5],
      cycleLength: null,
      events: events.map(([kind, startDate, endDate, label]) => ({
        kind: kind as 'holiday',
        startDate,
        endDate,
        label,
      })),
    },
  ]);
  return { id: calendar.id, index };
}

/** The plan's three services over a school year, speech with its extended school year block. */
async function createServices(create: Create, planId: string, y: DemoSchoolYear): Promise<DemoServices> {
  const esy = esyOf(y);
  const weekly = (minutesPerSession: number, sessionsPerPeriod: number) => [
    {
      startDate: y.firstDay,
      endDate: y.lastDay,
      minutesPerSession,
      sessionsPerPeriod,
      period: { unit: 'week' },
    },
  ];
  const speech = await create('service', {
    planId,
    name: 'Speech-language therapy',
    area: 'speech',
    providerRole: 'Speech-language pathologist',
    setting: 'pull_out',
    delivery: 'direct',
    groupSizeLimit: 3,
    location: 'Speech therapy room',
    sourceText: 'Speech-language therapy, 30 minutes 2 times per week, pull-out, group of no more than 3',
    startDate: y.firstDay,
    endDate: y.lastDay,
    segments: weekly(30, 2),
    esyBlocks: [
      {
        startDate: esy.start,
        endDate: esy.end,
        minutesPerSession: 30,
        sessionsPerPeriod: 1,
        period: { unit: 'week' },
        label: 'Extended school year',
      },
    ],
  });
  const ot = await create('service', {
    planId,
    name: 'Occupational therapy',
    area: 'ot',
    providerRole: 'Occupational therapist',
    setting: 'pull_out',
    delivery: 'direct',
    sourceText: 'Occupational therapy, 30 minutes 1 time per week, outside general education',
    startDate: y.firstDay,
    endDate: y.lastDay,
    segments: weekly(30, 1),
  });
  const reading = await create('service', {
    planId,
    name: 'Specialized reading instruction',
    area: 'specialized_instruction',
    providerRole: 'Reading specialist',
    setting: 'pull_out',
    delivery: 'direct',
    groupSizeLimit: 4,
    location: 'Resource room',
    sourceText: 'Reading, 45 minutes 3 times per week, resource room, group of no more than 4',
    startDate: y.firstDay,
    endDate: y.lastDay,
    segments: weekly(45, 3),
  });
  return { speech: speech.id, ot: ot.id, reading: reading.id };
}

/** The plan's accommodations, in the plan's order (seating, extended time, headphones, calculator, directions). */
async function createAccommodations(create: Create, planId: string): Promise<string[]> {
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
  const ids: string[] = [];
  for (const [text, category, appliesTo, className] of accommodations) {
    ids.push((await create('accommodation', { planId, text, category, appliesTo, className })).id);
  }
  return ids;
}

/** The plan's speech and reading goals, from the baselines given (the targets stay). */
async function createGoals(create: Create, planId: string, baseline: { speech: string; reading: string }) {
  const speech = await create('goal', {
    planId,
    area: 'Speech',
    text: 'Emma will produce /r/ in words and sentences with 80% accuracy in structured activities.',
    baseline: baseline.speech,
    target: '80% accuracy across three consecutive sessions',
    measurement: 'Therapist data sheets',
  });
  const reading = await create('goal', {
    planId,
    area: 'Reading',
    text: 'Emma will read grade-level passages at 90 words correct per minute.',
    baseline: baseline.reading,
    target: '90 words correct per minute',
    measurement: 'Monthly fluency probes',
  });
  return { speech, reading };
}

/** The behavior plan: trigger, strategy, reward, response. */
async function createBehaviorSteps(create: Create, planId: string): Promise<string[]> {
  const steps: [string, string][] = [
    ['trigger', 'Loud, unstructured transitions (hallways, assemblies)'],
    ['strategy', 'Offer a sensory break before transitions; give a two-minute warning'],
    ['reward', 'Token chart: five tokens earn ten minutes of a chosen activity'],
    ['response', 'Calm-down corner with a visual timer; no removal from recess as a consequence'],
  ];
  const ids: string[] = [];
  for (const [i, [kind, text]] of steps.entries()) {
    ids.push((await create('behaviorStep', { planId, kind, text, position: i })).id);
  }
  return ids;
}

async function createKeyDates(create: Create, planId: string, dates: [string, string, string][]) {
  for (const [kind, date, label] of dates) await create('keyDate', { planId, kind, date, label });
}

/** Logs entries for a year's services, in the order given; a make-up names the miss logged before it. */
async function logSessions(store: Store, ctx: ServiceContext, services: DemoServices, entries: Entry[]) {
  const byDate = new Map<string, string>();
  for (const e of entries) {
    const makeupFor = e.makeupFor ? byDate.get(`${e.service}:${e.makeupFor}`) : undefined;
    const saved = await createSessionEntry(store, ctx, {
      serviceId: services[e.service],
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
