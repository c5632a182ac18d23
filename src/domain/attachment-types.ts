import { withoutBidiControls } from './bidi.ts';
import type { MessageWords } from './errors.ts';

// Which files As Written accepts as evidence, decided from the bytes and never from the name.
// A file's name may only agree with its contents: a text file renamed "photo.jpg" is refused,
// because whoever opens it later would be misled about what it is. HTML, SVG, scripts, archives
// and programs are never accepted, whatever they are called: they could run in a browser or on a
// computer when opened.

export type AcceptedKind = 'image' | 'pdf' | 'text' | 'document';

export type AcceptedType = {
  mediaType: string;
  kind: AcceptedKind;
  /** What to call it in a message to a parent. */
  label: string;
};

const T = (mediaType: string, kind: AcceptedKind, label: string): AcceptedType => ({
  mediaType,
  kind,
  label,
});

export const ACCEPTED_TYPES = {
  jpeg: T('image/jpeg', 'image', 'a JPEG photo'),
  png: T('image/png', 'image', 'a PNG image'),
  gif: T('image/gif', 'image', 'a GIF image'),
  webp: T('image/webp', 'image', 'a WebP image'),
  heic: T('image/heic', 'image', 'a HEIC photo'),
  pdf: T('application/pdf', 'pdf', 'a PDF document'),
  text: T('text/plain', 'text', 'a plain-text file'),
  docx: T(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'document',
    'a Word document',
  ),
  xlsx: T(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'document',
    'an Excel spreadsheet',
  ),
  pptx: T(
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'document',
    'a PowerPoint presentation',
  ),
  doc: T('application/msword', 'document', 'a Word document'),
  xls: T('application/vnd.ms-excel', 'document', 'an Excel spreadsheet'),
  ppt: T('application/vnd.ms-powerpoint', 'document', 'a PowerPoint presentation'),
  odt: T('application/vnd.oasis.opendocument.text', 'document', 'an OpenDocument text'),
  ods: T('application/vnd.oasis.opendocument.spreadsheet', 'document', 'an OpenDocument spreadsheet'),
  odp: T('application/vnd.oasis.opendocument.presentation', 'document', 'an OpenDocument presentation'),
  rtf: T('application/rtf', 'document', 'a rich-text document'),
} as const;

/**
 * What an IEP or 504 plan may be brought in as (issue 16): a PDF, a Word document, or a photo of a page,
 * which the reader reads by OCR (src/importers/iep-document.ts). The upload, the backup's import and the
 * reader accept these and no others.
 */
export const IEP_DOCUMENT_TYPES: readonly AcceptedType[] = [
  ACCEPTED_TYPES.pdf,
  ACCEPTED_TYPES.docx,
  ACCEPTED_TYPES.jpeg,
  ACCEPTED_TYPES.png,
];

/** Images a browser may show inline: raster formats that cannot carry script. */
export const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
]);

/** What a file's name says it is, by its extension. */
const EXTENSION_KIND: Record<string, AcceptedKind | 'refused'> = {
  jpg: 'image',
  jpeg: 'image',
  jfif: 'image',
  png: 'image',
  gif: 'image',
  webp: 'image',
  heic: 'image',
  heif: 'image',
  bmp: 'image',
  tif: 'image',
  tiff: 'image',
  svg: 'refused',
  pdf: 'pdf',
  txt: 'text',
  csv: 'text',
  md: 'text',
  doc: 'document',
  docx: 'document',
  xls: 'document',
  xlsx: 'document',
  ppt: 'document',
  pptx: 'document',
  odt: 'document',
  ods: 'document',
  odp: 'document',
  rtf: 'document',
  html: 'refused',
  htm: 'refused',
  xhtml: 'refused',
  js: 'refused',
  mjs: 'refused',
  exe: 'refused',
  bat: 'refused',
  cmd: 'refused',
  sh: 'refused',
  zip: 'refused',
};

const KIND_WORDS: Record<AcceptedKind, string> = {
  image: 'an image',
  pdf: 'a PDF',
  text: 'a text file',
  document: 'an office document',
};

/**
 * A file that may be stored: its type, and the name to keep. A name with no extension, or one that
 * names no type (`scan`, `report.final`), gets the extension of what the bytes are, so the file opens
 * as what it is wherever it is saved.
 */
export type FileCheck = { ok: true; type: AcceptedType; filename: string } | { ok: false; message: string };

/**
 * The same, a refusal with its words too, for the server to say it in the reader's language (the
 * server-only catalog part `apierror`, its keys `apierror.file.*`; not loaded here).
 */
export type FileCheckWithWords =
  | { ok: true; type: AcceptedType; filename: string }
  | { ok: false; message: string; words: MessageWords };

/** A refusal of a file, with its words (`apierror.file.<name>`). */
const refusedFile = (
  message: string,
  name: string,
  values: Record<string, string>,
): { ok: false; message: string; words: MessageWords } => ({
  ok: false,
  message,
  words: { key: `apierror.file.${name}`, values },
});

/** The extension a file of each accepted type is given when its name has none. */
const TYPE_EXTENSION: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  [ACCEPTED_TYPES.docx.mediaType]: 'docx',
  [ACCEPTED_TYPES.xlsx.mediaType]: 'xlsx',
  [ACCEPTED_TYPES.pptx.mediaType]: 'pptx',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
  [ACCEPTED_TYPES.odt.mediaType]: 'odt',
  [ACCEPTED_TYPES.ods.mediaType]: 'ods',
  [ACCEPTED_TYPES.odp.mediaType]: 'odp',
  'application/rtf': 'rtf',
};

/** The accepted type with this media type (as stored on an attachment), if any. */
export function acceptedTypeOf(mediaType: string): AcceptedType | null {
  return Object.values(ACCEPTED_TYPES).find((t) => t.mediaType === mediaType) ?? null;
}

export const ACCEPTED_SUMMARY =
  'photos and images (JPEG, PNG, GIF, WebP, HEIC), PDF, plain text, and Word, Excel, PowerPoint, OpenDocument or RTF documents';

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < Math.min(to, bytes.length); i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

/** Does the byte sequence occur anywhere (used for stream names inside the old Office container)? */
function contains(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, 'latin1');
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 2 ** 24;
const be32 = (b: Uint8Array, at: number) =>
  b[at]! * 2 ** 24 + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);

/**
 * The names of the files inside a ZIP container, read from its central directory, or null when the
 * container is not sound: every entry must point at a local header of the same name, and the entries
 * must follow one another with nothing between them up to the central directory, so no file can hide
 * from the list (a tool that reads local headers would otherwise find what the directory leaves out).
 * ZIP64 is refused: no office document under the upload limit needs it.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const EOCD = 0x06054b50;
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === EOCD && at + 22 + u16(bytes, at + 20) === bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const start = u32(bytes, end + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) return null;
  if (start + size !== end) return null;
  const latin1 = (from: number, length: number) =>
    Buffer.from(bytes.buffer, bytes.byteOffset + from, length).toString('latin1');
  const entries: { name: string; offset: number; next: number }[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== 0x02014b50) return null;
    const flags = u16(bytes, at + 8);
    const compressed = u32(bytes, at + 20);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const offset = u32(bytes, at + 42);
    if (compressed === 0xffffffff || offset === 0xffffffff) return null;
    const name = latin1(at + 46, nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (at > end) return null;
    // The local header: same signature and name; its data follows, then a data descriptor when flagged.
    if (offset + 30 > start || u32(bytes, offset) !== 0x04034b50) return null;
    const localName = u16(bytes, offset + 26);
    const localExtra = u16(bytes, offset + 28);
    if (latin1(offset + 30, localName) !== name) return null;
    let next = offset + 30 + localName + localExtra + compressed;
    if (flags & 0x08) next += next + 4 <= start && u32(bytes, next) === 0x08074b50 ? 16 : 12;
    if (next > start) return null;
    entries.push({ name, offset, next });
  }
  if (at !== end) return null;
  entries.sort((a, b) => a.offset - b.offset);
  let expected = 0;
  for (const e of entries) {
    if (e.offset !== expected) return null;
    expected = e.next;
  }
  if (expected !== start) return null;
  return entries.map((e) => e.name);
}

/**
 * Names inside an office document that mean it is something else: programs, scripts and web pages
 * (which run when extracted and opened), macros (a .docx by definition has none), and paths that
 * climb out of the folder it is extracted to.
 */
const FOREIGN_ENTRY =
  /(^|\/)\.\.(\/|$)|^\/|\\|\.(exe|dll|com|scr|msi|bat|cmd|ps1|vbs|vbe|js|jse|wsf|wsh|hta|sh|jar|app|lnk|html?|xhtml|svg)$|(^|\/)vbaProject\.bin$|^(Basic|Scripts)\//i;

/** Which office format a ZIP container is, checked from the files it must and must not hold. */
function sniffZip(bytes: Uint8Array): AcceptedType | null {
  const names = zipEntryNames(bytes);
  if (!names || names.some((n) => FOREIGN_ENTRY.test(n))) return null;
  const has = (name: string) => names.includes(name);
  if (names[0] === 'mimetype' && ascii(bytes, 30, 38) === 'mimetype') {
    // OpenDocument: the first file, stored, names the format; the content and manifest must be there.
    if (!has('content.xml') || !has('META-INF/manifest.xml')) return null;
    const declared = ascii(bytes, 38, 38 + 60);
    if (declared.startsWith(ACCEPTED_TYPES.odt.mediaType)) return ACCEPTED_TYPES.odt;
    if (declared.startsWith(ACCEPTED_TYPES.ods.mediaType)) return ACCEPTED_TYPES.ods;
    if (declared.startsWith(ACCEPTED_TYPES.odp.mediaType)) return ACCEPTED_TYPES.odp;
    return null;
  }
  // Office Open XML: the content types, and the main part of the one format it claims to be.
  if (!has('[Content_Types].xml')) return null;
  const main = [
    [ACCEPTED_TYPES.docx, 'word/document.xml'],
    [ACCEPTED_TYPES.xlsx, 'xl/workbook.xml'],
    [ACCEPTED_TYPES.pptx, 'ppt/presentation.xml'],
  ] as const;
  const found = main.filter(([, part]) => has(part));
  return found.length === 1 ? found[0]![0] : null;
}

/** HEIF brands of still images (HEIC photos from phones). */
const HEIF_BRANDS = /^(heic|heix|heim|heis|hevc|hevx|mif1|msf1)$/;

/**
 * Whether the bytes are an ISO media file of HEIF boxes from start to end: a `ftyp` box with a HEIF
 * brand first, then boxes whose sizes add up to exactly the file, among them the `meta` box every
 * HEIF image has. Anything appended after a HEIC header breaks the chain and is refused.
 */
function isHeif(bytes: Uint8Array): boolean {
  if (ascii(bytes, 4, 8) !== 'ftyp' || !HEIF_BRANDS.test(ascii(bytes, 8, 12))) return false;
  let at = 0;
  let meta = false;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) return false;
    let size = be32(bytes, at);
    const type = ascii(bytes, at + 4, at + 8);
    if (!/^[a-z0-9 ]{4}$/i.test(type)) return false;
    if (size === 1) {
      if (at + 16 > bytes.length) return false;
      size = be32(bytes, at + 8) * 2 ** 32 + be32(bytes, at + 12);
    } else if (size === 0) {
      size = bytes.length - at;
    }
    if (size < 8 || at + size > bytes.length) return false;
    if (type === 'meta') meta = true;
    at += size;
  }
  return meta;
}

/**
 * Where a PDF's header may be. Readers accept `%PDF-` anywhere in the first kilobyte, after junk some
 * scanners and mail gateways put in front. We accept it at the very start, or later in that kilobyte
 * only when nothing before it looks like markup: an HTML page that mentions "%PDF-" near its top is a
 * web page, and would be one again in any browser that opens it.
 */
function pdfHeaderAt(bytes: Uint8Array): boolean {
  const head = ascii(bytes, 0, 1024);
  const at = head.indexOf('%PDF-');
  if (at === 0) return true;
  return at > 0 && !/<[a-z!?/]/i.test(head.slice(0, at));
}

const MARKUP_START = /^\s*<(!doctype|html|head|body|svg|script|iframe|\?xml|object|embed|meta|style|a\s)/i;

function sniffText(bytes: Uint8Array): 'text' | 'markup' | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // Control characters other than tab, line breaks and form feed mean this is not text.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point of the check
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return null;
  const head = text.replace(/^\uFEFF/, '').slice(0, 2048);
  if (MARKUP_START.test(head) || /<script[\s>]/i.test(head)) return 'markup';
  return 'text';
}

/** The type of a file from its first bytes (and, for containers, the names inside). */
export function sniffType(bytes: Uint8Array): AcceptedType | 'markup' | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ACCEPTED_TYPES.jpeg;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ACCEPTED_TYPES.png;
  const head = ascii(bytes, 0, 16);
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return ACCEPTED_TYPES.gif;
  if (head.startsWith('RIFF') && ascii(bytes, 8, 12) === 'WEBP') return ACCEPTED_TYPES.webp;
  if (ascii(bytes, 4, 8) === 'ftyp' && HEIF_BRANDS.test(ascii(bytes, 8, 12)))
    return isHeif(bytes) ? ACCEPTED_TYPES.heic : null;
  if (pdfHeaderAt(bytes)) return ACCEPTED_TYPES.pdf;
  if (head.startsWith('{\\rtf')) return ACCEPTED_TYPES.rtf;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // The old Office container: the stream names tell which program wrote it.
    if (contains(bytes, 'W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t')) return ACCEPTED_TYPES.doc;
    if (contains(bytes, 'W\0o\0r\0k\0b\0o\0o\0k') || contains(bytes, 'B\0o\0o\0k\0'))
      return ACCEPTED_TYPES.xls;
    if (contains(bytes, 'P\0o\0w\0e\0r\0P\0o\0i\0n\0t')) return ACCEPTED_TYPES.ppt;
    return null;
  }
  // ZIP: only the office formats built on it are accepted, never an arbitrary archive.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes);
  const text = sniffText(bytes);
  if (text === 'markup') return 'markup';
  if (text === 'text') return ACCEPTED_TYPES.text;
  return null;
}

export function extensionOf(filename: string): string | null {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(filename);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * A file name safe to keep and to offer back in a download: no folders, no control characters,
 * no leading dots, at most 200 characters (the extension kept).
 */
export function cleanFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  let name = withoutBidiControls(base)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .replace(/^\.+/, '')
    // Windows drops trailing dots and spaces: "photo.jpg." opens as "photo.jpg", so it is named so.
    .replace(/[.\s]+$/, '');
  if (name.length > 200) {
    const ext = extensionOf(name);
    name = ext ? `${name.slice(0, 199 - ext.length)}.${ext}` : name.slice(0, 200);
  }
  return name || 'file';
}

/**
 * Decide whether a file may be stored: not empty, not over the limit, of an accepted type by its
 * bytes, and named in a way that agrees with what it is. The message names the problem in words a
 * parent understands.
 */
export function checkUpload(bytes: Uint8Array, filename: string, maxBytes: number): FileCheck {
  const check = checkUploadWithWords(bytes, filename, maxBytes);
  return check.ok ? check : { ok: false, message: check.message };
}

/** `checkUpload`, its refusal with its words (`apierror.file.*`). */
export function checkUploadWithWords(
  bytes: Uint8Array,
  filename: string,
  maxBytes: number,
): FileCheckWithWords {
  if (bytes.length === 0)
    return refusedFile(`"${filename}" is empty (0 bytes); nothing was saved`, 'empty', { filename });
  if (bytes.length > maxBytes) {
    const [size, limit] = [formatBytes(bytes.length), formatBytes(maxBytes)];
    return refusedFile(`"${filename}" is ${size}, over the ${limit} limit; nothing was saved`, 'tooLarge', {
      filename,
      size,
      limit,
    });
  }
  const sniffed = sniffType(bytes);
  const ext = extensionOf(filename);
  const claimed = ext ? EXTENSION_KIND[ext] : undefined;
  if (sniffed === 'markup') {
    return refusedFile(
      `"${filename}" is a web page or markup (HTML, SVG or XML), which is not accepted because it could run in a browser. Save it as a PDF instead`,
      'markup',
      { filename },
    );
  }
  if (sniffed === null) {
    return refusedFile(
      `"${filename}" is not a type As Written accepts. Accepted: ${ACCEPTED_SUMMARY}`,
      'notAccepted',
      { filename },
    );
  }
  if (claimed === 'refused') {
    return refusedFile(
      `"${filename}" has a name ending in .${ext}, which is not accepted; rename it`,
      'extensionRefused',
      { filename, ext: ext ?? '' },
    );
  }
  if (claimed && claimed !== sniffed.kind) {
    const type = Object.entries(ACCEPTED_TYPES).find(([, t]) => t === sniffed)?.[0] ?? 'other';
    return refusedFile(
      `"${filename}" is named like ${KIND_WORDS[claimed]} (.${ext}) but its contents are ${sniffed.label}; nothing was saved`,
      'namedUnlike',
      { filename, claimed, ext: ext ?? '', type, label: sniffed.label },
    );
  }
  const typeExt = TYPE_EXTENSION[sniffed.mediaType]!;
  const named = claimed ? filename : `${filename.slice(0, 199 - typeExt.length)}.${typeExt}`;
  return { ok: true, type: sniffed, filename: named };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
