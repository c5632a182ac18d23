import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IcsEvent, IcsFileError, readIcsFile, TooManyEvents } from './ics.ts';

const FIXTURE = join(import.meta.dirname, '../../test/fixtures/calendars/district-2026-27.ics');
const district = () => readFileSync(FIXTURE);

/** A calendar of the given VEVENT bodies (lines), CRLF. */
function ics(...events: string[][]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    ...events.flatMap((lines) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

const one = (text: string, options = {}): IcsEvent => {
  const events = readIcsFile(text, options).events;
  expect(events).toHaveLength(1);
  return events[0]!;
};
const named = (events: IcsEvent[], summary: string) => events.filter((e) => e.summary === summary);

describe('reading a district calendar file', () => {
  const read = readIcsFile(district());

  it('reads its name, its time zone and every event, repeats expanded', () => {
    expect(read.name).toBe('Cedar Falls Unified 2026-27');
    expect(read.timeZone).toBe('America/Los_Angeles');
    expect(read.events).toHaveLength(22);
    expect(read.skipped).toEqual([]);
  });

  it('ends an all-day break the day before its DTEND (RFC 5545: DTEND is exclusive)', () => {
    const [thanksgiving] = named(read.events, 'Thanksgiving Break');
    expect(thanksgiving).toMatchObject({ startDate: '2026-11-25', endDate: '2026-11-27', allDay: true });
    expect(thanksgiving!.startTime).toBeNull();
    const [winter] = named(read.events, 'Winter Break');
    expect(winter).toMatchObject({ startDate: '2026-12-21', endDate: '2027-01-01' });
  });

  it('gives a one-day all-day event the same first and last day', () => {
    const [pictures] = named(read.events, 'Picture Day');
    expect(pictures).toMatchObject({ startDate: '2026-09-24', endDate: '2026-09-24', recurring: false });
  });

  it('unfolds a folded line and unescapes its commas', () => {
    const [pictures] = named(read.events, 'Picture Day');
    expect(pictures!.description).toContain('Retakes are in November, on a date to be announced.');
  });

  it('keeps a timed event’s clock as the district wrote it (TZID)', () => {
    const [night] = named(read.events, 'Back to School Night');
    expect(night).toMatchObject({
      startDate: '2026-09-17',
      endDate: '2026-09-17',
      allDay: false,
      startTime: '18:00',
    });
  });

  it('puts a UTC time in the calendar’s own zone: 20:30Z in November is 12:30 in Los Angeles', () => {
    const [early] = named(read.events, 'Early Dismissal 12:30 – Parent Conferences');
    expect(early).toMatchObject({ startDate: '2026-11-19', startTime: '12:30', allDay: false });
  });

  it('expands a repeating event, less its EXDATE, with its RECURRENCE-ID override', () => {
    const pta = read.events.filter((e) => e.summary.startsWith('PTA Meeting'));
    expect(pta.map((e) => e.startDate)).toEqual([
      '2026-10-06',
      '2026-11-03',
      '2026-12-01',
      '2027-02-09',
      '2027-03-02',
      '2027-04-06',
      '2027-05-04',
      '2027-06-01',
    ]);
    expect(pta.every((e) => e.recurring && e.startTime === '19:00')).toBe(true);
    expect(pta.find((e) => e.startDate === '2027-02-09')!.summary).toBe(
      'PTA Meeting (moved to the second Tuesday)',
    );
  });

  it('lists the events by date', () => {
    const dates = read.events.map((e) => e.startDate);
    expect(dates).toEqual([...dates].sort());
  });

  it('reads the same file with LF line endings alike', () => {
    const lf = readIcsFile(district().toString('utf8').replace(/\r\n/g, '\n'));
    expect(lf.events).toEqual(read.events);
  });

  it('reads a byte order mark and accented words', () => {
    const text = `\uFEFF${ics(['UID:x', 'DTSTART;VALUE=DATE:20261225', 'SUMMARY:Día festivo – Navidad'])}`;
    expect(one(text).summary).toBe('Día festivo – Navidad');
  });
});

describe('dates and times', () => {
  it('an all-day event without DTEND is one day', () => {
    expect(one(ics(['UID:a', 'DTSTART;VALUE=DATE:20261009', 'SUMMARY:In-service']))).toMatchObject({
      startDate: '2026-10-09',
      endDate: '2026-10-09',
    });
  });

  it('an all-day event with a DURATION of three days ends on the third', () => {
    expect(
      one(ics(['UID:a', 'DTSTART;VALUE=DATE:20261125', 'DURATION:P3D', 'SUMMARY:Thanksgiving Break'])),
    ).toMatchObject({ startDate: '2026-11-25', endDate: '2026-11-27' });
  });

  it('a DTEND before DTSTART (a damaged event) is read as one day', () => {
    expect(
      one(ics(['UID:a', 'DTSTART;VALUE=DATE:20261125', 'DTEND;VALUE=DATE:20261120', 'SUMMARY:Break'])),
    ).toMatchObject({ startDate: '2026-11-25', endDate: '2026-11-25' });
  });

  it('a timed event that ends at midnight ends on its own day', () => {
    expect(
      one(ics(['UID:a', 'DTSTART:20261009T080000', 'DTEND:20261010T000000', 'SUMMARY:Staff day'])),
    ).toMatchObject({ startDate: '2026-10-09', endDate: '2026-10-09', startTime: '08:00' });
  });

  it('a timed event over two days keeps both', () => {
    expect(
      one(ics(['UID:a', 'DTSTART:20261009T080000', 'DTEND:20261010T150000', 'SUMMARY:Camp'])),
    ).toMatchObject({ startDate: '2026-10-09', endDate: '2026-10-10' });
  });

  it('a UTC time late in the evening falls on the day before in the calendar’s zone (Google)', () => {
    const text = ics([
      'UID:a',
      'DTSTART:20261120T033000Z',
      'DTEND:20261120T043000Z',
      'SUMMARY:Board Meeting',
    ]).replace(
      'PRODID:-//Test//EN',
      'PRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nX-WR-TIMEZONE:America/Los_Angeles',
    );
    expect(one(text)).toMatchObject({ startDate: '2026-11-19', startTime: '19:30' });
  });

  it('a UTC time stays in UTC when the file names no zone', () => {
    expect(one(ics(['UID:a', 'DTSTART:20261120T033000Z', 'SUMMARY:Board Meeting']))).toMatchObject({
      startDate: '2026-11-20',
      startTime: '03:30',
    });
  });

  it('an Outlook zone name (not IANA) keeps the clock as written', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
      'BEGIN:VTIMEZONE',
      'TZID:Eastern Standard Time',
      'BEGIN:STANDARD',
      'DTSTART:16011104T020000',
      'RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11',
      'TZOFFSETFROM:-0400',
      'TZOFFSETTO:-0500',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:16010311T020000',
      'RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3',
      'TZOFFSETFROM:-0500',
      'TZOFFSETTO:-0400',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:040000008200E00074C5B7101A82E008',
      'DTSTART;TZID="Eastern Standard Time":20261204T113000',
      'DTEND;TZID="Eastern Standard Time":20261204T120000',
      'SUMMARY:Early Release - 11:30',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const read = readIcsFile(text);
    expect(read.timeZone).toBe('Eastern Standard Time');
    expect(read.events[0]).toMatchObject({ startDate: '2026-12-04', startTime: '11:30', allDay: false });
  });
});

describe('repeating events', () => {
  it('a weekly rule with UNTIL and two EXDATEs', () => {
    const events = readIcsFile(
      ics([
        'UID:club',
        'DTSTART;VALUE=DATE:20260902',
        'RRULE:FREQ=WEEKLY;UNTIL=20260930',
        'EXDATE;VALUE=DATE:20260909,20260923',
        'SUMMARY:Chess Club',
      ]),
    ).events;
    expect(events.map((e) => e.startDate)).toEqual(['2026-09-02', '2026-09-16', '2026-09-30']);
  });

  it('a rule with no end stops two years after the file’s first date', () => {
    const events = readIcsFile(
      ics(
        ['UID:start', 'DTSTART;VALUE=DATE:20260908', 'SUMMARY:First Day of School'],
        ['UID:monthly', 'DTSTART;VALUE=DATE:20260901', 'RRULE:FREQ=MONTHLY', 'SUMMARY:Board Meeting'],
      ),
    ).events;
    const board = events.filter((e) => e.summary === 'Board Meeting');
    expect(board.length).toBeGreaterThanOrEqual(23);
    expect(board.length).toBeLessThanOrEqual(25);
    expect(board.at(-1)!.startDate <= '2028-09-08').toBe(true);
  });

  it('expands only inside the window asked for', () => {
    const events = readIcsFile(
      ics(['UID:weekly', 'DTSTART;VALUE=DATE:20200106', 'RRULE:FREQ=WEEKLY', 'SUMMARY:Staff Meeting']),
      { window: { from: '2026-09-08', to: '2026-09-30' } },
    ).events;
    expect(events.map((e) => e.startDate)).toEqual(['2026-09-14', '2026-09-21', '2026-09-28']);
  });

  it('a rule repeating too often is cut short and says so', () => {
    const read = readIcsFile(
      ics(['UID:daily', 'DTSTART;VALUE=DATE:20000101', 'RRULE:FREQ=DAILY', 'SUMMARY:Lunch']),
      { window: { from: '2026-09-08', to: '2027-06-11' } },
    );
    expect(read.events).toEqual([]);
    expect(read.skipped).toEqual([
      { summary: 'Lunch', reason: expect.stringContaining('repeats too often') },
    ]);
  });

  it('leaves out an occurrence the district cancelled', () => {
    const events = readIcsFile(
      ics(
        ['UID:w', 'DTSTART;VALUE=DATE:20260902', 'RRULE:FREQ=WEEKLY;COUNT=3', 'SUMMARY:Band'],
        [
          'UID:w',
          'RECURRENCE-ID;VALUE=DATE:20260909',
          'DTSTART;VALUE=DATE:20260909',
          'STATUS:CANCELLED',
          'SUMMARY:Band',
        ],
      ),
    ).events;
    expect(events.map((e) => e.startDate)).toEqual(['2026-09-02', '2026-09-16']);
  });
});

describe('what is left out, and files that cannot be read', () => {
  it('leaves out a cancelled event and one without a date, and says why', () => {
    const read = readIcsFile(
      ics(
        ['UID:a', 'DTSTART;VALUE=DATE:20261009', 'STATUS:CANCELLED', 'SUMMARY:Field Day'],
        ['UID:b', 'SUMMARY:Date to be announced'],
        ['UID:c', 'DTSTART;VALUE=DATE:20261010', 'SUMMARY:Fall Festival'],
      ),
    );
    expect(read.events.map((e) => e.summary)).toEqual(['Fall Festival']);
    expect(read.skipped).toEqual([
      { summary: 'Field Day', reason: 'the district cancelled it' },
      { summary: 'Date to be announced', reason: 'it has no date' },
    ]);
  });

  it('keeps one of two copies of the same event', () => {
    const same = ['UID:a', 'DTSTART;VALUE=DATE:20261009', 'SUMMARY:In-service'];
    expect(readIcsFile(ics(same, same)).events).toHaveLength(1);
  });

  const refusal = (input: string | Uint8Array, options = {}) => {
    try {
      readIcsFile(input, options);
    } catch (error) {
      expect(error).toBeInstanceOf(IcsFileError);
      return (error as Error).message;
    }
    throw new Error('it was read');
  };

  it('an empty file is empty', () => {
    expect(refusal('')).toBe('is empty');
    expect(refusal(' \r\n\n')).toBe('is empty');
  });

  it('a web page, a PDF or a contact card is not an iCalendar file', () => {
    expect(refusal('<!doctype html><html><body>Calendar</body></html>')).toBe(
      'is not an iCalendar (.ics) file',
    );
    expect(refusal(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0, 0, 1]))).toBe(
      'is not an iCalendar (.ics) file',
    );
    expect(refusal('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ms. Alvarez\r\nEND:VCARD\r\n')).toBe(
      'is not an iCalendar (.ics) file',
    );
  });

  it('a file cut short is damaged', () => {
    const cut = ics(['UID:a', 'DTSTART;VALUE=DATE:20261009', 'SUMMARY:In-service']).replace(
      'END:VCALENDAR',
      '',
    );
    expect(refusal(cut)).toContain('is damaged or cut short');
  });

  it('a line that is not a property is damaged', () => {
    expect(refusal(ics(['UID:a', 'DTSTART;VALUE=DATE:20261009', 'this line has no colon']))).toMatch(
      /^is damaged and could not be read/,
    );
  });

  it('a calendar with no events says so', () => {
    expect(refusal(ics())).toBe('holds no events');
  });

  it('more events than one import takes is refused, naming the limit', () => {
    const many = Array.from({ length: 6 }, (_, i) => [
      `UID:${i}`,
      `DTSTART;VALUE=DATE:2026100${i + 1}`,
      'SUMMARY:x',
    ]);
    expect(() => readIcsFile(ics(...many), { maxEvents: 5 })).toThrow(TooManyEvents);
    expect(refusal(ics(...many), { maxEvents: 5 })).toBe(
      'holds more than 5 events, the most one import takes',
    );
  });

  it('repeats that add up to more events than the limit are refused too', () => {
    const rule = ['UID:d', 'DTSTART;VALUE=DATE:20260901', 'RRULE:FREQ=DAILY;COUNT=300', 'SUMMARY:x'];
    expect(() => readIcsFile(ics(rule), { maxEvents: 100 })).toThrow(TooManyEvents);
  });

  it('never throws anything but IcsFileError, whatever follows BEGIN:VCALENDAR', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        'BEGIN:VEVENT',
        'END:VEVENT',
        'DTSTART;VALUE=DATE:20261009',
        'DTSTART:20261009T080000Z',
        'DTEND;VALUE=DATE:20261001',
        'RRULE:FREQ=DAILY',
        'RRULE:FREQ=YEARLY;BYDAY=-1MO;COUNT=4',
        'EXDATE:garbage',
        'RECURRENCE-ID:20261010T000000',
        'SUMMARY:No School',
        'DTSTART;TZID=Nowhere/Else:20261009T080000',
        ' folded',
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const text = ['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR'].join('\r\n');
        try {
          const read = readIcsFile(text);
          for (const e of read.events) expect(e.endDate >= e.startDate).toBe(true);
        } catch (error) {
          if (!(error instanceof IcsFileError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});
