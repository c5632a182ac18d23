import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';

/** Write a file so that a crash leaves either the old file or the whole new one, never half of it. */
export function writeFileAtomically(path: string, bytes: Buffer): void {
  const temp = `${path}.partial-${process.pid}`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}
