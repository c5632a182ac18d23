// What a service's ledger over a window needs of the entries dated before it (issue 18: a family's
// fifth year should not read the four before it when they cannot change a figure). Pure: the ledger's
// reader (services/ledgers.ts) reads the entries these rules keep, and the rest only when they matter.
//
// The ledger reads a service's entries dated up to the window's end, and every correction whatever its
// date (docs/ledger-rules.md, "Corrections and voids"). Of those, an entry dated before the *cut* (the
// window's first day, or the as-of day when that is earlier) that is neither a correction nor a make-up
// is *history*. History reaches the window's figures only through make-ups: as owed misses they cure,
// oldest first, over all history (rule 4: a make-up of this year may cure a miss of four years ago, and
// how much of it is left for this year's misses depends on that), and as the entries they name (their
// notes say what became of them); and as the list of owed misses when it is asked for. Without a
// make-up, history counts nowhere in the window:
//
// - correction chains are read whole: every correction is kept, and so is every entry one names (the
//   chain's first entry, `missingCorrectionTargets`), so each chain resolves as it would on every entry;
// - entries about one session are grouped by day (src/domain/occurrences.ts), and every entry dated on
//   or after the cut is kept, so the window's sessions are grouped as they would be;
// - an entry dated before the window is counted only as a miss for make-ups to cure (rule 4): voids and
//   entries outside the service count for nothing there, and no note names one.
//
// So a service whose kept entries hold no make-up (every make-up up to the window's end is kept) and
// whose owed misses are not listed gets exactly the same ledger from the kept entries alone; any other
// service needs its history too (`needsHistory`). src/server/services/ledger-history.test.ts checks it
// on random multi-year histories against the ledger read whole.

/** What the narrowing reads of an entry: its date and kind, and the entry it corrects. */
export type HistoryFacts = { date: string; kind: string; correctsEntryId: string | null };

/** The reach of a ledger's read: entries dated before `cut` may be history; none dated after `to` is read but corrections. */
export type LedgerReach = { cut: string; to: string };

/**
 * The reach of a ledger over `window` as of `asOf`. The cut is the window's first day, or `asOf` when
 * that is earlier: the ledger counts an entry dated after `asOf` (it names how many there are), so no
 * entry after `asOf` may be left out.
 */
export function ledgerReach(window: { from: string; to: string }, asOf: string): LedgerReach {
  return { cut: asOf < window.from ? asOf : window.from, to: window.to };
}

/**
 * Whether an entry the ledger reads is history: dated before the cut, and neither a correction nor a
 * make-up. The reader may leave it out unless `needsHistory` says the service needs its history.
 */
export function isHistoryEntry(entry: HistoryFacts, reach: LedgerReach): boolean {
  return entry.date < reach.cut && entry.correctsEntryId == null && entry.kind !== 'makeup';
}

/**
 * Whether a service's ledger needs its history, from the entries read without it: when one of them
 * is a make-up (it may cure a miss before the window, and what it cures there it does not cure in the
 * window), or when the owed misses are listed (they go back to the first one).
 */
export function needsHistory(
  kept: readonly Pick<HistoryFacts, 'kind'>[],
  options: { listOwedMisses?: boolean } = {},
): boolean {
  if (options.listOwedMisses) return true;
  for (const e of kept) if (e.kind === 'makeup') return true;
  return false;
}

/**
 * The entries that corrections among `kept` name and that are not among them: history entries that
 * begin a correction chain, which the reader adds so that the chain resolves whole (a second correction
 * of one entry, from an import, is set aside only when the entry it corrects is there).
 */
export function missingCorrectionTargets(
  kept: readonly { id: string; correctsEntryId: string | null }[],
): string[] {
  if (!kept.some((e) => e.correctsEntryId != null)) return [];
  const present = new Set(kept.map((e) => e.id));
  const missing = new Set<string>();
  for (const e of kept)
    if (e.correctsEntryId != null && !present.has(e.correctsEntryId)) missing.add(e.correctsEntryId);
  return [...missing];
}
