import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import { linesFromHtml, readDocxText, zipEntries } from './docx-text.ts';

const FIXTURE = join(import.meta.dirname, '../../test/fixtures/iep/co-iep.docx');

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

async function docx(documentXml: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', documentXml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const body = (xml: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${xml}</w:body></w:document>`;

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).fields?.[0]?.path).toBe('file');
  return error as AppError;
}

describe('readDocxText', () => {
  it('reads paragraphs as lines and table rows as lines of cells, with Word check boxes as ☒ and ☐', async () => {
    const text = await readDocxText(readFileSync(FIXTURE));
    expect(text.format).toBe('docx');
    expect(text.pages).toHaveLength(1);
    const lines = text.pages[0]!.lines;
    expect(lines[0]!.text).toBe('Front Range Valley School District, Colorado');
    expect(lines[0]!.height).toBeGreaterThan(lines[2]!.height);
    const header = lines.find((l) => l.text.startsWith('Service Provider'))!;
    expect(header.cells.map((c) => c.text)).toEqual([
      'Service',
      'Provider',
      'Minutes',
      'Frequency',
      'Setting',
      'Start',
      'End',
    ]);
    const row = lines[lines.indexOf(header) + 1]!;
    expect(row.cells.map((c) => c.x)).toEqual(header.cells.map((c) => c.x));
    expect(row.row).not.toBe(header.row);
    expect(lines.map((l) => l.text)).toContain('☒ Frequent movement breaks');
    expect(lines.map((l) => l.text)).toContain('☐ Scribe for written work');
  });

  it('refuses a container whose parts declare more than the limit', async () => {
    const bytes = await docx(body(`<w:p><w:r><w:t>${'0'.repeat(2_000_000)}</w:t></w:r></w:p>`));
    expect(bytes.length).toBeLessThan(100_000);
    const error = await refusal(readDocxText(bytes, { maxUnpackedBytes: 1_000_000 }));
    expect(error.message).toMatch(/unpacks to more than 1 MB/);
  });

  it('refuses a part that inflates to more than its declared size (a zip bomb that lies)', async () => {
    const bytes = Buffer.from(await docx(body(`<w:p><w:r><w:t>${'0'.repeat(200_000)}</w:t></w:r></w:p>`)));
    // Declare word/document.xml as 10 bytes in the central directory.
    const entry = zipEntries(bytes)!.find((e) => e.name === 'word/document.xml')!;
    let at = bytes.lastIndexOf(Buffer.from('word/document.xml')) - 46;
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
    bytes.writeUInt32LE(10, at + 24);
    at = entry.offset;
    expect(bytes.readUInt32LE(at)).toBe(0x04034b50);
    const error = await refusal(readDocxText(bytes));
    expect(error.message).toMatch(/unpacks to more than it declares \(a zip bomb\)/);
  });

  it('refuses a file over its size limit, a PDF, and an archive that is not a Word document', async () => {
    const fixture = readFileSync(FIXTURE);
    expect((await refusal(readDocxText(fixture, { maxBytes: 1000 }))).message).toMatch(/more than the 0 MB/);
    expect((await refusal(readDocxText(Buffer.from('%PDF-1.7\n')))).message).toBe(
      'This file is not a Word document (.docx).',
    );
    const zip = new JSZip();
    zip.file('notes.txt', 'hello');
    const archive = await zip.generateAsync({ type: 'nodebuffer' });
    expect((await refusal(readDocxText(archive))).message).toBe('This file is not a Word document (.docx).');
  });
});

describe('linesFromHtml', () => {
  it('gives a line per paragraph, heading and list item, and per paragraph depth of a table row', () => {
    const lines = linesFromHtml(
      '<h2>Accommodations &amp; supports</h2><ul><li>Extra time</li><li><input type="checkbox" checked="checked" />Breaks</li></ul>' +
        '<table><tr><td><p>Speech</p><p>therapy</p></td><td colspan="2"><p>30 min</p></td><td><p>Room 4</p></td></tr></table><p>x &lt; y &#x2612;</p>',
    );
    expect(lines.map((l) => l.text)).toEqual([
      'Accommodations & supports',
      '• Extra time',
      '• ☒ Breaks',
      'Speech 30 min Room 4',
      'therapy',
      'x < y ☒',
    ]);
    expect(lines[0]!.height).toBe(14);
    expect(lines[3]!.cells.map((c) => c.x)).toEqual([40, 140, 340]);
    expect(lines[3]!.row).toBe(lines[4]!.row);
  });
});
