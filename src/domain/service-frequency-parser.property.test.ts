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

// Spanish lines (the Spanish translation of an IEP): the same guarantees on any mix of Spanish words, and a
// nearly real Spanish line reads as the same amount as the English line it translates.
const TOKENS_ES = [
  'terapia del habla',
  'terapia ocupacional',
  'consejería',
  'lectura',
  '30',
  '45',
  '1,5',
  'treinta',
  'dos',
  'una',
  'vez',
  'veces',
  'minutos',
  'min.',
  'horas',
  'media hora',
  'sesiones',
  'ses.',
  'de',
  'por',
  'a la',
  'al',
  'cada',
  'semana',
  'semanales',
  'mes',
  'mensual',
  'año',
  'anual',
  'día',
  'diarios',
  'todos los días',
  'ciclo',
  'de 6 días',
  'trimestre',
  'quincenal',
  'semana por medio',
  'de cada',
  'hasta',
  'desde',
  'según sea necesario',
  'fuera del aula',
  'en el aula de educación general',
  'grupo de',
  'individual',
  'luego',
  '1/9/2026',
  '10 de junio de 2027',
  'entre',
  'y',
  'o',
  ',',
  '(',
  ')',
  '-',
  'a\u0301',
  'ñ',
];

/** The same amount, written as a Spanish translation and as the English original. */
const translated = fc
  .record({
    minutes: fc.constantFrom(15, 20, 30, 45, 60),
    times: fc.integer({ min: 1, max: 5 }),
    period: fc.constantFrom(
      ['por semana', 'per week'],
      ['a la semana', 'a week'],
      ['al mes', 'per month'],
      ['por mes', 'per month'],
      ['al día', 'per day'],
      ['al año', 'per year'],
      ['por ciclo de 6 días', 'per 6-day cycle'],
      ['cada 2 semanas', 'every 2 weeks'],
      ['por trimestre', 'per trimester'],
    ),
    setting: fc.constantFrom(
      ['', ''],
      [', fuera del aula', ', pull-out'],
      [', en el aula de educación general', ', in the general education classroom'],
      [', en grupo de 3', ', in a group of 3'],
      [', individual', ', individual'],
    ),
    order: fc.boolean(),
  })
  .map(({ minutes, times, period, setting, order }) => {
    const [pEs, pEn] = period as readonly string[];
    const [sEs, sEn] = setting as readonly string[];
    return {
      es: order
        ? `Terapia del habla, ${minutes} minutos ${times} veces ${pEs}${sEs}`
        : `Terapia del habla, ${times} sesiones de ${minutes} min ${pEs}${sEs}`,
      en: order
        ? `Speech therapy, ${minutes} minutes ${times} times ${pEn}${sEn}`
        : `Speech therapy, ${times} sessions of ${minutes} min ${pEn}${sEn}`,
    };
  });

describe('parseServiceLine on Spanish text', () => {
  it('reads a Spanish line as the same amount as its English original', () => {
    fc.assert(
      fc.property(translated, ({ es, en }) => {
        const a = parseServiceLine(es);
        const b = parseServiceLine(en);
        expect(a.amounts, es).toEqual(b.amounts);
        expect(a.complete, es).toBe(b.complete);
        expect([a.area, a.setting, a.groupSizeLimit], es).toEqual([b.area, b.setting, b.groupSizeLimit]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it(
    'never throws, is quick, and gives countable amounts or says what it could not read',
    () => {
      let slow = 0;
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...TOKENS_ES, ...TOKENS), { maxLength: 25 }).map((ws) => ws.join(' ')),
          (text) => {
            const started = performance.now();
            const parsed = parseServiceLine(text);
            if (performance.now() - started > SLOW_MS) slow++;
            expect(parsed.text).toBe(text.trim());
            if (parsed.complete) {
              for (const a of parsed.amounts) expect(ServiceAmount.safeParse(a).success, text).toBe(true);
            } else {
              expect(parsed.unread.length, text).toBeGreaterThan(0);
            }
            for (const words of parsed.unread) expect(words.trim().length, text).toBeGreaterThan(0);
          },
        ),
        { seed: SEED, numRuns: RUNS },
      );
      expect(slow).toBe(0);
    },
    30_000 + RUNS * 5,
  );
});
