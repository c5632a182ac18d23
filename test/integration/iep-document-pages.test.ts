import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPages } from '../../src/importers/page-images.ts';
import { fixedClock } from '../../src/server/context.ts';
import { BACKENDS, call, openTestEnv, rowCounts, TEST_NOW, type TestEnv } from './harness.ts';

// A page of an IEP document as an image, for the review screen (the page beside what was read from
// it), on both databases: a PDF's page drawn at 150 DPI as a PNG, kept in the browser's private cache;
// a photo of a page is its one page, upright; 404 for a page the PDF does not have, for a Word document
// (it has no pages) and for a document of another household. Drawing writes nothing.

const FIXTURES = join(import.meta.dirname, '../fixtures/iep');
const TX = readFileSync(join(FIXTURES, 'tx-ard-like.pdf'));
const DOCX = readFileSync(join(FIXTURES, 'co-iep.docx'));

describe.each(BACKENDS)('the pages of an IEP document on %s', (backend) => {
  let env: TestEnv;
  let pdfId: string;
  let docxId: string;
  let photoId: string;
  let otherHousehold: string;
  const api = (path: string, householdId = env.householdId) => `/api/households/${householdId}${path}`;
  const page = (path: string) =>
    env.app.inject({ method: 'GET', url: path, headers: { cookie: env.owner.cookie } });

  beforeAll(async () => {
    env = await openTestEnv(backend, fixedClock(TEST_NOW));
    const childId = (await call(env, 'POST', api('/children'), { firstName: 'Elijah' })).body.id;
    const upload = async (bytes: Buffer, filename: string) => {
      const made = await call(
        env,
        'POST',
        api(`/children/${childId}/iep-documents?filename=${filename}`),
        bytes,
      );
      expect(made.status, JSON.stringify(made.body)).toBe(202);
      return made.body.id as string;
    };
    pdfId = await upload(TX, 'ard.pdf');
    docxId = await upload(DOCX, 'iep.docx');
    // A phone's photo of the page: stored as the sensor saw it (on its side), with the EXIF note that
    // turns it upright.
    const [drawn] = await renderPages(TX, { dpi: 100, first: 1, last: 1 });
    const sideways = await sharp(drawn!.data).rotate(-90).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    photoId = await upload(sideways, 'page.jpg');
    await env.app.deps.jobs.idle();
    // A second household the owner also belongs to: its URLs must not reach the first one's documents.
    otherHousehold = (await call(env, 'POST', '/api/households', { name: 'Second family' })).body.id;
  }, 120_000);
  afterAll(async () => env?.close());

  it("draws a PDF's page as a PNG at 150 DPI, the size of the page, and writes nothing", async () => {
    const before = await rowCounts(env.store);
    const res = await page(api(`/iep-documents/${pdfId}/pages/1`));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe('private, max-age=3600');
    expect(res.headers['content-disposition']).toMatch(/^inline;/);
    const meta = await sharp(res.rawPayload).metadata();
    // US letter, 8.5 by 11 inches, at 150 dots per inch.
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1275, 1650]);
    expect(await rowCounts(env.store)).toEqual(before);
    // The second and last page is there too.
    expect((await page(api(`/iep-documents/${pdfId}/pages/2`))).statusCode).toBe(200);
  });

  it('draws the page its items were read from, where the draft says their words are', async () => {
    const doc = (await call(env, 'GET', api(`/iep-documents/${pdfId}`))).body;
    const speech = doc.draft.services.find((s: { name: string }) => s.name === 'Speech Therapy');
    const [box] = speech.sourceBoxes;
    const res = await page(api(`/iep-documents/${pdfId}/pages/${speech.page}`));
    // The outlined part of the page holds print (dark pixels); the same band under the table is blank.
    const { width, height } = await sharp(res.rawPayload).metadata();
    const darkest = async (top: number) => {
      const region = {
        left: Math.floor(box.x * width!),
        top: Math.floor(top * height!),
        width: Math.floor(box.w * width!),
        height: Math.ceil(box.h * height!),
      };
      const { data, info } = await sharp(res.rawPayload)
        .extract(region)
        .raw()
        .toBuffer({ resolveWithObject: true });
      let min = 255;
      for (let i = 0; i < data.length; i += info.channels) min = Math.min(min, data[i]!);
      return min;
    };
    expect(await darkest(box.y)).toBeLessThan(100);
    expect(await darkest(0.92)).toBeGreaterThan(200);
  });

  it('answers 404 for a page the PDF does not have, and 400 for what is not a page number', async () => {
    const missing = await call(env, 'GET', api(`/iep-documents/${pdfId}/pages/99`));
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('This document has 2 pages: there is no page 99');
    expect((await call(env, 'GET', api(`/iep-documents/${pdfId}/pages/0`))).status).toBe(400);
    expect((await call(env, 'GET', api(`/iep-documents/${pdfId}/pages/one`))).status).toBe(400);
  });

  it('draws a photo of a page as its one page, upright as it was read', async () => {
    const res = await page(api(`/iep-documents/${photoId}/pages/1`));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const meta = await sharp(res.rawPayload).metadata();
    // 850 by 1100 pixels as photographed (Letter at 100 DPI), upright: taller than wide, not enlarged.
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 850, 1100]);
    expect((await call(env, 'GET', api(`/iep-documents/${photoId}/pages/2`))).status).toBe(404);
  });

  it('answers 404 for a Word document, which has no pages', async () => {
    const doc = (await call(env, 'GET', api(`/iep-documents/${docxId}`))).body;
    expect(doc.status).toBe('read');
    const res = await call(env, 'GET', api(`/iep-documents/${docxId}/pages/1`));
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/Word document/);
  });

  it("answers 404 for another household's document, even to a member of both", async () => {
    const res = await call(env, 'GET', api(`/iep-documents/${pdfId}/pages/1`, otherHousehold));
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(`IEP document ${pdfId} was not found`);
  });
});
