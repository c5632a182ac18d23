import { describe, expect, it } from 'vitest';
import { readingGrade } from '../../../test/support/reading-grade.ts';
import type { CaseRecord, CaseService } from '../case-record.ts';
import { isoWeekday } from '../dates.ts';
import { unknownCitations } from '../legal-sources.ts';
import {
  CANADA_LETTER_KINDS,
  compactDates,
  DRAFTED_ELSEWHERE_LETTER_KINDS,
  draftLetter,
  draftServiceLogQuestions,
  LETTER_KINDS,
  type Letter,
  letterKindsForPlan,
  lettersAvailable,
  REPLY_LETTER_KINDS,
  SERVICE_LOG_QUESTIONS_MAX,
  type ServiceLogDifference,
} from '../letters.ts';
import { checkTone } from '../tone.ts';

// The letter about differences between the school's service log and the family's record (issue 19),
// drafted from the lines the parent picked in the reconciliation table. Today (asOf) is Friday 2026-10-23.

function service(id: string, name: string, providerRole: string | null): CaseService {
  return {
    id,
    name,
    sourceText: `${name}, 30 minutes 1 time per week`,
    providerRole,
    startDate: '2026-09-08',
    endDate: '2027-06-11',
    firstDeliveredDate: '2026-09-15',
    ledger: {
      from: '2026-09-08',
      to: '2026-10-23',
      requiredMinutes: 210,
      deliveredMinutes: 120,
      owedMinutes: 90,
      owedBalanceMinutes: 90,
      makeupMinutes: 0,
      unloggedMinutes: 0,
      percentDelivered: 57,
      misses: [],
    },
    weeks: [],
  };
}

function record(country: 'US' | 'CA' = 'US'): CaseRecord {
  return {
    asOf: '2026-10-23',
    child: { id: 'child', firstName: 'Emma', lastName: 'Lopez', school: 'Lincoln Elementary', grade: '4' },
    parent: { name: 'Dana Lopez', email: 'dana@example.org' },
    plan: {
      id: 'plan',
      kind: 'iep',
      jurisdiction: { country, region: country === 'US' ? 'CA' : 'ON' },
      title: null,
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-06-11',
    },
    team: [
      { id: 'cm', name: 'Ms. Rivera', role: 'Case manager', email: 'rivera@school.example' },
      { id: 'slp', name: 'Priya Shah', role: 'Speech-language pathologist', email: 'shah@school.example' },
    ],
    services: [
      service('svc-speech', 'Speech', 'speech-language pathologist'),
      service('svc-ot', 'Occupational therapy', 'occupational therapist'),
    ],
    accommodations: [],
    goals: [],
    findings: [],
    communications: [],
    keyDates: [],
    parentNotes: [],
    isSchoolDay: (date) => isoWeekday(date) <= 5,
    inLongVacation: () => false,
  };
}

const deliveredButStayedInClass = (date: string, entryId: string): ServiceLogDifference => ({
  serviceId: 'svc-speech',
  date,
  kind: 'school_delivered_family_missed',
  school: { kind: 'scheduled', status: 'delivered', minutes: 30, reason: null },
  family: { sources: ['child_report'], status: 'missed', minutes: 0, reason: null, entryIds: [entryId] },
});

function expectWellWritten(letter: Letter): void {
  expect(letter.kind).toBe('service_log_questions');
  expect(checkTone(letter.body)).toEqual([]);
  expect(checkTone(letter.subject)).toEqual([]);
  const grade = readingGrade(`${letter.subject}\n${letter.body}`);
  expect(grade, `grade ${grade.toFixed(1)}\n${letter.body}`).toBeLessThanOrEqual(9);
  for (const text of [letter.subject, letter.body, ...letter.notes])
    expect(unknownCitations(text)).toEqual([]);
  expect(letter.respondBy).not.toBeNull();
  expect(letter.body).toMatch(/Could you reply by \w+day, \w+ \d+\?/u);
  expect(letter.body.trimEnd().endsWith('Dana Lopez')).toBe(true);
  // Questions, never charges.
  expect(letter.body).not.toMatch(/\b(?:falsif|lie|lying|wrong|fail(?:ed)?|violat|demand)/iu);
}

describe('questions about the school’s service log', () => {
  it('puts several dates of the same difference in one question, as the issue words it', () => {
    const letter = draftServiceLogQuestions(record(), {
      differences: [
        deliveredButStayedInClass('2026-10-13', 'e13'),
        deliveredButStayedInClass('2026-10-06', 'e6'),
        deliveredButStayedInClass('2026-10-20', 'e20'),
      ],
    });
    expectWellWritten(letter);
    expect(letter.body).toContain(
      "The service log lists speech as delivered on Oct 6, 13 and 20; Emma's check-ins for those days say the session did not take place. Could you help me understand?",
    );
    expect(letter.to).toEqual([{ name: 'Priya Shah', email: 'shah@school.example' }]);
    expect(letter.cc).toEqual([{ name: 'Ms. Rivera', email: 'rivera@school.example' }]);
    expect(letter.subject).toBe("Questions about the service log for Emma's speech");
    expect(letter.facts.entryIds).toEqual(['e13', 'e6', 'e20']);
    expect(letter.body).toContain('there is one thing I could not match up');
  });

  it('asks about each kind of difference in its own words, service by service', () => {
    const differences: ServiceLogDifference[] = [
      deliveredButStayedInClass('2026-10-06', 'e6'),
      {
        serviceId: 'svc-speech',
        date: '2026-09-29',
        kind: 'school_only',
        school: { kind: 'scheduled', status: 'delivered', minutes: 30, reason: null },
        family: null,
      },
      {
        serviceId: 'svc-speech',
        date: '2026-10-15',
        kind: 'minutes_differ',
        school: { kind: 'scheduled', status: 'delivered', minutes: 30, reason: null },
        family: { sources: ['parent'], status: 'short', minutes: 15, reason: null, entryIds: ['e15'] },
      },
      {
        serviceId: 'svc-ot',
        date: '2026-10-02',
        kind: 'family_only',
        school: null,
        family: {
          sources: ['parent'],
          status: 'missed',
          minutes: 0,
          reason: 'provider_absent',
          entryIds: ['o2'],
        },
      },
      {
        serviceId: 'svc-ot',
        date: '2026-10-09',
        kind: 'reason_differs',
        school: { kind: 'scheduled', status: 'missed', minutes: null, reason: 'student_absent' },
        family: {
          sources: ['parent'],
          status: 'missed',
          minutes: 0,
          reason: 'provider_absent',
          entryIds: ['o9'],
        },
      },
      {
        serviceId: 'svc-ot',
        date: '2026-10-16',
        kind: 'school_missed_family_delivered',
        school: { kind: 'scheduled', status: 'missed', minutes: null, reason: null },
        family: { sources: ['parent'], status: 'delivered', minutes: 30, reason: null, entryIds: ['o16'] },
      },
    ];
    const letter = draftServiceLogQuestions(record(), { differences });
    expectWellWritten(letter);
    const body = letter.body;
    expect(body).toContain('there are a few things I could not match up');
    expect(body).toContain(
      'The service log lists speech on Sep 29 (30 minutes). I had no note of that session; could you tell me a little about it?',
    );
    expect(body).toContain(
      "The service log lists speech as delivered on Oct 6; Emma's check-in for that day says the session did not take place.",
    );
    expect(body).toContain(
      'The service log gives 30 minutes for speech on Oct 15; my notes say 15 minutes. Could you help me understand the difference?',
    );
    expect(body).toContain(
      'My notes show that occupational therapy did not take place on Oct 2, and the service log does not list that day.',
    );
    expect(body).toMatch(/as the reason occupational therapy did not take place on Oct 9; my notes say/u);
    expect(body).toContain(
      'The service log lists occupational therapy as not held on Oct 16; my notes say the session took place. Could you help me understand which is right?',
    );
    // Speech's questions come before occupational therapy's, each in date order.
    expect(body.indexOf('Sep 29')).toBeLessThan(body.indexOf('Oct 6'));
    expect(body.indexOf('Oct 15')).toBeLessThan(body.indexOf('Oct 2,'));
    // Two services: to the case manager.
    expect(letter.to).toEqual([{ name: 'Ms. Rivera', email: 'rivera@school.example' }]);
    expect(letter.cc).toEqual([]);
    expect(letter.subject).toBe("Questions about the service log for Emma's speech and occupational therapy");
  });

  it('writes dates across months, and the year when it is not this year', () => {
    expect(compactDates(['2026-10-06', '2026-09-29', '2026-10-13'], '2026')).toBe('Sep 29, Oct 6 and 13');
    expect(compactDates(['2026-10-06'], '2027')).toBe('Oct 6, 2026');
    expect(compactDates(['2026-12-14', '2027-01-11'], '2027')).toBe('Dec 14 and Jan 11, 2027');
  });

  it('refuses no difference, too many, or a service the record does not hold', () => {
    expect(() => draftServiceLogQuestions(record(), { differences: [] })).toThrow(RangeError);
    const many = Array.from({ length: SERVICE_LOG_QUESTIONS_MAX + 1 }, (_, i) =>
      deliveredButStayedInClass(`2026-10-${String(i + 1).padStart(2, '0')}`, `e${i}`),
    );
    expect(() => draftServiceLogQuestions(record(), { differences: many })).toThrow(/at most 20/u);
    expect(() =>
      draftServiceLogQuestions(record(), {
        differences: [{ ...deliveredButStayedInClass('2026-10-06', 'e'), serviceId: 'nope' }],
      }),
    ).toThrow(RangeError);
  });

  it('is drafted from the reconciliation, not the picker; fits every plan and asks a reply', () => {
    expect(LETTER_KINDS).toContain('service_log_questions');
    expect(DRAFTED_ELSEWHERE_LETTER_KINDS.has('service_log_questions')).toBe(true);
    expect(lettersAvailable(record())).not.toContain('service_log_questions');
    expect(letterKindsForPlan(record().plan)).not.toContain('service_log_questions');
    expect(CANADA_LETTER_KINDS.has('service_log_questions')).toBe(true);
    expect(REPLY_LETTER_KINDS.has('service_log_questions')).toBe(true);
    const canadian = draftLetter(record('CA'), {
      kind: 'service_log_questions',
      differences: [deliveredButStayedInClass('2026-10-06', 'e6')],
      respondBy: '2026-10-30',
    });
    expectWellWritten(canadian);
    expect(canadian.respondBy).toBe('2026-10-30');
    expect(canadian.body).not.toMatch(/CFR|IDEA|U\.S\.C|Ed\. Code/u);
  });
});
