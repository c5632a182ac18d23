// Unicode's explicit direction controls: embeddings and overrides (U+202A to U+202E) and isolates
// (U+2066 to U+2069). A name holding U+202E (RIGHT-TO-LEFT OVERRIDE) turns the text after it around
// until the end of its paragraph: "invoice\u202Efdp.exe" reads as "invoiceexe.pdf", and a child's
// name could reverse the sentence a page or a file name puts it in. Nobody types them; they are
// removed wherever such text is shown or offered as a file name. The marks that only nudge
// neighbouring punctuation (LRM U+200E, RLM U+200F, ALM U+061C) are kept: right-to-left names use
// them, and they reverse nothing. No imports: the web app uses this module too.

export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** The text without embedding, override and isolate controls. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * `value` with the controls removed from every string in it, however deep (a report, a letter): what a
 * PDF or an email is drawn from, so that a name stored before the input refused them (or imported)
 * cannot turn a sentence around on paper either.
 */
export function withoutBidiControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return withoutBidiControls(value) as T;
  if (Array.isArray(value)) return value.map((v) => withoutBidiControlsDeep(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutBidiControlsDeep(v)])) as T;
  }
  return value;
}
