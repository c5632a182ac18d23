import { describe, expect, it } from 'vitest';
import enFindings from './i18n/locales/en/findings.json' with { type: 'json' };
import esFindings from './i18n/locales/es/findings.json' with { type: 'json' };
import {
  type AccommodationObservation,
  type BehaviorIncident,
  type BehaviorStepRef,
  type ClassPeriod,
  FINDING_RULES,
  type Finding,
  type FindingLanguage,
  findAccommodationLapsePatterns,
  findBehaviorPlanPatterns,
  findDisagreements,
  findGoalFlags,
  findPullOutConflicts,
  type GoalProgressPoint,
  type GoalRef,
  type PullOutSession,
  type SessionClaim,
} from './implementation-patterns.ts';
import { capitalize } from './letter-words.ts';

// The pattern findings in the reader's language (issue 17): on records that trip every rule of
// FINDING_RULES, with and without labels, the Spanish findings are the English ones (same rule, subject,
// severity and entries) in other words: no English sentence of the findings catalog is left in them,
// dates are written the Spanish way, and the record's own words (labels, class and staff names, step
// texts) stay as written.

let nextId = 0;
const newId = (prefix: string) => `${prefix}-${++nextId}`;

function obs(
  accommodationId: string,
  date: string,
  outcome: AccommodationObservation['outcome'],
  more: Partial<AccommodationObservation> = {},
): AccommodationObservation {
  return {
    id: newId('obs'),
    accommodationId,
    date,
    outcome,
    className: null,
    setting: null,
    teacherKind: 'regular',
    staffName: null,
    source: 'child_report',
    ...more,
  };
}

function incident(date: string, more: Partial<BehaviorIncident> = {}): BehaviorIncident {
  return {
    id: newId('inc'),
    date,
    stepsFollowed: [],
    stepsSkipped: [],
    rewardUsed: null,
    consequenceContradicted: null,
    ...more,
  };
}

function point(goalId: string, date: string, numericValue: number | null, isProgressReport = false) {
  return { id: newId('pt'), goalId, date, numericValue, isProgressReport } satisfies GoalProgressPoint;
}

const session = (serviceId: string, date: string, startTime: string | null): PullOutSession => ({
  id: newId('ses'),
  serviceId,
  date,
  startTime,
  status: 'delivered',
});

const claim = (
  serviceId: string,
  date: string,
  status: SessionClaim['status'],
  source: SessionClaim['source'],
): SessionClaim => ({ id: newId('clm'), serviceId, date, status, source });

// ── the records ──

const regularProvided = ['2026-09-14', '2026-09-16', '2026-09-21', '2026-09-23', '2026-09-28'].map((d) =>
  obs('ext-time', d, 'provided', { setting: 'test', className: 'Math' }),
);
const substituteLapses = ['2026-09-15', '2026-10-06', '2026-10-20'].map((d) =>
  obs('ext-time', d, 'not_provided', { teacherKind: 'substitute', setting: 'test' }),
);
/** Six lapses in Math (a list of dates that ends with "and 1 more") and one in English. */
const classLapses = [
  ...['2026-09-14', '2026-09-16', '2026-09-18', '2026-09-21', '2026-09-23', '2026-09-25'].map((d) =>
    obs('seating', d, 'not_provided', { className: 'Math' }),
  ),
  obs('seating', '2026-09-17', 'partly', { className: 'English' }),
  obs('seating', '2026-09-15', 'provided', { className: 'Science' }),
];
const staffLapses = [
  ...['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'].map((d) =>
    obs('headphones', d, 'not_provided', { teacherKind: 'other_staff', staffName: 'Library aide' }),
  ),
  obs('headphones', '2026-10-09', 'provided', { staffName: 'Ms. Park' }),
];
const ACCOMMODATION_LABELS = {
  'ext-time': 'extended time',
  seating: 'preferential seating',
  headphones: 'noise-canceling headphones',
};

const STEPS: BehaviorStepRef[] = [
  { id: 'break', kind: 'strategy', text: 'Offer a break in the calm corner' },
  { id: 'tokens', kind: 'reward', text: 'Token chart: 5 tokens earn free time' },
  { id: 'praise', kind: 'reward', text: 'Praise in private' },
];
/** "break" skipped three times, a step the plan no longer has skipped three times, two contradictions. */
const incidents = [
  ...['2026-10-01', '2026-10-08', '2026-10-15'].map((d) =>
    incident(d, { stepsSkipped: ['break', 'gone-step'], rewardUsed: false, consequenceContradicted: true }),
  ),
  incident('2026-10-22', { stepsFollowed: ['break'], rewardUsed: true }),
];
/** Three incidents without any reward step followed (rewardUsed not recorded). */
const rewardless = ['2026-10-01', '2026-10-08', '2026-10-15'].map((d) => incident(d));

const READING: GoalRef = { id: 'goal-read', targetValue: 80, higherIsBetter: true };
const WRITING: GoalRef = { id: 'goal-write', targetValue: null, higherIsBetter: true };
const MATH: GoalRef = { id: 'goal-math', targetValue: 10, higherIsBetter: true };
const goalPoints = [
  point('goal-read', '2026-11-13', 40, true),
  point('goal-read', '2027-01-29', 40, true),
  point('goal-write', '2026-11-13', 3, true),
  point('goal-write', '2027-01-29', 2, true),
  point('goal-math', '2026-12-02', 12),
];
const GOAL_LABELS = { 'goal-read': 'reading fluency', 'goal-write': 'writing', 'goal-math': 'math facts' };

const TIMETABLE: ClassPeriod[] = [
  { weekday: 2, startTime: '10:00', endTime: '10:45', className: 'Science' },
  { weekday: 4, startTime: '10:00', endTime: '10:45', className: 'Science' },
];
const pullOuts = ['2026-09-15', '2026-09-17', '2026-09-22', '2026-09-24'].map((d) =>
  session('reading', d, '10:00'),
);

const claims = [
  claim('speech', '2026-09-15', 'delivered', 'school_log'),
  claim('speech', '2026-09-15', 'missed', 'child_report'),
  claim('speech', '2026-09-15', 'short', 'provider'),
  claim('ot', '2026-09-17', 'missed', 'parent'),
  claim('ot', '2026-09-17', 'short', 'provider'),
  claim('speech', '2026-11-19', 'delivered', 'provider_link'),
  claim('speech', '2026-11-19', 'missed', 'parent'),
  claim('ot', '2026-11-20', 'delivered', 'parent'),
  claim('ot', '2026-11-20', 'missed', 'child_report'),
];
const SERVICE_LABELS = { reading: 'reading', speech: 'speech' };

/** Every detector on the records above, with labels and without, in `language`. */
function allFindings(language?: FindingLanguage): Finding[] {
  const lapses = [...regularProvided, ...substituteLapses, ...classLapses, ...staffLapses];
  return [
    ...findAccommodationLapsePatterns(lapses, ACCOMMODATION_LABELS, language),
    ...findAccommodationLapsePatterns(lapses, {}, language),
    ...findBehaviorPlanPatterns(incidents, STEPS, language),
    ...findBehaviorPlanPatterns(rewardless, STEPS, language),
    ...findBehaviorPlanPatterns(rewardless, STEPS.slice(0, 2), language),
    ...findGoalFlags(
      [READING, WRITING, MATH],
      goalPoints,
      '2027-02-12',
      '2027-01-29',
      GOAL_LABELS,
      null,
      language,
    ),
    ...findGoalFlags([READING, WRITING, MATH], goalPoints, '2027-02-13', '2027-01-29', {}, null, language),
    ...findPullOutConflicts(pullOuts, TIMETABLE, SERVICE_LABELS, language),
    ...findPullOutConflicts(pullOuts, TIMETABLE, {}, language),
    ...findDisagreements(claims, SERVICE_LABELS, undefined, language),
    ...findDisagreements(claims, {}, undefined, language),
  ];
}

/** The record's own words, as written (and capitalized, as a title). */
const RECORD_WORDS = [
  ...Object.values(ACCOMMODATION_LABELS),
  ...Object.values(GOAL_LABELS),
  ...Object.values(SERVICE_LABELS),
  ...STEPS.map((s) => s.text),
  'Math',
  'Science',
  'Library aide',
]
  .flatMap((w) => [w, capitalize(w)])
  .sort((a, b) => b.length - a.length);

/** The literal runs of three words or more of every English findings message. */
const ENGLISH_RUNS = Object.values(enFindings as Record<string, string>)
  .flatMap((m) => m.split(/[{}]/))
  .map((run) =>
    run
      .trim()
      .replace(/^[,.;:()“”?]+|[,.;:()“”?]+$/g, '')
      .trim(),
  )
  .filter((run) => run.split(/\s+/).length >= 3 && !/^[a-z_]+,? (select|plural),/i.test(run));

describe('the pattern findings in Spanish', () => {
  const en = allFindings();
  const es = allFindings('es');

  it('trips every rule of FINDING_RULES (the test covers them all)', () => {
    expect([...new Set(es.map((f) => f.rule))].sort()).toEqual(Object.values(FINDING_RULES).sort());
  });

  it('gives the same findings as in English, only the words differ', () => {
    const facts = (f: Finding) => ({
      rule: f.rule,
      subjectId: f.subjectId,
      severity: f.severity,
      entryIds: f.entryIds,
    });
    expect(es.map(facts)).toEqual(en.map(facts));
    for (const [i, f] of es.entries()) {
      expect(f.message).not.toBe(en[i]!.message);
      expect(f.question).not.toBe(en[i]!.question);
    }
  });

  it('leaves no English sentence of the findings in the Spanish words', () => {
    expect(ENGLISH_RUNS.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const f of es) {
      for (const sentence of [f.message, f.question]) {
        const own = RECORD_WORDS.reduce((text, w) => text.split(w).join(' … '), sentence);
        for (const run of ENGLISH_RUNS) if (own.includes(run)) problems.push(`“${run}” in ${sentence}`);
        const word = / (the|was|your|with|of|and|on|did|has|goal|session)[ .,;:]/i.exec(own);
        if (word) problems.push(`“${word[1]}” in ${sentence}`);
        if (/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d/.test(own)) problems.push(sentence);
        if (/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun),/.test(own)) problems.push(sentence);
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes dates and lists the Spanish way, and keeps the record’s words as written', () => {
    const find = (rule: string, subjectId: string, label: RegExp) =>
      es.find((f) => f.rule === rule && f.subjectId === subjectId && label.test(f.message))!;
    expect(find(FINDING_RULES.substituteLapses, 'ext-time', /«/).message).toBe(
      'Se anotó que «Extended time» no se dio, o solo en parte, en 3 de 3 días con maestro(a) suplente ' +
        '(15 de septiembre, 6 de octubre y 20 de octubre), frente a 0 de 5 días con su maestro(a) de siempre.',
    );
    expect(find(FINDING_RULES.classLapses, 'seating', /«/).message).toBe(
      'Se anotó que «Preferential seating» no se dio, o solo en parte, 6 de 7 veces en Math ' +
        '(14 de septiembre, 16 de septiembre, 18 de septiembre, 21 de septiembre, 23 de septiembre y 1 más).',
    );
    expect(find(FINDING_RULES.staffLapses, 'headphones', /esta adaptación/).question).toBe(
      '¿Tiene Library aide la lista de adaptaciones? ¿Podríamos revisar juntos si algo hace difícil dar esta adaptación?',
    );
    expect(find(FINDING_RULES.stepSkipped, 'break', /./).message).toBe(
      'El paso «Offer a break in the calm corner» se omitió en 3 incidentes y se siguió en 1 ' +
        '(se omitió: 1 de octubre, 8 de octubre y 15 de octubre).',
    );
    expect(find(FINDING_RULES.noDataSinceReport, 'goal-read', /reading/).message).toBe(
      'La meta de reading fluency no tiene datos anotados desde el informe de progreso del viernes 29 de enero (hace 14 días).',
    );
    expect(find(FINDING_RULES.noProgress, 'goal-read', /reading/).message).toBe(
      'La meta de reading fluency pasó de 40 (viernes 13 de noviembre) a 40 (viernes 29 de enero) ' +
        'en los dos últimos informes de progreso; el objetivo es 80.',
    );
    expect(find(FINDING_RULES.pullOutConflict, 'reading', /Reading/).question).toBe(
      'Reading saca a su hijo(a) de Science casi siempre; ¿hay otro horario posible?',
    );
    expect(find(FINDING_RULES.disagreement, 'speech', /speech.*15 de septiembre/)).toMatchObject({
      message:
        'El registro de la escuela dice que speech se dio el martes 15 de septiembre; ' +
        'el proveedor dice que se dio (más corta); su hijo(a) recuerda que no se dio.',
      question: '¿Podríamos revisar juntos el registro?',
    });
  });

  it('keeps English for any other reader, and every Spanish message has its English one', () => {
    expect(allFindings('en')).toEqual(en);
    expect(en.find((f) => f.rule === FINDING_RULES.disagreement && f.subjectId === 'speech')!.message).toBe(
      'The school log says speech happened on Tue, Sep 15; the provider says it happened (shortened); your child remembers it did not.',
    );
    expect(Object.keys(esFindings).sort()).toEqual(Object.keys(enFindings).sort());
  });
});
