import { describe, expect, it } from 'vitest';
import { draftCalendarEvents, type ImportableEvent } from './calendar-import-draft.ts';

const event = (summary: string, startDate: string, endDate = startDate): ImportableEvent => ({
  uid: `${summary}@district`,
  summary,
  description: null,
  startDate,
  endDate,
  allDay: true,
  startTime: null,
  recurring: false,
});

const YEAR = {
  id: 'year-2026',
  firstDay: '2026-09-08',
  lastDay: '2027-06-11',
  events: [
    { kind: 'break' as const, startDate: '2026-11-25', endDate: '2026-11-27', label: 'Thanksgiving break' },
    { kind: 'holiday' as const, startDate: '2027-01-18', endDate: null, label: 'MLK Day' },
  ],
};

describe('the draft a parent reviews', () => {
  const draft = draftCalendarEvents(
    [
      event('Labor Day – No School', '2026-09-07'),
      event('Picture Day', '2026-09-24'),
      event('Staff Development Day', '2027-01-29'),
      event('Thanksgiving Break', '2026-11-25', '2026-11-27'),
      event('Martin Luther King Jr. Day', '2027-01-18'),
      event('Winter Break', '2026-12-21', '2027-01-01'),
    ],
    [YEAR],
  );
  const bySummary = (s: string) => draft.find((e) => e.summary === s)!;

  it('marks a day already on the calendar (same dates and kind), and does not propose it', () => {
    expect(bySummary('Thanksgiving Break')).toMatchObject({ status: 'on_calendar', include: false });
    expect(bySummary('Martin Luther King Jr. Day')).toMatchObject({ status: 'on_calendar', include: false });
  });

  it('marks a day outside every school year, in no year and not proposed', () => {
    expect(bySummary('Labor Day – No School')).toMatchObject({
      status: 'outside_school_year',
      calendarId: null,
      include: false,
      kind: 'holiday',
    });
  });

  it('proposes a new day off in its school year, and never a school event', () => {
    expect(bySummary('Winter Break')).toMatchObject({
      status: 'new',
      calendarId: 'year-2026',
      include: true,
    });
    expect(bySummary('Picture Day')).toMatchObject({ kind: null, include: false, status: 'new' });
  });

  it('lists the days to check first, then the days off, then the rest', () => {
    expect(draft.map((e) => e.summary)).toEqual([
      'Staff Development Day',
      'Winter Break',
      'Labor Day – No School',
      'Picture Day',
      'Thanksgiving Break',
      'Martin Luther King Jr. Day',
    ]);
  });

  it('compares nothing without calendars (the command line)', () => {
    const alone = draftCalendarEvents([event('Winter Break', '2026-12-21', '2027-01-01')], null);
    expect(alone[0]).toMatchObject({
      status: 'new',
      calendarId: null,
      include: true,
      key: 'Winter Break@district|2026-12-21|',
    });
  });
});
