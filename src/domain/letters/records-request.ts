// 8. A request for the child's records.

import type { CaseRecord } from '../case-record.ts';
import { pin } from '../legal-sources.ts';
import { bulletList, listWords, lowerFirst, possessive } from '../letter-words.ts';
import { timelineSentence } from './facts.ts';
import type { Letter, ReplyOption, Timeline } from './writer.ts';
import * as writer from './writer.ts';

export type RecordsRequestOptions = ReplyOption & {
  /** A state's or province's shorter timeline (California: 5 business days, Ed. Code 56504). */
  timeline?: Timeline;
};

export function draftRecordsRequest(record: CaseRecord, options: RecordsRequestOptions = {}): Letter {
  writer.assertAvailable(record, 'request_records');
  const w = writer.writerFor(record, false, options);
  const { child, planName } = w;
  const principal = writer.roleHolder(record, 'principal');
  const to = [principal ? writer.recipientOf(principal) : writer.recipientForRole(record, 'case_manager')];
  const cc = writer.caseManagerCopy(record, to);

  const items = [
    `${possessive(child)} current ${planName} and any amendments`,
    'evaluations and assessment reports',
    `progress reports on ${possessive(child)} goals`,
    // Each service once: an earlier plan's service with make-ups still owed has the same name as this plan's.
    `service logs and session notes${record.services.length > 0 ? ` (${listWords([...new Set(record.services.map((s) => lowerFirst(s.name)))])})` : ''}`,
    'notes and data kept on accommodations and behavior',
    'attendance and discipline records',
  ];
  // What the law says, and no more: the federal right is to inspect and review within 45 days
  // (34 CFR 300.613(a)); copies are owed only where not having them would prevent that (300.613(b)(2)).
  // A state's own timeline (California's copies in 5 business days) comes from its profile.
  const rules: string[] = [];
  const province = record.plan?.jurisdiction.region?.toUpperCase() ?? null;
  if (w.isUnitedStates) {
    rules.push(
      record.plan?.kind === '504'
        ? `Parents may examine their child's records (${pin('cfr-104-36')}); schools respond to a request to inspect and review education records within 45 days of receiving it (${pin('cfr-99-10')}).`
        : "Parents may inspect and review their child's education records without unnecessary delay, before any IEP meeting " +
            `or hearing, and within 45 days of the request at most (${pin('cfr-300-613-a')}).`,
    );
  } else if (province === 'ON') {
    rules.push(
      `Parents of a pupil under 18 may examine the pupil's Ontario Student Record (${pin('on-ea-266-3')}).`,
    );
  } else if (province === 'BC') {
    rules.push(
      `Parents may examine, on request, the records the board keeps about their child (${pin('bc-sa-9')}).`,
    );
  }
  if (options.timeline) rules.push(timelineSentence(options.timeline, 'the records are to be available'));
  const body = writer.letterBody(w, to, [
    `I'd like to request a copy of ${possessive(child)} ${w.isUnitedStates ? 'education records' : 'student record'}. Could you please include:\n${bulletList(items)}`,
    ...(rules.length > 0 ? [rules.join(' ')] : []),
    `Copies by email are perfect, or let me know when I can pick them up. ${writer.replySentence(w, ', to let me know when they will be ready')}`,
    'Thank you for your help.',
  ]);
  const subject = `Request for ${possessive(child)} ${w.isUnitedStates ? 'education records' : 'student record'}`;
  return writer.finish(w, 'request_records', subject, to, cc, body);
}
