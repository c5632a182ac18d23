// One district run through the app's path in a process of its own, for its peak memory
// (ledger-app.bench.ts): `node --import tsx bench/ledger-memory.ts FILE CHILDREN` computes the ledgers of
// the first CHILDREN children of the district in FILE and prints, as JSON, the process's peak resident
// memory (VmHWM, the kernel's high-water mark) and the time taken.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/database.ts';
import { appPathRun } from './ledger-app.ts';

const [file, count] = process.argv.slice(2);
if (!file || !count) throw new Error('usage: ledger-memory.ts FILE CHILDREN');
const raw = new Database(file, { readonly: true });
const childIds = (raw.prepare('SELECT id FROM child ORDER BY id').pluck().all() as string[]).slice(
  0,
  Number(count),
);
raw.close();
const store = await openStore({ kind: 'sqlite', file });
const before = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
const run = await appPathRun(store.db, childIds);
await store.close();
const peak = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
process.stdout.write(
  `${JSON.stringify({ children: childIds.length, services: run.totals.services, ms: Math.round(run.ms), peakRssKiB: peak, peakRssBeforeKiB: before })}\n`,
);
