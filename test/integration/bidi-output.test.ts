import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { BACKENDS, call, openTestEnv, TEST_NOW, type TestEnv } from './harness.ts';

// Direction controls (U+202A-U+202E, U+2066-U+2069) in names (issue 15): "Emma\u202E (gnp.exe)"
// turns the rest of its line around wherever it is shown. The input no longer keeps them, and a name
// stored before that (or imported) is drawn without them in the letters' .eml, the report's PDF and
// the living IEP's PDF, as the web app already shows it (web/api/client.ts).

const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;

describe.each(BACKENDS)('direction controls in what As Written writes, on %s', (backend) => {
  let env: TestEnv;
  let demo: DemoHousehold;
  let dir: string;
  const api = (path: string) => `/api/households/${demo.householdId}${path}`;
  const pdfText = (bytes: Buffer) => {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  };

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
    dir = mkdtempSync(join(tmpdir(), 'as-written-bidi-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await env.close();
  });

  it('does not keep direction controls typed into a name, a note or a letter', async () => {
    const child = await call(env, 'POST', api('/children'), { firstName: 'Noa\u202E (gnp.exe)' });
    expect(child.status).toBe(201);
    expect(child.body.firstName).toBe('Noa (gnp.exe)');
    const note = await call(env, 'POST', api('/parent-notes'), {
      childId: demo.childId,
      date: '2026-10-29',
      kind: 'concern',
      text: 'He said \u2067the aide\u2069 was not there.',
    });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    expect(note.body.text).toBe('He said the aide was not there.');
  });

  it('draws a name stored with U+202E without it in the .eml, the report PDF and the living IEP PDF', async () => {
    await env.store.db
      .updateTable('child')
      .set({ first_name: 'Emma\u202E (gnp.exe)' })
      .where('id', '=', demo.childId)
      .execute();
    const letter = await call(env, 'POST', api(`/children/${demo.childId}/letters`), {
      request: { kind: 'request_service_logs', serviceId: demo.services.speech },
      asOf: '2026-11-02',
    });
    expect(letter.status, JSON.stringify(letter.body)).toBe(201);
    const eml = await env.app.inject({
      method: 'GET',
      url: api(`/letters/${letter.body.id}/eml`),
      headers: { cookie: env.owner.cookie },
    });
    expect(eml.statusCode, eml.body.slice(0, 300)).toBe(200);
    const mail = eml.rawPayload.toString('utf8');
    // Quoted-printable or base64: decode what the mail program would show.
    const shown = mail.includes('Content-Transfer-Encoding: base64')
      ? Buffer.from(
          mail
            .split(/\r?\n\r?\n/u)
            .slice(1)
            .join('')
            .replace(/\s+/gu, ''),
          'base64',
        ).toString('utf8')
      : mail
          .replace(/=\r?\n/gu, '')
          .replace(/=([0-9A-F]{2})/gu, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    expect(mail).not.toMatch(/=E2=80=AE/u);
    expect(shown).not.toMatch(CONTROLS);

    const report = await env.app.inject({
      method: 'GET',
      url: api(`/children/${demo.childId}/report.pdf?from=2026-09-08&to=2026-10-30&asOf=2026-10-30`),
      headers: { cookie: env.owner.cookie },
    });
    expect(report.statusCode).toBe(200);
    const reportText = pdfText(report.rawPayload);
    expect(reportText).toContain('Emma (gnp.exe)');
    expect(reportText).not.toMatch(CONTROLS);

    const living = await env.app.inject({
      method: 'GET',
      url: api(`/children/${demo.childId}/living-iep.pdf?asOf=2026-10-30`),
      headers: { cookie: env.owner.cookie },
    });
    expect(living.statusCode).toBe(200);
    const livingText = pdfText(living.rawPayload);
    expect(livingText).toContain('Emma');
    expect(livingText).not.toMatch(CONTROLS);
  });
});
