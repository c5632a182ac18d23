import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Catalog, createTranslator } from './translate.ts';
import { sayWords } from './words.ts';

const LOCALES = join(import.meta.dirname, 'locales');
const catalog = (language: string): Catalog =>
  Object.assign(
    {},
    ...readdirSync(join(LOCALES, language)).map((f) =>
      JSON.parse(readFileSync(join(LOCALES, language, f), 'utf8')),
    ),
  );

describe('sayWords', () => {
  it('writes dates in the reader’s words, short or with the year', () => {
    const es = createTranslator('es', catalog('es'));
    expect(sayWords({ key: 'reminder.replyDue.detail', values: { dueDate: '2026-11-09' } }, es)).toBe(
      'Usted esperaba una respuesta a más tardar el 9 nov 2026. Si no llega, As Written le ayudará a dar seguimiento.',
    );
    const en = createTranslator('en', catalog('en'));
    expect(
      sayWords(
        {
          key: 'reminder.replyDue.title',
          values: { named: 'no', subject: '', messageShortDate: '2026-11-02' },
        },
        en,
      ),
    ).toBe('Reply due on your message of Mon, Nov 2');
  });
});
