import fc from 'fast-check';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { addDays } from '../../src/domain/dates.ts';
import { isHistoryEntry, type LedgerReach, ledgerReach } from '../../src/domain/ledger-history.ts';
import { fixedClock, idSource, type ServiceContext } from '../../src/server/context.ts';
import { computeLedgers, loadServiceTerms } from '../../src/server/services/ledgers.ts';
import { amendPlan } from '../../src/server/services/plan-versions.ts';
import { updateRecord } from '../../src/server/services/records.ts';
import { RESOURCES } from '../../src/server/services/resources.ts';
import { weekSummary } from '../../src/server/services/week-summary.ts';
import type { Store } from '../../src/store/database.ts';
import { withReadMemo } from '../../src/store/read-memo.ts';
import type { SessionEntryRow } from '../../src/store/schema.ts';
import { servicesWithPlan } from '../../src/store/services.repository.ts';
import {
  type LedgerEntryRow,
  listLedgerEntryRows,
  listLedgerEntryRowsByIds,
  listLedgerEntryRowsInReach,
  listLedgerHistoryRows,
} from '../../src/store/session-entries.repository.ts';
import { BACKENDS, openTestStore, TEST_NOW } from './harness.ts';

// The ledger leaves out a service's history when it cannot change a figure (src/domain/ledger-history.ts;
// the rule is checked on many random histories in src/server/services/ledger-history.test.ts). On each
// database: the queries read exactly the entries the rule names, the terms read from the versions'
// rows are those read from their content, and on the demo with random entries added (misses and
// make-ups before the window, corrections dated anywhere, voids, a second correction of one entry) the
// child's ledgers are exactly those read whole.

const TODAY = TEST_NOW.slice(0, 10);

type Added = {
  service: number;
  day: number;
  kind: 'scheduled' | 'makeup' | 'correction';
  status: 'delivered' | 'short' | 'missed' | 'void';
  minutes: number;
  reason: 'provider_absent' | 'student_absent' | 'unknown' | 'school_event';
  target: number | null;
  moved: boolean;
};

const added: fc.Arbitrary<Added> = fc.record({
  service: fc.nat(2),
  // From 2025-09-01 (a year before the demo's) to 2026-12-31.
  day: fc.nat(486),
  kind: fc.constantFrom('scheduled', 'scheduled', 'makeup', 'correction'),
  status: fc.constantFrom('delivered', 'short', 'missed', 'missed', 'void'),
  minutes: fc.constantFrom(0, 15, 30, 45),
  reason: fc.constantFrom('provider_absent', 'student_absent', 'unknown', 'school_event'),
  target: fc.option(fc.nat(1000), { freq: 3 }),
  moved: fc.boolean(),
});

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

describe.each(BACKENDS)('a ledger without the history it does not need, on %s', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let demo: DemoHousehold;
  let serviceIds: string[];
  let template: SessionEntryRow;
  beforeAll(async () => {
    ({ store, cleanup } = await openTestStore(backend));
    const clock = fixedClock(TEST_NOW);
    demo = await seedDemoHousehold(store, clock);
    serviceIds = [demo.services.speech, demo.services.ot, demo.services.reading];
    // An amendment, and speech cut to one session a week after it: the plan's first version is frozen.
    const ctx: ServiceContext = {
      householdId: demo.householdId,
      actor: { kind: 'cli', id: 'test' },
      clock,
      newId: idSource(clock),
    };
    await amendPlan(store, ctx, demo.planId, { effectiveFrom: '2026-10-19', summary: 'Speech once a week' });
    const speech = await store.db
      .selectFrom('service')
      .selectAll()
      .where('id', '=', demo.services.speech)
      .executeTakeFirstOrThrow();
    const segments = JSON.parse(speech.segments) as { sessionsPerPeriod: number }[];
    await updateRecord(store, ctx, RESOURCES.service, demo.services.speech, {
      segments: segments.map((s) => ({ ...s, sessionsPerPeriod: 1 })),
    });
    template = await store.db
      .selectFrom('session_entry')
      .selectAll()
      .where('household_id', '=', demo.householdId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
  }, 120_000);
  afterAll(async () => cleanup?.());

  /** Random entries, inserted as an import would write them, and their ids (to take them out after). */
  async function addEntries(entries: Added[]): Promise<string[]> {
    const existing = await store.db
      .selectFrom('session_entry')
      .select(['id', 'service_id', 'date', 'kind'])
      .where('household_id', '=', demo.householdId)
      .orderBy('id')
      .execute();
    const rows: SessionEntryRow[] = [];
    entries.forEach((e, n) => {
      const pool = [...existing, ...rows];
      const target = e.target == null ? null : pool[e.target % pool.length]!;
      const correction = e.kind === 'correction' && target != null;
      const kind = correction ? target.kind : e.kind === 'makeup' ? 'makeup' : 'scheduled';
      const status =
        e.status === 'void' && !correction
          ? 'missed'
          : kind === 'makeup' && e.status !== 'void'
            ? 'delivered'
            : e.status;
      rows.push({
        ...template,
        id: `${template.id.slice(0, 24)}${String(n).padStart(12, '0')}`,
        service_id: correction ? target.service_id : serviceIds[e.service]!,
        date: correction && !e.moved ? target.date : addDays('2025-09-01', e.day),
        kind,
        status,
        minutes_delivered: status === 'missed' || status === 'void' ? 0 : e.minutes,
        minutes_planned: null,
        reason: status === 'delivered' ? null : e.reason,
        responsibility: null,
        makeup_for_entry_id: kind === 'makeup' && !correction && target ? target.id : null,
        corrects_entry_id: correction ? target.id : null,
        source: n % 3 === 0 ? 'school_log' : 'parent',
        start_time: null,
      });
    });
    if (rows.length > 0) await store.db.insertInto('session_entry').values(rows).execute();
    return rows.map((r) => r.id);
  }

  async function removeEntries(ids: string[]) {
    if (ids.length > 0) await store.db.deleteFrom('session_entry').where('id', 'in', ids).execute();
  }

  it('reads in SQL exactly the entries the rule names', async () => {
    const ids = await addEntries(fc.sample(added, { numRuns: 80, seed: 18 }));
    try {
      const all = await store.db
        .selectFrom('session_entry')
        .selectAll()
        .where('household_id', '=', demo.householdId)
        .execute();
      const columns = (r: SessionEntryRow): LedgerEntryRow => ({
        id: r.id,
        service_id: r.service_id,
        date: r.date,
        kind: r.kind,
        status: r.status,
        minutes_delivered: r.minutes_delivered,
        minutes_planned: r.minutes_planned,
        reason: r.reason,
        responsibility: r.responsibility,
        makeup_for_entry_id: r.makeup_for_entry_id,
        corrects_entry_id: r.corrects_entry_id,
        source: r.source,
        start_time: r.start_time,
      });
      const facts = (r: SessionEntryRow) => ({
        date: r.date,
        kind: r.kind,
        correctsEntryId: r.corrects_entry_id,
      });
      const some = serviceIds.slice(0, 2);
      const reaches: LedgerReach[] = [
        ledgerReach({ from: '2026-10-01', to: '2026-10-31' }, TODAY),
        ledgerReach({ from: '2026-11-01', to: TODAY }, '2026-10-20'),
        ledgerReach({ from: '2025-01-01', to: '2027-01-01' }, TODAY),
      ];
      for (const reach of reaches) {
        const whole = all.filter(
          (r) => some.includes(r.service_id) && (r.date <= reach.to || r.corrects_entry_id != null),
        );
        expect(byId(await listLedgerEntryRows(store.db, demo.householdId, some, reach.to))).toEqual(
          byId(whole.map(columns)),
        );
        expect(byId(await listLedgerEntryRowsInReach(store.db, demo.householdId, some, reach))).toEqual(
          byId(whole.filter((r) => !isHistoryEntry(facts(r), reach)).map(columns)),
        );
        expect(byId(await listLedgerHistoryRows(store.db, demo.householdId, some, reach))).toEqual(
          byId(whole.filter((r) => isHistoryEntry(facts(r), reach)).map(columns)),
        );
      }
      // Some of each: the narrowing leaves entries out, and keeps corrections and make-ups before the cut.
      const reach = reaches[0]!;
      expect(all.filter((r) => isHistoryEntry(facts(r), reach)).length).toBeGreaterThan(50);
      expect(all.some((r) => r.date < reach.cut && r.corrects_entry_id != null)).toBe(true);
      expect(all.some((r) => r.date < reach.cut && r.kind === 'makeup')).toBe(true);
      const picked = byId(all).slice(0, 5);
      expect(
        byId(
          await listLedgerEntryRowsByIds(store.db, demo.householdId, [...picked.map((r) => r.id), 'none']),
        ),
      ).toEqual(picked.map(columns));
    } finally {
      await removeEntries(ids);
    }
  });

  it("reads each service's terms from its versions' rows as from their content", async () => {
    const services = await servicesWithPlan(store.db, demo.householdId, { childId: demo.childId });
    const fromRows = await loadServiceTerms(store.db, demo.householdId, services);
    // Through a read memo, the terms come from each version's whole content (loadVersionsWithContent).
    const fromContent = await loadServiceTerms(withReadMemo(store).db, demo.householdId, services);
    expect(fromRows).toEqual(fromContent);
    // The amendment shows: speech twice a week before it, once after.
    const speech = fromRows.get(demo.services.speech)!.segments;
    expect(speech.map((s) => [s.startDate, s.sessionsPerPeriod])).toEqual([
      [demo.schoolYear.firstDay, 2],
      ['2026-10-19', 1],
    ]);
  });

  it("gives the child's ledgers exactly as read whole, with random entries added", async () => {
    const windows = [
      { from: demo.schoolYear.firstDay, to: TODAY, asOf: TODAY },
      { from: '2026-10-01', to: '2026-10-31' },
      { from: '2026-11-02', to: TODAY },
      { from: '2026-11-02', to: '2026-11-20', asOf: '2026-10-25' },
      { from: '2026-09-21', to: '2026-12-31', asOf: '2026-11-10' },
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(added, { minLength: 10, maxLength: 60 }), async (entries) => {
        const ids = await addEntries(entries);
        try {
          for (const w of windows) {
            const query = { ...w, grouping: 'week' as const };
            const scope = { childId: demo.childId };
            const whole = await computeLedgers(store.db, demo.householdId, scope, query, TODAY, {
              wholeHistory: true,
            });
            const narrowed = await computeLedgers(store.db, demo.householdId, scope, query, TODAY);
            expect(narrowed).toEqual(whole);
          }
        } finally {
          await removeEntries(ids);
        }
      }),
      { numRuns: backend === 'sqlite' ? 25 : 10 },
    );
  }, 120_000);

  // When the window begins on or before every service's first day, nothing of theirs is history, so the
  // ledger reads the entries whole, in one statement (the demo's make-up would otherwise ask for the
  // history in a second one that finds nothing); and the calendars come with their events in one.
  it('reads the entries in one statement from the first day, and the calendars with their events in one', async () => {
    const tables: string[][] = [];
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        tables.push(
          [
            ...JSON.stringify(args.node).matchAll(/"name":"(session_entry|school_calendar|calendar_event)"/g),
          ].map((m) => m[1]!),
        );
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = store.db.withPlugin(counting);
    const query = { from: demo.schoolYear.firstDay, to: TODAY, asOf: TODAY, grouping: 'week' as const };
    const scope = { childId: demo.childId };
    const ledgers = await computeLedgers(db, demo.householdId, scope, query, TODAY);
    const reads = (table: string) => tables.filter((t) => t.includes(table)).length;
    expect(reads('session_entry')).toBe(1);
    expect(tables.filter((t) => t.includes('school_calendar') || t.includes('calendar_event'))).toHaveLength(
      1,
    );
    expect(ledgers.some((l) => l.totals.makeupMinutes > 0)).toBe(true);
    expect(ledgers).toEqual(
      await computeLedgers(store.db, demo.householdId, scope, query, TODAY, { wholeHistory: true }),
    );
  });

  // The home screen reads the child's services and calendars first, and hands them to the ledger and to
  // the sessions' schedules, which read them again before (three reads of the services, two more of the
  // calendars, each a statement that waits on the server on PostgreSQL).
  it("reads the child's services and calendars once for the home screen", async () => {
    const selects: string[] = [];
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        const node = args.node as {
          kind: string;
          from?: { froms: { table?: { identifier?: { name?: string } } }[] };
        };
        if (node.kind === 'SelectQueryNode') selects.push(node.from?.froms[0]?.table?.identifier?.name ?? '');
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const week = await weekSummary(store.db.withPlugin(counting), demo.householdId, demo.childId, TODAY);
    expect(week.services.length).toBeGreaterThan(0);
    expect(selects.filter((table) => table === 'service')).toHaveLength(1);
    expect(selects.filter((table) => table === 'school_calendar')).toHaveLength(1);
    expect(week).toEqual(await weekSummary(store.db, demo.householdId, demo.childId, TODAY));
  });
});
