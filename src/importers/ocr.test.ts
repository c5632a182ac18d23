import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../../test/support/make-pdf.ts';
import { AppError } from '../domain/errors.ts';
import {
  cleanWord,
  detectTesseract,
  linesFromWords,
  type OcrWord,
  ocrPageImage,
  TESSERACT_INSTALL,
  wordsFromHocr,
} from './ocr.ts';
import { OCR_DPI, pdftoppmAvailable, renderPages } from './page-images.ts';
import { readPdfText } from './pdf-text.ts';

// Tesseract (and pdftoppm, to make its input) are installed on CI (.ci/run); the end-to-end test is
// skipped only where they are not. The hOCR parsing and the line model are tested on their own.
const tesseract = await detectTesseract();
const canRun = tesseract.available && (await pdftoppmAvailable());

const HOCR = `<?xml version="1.0" encoding="UTF-8"?>
<html><body><div class='ocr_page' id='page_1' title='image "stdin"; bbox 0 0 2550 3300; ppageno 0'>
 <div class='ocr_carea' id='block_1_1' title="bbox 200 400 2300 500">
  <p class='ocr_par' id='par_1_1' lang='eng' title="bbox 200 400 2300 500">
   <span class='ocr_line' id='line_1_1' title="bbox 200 400 2300 440; baseline 0.01 -8; x_size 40; x_descenders 8; x_ascenders 9">
    <span class='ocrx_word' id='word_1_1' title='bbox 200 400 420 432; x_wconf 96'>Speech</span>
    <span class='ocrx_word' id='word_1_2' title='bbox 440 401 640 433; x_wconf 95'>Therapy</span>
    <span class='ocrx_word' id='word_1_3' title='bbox 700 400 712 470; x_wconf 40'>|</span>
    <span class='ocrx_word' id='word_1_4' title='bbox 900 405 1000 436; x_wconf 91'>2x30</span>
    <span class='ocrx_word' id='word_1_5' title='bbox 1020 405 1100 436; x_wconf 58'>mín</span>
    <span class='ocrx_word' id='word_1_6' title='bbox 1500 410 1800 440; x_wconf 93'>Speech&amp;Lang</span>
   </span>
   <span class='ocr_header' id='line_1_2' title="bbox 200 480 900 540; baseline 0 -10; x_size 60; x_descenders 12; x_ascenders 14">
    <span class='ocrx_word' id='word_1_7' title='bbox 200 480 900 530; x_wconf 97'>ACCOMMODATIONS</span>
   </span>
  </p>
 </div>
</div></body></html>`;

describe('wordsFromHocr', () => {
  it("reads each word's box and confidence, with its line's baseline and size", () => {
    const words = wordsFromHocr(HOCR);
    expect(words.map((w) => w.text)).toEqual([
      'Speech',
      'Therapy',
      '|',
      '2x30',
      'mín',
      'Speech&Lang',
      'ACCOMMODATIONS',
    ]);
    const [speech, therapy] = words;
    // Baseline: the line's bottom (440) + offset (-8) + slope (0.01) x distance from the line's left.
    expect(speech).toMatchObject({ x0: 200, x1: 420, confidence: 96, baseline: 432, slope: 0.01, size: 40 });
    expect(therapy!.baseline).toBeCloseTo(434.4);
    expect(words[6]).toMatchObject({ baseline: 530, size: 60, slope: 0 });
  });
});

describe('cleanWord', () => {
  it('drops table rules and reads check boxes as the extractor knows them', () => {
    expect(cleanWord('|', 90)).toBe('');
    expect(cleanWord('Resource:|', 90)).toBe('Resource:');
    expect(cleanWord('[X]', 95)).toBe('[X]');
    expect(cleanWord('[x]', 95)).toBe('[X]');
    expect(cleanWord('[]', 95)).toBe('[ ]');
    expect(cleanWord('[J', 95)).toBe('[ ]');
    expect(cleanWord('{X}', 95)).toBe('[X]');
    expect(cleanWord('(x)', 95)).toBe('[X]');
    // Something else in a box, or a box OCR is unsure of: its state is not guessed.
    expect(cleanWord('[/]', 95)).toBe('[?]');
    expect(cleanWord('[X]', 50)).toBe('[?]');
    expect(cleanWord('[]', 50)).toBe('[?]');
    // Not boxes: a footnote's number, a list letter.
    expect(cleanWord('[1]', 95)).toBe('[1]');
    expect(cleanWord('(a)', 95)).toBe('(a)');
    // A rule stuck to a word, a speck before a date.
    expect(cleanWord('Frequency]', 80)).toBe('Frequency');
    expect(cleanWord('.09/14/2027', 80)).toBe('09/14/2027');
    expect(cleanWord('Yes.', 90)).toBe('Yes.');
    // A box read together with its label.
    expect(cleanWord('[]Reduced', 90)).toBe('[ ] Reduced');
    expect(cleanWord('[X]Extended', 90)).toBe('[X] Extended');
  });
});

const word = (
  text: string,
  x0: number,
  x1: number,
  baseline: number,
  confidence = 95,
  slope = 0,
): OcrWord => ({
  text,
  x0,
  x1,
  y0: baseline - 30,
  y1: baseline + 5,
  confidence,
  baseline,
  slope,
  size: 40,
});

describe('linesFromWords', () => {
  it('makes lines and cells in PDF points, carrying the lowest confidence of each cell', () => {
    const scale = 72 / 300;
    const lines = linesFromWords(
      [
        word('Speech', 200, 420, 1000),
        word('Therapy', 440, 640, 1000),
        word('2', 900, 925, 1000, 60),
        word('x', 935, 955, 1000),
        word('30', 965, 1010, 1000),
        word('Weekly', 200, 400, 1100),
      ],
      scale,
    );
    expect(lines.map((l) => l.cells.map((c) => [c.x, c.text, c.confidence]))).toEqual([
      [
        [48, 'Speech Therapy', 95],
        [216, '2 x 30', 60],
      ],
      [[48, 'Weekly', 95]],
    ]);
    expect(lines[0]).toMatchObject({ y: 240, height: 9.6, confidence: 60 });
  });

  it('turns a slightly turned scan back, so a row stays one line and a column one x', () => {
    // The page is turned by 0.5 degree: every baseline falls 0.0087 pixels per pixel to the right.
    const slope = Math.tan((0.5 * Math.PI) / 180);
    const at = (x: number, y: number) => y + slope * x;
    const shift = (y: number) => -slope * y;
    const lines = linesFromWords(
      [
        word('Service', 200 + shift(400), 400 + shift(400), at(200, 400), 95, slope),
        word('Frequency', 1800 + shift(400), 2100 + shift(400), at(1800, 400), 95, slope),
        word('Speech', 200 + shift(3000), 400 + shift(3000), at(200, 3000), 95, slope),
        word('Weekly', 1800 + shift(3000), 2000 + shift(3000), at(1800, 3000), 95, slope),
      ],
      72 / 300,
    );
    expect(lines.map((l) => l.cells.map((c) => c.text))).toEqual([
      ['Service', 'Frequency'],
      ['Speech', 'Weekly'],
    ]);
    const xs = lines.map((l) => l.cells[1]!.x);
    expect(Math.abs(xs[0]! - xs[1]!)).toBeLessThan(1);
  });

  it('reads a bullet or an empty drawn box that OCR made a letter of', () => {
    const lines = linesFromWords(
      [
        word('+', 200, 215, 1000),
        word('Preferential', 260, 500, 1000),
        word('O', 200, 230, 1100, 75),
        word('Peer', 270, 360, 1100),
      ],
      72 / 300,
    );
    expect(lines.map((l) => l.text)).toEqual(['• Preferential', '[?] Peer']);
  });
});

describe('detectTesseract', () => {
  it('says how to install Tesseract when it is not there', async () => {
    const missing = await detectTesseract(join(import.meta.dirname, 'no-such-tesseract'));
    expect(missing.available).toBe(false);
    expect(missing.available ? '' : missing.message).toContain(TESSERACT_INSTALL);
    expect(TESSERACT_INSTALL).toBe('apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa');
  });

  it('refuses to OCR with a Tesseract that is not there, naming the package', async () => {
    const error = await ocrPageImage(
      Buffer.from('P5\n1 1\n255\n\u00ff'),
      { pageWidth: 612, imageWidth: 1, dpi: 72 },
      { command: join(import.meta.dirname, 'no-such-tesseract') },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain(TESSERACT_INSTALL);
  });
});

describe.skipIf(!canRun)('ocrPageImage with Tesseract', () => {
  it('reads a drawn page into the lines and cells its text layer gives, at the same places', async () => {
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica-Bold').fontSize(14).text('Individualized Education Program', 50, 60);
      doc.font('Helvetica').fontSize(10);
      for (const [x, t] of [
        [54, 'Service'],
        [220, 'Frequency'],
        [360, 'Duration'],
      ] as const)
        doc.text(t, x, 110, { lineBreak: false });
      for (const [x, t] of [
        [54, 'Speech Therapy'],
        [220, 'Weekly'],
        [360, '2 x 30 min'],
      ] as const)
        doc.text(t, x, 128, { lineBreak: false });
      doc.text('[X] Extended time on tests', 54, 170, { lineBreak: false });
      doc.text('[ ] Reduced assignments', 54, 188, { lineBreak: false });
    });
    const [image] = await renderPages(pdf, { dpi: OCR_DPI, format: 'pnm', first: 1, last: 1 });
    const ocr = await ocrPageImage(
      image!.data,
      { pageWidth: 612, imageWidth: image!.width, dpi: OCR_DPI },
      { languages: tesseract.available ? tesseract.languages : ['eng'] },
    );
    const text = (await readPdfText(pdf)).pages[0]!.lines;
    expect(ocr.lines.map((l) => l.text)).toEqual(text.map((l) => l.text));
    expect(ocr.lines[1]!.cells.map((c) => c.text)).toEqual(['Service', 'Frequency', 'Duration']);
    expect(ocr.lines[2]!.cells.map((c) => c.text)).toEqual(['Speech Therapy', 'Weekly', '2 x 30 min']);
    // Same places as the text layer, within a couple of points; the same sizes, roughly.
    for (const [i, l] of ocr.lines.entries()) {
      expect(Math.abs(l.y - text[i]!.y)).toBeLessThan(3);
      expect(Math.abs(l.cells[0]!.x - text[i]!.cells[0]!.x)).toBeLessThan(3);
      expect(l.height / text[i]!.height).toBeGreaterThan(0.7);
      expect(l.height / text[i]!.height).toBeLessThan(1.4);
    }
    expect(ocr.meanConfidence).toBeGreaterThan(80);
    expect(ocr.words).toBeGreaterThan(15);
  }, 60_000);
});
