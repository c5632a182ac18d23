// Rows use snake_case and keep JSON as text; the API uses camelCase objects. These two
// functions are the only place the two shapes meet for plain records.

/** Column names as field names, each worked out once (a screen maps thousands of rows of the same columns). */
const camelNames = new Map<string, string>();
const toCamel = (s: string) => {
  let name = camelNames.get(s);
  if (name === undefined) {
    name = s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    camelNames.set(s, name);
  }
  return name;
};
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
