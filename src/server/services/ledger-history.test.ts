import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/dates.ts';
import { isHistoryEntry, type LedgerReach } from '../../domain/ledger-history.ts';
import { MISS_REASONS } from '../../domain/record-kinds.ts';
import { buildCalendarIndex } from '../../domain/school-calendar.ts';
import type { SchoolCalendar } from '../../domain/school-calendar-model.ts';
import type { ServiceSegment } from '../../domain/service.ts';
import { ENTRY_SOURCES, RESPONSIBILITIES } from '../../domain/session-entry.ts';
import type { LedgerEntryRow } from '../../store/session-entries.repository.ts';
import {
  type LedgerRowReader,
  type LedgerService,
  readLedgerEntryRows,
  type ServiceTerms,
  serviceLedgerView,
} from './ledgers.ts';

// A ledger over a window leaves out each service's history (entries before the window that are neither
// corrections nor make-ups) when the service has no make-up (src/domain/ledger-history.ts). Here, on
// random histories of several school years (misses and make-ups, named or not, corrections dated
// anywhere, voids, a second correction of one entry as an import may hold, one session logged by
// several sources, entries outside the services and the calendars), every ledger read that way must be
// exactly the ledger read whole: the current school year so far, and other windows, as of days inside,
// before and after them. The readers here filter arrays by the rules the SQL follows
// (test/integration/ledger-history.test.ts checks the SQL against them on a real database).

const YEARS = [2022, 2023, 2024, 2025, 2026] as const;

/** A school year from the Tuesday after Labor Day to a Friday in June, forty weeks on, with a winter break. */
function schoolYear(y: number, holidays: number[]): SchoolCalendar {
  const septFirst = new Date(Date.UTC(y, 8, 1)).getUTCDay(); // 0 Sunday
  const laborDay = addDays(`${y}-09-01`, (8 - septFirst) % 7);
  const firstDay = addDays(laborDay, 1);
  const lastDay = addDays(firstDay, 7 * 40 + 3);
  return {
    id: `cal-${y}`,
    firstDay,
    lastDay,
    schoolWeekdays: [1, 2, 3, 4, 5],
    cycleLength: null,
    events: [
      {
        kind: 'break',
        startDate: addDays(firstDay, 104),
        endDate: addDays(firstDay, 115),
        label: 'Winter break',
      },
      ...holidays.map((d) => ({
        kind: 'holiday' as const,
        startDate: addDays(firstDay, d),
        endDate: null,
        label: `Holiday ${d}`,
      })),
    ],
  };
}

type Amount = Pick<
  ServiceSegment,
  'minutesPerSession' | 'sessionsPerPeriod' | 'minutesPerPeriod' | 'period' | 'pattern'
>;
const AMOUNTS: Amount[] = [
  {
    minutesPerSession: 30,
    sessionsPerPeriod: 2,
    minutesPerPeriod: null,
    period: { unit: 'week', cycleDays: null },
    pattern: null,
  },
  {
    minutesPerSession: 45,
    sessionsPerPeriod: 1,
    minutesPerPeriod: null,
    period: { unit: 'week', cycleDays: null },
    pattern: null,
  },
  {
    minutesPerSession: null,
    sessionsPerPeriod: null,
    minutesPerPeriod: 120,
    period: { unit: 'month', cycleDays: null },
    pattern: null,
  },
  {
    minutesPerSession: 30,
    sessionsPerPeriod: 2,
    minutesPerPeriod: null,
    period: { unit: 'cycle', cycleDays: 6 },
    pattern: null,
  },
  {
    minutesPerSession: 20,
    sessionsPerPeriod: 30,
    minutesPerPeriod: null,
    period: { unit: 'year', cycleDays: null },
    pattern: null,
  },
  {
    minutesPerSession: 30,
    sessionsPerPeriod: 1,
    minutesPerPeriod: null,
    period: { unit: 'week', cycleDays: null },
    pattern: { activeWeeks: 2, everyWeeks: 3 },
  },
];

type ServiceSpec = { years: number[]; amount: number; esy: boolean; makeups: boolean; policy: string | null };

type EntrySpec = {
  service: number;
  /** Days after 2022-08-15 (to 2027-08-31), or a day of the shared pool (sessions logged twice). */
  day: number;
  pooled: boolean;
  kind: 'scheduled' | 'makeup' | 'correction';
  status: 'delivered' | 'short' | 'missed' | 'void';
  minutes: number;
  planned: number | null;
  reason: number;
  responsibility: number | null;
  source: number;
  startTime: string | null;
  /** Which earlier entry a make-up names or a correction corrects (an index, wrapped), or none. */
  target: number | null;
  /** A correction moved to another date (a date put right), else kept on its entry's date. */
  moved: boolean;
};

const FIRST = '2022-08-15';
const SPAN = 5 * 365 + 17;

const serviceSpec: fc.Arbitrary<ServiceSpec> = fc.record({
  years: fc.subarray([...YEARS], { minLength: 1 }),
  amount: fc.nat(AMOUNTS.length - 1),
  esy: fc.boolean(),
  makeups: fc.boolean(),
  policy: fc.constantFrom(
    null,
    '{"student_absent":"owed"}',
    '{"provider_absent":"pending","unknown":"owed"}',
  ),
});

const entrySpec = (services: number): fc.Arbitrary<EntrySpec> =>
  fc.record({
    service: fc.nat(services - 1),
    day: fc.nat(SPAN),
    pooled: fc.boolean(),
    kind: fc.constantFrom('scheduled', 'scheduled', 'scheduled', 'scheduled', 'makeup', 'correction'),
    status: fc.constantFrom('delivered', 'delivered', 'short', 'missed', 'missed', 'void'),
    minutes: fc.constantFrom(0, 10, 20, 30, 45, 60),
    planned: fc.constantFrom(null, null, 30, 45),
    reason: fc.nat(MISS_REASONS.length - 1),
    responsibility: fc.option(fc.nat(RESPONSIBILITIES.length - 1), { freq: 4 }),
    source: fc.nat(ENTRY_SOURCES.length - 1),
    startTime: fc.constantFrom(null, null, '10:05', '13:30'),
    target: fc.option(fc.nat(400), { freq: 3 }),
    moved: fc.boolean(),
  });

const history = fc
  .record({
    services: fc.array(serviceSpec, { minLength: 1, maxLength: 3 }),
    holidays: fc.array(fc.nat(180), { maxLength: 4 }),
  })
  .chain(({ services, holidays }) =>
    fc.record({
      services: fc.constant(services),
      holidays: fc.constant(holidays),
      pool: fc.array(fc.nat(SPAN), { minLength: 5, maxLength: 60 }),
      entries: fc.array(entrySpec(services.length), { minLength: 30, maxLength: 300, size: 'max' }),
      today: fc.nat(300),
      windows: fc.array(
        fc.record({
          from: fc.nat(SPAN),
          aligned: fc.boolean(),
          length: fc.nat(400),
          asOf: fc.integer({ min: -120, max: 500 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      grouping: fc.constantFrom('week', 'month', 'auto'),
    }),
  );

type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

function build(h: History) {
  const calendars = YEARS.map((y) => schoolYear(y, h.holidays));
  const calendar = buildCalendarIndex(calendars);
  const services: LedgerService[] = [];
  const terms: ServiceTerms[] = [];
  h.services.forEach((spec, i) => {
    services.push({
      id: `svc-${i}`,
      name: `Service ${i}`,
      plan_id: `plan-${i}`,
      child_id: 'child',
      reason_policy: spec.policy,
    });
    const amount = AMOUNTS[spec.amount]!;
    const segments: ServiceSegment[] = spec.years.map((y) => {
      const cal = calendars[YEARS.indexOf(y as (typeof YEARS)[number])]!;
      return { ...amount, startDate: cal.firstDay, endDate: cal.lastDay, label: null };
    });
    const esyBlocks: ServiceSegment[] = spec.esy
      ? spec.years.map((y) => {
          const cal = calendars[YEARS.indexOf(y as (typeof YEARS)[number])]!;
          return {
            ...AMOUNTS[1]!,
            startDate: addDays(cal.lastDay, 17),
            endDate: addDays(cal.lastDay, 42),
            label: 'ESY',
          };
        })
      : [];
    terms.push({ segments, esyBlocks });
  });
  const rows: LedgerEntryRow[] = [];
  /** A school day of one of the service's years (most entries), or any day of the five years. */
  const dayOf = (serviceIdx: number, n: number, anyDay: boolean) => {
    if (anyDay) return addDays(FIRST, n % SPAN);
    const years = h.services[serviceIdx]!.years;
    const cal = calendars[YEARS.indexOf(years[n % years.length] as (typeof YEARS)[number])]!;
    const date = addDays(cal.firstDay, Math.floor(n / years.length) % 280);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return addDays(date, weekday === 6 ? -1 : weekday === 0 ? -2 : 0);
  };
  h.entries.forEach((e, n) => {
    const id = `e${String(n).padStart(4, '0')}`;
    const date = dayOf(e.service, e.pooled ? h.pool[e.day % h.pool.length]! : e.day, e.day % 10 === 0);
    const target = e.target != null && rows.length > 0 ? rows[e.target % rows.length]! : null;
    let kind: LedgerEntryRow['kind'] = e.kind === 'makeup' ? 'makeup' : 'scheduled';
    let serviceIdx = e.service;
    // A service without make-ups has none, as most of a family's services (the ledger reads no history for them).
    if (kind === 'makeup' && !h.services[serviceIdx]!.makeups) kind = 'scheduled';
    let status: string = e.status === 'void' && e.kind !== 'correction' ? 'missed' : e.status;
    let corrects: string | null = null;
    let entryDate = date;
    if (e.kind === 'correction' && target) {
      corrects = target.id;
      kind = target.kind;
      serviceIdx = Number(target.service_id.slice(4));
      entryDate = e.moved ? date : target.date;
    } else if (e.kind === 'correction') status = status === 'void' ? 'missed' : status;
    if (kind === 'makeup' && status !== 'void') status = 'delivered';
    const missed = status === 'missed';
    rows.push({
      id,
      service_id: `svc-${serviceIdx}`,
      date: entryDate,
      kind,
      status,
      minutes_delivered: missed || status === 'void' ? 0 : e.minutes,
      minutes_planned: e.planned,
      reason: status === 'delivered' ? null : MISS_REASONS[e.reason]!,
      responsibility: e.responsibility == null ? null : RESPONSIBILITIES[e.responsibility]!,
      makeup_for_entry_id:
        kind === 'makeup' && e.kind !== 'correction' && e.target != null
          ? e.target % 7 === 0
            ? 'e-no-such-entry'
            : (target?.id ?? null)
          : null,
      corrects_entry_id: corrects,
      source: ENTRY_SOURCES[e.source]!,
      start_time: e.startTime,
    });
  });
  return { calendar, services, terms, rows };
}

/** The store's readers, on an array: the conditions of session-entries.repository.ts's queries. */
function arrayReader(all: readonly LedgerEntryRow[], counts: { read: number }): LedgerRowReader {
  const whole = (ids: readonly string[], to: string) =>
    all.filter((r) => ids.includes(r.service_id) && (r.date <= to || r.corrects_entry_id != null));
  const facts = (r: LedgerEntryRow) => ({ date: r.date, kind: r.kind, correctsEntryId: r.corrects_entry_id });
  // In no particular order, as the queries give them: here the reverse of the order they were logged.
  const out = (rows: LedgerEntryRow[]) => {
    counts.read += rows.length;
    return Promise.resolve(rows.reverse());
  };
  return {
    whole: (ids, to) => out(whole(ids, to)),
    inReach: (ids, reach: LedgerReach) =>
      out(whole(ids, reach.to).filter((r) => !isHistoryEntry(facts(r), reach))),
    history: (ids, reach: LedgerReach) =>
      out(whole(ids, reach.to).filter((r) => isHistoryEntry(facts(r), reach))),
    byIds: (ids) => out(all.filter((r) => ids.includes(r.id))),
  };
}

async function views(
  built: ReturnType<typeof build>,
  window: { from: string; to: string; asOf: string; grouping: 'week' | 'month' | 'auto' },
  options: { wholeHistory?: boolean; detail?: 'full' | 'totals'; listOwedMisses?: boolean },
  counts: { read: number },
) {
  const rows = await readLedgerEntryRows(
    arrayReader(built.rows, counts),
    built.services.map((s) => s.id),
    window,
    window.asOf,
    options,
  );
  const viewOptions = {
    ...(options.detail ? { detail: options.detail } : {}),
    ...(options.listOwedMisses ? { listOwedMisses: true } : {}),
  };
  return built.services.map((s, i) =>
    serviceLedgerView(
      s,
      built.terms[i]!,
      built.calendar,
      rows.filter((r) => r.service_id === s.id),
      window,
      window.asOf,
      viewOptions,
    ),
  );
}

/** The windows a history is checked over: the current school year so far, and the history's own. */
function windowsOf(h: History) {
  const today = addDays('2027-01-04', h.today);
  return [
    // The current school year so far, as the screens ask for it.
    { from: schoolYear(2026, []).firstDay, to: today, asOf: today, grouping: h.grouping },
    ...h.windows.map((w) => {
      // A school year's first day, or any day.
      const from = w.aligned
        ? schoolYear(YEARS[w.from % YEARS.length]!, []).firstDay
        : addDays(FIRST, w.from);
      const to = addDays(from, w.length);
      return { from, to, asOf: addDays(from, w.asOf), grouping: h.grouping };
    }),
  ];
}

describe('a ledger without the history it does not need', () => {
  it('gives exactly the ledger read whole, on random histories of five school years', async () => {
    const totals = { whole: 0, narrowed: 0, windows: 0 };
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        const built = build(h);
        const windows = windowsOf(h);
        for (const window of windows) {
          const whole = { read: 0 };
          const narrowed = { read: 0 };
          const expected = await views(built, window, { wholeHistory: true }, whole);
          const actual = await views(built, window, {}, narrowed);
          expect(actual).toEqual(expected);
          totals.whole += whole.read;
          totals.narrowed += narrowed.read;
          totals.windows++;
        }
      }),
      { numRuns: 300 },
    );
    // The narrowing happened: many windows read less than the whole.
    expect(totals.narrowed).toBeLessThan(totals.whole * 0.9);
  }, 60_000);
});

describe("a 'totals' ledger", () => {
  it('gives exactly the figures, notes and owed misses of the full ledger, with no rows and no ids', async () => {
    let compared = 0;
    let withNotes = 0;
    await fc.assert(
      fc.asyncProperty(history, fc.boolean(), async (h, listOwedMisses) => {
        const built = build(h);
        for (const window of windowsOf(h)) {
          const full = await views(built, window, { listOwedMisses }, { read: 0 });
          const totals = await views(built, window, { detail: 'totals', listOwedMisses }, { read: 0 });
          for (let i = 0; i < full.length; i++) {
            const { periods, totals: fullTotals, ...rest } = full[i]!;
            const { periods: none, totals: sums, ...restTotals } = totals[i]!;
            expect(none).toEqual([]);
            expect(Object.values(sums.entryIds).every((ids) => ids.length === 0)).toBe(true);
            expect({ ...sums, entryIds: null }).toEqual({ ...fullTotals, entryIds: null });
            expect(restTotals).toEqual(rest);
            compared++;
            if (rest.notes.length > 0) withNotes++;
          }
        }
      }),
      { numRuns: 200 },
    );
    // Notes were compared too, not only empty lists.
    expect(withNotes).toBeGreaterThan(compared / 10);
  }, 60_000);
});
