import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../../test/support/make-pdf.ts';
import { readServiceLog } from '../domain/service-log-read.ts';
import { cellText, readServiceLogFile } from './service-log-file.ts';

// Every fixture in test/fixtures/service-logs read through the file reader and the log reader, against
// its answer key (written by hand): each row of this child read with its date, service, minutes,
// kind, status, reason and time, and every other row after the header listed as unread with its kind.

const DIR = join(import.meta.dirname, '../../test/fixtures/service-logs');
const SERVICES = [
  { id: 'speech', name: 'Speech-language therapy', area: 'speech' as const },
  { id: 'ot', name: 'Occupational therapy', area: 'ot' as const },
];

type Answers = {
  options: { studentId: string | null; country: 'US' | 'CA' | null };
  problem: string | null;
  rows: {
    line: number;
    date: string;
    service: string;
    minutes: number | null;
    kind: string;
    status: string;
    reason: string | null;
    startTime: string | null;
    note?: string;
  }[];
  unread: { line: number; kind: string; reason?: string }[];
  otherStudents: number;
  otherStudentNames: number;
};

const fixtures = readdirSync(DIR).filter((f) => !f.endsWith('.answers.json'));

describe('service log fixtures against their answer keys', () => {
  it('has an answer key for every fixture', () => {
    for (const f of fixtures) expect(readdirSync(DIR)).toContain(f.replace(/\.[a-z]+$/, '.answers.json'));
    expect(fixtures.length).toBeGreaterThanOrEqual(7);
  });

  it.each(fixtures)('%s', async (file) => {
    const answers = JSON.parse(
      readFileSync(join(DIR, file.replace(/\.[a-z]+$/, '.answers.json')), 'utf8'),
    ) as Answers;
    const { grid } = await readServiceLogFile(readFileSync(join(DIR, file)));
    const reading = readServiceLog(grid, {
      child: { firstName: 'Emma', lastName: 'Lopez' },
      studentId: answers.options.studentId,
      services: SERVICES,
      defaultServiceId: 'speech',
      country: answers.options.country,
    });
    expect(reading.problem?.kind ?? null).toBe(answers.problem);
    expect(
      reading.rows.map((r) => ({
        line: r.line,
        date: r.date,
        service: r.serviceId,
        minutes: r.minutes,
        kind: r.kind,
        status: r.status,
        reason: r.reason,
        startTime: r.startTime,
        ...(answers.rows.find((a) => a.line === r.line)?.note != null ? { note: r.note } : {}),
      })),
    ).toEqual(answers.rows);
    expect(
      reading.unread.map((u) => {
        const key = answers.unread.find((a) => a.line === u.line);
        return key?.reason
          ? { line: u.line, kind: u.kind, reason: u.reason }
          : { line: u.line, kind: u.kind };
      }),
    ).toEqual(answers.unread);
    expect(reading.counts.otherStudents).toBe(answers.otherStudents);
    expect(reading.otherStudentNames).toBe(answers.otherStudentNames);
    // Every row after the header is read or listed.
    if (!answers.problem || answers.problem === 'another_child') {
      expect(reading.counts.read + reading.unread.length).toBe(reading.counts.total);
    }
  });

  it('reads the group log by the student ID as by the name', async () => {
    const { grid } = await readServiceLogFile(readFileSync(join(DIR, 'group-log-page-breaks.csv')));
    const reading = readServiceLog(grid, {
      child: { firstName: 'Emily', lastName: 'Lopes' },
      studentId: '100234',
      services: SERVICES,
      defaultServiceId: 'speech',
      country: 'US',
    });
    expect(reading.rows.map((r) => r.line)).toEqual([2, 5, 9, 11]);
  });
});

describe('readServiceLogFile', () => {
  const refused = async (bytes: Uint8Array, options?: Parameters<typeof readServiceLogFile>[1]) => {
    try {
      await readServiceLogFile(bytes, options);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('not refused');
  };

  it('refuses an empty file, one too large, and one with too many rows', async () => {
    expect(await refused(new Uint8Array())).toBe('This file is empty (0 bytes). Nothing was saved.');
    expect(await refused(Buffer.from('Date,Minutes\n10/6/2026,30\n'), { maxBytes: 10 })).toContain(
      'more than the 0 MB',
    );
    const lines = ['Date,Minutes', ...Array.from({ length: 60 }, () => '10/6/2026,30')].join('\n');
    expect(await refused(Buffer.from(lines), { maxRows: 5 })).toBe(
      'This file has more than 5 rows; As Written reads at most 5 (a school year of sessions is far fewer). Export a shorter stretch of dates, or one student’s log, and bring that in. Nothing was saved.',
    );
  });

  it('refuses a 50,001-row file, and reads one of 50,000 rows', async () => {
    const row = '10/6/2026,Emma Lopez,SLP,30,Delivered\n';
    const header = 'Date,Student,Service,Minutes,Status\n';
    const big = Buffer.from(header + row.repeat(50_001 + 50));
    expect(await refused(big)).toContain('more than 50,000 rows');
    const ok = await readServiceLogFile(Buffer.from(header + row.repeat(50_000)));
    expect(ok.grid).toHaveLength(50_001);
  });

  it('refuses a damaged PDF, a PDF that is not a log, a web page and a binary file, saying what to do', async () => {
    expect(await refused(Buffer.from('%PDF-1.4\n%…'))).toContain('This PDF is damaged or incomplete');
    const letter = await makePdf((doc) => {
      doc.fontSize(11).text('Dear Ms. Rivera,', 50, 50);
      doc.text('Thank you for meeting with us on October 6. Emma enjoyed the session.', 50, 70);
    });
    expect(await refused(letter)).toContain('This PDF is not a service log');
    expect(await refused(Buffer.from('<html><table><tr><td>Date</td></tr></table></html>'))).toContain(
      'This file is a web page',
    );
    expect(await refused(Buffer.from([0, 1, 2, 3, 4, 5, 200, 201]))).toContain('not a service log');
  });

  it('reads a UTF-16 file with its byte-order mark', async () => {
    const text = '\uFEFFDate\tMinutes\r\n10/6/2026\t30\r\n';
    const bytes = Buffer.from(text, 'utf16le');
    const file = await readServiceLogFile(bytes);
    expect(file.grid.map((r) => r.cells)).toEqual([
      ['Date', 'Minutes'],
      ['10/6/2026', '30'],
    ]);
  });

  it('writes cells as the reader reads them', () => {
    expect(cellText(new Date(Date.UTC(2026, 9, 6)))).toBe('2026-10-06');
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 0, 30)))).toBe('00:30');
    expect(cellText(new Date(Date.UTC(1899, 11, 31, 1, 15)))).toBe('25:15');
    expect(cellText({ richText: [{ text: 'Speech ' }, { text: 'Lang' }] } as ExcelJS.CellValue)).toBe(
      'Speech Lang',
    );
    expect(cellText({ formula: 'A1+1', result: 31 } as ExcelJS.CellValue)).toBe('31');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
  });

  it('refuses a spreadsheet that is a zip bomb before exceljs reads it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Log').addRow(['Date', 'Minutes']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    // The same workbook with a limit far below its size stands for a bomb: refused by the container check.
    const { checkZipContainer } = await import('./docx-text.ts');
    expect(() => checkZipContainer(bytes, 100, 'sheet')).toThrow(
      /This spreadsheet unpacks to more than 0 MB/,
    );
  });
});
