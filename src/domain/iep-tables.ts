import type { DocCell, DocLine } from './document-text.ts';
import type { PageFrame } from './page-boxes.ts';

// Tables in an IEP document: finding a table's header row by its words, giving each column a role
// (the service, its frequency, duration, group, location, provider, start and end; or a person and a
// role; a goal and its criteria; the parts of a behavior plan), and rebuilding the rows under it from the lines that follow: cells
// are placed in the column they overlap, a cell whose text wraps onto the next lines is joined back,
// and a table that breaks across a page (the header printed again, or a row cut in two) is read as
// one. Pure: no I/O.

/** A line of the document with where it is. */
export type Line = DocLine & {
  page: number;
  /** Position in the whole document. */
  index: number;
  /** A running header or footer repeated on the pages (page numbers, the child's name): not content. */
  furniture: boolean;
  /** The usual font size of body text in the document. */
  body: number;
  /** Word documents: lines of one table row share this number. */
  row?: number;
  /** Its page's size (and a scan's turn), so where its words are can be said on the page; none for a Word document. */
  frame?: PageFrame;
};

export type ColumnRole =
  | 'name'
  | 'area'
  | 'frequency'
  | 'duration'
  | 'group'
  | 'location'
  | 'provider'
  | 'start'
  | 'end'
  | 'total'
  | 'person'
  | 'role'
  | 'goal'
  | 'criteria'
  | 'baseline'
  | 'trigger'
  | 'strategy'
  | 'reward'
  | 'response'
  | 'other';

export type Column = { role: ColumnRole; x: number; end: number; title: string };

export type TableKind = 'services' | 'accommodations' | 'team' | 'goals' | 'behavior';

export type Table = {
  kind: TableKind;
  columns: Column[];
  /** The header's lines (one, or two when its titles wrap). */
  headerLines: Line[];
  rows: TableRow[];
  /** Index (in the line list) of the first line after the table. */
  next: number;
};

export type TableRow = {
  /** Text per column, in column order ('' when empty). */
  cells: string[];
  lines: Line[];
  page: number;
  /** A sub-heading printed inside the table above this row ("Extended School Year"), if any. */
  context: string | null;
};

const SERVICE_RULES: [RegExp, ColumnRole][] = [
  [/anticipated duration|projected end|end(ing)? date|^end$|^ending$|^through$|expir|^to$|^stop/i, 'end'],
  [
    /^(projected )?(start|begin|beginning|initiation)|start date|begin date|beginning date|initiation date|^from$|effective/i,
    'start',
  ],
  [
    /provider|responsible|^staff|position|personnel|provided by|implement|by whom|who will|discipline/i,
    'provider',
  ],
  [/location|setting|where|^site|environment/i, 'location'],
  [/group|\bratio\b|^delivery|individual/i, 'group'],
  [/frequency|how often|^sessions?\b|^times|^freq/i, 'frequency'],
  [/duration|minutes|\bmins?\b|length|time per|amount|^time$|intensity|^hours/i, 'duration'],
  [/total/i, 'total'],
  [
    /service|program|support|instruction|^type of|modification|\bsdi\b|accommodation|human resources/i,
    'name',
  ],
  [/^(area|domain|subject|content area|goal area)/i, 'area'],
];

const ACCOMMODATION_NAME =
  /accommodation|modification|\bsdi\b|specially designed|supplementary aid|supports? for|designated support/i;

function roleOf(title: string): ColumnRole {
  const t = title.replace(/\s+/g, ' ').trim();
  if (!t) return 'other';
  for (const [re, role] of SERVICE_RULES) if (re.test(t)) return role;
  return 'other';
}

const PERSON_TITLE_PRINT = /^print(?:ed)? name|^name \(print(?:ed)?\)/i;
const PERSON_TITLE =
  /^(participant|team member|member|attendee)?\s*(printed\s+)?name(s)?( of (participant|team member|member))?$|^participants?$|^team members?$|^printed name|^name \(print\)/i;
const ROLE_TITLE =
  /^(role|title|position|relationship|capacity|designation|job title|role\/title|title\/role)/i;
const GOAL_TITLE = /^(measurable\s+)?(annual\s+)?(program\s+)?goals?\b/i;
const CRITERIA_TITLE = /criteri|target|mastery/i;
const BASELINE_TITLE = /baseline|present level|current level/i;

/**
 * The titles of a behavior plan's columns ("Antecedent / Trigger", "Preventive Strategies",
 * "Reinforcement", "Response"), each the kind of step its cells hold.
 */
const BEHAVIOR_TITLES: [RegExp, 'trigger' | 'strategy' | 'reward' | 'response'][] = [
  [
    /^(?:(?:preventi(?:ve|on)|proactive|antecedent|teaching|instructional|environmental)\s+)?(?:strateg(?:y|ies)|interventions?|supports?)\b|^replacement\s+(?:behaviou?rs?|skills?)|^(?:skills?|behaviou?rs?)\s+to\s+teach|^prevention\b/i,
    'strategy',
  ],
  [/^(?:setting\s+events?|antecedents?|triggers?|precursors?)\b/i, 'trigger'],
  [/^(?:positive\s+)?(?:reinforce(?:ment|rs?)|rewards?|incentives?)\b/i, 'reward'],
  [
    /^(?:(?:adult|staff|teacher)\s+)?respon(?:se|ses)\b|^reactive\b|^consequences?\b|^(?:when|if)\s+(?:the\s+)?behaviou?r\s+occurs|^crisis\b|^de-?escalation/i,
    'response',
  ],
];

/** The kind of behavior-plan step a column title names, if it names one. */
export function behaviorTitleKind(title: string): 'trigger' | 'strategy' | 'reward' | 'response' | null {
  const t = title.replace(/\s+/g, ' ').trim();
  for (const [re, kind] of BEHAVIOR_TITLES) if (re.test(t)) return kind;
  return null;
}

/** A header cell looks like a title: short, no digits beyond a "#", not a sentence, no check box or bullet before it. */
function titleLike(text: string): boolean {
  return (
    text.length <= 60 &&
    !/\d{2}/.test(text) &&
    !/[.;]$/.test(text) &&
    /[a-z]/i.test(text) &&
    !/^(?:[☐☒☑□■▪•●◦✓✔✗✘]|\[.{0,3}\])/u.test(text.trim())
  );
}

/** What kind of table a row of titles heads, and each column's role; null when it heads none we read. */
export function classifyHeader(cells: readonly DocCell[]): { kind: TableKind; columns: Column[] } | null {
  if (cells.length < 2 || !cells.every((c) => titleLike(c.text))) return null;
  const titles = cells.map((c) => c.text.replace(/\s+/g, ' ').trim());
  // Headings of lists side by side ("Instructional Accommodations | Environmental Accommodations"), not a table.
  if (titles.filter((t) => ACCOMMODATION_NAME.test(t)).length >= 2) return null;
  // A behavior plan laid out as a table: two or more columns of its parts ("Trigger | Strategy").
  const steps = titles.map(behaviorTitleKind);
  if (steps.filter(Boolean).length >= 2 && !titles.some((t) => ACCOMMODATION_NAME.test(t))) {
    return {
      kind: 'behavior',
      columns: cells.map((c, i) => ({ role: steps[i] ?? 'other', x: c.x, end: c.end, title: titles[i]! })),
    };
  }
  // A team table: a person's name and a role.
  const person = titles.findIndex((t) => PERSON_TITLE.test(t) || PERSON_TITLE_PRINT.test(t));
  const role = titles.findIndex((t) => ROLE_TITLE.test(t));
  if (person >= 0 && role >= 0 && person !== role) {
    return {
      kind: 'team',
      columns: cells.map((c, i) => ({
        role: i === person ? 'person' : i === role ? 'role' : 'other',
        x: c.x,
        end: c.end,
        title: titles[i]!,
      })),
    };
  }
  // A goals table: the goal, with its criteria or baseline.
  const goal = titles.findIndex((t) => GOAL_TITLE.test(t));
  if (
    goal >= 0 &&
    titles.some(
      (t, i) =>
        i !== goal &&
        (CRITERIA_TITLE.test(t) || BASELINE_TITLE.test(t) || /method|schedule|evaluation|progress/i.test(t)),
    )
  ) {
    return {
      kind: 'goals',
      columns: cells.map((c, i) => ({
        role:
          i === goal
            ? 'goal'
            : CRITERIA_TITLE.test(titles[i]!)
              ? 'criteria'
              : BASELINE_TITLE.test(titles[i]!)
                ? 'baseline'
                : /^(area|domain|subject)/i.test(titles[i]!)
                  ? 'area'
                  : 'other',
        x: c.x,
        end: c.end,
        title: titles[i]!,
      })),
    };
  }
  const roles = titles.map(roleOf);
  const nameAt = roles.indexOf('name');
  if (nameAt < 0) return null;
  // Only one name column: later "name" titles ("Service Delivery") are something else.
  const columns = cells.map((c, i) => ({
    role: i !== nameAt && roles[i] === 'name' ? ('other' as const) : roles[i]!,
    x: c.x,
    end: c.end,
    title: titles[i]!,
  }));
  if (ACCOMMODATION_NAME.test(titles[nameAt]!)) {
    return cells.length >= 2 ? { kind: 'accommodations', columns } : null;
  }
  const has = (r: ColumnRole) => columns.some((c) => c.role === r);
  const described = (
    ['frequency', 'duration', 'start', 'end', 'location', 'provider', 'group'] as const
  ).filter(has);
  if (cells.length >= 3 && (has('frequency') || has('duration')) && described.length >= 2)
    return { kind: 'services', columns };
  return null;
}

/** Header lines when the titles wrap ("Projected Beginning" over "Date"): the next joined to the first. */
function mergeHeader(a: Line, b: Line): DocCell[] {
  const cells = a.cells.map((c) => ({ ...c }));
  for (const c of b.cells) {
    const over = cells.find((h) => overlap(h.x, h.end, c.x, c.end) > 0);
    if (over) {
      over.text = `${over.text} ${c.text}`;
      over.x = Math.min(over.x, c.x);
      over.end = Math.max(over.end, c.end);
    } else cells.push({ ...c });
  }
  return cells.sort((p, q) => p.x - q.x);
}

function overlap(a1: number, a2: number, b1: number, b2: number): number {
  return Math.min(a2, b2) - Math.max(a1, b1);
}

/** The header of a table starting at `lines[i]`, with its second line when its titles wrap. */
export function headerAt(
  lines: readonly Line[],
  i: number,
): { kind: TableKind; columns: Column[]; lines: Line[] } | null {
  const line = lines[i];
  if (!line || line.furniture) return null;
  const next = lines[i + 1];
  const wraps =
    next &&
    !next.furniture &&
    next.page === line.page &&
    next.y - line.y <= 1.6 * Math.max(line.height, next.height) &&
    next.cells.every((c) => titleLike(c.text) && line.cells.some((h) => overlap(h.x, h.end, c.x, c.end) > 0));
  // A behavior plan's titles are short words ("Trigger | Strategy"): a first row as short is a row.
  const single = classifyHeader(line.cells);
  if (wraps && single?.kind !== 'behavior') {
    const cells = mergeHeader(line, next);
    // Titles wrapped over three lines ("Method of how" / "progress will be" / "measured"): a third line
    // as close, each of its words under a title that already wrapped onto the second line.
    const third = lines[i + 2];
    const wrapsAgain =
      third &&
      !third.furniture &&
      third.page === next.page &&
      third.y - next.y <= 1.6 * Math.max(next.height, third.height) &&
      third.cells.every(
        (c) => titleLike(c.text) && next.cells.some((h) => overlap(h.x, h.end, c.x, c.end) > 0),
      );
    if (wrapsAgain) {
      const merged3 = classifyHeader(mergeHeader({ ...line, cells }, third));
      if (merged3) return { ...merged3, lines: [line, next, third] };
    }
    const merged = classifyHeader(cells);
    if (merged) return { ...merged, lines: [line, next] };
  }
  return single ? { ...single, lines: [line] } : null;
}

/** Column boundaries: each column runs from its title's left edge (or the gap before it) to the next one's. */
function bounds(columns: readonly Column[]): { from: number; to: number }[] {
  return columns.map((c, i) => {
    const prev = columns[i - 1];
    const next = columns[i + 1];
    const from = prev ? Math.min(c.x, (prev.end + c.x) / 2) : Number.NEGATIVE_INFINITY;
    const to = next ? Math.min(next.x, (c.end + next.x) / 2) : Number.POSITIVE_INFINITY;
    return { from, to };
  });
}

/** Which column a cell belongs to: where it starts, unless it mostly sits in the next one. */
function columnOf(
  cell: DocCell,
  columns: readonly Column[],
  spans: readonly { from: number; to: number }[],
): number {
  let best = -1;
  let bestOverlap = 0;
  columns.forEach((c, i) => {
    const o = overlap(cell.x, Math.max(cell.end, cell.x + 1), c.x, Math.max(c.end, c.x + 1));
    if (o > bestOverlap) {
      bestOverlap = o;
      best = i;
    }
  });
  if (best >= 0) {
    // A left-aligned cell starts in its own column even when a centred title sits further right.
    const starts = spans.findIndex((s) => cell.x >= s.from - 2 && cell.x < s.to);
    return starts >= 0 && starts <= best ? starts : best;
  }
  const starts = spans.findIndex((s) => cell.x >= s.from - 2 && cell.x < s.to);
  return starts;
}

/**
 * A cell that runs across a column boundary (two cells pdf.js joined because they were close) is
 * split at the space nearest the boundary, estimating each character's place from the cell's width.
 */
function splitStraddling(cell: DocCell, columns: readonly Column[]): DocCell[] {
  const out: DocCell[] = [];
  let rest = cell;
  for (const c of columns) {
    if (c.x <= rest.x + 4 || c.x >= rest.end - 4) continue;
    const width = rest.end - rest.x;
    const chars = rest.text.length;
    if (chars < 3 || width <= 0) break;
    const target = ((c.x - rest.x) / width) * chars;
    let cut = -1;
    for (let k = 1; k < chars; k++) {
      if (rest.text[k] !== ' ') continue;
      if (cut < 0 || Math.abs(k - target) < Math.abs(cut - target)) cut = k;
    }
    // Only a space close to the boundary: otherwise the text really spans the columns.
    if (cut < 0 || Math.abs(cut - target) > Math.max(2, chars * 0.08)) continue;
    const at = rest.x + (cut / chars) * width;
    out.push({ x: rest.x, end: at, text: rest.text.slice(0, cut).trim() });
    rest = { x: c.x, end: rest.end, text: rest.text.slice(cut + 1).trim() };
  }
  out.push(rest);
  return out.filter((c) => c.text !== '');
}

/** A line's cells placed in the table's columns, or null when the line is not a row of this table. */
export function placeCells(line: Line, columns: readonly Column[]): string[] | null {
  const spans = bounds(columns);
  const placed = columns.map(() => '');
  const left = columns[0]!.x;
  const last = columns[columns.length - 1]!;
  for (const raw of line.cells) {
    for (const cell of splitStraddling(raw, columns)) {
      if (cell.x < left - Math.max(12, 1.5 * line.height)) return null;
      const i = columnOf(cell, columns, spans);
      if (i < 0) return null;
      // Text running far past its column into the next ones is a paragraph, not a cell.
      const next = columns[i + 1];
      const limit = next ? (columns[i + 2]?.x ?? next.end + 40) : Math.max(last.end, last.x) + 200;
      if (cell.end > limit + 4) return null;
      placed[i] = placed[i] ? `${placed[i]} ${cell.text}` : cell.text;
    }
  }
  return placed;
}

function sameHeader(line: Line, header: { columns: Column[] }): boolean {
  const h = classifyHeader(line.cells);
  return (
    !!h &&
    h.columns.length === header.columns.length &&
    h.columns.every((c, i) => c.role === header.columns[i]!.role)
  );
}

/** The key column of each kind: every row fills it. */
const KEY_ROLE: Record<TableKind, ColumnRole> = {
  services: 'name',
  accommodations: 'name',
  team: 'person',
  goals: 'goal',
  // A behavior table's first column of steps (see `keyColumn`).
  behavior: 'trigger',
};

const STEP_ROLES: readonly ColumnRole[] = ['trigger', 'strategy', 'reward', 'response'];

/** The column every row of a table fills: its key role's, or a behavior table's first column of steps. */
function keyColumn(kind: TableKind, columns: readonly Column[]): number {
  if (kind === 'behavior') return columns.findIndex((c) => STEP_ROLES.includes(c.role));
  return columns.findIndex((c) => c.role === KEY_ROLE[kind]);
}

/** Words of a line inside a table that names the rows after it rather than being one. */
const CONTEXT_WORDS =
  /extended school year|\besy\b|twelve[- ]month|summer services|^related services$|^special education (programs?|services)$/i;

/**
 * A date cell cut short by its column's width: a month name or a day with no year yet ("Sept. 21,",
 * "June"). The next line's text in that column is the rest of it.
 */
function incompleteDate(text: string): boolean {
  const month = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
  return new RegExp(`^(?:${month}(?:\\s+\\d{1,2},?)?|\\d{1,2}\\s+${month})$`, 'i').test(text.trim());
}

/** The rest of a date cut by its cell's width: its year, or its day and year ("21, 2026"). */
function dateRest(text: string): boolean {
  return /^(?:\d{1,2},?\s+)?\d{4}$/.test(text.trim());
}

/**
 * A line of one cell running across two or more of the table's columns, with no figures or led by a
 * section letter ("B. Special Education and Related Services in General Education Classroom"): a
 * heading inside or between tables, never text wrapped in a cell (a cell's text wraps inside its column).
 */
function spansColumns(line: Line, columns: readonly Column[]): boolean {
  if (line.cells.length !== 1) return false;
  const cell = line.cells[0]!;
  const crossed = columns.filter((c) => c.x > cell.x + 4 && c.x < cell.end - 4).length;
  return crossed >= 2 && (/^(?:[A-Z]|\d{1,2}|[IVX]{1,4})[.)]\s+\S/.test(cell.text) || !/\d/.test(cell.text));
}

/** A short line of one cell inside a table ("Extended School Year Services"), naming the rows below it. */
function isSubheading(line: Line): boolean {
  return line.cells.length === 1 && line.text.length <= 70 && !/\d{1,2}\/\d{1,2}\//.test(line.text);
}

/**
 * The rows of the table whose header is at `lines[start]`. Reading stops at a line that does not fit
 * the columns (a paragraph, a heading, another table), or at a page break not followed by more rows.
 * `stop` says whether a line is a heading that ends any table.
 */
export function readTable(
  lines: readonly Line[],
  start: number,
  stop: (line: Line) => boolean,
): Table | null {
  const header = headerAt(lines, start);
  if (!header) return null;
  const { columns, kind } = header;
  const key = keyColumn(kind, columns);
  // Dates never wrap, so a row begins where its start (or end) date is printed.
  const anchor = kind === 'services' ? columns.findIndex((c) => c.role === 'start' || c.role === 'end') : -1;

  type Placed = { line: Line; cells: string[]; context: string | null };
  const placedLines: Placed[] = [];
  let i = start + header.lines.length;
  let context: string | null = null;
  let lastPage = header.lines[0]!.page;
  let lastY = header.lines[header.lines.length - 1]!.y;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.furniture) continue;
    const newPage = line.page !== lastPage;
    if (sameHeader(line, header)) {
      // The header printed again: at the top of a page, the table goes on; elsewhere a new table starts.
      if (!newPage) break;
      lastPage = line.page;
      lastY = line.y;
      i += (headerAt(lines, i)?.lines.length ?? 1) - 1;
      continue;
    }
    if (!newPage && line.y - lastY > 5 * Math.max(line.height, 8)) break;
    // Another table's header ends this one.
    if (headerAt(lines, i)) break;
    const cells = placeCells(line, columns);
    let afterAt = i + 1;
    while (afterAt < lines.length && lines[afterAt]!.furniture) afterAt++;
    const after = lines[afterAt];
    if (cells && line.cells.length === 1 && CONTEXT_WORDS.test(line.text) && isSubheading(line)) {
      // A sub-heading over more rows of this table; over anything else, it is a heading of its own.
      const rowAfter =
        after && !headerAt(lines, afterAt) && after.cells.length >= 2 && placeCells(after, columns);
      if (!rowAfter) break;
      context = line.text;
      lastPage = line.page;
      lastY = line.y;
      continue;
    }
    // A heading ends the table, unless it is a wrapped line inside a column other than the first.
    const inFirstColumn = line.cells[0]!.x < (columns[1]?.x ?? Number.POSITIVE_INFINITY) - 2;
    const fits = cells !== null && !(inFirstColumn && stop(line)) && !spansColumns(line, columns);
    if (!fits) {
      // A sub-heading inside the table, when rows of the same columns follow it.
      const afterFits =
        after &&
        !sameHeader(after, header) &&
        placeCells(after, columns) &&
        (after.cells.length >= 2 || after.row != null);
      if ((isSubheading(line) || spansColumns(line, columns)) && afterFits && !headerAt(lines, i)) {
        context = line.text;
        lastPage = line.page;
        lastY = line.y;
        continue;
      }
      break;
    }
    placedLines.push({ line, cells, context });
    lastPage = line.page;
    lastY = line.y;
  }

  // The usual gap between two lines of one cell, to tell a wrapped line from a new row.
  const gaps: number[] = [];
  for (let k = 1; k < placedLines.length; k++) {
    const a = placedLines[k - 1]!.line;
    const b = placedLines[k]!.line;
    if (a.page === b.page) gaps.push(b.y - a.y);
  }
  const leading = gaps.length ? Math.min(...gaps) : 0;
  const uneven = gaps.some((g) => g > leading * 1.25);

  const rows: TableRow[] = [];
  let current: TableRow | null = null;
  let previous: Line | null = null;
  for (const p of placedLines) {
    const { line, cells } = p;
    let startsRow: boolean;
    if (!current) startsRow = true;
    else if (line.row != null) startsRow = line.row !== current.lines[0]!.row;
    else {
      const keyFilled = key >= 0 && cells[key] !== '';
      const samePage = previous !== null && previous.page === line.page;
      const gap = samePage ? line.y - previous!.y : Number.POSITIVE_INFINITY;
      if (anchor >= 0 && cells[anchor] !== '')
        // A date written out in words wraps ("Sept. 21," over "2026"): its rest does not start a row.
        startsRow = !(incompleteDate(current.cells[anchor]!) && dateRest(cells[anchor]!));
      else if (!keyFilled) startsRow = false;
      else if (anchor >= 0)
        startsRow = samePage && uneven && gap > leading * 1.25 && current.cells[anchor] !== '';
      else startsRow = !samePage || !uneven || gap > leading * 1.25;
      if (p.context !== current.context) startsRow = true;
    }
    if (startsRow) {
      current = { cells: [...cells], lines: [line], page: line.page, context: p.context };
      rows.push(current);
    } else if (current) {
      current.cells = current.cells.map((c, k) => (cells[k] ? (c ? `${c} ${cells[k]}` : cells[k]!) : c));
      current.lines.push(line);
    }
    previous = line;
  }
  return { kind, columns, headerLines: header.lines, rows, next: i };
}
