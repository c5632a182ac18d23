import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inUsableYears, textProblem } from '../domain/common.ts';
import { isIsoDate } from '../domain/dates.ts';
import { EmailFileError, MAX_MESSAGE_ID, parseEmailFile } from './email.ts';

// The email importer on any file (issue 15, property tests): it reads a message or refuses the file
// with an EmailFileError naming what is wrong (which the API answers as a 400), never another error
// (a 500), and what it reads can be stored on either database: a usable date, a Message-ID that fits,
// text without NUL characters or broken characters. Seeded; `npm run fuzz` runs it longer
// (FUZZ_SCALE times as many inputs).

const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const RUNS = 150 * (Number(process.env.FUZZ_SCALE) || 1);
const SLOW_MS = 2000;

const headerValue = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('\u0000', 'a\rBEGIN:VALARM', '=?utf-8?B?w6llbGlzZQ==?=', '=?bogus?Q?x?=', '<a@b>', ''),
);
const date = fc.oneof(
  fc
    .date({ min: new Date('1800-01-01'), max: new Date('2300-01-01'), noInvalidDate: true })
    .map((d) => d.toUTCString()),
  fc.constantFrom(
    'Fri, 1 Jan 10000 09:00:00 +0000',
    'Mon, 1 Jan 0000 00:00:00 +0000',
    'Tue, 10 Nov 2026 09:15:00 -1300',
    'Tue, 10 Nov 2026 09:15:00 +9959',
    'yesterday',
    '',
  ),
  headerValue,
);
const messageId = fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => `<${s}@school.example.org>`),
  fc.nat({ max: 3000 }).map((n) => `<${'a'.repeat(n)}@x>`),
  headerValue,
);
const email = fc
  .record({
    from: fc.oneof(fc.constant('Ms. Alvarez <alvarez@school.example.org>'), headerValue),
    to: fc.oneof(fc.constant('parent@example.org'), headerValue),
    date,
    messageId,
    subject: headerValue,
    inReplyTo: fc.option(messageId, { nil: undefined }),
    extra: fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,12}$/), headerValue), { maxLength: 3 }),
    body: fc.oneof(fc.string({ maxLength: 300 }), fc.constant('<html><body><p>Hi</p></body></html>')),
    html: fc.boolean(),
  })
  .map((m) =>
    [
      `From: ${m.from}`,
      `To: ${m.to}`,
      `Date: ${m.date}`,
      `Message-ID: ${m.messageId}`,
      `Subject: ${m.subject}`,
      ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`] : []),
      ...m.extra.map(([k, v]) => `${k}: ${v}`),
      `Content-Type: ${m.html ? 'text/html' : 'text/plain'}; charset=utf-8`,
      '',
      m.body,
    ].join('\r\n'),
  );
const file = fc.oneof(
  { arbitrary: email.map((e) => Buffer.from(e, 'utf8')), weight: 3 },
  {
    arbitrary: fc
      .array(email, { minLength: 1, maxLength: 3 })
      .map((all) =>
        Buffer.from(
          all.map((e) => `From sender@example.org Tue Nov 10 09:15:00 2026\r\n${e}\r\n`).join('\r\n'),
        ),
      ),
    weight: 1,
  },
  { arbitrary: fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)), weight: 1 },
);

describe('parseEmailFile on any file', () => {
  it(
    'reads messages that can be stored, or refuses the file saying why, and never fails otherwise',
    async () => {
      let tried = 0;
      let read = 0;
      let slow = 0;
      await fc.assert(
        fc.asyncProperty(file, async (bytes) => {
          tried++;
          const started = performance.now();
          let messages: Awaited<ReturnType<typeof parseEmailFile>>;
          try {
            messages = await parseEmailFile(bytes);
          } catch (error) {
            expect(error, String(error)).toBeInstanceOf(EmailFileError);
            return;
          } finally {
            if (performance.now() - started > SLOW_MS) slow++;
          }
          read++;
          for (const m of messages) {
            expect(isIsoDate(m.date) && inUsableYears(m.date)).toBe(true);
            expect(m.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
            if (m.messageId) expect(m.messageId.length).toBeLessThanOrEqual(MAX_MESSAGE_ID);
            const texts = [
              m.subject,
              m.text,
              m.messageId,
              m.inReplyTo,
              ...m.references,
              ...[...m.from, ...m.to, ...m.cc].flatMap((a) => [a.name, a.address]),
              ...m.attachments.map((a) => a.filename),
            ];
            for (const t of texts) if (t) expect(textProblem(t), JSON.stringify(t)).toBeNull();
          }
        }),
        { seed: SEED, numRuns: RUNS },
      );
      process.stdout.write(
        `[fuzz] email importer: ${tried} inputs tried (${read} read), errors other than "this file cannot be read": 0, slow (over ${SLOW_MS} ms): ${slow} (seed ${SEED})\n`,
      );
      expect(slow).toBe(0);
    },
    60_000 + RUNS * 50,
  );
});
