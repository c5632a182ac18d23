// A fingerprint the family wrote down: the SHA-256 of a journal entry (its "hash"), copied from the
// paper-trail page, a report or an export. Later, the family checks the record against it: if the
// entry it names is still in the journal, at the same place, everything before it is as it was when
// they wrote it down (each entry's hash covers the one before it, docs/paper-trail.md); entries may
// have been added since, which is expected. If no entry has it, the history up to that point was
// rewritten (or the fingerprint was copied wrong, which the message says too).
//
// People copy a long hex string by hand, so a prefix of at least MIN_FINGERPRINT_CHARS characters is
// accepted (the first 12 hex characters are 48 bits: two different entries of one household sharing
// them is not a practical worry, and an ambiguous prefix is answered as such), and spaces, dashes,
// line breaks and an ellipsis (as the app shortens a hash: "3f9a0c…") are ignored.

export const MIN_FINGERPRINT_CHARS = 12;

export type WrittenFingerprint = { ok: true; hex: string } | { ok: false; message: string };

/** The hex digits of what the family wrote down, or why it cannot be a fingerprint. */
export function readFingerprint(written: string): WrittenFingerprint {
  const hex = written
    .replace(/[\s\-–—:…]|\.{3}/gu, '')
    .replace(/^sha-?256/iu, '')
    .toLowerCase();
  if (hex.length === 0) return { ok: false, message: 'is empty: paste or type the fingerprint you kept' };
  const bad = hex.match(/[^0-9a-f]/u);
  if (bad) {
    return {
      ok: false,
      message: `has "${bad[0]}", which is not in a fingerprint: it has only the digits 0-9 and the letters a-f`,
    };
  }
  if (hex.length > 64)
    return { ok: false, message: `is ${hex.length} characters long; a fingerprint has 64` };
  if (hex.length < MIN_FINGERPRINT_CHARS) {
    return {
      ok: false,
      message: `is ${hex.length} characters long; type at least its first ${MIN_FINGERPRINT_CHARS} to tell it from others`,
    };
  }
  return { ok: true, hex };
}

export type FingerprintMatch =
  /** The entry the fingerprint names, by its place in the journal (1 is the first), and how many came after. */
  | { found: true; seq: number; entries: number; entriesSince: number; hash: string }
  | { found: false; entries: number; ambiguous: boolean };

/**
 * Where the written-down fingerprint `hex` (already read by readFingerprint) stands in a journal whose
 * entries' hashes are `hashes`, in order.
 */
export function locateFingerprint(hashes: readonly string[], hex: string): FingerprintMatch {
  const places: number[] = [];
  hashes.forEach((hash, i) => {
    if (hash.toLowerCase().startsWith(hex)) places.push(i);
  });
  if (places.length !== 1) return { found: false, entries: hashes.length, ambiguous: places.length > 1 };
  const i = places[0]!;
  return {
    found: true,
    seq: i + 1,
    entries: hashes.length,
    entriesSince: hashes.length - i - 1,
    hash: hashes[i]!,
  };
}

/** The result in plain words, for the command line and the paper-trail page alike. */
export function fingerprintWords(match: FingerprintMatch): string {
  if (!match.found) {
    return match.ambiguous
      ? 'More than one entry starts with those characters: type more of the fingerprint.'
      : `No entry of the journal (${match.entries} entries) has this fingerprint. Either it was copied with a mistake (check it character by character), or the history up to the moment it was written down has been changed since.`;
  }
  if (match.entriesSince === 0) {
    return `The fingerprint is the last entry's (entry ${match.seq}): nothing was changed or added since it was written down.`;
  }
  const since = match.entriesSince === 1 ? '1 entry was' : `${match.entriesSince} entries were`;
  return `The fingerprint is entry ${match.seq}'s of ${match.entries}: the history up to it is as it was when it was written down, and ${since} added after it.`;
}
