import { describe, expect, it } from 'vitest';
import en from './i18n/locales/en/reader.json' with { type: 'json' };
import es from './i18n/locales/es/reader.json' with { type: 'json' };
import { createTranslator } from './i18n/translate.ts';
import { sayWords } from './i18n/words.ts';
import { type RefusalKey, refusal, refusalWords } from './reader-refusals.ts';

// The importers' refusals (issue 17): each said in English exactly as the message the API and the CLI
// keep, found back from that sentence (a document's stored refusal), and said in Spanish with its
// figures kept.

const spanish = createTranslator('es', es);
const keys = Object.keys(en).map((k) => k.slice('reader.'.length) as RefusalKey);

/** Values unlike any word of the templates, so each can be found again in a sentence. */
const sample = (key: RefusalKey) => {
  const names = [...(en as Record<string, string>)[`reader.${key}`]!.matchAll(/\{([a-zA-Z]+)[,}]/g)].map(
    (m) => m[1]!,
  );
  return names.length
    ? Object.fromEntries(names.map((name, i) => [name, name === 'kind' ? 'xlsx' : 100 + i]))
    : undefined;
};

describe('the reader’s refusals', () => {
  it('has the same keys in English and Spanish', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('finds each refusal’s words back from its English sentence, and no other', () => {
    for (const key of keys) {
      const said = refusal(key, sample(key));
      expect(said.message, key).not.toMatch(/[{}]/);
      expect(refusalWords(said.message), key).toEqual(said.words);
      // No other template reads it.
      const others = keys.filter(
        (other) =>
          other !== key && refusalWords(refusal(other, sample(other)).message)?.key === `reader.${key}`,
      );
      expect(others, key).toEqual([]);
    }
    expect(refusalWords('The server could not be reached.')).toBeNull();
  });

  it('says each in Spanish, keeping its figures, in no run of the English', () => {
    const problems: string[] = [];
    for (const key of keys) {
      const said = refusal(key, sample(key));
      const inSpanish = sayWords(said.words, spanish);
      if (inSpanish === said.message) problems.push(`${key}: the same as the English`);
      for (const [name, value] of Object.entries(said.words.values ?? {}))
        if (name !== 'kind' && !inSpanish.includes(String(value)))
          problems.push(`${key}: leaves out ${value}`);
      const words = (s: string) => s.toLowerCase().match(/\p{L}+/gu) ?? [];
      const englishRuns = new Set(
        words(said.message).flatMap((_, i, all) =>
          i + 2 < all.length ? [all.slice(i, i + 3).join(' ')] : [],
        ),
      );
      const w = words(inSpanish);
      for (let i = 0; i + 2 < w.length; i++)
        if (
          englishRuns.has(w.slice(i, i + 3).join(' ')) &&
          // Names of files and programs stay as they are.
          !w
            .slice(i, i + 3)
            .some((x) => /^(pdf|docx|jpeg|png|zip|csv|xfa|adobe|acrobat|reader|microsoft|print)$/.test(x))
        )
          problems.push(`${key}: keeps the English "${w.slice(i, i + 3).join(' ')}"`);
    }
    expect(problems).toEqual([]);
  });

  it('says a refusal stored before its words were kept', () => {
    const stored =
      'This PDF is protected by a password, so it cannot be read. Open it with its password and print or save it as a new PDF without one (or ask the school for an unlocked copy), then read that file.';
    expect(sayWords(refusalWords(stored)!, spanish)).toMatch(/^Este PDF está protegido con contraseña/);
    expect(
      sayWords(
        refusalWords(
          'This PDF has 1,200 pages; the IEP reader reads at most 300 pages. Save the pages of the plan itself as a new PDF and read that.',
        )!,
        spanish,
      ),
    ).toBe(
      'Este PDF tiene 1,200 páginas; el lector de IEP lee como máximo 300. Guarde solo las páginas del plan en un PDF nuevo y lea ese.',
    );
  });
});
