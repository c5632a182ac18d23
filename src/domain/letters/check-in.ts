// 2. A weekly or mid-term check-in to the case manager.

import { type CaseRecord, occurrencesOf } from '../case-record.ts';
import { addDays } from '../dates.ts';
import {
  bulletList,
  capitalize,
  formatMinutes,
  listWords,
  lowerFirst,
  possessive,
  quotePlan,
} from '../letter-words.ts';
import {
  byDate,
  byOccurrenceDate,
  lapsesOf,
  noteDisagreement,
  notMadeUpWords,
  uniqueDates,
} from './facts.ts';
import type { Letter, ReplyOption } from './writer.ts';
import * as writer from './writer.ts';

export type CheckInLetterOptions = { period?: 'weekly' | 'mid_term' } & ReplyOption;

const PROGRESS_REPORT = /progress/iu;

/** Product choice: a mid-term check-in with no earlier progress report looks back six weeks. */
export const MID_TERM_FALLBACK_DAYS = 42;

/**
 * The article's "Request Mid-Term Progress Check-Ins": what went well (wins, accommodations in place,
 * services on schedule), then a question or two (make-ups still owed, an accommodation that slipped, goals
 * before the next progress report).
 */
export function draftCheckIn(record: CaseRecord, options: CheckInLetterOptions = {}): Letter {
  writer.assertAvailable(record, 'check_in');
  const period = options.period ?? 'weekly';
  const w = writer.writerFor(record, false, options);
  const { child, planName } = w;
  const to = [writer.recipientForRole(record, 'case_manager')];

  const reports = record.keyDates.filter((k) => PROGRESS_REPORT.test(k.kind)).map((k) => k.date);
  const lastReport =
    reports
      .filter((d) => d <= record.asOf)
      .sort()
      .pop() ?? null;
  const nextReport = reports.filter((d) => d > record.asOf).sort()[0] ?? null;
  const since =
    period === 'weekly'
      ? addDays(record.asOf, -6)
      : (lastReport ?? record.plan?.effectiveFrom ?? addDays(record.asOf, -MID_TERM_FALLBACK_DAYS));
  const sinceWords =
    period === 'weekly'
      ? 'this week'
      : lastReport
        ? `since the progress report on ${w.date(lastReport)}`
        : `since ${w.date(since)}`;

  const wentWell: string[] = [];
  for (const note of byDate(record.parentNotes.filter((n) => n.kind === 'win' && n.date >= since))) {
    w.facts.push(note.id);
    wentWell.push(`${w.date(note.date)}: ${note.text}`);
  }
  for (const accommodation of record.accommodations) {
    // By occurrence: a day noted three ways is one day in place.
    const provided = occurrencesOf(accommodation)
      .filter((o) => o.outcome === 'provided' && o.date >= since)
      .sort(byOccurrenceDate);
    if (provided.length === 0) continue;
    w.facts.push(accommodation.id, ...provided.flatMap((o) => o.entryIds));
    wentWell.push(`${quotePlan(accommodation.text)} was in place on ${listWords(uniqueDates(w, provided))}.`);
  }
  for (const service of record.services) {
    const weeks = service.weeks.filter((wk) => addDays(wk.start, 6) >= since && wk.requiredMinutes > 0);
    if (weeks.length === 0 || weeks.some((wk) => wk.deliveredMinutes < wk.requiredMinutes)) continue;
    w.facts.push(service.id, ...weeks.flatMap((wk) => wk.entryIds));
    const delivered = weeks.reduce((sum, wk) => sum + wk.deliveredMinutes, 0);
    wentWell.push(
      `${capitalize(service.name)}: every session happened as planned (${formatMinutes(delivered)}).`,
    );
  }

  const questions: string[] = [];
  for (const service of record.services) {
    if (service.ledger.owedBalanceMinutes <= 0) continue;
    w.facts.push(service.id);
    questions.push(
      `How are the make-ups for ${lowerFirst(service.name)} going? By my records, since ${w.date(service.ledger.from)}, ` +
        `${notMadeUpWords(service.ledger.owedBalanceMinutes)}.`,
    );
  }
  for (const accommodation of record.accommodations) {
    const summary = lapsesOf(accommodation, since);
    if (summary.lapses.length === 0) continue;
    w.facts.push(accommodation.id, ...summary.lapses.flatMap((o) => o.entryIds));
    for (const o of summary.lapses) noteDisagreement(w, o);
    questions.push(
      `I noticed ${quotePlan(accommodation.text)} wasn't in place on ${listWords(uniqueDates(w, summary.lapses))}. ` +
        'Could we touch base on it?',
    );
  }
  if (period === 'mid_term') {
    for (const goal of record.goals) {
      w.facts.push(goal.id);
      questions.push(
        `How is ${child} doing on the ${lowerFirst(goal.area)} goal (${quotePlan(goal.text)})?` +
          (nextReport
            ? ` Is it on track for the progress report on ${w.date(nextReport)}?`
            : ' Is it on track?'),
      );
    }
  }
  questions.push(`Is there anything we can work on at home to support ${child}?`);

  const opening =
    period === 'weekly'
      ? `I hope your week is going well. I'm checking in on how things went for ${child} ${sinceWords}.`
      : `I hope the term is going well. I'm checking in on how ${possessive(child)} services and goals are going ${sinceWords}, ` +
        `before the next progress report${nextReport ? ` on ${w.date(nextReport)}` : ''}.`;
  const body = writer.letterBody(w, to, [
    opening,
    wentWell.length > 0
      ? `What's going well:\n${bulletList(wentWell)}`
      : `Thank you for everything you're doing for ${child} ${period === 'weekly' ? 'this week' : 'this term'}.`,
    `${questions.length === 1 ? 'A question' : 'A few questions'}:\n${bulletList(questions)}`,
    `${writer.replySentence(w)} A short note is fine.`,
    `Thank you for keeping me in the loop on ${possessive(child)} ${planName}.`,
  ]);
  const subject =
    period === 'weekly'
      ? `Weekly check-in: ${child}`
      : `Mid-term check-in: how ${possessive(child)} services and goals are going`;
  return writer.finish(w, 'check_in', subject, to, [], body);
}
