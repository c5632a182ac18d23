// Loaded with `--import` by the IEP reader's child process (src/server/services/iep-reading.ts), before
// tsx's loader: pdf.js, loaded here, is then not passed through tsx, which rewrites every module that
// has an `import(` (pdf.js's 3 MB build) with a source map, and Node then reads that map when core-js
// asks for an Error's stack at load: over a second of each child's start-up, for a file that needs
// no compiling. pdf-text.ts's `loadPdfJs` then finds these modules already loaded. Plain JavaScript,
// as it runs before tsx.
//
// As in loadPdfJs (src/importers/pdf-text.ts), the built-ins core-js replaces with slower ones on
// Node 20 (Array.prototype.push, JSON.stringify, JSON.parse) are put back once pdf.js has loaded.
const natives = [
  [Array.prototype, 'push'],
  [JSON, 'stringify'],
  [JSON, 'parse'],
].map(([owner, name]) => [owner, name, Object.getOwnPropertyDescriptor(owner, name)]);
try {
  await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js's worker runs in this process (its "fake worker"), found on globalThis.pdfjsWorker.
  await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
} finally {
  for (const [owner, name, descriptor] of natives)
    if (descriptor) Object.defineProperty(owner, name, descriptor);
}
