// Jurisdiction profiles: which timelines and which escalation ladder apply to a child's plan.
//
// Every number and citation here comes from shared/domain/RULES.md and nowhere else. Where RULES.md names
// a duty but sets no number ("as soon as possible", "timely", "periodic"), the timeline has `count: null`
// and is shown in words. Where the app chooses something no source sets (the order of the first rungs of a
// ladder, who counts as "the principal"), the basis is marked `productChoice`.
//
// Two rules are absolute, because applying the wrong law would send a parent to the wrong office:
// - IDEA (34 CFR 300) timelines and steps are never applied to a Section 504 plan (RULES.md, "Section 504
//   plans": "IDEA timelines must not be applied to a 504 plan");
// - a Canadian plan never gets US steps: each province sets its own rules (RULES.md, "Canada").

/** A rule the app applies, with where it comes from (a regulation, statute, order or case). */
export type Citation = { text: string; source: string };

/** A number or step no source sets: the app's own choice, shown as such and adjustable where it is a number. */
export type ProductChoice = { productChoice: true; text: string };

export type Basis = Citation | ProductChoice;

export function isProductChoice(basis: Basis): basis is ProductChoice {
  return 'productChoice' in basis;
}

export type PlanKind = 'iep' | '504';
export type PlanJurisdiction = { country: 'US' | 'CA'; region: string | null };
export type PlanRef = { kind: PlanKind; jurisdiction: PlanJurisdiction };

/**
 * How a timeline counts. `calendar_days_outside_long_vacations` is California's count: calendar days, not
 * counting days in a school vacation longer than 5 school days (Ed. Code 56343(c)).
 */
export type CountUnit =
  | 'calendar_days'
  | 'school_days'
  | 'business_days'
  | 'calendar_days_outside_long_vacations'
  | 'years';

export type TimelineCount = { amount: number; unit: CountUnit };

/**
 * Who must act by the date. A family deadline (a filing window) that falls on a weekend is shown on the
 * Friday before, so a parent is never late (src/domain/deadlines.ts); the others are shown as counted.
 */
export type TimelineOwner = 'family' | 'school' | 'agency';

export type TimelineId =
  | 'service_start'
  | 'service_start_notice'
  | 'meeting_after_request'
  | 'records_access'
  | 'progress_reports'
  | 'annual_review'
  | 'reevaluation'
  | 'prior_written_notice'
  | 'mediation'
  | 'state_complaint'
  | 'state_complaint_decision'
  | 'due_process'
  | 'resolution_meeting'
  | 'resolution_period'
  | 'hearing_decision'
  | 'ocr_complaint'
  | 'ocr_after_grievance'
  | 'impartial_hearing'
  | 'periodic_reevaluation'
  | 'iep_after_placement'
  | 'iep_review'
  | 'iprc_review'
  | 'iprc_review_request'
  | 'board_appeal_decision'
  | 'ipp';

export type Timeline = {
  id: TimelineId;
  label: string;
  /** What starts the clock, in words ("the parent's written request"). */
  startsFrom: string;
  /** Null when the source sets no number ("as soon as possible", "timely"). */
  count: TimelineCount | null;
  owner: TimelineOwner;
  citation: Citation;
};

/** Letters a ladder step can be reached with (the letter writer's kinds, referred to by name). */
export type LadderLetterKind = 'escalation' | 'state_complaint' | 'ocr_complaint_outline';

export type LadderStepId =
  | 'teacher_or_case_manager'
  | 'teacher_or_504_coordinator'
  | 'teacher'
  | 'principal'
  | 'special_education_director'
  | 'district_504_coordinator'
  | 'superintendent'
  | 'superintendent_or_board'
  | 'board'
  | 'board_appeal'
  | 'mediation'
  | 'state_complaint'
  | 'due_process'
  | 'ocr_complaint'
  | 'impartial_hearing';

export type EscalationRecipient = 'principal' | 'director' | 'superintendent' | 'board';

export type LadderStep = {
  id: LadderStepId;
  /** 1 is the first person to talk to. Alternatives share a rung (an OCR complaint or an impartial hearing). */
  rung: number;
  label: string;
  /** A person to write to, or a formal process (mediation, a complaint, a hearing, an appeal). */
  kind: 'person' | 'formal';
  note: string | null;
  basis: Basis;
  /** The letter that reaches this step; null when none is drafted (mediation is asked for in person). */
  letterKind: LadderLetterKind | null;
  /**
   * Whom an escalation letter at this step is addressed to, in the letter writer's words
   * (EscalationOptions.to in src/domain/letters.ts); null for the first rung and for formal processes
   * that have their own letter or none.
   */
  addressedTo: EscalationRecipient | null;
  /**
   * Team contacts whose role matches are taken to be at this step, so the advisor knows who has already
   * been written to. Product choice: roles are free text, so this is a best guess; an unmatched role
   * counts as the first rung.
   */
  rolePattern: RegExp | null;
};

/** The legal basis the advisor cites for each kind of recommendation, per profile. */
export type ProfileBases = {
  /** Carrying out the plan as written (services, accommodations). */
  implementAsWritten: Basis;
  /** Revising the plan when the child is not making the expected progress. */
  reviewForProgress: Basis;
  /** Asking for a meeting. */
  requestMeeting: Basis;
  annualReview: Basis;
  reevaluation: Basis;
  /** When a service must start. */
  serviceStart: Basis;
  /** Access to records (service logs). */
  records: Basis;
};

export type ProfileId =
  | 'us_idea'
  | 'us_504'
  | 'us_ca_iep'
  | 'us_il_iep'
  | 'us_az_iep'
  | 'ca_on'
  | 'ca_bc'
  | 'ca_ab'
  | 'ca_other';

export type JurisdictionProfile = {
  id: ProfileId;
  name: string;
  country: 'US' | 'CA';
  /** The state or province the profile adds (null for the federal baseline, 504 and unprofiled provinces). */
  region: string | null;
  /** Which body of law: IDEA, Section 504, or a province's. Decides which steps may ever be suggested. */
  law: 'idea' | 'section_504' | 'provincial';
  /** What the plan is called here, for titles ("IEP", "504 plan", "IPP"). */
  planName: string;
  timelines: Timeline[];
  ladder: LadderStep[];
  bases: ProfileBases;
  notes: string[];
};

// ---------------------------------------------------------------------------------------------
// Shared pieces.

const FIRST_RUNGS_CHOICE: ProductChoice = {
  productChoice: true,
  text: 'Start with the people closest to your child and go up one step at a time: the article this app follows advises writing to the teacher or case manager first, then escalating when emails go unanswered.',
};

const PRINCIPAL_ROLE = /principal|head of school/i;

const TEACHER_OR_CASE_MANAGER: LadderStep = {
  id: 'teacher_or_case_manager',
  rung: 1,
  label: 'Teacher or case manager',
  kind: 'person',
  note: null,
  basis: FIRST_RUNGS_CHOICE,
  letterKind: null,
  addressedTo: null,
  rolePattern: null,
};

const PRINCIPAL: LadderStep = {
  id: 'principal',
  rung: 2,
  label: 'Principal',
  kind: 'person',
  note: null,
  basis: FIRST_RUNGS_CHOICE,
  letterKind: 'escalation',
  addressedTo: 'principal',
  rolePattern: PRINCIPAL_ROLE,
};

// ---------------------------------------------------------------------------------------------
// United States: IDEA Part B (34 CFR Part 300).

const IDEA_IMPLEMENT: Citation = {
  text: 'The school implements the IEP as written, and every teacher and provider is told their responsibilities. A failure is material when there is more than a minor discrepancy between the services provided and those required; no proof of harm is needed.',
  source: '34 CFR 300.323; Van Duyn v. Baker School District (9th Cir. 2007)',
};

const IDEA_REVIEW: Citation = {
  text: 'The IEP is reviewed at least once a year and revised to address any lack of expected progress.',
  source: '34 CFR 300.324(b)(1)',
};

const IDEA_REEVALUATION: Citation = {
  text: 'A reevaluation happens at least every 3 years unless the parent and the school agree it is unnecessary.',
  source: '34 CFR 300.303',
};

const IDEA_SERVICE_START: Citation = {
  text: 'Services are provided as soon as possible after the IEP is developed.',
  source: '34 CFR 300.323',
};

const IDEA_REQUEST_MEETING: Citation = {
  text: 'A parent may ask for an IEP meeting at any time. No federal rule sets how soon it must be held; the 2006 preamble discusses requests, and many states require a reasonable request to be granted.',
  source: '71 FR 46676',
};

const IDEA_RECORDS: Citation = {
  text: 'Parents may see their child’s education records without unnecessary delay, before any IEP meeting or hearing, and within 45 days at most.',
  source: '34 CFR 300.613(a)',
};

const IDEA_TIMELINES: Timeline[] = [
  {
    id: 'service_start',
    label: 'Services start',
    startsFrom: 'the IEP is developed',
    count: null,
    owner: 'school',
    citation: IDEA_SERVICE_START,
  },
  {
    id: 'progress_reports',
    label: 'Progress reports on goals',
    startsFrom: 'as often as the IEP states (for example quarterly, with report cards)',
    count: null,
    owner: 'school',
    citation: { text: 'Progress reports as often as the IEP states.', source: '34 CFR 300.320(a)(3)(ii)' },
  },
  {
    id: 'annual_review',
    label: 'Annual review of the IEP',
    startsFrom: 'the last IEP meeting',
    count: { amount: 1, unit: 'years' },
    owner: 'school',
    citation: IDEA_REVIEW,
  },
  {
    id: 'reevaluation',
    label: 'Reevaluation',
    startsFrom: 'the last evaluation',
    count: { amount: 3, unit: 'years' },
    owner: 'school',
    citation: IDEA_REEVALUATION,
  },
  {
    id: 'records_access',
    label: 'Access to education records',
    startsFrom: 'the parent’s request',
    count: { amount: 45, unit: 'calendar_days' },
    owner: 'school',
    citation: IDEA_RECORDS,
  },
  {
    id: 'meeting_after_request',
    label: 'Meeting after a parent’s request',
    startsFrom: 'the parent’s request',
    count: null,
    owner: 'school',
    citation: IDEA_REQUEST_MEETING,
  },
  {
    id: 'prior_written_notice',
    label: 'Prior written notice',
    startsFrom: 'a reasonable time before the school proposes or refuses a change',
    count: null,
    owner: 'school',
    citation: { text: 'Prior written notice, with seven required elements.', source: '34 CFR 300.503' },
  },
  {
    id: 'mediation',
    label: 'Mediation',
    startsFrom: 'both sides agree to mediate',
    count: null,
    owner: 'agency',
    citation: {
      text: 'Mediation is voluntary, free to parents, "timely", and may not delay a hearing; a written agreement is binding.',
      source: '34 CFR 300.506',
    },
  },
  {
    id: 'state_complaint',
    label: 'State complaint',
    startsFrom: 'the violation',
    count: { amount: 1, unit: 'years' },
    owner: 'family',
    citation: {
      text: 'A signed, written complaint about a violation that happened no more than 1 year before the state receives it; a copy goes to the district at the same time.',
      source: '34 CFR 300.153',
    },
  },
  {
    id: 'state_complaint_decision',
    label: 'State decides the complaint',
    startsFrom: 'the complaint is received',
    count: { amount: 60, unit: 'calendar_days' },
    owner: 'agency',
    citation: {
      text: 'The state decides within 60 days (extended only for exceptional circumstances or agreed mediation). Remedies include compensatory services.',
      source: '34 CFR 300.152; 300.151(b)',
    },
  },
  {
    id: 'due_process',
    label: 'Due process complaint',
    startsFrom: 'when the parent knew or should have known',
    count: { amount: 2, unit: 'years' },
    owner: 'family',
    citation: {
      text: 'Within 2 years of when the parent knew or should have known about the action (or the state’s own limit).',
      source: '34 CFR 300.507(a)(2); 300.511(e)-(f)',
    },
  },
  {
    id: 'resolution_meeting',
    label: 'Resolution meeting',
    startsFrom: 'the due process complaint is received',
    count: { amount: 15, unit: 'calendar_days' },
    owner: 'school',
    citation: { text: 'A resolution meeting within 15 days.', source: '34 CFR 300.510' },
  },
  {
    id: 'resolution_period',
    label: 'Resolution period',
    startsFrom: 'the due process complaint is received',
    count: { amount: 30, unit: 'calendar_days' },
    owner: 'school',
    citation: { text: 'A 30-day resolution period.', source: '34 CFR 300.510' },
  },
  {
    id: 'hearing_decision',
    label: 'Hearing decision',
    startsFrom: 'the end of the resolution period',
    count: { amount: 45, unit: 'calendar_days' },
    owner: 'agency',
    citation: {
      text: 'The decision within 45 days after the resolution period.',
      source: '34 CFR 300.515(a)',
    },
  },
];

const IDEA_LADDER: LadderStep[] = [
  TEACHER_OR_CASE_MANAGER,
  PRINCIPAL,
  {
    id: 'special_education_director',
    rung: 3,
    label: 'Special-education director',
    kind: 'person',
    note: null,
    basis: FIRST_RUNGS_CHOICE,
    letterKind: 'escalation',
    addressedTo: 'director',
    rolePattern: /director|special[- ]?ed(ucation)? (administrator|coordinator|supervisor)|superintendent/i,
  },
  {
    id: 'mediation',
    rung: 4,
    label: 'Mediation',
    kind: 'formal',
    note: 'Voluntary and free to parents; it may not delay a hearing.',
    basis: { text: 'Mediation through the state.', source: '34 CFR 300.506' },
    letterKind: null,
    addressedTo: null,
    rolePattern: null,
  },
  {
    id: 'state_complaint',
    rung: 5,
    label: 'State complaint',
    kind: 'formal',
    note: 'About a violation no more than 1 year old; the state decides within 60 days.',
    basis: {
      text: 'A written, signed complaint to the state education agency.',
      source: '34 CFR 300.153; 300.152',
    },
    letterKind: 'state_complaint',
    addressedTo: null,
    rolePattern: null,
  },
  {
    id: 'due_process',
    rung: 6,
    label: 'Due process complaint',
    kind: 'formal',
    note: 'Within 2 years of when you knew or should have known.',
    basis: { text: 'A due process complaint and hearing.', source: '34 CFR 300.507; 300.511' },
    letterKind: null,
    addressedTo: null,
    rolePattern: null,
  },
];

const IDEA_BASES: ProfileBases = {
  implementAsWritten: IDEA_IMPLEMENT,
  reviewForProgress: IDEA_REVIEW,
  requestMeeting: IDEA_REQUEST_MEETING,
  annualReview: IDEA_REVIEW,
  reevaluation: IDEA_REEVALUATION,
  serviceStart: IDEA_SERVICE_START,
  records: IDEA_RECORDS,
};

const US_IDEA: JurisdictionProfile = {
  id: 'us_idea',
  name: 'United States: IDEA (federal baseline)',
  country: 'US',
  region: null,
  law: 'idea',
  planName: 'IEP',
  timelines: IDEA_TIMELINES,
  ladder: IDEA_LADDER,
  bases: IDEA_BASES,
  notes: [
    'Sessions the school cancels are the school’s to make up; no rule sets a percentage for when a gap is material (Van Duyn v. Baker School District, 9th Cir. 2007; Houston ISD v. Bobby R., 5th Cir. 2000).',
  ],
};

/** A state profile: the federal baseline with the state's own timelines added or put in place of federal ones. */
function stateProfile(
  id: ProfileId,
  name: string,
  region: string,
  stateTimelines: Timeline[],
  bases: Partial<ProfileBases>,
  notes: string[],
): JurisdictionProfile {
  const replaced = new Set(stateTimelines.map((t) => t.id));
  return {
    ...US_IDEA,
    id,
    name,
    region,
    timelines: [...stateTimelines, ...IDEA_TIMELINES.filter((t) => !replaced.has(t.id))],
    bases: { ...IDEA_BASES, ...bases },
    notes: [...US_IDEA.notes, ...notes],
  };
}

const CA_MEETING: Citation = {
  text: 'An IEP meeting within 30 days of the parent’s written request, not counting school vacations longer than 5 school days; an oral request is answered with a note to put it in writing.',
  source: 'Cal. Ed. Code 56343(c), 56343.5',
};

const CA_RECORDS: Citation = {
  text: 'Copies of records within 5 business days of a request (oral requests count).',
  source: 'Cal. Ed. Code 56504',
};

const US_CALIFORNIA = stateProfile(
  'us_ca_iep',
  'California (IDEA and the California Education Code)',
  'CA',
  [
    {
      id: 'meeting_after_request',
      label: 'IEP meeting after a written request',
      startsFrom: 'the parent’s written request',
      count: { amount: 30, unit: 'calendar_days_outside_long_vacations' },
      owner: 'school',
      citation: CA_MEETING,
    },
    {
      id: 'records_access',
      label: 'Copies of records',
      startsFrom: 'the parent’s request',
      count: { amount: 5, unit: 'business_days' },
      owner: 'school',
      citation: CA_RECORDS,
    },
  ],
  { requestMeeting: CA_MEETING, records: CA_RECORDS },
  [],
);

const IL_SERVICE_START: Citation = {
  text: 'The IEP is implemented within 10 school days. If a service is not started within 10 school days of its start date, the school sends the parent written notice within 3 school days, saying how to ask for compensatory services.',
  source: '23 Ill. Adm. Code 226.220; 105 ILCS 5/14-8.02f',
};

const US_ILLINOIS = stateProfile(
  'us_il_iep',
  'Illinois (IDEA and 23 Ill. Adm. Code 226)',
  'IL',
  [
    {
      id: 'service_start',
      label: 'Services start',
      startsFrom: 'the service’s start date',
      count: { amount: 10, unit: 'school_days' },
      owner: 'school',
      citation: IL_SERVICE_START,
    },
    {
      id: 'service_start_notice',
      label: 'Written notice of a service not started',
      startsFrom: 'the 10th school day after the service’s start date',
      count: { amount: 3, unit: 'school_days' },
      owner: 'school',
      citation: IL_SERVICE_START,
    },
  ],
  { serviceStart: IL_SERVICE_START },
  [],
);

const AZ_MEETING: Citation = {
  text: 'A review the parent asks for in writing is held within 45 school days.',
  source: 'Ariz. Admin. Code R7-2-401(G)(7)',
};

const US_ARIZONA = stateProfile(
  'us_az_iep',
  'Arizona (IDEA and the Arizona Administrative Code)',
  'AZ',
  [
    {
      id: 'meeting_after_request',
      label: 'Review after a written request',
      startsFrom: 'the parent’s written request',
      count: { amount: 45, unit: 'school_days' },
      owner: 'school',
      citation: AZ_MEETING,
    },
  ],
  { requestMeeting: AZ_MEETING },
  [],
);

// ---------------------------------------------------------------------------------------------
// United States: Section 504. No IDEA timeline, step or citation may appear here.

const SECTION_504_SAFEGUARDS: Citation = {
  text: 'Section 504 requires notice, access to records, an impartial hearing and a review procedure; it sets no fixed timelines.',
  source: '34 CFR 104.36',
};

const SECTION_504_REEVALUATION: Citation = {
  text: 'A 504 plan is reevaluated periodically; no fixed timeline is set.',
  source: '34 CFR 104.35(d)',
};

// RULES.md gives the 180 days without naming the regulation section, so the citation names the office.
const OCR_COMPLAINT: Citation = {
  text: 'A complaint to the U.S. Department of Education’s Office for Civil Rights within 180 days of the last act (or 60 days after a district grievance ends, if one was used). A 504 complaint goes to OCR or the district’s 504 process, not to the state’s special-education complaint office.',
  source: 'Office for Civil Rights complaint process (U.S. Department of Education)',
};

const US_504: JurisdictionProfile = {
  id: 'us_504',
  name: 'United States: Section 504',
  country: 'US',
  region: null,
  law: 'section_504',
  planName: '504 plan',
  timelines: [
    {
      id: 'periodic_reevaluation',
      label: 'Periodic reevaluation',
      startsFrom: 'the last evaluation',
      count: null,
      owner: 'school',
      citation: SECTION_504_REEVALUATION,
    },
    {
      id: 'impartial_hearing',
      label: 'Impartial hearing',
      startsFrom: 'the parent’s request',
      count: null,
      owner: 'agency',
      citation: SECTION_504_SAFEGUARDS,
    },
    {
      id: 'ocr_complaint',
      label: 'OCR complaint',
      startsFrom: 'the last act',
      count: { amount: 180, unit: 'calendar_days' },
      owner: 'family',
      citation: OCR_COMPLAINT,
    },
    {
      id: 'ocr_after_grievance',
      label: 'OCR complaint after a district grievance',
      startsFrom: 'the end of the district’s grievance process',
      count: { amount: 60, unit: 'calendar_days' },
      owner: 'family',
      citation: OCR_COMPLAINT,
    },
  ],
  ladder: [
    {
      id: 'teacher_or_504_coordinator',
      rung: 1,
      label: 'Teacher or school 504 coordinator',
      kind: 'person',
      note: null,
      basis: FIRST_RUNGS_CHOICE,
      letterKind: null,
      addressedTo: null,
      rolePattern: null,
    },
    PRINCIPAL,
    {
      id: 'district_504_coordinator',
      rung: 3,
      label: 'District 504 coordinator (grievance)',
      kind: 'person',
      note: 'A district grievance, if used, changes the OCR window to 60 days after it ends.',
      basis: { text: 'The district’s 504 process.', source: '34 CFR 104.36' },
      letterKind: 'escalation',
      addressedTo: 'director',
      rolePattern: /district.*504|504.*district|504 compliance|director|superintendent/i,
    },
    {
      id: 'ocr_complaint',
      rung: 4,
      label: 'Office for Civil Rights complaint',
      kind: 'formal',
      note: 'Within 180 days of the last act.',
      basis: OCR_COMPLAINT,
      letterKind: 'ocr_complaint_outline',
      addressedTo: null,
      rolePattern: null,
    },
    {
      id: 'impartial_hearing',
      rung: 4,
      label: 'Impartial hearing',
      kind: 'formal',
      note: null,
      basis: SECTION_504_SAFEGUARDS,
      letterKind: null,
      addressedTo: null,
      rolePattern: null,
    },
  ],
  bases: {
    implementAsWritten: SECTION_504_SAFEGUARDS,
    reviewForProgress: SECTION_504_SAFEGUARDS,
    requestMeeting: SECTION_504_SAFEGUARDS,
    annualReview: SECTION_504_REEVALUATION,
    reevaluation: SECTION_504_REEVALUATION,
    serviceStart: {
      productChoice: true,
      text: 'Section 504 sets no start deadline; As Written asks about a service not started after a number of school days you can change.',
    },
    records: SECTION_504_SAFEGUARDS,
  },
  notes: ['IDEA timelines are not applied to a 504 plan.'],
};

// ---------------------------------------------------------------------------------------------
// Canada: each province sets its own rules. No US step, office or citation may appear here.

const ONTARIO_IEP: Citation = {
  text: 'The IEP is completed within 30 school days of placement, developed with the parent (and the student if 16 or older), and a copy goes to the parent.',
  source: 'O. Reg. 181/98 s.6',
};

const ONTARIO_REVIEW: Citation = {
  text: 'The IEP is reviewed and updated at least once each reporting period.',
  source:
    'Ontario, Individual Education Plans: Standards for Development, Program Planning, and Implementation (2000)',
};

const ONTARIO_IPRC: Citation = {
  text: 'The IPRC reviews identification and placement yearly (the parent may waive it), and a parent may ask for a review after 3 months.',
  source: 'O. Reg. 181/98 s.21, s.26',
};

const ONTARIO: JurisdictionProfile = {
  id: 'ca_on',
  name: 'Ontario',
  country: 'CA',
  region: 'ON',
  law: 'provincial',
  planName: 'IEP',
  timelines: [
    {
      id: 'iep_after_placement',
      label: 'IEP completed',
      startsFrom: 'placement',
      count: { amount: 30, unit: 'school_days' },
      owner: 'school',
      citation: ONTARIO_IEP,
    },
    {
      id: 'iep_review',
      label: 'IEP reviewed and updated',
      startsFrom: 'each reporting period',
      count: null,
      owner: 'school',
      citation: ONTARIO_REVIEW,
    },
    {
      id: 'iprc_review',
      label: 'IPRC review',
      startsFrom: 'the last IPRC decision',
      count: { amount: 1, unit: 'years' },
      owner: 'school',
      citation: ONTARIO_IPRC,
    },
    {
      id: 'iprc_review_request',
      label: 'IPRC review at the parent’s request',
      startsFrom: '3 months after the placement',
      count: null,
      owner: 'family',
      citation: ONTARIO_IPRC,
    },
  ],
  ladder: [
    { ...TEACHER_OR_CASE_MANAGER, id: 'teacher', label: 'Teacher' },
    PRINCIPAL,
    {
      id: 'superintendent_or_board',
      rung: 3,
      label: 'Superintendent or school board',
      kind: 'person',
      note: 'IPRC appeals (the Special Education Appeal Board, then the Tribunal) cover identification and placement, not whether the IEP is carried out.',
      basis: {
        text: 'IPRC appeals cover identification and placement, not implementation.',
        source: 'O. Reg. 181/98 s.26',
      },
      letterKind: 'escalation',
      addressedTo: 'superintendent',
      rolePattern: /superintendent|trustee|board/i,
    },
  ],
  bases: {
    implementAsWritten: ONTARIO_IEP,
    reviewForProgress: ONTARIO_REVIEW,
    requestMeeting: ONTARIO_REVIEW,
    annualReview: ONTARIO_IPRC,
    reevaluation: {
      productChoice: true,
      text: 'Ontario sets no reevaluation date; As Written reminds you of the date written in your plan.',
    },
    serviceStart: {
      productChoice: true,
      text: 'Ontario sets no start deadline for a service; As Written asks about a service not started after a number of school days you can change.',
    },
    records: {
      productChoice: true,
      text: 'RULES.md records no Ontario timeline for service records; As Written suggests asking for them in writing.',
    },
  },
  notes: ['IPRC appeals cover identification and placement, not implementation (O. Reg. 181/98 s.26).'],
};

const BC_IEP: Citation = {
  text: 'The IEP is in place as soon as practical and reviewed at least once a school year.',
  source: 'B.C. Ministerial Orders M638/95, M150/89',
};

const BC_APPEAL: Citation = {
  text: 'A parent may appeal to the board of education a decision of a school employee (or a failure to decide); the board decides within 45 days.',
  source: 'B.C. School Act s.11',
};

const BRITISH_COLUMBIA: JurisdictionProfile = {
  id: 'ca_bc',
  name: 'British Columbia',
  country: 'CA',
  region: 'BC',
  law: 'provincial',
  planName: 'IEP',
  timelines: [
    {
      id: 'iep_review',
      label: 'IEP in place and reviewed',
      startsFrom: 'as soon as practical; reviewed at least once a school year',
      count: null,
      owner: 'school',
      citation: BC_IEP,
    },
    {
      id: 'board_appeal_decision',
      label: 'Board decides an appeal',
      startsFrom: 'the appeal',
      count: { amount: 45, unit: 'calendar_days' },
      owner: 'agency',
      citation: BC_APPEAL,
    },
  ],
  ladder: [
    { ...TEACHER_OR_CASE_MANAGER, id: 'teacher', label: 'Teacher' },
    PRINCIPAL,
    {
      id: 'board_appeal',
      rung: 3,
      label: 'Appeal to the board of education',
      kind: 'formal',
      note: 'The board decides within 45 days.',
      basis: BC_APPEAL,
      letterKind: 'escalation',
      addressedTo: 'board',
      rolePattern: /superintendent|trustee|board/i,
    },
  ],
  bases: {
    implementAsWritten: BC_IEP,
    reviewForProgress: BC_IEP,
    requestMeeting: BC_IEP,
    annualReview: BC_IEP,
    reevaluation: {
      productChoice: true,
      text: 'British Columbia sets no reevaluation date; As Written reminds you of the date written in your plan.',
    },
    serviceStart: {
      productChoice: true,
      text: 'The IEP is in place "as soon as practical" (M638/95) with no number; As Written asks after a number of school days you can change.',
    },
    records: {
      productChoice: true,
      text: 'RULES.md records no British Columbia timeline for service records; As Written suggests asking for them in writing.',
    },
  },
  notes: [],
};

const ALBERTA_BASIS: Citation = {
  text: 'An Individualized Program Plan (IPP) is developed with the parent; appeals go to the teacher, the principal, the superintendent, then the board.',
  source: 'Alberta Standards for Special Education; Education Act s.42',
};

const ALBERTA: JurisdictionProfile = {
  id: 'ca_ab',
  name: 'Alberta',
  country: 'CA',
  region: 'AB',
  law: 'provincial',
  planName: 'IPP',
  timelines: [
    {
      id: 'ipp',
      label: 'Individualized Program Plan',
      startsFrom: 'developed with the parent',
      count: null,
      owner: 'school',
      citation: ALBERTA_BASIS,
    },
  ],
  ladder: [
    { ...TEACHER_OR_CASE_MANAGER, id: 'teacher', label: 'Teacher', basis: ALBERTA_BASIS },
    { ...PRINCIPAL, basis: ALBERTA_BASIS },
    {
      id: 'superintendent',
      rung: 3,
      label: 'Superintendent',
      kind: 'person',
      note: null,
      basis: ALBERTA_BASIS,
      letterKind: 'escalation',
      addressedTo: 'superintendent',
      rolePattern: /superintendent/i,
    },
    {
      id: 'board',
      rung: 4,
      label: 'School board',
      kind: 'formal',
      note: null,
      basis: ALBERTA_BASIS,
      letterKind: 'escalation',
      addressedTo: 'board',
      rolePattern: /trustee|board/i,
    },
  ],
  bases: {
    implementAsWritten: ALBERTA_BASIS,
    reviewForProgress: ALBERTA_BASIS,
    requestMeeting: ALBERTA_BASIS,
    annualReview: {
      productChoice: true,
      text: 'RULES.md records no Alberta review date; As Written reminds you of the date written in your plan.',
    },
    reevaluation: {
      productChoice: true,
      text: 'RULES.md records no Alberta reevaluation date; As Written reminds you of the date written in your plan.',
    },
    serviceStart: {
      productChoice: true,
      text: 'RULES.md records no Alberta start deadline; As Written asks after a number of school days you can change.',
    },
    records: {
      productChoice: true,
      text: 'RULES.md records no Alberta timeline for service records; As Written suggests asking for them in writing.',
    },
  },
  notes: [],
};

const CANADA_OTHER_CHOICE: ProductChoice = {
  productChoice: true,
  text: 'Each province sets its own rules and As Written has no profile for this one yet: talk to the teacher, then the principal, then the school board.',
};

const CANADA_OTHER: JurisdictionProfile = {
  id: 'ca_other',
  name: 'Canada (province not profiled)',
  country: 'CA',
  region: null,
  law: 'provincial',
  planName: 'IEP',
  timelines: [],
  ladder: [
    { ...TEACHER_OR_CASE_MANAGER, id: 'teacher', label: 'Teacher', basis: CANADA_OTHER_CHOICE },
    { ...PRINCIPAL, basis: CANADA_OTHER_CHOICE },
    {
      id: 'board',
      rung: 3,
      label: 'School board',
      kind: 'person',
      note: null,
      basis: CANADA_OTHER_CHOICE,
      letterKind: 'escalation',
      addressedTo: 'board',
      rolePattern: /superintendent|trustee|board/i,
    },
  ],
  bases: {
    implementAsWritten: CANADA_OTHER_CHOICE,
    reviewForProgress: CANADA_OTHER_CHOICE,
    requestMeeting: CANADA_OTHER_CHOICE,
    annualReview: CANADA_OTHER_CHOICE,
    reevaluation: CANADA_OTHER_CHOICE,
    serviceStart: CANADA_OTHER_CHOICE,
    records: CANADA_OTHER_CHOICE,
  },
  notes: ['Each province sets its own rules.'],
};

// ---------------------------------------------------------------------------------------------
// Lookup.

export const JURISDICTION_PROFILES: Readonly<Record<ProfileId, JurisdictionProfile>> = {
  us_idea: US_IDEA,
  us_504: US_504,
  us_ca_iep: US_CALIFORNIA,
  us_il_iep: US_ILLINOIS,
  us_az_iep: US_ARIZONA,
  ca_on: ONTARIO,
  ca_bc: BRITISH_COLUMBIA,
  ca_ab: ALBERTA,
  ca_other: CANADA_OTHER,
};

const US_STATE_IEP_PROFILES: Readonly<Record<string, JurisdictionProfile>> = {
  CA: US_CALIFORNIA,
  IL: US_ILLINOIS,
  AZ: US_ARIZONA,
};

const PROVINCE_PROFILES: Readonly<Record<string, JurisdictionProfile>> = {
  ON: ONTARIO,
  BC: BRITISH_COLUMBIA,
  AB: ALBERTA,
};

/**
 * The profile that applies to a plan. The country decides first, so a Canadian plan never reaches a US
 * profile whatever its kind; in the US a 504 plan always gets the 504 profile (state IEP rules are IDEA
 * rules); an IEP gets its state's profile, or the federal baseline for a state with none.
 */
export function profileFor(plan: PlanRef): JurisdictionProfile {
  const region = plan.jurisdiction.region?.toUpperCase() ?? null;
  if (plan.jurisdiction.country === 'CA') return (region && PROVINCE_PROFILES[region]) || CANADA_OTHER;
  if (plan.kind === '504') return US_504;
  return (region && US_STATE_IEP_PROFILES[region]) || US_IDEA;
}

export function timelineOf(profile: JurisdictionProfile, id: TimelineId): Timeline | null {
  return profile.timelines.find((t) => t.id === id) ?? null;
}

/** The first step on a rung (the first listed when alternatives share it); null past the top. */
export function ladderStepAt(profile: JurisdictionProfile, rung: number): LadderStep | null {
  return profile.ladder.find((s) => s.rung === rung) ?? null;
}

/** The highest rung a team contact's role matches (1 when none does). */
export function rungOfRole(profile: JurisdictionProfile, role: string): number {
  let rung = 1;
  for (const step of profile.ladder) {
    if (step.rolePattern?.test(role) && step.rung > rung) rung = step.rung;
  }
  return rung;
}

/** The highest rung a person (not a formal process) holds on the ladder. */
export function topPersonRung(profile: JurisdictionProfile): number {
  return Math.max(...profile.ladder.filter((s) => s.kind === 'person').map((s) => s.rung));
}
