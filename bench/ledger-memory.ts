// One district run through the app's path in a process of its own, for its memory
// (ledger-app.bench.ts): `node --expose-gc --import tsx bench/ledger-memory.ts FILE CHILDREN` computes the
// ledgers of the first CHILDREN children of the district in FILE and prints, as JSON, the process's peak
// resident memory (VmHWM, the kernel's high-water mark), the largest live heap after a full collection
// during the run (V8's GCProfiler; one more full collection is asked for at its end, so there is always
// one) and the time taken.
//
// Why both: the resident peak is what a host sizes a machine by, but it also holds garbage that V8 has
// not yet collected, and how much depends on how far V8 lets the heap grow before a full collection, which
// it sets from how fast its last collections ran. The same run of the same code peaked at about 215 or
// about 300 MiB, at either size. The live heap after a full collection is what the run keeps, whatever
// the collector's timing: memory that grew with the number of children would show there first.
import { readFileSync } from 'node:fs';
import { GCProfiler } from 'node:v8';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/database.ts';
import { appPathRun } from './ledger-app.ts';

const [file, count] = process.argv.slice(2);
if (!file || !count) throw new Error('usage: ledger-memory.ts FILE CHILDREN');
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with node --expose-gc, so the run ends with a full collection');
const raw = new Database(file, { readonly: true });
const childIds = (raw.prepare('SELECT id FROM child ORDER BY id').pluck().all() as string[]).slice(
  0,
  Number(count),
);
raw.close();
const store = await openStore({ kind: 'sqlite', file });
const highWaterKiB = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
const before = highWaterKiB();
const profiler = new GCProfiler();
profiler.start();
const run = await appPathRun(store.db, childIds);
collect();
const collections = profiler.stop().statistics;
await store.close();
const peak = highWaterKiB();
const full = collections.filter((c) => c.gcType === 'MarkSweepCompact');
const liveHeapPeakKiB = Math.round(
  Math.max(...full.map((c) => c.afterGC.heapStatistics.usedHeapSize)) / 1024,
);
const heapSizePeakKiB = Math.round(
  Math.max(...collections.map((c) => c.beforeGC.heapStatistics.totalHeapSize)) / 1024,
);
process.stdout.write(
  `${JSON.stringify({
    children: childIds.length,
    services: run.totals.services,
    ms: Math.round(run.ms),
    peakRssKiB: peak,
    peakRssBeforeKiB: before,
    liveHeapPeakKiB,
    heapSizePeakKiB,
    fullCollections: full.length,
  })}\n`,
);
