import { describe, expect, it } from 'vitest';
import {
  CheckInInput,
  type CheckInQuestion,
  type CheckInSources,
  checkInQuestions,
  childWordsForService,
  dayPhrase,
  MAX_CHECK_IN_QUESTIONS,
} from './check-in.ts';

const ID = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const SPEECH = { id: ID(1), name: 'Speech-language therapy', area: 'speech', setting: 'pull_out' };
const READING = {
  id: ID(2),
  name: 'Specialized reading instruction',
  area: 'specialized_instruction',
  setting: 'pull_out',
};
const acc = (
  n: number,
  text: string,
  extra: Partial<{ appliesTo: string; className: string | null }> = {},
) => ({
  id: ID(100 + n),
  text,
  category: 'other',
  appliesTo: extra.appliesTo ?? 'all',
  className: extra.className ?? null,
});
// Thursday 2026-10-08; the week is Monday 10-05 to Sunday 10-11.
const base: CheckInSources = {
  childName: 'Emma',
  date: '2026-10-08',
  planId: ID(50),
  services: [SPEECH],
  accommodations: [],
  behaviorSteps: [],
  timetable: [
    { weekday: 4, startTime: '08:30', endTime: '09:20', className: 'English' },
    { weekday: 4, startTime: '09:25', endTime: '10:15', className: 'Math' },
  ],
  sessions: [],
  schoolDays: ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
};

describe('check-in questions come from the child’s own plan and timetable', () => {
  it('asks what happened in speech on the day the school logged it (“What happened in speech on Tuesday?”)', () => {
    const qs = checkInQuestions({
      ...base,
      sessions: [{ serviceId: SPEECH.id, date: '2026-10-06', source: 'school_log', status: 'delivered' }],
    });
    expect(qs[0]).toMatchObject({
      kind: 'session',
      subjectId: SPEECH.id,
      date: '2026-10-06',
      ask: 'What happened in speech on Tuesday?',
      key: `session:${SPEECH.id}:2026-10-06`,
    });
  });

  it('asks whether the child went at all when nothing is logged this week, and does not name a day', () => {
    const [q] = checkInQuestions(base);
    expect(q).toMatchObject({ date: null, ask: 'Did you go to speech this week? What did you do there?' });
  });

  it('does not take a child’s own earlier report or a logged miss as the day to ask about', () => {
    const [q] = checkInQuestions({
      ...base,
      sessions: [
        { serviceId: SPEECH.id, date: '2026-10-06', source: 'child_report', status: 'delivered' },
        { serviceId: SPEECH.id, date: '2026-10-07', source: 'school_log', status: 'missed' },
      ],
    });
    expect(q!.date).toBeNull();
    expect(q!.why).toBe(
      'Speech is logged as missed on Wednesday this week; no speech session that happened is logged yet.',
    );
  });

  it('says no session is logged only when none is (“No speech session is logged yet this week.”)', () => {
    const [q] = checkInQuestions(base);
    expect(q!.why).toBe('No speech session is logged yet this week.');
  });

  it('quotes the plan’s first sentence whole, not cut at a decimal point (“Extended time (1.5x)”)', () => {
    const qs = checkInQuestions({
      ...base,
      services: [],
      accommodations: [acc(1, 'Extended time (1.5x) on tests and quizzes. Tests in a quiet room.')],
    });
    expect(qs[0]!.why).toBe('The plan says: “Extended time (1.5x) on tests and quizzes”.');
  });

  it('asks where the child sat in math today for preferential seating (“Where did you sit in math today?”)', () => {
    const qs = checkInQuestions({
      ...base,
      services: [],
      accommodations: [acc(1, 'Preferential seating near instruction')],
    });
    expect(qs[0]).toMatchObject({
      kind: 'accommodation',
      ask: 'Where did you sit in math today?',
      className: 'Math',
    });
  });

  it('uses the class the accommodation names over the timetable', () => {
    const qs = checkInQuestions({
      ...base,
      services: [],
      accommodations: [acc(1, 'Seat near the board', { appliesTo: 'class', className: 'Science' })],
    });
    expect(qs[0]!.ask).toBe('Where did you sit in science today?');
  });

  it('says "this week" rather than "today" when the check-in day is not a school day', () => {
    const qs = checkInQuestions({
      ...base,
      date: '2026-10-10',
      services: [],
      timetable: [],
      accommodations: [acc(1, 'Preferential seating')],
    });
    expect(qs[0]!.ask).toBe('Where did you sit in class this week?');
  });

  it('asks about extra time on tests, headphones and a calculator in words a child uses', () => {
    const qs = checkInQuestions({
      ...base,
      services: [],
      accommodations: [
        acc(1, 'Extended time (1.5x) on tests and quizzes', { appliesTo: 'tests' }),
        acc(2, 'Noise-cancelling headphones available during independent work'),
        acc(3, 'Use of a calculator for math assignments'),
      ],
    });
    expect(qs.map((q) => q.ask)).toEqual([
      'Did you have a test or a quiz this week? Did you get extra time to finish it?',
      'Did you use your headphones this week? Where were they when you needed them?',
      'Did you use a calculator in math this week?',
    ]);
    expect(qs[0]!.setting).toBe('test');
  });

  it('falls back to the plan’s own words for an accommodation it has no template for, still as an open question', () => {
    const [q] = checkInQuestions({
      ...base,
      services: [],
      accommodations: [acc(1, 'Advance notice of schedule changes')],
    });
    expect(q!.ask).toContain('“Advance notice of schedule changes”');
    expect(q!.ask).toMatch(/What was it like\?$/);
  });

  it('asks about hard moments when the plan has a behavior plan, and mentions the reward', () => {
    const qs = checkInQuestions({
      ...base,
      services: [],
      behaviorSteps: [{ id: ID(300), kind: 'reward', text: 'Sticker chart: 5 stickers earn computer time' }],
    });
    expect(qs).toHaveLength(1);
    expect(qs[0]).toMatchObject({ kind: 'behavior', subjectId: ID(50) });
    expect(qs[0]!.followUp).toContain('Sticker chart');
  });

  it('asks nothing about behavior when the plan has no behavior steps', () => {
    expect(checkInQuestions({ ...base, services: [] })).toEqual([]);
  });

  it('keeps the list short: at most three session questions and eight in all, the behavior question kept', () => {
    const many = Array.from({ length: 12 }, (_, i) => acc(i, `Accommodation number ${i}`));
    const services = Array.from({ length: 5 }, (_, i) => ({
      ...SPEECH,
      id: ID(10 + i),
      name: `Service ${i}`,
      area: 'other',
    }));
    const qs = checkInQuestions({
      ...base,
      services,
      accommodations: many,
      behaviorSteps: [{ id: ID(300), kind: 'strategy', text: 'Offer a break' }],
    });
    expect(qs).toHaveLength(MAX_CHECK_IN_QUESTIONS);
    expect(qs.filter((q) => q.kind === 'session')).toHaveLength(3);
    expect(qs.at(-1)!.kind).toBe('behavior');
  });

  it('gives the same keys for the same plan, so a week’s answers can be matched to their questions', () => {
    const sources = { ...base, accommodations: [acc(1, 'Preferential seating')] };
    expect(checkInQuestions(sources).map((q) => q.key)).toEqual(checkInQuestions(sources).map((q) => q.key));
  });
});

describe('words for services and days', () => {
  it('names services the way children do', () => {
    expect(childWordsForService(SPEECH)).toBe('speech');
    expect(childWordsForService(READING)).toBe('reading group');
    expect(childWordsForService({ name: 'Occupational therapy', area: 'ot' })).toBe('OT');
  });
  it('says today, yesterday, or the weekday', () => {
    expect(dayPhrase('2026-10-08', '2026-10-08')).toBe('today');
    expect(dayPhrase('2026-10-07', '2026-10-08')).toBe('yesterday');
    expect(dayPhrase('2026-10-05', '2026-10-08')).toBe('on Monday');
  });
});

describe('check-in questions in Spanish (issue 17): tú to the child, usted to the parent, the data as given', () => {
  const OT = { id: ID(3), name: 'Occupational therapy', area: 'ot', setting: 'push_in' };
  // A realistic week: speech logged on Tuesday, OT logged today, the reading group logged as missed
  // on Monday and Wednesday; a plan with a behavior plan and a reward.
  const week: CheckInSources = {
    ...base,
    services: [SPEECH, READING, OT],
    sessions: [
      { serviceId: SPEECH.id, date: '2026-10-06', source: 'school_log', status: 'delivered' },
      { serviceId: OT.id, date: '2026-10-08', source: 'school_log', status: 'delivered' },
      { serviceId: READING.id, date: '2026-10-05', source: 'school_log', status: 'missed' },
      { serviceId: READING.id, date: '2026-10-07', source: 'school_log', status: 'missed' },
    ],
    accommodations: [acc(1, 'Preferential seating near the teacher'), acc(2, 'Use of a calculator')],
    behaviorSteps: [{ id: ID(300), kind: 'reward', text: 'Token chart: five tokens earn computer time' }],
  };

  /** English words that would mean a sentence was left untranslated (the data removed first). */
  const ENGLISH =
    /\b(the|you|your|did|what|where|who|which|when|was|were|in|on|at|this|week|today|yesterday|class|session|group|logged|plan says|help|test|break|notes|seat)\b/i;
  const withoutData = (text: string, data: readonly string[]) =>
    data.reduce((t, d) => t.replaceAll(d, ''), text.replace(/“[^”]*”/g, ''));

  it('asks about the week’s sessions, the accommodations and the behavior plan in Spanish', () => {
    const qs = checkInQuestions(week, 'es');
    expect(qs.map((q) => [q.ask, q.followUp, q.why])).toEqual([
      [
        '¿Qué pasó en la terapia ocupacional (OT) hoy?',
        '¿En qué trabajaste? ¿Quién estaba ahí?',
        'El registro tiene una sesión el jueves.',
      ],
      [
        '¿Te tocó el grupo de lectura esta semana? ¿Qué hiciste ahí?',
        '¿En qué clase estabas cuando te tocó el grupo de lectura?',
        'El grupo de lectura no se dio el lunes y miércoles de esta semana, según el registro; todavía no hay anotada ninguna sesión dada para el grupo de lectura.',
      ],
      [
        '¿Qué pasó en la terapia del habla el martes?',
        '¿Qué hacías en tu clase justo antes de que te tocara la terapia del habla?',
        'El registro tiene una sesión el martes.',
      ],
      [
        '¿Dónde te sentaste en Math hoy?',
        '¿Quién se sentó a tu lado? ¿Podías ver el pizarrón?',
        'El plan dice: “Preferential seating near the teacher”.',
      ],
      [
        '¿Usaste una calculadora en Math esta semana?',
        '¿De dónde sacas la calculadora?',
        'El plan dice: “Use of a calculator”.',
      ],
      [
        '¿Tuviste un momento difícil en la escuela esta semana? ¿Qué hicieron los adultos para ayudarte?',
        '¿Te ganaste algo esta semana? (El plan dice: “Token chart: five tokens earn computer time”.)',
        'El plan de conducta dice lo que debe hacer el personal de la escuela; lo que cuenta su hijo(a) muestra si de verdad se hace.',
      ],
    ]);
  });

  it('gives the same keys, subjects, days, classes and settings as in English, so answers match their questions', () => {
    const strip = (q: CheckInQuestion) => ({ ...q, ask: '', followUp: '', why: '' });
    expect(checkInQuestions(week, 'es').map(strip)).toEqual(checkInQuestions(week).map(strip));
    expect(checkInQuestions(week, 'en')).toEqual(checkInQuestions(week));
  });

  it('has a Spanish question for every accommodation it knows, and one for the rest', () => {
    const texts = [
      'Preferential seating near the teacher',
      'Extended time (1.5x) on tests and quizzes',
      'Noise-cancelling headphones during independent work',
      'Use of a calculator',
      'Breaks as needed',
      'Tests read aloud',
      'Scribe for written answers',
      'Check for understanding after directions',
      'Reduced number of problems',
      'Copy of class notes',
      'Fidget tools',
      'Visual schedule',
      'Advance notice of schedule changes',
    ];
    const ask = (from: number, to: number) =>
      checkInQuestions(
        {
          ...base,
          services: [],
          timetable: [],
          accommodations: texts.slice(from, to).map((text, i) => acc(from + i, text)),
        },
        'es',
      );
    const qs = [...ask(0, 7), ...ask(7, 13)];
    expect(qs.map((q) => [q.ask, q.followUp])).toEqual([
      ['¿Dónde te sentaste en clase hoy?', '¿Quién se sentó a tu lado? ¿Podías ver el pizarrón?'],
      [
        '¿Tuviste un examen o una prueba esta semana? ¿Te dieron más tiempo para terminarlo?',
        '¿Qué pasó cuando se acabó el tiempo?',
      ],
      [
        '¿Usaste tus audífonos esta semana? ¿Dónde estaban cuando los necesitaste?',
        '¿Alguna vez hubo demasiado ruido para trabajar?',
      ],
      ['¿Usaste una calculadora en matemáticas esta semana?', '¿De dónde sacas la calculadora?'],
      [
        '¿Pudiste tomar un descanso cuando lo necesitabas esta semana? ¿Qué hiciste en tu descanso?',
        '¿Hubo una vez que querías un descanso y no te lo dieron?',
      ],
      [
        'Cuando tuviste un examen o una hoja de trabajo esta semana, ¿alguien te leyó las preguntas?',
        '¿Quién te las leyó? ¿Dónde estabas?',
      ],
      [
        '¿Alguien escribió tus respuestas por ti esta semana, o las dijiste en voz alta?',
        '¿En qué trabajaste?',
      ],
      [
        'Cuando explicaron en clase qué había que hacer, ¿alguien vino a ver si entendiste?',
        '¿Qué hiciste cuando no sabías bien qué hacer?',
      ],
      [
        '¿Tus hojas de trabajo o tus exámenes eran más cortos que los de los otros niños esta semana?',
        '¿Cuánto tiempo te tomó la tarea?',
      ],
      [
        '¿Te dieron una copia de los apuntes en clase esta semana?',
        '¿Qué haces cuando escriben en el pizarrón?',
      ],
      [
        '¿Tuviste tu juguete para las manos (fidget) o tu cojín para moverte en clase esta semana?',
        '¿Alguien te lo quitó?',
      ],
      ['¿Miraste hoy tu horario con dibujos?', '¿Dónde está en el salón?'],
      [
        'Tus maestros tienen que ayudarte con esto: “Advance notice of schedule changes”. ¿Pasó eso esta semana? ¿Cómo fue?',
        '¿Me cuentas de una vez que te ayudó, o de una vez que no pasó?',
      ],
    ]);
    for (const q of qs) expect(q.why).toBe(`El plan dice: “${texts[Number(q.subjectId.slice(-3)) - 100]}”.`);
  });

  it('leaves no English words but the data (class names, the plan’s own words)', () => {
    const services = [
      SPEECH,
      READING,
      { id: ID(4), name: 'Physical therapy', area: 'pt', setting: 'pull_out' },
      { id: ID(5), name: 'School counseling', area: 'counseling', setting: 'pull_out' },
    ];
    const sets: CheckInSources[] = [
      week,
      {
        ...week,
        services,
        sessions: [],
        behaviorSteps: [{ id: ID(301), kind: 'strategy', text: 'Calm corner' }],
      },
      { ...week, date: '2026-10-10', sessions: [] },
    ];
    const left: string[] = [];
    for (const sources of sets) {
      for (const q of checkInQuestions(sources, 'es')) {
        for (const text of [q.ask, q.followUp, q.why]) {
          const rest = withoutData(text, ['Math', 'English', '(OT)', '(PT)']);
          if (ENGLISH.test(rest)) left.push(text);
        }
      }
    }
    expect(left).toEqual([]);
    // The check can fail: the same questions in English are caught.
    expect(checkInQuestions(week).some((q) => ENGLISH.test(withoutData(q.ask, ['Math'])))).toBe(true);
  });

  it('says the day as a Spanish-speaking child hears it: hoy, ayer, el martes', () => {
    expect(dayPhrase('2026-10-08', '2026-10-08', 'es')).toBe('hoy');
    expect(dayPhrase('2026-10-07', '2026-10-08', 'es')).toBe('ayer');
    expect(dayPhrase('2026-10-05', '2026-10-08', 'es')).toBe('el lunes');
    expect(dayPhrase('2026-10-04', '2026-10-08', 'es')).toBe('el domingo');
  });

  it('knows the accommodations and services of a plan written in Spanish (a family’s translated IEP)', () => {
    const texts = [
      'Asiento preferencial cerca de la maestra y lejos de distracciones',
      'Tiempo extendido (1,5x) en exámenes y pruebas cortas',
      'Audífonos con cancelación de ruido durante el trabajo independiente',
      'Uso de calculadora en las tareas de matemáticas',
      'Descansos cuando los necesite',
      'Lectura en voz alta de las preguntas de los exámenes',
      'Escriba para las respuestas escritas',
      'Verificar la comprensión después de dar las instrucciones',
      'Menos problemas en las tareas',
      'Copia de los apuntes de la clase',
      'Objeto sensorial para las manos',
      'Horario visual en su escritorio',
    ];
    const templateOf = (text: string, language: 'en' | 'es') =>
      checkInQuestions({ ...base, services: [], timetable: [], accommodations: [acc(1, text)] }, language)[0]!
        .ask;
    const english = [
      'Preferential seating near the teacher',
      'Extended time (1.5x) on tests and quizzes',
      'Noise-cancelling headphones during independent work',
      'Use of a calculator',
      'Breaks as needed',
      'Tests read aloud',
      'Scribe for written answers',
      'Check for understanding after directions',
      'Reduced number of problems',
      'Copy of class notes',
      'Fidget tools',
      'Visual schedule',
    ];
    // Each Spanish text gets the question its English counterpart gets, never the plan's words quoted.
    for (const [i, text] of texts.entries()) {
      expect(templateOf(text, 'es'), text).toBe(templateOf(english[i]!, 'es'));
      expect(templateOf(text, 'en'), text).toBe(templateOf(english[i]!, 'en'));
    }
    expect(
      childWordsForService(
        { name: 'Instrucción especializada en lectura', area: 'specialized_instruction' },
        'es',
      ),
    ).toBe('el grupo de lectura');
    expect(
      childWordsForService({ name: 'Apoyo en matemáticas', area: 'specialized_instruction' }, 'en'),
    ).toBe('math group');
  });

  it('names the services the way Spanish-speaking children in US schools do', () => {
    expect(childWordsForService(SPEECH, 'es')).toBe('la terapia del habla');
    expect(childWordsForService(READING, 'es')).toBe('el grupo de lectura');
    expect(childWordsForService({ name: 'Occupational therapy', area: 'ot' }, 'es')).toBe(
      'la terapia ocupacional (OT)',
    );
    expect(childWordsForService({ name: 'Physical therapy', area: 'pt' }, 'es')).toBe(
      'la terapia física (PT)',
    );
    expect(childWordsForService({ name: 'Counseling', area: 'counseling' }, 'es')).toBe('la consejería');
    expect(childWordsForService({ name: 'Math support', area: 'specialized_instruction' }, 'es')).toBe(
      'el grupo de matemáticas',
    );
    // A service with no common name goes by the plan's own (the data, as given).
    expect(childWordsForService({ name: 'Assistive technology', area: 'other' }, 'es')).toBe(
      'assistive technology',
    );
  });
});

describe('check-in answers', () => {
  const answer = {
    kind: 'session',
    questionKey: 'k',
    ask: 'What happened in speech on Tuesday?',
    serviceId: SPEECH.id,
    outcome: 'did_not_happen',
  };
  it('needs the day for a session the child says happened or did not', () => {
    const result = CheckInInput.safeParse({ childId: ID(9), date: '2026-10-08', answers: [answer] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['answers', 0, 'sessionDate'] });
  });
  it('accepts “not sure” without a day, and refuses a day after the check-in', () => {
    expect(
      CheckInInput.safeParse({
        childId: ID(9),
        date: '2026-10-08',
        answers: [{ ...answer, outcome: 'not_sure' }],
      }).success,
    ).toBe(true);
    const late = CheckInInput.safeParse({
      childId: ID(9),
      date: '2026-10-08',
      answers: [{ ...answer, sessionDate: '2026-10-09' }],
    });
    expect(late.error!.issues[0]!.message).toContain('check-in date');
  });
});
