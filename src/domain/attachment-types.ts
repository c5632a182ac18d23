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

export type FileCheck = { ok: true; type: AcceptedType } | { ok: false; message: string };

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

/** Does the byte sequence occur anywhere (used for names inside ZIP containers)? */
function contains(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, 'latin1');
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
  if (
    ascii(bytes, 4, 8) === 'ftyp' &&
    /^(heic|heix|heim|heis|hevc|hevx|mif1|msf1)$/.test(ascii(bytes, 8, 12))
  )
    return ACCEPTED_TYPES.heic;
  // PDF readers accept the header anywhere in the first kilobyte; so do we, but it must be there.
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return ACCEPTED_TYPES.pdf;
  if (head.startsWith('{\\rtf')) return ACCEPTED_TYPES.rtf;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // The old Office container: the stream names tell which program wrote it.
    if (contains(bytes, 'W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t')) return ACCEPTED_TYPES.doc;
    if (contains(bytes, 'W\0o\0r\0k\0b\0o\0o\0k') || contains(bytes, 'B\0o\0o\0k\0'))
      return ACCEPTED_TYPES.xls;
    if (contains(bytes, 'P\0o\0w\0e\0r\0P\0o\0i\0n\0t')) return ACCEPTED_TYPES.ppt;
    return null;
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // ZIP: only the office formats built on it are accepted, never an arbitrary archive.
    if (ascii(bytes, 30, 38) === 'mimetype') {
      const declared = ascii(bytes, 38, 38 + 60);
      if (declared.startsWith(ACCEPTED_TYPES.odt.mediaType)) return ACCEPTED_TYPES.odt;
      if (declared.startsWith(ACCEPTED_TYPES.ods.mediaType)) return ACCEPTED_TYPES.ods;
      if (declared.startsWith(ACCEPTED_TYPES.odp.mediaType)) return ACCEPTED_TYPES.odp;
      return null;
    }
    if (!contains(bytes, '[Content_Types].xml')) return null;
    if (contains(bytes, 'word/')) return ACCEPTED_TYPES.docx;
    if (contains(bytes, 'xl/')) return ACCEPTED_TYPES.xlsx;
    if (contains(bytes, 'ppt/')) return ACCEPTED_TYPES.pptx;
    return null;
  }
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
  let name = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .replace(/^\.+/, '');
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
  if (bytes.length === 0)
    return { ok: false, message: `"${filename}" is empty (0 bytes); nothing was saved` };
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      message: `"${filename}" is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit; nothing was saved`,
    };
  }
  const sniffed = sniffType(bytes);
  const ext = extensionOf(filename);
  const claimed = ext ? EXTENSION_KIND[ext] : undefined;
  if (sniffed === 'markup') {
    return {
      ok: false,
      message: `"${filename}" is a web page or markup (HTML, SVG or XML), which is not accepted because it could run in a browser. Save it as a PDF instead`,
    };
  }
  if (sniffed === null) {
    return {
      ok: false,
      message: `"${filename}" is not a type As Written accepts. Accepted: ${ACCEPTED_SUMMARY}`,
    };
  }
  if (claimed === 'refused') {
    return {
      ok: false,
      message: `"${filename}" has a name ending in .${ext}, which is not accepted; rename it`,
    };
  }
  if (claimed && claimed !== sniffed.kind) {
    return {
      ok: false,
      message: `"${filename}" is named like ${KIND_WORDS[claimed]} (.${ext}) but its contents are ${sniffed.label}; nothing was saved`,
    };
  }
  return { ok: true, type: sniffed };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
