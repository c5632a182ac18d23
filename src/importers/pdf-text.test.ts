import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../../test/support/make-pdf.ts';
import { formCheckBox } from '../../test/support/pdf-form.ts';
import { AppError } from '../domain/errors.ts';
import { PDF_MAX_PAGES, readPdfText } from './pdf-text.ts';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/iep');

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

describe('readPdfText', () => {
  it('rebuilds lines and table cells from the positions of the text, page by page', async () => {
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica-Bold').fontSize(14).text('Individualized Education Program', 50, 60);
      doc.font('Helvetica').fontSize(9);
      for (const [x, t] of [
        [54, 'Service'],
        [200, 'Frequency'],
        [300, 'Duration'],
      ] as const)
        doc.text(t, x, 100, { lineBreak: false });
      for (const [x, t] of [
        [54, 'Speech Therapy'],
        [200, 'Weekly'],
        [300, '2 x 30 min'],
      ] as const)
        doc.text(t, x, 115, { lineBreak: false });
      doc.addPage();
      doc.fontSize(10).text('Page two', 50, 60);
    });
    const text = await readPdfText(pdf);
    expect(text.format).toBe('pdf');
    expect(text.pages.map((p) => [p.number, p.width, p.height])).toEqual([
      [1, 612, 792],
      [2, 612, 792],
    ]);
    const [title, header, row] = text.pages[0]!.lines;
    expect(title!.text).toBe('Individualized Education Program');
    expect(title!.height).toBe(14);
    expect(header!.cells.map((c) => c.text)).toEqual(['Service', 'Frequency', 'Duration']);
    expect(row!.cells.map((c) => [c.x, c.text])).toEqual([
      [54, 'Speech Therapy'],
      [200, 'Weekly'],
      [300, '2 x 30 min'],
    ]);
    expect(header!.y).toBeLessThan(row!.y);
    expect(text.pages[1]!.lines.map((l) => l.text)).toEqual(['Page two']);
    expect(text.pagesWithoutText).toEqual([]);
  });

  it('finds the check boxes drawn as graphics, in page points, with what is drawn in each', async () => {
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      const items = ['Extended time', 'Read aloud', 'Small group', 'Calculator', 'Word bank'];
      items.forEach((text, k) => {
        doc.text(text, 80, 100 + 20 * k, { lineBreak: false });
      });
      doc.lineWidth(0.7);
      // An X of two strokes; nothing; a check mark past the corner, drawn inside a saved, moved state;
      // a dark square inside; a box filled dark.
      doc.rect(62, 100, 9, 9).stroke();
      doc.moveTo(63.5, 101.5).lineTo(69.5, 107.5).moveTo(69.5, 101.5).lineTo(63.5, 107.5).stroke();
      doc.rect(62, 120, 9, 9).stroke();
      doc.save().translate(0, 40);
      doc.rect(62, 100, 9, 9).stroke();
      doc.moveTo(63.5, 105).lineTo(66, 108).lineTo(73, 98).stroke();
      doc.restore();
      doc.rect(62, 160, 9, 9).stroke();
      doc.rect(64, 162, 5, 5).fill('#000000');
      doc.rect(62, 180, 9, 9).fillAndStroke('#222222', '#000000');
      // A table cell and a rule are not boxes.
      doc.rect(50, 300, 200, 20).stroke();
      doc.moveTo(50, 340).lineTo(560, 340).stroke();
    });
    const text = await readPdfText(pdf);
    expect(text.pages[0]!.boxes).toEqual([
      { x: 62, y: 100, w: 9, h: 9, state: 'checked' },
      { x: 62, y: 120, w: 9, h: 9, state: 'empty' },
      { x: 62, y: 140, w: 9, h: 9, state: 'checked' },
      { x: 62, y: 160, w: 9, h: 9, state: 'checked' },
      { x: 62, y: 180, w: 9, h: 9, state: 'checked' },
    ]);
  });

  it('draws only the pages where its text pass saw what a check box is made of, and finds the same boxes', async () => {
    const read = async (bytes: Uint8Array) => {
      const drawnPages: number[] = [];
      const text = await readPdfText(bytes, { onPageDrawn: (n) => drawnPages.push(n) });
      return { text, drawnPages };
    };
    const files = [
      ...readdirSync(FIXTURES)
        .filter((f) => f.endsWith('.pdf') && f !== 'encrypted.pdf')
        .map((f) => join(FIXTURES, f)),
      join(FIXTURES, '../service-logs/printout-page-breaks.pdf'),
    ];
    const drawnPerFile: Record<string, number[]> = {};
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      const { text, drawnPages } = await read(bytes);
      expect(text, file).toEqual(await readPdfText(bytes, { drawEveryPage: true }));
      drawnPerFile[file.slice(file.lastIndexOf('/') + 1)] = drawnPages;
    }
    // Plans printed with drawn boxes are drawn where the boxes are; a plan of tables and rules is not.
    expect(drawnPerFile['ga-504-drawn.pdf']).toEqual([1]);
    expect(drawnPerFile['section-504.pdf']).toEqual([1]);
    expect(drawnPerFile['ca-seis-like.pdf']).toEqual([]);
    expect(drawnPerFile['nyc-like.pdf']).toEqual([]);

    // A box drawn inside a form XObject (scaled by the form's matrix, placed by the page's transform).
    const viaForm = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10).text('Extended time', 80, 100, { lineBreak: false });
      doc.text('Preferential seating', 80, 120, { lineBreak: false });
      const form = doc.ref({
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, 100, 100],
        Matrix: [0.1, 0, 0, 0.1, 0, 0],
      });
      form.end('7 w 0 0 90 90 re S 15 15 m 75 75 l 75 15 m 15 75 l S');
      (doc.page as unknown as { xobjects: Record<string, unknown> }).xobjects.Fm1 = form;
      doc.addContent('q 1 0 0 1 62 100 cm /Fm1 Do Q');
      doc.addContent('q 1 0 0 1 62 120 cm /Fm1 Do Q');
    });
    const formRead = await read(viaForm);
    expect(formRead.drawnPages).toEqual([1]);
    expect(formRead.text.pages[0]!.boxes?.map((b) => b.state)).toEqual(['checked', 'checked']);
    expect(formRead.text).toEqual(await readPdfText(viaForm, { drawEveryPage: true }));

    // A mark a PDF editor added (an annotation) is drawn with the page, not read by its text pass.
    const annotated = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10).text('Extended time', 80, 100, { lineBreak: false });
      doc.annotate(62, 100, 9, 9, { Subtype: 'Square', C: [0, 0, 0] } as PDFKit.Mixins.AnnotationOption);
    });
    expect((await read(annotated)).drawnPages).toEqual([1]);
  });

  it("reads a fillable form's check boxes from their fields, over the squares printed under them", async () => {
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.initForm();
      const items = ['Extended time', 'Read aloud', 'Small group', 'Calculator'];
      items.forEach((text, k) => {
        doc.text(text, 80, 100 + 20 * k, { lineBreak: false });
      });
      // On (its appearance state /Yes) over a printed square, off, on with another export value, and off
      // over a printed square.
      formCheckBox(doc, 'acc1', 62, 100, 9, true, { square: true });
      formCheckBox(doc, 'acc2', 62, 120, 9, false);
      formCheckBox(doc, 'acc3', 62, 140, 9, true, { exportValue: 'On' });
      formCheckBox(doc, 'acc4', 62, 160, 9, false, { square: true });
    });
    const text = await readPdfText(pdf);
    expect(text.pages[0]!.boxes).toEqual([
      { x: 62, y: 100, w: 9, h: 9, state: 'checked' },
      { x: 62, y: 120, w: 9, h: 9, state: 'empty' },
      { x: 62, y: 140, w: 9, h: 9, state: 'checked' },
      { x: 62, y: 160, w: 9, h: 9, state: 'empty' },
    ]);
  });

  it("reads the text typed into a fillable form's fields where they sit: beside their labels, in table cells, over several lines", async () => {
    const pdf = await makePdf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.initForm();
      doc.text('Student:', 60, 100, { lineBreak: false });
      doc.formText('student', 110, 96, 180, 16, { value: 'Ana Ruiz-Okafor' });
      doc.text('Grade:', 320, 100, { lineBreak: false });
      doc.formText('grade', 360, 96, 40, 16, { value: '5' });
      // A table row whose cells are fields, under a printed header.
      doc.text('Service', 60, 140, { lineBreak: false });
      doc.text('Frequency', 240, 140, { lineBreak: false });
      doc.text('Minutes', 400, 140, { lineBreak: false });
      doc.formText('svc1', 58, 154, 170, 16, { value: 'Speech-language therapy' });
      doc.formText('freq1', 238, 154, 150, 16, { value: '2 x per week' });
      doc.formText('min1', 398, 154, 60, 16, { value: '30' });
      // An empty field, a hidden one and a password field say nothing.
      doc.formText('svc2', 58, 172, 170, 16, { value: '' });
      doc.formText('secret', 238, 172, 150, 16, { value: 'hunter2', password: true });
      // A combo box shows the chosen entry.
      doc.text('Setting:', 60, 210, { lineBreak: false });
      doc.formCombo('setting', 110, 206, 200, 16, {
        select: ['General education classroom', 'Resource room'],
        value: 'Resource room',
      });
      // A multi-line field: its lines one under another, a long one wrapped to the box.
      doc.text('Accommodations:', 60, 250, { lineBreak: false });
      doc.formText('acc', 60, 264, 300, 60, {
        multiline: true,
        value:
          'Extended time (1.5x) on tests and quizzes\nPreferential seating near the teacher and away from the door and the windows\nCalculator for math',
      });
    });
    const text = await readPdfText(pdf);
    const lines = text.pages[0]!.lines.map((l) => l.cells.map((c) => c.text));
    expect(lines).toEqual([
      // A label and the field beside it are cells of their own, as printed label and value boxes are.
      ['Student:', 'Ana Ruiz-Okafor', 'Grade:', '5'],
      ['Service', 'Frequency', 'Minutes'],
      ['Speech-language therapy', '2 x per week', '30'],
      ['Setting:', 'Resource room'],
      ['Accommodations:'],
      ['Extended time (1.5x) on tests and quizzes'],
      ['Preferential seating near the teacher and away from the'],
      ['door and the windows'],
      ['Calculator for math'],
    ]);
    expect(JSON.stringify(text)).not.toContain('hunter2');
  });

  it('lists the pages with no text (scans) instead of failing', async () => {
    const pdf = await makePdf((doc) => {
      doc.text('A page with text', 50, 60);
      doc.addPage();
      doc.rect(50, 50, 200, 300).fill('#777777');
    });
    const text = await readPdfText(pdf);
    expect(text.pagesWithoutText).toEqual([2]);
    expect(text.notes.join(' ')).toMatch(/Page 2 has no text to read .*OCR/);
  });

  it('says a password-protected PDF is protected by a password', async () => {
    const error = await refusal(readPdfText(readFileSync(join(FIXTURES, 'encrypted.pdf'))));
    expect(error.message).toMatch(/^This PDF is protected by a password/);
  });

  it('refuses a dynamic form (XFA), whose pages only Adobe Reader makes, saying what to do; reads a static one', async () => {
    // A form whose page is only the notice viewers show when they cannot draw the form's XML.
    const withXfa = (draw: (pdf: PDFKit.PDFDocument) => void) =>
      makePdf((pdf) => {
        draw(pdf);
        const xfa = pdf.ref({});
        xfa.end(
          '<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template xmlns="http://www.xfa.org/schema/xfa-template/3.3/"><subform name="IEP"/></template></xdp:xdp>',
        );
        // pdfkit's own form (it ends it), with the form's XML beside its fields.
        pdf.initForm();
        const root = (
          pdf as unknown as { _root: { data: Record<string, { data: Record<string, unknown> }> } }
        )._root;
        root.data.AcroForm!.data.XFA = xfa;
        (root.data as Record<string, unknown>).NeedsRendering = true;
      });
    const dynamic = await withXfa((pdf) => {
      pdf.fontSize(14).text('Please wait...');
      pdf
        .fontSize(11)
        .text(
          'If this message is not eventually replaced by the proper contents of the document, your PDF viewer may not be able to display this type of document.',
        );
    });
    const error = await readPdfText(dynamic).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^This PDF is a dynamic form \(XFA\)/);
    expect((error as AppError).words?.key).toBe('reader.pdf.dynamicForm');
    expect(
      (await readPdfText(await withXfa(() => undefined)).catch((e: unknown) => e)) as AppError,
    ).toMatchObject({
      words: { key: 'reader.pdf.dynamicForm' },
    });
    // A static XFA form carries its pages too: they are read.
    const staticForm = await withXfa((pdf) =>
      pdf.text('INDIVIDUALIZED EDUCATION PROGRAM').text('Student: Ana Ruiz'),
    );
    const read = await readPdfText(staticForm);
    expect(read.pages[0]!.lines.map((l) => l.text)).toContain('INDIVIDUALIZED EDUCATION PROGRAM');
  });

  it('says a damaged PDF is damaged', async () => {
    const whole = readFileSync(join(FIXTURES, 'section-504.pdf'));
    for (const share of [0.2, 0.5]) {
      const error = await refusal(readPdfText(whole.subarray(0, Math.floor(whole.length * share))));
      expect(error.message).toMatch(/^This PDF is damaged or incomplete/);
    }
    const garbage = await refusal(readPdfText(Buffer.from('%PDF-1.7\nthis is not a PDF body at all\n')));
    expect(garbage.message).toMatch(/damaged/);
  });

  it('refuses a file that is not a PDF, and an empty one', async () => {
    expect((await refusal(readPdfText(Buffer.from('Lunch menu: pizza')))).message).toBe(
      'This file is not a PDF.',
    );
    expect((await refusal(readPdfText(new Uint8Array(0)))).message).toBe('This file is empty (0 bytes).');
  });

  it(`refuses a PDF of more than ${PDF_MAX_PAGES} pages, naming the limit, before reading its pages`, async () => {
    const pdf = await makePdf((doc) => {
      doc.fontSize(8).text('Page 1', 50, 50);
      for (let p = 2; p <= 500; p++) {
        doc.addPage();
        doc.text(`Page ${p}`, 50, 50);
      }
    });
    const error = await refusal(readPdfText(pdf));
    expect(error.message).toBe(
      'This PDF has 500 pages; the IEP reader reads at most 200 pages. Save the pages of the plan itself as a new PDF and read that.',
    );
  }, 30_000);

  it('stops at its deadline with a message saying so', async () => {
    const pdf = await makePdf((doc) => doc.text('Plan', 50, 50));
    const error = await refusal(readPdfText(pdf, { deadlineMs: 0 }));
    expect(error.message).toMatch(/took more than 0 seconds to read/);
  });

  it('refuses a file over its size limit', async () => {
    const pdf = await makePdf((doc) => doc.text('Plan', 50, 50));
    const error = await refusal(readPdfText(pdf, { maxBytes: 100 }));
    expect(error.message).toMatch(/more than the 0 MB the IEP reader takes/);
  });

  it('does not change the bytes it is given', async () => {
    const pdf = await makePdf((doc) => doc.text('Plan', 50, 50));
    const copy = Buffer.from(pdf);
    await readPdfText(pdf);
    expect(Buffer.compare(pdf, copy)).toBe(0);
  });
});
