import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  const columns = [
    { header: 'date', value: (r: { date: string; note: string | null }) => r.date },
    { header: 'note', value: (r: { date: string; note: string | null }) => r.note },
  ];
  it('quotes commas, quotes and line breaks, and leaves empty fields empty', () => {
    expect(
      toCsv(
        [
          { date: '2026-10-06', note: 'Sat in the back, again' },
          { date: '2026-10-07', note: 'She said "no"\nthen left' },
          { date: '2026-10-08', note: null },
        ],
        columns,
      ),
    ).toBe(
      '\uFEFFdate,note\r\n2026-10-06,"Sat in the back, again"\r\n2026-10-07,"She said ""no""\nthen left"\r\n2026-10-08,\r\n',
    );
  });
  it('never lets a note become a formula', () => {
    expect(toCsv([{ date: '2026-10-06', note: '=HYPERLINK("x")' }], columns)).toContain(
      `"'=HYPERLINK(""x"")"`,
    );
    expect(toCsv([{ date: '2026-10-06', note: '-5 minutes' }], columns)).toContain("'-5 minutes");
  });
});
