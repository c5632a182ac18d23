// 15. Questions about the school's service log (issue 19): drafted from differences the parent picked in
// the reconciliation table (src/domain/service-log-reconcile.ts). Each difference is a fact on both
// sides (the date, the service, what the school's log says, what the family's record says); the letter
// groups them by service and by kind so that three dates read as one sentence ("The service log lists
// speech as delivered on Oct 6, 13 and 20; Emma's check-ins for those days say the session did not take
// place. Could you help me understand?"), and asks, never accuses. Only the dates picked are named.

import type { CaseRecord } from '../case-record.ts';
import { monthName, RECORD_LOCALE } from '../dates.ts';
import { andList, countOf, lowerFirst, possessive, providerFor, ROLE_PLACEHOLDERS } from '../letter-words.ts';
import type { DifferenceKind } from '../service-log-reconcile.ts';
import { reasonShortWords } from '../service-log-values.ts';
import type { MissReason } from '../session-entry.ts';
import { findService } from './facts.ts';
import type { Letter, LetterRecipient, ReplyOption } from './writer.ts';
import * as writer from './writer.ts';

/** A difference the parent picked, as the reconciliation gives it (no "agree" line: it asks nothing). */
export type ServiceLogDifference = {
  serviceId: string;
  date: string;
  kind: Exclude<DifferenceKind, 'agree'>;
  school: { kind: string; status: string; minutes: number | null; reason: string | null } | null;
  family: {
    sources: readonly string[];
    status: string;
    minutes: number;
    reason: string | null;
    entryIds: readonly string[];
  } | null;
};

export type ServiceLogQuestionsOptions = ReplyOption & {
  differences: readonly ServiceLogDifference[];
};

/** At most this many differences in one letter: more reads as a list of charges, not questions. */
export const SERVICE_LOG_QUESTIONS_MAX = 20;

/** "Oct 6, 13 and 20"; "Sep 29, Oct 6 and 13"; with the year after the last date when not this year. */
export function compactDates(dates: readonly string[], thisYear: string): string {
  const sorted = [...new Set(dates)].sort();
  const parts: string[] = [];
  let month = '';
  for (const d of sorted) {
    const m = d.slice(0, 7);
    const day = String(Number(d.slice(8, 10)));
    parts.push(m === month ? day : `${monthName(Number(d.slice(5, 7)), RECORD_LOCALE, 'short')} ${day}`);
    month = m;
  }
  const years = [...new Set(sorted.map((d) => d.slice(0, 4)))];
  const year = years.length === 1 && years[0] === thisYear ? '' : `, ${sorted.at(-1)!.slice(0, 4)}`;
  return `${andList(parts)}${year}`;
}

/** The family's sources in the parent's voice, for several days: "my notes", "Emma's check-ins". */
function sourcesWords(
  sources: readonly string[],
  child: string,
  several: boolean,
): { who: string; verb: string } {
  const names = [...new Set(sources)].map((s) => {
    switch (s) {
      case 'parent':
        return 'my notes';
      case 'provider':
        return 'my notes of what the provider told me';
      case 'provider_link':
        return several
          ? 'the provider’s confirmations through the app'
          : 'the provider’s confirmation through the app';
      case 'child_report':
        return several
          ? `${possessive(child)} check-ins for those days`
          : `${possessive(child)} check-in for that day`;
      default:
        return 'my record';
    }
  });
  const plural = names.length > 1 || names[0]!.startsWith('my notes') || several;
  return { who: andList(names), verb: plural ? 'say' : 'says' };
}

const held = (status: string) => status === 'delivered' || status === 'short';

function schoolWords(s: NonNullable<ServiceLogDifference['school']>): string {
  if (s.kind === 'makeup') return 'a make-up session';
  if (s.status === 'delivered') return 'delivered';
  if (s.status === 'short') return 'shortened';
  const reason = s.reason && s.reason !== 'unknown' && s.reason !== 'other' ? s.reason : null;
  return reason ? `not held (${reasonShortWords(reason as MissReason)})` : 'not held';
}

/** The key a difference groups by: the same service, kind and wording on both sides. */
function groupKey(d: ServiceLogDifference): string {
  const school = d.school ? `${schoolWords(d.school)}|${d.school.minutes ?? ''}` : '';
  const family = d.family
    ? `${[...new Set(d.family.sources)].sort().join(',')}|${d.family.status}|${d.family.minutes}|${d.family.reason ?? ''}`
    : '';
  return `${d.serviceId}\u0000${d.kind}\u0000${school}\u0000${family}`;
}

/** One sentence (or two) for differences of one kind about one service, with their dates. */
function question(
  service: string,
  child: string,
  group: readonly ServiceLogDifference[],
  thisYear: string,
): string {
  const first = group[0]!;
  const several = group.length > 1;
  const on = compactDates(
    group.map((d) => d.date),
    thisYear,
  );
  const school = first.school;
  const family = first.family;
  switch (first.kind) {
    case 'school_delivered_family_missed': {
      const { who, verb } = sourcesWords(family?.sources ?? [], child, several);
      const given = school?.status === 'short' ? 'given (shortened)' : 'delivered';
      return `The service log lists ${service} as ${given} on ${on}; ${who} ${verb} the session did not take place. Could you help me understand?`;
    }
    case 'school_missed_family_delivered': {
      const { who, verb } = sourcesWords(family?.sources ?? [], child, several);
      return `The service log lists ${service} as ${schoolWords(school!)} on ${on}; ${who} ${verb} the session took place. Could you help me understand which is right?`;
    }
    case 'school_only':
      return school?.status === 'missed'
        ? `The service log lists ${service} as ${schoolWords(school)} on ${on}. I had no note of ${several ? 'those sessions' : 'that session'}; could you tell me whether ${several ? 'they were' : 'it was'} made up?`
        : `The service log lists ${service} on ${on}${school?.minutes != null ? ` (${countOf(school.minutes, 'minute')})` : ''}. I had no note of ${several ? 'those sessions' : 'that session'}; could you tell me a little about ${several ? 'them' : 'it'}?`;
    case 'family_only':
      return family && !held(family.status)
        ? `My notes show that ${service} did not take place on ${on}, and the service log does not list ${several ? 'those days' : 'that day'}. Could you tell me whether ${several ? 'the sessions were' : 'the session was'} scheduled, and whether ${several ? 'they' : 'it'} will be made up?`
        : `My notes show ${service} on ${on}, but the service log does not list a session ${several ? 'on those days' : 'that day'}. Could you check whether ${several ? 'they were' : 'it was'} logged?`;
    case 'minutes_differ':
      return `The service log gives ${countOf(school?.minutes ?? 0, 'minute')} for ${service} on ${on}; my notes say ${countOf(family?.minutes ?? 0, 'minute')}. Could you help me understand the difference?`;
    case 'reason_differs':
      return `The service log gives “${reasonShortWords((school?.reason ?? 'unknown') as MissReason)}” as the reason ${service} did not take place on ${on}; my notes say “${reasonShortWords((family?.reason ?? 'unknown') as MissReason)}”. Could you help me understand what happened?`;
  }
}

export function draftServiceLogQuestions(record: CaseRecord, options: ServiceLogQuestionsOptions): Letter {
  writer.assertAvailable(record, 'service_log_questions');
  const differences = options.differences;
  if (differences.length === 0) throw new RangeError('pick at least one difference to ask about');
  if (differences.length > SERVICE_LOG_QUESTIONS_MAX)
    throw new RangeError(
      `pick at most ${SERVICE_LOG_QUESTIONS_MAX} differences for one letter: a shorter letter gets a clearer answer`,
    );
  const w = writer.writerFor(record, false, options);
  const thisYear = record.asOf.slice(0, 4);
  const services = [...new Set(differences.map((d) => d.serviceId))].map((id) => findService(record, id));
  for (const d of differences) for (const id of d.family?.entryIds ?? []) w.facts.push(id);

  // To the provider of the one service (the person who keeps the log), else the case manager.
  const provider = services.length === 1 ? providerFor(record.team, services[0]!) : null;
  const to: LetterRecipient[] = provider
    ? [writer.recipientOf(provider)]
    : services.length === 1
      ? [{ name: ROLE_PLACEHOLDERS.provider, email: null }]
      : [writer.recipientForRole(record, 'case_manager')];
  const cc = writer.caseManagerCopy(record, to);

  const paragraphs: string[] = [];
  for (const service of services) {
    const name = lowerFirst(service.name);
    const groups = new Map<string, ServiceLogDifference[]>();
    for (const d of [...differences]
      .filter((x) => x.serviceId === service.id)
      .sort((a, b) => a.date.localeCompare(b.date))) {
      const k = groupKey(d);
      const list = groups.get(k);
      if (list) list.push(d);
      else groups.set(k, [d]);
    }
    for (const group of groups.values()) paragraphs.push(question(name, w.child, group, thisYear));
  }
  const names = andList(services.map((s) => lowerFirst(s.name)));
  const body = writer.letterBody(w, to, [
    `Thank you for sharing the service log for ${possessive(w.child)} ${names}. I read it next to my own notes, and ` +
      (paragraphs.length === 1
        ? 'there is one thing I could not match up. I would like to understand it.'
        : 'there are a few things I could not match up. I would like to understand them.'),
    ...paragraphs,
    `I may have missed something on my side, and I would like our records to agree. ${writer.replySentence(w)}`,
    'Thank you for your help.',
  ]);
  const subject = `Questions about the service log for ${possessive(w.child)} ${names}`;
  return writer.finish(w, 'service_log_questions', subject, to, cc, body);
}
