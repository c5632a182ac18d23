// The in-memory ledger alone, in a process of its own (ledger-app.bench.ts, issue 18):
// `node --import tsx bench/ledger-in-memory.ts DETAIL RUNS` builds the peer's shape of data (30,000
// weekly services, about 2 million entries: ledger-app.ts's peerData), computes every service's ledger
// with DETAIL ('totals' or 'full') once to warm up, then RUNS times, and prints the times as JSON.
// A process of its own, as the peer's figure is of a process that does nothing else: in the bench's
// own process the same code ran a third slower, after the district had gone through the app's path
// (other shapes of entries and terms seen by the same functions) and with the district's data on the
// heap; and one detail a process, as the full ledger's garbage (a row per week, its id lists) set off
// collections of the whole heap during the totals' runs.
import { inMemoryLedgers, PEER_SERVICES, peerData } from './ledger-app.ts';

const [detail, count] = process.argv.slice(2);
const runs = Number(count);
if ((detail !== 'totals' && detail !== 'full') || !Number.isInteger(runs) || runs < 1)
  throw new Error('usage: ledger-in-memory.ts totals|full RUNS (a whole number >= 1)');
const peer = peerData();
const owed = inMemoryLedgers(peer, detail).owed;
const ms: number[] = [];
for (let r = 0; r < runs; r++) ms.push(inMemoryLedgers(peer, detail).ms);
process.stdout.write(
  `${JSON.stringify({ detail, services: PEER_SERVICES, entries: peer.entryCount, owed, ms })}\n`,
);
