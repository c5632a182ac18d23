import { describe, expect, it } from 'vitest';
import { createPdf, FONT, fontsCanDraw, pdfText } from './pdf-fonts.ts';

// The reports' fonts and their one drawing path (pdf-fonts.ts): which characters print, how mixed
// text is measured (so pdfkit wraps it), and that a document is the same bytes for the same text.
// test/integration/report-scripts.test.ts reads the PDFs back with poppler.

const NAMES = [
  'José Muñoz-Peña',
  'Nguyễn Thị Ánh',
  '王小明',
  'やまだ はなこ',
  'فاطمة الزهراء',
  'שרה כהן',
  'Ελένη',
  'Анна',
];

function render(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = createPdf({ size: 'LETTER', info: { CreationDate: new Date('2026-11-02T12:00:00.000Z') } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
  });
  draw(doc);
  doc.end();
  return done;
}

describe('what the reports can print', () => {
  it('keeps names in Latin with Spanish and Vietnamese marks, CJK, kana, Arabic, Hebrew, Greek and Cyrillic', () => {
    for (const name of NAMES) {
      expect([...name].every(fontsCanDraw), name).toBe(true);
      expect(pdfText(name)).toBe(name.normalize('NFC'));
    }
  });
  it('composes decomposed Vietnamese letters, and marks what no font has (an emoji, Hangul) with a question mark', () => {
    expect(pdfText('Nguye\u0302\u0303n')).toBe('Nguyễn');
    expect(pdfText('Emma 😀 김민준')).toBe('Emma ? ???');
    expect(pdfText('≥ 80% ✓ ✗')).toBe('≥ 80% ✓ no');
  });
});

describe('drawing mixed text', () => {
  it('measures a line as the sum of its runs, each in the font that has its letters', async () => {
    await render((doc) => {
      doc.font(FONT.regular).fontSize(10);
      const latin = doc.widthOfString('To ');
      const chinese = doc.widthOfString('王小明');
      expect(chinese).toBeGreaterThan(25);
      expect(doc.widthOfString('To 王小明')).toBeCloseTo(latin + chinese, 5);
      const arabic = doc.widthOfString('فاطمة الزهراء');
      expect(arabic).toBeGreaterThan(40);
      expect(doc.widthOfString(`To ${'فاطمة الزهراء'}`)).toBeCloseTo(latin + arabic, 5);
      // Italic is the regular face slanted: the same widths.
      const regular = doc.widthOfString('Nguyễn Thị Ánh');
      doc.font(FONT.italic);
      expect(doc.widthOfString('Nguyễn Thị Ánh')).toBe(regular);
    });
  });
  it('wraps a paragraph of mixed scripts to the width given', async () => {
    await render((doc) => {
      doc.font(FONT.regular).fontSize(10);
      const paragraph = NAMES.join(', ').repeat(3);
      const line = doc.currentLineHeight(true);
      const narrow = doc.heightOfString(paragraph, { width: 150 });
      expect(narrow).toBeGreaterThan(4 * line);
      expect(doc.heightOfString(paragraph, { width: 450 })).toBeLessThan(narrow);
    });
  });
  it('gives the same bytes for the same text, and embeds only the fonts a document uses', async () => {
    const draw = (doc: PDFKit.PDFDocument) => {
      doc.font(FONT.bold).text(`How ${NAMES[2]}'s plan was carried out`);
      doc.font(FONT.regular).text(NAMES.join(' · '), { width: 300 });
      doc.font(FONT.italic).text(NAMES[4]!, { width: 300, align: 'right' });
      doc.font(FONT.mono).text(`${NAMES[5]} 0123abcd`);
    };
    const first = await render(draw);
    expect(Buffer.compare(first, await render(draw))).toBe(0);
    const fonts = first.toString('latin1').match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g) ?? [];
    expect(new Set(fonts.map((f) => f.split('+')[1]))).toEqual(
      new Set([
        'Arimo-Regular',
        'Arimo-Bold',
        'NotoSansHans-Regular',
        'NotoSansHans-Bold',
        'NotoNaskhArabic',
      ]),
    );
    const latinOnly = (await render((doc) => doc.text('Emma Rivera-Demo'))).toString('latin1');
    expect(latinOnly.match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g)?.map((f) => f.split('+')[1])).toEqual([
      'Arimo-Regular',
      'Arimo-Regular',
    ]);
  });
});
