import {
  previewRows,
  type ReadServiceLogOptions,
  readServiceLog,
  type ServiceLogMapping,
  type ServiceLogReading,
} from '../domain/service-log-read.ts';
import { placeRememberedMapping, type SchoolMapping } from '../domain/service-log-remembered.ts';
import { fileError } from './pdf-text.ts';
import { type PdfTextReader, readServiceLogFile, type ServiceLogFormat } from './service-log-file.ts';

// A school's service log from its bytes to what the parent is shown (issue 19): the file read into a
// grid, the school's remembered mapping placed on it, and its rows read for this child. Everything
// here is computed from what it is handed (no database), so the server runs it in the request for a
// small file and in the document reader's child process for a large one (src/importers/iep-worker.ts):
// reading a 50,000-row group log takes most of a second of one core, which no other family should
// wait for.

/** A file this size or smaller is read in the request (a few milliseconds); a larger one off it. */
export const SERVICE_LOG_IN_REQUEST_MAX_BYTES = 64 * 1024;

/**
 * This child's sessions one file may hold. A school year of daily sessions in five services is under
 * a thousand; a file with more is several years of logs (or not a log of sessions), and reconciling
 * and showing it would hold the server and the parent's phone for no purpose.
 */
export const SERVICE_LOG_MAX_CHILD_ROWS = 5_000;

/** What reading a log needs besides its bytes: all of it plain data, to cross to a child process. */
export type ServiceLogReadContext = {
  /** The child, the plan's services and the rest of the reader's options, without the mapping. */
  options: Omit<ReadServiceLogOptions, 'mapping'>;
  /** The mapping the parent confirmed or fixed, if any: it wins over a remembered one. */
  chosen: ServiceLogMapping | null;
  /** The school's remembered mappings, the latest first (none when the parent chose a mapping). */
  remembered: readonly SchoolMapping[];
};

export type ServiceLogUploadRead = {
  format: ServiceLogFormat;
  mediaType: string;
  sheet: string | null;
  /** What the file's reader left out and why (a PDF's unreadable pages). */
  fileNotes: string[];
  reading: ServiceLogReading;
  /** Whether a mapping remembered for the school was used. */
  remembered: boolean;
  /** The file's first rows as written, each said to be this child's, another student's or not read. */
  firstRows: ReturnType<typeof previewRows>;
};

/**
 * Reads a service log file for a child. Throws AppError on the field `file` for a file that cannot be
 * read (see readServiceLogFile) and for one with more of this child's rows than one file may hold.
 */
export async function readServiceLogUpload(
  bytes: Uint8Array,
  context: ServiceLogReadContext,
  readPdf?: PdfTextReader,
): Promise<ServiceLogUploadRead> {
  const file = await readServiceLogFile(bytes, readPdf ? { readPdf } : {});
  const remembered = context.chosen ? null : placeRememberedMapping(context.remembered, file.grid);
  const reading = readServiceLog(file.grid, {
    ...context.options,
    mapping: context.chosen ?? remembered,
  });
  if (reading.rows.length > SERVICE_LOG_MAX_CHILD_ROWS) {
    const max = SERVICE_LOG_MAX_CHILD_ROWS.toLocaleString('en-US');
    throw fileError(
      `This file has ${reading.rows.length.toLocaleString('en-US')} sessions for ${context.options.child.firstName}; As Written reads at most ${max} of one child’s sessions from one file (a school year of sessions is far fewer). Export a shorter stretch of dates, such as this school year, and bring that in. Nothing was saved.`,
    );
  }
  return {
    format: file.format,
    mediaType: file.mediaType,
    sheet: file.sheet,
    fileNotes: file.notes ?? [],
    reading,
    remembered: remembered != null,
    firstRows: previewRows(file.grid, reading),
  };
}
