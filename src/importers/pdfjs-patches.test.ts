import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPdfText } from './pdf-text.ts';
import { PDF_WORKER_PATCHES, patchPdfWorker } from './pdfjs-hooks.mjs';
import { copyMessage, InThreadPort } from './pdfjs-port.ts';

// What the IEP reader changes in how pdf.js runs, for speed (src/importers/pdfjs-hooks.mjs and
// pdfjs-port.ts): places of pdf.js's worker patched as it loads, and the port between pdf.js and
// its in-thread worker. A new pdf.js whose lines differ fails the first test, which says to look again.

const WORKER = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');

describe("pdf.js's worker, patched as it loads", () => {
  it('finds the lines of each patch exactly once in the installed pdf.js, and changes nothing else', () => {
    const source = readFileSync(WORKER, 'utf8');
    const { source: patched, patched: done, applied } = patchPdfWorker(source);
    expect(done).toBe(true);
    expect(applied).toEqual([
      'TextState.clone',
      'inflate',
      'getCurrentTextTransform',
      'pathProbe',
      'pathProbeForm',
    ]);
    expect(patched).toContain('Object.assign(Object.create(Object.getPrototypeOf(this)), this)');
    expect(patched).not.toContain('Object.assign(Object.create(this), this)');
    expect(patched).toContain('globalThis.asWrittenInflate?.(name, bytes)');
    // Undoing each patch (its lines, the function it declares, the last line that lists them) gives
    // back the published source, to the byte.
    let undone = patched.slice(0, patched.lastIndexOf('\nif (globalThis.pdfjsWorker)'));
    for (const patch of [...PDF_WORKER_PATCHES].reverse()) {
      if (patch.define) {
        expect(undone.endsWith(`\n${patch.define}`)).toBe(true);
        undone = undone.slice(0, undone.length - patch.define.length - 1);
      }
      undone = undone.replace(patch.to, patch.from);
    }
    expect(undone).toBe(source);
  });

  it("multiplies a glyph's matrices with Util.transform's own expressions", () => {
    const source = readFileSync(WORKER, 'utf8');
    const util = /static transform\(m1, m2\) \{\n\s*(return \[[^\n]+\];)/.exec(source)?.[1];
    expect(util).toBeDefined();
    const own = PDF_WORKER_PATCHES.find((p) => p.name === 'getCurrentTextTransform')?.define;
    expect(own).toContain(`function asWrittenTransform(m1, m2) {\n  ${util}\n}`);
  });

  it('inflates a content stream in this thread, and leaves what zlib refuses to pdf.js', async () => {
    // Plain JavaScript without type declarations (pdf-text.ts loads it so too): only its side effects.
    const preload: string = new URL('./pdfjs-preload.mjs', import.meta.url).href;
    await import(preload);
    const inflate = (globalThis as { asWrittenInflate?: (f: string, b: Uint8Array) => Uint8Array | null })
      .asWrittenInflate!;
    const text = new TextEncoder().encode('BT /F1 12 Tf (Speech 30 min weekly) Tj ET');
    expect(new TextDecoder().decode(inflate('deflate', deflateSync(text))!)).toBe(
      'BT /F1 12 Tf (Speech 30 min weekly) Tj ET',
    );
    // Cut short, or not zlib at all: pdf.js's own decoder reads what it can, as before the patch.
    const whole = deflateSync(text);
    expect(inflate('deflate', whole.subarray(0, whole.length - 6))).toBeNull();
    expect(inflate('deflate', text)).toBeNull();
    expect(inflate('brotli', whole)).toBeNull();
  });

  it('leaves a source without those lines as it is', () => {
    expect(patchPdfWorker('class TextState {}')).toEqual({
      source: 'class TextState {}',
      patched: false,
      applied: [],
    });
  });

  it('is the worker the reader runs', async () => {
    const text = await readPdfText(
      new Uint8Array(readFileSync(new URL('../../test/fixtures/iep/section-504.pdf', import.meta.url))),
    );
    expect(text.pages.length).toBeGreaterThan(0);
    expect(
      (globalThis as { pdfjsWorker?: { asWrittenPatches?: string[] } }).pdfjsWorker?.asWrittenPatches,
    ).toEqual(['TextState.clone', 'inflate', 'getCurrentTextTransform', 'pathProbe', 'pathProbeForm']);
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
