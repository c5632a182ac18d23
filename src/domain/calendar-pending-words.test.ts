import { describe, expect, it } from 'vitest';
import { sayApiWords } from './api-errors.ts';
import { classifyDistrictEvent, type DistrictEvent } from './calendar-import.ts';
import type { DraftEvent } from './calendar-import-draft.ts';
import { kindReasonWords, pendingReasonWords } from './calendar-pending-words.ts';
import { compareDistrictCalendar } from './calendar-subscription.ts';
import en from './i18n/locales/en/calendar.json' with { type: 'json' };
import es from './i18n/locales/es/calendar.json' with { type: 'json' };
import { createTranslator } from './i18n/translate.ts';

// Why a district calendar's change waits, found back from the English the subscription keeps and said
// in the reader's language (issue 17): in English exactly as kept, in Spanish in the page's own part.

const english = createTranslator('en', en);
const spanish = createTranslator('es', es);

const day = (summary: string, more: Partial<DistrictEvent> = {}): DistrictEvent => ({
  summary,
  startDate: '2026-12-10',
  endDate: '2026-12-10',
  allDay: true,
  ...more,
});

// An event for every way the reader explains a kind (src/domain/calendar-import.ts).
const EVENTS: DistrictEvent[] = [
  day('Snow Day - Schools Closed'),
  day('Early Dismissal - No School for Pre-K'),
  day('Early Release'),
  day('School resumes after Winter Break'),
  day('First Day of School'),
  day('Winter Break Concert', { allDay: false, startTime: '18:00' }),
  day('PTA Meeting', { allDay: false, startTime: '18:00' }),
  day('Staff Development Day - No School for Students'),
  day('Teacher Workday'),
  day('Thanksgiving Break', { allDay: false, startTime: '08:00' }),
  day('Labor Day - No School'),
  day('Labor Day'),
  day('Veterans Day'),
  day('Columbus Day - No School'),
  day('No School'),
  day('Professional Day', { description: 'No school for students' }),
  day('Professional Day', { description: 'Schools closed' }),
  day('Parent Conferences', { startDate: '2026-12-10', endDate: '2026-12-11' }),
  day('Picture Day'),
  day('Teacher Workday', { startDate: '2026-12-10', endDate: '2026-12-11' }),
];

describe('the words of a district calendar change’s reason', () => {
  it('finds back every reason the kind reader writes, English exactly as written', () => {
    const reasons = new Set(EVENTS.map((e) => classifyDistrictEvent(e).reason));
    reasons.add('As Written could not read this one; choose what it is.');
    expect(reasons.size).toBeGreaterThan(15);
    for (const reason of reasons) {
      const words = kindReasonWords(reason);
      expect(words, reason).not.toBeNull();
      expect(sayApiWords(words!, english)).toBe(reason);
      expect(sayApiWords(words!, spanish), reason).not.toBe(reason);
    }
  });

  it('finds back each reason a change waits for, and the kind reason it quotes', () => {
    const event = (uid: string, startDate: string, more: Partial<DraftEvent>): DraftEvent =>
      ({
        summary: 'Teacher Workday',
        description: null,
        startDate,
        endDate: startDate,
        allDay: true,
        startTime: null,
        recurring: false,
        kind: 'holiday',
        confidence: 'check',
        reason: 'It says “teacher workday”: most often no school for students. Check it.',
        key: `${uid}|${startDate}|`,
        calendarId: 'cal',
        status: 'new',
        include: true,
        ...more,
      }) as DraftEvent;
    const base = { known: [], pending: [], today: '2026-12-07', now: '2026-12-07T11:00:00Z' };
    const first = compareDistrictCalendar({
      ...base,
      firstRead: true,
      events: [event('a', '2026-12-10', {})],
    });
    const later = compareDistrictCalendar({
      ...base,
      firstRead: false,
      known: [
        {
          id: 'moved',
          startDate: '2026-12-14',
          endDate: '2026-12-14',
          kind: 'holiday',
          summary: 'x',
          eventId: null,
        },
        {
          id: 'past',
          startDate: '2026-12-01',
          endDate: '2026-12-01',
          kind: 'holiday',
          summary: 'x',
          eventId: null,
        },
        {
          id: 'gone',
          startDate: '2026-12-20',
          endDate: '2026-12-20',
          kind: 'holiday',
          summary: 'x',
          eventId: null,
        },
      ],
      events: [
        event('check', '2026-12-10', {}),
        event('old', '2026-12-02', { confidence: 'sure' }),
        event('moved', '2026-12-15', {}),
        event('past', '2026-12-03', {}),
      ],
    });
    const reasons = [...first.pending, ...later.pending].map((p) => p.reason);
    expect(reasons).toHaveLength(6);
    const said = reasons.map((reason) => {
      const words = pendingReasonWords(reason);
      expect(words, reason).not.toBeNull();
      expect(sayApiWords(words!, english)).toBe(reason);
      return sayApiWords(words!, spanish);
    });
    expect(said).toEqual([
      'Está en el calendario del distrito, pero todavía no en el calendario escolar de su hijo(a).',
      'Revise qué tipo de día es: Dice “teacher workday”: casi siempre no hay clases para los estudiantes. Revíselo.',
      'El distrito agregó un día que ya pasó: una carta enviada desde entonces puede contarlo como día de clases, así que le espera a usted.',
      'El distrito cambió este día: el calendario guarda los días de antes hasta que usted lo confirme.',
      'El distrito cambió un día que ya pasó: una carta enviada desde entonces puede citar los días de antes, así que le espera a usted.',
      'El distrito ya no incluye este día. Si al final hay clases ese día, quítelo del calendario.',
    ]);
    // A break's days are said after what it says; a reason none of these wrote has no words.
    expect(
      sayApiWords(
        pendingReasonWords(
          'Check the kind of day: It says “teacher workday”: most often no school for students. Check it. It runs 2 days, so it is a break.',
        )!,
        spanish,
      ),
    ).toBe(
      'Revise qué tipo de día es: Dice “teacher workday”: casi siempre no hay clases para los estudiantes. Revíselo. Dura 2 días, así que son vacaciones.',
    );
    expect(pendingReasonWords('Something a newer server wrote.')).toBeNull();
  });
});
