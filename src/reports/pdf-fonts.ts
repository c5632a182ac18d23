import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import { isWinAnsi, printableText } from './report-text.ts';

// The fonts of the PDFs (the implementation report, the living IEP) and the one place their text is
// drawn through, so a name or a note prints in any of the scripts families write in.
//
// - Arimo (Regular, Bold) draws Latin (with every Spanish and Vietnamese letter), Greek, Cyrillic and
//   Hebrew. It has Helvetica's widths, so the pages break where they did with the standard fonts.
//   Italic is Arimo Regular slanted by 12 degrees, as Helvetica-Oblique is Helvetica slanted: one
//   font less to embed. Hashes stay in Courier, a standard font (hex digits only).
// - Noto Naskh Arabic (Regular, Bold) draws Arabic; Noto Sans Hans (Regular, Bold), the CJK
//   ideographs (Chinese, and the kanji of Japanese names) and kana. Hangul is not covered yet.
// - Each line is split into runs by font (the first of the chain that has the glyph; a mark or a
//   space stays with the letter before it) and by direction: bidi-js resolves the Unicode
//   Bidirectional Algorithm's levels on the line, in a left-to-right paragraph, and the runs are
//   drawn in visual order, right-to-left words reversed and their brackets mirrored. fontkit
//   shapes each Arabic word (its joining forms) and lays it out right to left. The direction
//   controls a hostile name could carry are gone before this (src/domain/bidi.ts).
// - Widths are measured the same way, so pdfkit's line wrapping, alignment and heightOfString work
//   on mixed text. pdfkit embeds a subset of each font used (only the glyphs drawn) with a
//   ToUnicode map, so copying text from the PDF gives the characters back.
//
// pdfkit has no hook for this: its document's `_fragment` (draws one line of one font) and
// `widthOfString` are replaced on each document (pdfkit 0.20, pinned; the tests read the text back
// with pdftotext). The font files are read from their npm packages, found by module resolution at
// run time, once per process; the CJK and Arabic ones only when a text needs them.

export type Doc = PDFKit.PDFDocument;

/** The faces the reports draw with (`doc.font(FONT.bold)`). */
export const FONT = { regular: 'Sans', bold: 'Sans-Bold', italic: 'Sans-Italic', mono: 'Courier' } as const;

type FontKey = 'sans' | 'sansBold' | 'arabic' | 'arabicBold' | 'cjk' | 'cjkBold';

const FONT_FILES: Record<FontKey, { pkg: string; file: string; name: string }> = {
  sans: { pkg: '@expo-google-fonts/arimo', file: '400Regular/Arimo_400Regular.ttf', name: FONT.regular },
  sansBold: { pkg: '@expo-google-fonts/arimo', file: '700Bold/Arimo_700Bold.ttf', name: FONT.bold },
  arabic: { pkg: '@embedpdf/fonts-arabic', file: 'fonts/NotoNaskhArabic-Regular.ttf', name: 'Arabic' },
  arabicBold: { pkg: '@embedpdf/fonts-arabic', file: 'fonts/NotoNaskhArabic-Bold.ttf', name: 'Arabic-Bold' },
  cjk: { pkg: '@embedpdf/fonts-sc', file: 'fonts/NotoSansHans-Regular.otf', name: 'CJK' },
  cjkBold: { pkg: '@embedpdf/fonts-sc', file: 'fonts/NotoSansHans-Bold.otf', name: 'CJK-Bold' },
};

/** Fonts tried in turn for a character, by the face in use (pdfkit's font name). */
const CHAINS: Record<string, readonly FontKey[]> = {
  'Arimo-Regular': ['sans', 'arabic', 'cjk'],
  'Arimo-Bold': ['sansBold', 'arabicBold', 'cjkBold'],
};
const STANDARD_CHAIN: readonly FontKey[] = ['sans', 'arabic', 'cjk'];

/** Helvetica-Oblique's slant, in degrees. */
const ITALIC_SLANT = 12;

const require = createRequire(import.meta.url);

/** The folder of an installed package (some export only their entry point, not their files). */
function packageFolder(pkg: string): string {
  let dir = dirname(require.resolve(pkg));
  const isPackage = (folder: string) => {
    const manifest = join(folder, 'package.json');
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === pkg;
  };
  while (!isPackage(dir)) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`the font package ${pkg} is not installed`);
    dir = up;
  }
  return dir;
}

const loaded = new Map<FontKey, Font>();

function fontOf(key: FontKey): Font {
  let font = loaded.get(key);
  if (!font) {
    const { pkg, file } = FONT_FILES[key];
    font = create(readFileSync(join(packageFolder(pkg), file))) as Font;
    loaded.set(key, font);
  }
  return font;
}

// bidi-js is a CommonJS module exporting its factory: required, so its types match what loads.
const bidiFactory: typeof import('bidi-js').default = require('bidi-js');
const bidi = bidiFactory();

/** The blocks of right-to-left scripts (Hebrew, Arabic, ...): a line holding one needs the bidi pass. */
function isRightToLeftBlock(code: number): boolean {
  return (
    (code >= 0x0590 && code <= 0x08ff) ||
    (code >= 0xfb1d && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfeff) ||
    (code >= 0x10800 && code <= 0x10fff) ||
    (code >= 0x1e800 && code <= 0x1efff)
  );
}

/** Direction marks: they steer the bidi pass and are not drawn. */
const DIRECTION_MARKS = new Set([0x200e, 0x200f, 0x061c]);

/** Whether some font of the reports can draw a character (what printableText asks). */
export function fontsCanDraw(char: string): boolean {
  const code = char.codePointAt(0)!;
  if (code >= 0x20 && code < 0x7f) return true;
  if (DIRECTION_MARKS.has(code)) return true;
  return STANDARD_CHAIN.some((key) => fontOf(key).hasGlyphForCodePoint(code));
}

/** Text as the reports' fonts draw it: printableText with these fonts' characters. */
export function pdfText(text: string): string {
  return printableText(text, fontsCanDraw);
}

// pdfkit's internals the drawing relies on (pdfkit 0.20).
type PdfFont = {
  name: string;
  ascender: number;
  font?: Font;
  widthOfString(text: string, size: number, features?: unknown): number;
};
type FragmentOptions = PDFKit.Mixins.TextOptions & {
  lineWidth?: number;
  textWidth?: number;
  horizontalScaling?: number;
};
type Internals = {
  _font: PdfFont;
  _fontSource: unknown;
  _fontFamily: unknown;
  _fontSize: number;
  _fragment(text: string, x: number, y: number, options: FragmentOptions): void;
  widthOfString(text: string, options?: FragmentOptions): number;
  font(src: string, family?: string | number, size?: number): Doc;
  registerFont(name: string, src: unknown): Doc;
};

/** A piece of a line drawn with one font in one direction, in visual order. */
type Run = { text: string; font: PdfFont; level: number; width: number };

const RIGHT_TO_LEFT_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const MARK = /^(?:\p{M}|\u200c|\u200d|[\ufe00-\ufe0f])$/u;

function covers(font: PdfFont, char: string): boolean {
  // A standard font (Courier) has WinAnsi.
  if (!font.font) return isWinAnsi(char);
  return font.font.hasGlyphForCodePoint(char.codePointAt(0)!);
}

/**
 * Draw every document's text through the font chain and the bidi pass: see the top of this file.
 * Returns the document with FONT's faces registered and the regular one selected.
 */
export function createPdf(options: PDFKit.PDFDocumentOptions): Doc {
  const doc = new PDFDocument(options);
  const internal = doc as unknown as Internals;
  const fragment = internal._fragment.bind(doc);
  const measure = internal.widthOfString.bind(doc);
  const selectFont = internal.font.bind(doc);
  internal.registerFont(FONT.regular, fontOf('sans'));
  internal.registerFont(FONT.bold, fontOf('sansBold'));
  let oblique = false;
  const fonts = new Map<FontKey, PdfFont>();

  /** pdfkit's font object of a key, registered on first use, leaving the current font as it was. */
  const pdfFont = (key: FontKey): PdfFont => {
    let font = fonts.get(key);
    if (!font) {
      const current = { font: internal._font, source: internal._fontSource, family: internal._fontFamily };
      const { name } = FONT_FILES[key];
      if (key !== 'sans' && key !== 'sansBold') internal.registerFont(name, fontOf(key));
      selectFont(name);
      font = internal._font;
      internal._font = current.font;
      internal._fontSource = current.source;
      internal._fontFamily = current.family;
      fonts.set(key, font);
    }
    return font;
  };

  internal.font = (src, family, size) => {
    oblique = src === FONT.italic;
    return selectFont(oblique ? FONT.regular : src, family, size);
  };

  /** Whether the current font draws the text as it stands, left to right (most text). */
  const plain = (text: string): boolean => {
    const font = internal._font;
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (code >= 0x20 && code < 0x7f) continue;
      if (isRightToLeftBlock(code) || DIRECTION_MARKS.has(code) || !covers(font, char)) return false;
    }
    return true;
  };

  /** The line split into runs of one font and one direction, in visual order, with their widths. */
  const runsOf = (text: string): Run[] => {
    const main = internal._font;
    const chain = (CHAINS[main.name] ?? STANDARD_CHAIN).map(pdfFont);
    if (!main.font) chain.unshift(main);
    const { levels } = bidi.getEmbeddingLevels(text, 'ltr');
    const runs: Omit<Run, 'width'>[] = [];
    let index = 0;
    for (const original of text) {
      const level = levels[index] ?? 0;
      index += original.length;
      const code = original.codePointAt(0)!;
      if (DIRECTION_MARKS.has(code)) continue;
      const char = level % 2 === 1 ? (bidi.getMirroredCharacter(original) ?? original) : original;
      const last = runs[runs.length - 1];
      // A mark (an accent, a vowel sign, a joiner) stays in the font of its letter.
      let font =
        last && MARK.test(char) && covers(last.font, char) ? last.font : chain.find((f) => covers(f, char));
      const drawn = font ? char : '?';
      font ??= chain[0]!;
      // A right-to-left run is cut at its spaces: pdfkit lays out a string word by word, and the
      // words of a right-to-left run must be drawn in reverse order.
      const cut = level % 2 === 1 && (char === ' ' || last?.text.endsWith(' '));
      if (last && last.font === font && last.level === level && !cut) last.text += drawn;
      else runs.push({ text: drawn, font, level });
    }
    // Unicode's rule L2: from the highest level down to the lowest odd one, reverse every sequence
    // of runs at that level or higher.
    const highest = Math.max(0, ...runs.map((r) => r.level));
    const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : r.level + 1)));
    for (let level = highest; level >= lowestOdd; level--) {
      for (let start = 0; start < runs.length; start++) {
        if (runs[start]!.level < level) continue;
        let end = start;
        while (end + 1 < runs.length && runs[end + 1]!.level >= level) end++;
        runs.splice(start, end - start + 1, ...runs.slice(start, end + 1).reverse());
        start = end;
      }
    }
    return runs.map((r) => {
      // fontkit lays out a word of a right-to-left script from right to left itself; anything
      // else at an odd level (punctuation between two such words) is reversed here.
      const text =
        r.level % 2 === 1 && !RIGHT_TO_LEFT_SCRIPT.test(r.text) ? [...r.text].reverse().join('') : r.text;
      return { ...r, text, width: r.font.widthOfString(text, internal._fontSize) };
    });
  };

  internal.widthOfString = (text, options = {}) => {
    if (plain(text)) return measure(text, options);
    const width = runsOf(text).reduce((sum, r) => sum + r.width, 0);
    const scaling = (options.horizontalScaling ?? 100) / 100;
    return (width + (options.characterSpacing ?? 0) * ([...text].length - 1)) * scaling;
  };

  internal._fragment = (given, x, y, options) => {
    const text = given.replace(/\n/g, '');
    const slanted = oblique && options.oblique == null ? { ...options, oblique: ITALIC_SLANT } : options;
    if (text.length === 0 || plain(text)) {
      fragment(text, x, y, slanted);
      return;
    }
    const main = internal._font;
    const size = internal._fontSize;
    const runs = runsOf(text);
    const width = runs.reduce((sum, r) => sum + r.width, 0);
    let left = x;
    if (options.width && options.lineWidth != null) {
      if (options.align === 'right')
        left += options.lineWidth - internal.widthOfString(text.replace(/\s+$/, ''));
      else if (options.align === 'center') left += options.lineWidth / 2 - (options.textWidth ?? width) / 2;
    }
    const { features, fill, stroke } = options;
    const oblique_ = slanted.oblique;
    try {
      for (const r of runs) {
        internal._font = r.font;
        // Every font sits on the main font's baseline (pdfkit puts a font's ascender at y).
        const shift = ((main.ascender - r.font.ascender) / 1000) * size;
        fragment(r.text, left, y + shift, { features, fill, stroke, oblique: oblique_ });
        left += r.width;
      }
    } finally {
      internal._font = main;
    }
  };

  doc.font(FONT.regular);
  return doc;
}
