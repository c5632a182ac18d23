import { ACCEPTED_TYPES, sniffType } from '../domain/attachment-types.ts';
import type { DocumentText } from '../domain/document-text.ts';
import { AppError } from '../domain/errors.ts';
import type { IepDraft } from '../domain/iep-draft.ts';
import { extractIepDraft } from '../domain/iep-extract.ts';
import { refusal } from '../domain/reader-refusals.ts';
import { type DocxReadOptions, readDocxText } from './docx-text.ts';
import { detectTesseract, ocrPageImage, type Tesseract } from './ocr.ts';
import { OCR_DPI, PDFTOPPM_MISSING, renderPages } from './page-images.ts';
import { preparePagePhoto } from './page-photo.ts';
import { fileError, type PdfReadOptions, readPdfText } from './pdf-text.ts';

// An IEP or 504 plan document, whatever it is called: a PDF, a Word document or a photo of a page by
// its bytes (the same check as every upload, src/domain/attachment-types.ts), read into its text and
// then into the draft the parent reviews. The CLI (`as-written iep read`) calls this; the server calls
// it from a job.
//
// A PDF's pages without a text layer (a scanned IEP) are drawn at 300 DPI (pdftoppm) and read by OCR
// (Tesseract) when it is installed, one page at a time, within a page limit and a time limit for all
// of them; the pages it could not read stay listed as needing OCR, with the reason in the notes. A
// photo (JPEG or PNG) is one such page: made upright and gray (src/importers/page-photo.ts), then read
// the same way. Its text has the PDF's format: a page laid out in points, not a Word document's flow.

export type OcrSettings = {
  /** False: scanned pages are not read, only listed (the parent types them in). On by default. */
  enabled?: boolean;
  /** At most this many scanned pages are read by OCR (the rest are listed). */
  maxPages?: number;
  /** Milliseconds for all the OCR of a document (drawing and reading every page). */
  deadlineMs?: number;
  /** Page segmentation mode for Tesseract (src/importers/ocr.ts). */
  psm?: number;
  /** The programs to run; tests point them at ones that do not exist. */
  tesseract?: string;
  pdftoppm?: string;
};

export type IepReadOptions = { pdf?: PdfReadOptions; docx?: DocxReadOptions; ocr?: OcrSettings };

/**
 * A scanned page takes 2 to 4.5 seconds (drawing and OCR, one thread; a 20-page scan took 88 seconds on
 * a busy two-core machine). The server stops a whole reading at 120 seconds, so OCR stops at 100 and
 * the pages left are listed for the parent.
 */
export const OCR_MAX_PAGES = 40;
export const OCR_DEADLINE_MS = 100_000;

/**
 * The text of a PDF, a .docx or a photo of a page (JPEG, PNG). Throws AppError (`validation_failed`,
 * field `file`) for anything else.
 */
/** A kind of file by its name in ACCEPTED_TYPES ("xlsx"), as the refusal's select names it. */
const kindOf = (type: object): string =>
  Object.entries(ACCEPTED_TYPES).find(([, accepted]) => accepted === type)?.[0] ?? 'other';

export async function readDocumentText(
  bytes: Uint8Array,
  options: IepReadOptions = {},
): Promise<DocumentText> {
  if (bytes.byteLength === 0) throw fileError(refusal('file.empty'));
  const type = sniffType(bytes);
  if (type === ACCEPTED_TYPES.pdf) {
    const text = await readPdfText(bytes, options.pdf);
    return text.pagesWithoutText.length ? ocrScannedPages(bytes, text, options.ocr ?? {}) : text;
  }
  if (type === ACCEPTED_TYPES.docx) return readDocxText(bytes, options.docx);
  if (type === ACCEPTED_TYPES.jpeg || type === ACCEPTED_TYPES.png)
    return readPagePhoto(bytes, options.ocr ?? {});
  if (type === ACCEPTED_TYPES.doc) throw fileError(refusal('plan.oldWord'));
  throw fileError(
    type && typeof type === 'object'
      ? refusal('plan.notPlanFileKind', { kind: kindOf(type) })
      : refusal('plan.notPlanFile'),
  );
}

const pagesWord = (pages: readonly number[]) =>
  `${pages.length === 1 ? 'Page' : 'Pages'} ${pages.join(', ')}`;

/** The images OCR reads, a page at a time, and what such a page is called in the notes. */
type PageImages = {
  kind: 'scan' | 'photo';
  /** The page as an image (PNG or PNM) within `timeoutMs`. */
  draw: (
    page: number,
    timeoutMs: number,
  ) => Promise<{ data: Buffer; width: number; height: number; dpi: number }>;
};

/**
 * Read a PDF's scanned pages by OCR, in place: their lines are filled in, and they move from
 * `pagesWithoutText` to `pagesReadByOcr`. Never throws for a page: what could not be read stays
 * listed, with the reason in the notes.
 */
export function ocrScannedPages(
  pdf: Uint8Array,
  text: DocumentText,
  settings: OcrSettings,
  detect: (command?: string) => Promise<Tesseract> = detectTesseract,
): Promise<DocumentText> {
  return ocrPages(text, settings, detect, {
    kind: 'scan',
    draw: async (number, timeoutMs) => {
      // One page at a time: one 300 DPI image in memory, and a deadline checked between pages.
      const [image] = await renderPages(pdf, {
        dpi: OCR_DPI,
        format: 'pnm',
        first: number,
        last: number,
        timeoutMs,
        ...(settings.pdftoppm ? { command: settings.pdftoppm } : {}),
      });
      if (!image) throw fileError(refusal('plan.pageNotDrawn', { page: number }));
      return image;
    },
  });
}

/**
 * A photo of a page, read by OCR as a one-page document: page 1 is read (`pagesReadByOcr`), or, when
 * OCR cannot run, listed in `pagesWithoutText` with the reason. Throws AppError (`validation_failed`,
 * field `file`) only for a photo that cannot be opened or is too large.
 */
export async function readPagePhoto(
  photo: Uint8Array,
  settings: OcrSettings,
  detect: (command?: string) => Promise<Tesseract> = detectTesseract,
): Promise<DocumentText> {
  // Made ready first, OCR or not: a photo that cannot be opened is refused, as a damaged PDF is.
  const image = await preparePagePhoto(photo);
  const text: DocumentText = {
    format: 'pdf',
    pages: [{ number: 1, width: image.pageWidth, height: image.pageHeight, lines: [] }],
    pagesWithoutText: [1],
    unreadablePages: [],
    notes: [],
  };
  return ocrPages(text, settings, detect, { kind: 'photo', draw: async () => image });
}

async function ocrPages(
  text: DocumentText,
  settings: OcrSettings,
  detect: (command?: string) => Promise<Tesseract>,
  images: PageImages,
): Promise<DocumentText> {
  const scanned = [...text.pagesWithoutText];
  // pdf-text's note ("they need OCR, or type their contents in") is replaced by what happened.
  const notes = text.notes.filter((n) => !/no text to read \(a scan or a photo\)/.test(n));
  const isA = (pages: readonly number[]) =>
    `${pagesWord(pages)} ${pages.length === 1 ? `is a ${images.kind}` : `are ${images.kind}s`}`;
  const left = (pages: readonly number[], why: string) =>
    notes.push(
      `${isA(pages)} and could not be read: ${why} Type ${pages.length === 1 ? 'its' : 'their'} contents in, or read a copy with text.`,
    );
  if (settings.enabled === false) {
    left(scanned, 'reading scans (OCR) is turned off.');
    return { ...text, notes };
  }
  const engine = await detect(settings.tesseract);
  if (!engine.available) {
    left(scanned, engine.message);
    return { ...text, notes };
  }
  const maxPages = settings.maxPages ?? OCR_MAX_PAGES;
  const deadlineMs = settings.deadlineMs ?? OCR_DEADLINE_MS;
  const deadline = Date.now() + deadlineMs;
  const pages = text.pages.map((p) => ({ ...p }));
  const read: number[] = [];
  const blank: number[] = [];
  const failed: { page: number; why: string }[] = [];
  const confidences: number[] = [];
  let stopped: string | null = null;
  let lowWords = 0;
  for (const number of scanned) {
    if (read.length + blank.length >= maxPages) {
      stopped = `the reader reads at most ${maxPages} scanned page${maxPages === 1 ? '' : 's'} of a document.`;
      break;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 1000) {
      stopped = `reading scans took more than ${Math.round(deadlineMs / 1000)} seconds, so it was stopped.`;
      break;
    }
    const page = pages.find((p) => p.number === number);
    if (!page) continue;
    try {
      const image = await images.draw(number, remaining);
      const ocr = await ocrPageImage(
        image.data,
        // pdf.js gives the page's size as shown; pdftoppm draws it the same way (rotation applied).
        {
          pageWidth: page.width > 0 ? page.width : (image.width * 72) / image.dpi,
          imageWidth: image.width,
          dpi: image.dpi,
        },
        {
          languages: engine.languages,
          timeoutMs: Math.max(1000, deadline - Date.now()),
          command: engine.command,
          ...(settings.psm ? { psm: settings.psm } : {}),
        },
      );
      page.lines = ocr.lines;
      // Where its words are on the page as drawn (the review screen outlines them) undoes this turn.
      if (ocr.turned) page.turned = ocr.turned;
      if (page.width <= 0) {
        page.width = Math.round((image.width * 72) / image.dpi);
        page.height = Math.round((image.height * 72) / image.dpi);
      }
      if (ocr.lines.length === 0) blank.push(number);
      else read.push(number);
      if (ocr.meanConfidence !== null) confidences.push(ocr.meanConfidence);
      lowWords += ocr.lowConfidenceWords;
    } catch (error) {
      const why = error instanceof AppError ? error.message : 'OCR failed on it.';
      if (error instanceof AppError && error.message === PDFTOPPM_MISSING) {
        stopped = why;
        break;
      }
      failed.push({ page: number, why });
      if (/took more than/.test(why)) {
        stopped = why;
        break;
      }
    }
  }
  const done = new Set([...read, ...blank]);
  const notRead = scanned.filter((n) => !done.has(n));
  if (read.length) {
    const mean = Math.round(confidences.reduce((a, b) => a + b, 0) / Math.max(1, confidences.length));
    notes.push(
      `${isA(read)}, read by OCR (Tesseract ${engine.version}, ${engine.languages.join('+')}; mean confidence ${mean}%${lowWords ? `, ${lowWords} word${lowWords === 1 ? '' : 's'} unsure` : ''}): check what was read from ${read.length === 1 ? 'it' : 'them'} against the page.`,
    );
    if (engine.missingLanguages.length)
      notes.push(
        `Tesseract has no data for ${engine.missingLanguages.join(', ')} on this server, so ${engine.missingLanguages.includes('spa') ? 'Spanish words may be misread' : 'some words may be misread'}.`,
      );
  }
  if (blank.length)
    notes.push(`${pagesWord(blank)}: OCR found no text (a blank page, or a photo too faint to read).`);
  for (const f of failed.filter((f) => f.why !== stopped)) left([f.page], f.why);
  const stillLeft = notRead.filter((n) => !failed.some((f) => f.page === n && f.why !== stopped));
  if (stopped && stillLeft.length) left(stillLeft, stopped);
  return {
    ...text,
    pages,
    pagesWithoutText: notRead,
    pagesReadByOcr: [...read, ...blank].sort((a, b) => a - b),
    notes,
  };
}

/** The draft of the plan in a PDF or .docx. */
export async function readIepDocument(bytes: Uint8Array, options: IepReadOptions = {}): Promise<IepDraft> {
  return extractIepDraft(await readDocumentText(bytes, options));
}
