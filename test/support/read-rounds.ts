import type { CompiledQuery, DatabaseConnection, Driver, Kysely, QueryResult } from 'kysely';
import type { Store } from '../../src/store/database.ts';
import { kyselyOverDriver } from '../../src/store/read-memo.ts';
import type { Database } from '../../src/store/schema.ts';

// How many round trips a piece of work waits for one after another, whatever the database's speed: a
// view of the store that holds every read until the work has nothing more to do without an answer, then
// answers all the reads held, together, as one round. Reads asked for side by side fall in one round; a
// read asked for only after another's answer falls in the next. On PostgreSQL each round is at least one
// wait on the server (and under load, a wait for a connection of the pool), so the rounds, not the reads,
// are what a user waits for.

type Held = {
  query: CompiledQuery;
  resolve: (r: QueryResult<unknown>) => void;
  reject: (e: unknown) => void;
};

class RoundsConnection implements DatabaseConnection {
  rounds = 0;
  reads = 0;
  #held: Held[] = [];
  constructor(readonly source: Kysely<Database>) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return new Promise((resolve, reject) => {
      this.#held.push({ query, resolve: resolve as Held['resolve'], reject });
      // A timer runs after every promise reaction of the work so far: whatever it asks for without an answer
      // is held by then.
      if (this.#held.length === 1) setTimeout(() => void this.#answer(), 0);
    });
  }

  async #answer() {
    const round = this.#held.splice(0);
    this.rounds++;
    this.reads += round.length;
    // Every answer of the round is handed over at once, so the reads the answers lead to gather together.
    const answers = await Promise.allSettled(round.map((h) => this.source.executeQuery(h.query)));
    for (const [i, answer] of answers.entries())
      if (answer.status === 'fulfilled') round[i]!.resolve(answer.value);
      else round[i]!.reject(answer.reason);
  }

  // biome-ignore lint/correctness/useYield: never streams
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the rounds view does not stream');
  }
}

/** The store seen through a rounds view, and the rounds and reads counted since the last `reset`. */
export function withReadRounds(store: Store): {
  store: Store;
  rounds(): number;
  reads(): number;
  reset(): void;
} {
  let connection = new RoundsConnection(store.db);
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {
      throw new Error('the rounds view only reads');
    },
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const db = kyselyOverDriver(store, driver);
  return {
    store: { ...store, db, close: async () => {} },
    rounds: () => connection.rounds,
    reads: () => connection.reads,
    reset: () => {
      connection = new RoundsConnection(store.db);
    },
  };
}
