import { describe, expect, it } from 'vitest';
import { sayServerWords } from '../../web/i18n/server-words.ts';
import { readIcsFile } from '../importers/ics.ts';
import { draftCalendarEvents } from './calendar-import-draft.ts';
import {
  leftOutReason,
  UNTITLED_EVENT,
  withKindReasonWords,
  withLeftOutWords,
} from './calendar-import-words.ts';
import type { MessageWords } from './errors.ts';
import en from './i18n/locales/en/calendar.json' with { type: 'json' };
import es from './i18n/locales/es/calendar.json' with { type: 'json' };
import { createTranslator } from './i18n/translate.ts';

// The review of a district calendar file in the reader's language (issue 17): every reason the draft
// gives in English has its words, which the calendar page says (`sayServerWords`, part `calendar`) as
// exactly that English for an English reader, and in Spanish with every figure and every one of the
// district's words it quotes.

const english = createTranslator('en', en);
const spanish = createTranslator('es', es);
const say = (words: MessageWords | undefined, text: string, language = spanish) =>
  sayServerWords('calendar', words, text, language.t);

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

let uid = 0;
/** An event on `start` (to `end`, inclusive), all day unless it has a time. */
function event(summary: string, start: string, more: { end?: string; time?: string; notes?: string } = {}) {
  const day = start.replaceAll('-', '');
  const after = new Date(`${more.end ?? start}T00:00:00Z`);
  after.setUTCDate(after.getUTCDate() + 1);
  const lines = [`UID:e${++uid}`, `SUMMARY:${summary}`];
  if (more.time) lines.push(`DTSTART:${day}T${more.time.replace(':', '')}00`);
  else
    lines.push(
      `DTSTART;VALUE=DATE:${day}`,
      `DTEND;VALUE=DATE:${after.toISOString().slice(0, 10).replaceAll('-', '')}`,
    );
  if (more.notes) lines.push(`DESCRIPTION:${more.notes}`);
  return lines;
}

// An event for every way the classifier explains a kind (src/domain/calendar-import.ts), and one for
// every way the file's reader leaves an event out (src/importers/ics.ts).
const FILE = ics(
  event('Snow Day - Schools Closed', '2026-12-10'),
  event('Early Dismissal - No School for Pre-K', '2026-12-11'),
  event('Early Release', '2026-12-14'),
  event('School resumes after Winter Break', '2027-01-04'),
  event('Picture Day', '2026-09-24'),
  event('Thanksgiving Break', '2026-11-24', { time: '08:00' }),
  event('Coffee with the principal', '2026-10-06', { time: '09:30' }),
  event('Staff Development Day - No School for Students', '2027-01-29'),
  event('Teacher Workday', '2027-03-12'),
  event('Teacher Workday', '2027-04-01', { end: '2027-04-02' }),
  event('Spring Break', '2027-03-22', { end: '2027-03-26' }),
  event('Labor Day', '2026-09-07'),
  event('Veterans Day', '2026-11-11'),
  event('Columbus Day - No School', '2026-10-12'),
  event('No School', '2027-02-12'),
  event('Kindness Day', '2027-02-19', { notes: 'No school for students' }),
  event('Kindness Day', '2027-02-26', { notes: 'Closed due to weather' }),
  event('Robotics Expo', '2027-05-03', { end: '2027-05-04' }),
  event('Kindness Day', '2027-05-14'),
  ['UID:cancelled', 'DTSTART;VALUE=DATE:20261009', 'STATUS:CANCELLED', 'SUMMARY:Field Day'],
  ['UID:undated'],
  ['UID:unread', 'DTSTART;VALUE=DATE:99999999', 'SUMMARY:Book Fair'],
  ['UID:daily', 'DTSTART;VALUE=DATE:20000101', 'RRULE:FREQ=DAILY', 'SUMMARY:Lunch'],
);
const read = readIcsFile(FILE, { window: { from: '2026-09-01', to: '2027-06-30' } });
const events = draftCalendarEvents(read.events, null).map(withKindReasonWords);
const skipped = read.skipped.map(withLeftOutWords);

/** Every value the words carry (the district's words, a number of days), those of what they quote too. */
function figures(words: MessageWords): string[] {
  return Object.entries(words.values ?? {}).flatMap(([name, value]) => {
    if (/.Words$/.test(name)) return figures(JSON.parse(String(value)) as MessageWords);
    if (words.values?.[`${name}Words`] !== undefined) return [];
    return [String(value)];
  });
}

describe('the words of a district calendar file’s review', () => {
  it('gives every kind reason its words: English exactly as written, Spanish with every figure and name', () => {
    expect(events).toHaveLength(19);
    const keys = new Set<string>();
    for (const e of events) {
      expect(e.words, e.reason).toBeDefined();
      keys.add(e.words!.key);
      expect(say(e.words, '', english)).toBe(e.reason);
      const said = say(e.words, e.reason);
      expect(said, e.reason).not.toBe(e.reason);
      for (const figure of figures(e.words!)) expect(said, e.reason).toContain(figure);
    }
    // Every reason the classifier writes, but the one for an event it could not read at all.
    const written = Object.keys(en).filter(
      (key) => key.startsWith('calendar.kindReason.') && key !== 'calendar.kindReason.unread',
    );
    expect([...keys].sort()).toEqual(written.sort());
  });

  it('says the reasons a parent reads, in Spanish', () => {
    const of = (summary: string) =>
      events.filter((e) => e.summary === summary).map((e) => say(e.words, e.reason));
    expect(of('Teacher Workday')).toEqual([
      'Dice “teacher workday”: casi siempre no hay clases para los estudiantes. Revíselo.',
      'Dice “teacher workday”: casi siempre no hay clases para los estudiantes. Revíselo. Dura 2 días, así que son vacaciones.',
    ]);
    expect(of('Columbus Day - No School')).toEqual(['Dice “columbus day” y “no school”.']);
  });

  it('gives every event left out the words of its reason, and of its title when it has none', () => {
    expect(skipped.map((s) => s.reason)).toEqual([
      leftOutReason('cancelled'),
      leftOutReason('noDate'),
      leftOutReason('dateUnread'),
      leftOutReason('repeatsTooOften'),
    ]);
    // The English the draft has always given (src/importers/ics.ts), from the catalog.
    expect(skipped.map((s) => `${s.summary} (${s.reason})`)).toEqual([
      'Field Day (the district cancelled it)',
      '(no title) (it has no date)',
      'Book Fair (its date could not be read)',
      'Lunch (it repeats too often; only its first dates were read)',
    ]);
    for (const s of skipped) {
      expect(say(s.words, '', english)).toBe(s.reason);
      expect(say(s.summaryWords, s.summary, english)).toBe(s.summary);
    }
    expect(skipped.map((s) => `${say(s.summaryWords, s.summary)} (${say(s.words, s.reason)})`)).toEqual([
      'Field Day (el distrito lo canceló)',
      '(sin título) (no tiene fecha)',
      'Book Fair (no se pudo leer su fecha)',
      'Lunch (se repite demasiado; solo se leyeron sus primeras fechas)',
    ]);
    expect(skipped.filter((s) => s.summaryWords).map((s) => s.summary)).toEqual([UNTITLED_EVENT]);
  });

  it('gives no words to a reason none of these wrote (a newer server’s): the page shows its English', () => {
    const newer = withLeftOutWords({ summary: 'Gala', reason: 'it is in the past' });
    expect(newer.words).toBeUndefined();
    expect(say(newer.words, newer.reason)).toBe('it is in the past');
    expect(withKindReasonWords({ reason: 'Something a newer server wrote.' }).words).toBeUndefined();
  });
});
