// 3. A follow-up on an unanswered message.

import type { CaseRecord } from '../case-record.ts';
import { awaitsReply, replyState } from '../communications.ts';
import { formatLongDate } from '../dates.ts';
import { quotePlan } from '../letter-words.ts';
import { byDate, findCommunication, MESSAGE_WORDS, shorten } from './facts.ts';
import type { Letter, ReplyOption } from './writer.ts';
import * as writer from './writer.ts';

export type FollowUpUnansweredOptions = ReplyOption & {
  communicationId: string;
  /** A second follow-up: copy the case manager's supervisor (the advisor suggests it). */
  copy?: 'principal' | 'director';
};

export function draftFollowUpUnanswered(record: CaseRecord, options: FollowUpUnansweredOptions): Letter {
  writer.assertAvailable(record, 'follow_up_unanswered');
  const message = findCommunication(record, options.communicationId);
  if (message.direction !== 'sent') {
    throw new RangeError('a follow-up on an unanswered message needs a message the family sent');
  }
  // Only for a message with no reply: never "no reply" to a message that was answered (or closed, or
  // waiting on an answer promised by a date that has not passed).
  const state = replyState(message, record.communications, record.asOf);
  if (!awaitsReply(message, record.communications, record.asOf)) {
    const when = (id: string) => record.communications.find((c) => c.id === id)?.date;
    const reason =
      state.state === 'answered'
        ? `it was answered${when(state.replyIds[0]!) ? ` on ${formatLongDate(when(state.replyIds[0]!)!)}` : ''}`
        : state.state === 'holding'
          ? `an answer was promised by ${formatLongDate(state.promisedBy)}, which has not passed`
          : state.state === 'closed'
            ? 'you marked it as no longer waiting for a reply'
            : 'it expects no reply';
    throw new RangeError(`a follow-up is for a message with no reply, and this one has one: ${reason}`);
  }
  const w = writer.writerFor(record, false, options);
  w.facts.push(message.id);
  const promise =
    state.state === 'overdue' && state.holdingReplyIds
      ? record.communications.filter((c) => state.holdingReplyIds!.includes(c.id))
      : [];
  for (const p of promise) w.facts.push(p.id);
  const contacts = writer.contactsOf(record, message);
  const to = contacts.length > 0 ? contacts : [writer.recipientForRole(record, 'case_manager')];
  const cc = options.copy ? [writer.recipientForRole(record, options.copy)] : [];
  const what = MESSAGE_WORDS[message.kind];
  const about = message.subject ? ` about ${quotePlan(message.subject)}` : '';
  const recap = shorten(message.summary, 600);
  const copied = cc[0]
    ? ` I've also copied ${cc[0].name}, who may be able to help us find a time to talk.`
    : '';
  const body = writer.letterBody(
    w,
    to,
    [
      promise.length > 0 && state.state === 'overdue'
        ? `I'm following up on my ${what} of ${w.date(message.date)}${about}. Thank you for your reply of ` +
          `${w.date(byDate(promise).at(-1)!.date)}; you hoped to get back to me by ${w.date(state.dueBy)}, so I wanted to check in.`
        : `I'm following up on my ${what} of ${w.date(message.date)}${about}. I know how full your days are, ` +
          'so I wanted to make sure it reached you.',
      `To recap, I wrote:\n> ${recap.replace(/\n/gu, '\n> ')}`,
      `${writer.replySentence(w, ' with your thoughts')} If someone else is the best person to ask, ` +
        `I'd be glad to know that too.${copied}`,
    ],
    'Thank you,',
  );
  const subject = message.subject
    ? `Following up: ${message.subject}`
    : `Following up on my ${what} of ${w.date(message.date)}`;
  return writer.finish(w, 'follow_up_unanswered', subject, to, cc, body);
}
