import type { DocCell, DocumentText } from './document-text.ts';
import { withDrawnBoxes } from './drawn-boxes.ts';
import type { MessageWords } from './errors.ts';
import {
  type DateConvention,
  dateConvention,
  describeConvention,
  type FoundDate,
  findDates,
} from './iep-dates.ts';
import type {
  AccommodationGroup,
  DateField,
  DraftAccommodation,
  DraftBehaviorStep,
  DraftGoal,
  DraftService,
  DraftTeamMember,
  IepDraft,
  PageBox,
} from './iep-draft.ts';
import { placeOf } from './iep-places.ts';
import { joinClauses, joinSentences, reasonWords, wordsValue } from './iep-reasons.ts';
import { headerAt, type Line, readTable, type Table, type TableRow } from './iep-tables.ts';
import { markOcrDoubts } from './ocr-doubts.ts';
import { boxesOnPage, type PageFrame } from './page-boxes.ts';
import type { BEHAVIOR_STEP_KINDS } from './record-kinds.ts';
import { type ParsedServiceLine, parseServiceLine } from './service-frequency-parser.ts';

// The IEP reader: from a document's lines (src/domain/document-text.ts) to the draft the parent reviews
// (src/domain/iep-draft.ts). It reads what the document prints, where it prints it:
//
// - the plan's kind (IEP or 504) from its title, the jurisdiction from the places and terms it names;
// - the child's name, school and grade, and the plan's dates, from labelled fields ("Student:",
//   "Meeting Date", a label above its value in a box), dates in the document's own order;
// - services from the services grid (src/domain/iep-tables.ts), each row's amount read by the
//   service-line parser from its frequency and duration cells;
// - accommodations under their headings, only the checked ones where the form has boxes; a box
//   whose state cannot be read goes to the parent, never into the plan silently;
// - annual goals with their area, baseline and criterion; the team with names and roles;
// - the steps of a behavior plan (triggers, strategies, rewards, responses) under its heading
//   ("Behavior Intervention Plan", "Positive Behavior Supports"), by the part they are printed under.
//
// Every item keeps its page, the words it came from and where they are on the page (`sourceBoxes`,
// for the review screen to outline), and is `check` (with the reason) when the reader is not sure.
// It never throws: a part that fails is noted and left out. Pure: no I/O, no clock.

const MAX_LINES = 20_000;
const MAX_CELLS_PER_LINE = 60;
const MAX_CELL_CHARS = 2_000;

type Section = 'services' | 'accommodations' | 'goals' | 'team' | 'behavior' | 'other';
type StepKind = (typeof BEHAVIOR_STEP_KINDS)[number];

// ---------------------------------------------------------------------------------------------
// Lines

function prepare(doc: DocumentText): Line[] {
  const sizes = new Map<number, number>();
  for (const page of doc.pages)
    for (const line of page.lines) {
      const size = Math.round(line.height * 2) / 2;
      sizes.set(size, (sizes.get(size) ?? 0) + line.text.length);
    }
  const body = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const lines: Line[] = [];
  for (const page of doc.pages) {
    // A PDF's page has a size, so where its words are can be said on it; a Word document has no pages.
    const frame: PageFrame | null =
      doc.format === 'pdf' && page.width > 0 && page.height > 0
        ? { width: page.width, height: page.height, ...(page.turned ? { turned: page.turned } : {}) }
        : null;
    // Check boxes drawn as graphics read as the box characters would, where they are drawn.
    const pageLines = page.boxes?.length ? withDrawnBoxes(page.lines, page.boxes) : page.lines;
    for (const line of pageLines) {
      if (lines.length >= MAX_LINES) break;
      const cells = line.cells
        .slice(0, MAX_CELLS_PER_LINE)
        .map((c) => ({
          ...c,
          text: String(c.text ?? '')
            .slice(0, MAX_CELL_CHARS)
            .trim(),
        }))
        .filter((c) => c.text !== '' && Number.isFinite(c.x) && Number.isFinite(c.end));
      if (!cells.length) continue;
      lines.push({
        y: Number.isFinite(line.y) ? line.y : 0,
        height: Number.isFinite(line.height) && line.height > 0 ? line.height : body,
        text: cells.map((c) => c.text).join(' '),
        cells,
        page: page.number,
        index: lines.length,
        furniture: false,
        body,
        ...(line.row != null ? { row: line.row } : {}),
        ...(frame ? { frame } : {}),
      });
    }
  }
  markFurniture(lines, doc);
  return lines;
}

/** Running headers and footers: text in the top or bottom band of the page, repeated on other pages. */
function markFurniture(lines: Line[], doc: DocumentText) {
  const heights = new Map(doc.pages.map((p) => [p.number, p.height]));
  const band = (l: Line) => {
    const h = heights.get(l.page) ?? 0;
    return h > 0 && (l.y < 0.1 * h || l.y > 0.9 * h);
  };
  const shape = (l: Line) => l.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
  const pagesOf = new Map<string, Set<number>>();
  for (const l of lines) {
    if (!band(l)) continue;
    const key = shape(l);
    if (!pagesOf.has(key)) pagesOf.set(key, new Set());
    pagesOf.get(key)!.add(l.page);
  }
  for (const l of lines) {
    if (!band(l)) continue;
    const repeated = (pagesOf.get(shape(l))?.size ?? 0) >= 2;
    // A page number, alone or in a cell of its own ("Student: Ezra Matthis     Page 1 of 1").
    const pageNumber =
      /^(page\s*)?#+\s*(of|\/)\s*#+$|^-?\s*#+\s*-?$/.test(shape(l)) ||
      (l.cells.length > 1 && l.cells.some((c) => /^page\s*\d+\s*(?:of|\/)\s*\d+$/i.test(c.text.trim())));
    if (repeated || pageNumber) l.furniture = true;
  }
}

/** A line's part in an item: some of its cells, or (none named) the whole line. */
type Part = { line: Line; cells?: readonly DocCell[] };

/**
 * Where an item read on `page` from these lines (or cells of them) is on that page, for the review
 * screen to outline (src/domain/page-boxes.ts); nothing for a Word document.
 */
function placed(page: number, parts: readonly (Line | Part)[]): { sourceBoxes?: PageBox[] } {
  const boxes = boxesOnPage(
    page,
    parts.map((p) => {
      const line = 'line' in p ? p.line : p;
      const cells = 'line' in p ? (p.cells ?? line.cells) : line.cells;
      return { page: line.page, frame: line.frame, y: line.y, height: line.height, cells };
    }),
  );
  return boxes ? { sourceBoxes: boxes } : {};
}

// ---------------------------------------------------------------------------------------------
// Marks and headings

const CHECKED_MARK =
  /^(?:[☒☑✔✓▣⊠√]|[þýü](?=\s)|\[\s*[xX✓✔✗✘]\s*\]|\(\s*[xX✓✔✗✘]\s*\)|[\uF0FE\uF0FD\uF078\uF0FC\uF0FB])/u;
const UNCHECKED_MARK = /^(?:[☐□❑❏❒⬜◻]|¨(?=\s)|\[\s*\]|\(\s*\)|[\uF0A8\uF06F\uF071\uF072\uF0A1])/u;
// A ballot X (✗) means "chosen" on some forms and "not" on others.
const UNCLEAR_MARK = /^(?:\[\s*[?/\\.\-_]\s*\]|\(\s*[?/\\.\-_]\s*\)|[✗✘]|[\uF000-\uF0FF])/u;
const BULLET = /^(?:[•●◦▪▫‣⁃·○◘]|[-*–](?=\s)|\d{1,2}[.)](?=\s)|[a-z][.)](?=\s))\s*/u;

type MarkState = 'checked' | 'unchecked' | 'unclear';

/** "... [X] Yes [ ] No": what comes before, the Yes box, the No box. */
const YES_NO_BOX = '(\\[[^\\]]{0,3}\\]|\\([^)]{0,3}\\)|\\S{1,2})';
const YES_NO = new RegExp(`^(.*?)\\s*${YES_NO_BOX}\\s*yes\\b\\s*,?\\s*${YES_NO_BOX}\\s*no\\b\\.?$`, 'i');

/** A cell's leading check mark, if any, and the text after it. */
function readMark(
  text: string,
  filledSquareIsMark: boolean,
): { state: MarkState | null; text: string; bullet: boolean } {
  let t = text.trim();
  // "Eligible for ESY: [X] Yes [ ] No": the state of the Yes box.
  const yesNo = YES_NO.exec(t);
  if (yesNo) {
    const yes = markOf(yesNo[2]!, filledSquareIsMark);
    const no = markOf(yesNo[3]!, filledSquareIsMark);
    if (yes || no) {
      const state: MarkState =
        yes === 'checked' && no === 'unchecked'
          ? 'checked'
          : yes === 'unchecked' && no === 'checked'
            ? 'unchecked'
            : 'unclear';
      return { state, text: yesNo[1]!.replace(/[:\s]+$/, ''), bullet: false };
    }
  }
  const marks: MarkState[] = [];
  for (let k = 0; k < 2; k++) {
    const m = markAt(t, filledSquareIsMark);
    if (!m) break;
    marks.push(m.state);
    t = t.slice(m.length).trim();
  }
  if (marks.length) {
    const state = marks.length === 1 ? marks[0]! : marks.every((m) => m === marks[0]) ? marks[0]! : 'unclear';
    return { state, text: t, bullet: false };
  }
  // A lone X before the text (a drawn box with an X typed in it, joined to its label).
  const lone = /^[xX]\s+(?=[A-Z(])/.exec(t);
  if (lone) return { state: 'checked', text: t.slice(lone[0].length), bullet: false };
  const bullet = BULLET.exec(t);
  if (bullet) return { state: null, text: t.slice(bullet[0].length).trim(), bullet: true };
  return { state: null, text: t, bullet: false };
}

function markOf(token: string, filledSquare: boolean): MarkState | null {
  const m = markAt(token, filledSquare);
  return m && m.length === token.length ? m.state : null;
}

function markAt(t: string, filledSquare: boolean): { state: MarkState; length: number } | null {
  for (const [re, state] of [
    [CHECKED_MARK, 'checked'],
    [UNCHECKED_MARK, 'unchecked'],
    [UNCLEAR_MARK, 'unclear'],
  ] as const) {
    const m = re.exec(t);
    if (m) return { state, length: m[0].length };
  }
  if (filledSquare && /^[■◼▪]/u.test(t)) return { state: 'checked', length: 1 };
  return null;
}

/** A cell that is only a mark: a drawn box's X, or a box character printed apart from its label. */
function loneMark(text: string, filledSquare: boolean): MarkState | null {
  const t = text.trim();
  if (/^[xX✓✔]$/.test(t)) return 'checked';
  const m = markAt(t, filledSquare);
  return m && m.length === t.length ? m.state : null;
}

const GOAL_HEAD =
  /^(?:measurable\s+)?(?:annual\s+)?(?:program\s+)?goal\s*(?:#\s*)?(\d{1,2}|[A-H])\b\s*[:.)\-–—]?\s*(.*)$/i;

type Heading = {
  text: string;
  section: Section;
  /** For accommodations: the group the heading names, if it names one. */
  group: AccommodationGroup | null;
  esy: boolean;
  /** A goal's own heading ("Goal #1", "Annual Goal 2: Behavior"), with the area it names. */
  goal: { area: string | null } | null;
};

const GROUP_WORDS: [RegExp, AccommodationGroup][] = [
  [/test|assessment|exam|staar|caaspp|designated support|state-?wide/i, 'testing'],
  [/environment|seating|physical setting/i, 'environmental'],
  [/health|medical|nurs|medication/i, 'health'],
  [
    /classroom|instruction|curricul|presentation|response|supplementary|specially designed|\bsdi\b|modification|program|class\b|timing|scheduling/i,
    'classroom',
  ],
];

export function groupOf(text: string): AccommodationGroup | null {
  for (const [re, group] of GROUP_WORDS) if (re.test(text)) return group;
  return null;
}

const SHORT_HEADING =
  /^(?:(?:classroom|instructional|testing|test|assessment|state assessment|environmental|health|medical|physical)(?:\s+(?:accommodations?|supports?|modifications?))?|accommodations?(?: and modifications)?|modifications|related services|special education services|special education program|annual goals?|goals|iep team|team members|signatures|participants|behaviou?r(?:al)? (?:intervention|support) plan|positive behaviou?r(?:al)? supports?(?: plan)?|behaviou?r plan)(?:\s*\([^)]*\))?\s*:?$/i;

/**
 * The heading of a behavior plan: "Behavior Intervention Plan (BIP)", "Positive Behavior Supports",
 * "Behavior Support Plan". Never a service ("Behavior Intervention Services") nor a goal's area.
 */
const BEHAVIOR_PLAN_HEADING =
  /behaviou?r(?:al)?\s+(?:intervention|support|management|improvement)\s+plan|\bbip\b|\bpbsp\b|positive\s+behaviou?r(?:al)?\s+(?:interventions?(?:\s+and\s+supports?)?|supports?)|\bbehaviou?r(?:al)?\s+plan\b/i;
/** A behavior heading that names no plan ("Positive Behavior Supports"): inside accommodations, a group of them. */
const BEHAVIOR_PLAN_NAMED = /\bplan\b|\bbip\b|\bpbsp\b/i;

function sectionOf(text: string): { section: Section; group: AccommodationGroup | null; esy: boolean } {
  const t = text.toLowerCase();
  const esy = /extended school year|\besy\b|twelve[- ]month|12-month/.test(t);
  if (BEHAVIOR_PLAN_HEADING.test(t) && !/services?\b|\bgoals?\b/.test(t))
    return { section: 'behavior', group: null, esy: false };
  // The plan's own name ("Section 504 Individual Accommodation Plan") is its title, not a list's heading.
  if (/\baccommodations?\s+plan\b/.test(t)) return { section: 'other', group: null, esy: false };
  if (
    /accommodation|modification|adaptation|supplementary aids|specially designed|\bsdi\b|supports? for|designated supports|^(?:individuali[sz]ed\s+|additional\s+)?supports?(?:\s+and\s+services)?$/.test(
      t,
    ) ||
    /^(?:classroom|testing|test|health|medical|environmental|instructional|state assessment|assessment)(?:\s+(?:supports?|needs))?(?:\s*\(.*\))?:?$/.test(
      t,
    )
  )
    return { section: 'accommodations', group: groupOf(text), esy: false };
  if (
    /\bteam\b|participants|members|signature|attendance|attendees|present at|staff developing|developed by|committee members/.test(
      t,
    )
  )
    return { section: 'team', group: null, esy: false };
  if (/\bgoals?\b|objectives|benchmarks|^special education program$/.test(t))
    return { section: 'goals', group: null, esy: false };
  if (
    /services?\b|\bfape\b|human resources|service delivery|schedule of services|programs and services/.test(
      t,
    ) ||
    esy
  )
    return { section: 'services', group: null, esy };
  return { section: 'other', group: null, esy: false };
}

function headingOf(line: Line): Heading | null {
  if (line.furniture || line.cells.length > 2 || line.text.length > 90) return null;
  const text = line.text.trim();
  const goal = GOAL_HEAD.exec(text);
  if (goal && line.cells.length === 1 && (goal[2] ?? '').length <= 60 && !/\bwill\b/i.test(goal[2] ?? '')) {
    const area = (goal[2] ?? '')
      .replace(/^\(|\)$/g, '')
      .replace(/[:.]$/, '')
      .trim();
    return { text, section: 'goals', group: null, esy: false, goal: { area: area || null } };
  }
  if (readMark(text, false).state || /^[•●▪]/u.test(text)) return null;
  if (/\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2}/.test(text)) return null;
  // "Label: value" is a field, not a heading.
  if (/:\s*\S/.test(text) && !/\(.*:.*\)/.test(text)) return null;
  if (/[.,;]$/.test(text) && !/\.\.\.$/.test(text)) return null;
  const letters = text.replace(/[^A-Za-z]/g, '');
  const caps = letters.length >= 4 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.8;
  const styled = line.height >= line.body * 1.04 && text.split(/\s+/).length <= 12;
  const short = SHORT_HEADING.test(text) || (/:$/.test(text) && text.length <= 50);
  if (!caps && !styled && !short) return null;
  return { text, ...sectionOf(text), goal: null };
}

/** A heading that ends any table: a known section, or a styled or capitalised line. */
function endsTable(line: Line): boolean {
  const h = headingOf(line);
  return h !== null && (h.section !== 'other' || line.height >= line.body * 1.04 || h.goal !== null);
}

// ---------------------------------------------------------------------------------------------
// Labelled fields

type FieldHit = { value: string; line: Line; sourceText: string; parts: Part[] };

/** Cells that are only a label ("Student Name", "Grade:"), so the value is beside or below them. */
const ANY_LABEL =
  /^(?:student'?s?(?:\s+(?:full\s+)?name)?|name(?: of (?:student|child))?|child'?s? name|date of birth|dob|birth ?date|grade(?: level)?|school|campus|nyc id|student id|id|oen|age|gender|sex|disability|exceptionality|placement|principal|language|meeting (?:date|type)|type|.{0,40}\bdate\b.{0,40})\s*(?:\([^)]*\))?\s*:?$/i;

/**
 * The value of the label in `lines[at].cells[cellIndex]`: the rest of its cell, else the next cell on
 * its line, else the cell printed under it (boxed forms, a label that wraps onto a second line), the
 * first that `accept` takes.
 */
function valueAfterLabel(
  lines: readonly Line[],
  at: number,
  cellIndex: number,
  rest: string,
  accept: (value: string) => boolean = (v) => v.length > 0,
): FieldHit | null {
  const line = lines[at]!;
  const cell = line.cells[cellIndex]!;
  const clean = (v: string) => v.split(/\s{2,}|\s(?=[A-Z][A-Za-z()/'. -]{1,30}:\s)/)[0]!.trim();
  if (rest.trim() && accept(clean(rest)))
    return { value: clean(rest), line, sourceText: cell.text, parts: [{ line, cells: [cell] }] };
  const next = line.cells[cellIndex + 1];
  if (next && !ANY_LABEL.test(next.text) && accept(clean(next.text)))
    return {
      value: clean(next.text),
      line,
      sourceText: `${cell.text} ${next.text}`,
      parts: [{ line, cells: [cell, next] }],
    };
  // The value printed below its label (boxed forms), perhaps under the label's own second line.
  for (let k = at + 1; k < Math.min(lines.length, at + 5); k++) {
    const below = lines[k]!;
    if (below.page !== line.page || below.furniture) continue;
    if (below.y - line.y > 3.5 * Math.max(line.height, below.height)) break;
    const under = below.cells.find(
      (c) => Math.min(c.end, cell.end) - Math.max(c.x, cell.x) > 0 || Math.abs(c.x - cell.x) < 3,
    );
    if (!under) continue;
    if (!ANY_LABEL.test(under.text) && accept(clean(under.text)))
      return {
        value: clean(under.text),
        line: below,
        sourceText: `${cell.text} ${under.text}`,
        parts: [
          { line, cells: [cell] },
          { line: below, cells: [under] },
        ],
      };
  }
  return null;
}

/** Every value printed with a label the pattern matches, in document order (content before running headers). */
function labelled(lines: readonly Line[], label: RegExp, accept: (value: string) => boolean): FieldHit[] {
  const hits: FieldHit[] = [];
  const re = new RegExp(`^(?:${label.source})(?:\\s*\\([^)]*\\))*\\s*(?:[:\\-–]\\s*|$)(.*)$`, 'i');
  lines.forEach((line, at) => {
    line.cells.forEach((cell, k) => {
      const m = re.exec(cell.text);
      if (!m) return;
      const rest = m[1] ?? '';
      // "Student Name" with no colon and more text after it is a sentence, not a field.
      if (rest && !/[:\-–]/.test(cell.text.slice(0, cell.text.length - rest.length))) return;
      const hit = valueAfterLabel(lines, at, k, rest, accept);
      if (hit?.value) hits.push(hit);
    });
  });
  return hits.sort(
    (a, b) => Number(a.line.furniture) - Number(b.line.furniture) || a.line.index - b.line.index,
  );
}

const NAME_WORD =
  /^(?:[A-Z][\p{L}'’.-]*|(?:de|del|della|da|van|von|der|den|la|le|di|du|bin|bint|al|el|y)|[A-Z]\.)$/u;
const ROLE_WORDS =
  /\b(teacher|parent|guardian|mother|father|therapist|psychologist|principal|coordinator|administrator|representative|specialist|nurse|counsel+or|pathologist|school|district|education|services?|designee|agency|interpreter|advocate|case manager|chair|member|assistant|aide|social worker|consultant|director|student|program)\b/i;

function isPersonName(text: string): boolean {
  const t = text
    .replace(/^(?:dr|mr|mrs|ms|mx|miss)\.?\s+/i, '')
    .replace(
      /,?\s+(?:jr|sr|ii|iii|iv|rn|lpn|ph\.?d|ed\.?d|m\.?ed|m\.?a|m\.?s|ccc-slp|otr\/l|lssp|ncsp|bcba)\.?$/i,
      '',
    )
    .trim();
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 5 || t.length > 60 || /\d/.test(t)) return false;
  if (ROLE_WORDS.test(t)) return false;
  return words.every((w) => NAME_WORD.test(w)) && words.filter((w) => /^[A-Z]/.test(w)).length >= 2;
}

function gradeValue(text: string): string | null {
  const t = text.trim().replace(/\.$/, '');
  if (/^(pre-?k(indergarten)?|pk|tk|transitional kindergarten)$/i.test(t)) return 'Pre-K';
  if (/^(k|kg|kindergarten)$/i.test(t)) return 'K';
  const m = /^(?:grade\s*)?(\d{1,2})(?:st|nd|rd|th)?(?:\s*grade)?$/i.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return String(Number(m[1]));
  return null;
}

// ---------------------------------------------------------------------------------------------
// Dates of the plan

type DateKind = 'meeting' | 'planStart' | 'planEnd' | 'annualReview' | 'reevaluation';

const DATE_LABELS: [DateKind | 'range' | 'planStartInline' | 'planEndInline', RegExp][] = [
  [
    'range',
    /(?:iep|plan|504 plan)\s+duration|duration of (?:the\s+)?(?:iep|plan)|dates? of (?:the\s+)?(?:iep|plan|services)|(?:iep|plan)\s+(?:dates|period|term|in effect)|iep (?:is )?in effect from/,
  ],
  [
    'reevaluation',
    /(?:date of\s+)?(?:the\s+)?(?:next\s+)?(?:required\s+)?(?:(?:three|3)[- ]year\s+)?(?:re-?evaluation|re-?eval|triennial(?:\s+(?:re-?evaluation|evaluation|review|iep|assessment))?)(?:\s+(?:date|due(?:\s+date)?|meeting))?|projected date of (?:the\s+)?(?:next\s+)?re-?evaluation|date of next (?:required\s+)?re-?evaluation|next (?:three|3)[- ]year (?:re-?)?evaluation/,
  ],
  [
    'annualReview',
    /(?:projected\s+)?(?:date of\s+)?(?:the\s+)?(?:next\s+)?annual(?:\s+(?:iep|ard|plan|504))?\s+(?:review|meeting|iep|ard)(?:\s+(?:date|due(?:\s+date)?))?|(?:projected\s+)?(?:date of\s+)?(?:the\s+)?next\s+annual(?:\s+(?:date|due))?|annual review of iprc|(?:plan|iep|504)?\s*review date|date of (?:the\s+)?next review|next (?:iep|plan|504)?\s*review(?:\s+date)?|review due/,
  ],
  [
    'planStart',
    /(?:projected\s+)?(?:iep|plan|504 plan)\s+(?:start|begin(?:ning)?|effective|implementation|initiation)\s+date|(?:iep\s+)?implementation date|date of implementation|(?:start|begin(?:ning)?) date of (?:the\s+)?(?:iep|plan)|plan start|effective date|date placement began|date (?:the\s+)?(?:iep|plan|services) (?:begins?|starts?)|projected date (?:the\s+)?(?:iep|services) (?:will\s+)?begin/,
  ],
  [
    'planEnd',
    /(?:projected\s+)?(?:iep|plan|504 plan)\s+(?:end(?:ing)?|expiration|expiry|duration(?:\s+end)?)\s+date|(?:end|ending) date of (?:the\s+)?(?:iep|plan)|plan end|anticipated duration of (?:services|special education)(?: and programs)?|projected end date|expiration date|(?:iep|plan) expires/,
  ],
  [
    'meeting',
    /(?:(?:iep|ard|504|iep team|team|annual|arc|ppt|cse)\s+)?meeting date|date of (?:the\s+)?(?:this\s+)?(?:iep |ard |504 |team |annual )?(?:meeting|conference)|ard date|conference date|iep date|date of (?:the\s+)?iep/,
  ],
  // Bare "Start Date" and "End Date" head the columns of service grids: only a value in the same cell counts.
  ['planStartInline', /(?:start|begin(?:ning)?) date/],
  ['planEndInline', /end(?:ing)? date/],
];

const PAST_DATE =
  /\b(most recent|last|previous|prior|initial|date of birth|birth|dob|signed?|consent|notice|referral)\b/i;

type DateHit = {
  kind: DateKind;
  found: FoundDate;
  line: Line;
  sourceText: string;
  parts: Part[];
  label: string;
};

function planDates(lines: readonly Line[], convention: DateConvention): DateHit[] {
  const hits: DateHit[] = [];
  for (const [kind, label] of DATE_LABELS) {
    const re = new RegExp(`^(?:${label.source})\\b`, 'i');
    const atEnd = new RegExp(`\\b(?:${label.source})$`, 'i');
    lines.forEach((line, at) => {
      line.cells.forEach((cell, k) => {
        let m = re.exec(cell.text);
        // "Eligibility Reevaluation Due: ...": the label may follow other words, up to its colon.
        const colon = cell.text.indexOf(':');
        if (!m && colon > 0 && colon <= 70) {
          const labelPart = cell.text.slice(0, colon).replace(/\s*\([^)]*\)\s*$/, '');
          const inner = atEnd.exec(labelPart);
          if (inner)
            m = Object.assign([cell.text.slice(0, colon)], { index: 0, input: cell.text }) as RegExpExecArray;
        }
        if (!m || PAST_DATE.test(cell.text.slice(0, m[0].length + 20).replace(/\(.*?\)/g, ''))) return;
        // The label's own parentheses ("(mm/dd/yy)", "(Projected date when services begin)") are not the value.
        const rest = cell.text.slice(m[0].length).replace(/^\s*(?:\([^)]*\)\s*)*[:\-–]?\s*/, '');
        const wanted = kind === 'range' ? 2 : 1;
        const hasDates = (v: string) => findDates(v, convention).length >= wanted;
        const inline = kind === 'planStartInline' || kind === 'planEndInline';
        if (inline && !(/^[:\-–]/.test(cell.text.slice(m[0].length).trim()) && hasDates(rest))) return;
        const hit = valueAfterLabel(lines, at, k, rest, hasDates);
        if (!hit) return;
        const dates = findDates(hit.value, convention);
        const labelText = cell.text.slice(0, m[0].length).trim();
        if (kind === 'range') {
          if (dates.length >= 2) {
            hits.push({
              kind: 'planStart',
              found: dates[0]!,
              line: hit.line,
              sourceText: hit.sourceText,
              parts: hit.parts,
              label: labelText,
            });
            hits.push({
              kind: 'planEnd',
              found: dates[1]!,
              line: hit.line,
              sourceText: hit.sourceText,
              parts: hit.parts,
              label: labelText,
            });
          }
          return;
        }
        const as: DateKind =
          kind === 'planStartInline' ? 'planStart' : kind === 'planEndInline' ? 'planEnd' : kind;
        if (dates[0])
          hits.push({
            kind: as,
            found: dates[0],
            line: hit.line,
            sourceText: hit.sourceText,
            parts: hit.parts,
            label: labelText,
          });
      });
    });
  }
  return hits;
}

function readDates(lines: readonly Line[], convention: DateConvention, notes: string[]): IepDraft['dates'] {
  const hits = planDates(lines, convention);
  const pick = (kind: DateKind): DateField => {
    const mine = hits
      .filter((h) => h.kind === kind)
      .sort((a, b) => Number(a.line.furniture) - Number(b.line.furniture) || a.line.index - b.line.index);
    const first = mine[0];
    if (!first) return null;
    const others = [...new Set(mine.map((h) => h.found.value.date))].filter(
      (d) => d !== first.found.value.date,
    );
    const reasons: string[] = [];
    const words: MessageWords[] = [];
    if (first.found.check) {
      reasons.push(first.found.check);
      if (first.found.checkWords) words.push(first.found.checkWords);
    }
    if (others.length) {
      reasons.push(`the document also gives ${others.join(', ')} for this date; check which applies`);
      words.push(reasonWords('date.alsoGives', { dates: others.join(', ') }));
    }
    if (first.found.value.precision === 'month' && (kind === 'planStart' || kind === 'planEnd')) {
      reasons.push(`"${first.found.raw}" names only the month; enter the day`);
      words.push(reasonWords('date.monthOnly', { text: first.found.raw }));
    }
    return {
      value: first.found.value,
      label: first.label,
      page: first.line.page,
      sourceText: first.sourceText,
      ...placed(first.line.page, first.parts),
      confidence: reasons.length ? 'check' : 'sure',
      reason: reasons.length ? capitalise(reasons.join('; ')) : null,
      ...(words.length === reasons.length && words.length ? { reasonWords: joinClauses(words) } : {}),
    };
  };
  const dates = {
    planStart: pick('planStart'),
    planEnd: pick('planEnd'),
    meeting: pick('meeting'),
    annualReview: pick('annualReview'),
    reevaluation: pick('reevaluation'),
  };
  if (dates.planStart && dates.planEnd && dates.planEnd.value.date < dates.planStart.value.date) {
    dates.planEnd = {
      ...dates.planEnd,
      confidence: 'check',
      reason: `The plan's end (${dates.planEnd.value.date}) is before its start (${dates.planStart.value.date}); check both`,
      reasonWords: reasonWords('date.endBeforeStart', {
        end: dates.planEnd.value.date,
        start: dates.planStart.value.date,
      }),
    };
  }
  const described = describeConvention(convention);
  if (described && hits.length) notes.push(described);
  return dates;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Kind and jurisdiction

function planKind(lines: readonly Line[]): IepDraft['planKind'] {
  const IEP =
    /individuali[sz]ed education(?:al)? (?:program|plan)|individual education(?:al)? (?:program|plan)|\biep\b|admission,? review,? and dismissal|\bard\b committee/i;
  const FIVE04 =
    /section\s*504|\b504\s+(?:plan|accommodation|team|eligibility|meeting|coordinator|services)|student accommodation plan/i;
  // The title: the first lines of the first page, before the body starts.
  const top = lines.filter((l) => !l.furniture && l.page === lines[0]?.page).slice(0, 12);
  for (const l of top) {
    const is504 = FIVE04.test(l.text);
    const isIep = IEP.test(l.text);
    if (is504 !== isIep)
      return {
        value: is504 ? '504' : 'iep',
        page: l.page,
        sourceText: l.text,
        ...placed(l.page, [l]),
        confidence: 'sure',
        reason: null,
      };
  }
  let iep: Line | null = null;
  let five04: Line | null = null;
  let iepCount = 0;
  let count504 = 0;
  for (const l of lines) {
    if (IEP.test(l.text)) {
      iepCount++;
      iep ??= l;
    }
    if (FIVE04.test(l.text)) {
      count504++;
      five04 ??= l;
    }
  }
  if (!iep && !five04) return null;
  const value = count504 > iepCount ? '504' : 'iep';
  const line = (value === '504' ? five04 : iep)!;
  return {
    value,
    page: line.page,
    sourceText: line.text,
    ...placed(line.page, [line]),
    confidence: 'check',
    reason: `The document's title does not say whether it is an IEP or a 504 plan; it mentions ${value === '504' ? 'Section 504' : 'an IEP'} most`,
    reasonWords: reasonWords('planKind.unclear', { kind: value === '504' ? 'section504' : 'iep' }),
  };
}

function jurisdiction(lines: readonly Line[]): IepDraft['jurisdiction'] {
  const content = lines.filter((l) => !l.furniture);
  const evidence = placeOf(content.map((l) => l.text));
  if (!evidence) return null;
  const line = content[evidence.firstAt]!;
  const { place, runnerUp } = evidence;
  const sure = evidence.score >= 2 && !runnerUp;
  return {
    value: { country: place.country, region: place.region, name: place.name },
    page: line.page,
    sourceText: line.text,
    ...placed(line.page, [line]),
    confidence: sure ? 'sure' : 'check',
    reason: sure
      ? null
      : runnerUp
        ? `The document names both ${place.name} and ${runnerUp.name}`
        : `Only a passing mention of ${place.name}`,
    ...(sure
      ? {}
      : {
          reasonWords: runnerUp
            ? reasonWords('jurisdiction.both', { place: place.name, other: runnerUp.name })
            : reasonWords('jurisdiction.passing', { place: place.name }),
        }),
  };
}

// ---------------------------------------------------------------------------------------------
// Services

const rowSource = (row: TableRow) => row.cells.filter(Boolean).join(' | ');

/**
 * The school's cycle length, where the document states it once for all its services (Massachusetts'
 * "School District Cycle: [ ] 5 day cycle [X] 6 day cycle"): the checked one of boxed choices, else
 * the one length every mention agrees on; null when it is not stated or mentions disagree.
 */
function cycleDaysOf(lines: readonly Line[], filledSquare: boolean): number | null {
  const checked = new Set<number>();
  const plain = new Set<number>();
  let boxed = false;
  const mention =
    /(\[[^\]]{0,3}\]|\([^)]{0,3}\)|[☐☒☑□■])?\s*(\d{1,2})[- ]?(?:school[- ])?days?[- ](?:rotation\s+|rotating\s+)?cycle\b/giu;
  for (const line of lines) {
    if (line.furniture) continue;
    for (const m of line.text.matchAll(mention)) {
      const days = Number(m[2]);
      if (days < 2 || days > 20) continue;
      if (m[1]) {
        boxed = true;
        if (markOf(m[1], filledSquare) === 'checked') checked.add(days);
      } else plain.add(days);
    }
  }
  if (boxed) return checked.size === 1 ? [...checked][0]! : null;
  return plain.size === 1 ? [...plain][0]! : null;
}

function serviceFromRow(
  table: Table,
  row: TableRow,
  esyContext: boolean,
  convention: DateConvention,
  cycleDays: number | null = null,
): DraftService | null {
  const cell = (role: string) =>
    table.columns
      .map((c, i) => (c.role === role ? row.cells[i]! : ''))
      .filter(Boolean)
      .join(' ');
  const name = cell('name').trim();
  if (!name && !cell('frequency') && !cell('duration')) return null;
  let frequency = cell('frequency');
  let duration = cell('duration');
  let endText = cell('end');
  // A duration column that holds a date ("Anticipated Duration" on some forms) is the end date.
  if (duration && findDates(duration, convention).length && !/\d+\s*(min|hour|hr)/i.test(duration)) {
    endText = endText || duration;
    duration = '';
  }
  // A bare number carries its title's unit and period: "30" under "Minutes" is 30 minutes, "90" under
  // "Minutes per week" is 90 minutes a week, "2" under "Sessions per week" is 2 times a week.
  const titleOf = (role: string) => table.columns.find((c) => c.role === role)?.title ?? '';
  const periodIn = (title: string) =>
    /(?:per|\/|a)\s*(?:(\d{1,2})[- ]?days?\s+)?(day|week|wk|month|mo|year|yr|cycle)\b|\b(daily|weekly|monthly|yearly|annually)\b/i.exec(
      title,
    );
  const perOf = (title: string) => {
    const m = periodIn(title);
    if (!m) return '';
    const word = (m[2] ?? m[3]!).toLowerCase();
    // "Per Cycle": the cycle the title names, else the one the document states for all its services.
    if (word === 'cycle') {
      const days = m[1] ? Number(m[1]) : cycleDays;
      return days ? ` per ${days}-day cycle` : ' per cycle';
    }
    const unit = /^(day|daily)$/.test(word)
      ? 'day'
      : /^(week|wk|weekly)$/.test(word)
        ? 'week'
        : /^(month|mo|monthly)$/.test(word)
          ? 'month'
          : 'year';
    return ` per ${unit}`;
  };
  if (/^\d+(\.\d+)?$/.test(duration.trim()))
    duration = `${duration.trim()} ${/hour|hr/i.test(titleOf('duration')) ? 'hours' : 'min'}${perOf(titleOf('duration'))}`;
  if (/^\d+$/.test(frequency.trim()) && periodIn(titleOf('frequency')))
    frequency = `${frequency.trim()} times${perOf(titleOf('frequency'))}`;
  // In a frequency column, "1 per month" counts sessions: "1 times per month".
  frequency = frequency.replace(
    /^(\d{1,2})\s*(?=(?:per|\/|a|each)\s*(?:day|week|wk|month|mo|year|yr|\d+[- ]day cycle)\b)/i,
    '$1 times ',
  );
  const amountText = [frequency, duration].filter(Boolean).join(' ').trim();
  let parsed = amountText ? parsedLine(amountText) : null;
  // "2 x 30 min" under "Frequency and Duration/Per Cycle": the period is in the column's title (the
  // amount's text stays as printed).
  const titlePeriod = perOf(titleOf('frequency')) || perOf(titleOf('duration'));
  if (parsed && parsed.amounts.length === 0 && titlePeriod) {
    const withPeriod = parsedLine(`${amountText}${titlePeriod}`);
    if (withPeriod.amounts.length) parsed = withPeriod;
  }
  const fromName = parsedLine(name);
  const provider = cell('provider') || null;
  const location = cell('location') || null;
  const group = cell('group');
  const groupSize = group ? parsedLine(group).groupSizeLimit : (parsed?.groupSizeLimit ?? null);
  const setting =
    (location ? parsedLine(location).setting : null) ??
    fromName.setting ??
    (group ? parsedLine(group).setting : null);
  const esy =
    esyContext ||
    /\besy\b|extended school year|twelve[- ]month|12-month/i.test(`${name} ${row.context ?? ''}`);

  const reasons: string[] = [];
  const words: MessageWords[] = [];
  const startDates = findDates(cell('start'), convention);
  const endDates = findDates(endText, convention);
  for (const d of [startDates[0], endDates[0]])
    if (d?.check) {
      reasons.push(d.check);
      if (d.checkWords) words.push(d.checkWords);
    }
  const shown = [name, amountText].filter(Boolean).join(' | ');
  if (!parsed || parsed.amounts.length === 0) {
    const why = parsed?.unread.length
      ? `: ${parsed.unread.join('; ')}`
      : amountText
        ? ''
        : ': the row gives no frequency';
    reasons.unshift(`We could not read the frequency of '${shown}'${why}`);
    words.unshift(
      parsed?.unread.length
        ? reasonWords('service.frequencyNotes', { shown, notesWords: wordsValue(parsed.unreadWords) })
        : amountText
          ? reasonWords('service.frequencyUnread', { shown })
          : reasonWords('service.noFrequency', { shown }),
    );
  } else if (!parsed.complete) {
    reasons.unshift(`Check the amount of '${shown}': ${parsed.unread.join('; ')}`);
    words.unshift(amountWords(shown, parsed));
  }
  if (!name) {
    reasons.push('The row has no service name');
    words.push(reasonWords('service.noName'));
  }
  return {
    name: name || '(no name)',
    area: fromName.area ?? (provider ? parsedLine(provider).area : null) ?? parsedLine(cell('area')).area,
    esy,
    provider,
    providerRole: (provider ? parsedLine(provider).providerRole : null) ?? fromName.providerRole,
    location,
    setting,
    groupSize,
    startDate: startDates[0]?.value.precision === 'day' ? startDates[0].value.date : null,
    endDate: endDates[0]?.value.precision === 'day' ? endDates[0].value.date : null,
    amountText,
    amounts: parsed?.amounts ?? [],
    unread: parsed?.unread ?? [],
    page: row.page,
    sourceText: rowSource(row),
    ...placed(row.page, row.lines),
    confidence: reasons.length ? 'check' : 'sure',
    reason: reasons.length ? reasons.join('. ') : null,
    ...(words.length === reasons.length && words.length ? { reasonWords: joinSentences(words) } : {}),
  };
}

/** The words of "Check the amount of '…': <the parser's notes>". */
function amountWords(shown: string, parsed: ParsedServiceLine): MessageWords {
  return reasonWords('service.checkAmount', { shown, notesWords: wordsValue(parsed.unreadWords) });
}

/** A service written as one line in a services section ("Speech-language therapy: 30 minutes 2x weekly"). */
function serviceFromLine(line: Line, esy: boolean): DraftService | null {
  if (line.text.length > 200) return null;
  const parsed = parsedLine(line.text);
  if (!parsed.name || parsed.amounts.length === 0) return null;
  return {
    name: parsed.name,
    area: parsed.area,
    esy: esy || parsed.esy,
    provider: null,
    providerRole: parsed.providerRole,
    location: parsed.location,
    setting: parsed.setting,
    groupSize: parsed.groupSizeLimit,
    startDate: parsed.amounts[0]?.startDate ?? null,
    endDate: parsed.amounts[parsed.amounts.length - 1]?.endDate ?? null,
    amountText: line.text,
    amounts: parsed.amounts,
    unread: parsed.unread,
    page: line.page,
    sourceText: line.text,
    ...placed(line.page, [line]),
    confidence: parsed.complete ? 'sure' : 'check',
    reason: parsed.complete ? null : `Check the amount of '${line.text}': ${parsed.unread.join('; ')}`,
    ...(parsed.complete ? {} : { reasonWords: amountWords(line.text, parsed) }),
  };
}

// ---------------------------------------------------------------------------------------------
// Accommodations

type AccContext = { group: AccommodationGroup; heading: string | null };
type AccLine = { line: Line; context: AccContext; columns: { x: number; context: AccContext }[] | null };

type OpenItem = {
  state: MarkState | 'none' | 'implied';
  text: string;
  /** Where the item starts (its mark or bullet), and where its words start. */
  x: number;
  textX: number;
  line: Line;
  last: Line;
  context: AccContext;
  source: string[];
  /** The cells it was read from, to place it on its page. */
  parts: Part[];
  /** Reading order: lists side by side are read column by column. */
  order: number[];
  /** A line with neither mark nor bullet: where it ends, the next item may start on the next line. */
  plain: boolean;
  /** Where the text of its last line ends. */
  lastEnd: number;
};

/** Words a line does not end on unless its sentence goes on below. */
const GOES_ON =
  /(?:[,\-–/&+]|\b(?:and|or|of|for|to|with|the|a|an|in|on|at|by|from|into|during|including|when|where|as|than|such|per|e\.g\.|i\.e\.)\.?)$/i;

/**
 * Whether a plain list's next line goes on with the item above (it wraps) rather than starting the
 * next item: it starts in lower case; or its first word would not have fitted at the end of the line
 * above (before `right`, the column's or the page's right edge) and that line does not end a phrase.
 */
function wrapsOn(previousText: string, previousEnd: number, cell: DocCell, height: number, right: number) {
  const text = cell.text.trim();
  if (/^[a-z(,;&]/.test(text)) return true;
  const word = /^\S+/.exec(text)?.[0] ?? text;
  const wordWidth = ((cell.end - cell.x) * word.length) / Math.max(1, text.length);
  const fits = previousEnd + 0.28 * height + wordWidth < right;
  return !fits && GOES_ON.test(previousText.trim());
}

const INSTRUCTION =
  /check all that apply|marked (?:with )?\(?x\)?|are provided|the following|unless otherwise|as follows|will be provided|accommodations are|indicate|select all|if checked|(?:checked|marked|selected|ticked) (?:below|above)|(?:are|is) part of this (?:iep|plan)|\bnone of (?:the|these)\b|\b(?:box(?:es)?|items?|accommodations?|supports?) (?:that )?(?:were|was|are|is) (?:not )?(?:chosen|selected|checked|marked)\b|\bwhose box|\b(?:check|tick|mark|select)\s+(?:each|every|all|any)\s+(?:of\s+the\s+)?(?:box(?:es)?|items?|accommodations?|supports?|modifications?|that appl(?:y|ies))\b/i;

function readAccommodationLines(
  entries: readonly AccLine[],
  opts: { usesMarks: boolean; wraps: boolean; filledSquare: boolean; pageRight: (page: number) => number },
): { items: DraftAccommodation[]; notSelected: IepDraft['notSelected'] } {
  const done: { order: number[]; item?: DraftAccommodation; left?: IepDraft['notSelected'][number] }[] = [];
  // Where checked items' text starts: an unmarked line there sits beside an empty drawn box.
  const markedTextX: number[] = [];
  for (const { line } of entries)
    line.cells.forEach((cell, k) => {
      const next = line.cells[k + 1];
      if (next && loneMark(cell.text, opts.filledSquare) === 'checked') markedTextX.push(next.x);
    });

  let open: OpenItem[] = [];
  const close = (item: OpenItem) => {
    open = open.filter((o) => o !== item);
    const text = item.text
      .replace(/\s+/g, ' ')
      .replace(/[:;,]$/, '')
      .trim();
    if (!text) return;
    const base = { text, group: item.context.group, page: item.line.page, sourceText: item.source.join(' ') };
    if (item.state === 'unchecked' || item.state === 'implied') {
      done.push({ order: item.order, left: base });
      return;
    }
    const unclear = item.state === 'unclear';
    done.push({
      order: item.order,
      item: {
        ...base,
        ...placed(item.line.page, item.parts),
        heading: item.context.heading,
        box: item.state === 'none' ? 'none' : unclear ? 'unclear' : 'checked',
        details: null,
        confidence: unclear ? 'check' : 'sure',
        reason: unclear ? `We could not tell whether the box beside '${text}' is checked` : null,
        ...(unclear ? { reasonWords: reasonWords('box.unclear', { text }) } : {}),
      },
    });
  };
  const closeAll = () => {
    for (const item of [...open]) close(item);
  };

  let previousLine: Line | null = null;
  let block: { columns: AccLine['columns']; start: number } = { columns: null, start: 0 };
  for (const entry of entries) {
    const { line } = entry;
    if (previousLine && (previousLine.page !== line.page || line.y - previousLine.y > 3 * line.height))
      closeAll();
    if (entry.columns !== block.columns) block = { columns: entry.columns, start: line.index };
    const columnOf = (x: number) => {
      let key = 0;
      entry.columns?.forEach((c, k) => {
        if (c.x <= x + 3) key = k;
      });
      return key;
    };
    const contextAt = (x: number): AccContext => entry.columns?.[columnOf(x)]?.context ?? entry.context;
    const orderAt = (x: number) =>
      entry.columns ? [block.start, columnOf(x), line.index, x] : [line.index, 0, line.index, x];
    /** The right edge of the text at x: the next column's start, else the page's text edge. */
    const rightAt = (l: Line, x: number) => {
      const next = entry.columns?.[columnOf(x) + 1];
      return next ? next.x - 6 : opts.pageRight(l.page);
    };
    /** The open item whose column this x is in: the nearest one starting at or left of it. */
    const above = (x: number) =>
      open
        .filter((o) => o.x <= x + 3 && (!entry.columns || columnOf(o.x) === columnOf(x)))
        .sort((a, b) => b.x - a.x)[0];
    for (let k = 0; k < line.cells.length; k++) {
      const cell = line.cells[k]!;
      const next = line.cells[k + 1];
      let state: MarkState | null = null;
      let text = cell.text;
      let bullet = false;
      let textX = cell.x;
      const lone = next ? loneMark(cell.text, opts.filledSquare) : null;
      if (lone && next) {
        state = lone;
        const after = readMark(next.text, opts.filledSquare);
        text = after.text;
        textX = next.x;
        k++;
      } else {
        const read = readMark(cell.text, opts.filledSquare);
        state = read.state;
        text = read.text;
        bullet = read.bullet;
      }
      if (state || bullet) {
        for (const o of open.filter((o) => Math.abs(o.x - cell.x) < 20)) close(o);
        open.push({
          state: state ?? 'none',
          text,
          x: cell.x,
          textX,
          line,
          last: line,
          context: contextAt(cell.x),
          source: [
            line.cells
              .slice(k - (lone ? 1 : 0), k + 1)
              .map((c) => c.text)
              .join(' '),
          ],
          parts: [{ line, cells: line.cells.slice(k - (lone ? 1 : 0), k + 1) }],
          order: orderAt(cell.x),
          plain: false,
          lastEnd: line.cells[k]!.end,
        });
        continue;
      }
      // A wrapped line of the item above: indented under it, close below it.
      const current = above(cell.x);
      if (current && opts.wraps && current.last.page === line.page && current.last !== line) {
        const gap = line.y - current.last.y;
        const under = cell.x >= current.x - 3 && cell.x <= current.textX + 30;
        const lower = /^[a-z(]/.test(text);
        // In a plain list (no marks, no bullets), a line close below starts the next item unless it wraps.
        const goesOn =
          !current.plain ||
          wrapsOn(
            current.source[current.source.length - 1]!,
            current.lastEnd,
            cell,
            line.height,
            rightAt(line, cell.x),
          );
        if (
          under &&
          gap > 0 &&
          goesOn &&
          (gap <= 1.35 * line.height || (lower && gap <= 1.8 * line.height))
        ) {
          current.text = `${current.text} ${text}`;
          current.lastEnd = cell.end;
          current.last = line;
          current.source.push(cell.text);
          current.parts.push({ line, cells: [cell] });
          continue;
        }
      }
      if (current && cell.x <= current.textX + 30) close(current);
      if (INSTRUCTION.test(text) || /:$/.test(text)) continue;
      let itemState: OpenItem['state'] = 'none';
      if (opts.usesMarks)
        itemState = markedTextX.some((x) => Math.abs(x - cell.x) <= 3) ? 'implied' : 'unclear';
      open.push({
        state: itemState,
        text,
        x: cell.x,
        textX: cell.x,
        line,
        last: line,
        context: contextAt(cell.x),
        source: [cell.text],
        parts: [{ line, cells: [cell] }],
        order: orderAt(cell.x),
        plain: true,
        lastEnd: cell.end,
      });
    }
    previousLine = line;
  }
  closeAll();
  done.sort((a, b) => {
    for (let k = 0; k < a.order.length; k++) if (a.order[k] !== b.order[k]) return a.order[k]! - b.order[k]!;
    return 0;
  });
  return {
    items: done.flatMap((d) => (d.item ? [d.item] : [])),
    notSelected: done.flatMap((d) => (d.left ? [d.left] : [])),
  };
}

function accommodationsFromTable(
  table: Table,
  context: AccContext,
  filledSquare: boolean,
): { items: DraftAccommodation[]; notSelected: IepDraft['notSelected'] } {
  const items: DraftAccommodation[] = [];
  const notSelected: IepDraft['notSelected'] = [];
  const nameAt = table.columns.findIndex((c) => c.role === 'name');
  const group = groupOf(table.columns[nameAt]?.title ?? '') ?? context.group;
  for (const row of table.rows) {
    const read = readMark(row.cells[nameAt] ?? '', filledSquare);
    const text = read.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (read.state === 'unchecked') {
      notSelected.push({ text, group, page: row.page, sourceText: rowSource(row) });
      continue;
    }
    const details = table.columns
      .map((c, i) => (i !== nameAt && row.cells[i] ? `${c.title}: ${row.cells[i]}` : ''))
      .filter(Boolean)
      .join(' | ');
    const unclear = read.state === 'unclear';
    items.push({
      text,
      group,
      heading: context.heading ?? table.columns[nameAt]?.title ?? null,
      box: read.state === 'checked' ? 'checked' : unclear ? 'unclear' : 'none',
      details: details || null,
      page: row.page,
      sourceText: rowSource(row),
      ...placed(row.page, row.lines),
      confidence: unclear ? 'check' : 'sure',
      reason: unclear ? `We could not tell whether the box beside '${text}' is checked` : null,
      ...(unclear ? { reasonWords: reasonWords('box.unclear', { text }) } : {}),
    });
  }
  return { items, notSelected };
}

/** A line of two or more headings side by side, each over its own list (Ontario's three columns). */
function columnHeadings(line: Line): { x: number; context: AccContext }[] | null {
  if (line.cells.length < 2) return null;
  const columns = line.cells.map((c) => ({ x: c.x, text: c.text, group: groupOf(c.text) }));
  if (
    !columns.every(
      (c) => c.group && /accommodation|modification|supports?|strateg/i.test(c.text) && c.text.length <= 60,
    )
  )
    return null;
  return columns.map((c) => ({ x: c.x, context: { group: c.group!, heading: c.text } }));
}

// ---------------------------------------------------------------------------------------------
// Goals

type GoalField = 'area' | 'baseline' | 'goal' | 'target' | 'other';

const GOAL_LABELS: [RegExp, GoalField][] = [
  [
    /(?:area of need|goal area|area of concern|need area|skill area|content area|(?:specific\s+)?goal focus|focus area|subject\/course(?:\/alternative program)?|subject|course|domain|area)/,
    'area',
  ],
  [
    /(?:present level(?:s)?(?: of (?:academic )?performance)?(?:\s*\(baseline\))?|baseline(?: data)?|current level of (?:achievement|performance)|current performance(?: level)?|starting point)/,
    'baseline',
  ],
  [
    /(?:(?:measurable\s+)?annual\s+(?:program\s+)?goal(?:\(s\)|s)?|measurable goal|goal statement|goal)/,
    'goal',
  ],
  [
    /(?:(?:mastery|measurable|evaluation|success)\s+criteri(?:a|on)|criteri(?:a|on)|target|mastery)/,
    'target',
  ],
  [
    /(?:evaluation(?: method)?|person\(s\) responsible|persons? responsible|responsible|progress[^:]{0,40}|method[^:]{0,20}|schedule|short[- ]term objectives?|objectives?(?: \d+)?|benchmarks?(?: \d+)?|how progress[^:]{0,60}|reporting[^:]{0,30}|learning expectations|teaching strategies|assessment methods)/,
    'other',
  ],
];

const GOAL_LABEL_AT = new RegExp(
  `(?:^|(?<=[.;]\\s{1,3}))(${GOAL_LABELS.map(([re]) => re.source).join('|')})(?:\\s*#?\\s*\\d{1,2})?\\s*:`,
  'gi',
);

/** GOAL_LABELS, each matching a whole label. */
const WHOLE_GOAL_LABELS = GOAL_LABELS.map(
  ([re, field]) => [new RegExp(`^${re.source}$`, 'i'), field] as const,
);

function goalFieldOf(label: string): GoalField {
  const text = label.trim();
  for (const [re, field] of WHOLE_GOAL_LABELS) if (re.test(text)) return field;
  return 'other';
}

/** A cell's labelled parts ("Evaluation: ... Mastery Criteria: 80%"), or its text alone. */
function goalParts(text: string): { field: GoalField | null; text: string }[] {
  // Every label ends with a colon: most of a goal's lines have none, and are not searched.
  const marks = text.includes(':') ? [...text.matchAll(GOAL_LABEL_AT)] : [];
  if (!marks.length) return [{ field: null, text }];
  const parts: { field: GoalField | null; text: string }[] = [];
  if (marks[0]!.index! > 0) parts.push({ field: null, text: text.slice(0, marks[0]!.index).trim() });
  marks.forEach((m, k) => {
    const end = marks[k + 1]?.index ?? text.length;
    parts.push({ field: goalFieldOf(m[1]!), text: text.slice(m.index! + m[0].length, end).trim() });
  });
  return parts;
}

type GoalEvent = { kind: 'start'; area: string | null; line: Line } | { kind: 'line'; line: Line };

function readGoals(events: readonly GoalEvent[]): DraftGoal[] {
  const goals: DraftGoal[] = [];
  type Draft = {
    area: string | null;
    baseline: string | null;
    goal: string | null;
    target: string | null;
    page: number;
    source: string[];
    parts: Part[];
  };
  let cur: Draft | null = null;
  let active: { field: GoalField; x: number; line: Line } | null = null;
  const finish = () => {
    if (cur?.goal) {
      goals.push({
        area: cur.area,
        goal: cur.goal,
        baseline: cur.baseline,
        target: cur.target,
        page: cur.page,
        sourceText: cur.source.join(' '),
        ...placed(cur.page, cur.parts),
        confidence: cur.goal.length < 15 ? 'check' : 'sure',
        reason:
          cur.goal.length < 15 ? `The goal "${cur.goal}" is very short; check that it was read whole` : null,
        ...(cur.goal.length < 15 ? { reasonWords: reasonWords('goal.short', { text: cur.goal }) } : {}),
      });
    }
    cur = null;
    active = null;
  };
  const begin = (line: Line, area: string | null) => {
    finish();
    cur = { area, baseline: null, goal: null, target: null, page: line.page, source: [], parts: [] };
  };
  for (const event of events) {
    if (event.kind === 'start') {
      begin(event.line, event.area);
      cur!.source.push(event.line.text);
      cur!.parts.push({ line: event.line });
      continue;
    }
    const { line } = event;
    for (const cell of line.cells) {
      for (const part of goalParts(cell.text)) {
        if (part.field) {
          const c = cur as Draft | null;
          if (!c || (c.goal && (part.field === 'area' || part.field === 'goal'))) begin(line, null);
          const d = cur! as Draft;
          if (part.field !== 'other') d[part.field] = part.text || null;
          d.source.push(cell.text);
          d.parts.push({ line, cells: [cell] });
          active = { field: part.field, x: cell.x, line };
          continue;
        }
        const a = active as { field: GoalField; x: number; line: Line } | null;
        const c = cur as Draft | null;
        if (!a || !c || !part.text) continue;
        const gap = line.y - a.line.y;
        const close = a.line.page === line.page && gap > 0 && gap <= 1.45 * line.height && cell.x >= a.x - 3;
        if (!close) {
          active = null;
          continue;
        }
        if (a.field !== 'other') c[a.field] = `${c[a.field] ?? ''} ${part.text}`.trim();
        c.source.push(cell.text);
        c.parts.push({ line, cells: [cell] });
        active = { ...a, line };
      }
    }
  }
  finish();
  return goals;
}

function goalsFromTable(table: Table): DraftGoal[] {
  const at = (role: string) => table.columns.findIndex((c) => c.role === role);
  const [g, c, b, a] = [at('goal'), at('criteria'), at('baseline'), at('area')];
  return table.rows
    .filter((row) => (row.cells[g] ?? '').length > 0)
    .map((row) => ({
      area: a >= 0 ? row.cells[a] || null : null,
      goal: row.cells[g]!,
      baseline: b >= 0 ? row.cells[b] || null : null,
      target: c >= 0 ? row.cells[c] || null : null,
      page: row.page,
      sourceText: rowSource(row),
      ...placed(row.page, row.lines),
      confidence: 'sure' as const,
      reason: null,
    }));
}

// ---------------------------------------------------------------------------------------------
// Team

function cleanRole(role: string): string {
  return role
    .replace(/\b(?:agree|disagree)s?\b.*$/i, '')
    .replace(/\b(?:signature|signed|date)\b.*$/i, '')
    .replace(/\d{1,2}\/\d{1,2}\/\d{2,4}.*$/, '')
    .replace(/[\s,;:–—-]+$/, '')
    .trim();
}

function memberFromText(text: string, line: Line, cells?: readonly DocCell[]): DraftTeamMember | null {
  const t = text.replace(/_{3,}/g, ' ').replace(/\s+/g, ' ').trim();
  const make = (name: string, role: string | null): DraftTeamMember | null => {
    const n = name.trim();
    if (!isPersonName(n)) return null;
    const r = role ? cleanRole(role) : null;
    return {
      name: n,
      role: r || null,
      page: line.page,
      sourceText: text,
      ...placed(line.page, [{ line, cells }]),
      confidence: r ? 'sure' : 'check',
      reason: r ? null : `No role is printed for ${n}`,
      ...(r ? {} : { reasonWords: reasonWords('team.noRole', { name: n }) }),
    };
  };
  let m = /^(.+?)\s*\(([^)]+)\)\s*(.*)$/.exec(t);
  if (m) return make(m[1]!, m[2]!);
  m = /^([^,:]+?),\s+(.+)$/.exec(t);
  if (m && isPersonName(m[1]!.trim())) return make(m[1]!, m[2]!);
  m = /^(.+?)\s+[–—-]\s+(.+)$/.exec(t);
  if (m && isPersonName(m[1]!.trim())) return make(m[1]!, m[2]!);
  m = /^([^:]{3,60}):\s*(.+)$/.exec(t);
  if (m && ROLE_WORDS.test(m[1]!) && isPersonName(cleanRole(m[2]!))) return make(cleanRole(m[2]!), m[1]!);
  return null;
}

function teamFromTable(table: Table): DraftTeamMember[] {
  const p = table.columns.findIndex((c) => c.role === 'person');
  const r = table.columns.findIndex((c) => c.role === 'role');
  const out: DraftTeamMember[] = [];
  for (const row of table.rows) {
    const name = (row.cells[p] ?? '').trim();
    const role = cleanRole(row.cells[r] ?? '');
    if (!name) continue;
    const person = isPersonName(name);
    out.push({
      name,
      role: role || null,
      page: row.page,
      sourceText: rowSource(row),
      ...placed(row.page, row.lines),
      confidence: person && role ? 'sure' : 'check',
      reason: !person
        ? `"${name}" does not look like a person's name`
        : role
          ? null
          : `No role is printed for ${name}`,
      ...(!person
        ? { reasonWords: reasonWords('team.notAName', { name }) }
        : role
          ? {}
          : { reasonWords: reasonWords('team.noRole', { name }) }),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Behavior plan

// The parts of a behavior plan, by the words that label them, each the kind of step it holds; the
// parts that hold no steps (the target behavior, its function, how data is kept) are null, so their
// lines are not taken for steps.
const STEP_PARTS: [StepKind | null, string][] = [
  [
    null,
    String.raw`target(?:ed)?\s+behaviou?rs?|behaviou?rs?\s+of\s+concern|problem\s+behaviou?rs?|(?:description|definition)\s+of\s+(?:the\s+)?behaviou?r|behaviou?r(?:al)?\s+(?:description|definition|goals?|objectives?)|(?:hypothesi[sz]ed\s+)?function(?:\s+of\s+(?:the\s+)?behaviou?r)?|hypothes[ie]s(?:\s+statement)?|summary\s+statement|data\s+collection(?:\s+(?:plan|methods?))?|(?:progress\s+)?monitoring(?:\s+plan)?|persons?\s+responsible|review\s+date|baseline(?:\s+data)?|communication(?:\s+(?:plan|with\s+(?:the\s+)?(?:parents?|family|home)))?|(?:date\s+of\s+(?:the\s+)?)?fba(?:\s+date)?|(?:student\s+)?strengths?`,
  ],
  [
    'response',
    String.raw`(?:(?:adult|staff|teacher)\s+)?respon(?:se|ses)(?:\s+to\s+(?:the\s+)?(?:problem\s+|target\s+)?behaviou?rs?|\s+(?:when|if)\s+(?:the\s+)?(?:problem\s+|target\s+)?behaviou?r\s+occurs)?|reactive(?:\s+(?:strateg(?:y|ies)|procedures?|plan))?|consequences?(?:\s+strateg(?:y|ies))?|(?:what\s+(?:staff|adults|the\s+team|teachers?)\s+(?:will\s+)?do\s+)?(?:when|if)\s+(?:the\s+)?(?:problem\s+|target\s+)?behaviou?r\s+occurs|crisis(?:\s+(?:plan|response|procedures?|intervention))?|de-?escalation(?:\s+(?:strateg(?:y|ies)|steps|plan))?|safety\s+plan`,
  ],
  [
    'reward',
    String.raw`(?:positive\s+)?(?:reinforce(?:ment|rs?)|rewards?|incentives?|motivators?)(?:\s+(?:strateg(?:y|ies)|system|plan))?`,
  ],
  [
    'strategy',
    String.raw`(?:(?:preventi(?:ve|on)|proactive|antecedent|teaching|instructional|environmental|positive|behaviou?r(?:al)?)\s+)?(?:strateg(?:y|ies)|interventions?|supports?)|replacement\s+(?:behaviou?rs?|skills?)|(?:skills?|behaviou?rs?)\s+to\s+(?:teach|be\s+taught)|teach(?:ing)?\s+(?:the\s+)?replacement\s+(?:behaviou?rs?|skills?)|prevention`,
  ],
  [
    'trigger',
    String.raw`setting\s+events?|antecedents?|triggers?|precursors?|what\s+(?:sets\s+off|triggers|happens\s+before)(?:\s+the)?(?:\s+behaviou?r)?|when\s+(?:is\s+)?(?:the\s+)?behaviou?r\s+(?:is\s+)?(?:most\s+)?likely(?:\s+to\s+occur)?`,
  ],
];

const ANY_PART = STEP_PARTS.map(([, source]) => source).join('|');
const PART_PREFIX = String.raw`(?:(?:[A-H]|\d{1,2}|[IVX]{1,4})[.)]\s+)?`;
const PART_LIST = String.raw`(?:${ANY_PART})(?:\s*(?:\/|&|,|\band\b|\bor\b)\s*(?:${ANY_PART}))*`;
/** The whole cell is the label ("Triggers", "Antecedents / Setting Events (what happens before)"). */
const PART_ALONE = new RegExp(String.raw`^${PART_PREFIX}(${PART_LIST})\s*(?:\([^)]*\))?\s*:?$`, 'i');
/** A label and its text ("Reinforcement: ...", "Strategies to prevent the behavior: ...", "Triggers - ..."). */
const PART_INLINE = new RegExp(
  String.raw`^${PART_PREFIX}(${PART_LIST})\b(?:[^:.;]{0,50}:|\s*(?:\([^)]*\))?\s*(?::|[-–—]\s))\s*(.*)$`,
  'i',
);

/** The part of a behavior plan a cell labels, and the text after its label; null when it labels none. */
export function behaviorPart(text: string): { kind: StepKind | null; label: string; rest: string } | null {
  const t = text.replace(/\s+/g, ' ').trim();
  const m = PART_ALONE.exec(t) ?? PART_INLINE.exec(t);
  if (!m) return null;
  const first = m[1]!.split(/\s*(?:\/|&|,|\band\b|\bor\b)\s*/i)[0]!;
  const kind = STEP_PARTS.find(([, source]) => new RegExp(`^(?:${source})$`, 'i').test(first))?.[0];
  if (kind === undefined) return null;
  const label = t
    .slice(0, t.length - (m[2] ?? '').length)
    .replace(/[\s:\-–—]+$/, '')
    .trim();
  return { kind, label, rest: (m[2] ?? '').trim() };
}

/** Text that is no step: an empty part ("N/A", "None"), an instruction. */
const NOT_A_STEP =
  /^(?:n\/?a|none(?: noted| identified)?|not applicable|see (?:above|below|attached)[^.]*)\.?$/i;

function stepOf(
  kind: StepKind,
  text: string,
  heading: string | null,
  state: MarkState | 'none',
  page: number,
  sourceText: string,
  parts: readonly (Line | Part)[],
): DraftBehaviorStep | null {
  const clean = text.replace(/\s+/g, ' ').replace(/[;,]$/, '').trim();
  if (clean.length < 3 || NOT_A_STEP.test(clean) || INSTRUCTION.test(clean)) return null;
  const unclear = state === 'unclear';
  return {
    kind,
    text: clean,
    heading,
    box: state === 'none' ? 'none' : unclear ? 'unclear' : 'checked',
    page,
    sourceText,
    ...placed(page, parts),
    confidence: unclear ? 'check' : 'sure',
    reason: unclear ? `We could not tell whether the box beside '${clean}' is checked` : null,
    ...(unclear ? { reasonWords: reasonWords('box.unclear', { text: clean }) } : {}),
  };
}

/**
 * The steps of a behavior plan printed as labelled parts with their items under them: bullets, check
 * boxes, lines, or the text after the label ("Reinforcement: Lucia earns ..."), each item a step of its
 * part's kind. A line that wraps (close below, and the line above ran to the text's right edge, or it
 * goes on in lower case, or it sits indented under a bullet's text) goes on with its item. Lines before
 * the first part, and under parts that hold no steps (the target behavior, its function), are not steps.
 */
function readBehaviorLines(
  lines: readonly Line[],
  opts: { wraps: boolean; filledSquare: boolean; rightEdge: (line: Line) => boolean },
): DraftBehaviorStep[] {
  const steps: DraftBehaviorStep[] = [];
  type Open = {
    kind: StepKind;
    heading: string | null;
    state: MarkState | 'none';
    text: string;
    x: number;
    marked: boolean;
    last: Line;
    page: number;
    source: string[];
    parts: Part[];
  };
  let kind: StepKind | null = null;
  let heading: string | null = null;
  let open: Open | null = null;
  const close = () => {
    const o = open;
    open = null;
    if (!o || o.state === 'unchecked') return;
    const step = stepOf(o.kind, o.text, o.heading, o.state, o.page, o.source.join(' '), o.parts);
    if (step) steps.push(step);
  };
  for (const line of lines) {
    const first = line.cells[0]!;
    const part = behaviorPart(first.text);
    if (part) {
      close();
      kind = part.kind;
      heading = part.label;
      const rest = [part.rest, ...line.cells.slice(1).map((c) => c.text)].filter(Boolean).join(' ');
      if (kind && rest) {
        const read = readMark(rest, opts.filledSquare);
        open = {
          kind,
          heading,
          state: read.state ?? 'none',
          text: read.text,
          x: part.rest ? first.x : line.cells[1]!.x,
          marked: false,
          last: line,
          page: line.page,
          source: [line.text],
          parts: [{ line }],
        };
      }
      continue;
    }
    if (!kind) {
      open = null;
      continue;
    }
    const lone = line.cells.length > 1 ? loneMark(first.text, opts.filledSquare) : null;
    const read = lone
      ? {
          ...readMark(
            line.cells
              .slice(1)
              .map((c) => c.text)
              .join(' '),
            opts.filledSquare,
          ),
          state: lone,
        }
      : readMark(line.text, opts.filledSquare);
    const marked = read.state !== null || read.bullet;
    const o = open as Open | null;
    if (o && !marked && opts.wraps && o.last.page === line.page) {
      const gap = line.y - o.last.y;
      const goesOn =
        opts.rightEdge(o.last) || /^[a-z(,;&]/.test(read.text) || (o.marked && first.x > o.x + 3);
      if (gap > 0 && gap <= 1.45 * line.height && first.x >= o.x - 3 && goesOn) {
        o.text = `${o.text} ${read.text}`;
        o.last = line;
        o.source.push(line.text);
        o.parts.push({ line });
        continue;
      }
    }
    close();
    if (!read.text) continue;
    open = {
      kind,
      heading,
      state: read.state ?? 'none',
      text: read.text,
      x: first.x,
      marked,
      last: line,
      page: line.page,
      source: [line.text],
      parts: [{ line }],
    };
  }
  close();
  return steps;
}

/** The steps of a behavior plan printed as a table: each cell of a part's column ("Trigger | Strategy"). */
function behaviorStepsFromTable(table: Table, filledSquare: boolean): DraftBehaviorStep[] {
  const steps: DraftBehaviorStep[] = [];
  for (const row of table.rows) {
    table.columns.forEach((column, i) => {
      const kind = column.role;
      if (kind !== 'trigger' && kind !== 'strategy' && kind !== 'reward' && kind !== 'response') return;
      const cell = (row.cells[i] ?? '').trim();
      if (!cell) return;
      // The cells of this column, to outline on the page.
      const next = table.columns[i + 1];
      const inColumn = (c: DocCell) => c.x >= column.x - 6 && (!next || c.x < next.x - 2);
      const parts = row.lines.map((line) => ({ line, cells: line.cells.filter(inColumn) }));
      // A cell may list several items, each with its bullet.
      const items = cell.split(/\s*(?:^|\s)[•●▪◦‣⁃]\s+/u).filter((t) => t.trim());
      for (const item of items.length ? items : [cell]) {
        const read = readMark(item, filledSquare);
        if (read.state === 'unchecked') continue;
        const step = stepOf(
          kind,
          read.text,
          column.title,
          read.state ?? 'none',
          row.page,
          cell,
          parts.filter((p) => p.cells.length),
        );
        if (step) steps.push(step);
      }
    });
  }
  return steps;
}

/** Whether a line runs to the right edge of its page's text (so its words wrap onto the next line). */
function rightEdgeOf(lines: readonly Line[]): (line: Line) => boolean {
  const edges = new Map<number, { left: number; right: number }>();
  for (const l of lines) {
    if (l.furniture) continue;
    const e = edges.get(l.page) ?? { left: Number.POSITIVE_INFINITY, right: Number.NEGATIVE_INFINITY };
    e.left = Math.min(e.left, l.cells[0]!.x);
    e.right = Math.max(e.right, l.cells[l.cells.length - 1]!.end);
    edges.set(l.page, e);
  }
  return (line) => {
    const e = edges.get(line.page);
    if (!e) return false;
    return line.cells[line.cells.length - 1]!.end >= e.right - Math.max(20, 0.12 * (e.right - e.left));
  };
}

// ---------------------------------------------------------------------------------------------
// The draft

function emptyDraft(doc: DocumentText): IepDraft {
  return {
    found: false,
    message: '',
    format: doc.format,
    pageCount: doc.pages.length,
    pagesNeedingOcr: [...doc.pagesWithoutText],
    pagesReadByOcr: [...(doc.pagesReadByOcr ?? [])],
    unreadablePages: [...doc.unreadablePages],
    toCheck: [],
    planKind: null,
    jurisdiction: null,
    child: { name: null, school: null, grade: null },
    dates: { planStart: null, planEnd: null, meeting: null, annualReview: null, reevaluation: null },
    services: [],
    accommodations: [],
    notSelected: [],
    goals: [],
    team: [],
    behaviorSteps: [],
    notes: [...doc.notes],
  };
}

/** Runs one part of the reading; a failure is noted and the part left empty, never thrown. */
function guarded<T>(notes: string[], what: string, fallback: T, work: () => T): T {
  try {
    return work();
  } catch {
    notes.push(`The reader could not read the ${what}; enter ${what === 'dates' ? 'them' : 'it'} by hand.`);
    return fallback;
  }
}

/** The draft of a plan from a document's lines. Never throws. */
/**
 * The service lines read while one document is read, by their text: a services grid's row asks for its
 * amount, its name, its provider (twice), its place and its group, and many rows share these texts (84
 * readings, 37 texts, on the 20-page test IEP). Reading is pure, so each text is read once a document;
 * the map lives only while extractIepDraft runs (it is synchronous), and no reading changes what it is
 * given back.
 */
let linesRead: Map<string, ParsedServiceLine> | null = null;

function parsedLine(text: string): ParsedServiceLine {
  if (!linesRead) return parseServiceLine(text);
  let parsed = linesRead.get(text);
  if (!parsed) {
    parsed = parseServiceLine(text);
    linesRead.set(text, parsed);
  }
  return parsed;
}

export function extractIepDraft(doc: DocumentText): IepDraft {
  linesRead = new Map();
  try {
    return extractFrom(doc);
  } finally {
    linesRead = null;
  }
}

function extractFrom(doc: DocumentText): IepDraft {
  const draft = emptyDraft(doc);
  const notes = draft.notes;
  const lines = guarded(notes, 'document', [] as Line[], () => prepare(doc));

  draft.planKind = guarded(notes, 'plan kind', null, () => planKind(lines));
  draft.jurisdiction = guarded(notes, 'jurisdiction', null, () => jurisdiction(lines));
  const country = draft.jurisdiction?.value.country ?? null;
  const convention = dateConvention(
    lines.map((l) => l.text),
    country,
  );
  draft.child = guarded(notes, 'child', draft.child, () => readChild(lines));
  draft.dates = guarded(notes, 'dates', draft.dates, () => readDates(lines, convention, notes));
  guarded(notes, 'plan', undefined, () => readBody(lines, doc, convention, draft));

  const found = draft.planKind !== null || draft.services.length > 0 || draft.goals.length > 0;
  draft.found = found;
  if (!found) {
    const ocr = doc.pagesWithoutText.length > 0 && doc.pagesWithoutText.length === doc.pages.length;
    const kept = { ...emptyDraft(doc), notes: draft.notes };
    const why = ocr ? 'scan' : doc.pages.length === 0 || lines.length === 0 ? 'noText' : 'notPlan';
    kept.message = NOT_FOUND[why];
    kept.messageWords = reasonWords(`notFound.${why}`);
    return kept;
  }
  // Words OCR was unsure of make the items read from them items to check.
  guarded(notes, 'scanned pages', undefined, () => markOcrDoubts(draft, doc));
  draft.toCheck = listChecks(draft);
  draft.message = summary(draft);
  draft.messageWords = summaryWords(draft);
  return draft;
}

/** Why nothing was read, as the catalog's `iepreader.notFound.*` says it in English. */
const NOT_FOUND = {
  scan: 'No text could be read: every page of this document is a scan or a photo, which needs OCR. Type the plan in, or read a copy with text.',
  noText: 'No IEP or 504 plan was found: this document has no text.',
  notPlan:
    'No IEP or 504 plan was found in this document: it does not call itself an IEP or a 504 plan, and it has no services grid or annual goals. Check that this is the plan itself (the signed IEP or 504 plan).',
} as const;

function readChild(lines: readonly Line[]): IepDraft['child'] {
  const pick = (
    hits: FieldHit[],
    valid: (v: string) => string | null,
  ): { value: string; hit: FieldHit } | null => {
    for (const hit of hits) {
      const value = valid(hit.value);
      if (value) return { value, hit };
    }
    return null;
  };
  const field = (found: { value: string; hit: FieldHit } | null, check: string | null = null) =>
    found
      ? {
          value: found.value,
          page: found.hit.line.page,
          sourceText: found.hit.sourceText,
          ...placed(found.hit.line.page, found.hit.parts),
          confidence: check ? ('check' as const) : ('sure' as const),
          reason: check,
        }
      : null;
  const nameOf = (v: string) => {
    const t = v.replace(/\s+/g, ' ').trim();
    const lastFirst = /^([\p{L}'’-]+(?:\s[\p{L}'’-]+)?),\s*([\p{L}'’ -]+)$/u.exec(t);
    if (lastFirst && isPersonName(`${lastFirst[2]} ${lastFirst[1]}`)) return t;
    return isPersonName(t) ? t : null;
  };
  const schoolOf = (v: string) => {
    const t = v.trim();
    return t.length >= 3 && t.length <= 100 && /[a-z]{2}/i.test(t) && !/^\d|\bdistrict\b|^year\b/i.test(t)
      ? t
      : null;
  };
  const name = pick(
    labelled(
      lines,
      /student'?s?\s+(?:full\s+)?name|name of (?:student|child)|child'?s? name|student|learner|pupil|name \(last,? first\)/,
      (v) => nameOf(v) !== null,
    ),
    nameOf,
  );
  // A bare "Name:" is the child's only near the top of the first page, written inline ("Name: Caleb Brooks").
  const plainName = name
    ? null
    : pick(
        labelled(lines, /name/, (v) => nameOf(v) !== null).filter(
          (h) =>
            h.line.page === lines[0]?.page &&
            !h.line.furniture &&
            h.line.index < 40 &&
            /^name\s*:/i.test(h.sourceText),
        ),
        nameOf,
      );
  const school = pick(
    labelled(
      lines,
      /school(?: name)?|school of attendance|attending school|current school|campus|school attending|serving school|school\/campus|home school|building|school building/,
      (v) => schoolOf(v) !== null,
    ),
    schoolOf,
  );
  const grade = pick(
    labelled(lines, /grade(?: level)?|current grade|gr\./, (v) => gradeValue(v) !== null),
    gradeValue,
  );
  return { name: field(name ?? plainName), school: field(school), grade: field(grade) };
}

function readBody(lines: readonly Line[], doc: DocumentText, convention: DateConvention, draft: IepDraft) {
  const filledSquare = lines.some((l) => /[☐□❑❏]/u.test(l.text));
  const cycleDays = cycleDaysOf(lines, filledSquare);
  let section: Section = 'other';
  let esy = false;
  let accContext: AccContext = { group: 'other', heading: null };
  let accTop: AccContext = accContext;
  let accColumns: { x: number; context: AccContext }[] | null = null;
  const accLines: AccLine[] = [];
  const goalEvents: GoalEvent[] = [];
  const teamLines: Line[] = [];
  const serviceLines: { line: Line; esy: boolean }[] = [];
  const behaviorLines: Line[] = [];
  const rightEdge = rightEdgeOf(lines);
  const pageRights = new Map<number, number>();
  for (const l of lines)
    if (!l.furniture)
      pageRights.set(l.page, Math.max(pageRights.get(l.page) ?? 0, l.cells[l.cells.length - 1]!.end));
  const pageRight = (page: number) => pageRights.get(page) ?? Number.POSITIVE_INFINITY;
  const flushBehavior = () => {
    if (!behaviorLines.length) return;
    draft.behaviorSteps.push(
      ...readBehaviorLines(behaviorLines, { wraps: doc.format === 'pdf', filledSquare, rightEdge }),
    );
    behaviorLines.length = 0;
  };
  const flushAccommodations = () => {
    if (!accLines.length) return;
    const usesMarks = accLines.some(({ line: l }) =>
      l.cells.some(
        (c, k) =>
          readMark(c.text, filledSquare).state !== null ||
          (k + 1 < l.cells.length && loneMark(c.text, filledSquare) !== null),
      ),
    );
    const read = readAccommodationLines(accLines, {
      usesMarks,
      wraps: doc.format === 'pdf',
      filledSquare,
      pageRight,
    });
    draft.accommodations.push(...read.items);
    draft.notSelected.push(...read.notSelected);
    accLines.length = 0;
  };
  let tablesInSection = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.furniture) continue;
    const header = headerAt(lines, i);
    // Columns of a behavior plan's parts outside its section are a behavior plan only with a strategy
    // or a reward column: "Antecedent | Behavior | Consequence" is a record of incidents, not a plan.
    const behaviorTable =
      header?.kind === 'behavior' &&
      (section === 'behavior' || header.columns.some((c) => c.role === 'strategy' || c.role === 'reward'));
    if (header && (header.kind !== 'behavior' || behaviorTable)) {
      const table = readTable(lines, i, endsTable);
      if (table?.rows.length) {
        tablesInSection++;
        if (table.kind === 'services') {
          flushAccommodations();
          for (const row of table.rows) {
            const service = serviceFromRow(table, row, esy, convention, cycleDays);
            if (service) draft.services.push(service);
          }
        } else if (table.kind === 'accommodations') {
          const context =
            section === 'accommodations'
              ? accContext
              : { group: groupOf(table.columns[0]?.title ?? '') ?? 'other', heading: null };
          const read = accommodationsFromTable(table, context, filledSquare);
          draft.accommodations.push(...read.items);
          draft.notSelected.push(...read.notSelected);
        } else if (table.kind === 'team') draft.team.push(...teamFromTable(table));
        else if (table.kind === 'behavior') {
          flushAccommodations();
          flushBehavior();
          draft.behaviorSteps.push(...behaviorStepsFromTable(table, filledSquare));
        } else draft.goals.push(...goalsFromTable(table));
        i = table.next - 1;
        continue;
      }
    }
    // Inside a behavior plan, its parts ("Triggers:", "PREVENTIVE STRATEGIES", "Target Behavior")
    // belong to it, printed as headings or not.
    if (section === 'behavior' && behaviorPart(line.cells[0]!.text)) {
      behaviorLines.push(line);
      continue;
    }
    let heading = headingOf(line);
    // "Positive Behavior Supports" printed small among the accommodations is a group of them.
    if (
      heading?.section === 'behavior' &&
      section === 'accommodations' &&
      !BEHAVIOR_PLAN_NAMED.test(heading.text) &&
      line.height < line.body * 1.04 &&
      !/^[A-Z\s\d&/,()-]+$/.test(heading.text)
    )
      heading = { ...heading, section: 'accommodations', group: accTop.group };
    if (heading) {
      if (heading.section !== 'accommodations') flushAccommodations();
      accColumns = null;
      if (heading.goal) {
        flushBehavior();
        section = 'goals';
        goalEvents.push({ kind: 'start', area: heading.goal.area, line });
        continue;
      }
      const isSub =
        section === 'accommodations' &&
        heading.section === 'accommodations' &&
        (heading.group !== null || /:$/.test(heading.text));
      if (heading.section === 'accommodations') {
        if (isSub)
          accContext = { group: heading.group ?? accTop.group, heading: heading.text.replace(/:$/, '') };
        else accTop = accContext = { group: heading.group ?? 'other', heading: heading.text };
      }
      if (
        heading.section !== 'other' ||
        line.height >= line.body * 1.04 ||
        /^[A-Z\s\d&/,()-]+$/.test(heading.text)
      ) {
        if (heading.section !== section) tablesInSection = 0;
        // A behavior plan ends at the next section; a second one starts afresh.
        if (section === 'behavior' || heading.section === 'behavior') flushBehavior();
        section = heading.section;
        esy = heading.esy;
      }
      continue;
    }
    if (section === 'accommodations') {
      const columns = columnHeadings(line);
      if (columns) {
        accColumns = columns;
        continue;
      }
      if (accColumns && line.cells[0]!.x < accColumns[0]!.x - 10) accColumns = null;
      accLines.push({ line, context: accContext, columns: accColumns });
    } else if (section === 'goals') goalEvents.push({ kind: 'line', line });
    else if (section === 'team') teamLines.push(line);
    else if (section === 'behavior') behaviorLines.push(line);
    else if (section === 'services' && tablesInSection === 0) serviceLines.push({ line, esy });
  }
  flushAccommodations();
  flushBehavior();
  draft.goals.push(...readGoals(goalEvents));
  for (const line of teamLines) {
    if (line.cells.length > 1)
      for (const cell of line.cells) {
        const member = memberFromText(cell.text, line, [cell]);
        if (member) draft.team.push(member);
      }
    else {
      const member = memberFromText(line.text, line);
      if (member) draft.team.push(member);
    }
  }
  if (!draft.services.length) {
    for (const { line, esy: inEsy } of serviceLines) {
      const service = serviceFromLine(line, inEsy);
      if (service) draft.services.push(service);
    }
  }
  dedupeTeam(draft);
}

function dedupeTeam(draft: IepDraft) {
  const seen = new Set<string>();
  draft.team = draft.team.filter((m) => {
    const key = m.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Checked = {
  page: number;
  sourceText: string;
  confidence: string;
  reason: string | null;
  reasonWords?: MessageWords | undefined;
};

/** An item's reason to check, with its words; "Check this" when it has none. */
function checkReason(item: Checked): { reason: string; reasonWords?: MessageWords } {
  if (item.reason == null) return { reason: 'Check this', reasonWords: reasonWords('check.this') };
  return item.reasonWords ? { reason: item.reason, reasonWords: item.reasonWords } : { reason: item.reason };
}

function listChecks(draft: IepDraft): IepDraft['toCheck'] {
  const checks: IepDraft['toCheck'] = [];
  const one = (
    section: IepDraft['toCheck'][number]['section'],
    fieldName: string | null,
    item: Checked | null,
  ) => {
    if (item?.confidence === 'check')
      checks.push({
        section,
        index: null,
        field: fieldName,
        page: item.page,
        sourceText: item.sourceText,
        ...checkReason(item),
      });
  };
  one('planKind', null, draft.planKind);
  one('jurisdiction', null, draft.jurisdiction);
  one('child', 'name', draft.child.name);
  one('child', 'school', draft.child.school);
  one('child', 'grade', draft.child.grade);
  for (const [k, v] of Object.entries(draft.dates)) one('dates', k, v);
  const list = (
    section: 'services' | 'accommodations' | 'goals' | 'team' | 'behaviorSteps',
    items: Checked[],
  ) =>
    items.forEach((item, index) => {
      if (item.confidence === 'check')
        checks.push({
          section,
          index,
          field: null,
          page: item.page,
          sourceText: item.sourceText,
          ...checkReason(item),
        });
    });
  list('services', draft.services);
  list('accommodations', draft.accommodations);
  list('goals', draft.goals);
  list('team', draft.team);
  list('behaviorSteps', draft.behaviorSteps);
  return checks;
}

/** The summary as catalog words (`iepreader.summary`), saying what `summary` says. */
function summaryWords(draft: IepDraft): MessageWords {
  const esy = draft.services.filter((s) => s.esy).length;
  return reasonWords('summary', {
    kind: draft.planKind?.value === '504' ? 'plan504' : 'iep',
    hasPlace: draft.jurisdiction ? 'yes' : 'no',
    place: draft.jurisdiction?.value.name ?? '',
    services: draft.services.length - esy,
    esy,
    accommodations: draft.accommodations.length,
    goals: draft.goals.length,
    team: draft.team.length,
    steps: draft.behaviorSteps.length,
    toCheck: draft.toCheck.length,
    ocrCount: draft.pagesNeedingOcr.length,
    ocrPages: draft.pagesNeedingOcr.join(', '),
    scanCount: draft.pagesReadByOcr.length,
    scanPages: draft.pagesReadByOcr.join(', '),
  });
}

function summary(draft: IepDraft): string {
  const kind = draft.planKind?.value === '504' ? 'a 504 plan' : 'an IEP';
  const where = draft.jurisdiction ? ` (${draft.jurisdiction.value.name})` : '';
  const esy = draft.services.filter((s) => s.esy).length;
  const parts = [
    `${draft.services.length - esy} service${draft.services.length - esy === 1 ? '' : 's'}${esy ? ` and ${esy} ESY` : ''}`,
    `${draft.accommodations.length} accommodation${draft.accommodations.length === 1 ? '' : 's'}`,
    `${draft.goals.length} goal${draft.goals.length === 1 ? '' : 's'}`,
    `${draft.team.length} team member${draft.team.length === 1 ? '' : 's'}`,
  ];
  const steps = draft.behaviorSteps.length;
  if (steps) parts.push(`${steps} behavior plan step${steps === 1 ? '' : 's'}`);
  const check = draft.toCheck.length
    ? ` ${draft.toCheck.length} item${draft.toCheck.length === 1 ? '' : 's'} to check.`
    : ' Nothing to check.';
  const ocr = draft.pagesNeedingOcr.length
    ? ` ${draft.pagesNeedingOcr.length === 1 ? 'Page' : 'Pages'} ${draft.pagesNeedingOcr.join(', ')} ${draft.pagesNeedingOcr.length === 1 ? 'needs' : 'need'} OCR.`
    : '';
  const scanned = draft.pagesReadByOcr.length
    ? ` ${draft.pagesReadByOcr.length === 1 ? 'Page' : 'Pages'} ${draft.pagesReadByOcr.join(', ')} ${draft.pagesReadByOcr.length === 1 ? 'was' : 'were'} read from a scan (OCR).`
    : '';
  return `Read ${kind}${where}: ${parts.join(', ')}.${check}${ocr}${scanned}`;
}
