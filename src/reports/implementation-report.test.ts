import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../api/households.ts';
import { buildCalendarIndex } from '../domain/school-calendar.ts';
import { computeServiceLedger } from '../domain/service-ledger.ts';
import { DEFAULT_REASON_POLICY, type LedgerEntry, type MissReason } from '../domain/session-entry.ts';
import {
  buildImplementationReport,
  type ReportInput,
  type ReportSessionInput,
} from './implementation-report.ts';
import { renderReportPdf } from './implementation-report-pdf.ts';

// The report built from a hand-made record, with no database: speech twice a week for 30 minutes,
// one session missed and made up the next week, and records voided as logged by mistake.

const RANGE = { from: '2026-09-14', to: '2026-09-25', asOf: '2026-09-25' };

function session(id: string, date: string, o: Partial<ReportSessionInput> = {}): ReportSessionInput {
  return {
    id,
    serviceId: 'svc-speech',
    date,
    kind: 'scheduled',
    status: 'delivered',
    minutesPlanned: 30,
    minutesDelivered: 30,
    reason: null,
    reasonText: null,
    makeupForEntryId: null,
    correctsEntryId: null,
    source: 'school_log',
    ...o,
  };
}

const SESSIONS: ReportSessionInput[] = [
  session('s-tue', '2026-09-15'),
  session('s-thu', '2026-09-17', { status: 'missed', minutesDelivered: 0, reason: 'provider_absent' }),
  // Logged on the wrong day, then voided: the ledger leaves both out, and so must the report.
  session('s-fri', '2026-09-18'),
  session('s-fri-void', '2026-09-18', { status: 'void', minutesDelivered: 0, correctsEntryId: 's-fri' }),
  session('s-tue-2', '2026-09-22'),
  session('s-makeup', '2026-09-23', { kind: 'makeup', makeupForEntryId: 's-thu', minutesPlanned: null }),
  session('s-thu-2', '2026-09-24'),
];

/** The ledger as the ledger service computes it: from the entries in force only. */
function speechLedger() {
  const inForce = SESSIONS.filter((s) => s.id !== 's-fri' && s.id !== 's-fri-void');
  const entries: LedgerEntry[] = inForce.map((s) => ({
    id: s.id,
    date: s.date,
    kind: s.kind as LedgerEntry['kind'],
    status: s.status as LedgerEntry['status'],
    minutesDelivered: s.minutesDelivered,
    minutesPlanned: s.minutesPlanned,
    reason: s.reason as MissReason | null,
    responsibility: null,
    makeupForEntryId: s.makeupForEntryId,
  }));
  const ledger = computeServiceLedger({
    service: {
      serviceId: 'svc-speech',
      segments: [
        {
          minutesPerSession: 30,
          sessionsPerPeriod: 2,
          minutesPerPeriod: null,
          period: { unit: 'week', cycleDays: null },
          pattern: null,
          label: null,
          startDate: '2026-09-08',
          endDate: '2027-06-11',
        },
      ],
      esyBlocks: [],
    },
    calendar: buildCalendarIndex([
      {
        id: 'cal',
        firstDay: '2026-09-08',
        lastDay: '2027-06-11',
        schoolWeekdays: [1, 2, 3, 4, 5],
        cycleLength: null,
        events: [],
      },
    ]),
    entries,
    policy: DEFAULT_REASON_POLICY,
    window: { from: RANGE.from, to: RANGE.to },
    asOf: RANGE.asOf,
    grouping: 'week',
  });
  return { ...ledger, service: { name: 'Speech-language therapy' } };
}

const VERIFIED: VerifyResult = {
  householdId: 'h',
  ok: true,
  journal: { entries: 12, headHash: 'a'.repeat(64), problem: null },
  records: { checked: 12, differing: 0, problems: [] },
  attachments: { checked: 1, problems: [] },
  references: { problems: [] },
};

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    range: RANGE,
    preparedBy: 'Olivia',
    child: { id: 'child', firstName: 'Emma', lastName: 'Rivera', school: null, grade: '3' },
    plans: [
      {
        id: 'plan',
        kind: 'iep',
        title: 'IEP 2026-27',
        country: 'US',
        region: 'CA',
        effectiveFrom: '2026-09-08',
        effectiveTo: '2027-09-07',
      },
    ],
    services: [
      {
        id: 'svc-speech',
        name: 'Speech-language therapy',
        sourceText: 'Speech, 2 x 30 min weekly',
        providerRole: 'SLP',
        startDate: '2026-09-08',
        endDate: '2027-06-11',
      },
    ],
    ledgers: [speechLedger()],
    ledgerUnavailable: null,
    sessions: SESSIONS,
    accommodations: [{ id: 'acc-time', planId: 'plan', text: 'Extended time on tests' }],
    observations: [
      {
        id: 'o-provided',
        accommodationId: 'acc-time',
        date: '2026-09-16',
        outcome: 'provided',
        className: 'Math',
        setting: null,
        teacherKind: 'regular',
        source: 'parent',
        note: null,
        attachmentIds: [],
        voidedAt: null,
      },
      {
        id: 'o-voided',
        accommodationId: 'acc-time',
        date: '2026-09-18',
        outcome: 'not_provided',
        className: 'Math',
        setting: null,
        teacherKind: 'regular',
        source: 'parent',
        note: 'Logged for the wrong child',
        attachmentIds: ['att-voided'],
        voidedAt: '2026-09-19T10:00:00.000Z',
      },
    ],
    workSamples: [],
    behaviorSteps: [{ id: 'step-break', planId: 'plan', kind: 'strategy', text: 'Offer a break' }],
    incidents: [
      {
        id: 'i-voided',
        planId: 'plan',
        date: '2026-09-21',
        summary: 'Sent to the office',
        stepsFollowed: [],
        stepsSkipped: ['step-break'],
        rewardUsed: null,
        consequenceContradicted: true,
        source: 'parent',
        attachmentIds: [],
        voidedAt: '2026-09-22T08:00:00.000Z',
      },
    ],
    teamContacts: [],
    communications: [],
    goals: [],
    goalProgress: [],
    parentNotes: [],
    attachments: [
      {
        attachmentId: 'att-voided',
        filename: 'photo.jpg',
        mediaType: 'image/jpeg',
        size: 10,
        sha256: 'b'.repeat(64),
      },
    ],
    recommendations: [],
    findings: [],
    verified: VERIFIED,
    firstProblem: null,
    ...overrides,
  };
}

describe('buildImplementationReport', () => {
  it('copies the ledger: a session missed and made up the next week is owed, then cured', () => {
    const report = buildImplementationReport(input());
    const ledger = speechLedger();
    const [speech] = report.services;
    const { entryIds: _ids, ...totals } = ledger.totals;
    expect(speech!.totals).toEqual(totals);
    expect(speech!.totals).toMatchObject({
      requiredMinutes: 120,
      owedMinutes: 30,
      makeupMinutes: 30,
      owedBalanceMinutes: 0,
    });
    expect(report.minutes).toMatchObject({
      requiredMinutes: 120,
      deliveredMinutes: ledger.totals.deliveredMinutes,
      owedMinutes: 30,
      makeupMinutes: 30,
      owedBalanceMinutes: 0,
    });
    expect(speech!.rows.map((r) => [r.start, r.requiredMinutes, r.owedMinutes, r.makeupMinutes])).toEqual([
      ['2026-09-14', 60, 30, 0],
      ['2026-09-21', 60, 0, 30],
    ]);
    expect(speech!.exceptions).toEqual([
      expect.objectContaining({
        entryId: 's-thu',
        kind: 'scheduled',
        status: 'missed',
        minutesMissed: 30,
        reason: 'Provider absent',
        countedAs: 'owed',
        makesUpDate: null,
      }),
      expect.objectContaining({
        entryId: 's-makeup',
        kind: 'makeup',
        minutesMissed: 0,
        countedAs: null,
        makesUpDate: '2026-09-17',
      }),
    ]);
  });

  it('numbers the evidence by date and leaves out what was voided', () => {
    const report = buildImplementationReport(input());
    expect(report.evidence.map((e) => [e.ref, e.recordId])).toEqual([
      ['E1', 's-tue'],
      ['E2', 'o-provided'],
      ['E3', 's-thu'],
      ['E4', 's-tue-2'],
      ['E5', 's-makeup'],
      ['E6', 's-thu-2'],
    ]);
    expect(report.services[0]!.exceptions.map((e) => e.ref)).toEqual(['E3', 'E5']);
    // The voided observation counts nowhere: not as a lapse, not in the rate, not its file.
    expect(report.accommodations).toEqual([
      expect.objectContaining({
        id: 'acc-time',
        provided: 1,
        notProvided: 0,
        providedPercent: 100,
        lapses: [],
        refs: ['E2'],
      }),
    ]);
    expect(report.evidence.flatMap((e) => e.files)).toEqual([]);
    // The voided incident is not an incident of the behavior plan.
    expect(report.behaviorPlan.incidents).toEqual([]);
    expect(report.behaviorPlan.totals.incidents).toBe(0);
    expect(report.behaviorPlan.steps).toEqual([expect.objectContaining({ id: 'step-break', skipped: 0 })]);
  });

  it('counts the same observation once it is no longer voided, with its file', () => {
    const base = input();
    const report = buildImplementationReport({
      ...base,
      observations: base.observations.map((o) => ({ ...o, voidedAt: null })),
    });
    const [time] = report.accommodations;
    expect(time).toMatchObject({ provided: 1, notProvided: 1, providedPercent: 50 });
    expect(time!.lapses.map((l) => [l.date, l.outcome])).toEqual([['2026-09-18', 'not_provided']]);
    expect(report.evidence.flatMap((e) => e.files.map((f) => f.filename))).toEqual(['photo.jpg']);
  });

  it('says the minutes cannot be counted without a calendar, and keeps the rest of the report', () => {
    const report = buildImplementationReport(
      input({ ledgers: [], ledgerUnavailable: 'The minutes cannot be counted: no school calendar.' }),
    );
    expect(report.services).toEqual([]);
    expect(report.minutes.requiredMinutes).toBe(0);
    expect(report.ledgerUnavailable).toBe('The minutes cannot be counted: no school calendar.');
    expect(report.evidence.map((e) => e.recordId)).toEqual(['o-provided']);
  });

  it('carries the paper trail as verify left it', () => {
    const report = buildImplementationReport(
      input({
        verified: { ...VERIFIED, ok: false, records: { ...VERIFIED.records, differing: 1 } },
        firstProblem: 'session_entry s-tue differs',
      }),
    );
    expect(report.journal).toMatchObject({
      entries: 12,
      headHash: 'a'.repeat(64),
      verified: false,
      firstProblem: 'session_entry s-tue differs',
      chainWhole: true,
      recordsDiffering: 1,
    });
    expect(report.plan).toMatchObject({ id: 'plan', jurisdiction: 'CA, US' });
  });

  it('adds the service logs’ reconciliation only when a log was imported (issue 19), and the PDF draws it', async () => {
    expect(buildImplementationReport(input()).serviceLogReconciliation).toBeUndefined();
    const report = buildImplementationReport(
      input({
        serviceLogs: [
          {
            importId: 'log-1',
            importedAt: '2026-09-26T09:00:00.000Z',
            items: [
              { serviceId: 'svc-speech', date: '2026-09-15', kind: 'agree' },
              { serviceId: 'svc-speech', date: '2026-09-17', kind: 'school_delivered_family_missed' },
            ],
          },
        ],
      }),
    );
    expect(report.serviceLogReconciliation).toMatchObject({
      logs: 1,
      agree: 1,
      differ: 1,
      services: [{ serviceId: 'svc-speech', agree: 1, differ: 1 }],
    });
    // Nothing of the log's file is in the report.
    expect(JSON.stringify(report)).not.toContain('log-1');
    // The PDF draws the same object, section and all.
    const pdf = await renderReportPdf(report);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
