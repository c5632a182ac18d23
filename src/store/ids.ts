import { randomBytes } from 'node:crypto';

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit counter (method 1 of section 6.2),
 * then random bits. Ids made by one process are strictly increasing, even within one millisecond
 * or under a frozen test clock, so "order by id" is creation order. Time-ordered ids also keep
 * B-tree inserts local. The clock is passed in so services stay deterministic under test.
 *
 * Several app processes on one database (issue 18) each keep their own counter: their ids interleave
 * by millisecond (as far as the hosts' clocks agree), and two made in the same millisecond by two
 * processes fall in no particular order. So a list whose order means time sorts by its time column
 * first (created_at, date, or the journal's seq, which a household lock serialises) and by id only to
 * break ties; docs/ARCHITECTURE.md ("Ids and order") lists where.
 */
let lastMs = -1;
let counter = 0;

export function uuidv7(nowMs: number): string {
  let ms = Math.max(Math.floor(nowMs), lastMs);
  if (ms === lastMs) {
    counter += 1;
    if (counter > 0xfff) {
      ms += 1;
      counter = 0;
    }
  } else {
    counter = 0;
  }
  lastMs = ms;
  const bytes = new Uint8Array(16);
  let rest = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  bytes.set(randomBytes(8), 8);
  bytes[6] = 0x70 | (counter >> 8); // version 7 and the counter's high bits
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
