import { AppError } from '../domain/errors.ts';
import { readIepDocument } from './iep-document.ts';

// Run in a child process of its own (src/server/services/iep-reading.ts): the document's bytes come
// in one IPC message, the draft (or why the file cannot be read) goes back in one. A PDF that makes
// pdf.js use too much memory or time takes down only this process, which the server runs with a heap
// limit and kills at its time limit.

type Answer = { ok: true; draft: unknown } | { ok: false; forTheParent: boolean; message: string };

process.once('message', (message: { bytes: Uint8Array }) => {
  void (async () => {
    let answer: Answer;
    try {
      answer = { ok: true, draft: await readIepDocument(new Uint8Array(message.bytes)) };
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
