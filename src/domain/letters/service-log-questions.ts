// 15. Questions about the school's service log (issue 19): drafted from differences the parent picked in
import { providerFor } from '../team-roles.ts';
// the reconciliation table (src/domain/service-log-reconcile.ts). Each difference is a fact on both
// sides (the date, the service, what the school's log says, what the family's record says); the letter
// groups them by service and by kind so that three dates read as one sentence ("The service log lists
// speech as delivered on Oct 6, 13 and 20; Emma's check-ins for those days say the session did not take
// place. Could you help me understand?"), and asks, never accuses. Only the dates picked are named.

import type { CaseRecord } from '../case-record.ts';
import { monthName, RECORD_LOCALE } from '../dates.ts';
import { andList } from '../letter-words.ts';
import type { DifferenceKind } from '../service-log-reconcile.ts';
import type { DraftLanguage } from './draft-language.ts';
import { findService, serviceWords } from './facts.ts';
import { LetterRequestError } from './request-error.ts';
import type { Letter, LetterRecipient, ReplyOption, Writer } from './writer.ts';
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

/** `compactDates` in the letter's language ("6, 13 y 20 de octubre"), each date kept in the writer's list. */
function compactDatesIn(w: Writer, dates: readonly string[], thisYear: string): string {
  const sorted = [...new Set(dates)].sort();
  w.dates.push(...sorted);
  if (w.language === 'en') return compactDates(sorted, thisYear);
  // Spanish: the days of a month, then the month ("29 de septiembre, 6 y 13 de octubre").
  const months: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const month = sorted[i]!.slice(0, 7);
    const days: string[] = [];
    for (; i < sorted.length && sorted[i]!.startsWith(month); i++)
      days.push(String(Number(sorted[i]!.slice(8, 10))));
    months.push(`${w.list(days)} de ${monthName(Number(month.slice(5, 7)), w.language)}`);
  }
  const years = [...new Set(sorted.map((d) => d.slice(0, 4)))];
  const year = years.length === 1 && years[0] === thisYear ? '' : ` de ${sorted.at(-1)!.slice(0, 4)}`;
  return `${months.length > 1 ? months.join(', ') : months[0]}${year}`;
}

/** The family's sources in the parent's voice, for several days: "my notes", "Emma's check-ins". */
function sourcesWords(
  w: Writer,
  sources: readonly string[],
  several: boolean,
): { who: string; plural: boolean } {
  const kinds = [...new Set(sources)];
  const names = kinds.map((source) =>
    w.t('letter.slq.source', { source, several: several ? 'yes' : 'no', child: w.child }),
  );
  const plural = names.length > 1 || kinds[0] === 'parent' || kinds[0] === 'provider' || several;
  return { who: w.language === 'en' ? andList(names) : w.list(names), plural };
}

const held = (status: string) => status === 'delivered' || status === 'short';

/** A reason in a few words, in the letter's language ("student absent"). */
function reasonWords(w: Writer, reason: string | null): string {
  const code =
    reason == null || reason === 'unknown' ? 'unknown' : reason === 'other' ? 'otherReason' : reason;
  return w.t('letter.slq.reason', { reason: code });
}

/** What the school's log says of a session, as the catalog's `letter.slq.school` names it, with its reason. */
function schoolSays(s: NonNullable<ServiceLogDifference['school']>): {
  school: string;
  reason: string | null;
} {
  const reason = s.reason && s.reason !== 'unknown' && s.reason !== 'other' ? s.reason : null;
  if (s.kind === 'makeup') return { school: 'makeup', reason: null };
  if (s.status === 'delivered') return { school: 'delivered', reason: null };
  if (s.status === 'short') return { school: 'short', reason: null };
  return reason ? { school: 'notHeldBecause', reason } : { school: 'notHeld', reason: null };
}

function schoolWords(w: Writer, s: NonNullable<ServiceLogDifference['school']>): string {
  const { school, reason } = schoolSays(s);
  return w.t('letter.slq.school', { school, reason: reason ? reasonWords(w, reason) : '' });
}

/** The key a difference groups by: the same service, kind and wording on both sides. */
function groupKey(d: ServiceLogDifference): string {
  const says = d.school ? schoolSays(d.school) : null;
  const school = d.school ? `${says!.school}|${says!.reason ?? ''}|${d.school.minutes ?? ''}` : '';
  const family = d.family
    ? `${[...new Set(d.family.sources)].sort().join(',')}|${d.family.status}|${d.family.minutes}|${d.family.reason ?? ''}`
    : '';
  return `${d.serviceId}\u0000${d.kind}\u0000${school}\u0000${family}`;
}

/** One sentence (or two) for differences of one kind about one service, with their dates. */
function question(
  w: Writer,
  service: string,
  group: readonly ServiceLogDifference[],
  thisYear: string,
): string {
  const first = group[0]!;
  const several = group.length > 1 ? 'yes' : 'no';
  const when = w.t('letter.slq.on', {
    several,
    on: compactDatesIn(
      w,
      group.map((d) => d.date),
      thisYear,
    ),
  });
  const school = first.school;
  const family = first.family;
  const minutes = (n: number) => w.t('letter.minutes', { count: n, n: String(n) });
  switch (first.kind) {
    case 'school_delivered_family_missed': {
      const { who, plural } = sourcesWords(w, family?.sources ?? [], several === 'yes');
      return w.t('letter.slq.deliveredMissed', {
        service,
        given: school?.status === 'short' ? 'short' : 'delivered',
        when,
        who,
        plural: plural ? 'yes' : 'no',
      });
    }
    case 'school_missed_family_delivered': {
      const { who, plural } = sourcesWords(w, family?.sources ?? [], several === 'yes');
      return w.t('letter.slq.missedDelivered', {
        service,
        school: schoolWords(w, school!),
        when,
        who,
        plural: plural ? 'yes' : 'no',
      });
    }
    case 'school_only':
      return school?.status === 'missed'
        ? w.t('letter.slq.schoolOnlyMissed', { service, school: schoolWords(w, school), when, several })
        : w.t('letter.slq.schoolOnlyHeld', {
            service,
            when,
            hasMinutes: school?.minutes != null ? 'yes' : 'no',
            count: school?.minutes ?? 0,
            n: String(school?.minutes ?? 0),
            several,
          });
    case 'family_only':
      return family && !held(family.status)
        ? w.t('letter.slq.familyOnlyMissed', { service, when, several })
        : w.t('letter.slq.familyOnlyHeld', { service, when, several });
    case 'minutes_differ':
      return w.t('letter.slq.minutesDiffer', {
        schoolMinutes: minutes(school?.minutes ?? 0),
        service,
        when,
        familyMinutes: minutes(family?.minutes ?? 0),
      });
    case 'reason_differs':
      return w.t('letter.slq.reasonDiffers', {
        schoolReason: reasonWords(w, school?.reason ?? 'unknown'),
        service,
        when,
        familyReason: reasonWords(w, family?.reason ?? 'unknown'),
      });
  }
}

export function draftServiceLogQuestions(
  record: CaseRecord,
  options: ServiceLogQuestionsOptions,
  language?: DraftLanguage,
): Letter {
  writer.assertAvailable(record, 'service_log_questions');
  const differences = options.differences;
  if (differences.length === 0)
    throw new LetterRequestError('pick at least one difference to ask about', {
      rule: 'letter.noDifferences',
    });
  if (differences.length > SERVICE_LOG_QUESTIONS_MAX)
    throw new LetterRequestError(
      `pick at most ${SERVICE_LOG_QUESTIONS_MAX} differences for one letter: a shorter letter gets a clearer answer`,
      { rule: 'letter.tooManyDifferences', values: { max: SERVICE_LOG_QUESTIONS_MAX } },
    );
  const w = writer.writerFor(record, false, options, language);
  const thisYear = record.asOf.slice(0, 4);
  const services = [...new Set(differences.map((d) => d.serviceId))].map((id) => findService(record, id));
  for (const d of differences) for (const id of d.family?.entryIds ?? []) w.facts.push(id);

  // To the provider of the one service (the person who keeps the log), else the case manager.
  const provider = services.length === 1 ? providerFor(record.team, services[0]!) : null;
  const to: LetterRecipient[] = provider
    ? [writer.recipientOf(provider)]
    : services.length === 1
      ? [{ name: w.gap('role.provider'), email: null }]
      : [writer.recipientForRole(w, 'case_manager')];
  const cc = writer.caseManagerCopy(record, to);

  const paragraphs: string[] = [];
  for (const service of services) {
    const name = serviceWords(w, service);
    const groups = new Map<string, ServiceLogDifference[]>();
    for (const d of [...differences]
      .filter((x) => x.serviceId === service.id)
      .sort((a, b) => a.date.localeCompare(b.date))) {
      const k = groupKey(d);
      const list = groups.get(k);
      if (list) list.push(d);
      else groups.set(k, [d]);
    }
    for (const group of groups.values()) paragraphs.push(question(w, name, group, thisYear));
  }
  const serviceNames = services.map((s) => serviceWords(w, s));
  const names = w.language === 'en' ? andList(serviceNames) : w.list(serviceNames);
  const body = writer.letterBody(w, to, [
    w.t('letter.slq.opening', { child: w.child, names, count: paragraphs.length }),
    ...paragraphs,
    `${w.t('letter.slq.agree')} ${writer.replySentence(w)}`,
    w.t('letter.records.thanks'),
  ]);
  const subject = w.t('letter.slq.subject', { child: w.child, names });
  return writer.finish(w, 'service_log_questions', subject, to, cc, body);
}
