import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock } from '../../src/server/context.ts';
import { createUser } from '../../src/server/services/accounts.ts';
import { exportHousehold } from '../../src/server/services/household-transfer.ts';
import { computeLedgers } from '../../src/server/services/ledgers.ts';
import { verifyHousehold } from '../../src/server/services/verify.ts';
import { BackupError, createBackup, openBackup, restoreBackup } from '../../src/store/backup.ts';
import { openStore } from '../../src/store/database.ts';
import { insertJob, jobInput } from '../../src/store/jobs.repository.ts';
import { writeRotatedBackup } from '../../src/store/scheduled-backup.ts';
import { BACKENDS, openTestStore, TEST_NOW } from './harness.ts';

// Backup, wipe, restore, verify, export: the same export. A wrong passphrase or a cut-short file
// gives a clear error and touches nothing. Through the real command on SQLite, and across backends.

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/as-written.js');
const PASSPHRASE = 'correct horse battery staple';
const clock = fixedClock(TEST_NOW);

const withoutStamp = (doc: Record<string, unknown>) => JSON.stringify({ ...doc, exportedAt: null });

describe('as-written backup and restore (the command, on SQLite)', () => {
  let dir: string;
  let householdId: string;
  let before: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'as-written-backup-'));
    const store = await openStore({ kind: 'sqlite', file: join(dir, 'live.db') });
    const { user } = await createUser(
      store,
      { clock, newId: () => crypto.randomUUID() },
      {
        email: 'parent@example.org',
        displayName: 'Maria',
        password: 'a long enough password',
        householdName: null,
      },
    );
    householdId = (await seedDemoHousehold(store, clock, user.id)).householdId;
    before = withoutStamp(await exportHousehold(store, householdId, TEST_NOW));
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (args: string[], db: string, extra: Record<string, string> = {}) =>
    run(process.execPath, [BIN, ...args], {
      env: { ...process.env, AS_WRITTEN_DB: join(dir, db), LOG_LEVEL: 'warn', DATABASE_URL: '', ...extra },
    });

  it('writes an encrypted backup, and restores it into a wiped database that verifies and exports the same', async () => {
    const file = join(dir, 'family.aswb');
    const made = await cli(['backup', file], 'live.db', { AS_WRITTEN_BACKUP_PASSPHRASE: PASSPHRASE });
    expect(made.stdout).toContain('Backup written');
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 19).toString()).toBe('AS-WRITTEN-BACKUP/1');
    // Nothing of the family's records is readable in the file.
    expect(bytes.includes(Buffer.from('Emma'))).toBe(false);

    rmSync(join(dir, 'live.db'), { force: true });
    const restored = await cli(['restore', file], 'live.db', { AS_WRITTEN_BACKUP_PASSPHRASE: PASSPHRASE });
    expect(restored.stdout).toMatch(/every household verifies/);
    const store = await openStore({ kind: 'sqlite', file: join(dir, 'live.db') });
    try {
      expect((await verifyHousehold(store, householdId)).ok).toBe(true);
      expect(withoutStamp(await exportHousehold(store, householdId, TEST_NOW))).toBe(before);
      // The accounts came back too: the parent can still sign in to the restored household.
      const users = await store.db.selectFrom('user_account').select('email').execute();
      expect(users.map((u) => u.email)).toContain('parent@example.org');
    } finally {
      await store.close();
    }
  });

  it('refuses a wrong passphrase and a cut-short file with a clear message, and touches nothing', async () => {
    const file = join(dir, 'family.aswb');
    const fail = async (args: string[], extra: Record<string, string>) => {
      try {
        await cli(args, 'empty.db', extra);
      } catch (error) {
        return (error as { stderr: string; code: number }).stderr;
      }
      throw new Error('expected the command to fail');
    };
    expect(await fail(['restore', file], { AS_WRITTEN_BACKUP_PASSPHRASE: 'wrong passphrase' })).toContain(
      'The passphrase is wrong',
    );
    const cut = join(dir, 'cut.aswb');
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await fail(['restore', cut], { AS_WRITTEN_BACKUP_PASSPHRASE: PASSPHRASE })).toMatch(
      /could not be decrypted|cut short/,
    );
    expect(await fail(['restore', file], {})).toContain('give its passphrase');
    const store = await openStore({ kind: 'sqlite', file: join(dir, 'empty.db') });
    try {
      expect(await store.db.selectFrom('household').select('id').execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe('scheduled backups', () => {
  it('keep the newest files and delete older ones', async () => {
    const { store, cleanup } = await openTestStore('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'as-written-rotate-'));
    try {
      const days = ['01', '02', '03', '04'];
      for (const d of days) {
        await writeRotatedBackup(store, {
          dir,
          keep: 2,
          passphrase: null,
          now: `2026-11-${d}T03:00:00.000Z`,
        });
      }
      expect(readdirSync(dir).sort()).toEqual([
        'as-written-20261103-030000.aswb',
        'as-written-20261104-030000.aswb',
      ]);
      expect(openBackup(readFileSync(join(dir, 'as-written-20261104-030000.aswb'))).header.createdAt).toBe(
        '2026-11-04T03:00:00.000Z',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await cleanup();
    }
  });
});

describe.each(BACKENDS)('a backup restores into %s', (target) => {
  it('gives the same export, and a damaged plain backup is refused', async () => {
    const source = await openTestStore('sqlite');
    const destination = await openTestStore(target);
    try {
      const { user } = await createUser(
        source.store,
        { clock, newId: () => crypto.randomUUID() },
        { email: 'p@example.org', displayName: 'P', password: 'a long enough password', householdName: null },
      );
      const { householdId } = await seedDemoHousehold(source.store, clock, user.id);
      const bytes = await createBackup(source.store, { createdAt: TEST_NOW });
      const damaged = Buffer.from(bytes);
      damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0xff;
      expect(() => openBackup(damaged)).toThrow(BackupError);
      expect(() => openBackup(damaged)).toThrow(/cut short or damaged/);
      await restoreBackup(destination.store, openBackup(bytes));
      expect(withoutStamp(await exportHousehold(destination.store, householdId, TEST_NOW))).toBe(
        withoutStamp(await exportHousehold(source.store, householdId, TEST_NOW)),
      );
      expect((await verifyHousehold(destination.store, householdId)).ok).toBe(true);
      await expect(restoreBackup(destination.store, openBackup(bytes))).rejects.toThrow(/not empty/);
    } finally {
      await source.cleanup();
      await destination.cleanup();
    }
  });

  it("restores a backup taken before migration 0016: a queued job's bytes move from job.input to job_input", async () => {
    const source = await openTestStore('sqlite');
    const destination = await openTestStore(target);
    try {
      const { user } = await createUser(
        source.store,
        { clock, newId: () => crypto.randomUUID() },
        { email: 'p@example.org', displayName: 'P', password: 'a long enough password', householdName: null },
      );
      const { householdId } = await seedDemoHousehold(source.store, clock, user.id);
      const file = Buffer.from(
        'From teacher@school.example.org Mon Oct  5 12:00:00 2026\nSubject: hi\n\nhello\n',
      );
      await insertJob(source.store.db, {
        id: 'job-queued-before',
        householdId,
        name: 'email-import',
        payload: { childId: 'x', filename: 'big.mbox', maxBytes: 1 },
        input: file,
        maxAttempts: 3,
        requestedBy: 'P',
        at: TEST_NOW,
      });
      // The backup as a version before 0016 wrote it: the bytes in the job row, no job_input table.
      const opened = openBackup(await createBackup(source.store, { createdAt: TEST_NOW }));
      const [part] = opened.dump.tables.job_input!;
      delete opened.dump.tables.job_input;
      opened.dump.tables.job = opened.dump.tables.job!.map((row) => ({ ...row, input: part!.bytes }));
      await restoreBackup(destination.store, opened);
      const restored = await destination.store.db.selectFrom('job_input').selectAll().execute();
      expect(restored.map((r) => [r.job_id, Number(r.part), Buffer.from(r.bytes).toString()])).toEqual([
        ['job-queued-before', 0, file.toString()],
      ]);
      expect(await jobInput(destination.store.db, 'job-queued-before')).toEqual(file);
    } finally {
      await source.cleanup();
      await destination.cleanup();
    }
  });

  it('cannot inflate delivered minutes: one session confirmed ten more times in a restored backup counts once, and verify names the added rows', async () => {
    const source = await openTestStore('sqlite');
    const destination = await openTestStore(target);
    try {
      const { user } = await createUser(
        source.store,
        { clock, newId: () => crypto.randomUUID() },
        { email: 'p@example.org', displayName: 'P', password: 'a long enough password', householdName: null },
      );
      const demo = await seedDemoHousehold(source.store, clock, user.id);
      const ledgerOf = async (store: typeof source.store) =>
        (
          await computeLedgers(
            store.db,
            demo.householdId,
            { childId: demo.childId },
            { from: '2026-09-08', to: '2026-10-30', asOf: '2026-10-30', grouping: 'week' },
            '2026-10-30',
          )
        ).map((l) => {
          // Which entry stands for the session may change (a staff link's statement outranks the
          // parent's, src/domain/occurrences.ts); the figures may not.
          const { entryIds: _ids, ...figures } = l.totals;
          return { service: l.service.id, figures };
        });
      const opened = openBackup(await createBackup(source.store, { createdAt: TEST_NOW }));
      const entries = opened.dump.tables.session_entry as Record<string, unknown>[];
      const session = entries.find(
        (e) => e.status === 'delivered' && e.corrects_entry_id == null && String(e.date) >= '2026-09-08',
      )!;
      for (let i = 0; i < 10; i++) {
        entries.push({
          ...session,
          id: `01a40000-0000-7${String(i).padStart(3, '0')}-8000-000000000000`,
          source: 'provider_link',
        });
      }
      await restoreBackup(destination.store, opened);
      expect(await ledgerOf(destination.store)).toEqual(await ledgerOf(source.store));
      const verified = await verifyHousehold(destination.store, demo.householdId);
      expect(verified.ok).toBe(false);
      expect(verified.records.differing).toBe(10);
      expect(verified.records.problems[0]).toMatchObject({ kind: 'not_in_journal', table: 'session_entry' });
    } finally {
      await source.cleanup();
      await destination.cleanup();
    }
  });
});
