import { type AddressObject, simpleParser } from 'mailparser';
import { type ApiErrorKey, apiWords, wordsValue } from '../domain/api-errors.ts';
import { inUsableYears } from '../domain/common.ts';
import { isIsoDate } from '../domain/dates.ts';
import type { MessageWords } from '../domain/errors.ts';

// Reading .eml and .mbox files into plain messages: addresses, the date as the sender's calendar
// day, the text, the ids that join threads, and the attachments' bytes. mailparser decodes MIME,
// quoted-printable, base64 and charsets (ISO-8859-1, Windows-1252, Shift_JIS ...). Nothing here
// touches the store: the import service decides what to keep.

export type ParsedAddress = { name: string | null; address: string };

export type ParsedEmail = {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: ParsedAddress[];
  to: ParsedAddress[];
  cc: ParsedAddress[];
  subject: string | null;
  /** The calendar day in the sender's own time zone (the Date header's offset), YYYY-MM-DD. */
  date: string;
  /** HH:MM in the sender's time zone. */
  time: string;
  text: string;
  attachments: { filename: string; bytes: Buffer }[];
};

/**
 * Why a file is not read, as it follows the file's name ("is empty"): its English, and its words (the
 * catalog part `apierror`, `emailFile.*`) for a reader of another language.
 */
export class EmailFileError extends Error {
  readonly words: MessageWords;

  constructor(key: ApiErrorKey, values?: Record<string, string>) {
    const said = apiWords(key, values);
    super(said.message);
    this.words = said.words;
  }
}

/** A message of a mailbox that cannot be read, named by its place ("message 3 has no readable Date header"). */
function inMessage(number: number, error: unknown): EmailFileError {
  const reason = error instanceof Error ? error.message : String(error);
  return new EmailFileError('emailFile.inMessage', {
    number: String(number),
    reason,
    ...(error instanceof EmailFileError ? { reasonWords: wordsValue(error.words) } : {}),
  });
}

/** Split an mbox file into messages ("From " lines start each one; ">From " is unescaped). */
export function splitMbox(text: string): string[] {
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (/^From \S+/.test(line) && (current === null || current.length === 0 || current.at(-1) === '')) {
      if (current?.some((l) => l.trim() !== '')) parts.push(current.join('\r\n'));
      current = [];
      continue;
    }
    if (current === null) current = [];
    current.push(line.replace(/^>(>*From )/, '$1'));
  }
  if (current?.some((l) => l.trim() !== '')) parts.push(current.join('\r\n'));
  return parts;
}

/** A mailbox holds more messages than one import takes (`limit`). */
export class TooManyMessages extends Error {
  constructor(readonly limit: number) {
    super(`holds more than ${limit} messages`);
  }
}

/** How much of a mailbox is read between turns of the event loop. */
const MBOX_STEP_CHARS = 1 << 20;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The messages of a mailbox, as `splitMbox` finds them, read a step at a time so that a large file
 * never holds the event loop for long (a 50 MB mailbox is read in 50 steps, with other requests
 * served between them). Stops as soon as there are more than `maxMessages`.
 */
export async function splitMboxInSteps(
  bytes: Buffer,
  maxMessages = Number.POSITIVE_INFINITY,
): Promise<string[]> {
  // Read a step of the bytes at a time (latin1: one character a byte, so no character is cut), never
  // the whole file as one string: each step is a short piece of work between turns of the event loop.
  const parts: string[] = [];
  let current: string[] | null = null;
  const hasText = (lines: string[] | null) => !!lines?.some((l) => l.trim() !== '');
  for (let start = 0; start < bytes.length; ) {
    // A step ends just after a line break, so no line is cut in two.
    const cut = bytes.indexOf(0x0a, start + MBOX_STEP_CHARS);
    const end = cut === -1 ? bytes.length : cut + 1;
    const lines = bytes.toString('latin1', start, end).split(/\r?\n/);
    // A step that ends with its line break has an empty last piece, which is no line of its own.
    if (end < bytes.length) lines.pop();
    for (const line of lines) {
      if (/^From \S+/.test(line) && (current === null || current.length === 0 || current.at(-1) === '')) {
        if (hasText(current)) {
          parts.push(current!.join('\r\n'));
          if (parts.length > maxMessages) throw new TooManyMessages(maxMessages);
        }
        current = [];
        continue;
      }
      if (current === null) current = [];
      current.push(line.replace(/^>(>*From )/, '$1'));
    }
    start = end;
    if (start < bytes.length) await nextTurn();
  }
  if (hasText(current)) parts.push(current!.join('\r\n'));
  if (parts.length > maxMessages) throw new TooManyMessages(maxMessages);
  return parts;
}

/**
 * The messages of an .eml or .mbox file, each as its own bytes, not yet parsed (`parseEmailSources`
 * reads them). Refuses a file that is not an email and a mailbox of more than `maxMessages`.
 */
export async function emailSources(bytes: Buffer, maxMessages = Number.POSITIVE_INFINITY): Promise<Buffer[]> {
  if (bytes.length === 0) throw new EmailFileError('emailFile.empty');
  if (looksLikeMbox(bytes)) {
    const messages = await splitMboxInSteps(bytes, maxMessages);
    if (messages.length === 0) throw new EmailFileError('emailFile.mboxEmpty');
    const sources: Buffer[] = [];
    for (const [i, message] of messages.entries()) {
      sources.push(Buffer.from(message, 'latin1'));
      if (i % 100 === 99) await nextTurn();
    }
    return sources;
  }
  const head = bytes.subarray(0, 4096).toString('latin1');
  // An email starts with header lines ("Name: value"); anything else is not one.
  if (!/^[A-Za-z0-9-]+:[^\r\n]*\r?\n/.test(head.replace(/^\uFEFF/, ''))) {
    throw new EmailFileError('emailFile.notEmail');
  }
  if (maxMessages < 1) throw new TooManyMessages(maxMessages);
  return [bytes];
}

/**
 * Read one of a file's messages (`emailSources`): in a mailbox, a message that cannot be read is named
 * by its place ("message 3 has no readable Date header"), as `parseEmailFile` names it.
 */
export async function parseEmailSource(
  source: Buffer,
  index: number,
  inMailbox: boolean,
): Promise<ParsedEmail> {
  if (!inMailbox) return parseEmail(source);
  try {
    return await parseEmail(source);
  } catch (error) {
    throw inMessage(index + 1, error);
  }
}

export function looksLikeMbox(bytes: Buffer): boolean {
  return /^From \S+.*\r?\n/.test(bytes.subarray(0, 1000).toString('latin1'));
}

/**
 * Text from an email as it may be stored: without NUL characters (which PostgreSQL cannot store, and
 * which no reader sees) and with any half of a surrogate pair replaced by U+FFFD. The parent cannot
 * fix a message someone else wrote, so its text is cleaned rather than the message refused.
 */
export function cleanEmailText(text: string): string {
  return text
    .replaceAll('\u0000', '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * The longest Message-ID kept: RFC 5322 allows no line over 998 characters, so a longer id is not
 * one a mail program wrote, and would not fit the field that deduplicates imports.
 */
export const MAX_MESSAGE_ID = 998;

function addresses(field: AddressObject | AddressObject[] | undefined): ParsedAddress[] {
  const list = field ? (Array.isArray(field) ? field : [field]) : [];
  return list.flatMap((group) =>
    group.value.flatMap((a) =>
      a.address
        ? [{ name: a.name ? cleanEmailText(a.name) : null, address: cleanEmailText(a.address.toLowerCase()) }]
        : [],
    ),
  );
}

/** The sender's calendar day and time from the Date header, keeping its own UTC offset. */
export function localDateTime(
  rawDateHeader: string | null,
  parsed: Date | undefined,
): { date: string; time: string } {
  if (!parsed || Number.isNaN(parsed.getTime())) throw new EmailFileError('emailFile.noDate');
  const offset = rawDateHeader ? /([+-])(\d{2})(\d{2})\s*(\(.*\))?\s*$/.exec(rawDateHeader.trim()) : null;
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  const local = new Date(parsed.getTime() + minutes * 60_000).toISOString();
  const date = local.slice(0, 10);
  // A year past 9999 ("+010000-01-01T...") cannot even be written; outside the years a school
  // record may hold (src/domain/common.ts), the date is not a school day either.
  if (!isIsoDate(date) || !inUsableYears(date))
    throw new EmailFileError('emailFile.unusableDate', { date: local });
  return { date, time: local.slice(11, 16) };
}

async function readMail(source: Buffer | string) {
  try {
    return await simpleParser(source, { skipHtmlToText: false, skipTextLinks: true });
  } catch (error) {
    // mailparser stops at a header block over 1 MB or more than 1,000 parts (EMAXLEN); an email's
    // header lines are at most 998 characters, so such a file was not written by a mail program.
    if ((error as { code?: unknown }).code === 'EMAXLEN') {
      throw new EmailFileError('emailFile.headerTooLong');
    }
    throw new EmailFileError('emailFile.unreadable', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

export async function parseEmail(source: Buffer | string): Promise<ParsedEmail> {
  const mail = await readMail(source);
  const from = addresses(mail.from);
  if (from.length === 0 && !mail.messageId) throw new EmailFileError('emailFile.noSender');
  const rawDate = mail.headerLines.find((h) => h.key === 'date')?.line.replace(/^date:\s*/i, '') ?? null;
  const { date, time } = localDateTime(rawDate, mail.date);
  const messageId = mail.messageId ? cleanEmailText(mail.messageId) : null;
  if (messageId && messageId.length > MAX_MESSAGE_ID) {
    throw new EmailFileError('emailFile.longMessageId', {
      length: String(messageId.length),
      max: String(MAX_MESSAGE_ID),
    });
  }
  const references = Array.isArray(mail.references)
    ? mail.references
    : mail.references
      ? [mail.references]
      : [];
  const text = (
    mail.text ?? (typeof mail.html === 'string' ? mail.html.replace(/<[^>]+>/g, ' ') : '')
  ).trim();
  return {
    messageId,
    inReplyTo: mail.inReplyTo ? cleanEmailText(mail.inReplyTo) : null,
    references: references.map(cleanEmailText),
    from,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: mail.subject ? cleanEmailText(mail.subject).trim() || null : null,
    date,
    time,
    text: cleanEmailText(text),
    attachments: mail.attachments
      .filter((a) => a.contentDisposition !== 'inline' || a.filename)
      .map((a, i) => ({ filename: cleanEmailText(a.filename ?? `attachment-${i + 1}`), bytes: a.content })),
  };
}

/**
 * Every message in an .eml or .mbox file. A file that is not an email (or an mbox with a message
 * that cannot be read) is refused as a whole, with the message's number, so nothing is half-imported.
 */
export async function parseEmailFile(bytes: Buffer): Promise<ParsedEmail[]> {
  if (bytes.length === 0) throw new EmailFileError('emailFile.empty');
  const head = bytes.subarray(0, 4096).toString('latin1');
  if (looksLikeMbox(bytes)) {
    const messages = splitMbox(bytes.toString('latin1'));
    if (messages.length === 0) throw new EmailFileError('emailFile.mboxEmpty');
    const out: ParsedEmail[] = [];
    for (const [i, m] of messages.entries()) {
      try {
        out.push(await parseEmail(Buffer.from(m, 'latin1')));
      } catch (error) {
        throw inMessage(i + 1, error);
      }
    }
    return out;
  }
  // An email starts with header lines ("Name: value"); anything else is not one.
  if (!/^[A-Za-z0-9-]+:[^\r\n]*\r?\n/.test(head.replace(/^\uFEFF/, ''))) {
    throw new EmailFileError('emailFile.notEmail');
  }
  return [await parseEmail(bytes)];
}
