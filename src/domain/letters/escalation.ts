// 10. An escalation to the principal or the special-education director (in Canada also the
// superintendent or the school board).

import type { CaseRecord } from '../case-record.ts';
import { closureMissesToList, owedMissesToList } from '../case-record.ts';
import { VERBAL_KINDS } from '../communications.ts';
import { bulletList, capitalize, countWords, type LetterAttachment, quotePlan } from '../letter-words.ts';
import type { DraftLanguage } from './draft-language.ts';
import {
  byDate,
  contactLine,
  contactsSince,
  lapseCount,
  lapsesOf,
  noteDisagreement,
  notMadeUpClause,
  openConcerns,
  percentOf,
  serviceWords,
} from './facts.ts';
import type { Letter, ReplyOption, Writer } from './writer.ts';
import * as writer from './writer.ts';

export type EscalationOptions = ReplyOption & {
  /** The principal or director (US); in Canada also the superintendent or the school board. */
  to: 'principal' | 'director' | 'superintendent' | 'board';
  /** Focus on one service or accommodation; by default every open concern. */
  serviceId?: string;
  accommodationId?: string;
  /** What goes with it in the .eml; by default the implementation report, which holds the details. */
  attachment?: LetterAttachment;
};

/**
 * Product choice: an escalation stays short (about 250 words at most) so a busy director reads it to the
 * end: what the plan says, the totals, what was asked and when, and what the parent asks now. Every
 * date and session goes in the attached log instead.
 */
export const ESCALATION_MAX_WORDS = 250;

/** How many services, accommodations and earlier asks the letter names before it refers to the log. */
const ESCALATION_MAX_ITEMS = 3;

/**
 * "(2 more earlier messages in my records.)": what the letter leaves unnamed. It names no attachment, so it
 * stays true whatever the parent attaches (the attachment sentence says what that is).
 */
function moreInRecords(w: Writer, count: number, noun: 'item' | 'message'): string {
  if (count <= 0) return '';
  return `\n${w.t('letter.escalation.more', { noun, count, n: String(count) })}`;
}

type Item = { text: string; facts: string[] };

/**
 * The escalation's parts in the writer's language: its addressees, the items and asks it may name, and
 * `compose`, the body naming the first `shown` items and the last `recent` asks (the rest are in the log).
 */
function escalationParts(record: CaseRecord, options: EscalationOptions, w: Writer) {
  const { child, planName } = w;
  const attachment = options.attachment ?? 'report_pdf';
  const to = [writer.recipientForRole(w, options.to)];
  // Above the principal, the principal is copied (the parent can change who is copied before sending).
  const principalCopy = options.to === 'principal' ? [] : [writer.recipientForRole(w, 'principal')];
  const cc = [...principalCopy, ...writer.caseManagerCopy(record, [...to, ...principalCopy])];
  // Name only the people the record shows the family has already written to or talked with.
  const earlierNames = [
    ...new Set(
      record.communications
        .filter((c) => c.direction === 'sent' || VERBAL_KINDS.has(c.kind))
        .flatMap((c) => writer.contactsOf(record, c).map((r) => r.name))
        .filter((name) => !to.some((r) => r.name === name)),
    ),
  ];

  const concerns = openConcerns(record, options);
  // One item per service and accommodation: the plan's words and the totals, no dates (they are in the
  // attached log), minutes without the hours (shorter to read in a list). Each keeps the records it rests
  // on, so the paper trail holds only what the letter states.
  const items: Item[] = [];
  let window: { from: string; to: string } | null = null;
  for (const service of concerns.services) {
    const l = service.ledger;
    window ??= { from: l.from, to: l.to };
    const percent = percentOf(service);
    // Sessions lost to a closure are said apart from the missed ones, as every letter does.
    const owed = notMadeUpClause(w, service, (n) => w.t('letter.minutesShort', { count: n, n: String(n) }));
    items.push({
      text: w.t('letter.escalation.service', {
        service: capitalize(service.name),
        plan: planName,
        hasText: service.sourceText ? 'yes' : 'no',
        quoted: service.sourceText ? quotePlan(service.sourceText) : '',
        serviceName: serviceWords(w, service),
        delivered: String(l.deliveredMinutes),
        required: String(l.requiredMinutes),
        count: l.deliveredMinutes,
        percent: percent == null ? '' : w.t('letter.percent', { n: String(percent) }),
        hasOwed: owed ? 'yes' : 'no',
        owed: owed ?? '',
      }),
      facts: [
        service.id,
        ...[...owedMissesToList(service), ...closureMissesToList(service)].map((m) => m.entryId),
      ],
    });
  }
  for (const accommodation of concerns.accommodations) {
    const summary = lapsesOf(accommodation);
    for (const o of summary.lapses) noteDisagreement(w, o);
    items.push({
      text: w.t('letter.escalation.accommodation', {
        plan: planName,
        quoted: quotePlan(accommodation.text),
        count: lapseCount(w, summary),
      }),
      facts: [accommodation.id, ...summary.lapses.flatMap((o) => o.entryIds)],
    });
  }
  // What the parent asked and when: her own messages and the talks, the latest first to go unnamed.
  const asks: Item[] = contactsSince(record, record.plan?.effectiveFrom ?? null)
    .filter((c) => c.direction === 'sent' || VERBAL_KINDS.has(c.kind))
    .map((c) => {
      const before = w.facts.length;
      const text = contactLine(w, c);
      return { text, facts: w.facts.splice(before) };
    });
  const harm = byDate(record.parentNotes.filter((n) => n.kind === 'harm'));
  for (const note of harm) w.facts.push(note.id);
  const latestHarm = harm.at(-1);
  const attached = attachment === 'none' ? null : w.t('letter.attachment', { attachment });

  // The dates written so far; each composition writes its own after them (it may be composed again).
  const datesBefore = w.dates.length;
  const compose = (shown: number, recent: number): string => {
    w.dates.length = datesBefore;
    return writer.letterBody(w, to, [
      w.t('letter.escalation.opening', {
        child,
        plan: planName,
        raised: earlierNames.length > 0 ? 'yes' : 'no',
        names: w.list(earlierNames),
      }),
      items.length > 0
        ? `${w.t('letter.escalation.whatHappened', {
            plan: planName,
            hasWindow: window ? 'yes' : 'no',
            from: window ? w.date(window.from) : '',
            to: window ? w.date(window.to) : '',
          })}\n` +
          `${bulletList(items.slice(0, shown).map((i) => i.text))}${moreInRecords(w, items.length - shown, 'item')}`
        : w.t('letter.escalation.happenedGap', { gap: w.gap('whatHappened') }),
      ...(asks.length > 0
        ? [
            `${w.t('letter.escalation.asked')}\n${bulletList(asks.slice(asks.length - recent).map((i) => i.text))}` +
              moreInRecords(w, asks.length - recent, 'message'),
          ]
        : []),
      ...(latestHarm
        ? [
            w.t('letter.escalation.harm', {
              child,
              date: w.date(latestHarm.date),
              text: latestHarm.text.trim(),
              count: harm.length,
              n: String(harm.length),
            }),
          ]
        : []),
      `${w.t('letter.escalation.askNow', {
        missed: concerns.services.length > 0 ? 'yes' : 'no',
        available: w.gap('daysAndTimes'),
      })} ${writer.replySentence(w)}`,
      ...(attached ? [attached] : []),
      w.t('letter.escalation.thanks'),
    ]);
  };
  return { to, cc, attachment, items, asks, compose };
}

/**
 * "Escalate if repeated emails go unanswered, your child is being harmed, or there are clear legal
 * violations." A short letter: the plan's words and the totals for what is not in place, the earlier asks
 * with their dates and whether they were answered, and what the parent asks now; the details go in the
 * attached report. It asks for help, not for blame. A letter over the principal's head copies the
 * principal, so nobody is gone around.
 */
export function draftEscalation(
  record: CaseRecord,
  options: EscalationOptions,
  language?: DraftLanguage,
): Letter {
  writer.assertAvailable(record, 'escalation');
  // Short enough to be read to the end: name fewer items and asks (the log has them all) until the
  // English letter fits. A letter in another language names the same ones, so it states the same facts.
  const inEnglish = writer.writerFor(record, false, options);
  const english = escalationParts(record, options, inEnglish);
  let shown = Math.min(ESCALATION_MAX_ITEMS, english.items.length);
  let recent = Math.min(ESCALATION_MAX_ITEMS, english.asks.length);
  let body = english.compose(shown, recent);
  while (countWords(body) > ESCALATION_MAX_WORDS && (shown > 1 || recent > 1)) {
    if (shown >= recent && shown > 1) shown--;
    else recent--;
    body = english.compose(shown, recent);
  }
  const translated =
    language && language !== 'en' ? writer.writerFor(record, false, options, language) : null;
  const parts = translated ? escalationParts(record, options, translated) : null;
  const { to, cc, attachment, items, asks } = parts ?? english;
  if (parts) body = parts.compose(shown, recent);
  const out = translated ?? inEnglish;
  for (const item of [...items.slice(0, shown), ...asks.slice(asks.length - recent)])
    out.facts.push(...item.facts);
  const subject = out.t('letter.escalation.subject', { child: out.child, plan: out.planName });
  return writer.finish(out, 'escalation', subject, to, cc, body, attachment);
}
