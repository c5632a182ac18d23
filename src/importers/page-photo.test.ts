import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import { readIepDocument } from './iep-document.ts';
import { detectTesseract, TESSERACT_INSTALL } from './ocr.ts';
import { pdftoppmAvailable, renderPages } from './page-images.ts';
import { PHOTO_MAX_SIDE, preparePagePhoto } from './page-photo.ts';

// A photo of a page of the plan, read as a one-page document: turned upright by its EXIF orientation,
// gray, at most PHOTO_MAX_SIDE on its long side, then read by OCR like a scanned page. The photos are
// made here: a page of a test plan drawn by pdftoppm, stored turned on its side with the EXIF tag that
// says so, as a phone held sideways writes it.

const NOWHERE = join(import.meta.dirname, 'no-such-program');
const tesseract = await detectTesseract();
const canDraw = await pdftoppmAvailable();

/** A page `width` x `height`, white with a black band across its top (so "up" can be seen). */
function page(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).composite([
    {
      input: { create: { width, height: Math.round(height / 10), channels: 3, background: '#000000' } },
      top: 0,
      left: 0,
    },
  ]);
}

/** Stored turned a quarter to the left, tagged 6: "turn it a quarter to the right to show it". */
async function sideways(upright: Buffer): Promise<Buffer> {
  return sharp(upright).rotate(-90).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toBuffer();
}

/** A PGM's gray values of its first and last rows, on average. */
function topAndBottom(pgm: Buffer, width: number, height: number) {
  const pixels = pgm.subarray(pgm.length - width * height);
  const row = (y: number) => pixels.subarray(y * width, (y + 1) * width).reduce((a, b) => a + b, 0) / width;
  return { top: row(0), bottom: row(height - 1) };
}

describe('a photo of a page, made ready for OCR', () => {
  it('is turned upright by its EXIF orientation and made gray (a PGM)', async () => {
    const photo = await sideways(await page(1000, 1400).png().toBuffer());
    expect((await sharp(photo).metadata()).width).toBe(1400);
    const ready = await preparePagePhoto(photo);
    expect([ready.width, ready.height]).toEqual([1000, 1400]);
    const header = 'P5\n1000 1400\n255\n';
    expect(ready.data.subarray(0, header.length).toString('latin1')).toBe(header);
    const { top, bottom } = topAndBottom(ready.data, ready.width, ready.height);
    expect(top).toBeLessThan(30);
    expect(bottom).toBeGreaterThan(225);
  });

  it(`is made at most ${PHOTO_MAX_SIDE} pixels on its long side, and a small one is not enlarged`, async () => {
    const large = await preparePagePhoto(await page(3000, 4000).jpeg().toBuffer());
    expect([large.width, large.height]).toEqual([2625, PHOTO_MAX_SIDE]);
    // The page fills the photo: its long side is a Letter page's 11 inches (792 points).
    expect([large.dpi, large.pageWidth, large.pageHeight]).toEqual([318, 594, 792]);
    const small = await preparePagePhoto(await page(850, 1100).png().toBuffer());
    expect([small.width, small.height, small.dpi]).toEqual([850, 1100, 100]);
  });

  it('refuses a photo that cannot be opened, naming file', async () => {
    const photo = await page(400, 500).jpeg().toBuffer();
    const damaged = Buffer.concat([photo.subarray(0, 200), Buffer.alloc(300, 0x41)]);
    const error = await readIepDocument(damaged).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields?.[0]?.path).toBe('file');
    expect((error as AppError).message).toMatch(/This photo could not be opened/);
  });

  it('refuses an image that is not a JPEG or a PNG, saying what it is', async () => {
    const gif = await page(40, 50).gif().toBuffer();
    const error = await readIepDocument(gif).catch((e: unknown) => e);
    expect((error as AppError).message).toBe(
      'This file is not a PDF, a Word document (.docx) or a photo of a page (JPEG or PNG) (it is a GIF image), so it cannot be read as a plan.',
    );
  });
});

describe('a photo of a page without OCR', () => {
  it('lists page 1 as needing OCR, and says how to install Tesseract', async () => {
    const draft = await readIepDocument(await page(850, 1100).png().toBuffer(), {
      ocr: { tesseract: NOWHERE },
    });
    expect(draft.found).toBe(false);
    expect(draft.format).toBe('pdf');
    expect(draft.pageCount).toBe(1);
    expect(draft.pagesNeedingOcr).toEqual([1]);
    expect(draft.pagesReadByOcr).toEqual([]);
    expect(draft.notes).toEqual([
      `Page 1 is a photo and could not be read: OCR is not installed on this server, so scanned pages cannot be read: ask the server's admin to install Tesseract (${TESSERACT_INSTALL}). Type its contents in, or read a copy with text.`,
    ]);
  });
});

describe.skipIf(!tesseract.available || !canDraw)('a photo of a page with OCR', () => {
  it('reads the child and the services from a sideways photo of a page', { timeout: 60_000 }, async () => {
    const pdf = readFileSync(join(import.meta.dirname, '../../test/fixtures/iep/tx-ard-like.pdf'));
    const [drawn] = await renderPages(pdf, { dpi: 300, first: 1, last: 1, gray: false });
    const photo = await sideways(drawn!.data);
    const draft = await readIepDocument(photo);
    expect(draft.pageCount).toBe(1);
    expect(draft.pagesReadByOcr).toEqual([1]);
    expect(draft.pagesNeedingOcr).toEqual([]);
    expect(draft.notes[0]).toMatch(
      /^Page 1 is a photo, read by OCR \(Tesseract [\d.]+, eng(\+spa)?; mean confidence \d+%/,
    );
    expect(draft.child.name?.value).toBe('Elijah Marcus Whitfield');
    expect(draft.services.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Speech Therapy', 'Occupational Therapy', 'Inclusion Support: Math']),
    );
    for (const s of draft.services) expect(s.page).toBe(1);
  });
});
