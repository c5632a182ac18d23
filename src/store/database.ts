import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteStatement,
  sql,
} from 'kysely';
import pg from 'pg';
import * as foundation from './migrations/0001-foundation.ts';
import * as accounts from './migrations/0002-accounts.ts';
import * as observations from './migrations/0003-observations.ts';
import * as evidence from './migrations/0004-evidence.ts';
import * as communications from './migrations/0005-communications.ts';
import * as journalChain from './migrations/0006-journal-chain.ts';
import * as livingIep from './migrations/0007-living-iep.ts';
import * as crossHouseholdCheck from './migrations/0008-cross-household-check.ts';
import * as corrections from './migrations/0009-corrections.ts';
import * as nonSchoolDayConfirmed from './migrations/0010-non-school-day-confirmed.ts';
import * as holdingReplies from './migrations/0011-holding-replies.ts';
import * as absencesAndReceipt from './migrations/0012-absences-and-receipt.ts';
import * as lettersProtectTheParent from './migrations/0013-letters-protect-the-parent.ts';
import * as jobs from './migrations/0014-jobs.ts';
import * as householdForeignKeys from './migrations/0015-household-foreign-keys.ts';
import * as jobInput from './migrations/0016-job-input.ts';
import * as districtCalendars from './migrations/0017-district-calendars.ts';
import * as iepDocuments from './migrations/0018-iep-documents.ts';
import * as planVersionSource from './migrations/0019-plan-version-source.ts';
import * as schoolTerms from './migrations/0020-school-terms.ts';
import * as accountLanguage from './migrations/0021-account-language.ts';
import * as rateLimits from './migrations/0022-rate-limits.ts';
import * as serviceLogs from './migrations/0023-service-logs.ts';
import * as householdReadIndexes from './migrations/0024-household-read-indexes.ts';
import * as childPlanIndexes from './migrations/0025-child-plan-indexes.ts';
import * as ledgerCoveringIndex from './migrations/0026-ledger-covering-index.ts';
import * as entryCorrectionIndex from './migrations/0027-entry-correction-index.ts';
import { type PreparedStatements, preparedStatementPool } from './pg-prepared.ts';
import type { Database } from './schema.ts';

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | {
      kind: 'postgres';
      url: string;
      /** A schema to create and use (tests use one per file so they can run side by side). */
      schema?: string;
      /**
       * Whether statements are prepared once per connection (src/store/pg-prepared.ts; on by default):
       * off behind a connection pooler that cannot keep them (PgBouncer in transaction mode before 1.21).
       */
      preparedStatements?: boolean;
    };

export type Store = {
  db: Kysely<Database>;
  kind: DatabaseConfig['kind'];
  /** The PostgreSQL schema in use, when not the default. */
  schema?: string;
  /** PostgreSQL's connection pool (the job queue, pg-boss, runs its own statements on it). */
  pgPool?: pg.Pool;
  /** PostgreSQL's statements prepared once per connection, paused while migrations run (pg-prepared.ts). */
  preparedStatements?: Pick<PreparedStatements, 'pause' | 'resume'>;
  close(): Promise<void>;
};

/**
 * A migration, with how `verify`'s journal replay treats the data it adds or changes
 * (docs/paper-trail.md): `replay` says it in a sentence or two; `replayDefaults` gives, for a field it
 * added to rows that already had journal entries (`table.field`, the field's name in the journal
 * data), the value replay reads when an older entry lacks the field.
 */
export type RegisteredMigration = Migration & {
  replay: string;
  replayDefaults?: Readonly<Record<string, unknown>>;
};

// Listed here rather than read from the folder so that the set of migrations is part of the code
// (no runtime directory scan, works the same from any working directory).
export const MIGRATIONS: Record<string, RegisteredMigration> = {
  '0001-foundation': foundation,
  '0002-accounts': accounts,
  '0003-observations': observations,
  '0004-evidence': evidence,
  '0005-communications': communications,
  '0006-journal-chain': journalChain,
  '0007-living-iep': livingIep,
  '0008-cross-household-check': crossHouseholdCheck,
  '0009-corrections': corrections,
  '0010-non-school-day-confirmed': nonSchoolDayConfirmed,
  '0011-holding-replies': holdingReplies,
  '0012-absences-and-receipt': absencesAndReceipt,
  '0013-letters-protect-the-parent': lettersProtectTheParent,
  '0014-jobs': jobs,
  '0015-household-foreign-keys': householdForeignKeys,
  '0016-job-input': jobInput,
  '0017-district-calendars': districtCalendars,
  '0018-iep-documents': iepDocuments,
  '0019-plan-version-source': planVersionSource,
  '0020-school-terms': schoolTerms,
  '0021-account-language': accountLanguage,
  '0022-rate-limits': rateLimits,
  '0023-service-logs': serviceLogs,
  '0024-household-read-indexes': householdReadIndexes,
  '0025-child-plan-indexes': childPlanIndexes,
  '0026-ledger-covering-index': ledgerCoveringIndex,
  '0027-entry-correction-index': entryCorrectionIndex,
};

/** The migration that makes keys composite; it refuses while rows name another household (see the file). */
export const HOUSEHOLD_KEYS_MIGRATION = '0015-household-foreign-keys';

/** Every migration's `replayDefaults`, in one map for the journal replay. */
export const REPLAY_DEFAULTS: Readonly<Record<string, unknown>> = Object.assign(
  {},
  ...Object.values(MIGRATIONS).map((m) => m.replayDefaults ?? {}),
);

const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

/** Read the backend choice from the environment: DATABASE_URL selects PostgreSQL, else an SQLite file. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        'DATABASE_URL must start with postgres:// (leave it unset to use the embedded SQLite file)',
      );
    }
    const prepared = env.AS_WRITTEN_PG_PREPARED_STATEMENTS?.trim().toLowerCase();
    if (prepared && prepared !== 'on' && prepared !== 'off') {
      throw new Error('AS_WRITTEN_PG_PREPARED_STATEMENTS must be on or off (leave it unset for on)');
    }
    return { kind: 'postgres', url, ...(prepared === 'off' ? { preparedStatements: false } : {}) };
  }
  return { kind: 'sqlite', file: env.AS_WRITTEN_DB?.trim() || './data/as-written.db' };
}

/** How many prepared statements a SQLite connection keeps (the app has a few hundred distinct ones). */
const STATEMENT_CACHE_SIZE = 1_000;

/**
 * A read whose rows better-sqlite3 hands over as arrays, made into objects here. better-sqlite3 builds
 * each row object in C++ one property at a time, and for a read of many rows that was most of its cost
 * (the ledger's read of a district's entries: 54% of the ledger's time in `stmt.all()`); the same rows
 * as arrays, then objects made in JavaScript that all share one shape, cost 35-50% less. Only for a
 * text whose select list names its columns (no `*`): the rows' keys then come from the text itself and
 * stay the same when SQLite prepares the statement again after a migration, whereas `select *` takes
 * its columns from the table as it is then, so such a read keeps better-sqlite3's objects. (Asking for
 * the columns of a `select *` is not enough: after another connection changed the table, a statement
 * prepared here still has the old columns until it runs and SQLite prepares it again.) A column
 * named twice keeps its first place and its last value, as better-sqlite3 gives it.
 */
function rowsAsArrays(statement: SQLite.Statement): SqliteStatement {
  const names = statement.columns().map((c) => c.name);
  const n = names.length;
  statement.raw(true);
  const toObject = (values: unknown[]): Record<string, unknown> => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) row[names[i]!] = values[i];
    return row;
  };
  return {
    reader: true,
    all(parameters) {
      const rows = statement.all(parameters) as unknown[][];
      const out = new Array<Record<string, unknown>>(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = toObject(rows[i]!);
      return out;
    },
    run: (parameters) => statement.run(parameters),
    *iterate(parameters) {
      for (const values of statement.iterate(parameters) as IterableIterator<unknown[]>)
        yield toObject(values);
    },
  };
}

/** Whether a statement's rows can come as arrays (rowsAsArrays): a read that names its columns. */
function namesItsColumns(text: string, statement: SQLite.Statement): boolean {
  if (!statement.reader || text.includes('*')) return false;
  // An object's own key, never its prototype: a column so named keeps better-sqlite3's objects.
  return !statement.columns().some((c) => c.name === '__proto__');
}

/**
 * The connection as Kysely's SQLite driver sees it, with each statement prepared once and kept: the
 * driver prepares the text of every query it runs, and on a screen that runs a hundred small reads,
 * preparing cost as much as running them (a profile of the caseload: 20% of its time). One connection runs
 * one statement at a time (better-sqlite3 refuses another while one is being read), so a kept statement is
 * never in use twice. The least recently used goes when the cache is full. SQLite prepares a kept statement
 * again by itself after the schema changes (a migration). A read that names its columns gives its rows
 * as arrays, made into objects here (rowsAsArrays).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = kept.get(text);
      if (statement) {
        // Most recently used last: a Map keeps insertion order.
        kept.delete(text);
      } else {
        const prepared = sqlite.prepare(text);
        statement = namesItsColumns(text, prepared) ? rowsAsArrays(prepared) : prepared;
        if (kept.size >= STATEMENT_CACHE_SIZE) kept.delete(kept.keys().next().value!);
      }
      kept.set(text, statement);
      return statement;
    },
  };
}

export async function openStore(config: DatabaseConfig, options: { migrate?: boolean } = {}): Promise<Store> {
  let db: Kysely<Database>;
  let pgPool: pg.Pool | undefined;
  let prepared: PreparedStatements | undefined;
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    const sqlite = new SQLite(config.file);
    // WAL lets readers run while a write commits; synchronous=NORMAL is durable in WAL mode
    // across application crashes (an OS crash may lose the last commits, never corrupt).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  } else {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    });
    if (config.schema) {
      if (!/^[a-z_][a-z0-9_]*$/.test(config.schema)) throw new Error(`invalid schema name: ${config.schema}`);
      const client = await pool.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${config.schema}`);
      } finally {
        client.release();
      }
    }
    if (config.preparedStatements !== false) prepared = preparedStatementPool(pool);
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: prepared?.pool ?? pool }) });
    pgPool = pool;
  }
  const store: Store = {
    db,
    kind: config.kind,
    ...(config.kind === 'postgres' && config.schema ? { schema: config.schema } : {}),
    ...(pgPool ? { pgPool } : {}),
    ...(prepared ? { preparedStatements: prepared } : {}),
    close: () => db.destroy(),
  };
  if (options.migrate !== false) await migrateToLatest(store);
  else prepared?.resume();
  return store;
}

export async function migrateToLatest(store: Store): Promise<void> {
  store.preparedStatements?.pause();
  try {
    await migrateToLatestNow(store);
  } finally {
    store.preparedStatements?.resume();
  }
}

async function migrateToLatestNow(store: Store): Promise<void> {
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider,
    // Kysely looks for its bookkeeping tables across schemas; name ours so that databases
    // sharing a server (tests run one schema each) never see each other's.
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? failed?.migrationName);
    throw new Error(`database migration failed: ${reason}`);
  }
}

/**
 * Run the migrations not run yet that come before `name`, and no further (never back: a database past
 * it is left as it is). `as-written repair --cross-household` uses it to repair a database that
 * HOUSEHOLD_KEYS_MIGRATION refuses, then migrates to the end.
 */
export async function migrateBefore(store: Store, name: string): Promise<void> {
  store.preparedStatements?.pause();
  try {
    await migrateBeforeNow(store, name);
  } finally {
    store.preparedStatements?.resume();
  }
}

async function migrateBeforeNow(store: Store, name: string): Promise<void> {
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider,
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
  const all = await migrator.getMigrations();
  const at = all.findIndex((m) => m.name === name);
  if (at < 0) throw new Error(`no migration named ${name}`);
  if (all[at]!.executedAt || at === 0) return;
  const previous = all[at - 1]!;
  if (previous.executedAt) return;
  const { error, results } = await migrator.migrateTo(previous.name);
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? failed?.migrationName);
    throw new Error(`database migration failed: ${reason}`);
  }
}

/** A cheap round trip used by the health check. */
export async function pingStore(store: Store): Promise<void> {
  await store.db.selectFrom('household').select('id').limit(1).execute();
}

/**
 * Which of this code's migrations the database has not run (`pending`), and which migrations it has
 * run that this code does not know (`unknown`: a newer version of the app migrated it). Both empty:
 * the database is as this code expects (GET /api/ready).
 */
export async function migrationState(store: Store): Promise<{ pending: string[]; unknown: string[] }> {
  const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
  const ran = new Set(rows.rows.map((r) => r.name));
  const known = Object.keys(MIGRATIONS);
  return {
    pending: known.filter((name) => !ran.has(name)),
    unknown: [...ran].filter((name) => !(name in MIGRATIONS)).sort(),
  };
}
