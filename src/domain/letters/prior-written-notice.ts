// 9. A request for prior written notice.

import type { CaseRecord } from '../case-record.ts';
import type { ParentPosition } from '../communications.ts';
import { pin } from '../legal-sources.ts';
import type { DraftLanguage } from './draft-language.ts';
import { findCommunication, notAgreedParagraphs, shorten } from './facts.ts';
import { LetterRequestError } from './request-error.ts';
import type { Letter, ReplyOption } from './writer.ts';
import * as writer from './writer.ts';

export type PriorWrittenNoticeOptions = ReplyOption & {
  /** The decision or proposal, in the parent's words: "to reduce speech therapy to one session a week". */
  decision: string;
  /** When it was proposed or decided (a call or a meeting). */
  decidedOn?: string;
  /** The logged call or meeting where it came up. */
  communicationId?: string;
  /** Where the parent stands on it; by default what she recorded on the call or meeting, else unknown. */
  parentPosition?: ParentPosition;
};

// The seven elements of 34 CFR 300.503(b), in plain words: the catalog's `letter.pwn.element1` to `7`.
const PRIOR_WRITTEN_NOTICE_ELEMENTS = 7;

/**
 * Prior written notice (34 CFR 300.503) for an IEP. For a 504 plan the IDEA notice does not apply; the
 * letter asks for the decision in writing under the 504 notice safeguard (34 CFR 104.36) instead. When
 * the parent has not agreed (or wants time to think), the letter says so, calls it a proposal, and says
 * the plan stays as it is until it is changed through its own process.
 */
export function draftPriorWrittenNoticeRequest(
  record: CaseRecord,
  options: PriorWrittenNoticeOptions,
  language?: DraftLanguage,
): Letter {
  writer.assertAvailable(record, 'request_prior_written_notice');
  const w = writer.writerFor(record, false, options, language);
  const decision = options.decision.trim();
  if (decision.length === 0)
    throw new LetterRequestError('say which decision the notice is about', {
      rule: 'letter.decisionRequired',
    });
  let decidedOn = options.decidedOn ?? null;
  let to = [writer.recipientForRole(w, 'case_manager')];
  let position: ParentPosition = options.parentPosition ?? 'unknown';
  if (options.communicationId) {
    const talk = findCommunication(record, options.communicationId);
    w.facts.push(talk.id);
    decidedOn ??= talk.date;
    if (options.parentPosition == null) position = talk.parentPosition ?? 'unknown';
    const contacts = writer.contactsOf(record, talk);
    if (contacts.length > 0) to = contacts;
  }
  const objects = position === 'not_agreed' || position === 'thinking';
  const is504 = record.plan?.kind === '504';
  const opening = w.t('letter.pwn.opening', {
    hasDate: decidedOn ? 'yes' : 'no',
    date: decidedOn ? w.date(decidedOn) : '',
    objects: objects ? 'yes' : 'no',
    decision,
  });
  const ask = objects
    ? // The stance, the plan staying in effect, and the request for notice, in the plan's own terms.
      [opening, ...notAgreedParagraphs(w, position as 'not_agreed' | 'thinking')]
    : is504
      ? [`${opening} ${w.t('letter.pwn.ask504', { citation: pin('cfr-104-36') })}`]
      : [`${opening} ${w.t('letter.pwn.askIep', { citation: pin('cfr-300-503') })}`];
  if (!is504) {
    const elements = Array.from(
      { length: PRIOR_WRITTEN_NOTICE_ELEMENTS },
      (_, i) => `${i + 1}. ${w.t(`letter.pwn.element${i + 1}`)}`,
    );
    ask.push(`${w.t('letter.pwn.includes')}\n${elements.join('\n')}`);
  }
  const body = writer.letterBody(w, to, [...ask, `${writer.replySentence(w)} ${w.t('letter.pwn.thanks')}`]);
  const subject = w.t('letter.pwn.subject', { is504: is504 ? 'yes' : 'no', decision: shorten(decision, 60) });
  return writer.finish(
    w,
    'request_prior_written_notice',
    subject,
    to,
    writer.caseManagerCopy(record, to),
    body,
  );
}
