// 6. A request for a service's logs.

import type { CaseRecord } from '../case-record.ts';
import { pin, pins } from '../legal-sources.ts';
import {
  bulletList,
  listWords,
  lowerFirst,
  possessive,
  providerFor,
  ROLE_PLACEHOLDERS,
} from '../letter-words.ts';
import {
  closureLines,
  closureParagraph,
  deliverySentence,
  findService,
  missLines,
  pendingDates,
  planWordsForService,
} from './facts.ts';
import type { Letter, ReplyOption } from './writer.ts';
import * as writer from './writer.ts';

export type ServiceLogRequestOptions = { serviceId: string; from?: string; to?: string } & ReplyOption;

export function draftServiceLogRequest(record: CaseRecord, options: ServiceLogRequestOptions): Letter {
  writer.assertAvailable(record, 'request_service_logs');
  const service = findService(record, options.serviceId);
  const w = writer.writerFor(record, false, options);
  const { child } = w;
  const from = options.from ?? service.ledger.from;
  const until = options.to ?? service.ledger.to;
  if (until < from) throw new RangeError(`the date range ends before it starts: ${from}..${until}`);
  const provider = providerFor(record.team, service);
  const to = [provider ? writer.recipientOf(provider) : { name: ROLE_PLACEHOLDERS.provider, email: null }];
  const cc = writer.caseManagerCopy(record, to);

  const sameWindow = from === service.ledger.from && until === service.ledger.to;
  const misses = missLines(w, service, from, until);
  const closures = closureLines(w, service, from, until);
  // The logs will show what happened on the days the family noted a miss without knowing why.
  const unknown = pendingDates(w, service, from, until);
  const mine: string[] = [
    planWordsForService(w, service),
    'I keep notes at home and would like to make sure mine match yours.',
  ];
  if (sameWindow) mine.push(deliverySentence(w, service));
  const region = record.plan?.jurisdiction.region?.toUpperCase() ?? null;
  const rights = !w.isUnitedStates
    ? []
    : record.plan?.kind === '504'
      ? [
          `These logs are part of ${possessive(child)} records, which parents may examine (${pin('cfr-104-36')}).`,
        ]
      : region === 'IL'
        ? [
            `Illinois makes logs of related services available to parents at any time on request (${pins('il-14-8-02f-d', 'il-226-310')}).`,
          ]
        : [
            `These logs are part of ${possessive(child)} education records, which parents may inspect and review (${pin('cfr-300-613-a')}).`,
          ];
  const body = writer.letterBody(w, to, [
    `Could you share the service logs for ${possessive(child)} ${lowerFirst(service.name)} from ${w.date(from)} to ${w.date(until)}: ` +
      'the date and minutes of each session, and any sessions missed or made up?',
    mine.join(' '),
    ...(misses.length > 0
      ? [`These are the sessions I have noted as missed and not yet made up:\n${bulletList(misses)}`]
      : []),
    ...closureParagraph(closures),
    ...(unknown.length > 0
      ? [
          `I have ${unknown.length === 1 ? 'a session' : 'sessions'} noted as not held with the reason not yet known (${listWords(unknown)}); the logs would help me understand what happened.`,
        ]
      : []),
    ...rights,
    `A copy by email is perfect. ${writer.replySentence(w, ', or let me know when the logs will be ready')}`,
    'Thank you for your help.',
  ]);
  const subject = `Service logs for ${possessive(child)} ${lowerFirst(service.name)}, ${w.date(from)} to ${w.date(until)}`;
  return writer.finish(w, 'request_service_logs', subject, to, cc, body);
}
