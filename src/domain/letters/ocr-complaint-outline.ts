// 12. An outline for an OCR complaint (Section 504 plans only).

import type { CaseRecord } from '../case-record.ts';
import { caseCalendar, deadlineOf } from '../deadlines.ts';
import { profileFor } from '../jurisdictions.ts';
import { pins } from '../legal-sources.ts';
import { bulletList, formatMinutes, lowerFirst, placeholder, possessive } from '../letter-words.ts';
import { contactLine, contactsSince } from './facts.ts';
import { formalFacts } from './formal-facts.ts';
import { assertAvailable, finish, type Letter, writerFor } from './writer.ts';

export function draftOcrComplaintOutline(record: CaseRecord): Letter {
  assertAvailable(record, 'ocr_complaint_outline');
  const plan = record.plan!;
  const w = writerFor(record, true);
  const { child, childFullName } = w;
  const district = placeholder('school district');
  // OCR's window is 180 days, but the facts of a pattern can reach further back: show the plan's year.
  const since = plan.effectiveFrom;
  const { paragraphs, closures, services, notDelivered, lastDate } = formalFacts(w, record, since);
  const contacts = contactsSince(record, since).map((c) => contactLine(w, c));
  // The one deadline function, with the count the 504 profile sets (34 CFR 100.7(b), applied by 104.61):
  // the same date the advisor shows, a weekend moved to the Friday before.
  const profile = profileFor(plan);
  const due = lastDate ? deadlineOf(profile, 'ocr_complaint', lastDate, caseCalendar(record)) : null;
  const deadline = due?.date ?? null;
  const days = due?.timeline.count.amount ?? 180;
  const to = [{ name: 'U.S. Department of Education, Office for Civil Rights', email: null }];

  const grievance =
    `Using the district's 504 grievance process first is not required. If you file a grievance within those ${days} days, ` +
    `OCR's Case Processing Manual (guidance, not a regulation) also treats a complaint as timely within 60 days after the grievance ends.`;
  const when = lastDate
    ? `The most recent event noted is ${w.date(lastDate)}. A complaint is filed within ${days} days of the act complained of ` +
      `(${pins('cfr-100-7-b', 'cfr-104-61')}): by ${w.date(deadline!)}. ${grievance}`
    : `A complaint is filed within ${days} days of the act complained of (${pins('cfr-100-7-b', 'cfr-104-61')}): ${placeholder('date of the most recent event')}. ${grievance}`;

  const remedies = [
    `${possessive(child)} 504 plan carried out as written from now on.`,
    ...services
      .filter((s) => (notDelivered.get(s.id) ?? 0) > 0)
      .map(
        (s) =>
          `Make-up of the ${formatMinutes(notDelivered.get(s.id)!)} of ${lowerFirst(s.name)} not delivered.`,
      ),
    `Every staff member who works with ${child}, including substitutes, informed of the plan.`,
    placeholder('anything else you are asking for'),
  ];

  const body = [
    'Outline for a complaint to the Office for Civil Rights (OCR), U.S. Department of Education',
    `1. About you\nName: ${w.parentName}\nAddress: ${placeholder('your address')}\nPhone: ${placeholder('your phone number')}\n` +
      `Email: ${record.parent.email ?? placeholder('your email')}`,
    `2. The student\nName: ${childFullName}\nSchool: ${record.child.school ?? placeholder('school name')}\nDistrict: ${district}` +
      (record.child.grade ? `\nGrade: ${record.child.grade}` : ''),
    `3. Who, and on what basis\n${district} and ${record.child.school ?? placeholder('school name')}, on the basis of disability: ` +
      `${child} has a Section 504 plan in effect from ${w.date(plan.effectiveFrom)} to ${w.date(plan.effectiveTo)}. ` +
      `${placeholder('the disability, as the 504 plan names it')}`,
    `4. What happened\nI believe the district violated Section 504 of the Rehabilitation Act of 1973 (29 U.S.C. 794) and its ` +
      `regulations (34 CFR Part 104) by not implementing ${possessive(child)} 504 plan as written; implementing the plan is ` +
      `part of providing a free appropriate public education (34 CFR 104.33).\n` +
      (paragraphs.length > 0 ? bulletList(paragraphs) : placeholder('what happened, with dates')) +
      (closures ? `\n\n${closures}` : ''),
    `5. When\n${when}`,
    `6. What you have done so far\n${contacts.length > 0 ? bulletList(contacts) : placeholder('your contacts with the school, with dates')}\n` +
      `District 504 grievance: ${placeholder('date filed and outcome, if you used it')}`,
    `7. What you are asking for\n${bulletList(remedies)}`,
    `8. Filing\nFile with OCR's online complaint form, by email, or by mail to the OCR office for your region ` +
      `(${placeholder('OCR regional office')}). Keep a copy, with the date you filed.`,
    w.parentName,
  ].join('\n\n');

  w.notes.push(
    "This is an outline to fill in OCR's complaint form, not a letter to the school. A 504 plan is not covered by the " +
      'IDEA state complaint process.',
  );
  if (deadline && deadline < record.asOf) {
    w.notes.push(
      `The ${days} days from ${w.date(lastDate!)} ended on ${w.date(deadline)}. Newer events start a new window; ` +
        'check the dates before filing.',
    );
  }
  return finish(w, 'ocr_complaint_outline', `OCR complaint outline: ${childFullName}`, to, [], body);
}
