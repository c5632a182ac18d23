import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../test/support/make-pdf.ts';
import { AppError } from '../domain/errors.ts';
import { imageSize, PDFINFO_MISSING, pdfPageCount, pdftoppmAvailable, renderPages } from './page-images.ts';

// pdftoppm is part of poppler-utils, which CI installs (.ci/run); without it only the refusals run.
const hasPdftoppm = await pdftoppmAvailable();

const threePages = makePdf((doc) => {
  doc.fontSize(14).text('Page one', 50, 60);
  doc.addPage();
  doc.text('Page two', 50, 60);
  doc.addPage({ size: [300, 400] });
  doc.text('Page three, a smaller page', 20, 20);
});

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe('validation_failed');
  expect(appError.fields).toEqual([{ path: 'file', message: appError.message }]);
  return appError;
}

const scratch = mkdtempSync(join(tmpdir(), 'page-images-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const leftovers = () => readdirSync(tmpdir()).filter((f) => f.startsWith('as-written-pages-'));

describe.skipIf(!hasPdftoppm)('renderPages', () => {
  it('draws a range of pages as PNG at the DPI asked, each its own size', async () => {
    const images = await renderPages(await threePages, { dpi: 150, first: 2, last: 3 });
    expect(images.map((i) => [i.page, i.format, i.width, i.height, i.dpi])).toEqual([
      [2, 'png', 1275, 1650, 150], // Letter: 8.5 x 11 in at 150 DPI
      [3, 'png', 625, 834, 150], // 300 x 400 points (833.3 pixels, rounded up)
    ]);
    for (const i of images) expect(i.data.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('draws every page by default, and uncompressed grayscale (PGM) for OCR', async () => {
    const images = await renderPages(await threePages, { dpi: 72, format: 'pnm' });
    expect(images.map((i) => [i.page, i.width, i.height])).toEqual([
      [1, 612, 792],
      [2, 612, 792],
      [3, 300, 400],
    ]);
    expect(images[0]!.data.subarray(0, 2).toString('latin1')).toBe('P5');
    // One byte a pixel, after the header.
    expect(images[0]!.data.byteLength).toBeGreaterThanOrEqual(612 * 792);
  });

  it('leaves no temporary folder behind, also when pdftoppm fails', async () => {
    const before = new Set(leftovers());
    await renderPages(await threePages, { dpi: 50, first: 1, last: 1 });
    await refusal(renderPages(await threePages, { first: 7, last: 8 }));
    expect(leftovers().filter((f) => !before.has(f))).toEqual([]);
  });

  it('says which pages could not be drawn when pdftoppm fails', async () => {
    const error = await refusal(renderPages(await threePages, { first: 7, last: 8 }));
    expect(error.message).toMatch(/^Drawing pages 7 to 8 of this PDF as images failed \(pdftoppm: /);
  });
});

describe('renderPages refusals', () => {
  it('names the Debian package when pdftoppm is not installed', async () => {
    const error = await refusal(
      renderPages(await threePages, { command: join(scratch, 'no-such-pdftoppm') }),
    );
    expect(error.message).toBe(
      "Pages cannot be drawn as images on this server: poppler's pdftoppm is not installed. Install the Debian package poppler-utils (apt-get install poppler-utils).",
    );
  });

  it('stops a pdftoppm that takes too long', async () => {
    const slow = join(scratch, 'slow-pdftoppm');
    writeFileSync(slow, '#!/bin/sh\nsleep 5\n');
    chmodSync(slow, 0o755);
    const error = await refusal(
      renderPages(await threePages, { command: slow, timeoutMs: 300, first: 1, last: 1 }),
    );
    expect(error.message).toBe(
      'Drawing page 1 of this PDF as images took more than 0.3 seconds, so pdftoppm was stopped.',
    );
  });

  it('refuses a DPI or a page range that makes no sense, before running anything', async () => {
    expect((await refusal(renderPages(await threePages, { dpi: 2400 }))).message).toBe(
      'Pages are drawn at 36 to 600 DPI, not 2400.',
    );
    expect((await refusal(renderPages(await threePages, { first: 3, last: 2 }))).message).toMatch(
      /not a range of pages/,
    );
  });
});

describe.skipIf(!hasPdftoppm)('pdfPageCount', () => {
  it("counts a PDF's pages with pdfinfo, and refuses what is not a PDF or when pdfinfo is missing", async () => {
    expect(await pdfPageCount(await threePages)).toBe(3);
    const notPdf = await refusal(pdfPageCount(Buffer.from('not a PDF at all')));
    expect(notPdf.message).toMatch(/^Counting the pages of this PDF failed/);
    const missing = await refusal(
      pdfPageCount(await threePages, { command: join(scratch, 'no-such-pdfinfo') }),
    );
    expect(missing.message).toBe(PDFINFO_MISSING);
  });
});

describe('imageSize', () => {
  it('reads a PNG header and a PGM header, and refuses anything else', async () => {
    const png = Buffer.alloc(24);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
    png.writeUInt32BE(1275, 16);
    png.writeUInt32BE(1650, 20);
    expect(imageSize(png)).toEqual({ width: 1275, height: 1650 });
    expect(imageSize(Buffer.from('P5\n# made by a test\n2550 3300\n255\n\u0000'))).toEqual({
      width: 2550,
      height: 3300,
    });
    await refusal(Promise.resolve().then(() => imageSize(Buffer.from('GIF89a'))));
  });
});
