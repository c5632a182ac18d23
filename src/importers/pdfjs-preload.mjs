// Loads pdf.js (the library and its worker) once per process, the way the IEP reader needs it; plain
// JavaScript, as it may run before tsx. Two callers:
//  - the IEP reader's child process loads it with `--import` (src/server/services/iep-reading.ts),
//    before tsx's loader: pdf.js is then not passed through tsx, which rewrites every module that has an
//    `import(` (pdf.js's 3 MB build) with a source map, and Node then reads that map when core-js asks
//    for an Error's stack at load: over a second of each child's start-up, for a file that needs no
//    compiling;
//  - pdf-text.ts's `loadPdfJs` imports it the first time a PDF is read anywhere else (the CLI, tests,
//    the bench); where the child process has preloaded it, that import finds it loaded.
//
// First the loading hooks of pdfjs-hooks.mjs are registered (node:module `register`): they read pdf.js's
// two files past any other loader, and patch places of the worker (the text state's copy, inflating
// content streams on the thread pool, a glyph's position, and what the text pass tells of a page's
// paths; see there). Where hooks cannot be registered, pdf.js loads as published.
//
// As in loadPdfJs's comment (src/importers/pdf-text.ts), the built-ins core-js replaces with slower
// ones on Node 20 (Array.prototype.push, JSON.stringify, JSON.parse) are put back once pdf.js has
// loaded.
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';

/**
 * A page's content stream inflated in this thread, at once, for the patched worker (pdfjs-hooks.mjs,
 * PDF_WORKER_PATCHES): zlib's answer for a FlateDecode stream ("deflate" is zlib's format), null for anything
 * else or for data zlib refuses (truncated, damaged), which pdf.js then reads with its own decoder as before.
 * pdf.js inflates each page's content stream twice (once for its text, once for its drawing), each time
 * from the same bytes of the file: the answer is kept by those bytes' place in the file's buffer, as long
 * as that buffer lives (pdf.js only reads what it is given, so one answer serves both).
 */
const inflated = new WeakMap();
globalThis.asWrittenInflate = (format, bytes) => {
  if (format !== 'deflate') return null;
  let kept = inflated.get(bytes.buffer);
  const where = `${bytes.byteOffset}:${bytes.byteLength}`;
  const known = kept?.get(where);
  if (known) return known;
  try {
    const out = inflateSync(bytes);
    const answer = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    if (!kept) {
      kept = new Map();
      inflated.set(bytes.buffer, kept);
    }
    kept.set(where, answer);
    return answer;
  } catch {
    return null;
  }
};

const require = createRequire(import.meta.url);
const lib = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
const worker = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
try {
  register(new URL('./pdfjs-hooks.mjs', import.meta.url), { data: { lib, worker } });
} catch {
  // No loader hooks here: pdf.js is read as published (slower on text with many saved states).
}

const natives = [
  [Array.prototype, 'push'],
  [JSON, 'stringify'],
  [JSON, 'parse'],
].map(([owner, name]) => [owner, name, Object.getOwnPropertyDescriptor(owner, name)]);
try {
  await import(lib);
  // pdf.js's worker runs in this process (its "fake worker"), found on globalThis.pdfjsWorker.
  await import(worker);
} finally {
  for (const [owner, name, descriptor] of natives)
    if (descriptor) Object.defineProperty(owner, name, descriptor);
}
