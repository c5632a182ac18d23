import { type AddressObject, simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { letterToEml } from './letter-mail.ts';

// The .eml is built by nodemailer's MailComposer; these tests read it back with mailparser and compare
// headers and parts, never bytes (the builder chooses boundaries, a Message-ID and line folding).

const FROM = { name: 'Dana Lopez', email: 'dana@example.org' };
const LETTER = {
  subject: 'Emma’s speech therapy: making up missed sessions',
  to: [{ name: 'Priya Shah', email: 'priya.shah@lincoln.example' }],
  cc: [
    { name: 'Maria Rivera', email: 'maria.rivera@lincoln.example' },
    // A name the parent has not completed with an address: named in the letter, not in the headers.
    { name: 'Alan Ortiz', email: null },
  ],
  body: 'Dear Priya Shah,\n\nCould you reply by Friday, October 23?\n\nKind regards,\nDana Lopez\n',
};

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) =>
    a.value.map((v) => ({ name: v.name, address: v.address })),
  );

describe('letterToEml (nodemailer MailComposer)', () => {
  it('writes a draft message: sender, recipients with addresses, subject, date, the text, and X-Unsent', async () => {
    const eml = await letterToEml(LETTER, FROM, '2026-10-16T14:30:00.000Z');
    const text = eml.toString('utf8');
    expect(text).not.toMatch(/[^\r]\n/u); // CRLF line breaks throughout
    const mail = await simpleParser(eml);
    expect(addresses(mail.from)).toEqual([{ name: 'Dana Lopez', address: 'dana@example.org' }]);
    expect(addresses(mail.to)).toEqual([{ name: 'Priya Shah', address: 'priya.shah@lincoln.example' }]);
    expect(addresses(mail.cc)).toEqual([{ name: 'Maria Rivera', address: 'maria.rivera@lincoln.example' }]);
    expect(mail.subject).toBe(LETTER.subject);
    expect(mail.date?.toISOString()).toBe('2026-10-16T14:30:00.000Z');
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.headers.get('mime-version')).toBe('1.0');
    expect(mail.text).toBe(LETTER.body);
    expect(mail.attachments).toEqual([]);
    expect(mail.messageId).toMatch(/^<.+@.+>$/u);
  });

  it('carries the attached log as a second part, byte for byte', async () => {
    const csv = Buffer.from('date,service,status\r\n2026-10-06,Speech,missed\r\n', 'utf8');
    const pdf = Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\nnot really a report\n', 'latin1');
    const eml = await letterToEml(LETTER, FROM, '2026-10-16T14:30:00.000Z', [
      { filename: 'session-log.csv', contentType: 'text/csv; charset=utf-8', content: csv },
      { filename: 'implementation-report-Emma.pdf', contentType: 'application/pdf', content: pdf },
    ]);
    const mail = await simpleParser(eml);
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/mixed' });
    expect(mail.text).toBe(LETTER.body);
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.contentDisposition])).toEqual([
      ['session-log.csv', 'text/csv', 'attachment'],
      ['implementation-report-Emma.pdf', 'application/pdf', 'attachment'],
    ]);
    expect(mail.attachments[0]!.content.equals(csv)).toBe(true);
    expect(mail.attachments[1]!.content.equals(pdf)).toBe(true);
  });

  it('encodes names and subjects outside ASCII, and long lines, so they read back the same', async () => {
    const letter = {
      ...LETTER,
      subject:
        'Merci — une bonne nouvelle pour Émilie, et un très long sujet qui doit être plié sur deux lignes',
      to: [{ name: 'María José Núñez', email: 'maria@lincoln.example' }],
      body: `${'Très bien. '.repeat(40)}\nLigne = égale\nFrom here on, a line that mbox tools would mangle.\n`,
    };
    const eml = await letterToEml(
      letter,
      { name: 'Dana J. Lopez', email: 'dana@example.org' },
      '2026-10-16T09:00:00-07:00',
    );
    for (const line of eml.toString('utf8').split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    const mail = await simpleParser(eml);
    expect(mail.subject).toBe(letter.subject);
    expect(addresses(mail.to)).toEqual([{ name: 'María José Núñez', address: 'maria@lincoln.example' }]);
    expect(addresses(mail.from)).toEqual([{ name: 'Dana J. Lopez', address: 'dana@example.org' }]);
    expect(mail.date?.toISOString()).toBe('2026-10-16T16:00:00.000Z');
    expect(mail.text).toBe(letter.body);
  });

  it('keeps header injection out of the subject and names, and leaves out recipients without an address', async () => {
    const eml = await letterToEml(
      {
        ...LETTER,
        subject: 'Complaint\r\nBcc: someone@evil.example',
        to: [{ name: '[state education agency]', email: null }],
        cc: [{ name: 'Lena\r\nBcc: x@evil.example', email: 'lena.park@district.example' }],
      },
      FROM,
      '2026-10-16T14:30:00.000Z',
    );
    const mail = await simpleParser(eml);
    expect(mail.to).toBeUndefined();
    expect(mail.bcc).toBeUndefined();
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.subject).toBe('Complaint Bcc: someone@evil.example');
    expect(addresses(mail.cc)).toEqual([
      { name: 'Lena Bcc: x@evil.example', address: 'lena.park@district.example' },
    ]);
  });

  it('rejects a malformed address or instant', async () => {
    await expect(
      letterToEml(LETTER, { name: 'Dana', email: 'dana at example' }, '2026-10-16T14:30:00Z'),
    ).rejects.toThrow(/not an email address/);
    await expect(
      letterToEml({ ...LETTER, to: [{ name: 'X', email: 'x@y' }] }, FROM, '2026-10-16T14:30:00Z'),
    ).rejects.toThrow(/not an email address/);
    await expect(letterToEml(LETTER, FROM, '2026-10-16')).rejects.toThrow(/not an ISO 8601 instant/);
  });
});
