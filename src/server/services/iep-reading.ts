import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentText } from '../../domain/document-text.ts';
import { AppError, type MessageWords } from '../../domain/errors.ts';
import { IepDraft } from '../../domain/iep-draft.ts';
import { type Refusal, type RefusalKey, refusal } from '../../domain/reader-refusals.ts';
import type { ServiceLogReadContext, ServiceLogUploadRead } from '../../importers/service-log-upload.ts';

// Reading an IEP document off the request and off the server's own process: a child process per
// document (src/importers/iep-worker.ts) with a heap limit and a time limit, so a hostile or huge PDF
// can neither stall other families' requests nor exhaust the server's memory. What the child answers
// is parsed with the draft's schema before it is kept.

export type IepReadLimits = {
  /** The whole read, in milliseconds; the child is killed after it. */
  timeoutMs: number;
  /** The child's V8 heap, in megabytes. */
  maxHeapMb: number;
};

export const DEFAULT_IEP_READ_LIMITS: IepReadLimits = { timeoutMs: 120_000, maxHeapMb: 512 };

const WORKER = fileURLToPath(new URL('../../importers/iep-worker.ts', import.meta.url));
/**
 * tsx's loader by its full path: the worker is TypeScript, and `--import tsx` alone would be looked up
 * from the working directory, which is not the project's when the server is started from elsewhere.
 */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/**
 * pdf.js, loaded before tsx's loader so that tsx does not rewrite it (src/importers/pdfjs-preload.mjs):
 * the child starts in about half the time.
 */
const PDFJS_PRELOAD = new URL('../../importers/pdfjs-preload.mjs', import.meta.url).href;

/** Why a document could not be read, in words for the parent (the job records it; no retry helps). */
export class DocumentNotRead extends Error {
  /** The refusal's words (catalog part `reader`), to say it in the reader's language. */
  readonly words: MessageWords | undefined;
  constructor(said: string | Refusal, words?: MessageWords) {
    super(typeof said === 'string' ? said : said.message);
    this.words = typeof said === 'string' ? words : said.words;
  }
}

/**
 * What the child reads a document into: an IEP's draft, only its text (a printed service log), or a
 * school's service log read for a child (a large spreadsheet or CSV file, or a printout).
 */
type Reading = 'iep' | 'text' | 'service-log';

/** The refusals for a reading that took too long or too much memory, each saying what the parent can do instead. */
const TOO_SLOW: Record<Reading, RefusalKey> = {
  iep: 'child.tooSlow.iep',
  text: 'child.tooSlow.text',
  'service-log': 'child.tooSlow.log',
};
const TOO_LARGE: Record<Reading, RefusalKey> = {
  iep: 'child.memory.iep',
  text: 'child.memory.text',
  'service-log': 'child.memory.log',
};

/** A document read in a child process: what it answered, not yet checked. */
function readInChildProcess(
  bytes: Uint8Array,
  reading: Reading,
  limits: IepReadLimits,
  context?: ServiceLogReadContext,
) {
  return new Promise<unknown>((resolve, reject) => {
    const child = fork(WORKER, [], {
      execArgv: [
        '--import',
        PDFJS_PRELOAD,
        '--import',
        TSX_LOADER,
        `--max-old-space-size=${limits.maxHeapMb}`,
      ],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let settled = false;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(() =>
        reject(
          new DocumentNotRead(refusal(TOO_SLOW[reading], { seconds: Math.round(limits.timeoutMs / 1000) })),
        ),
      );
    }, limits.timeoutMs);
    child.on(
      'message',
      (answer: {
        ok: boolean;
        read?: unknown;
        forTheParent?: boolean;
        message?: string;
        words?: MessageWords;
      }) => {
        if (answer.ok) {
          finish(() => resolve(answer.read));
          return;
        }
        finish(() =>
          reject(
            answer.forTheParent
              ? new DocumentNotRead(answer.message ?? '', answer.words)
              : new Error(answer.message),
          ),
        );
      },
    );
    child.on('exit', (code, signal) => {
      finish(() => {
        const heap = /heap out of memory|Allocation failed/i.test(stderr);
        reject(
          heap
            ? new DocumentNotRead(refusal(TOO_LARGE[reading], { megabytes: limits.maxHeapMb }))
            : new Error(
                `the document reader stopped (${signal ?? `exit code ${code}`}): ${stderr.slice(0, 500)}`,
              ),
        );
      });
    });
    child.on('error', (error) => finish(() => reject(error)));
    child.send({ bytes, reading, context }, (error) => {
      if (error) finish(() => reject(error));
    });
  });
}

export async function readIepInChildProcess(
  bytes: Uint8Array,
  limits: IepReadLimits = DEFAULT_IEP_READ_LIMITS,
): Promise<IepDraft> {
  const draft = await readInChildProcess(bytes, 'iep', limits);
  const parsed = IepDraft.safeParse(draft);
  if (!parsed.success)
    throw new Error(`the reader's draft does not fit its schema: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/**
 * A PDF's text (pages of lines of cells, OCR for scanned pages) read in a child process, for a printed
 * service log. A refusal the parent can act on comes back as AppError on the field `file`.
 */
export async function readDocumentTextInChildProcess(
  bytes: Uint8Array,
  limits: IepReadLimits = DEFAULT_IEP_READ_LIMITS,
): Promise<DocumentText> {
  let text: unknown;
  try {
    text = await readInChildProcess(bytes, 'text', limits);
  } catch (error) {
    throw error instanceof DocumentNotRead ? notReadError(error) : error;
  }
  if (!text || typeof text !== 'object' || !Array.isArray((text as DocumentText).pages))
    throw new Error("the document reader answered something that is not a document's text");
  return text as DocumentText;
}

/**
 * A school's service log read for a child in a child process (its file, the school's remembered
 * mapping, its rows): a 50,000-row file takes most of a second of a core, which no one else waits for.
 * A refusal the parent can act on comes back as AppError on the field `file`.
 */
export async function readServiceLogInChildProcess(
  bytes: Uint8Array,
  context: ServiceLogReadContext,
  limits: IepReadLimits = DEFAULT_IEP_READ_LIMITS,
): Promise<ServiceLogUploadRead> {
  let read: unknown;
  try {
    read = await readInChildProcess(bytes, 'service-log', limits, context);
  } catch (error) {
    throw error instanceof DocumentNotRead ? notReadError(error) : error;
  }
  const answer = read as Partial<ServiceLogUploadRead> | null;
  if (!answer || typeof answer !== 'object' || !Array.isArray(answer.reading?.rows) || !answer.format)
    throw new Error("the document reader answered something that is not a service log's reading");
  return answer as ServiceLogUploadRead;
}

/** A reader failure as the API's error (a 400 naming `file`), for callers in a request. */
export function notReadError(error: DocumentNotRead): AppError {
  return new AppError(
    'validation_failed',
    error.message,
    [{ path: 'file', message: error.message }],
    error.words,
  );
}
