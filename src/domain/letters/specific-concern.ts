// 1. A specific concern about one accommodation or one service.

import type { CaseAccommodation, CaseRecord, CaseService } from '../case-record.ts';
import {
  bulletList,
  capitalize,
  listWords,
  lowerFirst,
  observationOutcomeWords,
  placeholder,
  possessive,
  providerFor,
  quotePlan,
  ROLE_PLACEHOLDERS,
} from '../letter-words.ts';
import {
  closureLines,
  closureParagraph,
  deliverySentence,
  findAccommodation,
  findingForLetter,
  findingsAbout,
  findService,
  lapseCount,
  lapsesOf,
  missLines,
  noteDisagreement,
  observationWhen,
  occurrenceLine,
  occurrenceSources,
  pendingDates,
  planWordsForService,
  shorten,
} from './facts.ts';
import type { Letter, ReplyOption, Writer } from './writer.ts';
import * as writer from './writer.ts';

export type SpecificConcernRequest = ({ accommodationId: string } | { serviceId: string }) & ReplyOption;

/**
 * The article's step 2: "I noticed that Emma didn't use her calculator during math, though it's listed
 * as an accommodation in her IEP. Could we touch base to make sure staff are aware of her supports?"
 */
export function draftSpecificConcern(record: CaseRecord, request: SpecificConcernRequest): Letter {
  writer.assertAvailable(record, 'specific_concern');
  const w = writer.writerFor(record, false, request);
  return 'serviceId' in request
    ? serviceConcern(w, findService(record, request.serviceId))
    : accommodationConcern(w, findAccommodation(record, request.accommodationId));
}

function accommodationConcern(w: Writer, accommodation: CaseAccommodation): Letter {
  const { record, child } = w;
  w.facts.push(accommodation.id);
  const summary = lapsesOf(accommodation);
  // The teacher of the class where it lapsed, when a role names the class ("Math teacher").
  const classNames = [...new Set(summary.lapses.map((o) => o.className).filter((c): c is string => !!c))];
  const classTeacher = record.team.find((c) =>
    classNames.some((cls) => /teacher/iu.test(c.role) && c.role.toLowerCase().includes(cls.toLowerCase())),
  );
  const teacher = classTeacher ?? writer.roleHolder(record, 'teacher');
  const to = [teacher ? writer.recipientOf(teacher) : writer.recipientForRole(record, 'case_manager')];
  const cc = writer.caseManagerCopy(record, to);

  const quoted = quotePlan(accommodation.text);
  let noticed: string;
  if (summary.lapses.length === 0) {
    noticed =
      `I noticed that ${child} did not have ${quoted} on ${placeholder('the dates you noticed')}, ` +
      `though it's listed as an accommodation in ${possessive(child)} ${w.planName}.`;
    w.notes.push(
      'No observation of this accommodation is recorded as not in place: add the dates you noticed.',
    );
  } else if (summary.lapses.length === 1) {
    const only = summary.lapses[0]!;
    w.facts.push(...only.entryIds);
    noteDisagreement(w, only);
    const source = occurrenceSources(w, only);
    noticed =
      `I noticed that ${possessive(child)} accommodation ${quoted} was ${observationOutcomeWords(only.outcome)} ` +
      `on ${observationWhen(w, only)}, though it's listed in ${possessive(child)} ${w.planName}.` +
      (source ? ` (${capitalize(source)}.)` : '');
  } else {
    const lines = summary.lapses.map((o) => occurrenceLine(w, o));
    noticed =
      `${possessive(child)} ${w.planName} lists ${quoted} as an accommodation. I noticed it was ` +
      `${lapseCount(summary)}:\n${bulletList(lines)}`;
  }

  const patterns = findingsAbout(record, accommodation.id).filter((f) => f.severity === 'concern');
  for (const finding of patterns) w.facts.push(...finding.entryIds);
  const patternQuestions = patterns.map((f) => findingForLetter(w, f.question));

  const body = writer.letterBody(w, to, [
    'I hope your week is going well.',
    noticed,
    [
      `Could we touch base to make sure staff are aware of ${possessive(child)} supports?`,
      ...patternQuestions,
      'If something makes this accommodation hard to offer, help me understand, and we can problem-solve together.',
    ].join(' '),
    writer.replySentence(w),
    `Thank you for all you do for ${child}.`,
  ]);
  const subject = `${possessive(child)} accommodation: ${shorten(accommodation.text, 60)}`;
  return writer.finish(w, 'specific_concern', subject, to, cc, body);
}

function serviceConcern(w: Writer, service: CaseService): Letter {
  const { record, child } = w;
  const provider = providerFor(record.team, service);
  const to = [provider ? writer.recipientOf(provider) : { name: ROLE_PLACEHOLDERS.provider, email: null }];
  const cc = writer.caseManagerCopy(record, to);
  // Only what is owed and not yet made up is "missed"; closures apart; a miss whose reason is not known
  // yet is a question, never the school's failure; an excused miss (absent, refused) is not raised.
  const misses = missLines(w, service);
  const closures = closureLines(w, service);
  const unknown = pendingDates(w, service);
  const owes = service.ledger.owedBalanceMinutes > 0 || misses.length > 0 || closures.length > 0;
  const body = writer.letterBody(w, to, [
    `I hope your week is going well. I'm writing about ${possessive(child)} ${lowerFirst(service.name)}.`,
    `${planWordsForService(w, service)} ${deliverySentence(w, service)}`,
    ...(misses.length > 0
      ? [`These are the sessions I have noted as missed and not yet made up:\n${bulletList(misses)}`]
      : []),
    ...closureParagraph(closures),
    ...(unknown.length > 0
      ? [
          `I also have ${unknown.length === 1 ? 'a session' : 'sessions'} noted as not held, with the reason not yet known: ${listWords(unknown)}. ` +
            `Could you tell me what happened${unknown.length === 1 ? ' that day' : ' on those days'}?`,
        ]
      : []),
    owes
      ? `Could we find times to make up the missed sessions? Help me understand how the schedule looks for the rest of the term, ` +
        `and whether there is anything I can do to help. Can we problem-solve together?`
      : `Help me understand how the schedule looks for the rest of the term, and whether there is anything I can do to help.`,
    writer.replySentence(w),
    `Thank you for all you do for ${child}.`,
  ]);
  const subject = owes
    ? `${possessive(child)} ${lowerFirst(service.name)}: making up missed sessions`
    : `${possessive(child)} ${lowerFirst(service.name)}`;
  return writer.finish(w, 'specific_concern', subject, to, cc, body);
}
