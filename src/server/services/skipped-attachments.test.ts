import { describe, expect, it } from 'vitest';
import { checkUploadWithWords } from '../../domain/attachment-types.ts';
import apiEn from '../../domain/i18n/locales/en/apierror.json' with { type: 'json' };
import en from '../../domain/i18n/locales/en/messages.json' with { type: 'json' };
import es from '../../domain/i18n/locales/es/messages.json' with { type: 'json' };
import { createTranslator } from '../../domain/i18n/translate.ts';
import { skippedWords, withSkippedWords } from './skipped-attachments.ts';

// Why an email's attachment was not kept, as words of the messages page's own part (issue 17): the
// English exactly the refusal's, found back from it for a result kept before words were.

const english = createTranslator('en', en);
const spanish = createTranslator('es', es);
const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe('the words of an attachment not kept', () => {
  const refusals = [
    checkUploadWithWords(new Uint8Array(), 'empty.pdf', 1000),
    checkUploadWithWords(pdf, 'big.pdf', 10),
    checkUploadWithWords(
      new TextEncoder().encode('<!DOCTYPE html><html><body>x</body></html>'),
      'page.pdf',
      1000,
    ),
    checkUploadWithWords(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 'tool.exe', 1000),
    checkUploadWithWords(pdf, 'plan.exe', 1000),
    checkUploadWithWords(pdf, 'photo.jpg', 1000),
  ].flatMap((c) => (c.ok ? [] : [c]));

  it('says each refusal with a key of the part `messages`, in English exactly the refusal', () => {
    expect(refusals).toHaveLength(6);
    for (const refusal of refusals) {
      const words = skippedWords(refusal.message, refusal.words);
      expect(words?.key, refusal.message).toMatch(/^messages\.skipped\./);
      expect(english.t(words!.key, words!.values)).toBe(refusal.message);
      expect(spanish.t(words!.key, words!.values)).not.toBe(refusal.message);
    }
    expect(
      spanish.t(skippedWords(refusals[3]!.message, refusals[3]!.words)!.key, { filename: 'tool.exe' }),
    ).toBe(
      '"tool.exe" no es de un tipo que As Written acepte. Se aceptan: fotos e imágenes (JPEG, PNG, GIF, WebP, HEIC), PDF, texto simple y documentos de Word, Excel, PowerPoint, OpenDocument o RTF',
    );
  });

  it('keeps the English of every refusal it says', () => {
    const pairs = Object.entries(en).filter(([key]) => key.startsWith('messages.skipped.'));
    expect(pairs).toHaveLength(8);
    const refusalEnglish = apiEn as Record<string, string>;
    for (const [key, message] of pairs) {
      const name = key.replace('messages.skipped.', '');
      const from = refusalEnglish[`apierror.file.${name}`] ?? refusalEnglish[`apierror.attachment.${name}`];
      expect(message, key).toBe(from);
    }
  });

  it('finds the words back from the English of a result kept before words were', () => {
    for (const refusal of refusals.filter((r) => r.words.key !== 'apierror.file.namedUnlike')) {
      const kept = { filename: 'x', reason: refusal.message };
      expect(withSkippedWords(kept)).toEqual({
        ...kept,
        words: skippedWords(refusal.message, refusal.words),
      });
    }
    // One a newer server wrote keeps its English alone; words it has are kept.
    expect(withSkippedWords({ filename: 'x', reason: 'a reason of a newer server' })).toEqual({
      filename: 'x',
      reason: 'a reason of a newer server',
    });
    const words = { key: 'messages.skipped.empty', values: { filename: 'a' } };
    expect(withSkippedWords({ filename: 'a', reason: 'r', words })).toEqual({
      filename: 'a',
      reason: 'r',
      words,
    });
  });
});
