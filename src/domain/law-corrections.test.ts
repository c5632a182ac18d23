import { describe, expect, it } from 'vitest';
import { timelinesFor } from '../server/services/jurisdiction-timelines.ts';
import { advise, resolveAdvisorSettings } from './advisor.ts';
import type { CasePlan, CaseRecord, CaseService } from './case-record.ts';
import type { Communication } from './communications.ts';
import { isoWeekday } from './dates.ts';
import { draftBoardAppeal } from './letters/board-appeal.ts';
import {
  draftMeetingRequest,
  draftOcrComplaintOutline,
  draftRecordsRequest,
  draftServiceLogRequest,
  lettersAvailable,
} from './letters.ts';

// Issue 13, "Wrong law and miscounted deadlines": one test per corrected item, on what a parent reads in
// the letters (the profiles, the deadline counts and the advisor have their own tests beside them:
// jurisdictions.test.ts, deadlines.test.ts, advisor.test.ts). Each states the corrected figure or wording;
// docs/legal-sources.md quotes the text of the law behind it.

const isSchoolDay = (d: string) => isoWeekday(d) <= 5 && d !== '2026-10-12';

function plan(country: 'US' | 'CA', region: string | null, kind: CasePlan['kind'] = 'iep'): CasePlan {
  return {
    id: 'plan',
    kind,
    jurisdiction: { country, region },
    title: null,
    effectiveFrom: '2026-02-02',
    effectiveTo: '2027-06-11',
  };
}

function speech(missedOn: string): CaseService {
  return {
    id: 'svc-speech',
    name: 'Speech-language therapy',
    sourceText: 'Speech-language therapy, 30 minutes 2 times per week',
    providerRole: 'Speech-language pathologist',
    startDate: '2026-02-02',
    endDate: '2027-06-11',
    firstDeliveredDate: '2026-02-03',
    ledger: {
      from: '2026-02-02',
      to: '2026-10-22',
      requiredMinutes: 600,
      deliveredMinutes: 570,
      owedMinutes: 30,
      owedBalanceMinutes: 30,
      makeupMinutes: 0,
      unloggedMinutes: 0,
      percentDelivered: 95,
      misses: [
        {
          entryId: 'miss',
          date: missedOn,
          reason: 'provider_absent',
          minutes: 30,
          responsibility: 'owed',
          owedRemainingMinutes: 30,
        },
      ],
    },
    weeks: [],
  };
}

function record(p: CasePlan, more: Partial<CaseRecord> = {}): CaseRecord {
  return {
    asOf: '2026-10-22',
    child: { id: 'child', firstName: 'Emma', lastName: 'Lopez', school: 'Lincoln Elementary', grade: '3' },
    parent: { name: 'Dana Lopez', email: 'dana@example.org' },
    plan: p,
    team: [
      { id: 'cm', name: 'Maria Rivera', role: 'Case manager', email: 'rivera@school.example' },
      { id: 'slp', name: 'Mr. Chen', role: 'Speech-language pathologist', email: 'chen@school.example' },
      { id: 'principal', name: 'Alan Ortiz', role: 'Principal', email: 'ortiz@school.example' },
      { id: 'trustee', name: 'Pat Lee', role: 'School board trustee', email: 'lee@district.example' },
    ],
    services: [speech('2026-03-09')],
    accommodations: [],
    goals: [],
    findings: [],
    communications: [] as Communication[],
    keyDates: [],
    parentNotes: [],
    isSchoolDay,
    inLongVacation: () => false,
    ...more,
  };
}

describe('the records letter says what 34 CFR 300.613 says', () => {
  it('outside California: inspect and review within 45 days, never "copies within 45 days"', () => {
    for (const region of ['NY', 'AZ']) {
      const p = plan('US', region);
      const letter = draftRecordsRequest(record(p), { timeline: timelinesFor(p).records });
      expect(letter.body).toContain('inspect and review');
      expect(letter.body).toContain('within 45 days of the request at most (34 CFR 300.613(a))');
      expect(letter.body).not.toMatch(/copies are to be provided within 45 days/);
    }
  });

  it('California adds its own rule: copies within 5 business days of the request (Ed. Code 56504)', () => {
    const p = plan('US', 'CA');
    const letter = draftRecordsRequest(record(p), { timeline: timelinesFor(p).records });
    expect(letter.body).toContain(
      'I understand I may examine the records and receive copies within 5 business days of this written request (Cal. Ed. Code 56504).',
    );
  });

  it('Illinois: inspect and copy within 10 business days of receipt by the records custodian (105 ILCS 10/5(c))', () => {
    const p = plan('US', 'IL');
    const letter = draftRecordsRequest(record(p), { timeline: timelinesFor(p).records });
    expect(letter.body).toContain(
      'this request to inspect and copy the records is to be granted within 10 business days of receiving this written request (105 ILCS 10/5(c))',
    );
  });

  it('Ontario cites Education Act s.266(3); British Columbia School Act s.9', () => {
    expect(draftRecordsRequest(record(plan('CA', 'ON'))).body).toContain('(Ontario Education Act s.266(3))');
    expect(draftRecordsRequest(record(plan('CA', 'BC'))).body).toContain('(B.C. School Act s.9)');
  });
});

describe('Illinois service logs: at any time on request', () => {
  it('the log request cites 105 ILCS 5/14-8.02f(d) and 23 Ill. Adm. Code 226.310, not the 45 days', () => {
    const letter = draftServiceLogRequest(record(plan('US', 'IL')), { serviceId: 'svc-speech' });
    expect(letter.body).toContain(
      'available to parents at any time on request (105 ILCS 5/14-8.02f(d); 23 Ill. Adm. Code 226.310)',
    );
  });
});

describe('California: the 30 days run from the school’s receipt', () => {
  it('the meeting request says "of receiving this written request" (Ed. Code 56343.5)', () => {
    const p = plan('US', 'CA');
    const letter = draftMeetingRequest(record(p), { timeline: timelinesFor(p).meeting });
    expect(letter.body).toContain(
      'I understand the meeting is to be held within 30 days of receiving this written request, not counting days between school sessions or school vacations of more than five school days (Cal. Ed. Code 56343.5; Cal. Ed. Code 56343(c)).',
    );
  });
});

describe('Section 504: the OCR window by the one deadline function', () => {
  it('a last act on 2026-03-09 gives Friday, September 4, 2026 (180 days is a Saturday), as the advisor shows', () => {
    const r = record(plan('US', 'CA', '504'));
    const letter = draftOcrComplaintOutline(r);
    expect(letter.body).toContain('by Friday, September 4, 2026');
    expect(letter.body).toContain('(34 CFR 100.7(b); 34 CFR 104.61)');
    const advisorDates = advise({ ...r, services: [speech('2026-03-09')] }, resolveAdvisorSettings())
      .flatMap((rec) => rec.deadlines)
      .filter((d) => d.label.startsWith('OCR complaint'))
      .map((d) => d.date);
    expect(advisorDates).toContain('2026-09-04');
  });

  it('the 60 days after a grievance are guidance, and only for a grievance filed within the 180 days', () => {
    const letter = draftOcrComplaintOutline(record(plan('US', 'CA', '504')));
    expect(letter.body).toContain("OCR's Case Processing Manual (guidance, not a regulation)");
    expect(letter.body).toContain('If you file a grievance within those 180 days');
    expect(letter.body).toContain("Using the district's 504 grievance process first is not required.");
  });
});

describe('British Columbia and Alberta: a real appeal to the board', () => {
  it('B.C.: the decision, its date, who made it, what the board is asked, the board’s procedure, 45 days', () => {
    const letter = draftBoardAppeal(record(plan('CA', 'BC')), {
      decision: 'not to make up the missed speech-language therapy sessions',
      decisionDate: '2026-10-14',
      decidedBy: 'Alan Ortiz, principal',
      askBoardTo: 'direct that the missed sessions be made up on a schedule agreed in writing',
      serviceId: 'svc-speech',
    });
    expect(letter.kind).toBe('board_appeal');
    expect(letter.to).toEqual([{ name: 'Pat Lee', email: 'lee@district.example' }]);
    expect(letter.body).toContain('under section 11 of the School Act (B.C. School Act s.11)');
    expect(letter.body).toContain('The decision: not to make up the missed speech-language therapy sessions');
    expect(letter.body).toContain('Made by: Alan Ortiz, principal');
    expect(letter.body).toContain('Date: Wednesday, October 14');
    expect(letter.body).toContain(
      'What I ask the Board to decide: direct that the missed sessions be made up on a schedule agreed in writing',
    );
    expect(letter.body).toContain("I am following the Board's appeal procedure");
    expect(letter.body).toContain('within 45 days of receiving it (B.C. School Act s.11)');
    expect(letter.placeholders).toEqual(["[the name or number of the Board's appeal bylaw or policy]"]);
    expect(letter.notes.join(' ')).toContain('not the next step for services that were not delivered');
    expect(letter.body).not.toMatch(/Asking for your help/);
  });

  it('Alberta: Education Act s.42, no 45 days; an unfilled appeal keeps its gaps as placeholders', () => {
    const letter = draftBoardAppeal(record(plan('CA', 'AB')), {});
    expect(letter.body).toContain('under section 42 of the Education Act (Alberta Education Act s.42)');
    expect(letter.body).not.toContain('45 days');
    expect(letter.placeholders).toEqual(
      expect.arrayContaining([
        '[the decision you are appealing, in your words]',
        '[who made it: name and role]',
        '[the date you were told of it]',
        '[what you ask the Board to decide]',
      ]),
    );
  });

  it('only in British Columbia and Alberta', () => {
    expect(lettersAvailable(record(plan('CA', 'BC')))).toContain('board_appeal');
    expect(lettersAvailable(record(plan('CA', 'AB')))).toContain('board_appeal');
    for (const p of [plan('CA', 'ON'), plan('US', 'CA'), plan('US', 'CA', '504')])
      expect(lettersAvailable(record(p))).not.toContain('board_appeal');
  });
});
