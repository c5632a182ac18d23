import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { exportHousehold } from '../../src/server/services/household-transfer.ts';
import {
  bodyFromSchema,
  FUZZ_SEED,
  figures,
  fuzzRuns,
  fuzzTimeout,
  householdGetUrls,
  printFigures,
  withinTime,
} from './fuzz-support.ts';
import { BACKENDS, call, openTestEnv, rowCounts, type TestEnv } from './harness.ts';

// Every API body from its schema (issue 15, "Beyond the findings"): for each route that takes a body,
// bodies generated from the route's own schema (ids of the household's records, dates of its school
// year), some with one field spoiled, some random JSON; files of random bytes for the routes that
// take a file. No answer may be a 5xx or take longer than HANG_MS, and a refused request must leave
// no rows behind.

/** Routes left out, and why: they end the session the fuzz runs with, or set up the server. */
const LEFT_OUT = new Set([
  'POST /api/auth/logout',
  'POST /api/auth/logout-everywhere',
  'POST /api/auth/setup',
]);
/** Sign-in and reset are slowed and limited per address: fewer tries, so the limits do not set the pace. */
const FEW = new Set(['POST /api/auth/login', 'POST /api/auth/password-reset']);

type Operation = { method: string; url: string; schema: Record<string, unknown> | null; file: boolean };

describe.each(BACKENDS)('every API body from its schema, on %s', (backend) => {
  let env: TestEnv;
  let demo: DemoHousehold;
  let doc: Record<string, unknown>;
  let staffToken: string;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, env.clock, env.owner.userId);
    doc = await exportHousehold(env.store, demo.householdId, env.clock.now());
    const link = await call(env, 'POST', `/api/households/${demo.householdId}/staff-links`, {
      childId: demo.childId,
      label: 'Fuzz',
    });
    staffToken = /#token=([A-Za-z0-9_-]+)/.exec(link.body.link)![1]!;
  });
  afterAll(async () => env.close());

  /** The operations with a body, their schemas from the OpenAPI document (made from the zod schemas). */
  function operations(): Operation[] {
    const openapi = env.app.swagger() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>
      >;
    };
    const out: Operation[] = [];
    for (const route of env.app.deps.routes) {
      if (!['POST', 'PUT', 'PATCH'].includes(route.method)) continue;
      if (LEFT_OUT.has(`${route.method} ${route.url}`)) continue;
      const op = openapi.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      const content = op?.requestBody?.content ?? {};
      const schema = (content['application/json']?.schema as Record<string, unknown> | undefined) ?? null;
      const file = /\/attachments$|\/communications\/import$|\/school-calendar\/ics$/.test(route.url);
      out.push({ method: route.method, url: route.url, schema, file });
    }
    return out;
  }

  /** The address of a route, its ids those of the demo household's records. */
  function address(url: string): string {
    const first = (key: string) => ((doc[key] as { id: string }[] | undefined) ?? [])[0]?.id ?? demo.childId;
    const collection = /\/([a-z-]+)\/:id/.exec(url)?.[1] ?? '';
    const key =
      collection === 'sessions'
        ? 'sessionEntries'
        : collection.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    return url
      .replace(':householdId', demo.householdId)
      .replace(':userId', env.owner.userId)
      .replace(':versionNumber', '1')
      .replace(':id', first(key))
      .replace(/\?.*$/, '');
  }

  it(
    'answers every generated body without a 5xx or a hang, and a refusal leaves no rows',
    async () => {
      const f = figures(`API bodies (${backend})`);
      const perRoute = fuzzRuns(6);
      const ops = operations();
      expect(ops.length).toBeGreaterThan(50);
      for (const [n, op] of ops.entries()) {
        const runs = FEW.has(`${op.method} ${op.url}`) ? Math.min(perRoute, 5) : perRoute;
        const bodies: unknown[] = op.file
          ? fc.sample(fc.uint8Array({ minLength: 1, maxLength: 2048 }), {
              seed: FUZZ_SEED + n,
              numRuns: runs,
            })
          : fc.sample(op.schema ? bodyFromSchema(op.schema, doc) : fc.jsonValue({ maxDepth: 3 }), {
              seed: FUZZ_SEED + n,
              numRuns: runs,
            });
        const url = address(op.url);
        for (const body of bodies) {
          f.inputs++;
          const before = await rowCounts(env.store);
          const headers: Record<string, string> = op.url.startsWith('/api/staff-link')
            ? { authorization: `Bearer ${staffToken}` }
            : { cookie: env.owner.cookie, 'x-csrf-token': env.owner.csrfToken };
          const query = op.file
            ? `?filename=fuzz-${f.inputs}.bin${op.url.endsWith('/import') ? `&childId=${demo.childId}` : ''}`
            : '';
          const res = await withinTime(
            env.app.inject({
              method: op.method as 'POST',
              url: url + query,
              headers: op.file ? { ...headers, 'content-type': 'application/octet-stream' } : headers,
              payload: op.file ? Buffer.from(body as Uint8Array) : (body as object),
            }),
          );
          const what = `${op.method} ${op.url} ${JSON.stringify(op.file ? `${(body as Uint8Array).length} bytes` : body).slice(0, 200)}`;
          if (res === 'hang') {
            f.hangs++;
            f.failures.push(`hang: ${what}`);
            continue;
          }
          if (res.statusCode >= 500) {
            f.serverErrors++;
            f.failures.push(`${res.statusCode}: ${what}`);
            continue;
          }
          if (res.statusCode < 400) {
            f.accepted++;
            continue;
          }
          const after = await rowCounts(env.store);
          if (JSON.stringify(after) !== JSON.stringify(before)) {
            f.rowsLeftByRefusals++;
            f.failures.push(`refused ${res.statusCode} but left rows: ${what}`);
          }
        }
      }
      // What the accepted requests stored is shown by every page of the household without a 500.
      const now = await exportHousehold(env.store, demo.householdId, env.clock.now());
      let pages = 0;
      for (const url of householdGetUrls(env.app, demo.householdId, now)) {
        pages++;
        const page = await withinTime(
          env.app.inject({ method: 'GET', url, headers: { cookie: env.owner.cookie } }),
        );
        if (page === 'hang') {
          f.hangs++;
          f.failures.push(`GET ${url} hung after the fuzzed writes`);
        } else if (page.statusCode >= 500) {
          f.serverErrors++;
          f.failures.push(`GET ${url} answered ${page.statusCode} after the fuzzed writes`);
        }
      }
      f.extra = { routes: ops.length, 'pages loaded afterwards': pages };
      printFigures(f);
      expect(f.failures).toEqual([]);
    },
    fuzzTimeout(6 * 70, 200),
  );
});
