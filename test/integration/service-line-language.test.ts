import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, call, openTestEnv, type TestEnv } from './harness.ts';

// The service-line parser's notes in the reader's language (issue 17): `POST /service-lines/parse`
// answers `unread` in Spanish for a Spanish reader, from the notes' catalog words (`unreadWords`, the
// server-only part `serviceline`), keeping the parent's own words as written; an English reader gets
// the parser's English notes exactly as before. On both databases.

const RANGE = 'Speech, 20-30 minutes weekly';
const AS_NEEDED = 'Terapia del habla, según sea necesario';

describe.each(BACKENDS)('service-line notes in the reader’s language, on %s', (backend) => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await openTestEnv(backend);
  });
  afterAll(async () => env?.close());

  const parse = async (text: string) => {
    const response = await call(env, 'POST', '/api/service-lines/parse', { text });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as {
      unread: string[];
      unreadWords: { key: string; values?: Record<string, string | number> }[];
      complete: boolean;
      amounts: unknown[];
    };
  };

  it('gives an English reader the parser’s notes as they were, with their words', async () => {
    const range = await parse(RANGE);
    expect(range.unread).toEqual([
      'the amount is a range ("20-30 minutes"); the lower figure, 20 minutes, is counted as the least promised; change it if the IEP means more',
    ]);
    expect(range.unreadWords).toEqual([
      { key: 'serviceline.amount.rangeLower', values: { text: '20-30 minutes', low: '20' } },
    ]);
    const asNeeded = await parse(AS_NEEDED);
    expect(asNeeded.unread).toEqual(['no frequency found ("según sea necesario")']);
    expect(asNeeded.unreadWords).toEqual([
      { key: 'serviceline.frequency.none', values: { text: 'según sea necesario' } },
    ]);
  });

  it('gives a Spanish reader the notes in Spanish, the same amounts and words', async () => {
    const english = { range: await parse(RANGE), asNeeded: await parse(AS_NEEDED) };
    const chosen = await call(env, 'PUT', '/api/auth/language', { language: 'es' });
    expect(chosen.status).toBe(200);
    try {
      const range = await parse(RANGE);
      expect(range.unread).toEqual([
        'la cantidad es un rango ("20-30 minutes"); se cuenta la cifra menor, 20 minutos, como lo mínimo prometido; cámbiela si el IEP dice más',
      ]);
      const asNeeded = await parse(AS_NEEDED);
      expect(asNeeded.unread).toEqual(['no se encontró la frecuencia ("según sea necesario")']);
      // Only the notes' language changes: the figures, the words and whether the line is complete stay.
      for (const [spanish, same] of [
        [range, english.range],
        [asNeeded, english.asNeeded],
      ] as const) {
        expect(spanish.unreadWords).toEqual(same.unreadWords);
        expect(spanish.amounts).toEqual(same.amounts);
        expect(spanish.complete).toBe(same.complete);
      }
    } finally {
      await call(env, 'PUT', '/api/auth/language', { language: 'en' });
    }
    expect((await parse(RANGE)).unread).toEqual(english.range.unread);
  });
});
