import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseConfigFromEnv, openStore } from '../../src/store/database.ts';
import { BACKENDS, TEST_DATABASE_URL } from './harness.ts';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/as-written.js');

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

// Each command starts a fresh node process that compiles TypeScript (tsx): slow on a busy machine.
describe.each(BACKENDS)('the as-written command on %s', { timeout: 90_000 }, (backend) => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let database: string | null = null;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'as-written-cli-'));
    env = { ...process.env, LOG_LEVEL: 'warn', AS_WRITTEN_DB: join(dir, 'cli.db') };
    delete env.DATABASE_URL;
    if (backend === 'postgres') {
      database = `aw_cli_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${database}`;
      env.DATABASE_URL = url.toString();
    }
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (database) {
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  });

  const cli = (...args: string[]) => run(process.execPath, [BIN, ...args], { env, cwd: dir });

  it('fills the demo, prints the ledger as a table and as JSON, and moves the household by export and import', async () => {
    const demo = await cli('demo');
    const childId = /child:\s+(\S+)/.exec(demo.stdout)?.[1];
    expect(childId).toBeTruthy();
    // The demo is built in the school year of the day it runs; it prints the story's eight weeks.
    const range = /--from (\d{4}-\d{2}-\d{2}) --to (\d{4}-\d{2}-\d{2})/.exec(demo.stdout);
    expect(range, demo.stdout).toBeTruthy();
    const [, from, to] = range as unknown as [string, string, string];

    const table = await cli('ledger', '--child', childId!, '--from', from, '--to', to);
    expect(table.stdout).toContain('Speech-language therapy');
    expect(table.stdout).toMatch(/Total\s+480\s+260\s+130\s+30\s+0\s+60\s+30\s+100\s+54\.2%/);

    const json = await cli('ledger', '--child', childId!, '--from', from, '--to', to, '--json');
    const ledgers = JSON.parse(json.stdout);
    expect(ledgers[0].totals).toMatchObject({ requiredMinutes: 480, owedBalanceMinutes: 100 });

    const exported = await cli('export');
    const doc = JSON.parse(exported.stdout);
    expect(doc.format).toBe('as-written/1');
    const file = join(dir, 'household.json');
    writeFileSync(file, exported.stdout);

    // Import into an empty SQLite file and export again.
    const otherEnv: NodeJS.ProcessEnv = { ...env, AS_WRITTEN_DB: join(dir, 'other.db') };
    delete otherEnv.DATABASE_URL;
    const imported = await run(process.execPath, [BIN, 'import', file], { env: otherEnv, cwd: dir });
    expect(imported.stdout).toContain(`Imported household ${doc.household.id}`);
    const again = await run(process.execPath, [BIN, 'export'], {
      env: otherEnv,
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect({ ...JSON.parse(again.stdout), exportedAt: '' }).toEqual({ ...doc, exportedAt: '' });
  });

  it('verify exits 1 and prints a record changed behind the app’s back, with both values', async () => {
    const ok = await cli('verify');
    expect(ok.stdout).toMatch(
      /: OK \(\d+ journal entries, last hash [0-9a-f]{64}; \d+ records match their journal; \d+ files\)/,
    );
    const store = await openStore(databaseConfigFromEnv(env), { migrate: false });
    try {
      const entry = await store.db
        .selectFrom('session_entry')
        .select('id')
        .where('status', '=', 'delivered')
        .where('minutes_delivered', '=', 30)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await sql`update session_entry set minutes_delivered = 45 where id = ${entry.id}`.execute(store.db);
      const failed = await cli('verify').then(
        () => null,
        (error: { code: number; stdout: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stdout).toContain(': NOT OK');
      expect(failed?.stdout).toContain(
        `session entry ${entry.id}: minutesDelivered is 45 in the record but 30 in the journal`,
      );
      await sql`update session_entry set minutes_delivered = 30 where id = ${entry.id}`.execute(store.db);
      expect((await cli('verify')).stdout).toContain(': OK (');
    } finally {
      await store.close();
    }
  });

  it('verify --expect-head checks a fingerprint written down earlier: a prefix is enough, a wrong one fails', async () => {
    const head = (await cli('verify')).stdout.match(/last hash ([0-9a-f]{64})/)?.[1];
    expect(head).toBeDefined();
    const same = await cli('verify', '--expect-head', `${head!.slice(0, 16).toUpperCase()}…`);
    expect(same.stdout).toContain(': OK (');
    expect(same.stdout).toContain('nothing was changed or added since it was written down');
    const wrong = await cli('verify', '--expect-head', 'abcdef012345').then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(wrong?.code).toBe(1);
    expect(wrong?.stdout).toContain(': NOT OK');
    expect(wrong?.stdout).toContain('No entry of the journal');
    const short = await cli('verify', '--expect-head', 'abc').then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(short?.code).toBe(2);
    expect(short?.stderr).toContain('--expect-head is 3 characters long; type at least its first 12');
  });

  it('explains bad arguments clearly and exits non-zero', async () => {
    await expect(
      cli('ledger', '--child', 'nope', '--from', '2026-13-01', '--to', '2026-10-31'),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('must be a date written as YYYY-MM-DD'),
    });
    await expect(
      cli(
        'ledger',
        '--child',
        '01900000-0000-7000-8000-000000000000',
        '--from',
        '2026-09-01',
        '--to',
        '2026-10-31',
      ),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('was not found'),
    });
    await expect(cli('import', join(dir, 'missing.json'))).rejects.toMatchObject({
      stderr: expect.stringContaining('Could not read'),
    });
  });

  it('serves /api/health and /api/ready from npm start, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...env, PORT: String(port) },
      cwd: dir,
      stdio: 'pipe',
    });
    try {
      let health: { status: number; body: unknown } | null = null;
      for (let i = 0; i < 100 && !health; i++) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/health`);
          health = { status: res.status, body: await res.json() };
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      expect(health).toEqual({ status: 200, body: { status: 'ok', database: backend } });
      const openapi = await (await fetch(`http://127.0.0.1:${port}/api/openapi.json`)).json();
      expect(openapi.info.title).toBe('As Written API');
      const ready = await fetch(`http://127.0.0.1:${port}/api/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', database: backend });
      // No metrics token set: /metrics is not there.
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
      const exited = new Promise((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
  });
});
