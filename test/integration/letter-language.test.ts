import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { BACKENDS, call, openTestEnv, TEST_NOW, type TestEnv } from './harness.ts';

// A letter in the language the parent needs (issue 17), through the API: drafted in Spanish, its
// English version beside it (drafted again from the same request, not translated), the English one
// taken as the letter to send, the language kept with what the letter was drafted for (so verify
// replays it), and a kind not yet drafted in Spanish refused at the field.

describe.each(BACKENDS)('a letter’s language, on %s', (backend) => {
  let env: TestEnv;
  let demo: Awaited<ReturnType<typeof seedDemoHousehold>>;
  const h = (path: string) => `/api/households/${demo.householdId}${path}`;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
  });
  afterAll(async () => env.close());

  it('drafts in Spanish, shows the English version, and takes the English one to send', async () => {
    const english = await call(env, 'POST', h(`/children/${demo.childId}/letters`), {
      request: { kind: 'check_in' },
    });
    expect(english.status, JSON.stringify(english.body)).toBe(201);
    expect(english.body.language).toBe('en');

    const spanish = await call(env, 'POST', h(`/children/${demo.childId}/letters`), {
      request: { kind: 'check_in' },
      language: 'es',
    });
    expect(spanish.status, JSON.stringify(spanish.body)).toBe(201);
    expect(spanish.body.language).toBe('es');
    expect(spanish.body.body).not.toBe(english.body.body);
    expect(spanish.body.body).toMatch(/Emma/u);
    expect(spanish.body.body).not.toMatch(/\b(the|Could you|Kind regards)\b/u);
    // The same facts and reply date as the English letter.
    expect(spanish.body.respondBy).toBe(english.body.respondBy);
    expect([...spanish.body.entryIds].sort()).toEqual([...english.body.entryIds].sort());
    // The tone check reads Spanish as Spanish: the drafted letter is calm.
    expect(spanish.body.toneFlags).toEqual([]);

    const version = await call(env, 'GET', h(`/letters/${spanish.body.id}/version?language=en`));
    expect(version.status, JSON.stringify(version.body)).toBe(200);
    expect(version.body).toMatchObject({ language: 'en', subject: english.body.subject });
    expect(version.body.body).toBe(english.body.body);
    const back = await call(env, 'GET', h(`/letters/${english.body.id}/version?language=es`));
    expect(back.body.body).toBe(spanish.body.body);
    const unknown = await call(env, 'GET', h(`/letters/${spanish.body.id}/version?language=fr`));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].path).toBe('language');

    // The parent sends the English one: the draft becomes the English letter.
    const taken = await call(env, 'PATCH', h(`/letters/${spanish.body.id}`), {
      subject: version.body.subject,
      body: version.body.body,
      language: 'en',
    });
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(taken.body.language).toBe('en');
    expect(taken.body.body.trimEnd()).toBe(english.body.body.trimEnd());
    expect((await call(env, 'GET', h(`/letters/${spanish.body.id}`))).body.language).toBe('en');

    // The journal keeps the language with the request, so the household still verifies.
    const verified = await call(env, 'GET', h('/verify'));
    expect(verified.status, JSON.stringify(verified.body).slice(0, 600)).toBe(200);
    expect(verified.body.ok, JSON.stringify(verified.body).slice(0, 600)).toBe(true);
  });

  it('keeps the interpreter letter’s own language apart from the language it is written in', async () => {
    const res = await call(env, 'POST', h(`/children/${demo.childId}/letters`), {
      request: { kind: 'request_language_access', language: 'Vietnamese' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.language).toBe('en');
    expect(res.body.subject).toContain('Vietnamese');
    const version = await call(env, 'GET', h(`/letters/${res.body.id}/version?language=en`));
    expect(version.body.subject).toBe(res.body.subject);
  });

  it('refuses a language the app does not write letters in, naming the field', async () => {
    const res = await call(env, 'POST', h(`/children/${demo.childId}/letters`), {
      request: { kind: 'check_in' },
      language: 'fr',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('language');
  });

  it('says the drafter’s refusals in the reader’s language, keeping the English message’s rule', async () => {
    const ask = () =>
      call(env, 'POST', h(`/children/${demo.childId}/letters`), {
        request: { kind: 'thank_you', noteId: '0190a0b0-0000-7000-8000-0000000000ff' },
      });
    const english = await ask();
    expect(english.status).toBe(400);
    expect(english.body.error.fields[0]).toEqual({
      path: 'request',
      message: 'no parent note with id 0190a0b0-0000-7000-8000-0000000000ff in this record',
      code: 'custom',
      params: { rule: 'letter.noteNotFound', id: '0190a0b0-0000-7000-8000-0000000000ff' },
    });
    await call(env, 'PUT', '/api/auth/language', { language: 'es' });
    try {
      const spanish = await ask();
      expect(spanish.status).toBe(400);
      expect(spanish.body.error.fields[0]).toMatchObject({
        path: 'request',
        message:
          'no hay ninguna nota de la familia con el id 0190a0b0-0000-7000-8000-0000000000ff en este expediente',
        code: 'custom',
      });
    } finally {
      await call(env, 'PUT', '/api/auth/language', { language: 'en' });
    }
  });
});
