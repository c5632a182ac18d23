import type { ReportBody } from '../api/reports.ts';
import {
  countText,
  dateRangeWords,
  figure,
  fullDate,
  listText,
  minutesText,
  monthDay,
  percentText,
} from './report-text.ts';

// The report's first page in plain words: what the plan required and what happened, service by
// service, then accommodations, the behavior plan, the correspondence and what to do next. Every
// number is one the report's own sections show (the ledger's, for minutes). Pure.

export type ReportSummary = { headline: string; points: string[] };

/** Accommodations named one by one on the first page; the rest are counted. */
const SUMMARY_ACCOMMODATIONS = 3;

export function writeSummary(report: ReportBody): ReportSummary {
  const name = report.child.firstName;
  const range = dateRangeWords(report.range.from, report.range.to);
  const plan = report.plan?.kind === '504' ? '504 plan' : report.plan ? 'IEP' : 'plan';
  const m = report.minutes;

  const headline = report.ledgerUnavailable
    ? `From ${range}: ${report.ledgerUnavailable}`
    : report.services.length === 0
      ? `From ${range}, ${name}'s ${plan} had no services to count.`
      : `From ${range}, ${name}'s ${plan} required ${minutesText(m.requiredMinutes)} of services; ` +
        `${figure(m.deliveredMinutes)} were delivered. ${capitalizeFirst(minutesText(m.owedMinutes))} ` +
        `${m.owedMinutes === 1 ? 'is' : 'are'} owed as make-ups, ${figure(m.makeupMinutes)} were made up, ` +
        `and ${figure(m.owedBalanceMinutes)} are still owed.`;

  const points: string[] = [];
  for (const s of report.services) points.push(serviceSentence(s));
  points.push(accommodationSentence(report));
  const behavior = behaviorSentence(report);
  if (behavior) points.push(behavior);
  points.push(communicationSentence(report));
  points.push(adviceSentence(report));
  points.push(
    (report.evidence.length === 0
      ? 'No record is cited. '
      : `${countText(report.evidence.length, 'record is', 'records are')} cited; the evidence index lists each ` +
        'with its date and source, and each file with its SHA-256 fingerprint. ') + trailSentence(report),
  );
  return { headline, points };
}

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function serviceSentence(s: ReportBody['services'][number]): string {
  const t = s.totals;
  const parts = [
    `${s.name}: ${figure(t.deliveredMinutes)} of ${minutesText(t.requiredMinutes)} delivered (${percentText(t.percentDelivered)}).`,
  ];
  if (t.owedMinutes > 0 || t.makeupMinutes > 0)
    parts.push(
      `${capitalizeFirst(minutesText(t.owedMinutes))} owed as make-ups, ${figure(t.makeupMinutes)} made up, ` +
        `${figure(t.owedBalanceMinutes)} still owed.`,
    );
  if (t.unloggedMinutes > 0)
    parts.push(`${capitalizeFirst(minutesText(t.unloggedMinutes))} of sessions were not logged by anyone.`);
  if (t.pendingMinutes > 0)
    parts.push(`${capitalizeFirst(minutesText(t.pendingMinutes))} wait for you to say who is responsible.`);
  if (t.excusedMinutes > 0) parts.push(`${capitalizeFirst(minutesText(t.excusedMinutes))} are excused.`);
  return parts.join(' ');
}

function accommodationSentence(report: ReportBody): string {
  const observed = report.accommodations.filter((a) => a.refs.length > 0);
  if (observed.length === 0)
    return report.accommodations.length === 0
      ? 'The plan lists no accommodations.'
      : `No observation of the ${countText(report.accommodations.length, 'accommodation')} was recorded in this range.`;
  const withLapses = observed
    .filter((a) => a.lapses.length > 0)
    .sort((a, b) => b.lapses.length - a.lapses.length || a.text.localeCompare(b.text));
  if (withLapses.length === 0)
    return `Every observation of the ${countText(observed.length, 'accommodation')} observed found it provided.`;
  const named = withLapses.slice(0, SUMMARY_ACCOMMODATIONS).map((a) => {
    const known = a.provided + a.partly + a.notProvided;
    const substitute = a.lapses.filter((l) => l.teacherKind === 'substitute').length;
    return (
      `“${a.text}” was provided at ${a.provided} of ${countText(known, 'observation')} (${percentText(a.providedPercent)})` +
      (substitute > 0
        ? `, ${substitute} of the ${countText(a.lapses.length, 'lapse')} with a substitute`
        : '')
    );
  });
  const others = withLapses.length - named.length;
  return (
    `Accommodations with lapses: ${named.join('; ')}.` +
    (others > 0 ? ` ${countText(others, 'other accommodation')} also had lapses.` : '')
  );
}

function behaviorSentence(report: ReportBody): string | null {
  const t = report.behaviorPlan.totals;
  if (t.incidents === 0)
    return report.behaviorPlan.steps.length > 0 ? 'No behavior incident was noted.' : null;
  const rewards =
    t.rewardUsed + t.rewardNotUsed > 0
      ? `the plan's reward was used in ${t.rewardUsed} and not used in ${t.rewardNotUsed}`
      : null;
  const parts = [
    `a step of the plan was skipped in ${t.incidentsWithStepsSkipped}`,
    ...(rewards ? [rewards] : []),
    `the consequence went against the plan in ${t.consequenceAgainstPlan}`,
  ];
  return `${countText(t.incidents, 'behavior incident was', 'behavior incidents were')} noted: ${listText(parts)}.`;
}

function communicationSentence(report: ReportBody): string {
  const c = report.communications;
  if (c.messages.length === 0) return 'No message, call or meeting was logged in this range.';
  const parts = [
    `${countText(c.messages.length, 'message, call or meeting was', 'messages, calls and meetings were')} logged (${c.sent} sent, ${c.received} received).`,
  ];
  if (c.averageResponseDays != null)
    parts.push(
      `${countText(c.answered, 'reply', 'replies')} came after ${countText(c.averageResponseDays, 'day')} on average.`,
    );
  if (c.unanswered > 0) {
    const oldest = c.messages.find((m) => m.reply.state === 'overdue' || m.reply.state === 'waiting');
    parts.push(
      `${countText(c.unanswered, 'message is', 'messages are')} still unanswered` +
        (c.overdue > 0 && oldest?.reply.dueBy
          ? ` (${c.overdue} past the reply date; the oldest was due ${monthDay(oldest.reply.dueBy)}).`
          : '.'),
    );
  }
  if (c.withoutWrittenFollowUp > 0)
    parts.push(
      `${countText(c.withoutWrittenFollowUp, 'call or meeting was', 'calls or meetings were')} not followed up in writing.`,
    );
  return parts.join(' ');
}

function adviceSentence(report: ReportBody): string {
  const recs = report.recommendations;
  if (recs.length === 0)
    return `The advisor has no open recommendation as of ${fullDate(report.range.asOf)}.`;
  const upcoming = recs
    .flatMap((r) => r.deadlines)
    .filter((d) => d.date >= report.range.asOf)
    .sort((a, b) => a.date.localeCompare(b.date));
  const next = upcoming[0];
  return (
    `The advisor lists ${countText(recs.length, 'open recommendation')} as of ${fullDate(report.range.asOf)}` +
    (next ? `; the nearest deadline is ${fullDate(next.date)}: ${next.label}.` : '.')
  );
}

function trailSentence(report: ReportBody): string {
  const j = report.journal;
  const chain = j.chainWhole
    ? 'its hash chain checked whole'
    : `its hash chain did not check whole (${j.problem ?? 'a problem was found'})`;
  const records =
    j.recordsDiffering === 0
      ? `all ${countText(j.recordsChecked, 'record')} matched what their journal entries say`
      : `${countText(j.recordsDiffering, 'record')} did not match the journal (${j.recordProblem ?? 'a record differs'})`;
  const files =
    j.attachmentProblems.length > 0
      ? [`${countText(j.attachmentProblems.length, 'file')} no longer matched its SHA-256`]
      : [];
  return `When this report was made the journal held ${countText(j.entries, 'entry', 'entries')}: ${listText([chain, records, ...files])}.`;
}
