import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../../test/support/make-pdf.ts';
import { readDocumentText, readIepDocument } from './iep-document.ts';
import { detectTesseract, TESSERACT_INSTALL } from './ocr.ts';

// How the reader treats a PDF's scanned pages: read by OCR when Tesseract is installed (within a page
// limit and a time limit), else listed with what to install; never a failure. The scored reading of
// the scanned test plans is in iep-documents.test.ts.

const SCAN = readFileSync(join(import.meta.dirname, '../../test/fixtures/iep/tx-ard-like.scan.pdf'));
const NOWHERE = join(import.meta.dirname, 'no-such-program');
const tesseract = await detectTesseract();

describe('scanned pages without OCR', () => {
  it('lists them, and says how to install Tesseract, when it is missing', async () => {
    const draft = await readIepDocument(SCAN, { ocr: { tesseract: NOWHERE } });
    expect(draft.found).toBe(false);
    expect(draft.pagesNeedingOcr).toEqual([1, 2]);
    expect(draft.pagesReadByOcr).toEqual([]);
    expect(draft.message).toMatch(/every page of this document is a scan or a photo, which needs OCR/);
    expect(draft.notes).toEqual([
      `Pages 1, 2 are scans and could not be read: OCR is not installed on this server, so scanned pages cannot be read: ask the server's admin to install Tesseract (${TESSERACT_INSTALL}). Type their contents in, or read a copy with text.`,
    ]);
  });

  it('lists them when OCR is turned off', async () => {
    const text = await readDocumentText(SCAN, { ocr: { enabled: false } });
    expect(text.pagesWithoutText).toEqual([1, 2]);
    expect(text.pages.every((p) => p.lines.length === 0)).toBe(true);
    expect(text.notes).toEqual([
      'Pages 1, 2 are scans and could not be read: reading scans (OCR) is turned off. Type their contents in, or read a copy with text.',
    ]);
  });

  it('does not run OCR on a PDF that has its text', async () => {
    const pdf = await makePdf((doc) => doc.text('Individualized Education Program', 50, 60));
    const text = await readDocumentText(pdf, { ocr: { tesseract: NOWHERE } });
    expect(text.pagesReadByOcr).toBeUndefined();
    expect(text.notes).toEqual([]);
  });
});

describe.skipIf(!tesseract.available)('scanned pages with OCR', () => {
  it('reads a text page as text and only the scanned page by OCR', async () => {
    const pdf = await makePdf((doc) => {
      doc.fontSize(11).text('Page one has its text.', 50, 60);
      doc.addPage();
      doc.rect(50, 50, 200, 100).fill('#000000');
    });
    const text = await readDocumentText(pdf);
    expect(text.pages[0]!.lines.map((l) => l.text)).toEqual(['Page one has its text.']);
    // Page 2 has no text layer; OCR finds no words in a black box.
    expect(text.pagesReadByOcr).toEqual([2]);
    expect(text.pagesWithoutText).toEqual([]);
    expect(text.notes).toEqual(['Page 2: OCR found no text (a blank page, or a photo too faint to read).']);
  });

  it('reads at most the page limit, and lists the rest', { timeout: 60_000 }, async () => {
    const text = await readDocumentText(SCAN, { ocr: { maxPages: 1 } });
    expect(text.pagesReadByOcr).toEqual([1]);
    expect(text.pagesWithoutText).toEqual([2]);
    expect(text.pages[0]!.lines.some((l) => /SCHEDULE OF SERVICES/.test(l.text))).toBe(true);
    expect(text.notes[0]).toMatch(
      /^Page 1 is a scan, read by OCR \(Tesseract [\d.]+, eng(\+spa)?; mean confidence \d+%/,
    );
    expect(text.notes).toContain(
      'Page 2 is a scan and could not be read: the reader reads at most 1 scanned page of a document. Type its contents in, or read a copy with text.',
    );
  });

  it('lists the pages when pages cannot be drawn (pdftoppm missing), naming its package', async () => {
    const text = await readDocumentText(SCAN, { ocr: { pdftoppm: NOWHERE } });
    expect(text.pagesWithoutText).toEqual([1, 2]);
    expect(text.pagesReadByOcr).toEqual([]);
    expect(text.notes.join(' ')).toMatch(/Install the Debian package poppler-utils/);
  });
});
