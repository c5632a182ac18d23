import { describe, expect, it } from 'vitest';
import {
  type Basis,
  isProductChoice,
  JURISDICTION_PROFILES,
  type JurisdictionProfile,
  ladderStepAt,
  type PlanRef,
  profileFor,
  rungOfRole,
  type TimelineId,
  timelineOf,
  topPersonRung,
} from './jurisdictions.ts';

const iep = (country: 'US' | 'CA', region: string | null): PlanRef => ({
  kind: 'iep',
  jurisdiction: { country, region },
});
const plan504 = (region: string | null, country: 'US' | 'CA' = 'US'): PlanRef => ({
  kind: '504',
  jurisdiction: { country, region },
});

/** Every citation and basis a profile can put in front of a parent. */
function bases(profile: JurisdictionProfile): Basis[] {
  return [
    ...profile.timelines.map((t) => t.citation),
    ...profile.ladder.map((s) => s.basis),
    ...Object.values(profile.bases),
  ];
}

function sources(profile: JurisdictionProfile): string[] {
  return bases(profile).flatMap((b) => (isProductChoice(b) ? [] : [b.source]));
}

const IDEA_ONLY_TIMELINES: TimelineId[] = [
  'state_complaint',
  'state_complaint_decision',
  'due_process',
  'resolution_meeting',
  'resolution_period',
  'hearing_decision',
  'mediation',
];

describe('profileFor', () => {
  it.each([
    [iep('US', null), 'us_idea'],
    [iep('US', 'NY'), 'us_idea'],
    [iep('US', 'CA'), 'us_ca_iep'],
    [iep('US', 'ca'), 'us_ca_iep'],
    [iep('US', 'IL'), 'us_il_iep'],
    [iep('US', 'AZ'), 'us_az_iep'],
    [iep('CA', 'ON'), 'ca_on'],
    [iep('CA', 'BC'), 'ca_bc'],
    [iep('CA', 'AB'), 'ca_ab'],
    [iep('CA', 'QC'), 'ca_other'],
    [iep('CA', null), 'ca_other'],
  ] as const)('an IEP in %j gets %s', (plan, id) => {
    expect(profileFor(plan).id).toBe(id);
  });

  it.each(['CA', 'IL', 'AZ', 'NY', null])(
    'a 504 plan in %s gets the Section 504 profile, never a state IEP profile',
    (region) => {
      expect(profileFor(plan504(region)).id).toBe('us_504');
    },
  );

  it('a Canadian plan marked 504 still gets its province (never US steps)', () => {
    expect(profileFor(plan504('ON', 'CA')).id).toBe('ca_on');
    expect(profileFor(plan504(null, 'CA')).id).toBe('ca_other');
  });

  it('California the state and Canada the country are not confused', () => {
    expect(profileFor(iep('US', 'CA')).country).toBe('US');
    expect(profileFor(iep('CA', 'CA')).id).toBe('ca_other');
  });
});

describe('Section 504 profile', () => {
  const profile = JURISDICTION_PROFILES.us_504;

  it('carries no IDEA timeline', () => {
    for (const id of IDEA_ONLY_TIMELINES) expect(timelineOf(profile, id)).toBeNull();
    expect(timelineOf(profile, 'annual_review')).toBeNull();
    expect(timelineOf(profile, 'reevaluation')).toBeNull();
  });

  it('cites no IDEA regulation anywhere', () => {
    for (const source of sources(profile)) {
      expect(source).not.toMatch(/\b300\.|71 FR|Van Duyn|Bobby R/);
    }
  });

  it('OCR: 180 days from the last act, and 60 days after a district grievance', () => {
    expect(timelineOf(profile, 'ocr_complaint')?.count).toEqual({ amount: 180, unit: 'calendar_days' });
    expect(timelineOf(profile, 'ocr_complaint')?.owner).toBe('family');
    expect(timelineOf(profile, 'ocr_after_grievance')?.count).toEqual({ amount: 60, unit: 'calendar_days' });
  });

  it('impartial hearing and periodic reevaluation have no fixed timeline (104.36, 104.35(d))', () => {
    expect(timelineOf(profile, 'impartial_hearing')).toMatchObject({
      count: null,
      citation: { source: '34 CFR 104.36' },
    });
    expect(timelineOf(profile, 'periodic_reevaluation')).toMatchObject({
      count: null,
      citation: { source: '34 CFR 104.35(d)' },
    });
  });

  it('ladder: teacher or 504 coordinator, principal, district 504 coordinator, then OCR or an impartial hearing', () => {
    // Implementing the plan rests on FAPE (104.33); the grievance on 104.7; 104.36 is procedure.
    expect(profile.bases.implementAsWritten).toMatchObject({ source: '34 CFR 104.33' });
    expect(ladderStepAt(profile, 3)?.basis).toMatchObject({ source: '34 CFR 104.7(a)-(b)' });
    expect(timelineOf(profile, 'ocr_complaint')?.citation).toMatchObject({
      source: '34 CFR 100.7(b); 34 CFR 104.61',
      kind: 'law',
    });
    expect(timelineOf(profile, 'ocr_after_grievance')?.citation).toMatchObject({
      source: 'OCR Case Processing Manual (timeliness)',
      kind: 'guidance',
    });
    expect(timelineOf(profile, 'ocr_after_grievance')?.label).toContain('within the 180 days');
    expect(profile.ladder.map((s) => [s.rung, s.id])).toEqual([
      [1, 'teacher_or_504_coordinator'],
      [2, 'principal'],
      [3, 'district_504_coordinator'],
      [4, 'ocr_complaint'],
      [4, 'impartial_hearing'],
    ]);
    expect(ladderStepAt(profile, 4)?.letterKind).toBe('ocr_complaint_outline');
  });
});

describe('IDEA profiles', () => {
  const federal = JURISDICTION_PROFILES.us_idea;

  it('ladder: provider or case manager, principal, director, mediation, state complaint, due process', () => {
    expect(federal.ladder.map((s) => s.id)).toEqual([
      'provider_or_case_manager',
      'principal',
      'special_education_director',
      'mediation',
      'state_complaint',
      'due_process',
    ]);
    expect(federal.ladder.find((s) => s.id === 'mediation')?.basis).toMatchObject({
      source: '34 CFR 300.506',
    });
    expect(ladderStepAt(federal, 5)?.letterKind).toBe('state_complaint');
  });

  it('the first three rungs are a product choice; the formal steps are cited', () => {
    for (const step of federal.ladder) {
      expect(isProductChoice(step.basis)).toBe(step.kind === 'person');
    }
  });

  it.each([
    ['state_complaint', { amount: 1, unit: 'years' }, '34 CFR 300.153', 'family'],
    ['due_process', { amount: 2, unit: 'years' }, '34 CFR 300.507(a)(2); 34 CFR 300.511(e)-(f)', 'family'],
    [
      'records_access',
      { amount: 45, unit: 'calendar_days' },
      '34 CFR 300.613(a); 34 CFR 300.613(b)(2)',
      'school',
    ],
    ['annual_review', { amount: 1, unit: 'years' }, '34 CFR 300.324(b)(1)', 'school'],
    ['reevaluation', { amount: 3, unit: 'years' }, '34 CFR 300.303', 'school'],
    [
      'state_complaint_decision',
      { amount: 60, unit: 'calendar_days' },
      '34 CFR 300.152; 34 CFR 300.151(b)',
      'agency',
    ],
  ] as const)('federal %s: %j (%s)', (id, count, source, owner) => {
    expect(timelineOf(federal, id)).toMatchObject({ count, owner, citation: { source } });
  });

  it('federal: no number for a meeting after a request (71 FR 46676)', () => {
    expect(timelineOf(federal, 'meeting_after_request')).toMatchObject({
      count: null,
      citation: { source: '71 FR 46676' },
    });
  });

  it('California: meeting within 30 days of receipt outside long vacations; records within 5 business days of the request', () => {
    const california = JURISDICTION_PROFILES.us_ca_iep;
    expect(timelineOf(california, 'meeting_after_request')).toMatchObject({
      count: { amount: 30, unit: 'calendar_days_outside_long_vacations' },
      fromReceipt: true,
      citation: { source: 'Cal. Ed. Code 56343.5; Cal. Ed. Code 56343(c)' },
    });
    // Ed. Code 56504: "within five business days after the request is made": from the request, not receipt.
    expect(timelineOf(california, 'records_access')).toMatchObject({
      count: { amount: 5, unit: 'business_days' },
      fromReceipt: false,
      duty: 'I may examine the records and receive copies',
      citation: { source: 'Cal. Ed. Code 56504' },
    });
    expect(california.timelines.filter((t) => t.id === 'records_access')).toHaveLength(1);
  });

  it('Illinois: services within 10 school days (absences not counted); notice within 3 school days after that', () => {
    const illinois = JURISDICTION_PROFILES.us_il_iep;
    expect(timelineOf(illinois, 'service_start')?.count).toEqual({ amount: 10, unit: 'school_days_present' });
    expect(timelineOf(illinois, 'service_start_notice')?.count).toEqual({
      amount: 3,
      unit: 'school_days_present',
    });
    expect(timelineOf(illinois, 'service_start')?.citation.source).toBe(
      '23 Ill. Adm. Code 226.220(b); 105 ILCS 5/14-8.02f(d-5)',
    );
  });

  it('Illinois: the second clock, the whole IEP within 10 school days of the 300.503 notice (226.220(a))', () => {
    expect(timelineOf(JURISDICTION_PROFILES.us_il_iep, 'iep_implementation')).toMatchObject({
      count: { amount: 10, unit: 'school_days_present' },
      citation: { source: '23 Ill. Adm. Code 226.220(a)' },
    });
  });

  it('Illinois: records within 10 business days of receipt by the custodian, and up to 5 more (105 ILCS 10/5(c))', () => {
    const illinois = JURISDICTION_PROFILES.us_il_iep;
    expect(timelineOf(illinois, 'records_access')).toMatchObject({
      count: { amount: 10, unit: 'business_days' },
      fromReceipt: true,
      citation: { source: '105 ILCS 10/5(c)' },
    });
    expect(timelineOf(illinois, 'records_extension')?.count).toEqual({ amount: 5, unit: 'business_days' });
  });

  it('Illinois: related-service logs at any time; documents 3 school days before a meeting; prior written notice 10 days', () => {
    const illinois = JURISDICTION_PROFILES.us_il_iep;
    expect(timelineOf(illinois, 'service_logs')).toMatchObject({
      count: null,
      citation: { source: '105 ILCS 5/14-8.02f(d); 23 Ill. Adm. Code 226.310' },
    });
    expect(timelineOf(illinois, 'documents_before_meeting')).toMatchObject({
      count: null,
      startsFrom: expect.stringContaining('3 school days before'),
      citation: { source: '105 ILCS 5/14-8.02f(c)' },
    });
    expect(timelineOf(illinois, 'prior_written_notice')).toMatchObject({
      count: { amount: 10, unit: 'calendar_days' },
      caveat: 'a parent may waive the ten days before a placement',
      citation: { source: '23 Ill. Adm. Code 226.520; 34 CFR 300.503' },
    });
  });

  it('Van Duyn only in the Ninth Circuit (California, Arizona); elsewhere 300.323 and courts differ', () => {
    for (const id of ['us_ca_iep', 'us_az_iep'] as const)
      expect(JURISDICTION_PROFILES[id].bases.implementAsWritten).toMatchObject({
        source: expect.stringContaining('Van Duyn'),
      });
    for (const id of ['us_idea', 'us_il_iep'] as const) {
      expect(JSON.stringify(JURISDICTION_PROFILES[id])).not.toContain('Van Duyn');
      const basis = JURISDICTION_PROFILES[id].bases.implementAsWritten;
      expect(basis).toMatchObject({ source: expect.stringContaining('300.323') });
      expect(isProductChoice(basis) ? '' : basis.text).toContain('Courts differ');
    }
  });

  it('due process 2 years is labelled the federal default', () => {
    expect(timelineOf(federal, 'due_process')?.caveat).toBe('federal default: check your state’s limit');
  });

  it('Arizona: a review within 45 school days of a written request', () => {
    expect(timelineOf(JURISDICTION_PROFILES.us_az_iep, 'meeting_after_request')).toMatchObject({
      count: { amount: 45, unit: 'school_days' },
      citation: { source: 'Ariz. Admin. Code R7-2-401(G)(7)' },
    });
  });

  it('state profiles keep the federal complaint windows and ladder', () => {
    for (const id of ['us_ca_iep', 'us_il_iep', 'us_az_iep'] as const) {
      const profile = JURISDICTION_PROFILES[id];
      expect(profile.law).toBe('idea');
      expect(timelineOf(profile, 'state_complaint')).toEqual(timelineOf(federal, 'state_complaint'));
      expect(timelineOf(profile, 'due_process')).toEqual(timelineOf(federal, 'due_process'));
      expect(profile.ladder).toEqual(federal.ladder);
    }
  });

  it('no IDEA profile lists an OCR complaint', () => {
    for (const id of ['us_idea', 'us_ca_iep', 'us_il_iep', 'us_az_iep'] as const) {
      expect(timelineOf(JURISDICTION_PROFILES[id], 'ocr_complaint')).toBeNull();
    }
  });
});

describe('Canadian profiles', () => {
  const canadian = ['ca_on', 'ca_bc', 'ca_ab', 'ca_other'] as const;

  it.each(canadian)('%s has no US step, office or citation', (id) => {
    const text = JSON.stringify(JURISDICTION_PROFILES[id]);
    expect(text).not.toMatch(
      /CFR|\bFR\b|OCR|Office for Civil Rights|IDEA|U\.S\.|state complaint|due process|mediation|504/i,
    );
  });

  it('Ontario: teacher, principal, superintendent or board, then the Ombudsman or the human rights tribunal', () => {
    const ontario = JURISDICTION_PROFILES.ca_on;
    expect(ontario.ladder.map((s) => s.id)).toEqual([
      'teacher',
      'principal',
      'superintendent_or_board',
      'ombudsman',
      'human_rights_tribunal',
    ]);
    expect(ontario.ladder[2]?.note).toMatch(
      /identification and placement, not whether the IEP is carried out/,
    );
    // Services rest on s.6(3)(b) and Education Act s.170(1) para. 7; the 30 school days are s.6(8).
    expect(ontario.bases.implementAsWritten).toMatchObject({
      source: 'O. Reg. 181/98 s.6(3)(b); Ontario Education Act s.170(1) para. 7',
    });
    expect(timelineOf(ontario, 'iep_after_placement')).toMatchObject({
      count: { amount: 30, unit: 'school_days' },
      citation: { source: 'O. Reg. 181/98 s.6(8)' },
    });
    expect(timelineOf(ontario, 'records_access')?.citation.source).toBe('Ontario Education Act s.266(3)');
    expect(timelineOf(ontario, 'human_rights_application')).toMatchObject({
      count: { amount: 1, unit: 'years' },
      owner: 'family',
      citation: { source: 'Ontario Human Rights Code s.34(1)' },
    });
  });

  it('British Columbia: appeal to the board decided within 45 days of receipt (s.11); s.11.1 is narrow', () => {
    const bc = JURISDICTION_PROFILES.ca_bc;
    expect(bc.ladder.map((s) => s.id)).toEqual([
      'teacher',
      'principal',
      'board_appeal',
      'human_rights_tribunal',
    ]);
    expect(bc.ladder[2]).toMatchObject({
      letterKind: 'board_appeal',
      basis: { source: 'B.C. School Act s.11' },
    });
    expect(timelineOf(bc, 'board_appeal_decision')).toMatchObject({
      count: { amount: 45, unit: 'calendar_days' },
      fromReceipt: true,
    });
    expect(timelineOf(bc, 'superintendent_of_appeals')).toMatchObject({
      count: null,
      citation: { source: 'B.C. School Act s.11.1; B.C. Reg. 24/2008' },
    });
    expect(bc.ladder.some((s) => /11\.1|superintendent of appeals/i.test(s.label))).toBe(false);
    expect(bc.notes.join(' ')).toContain('not the next step for services that were not delivered');
    expect(timelineOf(bc, 'records_access')?.citation.source).toBe('B.C. School Act s.9');
    expect(timelineOf(bc, 'human_rights_application')?.count).toEqual({ amount: 1, unit: 'years' });
  });

  it('Alberta: teacher, principal, superintendent (board policy), then the board (Education Act s.42, no timeline); the plan is an IPP', () => {
    const alberta = JURISDICTION_PROFILES.ca_ab;
    expect(alberta.ladder.map((s) => s.id)).toEqual([
      'teacher',
      'principal',
      'superintendent',
      'board_review',
    ]);
    for (const step of alberta.ladder.slice(0, 3)) {
      expect(isProductChoice(step.basis)).toBe(true);
      expect(isProductChoice(step.basis) && step.basis.text).toContain('Board policy, not the Education Act');
    }
    expect(alberta.ladder[3]).toMatchObject({
      letterKind: 'board_appeal',
      basis: { source: 'Alberta Education Act s.42' },
    });
    expect(timelineOf(alberta, 'board_appeal')?.count).toBeNull();
    expect(timelineOf(alberta, 'minister_review')?.citation.source).toBe('Alberta Education Act s.43');
    expect(alberta.notes.join(' ')).toContain('not the next step for services that were not delivered');
    // The 45-day decision is British Columbia's alone.
    expect(timelineOf(alberta, 'board_appeal_decision')).toBeNull();
    expect(alberta.planName).toBe('IPP');
  });

  it('an unprofiled province gets only product-choice steps and no timelines', () => {
    const other = JURISDICTION_PROFILES.ca_other;
    expect(other.timelines).toEqual([]);
    for (const basis of bases(other)) expect(isProductChoice(basis)).toBe(true);
  });
});

describe('every profile', () => {
  it.each(Object.values(JURISDICTION_PROFILES))(
    '$id: every timeline is cited and every rung is numbered from 1',
    (profile) => {
      for (const timeline of profile.timelines) expect(timeline.citation.source.length).toBeGreaterThan(0);
      expect(profile.ladder[0]?.rung).toBe(1);
      const rungs = profile.ladder.map((s) => s.rung);
      expect(rungs).toEqual([...rungs].sort((a, b) => a - b));
    },
  );
});

describe('whom an escalation letter addresses', () => {
  it.each([
    ['us_idea', [null, 'principal', 'director', null, null, null]],
    ['us_504', [null, 'principal', 'director', null, null]],
    ['ca_on', [null, 'principal', 'superintendent', null, null]],
    ['ca_bc', [null, 'principal', 'board', null]],
    ['ca_ab', [null, 'principal', 'superintendent', 'board']],
  ] as const)('%s: %j', (id, recipients) => {
    expect(JURISDICTION_PROFILES[id].ladder.map((s) => s.addressedTo)).toEqual(recipients);
  });

  it('every step with an escalation letter names its recipient', () => {
    for (const profile of Object.values(JURISDICTION_PROFILES)) {
      for (const step of profile.ladder) {
        if (step.letterKind === 'escalation')
          expect(step.addressedTo, `${profile.id}/${step.id}`).not.toBeNull();
      }
    }
  });
});

describe('roles on the ladder', () => {
  const federal = JURISDICTION_PROFILES.us_idea;

  it.each([
    ['Case manager', 1],
    ['Speech-language pathologist', 1],
    ['Principal', 2],
    ['Assistant Principal', 2],
    ['Director of Special Education', 3],
  ])('US IEP: %s is on rung %i', (role, rung) => {
    expect(rungOfRole(federal, role)).toBe(rung);
  });

  it('Ontario: a superintendent is on rung 3', () => {
    expect(rungOfRole(JURISDICTION_PROFILES.ca_on, 'Superintendent of Education')).toBe(3);
  });

  it('the top person rung: the director in the US, the principal in BC (the board is an appeal)', () => {
    expect(topPersonRung(federal)).toBe(3);
    expect(topPersonRung(JURISDICTION_PROFILES.ca_bc)).toBe(2);
  });
});
