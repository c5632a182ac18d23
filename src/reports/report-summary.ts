import type { ReportBody } from '../api/reports.ts';
import { figure } from './report-text.ts';
import { capitalizeFirst, type ReportWords, reportWords } from './report-words.ts';

// The report's first page in plain words: what the plan required and what happened, service by
// service, then accommodations, the behavior plan, the correspondence and what to do next. Every
// number is one the report's own sections show (the ledger's, for minutes). The sentences are in the
// report's language (the reportpdf catalog, report-words.ts); names and the plan's words stay as
// written. Pure.

export type ReportSummary = { headline: string; points: string[] };

/** Accommodations named one by one on the first page; the rest are counted. */
const SUMMARY_ACCOMMODATIONS = 3;

/** A count's values for a message: the number that chooses the plural, and the figure written. */
const counted = (n: number) => ({ count: n, n: String(n) });

export function writeSummary(report: ReportBody): ReportSummary {
  const w = reportWords(report.language);
  const name = report.child.firstName;
  const range = w.dateRangeWords(report.range.from, report.range.to);
  const plan = report.plan?.kind === '504' ? 'section504' : report.plan ? 'iep' : 'none';
  const m = report.minutes;

  const headline = capitalizeFirst(
    report.ledgerUnavailable
      ? w.say('summary.headline.unavailable', { range, reason: report.ledgerUnavailable })
      : report.services.length === 0
        ? w.say('summary.headline.noServices', { range, name, plan })
        : w.say('summary.headline.minutes', {
            range,
            name,
            plan,
            required: w.minutes(m.requiredMinutes),
            delivered: figure(m.deliveredMinutes),
            owed: w.minutes(m.owedMinutes),
            owedCount: m.owedMinutes,
            madeUp: figure(m.makeupMinutes),
            stillOwed: figure(m.owedBalanceMinutes),
          }),
  );

  const points: string[] = [];
  for (const s of report.services) points.push(serviceSentence(w, s));
  points.push(accommodationSentence(w, report));
  const behavior = behaviorSentence(w, report);
  if (behavior) points.push(behavior);
  points.push(communicationSentence(w, report));
  points.push(adviceSentence(w, report));
  points.push(
    `${
      report.evidence.length === 0
        ? w.say('summary.evidence.none')
        : w.say('summary.evidence.cited', counted(report.evidence.length))
    } ${trailSentence(w, report)}`,
  );
  return { headline, points };
}

function serviceSentence(w: ReportWords, s: ReportBody['services'][number]): string {
  const t = s.totals;
  const parts = [
    w.say('summary.service.delivered', {
      name: s.name,
      delivered: figure(t.deliveredMinutes),
      required: w.minutes(t.requiredMinutes),
      percent: w.percent(t.percentDelivered),
    }),
  ];
  if (t.owedMinutes > 0 || t.makeupMinutes > 0)
    parts.push(
      w.say('summary.service.owed', {
        owed: w.minutes(t.owedMinutes),
        madeUp: figure(t.makeupMinutes),
        stillOwed: figure(t.owedBalanceMinutes),
      }),
    );
  if (t.unloggedMinutes > 0)
    parts.push(w.say('summary.service.unlogged', { minutes: w.minutes(t.unloggedMinutes) }));
  if (t.pendingMinutes > 0)
    parts.push(w.say('summary.service.pending', { minutes: w.minutes(t.pendingMinutes) }));
  if (t.excusedMinutes > 0)
    parts.push(w.say('summary.service.excused', { minutes: w.minutes(t.excusedMinutes) }));
  return parts.join(' ');
}

function accommodationSentence(w: ReportWords, report: ReportBody): string {
  const observed = report.accommodations.filter((a) => a.refs.length > 0);
  if (observed.length === 0)
    return report.accommodations.length === 0
      ? w.say('summary.accommodations.none')
      : w.say('summary.accommodations.notObserved', counted(report.accommodations.length));
  const withLapses = observed
    .filter((a) => a.lapses.length > 0)
    .sort((a, b) => b.lapses.length - a.lapses.length || a.text.localeCompare(b.text));
  if (withLapses.length === 0) return w.say('summary.accommodations.allProvided', counted(observed.length));
  const named = withLapses.slice(0, SUMMARY_ACCOMMODATIONS).map((a) => {
    const known = a.provided + a.partly + a.notProvided;
    const substitute = a.lapses.filter((l) => l.teacherKind === 'substitute').length;
    return (
      w.say('summary.accommodations.named', {
        text: a.text,
        provided: String(a.provided),
        known,
        knownN: String(known),
        percent: w.percent(a.providedPercent),
      }) +
      (substitute > 0
        ? w.say('summary.accommodations.substitute', {
            substitute: String(substitute),
            lapses: a.lapses.length,
            lapsesN: String(a.lapses.length),
          })
        : '')
    );
  });
  const others = withLapses.length - named.length;
  return (
    w.say('summary.accommodations.lapses', { named: named.join('; ') }) +
    (others > 0 ? ` ${w.say('summary.accommodations.others', counted(others))}` : '')
  );
}

function behaviorSentence(w: ReportWords, report: ReportBody): string | null {
  const t = report.behaviorPlan.totals;
  if (t.incidents === 0) return report.behaviorPlan.steps.length > 0 ? w.say('summary.behavior.none') : null;
  const rewards =
    t.rewardUsed + t.rewardNotUsed > 0
      ? w.say('summary.behavior.reward', { used: String(t.rewardUsed), notUsed: String(t.rewardNotUsed) })
      : null;
  const parts = [
    w.say('summary.behavior.skipped', { count: String(t.incidentsWithStepsSkipped) }),
    ...(rewards ? [rewards] : []),
    w.say('summary.behavior.against', { count: String(t.consequenceAgainstPlan) }),
  ];
  return w.say('summary.behavior.noted', { ...counted(t.incidents), parts: w.list(parts) });
}

function communicationSentence(w: ReportWords, report: ReportBody): string {
  const c = report.communications;
  if (c.messages.length === 0) return w.say('summary.messages.none');
  const parts = [
    w.say('summary.messages.logged', {
      ...counted(c.messages.length),
      sent: String(c.sent),
      received: String(c.received),
    }),
  ];
  if (c.averageResponseDays != null)
    parts.push(
      w.say('summary.messages.replies', {
        ...counted(c.answered),
        days: c.averageResponseDays,
        daysN: String(c.averageResponseDays),
      }),
    );
  if (c.unanswered > 0) {
    const oldest = c.messages.find((m) => m.reply.state === 'overdue' || m.reply.state === 'waiting');
    parts.push(
      c.overdue > 0 && oldest?.reply.dueBy
        ? w.say('summary.messages.unansweredLate', {
            ...counted(c.unanswered),
            overdue: String(c.overdue),
            date: w.dayWords(oldest.reply.dueBy),
          })
        : w.say('summary.messages.unanswered', counted(c.unanswered)),
    );
  }
  if (c.withoutWrittenFollowUp > 0)
    parts.push(w.say('summary.messages.noFollowUp', counted(c.withoutWrittenFollowUp)));
  return parts.join(' ');
}

function adviceSentence(w: ReportWords, report: ReportBody): string {
  const recs = report.recommendations;
  const date = w.dateWords(report.range.asOf);
  if (recs.length === 0) return w.say('summary.advice.none', { date });
  const upcoming = recs
    .flatMap((r) => r.deadlines)
    .filter((d) => d.date >= report.range.asOf)
    .sort((a, b) => a.date.localeCompare(b.date));
  const next = upcoming[0];
  return next
    ? w.say('summary.advice.openNext', {
        ...counted(recs.length),
        date,
        next: w.dateWords(next.date),
        label: next.label,
      })
    : w.say('summary.advice.open', { ...counted(recs.length), date });
}

function trailSentence(w: ReportWords, report: ReportBody): string {
  const j = report.journal;
  const chain = j.chainWhole
    ? w.say('summary.trail.chainWhole')
    : w.say('summary.trail.chainBroken', { problem: j.problem ?? w.say('summary.trail.aProblem') });
  const records =
    j.recordsDiffering === 0
      ? w.say('summary.trail.recordsMatch', counted(j.recordsChecked))
      : w.say('summary.trail.recordsDiffer', {
          ...counted(j.recordsDiffering),
          problem: j.recordProblem ?? w.say('summary.trail.aRecordDiffers'),
        });
  const files =
    j.attachmentProblems.length > 0
      ? [w.say('summary.trail.files', counted(j.attachmentProblems.length))]
      : [];
  return w.say('summary.trail.sentence', {
    ...counted(j.entries),
    checks: w.list([chain, records, ...files]),
  });
}
