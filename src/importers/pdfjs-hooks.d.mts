// Types of pdfjs-hooks.mjs (plain JavaScript: Node's loader runs it before any TypeScript loader).

/** pdf.worker.mjs's source with the fast TextState clone; as it is when the lines are not found once. */
export function patchPdfWorker(source: string): { source: string; patched: boolean };

/** Given by `register`: the file URLs of pdf.mjs and pdf.worker.mjs. */
export function initialize(data: { lib: string; worker: string }): void;

/** Node's `load` hook. */
export function load(
  url: string,
  context: unknown,
  nextLoad: (url: string, context: unknown) => Promise<unknown>,
): Promise<unknown>;
