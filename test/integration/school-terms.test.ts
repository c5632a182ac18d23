import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { verifyHousehold } from '../../src/server/services/verify.ts';
import { BACKENDS, call, openTestEnv, rowCounts, TEST_NOW, type TestEnv } from './harness.ts';

// Terms or grading periods (issue 16): an IEP may promise a service "per quarter". The school
// calendar holds the terms (docs/ledger-rules.md, "Terms and grading periods"); the ledger owes the
// amount in each. Through the API, on both databases: entered, refused when they overlap (naming the
// field, saving nothing), counted, journaled and replayed, exported, and read from an older export.

const QUARTERS = [
  { name: 'Quarter 1', startDate: '2026-09-08', endDate: '2026-11-06' },
  { name: 'Quarter 2', startDate: '2026-11-09', endDate: '2027-01-29' },
  { name: 'Quarter 3', startDate: '2027-02-01', endDate: '2027-04-09' },
  { name: 'Quarter 4', startDate: '2027-04-12', endDate: '2027-06-11' },
];

describe.each(BACKENDS)('terms of the school calendar, on %s', (backend) => {
  let env: TestEnv;
  let demo: DemoHousehold;
  let hid: string;
  let serviceId: string;
  const api = (path: string) => `/api/households/${hid}${path}`;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
    hid = demo.householdId;
  });
  afterAll(async () => env.close());

  it('a calendar made without terms has none', async () => {
    const res = await call(env, 'GET', api(`/calendars/${demo.calendarId}`));
    expect(res.status).toBe(200);
    expect(res.body.terms).toEqual([]);
  });

  it('refuses overlapping terms and terms outside the school year, naming the field, and saves nothing', async () => {
    const before = await rowCounts(env.store);
    const overlapping = await call(env, 'PATCH', api(`/calendars/${demo.calendarId}`), {
      terms: [QUARTERS[0], { name: 'Quarter 2', startDate: '2026-11-02', endDate: '2027-01-29' }],
    });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.error.fields).toEqual([
      {
        path: 'terms.1.startDate',
        message: 'must come after the end of "Quarter 1" (2026-11-06)',
        code: 'custom',
        params: { rule: 'term.overlaps', name: 'Quarter 1', endDate: '2026-11-06' },
      },
    ]);
    const outside = await call(env, 'PATCH', api(`/calendars/${demo.calendarId}`), {
      terms: [{ name: 'Summer', startDate: '2027-06-14', endDate: '2027-07-30' }],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields[0].path).toBe('terms.0.endDate');
    expect(await rowCounts(env.store)).toEqual(before);
    expect((await call(env, 'GET', api(`/calendars/${demo.calendarId}`))).body.terms).toEqual([]);
  });

  it('saves the quarters, and the ledger owes a per-quarter service in each of them', async () => {
    const saved = await call(env, 'PATCH', api(`/calendars/${demo.calendarId}`), { terms: QUARTERS });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.terms).toEqual(QUARTERS);

    const service = await call(env, 'POST', api('/services'), {
      planId: demo.planId,
      name: 'Counseling consultation',
      area: 'counseling',
      setting: 'consultation',
      delivery: 'consult',
      sourceText: 'Counseling consultation, 2 x 30 minutes per quarter',
      startDate: '2026-09-08',
      endDate: '2027-06-11',
      segments: [
        {
          startDate: '2026-09-08',
          endDate: '2027-06-11',
          minutesPerSession: 30,
          sessionsPerPeriod: 2,
          period: { unit: 'term' },
        },
      ],
    });
    expect(service.status, JSON.stringify(service.body)).toBe(201);
    serviceId = service.body.id;
    for (const date of ['2026-09-22', '2026-10-06', '2026-11-17']) {
      const logged = await call(env, 'POST', api('/sessions'), { serviceId, date });
      expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    }

    const ledger = await call(env, 'GET', api(`/services/${serviceId}/ledger?from=2026-09-08&to=2027-06-11`));
    expect(ledger.status, JSON.stringify(ledger.body)).toBe(200);
    const rows = ledger.body.periods as {
      unit: string;
      label: string;
      requiredSessions: number;
      deliveredMinutes: number;
    }[];
    expect(rows.map((r) => r.unit)).toEqual(['term', 'term']);
    // Counted up to today (November 29): Quarter 1 whole, and the share of Quarter 2 so far.
    expect(rows[0]).toMatchObject({
      label: 'Quarter 1 (2026-09-08 to 2026-11-06)',
      requiredSessions: 2,
      deliveredMinutes: 60,
    });
    expect(rows[1]!.label).toBe('Quarter 2 (2026-11-09 to 2027-01-29)');
    expect(rows[1]!.deliveredMinutes).toBe(30);
  });

  it('prints each term in the report PDF by its name, with its dates in words', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: api(`/children/${demo.childId}/report.pdf?from=2026-09-08&to=2026-11-29&asOf=2026-11-29`),
      headers: { cookie: env.owner.cookie },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'terms-report-'));
    try {
      const file = join(dir, 'report.pdf');
      writeFileSync(file, res.rawPayload);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Quarter 1 (Sep 8 to Nov 6)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('journals the terms, replays them in verify, and exports them', async () => {
    const report = await verifyHousehold(env.store, hid);
    expect(report.ok, JSON.stringify(report).slice(0, 500)).toBe(true);
    expect(report.records.differing).toBe(0);
    const exported = await call(env, 'GET', api('/export'));
    expect(exported.status).toBe(200);
    const calendar = exported.body.calendars.find((c: { id: string }) => c.id === demo.calendarId);
    expect(calendar.terms).toEqual(QUARTERS);
  });

  it('imports an export made before terms existed, with no terms', async () => {
    const exported = await call(env, 'GET', api('/export'));
    const older = structuredClone(exported.body);
    for (const c of older.calendars) delete c.terms;
    const other = await openTestEnv(backend);
    try {
      const imported = await call(other, 'POST', '/api/import', older);
      expect(imported.status, JSON.stringify(imported.body).slice(0, 500)).toBe(201);
      const calendars = await call(other, 'GET', `/api/households/${hid}/calendars?childId=${demo.childId}`);
      expect(calendars.status).toBe(200);
      expect(calendars.body.length).toBeGreaterThan(0);
      expect(calendars.body.map((c: { terms: unknown[] }) => c.terms)).toEqual(calendars.body.map(() => []));
    } finally {
      await other.close();
    }
  });
});
