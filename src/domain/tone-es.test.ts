import { describe, expect, it } from 'vitest';
import { checkTone, checkToneRules, RULE_CATEGORY, type ToneFlag } from './tone.ts';
import {
  SPANISH_ROUND_FOUR_ACCUSING as R4_ACCUSING,
  SPANISH_ROUND_FOUR_NEUTRAL as R4_NEUTRAL,
  SPANISH_ROUND_FIVE_ACCUSING as R5_ACCUSING,
  SPANISH_ROUND_FIVE_NEUTRAL as R5_NEUTRAL,
  SPANISH_ROUND_TWO_ACCUSING,
  SPANISH_ROUND_TWO_NEUTRAL,
  SPANISH_UNIT_ACCUSING,
  SPANISH_UNIT_NEUTRAL,
} from './tone-cases-es-unit.ts';
import { es, LEAVE_OUT_ES } from './tone-es.ts';
import { TONE_MODEL_ES } from './tone-es-model.ts';
import {
  TRAINED_ON_ES,
  TRAINED_ON_NOTE_ES,
  TRAINING_ES,
  toneTrainingCasesEs,
  trainToneModelEs,
} from './tone-es-training.ts';

// The Spanish tone check (issue 17): checkTone(text, { language: 'es' }). The sentences here were written for
// these tests by the rules' author, in other words than Spanish set 1 (tone-cases-es.ts), which the rules were
// written from; Spanish sets 2 and 4 are development sets of round two and set 3 the held-out measure
// (tone-cases.test.ts). The sentences are in tone-cases-es-unit.ts, because the Spanish classifier learns
// from them too.
const spanish = (text: string): ToneFlag[] => checkTone(text, { language: 'es' });
const kinds = (text: string) => spanish(text).map((f) => RULE_CATEGORY[f.rule]);

const ACCUSING = SPANISH_UNIT_ACCUSING;
const NEUTRAL = SPANISH_UNIT_NEUTRAL;

describe('the Spanish tone check', () => {
  it.each(ACCUSING)('flags "%s"', (text) => {
    expect(spanish(text).length).toBeGreaterThan(0);
  });

  it.each(NEUTRAL)('lets "%s" pass', (text) => {
    expect(spanish(text)).toEqual([]);
  });

  it('keeps the parent\'s refusal firm: "Me niego a aceptar esto" becomes "No estoy de acuerdo con esto"', () => {
    const [flag] = spanish('Me niego a aceptar esto.');
    expect(flag?.rule).toBe('refused');
    expect(flag?.suggestion).toBe('No estoy de acuerdo con esto');
    expect(spanish('Me niego rotundamente a aceptar este cambio.')[0]?.suggestion).toBe(
      'No estoy de acuerdo con este cambio',
    );
    expect(spanish('Nos negamos a aceptar la reducción.')[0]?.suggestion).toBe(
      'No estamos de acuerdo con la reducción',
    );
    // The firm statements themselves are not flagged, and no suggestion concedes.
    for (const firm of [
      'No acepto esto.',
      'No doy mi consentimiento.',
      'No he aceptado este cambio.',
      'No estoy de acuerdo con esta decisión.',
    ])
      expect(spanish(firm), firm).toEqual([]);
    for (const text of ACCUSING)
      for (const f of spanish(text))
        expect(f.suggestion, text).not.toMatch(
          /no pasó como estaba planeado|tienen razón|acepto|está bien así/iu,
        );
  });

  it('gives each kind its Spanish reason and gentler words in Spanish', () => {
    const cases: [string, string, string][] = [
      ['Ya hablé con un abogado y vamos a demandarlos.', 'threat', 'Me gustaría resolver esto con ustedes'],
      [
        'Les doy hasta el viernes, después de eso no respondo.',
        'ultimatum',
        'Les pido que lo resuelvan pronto',
      ],
      ['La maestra es una incompetente.', 'insult', 'No creo que esto esté funcionando bien para mi hijo'],
      [
        '¿Cuántas veces tengo que pedir los registros?',
        'rhetorical_question',
        'Ya lo he pedido varias veces',
      ],
      ['Por culpa de ustedes mi hija ya no quiere ir.', 'blame', 'mi hija'],
      ['Usted nunca contesta mis correos.', 'absolute', 'no'],
      ['Mándeme los registros hoy.', 'command', 'Por favor, mándeme los registros hoy'],
      ['Ya estoy harta de esta escuela.', 'exasperation', 'Esto me está resultando muy difícil'],
    ];
    for (const [text, kind, words] of cases) {
      const flags = spanish(text);
      expect(
        flags.map((f) => RULE_CATEGORY[f.rule]),
        text,
      ).toContain(kind);
      const flag = flags.find((f) => RULE_CATEGORY[f.rule] === kind)!;
      expect(flag.suggestion, text).toContain(words);
      expect(flag.why).toMatch(/[áéíóúñ]|\b(?:una|las|los|que)\b/u);
      expect(flag.phrase).toBe(text.slice(flag.start, flag.end));
    }
    expect(spanish('Claro, otra vez sin terapia.')[0]?.suggestion).toBe(LEAVE_OUT_ES);
  });

  it('rewrites an absolute without the word, keeping the facts', () => {
    const text = 'Siempre ponen las juntas cuando estoy trabajando.';
    const [flag] = spanish(text);
    expect(text.slice(0, flag!.start) + flag!.suggestion + text.slice(flag!.end)).toBe(
      'Muchas veces ponen las juntas cuando estoy trabajando.',
    );
    // "Nunca" and "siempre" about the child's own habits are not flagged.
    expect(spanish('Nunca come cuando está nervioso.')).toEqual([]);
    expect(spanish('Ella siempre necesita unos minutos después del recreo.')).toEqual([]);
  });

  it('turns an order into a request and a rhetorical question into a real one', () => {
    expect(spanish('Llámeme en cuanto lea esto.')[0]?.suggestion).toBe(
      'Por favor, llámeme en cuanto lea esto',
    );
    expect(spanish('Por favor, llámeme en cuanto lea esto.')).toEqual([]);
    expect(spanish('¿A quién se le ocurrió dejarlo solo en el pasillo?')[0]?.suggestion).toBe(
      '¿Me podría explicar quién decidió dejarlo solo en el pasillo?',
    );
    expect(spanish('¿Es mucho pedir que alguien me devuelva la llamada?')[0]?.suggestion).toBe(
      'Les pido que alguien me devuelva la llamada.',
    );
  });

  it('reads capitals and punctuation the Spanish way', () => {
    expect(kinds('El IEP dice TREINTA minutos.')).toEqual(['shouting']);
    expect(spanish('El IEP dice treinta minutos; su TDAH está en el informe.')).toEqual([]);
    expect(spanish('¡MUCHAS GRACIAS por todo!')).toEqual([]);
    // One "¡...!" and one "¿...?" are ordinary Spanish; doubled marks raise the voice.
    expect(spanish('¡Tuvo una semana muy buena!')).toEqual([]);
    expect(spanish('¿Me puede llamar mañana?')).toEqual([]);
    expect(kinds('¿¿Otra sesión perdida??')).toEqual(['exasperation', 'exasperation']);
  });

  it('offers suggestions that pass the Spanish check, in exactly the flagged words', () => {
    for (const text of ACCUSING)
      for (const flag of spanish(text)) {
        expect(flag.phrase, text).toBe(text.slice(flag.start, flag.end));
        expect(flag.suggestion.trim(), text).not.toBe('');
        expect(spanish(flag.suggestion), `${text} -> ${flag.suggestion}`).toEqual([]);
      }
  });

  it('keeps the formal steps in a formal complaint', () => {
    expect(spanish('Vamos a presentar una queja ante el estado.').length).toBeGreaterThan(0);
    expect(
      checkTone('Vamos a presentar una queja ante el estado.', { language: 'es', formal: true }),
    ).toEqual([]);
  });

  it('is an option: English stays the default, and the rules-only check reads Spanish too', () => {
    expect(checkTone('You never reply to my emails.').length).toBeGreaterThan(0);
    expect(checkTone('You never reply to my emails.', { language: 'en' })).toEqual(
      checkTone('You never reply to my emails.'),
    );
    expect(spanish('You never reply to my emails.')).toEqual([]);
    expect(checkToneRules('Usted nunca contesta mis correos.', { language: 'es' })).toEqual(
      spanish('Usted nunca contesta mis correos.'),
    );
  });

  it('matches with and without accents, on whole words', () => {
    const p = es('que\\s+rapidez');
    expect(p.test('¡qué rapidez!')).toBe(true);
    p.lastIndex = 0;
    expect(p.test('que rapidez')).toBe(true);
    p.lastIndex = 0;
    expect(p.test('porque rapidez')).toBe(false);
  });

  it('checks a 3,000-character Spanish letter in a few milliseconds', () => {
    const letter = [...ACCUSING, ...NEUTRAL].join(' ').slice(0, 3000);
    spanish(letter);
    const start = performance.now();
    for (let i = 0; i < 10; i++) spanish(letter);
    expect((performance.now() - start) / 10).toBeLessThan(25);
    // A very long word does not make it slow.
    const start2 = performance.now();
    spanish(`${'a'.repeat(3000)} ${letter}`);
    expect(performance.now() - start2).toBeLessThan(50);
  });
});

describe('Spanish round two: the generalised rules and the Spanish classifier', () => {
  const rules = (text: string) => checkToneRules(text, { language: 'es' });

  it('lets the round-two neutral sentences pass the rules, and flags most of its accusing ones', () => {
    const ruleAlarms = SPANISH_ROUND_TWO_NEUTRAL.filter((t) => rules(t).length > 0);
    expect(ruleAlarms).toEqual([]);
    const wholeAlarms = SPANISH_ROUND_TWO_NEUTRAL.filter((t) => spanish(t).length > 0);
    const caught = SPANISH_ROUND_TWO_ACCUSING.filter((t) => spanish(t).length > 0);
    console.log(
      `Spanish round two's own sentences (trained on): ${caught.length} of ${SPANISH_ROUND_TWO_ACCUSING.length} accusing flagged, ${wholeAlarms.length} of ${SPANISH_ROUND_TWO_NEUTRAL.length} neutral`,
    );
    // 25 of 32 since round three retrained the model with sets 5 and 6 (26 before); round four (set 8 trained
    // on): 24 of 32, and 3 neutral ones flagged, not 2: "Es una pesada mochila para un niño de siete años." now
    // scores 0.753 against a threshold of 0.7465. Trained-on figures. Round five (sets 7, 9 and 10 trained on,
    // L2 0.001): 28 of 32, and none of the neutral ones.
    expect(caught.length / SPANISH_ROUND_TWO_ACCUSING.length).toBeGreaterThanOrEqual(0.75);
    expect(wholeAlarms.length).toBeLessThanOrEqual(3);
  });

  it.each([
    'No doy mi consentimiento.',
    'No estoy de acuerdo con este cambio.',
    'Solicito un aviso previo por escrito.',
    'No he aceptado este cambio y quisiera hablarlo en una reunión.',
    'Nunca le ha gustado el ruido fuerte.',
    'Siempre llega contento después de speech.',
    'Mi hijo nunca se queja de la escuela.',
    'Ella siempre termina la tarea antes de cenar.',
  ])('lets the firm statement or the child\'s habit "%s" pass the whole check', (text) => {
    expect(spanish(text)).toEqual([]);
  });

  it('flags with the classifier what no rule names, with a Spanish reason and advice, and not in a formal letter', () => {
    // ("Que detalle tan bonito mandarme la invitacion a la junta el mismo dia." was this example until round
    // three's rules named "qué detalle".)
    const text = 'Una maestra que le grita a un niño autista es una persona sin vocación y sin corazón.';
    expect(rules(text)).toEqual([]);
    const [flag] = spanish(text);
    expect(flag?.phrase).toBe(text);
    expect(flag?.why).toMatch(/Esta oración está escrita como otras que se leen así/u);
    expect(flag?.suggestion).toMatch(/^Usted escribió/u);
    expect(spanish(flag!.suggestion)).toEqual([]);
    expect(checkTone(text, { language: 'es', formal: true })).toEqual([]);
    // In a letter, only the sentence the rules left alone is read by it.
    const letter = `Hola, maestra Ruiz. ${text} Gracias.`;
    expect(spanish(letter).map((f) => f.phrase)).toEqual([text]);
  });

  it('has committed weights that match a fresh training run (node --import tsx scripts/write-tone-model-es.ts)', () => {
    const fresh = trainToneModelEs(toneTrainingCasesEs(TRAINED_ON_ES), TRAINING_ES, TRAINED_ON_NOTE_ES);
    expect(fresh.threshold).toBe(TONE_MODEL_ES.threshold);
    expect(fresh.trainedOn).toBe(TONE_MODEL_ES.trainedOn);
    expect(fresh.weights).toEqual(TONE_MODEL_ES.weights);
    expect(fresh.kinds).toEqual(TONE_MODEL_ES.kinds);
  }, 120_000);
});

describe('Spanish round four: the frames of set 8, in other words, each with near-neutral neighbours', () => {
  const rules = (text: string) => checkToneRules(text, { language: 'es' });

  it.each(R4_ACCUSING)('%s -> %s', (text, category) => {
    const flags = rules(text);
    expect(flags.map((f) => RULE_CATEGORY[f.rule])).toContain(category);
    // The gentler words are Spanish, and pass the check.
    for (const f of flags) expect(spanish(f.suggestion), f.suggestion).toEqual([]);
  });

  it.each(R4_NEUTRAL)('flags nothing in: %s', (text) => {
    expect(spanish(text)).toEqual([]);
  });
});

describe('Spanish round five: the frames of sets 7, 9 and 10, in other words, each with near-neutral neighbours', () => {
  const rules = (text: string) => checkToneRules(text, { language: 'es' });

  it.each(R5_ACCUSING)('%s -> %s', (text, category) => {
    const flags = rules(text);
    expect(flags.map((f) => RULE_CATEGORY[f.rule])).toContain(category);
    // The gentler words are Spanish, and pass the check.
    for (const f of flags) expect(spanish(f.suggestion), f.suggestion).toEqual([]);
  });

  it.each(R5_NEUTRAL)('flags nothing in: %s', (text) => {
    expect(spanish(text)).toEqual([]);
  });

  it('reads a greeting\'s "!" and the Rioplatense "Dale," as calm, and ", punto" as an order', () => {
    expect(spanish('Hola! Gracias por incluir a Tomás en el paseo, volvió feliz!! 🥳')).toEqual([]);
    expect(spanish('Dale, te mando el formulario firmado mañana.')).toEqual([]);
    expect(kinds('Dale el tiempo extra.')).toEqual(['command']);
    expect(kinds('Le dan el tiempo extra, punto.')).toEqual(['command']);
    expect(spanish('Le dan el tiempo extra, punto.')[0]?.phrase).toBe(', punto');
  });
});
