// 3. A follow-up on an unanswered message.

import type { CaseRecord } from '../case-record.ts';
import { awaitsReply, replyState } from '../communications.ts';
import { formatLongDate } from '../dates.ts';
import { quotePlan } from '../letter-words.ts';
import type { DraftLanguage } from './draft-language.ts';
import { byDate, findCommunication, shorten } from './facts.ts';
import { LetterRequestError } from './request-error.ts';
import type { Letter, ReplyOption } from './writer.ts';
import * as writer from './writer.ts';

export type FollowUpUnansweredOptions = ReplyOption & {
  communicationId: string;
  /** A second follow-up: copy the case manager's supervisor (the advisor suggests it). */
  copy?: 'principal' | 'director';
};

export function draftFollowUpUnanswered(
  record: CaseRecord,
  options: FollowUpUnansweredOptions,
  language?: DraftLanguage,
): Letter {
  writer.assertAvailable(record, 'follow_up_unanswered');
  const message = findCommunication(record, options.communicationId);
  if (message.direction !== 'sent') {
    throw new LetterRequestError('a follow-up on an unanswered message needs a message the family sent', {
      rule: 'letter.followUpNeedsSent',
    });
  }
  // Only for a message with no reply: never "no reply" to a message that was answered (or closed, or
  // waiting on an answer promised by a date that has not passed).
  const state = replyState(message, record.communications, record.asOf);
  if (!awaitsReply(message, record.communications, record.asOf)) {
    const answeredOn =
      state.state === 'answered'
        ? record.communications.find((c) => c.id === state.replyIds[0])?.date
        : undefined;
    const reason =
      state.state === 'answered'
        ? `it was answered${answeredOn ? ` on ${formatLongDate(answeredOn)}` : ''}`
        : state.state === 'holding'
          ? `an answer was promised by ${formatLongDate(state.promisedBy)}, which has not passed`
          : state.state === 'closed'
            ? 'you marked it as no longer waiting for a reply'
            : 'it expects no reply';
    const date = answeredOn ?? (state.state === 'holding' ? state.promisedBy : '');
    throw new LetterRequestError(
      `a follow-up is for a message with no reply, and this one has one: ${reason}`,
      {
        rule: 'letter.followUpHasReply',
        values: { state: state.state, date, hasDate: date ? 'yes' : 'no' },
      },
    );
  }
  const w = writer.writerFor(record, false, options, language);
  w.facts.push(message.id);
  const promise =
    state.state === 'overdue' && state.holdingReplyIds
      ? record.communications.filter((c) => state.holdingReplyIds!.includes(c.id))
      : [];
  for (const p of promise) w.facts.push(p.id);
  const contacts = writer.contactsOf(record, message);
  const to = contacts.length > 0 ? contacts : [writer.recipientForRole(w, 'case_manager')];
  const cc = options.copy ? [writer.recipientForRole(w, options.copy)] : [];
  const myMessage = () =>
    message.subject
      ? w.t('letter.followUp.myMessageAbout', {
          kind: message.kind,
          date: w.date(message.date),
          subject: quotePlan(message.subject),
        })
      : w.t('letter.followUp.myMessage', { kind: message.kind, date: w.date(message.date) });
  const recap = shorten(message.summary, 600);
  const body = writer.letterBody(
    w,
    to,
    [
      promise.length > 0 && state.state === 'overdue'
        ? w.t('letter.followUp.promised', {
            message: myMessage(),
            replyDate: w.date(byDate(promise).at(-1)!.date),
            dueBy: w.date(state.dueBy),
          })
        : w.t('letter.followUp.reachedYou', { message: myMessage() }),
      `${w.t('letter.followUp.recap')}\n> ${recap.replace(/\n/gu, '\n> ')}`,
      [
        writer.replySentence(w, 'thoughts'),
        w.t('letter.followUp.someoneElse'),
        ...(cc[0] ? [w.t('letter.followUp.copied', { name: cc[0].name })] : []),
      ].join(' '),
    ],
    'thanks',
  );
  const subject = message.subject
    ? w.t('letter.followUp.subject', { subject: message.subject })
    : w.t('letter.followUp.subjectNoTopic', {
        message: w.t('letter.followUp.myMessage', { kind: message.kind, date: w.date(message.date) }),
      });
  return writer.finish(w, 'follow_up_unanswered', subject, to, cc, body);
}
