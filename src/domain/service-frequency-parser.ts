import { isIsoDate } from './dates.ts';
import type { MessageWords } from './errors.ts';
import { MONTH_NAMES, MONTH_SRC, MONTHS } from './month-names.ts';
import {
  type DeliveryMode,
  type PeriodUnit,
  ServiceAmount,
  type ServiceArea,
  type ServiceSetting,
} from './service.ts';
import { readSpanish, spanishAreaOf } from './service-frequency-spanish.ts';

// Reads one service line as an IEP writes it ("Speech-language therapy, 30 minutes 2 times per
// week, pull-out") into the amounts the ledger counts. Pure: no I/O, no clock.
//
// The parser never guesses silently. Every piece of the line is either read by a recognizer or
// reported in `unread`; anything that could change the amount (a missing period, a range, an
// unknown cycle length, an unnamed date) makes the line incomplete.
//
// Product choices (docs/ledger-rules.md, "Reading a service line"): a range of minutes ("20-30
// minutes") fills in its lower figure, the least promised, and stays incomplete with a note naming
// the range; "5 days per week, 45 minutes daily" is 5 sessions a week; "biweekly" is asked for; class
// periods are not counted; terms and grading periods (quarter, trimester, semester, marking period) are
// counted per term of the school calendar.
//
// How it works: the text is lower-cased into a copy of the same length, so a match's position is
// also its position in the original text. Each recognizer blanks out what it reads; what is
// left at the end is reported as not understood. Line-wide facts (setting, group size, provider,
// place, dates, labels) are read first, then the line is split where the amount changes
// ("..., then ...") and each part is read for one amount.

export type ParsedAmount = {
  minutesPerSession: number | null;
  sessionsPerPeriod: number | null;
  minutesPerPeriod: number | null;
  period: { unit: 'day' | 'week' | 'month' | 'year' | 'cycle' | 'term'; cycleDays: number | null };
  pattern: { activeWeeks: number; everyWeeks: number } | null;
  /** e.g. "fall semester" when the line names the stretch. */
  label: string | null;
  /** YYYY-MM-DD when the line gives an explicit date, else null. */
  startDate: string | null;
  endDate: string | null;
};

export type ParsedServiceLine = {
  /** The input, trimmed. */
  text: string;
  name: string | null;
  area: ServiceArea | null;
  setting: ServiceSetting | null;
  delivery: DeliveryMode | null;
  groupSizeLimit: number | null;
  providerRole: string | null;
  location: string | null;
  /** One per dated segment; usually 1. */
  amounts: ParsedAmount[];
  /** The line is about extended school year. */
  esy: boolean;
  /** Plain-English list of what could not be understood. */
  unread: string[];
  /**
   * The same notes as catalog words (the server-only part `serviceline`), in the same order: the
   * server says them in the reader's language; in English they say exactly what `unread` says.
   */
  unreadWords: MessageWords[];
  /** Amounts found, each a valid ServiceAmount, and nothing that could change them unread. */
  complete: boolean;
};

// ---------------------------------------------------------------------------------------------
// Numbers

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
};
const ONCE_WORDS: Record<string, number> = { once: 1, twice: 2, thrice: 3 };

const NUM_WORDS_SRC = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace('-', '[\\s-]'))
  .join('|');
/** A number written in digits (optionally with decimals) or as a word. */
const NUM = `(?:\\d+(?:\\.\\d+)?(?!\\d)|(?:${NUM_WORDS_SRC})(?![a-z]))`;
/** Start of a number: not inside a word, another number or a fraction. */
const B = '(?<![a-z0-9./])';
const MIN_U = '(?:minutes?|mins?\\.?|mns?|m)';
const HOUR_U = '(?:hours?|hrs?\\.?|hr|h)';

function toNumber(raw: string): number {
  const s = raw.trim().replace(/\s+/g, '-');
  if (/^\d/.test(s)) return Number(s);
  if (s === 'a' || s === 'an') return 1;
  return NUMBER_WORDS[s] ?? ONCE_WORDS[s] ?? Number.NaN;
}

/**
 * The global pattern for a source, made once: most patterns here are written where they are used,
 * from parts, and a line is read by some hundred of them. Only read through Reader.find, which runs
 * `exec` from `lastIndex` 0 and puts it back to 0 when done.
 */
const PATTERNS = new Map<string, RegExp>();
const rx = (src: string) => {
  const known = PATTERNS.get(src);
  if (known) return known;
  const re = new RegExp(src, 'g');
  PATTERNS.set(src, re);
  return re;
};
/** Wraps alternatives so they match whole words only. */
const words = (src: string) => rx(`(?<![a-z])(?:${src})(?![a-z])`);

// ---------------------------------------------------------------------------------------------
// The working text

type Note = { message: string; essential: boolean; words: MessageWords };
type Match = { m: RegExpMatchArray; start: number; end: number };

class Reader {
  readonly text: string;
  /** The working copy: lower-cased, and for a Spanish line rewritten into English (service-frequency-spanish.ts). */
  readonly norm: string;
  work: string;
  readonly used: boolean[];
  readonly notes: Note[] = [];
  /** The line is Spanish: `norm` is its English rewrite, and `starts`/`ends` map positions back to `text`. */
  readonly spanish: boolean;
  private readonly starts: number[] | null;
  private readonly ends: number[] | null;

  constructor(text: string) {
    this.text = text;
    const lower = normalize(text);
    const es = readSpanish(lower);
    this.spanish = es != null;
    this.norm = es?.text ?? lower;
    this.starts = es?.starts ?? null;
    this.ends = es?.ends ?? null;
    this.work = this.norm;
    this.used = Array.from({ length: this.norm.length }, () => false);
  }

  /** All matches of `re` in the unread text between `from` and `to` (absolute positions). */
  find(re: RegExp, from = 0, to = this.work.length): Match[] {
    const slice = this.work.slice(from, to);
    const found: Match[] = [];
    // The shared global pattern itself, from the start (no copy, as `matchAll` would make for each
    // call: a line is read by some hundred patterns), and left at the start for the next caller.
    re.lastIndex = 0;
    for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
      const start = from + m.index;
      found.push({ m, start, end: start + m[0].length });
      // An empty match would be found again at the same place.
      if (m[0].length === 0) re.lastIndex++;
    }
    re.lastIndex = 0;
    return found;
  }

  /** Marks text as read. */
  mask(start: number, end: number) {
    if (end <= start) return;
    this.work = this.work.slice(0, start) + ' '.repeat(end - start) + this.work.slice(end);
    for (let i = start; i < end; i++) this.used[i] = true;
  }

  /** Runs `re` and masks every match for which `fn` does not return false. */
  read(re: RegExp, fn: (x: Match) => boolean | undefined, from = 0, to = this.work.length) {
    for (const x of this.find(re, from, to)) {
      if (fn(x) !== false) this.mask(x.start, x.end);
    }
  }

  /** The original text of a span, trimmed of spaces and edge punctuation. */
  orig(start: number, end: number): string {
    return this.text
      .slice(this.starts?.[start] ?? start, this.ends?.[end] ?? end)
      .trim()
      .replace(/^[\s,;:.]+|[\s,;:]+$/g, '');
  }

  /** A note in English, with its catalog words (`serviceline.<key>`), which say the same. */
  note(message: string, essential: boolean, key: string, values?: Record<string, string>) {
    if (this.notes.some((n) => n.message === message)) return;
    const words: MessageWords = values
      ? { key: `serviceline.${key}`, values }
      : { key: `serviceline.${key}` };
    this.notes.push({ message, essential, words });
  }
}

/** Lower-cases and simplifies punctuation without changing the length. */
function normalize(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/[\u2010-\u2015\u2212]/.test(c)) out += '-';
    else if (/[\s\u00a0\u2007\u202f]/.test(c)) out += ' ';
    else if (c === '\u00d7') out += 'x';
    else if (c === '\u2018' || c === '\u2019') out += "'";
    else if (c === '\u201c' || c === '\u201d') out += '"';
    else {
      const lower = c.toLowerCase();
      out += lower.length === 1 ? lower : c;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Line-wide facts

/** Something found at a position, assigned later to the part of the line that contains it. */
type Placed<T> = T & { at: number };
type FoundDate = { iso: string | null; raw: string };
type FoundLabel = { label: string };

const ESY_RE = rx('\\(?(?<![a-z])(?:e\\.?s\\.?y\\.?|extended\\s+school\\s+year)(?![a-z])\\)?');

/**
 * A month and day with no year, noted as unread: full names only, and not May, which is also a word
 * ("services may be provided").
 */
const FULL_MONTH_SRC = MONTH_NAMES.filter((m) => m !== 'May')
  .map((m) => m.toLowerCase())
  .join('|');

const pad = (n: number) => String(n).padStart(2, '0');
function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

function readDates(r: Reader): Placed<FoundDate>[] {
  const dates: Placed<FoundDate>[] = [];
  const add = (x: Match, iso: string) => {
    const raw = r.orig(x.start, x.end);
    if (isIsoDate(iso)) dates.push({ iso, raw, at: x.start });
    else {
      r.note(`the date "${raw}" is not a real date`, true, 'date.notReal', { text: raw });
      dates.push({ iso: null, raw, at: x.start });
    }
  };
  r.read(
    rx(
      '(?<![\\d/])(?:the\\s+)?(?:20|19)\\d\\d\\s*[-/]\\s*(?:(?:20|19)\\d\\d|\\d\\d)(?![\\d/-])(?:\\s+(?:school|academic|iep)\\s+year)?',
    ),
    (x) => {
      const text = r.orig(x.start, x.end);
      r.note(`did not use "${text}"; the service's own dates apply`, false, 'date.schoolYearUnused', {
        text,
      });
      return true;
    },
  );
  r.read(rx('(?<![\\d/])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d/])'), (x) => {
    add(x, isoOf(Number(x.m[1]), Number(x.m[2]), Number(x.m[3])));
    return true;
  });
  r.read(rx(`(?<![a-z])(${MONTH_SRC})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`), (x) => {
    add(x, isoOf(Number(x.m[3]), MONTHS[x.m[1]!]!, Number(x.m[2])));
    return true;
  });
  r.read(rx(`(?<![\\d/])(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_SRC})\\.?,?\\s+(\\d{4})(?!\\d)`), (x) => {
    add(x, isoOf(Number(x.m[3]), MONTHS[x.m[2]!]!, Number(x.m[1])));
    return true;
  });

  // Slash dates: US month/day order unless a day over 12 shows the line writes day/month.
  const slashes = r.find(rx('(?<![\\d/.])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d/])'));
  const dayFirst = slashes.some((x) => Number(x.m[1]) > 12);
  const monthFirst = slashes.some((x) => Number(x.m[3]) > 12);
  if (dayFirst && monthFirst) {
    r.note('the dates mix day/month and month/day order; enter them as YYYY-MM-DD', true, 'date.mixedOrder');
  }
  // A Spanish translation may keep the IEP's US dates or write them day first: unless a day over 12 shows
  // the order, its slash dates are left unread (and asked for) rather than guessed.
  const unknownOrder = r.spanish && !dayFirst && !monthFirst;
  for (const x of unknownOrder ? [] : slashes) {
    const a = Number(x.m[1]);
    const b = Number(x.m[3]);
    const yRaw = x.m[4]!;
    const y = yRaw.length === 2 ? 2000 + Number(yRaw) : Number(yRaw);
    if (dayFirst && monthFirst) dates.push({ iso: null, raw: r.orig(x.start, x.end), at: x.start });
    else if (dayFirst) add(x, isoOf(y, b, a));
    else add(x, isoOf(y, a, b));
    r.mask(x.start, x.end);
  }

  r.read(rx(`(?<![a-z])(?:${FULL_MONTH_SRC})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?![\\d:])`), (x) => {
    const raw = r.orig(x.start, x.end);
    r.note(`the date "${raw}" has no year; enter it`, true, 'date.noYear', { text: raw });
    dates.push({ iso: null, raw, at: x.start });
    return true;
  });
  return dates.sort((a, b) => a.at - b.at);
}

function readGroupSize(r: Reader): number | null {
  const sizes: number[] = [];
  let individual = false;
  const take = (raw: string | undefined) => {
    const n = raw == null ? Number.NaN : toNumber(raw);
    if (Number.isInteger(n) && n >= 1 && n <= 100) sizes.push(n);
    return true;
  };
  const LIMIT =
    '(?:no\\s+(?:more|larger|greater|bigger)\\s+than|not\\s+to\\s+exceed|not\\s+exceeding|up\\s+to|at\\s+most|(?:a\\s+)?max(?:imum)?\\.?\\s*(?:of\\s+)?:?|fewer\\s+than|less\\s+than)';
  const PEOPLE = '(?:\\s+(?:students?|children|peers|kids|or\\s+(?:fewer|less)|max(?:imum)?))*';
  r.read(rx(`(?<![a-z])groups?\\s+(?:size\\s+)?(?:of\\s+)?${LIMIT}\\s*(${NUM})${PEOPLE}`), (x) =>
    take(x.m[1]),
  );
  r.read(rx(`(?<![a-z])groups?\\s+of\\s+(${NUM})\\s*(?:-|to)\\s*(${NUM})${PEOPLE}`), (x) => take(x.m[2]));
  r.read(rx(`(?<![a-z])groups?\\s+of\\s+(${NUM})${PEOPLE}`), (x) => take(x.m[1]));
  r.read(
    rx(`(?<![a-z])(?:max(?:imum)?\\s+)?group\\s+size\\s*(?:of|:|is)?\\s*(?:${LIMIT}\\s*)?(${NUM})`),
    (x) => take(x.m[1]),
  );
  r.read(rx(`(?<![a-z])groups?\\s*\\(\\s*(?:${LIMIT}\\s*)?(${NUM})${PEOPLE}\\s*\\)`), (x) => take(x.m[1]));
  r.read(rx(`(?<![a-z])${LIMIT}\\s*(${NUM})\\s+(?:students?|children|peers)`), (x) => take(x.m[1]));
  r.read(
    words('individual(?:ly)?|1\\s*:\\s*1|one[\\s-]on[\\s-]one|one[\\s-]to[\\s-]one|1[\\s-]on[\\s-]1'),
    () => {
      individual = true;
      return true;
    },
  );
  r.read(rx('(?<![\\d:])1\\s*:\\s*(\\d{1,2})(?![\\d:])(?!\\s*(?:am|pm|a\\.m|p\\.m))'), (x) => {
    const n = Number(x.m[1]);
    if (n < 2 || n > 15) return false;
    sizes.push(n);
    return true;
  });
  const distinct = [...new Set(sizes)];
  if (distinct.length > 1) {
    const named = distinct.join(', ');
    r.note(`more than one group size (${named}); enter the limit that applies`, false, 'groupSize.many', {
      sizes: named,
    });
    return null;
  }
  if (distinct.length === 1) return distinct[0]!;
  return individual ? 1 : null;
}

const PROVIDERS: [string, string, ServiceArea | null][] = [
  [
    'speech[\\s-]*(?:(?:and|&|/)[\\s-]*)?language\\s+pathology\\s+assistants?|slpas?',
    'speech-language pathology assistant',
    'speech',
  ],
  [
    'speech[\\s-]*(?:(?:and|&|/)[\\s-]*)?language\\s+(?:pathologist|therapist)s?|speech\\s+(?:pathologist|therapist)s?|slps?|ccc-slp',
    'speech-language pathologist',
    'speech',
  ],
  ['(?:certified\\s+)?occupational\\s+therapy\\s+assistants?|cotas?', 'occupational therapy assistant', 'ot'],
  ['occupational\\s+therapists?|otr(?:/l)?', 'occupational therapist', 'ot'],
  ['physical\\s+therap(?:y|ist)\\s+assistants?|ptas?', 'physical therapy assistant', 'pt'],
  ['physical\\s+therapists?', 'physical therapist', 'pt'],
  ['(?:school\\s+)?psychologists?', 'school psychologist', 'counseling'],
  ['(?:school\\s+|guidance\\s+)?counsell?ors?', 'school counselor', 'counseling'],
  ['(?:school\\s+)?social\\s+workers?', 'social worker', 'counseling'],
  [
    '(?:special\\s+education|special\\s+ed\\.?|sped|resource|learning\\s+support|exceptional\\s+education)\\s+teachers?|intervention\\s+specialists?',
    'special education teacher',
    'specialized_instruction',
  ],
  [
    '(?:general\\s+education|gen\\.?\\s*ed\\.?|regular\\s+education|classroom)\\s+teachers?',
    'general education teacher',
    null,
  ],
  [
    '(?:reading|literacy|math)\\s+(?:specialist|interventionist)s?',
    'reading specialist',
    'specialized_instruction',
  ],
  [
    'board[\\s-]+certified\\s+behaviou?r\\s+analysts?|bcbas?|behaviou?r\\s+analysts?',
    'behavior analyst',
    'behavior',
  ],
  [
    'behaviou?r\\s+(?:specialist|interventionist|consultant|technician)s?|rbts?',
    'behavior specialist',
    'behavior',
  ],
  [
    "para(?:professional|educator)?s?|(?:instructional|teacher'?s?|classroom)\\s+aides?|educational\\s+assistants?|teaching\\s+assistants?",
    'paraprofessional',
    null,
  ],
  ['teachers?\\s+of\\s+the\\s+deaf(?:\\s+and\\s+hard\\s+of\\s+hearing)?', 'teacher of the deaf', null],
  [
    'teachers?\\s+of\\s+(?:the\\s+)?(?:visually\\s+impaired|blind)|tvis?',
    'teacher of the visually impaired',
    null,
  ],
  [
    'orientation\\s+and\\s+mobility\\s+(?:specialist|instructor)s?',
    'orientation and mobility specialist',
    null,
  ],
  ['(?:educational\\s+)?audiologists?', 'audiologist', null],
  ['(?:school\\s+)?nurses?', 'school nurse', null],
  ['assistive\\s+technology\\s+specialists?', 'assistive technology specialist', null],
];

function readProviders(r: Reader): { role: string | null; area: ServiceArea | null } {
  const found: { at: number; role: string; area: ServiceArea | null }[] = [];
  for (const [src, role, area] of PROVIDERS) {
    r.read(rx(`(?<![a-z])(?:${src})(?!'s)(?![a-z])`), (x) => {
      if (!found.some((f) => f.role === role)) found.push({ at: x.start, role, area });
      return true;
    });
  }
  found.sort((a, b) => a.at - b.at);
  return { role: found.length ? found.map((f) => f.role).join(' or ') : null, area: found[0]?.area ?? null };
}

const ED = '(?:general|regular|gen\\.?)\\s*(?:education|ed\\.?)(?![a-z])';
const CLASS = '(?:\\s+(?:classroom|class|setting|environment))?';
const SETTINGS: [string, ServiceSetting, boolean][] = [
  ['regular\\s+class(?:room)?\\s+with\\s+withdrawal(?:\\s+assistance)?', 'pull_out', true],
  ['withdrawal(?:\\s+assistance|\\s+support)?', 'pull_out', true],
  ['regular\\s+class(?:room)?\\s+with\\s+resource\\s+assistance', 'push_in', true],
  ['regular\\s+class(?:room)?\\s+with\\s+indirect\\s+support', 'consultation', true],
  [
    'special\\s+education\\s+class(?:room)?(?:\\s+with\\s+partial\\s+integration|\\s+full[\\s-]time)?',
    'pull_out',
    true,
  ],
  ['pull[\\s-]?outs?', 'pull_out', true],
  [`outside\\s+(?:of\\s+)?(?:the\\s+)?${ED}${CLASS}`, 'pull_out', true],
  ['outside\\s+(?:of\\s+)?(?:the\\s+)?(?:regular\\s+|general\\s+)?class(?:room)?', 'pull_out', true],
  ['separate\\s+(?:setting|classroom|class|room|location)', 'pull_out', true],
  ['self[\\s-]contained(?:\\s+class(?:room)?)?', 'pull_out', true],
  ['resource\\s+room|therapy\\s+room|speech\\s+room|ot\\s+room|pt\\s+room', 'pull_out', false],
  ['push[\\s-]?ins?', 'push_in', true],
  [`inside\\s+(?:of\\s+)?(?:the\\s+)?${ED}${CLASS}`, 'push_in', true],
  [`(?:in|within)\\s+(?:the\\s+)?${ED}${CLASS}`, 'push_in', true],
  [`${ED}${CLASS}`, 'push_in', true],
  ['regular\\s+class(?:room)?', 'push_in', true],
  ['in[\\s-]class', 'push_in', true],
  ['inclusion|inclusive|co[\\s-]?taught|co[\\s-]?teach(?:ing)?', 'push_in', true],
  ['consult(?:ation|ative|ing|s)?|indirect(?:ly)?', 'consultation', true],
];

function readSetting(r: Reader): {
  setting: ServiceSetting | null;
  delivery: DeliveryMode | null;
  spans: Match[];
} {
  const found = new Set<ServiceSetting>();
  const spans: Match[] = [];
  for (const [src, setting, mask] of SETTINGS) {
    r.read(words(src), (x) => {
      found.add(setting);
      if (mask) spans.push(x);
      return mask;
    });
  }
  let direct = false;
  r.read(words('direct(?:ly)?'), () => {
    direct = true;
    return true;
  });
  if (found.has('consultation')) {
    if (direct) {
      r.note(
        'names both direct service and consultation; enter them as two services',
        true,
        'setting.directAndConsult',
      );
      return { setting: null, delivery: null, spans };
    }
    return { setting: 'consultation', delivery: 'consult', spans };
  }
  if (found.has('push_in') && found.has('pull_out')) {
    r.note(
      'names both push-in (inside general education) and pull-out; choose the setting',
      false,
      'setting.pushInAndPullOut',
    );
    return { setting: null, delivery: 'direct', spans };
  }
  const setting = found.has('pull_out') ? 'pull_out' : found.has('push_in') ? 'push_in' : null;
  return { setting, delivery: setting != null || direct ? 'direct' : null, spans };
}

const PLACE_WORDS = 'room|office|gym|gymnasium|library|clinic|lab|sensory\\s+space';
const PLACE_STOP = new Set([
  'in',
  'at',
  'the',
  'a',
  'an',
  'of',
  'to',
  'by',
  'with',
  'within',
  'from',
  'and',
  'or',
  'per',
  'each',
  'every',
  'for',
  'during',
  'weekly',
  'daily',
  'monthly',
  'minutes',
  'minute',
  'sessions',
  'session',
]);

function readLocation(r: Reader): string | null {
  const places: string[] = [];
  for (const x of r.find(words(PLACE_WORDS))) {
    let start = x.start;
    let i = x.start;
    for (let taken = 0; taken < 3; taken++) {
      let j = i;
      while (j > 0 && r.work[j - 1] === ' ' && !r.used[j - 1]) j--;
      let k = j;
      while (k > 0 && /[a-z'-]/.test(r.work[k - 1]!) && !r.used[k - 1]) k--;
      const word = r.work.slice(k, j);
      if (k === j || PLACE_STOP.has(word)) break;
      start = k;
      i = k;
    }
    if (start === x.start && x.m[0] === 'room') continue;
    places.push(r.orig(start, x.end));
    r.mask(start, x.end);
  }
  if (places.length > 1) {
    const named = places.join(', ');
    r.note(`more than one place named (${named}); the first is used`, false, 'place.many', { places: named });
  }
  return places[0] ?? null;
}

const TERM =
  '(?:semester|term|trimester|quarter|marking\\s+period|grading\\s+period|reporting\\s+period|half(?:\\s+of\\s+the\\s+(?:school\\s+)?year)?)';
const LABEL_RES = [
  rx(
    `(?<![a-z])(?:(?:in|during|for|throughout|over)\\s+(?:the\\s+)?)?((?:fall|autumn|winter|spring|summer|first|second|third|fourth|final|last|1st|2nd|3rd|4th)\\s+${TERM}|(?:semester|term|trimester|quarter|marking\\s+period|grading\\s+period)\\s+(?:[1-4]|one|two|three|four)(?![\\d])|q[1-4])(?![a-z])`,
  ),
  rx(
    '(?<![a-z])(?:in|during|for|throughout|over)\\s+(?:the\\s+)?(fall|autumn|winter|spring|summer)(?![a-z])',
  ),
  rx(
    "(?<![a-z])((?:after|upon|when|until|once(?=\\s+(?:the\\s+)?(?:student|goal|objective|mastery)))\\s+(?:[a-z'-]+\\s+){0,5}?(?:goals?|objectives?|benchmarks?|mastery|criteria|criterion)(?:\\s*#?\\s*\\d+)?(?:\\s+(?:of|on|for)\\s+(?:goals?|objectives?)(?:\\s*#?\\s*\\d+)?)?(?:\\s+(?:is|are|has\\s+been|have\\s+been))?(?:\\s+(?:met|mastered|achieved|reached|attained))?)(?![a-z])",
  ),
];

function readLabels(r: Reader): Placed<FoundLabel>[] {
  const labels: Placed<FoundLabel>[] = [];
  for (const re of LABEL_RES) {
    r.read(re, (x) => {
      const offset = x.m[0].indexOf(x.m[1]!);
      const start = x.start + offset;
      labels.push({ label: r.orig(start, start + x.m[1]!.length), at: x.start });
      return true;
    });
  }
  return labels;
}

/** Phrases that say there is no fixed amount. */
const NO_FREQUENCY = words(
  'as\\s+needed|as\\s+necessary|as\\s+appropriate|as\\s+required|as\\s+determined(?:\\s+by\\s+(?:the\\s+)?(?:iep\\s+)?(?:team|provider|teacher|staff|therapist))?|p\\.?r\\.?n\\.?|ongoing|on\\s+an\\s+ongoing\\s+basis|to\\s+be\\s+determined|tbd|varies|variable|throughout\\s+the\\s+(?:school\\s+)?day|all\\s+day|at\\s+all\\s+times|when\\s+needed|if\\s+needed',
);

/** A unit of length: minutes or hours. */
const LENGTH_UNIT = new RegExp(`^(?:${MIN_U}|${HOUR_U})$`);

/** Notes that belong to one part of the line: they explain why that part has no amount. */
type PartNote = { at: number; kind: 'no_frequency' | 'blocking' | 'for_duration'; text: string };

function readAmountWarnings(r: Reader): PartNote[] {
  const found: PartNote[] = [];
  r.read(NO_FREQUENCY, (x) => {
    found.push({ at: x.start, kind: 'no_frequency', text: r.orig(x.start, x.end) });
    return true;
  });
  r.read(
    rx(
      `${B}(${NUM})\\s*(-|to|or)\\s*(${NUM})\\s*-?\\s*(${MIN_U}|${HOUR_U}|x|times?|sessions?|visits?)(?![a-z])`,
    ),
    (x) => {
      // A range of minutes or hours ("20-30 minutes") is read by readDurationRanges.
      if (x.m[2] !== 'or' && LENGTH_UNIT.test(x.m[4]!)) return false;
      const text = r.orig(x.start, x.end);
      r.note(`the amount is a range ("${text}"); enter the amount to count`, true, 'amount.range', { text });
      found.push({ at: x.start, kind: 'blocking', text });
      return true;
    },
  );
  r.read(words('up\\s+to|no\\s+more\\s+than|not\\s+to\\s+exceed|(?:a\\s+)?maximum\\s+of|at\\s+most'), (x) => {
    const text = r.orig(x.start, x.end);
    r.note(
      `the amount is a maximum ("${text}"), not a promise; enter the amount to count`,
      true,
      'amount.maximum',
      { text },
    );
    return true;
  });
  r.read(words('at\\s+least|(?:a\\s+)?minimum\\s+of|no\\s+less\\s+than|no\\s+fewer\\s+than'), () => true);
  r.read(words('bi[\\s-]?(weekly|monthly|annual(?:ly)?|yearly)'), (x) => {
    const text = r.orig(x.start, x.end);
    const what =
      x.m[1] === 'weekly'
        ? 'twice a week or every two weeks'
        : x.m[1] === 'monthly'
          ? 'twice a month or every two months'
          : 'twice a year or every two years';
    r.note(`"${text}" can mean ${what}; enter which`, true, 'period.ambiguous', {
      text,
      unit: x.m[1] === 'weekly' ? 'week' : x.m[1] === 'monthly' ? 'month' : 'year',
    });
    found.push({ at: x.start, kind: 'blocking', text });
    return true;
  });
  r.read(words(`every\\s+(?:other|second|${NUM})\\s+(?:school\\s+)?(?:days?|months?|years?)`), (x) => {
    const text = r.orig(x.start, x.end);
    r.note(
      `the period "${text}" cannot be counted (use per day, week, month, year, term or school-day cycle); enter the amount another way`,
      true,
      'period.uncountable',
      { text },
    );
    found.push({ at: x.start, kind: 'blocking', text });
    return true;
  });
  r.read(
    rx(
      `(?<![a-z])for\\s+(?:a\\s+(?:period|total)\\s+of\\s+)?(${NUM})\\s+(?:school\\s+|calendar\\s+|consecutive\\s+)?(?:days?|weeks?|months?)(?![a-z])(?!\\s+(?:out\\s+)?of)`,
    ),
    (x) => {
      found.push({ at: x.start, kind: 'for_duration', text: r.orig(x.start, x.end) });
      return true;
    },
  );
  return found;
}

// ---------------------------------------------------------------------------------------------
// The service name

const NAME_STOP = new Set([
  ...Object.keys(NUMBER_WORDS),
  'forty',
  'once',
  'twice',
  'thrice',
  'daily',
  'weekly',
  'monthly',
  'yearly',
  'annually',
  'biweekly',
  'bi-weekly',
  'per',
  'each',
  'every',
  'x',
  'times',
  'minutes',
  'minute',
  'min',
  'mins',
  'hours',
  'hour',
  'hr',
  'hrs',
  'half',
  'no',
  'by',
  'with',
  'during',
  'from',
  'starting',
  'beginning',
  'until',
  'then',
  'ongoing',
  'prn',
]);
const NAME_TRIM = new Set([
  'for',
  'in',
  'at',
  'of',
  'and',
  'or',
  'the',
  'a',
  'an',
  'to',
  'on',
  '-',
  'provided',
  '&',
]);
const NOT_A_NAME = new Set([
  'consultation',
  'consult',
  'indirect',
  'direct',
  'pull-out',
  'pullout',
  'push-in',
  'pushin',
  'service',
  'services',
  'individual',
  'group',
  'small',
  'session',
  'sessions',
]);

/** The leading words before the first number or comma, skipping ESY and a leading setting. */
function readName(
  r: Reader,
  esy: Match[],
  settings: Match[],
): { start: number; end: number; name: string } | null {
  let src = r.norm;
  for (const s of esy) src = src.slice(0, s.start) + ' '.repeat(s.end - s.start) + src.slice(s.end);
  let lead = 0;
  for (;;) {
    lead += /^[\s,;:.\-()]*/.exec(src.slice(lead))![0].length;
    const setting = settings.find((x) => x.start === lead);
    if (!setting) break;
    lead = setting.end;
  }
  const tokens: { start: number; end: number; word: string }[] = [];
  const re = /\S+/g;
  re.lastIndex = lead;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const start = m.index;
    let word = m[0];
    const cut = word.search(/[,;:([\d]/);
    if (cut === 0) break;
    if (word === '-' || word === '\u2013' || word.startsWith('/')) break;
    const bare = (cut > 0 ? word.slice(0, cut) : word).replace(/\.$/, '');
    if (NAME_STOP.has(bare)) break;
    const rest = src.slice(start + bare.length);
    if (bare === 'as' && /^\s+(?:needed|necessary|appropriate|determined|required)/.test(rest)) break;
    if ((bare === 'in' || bare === 'at') && /^\s+(?:the|a)\s/.test(rest)) break;
    if (bare === 'up' && /^\s+to\s/.test(rest)) break;
    if (bare === 'at' && /^\s+(?:least|most)\s/.test(rest)) break;
    if ((bare === 'a' || bare === 'an') && /^\s+(?:half|hour|session|visit|total)/.test(rest)) break;
    if (bare === 'provided' && /^\s+(?:by|in|at)\s/.test(rest)) break;
    word = cut > 0 ? word.slice(0, cut) : word;
    tokens.push({ start, end: start + word.length, word: bare });
    if (cut > 0) break;
  }
  while (tokens.length && NAME_TRIM.has(tokens[tokens.length - 1]!.word)) tokens.pop();
  if (!tokens.length) return null;
  if (tokens.every((t) => NOT_A_NAME.has(t.word))) return null;
  const start = tokens[0]!.start;
  const end = tokens[tokens.length - 1]!.end;
  const name = r.orig(start, end).replace(/[.\-–]+$/, '');
  if (name.length > 100) {
    r.note('could not tell the service name', false, 'name.unclear');
    return null;
  }
  return { start, end, name };
}

const AREA_RULES: [RegExp, ServiceArea][] = [
  [/\b(?:written\s+(?:language|expression)|language\s+arts)\b/, 'specialized_instruction'],
  [/\b(?:speech|language|slp|articulation|fluency|communication|voice)\b/, 'speech'],
  [/\b(?:occupational|ot)\b/, 'ot'],
  [/\b(?:physical\s+therapy|pt)\b/, 'pt'],
  [/\b(?:counsell?ing|social\s+work|psycholog\w*|social[\s-]emotional|social\s+skills)\b/, 'counseling'],
  [/\b(?:behaviou?r\w*|bcba|aba)\b/, 'behavior'],
  [
    /\b(?:reading|math\w*|writing|written|literacy|academic|specialized\s+instruction|special\s+education|resource|instruction)\b/,
    'specialized_instruction',
  ],
];

/** The area a service's name is in ("Speech-language therapy", "SLP": speech); also reads a school log's service names. */
export function areaOf(name: string): ServiceArea {
  const lower = normalize(name);
  for (const [re, area] of AREA_RULES) if (re.test(lower)) return area;
  // Spanish names ("Terapia del habla", "Consejería escolar"), only once no English word has named the area.
  return spanishAreaOf(lower) ?? 'other';
}

// ---------------------------------------------------------------------------------------------
// Amounts

type Dur = { minutes: number; raw: string; unit: 'min' | 'hour'; tag: 'session' | 'total' | null };
type Per = { unit: PeriodUnit; cycleDays: number | null; raw: string };
/** `days`: the count is of school days in a week ("5 days per week"). */
type Cnt = { value: number; raw: string; days: boolean };
type Pat = { active: number; every: number; raw: string };

type Part = {
  start: number;
  end: number;
  dates: Placed<FoundDate>[];
  labels: Placed<FoundLabel>[];
  warnings: PartNote[];
  amount: ParsedAmount | null;
  startDate: string | null;
  endDate: string | null;
  label: string | null;
};

const SEPARATOR = rx(
  '(?:[,;]\\s*)?(?<![a-z])(?:(?:and\\s+)?then|followed\\s+by|thereafter|after\\s+that|(?:decreas|reduc|chang|increas)(?:ing|es|ed|e)\\s+to|step(?:s|ping)?\\s+down\\s+to)(?![a-z])',
);

const PERIOD_WORD: Record<string, PeriodUnit> = {
  day: 'day',
  d: 'day',
  week: 'week',
  wk: 'week',
  w: 'week',
  month: 'month',
  mo: 'month',
  mth: 'month',
  year: 'year',
  yr: 'year',
  y: 'year',
  daily: 'day',
  weekly: 'week',
  wkly: 'week',
  monthly: 'month',
  yearly: 'year',
  annually: 'year',
  annual: 'year',
};

function periodFromWord(raw: string): PeriodUnit | null {
  const w = raw.replace(/s$/, '');
  return PERIOD_WORD[w] ?? PERIOD_WORD[raw] ?? null;
}

/** What the amount readers found in one part of the line, before it is put together. */
type Found = {
  durs: Dur[];
  pers: Per[];
  cnts: Cnt[];
  pats: Pat[];
  /** A number could not be used: the part gives no amount, and the note says why. */
  blocked: boolean;
  /** "3 class periods": the count is of class periods, whose length the line may not give. */
  classPeriods: string | null;
  /** Ranges of minutes whose lower figure was taken ("20-30 minutes"), noted once the amount is known. */
  ranges: { raw: string; low: number }[];
};

function addDuration(
  r: Reader,
  found: Found,
  minutes: number,
  x: Match,
  unit: 'min' | 'hour',
  tag: Dur['tag'] = null,
): void {
  const raw = r.orig(x.start, x.end);
  if (!Number.isFinite(minutes) || minutes <= 0) {
    r.note(`"${raw}" is not a usable number of minutes`, true, 'minutes.unusable', { text: raw });
    found.blocked = true;
    return;
  }
  const rounded = Math.round(minutes);
  if (Math.abs(minutes - rounded) > 1e-9) {
    r.note(`"${raw}" is not a whole number of minutes; enter the minutes`, true, 'minutes.notWhole', {
      text: raw,
    });
    found.blocked = true;
    return;
  }
  found.durs.push({ minutes: rounded, raw, unit, tag });
}

function addCount(r: Reader, found: Found, value: number, raw: string, days = false): void {
  if (!Number.isInteger(value) || value < 1) {
    r.note(`"${raw}" is not a whole number of sessions; enter the count`, true, 'sessions.notWhole', {
      text: raw,
    });
    found.blocked = true;
    return;
  }
  found.cnts.push({ value, raw, days });
}

const unitMinutes = (n: number, unit: string) => (/^h/.test(unit) ? n * 60 : n);
const unitOf = (unit: string): 'min' | 'hour' => (/^h/.test(unit) ? 'hour' : 'min');

/** "per", "a", "each", "in a", "/": what comes before a period. */
const PER = '(?:(?<![a-z])(?:per|a|an|each|every|in\\s+(?:a|each)|over\\s+(?:a|each))\\s+|/\\s*)';

/** Patterns of weeks: "for 3 out of 4 weeks", "every other week", "alternate weeks", "fortnightly". */
function readWeekPatterns(r: Reader, { start: from, end: to }: Part, found: Found): void {
  // "for 3 out of 4 weeks", "3 of every 4 weeks", "3 weeks out of 4"
  r.read(
    rx(
      `(?<![a-z])(?:for\\s+|in\\s+|during\\s+)?${B}(${NUM})\\s+(weeks?\\s+)?(?:out\\s+)?of\\s+(?:every\\s+|each\\s+|the\\s+)?(${NUM})(\\s+weeks?)?(?![a-z])`,
    ),
    (x) => {
      if (!x.m[2] && !x.m[4]) return false;
      found.pats.push({ active: toNumber(x.m[1]!), every: toNumber(x.m[3]!), raw: r.orig(x.start, x.end) });
      return true;
    },
    from,
    to,
  );
  // "every other week", "every 2 weeks", "alternate weeks", "fortnightly"
  r.read(
    words(`(?:every|each)\\s+(other|second|alternate|third|fourth|${NUM})\\s+(?:weeks?|wks?)`),
    (x) => {
      const w = x.m[1]!;
      const every =
        w === 'other' || w === 'second' || w === 'alternate'
          ? 2
          : w === 'third'
            ? 3
            : w === 'fourth'
              ? 4
              : toNumber(w);
      if (every === 1) found.pers.push({ unit: 'week', cycleDays: null, raw: r.orig(x.start, x.end) });
      else found.pats.push({ active: 1, every, raw: r.orig(x.start, x.end) });
      return true;
    },
    from,
    to,
  );
  r.read(
    words('(?:on\\s+)?(?:alternate|alternating)\\s+weeks|fortnightly'),
    (x) => {
      found.pats.push({ active: 1, every: 2, raw: r.orig(x.start, x.end) });
      return true;
    },
    from,
    to,
  );
}

/** Cycles of school days: "per 6-day cycle", "per cycle", "per 6 cycle days". */
function readCycles(r: Reader, { start: from, end: to }: Part, found: Found): void {
  const addCycle = (x: Match, raw: string | undefined) => {
    const n = raw == null ? null : toNumber(raw);
    found.pers.push({ unit: 'cycle', cycleDays: n, raw: r.orig(x.start, x.end) });
    return true;
  };
  r.read(
    // "per 6-day cycle", "6 day cycle", and "/6-day cycle" (a slash before the number: `B` alone refuses it).
    rx(`(?:${PER}|${B})(${NUM})\\s*-?\\s*(?:school\\s*-?\\s*)?days?\\s*-?\\s*(?:cycle|rotation)s?(?![a-z])`),
    (x) => addCycle(x, x.m[1]),
    from,
    to,
  );
  r.read(rx(`${PER}${B}(${NUM})\\s+cycle\\s+days?(?![a-z])`), (x) => addCycle(x, x.m[1]), from, to);
  r.read(
    rx(
      `${PER}(?:school\\s+)?(?:day\\s+)?(?:cycle|rotation)(?![a-z])(?:\\s*\\(?\\s*(?:of\\s+)?(${NUM})\\s*-?\\s*(?:school\\s+)?days?\\s*\\)?)?`,
    ),
    (x) => addCycle(x, x.m[1]),
    from,
    to,
  );
}

/** Sessions with their length: "Two 30 minute sessions", "2 sessions of 30 minutes", "2x30", "30 min x 2". */
function readSessionsOfLength(r: Reader, { start: from, end: to }: Part, found: Found): void {
  const countAndLength = (x: Match, count: string, length: string, unit: string) => {
    addCount(r, found, toNumber(count), r.orig(x.start, x.end));
    addDuration(r, found, unitMinutes(toNumber(length), unit), x, unitOf(unit), 'session');
    return true;
  };
  // "Two 30 minute sessions", "a 45-minute session"
  r.read(
    rx(
      `${B}(${NUM}|an?)\\s*\\(?\\s*(${NUM})\\s*-?\\s*(${MIN_U}|${HOUR_U})\\s*\\)?\\s*-?\\s*(?:sessions?|visits?|periods?|blocks?)(?![a-z])`,
    ),
    (x) => countAndLength(x, x.m[1]!, x.m[2]!, x.m[3]!),
    from,
    to,
  );
  // "2 sessions of 30 minutes", "3 periods of 45 minutes"
  r.read(
    rx(
      `${B}(${NUM})\\s+(?:sessions?|visits?|times?|(?:class\\s+)?periods?|blocks?)\\s+(?:of|at|for|lasting)\\s+(${NUM}|an?)\\s*-?\\s*(${MIN_U}|${HOUR_U})(?![a-z])`,
    ),
    (x) => countAndLength(x, x.m[1]!, x.m[2]!, x.m[3]!),
    from,
    to,
  );
  // "2x30", "1X20", "2 x 30 min", "30 min x 2"
  r.read(
    rx(
      `(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*(?:(${MIN_U}|${HOUR_U})(?![a-z]))?\\s*x\\s*(\\d+(?:\\.\\d+)?)(?![\\d])(?:\\s*(${MIN_U}|${HOUR_U})(?![a-z]))?`,
    ),
    (x) => {
      const a = Number(x.m[1]);
      const b = Number(x.m[3]);
      const ua = x.m[2];
      const ub = x.m[4];
      const raw = r.orig(x.start, x.end);
      if (ua && !ub) {
        addDuration(r, found, unitMinutes(a, ua), x, unitOf(ua), 'session');
        addCount(r, found, b, raw);
      } else if (!ua && (ub || a <= b)) {
        addCount(r, found, a, raw);
        addDuration(r, found, unitMinutes(b, ub ?? 'm'), x, ub ? unitOf(ub) : 'min', 'session');
      } else {
        r.note(
          `"${raw}" does not say which number is the minutes; enter sessions and minutes`,
          true,
          'amount.whichMinutes',
          { text: raw },
        );
        found.blocked = true;
      }
      return true;
    },
    from,
    to,
  );
}

/** Whether a length is per session ("30 minutes per session") or a total ("90 minutes in total"). */
function durationTag(r: Reader, { start: from, end: to }: Part, x: Match): Dur['tag'] {
  const before = r.work.slice(from, x.start);
  const after = r.work.slice(x.end, to);
  let m = /^\s*(?:per|each|a|an|\/|every)\s*(?:session|visit)(?![a-z])/.exec(after);
  if (m) {
    r.mask(x.end, x.end + m[0].length);
    return 'session';
  }
  m = /^\s*(?:in\s+)?total(?![a-z])/.exec(after);
  if (m) {
    r.mask(x.end, x.end + m[0].length);
    return 'total';
  }
  if (/^\s*-?\s*(?:sessions?|visits?|periods?|blocks?)(?![a-z])/.test(after)) return 'session';
  if (/(?:sessions?|visits?)\s+(?:of|lasting|at)\s*$/.test(before)) return 'session';
  if (/(?:each|per|every)\s+session\s*(?:is|of|lasting|:|=)?\s*$/.test(before)) return 'session';
  m = /(?:(?:a|in)\s+)?total\s*(?:of)?\s*:?\s*$/.exec(before);
  if (m) {
    r.mask(x.start - m[0].length, x.start);
    return 'total';
  }
  return null;
}

/** Lengths: hours (with optional minutes), then minutes. */
function readDurations(r: Reader, part: Part, found: Found): void {
  const { start: from, end: to } = part;
  r.read(
    rx(
      `(?<![a-z0-9./])(?:(${NUM}|an?)(?:\\s+and\\s+(?:a\\s+)?(half|quarter|1/2)|\\s+(1/2)|\\s*(½))?|(half\\s+an?|a\\s+half|half|1/2|½))\\s*-?\\s*${HOUR_U}(?![a-z])(?:\\s*(?:and\\s+)?(${NUM})\\s*-?\\s*${MIN_U}(?![a-z]))?`,
    ),
    (x) => {
      let hours = x.m[1] ? toNumber(x.m[1]) : 0;
      if (x.m[2] === 'quarter') hours += 0.25;
      else if (x.m[2] || x.m[3] || x.m[4] || x.m[5]) hours += 0.5;
      const minutes = hours * 60 + (x.m[6] ? toNumber(x.m[6]) : 0);
      addDuration(r, found, minutes, x, 'hour', durationTag(r, part, x));
      return true;
    },
    from,
    to,
  );
  r.read(
    rx(`(?<![a-z0-9./])(${NUM})\\s*-?\\s*${MIN_U}(?![a-z])`),
    (x) => {
      addDuration(r, found, toNumber(x.m[1]!), x, 'min', durationTag(r, part, x));
      return true;
    },
    from,
    to,
  );
}

/**
 * Ranges of minutes or hours: "20-30 minutes", "20 to 30 min", "1-1.5 hours". The lower figure is what
 * the IEP promises at the least, so it is counted; the note names the range, and the line stays incomplete
 * until the parent confirms it (product choice, docs/ledger-rules.md).
 */
function readDurationRanges(r: Reader, part: Part, found: Found): void {
  const { start: from, end: to } = part;
  r.read(
    rx(
      `(?<![a-z0-9./])(${NUM})\\s*(?:(${MIN_U}|${HOUR_U})(?![a-z])\\s*)?(?:-|to)\\s*(${NUM})\\s*-?\\s*(${MIN_U}|${HOUR_U})(?![a-z])`,
    ),
    (x) => {
      const unit = x.m[4]!;
      const lowUnit = x.m[2] ?? unit;
      const low = unitMinutes(toNumber(x.m[1]!), lowUnit);
      const high = unitMinutes(toNumber(x.m[3]!), unit);
      const raw = r.orig(x.start, x.end);
      // "1 hr - 30 min" is two lengths, not a range: the readers of lengths say so.
      if (!(low < high) && unitOf(lowUnit) !== unitOf(unit)) return false;
      if (!(low < high)) {
        r.note(
          `"${raw}" is not a range from a smaller to a larger number; enter the amount to count`,
          true,
          'amount.badRange',
          { text: raw },
        );
        found.blocked = true;
        return true;
      }
      const before = found.durs.length;
      addDuration(r, found, low, x, unitOf(lowUnit), durationTag(r, part, x));
      if (found.durs.length > before) found.ranges.push({ raw, low });
      return true;
    },
    from,
    to,
  );
}

/** "2x wk", "2xwk", "1x mo", "10 x year": a count directly followed by a bare period. */
function readCountsPerBarePeriod(r: Reader, { start: from, end: to }: Part, found: Found): void {
  r.read(
    rx(
      `(?<![a-z0-9./])(${NUM})\\s*(?:x|times?)\\s*(days?|weeks?|wks?|months?|mos?|mths?|years?|yrs?)(?![a-z])`,
    ),
    (x) => {
      const raw = r.orig(x.start, x.end);
      addCount(r, found, toNumber(x.m[1]!), raw);
      found.pers.push({ unit: periodFromWord(x.m[2]!)!, cycleDays: null, raw });
      return true;
    },
    from,
    to,
  );
}

/** Counts: "2 times", "3x", "2 sessions", "3 days a week", "3 class periods", "once", "twice", "a session". */
function readCounts(r: Reader, { start: from, end: to }: Part, found: Found): void {
  const count = (value: number) => (x: Match) => {
    addCount(r, found, value, r.orig(x.start, x.end));
    return true;
  };
  const counted = (x: Match) => count(toNumber(x.m[1]!))(x);
  r.read(
    rx(`(?<![a-z0-9./])(${NUM})\\s*(?:x|times?|sessions?|visits?|occasions?|occurrences?)(?![a-z])`),
    counted,
    from,
    to,
  );
  // "5 days per week", "4 days/wk", "3 days weekly": school days in a week, one session each.
  r.read(
    rx(
      `(?<![a-z0-9./])(${NUM})\\s+(?:school\\s+)?days?(?=\\s+(?:a|per|each|every|in\\s+a)\\s+(?:school\\s+)?(?:week|wk)|\\s*/\\s*w|\\s+(?:weekly|wkly|wks?)(?![a-z]))`,
    ),
    (x) => {
      addCount(r, found, toNumber(x.m[1]!), r.orig(x.start, x.end), true);
      return true;
    },
    from,
    to,
  );
  // "3 class periods per week": a count whose length is the school's bell schedule.
  r.read(
    rx(`(?<![a-z0-9./])(${NUM})\\s+(?:class\\s+)?periods?(?![a-z])`),
    (x) => {
      const raw = r.orig(x.start, x.end);
      addCount(r, found, toNumber(x.m[1]!), raw);
      found.classPeriods ??= raw;
      return true;
    },
    from,
    to,
  );
  r.read(words('once|twice|thrice'), (x) => count(ONCE_WORDS[x.m[0]]!)(x), from, to);
  r.read(words('an?\\s+(?:single\\s+)?(?:session|visit)'), count(1), from, to);
}

/**
 * Terms and grading periods ("per quarter", "each marking period", "quarterly"): counted per term of the
 * school calendar, whose dates the parent enters there (the line cannot say when a quarter starts).
 * Read before week patterns, so "each nine weeks grading period" is one term, not "every nine weeks".
 */
function readTermPeriods(r: Reader, { start: from, end: to }: Part, found: Found): void {
  r.read(
    rx(
      `(?:(?<![a-z])(?:per|a|an|each|every|in\\s+a|in\\s+each)\\s+|/\\s*)(?:school\\s+)?(quarter|semester|term|trimester|grading\\s+period|marking\\s+period|reporting\\s+period|nine[\\s-]+weeks?\\s+(?:grading\\s+)?period)(?![a-z])|(?<![a-z])quarterly(?![a-z])`,
    ),
    (x) => {
      const word = (x.m[1] ?? 'quarter').replace(/\s+/g, ' ').replace(/^nine.*/, 'grading period');
      const text = r.orig(x.start, x.end);
      r.note(
        `"${text}" is counted per term of the school calendar: enter the dates of each ${word} on the School calendar page`,
        false,
        'period.term',
        { text, term: word.replace(' ', '_') },
      );
      found.pers.push({ unit: 'term', cycleDays: null, raw: r.orig(x.start, x.end) });
      return true;
    },
    from,
    to,
  );
}

/** Periods: "semi-weekly", "daily", "weekly", "per week", "a school day", "/wk". */
function readPeriods(r: Reader, { start: from, end: to }: Part, found: Found): void {
  const period = (unit: PeriodUnit, x: Match) => {
    found.pers.push({ unit, cycleDays: null, raw: r.orig(x.start, x.end) });
    return true;
  };
  r.read(
    words('semi[\\s-]?(weekly|monthly|annual(?:ly)?|yearly)'),
    (x) => {
      addCount(r, found, 2, r.orig(x.start, x.end));
      return period(periodFromWord(x.m[1]!)!, x);
    },
    from,
    to,
  );
  r.read(words('every\\s*day|each\\s+day|everyday|daily'), (x) => period('day', x), from, to);
  r.read(
    words('weekly|wkly|monthly|yearly|annually|annual'),
    (x) => period(periodFromWord(x.m[0])!, x),
    from,
    to,
  );
  r.read(
    rx(
      `(?:(?<![a-z])(?:per|a|an|each|every|in\\s+a|in\\s+each)\\s+|/\\s*)(?:(?:school|calendar|instructional|iep|academic)\\s+)?(days?|weeks?|months?|years?|wks?|mos?|mths?|yrs?|d|w|y)(?![a-z])`,
    ),
    (x) => period(periodFromWord(x.m[1]!)!, x),
    from,
    to,
  );
}

/** The one value of each kind a part may give; null (with a note) when it gives two, or no period. */
type Chosen = {
  period: Per;
  pat: Pat | null;
  count: number | null;
  session: Dur | undefined;
  total: Dur | undefined;
  plain: Dur | undefined;
  /** The count is of class periods ("3 class periods"): see Found. */
  classPeriods: string | null;
};

/**
 * "5 days per week, 45 minutes daily": with a count of school days in a week, "daily" (or "per day") says
 * each of those days has its session, so the period is the week. Not when a length is a stated total.
 */
function foldDailyIntoDaysPerWeek({ pers, cnts, durs }: Found): Per[] {
  const units = new Set(pers.map((p) => p.unit));
  const daysPerWeek = cnts.length > 0 && cnts.every((c) => c.days && c.value >= 1 && c.value <= 7);
  if (
    units.size === 2 &&
    units.has('day') &&
    units.has('week') &&
    daysPerWeek &&
    durs.every((d) => d.tag !== 'total')
  ) {
    return pers.filter((p) => p.unit === 'week');
  }
  return pers;
}

function chooseValues(r: Reader, found: Found, part: string): Chosen | null {
  const quoted = `"${part}"`;
  const { durs, cnts, pats } = found;
  const pers = foldDailyIntoDaysPerWeek(found);
  const distinctPers = unique(pers, (p) => `${p.unit}:${p.cycleDays}`);
  if (distinctPers.length > 1) {
    const periods = distinctPers.map((p) => `"${p.raw}"`).join(', ');
    r.note(
      `more than one period (${periods}) in ${quoted}; enter each amount on its own line`,
      true,
      'period.many',
      { periods, part },
    );
    return null;
  }
  const distinctCnts = unique(cnts, (c) => String(c.value));
  if (distinctCnts.length > 1) {
    const counts = distinctCnts.map((c) => `"${c.raw}"`).join(', ');
    r.note(
      `more than one number of sessions (${counts}) in ${quoted}; enter the one that applies`,
      true,
      'sessions.many',
      { counts, part },
    );
    return null;
  }
  const byTag = (tag: Dur['tag']) =>
    unique(
      durs.filter((d) => d.tag === tag),
      (d) => String(d.minutes),
    );
  const session = byTag('session');
  const total = byTag('total');
  let plain = byTag(null);
  if (session.length > 1 || total.length > 1 || plain.length > 1) {
    const all = unique(durs, (d) => String(d.minutes));
    const minutes = all.map((d) => `"${d.raw}"`).join(', ');
    r.note(
      `more than one number of minutes (${minutes}) in ${quoted}; enter the one that applies`,
      true,
      'minutes.manyListed',
      { minutes, part },
    );
    return null;
  }
  if (session[0] && plain[0] && session[0].minutes === plain[0].minutes) plain = [];
  const distinctPats = unique(pats, (p) => `${p.active}/${p.every}`);
  if (distinctPats.length > 1) {
    r.note(`more than one pattern of weeks in ${quoted}; enter the one that applies`, true, 'pattern.many', {
      part,
    });
    return null;
  }
  const pat = distinctPats[0] ?? null;
  let period = distinctPers[0] ?? null;
  if (!period && pat) period = { unit: 'week', cycleDays: null, raw: pat.raw };
  if (!period) {
    if (!found.blocked) {
      r.note(
        `no period found in ${quoted}; say per day, week, month, year, term or cycle`,
        true,
        'period.none',
        {
          part,
        },
      );
    }
    return null;
  }
  if (found.blocked) return null;
  return {
    period,
    pat,
    count: distinctCnts[0]?.value ?? null,
    session: session[0],
    total: total[0],
    plain: plain[0],
    classPeriods: found.classPeriods,
  };
}

/** The "N of every M weeks" pattern, and notes on a pattern or a cycle that cannot be right. */
function checkPatternAndCycle(r: Reader, { period, pat }: Chosen, part: string): ParsedAmount['pattern'] {
  const quoted = `"${part}"`;
  let pattern: ParsedAmount['pattern'] = null;
  if (pat) {
    if (period.unit !== 'week') {
      r.note(
        `"${pat.raw}" needs a weekly amount, but ${quoted} is ${describeUnit(period)}; check it`,
        true,
        'pattern.notWeekly',
        { text: pat.raw, part, unit: period.unit },
      );
    } else if (
      !(pat.active >= 1 && pat.active < pat.every && pat.every <= 52 && Number.isInteger(pat.active))
    ) {
      r.note(
        `"${pat.raw}" is not a pattern of N weeks out of every M (N less than M); check it`,
        true,
        'pattern.invalid',
        { text: pat.raw },
      );
    }
    pattern = { activeWeeks: pat.active, everyWeeks: pat.every };
  }
  if (period.unit === 'cycle') {
    if (period.cycleDays == null) {
      r.note(
        `the length of the cycle is not given ("${period.raw}"); enter how many school days it has`,
        true,
        'cycle.noLength',
        { text: period.raw },
      );
    } else if (!Number.isInteger(period.cycleDays) || period.cycleDays < 2 || period.cycleDays > 20) {
      r.note(
        `a cycle of ${period.cycleDays} days ("${period.raw}") is not 2 to 20 school days; check it`,
        true,
        'cycle.outOfRange',
        { days: String(period.cycleDays), text: period.raw },
      );
    }
  }
  return pattern;
}

type Amounts = Pick<ParsedAmount, 'minutesPerSession' | 'sessionsPerPeriod' | 'minutesPerPeriod'>;

/** Minutes per session, sessions per period and minutes per period from the chosen values; null when they disagree. */
function combineAmounts(r: Reader, chosen: Chosen, part: string): Amounts | null {
  const quoted = `"${part}"`;
  const { period, count, session: s, total, plain } = chosen;
  const amounts: Amounts = { minutesPerSession: null, sessionsPerPeriod: null, minutesPerPeriod: null };
  const t = total ?? plain;
  if (count != null) {
    const perSession = s ?? plain;
    let tot = total;
    if (s && plain) {
      if (tot) {
        r.note(
          `more than one number of minutes in ${quoted}; enter the one that applies`,
          true,
          'minutes.many',
          {
            part,
          },
        );
        return null;
      }
      tot = plain;
    }
    if (tot && perSession) {
      if (perSession.minutes * count !== tot.minutes) {
        r.note(
          `${quoted} gives ${count} sessions of ${perSession.minutes} minutes but "${tot.raw}"; enter which applies`,
          true,
          'amount.disagree',
          { part, count: String(count), minutes: String(perSession.minutes), total: tot.raw },
        );
        return null;
      }
      amounts.sessionsPerPeriod = count;
      amounts.minutesPerSession = perSession.minutes;
    } else if (tot) {
      // "3 times a week for a total of 90 minutes": the total is what is owed.
      amounts.minutesPerPeriod = tot.minutes;
    } else {
      amounts.sessionsPerPeriod = count;
      amounts.minutesPerSession = perSession?.minutes ?? null;
      if (amounts.minutesPerSession == null && chosen.classPeriods) {
        r.note(
          `"${chosen.classPeriods}" counts class periods, whose length is set by the school's bell schedule; enter the minutes of one period`,
          true,
          'minutes.classPeriods',
          { text: chosen.classPeriods },
        );
      } else if (amounts.minutesPerSession == null) {
        r.note(`minutes per session not given (${quoted}); enter them`, true, 'minutes.none', { part });
      }
    }
  } else if (t) {
    // With no count, an untagged length beside a stated total is the session length.
    const perSession = s ?? (total && plain ? plain : undefined);
    if (s && total && plain) {
      r.note(
        `more than one number of minutes in ${quoted}; enter the one that applies`,
        true,
        'minutes.many',
        {
          part,
        },
      );
      return null;
    }
    if (period.unit === 'day' && t.unit === 'min' && t.tag == null && !perSession) {
      // "daily 20 minutes": one 20-minute session each day.
      amounts.sessionsPerPeriod = 1;
      amounts.minutesPerSession = t.minutes;
    } else {
      amounts.minutesPerPeriod = t.minutes;
      amounts.minutesPerSession = perSession?.minutes ?? null;
      if (perSession && perSession.minutes > t.minutes) {
        r.note(
          `${quoted} gives sessions of ${perSession.minutes} minutes but "${t.raw}" in all; check it`,
          true,
          'amount.sessionOverTotal',
          { part, minutes: String(perSession.minutes), total: t.raw },
        );
      }
    }
  } else if (s) {
    amounts.minutesPerSession = s.minutes;
    if (period.unit === 'day') amounts.sessionsPerPeriod = 1;
    else
      r.note(
        `number of sessions ${describeUnit(period)} not given (${quoted}); enter it`,
        true,
        'sessions.none',
        {
          unit: period.unit,
          part,
        },
      );
  } else if (period.unit === 'day') {
    amounts.sessionsPerPeriod = 1;
    r.note(`minutes per session not given (${quoted}); enter them`, true, 'minutes.none', { part });
  } else {
    r.note(`no amount found in ${quoted}; enter the minutes and sessions`, true, 'amount.none', { part });
  }
  return amounts;
}

/**
 * The amount one part of the line states ("30 minutes, 2 times a week"), set on `part.amount`; what
 * cannot be read becomes a note. The readers run in this order, each masking what it read: patterns of
 * weeks, cycles, ranges of lengths, sessions with their length, lengths, counts with a bare period
 * ("2x wk"), counts, periods.
 */
function readAmount(r: Reader, part: Part): void {
  const found: Found = {
    durs: [],
    pers: [],
    cnts: [],
    pats: [],
    blocked: part.warnings.some((w) => w.kind === 'blocking'),
    classPeriods: null,
    ranges: [],
  };
  readTermPeriods(r, part, found);
  readWeekPatterns(r, part, found);
  readCycles(r, part, found);
  readDurationRanges(r, part, found);
  readSessionsOfLength(r, part, found);
  readDurations(r, part, found);
  readCountsPerBarePeriod(r, part, found);
  readCounts(r, part, found);
  readPeriods(r, part, found);
  part.amount = putTogether(r, part, found);
  for (const { raw, low } of found.ranges) {
    if (part.amount) {
      r.note(
        `the amount is a range ("${raw}"); the lower figure, ${low} minutes, is counted as the least promised; change it if the IEP means more`,
        true,
        'amount.rangeLower',
        { text: raw, low: String(low) },
      );
    } else {
      r.note(`the amount is a range ("${raw}"); enter the amount to count`, true, 'amount.range', {
        text: raw,
      });
    }
  }
}

/** One amount from what the readers found; null, with a note saying why, when there is none. */
function putTogether(r: Reader, part: Part, found: Found): ParsedAmount | null {
  const partText = r.orig(part.start, part.end);
  const { durs, pers, cnts, pats } = found;
  if (!durs.length && !cnts.length && !pers.length && !pats.length) {
    if (found.blocked) return null;
    const phrase = part.warnings.find((w) => w.kind === 'no_frequency')?.text ?? partText;
    if (phrase) r.note(`no frequency found ("${phrase}")`, true, 'frequency.none', { text: phrase });
    else r.note('no frequency found', true, 'frequency.noneBare');
    return null;
  }
  for (const w of part.warnings) {
    if (w.kind === 'no_frequency')
      r.note(`also says "${w.text}"; only the stated amount is counted`, false, 'frequency.alsoSays', {
        text: w.text,
      });
  }
  const chosen = chooseValues(r, found, partText);
  if (!chosen) return null;
  const pattern = checkPatternAndCycle(r, chosen, partText);
  const amounts = combineAmounts(r, chosen, partText);
  if (!amounts) return null;
  const { period } = chosen;
  return {
    ...amounts,
    period: { unit: period.unit, cycleDays: period.unit === 'cycle' ? period.cycleDays : null },
    pattern,
    label: null,
    startDate: null,
    endDate: null,
  };
}

function describeUnit(p: { unit: PeriodUnit }): string {
  return p.unit === 'cycle' ? 'per cycle' : `per ${p.unit}`;
}

function unique<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------
// Dates of each part

const END_WORDS = /(?:until|through|thru|to|till|ending|ends?|by|before|-)\s*:?\s*$/;
const START_WORDS = /(?:from|starting|starts?|beginning|begins?|on|effective|as\s+of|commencing)\s*:?\s*$/;

function placeDates(r: Reader, part: Part) {
  const dates = part.dates;
  const text = r.orig(part.start, part.end);
  const quoted = `"${text}"`;
  if (dates.length > 2) {
    r.note(`more than two dates in ${quoted}; enter the dates of each amount`, true, 'date.many', {
      part: text,
    });
    return;
  }
  if (dates.length === 2) {
    const [a, b] = dates as [Placed<FoundDate>, Placed<FoundDate>];
    part.startDate = a.iso;
    part.endDate = b.iso;
    if (a.iso && b.iso && b.iso < a.iso) {
      r.note(
        `the end date ${b.iso} is before the start date ${a.iso}; check them`,
        true,
        'date.endBeforeStart',
        {
          end: b.iso,
          start: a.iso,
        },
      );
    }
    return;
  }
  const d = dates[0];
  if (!d) return;
  const before = r.norm.slice(Math.max(part.start, d.at - 30), d.at);
  if (END_WORDS.test(before)) part.endDate = d.iso;
  else if (START_WORDS.test(before)) part.startDate = d.iso;
  else
    r.note(
      `it is not clear whether "${d.raw}" is a start or an end date; enter the dates`,
      true,
      'date.startOrEnd',
      {
        text: d.raw,
      },
    );
}

// ---------------------------------------------------------------------------------------------
// What is left

const LEFTOVER_STOP = new Set([
  'and',
  'or',
  'the',
  'a',
  'an',
  'of',
  'in',
  'on',
  'at',
  'by',
  'with',
  'for',
  'to',
  'per',
  'each',
  'every',
  'from',
  'through',
  'thru',
  'until',
  'till',
  'starting',
  'beginning',
  'ending',
  'effective',
  'between',
  'during',
  'within',
  'via',
  'is',
  'are',
  'will',
  'be',
  'receive',
  'receives',
  'student',
  'session',
  'sessions',
  'visit',
  'visits',
  'service',
  'services',
  'provided',
  'delivered',
  'setting',
  'location',
  'frequency',
  'duration',
  'total',
  'small',
  'group',
  'groups',
  'classroom',
  'class',
  'basis',
  'support',
  'therapy',
  'minimum',
  'as',
  'time',
  'block',
  'blocks',
  'period',
  'periods',
  'esy',
  '&',
  'x',
]);
const WEEKDAYS = /^(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?$/;
const AMOUNT_WORDS = new RegExp(
  `^(?:${NUM_WORDS_SRC}|once|twice|thrice|weeks?|wks?|months?|mos?|days?|years?|yrs?|hours?|hrs?|minutes?|mins?|times?|other|except|excluding|unless|cycles?|rotations?|semester|quarter|term)$`,
);

function readLeftovers(r: Reader) {
  const tokens = r.find(/[^\s,;:()[\]]+/g);
  type Run = { start: number; end: number; words: string[] };
  const runs: Run[] = [];
  let run: Run | null = null;
  let prevEnd = -1;
  for (const tok of tokens) {
    const gap = prevEnd < 0 ? '' : r.norm.slice(prevEnd, tok.start);
    const gapUsed = prevEnd >= 0 && r.used.slice(prevEnd, tok.start).some(Boolean);
    if (!run || gapUsed || /[,;:()[\]]/.test(gap)) {
      run = { start: tok.start, end: tok.end, words: [] };
      runs.push(run);
    }
    prevEnd = tok.end;
    const word = tok.m[0].replace(/^[^a-z0-9½]+|[^a-z0-9½]+$/g, '');
    if (!word || LEFTOVER_STOP.has(word)) continue;
    if (!run.words.length) run.start = tok.start;
    run.end = tok.end;
    run.words.push(word);
  }
  for (const { start, end, words: ws } of runs) {
    if (!ws.length) continue;
    const text = r.orig(start, end).replace(/[.]+$/, '');
    const essential = ws.some((w) => /\d|½/.test(w) || AMOUNT_WORDS.test(w));
    if (essential)
      r.note(`could not read "${text}", which may change the amount`, true, 'leftover.amount', { text });
    else if (ws.every((w) => WEEKDAYS.test(w)))
      r.note(`did not use the days named ("${text}")`, false, 'leftover.days', { text });
    else r.note(`did not understand "${text}"`, false, 'leftover.other', { text });
  }
}

// ---------------------------------------------------------------------------------------------

/** Reads one service line ("Speech-language therapy, 30 minutes 2 times per week, pull-out"). */
/** The fields of an amount a note can name when one is larger than a service line can hold. */
const AMOUNT_FIELD_SAYING: Record<string, (value: number, maximum: number) => string> = {
  sessionsPerPeriod: (value, maximum) => `${value} sessions per period, more than ${maximum}`,
  minutesPerPeriod: (value, maximum) => `${value} minutes per period, more than ${maximum}`,
  minutesPerSession: (value, maximum) => `sessions of ${value} minutes, longer than ${maximum}`,
};

/**
 * The note for an amount the parser put together that a service cannot hold (ServiceAmount refuses it:
 * "600 sessions per week"): the figure and the limit when it is too large, else that it is incomplete.
 * Said in plain words, never in the schema's own (field names, zod's messages).
 */
function noteRefusedAmount(
  r: Reader,
  amount: ParsedServiceLine['amounts'][number],
  issue: { code: string; path: readonly PropertyKey[] } | undefined,
) {
  const field = String(issue?.path[0] ?? '');
  const saying = AMOUNT_FIELD_SAYING[field];
  const value = (amount as Record<string, unknown>)[field];
  const maximum = (issue as { maximum?: unknown } | undefined)?.maximum;
  if (issue?.code === 'too_big' && saying && typeof value === 'number' && typeof maximum === 'number') {
    r.note(`the amount is too large to count (${saying(value, maximum)}); check it`, true, 'amount.tooBig', {
      field,
      value: String(value),
      maximum: String(maximum),
    });
    return;
  }
  r.note('the amount is incomplete; enter the minutes and sessions', true, 'amount.incomplete');
}

export function parseServiceLine(text: string): ParsedServiceLine {
  const trimmed = text.trim();
  const r = new Reader(trimmed);
  const result: ParsedServiceLine = {
    text: trimmed,
    name: null,
    area: null,
    setting: null,
    delivery: null,
    groupSizeLimit: null,
    providerRole: null,
    location: null,
    amounts: [],
    esy: false,
    unread: [],
    unreadWords: [],
    complete: false,
  };
  if (!trimmed) {
    result.unread = ['the line is empty'];
    result.unreadWords = [{ key: 'serviceline.empty' }];
    return result;
  }

  const esySpans = r.find(ESY_RE);
  result.esy = esySpans.length > 0;
  for (const s of esySpans) r.mask(s.start, s.end);

  const dates = readDates(r);
  result.groupSizeLimit = readGroupSize(r);
  const provider = readProviders(r);
  result.providerRole = provider.role;
  const { setting, delivery, spans: settingSpans } = readSetting(r);
  result.setting = setting;
  result.delivery = delivery;
  result.location = readLocation(r);
  const labels = readLabels(r);
  const warnings = readAmountWarnings(r);

  const name = readName(r, esySpans, settingSpans);
  if (name) {
    result.name = name.name;
    result.area = areaOf(name.name);
    r.mask(name.start, name.end);
  } else {
    result.area = provider.area;
  }

  // Split where the amount changes.
  const bounds: number[] = [0];
  const cuts: number[] = [];
  for (const x of r.find(SEPARATOR)) {
    r.mask(x.start, x.end);
    cuts.push(x.start);
    bounds.push(x.end);
  }
  cuts.push(r.norm.length);
  const parts: Part[] = bounds.map((start, i) => {
    const end = cuts[i]!;
    const inside = <T extends { at: number }>(xs: T[]) => xs.filter((x) => x.at >= start && x.at < end);
    return {
      start,
      end,
      dates: inside(dates),
      labels: inside(labels),
      warnings: inside(warnings),
      amount: null,
      startDate: null,
      endDate: null,
      label: null,
    };
  });

  for (const part of parts) {
    readAmount(r, part);
    placeDates(r, part);
    if (part.labels.length > 1) {
      const labels = part.labels.map((l) => `"${l.label}"`).join(', ');
      const text = r.orig(part.start, part.end);
      r.note(
        `more than one stretch named (${labels}) in "${text}"; enter the dates of each`,
        true,
        'label.many',
        { labels, part: text },
      );
    }
    part.label = part.labels[0]?.label ?? null;
    const hasDates = part.dates.length > 0;
    if (part.label && !hasDates)
      r.note(`the dates of "${part.label}" are not given; enter them`, true, 'label.noDates', {
        text: part.label,
      });
    for (const w of part.warnings) {
      if (w.kind === 'for_duration' && part.dates.length < 2) {
        r.note(
          `the service runs "${w.text}" but its dates are not given; enter them`,
          true,
          'duration.noDates',
          {
            text: w.text,
          },
        );
      }
    }
  }
  for (let i = 0; i + 1 < parts.length; i++) {
    const a = parts[i]!;
    const b = parts[i + 1]!;
    if (
      a.endDate == null &&
      b.startDate == null &&
      !(a.label && !a.dates.length) &&
      !(b.label && !b.dates.length)
    ) {
      const from = r.orig(a.start, a.end);
      const to = r.orig(b.start, b.end);
      r.note(
        `the date the amount changes from "${from}" to "${to}" is not given; enter it`,
        true,
        'change.noDate',
        { from, to },
      );
    }
  }

  readLeftovers(r);

  for (const part of parts) {
    if (!part.amount) continue;
    result.amounts.push({
      ...part.amount,
      label: part.label,
      startDate: part.startDate,
      endDate: part.endDate,
    });
  }

  let valid = result.amounts.length > 0;
  for (const amount of result.amounts) {
    const check = ServiceAmount.safeParse(amount);
    if (!check.success) {
      valid = false;
      if (!r.notes.some((n) => n.essential)) noteRefusedAmount(r, amount, check.error.issues[0]);
    }
  }
  result.unread = r.notes.map((n) => n.message);
  result.unreadWords = r.notes.map((n) => n.words);
  result.complete = valid && !r.notes.some((n) => n.essential);
  return result;
}
