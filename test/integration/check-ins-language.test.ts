import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { BACKENDS, call, openTestEnv, type Principal, TEST_NOW, type TestEnv } from './harness.ts';

// The check-in's questions in the reader's language (issue 17): Spanish for a reader whose account or
// browser asks for Spanish, English otherwise; the keys are the same in both, so an answer given to a
// Spanish question is matched to its question like an English one. On both databases.

type Question = { key: string; kind: string; subjectId: string; ask: string; followUp: string; why: string };

describe.each(BACKENDS)('check-in questions in the reader’s language, on %s', (backend) => {
  let env: TestEnv;
  let demo: DemoHousehold;
  const url = () =>
    `/api/households/${demo.householdId}/children/${demo.childId}/check-in-questions?date=2026-11-19`;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
  });
  afterAll(async () => env?.close());

  /** The questions, asked as `who` with these request headers. */
  const questions = async (headers: Record<string, string> = {}, who: Principal = env.owner) => {
    const response = await env.app.inject({
      method: 'GET',
      url: url(),
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, ...headers },
    });
    expect(response.statusCode, response.body).toBe(200);
    return JSON.parse(response.body).questions as Question[];
  };

  it('are in English without a language, and for an English browser', async () => {
    const plain = await questions();
    expect(plain.map((q) => q.ask)).toContain('What happened in speech today?');
    expect(plain.find((q) => q.kind === 'behavior')!.ask).toBe(
      'Was there a hard moment at school this week? What did the grown-ups do to help?',
    );
    expect(await questions({ 'accept-language': 'en-US,en;q=0.9' })).toEqual(plain);
  });

  it('are in Spanish for a Spanish browser (accept-language: es), with the same keys', async () => {
    const english = await questions();
    const spanish = await questions({ 'accept-language': 'es' });
    expect(spanish.map((q) => q.key)).toEqual(english.map((q) => q.key));
    expect(spanish.map((q) => q.ask)).toEqual(
      expect.arrayContaining([
        '¿Qué pasó en la terapia ocupacional (OT) ayer?',
        '¿Qué pasó en el grupo de lectura ayer?',
        '¿Qué pasó en la terapia del habla hoy?',
        '¿Usaste una calculadora en Math esta semana?',
        '¿Tuviste un momento difícil en la escuela esta semana? ¿Qué hicieron los adultos para ayudarte?',
      ]),
    );
    const speech = spanish.find((q) => q.ask === '¿Qué pasó en la terapia del habla hoy?')!;
    expect(speech.followUp).toBe(
      '¿Qué hacías en tu clase justo antes de que te tocara la terapia del habla?',
    );
    expect(speech.why).toBe('El registro tiene una sesión el jueves.');
    for (const q of spanish) {
      expect(q.ask).not.toBe(english.find((e) => e.key === q.key)!.ask);
      expect(q.why).toMatch(/^(El registro|El plan)/);
    }
    // A regional tag is Spanish too.
    expect((await questions({ 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' })).map((q) => q.ask)).toEqual(
      spanish.map((q) => q.ask),
    );
  });

  it('keeps an answer to a Spanish question matched to its question by key', async () => {
    const spanish = await questions({ 'accept-language': 'es' });
    const accommodation = spanish.find((q) => q.kind === 'accommodation')!;
    const saved = await call(env, 'POST', `/api/households/${demo.householdId}/check-ins`, {
      childId: demo.childId,
      date: '2026-11-19',
      answers: [
        {
          kind: 'accommodation',
          questionKey: accommodation.key,
          ask: accommodation.ask,
          accommodationId: accommodation.subjectId,
          outcome: 'provided',
        },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.answers[0]).toMatchObject({ questionKey: accommodation.key, ask: accommodation.ask });
    expect((await questions()).map((q) => q.key)).toContain(saved.body.answers[0].questionKey);
  });

  it('leave a note in the language of the parent who wrote the answer down, with the child’s words as given', async () => {
    const noteOf = async (acceptLanguage: string, date: string, childWords: string) => {
      const asked = await questions({ 'accept-language': acceptLanguage });
      const session = asked.find((q) => q.kind === 'session')!;
      const response = await env.app.inject({
        method: 'POST',
        url: `/api/households/${demo.householdId}/check-ins`,
        headers: {
          cookie: env.owner.cookie,
          'x-csrf-token': env.owner.csrfToken,
          'accept-language': acceptLanguage,
        },
        payload: {
          childId: demo.childId,
          date: '2026-11-19',
          answers: [
            {
              kind: 'session',
              questionKey: session.key,
              ask: session.ask,
              serviceId: session.subjectId,
              outcome: 'did_not_happen',
              sessionDate: date,
              childWords,
            },
          ],
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      const entryId = JSON.parse(response.body).answers[0].recordedAs.id;
      const entry = await call(env, 'GET', `/api/households/${demo.householdId}/sessions/${entryId}`);
      return { ask: session.ask, note: entry.body.note as string };
    };
    const spanish = await noteOf('es', '2026-11-17', 'no fuimos, había una asamblea');
    expect(spanish.note).toBe(`Se le preguntó “${spanish.ask}” y Emma dijo: “no fuimos, había una asamblea”`);
    const english = await noteOf('en-US', '2026-11-18', 'we had an assembly');
    expect(english.note).toBe(`Asked “${english.ask}” Emma said: “we had an assembly”`);
  });

  it('follow the language chosen on the account over the browser’s', async () => {
    const chosen = await call(env, 'PUT', '/api/auth/language', { language: 'es' });
    expect(chosen.status).toBe(200);
    const spanish = await questions({ 'accept-language': 'en-US' });
    expect(spanish.find((q) => q.kind === 'behavior')!.ask).toBe(
      '¿Tuviste un momento difícil en la escuela esta semana? ¿Qué hicieron los adultos para ayudarte?',
    );
    await call(env, 'PUT', '/api/auth/language', { language: null });
    expect((await questions()).find((q) => q.kind === 'behavior')!.ask).toMatch(/^Was there a hard moment/);
  });
});
