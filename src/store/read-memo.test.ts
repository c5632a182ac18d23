import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from './database.ts';
import { onceInView, withReadMemo } from './read-memo.ts';

// The read memo the caseload reads each household through (read-memo.ts), and the SQLite connection's
// kept statements (database.ts), on SQLite; the caseload's figures through it are compared with each
// household's own screens on both databases in test/integration/caseload.test.ts.

describe('a read memo', () => {
  let dir: string;
  let store: Store;
  let executed: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'as-written-memo-'));
    store = await openStore({ kind: 'sqlite', file: join(dir, 'memo.db') });
    const at = '2026-01-05T09:00:00.000Z';
    await store.db.insertInto('household').values({ id: 'h1', name: 'One', created_at: at }).execute();
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The store with every statement it runs counted (the memo runs compiled queries through executeQuery). */
  function counted(): Store {
    executed = [];
    const db = Object.create(store.db) as Store['db'];
    db.executeQuery = ((query: Parameters<Store['db']['executeQuery']>[0]) => {
      executed.push('sql' in query ? query.query.kind : 'builder');
      return store.db.executeQuery(query);
    }) as Store['db']['executeQuery'];
    return { ...store, db };
  }

  const household = (s: Store, id: string) =>
    s.db.selectFrom('household').selectAll().where('id', '=', id).executeTakeFirst();

  it('runs a read once, however often it is asked, and each answer is the caller’s own copy', async () => {
    const reads = withReadMemo(counted());
    const first = await household(reads, 'h1');
    const second = await household(reads, 'h1');
    expect(executed).toEqual(['SelectQueryNode']);
    expect(second).toEqual(first);
    first!.name = 'Changed by its caller';
    expect((await household(reads, 'h1'))!.name).toBe('One');
  });

  it('runs the same query with other values as another read', async () => {
    const reads = withReadMemo(counted());
    expect(await household(reads, 'h1')).toBeDefined();
    expect(await household(reads, 'h2')).toBeUndefined();
    expect(executed).toHaveLength(2);
  });

  it('starts empty for each unit of work: a new memo reads what was written since', async () => {
    const before = withReadMemo(store);
    expect((await household(before, 'h1'))!.name).toBe('One');
    await store.db.updateTable('household').set({ name: 'Renamed' }).where('id', '=', 'h1').execute();
    expect((await household(withReadMemo(store), 'h1'))!.name).toBe('Renamed');
    await store.db.updateTable('household').set({ name: 'One' }).where('id', '=', 'h1').execute();
  });

  it('makes a value derived from reads once per view, each time outside one, and again after it failed', async () => {
    let made = 0;
    const make = async () => ++made;
    const reads = withReadMemo(store);
    expect([await onceInView(reads.db, 'k', make), await onceInView(reads.db, 'k', make)]).toEqual([1, 1]);
    expect(await onceInView(reads.db, 'other', make)).toBe(2);
    expect(await onceInView(withReadMemo(store).db, 'k', make)).toBe(3);
    expect([await onceInView(store.db, 'k', make), await onceInView(store.db, 'k', make)]).toEqual([4, 5]);
    let fail = true;
    const flaky = async () => {
      if (fail) throw new Error('not now');
      return 'made';
    };
    await expect(onceInView(reads.db, 'flaky', flaky)).rejects.toThrow('not now');
    fail = false;
    expect(await onceInView(reads.db, 'flaky', flaky)).toBe('made');
  });

  it('refuses to write, and to open a transaction', async () => {
    const reads = withReadMemo(store);
    await expect(
      reads.db.updateTable('household').set({ name: 'No' }).where('id', '=', 'h1').execute(),
    ).rejects.toThrow('only reads');
    await expect(reads.db.transaction().execute(async () => {})).rejects.toThrow('only reads');
    expect((await household(store, 'h1'))!.name).toBe('One');
  });
});

describe("a SQLite connection's kept statements", () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'as-written-statements-'));
    store = await openStore({ kind: 'sqlite', file: join(dir, 'statements.db') });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the same text again with new values', async () => {
    const square = (n: number) => sql<{ v: number }>`select ${n} * ${n} as v`.execute(store.db);
    expect((await square(3)).rows).toEqual([{ v: 9 }]);
    expect((await square(4)).rows).toEqual([{ v: 16 }]);
  });

  it('runs a kept statement again after it failed', async () => {
    const at = '2026-01-05T09:00:00.000Z';
    const add = (id: string) =>
      store.db.insertInto('household').values({ id, name: id, created_at: at }).execute();
    await add('k1');
    await expect(add('k1')).rejects.toThrow(/UNIQUE/);
    await add('k2');
    expect(await store.db.selectFrom('household').select('id').orderBy('id').execute()).toEqual([
      { id: 'k1' },
      { id: 'k2' },
    ]);
  });

  it('gives a read that names its columns the rows better-sqlite3 gives, made from its arrays', async () => {
    await sql`create table rows_probe (a integer, b text, c real, d blob)`.execute(store.db);
    await sql`insert into rows_probe values (1, 'one', 1.5, x'00ff'), (2, null, null, null)`.execute(
      store.db,
    );
    const text = 'select "b", "a", "c", "d", "a" + 1 as "next", "b" as "a" from rows_probe order by rowid';
    const direct = new SQLite(join(dir, 'statements.db'), { readonly: true });
    try {
      const expected = direct.prepare(text).all() as Record<string, unknown>[];
      const { rows } = await sql.raw<Record<string, unknown>>(text).execute(store.db);
      expect(rows).toEqual(expected);
      // A column named twice keeps its first place and its last value, as better-sqlite3 gives it.
      expect(rows.map((r) => Object.keys(r))).toEqual(expected.map((r) => Object.keys(r)));
      expect(rows[0]).toEqual({ b: 'one', a: 'one', c: 1.5, d: Buffer.from([0, 255]), next: 2 });
      // Streamed, the same rows.
      const streamed: unknown[] = [];
      for await (const row of store.db
        .selectFrom('rows_probe' as never)
        .select(['a', 'b'] as never[])
        .orderBy('a' as never)
        .stream())
        streamed.push(row);
      expect(streamed).toEqual([
        { a: 1, b: 'one' },
        { a: 2, b: null },
      ]);
    } finally {
      direct.close();
    }
  });

  it("keeps a kept read's columns when its table changes, and `select *` takes the table as it is", async () => {
    await sql`create table shape_probe (a integer, b integer)`.execute(store.db);
    await sql`insert into shape_probe values (1, 2)`.execute(store.db);
    const named = () => sql<Record<string, unknown>>`select "b", "a" from shape_probe`.execute(store.db);
    const whole = () => sql<Record<string, unknown>>`select * from shape_probe`.execute(store.db);
    expect((await named()).rows).toEqual([{ b: 2, a: 1 }]);
    expect((await whole()).rows).toEqual([{ a: 1, b: 2 }]);
    await sql`alter table shape_probe add column c integer default 3`.execute(store.db);
    await sql`alter table shape_probe drop column a`.execute(store.db);
    await sql`alter table shape_probe add column a integer default 9`.execute(store.db);
    const [row] = (await named()).rows;
    expect(Object.keys(row!)).toEqual(['b', 'a']);
    expect(row).toEqual({ b: 2, a: 9 });
    expect((await whole()).rows).toEqual([{ b: 2, c: 3, a: 9 }]);
    // Changed by another connection to the same file, as another process would change it.
    const other = new SQLite(join(dir, 'statements.db'));
    try {
      other.exec('alter table shape_probe add column d integer default 4');
    } finally {
      other.close();
    }
    expect((await whole()).rows).toEqual([{ b: 2, c: 3, a: 9, d: 4 }]);
    expect((await named()).rows).toEqual([{ b: 2, a: 9 }]);
  });

  it('sees a table created after a statement on it was kept', async () => {
    await sql`create table kept_probe (a integer)`.execute(store.db);
    const count = () => sql<{ n: number }>`select count(*) as n from kept_probe`.execute(store.db);
    expect((await count()).rows).toEqual([{ n: 0 }]);
    await sql`alter table kept_probe add column b integer`.execute(store.db);
    await sql`insert into kept_probe (a, b) values (1, 2)`.execute(store.db);
    expect((await count()).rows).toEqual([{ n: 1 }]);
  });
});
