import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectTesseract } from '../../src/importers/ocr.ts';
import { renderPages } from '../../src/importers/page-images.ts';
import { fixedClock } from '../../src/server/context.ts';
import { sweepExpiredIepDocuments } from '../../src/server/services/iep-documents.ts';
import { makePdf } from '../support/make-pdf.ts';
import { BACKENDS, call, openTestEnv, rowCounts, TEST_NOW, type TestEnv } from './harness.ts';

// Starting from the IEP document through the API, on both databases: the file is held apart from the
// record and read by a job in a child process; the draft comes back with its sources; a file that is
// not a plan, or cannot be read, says so and saves nothing; "Save the plan" saves the reviewed plan, its
// content and the document as evidence in one transaction, or nothing at all.

const FIXTURES = join(import.meta.dirname, '../fixtures/iep');
const NYC = readFileSync(join(FIXTURES, 'nyc-like.pdf'));
const FL = readFileSync(join(FIXTURES, 'fl-like.pdf'));
const ENCRYPTED = readFileSync(join(FIXTURES, 'encrypted.pdf'));
const LIMIT = 2 * 1024 * 1024;

const segment = {
  startDate: '2026-09-08',
  endDate: '2027-06-11',
  minutesPerSession: 30,
  sessionsPerPeriod: 2,
  period: { unit: 'week' },
};

describe.each(BACKENDS)('IEP documents on %s', (backend) => {
  let env: TestEnv;
  let childId: string;
  const api = (path: string) => `/api/households/${env.householdId}${path}`;
  const upload = (bytes: Buffer, filename: string) =>
    call(
      env,
      'POST',
      api(`/children/${childId}/iep-documents?filename=${encodeURIComponent(filename)}`),
      bytes,
    );
  const readDocument = async (bytes: Buffer, filename: string) => {
    const started = await upload(bytes, filename);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body.status).toBe('reading');
    await env.app.deps.jobs.idle();
    return (await call(env, 'GET', api(`/iep-documents/${started.body.id}`))).body;
  };

  beforeAll(async () => {
    env = await openTestEnv(backend, fixedClock(TEST_NOW), { iepUploadLimitBytes: LIMIT });
    childId = (await call(env, 'POST', api('/children'), { firstName: 'Emma' })).body.id;
  });
  afterAll(async () => env.close());

  it('reads a PDF off the request into a draft with its sources, and writes nothing to the record', async () => {
    const before = await rowCounts(env.store);
    const doc = await readDocument(NYC, 'IEP 2026.pdf');
    expect(doc).toMatchObject({
      status: 'read',
      filename: 'IEP 2026.pdf',
      mediaType: 'application/pdf',
      error: null,
    });
    expect(doc.draft.found).toBe(true);
    expect(doc.draft.services.length).toBeGreaterThanOrEqual(5);
    for (const s of doc.draft.services) expect(s.page).toBeGreaterThanOrEqual(1);
    const after = await rowCounts(env.store);
    expect(after.iep_document).toBe(before.iep_document! + 1);
    for (const table of ['plan', 'service', 'attachment', 'journal'] as const)
      expect(after[table]).toBe(before[table]);
    const listed = await call(env, 'GET', api(`/children/${childId}/iep-documents`));
    expect(listed.body.map((d: { id: string }) => d.id)).toContain(doc.id);
    const file = await env.app.inject({
      method: 'GET',
      url: api(`/iep-documents/${doc.id}/file`),
      headers: { cookie: env.owner.cookie },
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.rawPayload.equals(NYC)).toBe(true);
  });

  it('reads a behavior plan into the draft, and a draft kept before behavior plans were read still opens', async () => {
    const doc = await readDocument(FL, 'fl.pdf');
    expect(doc.draft.behaviorSteps.map((s: { kind: string }) => s.kind)).toEqual([
      ...Array(3).fill('trigger'),
      ...Array(4).fill('strategy'),
      'reward',
      ...Array(3).fill('response'),
    ]);
    expect(doc.draft.behaviorSteps[0]).toMatchObject({
      text: 'Being asked to write more than one sentence',
      page: expect.any(Number),
      sourceText: '• Being asked to write more than one sentence',
    });
    // An older row: its draft has no behaviorSteps.
    const { behaviorSteps: _, ...older } = doc.draft;
    await env.store.db
      .updateTable('iep_document')
      .set({ draft: JSON.stringify(older) })
      .where('id', '=', doc.id)
      .execute();
    const again = await call(env, 'GET', api(`/iep-documents/${doc.id}`));
    expect(again.status).toBe(200);
    expect(again.body.draft.behaviorSteps).toEqual([]);
    await call(env, 'DELETE', api(`/iep-documents/${doc.id}`));
  });

  it('says the draft’s reasons in the reader’s language, from their words; an English reader and an old draft keep the English', async () => {
    type Item = { reason: string | null; reasonWords?: { key: string } };
    const doc = await readDocument(NYC, 'nyc.pdf');
    const checked = (draft: { services: Item[]; toCheck: Item[] }) => [
      ...draft.services.filter((s) => s.reason != null),
      ...draft.toCheck,
    ];
    const english = checked(doc.draft);
    expect(english.length).toBeGreaterThan(0);
    for (const item of english) expect(item.reasonWords?.key).toMatch(/^iepreader\./);
    expect(english.map((i) => i.reason)).toContain(
      "Check the amount of 'Integrated Co-Teaching Services: ELA | 5 periods per week': \"5 periods\" counts class periods, whose length is set by the school's bell schedule; enter the minutes of one period",
    );
    expect((await call(env, 'PUT', '/api/auth/language', { language: 'es' })).status).toBe(200);
    try {
      const spanish = (await call(env, 'GET', api(`/iep-documents/${doc.id}`))).body;
      const said = checked(spanish.draft);
      expect(said.map((i) => i.reason)).toContain(
        'Revise la cantidad de \'Integrated Co-Teaching Services: ELA | 5 periods per week\': "5 periods" cuenta períodos de clase, cuya duración fija el horario de la escuela; escriba los minutos de un período',
      );
      expect(said).toHaveLength(english.length);
      said.forEach((item, i) => {
        expect(item.reason).not.toBe(english[i]!.reason);
        expect(item.reasonWords).toEqual(english[i]!.reasonWords);
      });
      // Only the reasons' language changes.
      expect(spanish.draft.services.map((s: { amounts: unknown }) => s.amounts)).toEqual(
        doc.draft.services.map((s: { amounts: unknown }) => s.amounts),
      );
      const listed = (await call(env, 'GET', api(`/children/${childId}/iep-documents`))).body;
      const mine = listed.find((d: { id: string }) => d.id === doc.id);
      expect(checked(mine.draft).map((i) => i.reason)).toEqual(said.map((i) => i.reason));
      // A draft kept before reasons had words keeps its English reasons.
      const older = JSON.parse(
        JSON.stringify(doc.draft, (key, value) => (key === 'reasonWords' ? undefined : value)),
      );
      await env.store.db
        .updateTable('iep_document')
        .set({ draft: JSON.stringify(older) })
        .where('id', '=', doc.id)
        .execute();
      const old = await call(env, 'GET', api(`/iep-documents/${doc.id}`));
      expect(old.status).toBe(200);
      expect(checked(old.body.draft).map((i) => i.reason)).toEqual(english.map((i) => i.reason));
    } finally {
      await call(env, 'PUT', '/api/auth/language', { language: 'en' });
    }
    await call(env, 'DELETE', api(`/iep-documents/${doc.id}`));
  });

  it('reads a photo of a page (PNG) by OCR into a draft of that page', { timeout: 90_000 }, async () => {
    const [page] = await renderPages(NYC, { dpi: 200, first: 1, last: 1 });
    const doc = await readDocument(page!.data, 'page 1.png');
    expect(doc).toMatchObject({
      status: 'read',
      filename: 'page 1.png',
      mediaType: 'image/png',
      error: null,
    });
    expect(doc.draft.pageCount).toBe(1);
    // CI installs Tesseract (.ci/run); without it the page is listed for the parent to type in.
    if ((await detectTesseract()).available) {
      expect(doc.draft.pagesReadByOcr).toEqual([1]);
      expect(doc.draft.child.name.value).toBe('Jordan Ellery Vance');
    } else expect(doc.draft.pagesNeedingOcr).toEqual([1]);
    // It travels in the export, and the export is taken by another server (a backup restored).
    const exported = await call(env, 'GET', api('/export'));
    expect(exported.body.iepDocuments.find((d: { id: string }) => d.id === doc.id).mediaType).toBe(
      'image/png',
    );
    const there = await openTestEnv(backend);
    try {
      const imported = await call(there, 'POST', '/api/import', exported.body);
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      expect(imported.body.counts.iepDocumentFiles).toBe(exported.body.iepDocumentFiles.length);
    } finally {
      await there.close();
    }
  });

  it('refuses what is not a plan document, naming file, and saves nothing', async () => {
    const before = await rowCounts(env.store);
    const gif = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } })
      .gif()
      .toBuffer();
    const cases: [Buffer, string, number][] = [
      [gif, 'scan.gif', 415],
      [Buffer.from('<html><body>%PDF-1.7</body></html>'), 'iep.pdf', 415],
      [Buffer.alloc(0), 'iep.pdf', 400],
      [Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(LIMIT)]), 'huge.pdf', 413],
    ];
    for (const [bytes, name, status] of cases) {
      const res = await upload(bytes, name);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(status);
      if (status !== 413) expect(res.body.error.fields[0].path).toBe('file');
      else expect(res.body.error.message).toMatch(/2 MB/);
    }
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('says why a locked or unrelated PDF gave no plan', async () => {
    const locked = await readDocument(ENCRYPTED, 'locked.pdf');
    expect(locked.status).toBe('failed');
    expect(locked.error).toMatch(/password/);
    const menu = await makePdf((pdf) => {
      pdf.fontSize(18).text('Maple Elementary Lunch Menu - December');
      pdf.fontSize(11).text('Monday: Pizza, salad, milk. Tuesday: Tacos, corn, apple. Wednesday: Pasta.');
    });
    const lunch = await readDocument(menu, 'menu.pdf');
    expect(lunch.status).toBe('read');
    expect(lunch.draft.found).toBe(false);
    expect(lunch.draft.message).toMatch(/No IEP or 504 plan was found/);
    // A Spanish reader is told both in Spanish; the stored refusal stays the English sentence.
    expect((await call(env, 'PUT', '/api/auth/language', { language: 'es' })).status).toBe(200);
    try {
      const lockedEs = (await call(env, 'GET', api(`/iep-documents/${locked.id}`))).body;
      expect(lockedEs.error).toMatch(/^Este PDF está protegido con contraseña, así que no se puede leer\./);
      const lunchEs = (await call(env, 'GET', api(`/iep-documents/${lunch.id}`))).body;
      expect(lunchEs.draft.message).toMatch(/^No se encontró ningún IEP ni plan 504 en este documento/);
      const listed = (await call(env, 'GET', api(`/children/${childId}/iep-documents`))).body;
      expect(listed.find((d: { id: string }) => d.id === locked.id).error).toBe(lockedEs.error);
    } finally {
      await call(env, 'PUT', '/api/auth/language', { language: 'en' });
    }
    const stored = await env.store.db
      .selectFrom('iep_document')
      .select('error')
      .where('id', '=', locked.id)
      .executeTakeFirstOrThrow();
    expect(stored.error).toBe(locked.error);
  });

  it('saves the reviewed plan, its content and the document as evidence, in one transaction', async () => {
    const doc = await readDocument(NYC, 'nyc.pdf');
    const bad = await call(env, 'POST', api(`/iep-documents/${doc.id}/plan`), {
      plan: {
        kind: 'iep',
        jurisdiction: { country: 'US', region: 'NY' },
        effectiveFrom: '2026-09-08',
        effectiveTo: '2027-06-11',
      },
      services: [
        {
          name: 'Speech',
          area: 'speech',
          setting: 'pull_out',
          startDate: '2026-09-08',
          endDate: '2027-06-11',
          segments: [],
        },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toMatch(/^services\.0\.segments/);
    const before = await rowCounts(env.store);
    const accommodations = doc.draft.accommodations
      .slice(0, 2)
      .map((a: { text: string }) => ({ text: a.text.slice(0, 500) }));
    const saved = await call(env, 'POST', api(`/iep-documents/${doc.id}/plan`), {
      plan: {
        kind: 'iep',
        jurisdiction: { country: 'US', region: 'NY' },
        effectiveFrom: '2026-09-08',
        effectiveTo: '2027-06-11',
      },
      services: [
        {
          name: 'Speech-language therapy',
          area: 'speech',
          setting: 'pull_out',
          startDate: '2026-09-08',
          endDate: '2027-06-11',
          segments: [segment],
        },
      ],
      accommodations,
      goals: [{ area: 'Reading', text: 'Read grade-level text at 90 words per minute' }],
      keyDates: [{ kind: 'annual_review', date: '2027-06-01' }],
      team: [{ name: 'Ms. Rivera', role: 'Case manager' }],
      behaviorSteps: [
        { kind: 'trigger', text: 'Timed math drills', position: 0 },
        { kind: 'strategy', text: 'Preview the day on a visual schedule', position: 0 },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body.saved).toEqual({
      services: 1,
      accommodations: accommodations.length,
      goals: 1,
      keyDates: 1,
      team: 1,
      behaviorSteps: 2,
    });
    const after = await rowCounts(env.store);
    expect(after.plan).toBe(before.plan! + 1);
    expect(after.service).toBe(before.service! + 1);
    expect(after.attachment).toBe(before.attachment! + 1);
    expect(after.iep_document).toBe(before.iep_document! - 1);
    const file = await call(env, 'GET', api(`/attachments/${saved.body.attachmentId}`));
    expect(file.body).toMatchObject({ filename: 'nyc.pdf', sha256: doc.sha256 });
    // The file's journal entry names it and its SHA-256, in the same transaction as the plan.
    const entry = await env.store.db
      .selectFrom('journal')
      .select(['data'])
      .where('household_id', '=', env.householdId)
      .where('entity', '=', 'attachment')
      .where('entity_id', '=', saved.body.attachmentId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.data)).toMatchObject({ filename: 'nyc.pdf', sha256: doc.sha256 });
    const services = await call(env, 'GET', api(`/services?planId=${saved.body.planId}`));
    expect(services.body.map((s: { name: string }) => s.name)).toEqual(['Speech-language therapy']);
    const steps = await call(env, 'GET', api(`/behavior-steps?planId=${saved.body.planId}`));
    expect(steps.body.map((s: { kind: string; text: string }) => [s.kind, s.text])).toEqual([
      ['trigger', 'Timed math drills'],
      ['strategy', 'Preview the day on a visual schedule'],
    ]);
    expect((await call(env, 'GET', api(`/iep-documents/${doc.id}`))).status).toBe(404);
    const verified = await call(env, 'GET', api('/verify'));
    expect(verified.body.ok, JSON.stringify(verified.body).slice(0, 500)).toBe(true);
  });

  it('keeps a document 7 days, travels in the export, and is not found from another household', async () => {
    const doc = await readDocument(NYC, 'kept.pdf');
    const exported = await call(env, 'GET', api('/export'));
    expect(exported.body.iepDocuments.map((d: { id: string }) => d.id)).toContain(doc.id);
    expect(exported.body.iepDocumentFiles.map((d: { documentId: string }) => d.documentId)).toContain(doc.id);
    const other = await call(env, 'POST', '/api/households', { name: 'Other family' });
    const stranger = await call(env, 'GET', `/api/households/${other.body.id}/iep-documents/${doc.id}`);
    expect(stranger.status).toBe(404);
    const notYet = await sweepExpiredIepDocuments(env.store, fixedClock('2026-12-05T00:00:00.000Z'));
    expect(notYet).toBe(0);
    const removed = await sweepExpiredIepDocuments(env.store, fixedClock('2026-12-30T00:00:00.000Z'));
    expect(removed).toBeGreaterThanOrEqual(1);
    expect((await call(env, 'GET', api(`/iep-documents/${doc.id}`))).status).toBe(404);
  });
});
