import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE } from './languages.ts';
import { createTranslator } from './translate.ts';

// The catalogs and the screens that use them (issue 17): every catalog has every key of the English
// one and no other, every message is valid ICU with the same arguments as the English, and the
// translated screens write no user-visible text outside the catalog.

const ROOT = resolve(import.meta.dirname, '../../..');
const LOCALES = join(ROOT, 'src/domain/i18n/locales');
type Part = Record<string, string>;
/** language → part ("app", "mail", …) → its messages. */
const catalogs = new Map(
  readdirSync(LOCALES).map((language) => {
    const files = readdirSync(join(LOCALES, language)).filter((f) => f.endsWith('.json'));
    const partsOf = new Map(
      files.map((f) => [
        f.replace(/\.json$/, ''),
        JSON.parse(readFileSync(join(LOCALES, language, f), 'utf8')) as Part,
      ]),
    );
    return [language, partsOf] as const;
  }),
);
const merged = (language: string): Part => Object.assign({}, ...catalogs.get(language)!.values());
const english = merged(DEFAULT_LANGUAGE);

/** The arguments a message uses, with their kinds ("count:plural", "name:argument"). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    into.add(`${e.value}:${TYPE[e.type]}`);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    }
    if (e.type === TYPE.tag) argumentsOf(e.children, into);
  }
  return into;
}

describe('the message catalogs', () => {
  it('are there: English and Spanish at least, each with messages', () => {
    expect([...catalogs.keys()]).toEqual(expect.arrayContaining(['en', 'es']));
    expect(Object.keys(english).length).toBeGreaterThan(50);
  });

  it('holds each key in one part only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [part, messages] of catalogs.get(DEFAULT_LANGUAGE)!) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${part}`);
        seen.set(key, part);
      }
    }
    expect(twice).toEqual([]);
  });

  for (const [language, partsOf] of catalogs) {
    it(`${language}: has the English parts, each with exactly the English keys`, () => {
      const problems: string[] = [];
      for (const [part, reference] of catalogs.get(DEFAULT_LANGUAGE)!) {
        const mine = partsOf.get(part);
        if (!mine) {
          problems.push(`${part}.json is missing`);
          continue;
        }
        for (const k of Object.keys(reference)) if (!(k in mine)) problems.push(`${part}: ${k} is missing`);
        for (const k of Object.keys(mine))
          if (!(k in reference)) problems.push(`${part}: ${k} is not in English`);
      }
      for (const part of partsOf.keys()) {
        if (!catalogs.get(DEFAULT_LANGUAGE)!.has(part)) problems.push(`${part}.json has no English part`);
      }
      expect(problems).toEqual([]);
    });

    it(`${language}: every message is valid ICU, with the English message's arguments`, () => {
      const problems: string[] = [];
      for (const [key, message] of Object.entries(merged(language))) {
        if (typeof message !== 'string' || message.trim() === '') {
          problems.push(`${key}: empty`);
          continue;
        }
        try {
          const mine = [...argumentsOf(parse(message, { ignoreTag: true }))].sort();
          const theirs = english[key]
            ? [...argumentsOf(parse(english[key], { ignoreTag: true }))].sort()
            : [];
          if (mine.join() !== theirs.join())
            problems.push(`${key}: ${mine.join(' ')} ≠ English ${theirs.join(' ')}`);
        } catch (error) {
          problems.push(`${key}: ${(error as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('formats plurals and selects by the language', () => {
    const es = createTranslator('es', { n: '{count, plural, one {# sesión} other {# sesiones}}' });
    expect(es.t('n', { count: 1 })).toBe('1 sesión');
    expect(es.t('n', { count: 3 })).toBe('3 sesiones');
    expect(es.t('missing.key')).toBe('missing.key');
    const en = createTranslator('en', english);
    expect(en.t('invite.intro', { role: 'co_parent' })).toBe('You are invited as a co-parent.');
    expect(createTranslator('es', merged('es')).t('invite.intro', { role: 'advocate' })).toBe(
      'Le invitan como defensor.',
    );
  });
});

// ── the translated screens write nothing user-visible outside the catalog ──

/**
 * The web files not yet moved into the catalog. Every other file under web/ (a new one too) is
 * checked; a file leaves this list when its strings move into the catalog, and the check then keeps
 * it so. The list only shrinks.
 */
const NOT_YET_TRANSLATED = new Set(['web/components/plain-words.ts']);

/** Every .ts/.tsx file of the web app, tests left out. */
function webFiles(dir = 'web'): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return webFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The web files whose every user-visible string comes from the catalog. */
const TRANSLATED_WEB_FILES = webFiles()
  .filter((file) => !NOT_YET_TRANSLATED.has(file))
  .sort();

/** Props whose string value a person reads or hears. */
const VISIBLE_PROPS = new Set([
  'label',
  'title',
  'description',
  'placeholder',
  'aria-label',
  'alt',
  'message',
  'intro',
  'error',
]);

/** Text a person would read in a file: JSX text and literal strings given to visible props. */
function visibleLiterals(file: string, text = readFileSync(join(ROOT, file), 'utf8')): string[] {
  // A .ts file is read as TypeScript: as TSX, a generic arrow (`<T>(path) => …`) would read as JSX text.
  const kind = file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.TSX;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const hasWords = (s: string) => /\p{L}{2,}/u.test(s);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && VISIBLE_PROPS.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) &&
            init.expression &&
            (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
          ? init.expression.text
          : null;
      if (literal && hasWords(literal)) found.push(`${node.name.getText(source)}="${literal}"`);
    }
    // Plain English sentences in code (a message built in a handler): a capital letter, words, a space.
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      /^[A-Z][a-z]+(?: [\p{L}’',.:;!?]+){2,}/u.test(node.text) &&
      !ts.isImportDeclaration(node.parent)
    ) {
      found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the translated screens', () => {
  it('finds text where there is text (the check can fail)', () => {
    // A screen as it was before its strings moved into the catalog (the home screen's own words).
    const untranslated = [
      '<Title order={2}>{name}’s week</Title>',
      '<Button aria-label={label}>Log a session</Button>',
      '<TextInput label="Date of the make-up" placeholder="Snow day" />',
      "setError('There is no school calendar yet. Finish setup first.');",
    ].join('\n');
    expect(visibleLiterals('fixture.tsx', untranslated)).toEqual([
      '’s week',
      'Log a session',
      'label="Date of the make-up"',
      'Date of the make-up',
      'placeholder="Snow day"',
      'There is no school calendar yet. Finish setup first.',
    ]);
  });

  for (const file of TRANSLATED_WEB_FILES) {
    it(`${file}: every user-visible string is in the catalog`, () => {
      expect(visibleLiterals(file)).toEqual([]);
    });
  }

  it('use only keys the catalogs have', () => {
    const unknown: string[] = [];
    for (const file of TRANSLATED_WEB_FILES) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/\bt(?:Parts)?\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        if (!(m[1]! in english)) unknown.push(`${file}: ${m[1]}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});
