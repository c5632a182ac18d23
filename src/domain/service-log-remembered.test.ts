import { describe, expect, it } from 'vitest';
import { parseCsv } from './service-log-csv.ts';
import { type ReadServiceLogOptions, readServiceLog } from './service-log-read.ts';
import { mappingToRemember, placeRememberedMapping, signatureOf } from './service-log-remembered.ts';

const speech = { id: 'svc-speech', name: 'Speech-language therapy', area: 'speech' as const };
const options: ReadServiceLogOptions = {
  child: { firstName: 'Emma', lastName: 'Lopez' },
  studentId: null,
  services: [speech],
  defaultServiceId: speech.id,
  country: 'US',
};
const grid = (lines: string[]) => parseCsv(lines.join('\n')).rows;

// The parent's mapping of an odd header ("When, What, How long, Outcome"), which the reader cannot guess.
const odd = ['When,What,How long,Outcome', '10/6/2026,Group,30,Done', '10/8/2026,Group,0,Absent'];
const chosen = {
  headerLines: [1],
  columns: { date: 0, service: 1, minutes: 2, status: 3 },
  services: { group: speech.id },
};

describe('a school’s remembered mapping', () => {
  it('is remembered by its header’s words and placed on the next file, wherever the header is', () => {
    const first = readServiceLog(grid(odd), { ...options, mapping: chosen });
    expect(first.problem).toBeNull();
    const remembered = mappingToRemember(first);
    expect(remembered?.signature).toBe(signatureOf(['When', 'What', 'How long', 'Outcome']));
    expect(remembered?.remembered.columns).toEqual({
      date: 'when',
      service: 'what',
      minutes: 'how long',
      status: 'outcome',
    });
    // The next export has a title and a blank line above the same header.
    const next = grid(['Lincoln Elementary: related services', '', ...odd]);
    const placed = placeRememberedMapping([remembered!], next);
    expect(placed).toMatchObject({ headerLines: [3], columns: chosen.columns, services: chosen.services });
    const read = readServiceLog(next, { ...options, mapping: placed });
    expect(read.problem).toBeNull();
    expect(read.rows.map((r) => [r.date, r.minutes])).toEqual([
      ['2026-10-06', 30],
      ['2026-10-08', 0],
    ]);
  });

  it('is not placed on a file whose header differs, and the latest of several that fit wins', () => {
    const first = mappingToRemember(readServiceLog(grid(odd), { ...options, mapping: chosen }))!;
    const other = grid(['Date,Service,Minutes,Status', '10/6/2026,SLP,30,Delivered']);
    expect(placeRememberedMapping([first], other)).toBeNull();
    expect(placeRememberedMapping([], grid(odd))).toBeNull();
    const later = { ...first, remembered: { ...first.remembered, dateOrder: 'dmy' as const } };
    expect(placeRememberedMapping([later, first], grid(odd))?.dateOrder).toBe('dmy');
  });

  it('remembers nothing of columns named without a header row', () => {
    const headless = readServiceLog(grid(['10/6/2026,Group,30,Done']), {
      ...options,
      mapping: { headerLines: [], columns: chosen.columns, services: chosen.services },
    });
    expect(mappingToRemember(headless)).toBeNull();
  });
});
