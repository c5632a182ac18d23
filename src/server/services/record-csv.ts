import type { Translator } from '../../domain/i18n/translate.ts';
import { type CsvJournalHead, toCsv } from '../../reports/csv.ts';
import { childNamesInHousehold } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import { journalHead } from '../../store/journal.repository.ts';
import {
  accommodationTextsInHousehold,
  childrenOfAccommodations,
} from '../../store/plan-content.repository.ts';
import { contactNamesInHousehold } from '../../store/team-contacts.repository.ts';
import { translatorFor } from '../i18n.ts';
import { communicationStatus } from './communication-status.ts';
import { listRecords } from './records.ts';
import { RESOURCES } from './resources.ts';

// The accommodation observations and the communication log as spreadsheets, for one child or the
// whole household (exports/observations.csv and exports/communications.csv; the session log is
// session-log-csv.ts), in the reader's language: the headers and the server's own words from the `csv`
// catalog part; coded values (outcome, kind, direction, reply state) stay codes in every language.

/** The journal's line at the end of a CSV file, in the reader's words (it starts with "#"). */
export function csvJournalWords(t: Translator['t']): (head: CsvJournalHead) => string {
  return (head) =>
    head.hash
      ? t('csv.journal.at', { entries: String(head.entries), hash: head.hash })
      : t('csv.journal.empty');
}

export async function observationLogCsv(
  store: Store,
  hid: string,
  childId: string | undefined,
  language = 'en',
): Promise<string> {
  const { t } = translatorFor(language);
  const head = await journalHead(store.db, hid);
  const accommodations = await accommodationTextsInHousehold(store.db, hid);
  const owner = await childrenOfAccommodations(store.db, hid);
  const rows = (await listRecords(store, hid, RESOURCES.accommodationObservation, {})).filter(
    (o) => !childId || owner.get(o.accommodationId as string) === childId,
  );
  return toCsv(
    rows,
    [
      { header: t('csv.col.date'), value: (o) => o.date as string },
      { header: t('csv.col.accommodation'), value: (o) => accommodations.get(o.accommodationId as string) },
      { header: t('csv.col.noSchoolConfirmed'), value: (o) => (o.nonSchoolDayConfirmed ? t('csv.yes') : '') },
      { header: t('csv.col.outcome'), value: (o) => o.outcome as string },
      { header: t('csv.col.class'), value: (o) => o.className as string | null },
      { header: t('csv.col.setting'), value: (o) => o.setting as string | null },
      { header: t('csv.col.teaching'), value: (o) => o.teacherKind as string },
      { header: t('csv.col.staff'), value: (o) => o.staffName as string | null },
      { header: t('csv.col.source'), value: (o) => o.source as string },
      { header: t('csv.col.note'), value: (o) => o.note as string | null },
      { header: t('csv.col.files'), value: (o) => (o.attachmentIds as string[]).length },
      { header: t('csv.col.voidedAt'), value: (o) => o.voidedAt as string | null },
      { header: t('csv.col.voidNote'), value: (o) => o.voidNote as string | null },
      { header: t('csv.col.observationId'), value: (o) => o.id },
    ],
    { journalHead: head, journalHeadWords: csvJournalWords(t) },
  );
}

/** The communication log with each message's reply state as of `today`. */
export async function communicationLogCsv(
  store: Store,
  hid: string,
  childId: string | undefined,
  today: string,
  language = 'en',
): Promise<string> {
  const { t } = translatorFor(language);
  const head = await journalHead(store.db, hid);
  const contacts = await contactNamesInHousehold(store.db, hid);
  const children = await childNamesInHousehold(store.db, hid);
  const rows = await listRecords(store, hid, RESOURCES.communication, { childId });
  const states = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.childId as string))) {
    const status = await communicationStatus(store, hid, id, today);
    for (const m of status.messages) states.set(m.id, m.reply.state);
  }
  return toCsv(
    rows,
    [
      { header: t('csv.col.date'), value: (c) => c.date as string },
      { header: t('csv.col.time'), value: (c) => c.time as string | null },
      { header: t('csv.col.child'), value: (c) => children.get(c.childId as string) },
      { header: t('csv.col.kind'), value: (c) => c.kind as string },
      { header: t('csv.col.direction'), value: (c) => c.direction as string },
      {
        header: t('csv.col.with'),
        value: (c) => (c.contactIds as string[]).map((id) => contacts.get(id) ?? id).join('; '),
      },
      { header: t('csv.col.others'), value: (c) => c.otherParties as string | null },
      { header: t('csv.col.subject'), value: (c) => c.subject as string | null },
      { header: t('csv.col.summary'), value: (c) => c.summary as string },
      { header: t('csv.col.decisions'), value: (c) => c.decisions as string | null },
      { header: t('csv.col.nextSteps'), value: (c) => c.nextSteps as string | null },
      // For a call or a meeting: whether the parent agreed to what was proposed (unknown when not asked).
      { header: t('csv.col.yourPosition'), value: (c) => c.parentPosition as string },
      { header: t('csv.col.replyExpectedBy'), value: (c) => c.replyExpectedBy as string | null },
      { header: t('csv.col.answerPromisedBy'), value: (c) => c.holdingUntil as string | null },
      { header: t('csv.col.reply'), value: (c) => (c.voidedAt ? t('csv.voided') : (states.get(c.id) ?? '')) },
      { header: t('csv.col.voidedAt'), value: (c) => c.voidedAt as string | null },
      { header: t('csv.col.voidNote'), value: (c) => c.voidNote as string | null },
      { header: t('csv.col.inReplyTo'), value: (c) => c.inReplyToId as string | null },
      { header: t('csv.col.messageId'), value: (c) => c.id },
    ],
    { journalHead: head, journalHeadWords: csvJournalWords(t) },
  );
}
