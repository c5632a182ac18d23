import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openStore, type Store } from '../../src/store/database.ts';
import { openTestStore, TEST_DATABASE_URL } from './harness.ts';

// On PostgreSQL the app's statements are prepared once per connection (src/store/pg-prepared.ts): a
// read or write with parameters gets a name, and the server keeps it; anything else runs as before.
// Here, on one connection: which statements are kept, that their answers are those of the statement
// run unnamed, and that a table changed outside the migrations does not break a statement kept from
// before (the error begins the names again and the statement runs once more), outside and inside a
// transaction.

/** The statements the server keeps for this connection, by the text they were prepared from. */
async function kept(db: Store['db']): Promise<string[]> {
  const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db);
  return rows.map((r) => r.statement);
}

describe('statements prepared once per connection on postgres', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await openTestStore('postgres'));
    await sql`create table prepared_probe (id integer primary key, label text not null)`.execute(store.db);
    await sql`insert into prepared_probe (id, label) values (1, 'one'), (2, 'two'), (3, 'three')`.execute(
      store.db,
    );
  }, 60_000);
  afterAll(async () => {
    await sql`drop table if exists prepared_probe`.execute(store.db).catch(() => undefined);
    await cleanup?.();
  });

  it('keeps a read with parameters, not one without, nor one with a list of more than 64', async () => {
    await store.db.connection().execute(async (db) => {
      const withParameter = () =>
        db
          .selectFrom('prepared_probe' as never)
          .selectAll()
          .where('id' as never, '>', 1 as never);
      const first = await withParameter().execute();
      const again = await withParameter().execute();
      expect(again).toEqual(first);
      expect(first).toEqual([
        { id: 2, label: 'two' },
        { id: 3, label: 'three' },
      ]);
      await sql`select count(*) from prepared_probe`.execute(db);
      const many = Array.from({ length: 65 }, (_, i) => i);
      const long = await db
        .selectFrom('prepared_probe' as never)
        .select('label' as never)
        .where('id' as never, 'in', many as never)
        .execute();
      expect(long).toHaveLength(3);
      const statements = await kept(db);
      expect(statements.some((s) => /from "prepared_probe" where "id" > \$1/.test(s))).toBe(true);
      expect(statements.some((s) => /count\(\*\)/.test(s))).toBe(false);
      expect(statements.some((s) => /\$65/.test(s))).toBe(false);
    });
  });

  it('answers after its table changes outside the migrations, outside and inside a transaction', async () => {
    await store.db.connection().execute(async (db) => {
      const read = () =>
        db
          .selectFrom('prepared_probe' as never)
          .selectAll()
          .where('id' as never, '=', 2 as never)
          .execute();
      expect(await read()).toEqual([{ id: 2, label: 'two' }]);
      await sql`alter table prepared_probe add column note text not null default 'added'`.execute(db);
      // The kept statement's answer would change shape: the server refuses it; it runs again unnamed.
      expect(await read()).toEqual([{ id: 2, label: 'two', note: 'added' }]);
      // And under a name of its own from then on.
      expect(await read()).toEqual([{ id: 2, label: 'two', note: 'added' }]);
      expect((await kept(db)).filter((s) => /where "id" = \$1/.test(s)).length).toBe(2);

      await sql`alter table prepared_probe drop column note`.execute(db);
      // Inside a transaction the refusal has ended the transaction: the caller gets the server's error.
      await sql`begin`.execute(db);
      await expect(read()).rejects.toThrow(/cached plan must not change result type/);
      await sql`rollback`.execute(db);
      expect(await read()).toEqual([{ id: 2, label: 'two' }]);
    });
  });

  it('prepares nothing while migrations run, and again after', async () => {
    await migrateToLatest(store);
    await store.db.connection().execute(async (db) => {
      await db
        .selectFrom('prepared_probe' as never)
        .select('label' as never)
        .where('id' as never, '=', 3 as never)
        .execute();
      expect((await kept(db)).some((s) => /select "label" from "prepared_probe"/.test(s))).toBe(true);
    });
    store.preparedStatements?.pause();
    try {
      await store.db.connection().execute(async (db) => {
        await db
          .selectFrom('prepared_probe' as never)
          .select('id' as never)
          .where('label' as never, '=', 'one' as never)
          .execute();
        expect((await kept(db)).some((s) => /where "label" = \$1/.test(s))).toBe(false);
      });
    } finally {
      store.preparedStatements?.resume();
    }
  });

  it('prepares nothing when AS_WRITTEN_PG_PREPARED_STATEMENTS is off', async () => {
    const plain = await openStore(
      { kind: 'postgres', url: TEST_DATABASE_URL, preparedStatements: false },
      { migrate: false },
    );
    try {
      await plain.db.connection().execute(async (db) => {
        const { rows } = await sql<{ n: number }>`select ${41}::int + 1 as n`.execute(db);
        expect(rows).toEqual([{ n: 42 }]);
        expect(await kept(db)).toEqual([]);
      });
    } finally {
      await plain.close();
    }
  });
});
