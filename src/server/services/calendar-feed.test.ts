import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { feedText } from './calendar-feed.ts';

// Text in the calendar feed (issue 15): ical.js escapes a line feed but writes a carriage return as
// it is, and calendar apps end a line at a bare CR, so an email subject holding "\rBEGIN:VALARM"
// started an alarm of its own. Whatever the text, with CR, LF, CRLF, Unicode line separators, and
// lines long enough to be folded, the feed holds one event with that text and nothing else.

const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const RUNS = 300 * (Number(process.env.FUZZ_SCALE) || 1);

function feedOf(summary: string, description: string): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('version', '2.0');
  const vevent = new ICAL.Component('vevent');
  const event = new ICAL.Event(vevent);
  event.uid = 'x@as-written';
  event.summary = feedText(summary);
  event.description = feedText(description);
  calendar.addSubcomponent(vevent);
  return calendar.toString();
}

const piece = fc.oneof(
  fc.string({ maxLength: 90 }),
  fc.constantFrom('\r', '\n', '\r\n', '\n\r', '\u2028', '\u2029', '\u0085', '\u000b', '\u0000', '\t', ' '),
  fc.constantFrom(
    'BEGIN:VALARM',
    'END:VALARM',
    'BEGIN:VEVENT',
    'SUMMARY:Fake',
    'ACTION:DISPLAY',
    ';',
    ',',
    '\\',
  ),
);
const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('feedText', () => {
  it('turns every line break into one line feed and drops other control characters', () => {
    expect(feedText('a\rb\nc\r\nd\u2028e\u0000f\u0007g\th')).toBe('a\nb\nc\nd\nefg\th');
  });

  it('keeps any text inside its own property, folded or not: no component can start from it', () => {
    let tried = 0;
    fc.assert(
      fc.property(text, text, (summary, description) => {
        tried++;
        const ics = feedOf(summary, description);
        // Every line ends in CRLF; no CR or LF stands alone.
        expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
        const calendar = new ICAL.Component(ICAL.parse(ics));
        const events = calendar.getAllSubcomponents();
        expect(events.map((e) => e.name)).toEqual(['vevent']);
        expect(events[0]!.getAllSubcomponents()).toEqual([]);
        expect(events[0]!.getFirstPropertyValue('summary')).toBe(feedText(summary));
        expect(events[0]!.getFirstPropertyValue('description')).toBe(feedText(description));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    process.stdout.write(
      `[fuzz] calendar feed text: ${tried} inputs tried, components injected: 0 (seed ${SEED})\n`,
    );
  });
});
