import { describe, expect, it } from 'vitest';
import type { DocCell, DocLine, DocumentText } from './document-text.ts';
import { gridFromDocumentText } from './service-log-pdf.ts';
import { readServiceLog } from './service-log-read.ts';

// A printed log's lines put in its table's columns: by where each cell sits under the header, not by
// its place in the line (an empty cell prints nothing).

/** A line of cells at `y`: each cell [text, x, width]. */
function line(y: number, cells: [string, number, number][]): DocLine {
  const docCells: DocCell[] = cells.map(([text, x, width]) => ({ text, x, end: x + width }));
  return { y, height: 9, text: cells.map((c) => c[0]).join(' '), cells: docCells };
}

const doc = (...pages: DocLine[][]): DocumentText => ({
  format: 'pdf',
  pages: pages.map((lines, i) => ({ number: i + 1, width: 612, height: 792, lines })),
  pagesWithoutText: [],
  unreadablePages: [],
  notes: [],
});

const HEADER = line(100, [
  ['Date', 40, 20],
  ['Student', 110, 34],
  ['Minutes', 220, 34],
  ['Attendance', 300, 50],
  ['Comments', 400, 45],
]);

describe('gridFromDocumentText', () => {
  it('puts each cell under its header, leaving an empty cell empty', () => {
    const table = gridFromDocumentText(
      doc([
        HEADER,
        // Minutes right-aligned under their header, attendance centered, no comment.
        line(115, [
          ['10/6/2026', 40, 44],
          ['Emma Lopez', 110, 50],
          ['30', 244, 10],
          ['Present', 310, 32],
        ]),
        // No minutes printed at all: the attendance must not slide into the minutes column.
        line(127, [
          ['10/8/2026', 40, 44],
          ['Emma Lopez', 110, 50],
          ['Student absent', 295, 62],
          ['Sick', 400, 18],
        ]),
      ]),
    );
    expect(table?.grid.map((r) => r.cells)).toEqual([
      ['Date', 'Student', 'Minutes', 'Attendance', 'Comments'],
      ['10/6/2026', 'Emma Lopez', '30', 'Present', ''],
      ['10/8/2026', 'Emma Lopez', '', 'Student absent', 'Sick'],
    ]);
  });

  it('joins a wrapped comment to its row, but keeps a group log’s next student a row of its own', () => {
    const table = gridFromDocumentText(
      doc([
        HEADER,
        line(115, [
          ['10/6/2026', 40, 44],
          ['Emma Lopez', 110, 50],
          ['30', 244, 10],
          ['Present', 310, 32],
          ['Turn-taking and', 400, 70],
        ]),
        line(126, [['wh- questions', 400, 60]]),
        // The date is printed once over both students: Noah's row has numbers and several cells.
        line(138, [
          ['Noah Kim', 110, 40],
          ['30', 244, 10],
          ['Present', 310, 32],
        ]),
      ]),
    );
    expect(table?.grid.map((r) => r.cells)).toEqual([
      ['Date', 'Student', 'Minutes', 'Attendance', 'Comments'],
      ['10/6/2026', 'Emma Lopez', '30', 'Present', 'Turn-taking and wh- questions'],
      ['', 'Noah Kim', '30', 'Present', ''],
    ]);
  });

  it('numbers rows across pages, keeps each page’s title and footer as rows, and knows their page', () => {
    const title = line(40, [['Speech Log: Emma Lopez', 40, 120]]);
    const footer = (n: number) => line(740, [[`Page ${n} of 2`, 270, 50]]);
    const row = (y: number, date: string) =>
      line(y, [
        [date, 40, 44],
        ['Emma Lopez', 110, 50],
        ['30', 244, 10],
        ['Present', 310, 32],
      ]);
    const table = gridFromDocumentText(
      doc(
        [title, HEADER, row(115, '10/6/2026'), footer(1)],
        [title, HEADER, row(115, '10/13/2026'), footer(2)],
      ),
    );
    expect(
      table?.grid.map((r) => [r.line, table.pageOf.get(r.line), r.cells.filter(Boolean).join(' | ')]),
    ).toEqual([
      [1, 1, 'Speech Log: Emma Lopez'],
      [2, 1, 'Date | Student | Minutes | Attendance | Comments'],
      [3, 1, '10/6/2026 | Emma Lopez | 30 | Present'],
      [4, 1, 'Page 1 of 2'],
      [5, 2, 'Speech Log: Emma Lopez'],
      [6, 2, 'Date | Student | Minutes | Attendance | Comments'],
      [7, 2, '10/13/2026 | Emma Lopez | 30 | Present'],
      [8, 2, 'Page 2 of 2'],
    ]);
    // The log reader reads both sessions and lists the title, header and footers printed again.
    const reading = readServiceLog(table!.grid, {
      child: { firstName: 'Emma', lastName: 'Lopez' },
      studentId: null,
      services: [{ id: 'speech', name: 'Speech-language therapy', area: 'speech' }],
      defaultServiceId: 'speech',
      country: 'US',
    });
    expect(reading.rows.map((r) => [r.line, r.date, r.minutes])).toEqual([
      [3, '2026-10-06', 30],
      [7, '2026-10-13', 30],
    ]);
    expect(reading.unread.map((u) => [u.line, u.kind])).toEqual([
      [4, 'page'],
      [5, 'page'],
      [6, 'header'],
      [8, 'page'],
    ]);
  });

  it('finds no table in a document that is not a log', () => {
    expect(
      gridFromDocumentText(
        doc([line(50, [['Dear Ms. Rivera,', 50, 80]]), line(70, [['Thank you.', 50, 50]])]),
      ),
    ).toBeNull();
  });
});
