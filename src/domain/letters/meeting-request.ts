// 7. A request for a meeting of the team.

import type { CaseRecord } from '../case-record.ts';
import { closureMissesToList, owedMissesToList } from '../case-record.ts';
import { bulletList, capitalize, quotePlan } from '../letter-words.ts';
import type { DraftLanguage } from './draft-language.ts';
import {
  byDate,
  goalFindingWords,
  isGoalFinding,
  lapseCount,
  lapsesOf,
  noteDisagreement,
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
export function draftMeetingRequest(
  record: CaseRecord,
  options: MeetingRequestOptions = {},
  language?: DraftLanguage,
): Letter {
  writer.assertAvailable(record, 'request_iep_meeting');
  const w = writer.writerFor(record, false, options, language);
  const { child, planName } = w;
  const to = [writer.recipientForRole(w, 'case_manager')];
  const is504 = record.plan?.kind === '504';

  const reasons: string[] = [];
  for (const service of record.services) {
    if (service.ledger.owedBalanceMinutes <= 0) continue;
    const quoted = planWordsForService(w, service);
    const owed = service.ledger.owedBalanceMinutes;
    reasons.push(
      w.t('letter.meeting.service', {
        service: capitalize(service.name),
        quoted,
        from: w.date(service.ledger.from),
        to: w.date(service.ledger.to),
        notMadeUp: w.t('letter.owed.missed', { minutes: w.minutes(owed), count: Math.round(owed) }),
      }),
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
      w.t('letter.meeting.accommodation', {
        quoted: quotePlan(accommodation.text),
        count: lapseCount(w, summary),
        dates: w.list(uniqueDates(w, summary.lapses)),
      }),
    );
  }
  for (const finding of record.findings.filter(isGoalFinding)) {
    w.facts.push(finding.subjectId, ...finding.entryIds);
    reasons.push(goalFindingWords(w, finding, 'request_iep_meeting'));
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
    reasons.push(w.t('letter.meeting.newNote', { date: w.date(note.date), text: note.text.trim() }));
  }
  reasons.push(...(options.reasons ?? []).map((r) => r.trim()).filter((r) => r.length > 0));
  if (reasons.length === 0) reasons.push(w.gap('whatToTalkAbout'));

  const is504Words = is504 ? 'yes' : 'no';
  const body = writer.letterBody(w, to, [
    w.t('letter.meeting.request', { is504: is504Words, child, plan: planName }),
    `${w.t('letter.meeting.topics')}\n${bulletList(reasons)}`,
    ...(options.timeline
      ? [timelineSentence(w, options.timeline, 'the meeting is to be held', 'request_iep_meeting')]
      : []),
    w.t('letter.meeting.dates', { available: w.gap('daysAndTimes') }),
    writer.replySentence(w),
    w.t('letter.meeting.thanks'),
  ]);
  const subject = w.t('letter.meeting.subject', { is504: is504Words, child, plan: planName });
  return writer.finish(w, 'request_iep_meeting', subject, to, writer.caseManagerCopy(record, to), body);
}
