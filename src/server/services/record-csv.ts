import { toCsv } from '../../reports/csv.ts';
import { childNamesInHousehold } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import { journalHead } from '../../store/journal.repository.ts';
import {
  accommodationTextsInHousehold,
  childrenOfAccommodations,
} from '../../store/plan-content.repository.ts';
import { contactNamesInHousehold } from '../../store/team-contacts.repository.ts';
import { communicationStatus } from './communication-status.ts';
import { listRecords } from './records.ts';
import { RESOURCES } from './resources.ts';

// The accommodation observations and the communication log as spreadsheets, for one child or the
// whole household (exports/observations.csv and exports/communications.csv; the session log is
// session-log-csv.ts).

export async function observationLogCsv(
  store: Store,
  hid: string,
  childId: string | undefined,
): Promise<string> {
  const head = await journalHead(store.db, hid);
  const accommodations = await accommodationTextsInHousehold(store.db, hid);
  const owner = await childrenOfAccommodations(store.db, hid);
  const rows = (await listRecords(store, hid, RESOURCES.accommodationObservation, {})).filter(
    (o) => !childId || owner.get(o.accommodationId as string) === childId,
  );
  return toCsv(
    rows,
    [
      { header: 'date', value: (o) => o.date as string },
      { header: 'accommodation', value: (o) => accommodations.get(o.accommodationId as string) },
      { header: 'no school that day (confirmed)', value: (o) => (o.nonSchoolDayConfirmed ? 'yes' : '') },
      { header: 'outcome', value: (o) => o.outcome as string },
      { header: 'class', value: (o) => o.className as string | null },
      { header: 'setting', value: (o) => o.setting as string | null },
      { header: 'teaching', value: (o) => o.teacherKind as string },
      { header: 'staff', value: (o) => o.staffName as string | null },
      { header: 'source', value: (o) => o.source as string },
      { header: 'note', value: (o) => o.note as string | null },
      { header: 'files', value: (o) => (o.attachmentIds as string[]).length },
      { header: 'voided at', value: (o) => o.voidedAt as string | null },
      { header: 'void note', value: (o) => o.voidNote as string | null },
      { header: 'observation id', value: (o) => o.id },
    ],
    { journalHead: head },
  );
}

/** The communication log with each message's reply state as of `today`. */
export async function communicationLogCsv(
  store: Store,
  hid: string,
  childId: string | undefined,
  today: string,
): Promise<string> {
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
      { header: 'date', value: (c) => c.date as string },
      { header: 'time', value: (c) => c.time as string | null },
      { header: 'child', value: (c) => children.get(c.childId as string) },
      { header: 'kind', value: (c) => c.kind as string },
      { header: 'direction', value: (c) => c.direction as string },
      {
        header: 'with',
        value: (c) => (c.contactIds as string[]).map((id) => contacts.get(id) ?? id).join('; '),
      },
      { header: 'others', value: (c) => c.otherParties as string | null },
      { header: 'subject', value: (c) => c.subject as string | null },
      { header: 'summary', value: (c) => c.summary as string },
      { header: 'decisions', value: (c) => c.decisions as string | null },
      { header: 'next steps', value: (c) => c.nextSteps as string | null },
      // For a call or a meeting: whether the parent agreed to what was proposed (unknown when not asked).
      { header: 'your position', value: (c) => c.parentPosition as string },
      { header: 'reply expected by', value: (c) => c.replyExpectedBy as string | null },
      { header: 'answer promised by', value: (c) => c.holdingUntil as string | null },
      { header: 'reply', value: (c) => (c.voidedAt ? 'voided' : (states.get(c.id) ?? '')) },
      { header: 'voided at', value: (c) => c.voidedAt as string | null },
      { header: 'void note', value: (c) => c.voidNote as string | null },
      { header: 'in reply to', value: (c) => c.inReplyToId as string | null },
      { header: 'message id', value: (c) => c.id },
    ],
    { journalHead: head },
  );
}
