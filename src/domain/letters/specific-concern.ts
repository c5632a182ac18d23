// 1. A specific concern about one accommodation or one service.

import type { CaseAccommodation, CaseRecord, CaseService } from '../case-record.ts';
import { bulletList, capitalize, quotePlan } from '../letter-words.ts';
import { providerFor, roleForMatching } from '../team-roles.ts';
import type { DraftLanguage } from './draft-language.ts';
import {
  closureLines,
  closureParagraph,
  deliverySentence,
  findAccommodation,
  findingQuestion,
  findingsAbout,
  findService,
  lapseCount,
  lapsesOf,
  missLines,
  noteDisagreement,
  observationWhen,
  occurrenceLine,
  occurrenceSources,
  outcomeIn,
  pendingDates,
  planWordsForService,
  serviceWords,
  shorten,
} from './facts.ts';
import type { Letter, ReplyOption, Writer } from './writer.ts';
import * as writer from './writer.ts';

export type SpecificConcernRequest = ({ accommodationId: string } | { serviceId: string }) & ReplyOption;

/**
 * The article's step 2: "I noticed that Emma didn't use her calculator during math, though it's listed
 * as an accommodation in her IEP. Could we touch base to make sure staff are aware of her supports?"
 */
export function draftSpecificConcern(
  record: CaseRecord,
  request: SpecificConcernRequest,
  language?: DraftLanguage,
): Letter {
  writer.assertAvailable(record, 'specific_concern');
  const w = writer.writerFor(record, false, request, language);
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
    classNames.some(
      (cls) => /teacher/iu.test(roleForMatching(c.role)) && c.role.toLowerCase().includes(cls.toLowerCase()),
    ),
  );
  const teacher = classTeacher ?? writer.roleHolder(record, 'teacher');
  const to = [teacher ? writer.recipientOf(teacher) : writer.recipientForRole(w, 'case_manager')];
  const cc = writer.caseManagerCopy(record, to);

  const quoted = quotePlan(accommodation.text);
  const plan = w.planName;
  let noticed: string;
  if (summary.lapses.length === 0) {
    noticed = w.t('letter.concern.noticedNone', { child, quoted, dates: w.gap('datesYouNoticed'), plan });
    w.notes.push(w.t('letter.concern.noDatesNote'));
  } else if (summary.lapses.length === 1) {
    const only = summary.lapses[0]!;
    w.facts.push(...only.entryIds);
    noteDisagreement(w, only);
    const source = occurrenceSources(w, only);
    noticed =
      w.t('letter.concern.noticedOnce', {
        child,
        quoted,
        outcome: outcomeIn(w, only.outcome),
        when: observationWhen(w, only),
        plan,
      }) + (source ? ` ${w.t('letter.concern.source', { source: capitalize(source) })}` : '');
  } else {
    const lines = summary.lapses.map((o) => occurrenceLine(w, o));
    noticed = `${w.t('letter.concern.noticedMany', { child, plan, quoted, count: lapseCount(w, summary) })}\n${bulletList(lines)}`;
  }

  const patterns = findingsAbout(record, accommodation.id).filter((f) => f.severity === 'concern');
  for (const finding of patterns) w.facts.push(...finding.entryIds);
  const patternQuestions = patterns.map((f) => findingQuestion(w, f, quoted));

  const body = writer.letterBody(w, to, [
    w.t('letter.concern.hope'),
    noticed,
    [
      w.t('letter.concern.touchBase', { child }),
      ...patternQuestions,
      w.t('letter.concern.problemSolve'),
    ].join(' '),
    writer.replySentence(w),
    w.t('letter.concern.thanks', { child }),
  ]);
  const subject = w.t('letter.concern.accommodationSubject', {
    child,
    text: shorten(accommodation.text, 60),
  });
  return writer.finish(w, 'specific_concern', subject, to, cc, body);
}

function serviceConcern(w: Writer, service: CaseService): Letter {
  const { record, child } = w;
  const provider = providerFor(record.team, service);
  const to = [provider ? writer.recipientOf(provider) : { name: w.gap('role.provider'), email: null }];
  const cc = writer.caseManagerCopy(record, to);
  // Only what is owed and not yet made up is "missed"; closures apart; a miss whose reason is not known
  // yet is a question, never the school's failure; an excused miss (absent, refused) is not raised.
  const misses = missLines(w, service);
  const closures = closureLines(w, service);
  const unknown = pendingDates(w, service);
  const owes = service.ledger.owedBalanceMinutes > 0 || misses.length > 0 || closures.length > 0;
  const body = writer.letterBody(w, to, [
    w.t('letter.concern.writingAbout', { child, service: serviceWords(w, service) }),
    `${planWordsForService(w, service)} ${deliverySentence(w, service)}`,
    ...(misses.length > 0 ? [`${w.t('letter.concern.missedList')}\n${bulletList(misses)}`] : []),
    ...closureParagraph(w, closures),
    ...(unknown.length > 0
      ? [w.t('letter.concern.unknown', { count: unknown.length, dates: w.list(unknown) })]
      : []),
    owes ? w.t('letter.concern.makeUp') : w.t('letter.concern.schedule'),
    writer.replySentence(w),
    w.t('letter.concern.thanks', { child }),
  ]);
  const subject = w.t('letter.concern.serviceSubject', {
    owes: owes ? 'yes' : 'no',
    child,
    service: serviceWords(w, service),
  });
  return writer.finish(w, 'specific_concern', subject, to, cc, body);
}
