import { describe, expect, it } from 'vitest';
import type { DistrictEvent } from './calendar-import.ts';
import { proposeTerms } from './calendar-terms.ts';

const YEAR = { firstDay: '2026-09-08', lastDay: '2027-06-11' };
const day = (summary: string, date: string, endDate = date): DistrictEvent => ({
  summary,
  startDate: date,
  endDate,
  allDay: true,
});
const shape = (events: DistrictEvent[]) =>
  proposeTerms(events, YEAR).map((t) => [t.name, t.startDate, t.endDate]);

describe('terms from a district calendar', () => {
  it('reads the ends of four quarters, in several spellings, into four terms', () => {
    expect(
      shape([
        day('End of 1st Quarter', '2026-11-06'),
        day('Second Quarter Ends - Early Release', '2027-01-29'),
        day('Q3 ends', '2027-04-09'),
        day('End of Quarter 4 / Last Day of School', '2027-06-11'),
        day('Thanksgiving Break', '2026-11-25', '2026-11-27'),
      ]),
    ).toEqual([
      ['Quarter 1', '2026-09-08', '2026-11-06'],
      // From the day after the last one ended (a Saturday here: it holds no school day).
      ['Quarter 2', '2026-11-07', '2027-01-29'],
      ['Quarter 3', '2027-01-30', '2027-04-09'],
      ['Quarter 4', '2027-04-10', '2027-06-11'],
    ]);
  });

  it('takes a "begins" event as the start, and ends the last term with the year when the file gives no end', () => {
    expect(
      shape([
        day('End of First Semester', '2027-01-22'),
        day('Teacher Workday - No School', '2027-01-25'),
        day('Second Semester Begins', '2027-01-26'),
      ]),
    ).toEqual([
      ['Semester 1', '2026-09-08', '2027-01-22'],
      ['Semester 2', '2027-01-26', '2027-06-11'],
    ]);
  });

  it('reads marking periods, trimesters and Spanish words', () => {
    expect(
      shape([
        day('MP1 ends', '2026-11-13'),
        day('Marking Period 2 Ends', '2027-02-05'),
        day('end of mp3', '2027-04-16'),
      ]).map((t) => t[0]),
    ).toEqual(['Marking period 1', 'Marking period 2', 'Marking period 3']);
    expect(
      shape([day('Fin del primer trimestre', '2026-12-04'), day('Fin del segundo trimestre', '2027-03-12')]),
    ).toEqual([
      ['Trimester 1', '2026-09-08', '2026-12-04'],
      ['Trimester 2', '2026-12-05', '2027-03-12'],
    ]);
  });

  it('speaks of the kind the file names most, when it also names another', () => {
    expect(
      shape([
        day('End of Q1', '2026-11-06'),
        day('End of Q2 / End of First Semester', '2027-01-29'),
        day('End of Q3', '2027-04-09'),
      ]).map((t) => t[0]),
    ).toEqual(['Quarter 1', 'Quarter 2', 'Quarter 3']);
  });

  it('proposes nothing from one term, from a gap it cannot bound, from events outside the year, or from other words', () => {
    expect(shape([day('End of 1st Quarter', '2026-11-06')])).toEqual([]);
    expect(shape([day('End of Quarter 1', '2026-11-06'), day('End of Quarter 3', '2027-04-09')])).toEqual([]);
    expect(shape([day('End of Quarter 1', '2025-11-06'), day('End of Quarter 2', '2026-01-29')])).toEqual([]);
    expect(
      shape([
        day('First Day of School', '2026-09-08'),
        day('Quarterly board meeting', '2026-10-15'),
        day('Report cards go home', '2026-11-13'),
        day('Term paper due', '2026-12-01'),
      ]),
    ).toEqual([]);
    // Ends out of order cannot be terms.
    expect(shape([day('End of Quarter 1', '2027-01-29'), day('End of Quarter 2', '2026-11-06')])).toEqual([]);
  });

  it('names the events each term came from', () => {
    const [first] = proposeTerms(
      [day('End of 1st Quarter', '2026-11-06'), day('End of 2nd Quarter', '2027-01-29')],
      YEAR,
    );
    expect(first!.sources).toEqual(['End of 1st Quarter']);
  });
});
