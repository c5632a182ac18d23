import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { timelinesFor } from '../server/services/jurisdiction-timelines.ts';
import { advise, reminders, resolveAdvisorSettings } from './advisor.ts';
import type { CaseContact, CasePlan, CaseRecord, CaseService } from './case-record.ts';
import type { Communication } from './communications.ts';
import { isoWeekday } from './dates.ts';
import { FINDING_RULES } from './implementation-patterns.ts';
import { isProductChoice, JURISDICTION_PROFILES, type JurisdictionProfile } from './jurisdictions.ts';
import {
  citation,
  citationsIn,
  isKnownCitation,
  LEGAL_SOURCES,
  pin,
  unknownCitations,
} from './legal-sources.ts';
import { withLegalSourcesTable } from './legal-sources-doc.ts';
import { draftLetter, type LetterKind, type LetterRequest, lettersAvailable } from './letters.ts';
import { REASON_GUIDANCE } from './session-entry.ts';

describe('the table of legal sources', () => {
  it('has unique ids and pinpoints, a summary and a kind for each', () => {
    expect(new Set(LEGAL_SOURCES.map((s) => s.id)).size).toBe(LEGAL_SOURCES.length);
    expect(new Set(LEGAL_SOURCES.map((s) => s.pinpoint)).size).toBe(LEGAL_SOURCES.length);
    for (const s of LEGAL_SOURCES) {
      expect(s.summary.length, s.id).toBeGreaterThan(20);
      expect(['law', 'guidance', 'practice']).toContain(s.kind);
      for (const profile of s.profiles) expect(Object.keys(JURISDICTION_PROFILES)).toContain(profile);
    }
  });

  it('citation(id) gives the pinpoint, kind and summary the letters build on', () => {
    expect(citation('cfr-300-613-a')).toEqual({
      pinpoint: '34 CFR 300.613(a)',
      kind: 'law',
      summary: expect.stringContaining('in no case more than 45 days after the request'),
    });
    expect(pin('ocr-cpm-timeliness')).toBe('OCR Case Processing Manual (timeliness)');
    expect(citation('ocr-cpm-timeliness').kind).toBe('guidance');
    expect(citation('practice-school-cancelled-owed').kind).toBe('practice');
  });

  it('the practice row says it in the words of a practice: many advocates, As Written counts ... because', () => {
    const { summary } = citation('practice-school-cancelled-owed');
    expect(summary).toMatch(/^Many advocates/);
    expect(summary).toContain('As Written counts those minutes as owed by default because');
  });

  it('Van Duyn is binding only in the Ninth Circuit: cited in California and Arizona alone', () => {
    const vanDuyn = LEGAL_SOURCES.find((s) => s.id === 'van-duyn')!;
    expect([...vanDuyn.profiles].sort()).toEqual(['us_az_iep', 'us_ca_iep']);
  });
});

describe('finding citations in text', () => {
  it('reads a list after one head, bare CFR sections, and each family', () => {
    expect(
      citationsIn(
        'within 2 years (34 CFR 300.507(a)(2); 300.511(e)-(f)); Ed. Code 56343(c), 56343.5; 105 ILCS 10/5(c); ' +
          '23 Ill. Adm. Code 226.220(b); O. Reg. 181/98 s.6(8); Education Act s.266(3); School Act s.11.1; ' +
          'Human Rights Code s.34(1); 104.36; Van Duyn; 71 FR 46676',
      ),
    ).toEqual([
      '34 CFR 300.507(a)(2)',
      '34 CFR 300.511(e)',
      'Ed. Code 56343(c)',
      'Ed. Code 56343.5',
      '23 Ill. Adm. Code 226.220(b)',
      '105 ILCS 10/5(c)',
      'O. Reg. 181/98 s.6(8)',
      'Act s.266(3)',
      'Act s.11.1',
      'Human Rights Code s.34(1)',
      '34 CFR 104.36',
      '71 FR 46676',
      'Van Duyn',
    ]);
  });

  it('reads a U.S. Code section that ends in a letter: Title VI is 42 U.S.C. 2000d', () => {
    expect(citationsIn('Title VI (42 U.S.C. 2000d; 34 CFR 100.3(b)(2)) and 29 U.S.C. 794')).toEqual([
      '34 CFR 100.3(b)(2)',
      '42 U.S.C. 2000d',
      '29 U.S.C. 794',
    ]);
    expect(unknownCitations('42 U.S.C. 2000d; 34 CFR 100.3(b)(2); 300.322(e)')).toEqual([]);
    expect(unknownCitations('42 U.S.C. 2000e')).toEqual(['42 U.S.C. 2000e']);
  });

  it('the 2015 letter on limited-English-proficient parents is guidance, and says it was withdrawn', () => {
    const letter = citation('dcl-2015-el-lep');
    expect(letter.kind).toBe('guidance');
    expect(letter.summary).toContain('Withdrawn in August 2025');
    expect(citation('usc-42-2000d').kind).toBe('law');
    expect(citation('cfr-300-322-e').summary).toContain(
      'IDEA does not require the IEP document itself to be translated',
    );
  });

  it('a subdivision of a section in the table is known; a section missing from it is not', () => {
    expect(isKnownCitation('34 CFR 300.153(c)')).toBe(true);
    expect(unknownCitations('see 34 CFR 300.613 and 34 CFR 300.999 and O. Reg. 181/98 s.6')).toEqual([
      '34 CFR 300.613',
      '34 CFR 300.999',
      'O. Reg. 181/98 s.6',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// A full record, as rich as the demo's, read in every jurisdiction profile.

const HOLIDAYS = new Set(['2026-09-07', '2026-10-12']);
const isSchoolDay = (d: string) => isoWeekday(d) <= 5 && !HOLIDAYS.has(d);

const TEAM: CaseContact[] = [
  { id: 'cm', name: 'Maria Rivera', role: 'Case manager', email: 'rivera@school.example' },
  { id: 'slp', name: 'Mr. Chen', role: 'Speech-language pathologist', email: 'chen@school.example' },
  { id: 'principal', name: 'Alan Ortiz', role: 'Principal', email: 'ortiz@school.example' },
  {
    id: 'director',
    name: 'Lena Park',
    role: 'Director of Special Education',
    email: 'park@district.example',
  },
  { id: 'super', name: 'Dr. Singh', role: 'Superintendent', email: 'singh@district.example' },
  { id: 'trustee', name: 'Pat Lee', role: 'School board trustee', email: 'lee@district.example' },
];

function message(id: string, more: Partial<Communication>): Communication {
  return {
    id,
    childId: 'child',
    kind: 'email',
    direction: 'sent',
    date: '2026-10-01',
    time: null,
    contactIds: ['cm'],
    otherParties: null,
    subject: 'Speech sessions',
    summary: 'Could we touch base about the speech sessions?',
    decisions: null,
    nextSteps: null,
    inReplyToId: null,
    followsUpId: null,
    replyExpectedBy: '2026-10-08',
    closedWithoutReply: false,
    holdingUntil: null,
    parentPosition: 'unknown',
    messageId: null,
    attachmentIds: [],
    ...more,
  };
}

function speech(): CaseService {
  const weeks = ['2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12'].map((start, i) => ({
    start,
    requiredMinutes: 60,
    deliveredMinutes: i === 1 ? 0 : 60,
    owedMinutes: i === 1 ? 60 : 0,
    unloggedMinutes: 0,
    entryIds: [`e-${start}`],
  }));
  return {
    id: 'svc-speech',
    name: 'Speech-language therapy',
    sourceText: 'Speech-language therapy, 30 minutes 2 times per week',
    providerRole: 'Speech-language pathologist',
    startDate: '2026-09-08',
    endDate: '2027-06-11',
    firstDeliveredDate: '2026-09-08',
    ledger: {
      from: '2026-09-08',
      to: '2026-10-22',
      requiredMinutes: 360,
      deliveredMinutes: 270,
      owedMinutes: 60,
      owedBalanceMinutes: 60,
      makeupMinutes: 0,
      unloggedMinutes: 0,
      percentDelivered: 75,
      misses: [
        {
          entryId: 'm1',
          date: '2026-09-29',
          reason: 'provider_absent',
          minutes: 30,
          responsibility: 'owed',
          owedRemainingMinutes: 30,
        },
        {
          entryId: 'm2',
          date: '2026-10-01',
          reason: 'school_closed',
          minutes: 30,
          responsibility: 'owed',
          owedRemainingMinutes: 30,
        },
        {
          entryId: 'm3',
          date: '2026-10-06',
          reason: 'student_absent',
          minutes: 30,
          responsibility: 'excused',
          owedRemainingMinutes: 0,
        },
        {
          entryId: 'm4',
          date: '2026-10-08',
          reason: null,
          minutes: 30,
          responsibility: 'pending',
          owedRemainingMinutes: 0,
        },
      ],
    },
    weeks,
  };
}

function fullRecord(plan: CasePlan): CaseRecord {
  return {
    asOf: '2026-10-22',
    child: { id: 'child', firstName: 'Emma', lastName: 'Lopez', school: 'Lincoln Elementary', grade: '3' },
    parent: { name: 'Dana Lopez', email: 'dana@example.org' },
    plan,
    team: TEAM,
    services: [
      speech(),
      {
        ...speech(),
        id: 'svc-ot',
        name: 'Occupational therapy',
        providerRole: null,
        startDate: '2026-10-06',
        firstDeliveredDate: null,
        weeks: [],
      },
    ],
    accommodations: [
      {
        id: 'acc',
        text: 'Use of a calculator in math',
        observations: ['2026-10-05', '2026-10-08', '2026-10-15'].map((date, i) => ({
          id: `o${i}`,
          date,
          outcome: 'not_provided' as const,
          className: 'Math',
          setting: 'test',
          teacherKind: 'substitute',
          source: 'parent_saw',
          note: null,
        })),
      },
    ],
    goals: [{ id: 'goal', area: 'Reading', text: 'Read 90 words per minute' }],
    findings: [
      {
        rule: FINDING_RULES.classLapses,
        subjectId: 'acc',
        severity: 'concern',
        message: 'Lapses in math.',
        question: 'Could we look at math?',
        entryIds: ['o0', 'o1'],
      },
      {
        rule: FINDING_RULES.noProgress,
        subjectId: 'goal',
        severity: 'concern',
        message: 'No progress across two reports.',
        question: 'Could we revisit the goal?',
        entryIds: ['g1', 'g2'],
      },
    ],
    communications: [
      message('a1', {}),
      message('a2', { date: '2026-10-09', inReplyToId: 'a1', replyExpectedBy: '2026-10-16' }),
      message('p1', {
        date: '2026-10-12',
        contactIds: ['principal'],
        replyExpectedBy: '2026-10-19',
        subject: 'Asking for help',
      }),
      message('call', {
        kind: 'phone',
        direction: 'received',
        date: '2026-10-20',
        replyExpectedBy: null,
        subject: 'Speech schedule',
      }),
    ],
    keyDates: [
      { kind: 'annual_review', date: '2026-09-01', label: null },
      { kind: 'progress_report', date: '2026-11-13', label: null },
    ],
    parentNotes: [
      { id: 'n1', kind: 'new_challenge', date: '2026-10-10', text: 'Reading homework takes two hours' },
      { id: 'n2', kind: 'concern', date: '2026-10-11', text: 'Sits alone at lunch' },
      { id: 'n3', kind: 'harm', date: '2026-10-19', text: 'Came home crying about speech' },
      { id: 'n4', kind: 'win', date: '2026-10-16', text: 'Read a chapter book' },
    ],
    isSchoolDay,
    inLongVacation: () => false,
    absentDays: ['2026-10-06'],
    lettersSent: [
      {
        letterId: 'l1',
        kind: 'request_iep_meeting',
        communicationId: 'p1',
        date: '2026-10-12',
        subjectId: null,
        to: null,
      },
    ],
  };
}

const PLANS: [string, CasePlan['kind'], 'US' | 'CA', string | null][] = [
  ['US federal IEP', 'iep', 'US', 'NY'],
  ['California IEP', 'iep', 'US', 'CA'],
  ['Illinois IEP', 'iep', 'US', 'IL'],
  ['Arizona IEP', 'iep', 'US', 'AZ'],
  ['504 plan', '504', 'US', 'CA'],
  ['Ontario', 'iep', 'CA', 'ON'],
  ['British Columbia', 'iep', 'CA', 'BC'],
  ['Alberta', 'iep', 'CA', 'AB'],
  ['Another province', 'iep', 'CA', 'QC'],
];

function requestsFor(kind: LetterKind, plan: CasePlan): LetterRequest[] {
  const timelines = timelinesFor(plan);
  switch (kind) {
    case 'specific_concern':
      return [
        { kind, serviceId: 'svc-speech' },
        { kind, accommodationId: 'acc' },
      ];
    case 'check_in':
      return [{ kind }, { kind, period: 'mid_term' }];
    case 'follow_up_unanswered':
      return [{ kind, communicationId: 'a2', copy: 'principal' }];
    case 'follow_up_verbal':
      return [{ kind, communicationId: 'call' }];
    case 'thank_you':
      return [{ kind }];
    case 'request_service_logs':
      return [{ kind, serviceId: 'svc-speech' }];
    case 'request_iep_meeting':
      return [{ kind, ...(timelines.meeting ? { timeline: timelines.meeting } : {}) }];
    case 'request_records':
      return [{ kind, ...(timelines.records ? { timeline: timelines.records } : {}) }];
    case 'request_prior_written_notice':
      return [{ kind, decision: 'to reduce speech therapy to one session a week', communicationId: 'call' }];
    case 'request_language_access':
      return [
        { kind, meetingDate: '2026-11-10' },
        { kind, language: 'Vietnamese' },
      ];
    case 'escalation':
      return plan.jurisdiction.country === 'CA'
        ? [
            { kind, to: 'principal' },
            { kind, to: 'superintendent', serviceId: 'svc-speech' },
          ]
        : [
            { kind, to: 'principal' },
            { kind, to: 'director', serviceId: 'svc-speech' },
          ];
    case 'state_complaint':
    case 'ocr_complaint_outline':
      return [{ kind }];
    case 'board_appeal':
      return [{ kind, serviceId: 'svc-speech' }];
    case 'service_log_questions':
      return [
        {
          kind,
          differences: [
            {
              serviceId: 'svc-speech',
              date: '2026-10-06',
              kind: 'school_delivered_family_missed',
              school: { kind: 'scheduled', status: 'delivered', minutes: 30, reason: null },
              family: { sources: ['child_report'], status: 'missed', minutes: 0, reason: null, entryIds: [] },
            },
          ],
        },
      ];
  }
}

/** Every text a profile can put in front of a parent. */
function profileTexts(profile: JurisdictionProfile): string[] {
  const bases = [
    ...profile.timelines.map((t) => t.citation),
    ...profile.ladder.map((s) => s.basis),
    ...Object.values(profile.bases),
  ];
  return [
    ...bases.flatMap((b) => (isProductChoice(b) ? [b.text] : [b.text, b.source])),
    ...profile.timelines.flatMap((t) => [t.label, t.startsFrom, t.caveat ?? '', t.duty ?? '']),
    ...profile.ladder.flatMap((s) => [s.label, s.note ?? '']),
    ...profile.notes,
  ];
}

describe('no citation in any text is missing from the table', () => {
  it.each(PLANS)('%s: every recommendation, reminder and letter', (_name, kind, country, region) => {
    const plan: CasePlan = {
      id: 'plan',
      kind,
      jurisdiction: { country, region },
      title: null,
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-06-11',
    };
    const record = fullRecord(plan);
    const settings = resolveAdvisorSettings();
    const recs = advise(record, settings);
    expect(recs.length).toBeGreaterThan(3);
    const texts: string[] = [];
    for (const r of recs) {
      texts.push(r.title, r.reason, r.confidence.why);
      for (const basis of [
        r.citation,
        ...r.thresholds.map((t) => t.basis),
        ...r.deadlines.map((d) => d.citation),
      ])
        texts.push(isProductChoice(basis) ? basis.text : `${basis.text} ${basis.source}`);
      texts.push(...r.deadlines.map((d) => d.label));
      if (r.ladderStep) texts.push(r.ladderStep.label, r.ladderStep.note ?? '');
    }
    for (const reminder of reminders(record, settings)) texts.push(reminder.title, reminder.detail);
    const kinds = lettersAvailable(record);
    expect(kinds.length).toBeGreaterThan(5);
    for (const letterKind of kinds) {
      for (const request of requestsFor(letterKind, plan)) {
        const letter = draftLetter(record, request);
        texts.push(letter.subject, letter.body, ...letter.notes);
      }
    }
    const unknown = texts.flatMap((t) => unknownCitations(t).map((c) => `${c} in: ${t.slice(0, 120)}`));
    expect(unknown).toEqual([]);
  });

  it.each(Object.values(JURISDICTION_PROFILES))(
    '$id: every citation, label and note of the profile',
    (profile) => {
      expect(profileTexts(profile).flatMap(unknownCitations)).toEqual([]);
    },
  );

  it('the ledger’s reasons, each with its kind', () => {
    for (const [reason, g] of Object.entries(REASON_GUIDANCE)) {
      expect(unknownCitations(`${g.guidance} ${g.source}`), reason).toEqual([]);
      expect(['law', 'guidance', 'practice']).toContain(g.kind);
    }
    // Sessions the school cancels are counted owed by As Written's choice, in a practice's words.
    expect(REASON_GUIDANCE.provider_absent.kind).toBe('practice');
    expect(REASON_GUIDANCE.provider_absent.guidance).toMatch(/^Many advocates/);
  });

  it('the docs: advisor rules, ledger rules and the legal sources page', () => {
    for (const page of ['docs/advisor-rules.md', 'docs/ledger-rules.md', 'docs/legal-sources.md']) {
      const text = readFileSync(new URL(`../../${page}`, import.meta.url), 'utf8');
      expect(unknownCitations(text), page).toEqual([]);
    }
  });
});

describe('words that state an advocacy position as law are gone', () => {
  // The advisor and the letters are folders of files, one per rule family or letter: every one is read.
  const folder = (dir: string) =>
    readdirSync(new URL(`../../${dir}`, import.meta.url))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `${dir}/${f}`);
  it.each([
    ...folder('src/domain/advisor'),
    'src/domain/jurisdictions.ts',
    'src/domain/session-entry.ts',
    ...folder('src/domain/letters'),
  ])('%s', (file) => {
    const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    expect(text).not.toMatch(
      /school[’']s to make up|a clear violation|owed for sessions the school must make up/i,
    );
  });
});

describe('docs/legal-sources.md', () => {
  it('holds the table as the data says (npm run docs:legal rewrites it)', () => {
    const page = readFileSync(new URL('../../docs/legal-sources.md', import.meta.url), 'utf8');
    expect(page).toBe(withLegalSourcesTable(page));
  });
});
