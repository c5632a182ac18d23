import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { type CompiledQuery, Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './database.ts';
import { LEDGER_COLUMNS } from './migrations/0026-ledger-covering-index.ts';
import type { Database } from './schema.ts';
import {
  LEDGER_ENTRY_COLUMNS,
  listLedgerEntryRows,
  listLedgerEntryRowsInReach,
  listLedgerHistoryRows,
  listSessionEntriesWithCorrections,
} from './session-entries.repository.ts';

// The ledger's reads of a service's entries are answered from one index (migration 0026), on SQLite as
// the app opens it: each read's plan, as SQLite explains it, names that index as covering, so no entry is
// looked up in the table. A column added to the ledger's read and not to the index fails here.

describe("the ledger's read of entries", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'as-written-ledger-read-'));
    file = join(dir, 'ledger-read.db');
    await (await openStore({ kind: 'sqlite', file })).close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads only columns the index holds, after the two it finds entries by', () => {
    expect(LEDGER_COLUMNS.slice(0, 2)).toEqual(['service_id', 'date']);
    for (const column of [...LEDGER_ENTRY_COLUMNS, 'household_id']) expect(LEDGER_COLUMNS).toContain(column);
  });

  /** SQLite's plan of each query that `read` runs, as one text per query. */
  async function plansOf(read: (db: Kysely<Database>) => Promise<unknown>): Promise<string[]> {
    const sqlite = new SQLite(file);
    const queries: CompiledQuery[] = [];
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: sqlite }),
      log: (event) => {
        queries.push(event.query);
      },
    });
    try {
      await read(db);
      return queries.map((query) =>
        (sqlite.prepare(`explain query plan ${query.sql}`).all(...query.parameters) as { detail: string }[])
          .map((p) => p.detail)
          .join('\n'),
      );
    } finally {
      await db.destroy();
    }
  }

  it('is answered from the covering index alone, in each of its three forms', async () => {
    const services = ['s1', 's2', 's3'];
    const plans = await plansOf(async (db) => {
      await listLedgerEntryRows(db, 'h1', services, '2027-06-30');
      await listLedgerEntryRowsInReach(db, 'h1', services, { cut: '2026-09-01', to: '2027-06-30' });
      await listLedgerHistoryRows(db, 'h1', services, { cut: '2026-09-01', to: '2027-06-30' });
    });
    expect(plans).toHaveLength(3);
    for (const details of plans) {
      expect(details).toMatch(/USING COVERING INDEX session_entry_ledger_idx/);
      expect(details).not.toMatch(/SCAN session_entry/);
    }
  });

  // A child's entries in a range with its corrections of any date (the home screen, the patterns): each
  // part through an index of its own (migration 0027), never every entry of the child looked up in the
  // table to test it, which made a family's fifth year read all five.
  it("reads a child's range and its corrections each through an index, never the child's every entry", async () => {
    const plans = await plansOf(async (db) => {
      await listSessionEntriesWithCorrections(db, 'h1', {
        childId: 'c1',
        from: '2026-09-01',
        to: '2027-06-30',
      });
      await listSessionEntriesWithCorrections(db, 'h1', { childId: 'c1', from: '2026-09-01' });
      await listSessionEntriesWithCorrections(db, 'h1', { childId: 'c1', to: '2027-06-30' });
    });
    expect(plans).toHaveLength(3);
    for (const details of plans) {
      expect(details).toMatch(/USING INDEX session_entry_child_date_id_idx \(child_id=\? AND date/);
      expect(details).toMatch(/USING INDEX session_entry_child_correction_idx/);
      expect(details).not.toMatch(/SCAN session_entry/);
    }
  });
});
