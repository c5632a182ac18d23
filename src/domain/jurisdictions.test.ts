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

  it('ladder: teacher or case manager, principal, director, mediation, state complaint, due process', () => {
    expect(federal.ladder.map((s) => s.id)).toEqual([
      'teacher_or_case_manager',
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
    ['due_process', { amount: 2, unit: 'years' }, '34 CFR 300.507(a)(2); 300.511(e)-(f)', 'family'],
    ['records_access', { amount: 45, unit: 'calendar_days' }, '34 CFR 300.613(a)', 'school'],
    ['annual_review', { amount: 1, unit: 'years' }, '34 CFR 300.324(b)(1)', 'school'],
    ['reevaluation', { amount: 3, unit: 'years' }, '34 CFR 300.303', 'school'],
    [
      'state_complaint_decision',
      { amount: 60, unit: 'calendar_days' },
      '34 CFR 300.152; 300.151(b)',
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

  it('California: meeting within 30 days outside long vacations; records within 5 business days', () => {
    const california = JURISDICTION_PROFILES.us_ca_iep;
    expect(timelineOf(california, 'meeting_after_request')).toMatchObject({
      count: { amount: 30, unit: 'calendar_days_outside_long_vacations' },
      citation: { source: 'Cal. Ed. Code 56343(c), 56343.5' },
    });
    expect(timelineOf(california, 'records_access')).toMatchObject({
      count: { amount: 5, unit: 'business_days' },
      citation: { source: 'Cal. Ed. Code 56504' },
    });
    expect(california.timelines.filter((t) => t.id === 'records_access')).toHaveLength(1);
  });

  it('Illinois: services within 10 school days; notice within 3 school days after that', () => {
    const illinois = JURISDICTION_PROFILES.us_il_iep;
    expect(timelineOf(illinois, 'service_start')?.count).toEqual({ amount: 10, unit: 'school_days' });
    expect(timelineOf(illinois, 'service_start_notice')?.count).toEqual({ amount: 3, unit: 'school_days' });
    expect(timelineOf(illinois, 'service_start')?.citation.source).toContain('226.220');
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

  it('Ontario: teacher, principal, superintendent or board; IPRC appeals are not about implementation', () => {
    const ontario = JURISDICTION_PROFILES.ca_on;
    expect(ontario.ladder.map((s) => s.id)).toEqual(['teacher', 'principal', 'superintendent_or_board']);
    expect(ontario.ladder[2]?.note).toMatch(
      /identification and placement, not whether the IEP is carried out/,
    );
    expect(timelineOf(ontario, 'iep_after_placement')).toMatchObject({
      count: { amount: 30, unit: 'school_days' },
      citation: { source: 'O. Reg. 181/98 s.6' },
    });
  });

  it('British Columbia: teacher, principal, appeal to the board, decided within 45 days (School Act s.11)', () => {
    const bc = JURISDICTION_PROFILES.ca_bc;
    expect(bc.ladder.map((s) => s.id)).toEqual(['teacher', 'principal', 'board_appeal']);
    expect(bc.ladder[2]?.basis).toMatchObject({ source: 'B.C. School Act s.11' });
    expect(timelineOf(bc, 'board_appeal_decision')?.count).toEqual({ amount: 45, unit: 'calendar_days' });
  });

  it('Alberta: teacher, principal, superintendent, board (Education Act s.42); the plan is an IPP', () => {
    const alberta = JURISDICTION_PROFILES.ca_ab;
    expect(alberta.ladder.map((s) => s.id)).toEqual(['teacher', 'principal', 'superintendent', 'board']);
    for (const step of alberta.ladder)
      expect(step.basis).toMatchObject({ source: expect.stringContaining('s.42') });
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
    ['ca_on', [null, 'principal', 'superintendent']],
    ['ca_bc', [null, 'principal', 'board']],
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
