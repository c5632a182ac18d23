// Types of pdfjs-hooks.mjs (plain JavaScript: Node's loader runs it before any TypeScript loader).

/** The places patched in pdf.worker.mjs: the lines found, what replaces them, a function they call. */
export const PDF_WORKER_PATCHES: readonly { name: string; from: string; to: string; define?: string }[];

/** pdf.worker.mjs's source with each patch whose lines are found exactly once, and which were applied. */
export function patchPdfWorker(source: string): { source: string; patched: boolean; applied: string[] };

/** Given by `register`: the file URLs of pdf.mjs and pdf.worker.mjs. */
export function initialize(data: { lib: string; worker: string }): void;

/** Node's `load` hook. */
export function load(
  url: string,
  context: unknown,
  nextLoad: (url: string, context: unknown) => Promise<unknown>,
): Promise<unknown>;
