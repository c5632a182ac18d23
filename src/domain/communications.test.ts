import { describe, expect, it } from 'vitest';
import { awaitsReply, type Communication, replyState } from './communications.ts';

function message(
  fields: Partial<Communication> & Pick<Communication, 'id' | 'direction' | 'date'>,
): Communication {
  return {
    childId: 'child',
    kind: 'email',
    time: null,
    contactIds: [],
    otherParties: null,
    subject: null,
    summary: 'text',
    decisions: null,
    nextSteps: null,
    inReplyToId: null,
    followsUpId: null,
    replyExpectedBy: null,
    closedWithoutReply: false,
    holdingUntil: null,
    parentPosition: 'unknown',
    messageId: null,
    attachmentIds: [],
    ...fields,
  };
}

const sent = message({ id: 'sent', direction: 'sent', date: '2026-12-01', replyExpectedBy: '2026-12-08' });

describe('replyState: the reply clock', () => {
  it('waits until the reply date, then is overdue', () => {
    expect(replyState(sent, [sent], '2026-12-08')).toEqual({ state: 'waiting', dueBy: '2026-12-08' });
    expect(replyState(sent, [sent], '2026-12-10')).toEqual({
      state: 'overdue',
      dueBy: '2026-12-08',
      daysLate: 2,
    });
    expect(awaitsReply(sent, [sent], '2026-12-10')).toBe(true);
  });

  it('a reply that names it answers it, and then no follow-up is offered', () => {
    const reply = message({ id: 'r', direction: 'received', date: '2026-12-02', inReplyToId: 'sent' });
    expect(replyState(sent, [sent, reply], '2026-12-20')).toEqual({ state: 'answered', replyIds: ['r'] });
    expect(awaitsReply(sent, [sent, reply], '2026-12-20')).toBe(false);
  });

  it('a reply to the follow-up answers the first message of the thread too', () => {
    const followUp = message({
      id: 'f',
      direction: 'sent',
      date: '2026-12-09',
      inReplyToId: 'sent',
      replyExpectedBy: '2026-12-16',
    });
    const reply = message({ id: 'r', direction: 'received', date: '2026-12-10', inReplyToId: 'f' });
    const all = [sent, followUp, reply];
    expect(replyState(sent, all, '2026-12-20').state).toBe('answered');
    expect(replyState(followUp, all, '2026-12-20').state).toBe('answered');
  });

  it('a message the school sent before ours does not answer ours', () => {
    const theirs = message({ id: 't', direction: 'received', date: '2026-11-30' });
    const ours = message({ ...sent, inReplyToId: 't' });
    expect(replyState(ours, [theirs, ours], '2026-12-10').state).toBe('overdue');
  });

  it('a holding reply starts a clock of its own: holding until the promised date, a follow-up due after it', () => {
    const holding = message({
      id: 'h',
      direction: 'received',
      date: '2026-12-02',
      inReplyToId: 'sent',
      holdingUntil: '2026-12-11',
    });
    const all = [sent, holding];
    // Past the reply date, but the answer was promised by the 11th: not overdue, and no follow-up yet.
    expect(replyState(sent, all, '2026-12-10')).toEqual({
      state: 'holding',
      replyIds: ['h'],
      promisedBy: '2026-12-11',
    });
    expect(awaitsReply(sent, all, '2026-12-11')).toBe(false);
    // The day after the promise, a follow-up is due.
    expect(replyState(sent, all, '2026-12-14')).toEqual({
      state: 'overdue',
      dueBy: '2026-12-11',
      daysLate: 3,
      holdingReplyIds: ['h'],
    });
    expect(awaitsReply(sent, all, '2026-12-14')).toBe(true);
    // The promised answer closes it.
    const answer = message({ id: 'a', direction: 'received', date: '2026-12-15', inReplyToId: 'sent' });
    expect(replyState(sent, [...all, answer], '2026-12-20')).toEqual({ state: 'answered', replyIds: ['a'] });
  });

  it('a second holding reply moves the promise to its own date', () => {
    const first = message({
      id: 'h1',
      direction: 'received',
      date: '2026-12-02',
      inReplyToId: 'sent',
      holdingUntil: '2026-12-04',
    });
    const second = message({
      id: 'h2',
      direction: 'received',
      date: '2026-12-04',
      inReplyToId: 'sent',
      holdingUntil: '2026-12-18',
    });
    expect(replyState(sent, [sent, first, second], '2026-12-10')).toMatchObject({
      state: 'holding',
      promisedBy: '2026-12-18',
    });
  });

  it('closed without a reply stays closed; a received message never waits', () => {
    const closed = message({ ...sent, closedWithoutReply: true });
    expect(replyState(closed, [closed], '2026-12-20')).toEqual({ state: 'closed' });
    expect(awaitsReply(closed, [closed], '2026-12-20')).toBe(false);
    const received = message({ id: 'x', direction: 'received', date: '2026-12-01' });
    expect(replyState(received, [received], '2026-12-20')).toEqual({ state: 'not_expected' });
  });
});
