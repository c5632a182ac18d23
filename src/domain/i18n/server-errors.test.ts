import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { type ApiErrorKey, apiError, apiWords } from '../api-errors.ts';
import { checkUploadWithWords as checkUpload } from '../attachment-types.ts';
import { notFound } from '../errors.ts';
import en from './locales/en/apierror.json' with { type: 'json' };
import es from './locales/es/apierror.json' with { type: 'json' };
import { createTranslator } from './translate.ts';

// The server's errors in the reader's language (issue 17): every `new AppError(...)` a person reads
// gives its words (the catalog part `apierror`, server only, through `apiError`/`apiWords` of
// src/domain/api-errors.ts, or a 4th argument), and the English of each key is exactly the message the
// code throws. A call without words fails here unless it is in NO_WORDS, with its reason.

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * The `new AppError(...)` calls that give no words: the file, the source text of the message argument
 * (its start, a template's `${x}` written `{x}`), and why. A call leaves this list when it gets its words, and the check then keeps it
 * so; an entry that matches no call fails too. The list only shrinks.
 */
const NO_WORDS: readonly { file: string; message: string; reason: string }[] = [
  {
    file: 'src/domain/errors.ts',
    message: '`{path} {message}`',
    reason: 'invalid(): said from its field, by its rule (error.rule.*) and error.validation',
  },
  {
    file: 'src/domain/errors.ts',
    message: '`Invalid input: ',
    reason: 'validationError(): said from its first field (error.field.*, error.validation)',
  },
  {
    file: 'src/server/jobs/in-process.ts',
    message: '`no handler is registered',
    reason: 'a programming error of the job runner (a job with no handler); nobody reads it',
  },
  {
    file: 'src/server/jobs/pg-boss.ts',
    message: '`no handler is registered',
    reason: 'a programming error of the job runner (a job with no handler); nobody reads it',
  },
  {
    file: 'src/server/services/email-import.ts',
    message: "'An email import must belong to a household'",
    reason: 'a programming error (a job queued without its household); nobody reads it',
  },
];

/** Every .ts file of a folder, tests left out. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

const SERVER_FILES = [...sourceFiles('src/server'), ...sourceFiles('src/domain')].sort();

type Call = { file: string; line: number; message: string; words: boolean };

/** The `new AppError(...)` calls of a file: where, the message argument's source, and whether it gives words. */
function appErrorCalls(file: string, text = readFileSync(join(ROOT, file), 'utf8')): Call[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const calls: Call[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'AppError') {
      const args = node.arguments ?? ts.factory.createNodeArray();
      const words = args[3];
      calls.push({
        file,
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        // `${x}` written `{x}`, so the list below reads as plain strings.
        message: (args[1]?.getText(source) ?? '').replace(/\$\{/g, '{'),
        words: !!words && words.getText(source) !== 'undefined',
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

const allowed = (call: Call) =>
  NO_WORDS.find((entry) => entry.file === call.file && call.message.startsWith(entry.message));

describe('the server’s errors give their words', () => {
  const calls = SERVER_FILES.flatMap((file) => appErrorCalls(file));

  it('finds a call without words (the check can fail)', () => {
    const fixture = [
      "throw new AppError('conflict', 'This letter was sent; it can no longer change');",
      "throw new AppError('conflict', 'Said', undefined, { key: 'apierror.letter.sentNoChange' });",
      "throw new AppError('conflict', 'Said', undefined, undefined);",
    ].join('\n');
    expect(appErrorCalls('fixture.ts', fixture).map((c) => [c.line, c.words])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
  });

  it('finds the calls (the scan reads the files)', () => {
    expect(calls.length).toBeGreaterThan(15);
  });

  it('every `new AppError` a person reads gives its words', () => {
    const missing = calls
      .filter((call) => !call.words && !allowed(call))
      .map((c) => `${c.file}:${c.line}: ${c.message}`);
    expect(missing).toEqual([]);
  });

  it('the list of calls without words only names calls that still have none', () => {
    const stale = NO_WORDS.filter(
      (entry) => !calls.some((call) => !call.words && allowed(call) === entry),
    ).map((entry) => `${entry.file}: ${entry.message}`);
    expect(stale).toEqual([]);
    for (const entry of NO_WORDS) expect(entry.reason.length).toBeGreaterThan(10);
  });
});

// ── the catalog part `apierror` ──

const english = en as Record<string, string>;
const spanish = es as Record<string, string>;
const enT = createTranslator('en', english);
const esT = createTranslator('es', spanish);

/**
 * Every string literal (and template head) of the server's, the domain's and the importers' files (an
 * importer's refusal names its key: `new EmailFileError('emailFile.empty')`).
 */
const LITERALS = new Set(
  [...SERVER_FILES, ...sourceFiles('src/importers')].flatMap((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const found: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
      if (ts.isTemplateExpression(node)) found.push(node.head.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  }),
);

describe('the catalog part apierror', () => {
  it('has the same keys in Spanish, each said differently', () => {
    expect(Object.keys(spanish).sort()).toEqual(Object.keys(english).sort());
    const same = Object.keys(english).filter((key) => spanish[key] === english[key]);
    expect(same).toEqual([]);
  });

  it('has every key used by the code (by its name after "apierror.", or in full)', () => {
    const unused = Object.keys(english).filter((key) => {
      const short = key.replace(/^apierror\./, '');
      const name = short.split('.').pop()!;
      // apierror.file.* are named by src/domain/attachment-types.ts (`refusedFile(message, name)`).
      const prefix = `${key.slice(0, key.length - name.length)}`;
      return !(LITERALS.has(key) || LITERALS.has(short) || (LITERALS.has(name) && LITERALS.has(prefix)));
    });
    expect(unused).toEqual([]);
  });

  it('knows every key the code names', () => {
    const unknown = [...LITERALS].filter(
      (s) => /^apierror\.[a-zA-Z]+\.[a-zA-Z]+$/.test(s) && !(s in english),
    );
    expect(unknown).toEqual([]);
  });

  it('says in English exactly the messages the code wrote before (English never changes)', () => {
    const say = (key: ApiErrorKey, values?: Record<string, string | number>) => apiWords(key, values).message;
    expect(say('household.roleRefused', { role: 'co_parent' })).toBe(
      'Your role in this household (co-parent) does not allow this',
    );
    expect(say('household.roleRefused', { role: 'viewer' })).toBe(
      'Your role in this household (viewer) does not allow this',
    );
    expect(say('document.pageMissing', { pages: 1, page: '2' })).toBe(
      'This document has 1 page: there is no page 2',
    );
    expect(say('document.pageMissing', { pages: 12, page: '1500' })).toBe(
      'This document has 12 pages: there is no page 1500',
    );
    const unfilled = (field: string, others: number) =>
      say('letter.unfilled', {
        placeholder: '[your name]',
        where: /^(to|cc)\./.test(field) ? field.slice(0, 2) : field,
        number: String(Number(field.split('.')[1]) + 1),
        field,
        others,
      });
    expect(unfilled('body', 0)).toBe('Fill in or remove "[your name]" (in the letter) before sending.');
    expect(unfilled('subject', 1)).toBe(
      'Fill in or remove "[your name]" (in the subject) before sending, and 1 more gap in brackets.',
    );
    expect(unfilled('to.0', 2)).toBe(
      'Fill in or remove "[your name]" (in the name of recipient 1) before sending, and 2 more gaps in brackets.',
    );
    expect(unfilled('cc.1', 0)).toBe(
      'Fill in or remove "[your name]" (in the name of copied person 2) before sending.',
    );
    expect(unfilled('signature', 0)).toBe('Fill in or remove "[your name]" (in signature) before sending.');
    expect(say('record.notDeletable', { kind: 'child', label: 'Child' })).toBe(
      'Child records cannot be deleted',
    );
    expect(say('record.alreadyVoided', { kind: 'work_sample', name: 'work sample' })).toBe(
      'This work sample was already voided; undo the void first to change it',
    );
    expect(say('record.notVoided', { kind: 'behavior_incident', name: 'behavior incident' })).toBe(
      'This behavior incident is not voided',
    );
    expect(say('attachment.damaged', { filename: 'a.png', type: 'png', label: 'a PNG image' })).toBe(
      '"a.png" starts like a PNG image but could not be read as one (it may be damaged); nothing was saved',
    );
    expect(
      say('attachment.tooManyPixels', {
        filename: 'big.jpg',
        width: '12000',
        height: '9000',
        megapixels: '108',
        max: '100',
      }),
    ).toBe(
      '"big.jpg" is 12000 x 9000 pixels (108 megapixels); the largest image accepted is 100 megapixels. Save a smaller copy (a phone\'s "medium" or "large" size) and upload that; nothing was saved',
    );
    expect(say('serviceLog.lineInRecord', { line: 3, longDate: '2026-11-26' })).toBe(
      'Line 3 (Thursday, November 26) is in the record already',
    );
    expect(say('invitation.sentTo', { email: 'g***@example.com' })).toBe(
      'This invitation was sent to g***@example.com',
    );
  });

  it('says a 404 in English as before, and in Spanish by what it names', () => {
    const error = notFound('Plan of this child', 'p-1', 'planId');
    expect(error.message).toBe('Plan of this child p-1 was not found');
    expect(enT.t(error.words!.key, error.words!.values)).toBe(error.message);
    expect(esT.t(error.words!.key, error.words!.values)).toBe('No se encontró el plan de este niño(a) p-1');
    const bare = notFound('Version 3 of plan');
    expect(bare.message).toBe('Version 3 of plan was not found');
    expect(enT.t(bare.words!.key, bare.words!.values)).toBe(bare.message);
    expect(esT.t(bare.words!.key, bare.words!.values)).toBe('No se encontró Version 3 of plan');
  });

  it('says each refusal of a file in English as checkUpload writes it', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n');
    const cases = [
      checkUpload(new Uint8Array(), 'empty.pdf', 1000),
      checkUpload(pdf, 'big.pdf', 10),
      checkUpload(new TextEncoder().encode('<!DOCTYPE html><html><body>x</body></html>'), 'page.pdf', 1000),
      checkUpload(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 'blob.bin', 1000),
      checkUpload(pdf, 'plan.exe', 1000),
      checkUpload(pdf, 'photo.jpg', 1000),
    ];
    const refused = cases.flatMap((c) => (c.ok ? [] : [c]));
    expect(refused.map((c) => c.words.key)).toEqual([
      'apierror.file.empty',
      'apierror.file.tooLarge',
      'apierror.file.markup',
      'apierror.file.notAccepted',
      'apierror.file.extensionRefused',
      'apierror.file.namedUnlike',
    ]);
    for (const c of refused) {
      expect(enT.t(c.words.key, c.words.values)).toBe(c.message);
      expect(esT.t(c.words.key, c.words.values)).not.toBe(c.message);
    }
    expect(esT.t(refused[5]!.words.key, refused[5]!.words.values)).toBe(
      'El nombre de "photo.jpg" es de una imagen (.jpg), pero su contenido es un documento PDF; no se guardó nada',
    );
  });

  it('builds the AppError with its English message and its words', () => {
    const error = apiError('conflict', 'letter.alreadySent');
    expect(error.message).toBe('This letter is already marked as sent');
    expect(error.words).toEqual({ key: 'apierror.letter.alreadySent' });
    expect(error.code).toBe('conflict');
  });
});

// ── server only: the web app does not bundle the part ──

/** The files a web file imports (relative specifiers; `import.meta.glob` is lazy and left out). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) =>
    relative(ROOT, resolve(ROOT, dirname(file), m[1]!)),
  );
}

describe('the part apierror is the server’s', () => {
  it('is reached by no import of the web app', () => {
    const seen = new Set<string>();
    const queue = sourceFilesOfWeb('web');
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      if (/\.tsx?$/.test(file)) queue.push(...importsOf(file));
    }
    expect(seen.size).toBeGreaterThan(50);
    expect([...seen].filter((f) => /api-errors\.ts$|apierror\.json$/.test(f))).toEqual([]);
    // The web app loads its parts by name (web/i18n/keys.ts): apierror is not one of them, and its
    // lazy loaders (`import.meta.glob` of the locales) leave it out, so the build has no chunk of it.
    expect(readFileSync(join(ROOT, 'web/i18n/keys.ts'), 'utf8')).not.toMatch(/apierror/);
    expect(readFileSync(join(ROOT, 'web/i18n/i18n.tsx'), 'utf8')).toContain(
      "'!../../src/domain/i18n/locales/*/apierror.json'",
    );
  });
});

function sourceFilesOfWeb(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFilesOfWeb(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
