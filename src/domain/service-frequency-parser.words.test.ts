import { describe, expect, it } from 'vitest';
import type { MessageWords } from './errors.ts';
import enLines from './i18n/locales/en/serviceline.json' with { type: 'json' };
import esLines from './i18n/locales/es/serviceline.json' with { type: 'json' };
import { createTranslator } from './i18n/translate.ts';
import { sayWords } from './i18n/words.ts';
import { parseServiceLine } from './service-frequency-parser.ts';

// The service-line parser's notes as catalog words (issue 17): every note carries a key of the
// server-only part `serviceline` and its values, which in English say exactly what the note says, and
// in Spanish say it in Spanish, keeping the parent's own words (the quoted values) as they are.

const english = createTranslator('en', enLines);
const spanish = createTranslator('es', esLines);

/** Lines that between them make every note the parser writes (the test below checks they do). */
const LINES = [
  '',
  '30 minutes 2 times per week',
  'Speech, 20-30 minutes weekly',
  '20 to 30 min 2x/wk',
  'OT 2-3 times per week, 30 minutes',
  'Speech 30 minutes weekly from 2/30/2027 to 6/10/2027',
  'Speech 30 minutes weekly, 2026-2027 school year',
  'Speech 30 minutes weekly from 13/01/2026 to 01/13/2027',
  'Speech therapy 30 minutes weekly until June 10',
  'Speech 30 minutes weekly 9/1/2026, 10/1/2026, 11/1/2026',
  'Speech 30 minutes weekly from 2027-06-01 to 2026-09-01',
  'Speech 30 minutes weekly 2026-09-01',
  'Speech 30 minutes weekly in groups of 3, group size 5',
  'Speech 30 minutes 600 times weekly',
  'Speech 200000 minutes weekly',
  'Speech 2000 minutes per session 2 times weekly',
  'OT: 30 min/month consult, 30 min 2x/month direct',
  'Speech 30 min weekly, push-in and pull-out',
  'Speech 30 minutes weekly in the speech room and the resource room',
  'Very long named special service for supporting the student in many many different areas of need across settings 30 minutes weekly',
  'Speech up to 30 minutes weekly',
  'Speech therapy 30x2 weekly',
  '30-20 min weekly',
  'Speech 3 times a week, 20 minute sessions, 90 minutes weekly',
  'Speech 30 minutes 2 times per week, 90 minutes total',
  'Speech 2 hours per session, 30 minutes weekly',
  'Speech 30 minutes 600 times weekly',
  'Speech 200000 minutes weekly',
  'Speech biweekly 30 minutes',
  'Counseling 30 minutes bimonthly',
  'Counseling 30 minutes biannually',
  'Social work 30 minutes every other month',
  'Social work 30 minutes per quarter',
  'Counseling 30 minutes each marking period',
  'Counseling 30 minutes per semester',
  '30 minutes weekly and 15 minutes monthly',
  'Speech 30 minutes',
  '3 times per month for 3 out of 4 weeks, 30 minutes',
  '2 sessions per cycle',
  'Speech 30 minutes per 30-day cycle',
  'Speech 30 minutes 2 out of 3 weeks, 1 of 4 weeks weekly',
  'Speech 30 minutes weekly 5 out of 4 weeks',
  'Speech 0 minutes weekly',
  'Speech 2.5 minutes weekly',
  'Speech 1.5 times weekly 30 minutes',
  'Speech 2 times per week 30 minutes, 3 times per week',
  'Speech 30 minutes, 45 minutes weekly',
  'Speech 30 minutes 2 times per week, 20 minutes per session, 60 minutes total',
  '3 class periods per week',
  'Speech 2 sessions per month',
  'Speech weekly',
  'Speech 30 minute sessions weekly',
  'Speech 30 minute sessions per 6-day cycle',
  'Speech 30 minutes weekly as needed',
  'Speech as needed',
  'Speech 30 minutes weekly, then',
  'Speech 30 minutes weekly Mondays',
  'Speech 30 minutes weekly, blue folder',
  'Speech 30 minutes weekly, plus 5 extra',
  'Speech fall semester, spring semester 30 minutes weekly',
  'Extended school year occupational therapy 30 minutes weekly for 6 weeks',
  'Counseling 30 minutes weekly from 9/1/2026, then 30 minutes every other week',
  'Terapia del habla, según sea necesario',
  'Terapia del habla, 30 minutos 2 veces por semana, del 13/01/2026',
  'Terapia ocupacional 2-3 veces por semana',
  'Consejería 30 minutos por trimestre',
  'Habla, 20 a 30 minutos semanales',
];

/** Each note of each line, with its words. */
const NOTES = LINES.flatMap((text) => {
  const parsed = parseServiceLine(text);
  return parsed.unread.map((note, i) => ({ text, note, words: parsed.unreadWords[i]! }));
});

/** The words of a sentence, lower-cased, with the note's values (the parent's words, the figures) taken out. */
function wordsOutsideValues(sentence: string, words: MessageWords): string[][] {
  const values = Object.values(words.values ?? {})
    .map(String)
    .filter((v) => v.length > 0)
    .sort((a, b) => b.length - a.length);
  let rest = sentence;
  for (const v of values) rest = rest.split(v).join(' | ');
  return rest
    .split('|')
    .map((piece) => (piece.toLowerCase().match(/\p{L}+/gu) ?? []) as string[])
    .filter((piece) => piece.length > 0);
}

/** Every run of three words in a row. */
function runsOfThree(pieces: string[][]): Set<string> {
  const runs = new Set<string>();
  for (const piece of pieces)
    for (let i = 0; i + 2 < piece.length; i++) runs.add(piece.slice(i, i + 3).join(' '));
  return runs;
}

describe('the service-line parser’s notes as catalog words', () => {
  it('gives every note its words, in the same order', () => {
    for (const text of LINES) {
      const parsed = parseServiceLine(text);
      expect(parsed.unreadWords, text).toHaveLength(parsed.unread.length);
      for (const words of parsed.unreadWords) expect(words.key).toMatch(/^serviceline\./);
    }
    expect(NOTES.length).toBeGreaterThan(60);
  });

  it('makes every note of the catalog from these lines, and no note outside it', () => {
    // An amount the schema refuses for another reason than its size is said to be incomplete: no line
    // the parser reads comes to that today, so it is made by no line here.
    const made = new Set([...NOTES.map((n) => n.words.key), 'serviceline.amount.incomplete']);
    expect([...made].filter((key) => !(key in enLines))).toEqual([]);
    expect(Object.keys(enLines).filter((key) => !made.has(key))).toEqual([]);
    expect(Object.keys(enLines)).toHaveLength(52);
  });

  it('says in English exactly what the note says', () => {
    const different = NOTES.filter(({ note, words }) => sayWords(words, english) !== note).map(
      ({ text, note, words }) => `${text}: "${note}" ≠ "${sayWords(words, english)}"`,
    );
    expect(different).toEqual([]);
  });

  it('says it in Spanish, keeping the parent’s words and no run of the English', () => {
    const problems: string[] = [];
    for (const { text, note, words } of NOTES) {
      expect(spanish.has(words.key), words.key).toBe(true);
      const said = sayWords(words, spanish);
      if (said === note) problems.push(`${text}: the same as the English ("${note}")`);
      for (const [name, value] of Object.entries(words.values ?? {})) {
        // A select's code (a unit, a term, a field) is worded, not quoted.
        if (name === 'unit' || name === 'term' || name === 'field') continue;
        if (!said.includes(String(value))) problems.push(`${text}: "${said}" leaves out ${name} "${value}"`);
      }
      const englishRuns = runsOfThree(wordsOutsideValues(note, words));
      for (const run of runsOfThree(wordsOutsideValues(said, words)))
        if (englishRuns.has(run)) problems.push(`${text}: "${said}" keeps the English "${run}"`);
    }
    expect(problems).toEqual([]);
  });

  it('says the notes a parent meets most in plain Spanish', () => {
    const say = (text: string) => parseServiceLine(text).unreadWords.map((w) => sayWords(w, spanish));
    expect(say('Speech, 20-30 minutes weekly')).toEqual([
      'la cantidad es un rango ("20-30 minutes"); se cuenta la cifra menor, 20 minutos, como lo mínimo prometido; cámbiela si el IEP dice más',
    ]);
    expect(say('Terapia del habla, según sea necesario')).toEqual([
      'no se encontró la frecuencia ("según sea necesario")',
    ]);
    expect(say('Consejería 30 minutos por trimestre')).toEqual([
      '"por trimestre" se cuenta por período del calendario escolar: escriba las fechas de cada trimestre en la página Calendario escolar',
    ]);
    expect(say('Speech biweekly 30 minutes')[0]).toBe(
      '"biweekly" puede ser dos veces por semana o cada dos semanas; indique cuál',
    );
  });
});
