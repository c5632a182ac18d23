import { describe, expect, it } from 'vitest';
import { type ChainRow, GENESIS_HASH, journalEntryHash, verifyChain } from './journal-hash.ts';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      householdId: 'h1',
      seq,
      at: `2026-10-${String(seq).padStart(2, '0')}T12:00:00.000Z`,
      actor: 'user:u1',
      action: 'create',
      entity: 'session_entry',
      entityId: `e${seq}`,
      data: JSON.stringify({ minutes: 30, n: seq }),
      prevHash,
    };
    const hash = journalEntryHash(fields);
    rows.push({ ...fields, id: `j${seq}`, hash });
    prevHash = hash;
  }
  return rows;
}

describe('the journal hash chain', () => {
  it('verifies an untouched journal', () => {
    expect(verifyChain(chain(6))).toBeNull();
    expect(verifyChain([])).toBeNull();
  });

  it('names an entry whose data was edited', () => {
    const rows = chain(6);
    rows[3] = { ...rows[3]!, data: JSON.stringify({ minutes: 60, n: 4 }) };
    expect(verifyChain(rows)).toMatchObject({ seq: 4, entryId: 'j4', kind: 'edited' });
  });

  it('names an entry that was edited and given a fresh hash, through the entry written after it', () => {
    const rows = chain(6);
    const edited = { ...rows[2]!, actor: 'user:someone-else' };
    rows[2] = { ...edited, hash: journalEntryHash(edited) };
    expect(verifyChain(rows)).toMatchObject({ seq: 3, entryId: 'j3', kind: 'edited' });
  });

  it('names the gap where an entry was removed', () => {
    const rows = chain(6);
    rows.splice(2, 1);
    expect(verifyChain(rows)).toMatchObject({ seq: 3, entryId: null, kind: 'removed' });
  });

  it('catches a removal hidden by renumbering the entries after it', () => {
    const rows = chain(6);
    rows.splice(2, 1);
    const renumbered = rows.map((r, i) => {
      const moved = { ...r, seq: i + 1 };
      return i >= 2 ? { ...moved, hash: journalEntryHash(moved) } : moved;
    });
    const problem = verifyChain(renumbered);
    expect(problem?.seq).toBeLessThanOrEqual(3);
    expect(problem).not.toBeNull();
  });

  it('names entries that were swapped as reordered', () => {
    const rows = chain(6);
    const a = rows[1]!;
    const b = rows[2]!;
    rows[1] = { ...b, seq: 2 };
    rows[2] = { ...a, seq: 3 };
    expect(verifyChain(rows)).toMatchObject({ seq: 2, entryId: 'j3', kind: 'reordered' });
  });

  it('names an entry that points at a later entry as reordered', () => {
    const rows = chain(5);
    const moved = { ...rows[1]!, prevHash: rows[3]!.hash };
    rows[1] = { ...moved, hash: journalEntryHash(moved) };
    expect(verifyChain(rows)).toMatchObject({ seq: 2, kind: 'reordered' });
  });

  it('notices entries removed from the start', () => {
    const rows = chain(4)
      .slice(1)
      .map((r, i) => ({ ...r, seq: i + 1 }));
    expect(verifyChain(rows)).not.toBeNull();
  });
});
