import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, isoWeekday, toDayNumber } from './dates.ts';
import {
  buildCalendarIndex,
  civilFromDay,
  countWeekdays,
  dayFromCivil,
  dayOf,
  isoOfDay,
  monthIndexOfDay,
  monthIndexStartDay,
} from './school-calendar.ts';
import { type SchoolCalendar, SchoolCalendarInput } from './school-calendar-model.ts';

// 2026-27: school starts Tuesday 2026-09-08 (the day after Labor Day) and ends Friday 2027-06-11.
const YEAR_2026: SchoolCalendar = {
  id: 'cal-2026',
  firstDay: '2026-09-08',
  lastDay: '2027-06-11',
  schoolWeekdays: [1, 2, 3, 4, 5],
  cycleLength: null,
  events: [
    { kind: 'holiday', startDate: '2026-09-07', endDate: null, label: 'Labor Day' },
    { kind: 'holiday', startDate: '2026-10-12', endDate: null, label: 'Indigenous Peoples Day' },
    { kind: 'holiday', startDate: '2026-11-11', endDate: null, label: 'Veterans Day' },
    { kind: 'break', startDate: '2026-11-25', endDate: '2026-11-27', label: 'Thanksgiving break' },
    { kind: 'closure', startDate: '2026-12-09', endDate: null, label: 'Snow day' },
    { kind: 'early_dismissal', startDate: '2026-12-18', endDate: null, label: 'Early release' },
    { kind: 'break', startDate: '2026-12-21', endDate: '2027-01-01', label: 'Winter break' },
    { kind: 'holiday', startDate: '2027-07-05', endDate: null, label: 'Independence Day observed' },
  ],
};

// A six-day rotation with a closure on its third day (Thursday 2026-09-10).
const CYCLE_2026: SchoolCalendar = {
  id: 'cal-cycle',
  firstDay: '2026-09-08',
  lastDay: '2027-06-11',
  schoolWeekdays: [1, 2, 3, 4, 5],
  cycleLength: 6,
  events: [{ kind: 'closure', startDate: '2026-09-10', endDate: null, label: 'Power outage' }],
};

const YEAR_2027: SchoolCalendar = {
  id: 'cal-2027',
  firstDay: '2027-09-07',
  lastDay: '2028-06-09',
  schoolWeekdays: [1, 2, 3, 4, 5],
  cycleLength: null,
  events: [],
};

describe('school calendar', () => {
  const cal = buildCalendarIndex([YEAR_2026]);

  it('an instructional day is a school weekday between the first and last day, not a holiday, break or closure', () => {
    const table: [string, boolean, string][] = [
      ['2026-09-07', false, 'Labor Day, before the first day'],
      ['2026-09-08', true, 'first day'],
      ['2026-09-12', false, 'Saturday'],
      ['2026-09-13', false, 'Sunday'],
      ['2026-10-12', false, 'holiday'],
      ['2026-10-13', true, 'ordinary Tuesday'],
      ['2026-11-24', true, 'Tuesday before Thanksgiving'],
      ['2026-11-25', false, 'break, first day'],
      ['2026-11-27', false, 'break, last day'],
      ['2026-12-09', false, 'snow day closure'],
      ['2026-12-18', true, 'early dismissal is still a school day'],
      ['2026-12-21', false, 'winter break'],
      ['2027-01-04', true, 'back from winter break'],
      ['2027-06-11', true, 'last day'],
      ['2027-06-14', false, 'after the last day'],
      ['2027-07-05', false, 'summer'],
    ];
    for (const [date, expected, why] of table) {
      expect(cal.isInstructionalDay(date), `${date} (${why})`).toBe(expected);
    }
  });

  it('an early dismissal is still an instructional day', () => {
    expect(cal.isInstructionalDay('2026-12-18')).toBe(true);
    expect(cal.closuresBetween('2026-12-14', '2026-12-20')).toEqual([]);
    expect(cal.eventsBetween('2026-12-14', '2026-12-20').map((e) => e.kind)).toEqual(['early_dismissal']);
  });

  it('instructional days between two dates are listed and counted', () => {
    // Week of 2026-11-09: Veterans Day on Wednesday leaves Mon, Tue, Thu, Fri.
    expect(cal.instructionalDaysBetween('2026-11-09', '2026-11-15')).toEqual([
      '2026-11-09',
      '2026-11-10',
      '2026-11-12',
      '2026-11-13',
    ]);
    // September 2026: 8-11 (4) + 14-18 (5) + 21-25 (5) + 28-30 (3) = 17.
    expect(cal.countInstructionalDays('2026-09-01', '2026-09-30')).toBe(17);
    // Thanksgiving week: Monday and Tuesday only.
    expect(cal.countInstructionalDays('2026-11-23', '2026-11-29')).toBe(2);
    // Winter break weeks: none.
    expect(cal.countInstructionalDays('2026-12-21', '2027-01-03')).toBe(0);
    // Reversed range and ranges outside the calendar.
    expect(cal.countInstructionalDays('2026-09-30', '2026-09-01')).toBe(0);
    expect(cal.countInstructionalDays('2020-01-01', '2020-12-31')).toBe(0);
    expect(cal.instructionalDaysBetween('2027-06-10', '2027-07-30')).toEqual(['2027-06-10', '2027-06-11']);
    // The count agrees with the list over the whole year.
    expect(cal.countInstructionalDays('2026-01-01', '2027-12-31')).toBe(
      cal.instructionalDaysBetween('2026-01-01', '2027-12-31').length,
    );
    expect(cal.years[0]!.instructionalDays).toBe(cal.countInstructionalDays('2026-09-08', '2027-06-11'));
  });

  it('a date is judged by the calendar of its school year; a date in none is not instructional', () => {
    const two = buildCalendarIndex([YEAR_2027, YEAR_2026]);
    expect(two.years.map((y) => y.calendarId)).toEqual(['cal-2026', 'cal-2027']);
    expect(two.isInstructionalDay('2026-10-12')).toBe(false); // 2026 holiday
    expect(two.isInstructionalDay('2027-07-15')).toBe(false); // summer: in no calendar
    expect(two.isInstructionalDay('2027-09-07')).toBe(true);
    expect(two.schoolYearOf('2027-09-07')?.calendarId).toBe('cal-2027');
    expect(two.schoolYearOf('2027-07-15')).toBeNull();
    expect(two.yearIndexOfDayNumber(toDayNumber('2026-12-01'))).toBe(0);
  });

  it('a later calendar takes over where two overlap', () => {
    const early: SchoolCalendar = {
      ...YEAR_2027,
      id: 'early',
      firstDay: '2027-06-07',
      lastDay: '2027-06-30',
    };
    const both = buildCalendarIndex([YEAR_2026, early]);
    expect(both.years[0]!.lastDay).toBe('2027-06-06');
    expect(both.schoolYearOf('2027-06-08')?.calendarId).toBe('early');
    expect(both.isInstructionalDay('2027-06-18')).toBe(true);
  });

  it('school weekdays other than Monday to Friday are honoured', () => {
    const fourDay = buildCalendarIndex([{ ...YEAR_2026, schoolWeekdays: [1, 2, 3, 4] }]);
    expect(fourDay.isInstructionalDay('2026-10-16')).toBe(false); // Friday
    expect(fourDay.countInstructionalDays('2026-10-19', '2026-10-25')).toBe(4);
    const saturday = buildCalendarIndex([{ ...YEAR_2026, schoolWeekdays: [1, 2, 3, 4, 5, 6] }]);
    expect(saturday.isInstructionalDay('2026-10-17')).toBe(true);
  });

  it('with no calendars nothing is instructional', () => {
    const none = buildCalendarIndex([]);
    expect(none.isInstructionalDay('2026-10-13')).toBe(false);
    expect(none.countInstructionalDays('2026-01-01', '2026-12-31')).toBe(0);
    expect(none.cycleDayNumber('2026-10-13')).toBeNull();
    expect(none.closuresBetween('2026-01-01', '2026-12-31')).toEqual([]);
    expect(none.isEsyDayNumber(toDayNumber('2026-07-06'))).toBe(true);
    expect(none.countEsyDayNumbers(toDayNumber('2026-07-06'), toDayNumber('2026-07-12'))).toBe(5);
  });

  it('cycle days number instructional days 1..N from the first day', () => {
    const cycle = buildCalendarIndex([{ ...CYCLE_2026, events: [] }]);
    const table: [string, number | null, number | null][] = [
      ['2026-09-08', 1, 0],
      ['2026-09-09', 2, 0],
      ['2026-09-10', 3, 0],
      ['2026-09-11', 4, 0],
      ['2026-09-12', null, null], // Saturday
      ['2026-09-14', 5, 0],
      ['2026-09-15', 6, 0],
      ['2026-09-16', 1, 1],
      ['2026-09-23', 6, 1],
      ['2026-09-24', 1, 2],
    ];
    for (const [date, day, index] of table) {
      expect(cycle.cycleDayNumber(date), date).toBe(day);
      expect(cycle.cycleIndex(date), date).toBe(index);
    }
    expect(cal.cycleDayNumber('2026-09-08')).toBeNull(); // no cycle in this calendar
  });

  it('a closure does not advance the cycle', () => {
    const cycle = buildCalendarIndex([CYCLE_2026]);
    // Thursday 2026-09-10 is closed: Friday is day 3, and day 6 moves from Tuesday 15th to Wednesday 16th.
    const table: [string, number | null][] = [
      ['2026-09-08', 1],
      ['2026-09-09', 2],
      ['2026-09-10', null],
      ['2026-09-11', 3],
      ['2026-09-14', 4],
      ['2026-09-15', 5],
      ['2026-09-16', 6],
      ['2026-09-17', 1],
    ];
    for (const [date, day] of table) expect(cycle.cycleDayNumber(date), date).toBe(day);
    expect(cycle.cycleIndex('2026-09-16')).toBe(0);
    expect(cycle.cycleIndex('2026-09-17')).toBe(1);
  });

  it('groups of N instructional days: a day off belongs to the group of the school day before it', () => {
    const cycle = buildCalendarIndex([CYCLE_2026]);
    const d = (date: string) => toDayNumber(date);
    expect(cycle.groupOfDayNumber(d('2026-09-10'), 6)).toBe(0); // closed Thursday
    expect(cycle.groupOfDayNumber(d('2026-09-16'), 6)).toBe(0);
    expect(cycle.groupOfDayNumber(d('2026-09-17'), 6)).toBe(1);
    expect(cycle.groupOfDayNumber(d('2026-09-19'), 6)).toBe(1); // Saturday after day 2 of cycle 2
    expect(cycle.groupOfDayNumber(d('2026-09-15'), 5)).toBe(0);
    expect(cycle.groupOfDayNumber(d('2026-09-16'), 5)).toBe(1);
    expect(cycle.groupOfDayNumber(d('2027-07-01'), 6)).toBe(-1); // summer
    expect(fromDayNumber(cycle.groupStartDayNumber(0, 1, 6))).toBe('2026-09-17');
    expect(fromDayNumber(cycle.groupStartDayNumber(0, 0, 6))).toBe('2026-09-08');
    expect(cycle.groupStartDayNumber(0, 10_000, 6)).toBe(-1);
  });

  it('closures between two dates are listed with their labels; early dismissals are events, not closures', () => {
    const hits = cal.closuresBetween('2026-11-01', '2026-12-31');
    expect(hits.map((h) => h.text)).toEqual([
      '2026-11-11: Veterans Day (holiday)',
      '2026-11-25 to 2026-11-27: Thanksgiving break (break)',
      '2026-12-09: Snow day (closure)',
      '2026-12-21 to 2027-01-01: Winter break (break)',
    ]);
    expect(hits[1]).toMatchObject({
      kind: 'break',
      startDate: '2026-11-25',
      endDate: '2026-11-27',
      calendarId: 'cal-2026',
    });
    // A break that only overlaps the range is still listed.
    expect(cal.closuresBetween('2026-11-26', '2026-11-26').map((h) => h.label)).toEqual([
      'Thanksgiving break',
    ]);
    expect(cal.eventsBetween('2026-12-14', '2026-12-20').map((h) => h.text)).toEqual([
      '2026-12-18: Early release (early dismissal)',
    ]);
    expect(cal.closureTextsBetweenDayNumbers(toDayNumber('2026-10-19'), toDayNumber('2026-10-25'))).toEqual(
      [],
    );
    expect(cal.closureOnDayNumber(toDayNumber('2026-12-09'))?.label).toBe('Snow day');
    expect(cal.closureOnDayNumber(toDayNumber('2026-12-18'))).toBeNull();
  });

  it('ESY days are weekdays minus holiday, break and closure events, even outside the school year', () => {
    const d = (date: string) => toDayNumber(date);
    expect(cal.isEsyDayNumber(d('2027-07-05'))).toBe(false); // Independence Day observed
    expect(cal.isEsyDayNumber(d('2027-07-06'))).toBe(true); // summer Tuesday: no school year, still an ESY day
    expect(cal.isEsyDayNumber(d('2027-07-10'))).toBe(false); // Saturday
    expect(cal.countEsyDayNumbers(d('2027-07-05'), d('2027-07-11'))).toBe(4);
    expect(cal.countEsyDayNumbers(d('2027-07-12'), d('2027-07-30'))).toBe(15);
  });

  it('fast date helpers agree with dates.ts', () => {
    for (let day = toDayNumber('1999-12-25'); day <= toDayNumber('2031-03-05'); day += 3) {
      const iso = fromDayNumber(day);
      expect(dayOf(iso)).toBe(day);
      expect(isoOfDay(day)).toBe(iso);
      const [y, m, dd] = civilFromDay(day);
      expect(dayFromCivil(y, m, dd)).toBe(day);
      expect(monthIndexStartDay(monthIndexOfDay(day))).toBe(toDayNumber(`${iso.slice(0, 7)}-01`));
    }
    expect(() => dayOf('2026-13-01x')).toThrow(RangeError);
    // A character that is not a digit, at any place of a date, is read as toDayNumber reads it (both
    // refuse it), including those just past '9' (':' to '?') and just before '0' ('/'), which a test of
    // the character code against 0-9 must catch at each of the eight places.
    const sameAsToDayNumber = (text: string) => {
      let expected: number | 'throws';
      try {
        expected = toDayNumber(text);
      } catch {
        expected = 'throws';
      }
      if (expected === 'throws') expect(() => dayOf(text), text).toThrow(RangeError);
      else expect(dayOf(text), text).toBe(expected);
    };
    for (const base of ['2026-12-07', '1999-09-30', '2189-12-31'])
      for (let at = 0; at < 10; at++)
        for (let code = 32; code < 127; code++)
          if (code < 48 || code > 57)
            sameAsToDayNumber(base.slice(0, at) + String.fromCharCode(code) + base.slice(at + 1));
    // Every day of the table of months' first days and either side of it (1970-2189), and far outside.
    for (let day = toDayNumber('1969-11-20'); day <= toDayNumber('2190-02-10'); day++)
      expect(dayOf(fromDayNumber(day))).toBe(day);
    for (const iso of ['1600-02-29', '1900-03-01', '2400-02-29', '9999-12-31'])
      expect(dayOf(iso)).toBe(toDayNumber(iso));
    let weekdays = 0;
    for (let i = 0; i < 40; i++) if (isoWeekday(addDays('2026-12-17', i)) <= 5) weekdays++;
    expect(countWeekdays(toDayNumber('2026-12-17'), toDayNumber('2026-12-17') + 39)).toBe(weekdays);
    expect(countWeekdays(toDayNumber('1969-12-29'), toDayNumber('1970-01-04'))).toBe(5);
  });
});

describe('terms or grading periods of a school year', () => {
  const terms = [
    { name: 'Fall semester', startDate: '2026-09-08', endDate: '2027-01-22' },
    { name: 'Spring semester', startDate: '2027-01-25', endDate: '2027-06-11' },
  ];

  it('finds the term of a day, counts its instructional days, and leaves days between terms in none', () => {
    const index = buildCalendarIndex([{ ...YEAR_2026, terms }]);
    expect(index.terms.map((t) => [t.name, t.startDate, t.endDate])).toEqual([
      ['Fall semester', '2026-09-08', '2027-01-22'],
      ['Spring semester', '2027-01-25', '2027-06-11'],
    ]);
    expect(index.terms[0]!.instructionalDays).toBe(index.countInstructionalDays('2026-09-08', '2027-01-22'));
    expect(index.termIndexOfDayNumber(dayOf('2026-12-01'))).toBe(0);
    expect(index.termIndexOfDayNumber(dayOf('2027-03-01'))).toBe(1);
    // Saturday and Sunday between the two semesters belong to neither.
    expect(index.termIndexOfDayNumber(dayOf('2027-01-23'))).toBe(-1);
    expect(index.termIndexOfDayNumber(dayOf('2027-07-01'))).toBe(-1);
  });

  it('a calendar without terms has none', () => {
    const index = buildCalendarIndex([YEAR_2026]);
    expect(index.terms).toEqual([]);
    expect(index.termIndexOfDayNumber(dayOf('2026-12-01'))).toBe(-1);
  });

  it('refuses terms outside the school year, out of order or overlapping, and twice the same name, naming the field', () => {
    const base = {
      childId: '0b9f7d2e-3c1a-4f5e-9a8b-7c6d5e4f3a2b',
      name: '2026-27',
      firstDay: '2026-09-08',
      lastDay: '2027-06-11',
    };
    const problems = (t: unknown[]) => {
      const r = SchoolCalendarInput.safeParse({ ...base, terms: t });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(problems(terms)).toEqual([]);
    expect(problems([{ name: 'Q1', startDate: '2026-09-01', endDate: '2026-11-06' }])).toEqual([
      'terms.0.startDate: must fall within the school year (from 2026-09-08)',
    ]);
    expect(
      problems([
        { name: 'Q1', startDate: '2026-09-08', endDate: '2026-11-06' },
        { name: 'Q2', startDate: '2026-11-02', endDate: '2027-01-29' },
      ]),
    ).toEqual(['terms.1.startDate: must come after the end of "Q1" (2026-11-06)']);
    expect(
      problems([
        { name: 'Term', startDate: '2026-09-08', endDate: '2026-11-06' },
        { name: 'term', startDate: '2026-11-09', endDate: '2027-01-29' },
      ]),
    ).toEqual(['terms.1.name: is the name of another term']);
    expect(problems([{ name: 'Q1', startDate: '2026-11-06', endDate: '2026-09-08' }])).toHaveLength(1);
    expect(problems([{ name: '', startDate: '2026-09-08', endDate: '2026-11-06' }])[0]).toMatch(
      /^terms\.0\.name/,
    );
  });
});
