import { kindReasonWords } from './calendar-pending-words.ts';
import type { MessageWords } from './errors.ts';
import en from './i18n/locales/en/calendar.json' with { type: 'json' };
import { createTranslator } from './i18n/translate.ts';
import { wordsFoundBack } from './i18n/words.ts';

// The review of a district calendar file in the reader's language (issue 17). The draft answers in
// English, as existing clients and the command line read it: each event's kind reason as the
// classifier wrote it (src/domain/calendar-import.ts) and each event left out with the file reader's
// reason (src/importers/ics.ts, which writes this part's English). Beside each English sentence go its
// words, keys of the calendar page's part `calendar` (`calendar.kindReason.*`, which a district
// calendar's waiting change quotes too; `calendar.import.leftOutReason.*`), found back from the English,
// so the page says them with its own catalog and the English stays exactly what it was.
// Server only: this file loads the English part (the web app reads the words the server gives). Pure.

const english = createTranslator('en', en);

/** Why the file's reader left an event out, and each reason's key. */
const LEFT_OUT = {
  noDate: 'calendar.import.leftOutReason.noDate',
  cancelled: 'calendar.import.leftOutReason.cancelled',
  dateUnread: 'calendar.import.leftOutReason.dateUnread',
  repeatsTooOften: 'calendar.import.leftOutReason.repeatsTooOften',
} as const satisfies Record<string, keyof typeof en>;

export type LeftOutWhy = keyof typeof LEFT_OUT;

/** Why an event of the file was left out, in English as the draft gives it: "it has no date". */
export function leftOutReason(why: LeftOutWhy): string {
  return english.t(LEFT_OUT[why]);
}

const UNTITLED_KEY = 'calendar.import.leftOutUntitled' satisfies keyof typeof en;

/** What an event left out is called when it has no title: "(no title)". */
export const UNTITLED_EVENT = english.t(UNTITLED_KEY);

/** An event of the draft with the words of its kind reason, when the reason is one the catalog knows. */
export function withKindReasonWords<E extends { reason: string }>(event: E): E & { words?: MessageWords } {
  const words = kindReasonWords(event.reason);
  return words ? { ...event, words } : event;
}

/**
 * An event left out with the words of its reason (`words`) and, when it had no title, of what it is
 * called instead (`summaryWords`); a reason the catalog does not know has none.
 */
export function withLeftOutWords<S extends { summary: string; reason: string }>(
  item: S,
): S & { words?: MessageWords; summaryWords?: MessageWords } {
  const words = wordsFoundBack(en, Object.values(LEFT_OUT), item.reason);
  return {
    ...item,
    ...(words ? { words } : {}),
    ...(item.summary === UNTITLED_EVENT ? { summaryWords: { key: UNTITLED_KEY } } : {}),
  };
}
