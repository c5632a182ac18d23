import { describe, expect, it } from 'vitest';
import {
  EmailFileError,
  emailSources,
  parseEmailSource,
  splitMbox,
  splitMboxInSteps,
  TooManyMessages,
} from './email.ts';

// A large mailbox is read a step at a time (so the server keeps answering), and must be split exactly
// as the one-pass reader splits it, whatever line endings it uses and wherever a step ends.

function mailbox(count: number, eol: string, bodyLines: number): string {
  const out: string[] = [];
  for (let i = 1; i <= count; i++) {
    out.push(`From someone@example.org Tue Nov 17 15:04:00 2026`);
    out.push(`From: A <a@example.org>`, `Subject: ${i}`, `Date: Tue, 17 Nov 2026 15:04:00 -0500`, '');
    for (let l = 0; l < bodyLines; l++)
      out.push(l % 7 === 0 ? `>From the body ${l}` : `line ${l} of message ${i}`);
    out.push('');
  }
  return out.join(eol);
}

describe('reading a mailbox in steps', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('splits a mailbox of several megabytes (%s) exactly as splitMbox does', async (_name, eol) => {
    const text = mailbox(400, eol, 300);
    expect(text.length).toBeGreaterThan(2 * (1 << 20));
    const bytes = Buffer.from(text, 'latin1');
    const stepped = await splitMboxInSteps(bytes);
    expect(stepped).toHaveLength(400);
    expect(stepped).toEqual(splitMbox(text));
  });

  it('refuses more messages than the limit, and takes exactly the limit', async () => {
    const bytes = Buffer.from(mailbox(12, '\n', 2), 'latin1');
    await expect(splitMboxInSteps(bytes, 11)).rejects.toEqual(new TooManyMessages(11));
    expect(await splitMboxInSteps(bytes, 12)).toHaveLength(12);
    await expect(emailSources(bytes, 11)).rejects.toThrow('holds more than 11 messages');
  });

  it('gives a single email as one message, and refuses what is not email', async () => {
    const eml = Buffer.from(
      'From: A <a@example.org>\r\nDate: Tue, 17 Nov 2026 15:04:00 -0500\r\n\r\nHello\r\n',
    );
    expect(await emailSources(eml)).toEqual([eml]);
    await expect(emailSources(Buffer.from('<html>hi</html>'))).rejects.toBeInstanceOf(EmailFileError);
    await expect(emailSources(Buffer.alloc(0))).rejects.toThrow('is empty');
  });

  it("names a mailbox's unreadable message by its place", async () => {
    const bad = Buffer.from('From: A <a@example.org>\r\n\r\nno date\r\n');
    await expect(parseEmailSource(bad, 2, true)).rejects.toThrow('message 3 has no readable Date header');
    await expect(parseEmailSource(bad, 0, false)).rejects.toThrow(/^has no readable Date header$/);
  });
});
