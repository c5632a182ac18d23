import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readPdfText } from './pdf-text.ts';
import { patchPdfWorker } from './pdfjs-hooks.mjs';
import { copyMessage, InThreadPort } from './pdfjs-port.ts';

// What the IEP reader changes in how pdf.js runs, for speed (src/importers/pdfjs-hooks.mjs and
// pdfjs-port.ts): one method of pdf.js's worker patched as it loads, and the port between pdf.js and
// its in-thread worker. A new pdf.js whose lines differ fails the first test, which says to look again.

const WORKER = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');

describe("pdf.js's worker, patched as it loads", () => {
  it('finds the lines of TextState.clone it replaces exactly once in the installed pdf.js', () => {
    const source = readFileSync(WORKER, 'utf8');
    const { source: patched, patched: done } = patchPdfWorker(source);
    expect(done).toBe(true);
    expect(patched).toContain('Object.assign(Object.create(Object.getPrototypeOf(this)), this)');
    expect(patched).not.toContain('Object.assign(Object.create(this), this)');
    // Nothing else is changed: the same lines, and a last one that says it is patched.
    expect(patched.split('\n').length).toBe(source.split('\n').length + 2);
  });

  it('leaves a source without those lines as it is', () => {
    expect(patchPdfWorker('class TextState {}')).toEqual({ source: 'class TextState {}', patched: false });
  });

  it('is the worker the reader runs', async () => {
    const text = await readPdfText(
      new Uint8Array(readFileSync(new URL('../../test/fixtures/iep/section-504.pdf', import.meta.url))),
    );
    expect(text.pages.length).toBeGreaterThan(0);
    expect(
      (globalThis as { pdfjsWorker?: { asWrittenPatches?: string[] } }).pdfjsWorker?.asWrittenPatches,
    ).toEqual(['TextState.clone']);
  });
});

describe('the port between pdf.js and its in-thread worker', () => {
  it("copies a message's arrays and plain objects, and hands over typed arrays and class instances", () => {
    class Glyph {
      constructor(readonly unicode: string) {}
    }
    const glyph = new Glyph('a');
    const data = new Float32Array([1, 2, 3]);
    const fnArray = [1, 2];
    const message = { chunk: { fnArray, argsArray: [[glyph], [data]] }, name: null, n: 3 };
    const copy = copyMessage(message) as typeof message;
    expect(copy).toEqual(message);
    // pdf.js empties its operator list's arrays after posting them.
    fnArray.length = 0;
    expect(copy.chunk.fnArray).toEqual([1, 2]);
    expect(copy.chunk.argsArray[0]![0]).toBe(glyph);
    expect(copy.chunk.argsArray[1]![0]).toBe(data);
  });

  it('delivers each message to every listener in a microtask, and a message with a cycle by structured clone', async () => {
    const port = new InThreadPort();
    const seen: unknown[] = [];
    port.addEventListener('message', (event) => seen.push(event.data));
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    port.postMessage({ x: 1 });
    port.postMessage(cyclic);
    expect(seen).toEqual([]);
    await Promise.resolve();
    expect(seen[0]).toEqual({ x: 1 });
    const received = seen[1] as Record<string, unknown>;
    expect(received).not.toBe(cyclic);
    expect(received.self).toBe(received);
  });
});
