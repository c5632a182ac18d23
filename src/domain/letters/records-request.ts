// 8. A request for the child's records.

import type { CaseRecord } from '../case-record.ts';
import { pin } from '../legal-sources.ts';
import { bulletList } from '../letter-words.ts';
import type { DraftLanguage } from './draft-language.ts';
import { serviceWords, timelineSentence } from './facts.ts';
import type { Letter, ReplyOption, Timeline } from './writer.ts';
import * as writer from './writer.ts';

export type RecordsRequestOptions = ReplyOption & {
  /** A state's or province's shorter timeline (California: 5 business days, Ed. Code 56504). */
  timeline?: Timeline;
};

export function draftRecordsRequest(
  record: CaseRecord,
  options: RecordsRequestOptions = {},
  language?: DraftLanguage,
): Letter {
  writer.assertAvailable(record, 'request_records');
  const w = writer.writerFor(record, false, options, language);
  const { child, planName } = w;
  const principal = writer.roleHolder(record, 'principal');
  const to = [principal ? writer.recipientOf(principal) : writer.recipientForRole(w, 'case_manager')];
  const cc = writer.caseManagerCopy(record, to);

  const items = [
    w.t('letter.records.items.plan', { child, plan: planName }),
    w.t('letter.records.items.evaluations'),
    w.t('letter.records.items.progress', { child }),
    // Each service once: an earlier plan's service with make-ups still owed has the same name as this plan's.
    w.t('letter.records.items.logs', {
      services:
        record.services.length > 0
          ? w.list([...new Set(record.services.map((s) => serviceWords(w, s)))])
          : 'none',
    }),
    w.t('letter.records.items.notes'),
    w.t('letter.records.items.attendance'),
  ];
  // What the law says, and no more: the federal right is to inspect and review within 45 days
  // (34 CFR 300.613(a)); copies are owed only where not having them would prevent that (300.613(b)(2)).
  // A state's own timeline (California's copies in 5 business days) comes from its profile.
  const rules: string[] = [];
  const province = record.plan?.jurisdiction.region?.toUpperCase() ?? null;
  if (w.isUnitedStates) {
    rules.push(
      record.plan?.kind === '504'
        ? w.t('letter.records.rule.plan504', { examine: pin('cfr-104-36'), review: pin('cfr-99-10') })
        : w.t('letter.records.rule.iep', { citation: pin('cfr-300-613-a') }),
    );
  } else if (province === 'ON') {
    rules.push(w.t('letter.records.rule.ontario', { citation: pin('on-ea-266-3') }));
  } else if (province === 'BC') {
    rules.push(w.t('letter.records.rule.bc', { citation: pin('bc-sa-9') }));
  }
  if (options.timeline) {
    rules.push(timelineSentence(w, options.timeline, 'the records are to be available', 'request_records'));
  }
  const us = w.isUnitedStates ? 'yes' : 'no';
  const body = writer.letterBody(w, to, [
    `${w.t('letter.records.ask', { child, us })}\n${bulletList(items)}`,
    ...(rules.length > 0 ? [rules.join(' ')] : []),
    `${w.t('letter.records.copies')} ${writer.replySentence(w, 'whenReady')}`,
    w.t('letter.records.thanks'),
  ]);
  const subject = w.t('letter.records.subject', { child, us });
  return writer.finish(w, 'request_records', subject, to, cc, body);
}
