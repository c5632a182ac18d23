// 11. A state complaint draft (IDEA, IEP only).

import type { CaseRecord } from '../case-record.ts';
import { oneYearBefore } from '../dates.ts';
import { bulletList } from '../letter-words.ts';
import type { DraftLanguage } from './draft-language.ts';
import { byDate, contactLine, contactsSince, serviceWords } from './facts.ts';
import { formalFacts } from './formal-facts.ts';
import { assertAvailable, finish, type Letter, recipientOf, roleHolder, writerFor } from './writer.ts';

/**
 * A draft with every element 34 CFR 300.153(b) requires: a statement that the district violated a
 * requirement of Part B, the facts, the complainant's signature and contact, the child's name, address
 * and school, a description of the problem, a proposed resolution. Facts older than one year are left out
 * (300.153(c)); a copy goes to the district at the same time (300.153(d)). Gaps become placeholders.
 */
export function draftStateComplaint(record: CaseRecord, language?: DraftLanguage): Letter {
  assertAvailable(record, 'state_complaint');
  const plan = record.plan!;
  const w = writerFor(record, true, undefined, language);
  const { child, childFullName } = w;
  const lookBack = oneYearBefore(record.asOf);
  const district = w.gap('schoolDistrict');
  const director = roleHolder(record, 'director');
  const districtCopy = director ? recipientOf(director) : { name: w.gap('districtOffice'), email: null };
  const to = [{ name: w.gap('stateAgency'), email: null }];
  const school = record.child.school ?? w.gap('schoolName');

  const { paragraphs, closures, services, notDelivered, excluded } = formalFacts(w, record, lookBack);
  const owedTotal = [...notDelivered.values()].reduce((sum, m) => sum + m, 0);
  const contacts = contactsSince(record, lookBack).map((c) => contactLine(w, c));
  const harm = byDate(record.parentNotes.filter((n) => n.kind === 'harm' && n.date >= lookBack));
  for (const note of harm) w.facts.push(note.id);

  const resolution = [
    ...services
      .filter((s) => (notDelivered.get(s.id) ?? 0) > 0)
      .map((s) =>
        w.t('letter.sc.compensatory', {
          minutes: w.minutes(notDelivered.get(s.id)!),
          service: serviceWords(w, s),
          citation: '34 CFR 300.151(b)',
        }),
      ),
    w.t('letter.sc.fromNow', { child }),
    w.t('letter.sc.informed', { child, citation: '34 CFR 300.323(d)' }),
    w.gap('stateOrder'),
  ];

  const body = [
    w.t('letter.sc.title', { citation: '34 CFR 300.153' }),
    w.t('letter.sc.header', { to: to[0]!.name, date: w.date(record.asOf) }),
    w.t('letter.sc.child', {
      name: childFullName,
      address: w.gap('childAddress'),
      school,
      district,
      hasGrade: record.child.grade ? 'yes' : 'no',
      grade: record.child.grade ?? '',
    }),
    w.t('letter.sc.filer', {
      name: w.parentName,
      address: w.gap('yourAddress'),
      phone: w.gap('yourPhone'),
      email: record.parent.email ?? w.gap('yourEmail'),
      relationship: w.gap('parentOrGuardian'),
    }),
    w.t('letter.sc.violation', {
      district,
      child,
      from: w.date(plan.effectiveFrom),
      to: w.date(plan.effectiveTo),
      citation: '34 CFR 300.323',
    }),
    `${w.t('letter.sc.facts')}\n${paragraphs.length > 0 ? bulletList(paragraphs) : w.gap('whatHappened')}` +
      (contacts.length > 0 ? `\n\n${w.t('letter.formal.contacts')}\n${bulletList(contacts)}` : '') +
      (closures ? `\n\n${closures}` : ''),
    w.t('letter.sc.problem', { child }) +
      (owedTotal > 0
        ? w.t('letter.sc.total', { minutes: w.minutes(owedTotal), closures: closures ? 'yes' : 'no' })
        : '') +
      (harm.length > 0
        ? `\n${w.t('letter.sc.harm', { child })}\n${bulletList(harm.map((n) => `${w.date(n.date)}: ${n.text.trim()}`))}`
        : ''),
    `${w.t('letter.sc.resolution')}\n${bulletList(resolution)}`,
    w.t('letter.sc.timeLimit', { date: w.date(lookBack), citation: '34 CFR 300.153(c)' }),
    w.t('letter.sc.copy', { name: districtCopy.name, citation: '34 CFR 300.153(d)' }),
    w.t('letter.sc.signature', { name: w.parentName, date: w.gap('dateYouSign') }),
  ].join('\n\n');

  w.notes.push(
    w.t('letter.sc.noteWritten', { citation: '34 CFR 300.153(a)-(b)' }),
    w.t('letter.sc.noteCopy', { name: districtCopy.name, citation: '34 CFR 300.153(d)' }),
    w.t('letter.sc.noteDecides', { citation: '34 CFR 300.152' }),
  );
  if (excluded > 0) {
    w.notes.push(
      w.t('letter.sc.noteExcluded', {
        count: excluded,
        n: String(excluded),
        date: w.date(lookBack),
        citation: '34 CFR 300.153(c)',
      }),
    );
  }
  if (services.some((s) => s.ledger.from < lookBack)) {
    w.notes.push(w.t('letter.sc.noteTotals', { date: w.date(lookBack) }));
  }
  const subject = w.t('letter.sc.subject', { name: childFullName, school });
  return finish(w, 'state_complaint', subject, to, [districtCopy], body);
}
