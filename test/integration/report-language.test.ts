import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { BACKENDS, call, openTestEnv, TEST_NOW, type TestEnv } from './harness.ts';

// The implementation report in the language asked for (issue 17), on both databases: `language=es`
// writes the summary and the PDF in Spanish with the same figures; without it, the report is in the
// reader's language (their browser's here), and English stays the default. The living IEP is written
// in the reader's language too.

const QUERY = 'from=2026-09-08&to=2026-10-30&asOf=2026-11-02';

describe.each(BACKENDS)('the implementation report in Spanish on %s', (backend) => {
  let env: TestEnv;
  let demo: Awaited<ReturnType<typeof seedDemoHousehold>>;
  let dir: string;
  const api = (path: string) => `/api/households/${demo.householdId}/children/${demo.childId}${path}`;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
    dir = mkdtempSync(join(tmpdir(), 'as-written-report-es-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await env?.close();
  });

  it('writes the JSON report’s summary in Spanish, with the English one’s figures', async () => {
    const es = await call(env, 'GET', api(`/report?${QUERY}&language=es`));
    expect(es.status, JSON.stringify(es.body)).toBe(200);
    const en = await call(env, 'GET', api(`/report?${QUERY}`));
    expect(en.status).toBe(200);
    expect(en.body.language).toBe('en');
    expect(es.body.language).toBe('es');
    expect(en.body.summary.headline).toMatch(/^From Sep 8 to Oct 30, 2026, Emma's IEP required /);
    expect(es.body.summary.headline).toMatch(
      /^Del 8 de septiembre al 30 de octubre de 2026, el IEP de Emma requería \d+ minutos de servicios; se dieron \d+\./,
    );
    const figures = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).sort();
    expect(figures(es.body.summary.headline)).toEqual(figures(en.body.summary.headline));
    // The report's own words in its tables are Spanish too: a source's label, the advisor's titles.
    expect(es.body.evidence.map((e: { source: string }) => e.source)).toContain('Registro de la escuela');
    expect(en.body.evidence.map((e: { source: string }) => e.source)).toContain('School log');
    expect(en.body.recommendations.length).toBeGreaterThan(0);
    expect(es.body.recommendations.map((r: { id: string }) => r.id)).toEqual(
      en.body.recommendations.map((r: { id: string }) => r.id),
    );
    expect(es.body.recommendations[0].title).not.toBe(en.body.recommendations[0].title);
    // The record is the same: only the words differ.
    expect(es.body.minutes).toEqual(en.body.minutes);
    expect(es.body.evidence.map((e: { recordId: string }) => e.recordId)).toEqual(
      en.body.evidence.map((e: { recordId: string }) => e.recordId),
    );
  });

  it('draws the PDF in Spanish when asked, and in the reader’s language when not', async () => {
    const pdfText = async (query: string, headers: Record<string, string> = {}) => {
      const res = await env.app.inject({
        method: 'GET',
        url: api(`/report.pdf?${query}`),
        headers: { cookie: env.owner.cookie, ...headers },
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const file = join(dir, 'report.pdf');
      writeFileSync(file, res.rawPayload);
      return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
    };
    const spanish = await pdfText(`${QUERY}&language=es`);
    expect(spanish).toContain('Cómo se cumplió el plan de Emma');
    expect(spanish).toContain('Del 8 de septiembre al 30 de octubre de 2026, el IEP de Emma requería');
    expect(spanish).toContain('Índice de pruebas');
    expect(spanish).not.toContain('Evidence index');
    // No language asked for: the reader's browser says Spanish.
    const browser = await pdfText(QUERY, { 'accept-language': 'es-MX,es;q=0.9' });
    expect(browser).toContain('Cómo se cumplió el plan de Emma');
    // Asked for English by a reader of Spanish: the school reads English.
    const english = await pdfText(`${QUERY}&language=en`, { 'accept-language': 'es-MX,es;q=0.9' });
    expect(english).toContain("How Emma's plan was carried out");
    expect(english).not.toContain('Índice de pruebas');
  });

  it('writes the living IEP, its Markdown and its PDF in the reader’s language', async () => {
    const living = `/api/households/${demo.householdId}/children/${demo.childId}/living-iep`;
    const get = (path: string, language: string) =>
      env.app.inject({
        method: 'GET',
        url: `${living}${path}?asOf=2026-11-02`,
        headers: { cookie: env.owner.cookie, 'accept-language': language },
      });
    const json = await get('', 'es');
    expect(json.statusCode).toBe(200);
    const english = await get('', 'en-US');
    expect(english.statusCode).toBe(200);
    // The same items, the same records behind them; only the words differ.
    const ids = (body: string, part: 'working' | 'notWorking') =>
      (JSON.parse(body)[part] as { entryIds: string[] }[]).map((i) => i.entryIds);
    expect(ids(json.body, 'notWorking')).toEqual(ids(english.body, 'notWorking'));
    expect(json.body).not.toBe(english.body);
    const md = await get('.md', 'es');
    expect(md.statusCode).toBe(200);
    expect(md.body).toContain('## Lo que no funciona');
    expect(md.body).not.toContain('## What is not working');
    const pdf = await get('.pdf', 'es-MX,es;q=0.9');
    expect(pdf.statusCode).toBe(200);
    const file = join(dir, 'living-iep.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Lo que no funciona');
    expect(text).toContain('Preguntas para el equipo');
    expect(text).toMatch(/Página 1 de \d+/);
    expect(text).not.toMatch(/What is not working|Questions for the team|Page 1 of/);
  });

  it('says why the minutes cannot be counted in the report’s language (a child with no school calendar)', async () => {
    const child = await call(env, 'POST', `/api/households/${demo.householdId}/children`, {
      firstName: 'Leo',
    });
    expect(child.status).toBe(201);
    // A plan with a service, and no school calendar yet.
    const plan = await call(env, 'POST', `/api/households/${demo.householdId}/plans`, {
      childId: child.body.id,
      kind: 'iep',
      jurisdiction: { country: 'US', region: 'IL' },
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-06-11',
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const service = await call(env, 'POST', `/api/households/${demo.householdId}/services`, {
      planId: plan.body.id,
      name: 'Speech-language therapy',
      area: 'speech',
      setting: 'pull_out',
      startDate: '2026-09-08',
      endDate: '2027-06-11',
      segments: [
        {
          startDate: '2026-09-08',
          endDate: '2027-06-11',
          minutesPerSession: 30,
          sessionsPerPeriod: 2,
          period: { unit: 'week' },
        },
      ],
    });
    expect(service.status, JSON.stringify(service.body)).toBe(201);
    const report = (language: string) =>
      call(
        env,
        'GET',
        `/api/households/${demo.householdId}/children/${child.body.id}/report?${QUERY}&language=${language}`,
      );
    const en = await report('en');
    const es = await report('es');
    expect(en.status).toBe(200);
    expect(es.status).toBe(200);
    const unavailable = (r: { body: { ledgerUnavailable: string | null } }) => r.body.ledgerUnavailable;
    expect(unavailable(en)).toBe(
      'The minutes cannot be counted: the child has no school calendar yet; add the school year first so school days can be counted.',
    );
    expect(unavailable(es)).toBe(
      'No se pueden contar los minutos: su hijo(a) todavía no tiene calendario escolar; agregue primero el año escolar para poder contar los días de clases.',
    );
  });

  it('refuses a language it cannot write the report in', async () => {
    const res = await call(env, 'GET', api(`/report?${QUERY}&language=fr`));
    expect(res.status).toBe(400);
  });
});
