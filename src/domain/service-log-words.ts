import type { MessageWords } from './errors.ts';
import en from './i18n/locales/en/servicelog.json' with { type: 'json' };
import { wordsFoundBack } from './i18n/words.ts';
import type { LogProblem } from './service-log-read.ts';

// Why a row of a school's service log was not read, and why a file cannot be taken, in the reader's
// language (issue 17). The log reader writes each row's reason in English (service-log-read.ts,
// service-log-values.ts: "a blank line", "“lots” is not a number of minutes"), and the import keeps
// them so; their words are keys of the catalog part `servicelog` (`servicelog.row.*`), which both the
// server (a refusal that quotes a reason) and the service log page (the preview's rows not read) say,
// found back here from the English. Server only: this file loads the English part (the web app
// reads the words the server gives). Pure: no I/O.

/** The keys whose English a row's reason is, the most specific first. */
const ROW_REASONS = [
  'servicelog.row.blank',
  'servicelog.row.headerAgain',
  'servicelog.row.page',
  'servicelog.row.total',
  'servicelog.row.otherStudent',
  'servicelog.row.groupHeading',
  'servicelog.row.noStudent',
  'servicelog.row.noDate',
  'servicelog.row.notSession',
  'servicelog.row.dateNoYear',
  'servicelog.row.notDate',
  'servicelog.row.notMinutes',
  'servicelog.row.tooManyMinutes',
  'servicelog.row.unknownStatus',
  'servicelog.row.noStatus',
  'servicelog.row.noService',
  'servicelog.row.serviceUnmatched',
] as const satisfies readonly (keyof typeof en)[];

/** The words of a row's reason, or null when it is none the catalog knows. */
export function rowReasonWords(reason: string): MessageWords | null {
  return wordsFoundBack(en, ROW_REASONS, reason);
}

/** A problem's words, with the words of the row's reason it quotes ("No session could be read …"). */
export function logProblemWords({ words }: Pick<LogProblem, 'words'>): MessageWords {
  const reason = words.values?.reason;
  if (typeof reason !== 'string' || words.values?.reasonWords !== undefined) return words;
  const found = rowReasonWords(reason);
  return found ? { ...words, values: { ...words.values, reasonWords: JSON.stringify(found) } } : words;
}

/**
 * The keys whose English a note of the reading is (service-log-read.ts: another student's rows, dates
 * to check) or of the PDF's reader (src/importers/pdf-text.ts: a page not read), the most specific
 * first ("Pages 2, 3" before "Page 2").
 */
const NOTES = [
  'servicelog.note.otherStudents',
  'servicelog.note.anotherStudentRows',
  'servicelog.note.anotherStudentRow',
  'servicelog.note.noStudent',
  'servicelog.note.datesMixed',
  'servicelog.note.monthFirst',
  'servicelog.note.pagesUnreadable',
  'servicelog.note.pageUnreadable',
  'servicelog.note.pagesNoText',
  'servicelog.note.pageNoText',
  'servicelog.note.pageCut',
  'servicelog.note.pageTurned',
] as const satisfies readonly (keyof typeof en)[];

/**
 * The words of a note on what was read (a preview's, or one kept with an import, found back from its
 * English), or null when it is none the catalog knows.
 */
export function logNoteWords(note: string): MessageWords | null {
  return wordsFoundBack(en, NOTES, note);
}
