// Rows use snake_case and keep JSON as text; the API uses camelCase objects. These two
// functions are the only place the two shapes meet for plain records.

const toCamel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const toSnake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function rowToRecord(
  row: Record<string, unknown>,
  jsonFields: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const name = toCamel(key);
    out[name] = jsonFields.includes(name) && typeof value === 'string' ? JSON.parse(value) : value;
  }
  return out;
}

export function recordToRow(
  record: Record<string, unknown>,
  jsonFields: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    out[toSnake(key)] = jsonFields.includes(key) && value !== null ? JSON.stringify(value) : value;
  }
  return out;
}
