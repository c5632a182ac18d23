import sharp from 'sharp';
import { apiError, apiWords } from '../../domain/api-errors.ts';
import { ACCEPTED_TYPES } from '../../domain/attachment-types.ts';
import { AppError } from '../../domain/errors.ts';
import { pdfPageCount, REVIEW_DPI, renderPages } from '../../importers/page-images.ts';
import { PHOTO_MAX_PIXELS } from '../../importers/page-photo.ts';
import { fileError } from '../../importers/pdf-text.ts';
import type { Store } from '../../store/database.ts';
import { iepDocumentBytes, requireIepDocument } from '../../store/iep-documents.repository.ts';

// A page of an IEP document brought in, as an image, for the review screen: the page beside what was
// read from it, with the item's words outlined (web/features/plan/IepPagePreview.tsx). The page is drawn
// by poppler's pdftoppm at 150 DPI in a child process with a time limit (src/importers/page-images.ts),
// so a PDF that makes it spin costs a killed process, never the server's event loop. A photo of a page
// is its one page, drawn upright as the reader read it (by sharp, off the event loop too). A Word
// document has no pages to draw. Nothing is written: the file stays as it was brought in.

/** A page takes well under a second; past this the PDF is doing something it should not. */
const PAGE_TIMEOUT_MS = 20_000;
/**
 * At most this many pages drawn at once by this server: a parent moving quickly through the review
 * asks for page after page, and each drawing is a process using a core (the server may have two).
 */
const AT_ONCE = 2;

let drawing = 0;
const waiting: (() => void)[] = [];

/** Run `work` when fewer than AT_ONCE drawings are running; a finished one hands its place to the next. */
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (drawing < AT_ONCE) drawing++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else drawing--;
  }
}

export type PageImageResult = { png: Buffer; width: number; height: number; page: number };

const PHOTO_TYPES: ReadonlySet<string> = new Set([
  ACCEPTED_TYPES.jpeg.mediaType,
  ACCEPTED_TYPES.png.mediaType,
]);
/** The reader takes a photo to show a Letter page, 11 inches on its long side: drawn at the review's DPI. */
const PHOTO_LONG_SIDE = 11 * REVIEW_DPI;

/**
 * Page `page` (1-based) of the household's IEP document `id`, as a PNG at 150 DPI in grayscale. 404 for
 * a document of another household, a Word document, or a page the PDF (or photo) does not have.
 */
export async function renderIepDocumentPage(
  store: Store,
  householdId: string,
  id: string,
  page: number,
): Promise<PageImageResult> {
  const row = await requireIepDocument(store.db, householdId, id);
  const photo = PHOTO_TYPES.has(row.media_type);
  if (row.media_type !== ACCEPTED_TYPES.pdf.mediaType && !photo)
    throw apiError('not_found', 'document.noPages', undefined, [
      { path: 'page', message: 'a Word document has no pages to show' },
    ]);
  if (photo && page > 1) throw pageMissing(page, 1);
  const bytes = await iepDocumentBytes(store.db, householdId, id);
  if (photo) return inTurn(() => photoPage(bytes));
  return inTurn(async () => {
    const pages = await pdfPageCount(bytes, { timeoutMs: PAGE_TIMEOUT_MS });
    if (page > pages) throw pageMissing(page, pages);
    const [image] = await renderPages(bytes, {
      dpi: REVIEW_DPI,
      first: page,
      last: page,
      timeoutMs: PAGE_TIMEOUT_MS,
    });
    if (!image) throw pageMissing(page, pages);
    return { png: image.data, width: image.width, height: image.height, page };
  });
}

/**
 * A photo of a page, as the reader read it (src/importers/page-photo.ts): turned upright by its EXIF
 * orientation, on white paper, in grayscale; 150 DPI of the page it is taken to show, never enlarged.
 */
async function photoPage(bytes: Buffer): Promise<PageImageResult> {
  try {
    const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: PHOTO_MAX_PIXELS })
      .rotate()
      .flatten({ background: '#ffffff' })
      .grayscale()
      .resize(PHOTO_LONG_SIDE, PHOTO_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height, page: 1 };
  } catch {
    throw fileError('This photo could not be opened (it may be damaged), so its page cannot be shown.');
  }
}

function pageMissing(page: number, pages: number): AppError {
  const { message, words } = apiWords('document.pageMissing', { pages, page: String(page) });
  return new AppError('not_found', message, [{ path: 'page', message }], words);
}
