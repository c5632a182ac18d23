import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/server/app.ts';
import { type Clock, fixedClock } from '../../src/server/context.ts';
import { openStore, type Store } from '../../src/store/database.ts';

// Every integration case runs on both backends: a real SQLite file and a real PostgreSQL
// database (each test gets its own schema, dropped afterwards).

export const BACKENDS = ['sqlite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Today, for tests: a fixed instant after the demo's two months of entries. */
export const TEST_NOW = '2026-11-29T15:00:00.000Z';

export type TestEnv = {
  store: Store;
  app: FastifyInstance;
  clock: Clock;
  close(): Promise<void>;
};

export async function openTestStore(backend: Backend): Promise<{ store: Store; cleanup(): Promise<void> }> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'as-written-test-'));
    const store = await openStore({ kind: 'sqlite', file: join(dir, 'test.db') });
    return {
      store,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const store = await openStore({ kind: 'postgres', url: TEST_DATABASE_URL, schema });
  return {
    store,
    cleanup: async () => {
      await store.close();
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

export async function openTestEnv(backend: Backend, clock: Clock = fixedClock(TEST_NOW)): Promise<TestEnv> {
  const { store, cleanup } = await openTestStore(backend);
  const app = await buildApp({ store, clock, logger: false });
  return {
    store,
    app,
    clock,
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: test bodies are inspected loosely
type InjectResult = { status: number; body: any };

/** JSON request helper: returns status and parsed body. */
export async function call(
  app: FastifyInstance,
  method: string,
  url: string,
  payload?: unknown,
): Promise<InjectResult> {
  const response = await app.inject({
    method: method as 'GET',
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  const text = response.body;
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON; leave as text
  }
  return { status: response.statusCode, body };
}

/** Count rows in every table, to show that a refused request wrote nothing. */
export async function rowCounts(store: Store): Promise<Record<string, number>> {
  const tables = [
    'household',
    'child',
    'plan',
    'plan_version',
    'service',
    'accommodation',
    'goal',
    'behavior_step',
    'team_contact',
    'key_date',
    'school_calendar',
    'calendar_event',
    'session_entry',
    'journal',
  ] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await store.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}
