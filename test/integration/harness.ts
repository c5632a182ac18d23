import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/server/app.ts';
import { captureMailer } from '../../src/server/auth/mailer.ts';
import { type Clock, fixedClock, idSource } from '../../src/server/context.ts';
import type { FetchPolicy } from '../../src/server/fetch/guarded-fetch.ts';
import { createUser } from '../../src/server/services/accounts.ts';
import { openStore, type Store } from '../../src/store/database.ts';

// Every integration case runs on both backends: a real SQLite file and a real PostgreSQL
// database (each test gets its own schema, dropped afterwards).

export const BACKENDS = ['sqlite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Today, for tests: a fixed instant after the demo's two months of entries. */
export const TEST_NOW = '2026-11-29T15:00:00.000Z';

/** A signed-in browser: its session cookie and CSRF token. */
export type Principal = { userId: string; email: string; cookie: string; csrfToken: string };

export type TestEnv = {
  store: Store;
  app: FastifyInstance;
  clock: Clock;
  mailer: ReturnType<typeof captureMailer>;
  /** The first account, made through the setup flow; requests through `call(env, ...)` use it. */
  owner: Principal;
  /** The owner's first household, made by setup. */
  householdId: string;
  close(): Promise<void>;
};

export const TEST_PASSWORD = 'correct horse battery staple';

function sessionCookieOf(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const pair = header?.split(';')[0];
  if (!pair) throw new Error('no session cookie was set');
  return pair;
}

/** Sign in through the API and return the browser state. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<Principal> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const body = JSON.parse(res.body);
  return {
    userId: body.user.id,
    email,
    cookie: sessionCookieOf(res.headers['set-cookie']),
    csrfToken: body.csrfToken,
  };
}

/** Create an account directly (no invitation), optionally a member of a household with a role. */
export async function createAccount(
  env: TestEnv,
  email: string,
  membership?: { householdId: string; role: string },
): Promise<Principal> {
  const { user } = await createUser(
    env.store,
    { clock: env.clock, newId: idSource(env.clock) },
    { email, displayName: email.split('@')[0]!, password: TEST_PASSWORD },
  );
  if (membership) await addMember(env, membership.householdId, user.id, membership.role);
  return signIn(env.app, email);
}

export async function addMember(env: TestEnv, householdId: string, userId: string, role: string) {
  const at = env.clock.now();
  await env.store.db
    .insertInto('membership')
    .values({
      id: idSource(env.clock)(),
      household_id: householdId,
      user_id: userId,
      role,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

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

export async function openTestEnv(
  backend: Backend,
  clock: Clock = fixedClock(TEST_NOW),
  options: {
    uploadLimitBytes?: number;
    fetchPolicy?: Partial<FetchPolicy>;
    iepUploadLimitBytes?: number;
    iepRead?: { timeoutMs?: number; maxHeapMb?: number };
    /** The bearer token GET /metrics asks for (unset: the route answers 404). */
    metricsToken?: string;
  } = {},
): Promise<TestEnv> {
  const { store, cleanup } = await openTestStore(backend);
  const mailer = captureMailer();
  const app = await buildApp({ store, clock, logger: false, mailer, ...options });
  const setup = await app.inject({
    method: 'POST',
    url: '/api/auth/setup',
    payload: {
      email: 'owner@example.org',
      displayName: 'Olivia Owner',
      password: TEST_PASSWORD,
      householdName: 'Owner family',
    },
  });
  if (setup.statusCode !== 201) throw new Error(`setup failed: ${setup.statusCode} ${setup.body}`);
  const body = JSON.parse(setup.body);
  const owner: Principal = {
    userId: body.user.id,
    email: 'owner@example.org',
    cookie: sessionCookieOf(setup.headers['set-cookie']),
    csrfToken: body.csrfToken,
  };
  return {
    store,
    app,
    clock,
    mailer,
    owner,
    householdId: body.households[0].id,
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: test bodies are inspected loosely
type InjectResult = { status: number; body: any };

/**
 * JSON request helper: returns status and parsed body. With a TestEnv the request is made as its
 * owner (or as `as`: another principal, or null for anonymous); with a bare app, anonymously.
 */
export async function call(
  target: TestEnv | FastifyInstance,
  method: string,
  url: string,
  payload?: unknown,
  as?: Principal | null,
): Promise<InjectResult> {
  const isEnv = 'owner' in target && 'store' in target;
  const app = isEnv ? (target as TestEnv).app : (target as FastifyInstance);
  const principal = as !== undefined ? as : isEnv ? (target as TestEnv).owner : null;
  const headers: Record<string, string> = {};
  // A Buffer is a file upload: its bytes are the body.
  if (Buffer.isBuffer(payload)) headers['content-type'] = 'application/octet-stream';
  if (principal) {
    headers.cookie = principal.cookie;
    headers['x-csrf-token'] = principal.csrfToken;
  }
  const response = await app.inject({
    method: method as 'GET',
    url,
    headers,
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
    'district_calendar',
    'iep_document',
    'iep_document_bytes',
    'session_entry',
    'journal',
    'accommodation_observation',
    'behavior_incident',
    'class_period',
    'goal_progress',
    'attachment',
    'attachment_blob',
    'work_sample',
    'check_in',
    'communication',
    'parent_note',
    'letter',
    'household_settings',
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
