import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGate, MAX_CONCURRENT_DECODES } from '../../src/server/services/attachments.ts';
import { BACKENDS, call, openTestEnv, rowCounts, type TestEnv } from './harness.ts';

// Files (issue 15): one check for every way a file enters (an upload, an email's attachment, an
// import; the import's side is in import-rules.test.ts), images limited in pixels with a clear
// message, a duplicate found before it is decoded, decodes bounded, and file names that cannot turn
// around the text they are shown in.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const byte of b) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A well-formed PNG header claiming `width` x `height` pixels, with one row of image data. */
function pngClaiming(width: number, height: number) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1 + width * 3))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const png = (width: number, height: number, shade = 200) =>
  sharp({ create: { width, height, channels: 3, background: { r: shade, g: 240, b: 230 } } })
    .png()
    .toBuffer();

/** A ZIP with a central directory holding these stored files. */
function zip(entries: [string, string][]) {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    const l = Buffer.concat([local, Buffer.from(name), data]);
    locals.push(l);
    centrals.push(Buffer.concat([central, Buffer.from(name)]));
    offset += l.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** What each way in must refuse: the probe's files. */
const HOSTILE: [string, Buffer, RegExp][] = [
  [
    'homework.docx',
    zip([
      ['[Content_Types].xml', '<Types/>'],
      ['word/document.xml', '<w:document/>'],
      ['setup.exe', 'MZ'],
      ['index.html', '<script>alert(1)</script>'],
    ]),
    /not a type As Written accepts/,
  ],
  ['report.pdf', Buffer.from('<html><body>%PDF-1.7<script>alert(1)</script></body></html>'), /web page/],
  ['photo.jpg.', Buffer.from('%PDF-1.7\n1 0 obj\n'), /named like an image \(\.jpg\)/],
  [
    'IMG_0001.heic',
    Buffer.concat([Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic'), Buffer.from('<svg onload=alert(1)>')]),
    /not a type As Written accepts/,
  ],
];

describe.each(BACKENDS)('file checks on %s', (backend) => {
  let env: TestEnv;
  let childId: string;
  const api = (path: string) => `/api/households/${env.householdId}${path}`;
  const upload = (name: string, bytes: Buffer) =>
    call(env, 'POST', api(`/attachments?filename=${encodeURIComponent(name)}`), bytes);

  beforeAll(async () => {
    env = await openTestEnv(backend);
    childId = (await call(env, 'POST', api('/children'), { firstName: 'Emma' })).body.id;
  });
  afterAll(async () => env.close());

  it('refuses the same files as an upload and as an email’s attachments', async () => {
    const before = await rowCounts(env.store);
    for (const [name, bytes, message] of HOSTILE) {
      const res = await upload(name, bytes);
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(415);
      expect(res.body.error.message, name).toMatch(message);
    }
    expect(await rowCounts(env.store)).toEqual(before);

    const boundary = 'b0undary';
    const parts = HOSTILE.map(
      ([name, bytes]) =>
        `--${boundary}\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="${name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${bytes.toString('base64')}\r\n`,
    );
    const mail = Buffer.from(
      [
        'From: Ms. Alvarez <alvarez@school.example.org>',
        'To: parent@example.org',
        'Date: Tue, 10 Nov 2026 09:15:00 -0500',
        'Subject: Files for you',
        'Message-ID: <files@school.example.org>',
        'MIME-Version: 1.0',
        `Content-Type: multipart/mixed; boundary="${boundary}"`,
        '',
        `--${boundary}\r\nContent-Type: text/plain\r\n\r\nHere are the files.\r\n${parts.join('')}--${boundary}--\r\n`,
      ].join('\r\n'),
    );
    const res = await env.app.inject({
      method: 'POST',
      url: api(`/communications/import?childId=${childId}&filename=files.eml`),
      headers: {
        cookie: env.owner.cookie,
        'x-csrf-token': env.owner.csrfToken,
        'content-type': 'application/octet-stream',
      },
      payload: mail,
    });
    expect(res.statusCode, res.body).toBe(201);
    const result = JSON.parse(res.body);
    expect(result.attachments).toEqual([]);
    expect(result.skippedAttachments).toHaveLength(HOSTILE.length);
    for (const [i, [, , message]] of HOSTILE.entries())
      expect(result.skippedAttachments[i].reason).toMatch(message);
  });

  it('names a file with no extension after what it is', async () => {
    const res = await upload('progress report', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.attachment).toMatchObject({
      filename: 'progress report.pdf',
      mediaType: 'application/pdf',
    });
  });

  it('refuses an image over 100 megapixels by its size, before decoding it, in words', async () => {
    const before = await rowCounts(env.store);
    const res = await upload('scan.png', pngClaiming(30_000, 30_000));
    expect(res.status).toBe(415);
    expect(res.body.error.message).toBe(
      '"scan.png" is 30000 x 30000 pixels (900 megapixels); the largest image accepted is 100 megapixels. Save a smaller copy (a phone\'s "medium" or "large" size) and upload that; nothing was saved',
    );
    expect(res.body.error.fields[0]).toEqual({ path: 'file', message: 'is over 100 megapixels' });
    expect(await rowCounts(env.store)).toEqual(before);
  });

  it('answers a file it holds already without decoding it again', async () => {
    // Bytes stored here before (as an earlier version kept them) that could not be decoded now: the
    // upload finds them by their hash first, so they are never handed to the decoder.
    const bytes = Buffer.concat([pngClaiming(20, 20).subarray(0, 33), Buffer.alloc(40, 9)]);
    expect((await upload('damaged.png', bytes)).status).toBe(415);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const at = env.clock.now();
    await env.store.db
      .insertInto('attachment_blob')
      .values({ household_id: env.householdId, sha256, content: bytes, thumbnail: null })
      .execute();
    await env.store.db
      .insertInto('attachment')
      .values({
        id: '01900000-0000-7000-8000-00000000f11e',
        household_id: env.householdId,
        sha256,
        filename: 'damaged.png',
        media_type: 'image/png',
        size: bytes.length,
        width: null,
        height: null,
        has_thumbnail: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const again = await upload('damaged-again.png', bytes);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ alreadyStored: true, attachment: { filename: 'damaged.png' } });
  });

  it(`decodes at most ${MAX_CONCURRENT_DECODES} images at once, however many arrive together`, async () => {
    const images = await Promise.all(Array.from({ length: 8 }, (_, i) => png(1200, 900, 100 + i)));
    decodeGate.peak = 0;
    const results = await Promise.all(images.map((bytes, i) => upload(`page-${i}.png`, bytes)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(decodeGate.peak).toBeGreaterThan(0);
    expect(decodeGate.peak).toBeLessThanOrEqual(MAX_CONCURRENT_DECODES);
  });

  it('keeps direction controls out of file names, stored and offered for download', async () => {
    const res = await upload('invoice\u202Efdp.exe.txt', Buffer.from('Notes from the meeting\n'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.attachment.filename).toBe('invoicefdp.exe.txt');
    // A name stored before the upload removed them is cleaned where it is offered.
    await env.store.db
      .updateTable('attachment')
      .set({ filename: 'notes\u202Etxt.exe' })
      .where('id', '=', res.body.attachment.id)
      .execute();
    const file = await env.app.inject({
      method: 'GET',
      url: api(`/attachments/${res.body.attachment.id}/content`),
      headers: { cookie: env.owner.cookie },
    });
    const disposition = String(file.headers['content-disposition']);
    expect(disposition).toBe(`attachment; filename="notestxt.exe"; filename*=UTF-8''notestxt.exe`);
  });
});
