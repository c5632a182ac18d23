import { describe, expect, it } from 'vitest';
import { ADVISOR_RULES, advise, type Recommendation, resolveAdvisorSettings } from '../advisor.ts';
import type { CasePlan, CaseRecord, CaseServiceLogReceived } from '../case-record.ts';
import type { Communication } from '../communications.ts';
import { isoWeekday } from '../dates.ts';
import { context } from './context.ts';
import { serviceLogRules } from './service-log-rules.ts';

// Service logs asked for and not received within the jurisdiction's records timeline (issue 19). The
// request for speech's logs went to the speech-language pathologist on Tuesday 2026-09-01; the federal
// profile gives 45 calendar days to inspect records, so they were due Friday 2026-10-16.

const CHILD = '00000000-0000-7000-8000-000000000001';
const SLP = 'contact-slp';
const SPEECH = 'svc-speech';
const REQUEST = 'msg-logs';
const settings = resolveAdvisorSettings({});

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

function message(id: string, more: Partial<Communication> = {}): Communication {
  return {
    id,
    childId: CHILD,
    kind: 'email',
    direction: 'sent',
    date: '2026-09-01',
    time: null,
    contactIds: [SLP],
    otherParties: null,
    subject: 'Service logs for Emma’s speech',
    summary: 'Could you share the service logs for Emma’s speech?',
    decisions: null,
    nextSteps: null,
    inReplyToId: null,
    followsUpId: null,
    replyExpectedBy: '2026-09-09',
    closedWithoutReply: false,
    holdingUntil: null,
    parentPosition: 'unknown',
    messageId: null,
    attachmentIds: [],
    ...more,
  };
}

function record(
  asOf = '2026-10-21',
  more: Partial<CaseRecord> = {},
  received: CaseServiceLogReceived[] = [],
): CaseRecord {
  return {
    asOf,
    child: { id: CHILD, firstName: 'Emma', lastName: null, school: 'Maple Elementary', grade: '3' },
    parent: { name: 'Dana Rivera', email: 'dana@example.org' },
    plan: plan(),
    team: [{ id: SLP, name: 'Mr. Chen', role: 'Speech-language pathologist', email: 'chen@school.example' }],
    services: [],
    accommodations: [],
    goals: [],
    findings: [],
    communications: [message(REQUEST)],
    keyDates: [],
    parentNotes: [],
    isSchoolDay: (d) => isoWeekday(d) <= 5,
    inLongVacation: () => false,
    lettersSent: [
      {
        letterId: 'letter-logs',
        kind: 'request_service_logs',
        communicationId: REQUEST,
        date: '2026-09-01',
        subjectId: SPEECH,
        to: null,
      },
    ],
    serviceLogsReceived: received,
    ...more,
  };
}

const rule = (r: CaseRecord): Recommendation[] => serviceLogRules(context(r, settings));

describe('service logs asked for and not received', () => {
  it('suggests a follow-up on the request once the records timeline has passed', () => {
    const [rec, ...rest] = rule(record());
    expect(rest).toEqual([]);
    expect(rec).toMatchObject({
      id: `service_logs_not_received:${REQUEST}`,
      rule: ADVISOR_RULES.serviceLogsNotReceived,
      action: 'follow_up',
      urgency: 'high',
      subjectId: REQUEST,
      title: 'Follow up on your request for the service logs',
      entryIds: [REQUEST],
      letterKind: 'follow_up_unanswered',
      contactIds: [SLP],
    });
    expect(rec!.reason).toContain('You asked Mr. Chen for the service logs on Sep 1, 2026.');
    expect(rec!.reason).toContain('(45 days) ended on Oct 16, 2026');
    expect(rec!.deadlines).toEqual([
      expect.objectContaining({ date: '2026-10-16', label: 'Records were due by (45 days)' }),
    ]);
    expect('source' in rec!.citation && rec!.citation.source).toMatch(/300\.613/u);
  });

  it('waits until the timeline has passed (the day it ends is still in time)', () => {
    expect(rule(record('2026-10-16'))).toEqual([]);
    expect(rule(record('2026-10-17'))).toHaveLength(1);
  });

  it('counts from the day the school received the request when the parent logged it', () => {
    const later = record('2026-10-21', {
      communications: [message(REQUEST, { schoolReceivedOn: '2026-09-10' })],
    });
    // 45 days from Sep 10 end on Oct 25: not yet.
    expect(rule(later)).toEqual([]);
  });

  it('is satisfied by a log brought in after the request, for that service or for several', () => {
    expect(
      rule(record('2026-10-21', {}, [{ importId: 'i1', date: '2026-10-02', serviceId: SPEECH }])),
    ).toEqual([]);
    expect(rule(record('2026-10-21', {}, [{ importId: 'i1', date: '2026-10-02', serviceId: null }]))).toEqual(
      [],
    );
    // Before the request, or for another service, or after today: not an answer to it.
    expect(
      rule(
        record('2026-10-21', {}, [
          { importId: 'i0', date: '2026-08-20', serviceId: SPEECH },
          { importId: 'i1', date: '2026-10-02', serviceId: 'svc-ot' },
          { importId: 'i2', date: '2026-10-25', serviceId: SPEECH },
        ]),
      ),
    ).toHaveLength(1);
  });

  it('is satisfied by a reply logged as received, or the request closed without one', () => {
    const reply = message('msg-reply', {
      direction: 'received',
      date: '2026-09-20',
      inReplyToId: REQUEST,
      replyExpectedBy: null,
      summary: 'Attached are the logs.',
    });
    expect(rule(record('2026-10-21', { communications: [message(REQUEST), reply] }))).toEqual([]);
    expect(
      rule(record('2026-10-21', { communications: [message(REQUEST, { closedWithoutReply: true })] })),
    ).toEqual([]);
  });

  it('only for a sent request for service logs, and only with a records timeline that has a number', () => {
    const other = record('2026-10-21', {
      lettersSent: [{ ...record().lettersSent![0]!, kind: 'request_records' }],
    });
    expect(rule(other)).toEqual([]);
    expect(rule(record('2026-10-21', { plan: null }))).toEqual([]);
  });

  it('leads the advice, covering the plain reply-overdue follow-up on the same message', () => {
    const recs = advise(record(), settings);
    const card = recs.find((r) => r.rule === ADVISOR_RULES.serviceLogsNotReceived)!;
    expect(card).toBeDefined();
    expect(recs.filter((r) => r.subjectId === REQUEST && r.action === 'follow_up')).toHaveLength(1);
    expect((card.alsoCovers ?? []).map((c) => c.rule)).toContain(ADVISOR_RULES.replyOverdue);
  });
});
