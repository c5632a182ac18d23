import { AppError, type MessageWords } from '../domain/errors.ts';
import { readDocumentText, readIepDocument } from './iep-document.ts';
import { readServiceLogUpload, type ServiceLogReadContext } from './service-log-upload.ts';

// Run in a child process of its own (src/server/services/iep-reading.ts): the document's bytes come
// in one IPC message, the draft (or only the document's text, for a printed service log; or a school's
// service log read for a child, for a large one; or why the file cannot be read) goes back in one. A PDF that makes
// pdf.js use too much memory or time takes down only this process, which the server runs with a heap
// limit and kills at its time limit.

type Answer =
  | { ok: true; read: unknown }
  | { ok: false; forTheParent: boolean; message: string; words?: MessageWords | undefined };

type Message = {
  bytes: Uint8Array;
  reading?: 'iep' | 'text' | 'service-log';
  /** For a service log: what reading it needs besides its bytes. */
  context?: ServiceLogReadContext;
};

async function read(message: Message): Promise<unknown> {
  const bytes = new Uint8Array(message.bytes);
  if (message.reading === 'text') return readDocumentText(bytes);
  if (message.reading === 'service-log') {
    if (!message.context) throw new Error('a service log was sent without what reading it needs');
    return readServiceLogUpload(bytes, message.context, readDocumentText);
  }
  return readIepDocument(bytes);
}

process.once('message', (message: Message) => {
  void (async () => {
    let answer: Answer;
    try {
      answer = { ok: true, read: await read(message) };
    } catch (error) {
      answer =
        error instanceof AppError
          ? { ok: false, forTheParent: true, message: error.message, words: error.words }
          : {
              ok: false,
              forTheParent: false,
              message: error instanceof Error ? error.message : String(error),
            };
    }
    process.send?.(answer, () => process.exit(0));
  })();
});
