import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import {
  ServiceLogAcceptInput as AcceptInput,
  type ServiceLogAcceptInput,
  type ServiceLogImport,
  type ServiceLogMark,
  ServiceLogMarkInput,
  type ServiceLogPreview,
  type ServiceLogView,
} from '../../api/service-logs.ts';
import type { SessionEntry } from '../../api/sessions.ts';
import { formatLongDate } from '../../domain/dates.ts';
import { fieldMessage } from '../../domain/i18n/field-errors.ts';
import type { ServiceLogDifference } from '../../domain/letters.ts';
import type { LogProblem, ServiceLogMapping, ServiceLogRow } from '../../domain/service-log-read.ts';
import {
  DIFFERENCE_KINDS,
  type FamilyEntry,
  reconcileServiceLog,
  reconciliationSummary,
  schoolSessionOf,
} from '../../domain/service-log-reconcile.ts';
import { mappingToRemember } from '../../domain/service-log-remembered.ts';
import {
  ServiceLogMappingSchema,
  ServiceLogRowSchema,
  type ServiceLogSummary,
  ServiceLogSummarySchema,
} from '../../domain/service-log-schemas.ts';
import { plainWords } from '../../domain/service-log-values.ts';
import { logNoteWords, logProblemWords, rowReasonWords } from '../../domain/service-log-words.ts';
import { SessionEntryInput } from '../../domain/session-entry.ts';
import {
  readServiceLogUpload,
  SERVICE_LOG_IN_REQUEST_MAX_BYTES,
  type ServiceLogReadContext,
  type ServiceLogUploadRead,
} from '../../importers/service-log-upload.ts';
import { requireChild } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import { plansOfChild } from '../../store/plans.repository.ts';
import type { Db } from '../../store/repository.ts';
import type { ChildRow, Database, ServiceLogImportRow, ServiceLogMarkRow } from '../../store/schema.ts';
import {
  findMark,
  importMappingOf,
  importRowsOf,
  importSummaryOf,
  insertMark,
  insertServiceLogImport,
  latestStudentId,
  mappingsOfSchool,
  marksOfImport,
  rememberMapping,
  requireServiceLogImport,
  serviceLogImportsOfChild,
  updateMark,
} from '../../store/service-logs.repository.ts';
import { servicesWithPlan, serviceTerms } from '../../store/services.repository.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import {
  AppError,
  apiError,
  apiWords,
  invalid,
  notFound,
  parseOrThrow,
  quotedWords,
  wordsValue,
} from '../errors.ts';
import { readDocumentTextInChildProcess, readServiceLogInChildProcess } from './iep-reading.ts';
import { journalChange } from './journal.ts';
import { loadCurrentEntries } from './session-corrections.ts';
import { segmentOn, writeSessionEntry } from './session-entries.ts';
import { loadSchedules } from './session-occurrences.ts';

// The school's own service logs (issue 19): a file read into a preview (nothing saved), an import
// saved with this child's rows only and the file's SHA-256 (journaled; the file itself is not kept,
// since a group log holds other children's rows), the reconciliation with the family's entries in
// force, school rows accepted into the record as entries with the source "school log" (through the
// session-entry service, one journal entry each, in one transaction with the marks), and the parent's
// marks ("asked about", "kept mine"). The column mapping is remembered per school by the header's
// words, so the next file from the same school needs no mapping step.

export type ServiceLogUpload = {
  bytes: Buffer;
  filename: string;
  serviceId?: string;
  studentId?: string;
  /** The mapping as JSON text (the query parameter). */
  mapping?: string;
};

/** The school a child's logs come from, as the remembered mappings key it. */
function schoolKey(child: ChildRow): string {
  return plainWords(child.school ?? '');
}

function childName(child: ChildRow): string {
  return child.first_name;
}

/** The mapping a request sends, as JSON, checked field by field (`mapping.columns.date`). */
function parseMappingText(text: string): ServiceLogMapping {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid('mapping', 'is not valid JSON', { rule: 'serviceLog.mappingJson' });
  }
  return parseOrThrow(ServiceLogMappingSchema, parsed, 'mapping');
}

type ReadUpload = ServiceLogUploadRead & {
  child: ChildRow;
  filename: string;
  size: number;
  sha256: string;
  studentId: string | null;
  school: string;
};

/**
 * Reads an uploaded log for a child: a small file in the request, a larger one (or a PDF's text) in
 * the document reader's child process, so a 50,000-row group log or a hostile PDF stalls no one else.
 */
async function readUpload(
  db: Db,
  householdId: string,
  childId: string,
  upload: ServiceLogUpload,
): Promise<ReadUpload> {
  const child = await requireChild(db, householdId, childId);
  const services = await servicesWithPlan(db, householdId, { childId });
  if (upload.serviceId && !services.some((s) => s.id === upload.serviceId))
    throw notFound('Service', upload.serviceId, 'serviceId');
  const chosen = upload.mapping ? parseMappingText(upload.mapping) : null;
  const school = schoolKey(child);
  const remembered = chosen ? [] : await mappingsOfSchool(db, householdId, school);
  const studentId = upload.studentId ?? (await latestStudentId(db, householdId, childId));
  const plans = await plansOfChild(db, householdId, childId);
  const country = plans[0]?.country === 'US' || plans[0]?.country === 'CA' ? plans[0].country : null;
  const starts = services.map((s) => s.start_date).sort();
  const ends = services.map((s) => s.end_date).sort();
  const context: ServiceLogReadContext = {
    options: {
      child: { firstName: child.first_name, lastName: child.last_name },
      studentId,
      services: services.map((s) => ({ id: s.id, name: s.name, area: s.area as never })),
      defaultServiceId: upload.serviceId ?? (services.length === 1 ? services[0]!.id : null),
      country,
      yearWithin: starts.length ? { from: starts[0]!, to: ends.at(-1)! } : null,
    },
    chosen,
    remembered: remembered.map((r) => ({ signature: r.signature, remembered: r.remembered })),
  };
  const read =
    upload.bytes.byteLength > SERVICE_LOG_IN_REQUEST_MAX_BYTES
      ? await readServiceLogInChildProcess(upload.bytes, context)
      : await readServiceLogUpload(upload.bytes, context, (bytes) => readDocumentTextInChildProcess(bytes));
  return {
    ...read,
    child,
    filename: upload.filename,
    size: upload.bytes.byteLength,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    studentId,
    school,
  };
}

type Marks = Map<string, ServiceLogMarkRow>;

/** The reconciliation of a log's rows with the child's entries in force, with the parent's marks. */
async function reconcile(
  db: Db,
  householdId: string,
  child: ChildRow,
  rows: readonly ServiceLogRow[],
  marks: Marks,
): Promise<ServiceLogView['reconciliation']> {
  const services = await servicesWithPlan(db, householdId, { childId: child.id });
  const serviceNames = Object.fromEntries(services.map((s) => [s.id, s.name]));
  const serviceIds = [...new Set(rows.map((r) => r.serviceId))];
  const dates = rows.map((r) => r.date).sort();
  const current =
    rows.length === 0
      ? []
      : await loadCurrentEntries(db, householdId, {
          childId: child.id,
          serviceIds,
          from: dates[0],
          to: dates.at(-1),
        });
  const entries: FamilyEntry[] = current.map((r) => ({
    id: r.id,
    serviceId: r.service_id,
    date: r.date,
    kind: r.kind,
    status: r.status,
    source: r.source,
    startTime: r.start_time ?? null,
    minutesDelivered: Number(r.minutes_delivered),
    reason: r.reason,
  }));
  const scheduleOf = current.length ? await loadSchedules(db, householdId, child.id) : undefined;
  const result = reconcileServiceLog(rows.map(schoolSessionOf), entries, {
    serviceNames,
    childName: childName(child),
    scheduleOf,
  });
  return {
    items: result.items.map((item) => {
      const mark = (marks.get(item.key)?.mark ?? 'open') as ServiceLogMark['mark'];
      return {
        ...item,
        mark,
        acceptable: item.school != null && item.recordedEntryId == null && mark !== 'accepted',
      };
    }),
    counts: Object.fromEntries(DIFFERENCE_KINDS.map((k) => [k, result.counts[k]])) as Record<
      (typeof DIFFERENCE_KINDS)[number],
      number
    >,
    recorded: result.recorded,
    summary: reconciliationSummary(result),
  };
}

/**
 * Reads a file into a preview for the mapping step and the reconciliation table: nothing is saved. A
 * file that cannot be read at all (not text or a spreadsheet, too large, too many rows) is a 400 naming
 * `file`; one that reads but is not this child's log answers with its `problem`.
 */
export async function previewServiceLog(
  db: Db,
  householdId: string,
  childId: string,
  upload: ServiceLogUpload,
): Promise<ServiceLogPreview> {
  const read = await readUpload(db, householdId, childId, upload);
  const { reading } = read;
  const reconciliation = reading.problem
    ? await reconcile(db, householdId, read.child, [], new Map())
    : await reconcile(db, householdId, read.child, reading.rows, new Map());
  // What the PDF reader left out (a page it could not read) comes first: the parent checks those pages.
  const notes = [...read.fileNotes, ...reading.notes];
  return {
    filename: read.filename,
    format: read.format,
    sheet: read.sheet,
    size: read.size,
    sha256: read.sha256,
    remembered: read.remembered,
    studentId: read.studentId,
    header: reading.header,
    mapping: reading.mapping,
    counts: reading.counts,
    otherStudentNames: reading.otherStudentNames,
    // Each row not read with its reason's words, for the page to say in the reader's language.
    unread: reading.unread.map((u) => {
      const words = rowReasonWords(u.reason);
      return words ? { ...u, words } : u;
    }),
    services: reading.services,
    unknownStatuses: reading.unknownStatuses,
    dates: reading.dates,
    notes,
    // Each note's words, for the page to say in the reader's language.
    noteWords: notes.map(logNoteWords),
    firstRows: read.firstRows,
    rows: reading.problem ? [] : reading.rows,
    problem: reading.problem
      ? {
          kind: reading.problem.kind,
          message: reading.problem.message,
          words: logProblemWords(reading.problem),
        }
      : null,
    reconciliation,
  };
}

export function toServiceLogImport(row: ServiceLogImportRow): ServiceLogImport {
  return {
    id: row.id,
    householdId: row.household_id,
    childId: row.child_id,
    serviceId: row.service_id,
    filename: row.filename,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    sheet: row.sheet,
    school: row.school,
    studentId: row.student_id,
    mapping: importMappingOf(row),
    summary: importSummaryOf(row),
    rows: importRowsOf(row),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toServiceLogMark(row: ServiceLogMarkRow): ServiceLogMark {
  return {
    id: row.id,
    householdId: row.household_id,
    importId: row.import_id,
    itemKey: row.item_key,
    mark: row.mark as ServiceLogMark['mark'],
    sessionEntryId: row.session_entry_id,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function viewOf(db: Db, householdId: string, row: ServiceLogImportRow): Promise<ServiceLogView> {
  const imported = toServiceLogImport(row);
  const child = await requireChild(db, householdId, row.child_id);
  const marks = await marksOfImport(db, householdId, row.id);
  const byKey: Marks = new Map(marks.map((m) => [m.item_key, m]));
  return {
    import: imported,
    // The notes kept in English, with their words found back, for the page to say in the reader's language.
    noteWords: imported.summary.notes.map(logNoteWords),
    marks: marks.map(toServiceLogMark),
    reconciliation: await reconcile(db, householdId, child, imported.rows, byKey),
  };
}

const problemField = (kind: string) => (kind === 'needs_student_id' ? 'studentId' : 'file');

/** A file the reader read but that cannot be taken: a 400 naming `file` (or `studentId`), with its words. */
export function logProblemError({ kind, message, words }: LogProblem): AppError {
  return new AppError(
    'validation_failed',
    message,
    [{ path: problemField(kind), message }],
    logProblemWords({ words }),
  );
}

/**
 * Saves a log the parent confirmed: this child's rows as read with the mapping, the file's name, size
 * and SHA-256, and what was not read and why, journaled in one transaction; the mapping is remembered
 * for the school. A file that is not this child's log (or reads no row) is refused, and nothing is saved.
 */
export async function importServiceLog(
  store: Store,
  ctx: ServiceContext,
  childId: string,
  upload: ServiceLogUpload,
): Promise<ServiceLogView> {
  const read = await readUpload(store.db, ctx.householdId, childId, upload);
  const { reading } = read;
  if (reading.problem) {
    throw logProblemError(reading.problem);
  }
  const summary: ServiceLogSummary = {
    counts: reading.counts,
    otherStudentNames: reading.otherStudentNames,
    unread: reading.unread,
    notes: reading.notes,
    dates: reading.dates,
  };
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const at = ctx.clock.now();
    const row: ServiceLogImportRow = {
      id: ctx.newId(),
      household_id: ctx.householdId,
      child_id: read.child.id,
      service_id: upload.serviceId ?? null,
      filename: read.filename,
      media_type: read.mediaType,
      size: read.size,
      sha256: read.sha256,
      sheet: read.sheet,
      school: read.school,
      student_id: read.studentId,
      // Through their schemas, so the stored JSON has the key order an export and an import keep.
      mapping: JSON.stringify(ServiceLogMappingSchema.parse(reading.mapping)),
      summary: JSON.stringify(ServiceLogSummarySchema.parse(summary)),
      rows: JSON.stringify(z.array(ServiceLogRowSchema).parse(reading.rows)),
      created_by: actorLabel(ctx.actor),
      created_at: at,
      updated_at: at,
    };
    await insertServiceLogImport(trx, row);
    await journalChange(trx, ctx, {
      action: 'create',
      entity: 'service_log_import',
      entityId: row.id,
      data: toServiceLogImport(row),
      at,
    });
    const toRemember = mappingToRemember(reading);
    if (toRemember) {
      await rememberMapping(trx, {
        id: ctx.newId(),
        household_id: ctx.householdId,
        school: read.school,
        signature: toRemember.signature,
        mapping: JSON.stringify(toRemember.remembered),
        updated_by: actorLabel(ctx.actor),
        created_at: at,
        updated_at: at,
      });
    }
    return viewOf(trx, ctx.householdId, row);
  });
}

export async function getServiceLog(db: Db, householdId: string, id: string): Promise<ServiceLogView> {
  return viewOf(db, householdId, await requireServiceLogImport(db, householdId, id));
}

export async function listServiceLogs(db: Db, householdId: string, childId: string) {
  await requireChild(db, householdId, childId);
  const rows = await serviceLogImportsOfChild(db, householdId, childId);
  return rows.map((r) => {
    const { rows: _rows, mapping: _mapping, ...rest } = toServiceLogImport({ ...r, rows: '[]' });
    return rest;
  });
}

/** The note an accepted row's entry carries: where it came from, with the file's SHA-256. */
function noteOf(row: ServiceLogRow, imported: ServiceLogImportRow): string {
  const parts = [
    `From the school's service log "${imported.filename}" (SHA-256 ${imported.sha256}), line ${row.line}.`,
  ];
  if (row.statusText) parts.push(`The log says: ${row.statusText}.`);
  if (row.provider) parts.push(`Provider: ${row.provider}.`);
  if (row.note) parts.push(`Notes: ${row.note}`);
  return parts.join(' ').slice(0, 5000);
}

/**
 * Why a row of the log cannot be an entry, by its code: the English the refusal writes after "line N
 * cannot be accepted: " (`error.rule.serviceLog.lineNotAcceptable` says each, by its code, in every
 * language).
 */
export const NOT_ACCEPTABLE = {
  makeupNoMinutes: 'the log gives no minutes for this make-up',
  shortNoMinutes: 'the log gives no minutes for a shortened session',
  noPlannedLength:
    'the log does not give the minutes the session was meant to last, and the plan has no session length',
  noMinutes: 'the log gives no minutes, and the plan has no session length',
} as const;
export type NotAcceptable = keyof typeof NOT_ACCEPTABLE;

/** A line of the log that cannot be an entry: a 400 naming the line's field, with its rule. */
export function lineNotAcceptable(field: string, line: number, problem: NotAcceptable): AppError {
  return invalid(field, `line ${line} cannot be accepted: ${NOT_ACCEPTABLE[problem]}`, {
    rule: 'serviceLog.lineNotAcceptable',
    values: { line, problem },
  });
}

/** A row of the log as a session entry's input, by the rules of an entry (a delivered row short of the plan's minutes is "short"). */
function entryInputOf(
  row: ServiceLogRow,
  imported: ServiceLogImportRow,
  planned: number | null,
  nonSchoolDayConfirmed: boolean,
): z.input<typeof SessionEntryInput> | { problem: NotAcceptable } {
  const base = {
    serviceId: row.serviceId,
    date: row.date,
    source: 'school_log' as const,
    startTime: row.startTime,
    note: noteOf(row, imported),
    nonSchoolDayConfirmed,
  };
  if (row.kind === 'makeup') {
    const minutes = row.minutes ?? row.plannedMinutes ?? planned;
    if (!minutes) return { problem: 'makeupNoMinutes' };
    return { ...base, kind: 'makeup', status: 'delivered', minutesDelivered: minutes };
  }
  const minutesPlanned = planned == null ? (row.plannedMinutes ?? null) : null;
  if (row.status === 'missed' || (row.status === 'delivered' && row.minutes === 0)) {
    if (planned == null && minutesPlanned == null) return { problem: 'noPlannedLength' };
    return {
      ...base,
      status: 'missed',
      reason: row.status === 'missed' ? (row.reason ?? 'unknown') : 'unknown',
      minutesDelivered: 0,
      minutesPlanned,
    };
  }
  const given = row.minutes;
  const length = planned ?? minutesPlanned;
  if (row.status === 'short' || (given != null && length != null && given < length)) {
    if (given == null || given === 0) return { problem: 'shortNoMinutes' };
    if (length != null && given >= length) {
      return { ...base, status: 'delivered', minutesDelivered: given, minutesPlanned };
    }
    if (length == null) return { problem: 'noPlannedLength' };
    return {
      ...base,
      status: 'short',
      minutesDelivered: given,
      minutesPlanned,
      reason: row.reason ?? 'unknown',
      reasonText: `The school's log gives ${given} of ${length} minutes.`,
    };
  }
  if (given == null && planned == null && minutesPlanned == null) return { problem: 'noMinutes' };
  return { ...base, status: 'delivered', minutesDelivered: given ?? null, minutesPlanned };
}

async function saveMark(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  importId: string,
  itemKey: string,
  mark: ServiceLogMark['mark'],
  sessionEntryId: string | null,
  note: string | null,
): Promise<void> {
  const at = ctx.clock.now();
  const existing = await findMark(trx, ctx.householdId, importId, itemKey);
  if (!existing) {
    const row: ServiceLogMarkRow = {
      id: ctx.newId(),
      household_id: ctx.householdId,
      import_id: importId,
      item_key: itemKey,
      mark,
      session_entry_id: sessionEntryId,
      note,
      created_by: actorLabel(ctx.actor),
      created_at: at,
      updated_at: at,
    };
    await insertMark(trx, row);
    await journalChange(trx, ctx, {
      action: 'create',
      entity: 'service_log_mark',
      entityId: row.id,
      data: toServiceLogMark(row),
      at,
    });
    return;
  }
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  if (existing.mark !== mark) changed.mark = { from: existing.mark, to: mark };
  if (existing.session_entry_id !== sessionEntryId)
    changed.sessionEntryId = { from: existing.session_entry_id, to: sessionEntryId };
  if (existing.note !== note) changed.note = { from: existing.note, to: note };
  if (Object.keys(changed).length === 0) return;
  await updateMark(trx, ctx.householdId, existing.id, {
    mark,
    session_entry_id: sessionEntryId,
    note,
    updated_at: at,
  });
  await journalChange(trx, ctx, {
    action: 'update',
    entity: 'service_log_mark',
    entityId: existing.id,
    data: { changed },
    at,
  });
}

/**
 * Accepts rows of the school's log into the record: each an entry with the source "school log" (set
 * here, never by the request), through the session-entry service with its rules and its journal
 * entry, and a mark "accepted" naming it; all in one transaction. Accepted rows join the family's
 * entries about the same session as sources of one occurrence: the session is counted once.
 */
export async function acceptServiceLogRows(
  store: Store,
  ctx: ServiceContext,
  importId: string,
  body: unknown,
): Promise<{ entries: SessionEntry[]; view: ServiceLogView }> {
  const input: z.infer<typeof ServiceLogAcceptInput> = parseOrThrow(AcceptInput, body);
  const today = ctx.clock.today();
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const imported = await requireServiceLogImport(trx, ctx.householdId, importId);
    const rows = importRowsOf(imported);
    const before = await viewOf(trx, ctx.householdId, imported);
    const itemOf = new Map(before.reconciliation.items.map((i) => [i.key, i]));
    const services = await servicesWithPlan(trx, ctx.householdId, { childId: imported.child_id });
    const entries: SessionEntry[] = [];
    const seen = new Set<number>();
    for (const [i, line] of input.lines.entries()) {
      const field = `lines.${i}`;
      const row = rows.find((r) => r.line === line);
      if (!row)
        throw invalid(field, `line ${line} is not one of this log’s rows for the child`, {
          rule: 'serviceLog.lineUnknown',
          values: { line },
        });
      if (seen.has(line))
        throw invalid(field, `line ${line} is listed twice`, {
          rule: 'serviceLog.lineTwice',
          values: { line },
        });
      seen.add(line);
      const item = itemOf.get(`line:${line}`);
      if (item && !item.acceptable)
        throw apiError('conflict', 'serviceLog.lineInRecord', { line, longDate: row.date }, [
          { path: field, message: 'is in the record already' },
        ]);
      if (row.date > today)
        throw invalid(field, `is dated ${row.date}, after today; accept it once it has happened`, {
          rule: 'serviceLog.lineFuture',
          values: { date: row.date },
        });
      const service = services.find((s) => s.id === row.serviceId);
      if (!service) throw notFound('Service', row.serviceId, field);
      const planned = segmentOn(serviceTerms(service), row.date)?.minutesPerSession ?? null;
      const made = entryInputOf(row, imported, planned, input.nonSchoolDayConfirmed);
      if ('problem' in made) throw lineNotAcceptable(field, line, made.problem);
      let entry: SessionEntry;
      try {
        entry = await writeSessionEntry(trx, ctx, parseOrThrow(SessionEntryInput, made));
      } catch (error) {
        if (error instanceof AppError && error.code === 'validation_failed')
          throw lineRefused(field, line, row.date, error);
        throw error;
      }
      await saveMark(trx, ctx, importId, `line:${line}`, 'accepted', entry.id, null);
      entries.push(entry);
    }
    return { entries, view: await viewOf(trx, ctx.householdId, imported) };
  });
}

/**
 * A line the entry's own rules refuse: "Line 3 (Friday, December 4): minutes must be …", the field's
 * refusal (or the error's own) quoted with its words, so a reader of another language gets it in
 * theirs, on the error and on the line's field.
 */
export function lineRefused(field: string, line: number, date: string, error: AppError): AppError {
  const first = error.fields?.[0];
  const detail = first?.message ?? error.message;
  const where = first?.path;
  // The field's refusal by its code and limits, else the error's words when they say it (the whole
  // message, or what it quotes: a day with no school's question).
  const detailWords = !first
    ? error.words
    : (fieldMessage(first) ??
      (detail === error.message ? error.words : error.words && quotedWords(error.words, detail)));
  const problem = `${where ? `${where} ` : ''}${detail}`;
  const problemWords = where
    ? apiWords('serviceLog.fieldProblem', {
        field: where,
        detail,
        ...(detailWords ? { detailWords: wordsValue(detailWords) } : {}),
      }).words
    : detailWords;
  const { message, words } = apiWords('serviceLog.lineRefused', {
    line: String(line),
    longDate: date,
    problem,
    ...(problemWords ? { problemWords: wordsValue(problemWords) } : {}),
  });
  return new AppError('validation_failed', message, [{ path: field, message: problem }], words);
}

/** Marks one line of the reconciliation: asked about, kept mine, or open again. */
export async function markServiceLogItem(
  store: Store,
  ctx: ServiceContext,
  importId: string,
  body: unknown,
): Promise<ServiceLogView> {
  const input = parseOrThrow(ServiceLogMarkInput, body);
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const imported = await requireServiceLogImport(trx, ctx.householdId, importId);
    const view = await viewOf(trx, ctx.householdId, imported);
    const item = view.reconciliation.items.find((i) => i.key === input.itemKey);
    const existing = view.marks.find((m) => m.itemKey === input.itemKey);
    if (!item && !existing)
      throw invalid('itemKey', 'is not a line of this log’s reconciliation', {
        rule: 'serviceLog.notReconciliationLine',
      });
    if (existing?.mark === 'accepted')
      throw apiError('conflict', 'serviceLog.lineAccepted', undefined, [
        { path: 'mark', message: 'was accepted into the record; correct or void its entry instead' },
      ]);
    await saveMark(trx, ctx, importId, input.itemKey, input.mark, null, input.note);
    return viewOf(trx, ctx.householdId, imported);
  });
}

/**
 * The lines a letter asked the school about, marked "asked about" when the letter is marked as sent (in
 * the sending's transaction, each with its journal entry): a line accepted into the record since, or
 * gone from the reconciliation, is left as it is; a line the parent had marked otherwise is asked about
 * now, since the letter asked.
 */
export async function markAskedInLetter(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  importId: string,
  itemKeys: readonly string[],
  sentOn: string,
): Promise<void> {
  const imported = await requireServiceLogImport(trx, ctx.householdId, importId);
  const view = await viewOf(trx, ctx.householdId, imported);
  const inReconciliation = new Set(view.reconciliation.items.map((i) => i.key));
  for (const key of itemKeys) {
    const existing = view.marks.find((m) => m.itemKey === key);
    if (!inReconciliation.has(key) || existing?.mark === 'accepted' || existing?.mark === 'asked_about')
      continue;
    await saveMark(trx, ctx, importId, key, 'asked_about', null, `Asked in the letter sent on ${sentOn}`);
  }
}

/**
 * The differences of a log's reconciliation the parent picked, by their keys, for the letter that asks
 * about them (src/domain/letters/service-log-questions.ts): what the school's log and the family's record
 * each say, read again from the log and the record as they are now. A key the reconciliation does not
 * have, or a line where both agree, is refused naming the key (`request.itemKeys.<i>`).
 */
export async function serviceLogDifferences(
  db: Db,
  householdId: string,
  childId: string,
  importId: string,
  itemKeys: readonly string[],
): Promise<ServiceLogDifference[]> {
  const imported = await requireServiceLogImport(db, householdId, importId);
  if (imported.child_id !== childId) throw notFound('Service log', importId, 'request.importId');
  const view = await viewOf(db, householdId, imported);
  const byKey = new Map(view.reconciliation.items.map((i) => [i.key, i]));
  const seen = new Set<string>();
  return itemKeys.map((key, i) => {
    const field = `request.itemKeys.${i}`;
    const item = byKey.get(key);
    if (!item)
      throw invalid(field, 'is not a line of this log’s reconciliation', {
        rule: 'serviceLog.notReconciliationLine',
      });
    if (seen.has(key)) throw invalid(field, 'is listed twice', { rule: 'list.twice' });
    seen.add(key);
    if (item.kind === 'agree')
      throw invalid(field, `is a line where the log and your record agree (${formatLongDate(item.date)})`, {
        rule: 'serviceLog.lineAgrees',
        values: { date: item.date },
      });
    return {
      serviceId: item.serviceId,
      date: item.date,
      kind: item.kind,
      school: item.school
        ? {
            kind: item.school.kind,
            status: item.school.status,
            minutes: item.school.minutes,
            reason: item.school.reason,
          }
        : null,
      family: item.family
        ? {
            sources: item.family.sources,
            status: item.family.status,
            minutes: item.family.minutes,
            reason: item.family.reason,
            entryIds: item.family.entryIds,
          }
        : null,
    };
  });
}
