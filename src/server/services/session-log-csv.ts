import type { Kysely } from 'kysely';
import { currentSessionEntries } from '../../domain/corrections.ts';
import { sessionSourceNoun } from '../../domain/occurrences.ts';
import { toCsv } from '../../reports/csv.ts';
import { namesInHousehold } from '../../store/children.repository.ts';
import { journalHead } from '../../store/journal.repository.ts';
import type { Database } from '../../store/schema.ts';
import { listSessionEntries } from './session-entries.ts';
import { countedWords, loadSessionOccurrences } from './session-occurrences.ts';

// The session log as a spreadsheet: every session entry of a household (or of one child), each marked by
// whether the ledger counts it. Served as exports/sessions.csv, and attached to a letter's .eml when the
// parent chooses the session log as its attachment.

export async function sessionLogCsv(
  db: Kysely<Database>,
  hid: string,
  childId: string | undefined,
): Promise<string> {
  // Read first: the file holds at least what the journal had then.
  const head = await journalHead(db, hid);
  const { services, children } = await namesInHousehold(db, hid);
  const entries = (await listSessionEntries(db, hid, { childId })).sort((a, b) =>
    a.date === b.date ? a.id.localeCompare(b.id) : a.date.localeCompare(b.date),
  );
  // Whether the ledger counts each entry: one entry per session however many sources logged it
  // (src/domain/occurrences.ts), and never one corrected or voided since.
  const counted = new Map<string, string>();
  for (const child of new Set(entries.map((e) => e.childId))) {
    const loaded = await loadSessionOccurrences(db, hid, { childId: child });
    for (const row of loaded.current)
      counted.set(
        row.id,
        countedWords(loaded, row.id, (source) => sessionSourceNoun(source, 'the child')),
      );
  }
  // Every entry stays in the export (the trail), marked by whether it counts now: a corrected
  // entry and a void do not, nor a second entry about a session another source's entry counts for,
  // so a spreadsheet that sums minutes filters on "counts".
  const inForce = new Set(currentSessionEntries(entries).current.map((e) => e.id));
  const counts = (id: string) => inForce.has(id) && counted.get(id) === 'counted';
  return toCsv(
    entries,
    [
      { header: 'date', value: (e) => e.date },
      { header: 'child', value: (e) => children.get(e.childId) },
      { header: 'service', value: (e) => services.get(e.serviceId) },
      { header: 'kind', value: (e) => e.kind },
      { header: 'status', value: (e) => e.status },
      { header: 'minutes delivered', value: (e) => e.minutesDelivered },
      { header: 'minutes planned', value: (e) => e.minutesPlanned },
      { header: 'reason', value: (e) => e.reason },
      { header: 'reason text', value: (e) => e.reasonText },
      { header: 'responsibility', value: (e) => e.responsibility },
      { header: 'start time', value: (e) => e.startTime },
      // Dated on a day the school calendar shows no school, and confirmed (src/domain/school-days.ts).
      { header: 'no school that day (confirmed)', value: (e) => (e.nonSchoolDayConfirmed ? 'yes' : '') },
      { header: 'source', value: (e) => e.source },
      { header: 'note', value: (e) => e.note },
      { header: 'corrects entry', value: (e) => e.correctsEntryId },
      { header: 'corrected by entry', value: (e) => e.correctedByEntryId },
      { header: 'counts', value: (e) => (counts(e.id) ? 'yes' : 'no') },
      {
        header: 'why not counted',
        value: (e) =>
          counts(e.id) ? '' : inForce.has(e.id) ? (counted.get(e.id) ?? '') : 'corrected or voided since',
      },
      { header: 'recorded at', value: (e) => e.recordedAt },
      { header: 'entry id', value: (e) => e.id },
    ],
    { journalHead: head },
  );
}
