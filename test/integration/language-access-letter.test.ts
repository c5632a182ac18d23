import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { BACKENDS, call, openTestEnv, TEST_NOW, type TestEnv } from './harness.ts';

// The request for an interpreter and the plan in the parent's language (issue 17), through the API: the
// draft names the language and the meeting, the fields it refuses are named, and the request is kept.

describe.each(BACKENDS)('a request for language help, on %s', (backend) => {
  let env: TestEnv;
  let demo: Awaited<ReturnType<typeof seedDemoHousehold>>;
  const letters = () => `/api/households/${demo.householdId}/children/${demo.childId}/letters`;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
  });
  afterAll(async () => env.close());

  it('drafts it in the language chosen, naming the meeting, and asks for a reply', async () => {
    const res = await call(env, 'POST', letters(), {
      request: { kind: 'request_language_access', language: 'Vietnamese', meetingDate: '2026-12-15' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.kind).toBe('request_language_access');
    expect(res.body.subject).toMatch(/^Request for a Vietnamese interpreter and \w+'s IEP in Vietnamese$/u);
    expect(res.body.body).toContain(
      'A Vietnamese interpreter at the next IEP meeting, on Tuesday, December 15',
    );
    expect(res.body.body).toContain('(34 CFR 300.322(e))');
    expect(res.body.toneFlags).toEqual([]);
    expect(res.body.respondBy).not.toBeNull();
    await call(env, 'DELETE', `/api/households/${demo.householdId}/letters/${res.body.id}`);
  });

  it('Spanish when no language is given', async () => {
    const res = await call(env, 'POST', letters(), { request: { kind: 'request_language_access' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.subject).toContain('a Spanish interpreter');
    await call(env, 'DELETE', `/api/households/${demo.householdId}/letters/${res.body.id}`);
  });

  it.each([
    [
      { meetingDate: '2026-11-20' },
      'request.meetingDate',
      /must not be before the day the letter is written/u,
    ],
    [{ meetingDate: '2026-02-30' }, 'request.meetingDate', /real date/u],
    [{ language: '1234' }, 'request.language', /name of a language/u],
    [{ language: 'x'.repeat(61) }, 'request.language', /at most 60 characters/u],
  ])('refuses %o, naming the field', async (fields, path, message) => {
    const res = await call(env, 'POST', letters(), {
      request: { kind: 'request_language_access', ...fields },
    });
    expect(res.status).toBe(400);
    const field = res.body.error.fields?.find((f: { path: string }) => f.path === path);
    expect(field, JSON.stringify(res.body)).toBeDefined();
    expect(field.message).toMatch(message);
  });
});
