import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../cli/demo-household.ts';
import { fixedClock } from '../server/context.ts';
import { openStore, type Store } from './database.ts';
import { withReadMemo } from './read-memo.ts';
import {
  LEDGER_ENTRY_COLUMNS,
  listLedgerEntriesWithCorrections,
  listLedgerEntryRows,
  listSessionEntriesWithCorrections,
} from './session-entries.repository.ts';

// Through a read memo, a child's session entries are read whole once and each reader's range is that
// read narrowed in code (session-entries.repository.ts): each narrowed answer must be exactly the
// query's, in the same order, corrections dated outside the range included.

describe("a child's entries through a read memo", () => {
  let dir: string;
  let store: Store;
  let householdId: string;
  let childId: string;
  let serviceIds: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'as-written-entries-memo-'));
    store = await openStore({ kind: 'sqlite', file: join(dir, 'entries.db') });
    ({ householdId } = await seedDemoHousehold(store, fixedClock('2026-12-01T15:00:00.000Z')));
    const rows = await store.db.selectFrom('session_entry').selectAll().orderBy('id').execute();
    childId = rows[0]!.child_id;
    serviceIds = [...new Set(rows.map((r) => r.service_id))].sort();
    // Corrections dated far from the entries they correct (a date put right), one a void, and a make-up.
    const base = rows.find((r) => r.kind === 'scheduled')!;
    const later = rows.filter((r) => r.kind === 'scheduled').at(-1)!;
    await store.db
      .insertInto('session_entry')
      .values([
        { ...base, id: `${base.id}-moved`, date: '2019-09-03', corrects_entry_id: base.id },
        {
          ...later,
          id: `${later.id}-void`,
          date: '2031-01-06',
          status: 'voided',
          corrects_entry_id: later.id,
        },
        { ...base, id: `${base.id}-makeup`, kind: 'makeup', date: '2026-11-20', corrects_entry_id: null },
        // A correction dated inside the ranges below: read once, not once as in range and again as a correction.
        {
          ...later,
          id: `${later.id}-minutes`,
          date: '2026-10-20',
          minutes_delivered: 20,
          corrects_entry_id: later.id,
        },
      ])
      .execute();
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const scopes = () => [
    { childId },
    { childId, from: '2026-10-01' },
    { childId, to: '2026-10-01' },
    { childId, from: '2026-09-15', to: '2026-11-30' },
    { childId, kind: 'scheduled', from: '2026-09-15', to: '2026-11-30' },
    { childId, kind: 'makeup' },
    { childId, serviceIds: serviceIds.slice(0, 1), from: '2026-10-01', to: '2026-10-31' },
    { childId, serviceIds: [] },
    { childId: 'no-such-child' },
  ];

  it('gives each range exactly what the query gives, in the same order', async () => {
    for (const scope of scopes()) {
      const direct = await listSessionEntriesWithCorrections(store.db, householdId, scope);
      const narrowed = await listSessionEntriesWithCorrections(withReadMemo(store).db, householdId, scope);
      expect(narrowed, JSON.stringify(scope)).toEqual(direct);
    }
    // The corrections dated outside a range are in it; the data has some of each kind.
    const inOctober = await listSessionEntriesWithCorrections(withReadMemo(store).db, householdId, {
      childId,
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(inOctober.some((r) => r.date === '2019-09-03')).toBe(true);
    expect(inOctober.some((r) => r.date === '2026-10-14')).toBe(true);
    expect(inOctober.filter((r) => r.id.endsWith('-minutes'))).toHaveLength(1);
  });

  it('gives each ledger the rows up to its day, as the query does (in no particular order)', async () => {
    const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    for (const to of ['2019-01-01', '2026-09-30', '2026-12-01', '2026-12-06']) {
      for (const ids of [serviceIds, serviceIds.slice(1)]) {
        const direct = await listLedgerEntryRows(store.db, householdId, ids, to);
        const reads = withReadMemo(store).db;
        const narrowed = await listLedgerEntryRows(reads, householdId, ids, to, childId);
        expect(byId(narrowed).map((r) => r.id)).toEqual(byId(direct).map((r) => r.id));
        for (const row of direct) expect(narrowed.find((r) => r.id === row.id)).toMatchObject(row);
      }
    }
  });

  it("gives each range with only the ledger's columns exactly as the whole rows, directly and through a memo", async () => {
    for (const scope of scopes()) {
      const whole = await listSessionEntriesWithCorrections(store.db, householdId, scope);
      const narrow = await listLedgerEntriesWithCorrections(store.db, householdId, scope);
      expect(
        narrow.map((r) => Object.keys(r).sort()),
        JSON.stringify(scope),
      ).toEqual(narrow.map(() => [...LEDGER_ENTRY_COLUMNS].sort()));
      expect(narrow, JSON.stringify(scope)).toEqual(
        whole.map((row) => Object.fromEntries(LEDGER_ENTRY_COLUMNS.map((c) => [c, row[c]]))),
      );
      const memo = await listLedgerEntriesWithCorrections(withReadMemo(store).db, householdId, scope);
      expect(memo, JSON.stringify(scope)).toEqual(whole);
    }
  });
});
