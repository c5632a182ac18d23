// Module loading hooks (node:module's `register`) for pdf.js, registered by pdfjs-preload.mjs before
// pdf.js is first imported. Plain JavaScript: hooks run in Node's loader thread, before any TypeScript
// loader.
//
// 1. pdf.js's two files (the library and its worker) are read straight from the package, past any
//    other loader: tsx would otherwise rewrite their 5 MB with a source map (over a second of start-up
//    in the CLI) for files that need no compiling. Their source map comments are left out, so Node
//    never reads the maps either.
// 2. One method of the worker is patched, as it is loaded, because of what it costs the IEP reader.
//    pdf.js 5.5 (and 5.6) copies the text state at every saved graphics state ("q") and at every text
//    run with `Object.assign(Object.create(this), this)`: each copy takes the state it copies as its
//    prototype, so every text state becomes a prototype object, which V8 keeps in a slow form and
//    which turns every property access on a text state, in the whole text extraction, into a slow
//    lookup. The patched copy takes the same own fields onto TextState's own prototype
//    (`Object.create(Object.getPrototypeOf(this))`): the same fields, the same methods, no chain. (The
//    copy has every field of the state as its own, so the chain to the state it was copied from was
//    never read.) On the 20-page test IEP, pdf.js's text extraction takes about half the time.
//    The patch is applied only where the exact lines are found once (pdf.js 5.5.207 or 5.6.205);
//    otherwise the worker loads as published and reading is only slower. The patched worker says so
//    (`globalThis.pdfjsWorker.asWrittenPatches`), which a test checks.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The lines replaced in pdf.worker.mjs (TextState.prototype.clone), and what replaces them. */
const TEXT_STATE_CLONE = {
  from: '  clone() {\n    const clone = Object.assign(Object.create(this), this);\n    clone.textMatrix = this.textMatrix.slice();',
  to: '  clone() {\n    const clone = Object.assign(Object.create(Object.getPrototypeOf(this)), this);\n    clone.textMatrix = this.textMatrix.slice();',
};

/**
 * pdf.worker.mjs's source with the fast TextState clone, and a line that records it; the source as it
 * is when the lines to replace are not found exactly once.
 */
export function patchPdfWorker(source) {
  const at = source.indexOf(TEXT_STATE_CLONE.from);
  if (at < 0 || source.indexOf(TEXT_STATE_CLONE.from, at + 1) >= 0) return { source, patched: false };
  return {
    source: `${source.slice(0, at)}${TEXT_STATE_CLONE.to}${source.slice(at + TEXT_STATE_CLONE.from.length)}\nif (globalThis.pdfjsWorker) globalThis.pdfjsWorker.asWrittenPatches = ['TextState.clone'];\n`,
    patched: true,
  };
}

/** @type {{ lib: string, worker: string } | null} */
let urls = null;

/** Given by `register`: the file URLs of pdf.mjs and pdf.worker.mjs. */
export function initialize(data) {
  urls = data;
}

/**
 * The source without its last line's `//# sourceMappingURL=`: where source maps are on (tsx turns them
 * on), Node would read and parse pdf.js's maps (megabytes) the first time anything asks for an Error's
 * stack; pdf.js's own lines are what a stack needs to show here.
 */
const withoutSourceMap = (source) => source.replace(/\n\/\/# sourceMappingURL=[^\n]*\s*$/, '\n');

export async function load(url, context, nextLoad) {
  if (!urls || (url !== urls.lib && url !== urls.worker)) return nextLoad(url, context);
  const source = withoutSourceMap(await readFile(fileURLToPath(url), 'utf8'));
  return {
    format: 'module',
    source: url === urls.worker ? patchPdfWorker(source).source : source,
    shortCircuit: true,
  };
}
