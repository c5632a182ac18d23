import { describe, expect, it } from 'vitest';
import { withoutBidiControls } from './bidi.ts';

describe('withoutBidiControls', () => {
  it('removes the embeddings, overrides and isolates that turn the following text around', () => {
    // "invoice" + RIGHT-TO-LEFT OVERRIDE + "fdp.exe" shows as "invoiceexe.pdf".
    expect(withoutBidiControls('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(withoutBidiControls('\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069Emma')).toBe('Emma');
  });

  it('keeps right-to-left names and the marks they use', () => {
    expect(withoutBidiControls('\u05e9\u05e8\u05d4\u200f')).toBe('\u05e9\u05e8\u05d4\u200f');
    expect(withoutBidiControls('\u0645\u0631\u064a\u0645\u061c \u200eEmma')).toBe(
      '\u0645\u0631\u064a\u0645\u061c \u200eEmma',
    );
  });
});
