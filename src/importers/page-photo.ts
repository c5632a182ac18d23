import sharp, { type OutputInfo } from 'sharp';
import { refusal } from '../domain/reader-refusals.ts';
import { fileError } from './pdf-text.ts';

// A photo of a page of the plan (a parent's phone picture of the paper copy, JPEG or PNG), made ready
// for OCR (src/importers/ocr.ts) by sharp: turned upright by its EXIF orientation (a phone stores the
// picture as its sensor saw it and only notes how to turn it), in grayscale, and at most PHOTO_MAX_SIDE
// pixels on its long side. It goes to Tesseract as a PGM, uncompressed, as pdftoppm's pages do.
//
// A photo says nothing of the page's size, so the page is taken to fill the picture: its long side is a
// Letter page's 11 inches. That gives the resolution Tesseract is told and the page's size in points,
// so the words land in the same coordinates, and the extractor's thresholds (relative to the line's
// size) read them, as a PDF's.

/**
 * The longest side OCR is given. A 12-megapixel phone photo of a Letter page is about 4,000 pixels
 * tall (360 DPI); 3,500 (about 320 DPI) reads as well and takes less time. A smaller photo is not
 * enlarged: that adds no detail.
 */
export const PHOTO_MAX_SIDE = 3500;
/**
 * The most pixels a photo may have before it is decoded: 100 megapixels, above any phone camera's
 * usual photo, as for every uploaded image (MAX_IMAGE_PIXELS in src/server/services/attachments.ts).
 */
export const PHOTO_MAX_PIXELS = 100_000_000;
/** The long side of the page a photo is taken to show, in inches (Letter: 8.5 x 11). */
const PAGE_LONG_SIDE_INCHES = 11;
/** Tesseract refuses a resolution under 70 DPI; a smaller photo is read as if at 70. */
const MIN_DPI = 70;

export type PagePhoto = {
  /** A binary PGM (P5) of the upright, gray page. */
  data: Buffer;
  width: number;
  height: number;
  /** The resolution the page is read at, from its size (the page fills the photo). */
  dpi: number;
  /** The page's size in PDF points at that resolution. */
  pageWidth: number;
  pageHeight: number;
};

const unreadable = () => fileError(refusal('photo.unreadable'));

const dpiOf = (width: number, height: number) =>
  Math.max(MIN_DPI, Math.round(Math.max(width, height) / PAGE_LONG_SIDE_INCHES));

/**
 * The photo upright, gray and at most PHOTO_MAX_SIDE on its long side, as a PGM for OCR. Throws
 * AppError (`validation_failed`, field `file`) for a photo that cannot be opened, or one over
 * PHOTO_MAX_PIXELS (refused from its header, before a pixel is decoded).
 */
export async function preparePagePhoto(photo: Uint8Array): Promise<PagePhoto> {
  let size: { width: number; height: number };
  try {
    size = (await sharp(photo, { failOn: 'error', limitInputPixels: false }).metadata()).autoOrient;
  } catch {
    throw unreadable();
  }
  if (size.width * size.height > PHOTO_MAX_PIXELS)
    throw fileError(
      refusal('photo.tooLarge', {
        width: size.width,
        height: size.height,
        megapixels: PHOTO_MAX_PIXELS / 1_000_000,
      }),
    );
  let pixels: { data: Buffer; info: OutputInfo };
  try {
    pixels = await sharp(photo, { failOn: 'error', limitInputPixels: PHOTO_MAX_PIXELS })
      .rotate()
      // A transparent PNG's background is paper.
      .flatten({ background: '#ffffff' })
      .grayscale()
      .resize(PHOTO_MAX_SIDE, PHOTO_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw unreadable();
  }
  const { data, info } = pixels;
  if (info.channels !== 1) throw unreadable();
  const header = Buffer.from(`P5\n${info.width} ${info.height}\n255\n`, 'latin1');
  const dpi = dpiOf(info.width, info.height);
  return {
    data: Buffer.concat([header, data]),
    width: info.width,
    height: info.height,
    dpi,
    pageWidth: Math.round((info.width * 72) / dpi),
    pageHeight: Math.round((info.height * 72) / dpi),
  };
}
