import { describe, expect, it } from 'vitest';
import { dateConvention, findDates } from './iep-dates.ts';

const US = dateConvention([], 'US');
const UNKNOWN = dateConvention([], null);
const values = (text: string, c = US) => findDates(text, c).map((d) => d.value.date);

describe('dateConvention', () => {
  it('takes the order a label states first, then the dates of the document, then the jurisdiction', () => {
    expect(dateConvention(['IEP Team Meeting Date (mm/dd/yy): 11/03/26'], null)).toMatchObject({
      order: 'mdy',
      basis: 'label',
    });
    expect(dateConvention(['Date (DD/MM/YYYY)', '03/05/2027'], 'US')).toMatchObject({
      order: 'dmy',
      basis: 'label',
    });
    expect(dateConvention(['Review: 25/03/2027', 'Start: 03/04/2027'], 'CA')).toMatchObject({
      order: 'dmy',
      basis: 'document',
    });
    expect(dateConvention(['Start: 09/16/2026'], 'CA')).toMatchObject({ order: 'mdy', basis: 'document' });
    expect(dateConvention(['Start: 03/04/2027'], 'US')).toMatchObject({
      order: 'mdy',
      basis: 'jurisdiction',
    });
    expect(dateConvention(['Start: 03/04/2027'], 'CA')).toEqual({
      order: null,
      basis: null,
      conflict: false,
    });
    expect(dateConvention(['25/03/2027', '03/25/2027'], 'US')).toEqual({
      order: null,
      basis: null,
      conflict: true,
    });
  });
});

describe('findDates', () => {
  it('reads numeric, year-first and written-out dates', () => {
    expect(values('from 09/16/2026 to 9/14/27')).toEqual(['2026-09-16', '2027-09-14']);
    expect(values('2026/09/08 and 2026-10-01 and 2026.10.02')).toEqual([
      '2026-09-08',
      '2026-10-01',
      '2026-10-02',
    ]);
    expect(values('September 14, 2026; Sept. 21 2026; 14 Sept 2026; 3rd of May 2027')).toEqual([
      '2026-09-14',
      '2026-09-21',
      '2026-09-14',
      '2027-05-03',
    ]);
  });

  it('keeps a month-only date to the month', () => {
    const found = findDates('Plan Review Date: Sept 2027; reevaluation 05/2029', US);
    expect(found.map((d) => d.value)).toEqual([
      { date: '2027-09', precision: 'month' },
      { date: '2029-05', precision: 'month' },
    ]);
  });

  it('asks about a date whose day and month could be swapped when the order is not known, naming both', () => {
    const [d] = findDates('Start: 03/05/2027', UNKNOWN);
    expect(d!.value.date).toBe('2027-03-05');
    expect(d!.check).toBe(
      '"03/05/2027" could be 5 March 2027 or 3 May 2027: the document does not show whether it writes the day or the month first; check it',
    );
    const dmy = dateConvention(['On: 25/03/2027'], 'CA');
    expect(findDates('03/05/2027', dmy)[0]).toMatchObject({ value: { date: '2027-05-03' }, check: null });
    const [alone] = findDates('25/03/2027', UNKNOWN);
    expect(alone).toMatchObject({ value: { date: '2027-03-25' }, check: null });
  });

  it('asks about a date written against the document order', () => {
    const [d] = findDates('25/03/2027', US);
    expect(d!.value.date).toBe('2027-03-25');
    expect(d!.check).toMatch(/written day first, unlike the document's other dates/);
  });

  it('leaves out what is not a date', () => {
    expect(
      values('13/13/2026, 02/30/2026, 1.5 time, 4 of 5 trials, 000-000-000, 20-30 minutes, 2 x 30'),
    ).toEqual([]);
  });
});
