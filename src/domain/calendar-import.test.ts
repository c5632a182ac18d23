import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyDistrictEvent, type DistrictEvent, normalizeWords } from './calendar-import.ts';
import type { CalendarDayKind } from './school-calendar-model.ts';

const day = (summary: string, extra: Partial<DistrictEvent> = {}): DistrictEvent => ({
  summary,
  startDate: '2026-10-09',
  endDate: '2026-10-09',
  allDay: true,
  ...extra,
});
const days = (summary: string, startDate: string, endDate: string) => day(summary, { startDate, endDate });
const at = (summary: string, startTime: string) => day(summary, { allDay: false, startTime });

type Case = [event: DistrictEvent, kind: CalendarDayKind | null, confidence: 'sure' | 'check'];

// Summaries as districts write them (several spellings each), with the kind and how sure.
const CASES: Case[] = [
  // Breaks
  [days('Thanksgiving Break', '2026-11-25', '2026-11-27'), 'break', 'sure'],
  [days('Thanksgiving Recess - No School', '2026-11-25', '2026-11-27'), 'break', 'sure'],
  [days('Thanksgiving Holiday', '2026-11-26', '2026-11-27'), 'break', 'sure'],
  [days('Winter Recess', '2026-12-21', '2027-01-01'), 'break', 'sure'],
  [days('WINTER BREAK - SCHOOLS CLOSED', '2026-12-21', '2027-01-01'), 'break', 'sure'],
  [days('Holiday Break (No School)', '2026-12-21', '2027-01-01'), 'break', 'sure'],
  [days('Spring Break', '2027-03-29', '2027-04-02'), 'break', 'sure'],
  [days('Mid-Winter Vacation', '2027-02-15', '2027-02-19'), 'break', 'sure'],
  [day('Fall Break'), 'break', 'sure'],
  [days('Vacaciones de invierno', '2026-12-21', '2027-01-01'), 'break', 'sure'],
  [days('Receso de primavera', '2027-03-29', '2027-04-02'), 'break', 'sure'],
  // Holidays
  [day('Labor Day – No School'), 'holiday', 'sure'],
  [day('Labor Day'), 'holiday', 'sure'],
  [day('LABOR DAY HOLIDAY - SCHOOLS CLOSED'), 'holiday', 'sure'],
  [day('Martin Luther King Jr. Day'), 'holiday', 'sure'],
  [day('MLK Day - No School'), 'holiday', 'sure'],
  [day("New Year's Day"), 'holiday', 'sure'],
  [day('Memorial Day (No School)'), 'holiday', 'sure'],
  [day('Thanksgiving Day'), 'holiday', 'sure'],
  [day('No School'), 'holiday', 'sure'],
  [day('NO SCHOOL - Election Day'), 'holiday', 'sure'],
  [day('Schools Closed'), 'holiday', 'sure'],
  [day('Student Holiday'), 'holiday', 'sure'],
  [day('Día festivo'), 'holiday', 'sure'],
  [day('No hay clases'), 'holiday', 'sure'],
  [day('Día de Acción de Gracias'), 'holiday', 'sure'],
  [day('Parent-Teacher Conferences - No School'), 'holiday', 'sure'],
  [day("Presidents' Day"), 'holiday', 'check'],
  [day('Veterans Day'), 'holiday', 'check'],
  [day("Indigenous Peoples' Day"), 'holiday', 'check'],
  [day('Yom Kippur'), 'holiday', 'check'],
  [day('Lunar New Year'), 'holiday', 'check'],
  [day('Good Friday'), 'holiday', 'check'],
  // Staff days: no school for students
  [day('Teacher In-Service, no school for students'), 'holiday', 'sure'],
  [day('Professional Development Day - No Students'), 'holiday', 'sure'],
  [day('Teacher Workday / Student Holiday'), 'holiday', 'sure'],
  [day('Inservice Day - No School'), 'holiday', 'sure'],
  [day('Grading Day - No School for Students'), 'holiday', 'sure'],
  [day('Staff Development'), 'holiday', 'check'],
  [day('Teacher Work Day'), 'holiday', 'check'],
  [day('PD Day'), 'holiday', 'check'],
  [day('Día de desarrollo profesional - sin clases'), 'holiday', 'sure'],
  [days('Teacher Institute Days', '2026-08-27', '2026-08-28'), 'break', 'check'],
  // Closures
  [day('Snow Day'), 'closure', 'sure'],
  [day('Emergency Closure'), 'closure', 'sure'],
  [day('Schools closed due to inclement weather'), 'closure', 'sure'],
  [day('Snow Day - Schools Closed'), 'closure', 'sure'],
  [day('Power outage – district closed'), 'closure', 'sure'],
  [day('Día de nieve'), 'closure', 'sure'],
  // Early dismissals
  [day('Early Dismissal 12:30'), 'early_dismissal', 'sure'],
  [day('Minimum Day'), 'early_dismissal', 'sure'],
  [day('Half Day'), 'early_dismissal', 'sure'],
  [day('1/2 Day for Students'), 'early_dismissal', 'sure'],
  [day('Early Release Wednesday'), 'early_dismissal', 'sure'],
  [day('Noon Dismissal'), 'early_dismissal', 'sure'],
  [day('Students dismissed at 1:15 pm'), 'early_dismissal', 'sure'],
  [at('Early Dismissal – Parent Conferences', '12:30'), 'early_dismissal', 'sure'],
  [day('Last Day of School - Minimum Day'), 'early_dismissal', 'sure'],
  [day('Salida temprana'), 'early_dismissal', 'sure'],
  [day('Día mínimo'), 'early_dismissal', 'sure'],
  // Not days off
  [at('Back to School Night', '18:00'), null, 'sure'],
  [day('Back to School Night'), null, 'sure'],
  [day('Picture Day'), null, 'sure'],
  [day('Picture Retakes'), null, 'sure'],
  [at('PTA Meeting', '19:00'), null, 'sure'],
  [at('Board Meeting', '18:30'), null, 'sure'],
  [at('School Board Meeting', '18:30'), null, 'sure'],
  [day('First Day of School'), null, 'sure'],
  [day('Last Day of School'), null, 'sure'],
  [day('End of First Quarter'), null, 'sure'],
  [day('Report Cards Go Home'), null, 'sure'],
  [day('Book Fair'), null, 'sure'],
  [day('Winter Concert'), null, 'sure'],
  [day('Late Start Wednesday'), null, 'sure'],
  [day('Día de fotos'), null, 'sure'],
  [day('Primer día de clases'), null, 'sure'],
  [day('Homecoming'), null, 'sure'],
  [day('School Resumes after Winter Break'), null, 'check'],
  [day('Classes resume'), null, 'sure'],
  [day('Veterans Day Assembly'), null, 'check'],
  [at('Holiday Concert', '18:00'), null, 'check'],
  [days('Homecoming Week', '2026-10-05', '2026-10-09'), null, 'check'],
];

describe('what a district calendar event means for the school calendar', () => {
  it('has many realistic cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map(([event, kind, confidence]) => [event.summary, event, kind, confidence] as const))(
    '%s',
    (_summary, event, kind, confidence) => {
      const got = classifyDistrictEvent(event);
      expect({ kind: got.kind, confidence: got.confidence }).toEqual({ kind, confidence });
      expect(got.reason.length).toBeGreaterThan(10);
    },
  );

  it('names the words that decided it', () => {
    expect(classifyDistrictEvent(day('Labor Day – No School')).matched).toBe('labor day');
    expect(classifyDistrictEvent(day('Snow Day')).matched).toBe('snow day');
    expect(classifyDistrictEvent(day('Homecoming')).matched).toBeNull();
    expect(classifyDistrictEvent(day('Teacher In-Service, no school for students')).reason).toContain(
      '“no school”',
    );
  });

  it('a holiday over several days is a break, and says so', () => {
    const got = classifyDistrictEvent(days('No School', '2026-11-23', '2026-11-27'));
    expect(got.kind).toBe('break');
    expect(got.reason).toContain('5 days');
  });

  it('reads the notes when the name says nothing', () => {
    const got = classifyDistrictEvent(day('Teacher Planning', { description: 'No school for students.' }));
    expect(got).toMatchObject({ kind: 'holiday' });
    const fromNotes = classifyDistrictEvent(day('October 9', { description: 'No school for students.' }));
    expect(fromNotes).toMatchObject({ kind: 'holiday', confidence: 'check' });
  });

  it('a timed event that says no school is a day off to check', () => {
    expect(classifyDistrictEvent(at('No School', '08:00'))).toMatchObject({
      kind: 'holiday',
      confidence: 'check',
    });
  });
});

describe('normalizeWords', () => {
  it('lowers case, drops accents and punctuation', () => {
    expect(normalizeWords('Día festivo – ¡No hay clases!')).toBe('dia festivo no hay clases');
    expect(normalizeWords("Presidents' Day")).toBe('presidents day');
    expect(normalizeWords('Early Dismissal 12:30')).toBe('early dismissal 12 30');
  });
});

describe('robustness', () => {
  it('never throws, and always answers a kind of day (or none), a confidence and a reason', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.option(fc.string({ maxLength: 300 })),
        fc.boolean(),
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        (summary, description, allDay, startDate, endDate) => {
          const got = classifyDistrictEvent({ summary, description, allDay, startDate, endDate });
          expect([null, 'holiday', 'break', 'closure', 'early_dismissal']).toContain(got.kind);
          expect(['sure', 'check']).toContain(got.confidence);
          expect(typeof got.reason).toBe('string');
        },
      ),
      { numRuns: 500 },
    );
  });
});
