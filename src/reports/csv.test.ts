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

describe('the journal head line', () => {
  const columns = [{ header: 'date', value: (r: { date: string }) => r.date }];
  it('ends the file with where the journal stood, in the first column, never read as a formula', () => {
    const hash = 'ab'.repeat(32);
    const csv = toCsv([{ date: '2026-10-05' }], columns, { journalHead: { entries: 1234, hash } });
    const lines = csv.replace('\uFEFF', '').split('\r\n');
    expect(lines).toEqual([
      'date',
      '2026-10-05',
      `# As Written journal at export: 1234 entries; last entry hash ${hash}`,
      '',
    ]);
  });

  it('says so when the journal has no entries, and is left out when not asked for', () => {
    expect(toCsv([], columns, { journalHead: { entries: 0, hash: null } })).toBe(
      '\uFEFFdate\r\n# As Written journal at export: no entries\r\n',
    );
    expect(toCsv([], columns)).toBe('\uFEFFdate\r\n');
  });
});
