import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Store } from './database.ts';
import type { Database } from './schema.ts';

// A read-only view of the store for work that reads one household many times over: the advocate's
// caseload gathers, for each child, what the week, ledger, messages and advisor screens each read, and
// they read the same plan, services, calendar and entries again (108 statements a child, 44 of them
// distinct). Through this view each distinct read (the same SQL with the same values) runs once; a repeat
// gets a copy of the first answer's rows, so a caller that changes a row it was given changes only its own.
// It writes nothing: an insert, update or delete through it is an error. Made for one unit of work and
// dropped after it, so an answer is never older than that unit.

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

class MemoConnection implements DatabaseConnection {
  readonly #answers = new Map<string, Promise<QueryResult<unknown>>>();
  constructor(readonly source: Kysely<Database>) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (WRITES.has(query.query.kind)) throw new Error('this view of the store only reads');
    const key = `${query.sql}\u0000${JSON.stringify(query.parameters)}`;
    let answer = this.#answers.get(key);
    if (!answer) {
      answer = this.source.executeQuery(query);
      this.#answers.set(key, answer);
      // A read that failed is not kept: asked again, it runs again.
      answer.catch(() => this.#answers.delete(key));
    }
    const { rows, ...rest } = await answer;
    return { ...rest, rows: rows.map((row) => ({ ...(row as object) })) as R[] };
  }

  // biome-ignore lint/correctness/useYield: a stream is not offered by a read memo
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('this view of the store does not stream');
  }
}

class MemoDriver implements Driver {
  readonly #connection: MemoConnection;
  constructor(source: Kysely<Database>) {
    this.#connection = new MemoConnection(source);
  }
  async init() {}
  async acquireConnection() {
    return this.#connection;
  }
  async beginTransaction() {
    throw new Error('this view of the store only reads');
  }
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}

/** Each memo view, with the values derived from its reads (see onceInView). */
const memoViews = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Whether `db` is a read memo's view. A repository may then read a wider set once (a child's entries
 * whole, a household's plans and their content) and narrow it in code, so that readers asking for
 * different ranges or shapes of it share one read.
 */
export function isReadMemo(db: object): boolean {
  return memoViews.has(db);
}

/**
 * A value derived from reads (a plan's versions with their content, a calendar's index), made once per
 * memo view under `key` and shared by every caller after the first, who must treat it as read-only;
 * outside a memo view, made each time. A derivation that fails is not kept.
 */
export function onceInView<T>(db: object, key: string, make: () => Promise<T>): Promise<T> {
  const derived = memoViews.get(db);
  if (!derived) return make();
  let value = derived.get(key) as Promise<T> | undefined;
  if (!value) {
    value = make();
    derived.set(key, value);
    value.catch(() => derived.delete(key));
  }
  return value;
}

/**
 * A Kysely over a driver of the caller's own, compiling SQL for the store's database: how a view of the
 * store (this read memo, or a test's view that counts round trips) sits between the repositories and the
 * store's own connection while the repositories stay unaware of it.
 */
export function kyselyOverDriver(store: Store, driver: Driver): Kysely<Database> {
  const postgres = store.kind === 'postgres';
  const dialect: Dialect = {
    createDriver: () => driver,
    createAdapter: () => (postgres ? new PostgresAdapter() : new SqliteAdapter()),
    createQueryCompiler: () => (postgres ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
    createIntrospector: (db) => (postgres ? new PostgresIntrospector(db) : new SqliteIntrospector(db)),
  };
  return new Kysely<Database>({ dialect });
}

/** The store as a read-only view whose repeated reads run once (for one unit of work: see above). */
export function withReadMemo(store: Store): Store {
  const db = kyselyOverDriver(store, new MemoDriver(store.db));
  memoViews.set(db, new Map());
  return { ...store, db, close: async () => {} };
}
