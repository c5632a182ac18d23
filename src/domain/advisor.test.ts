import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ADVISOR_RULES,
  ADVISOR_SETTING_NOTES,
  type AdvisorRule,
  type AdvisorSettings,
  advise,
  COMMUNICATION_SUBJECT,
  DEFAULT_ADVISOR_SETTINGS,
  oldestComplaintFact,
  RECOMMENDATIONS_SHOWN,
  type Recommendation,
  reminders as remindersOf,
  resolveAdvisorSettings,
} from './advisor.ts';
import type {
  CaseAccommodation,
  CaseContact,
  CaseObservation,
  CaseParentNote,
  CasePlan,
  CaseRecord,
  CaseService,
  CaseSessionMiss,
} from './case-record.ts';
import type { Communication } from './communications.ts';
import { addDays, isoWeekday } from './dates.ts';
import { createTranslator } from './i18n/translate.ts';
import { sayWords } from './i18n/words.ts';
import { FINDING_RULES, type Finding } from './implementation-patterns.ts';
import { isProductChoice } from './jurisdictions.ts';

// Every reminder also carries its words for a reader of another language (issue 17): said in English,
// they must be exactly the English title and detail, in every case these tests build.
const english = createTranslator(
  'en',
  Object.assign(
    {},
    ...readdirSync(join(import.meta.dirname, 'i18n/locales/en')).map((f) =>
      JSON.parse(readFileSync(join(import.meta.dirname, 'i18n/locales/en', f), 'utf8')),
    ),
  ),
);
function reminders(...args: Parameters<typeof remindersOf>): ReturnType<typeof remindersOf> {
  const list = remindersOf(...args);
  for (const r of list) {
    expect(sayWords(r.words.title, english), r.id).toBe(r.title);
    expect(sayWords(r.words.detail, english), r.id).toBe(r.detail);
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// Fixtures. School year 2026-27. "Today" is Wednesday 2026-10-21; its week starts Monday 2026-10-19,
// so the four full weeks before it start 2026-09-21, 09-28, 10-05 and 10-12. Columbus Day (10-12) and
// Thanksgiving (11-26, 11-27) are holidays; winter break runs 2026-12-19 to 2027-01-03.

const AS_OF = '2026-10-21';
const CHILD = '00000000-0000-7000-8000-000000000001';
const PLAN = 'plan-1';
const CASE_MANAGER = 'contact-case-manager';
const SLP = 'contact-slp';
const PRINCIPAL = 'contact-principal';
const DIRECTOR = 'contact-director';

const HOLIDAYS = new Set(['2026-09-07', '2026-10-12', '2026-11-26', '2026-11-27']);
const inWinterBreak = (date: string) => date >= '2026-12-19' && date <= '2027-01-03';
const isSchoolDay = (date: string) => isoWeekday(date) <= 5 && !HOLIDAYS.has(date) && !inWinterBreak(date);

const TEAM: CaseContact[] = [
  { id: CASE_MANAGER, name: 'Ms. Alvarez', role: 'Case manager', email: 'alvarez@school.example' },
  { id: SLP, name: 'Mr. Chen', role: 'Speech-language pathologist', email: 'chen@school.example' },
  { id: PRINCIPAL, name: 'Dr. Brooks', role: 'Principal', email: 'brooks@school.example' },
  { id: DIRECTOR, name: 'Ms. Grant', role: 'Director of Special Education', email: 'grant@district.example' },
];

function plan(more: Partial<CasePlan> = {}): CasePlan {
  return {
    id: PLAN,
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
    inLongVacation: inWinterBreak,
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
    contactIds: [CASE_MANAGER],
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

type WeekFigures = { start: string; required: number; delivered: number; owed: number };

function service(id: string, weeks: WeekFigures[], more: Partial<CaseService> = {}): CaseService {
  const sum = (pick: (w: WeekFigures) => number) => weeks.reduce((total, w) => total + pick(w), 0);
  const required = sum((w) => w.required);
  const delivered = sum((w) => w.delivered);
  const owed = sum((w) => w.owed);
  return {
    id,
    name: 'Speech-language therapy',
    sourceText: 'Speech-language therapy, 30 minutes 2 times per week',
    providerRole: 'Speech-language pathologist',
    startDate: '2026-09-01',
    endDate: '2027-06-30',
    firstDeliveredDate: '2026-09-02',
    ledger: {
      from: '2026-09-01',
      to: AS_OF,
      requiredMinutes: required,
      deliveredMinutes: delivered,
      owedMinutes: owed,
      owedBalanceMinutes: owed,
      makeupMinutes: 0,
      unloggedMinutes: 0,
      percentDelivered: required > 0 ? Math.round((delivered / required) * 1000) / 10 : null,
      misses: [],
    },
    weeks: weeks.map((w) => ({
      start: w.start,
      requiredMinutes: w.required,
      deliveredMinutes: w.delivered,
      owedMinutes: w.owed,
      unloggedMinutes: 0,
      entryIds: [`entry-${id}-${w.start}`],
    })),
    ...more,
  };
}

const REVIEW_WEEKS = ['2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12'];

/** Four full weeks of 60 required minutes; `owed` and `delivered` are spread as given per week. */
function fourWeeks(perWeek: { delivered: number; owed: number }[]): WeekFigures[] {
  return REVIEW_WEEKS.map((start, i) => ({ start, required: 60, ...perWeek[i]! }));
}

const FULL = { delivered: 60, owed: 0 };

function observation(id: string, date: string, more: Partial<CaseObservation> = {}): CaseObservation {
  return {
    id,
    date,
    outcome: 'not_provided',
    className: 'Math',
    setting: 'test',
    teacherKind: 'regular',
    source: 'parent_saw',
    note: null,
    ...more,
  };
}

function accommodation(observations: CaseObservation[]): CaseAccommodation {
  return { id: 'acc-calculator', text: 'Use of a calculator in math', observations };
}

function note(
  id: string,
  kind: CaseParentNote['kind'],
  date: string,
  text = 'Something happened',
): CaseParentNote {
  return { id, kind, date, text };
}

function finding(rule: string, subjectId: string, entryIds: string[], more: Partial<Finding> = {}): Finding {
  return {
    rule,
    subjectId,
    severity: 'concern',
    message: 'A pattern was noted.',
    question: 'Could we look at this together?',
    entryIds,
    ...more,
  };
}

const settings = (more: Partial<AdvisorSettings> = {}): AdvisorSettings => resolveAdvisorSettings(more);

function byRule(recommendations: Recommendation[], rule: AdvisorRule): Recommendation[] {
  return recommendations.filter((r) => r.rule === rule);
}

function only(recommendations: Recommendation[], rule: AdvisorRule): Recommendation {
  const matching = byRule(recommendations, rule);
  expect(matching).toHaveLength(1);
  return matching[0]!;
}

const IDEA_CITATION = /\b300\.|71 FR|Van Duyn|Bobby R|IDEA/;

/** Every citation text and source in a recommendation (its own, its deadlines', its ladder step's). */
function citedTexts(r: Recommendation): string[] {
  const bases = [
    r.citation,
    ...r.deadlines.map((d) => d.citation),
    ...r.thresholds.map((t) => t.basis),
    ...(r.ladderStep ? [r.ladderStep.basis] : []),
  ];
  return bases.flatMap((b) => (isProductChoice(b) ? [b.text] : [b.text, b.source]));
}

// ---------------------------------------------------------------------------------------------

describe('settings', () => {
  it('defaults are the documented product choices', () => {
    expect(DEFAULT_ADVISOR_SETTINGS).toMatchObject({
      replySchoolDays: 5,
      unansweredInThreadForSupervisor: 2,
      unansweredForEscalation: 2,
      unansweredThreadsForMeeting: 3,
      owedShareOverFourWeeks: 0.25,
      minDeliveredShare: 0.75,
      accommodationLapsesForMeeting: 3,
      accommodationLapseWindowDays: 30,
      serviceStartSchoolDays: 10,
    });
  });

  it('a household can override one setting and keep the other defaults', () => {
    const custom = resolveAdvisorSettings({ owedShareOverFourWeeks: 0.1 });
    expect(custom.owedShareOverFourWeeks).toBe(0.1);
    expect(custom.minDeliveredShare).toBe(0.75);
  });

  it('rejects a share above 1 and a fractional count', () => {
    expect(() => resolveAdvisorSettings({ minDeliveredShare: 1.5 })).toThrow();
    expect(() => resolveAdvisorSettings({ accommodationLapsesForMeeting: 2.5 })).toThrow();
  });

  it('every setting is explained', () => {
    for (const name of Object.keys(DEFAULT_ADVISOR_SETTINGS)) {
      expect(ADVISOR_SETTING_NOTES[name as keyof AdvisorSettings]).toBeTruthy();
    }
  });
});

describe('rule: reply overdue -> follow up', () => {
  it('fires the day after the reply date with no reply logged', () => {
    const rec = only(
      advise(record({ communications: [message('m1')], asOf: '2026-10-20' }), settings()),
      ADVISOR_RULES.replyOverdue,
    );
    expect(rec).toMatchObject({
      id: 'reply_overdue:m1',
      action: 'follow_up',
      subjectId: 'm1',
      entryIds: ['m1'],
      letterKind: 'follow_up_unanswered',
      contactIds: [CASE_MANAGER],
      ladderStep: { id: 'provider_or_case_manager' },
      confidence: { level: 'high' },
    });
    expect(isProductChoice(rec.citation)).toBe(true);
    expect(rec.reason).toContain('Ms. Alvarez');
    expect(rec.reason).toContain('1 day later');
  });

  it('does not fire on the reply date itself (still waiting)', () => {
    const recs = advise(record({ communications: [message('m1')], asOf: '2026-10-19' }), settings());
    expect(byRule(recs, ADVISOR_RULES.replyOverdue)).toEqual([]);
  });

  it('does not fire when a reply names the message', () => {
    const reply = message('r1', {
      direction: 'received',
      date: '2026-10-14',
      inReplyToId: 'm1',
      replyExpectedBy: null,
    });
    expect(
      byRule(
        advise(record({ communications: [message('m1'), reply] }), settings()),
        ADVISOR_RULES.replyOverdue,
      ),
    ).toEqual([]);
  });

  it('does not fire when a later message in the same thread answers it', () => {
    // The school wrote first, the parent replied, and the school wrote again in the thread.
    const school1 = message('s1', { direction: 'received', date: '2026-10-09', replyExpectedBy: null });
    const parent = message('p1', { date: '2026-10-12', inReplyToId: 's1' });
    const school2 = message('s2', {
      direction: 'received',
      date: '2026-10-15',
      inReplyToId: 's1',
      replyExpectedBy: null,
    });
    const recs = advise(record({ communications: [school1, parent, school2] }), settings());
    expect(byRule(recs, ADVISOR_RULES.replyOverdue)).toEqual([]);
  });

  it('an earlier message in the thread is not a reply', () => {
    const school1 = message('s1', { direction: 'received', date: '2026-10-09', replyExpectedBy: null });
    const parent = message('p1', { date: '2026-10-12', inReplyToId: 's1' });
    const rec = only(
      advise(record({ communications: [school1, parent] }), settings()),
      ADVISOR_RULES.replyOverdue,
    );
    expect(rec.subjectId).toBe('s1');
    expect(rec.entryIds).toEqual(['p1']);
  });

  it('a holding reply holds the follow-up until the promised date, then it fires, saying so', () => {
    const holding = message('h1', {
      direction: 'received',
      date: '2026-10-14',
      inReplyToId: 'm1',
      replyExpectedBy: null,
      holdingUntil: '2026-10-23',
    });
    const before = advise(
      record({ communications: [message('m1'), holding], asOf: '2026-10-23' }),
      settings(),
    );
    expect(byRule(before, ADVISOR_RULES.replyOverdue)).toEqual([]);
    const after = only(
      advise(record({ communications: [message('m1'), holding], asOf: '2026-10-26' }), settings()),
      ADVISOR_RULES.replyOverdue,
    );
    expect(after.reason).toContain('the answer was promised by Fri, Oct 23');
    expect(after.letterKind).toBe('follow_up_unanswered');
  });

  it('does not fire for a message closed without a reply, or one received', () => {
    const closed = message('m1', { closedWithoutReply: true });
    const received = message('m2', { direction: 'received' });
    const recs = advise(record({ communications: [closed, received] }), settings());
    expect(byRule(recs, ADVISOR_RULES.replyOverdue)).toEqual([]);
  });

  it('does not fire while a follow-up is inside its own reply window', () => {
    const followUp = message('m2', { date: '2026-10-20', inReplyToId: 'm1', replyExpectedBy: '2026-10-27' });
    const recs = advise(record({ communications: [message('m1'), followUp] }), settings());
    expect(byRule(recs, ADVISOR_RULES.replyOverdue)).toEqual([]);
    expect(byRule(recs, ADVISOR_RULES.replyOverdueAfterFollowUp)).toEqual([]);
  });

  it('ignores messages dated after today', () => {
    const future = message('m1', { date: '2026-10-25', replyExpectedBy: '2026-10-20' });
    expect(
      byRule(advise(record({ communications: [future] }), settings()), ADVISOR_RULES.replyOverdue),
    ).toEqual([]);
  });

  it('offers a new reply date 5 school days out, labelled as a product choice', () => {
    const rec = only(
      advise(record({ communications: [message('m1')] }), settings()),
      ADVISOR_RULES.replyOverdue,
    );
    expect(rec.deadlines).toHaveLength(1);
    expect(rec.deadlines[0]!.date).toBe('2026-10-28');
    expect(isProductChoice(rec.deadlines[0]!.citation)).toBe(true);
  });
});

describe('rule: a follow-up also unanswered -> copy the supervisor', () => {
  const first = message('m1', { date: '2026-10-05', replyExpectedBy: '2026-10-12' });
  const followUp = message('m2', { date: '2026-10-13', inReplyToId: 'm1', replyExpectedBy: '2026-10-20' });

  it('fires when the first message and its follow-up are both past their reply dates', () => {
    const recs = advise(record({ communications: [first, followUp] }), settings());
    const rec = only(recs, ADVISOR_RULES.replyOverdueAfterFollowUp);
    expect(rec).toMatchObject({
      id: 'reply_overdue_after_follow_up:m1',
      action: 'follow_up_supervisor',
      entryIds: ['m1', 'm2'],
      letterKind: 'follow_up_unanswered',
      ladderStep: { id: 'principal' },
    });
    expect(rec.contactIds).toEqual([CASE_MANAGER, PRINCIPAL]);
    expect(rec.title).toContain('Dr. Brooks');
    expect(byRule(recs, ADVISOR_RULES.replyOverdue)).toEqual([]);
  });

  it('just under (only the first message unanswered): a plain follow-up instead', () => {
    const recs = advise(record({ communications: [first] }), settings());
    expect(byRule(recs, ADVISOR_RULES.replyOverdueAfterFollowUp)).toEqual([]);
    expect(byRule(recs, ADVISOR_RULES.replyOverdue)).toHaveLength(1);
  });

  it('with the threshold raised to 3, two unanswered messages are a plain follow-up', () => {
    const recs = advise(
      record({ communications: [first, followUp] }),
      settings({ unansweredInThreadForSupervisor: 3 }),
    );
    expect(byRule(recs, ADVISOR_RULES.replyOverdueAfterFollowUp)).toEqual([]);
    expect(only(recs, ADVISOR_RULES.replyOverdue).entryIds).toEqual(['m1', 'm2']);
  });

  it('when the principal was already copied, the next person up is the director', () => {
    const copied = { ...followUp, contactIds: [CASE_MANAGER, PRINCIPAL] };
    const rec = only(
      advise(record({ communications: [first, copied] }), settings()),
      ADVISOR_RULES.replyOverdueAfterFollowUp,
    );
    expect(rec.ladderStep?.id).toBe('special_education_director');
    expect(rec.contactIds).toContain(DIRECTOR);
  });
});

describe('rule: repeated unanswered follow-ups -> escalate', () => {
  const thread = (n: number, prefix: string, subject: string): Communication[] =>
    Array.from({ length: n }, (_, i) =>
      message(`${prefix}${i + 1}`, {
        subject,
        date: addDays('2026-09-28', 7 * i),
        replyExpectedBy: addDays('2026-10-05', 7 * i),
        inReplyToId: i === 0 ? null : `${prefix}${i}`,
      }),
    ).filter((m) => m.replyExpectedBy! < AS_OF);

  it('fires at 2 unanswered follow-ups across threads, and covers their threads', () => {
    const communications = [...thread(2, 'a', 'Speech'), ...thread(2, 'b', 'Calculator')];
    const recs = advise(record({ communications }), settings());
    const rec = only(recs, ADVISOR_RULES.unansweredAfterFollowUps);
    expect(rec).toMatchObject({
      id: `unanswered_after_follow_ups:${COMMUNICATION_SUBJECT}`,
      action: 'escalate',
      entryIds: ['a1', 'b1', 'a2', 'b2'],
      ladderStep: { id: 'principal' },
      letterKind: 'escalation',
      contactIds: [PRINCIPAL],
    });
    expect(rec.reason).toContain('2 follow-ups');
    expect(byRule(recs, ADVISOR_RULES.replyOverdueAfterFollowUp)).toEqual([]);
  });

  it('fires for one thread with two unanswered follow-ups', () => {
    const recs = advise(record({ communications: thread(3, 'a', 'Speech') }), settings());
    expect(only(recs, ADVISOR_RULES.unansweredAfterFollowUps).entryIds).toEqual(['a1', 'a2', 'a3']);
  });

  it('just under (one unanswered follow-up): no escalation, the supervisor is copied instead', () => {
    const recs = advise(record({ communications: thread(2, 'a', 'Speech') }), settings());
    expect(byRule(recs, ADVISOR_RULES.unansweredAfterFollowUps)).toEqual([]);
    expect(byRule(recs, ADVISOR_RULES.replyOverdueAfterFollowUp)).toHaveLength(1);
  });

  it('goes one step above the highest person already written to', () => {
    const communications = thread(3, 'a', 'Speech').map((m) =>
      m.id === 'a3' ? { ...m, contactIds: [CASE_MANAGER, PRINCIPAL] } : m,
    );
    const rec = only(advise(record({ communications }), settings()), ADVISOR_RULES.unansweredAfterFollowUps);
    expect(rec.ladderStep?.id).toBe('special_education_director');
    expect(rec.contactIds).toEqual([DIRECTOR]);
  });

  it('stops at the highest person: in British Columbia the principal, not a board appeal', () => {
    const communications = thread(3, 'a', 'Speech').map((m) => ({
      ...m,
      contactIds: [CASE_MANAGER, PRINCIPAL],
    }));
    const bc = record({ communications, plan: plan({ jurisdiction: { country: 'CA', region: 'BC' } }) });
    expect(only(advise(bc, settings()), ADVISOR_RULES.unansweredAfterFollowUps).ladderStep?.id).toBe(
      'principal',
    );
  });
});

describe('rule: communication breakdown -> call a meeting', () => {
  const oneEach = ['x', 'y', 'z'].map((id, i) =>
    message(id, { subject: `Question ${i + 1}`, date: '2026-10-05', replyExpectedBy: '2026-10-12' }),
  );

  it('fires when 3 separate messages are past their reply dates', () => {
    const rec = only(
      advise(record({ communications: oneEach }), settings()),
      ADVISOR_RULES.communicationBreakdown,
    );
    expect(rec).toMatchObject({
      action: 'call_iep_meeting',
      entryIds: ['x', 'y', 'z'],
      letterKind: 'request_iep_meeting',
      citation: { source: '71 FR 46676' },
      contactIds: [CASE_MANAGER],
    });
    expect(rec.title).toContain('an IEP meeting');
  });

  it('does not fire at 2', () => {
    const recs = advise(record({ communications: oneEach.slice(0, 2) }), settings());
    expect(byRule(recs, ADVISOR_RULES.communicationBreakdown)).toEqual([]);
  });

  it('a thread whose follow-up is still pending still counts as waiting', () => {
    const pending = message('x2', { date: '2026-10-20', inReplyToId: 'x', replyExpectedBy: '2026-10-27' });
    const recs = advise(record({ communications: [...oneEach, pending] }), settings());
    expect(byRule(recs, ADVISOR_RULES.communicationBreakdown)).toHaveLength(1);
  });

  it('in California, carries the 30-day meeting timeline from today', () => {
    const california = record({
      communications: oneEach,
      plan: plan({ jurisdiction: { country: 'US', region: 'CA' } }),
    });
    const rec = only(advise(california, settings()), ADVISOR_RULES.communicationBreakdown);
    expect(rec.deadlines).toEqual([
      expect.objectContaining({
        date: '2026-11-20',
        citation: expect.objectContaining({ source: 'Cal. Ed. Code 56343.5; Cal. Ed. Code 56343(c)' }),
      }),
    ]);
  });
});

describe('rule: a call or meeting with no written follow-up -> write one', () => {
  const call = (date: string) =>
    message('call1', {
      kind: 'phone',
      direction: 'received',
      date,
      replyExpectedBy: null,
      subject: 'Speech schedule',
    });

  it('fires for a recent call with nothing written after it', () => {
    const rec = only(
      advise(record({ communications: [call('2026-10-16')] }), settings()),
      ADVISOR_RULES.verbalWithoutFollowUp,
    );
    expect(rec).toMatchObject({
      id: 'verbal_without_written_follow_up:call1',
      action: 'write_follow_up',
      entryIds: ['call1'],
      letterKind: 'follow_up_verbal',
      confidence: { level: 'high' },
    });
    expect(rec.title).toContain('phone call');
  });

  it('does not fire when an email follows it up', () => {
    const followUp = message('e1', { date: '2026-10-16', followsUpId: 'call1', replyExpectedBy: null });
    const recs = advise(record({ communications: [call('2026-10-16'), followUp] }), settings());
    expect(byRule(recs, ADVISOR_RULES.verbalWithoutFollowUp)).toEqual([]);
  });

  it('fires 29 days after the call, not 30 (lookback 30 days)', () => {
    expect(
      byRule(
        advise(record({ communications: [call('2026-09-22')] }), settings()),
        ADVISOR_RULES.verbalWithoutFollowUp,
      ),
    ).toHaveLength(1);
    expect(
      byRule(
        advise(record({ communications: [call('2026-09-21')] }), settings()),
        ADVISOR_RULES.verbalWithoutFollowUp,
      ),
    ).toEqual([]);
  });

  it('is less sure when an unlinked email to the same person followed the next day', () => {
    const email = message('e1', { date: '2026-10-17', replyExpectedBy: null });
    const rec = only(
      advise(record({ communications: [call('2026-10-16'), email] }), settings()),
      ADVISOR_RULES.verbalWithoutFollowUp,
    );
    expect(rec.confidence.level).toBe('medium');
  });
});

describe('rule: no recent message -> check in', () => {
  it('fires 21 days after the last message, not 20', () => {
    const at21 = message('m1', { date: '2026-09-30', replyExpectedBy: null });
    const at20 = message('m1', { date: '2026-10-01', replyExpectedBy: null });
    const rec = only(advise(record({ communications: [at21] }), settings()), ADVISOR_RULES.noRecentCheckIn);
    expect(rec).toMatchObject({
      action: 'check_in',
      letterKind: 'check_in',
      entryIds: ['m1'],
      urgency: 'low',
    });
    expect(
      byRule(advise(record({ communications: [at20] }), settings()), ADVISOR_RULES.noRecentCheckIn),
    ).toEqual([]);
  });

  it('counts from the plan start when nothing was sent', () => {
    const rec = only(advise(record(), settings()), ADVISOR_RULES.noRecentCheckIn);
    expect(rec.reason).toContain('50 days');
    expect(rec.entryIds).toEqual([]);
  });

  it('does not fire outside the plan dates', () => {
    const ended = record({ plan: plan({ effectiveTo: '2026-10-01' }) });
    expect(byRule(advise(ended, settings()), ADVISOR_RULES.noRecentCheckIn)).toEqual([]);
  });
});

/** The make-up request about speech, sent to the provider on Oct 5 and unanswered past its reply date. */
const ASKED = message('asked-makeup', {
  date: '2026-09-29',
  contactIds: [SLP],
  subject: 'Making up speech sessions',
  replyExpectedBy: '2026-10-06',
});

describe('rule: service shortfall over four weeks -> call a meeting, once the provider was asked', () => {
  it('fires at exactly 25% owed (60 of 240 minutes), with high confidence', () => {
    const speech = service(
      'svc-speech',
      fourWeeks([FULL, { delivered: 30, owed: 30 }, { delivered: 30, owed: 30 }, FULL]),
      {
        ledger: {
          ...service('x', []).ledger,
          requiredMinutes: 240,
          deliveredMinutes: 180,
          owedMinutes: 60,
          owedBalanceMinutes: 60,
          misses: [
            {
              entryId: 'miss-1',
              date: '2026-09-29',
              reason: 'assembly',
              minutes: 30,
              responsibility: 'owed',
              owedRemainingMinutes: 30,
            },
            {
              entryId: 'miss-2',
              date: '2026-10-06',
              reason: 'provider_absent',
              minutes: 30,
              responsibility: 'owed',
              owedRemainingMinutes: 30,
            },
          ],
        },
      },
    );
    // Not asked yet: the make-up request to the provider and case manager comes first, never a meeting.
    const first = advise(record({ services: [speech] }), settings());
    expect(byRule(first, ADVISOR_RULES.serviceShortfall)).toEqual([]);
    expect(only(first, ADVISOR_RULES.serviceMakeupRequest)).toMatchObject({
      action: 'request_makeup',
      letterKind: 'specific_concern',
      contactIds: [CASE_MANAGER, SLP],
      citation: { productChoice: true },
    });
    const rec = only(
      advise(record({ services: [speech], communications: [ASKED] }), settings()),
      ADVISOR_RULES.serviceShortfall,
    );
    expect(rec).toMatchObject({
      id: 'service_shortfall:svc-speech',
      action: 'call_iep_meeting',
      letterKind: 'request_iep_meeting',
      confidence: { level: 'high' },
      // The federal profile: 300.323, and courts differ (Bobby R.), never Van Duyn outside the Ninth Circuit.
      citation: {
        source:
          '34 CFR 300.323; Houston Independent School District v. Bobby R., 200 F.3d 341 (5th Cir. 2000)',
      },
      contactIds: [CASE_MANAGER, SLP],
    });
    expect(rec.entryIds).toEqual([
      'entry-svc-speech-2026-09-21',
      'entry-svc-speech-2026-09-28',
      'entry-svc-speech-2026-10-05',
      'entry-svc-speech-2026-10-12',
      'miss-1',
      'miss-2',
      'asked-makeup',
    ]);
    expect(rec.reason).toContain('required 240 minutes: 180 were delivered (75%) and 60 are counted as owed');
    expect(rec.reason).toContain('no complaint or hearing requires climbing the ladder first');
    expect(rec.thresholds.map((t) => [t.name, t.value, isProductChoice(t.basis)])).toEqual([
      ['owedShareOverFourWeeks', 0.25, true],
      ['minDeliveredShare', 0.75, true],
      ['minWeeksForMeeting', 3, true],
    ]);
    // Windows from the earliest missed session, 2026-09-29 (a Tuesday); 2027-09-29 is a Wednesday, 2028-09-29 a Friday.
    expect(rec.deadlines).toEqual([
      expect.objectContaining({
        date: '2027-09-29',
        citation: expect.objectContaining({ source: '34 CFR 300.153' }),
      }),
      expect.objectContaining({
        date: '2028-09-29',
        label: expect.stringContaining('federal default: check your state’s limit'),
        citation: expect.objectContaining({ source: '34 CFR 300.507(a)(2); 34 CFR 300.511(e)-(f)' }),
      }),
    ]);
  });

  it('does not fire just under: 99 of 400 owed (24.75%) and 301 delivered', () => {
    const weeks = REVIEW_WEEKS.map((start, i) => ({
      start,
      required: 100,
      delivered: i === 0 ? 1 : 100,
      owed: i === 0 ? 99 : 0,
    }));
    const recs = advise(record({ services: [service('svc', weeks)], communications: [ASKED] }), settings());
    expect(byRule(recs, ADVISOR_RULES.serviceShortfall)).toEqual([]);
  });

  it('under 75% delivered with nothing owed and no unknown reasons: no meeting (the gap is excused or unlogged)', () => {
    const weeks = fourWeeks([FULL, FULL, FULL, { delivered: 59, owed: 0 }]); // 239 of 240
    const at = (delivered: number) =>
      fourWeeks([
        { delivered, owed: 0 },
        { delivered: 60, owed: 0 },
        { delivered: 60, owed: 0 },
        { delivered: 0, owed: 0 },
      ]);
    expect(
      byRule(
        advise(record({ services: [service('svc', weeks)] }), settings()),
        ADVISOR_RULES.serviceShortfall,
      ),
    ).toEqual([]);
    // 179 of 240 (74.6%) delivered, nothing owed: nothing for the ladder (the logs request covers unlogged minutes).
    expect(
      advise(record({ services: [service('svc', at(59))], communications: [ASKED] }), settings()).filter(
        (r) => r.subjectId === 'svc' && r.rule !== ADVISOR_RULES.serviceUnlogged,
      ),
    ).toEqual([]);
    expect(
      byRule(
        advise(record({ services: [service('svc', at(60))] }), settings()),
        ADVISOR_RULES.serviceShortfall,
      ),
    ).toEqual([]);
  });

  it('looks only at the four full weeks before this one', () => {
    const weeks: WeekFigures[] = [
      { start: '2026-09-14', required: 60, delivered: 0, owed: 60 },
      ...fourWeeks([FULL, FULL, FULL, FULL]),
      { start: '2026-10-19', required: 60, delivered: 0, owed: 60 },
    ];
    expect(
      byRule(
        advise(record({ services: [service('svc', weeks)] }), settings()),
        ADVISOR_RULES.serviceShortfall,
      ),
    ).toEqual([]);
  });

  it('a household threshold of 10% fires on one missed session in four weeks', () => {
    const weeks = fourWeeks([FULL, { delivered: 30, owed: 30 }, FULL, FULL]);
    const recs = advise(
      record({ services: [service('svc', weeks)], communications: [ASKED] }),
      settings({ owedShareOverFourWeeks: 0.1 }),
    );
    expect(byRule(recs, ADVISOR_RULES.serviceShortfall)).toHaveLength(1);
    expect(
      byRule(
        advise(record({ services: [service('svc', weeks)], communications: [ASKED] }), settings()),
        ADVISOR_RULES.serviceShortfall,
      ),
    ).toEqual([]);
  });

  it('skips a service with nothing required in the window', () => {
    const weeks = REVIEW_WEEKS.map((start) => ({ start, required: 0, delivered: 0, owed: 0 }));
    expect(
      byRule(
        advise(record({ services: [service('svc', weeks)] }), settings()),
        ADVISOR_RULES.serviceShortfall,
      ),
    ).toEqual([]);
  });

  it('for a 504 plan: the 504 safeguards and OCR windows, never IDEA', () => {
    const weeks = fourWeeks([{ delivered: 0, owed: 60 }, FULL, FULL, FULL]);
    const plan504 = record({
      services: [service('svc', weeks)],
      communications: [ASKED],
      plan: plan({ kind: '504', jurisdiction: { country: 'US', region: 'CA' } }),
    });
    const rec = only(advise(plan504, settings()), ADVISOR_RULES.serviceShortfall);
    // Carrying out a 504 plan rests on FAPE (104.33), not on the procedural safeguards (104.36).
    expect(rec.citation).toMatchObject({ source: '34 CFR 104.33', kind: 'law' });
    expect(rec.title).toContain('a 504 plan meeting');
    // No misses listed: the windows count from the first short week, 2026-09-21 (+180 days = 2027-03-20, a Saturday).
    expect(rec.deadlines).toEqual([
      expect.objectContaining({
        label: expect.stringContaining('OCR'),
        date: '2027-03-19',
        citation: expect.objectContaining({ source: '34 CFR 100.7(b); 34 CFR 104.61' }),
      }),
    ]);
    expect(rec.deadlines[0]!.label).toContain('OCR’s manual (guidance)');
    for (const text of citedTexts(rec)) expect(text).not.toMatch(IDEA_CITATION);
  });
});

describe('rule: minutes with no record -> ask for the logs', () => {
  const withUnlogged = (unlogged: number) => {
    const base = service('svc', fourWeeks([FULL, FULL, FULL, FULL]));
    return { ...base, ledger: { ...base.ledger, requiredMinutes: 240, unloggedMinutes: unlogged } };
  };

  /** Four full weeks with `unloggedBefore` minutes unlogged, then this week (from 10-19): 60 required, none logged yet. */
  const withWeekUnderWay = (unloggedBefore: number) => {
    const base = service('svc', [
      ...fourWeeks([FULL, FULL, FULL, FULL]),
      { start: '2026-10-19', required: 60, delivered: 0, owed: 0 },
    ]);
    return {
      ...base,
      ledger: { ...base.ledger, requiredMinutes: 300, unloggedMinutes: unloggedBefore + 60 },
      weeks: base.weeks.map((w) => (w.start === '2026-10-19' ? { ...w, unloggedMinutes: 60 } : w)),
    };
  };

  it('does not count the week under way: its sessions may still be logged', () => {
    // 90 of 300 minutes (30%) with this week; 30 of the 240 before it (12.5%).
    const services = [withWeekUnderWay(30)];
    expect(byRule(advise(record({ services }), settings()), ADVISOR_RULES.serviceUnlogged)).toEqual([]);
  });

  it('counts the weeks before this one, and says up to when', () => {
    const rec = only(
      advise(record({ services: [withWeekUnderWay(60)] }), settings()),
      ADVISOR_RULES.serviceUnlogged,
    );
    expect(rec.reason).toContain(
      'to Sun, Oct 18, 60 of the 240 required minutes of Speech-language therapy (25%)',
    );
  });

  it('fires at 25% of required minutes unlogged, with the federal 45-day records timeline', () => {
    const rec = only(
      advise(record({ services: [withUnlogged(60)] }), settings()),
      ADVISOR_RULES.serviceUnlogged,
    );
    expect(rec).toMatchObject({
      action: 'request_logs',
      letterKind: 'request_service_logs',
      citation: { source: '34 CFR 300.613(a); 34 CFR 300.613(b)(2)' },
      deadlines: [{ date: '2026-12-05', citation: { source: '34 CFR 300.613(a); 34 CFR 300.613(b)(2)' } }],
    });
    expect(rec.entryIds).toHaveLength(4);
  });

  it('does not fire at 59 of 240 minutes', () => {
    expect(
      byRule(advise(record({ services: [withUnlogged(59)] }), settings()), ADVISOR_RULES.serviceUnlogged),
    ).toEqual([]);
  });

  it('in California, records within 5 business days', () => {
    const california = record({
      services: [withUnlogged(120)],
      plan: plan({ jurisdiction: { country: 'US', region: 'CA' } }),
    });
    const rec = only(advise(california, settings()), ADVISOR_RULES.serviceUnlogged);
    expect(rec.deadlines).toEqual([
      expect.objectContaining({
        date: '2026-10-28',
        citation: expect.objectContaining({ source: 'Cal. Ed. Code 56504' }),
      }),
    ]);
  });
});

describe('rule: service not started -> escalate', () => {
  // Start Tuesday 2026-10-06; 10 school days later, skipping Columbus Day, is Wednesday 2026-10-21.
  const notStarted = (more: Partial<CaseService> = {}) =>
    service('svc-ot', [], {
      name: 'Occupational therapy',
      startDate: '2026-10-06',
      firstDeliveredDate: null,
      providerRole: null,
      ...more,
    });

  it('does not fire on the 10th school day itself', () => {
    expect(
      byRule(advise(record({ services: [notStarted()] }), settings()), ADVISOR_RULES.serviceNotStarted),
    ).toEqual([]);
  });

  it('fires the day after: with nothing logged and no message sent, ask the case manager first', () => {
    const rec = only(
      advise(record({ services: [notStarted()], asOf: '2026-10-22' }), settings()),
      ADVISOR_RULES.serviceNotStarted,
    );
    expect(rec).toMatchObject({
      id: 'service_not_started:svc-ot',
      action: 'follow_up',
      letterKind: 'specific_concern',
      ladderStep: { id: 'provider_or_case_manager' },
      contactIds: [CASE_MANAGER],
      citation: { source: '34 CFR 300.323' },
      confidence: { level: 'medium' },
    });
    expect(isProductChoice(rec.thresholds[0]!.basis)).toBe(true);
    // The filing windows are shown even on the first step, from the first late day.
    expect(rec.deadlines.map((d) => d.date)).toEqual(['2027-10-22', '2028-10-20']);
  });

  it('once the family wrote about it, escalates to the principal', () => {
    const asked = message('m0', {
      date: '2026-10-19',
      contactIds: [CASE_MANAGER],
      replyExpectedBy: '2026-10-21',
    });
    const rec = only(
      advise(record({ services: [notStarted()], communications: [asked], asOf: '2026-10-22' }), settings()),
      ADVISOR_RULES.serviceNotStarted,
    );
    expect(rec).toMatchObject({
      action: 'escalate',
      letterKind: 'escalation',
      ladderStep: { id: 'principal' },
      contactIds: [PRINCIPAL],
    });
  });

  it('harm you noted goes straight up, even with nothing written yet', () => {
    const rec = only(
      advise(
        record({
          services: [notStarted()],
          parentNotes: [note('n-harm', 'harm', '2026-10-20', 'Crying before school every day')],
          asOf: '2026-10-22',
        }),
        settings(),
      ),
      ADVISOR_RULES.serviceNotStarted,
    );
    expect(rec.ladderStep?.id).toBe('principal');
  });

  it('does not fire once a session is delivered', () => {
    const started = notStarted({ firstDeliveredDate: '2026-10-15' });
    expect(
      byRule(
        advise(record({ services: [started], asOf: '2026-11-02' }), settings()),
        ADVISOR_RULES.serviceNotStarted,
      ),
    ).toEqual([]);
  });

  it('lists logged misses as its entries, with high confidence', () => {
    const base = notStarted();
    const missed = {
      ...base,
      ledger: {
        ...base.ledger,
        misses: [
          {
            entryId: 'miss-ot',
            date: '2026-10-08',
            reason: 'provider_absent',
            minutes: 30,
            responsibility: 'owed' as const,
            owedRemainingMinutes: 30,
          },
        ],
      },
    };
    const rec = only(
      advise(record({ services: [missed], asOf: '2026-10-22' }), settings()),
      ADVISOR_RULES.serviceNotStarted,
    );
    expect(rec.entryIds).toEqual(['miss-ot']);
    expect(rec.confidence.level).toBe('high');
  });

  it('outside Illinois the household setting applies: with 5 school days, not on Oct 14, fires Oct 15', () => {
    // Oct 7, 8, 9, (12 holiday), 13, 14: the 5th school day is Oct 14.
    const five = settings({ serviceStartSchoolDays: 5 });
    expect(
      byRule(
        advise(record({ services: [notStarted()], asOf: '2026-10-14' }), five),
        ADVISOR_RULES.serviceNotStarted,
      ),
    ).toEqual([]);
    expect(
      byRule(
        advise(record({ services: [notStarted()], asOf: '2026-10-15' }), five),
        ADVISOR_RULES.serviceNotStarted,
      ),
    ).toHaveLength(1);
  });

  it('in Illinois the rule (10 school days, 23 Ill. Adm. Code 226.220(b)) wins over the setting, with the notice date', () => {
    const illinois = plan({ jurisdiction: { country: 'US', region: 'IL' } });
    const early = advise(
      record({ services: [notStarted()], asOf: '2026-10-15', plan: illinois }),
      settings({ serviceStartSchoolDays: 5 }),
    );
    expect(byRule(early, ADVISOR_RULES.serviceNotStarted)).toEqual([]);
    const rec = only(
      advise(record({ services: [notStarted()], asOf: '2026-10-22', plan: illinois }), settings()),
      ADVISOR_RULES.serviceNotStarted,
    );
    const source = '23 Ill. Adm. Code 226.220(b); 105 ILCS 5/14-8.02f(d-5)';
    expect(rec.thresholds[0]).toMatchObject({ value: 10, basis: { source } });
    // Notice 3 school days after Oct 21: Oct 22, 23, 26.
    expect(rec.deadlines[0]).toMatchObject({ date: '2026-10-26', citation: { source } });
    expect(rec.reason).toContain('written notice by Mon, Oct 26');
  });

  it('in Illinois a day the child was absent from school is not counted (226.220)', () => {
    const illinois = plan({ jurisdiction: { country: 'US', region: 'IL' } });
    // Absent Oct 8 and 9: the 10th school day present moves from Oct 21 to Oct 23.
    const absent = { absentDays: ['2026-10-08', '2026-10-09'] };
    for (const asOf of ['2026-10-22', '2026-10-23']) {
      expect(
        byRule(
          advise(record({ services: [notStarted()], asOf, plan: illinois, ...absent }), settings()),
          ADVISOR_RULES.serviceNotStarted,
        ),
      ).toEqual([]);
    }
    const rec = only(
      advise(record({ services: [notStarted()], asOf: '2026-10-26', plan: illinois, ...absent }), settings()),
      ADVISOR_RULES.serviceNotStarted,
    );
    expect(rec.reason).toContain('passed on Fri, Oct 23');
    expect(rec.reason).toContain('marked absent from school are not counted');
    // Notice 3 school days (present) after Oct 23: Oct 26, 27, 28.
    expect(rec.deadlines[0]).toMatchObject({ date: '2026-10-28' });
    // Outside Illinois an absence changes nothing.
    expect(
      byRule(
        advise(record({ services: [notStarted()], asOf: '2026-10-22', ...absent }), settings()),
        ADVISOR_RULES.serviceNotStarted,
      ),
    ).toHaveLength(1);
  });

  it('goes to the director when the principal was already written to', () => {
    const toPrincipal = message('m1', { date: '2026-10-15', contactIds: [PRINCIPAL], replyExpectedBy: null });
    const rec = only(
      advise(
        record({ services: [notStarted()], communications: [toPrincipal], asOf: '2026-10-22' }),
        settings(),
      ),
      ADVISOR_RULES.serviceNotStarted,
    );
    expect(rec.ladderStep?.id).toBe('special_education_director');
  });

  it('with no school calendar, counts weekdays and says it is unsure', () => {
    const noCalendar = record({ services: [notStarted()], asOf: '2026-10-22', isSchoolDay: () => false });
    const rec = only(advise(noCalendar, settings()), ADVISOR_RULES.serviceNotStarted);
    expect(rec.confidence.level).toBe('low');
  });
});

/** Speech under last year's IEP, with `owed` minutes still to make up, as the case record carries it. */
function earlierService(owed: number): CaseService {
  const base = service('svc-speech-2025', []);
  const misses: CaseService['ledger']['misses'] = [
    {
      entryId: 'miss-2025-10-07',
      date: '2025-10-07',
      reason: 'provider_absent',
      minutes: 30,
      responsibility: 'owed',
      owedRemainingMinutes: Math.min(30, owed),
    },
    {
      entryId: 'miss-2026-05-12',
      date: '2026-05-12',
      reason: 'school_closed',
      minutes: 30,
      responsibility: 'owed',
      owedRemainingMinutes: Math.max(0, owed - 30),
    },
    {
      entryId: 'miss-2026-05-19',
      date: '2026-05-19',
      reason: 'student_absent',
      minutes: 30,
      responsibility: 'excused',
      owedRemainingMinutes: 0,
    },
  ];
  return {
    ...base,
    startDate: '2025-09-09',
    endDate: '2026-06-12',
    // Nothing delivered since, and weeks short of the plan: none of that is this plan's to judge.
    firstDeliveredDate: null,
    earlierPlan: {
      id: 'plan-2025',
      title: 'IEP, 2025-2026',
      effectiveFrom: '2025-09-09',
      effectiveTo: '2026-08-31',
    },
    ledger: {
      ...base.ledger,
      from: '2025-09-09',
      requiredMinutes: 1920,
      deliveredMinutes: 1200,
      owedMinutes: 60,
      owedBalanceMinutes: owed,
      unloggedMinutes: 600,
      percentDelivered: 62.5,
      misses,
    },
    weeks: fourWeeks([{ delivered: 0, owed: 60 }, { delivered: 0, owed: 60 }, FULL, FULL]).map((w) => ({
      start: w.start,
      requiredMinutes: w.required,
      deliveredMinutes: w.delivered,
      owedMinutes: w.owed,
      unloggedMinutes: 0,
      entryIds: [],
    })),
  };
}

describe('rule: make-ups still owed under an earlier plan -> ask when they will happen', () => {
  it('names the earlier plan, the minutes and the sessions, and asks the provider and case manager', () => {
    const rec = only(
      advise(record({ services: [earlierService(60)] }), settings()),
      ADVISOR_RULES.serviceOwedEarlierPlan,
    );
    expect(rec).toMatchObject({
      id: 'service_owed_earlier_plan:svc-speech-2025',
      action: 'follow_up',
      subjectId: 'svc-speech-2025',
      letterKind: 'specific_concern',
      citation: { source: expect.stringContaining('34 CFR 300.323') },
      confidence: { level: 'high' },
      deadlines: [],
      contactIds: [CASE_MANAGER, SLP],
    });
    expect(rec.reason).toBe(
      'Under the earlier IEP (“IEP, 2025-2026”, Sep 9, 2025 to Aug 31, 2026), 60 minutes of Speech-language therapy ' +
        'were missed for reasons As Written counts as owed, and no make-up covers them yet: 2 sessions from ' +
        'Oct 7, 2025 to May 12, 2026. The IEP in force counts only its own sessions; ask when these will be made up.',
    );
    // The owed misses, never the excused one.
    expect(rec.entryIds).toEqual(['miss-2025-10-07', 'miss-2026-05-12']);
  });

  it('runs no other service rule on it: its shortfall, unlogged minutes and start belong to its own year', () => {
    const rules = advise(record({ services: [earlierService(60)] }), settings())
      .filter((r) => r.subjectId === 'svc-speech-2025')
      .map((r) => r.rule);
    expect(rules).toEqual([ADVISOR_RULES.serviceOwedEarlierPlan]);
  });

  it('says nothing once its make-ups are all given', () => {
    const recs = advise(record({ services: [earlierService(0)] }), settings());
    expect(recs.filter((r) => r.subjectId === 'svc-speech-2025')).toEqual([]);
  });
});

describe('rule: accommodation lapses -> call a meeting', () => {
  it('fires at 3 lapses in the last 30 days, partly given counting as a lapse', () => {
    const acc = accommodation([
      observation('o1', '2026-10-01'),
      observation('o2', '2026-10-08', { outcome: 'partly' }),
      observation('o3', '2026-10-15'),
      observation('o4', '2026-10-16', { outcome: 'provided' }),
      observation('o5', '2026-10-17', { outcome: 'unknown' }),
    ]);
    // First a specific, friendly question to the teacher or case manager.
    const ask = only(
      advise(record({ accommodations: [acc] }), settings()),
      ADVISOR_RULES.accommodationLapses,
    );
    expect(ask).toMatchObject({
      action: 'follow_up',
      letterKind: 'specific_concern',
      entryIds: ['o1', 'o2', 'o3'],
    });
    expect(ask.deadlines.map((d) => d.date)).toEqual(['2027-10-01', '2028-09-29']);
    // Asked on Oct 9, no reply by Oct 16: a meeting.
    const asked = message('asked-acc', { date: '2026-10-09', replyExpectedBy: '2026-10-16' });
    const rec = only(
      advise(record({ accommodations: [acc], communications: [asked] }), settings()),
      ADVISOR_RULES.accommodationLapses,
    );
    expect(rec).toMatchObject({
      id: 'accommodation_lapses:acc-calculator',
      action: 'call_iep_meeting',
      entryIds: ['o1', 'o2', 'o3', 'asked-acc'],
      letterKind: 'request_iep_meeting',
      confidence: { level: 'high' },
    });
    expect(rec.reason).toContain('“Use of a calculator in math”');
    expect(rec.deadlines.map((d) => d.date)).toEqual(['2027-10-01', '2028-09-29']);
  });

  it('does not fire at 2', () => {
    const acc = accommodation([observation('o1', '2026-10-01'), observation('o2', '2026-10-08')]);
    expect(
      byRule(advise(record({ accommodations: [acc] }), settings()), ADVISOR_RULES.accommodationLapses),
    ).toEqual([]);
  });

  it('counts a lapse 29 days ago but not 30 days ago', () => {
    const recent = [observation('o2', '2026-10-08'), observation('o3', '2026-10-15')];
    const with29 = accommodation([observation('o1', '2026-09-22'), ...recent]);
    const with30 = accommodation([observation('o1', '2026-09-21'), ...recent]);
    expect(
      byRule(advise(record({ accommodations: [with29] }), settings()), ADVISOR_RULES.accommodationLapses),
    ).toHaveLength(1);
    expect(
      byRule(advise(record({ accommodations: [with30] }), settings()), ADVISOR_RULES.accommodationLapses),
    ).toEqual([]);
  });

  it('counts one lapse per school day and class: three records of one quiz are one lapse, not three', () => {
    const acc = accommodation([
      observation('note', '2026-10-15'),
      observation('sample', '2026-10-15', { source: 'work_sample', record: 'work_sample' }),
      observation('kid', '2026-10-15', { source: 'child_report', className: null }),
      observation('o2', '2026-10-08'),
    ]);
    expect(
      byRule(advise(record({ accommodations: [acc] }), settings()), ADVISOR_RULES.accommodationLapses),
    ).toEqual([]);
  });

  it('is less sure when every lapse comes from what the child said', () => {
    const acc = accommodation(
      ['2026-10-01', '2026-10-08', '2026-10-15'].map((d, i) =>
        observation(`o${i}`, d, { source: 'child_report' }),
      ),
    );
    expect(
      only(advise(record({ accommodations: [acc] }), settings()), ADVISOR_RULES.accommodationLapses)
        .confidence.level,
    ).toBe('medium');
  });
});

describe('rules: pattern findings', () => {
  it('a lapse pattern becomes a specific, non-accusing question', () => {
    const f = finding(FINDING_RULES.substituteLapses, 'acc-calculator', ['o1', 'o2', 'o3']);
    const rec = only(advise(record({ findings: [f] }), settings()), ADVISOR_RULES.patternConcern);
    expect(rec).toMatchObject({
      id: 'pattern_concern:accommodation_lapses_on_substitute_days:acc-calculator',
      action: 'follow_up',
      letterKind: 'specific_concern',
      entryIds: ['o1', 'o2', 'o3'],
      confidence: { level: 'medium' },
    });
    expect(rec.reason).toContain('Could we look at this together?');
  });

  it('disagreeing records about a service become one request for the session notes', () => {
    const findings = [
      finding(FINDING_RULES.disagreement, 'svc-speech', ['c1', 'c2'], { severity: 'info' }),
      finding(FINDING_RULES.disagreement, 'svc-speech', ['c3', 'c4'], { severity: 'info' }),
    ];
    const rec = only(advise(record({ findings }), settings()), ADVISOR_RULES.sourcesDisagree);
    expect(rec).toMatchObject({
      action: 'request_logs',
      letterKind: 'request_service_logs',
      entryIds: ['c1', 'c2', 'c3', 'c4'],
    });
  });

  it('other findings give no pattern recommendation', () => {
    const f = finding(FINDING_RULES.noDataSinceReport, 'goal-1', [], { severity: 'info' });
    expect(byRule(advise(record({ findings: [f] }), settings()), ADVISOR_RULES.patternConcern)).toEqual([]);
  });
});

describe('rules: goals', () => {
  const goals = [{ id: 'goal-reading', area: 'reading', text: 'Read 90 words per minute' }];

  it('no progress across two reports -> a meeting, citing 300.324(b)(1) for an IEP', () => {
    const f = finding(FINDING_RULES.noProgress, 'goal-reading', ['gp1', 'gp2']);
    const rec = only(advise(record({ goals, findings: [f] }), settings()), ADVISOR_RULES.goalNoProgress);
    expect(rec).toMatchObject({
      action: 'call_iep_meeting',
      entryIds: ['gp1', 'gp2'],
      citation: { source: '34 CFR 300.324(b)(1)' },
      confidence: { level: 'high' },
    });
    expect(rec.title).toContain('the reading goal');
  });

  it('target met early -> a meeting, as a product choice', () => {
    const f = finding(FINDING_RULES.targetMetEarly, 'goal-reading', ['gp3'], { severity: 'info' });
    const rec = only(advise(record({ goals, findings: [f] }), settings()), ADVISOR_RULES.goalMetEarly);
    expect(isProductChoice(rec.citation)).toBe(true);
    expect(rec.confidence.level).toBe('medium');
  });

  it('no data since the report -> a check-in', () => {
    const f = finding(FINDING_RULES.noDataSinceReport, 'goal-reading', ['gp1'], { severity: 'info' });
    expect(
      only(advise(record({ goals, findings: [f] }), settings()), ADVISOR_RULES.goalNoData),
    ).toMatchObject({
      action: 'check_in',
      letterKind: 'check_in',
      entryIds: ['gp1'],
    });
  });

  it('no goal finding, no goal recommendation', () => {
    const recs = advise(record({ goals }), settings());
    expect(recs.filter((r) => r.rule.startsWith('goal_'))).toEqual([]);
  });
});

describe('rules: what the parent noted', () => {
  it('a new challenge in the last 30 days -> a meeting', () => {
    const rec = only(
      advise(
        record({ parentNotes: [note('n1', 'new_challenge', '2026-09-22', 'Meltdowns at lunch')] }),
        settings(),
      ),
      ADVISOR_RULES.newChallenges,
    );
    expect(rec).toMatchObject({
      action: 'call_iep_meeting',
      entryIds: ['n1'],
      letterKind: 'request_iep_meeting',
    });
    expect(rec.reason).toContain('Meltdowns at lunch');
  });

  it('a new challenge 30 days ago is past the window', () => {
    const recs = advise(record({ parentNotes: [note('n1', 'new_challenge', '2026-09-21')] }), settings());
    expect(byRule(recs, ADVISOR_RULES.newChallenges)).toEqual([]);
  });

  it('a meeting logged after the challenge answers it', () => {
    const meeting = message('mtg', {
      kind: 'meeting',
      date: '2026-10-15',
      replyExpectedBy: null,
      followsUpId: null,
    });
    const followUp = message('e1', { date: '2026-10-15', followsUpId: 'mtg', replyExpectedBy: null });
    const recs = advise(
      record({
        parentNotes: [note('n1', 'new_challenge', '2026-10-01')],
        communications: [meeting, followUp],
      }),
      settings(),
    );
    expect(byRule(recs, ADVISOR_RULES.newChallenges)).toEqual([]);
  });

  it('with the threshold at 2, one challenge is not enough and two are', () => {
    const two = settings({ newChallengesForMeeting: 2 });
    const one = [note('n1', 'new_challenge', '2026-10-01')];
    expect(byRule(advise(record({ parentNotes: one }), two), ADVISOR_RULES.newChallenges)).toEqual([]);
    const both = [...one, note('n2', 'new_challenge', '2026-10-10')];
    expect(only(advise(record({ parentNotes: both }), two), ADVISOR_RULES.newChallenges).entryIds).toEqual([
      'n1',
      'n2',
    ]);
  });

  it('a concern -> a specific-concern letter', () => {
    const rec = only(
      advise(record({ parentNotes: [note('n1', 'concern', '2026-10-20')] }), settings()),
      ADVISOR_RULES.parentConcern,
    );
    expect(rec).toMatchObject({ action: 'follow_up', letterKind: 'specific_concern', entryIds: ['n1'] });
  });

  it('harm -> escalate with high urgency, first in the list', () => {
    const notes = [note('n1', 'harm', '2026-08-23', 'Came home with bruises after being restrained')];
    const recs = advise(record({ parentNotes: notes, communications: [message('m1')] }), settings());
    const rec = only(recs, ADVISOR_RULES.harmNoted);
    expect(rec).toMatchObject({
      action: 'escalate',
      urgency: 'high',
      entryIds: ['n1'],
      ladderStep: { id: 'principal' },
      letterKind: 'escalation',
    });
    expect(recs[0]).toBe(rec);
  });

  it('harm noted 60 days ago is past the window', () => {
    expect(
      byRule(
        advise(record({ parentNotes: [note('n1', 'harm', '2026-08-22')] }), settings()),
        ADVISOR_RULES.harmNoted,
      ),
    ).toEqual([]);
  });

  it('a win gives no recommendation', () => {
    const recs = advise(record({ parentNotes: [note('n1', 'win', '2026-10-20')] }), settings());
    expect(recs.filter((r) => r.entryIds.includes('n1'))).toEqual([]);
  });
});

describe('rules: annual review and reevaluation dates', () => {
  const annual = (date: string) => ({ kind: 'annual_review', date, label: 'Annual IEP review due' });
  const reevaluation = (date: string) => ({ kind: 'reevaluation', date, label: null });

  it('an IEP annual review one day late is a reminder to ask for the date, not an escalation', () => {
    const recs = advise(record({ keyDates: [annual('2026-10-20')] }), settings());
    expect(byRule(recs, ADVISOR_RULES.annualReviewOverdue)).toEqual([]);
    const rec = only(recs, ADVISOR_RULES.annualReviewAskDate);
    expect(rec).toMatchObject({
      id: `annual_review_ask_date:${PLAN}`,
      action: 'follow_up',
      urgency: 'low',
      citation: { source: '34 CFR 300.324(b)(1)' },
      ladderStep: { id: 'provider_or_case_manager' },
      contactIds: [CASE_MANAGER],
    });
    expect(rec.title).toBe('Ask when the annual review will be held');
    expect(rec.reason).not.toMatch(/violation/i);
  });

  it('an IEP annual review past the grace days -> escalate, citing 300.324(b)(1), with the filing windows', () => {
    // Due Sep 20; 31 days later (grace 30) the review is overdue.
    const rec = only(
      advise(record({ keyDates: [annual('2026-09-20')] }), settings()),
      ADVISOR_RULES.annualReviewOverdue,
    );
    expect(rec).toMatchObject({
      id: `annual_review_overdue:${PLAN}`,
      action: 'escalate',
      citation: { source: '34 CFR 300.324(b)(1)' },
      ladderStep: { id: 'principal' },
    });
    expect(rec.entryIds).toEqual([]);
    expect(rec.deadlines.map((d) => d.date)).toEqual(['2027-09-21', '2028-09-21']);
    // 30 days late is still the reminder to ask.
    expect(
      byRule(
        advise(record({ keyDates: [annual('2026-09-21')] }), settings()),
        ADVISOR_RULES.annualReviewAskDate,
      ),
    ).toHaveLength(1);
  });

  it('not on the due date itself', () => {
    expect(
      byRule(advise(record({ keyDates: [annual(AS_OF)] }), settings()), ADVISOR_RULES.annualReviewOverdue),
    ).toEqual([]);
  });

  it('not when a later review date is recorded', () => {
    const keyDates = [annual('2025-10-20'), annual('2027-10-20')];
    expect(byRule(advise(record({ keyDates }), settings()), ADVISOR_RULES.annualReviewOverdue)).toEqual([]);
  });

  it('an IEP reevaluation overdue -> escalate, citing 300.303', () => {
    const rec = only(
      advise(record({ keyDates: [reevaluation('2026-09-10')] }), settings()),
      ADVISOR_RULES.reevaluationOverdue,
    );
    expect(rec).toMatchObject({ action: 'escalate', citation: { source: '34 CFR 300.303' } });
  });

  it('a 504 plan: ask for the review (104.35(d)), no escalation and no IDEA deadlines', () => {
    const plan504 = record({ keyDates: [reevaluation('2026-09-10')], plan: plan({ kind: '504' }) });
    const rec = only(advise(plan504, settings()), ADVISOR_RULES.reevaluationOverdue);
    expect(rec).toMatchObject({
      action: 'call_iep_meeting',
      citation: { source: '34 CFR 104.35(d)' },
      deadlines: [],
    });
    for (const text of citedTexts(rec)) expect(text).not.toMatch(IDEA_CITATION);
  });

  it('not once the renewed plan is recorded (it follows this one); the reevaluation still counts', () => {
    const renewed = record({
      keyDates: [annual('2026-09-01'), reevaluation('2026-09-01')],
      nextPlan: { id: 'plan-2', title: 'IEP, 2026-2027', effectiveFrom: '2026-11-02' },
    });
    const rules = advise(renewed, settings()).map((r) => r.rule);
    expect(rules.filter((r) => r.startsWith('annual_review'))).toEqual([]);
    expect(rules).toContain(ADVISOR_RULES.reevaluationOverdue);
  });

  it('British Columbia: ask for the yearly review (M638/95)', () => {
    const bc = record({
      keyDates: [annual('2026-09-01')],
      plan: plan({ jurisdiction: { country: 'CA', region: 'BC' } }),
    });
    const rec = only(advise(bc, settings()), ADVISOR_RULES.annualReviewOverdue);
    expect(rec).toMatchObject({
      action: 'call_iep_meeting',
      citation: { source: 'B.C. Ministerial Orders M638/95, M150/89' },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// A record that trips every rule, for the properties every recommendation must have.

function everything(planMore: Partial<CasePlan> = {}, asOf = '2026-10-22'): CaseRecord {
  const unanswered = (prefix: string) => [
    message(`${prefix}1`, { subject: prefix, date: '2026-09-28', replyExpectedBy: '2026-10-05' }),
    message(`${prefix}2`, {
      subject: prefix,
      date: '2026-10-06',
      replyExpectedBy: '2026-10-13',
      inReplyToId: `${prefix}1`,
    }),
  ];
  const short = service('svc-speech', fourWeeks([{ delivered: 0, owed: 60 }, FULL, FULL, FULL]));
  return record({
    asOf,
    plan: plan(planMore),
    communications: [
      ...unanswered('a'),
      ...unanswered('b'),
      message('c1', { subject: 'c', date: '2026-10-05', replyExpectedBy: '2026-10-12' }),
      message('call1', { kind: 'phone', direction: 'received', date: '2026-10-16', replyExpectedBy: null }),
    ],
    services: [
      { ...short, ledger: { ...short.ledger, unloggedMinutes: 120 } },
      service('svc-ot', [], { startDate: '2026-10-06', firstDeliveredDate: null }),
      earlierService(60),
    ],
    accommodations: [
      accommodation(['2026-10-01', '2026-10-08', '2026-10-15'].map((d, i) => observation(`o${i}`, d))),
    ],
    goals: [{ id: 'goal-reading', area: 'reading', text: 'Read 90 words per minute' }],
    findings: [
      finding(FINDING_RULES.classLapses, 'acc-calculator', ['o0', 'o1', 'o2']),
      finding(FINDING_RULES.disagreement, 'svc-speech', ['c1x', 'c2x'], { severity: 'info' }),
      finding(FINDING_RULES.noProgress, 'goal-reading', ['gp1', 'gp2']),
      finding(FINDING_RULES.targetMetEarly, 'goal-reading', ['gp3'], { severity: 'info' }),
      finding(FINDING_RULES.noDataSinceReport, 'goal-reading', ['gp2'], { severity: 'info' }),
    ],
    keyDates: [
      { kind: 'annual_review', date: '2026-10-01', label: null },
      { kind: 'reevaluation', date: '2026-10-01', label: null },
      { kind: 'progress_report', date: '2026-11-13', label: null },
    ],
    parentNotes: [
      note('n1', 'new_challenge', '2026-10-10'),
      note('n2', 'concern', '2026-10-11'),
      note('n3', 'harm', '2026-10-12'),
    ],
  });
}

/** Rules whose subject is a date in the plan or the absence of entries: they have no entries to list. */
const RULES_WITHOUT_ENTRIES: ReadonlySet<string> = new Set([
  ADVISOR_RULES.annualReviewOverdue,
  ADVISOR_RULES.annualReviewAskDate,
  ADVISOR_RULES.reevaluationOverdue,
  ADVISOR_RULES.reevaluationAskDate,
  ADVISOR_RULES.serviceNotStarted,
  ADVISOR_RULES.noRecentCheckIn,
]);

describe('every recommendation', () => {
  const recs = advise(everything(), settings());

  it('the kitchen-sink record, at three steps of its ladders, trips every rule but the plain follow-up and the quiet check-in', () => {
    // Each problem climbs one step at a time, so one record cannot show every step at once: the record
    // as it is (asked already by email), before anything was asked, and after a meeting request.
    const base = everything();
    const notAsked = { ...base, communications: base.communications.filter((c) => c.kind === 'phone') };
    const meeting = message('mtg', { date: '2026-09-29', replyExpectedBy: '2026-10-06' });
    const speech = base.services[0]!;
    const later: CaseRecord = {
      ...base,
      communications: [...base.communications, meeting],
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
      keyDates: base.keyDates.map((k) => (k.kind === 'progress_report' ? k : { ...k, date: '2026-09-01' })),
      services: [
        {
          ...speech,
          ledger: {
            ...speech.ledger,
            misses: [
              {
                entryId: 'miss-early',
                date: '2026-09-22',
                reason: 'school_event',
                minutes: 30,
                responsibility: 'owed',
                owedRemainingMinutes: 30,
              },
              {
                entryId: 'miss-late',
                date: '2026-10-13',
                reason: 'provider_absent',
                minutes: 30,
                responsibility: 'owed',
                owedRemainingMinutes: 30,
              },
            ],
          },
        },
        ...base.services.slice(1),
      ],
    };
    const fired = new Set(
      [base, notAsked, later]
        .flatMap((r) => advise(r, settings()))
        .flatMap((r) => [r.rule, ...(r.alsoCovers ?? []).map((c) => c.rule)]),
    );
    const expected = Object.values(ADVISOR_RULES).filter(
      (rule) =>
        rule !== ADVISOR_RULES.replyOverdue &&
        rule !== ADVISOR_RULES.noRecentCheckIn &&
        rule !== ADVISOR_RULES.replyOverdueAfterFollowUp &&
        // Tested on its own: src/domain/advisor/service-log-rules.test.ts.
        rule !== ADVISOR_RULES.serviceLogsNotReceived,
    );
    for (const rule of expected) expect(fired, rule).toContain(rule);
  });

  it('at most one open recommendation per problem and kind: one meeting request covers every reason', () => {
    expect(recs.filter((r) => r.action === 'call_iep_meeting')).toHaveLength(1);
    const meeting = recs.find((r) => r.action === 'call_iep_meeting')!;
    expect((meeting.alsoCovers ?? []).length).toBeGreaterThan(1);
    const keys = recs.map((r) => `${r.subjectId}|${r.action}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lists each filing window once on the merged meeting card, at its earliest date', () => {
    const meeting = recs.find((r) => r.action === 'call_iep_meeting')!;
    const dueProcess = meeting.deadlines.filter((d) => d.label.startsWith('Due process complaint'));
    const stateComplaint = meeting.deadlines.filter((d) => d.label.startsWith('State complaint'));
    expect(dueProcess).toHaveLength(1);
    expect(stateComplaint.length).toBeLessThanOrEqual(1);
    // The earliest of the windows the merged problems would have had: the oldest problem's. Every
    // other recommendation with a due-process window counts from a date no earlier.
    const others = recs
      .filter((r) => r !== meeting)
      .flatMap((r) => r.deadlines)
      .filter((d) => d.label.startsWith('Due process complaint'))
      .map((d) => d.date);
    for (const date of others) expect(dueProcess[0]!.date <= date).toBe(true);
    // The window key stays inside the advisor.
    for (const rec of recs)
      for (const d of rec.deadlines) expect(Object.keys(d).sort()).toEqual(['citation', 'date', 'label']);
  });

  it('carries its entries (except rules about dates or missing entries) and a citation or product choice', () => {
    for (const rec of recs) {
      if (!RULES_WITHOUT_ENTRIES.has(rec.rule)) expect(rec.entryIds.length, rec.id).toBeGreaterThan(0);
      if (isProductChoice(rec.citation)) expect(rec.citation.text.length).toBeGreaterThan(0);
      else expect(rec.citation.source.length).toBeGreaterThan(0);
      for (const threshold of rec.thresholds) {
        if (threshold.name in DEFAULT_ADVISOR_SETTINGS) expect(threshold.basis).toBeDefined();
      }
      expect(rec.reason.length).toBeGreaterThan(20);
      expect(rec.confidence.why.length).toBeGreaterThan(0);
      expect(rec.ladderStep).not.toBeNull();
    }
  });

  it('has a stable id made of its rule and subject, unique in the list', () => {
    for (const rec of recs) expect(rec.id.startsWith(`${rec.rule}:`)).toBe(true);
    expect(new Set(recs.map((r) => r.id)).size).toBe(recs.length);
    expect(advise(everything(), settings())).toEqual(recs);
  });

  it('is sorted: high urgency first, then escalations, meetings, follow-ups, logs, check-ins', () => {
    expect(recs[0]!.rule).toBe(ADVISOR_RULES.harmNoted);
    const order = [
      'escalate',
      'call_iep_meeting',
      'follow_up_supervisor',
      'follow_up',
      'write_follow_up',
      'request_logs',
      'check_in',
    ];
    const normal = recs.filter((r) => r.urgency === 'normal').map((r) => order.indexOf(r.action));
    expect(normal).toEqual([...normal].sort((a, b) => a - b));
  });

  it('never uses the child’s name', () => {
    for (const rec of recs) expect(`${rec.title} ${rec.reason}`).not.toContain('Emma');
  });
});

describe('jurisdiction safety', () => {
  it.each([
    ['US', 'CA'],
    ['US', 'IL'],
    ['US', null],
  ] as const)('a 504 plan in %s/%s gets no IDEA citation, step or deadline', (country, region) => {
    const recs = advise(everything({ kind: '504', jurisdiction: { country, region } }), settings());
    expect(recs.length).toBeGreaterThan(5);
    for (const rec of recs) {
      for (const text of citedTexts(rec)) expect(text, rec.id).not.toMatch(IDEA_CITATION);
      expect(rec.letterKind).not.toBe('state_complaint');
      expect(JSON.stringify(rec.deadlines)).not.toMatch(/State complaint|Due process/);
      expect(rec.ladderStep?.id).not.toMatch(
        /special_education_director|mediation|state_complaint|due_process/,
      );
    }
    expect(
      recs.find((r) => r.action === 'call_iep_meeting')!.deadlines.some((d) => d.label.includes('OCR')),
    ).toBe(true);
  });

  it('a 504 plan in Illinois is not held to the Illinois IEP start rule', () => {
    const recs = advise(
      everything({ kind: '504', jurisdiction: { country: 'US', region: 'IL' } }),
      settings(),
    );
    const rec = only(recs, ADVISOR_RULES.serviceNotStarted);
    expect(isProductChoice(rec.thresholds[0]!.basis)).toBe(true);
    expect(rec.deadlines.every((d) => !d.label.includes('notice'))).toBe(true);
  });

  it.each(['ON', 'BC', 'AB', 'QC', null])(
    'a Canadian plan (%s) gets no US step, office, citation or deadline',
    (region) => {
      const recs = advise(everything({ jurisdiction: { country: 'CA', region } }), settings());
      expect(recs.length).toBeGreaterThan(5);
      const text = JSON.stringify(recs);
      expect(text).not.toMatch(
        /CFR|\bFR\b|OCR|Office for Civil Rights|IDEA|state complaint|due process|mediation|Van Duyn|Ill\. Adm|Ed\. Code|ILCS/i,
      );
      for (const rec of recs) {
        expect(['state_complaint', 'ocr_complaint_outline']).not.toContain(rec.letterKind);
        expect(rec.deadlines.every((d) => !/complaint/i.test(d.label))).toBe(true);
      }
    },
  );

  it('Alberta calls the plan an IPP', () => {
    const recs = advise(everything({ jurisdiction: { country: 'CA', region: 'AB' } }), settings());
    const meeting = recs.find((r) => r.action === 'call_iep_meeting')!;
    expect(meeting.title).toContain('an IPP meeting');
    expect(meeting.alsoCovers?.map((c) => c.rule)).toContain(ADVISOR_RULES.newChallenges);
  });

  it('a British Columbia escalation past the principal reaches the board appeal with its 45 days', () => {
    const toPrincipal = message('p1', { date: '2026-10-07', contactIds: [PRINCIPAL], replyExpectedBy: null });
    const bc = record({
      asOf: '2026-10-22',
      plan: plan({ jurisdiction: { country: 'CA', region: 'BC' } }),
      services: [service('svc-ot', [], { startDate: '2026-10-06', firstDeliveredDate: null })],
      communications: [toPrincipal],
    });
    const rec = only(advise(bc, settings()), ADVISOR_RULES.serviceNotStarted);
    expect(rec.ladderStep?.id).toBe('board_appeal');
    // A real appeal letter, not the generic "asking for your help".
    expect(rec.letterKind).toBe('board_appeal');
    expect(rec.deadlines).toEqual([
      // The human rights tribunal's one year stays in view (B.C. Human Rights Code s.22(1)).
      expect.objectContaining({
        date: '2027-10-22',
        citation: expect.objectContaining({ source: 'B.C. Human Rights Code s.22(1)' }),
      }),
      expect.objectContaining({
        date: '2026-12-06',
        citation: expect.objectContaining({ source: 'B.C. School Act s.11' }),
      }),
    ]);
  });

  it('a US IEP escalation past the director reaches mediation, drafted as a state complaint', () => {
    const toDirector = message('d1', { date: '2026-10-07', contactIds: [DIRECTOR], replyExpectedBy: null });
    const recs = advise(
      record({
        asOf: '2026-10-22',
        services: [service('svc-ot', [], { startDate: '2026-10-06', firstDeliveredDate: null })],
        communications: [toDirector],
      }),
      settings(),
    );
    const rec = only(recs, ADVISOR_RULES.serviceNotStarted);
    expect(rec.ladderStep?.id).toBe('mediation');
    expect(rec.letterKind).toBe('state_complaint');
    expect(rec.reason).toContain('Mediation, or State complaint');
  });
});

describe('without a plan', () => {
  it('only the communication rules run, with no ladder step', () => {
    const recs = advise(
      record({
        plan: null,
        communications: [message('m1')],
        parentNotes: [note('n1', 'harm', '2026-10-20')],
      }),
      settings(),
    );
    expect(recs.map((r) => r.rule)).toEqual([ADVISOR_RULES.replyOverdue]);
    expect(recs[0]!.ladderStep).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------

describe('reminders', () => {
  it('weekly check-ins on Fridays for the next 28 days, starting this week', () => {
    const list = reminders(record(), settings()).filter((r) => r.kind === 'weekly_check_in');
    expect(list.map((r) => r.date)).toEqual(['2026-10-23', '2026-10-30', '2026-11-06', '2026-11-13']);
    expect(list[0]!.id).toBe('weekly_check_in:2026-10-23');
  });

  it('a Friday holiday moves the check-in to the last school day before it; a break week has none', () => {
    const list = reminders(record({ asOf: '2026-11-20' }), settings({ reminderHorizonDays: 50 })).filter(
      (r) => r.kind === 'weekly_check_in',
    );
    // Thanksgiving Thursday and Friday are off: Wednesday. Dec 21-25 and Dec 28 - Jan 1 are winter break.
    expect(list.map((r) => r.date)).toEqual([
      '2026-11-20',
      '2026-11-25',
      '2026-12-04',
      '2026-12-11',
      '2026-12-18',
      '2027-01-08',
    ]);
  });

  it('no weekly check-in after the plan ends', () => {
    const list = reminders(record({ plan: plan({ effectiveTo: '2026-10-28' }) }), settings()).filter(
      (r) => r.kind === 'weekly_check_in',
    );
    expect(list.map((r) => r.date)).toEqual(['2026-10-23']);
  });

  it('a mid-term check-in halfway between progress reports, moved off the winter break', () => {
    const keyDates = [
      { kind: 'progress_report', date: '2026-11-13', label: null },
      { kind: 'progress_report', date: '2027-01-29', label: null },
    ];
    const list = reminders(record({ keyDates }), settings()).filter((r) => r.kind === 'mid_term_check_in');
    // Sep 1 -> Nov 13: the midpoint Oct 7 has passed. Nov 13 -> Jan 29: Dec 21 is in the break, so Jan 4.
    expect(list).toEqual([
      expect.objectContaining({ id: 'mid_term_check_in:2027-01-29', date: '2027-01-04' }),
    ]);
  });

  it('a reply coming due, the day after its reply date; an overdue reply, today', () => {
    const waiting = message('w1', { date: '2026-10-20', replyExpectedBy: '2026-10-27' });
    const overdue = message('o1', { subject: 'Calculator' });
    const list = reminders(record({ communications: [waiting, overdue] }), settings());
    expect(list.find((r) => r.kind === 'reply_due')).toMatchObject({
      id: 'reply_due:w1',
      date: '2026-10-28',
    });
    expect(list.find((r) => r.kind === 'reply_overdue')).toMatchObject({
      id: 'reply_overdue:o1',
      date: AS_OF,
    });
  });

  it('one overdue reminder per thread, about its latest message', () => {
    const first = message('o1', { date: '2026-10-01', replyExpectedBy: '2026-10-08' });
    const followUp = message('o2', { date: '2026-10-09', inReplyToId: 'o1' });
    const list = reminders(record({ communications: [first, followUp] }), settings()).filter(
      (r) => r.kind === 'reply_overdue',
    );
    expect(list).toEqual([
      expect.objectContaining({
        id: 'reply_overdue:o2',
        title: 'No reply yet to “Speech sessions” (2 messages in this thread)',
      }),
    ]);
  });

  it('no reply reminder once a reply is logged', () => {
    const reply = message('r1', {
      direction: 'received',
      date: '2026-10-14',
      inReplyToId: 'o1',
      replyExpectedBy: null,
    });
    const list = reminders(record({ communications: [message('o1'), reply] }), settings());
    expect(list.filter((r) => r.kind === 'reply_overdue' || r.kind === 'reply_due')).toEqual([]);
  });

  it('annual review and reevaluation approaching, with their lead times', () => {
    const keyDates = [
      { kind: 'annual_review', date: '2027-09-07', label: null },
      { kind: 'reevaluation', date: '2028-09-05', label: null },
      { kind: 'annual_review', date: '2026-09-30', label: null },
    ];
    const list = reminders(record({ keyDates }), settings());
    expect(list.find((r) => r.kind === 'annual_review')).toMatchObject({
      id: 'annual_review:2027-09-07',
      date: '2027-08-08',
    });
    expect(list.find((r) => r.kind === 'reevaluation')).toMatchObject({
      id: 'reevaluation:2028-09-05',
      date: '2028-07-07',
    });
    expect(list.filter((r) => r.kind === 'annual_review')).toHaveLength(1);
  });

  it('a review inside its lead time is shown today', () => {
    const keyDates = [{ kind: 'annual_review', date: '2026-11-10', label: null }];
    expect(reminders(record({ keyDates }), settings()).find((r) => r.kind === 'annual_review')?.date).toBe(
      AS_OF,
    );
  });

  it('a 504 plan says "504 plan annual review"', () => {
    const keyDates = [{ kind: 'annual_review', date: '2027-09-07', label: null }];
    const list = reminders(record({ keyDates, plan: plan({ kind: '504' }) }), settings());
    expect(list.find((r) => r.kind === 'annual_review')?.title).toContain('504 plan annual review');
  });

  it('are sorted by date and all on or after today', () => {
    const list = reminders(everything({}, AS_OF), settings());
    expect(list.map((r) => r.date)).toEqual([...list.map((r) => r.date)].sort());
    for (const r of list) expect(r.date >= AS_OF).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The ladder, one step at a time (docs/advisor-rules.md).

describe('escalation ladder', () => {
  const notStarted = service('svc-ot', [], { startDate: '2026-10-06', firstDeliveredDate: null });
  const ladderOf = (communications: Communication[], asOf = '2026-10-22') =>
    only(
      advise(record({ asOf, services: [notStarted], communications }), settings()),
      ADVISOR_RULES.serviceNotStarted,
    ).ladderStep?.id;

  it('provider or case manager, then the principal, then the director', () => {
    expect(ladderOf([])).toBe('provider_or_case_manager');
    const toCaseManager = message('cm1', { date: '2026-10-15', replyExpectedBy: '2026-10-21' });
    expect(ladderOf([toCaseManager])).toBe('principal');
    const toPrincipal = message('p1', {
      date: '2026-10-15',
      contactIds: [PRINCIPAL],
      replyExpectedBy: '2026-10-21',
    });
    expect(ladderOf([toPrincipal])).toBe('special_education_director');
  });

  it('mediation only after the district level was asked about it and its reply window passed', () => {
    const waiting = message('d1', {
      date: '2026-10-20',
      contactIds: [DIRECTOR],
      replyExpectedBy: '2026-10-27',
    });
    expect(ladderOf([waiting])).toBe('special_education_director');
    const passed = message('d1', {
      date: '2026-10-08',
      contactIds: [DIRECTOR],
      replyExpectedBy: '2026-10-15',
    });
    expect(ladderOf([passed])).toBe('mediation');
    // Asked before the problem began: not about this problem.
    const before = message('d0', {
      date: '2026-09-20',
      contactIds: [DIRECTOR],
      replyExpectedBy: '2026-09-25',
    });
    expect(
      ladderOf([
        before,
        message('p2', { date: '2026-10-15', contactIds: [PRINCIPAL], replyExpectedBy: '2026-10-21' }),
      ]),
    ).toBe('special_education_director');
  });

  it('harm you noted goes straight to someone who can act, with high urgency', () => {
    const rec = only(
      advise(record({ parentNotes: [note('h1', 'harm', '2026-10-20', 'Came home crying')] }), settings()),
      ADVISOR_RULES.harmNoted,
    );
    expect(rec).toMatchObject({ urgency: 'high', action: 'escalate', ladderStep: { id: 'principal' } });
  });

  it('at most five are shown at first (the rest behind "more")', () => {
    expect(RECOMMENDATIONS_SHOWN).toBe(5);
  });
});

describe('filing windows: counted from what a complaint would include', () => {
  const owedMiss = (id: string, date: string): CaseSessionMiss => ({
    entryId: id,
    date,
    reason: 'provider_absent',
    minutes: 30,
    responsibility: 'owed',
    owedRemainingMinutes: 30,
  });
  const speech = (misses: CaseSessionMiss[]) => {
    const base = service('svc', fourWeeks([FULL, { delivered: 30, owed: 30 }, FULL, FULL]));
    return { ...base, ledger: { ...base.ledger, owedBalanceMinutes: 30 * misses.length, misses } };
  };

  it('the state complaint window counts from the oldest fact within the year, not from the last four weeks', () => {
    // An older miss (Mar 3, 2026) is still within one year of today (Oct 21, 2026): the complaint includes it.
    const misses = [owedMiss('old', '2026-03-03'), owedMiss('recent', '2026-09-29')];
    const rec = only(
      advise(record({ services: [speech(misses)] }), settings()),
      ADVISOR_RULES.serviceMakeupRequest,
    );
    expect(oldestComplaintFact(record({ services: [speech(misses)] }))).toBe('2026-03-03');
    expect(rec.deadlines[0]).toMatchObject({
      date: '2027-03-03',
      label: expect.stringContaining('Mar 3, 2026'),
    });
  });

  it('a fact older than one year is left out, as the complaint draft leaves it out', () => {
    const misses = [owedMiss('too-old', '2025-09-30'), owedMiss('recent', '2026-09-29')];
    expect(oldestComplaintFact(record({ services: [speech(misses)] }))).toBe('2026-09-29');
  });
});

describe('reminders: requests whose answer has a timeline', () => {
  const california = plan({ jurisdiction: { country: 'US', region: 'CA' } });
  const request = (more: Partial<Communication> = {}) =>
    message('req', { date: '2026-10-14', subject: 'Request for an IEP meeting', ...more });
  const letter = {
    letterId: 'l1',
    kind: 'request_iep_meeting',
    communicationId: 'req',
    date: '2026-10-14',
    subjectId: null,
    to: null,
  };

  it('California counts from the day the school received it; without that day, asks for it', () => {
    const unknown = reminders(
      record({ plan: california, communications: [request()], lettersSent: [letter] }),
      settings(),
    ).find((r) => r.kind === 'request_deadline')!;
    expect(unknown).toMatchObject({ date: AS_OF });
    expect(unknown.title).toContain('When did the school receive');
    expect(unknown.detail).toContain('Cal. Ed. Code 56343.5');
    const known = reminders(
      record({
        plan: california,
        communications: [request({ schoolReceivedOn: '2026-10-16' })],
        lettersSent: [letter],
      }),
      settings(),
    ).find((r) => r.kind === 'request_deadline')!;
    // Oct 16 + 30 days, no long vacation in between.
    expect(known).toMatchObject({ date: '2026-11-15' });
    expect(known.title).toBe('The meeting you asked for is to be held by Nov 15, 2026');
  });

  it('no reminder where the law sets no number (the federal baseline)', () => {
    const list = reminders(record({ communications: [request()], lettersSent: [letter] }), settings());
    expect(list.filter((r) => r.kind === 'request_deadline')).toEqual([]);
  });
});

describe('school absences and the ledger’s reasons', () => {
  it('a session counted as owed on a day marked absent from school is questioned, not asserted', () => {
    const base = service('svc', fourWeeks([FULL, { delivered: 30, owed: 30 }, FULL, FULL]));
    const speech = {
      ...base,
      ledger: {
        ...base.ledger,
        misses: [
          {
            entryId: 'miss',
            date: '2026-09-29',
            reason: 'provider_absent',
            minutes: 30,
            responsibility: 'owed' as const,
            owedRemainingMinutes: 30,
          },
        ],
      },
    };
    const plain = only(
      advise(record({ services: [speech] }), settings()),
      ADVISOR_RULES.serviceMakeupRequest,
    );
    expect(plain.confidence.level).toBe('high');
    const marked = only(
      advise(record({ services: [speech], absentDays: ['2026-09-29'] }), settings()),
      ADVISOR_RULES.serviceMakeupRequest,
    );
    expect(marked.confidence.level).toBe('medium');
    expect(marked.reason).toContain('marked absent from school on Tue, Sep 29: check the reason logged');
    expect(marked.reason).toContain('OSEP, Letter to Balkman (1995), guidance');
  });
});
