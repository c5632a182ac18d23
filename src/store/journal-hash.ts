import { createHash } from 'node:crypto';

// The journal is a hash chain per household: each entry's hash covers its own fields (the data as
// the exact stored text) and the previous entry's hash. Editing, removing or reordering an entry
// breaks the chain from that entry on, and `verify` names the first one. The first entry of a
// household chains from GENESIS_HASH.

export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = {
  householdId: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  /** The JSON text exactly as stored. */
  data: string;
  prevHash: string;
};

export function journalEntryHash(e: ChainedFields): string {
  // An array, not an object: the order is fixed by this code, not by key order.
  const canonical = JSON.stringify([
    'as-written/journal/1',
    e.householdId,
    e.seq,
    e.at,
    e.actor,
    e.action,
    e.entity,
    e.entityId,
    e.data,
    e.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export type ChainRow = ChainedFields & { id: string; hash: string };

export type ChainProblem = {
  /** The first entry (by position in the journal) where the chain does not hold. */
  seq: number;
  entryId: string | null;
  kind: 'edited' | 'removed' | 'reordered' | 'inserted';
  message: string;
};

/**
 * Check a household's journal, in seq order. Returns the first problem, or null when every entry's
 * hash is its own and each points at the one before. What went wrong is named from what is seen:
 * - a gap in the numbers: an entry was removed;
 * - an entry whose hash does not match its fields: it was edited (or, when its hash matches its
 *   fields under another number, it was moved: reordered);
 * - an entry that points at another entry's hash: entries were reordered;
 * - an entry that points at a hash no entry has: the entry before it was replaced after it was
 *   written (or one after that was removed and the rest renumbered).
 */
export function verifyChain(rows: readonly ChainRow[]): ChainProblem | null {
  const byHash = new Map(rows.map((r) => [r.hash, r]));
  let prevHash = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    const expectedSeq = i + 1;
    if (r.seq > expectedSeq) {
      return {
        seq: expectedSeq,
        entryId: null,
        kind: 'removed',
        message: `Journal entry ${expectedSeq} is missing (the next one is ${r.seq}): an entry was removed`,
      };
    }
    if (journalEntryHash(r) !== r.hash) {
      const movedFrom = findOriginalSeq(r, rows.length);
      return movedFrom !== null
        ? {
            seq: r.seq,
            entryId: r.id,
            kind: 'reordered',
            message: `Journal entry ${r.seq} was written as entry ${movedFrom}: entries were reordered`,
          }
        : {
            seq: r.seq,
            entryId: r.id,
            kind: 'edited',
            message: `Journal entry ${r.seq} (${r.action} ${r.entity} at ${r.at}) was changed after it was written`,
          };
    }
    if (r.prevHash !== prevHash) {
      const pointed = byHash.get(r.prevHash);
      if (pointed) {
        return {
          seq: r.seq,
          entryId: r.id,
          kind: 'reordered',
          message: `Journal entry ${r.seq} was written after entry ${pointed.seq}, not after ${r.seq - 1}: entries were reordered`,
        };
      }
      const before = rows[i - 1];
      if (!before) {
        return {
          seq: r.seq,
          entryId: r.id,
          kind: 'removed',
          message: `Journal entry ${r.seq} was written after entries that are no longer in the journal: entries were removed`,
        };
      }
      return {
        seq: before.seq,
        entryId: before.id,
        kind: 'edited',
        message: `Journal entry ${before.seq} is not the entry that entry ${r.seq} was written after: it was replaced, or an entry after it was removed`,
      };
    }
    prevHash = r.hash;
  }
  return null;
}

/** The number an entry had when it was written, if its hash matches its fields under another one. */
function findOriginalSeq(r: ChainRow, count: number): number | null {
  for (let seq = 1; seq <= count + 1; seq++) {
    if (seq !== r.seq && journalEntryHash({ ...r, seq }) === r.hash) return seq;
  }
  return null;
}
