import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './service-log-csv.ts';

const cells = (text: string, options?: Parameters<typeof parseCsv>[1]) =>
  parseCsv(text, options).rows.map((r) => r.cells);

describe('parseCsv', () => {
  it('reads what As Written’s own writer writes: a byte-order mark, CRLF, quoted fields', () => {
    const text = '\uFEFFdate,note\r\n2026-10-06,"Said ""hi"", then left"\r\n2026-10-07,\'-5 minutes\r\n';
    expect(cells(text)).toEqual([
      ['date', 'note'],
      ['2026-10-06', 'Said "hi", then left'],
      ['2026-10-07', '-5 minutes'],
    ]);
  });

  it('keeps a line break inside a quoted field, and numbers rows by their first line in the file', () => {
    const table = parseCsv('a,b\n1,"two\nlines"\n3,4\n');
    expect(table.rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'two\nlines'] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('finds semicolons and tabs as the delimiter, and keeps commas inside their fields', () => {
    expect(detectDelimiter('Datum;Dienst;Minuten\n6.10.2026;Logo, Sprache;30\n')).toBe(';');
    expect(cells('Date\tMinutes\n10/6/2026\t30\n')).toEqual([
      ['Date', 'Minutes'],
      ['10/6/2026', '30'],
    ]);
  });

  it('is not thrown by a title line above the table', () => {
    expect(
      detectDelimiter('Service Log Report\nDate,Service,Minutes\n10/6/2026,SLP,30\n10/8/2026,SLP,30\n'),
    ).toBe(',');
  });

  it('keeps blank lines as rows, so line numbers stay the file’s', () => {
    expect(parseCsv('a\n\nb\n').rows.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('stops after maxRows and says the file was longer', () => {
    const text = Array.from({ length: 100 }, (_, i) => `${i},x`).join('\n');
    const table = parseCsv(text, { maxRows: 10 });
    expect(table.rows).toHaveLength(10);
    expect(table.truncated).toBe(true);
  });

  it('names the line where a quoted field never closes', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n').unclosedQuoteAt).toBe(2);
  });
});
