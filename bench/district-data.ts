// Generates a district-scale data set for the ledger benchmark into a fresh SQLite file.
//
// The schema comes from the real migrations (openStore runs them); rows are then bulk-inserted with raw
// better-sqlite3 prepared statements in large transactions. Rows follow the rules the app applies when it
// writes them (src/server/services/records.ts, resources.ts, plan-versions.ts, session-entries.ts): JSON
// fields hold the zod-parsed shapes, a plan has its version 1, a session entry carries the planned minutes
// of the segment in force, missed sessions deliver 0 minutes and have a reason, and so on.
//
// Session entries are inserted day by day across all services (the order in which a district would log
// them), so the entries of one service are scattered through the table as they would be in production.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ZodType } from 'zod';
import { isoWeekdayOfDay, weekStartDay } from '../src/domain/dates.ts';
import { ChildInput, PlanInput } from '../src/domain/plan.ts';
import { buildCalendarIndex, type CalendarIndex, dayOf, isoOfDay } from '../src/domain/school-calendar.ts';
import {
  CalendarEventInput,
  type SchoolCalendar,
  SchoolCalendarInput,
} from '../src/domain/school-calendar-model.ts';
import { ServiceInput, type ServiceSegment } from '../src/domain/service.ts';
import {
  DEFAULT_REASON_POLICY,
  type MissReason,
  type Responsibility,
  SessionEntryInput,
} from '../src/domain/session-entry.ts';
import { openStore } from '../src/store/database.ts';
import { Prng } from './prng.ts';

/** Bump when the generator changes, so that a stored data set made by an older generator is rebuilt. */
export const GENERATOR_VERSION = 5;

export const SCHOOL_YEAR = { firstDay: '2026-09-08', lastDay: '2027-06-11' } as const;
const PLAN_FROM = '2026-09-08';
const PLAN_TO = '2027-08-31';
const ESY = { startDate: '2027-07-06', endDate: '2027-07-30' } as const;

export type DistrictParams = {
  generatorVersion: number;
  children: number;
  seed: number;
  firstDay: string;
  lastDay: string;
};

export type GenerationStats = {
  households: number;
  children: number;
  plans: number;
  planVersions: number;
  calendars: number;
  calendarEvents: number;
  distinctCalendarShapes: number;
  services: number;
  servicesByKind: Record<string, number>;
  entries: number;
  entriesByStatus: Record<string, number>;
  missReasons: Record<string, number>;
  namedMakeups: number;
  corrections: number;
  responsibilityOverrides: number;
  unloggedSessions: number;
  seconds: number;
  validation: string[];
};

export const HOUSEHOLD_ID = '01990a3c-0000-7000-8000-00000000d157';

// ---------------------------------------------------------------------------------------------
// Ids: UUIDv7-shaped (as src/store/ids.ts makes them), strictly increasing, random bits from the PRNG.

class IdMaker {
  private lastMs = -1;
  private counter = 0;

  constructor(private readonly rng: Prng) {}

  next(ms: number): string {
    let t = Math.max(ms, this.lastMs);
    if (t === this.lastMs) {
      this.counter++;
      if (this.counter > 0xfff) {
        t++;
        this.counter = 0;
      }
    } else this.counter = 0;
    this.lastMs = t;
    const time = t.toString(16).padStart(12, '0');
    const r1 = this.rng.hex8();
    const r2 = this.rng.hex8();
    const variant = (0x8 | (this.rng.uint32() & 0x3)).toString(16);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${this.counter.toString(16).padStart(3, '0')}-${variant}${r1.slice(0, 3)}-${r1.slice(3)}${r2.slice(0, 7)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The school calendar: one school year, ~10 holidays and breaks, 2 closures, an early dismissal. Schools
// differ by one professional-development day, so the district has a few distinct calendar shapes.

type EventSpec = {
  kind: SchoolCalendar['events'][number]['kind'];
  start: string;
  end: string | null;
  label: string;
};

const COMMON_EVENTS: EventSpec[] = [
  { kind: 'holiday', start: '2026-09-21', end: null, label: 'Yom Kippur' },
  { kind: 'holiday', start: '2026-10-12', end: null, label: "Indigenous Peoples' Day" },
  { kind: 'holiday', start: '2026-11-03', end: null, label: 'Election Day' },
  { kind: 'holiday', start: '2026-11-11', end: null, label: 'Veterans Day' },
  { kind: 'break', start: '2026-11-25', end: '2026-11-27', label: 'Thanksgiving break' },
  { kind: 'early_dismissal', start: '2026-12-18', end: null, label: 'Early dismissal' },
  { kind: 'break', start: '2026-12-21', end: '2027-01-01', label: 'Winter break' },
  { kind: 'holiday', start: '2027-01-18', end: null, label: 'Martin Luther King Jr. Day' },
  { kind: 'closure', start: '2027-01-26', end: null, label: 'Snow day' },
  { kind: 'break', start: '2027-02-15', end: '2027-02-19', label: 'Midwinter break' },
  { kind: 'closure', start: '2027-02-24', end: null, label: 'Water main break' },
  { kind: 'break', start: '2027-04-19', end: '2027-04-23', label: 'Spring break' },
  { kind: 'holiday', start: '2027-05-31', end: null, label: 'Memorial Day' },
];
const PD_DAYS = ['2026-10-30', '2026-11-06', '2027-01-29', '2027-03-12'];
const SCHOOLS = 12;

function calendarEvents(variant: number): EventSpec[] {
  const pd: EventSpec = {
    kind: 'holiday',
    start: PD_DAYS[variant % PD_DAYS.length]!,
    end: null,
    label: 'Professional development day',
  };
  return [...COMMON_EVENTS, pd].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

type CalendarShape = {
  index: CalendarIndex;
  events: EventSpec[];
  /** Instructional ordinal (0-based) of each day of the year, by day - firstDay; -1 when not instructional. */
  ordinal: Int32Array;
  /** Instructional day numbers in order. */
  days: number[];
  closureDays: Set<number>;
};

function calendarShape(variant: number, first: number, last: number): CalendarShape {
  const events = calendarEvents(variant);
  const index = buildCalendarIndex([
    {
      id: `shape-${variant}`,
      firstDay: SCHOOL_YEAR.firstDay,
      lastDay: SCHOOL_YEAR.lastDay,
      schoolWeekdays: [1, 2, 3, 4, 5],
      cycleLength: null,
      events: events.map((e) => ({ kind: e.kind, startDate: e.start, endDate: e.end, label: e.label })),
    },
  ]);
  const ordinal = new Int32Array(last - first + 1).fill(-1);
  const days: number[] = [];
  for (let d = first; d <= last; d++) {
    if (index.isInstructionalDayNumber(d)) {
      ordinal[d - first] = days.length;
      days.push(d);
    }
  }
  const closureDays = new Set<number>();
  for (const e of events) if (e.kind === 'closure') closureDays.add(dayOf(e.start));
  return { index, events, ordinal, days, closureDays };
}

// ---------------------------------------------------------------------------------------------
// Services.

type ServiceKind = 'weekly' | 'weekly-minutes' | 'daily' | 'monthly' | 'pattern' | 'cycle' | 'two-segment';

const KIND_WEIGHTS: [ServiceKind, number][] = [
  ['weekly', 0.6],
  ['weekly-minutes', 0.12],
  ['monthly', 0.1],
  ['daily', 0.07],
  ['two-segment', 0.05],
  ['pattern', 0.03],
  ['cycle', 0.03],
];

const AREAS = [
  { area: 'speech', name: 'Speech-language therapy', role: 'Speech-language pathologist' },
  { area: 'ot', name: 'Occupational therapy', role: 'Occupational therapist' },
  { area: 'pt', name: 'Physical therapy', role: 'Physical therapist' },
  { area: 'counseling', name: 'Counseling', role: 'School counselor' },
  { area: 'specialized_instruction', name: 'Specialized reading instruction', role: 'Special educator' },
  { area: 'behavior', name: 'Behavior support', role: 'Behavior specialist' },
] as const;

type GenSegment = {
  seg: ServiceSegment;
  startDay: number;
  endDay: number;
  /** Bit w set when the session meets on ISO weekday w (1..5). Daily services: all weekdays. */
  weekdays: number;
  /** Monthly services: bit k set when the session meets in the k-th (0-based) week of the month. */
  monthWeeks: number;
  /** Cycle services: bit k set when the session meets on cycle day k+1. */
  cycleDays: number;
  /** Minutes of one session when the segment sets none (minutes-per-period services). */
  nominal: number;
};

type PendingMakeup = { day: number; minutes: number; forId: string | null };
type PendingCorrection = { day: number; date: string; originalId: string; planned: number };

type GenService = {
  id: string;
  childId: string;
  versionId: string;
  kind: ServiceKind;
  shape: CalendarShape;
  segments: GenSegment[];
  makeups: PendingMakeup[];
  corrections: PendingCorrection[];
};

function shuffle<T>(rng: Prng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function weekdayMask(rng: Prng, count: number): number {
  const days = shuffle(rng, [1, 2, 3, 4, 5]);
  let mask = 0;
  for (let i = 0; i < Math.min(count, 5); i++) mask |= 1 << days[i]!;
  return mask;
}

function segment(
  amount: Partial<Pick<ServiceSegment, 'minutesPerSession' | 'sessionsPerPeriod' | 'minutesPerPeriod'>> & {
    unit: ServiceSegment['period']['unit'];
    cycleDays?: number;
    pattern?: ServiceSegment['pattern'];
  },
  startDate: string,
  endDate: string,
  label: string | null = null,
): ServiceSegment {
  // Key order and defaults as the zod schema outputs them (what the record service stores).
  return {
    minutesPerSession: amount.minutesPerSession ?? null,
    sessionsPerPeriod: amount.sessionsPerPeriod ?? null,
    minutesPerPeriod: amount.minutesPerPeriod ?? null,
    period: { unit: amount.unit, cycleDays: amount.cycleDays ?? null },
    pattern: amount.pattern ?? null,
    startDate,
    endDate,
    label,
  };
}

function describe(seg: ServiceSegment): string {
  const per = seg.period.unit === 'cycle' ? `${seg.period.cycleDays}-day cycle` : seg.period.unit;
  const pattern = seg.pattern ? `, ${seg.pattern.activeWeeks} of every ${seg.pattern.everyWeeks} weeks` : '';
  if (seg.sessionsPerPeriod != null)
    return `${seg.sessionsPerPeriod} x ${seg.minutesPerSession} minutes per ${per}${pattern}`;
  const inSessions = seg.minutesPerSession ? ` in ${seg.minutesPerSession}-minute sessions` : '';
  return `${seg.minutesPerPeriod} minutes per ${per}${inSessions}${pattern}`;
}

const MONDAYS_FOR_SPLIT = ['2027-01-04', '2027-01-25', '2027-02-01', '2027-03-01'];
const LATE_STARTS = ['2026-09-28', '2026-10-19', '2026-11-16', '2027-01-04', '2027-02-01'];
const EARLY_ENDS = ['2027-03-31', '2027-04-30', '2027-05-14'];

function makeSegments(
  rng: Prng,
  kind: ServiceKind,
  start: string,
  end: string,
): { segments: GenSegment[]; esy: ServiceSegment[] } {
  const gen = (
    seg: ServiceSegment,
    weekdays: number,
    extra: Partial<Pick<GenSegment, 'monthWeeks' | 'cycleDays' | 'nominal'>> = {},
  ): GenSegment => ({
    seg,
    startDay: dayOf(seg.startDate),
    endDay: dayOf(seg.endDate),
    weekdays,
    monthWeeks: extra.monthWeeks ?? 0,
    cycleDays: extra.cycleDays ?? 0,
    nominal: extra.nominal ?? seg.minutesPerSession ?? 30,
  });
  const minutes = () =>
    rng.weighted([
      [20, 0.15],
      [30, 0.5],
      [45, 0.25],
      [60, 0.1],
    ] as const);
  const segments: GenSegment[] = [];
  switch (kind) {
    case 'weekly': {
      const n = rng.weighted([
        [1, 0.3],
        [2, 0.4],
        [3, 0.2],
        [4, 0.05],
        [5, 0.05],
      ] as const);
      const seg = segment({ sessionsPerPeriod: n, minutesPerSession: minutes(), unit: 'week' }, start, end);
      segments.push(gen(seg, weekdayMask(rng, n)));
      break;
    }
    case 'weekly-minutes': {
      const perWeek = rng.pick([60, 90, 120, 150]);
      if (rng.chance(0.5)) {
        const length = 30;
        const seg = segment(
          { minutesPerPeriod: perWeek, minutesPerSession: length, unit: 'week' },
          start,
          end,
        );
        segments.push(gen(seg, weekdayMask(rng, Math.ceil(perWeek / length))));
      } else {
        const days = rng.int(2, 3);
        const seg = segment({ minutesPerPeriod: perWeek, unit: 'week' }, start, end);
        segments.push(gen(seg, weekdayMask(rng, days), { nominal: Math.round(perWeek / days) }));
      }
      break;
    }
    case 'daily': {
      const seg = segment(
        { sessionsPerPeriod: 1, minutesPerSession: rng.pick([15, 20, 30]), unit: 'day' },
        start,
        end,
      );
      segments.push(gen(seg, 0b111110));
      break;
    }
    case 'monthly': {
      const n = rng.int(1, 4);
      const seg = segment(
        { sessionsPerPeriod: n, minutesPerSession: rng.pick([30, 45, 60]), unit: 'month' },
        start,
        end,
      );
      let weeks = 0;
      const order = shuffle(rng, [0, 1, 2, 3]);
      for (let i = 0; i < n; i++) weeks |= 1 << order[i]!;
      segments.push(gen(seg, weekdayMask(rng, 1), { monthWeeks: weeks }));
      break;
    }
    case 'pattern': {
      const seg = segment(
        {
          sessionsPerPeriod: 2,
          minutesPerSession: 30,
          unit: 'week',
          pattern: { activeWeeks: 3, everyWeeks: 4 },
        },
        start,
        end,
      );
      segments.push(gen(seg, weekdayMask(rng, 2)));
      break;
    }
    case 'cycle': {
      const seg = segment(
        { sessionsPerPeriod: 2, minutesPerSession: 40, unit: 'cycle', cycleDays: 6 },
        start,
        end,
      );
      segments.push(gen(seg, 0b111110, { cycleDays: 0b001001 }));
      break;
    }
    case 'two-segment': {
      // The review falls at least four weeks into the service and before it ends.
      const splits = MONDAYS_FOR_SPLIT.filter((m) => dayOf(m) >= dayOf(start) + 28 && m < end);
      if (splits.length === 0) return makeSegments(rng, 'weekly', start, end);
      const split = rng.pick(splits);
      const before = isoOfDay(dayOf(split) - 3); // the Friday before
      const stepDown = rng.chance(0.7);
      const [n1, n2] = stepDown ? [3, 2] : [1, 2];
      const length = rng.pick([30, 45]);
      const s1 = segment({ sessionsPerPeriod: n1, minutesPerSession: length, unit: 'week' }, start, before);
      const s2 = segment(
        { sessionsPerPeriod: n2, minutesPerSession: length, unit: 'week' },
        split,
        end,
        stepDown ? 'Step-down after the winter review' : 'Increase after the winter review',
      );
      segments.push(gen(s1, weekdayMask(rng, n1)), gen(s2, weekdayMask(rng, n2)));
      break;
    }
  }
  const esy: ServiceSegment[] = [];
  if (rng.chance(0.06) && kind !== 'daily') {
    esy.push(
      segment(
        { sessionsPerPeriod: 2, minutesPerSession: 30, unit: 'week' },
        ESY.startDate,
        ESY.endDate,
        'ESY',
      ),
    );
  }
  return { segments, esy };
}

// ---------------------------------------------------------------------------------------------
// Outcomes of a scheduled session.

const MISS_REASONS: [MissReason, number][] = [
  ['student_absent', 0.3],
  ['provider_absent', 0.25],
  ['scheduling_conflict', 0.1],
  ['school_event', 0.08],
  ['testing', 0.08],
  ['other', 0.06],
  ['field_trip', 0.05],
  ['student_refused', 0.04],
  ['unknown', 0.04],
];
const SHORT_REASONS: [MissReason, number][] = [
  ['scheduling_conflict', 0.3],
  ['school_event', 0.2],
  ['student_refused', 0.2],
  ['student_absent', 0.1],
  ['other', 0.15],
  ['unknown', 0.05],
];
/** Who logged the entry: [source, recorded_by]. */
const SOURCES: (readonly [readonly [string, string], number])[] = [
  [['school_log', 'system:sis-import'], 0.55],
  [['provider', 'user:provider'], 0.25],
  [['parent', 'user:parent'], 0.2],
];

// ---------------------------------------------------------------------------------------------

export async function generateDistrict(file: string, params: DistrictParams): Promise<GenerationStats> {
  const started = performance.now();
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
  const store = await openStore({ kind: 'sqlite', file });
  await store.close();

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF'); // checked once at the end with PRAGMA foreign_key_check
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');

  const rng = new Prng(params.seed);
  const ids = new IdMaker(rng);
  const first = dayOf(params.firstDay);
  const last = dayOf(params.lastDay);
  const setupMs = Date.parse('2026-08-24T14:00:00.000Z');
  const at = new Date(setupMs).toISOString();

  const stats: GenerationStats = {
    households: 1,
    children: 0,
    plans: 0,
    planVersions: 0,
    calendars: 0,
    calendarEvents: 0,
    distinctCalendarShapes: 0,
    services: 0,
    servicesByKind: {},
    entries: 0,
    entriesByStatus: {},
    missReasons: {},
    namedMakeups: 0,
    corrections: 0,
    responsibilityOverrides: 0,
    unloggedSessions: 0,
    seconds: 0,
    validation: [],
  };

  const shapes = PD_DAYS.map((_, v) => calendarShape(v, first, last));
  stats.distinctCalendarShapes = shapes.length;

  const ins = {
    household: db.prepare('INSERT INTO household (id, name, created_at) VALUES (?, ?, ?)'),
    child: db.prepare(
      `INSERT INTO child (id, household_id, created_at, updated_at, first_name, last_name, date_of_birth, school, grade, notes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    calendar: db.prepare(
      `INSERT INTO school_calendar (id, household_id, created_at, updated_at, child_id, name, first_day, last_day, school_weekdays, cycle_length)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    event: db.prepare(
      `INSERT INTO calendar_event (id, household_id, created_at, updated_at, calendar_id, kind, start_date, end_date, label)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    plan: db.prepare(
      `INSERT INTO plan (id, household_id, created_at, updated_at, child_id, kind, country, region, title, effective_from, effective_to, status, reason_policy)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    version: db.prepare(
      `INSERT INTO plan_version (id, household_id, plan_id, version_number, effective_from, effective_to, summary, snapshot, created_at)
       VALUES (?, ?, ?, 1, ?, NULL, 'The plan as signed', NULL, ?)`,
    ),
    service: db.prepare(
      `INSERT INTO service (id, household_id, created_at, updated_at, plan_id, name, area, provider_role, setting, delivery,
         group_size_limit, location, source_text, start_date, end_date, segments, esy_blocks)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    entry: db.prepare(
      `INSERT INTO session_entry (id, household_id, created_at, updated_at, child_id, service_id, plan_version_id, date, kind,
         status, minutes_delivered, minutes_planned, reason, reason_text, responsibility, makeup_for_entry_id, source, note,
         corrects_entry_id, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };

  const FIRST_NAMES = [
    'Ava',
    'Ben',
    'Chloe',
    'Diego',
    'Emma',
    'Farah',
    'Gus',
    'Hana',
    'Ivan',
    'Jade',
    'Kofi',
    'Lena',
  ];
  const LAST_NAMES = [
    'Garcia',
    'Nguyen',
    'Smith',
    'Okafor',
    'Kim',
    'Rossi',
    'Haddad',
    'Cohen',
    'Silva',
    'Patel',
  ];
  const services: GenService[] = [];
  let invalidRecords = 0;
  const check = (what: string, schema: ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      invalidRecords++;
      if (invalidRecords <= 5) {
        const issue = parsed.error.issues[0];
        stats.validation.push(`invalid ${what}: ${issue?.path.join('.')} ${issue?.message}`);
      }
    }
  };

  // ---- household, children, calendars, plans, services
  db.transaction(() => {
    ins.household.run(HOUSEHOLD_ID, 'District benchmark', at);
    for (let c = 0; c < params.children; c++) {
      const childId = ids.next(setupMs);
      const school = c % SCHOOLS;
      const variant = school % shapes.length;
      const shape = shapes[variant]!;
      const grade = rng.int(0, 12);
      const child = {
        firstName: rng.pick(FIRST_NAMES),
        lastName: rng.pick(LAST_NAMES),
        dateOfBirth: `${2020 - grade}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
        school: `School ${school + 1}`,
        grade: grade === 0 ? 'K' : String(grade),
        notes: null,
      };
      if (c < 50) check('child', ChildInput, child);
      ins.child.run(
        childId,
        HOUSEHOLD_ID,
        at,
        at,
        child.firstName,
        child.lastName,
        child.dateOfBirth,
        child.school,
        child.grade,
        null,
      );
      stats.children++;

      const calendarId = ids.next(setupMs);
      const calendar = {
        childId,
        name: `${child.school} 2026-27`,
        firstDay: params.firstDay,
        lastDay: params.lastDay,
        schoolWeekdays: [1, 2, 3, 4, 5],
        cycleLength: null,
      };
      if (c < 50) check('calendar', SchoolCalendarInput, calendar);
      ins.calendar.run(
        calendarId,
        HOUSEHOLD_ID,
        at,
        at,
        childId,
        calendar.name,
        calendar.firstDay,
        calendar.lastDay,
        JSON.stringify(calendar.schoolWeekdays),
        null,
      );
      stats.calendars++;
      for (const e of shape.events) {
        if (c < 4) {
          check('calendar event', CalendarEventInput, {
            calendarId,
            kind: e.kind,
            startDate: e.start,
            endDate: e.end,
            label: e.label,
          });
        }
        ins.event.run(ids.next(setupMs), HOUSEHOLD_ID, at, at, calendarId, e.kind, e.start, e.end, e.label);
        stats.calendarEvents++;
      }

      const planId = ids.next(setupMs);
      const plan = {
        childId,
        kind: 'iep',
        jurisdiction: { country: 'US', region: 'MA' },
        title: 'IEP 2026-27',
        effectiveFrom: PLAN_FROM,
        effectiveTo: PLAN_TO,
        status: 'active',
        reasonPolicy: null,
      };
      if (c < 50) check('plan', PlanInput, plan);
      ins.plan.run(
        planId,
        HOUSEHOLD_ID,
        at,
        at,
        childId,
        plan.kind,
        'US',
        'MA',
        plan.title,
        PLAN_FROM,
        PLAN_TO,
        'active',
        null,
      );
      const versionId = ids.next(setupMs);
      ins.version.run(versionId, HOUSEHOLD_ID, planId, PLAN_FROM, at);
      stats.plans++;
      stats.planVersions++;

      const count = rng.weighted([
        [1, 0.1],
        [2, 0.25],
        [3, 0.3],
        [4, 0.25],
        [5, 0.1],
      ] as const);
      const areas = shuffle(rng, [...AREAS]);
      for (let k = 0; k < count; k++) {
        const kind = rng.weighted(KIND_WEIGHTS);
        const area = areas[k % areas.length]!;
        const start = rng.chance(0.08) ? rng.pick(LATE_STARTS) : params.firstDay;
        const end = rng.chance(0.04) ? rng.pick(EARLY_ENDS) : params.lastDay;
        const { segments, esy } = makeSegments(rng, kind, start, end);
        const setting =
          kind === 'monthly' && rng.chance(0.5) ? 'consultation' : rng.chance(0.6) ? 'pull_out' : 'push_in';
        const record = {
          planId,
          name: area.name,
          area: area.area,
          providerRole: area.role,
          setting,
          delivery: setting === 'consultation' ? 'consult' : 'direct',
          groupSizeLimit: rng.chance(0.3) ? rng.int(2, 5) : null,
          location: setting === 'pull_out' ? 'Resource room' : null,
          sourceText: `${area.name}: ${segments.map((s) => describe(s.seg)).join('; then ')}`,
          startDate: start,
          endDate: end,
          segments: segments.map((s) => s.seg),
          esyBlocks: esy,
        };
        check('service', ServiceInput, record);
        const serviceId = ids.next(setupMs);
        ins.service.run(
          serviceId,
          HOUSEHOLD_ID,
          at,
          at,
          planId,
          record.name,
          record.area,
          record.providerRole,
          record.setting,
          record.delivery,
          record.groupSizeLimit,
          record.location,
          record.sourceText,
          record.startDate,
          record.endDate,
          JSON.stringify(record.segments),
          JSON.stringify(record.esyBlocks),
        );
        stats.services++;
        stats.servicesByKind[kind] = (stats.servicesByKind[kind] ?? 0) + 1;
        services.push({
          id: serviceId,
          childId,
          versionId,
          kind,
          shape,
          segments,
          makeups: [],
          corrections: [],
        });
      }
    }
  })();

  // ---- session entries, day by day across all services
  const bump = (map: Record<string, number>, key: string) => {
    map[key] = (map[key] ?? 0) + 1;
  };
  let validateCounter = 0;
  const insertEntry = (
    s: GenService,
    dayMs: number,
    date: string,
    e: {
      kind: 'scheduled' | 'makeup';
      status: 'delivered' | 'short' | 'missed';
      delivered: number;
      planned: number | null;
      reason: MissReason | null;
      reasonText?: string | null;
      responsibility?: Responsibility | null;
      makeupFor?: string | null;
      note?: string | null;
      corrects?: string | null;
    },
  ): string => {
    const ms = dayMs + rng.int(0, 3_600_000);
    const id = ids.next(ms);
    const created = new Date(ms).toISOString();
    const [source, recordedBy] = rng.weighted(SOURCES);
    ins.entry.run(
      id,
      HOUSEHOLD_ID,
      created,
      created,
      s.childId,
      s.id,
      s.versionId,
      date,
      e.kind,
      e.status,
      e.delivered,
      e.planned,
      e.reason,
      e.reasonText ?? null,
      e.responsibility ?? null,
      e.makeupFor ?? null,
      source,
      e.note ?? null,
      e.corrects ?? null,
      recordedBy,
    );
    stats.entries++;
    bump(stats.entriesByStatus, e.kind === 'makeup' ? 'makeup' : e.corrects ? 'correction' : e.status);
    if (e.reason) bump(stats.missReasons, e.reason);
    if (++validateCounter % 97 === 0) {
      // The API's input rules, on a sample (as the entry would have been posted).
      check('session entry', SessionEntryInput, {
        serviceId: s.id,
        date,
        kind: e.kind,
        status: e.status,
        minutesDelivered: e.delivered,
        minutesPlanned: e.planned,
        reason: e.reason,
        reasonText: e.reasonText ?? null,
        responsibility: e.responsibility ?? null,
        makeupForEntryId: e.makeupFor ?? null,
        source,
        note: e.note ?? null,
        correctsEntryId: e.corrects ?? null,
      });
    }
    return id;
  };

  const plannedOn = (s: GenService, d: number): number | null => {
    for (const g of s.segments) if (d >= g.startDay && d <= g.endDay) return g.seg.minutesPerSession;
    return null;
  };

  /** Whether a session of segment g is due on weekday d (before checking that school is in session). */
  const due = (s: GenService, g: GenSegment, d: number, weekday: number): boolean => {
    if ((g.weekdays & (1 << weekday)) === 0) return false;
    switch (s.kind) {
      case 'monthly': {
        const dom = Number(isoOfDay(d).slice(8, 10));
        return (g.monthWeeks & (1 << Math.min(3, Math.floor((dom - 1) / 7)))) !== 0;
      }
      case 'pattern': {
        const week = Math.floor((weekStartDay(d) - weekStartDay(g.startDay)) / 7);
        return week % 4 !== 3;
      }
      case 'cycle': {
        const ord = s.shape.ordinal[d - first]!;
        return ord >= 0 && (g.cycleDays & (1 << (ord % 6))) !== 0;
      }
      default:
        return true;
    }
  };

  const scheduleMakeup = (s: GenService, d: number, minutes: number, missId: string) => {
    const shape = s.shape;
    const ord = shape.ordinal[d - first]!;
    let base = ord;
    if (base < 0) {
      const next = shape.days.findIndex((x) => x > d);
      base = (next < 0 ? shape.days.length : next) - 1;
    }
    const target = shape.days[base + rng.int(1, 12)];
    if (target === undefined) return;
    s.makeups.push({ day: target, minutes, forId: rng.chance(0.6) ? missId : null });
  };

  const insertDay = db.transaction((d: number) => {
    const date = isoOfDay(d);
    const weekday = isoWeekdayOfDay(d);
    const dayMs = d * 86_400_000 + 14 * 3_600_000;
    for (const s of services) {
      const shape = s.shape;
      const instructional = shape.index.isInstructionalDayNumber(d);
      const closure = shape.closureDays.has(d);

      // Make-ups and corrections recorded today.
      if (s.makeups.length > 0) {
        for (let i = 0; i < s.makeups.length; i++) {
          const mk = s.makeups[i]!;
          if (mk.day !== d) continue;
          insertEntry(s, dayMs + 3_600_000, date, {
            kind: 'makeup',
            status: 'delivered',
            delivered: mk.minutes,
            planned: plannedOn(s, d),
            reason: null,
            makeupFor: mk.forId,
            note: 'Make-up session',
          });
          if (mk.forId) stats.namedMakeups++;
          s.makeups.splice(i--, 1);
        }
      }
      if (s.corrections.length > 0) {
        for (let i = 0; i < s.corrections.length; i++) {
          const c = s.corrections[i]!;
          if (c.day !== d) continue;
          insertEntry(s, dayMs + 7_200_000, c.date, {
            kind: 'scheduled',
            status: 'short',
            delivered: Math.max(1, c.planned - 10),
            planned: c.planned,
            reason: 'scheduling_conflict',
            reasonText: 'Session ended early; the first log was wrong',
            corrects: c.originalId,
          });
          stats.corrections++;
          s.corrections.splice(i--, 1);
        }
      }

      if (weekday > 5 || (!instructional && !closure)) continue;
      for (const g of s.segments) {
        if (d < g.startDay || d > g.endDay) continue;
        if (!due(s, g, d, weekday)) continue;
        const planned = g.seg.minutesPerSession;
        const nominal = planned ?? g.nominal;

        if (closure) {
          // School closed: about half the providers log the session as missed.
          if (rng.chance(0.5)) {
            const id = insertEntry(s, dayMs, date, {
              kind: 'scheduled',
              status: 'missed',
              delivered: 0,
              planned: planned ?? nominal,
              reason: 'school_closed',
            });
            if (rng.chance(0.5)) scheduleMakeup(s, d, nominal, id);
          }
          continue;
        }

        const r = rng.next();
        if (r < 0.03) {
          stats.unloggedSessions++;
          continue;
        }
        if (r < 0.85) {
          const extra = rng.chance(0.02) ? rng.int(5, 15) : 0;
          const delivered = planned != null ? planned + extra : nominal + rng.int(-5, 5);
          const id = insertEntry(s, dayMs, date, {
            kind: 'scheduled',
            status: 'delivered',
            delivered,
            planned,
            reason: null,
          });
          if (planned != null && planned > 10 && rng.chance(0.001)) {
            s.corrections.push({ day: d + rng.int(1, 10), date, originalId: id, planned });
          }
          continue;
        }
        const short = r < 0.9;
        const reason = rng.weighted(short ? SHORT_REASONS : MISS_REASONS);
        let responsibility: Responsibility | null = null;
        if ((reason === 'other' || reason === 'unknown') && rng.chance(0.4)) {
          responsibility = rng.chance(0.5) ? 'owed' : 'excused';
        } else if (rng.chance(0.02)) {
          responsibility = DEFAULT_REASON_POLICY[reason] === 'owed' ? 'excused' : 'owed';
        }
        if (responsibility) stats.responsibilityOverrides++;
        const delivered = short ? Math.max(1, nominal - rng.int(5, 15)) : 0;
        const id = insertEntry(s, dayMs, date, {
          kind: 'scheduled',
          status: short ? 'short' : 'missed',
          delivered,
          planned: planned ?? nominal,
          reason,
          reasonText: reason === 'other' ? 'Provider at an IEP meeting' : null,
          responsibility,
        });
        const owed = (responsibility ?? DEFAULT_REASON_POLICY[reason]) === 'owed';
        if (owed && rng.chance(0.45)) {
          const gap = nominal - delivered;
          scheduleMakeup(s, d, rng.chance(0.7) ? gap : nominal, id);
        }
      }
    }
  });

  for (let d = first; d <= last + 14; d++) insertDay(d);

  db.pragma('wal_checkpoint(TRUNCATE)');

  // ---- checks: foreign keys and the app's rules for stored entries
  const fk = db.prepare('PRAGMA foreign_key_check').all();
  if (fk.length > 0) stats.validation.push(`foreign_key_check: ${fk.length} violations`);
  const rules: [string, string][] = [
    [
      'missed with minutes',
      "SELECT COUNT(*) FROM session_entry WHERE status = 'missed' AND minutes_delivered <> 0",
    ],
    [
      'missed/short without reason',
      "SELECT COUNT(*) FROM session_entry WHERE kind = 'scheduled' AND status <> 'delivered' AND reason IS NULL",
    ],
    [
      'short not short',
      "SELECT COUNT(*) FROM session_entry WHERE status = 'short' AND (minutes_delivered < 1 OR minutes_delivered >= minutes_planned)",
    ],
    [
      'delivered below planned',
      "SELECT COUNT(*) FROM session_entry WHERE kind = 'scheduled' AND status = 'delivered' AND minutes_delivered < minutes_planned",
    ],
    [
      'make-up without minutes',
      "SELECT COUNT(*) FROM session_entry WHERE kind = 'makeup' AND minutes_delivered < 1",
    ],
    [
      'make-up naming a wrong entry',
      `SELECT COUNT(*) FROM session_entry m JOIN session_entry t ON t.id = m.makeup_for_entry_id
       WHERE t.service_id <> m.service_id OR t.kind <> 'scheduled' OR t.status = 'delivered' OR t.date > m.date`,
    ],
    [
      'correction of another service',
      `SELECT COUNT(*) FROM session_entry c JOIN session_entry t ON t.id = c.corrects_entry_id
       WHERE t.service_id <> c.service_id`,
    ],
  ];
  for (const [label, sql] of rules) {
    const n = db.prepare(sql).pluck().get() as number;
    if (n > 0) stats.validation.push(`${label}: ${n}`);
  }
  if (invalidRecords > 5) stats.validation.push(`... ${invalidRecords} invalid records in all`);
  db.close();
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

/** A district data set as stored beside its file: the parameters it was made with and what it holds. */
export type DistrictMeta = { params: DistrictParams; stats: GenerationStats };

/**
 * The district data set in `file`, made with `params`: the stored one when its parameters are these
 * (unless `regenerate`), otherwise generated now. `log` is told what happens.
 */
export async function ensureDistrict(
  file: string,
  params: DistrictParams,
  options: { regenerate?: boolean; log?: (text: string) => void } = {},
): Promise<{ meta: DistrictMeta; generated: boolean }> {
  const log = options.log ?? (() => undefined);
  const metaFile = `${file.replace(/\.db$/, '')}.meta.json`;
  if (!options.regenerate && existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as DistrictMeta;
    if (JSON.stringify(meta.params) === JSON.stringify(params)) return { meta, generated: false };
    log('Stored data set was made with other parameters; regenerating.');
  }
  log(`Generating ${params.children} children into ${file} ...`);
  mkdirSync(dirname(file), { recursive: true });
  const stats = await generateDistrict(file, params);
  const meta: DistrictMeta = { params, stats };
  writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  log(`Generated ${stats.entries} session entries in ${Math.round(stats.seconds * 10) / 10} s.`);
  return { meta, generated: true };
}
