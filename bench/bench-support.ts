// What several benches share: whole-number settings from the environment, and the PostgreSQL server a
// bench makes its own database on (and drops after).
import pg from 'pg';

/** A setting read from the environment: a whole number above zero, or `fallback` when unset. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got ${raw})`);
  return n;
}

/** The server the benches use: BENCH_DATABASE_URL, or the test database the README's setup makes. */
export const BENCH_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Runs one statement (create or drop a database) through a connection of its own to `adminUrl`. */
export async function adminStatement(statement: string, adminUrl = BENCH_ADMIN_URL): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
