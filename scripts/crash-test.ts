// Crash test: start the real server, write entries in a loop, kill -9 it at a random moment, start
// it again, many times. Afterwards every write the server acknowledged must be there, the database
// must pass its integrity check, and the journal's hash chain must verify.
//
//   npm run crash-test                    20 rounds on SQLite
//   CRASH_ROUNDS=50 CRASH_BACKEND=postgres npm run crash-test

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { fixedClock, idSource } from '../src/server/context.ts';
import { createUser } from '../src/server/services/accounts.ts';
import { verifyHousehold } from '../src/server/services/verify.ts';
import { integrityCheck } from '../src/store/backup.ts';
import { type DatabaseConfig, openStore } from '../src/store/database.ts';

const BIN = resolve(import.meta.dirname, '../bin/as-written.js');
const PASSWORD = 'a long enough password for the crash test';

export type CrashReport = {
  backend: 'sqlite' | 'postgres';
  rounds: number;
  acknowledged: number;
  found: number;
  lost: number;
  /** Writes sent when the server died: each either fully there or not there at all. */
  inFlight: number;
  inFlightLanded: number;
  integrity: string;
  journalVerifies: boolean;
  journalEntries: number;
};

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

export async function runCrashTest(options: {
  rounds: number;
  backend: 'sqlite' | 'postgres';
  postgresUrl?: string;
  minRunMs?: number;
  maxRunMs?: number;
}): Promise<CrashReport> {
  const dir = mkdtempSync(join(tmpdir(), 'as-written-crash-'));
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'error', AS_WRITTEN_DB: join(dir, 'crash.db') };
  delete env.DATABASE_URL;
  let database: string | null = null;
  const adminUrl = options.postgresUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
  let config: DatabaseConfig = { kind: 'sqlite', file: join(dir, 'crash.db') };
  if (options.backend === 'postgres') {
    const url = adminUrl;
    database = `aw_crash_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${database}`;
    env.DATABASE_URL = u.toString();
    config = { kind: 'postgres', url: u.toString() };
  }
  try {
    // The family: one account with a household and a child to write notes about.
    const setup = await openStore(config);
    const clock = fixedClock('2026-11-29T12:00:00.000Z');
    const { user } = await createUser(
      setup,
      { clock, newId: idSource(clock) },
      { email: 'crash@example.org', displayName: 'Crash', password: PASSWORD, householdName: 'Crash family' },
    );
    const household = await setup.db
      .selectFrom('membership')
      .select('household_id')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    const householdId = household.household_id;
    await setup.close();

    const acknowledged = new Set<string>();
    const inFlightTexts: string[] = [];
    let childId: string | null = null;
    for (let round = 0; round < options.rounds; round++) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const server = spawn(process.execPath, [BIN, 'serve'], {
        env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
        stdio: 'ignore',
      });
      await waitForHealth(base, server);
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'crash@example.org', password: PASSWORD }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
      const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf };
      if (!childId) {
        const res = await fetch(`${base}/api/households/${householdId}/children`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ firstName: 'Robin' }),
        });
        childId = ((await res.json()) as { id: string }).id;
      }

      // Write as fast as the server answers, until it is killed.
      let stop = false;
      const writer = (async () => {
        for (let n = 0; !stop; n++) {
          const text = `round ${round} note ${n} ${randomBytes(4).toString('hex')}`;
          try {
            const res = await fetch(`${base}/api/households/${householdId}/parent-notes`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ childId, date: '2026-11-20', kind: 'concern', text }),
            });
            if (res.status === 201) acknowledged.add(text);
            else if (!stop) throw new Error(`unexpected status ${res.status}`);
          } catch {
            inFlightTexts.push(text);
            return;
          }
        }
      })();
      const minMs = options.minRunMs ?? 150;
      const maxMs = options.maxRunMs ?? 1200;
      await new Promise((r) => setTimeout(r, minMs + Math.random() * (maxMs - minMs)));
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
      stop = true;
      await writer;
    }

    const store = await openStore(config);
    try {
      const notes = await store.db.selectFrom('parent_note').select('text').execute();
      const present = new Set(notes.map((n) => n.text));
      const found = [...acknowledged].filter((t) => present.has(t)).length;
      const verify = await verifyHousehold(store, householdId);
      return {
        backend: options.backend,
        rounds: options.rounds,
        acknowledged: acknowledged.size,
        found,
        lost: acknowledged.size - found,
        inFlight: inFlightTexts.length,
        inFlightLanded: inFlightTexts.filter((t) => present.has(t)).length,
        integrity: await integrityCheck(store),
        journalVerifies: verify.ok,
        journalEntries: verify.journal.entries,
      };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (database) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const backend = process.env.CRASH_BACKEND === 'postgres' ? 'postgres' : 'sqlite';
  const report = await runCrashTest({
    rounds: Number(process.env.CRASH_ROUNDS ?? 20),
    backend,
    postgresUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (report.lost > 0 || report.integrity !== 'ok' || !report.journalVerifies) process.exitCode = 1;
}
