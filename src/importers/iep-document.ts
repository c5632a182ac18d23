import { ACCEPTED_TYPES, sniffType } from '../domain/attachment-types.ts';
import type { DocumentText } from '../domain/document-text.ts';
import type { IepDraft } from '../domain/iep-draft.ts';
import { extractIepDraft } from '../domain/iep-extract.ts';
import { type DocxReadOptions, readDocxText } from './docx-text.ts';
import { fileError, type PdfReadOptions, readPdfText } from './pdf-text.ts';

// An IEP or 504 plan document, whatever it is called: a PDF or a Word document by its bytes (the same
// check as every upload, src/domain/attachment-types.ts), read into its text and then into the draft
// the parent reviews. The CLI (`as-written iep read`) calls this; the server will call it from a job.

export type IepReadOptions = { pdf?: PdfReadOptions; docx?: DocxReadOptions };

/** The text of a PDF or .docx. Throws AppError (`validation_failed`, field `file`) for anything else. */
export async function readDocumentText(
  bytes: Uint8Array,
  options: IepReadOptions = {},
): Promise<DocumentText> {
  if (bytes.byteLength === 0) throw fileError('This file is empty (0 bytes).');
  const type = sniffType(bytes);
  if (type === ACCEPTED_TYPES.pdf) return readPdfText(bytes, options.pdf);
  if (type === ACCEPTED_TYPES.docx) return readDocxText(bytes, options.docx);
  if (type === ACCEPTED_TYPES.doc)
    throw fileError('This is an old Word document (.doc). Save it as .docx or as a PDF, then read that.');
  const what = type && typeof type === 'object' ? ` (it is ${type.label})` : '';
  throw fileError(
    `This file is not a PDF or a Word document (.docx)${what}, so it cannot be read as a plan.`,
  );
}

/** The draft of the plan in a PDF or .docx. */
export async function readIepDocument(bytes: Uint8Array, options: IepReadOptions = {}): Promise<IepDraft> {
  return extractIepDraft(await readDocumentText(bytes, options));
}
