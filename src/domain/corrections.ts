// Corrections, not edits: a session entry is never rewritten. A later entry that corrects it points at
// it (`correctsEntryId`), and a later correction of that correction points at the correction, so every
// mistake leaves a chain whose last entry is what is known now. A void ("logged by mistake") is a
// correction with the status `void`: its chain then holds no session at all.
//
// This module is the one place that reads those chains. The ledger, the week's summary, the patterns,
// the check-in questions, the letters, the report and the exports all count only what
// `currentSessionEntries` returns. Pure and zod-free, so the web app can use it too.

/** The fields the chain resolution reads. */
export type CorrectableEntry = { id: string; correctsEntryId: string | null; status: string };

/** The status of a correction that says the entry should never have been logged. */
export const VOID_STATUS = 'void';

export type CurrentSessionEntries<T extends CorrectableEntry> = {
  /** The entries in force, in the order given: nothing corrects them, and they are not voids. */
  current: T[];
  /** The voids that end a chain: the sessions they void count nowhere. */
  voids: T[];
  /**
   * For an entry that a later one corrected or voided, the entry at the end of its chain (current, or
   * a void). Entries that nothing corrects are not in it.
   */
  headOf: Map<string, T>;
  /** For a current entry or a void that ends a chain, the entries it replaced, oldest first. */
  replaced: Map<string, T[]>;
};

/**
 * Resolve correction chains. An entry corrected by a later one is dropped; a chain that ends in a void
 * holds nothing. Each chain's last entry comes back with the entries it replaced. The server refuses a
 * second correction of one entry, but an imported record might hold one: then the correction with the
 * greatest id (UUIDv7, so the latest recorded) continues the chain, and the other branch is set aside as
 * replaced too, so no session is counted twice. A correction whose target is not in `entries` (read
 * for other dates) is simply current.
 */
export function currentSessionEntries<T extends CorrectableEntry>(
  entries: readonly T[],
): CurrentSessionEntries<T> {
  const byId = new Map<string, T>();
  for (const e of entries) byId.set(e.id, e);
  // The correction that continues each chain: the latest one that names the entry.
  const next = new Map<string, T>();
  let anyCorrection = false;
  for (const e of entries) {
    if (e.correctsEntryId == null || !byId.has(e.correctsEntryId) || e.correctsEntryId === e.id) continue;
    anyCorrection = true;
    const seen = next.get(e.correctsEntryId);
    if (!seen || seen.id < e.id) next.set(e.correctsEntryId, e);
  }
  const headOf = new Map<string, T>();
  const replaced = new Map<string, T[]>();
  if (!anyCorrection) {
    return {
      current: entries.filter((e) => e.status !== VOID_STATUS),
      voids: entries.filter((e) => e.status === VOID_STATUS),
      headOf,
      replaced,
    };
  }
  // A side branch (a second correction of one entry, and everything that corrects it) is set aside as
  // replaced by the head of the main chain it forked from.
  const side = new Set<string>();
  for (const e of entries) {
    const target = e.correctsEntryId;
    if (target != null && target !== e.id && byId.has(target) && next.get(target) !== e) side.add(e.id);
  }
  for (let grew = side.size > 0; grew; ) {
    grew = false;
    for (const e of entries) {
      if (!side.has(e.id) && e.correctsEntryId != null && side.has(e.correctsEntryId)) {
        side.add(e.id);
        grew = true;
      }
    }
  }
  const headCache = new Map<string, T>();
  const mainHead = (start: T): T => {
    const path: T[] = [];
    const onPath = new Set<string>();
    let at: T = start;
    for (;;) {
      const cached = headCache.get(at.id);
      if (cached) {
        at = cached;
        break;
      }
      // A loop can only come from a damaged import; stop where it closes.
      if (onPath.has(at.id)) break;
      onPath.add(at.id);
      path.push(at);
      const follow = next.get(at.id);
      if (!follow || side.has(follow.id)) break;
      at = follow;
    }
    for (const p of path) headCache.set(p.id, at);
    return at;
  };
  const headFor = (e: T): T => {
    if (!side.has(e.id)) return mainHead(e);
    // Walk back to the entry the branch forked from.
    let at: T = e;
    const seen = new Set<string>();
    while (side.has(at.id) && at.correctsEntryId != null && !seen.has(at.id)) {
      seen.add(at.id);
      const target = byId.get(at.correctsEntryId);
      if (!target) break;
      at = target;
    }
    return side.has(at.id) ? at : mainHead(at);
  };
  const isReplaced = (e: T) => side.has(e.id) || (next.has(e.id) && !side.has(next.get(e.id)!.id));
  const current: T[] = [];
  const voids: T[] = [];
  for (const e of entries) {
    if (isReplaced(e)) {
      const head = headFor(e);
      if (head !== e) {
        headOf.set(e.id, head);
        const list = replaced.get(head.id);
        if (list) list.push(e);
        else replaced.set(head.id, [e]);
      }
      continue;
    }
    if (e.status === VOID_STATUS) voids.push(e);
    else current.push(e);
  }
  for (const list of replaced.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { current, voids, headOf, replaced };
}

/**
 * The entry a new correction of `id` must correct: the last entry of its chain. A parent who corrects
 * an entry that was corrected since corrects what is known now, never a second branch.
 */
export function latestInChain<T extends CorrectableEntry>(entries: readonly T[], id: string): T | null {
  const resolved = currentSessionEntries(entries);
  const head = resolved.headOf.get(id);
  if (head) return head;
  return entries.find((e) => e.id === id) ?? null;
}

/**
 * The last entry of a chain that is not a void: what a correction of a voided entry starts from (an
 * "undo void" brings it back, changed or not).
 */
export function lastSessionOfChain<T extends CorrectableEntry>(entries: readonly T[], head: T): T | null {
  if (head.status !== VOID_STATUS) return head;
  const { replaced } = currentSessionEntries(entries);
  const before = (replaced.get(head.id) ?? []).filter((e) => e.status !== VOID_STATUS);
  return before[before.length - 1] ?? null;
}
