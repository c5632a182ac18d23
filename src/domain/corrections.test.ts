import { describe, expect, it } from 'vitest';
import { currentSessionEntries, lastSessionOfChain, latestInChain } from './corrections.ts';

// One test per rule of "Corrections and voids" (docs/ledger-rules.md). Ids sort in the order the
// entries were recorded, as UUIDv7 ids do.

type E = { id: string; correctsEntryId: string | null; status: string; date: string };
const e = (id: string, status: string, correctsEntryId: string | null = null, date = '2026-11-26'): E => ({
  id,
  status,
  correctsEntryId,
  date,
});
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('corrections and voids', () => {
  it('an entry that nothing corrects is current', () => {
    const r = currentSessionEntries([e('a', 'delivered'), e('b', 'missed')]);
    expect(ids(r.current)).toEqual(['a', 'b']);
    expect(r.voids).toEqual([]);
    expect(r.headOf.size).toBe(0);
  });

  it('a correction replaces the entry it corrects', () => {
    const r = currentSessionEntries([e('a', 'delivered'), e('b', 'missed', 'a'), e('c', 'delivered')]);
    expect(ids(r.current)).toEqual(['b', 'c']);
    expect(r.headOf.get('a')?.id).toBe('b');
    expect(ids(r.replaced.get('b') ?? [])).toEqual(['a']);
  });

  it('corrections chain: the last correction is what counts, and it replaced every earlier one', () => {
    const r = currentSessionEntries([e('c', 'short', 'b'), e('a', 'delivered'), e('b', 'missed', 'a')]);
    expect(ids(r.current)).toEqual(['c']);
    expect(r.headOf.get('a')?.id).toBe('c');
    expect(r.headOf.get('b')?.id).toBe('c');
    expect(ids(r.replaced.get('c') ?? [])).toEqual(['a', 'b']);
  });

  it('a void ends its chain: nothing of it counts', () => {
    const r = currentSessionEntries([e('a', 'delivered'), e('b', 'short', 'a'), e('v', 'void', 'b')]);
    expect(r.current).toEqual([]);
    expect(ids(r.voids)).toEqual(['v']);
    expect(ids(r.replaced.get('v') ?? [])).toEqual(['a', 'b']);
  });

  it('undoing a void is a correction of the void, which brings a session back', () => {
    const entries = [e('a', 'delivered'), e('v', 'void', 'a'), e('back', 'delivered', 'v')];
    const r = currentSessionEntries(entries);
    expect(ids(r.current)).toEqual(['back']);
    expect(r.voids).toEqual([]);
    // What a correction of the voided chain starts from: the last session before the void.
    expect(lastSessionOfChain(entries.slice(0, 2), entries[1]!)?.id).toBe('a');
  });

  it('correcting a corrected entry corrects its latest correction', () => {
    const entries = [e('a', 'delivered'), e('b', 'missed', 'a'), e('c', 'short', 'b')];
    expect(latestInChain(entries, 'a')?.id).toBe('c');
    expect(latestInChain(entries, 'c')?.id).toBe('c');
    expect(latestInChain(entries, 'nope')).toBeNull();
  });

  it('two corrections of one entry (a damaged import): the latest recorded continues, the other branch is set aside', () => {
    const r = currentSessionEntries([
      e('a', 'delivered'),
      e('b', 'missed', 'a'),
      e('b2', 'short', 'b'),
      e('c', 'missed', 'a'),
    ]);
    expect(ids(r.current)).toEqual(['c']);
    expect(r.headOf.get('b2')?.id).toBe('c');
  });

  it('a correction whose target was not read (another date range) is current', () => {
    const r = currentSessionEntries([e('b', 'missed', 'a')]);
    expect(ids(r.current)).toEqual(['b']);
  });

  it('a loop of corrections (a damaged import) does not hang', () => {
    const r = currentSessionEntries([e('a', 'delivered', 'b'), e('b', 'missed', 'a')]);
    expect(r.current.length + r.voids.length).toBeLessThanOrEqual(2);
  });
});
