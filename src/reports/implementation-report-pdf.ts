import type { ImplementationReport, ReportService } from '../api/reports.ts';
import { withoutBidiControlsDeep } from '../domain/bidi.ts';
import { createPdf, type Doc, FONT, pdfText } from './pdf-fonts.ts';
import {
  axisTicks,
  clip,
  dateRange,
  figure,
  fullDate,
  monthDay,
  outcomeLabel,
  percentText,
  teacherLabel,
  weekSpan,
} from './report-text.ts';

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
  const fontFor = (column: Column, bold: boolean, row?: Row, index?: number) =>
    column.mono || (index != null && row?.monoColumns?.includes(index))
      ? FONT.mono
      : bold
        ? FONT.bold
        : FONT.regular;
  const measure = (row: Row, header: boolean): number =>
    Math.max(
      ...columns.map((column, i) => {
        doc.font(fontFor(column, header || row.bold === true, header ? undefined : row, i)).fontSize(size);
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
        .fontSize(size)
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
      write(doc, `${options.title} (continued)`, {
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

  doc
    .font(FONT.bold)
    .fontSize(9.5)
    .fillColor(COLOR.text)
    .text(
      pdfText(`${service.name}: minutes delivered and required, ${weekly ? 'week by week' : 'by period'}`),
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
    .text('Required (hatched outline)', MARGIN.left + axisWidth + 21, legendY + 0.5, { lineBreak: false });
  const secondX = MARGIN.left + axisWidth + 160;
  doc.rect(secondX, legendY, 16, 9).fill(COLOR.delivered);
  doc
    .fillColor(COLOR.text)
    .text('Delivered (solid; the number is minutes delivered)', secondX + 21, legendY + 0.5, {
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
    .text('Minutes', MARGIN.left, plot.y - 12, { width: axisWidth + 20, lineBreak: false });

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
        .text(monthDay(row.start), center - slot * labelEvery * 0.5, plot.y + plot.height + 4, {
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
    .text(weekly ? 'Week starting' : 'Period starting', plot.x, plot.y + plot.height + 15, {
      width: plot.width,
      align: 'center',
      lineBreak: false,
    });
  doc.x = MARGIN.left;
  doc.y = top + CHART_HEIGHT;
}

// ---------------------------------------------------------------------------------------------
// Sections.

function refsText(refs: readonly string[]): string {
  return refs.length === 0 ? '–' : refs.join(', ');
}

function firstPage(doc: Doc, report: ImplementationReport): void {
  const child = [report.child.firstName, report.child.lastName].filter(Boolean).join(' ');
  doc.outline.addItem('Summary');
  write(doc, 'As Written · Implementation report', { size: 9, color: COLOR.muted, gap: 6 });
  write(doc, `How ${report.child.firstName}'s plan was carried out`, { font: FONT.bold, size: 22, gap: 2 });
  write(doc, dateRange(report.range.from, report.range.to), { size: 14, gap: 10 });

  const plan = report.plan;
  const facts: [string, string][] = [
    ['Child', child],
    ...(report.child.grade || report.child.school
      ? [
          [
            'School',
            [report.child.grade ? `Grade ${report.child.grade}` : null, report.child.school]
              .filter(Boolean)
              .join(', '),
          ] as [string, string],
        ]
      : []),
    [
      'Plan',
      plan
        ? `${plan.title ?? (plan.kind === '504' ? '504 plan' : 'IEP')} (${plan.kind === '504' ? 'Section 504' : 'IEP'}, ${plan.jurisdiction}), in force ${dateRange(plan.effectiveFrom, plan.effectiveTo)}`
        : 'No plan recorded for these dates',
    ],
    ['Period covered', dateRange(report.range.from, report.range.to)],
    ['Figures as of', `${fullDate(report.range.asOf)} (the ledger counts nothing as owed after this day)`],
    ['Prepared by', `${report.preparedBy}, with As Written`],
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

  write(doc, 'Summary', { font: FONT.bold, size: 14, gap: 4 });
  write(doc, report.summary.headline, { size: 11, gap: 8 });
  for (const point of report.summary.points) bullet(doc, point, 9.5);

  doc.y += 4;
  write(
    doc,
    'How to read this report. Minutes come from the service ledger: "required" is what the plan promises for the ' +
      'school days in the period; "owed" is missed time the school should make up; "made up" is make-up time given; ' +
      '"not logged" is sessions nobody recorded. References such as E12 point to the evidence index at the end, ' +
      'which lists every record with its date and source.',
    { size: 8.5, color: COLOR.muted, gap: 0 },
  );
}

function minutesOverview(doc: Doc, report: ImplementationReport): void {
  const outline = heading(doc, 'Services: minutes required, delivered and owed');
  if (report.ledgerUnavailable) {
    write(doc, report.ledgerUnavailable);
    return;
  }
  if (report.services.length === 0) {
    write(doc, 'No service of the plan falls in these dates.');
    return;
  }
  const w = [130, 46, 48, 44, 40, 44, 52, 52, 48];
  table(
    doc,
    [
      { header: 'Service', width: w[0]! },
      { header: 'Required', width: w[1]!, align: 'right' },
      { header: 'Delivered', width: w[2]!, align: 'right' },
      { header: '% deliv.', width: w[3]!, align: 'right' },
      { header: 'Owed', width: w[4]!, align: 'right' },
      { header: 'Made up', width: w[5]!, align: 'right' },
      { header: 'Still owed', width: w[6]!, align: 'right' },
      { header: 'Not logged', width: w[7]!, align: 'right' },
      { header: 'Excused', width: w[8]!, align: 'right' },
    ],
    [
      ...report.services.map((s) => ({
        cells: [
          s.name,
          figure(s.totals.requiredMinutes),
          figure(s.totals.deliveredMinutes),
          percentText(s.totals.percentDelivered),
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
          'All services',
          figure(report.minutes.requiredMinutes),
          figure(report.minutes.deliveredMinutes),
          percentText(report.minutes.percentDelivered),
          figure(report.minutes.owedMinutes),
          figure(report.minutes.makeupMinutes),
          figure(report.minutes.owedBalanceMinutes),
          figure(report.minutes.unloggedMinutes),
          figure(report.minutes.excusedMinutes),
        ],
      },
    ],
    { title: 'Minutes by service' },
  );
  write(
    doc,
    'All figures are minutes. "Made up" counts make-up time given in the period; "still owed" is owed time not yet ' +
      'made up, whenever it was missed.',
    { size: 8, color: COLOR.muted, gap: 6 },
  );
  for (const service of report.services) serviceSection(doc, service, outline);
}

function serviceSection(doc: Doc, service: ReportService, outline: PDFKit.PDFOutline): void {
  const t = service.totals;
  // The heading, the plan's words and the chart stay on one page.
  ensureSpace(doc, 60 + CHART_HEIGHT);
  outline.addItem(service.name);
  doc.y += 6;
  write(doc, service.name, { font: FONT.bold, size: 13, gap: 2 });
  if (service.sourceText)
    write(doc, `The plan says: "${service.sourceText}"`, {
      font: FONT.italic,
      size: 9,
      color: COLOR.muted,
      gap: 2,
    });
  write(
    doc,
    `Required ${figure(t.requiredMinutes)} min` +
      (t.requiredSessions != null ? ` (${t.requiredSessions} sessions)` : '') +
      ` · delivered ${figure(t.deliveredMinutes)} min (${percentText(t.percentDelivered)}) · owed ${figure(t.owedMinutes)}` +
      ` · made up ${figure(t.makeupMinutes)} · still owed ${figure(t.owedBalanceMinutes)}` +
      ` · excused ${figure(t.excusedMinutes)} · pending ${figure(t.pendingMinutes)} · not logged ${figure(t.unloggedMinutes)}` +
      (service.unappliedMakeupMinutes > 0
        ? ` · make-up minutes not applied ${figure(service.unappliedMakeupMinutes)}`
        : ''),
    { size: 9, gap: 8 },
  );
  if (t.requiredMinutes > 0 || t.deliveredMinutes > 0) chart(doc, service);

  const weekly = service.rows.every((r) => r.unit === 'week');
  table(
    doc,
    [
      { header: weekly ? 'Week' : 'Period', width: 76 },
      { header: 'Required', width: 46, align: 'right' },
      { header: 'Delivered', width: 50, align: 'right' },
      { header: 'Owed', width: 38, align: 'right' },
      { header: 'Made up', width: 44, align: 'right' },
      { header: 'Excused', width: 44, align: 'right' },
      { header: 'Pending', width: 44, align: 'right' },
      { header: 'Not logged', width: 52, align: 'right' },
      { header: 'Days without school', width: 110 },
    ],
    [
      ...service.rows.map((r) => ({
        cells: [
          // A month, a cycle or a term ("Quarter 2 (2026-11-09 to 2027-01-29)"), its dates in words.
          weekly ? weekSpan(r.start, r.end) : r.label.replace(/\d{4}-\d{2}-\d{2}/g, (d) => monthDay(d)),
          figure(r.requiredMinutes),
          figure(r.deliveredMinutes),
          figure(r.owedMinutes),
          figure(r.makeupMinutes),
          figure(r.excusedMinutes),
          figure(r.pendingMinutes),
          figure(r.unloggedMinutes),
          r.closures.map((c) => c.replace(/\d{4}-\d{2}-\d{2}/g, (d) => monthDay(d))).join('; '),
        ],
      })),
      {
        bold: true,
        cells: [
          'Total',
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
    { title: `${service.name}: ${weekly ? 'week by week' : 'by period'}` },
  );

  if (service.exceptions.length > 0) {
    subheading(doc, 'Sessions missed, cut short or made up', 60);
    table(
      doc,
      [
        { header: 'Date', width: 62 },
        { header: 'What happened', width: 92 },
        { header: 'Minutes', width: 44, align: 'right' },
        { header: 'Reason', width: 150 },
        { header: 'Counted as', width: 56 },
        { header: 'Logged by', width: 62 },
        { header: 'Ref', width: 38 },
      ],
      service.exceptions.map((e) => ({
        cells: [
          fullDate(e.date),
          e.kind === 'makeup'
            ? `Make-up${e.makesUpDate ? ` for ${monthDay(e.makesUpDate)}` : ''}`
            : e.status === 'short'
              ? `Cut short (${figure(e.minutesDelivered)} of ${e.minutesPlanned == null ? '?' : figure(e.minutesPlanned)})`
              : 'Missed',
          e.kind === 'makeup' ? `+${figure(e.minutesDelivered)}` : figure(e.minutesMissed),
          [e.reason, e.reasonText].filter(Boolean).join(': ') || '–',
          e.countedAs ?? (e.kind === 'makeup' ? 'make-up' : '–'),
          e.source,
          e.ref,
        ],
      })),
      { title: `${service.name}: sessions missed, cut short or made up` },
    );
  }
  for (const note of service.ledgerNotes)
    write(doc, `Note: ${note}`, { size: 8, color: COLOR.muted, gap: 2 });
  doc.y += 6;
}

/** The school's service logs against the family's record (issue 19); drawn only when a log was imported. */
function reconciliationSection(doc: Doc, report: ImplementationReport): void {
  const r = report.serviceLogReconciliation;
  if (!r) return;
  heading(doc, 'The school’s service logs and the family’s record');
  write(
    doc,
    `${r.logs === 1 ? 'One service log' : `${r.logs} service logs`} from the school, compared session by session with the family’s record: ${lowerFirstLetter(r.sentence)}`,
  );
  const w = [122, 42, 42, 52, 52, 52, 52, 46, 44];
  table(
    doc,
    [
      { header: 'Service', width: w[0]! },
      { header: 'Agree', width: w[1]!, align: 'right' },
      { header: 'Differ', width: w[2]!, align: 'right' },
      { header: 'Logged held, family: not', width: w[3]!, align: 'right' },
      { header: 'Logged not held, family: held', width: w[4]!, align: 'right' },
      { header: 'Only in the log', width: w[5]!, align: 'right' },
      { header: 'Only in the family’s', width: w[6]!, align: 'right' },
      { header: 'Minutes differ', width: w[7]!, align: 'right' },
      { header: 'Reason differs', width: w[8]!, align: 'right' },
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
    { title: 'Sessions by service' },
  );
  write(
    doc,
    'Counted in sessions. A difference is a question to ask the school, not a finding; the log’s file is not part of this report.',
    { size: 8, color: COLOR.muted, gap: 6 },
  );
}

const lowerFirstLetter = (text: string) => (text ? text[0]!.toLowerCase() + text.slice(1) : text);

function accommodationsSection(doc: Doc, report: ImplementationReport): void {
  heading(doc, 'Accommodations');
  if (report.accommodations.length === 0) {
    write(doc, 'The plan lists no accommodations for these dates.');
    return;
  }
  write(
    doc,
    'Each observation is one day someone noted whether the accommodation was given. The rate counts "partly" as ' +
      'half and leaves out observations whose outcome is not known.',
    { size: 8.5, color: COLOR.muted, gap: 6 },
  );
  table(
    doc,
    [
      { header: 'Accommodation', width: 196 },
      { header: 'Provided', width: 48, align: 'right' },
      { header: 'Partly', width: 40, align: 'right' },
      { header: 'Not provided', width: 58, align: 'right' },
      { header: 'Not known', width: 48, align: 'right' },
      { header: 'Rate provided', width: 56, align: 'right' },
      { header: 'Refs', width: 58 },
    ],
    report.accommodations.map((a) => ({
      cells: [
        a.text,
        String(a.provided),
        String(a.partly),
        String(a.notProvided),
        String(a.unknown),
        percentText(a.providedPercent),
        refsText(a.refs),
      ],
    })),
    { title: 'Accommodations' },
  );

  const lapses = report.accommodations
    .flatMap((a) => a.lapses.map((l) => ({ ...l, accommodation: a.text })))
    .sort((a, b) => a.date.localeCompare(b.date) || Number(a.ref.slice(1)) - Number(b.ref.slice(1)));
  if (lapses.length > 0) {
    subheading(doc, 'Lapses: days an accommodation was not given, or only partly');
    table(
      doc,
      [
        { header: 'Date', width: 62 },
        { header: 'Accommodation', width: 118 },
        { header: 'Outcome', width: 54 },
        { header: 'Class, setting', width: 66 },
        { header: 'Teacher', width: 54 },
        { header: 'Noted by', width: 52 },
        { header: 'Note', width: 66 },
        { header: 'Ref', width: 32 },
      ],
      lapses.map((l) => ({
        cells: [
          fullDate(l.date),
          clip(l.accommodation, 70),
          outcomeLabel(l.outcome),
          [l.className, l.setting].filter(Boolean).join(', ') || '–',
          teacherLabel(l.teacherKind),
          l.disagreeing.length > 0 ? `${l.source} (${l.disagreeing.join('; ')} disagree)` : l.source,
          l.note ? clip(l.note, 80) : '–',
          l.refs.length > 0 ? l.refs.join(', ') : l.ref,
        ],
      })),
      { title: 'Lapses' },
    );
  }
  findingsList(doc, report.accommodationFindings);
}

function findingsList(doc: Doc, findings: ImplementationReport['accommodationFindings']): void {
  if (findings.length === 0) return;
  subheading(doc, 'Patterns to ask about', 60);
  for (const f of findings) bullet(doc, `${f.message} ${f.question} (${refsText(f.refs)})`, 9);
}

function behaviorSection(doc: Doc, report: ImplementationReport): void {
  const plan = report.behaviorPlan;
  if (plan.steps.length === 0 && plan.incidents.length === 0) return;
  heading(doc, 'Behavior plan');
  const t = plan.totals;
  write(
    doc,
    t.incidents === 0
      ? 'No behavior incident was noted in these dates.'
      : `${t.incidents} ${t.incidents === 1 ? 'incident was' : 'incidents were'} noted. A step of the plan was skipped in ` +
          `${t.incidentsWithStepsSkipped} (${t.stepsSkipped} skipped steps in all); the plan's reward was used in ` +
          `${t.rewardUsed} and not used in ${t.rewardNotUsed}; the consequence went against the plan in ${t.consequenceAgainstPlan}.`,
    { size: 9.5, gap: 6 },
  );
  if (plan.steps.length > 0)
    table(
      doc,
      [
        { header: 'Step of the plan', width: 330 },
        { header: 'Kind', width: 62 },
        { header: 'Followed', width: 56, align: 'right' },
        { header: 'Skipped', width: 56, align: 'right' },
      ],
      plan.steps.map((s) => ({
        cells: [s.text, s.kind, String(s.followed), String(s.skipped)],
      })),
      { title: 'Steps of the plan' },
    );
  if (plan.incidents.length > 0) {
    subheading(doc, 'Incidents');
    table(
      doc,
      [
        { header: 'Date', width: 62 },
        { header: 'What happened', width: 118 },
        { header: 'Steps skipped', width: 150 },
        { header: 'Reward used', width: 44 },
        { header: 'Against plan', width: 44 },
        { header: 'Noted by', width: 52 },
        { header: 'Ref', width: 34 },
      ],
      plan.incidents.map((i) => ({
        cells: [
          fullDate(i.date),
          clip(i.summary, 160),
          i.stepsSkipped.length > 0 ? i.stepsSkipped.map((s) => clip(s, 140)).join('; ') : 'None',
          i.rewardUsed == null ? '–' : i.rewardUsed ? 'Yes' : 'No',
          i.consequenceContradicted == null ? '–' : i.consequenceContradicted ? 'Yes' : 'No',
          i.source,
          i.ref,
        ],
      })),
      { title: 'Incidents' },
    );
  }
  findingsList(doc, plan.findings);
}

function replyText(m: ImplementationReport['communications']['messages'][number]): string {
  const r = m.reply;
  switch (r.state) {
    case 'answered':
      return `Answered ${r.repliedOn ? monthDay(r.repliedOn) : ''} (${r.responseDays} ${r.responseDays === 1 ? 'day' : 'days'})`;
    case 'overdue':
      return r.promised
        ? `No answer; promised by ${r.dueBy ? monthDay(r.dueBy) : '?'}, ${r.daysLate} ${r.daysLate === 1 ? 'day' : 'days'} late`
        : `No reply; due ${r.dueBy ? monthDay(r.dueBy) : '?'}, ${r.daysLate} ${r.daysLate === 1 ? 'day' : 'days'} late`;
    case 'holding':
      return `Answer promised by ${r.dueBy ? monthDay(r.dueBy) : '?'}`;
    case 'waiting':
      return `Waiting; due ${r.dueBy ? monthDay(r.dueBy) : '?'}`;
    case 'closed':
      return 'Closed without a reply';
    default:
      return m.noWrittenFollowUp ? 'Not followed up in writing' : '–';
  }
}

function communicationSection(doc: Doc, report: ImplementationReport): void {
  heading(doc, 'Communication');
  const c = report.communications;
  if (c.messages.length === 0) {
    write(doc, 'No message, call or meeting was logged in these dates.');
    return;
  }
  write(
    doc,
    `${c.messages.length} ${c.messages.length === 1 ? 'message, call or meeting' : 'messages, calls and meetings'} logged (${c.sent} sent, ${c.received} received). ` +
      (c.averageResponseDays != null
        ? `Replies took ${c.averageResponseDays} ${c.averageResponseDays === 1 ? 'day' : 'days'} on average (calendar days from the message to its first reply). `
        : 'No sent message has a logged reply yet. ') +
      `${c.unanswered} still ${c.unanswered === 1 ? 'waits' : 'wait'} for a reply` +
      (c.overdue > 0 ? `, ${c.overdue} past the date a reply was expected` : '') +
      '.' +
      (c.withoutWrittenFollowUp > 0
        ? ` ${c.withoutWrittenFollowUp} ${c.withoutWrittenFollowUp === 1 ? 'call or meeting was' : 'calls or meetings were'} not followed up in writing.`
        : ''),
    { size: 9.5, gap: 6 },
  );
  table(
    doc,
    [
      { header: 'Date', width: 62 },
      { header: 'Kind', width: 64 },
      { header: 'With', width: 84 },
      { header: 'Subject or summary', width: 160 },
      { header: 'Reply', width: 100 },
      { header: 'Ref', width: 34 },
    ],
    c.messages.map((m) => ({
      cells: [
        fullDate(m.date),
        m.label,
        m.with,
        m.subject ? `${m.subject}: ${clip(m.summary, 110)}` : clip(m.summary, 140),
        replyText(m),
        m.ref,
      ],
    })),
    { title: 'Communication' },
  );
}

function recommendationsSection(doc: Doc, report: ImplementationReport): void {
  heading(doc, 'Open recommendations and deadlines');
  if (report.recommendations.length === 0) {
    write(doc, `The advisor has no open recommendation as of ${fullDate(report.range.asOf)}.`);
    return;
  }
  write(
    doc,
    `What the advisor suggests as of ${fullDate(report.range.asOf)}, each with its basis: a rule with its citation, ` +
      'or a product choice of As Written (a threshold no law sets). Deadlines are counted from the rule named.',
    { size: 8.5, color: COLOR.muted, gap: 6 },
  );
  report.recommendations.forEach((r, i) => {
    ensureSpace(doc, 80);
    write(doc, `${i + 1}. ${r.title}${r.urgency === 'high' ? ' (urgent)' : ''}`, {
      font: FONT.bold,
      size: 10,
      gap: 2,
      color: r.urgency === 'high' ? COLOR.concern : COLOR.text,
    });
    write(doc, r.reason, { size: 9, gap: 2 });
    write(
      doc,
      `${r.productChoice ? 'Product choice' : 'Basis'}: ${r.basis.replace(/\.$/, '')}. Records: ${refsText(r.refs)}.`,
      { size: 8.5, color: COLOR.muted, gap: 4 },
    );
    if (r.deadlines.length > 0)
      table(
        doc,
        [
          { header: 'Date', width: 70 },
          { header: 'Deadline', width: 300 },
          { header: 'Basis', width: 134 },
        ],
        r.deadlines.map((d) => ({ cells: [fullDate(d.date), d.label, d.basis] })),
        { title: `Deadlines: ${r.title}`, size: 8 },
      );
    else doc.y += 4;
  });
}

function evidenceSection(doc: Doc, report: ImplementationReport): void {
  heading(doc, 'Evidence index');
  write(
    doc,
    'Every record this report cites, in date order, with its source and record id (as in the household ' +
      "export). Files are listed with their SHA-256 fingerprint: anyone can recompute it from the file's bytes " +
      'to confirm it is the file that was stored.',
    { size: 8.5, color: COLOR.muted, gap: 6 },
  );
  if (report.evidence.length === 0) {
    write(doc, 'No record is cited.');
    return;
  }
  const KIND_WORDS: Record<string, string> = {
    session_entry: 'Session',
    accommodation_observation: 'Observation',
    work_sample: 'Work sample',
    behavior_incident: 'Incident',
    communication: 'Message',
    goal_progress: 'Goal data',
    parent_note: 'Parent note',
  };
  table(
    doc,
    [
      { header: 'Ref', width: 30 },
      { header: 'Date', width: 62 },
      { header: 'Record', width: 58 },
      { header: 'Source', width: 64 },
      { header: 'What it says; record id; files with SHA-256', width: 290 },
    ],
    report.evidence.map((e) => ({
      cells: [
        e.ref,
        fullDate(e.date),
        KIND_WORDS[e.kind] ?? e.kind,
        e.source,
        [
          e.description,
          `id ${e.recordId}`,
          ...e.files.map(
            (f) => `File "${f.filename}" (${f.mediaType}, ${f.size} bytes), SHA-256:\n${f.sha256}`,
          ),
        ].join('\n'),
      ],
    })),
    { title: 'Evidence index', size: 7.5 },
  );
}

function trailSection(doc: Doc, report: ImplementationReport): void {
  heading(doc, 'The paper trail');
  const j = report.journal;
  write(
    doc,
    'As Written writes every change to these records into a journal, each entry carrying the hash of the one ' +
      'before it, so an entry edited, removed or reordered later breaks the chain; and every record must be what ' +
      'its journal entries say it is. When this report was made:',
    { size: 9.5, gap: 6 },
  );
  table(
    doc,
    [
      { header: 'Check', width: 150 },
      { header: 'Result', width: 354 },
    ],
    [
      { cells: ['Journal entries', String(j.entries)] },
      {
        cells: ['Hash of the last entry', j.headHash ?? 'none (no entries)'],
        monoColumns: j.headHash ? [1] : [],
      },
      {
        cells: [
          'Record verified',
          j.verified
            ? 'Yes: the chain is whole, every record matches its journal, every file its SHA-256'
            : `No: ${j.firstProblem ?? 'a problem was found'}`,
        ],
      },
      {
        cells: [
          'Hash chain',
          j.chainWhole ? 'Whole: every entry is in order and unaltered' : `Broken: ${j.problem ?? ''}`,
        ],
      },
      {
        cells: [
          'Records against the journal',
          j.recordsDiffering === 0
            ? `${j.recordsChecked}, each as its journal entries leave it`
            : `${j.recordsChecked}; ${j.recordsDiffering} ${j.recordsDiffering === 1 ? 'differs' : 'differ'}. First: ${j.recordProblem ?? ''}`,
        ],
      },
      {
        cells: [
          'Files checked against SHA-256',
          j.attachmentProblems.length === 0
            ? `${j.attachmentsChecked}, all unchanged`
            : `${j.attachmentsChecked}; ${j.attachmentProblems.join('; ')}`,
        ],
      },
    ],
    { title: 'The paper trail' },
  );
  write(
    doc,
    `To confirm later that nothing before this report was changed, run "as-written verify" (or Verify in the app): ` +
      `entry ${j.entries} of the journal should still carry the hash above; entries after it are changes made since.`,
    { size: 8.5, color: COLOR.muted, gap: 0 },
  );
}

/** "Emma · Sep 8 – Oct 30, 2026" on the left, "Page 2 of 9" on the right, on every page. */
function footers(doc: Doc, report: ImplementationReport): void {
  const range = doc.bufferedPageRange();
  const left = pdfText(`${report.child.firstName} · ${dateRange(report.range.from, report.range.to)}`);
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
    doc.text(`Page ${i + 1 - range.start} of ${range.count}`, MARGIN.left + CONTENT_WIDTH / 2, y, {
      width: CONTENT_WIDTH / 2,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

export function renderReportPdf(given: ImplementationReport): Promise<Buffer> {
  // pdfkit draws direction controls as they come: a name holding U+202E would turn a line around.
  const report = withoutBidiControlsDeep(given);
  const child = [report.child.firstName, report.child.lastName].filter(Boolean).join(' ');
  const range = dateRange(report.range.from, report.range.to);
  const doc: Doc = createPdf({
    size: 'LETTER',
    margins: MARGIN,
    bufferPages: true,
    lang: 'en-US',
    displayTitle: true,
    info: {
      // Metadata is stored as Unicode text, so names keep every character here too.
      Title: `Implementation report: ${child}, ${range}`,
      Author: 'As Written',
      Creator: 'As Written',
      Subject: `How ${report.child.firstName}'s ${report.plan?.kind === '504' ? '504 plan' : report.plan ? 'IEP' : 'plan'} was carried out, ${range}, as of ${fullDate(report.range.asOf)}`,
      Keywords: 'IEP, 504, services, accommodations, implementation',
      // Noon UTC of the "as of" day: the same day in every time zone of the Americas, and a
      // fixed date makes the file (and pdfkit's id, derived from this metadata) reproducible.
      CreationDate: new Date(`${report.range.asOf}T12:00:00.000Z`),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  firstPage(doc, report);
  doc.addPage();
  minutesOverview(doc, report);
  reconciliationSection(doc, report);
  accommodationsSection(doc, report);
  behaviorSection(doc, report);
  communicationSection(doc, report);
  recommendationsSection(doc, report);
  evidenceSection(doc, report);
  trailSection(doc, report);
  footers(doc, report);
  doc.end();
  return done;
}
