import { addDays, daysInMonth, isoWeekday, weekStart } from '../domain/dates.ts';
import { buildCalendarIndex, type CalendarIndex, dayOf } from '../domain/school-calendar.ts';
import { type Clock, idSource, type ServiceContext } from '../server/context.ts';
import { DEFAULT_UPLOAD_LIMIT_BYTES, storeAttachment } from '../server/services/attachments.ts';
import { createHousehold } from '../server/services/households.ts';
import { type ApiRecord, createRecord } from '../server/services/records.ts';
import { RESOURCES } from '../server/services/resources.ts';
import { createSessionEntry } from '../server/services/session-entries.ts';
import type { Store } from '../store/database.ts';
import { DEMO_WORDS, type DemoLanguage, type DemoWords } from './demo-words.ts';

// The demo household tells the story of the article this project grew from (README.md, "Try the
// article's story"): speech therapy is
// 30 minutes twice a week, but the therapist is at the school only once a week, and sessions are
// cancelled for assemblies and a snow day and rarely made up. Its words are in src/cli/demo-words.ts, in
// English or in Spanish (`as-written demo --lang es`); nothing else changes with the language.
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
function calendarEvents(
  w: DemoWords,
  y: DemoSchoolYear,
  withSnowDay: boolean,
): [string, string, string | null, string][] {
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
    ['holiday', at(34), null, w.calendar.indigenousPeoplesDay],
    ['holiday', veteransObserved, null, w.calendar.veteransDay],
    ['break', addDays(thanksgiving, -1), addDays(thanksgiving, 1), w.calendar.thanksgivingBreak],
    ['break', winterStart, winterEnd, w.calendar.winterBreak],
  ];
  const newYear = `${next}-01-01`;
  if (newYear > winterEnd && isoWeekday(newYear) <= 5)
    events.push(['holiday', newYear, null, w.calendar.newYearsDay]);
  events.push(
    ['holiday', nthWeekday(next, 1, 1, 3), null, w.calendar.mlkDay],
    ['holiday', nthWeekday(next, 2, 1, 3), null, w.calendar.presidentsDay],
    ['break', springStart, addDays(springStart, 4), w.calendar.springBreak],
    ['holiday', nthWeekday(next, 5, 1, -1), null, w.calendar.memorialDay],
  );
  if (withSnowDay) events.push(['closure', at(49), null, w.calendar.snowDay]);
  events.push(['early_dismissal', at(38), null, w.calendar.parentConferences]);
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
const speechStory = (w: DemoWords): StoryEntry[] => [
  { service: 'speech', day: 0 },
  { service: 'speech', day: 2 },
  {
    service: 'speech',
    day: 7,
    status: 'missed',
    reason: 'provider_absent',
    reasonText: w.story.therapistOtherSchool,
  },
  { service: 'speech', day: 9, source: 'school_log' },
  {
    service: 'speech',
    day: 14,
    status: 'missed',
    reason: 'school_event',
    reasonText: w.story.backToSchoolAssembly,
  },
  { service: 'speech', day: 16, source: 'school_log' },
  { service: 'speech', day: 21 },
  {
    service: 'speech',
    day: 23,
    status: 'short',
    minutes: 20,
    reason: 'school_event',
    reasonText: w.story.fireDrill,
  },
  // The fifth week has no entries at all.
  {
    service: 'speech',
    day: 35,
    status: 'missed',
    reason: 'student_absent',
    reasonText: w.story.homeSick,
  },
  { service: 'speech', day: 37, source: 'school_log' },
  {
    service: 'speech',
    day: 42,
    status: 'missed',
    reason: 'provider_absent',
    reasonText: w.story.therapistOut,
  },
  { service: 'speech', day: 44, source: 'school_log' },
  {
    service: 'speech',
    day: 49,
    status: 'missed',
    reason: 'school_closed',
    reasonText: w.story.snowDay,
  },
  { service: 'speech', day: 51 },
  {
    service: 'speech',
    day: 52,
    kind: 'makeup',
    minutes: 30,
    makeupForDay: 14,
    reasonText: w.story.makeupForAssembly,
  },
];

/** OT is weekly on the plan, but the therapist rotates between schools and comes about twice a month. */
const otStory = (w: DemoWords): StoryEntry[] => [
  { service: 'ot', day: 1 },
  {
    service: 'ot',
    day: 8,
    status: 'missed',
    reason: 'provider_absent',
    reasonText: w.story.otAtAnotherSchool,
  },
  { service: 'ot', day: 15 },
  {
    service: 'ot',
    day: 22,
    status: 'missed',
    reason: 'provider_absent',
    reasonText: w.story.otAtAnotherSchool,
  },
  { service: 'ot', day: 29 },
  {
    service: 'ot',
    day: 36,
    status: 'missed',
    reason: 'provider_absent',
    reasonText: w.story.otAtAnotherSchool,
  },
  { service: 'ot', day: 43 },
  {
    service: 'ot',
    day: 50,
    status: 'missed',
    reason: 'unknown',
    reasonText: w.story.noNoteInFolder,
  },
];

/** Reading pull-out, Monday, Wednesday and Friday, during science. */
function readingStory(w: DemoWords): StoryEntry[] {
  const out: StoryEntry[] = [];
  const skip = new Set([34, 49]); // the holiday and the snow day
  const misses: Record<number, Pick<Entry, 'reason' | 'reasonText'>> = {
    17: { reason: 'testing', reasonText: w.story.fallBenchmark },
    31: { reason: 'field_trip', reasonText: w.story.fieldTrip },
    45: { reason: 'scheduling_conflict', reasonText: w.story.readingTeacherCovering },
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
function ordinaryWeeks(
  w: DemoWords,
  calendar: CalendarIndex,
  y: DemoSchoolYear,
  from: string,
  until: string,
) {
  const esy = esyOf(y);
  const out: Entry[] = [];
  const [training, cold, rehearsal, stateTesting] = w.ordinary.speechMisses;
  const speechMisses = [
    { reason: 'provider_absent', reasonText: training },
    { reason: 'student_absent', reasonText: cold },
    { reason: 'school_event', reasonText: rehearsal },
    { reason: 'testing', reasonText: stateTesting },
  ];
  const [assembly, winterTesting, readingCold] = w.ordinary.readingMisses;
  const readingMisses = [
    { reason: 'school_event', reasonText: assembly },
    { reason: 'testing', reasonText: winterTesting },
    { reason: 'student_absent', reasonText: readingCold },
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
              reasonText: w.ordinary.otFever,
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

/**
 * Fill a new demo household; `ownerUserId`, when given, becomes its owner. `language` is the language
 * of its texts (src/cli/demo-words.ts): the records, dates and figures are the same in every language.
 */
export async function seedDemoHousehold(
  store: Store,
  clock: Clock,
  ownerUserId?: string,
  language: DemoLanguage = 'en',
): Promise<DemoHousehold> {
  const w = DEMO_WORDS[language];
  const newId = idSource(clock);
  const actor = { kind: 'cli' as const, id: 'demo' };
  const today = clock.today();
  const year = demoSchoolYear(today);
  const next = demoRenewalYear(today);
  /** A day of the story, by days after the first day of school. */
  const at = (day: number) => addDays(year.firstDay, day);
  const household = await createHousehold(store, { actor, clock, newId }, { name: w.householdName });
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
    school: w.school,
  });
  // The story's plan runs a year; once the next year's renewed IEP has begun, it ends the day before.
  const planEnd = next && next.firstDay <= at(364) ? addDays(next.firstDay, -1) : at(364);
  const plan = await createPlan(store, ctx, w, child.id, year, planEnd);
  const calendar = await createCalendar(create, w, child.id, year, true);
  const services = await createServices(create, w, plan.id, year);
  const accommodationIds = await createAccommodations(create, w, plan.id);
  const [seating, extendedTime, headphones, calculator] = accommodationIds;
  const { math, science, english, socialStudies, spelling } = w.classes;
  const o = w.observations;
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
    [seating, at(6), 'not_provided', math, 'classwork', 'regular', 'child_report', o.backRow],
    [seating, at(13), 'provided', math, 'classwork', 'regular', 'child_report', o.movedUpFront],
    [
      extendedTime,
      at(10),
      'not_provided',
      spelling,
      'test',
      'substitute',
      'child_report',
      o.subCollectedTest,
    ],
    [extendedTime, at(24), 'not_provided', math, 'quiz', 'substitute', 'work_sample', o.quizStopped],
    [extendedTime, at(31), 'provided', science, 'test', 'regular', 'child_report', null],
    [extendedTime, at(45), 'provided', math, 'quiz', 'regular', 'work_sample', null],
    [extendedTime, at(38), 'not_provided', spelling, 'test', 'substitute', 'child_report', o.substituteAgain],
    [headphones, at(15), 'not_provided', null, 'classwork', 'other_staff', 'child_report', o.lockedCabinet],
    [headphones, at(22), 'not_provided', null, 'test', 'other_staff', 'child_report', o.stillLocked],
    [calculator, at(29), 'not_provided', math, 'classwork', 'regular', 'work_sample', o.longDivision],
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
    [1, '09:00', '09:45', math],
    [1, '10:00', '10:45', science],
    [3, '10:00', '10:45', science],
    [5, '10:00', '10:45', science],
    [2, '10:00', '10:45', english],
    [4, '10:00', '10:45', socialStudies],
  ];
  for (const [weekday, startTime, endTime, className] of periods) {
    await create('classPeriod', { childId: child.id, weekday, startTime, endTime, className });
  }
  const goals = await createGoals(create, w, plan.id, {
    speech: w.goals.speechBaseline(year.startYear),
    reading: w.goals.readingBaseline,
  });
  const readingGoal = goals.reading;
  const stepIds = await createBehaviorSteps(create, w, plan.id);
  const [, sensoryBreak, tokenChart, calmCorner] = stepIds as [string, string, string, string];
  // The behavior plan's rewards go unused and a consequence contradicts the plan (the article).
  const incidents: [string, string, boolean, boolean, string[], string[]][] = [
    [at(14), w.incidents.assembly, false, true, [], [sensoryBreak, calmCorner]],
    [at(23), w.incidents.fireDrill, false, false, [calmCorner], [sensoryBreak, tokenChart]],
    [at(36), w.incidents.lunch, false, true, [], [sensoryBreak, tokenChart]],
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
    ['Ms. Alvarez', w.roles.caseManager, 'alvarez@maple.example.org'],
    ['Mr. Chen', w.roles.speechPathologist, 'chen@maple.example.org'],
    ['Ms. Okafor', w.roles.occupationalTherapist, 'okafor@district.example.org'],
    ['Mrs. Patel', w.roles.readingSpecialist, 'patel@maple.example.org'],
    ['Dr. Brooks', w.roles.principal, 'brooks@maple.example.org'],
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
    subject: w.messages.headphonesSubject,
    summary: w.messages.headphonesBody,
  });
  await create('communication', {
    childId: child.id,
    kind: 'email',
    direction: 'received',
    date: at(17),
    contactIds: [alvarez],
    subject: w.messages.headphonesReplySubject,
    summary: w.messages.headphonesReplyBody,
    inReplyToId: headphonesEmail.id,
  });
  await create('communication', {
    childId: child.id,
    kind: 'phone',
    direction: 'received',
    date: at(41),
    contactIds: [chen],
    summary: w.messages.callSummary,
    decisions: w.messages.callDecisions,
    nextSteps: w.messages.callNextSteps,
  });
  await create('communication', {
    childId: child.id,
    kind: 'email',
    direction: 'sent',
    date: at(42),
    contactIds: [chen, alvarez],
    subject: w.messages.makeupSubject,
    summary: w.messages.makeupBody,
  });
  await create('parentNote', {
    childId: child.id,
    date: at(36),
    kind: 'new_challenge',
    text: w.notes.upsetFridays,
  });
  await create('parentNote', {
    childId: child.id,
    date: at(45),
    kind: 'win',
    text: w.notes.chapterBook,
  });
  await createKeyDates(create, plan.id, [
    ['progress_report', at(66), w.keyDates.firstProgressReport],
    ['progress_report', at(143), w.keyDates.secondProgressReport],
    ['progress_report', at(220), w.keyDates.thirdProgressReport],
    ['annual_review', at(364), w.keyDates.annualReviewDue],
    ['reevaluation', at(728), w.keyDates.reevaluationDue],
  ]);
  await create('goalProgress', {
    goalId: readingGoal.id,
    date: at(17),
    value: w.goals.wordsPerMinute(60),
    numericValue: 60,
    source: 'observation',
  });
  await create('goalProgress', {
    goalId: readingGoal.id,
    date: at(45),
    value: w.goals.wordsPerMinute(63),
    numericValue: 63,
    source: 'teacher',
  });

  // A work sample: the photo of a reading worksheet (drawn here; a parent would take a picture),
  // showing the simplified directions, kept as evidence for the reading goal. The worksheet is the
  // school's paper, so it is in English in every language of the demo; its file name too.
  const worksheet = await storeAttachment(store, ctx, {
    filename: 'reading-response-worksheet.png',
    bytes: await drawWorksheet(),
    maxBytes: DEFAULT_UPLOAD_LIMIT_BYTES,
  });
  await create('workSample', {
    childId: child.id,
    date: at(43),
    title: w.workSample.title,
    className: english,
    setting: 'classwork',
    teacherKind: 'regular',
    attachmentIds: [worksheet.attachment.id],
    accommodationChecks: [{ accommodationId: accommodationIds[4], outcome: 'provided' }],
    goalIds: [readingGoal.id],
    note: w.workSample.note,
  });

  const story: Entry[] = [...speechStory(w), ...otStory(w), ...readingStory(w)].map(
    ({ day, makeupForDay, ...e }) => ({
      ...e,
      date: at(day),
      ...(makeupForDay == null ? {} : { makeupFor: at(makeupForDay) }),
    }),
  );
  // After the story, ordinary weeks up to the end of last week, by the calendar just made.
  const lastWeekEnd = addDays(weekStart(today), -1);
  const later = ordinaryWeeks(w, calendar.index, year, addDays(year.firstDay, 55), lastWeekEnd);
  // The story in the order it always had (same-day entries keep their order, so their ids do too),
  // then the weeks after it.
  await logSessions(store, ctx, services, [...story.sort(byDay), ...later.sort(byDay)]);

  let renewal: DemoHousehold['renewal'] = null;
  if (next) {
    // The annual review, held on the third Thursday of May of the story's year, as the parent logged
    // it: the meeting, her written summary the next day, and the case manager's reply. Then the goals'
    // values reached, which become the new baselines.
    const reviewDate = nthWeekday(next.startYear, 5, 4, 3);
    await createKeyDates(create, plan.id, [['meeting', reviewDate, w.keyDates.annualReviewHeld]]);
    const meeting = await create('communication', {
      childId: child.id,
      kind: 'meeting',
      direction: 'received',
      date: reviewDate,
      contactIds: [alvarez, chen, okafor, patel],
      subject: w.messages.reviewSubject,
      summary: w.messages.reviewSummary,
      decisions: w.messages.reviewDecisions,
      nextSteps: w.messages.reviewNextSteps,
    });
    const summary = await create('communication', {
      childId: child.id,
      kind: 'email',
      direction: 'sent',
      date: addDays(reviewDate, 1),
      contactIds: [alvarez, chen],
      subject: w.messages.reviewEmailSubject,
      summary: w.messages.reviewEmailBody,
      followsUpId: meeting.id,
    });
    await create('communication', {
      childId: child.id,
      kind: 'email',
      direction: 'received',
      date: addDays(reviewDate, 5),
      contactIds: [alvarez],
      subject: w.messages.reviewReplySubject,
      summary: w.messages.reviewReplyBody,
      inReplyToId: summary.id,
    });
    const reached: [string, string, number][] = [
      [goals.speech.id, w.goals.speechReached, 62],
      [goals.reading.id, w.goals.wordsPerMinute(74), 74],
    ];
    for (const [goalId, value, numericValue] of reached) {
      await create('goalProgress', { goalId, date: reviewDate, value, numericValue, source: 'teacher' });
    }

    // The renewed IEP: a year from the new first day, the same services, accommodations and behavior
    // steps, the goals with the baselines reached, and the key dates of its year.
    const from = (day: number) => addDays(next.firstDay, day);
    const renewedEnd = addDays(`${next.startYear + 1}${next.firstDay.slice(4)}`, -1);
    const renewed = await createPlan(store, ctx, w, child.id, next, renewedEnd);
    const nextCalendar = await createCalendar(create, w, child.id, next, false);
    const renewedServices = await createServices(create, w, renewed.id, next);
    await createAccommodations(create, w, renewed.id);
    await createGoals(create, w, renewed.id, {
      speech: w.goals.renewedSpeechBaseline(next.startYear),
      reading: w.goals.renewedReadingBaseline(next.startYear),
    });
    await createBehaviorSteps(create, w, renewed.id);
    await createKeyDates(create, renewed.id, [
      ['progress_report', from(66), w.keyDates.firstProgressReport],
      ['progress_report', from(143), w.keyDates.secondProgressReport],
      ['progress_report', from(220), w.keyDates.thirdProgressReport],
      ['annual_review', renewedEnd, w.keyDates.annualReviewDue],
      // The first plan's date: two years after it began, a year after this one begins.
      ['reevaluation', at(728), w.keyDates.reevaluationDue],
    ]);
    // Its ordinary weeks, from the first week of school up to the end of last week.
    const weeks = ordinaryWeeks(w, nextCalendar.index, next, weekStart(next.firstDay), lastWeekEnd);
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
  w: DemoWords,
  childId: string,
  y: DemoSchoolYear,
  effectiveTo: string,
) {
  return createRecord(store, ctx, RESOURCES.plan, {
    childId,
    kind: 'iep',
    jurisdiction: { country: 'US', region: 'CA' },
    title: w.planTitle(yearsOf(y)),
    effectiveFrom: y.firstDay,
    effectiveTo,
  });
}

/** The school calendar of a year with its days off, and its index for placing the ordinary weeks. */
async function createCalendar(
  create: Create,
  w: DemoWords,
  childId: string,
  y: DemoSchoolYear,
  withSnowDay: boolean,
) {
  const calendar = await create('calendar', {
    childId,
    name: w.calendarName(yearsOf(y)),
    firstDay: y.firstDay,
    lastDay: y.lastDay,
  });
  const events = calendarEvents(w, y, withSnowDay);
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
async function createServices(
  create: Create,
  w: DemoWords,
  planId: string,
  y: DemoSchoolYear,
): Promise<DemoServices> {
  const { speech: speechWords, ot: otWords, reading: readingWords } = w.services;
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
    name: speechWords.name,
    area: 'speech',
    providerRole: speechWords.providerRole,
    setting: 'pull_out',
    delivery: 'direct',
    groupSizeLimit: 3,
    location: speechWords.location,
    sourceText: speechWords.sourceText,
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
        label: speechWords.esyLabel,
      },
    ],
  });
  const ot = await create('service', {
    planId,
    name: otWords.name,
    area: 'ot',
    providerRole: otWords.providerRole,
    setting: 'pull_out',
    delivery: 'direct',
    sourceText: otWords.sourceText,
    startDate: y.firstDay,
    endDate: y.lastDay,
    segments: weekly(30, 1),
  });
  const reading = await create('service', {
    planId,
    name: readingWords.name,
    area: 'specialized_instruction',
    providerRole: readingWords.providerRole,
    setting: 'pull_out',
    delivery: 'direct',
    groupSizeLimit: 4,
    location: readingWords.location,
    sourceText: readingWords.sourceText,
    startDate: y.firstDay,
    endDate: y.lastDay,
    segments: weekly(45, 3),
  });
  return { speech: speech.id, ot: ot.id, reading: reading.id };
}

/** The plan's accommodations, in the plan's order (seating, extended time, headphones, calculator, directions). */
async function createAccommodations(create: Create, w: DemoWords, planId: string): Promise<string[]> {
  const [seating, extendedTime, headphones, calculator, directions] = w.accommodations;
  const accommodations: [string, string, string, string | null][] = [
    [seating, 'setting', 'all', null],
    [extendedTime, 'timing', 'tests', null],
    [headphones, 'assistive_technology', 'all', null],
    [calculator, 'assistive_technology', 'class', w.classes.math],
    [directions, 'presentation', 'classwork', null],
  ];
  const ids: string[] = [];
  for (const [text, category, appliesTo, className] of accommodations) {
    ids.push((await create('accommodation', { planId, text, category, appliesTo, className })).id);
  }
  return ids;
}

/** The plan's speech and reading goals, from the baselines given (the targets stay). */
async function createGoals(
  create: Create,
  w: DemoWords,
  planId: string,
  baseline: { speech: string; reading: string },
) {
  const speech = await create('goal', {
    planId,
    area: w.goals.speechArea,
    text: w.goals.speechText,
    baseline: baseline.speech,
    target: w.goals.speechTarget,
    measurement: w.goals.speechMeasurement,
  });
  const reading = await create('goal', {
    planId,
    area: w.goals.readingArea,
    text: w.goals.readingText,
    baseline: baseline.reading,
    target: w.goals.readingTarget,
    measurement: w.goals.readingMeasurement,
  });
  return { speech, reading };
}

/** The behavior plan: trigger, strategy, reward, response. */
async function createBehaviorSteps(create: Create, w: DemoWords, planId: string): Promise<string[]> {
  const [trigger, strategy, reward, response] = w.behaviorSteps;
  const steps: [string, string][] = [
    ['trigger', trigger],
    ['strategy', strategy],
    ['reward', reward],
    ['response', response],
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
