import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileError } from './pdf-text.ts';

// Pages of a PDF as PNG images, drawn by poppler's `pdftoppm` (Debian's poppler-utils): for the review
// screen (150 DPI, the page beside what was read from it) and for OCR (300 DPI, what Tesseract reads
// best). pdftoppm runs as a child process, never in this one, with a time limit and a cap on what it may
// print, so a PDF that makes it spin or crash costs a killed process, not the server. It writes into a
// fresh temporary folder, the images are read back and the folder is removed whatever happens.
//
// The PDF has already been opened by pdf-text.ts (a password-protected or damaged file is refused
// there); this only draws pages.

export const REVIEW_DPI = 150;
export const OCR_DPI = 300;
const DEFAULT_TIMEOUT_MS = 60_000;
/** pdftoppm prints only warnings; more than this is something wrong, and it is stopped. */
const MAX_OUTPUT_BYTES = 1024 * 1024;
const MIN_DPI = 36;
const MAX_DPI = 600;

export type PageImage = {
  /** The page's number in the PDF (1-based). */
  page: number;
  format: ImageFormat;
  /** The image file's bytes. */
  data: Buffer;
  /** Pixels, from the PNG's header. */
  width: number;
  height: number;
  dpi: number;
};

/**
 * PNG for the review screen; PGM/PPM (uncompressed) for OCR: a 300 DPI scan's grain makes PNG
 * compression forty times slower than the drawing itself, and Tesseract reads either.
 */
export type ImageFormat = 'png' | 'pnm';

export type RenderOptions = {
  format?: ImageFormat;
  /** Dots per inch: 150 for the review screen, 300 for OCR. */
  dpi?: number;
  /** First and last page to draw (1-based, inclusive); the whole file when left out. */
  first?: number;
  last?: number;
  /** Grayscale (the default): a third of the size, and all OCR needs. */
  gray?: boolean;
  /** Milliseconds for the whole range. */
  timeoutMs?: number;
  /** The program to run; a test points it at one that does not exist. */
  command?: string;
};

export const PDFTOPPM_MISSING =
  "Pages cannot be drawn as images on this server: poppler's pdftoppm is not installed. Install the Debian package poppler-utils (apt-get install poppler-utils).";

const seconds = (ms: number) =>
  ms >= 10_000 ? String(Math.round(ms / 1000)) : String(Math.round(ms / 100) / 10);

/** A child process's failure in words the parent (or the server's admin) can act on. */
export function toolFailure(
  error: unknown,
  what: { tool: string; missing: string; doing: string; timeoutMs: number },
): Error {
  const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; stderr?: string };
  if (e?.code === 'ENOENT') return fileError(what.missing);
  if (e?.killed || e?.signal === 'SIGTERM' || e?.signal === 'SIGKILL')
    return fileError(
      `${what.doing} took more than ${seconds(what.timeoutMs)} seconds, so ${what.tool} was stopped.`,
    );
  if (e?.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
    return fileError(`${what.doing} was stopped: ${what.tool} printed more than expected.`);
  const detail = typeof e?.stderr === 'string' ? e.stderr.trim().split('\n').slice(-1)[0] : '';
  return fileError(`${what.doing} failed${detail ? ` (${what.tool}: ${detail.slice(0, 200)})` : ''}.`);
}

/** Run a program with a time limit; resolves with its standard output. */
export function run(
  command: string,
  args: readonly string[],
  options: { timeoutMs: number; maxBuffer?: number; env?: NodeJS.ProcessEnv; input?: Buffer },
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      {
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: options.maxBuffer ?? MAX_OUTPUT_BYTES,
        encoding: 'utf8',
        windowsHide: true,
        ...(options.env ? { env: options.env } : {}),
      },
      (error, stdout, stderr) => {
        if (error) reject(Object.assign(error, { stderr }));
        else resolve({ stdout, stderr });
      },
    );
    if (options.input) {
      // A child that exits before reading all of its input closes the pipe: that is its error to report.
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(options.input);
    }
  });
}

/** Width and height from a PNG's IHDR chunk or a binary PNM's (P5, P6) header. */
export function imageSize(image: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (image.byteLength >= 24 && signature.every((b, i) => image[i] === b)) {
    const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  const head = Buffer.from(image.buffer, image.byteOffset, Math.min(image.byteLength, 64)).toString('latin1');
  const pnm = /^P[56]\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s/.exec(head);
  if (pnm) return { width: Number(pnm[1]), height: Number(pnm[2]) };
  throw fileError('A page image could not be read (neither PNG nor PNM).');
}

/**
 * Draw pages of a PDF as PNG images. Throws AppError (`validation_failed`, field `file`) when
 * pdftoppm is not installed (naming the package that installs it), fails, or takes too long.
 */
export async function renderPages(pdf: Uint8Array, options: RenderOptions = {}): Promise<PageImage[]> {
  const dpi = options.dpi ?? REVIEW_DPI;
  if (!Number.isFinite(dpi) || dpi < MIN_DPI || dpi > MAX_DPI)
    throw fileError(`Pages are drawn at ${MIN_DPI} to ${MAX_DPI} DPI, not ${dpi}.`);
  const first = options.first ?? 1;
  const last = options.last;
  if (
    !Number.isInteger(first) ||
    first < 1 ||
    (last !== undefined && (!Number.isInteger(last) || last < first))
  )
    throw fileError(`The pages to draw (${first} to ${last ?? 'the end'}) are not a range of pages.`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const command = options.command ?? 'pdftoppm';
  const dir = await mkdtemp(join(tmpdir(), 'as-written-pages-'));
  try {
    const input = join(dir, 'in.pdf');
    await writeFile(input, pdf);
    const args = ['-r', String(dpi), '-f', String(first)];
    if (last !== undefined) args.push('-l', String(last));
    const format = options.format ?? 'png';
    if (format === 'png') args.push('-png');
    if (options.gray ?? true) args.push('-gray');
    args.push(input, join(dir, 'page'));
    try {
      await run(command, args, { timeoutMs });
    } catch (error) {
      const pages =
        last === undefined
          ? `from page ${first}`
          : first === last
            ? `page ${first}`
            : `pages ${first} to ${last}`;
      throw toolFailure(error, {
        tool: 'pdftoppm',
        missing: PDFTOPPM_MISSING,
        doing: `Drawing ${pages} of this PDF as images`,
        timeoutMs,
      });
    }
    // pdftoppm names its files page-N.png (.pgm, .ppm), N padded to the width of the last page number.
    const images: PageImage[] = [];
    for (const name of (await readdir(dir)).sort()) {
      const m = /^page-(\d+)\.(png|pgm|ppm)$/.exec(name);
      if (!m) continue;
      const data = await readFile(join(dir, name));
      images.push({ page: Number(m[1]), format, data, ...imageSize(data), dpi });
    }
    return images.sort((a, b) => a.page - b.page);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether pdftoppm can be run here (`pdftoppm -v`). */
export async function pdftoppmAvailable(command = 'pdftoppm'): Promise<boolean> {
  try {
    await run(command, ['-v'], { timeoutMs: 10_000 });
    return true;
  } catch {
    return false;
  }
}

export const PDFINFO_MISSING =
  "The pages of this PDF cannot be counted on this server: poppler's pdfinfo is not installed. Install the Debian package poppler-utils (apt-get install poppler-utils).";

/**
 * How many pages a PDF has, by poppler's `pdfinfo` (the same package as pdftoppm), run as a child
 * process with a time limit and the file on its standard input: the page image route answers 404 for a
 * page past the last without drawing anything. Throws AppError (`validation_failed`, field `file`) when
 * pdfinfo is missing, cannot open the file (a password, damage) or takes too long.
 */
export async function pdfPageCount(
  pdf: Uint8Array,
  options: { timeoutMs?: number; command?: string } = {},
): Promise<number> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  let out: { stdout: string };
  try {
    out = await run(options.command ?? 'pdfinfo', ['-'], {
      timeoutMs,
      input: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength),
    });
  } catch (error) {
    throw toolFailure(error, {
      tool: 'pdfinfo',
      missing: PDFINFO_MISSING,
      doing: 'Counting the pages of this PDF',
      timeoutMs,
    });
  }
  const pages = /^Pages:\s+(\d+)\s*$/m.exec(out.stdout);
  if (!pages) throw fileError('The pages of this PDF could not be counted.');
  return Number(pages[1]);
}
