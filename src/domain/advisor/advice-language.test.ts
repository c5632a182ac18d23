import { describe, expect, it } from 'vitest';
import {
  ADVISOR_RULES,
  advise,
  FILING_WINDOWS_SENTENCE,
  type Recommendation,
  resolveAdvisorSettings,
} from '../advisor.ts';
import type {
  CaseAccommodation,
  CaseContact,
  CaseParentNote,
  CasePlan,
  CaseRecord,
  CaseService,
} from '../case-record.ts';
import type { Communication } from '../communications.ts';
import { isoWeekday } from '../dates.ts';
import enAdvice from '../i18n/locales/en/advice.json' with { type: 'json' };
import enFindings from '../i18n/locales/en/findings.json' with { type: 'json' };
import esAdvice from '../i18n/locales/es/advice.json' with { type: 'json' };
import {
  type AccommodationObservation,
  type Finding,
  type FindingLanguage,
  findAccommodationLapsePatterns,
  findDisagreements,
  findGoalFlags,
  type GoalProgressPoint,
} from '../implementation-patterns.ts';
import { adviceLanguage } from './words.ts';

// The advisor's recommendations in Spanish (issue 17): on records that trip every rule, under an IDEA
// plan, a 504 plan and an Ontario plan, the Spanish recommendations are the English ones (same ids,
// rules, actions, entries, citations, thresholds, deadlines' dates, letters, steps, people) in other
// words, and no English sentence of the advisor is left in them. What stays as written: the record's own
// data (names, subjects, notes, accommodation texts, class names) and the citations, which this test
// removes before looking for English; a jurisdiction's caveats and ladder notes are said in Spanish
// (src/domain/profile-texts.ts). The pattern findings it quotes are gathered in the reader's language
// too (src/domain/implementation-patterns.ts), so their messages and questions are Spanish here.

const AS_OF = '2026-10-22';
const CHILD = '00000000-0000-7000-8000-000000000001';
const CM = 'contact-case-manager';
const SLP = 'contact-slp';
const PRINCIPAL = 'contact-principal';
const DIRECTOR = 'contact-director';
const HOLIDAYS = new Set(['2026-09-07', '2026-10-12', '2026-11-26', '2026-11-27']);
const isSchoolDay = (d: string) => isoWeekday(d) <= 5 && !HOLIDAYS.has(d);
const settings = resolveAdvisorSettings({});

const TEAM: CaseContact[] = [
  { id: CM, name: 'Ms. Alvarez', role: 'Case manager', email: 'alvarez@school.example' },
  { id: SLP, name: 'Mr. Chen', role: 'Speech-language pathologist', email: 'chen@school.example' },
  { id: PRINCIPAL, name: 'Dr. Brooks', role: 'Principal', email: 'brooks@school.example' },
  { id: DIRECTOR, name: 'Ms. Grant', role: 'Director of Special Education', email: 'grant@district.example' },
];

function plan(more: Partial<CasePlan> = {}): CasePlan {
  return {
    id: 'plan-1',
    kind: 'iep',
    jurisdiction: { country: 'US', region: null },
    title: null,
    effectiveFrom: '2026-09-01',
    effectiveTo: '2027-06-30',
    ...more,
  };
}

function record(more: Partial<CaseRecord> = {}): CaseRecord {
  return {
    asOf: AS_OF,
    child: { id: CHILD, firstName: 'Emma', lastName: null, school: 'Maple Elementary', grade: '3' },
    parent: { name: 'Dana Rivera', email: 'dana@example.org' },
    plan: plan(),
    team: TEAM,
    services: [],
    accommodations: [],
    goals: [],
    findings: [],
    communications: [],
    keyDates: [],
    parentNotes: [],
    isSchoolDay,
    inLongVacation: () => false,
    ...more,
  };
}

function message(id: string, more: Partial<Communication> = {}): Communication {
  return {
    id,
    childId: CHILD,
    kind: 'email',
    direction: 'sent',
    date: '2026-10-12',
    time: null,
    contactIds: [CM],
    otherParties: null,
    subject: 'Speech sessions',
    summary: 'Could we touch base about the speech sessions?',
    decisions: null,
    nextSteps: null,
    inReplyToId: null,
    followsUpId: null,
    replyExpectedBy: '2026-10-19',
    closedWithoutReply: false,
    holdingUntil: null,
    parentPosition: 'unknown',
    messageId: null,
    attachmentIds: [],
    ...more,
  };
}

const REVIEW_WEEKS = ['2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12'];

/** Speech over the four weeks before today's week: the first week missed (owed), the others delivered. */
function speech(more: Partial<CaseService> = {}): CaseService {
  const weeks = REVIEW_WEEKS.map((start, i) => ({
    start,
    requiredMinutes: 60,
    deliveredMinutes: i === 0 ? 0 : 60,
    owedMinutes: i === 0 ? 60 : 0,
    unloggedMinutes: 0,
    entryIds: [`entry-speech-${start}`],
  }));
  return {
    id: 'svc-speech',
    name: 'Speech-language therapy',
    sourceText: 'Speech-language therapy, 30 minutes 2 times per week',
    providerRole: 'Speech-language pathologist',
    startDate: '2026-09-01',
    endDate: '2027-06-30',
    firstDeliveredDate: '2026-09-02',
    ledger: {
      from: '2026-09-01',
      to: AS_OF,
      requiredMinutes: 240,
      deliveredMinutes: 180,
      owedMinutes: 60,
      owedBalanceMinutes: 60,
      makeupMinutes: 0,
      unloggedMinutes: 120,
      percentDelivered: 75,
      misses: [],
    },
    weeks,
    ...more,
  };
}

/** OT, due to start on Oct 6, never delivered. */
const OT: CaseService = {
  ...speech(),
  id: 'svc-ot',
  name: 'Occupational therapy',
  providerRole: 'Occupational therapist',
  startDate: '2026-10-06',
  firstDeliveredDate: null,
  weeks: [],
  ledger: {
    ...speech().ledger,
    requiredMinutes: 0,
    deliveredMinutes: 0,
    owedMinutes: 0,
    owedBalanceMinutes: 0,
  },
};

/** Speech under last year's plan, with two sessions still owed. */
const EARLIER: CaseService = {
  ...speech(),
  id: 'svc-speech-2025',
  startDate: '2025-09-09',
  endDate: '2026-08-31',
  weeks: [],
  earlierPlan: {
    id: 'plan-2025',
    title: 'IEP, 2025-2026',
    effectiveFrom: '2025-09-09',
    effectiveTo: '2026-08-31',
  },
  ledger: {
    ...speech().ledger,
    from: '2025-09-09',
    to: '2026-08-31',
    owedBalanceMinutes: 60,
    misses: [
      {
        entryId: 'miss-2025-10-07',
        date: '2025-10-07',
        reason: 'provider_absent',
        minutes: 30,
        responsibility: 'owed',
        owedRemainingMinutes: 30,
      },
      {
        entryId: 'miss-2026-05-12',
        date: '2026-05-12',
        reason: 'school_closed',
        minutes: 30,
        responsibility: 'owed',
        owedRemainingMinutes: 30,
      },
    ],
  },
};

const CALCULATOR: CaseAccommodation = {
  id: 'acc-calculator',
  text: 'Use of a calculator in math',
  observations: ['2026-10-01', '2026-10-08', '2026-10-15'].map((date, i) => ({
    id: `o${i}`,
    date,
    outcome: 'not_provided' as const,
    className: 'Math',
    setting: 'test',
    teacherKind: 'regular',
    source: 'parent_saw' as const,
    note: null,
  })),
};

/**
 * The pattern findings of the record, worded by the detectors in `language` as the server gathers them:
 * the calculator left out on substitute days, all in Math; the school log and the parent disagreeing
 * about a speech session; the reading goal with no progress, met early once, and no data since its report.
 */
function findingsIn(language: FindingLanguage): Finding[] {
  const calculator = (id: string, date: string, more: Partial<AccommodationObservation>) => ({
    id,
    accommodationId: 'acc-calculator',
    date,
    outcome: 'not_provided' as const,
    className: 'Math',
    setting: 'test' as const,
    teacherKind: 'substitute' as const,
    staffName: null,
    source: 'parent_saw' as const,
    ...more,
  });
  const observations: AccommodationObservation[] = [
    calculator('o0', '2026-10-01', {}),
    calculator('o1', '2026-10-08', {}),
    calculator('o2', '2026-10-15', {}),
    calculator('o3', '2026-10-02', { outcome: 'provided', teacherKind: 'regular' }),
    calculator('o4', '2026-10-09', { outcome: 'provided', teacherKind: 'regular' }),
  ];
  const point = (id: string, date: string, numericValue: number, isProgressReport: boolean) =>
    ({ id, goalId: 'goal-reading', date, numericValue, isProgressReport }) satisfies GoalProgressPoint;
  return [
    ...findAccommodationLapsePatterns(observations, { 'acc-calculator': CALCULATOR.text }, language),
    ...findDisagreements(
      [
        { id: 'c1x', serviceId: 'svc-speech', date: '2026-10-06', status: 'delivered', source: 'school_log' },
        { id: 'c2x', serviceId: 'svc-speech', date: '2026-10-06', status: 'missed', source: 'parent' },
      ],
      { 'svc-speech': 'Speech-language therapy' },
      undefined,
      language,
    ),
    ...findGoalFlags(
      [{ id: 'goal-reading', targetValue: 90, higherIsBetter: true }],
      [
        point('gp3', '2026-05-01', 95, false),
        point('gp1', '2026-06-01', 80, true),
        point('gp2', '2026-09-30', 70, true),
      ],
      AS_OF,
      '2026-09-30',
      { 'goal-reading': 'reading' },
      null,
      language,
    ),
  ];
}

const note = (id: string, kind: CaseParentNote['kind'], date: string): CaseParentNote => ({
  id,
  kind,
  date,
  text: 'Something happened',
});

/** A record that trips most rules at once (the advisor test's kitchen sink), its findings in `language`. */
function everything(planMore: Partial<CasePlan> = {}, language: FindingLanguage = 'en'): CaseRecord {
  const unanswered = (prefix: string) => [
    message(`${prefix}1`, { subject: `Thread ${prefix}`, date: '2026-09-28', replyExpectedBy: '2026-10-05' }),
    message(`${prefix}2`, {
      subject: `Thread ${prefix}`,
      date: '2026-10-06',
      replyExpectedBy: '2026-10-13',
      inReplyToId: `${prefix}1`,
    }),
  ];
  return record({
    plan: plan(planMore),
    communications: [
      ...unanswered('a'),
      ...unanswered('b'),
      message('c1', { subject: 'Thread c', date: '2026-10-05', replyExpectedBy: '2026-10-12' }),
      message('call1', {
        kind: 'phone',
        direction: 'received',
        date: '2026-10-16',
        replyExpectedBy: null,
        nextSteps: 'Check the schedule',
      }),
    ],
    services: [speech(), OT, EARLIER],
    accommodations: [CALCULATOR],
    goals: [{ id: 'goal-reading', area: 'reading', text: 'Read 90 words per minute' }],
    findings: findingsIn(language),
    keyDates: [
      { kind: 'annual_review', date: '2026-10-01', label: null },
      { kind: 'reevaluation', date: '2026-09-01', label: null },
    ],
    parentNotes: [
      note('n1', 'new_challenge', '2026-10-10'),
      note('n2', 'concern', '2026-10-11'),
      note('n3', 'harm', '2026-10-12'),
    ],
  });
}

/** The same record before anything was asked (only the call is logged). */
function notAsked(base: CaseRecord): CaseRecord {
  return { ...base, communications: base.communications.filter((c) => c.kind === 'phone') };
}

/** The same record after a meeting was asked for, with sessions missed since, and the plan's dates long past. */
function afterMeetingRequest(base: CaseRecord): CaseRecord {
  const owed = (entryId: string, date: string) => ({
    entryId,
    date,
    reason: 'provider_absent',
    minutes: 30,
    responsibility: 'owed' as const,
    owedRemainingMinutes: 30,
  });
  return {
    ...base,
    communications: [
      ...base.communications,
      message('mtg', { date: '2026-09-29', replyExpectedBy: '2026-10-06' }),
    ],
    // The annual review well past its date (past the grace days): an escalation, not a question.
    keyDates: base.keyDates.map((k) => ({ ...k, date: '2026-09-01' })),
    lettersSent: [
      {
        letterId: 'letter-mtg',
        kind: 'request_iep_meeting',
        communicationId: 'mtg',
        date: '2026-09-29',
        subjectId: null,
        to: null,
      },
    ],
    services: base.services.map((s) =>
      s.id === 'svc-speech'
        ? {
            ...s,
            ledger: {
              ...s.ledger,
              misses: [owed('miss-early', '2026-09-22'), owed('miss-late', '2026-10-13')],
            },
          }
        : s,
    ),
  };
}

/** One unanswered message; a message and its unanswered follow-up; nothing sent at all. */
const singles: CaseRecord[] = [
  record({ communications: [message('m1', { date: '2026-10-05', replyExpectedBy: '2026-10-12' })] }),
  record({
    communications: [
      message('m1', { date: '2026-10-05', replyExpectedBy: '2026-10-12' }),
      message('m2', { date: '2026-10-13', inReplyToId: 'm1', replyExpectedBy: '2026-10-20' }),
    ],
  }),
  record({ keyDates: [{ kind: 'reevaluation', date: '2026-10-15', label: null }] }),
  // Service logs asked for on Sep 1 and never received (45 days: due Oct 16).
  record({
    services: [speech({ ledger: { ...speech().ledger, unloggedMinutes: 0 } })],
    communications: [
      message('msg-logs', {
        date: '2026-09-01',
        contactIds: [SLP],
        subject: 'Service logs',
        replyExpectedBy: '2026-09-09',
      }),
    ],
    lettersSent: [
      {
        letterId: 'letter-logs',
        kind: 'request_service_logs',
        communicationId: 'msg-logs',
        date: '2026-09-01',
        subjectId: 'svc-speech',
        to: null,
      },
    ],
  }),
];

const PLANS: Partial<CasePlan>[] = [
  {},
  { kind: '504' },
  { jurisdiction: { country: 'CA', region: 'ON' } },
  { jurisdiction: { country: 'US', region: 'IL' } },
];

/** The records, their findings gathered in `language` (as the server gathers them for the reader). */
const recordsIn = (language: FindingLanguage): CaseRecord[] => [
  ...PLANS.flatMap((p) => {
    const base = everything(p, language);
    return [base, notAsked(base), afterMeetingRequest(base)];
  }),
  // Sources that disagree, on their own: the request for the logs quotes them (with the speech
  // service, the request for its logs would cover them).
  record({ findings: findingsIn(language).filter((f) => f.rule === 'sources_disagree') }),
  ...singles,
];
const RECORDS = recordsIn('en');
const SPANISH_RECORDS = recordsIn('es');

/** What must be the same in every language: everything but the words. */
function facts(r: Recommendation) {
  return {
    id: r.id,
    rule: r.rule,
    action: r.action,
    urgency: r.urgency,
    subjectId: r.subjectId,
    entryIds: r.entryIds,
    citation: r.citation,
    thresholds: r.thresholds,
    level: r.confidence.level,
    deadlines: r.deadlines.map((d) => ({ date: d.date, citation: d.citation })),
    letterKind: r.letterKind,
    ladderStep: r.ladderStep,
    contactIds: r.contactIds,
    alsoCovers: (r.alsoCovers ?? []).map((c) => ({ id: c.id, rule: c.rule })),
  };
}

/** Every sentence a recommendation says (not its citations). */
function sentences(r: Recommendation): string[] {
  return [
    r.title,
    r.reason,
    r.confidence.why,
    ...r.deadlines.map((d) => d.label),
    ...(r.alsoCovers ?? []).map((c) => c.title),
  ];
}

/** Text other than the advisor's own words: the records' data, as written. */
function quotedText(rec: CaseRecord): string[] {
  return [
    ...rec.services.map((s) => s.name),
    ...rec.services.map((s) => s.name.toLowerCase()),
    ...rec.accommodations.map((a) => a.text),
    ...rec.parentNotes.map((n) => n.text),
    ...rec.communications.flatMap((c) => (c.subject ? [c.subject] : [])),
    ...rec.team.map((c) => c.name),
    // A finding's record data: the accommodation's words (its label) and the class it names.
    ...rec.accommodations.map((a) => a.text.charAt(0).toUpperCase() + a.text.slice(1)),
    'Math',
    ...rec.goals.map((g) => g.area),
    'IEP, 2025-2026',
  ].sort((a, b) => b.length - a.length);
}

/** The literal runs of three words or more of every English advice message and finding message. */
const ENGLISH_RUNS = [
  ...Object.values(enAdvice as Record<string, string>),
  ...Object.values(enFindings as Record<string, string>),
]
  .flatMap((m) => m.split(/[{}]/))
  .map((run) =>
    run
      .trim()
      .replace(/^[,.;:()“”]+|[,.;:()“”]+$/g, '')
      .trim(),
  )
  .filter((run) => run.split(/\s+/).length >= 3 && !/^[a-z_]+,? (select|plural),/i.test(run));

describe('the advisor in Spanish', () => {
  const pairs = RECORDS.map((rec, i) => ({
    rec: SPANISH_RECORDS[i]!,
    en: advise(rec, settings),
    es: advise(SPANISH_RECORDS[i]!, settings, 'es'),
  }));

  it('quotes findings of every kind the advisor reads, gathered in each language', () => {
    const kinds = (records: CaseRecord[]) => [
      ...new Set(records.flatMap((r) => r.findings.map((f) => f.rule))),
    ];
    expect(kinds(SPANISH_RECORDS).sort()).toEqual(kinds(RECORDS).sort());
    expect(kinds(RECORDS)).toHaveLength(6);
  });

  it('trips every rule of ADVISOR_RULES in the records here (the test covers them all)', () => {
    const fired = new Set(
      pairs.flatMap(({ es }) => es.flatMap((r) => [r.rule, ...(r.alsoCovers ?? []).map((c) => c.rule)])),
    );
    expect([...fired].sort()).toEqual(Object.values(ADVISOR_RULES).sort());
  });

  it('gives the same recommendations as in English, only the words differ', () => {
    for (const { en, es } of pairs) {
      expect(es.map(facts)).toEqual(en.map(facts));
      for (const [i, r] of es.entries()) {
        const english = en[i]!;
        expect(r.title, r.id).not.toBe(english.title);
        expect(r.reason, r.id).not.toBe(english.reason);
        expect(r.confidence.why, r.id).not.toBe(english.confidence.why);
        for (const [j, d] of r.deadlines.entries())
          expect(d.label, r.id).not.toBe(english.deadlines[j]!.label);
      }
    }
  });

  it('leaves no English sentence of the advisor in the Spanish words', () => {
    expect(ENGLISH_RUNS.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const { rec, es } of pairs) {
      const quoted = quotedText(rec);
      for (const r of es) {
        for (const sentence of sentences(r)) {
          const own = quoted.reduce((text, q) => text.split(q).join(' … '), sentence);
          for (const run of ENGLISH_RUNS) if (own.includes(run)) problems.push(`${r.id}: “${run}” in ${own}`);
          const word = / (the|your|was|were|with|from|and|by|of) /i.exec(own);
          if (word) problems.push(`${r.id}: “${word[1]}” in ${own}`);
          if (/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d/.test(own))
            problems.push(`${r.id}: ${own}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes dates the Spanish way, and keeps citations and the record’s words as written', () => {
    const { es } = pairs[0]!;
    const meeting = es.find((r) => r.action === 'call_iep_meeting')!;
    expect(meeting.title).toMatch(/^Pida una reunión del IEP/);
    const logs = es.find((r) => r.rule === ADVISOR_RULES.serviceUnlogged)!;
    expect(logs.title).toBe('Pida el registro de servicios de Speech-language therapy');
    expect(logs.deadlines[0]!.label).toBe(
      'Fecha límite para entregar los expedientes, si usted envía su solicitud el 22 de octubre de 2026 (45 días)',
    );
    // The findings it quotes, worded in Spanish where they were gathered.
    const pattern = es.find((r) => r.rule === ADVISOR_RULES.patternConcern)!;
    expect(pattern.reason).toMatch(
      /^Se anotó que «Use of a calculator in math» no se dio, o solo en parte, /,
    );
    const disagree = pairs[PLANS.length * 3]!.es.find((r) => r.rule === ADVISOR_RULES.sourcesDisagree)!;
    expect(disagree.reason).toMatch(
      /^El registro de la escuela dice que Speech-language therapy se dio el martes 6 de octubre; usted anotó que no se dio\. /,
    );
    const harm = es.find((r) => r.rule === ADVISOR_RULES.harmNoted)!;
    expect(harm.title).toBe('Escale el asunto ya: el daño que anotó el lunes 12 de octubre');
    expect(harm.reason).toContain('«Something happened»');
    const reply = pairs.at(-4)!.es.find((r) => r.rule === ADVISOR_RULES.replyOverdue)!;
    expect(reply.title).toBe('Dé seguimiento a “Speech sessions”');
    expect(reply.reason).toBe(
      'Usted escribió a Ms. Alvarez el lunes 5 de octubre y esperaba una respuesta para el lunes 12 de octubre. No hay ninguna respuesta anotada, 10 días después.',
    );
    // A 504 plan: "plan 504", and OCR's windows.
    const plan504 = pairs[3]!.es;
    expect(plan504.some((r) => r.title.startsWith('Pida una reunión del plan 504'))).toBe(true);
    expect(plan504.flatMap((r) => r.deadlines.map((d) => d.label)).join('\n')).toContain(
      'Queja ante la Oficina de Derechos Civiles (OCR)',
    );
  });

  it('keeps English for any other reader, and the English words come from the catalog', () => {
    const rec = RECORDS[0]!;
    expect(advise(rec, settings, 'en')).toEqual(advise(rec, settings));
    expect(adviceLanguage('es-MX')).toBe('es');
    expect(adviceLanguage('fr')).toBe('en');
    expect(adviceLanguage(null)).toBe('en');
    expect(FILING_WINDOWS_SENTENCE).toBe((enAdvice as Record<string, string>)['advice.filingWindows']);
    expect(Object.keys(esAdvice).sort()).toEqual(Object.keys(enAdvice).sort());
  });
});
