import { describe, expect, it } from 'vitest';
import { checkUpload, cleanFilename, sniffType } from './attachment-types.ts';

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
    expect(sniffType(bytes('\0\0\0\x18ftypheic\0\0'))).toMatchObject({ mediaType: 'image/heic' });
    expect(sniffType(PDF)).toMatchObject({ mediaType: 'application/pdf' });
    expect(sniffType(TEXT)).toMatchObject({ mediaType: 'text/plain' });
    expect(sniffType(bytes('{\\rtf1\\ansi hello}'))).toMatchObject({ mediaType: 'application/rtf' });
  });

  it('recognises office documents inside ZIP containers, and refuses other archives', () => {
    expect(sniffType(zipWith('[Content_Types].xml', 'word/document.xml'))).toMatchObject({
      mediaType: expect.stringContaining('wordprocessingml'),
    });
    expect(sniffType(zipWith('[Content_Types].xml', 'xl/workbook.xml'))).toMatchObject({
      mediaType: expect.stringContaining('spreadsheetml'),
    });
    expect(
      sniffType(
        bytes(
          [0x50, 0x4b, 0x03, 0x04],
          new Array(26).fill(0),
          'mimetypeapplication/vnd.oasis.opendocument.text',
        ),
      ),
    ).toMatchObject({
      mediaType: 'application/vnd.oasis.opendocument.text',
    });
    expect(sniffType(zipWith('photos/a.jpg', 'run.exe'))).toBeNull();
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
