import { describe, expect, it } from 'vitest';
import { ADVISOR_RULES, type AdvisorRule, advise, resolveAdvisorSettings } from './advisor.ts';
import type { CaseLetterSent, CaseRecord, CaseService, CaseSessionMiss } from './case-record.ts';
import type { Communication } from './communications.ts';
import { addDays, isoWeekday, weekStart } from './dates.ts';
import { replyDueDate } from './deadlines.ts';

// The article's story, replayed week by week from the first day of school (docs/advisor-rules.md,
// "The ladder, week by week"). Speech is 30 minutes twice a week (Tuesday and Thursday), but the
// therapist is at the school only once a week, and sessions are cancelled for an assembly, a fire drill
// and a snow day, and rarely made up. The parent does what the advisor suggests, the week it first
// suggests it, and the school never answers. Each Wednesday the advice is read before she acts.
//
// School year 2026-27: the first day is Tuesday Sep 8 (Labor Day, Sep 7, is off); Indigenous Peoples'
// Day, Monday Oct 12, is a holiday; Tuesday Oct 27 is a snow day (a closure).

const CM = 'contact-case-manager';
const SLP = 'contact-slp';
const PRINCIPAL = 'contact-principal';
const DIRECTOR = 'contact-director';
const SPEECH = 'svc-speech';

const NO_SCHOOL = new Set(['2026-09-07', '2026-10-12', '2026-10-27']);
const isSchoolDay = (d: string) => d >= '2026-09-08' && isoWeekday(d) <= 5 && !NO_SCHOOL.has(d);

type Session = {
  id: string;
  date: string;
  delivered: number;
  reason?: string;
  responsibility?: CaseSessionMiss['responsibility'];
  /** A make-up session, and the session it makes up. */
  makeupFor?: string;
};

// Speech as the ledger reads it: each Tuesday and Thursday session, delivered or missed with its reason.
const SESSIONS: Session[] = [
  { id: 's-0908', date: '2026-09-08', delivered: 30 },
  { id: 's-0910', date: '2026-09-10', delivered: 30 },
  { id: 's-0915', date: '2026-09-15', delivered: 0, reason: 'provider_absent', responsibility: 'owed' },
  { id: 's-0917', date: '2026-09-17', delivered: 30 },
  { id: 's-0922', date: '2026-09-22', delivered: 0, reason: 'school_event', responsibility: 'owed' },
  { id: 's-0924', date: '2026-09-24', delivered: 30 },
  { id: 's-0929', date: '2026-09-29', delivered: 30 },
  { id: 's-1001', date: '2026-10-01', delivered: 20, reason: 'school_event', responsibility: 'owed' },
  // The week of Oct 5 has no entries at all.
  { id: 's-1013', date: '2026-10-13', delivered: 0, reason: 'student_absent', responsibility: 'excused' },
  { id: 's-1015', date: '2026-10-15', delivered: 30 },
  { id: 's-1020', date: '2026-10-20', delivered: 0, reason: 'provider_absent', responsibility: 'owed' },
  { id: 's-1022', date: '2026-10-22', delivered: 30 },
  { id: 's-1027', date: '2026-10-27', delivered: 0, reason: 'school_closed', responsibility: 'owed' },
  { id: 's-1029', date: '2026-10-29', delivered: 30 },
  { id: 'mk-1030', date: '2026-10-30', delivered: 30, makeupFor: 's-0922' },
];

/** Speech's ledger on `asOf`, worked out from the sessions logged by then (60 minutes a week required). */
function speechOn(asOf: string): CaseService {
  const known = SESSIONS.filter((s) => s.date <= asOf);
  const madeUp = new Map(known.filter((s) => s.makeupFor).map((s) => [s.makeupFor!, s.delivered]));
  const scheduled = known.filter((s) => !s.makeupFor);
  const misses: CaseSessionMiss[] = scheduled
    .filter((s) => s.delivered < 30)
    .map((s) => {
      const minutes = 30 - s.delivered;
      const owed = s.responsibility === 'owed';
      return {
        entryId: s.id,
        date: s.date,
        reason: s.reason ?? null,
        minutes,
        responsibility: s.responsibility ?? 'pending',
        owedRemainingMinutes: owed ? Math.max(0, minutes - (madeUp.get(s.id) ?? 0)) : 0,
      };
    });
  const weeks: CaseService['weeks'] = [];
  for (let monday = '2026-09-07'; monday <= asOf; monday = addDays(monday, 7)) {
    const inWeek = scheduled.filter((s) => weekStart(s.date) === monday);
    const delivered = inWeek.reduce((sum, s) => sum + s.delivered, 0);
    const owed = misses
      .filter((m) => weekStart(m.date) === monday && m.responsibility === 'owed')
      .reduce((sum, m) => sum + m.minutes, 0);
    weeks.push({
      start: monday,
      requiredMinutes: 60,
      deliveredMinutes: delivered,
      owedMinutes: owed,
      unloggedMinutes: inWeek.length === 0 ? 60 : 0,
      entryIds: inWeek.map((s) => s.id),
    });
  }
  const sum = (pick: (w: CaseService['weeks'][number]) => number) => weeks.reduce((t, w) => t + pick(w), 0);
  const owedMinutes = sum((w) => w.owedMinutes);
  const makeupMinutes = [...madeUp.values()].reduce((t, m) => t + m, 0);
  return {
    id: SPEECH,
    name: 'Speech-language therapy',
    sourceText: 'Speech-language therapy, 30 minutes 2 times per week',
    providerRole: 'Speech-language pathologist',
    startDate: '2026-09-08',
    endDate: '2027-06-11',
    firstDeliveredDate: '2026-09-08',
    ledger: {
      from: '2026-09-08',
      to: asOf,
      requiredMinutes: sum((w) => w.requiredMinutes),
      deliveredMinutes: sum((w) => w.deliveredMinutes),
      owedMinutes,
      owedBalanceMinutes: misses.reduce((t, m) => t + m.owedRemainingMinutes, 0),
      makeupMinutes,
      unloggedMinutes: sum((w) => w.unloggedMinutes),
      percentDelivered: null,
      misses,
    },
    weeks,
  };
}

/** What the parent sends: a message, and (when it is one of As Written's letters) the letter. */
type Action = { id: string; kind?: string; to: string[]; subject: string; replyTo?: string };

function sent(date: string, a: Action): { message: Communication; letter: CaseLetterSent | null } {
  const message: Communication = {
    id: a.id,
    childId: 'child-1',
    kind: 'email',
    direction: 'sent',
    date,
    time: null,
    contactIds: a.to,
    otherParties: null,
    subject: a.subject,
    summary: a.subject,
    decisions: null,
    nextSteps: null,
    inReplyToId: a.replyTo ?? null,
    followsUpId: null,
    replyExpectedBy: replyDueDate(date, 5, isSchoolDay),
    closedWithoutReply: false,
    holdingUntil: null,
    parentPosition: 'unknown',
    messageId: null,
    attachmentIds: [],
  };
  const letter = a.kind
    ? {
        letterId: `letter-${a.id}`,
        kind: a.kind,
        communicationId: a.id,
        date,
        subjectId: a.kind === 'specific_concern' || a.kind === 'escalation' ? SPEECH : null,
        to: a.kind === 'escalation' ? 'principal' : null,
      }
    : null;
  return { message, letter };
}

function recordOn(asOf: string, messages: Communication[], letters: CaseLetterSent[]): CaseRecord {
  return {
    asOf,
    child: { id: 'child-1', firstName: 'Emma', lastName: null, school: 'Lincoln Elementary', grade: '3' },
    parent: { name: 'Dana Lopez', email: 'dana@example.org' },
    plan: {
      id: 'plan-1',
      kind: 'iep',
      jurisdiction: { country: 'US', region: 'CA' },
      title: null,
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-06-11',
    },
    team: [
      { id: CM, name: 'Maria Rivera', role: 'Case manager', email: 'rivera@lincoln.example' },
      { id: SLP, name: 'Mr. Chen', role: 'Speech-language pathologist', email: 'chen@lincoln.example' },
      { id: PRINCIPAL, name: 'Alan Ortiz', role: 'Principal', email: 'ortiz@lincoln.example' },
      {
        id: DIRECTOR,
        name: 'Lena Park',
        role: 'Director of Special Education',
        email: 'park@district.example',
      },
    ],
    services: [speechOn(asOf)],
    accommodations: [],
    goals: [],
    findings: [],
    communications: messages,
    keyDates: [],
    parentNotes: [],
    isSchoolDay,
    inLongVacation: () => false,
    lettersSent: letters,
  };
}

// The rules this story is about, by what they ask the parent to do.
const WATCHED: Record<string, AdvisorRule> = {
  makeUp: ADVISOR_RULES.serviceMakeupRequest,
  followUp: ADVISOR_RULES.replyOverdue,
  copySupervisor: ADVISOR_RULES.replyOverdueAfterFollowUp,
  meeting: ADVISOR_RULES.serviceShortfall,
  escalate: ADVISOR_RULES.serviceShortfallEscalation,
};

/**
 * Worked out by hand, week by week (each Wednesday, before the parent acts). "Required" counts the four
 * full weeks before the Wednesday's week; As Written asks for 3 of them to require minutes before a meeting.
 *
 * wk 1 Sep 9:  nothing missed yet.
 * wk 2 Sep 16: Tue Sep 15 missed (therapist away): 30 minutes owed. Only one full week of school so far:
 *              the make-up request to Mr. Chen and Ms. Rivera, never a meeting. She sends it (reply by Sep 23).
 * wk 3 Sep 23: Sep 22 missed too (assembly). Her request is still inside its reply window: nothing new.
 * wk 4 Sep 30: no reply by Sep 23: follow up. Three full weeks required 180 minutes, 60 owed (33%), and
 *              she asked first: a meeting. She follows up and asks for the meeting (replies due Oct 7).
 * wk 5 Oct 7:  both still inside their reply windows: nothing new.
 * wk 6 Oct 14: the follow-up went unanswered too (2 in that thread): follow up again copying the principal;
 *              the meeting request is unanswered: follow up on it. Oct 1 was cut short after she asked for
 *              the meeting: escalate the service one step up, to the principal. She writes to the principal.
 * wk 7 Oct 21: the principal's letter is inside its reply window (to Oct 21): no second escalation yet;
 *              the two follow-ups stay as they were.
 * wk 8 Oct 28: the principal did not answer either, and Oct 20 and Oct 27 were missed too: escalate one
 *              more step, to the director; and follow up on the principal's letter.
 */
const EXPECTED: { asOf: string; shown: (keyof typeof WATCHED)[]; parentDoes: Action[] }[] = [
  { asOf: '2026-09-09', shown: [], parentDoes: [] },
  {
    asOf: '2026-09-16',
    shown: ['makeUp'],
    parentDoes: [
      { id: 'makeup', kind: 'specific_concern', to: [SLP, CM], subject: 'Making up missed speech sessions' },
    ],
  },
  { asOf: '2026-09-23', shown: [], parentDoes: [] },
  {
    asOf: '2026-09-30',
    shown: ['followUp', 'meeting'],
    parentDoes: [
      {
        id: 'followup',
        to: [SLP, CM],
        subject: 'Following up: making up speech sessions',
        replyTo: 'makeup',
      },
      { id: 'meeting', kind: 'request_iep_meeting', to: [CM], subject: 'Request for an IEP meeting' },
    ],
  },
  { asOf: '2026-10-07', shown: [], parentDoes: [] },
  {
    asOf: '2026-10-14',
    shown: ['copySupervisor', 'followUp', 'escalate'],
    parentDoes: [
      { id: 'to-principal', kind: 'escalation', to: [PRINCIPAL], subject: 'Asking for your help' },
    ],
  },
  { asOf: '2026-10-21', shown: ['copySupervisor', 'followUp'], parentDoes: [] },
  { asOf: '2026-10-28', shown: ['copySupervisor', 'followUp', 'escalate'], parentDoes: [] },
];

describe('the article’s story, week by week', () => {
  const messages: Communication[] = [];
  const letters: CaseLetterSent[] = [];
  const seen = EXPECTED.map(({ asOf, parentDoes }) => {
    const recs = advise(recordOn(asOf, [...messages], [...letters]), resolveAdvisorSettings());
    for (const action of parentDoes) {
      const { message, letter } = sent(asOf, action);
      messages.push(message);
      if (letter) letters.push(letter);
    }
    return { asOf, recs };
  });

  it.each(EXPECTED.map((e, i) => [e.asOf, e.shown, i] as const))(
    'on %s the advisor suggests %j',
    (_asOf, shown, i) => {
      const rules = new Set(seen[i]!.recs.map((r) => r.rule));
      const watched = (Object.keys(WATCHED) as (keyof typeof WATCHED)[]).filter((k) =>
        rules.has(WATCHED[k]!),
      );
      expect(watched.sort()).toEqual([...shown].sort());
    },
  );

  it('first appearances: make-up request week 2, follow-up and meeting week 4, escalation week 6', () => {
    const firstWeek = (rule: AdvisorRule) => seen.findIndex((w) => w.recs.some((r) => r.rule === rule)) + 1;
    expect({
      makeUp: firstWeek(WATCHED.makeUp!),
      followUp: firstWeek(WATCHED.followUp!),
      meeting: firstWeek(WATCHED.meeting!),
      escalate: firstWeek(WATCHED.escalate!),
    }).toEqual({ makeUp: 2, followUp: 4, meeting: 4, escalate: 6 });
  });

  it('no meeting in the second week over one missed 30-minute session', () => {
    const week2 = seen[1]!.recs;
    expect(week2.some((r) => r.action === 'call_iep_meeting')).toBe(false);
    const makeUp = week2.find((r) => r.rule === ADVISOR_RULES.serviceMakeupRequest)!;
    expect(makeUp.reason).toContain('too early for a meeting');
    expect(makeUp.contactIds).toEqual([CM, SLP]);
  });

  it('every week that suggests a step shows the filing deadlines with their dates', () => {
    for (const { recs } of seen) {
      for (const r of recs.filter((x) => x.subjectId === SPEECH)) {
        expect(
          r.deadlines.some((d) => d.label.startsWith('State complaint')),
          r.id,
        ).toBe(true);
        expect(
          r.deadlines.some((d) => d.label.startsWith('Due process')),
          r.id,
        ).toBe(true);
        expect(r.reason).toContain('no complaint or hearing requires climbing the ladder first');
      }
    }
  });

  it('the escalation goes one step up, to the principal, not straight to the district or a complaint', () => {
    const escalate = seen[5]!.recs.find((r) => r.rule === ADVISOR_RULES.serviceShortfallEscalation)!;
    expect(escalate.ladderStep?.id).toBe('principal');
    expect(escalate.letterKind).toBe('escalation');
    expect(escalate.contactIds).toEqual([PRINCIPAL]);
  });

  it('the next step comes only after the principal’s reply window: the director, still not mediation', () => {
    const escalate = seen[7]!.recs.find((r) => r.rule === ADVISOR_RULES.serviceShortfallEscalation)!;
    expect(escalate.ladderStep?.id).toBe('special_education_director');
    expect(escalate.contactIds).toEqual([DIRECTOR]);
    expect(escalate.reason).toContain('Tue, Oct 20');
  });
});
