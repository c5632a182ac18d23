// 2. A weekly or mid-term check-in to the case manager.

import { type CaseRecord, occurrencesOf } from '../case-record.ts';
import { addDays } from '../dates.ts';
import { bulletList, capitalize, lowerFirst, quotePlan } from '../letter-words.ts';
import type { DraftLanguage } from './draft-language.ts';
import { byDate, byOccurrenceDate, lapsesOf, noteDisagreement, serviceWords, uniqueDates } from './facts.ts';
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
export function draftCheckIn(
  record: CaseRecord,
  options: CheckInLetterOptions = {},
  language?: DraftLanguage,
): Letter {
  writer.assertAvailable(record, 'check_in');
  const period = options.period ?? 'weekly';
  const w = writer.writerFor(record, false, options, language);
  const { child, planName } = w;
  const to = [writer.recipientForRole(w, 'case_manager')];

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
      ? w.t('letter.checkIn.since', { since: 'week', date: '' })
      : lastReport
        ? w.t('letter.checkIn.since', { since: 'report', date: w.date(lastReport) })
        : w.t('letter.checkIn.since', { since: 'date', date: w.date(since) });

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
    wentWell.push(
      w.t('letter.checkIn.inPlace', {
        quoted: quotePlan(accommodation.text),
        dates: w.list(uniqueDates(w, provided)),
      }),
    );
  }
  for (const service of record.services) {
    const weeks = service.weeks.filter((wk) => addDays(wk.start, 6) >= since && wk.requiredMinutes > 0);
    if (weeks.length === 0 || weeks.some((wk) => wk.deliveredMinutes < wk.requiredMinutes)) continue;
    w.facts.push(service.id, ...weeks.flatMap((wk) => wk.entryIds));
    const delivered = weeks.reduce((sum, wk) => sum + wk.deliveredMinutes, 0);
    wentWell.push(
      w.t('letter.checkIn.onSchedule', { service: capitalize(service.name), minutes: w.minutes(delivered) }),
    );
  }

  const questions: string[] = [];
  for (const service of record.services) {
    if (service.ledger.owedBalanceMinutes <= 0) continue;
    w.facts.push(service.id);
    const owed = service.ledger.owedBalanceMinutes;
    questions.push(
      w.t('letter.checkIn.makeUps', {
        service: serviceWords(w, service),
        date: w.date(service.ledger.from),
        notMadeUp: w.t('letter.owed.missed', { minutes: w.minutes(owed), count: Math.round(owed) }),
      }),
    );
  }
  for (const accommodation of record.accommodations) {
    const summary = lapsesOf(accommodation, since);
    if (summary.lapses.length === 0) continue;
    w.facts.push(accommodation.id, ...summary.lapses.flatMap((o) => o.entryIds));
    for (const o of summary.lapses) noteDisagreement(w, o);
    questions.push(
      w.t('letter.checkIn.lapsed', {
        quoted: quotePlan(accommodation.text),
        dates: w.list(uniqueDates(w, summary.lapses)),
      }),
    );
  }
  if (period === 'mid_term') {
    for (const goal of record.goals) {
      w.facts.push(goal.id);
      questions.push(
        w.t('letter.checkIn.goal', {
          child,
          area: w.language === 'en' ? lowerFirst(goal.area) : goal.area,
          quoted: quotePlan(goal.text),
          hasNext: nextReport ? 'yes' : 'no',
          date: nextReport ? w.date(nextReport) : '',
        }),
      );
    }
  }
  questions.push(w.t('letter.checkIn.home', { child }));

  const opening =
    period === 'weekly'
      ? w.t('letter.checkIn.openingWeekly', { child, since: sinceWords })
      : w.t('letter.checkIn.openingTerm', {
          child,
          since: sinceWords,
          hasNext: nextReport ? 'yes' : 'no',
          date: nextReport ? w.date(nextReport) : '',
        });
  const body = writer.letterBody(w, to, [
    opening,
    wentWell.length > 0
      ? `${w.t('letter.checkIn.wentWell')}\n${bulletList(wentWell)}`
      : w.t('letter.checkIn.thanksFor', { child, period }),
    `${w.t('letter.checkIn.questions', { count: questions.length })}\n${bulletList(questions)}`,
    `${writer.replySentence(w)} ${w.t('letter.checkIn.shortNote')}`,
    w.t('letter.checkIn.loop', { child, plan: planName }),
  ]);
  const subject = w.t('letter.checkIn.subject', { period, child });
  return writer.finish(w, 'check_in', subject, to, [], body);
}
