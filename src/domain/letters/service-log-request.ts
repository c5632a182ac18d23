// 6. A request for a service's logs.

import type { CaseRecord } from '../case-record.ts';
import { pin, pins } from '../legal-sources.ts';
import { bulletList } from '../letter-words.ts';
import { providerFor } from '../team-roles.ts';
import type { DraftLanguage } from './draft-language.ts';
import {
  closureLines,
  closureParagraph,
  deliverySentence,
  findService,
  missLines,
  pendingDates,
  planWordsForService,
  serviceWords,
} from './facts.ts';
import { LetterRequestError } from './request-error.ts';
import type { Letter, ReplyOption } from './writer.ts';
import * as writer from './writer.ts';

export type ServiceLogRequestOptions = { serviceId: string; from?: string; to?: string } & ReplyOption;

export function draftServiceLogRequest(
  record: CaseRecord,
  options: ServiceLogRequestOptions,
  language?: DraftLanguage,
): Letter {
  writer.assertAvailable(record, 'request_service_logs');
  const service = findService(record, options.serviceId);
  const w = writer.writerFor(record, false, options, language);
  const { child } = w;
  const from = options.from ?? service.ledger.from;
  const until = options.to ?? service.ledger.to;
  if (until < from)
    throw new LetterRequestError(`the date range ends before it starts: ${from}..${until}`, {
      rule: 'letter.rangeEndsBeforeStart',
      values: { from, to: until },
    });
  const provider = providerFor(record.team, service);
  const to = [provider ? writer.recipientOf(provider) : { name: w.gap('role.provider'), email: null }];
  const cc = writer.caseManagerCopy(record, to);

  const sameWindow = from === service.ledger.from && until === service.ledger.to;
  const misses = missLines(w, service, from, until);
  const closures = closureLines(w, service, from, until);
  // The logs will show what happened on the days the family noted a miss without knowing why.
  const unknown = pendingDates(w, service, from, until);
  const mine: string[] = [planWordsForService(w, service), w.t('letter.logs.mine')];
  if (sameWindow) mine.push(deliverySentence(w, service));
  const region = record.plan?.jurisdiction.region?.toUpperCase() ?? null;
  const rights = !w.isUnitedStates
    ? []
    : record.plan?.kind === '504'
      ? [w.t('letter.logs.rights504', { child, citation: pin('cfr-104-36') })]
      : region === 'IL'
        ? [w.t('letter.logs.rightsIllinois', { citation: pins('il-14-8-02f-d', 'il-226-310') })]
        : [w.t('letter.logs.rightsIdea', { child, citation: pin('cfr-300-613-a') })];
  const serviceName = serviceWords(w, service);
  const body = writer.letterBody(w, to, [
    w.t('letter.logs.ask', { child, service: serviceName, from: w.date(from), to: w.date(until) }),
    mine.join(' '),
    ...(misses.length > 0 ? [`${w.t('letter.concern.missedList')}\n${bulletList(misses)}`] : []),
    ...closureParagraph(w, closures),
    ...(unknown.length > 0
      ? [w.t('letter.logs.unknown', { count: unknown.length, dates: w.list(unknown) })]
      : []),
    ...rights,
    `${w.t('letter.logs.copy')} ${writer.replySentence(w, 'logsReady')}`,
    w.t('letter.records.thanks'),
  ]);
  const subject = w.t('letter.logs.subject', {
    child,
    service: serviceName,
    from: w.date(from),
    to: w.date(until),
  });
  return writer.finish(w, 'request_service_logs', subject, to, cc, body);
}
