import { withoutBidiControlsDeep } from '../domain/bidi.ts';
import type { LivingIep } from '../domain/living-iep.ts';
import { createPdf, type Doc, FONT, pdfText } from './pdf-fonts.ts';
import { fullDate } from './report-text.ts';

// The living IEP as a PDF to print or bring to the meeting: the same sections as the Markdown
// (what is working, what is not, what I'd like to change, the concerns statement, questions for the
// team), with room to write beside each question. Letter size, the reports' fonts (pdf-fonts.ts).

const MARGIN = { top: 54, bottom: 60, left: 60, right: 60 } as const;

function section(doc: Doc, title: string, items: readonly string[], empty: string) {
  if (doc.y > doc.page.height - MARGIN.bottom - 80) doc.addPage();
  doc.moveDown(0.6).font(FONT.bold).fontSize(14).fillColor('#1b3a5c').text(title);
  doc.moveDown(0.3).font(FONT.regular).fontSize(11).fillColor('#111');
  if (items.length === 0) {
    doc.font(FONT.italic).text(empty).font(FONT.regular);
    return;
  }
  for (const item of items) {
    doc.text(`•  ${pdfText(item)}`, { indent: 0, paragraphGap: 4 });
  }
}

export function renderLivingIepPdf(given: LivingIep): Promise<Buffer> {
  // pdfkit draws direction controls as they come: a name holding U+202E would turn a line around.
  const living = withoutBidiControlsDeep(given);
  const doc: Doc = createPdf({
    size: 'LETTER',
    margins: MARGIN,
    bufferPages: true,
    lang: 'en-US',
    info: {
      Title: `${living.childName}'s living ${living.planTitle}`,
      Author: 'As Written',
      Creator: 'As Written',
      CreationDate: new Date(`${living.asOf}T12:00:00.000Z`),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc
    .font(FONT.bold)
    .fontSize(20)
    .fillColor('#1b3a5c')
    .text(pdfText(`${living.childName}'s living ${living.planTitle}`));
  doc
    .moveDown(0.2)
    .font(FONT.regular)
    .fontSize(11)
    .fillColor('#444')
    .text(
      `As of ${fullDate(living.asOf)}.` +
        (living.nextMeeting
          ? ` Next meeting: ${pdfText(living.nextMeeting.label)}, ${fullDate(living.nextMeeting.date)}.`
          : ''),
    );
  section(
    doc,
    'What is working',
    living.working.map((i) => i.text),
    'Nothing noted yet.',
  );
  section(
    doc,
    'What is not working',
    living.notWorking.map((i) => i.text),
    'Nothing noted.',
  );
  section(
    doc,
    'What I would like to change',
    living.changes.map((i) => i.text),
    'Nothing yet.',
  );
  if (living.concerns) {
    section(doc, 'Parent concerns statement', [living.concerns], '');
  } else {
    section(doc, 'Parent concerns statement (to write)', living.concernsPrompt, 'Not written yet.');
  }
  section(
    doc,
    'Questions for the team',
    living.questions.map((i) => i.text),
    'None yet.',
  );
  const pages = doc.bufferedPageRange();
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.regular)
      .fontSize(9)
      .fillColor('#555')
      .text(`Page ${i + 1} of ${pages.count}`, MARGIN.left, doc.page.height - 40, {
        width: doc.page.width - MARGIN.left - MARGIN.right,
        align: 'right',
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
