// The appeal to a school board in British Columbia (School Act s.11) and Alberta (Education Act s.42): a
import { contactsWithRole } from '../team-roles.ts';
// real appeal, not a request for help. It names the decision appealed, its date, who made it, what the
// parent asks the board to decide, and the board's own appeal procedure the parent follows (a board sets
// its procedure by bylaw or policy, and may ask that the decision be discussed with named people first).
// What the record cannot hold (the decision in the parent's words, the procedure's name) becomes a
// placeholder, so the letter cannot go out with a gap. Which plans may draft it: `boardAppealProvince`
// (src/domain/letters/kinds.ts).
//
// It is never the next step for a narrow appeal route: B.C.'s superintendent of appeals (School Act
// s.11.1) and Alberta's review by the Minister (Education Act s.43) hear only the decisions their lists
// name, and the notes say so.

import { type CaseRecord, type CaseService, owedMissesToList } from '../case-record.ts';
import { VERBAL_KINDS } from '../communications.ts';
import { pin } from '../legal-sources.ts';
import { bulletList, capitalize, quotePlan } from '../letter-words.ts';
import type { DraftLanguage } from './draft-language.ts';
import { serviceWords } from './facts.ts';
import { boardAppealProvince } from './kinds.ts';
import { LetterRequestError } from './request-error.ts';
import { finish, type Letter, type LetterRecipient, type Writer, writerFor } from './writer.ts';

export type BoardAppealOptions = {
  /** The decision appealed, in the parent's words ("not to make up the missed speech sessions"). */
  decision?: string;
  /** When the parent was told of it (or asked and got no decision). */
  decisionDate?: string;
  /** Who made it, name and role ("Alan Ortiz, principal"). */
  decidedBy?: string;
  /** What the parent asks the board to decide. */
  askBoardTo?: string;
  /** The service the decision is about, to quote the plan's words and the figures. */
  serviceId?: string;
};

function serviceParagraph(w: Writer, planName: string, service: CaseService) {
  const l = service.ledger;
  const words = service.sourceText
    ? w.t('letter.plan.lists', { child: w.child, plan: planName, quoted: quotePlan(service.sourceText) })
    : w.t('letter.plan.includes', { child: w.child, plan: planName, service: serviceWords(w, service) });
  const owed = owedMissesToList(service);
  return (
    `${capitalize(service.name)}: ${words} ` +
    w.t('letter.board.delivery', {
      from: w.date(l.from),
      to: w.date(l.to),
      delivered: w.minutes(l.deliveredMinutes),
      required: w.minutes(l.requiredMinutes),
    }) +
    (l.owedBalanceMinutes > 0
      ? w.t('letter.board.notMadeUp', { minutes: capitalize(w.minutes(l.owedBalanceMinutes)) })
      : '') +
    (owed.length > 0 ? w.t('letter.board.missed', { dates: w.list(owed.map((m) => w.date(m.date))) }) : '')
  );
}

/** The appeal letter. Throws RangeError for a plan outside B.C. and Alberta or an unknown service. */
export function draftBoardAppeal(
  record: CaseRecord,
  options: BoardAppealOptions = {},
  language?: DraftLanguage,
): Letter {
  const province = boardAppealProvince(record.plan);
  if (!province)
    throw new LetterRequestError('a board appeal is for a plan in British Columbia or Alberta', {
      rule: 'letter.boardAppealProvince',
    });
  // An appeal asks the Board to decide, on the Board's own timeline (B.C.: 45 days), not a reply by a
  // date: the writer gets no reply date.
  const w = writerFor(record, false, undefined, language);
  const { child, facts, notes } = w;
  const planName = province === 'AB' ? 'IPP' : 'IEP';
  const dateOf = w.date;

  const board = contactsWithRole(record.team, 'board')[0];
  const to: LetterRecipient[] = [
    board ? { name: board.name, email: board.email } : { name: w.gap('role.board'), email: null },
  ];
  const manager = contactsWithRole(record.team, 'superintendent')[0];
  const cc: LetterRecipient[] = manager ? [{ name: manager.name, email: manager.email }] : [];

  if (options.decisionDate && options.decisionDate > record.asOf)
    throw new LetterRequestError(
      `the decision date (${options.decisionDate}) is after the day the letter is written`,
      {
        rule: 'letter.decisionAfterLetter',
        values: { decisionDate: options.decisionDate },
      },
    );
  const service = options.serviceId ? record.services.find((s) => s.id === options.serviceId) : undefined;
  if (options.serviceId && !service)
    throw new LetterRequestError(`no service with id ${options.serviceId} in this record`, {
      rule: 'letter.serviceNotFound',
      values: { id: options.serviceId },
    });
  if (service) facts.push(service.id, ...owedMissesToList(service).map((m) => m.entryId));

  const decision = options.decision?.trim() || w.gap('decision');
  const decidedBy = options.decidedBy?.trim() || w.gap('decidedBy');
  const decidedOn = options.decisionDate ? dateOf(options.decisionDate) : w.gap('toldOn');
  const ask = options.askBoardTo?.trim() || w.gap('askBoard');
  const procedure = w.gap('procedure');

  const earlier = record.communications
    .filter((c) => c.direction === 'sent' || VERBAL_KINDS.has(c.kind))
    .filter((c) => !record.plan || c.date >= record.plan.effectiveFrom)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const c of earlier) facts.push(c.id);
  const contactLines = earlier.map((c) => {
    const who = c.contactIds
      .map((id) => record.team.find((t) => t.id === id)?.name)
      .filter((n): n is string => n != null);
    return w.t('letter.board.contact', {
      date: dateOf(c.date),
      kind: c.kind,
      who: who.length > 0 ? w.list(who) : w.t('letter.theSchool'),
      subject: c.subject ? `, ${quotePlan(c.subject)}` : '',
    });
  });

  const law = w.t('letter.board.law', {
    province,
    child,
    citation: province === 'BC' ? pin('bc-sa-11') : pin('ab-ea-42'),
  });
  const body = [
    w.t('letter.board.salutation'),
    law,
    w.t('letter.board.decision', { decision, decidedBy, date: decidedOn }),
    ...(service
      ? [`${w.t('letter.board.says', { child, plan: planName })}\n${serviceParagraph(w, planName, service)}`]
      : []),
    ...(contactLines.length > 0 ? [`${w.t('letter.board.done')}\n${bulletList(contactLines)}`] : []),
    w.t('letter.board.ask', { ask }),
    w.t('letter.board.procedure', { procedure, province, citation: pin('bc-sa-11') }),
    w.t('letter.board.closing', { name: w.parentName }),
  ].join('\n\n');
  const subject = w.t('letter.board.subject', {
    name: `${record.child.firstName}${record.child.lastName ? ` ${record.child.lastName}` : ''}`,
    school: record.child.school ?? w.gap('schoolName'),
  });

  notes.push(w.t('letter.board.noteProcedure', { province }), w.t('letter.board.noteNarrow', { province }));
  if (service && service.ledger.owedBalanceMinutes > 0) {
    notes.push(
      w.t('letter.board.noteAsk', {
        child,
        service: serviceWords(w, service),
        plan: planName,
        minutes: w.minutes(service.ledger.owedBalanceMinutes),
      }),
    );
  }
  // The service log shows the facts in detail.
  return finish(w, 'board_appeal', subject, to, cc, body, service ? 'sessions_csv' : 'none');
}
