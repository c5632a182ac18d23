import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../domain/common.ts';
import { DIFFERENCE_KINDS } from '../domain/service-log-reconcile.ts';
import {
  LogField,
  ReconciliationKey,
  ServiceLogCountsSchema,
  ServiceLogDatesSchema,
  ServiceLogMappingSchema,
  ServiceLogMarkKind,
  ServiceLogRowSchema,
  ServiceLogSummarySchema,
  UnreadRowSchema,
} from '../domain/service-log-schemas.ts';
import { Instant, MessageWordsSchema } from './common.ts';
import { SessionEntry } from './sessions.ts';

// The school's own service log, read and reconciled with the family's record (issue 19). A file is
// first read into a preview (nothing saved): the columns guessed (or remembered for the school), the
// first rows, what could not be read and why, and the reconciliation with the family's entries. The
// parent confirms or fixes the mapping and saves the import (this child's rows only, the file's
// SHA-256, journaled); then accepts school rows into the record as "school log" entries, keeps her
// own, or marks a difference as asked about.

export const ServiceLogFileQuery = z.object({
  /** The file's name, for messages and the import's record. */
  filename: z.string().min(1).max(255).default('service-log.csv'),
  /** The service page the log came in from: rows without a service column are this service's. */
  serviceId: IdSchema.optional(),
  /** The child's student ID, to find her or his rows of a group log that gives IDs. */
  studentId: z.string().trim().min(1).max(40).optional(),
  /** The mapping the parent confirmed or fixed, as JSON (ServiceLogMapping); left out: guessed or remembered. */
  mapping: z.string().max(20_000).optional(),
});

export { ServiceLogMappingSchema as ServiceLogMapping };

export const ServiceLogColumn = z.object({
  index: z.number().int().min(0),
  header: z.string(),
  field: LogField.nullable(),
  confidence: z.enum(['sure', 'likely']).nullable(),
});

export const ServiceMatchSchema = z.object({
  text: z.string(),
  serviceId: IdSchema.nullable(),
  why: z.enum(['chosen', 'same name', 'area', 'area and words', 'no match', 'two services fit']),
});

export const SchoolLogSessionSchema = z.object({
  line: z.number().int(),
  serviceId: IdSchema,
  date: IsoDateSchema,
  startTime: z.string().nullable(),
  kind: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  minutes: z.number().int().nullable(),
  statusText: z.string().nullable(),
  provider: z.string().nullable(),
});

export const ReconciliationItemSchema = z.object({
  key: z.string(),
  kind: z.enum(DIFFERENCE_KINDS),
  serviceId: IdSchema,
  date: IsoDateSchema,
  startTime: z.string().nullable(),
  school: SchoolLogSessionSchema.nullable(),
  family: z
    .object({
      entryIds: z.array(IdSchema),
      sources: z.array(z.string()),
      status: z.string(),
      reason: z.string().nullable(),
      minutes: z.number().int(),
      startTime: z.string().nullable(),
    })
    .nullable(),
  recordedEntryId: IdSchema.nullable(),
  summary: z.string(),
  question: z.string().nullable(),
  /** The parent's mark on this line ("open" when none). */
  mark: ServiceLogMarkKind,
  /** Whether the school's row can be accepted into the record (a row not yet in it). */
  acceptable: z.boolean(),
});

export const ReconciliationSchema = z.object({
  items: z.array(ReconciliationItemSchema),
  counts: z.record(z.enum(DIFFERENCE_KINDS), z.number().int()),
  /** Rows already in the record as school-log entries. */
  recorded: z.number().int(),
  /** The reconciliation in one sentence. */
  summary: z.string(),
});

const ServiceLogReadingFields = {
  header: z.object({ lines: z.array(z.number().int()), columns: z.array(ServiceLogColumn) }).nullable(),
  mapping: ServiceLogMappingSchema,
  counts: ServiceLogCountsSchema,
  otherStudentNames: z.number().int(),
  /** Each row not read and why: `reason` in English, `words` the same in the catalog part `servicelog`. */
  unread: z.array(UnreadRowSchema.extend({ words: MessageWordsSchema.optional() })),
  services: z.array(ServiceMatchSchema),
  unknownStatuses: z.array(z.string()),
  dates: ServiceLogDatesSchema,
  /** What the reader noted, in English. */
  notes: z.array(z.string()),
  /**
   * Each note's words in the catalog part `servicelog`, in the order of `notes` (null: none the catalog
   * knows), for the page to say in the reader's language.
   */
  noteWords: z.array(MessageWordsSchema.nullable()).optional(),
};

export const ServiceLogPreview = z
  .object({
    filename: z.string(),
    format: z.enum(['csv', 'xlsx', 'pdf']),
    sheet: z.string().nullable(),
    size: z.number().int(),
    sha256: z.string(),
    /** Whether the mapping came from the one remembered for this school. */
    remembered: z.boolean(),
    studentId: z.string().nullable(),
    ...ServiceLogReadingFields,
    /** The first rows, for the mapping step (another student's name, ID and notes left out). */
    firstRows: z.array(
      z.object({
        line: z.number().int(),
        cells: z.array(z.string()),
        whose: z.enum(['this_child', 'another_student', 'unread']),
      }),
    ),
    /** This child's rows as read. */
    rows: z.array(ServiceLogRowSchema),
    /** Why the file cannot be saved as it stands, or null. */
    problem: z
      .object({
        kind: z.enum(['not_a_log', 'another_child', 'no_rows', 'needs_student_id']),
        /** In English. */
        message: z.string(),
        /** The same as words of the catalog part `servicelog`, for the page to say in the reader's language. */
        words: MessageWordsSchema.optional(),
      })
      .nullable(),
    reconciliation: ReconciliationSchema,
  })
  .meta({ id: 'ServiceLogPreview' });
export type ServiceLogPreview = z.infer<typeof ServiceLogPreview>;

/** An imported log as stored (and exported): this child's rows only, and the file's SHA-256. */
export const ServiceLogImport = z
  .object({
    id: IdSchema,
    householdId: IdSchema,
    childId: IdSchema,
    serviceId: IdSchema.nullable(),
    filename: z.string().max(255),
    mediaType: z.string().max(200),
    size: z.number().int().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    sheet: z.string().max(200).nullable(),
    school: z.string().max(200),
    studentId: z.string().max(40).nullable(),
    mapping: ServiceLogMappingSchema,
    summary: ServiceLogSummarySchema,
    rows: z.array(ServiceLogRowSchema),
    createdBy: z.string().max(300),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'ServiceLogImport' });
export type ServiceLogImport = z.infer<typeof ServiceLogImport>;

export const ServiceLogMark = z.object({
  id: IdSchema,
  householdId: IdSchema,
  importId: IdSchema,
  itemKey: z.string().max(60),
  mark: ServiceLogMarkKind,
  sessionEntryId: IdSchema.nullable(),
  note: z.string().max(2000).nullable(),
  createdBy: z.string().max(300),
  createdAt: Instant,
  updatedAt: Instant,
});
export type ServiceLogMark = z.infer<typeof ServiceLogMark>;

/** An import with its reconciliation against the record as it is now, and the parent's marks. */
export const ServiceLogView = z
  .object({
    import: ServiceLogImport,
    /**
     * The words of each note kept with the import (`import.summary.notes`, found back from its English),
     * in the catalog part `servicelog`, in the same order (null: none the catalog knows).
     */
    noteWords: z.array(MessageWordsSchema.nullable()).optional(),
    marks: z.array(ServiceLogMark),
    reconciliation: ReconciliationSchema,
  })
  .meta({ id: 'ServiceLogView' });
export type ServiceLogView = z.infer<typeof ServiceLogView>;

export const ServiceLogListItem = ServiceLogImport.omit({ rows: true, mapping: true });

export const ServiceLogAcceptInput = z.object({
  /** The lines of the log to accept into the record, as school-log entries. */
  lines: z.array(z.number().int().min(1)).min(1).max(2000),
  /** The parent confirms dates on days the school calendar shows no school. */
  nonSchoolDayConfirmed: z.boolean().default(false),
});

export const ServiceLogAcceptResult = z.object({
  entries: z.array(SessionEntry),
  view: ServiceLogView,
});

export const ServiceLogMarkInput = z.object({
  itemKey: ReconciliationKey,
  /** "asked_about", "kept_mine", or "open" to take a mark back ("accepted" is set by accepting rows). */
  mark: z.enum(['open', 'asked_about', 'kept_mine']),
  note: z.string().trim().max(2000).nullable().default(null),
});
