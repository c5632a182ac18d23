import type { MessageWords } from './errors.ts';
import en from './i18n/locales/en/calendar.json' with { type: 'json' };
import { wordsFoundBack } from './i18n/words.ts';

// Why a change of a district calendar waits for the parent, in the reader's language (issue 17). The
// subscription keeps each waiting change's reason in English (src/domain/calendar-subscription.ts:
// "The district changed this day: …", "Check the kind of day: It says “staff day”: …", quoting what
// src/domain/calendar-import.ts said of the event); their words are keys of the calendar page's part
// `calendar` (`calendar.pending.*`, `calendar.kindReason.*`), found back here from the English, so a
// change kept before words were is said too. The district's own words in “…” stay as they are.
// Server only: this file loads the English part (the web app reads the words the server gives). Pure.

/** The keys whose English a waiting change's reason is. */
const PENDING = [
  'calendar.pending.firstRead',
  'calendar.pending.addedPast',
  'calendar.pending.checkKind',
  'calendar.pending.changedPast',
  'calendar.pending.changed',
  'calendar.pending.removed',
] as const satisfies readonly (keyof typeof en)[];

/** The keys whose English the reader of an event's kind writes, the most specific first. */
const KIND_REASONS = [
  'calendar.kindReason.closure',
  'calendar.kindReason.earlyAndNone',
  'calendar.kindReason.early',
  'calendar.kindReason.nearDayOff',
  'calendar.kindReason.schoolEvent',
  'calendar.kindReason.timedHint',
  'calendar.kindReason.timed',
  'calendar.kindReason.staffNone',
  'calendar.kindReason.staff',
  'calendar.kindReason.break',
  'calendar.kindReason.holiday',
  'calendar.kindReason.maybeHoliday',
  'calendar.kindReason.both',
  'calendar.kindReason.says',
  'calendar.kindReason.notes',
  'calendar.kindReason.severalDays',
  'calendar.kindReason.nothing',
  'calendar.kindReason.unread',
] as const satisfies readonly (keyof typeof en)[];

/** `words` with the words of the reason it quotes (`reasonWords`), or null when that is none known. */
function quoting(words: MessageWords, quoted: MessageWords | null): MessageWords | null {
  return quoted ? { ...words, values: { ...words.values, reasonWords: JSON.stringify(quoted) } } : null;
}

/** The words of what the event's kind was read as ("It says “no school”."), a break's days said after. */
export function kindReasonWords(reason: string): MessageWords | null {
  const long = wordsFoundBack(en, ['calendar.kindReason.runsDays'], reason);
  const inner = long && wordsFoundBack(en, KIND_REASONS, String(long.values?.reason));
  if (long && inner) return quoting(long, inner);
  return wordsFoundBack(en, KIND_REASONS, reason);
}

/** The words of why a district calendar's change waits, or null when it is none the catalog knows. */
export function pendingReasonWords(reason: string): MessageWords | null {
  const words = wordsFoundBack(en, PENDING, reason);
  if (words?.key !== 'calendar.pending.checkKind') return words;
  return quoting(words, kindReasonWords(String(words.values?.reason)));
}
