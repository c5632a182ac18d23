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
import { bulletList, capitalize, quotePlan } from '../letter-words.ts';
import {
  byMissDate,
  closureLines,
  indent,
  lapseCount,
  lapsesOf,
  missReasonIn,
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
  return w.t(policy?.setOnPlan ? 'letter.formal.policySet' : 'letter.formal.policyUnset', {
    plan: w.planName,
  });
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
      return `${w.date(m.date)}: ${missReasonIn(w, m.reason)} ${owedMinutesWords(w, m)}`;
    });
    const l = service.ledger;
    const percent = percentOf(service);
    paragraphs.push(
      `${capitalize(service.name)}: ${planWordsForService(w, service)} ` +
        w.t('letter.delivery', {
          from: w.date(l.from),
          to: w.date(l.to),
          delivered: w.minutes(l.deliveredMinutes),
          required: w.minutes(l.requiredMinutes),
          count: l.deliveredMinutes,
          percent: percent == null ? '' : w.t('letter.percent', { n: String(percent) }),
        }) +
        (l.makeupMinutes > 0 ? w.t('letter.formal.makeups', { minutes: w.minutes(l.makeupMinutes) }) : '') +
        ` ${w.t('letter.formal.notDelivered', { minutes: capitalize(w.minutes(minutes)), count: minutes })}` +
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
      `${w.t('letter.formal.accommodation', {
        child: w.child,
        plan: w.planName,
        quoted: quotePlan(accommodation.text),
        count: lapseCount(w, summary),
      })}\n${indent(bulletList(lines))}`,
    );
  }
  excluded += record.communications.filter((c) => c.date < since).length;
  if (childReasons > 0) {
    w.notes.push(
      w.t('letter.formal.childReasons', { count: childReasons, n: String(childReasons), child: w.child }),
    );
  }
  const closures =
    closureItems.length > 0
      ? `${w.t('letter.formal.closuresHeading')}\n` +
        `${w.t('letter.formal.closuresIntro')} ${closurePolicyWords(w)}\n` +
        bulletList(closureItems)
      : null;
  const lastDate = dates.sort().pop() ?? null;
  return { paragraphs, closures, services, notDelivered, excluded, lastDate };
}
