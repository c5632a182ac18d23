import type { Kysely } from 'kysely';
import { currentSessionEntries } from '../../domain/corrections.ts';
import { toCsv } from '../../reports/csv.ts';
import { namesInHousehold } from '../../store/children.repository.ts';
import { journalHead } from '../../store/journal.repository.ts';
import type { Database } from '../../store/schema.ts';
import { translatorFor } from '../i18n.ts';
import { csvJournalWords } from './record-csv.ts';
import { listSessionEntries } from './session-entries.ts';
import { type CountedState, countedState, loadSessionOccurrences } from './session-occurrences.ts';

// The session log as a spreadsheet: every session entry of a household (or of one child), each marked by
// whether the ledger counts it. Served as exports/sessions.csv (in the reader's language), and attached
// to a letter's .eml when the parent chooses the session log as its attachment (in the letter's
// language). The headers and the server's own words come from the `csv` catalog part; coded values
// (kind, status, reason, source) stay codes, the same in every language, so a spreadsheet's filters and
// formulas work on a file in any language.

export async function sessionLogCsv(
  db: Kysely<Database>,
  hid: string,
  childId: string | undefined,
  language = 'en',
): Promise<string> {
  const { t } = translatorFor(language);
  // Read first: the file holds at least what the journal had then.
  const head = await journalHead(db, hid);
  const { services, children } = await namesInHousehold(db, hid);
  const entries = (await listSessionEntries(db, hid, { childId })).sort((a, b) =>
    a.date === b.date ? a.id.localeCompare(b.id) : a.date.localeCompare(b.date),
  );
  // Whether the ledger counts each entry: one entry per session however many sources logged it
  // (src/domain/occurrences.ts), and never one corrected or voided since.
  const counted = new Map<string, CountedState>();
  for (const child of new Set(entries.map((e) => e.childId))) {
    const loaded = await loadSessionOccurrences(db, hid, { childId: child });
    for (const row of loaded.current) counted.set(row.id, countedState(loaded, row.id));
  }
  // Every entry stays in the export (the trail), marked by whether it counts now: a corrected
  // entry and a void do not, nor a second entry about a session another source's entry counts for,
  // so a spreadsheet that sums minutes filters on "counts".
  const inForce = new Set(currentSessionEntries(entries).current.map((e) => e.id));
  const counts = (id: string) => inForce.has(id) && counted.get(id)?.counted === true;
  const whyNot = (id: string): string => {
    if (counts(id)) return '';
    const state = counted.get(id);
    if (!inForce.has(id)) return t('csv.whyNot.correctedOrVoided');
    if (!state || state.counted) return '';
    return 'replacedBySameSource' in state
      ? t('csv.whyNot.replacedBySameSource')
      : t('csv.whyNot.otherSourceCounts', { source: state.countsInstead });
  };
  return toCsv(
    entries,
    [
      { header: t('csv.col.date'), value: (e) => e.date },
      { header: t('csv.col.child'), value: (e) => children.get(e.childId) },
      { header: t('csv.col.service'), value: (e) => services.get(e.serviceId) },
      { header: t('csv.col.kind'), value: (e) => e.kind },
      { header: t('csv.col.status'), value: (e) => e.status },
      { header: t('csv.col.minutesDelivered'), value: (e) => e.minutesDelivered },
      { header: t('csv.col.minutesPlanned'), value: (e) => e.minutesPlanned },
      { header: t('csv.col.reason'), value: (e) => e.reason },
      { header: t('csv.col.reasonText'), value: (e) => e.reasonText },
      { header: t('csv.col.responsibility'), value: (e) => e.responsibility },
      { header: t('csv.col.startTime'), value: (e) => e.startTime },
      // Dated on a day the school calendar shows no school, and confirmed (src/domain/school-days.ts).
      { header: t('csv.col.noSchoolConfirmed'), value: (e) => (e.nonSchoolDayConfirmed ? t('csv.yes') : '') },
      { header: t('csv.col.source'), value: (e) => e.source },
      { header: t('csv.col.note'), value: (e) => e.note },
      { header: t('csv.col.correctsEntry'), value: (e) => e.correctsEntryId },
      { header: t('csv.col.correctedByEntry'), value: (e) => e.correctedByEntryId },
      { header: t('csv.col.counts'), value: (e) => (counts(e.id) ? t('csv.yes') : t('csv.no')) },
      { header: t('csv.col.whyNotCounted'), value: (e) => whyNot(e.id) },
      { header: t('csv.col.recordedAt'), value: (e) => e.recordedAt },
      { header: t('csv.col.entryId'), value: (e) => e.id },
    ],
    { journalHead: head, journalHeadWords: csvJournalWords(t) },
  );
}
