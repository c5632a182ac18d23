// A small hand-written case record for the letter tests: the one src/domain/letters.test.ts and the
// Spanish letters' test (src/domain/letters/letter-language.test.ts) draft from. Today (asOf) is Friday 2026-10-16;
// 2026-10-06 is a Tuesday.

import type { CaseContact, CaseObservation, CaseRecord } from '../../src/domain/case-record.ts';
import type { Communication } from '../../src/domain/communications.ts';
import { isoWeekday } from '../../src/domain/dates.ts';
import { FINDING_RULES } from '../../src/domain/implementation-patterns.ts';

export const SPEECH_WORDS = 'Speech-language therapy, 30 minutes 2 times per week, pull-out';
export const CALCULATOR_WORDS = 'Use of a calculator for math assignments and tests';

export function message(
  fields: Partial<Communication> & Pick<Communication, 'id' | 'kind' | 'direction' | 'date' | 'summary'>,
): Communication {
  return {
    childId: '0192f0a0-0000-7000-8000-000000000001',
    time: null,
    contactIds: [],
    otherParties: null,
    subject: null,
    decisions: null,
    nextSteps: null,
    inReplyToId: null,
    followsUpId: null,
    replyExpectedBy: null,
    closedWithoutReply: false,
    holdingUntil: null,
    parentPosition: 'unknown',
    messageId: null,
    attachmentIds: [],
    ...fields,
  };
}

export function observation(
  id: string,
  date: string,
  outcome: CaseObservation['outcome'],
  className: string,
  setting: string | null,
  teacherKind: string,
  source: string,
): CaseObservation {
  return { id, date, outcome, className, setting, teacherKind, source, note: null };
}

export const TEAM: CaseContact[] = [
  { id: 'cm', name: 'Maria Rivera', role: 'Case manager', email: 'maria.rivera@lincoln.example' },
  { id: 'math', name: 'Tom Becker', role: 'Math teacher', email: 'tom.becker@lincoln.example' },
  { id: 'slp', name: 'Priya Shah', role: 'Speech-language pathologist', email: 'priya.shah@lincoln.example' },
  { id: 'ap', name: 'Jo Kim', role: 'Assistant principal', email: 'jo.kim@lincoln.example' },
  { id: 'principal', name: 'Alan Ortiz', role: 'Principal', email: 'alan.ortiz@lincoln.example' },
  {
    id: 'director',
    name: 'Lena Park',
    role: 'Director of Special Education',
    email: 'lena.park@district.example',
  },
];

/** The record, fresh each call (tests change it). */
export function letterRecord(): CaseRecord {
  return {
    asOf: '2026-10-16',
    child: { id: 'child-1', firstName: 'Emma', lastName: 'Lopez', school: 'Lincoln Elementary', grade: '4' },
    parent: { name: 'Dana Lopez', email: 'dana@example.org' },
    plan: {
      id: 'plan-1',
      kind: 'iep',
      jurisdiction: { country: 'US', region: 'CA' },
      title: null,
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-06-11',
    },
    team: TEAM.map((c) => ({ ...c })),
    services: [
      {
        id: 'svc-speech',
        name: 'Speech-language therapy',
        sourceText: SPEECH_WORDS,
        providerRole: 'Speech-language pathologist',
        startDate: '2026-09-08',
        endDate: '2027-06-11',
        firstDeliveredDate: '2026-09-10',
        ledger: {
          from: '2026-09-08',
          to: '2026-10-16',
          requiredMinutes: 360,
          deliveredMinutes: 240,
          owedMinutes: 120,
          owedBalanceMinutes: 90,
          makeupMinutes: 30,
          unloggedMinutes: 0,
          percentDelivered: 66.7,
          misses: [
            {
              entryId: 'miss-oct6',
              date: '2026-10-06',
              reason: 'provider_absent',
              minutes: 30,
              responsibility: 'owed',
              owedRemainingMinutes: 30,
            },
            {
              entryId: 'miss-sep22',
              date: '2026-09-22',
              reason: 'school_event',
              minutes: 30,
              responsibility: 'owed',
              owedRemainingMinutes: 0,
            },
            {
              entryId: 'miss-oct8',
              date: '2026-10-08',
              reason: 'school_event',
              minutes: 30,
              responsibility: 'owed',
              owedRemainingMinutes: 30,
            },
            {
              entryId: 'miss-oct1',
              date: '2026-10-01',
              reason: 'testing',
              minutes: 30,
              responsibility: 'owed',
              owedRemainingMinutes: 30,
            },
          ],
        },
        weeks: [
          {
            start: '2026-10-05',
            requiredMinutes: 60,
            deliveredMinutes: 0,
            owedMinutes: 60,
            unloggedMinutes: 0,
            entryIds: ['miss-oct6'],
          },
          {
            start: '2026-10-12',
            requiredMinutes: 60,
            deliveredMinutes: 60,
            owedMinutes: 0,
            unloggedMinutes: 0,
            entryIds: ['s-13', 's-15'],
          },
        ],
      },
      {
        id: 'svc-ot',
        name: 'Occupational therapy',
        sourceText: 'OT consultation, 20 minutes one time per month',
        providerRole: 'Occupational therapist',
        startDate: '2026-09-08',
        endDate: '2027-06-11',
        firstDeliveredDate: '2026-09-30',
        ledger: {
          from: '2026-09-08',
          to: '2026-10-16',
          requiredMinutes: 40,
          deliveredMinutes: 40,
          owedMinutes: 0,
          owedBalanceMinutes: 0,
          makeupMinutes: 0,
          unloggedMinutes: 0,
          percentDelivered: 100,
          misses: [],
        },
        weeks: [
          {
            start: '2026-10-12',
            requiredMinutes: 20,
            deliveredMinutes: 20,
            owedMinutes: 0,
            unloggedMinutes: 0,
            entryIds: ['ot-14'],
          },
        ],
      },
    ],
    accommodations: [
      {
        id: 'acc-calc',
        text: CALCULATOR_WORDS,
        observations: [
          observation('obs-oct6', '2026-10-06', 'not_provided', 'Math', 'test', 'substitute', 'child_report'),
          observation(
            'obs-oct8',
            '2026-10-08',
            'not_provided',
            'Math',
            'classwork',
            'regular',
            'work_sample',
          ),
          observation('obs-oct13', '2026-10-13', 'provided', 'Math', 'classwork', 'regular', 'child_report'),
          observation('obs-oct15', '2026-10-15', 'partly', 'Math', 'quiz', 'regular', 'child_report'),
          observation('obs-oct14', '2026-10-14', 'unknown', 'Math', null, 'unknown', 'child_report'),
        ],
      },
      {
        id: 'acc-seat',
        text: 'Preferential seating near the teacher',
        observations: [
          observation(
            'obs-seat',
            '2026-10-14',
            'provided',
            'Science',
            'classwork',
            'regular',
            'child_report',
          ),
        ],
      },
    ],
    goals: [
      {
        id: 'goal-read',
        area: 'Reading',
        text: 'Emma will read grade-level text at 90 words per minute with 95% accuracy',
      },
    ],
    findings: [
      {
        rule: FINDING_RULES.noProgress,
        subjectId: 'goal-read',
        severity: 'concern',
        message:
          'The reading goal went from 62 (Fri, Jun 12) to 61 (Fri, Oct 9) on the last two progress reports; the target is 90.',
        question:
          'What could change so this goal moves forward: the service, the approach, or the goal itself? Should we meet to revise it?',
        entryIds: ['gp-jun', 'gp-oct'],
      },
      {
        rule: FINDING_RULES.substituteLapses,
        subjectId: 'acc-calc',
        severity: 'concern',
        message: 'Calculator was noted as not given on 1 of 1 substitute day.',
        question:
          "Do substitutes get the accommodation list? Could we check how substitutes are told about your child's calculator?",
        entryIds: ['obs-oct6'],
      },
    ],
    communications: [
      message({
        id: 'c-schedule',
        kind: 'email',
        direction: 'sent',
        date: '2026-09-18',
        contactIds: ['cm'],
        subject: 'Schedule question',
        summary: 'When does speech happen this year?',
        replyExpectedBy: '2026-09-25',
      }),
      message({
        id: 'c-schedule-reply',
        kind: 'email',
        direction: 'received',
        date: '2026-09-21',
        contactIds: ['cm'],
        subject: 'Re: Schedule question',
        summary: 'Tuesdays and Thursdays.',
        inReplyToId: 'c-schedule',
      }),
      message({
        id: 'c-calculator',
        kind: 'email',
        direction: 'sent',
        date: '2026-10-07',
        contactIds: ['cm'],
        subject: 'Calculator in math',
        summary:
          "I noticed Emma didn't have her calculator on the math test on Tuesday. Could we touch base to make sure staff are aware of her supports?",
        replyExpectedBy: '2026-10-14',
      }),
      message({
        id: 'c-call',
        kind: 'phone',
        direction: 'sent',
        date: '2026-10-16',
        contactIds: ['slp'],
        subject: 'Missed speech sessions',
        summary: 'Talked with Ms. Shah about the missed speech sessions.',
        decisions:
          'Make-up sessions on Wednesdays at 1:00 until the 90 minutes are made up\n- Priya will send the October session log',
        nextSteps: '1. I will ask Emma how the Wednesday session went',
      }),
    ],
    keyDates: [
      { kind: 'progress_report', date: '2026-10-09', label: 'Q1 progress report' },
      { kind: 'progress_report', date: '2027-01-15', label: 'Q2 progress report' },
    ],
    parentNotes: [
      {
        id: 'note-win',
        date: '2026-10-14',
        kind: 'win',
        text: 'Emma read a whole chapter book on her own and was proud to tell her class about it.',
      },
      {
        id: 'note-new',
        date: '2026-10-05',
        kind: 'new_challenge',
        text: 'Emma says she feels lost in math when the class moves on quickly.',
      },
    ],
    isSchoolDay: (date) => isoWeekday(date) <= 5,
    inLongVacation: () => false,
  };
}

export function with504(r: CaseRecord = letterRecord()): CaseRecord {
  r.plan = { ...r.plan!, kind: '504' };
  return r;
}

export function inCanada(r: CaseRecord = letterRecord(), region = 'ON'): CaseRecord {
  r.plan = { ...r.plan!, jurisdiction: { country: 'CA', region } };
  return r;
}
