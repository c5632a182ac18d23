import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPdfText } from './pdf-text.ts';

// pdf.js's legacy build carries core-js, which replaces Array.prototype.push, JSON.stringify and
// JSON.parse with slower JavaScript versions for the whole process; pdf-text.ts puts the native ones
// back (the server imports it, and JSON is most of what the server does).
describe('reading a PDF leaves the built-ins alone', () => {
  it('Array.prototype.push, JSON.stringify and JSON.parse are the same functions after a read', async () => {
    const before = [Array.prototype.push, JSON.stringify, JSON.parse];
    const text = await readPdfText(
      new Uint8Array(readFileSync(new URL('../../test/fixtures/iep/section-504.pdf', import.meta.url))),
    );
    expect(text.pages.length).toBeGreaterThan(0);
    expect([Array.prototype.push, JSON.stringify, JSON.parse]).toEqual(before);
    expect(
      [Array.prototype.push, JSON.stringify, JSON.parse].map((f) => Function.prototype.toString.call(f)),
    ).toEqual([
      'function push() { [native code] }',
      'function stringify() { [native code] }',
      'function parse() { [native code] }',
    ]);
  });
});
