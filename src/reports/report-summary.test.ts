import { describe, expect, it } from 'vitest';
import type { LedgerTotals, ReportBody, ReportService } from '../api/reports.ts';
import { writeSummary } from './report-summary.ts';

// The first page's sentences, from small hand-written reports.

const zeroTotals: LedgerTotals = {
  requiredSessions: 0,
  requiredMinutes: 0,
  scheduledSessions: 0,
  deliveredMinutes: 0,
  extraMinutes: 0,
  owedMinutes: 0,
  excusedMinutes: 0,
  pendingMinutes: 0,
  unloggedSessions: 0,
  unloggedMinutes: 0,
  makeupMinutes: 0,
  makeupAppliedMinutes: 0,
  owedBalanceMinutes: 0,
  percentDelivered: null,
};

function service(name: string, totals: Partial<LedgerTotals>): ReportService {
  return {
    id: name,
    name,
    sourceText: null,
    providerRole: null,
    totals: { ...zeroTotals, ...totals },
    rows: [],
    unappliedMakeupMinutes: 0,
    ledgerNotes: [],
    exceptions: [],
  };
}

function report(overrides: Partial<ReportBody> = {}): ReportBody {
  const services = overrides.services ?? [];
  const sum = (key: keyof LedgerTotals) => services.reduce((n, s) => n + Number(s.totals[key] ?? 0), 0);
  return {
    format: 'as-written/implementation-report/1',
    language: 'en',
    child: { id: 'c', firstName: 'Emma', lastName: null, school: null, grade: null },
    plan: {
      id: 'p',
      kind: 'iep',
      title: null,
      jurisdiction: 'CA, US',
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-09-07',
    },
    range: { from: '2026-09-08', to: '2026-10-30', asOf: '2026-11-02' },
    preparedBy: 'Olivia',
    ledgerUnavailable: null,
    services,
    minutes: {
      requiredMinutes: sum('requiredMinutes'),
      deliveredMinutes: sum('deliveredMinutes'),
      owedMinutes: sum('owedMinutes'),
      makeupMinutes: sum('makeupMinutes'),
      owedBalanceMinutes: sum('owedBalanceMinutes'),
      percentDelivered: null,
      unloggedMinutes: sum('unloggedMinutes'),
      excusedMinutes: sum('excusedMinutes'),
      pendingMinutes: sum('pendingMinutes'),
    },
    accommodations: [],
    accommodationFindings: [],
    behaviorPlan: {
      steps: [],
      incidents: [],
      totals: {
        incidents: 0,
        incidentsWithStepsSkipped: 0,
        stepsSkipped: 0,
        rewardUsed: 0,
        rewardNotUsed: 0,
        consequenceAgainstPlan: 0,
      },
      findings: [],
    },
    communications: {
      messages: [],
      sent: 0,
      received: 0,
      answered: 0,
      unanswered: 0,
      overdue: 0,
      averageResponseDays: null,
      withoutWrittenFollowUp: 0,
    },
    recommendations: [],
    evidence: [],
    journal: {
      entries: 12,
      headHash: 'ab'.repeat(32),
      verified: true,
      firstProblem: null,
      chainWhole: true,
      problem: null,
      recordsChecked: 10,
      recordsDiffering: 0,
      recordProblem: null,
      attachmentsChecked: 0,
      attachmentProblems: [],
    },
    ...overrides,
  };
}

describe('the report summary', () => {
  it('opens with the minutes required, delivered, owed, made up and still owed, as the ledger gives them', () => {
    const summary = writeSummary(
      report({
        services: [
          service('Speech-language therapy', {
            requiredMinutes: 480,
            deliveredMinutes: 260,
            owedMinutes: 130,
            makeupMinutes: 30,
            owedBalanceMinutes: 100,
            unloggedMinutes: 60,
            excusedMinutes: 30,
            percentDelivered: 54.2,
          }),
        ],
      }),
    );
    expect(summary.headline).toBe(
      "From Sep 8 to Oct 30, 2026, Emma's IEP required 480 minutes of services; 260 were delivered. " +
        '130 minutes are owed as make-ups, 30 were made up, and 100 are still owed.',
    );
    expect(summary.points[0]).toBe(
      'Speech-language therapy: 260 of 480 minutes delivered (54.2%). 130 minutes owed as make-ups, 30 made up, ' +
        '100 still owed. 60 minutes of sessions were not logged by anyone. 30 minutes are excused.',
    );
  });

  it('says a service with everything delivered without owed-minute words', () => {
    const summary = writeSummary(
      report({
        services: [service('OT', { requiredMinutes: 60, deliveredMinutes: 60, percentDelivered: 100 })],
      }),
    );
    expect(summary.points[0]).toBe('OT: 60 of 60 minutes delivered (100%).');
  });

  it('says why there are no minutes when the child has no school calendar', () => {
    const summary = writeSummary(
      report({ ledgerUnavailable: 'The minutes cannot be counted: the child has no school calendar yet.' }),
    );
    expect(summary.headline).toBe(
      'From Sep 8 to Oct 30, 2026: The minutes cannot be counted: the child has no school calendar yet.',
    );
  });

  it('names the accommodations with the most lapses and how many were on substitute days', () => {
    const lapse = (ref: string, teacherKind: string) => ({
      ref,
      recordId: ref,
      date: '2026-09-18',
      outcome: 'not_provided' as const,
      className: null,
      setting: null,
      teacherKind,
      source: 'Child’s report',
      note: null,
      refs: [ref],
      disagreeing: [],
    });
    const summary = writeSummary(
      report({
        accommodations: [
          {
            id: 'a',
            text: 'Extended time',
            provided: 2,
            partly: 0,
            notProvided: 3,
            unknown: 0,
            providedPercent: 40,
            lapses: [lapse('E1', 'substitute'), lapse('E2', 'substitute'), lapse('E3', 'regular')],
            refs: ['E1', 'E2', 'E3', 'E4', 'E5'],
          },
          {
            id: 'b',
            text: 'Seating',
            provided: 1,
            partly: 0,
            notProvided: 0,
            unknown: 0,
            providedPercent: 100,
            lapses: [],
            refs: ['E6'],
          },
        ],
      }),
    );
    expect(summary.points).toContain(
      'Accommodations with lapses: “Extended time” was provided at 2 of 5 observations (40%), 2 of the 3 lapses with a substitute.',
    );
  });

  it('counts replies, unanswered messages and calls without a written follow-up', () => {
    const summary = writeSummary(
      report({
        communications: {
          messages: [
            {
              ref: 'E2',
              id: 'm',
              date: '2026-10-20',
              kind: 'email',
              direction: 'sent',
              label: 'Email sent',
              with: 'Mr. Chen',
              subject: 'Make-up sessions',
              summary: 'Could you send the schedule?',
              reply: {
                state: 'overdue',
                dueBy: '2026-10-28',
                promised: false,
                repliedOn: null,
                responseDays: null,
                daysLate: 5,
              },
              noWrittenFollowUp: false,
            },
          ],
          sent: 3,
          received: 1,
          answered: 1,
          unanswered: 1,
          overdue: 1,
          averageResponseDays: 1,
          withoutWrittenFollowUp: 1,
        },
      }),
    );
    expect(summary.points).toContain(
      '1 message, call or meeting was logged (3 sent, 1 received). 1 reply came after 1 day on average. ' +
        '1 message is still unanswered (1 past the reply date; the oldest was due Oct 28). ' +
        '1 call or meeting was not followed up in writing.',
    );
  });

  it('gives the nearest deadline on or after the report’s day, not one already past', () => {
    const summary = writeSummary(
      report({
        recommendations: [
          {
            id: 'r',
            title: 'Ask for an IEP meeting',
            reason: 'Speech is short.',
            urgency: 'normal',
            basis: '34 CFR 300.323',
            productChoice: false,
            deadlines: [
              { label: 'Past one', date: '2026-10-01', basis: 'x' },
              { label: 'State complaint', date: '2027-10-13', basis: '34 CFR 300.153' },
              { label: 'Meeting to be held by', date: '2026-12-02', basis: 'Cal. Ed. Code 56343(c)' },
            ],
            refs: [],
          },
        ],
      }),
    );
    expect(summary.points).toContain(
      'The advisor lists 1 open recommendation as of Nov 2, 2026; the nearest deadline is Dec 2, 2026: Meeting to be held by.',
    );
  });

  it('ends with the evidence and the state of the journal, saying so when the chain is broken or a record differs', () => {
    const whole = writeSummary(report());
    expect(whole.points.at(-1)).toMatch(
      /the journal held 12 entries: its hash chain checked whole and all 10 records matched what their journal entries say\.$/,
    );
    const broken = writeSummary(
      report({
        journal: {
          entries: 12,
          headHash: null,
          verified: false,
          firstProblem: 'entry 4 was edited',
          chainWhole: false,
          problem: 'entry 4 was edited',
          recordsChecked: 10,
          recordsDiffering: 2,
          recordProblem: 'session entry e1: minutesDelivered is 45 in the record but 30 in the journal',
          attachmentsChecked: 1,
          attachmentProblems: ['"a.png" was changed'],
        },
      }),
    );
    expect(broken.points.at(-1)).toMatch(
      /its hash chain did not check whole \(entry 4 was edited\), 2 records did not match the journal \(session entry e1: minutesDelivered is 45 in the record but 30 in the journal\) and 1 file no longer matched its SHA-256\.$/,
    );
  });
});
