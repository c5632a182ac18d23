// 12. An outline for an OCR complaint (Section 504 plans only).

import type { CaseRecord } from '../case-record.ts';
import { caseCalendar, deadlineOf } from '../deadlines.ts';
import { profileFor } from '../jurisdictions.ts';
import { pins } from '../legal-sources.ts';
import { bulletList } from '../letter-words.ts';
import type { DraftLanguage } from './draft-language.ts';
import { contactLine, contactsSince, serviceWords } from './facts.ts';
import { formalFacts } from './formal-facts.ts';
import { assertAvailable, finish, type Letter, writerFor } from './writer.ts';

export function draftOcrComplaintOutline(record: CaseRecord, language?: DraftLanguage): Letter {
  assertAvailable(record, 'ocr_complaint_outline');
  const plan = record.plan!;
  const w = writerFor(record, true, undefined, language);
  const { child, childFullName } = w;
  const district = w.gap('schoolDistrict');
  const school = () => record.child.school ?? w.gap('schoolName');
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
  const to = [{ name: w.t('letter.ocr.to'), email: null }];

  const grievance = w.t('letter.ocr.grievance', { days: String(days) });
  const when = w.t('letter.ocr.when', {
    known: lastDate ? 'yes' : 'no',
    date: lastDate ? w.date(lastDate) : '',
    days: String(days),
    citation: pins('cfr-100-7-b', 'cfr-104-61'),
    deadline: lastDate ? w.date(deadline!) : w.gap('lastEventDate'),
    grievance,
  });

  const remedies = [
    w.t('letter.ocr.asWritten', { child }),
    ...services
      .filter((s) => (notDelivered.get(s.id) ?? 0) > 0)
      .map((s) =>
        w.t('letter.ocr.makeUp', {
          minutes: w.minutes(notDelivered.get(s.id)!),
          service: serviceWords(w, s),
        }),
      ),
    w.t('letter.ocr.informed', { child }),
    w.gap('ocrAsk'),
  ];

  const body = [
    w.t('letter.ocr.title'),
    w.t('letter.ocr.you', {
      name: w.parentName,
      address: w.gap('yourAddress'),
      phone: w.gap('yourPhone'),
      email: record.parent.email ?? w.gap('yourEmail'),
    }),
    w.t('letter.ocr.student', {
      name: childFullName,
      school: school(),
      district,
      hasGrade: record.child.grade ? 'yes' : 'no',
      grade: record.child.grade ?? '',
    }),
    w.t('letter.ocr.basis', {
      district,
      school: school(),
      child,
      from: w.date(plan.effectiveFrom),
      to: w.date(plan.effectiveTo),
      disability: w.gap('disability'),
    }),
    `${w.t('letter.ocr.happened', {
      statute: '29 U.S.C. 794',
      regulations: '34 CFR Part 104',
      child,
      fape: '34 CFR 104.33',
    })}\n` +
      (paragraphs.length > 0 ? bulletList(paragraphs) : w.gap('whatHappened')) +
      (closures ? `\n\n${closures}` : ''),
    `${w.t('letter.ocr.whenHeading')}\n${when}`,
    w.t('letter.ocr.done', {
      contacts: contacts.length > 0 ? bulletList(contacts) : w.gap('yourContacts'),
      grievance: w.gap('grievance'),
    }),
    `${w.t('letter.ocr.asking')}\n${bulletList(remedies)}`,
    w.t('letter.ocr.filing', { office: w.gap('ocrOffice') }),
    w.parentName,
  ].join('\n\n');

  w.notes.push(w.t('letter.ocr.noteOutline'));
  if (deadline && deadline < record.asOf) {
    w.notes.push(
      w.t('letter.ocr.noteEnded', {
        days: String(days),
        from: w.date(lastDate!),
        deadline: w.date(deadline),
      }),
    );
  }
  return finish(w, 'ocr_complaint_outline', w.t('letter.ocr.subject', { name: childFullName }), to, [], body);
}
