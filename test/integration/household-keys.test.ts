import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock, idSource } from '../../src/server/context.ts';
import { RESOURCES } from '../../src/server/services/resources.ts';
import { verifyHousehold } from '../../src/server/services/verify.ts';
import {
  BACKUP_TABLES,
  BackupError,
  createBackup,
  openBackup,
  restoreBackup,
} from '../../src/store/backup.ts';
import { removeCrossHouseholdReferences } from '../../src/store/cross-household.ts';
import {
  HOUSEHOLD_KEYS_MIGRATION,
  migrateBefore,
  migrateToLatest,
  openStore,
  type Store,
} from '../../src/store/database.ts';
import { COMPOSITE_KEYS } from '../../src/store/migrations/0015-household-foreign-keys.ts';
import { RECORD_REFERENCES, referenceColumn, referenceIsJson } from '../../src/store/record-references.ts';
import {
  BACKENDS,
  type Backend,
  call,
  openTestEnv,
  openTestStore,
  rowCounts,
  TEST_DATABASE_URL,
  TEST_NOW,
} from './harness.ts';

// Migration 0015 makes every reference between household records that a foreign key holds a
// composite key (household_id, <ref>_id) -> target (household_id, id). These tests show that a row
// naming another household's row cannot be written by any path (SQL, the API, a restore; the import
// is in cross-household.test.ts), that a database made at the previous migration upgrades keeping
// every row and ends with the schema of a new one, and that one holding such a row is refused until
// `as-written repair --cross-household` has removed it.

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/as-written.js');
const clock = fixedClock(TEST_NOW);
const at = '2026-11-02T10:00:00.000Z';

type Key = { table: string; columns: string[]; target: string; targetColumns: string[] };

/** Every foreign key of the database, as (table, columns) -> target (columns). */
async function foreignKeys(store: Store): Promise<Key[]> {
  if (store.kind === 'sqlite') {
    const tables = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(store.db);
    const out: Key[] = [];
    for (const { name } of tables.rows) {
      const rows = await sql<{ id: number; seq: number; table: string; from: string; to: string }>`
        select * from pragma_foreign_key_list(${name}) order by id, seq`.execute(store.db);
      const byId = new Map<number, Key>();
      for (const r of rows.rows) {
        const key = byId.get(r.id) ?? { table: name, columns: [], target: r.table, targetColumns: [] };
        key.columns.push(r.from);
        key.targetColumns.push(r.to);
        byId.set(r.id, key);
      }
      out.push(...byId.values());
    }
    return out;
  }
  const rows = await sql<{ t: string; def: string }>`
    select conrelid::regclass::text as t, pg_get_constraintdef(oid) as def from pg_constraint
    where contype = 'f' and connamespace = current_schema()::regnamespace`.execute(store.db);
  return rows.rows.map((r) => {
    const m = /^FOREIGN KEY \(([^)]*)\) REFERENCES ([\w.]+)\(([^)]*)\)/.exec(r.def);
    if (!m) throw new Error(`unexpected key ${r.def}`);
    const list = (s: string) => s.split(',').map((c) => c.trim());
    return { table: r.t, columns: list(m[1]!), target: m[2]!, targetColumns: list(m[3]!) };
  });
}

/** The schema as text lines: tables, columns, constraints and indexes (PostgreSQL's schema name removed). */
async function schemaOf(store: Store): Promise<string[]> {
  if (store.kind === 'sqlite') {
    const rows = await sql<{ line: string }>`
      select type || ' ' || name || ' ' || coalesce(sql, '') as line from sqlite_master order by type, name`.execute(
      store.db,
    );
    return rows.rows.map((r) => r.line);
  }
  const rows = await sql<{ line: string }>`
    select 'column ' || table_name || '.' || column_name || ' ' || ordinal_position || ' ' || data_type || ' '
      || is_nullable || ' ' || coalesce(column_default, '') as line
    from information_schema.columns where table_schema = current_schema()
    union all
    select 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
    from pg_constraint where connamespace = current_schema()::regnamespace
    union all
    select 'index ' || indexname || ' ' || indexdef from pg_indexes where schemaname = current_schema()
    order by 1`.execute(store.db);
  const schema = store.schema ?? 'public';
  return rows.rows.map((r) => r.line.split(`${schema}.`).join('<schema>.'));
}

/** Every row of every table the database has (a later migration's may not be there yet), in a stable order. */
async function everyRow(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  // On PostgreSQL, only this store's schema (others hold newer tables).
  const tables = await store.db.introspection.getTables();
  const present = new Set(
    tables.filter((t) => !store.schema || t.schema === store.schema).map((t) => t.name),
  );
  for (const table of BACKUP_TABLES.filter((t) => present.has(t))) {
    // biome-ignore lint/suspicious/noExplicitAny: generic over the table list
    const rows = (await (store.db as any).selectFrom(table).selectAll().execute()) as unknown[];
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** A store made at the migration before 0015 (as an older version left it). */
async function openOldStore(backend: Backend) {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'as-written-keys-'));
    const file = join(dir, 'old.db');
    const store = await openStore({ kind: 'sqlite', file }, { migrate: false });
    await migrateBefore(store, HOUSEHOLD_KEYS_MIGRATION);
    return { store, file, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const store = await openStore({ kind: 'postgres', url: TEST_DATABASE_URL, schema }, { migrate: false });
  await migrateBefore(store, HOUSEHOLD_KEYS_MIGRATION);
  return {
    store,
    file: null,
    cleanup: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

const EXTRA_TABLES = ['check_in', 'school_absence', 'letter', 'living_iep_notes'];

/** Rows of the tables the demo leaves empty (a check-in, an absence, a letter, living-IEP notes). */
async function insertExtras(store: Store, householdId: string, childId: string) {
  const newId = idSource(clock);
  const base = { household_id: householdId, created_at: at, updated_at: at };
  await store.db
    .insertInto('check_in')
    .values({ id: newId(), ...base, child_id: childId, date: '2026-11-02', answers: '[]' })
    .execute();
  await store.db
    .insertInto('school_absence')
    .values({ id: newId(), ...base, child_id: childId, date: '2026-11-03', note: null })
    .execute();
  // biome-ignore lint/suspicious/noExplicitAny: the columns a letter had at 0014, written raw
  await (store.db as any)
    .insertInto('letter')
    .values({
      id: newId(),
      ...base,
      child_id: childId,
      kind: 'specific_concern',
      status: 'draft',
      subject: 'A letter',
      recipients: '{"to":[],"cc":[]}',
      body: 'Dear team',
      entry_ids: '[]',
      guidance: '[]',
      request: '{"kind":"specific_concern"}',
      communication_id: null,
    })
    .execute();
  await store.db
    .insertInto('living_iep_notes')
    .values({
      child_id: childId,
      household_id: householdId,
      concerns: 'Reading',
      changes: '[]',
      questions: '[]',
      updated_at: at,
    })
    .execute();
}

const first = async <T>(rows: Promise<T[]>): Promise<T> => {
  const [row] = await rows;
  if (!row) throw new Error('the demo is missing a record this test needs');
  return row;
};

/** An id of `table` in household `householdId`. */
async function anyId(store: Store, table: string, householdId: string): Promise<string> {
  // biome-ignore lint/suspicious/noExplicitAny: generic over the tables
  const db = store.db as any;
  const row = await first<{ id: string }>(
    db
      .selectFrom(table)
      .select('id')
      .where('household_id', '=', householdId)
      .orderBy('id')
      .limit(1)
      .execute(),
  );
  return row.id;
}

describe.each(BACKENDS)('references stay inside their household by the keys, on %s', (backend) => {
  it('holds every plain reference with a foreign key as a composite key on (household_id, id)', async () => {
    const { store, cleanup } = await openTestStore(backend);
    try {
      const keys = await foreignKeys(store);
      const key = (table: string, column: string) =>
        keys.filter((k) => k.table === table && k.columns.includes(column));
      // Every required plain reference of the declarations (a new one too) is held by a composite key...
      for (const ref of RECORD_REFERENCES.filter((r) => r.strength === 'required' && !referenceIsJson(r))) {
        const column = referenceColumn(ref);
        expect(key(ref.table, column), `${ref.table}.${column}`).toEqual([
          {
            table: ref.table,
            columns: ['household_id', column],
            target: ref.target,
            targetColumns: ['household_id', 'id'],
          },
        ]);
      }
      // ...and no key between household records names id alone any more.
      const records = new Set<string>(RECORD_REFERENCES.map((r) => r.table));
      const single = keys.filter(
        (k) => records.has(k.table) && k.columns.length === 1 && k.target !== 'household',
      );
      expect(single).toEqual([]);
    } finally {
      await cleanup();
    }
  });

  it('refuses, with a foreign-key error, a row written by SQL that names another household’s row', async () => {
    const env = await openTestEnv(backend);
    try {
      const a = await seedDemoHousehold(env.store, clock, env.owner.userId);
      const b = await seedDemoHousehold(env.store, clock);
      await insertExtras(env.store, a.householdId, a.childId);
      // biome-ignore lint/suspicious/noExplicitAny: generic over the tables
      const db = env.store.db as any;
      const before = await rowCounts(env.store);
      let tried = 0;
      for (const k of COMPOSITE_KEYS) {
        const idColumn = k.table === 'living_iep_notes' ? 'child_id' : 'id';
        const row = await first<{ key: string; value: string }>(
          db
            .selectFrom(k.table)
            .select([`${idColumn} as key`, `${k.column} as value`])
            .where('household_id', '=', a.householdId)
            .where(k.column, 'is not', null)
            .limit(1)
            .execute(),
        );
        const theirs = await anyId(env.store, k.target, b.householdId);
        // (A plan's version numbers are unique per plan: a moved version takes a number of its own.)
        const extra = k.table === 'plan_version' ? { version_number: 999 } : {};
        const update = db
          .updateTable(k.table)
          .set({ [k.column]: theirs, ...extra })
          .where(idColumn, '=', row.key)
          .execute();
        await expect(update, `${k.table}.${k.column}`).rejects.toThrow(/foreign key/i);
        // The same statement naming a row of its own household passes: it is the household that fails.
        const ours = await anyId(env.store, k.target, a.householdId);
        if (k.table !== 'living_iep_notes')
          await db
            .updateTable(k.table)
            .set({ [k.column]: ours })
            .where(idColumn, '=', row.key)
            .execute();
        await db
          .updateTable(k.table)
          .set({ [k.column]: row.value })
          .where(idColumn, '=', row.key)
          .execute();
        tried++;
      }
      expect(tried).toBe(COMPOSITE_KEYS.length);
      // A new row naming another household's child, and a row moved to another household, fail too.
      await expect(insertExtras(env.store, a.householdId, b.childId)).rejects.toThrow(/foreign key/i);
      await expect(
        db
          .updateTable('service')
          .set({ household_id: b.householdId })
          .where('id', '=', a.services.speech)
          .execute(),
      ).rejects.toThrow(/foreign key/i);
      expect(await rowCounts(env.store)).toEqual(before);
    } finally {
      await env.close();
    }
  });

  it('answers 404 naming the field when a request names another household’s record', async () => {
    const env = await openTestEnv(backend);
    try {
      const a = await seedDemoHousehold(env.store, clock, env.owner.userId);
      const b = await seedDemoHousehold(env.store, clock);
      const before = await rowCounts(env.store);
      const api = (path: string) => `/api/households/${a.householdId}${path}`;
      const attempts: { path: string; field: string; body: Record<string, unknown> }[] = [];
      // Every record type with a parent: one of A's records, posted again naming B's parent.
      const serverSet = ['id', 'householdId', 'createdAt', 'updatedAt', 'voidedAt', 'voidedBy', 'voidNote'];
      for (const def of Object.values(RESOURCES)) {
        if (!def.parent) continue;
        const list = await call(env, 'GET', api(`/${def.path}`));
        expect(list.status, def.path).toBe(200);
        const items = (Array.isArray(list.body) ? list.body : list.body.items) as Record<string, unknown>[];
        const sample = items[0];
        const body: Record<string, unknown> = sample
          ? Object.fromEntries(Object.entries(sample).filter(([k]) => !serverSet.includes(k)))
          : { date: '2026-11-03' };
        body[def.parent.key] = await anyId(env.store, def.parent.table, b.householdId);
        attempts.push({ path: `/${def.path}`, field: def.parent.key, body });
      }
      attempts.push({
        path: '/sessions',
        field: 'serviceId',
        body: { serviceId: b.services.speech, date: '2026-11-03' },
      });
      expect(attempts.length).toBeGreaterThanOrEqual(18);
      for (const attempt of attempts) {
        const res = await call(env, 'POST', api(attempt.path), attempt.body);
        expect(res.status, `${attempt.path}: ${JSON.stringify(res.body)}`).toBe(404);
        expect(res.body.error.fields[0].path, attempt.path).toBe(attempt.field);
      }
      expect(await rowCounts(env.store)).toEqual(before);
    } finally {
      await env.close();
    }
  });

  it('refuses to restore a backup edited to hold such a row, leaving the database as it was', async () => {
    const env = await openTestEnv(backend);
    const target = await openTestStore(backend);
    try {
      const a = await seedDemoHousehold(env.store, clock, env.owner.userId);
      const b = await seedDemoHousehold(env.store, clock);
      const opened = openBackup(await createBackup(env.store, { createdAt: TEST_NOW }));
      const edited = (edit: (tables: Record<string, Record<string, unknown>[]>) => void) => {
        const dump = JSON.parse(JSON.stringify(opened.dump)) as typeof opened.dump;
        edit(dump.tables);
        return { header: opened.header, dump };
      };
      const bEntry = await anyId(env.store, 'session_entry', b.householdId);
      const hostile = [
        // A key holds it: the insert fails.
        edited((t) => {
          const service = t.service!.find((s) => s.id === a.services.speech)!;
          service.plan_id = b.planId;
        }),
        // No key can (a link that may outlive what it names): the restore's own check refuses it.
        edited((t) => {
          const entry = t.session_entry!.find((s) => s.household_id === a.householdId)!;
          entry.corrects_entry_id = bEntry;
        }),
      ];
      const empty = await rowCounts(target.store);
      const full = await rowCounts(env.store);
      const everything = await everyRow(env.store);
      for (const backup of hostile) {
        const into = restoreBackup(target.store, backup);
        await expect(into).rejects.toThrow(BackupError);
        await expect(into).rejects.toThrow(/another household/);
        expect(await rowCounts(target.store)).toEqual(empty);
        await expect(restoreBackup(env.store, backup, { replace: true })).rejects.toThrow(
          /another household/,
        );
        expect(await everyRow(env.store)).toEqual(everything);
      }
      // The backup as taken restores.
      await restoreBackup(target.store, opened);
      expect(await rowCounts(target.store)).toEqual(full);
    } finally {
      await target.cleanup();
      await env.close();
    }
  });

  it('upgrades a database made at the previous migration, keeping every row, to the schema of a new one', async () => {
    const old = await openOldStore(backend);
    const fresh = await openTestStore(backend);
    try {
      const a = await seedDemoHousehold(old.store, clock);
      const b = await seedDemoHousehold(old.store, clock);
      await insertExtras(old.store, a.householdId, a.childId);
      const rows = await everyRow(old.store);
      expect(Object.values(rows).flat().length).toBeGreaterThan(500);
      await migrateToLatest(old.store);
      // Every row kept; the tables of later migrations (0016's job_input) start empty.
      const after = await everyRow(old.store);
      // Columns later migrations add to these tables (0019's plan_version.source_attachment_id, 0020's
      // school_calendar.terms) hold their default in every row kept; the rest of each row is as it was.
      const ADDED_DEFAULTS: Record<string, unknown> = { 'school_calendar.terms': '[]' };
      const asBefore = (table: string) => {
        const columns = new Set(Object.keys(JSON.parse((rows[table] as string[])[0] ?? '{}')));
        return (after[table] as string[])
          .map((text) => {
            const row = JSON.parse(text) as Record<string, unknown>;
            for (const [column, value] of Object.entries(row))
              if (!columns.has(column)) {
                expect(value, `${table}.${column}`).toEqual(ADDED_DEFAULTS[`${table}.${column}`] ?? null);
                delete row[column];
              }
            return JSON.stringify(row);
          })
          .sort();
      };
      expect(Object.fromEntries(Object.keys(rows).map((t) => [t, asBefore(t)]))).toEqual(rows);
      for (const table of Object.keys(after).filter((t) => !(t in rows))) expect(after[table]).toEqual([]);
      expect(await schemaOf(old.store)).toEqual(await schemaOf(fresh.store));
      // The journal still accounts for every record (but the extras, written here without a journal).
      expect((await verifyHousehold(old.store, b.householdId)).ok).toBe(true);
      const problems = (await verifyHousehold(old.store, a.householdId)).records.problems;
      expect(new Set(problems.map((p) => p.table))).toEqual(new Set(EXTRA_TABLES));
      // And the upgraded database holds its keys.
      await expect(
        old.store.db
          .updateTable('service')
          .set({ plan_id: b.planId })
          .where('id', '=', a.services.speech)
          .execute(),
      ).rejects.toThrow(/foreign key/i);
    } finally {
      await old.store.close();
      await old.cleanup();
      await fresh.cleanup();
    }
  });

  it('refuses to upgrade while a row names another household, changing nothing, until repair removes it', async () => {
    const old = await openOldStore(backend);
    try {
      const a = await seedDemoHousehold(old.store, clock);
      const b = await seedDemoHousehold(old.store, clock);
      // What an import before imports checked references could write: A's speech service in B's plan.
      await old.store.db
        .updateTable('service')
        .set({ plan_id: b.planId })
        .where('id', '=', a.services.speech)
        .execute();
      const rows = await everyRow(old.store);
      const schema = await schemaOf(old.store);
      const refused = migrateToLatest(old.store);
      await expect(refused).rejects.toThrow(/1 record\(s\) name a record of another household/);
      await expect(refused).rejects.toThrow(`service ${a.services.speech} (plan_id ${b.planId})`);
      await expect(refused).rejects.toThrow(
        /Nothing was changed\. Run "as-written repair --cross-household"/,
      );
      expect(await everyRow(old.store)).toEqual(rows);
      expect(await schemaOf(old.store)).toEqual(schema);

      let store = old.store;
      if (old.file) {
        // The command the message names, on the file: it migrates as far as it can, repairs, finishes.
        await store.close();
        const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', AS_WRITTEN_DB: old.file };
        delete env.DATABASE_URL;
        const dry = await run(process.execPath, [BIN, 'repair', '--cross-household', '--dry-run'], { env });
        expect(dry.stdout).toContain(`service ${a.services.speech}: planId names ${b.planId}`);
        const repaired = await run(process.execPath, [BIN, 'repair', '--cross-household'], { env });
        expect(repaired.stdout).toContain(`removed service ${a.services.speech}`);
        store = await openStore({ kind: 'sqlite', file: old.file });
      } else {
        await migrateBefore(store, HOUSEHOLD_KEYS_MIGRATION);
        const removed = await removeCrossHouseholdReferences(store, {
          now: TEST_NOW,
          newId: idSource(clock),
        });
        expect(removed.map((r) => r.id)).toContain(a.services.speech);
        await migrateToLatest(store);
      }
      try {
        // The service is gone (with A's sessions of it), each removal journaled; B is untouched.
        const service = await store.db
          .selectFrom('service')
          .select('id')
          .where('id', '=', a.services.speech)
          .execute();
        expect(service).toEqual([]);
        const journaled = await store.db
          .selectFrom('journal')
          .select('entity_id')
          .where('household_id', '=', a.householdId)
          .where('actor', '=', 'system:repair')
          .execute();
        expect(journaled.map((j) => j.entity_id)).toContain(a.services.speech);
        const keys = await foreignKeys(store);
        expect(keys.find((k) => k.table === 'service' && k.columns.includes('plan_id'))?.columns).toEqual([
          'household_id',
          'plan_id',
        ]);
        for (const h of [a.householdId, b.householdId]) {
          const report = await verifyHousehold(store, h);
          expect(report.ok, JSON.stringify(report).slice(0, 1000)).toBe(true);
        }
      } finally {
        await store.close();
      }
    } finally {
      await old.cleanup();
    }
  });
});
