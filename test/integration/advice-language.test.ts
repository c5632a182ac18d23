import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { BACKENDS, openTestEnv, TEST_NOW, type TestEnv } from './harness.ts';

// The advisor's recommendations in the reader's language (issue 17): Spanish sentences for a reader whose
// browser asks for Spanish, English otherwise; the same recommendations (ids, rules, actions, entries,
// citations, deadlines' dates, thresholds, letters) and the same fields either way. On both databases.

type Advice = {
  recommendations: {
    id: string;
    rule: string;
    action: string;
    title: string;
    reason: string;
    confidence: { level: string; why: string };
    deadlines: { label: string; date: string; citation: unknown }[];
    citation: unknown;
    entryIds: string[];
    letterKind: string;
  }[];
};

describe.each(BACKENDS)('the advisor in the reader’s language, on %s', (backend) => {
  let env: TestEnv;
  let demo: DemoHousehold;
  const url = () => `/api/households/${demo.householdId}/children/${demo.childId}/advice?asOf=2026-11-27`;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
  });
  afterAll(async () => env?.close());

  const advice = async (headers: Record<string, string> = {}) => {
    const response = await env.app.inject({
      method: 'GET',
      url: url(),
      headers: { cookie: env.owner.cookie, 'x-csrf-token': env.owner.csrfToken, ...headers },
    });
    expect(response.statusCode, response.body).toBe(200);
    return JSON.parse(response.body) as Advice;
  };

  it('is in English without a language and for an English browser', async () => {
    const plain = await advice();
    expect(plain.recommendations.length).toBeGreaterThan(0);
    expect(
      plain.recommendations.some((r) => /^(Ask|Follow up|Escalate|Send|Check|Raise)\b/.test(r.title)),
    ).toBe(true);
    expect(await advice({ 'accept-language': 'en-US,en;q=0.9' })).toEqual(plain);
  });

  it('is in Spanish for a Spanish browser (accept-language: es), the same recommendations in other words', async () => {
    const english = await advice();
    const spanish = await advice({ 'accept-language': 'es-MX,es;q=0.9' });
    expect(Object.keys(spanish).sort()).toEqual(Object.keys(english).sort());
    const strip = (r: Advice['recommendations'][number]) => ({
      id: r.id,
      rule: r.rule,
      action: r.action,
      entryIds: r.entryIds,
      citation: r.citation,
      letterKind: r.letterKind,
      level: r.confidence.level,
      deadlines: r.deadlines.map((d) => ({ date: d.date, citation: d.citation })),
    });
    expect(spanish.recommendations.map(strip)).toEqual(english.recommendations.map(strip));
    // The demo's unanswered email about make-up sessions: its subject as the parent typed it.
    expect(spanish.recommendations.map((r) => r.title)).toContain(
      'Dé seguimiento a “Make-up sessions for speech”',
    );
    for (const [i, rec] of spanish.recommendations.entries()) {
      const en = english.recommendations[i]!;
      expect(Object.keys(rec).sort()).toEqual(Object.keys(en).sort());
      expect(rec.title).not.toBe(en.title);
      expect(rec.confidence.why).not.toBe(en.confidence.why);
      // Every title starts with the Spanish imperative the catalog writes.
      expect(rec.title).toMatch(/^(Pida|Pregunte|Dé|Vuelva|Escale|Envíe|Plantee) /);
    }
  });
});
