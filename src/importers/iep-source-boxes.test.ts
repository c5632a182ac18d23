import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IepDraft, PageBox } from '../domain/iep-draft.ts';
import { readIepDocument } from './iep-document.ts';
import { detectTesseract } from './ocr.ts';

// Where the reader says each item is on its page (the review screen outlines it on the page's image),
// checked on the fictional Texas ARD/IEP of test/fixtures/iep against where poppler's own text reader
// puts the same words (`pdftotext -bbox tx-ard-like.pdf`, in points on the 612 x 792 page): a second
// reader, so the boxes are checked against the page, not against pdf.js.

const DIR = join(import.meta.dirname, '../../test/fixtures/iep');
const tesseract = await detectTesseract();

/** A word's box as pdftotext -bbox gives it, in points. */
type Word = { xMin: number; yMin: number; xMax: number; yMax: number };
const PAGE = { width: 612, height: 792 };

/** Page 1, the services grid's row "Speech Therapy | Speech Room | 30 min 2x wk | 10/01/2026 | 09/30/2027". */
const SPEECH_ROW: Word[] = [
  { xMin: 54, yMin: 656.6, xMax: 84.519, yMax: 664.925 }, // Speech
  { xMin: 495, yMin: 656.6, xMax: 540.036, yMax: 664.925 }, // 09/30/2027
];
/** The row above it ("Inclusion Support: Math | General Education Classroom", two lines), its last line. */
const ROW_ABOVE_BOTTOM = 645.675;
/** Page 2, the accommodation "[X] Extra time for assignments"; the next item's line starts at 249.775. */
const EXTRA_TIME: Word[] = [
  { xMin: 74.2595, yMin: 235.9, xMax: 96.3375, yMax: 244.6875 }, // Extra
  { xMin: 133.0075, yMin: 235.9, xMax: 186.331, yMax: 244.6875 }, // assignments
];
const NEXT_LINE_TOP = 249.775;
const PRINTED = [
  'ca-seis-like.pdf',
  'nyc-like.pdf',
  'ontario-iep.pdf',
  'pa-pde-like.pdf',
  'section-504.pdf',
  'tx-ard-like.pdf',
];

const inPoints = (b: PageBox) => ({
  x0: b.x * PAGE.width,
  x1: (b.x + b.w) * PAGE.width,
  y0: b.y * PAGE.height,
  y1: (b.y + b.h) * PAGE.height,
});

function expectAround(box: PageBox | undefined, words: Word[]) {
  expect(box).toBeDefined();
  const p = inPoints(box!);
  for (const w of words) {
    expect(p.x0).toBeLessThanOrEqual(w.xMin);
    expect(p.x1).toBeGreaterThanOrEqual(w.xMax);
    expect(p.y0).toBeLessThanOrEqual(w.yMin);
    expect(p.y1).toBeGreaterThanOrEqual(w.yMax);
  }
}

function items(draft: IepDraft) {
  return [
    draft.planKind,
    draft.jurisdiction,
    ...Object.values(draft.child),
    ...Object.values(draft.dates),
    ...draft.services,
    ...draft.accommodations,
    ...draft.goals,
    ...draft.team,
  ].filter((x) => x != null);
}

describe("where the reader's items are on their pages", () => {
  it("outlines a service's row on its page, and no more than the row", async () => {
    const draft = await readIepDocument(readFileSync(join(DIR, 'tx-ard-like.pdf')));
    const speech = draft.services.find((s) => s.name === 'Speech Therapy' && !s.esy)!;
    expect(speech.page).toBe(1);
    expect(speech.sourceBoxes).toHaveLength(1);
    expectAround(speech.sourceBoxes![0], SPEECH_ROW);
    const p = inPoints(speech.sourceBoxes![0]!);
    expect(p.y0).toBeGreaterThan(ROW_ABOVE_BOTTOM);
    expect(p.y1 - p.y0).toBeLessThan(2 * (664.925 - 656.6));
  });

  it('outlines an accommodation on its own line, not the next one', async () => {
    const draft = await readIepDocument(readFileSync(join(DIR, 'tx-ard-like.pdf')));
    const extra = draft.accommodations.find((a) => a.text === 'Extra time for assignments')!;
    expect(extra.page).toBe(2);
    expectAround(extra.sourceBoxes?.[0], EXTRA_TIME);
    expect(inPoints(extra.sourceBoxes![0]!).y1).toBeLessThan(NEXT_LINE_TOP);
  });

  it('places every item of a printed plan, each box on the page', async () => {
    for (const file of PRINTED) {
      const draft = await readIepDocument(readFileSync(join(DIR, file)));
      for (const item of items(draft)) {
        expect({ file, item: item.sourceText, placed: (item.sourceBoxes?.length ?? 0) > 0 }).toMatchObject({
          placed: true,
        });
        for (const b of item.sourceBoxes!) {
          expect(b.x + b.w).toBeLessThanOrEqual(1.0001);
          expect(b.y + b.h).toBeLessThanOrEqual(1.0001);
        }
      }
    }
  });

  it('gives a Word document no boxes (it has no pages)', async () => {
    const draft = await readIepDocument(readFileSync(join(DIR, 'co-iep.docx')));
    expect(items(draft).length).toBeGreaterThan(5);
    expect(items(draft).filter((i) => i.sourceBoxes !== undefined)).toEqual([]);
  });

  describe.skipIf(!tesseract.available)('on a scan read by OCR', () => {
    it("outlines the service's row where the scan shows it", { timeout: 180_000 }, async () => {
      const draft = await readIepDocument(readFileSync(join(DIR, 'tx-ard-like.scan.pdf')));
      expect(draft.pagesReadByOcr).toEqual([1, 2]);
      const speech = draft.services.find((s) => s.name === 'Speech Therapy' && !s.esy)!;
      expect(speech.page).toBe(1);
      // The scan is the same page drawn turned 0.4 degree with noise: the row is where it is printed,
      // give or take a few points.
      const p = inPoints(speech.sourceBoxes![0]!);
      const middle = (656.6 + 664.925) / 2;
      expect(p.y0).toBeLessThan(middle);
      expect(p.y1).toBeGreaterThan(middle);
      expect(p.y0).toBeGreaterThan(ROW_ABOVE_BOTTOM - 4);
      expect(p.x0).toBeLessThan(54 + 4);
      expect(p.x1).toBeGreaterThan(540 - 10);
    });
  });
});
