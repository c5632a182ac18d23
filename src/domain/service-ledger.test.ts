import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from './dates.ts';
import { buildCalendarIndex, type CalendarIndex } from './school-calendar.ts';
import type { SchoolCalendar } from './school-calendar-model.ts';
import type { ServiceSegment } from './service.ts';
import {
  computeServiceLedger,
  type LedgerFigures,
  type LedgerPeriod,
  type ServiceLedger,
} from './service-ledger.ts';
import {
  DEFAULT_REASON_POLICY,
  type LedgerEntry,
  MISS_REASONS,
  type MissReason,
  type ReasonPolicy,
} from './session-entry.ts';

// ---------------------------------------------------------------------------------------------
// Fixtures. School year 2026-27: Tuesday 2026-09-08 to Friday 2027-06-11, Monday-Friday.

const YEAR_2026: SchoolCalendar = {
  id: 'cal-2026',
  firstDay: '2026-09-08',
  lastDay: '2027-06-11',
  schoolWeekdays: [1, 2, 3, 4, 5],
  cycleLength: null,
  events: [
    { kind: 'holiday', startDate: '2026-09-07', endDate: null, label: 'Labor Day' },
    { kind: 'holiday', startDate: '2026-10-12', endDate: null, label: 'Indigenous Peoples Day' },
    { kind: 'holiday', startDate: '2026-11-11', endDate: null, label: 'Veterans Day' },
    { kind: 'break', startDate: '2026-11-25', endDate: '2026-11-27', label: 'Thanksgiving break' },
    { kind: 'closure', startDate: '2026-12-09', endDate: null, label: 'Snow day' },
    { kind: 'early_dismissal', startDate: '2026-12-18', endDate: null, label: 'Early release' },
    { kind: 'break', startDate: '2026-12-21', endDate: '2027-01-01', label: 'Winter break' },
    { kind: 'holiday', startDate: '2027-01-18', endDate: null, label: 'MLK Day' },
    { kind: 'break', startDate: '2027-02-15', endDate: '2027-02-19', label: 'February break' },
    { kind: 'break', startDate: '2027-04-19', endDate: '2027-04-23', label: 'Spring break' },
    { kind: 'holiday', startDate: '2027-05-31', endDate: null, label: 'Memorial Day' },
    // Summer events, for ESY.
    { kind: 'holiday', startDate: '2027-07-05', endDate: null, label: 'Independence Day observed' },
    { kind: 'closure', startDate: '2027-07-16', endDate: null, label: 'Heat closure' },
  ],
};
const CAL = buildCalendarIndex([YEAR_2026]);

function seg(o: Partial<ServiceSegment> & { startDate: string; endDate: string }): ServiceSegment {
  return {
    minutesPerSession: null,
    sessionsPerPeriod: null,
    minutesPerPeriod: null,
    period: { unit: 'week', cycleDays: null },
    pattern: null,
    label: null,
    ...o,
  };
}

function weekly(
  sessions: number,
  minutes: number,
  startDate = '2026-09-08',
  endDate = '2027-06-11',
): ServiceSegment {
  return seg({ sessionsPerPeriod: sessions, minutesPerSession: minutes, startDate, endDate });
}

function weeklyMinutes(
  minutesPerPeriod: number,
  startDate = '2026-09-08',
  endDate = '2027-06-11',
  minutesPerSession: number | null = null,
): ServiceSegment {
  return seg({ minutesPerPeriod, minutesPerSession, startDate, endDate });
}

/** The article's speech service: 30 minutes, twice a week. */
const SPEECH = weekly(2, 30);

function entry(id: string, date: string, over: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id,
    date,
    kind: 'scheduled',
    status: 'delivered',
    minutesDelivered: 30,
    minutesPlanned: 30,
    reason: null,
    responsibility: null,
    makeupForEntryId: null,
    ...over,
  };
}
const delivered = (id: string, date: string, minutes = 30) => entry(id, date, { minutesDelivered: minutes });
const short = (id: string, date: string, minutes: number, reason: MissReason) =>
  entry(id, date, { status: 'short', minutesDelivered: minutes, reason });
const missed = (id: string, date: string, reason: MissReason | null, over: Partial<LedgerEntry> = {}) =>
  entry(id, date, { status: 'missed', minutesDelivered: 0, reason, ...over });
const makeup = (id: string, date: string, minutes: number, forId: string | null = null) =>
  entry(id, date, {
    kind: 'makeup',
    minutesDelivered: minutes,
    minutesPlanned: null,
    makeupForEntryId: forId,
  });

type RunOptions = {
  segments?: ServiceSegment[];
  esyBlocks?: ServiceSegment[];
  entries?: LedgerEntry[];
  from: string;
  to: string;
  asOf?: string;
  grouping?: 'auto' | 'week' | 'month';
  policy?: ReasonPolicy;
  calendar?: CalendarIndex;
  language?: 'en' | 'es';
};

function run(o: RunOptions): ServiceLedger {
  return computeServiceLedger({
    service: { serviceId: 'svc-speech', segments: o.segments ?? [SPEECH], esyBlocks: o.esyBlocks ?? [] },
    calendar: o.calendar ?? CAL,
    entries: o.entries ?? [],
    policy: o.policy ?? DEFAULT_REASON_POLICY,
    window: { from: o.from, to: o.to },
    asOf: o.asOf ?? '2027-08-31',
    ...(o.grouping ? { grouping: o.grouping } : {}),
    ...(o.language ? { language: o.language } : {}),
  });
}

const FIGURES = [
  'requiredSessions',
  'requiredMinutes',
  'scheduledSessions',
  'deliveredMinutes',
  'extraMinutes',
  'owedMinutes',
  'excusedMinutes',
  'pendingMinutes',
  'unloggedSessions',
  'unloggedMinutes',
  'makeupMinutes',
  'makeupAppliedMinutes',
  'owedBalanceMinutes',
  'percentDelivered',
] as const;
type FigureName = (typeof FIGURES)[number];

/** The named figures of a row or the totals, for compact assertions. */
function fig(
  f: LedgerFigures,
  names: readonly FigureName[] = FIGURES,
): Partial<Record<FigureName, number | null>> {
  const out: Partial<Record<FigureName, number | null>> = {};
  for (const n of names) out[n] = f[n];
  return out;
}

function accountedPlusUnlogged(f: LedgerFigures): number {
  return f.deliveredMinutes + f.owedMinutes + f.excusedMinutes + f.pendingMinutes + f.unloggedMinutes;
}

function row(l: ServiceLedger, label: string): LedgerPeriod {
  const p = l.periods.find((x) => x.label === label);
  if (!p) throw new Error(`no row "${label}" in ${l.periods.map((x) => x.label).join(', ')}`);
  return p;
}

// ---------------------------------------------------------------------------------------------

describe('service ledger: the article, worked by hand', () => {
  // Speech, 2 sessions x 30 minutes every week from 2026-09-08. We look at six weeks,
  // Monday 2026-11-02 to Friday 2026-12-11 (today). Each week owes 2 sessions = 60 minutes,
  // whatever its closures: Veterans Day (Wed 11-11), Thanksgiving break (Wed-Fri 11-25..27) and a
  // snow day (Wed 12-09) do not reduce a week's obligation; the therapist is expected to reschedule.
  const entries: LedgerEntry[] = [
    // Week of 11-02: one session given, then the therapist is absent (counted as owed).
    delivered('a-delivered', '2026-11-02'),
    missed('a-therapist-absent', '2026-11-05', 'provider_absent'),
    // Week of 11-09: the session is cancelled for an assembly; the child is absent for the other.
    missed('b-assembly', '2026-11-10', 'school_event'),
    missed('b-student-absent', '2026-11-12', 'student_absent'),
    // Week of 11-16: nothing logged at all.
    // Week of 11-23 (Thanksgiving): a session cut to 20 minutes for an unexplained reason, and a full one.
    short('d-short', '2026-11-23', 20, 'other'),
    delivered('d-delivered', '2026-11-24'),
    // Week of 11-30: one session; the assembly miss is made up on Thursday.
    delivered('e-delivered', '2026-12-01'),
    makeup('e-makeup-assembly', '2026-12-03', 30, 'b-assembly'),
    // Week of 12-07: a 35-minute session (5 extra), the snow day, and 20 make-up minutes naming no miss.
    delivered('f-long', '2026-12-07', 35),
    missed('f-snow-day', '2026-12-09', 'school_closed'),
    makeup('f-makeup', '2026-12-11', 20),
  ];
  const ledger = run({ entries, from: '2026-11-02', to: '2026-12-31', asOf: '2026-12-11' });

  it('totals: required, delivered, owed, excused, pending, unlogged, make-ups, balance and percent', () => {
    // required   = 6 weeks x 2 sessions = 12 sessions = 360 minutes
    // delivered  = 30 (11-02) + 20 (short 11-23) + 30 (11-24) + 30 (12-01) + 30 (12-07, capped at 30) = 140
    // extra      = 35 - 30 = 5 (shown, never offsets anything)
    // owed       = 30 therapist absent + 30 assembly + 30 snow day (school_closed is owed by default) = 90
    // excused    = 30 (student absent)
    // pending    = 10 (the short session's 10 missing minutes, reason "other")
    // unlogged   = week of 11-16: 2 sessions (60) + week of 11-30: 1 session (30) = 3 sessions, 90 minutes
    // identity   : 140 + 90 + 30 + 10 + 90 = 360
    // make-ups   = 30 (named, 12-03) + 20 (unnamed, 12-11) = 50
    //   the named 30 cures the assembly miss (11-10) in full;
    //   the unnamed 20 goes to the oldest owed minutes: the therapist's absence (11-05), leaving 10 there.
    // applied    = 50; balance = 90 - 50 = 40 (10 from 11-05 and 30 from the snow day)
    // percent    = 140 / 360 = 38.88... -> 38.9
    expect(ledger.window).toEqual({ from: '2026-11-02', to: '2026-12-11' });
    expect(fig(ledger.totals)).toEqual({
      requiredSessions: 12,
      requiredMinutes: 360,
      scheduledSessions: 9,
      deliveredMinutes: 140,
      extraMinutes: 5,
      owedMinutes: 90,
      excusedMinutes: 30,
      pendingMinutes: 10,
      unloggedSessions: 3,
      unloggedMinutes: 90,
      makeupMinutes: 50,
      makeupAppliedMinutes: 50,
      owedBalanceMinutes: 40,
      percentDelivered: 38.9,
    });
    expect(accountedPlusUnlogged(ledger.totals)).toBe(360);
    expect(ledger.unappliedMakeupMinutes).toBe(0);
  });

  it('week by week', () => {
    expect(ledger.periods.map((p) => [p.label, p.start, p.end, p.unit])).toEqual([
      ['Week of 2026-11-02', '2026-11-02', '2026-11-08', 'week'],
      ['Week of 2026-11-09', '2026-11-09', '2026-11-15', 'week'],
      ['Week of 2026-11-16', '2026-11-16', '2026-11-22', 'week'],
      ['Week of 2026-11-23', '2026-11-23', '2026-11-29', 'week'],
      ['Week of 2026-11-30', '2026-11-30', '2026-12-06', 'week'],
      ['Week of 2026-12-07', '2026-12-07', '2026-12-11', 'week'],
    ]);
    const names: FigureName[] = [
      'requiredMinutes',
      'deliveredMinutes',
      'extraMinutes',
      'owedMinutes',
      'excusedMinutes',
      'pendingMinutes',
      'unloggedSessions',
      'unloggedMinutes',
      'makeupMinutes',
      'makeupAppliedMinutes',
      'owedBalanceMinutes',
      'percentDelivered',
    ];
    const table: [string, number[]][] = [
      // label                    req del ext owed exc pen unS unM mkp appl bal  pct
      ['Week of 2026-11-02', [60, 30, 0, 30, 0, 0, 0, 0, 0, 20, 10, 50]], // 20 unnamed make-up minutes land here
      ['Week of 2026-11-09', [60, 0, 0, 30, 30, 0, 0, 0, 0, 30, 0, 0]], // assembly cured by its named make-up
      ['Week of 2026-11-16', [60, 0, 0, 0, 0, 0, 2, 60, 0, 0, 0, 0]], // nothing logged
      ['Week of 2026-11-23', [60, 50, 0, 0, 0, 10, 0, 0, 0, 0, 0, 83.3]], // 50 / 60 = 83.3%
      ['Week of 2026-11-30', [60, 30, 0, 0, 0, 0, 1, 30, 30, 0, 0, 50]], // the make-up is not a session
      ['Week of 2026-12-07', [60, 30, 5, 30, 0, 0, 0, 0, 20, 0, 30, 50]], // 5 extra minutes offset nothing
    ];
    for (const [label, values] of table) {
      const p = row(ledger, label);
      const expected = Object.fromEntries(names.map((n, i) => [n, values[i]]));
      expect(fig(p, names), label).toEqual(expected);
      expect(accountedPlusUnlogged(p), label).toBe(p.requiredMinutes);
    }
    expect(row(ledger, 'Week of 2026-11-09').closures).toEqual(['2026-11-11: Veterans Day (holiday)']);
    expect(row(ledger, 'Week of 2026-11-23').closures).toEqual([
      '2026-11-25 to 2026-11-27: Thanksgiving break (break)',
    ]);
    expect(row(ledger, 'Week of 2026-11-23')).toMatchObject({ instructionalDays: 2, activeDays: 2 });
    expect(row(ledger, 'Week of 2026-12-07').closures).toEqual(['2026-12-09: Snow day (closure)']);
  });

  it('every figure lists the ids of the entries behind it', () => {
    expect(ledger.totals.entryIds).toEqual({
      delivered: ['a-delivered', 'd-short', 'd-delivered', 'e-delivered', 'f-long'],
      short: ['d-short'],
      missed: ['a-therapist-absent', 'b-assembly', 'b-student-absent', 'f-snow-day'],
      extra: ['f-long'],
      owed: ['a-therapist-absent', 'b-assembly', 'f-snow-day'],
      excused: ['b-student-absent'],
      pending: ['d-short'],
      makeup: ['e-makeup-assembly', 'f-makeup'],
      makeupApplied: ['e-makeup-assembly', 'f-makeup'],
    });
    expect(row(ledger, 'Week of 2026-11-02').entryIds.makeupApplied).toEqual(['f-makeup']);
    expect(row(ledger, 'Week of 2026-11-09').entryIds.makeupApplied).toEqual(['e-makeup-assembly']);
    expect(row(ledger, 'Week of 2026-11-30').entryIds.makeup).toEqual(['e-makeup-assembly']);
  });

  it('notes the session logged on the snow day', () => {
    expect(ledger.notes).toContain('Counted up to 2026-12-11 (the as-of date); later days owe nothing yet.');
    expect(ledger.notes).toContain('1 entry falls on days with no school; it still counts.');
    expect(ledger.notes).toContain(
      '1 entry is dated on a day the calendar marks as a holiday, break or closure: 2026-12-09 (Snow day).',
    );
  });

  it('says its notes in Spanish for a Spanish reader, every figure the same', () => {
    const spanish = run({
      entries,
      from: '2026-11-02',
      to: '2026-12-31',
      asOf: '2026-12-11',
      language: 'es',
    });
    expect({ ...spanish, notes: [] }).toEqual({ ...ledger, notes: [] });
    expect(spanish.notes).toHaveLength(ledger.notes.length);
    expect(spanish.notes).toContain(
      'Contado hasta el 2026-12-11 (la fecha de cálculo); los días posteriores todavía no deben nada.',
    );
    expect(spanish.notes).toContain('1 entrada cae en días sin clases; igual cuenta.');
    expect(spanish.notes).toContain(
      '1 entrada tiene la fecha de un día que el calendario marca como feriado, vacaciones o cierre: 2026-12-09 (Snow day).',
    );
  });

  it('entries in any order give the same ledger', () => {
    const shuffled = [...entries].reverse();
    shuffled.push(shuffled.shift()!);
    expect(run({ entries: shuffled, from: '2026-11-02', to: '2026-12-31', asOf: '2026-12-11' })).toEqual(
      ledger,
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('service ledger: rule 2, per scheduled entry', () => {
  const week = { from: '2026-10-12', to: '2026-10-18' }; // Indigenous Peoples Day Monday: 4 school days

  it('a session cancelled for an assembly is owed as a make-up', () => {
    const l = run({
      ...week,
      entries: [missed('assembly', '2026-10-13', 'school_event'), delivered('ok', '2026-10-15')],
    });
    expect(
      fig(l.totals, ['owedMinutes', 'owedBalanceMinutes', 'deliveredMinutes', 'unloggedMinutes']),
    ).toEqual({
      owedMinutes: 30,
      owedBalanceMinutes: 30,
      deliveredMinutes: 30,
      unloggedMinutes: 0,
    });
    expect(l.totals.entryIds.owed).toEqual(['assembly']);
    expect(l.totals.entryIds.missed).toEqual(['assembly']);
  });

  it('a student absence is excused', () => {
    const l = run({
      ...week,
      entries: [missed('absent', '2026-10-13', 'student_absent'), delivered('ok', '2026-10-15')],
    });
    expect(fig(l.totals, ['owedMinutes', 'excusedMinutes', 'pendingMinutes'])).toEqual({
      owedMinutes: 0,
      excusedMinutes: 30,
      pendingMinutes: 0,
    });
    expect(l.totals.entryIds.excused).toEqual(['absent']);
  });

  it('other and unknown reasons are pending until classified', () => {
    const l = run({
      from: '2026-10-12',
      to: '2026-10-25',
      entries: [
        missed('other', '2026-10-13', 'other'),
        missed('no-reason', '2026-10-15', null),
        missed('unknown', '2026-10-20', 'unknown'),
      ],
    });
    expect(row(l, 'Week of 2026-10-12').pendingMinutes).toBe(60);
    expect(row(l, 'Week of 2026-10-19').pendingMinutes).toBe(30);
    expect(l.totals.entryIds.pending).toEqual(['other', 'no-reason', 'unknown']);
    expect(l.totals.owedMinutes + l.totals.excusedMinutes).toBe(0);
    // Once the parent classifies them, they move.
    const classified = run({
      from: '2026-10-12',
      to: '2026-10-25',
      entries: [
        missed('other', '2026-10-13', 'other', { responsibility: 'owed' }),
        missed('no-reason', '2026-10-15', null, { responsibility: 'excused' }),
      ],
    });
    expect(fig(classified.totals, ['owedMinutes', 'excusedMinutes', 'pendingMinutes'])).toEqual({
      owedMinutes: 30,
      excusedMinutes: 30,
      pendingMinutes: 0,
    });
  });

  it('the reason policy assigns every reason (default policy)', () => {
    const expected: Record<MissReason, 'owed' | 'excused' | 'pending'> = {
      provider_absent: 'owed',
      school_event: 'owed',
      testing: 'owed',
      field_trip: 'owed',
      school_closed: 'owed',
      scheduling_conflict: 'owed',
      student_absent: 'excused',
      student_refused: 'excused',
      other: 'pending',
      unknown: 'pending',
    };
    for (const reason of MISS_REASONS) {
      const l = run({ ...week, entries: [missed('m', '2026-10-13', reason)] });
      const want = expected[reason];
      expect(
        { owed: l.totals.owedMinutes, excused: l.totals.excusedMinutes, pending: l.totals.pendingMinutes },
        reason,
      ).toEqual({ owed: 0, excused: 0, pending: 0, [want]: 30 });
    }
  });

  it("the parent's classification and the plan's policy override the default", () => {
    const overridden = run({
      ...week,
      entries: [missed('absent', '2026-10-13', 'student_absent', { responsibility: 'owed' })],
    });
    expect(overridden.totals.owedMinutes).toBe(30);
    // A plan may follow the March 2020 Q&A and excuse sessions on days the school is closed to all.
    const policy: ReasonPolicy = { ...DEFAULT_REASON_POLICY, school_closed: 'excused' };
    const excused = run({ ...week, policy, entries: [missed('snow', '2026-10-13', 'school_closed')] });
    expect(fig(excused.totals, ['owedMinutes', 'excusedMinutes'])).toEqual({
      owedMinutes: 0,
      excusedMinutes: 30,
    });
  });

  it('a short session credits what was delivered; the rest follows its reason', () => {
    const l = run({
      ...week,
      entries: [short('short', '2026-10-13', 20, 'testing'), delivered('ok', '2026-10-15')],
    });
    expect(fig(l.totals, ['deliveredMinutes', 'owedMinutes', 'unloggedMinutes', 'percentDelivered'])).toEqual(
      {
        deliveredMinutes: 50,
        owedMinutes: 10,
        unloggedMinutes: 0,
        percentDelivered: 83.3,
      },
    );
    expect(l.totals.entryIds.short).toEqual(['short']);
  });

  it('extra minutes are shown but never offset another week', () => {
    // Week of 10-19: a 60-minute session (30 extra) and a normal one. Week of 10-26: the therapist is out once.
    const l = run({
      from: '2026-10-19',
      to: '2026-11-01',
      entries: [
        delivered('long', '2026-10-19', 60),
        delivered('normal', '2026-10-21'),
        missed('out', '2026-10-27', 'provider_absent'),
        delivered('after', '2026-10-29'),
      ],
    });
    expect(
      fig(row(l, 'Week of 2026-10-19'), ['deliveredMinutes', 'extraMinutes', 'percentDelivered']),
    ).toEqual({
      deliveredMinutes: 60,
      extraMinutes: 30,
      percentDelivered: 100,
    });
    expect(
      fig(row(l, 'Week of 2026-10-26'), ['deliveredMinutes', 'owedMinutes', 'owedBalanceMinutes']),
    ).toEqual({
      deliveredMinutes: 30,
      owedMinutes: 30,
      owedBalanceMinutes: 30,
    });
    expect(fig(l.totals, ['deliveredMinutes', 'extraMinutes', 'owedBalanceMinutes'])).toEqual({
      deliveredMinutes: 90,
      extraMinutes: 30,
      owedBalanceMinutes: 30,
    });
    expect(l.totals.entryIds.extra).toEqual(['long']);
  });

  it('a total-minutes service without a session length credits up to what the week still requires', () => {
    // 60 minutes a week, no session length. Week of 10-19: 45 + 30 -> 45 + 15 credited, 15 extra.
    // Week of 10-26: 20 delivered (no planned length), and a session planned for 30 cut to 20 for testing:
    // credited 20 + 20, owed 10, unlogged 60 - 40 - 10 = 10.
    const l = run({
      segments: [weeklyMinutes(60)],
      from: '2026-10-19',
      to: '2026-11-01',
      entries: [
        delivered('a', '2026-10-19', 45),
        entry('b', '2026-10-21', { minutesDelivered: 30, minutesPlanned: null }),
        entry('c', '2026-10-26', { minutesDelivered: 20, minutesPlanned: null }),
        short('d', '2026-10-28', 20, 'testing'),
      ].map((e) => (e.id === 'a' ? { ...e, minutesPlanned: null } : e)),
    });
    expect(
      fig(row(l, 'Week of 2026-10-19'), [
        'requiredSessions',
        'deliveredMinutes',
        'extraMinutes',
        'unloggedMinutes',
      ]),
    ).toEqual({
      requiredSessions: null,
      deliveredMinutes: 60,
      extraMinutes: 15,
      unloggedMinutes: 0,
    });
    expect(
      fig(row(l, 'Week of 2026-10-26'), [
        'deliveredMinutes',
        'owedMinutes',
        'unloggedSessions',
        'unloggedMinutes',
      ]),
    ).toEqual({
      deliveredMinutes: 40,
      owedMinutes: 10,
      unloggedSessions: null,
      unloggedMinutes: 10,
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('service ledger: rule 1, required', () => {
  it('a week cut by the service start is prorated, sessions rounded half up', () => {
    // [sessions a week, start, week, active/instructional days, expected sessions]
    const table: [number, string, string, string, number][] = [
      [2, '2026-10-13', '2026-10-12', '4/4', 2], // holiday Monday: Tue-Fri is the whole week
      [2, '2026-10-14', '2026-10-12', '3/4', 2], // 2 x 3/4 = 1.5 -> 2 (half up)
      [2, '2026-10-15', '2026-10-12', '2/4', 1], // 2 x 2/4 = 1
      [2, '2026-10-16', '2026-10-12', '1/4', 1], // 2 x 1/4 = 0.5 -> 1
      [2, '2026-10-22', '2026-10-19', '2/5', 1], // 0.8 -> 1
      [2, '2026-10-23', '2026-10-19', '1/5', 0], // 0.4 -> 0
      [3, '2026-10-21', '2026-10-19', '3/5', 2], // 1.8 -> 2
      [3, '2026-10-23', '2026-10-19', '1/5', 1], // 0.6 -> 1
    ];
    for (const [sessions, start, monday, days, expected] of table) {
      const l = run({
        segments: [weekly(sessions, 30, start)],
        from: monday,
        to: fromDayNumber(toDayNumber(monday) + 6),
      });
      const p = l.periods[0]!;
      expect(`${p.activeDays}/${p.instructionalDays}`, start).toBe(days);
      expect(fig(p, ['requiredSessions', 'requiredMinutes']), start).toEqual({
        requiredSessions: expected,
        requiredMinutes: expected * 30,
      });
    }
    // The end date cuts the same way: ending Tuesday 10-20 keeps 2 of 5 days: 0.8 -> 1.
    const ending = run({
      segments: [weekly(2, 30, '2026-09-08', '2026-10-20')],
      from: '2026-10-19',
      to: '2026-10-25',
    });
    expect(ending.periods[0]!.requiredSessions).toBe(1);
  });

  it('a total-minutes service prorates minutes to the nearest minute', () => {
    const table: [number, string, string, number][] = [
      [90, '2026-10-14', '2026-10-12', 68], // 90 x 3/4 = 67.5 -> 68
      [45, '2026-10-14', '2026-10-12', 34], // 33.75 -> 34
      [25, '2026-10-14', '2026-10-12', 19], // 18.75 -> 19
      [10, '2026-10-16', '2026-10-12', 3], // 2.5 -> 3
      [50, '2026-10-22', '2026-10-19', 20], // 50 x 2/5 = 20
      [100, '2026-10-23', '2026-10-19', 20], // 100 x 1/5 = 20
      [70, '2026-10-23', '2026-10-19', 14], // 14
      [33, '2026-10-21', '2026-10-19', 20], // 19.8 -> 20
    ];
    for (const [minutes, start, monday, expected] of table) {
      const l = run({
        segments: [weeklyMinutes(minutes, start)],
        from: monday,
        to: fromDayNumber(toDayNumber(monday) + 6),
      });
      expect(fig(l.periods[0]!, ['requiredSessions', 'requiredMinutes']), `${minutes} from ${start}`).toEqual(
        {
          requiredSessions: null,
          requiredMinutes: expected,
        },
      );
    }
  });

  it("a closure does not reduce the week's obligation", () => {
    const l = run({ from: '2026-11-23', to: '2026-12-13' });
    expect(
      l.periods.map((p) => [p.label, p.instructionalDays, p.requiredSessions, p.requiredMinutes]),
    ).toEqual([
      ['Week of 2026-11-23', 2, 2, 60], // Thanksgiving: 2 school days, still 2 sessions
      ['Week of 2026-11-30', 5, 2, 60],
      ['Week of 2026-12-07', 4, 2, 60], // snow day
    ]);
  });

  it('a week with no instructional day owes nothing', () => {
    const l = run({ from: '2026-12-14', to: '2027-01-10', entries: [delivered('dec-15', '2026-12-15')] });
    const winter = ['Week of 2026-12-21', 'Week of 2026-12-28'];
    for (const label of winter) {
      expect(
        fig(row(l, label), [
          'requiredSessions',
          'requiredMinutes',
          'unloggedSessions',
          'unloggedMinutes',
          'percentDelivered',
        ]),
        label,
      ).toEqual({
        requiredSessions: 0,
        requiredMinutes: 0,
        unloggedSessions: 0,
        unloggedMinutes: 0,
        percentDelivered: null,
      });
      expect(row(l, label).closures).toEqual(['2026-12-21 to 2027-01-01: Winter break (break)']);
    }
    expect(fig(l.totals, ['requiredSessions', 'requiredMinutes', 'unloggedSessions'])).toEqual({
      requiredSessions: 4,
      requiredMinutes: 120,
      unloggedSessions: 3,
    });
  });

  it('a monthly service owes its amount in every calendar month, prorated by active school days', () => {
    // 4 x 30 a month from Friday 10-16. October has 21 school days (22 weekdays less 10-12); 11 are active:
    // 10-16, 10-19..23, 10-26..30 -> 4 x 11/21 = 2.10 -> 2 sessions. November: 17 school days, all active,
    // Thanksgiving included -> 4 sessions.
    const service = seg({
      sessionsPerPeriod: 4,
      minutesPerSession: 30,
      period: { unit: 'month', cycleDays: null },
      startDate: '2026-10-16',
      endDate: '2027-06-11',
    });
    const entries = [
      delivered('oct-20', '2026-10-20'),
      delivered('nov-03', '2026-11-03'),
      delivered('nov-10', '2026-11-10'),
      delivered('nov-17', '2026-11-17'),
    ];
    const l = run({ segments: [service], entries, from: '2026-10-01', to: '2026-11-30' });
    expect(
      l.periods.map((p) => [p.label, p.unit, p.start, p.end, p.activeDays, p.instructionalDays]),
    ).toEqual([
      ['October 2026', 'month', '2026-10-01', '2026-10-31', 11, 21],
      ['November 2026', 'month', '2026-11-01', '2026-11-30', 17, 17],
    ]);
    expect(
      fig(row(l, 'October 2026'), [
        'requiredSessions',
        'requiredMinutes',
        'deliveredMinutes',
        'unloggedSessions',
      ]),
    ).toEqual({
      requiredSessions: 2,
      requiredMinutes: 60,
      deliveredMinutes: 30,
      unloggedSessions: 1,
    });
    expect(
      fig(row(l, 'November 2026'), [
        'requiredSessions',
        'requiredMinutes',
        'deliveredMinutes',
        'unloggedMinutes',
      ]),
    ).toEqual({
      requiredSessions: 4,
      requiredMinutes: 120,
      deliveredMinutes: 90,
      unloggedMinutes: 30,
    });
    expect(
      fig(l.totals, ['requiredMinutes', 'deliveredMinutes', 'unloggedMinutes', 'percentDelivered']),
    ).toEqual({
      requiredMinutes: 180,
      deliveredMinutes: 120,
      unloggedMinutes: 60,
      percentDelivered: 66.7,
    });
    // A month cannot be split into weeks: asking for weeks keeps months and says why.
    const byWeek = run({
      segments: [service],
      entries,
      from: '2026-10-01',
      to: '2026-11-30',
      grouping: 'week',
    });
    expect(byWeek.periods.map((p) => p.label)).toEqual(['October 2026', 'November 2026']);
    expect(byWeek.notes.some((n) => n.includes('cannot be split'))).toBe(true);
  });

  it('a daily service owes every active instructional day, and a day with two entries does not cover a day with none', () => {
    // 1 x 20 a day, Monday 11-09 to Friday 11-13; Veterans Day Wednesday: 4 sessions, 80 minutes, shown as one week.
    const service = seg({
      sessionsPerPeriod: 1,
      minutesPerSession: 20,
      period: { unit: 'day', cycleDays: null },
      startDate: '2026-11-09',
      endDate: '2026-11-13',
    });
    const l = run({
      segments: [service],
      from: '2026-11-09',
      to: '2026-11-15',
      entries: [
        delivered('mon', '2026-11-09', 20),
        missed('tue', '2026-11-10', 'provider_absent'),
        delivered('fri', '2026-11-13', 20),
      ],
    });
    expect(l.periods).toHaveLength(1);
    expect(l.periods[0]).toMatchObject({
      label: 'Week of 2026-11-09',
      unit: 'week',
      instructionalDays: 4,
      activeDays: 4,
    });
    // Tuesday's entry has the service's 20 planned minutes (the segment's session length wins over the entry's 30).
    expect(
      fig(l.totals, [
        'requiredSessions',
        'requiredMinutes',
        'deliveredMinutes',
        'owedMinutes',
        'unloggedSessions',
        'unloggedMinutes',
      ]),
    ).toEqual({
      requiredSessions: 4,
      requiredMinutes: 80,
      deliveredMinutes: 40,
      owedMinutes: 20,
      unloggedSessions: 1, // Thursday
      unloggedMinutes: 20,
    });
    // Two sessions on Monday and none on Thursday: Thursday is still unlogged (counted per day).
    const doubled = run({
      segments: [service],
      from: '2026-11-09',
      to: '2026-11-15',
      entries: [
        delivered('mon-1', '2026-11-09', 20),
        delivered('mon-2', '2026-11-09', 20),
        missed('tue', '2026-11-10', 'provider_absent'),
        delivered('fri', '2026-11-13', 20),
      ],
    });
    expect(
      fig(doubled.totals, ['scheduledSessions', 'requiredSessions', 'unloggedSessions', 'unloggedMinutes']),
    ).toEqual({
      scheduledSessions: 4,
      requiredSessions: 4,
      unloggedSessions: 1,
      unloggedMinutes: 20,
    });
    expect(
      doubled.notes.some((n) => n.startsWith('2026-11-09: 2 scheduled sessions logged where 1 was required')),
    ).toBe(true);
    // By month: the same figures in one row.
    const byMonth = run({ segments: [service], from: '2026-11-01', to: '2026-11-30', grouping: 'month' });
    expect(byMonth.periods.map((p) => [p.label, p.requiredMinutes])).toEqual([['November 2026', 80]]);
  });

  describe('per cycle', () => {
    // A 6-day rotation from Tuesday 09-08; Thursday 09-10 is closed.
    const cycleCalendar = buildCalendarIndex([
      {
        id: 'cal-cycle',
        firstDay: '2026-09-08',
        lastDay: '2027-06-11',
        schoolWeekdays: [1, 2, 3, 4, 5],
        cycleLength: 6,
        events: [{ kind: 'closure', startDate: '2026-09-10', endDate: null, label: 'Power outage' }],
      },
    ]);
    const perCycle = (n: number) =>
      seg({
        sessionsPerPeriod: 2,
        minutesPerSession: 30,
        period: { unit: 'cycle', cycleDays: n },
        startDate: '2026-09-08',
        endDate: '2027-06-11',
      });

    it('a per-cycle service owes each cycle of N instructional days, the last one prorated', () => {
      // Cycle 1: 09-08, 09, 11, 14, 15, 16. Cycle 2: 09-17, 18, 21, 22, 23, 24. Cycle 3 starts 09-25 and runs
      // to 10-04 (cycle 4 starts Monday 10-05); to 09-30 it has 4 of its 6 days: 2 x 4/6 = 1.33 -> 1 session.
      const l = run({
        calendar: cycleCalendar,
        segments: [perCycle(6)],
        from: '2026-09-08',
        to: '2026-09-30',
        asOf: '2026-09-30',
        entries: [delivered('sep-16', '2026-09-16'), delivered('sep-17', '2026-09-17')],
      });
      expect(
        l.periods.map((p) => [p.label, p.unit, p.start, p.end, p.activeDays, p.requiredSessions]),
      ).toEqual([
        ['Cycle 1 (2026-09-08 to 2026-09-16)', 'cycle', '2026-09-08', '2026-09-16', 6, 2],
        ['Cycle 2 (2026-09-17 to 2026-09-24)', 'cycle', '2026-09-17', '2026-09-24', 6, 2],
        ['Cycle 3 (2026-09-25 to 2026-10-04)', 'cycle', '2026-09-25', '2026-09-30', 4, 1],
      ]);
      expect(l.periods.map((p) => p.unloggedSessions)).toEqual([1, 1, 1]);
      expect(fig(l.totals, ['requiredMinutes', 'deliveredMinutes', 'unloggedMinutes'])).toEqual({
        requiredMinutes: 150,
        deliveredMinutes: 60,
        unloggedMinutes: 90,
      });
    });

    it('a closure does not advance the cycle', () => {
      // Without the closure, cycle 1 would end Tuesday 09-15; with it, Wednesday 09-16 is still cycle day 6.
      const l = run({
        calendar: cycleCalendar,
        segments: [perCycle(6)],
        from: '2026-09-08',
        to: '2026-09-16',
        entries: [delivered('sep-16', '2026-09-16')],
      });
      expect(l.periods).toHaveLength(1);
      expect(l.periods[0]!.end).toBe('2026-09-16');
      expect(l.periods[0]!.entryIds.delivered).toEqual(['sep-16']);
      expect(l.periods[0]!.closures).toEqual(['2026-09-10: Power outage (closure)']);
    });

    it("a cycle length other than the calendar's counts consecutive groups of N school days from the first day", () => {
      // Groups of 5: 09-08..15 (8, 9, 11, 14, 15), 09-16..22, 09-23..29, then 09-30 alone: 2 x 1/5 = 0.4 -> 0.
      const l = run({
        calendar: cycleCalendar,
        segments: [perCycle(5)],
        from: '2026-09-08',
        to: '2026-09-30',
        asOf: '2026-09-30',
      });
      expect(l.periods.map((p) => [p.start, p.end, p.requiredSessions])).toEqual([
        ['2026-09-08', '2026-09-15', 2],
        ['2026-09-16', '2026-09-22', 2],
        ['2026-09-23', '2026-09-29', 2],
        ['2026-09-30', '2026-09-30', 0],
      ]);
    });
  });

  it('a per-year service owes the share of the school year whose instructional days are active', () => {
    // A short "year": 09-08 to 10-30 with one holiday (10-12): 17 September + 21 October = 38 school days.
    const shortYear = buildCalendarIndex([
      {
        id: 'cal-short',
        firstDay: '2026-09-08',
        lastDay: '2026-10-30',
        schoolWeekdays: [1, 2, 3, 4, 5],
        cycleLength: null,
        events: [
          { kind: 'holiday', startDate: '2026-10-12', endDate: null, label: 'Indigenous Peoples Day' },
        ],
      },
    ]);
    const yearly = (o: Partial<ServiceSegment>) =>
      seg({
        period: { unit: 'year', cycleDays: null },
        startDate: '2026-09-08',
        endDate: '2026-10-30',
        ...o,
      });
    const tenSessions = yearly({ sessionsPerPeriod: 10, minutesPerSession: 30 });
    const table: [string, ServiceSegment, string, number, number | null, number, number][] = [
      // case, service, asOf, active days, sessions, minutes, and the arithmetic in the name
      ['whole year: 10 sessions', tenSessions, '2026-12-31', 38, 10, 300, 38],
      ['to 09-30: 10 x 17/38 = 4.47 -> 4', tenSessions, '2026-09-30', 17, 4, 120, 38],
      [
        '600 minutes to 09-30: 600 x 17/38 = 268.4 -> 268',
        yearly({ minutesPerPeriod: 600 }),
        '2026-09-30',
        17,
        null,
        268,
        38,
      ],
      [
        'starting 10-01: 10 x 21/38 = 5.53 -> 6',
        yearly({ sessionsPerPeriod: 10, minutesPerSession: 30, startDate: '2026-10-01' }),
        '2026-12-31',
        21,
        6,
        180,
        38,
      ],
    ];
    for (const [name, service, asOf, active, sessions, minutes, inst] of table) {
      const l = run({ calendar: shortYear, segments: [service], from: '2026-09-01', to: '2026-12-31', asOf });
      expect(l.periods, name).toHaveLength(1);
      const p = l.periods[0]!;
      expect(
        [p.label, p.unit, p.activeDays, p.instructionalDays, p.requiredSessions, p.requiredMinutes],
        name,
      ).toEqual(['School year 2026-09-08 to 2026-10-30', 'year', active, inst, sessions, minutes]);
    }
  });

  it('3 of every 4 weeks: each block of 4 weeks owes the weekly amount times min(3, its active weeks)', () => {
    // 2 x 30 a week for 3 of every 4 weeks, from Wednesday 2027-01-20. Blocks count from the week of 01-18.
    // Block 1 (01-18..02-14): week of 01-18 has 4 school days (MLK Monday), 3 active = 0.75 week;
    //   then 3 full weeks: 3.75 active weeks -> min(3, 3.75) = 3 weeks -> 6 sessions, 180 minutes.
    // Block 2 (02-15..03-14), window to Wednesday 02-24: February break week = 0 weeks; 02-22..24 = 3/5 = 0.6 week
    //   -> 2 x 0.6 = 1.2 -> 1 session, 30 minutes.
    const service = seg({
      sessionsPerPeriod: 2,
      minutesPerSession: 30,
      pattern: { activeWeeks: 3, everyWeeks: 4 },
      startDate: '2027-01-20',
      endDate: '2027-06-11',
    });
    const entries = ['2027-01-20', '2027-01-27', '2027-02-03', '2027-02-10'].map((d) =>
      delivered(`d-${d}`, d),
    );
    const l = run({ segments: [service], entries, from: '2027-01-18', to: '2027-02-24' });
    expect(l.periods.map((p) => [p.label, p.unit, p.start, p.end, p.activeDays])).toEqual([
      ['Weeks of 2027-01-18 to 2027-02-14 (3 of every 4 weeks)', 'week', '2027-01-18', '2027-02-14', 18],
      ['Weeks of 2027-02-15 to 2027-03-14 (3 of every 4 weeks)', 'week', '2027-02-15', '2027-02-24', 3],
    ]);
    expect(
      l.periods.map((p) =>
        fig(p, ['requiredSessions', 'requiredMinutes', 'deliveredMinutes', 'unloggedSessions']),
      ),
    ).toEqual([
      { requiredSessions: 6, requiredMinutes: 180, deliveredMinutes: 120, unloggedSessions: 2 },
      { requiredSessions: 1, requiredMinutes: 30, deliveredMinutes: 0, unloggedSessions: 1 },
    ]);
    // A full block with one break week still owes 3 weeks (4 - 1 = 3 active weeks).
    const full = run({ segments: [service], from: '2027-02-15', to: '2027-03-14' });
    expect(full.periods[0]!.requiredSessions).toBe(6);
  });

  it('step-down segments: a week spanning two amounts owes each its prorated share', () => {
    // Fall: 2 x 30 to Wednesday 2027-01-27. Spring: 3 x 20 from Thursday 01-28.
    // Week of 01-18: 4 school days, fall only: 2 sessions, 60.
    // Week of 01-25: fall 2 x 3/5 = 1.2 -> 1 (30); spring 3 x 2/5 = 1.2 -> 1 (20): 2 sessions, 50 minutes.
    // Week of 02-01: spring 3 x 20 = 60.
    const segments = [weekly(2, 30, '2026-09-08', '2027-01-27'), weekly(3, 20, '2027-01-28', '2027-06-11')];
    const l = run({
      segments,
      from: '2027-01-18',
      to: '2027-02-07',
      entries: [
        delivered('fall', '2027-01-26'),
        delivered('spring', '2027-01-28', 20),
        missed('spring-out', '2027-02-02', 'provider_absent'),
      ],
    });
    expect(l.periods.map((p) => [p.label, p.requiredSessions, p.requiredMinutes])).toEqual([
      ['Week of 2027-01-18', 2, 60],
      ['Week of 2027-01-25', 2, 50],
      ['Week of 2027-02-01', 3, 60],
    ]);
    expect(
      fig(row(l, 'Week of 2027-01-25'), ['deliveredMinutes', 'unloggedSessions', 'unloggedMinutes']),
    ).toEqual({
      deliveredMinutes: 50,
      unloggedSessions: 0,
      unloggedMinutes: 0,
    });
    // The spring miss is planned at the spring length: 20 owed, 2 sessions (40 minutes) unlogged.
    expect(fig(row(l, 'Week of 2027-02-01'), ['owedMinutes', 'unloggedSessions', 'unloggedMinutes'])).toEqual(
      {
        owedMinutes: 20,
        unloggedSessions: 2,
        unloggedMinutes: 40,
      },
    );
    expect(l.totals.requiredMinutes).toBe(170);

    // A change to a total of minutes with no session length: fall 2 x 30 to Wednesday 01-27, then 60 minutes a week.
    // Week of 01-25: fall 1 session (30) + spring 60 x 2/5 = 24 minutes = 54. Nothing logged for the fall part;
    // a 40-minute spring session is credited up to what the spring part still requires (24): 16 extra, and the
    // fall session stays unlogged (the spring session does not cover it).
    const toMinutes = run({
      segments: [weekly(2, 30, '2026-09-08', '2027-01-27'), weeklyMinutes(60, '2027-01-28', '2027-06-11')],
      from: '2027-01-25',
      to: '2027-01-31',
      entries: [entry('spring', '2027-01-28', { minutesDelivered: 40, minutesPlanned: null })],
    });
    expect(
      fig(toMinutes.totals, [
        'requiredSessions',
        'requiredMinutes',
        'deliveredMinutes',
        'extraMinutes',
        'unloggedMinutes',
      ]),
    ).toEqual({
      requiredSessions: null,
      requiredMinutes: 54,
      deliveredMinutes: 24,
      extraMinutes: 16,
      unloggedMinutes: 30,
    });
  });

  it('ESY blocks count their own weekdays, less closure events, and take precedence over a segment', () => {
    // ESY 2 x 30 a week, Thursday 2027-07-08 to Friday 07-30. ESY days: Monday 07-05 is a holiday, Friday 07-16 a closure.
    // Week of 07-05: ESY days Tue-Fri = 4, active Thu-Fri = 2: 2 x 2/4 = 1 session.
    // Weeks of 07-12 (4 days), 07-19, 07-26: 2 sessions each. Total 7 sessions, 210 minutes.
    const esy = weekly(2, 30, '2027-07-08', '2027-07-30');
    const entries = [
      delivered('jul-08', '2027-07-08'),
      delivered('jul-13', '2027-07-13'),
      missed('jul-15', '2027-07-15', 'provider_absent'),
      delivered('jul-20', '2027-07-20'),
      delivered('jul-22', '2027-07-22'),
    ];
    const l = run({ segments: [SPEECH], esyBlocks: [esy], entries, from: '2027-07-01', to: '2027-07-31' });
    expect(
      l.periods.map((p) => [p.label, p.unit, p.activeDays, p.instructionalDays, p.requiredSessions]),
    ).toEqual([
      ['ESY week of 2027-07-05', 'esy', 2, 4, 1],
      ['ESY week of 2027-07-12', 'esy', 4, 4, 2],
      ['ESY week of 2027-07-19', 'esy', 5, 5, 2],
      ['ESY week of 2027-07-26', 'esy', 5, 5, 2],
    ]);
    expect(row(l, 'ESY week of 2027-07-12').closures).toEqual(['2027-07-16: Heat closure (closure)']);
    expect(fig(l.totals, ['requiredMinutes', 'deliveredMinutes', 'owedMinutes', 'unloggedMinutes'])).toEqual({
      requiredMinutes: 210,
      deliveredMinutes: 120,
      owedMinutes: 30,
      unloggedMinutes: 60,
    });
    // By month: one ESY row.
    const byMonth = run({
      segments: [SPEECH],
      esyBlocks: [esy],
      entries,
      from: '2027-07-01',
      to: '2027-07-31',
      grouping: 'month',
    });
    expect(byMonth.periods.map((p) => [p.label, p.unit, p.requiredMinutes])).toEqual([
      ['ESY July 2027', 'esy', 210],
    ]);
    // A segment running through the summer owes nothing there (no school days) and its entries go to ESY.
    const yearRound = run({
      segments: [weekly(2, 30, '2026-09-08', '2027-08-31')],
      esyBlocks: [esy],
      entries,
      from: '2027-07-01',
      to: '2027-07-31',
    });
    expect(yearRound.totals.requiredMinutes).toBe(210);
    expect(
      yearRound.periods
        .filter((p) => p.unit !== 'esy')
        .every((p) => p.requiredMinutes === 0 && p.scheduledSessions === 0),
    ).toBe(true);
    // A per-year amount over an ESY block is owed over the block's ESY days: 16 days (07-08..30 less 07-16).
    const block = seg({
      sessionsPerPeriod: 8,
      minutesPerSession: 30,
      period: { unit: 'year', cycleDays: null },
      startDate: '2027-07-08',
      endDate: '2027-07-30',
    });
    const whole = run({ segments: [], esyBlocks: [block], from: '2027-07-01', to: '2027-07-31' });
    expect(whole.periods.map((p) => [p.label, p.unit, p.instructionalDays, p.requiredSessions])).toEqual([
      ['ESY 2027-07-08 to 2027-07-30', 'esy', 16, 8],
    ]);
    // To 07-16: 6 ESY days of 16 -> 8 x 6/16 = 3 sessions.
    const partial = run({
      segments: [],
      esyBlocks: [block],
      from: '2027-07-01',
      to: '2027-07-31',
      asOf: '2027-07-16',
    });
    expect(partial.totals.requiredSessions).toBe(3);
  });

  it('asOf clips the window: days after today owe nothing yet', () => {
    const l = run({
      from: '2026-10-19',
      to: '2026-11-01',
      asOf: '2026-10-21',
      entries: [delivered('mon', '2026-10-19'), delivered('thu', '2026-10-22')],
    });
    expect(l.window).toEqual({ from: '2026-10-19', to: '2026-10-21' });
    expect(
      l.periods.map((p) => [p.label, p.start, p.end, p.activeDays, p.instructionalDays, p.requiredSessions]),
    ).toEqual([
      ['Week of 2026-10-19', '2026-10-19', '2026-10-21', 3, 5, 1], // 2 x 3/5 = 1.2 -> 1
    ]);
    expect(
      fig(l.totals, ['requiredMinutes', 'deliveredMinutes', 'scheduledSessions', 'percentDelivered']),
    ).toEqual({
      requiredMinutes: 30,
      deliveredMinutes: 30,
      scheduledSessions: 1,
      percentDelivered: 100,
    });
    expect(l.notes).toContain('Counted up to 2026-10-21 (the as-of date); later days owe nothing yet.');
    expect(l.notes).toContain('1 entry is dated after 2026-10-21 (the as-of date) and not counted yet.');
    // A window that starts after today is empty.
    const future = run({ from: '2026-11-02', to: '2026-11-30', asOf: '2026-10-21' });
    expect(future.periods).toEqual([]);
    expect(fig(future.totals, ['requiredSessions', 'requiredMinutes', 'percentDelivered'])).toEqual({
      requiredSessions: 0,
      requiredMinutes: 0,
      percentDelivered: null,
    });
  });

  it('window edges prorate the first and last week', () => {
    // From Thursday 10-15: week of 10-12 keeps 2 of 4 school days -> 1 session. To Tuesday 10-20: 2 of 5 -> 0.8 -> 1.
    const l = run({
      from: '2026-10-15',
      to: '2026-10-20',
      entries: [
        delivered('before', '2026-10-14'),
        delivered('in', '2026-10-16'),
        delivered('after', '2026-10-21'),
      ],
    });
    expect(
      l.periods.map((p) => [p.start, p.end, p.activeDays, p.instructionalDays, p.requiredSessions]),
    ).toEqual([
      ['2026-10-15', '2026-10-18', 2, 4, 1],
      ['2026-10-19', '2026-10-20', 2, 5, 1],
    ]);
    expect(l.totals.entryIds.delivered).toEqual(['in']);
    expect(l.notes).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('service ledger: rules 3 to 5, unlogged, make-ups and the result', () => {
  it('a week with no entries is unlogged, not covered by a busy week', () => {
    const l = run({
      from: '2026-10-19',
      to: '2026-11-01',
      entries: [delivered('a', '2026-10-19'), delivered('b', '2026-10-20'), delivered('c', '2026-10-21')],
    });
    expect(
      fig(row(l, 'Week of 2026-10-19'), [
        'requiredSessions',
        'scheduledSessions',
        'deliveredMinutes',
        'unloggedSessions',
      ]),
    ).toEqual({
      requiredSessions: 2,
      scheduledSessions: 3,
      deliveredMinutes: 90,
      unloggedSessions: 0,
    });
    expect(fig(row(l, 'Week of 2026-10-26'), ['unloggedSessions', 'unloggedMinutes'])).toEqual({
      unloggedSessions: 2,
      unloggedMinutes: 60,
    });
    expect(
      fig(l.totals, ['requiredSessions', 'scheduledSessions', 'unloggedSessions', 'unloggedMinutes']),
    ).toEqual({
      requiredSessions: 4,
      scheduledSessions: 3,
      unloggedSessions: 2,
      unloggedMinutes: 60,
    });
    // The surplus week is counted in full and noted.
    expect(l.notes).toContain(
      "Week of 2026-10-19: 3 scheduled sessions logged where 2 were required; all are counted, so this period's figures add up to more than required.",
    );
    expect(
      run({
        from: '2026-10-19',
        to: '2026-11-01',
        entries: [delivered('a', '2026-10-19'), delivered('b', '2026-10-20'), delivered('c', '2026-10-21')],
        language: 'es',
      }).notes,
    ).toContain(
      'Semana del 2026-10-19: se anotaron 3 sesiones programadas donde se requerían 2; todas cuentan, así que las cifras de este período suman más de lo requerido.',
    );
  });

  it('a total-minutes service: unlogged is what no entry accounts for', () => {
    // 90 minutes a week in 30-minute sessions: 30 delivered + 30 excused leaves 30 unlogged.
    const l = run({
      segments: [weeklyMinutes(90, '2026-09-08', '2027-06-11', 30)],
      from: '2026-10-19',
      to: '2026-10-25',
      entries: [delivered('a', '2026-10-19'), missed('b', '2026-10-21', 'student_absent')],
    });
    expect(
      fig(l.totals, [
        'requiredSessions',
        'requiredMinutes',
        'deliveredMinutes',
        'excusedMinutes',
        'unloggedSessions',
        'unloggedMinutes',
      ]),
    ).toEqual({
      requiredSessions: null,
      requiredMinutes: 90,
      deliveredMinutes: 30,
      excusedMinutes: 30,
      unloggedSessions: null,
      unloggedMinutes: 30,
    });
  });

  const twoMisses = [
    missed('older', '2026-10-13', 'provider_absent'),
    delivered('w1', '2026-10-14'),
    missed('assembly', '2026-10-20', 'school_event'),
    delivered('w2', '2026-10-21'),
  ];

  it('a named make-up cures its miss first', () => {
    const table: [number, number, number][] = [
      // make-up minutes for the assembly, applied to the older miss, applied to the assembly
      [30, 0, 30],
      [45, 15, 30], // the leftover 15 goes to the oldest owed minutes
    ];
    for (const [minutes, toOlder, toAssembly] of table) {
      const l = run({
        from: '2026-10-12',
        to: '2026-11-01',
        entries: [...twoMisses, makeup('mk', '2026-10-27', minutes, 'assembly')],
      });
      expect(row(l, 'Week of 2026-10-12').makeupAppliedMinutes, `${minutes}`).toBe(toOlder);
      expect(row(l, 'Week of 2026-10-19').makeupAppliedMinutes, `${minutes}`).toBe(toAssembly);
      expect(row(l, 'Week of 2026-10-19').owedBalanceMinutes).toBe(0);
      expect(row(l, 'Week of 2026-10-26').makeupMinutes).toBe(minutes);
      expect(row(l, 'Week of 2026-10-26').entryIds.makeup).toEqual(['mk']);
      expect(l.totals.owedBalanceMinutes).toBe(60 - minutes);
      expect(l.unappliedMakeupMinutes).toBe(0);
    }
  });

  it('unnamed make-up minutes cure the oldest owed minutes first', () => {
    const l = run({
      from: '2026-10-12',
      to: '2026-11-01',
      entries: [...twoMisses, makeup('mk', '2026-10-27', 40)],
    });
    expect(
      fig(row(l, 'Week of 2026-10-12'), ['owedMinutes', 'makeupAppliedMinutes', 'owedBalanceMinutes']),
    ).toEqual({
      owedMinutes: 30,
      makeupAppliedMinutes: 30,
      owedBalanceMinutes: 0,
    });
    expect(
      fig(row(l, 'Week of 2026-10-19'), ['owedMinutes', 'makeupAppliedMinutes', 'owedBalanceMinutes']),
    ).toEqual({
      owedMinutes: 30,
      makeupAppliedMinutes: 10,
      owedBalanceMinutes: 20,
    });
    expect(row(l, 'Week of 2026-10-12').entryIds.makeupApplied).toEqual(['mk']);
    expect(row(l, 'Week of 2026-10-19').entryIds.makeupApplied).toEqual(['mk']);
  });

  it('make-up minutes with nothing owed before them stay unapplied', () => {
    // A make-up given before any miss cannot cure a later one; a make-up naming an excused miss goes to the oldest owed.
    const l = run({
      from: '2026-10-05',
      to: '2026-11-01',
      entries: [
        makeup('early', '2026-10-06', 15),
        ...twoMisses,
        missed('absent', '2026-10-15', 'student_absent'),
        makeup('for-absent', '2026-10-22', 10, 'absent'),
      ],
    });
    expect(l.unappliedMakeupMinutes).toBe(15);
    expect(row(l, 'Week of 2026-10-12').makeupAppliedMinutes).toBe(10);
    expect(l.notes).toContain(
      '1 make-up names a session that has no owed minutes; the minutes went to the oldest owed minutes instead.',
    );
  });

  it('make-ups are allocated over the whole history, so the same minutes are never applied twice', () => {
    const entries = [
      missed('sept', '2026-09-29', 'provider_absent'),
      missed('oct', '2026-10-20', 'provider_absent'),
      makeup('mk', '2026-10-21', 30),
    ];
    // Window of 10-19: the make-up is there, but it cured the September miss (the oldest owed minutes).
    const october = run({ entries, from: '2026-10-19', to: '2026-10-25' });
    expect(
      fig(october.totals, ['owedMinutes', 'makeupMinutes', 'makeupAppliedMinutes', 'owedBalanceMinutes']),
    ).toEqual({
      owedMinutes: 30,
      makeupMinutes: 30,
      makeupAppliedMinutes: 0,
      owedBalanceMinutes: 30,
    });
    expect(october.unappliedMakeupMinutes).toBe(0);
    // Both weeks: applied once, in September's week.
    const both = run({ entries, from: '2026-09-28', to: '2026-10-25' });
    expect(row(both, 'Week of 2026-09-28').makeupAppliedMinutes).toBe(30);
    expect(row(both, 'Week of 2026-10-19').makeupAppliedMinutes).toBe(0);
    expect(both.totals.owedBalanceMinutes).toBe(30);
    // A window ending before the make-up: September is not cured yet.
    const september = run({ entries, from: '2026-09-28', to: '2026-10-04' });
    expect(september.totals.owedBalanceMinutes).toBe(30);
  });

  it('a make-up is not a scheduled session', () => {
    const l = run({
      from: '2026-10-19',
      to: '2026-10-25',
      entries: [delivered('a', '2026-10-19'), makeup('mk', '2026-10-21', 30)],
    });
    expect(
      fig(l.totals, [
        'scheduledSessions',
        'deliveredMinutes',
        'unloggedSessions',
        'unloggedMinutes',
        'makeupMinutes',
        'makeupAppliedMinutes',
      ]),
    ).toEqual({
      scheduledSessions: 1,
      deliveredMinutes: 30,
      unloggedSessions: 1,
      unloggedMinutes: 30,
      makeupMinutes: 30,
      makeupAppliedMinutes: 0,
    });
    expect(l.unappliedMakeupMinutes).toBe(30);
  });

  it('entries outside the service dates are ignored for required and noted', () => {
    const l = run({
      segments: [weekly(2, 30, '2026-10-14', '2027-06-11')],
      from: '2026-10-12',
      to: '2026-10-18',
      entries: [delivered('too-early', '2026-10-13'), delivered('ok', '2026-10-15')],
    });
    expect(l.totals.scheduledSessions).toBe(1);
    expect(l.totals.entryIds.delivered).toEqual(['ok']);
    expect(l.notes).toContain(
      "1 entry is dated outside the service's dates (2026-10-13) and not counted toward what was required.",
    );
  });

  it('entries on non-instructional days still count; an entry dated on a closure is noted', () => {
    const l = run({
      from: '2026-10-12',
      to: '2026-10-18',
      entries: [delivered('holiday', '2026-10-12'), delivered('saturday', '2026-10-17')],
    });
    expect(fig(l.totals, ['scheduledSessions', 'deliveredMinutes', 'unloggedSessions'])).toEqual({
      scheduledSessions: 2,
      deliveredMinutes: 60,
      unloggedSessions: 0,
    });
    expect(l.notes).toEqual([
      '2 entries fall on days with no school; they still count.',
      '1 entry is dated on a day the calendar marks as a holiday, break or closure: 2026-10-12 (Indigenous Peoples Day).',
    ]);
  });

  it('grouping by month sums the weeks that start in each month', () => {
    const l = run({ from: '2026-09-08', to: '2026-10-31', grouping: 'month' });
    // September: weeks of 09-07 (4 days), 09-14, 09-21, 09-28 -> 8 sessions; October: 10-05..10-26 -> 8.
    expect(l.periods.map((p) => [p.label, p.unit, p.start, p.end, p.requiredSessions])).toEqual([
      ['September 2026', 'month', '2026-09-08', '2026-10-04', 8],
      ['October 2026', 'month', '2026-10-05', '2026-10-31', 8],
    ]);
    expect(l.totals.requiredSessions).toBe(16);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated data: the identity holds in every period and in the totals.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type GeneratedCase = {
  calendars: SchoolCalendar[];
  segments: ServiceSegment[];
  esyBlocks: ServiceSegment[];
  from: string;
  to: string;
  asOf: string;
  grouping: 'auto' | 'week' | 'month';
};

function generateCase(seed: number): { c: GeneratedCase; entries: LedgerEntry[]; calendar: CalendarIndex } {
  const rnd = mulberry32(seed);
  const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const iso = fromDayNumber;

  // Calendars: one or two school years.
  const calendars: SchoolCalendar[] = [];
  let first = toDayNumber('2025-08-18') + int(0, 25);
  const years = rnd() < 0.25 ? 2 : 1;
  let lastOfAll = first;
  for (let y = 0; y < years; y++) {
    const last = first + int(240, 300);
    const events: SchoolCalendar['events'] = [];
    for (let k = int(2, 12); k > 0; k--) {
      const kind = pick(['holiday', 'break', 'closure', 'early_dismissal'] as const);
      const s = first + int(-5, last - first + 5);
      events.push({
        kind,
        startDate: iso(s),
        endDate: kind === 'break' ? iso(s + int(0, 9)) : null,
        label: null,
      });
    }
    calendars.push({
      id: `cal-${y}`,
      firstDay: iso(first),
      lastDay: iso(last),
      schoolWeekdays: pick([
        [1, 2, 3, 4, 5],
        [1, 2, 3, 4, 5],
        [1, 2, 3, 4],
        [1, 2, 3, 4, 5, 6],
      ]),
      cycleLength: rnd() < 0.3 ? int(4, 7) : null,
      events,
    });
    lastOfAll = last;
    first = last + int(60, 90);
  }
  const calendar = buildCalendarIndex(calendars);
  const firstDay = toDayNumber(calendars[0]!.firstDay);

  const amount = (unit: 'day' | 'week' | 'month' | 'year' | 'cycle'): Partial<ServiceSegment> => {
    const period = { unit, cycleDays: unit === 'cycle' ? int(2, 8) : null };
    const pattern =
      unit === 'week' && rnd() < 0.3
        ? (() => {
            const every = int(2, 6);
            return { activeWeeks: int(1, every - 1), everyWeeks: every };
          })()
        : null;
    if (rnd() < 0.7) {
      const max = unit === 'day' ? 2 : unit === 'year' ? 40 : 5;
      return {
        period,
        pattern,
        sessionsPerPeriod: int(1, max),
        minutesPerSession: int(10, 60),
        minutesPerPeriod: null,
      };
    }
    const max = unit === 'day' ? 90 : unit === 'year' ? 3000 : 600;
    return {
      period,
      pattern,
      minutesPerPeriod: int(10, max),
      minutesPerSession: rnd() < 0.5 ? int(10, 60) : null,
      sessionsPerPeriod: null,
    };
  };
  const units = ['week', 'week', 'month', 'day', 'cycle', 'year'] as const;

  // Segments: 1-3 consecutive pieces within the school years (give or take ten days).
  const segStart = firstDay + int(-10, 60);
  const segEnd = lastOfAll + int(-60, 10);
  const cuts = [segStart];
  const pieces = int(1, 3);
  for (let k = 1; k < pieces; k++) cuts.push(int(segStart + 1, segEnd - 1));
  cuts.sort((a, b) => a - b);
  cuts.push(segEnd + 1);
  const segments: ServiceSegment[] = [];
  for (let k = 0; k < pieces; k++) {
    if (cuts[k + 1]! - 1 < cuts[k]!) continue;
    segments.push(seg({ startDate: iso(cuts[k]!), endDate: iso(cuts[k + 1]! - 1), ...amount(pick(units)) }));
  }
  // ESY: after the last school year, never overlapping a segment.
  const esyBlocks: ServiceSegment[] = [];
  if (rnd() < 0.35) {
    const s = lastOfAll + int(14, 30);
    esyBlocks.push(seg({ startDate: iso(s), endDate: iso(s + int(4, 30)), ...amount(pick(units)) }));
  }

  const from = segStart + int(-20, 100);
  const to = from + int(0, 420);
  const asOf = rnd() < 0.3 ? to - int(0, 90) : to + int(0, 30);
  const c: GeneratedCase = {
    calendars,
    segments,
    esyBlocks,
    from: iso(from),
    to: iso(to),
    asOf: iso(asOf),
    grouping: pick(['auto', 'auto', 'week', 'month'] as const),
  };
  const end = Math.min(to, asOf);

  // Entries, term by term, never more scheduled entries than the term requires in one of its periods.
  const entries: LedgerEntry[] = [];
  let n = 0;
  const newEntry = (day: number, planned: number | null): LedgerEntry => {
    const id = `e${String(++n).padStart(4, '0')}`;
    const p = planned ?? int(10, 60);
    const r = rnd();
    const reason = pick(MISS_REASONS);
    const responsibility = rnd() < 0.15 ? pick(['owed', 'excused', 'pending'] as const) : null;
    const minutesPlanned = planned;
    if (r < 0.5)
      return entry(id, iso(day), { minutesDelivered: p + (rnd() < 0.2 ? int(1, 20) : 0), minutesPlanned });
    if (r < 0.7)
      return entry(id, iso(day), {
        status: 'short',
        minutesDelivered: int(1, Math.max(1, p - 1)),
        reason,
        responsibility,
        minutesPlanned,
      });
    return entry(id, iso(day), {
      status: 'missed',
      minutesDelivered: 0,
      reason: rnd() < 0.1 ? null : reason,
      responsibility,
      minutesPlanned,
    });
  };
  const terms = [...segments.map((s) => ({ s, esy: false })), ...esyBlocks.map((s) => ({ s, esy: true }))];
  for (const { s, esy } of terms) {
    const sStart = toDayNumber(s.startDate);
    const sEnd = toDayNumber(s.endDate);
    const mps = s.minutesPerSession;
    // Planned minutes on the entry: the service's when it has a session length, none otherwise.
    const planned = mps;
    if (s.period.unit === 'day') {
      for (let d = Math.max(sStart, from); d <= Math.min(sEnd, end); d++) {
        const isDay = esy ? calendar.isEsyDayNumber(d) : calendar.isInstructionalDayNumber(d);
        if (!isDay) continue;
        const max = s.sessionsPerPeriod ?? (mps ? Math.floor(s.minutesPerPeriod! / mps) : 2);
        for (let k = int(0, max); k > 0; k--) entries.push(newEntry(d, planned));
      }
      continue;
    }
    const alone = computeServiceLedger({
      service: { serviceId: 'alone', segments: esy ? [] : [s], esyBlocks: esy ? [s] : [] },
      calendar,
      entries: [],
      policy: DEFAULT_REASON_POLICY,
      window: { from: c.from, to: c.to },
      asOf: c.asOf,
    });
    for (const p of alone.periods) {
      const lo = Math.max(toDayNumber(p.start), sStart);
      const hi = Math.min(toDayNumber(p.end), sEnd);
      if (lo > hi) continue;
      const max = p.requiredSessions ?? (mps ? Math.floor(p.requiredMinutes / mps) : 3);
      for (let k = int(0, max); k > 0; k--) entries.push(newEntry(int(lo, hi), planned));
    }
  }
  // Noise that must not disturb the identity: history before the window, entries after it, entries outside
  // every term, and make-ups (some naming a miss).
  const inTerm = (d: number) =>
    terms.some(({ s }) => d >= toDayNumber(s.startDate) && d <= toDayNumber(s.endDate));
  for (let k = int(0, 4); k > 0; k--) entries.push(newEntry(from - int(1, 90), 30));
  for (let k = int(0, 3); k > 0; k--) entries.push(newEntry(to + int(1, 60), 30));
  for (let k = int(0, 3); k > 0; k--) {
    const d = from + int(0, Math.max(0, end - from));
    if (!inTerm(d)) entries.push(newEntry(d, 30));
  }
  const ids = entries.map((e) => e.id);
  for (let k = int(0, 5); k > 0; k--) {
    const named = rnd() < 0.5 && ids.length > 0 ? pick(ids) : null;
    entries.push(makeup(`mk${k}`, iso(from + int(-30, Math.max(0, end - from) + 30)), int(5, 60), named));
  }
  // Any order.
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return { c, entries, calendar };
}

describe('service ledger: generated data', () => {
  it('the identity holds in every period and in the totals', () => {
    const additive = [
      'requiredMinutes',
      'scheduledSessions',
      'deliveredMinutes',
      'extraMinutes',
      'owedMinutes',
      'excusedMinutes',
      'pendingMinutes',
      'unloggedMinutes',
      'makeupAppliedMinutes',
      'owedBalanceMinutes',
    ] as const;
    let periodsChecked = 0;
    let withRequired = 0;
    const seen = new Set<string>();
    for (let seed = 1; seed <= 300; seed++) {
      const { c, entries, calendar } = generateCase(seed);
      const l = computeServiceLedger({
        service: { serviceId: `svc-${seed}`, segments: c.segments, esyBlocks: c.esyBlocks },
        calendar,
        entries,
        policy: DEFAULT_REASON_POLICY,
        window: { from: c.from, to: c.to },
        asOf: c.asOf,
        grouping: c.grouping,
      });
      const where = `seed ${seed}`;
      for (const p of l.periods) {
        const at = `${where}, ${p.label}`;
        periodsChecked++;
        if (p.requiredMinutes > 0) withRequired++;
        seen.add(p.unit);
        if (p.label.includes('of every')) seen.add('pattern');
        if (p.requiredSessions === null) seen.add('minutes');
        if (p.makeupAppliedMinutes > 0) seen.add('applied');
        if (p.pendingMinutes > 0 && p.excusedMinutes > 0 && p.owedMinutes > 0) seen.add('all gaps');
        expect(accountedPlusUnlogged(p), at).toBe(p.requiredMinutes);
        if (p.requiredSessions !== null) {
          expect(p.scheduledSessions, at).toBeLessThanOrEqual(p.requiredSessions);
          expect(p.unloggedSessions, at).toBe(p.requiredSessions - p.scheduledSessions);
        } else {
          expect(p.unloggedSessions, at).toBeNull();
        }
        expect(p.owedBalanceMinutes, at).toBe(p.owedMinutes - p.makeupAppliedMinutes);
        expect(p.owedBalanceMinutes, at).toBeGreaterThanOrEqual(0);
        expect(p.activeDays, at).toBeLessThanOrEqual(p.instructionalDays);
        expect(p.start <= p.end, at).toBe(true);
      }
      expect(accountedPlusUnlogged(l.totals), where).toBe(l.totals.requiredMinutes);
      for (const name of additive) {
        expect(
          l.periods.reduce((sum, p) => sum + p[name], 0),
          `${where}: ${name}`,
        ).toBe(l.totals[name]);
      }
      expect(
        l.notes.some((note) => note.includes('required; all are counted')),
        where,
      ).toBe(false);
      expect(l.unappliedMakeupMinutes, where).toBeGreaterThanOrEqual(0);
      // Order does not matter.
      const sorted = [...entries].sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1,
      );
      const again = computeServiceLedger({
        service: { serviceId: `svc-${seed}`, segments: c.segments, esyBlocks: c.esyBlocks },
        calendar,
        entries: sorted,
        policy: DEFAULT_REASON_POLICY,
        window: { from: c.from, to: c.to },
        asOf: c.asOf,
        grouping: c.grouping,
      });
      expect(again, where).toEqual(l);
    }
    // The generator exercises real data, not empty ledgers.
    expect(periodsChecked).toBeGreaterThan(3000);
    expect(withRequired).toBeGreaterThan(1500);
    expect([...seen].sort()).toEqual(
      ['all gaps', 'applied', 'cycle', 'esy', 'minutes', 'month', 'pattern', 'week', 'year'].sort(),
    );
  });
});

describe('service ledger: one call does not reach into another', () => {
  // The ledger keeps its period buckets between calls and gives them out again (service-ledger.ts,
  // takeBucket): a ledger must come out the same whichever ledgers were computed before it, and a ledger
  // already returned must not change when the next one is computed.
  it('each generated ledger is the same computed first, after the others and in reverse, full or totals', () => {
    const inputs = Array.from({ length: 120 }, (_, i) => {
      const seed = i + 1;
      const { c, entries, calendar } = generateCase(seed);
      return {
        service: { serviceId: `svc-${seed}`, segments: c.segments, esyBlocks: c.esyBlocks },
        calendar,
        entries,
        policy: DEFAULT_REASON_POLICY,
        window: { from: c.from, to: c.to },
        asOf: c.asOf,
        grouping: c.grouping,
        listOwedMisses: seed % 2 === 0,
      };
    });
    // Each after another ledger than the one before it in the list, then after one with an empty window.
    const alone = inputs.map((input, i) => {
      computeServiceLedger({ ...inputs[(i * 7 + 3) % inputs.length]!, grouping: 'week' });
      computeServiceLedger({ ...input, window: { from: input.window.to, to: input.window.from } });
      return structuredClone(computeServiceLedger(input));
    });
    const first = inputs.map((input) => computeServiceLedger(input));
    const reversed = inputs.map((_, i) => computeServiceLedger(inputs[inputs.length - 1 - i]!)).reverse();
    const totals = inputs.map((input) => computeServiceLedger({ ...input, detail: 'totals' }));
    let buckets = 0;
    for (let i = 0; i < inputs.length; i++) {
      const where = `seed ${i + 1}`;
      buckets += alone[i]!.periods.length;
      expect(first[i], where).toEqual(alone[i]);
      expect(reversed[i], where).toEqual(alone[i]);
      const { entryIds: _ids, ...figures } = alone[i]!.totals;
      expect(totals[i]!.totals, where).toMatchObject(figures);
      expect(totals[i]!.notes, where).toEqual(alone[i]!.notes);
      expect(totals[i]!.owedMisses, where).toEqual(alone[i]!.owedMisses);
    }
    // The ledgers returned first, after every later call: unchanged.
    for (let i = 0; i < inputs.length; i++) expect(first[i], `seed ${i + 1}`).toEqual(alone[i]);
    expect(buckets).toBeGreaterThan(1000);
  });
});

// ---------------------------------------------------------------------------------------------
// Corrections and voids (docs/ledger-rules.md, "Corrections and voids" and "What happens to make-ups
// of a voided miss"). Only the last entry of each chain reaches the ledger (currentSessionEntries);
// a chain that ends in a void arrives as that void, naming the entries it replaced.

describe('service ledger: corrections and voids', () => {
  const voidOf = (id: string, replaced: string, date: string, kind: 'scheduled' | 'makeup' = 'scheduled') =>
    entry(id, date, {
      kind,
      status: 'void',
      minutesDelivered: 0,
      minutesPlanned: null,
      replaces: [replaced],
    });
  // Week of 12 October: Monday is a holiday, school Tuesday to Friday; 2 x 30 = 60 minutes required.
  // Week of 19 October: school Monday to Friday; 60 minutes required.
  const older = missed('older', '2026-10-13', 'provider_absent');

  it('a void counts for nothing', () => {
    // Thanksgiving week: school on Monday 23 and Tuesday 24 only; the week still owes 2 x 30 = 60
    // minutes. Monday's session was delivered; a "delivered" logged by mistake on Thanksgiving Day
    // (Thursday 26) was voided. Delivered 30, unlogged 30 (one session), and no note about a session
    // on a day with no school.
    const l = run({
      from: '2026-11-23',
      to: '2026-11-29',
      entries: [delivered('mon', '2026-11-23'), voidOf('void-thx', 'thx', '2026-11-26')],
    });
    expect(
      fig(l.totals, [
        'requiredMinutes',
        'scheduledSessions',
        'deliveredMinutes',
        'unloggedSessions',
        'unloggedMinutes',
      ]),
    ).toEqual({
      requiredMinutes: 60,
      scheduledSessions: 1,
      deliveredMinutes: 30,
      unloggedSessions: 1,
      unloggedMinutes: 30,
    });
    expect(l.totals.entryIds.delivered).toEqual(['mon']);
    expect(l.notes.some((n) => n.includes('no school'))).toBe(false);
    expect(l.notes.some((n) => n.includes('holiday, break or closure'))).toBe(false);
  });

  it('a voided make-up cures nothing', () => {
    // The 13 October miss owes 30 minutes; the only make-up was voided, so all 30 stay owed.
    const l = run({
      from: '2026-10-12',
      to: '2026-10-25',
      entries: [older, voidOf('void-mk', 'mk', '2026-10-21', 'makeup')],
    });
    expect(
      fig(l.totals, ['owedMinutes', 'makeupMinutes', 'makeupAppliedMinutes', 'owedBalanceMinutes']),
    ).toEqual({ owedMinutes: 30, makeupMinutes: 0, makeupAppliedMinutes: 0, owedBalanceMinutes: 30 });
    expect(l.unappliedMakeupMinutes).toBe(0);
  });

  it('a make-up naming a voided miss cures the oldest owed minutes instead', () => {
    // The 20 October assembly miss was voided (logged by mistake). The 30-minute make-up of
    // 27 October named it, so it goes to the oldest owed minutes: the 13 October miss. Owed 30,
    // made up 30, balance 0; the week of 19 October owes nothing.
    const l = run({
      from: '2026-10-12',
      to: '2026-11-01',
      entries: [
        older,
        voidOf('void-assembly', 'assembly', '2026-10-20'),
        makeup('mk', '2026-10-27', 30, 'assembly'),
      ],
    });
    expect(
      fig(row(l, 'Week of 2026-10-12'), ['owedMinutes', 'makeupAppliedMinutes', 'owedBalanceMinutes']),
    ).toEqual({ owedMinutes: 30, makeupAppliedMinutes: 30, owedBalanceMinutes: 0 });
    expect(fig(row(l, 'Week of 2026-10-19'), ['owedMinutes', 'unloggedMinutes'])).toEqual({
      owedMinutes: 0,
      unloggedMinutes: 60,
    });
    expect(l.totals.owedBalanceMinutes).toBe(0);
    expect(l.notes).toContain(
      '1 make-up names a session that was voided as logged by mistake; the minutes went to the oldest owed minutes instead.',
    );
  });

  it('a make-up naming a miss that was corrected to another owed miss follows the correction', () => {
    // The assembly miss of 20 October was corrected: it was on 21 October, and the provider was
    // absent. The make-up that named the first entry cures the correction (week of 19 October: owed
    // 30, made up 30); the 13 October miss is still owed 30.
    const l = run({
      from: '2026-10-12',
      to: '2026-11-01',
      entries: [
        older,
        missed('assembly-fixed', '2026-10-21', 'provider_absent', { replaces: ['assembly'] }),
        makeup('mk', '2026-10-27', 30, 'assembly'),
      ],
    });
    expect(row(l, 'Week of 2026-10-19').makeupAppliedMinutes).toBe(30);
    expect(row(l, 'Week of 2026-10-19').owedBalanceMinutes).toBe(0);
    expect(row(l, 'Week of 2026-10-12').owedBalanceMinutes).toBe(30);
    expect(l.totals.owedBalanceMinutes).toBe(30);
    expect(l.notes).toContain(
      '1 make-up names a missed session that was corrected since; the minutes went to the corrected session (2026-10-21).',
    );
  });

  it('a make-up naming a miss that was corrected to delivered cures the oldest owed minutes instead', () => {
    // The 20 October session did happen after all: nothing is owed for it, so the make-up that named
    // it goes to the 13 October miss. Balance 30 - 30 = 0.
    const l = run({
      from: '2026-10-12',
      to: '2026-11-01',
      entries: [
        older,
        delivered('assembly-fixed', '2026-10-20'),
        makeup('mk', '2026-10-27', 30, 'assembly'),
      ].map((e) => (e.id === 'assembly-fixed' ? { ...e, replaces: ['assembly'] } : e)),
    });
    expect(row(l, 'Week of 2026-10-12').makeupAppliedMinutes).toBe(30);
    expect(row(l, 'Week of 2026-10-19').deliveredMinutes).toBe(30);
    expect(l.totals.owedBalanceMinutes).toBe(0);
    expect(l.notes).toContain(
      '1 make-up names a session that was corrected to delivered, so nothing is owed for it; the minutes went to the oldest owed minutes instead.',
    );
  });

  it('a make-up naming a miss whose corrected date is after the make-up is treated as unnamed', () => {
    // The miss was corrected to 28 October, a day after the 27 October make-up that named it: time
    // given before a miss is not a make-up for it, so the 30 minutes cure the 13 October miss, and the
    // 28 October miss stays owed (balance 30).
    const l = run({
      from: '2026-10-12',
      to: '2026-11-01',
      entries: [
        older,
        makeup('mk', '2026-10-27', 30, 'assembly'),
        missed('assembly-fixed', '2026-10-28', 'school_event', { replaces: ['assembly'] }),
      ],
    });
    expect(row(l, 'Week of 2026-10-12').makeupAppliedMinutes).toBe(30);
    expect(
      fig(row(l, 'Week of 2026-10-26'), ['owedMinutes', 'makeupAppliedMinutes', 'owedBalanceMinutes']),
    ).toEqual({ owedMinutes: 30, makeupAppliedMinutes: 0, owedBalanceMinutes: 30 });
    expect(l.notes).toContain(
      '1 make-up names a session whose corrected date (2026-10-28) is after the make-up; the minutes went to the oldest owed minutes instead.',
    );
  });

  it('lists each owed miss with the minutes still owed, when asked', () => {
    // 13 October owes 30 and is made up in full by the named make-up of 15 minutes plus 15 unnamed;
    // 20 October owes 30, none made up.
    const l = computeServiceLedger({
      service: { serviceId: 'svc-speech', segments: [SPEECH], esyBlocks: [] },
      calendar: CAL,
      entries: [
        older,
        makeup('mk1', '2026-10-14', 15, 'older'),
        makeup('mk2', '2026-10-15', 15),
        missed('assembly', '2026-10-20', 'school_event'),
        missed('absent', '2026-10-21', 'student_absent'),
      ],
      policy: DEFAULT_REASON_POLICY,
      window: { from: '2026-10-12', to: '2026-10-25' },
      asOf: '2026-10-25',
      listOwedMisses: true,
    });
    expect(l.owedMisses).toEqual([
      { entryId: 'older', date: '2026-10-13', owedMinutes: 30, remainingMinutes: 0 },
      { entryId: 'assembly', date: '2026-10-20', owedMinutes: 30, remainingMinutes: 30 },
    ]);
    expect(run({ from: '2026-10-12', to: '2026-10-25', entries: [older] }).owedMisses).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Terms and grading periods: "4 sessions per quarter" owes 4 in each term the calendar holds.

describe('service ledger: a service counted per term of the school calendar', () => {
  const QUARTERS = [
    { name: 'Quarter 1', startDate: '2026-09-08', endDate: '2026-11-06' },
    { name: 'Quarter 2', startDate: '2026-11-09', endDate: '2027-01-29' },
    // A teacher workday (2027-01-29 is a Friday; 2027-02-01 starts Quarter 3) is in no term below.
    { name: 'Quarter 3', startDate: '2027-02-02', endDate: '2027-04-09' },
    { name: 'Quarter 4', startDate: '2027-04-12', endDate: '2027-06-11' },
  ];
  const WITH_TERMS = buildCalendarIndex([{ ...YEAR_2026, terms: QUARTERS }]);
  const perTerm = (sessions: number, minutes: number, startDate = '2026-09-08', endDate = '2027-06-11') =>
    seg({
      sessionsPerPeriod: sessions,
      minutesPerSession: minutes,
      period: { unit: 'term', cycleDays: null },
      startDate,
      endDate,
    });

  it('owes the amount in each term, one row per term named as the calendar names it', () => {
    const l = run({ segments: [perTerm(4, 30)], calendar: WITH_TERMS, from: '2026-09-08', to: '2027-06-11' });
    expect(l.periods.map((p) => [p.label, p.unit, p.requiredSessions, p.requiredMinutes])).toEqual([
      ['Quarter 1 (2026-09-08 to 2026-11-06)', 'term', 4, 120],
      ['Quarter 2 (2026-11-09 to 2027-01-29)', 'term', 4, 120],
      ['Quarter 3 (2027-02-02 to 2027-04-09)', 'term', 4, 120],
      ['Quarter 4 (2027-04-12 to 2027-06-11)', 'term', 4, 120],
    ]);
    expect(l.totals.requiredSessions).toBe(16);
    expect(row(l, 'Quarter 2 (2026-11-09 to 2027-01-29)').instructionalDays).toBe(
      CAL.countInstructionalDays('2026-11-09', '2027-01-29'),
    );
  });

  it('prorates a term the service covers in part by its instructional days, half up', () => {
    const l = run({
      segments: [perTerm(4, 30, '2026-12-01')],
      calendar: WITH_TERMS,
      from: '2026-09-08',
      to: '2027-06-11',
    });
    const q2 = row(l, 'Quarter 2 (2026-11-09 to 2027-01-29)');
    const active = CAL.countInstructionalDays('2026-12-01', '2027-01-29');
    const inst = CAL.countInstructionalDays('2026-11-09', '2027-01-29');
    expect([q2.activeDays, q2.instructionalDays]).toEqual([active, inst]);
    expect(q2.requiredSessions).toBe(Math.floor((2 * 4 * active + inst) / (2 * inst)));
    expect(l.periods.map((p) => p.label)).not.toContain('Quarter 1 (2026-09-08 to 2026-11-06)');
  });

  it('counts delivered, owed and excused sessions in the term they fall in', () => {
    const l = run({
      segments: [perTerm(4, 30)],
      calendar: WITH_TERMS,
      from: '2026-09-08',
      to: '2026-11-06',
      entries: [
        delivered('a', '2026-09-15'),
        delivered('b', '2026-09-29'),
        missed('c', '2026-10-13', 'school_event'),
        missed('d', '2026-10-27', 'student_absent'),
      ],
    });
    const q1 = row(l, 'Quarter 1 (2026-09-08 to 2026-11-06)');
    expect(
      fig(q1, ['requiredSessions', 'scheduledSessions', 'deliveredMinutes', 'owedMinutes', 'excusedMinutes']),
    ).toEqual({
      requiredSessions: 4,
      scheduledSessions: 4,
      deliveredMinutes: 60,
      owedMinutes: 30,
      excusedMinutes: 30,
    });
  });

  it('says so when an entry falls between two terms, and does not count it', () => {
    const l = run({
      segments: [perTerm(4, 30)],
      calendar: WITH_TERMS,
      from: '2026-09-08',
      to: '2027-06-11',
      entries: [delivered('gap', '2027-02-01')],
    });
    expect(l.totals.deliveredMinutes).toBe(0);
    expect(l.notes.join(' ')).toContain(
      '1 entry falls outside every term in the school calendar (2027-02-01)',
    );
  });

  it('owes nothing, and says why, while the calendar has no terms', () => {
    const l = run({ segments: [perTerm(4, 30)], from: '2026-09-08', to: '2027-06-11' });
    expect(l.totals.requiredMinutes).toBe(0);
    expect(l.notes.join(' ')).toContain(
      'This service is counted per term, and the school calendar has no terms yet: nothing is counted as required until the terms are entered on the School calendar page.',
    );
  });

  it('keeps a term whole when the ledger is shown by month, saying why', () => {
    const l = run({
      segments: [perTerm(4, 30)],
      calendar: WITH_TERMS,
      from: '2026-09-08',
      to: '2026-11-06',
      grouping: 'month',
    });
    expect(l.periods.map((p) => p.unit)).toEqual(['term']);
    expect(l.notes.join(' ')).toContain("This service's own period is longer than a month");
  });

  it('in an extended school year block, "per term" is the whole block', () => {
    const l = run({
      segments: [perTerm(4, 30)],
      esyBlocks: [perTerm(2, 30, '2027-07-06', '2027-07-30')],
      calendar: WITH_TERMS,
      from: '2027-07-01',
      to: '2027-08-31',
    });
    expect(l.periods.map((p) => [p.unit, p.requiredSessions])).toEqual([['esy', 2]]);
  });
});
