// The facts of a formal filing (the state complaint, the OCR complaint outline): the sessions the school
// did not deliver and has not made up, closures set apart with the plan's policy, and the accommodations
// that lapsed, each line with the records it rests on.

import {
  type CaseRecord,
  type CaseService,
  type CaseSessionMiss,
  closureMissesToList,
  owedMissesToList,
} from '../case-record.ts';
import {
  bulletList,
  capitalize,
  countOf,
  formatMinutes,
  missReasonWords,
  possessive,
  quotePlan,
} from '../letter-words.ts';
import {
  byMissDate,
  closureLines,
  indent,
  lapseCount,
  lapsesOf,
  occurrenceLine,
  owedMinutesWords,
  percentOf,
  planWordsForService,
} from './facts.ts';
import type { Writer } from './writer.ts';

/** Reasons that are about the child, not the school: never listed as a failure to implement. */
const CHILD_REASONS: ReadonlySet<string> = new Set(['student_absent', 'student_refused']);

/**
 * The sessions a formal complaint lists as not delivered: owed and not yet made up, not lost to a
 * closure (set apart), and never missed because the child was absent or declined, even when the parent
 * classified such a miss as owed (a complaint is about what the school did not do).
 */
function failuresToImplement(service: CaseService, since: string): CaseSessionMiss[] {
  return owedMissesToList(service).filter((m) => m.date >= since && !CHILD_REASONS.has(m.reason ?? ''));
}

type FormalFacts = {
  paragraphs: string[];
  /** Sessions lost to school closures, apart from the violation, with the plan's policy; null when none. */
  closures: string | null;
  services: CaseService[];
  /** Minutes of the listed sessions not delivered and not made up, per service id (closures not counted). */
  notDelivered: Map<string, number>;
  excluded: number;
  lastDate: string | null;
};

/** The plan's policy on closures, in a sentence, for a formal filing that lists closures apart. */
function closurePolicyWords(w: Writer): string {
  const policy = w.record.plan?.closurePolicy;
  if (policy?.setOnPlan) {
    return `The rules for missed sessions I recorded for this ${w.planName} count a session lost to a school closure as one to make up.`;
  }
  return (
    `The ${w.planName} does not say how sessions lost to a school closure are handled. I count them as not made up ` +
    `because the amount of service in the ${w.planName} does not change when the school is closed.`
  );
}

/** Services and accommodations with lapses on or after `since`, as formal fact paragraphs; closures apart. */
export function formalFacts(w: Writer, record: CaseRecord, since: string): FormalFacts {
  const paragraphs: string[] = [];
  const services: CaseService[] = [];
  const notDelivered = new Map<string, number>();
  const closureItems: string[] = [];
  let excluded = 0;
  let childReasons = 0;
  const dates: string[] = [];
  for (const service of record.services) {
    const owed = owedMissesToList(service);
    excluded += [...owed, ...closureMissesToList(service)].filter((m) => m.date < since).length;
    childReasons += owed.filter((m) => m.date >= since && CHILD_REASONS.has(m.reason ?? '')).length;
    const failures = failuresToImplement(service, since).sort(byMissDate);
    const closures = closureLines(w, service, since);
    if (closures.length > 0)
      closureItems.push(`${capitalize(service.name)}:\n${indent(bulletList(closures))}`);
    if (failures.length === 0) continue;
    services.push(service);
    dates.push(...failures.map((m) => m.date));
    const minutes = failures.reduce((sum, m) => sum + m.owedRemainingMinutes, 0);
    notDelivered.set(service.id, minutes);
    const lines = failures.map((m) => {
      w.facts.push(m.entryId);
      return `${w.date(m.date)}: ${missReasonWords(m.reason, w.child)} ${owedMinutesWords(m)}`;
    });
    const l = service.ledger;
    const percent = percentOf(service);
    paragraphs.push(
      `${capitalize(service.name)}: ${planWordsForService(w, service)} From ${w.date(l.from)} to ${w.date(l.to)}, ` +
        `${formatMinutes(l.deliveredMinutes)} of the ${formatMinutes(l.requiredMinutes)} required ${l.deliveredMinutes === 1 ? 'was' : 'were'} delivered` +
        `${percent == null ? '' : ` (${percent}%)`}.` +
        (l.makeupMinutes > 0
          ? ` Make-up sessions of ${formatMinutes(l.makeupMinutes)} are already counted.`
          : '') +
        ` ${capitalize(formatMinutes(minutes))} of sessions not delivered ${minutes === 1 ? 'has' : 'have'} not been made up:` +
        `\n${indent(bulletList(lines))}`,
    );
  }
  for (const accommodation of record.accommodations) {
    excluded += lapsesOf(accommodation).lapses.filter((o) => o.date < since).length;
    const summary = lapsesOf(accommodation, since);
    if (summary.lapses.length === 0) continue;
    w.facts.push(accommodation.id);
    dates.push(...summary.lapses.map((o) => o.date));
    const lines = summary.lapses.map((o) => occurrenceLine(w, o));
    paragraphs.push(
      `Accommodation: ${possessive(w.child)} ${w.planName} lists ${quotePlan(accommodation.text)}. ` +
        `It was ${lapseCount(summary)}:\n${indent(bulletList(lines))}`,
    );
  }
  excluded += record.communications.filter((c) => c.date < since).length;
  if (childReasons > 0) {
    w.notes.push(
      `${countOf(childReasons, 'session')} you marked as owed ${childReasons === 1 ? 'was' : 'were'} missed because ${w.child} ` +
        'was absent or declined the session. A complaint is about what the school did not do, so they are not listed.',
    );
  }
  const closures =
    closureItems.length > 0
      ? 'Sessions lost to school closures (set apart: not part of the violation stated here)\n' +
        `These sessions fell on days the school was closed for all students. ${closurePolicyWords(w)}\n` +
        bulletList(closureItems)
      : null;
  const lastDate = dates.sort().pop() ?? null;
  return { paragraphs, closures, services, notDelivered, excluded, lastDate };
}
