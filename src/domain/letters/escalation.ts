// 10. An escalation to the principal or the special-education director (in Canada also the
// superintendent or the school board).

import type { CaseRecord } from '../case-record.ts';
import { closureMissesToList, owedMissesToList } from '../case-record.ts';
import { VERBAL_KINDS } from '../communications.ts';
import {
  attachmentSentence,
  bulletList,
  capitalize,
  countOf,
  countWords,
  type LetterAttachment,
  listWords,
  lowerFirst,
  placeholder,
  possessive,
  quotePlan,
} from '../letter-words.ts';
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
} from './facts.ts';
import type { Letter, ReplyOption } from './writer.ts';
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
function moreInRecords(count: number, noun: string): string {
  if (count <= 0) return '';
  return `\n(${countOf(count, `more ${noun}`, `more ${noun}s`)} in my records.)`;
}

/**
 * "Escalate if repeated emails go unanswered, your child is being harmed, or there are clear legal
 * violations." A short letter: the plan's words and the totals for what is not in place, the earlier asks
 * with their dates and whether they were answered, and what the parent asks now; the details go in the
 * attached report. It asks for help, not for blame. A letter over the principal's head copies the
 * principal, so nobody is gone around.
 */
export function draftEscalation(record: CaseRecord, options: EscalationOptions): Letter {
  writer.assertAvailable(record, 'escalation');
  const w = writer.writerFor(record, false, options);
  const { child, planName } = w;
  const attachment = options.attachment ?? 'report_pdf';
  const to = [writer.recipientForRole(record, options.to)];
  // Above the principal, the principal is copied (the parent can change who is copied before sending).
  const principalCopy = options.to === 'principal' ? [] : [writer.recipientForRole(record, 'principal')];
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
  type Item = { text: string; facts: string[] };
  const items: Item[] = [];
  let window: { from: string; to: string } | null = null;
  for (const service of concerns.services) {
    const l = service.ledger;
    window ??= { from: l.from, to: l.to };
    const percent = percentOf(service);
    // Sessions lost to a closure are said apart from the missed ones, as every letter does.
    const owed = notMadeUpClause(service, (n) => `${n} minutes`);
    const words = service.sourceText
      ? ` lists ${quotePlan(service.sourceText)}`
      : ` includes ${lowerFirst(service.name)}`;
    items.push({
      text:
        `${capitalize(service.name)}: the ${planName}${words}. ${l.deliveredMinutes} of ${l.requiredMinutes} minutes ` +
        `${l.deliveredMinutes === 1 ? 'was' : 'were'} delivered${percent == null ? '' : ` (${percent}%)`}` +
        (owed ? `; ${owed}.` : '.'),
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
      text: `The ${planName} lists ${quotePlan(accommodation.text)}. It was ${lapseCount(summary)}.`,
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
  const attached = attachmentSentence(attachment);

  /** The letter naming the first `shown` items and the last `recent` asks; the rest are in the log. */
  const compose = (shown: number, recent: number): string =>
    writer.letterBody(w, to, [
      `I'm writing to ask for your help with ${possessive(child)} ${planName}. ` +
        (earlierNames.length > 0 ? `I have raised this with ${listWords(earlierNames)}, and ` : '') +
        "I'd like to find a way forward together.",
      items.length > 0
        ? `What the ${planName} says, and what happened${window ? ` from ${w.date(window.from)} to ${w.date(window.to)}` : ''}:\n` +
          `${bulletList(items.slice(0, shown).map((i) => i.text))}${moreInRecords(items.length - shown, 'item')}`
        : `What happened: ${placeholder('what happened, with dates')}`,
      ...(asks.length > 0
        ? [
            `What I asked, and when:\n${bulletList(asks.slice(asks.length - recent).map((i) => i.text))}` +
              moreInRecords(asks.length - recent, 'earlier message'),
          ]
        : []),
      ...(latestHarm
        ? [
            `How this is affecting ${child} (${w.date(latestHarm.date)}): ${latestHarm.text.trim()}` +
              (harm.length > 1 ? ` I noted this on ${countOf(harm.length, 'day')}.` : ''),
          ]
        : []),
      'What I ask now: could we meet to talk about how to get these supports in place' +
        (concerns.services.length > 0 ? ', and how the missed sessions will be made up? ' : '? ') +
        `I'm available ${placeholder('days and times that work for you')}. ${writer.replySentence(w)}`,
      ...(attached ? [attached] : []),
      'Thank you for your time.',
    ]);

  // Short enough to be read to the end: name fewer items and asks (the log has them all) until it fits.
  let shown = Math.min(ESCALATION_MAX_ITEMS, items.length);
  let recent = Math.min(ESCALATION_MAX_ITEMS, asks.length);
  let body = compose(shown, recent);
  while (countWords(body) > ESCALATION_MAX_WORDS && (shown > 1 || recent > 1)) {
    if (shown >= recent && shown > 1) shown--;
    else recent--;
    body = compose(shown, recent);
  }
  for (const item of [...items.slice(0, shown), ...asks.slice(asks.length - recent)])
    w.facts.push(...item.facts);
  const subject = `Asking for your help with ${possessive(child)} ${planName}`;
  return writer.finish(w, 'escalation', subject, to, cc, body, attachment);
}
