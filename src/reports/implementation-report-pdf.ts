import type { ImplementationReport, ReportService } from '../api/reports.ts';
import { withoutBidiControlsDeep } from '../domain/bidi.ts';
import { createPdf, type Doc, FONT, pdfText } from './pdf-fonts.ts';
import { axisTicks, clip, figure } from './report-text.ts';
import { type ReportWords, reportWords } from './report-words.ts';

// Draws the implementation report (ImplementationReport, built by implementation-report.ts) as
// a Letter-size PDF with pdfkit: a first page that says it all in plain words, then the ledger
// service by service (totals, a chart of delivered against required minutes, the weekly table and
// the sessions behind the misses), accommodations, the behavior plan, the correspondence, the
// advisor's recommendations, the evidence index and the state of the paper trail. It only draws:
// every number comes from the report object, so the PDF and the JSON always agree.
//
// The fonts (pdf-fonts.ts) cover the scripts families write names and notes in; pdfkit embeds only
// the glyphs drawn. The creation date comes from the report's "as of" day and pdfkit derives the
// file id from the metadata, so the same record gives the same bytes.
//
// Every fixed word (headings, table headers, legends, labels, dates, "Page N of M", the metadata) is in
// the report's language, from the reportpdf catalog (report-words.ts); names, the plan's words and what
// the family recorded are drawn as written.

/** The words of the report each document draws, for the helpers that see only the document. */
const docWords = new WeakMap<Doc, ReportWords>();
const wordsOf = (doc: Doc): ReportWords => docWords.get(doc) ?? reportWords('en');

const PAGE = { width: 612, height: 792 } as const; // US Letter, in points
const MARGIN = { top: 54, bottom: 64, left: 54, right: 54 } as const;
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const COLOR = {
  text: '#1a1a1a',
  muted: '#555555',
  rule: '#b9bec6',
  headerFill: '#e3e8ee',
  zebra: '#f4f6f8',
  // Okabe-Ito blue: distinct for every common kind of colour blindness, and the delivered bars
  // are solid while the required bars are hatched outlines, so the chart reads in grey too.
  delivered: '#0072B2',
  required: '#4d4d4d',
  concern: '#a33a00',
} as const;

// ---------------------------------------------------------------------------------------------
// Small drawing helpers. All text goes through pdfText (a character no font has prints as "?").

function bottomLimit(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Start a new page unless `height` more points fit on this one. */
/** A rule across the text's width at `y`. */
function rule(doc: Doc, y: number, width: number): void {
  doc
    .moveTo(MARGIN.left, y)
    .lineTo(MARGIN.left + CONTENT_WIDTH, y)
    .lineWidth(width)
    .strokeColor(COLOR.rule)
    .stroke();
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

function write(
  doc: Doc,
  text: string,
  options: {
    font?: string;
    size?: number;
    color?: string;
    gap?: number;
    align?: 'left' | 'right' | 'center';
  } = {},
): void {
  doc
    .font(options.font ?? FONT.regular)
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? COLOR.text)
    .text(pdfText(text), MARGIN.left, doc.y, {
      width: CONTENT_WIDTH,
      align: options.align ?? 'left',
      lineGap: 1.5,
    });
  doc.y += options.gap ?? 4;
}

function heading(doc: Doc, text: string, outline?: PDFKit.PDFOutline): PDFKit.PDFOutline {
  // Keep a heading with the first lines under it.
  ensureSpace(doc, 110);
  doc.y += 4;
  const item = (outline ?? doc.outline).addItem(text);
  write(doc, text, { font: FONT.bold, size: 15, gap: 2 });
  rule(doc, doc.y, 0.75);
  doc.y += 8;
  return item;
}

function subheading(doc: Doc, text: string, keepWith = 90): void {
  ensureSpace(doc, keepWith);
  doc.y += 4;
  write(doc, text, { font: FONT.bold, size: 11.5, gap: 4 });
}

function bullet(doc: Doc, text: string, size = 10): void {
  const indent = 12;
  const body = pdfText(text);
  doc.font(FONT.regular).fontSize(size);
  const height = doc.heightOfString(body, { width: CONTENT_WIDTH - indent, lineGap: 1.5 });
  ensureSpace(doc, Math.min(height, 60));
  const y = doc.y;
  doc.fillColor(COLOR.text).text('•', MARGIN.left + 2, y, { width: indent, lineBreak: false });
  doc.text(body, MARGIN.left + indent, y, { width: CONTENT_WIDTH - indent, lineGap: 1.5 });
  doc.y += 5;
}

type Column = { header: string; width: number; align?: 'left' | 'right' | 'center'; mono?: boolean };
/** A row; `monoColumns` are drawn in Courier (hashes and ids read better with fixed-width digits). */
type Row = { cells: string[]; bold?: boolean; monoColumns?: number[] };

/**
 * A table that breaks across pages between rows, repeating its header row (and its title, marked
 * "continued") on each new page. Row heights are measured first, so no row is ever split.
 */
function table(doc: Doc, columns: Column[], rows: Row[], options: { title?: string; size?: number } = {}) {
  const size = options.size ?? 8.5;
  const padX = 3.5;
  const padY = 3;
  const lineGap = 1;
  const cellText = (row: Row, i: number) => pdfText(row.cells[i] ?? '');
  // A header word wider than its column (a long word of another language) is drawn smaller, so
  // that no word is ever cut in two.
  doc.font(FONT.bold).fontSize(size);
  const headerSizes = columns.map((column) => {
    const room = column.width - 2 * padX;
    const widest = Math.max(
      ...pdfText(column.header)
        .split(/\s+/)
        .map((word) => doc.widthOfString(word)),
    );
    return widest > room ? Math.floor((size * room * 10) / widest) / 10 : size;
  });
  const fontFor = (column: Column, bold: boolean, row?: Row, index?: number) =>
    column.mono || (index != null && row?.monoColumns?.includes(index))
      ? FONT.mono
      : bold
        ? FONT.bold
        : FONT.regular;
  const measure = (row: Row, header: boolean): number =>
    Math.max(
      ...columns.map((column, i) => {
        doc
          .font(fontFor(column, header || row.bold === true, header ? undefined : row, i))
          .fontSize(header ? headerSizes[i]! : size);
        return doc.heightOfString(header ? pdfText(column.header) : cellText(row, i), {
          width: column.width - 2 * padX,
          lineGap,
        });
      }),
    ) +
    2 * padY;
  const headerRow: Row = { cells: columns.map((c) => c.header), bold: true };
  const headerHeight = measure(headerRow, true);

  const drawRow = (row: Row, height: number, fill: string | null, header: boolean) => {
    const y = doc.y;
    if (fill) doc.rect(MARGIN.left, y, CONTENT_WIDTH, height).fill(fill);
    let x = MARGIN.left;
    columns.forEach((column, i) => {
      doc
        .font(fontFor(column, header || row.bold === true, header ? undefined : row, i))
        .fontSize(header ? headerSizes[i]! : size)
        .fillColor(COLOR.text)
        .text(header ? pdfText(column.header) : cellText(row, i), x + padX, y + padY, {
          width: column.width - 2 * padX,
          align: column.align ?? 'left',
          lineGap,
        });
      x += column.width;
    });
    rule(doc, y + height, header ? 0.75 : 0.4);
    doc.x = MARGIN.left;
    doc.y = y + height;
  };
  const drawHeader = (continued: boolean) => {
    if (continued && options.title)
      write(doc, wordsOf(doc).say('pdf.continued', { title: options.title }), {
        font: FONT.italic,
        size: 8.5,
        color: COLOR.muted,
        gap: 2,
      });
    drawRow(headerRow, headerHeight, COLOR.headerFill, true);
  };

  const firstHeight = rows.length > 0 ? measure(rows[0]!, false) : 0;
  ensureSpace(doc, headerHeight + firstHeight + 4);
  drawHeader(false);
  rows.forEach((row, index) => {
    const height = measure(row, false);
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      drawHeader(true);
    }
    drawRow(row, height, index % 2 === 1 ? COLOR.zebra : null, false);
  });
  doc.y += 10;
}

/** Diagonal hatching inside a rectangle (the required bars and their legend swatch). */
function hatch(doc: Doc, x: number, y: number, width: number, height: number): void {
  if (width <= 0 || height <= 0) return;
  doc.save();
  doc.rect(x, y, width, height).clip();
  doc.lineWidth(0.6).strokeColor(COLOR.required);
  for (let offset = -height; offset < width; offset += 3.5) {
    doc
      .moveTo(x + offset, y + height)
      .lineTo(x + offset + height, y)
      .stroke();
  }
  doc.restore();
  doc.rect(x, y, width, height).lineWidth(0.8).strokeColor(COLOR.required).stroke();
}

// ---------------------------------------------------------------------------------------------
// The chart: delivered against required minutes, row by row of the ledger.

const CHART_HEIGHT = 206;

function chart(doc: Doc, service: ReportService): void {
  const rows = service.rows;
  const top = doc.y;
  const axisWidth = 34;
  const plot = { x: MARGIN.left + axisWidth, y: top + 40, width: CONTENT_WIDTH - axisWidth - 6, height: 118 };
  const weekly = rows.every((r) => r.unit === 'week');
  const w = wordsOf(doc);

  doc
    .font(FONT.bold)
    .fontSize(9.5)
    .fillColor(COLOR.text)
    .text(
      pdfText(w.say('pdf.chart.title', { name: service.name, weekly: weekly ? 'yes' : 'no' })),
      MARGIN.left,
      top,
      { width: CONTENT_WIDTH, lineBreak: false },
    );

  // Legend: a hatched outline for required, a solid bar for delivered, each named in words.
  const legendY = top + 15;
  hatch(doc, MARGIN.left + axisWidth, legendY, 16, 9);
  doc
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(COLOR.text)
    .text(pdfText(w.say('pdf.chart.required')), MARGIN.left + axisWidth + 21, legendY + 0.5, {
      lineBreak: false,
    });
  const secondX = MARGIN.left + axisWidth + 160;
  doc.rect(secondX, legendY, 16, 9).fill(COLOR.delivered);
  doc.fillColor(COLOR.text).text(pdfText(w.say('pdf.chart.delivered')), secondX + 21, legendY + 0.5, {
    lineBreak: false,
  });

  const max = Math.max(1, ...rows.map((r) => Math.max(r.requiredMinutes, r.deliveredMinutes)));
  const ticks = axisTicks(max);
  const scaleMax = ticks[ticks.length - 1]!;
  const yOf = (value: number) => plot.y + plot.height - (value / scaleMax) * plot.height;

  // Value axis with light grid lines.
  doc.font(FONT.regular).fontSize(7.5);
  for (const tick of ticks) {
    const y = yOf(tick);
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.width, y)
      .lineWidth(0.4)
      .strokeColor(tick === 0 ? COLOR.required : '#d9dde2')
      .stroke();
    doc
      .fillColor(COLOR.muted)
      .text(figure(tick), MARGIN.left, y - 3.5, { width: axisWidth - 5, align: 'right', lineBreak: false });
  }
  doc
    .font(FONT.italic)
    .fontSize(7.5)
    .fillColor(COLOR.muted)
    .text(pdfText(w.say('pdf.chart.minutes')), MARGIN.left, plot.y - 12, {
      width: axisWidth + 20,
      lineBreak: false,
    });

  // Bars: per row, required on the left and delivered on the right of its slot.
  const slot = plot.width / Math.max(1, rows.length);
  const barWidth = Math.min(20, slot * 0.36);
  const labelsFit = slot >= 26;
  const labelEvery = Math.max(1, Math.ceil(34 / slot));
  rows.forEach((row, i) => {
    const center = plot.x + slot * i + slot / 2;
    const requiredX = center - barWidth - 1;
    const deliveredX = center + 1;
    const requiredTop = yOf(row.requiredMinutes);
    const deliveredTop = yOf(row.deliveredMinutes);
    hatch(doc, requiredX, requiredTop, barWidth, plot.y + plot.height - requiredTop);
    if (row.deliveredMinutes > 0)
      doc.rect(deliveredX, deliveredTop, barWidth, plot.y + plot.height - deliveredTop).fill(COLOR.delivered);
    if (labelsFit) {
      doc
        .font(FONT.bold)
        .fontSize(7)
        .fillColor(COLOR.text)
        .text(figure(row.deliveredMinutes), deliveredX - 6, deliveredTop - 9, {
          width: barWidth + 12,
          align: 'center',
          lineBreak: false,
        });
    }
    if (i % labelEvery === 0) {
      doc
        .font(FONT.regular)
        .fontSize(7)
        .fillColor(COLOR.muted)
        .text(pdfText(w.monthDay(row.start)), center - slot * labelEvery * 0.5, plot.y + plot.height + 4, {
          width: slot * labelEvery,
          align: 'center',
          lineBreak: false,
        });
    }
  });
  doc
    .font(FONT.italic)
    .fontSize(7.5)
    .fillColor(COLOR.muted)
    .text(
      pdfText(w.say('pdf.chart.axis', { weekly: weekly ? 'yes' : 'no' })),
      plot.x,
      plot.y + plot.height + 15,
      {
        width: plot.width,
        align: 'center',
        lineBreak: false,
      },
    );
  doc.x = MARGIN.left;
  doc.y = top + CHART_HEIGHT;
}

// ---------------------------------------------------------------------------------------------
// Sections.

function refsText(refs: readonly string[]): string {
  return refs.length === 0 ? '–' : refs.join(', ');
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

function firstPage(doc: Doc, report: ImplementationReport, w: ReportWords): void {
  const child = [report.child.firstName, report.child.lastName].filter(Boolean).join(' ');
  doc.outline.addItem(w.say('pdf.summary'));
  write(doc, w.say('pdf.brand'), { size: 9, color: COLOR.muted, gap: 6 });
  write(doc, w.say('pdf.title', { name: report.child.firstName }), { font: FONT.bold, size: 22, gap: 2 });
  write(doc, w.dateRange(report.range.from, report.range.to), { size: 14, gap: 10 });

  const plan = report.plan;
  const kind = plan?.kind === '504' ? 'section504' : 'iep';
  const facts: [string, string][] = [
    [w.say('pdf.fact.child'), child],
    ...(report.child.grade || report.child.school
      ? [
          [
            w.say('pdf.fact.school'),
            [
              report.child.grade ? w.say('pdf.fact.grade', { grade: report.child.grade }) : null,
              report.child.school,
            ]
              .filter(Boolean)
              .join(', '),
          ] as [string, string],
        ]
      : []),
    [
      w.say('pdf.fact.plan'),
      plan
        ? w.say('pdf.fact.planValue', {
            title: plan.title ?? w.say('pdf.fact.planName', { kind }),
            kind,
            jurisdiction: plan.jurisdiction,
            range: w.dateRange(plan.effectiveFrom, plan.effectiveTo),
          })
        : w.say('pdf.fact.noPlan'),
    ],
    [w.say('pdf.fact.period'), w.dateRange(report.range.from, report.range.to)],
    [w.say('pdf.fact.asOf'), w.say('pdf.fact.asOfValue', { date: w.fullDate(report.range.asOf) })],
    [w.say('pdf.fact.preparedBy'), w.say('pdf.fact.preparedByValue', { name: report.preparedBy })],
  ];
  doc.font(FONT.regular).fontSize(9.5);
  for (const [label, value] of facts) {
    const y = doc.y;
    doc
      .font(FONT.bold)
      .fillColor(COLOR.muted)
      .text(pdfText(label), MARGIN.left, y, { width: 96, lineBreak: false });
    doc
      .font(FONT.regular)
      .fillColor(COLOR.text)
      .text(pdfText(value), MARGIN.left + 100, y, { width: CONTENT_WIDTH - 100, lineGap: 1 });
    doc.y += 2.5;
  }
  doc.y += 6;
  rule(doc, doc.y, 0.75);
  doc.y += 10;

  write(doc, w.say('pdf.summary'), { font: FONT.bold, size: 14, gap: 4 });
  write(doc, report.summary.headline, { size: 11, gap: 8 });
  for (const point of report.summary.points) bullet(doc, point, 9.5);

  doc.y += 4;
  write(doc, w.say('pdf.howToRead'), { size: 8.5, color: COLOR.muted, gap: 0 });
}

function minutesOverview(doc: Doc, report: ImplementationReport, w: ReportWords): void {
  const outline = heading(doc, w.say('pdf.services.heading'));
  if (report.ledgerUnavailable) {
    write(doc, report.ledgerUnavailable);
    return;
  }
  if (report.services.length === 0) {
    write(doc, w.say('pdf.services.none'));
    return;
  }
  const widths = [130, 46, 48, 44, 40, 44, 52, 52, 48];
  table(
    doc,
    [
      { header: w.say('pdf.col.service'), width: widths[0]! },
      { header: w.say('pdf.col.required'), width: widths[1]!, align: 'right' },
      { header: w.say('pdf.col.delivered'), width: widths[2]!, align: 'right' },
      { header: w.say('pdf.col.percentDelivered'), width: widths[3]!, align: 'right' },
      { header: w.say('pdf.col.owed'), width: widths[4]!, align: 'right' },
      { header: w.say('pdf.col.madeUp'), width: widths[5]!, align: 'right' },
      { header: w.say('pdf.col.stillOwed'), width: widths[6]!, align: 'right' },
      { header: w.say('pdf.col.notLogged'), width: widths[7]!, align: 'right' },
      { header: w.say('pdf.col.excused'), width: widths[8]!, align: 'right' },
    ],
    [
      ...report.services.map((s) => ({
        cells: [
          s.name,
          figure(s.totals.requiredMinutes),
          figure(s.totals.deliveredMinutes),
          w.percent(s.totals.percentDelivered),
          figure(s.totals.owedMinutes),
          figure(s.totals.makeupMinutes),
          figure(s.totals.owedBalanceMinutes),
          figure(s.totals.unloggedMinutes),
          figure(s.totals.excusedMinutes),
        ],
      })),
      {
        bold: true,
        cells: [
          w.say('pdf.services.all'),
          figure(report.minutes.requiredMinutes),
          figure(report.minutes.deliveredMinutes),
          w.percent(report.minutes.percentDelivered),
          figure(report.minutes.owedMinutes),
          figure(report.minutes.makeupMinutes),
          figure(report.minutes.owedBalanceMinutes),
          figure(report.minutes.unloggedMinutes),
          figure(report.minutes.excusedMinutes),
        ],
      },
    ],
    { title: w.say('pdf.services.tableTitle') },
  );
  write(doc, w.say('pdf.services.note'), { size: 8, color: COLOR.muted, gap: 6 });
  for (const service of report.services) serviceSection(doc, service, outline, w);
}

function serviceSection(doc: Doc, service: ReportService, outline: PDFKit.PDFOutline, w: ReportWords): void {
  const t = service.totals;
  // The heading, the plan's words and the chart stay on one page.
  ensureSpace(doc, 60 + CHART_HEIGHT);
  outline.addItem(service.name);
  doc.y += 6;
  write(doc, service.name, { font: FONT.bold, size: 13, gap: 2 });
  if (service.sourceText)
    write(doc, w.say('pdf.service.planSays', { text: service.sourceText }), {
      font: FONT.italic,
      size: 9,
      color: COLOR.muted,
      gap: 2,
    });
  const minutes = (key: string, n: number) => w.say(`pdf.service.${key}`, { minutes: figure(n) });
  write(
    doc,
    [
      t.requiredSessions != null
        ? w.say('pdf.service.requiredSessions', {
            minutes: figure(t.requiredMinutes),
            sessions: String(t.requiredSessions),
          })
        : minutes('required', t.requiredMinutes),
      w.say('pdf.service.delivered', {
        minutes: figure(t.deliveredMinutes),
        percent: w.percent(t.percentDelivered),
      }),
      minutes('owed', t.owedMinutes),
      minutes('madeUp', t.makeupMinutes),
      minutes('stillOwed', t.owedBalanceMinutes),
      minutes('excused', t.excusedMinutes),
      minutes('pending', t.pendingMinutes),
      minutes('notLogged', t.unloggedMinutes),
      ...(service.unappliedMakeupMinutes > 0 ? [minutes('unapplied', service.unappliedMakeupMinutes)] : []),
    ].join(' · '),
    { size: 9, gap: 8 },
  );
  if (t.requiredMinutes > 0 || t.deliveredMinutes > 0) chart(doc, service);

  const weekly = service.rows.every((r) => r.unit === 'week');
  table(
    doc,
    [
      { header: w.say('pdf.col.unit', { weekly: yesNo(weekly) }), width: 76 },
      { header: w.say('pdf.col.required'), width: 46, align: 'right' },
      { header: w.say('pdf.col.delivered'), width: 50, align: 'right' },
      { header: w.say('pdf.col.owed'), width: 38, align: 'right' },
      { header: w.say('pdf.col.madeUp'), width: 44, align: 'right' },
      { header: w.say('pdf.col.excused'), width: 44, align: 'right' },
      { header: w.say('pdf.col.pending'), width: 44, align: 'right' },
      { header: w.say('pdf.col.notLogged'), width: 52, align: 'right' },
      { header: w.say('pdf.col.closures'), width: 110 },
    ],
    [
      ...service.rows.map((r) => ({
        cells: [
          // A month, a cycle or a term ("Quarter 2 (2026-11-09 to 2027-01-29)"), its dates in words.
          weekly ? w.weekSpan(r.start, r.end) : r.label.replace(/\d{4}-\d{2}-\d{2}/g, (d) => w.monthDay(d)),
          figure(r.requiredMinutes),
          figure(r.deliveredMinutes),
          figure(r.owedMinutes),
          figure(r.makeupMinutes),
          figure(r.excusedMinutes),
          figure(r.pendingMinutes),
          figure(r.unloggedMinutes),
          r.closures.map((c) => c.replace(/\d{4}-\d{2}-\d{2}/g, (d) => w.monthDay(d))).join('; '),
        ],
      })),
      {
        bold: true,
        cells: [
          w.say('pdf.total'),
          figure(t.requiredMinutes),
          figure(t.deliveredMinutes),
          figure(t.owedMinutes),
          figure(t.makeupMinutes),
          figure(t.excusedMinutes),
          figure(t.pendingMinutes),
          figure(t.unloggedMinutes),
          '',
        ],
      },
    ],
    { title: w.say('pdf.service.rows', { name: service.name, weekly: yesNo(weekly) }) },
  );

  if (service.exceptions.length > 0) {
    subheading(doc, w.say('pdf.exceptions.heading'), 60);
    table(
      doc,
      [
        { header: w.say('pdf.col.date'), width: 62 },
        { header: w.say('pdf.col.whatHappened'), width: 92 },
        { header: w.say('pdf.col.minutes'), width: 44, align: 'right' },
        { header: w.say('pdf.col.reason'), width: 150 },
        { header: w.say('pdf.col.countedAs'), width: 56 },
        { header: w.say('pdf.col.loggedBy'), width: 62 },
        { header: w.say('pdf.col.ref'), width: 38 },
      ],
      service.exceptions.map((e) => ({
        cells: [
          w.fullDate(e.date),
          e.kind === 'makeup'
            ? e.makesUpDate
              ? w.say('pdf.exceptions.makeupFor', { date: w.monthDay(e.makesUpDate) })
              : w.say('pdf.exceptions.makeup')
            : e.status === 'short'
              ? w.say('pdf.exceptions.short', {
                  delivered: figure(e.minutesDelivered),
                  planned: e.minutesPlanned == null ? '?' : figure(e.minutesPlanned),
                })
              : w.say('pdf.exceptions.missed'),
          e.kind === 'makeup' ? `+${figure(e.minutesDelivered)}` : figure(e.minutesMissed),
          [e.reason, e.reasonText].filter(Boolean).join(': ') || '–',
          e.countedAs
            ? w.say('pdf.exceptions.counted', { counted: e.countedAs })
            : e.kind === 'makeup'
              ? w.say('pdf.exceptions.counted', { counted: 'makeup' })
              : '–',
          e.source,
          e.ref,
        ],
      })),
      { title: w.say('pdf.exceptions.title', { name: service.name }) },
    );
  }
  for (const note of service.ledgerNotes)
    write(doc, w.say('pdf.service.note', { note }), { size: 8, color: COLOR.muted, gap: 2 });
  doc.y += 6;
}

/** The school's service logs against the family's record (issue 19); drawn only when a log was imported. */
function reconciliationSection(doc: Doc, report: ImplementationReport, w: ReportWords): void {
  const r = report.serviceLogReconciliation;
  if (!r) return;
  heading(doc, w.say('pdf.logs.heading'));
  write(
    doc,
    w.say('pdf.logs.intro', { count: r.logs, n: String(r.logs), sentence: lowerFirstLetter(r.sentence) }),
  );
  const widths = [122, 42, 42, 52, 52, 52, 52, 46, 44];
  table(
    doc,
    [
      { header: w.say('pdf.col.service'), width: widths[0]! },
      { header: w.say('pdf.col.agree'), width: widths[1]!, align: 'right' },
      { header: w.say('pdf.col.differ'), width: widths[2]!, align: 'right' },
      { header: w.say('pdf.col.schoolHeldFamilyNot'), width: widths[3]!, align: 'right' },
      { header: w.say('pdf.col.schoolNotFamilyHeld'), width: widths[4]!, align: 'right' },
      { header: w.say('pdf.col.schoolOnly'), width: widths[5]!, align: 'right' },
      { header: w.say('pdf.col.familyOnly'), width: widths[6]!, align: 'right' },
      { header: w.say('pdf.col.minutesDiffer'), width: widths[7]!, align: 'right' },
      { header: w.say('pdf.col.reasonDiffers'), width: widths[8]!, align: 'right' },
    ],
    r.services.map((s) => ({
      cells: [
        s.name,
        figure(s.agree),
        figure(s.differ),
        figure(s.byKind.school_delivered_family_missed),
        figure(s.byKind.school_missed_family_delivered),
        figure(s.byKind.school_only),
        figure(s.byKind.family_only),
        figure(s.byKind.minutes_differ),
        figure(s.byKind.reason_differs),
      ],
    })),
    { title: w.say('pdf.logs.tableTitle') },
  );
  write(doc, w.say('pdf.logs.note'), { size: 8, color: COLOR.muted, gap: 6 });
}

const lowerFirstLetter = (text: string) => (text ? text[0]!.toLowerCase() + text.slice(1) : text);

function accommodationsSection(doc: Doc, report: ImplementationReport, w: ReportWords): void {
  heading(doc, w.say('pdf.accommodations.heading'));
  if (report.accommodations.length === 0) {
    write(doc, w.say('pdf.accommodations.none'));
    return;
  }
  write(doc, w.say('pdf.accommodations.intro'), { size: 8.5, color: COLOR.muted, gap: 6 });
  table(
    doc,
    [
      { header: w.say('pdf.col.accommodation'), width: 196 },
      { header: w.say('pdf.col.provided'), width: 48, align: 'right' },
      { header: w.say('pdf.col.partly'), width: 40, align: 'right' },
      { header: w.say('pdf.col.notProvided'), width: 58, align: 'right' },
      { header: w.say('pdf.col.notKnown'), width: 48, align: 'right' },
      { header: w.say('pdf.col.rateProvided'), width: 56, align: 'right' },
      { header: w.say('pdf.col.refs'), width: 58 },
    ],
    report.accommodations.map((a) => ({
      cells: [
        a.text,
        String(a.provided),
        String(a.partly),
        String(a.notProvided),
        String(a.unknown),
        w.percent(a.providedPercent),
        refsText(a.refs),
      ],
    })),
    { title: w.say('pdf.accommodations.heading') },
  );

  const lapses = report.accommodations
    .flatMap((a) => a.lapses.map((l) => ({ ...l, accommodation: a.text })))
    .sort((a, b) => a.date.localeCompare(b.date) || Number(a.ref.slice(1)) - Number(b.ref.slice(1)));
  if (lapses.length > 0) {
    subheading(doc, w.say('pdf.lapses.heading'));
    table(
      doc,
      [
        { header: w.say('pdf.col.date'), width: 62 },
        { header: w.say('pdf.col.accommodation'), width: 118 },
        { header: w.say('pdf.col.outcome'), width: 54 },
        { header: w.say('pdf.col.classSetting'), width: 66 },
        { header: w.say('pdf.col.teacher'), width: 54 },
        { header: w.say('pdf.col.notedBy'), width: 52 },
        { header: w.say('pdf.col.note'), width: 66 },
        { header: w.say('pdf.col.ref'), width: 32 },
      ],
      lapses.map((l) => ({
        cells: [
          w.fullDate(l.date),
          clip(l.accommodation, 70),
          w.outcomeLabel(l.outcome),
          [l.className, l.setting].filter(Boolean).join(', ') || '–',
          w.teacherLabel(l.teacherKind),
          l.disagreeing.length > 0
            ? w.say('pdf.lapses.disagree', { source: l.source, others: l.disagreeing.join('; ') })
            : l.source,
          l.note ? clip(l.note, 80) : '–',
          l.refs.length > 0 ? l.refs.join(', ') : l.ref,
        ],
      })),
      { title: w.say('pdf.lapses.title') },
    );
  }
  findingsList(doc, report.accommodationFindings, w);
}

function findingsList(
  doc: Doc,
  findings: ImplementationReport['accommodationFindings'],
  w: ReportWords,
): void {
  if (findings.length === 0) return;
  subheading(doc, w.say('pdf.findings.heading'), 60);
  for (const f of findings) bullet(doc, `${f.message} ${f.question} (${refsText(f.refs)})`, 9);
}

function behaviorSection(doc: Doc, report: ImplementationReport, w: ReportWords): void {
  const plan = report.behaviorPlan;
  if (plan.steps.length === 0 && plan.incidents.length === 0) return;
  heading(doc, w.say('pdf.behavior.heading'));
  const t = plan.totals;
  write(
    doc,
    t.incidents === 0
      ? w.say('pdf.behavior.none')
      : w.say('pdf.behavior.totals', {
          count: t.incidents,
          n: String(t.incidents),
          withSkipped: String(t.incidentsWithStepsSkipped),
          skipped: String(t.stepsSkipped),
          used: String(t.rewardUsed),
          notUsed: String(t.rewardNotUsed),
          against: String(t.consequenceAgainstPlan),
        }),
    { size: 9.5, gap: 6 },
  );
  if (plan.steps.length > 0)
    table(
      doc,
      [
        { header: w.say('pdf.col.step'), width: 330 },
        { header: w.say('pdf.col.kind'), width: 62 },
        { header: w.say('pdf.col.followed'), width: 56, align: 'right' },
        { header: w.say('pdf.col.skipped'), width: 56, align: 'right' },
      ],
      plan.steps.map((s) => ({
        cells: [
          s.text,
          w.say('pdf.behavior.stepKind', { kind: s.kind }),
          String(s.followed),
          String(s.skipped),
        ],
      })),
      { title: w.say('pdf.behavior.stepsTitle') },
    );
  if (plan.incidents.length > 0) {
    subheading(doc, w.say('pdf.behavior.incidents'));
    const yes = (value: boolean | null) => (value == null ? '–' : w.say(value ? 'pdf.yes' : 'pdf.no'));
    table(
      doc,
      [
        { header: w.say('pdf.col.date'), width: 62 },
        { header: w.say('pdf.col.whatHappened'), width: 118 },
        { header: w.say('pdf.col.stepsSkipped'), width: 150 },
        { header: w.say('pdf.col.rewardUsed'), width: 44 },
        { header: w.say('pdf.col.againstPlan'), width: 44 },
        { header: w.say('pdf.col.notedBy'), width: 52 },
        { header: w.say('pdf.col.ref'), width: 34 },
      ],
      plan.incidents.map((i) => ({
        cells: [
          w.fullDate(i.date),
          clip(i.summary, 160),
          i.stepsSkipped.length > 0 ? i.stepsSkipped.map((s) => clip(s, 140)).join('; ') : w.say('pdf.none'),
          yes(i.rewardUsed),
          yes(i.consequenceContradicted),
          i.source,
          i.ref,
        ],
      })),
      { title: w.say('pdf.behavior.incidents') },
    );
  }
  findingsList(doc, plan.findings, w);
}

function replyText(m: ImplementationReport['communications']['messages'][number], w: ReportWords): string {
  const r = m.reply;
  const due = r.dueBy ? w.monthDay(r.dueBy) : '?';
  const late = { days: r.daysLate ?? 0, daysN: String(r.daysLate) };
  switch (r.state) {
    case 'answered':
      return w.say('pdf.reply.answered', {
        date: r.repliedOn ? w.monthDay(r.repliedOn) : '',
        days: r.responseDays ?? 0,
        daysN: String(r.responseDays),
      });
    case 'overdue':
      return r.promised
        ? w.say('pdf.reply.latePromised', { date: due, ...late })
        : w.say('pdf.reply.late', { date: due, ...late });
    case 'holding':
      return w.say('pdf.reply.promised', { date: due });
    case 'waiting':
      return w.say('pdf.reply.waiting', { date: due });
    case 'closed':
      return w.say('pdf.reply.closed');
    default:
      return m.noWrittenFollowUp ? w.say('pdf.reply.notFollowedUp') : '–';
  }
}

function communicationSection(doc: Doc, report: ImplementationReport, w: ReportWords): void {
  heading(doc, w.say('pdf.messages.heading'));
  const c = report.communications;
  if (c.messages.length === 0) {
    write(doc, w.say('pdf.messages.none'));
    return;
  }
  const waiting = { count: c.unanswered, n: String(c.unanswered) };
  write(
    doc,
    [
      w.say('pdf.messages.logged', {
        count: c.messages.length,
        n: String(c.messages.length),
        sent: String(c.sent),
        received: String(c.received),
      }),
      c.averageResponseDays != null
        ? w.say('pdf.messages.replies', {
            days: c.averageResponseDays,
            daysN: String(c.averageResponseDays),
          })
        : w.say('pdf.messages.noReplies'),
      c.overdue > 0
        ? w.say('pdf.messages.waitingLate', { ...waiting, overdue: String(c.overdue) })
        : w.say('pdf.messages.waiting', waiting),
      ...(c.withoutWrittenFollowUp > 0
        ? [
            w.say('summary.messages.noFollowUp', {
              count: c.withoutWrittenFollowUp,
              n: String(c.withoutWrittenFollowUp),
            }),
          ]
        : []),
    ].join(' '),
    { size: 9.5, gap: 6 },
  );
  table(
    doc,
    [
      { header: w.say('pdf.col.date'), width: 62 },
      { header: w.say('pdf.col.kind'), width: 64 },
      { header: w.say('pdf.col.with'), width: 84 },
      { header: w.say('pdf.col.subject'), width: 160 },
      { header: w.say('pdf.col.reply'), width: 100 },
      { header: w.say('pdf.col.ref'), width: 34 },
    ],
    c.messages.map((m) => ({
      cells: [
        w.fullDate(m.date),
        m.label,
        m.with,
        m.subject ? `${m.subject}: ${clip(m.summary, 110)}` : clip(m.summary, 140),
        replyText(m, w),
        m.ref,
      ],
    })),
    { title: w.say('pdf.messages.heading') },
  );
}

function recommendationsSection(doc: Doc, report: ImplementationReport, w: ReportWords): void {
  heading(doc, w.say('pdf.recommendations.heading'));
  if (report.recommendations.length === 0) {
    write(doc, w.say('summary.advice.none', { date: w.fullDate(report.range.asOf) }));
    return;
  }
  write(doc, w.say('pdf.recommendations.intro', { date: w.fullDate(report.range.asOf) }), {
    size: 8.5,
    color: COLOR.muted,
    gap: 6,
  });
  report.recommendations.forEach((r, i) => {
    ensureSpace(doc, 80);
    write(
      doc,
      w.say(r.urgency === 'high' ? 'pdf.recommendations.urgentTitle' : 'pdf.recommendations.title', {
        number: String(i + 1),
        title: r.title,
      }),
      {
        font: FONT.bold,
        size: 10,
        gap: 2,
        color: r.urgency === 'high' ? COLOR.concern : COLOR.text,
      },
    );
    write(doc, r.reason, { size: 9, gap: 2 });
    write(
      doc,
      w.say('pdf.recommendations.basis', {
        choice: yesNo(r.productChoice),
        basis: r.basis.replace(/\.$/, ''),
        refs: refsText(r.refs),
      }),
      { size: 8.5, color: COLOR.muted, gap: 4 },
    );
    if (r.deadlines.length > 0)
      table(
        doc,
        [
          { header: w.say('pdf.col.date'), width: 70 },
          { header: w.say('pdf.col.deadline'), width: 300 },
          { header: w.say('pdf.col.basis'), width: 134 },
        ],
        r.deadlines.map((d) => ({ cells: [w.fullDate(d.date), d.label, d.basis] })),
        { title: w.say('pdf.recommendations.deadlines', { title: r.title }), size: 8 },
      );
    else doc.y += 4;
  });
}

function evidenceSection(doc: Doc, report: ImplementationReport, w: ReportWords): void {
  heading(doc, w.say('pdf.evidence.heading'));
  write(doc, w.say('pdf.evidence.intro'), { size: 8.5, color: COLOR.muted, gap: 6 });
  if (report.evidence.length === 0) {
    write(doc, w.say('summary.evidence.none'));
    return;
  }
  table(
    doc,
    [
      { header: w.say('pdf.col.ref'), width: 30 },
      { header: w.say('pdf.col.date'), width: 62 },
      { header: w.say('pdf.col.record'), width: 58 },
      { header: w.say('pdf.col.source'), width: 64 },
      { header: w.say('pdf.col.evidence'), width: 290 },
    ],
    report.evidence.map((e) => ({
      cells: [
        e.ref,
        w.fullDate(e.date),
        w.say('pdf.evidence.kind', { kind: e.kind }),
        e.source,
        [
          e.description,
          w.say('pdf.evidence.id', { id: e.recordId }),
          ...e.files.map((f) =>
            w.say('pdf.evidence.file', {
              name: f.filename,
              type: f.mediaType,
              size: String(f.size),
              hash: f.sha256,
            }),
          ),
        ].join('\n'),
      ],
    })),
    { title: w.say('pdf.evidence.heading'), size: 7.5 },
  );
}

function trailSection(doc: Doc, report: ImplementationReport, w: ReportWords): void {
  heading(doc, w.say('pdf.trail.heading'));
  const j = report.journal;
  write(doc, w.say('pdf.trail.intro'), { size: 9.5, gap: 6 });
  table(
    doc,
    [
      { header: w.say('pdf.col.check'), width: 150 },
      { header: w.say('pdf.col.result'), width: 354 },
    ],
    [
      { cells: [w.say('pdf.trail.entries'), String(j.entries)] },
      {
        cells: [w.say('pdf.trail.lastHash'), j.headHash ?? w.say('pdf.trail.noEntries')],
        monoColumns: j.headHash ? [1] : [],
      },
      {
        cells: [
          w.say('pdf.trail.verified'),
          j.verified
            ? w.say('pdf.trail.verifiedYes')
            : w.say('pdf.trail.verifiedNo', { problem: j.firstProblem ?? w.say('summary.trail.aProblem') }),
        ],
      },
      {
        cells: [
          w.say('pdf.trail.chain'),
          j.chainWhole
            ? w.say('pdf.trail.chainWhole')
            : w.say('pdf.trail.chainBroken', { problem: j.problem ?? '' }),
        ],
      },
      {
        cells: [
          w.say('pdf.trail.records'),
          j.recordsDiffering === 0
            ? w.say('pdf.trail.recordsMatch', { checked: String(j.recordsChecked) })
            : w.say('pdf.trail.recordsDiffer', {
                checked: String(j.recordsChecked),
                count: j.recordsDiffering,
                n: String(j.recordsDiffering),
                problem: j.recordProblem ?? '',
              }),
        ],
      },
      {
        cells: [
          w.say('pdf.trail.files'),
          j.attachmentProblems.length === 0
            ? w.say('pdf.trail.filesMatch', { checked: String(j.attachmentsChecked) })
            : `${j.attachmentsChecked}; ${j.attachmentProblems.join('; ')}`,
        ],
      },
    ],
    { title: w.say('pdf.trail.heading') },
  );
  write(doc, w.say('pdf.trail.verify', { entries: String(j.entries) }), {
    size: 8.5,
    color: COLOR.muted,
    gap: 0,
  });
}

/** "Emma · Sep 8 – Oct 30, 2026" on the left, "Page 2 of 9" on the right, on every page. */
function footers(doc: Doc, report: ImplementationReport, w: ReportWords): void {
  const range = doc.bufferedPageRange();
  const left = pdfText(`${report.child.firstName} · ${w.dateRange(report.range.from, report.range.to)}`);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would start a new page; lift the margin while drawing.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 40;
    rule(doc, y - 6, 0.5);
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(COLOR.muted)
      .text(left, MARGIN.left, y, { width: CONTENT_WIDTH / 2, lineBreak: false });
    doc.text(
      pdfText(w.say('pdf.page', { page: String(i + 1 - range.start), pages: String(range.count) })),
      MARGIN.left + CONTENT_WIDTH / 2,
      y,
      {
        width: CONTENT_WIDTH / 2,
        align: 'right',
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = bottom;
  }
}

/** The PDF's language tag: US English, or Spanish as written in the United States. */
const PDF_LANG = { en: 'en-US', es: 'es-US' } as const;

export function renderReportPdf(given: ImplementationReport): Promise<Buffer> {
  // pdfkit draws direction controls as they come: a name holding U+202E would turn a line around.
  const report = withoutBidiControlsDeep(given);
  const w = reportWords(report.language ?? 'en');
  const child = [report.child.firstName, report.child.lastName].filter(Boolean).join(' ');
  const range = w.dateRange(report.range.from, report.range.to);
  const doc: Doc = createPdf({
    size: 'LETTER',
    margins: MARGIN,
    bufferPages: true,
    lang: PDF_LANG[w.language],
    displayTitle: true,
    info: {
      // Metadata is stored as Unicode text, so names keep every character here too.
      Title: w.say('pdf.meta.title', { child, range }),
      Author: 'As Written',
      Creator: 'As Written',
      Subject: w.say('pdf.meta.subject', {
        name: report.child.firstName,
        plan: report.plan?.kind === '504' ? 'section504' : report.plan ? 'iep' : 'none',
        range,
        date: w.fullDate(report.range.asOf),
      }),
      Keywords: w.say('pdf.meta.keywords'),
      // Noon UTC of the "as of" day: the same day in every time zone of the Americas, and a
      // fixed date makes the file (and pdfkit's id, derived from this metadata) reproducible.
      CreationDate: new Date(`${report.range.asOf}T12:00:00.000Z`),
    },
  });
  docWords.set(doc, w);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  firstPage(doc, report, w);
  doc.addPage();
  minutesOverview(doc, report, w);
  reconciliationSection(doc, report, w);
  accommodationsSection(doc, report, w);
  behaviorSection(doc, report, w);
  communicationSection(doc, report, w);
  recommendationsSection(doc, report, w);
  evidenceSection(doc, report, w);
  trailSection(doc, report, w);
  footers(doc, report, w);
  doc.end();
  return done;
}
