// Every legal source the app cites, as data: one table that the jurisdiction profiles, the advisor,
// the letters, the ledger's reason texts and docs/legal-sources.md all read. Each row says what kind
// of statement it supports:
//
// - `law`: a statute, a regulation or a court decision, with its pinpoint citation;
// - `guidance`: what an agency has said about the law (OSEP letters, OCR's Case Processing Manual, a
//   ministry's standards): persuasive, not binding in the same way;
// - `practice`: what advocates commonly do, or a choice As Written makes, said in those words ("many
//   advocates ...", "As Written counts ... because ...").
//
// Each summary was checked against the text of the source (docs/legal-sources.md says where the
// project read it, and where the text corrected an earlier reading). Plain data with no imports beyond
// a type, so the web app may read it too.
//
// `citationsIn(text)` finds citations written into any text (a letter, a recommendation, a ledger
// reason), and `unknownCitations(text)` those the table does not hold: a unit test runs it over every
// letter and recommendation in every jurisdiction profile, so a citation cannot be added to a text
// without its row here.

import type { ProfileId } from './jurisdictions.ts';

export type LegalKind = 'law' | 'guidance' | 'practice';

export type LegalSource = {
  id: string;
  /** The exact pinpoint, as the app writes it in letters and recommendations. */
  pinpoint: string;
  /** What it says, in one plain sentence or two. */
  summary: string;
  kind: LegalKind;
  /** Where it applies (binds, for law), in words. */
  appliesIn: string;
  /** The jurisdiction profiles whose texts cite it (src/domain/jurisdictions.ts). */
  profiles: readonly ProfileId[];
};

const US_IEP: readonly ProfileId[] = ['us_idea', 'us_ca_iep', 'us_il_iep', 'us_az_iep'];

const ROWS = [
  // --- United States: IDEA Part B (34 CFR Part 300) -----------------------------------------------
  {
    id: 'cfr-300-323',
    pinpoint: '34 CFR 300.323',
    summary:
      'An IEP is in effect at the start of each school year; special education and related services are made available as soon as possible after it is developed, and every teacher and provider has access to it and is told their responsibilities.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'van-duyn',
    pinpoint: 'Van Duyn v. Baker School District 5J, 502 F.3d 811 (9th Cir. 2007)',
    summary:
      'A failure to implement an IEP violates IDEA when it is material: more than a minor discrepancy between the services provided and those the IEP requires. No proof of harm is needed. Binding in the Ninth Circuit only.',
    kind: 'law',
    appliesIn: 'Ninth Circuit (among the profiles: California and Arizona)',
    profiles: ['us_ca_iep', 'us_az_iep'],
  },
  {
    id: 'bobby-r',
    pinpoint: 'Houston Independent School District v. Bobby R., 200 F.3d 341 (5th Cir. 2000)',
    summary:
      'A de minimis failure to implement an IEP is not a denial of FAPE; the question is whether substantial or significant provisions of the IEP were not implemented. Binding in the Fifth Circuit only; other circuits word the test differently.',
    kind: 'law',
    appliesIn: 'Fifth Circuit (none of the profiled states); cited to show that courts differ',
    profiles: ['us_idea', 'us_il_iep'],
  },
  {
    id: 'cfr-300-324-b-1',
    pinpoint: '34 CFR 300.324(b)(1)',
    summary:
      'The IEP team reviews the IEP at least once a year and revises it to address any lack of expected progress.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-324-a-4',
    pinpoint: '34 CFR 300.324(a)(4)',
    summary:
      'After the annual meeting, the parent and the school may agree to change the IEP without a meeting, in a written document that amends it; without that agreement a change is made at an IEP meeting.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-303',
    pinpoint: '34 CFR 300.303',
    summary:
      'A reevaluation happens at most once a year unless the parent and the school agree, and at least every 3 years unless they agree it is unnecessary.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-320-a-3-ii',
    pinpoint: '34 CFR 300.320(a)(3)(ii)',
    summary: 'The IEP says when periodic reports on progress toward the goals will be given.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-613-a',
    pinpoint: '34 CFR 300.613(a)',
    summary:
      'Parents may inspect and review their child’s education records; the school complies without unnecessary delay, before any IEP meeting or hearing, and in no case more than 45 days after the request.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-613-b-2',
    pinpoint: '34 CFR 300.613(b)(2)',
    summary:
      'Parents may ask for copies of the records when not having copies would effectively prevent them from inspecting and reviewing the records.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-503',
    pinpoint: '34 CFR 300.503',
    summary:
      'The school gives prior written notice a reasonable time before it proposes or refuses to change the identification, evaluation, placement or services, with the contents the section lists.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-503-c',
    pinpoint: '34 CFR 300.503(c)',
    summary:
      'Prior written notice is written in language understandable to the general public, and provided in the native language of the parent or other mode of communication the parent uses, unless it is clearly not feasible to do so; when that language is not a written one, the school makes sure the notice is translated orally and understood, with written evidence of it.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-504-d',
    pinpoint: '34 CFR 300.504(d)',
    summary:
      'The procedural safeguards notice meets the same language requirements as prior written notice (34 CFR 300.503(c)): in the native language of the parent unless it is clearly not feasible.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-322-e',
    pinpoint: '34 CFR 300.322(e)',
    summary:
      'The school takes whatever action is necessary to ensure that the parent understands the proceedings of the IEP Team meeting, including arranging for an interpreter for parents with deafness or whose native language is other than English. IDEA does not require the IEP document itself to be translated.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-506',
    pinpoint: '34 CFR 300.506',
    summary:
      'Mediation is voluntary, free to parents and may not delay a due process hearing; a written agreement is binding.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-153',
    pinpoint: '34 CFR 300.153',
    summary:
      'A state complaint is written and signed, states the violation and its facts, the child’s name, address and school, the problem and a proposed resolution; it must allege a violation that occurred not more than one year before the state receives it, and a copy goes to the district at the same time.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-152',
    pinpoint: '34 CFR 300.152',
    summary:
      'The state issues a written decision within 60 days of receiving a complaint, extended only for exceptional circumstances or agreed mediation.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-151-b',
    pinpoint: '34 CFR 300.151(b)',
    summary:
      'When a state finds services were not provided, it addresses them, including compensatory services or monetary reimbursement as appropriate, and future services.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-507-a-2',
    pinpoint: '34 CFR 300.507(a)(2)',
    summary:
      'A due process complaint must be about something that happened not more than 2 years before the parent knew or should have known about it, or within the time the state’s own law allows.',
    kind: 'law',
    appliesIn: 'United States (IDEA); a state may set its own limit',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-511-e',
    pinpoint: '34 CFR 300.511(e)-(f)',
    summary:
      'A hearing is requested within 2 years of when the parent knew or should have known, or within the state’s own limit; the limit does not apply when the school misrepresented that it had resolved the problem or withheld information it had to give.',
    kind: 'law',
    appliesIn: 'United States (IDEA); a state may set its own limit',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-510',
    pinpoint: '34 CFR 300.510',
    summary:
      'A resolution meeting within 15 days of receiving a due process complaint, and a 30-day resolution period.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'cfr-300-515-a',
    pinpoint: '34 CFR 300.515(a)',
    summary: 'A hearing decision within 45 days after the resolution period ends.',
    kind: 'law',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'fr-71-46676',
    pinpoint: '71 FR 46676',
    summary:
      'The 2006 IDEA regulations’ preamble: no federal rule says how soon a meeting a parent asks for must be held; states may set a timeline, and a school that refuses a request explains why in prior written notice.',
    kind: 'guidance',
    appliesIn: 'United States (IDEA)',
    profiles: US_IEP,
  },
  {
    id: 'osep-letter-to-clarke',
    pinpoint: 'OSEP, Letter to Clarke (2007)',
    summary:
      'No federal rule fixes make-ups: whether an interruption of services denies FAPE, and what compensatory services are owed, is decided case by case.',
    kind: 'guidance',
    appliesIn: 'United States (IDEA)',
    profiles: [...US_IEP, 'us_504'],
  },
  {
    id: 'osep-letter-to-balkman',
    pinpoint: 'OSEP, Letter to Balkman (1995)',
    summary:
      'When a service was offered at its scheduled time and the child was absent, the school generally need not make it up.',
    kind: 'guidance',
    appliesIn: 'United States (IDEA)',
    profiles: [...US_IEP, 'us_504'],
  },
  {
    id: 'ed-qa-march-2020',
    pinpoint: 'U.S. Department of Education Q&A, March 2020',
    summary:
      'When a school is closed for all students and no education is given to anyone, no services are owed for that period.',
    kind: 'guidance',
    appliesIn: 'United States',
    profiles: [...US_IEP, 'us_504'],
  },
  {
    id: 'practice-school-cancelled-owed',
    pinpoint: 'As Written’s default reason policy',
    summary:
      'Many advocates treat a session the school cancels (the provider away, an assembly, testing, a field trip, a scheduling conflict) as one to make up. As Written counts those minutes as owed by default because the plan’s minutes were not delivered for a reason the school controls; the policy can be changed per plan, and compensatory services themselves are decided case by case.',
    kind: 'practice',
    appliesIn: 'Every profile (a product choice)',
    profiles: [...US_IEP, 'us_504', 'ca_on', 'ca_bc', 'ca_ab', 'ca_other'],
  },
  // --- Arizona ------------------------------------------------------------------------------------
  {
    id: 'az-r7-2-401-g-7',
    pinpoint: 'Ariz. Admin. Code R7-2-401(G)(7)',
    summary: 'A review of the IEP that the parent asks for in writing is held within 45 school days.',
    kind: 'law',
    appliesIn: 'Arizona',
    profiles: ['us_az_iep'],
  },
  // --- California ---------------------------------------------------------------------------------
  {
    id: 'ca-ed-56343-c',
    pinpoint: 'Cal. Ed. Code 56343(c)',
    summary:
      'The IEP team meets when the parent or a teacher asks for a meeting to develop, review or revise the IEP.',
    kind: 'law',
    appliesIn: 'California',
    profiles: ['us_ca_iep'],
  },
  {
    id: 'ca-ed-56343-5',
    pinpoint: 'Cal. Ed. Code 56343.5',
    summary:
      'A meeting the parent asks for is held within 30 days from the date the school receives the written request, not counting days between the pupil’s regular school sessions or terms, or days of school vacation in excess of five school days. An oral request is answered with a note on how to put it in writing.',
    kind: 'law',
    appliesIn: 'California',
    profiles: ['us_ca_iep'],
  },
  {
    id: 'ca-ed-56504',
    pinpoint: 'Cal. Ed. Code 56504',
    summary:
      'Parents may examine all school records and receive copies within five business days after the request is made, orally or in writing, and before any IEP meeting or hearing.',
    kind: 'law',
    appliesIn: 'California',
    profiles: ['us_ca_iep'],
  },
  // --- Illinois -----------------------------------------------------------------------------------
  {
    id: 'il-226-220-a',
    pinpoint: '23 Ill. Adm. Code 226.220(a)',
    summary:
      'When an IEP is developed or revised, the district gives notice under 34 CFR 300.503 at once (unless a later date is agreed and written in the IEP), and implements the IEP no later than 10 school days after that notice (or by the next school year when fewer than 10 school days remain). Days the child is absent for reasons unrelated to a lack of IEP services, or is unavailable when the service is available, are not school days for this count.',
    kind: 'law',
    appliesIn: 'Illinois',
    profiles: ['us_il_iep'],
  },
  {
    id: 'il-226-220-b',
    pinpoint: '23 Ill. Adm. Code 226.220(b)',
    summary:
      'A service the IEP requires that is not implemented within 10 school days after it was to begin: the district notifies the parent in writing within 3 school days, with its procedures for requesting compensatory services. Days the child is absent for reasons unrelated to a lack of IEP services, or is unavailable when the service is available, are not school days for this count.',
    kind: 'law',
    appliesIn: 'Illinois',
    profiles: ['us_il_iep'],
  },
  {
    id: 'il-14-8-02f-d-5',
    pinpoint: '105 ILCS 5/14-8.02f(d-5)',
    summary:
      'The statute behind 23 Ill. Adm. Code 226.220(b): written notice within 3 school days when a service is not implemented within 10 school days after it was to begin.',
    kind: 'law',
    appliesIn: 'Illinois',
    profiles: ['us_il_iep'],
  },
  {
    id: 'il-14-8-02f-c',
    pinpoint: '105 ILCS 5/14-8.02f(c)',
    summary:
      'No later than 3 school days before a meeting to decide eligibility or to review the IEP (or as soon as possible when the parent agrees in writing to a sooner meeting), the school gives the parent copies of all written material the team will consider.',
    kind: 'law',
    appliesIn: 'Illinois',
    profiles: ['us_il_iep'],
  },
  {
    id: 'il-14-8-02f-d',
    pinpoint: '105 ILCS 5/14-8.02f(d)',
    summary:
      'Logs of related services (speech and language, occupational and physical therapy, school social work, counseling, psychology and nursing), with the minutes of each, are available to the parent at any time on request.',
    kind: 'law',
    appliesIn: 'Illinois',
    profiles: ['us_il_iep'],
  },
  {
    id: 'il-226-310',
    pinpoint: '23 Ill. Adm. Code 226.310',
    summary:
      'The rule that repeats 105 ILCS 5/14-8.02f(d): related-service logs available to the parent at any time on request, and the parent told of this right within 20 school days of the start of the year or of a new IEP.',
    kind: 'law',
    appliesIn: 'Illinois',
    profiles: ['us_il_iep'],
  },
  {
    id: 'il-10-5-c',
    pinpoint: '105 ILCS 10/5(c)',
    summary:
      'A parent’s request to inspect and copy school student records is granted within a reasonable time, and in no case later than 10 business days after the official records custodian receives it; the school may extend this by up to 5 more business days for the reasons the section lists.',
    kind: 'law',
    appliesIn: 'Illinois',
    profiles: ['us_il_iep'],
  },
  {
    id: 'il-226-520',
    pinpoint: '23 Ill. Adm. Code 226.520',
    summary:
      'The “reasonable time” for prior written notice under 34 CFR 300.503 is ten days; a parent may waive the ten-day period before a placement, so the child can start in the program sooner.',
    kind: 'law',
    appliesIn: 'Illinois',
    profiles: ['us_il_iep'],
  },
  // --- United States: Section 504 -----------------------------------------------------------------
  {
    id: 'usc-29-794',
    pinpoint: '29 U.S.C. 794',
    summary:
      'Section 504 of the Rehabilitation Act of 1973: no discrimination on the basis of disability in programs receiving federal funds.',
    kind: 'law',
    appliesIn: 'United States (Section 504)',
    profiles: ['us_504'],
  },
  {
    id: 'cfr-part-104',
    pinpoint: '34 CFR Part 104',
    summary: 'The Department of Education’s regulations under Section 504.',
    kind: 'law',
    appliesIn: 'United States (Section 504)',
    profiles: ['us_504'],
  },
  {
    id: 'cfr-104-33',
    pinpoint: '34 CFR 104.33',
    summary:
      'A school district provides a free appropriate public education to each qualified student with a disability: regular or special education and related aids and services designed to meet the student’s needs; carrying out the 504 plan is part of it.',
    kind: 'law',
    appliesIn: 'United States (Section 504)',
    profiles: ['us_504'],
  },
  {
    id: 'cfr-104-7',
    pinpoint: '34 CFR 104.7(a)-(b)',
    summary:
      'A district with 15 or more employees names a person to coordinate its Section 504 compliance, and adopts grievance procedures for prompt and equitable resolution of complaints.',
    kind: 'law',
    appliesIn: 'United States (Section 504)',
    profiles: ['us_504'],
  },
  {
    id: 'cfr-104-36',
    pinpoint: '34 CFR 104.36',
    summary:
      'Procedural safeguards: notice, a chance for the parent to examine the relevant records, an impartial hearing with the parent taking part and represented by counsel, and a review procedure.',
    kind: 'law',
    appliesIn: 'United States (Section 504)',
    profiles: ['us_504'],
  },
  {
    id: 'cfr-104-35-d',
    pinpoint: '34 CFR 104.35(d)',
    summary: 'A 504 student is reevaluated periodically; no fixed timeline is set.',
    kind: 'law',
    appliesIn: 'United States (Section 504)',
    profiles: ['us_504'],
  },
  {
    id: 'cfr-99-10',
    pinpoint: '34 CFR 99.10',
    summary:
      'Under FERPA, parents may inspect and review their child’s education records; the school complies within a reasonable time, and in no case more than 45 days after it receives the request.',
    kind: 'law',
    appliesIn: 'United States',
    profiles: ['us_504'],
  },
  {
    id: 'cfr-100-7-b',
    pinpoint: '34 CFR 100.7(b)',
    summary:
      'A complaint to the Office for Civil Rights is filed not later than 180 days from the date of the alleged discrimination, unless OCR extends the time.',
    kind: 'law',
    appliesIn: 'United States (applied to Section 504 by 34 CFR 104.61)',
    profiles: ['us_504'],
  },
  {
    id: 'cfr-104-61',
    pinpoint: '34 CFR 104.61',
    summary:
      'The complaint and enforcement procedures of the Title VI regulations, including the 180 days of 34 CFR 100.7(b), apply to Section 504.',
    kind: 'law',
    appliesIn: 'United States (Section 504)',
    profiles: ['us_504'],
  },
  {
    id: 'ocr-cpm-timeliness',
    pinpoint: 'OCR Case Processing Manual (timeliness)',
    summary:
      'OCR treats a complaint as timely when the same matter was taken to the district’s grievance process within the 180 days and the complaint is filed within 60 days after that process ends. Using the grievance process first is not required.',
    kind: 'guidance',
    appliesIn: 'United States (Office for Civil Rights)',
    profiles: ['us_504'],
  },
  // --- United States: Title VI (language access, for an IEP and a 504 plan alike) -----------------
  {
    id: 'usc-42-2000d',
    pinpoint: '42 U.S.C. 2000d',
    summary:
      'Title VI of the Civil Rights Act of 1964: no person, on the ground of race, color or national origin, is excluded from, denied the benefits of, or subjected to discrimination under any program receiving federal funds.',
    kind: 'law',
    appliesIn: 'United States',
    profiles: [...US_IEP, 'us_504'],
  },
  {
    id: 'cfr-100-3-b-2',
    pinpoint: '34 CFR 100.3(b)(2)',
    summary:
      'The Department of Education’s Title VI regulation: a school receiving its funds may not use criteria or methods of administration that have the effect of subjecting people to discrimination because of their national origin, or of defeating or substantially impairing the program’s objectives for people of a particular national origin.',
    kind: 'law',
    appliesIn: 'United States',
    profiles: [...US_IEP, 'us_504'],
  },
  {
    id: 'dcl-2015-el-lep',
    pinpoint:
      'U.S. Departments of Justice and Education, Dear Colleague Letter on English Learner Students and Limited English Proficient Parents (January 7, 2015)',
    summary:
      'Joint guidance on Title VI: schools communicate with parents who have limited English in a language they understand about anything called to other parents’ attention (special education and IEP meetings among them), through competent interpreters and translators, not merely bilingual staff. Withdrawn in August 2025 and kept online for historical purposes only; Title VI and its regulations did not change.',
    kind: 'guidance',
    appliesIn: 'United States',
    profiles: [...US_IEP, 'us_504'],
  },
  // --- Ontario ------------------------------------------------------------------------------------
  {
    id: 'on-reg-181-98-s6-3-b',
    pinpoint: 'O. Reg. 181/98 s.6(3)(b)',
    summary:
      'The IEP includes an outline of the special education program and the special education services the pupil will receive.',
    kind: 'law',
    appliesIn: 'Ontario',
    profiles: ['ca_on'],
  },
  {
    id: 'on-reg-181-98-s6-8',
    pinpoint: 'O. Reg. 181/98 s.6(8)',
    summary:
      'Within 30 school days after the pupil is placed in the program, the principal ensures the IEP is completed and a copy is sent to a parent (and to the pupil if 16 or older).',
    kind: 'law',
    appliesIn: 'Ontario',
    profiles: ['ca_on'],
  },
  {
    id: 'on-ea-170-1-7',
    pinpoint: 'Ontario Education Act s.170(1) para. 7',
    summary:
      'Every board provides (or arranges with another board to provide) special education programs and special education services for its exceptional pupils, in accordance with the regulations.',
    kind: 'law',
    appliesIn: 'Ontario',
    profiles: ['ca_on'],
  },
  {
    id: 'on-ea-266-3',
    pinpoint: 'Ontario Education Act s.266(3)',
    summary:
      'A pupil, and the parent of a pupil under 18, may examine the pupil’s record (the Ontario Student Record).',
    kind: 'law',
    appliesIn: 'Ontario',
    profiles: ['ca_on'],
  },
  {
    id: 'on-reg-181-98-s21-s26',
    pinpoint: 'O. Reg. 181/98 s.21, s.26',
    summary:
      'An IPRC reviews a pupil’s identification and placement (yearly unless the parent waives it, or at the parent’s request after 3 months), and its decisions may be appealed; these cover identification and placement, not whether the IEP is carried out.',
    kind: 'law',
    appliesIn: 'Ontario',
    profiles: ['ca_on'],
  },
  {
    id: 'on-iep-standards-2000',
    pinpoint:
      'Ontario, Individual Education Plans: Standards for Development, Program Planning, and Implementation (2000)',
    summary: 'Ministry standards: the IEP is reviewed and updated at least once in every reporting period.',
    kind: 'guidance',
    appliesIn: 'Ontario',
    profiles: ['ca_on'],
  },
  {
    id: 'on-ombudsman',
    pinpoint: 'Ombudsman Act, R.S.O. 1990, c. O.6',
    summary:
      'Since September 1, 2015 the Ontario Ombudsman can take complaints about a school board’s administrative conduct, including special education supports, usually once the board’s own complaint process has been used; its recommendations are not binding.',
    kind: 'law',
    appliesIn: 'Ontario',
    profiles: ['ca_on'],
  },
  {
    id: 'on-hrc-34-1',
    pinpoint: 'Ontario Human Rights Code s.34(1)',
    summary:
      'An application to the Human Rights Tribunal of Ontario is made within one year after the incident, or after the last incident in a series (later only if the delay was in good faith and harms no one, s.34(2)).',
    kind: 'law',
    appliesIn: 'Ontario',
    profiles: ['ca_on'],
  },
  // --- British Columbia ---------------------------------------------------------------------------
  {
    id: 'bc-mo-638-95-150-89',
    pinpoint: 'B.C. Ministerial Orders M638/95, M150/89',
    summary: 'An IEP is in place as soon as practical and reviewed at least once a school year.',
    kind: 'law',
    appliesIn: 'British Columbia',
    profiles: ['ca_bc'],
  },
  {
    id: 'bc-sa-11',
    pinpoint: 'B.C. School Act s.11',
    summary:
      'A parent may appeal to the board a decision of a board employee (or a failure to decide) that significantly affects the education, health or safety of the student, within a reasonable time of being told of it. The board sets its appeal procedure by bylaw, may first require the parent to discuss the decision with people it names, and decides within 45 days of receiving the appeal.',
    kind: 'law',
    appliesIn: 'British Columbia',
    profiles: ['ca_bc'],
  },
  {
    id: 'bc-sa-11-1',
    pinpoint: 'B.C. School Act s.11.1',
    summary:
      'A board’s decision on a s.11 appeal may go to a superintendent of appeals only for the kinds of decisions B.C. Reg. 24/2008 lists (such as expulsion, suspension, not providing an IEP, or placement without consultation); it is not a route for services that were not delivered.',
    kind: 'law',
    appliesIn: 'British Columbia',
    profiles: ['ca_bc'],
  },
  {
    id: 'bc-reg-24-2008',
    pinpoint: 'B.C. Reg. 24/2008',
    summary:
      'The Student Appeals Regulation: the list of decisions that may be appealed under School Act s.11.1.',
    kind: 'law',
    appliesIn: 'British Columbia',
    profiles: ['ca_bc'],
  },
  {
    id: 'bc-sa-9',
    pinpoint: 'B.C. School Act s.9',
    summary:
      'A student and the student’s parent may, on request, examine the records a board keeps about the student.',
    kind: 'law',
    appliesIn: 'British Columbia',
    profiles: ['ca_bc'],
  },
  {
    id: 'bc-hrc-22-1',
    pinpoint: 'B.C. Human Rights Code s.22(1)',
    summary:
      'A complaint to the B.C. Human Rights Tribunal is filed within one year of the alleged contravention, or of the last one in a continuing series (one year since November 27, 2018; it was six months before).',
    kind: 'law',
    appliesIn: 'British Columbia',
    profiles: ['ca_bc'],
  },
  // --- Alberta ------------------------------------------------------------------------------------
  {
    id: 'ab-standards',
    pinpoint: 'Alberta Standards for Special Education',
    summary:
      'Ministry standards: an Individualized Program Plan (IPP) is developed and reviewed with the parent.',
    kind: 'guidance',
    appliesIn: 'Alberta',
    profiles: ['ca_ab'],
  },
  {
    id: 'ab-ea-42',
    pinpoint: 'Alberta Education Act s.42',
    summary:
      'Where a board has authorized an employee to make decisions, a parent may ask the board to review a decision that significantly affects the student’s education. The Act sets no timeline; each board’s policy sets the steps and any time limits.',
    kind: 'law',
    appliesIn: 'Alberta',
    profiles: ['ca_ab'],
  },
  {
    id: 'ab-ea-43',
    pinpoint: 'Alberta Education Act s.43',
    summary:
      'The Minister may review a board’s decision only on the kinds of matters the section lists (such as an expulsion); it is not a route for services that were not delivered.',
    kind: 'law',
    appliesIn: 'Alberta',
    profiles: ['ca_ab'],
  },
  {
    id: 'ab-board-policy-steps',
    pinpoint: 'School board appeal policies (Alberta)',
    summary:
      'Board policies usually ask a parent to raise a decision with the teacher, then the principal, then the superintendent, before the board reviews it under Education Act s.42. These steps are each board’s policy, not the Act.',
    kind: 'practice',
    appliesIn: 'Alberta',
    profiles: ['ca_ab'],
  },
] as const satisfies readonly LegalSource[];

export type LegalSourceId = (typeof ROWS)[number]['id'];

/** Every source, in the order of docs/legal-sources.md. */
export const LEGAL_SOURCES: readonly LegalSource[] = ROWS;

const BY_ID: ReadonlyMap<string, LegalSource> = new Map(ROWS.map((row) => [row.id, row]));

/** One source by id (a typo is a type error; an unknown id at run time throws). */
export function legalSource(id: LegalSourceId): LegalSource {
  const source = BY_ID.get(id);
  if (!source) throw new RangeError(`no legal source with id ${id}`);
  return source;
}

/** `{ pinpoint, kind, summary }` of a source: the stable call letters and the advisor build on. */
export function citation(id: LegalSourceId): Pick<LegalSource, 'pinpoint' | 'kind' | 'summary'> {
  const { pinpoint, kind, summary } = legalSource(id);
  return { pinpoint, kind, summary };
}

/** The pinpoint alone, for a parenthesis in a sentence: `(${pin('cfr-300-613-a')})`. */
export function pin(id: LegalSourceId): string {
  return legalSource(id).pinpoint;
}

/** Several pinpoints joined the way the app writes them: "34 CFR 300.152; 34 CFR 300.151(b)". */
export function pins(...ids: LegalSourceId[]): string {
  return ids.map(pin).join('; ');
}

// ---------------------------------------------------------------------------------------------
// Finding citations in text.
//
// Each family has a head ("34 CFR", "Ed. Code", "O. Reg. 181/98") and sections; a list after one head
// ("34 CFR 300.507(a)(2); 300.511(e)-(f)", "Ed. Code 56343(c), 56343.5") is read whole, and bare CFR
// sections ("300.613(a)", "104.36") are read as 34 CFR. Each citation found becomes a key such as
// "34 CFR 300.613(a)"; the table's pinpoints are read by the same scanner, so a text's key is known when
// the table has it, or a section it subdivides ("34 CFR 300.153" covers "34 CFR 300.153(c)").

type Family = { head: RegExp; section: string; key: (section: string) => string };

const SUB = String.raw`(?:\([a-z0-9-]+\))*`;
const LIST_SEPARATOR = String.raw`(?:,\s(?:and\s)?|;\s|\sand\s|\sor\s)`;

const FAMILIES: Family[] = [
  {
    head: /\b34\s?C\.?F\.?R\.?\s(?:§+\s?)?/g,
    section: String.raw`(?:Part\s\d+|\d{2,3}\.\d+${SUB})`,
    key: (s) => `34 CFR ${s}`,
  },
  {
    head: /\b(?:Cal(?:ifornia|\.)\s)?Ed(?:ucation|\.)\sCode\s(?:§+\s?)?(?:sec(?:tion|\.)\s)?/g,
    section: String.raw`\d{5}(?:\.\d+)?${SUB}`,
    key: (s) => `Ed. Code ${s}`,
  },
  {
    head: /\b(?:23\sIll\.\sAdm\.\sCode|23\sIAC)\s(?:§+\s?)?/g,
    section: String.raw`\d{3}\.\d+${SUB}`,
    key: (s) => `23 Ill. Adm. Code ${s}`,
  },
  {
    head: /\b105\sILCS\s/g,
    section: String.raw`\d+\/[\d.-]+[a-z]?${SUB}`,
    key: (s) => `105 ILCS ${s}`,
  },
  {
    head: /\bO\.\sReg\.\s181\/98(?:,?\s)?/g,
    section: String.raw`(?:s\.\s?\d+${SUB})?`,
    key: (s) => `O. Reg. 181/98${s ? ` ${s.replace(/\s/g, '')}` : ''}`,
  },
  {
    head: /\b(?:(?:Ontario|Alberta|B\.C\.)\s)?(?:Education|School)\sAct,?\s/g,
    section: String.raw`s\.\s?\d+(?:\.\d+)?${SUB}`,
    key: (s) => `Act ${s.replace(/\s/g, '')}`,
  },
  {
    head: /\b(?:(?:Ontario|B\.C\.)\s)?Human\sRights\sCode,?\s/g,
    section: String.raw`s\.\s?\d+${SUB}`,
    key: (s) => `Human Rights Code ${s.replace(/\s/g, '')}`,
  },
];

/** Citations found with a pattern of their own (one key each). */
const NAMED: { pattern: RegExp; key: (match: RegExpExecArray) => string }[] = [
  // Bare CFR sections of the parts the app cites (after a head they are read with it).
  {
    pattern: new RegExp(String.raw`(?<![\d./])\b(300|104|100|99)\.\d+${SUB}`, 'g'),
    key: (m) => `34 CFR ${m[0]}`,
  },
  { pattern: /\b14-8\.02f(?:\([a-z0-9-]+\))*/g, key: (m) => `105 ILCS 5/${m[0]}` },
  { pattern: /\b\d+\sFR\s\d+\b/g, key: (m) => m[0] },
  // A section may end in a letter: "42 U.S.C. 2000d".
  { pattern: /\b\d+\sU\.S\.C\.\s(?:§+\s?)?\d+[a-z]?\b/g, key: (m) => m[0].replace(/§+\s?/, '') },
  { pattern: /\bR7-2-\d+(?:\([A-Za-z0-9]+\))*/g, key: (m) => `A.A.C. ${m[0]}` },
  { pattern: /\bM\d{3}\/\d{2}\b/g, key: (m) => `Ministerial Order ${m[0]}` },
  { pattern: /\bB\.C\.\sReg\.\s\d+\/\d{4}\b/g, key: (m) => m[0] },
  { pattern: /\bVan Duyn\b/g, key: () => 'Van Duyn' },
  { pattern: /\bBobby R\./g, key: () => 'Bobby R.' },
  { pattern: /\bLetter to [A-Z][a-z]+/g, key: (m) => m[0] },
  { pattern: /\bCase Processing Manual\b/g, key: () => 'OCR Case Processing Manual' },
  { pattern: /\bOmbudsman Act\b/g, key: () => 'Ombudsman Act' },
];

/** The citations written in `text`, as keys ("34 CFR 300.613(a)", "Ed. Code 56504", "Van Duyn"). */
export function citationsIn(text: string): string[] {
  const keys = new Set<string>();
  const consumed: [number, number][] = [];
  for (const family of FAMILIES) {
    const section = new RegExp(`^${family.section}`);
    const more = new RegExp(`^${LIST_SEPARATOR}(${family.section})`);
    for (const head of text.matchAll(family.head)) {
      let at = head.index + head[0].length;
      const first = section.exec(text.slice(at));
      if (!first) continue;
      keys.add(family.key(first[0]));
      at += first[0].length;
      // A list after one head: "300.507(a)(2); 300.511(e)-(f)", "s.21, s.26". Skip a range's tail "-(f)".
      for (;;) {
        const range = /^-\([a-z0-9]+\)/.exec(text.slice(at));
        if (range) at += range[0].length;
        const next = more.exec(text.slice(at));
        if (!next?.[1]) break;
        keys.add(family.key(next[1]));
        at += next[0].length;
      }
      consumed.push([head.index, at]);
    }
  }
  for (const { pattern, key } of NAMED) {
    for (const match of text.matchAll(pattern)) {
      const inside = consumed.some(([from, to]) => match.index >= from && match.index < to);
      if (!inside) keys.add(key(match));
    }
  }
  return [...keys];
}

const KNOWN_KEYS: ReadonlySet<string> = new Set(ROWS.flatMap((row) => citationsIn(row.pinpoint)));

/** Whether the table holds a citation key, or a section it subdivides ("300.153" covers "300.153(c)"). */
export function isKnownCitation(key: string): boolean {
  for (let k = key; ; ) {
    if (KNOWN_KEYS.has(k)) return true;
    const parent = k.replace(/\([a-z0-9-]+\)$/, '');
    if (parent === k) return false;
    k = parent;
  }
}

/** Citations in `text` that the table does not hold: each must get a row before a text may use it. */
export function unknownCitations(text: string): string[] {
  return citationsIn(text).filter((key) => !isKnownCitation(key));
}
