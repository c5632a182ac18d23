import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { BACKENDS, call, openTestEnv, rowCounts, type TestEnv } from './harness.ts';

// Who said it (issue 15): a parent could post `source: "provider_link"` and the report then labelled
// the entry "Provider (staff link)". The sources only a staff link or the school's own log (by import)
// produce are set by the server; a parent's request may name only the parent, the provider (as the
// parent heard it) or the child.

describe.each(BACKENDS)('session entry sources on %s', (backend) => {
  let env: TestEnv;
  let demo: DemoHousehold;
  let date: string;
  const api = (path: string) => `/api/households/${demo.householdId}${path}`;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, env.clock, env.owner.userId);
    const entries = await call(env, 'GET', api(`/sessions?serviceId=${demo.services.speech}`));
    date = entries.body.find((e: { status: string }) => e.status === 'delivered').date;
  });
  afterAll(async () => env.close());

  it('refuses a parent’s entry that claims the staff link’s or the school log’s source, writing nothing', async () => {
    const before = await rowCounts(env.store);
    for (const source of ['provider_link', 'school_log']) {
      const res = await call(env, 'POST', api('/sessions'), {
        serviceId: demo.services.speech,
        date,
        status: 'delivered',
        source,
      });
      expect(res.status, source).toBe(400);
      expect(res.body.error.fields[0].path).toBe('source');
      expect(res.body.error.fields[0].message).toMatch(/marked by the app itself/);
    }
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('refuses the same claim in a correction, and keeps the parent’s own sources', async () => {
    const own = await call(env, 'POST', api('/sessions'), {
      serviceId: demo.services.speech,
      date,
      status: 'delivered',
      source: 'provider',
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.source).toBe('provider');
    const before = await rowCounts(env.store);
    const claimed = await call(env, 'POST', api(`/sessions/${own.body.id}/corrections`), {
      action: 'correct',
      changes: { source: 'provider_link' },
    });
    expect(claimed.status).toBe(400);
    expect(claimed.body.error.fields[0].path).toBe('changes.source');
    const moved = await call(env, 'POST', api(`/sessions/${own.body.id}/corrections`), {
      action: 'move',
      serviceId: demo.services.ot,
      changes: { source: 'school_log' },
    });
    expect(moved.status).toBe(400);
    expect(await rowCounts(env.store)).toEqual(before);
    const parent = await call(env, 'POST', api(`/sessions/${own.body.id}/corrections`), {
      action: 'correct',
      changes: { source: 'parent' },
    });
    expect(parent.status, JSON.stringify(parent.body)).toBe(201);
    expect(parent.body.correction.source).toBe('parent');
  });
});
