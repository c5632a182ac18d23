// Limits on text shared by the server's schemas and the web app's fields (zod-free, so the web bundle
// does not carry zod for them).

/**
 * The longest letter, message or summary: a letter is logged as the communication it became, word for
 * word, so both share this limit (the default state-complaint draft with its evidence runs past 20,000
 * characters, and could not be marked sent when the summary stopped at 20,000).
 */
export const LONG_TEXT_MAX = 50_000;
