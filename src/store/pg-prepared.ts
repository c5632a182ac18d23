// PostgreSQL statements prepared once per connection (issue 18: the ledger on PostgreSQL within 2x of
// SQLite). Kysely sends each query's text with its parameters, which pg runs as an unnamed statement:
// the server parses and plans the text on every call. A screen runs dozens of small reads, and the
// caseload thousands, so parsing and planning were about a third of the time on PostgreSQL. Here each
// read or write the app runs gets a name the first time a process sees its text, and pg prepares it on
// each connection once and then only binds and executes it (pg's named statements).
//
// What is left unnamed, and why:
// - a text without parameters (transaction control, migrations' DDL, a multi-statement script: a named
//   statement must be one statement), or that is not a select, insert, update, delete or with;
// - a text with more than MAX_PARAMETERS parameters (a list of ids of every length is a text of its
//   own: naming each would fill the server's memory with one-off statements);
// - every text once MAX_NAMED texts are named (a bound on what a connection keeps on the server);
// - everything while migrations run (`pause`): a statement prepared before a migration changes its
//   table's columns would fail ("cached plan must not change result type"). After them (`resume`) the
//   names begin again under a new prefix, so no statement prepared before is ever used again.
// A table changed outside the app's migrations (by hand, or a test that undoes one) gets the same:
// that error begins the names again, and the statement is run once more unnamed; inside a transaction,
// which the error has ended, the error is the caller's.

import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

const MAX_NAMED = 1_000;
const MAX_PARAMETERS = 64;
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;
/** PostgreSQL's "cached plan must not change result type" (feature_not_supported). */
const PLAN_CHANGED = '0A000';
function planChanged(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === PLAN_CHANGED && /cached plan must not change result type/.test(message ?? '');
}

/** "current transaction is aborted": the statement ran inside a transaction the error ended. */
const TRANSACTION_ABORTED = '25P02';

export type PreparedStatements = {
  /** The pool Kysely's PostgreSQL dialect is given. */
  pool: PostgresPool;
  /** Stops naming statements (while migrations run). */
  pause(): void;
  /** Names statements again, none of those named before a migration. */
  resume(): void;
};

export function preparedStatementPool(pool: pg.Pool): PreparedStatements {
  let names = new Map<string, string>();
  let generation = 0;
  let paused = true;
  const beginAgain = () => {
    generation++;
    names = new Map();
  };
  const nameOf = (text: string, parameters: number): string | null => {
    if (paused || parameters === 0 || parameters > MAX_PARAMETERS || !NAMEABLE.test(text)) return null;
    let name = names.get(text);
    if (name === undefined) {
      if (names.size >= MAX_NAMED) return null;
      name = `aw${generation}_${names.size}`;
      names.set(text, name);
    }
    return name;
  };
  // One wrapper per connection: Kysely keeps its connection object by the client it is given.
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let w = wrapped.get(client);
    if (w === undefined) {
      const query = (text: unknown, values?: readonly unknown[]) => {
        if (typeof text !== 'string') return client.query(text as pg.Submittable);
        const name = nameOf(text, values?.length ?? 0);
        if (name === null) return client.query(text, values as unknown[]);
        return client.query({ name, text, values: values as unknown[] }).catch(async (error: unknown) => {
          if (!planChanged(error)) throw error;
          beginAgain();
          try {
            return await client.query(text, values as unknown[]);
          } catch (again) {
            throw (again as { code?: string }).code === TRANSACTION_ABORTED ? error : again;
          }
        });
      };
      w = {
        query: query as unknown as PostgresPoolClient['query'],
        release: (...args: unknown[]) => client.release(args[0] as boolean | Error | undefined),
      } as PostgresPoolClient;
      wrapped.set(client, w);
    }
    return w;
  };
  return {
    pool: {
      connect: async () => wrap(await pool.connect()),
      end: () => pool.end(),
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      beginAgain();
    },
  };
}
