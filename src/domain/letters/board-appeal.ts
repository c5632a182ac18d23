// The appeal to a school board in British Columbia (School Act s.11) and Alberta (Education Act s.42): a
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
import {
  bulletList,
  capitalize,
  contactsWithRole,
  formatMinutes,
  listWords,
  lowerFirst,
  placeholder,
  possessive,
  quotePlan,
  ROLE_PLACEHOLDERS,
} from '../letter-words.ts';
import { boardAppealProvince } from './kinds.ts';
import { finish, type Letter, type LetterRecipient, writerFor } from './writer.ts';

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

function serviceParagraph(
  child: string,
  planName: string,
  service: CaseService,
  dateOf: (d: string) => string,
) {
  const l = service.ledger;
  const words = service.sourceText
    ? `${possessive(child)} ${planName} lists ${quotePlan(service.sourceText)}.`
    : `${possessive(child)} ${planName} includes ${lowerFirst(service.name)}.`;
  const owed = owedMissesToList(service);
  return (
    `${capitalize(service.name)}: ${words} From ${dateOf(l.from)} to ${dateOf(l.to)}, ${formatMinutes(l.deliveredMinutes)} of the ` +
    `${formatMinutes(l.requiredMinutes)} required were delivered.` +
    (l.owedBalanceMinutes > 0
      ? ` ${capitalize(formatMinutes(l.owedBalanceMinutes))} have not been made up.`
      : '') +
    (owed.length > 0
      ? ` Sessions missed and not made up: ${listWords(owed.map((m) => dateOf(m.date)))}.`
      : '')
  );
}

/** The appeal letter. Throws RangeError for a plan outside B.C. and Alberta or an unknown service. */
export function draftBoardAppeal(record: CaseRecord, options: BoardAppealOptions = {}): Letter {
  const province = boardAppealProvince(record.plan);
  if (!province) throw new RangeError('a board appeal is for a plan in British Columbia or Alberta');
  // An appeal asks the Board to decide, on the Board's own timeline (B.C.: 45 days), not a reply by a
  // date: the writer gets no reply date.
  const w = writerFor(record);
  const { child, facts, notes } = w;
  const planName = province === 'AB' ? 'IPP' : 'IEP';
  const dateOf = w.date;

  const board = contactsWithRole(record.team, 'board')[0];
  const to: LetterRecipient[] = [
    board ? { name: board.name, email: board.email } : { name: ROLE_PLACEHOLDERS.board, email: null },
  ];
  const manager = contactsWithRole(record.team, 'superintendent')[0];
  const cc: LetterRecipient[] = manager ? [{ name: manager.name, email: manager.email }] : [];

  if (options.decisionDate && options.decisionDate > record.asOf)
    throw new RangeError(
      `the decision date (${options.decisionDate}) is after the day the letter is written`,
    );
  const service = options.serviceId ? record.services.find((s) => s.id === options.serviceId) : undefined;
  if (options.serviceId && !service)
    throw new RangeError(`no service with id ${options.serviceId} in this record`);
  if (service) facts.push(service.id, ...owedMissesToList(service).map((m) => m.entryId));

  const decision = options.decision?.trim() || placeholder('the decision you are appealing, in your words');
  const decidedBy = options.decidedBy?.trim() || placeholder('who made it: name and role');
  const decidedOn = options.decisionDate
    ? dateOf(options.decisionDate)
    : placeholder('the date you were told of it');
  const ask = options.askBoardTo?.trim() || placeholder('what you ask the Board to decide');
  const procedure = placeholder("the name or number of the Board's appeal bylaw or policy");

  const earlier = record.communications
    .filter((c) => c.direction === 'sent' || VERBAL_KINDS.has(c.kind))
    .filter((c) => !record.plan || c.date >= record.plan.effectiveFrom)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const c of earlier) facts.push(c.id);
  const contactLines = earlier.map((c) => {
    const who = c.contactIds
      .map((id) => record.team.find((t) => t.id === id)?.name)
      .filter((n): n is string => n != null);
    return `${dateOf(c.date)}: ${c.kind === 'phone' ? 'call' : c.kind === 'meeting' ? 'meeting' : 'message'} with ${who.length > 0 ? listWords(who) : 'the school'}${c.subject ? `, ${quotePlan(c.subject)}` : ''}`;
  });

  const law =
    province === 'BC'
      ? `I am appealing to the Board, under section 11 of the School Act (${pin('bc-sa-11')}), a decision that significantly affects ${possessive(child)} education. Under the Act, a decision includes not making one.`
      : `I am asking the Board to review, under section 42 of the Education Act (${pin('ab-ea-42')}), a decision that significantly affects ${possessive(child)} education.`;
  const body = [
    `Dear Members of the Board,`,
    law,
    `The decision: ${decision}\nMade by: ${decidedBy}\nDate: ${decidedOn}`,
    ...(service
      ? [
          `What ${possessive(child)} ${planName} says, and what happened:\n${serviceParagraph(child, planName, service, dateOf)}`,
        ]
      : []),
    ...(contactLines.length > 0 ? [`What I have done so far:\n${bulletList(contactLines)}`] : []),
    `What I ask the Board to decide: ${ask}`,
    `I am following the Board's appeal procedure (${procedure}) and have enclosed what it asks for. ` +
      (province === 'BC'
        ? `I understand the Board decides an appeal within 45 days of receiving it (${pin('bc-sa-11')}).`
        : 'Please let me know the next steps and when the Board will consider it.'),
    `Thank you for your time.\n\nSincerely,\n${w.parentName}`,
  ].join('\n\n');
  const subject = `Appeal to the Board: ${record.child.firstName}${record.child.lastName ? ` ${record.child.lastName}` : ''}, ${record.child.school ?? placeholder('school name')}`;

  notes.push(
    province === 'BC'
      ? "Get the Board's appeal bylaw (school districts publish it) and follow it: the Board may refuse to hear an appeal until you have discussed the decision with the people it names (School Act s.11). Appeal within a reasonable time of being told of the decision."
      : "Get the Board's policy on appeals and follow its steps (many boards ask you to go to the teacher, the principal, then the superintendent first). The Education Act sets no time limit; the policy may.",
    province === 'BC'
      ? 'A superintendent of appeals (School Act s.11.1) reviews only the kinds of decisions B.C. Reg. 24/2008 lists, such as expulsion or not providing an IEP: it is not the next step for services that were not delivered.'
      : 'A review by the Minister (Education Act s.43) covers only the kinds of decisions the section lists, such as an expulsion: it is not the next step for services that were not delivered.',
  );
  if (service && service.ledger.owedBalanceMinutes > 0) {
    notes.push(
      `What to ask the Board could be, for example: that ${possessive(child)} ${lowerFirst(service.name)} be delivered as the ${planName} states, and the ${formatMinutes(service.ledger.owedBalanceMinutes)} missed be made up on a schedule agreed in writing.`,
    );
  }
  // The service log shows the facts in detail.
  return finish(w, 'board_appeal', subject, to, cc, body, service ? 'sessions_csv' : 'none');
}
