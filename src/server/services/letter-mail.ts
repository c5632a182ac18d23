import MailComposer from 'nodemailer/lib/mail-composer';
import { withoutBidiControlsDeep } from '../../domain/bidi.ts';
import type { LetterRecipient } from '../../domain/letters.ts';

// "Download .eml": the letter as an RFC 5322 message a mail program opens as a draft, written by
// nodemailer's MIME builder (MailComposer) rather than by hand: encoded-words for names and subjects,
// quoted-printable or base64 bodies, folding, multipart for the attached log. No I/O here; the letters
// service hands in the letter, the sender and the attachment's bytes.

export type MailSender = { name: string; email: string };

/** A file that goes with the letter: the session log (CSV) or the implementation report (PDF). */
export type MailAttachment = { filename: string; contentType: string; content: Buffer };

export type LetterMail = {
  subject: string;
  to: readonly LetterRecipient[];
  cc: readonly LetterRecipient[];
  body: string;
};

// A plain address, with nothing a header could be split on.
const EMAIL_ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/u;

function address(email: string): string {
  const trimmed = email.trim();
  if (!EMAIL_ADDRESS.test(trimmed)) throw new RangeError(`not an email address: ${JSON.stringify(email)}`);
  return trimmed;
}

/** A mailbox for the builder; a display name with line breaks is flattened (no header injection). */
function mailbox(name: string, email: string): { name: string; address: string } {
  return { name: name.replace(/[\r\n]+/gu, ' ').trim(), address: address(email) };
}

/**
 * The letter as an .eml message. Recipients without an email address (a name the parent has not
 * completed) are left out of the headers; the salutation still names them. `X-Unsent: 1` makes Outlook
 * open the file as a draft to send, not as a message received. `date` is an ISO instant.
 */
export async function letterToEml(
  given: LetterMail,
  givenFrom: MailSender,
  date: string,
  attachments: readonly MailAttachment[] = [],
): Promise<Buffer> {
  // A mail program shows direction controls as they come: a name holding U+202E would reverse a line.
  const letter = withoutBidiControlsDeep(given);
  const from = withoutBidiControlsDeep(givenFrom);
  const when = new Date(date);
  if (!/^\d{4}-\d{2}-\d{2}T/u.test(date) || Number.isNaN(when.getTime())) {
    throw new RangeError(`not an ISO 8601 instant: ${date}`);
  }
  const people = (list: readonly LetterRecipient[]) =>
    list.filter((r) => r.email != null && r.email.trim() !== '').map((r) => mailbox(r.name, r.email!));
  const to = people(letter.to);
  const cc = people(letter.cc);
  const composer = new MailComposer({
    from: mailbox(from.name, from.email),
    ...(to.length > 0 ? { to } : {}),
    ...(cc.length > 0 ? { cc } : {}),
    subject: letter.subject.replace(/[\r\n]+/gu, ' ').trim(),
    date: when,
    text: letter.body,
    headers: { 'X-Unsent': '1' },
    attachments: attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
    newline: 'win',
  });
  return composer.compile().build();
}
