// Module loading hooks (node:module's `register`) for pdf.js, registered by pdfjs-preload.mjs before
// pdf.js is first imported. Plain JavaScript: hooks run in Node's loader thread, before any TypeScript
// loader.
//
// 1. pdf.js's two files (the library and its worker) are read straight from the package, past any
//    other loader: tsx would otherwise rewrite their 5 MB with a source map (over a second of start-up
//    in the CLI) for files that need no compiling. Their source map comments are left out, so Node
//    never reads the maps either.
// 2. Places in the worker are patched, as it is loaded, because of what they cost the IEP reader (all
//    listed at PDF_WORKER_PATCHES below: three make the text pass faster, two let it tell which pages need
//    no drawing pass). The first, TextState.clone:
//    pdf.js 5.5 (and 5.6) copies the text state at every saved graphics state ("q") and at every text
//    run with `Object.assign(Object.create(this), this)`: each copy takes the state it copies as its
//    prototype, so every text state becomes a prototype object, which V8 keeps in a slow form and
//    which turns every property access on a text state, in the whole text extraction, into a slow
//    lookup. The patched copy takes the same own fields onto TextState's own prototype
//    (`Object.create(Object.getPrototypeOf(this))`): the same fields, the same methods, no chain. (The
//    copy has every field of the state as its own, so the chain to the state it was copied from was
//    never read.) On the 20-page test IEP, pdf.js's text extraction takes about half the time.
//    The patches change how fast pdf.js reads, never what it reads: the text of every test PDF is the
//    same with and without them (checked byte for byte when they were written).
//    Each patch is applied only where its exact lines are found once (pdf.js 5.5.207 or 5.6.205);
//    otherwise the worker loads as published and reading is only slower. The patched worker says which
//    (`globalThis.pdfjsWorker.asWrittenPatches`), which a test checks.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * The lines replaced in pdf.worker.mjs, each with what replaces it and a name:
 * - TextState.clone: the fast copy described above;
 * - inflate: pdf.js 5 inflates each page's content stream (twice a page: for its text and for its
 *   drawing) through a DecompressionStream, which runs zlib on Node's thread pool and hands the bytes back
 *   a turn of the event loop later; on the 20-page test IEP this thread sat idle for a fifth of the
 *   reading. The patched worker first asks `globalThis.asWrittenInflate` (set by pdfjs-preload.mjs:
 *   Node's zlib, in this thread, at once) and goes on as published when it answers null (no such
 *   function, another format, or data zlib refuses: pdf.js's own tolerant decoder then reads it, as
 *   before). With it, the 20-page test IEP's text took 70 ms instead of 93;
 * - getCurrentTextTransform: the position of each glyph, asked twice a glyph, multiplies three matrices
 *   through Util.transform (see `define` below); with a copy of its own, 48 ms instead of 70.
 * - pathProbe and pathProbeForm: the text pass tells src/importers/pdf-path-probe.ts each path it reads
 *   and when a content stream was read to its end, so that the reader skips the drawing pass (pdf.js's
 *   operator list, read only for drawn check boxes) on pages that cannot hold one: on the 20-page test IEP,
 *   whose pages hold tables and rules but no box, the drawing pass was a third of pdf.js's time.
 * A patch may `define` a function its new lines call, declared at the end of the module.
 */
export const PDF_WORKER_PATCHES = [
  {
    name: 'TextState.clone',
    from: '  clone() {\n    const clone = Object.assign(Object.create(this), this);\n    clone.textMatrix = this.textMatrix.slice();',
    to: '  clone() {\n    const clone = Object.assign(Object.create(Object.getPrototypeOf(this)), this);\n    clone.textMatrix = this.textMatrix.slice();',
  },
  {
    name: 'inflate',
    from: '  async asyncGetBytesFromDecompressionStream(name) {\n    this.stream.reset();\n    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();\n',
    to: '  async asyncGetBytesFromDecompressionStream(name) {\n    this.stream.reset();\n    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();\n    const inflated = globalThis.asWrittenInflate?.(name, bytes);\n    if (inflated) return { decompressed: inflated, compressed: bytes };\n',
  },
  {
    name: 'getCurrentTextTransform',
    from: '      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));\n',
    to: '      return asWrittenTransform(textState.ctm, asWrittenTransform(textState.textMatrix, tsm));\n',
    // Util.transform's very expressions, in the same order (so the same numbers to the last bit), in a
    // function of its own: Util.transform is called from all over pdf.js with arrays of every kind, and V8
    // reads its arguments slowly; called only here, twice for each glyph, this one stays fast.
    define:
      'function asWrittenTransform(m1, m2) {\n  return [m1[0] * m2[0] + m1[2] * m2[1], m1[1] * m2[0] + m1[3] * m2[1], m1[0] * m2[2] + m1[2] * m2[3], m1[1] * m2[2] + m1[3] * m2[3], m1[0] * m2[4] + m1[2] * m2[5] + m1[4], m1[1] * m2[4] + m1[3] * m2[5] + m1[5]];\n}\n',
  },
  {
    name: 'pathProbe',
    // The text pass hands each path operator (moveTo 13 to endPath 28) and the current transform to
    // `globalThis.asWrittenPathProbe` (src/importers/pdf-path-probe.ts), and says when a content stream
    // was read to its end; nothing of what the text pass does changes.
    from: '        if (!preprocessor.read(operation)) {\n          break;\n        }\n        textState = stateManager.state;\n        currentTextState ||= textState.clone();\n        const fn = operation.fn;\n        args = operation.args;\n',
    to: '        if (!preprocessor.read(operation)) {\n          globalThis.asWrittenPathProbe?.ended(self.handler, self.pageIndex, prevRefs !== null);\n          break;\n        }\n        textState = stateManager.state;\n        currentTextState ||= textState.clone();\n        const fn = operation.fn;\n        args = operation.args;\n        if (fn >= 13 && fn <= 28) globalThis.asWrittenPathProbe?.path(self.handler, self.pageIndex, fn, args, stateManager.state.ctm);\n',
  },
  {
    name: 'pathProbeForm',
    // A form XObject's text pass begins (its end is said by pathProbe's lines, run for the form too):
    // a form whose reading stopped on an error never ends, and the page's paths are then not known whole.
    from: '              const currentState = stateManager.state.clone();\n              const xObjStateManager = new StateManager(currentState);\n',
    to: '              globalThis.asWrittenPathProbe?.formStarted(self.handler, self.pageIndex);\n              const currentState = stateManager.state.clone();\n              const xObjStateManager = new StateManager(currentState);\n',
  },
];

/**
 * pdf.worker.mjs's source with each patch whose lines are found exactly once, and a last line that records
 * which (`globalThis.pdfjsWorker.asWrittenPatches`); the source as it is when none is found.
 */
export function patchPdfWorker(source) {
  let patched = source;
  const applied = [];
  for (const patch of PDF_WORKER_PATCHES) {
    const at = patched.indexOf(patch.from);
    if (at < 0 || patched.indexOf(patch.from, at + 1) >= 0) continue;
    patched = `${patched.slice(0, at)}${patch.to}${patched.slice(at + patch.from.length)}`;
    // A function the new lines call, declared at the end of the module (declarations are hoisted).
    if (patch.define) patched += `\n${patch.define}`;
    applied.push(patch.name);
  }
  if (applied.length === 0) return { source, patched: false, applied };
  return {
    source: `${patched}\nif (globalThis.pdfjsWorker) globalThis.pdfjsWorker.asWrittenPatches = ${JSON.stringify(applied)};\n`,
    patched: true,
    applied,
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
