import { describe, expect, it } from 'vitest';
import { logServiceArea, mapServiceNames } from './service-log-services.ts';

const speech = { id: 's1', name: 'Speech-language therapy', area: 'speech' as const };
const ot = { id: 'o1', name: 'Occupational therapy', area: 'ot' as const };
const reading = {
  id: 'r1',
  name: 'Specialized instruction: reading',
  area: 'specialized_instruction' as const,
};
const math = { id: 'm1', name: 'Specialized instruction: math', area: 'specialized_instruction' as const };
const plan = [speech, ot, reading, math];

const mapped = (names: string[], chosen?: Record<string, string | null>) =>
  Object.fromEntries([...mapServiceNames(names, plan, chosen).values()].map((m) => [m.text, m.serviceId]));

describe('service names of a school log', () => {
  it.each([
    ['SLP', 'speech'],
    ['Speech Lang', 'speech'],
    ['S/L Therapy', 'speech'],
    ['ST', 'speech'],
    ['Language', 'speech'],
    ['OT - Fine Motor', 'ot'],
    ['PT', 'pt'],
    ['Counseling (SW)', 'counseling'],
    ['SAI', 'specialized_instruction'],
    ['Resource - Reading', 'specialized_instruction'],
    ['Bus', null],
  ])('reads "%s" in the area %s', (name, area) => {
    expect(logServiceArea(name)).toBe(area);
  });

  it('maps "SLP" and "Speech Lang" to the plan’s speech-language therapy', () => {
    expect(mapped(['SLP', 'Speech Lang', 'OT'])).toEqual({ SLP: 's1', 'Speech Lang': 's1', OT: 'o1' });
  });

  it('chooses between two services of one area by their words, and never guesses a tie', () => {
    expect(mapped(['Resource - Reading', 'Math intervention', 'SAI'])).toEqual({
      'Resource - Reading': 'r1',
      'Math intervention': 'm1',
      SAI: null,
    });
  });

  it('leaves a service the plan does not have unmatched', () => {
    const m = mapServiceNames(['Counseling'], plan);
    expect([...m.values()]).toEqual([{ text: 'Counseling', serviceId: null, why: 'no match' }]);
  });

  it('uses what the parent chose before, and "not this plan" too', () => {
    expect(mapped(['SAI', 'Bus'], { sai: 'm1', bus: null })).toEqual({ SAI: 'm1', Bus: null });
  });
});
