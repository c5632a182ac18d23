// The demo household's words, by language: every text the demo writes into the record (as the parent
// typed it, or as the school's documents give it). The demo's records are the household's, so a demo
// is in one language (`as-written demo --lang es`); only its words change with it: every date, number,
// status, reason and record is the same, so the ledger, the patterns and the advisor say the same in
// both (test/integration/demo-spanish.test.ts).
//
// The Spanish demo is the record of a Spanish-reading parent whose child's school works in English. She
// keeps the record in her language, from the Spanish translation of the IEP the school gave her (the
// services, accommodations, goals and behavior plan as that translation words them): the messages are
// her log of each exchange, so the school's emails and the call are there as she summarized them, in
// Spanish, like her own notes and observations. The school's English lives in its own papers (the
// worksheet photo).
//
// What stays in English in both: names of people and of the school, and the staff's job titles (team
// roles and the services' provider roles), which she copies from the school's staff list: the letters
// to the English-speaking school name each person by the title the school gives them. (A family that
// types the titles in Spanish is read as well: "Administradora de casos" is the case manager and
// "Directora" the principal, src/domain/team-roles.ts.)
//
// Spanish follows docs/glossary-es.md (adaptaciones, sesión de reposición, informe de progreso,
// reevaluación, año escolar extendido (ESY), plan de conducta...).

export const DEMO_LANGUAGES = ['en', 'es'] as const;
export type DemoLanguage = (typeof DEMO_LANGUAGES)[number];

export function isDemoLanguage(value: string): value is DemoLanguage {
  return (DEMO_LANGUAGES as readonly string[]).includes(value);
}

/** One service as the plan lists it. */
type ServiceWords = { name: string; providerRole: string; sourceText: string };

export type DemoWords = {
  householdName: string;
  /** The child's school, and the calendar's name ("Maple Street Elementary 2026-2027"). */
  school: string;
  calendarName: (years: string) => string;
  /** The plan's title ("IEP, 2026-2027"). */
  planTitle: (years: string) => string;
  calendar: {
    indigenousPeoplesDay: string;
    veteransDay: string;
    thanksgivingBreak: string;
    winterBreak: string;
    newYearsDay: string;
    mlkDay: string;
    presidentsDay: string;
    springBreak: string;
    memorialDay: string;
    snowDay: string;
    parentConferences: string;
  };
  /** Reasons the parent (or the school's log) gave for the story's sessions. */
  story: {
    therapistOtherSchool: string;
    backToSchoolAssembly: string;
    fireDrill: string;
    homeSick: string;
    therapistOut: string;
    snowDay: string;
    makeupForAssembly: string;
    otAtAnotherSchool: string;
    noNoteInFolder: string;
    fallBenchmark: string;
    fieldTrip: string;
    readingTeacherCovering: string;
  };
  /** Reasons of the ordinary weeks' misses, in the order the weeks use them. */
  ordinary: {
    speechMisses: [string, string, string, string];
    readingMisses: [string, string, string];
    otFever: string;
  };
  classes: { math: string; science: string; english: string; socialStudies: string; spelling: string };
  services: {
    speech: ServiceWords & { location: string; esyLabel: string };
    ot: ServiceWords;
    reading: ServiceWords & { location: string };
  };
  /** In the plan's order: seating, extended time, headphones, calculator, directions. */
  accommodations: [string, string, string, string, string];
  observations: {
    backRow: string;
    movedUpFront: string;
    subCollectedTest: string;
    quizStopped: string;
    substituteAgain: string;
    lockedCabinet: string;
    stillLocked: string;
    longDivision: string;
  };
  goals: {
    speechArea: string;
    speechText: string;
    speechTarget: string;
    speechMeasurement: string;
    readingArea: string;
    readingText: string;
    readingTarget: string;
    readingMeasurement: string;
    /** The first plan's baselines (August of the story's year). */
    speechBaseline: (year: number) => string;
    readingBaseline: string;
    /** The renewed plan's baselines (May of the review). */
    renewedSpeechBaseline: (year: number) => string;
    renewedReadingBaseline: (year: number) => string;
    /** "60 words correct per minute". */
    wordsPerMinute: (n: number) => string;
    speechReached: string;
  };
  /** Trigger, strategy, reward, response. */
  behaviorSteps: [string, string, string, string];
  incidents: { assembly: string; fireDrill: string; lunch: string };
  /** Job titles, as the school's staff list gives them (see above: they stay in English). */
  roles: {
    caseManager: string;
    speechPathologist: string;
    occupationalTherapist: string;
    readingSpecialist: string;
    principal: string;
  };
  messages: {
    headphonesSubject: string;
    headphonesBody: string;
    headphonesReplySubject: string;
    headphonesReplyBody: string;
    callSummary: string;
    callDecisions: string;
    callNextSteps: string;
    makeupSubject: string;
    makeupBody: string;
    reviewSubject: string;
    reviewSummary: string;
    reviewDecisions: string;
    reviewNextSteps: string;
    reviewEmailSubject: string;
    reviewEmailBody: string;
    reviewReplySubject: string;
    reviewReplyBody: string;
  };
  notes: { upsetFridays: string; chapterBook: string };
  keyDates: {
    firstProgressReport: string;
    secondProgressReport: string;
    thirdProgressReport: string;
    annualReviewDue: string;
    reevaluationDue: string;
    annualReviewHeld: string;
  };
  workSample: { title: string; note: string };
};

const en: DemoWords = {
  householdName: 'Demo household (the article’s story)',
  school: 'Maple Street Elementary',
  calendarName: (years) => `Maple Street Elementary ${years}`,
  planTitle: (years) => `IEP, ${years}`,
  calendar: {
    indigenousPeoplesDay: "Indigenous Peoples' Day",
    veteransDay: 'Veterans Day',
    thanksgivingBreak: 'Thanksgiving break',
    winterBreak: 'Winter break',
    newYearsDay: "New Year's Day",
    mlkDay: 'Martin Luther King Jr. Day',
    presidentsDay: "Presidents' Day",
    springBreak: 'Spring break',
    memorialDay: 'Memorial Day',
    snowDay: 'Snow day (early storm)',
    parentConferences: 'Parent conferences',
  },
  story: {
    therapistOtherSchool: 'Therapist at her other school on Tuesdays',
    backToSchoolAssembly: 'Back-to-school assembly',
    fireDrill: 'Fire drill',
    homeSick: 'Home sick',
    therapistOut: 'Therapist out',
    snowDay: 'Snow day',
    makeupForAssembly: 'Make-up for the assembly',
    otAtAnotherSchool: 'OT at another school',
    noNoteInFolder: 'No note in the folder',
    fallBenchmark: 'Fall benchmark testing',
    fieldTrip: 'Field trip to the science museum',
    readingTeacherCovering: 'Reading teacher covering a class',
  },
  ordinary: {
    speechMisses: [
      'Mr. Chen at a district training',
      'Home with a cold',
      'Winter concert rehearsal',
      'State testing in the speech room',
    ],
    readingMisses: ['Assembly', 'Winter benchmark testing', 'Home with a cold'],
    otFever: 'Home with a fever',
  },
  classes: {
    math: 'Math',
    science: 'Science',
    english: 'English',
    socialStudies: 'Social studies',
    spelling: 'Spelling',
  },
  services: {
    speech: {
      name: 'Speech-language therapy',
      providerRole: 'Speech-language pathologist',
      location: 'Speech therapy room',
      sourceText: 'Speech-language therapy, 30 minutes 2 times per week, pull-out, group of no more than 3',
      esyLabel: 'Extended school year',
    },
    ot: {
      name: 'Occupational therapy',
      providerRole: 'Occupational therapist',
      sourceText: 'Occupational therapy, 30 minutes 1 time per week, outside general education',
    },
    reading: {
      name: 'Specialized reading instruction',
      providerRole: 'Reading specialist',
      location: 'Resource room',
      sourceText: 'Reading, 45 minutes 3 times per week, resource room, group of no more than 4',
    },
  },
  accommodations: [
    'Preferential seating near the teacher and away from distractions',
    'Extended time (1.5x) on tests and quizzes',
    'Noise-canceling headphones available during independent work and tests',
    'Use of a calculator for math assignments and tests',
    'Directions simplified and repeated; written copy of instructions',
  ],
  observations: {
    backRow: 'Sat in the back row again',
    movedUpFront: 'Moved up front',
    subCollectedTest: 'The sub collected the test on time',
    quizStopped: 'Quiz stopped at question 6',
    substituteAgain: 'Substitute again',
    lockedCabinet: 'In a locked cabinet, nobody had the key',
    stillLocked: 'Still locked away',
    longDivision: 'Long division done by hand',
  },
  goals: {
    speechArea: 'Speech',
    speechText: 'Emma will produce /r/ in words and sentences with 80% accuracy in structured activities.',
    speechTarget: '80% accuracy across three consecutive sessions',
    speechMeasurement: 'Therapist data sheets',
    readingArea: 'Reading',
    readingText: 'Emma will read grade-level passages at 90 words correct per minute.',
    readingTarget: '90 words correct per minute',
    readingMeasurement: 'Monthly fluency probes',
    speechBaseline: (year) => `35% accuracy at the word level (August ${year})`,
    readingBaseline: '58 words correct per minute',
    renewedSpeechBaseline: (year) => `62% accuracy at the word level (May ${year})`,
    renewedReadingBaseline: (year) => `74 words correct per minute (May ${year})`,
    wordsPerMinute: (n) => `${n} words correct per minute`,
    speechReached: '62% accuracy on /r/ at the word level',
  },
  behaviorSteps: [
    'Loud, unstructured transitions (hallways, assemblies)',
    'Offer a sensory break before transitions; give a two-minute warning',
    'Token chart: five tokens earn ten minutes of a chosen activity',
    'Calm-down corner with a visual timer; no removal from recess as a consequence',
  ],
  incidents: {
    assembly: 'Overwhelmed at the assembly; sent to the office',
    fireDrill: 'Meltdown in the hallway during the fire drill',
    lunch: 'Refused to go to lunch; kept in from recess',
  },
  roles: {
    caseManager: 'Case manager',
    speechPathologist: 'Speech-language pathologist',
    occupationalTherapist: 'Occupational therapist',
    readingSpecialist: 'Reading specialist',
    principal: 'Principal',
  },
  messages: {
    headphonesSubject: 'Headphones',
    headphonesBody:
      'Emma says her noise-canceling headphones are kept in a locked cabinet and nobody had the key this week. Could we problem-solve together so she can reach them during independent work and tests?',
    headphonesReplySubject: 'Re: Headphones',
    headphonesReplyBody:
      'Thank you for letting me know. I have moved the headphones to a basket at her desk.',
    callSummary:
      'Mr. Chen called about the speech schedule: he is at the school only on Tuesdays until November.',
    callDecisions: 'Speech stays at one session a week until Mr. Chen is back to two days.',
    callNextSteps: 'Mr. Chen will send a schedule for the make-up sessions.',
    makeupSubject: 'Make-up sessions for speech',
    makeupBody:
      'Thank you for the call yesterday. Could you send the schedule for the make-up sessions, so Emma gets the speech minutes she missed?',
    reviewSubject: 'Annual IEP review',
    reviewSummary:
      'Annual IEP review with Ms. Alvarez, Mr. Chen, Ms. Okafor and Mrs. Patel. Emma is at 62% on /r/ at the word level and reads 74 words correct per minute.',
    reviewDecisions:
      'Next year: speech stays at 30 minutes twice a week, OT at 30 minutes a week, reading at 45 minutes three times a week. Same accommodations and behavior plan; the goals keep their targets, with the new baselines. The new IEP starts on the first day of school.',
    reviewNextSteps:
      'Ms. Alvarez will put the signed IEP in Emma’s folder. Mr. Chen will propose times to make up the speech sessions still owed.',
    reviewEmailSubject: 'Summary of the annual review',
    reviewEmailBody:
      'Thank you all for the meeting yesterday. To make sure I understood: Emma’s services, accommodations and behavior plan stay the same next year, the goals keep their targets with the new baselines, and the new IEP starts on the first day of school. Mr. Chen will propose times to make up the speech sessions still owed.',
    reviewReplySubject: 'Re: Summary of the annual review',
    reviewReplyBody: 'Yes, that is right. The signed IEP is in Emma’s folder today.',
  },
  notes: {
    upsetFridays: 'Emma has been coming home upset on Fridays, after the spelling test.',
    chapterBook: 'Emma read a whole chapter book aloud at bedtime.',
  },
  keyDates: {
    firstProgressReport: 'First progress report',
    secondProgressReport: 'Second progress report',
    thirdProgressReport: 'Third progress report',
    annualReviewDue: 'Annual IEP review due',
    reevaluationDue: 'Three-year reevaluation due',
    annualReviewHeld: 'Annual IEP review held',
  },
  workSample: {
    title: 'Reading response worksheet',
    note: 'Directions were rewritten as three numbered steps at the top.',
  },
};

const es: DemoWords = {
  householdName: 'Familia de demostración (la historia del artículo)',
  school: en.school,
  calendarName: en.calendarName,
  planTitle: en.planTitle,
  calendar: {
    indigenousPeoplesDay: 'Día de los Pueblos Indígenas',
    veteransDay: 'Día de los Veteranos',
    thanksgivingBreak: 'Vacaciones de Acción de Gracias',
    winterBreak: 'Vacaciones de invierno',
    newYearsDay: 'Año Nuevo',
    mlkDay: 'Día de Martin Luther King Jr.',
    presidentsDay: 'Día de los Presidentes',
    springBreak: 'Vacaciones de primavera',
    memorialDay: 'Día de los Caídos',
    snowDay: 'Escuela cerrada por nieve (tormenta temprana)',
    parentConferences: 'Conferencias de padres y maestros',
  },
  story: {
    therapistOtherSchool: 'El terapeuta está en su otra escuela los martes',
    backToSchoolAssembly: 'Asamblea de regreso a clases',
    fireDrill: 'Simulacro de incendio',
    homeSick: 'Enferma en casa',
    therapistOut: 'Faltó el terapeuta',
    snowDay: 'Escuela cerrada por nieve',
    makeupForAssembly: 'Reposición de la sesión de la asamblea',
    otAtAnotherSchool: 'La terapeuta ocupacional estaba en otra escuela',
    noNoteInFolder: 'No había ninguna nota en la carpeta',
    fallBenchmark: 'Pruebas de otoño (benchmark)',
    fieldTrip: 'Excursión al museo de ciencias',
    readingTeacherCovering: 'La maestra de lectura estaba cubriendo otra clase',
  },
  ordinary: {
    speechMisses: [
      'El Sr. Chen tenía una capacitación del distrito',
      'En casa con un resfriado',
      'Ensayo del concierto de invierno',
      'Exámenes estatales en el salón de terapia',
    ],
    readingMisses: ['Asamblea', 'Pruebas de invierno (benchmark)', 'En casa con un resfriado'],
    otFever: 'En casa con fiebre',
  },
  classes: {
    math: 'Matemáticas',
    science: 'Ciencias',
    english: 'Inglés',
    socialStudies: 'Estudios sociales',
    spelling: 'Ortografía',
  },
  services: {
    speech: {
      name: 'Terapia del habla y lenguaje',
      providerRole: en.services.speech.providerRole,
      location: 'Salón de terapia del habla',
      sourceText:
        'Terapia del habla y lenguaje, 30 minutos 2 veces por semana, fuera del salón, en grupo de no más de 3',
      esyLabel: 'Año escolar extendido (ESY)',
    },
    ot: {
      name: 'Terapia ocupacional',
      providerRole: en.services.ot.providerRole,
      sourceText: 'Terapia ocupacional, 30 minutos 1 vez por semana, fuera de la educación general',
    },
    reading: {
      name: 'Instrucción especializada en lectura',
      providerRole: en.services.reading.providerRole,
      location: 'Salón de recursos',
      sourceText: 'Lectura, 45 minutos 3 veces por semana, salón de recursos, en grupo de no más de 4',
    },
  },
  accommodations: [
    'Asiento preferencial cerca de la maestra y lejos de distracciones',
    'Tiempo extendido (1.5x) en exámenes y pruebas cortas',
    'Audífonos con cancelación de ruido disponibles durante el trabajo independiente y los exámenes',
    'Uso de calculadora en las tareas y los exámenes de matemáticas',
    'Instrucciones simplificadas y repetidas; copia escrita de las instrucciones',
  ],
  observations: {
    backRow: 'Otra vez la sentaron en la última fila',
    movedUpFront: 'La pasaron adelante',
    subCollectedTest: 'La maestra suplente recogió el examen a la hora de siempre',
    quizStopped: 'La prueba se quedó en la pregunta 6',
    substituteAgain: 'Otra vez con suplente',
    lockedCabinet: 'En un gabinete cerrado con llave; nadie tenía la llave',
    stillLocked: 'Siguen guardados bajo llave',
    longDivision: 'Hizo las divisiones largas a mano',
  },
  goals: {
    speechArea: 'Habla',
    speechText:
      'Emma producirá el sonido /r/ en palabras y oraciones con un 80 % de precisión en actividades estructuradas.',
    speechTarget: '80 % de precisión en tres sesiones seguidas',
    speechMeasurement: 'Hojas de datos del terapeuta',
    readingArea: 'Lectura',
    readingText: 'Emma leerá textos de su grado a 90 palabras correctas por minuto.',
    readingTarget: '90 palabras correctas por minuto',
    readingMeasurement: 'Pruebas mensuales de fluidez',
    speechBaseline: (year) => `35 % de precisión a nivel de palabra (agosto de ${year})`,
    readingBaseline: '58 palabras correctas por minuto',
    renewedSpeechBaseline: (year) => `62 % de precisión a nivel de palabra (mayo de ${year})`,
    renewedReadingBaseline: (year) => `74 palabras correctas por minuto (mayo de ${year})`,
    wordsPerMinute: (n) => `${n} palabras correctas por minuto`,
    speechReached: '62 % de precisión con /r/ a nivel de palabra',
  },
  behaviorSteps: [
    'Transiciones ruidosas y sin estructura (pasillos, asambleas)',
    'Ofrecerle una pausa sensorial antes de las transiciones; avisarle dos minutos antes',
    'Tabla de fichas: cinco fichas le dan diez minutos de una actividad que ella elija',
    'Rincón de calma con un reloj visual; no quitarle el recreo como consecuencia',
  ],
  incidents: {
    assembly: 'Se abrumó en la asamblea; la mandaron a la oficina',
    fireDrill: 'Crisis en el pasillo durante el simulacro de incendio',
    lunch: 'No quiso ir a almorzar; la dejaron sin recreo',
  },
  roles: en.roles,
  messages: {
    headphonesSubject: 'Audífonos',
    headphonesBody:
      'Emma dice que sus audífonos con cancelación de ruido están en un gabinete cerrado con llave y que esta semana nadie tenía la llave. ¿Podemos buscar juntos una solución para que los tenga a mano durante el trabajo independiente y los exámenes?',
    headphonesReplySubject: 'Re: Audífonos',
    headphonesReplyBody: 'Gracias por avisarme. Ya puse los audífonos en una canasta junto a su escritorio.',
    callSummary:
      'El Sr. Chen llamó por el horario de terapia del habla: solo está en la escuela los martes hasta noviembre.',
    callDecisions:
      'La terapia del habla sigue con una sesión por semana hasta que el Sr. Chen vuelva a venir dos días.',
    callNextSteps: 'El Sr. Chen va a mandar un horario para las sesiones de reposición.',
    makeupSubject: 'Sesiones de reposición de terapia del habla',
    makeupBody:
      'Gracias por la llamada de ayer. ¿Me pueden mandar el horario de las sesiones de reposición, para que Emma reciba los minutos de terapia del habla que perdió?',
    reviewSubject: 'Revisión anual del IEP',
    reviewSummary:
      'Revisión anual del IEP con la Sra. Alvarez, el Sr. Chen, la Sra. Okafor y la Sra. Patel. Emma está en un 62 % con /r/ a nivel de palabra y lee 74 palabras correctas por minuto.',
    reviewDecisions:
      'El próximo año, la terapia del habla sigue con 30 minutos dos veces por semana, la terapia ocupacional con 30 minutos por semana y la lectura con 45 minutos tres veces por semana. Las mismas adaptaciones y el mismo plan de conducta; las metas mantienen sus objetivos, con los nuevos puntos de partida. El nuevo IEP empieza el primer día de clases.',
    reviewNextSteps:
      'La Sra. Alvarez va a poner el IEP firmado en la carpeta de Emma. El Sr. Chen va a proponer horarios para reponer las sesiones de terapia del habla que todavía se deben.',
    reviewEmailSubject: 'Resumen de la revisión anual',
    reviewEmailBody:
      'Gracias a todos por la reunión de ayer. Quiero asegurarme de que entendí bien: los servicios, las adaptaciones y el plan de conducta de Emma siguen iguales el próximo año, las metas mantienen sus objetivos con los nuevos puntos de partida y el nuevo IEP empieza el primer día de clases. El Sr. Chen va a proponer horarios para reponer las sesiones de terapia del habla que todavía se deben.',
    reviewReplySubject: 'Re: Resumen de la revisión anual',
    reviewReplyBody: 'Sí, así es. El IEP firmado ya está en la carpeta de Emma.',
  },
  notes: {
    upsetFridays: 'Últimamente Emma llega a casa alterada los viernes, después del examen de ortografía.',
    chapterBook: 'Emma leyó en voz alta un libro de capítulos completo antes de dormir.',
  },
  keyDates: {
    firstProgressReport: 'Primer informe de progreso',
    secondProgressReport: 'Segundo informe de progreso',
    thirdProgressReport: 'Tercer informe de progreso',
    annualReviewDue: 'Fecha límite de la revisión anual del IEP',
    reevaluationDue: 'Fecha límite de la reevaluación de tres años',
    annualReviewHeld: 'Se hizo la revisión anual del IEP',
  },
  workSample: {
    title: 'Hoja de respuesta de lectura',
    note: 'Las instrucciones estaban reescritas arriba, en tres pasos numerados.',
  },
};

export const DEMO_WORDS: Readonly<Record<DemoLanguage, DemoWords>> = { en, es };
