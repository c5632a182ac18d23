import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { AttachmentSchema } from '../../api/attachments.ts';
import { DISTRICT_CALENDAR_STATUSES } from '../../api/district-calendars.ts';
import { IEP_DOCUMENT_STATUSES } from '../../api/iep-documents.ts';
import { ServiceLogImport, ServiceLogMark } from '../../api/service-logs.ts';
import { IEP_DOCUMENT_TYPES, sniffType } from '../../domain/attachment-types.ts';
import {
  AddedDistrictDay,
  FeedAddressSchema,
  KnownDistrictEvent,
  PENDING_MAX,
  PendingDistrictChange,
  RECENT_MAX,
} from '../../domain/calendar-subscription.ts';
import { findInputProblem, IdSchema, IsoDateSchema } from '../../domain/common.ts';
import { IepDraft } from '../../domain/iep-draft.ts';
import { LETTER_ATTACHMENTS } from '../../domain/letters.ts';
import { RememberedMapping } from '../../domain/service-log-schemas.ts';
import { findHousehold, insertHousehold, insertMembership } from '../../store/accounts.repository.ts';
import type { Store } from '../../store/database.ts';
import {
  anyIdInTable,
  householdRowsOfTable,
  insertHouseholdRows,
} from '../../store/household-rows.repository.ts';
import { GENESIS_HASH, journalEntryHash, verifyChain } from '../../store/journal-hash.ts';
import {
  IDENTIFIED_TABLES,
  idsAt,
  RECORD_REFERENCES,
  type ReferencingTable,
  targetTables,
} from '../../store/record-references.ts';
import type { Database } from '../../store/schema.ts';
import { AppError, apiError, issuesToFields, notFound, validationError } from '../errors.ts';
import { checkImportedFiles, checkImportedRecords } from './import-rules.ts';
import { recordToRow, rowToRecord } from './record-mapping.ts';
import { toApiRecord } from './records.ts';
import { outputSchema, RESOURCES, type ResourceDef } from './resources.ts';

// The household export format, "as-written/1": one JSON document with every record of a
// household, its plan versions, its session entries and its journal, in a fixed order, so that
// export -> import into an empty database -> export gives the same document (apart from
// `exportedAt`). docs/export-format.schema.json is generated from ExportDocument below.

export const EXPORT_FORMAT = 'as-written/1';

type Section = {
  key: string;
  table: keyof Database & string;
  /** For plan records: the API shape (reshaped); others are the row with camelCase names. */
  resource?: ResourceDef;
  jsonFields: string[];
  order: string[];
  schema: z.ZodType;
  /** Reshape a row for the document, and back (binary columns travel as base64). */
  encode?: (record: Record<string, unknown>) => Record<string, unknown>;
  decode?: (record: Record<string, unknown>) => Record<string, unknown>;
  /** Added to the format later: a document without it still imports (as none). */
  added?: true;
  /** Checks or completes a whole section's rows (already in row shape) before they are written. */
  decodeAll?: (rows: Record<string, unknown>[]) => Record<string, unknown>[];
};

/**
 * The journal of an import must verify as it is (a file whose history was altered is refused); an
 * export from before the hash chain has no hashes, and is chained now, in its order.
 */
function chainImportedJournal(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const fields = (r: Record<string, unknown>, prevHash: string) => ({
    householdId: r.household_id as string,
    seq: Number(r.seq),
    at: r.at as string,
    actor: r.actor as string,
    action: r.action as string,
    entity: r.entity as string,
    entityId: r.entity_id as string,
    data: r.data as string,
    prevHash,
  });
  if (rows.every((r) => r.hash == null)) {
    let prevHash = GENESIS_HASH;
    return rows.map((r) => {
      const hash = journalEntryHash(fields(r, prevHash));
      const out = { ...r, prev_hash: prevHash, hash };
      prevHash = hash;
      return out;
    });
  }
  const problem = verifyChain(
    rows.map((r) => ({ ...fields(r, r.prev_hash as string), id: r.id as string, hash: r.hash as string })),
  );
  if (problem) {
    throw validationError([
      { path: `journal.${problem.seq - 1}`, message: `does not verify: ${problem.message}` },
    ]);
  }
  return rows;
}

const Instant = z.string().meta({ format: 'date-time' });

const PlanVersionRecord = z.object({
  id: IdSchema,
  householdId: IdSchema,
  planId: IdSchema,
  versionNumber: z.number().int().min(1),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  summary: z.string(),
  snapshot: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('The plan content frozen when this version was superseded'),
  sourceAttachmentId: IdSchema.nullable()
    .default(null)
    .describe('The document this version was read from (an attachment); absent in exports before it existed'),
  createdAt: Instant,
});

const SessionEntryRecord = z.object({
  id: IdSchema,
  householdId: IdSchema,
  childId: IdSchema,
  serviceId: IdSchema,
  planVersionId: IdSchema.nullable(),
  date: z.string(),
  kind: z.string(),
  status: z.string(),
  minutesDelivered: z.number().int().min(0),
  minutesPlanned: z.number().int().nullable(),
  reason: z.string().nullable(),
  reasonText: z.string().nullable(),
  responsibility: z.string().nullable(),
  makeupForEntryId: IdSchema.nullable(),
  source: z.string(),
  note: z.string().nullable(),
  correctsEntryId: IdSchema.nullable(),
  recordedBy: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
  startTime: z.string().nullable().default(null),
  /**
   * Accepted on a day with no school (src/domain/school-days.ts). An older export has no such field:
   * its entries import as false, and import does not ask about dates (it writes what was exported).
   */
  nonSchoolDayConfirmed: z.boolean().default(false),
});

const AttachmentFileRecord = z.object({
  householdId: IdSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  content: z.string().describe('The file, base64'),
  thumbnail: z.string().nullable().describe('The preview of an image, base64'),
});

const CheckInRecord = z.object({
  id: IdSchema,
  householdId: IdSchema,
  childId: IdSchema,
  date: z.string(),
  answers: z.array(z.record(z.string(), z.unknown())),
  createdAt: Instant,
  updatedAt: Instant,
});

const JournalRecord = z.object({
  id: IdSchema,
  householdId: IdSchema,
  seq: z.number().int().min(1),
  at: Instant,
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  data: z.unknown(),
  /** The hash chain (src/store/journal-hash.ts); an export made before it had none, and is chained on import. */
  prevHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

const resourceSection = (key: string, def: ResourceDef): Section => ({
  key,
  table: def.table,
  resource: def,
  jsonFields: def.jsonFields,
  order: ['id'],
  schema: outputSchema(def),
});

// Dependency order: a record comes after everything it references.
const SECTIONS: Section[] = [
  {
    key: 'attachmentFiles',
    table: 'attachment_blob',
    jsonFields: [],
    order: ['sha256'],
    schema: AttachmentFileRecord,
    added: true,
    encode: (r) => ({
      ...r,
      content: Buffer.from(r.content as Uint8Array).toString('base64'),
      thumbnail: r.thumbnail == null ? null : Buffer.from(r.thumbnail as Uint8Array).toString('base64'),
    }),
    decode: (r) => {
      const content = Buffer.from(r.content as string, 'base64');
      if (createHash('sha256').update(content).digest('hex') !== r.sha256) {
        throw validationError([
          { path: 'attachmentFiles', message: `the file with hash ${r.sha256} does not match its hash` },
        ]);
      }
      return {
        ...r,
        content,
        thumbnail: r.thumbnail == null ? null : Buffer.from(r.thumbnail as string, 'base64'),
      };
    },
  },
  {
    key: 'attachments',
    table: 'attachment',
    jsonFields: [],
    order: ['id'],
    schema: AttachmentSchema,
    added: true,
    encode: ({ hasThumbnail, size, width, height, ...r }) => ({
      ...r,
      size: Number(size),
      width: width == null ? null : Number(width),
      height: height == null ? null : Number(height),
      hasThumbnail: Number(hasThumbnail) === 1,
    }),
    decode: ({ hasThumbnail, ...r }) => ({ ...r, hasThumbnail: hasThumbnail ? 1 : 0 }),
  },
  resourceSection('children', RESOURCES.child),
  resourceSection('plans', RESOURCES.plan),
  {
    key: 'planVersions',
    table: 'plan_version',
    jsonFields: ['snapshot'],
    order: ['plan_id', 'version_number'],
    schema: PlanVersionRecord,
  },
  resourceSection('services', RESOURCES.service),
  resourceSection('accommodations', RESOURCES.accommodation),
  resourceSection('goals', RESOURCES.goal),
  resourceSection('behaviorSteps', RESOURCES.behaviorStep),
  resourceSection('keyDates', RESOURCES.keyDate),
  resourceSection('teamContacts', RESOURCES.teamContact),
  resourceSection('calendars', RESOURCES.calendar),
  resourceSection('calendarEvents', RESOURCES.calendarEvent),
  // Added by the observations release: an export of the first release has none of these four.
  { ...resourceSection('accommodationObservations', RESOURCES.accommodationObservation), added: true },
  { ...resourceSection('behaviorIncidents', RESOURCES.behaviorIncident), added: true },
  { ...resourceSection('classPeriods', RESOURCES.classPeriod), added: true },
  { ...resourceSection('goalProgress', RESOURCES.goalProgress), added: true },
  { ...resourceSection('workSamples', RESOURCES.workSample), added: true },
  {
    key: 'settings',
    table: 'household_settings',
    jsonFields: ['advisor'],
    order: ['household_id'],
    schema: z.object({
      householdId: IdSchema,
      replySchoolDays: z.number().int(),
      advisor: z.record(z.string(), z.number()),
      updatedAt: Instant,
    }),
    encode: (r) => ({ ...r, replySchoolDays: Number(r.replySchoolDays) }),
    added: true,
  },
  { ...resourceSection('communications', RESOURCES.communication), added: true },
  { ...resourceSection('parentNotes', RESOURCES.parentNote), added: true },
  { ...resourceSection('schoolAbsences', RESOURCES.schoolAbsence), added: true },
  {
    // Migration 0018: IEP documents being reviewed (not yet part of the record). Exports made before it have none.
    key: 'iepDocuments',
    table: 'iep_document',
    jsonFields: ['draft'],
    order: ['id'],
    schema: z.object({
      id: IdSchema,
      householdId: IdSchema,
      childId: IdSchema,
      filename: z.string().max(255),
      mediaType: z.enum(IEP_DOCUMENT_TYPES.map((t) => t.mediaType)),
      size: z.number().int().min(1),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      status: z.enum(IEP_DOCUMENT_STATUSES),
      draft: IepDraft.nullable(),
      error: z.string().max(2000).nullable(),
      createdBy: z.string().max(300),
      createdAt: Instant,
      updatedAt: Instant,
      expiresAt: Instant,
    }),
    encode: (r) => ({ ...r, size: Number(r.size) }),
    added: true,
  },
  {
    key: 'iepDocumentFiles',
    table: 'iep_document_bytes',
    jsonFields: [],
    order: ['document_id'],
    schema: z.object({ documentId: IdSchema, householdId: IdSchema, bytes: z.string() }),
    encode: (r) => ({ ...r, bytes: Buffer.from(r.bytes as Uint8Array).toString('base64') }),
    decode: (r) => {
      const bytes = Buffer.from(r.bytes as string, 'base64');
      // The same check as an upload: a PDF, a Word document or a photo of a page, by its bytes.
      const type = sniffType(bytes);
      if (!type || type === 'markup' || !IEP_DOCUMENT_TYPES.includes(type))
        throw validationError([
          {
            path: 'iepDocumentFiles',
            message: `the file of document ${r.documentId} is not a PDF, a Word document or a photo of a page`,
          },
        ]);
      return { ...r, bytes };
    },
    added: true,
  },
  {
    // Migration 0017: exports made before it have none.
    key: 'districtCalendars',
    table: 'district_calendar',
    jsonFields: ['known', 'pending', 'recent'],
    order: ['id'],
    schema: z.object({
      id: IdSchema,
      householdId: IdSchema,
      childId: IdSchema,
      address: FeedAddressSchema,
      name: z.string().max(200).nullable(),
      lastStatus: z.enum(DISTRICT_CALENDAR_STATUSES),
      lastError: z.string().max(2000).nullable(),
      lastReadAt: Instant.nullable(),
      known: z.array(KnownDistrictEvent).max(5000),
      pending: z.array(PendingDistrictChange).max(PENDING_MAX),
      recent: z.array(AddedDistrictDay).max(RECENT_MAX),
      createdBy: z.string().max(300),
      createdAt: Instant,
      updatedAt: Instant,
    }),
    added: true,
  },
  {
    key: 'letters',
    table: 'letter',
    jsonFields: ['recipients', 'entryIds', 'guidance', 'request'],
    order: ['id'],
    schema: z.object({
      id: IdSchema,
      householdId: IdSchema,
      childId: IdSchema,
      kind: z.string(),
      status: z.enum(['draft', 'sent']),
      subject: z.string(),
      recipients: z.object({ to: z.array(z.unknown()), cc: z.array(z.unknown()) }),
      body: z.string(),
      entryIds: z.array(z.string()),
      guidance: z.object({ placeholders: z.array(z.string()), notes: z.array(z.string()) }),
      request: z.record(z.string(), z.unknown()),
      communicationId: IdSchema.nullable(),
      // Migration 0013: exports made before it carry neither; a letter then asked no date and had no attachment.
      respondBy: IsoDateSchema.nullable().default(null),
      attachment: z.enum(LETTER_ATTACHMENTS).default('none'),
      createdAt: Instant,
      updatedAt: Instant,
    }),
    added: true,
  },
  {
    key: 'livingIepNotes',
    table: 'living_iep_notes',
    jsonFields: ['changes', 'questions'],
    order: ['child_id'],
    schema: z.object({
      childId: IdSchema,
      householdId: IdSchema,
      concerns: z.string().nullable(),
      changes: z.array(z.string()),
      questions: z.array(z.string()),
      updatedAt: Instant,
    }),
    added: true,
  },
  {
    key: 'checkIns',
    table: 'check_in',
    jsonFields: ['answers'],
    order: ['id'],
    schema: CheckInRecord,
    added: true,
  },
  {
    key: 'sessionEntries',
    table: 'session_entry',
    jsonFields: [],
    order: ['id'],
    schema: SessionEntryRecord,
    // Stored as 1 or 0, which both databases read back identically; a yes/no in the document.
    encode: ({ nonSchoolDayConfirmed, ...r }) => ({
      ...r,
      nonSchoolDayConfirmed: Number(nonSchoolDayConfirmed) === 1,
    }),
    decode: ({ nonSchoolDayConfirmed, ...r }) => ({
      ...r,
      nonSchoolDayConfirmed: nonSchoolDayConfirmed ? 1 : 0,
    }),
  },
  {
    // Migration 0023: school service logs brought in (this child's rows only, the file's SHA-256; the
    // file itself is not kept), the marks on their reconciliation, the mappings remembered per school.
    // Exports made before it have none.
    key: 'serviceLogImports',
    table: 'service_log_import',
    jsonFields: ['mapping', 'summary', 'rows'],
    order: ['id'],
    schema: ServiceLogImport,
    encode: (r) => ({ ...r, size: Number(r.size) }),
    added: true,
  },
  {
    key: 'serviceLogMarks',
    table: 'service_log_mark',
    jsonFields: [],
    order: ['id'],
    schema: ServiceLogMark,
    added: true,
  },
  {
    key: 'serviceLogMappings',
    table: 'service_log_mapping',
    jsonFields: ['mapping'],
    order: ['id'],
    schema: z.object({
      id: IdSchema,
      householdId: IdSchema,
      school: z.string().max(200),
      signature: z.string().max(20_000),
      mapping: RememberedMapping,
      updatedBy: z.string().max(300),
      createdAt: Instant,
      updatedAt: Instant,
    }),
    added: true,
  },
  {
    key: 'journal',
    table: 'journal',
    jsonFields: ['data'],
    order: ['seq'],
    schema: JournalRecord,
    decodeAll: chainImportedJournal,
  },
];

export const ExportDocument = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    exportedAt: Instant.describe(
      'When the export was made; the only field that differs between two exports of the same data',
    ),
    household: z.object({ id: IdSchema, name: z.string(), createdAt: Instant }),
    journalHead: z
      .object({
        entries: z.number().int().min(0),
        hash: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .nullable(),
      })
      .optional()
      .describe(
        "The journal's length and the hash of its last entry when exported (the fingerprint the paper-trail page and the report show): an import refuses a file whose journal does not end there, and `as-written verify --expect-head` checks it later. Exports made before it have none.",
      ),
    ...Object.fromEntries(
      SECTIONS.map((s) => [s.key, s.added ? z.array(s.schema).default([]) : z.array(s.schema)]),
    ),
  })
  .meta({
    title: 'As Written household export',
    description: 'Every record of one household. Dates are YYYY-MM-DD.',
  });
export type ExportDocument = {
  format: string;
  exportedAt: string;
  household: { id: string; name: string; createdAt: string };
  journalHead?: { entries: number; hash: string | null };
} & Record<string, unknown>;

export async function exportHousehold(
  store: Store,
  householdId: string,
  exportedAt: string,
): Promise<ExportDocument> {
  const household = await findHousehold(store.db, householdId);
  if (!household) throw notFound('Household', householdId);
  const doc: ExportDocument = {
    format: EXPORT_FORMAT,
    exportedAt,
    household: { id: household.id, name: household.name, createdAt: household.created_at },
  };
  for (const section of SECTIONS) {
    const rows = await householdRowsOfTable(store.db, section.table, householdId, section.order);
    doc[section.key] = rows.map((row) => {
      if (section.resource) return toApiRecord(section.resource, row);
      const record = rowToRecord(row, section.jsonFields);
      return section.encode ? section.encode(record) : record;
    });
  }
  const journal = doc.journal as { hash?: string }[];
  const { format, exportedAt: at, household: h, ...sections } = doc;
  // Near the top, where a person opening the file sees it.
  return {
    format,
    exportedAt: at,
    household: h,
    journalHead: { entries: journal.length, hash: journal.at(-1)?.hash ?? null },
    ...sections,
  };
}

/**
 * An export's journal must end where its `journalHead` says: a file whose last entries were cut off
 * (which the hash chain alone cannot notice, since what is left still chains) is refused.
 */
function checkJournalHead(doc: ExportDocument): { path: string; message: string } | null {
  if (!doc.journalHead) return null;
  const journal = doc.journal as { hash?: string }[];
  const { entries, hash } = doc.journalHead;
  const last = journal.at(-1)?.hash ?? null;
  // A journal without hashes (from before the chain) is chained on import: only its length can be compared.
  const unchained = journal.every((j) => j.hash == null);
  if (journal.length === entries && (unchained || last === hash)) return null;
  return {
    path: 'journalHead',
    message: `says the journal has ${entries} entries ending in ${hash ? `${hash.slice(0, 12)}…` : 'none'}, but the file has ${journal.length}${last ? ` ending in ${last.slice(0, 12)}…` : ''}: entries were removed or the file was cut short`,
  };
}

type ReferenceProblem = { path: string; message: string };

/** Ids the document names that are not rows of it, each with the first place it is named. */
type UnresolvedIds = Map<string, string>;

const sectionOfTable = new Map(SECTIONS.map((s) => [s.table, s.key]));

/**
 * Every reference inside a document must name a row of the same document, so that an import can
 * never attach its rows to another household's (docs/ARCHITECTURE.md, "References stay inside
 * their household"). A reference that may outlive what it names (a reply to a message deleted
 * since, a fact a letter quoted) may instead name a record the document's own journal deleted.
 * Journal entries of deleted records name ids that are in no section. Those ids, and the deleted
 * ones, are returned to be checked against this database: none may be a row of another household.
 */
function checkDocumentReferences(doc: ExportDocument): {
  problem: ReferenceProblem | null;
  unresolved: UnresolvedIds;
} {
  const idsByTable = new Map<ReferencingTable, Set<string>>();
  for (const section of SECTIONS) {
    const records = doc[section.key] as Record<string, unknown>[];
    const key = section.table === 'attachment_blob' ? 'sha256' : 'id';
    idsByTable.set(section.table, new Set(records.map((r) => r[key]).filter((id) => typeof id === 'string')));
  }
  const journal = doc.journal as { action: string; entityId: string }[];
  const deleted = new Set(journal.filter((j) => j.action === 'delete').map((j) => j.entityId));
  const unresolved: UnresolvedIds = new Map();
  const inDocument = (tables: readonly ReferencingTable[], id: string) =>
    tables.some((t) => idsByTable.get(t)?.has(id));

  const services = doc.services as { id: string; planId: string }[];
  const plans = new Map((doc.plans as { id: string; childId: string }[]).map((p) => [p.id, p.childId]));
  const serviceChild = new Map(services.map((s) => [s.id, plans.get(s.planId)]));

  for (const ref of RECORD_REFERENCES) {
    const key = sectionOfTable.get(ref.table);
    if (!key) continue;
    const tables = targetTables(ref);
    const records = doc[key] as Record<string, unknown>[];
    for (const [i, record] of records.entries()) {
      for (const found of idsAt(record, ref.path)) {
        const path = `${key}.${i}.${found.path}`;
        if (inDocument(tables, found.id)) continue;
        if (ref.strength === 'optional' && deleted.has(found.id)) {
          if (!unresolved.has(found.id)) unresolved.set(found.id, path);
          continue;
        }
        const what =
          ref.target === 'any'
            ? 'a record'
            : `a row of ${tables.map((t) => sectionOfTable.get(t)).join(' or ')}`;
        return {
          problem: {
            path,
            message: `must name ${what} in this document (${found.id} is not in it)`,
          },
          unresolved,
        };
      }
    }
  }
  // A session entry belongs to the child of its service's plan: the ledger reads entries by both.
  for (const [i, entry] of (doc.sessionEntries as { childId: string; serviceId: string }[]).entries()) {
    const child = serviceChild.get(entry.serviceId);
    if (child !== entry.childId) {
      return {
        problem: { path: `sessionEntries.${i}.childId`, message: 'must be the child of the service’s plan' },
        unresolved,
      };
    }
  }
  const blobs = idsByTable.get('attachment_blob')!;
  for (const [i, a] of (doc.attachments as { sha256: string }[]).entries()) {
    if (!blobs.has(a.sha256)) {
      return {
        problem: { path: `attachments.${i}.sha256`, message: 'must have its file in attachmentFiles' },
        unresolved,
      };
    }
  }
  const all = [...idsByTable.values()];
  for (const [i, entry] of journal.entries()) {
    if (entry.entityId === doc.household.id || all.some((ids) => ids.has(entry.entityId))) continue;
    if (!unresolved.has(entry.entityId)) unresolved.set(entry.entityId, `journal.${i}.entityId`);
  }
  return { problem: null, unresolved };
}

/** None of the ids a document names outside itself may be a row of this database (of another household). */
async function refuseForeignIds(trx: Transaction<Database>, unresolved: UnresolvedIds) {
  const ids = [...unresolved.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    for (const table of IDENTIFIED_TABLES) {
      const id = await anyIdInTable(trx, table, batch);
      if (id !== undefined) {
        throw validationError([
          {
            path: unresolved.get(id)!,
            message: `names ${id}, a record that is not part of this document`,
          },
        ]);
      }
    }
  }
}

/**
 * Import a household export into this database. Everything is validated first and written in one
 * transaction; a household that already exists here is refused (import never merges).
 */
export async function importHousehold(
  store: Store,
  document: unknown,
  owner?: { ownerUserId: string; clock: { now(): string }; newId: () => string },
): Promise<{ householdId: string; counts: Record<string, number> }> {
  if (typeof document !== 'object' || document === null) {
    throw validationError([{ path: '(document)', message: 'must be a JSON object' }]);
  }
  // Before anything walks it recursively (a document nested 10,000 deep overflows the stack of
  // JSON.stringify), and whether it came over HTTP or from the command line.
  const shape = findInputProblem(document);
  if (shape) throw validationError([shape]);
  const format = (document as { format?: unknown }).format;
  if (format !== EXPORT_FORMAT) {
    throw validationError([
      { path: 'format', message: `must be "${EXPORT_FORMAT}" (found ${JSON.stringify(format)})` },
    ]);
  }
  const parsed = ExportDocument.safeParse(document);
  if (!parsed.success) throw validationError(issuesToFields(parsed.error.issues));
  const doc = parsed.data as unknown as ExportDocument;
  const householdId = doc.household.id;
  for (const section of SECTIONS) {
    const rows = doc[section.key] as { householdId: string }[];
    rows.forEach((r, i) => {
      if (r.householdId !== householdId) {
        throw validationError([
          {
            path: `${section.key}.${i}.householdId`,
            message: `must be the exported household (${householdId})`,
          },
        ]);
      }
    });
  }
  // What the API would have refused, field by field and between records (src/server/services/import-rules.ts).
  const refused = checkImportedRecords(
    doc,
    SECTIONS.flatMap((s) => (s.resource ? [[s.key, s.resource] as [string, ResourceDef]] : [])),
  );
  if (refused) throw validationError([refused]);
  const head = checkJournalHead(doc);
  if (head) throw validationError([head]);
  const references = checkDocumentReferences(doc);
  if (references.problem) throw validationError([references.problem]);
  const file = await checkImportedFiles(doc);
  if (file) throw validationError([file]);
  const existing = await findHousehold(store.db, householdId);
  if (existing) {
    throw apiError('conflict', 'transfer.exists', { householdId });
  }
  const counts: Record<string, number> = {};
  try {
    await store.db.transaction().execute(async (trx) => {
      await insertHousehold(trx, {
        id: householdId,
        name: doc.household.name,
        created_at: doc.household.createdAt,
      });
      if (owner) {
        // Memberships are not part of the export (they belong to this server's accounts):
        // whoever imports becomes the owner.
        const at = owner.clock.now();
        await insertMembership(trx, {
          id: owner.newId(),
          household_id: householdId,
          user_id: owner.ownerUserId,
          role: 'owner',
          created_at: at,
          updated_at: at,
        });
      }
      await refuseForeignIds(trx, references.unresolved);
      for (const section of SECTIONS) {
        const records = doc[section.key] as Record<string, unknown>[];
        counts[section.key] = records.length;
        const shapedRows = records.map((r) => {
          const shaped = section.resource?.fromApi
            ? section.resource.fromApi(r)
            : section.decode
              ? section.decode(r)
              : r;
          return recordToRow(shaped, section.jsonFields);
        });
        const rows = section.decodeAll ? section.decodeAll(shapedRows) : shapedRows;
        await insertHouseholdRows(trx, section.table, rows);
      }
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/foreign key|violates|constraint|UNIQUE/i.test(message)) {
      throw apiError('validation_failed', 'transfer.inconsistent', { detail: message });
    }
    throw error;
  }
  return { householdId, counts };
}
