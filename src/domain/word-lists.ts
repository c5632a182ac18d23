// Lists and counts in words, shared by the letters (src/domain/letter-words.ts re-exports them) and the
// web app's screens. A module of their own so that the home screen, which needs only these, does not load
// every word of the letter writer (about 1 KB gzip of its first screen's JavaScript). Pure.

/** "a", "a and b", "a, b and c". Items that hold commas (long dates) are joined with semicolons. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const separator = items.some((i) => i.includes(',')) ? '; ' : ', ';
  return `${items.slice(0, -1).join(separator)} and ${items[items.length - 1]!}`;
}

/** "a", "a and b", "a, b and c", with commas whatever the items hold (unlike `listWords`). */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

/** "1 minute", "3 minutes": a count with its noun, the plural made with "s" unless given. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
