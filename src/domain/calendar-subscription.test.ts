import { describe, expect, it } from 'vitest';
import type { DraftEvent } from './calendar-import-draft.ts';
import {
  compareDistrictCalendar,
  eventIdentity,
  feedAddressProblem,
  type KnownDistrictEvent,
} from './calendar-subscription.ts';

const CAL = '01900000-0000-7000-8000-0000000000c1';
const EVT = '01900000-0000-7000-8000-0000000000e1';

function event(uid: string, startDate: string, more: Partial<DraftEvent> = {}): DraftEvent {
  return {
    summary: 'Snow day - schools closed',
    description: null,
    startDate,
    endDate: startDate,
    allDay: true,
    startTime: null,
    recurring: false,
    kind: 'closure',
    confidence: 'sure',
    reason: 'the words say the schools are closed',
    key: `${uid}|${startDate}|`,
    calendarId: CAL,
    status: 'new',
    include: true,
    ...more,
  } as DraftEvent;
}

const known = (
  id: string,
  startDate: string,
  more: Partial<KnownDistrictEvent> = {},
): KnownDistrictEvent => ({
  id,
  startDate,
  endDate: startDate,
  kind: 'closure',
  summary: 'Snow day - schools closed',
  eventId: EVT,
  ...more,
});

const base = { firstRead: false, known: [], pending: [], today: '2026-12-07', now: '2026-12-07T11:00:00Z' };

describe('compareDistrictCalendar', () => {
  it('adds a new, sure day off dated today or later, and keeps it as known', () => {
    const out = compareDistrictCalendar({ ...base, events: [event('snow@district', '2026-12-07')] });
    expect(out.toAdd).toEqual([
      {
        id: 'snow@district',
        calendarId: CAL,
        kind: 'closure',
        startDate: '2026-12-07',
        endDate: '2026-12-07',
        summary: 'Snow day - schools closed',
      },
    ]);
    expect(out.pending).toEqual([]);
    expect(out.known.map((k) => k.id)).toEqual(['snow@district']);
  });

  it('adds nothing on the first read: every day off not on the calendar waits for the parent', () => {
    const out = compareDistrictCalendar({
      ...base,
      firstRead: true,
      events: [
        event('a', '2026-12-21', { kind: 'break', endDate: '2027-01-01', summary: 'Winter Break' }),
        event('b', '2026-11-26', { status: 'on_calendar', summary: 'Thanksgiving' }),
        event('c', '2026-12-10', { kind: null, summary: 'Picture Day' }),
      ],
    });
    expect(out.toAdd).toEqual([]);
    expect(out.pending.map((p) => [p.id, p.change])).toEqual([['a', 'added']]);
    expect(out.known.map((k) => k.id)).toEqual(['a', 'b', 'c']);
  });

  it('holds back a new day that has passed, and a day whose kind is uncertain', () => {
    const out = compareDistrictCalendar({
      ...base,
      events: [
        event('past', '2026-12-01'),
        event('vet', '2026-12-11', {
          kind: 'holiday',
          confidence: 'check',
          reason: 'some districts hold school',
        }),
      ],
    });
    expect(out.toAdd).toEqual([]);
    expect(out.pending.map((p) => [p.id, p.change])).toEqual([
      ['past', 'added'],
      ['vet', 'added'],
    ]);
    expect(out.pending[0]!.reason).toMatch(/already passed/);
    expect(out.pending[1]!.reason).toMatch(/some districts hold school/);
  });

  it('never changes a known day on its own: a moved day or a removed one waits, naming what it was', () => {
    const out = compareDistrictCalendar({
      ...base,
      known: [known('snow', '2026-12-08'), known('gone', '2026-12-15')],
      events: [event('snow', '2026-12-09')],
    });
    expect(out.toAdd).toEqual([]);
    const [moved, gone] = out.pending;
    expect(moved).toMatchObject({
      id: 'snow',
      change: 'changed',
      startDate: '2026-12-09',
      previous: { startDate: '2026-12-08' },
      eventId: EVT,
    });
    expect(gone).toMatchObject({ id: 'gone', change: 'removed', eventId: EVT });
    // The new read is the baseline: the same change is not found twice.
    const again = compareDistrictCalendar({
      ...base,
      known: out.known,
      pending: [],
      events: [event('snow', '2026-12-09')],
    });
    expect(again.pending).toEqual([]);
  });

  it('keeps one waiting change per event, the newest', () => {
    const first = compareDistrictCalendar({ ...base, events: [event('x', '2026-12-01')] });
    const second = compareDistrictCalendar({
      ...base,
      known: [],
      pending: first.pending,
      events: [event('x', '2026-12-02')],
    });
    expect(second.pending).toHaveLength(1);
    expect(second.pending[0]!.startDate).toBe('2026-12-02');
  });

  it('leaves out days outside every school year (looked at again once that year is added)', () => {
    const out = compareDistrictCalendar({
      ...base,
      events: [event('summer', '2027-07-04', { status: 'outside_school_year', calendarId: null })],
    });
    expect(out).toEqual({ toAdd: [], pending: [], known: [] });
  });
});

describe('eventIdentity', () => {
  it('is the UID for a one-off event and UID with date for one occurrence of a repeat', () => {
    expect(eventIdentity({ key: 'uid-1@x|2026-12-07|', recurring: false })).toBe('uid-1@x');
    expect(eventIdentity({ key: 'uid-1@x|2026-12-07|08:00', recurring: true })).toBe(
      'uid-1@x|2026-12-07|08:00',
    );
  });
});

describe('feedAddressProblem', () => {
  it.each([
    ['https://district.example.org/calendar.ics', null],
    ['webcal://district.example.org/calendar.ics', null],
    ['http://district.example.org/cal', null],
    ['ftp://district.example.org/cal.ics', /not ftp/],
    ['district calendar', /web address/],
    ['https://me:pw@district.example.org/cal.ics', /user name or password/],
  ])('%s', (text, problem) => {
    const found = feedAddressProblem(text);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});
