import { AppError } from '../domain/errors.ts';
import { readDocumentText, readIepDocument } from './iep-document.ts';

// Run in a child process of its own (src/server/services/iep-reading.ts): the document's bytes come
// in one IPC message, the draft (or only the document's text, for a printed service log; or why the
// file cannot be read) goes back in one. A PDF that makes
// pdf.js use too much memory or time takes down only this process, which the server runs with a heap
// limit and kills at its time limit.

type Answer = { ok: true; read: unknown } | { ok: false; forTheParent: boolean; message: string };

process.once('message', (message: { bytes: Uint8Array; reading?: 'iep' | 'text' }) => {
  void (async () => {
    let answer: Answer;
    try {
      const bytes = new Uint8Array(message.bytes);
      answer = {
        ok: true,
        read: message.reading === 'text' ? await readDocumentText(bytes) : await readIepDocument(bytes),
      };
    } catch (error) {
      answer =
        error instanceof AppError
          ? { ok: false, forTheParent: true, message: error.message }
          : {
              ok: false,
              forTheParent: false,
              message: error instanceof Error ? error.message : String(error),
            };
    }
    process.send?.(answer, () => process.exit(0));
  })();
});
