// 7. A request for a meeting of the team.

import type { CaseRecord } from '../case-record.ts';
import { closureMissesToList, owedMissesToList } from '../case-record.ts';
import { bulletList, capitalize, listWords, placeholder, possessive, quotePlan } from '../letter-words.ts';
import {
  byDate,
  findingForLetter,
  isGoalFinding,
  lapseCount,
  lapsesOf,
  noteDisagreement,
  notMadeUpWords,
  planWordsForService,
  timelineSentence,
  uniqueDates,
} from './facts.ts';
import type { Letter, ReplyOption, Timeline } from './writer.ts';
import * as writer from './writer.ts';

export type MeetingRequestOptions = ReplyOption & {
  /** The jurisdiction's timeline for holding a requested meeting (from the advisor's profiles). */
  timeline?: Timeline;
  /** More reasons, in the parent's words. */
  reasons?: string[];
};

/**
 * "Call an IEP meeting if services aren't being delivered, goals are no longer relevant, new challenges
 * have emerged, or there's a breakdown in communication." The reasons come from the record: services
 * with minutes owed, accommodations that lapsed, goal flags, new challenges the parent noted.
 */
export function draftMeetingRequest(record: CaseRecord, options: MeetingRequestOptions = {}): Letter {
  writer.assertAvailable(record, 'request_iep_meeting');
  const w = writer.writerFor(record, false, options);
  const { child, planName } = w;
  const to = [writer.recipientForRole(record, 'case_manager')];
  const is504 = record.plan?.kind === '504';

  const reasons: string[] = [];
  for (const service of record.services) {
    if (service.ledger.owedBalanceMinutes <= 0) continue;
    const quoted = planWordsForService(w, service);
    reasons.push(
      `${capitalize(service.name)}: ${quoted} By my records, from ${w.date(service.ledger.from)} to ${w.date(service.ledger.to)}, ` +
        `${notMadeUpWords(service.ledger.owedBalanceMinutes)}.`,
    );
    for (const miss of [...owedMissesToList(service), ...closureMissesToList(service)])
      w.facts.push(miss.entryId);
  }
  for (const accommodation of record.accommodations) {
    const summary = lapsesOf(accommodation);
    if (summary.lapses.length === 0) continue;
    w.facts.push(accommodation.id, ...summary.lapses.flatMap((o) => o.entryIds));
    for (const o of summary.lapses) noteDisagreement(w, o);
    reasons.push(
      `${quotePlan(accommodation.text)} was ${lapseCount(summary)} ` +
        `(${listWords(uniqueDates(w, summary.lapses))}).`,
    );
  }
  for (const finding of record.findings.filter(isGoalFinding)) {
    w.facts.push(finding.subjectId, ...finding.entryIds);
    reasons.push(`${findingForLetter(w, finding.message)} ${findingForLetter(w, finding.question)}`);
  }
  const sincePlan = record.plan?.effectiveFrom ?? null;
  for (const note of byDate(
    record.parentNotes.filter(
      (n) =>
        (n.kind === 'new_challenge' || n.kind === 'concern' || n.kind === 'harm') &&
        (!sincePlan || n.date >= sincePlan),
    ),
  )) {
    w.facts.push(note.id);
    reasons.push(`Something new I've noticed (${w.date(note.date)}): ${note.text.trim()}`);
  }
  reasons.push(...(options.reasons ?? []).map((r) => r.trim()).filter((r) => r.length > 0));
  if (reasons.length === 0) reasons.push(placeholder('what you would like to talk about'));

  const meetingName = is504 ? `a meeting of ${possessive(child)} 504 team` : `an ${planName} meeting`;
  const body = writer.letterBody(w, to, [
    `I'm writing to request ${meetingName} to talk about how ${possessive(child)} ${planName} is going, and what we could adjust together.`,
    `Here is what I'd like us to talk about:\n${bulletList(reasons)}`,
    ...(options.timeline ? [timelineSentence(options.timeline, 'the meeting is to be held')] : []),
    `Could you send me a few dates and times that work for the team? I'm usually available ${placeholder('days and times that work for you')}. ` +
      'It would also help to see any progress data or service logs before we meet.',
    writer.replySentence(w),
    'Thank you. I look forward to working on this together.',
  ]);
  const subject = is504
    ? `Request for a 504 plan meeting for ${child}`
    : `Request for an ${planName} meeting for ${child}`;
  return writer.finish(w, 'request_iep_meeting', subject, to, writer.caseManagerCopy(record, to), body);
}
