import type { Transaction } from 'kysely';
import { type CommunicationKind, REPLY_EXPECTED_KINDS } from '../../domain/communications.ts';
import { replyDueDate } from '../../domain/deadlines.ts';
import { findCommunicationLink } from '../../store/communications.repository.ts';
import type { Database } from '../../store/schema.ts';
import { contactIdsOfChild } from '../../store/team-contacts.repository.ts';
import { invalid, notFound } from '../errors.ts';
import { requireAttachments } from './attachments.ts';
import { loadSettings, schoolDayTest } from './household-settings.ts';

// Rules of the communication log that read other records: the default "reply expected by" date
// (the household's reply time in the child's school days), and links that must stay inside the
// child's own record (team contacts, the message replied to, the call followed up).

type Trx = Transaction<Database>;

export async function defaultReplyDate(
  trx: Trx,
  householdId: string,
  childId: string,
  date: string,
): Promise<string> {
  const settings = await loadSettings(trx, householdId);
  return replyDueDate(date, settings.replySchoolDays, await schoolDayTest(trx, householdId, childId));
}

export async function withDefaultReplyDate(
  trx: Trx,
  householdId: string,
  record: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (record.replyExpectedBy !== undefined) return record;
  const expects = record.direction === 'sent' && REPLY_EXPECTED_KINDS.has(record.kind as CommunicationKind);
  return {
    ...record,
    replyExpectedBy: expects
      ? await defaultReplyDate(trx, householdId, record.childId as string, record.date as string)
      : null,
  };
}

export async function checkCommunicationLinks(
  trx: Trx,
  householdId: string,
  record: Record<string, unknown>,
) {
  const childId = record.childId as string;
  const contactIds = (record.contactIds as string[]) ?? [];
  if (contactIds.length > 0) {
    const known = await contactIdsOfChild(trx, householdId, childId, contactIds);
    contactIds.forEach((id, i) => {
      if (!known.has(id)) throw notFound('Team contact of this child', id, `contactIds.${i}`);
    });
  }
  for (const key of ['inReplyToId', 'followsUpId'] as const) {
    const id = record[key] as string | null | undefined;
    if (!id) continue;
    if (id === record.id)
      throw invalid(key, 'cannot point at the same message', { rule: 'communication.sameMessage' });
    const other = await findCommunicationLink(trx, householdId, id);
    if (!other || other.child_id !== childId) throw notFound('Communication of this child', id, key);
    if (key === 'followsUpId' && other.kind !== 'phone' && other.kind !== 'meeting')
      throw invalid(key, 'must name a call or a meeting (a written message needs no written follow-up)', {
        rule: 'communication.followUpOfTalk',
      });
  }
  // A holding reply ("an answer by Friday") holds the clock of the message it answers: it must be a
  // received reply to one, and promise a date on or after its own.
  const holdingUntil = record.holdingUntil as string | null | undefined;
  if (holdingUntil) {
    if (record.direction !== 'received')
      throw invalid('holdingUntil', 'only a reply you received can promise an answer by a date', {
        rule: 'communication.holdingReceivedOnly',
      });
    if (!record.inReplyToId)
      throw invalid(
        'holdingUntil',
        'choose the message this reply answers (inReplyToId): the promise holds its reply clock',
        { rule: 'communication.holdingNeedsReply' },
      );
    if (holdingUntil < (record.date as string))
      throw invalid('holdingUntil', `must not be before the reply's own date (${record.date as string})`, {
        rule: 'communication.holdingBeforeDate',
        values: { date: record.date as string },
      });
  }
  // The day the school received a request starts the clocks that run from receipt: it belongs to a message
  // the family sent, on or after the day it was sent.
  const received = record.schoolReceivedOn as string | null | undefined;
  if (received) {
    if (record.direction !== 'sent')
      throw invalid('schoolReceivedOn', 'only a message you sent has a day the school received it', {
        rule: 'communication.receivedSentOnly',
      });
    if (received < (record.date as string))
      throw invalid('schoolReceivedOn', `must not be before the day it was sent (${record.date as string})`, {
        rule: 'communication.receivedBeforeSent',
        values: { date: record.date as string },
      });
  }
  // Whether the parent agreed to what was proposed is asked of a talk (its written summary follows it).
  const position = record.parentPosition as string | undefined;
  if (position && position !== 'unknown' && record.kind !== 'phone' && record.kind !== 'meeting')
    throw invalid('parentPosition', 'is recorded for a call or a meeting, where something was proposed', {
      rule: 'communication.positionOfTalk',
    });
  await requireAttachments(trx, householdId, (record.attachmentIds as string[]) ?? []);
}
