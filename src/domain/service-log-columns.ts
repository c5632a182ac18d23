// Which column of a school's service log holds what (issue 19). Districts' systems name their columns
// in many ways ("Date of Service", "DOS", "Session Date"; "Duration (min)", "Mins", "Time Spent";
// "Attendance", "Session Status", "Code"), some print a title and a date above the table, and some
// head it with two rows, a group over its columns ("Student" over "Name" and "ID", "Minutes" over
// "Scheduled" and "Delivered"), often as merged cells. `findHeader` finds the header row (or two),
// `guessColumns` says which column is which field, with how sure it is; the parent confirms or fixes
// it on the first rows, and the choice is remembered by the header's words for the next file from
// the same school. Pure and zod-free.

import { plainWords } from './service-log-values.ts';

export const LOG_FIELDS = [
  'date',
  'startTime',
  'endTime',
  'minutes',
  'plannedMinutes',
  'service',
  'provider',
  'status',
  'reason',
  'studentName',
  'studentFirstName',
  'studentLastName',
  'studentId',
  'notes',
] as const;
export type LogField = (typeof LOG_FIELDS)[number];

/** The fields in the parent's words, for the mapping step. */
export const LOG_FIELD_LABELS: Readonly<Record<LogField, string>> = {
  date: 'Date',
  startTime: 'Start time',
  endTime: 'End time',
  minutes: 'Minutes given',
  plannedMinutes: 'Minutes scheduled',
  service: 'Service',
  provider: 'Provider',
  status: 'Status or attendance',
  reason: 'Reason',
  studentName: 'Student name',
  studentFirstName: 'Student first name',
  studentLastName: 'Student last name',
  studentId: 'Student ID',
  notes: 'Notes',
};

/**
 * Header words for each field, as plain words (src/domain/service-log-values.ts `plainWords`). A header
 * equal to one of them is sure; one that contains one as whole words is likely (the longest match wins,
 * so "provider name" is the provider and not the student's name).
 */
const HEADER_WORDS: Readonly<Record<LogField, readonly string[]>> = {
  date: [
    'date',
    'dates',
    'service date',
    'session date',
    'date of service',
    'date of session',
    'dos',
    'log date',
    'day',
    'date served',
    'date provided',
    'service day',
    'session day',
    'event date',
    'appointment date',
    'date time',
    'date/time',
    'session date/time',
    'fecha',
    'fecha de servicio',
  ],
  startTime: [
    'time',
    'start time',
    'start',
    'time in',
    'begin',
    'begin time',
    'session time',
    'from',
    'start of session',
    'time start',
    'hora',
  ],
  endTime: ['end time', 'end', 'time out', 'stop', 'stop time', 'to', 'finish', 'end of session', 'time end'],
  minutes: [
    'minutes',
    'mins',
    'min',
    'duration',
    'length',
    'time spent',
    'service minutes',
    'minutes delivered',
    'delivered minutes',
    'actual minutes',
    'minutes actual',
    'actual',
    'delivered',
    'total minutes',
    'session length',
    'session minutes',
    'minutes served',
    'minutes provided',
    'duration min',
    'duration minutes',
    'hours',
    'hrs',
    'duration hours',
    'duration hrs',
    'service hours',
    'time min',
    'minutos',
    'duracion',
  ],
  plannedMinutes: [
    'scheduled minutes',
    'minutes scheduled',
    'planned minutes',
    'minutes planned',
    'iep minutes',
    'minutes required',
    'required minutes',
    'scheduled',
    'planned',
    'expected minutes',
    'mandated minutes',
    'frequency minutes',
  ],
  service: [
    'service',
    'service type',
    'service area',
    'discipline',
    'service provided',
    'related service',
    'therapy',
    'therapy type',
    'type of service',
    'program',
    'service name',
    'iep service',
    'service description',
    'area',
    'servicio',
  ],
  provider: [
    'provider',
    'provider name',
    'service provider',
    'therapist',
    'clinician',
    'staff',
    'staff name',
    'staff member',
    'logged by',
    'entered by',
    'provided by',
    'provider/staff',
    'case manager',
    'practitioner',
    'rendering provider',
    'proveedor',
  ],
  status: [
    'status',
    'attendance',
    'session status',
    'delivery status',
    'outcome',
    'result',
    'attended',
    'service status',
    'code',
    'attendance code',
    'session outcome',
    'session code',
    'status code',
    'service code',
    'session type',
    'session note type',
    'delivered y/n',
    'provided y/n',
    'held',
    'estado',
    'asistencia',
  ],
  reason: [
    'reason',
    'absence reason',
    'reason missed',
    'missed reason',
    'cancellation reason',
    'reason for absence',
    'reason not provided',
    'reason for missed session',
    'non delivery reason',
    'reason code',
    'motivo',
  ],
  studentName: [
    'student',
    'student name',
    'name',
    'child',
    'child name',
    'learner',
    'pupil',
    'student full name',
    'full name',
    'students',
    'student last first',
    'estudiante',
    'alumno',
  ],
  studentFirstName: ['first name', 'student first name', 'first', 'given name', 'fname', 'nombre'],
  studentLastName: ['last name', 'student last name', 'surname', 'last', 'family name', 'lname', 'apellido'],
  studentId: [
    'student id',
    'id',
    'student number',
    'student #',
    'student no',
    'stu id',
    'sis id',
    'local id',
    'state id',
    'ssid',
    'lasid',
    'sasid',
    'osis',
    'id number',
    'student id number',
    'perm id',
    'oen',
    'pen',
  ],
  notes: [
    'notes',
    'note',
    'comments',
    'comment',
    'session notes',
    'progress notes',
    'progress note',
    'narrative',
    'description',
    'activities',
    'remarks',
    'session note',
    'provider notes',
    'notas',
    'comentarios',
  ],
};

/** A header word that says the column holds hours, not minutes. */
const HOURS_HEADER = /\b(hours|hrs|hr)\b/;

export type HeaderMatch = { field: LogField; score: number };

/** How well a header names a field: 3 when it is one of the field's words, 2 when it holds one, else 0. */
function headerScore(header: string, field: LogField): number {
  const text = plainHeader(header);
  if (text === '') return 0;
  let best = 0;
  for (const word of HEADER_WORDS[field]) {
    const w = plainHeader(word);
    if (text === w) return 3 + w.length / 1000;
    if (` ${text} `.includes(` ${w} `)) best = Math.max(best, 2 + w.length / 1000);
  }
  return best;
}

/** A header in plain words, without a unit in brackets ("Duration (min)" → "duration min"). */
export function plainHeader(header: string): string {
  return plainWords(header.replace(/\s+#/g, ' #'))
    .replace(/\bno\b\.?$/, 'no')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a column's header says it holds hours. */
export function headerSaysHours(header: string): boolean {
  return HOURS_HEADER.test(plainHeader(header)) && !/\bmin/.test(plainHeader(header));
}

export type ColumnGuess = {
  /** The column, 0-based. */
  index: number;
  header: string;
  field: LogField | null;
  /** 'sure' for a header that is one of the field's words, 'likely' for one that holds them. */
  confidence: 'sure' | 'likely' | null;
};

/**
 * Which column is which field: every (column, field) pair scored by its header, then the best pairs
 * taken first, each column and each field once. A header that names no field is left unmapped.
 */
export function guessColumns(headers: readonly string[]): ColumnGuess[] {
  const pairs: { index: number; field: LogField; score: number }[] = [];
  for (const [index, header] of headers.entries()) {
    for (const field of LOG_FIELDS) {
      const score = headerScore(header, field);
      if (score > 0) pairs.push({ index, field, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.index - b.index);
  const byColumn = new Map<number, { field: LogField; score: number }>();
  const used = new Set<LogField>();
  for (const p of pairs) {
    if (byColumn.has(p.index) || used.has(p.field)) continue;
    byColumn.set(p.index, p);
    used.add(p.field);
  }
  // Both a first and a last name: the whole name is theirs, not a third column's.
  return headers.map((header, index) => {
    const found = byColumn.get(index);
    return {
      index,
      header,
      field: found?.field ?? null,
      confidence: found ? (found.score >= 3 ? 'sure' : 'likely') : null,
    };
  });
}

/** The total of a guess: how much a row looks like a header. */
function headerRowScore(cells: readonly string[]): { score: number; fields: number } {
  const guess = guessColumns(cells);
  let score = 0;
  let fields = 0;
  for (const g of guess) {
    if (!g.field) continue;
    fields++;
    score += g.confidence === 'sure' ? 3 : 2;
  }
  return { score, fields };
}

export type HeaderFound = {
  /** The header's rows, 0-based in the grid (one row, or a group row and the row under it). */
  rows: number[];
  /** Each column's header, the group's words before the column's own ("Student" + "ID" → "Student ID"). */
  headers: string[];
};

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * The row that heads the table: among the first `scan` rows, the one whose cells name the most fields
 * (at least two, and a date among them or three of any kind). When the row above it is a group row (it
 * has fewer filled cells, and reading the two together names at least as many fields), both are the
 * header: a group's words carry over the empty cells to its right, as a merged cell spans them.
 */
export function findHeader(grid: readonly (readonly string[])[], scan = 30): HeaderFound | null {
  let best: { row: number; score: number } | null = null;
  for (let r = 0; r < Math.min(scan, grid.length); r++) {
    const cells = grid[r]!;
    if (isBlank(cells)) continue;
    const { score, fields } = headerRowScore(cells);
    const guess = guessColumns(cells);
    const hasDate = guess.some((g) => g.field === 'date');
    if (fields < 2 || (!hasDate && fields < 3)) continue;
    if (!best || score > best.score) best = { row: r, score };
  }
  if (!best) return null;
  const row = grid[best.row]!;
  const above = best.row > 0 ? grid[best.row - 1]! : null;
  if (above && asOneHeader(above, row)) {
    return { rows: [best.row - 1, best.row], headers: combineHeaderRows(above, row) };
  }
  const below = grid[best.row + 1];
  if (below && asOneHeader(row, below)) {
    return { rows: [best.row, best.row + 1], headers: combineHeaderRows(row, below) };
  }
  return { rows: [best.row], headers: row.map((c) => c.trim()) };
}

/**
 * Whether a row is a group row over the next one: short words with no numbers, no colon (not a title's
 * "Printed: 11/2/2026"), at least two groups or a merged cell's repeated words, fewer filled cells than
 * the row under it unless merged, and a row under it with no dates or numbers (not the first session);
 * and reading the two together names at least as many fields as either alone.
 */
function asOneHeader(group: readonly string[], own: readonly string[]): boolean {
  const filledGroup = group.map((c) => c.trim()).filter((c) => c !== '');
  const filledOwn = own.map((c) => c.trim()).filter((c) => c !== '');
  if (filledGroup.length === 0 || filledOwn.length === 0) return false;
  if (filledGroup.some((c) => c.length > 30 || /[\d:]/.test(c))) return false;
  if (filledOwn.some((c) => /\d/.test(c))) return false;
  const repeats = group.some((c, i) => i > 0 && c.trim() !== '' && c.trim() === group[i - 1]!.trim());
  if (!repeats && (filledGroup.length < 2 || filledGroup.length >= filledOwn.length)) return false;
  const both = headerRowScore(combineHeaderRows(group, own)).fields;
  return both >= headerRowScore(own).fields && both >= headerRowScore(group).fields;
}

/** Two header rows read as one: the group's words (carried right over empty cells) before each column's. */
export function combineHeaderRows(group: readonly string[], own: readonly string[]): string[] {
  const width = Math.max(group.length, own.length);
  const out: string[] = [];
  let carried = '';
  for (let i = 0; i < width; i++) {
    const g = (group[i] ?? '').trim();
    const o = (own[i] ?? '').trim();
    if (g !== '') carried = g;
    // A group carries over only to columns that have words of their own under it.
    const groupWords = g !== '' ? g : o !== '' ? carried : '';
    if (o === '') out.push(groupWords);
    else if (groupWords === '' || plainHeader(groupWords) === plainHeader(o)) out.push(o);
    else out.push(`${groupWords} ${o}`);
  }
  return out;
}

/** A header's words as the remembered mapping keys them. */
export function headerKey(header: string): string {
  return plainHeader(header);
}
