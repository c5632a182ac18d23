import { describe, expect, it } from 'vitest';
import { readAccommodationLines } from './accommodation-lines.ts';

describe('accommodations pasted as the IEP lists them', () => {
  it('takes one accommodation per line and keeps the plan’s words, without bullets or numbers', () => {
    const read = readAccommodationLines(
      '• Preferential seating near the teacher\n\n2. Extended time (1.5x) on tests and quizzes\n - Use of a calculator for math assignments and tests  \n',
    );
    expect(read.map((a) => a.text)).toEqual([
      'Preferential seating near the teacher',
      'Extended time (1.5x) on tests and quizzes',
      'Use of a calculator for math assignments and tests',
    ]);
  });

  it('guesses the kind and where it applies, for the parent to check', () => {
    const [seat, time, calc, breaks, other] = readAccommodationLines(
      [
        'Preferential seating near the teacher',
        'Extended time (1.5x) on tests and quizzes',
        'Use of a calculator for math assignments and tests',
        'Frequent breaks during homework',
        'Parent contact weekly',
      ].join('\n'),
    );
    expect(seat).toMatchObject({ category: 'setting', appliesTo: 'all' });
    expect(time).toMatchObject({ category: 'timing', appliesTo: 'tests' });
    expect(calc).toMatchObject({ category: 'assistive_technology', appliesTo: 'all' });
    expect(breaks).toMatchObject({ category: 'scheduling', appliesTo: 'homework' });
    expect(other).toMatchObject({ category: 'other', appliesTo: 'all' });
  });

  it('reads nothing from blank text', () => {
    expect(readAccommodationLines('  \n\n ')).toEqual([]);
  });
});
