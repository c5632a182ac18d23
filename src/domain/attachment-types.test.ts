import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCEPTED_TYPES, checkUpload, cleanFilename, sniffType, zipEntryNames } from './attachment-types.ts';

const MB = 1024 * 1024;
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))),
  );

const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF rest of a photo');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR...');
const PDF = bytes('%PDF-1.7\n1 0 obj\n');
const TEXT = bytes('Emma said she sat in the back row in math today.\n');

function zipWith(firstName: string, ...names: string[]) {
  const header = (name: string) =>
    bytes([0x50, 0x4b, 0x03, 0x04], new Array(22).fill(0), [name.length, 0, 0, 0], name);
  return bytes(...[firstName, ...names].map((n) => Buffer.from(header(n))).map((b) => [...b]));
}

describe('sniffType: the type comes from the bytes', () => {
  it('recognises images, PDF and text', () => {
    expect(sniffType(JPEG)).toMatchObject({ mediaType: 'image/jpeg', kind: 'image' });
    expect(sniffType(PNG)).toMatchObject({ mediaType: 'image/png' });
    expect(sniffType(bytes('GIF89a....'))).toMatchObject({ mediaType: 'image/gif' });
    expect(sniffType(bytes('RIFF\0\0\0\0WEBPVP8 '))).toMatchObject({ mediaType: 'image/webp' });
    expect(sniffType(new Uint8Array(HEIF))).toMatchObject({ mediaType: 'image/heic' });
    expect(sniffType(PDF)).toMatchObject({ mediaType: 'application/pdf' });
    expect(sniffType(TEXT)).toMatchObject({ mediaType: 'text/plain' });
    expect(sniffType(bytes('{\\rtf1\\ansi hello}'))).toMatchObject({ mediaType: 'application/rtf' });
  });

  it('recognises office documents inside ZIP containers, and refuses other archives', () => {
    expect(sniffType(zip(DOCX_PARTS))).toMatchObject({
      mediaType: expect.stringContaining('wordprocessingml'),
    });
    expect(
      sniffType(
        zip([
          ['[Content_Types].xml', '<Types/>'],
          ['xl/workbook.xml', '<workbook/>'],
        ]),
      ),
    ).toMatchObject({ mediaType: expect.stringContaining('spreadsheetml') });
    expect(
      sniffType(
        zip([
          ['mimetype', 'application/vnd.oasis.opendocument.text'],
          ['content.xml', '<office:document-content/>'],
          ['META-INF/manifest.xml', '<manifest:manifest/>'],
        ]),
      ),
    ).toMatchObject({ mediaType: 'application/vnd.oasis.opendocument.text' });
    expect(
      sniffType(
        zip([
          ['photos/a.jpg', 'x'],
          ['run.exe', 'MZ'],
        ]),
      ),
    ).toBeNull();
    // The names alone, in local headers with no central directory, are no container at all.
    expect(sniffType(zipWith('[Content_Types].xml', 'word/document.xml'))).toBeNull();
  });

  it('calls HTML, SVG and XML markup, and refuses binary it does not know', () => {
    expect(sniffType(bytes('<!DOCTYPE html><html><body>hi</body></html>'))).toBe('markup');
    expect(sniffType(bytes('\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>'))).toBe(
      'markup',
    );
    expect(sniffType(bytes('<?xml version="1.0"?><a/>'))).toBe('markup');
    expect(sniffType(bytes('MZ', [0x90, 0, 3, 0, 0, 0]))).toBeNull();
    expect(sniffType(bytes([0xc3, 0x28, 0xa0, 0xa1]))).toBeNull(); // invalid UTF-8
  });
});

describe('checkUpload: what is stored and what is refused', () => {
  it('accepts a photo named as a photo and a PDF named as a PDF', () => {
    expect(checkUpload(JPEG, 'spelling test.jpg', 25 * MB)).toMatchObject({
      ok: true,
      type: { kind: 'image' },
    });
    expect(checkUpload(PDF, 'progress report.pdf', 25 * MB)).toMatchObject({ ok: true });
    // A name with no extension is fine: the bytes decide.
    expect(checkUpload(PNG, 'IMG_0042', 25 * MB)).toMatchObject({ ok: true });
  });

  it('refuses an empty file', () => {
    expect(checkUpload(new Uint8Array(), 'blank.jpg', 25 * MB)).toEqual({
      ok: false,
      message: expect.stringContaining('is empty'),
    });
  });

  it('refuses a file over the limit, naming both sizes', () => {
    const result = checkUpload(new Uint8Array(2 * MB + 1).fill(65), 'big.txt', 2 * MB);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/2 MB, over the 2 MB limit/) });
  });

  it('refuses a text file renamed to look like an image', () => {
    const result = checkUpload(TEXT, 'photo.jpg', 25 * MB);
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining(
        'is named like an image (.jpg) but its contents are a plain-text file',
      ),
    });
  });

  it('refuses a web page whatever it is called', () => {
    expect(checkUpload(bytes('<html><script>alert(1)</script></html>'), 'worksheet.png', 25 * MB)).toEqual({
      ok: false,
      message: expect.stringContaining('web page'),
    });
  });

  it('refuses a program renamed to look like an image, and a type it does not accept', () => {
    expect(checkUpload(bytes('MZ', [0x90, 0, 3, 0]), 'photo.png', 25 * MB)).toEqual({
      ok: false,
      message: expect.stringContaining('not a type As Written accepts'),
    });
  });

  it('refuses a risky name even when the contents are acceptable', () => {
    expect(checkUpload(TEXT, 'notes.html', 25 * MB)).toMatchObject({ ok: false });
  });

  it('allows a JPEG saved with a .png name (both images; the bytes decide how it is served)', () => {
    expect(checkUpload(JPEG, 'scan.png', 25 * MB)).toMatchObject({
      ok: true,
      type: { mediaType: 'image/jpeg' },
    });
  });
});

describe('cleanFilename', () => {
  it('drops folders, control characters and leading dots', () => {
    expect(cleanFilename('C:\\Users\\me\\..\\.hidden\u0007 test.pdf')).toBe('hidden test.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('')).toBe('file');
  });
  it('keeps the extension when shortening a long name', () => {
    const name = cleanFilename(`${'a'.repeat(300)}.pdf`);
    expect(name.length).toBe(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Files that were not what they claimed (issue 15): a PDF named "photo.jpg." or with no extension,
// a ZIP holding setup.exe and index.html passing as .docx, any bytes after a HEIC header, and an
// HTML page with "%PDF-" in its first kilobyte passing as a PDF.

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

/** A stored (uncompressed) ZIP with a real central directory, as any archiver writes it. */
function zip(entries: [string, string][], options: { hidden?: [string, string] } = {}) {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const local = (name: string, data: Buffer) => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    return Buffer.concat([header, Buffer.from(name), data]);
  };
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const l = local(name, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(crc32(data), 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(Buffer.byteLength(name), 28);
    c.writeUInt32LE(offset, 42);
    centrals.push(Buffer.concat([c, Buffer.from(name)]));
    locals.push(l);
    offset += l.length;
    // A file in the archive that the central directory does not list.
    if (options.hidden && name === entries[0]![0]) {
      const h = local(options.hidden[0], Buffer.from(options.hidden[1]));
      locals.push(h);
      offset += h.length;
    }
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const DOCX_PARTS: [string, string][] = [
  ['[Content_Types].xml', '<Types/>'],
  ['_rels/.rels', '<Relationships/>'],
  ['word/document.xml', '<w:document/>'],
];

/** An ISO media box: size, type, payload. */
const box = (type: string, payload: Buffer | string = '') => {
  const body = Buffer.from(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
};
const HEIF = Buffer.concat([
  box('ftyp', 'heic\0\0\0\0mif1heic'),
  box('meta', Buffer.concat([Buffer.alloc(4), box('hdlr', `${'\0'.repeat(8)}pict${'\0'.repeat(13)}`)])),
  box('mdat', 'coded image data'),
]);

describe('names that say what a file is', () => {
  it('refuses a PDF named "photo.jpg." (the trailing dot is dropped, as Windows drops it)', () => {
    expect(cleanFilename('photo.jpg.')).toBe('photo.jpg');
    expect(cleanFilename('photo.jpg . .')).toBe('photo.jpg');
    expect(checkUpload(PDF, cleanFilename('photo.jpg.'), 25 * MB)).toEqual({
      ok: false,
      message: expect.stringContaining('is named like an image (.jpg) but its contents are a PDF document'),
    });
  });

  it('gives a file with no extension, or one that names no type, the extension of what it is', () => {
    expect(checkUpload(PDF, 'photo', 25 * MB)).toMatchObject({ ok: true, filename: 'photo.pdf' });
    expect(checkUpload(PNG, 'IMG_0042', 25 * MB)).toMatchObject({ ok: true, filename: 'IMG_0042.png' });
    expect(checkUpload(PDF, 'report v2.1', 25 * MB)).toMatchObject({ filename: 'report v2.1.pdf' });
    expect(checkUpload(JPEG, 'scan.png', 25 * MB)).toMatchObject({ ok: true, filename: 'scan.png' });
    const long = checkUpload(PDF, 'a'.repeat(200), 25 * MB);
    expect(long.ok && long.filename.length).toBe(200);
  });

  it('removes direction controls from a name, so "invoice\\u202Efdp.exe" cannot read as "invoiceexe.pdf"', () => {
    expect(cleanFilename('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFilename('\u2067notes\u2069.txt')).toBe('notes.txt');
    // Right-to-left marks that only nudge punctuation stay (Hebrew and Arabic names use them).
    expect(cleanFilename('\u05e9\u05dc\u05d5\u05dd\u200f.pdf')).toBe('\u05e9\u05dc\u05d5\u05dd\u200f.pdf');
  });
});

describe('office documents are checked by their structure', () => {
  it('accepts a Word document written by another program (Python’s zipfile), and one of ours', () => {
    const made = new Uint8Array(
      readFileSync(new URL('../../test/fixtures/files/note.docx', import.meta.url)),
    );
    expect(zipEntryNames(made)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(sniffType(made)).toMatchObject({ mediaType: ACCEPTED_TYPES.docx.mediaType });
    expect(sniffType(zip(DOCX_PARTS))).toMatchObject({ mediaType: ACCEPTED_TYPES.docx.mediaType });
    expect(
      sniffType(
        zip([
          ['[Content_Types].xml', '<Types/>'],
          ['xl/workbook.xml', '<workbook/>'],
        ]),
      ),
    ).toMatchObject({ mediaType: ACCEPTED_TYPES.xlsx.mediaType });
  });

  it('refuses a ZIP holding setup.exe and index.html however it is dressed as a .docx', () => {
    const dressed = zip([...DOCX_PARTS, ['setup.exe', 'MZ...'], ['index.html', '<script>x</script>']]);
    expect(sniffType(dressed)).toBeNull();
    expect(checkUpload(dressed, 'homework.docx', 25 * MB)).toMatchObject({ ok: false });
    // Names alone are not enough: the main part must be there, and be one format's only.
    expect(
      sniffType(
        zip([
          ['[Content_Types].xml', 'x'],
          ['word/x', 'y'],
        ]),
      ),
    ).toBeNull();
    expect(sniffType(zip([...DOCX_PARTS, ['xl/workbook.xml', 'x']]))).toBeNull();
    // Macros, and paths that climb out of the folder the file is extracted to.
    expect(sniffType(zip([...DOCX_PARTS, ['word/vbaProject.bin', 'x']]))).toBeNull();
    expect(sniffType(zip([...DOCX_PARTS, ['../../evil.txt', 'x']]))).toBeNull();
  });

  it('refuses a container with a file the central directory does not list, or one cut short', () => {
    expect(sniffType(zip(DOCX_PARTS, { hidden: ['setup.exe', 'MZ'] }))).toBeNull();
    const whole = zip(DOCX_PARTS);
    expect(sniffType(whole.subarray(0, whole.length - 1))).toBeNull();
    expect(sniffType(new Uint8Array([...whole, 0x00]))).toBeNull();
  });

  it('accepts an OpenDocument text only with its content and manifest', () => {
    const odt = (names: string[]) =>
      zip([
        ['mimetype', 'application/vnd.oasis.opendocument.text'],
        ...names.map((n): [string, string] => [n, '<x/>']),
      ]);
    expect(sniffType(odt(['content.xml', 'META-INF/manifest.xml']))).toMatchObject({
      mediaType: 'application/vnd.oasis.opendocument.text',
    });
    expect(sniffType(odt(['content.xml']))).toBeNull();
    expect(sniffType(odt(['content.xml', 'META-INF/manifest.xml', 'Basic/Standard/Module1.xml']))).toBeNull();
  });
});

describe('HEIC photos and PDFs are checked past their first bytes', () => {
  it('accepts a HEIF file whose boxes run from start to end, and nothing appended to one', () => {
    expect(sniffType(new Uint8Array(HEIF))).toMatchObject({ mediaType: 'image/heic' });
    expect(
      sniffType(new Uint8Array(Buffer.concat([HEIF, Buffer.from('<html><script>x</script>')]))),
    ).toBeNull();
    expect(
      sniffType(new Uint8Array(Buffer.concat([box('ftyp', 'heic\0\0\0\0mif1'), Buffer.from('MZ')]))),
    ).toBeNull();
    // A file of the right brand with no meta box is not a HEIF image.
    expect(
      sniffType(new Uint8Array(Buffer.concat([box('ftyp', 'heic\0\0\0\0'), box('mdat', 'x')]))),
    ).toBeNull();
  });

  it('takes a PDF header at the start, or after junk that is not markup; never in a web page', () => {
    expect(sniffType(PDF)).toMatchObject({ mediaType: 'application/pdf' });
    expect(sniffType(bytes([0, 1, 2, 3], '\r\n%PDF-1.4\n'))).toMatchObject({ mediaType: 'application/pdf' });
    const page = bytes('<!DOCTYPE html><html><body><!-- %PDF-1.7 --><script>alert(1)</script></body></html>');
    expect(sniffType(page)).toBe('markup');
    expect(checkUpload(page, 'report.pdf', 25 * MB)).toMatchObject({ ok: false });
    expect(sniffType(bytes('<p>%PDF-1.7</p>'))).not.toMatchObject({ mediaType: 'application/pdf' });
  });
});
