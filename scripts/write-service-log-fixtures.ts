// Writes the school service-log fixtures that cannot be typed as plain text (issue 19): an Excel
// workbook with a two-row merged header, real dates, durations as time values and a date merged over
// two students' rows; a tab-separated file in Windows' Western encoding (as older spreadsheet
// programs save "Text (Tab delimited)"); and a PDF printout from a district system, two pages with
// the header printed again, a page footer, a note wrapped onto a second line, right-aligned minutes and
// centered statuses. The CSV fixtures beside them are written by hand; every
// fixture's answer key (*.answers.json) is written by hand, never from the reader's output.
// Run: node --import tsx scripts/write-service-log-fixtures.ts

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { makePdf } from '../test/support/make-pdf.ts';

const DIR = join(import.meta.dirname, '../test/fixtures/service-logs');

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
/** A time of day or a duration, as Excel stores it: a fraction of a day (written as a date in 1899). */
const clock = (h: number, m: number) => new Date(Date.UTC(1899, 11, 30, h, m));

async function workbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'As Written fixtures';
  wb.created = new Date('2026-11-02T12:00:00.000Z');
  wb.modified = wb.created;
  const summary = wb.addWorksheet('Summary');
  summary.addRow(['Provider summary']);
  summary.addRow(['Sessions logged: 6']);

  const ws = wb.addWorksheet('Log');
  // Rows by number: a merge creates the rows it spans, so appending would skip past them.
  ws.getRow(1).values = ['Speech Therapy Service Log - Fall 2026'];
  ws.mergeCells('A1:H1');
  ws.getRow(3).values = ['Session', null, null, 'Student', null, 'Minutes', null, 'Attendance'];
  ws.getRow(4).values = ['Date', 'Start', 'Service', 'Name', 'ID', 'Scheduled', 'Delivered'];
  ws.mergeCells('A3:C3');
  ws.mergeCells('D3:E3');
  ws.mergeCells('F3:G3');
  ws.mergeCells('H3:H4');
  const rows: [string | null, number, number, string, number, number, [number, number], string][] = [
    ['2026-10-07', 10, 15, 'Emma Lopez', 100234, 30, [0, 30], 'Present'],
    ['2026-10-07', 10, 15, 'Noah Kim', 100555, 30, [0, 30], 'Present'],
    ['2026-10-14', 10, 15, 'Emma Lopez', 100234, 30, [0, 20], 'Present'],
    ['2026-10-21', 10, 15, 'Emma Lopez', 100234, 30, [0, 0], 'PA'],
    ['2026-10-28', 10, 15, 'Noah Kim', 100555, 30, [0, 30], 'Present'],
    [null, 10, 15, 'Emma Lopez', 100234, 30, [0, 30], 'Present'],
  ];
  for (const [i, [date, h, m, name, id, planned, [dh, dm], attendance]] of rows.entries()) {
    const row = ws.getRow(5 + i);
    row.values = [date ? day(date) : null, clock(h, m), 'SLP', name, id, planned, clock(dh, dm), attendance];
    row.getCell(1).numFmt = 'm/d/yyyy';
    row.getCell(2).numFmt = 'h:mm AM/PM';
    row.getCell(7).numFmt = '[h]:mm';
  }
  // The last session's date is printed once over its two students.
  ws.mergeCells('A9:A10');
  const buffer = await wb.xlsx.writeBuffer();
  writeFileSync(join(DIR, 'merged-header.xlsx'), Buffer.from(buffer));
}

function windowsText() {
  const lines = [
    'DOS\tService\tLength\tComments',
    '10/6/2026\tSpeech\t30 min\tWorked on /s/ \u2014 good focus',
    '10/8/2026\tSpeech\t1.5 hrs\tEvaluation, caf\u00e9 role-play',
    '10/13/2026\tSpeech\t0:30\t',
    '10/15/2026\tSpeech\t0\tNo session',
    '10/20/2026\tSpeech\t45m\t',
  ];
  const text = `${lines.join('\r\n')}\r\n`;
  // Windows-1252: the em dash is 0x97; the other characters are Latin-1's own.
  const bytes = Buffer.from(text.replace(/\u2014/g, '\u0097'), 'latin1');
  writeFileSync(join(DIR, 'tab-windows-1252.txt'), bytes);
}

/** A column of the printout: its header, left edge, width and how its cells are aligned. */
type PrintColumn = { header: string; x: number; width: number; align: 'left' | 'center' | 'right' };
const PRINT_COLUMNS: PrintColumn[] = [
  { header: 'Date', x: 40, width: 62, align: 'left' },
  { header: 'Time', x: 108, width: 50, align: 'left' },
  { header: 'Provider', x: 164, width: 92, align: 'left' },
  { header: 'Service', x: 262, width: 70, align: 'left' },
  { header: 'Min', x: 338, width: 28, align: 'right' },
  { header: 'Status', x: 374, width: 80, align: 'center' },
  { header: 'Session Notes', x: 462, width: 112, align: 'left' },
];

async function printout() {
  // Each page: the district's title, the student, the table's header, rows, and "Page n of 2" at the foot.
  const pages: (string | string[])[][] = [
    [
      [
        '10/06/2026',
        '9:00 AM',
        'J. Rivera, CCC-SLP',
        'Speech',
        '30',
        'Delivered',
        'Articulation /s/ blends in',
      ],
      ['', '', '', '', '', '', 'words and short phrases'],
      ['10/08/2026', '9:00 AM', 'J. Rivera, CCC-SLP', 'Speech', '0', 'Student Absent', ''],
      ['10/13/2026', '9:00 AM', 'J. Rivera, CCC-SLP', 'Speech', '0', 'Provider Absent', 'No substitute'],
      ['10/15/2026', '9:00 AM', 'J. Rivera, CCC-SLP', 'Speech', '20', 'Delivered', 'Fire drill'],
    ],
    [
      ['10/20/2026', '9:00 AM', 'J. Rivera, CCC-SLP', 'Speech', '30', 'Delivered', ''],
      ['10/22/2026', '2:15 PM', 'J. Rivera, CCC-SLP', 'Speech', '30', 'Make-Up', 'For 10/13'],
      ['10/27/2026', '9:00 AM', 'J. Rivera, CCC-SLP', 'OT', '30', 'Delivered', ''],
    ],
  ];
  const pdf = await makePdf((doc) => {
    doc.info.CreationDate = new Date('2026-11-02T12:00:00.000Z');
    for (const [i, rows] of pages.entries()) {
      if (i > 0) doc.addPage();
      doc
        .font('Helvetica-Bold')
        .fontSize(13)
        .text('Lincoln Unified School District', 40, 40, { lineBreak: false });
      doc.font('Helvetica').fontSize(10);
      doc.text('Related Services Log: Student: Emma Lopez (ID 100234)', 40, 60, { lineBreak: false });
      doc.text('Printed 11/02/2026', 460, 60, { lineBreak: false });
      let y = 96;
      doc.font('Helvetica-Bold').fontSize(9);
      for (const c of PRINT_COLUMNS)
        doc.text(c.header, c.x, y, { width: c.width, align: c.align, lineBreak: false });
      doc
        .moveTo(40, y + 12)
        .lineTo(574, y + 12)
        .stroke();
      doc.font('Helvetica').fontSize(9);
      y += 18;
      for (const row of rows) {
        for (const [j, c] of PRINT_COLUMNS.entries()) {
          const text = (row as string[])[j] ?? '';
          if (text) doc.text(text, c.x, y, { width: c.width, align: c.align, lineBreak: false });
        }
        y += 12;
      }
      doc.text(`Page ${i + 1} of ${pages.length}`, 270, 740, { lineBreak: false });
    }
  });
  writeFileSync(join(DIR, 'printout-page-breaks.pdf'), pdf);
}

await workbook();
windowsText();
await printout();
console.log(`wrote ${DIR}/merged-header.xlsx, tab-windows-1252.txt and printout-page-breaks.pdf`);
