import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from './dates.ts';
import { ServiceAmount } from './service.ts';
import { parseServiceLine } from './service-frequency-parser.ts';

// The service-line parser on any text (issue 15, property tests): it never throws, answers quickly
// (no pattern that backtracks for seconds on a pasted line), and always returns either amounts the
// ledger can count or a plain list of what it could not read. Seeded, so a failure is found again;
// `npm run fuzz` runs it longer (FUZZ_SCALE times as many inputs).

const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const RUNS = 400 * (Number(process.env.FUZZ_SCALE) || 1);
/** A line is read in well under this; more means a pattern that backtracks. */
const SLOW_MS = 250;

/** Words and numbers service lines are made of, in any order: most lines are nearly real. */
const TOKENS = [
  'speech',
  'language',
  'therapy',
  'occupational',
  'OT',
  'reading',
  'specialized instruction',
  '30',
  '45',
  '1.5',
  'thirty',
  'two',
  '2x',
  'x',
  '/',
  'minutes',
  'min',
  'mins',
  'hours',
  'hr',
  'times',
  'sessions',
  'per',
  'a',
  'each',
  'every',
  'other',
  'week',
  'weekly',
  'wk',
  'month',
  'monthly',
  'day',
  'daily',
  'year',
  'cycle',
  'day cycle',
  '6-day',
  'semester',
  'fall',
  'then',
  'from',
  'to',
  'through',
  'until',
  '9/8/2026',
  '2026-09-08',
  'June 11, 2027',
  'ESY',
  'extended school year',
  'pull-out',
  'push-in',
  'consult',
  'group',
  'of 3',
  'individual',
  'by',
  'SLP',
  'in the resource room',
  ',',
  ';',
  '(',
  ')',
  '-',
  '–',
  '3 of every 4 weeks',
  'up to',
  'at least',
  '2-3',
  '0',
  '999999999999',
  '\u202E',
  '\u0000',
  '😀',
];

/** Lines as IEPs write them, with parts left out, doubled or out of place. */
const nearlyReal = fc
  .record({
    name: fc.constantFrom('Speech-language therapy', 'Occupational therapy', 'Reading', ''),
    minutes: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.constantFrom(15, 30, 45, 60)),
    times: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(1)),
    period: fc.constantFrom('week', 'month', 'day', 'year', '6 day cycle', 'other week', 'fortnight'),
    setting: fc.constantFrom('', ', pull-out', ', push-in', ', in a group of 3', ' (ESY)'),
    tail: fc.array(fc.constantFrom(...TOKENS), { maxLength: 3 }),
  })
  .map(
    (p) =>
      `${p.name}${p.name ? ', ' : ''}${p.minutes} minutes ${p.times} times per ${p.period}${p.setting} ${p.tail.join(' ')}`,
  );

const line = fc.oneof(
  { arbitrary: nearlyReal, weight: 2 },
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 25 }).map((words) => words.join(' ')),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((words) => words.join('')),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom(
    '',
    ' ',
    '30'.repeat(500),
    `${'1 '.repeat(2000)}minutes`,
    '('.repeat(300),
    'a,'.repeat(1000),
  ),
);

describe('parseServiceLine on any text', () => {
  it(
    'never throws, is quick, and gives countable amounts or says what it could not read',
    () => {
      let tried = 0;
      let slow = 0;
      let complete = 0;
      fc.assert(
        fc.property(line, (text) => {
          tried++;
          const started = performance.now();
          const parsed = parseServiceLine(text);
          if (performance.now() - started > SLOW_MS) slow++;
          expect(parsed.text).toBe(text.trim());
          if (parsed.complete) {
            complete++;
            // Words it did not read may remain (a second "speech"), but none that could change an amount.
            expect(parsed.amounts.length).toBeGreaterThan(0);
            for (const a of parsed.amounts) {
              expect(ServiceAmount.safeParse(a).success, text).toBe(true);
              for (const d of [a.startDate, a.endDate]) if (d !== null) expect(isIsoDate(d), text).toBe(true);
            }
          } else {
            expect(parsed.unread.length, text).toBeGreaterThan(0);
          }
          for (const words of parsed.unread) expect(words.trim().length, text).toBeGreaterThan(0);
        }),
        { seed: SEED, numRuns: RUNS },
      );
      process.stdout.write(
        `[fuzz] service-line parser: ${tried} inputs tried (${complete} read completely), throws: 0, slow (over ${SLOW_MS} ms): ${slow} (seed ${SEED})\n`,
      );
      expect(slow).toBe(0);
    },
    30_000 + RUNS * 5,
  );
});
