import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { findCrossHouseholdReferences } from './cross-household.ts';
import type { Store } from './database.ts';
import { BACKUP_TABLES } from './tables.ts';

// One file that holds a whole As Written database: every table's rows (accounts, households, every
// record, the journal, the files' bytes), taken in one consistent snapshot, gzipped, and encrypted
// when a passphrase is given. The same file restores into SQLite or PostgreSQL.
//
// Format "as-written-backup/1":
//   line 1: "AS-WRITTEN-BACKUP/1"
//   line 2: a JSON header { createdAt, source, encrypted, kdf?, cipher?, iv?, tables, rows, sha256 }
//   the rest: the payload, gzip(JSON of { tables: { name: rows[] } }), then AES-256-GCM with a key
//   from scrypt(passphrase, salt) when encrypted (the header is the GCM additional data, so it
//   cannot be changed either; the 16-byte tag ends the file).

export const BACKUP_MAGIC = 'AS-WRITTEN-BACKUP/1';

/** Every table the file holds, in restore order (src/store/tables.ts). */
export { BACKUP_TABLES };

/** scrypt cost: 2^17 x 8 x 1 needs 128 MiB and about half a second; slows down guessing. */
const KDF = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const;

export class BackupError extends Error {}

type Header = {
  createdAt: string;
  source: 'sqlite' | 'postgres';
  encrypted: boolean;
  kdf?: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher?: 'aes-256-gcm';
  iv?: string;
  tables: number;
  rows: number;
  /** SHA-256 of the gzipped payload before encryption, to tell a damaged file from a wrong passphrase. */
  sha256: string;
};

type Dump = { tables: Record<string, Record<string, unknown>[]> };

const BINARY = '$base64';

function encodeValue(value: unknown): unknown {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array)
    return { [BINARY]: Buffer.from(value).toString('base64') };
  return value;
}

/**
 * A backup taken before migration 0016 holds a queued job's bytes in `job.input`: they move to
 * `job_input`, as the migration moved them, so an older backup restores as it was taken.
 */
function upgradeDump(dump: Dump): Dump {
  const jobs = dump.tables.job ?? [];
  if (!jobs.some((row) => 'input' in row)) return dump;
  const inputs = jobs
    .filter((row) => row.input !== null && row.input !== undefined)
    .map((row) => ({ job_id: row.id, part: 0, bytes: row.input }));
  return {
    ...dump,
    tables: {
      ...dump.tables,
      job: jobs.map(({ input: _input, ...row }) => row),
      job_input: [...(dump.tables.job_input ?? []), ...inputs],
    },
  };
}

function decodeValue(value: unknown): unknown {
  if (value && typeof value === 'object' && BINARY in (value as Record<string, unknown>)) {
    return Buffer.from((value as Record<string, string>)[BINARY]!, 'base64');
  }
  return value;
}

function keyFrom(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 512 * 1024 * 1024,
  });
}

/** Read every table in one snapshot (a transaction; REPEATABLE READ on PostgreSQL). */
async function dumpTables(store: Store): Promise<Dump> {
  const run = async (db: Store['db']) => {
    const tables: Dump['tables'] = {};
    for (const table of BACKUP_TABLES) {
      // biome-ignore lint/suspicious/noExplicitAny: generic over the table list
      const rows = (await (db as any).selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
      const encoded = rows.map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, encodeValue(v)])),
      );
      // A stable order, so the same database always gives the same backup contents.
      const keyed = encoded.map((r) => ({
        r,
        key: typeof r.id === 'string' ? r.id : JSON.stringify(Object.values(r)),
      }));
      keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      tables[table] = keyed.map((k) => k.r);
    }
    return { tables };
  };
  if (store.kind === 'postgres') {
    return store.db.transaction().execute(async (trx) => {
      await sql`set transaction isolation level repeatable read`.execute(trx);
      return run(trx as unknown as Store['db']);
    });
  }
  return store.db.transaction().execute((trx) => run(trx as unknown as Store['db']));
}

export async function createBackup(
  store: Store,
  options: { passphrase?: string | null; createdAt: string },
): Promise<Buffer> {
  const dump = await dumpTables(store);
  const payload = gzipSync(Buffer.from(JSON.stringify(dump), 'utf8'), { level: 9 });
  const rows = Object.values(dump.tables).reduce((n, t) => n + t.length, 0);
  const header: Header = {
    createdAt: options.createdAt,
    source: store.kind,
    encrypted: Boolean(options.passphrase),
    tables: BACKUP_TABLES.length,
    rows,
    sha256: createHash('sha256').update(payload).digest('hex'),
  };
  if (!options.passphrase) {
    return Buffer.concat([Buffer.from(`${BACKUP_MAGIC}\n${JSON.stringify(header)}\n`, 'utf8'), payload]);
  }
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  header.kdf = { ...KDF, salt: salt.toString('base64') };
  header.cipher = 'aes-256-gcm';
  header.iv = iv.toString('base64');
  const headerText = JSON.stringify(header);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(options.passphrase, salt, KDF), iv);
  cipher.setAAD(Buffer.from(headerText, 'utf8'));
  const body = Buffer.concat([cipher.update(payload), cipher.final(), cipher.getAuthTag()]);
  return Buffer.concat([Buffer.from(`${BACKUP_MAGIC}\n${headerText}\n`, 'utf8'), body]);
}

export type OpenedBackup = { header: Header; dump: Dump };

/** Check and decrypt a backup. Every way it can be wrong gives a BackupError that says which. */
export function openBackup(file: Buffer, passphrase?: string | null): OpenedBackup {
  const first = file.indexOf(0x0a);
  if (first < 0 || file.subarray(0, first).toString('utf8') !== BACKUP_MAGIC) {
    throw new BackupError('This is not an As Written backup (it does not start with AS-WRITTEN-BACKUP/1)');
  }
  const second = file.indexOf(0x0a, first + 1);
  if (second < 0) throw new BackupError('The backup file is cut short: its header is incomplete');
  const headerText = file.subarray(first + 1, second).toString('utf8');
  let header: Header;
  try {
    header = JSON.parse(headerText) as Header;
  } catch {
    throw new BackupError('The backup file is damaged: its header is not readable');
  }
  let payload = file.subarray(second + 1);
  if (header.encrypted) {
    if (!passphrase) throw new BackupError('This backup is encrypted: give its passphrase');
    if (!header.kdf || !header.iv || header.cipher !== 'aes-256-gcm')
      throw new BackupError('The backup file is damaged: its encryption details are missing');
    if (payload.length < 16) throw new BackupError('The backup file is cut short: it holds no data');
    const tag = payload.subarray(payload.length - 16);
    const body = payload.subarray(0, payload.length - 16);
    const decipher = createDecipheriv(
      'aes-256-gcm',
      keyFrom(passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf),
      Buffer.from(header.iv, 'base64'),
    );
    decipher.setAAD(Buffer.from(headerText, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      payload = Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new BackupError(
        'The passphrase is wrong, or the backup file was cut short or changed: it could not be decrypted',
      );
    }
  } else if (passphrase) {
    throw new BackupError('This backup is not encrypted; leave the passphrase out');
  }
  if (createHash('sha256').update(payload).digest('hex') !== header.sha256) {
    throw new BackupError('The backup file is cut short or damaged: its contents do not match its checksum');
  }
  let dump: Dump;
  try {
    dump = JSON.parse(gunzipSync(payload).toString('utf8')) as Dump;
  } catch {
    throw new BackupError('The backup file is damaged: its contents cannot be read');
  }
  return { header, dump };
}

/**
 * Put a backup's rows into this (migrated) database, in one transaction. The database must be empty
 * unless `replace` is set, in which case everything in it is deleted first, in the same transaction:
 * a restore that fails leaves the database exactly as it was.
 */
export async function restoreBackup(store: Store, opened: OpenedBackup, options: { replace?: boolean } = {}) {
  const counts: Record<string, number> = {};
  await store.db.transaction().execute(async (trx) => {
    // biome-ignore lint/suspicious/noExplicitAny: generic over the table list
    const db = trx as any;
    const existing = await db.selectFrom('household').select('id').limit(1).execute();
    const users = await db.selectFrom('user_account').select('id').limit(1).execute();
    if ((existing.length > 0 || users.length > 0) && !options.replace) {
      throw new BackupError(
        'This database is not empty; restore into an empty one, or use --replace to wipe it first',
      );
    }
    if (options.replace) {
      await db.deleteFrom('auth_session').execute();
      for (const table of [...BACKUP_TABLES].reverse()) await db.deleteFrom(table).execute();
    }
    const dump = upgradeDump(opened.dump);
    for (const table of BACKUP_TABLES) {
      const rows = (dump.tables[table] ?? []).map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, decodeValue(v)])),
      );
      counts[table] = rows.length;
      try {
        for (let i = 0; i < rows.length; i += 100)
          await db
            .insertInto(table)
            .values(rows.slice(i, i + 100))
            .execute();
      } catch (error) {
        // SQLite and PostgreSQL name a broken foreign key differently; both become one message.
        const code = (error as { code?: string }).code;
        if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') {
          throw new BackupError(
            `The backup's ${table} rows name a record the backup does not hold, or a record of another household: nothing was restored`,
          );
        }
        throw error;
      }
    }
    // The references no key can hold (links that may outlive what they name, id lists in JSON
    // columns) must stay inside their household too (docs/ARCHITECTURE.md).
    const crossing = await findCrossHouseholdReferences(trx);
    if (crossing.length > 0) {
      const first = crossing[0]!;
      throw new BackupError(
        `The backup holds ${crossing.length} record(s) that name a record of another household (first: ${first.table} ${first.id}, ${first.path} names ${first.targetId}): nothing was restored`,
      );
    }
  });
  return counts;
}

/** SQLite's own check of the file (pages, indexes); PostgreSQL needs none. */
export async function integrityCheck(store: Store): Promise<string> {
  if (store.kind !== 'sqlite') return 'ok';
  const result = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
  return result.rows.map((r) => r.integrity_check).join('; ');
}
