import { describe, expect, it } from 'vitest';
import { fingerprintWords, locateFingerprint, readFingerprint } from './fingerprint.ts';

const H1 = 'a'.repeat(60) + '0001';
const H2 = '3f9a0c7d11be' + 'b'.repeat(52);
const H3 = 'c'.repeat(64);

describe('readFingerprint', () => {
  it('reads what a person copied: spaces, dashes, line breaks, capitals and an ellipsis are ignored', () => {
    expect(readFingerprint('3F9A 0C7D-11BE…')).toEqual({ ok: true, hex: '3f9a0c7d11be' });
    expect(readFingerprint(`SHA-256: ${H3.slice(0, 32)}\n${H3.slice(32)}`)).toEqual({ ok: true, hex: H3 });
  });

  it('refuses what cannot be a fingerprint, saying why', () => {
    expect(readFingerprint('')).toMatchObject({ ok: false, message: expect.stringContaining('empty') });
    expect(readFingerprint('3f9a0c7d11bg')).toMatchObject({
      ok: false,
      message: expect.stringContaining('"g"'),
    });
    expect(readFingerprint('3f9a0c')).toMatchObject({
      ok: false,
      message: expect.stringContaining('at least'),
    });
    expect(readFingerprint('a'.repeat(65))).toMatchObject({
      ok: false,
      message: expect.stringContaining('64'),
    });
  });
});

describe('locateFingerprint', () => {
  it('finds the entry and counts those added since', () => {
    const match = locateFingerprint([H1, H2, H3], '3f9a0c7d11be');
    expect(match).toEqual({ found: true, seq: 2, entries: 3, entriesSince: 1, hash: H2 });
    expect(fingerprintWords(match)).toContain('1 entry was added after it');
  });

  it('says when it is the last entry', () => {
    const match = locateFingerprint([H1, H2, H3], H3);
    expect(match).toMatchObject({ found: true, seq: 3, entriesSince: 0 });
    expect(fingerprintWords(match)).toContain('nothing was changed or added');
  });

  it('does not find a fingerprint of a rewritten history, and names an ambiguous prefix', () => {
    expect(locateFingerprint([H1, H3], '3f9a0c7d11be')).toEqual({
      found: false,
      entries: 2,
      ambiguous: false,
    });
    expect(fingerprintWords(locateFingerprint([H1, H3], '3f9a0c7d11be'))).toContain('No entry');
    expect(locateFingerprint([H1, `${'a'.repeat(60)}0002`], 'aaaaaaaaaaaa')).toMatchObject({
      ambiguous: true,
    });
  });
});
