import { withoutBidiControlsDeep } from '../domain/bidi.ts';
import { type LivingIep, type LivingIepLanguage, livingIepWords } from '../domain/living-iep.ts';
import { createPdf, type Doc, FONT, pdfText } from './pdf-fonts.ts';
import { reportWords } from './report-words.ts';

// The living IEP as a PDF to print or bring to the meeting: the same sections as the Markdown
// (what is working, what is not, what I'd like to change, the concerns statement, questions for the
// team), with room to write beside each question. Letter size, the reports' fonts (pdf-fonts.ts).
// Its fixed words are in the reader's language (the reportpdf catalog, keys `reportpdf.living.…`).

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

export function renderLivingIepPdf(given: LivingIep, language: LivingIepLanguage = 'en'): Promise<Buffer> {
  // pdfkit draws direction controls as they come: a name holding U+202E would turn a line around.
  const living = withoutBidiControlsDeep(given);
  const w = livingIepWords(language);
  const report = reportWords(language);
  const title = w.say('title', { name: living.childName, plan: living.planTitle });
  const doc: Doc = createPdf({
    size: 'LETTER',
    margins: MARGIN,
    bufferPages: true,
    lang: language === 'es' ? 'es-US' : 'en-US',
    info: {
      Title: title,
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
  doc.font(FONT.bold).fontSize(20).fillColor('#1b3a5c').text(pdfText(title));
  doc
    .moveDown(0.2)
    .font(FONT.regular)
    .fontSize(11)
    .fillColor('#444')
    .text(
      pdfText(
        w.say('asOf', { date: report.dateWords(living.asOf) }) +
          (living.nextMeeting
            ? ` ${w.say('nextMeeting', { label: living.nextMeeting.label, date: report.dateWords(living.nextMeeting.date) })}`
            : ''),
      ),
    );
  section(
    doc,
    w.say('working'),
    living.working.map((i) => i.text),
    w.say('workingEmpty'),
  );
  section(
    doc,
    w.say('notWorking'),
    living.notWorking.map((i) => i.text),
    w.say('notWorkingEmpty'),
  );
  section(
    doc,
    w.say('changes'),
    living.changes.map((i) => i.text),
    w.say('changesEmpty'),
  );
  if (living.concerns) {
    section(doc, w.say('concerns'), [living.concerns], '');
  } else {
    section(doc, w.say('concernsToWrite'), living.concernsPrompt, w.say('concernsEmpty'));
  }
  section(
    doc,
    w.say('questions'),
    living.questions.map((i) => i.text),
    w.say('questionsEmpty'),
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
      .text(
        pdfText(report.say('pdf.page', { page: String(i + 1), pages: String(pages.count) })),
        MARGIN.left,
        doc.page.height - 40,
        {
          width: doc.page.width - MARGIN.left - MARGIN.right,
          align: 'right',
        },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
