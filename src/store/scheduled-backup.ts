import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createBackup } from './backup.ts';
import type { Store } from './database.ts';
import { writeFileAtomically } from './files.ts';

// Scheduled backups with rotation (AS_WRITTEN_BACKUP_DIR): one file per run, named by its time so
// they sort in order; the newest `keep` are kept and older ones deleted.

const NAME = /^as-written-\d{8}-\d{6}\.aswb$/;

export async function writeRotatedBackup(
  store: Store,
  options: { dir: string; keep: number; passphrase: string | null; now: string },
): Promise<{ file: string; removed: string[] }> {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const stamp = options.now.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const file = join(options.dir, `as-written-${stamp}.aswb`);
  writeFileAtomically(
    file,
    await createBackup(store, { passphrase: options.passphrase, createdAt: options.now }),
  );
  const backups = readdirSync(options.dir)
    .filter((f) => NAME.test(f))
    .sort();
  const removed = backups.slice(0, Math.max(0, backups.length - options.keep));
  for (const old of removed) rmSync(join(options.dir, old), { force: true });
  return { file, removed };
}
