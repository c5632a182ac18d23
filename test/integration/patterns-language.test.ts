import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import enFindings from '../../src/domain/i18n/locales/en/findings.json' with { type: 'json' };
import { fixedClock } from '../../src/server/context.ts';
import { BACKENDS, openTestEnv, TEST_NOW, type TestEnv } from './harness.ts';

// The pattern findings in the reader's language (issue 17): the patterns route words its findings in
// Spanish for a reader whose browser asks for Spanish, in English otherwise, with the same findings
// (rules, subjects, severities, entries) either way; and the advisor, gathering the record in the
// reader's language, quotes them in Spanish in its reasons. On both databases, with the demo household.

type Finding = {
  rule: string;
  subjectId: string;
  severity: string;
  message: string;
  question: string;
  entryIds: string[];
};

/** The literal runs of three words or more of every English findings message. */
const ENGLISH_RUNS = Object.values(enFindings as Record<string, string>)
  .flatMap((m) => m.split(/[{}]/))
  .map((run) =>
    run
      .trim()
      .replace(/^[,.;:()“”?]+|[,.;:()“”?]+$/g, '')
      .trim(),
  )
  .filter((run) => run.split(/\s+/).length >= 3 && !/^[a-z_]+,? (select|plural),/i.test(run));

/** English left in a Spanish sentence, the record's quoted words («…», “…») aside. */
function englishIn(sentence: string): string[] {
  const own = sentence.replace(/«[^»]*»|“[^”]*”/g, ' … ');
  const found = ENGLISH_RUNS.filter((run) => own.includes(run));
  const word = / (the|was|your|did|has) /i.exec(own);
  if (word) found.push(word[1]!);
  if (/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d/.test(own)) found.push('an English date');
  return found;
}

describe.each(BACKENDS)('the pattern findings in the reader’s language, on %s', (backend) => {
  let env: TestEnv;
  let demo: DemoHousehold;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
  });
  afterAll(async () => env?.close());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/households/${demo.householdId}/children/${demo.childId}/${path}`,
      headers: { cookie: env.owner.cookie, 'x-csrf-token': env.owner.csrfToken, ...headers },
    });
    expect(response.statusCode, response.body).toBe(200);
    return JSON.parse(response.body);
  };
  const patterns = (headers: Record<string, string> = {}) =>
    get('patterns?from=2026-09-01&to=2026-10-31', headers) as Promise<{ findings: Finding[] }>;

  it('are in English without a language and for an English browser', async () => {
    const plain = await patterns();
    expect(plain.findings.length).toBeGreaterThan(0);
    expect(plain.findings.find((f) => f.rule === 'accommodation_lapses_on_substitute_days')?.message).toMatch(
      / was noted as not given, or only partly, on \d+ of \d+ substitute days \(/,
    );
    expect(await patterns({ 'accept-language': 'en-US,en;q=0.9' })).toEqual(plain);
  });

  it('are in Spanish for a Spanish browser (accept-language: es), the same findings in other words', async () => {
    const english = await patterns();
    const spanish = await patterns({ 'accept-language': 'es-MX,es;q=0.9' });
    const facts = (f: Finding) => ({
      rule: f.rule,
      subjectId: f.subjectId,
      severity: f.severity,
      entryIds: f.entryIds,
    });
    expect(spanish.findings.map(facts)).toEqual(english.findings.map(facts));
    // Everything else the route answers is the same, but each accommodation occurrence's words.
    type Occurrence = { summary: string; question: string | null };
    type Answer = { accommodationOccurrences: Occurrence[] };
    const withoutWords = (answer: Answer) => ({
      ...answer,
      findings: [],
      accommodationOccurrences: answer.accommodationOccurrences.map(({ summary, question, ...rest }) => rest),
    });
    expect(withoutWords(spanish as unknown as Answer)).toEqual(withoutWords(english as unknown as Answer));
    const occurrences = (spanish as unknown as Answer).accommodationOccurrences;
    expect(occurrences.length).toBeGreaterThan(0);
    for (const o of occurrences) {
      expect(o.summary).toMatch(/^(se dio|1 falta|no se sabe)(,| \(solo se dio en parte\),) \d+ fuentes?: /);
      expect(englishIn(o.summary), o.summary).toEqual([]);
      if (o.question) expect(englishIn(o.question), o.question).toEqual([]);
    }
    for (const [i, f] of spanish.findings.entries()) {
      expect(f.message).not.toBe(english.findings[i]!.message);
      expect(f.question).not.toBe(english.findings[i]!.question);
      expect(englishIn(f.message), f.message).toEqual([]);
      expect(englishIn(f.question), f.question).toEqual([]);
    }
    const substitutes = spanish.findings.find((f) => f.rule === 'accommodation_lapses_on_substitute_days');
    expect(substitutes?.message).toMatch(/^Se anotó que «.+» no se dio, o solo en parte, en \d+ de \d+ días/);
    expect(substitutes?.message).toMatch(/\d{1,2} de (septiembre|octubre)/);
    const pullOut = spanish.findings.find((f) => f.rule === 'pull_out_class_conflict');
    expect(pullOut?.question).toMatch(
      /saca a su hijo\(a\) de Science casi siempre; ¿hay otro horario posible\?$/,
    );
  });

  it('are quoted in Spanish in the advisor’s reasons for a Spanish reader', async () => {
    const url = 'advice?asOf=2026-10-30';
    const english = (await get(url)) as { recommendations: { rule: string; reason: string }[] };
    const spanish = (await get(url, { 'accept-language': 'es' })) as typeof english;
    const fromFindings = (a: typeof english) => a.recommendations.filter((r) => r.rule === 'pattern_concern');
    expect(fromFindings(spanish).length).toBeGreaterThan(0);
    expect(fromFindings(spanish).length).toBe(fromFindings(english).length);
    for (const r of fromFindings(spanish)) expect(englishIn(r.reason), r.reason).toEqual([]);
    expect(
      fromFindings(english).some((r) => / was noted as not given, or only partly, /.test(r.reason)),
    ).toBe(true);
  });
});
