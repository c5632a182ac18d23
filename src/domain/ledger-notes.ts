import { formatRecordDate, formatSchoolDate } from './dates.ts';
import enNotes from './i18n/locales/en/ledgernote.json' with { type: 'json' };
import esNotes from './i18n/locales/es/ledgernote.json' with { type: 'json' };
import { createTranslator, type Translator } from './i18n/translate.ts';

// The ledger's notes (what a figure leaves out and why: entries outside the service's dates, on days
// with no school, make-ups that named a corrected session...) in the reader's language (issue 17):
// every note is a message of the server-only catalog part `ledgernote`, English exactly as the ledger
// always wrote it. Dates stay YYYY-MM-DD (the reader's screen writes them in its language); numbers are
// passed as text, so "1200 minutes" is written as it always was.

export type LedgerLanguage = 'en' | 'es';

const translators: Readonly<Record<LedgerLanguage, Translator>> = {
  en: createTranslator('en', enNotes),
  es: createTranslator('es', esNotes),
};

/** A period of the ledger as a note names it ("Week of 2026-09-14", "Semana del 2026-09-14"). */
export type PeriodWords =
  | { kind: 'day' | 'week'; esy: boolean; start: string }
  | { kind: 'pattern'; esy: boolean; start: string; end: string; active: number; every: number }
  | { kind: 'month'; esy: boolean; start: string }
  | { kind: 'year' | 'esyYear'; start: string; end: string }
  | { kind: 'term'; term: string; start: string; end: string }
  | { kind: 'cycle'; esy: boolean; ordinal: number; start: string; end: string };

export type LedgerNoteWords = ReturnType<typeof makeLedgerNoteWords>;

/** The words are the same for every ledger of a language: made once per language (they hold no state). */
const wordsByLanguage = new Map<LedgerLanguage, LedgerNoteWords>();

/**
 * The ledger's notes in a language. Made once per language and shared, since every service's ledger asks
 * for them (30,000 times in a district's run, where making them was a twentieth of the ledger's time).
 */
export function ledgerNoteWords(language: LedgerLanguage = 'en'): LedgerNoteWords {
  let words = wordsByLanguage.get(language);
  if (!words) {
    words = Object.freeze(makeLedgerNoteWords(language));
    wordsByLanguage.set(language, words);
  }
  return words;
}

function makeLedgerNoteWords(language: LedgerLanguage) {
  const { t } = translators[language];
  const n = (count: number) => ({ count, n: String(count) });
  const say = (key: string, values: Record<string, string | number> = {}) => t(`ledgernote.${key}`, values);
  return {
    /** "2026-09-15, 2026-09-17 and 3 more": at most five dates. */
    dates(dates: readonly string[]): string {
      const more = Math.max(0, dates.length - 5);
      return say('dates', { shown: dates.slice(0, 5).join(', '), more, moreN: String(more) });
    },
    closureDay(date: string, label: string | null, kind: string): string {
      return say('closureDay', { date, hasLabel: label ? 'yes' : 'no', label: label ?? '', kind });
    },
    period(p: PeriodWords): string {
      const values: Record<string, string | number> = { kind: p.kind, start: p.start };
      if ('esy' in p) values.esy = p.esy ? 'yes' : 'no';
      if ('end' in p) values.end = p.end;
      if (p.kind === 'pattern') Object.assign(values, { active: String(p.active), every: String(p.every) });
      if (p.kind === 'month')
        values.month =
          language === 'en'
            ? formatRecordDate(p.start, 'monthYear')
            : formatSchoolDate(p.start, 'monthYear', language);
      if (p.kind === 'term') values.term = p.term;
      if (p.kind === 'cycle') values.ordinal = String(p.ordinal);
      return say('period', values);
    },
    asOf: (asOf: string) => say('asOf', { asOf }),
    afterAsOf: (count: number, asOf: string) => say('afterAsOf', { ...n(count), asOf }),
    noTerms: () => say('noTerms'),
    fellBack: (grouping: 'week' | 'month') => say('fellBack', { grouping }),
    /** A note with a count (and, where the note lists them, its dates). */
    counted(
      key:
        | 'outsideService'
        | 'outsideCalendar'
        | 'outsideTerms'
        | 'noSchool'
        | 'closure'
        | 'unknownLength'
        | 'makeupNoOwed'
        | 'makeupRetargeted'
        | 'makeupVoided'
        | 'makeupDelivered'
        | 'makeupLater',
      count: number,
      dates = '',
    ): string {
      return say(key, { ...n(count), dates });
    },
    surplusSessions: (period: string, scheduled: number, required: number) =>
      say('surplusSessions', {
        period,
        scheduled,
        scheduledN: String(scheduled),
        required,
        requiredN: String(required),
      }),
    surplusPlanned: (period: string, accounted: number, required: number) =>
      say('surplusPlanned', { period, accounted: String(accounted), required: String(required) }),
    surplusMinutes: (period: string, accounted: number, required: number) =>
      say('surplusMinutes', { period, accounted: String(accounted), required: String(required) }),
  };
}
