import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The API contract sits between the web app and the server: the web imports only the contract and
// the pure domain, and the contract imports only zod, the pure domain and itself. These read every
// import (static, dynamic and type-only) of the two folders and name each one that crosses the line.

const ROOT = resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports, as a path from the repository root (packages by their name). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specifiers.map((s) => (s.startsWith('.') ? relative(ROOT, resolve(dirname(file), s)) : s));
}

function crossings(folder: string, allowed: (target: string) => boolean): string[] {
  return filesUnder(join(ROOT, folder))
    .filter((file) => !file.endsWith('.test.ts'))
    .flatMap((file) =>
      importsOf(file)
        .filter((target) => !allowed(target))
        .map((target) => `${relative(ROOT, file)} imports ${target}`),
    );
}

describe('the API contract', () => {
  it('imports only zod, the pure domain and itself', () => {
    const allowed = (target: string) =>
      target === 'zod' || target.startsWith('src/domain/') || target.startsWith('src/api/');
    expect(crossings('src/api', allowed)).toEqual([]);
  });

  it('is all the web app takes from the server side: it never imports src/server, src/store or the reports', () => {
    const forbidden = ['src/server/', 'src/store/', 'src/reports/', 'src/cli/', 'src/importers/'];
    const allowed = (target: string) => !forbidden.some((prefix) => target.startsWith(prefix));
    expect(crossings('web', allowed)).toEqual([]);
  });
});
