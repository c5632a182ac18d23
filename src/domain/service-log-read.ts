// Reading a school's service log, from a grid of cells (a CSV file's rows or a spreadsheet's sheet) to
// this child's sessions (issue 19). The header is found and its columns named (service-log-columns.ts),
// or taken from the parent's mapping; every row after it is then read or listed as unread with the
// reason: a blank line, the header again on a new page, a page footer, a total, another student's row
// (counted, never kept), or a value the reader could not read (the cell's words are named). Dates are
// read by the IEP reader's date reader in the file's own order (a "25/10/2026" anywhere shows day
// first); minutes, times and statuses by service-log-values.ts; service names by
// service-log-services.ts; whose row it is by service-log-students.ts. A file with no header is "not a
// service log"; one whose rows are all another student's is "a log for another child". Pure and
// zod-free: no clock (a year missing from a date is taken from `yearWithin`).

import type { MessageWords } from './errors.ts';
import { type DateConvention, dateConvention, findDates } from './iep-dates.ts';
import { MONTHS } from './month-names.ts';
import {
  type ColumnGuess,
  combineHeaderRows,
  findHeader,
  guessColumns,
  headerKey,
  headerSaysHours,
  LOG_FIELDS,
  type LogField,
} from './service-log-columns.ts';
import {
  mapServiceNames,
  type PlanServiceRef,
  type ServiceMatch,
  serviceKey,
} from './service-log-services.ts';
import {
  type ChildNames,
  idKey,
  isChildName,
  rowStudent,
  type StudentVerdict,
  titleStudent,
  titleStudentId,
} from './service-log-students.ts';
import {
  type LogStatus,
  type MinutesUnit,
  minutesBetween,
  plainWords,
  readClockTime,
  readMinutes,
  rowStatus,
  timeAfterDate,
} from './service-log-values.ts';
import type { EntryKind, MissReason, SessionStatus } from './session-entry.ts';

/** Most rows a log may have: a school year of daily sessions for a class is far fewer. */
export const SERVICE_LOG_MAX_ROWS = 50_000;

export type GridRow = { line: number; cells: string[] };

/** Which column holds which field, and what the parent said the log's words mean. */
export type ServiceLogMapping = {
  /** The header's rows (their lines in the file); empty when the parent names columns without one. */
  headerLines: number[];
  /** Field → column (0-based). */
  columns: Partial<Record<LogField, number>>;
  /** A log's service name (`serviceKey`) → the plan's service, or null: not a service of this plan. */
  services: Record<string, string | null>;
  /** A status the reader does not know (plain words) → what it means. */
  statuses: Record<string, LogStatus>;
  /** How numeric dates are written; null: from the file. */
  dateOrder: 'mdy' | 'dmy' | null;
  /** What a bare number of minutes is; null: from the column's header. */
  minutesUnit: MinutesUnit | null;
};

export type ServiceLogRow = {
  /** The row's line in the file (a spreadsheet's row number). */
  line: number;
  date: string;
  startTime: string | null;
  minutes: number | null;
  plannedMinutes: number | null;
  serviceId: string;
  /** The service as the log writes it. */
  serviceText: string | null;
  provider: string | null;
  kind: EntryKind;
  status: SessionStatus;
  reason: MissReason | null;
  /** The status (and reason) as the log writes them. */
  statusText: string | null;
  note: string | null;
  /** What to check about this row ("the date is taken from the row above"). */
  checks: string[];
};

export type UnreadKind = 'blank' | 'header' | 'page' | 'total' | 'other_student' | 'problem';

export type UnreadRow = { line: number; kind: UnreadKind; reason: string };

export type LogProblemKind = 'not_a_log' | 'another_child' | 'no_rows' | 'needs_student_id';

export type ServiceLogReading = {
  header: { lines: number[]; columns: ColumnGuess[] } | null;
  mapping: ServiceLogMapping;
  /** This child's sessions, in the file's order. */
  rows: ServiceLogRow[];
  /** Every other row after the header, with why it was not read. */
  unread: UnreadRow[];
  counts: {
    /** Rows after the header. */
    total: number;
    read: number;
    otherStudents: number;
    /** Rows the parent should look at: values that could not be read. */
    problems: number;
    /** Blank lines, headers repeated on a new page, page footers and totals. */
    skipped: number;
  };
  /** How many other students the file names (never who). */
  otherStudentNames: number;
  /** Each service name of this child's rows, with the plan's service it maps to. */
  services: ServiceMatch[];
  /** Statuses of this child's rows the reader does not know, as written (the parent says what they mean). */
  unknownStatuses: string[];
  dates: {
    order: 'mdy' | 'dmy' | null;
    basis: DateConvention['basis'] | 'parent';
    from: string | null;
    to: string | null;
  };
  /** What the parent should know about the file as a whole. */
  notes: string[];
  /** Why the file cannot be taken, or null. */
  problem: LogProblem | null;
};

/**
 * Why a file cannot be taken: in English (`message`), and as the words of the catalog part `servicelog`
 * that say the same (`words`; the English of each key is exactly the message, which
 * src/server/i18n.file-refusals.test.ts checks): the server says them in the reader's language when it
 * refuses the file, and the service log page says them when it shows the preview. This file does not
 * load the catalog: the web app imports it.
 */
export type LogProblem = { kind: LogProblemKind; message: string; words: MessageWords };

export type ReadServiceLogOptions = {
  child: ChildNames;
  /** The child's student ID, when the parent gave it. */
  studentId: string | null;
  /** The plan's services a row may be for. */
  services: readonly PlanServiceRef[];
  /** The service a row without a service column is for (the service page the log came in from). */
  defaultServiceId: string | null;
  /** The plan's country: a US plan writes numeric dates month first. */
  country: 'US' | 'CA' | null;
  /** The parent's mapping (or the one remembered for the school); missing parts are guessed. */
  mapping?: Partial<ServiceLogMapping> | null;
  /** A date written without a year takes the year that puts it in this range, if exactly one does. */
  yearWithin?: { from: string; to: string } | null;
};

const TEXT_MAX = { provider: 200, service: 200, status: 200, note: 2000 } as const;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const cellAt = (row: GridRow, index: number | undefined): string =>
  index == null ? '' : (row.cells[index] ?? '').trim();

const PAGE_LINE =
  /^(page\s+\d+(\s+of\s+\d+)?|\d+\s+of\s+\d+|printed\b.*|print date\b.*|report (generated|run)\b.*|run date\b.*|generated (on|by)\b.*|confidential\b.*|continued\b.*|\(continued\)|end of report)$/i;
const TOTAL_LINE = /^(sub\s*-?\s*total|grand total|totals?|sum|total minutes|total sessions)\b/i;

/** An Excel serial day number (1 is 1900-01-01, with Excel's 1900 leap day), as a date. */
function serialDate(text: string): string | null {
  if (!/^\d{5}(\.\d+)?$/.test(text)) return null;
  const serial = Math.floor(Number(text));
  if (serial < 20000 || serial > 80000) return null;
  const ms = Date.UTC(1899, 11, 30) + serial * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "Oct 6", "6 Oct", "10/6" (with the file's order): a date without its year, or null. */
function monthDayOnly(text: string, order: 'mdy' | 'dmy'): { month: number; day: number } | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^[a-z]{3,9}\.?,?\s+(?=[a-z])/, '');
  let m = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?$/.exec(t);
  if (m && MONTHS[m[1]!]) return { month: MONTHS[m[1]!]!, day: Number(m[2]) };
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]([a-z]{3,9})\.?$/.exec(t);
  if (m && MONTHS[m[2]!]) return { month: MONTHS[m[2]!]!, day: Number(m[1]) };
  m = /^(\d{1,2})[/.-](\d{1,2})$/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return order === 'mdy' ? { month: a, day: b } : { month: b, day: a };
  }
  return null;
}

type DateReading = { date: string; check: string | null } | { date: null; problem: string };

function readDate(
  raw: string,
  convention: DateConvention,
  yearWithin: { from: string; to: string } | null,
): DateReading {
  const text = raw.trim();
  const serial = serialDate(text);
  if (serial) return { date: serial, check: null };
  const found = findDates(text, convention).find((d) => d.value.precision === 'day');
  if (found) return { date: found.value.date, check: found.check };
  const partial = monthDayOnly(text.replace(/\s+\d{1,2}:\d{2}.*$/, ''), convention.order ?? 'mdy');
  if (partial && yearWithin) {
    const years = new Set([Number(yearWithin.from.slice(0, 4)), Number(yearWithin.to.slice(0, 4))]);
    const fits = [...years]
      .map((y) => `${y}-${pad(partial.month)}-${pad(partial.day)}`)
      .filter((d) => d >= yearWithin.from && d <= yearWithin.to && !Number.isNaN(Date.parse(d)));
    if (fits.length === 1)
      return { date: fits[0]!, check: `“${text}” has no year: read as ${fits[0]!.slice(0, 4)}` };
  }
  if (partial) return { date: null, problem: `the date “${text}” has no year` };
  return { date: null, problem: `“${text}” is not a date` };
}

/** The columns of a mapping the file has, and the fields the guess or the parent gave them. */
function resolveColumns(
  guess: ColumnGuess[],
  chosen: Partial<Record<LogField, number>> | undefined,
): Partial<Record<LogField, number>> {
  if (chosen) {
    const out: Partial<Record<LogField, number>> = {};
    for (const field of LOG_FIELDS) {
      const index = chosen[field];
      if (index != null && index >= 0) out[field] = index;
    }
    return out;
  }
  const out: Partial<Record<LogField, number>> = {};
  for (const g of guess) if (g.field) out[g.field] = g.index;
  return out;
}

/** Whether a row is the table's header printed again (a new page of a printout). */
function isHeaderAgain(row: GridRow, headerRows: readonly GridRow[]): boolean {
  const plain = row.cells.map((c) => headerKey(c)).join('|');
  return headerRows.some((h) => h.cells.map((c) => headerKey(c)).join('|') === plain);
}

/**
 * Reads a log's grid for one child. The grid is the file's rows in order, each with its line; the
 * header is found in the first rows unless the mapping names its lines.
 */
export function readServiceLog(grid: readonly GridRow[], options: ReadServiceLogOptions): ServiceLogReading {
  const chosen = options.mapping ?? {};
  const cells = grid.map((r) => r.cells);
  let headerIndexes: number[] = [];
  let headers: string[] = [];
  if (chosen.headerLines && chosen.headerLines.length > 0) {
    headerIndexes = chosen.headerLines
      .map((line) => grid.findIndex((r) => r.line === line))
      .filter((i) => i >= 0);
    if (headerIndexes.length === 2)
      headers = combineHeaderRows(cells[headerIndexes[0]!]!, cells[headerIndexes[1]!]!);
    else if (headerIndexes.length === 1) headers = cells[headerIndexes[0]!]!.map((c) => c.trim());
  } else if (!chosen.columns) {
    const found = findHeader(cells);
    if (found) {
      headerIndexes = found.rows;
      headers = found.headers;
    }
  }
  const guess = guessColumns(headers);
  const columns = resolveColumns(guess, chosen.columns);
  const headerColumns: ColumnGuess[] = guess.map((g) => {
    const field =
      (Object.entries(columns).find(([, i]) => i === g.index)?.[0] as LogField | undefined) ?? null;
    return { ...g, field, confidence: chosen.columns ? (field ? 'sure' : null) : g.confidence };
  });
  const hasColumn = (f: LogField) => columns[f] != null;
  const emptyMapping: ServiceLogMapping = {
    headerLines: headerIndexes.map((i) => grid[i]!.line),
    columns,
    services: { ...(chosen.services ?? {}) },
    statuses: { ...(chosen.statuses ?? {}) },
    dateOrder: chosen.dateOrder ?? null,
    minutesUnit: chosen.minutesUnit ?? null,
  };
  const nothing = (problem: LogProblem): ServiceLogReading => ({
    header: headerIndexes.length ? { lines: emptyMapping.headerLines, columns: headerColumns } : null,
    mapping: emptyMapping,
    rows: [],
    unread: [],
    counts: { total: 0, read: 0, otherStudents: 0, problems: 0, skipped: 0 },
    otherStudentNames: 0,
    services: [],
    unknownStatuses: [],
    dates: { order: null, basis: null, from: null, to: null },
    notes: [],
    problem,
  });
  if (
    !hasColumn('date') ||
    (!hasColumn('minutes') && !hasColumn('status') && !hasColumn('service') && !hasColumn('startTime'))
  ) {
    return nothing(
      headerIndexes.length === 0 && !chosen.columns
        ? {
            kind: 'not_a_log',
            message:
              'This file does not look like a service log: none of its first rows names the columns a log has (a date, with minutes, a status or a service).',
            words: { key: 'servicelog.problem.notALog' },
          }
        : {
            kind: 'not_a_log',
            message:
              'Choose which column holds the date, and at least one of the minutes, the status or the service.',
            words: { key: 'servicelog.problem.chooseColumns' },
          },
    );
  }

  const start = headerIndexes.length ? Math.max(...headerIndexes) + 1 : 0;
  const titleRows = cells.slice(0, headerIndexes.length ? Math.min(...headerIndexes) : 0);
  const headerRows = headerIndexes.map((i) => grid[i]!);
  /** The title's lines, as a printout repeats them at the top of every page. */
  const titleTexts = new Set(
    titleRows
      .map((row) =>
        row
          .map((c) => c.trim())
          .filter((c) => c !== '')
          .join(' '),
      )
      .filter((t) => t !== ''),
  );
  const minutesUnit: MinutesUnit =
    chosen.minutesUnit ??
    (columns.minutes != null && headerSaysHours(headers[columns.minutes] ?? '') ? 'hours' : 'minutes');

  // The title may name the student (a single-student log) or an ID.
  const namedInTitle = titleStudent(titleRows);
  const idInTitle = titleStudentId(titleRows);
  if (namedInTitle && !isChildName(namedInTitle, options.child)) {
    return nothing({
      kind: 'another_child',
      message: `This looks like a log for another child: its title names another student, not ${childWords(options.child)}. Nothing was saved.`,
      words: { key: 'servicelog.problem.titleNamesAnother', values: { child: childWords(options.child) } },
    });
  }
  if (!namedInTitle && idInTitle && options.studentId && idKey(idInTitle) !== idKey(options.studentId)) {
    return nothing({
      kind: 'another_child',
      message: `This looks like a log for another child: its title gives a student ID that is not ${childWords(options.child)}’s. Nothing was saved.`,
      words: { key: 'servicelog.problem.titleIdAnother', values: { child: childWords(options.child) } },
    });
  }

  // The file's date order, from its own dates (or the parent's choice).
  const dateTexts: string[] = [];
  if (columns.date != null)
    for (let r = start; r < grid.length; r++) dateTexts.push(cellAt(grid[r]!, columns.date));
  const found = dateConvention(dateTexts, options.country);
  const convention: DateConvention = chosen.dateOrder
    ? { order: chosen.dateOrder, basis: 'label', conflict: false }
    : found;

  const rows: ServiceLogRow[] = [];
  const unread: UnreadRow[] = [];
  const otherNames = new Set<string>();
  let otherRows = 0;
  let idOnly = 0;
  const students =
    hasColumn('studentName') ||
    hasColumn('studentFirstName') ||
    hasColumn('studentLastName') ||
    hasColumn('studentId');
  const pendingServiceNames: string[] = [];
  type Draft = Omit<ServiceLogRow, 'serviceId'> & { serviceKey: string | null };
  const drafts: Draft[] = [];
  const carried: { date: string | null; service: string; provider: string } = {
    date: null,
    service: '',
    provider: '',
  };
  const unknownStatuses = new Map<string, string>();

  // Whose each row is, first: a row naming no student is this child's only in a log that names none.
  type Kind = 'blank' | 'header' | 'page' | 'total' | StudentVerdict;
  const kinds: Kind[] = [];
  const studentCellsOf = (row: GridRow) => ({
    name: hasColumn('studentName') ? cellAt(row, columns.studentName) : null,
    firstName: hasColumn('studentFirstName') ? cellAt(row, columns.studentFirstName) : null,
    lastName: hasColumn('studentLastName') ? cellAt(row, columns.studentLastName) : null,
    id: hasColumn('studentId') ? cellAt(row, columns.studentId) : null,
  });
  for (let r = start; r < grid.length; r++) {
    const row = grid[r]!;
    const filled = row.cells.map((c) => c.trim()).filter((c) => c !== '');
    if (filled.length === 0) kinds.push('blank');
    else if (isHeaderAgain(row, headerRows)) kinds.push('header');
    else if (filled.length <= 2 && filled.every((c) => PAGE_LINE.test(c))) kinds.push('page');
    else if (titleTexts.has(filled.join(' '))) kinds.push('page');
    else if (TOTAL_LINE.test(filled[0]!)) kinds.push('total');
    else
      kinds.push(students ? rowStudent(studentCellsOf(row), options.child, options.studentId) : 'no_student');
  }
  const anyNamed = kinds.some((k) => k === 'this_child' || k === 'another_student');
  let thisChildRows = 0;

  for (let r = start; r < grid.length; r++) {
    const row = grid[r]!;
    const kind = kinds[r - start]!;
    if (kind === 'blank') {
      unread.push({ line: row.line, kind: 'blank', reason: 'a blank line' });
      continue;
    }
    if (kind === 'header') {
      unread.push({ line: row.line, kind: 'header', reason: 'the table’s header again (a new page)' });
      continue;
    }
    if (kind === 'page') {
      unread.push({ line: row.line, kind: 'page', reason: 'a page heading or footer' });
      continue;
    }
    if (kind === 'total') {
      unread.push({ line: row.line, kind: 'total', reason: 'a total line' });
      continue;
    }
    const whose = kind;
    const dateCell = cellAt(row, columns.date);
    const serviceCell = cellAt(row, columns.service);
    const providerCell = cellAt(row, columns.provider);
    const statusCell = cellAt(row, columns.status);
    const reasonCell = cellAt(row, columns.reason);
    const minutesCell = cellAt(row, columns.minutes);
    const hasSessionWords = statusCell !== '' || minutesCell !== '' || reasonCell !== '';
    // A group log prints a session's date (and service, provider) once, over its students' rows.
    const date = dateCell !== '' ? dateCell : null;
    const carry = () => {
      if (date) carried.date = date;
      if (serviceCell) carried.service = serviceCell;
      if (providerCell) carried.provider = providerCell;
    };
    if (whose === 'another_student') {
      otherRows++;
      const studentCells = studentCellsOf(row);
      const name = [studentCells.name, studentCells.firstName, studentCells.lastName, studentCells.id]
        .filter((p) => p)
        .join(' ');
      otherNames.add(plainWords(name));
      unread.push({ line: row.line, kind: 'other_student', reason: 'another student’s row (not kept)' });
      carry();
      continue;
    }
    if (whose === 'no_student' && anyNamed) {
      carry();
      unread.push(
        hasSessionWords
          ? { line: row.line, kind: 'problem', reason: 'no student named on this row' }
          : {
              line: row.line,
              kind: 'header',
              reason: 'a group heading (the date or service of the rows under it)',
            },
      );
      continue;
    }
    if (whose === 'id_only') idOnly++;
    thisChildRows++;
    const checks: string[] = [];
    let dateText = date;
    if (!dateText && carried.date && hasSessionWords && students && whose === 'this_child') {
      dateText = carried.date;
      checks.push('the date is the one above (the log prints it once for the group)');
    }
    if (date) carried.date = date;
    if (!dateText) {
      unread.push({
        line: row.line,
        kind: 'problem',
        reason: hasSessionWords ? 'no date' : 'not a session: no date, status or minutes',
      });
      continue;
    }
    const dateRead = readDate(dateText, convention, options.yearWithin ?? null);
    if (dateRead.date == null) {
      unread.push({ line: row.line, kind: 'problem', reason: dateRead.problem });
      continue;
    }
    if (dateRead.check) checks.push(dateRead.check);
    let service = serviceCell;
    if (!service && carried.service && students && whose === 'this_child' && date == null)
      service = carried.service;
    if (serviceCell) carried.service = serviceCell;
    let provider = providerCell;
    if (!provider && carried.provider && students && whose === 'this_child' && date == null)
      provider = carried.provider;
    if (providerCell) carried.provider = providerCell;

    const minutesRead = readMinutes(minutesCell, minutesUnit);
    if (minutesRead && minutesRead.minutes == null) {
      unread.push({ line: row.line, kind: 'problem', reason: minutesRead.problem });
      continue;
    }
    const startTime = readClockTime(cellAt(row, columns.startTime)) ?? timeAfterDate(dateText);
    const endTime = readClockTime(cellAt(row, columns.endTime));
    let minutes = minutesRead?.minutes ?? null;
    if (minutes == null && startTime && endTime) {
      minutes = minutesBetween(startTime, endTime);
      if (minutes != null) checks.push('minutes worked out from the start and end times');
    }
    const plannedRead = readMinutes(cellAt(row, columns.plannedMinutes), minutesUnit);
    const plannedMinutes = plannedRead && plannedRead.minutes != null ? plannedRead.minutes : null;
    const status = rowStatus(statusCell || null, reasonCell || null, minutes, chosen.statuses ?? {});
    if (!status.ok) {
      if (statusCell) unknownStatuses.set(plainWords(statusCell), statusCell);
      unread.push({ line: row.line, kind: 'problem', reason: status.problem });
      continue;
    }
    if (status.assumed) checks.push(status.assumed);
    const statusText = [statusCell, reasonCell].filter((t) => t !== '').join(' – ') || null;
    if (service) pendingServiceNames.push(service);
    const noteCell = cellAt(row, columns.notes);
    // A session not held gave no minutes; a length the log gives it is the one scheduled.
    const missed = status.value.status === 'missed';
    drafts.push({
      line: row.line,
      date: dateRead.date,
      startTime,
      minutes: missed ? 0 : minutes,
      plannedMinutes: missed && plannedMinutes == null && minutes ? minutes : plannedMinutes,
      serviceText: service ? clip(service, TEXT_MAX.service) : null,
      serviceKey: service ? serviceKey(service) : null,
      provider: provider ? clip(provider, TEXT_MAX.provider) : null,
      kind: status.value.kind,
      status: status.value.status,
      reason: status.value.reason,
      statusText: statusText ? clip(statusText, TEXT_MAX.status) : null,
      note: noteCell ? clip(noteCell, TEXT_MAX.note) : null,
      checks,
    });
  }

  // Service names, mapped once each.
  const matches = mapServiceNames([...new Set(pendingServiceNames)], options.services, chosen.services ?? {});
  for (const d of drafts) {
    let serviceId: string | null;
    if (d.serviceKey == null) {
      serviceId = options.defaultServiceId;
      if (serviceId == null) {
        unread.push({
          line: d.line,
          kind: 'problem',
          reason: 'no service named, and no service chosen for the file',
        });
        continue;
      }
    } else {
      serviceId = matches.get(d.serviceKey)?.serviceId ?? null;
      if (serviceId == null) {
        unread.push({
          line: d.line,
          kind: 'problem',
          reason: `the service “${d.serviceText}” is not matched to one of the plan’s services`,
        });
        continue;
      }
    }
    const { serviceKey: _key, ...rest } = d;
    rows.push({ ...rest, serviceId });
  }
  unread.sort((a, b) => a.line - b.line);

  const counts = {
    total: grid.length - start,
    read: rows.length,
    otherStudents: otherRows,
    problems: unread.filter((u) => u.kind === 'problem').length,
    skipped: unread.filter((u) => u.kind !== 'problem' && u.kind !== 'other_student').length,
  };
  const dates = rows.map((r) => r.date).sort();
  const notes: string[] = [];
  const mapping: ServiceLogMapping = {
    ...emptyMapping,
    services: Object.fromEntries([...matches].map(([k, m]) => [k, m.serviceId])),
  };
  const reading: ServiceLogReading = {
    header: headerIndexes.length ? { lines: mapping.headerLines, columns: headerColumns } : null,
    mapping,
    rows,
    unread,
    counts,
    otherStudentNames: otherNames.size,
    services: [...matches.values()],
    unknownStatuses: [...unknownStatuses.values()],
    dates: {
      order: convention.order,
      basis: chosen.dateOrder ? 'parent' : convention.basis,
      from: dates[0] ?? null,
      to: dates.at(-1) ?? null,
    },
    notes,
    problem: null,
  };
  if (otherRows > 0) {
    notes.push(
      `This file holds rows for ${otherNames.size === 1 ? 'another student' : `${otherNames.size} other students`} (${otherRows} ${otherRows === 1 ? 'row' : 'rows'}). Only ${childWords(options.child)}’s rows are read; the others are not kept.`,
    );
  }
  if (!students && !namedInTitle) {
    notes.push(`The file names no student: every row is read as ${childWords(options.child)}’s.`);
  }
  if (convention.conflict && !chosen.dateOrder) {
    notes.push(
      'Some dates are written day first and others month first: check the dates, or say how the file writes them.',
    );
  } else if (!convention.order && dateTexts.some((t) => /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(t))) {
    notes.push(
      'The file does not show whether it writes the month or the day first: dates were read month first. Check them.',
    );
  }
  if (idOnly > 0 && !options.studentId && otherRows === 0 && rows.length + counts.problems > 0) {
    reading.problem = {
      kind: 'needs_student_id',
      message: `This log names students by ID only. Give ${childWords(options.child)}’s student ID to read only her or his rows.`,
      words: { key: 'servicelog.problem.needsStudentId', values: { child: childWords(options.child) } },
    };
    return reading;
  }
  if (thisChildRows === 0 && otherRows > 0) {
    reading.problem = {
      kind: 'another_child',
      message: `This looks like a log for another child: none of its ${otherRows} ${otherRows === 1 ? 'row names' : 'rows name'} ${childWords(options.child)}${options.studentId ? ' or her or his student ID' : ''}. Nothing was saved.`,
      words: {
        key: 'servicelog.problem.anotherChild',
        values: {
          rows: otherRows,
          count: String(otherRows),
          child: childWords(options.child),
          withId: options.studentId ? 'yes' : 'no',
        },
      },
    };
    reading.rows = [];
    return reading;
  }
  if (rows.length === 0) {
    const first = unread.find((u) => u.kind === 'problem');
    reading.problem = first
      ? {
          kind: 'no_rows',
          message: `No session could be read from this file: ${first.reason} (line ${first.line}), and ${counts.problems - 1} more.`,
          // The row's reason is English; the server finds its words (src/server/services/service-logs.ts).
          words: {
            key: 'servicelog.problem.noRowRead',
            values: { reason: first.reason, line: String(first.line), more: String(counts.problems - 1) },
          },
        }
      : {
          kind: 'no_rows',
          message: 'No session could be read from this file: it has no rows under its header.',
          words: { key: 'servicelog.problem.noRows' },
        };
  }
  return reading;
}

function childWords(child: ChildNames): string {
  return child.lastName ? `${child.firstName} ${child.lastName}` : child.firstName;
}

/**
 * The first rows of a log as the mapping step shows them: this child's rows whole, another student's
 * with the student's name, ID and notes left out (the parent sees that the row is someone else's, not
 * whose).
 */
export function previewRows(
  grid: readonly GridRow[],
  reading: Pick<ServiceLogReading, 'mapping' | 'unread'>,
  count = 8,
): { line: number; cells: string[]; whose: 'this_child' | 'another_student' | 'unread' }[] {
  const start = reading.mapping.headerLines.length
    ? grid.findIndex((r) => r.line === Math.max(...reading.mapping.headerLines)) + 1
    : 0;
  const unreadByLine = new Map(reading.unread.map((u) => [u.line, u]));
  const hidden = new Set(
    (['studentName', 'studentFirstName', 'studentLastName', 'studentId', 'notes'] as const)
      .map((f) => reading.mapping.columns[f])
      .filter((i): i is number => i != null),
  );
  const out: { line: number; cells: string[]; whose: 'this_child' | 'another_student' | 'unread' }[] = [];
  for (let r = start; r < grid.length && out.length < count; r++) {
    const row = grid[r]!;
    const u = unreadByLine.get(row.line);
    if (u && (u.kind === 'blank' || u.kind === 'page' || u.kind === 'header')) continue;
    if (u?.kind === 'other_student') {
      out.push({
        line: row.line,
        cells: row.cells.map((c, i) => (hidden.has(i) ? '' : c)),
        whose: 'another_student',
      });
      continue;
    }
    out.push({ line: row.line, cells: [...row.cells], whose: u ? 'unread' : 'this_child' });
  }
  return out;
}
