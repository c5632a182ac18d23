import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { fixedClock } from '../../src/server/context.ts';
import { createInProcessJobs } from '../../src/server/jobs/in-process.ts';
import { MIGRATIONS } from '../../src/store/database.ts';
import { BACKENDS, openTestEnv, openTestStore, TEST_NOW, type TestEnv } from './harness.ts';

// Running the server for an organisation (issue 18): /api/ready for a load balancer, /metrics for
// Prometheus behind its token, and the in-process job runner's schedules and graceful stop (the
// pg-boss runner's are in test/integration/pg-boss-jobs.test.ts and processes.test.ts).

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const LATEST = Object.keys(MIGRATIONS).at(-1)!;

describe.each(BACKENDS)('operations on %s', (backend) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await openTestEnv(backend);
  });
  afterAll(async () => {
    await env.close();
  });

  const ready = async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/ready' });
    return { status: res.statusCode, body: JSON.parse(res.body) };
  };

  it('is ready when its database has run exactly the migrations it knows, and not while shutting down', async () => {
    expect(await ready()).toEqual({
      status: 200,
      body: { status: 'ready', database: backend, migration: LATEST },
    });
    await sql`delete from kysely_migration where name = ${LATEST}`.execute(env.store.db);
    const pending = await ready();
    expect(pending.status).toBe(503);
    expect(pending.body.error.message).toBe(
      `The database has not run 1 migration(s) of this version (first: ${LATEST})`,
    );
    await sql`insert into kysely_migration (name, timestamp) values (${LATEST}, ${TEST_NOW})`.execute(
      env.store.db,
    );
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', ${TEST_NOW})`.execute(
      env.store.db,
    );
    const newer = await ready();
    expect(newer.status).toBe(503);
    expect(newer.body.error.message).toMatch(/does not know \(a newer version\?\): 9999-from-the-future$/);
    await sql`delete from kysely_migration where name = '9999-from-the-future'`.execute(env.store.db);
    expect((await ready()).status).toBe(200);
    env.app.deps.lifecycle.draining = true;
    try {
      expect(await ready()).toEqual({
        status: 503,
        body: { error: { code: 'unavailable', message: 'The server is shutting down' } },
      });
      // Alive all the same: /api/health answers while the server drains.
      expect((await env.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      env.app.deps.lifecycle.draining = false;
    }
  });

  it('answers /metrics only with its token: 404 when none is set, 401 for a wrong one', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    const app = await buildApp({
      store: env.store,
      clock: env.clock,
      logger: false,
      metricsToken: 'a-long-random-metrics-token',
    });
    try {
      const get = (authorization?: string) =>
        app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      const none = await get();
      expect(none.statusCode).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect((await get('Bearer a-long-random-metrics-tokeN')).statusCode).toBe(401);
      expect((await get('Basic a-long-random-metrics-token')).statusCode).toBe(401);
      // A request whose path carries an id is counted under its route's pattern, never the id.
      await app.inject({ method: 'GET', url: `/api/households/${env.householdId}/children` });
      await app.inject({ method: 'GET', url: '/api/no-such-thing' });
      const res = await get('Bearer a-long-random-metrics-token');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(res.body).toContain('process_resident_memory_bytes');
      expect(res.body).toContain(
        'as_written_http_requests_total{method="GET",route="/api/households/:householdId/children",status="401"} 1',
      );
      // An unknown path is answered by the web app's catch-all route (404 for /api/...).
      expect(res.body).toContain('as_written_http_requests_total{method="GET",route="/*",status="404"} 1');
      expect(res.body).not.toContain(env.householdId);
      expect(res.body).toMatch(
        /as_written_jobs\{name="[a-z-]+",status="[a-z]+"\} \d+|# TYPE as_written_jobs gauge/,
      );
    } finally {
      await app.close();
    }
  });

  it('queues a scheduled job once a period in-process, and lets the job in flight finish when stopped with grace', async () => {
    const { store, cleanup } = await openTestStore(backend);
    const jobs = createInProcessJobs({ store, clock: fixedClock(TEST_NOW) });
    try {
      let ticks = 0;
      jobs.register({ name: 'tick', run: async () => ({ tick: ++ticks }) });
      let finished = false;
      jobs.register({
        name: 'slow',
        run: async (job) => {
          for (let step = 1; step <= 5; step++) {
            await sleep(60);
            await job.progress({ done: step, total: 5 });
          }
          finished = true;
          return { done: 5 };
        },
      });
      jobs.schedule('tick', { everyMs: 200, firstAfterMs: 0 });
      await jobs.start();
      await sleep(700);
      expect(ticks).toBeGreaterThanOrEqual(3);
      expect(ticks).toBeLessThanOrEqual(5);
      const id = await jobs.enqueue('slow', {});
      await sleep(100);
      await jobs.stop({ graceMs: 5_000 });
      expect(finished).toBe(true);
      expect((await jobs.get(id))?.status).toBe('succeeded');
      const after = ticks;
      await sleep(400);
      // Stopped: no schedule fires any more.
      expect(ticks).toBe(after);
    } finally {
      await jobs.stop();
      await cleanup();
    }
  });
});
