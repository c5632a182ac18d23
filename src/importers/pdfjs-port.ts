// The message port between pdf.js and its worker when both run in this thread (pdf.js's "fake worker",
// the only one pdf.js has on Node).
//
// pdf.js's own in-thread port (LoopbackPort) passes every message through `structuredClone`, as a
// real worker's port would: every text run of a page's text and every operator of its drawing (each
// glyph of each line of text, as an object of its own) is serialized and rebuilt. On the IEP reader's
// 20-page test plan that is about a fifth of pdf.js's time. This port copies a message's structure
// (arrays and plain objects) instead, and hands over what is in it as it is: numbers, strings, typed
// arrays, class instances (pdf.js's glyphs). That is enough here because:
//  - pdf.js reuses, after posting, only the two arrays of an operator list chunk (it empties
//    `fnArray` and `argsArray` to fill them again), and the arrays are copied;
//  - what a real port would transfer (an image's or the file's buffer) the sender no longer uses;
//  - what is handed over is only read on this side (the text and the drawing are read, never drawn).
// A message delivered here is delivered as LoopbackPort delivers it: to every listener, in a microtask
// (each side's handler keeps the messages addressed to it).
//
// The two kinds of chunk that make most of the traffic, a page's text and its drawing, are copied only as
// deep as pdf.js reuses them (`copyChunk`): the chunk itself (pdf.js gives the text chunk new `items` and
// `styles` after posting it) and its arrays (an operator list empties `fnArray` and `argsArray` to fill
// them again). What is in those arrays, a text run or an operator's arguments, is made for that chunk and
// never changed after it is posted, so it is handed over as it is: copying every text run and every
// operator's arguments was most of the port's cost.

type Listener = (this: InThreadPort, event: { data: unknown }) => void;

/** A message's arrays and plain objects copied, everything else in it as it is. */
export function copyMessage(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value;
  // pdf.js's messages are a few levels deep; past this it is not one of them (a cycle), and the
  // structured clone (which keeps cycles) does the copy.
  if (depth > 100) throw new TooDeep();
  if (Array.isArray(value)) {
    const copy = new Array(value.length);
    for (let k = 0; k < value.length; k++) copy[k] = copyMessage(value[k], depth + 1);
    return copy;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = proto === null ? Object.create(null) : {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    // A stream's chunk sits in the message itself (pdf.js's `{ stream, streamId, chunk }`).
    copy[key] = depth === 0 && key === 'chunk' ? copyChunk(field) : copyMessage(field, depth + 1);
  }
  return copy;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

/** A stream's chunk: a page's text or drawing copied as deep as pdf.js reuses it; anything else whole. */
export function copyChunk(chunk: unknown): unknown {
  if (!isPlainObject(chunk)) return copyMessage(chunk, 1);
  const { fnArray, argsArray, items, styles } = chunk;
  if (Array.isArray(fnArray) && Array.isArray(argsArray))
    return { ...chunk, fnArray: fnArray.slice(), argsArray: argsArray.slice() };
  if (Array.isArray(items) && isPlainObject(styles))
    return { ...chunk, items: items.slice(), styles: { ...styles } };
  return copyMessage(chunk, 1);
}

class TooDeep extends Error {}

export class InThreadPort {
  #listeners = new Set<Listener>();

  postMessage(message: unknown, transfer?: Transferable[]): void {
    let data: unknown;
    try {
      data = copyMessage(message);
    } catch (error) {
      if (!(error instanceof TooDeep)) throw error;
      data = structuredClone(message, transfer?.length ? { transfer } : undefined);
    }
    const event = { data };
    queueMicrotask(() => {
      for (const listener of this.#listeners) listener.call(this, event);
    });
  }

  addEventListener(_type: 'message', listener: Listener): void {
    this.#listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.#listeners.delete(listener);
  }

  terminate(): void {
    this.#listeners.clear();
  }
}
