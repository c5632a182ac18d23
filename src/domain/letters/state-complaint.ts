// 11. A state complaint draft (IDEA, IEP only).

import type { CaseRecord } from '../case-record.ts';
import { oneYearBefore } from '../dates.ts';
import { bulletList, countOf, formatMinutes, lowerFirst, placeholder, possessive } from '../letter-words.ts';
import { byDate, contactLine, contactsSince } from './facts.ts';
import { formalFacts } from './formal-facts.ts';
import { assertAvailable, finish, type Letter, recipientOf, roleHolder, writerFor } from './writer.ts';

/**
 * A draft with every element 34 CFR 300.153(b) requires: a statement that the district violated a
 * requirement of Part B, the facts, the complainant's signature and contact, the child's name, address
 * and school, a description of the problem, a proposed resolution. Facts older than one year are left out
 * (300.153(c)); a copy goes to the district at the same time (300.153(d)). Gaps become placeholders.
 */
export function draftStateComplaint(record: CaseRecord): Letter {
  assertAvailable(record, 'state_complaint');
  const plan = record.plan!;
  const w = writerFor(record, true);
  const { child, childFullName } = w;
  const lookBack = oneYearBefore(record.asOf);
  const district = placeholder('school district');
  const director = roleHolder(record, 'director');
  const districtCopy = director
    ? recipientOf(director)
    : { name: placeholder('district special education office'), email: null };
  const to = [{ name: placeholder('state education agency, special education complaints'), email: null }];

  const { paragraphs, closures, services, notDelivered, excluded } = formalFacts(w, record, lookBack);
  const owedTotal = [...notDelivered.values()].reduce((sum, m) => sum + m, 0);
  const contacts = contactsSince(record, lookBack).map((c) => contactLine(w, c));
  const harm = byDate(record.parentNotes.filter((n) => n.kind === 'harm' && n.date >= lookBack));
  for (const note of harm) w.facts.push(note.id);

  const resolution = [
    ...services
      .filter((s) => (notDelivered.get(s.id) ?? 0) > 0)
      .map(
        (s) =>
          `Compensatory services for the ${formatMinutes(notDelivered.get(s.id)!)} of ${lowerFirst(s.name)} not delivered, ` +
          'on a schedule agreed in writing (34 CFR 300.151(b)).',
      ),
    `${possessive(child)} services and accommodations delivered as the IEP states from now on, with session logs shared with me each month.`,
    `Every teacher and provider who works with ${child}, including substitutes, informed of the IEP's accommodations and their responsibilities (34 CFR 300.323(d)).`,
    placeholder('anything else you would like the state to order'),
  ];

  const body = [
    'State complaint under 34 CFR 300.153',
    `To: ${to[0]!.name}\nDate: ${w.date(record.asOf)}`,
    `1. The child\nName: ${childFullName}\nAddress of residence: ${placeholder("child's address")}\n` +
      `School: ${record.child.school ?? placeholder('school name')}\nDistrict: ${district}` +
      (record.child.grade ? `\nGrade: ${record.child.grade}` : ''),
    `2. The person filing this complaint\nName: ${w.parentName}\nAddress: ${placeholder('your address')}\n` +
      `Phone: ${placeholder('your phone number')}\nEmail: ${record.parent.email ?? placeholder('your email')}\n` +
      `Relationship to the child: ${placeholder('parent or guardian')}`,
    `3. Statement of the violation\nI believe ${district} violated a requirement of Part B of the Individuals with ` +
      `Disabilities Education Act: it did not implement ${possessive(child)} IEP, in effect from ${w.date(plan.effectiveFrom)} ` +
      `to ${w.date(plan.effectiveTo)}, as written. The district must make special education and related services ` +
      'available to the child in accordance with the IEP (34 CFR 300.323).',
    `4. The facts\n${paragraphs.length > 0 ? bulletList(paragraphs) : placeholder('what happened, with dates')}` +
      (contacts.length > 0 ? `\n\nMy contacts with the school about this:\n${bulletList(contacts)}` : '') +
      (closures ? `\n\n${closures}` : ''),
    `5. Description of the problem\n${child} has not received the services and accommodations the IEP requires, as set out above.` +
      (owedTotal > 0
        ? ` In total, ${formatMinutes(owedTotal)} of services have not been delivered or made up` +
          `${closures ? ', not counting the school closures listed apart' : ''}.`
        : '') +
      (harm.length > 0
        ? `\nHow this has affected ${child}:\n${bulletList(harm.map((n) => `${w.date(n.date)}: ${n.text.trim()}`))}`
        : ''),
    `6. Proposed resolution\n${bulletList(resolution)}`,
    `7. Time limit\nThe events described here took place on or after ${w.date(lookBack)}, within one year before this ` +
      'complaint is received, as 34 CFR 300.153(c) requires.',
    `8. Copy to the district\nA copy of this complaint is being sent to ${districtCopy.name} at the same time it is filed ` +
      'with the state (34 CFR 300.153(d)).',
    `Signature: ______________________\n${w.parentName}\nDate: ${placeholder('date you sign')}`,
  ].join('\n\n');

  w.notes.push(
    'A state complaint must be written and signed (34 CFR 300.153(a)-(b)); many states also offer their own form, ' +
      'which asks for the same elements.',
    `Send a copy to the district (${districtCopy.name}) on the day you file (34 CFR 300.153(d)).`,
    'The state decides within 60 days of receiving the complaint, unless the time is extended (34 CFR 300.152).',
  );
  if (excluded > 0) {
    w.notes.push(
      `${countOf(excluded, 'entry', 'entries')} older than ${w.date(lookBack)} ${excluded === 1 ? 'was' : 'were'} left out: ` +
        'a state complaint covers the year before it is received (34 CFR 300.153(c)).',
    );
  }
  if (services.some((s) => s.ledger.from < lookBack)) {
    w.notes.push(
      `Some service totals start before ${w.date(lookBack)}; recompute them from that date before filing, ` +
        'so every figure falls within the one-year limit.',
    );
  }
  const subject = `State complaint: ${childFullName}, ${record.child.school ?? placeholder('school name')}`;
  return finish(w, 'state_complaint', subject, to, [districtCopy], body);
}
