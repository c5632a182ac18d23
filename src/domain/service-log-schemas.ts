import { z } from 'zod';
import { ClockTimeSchema, IdSchema, IsoDateSchema } from './common.ts';
import { LOG_FIELD_LABELS, LOG_FIELDS } from './service-log-columns.ts';
import { SERVICE_LOG_MAX_ROWS } from './service-log-read.ts';
import { EntryKind, MissReason, SessionStatus } from './session-entry.ts';

// The zod schemas of a school service log (issue 19), for the API contract, the stored JSON columns
// (service_log_import.mapping, .summary, .rows) and the export: the mapping a parent confirms, this
// child's rows as read, and what was read. The readers themselves are zod-free (service-log-read.ts).

export const LogField = z.enum(LOG_FIELDS);

export const LogStatusSchema = z.object({
  kind: EntryKind,
  status: SessionStatus,
  reason: MissReason.nullable(),
});

/** A mapping remembered for a school, as stored: fields by the header's words, and the parent's other choices. */
export const RememberedMapping = z.object({
  headerRows: z.number().int().min(1).max(2),
  /** Field → the header's words (plain) of its column. */
  columns: z.record(z.string(), z.string()),
  services: z.record(z.string(), z.string().nullable()).default({}),
  statuses: z.record(z.string(), LogStatusSchema).default({}),
  dateOrder: z.enum(['mdy', 'dmy']).nullable().default(null),
  minutesUnit: z.enum(['minutes', 'hours']).nullable().default(null),
});
export type RememberedMapping = z.infer<typeof RememberedMapping>;

const wordsKey = z.string().min(1).max(200);

export const ServiceLogMappingSchema = z
  .object({
    /** The lines of the header's row or rows (1 or 2); empty when the columns are named without one. */
    headerLines: z.array(z.number().int().min(1).max(10_000_000)).max(2).default([]),
    /** Field → column (0-based). */
    columns: z.partialRecord(LogField, z.number().int().min(0).max(499)).default({}),
    /** A log's service name (in plain words) → the plan's service, or null: not a service of this plan. */
    services: z
      .record(wordsKey, IdSchema.nullable())
      .refine((r) => Object.keys(r).length <= 200, {
        message: 'names at most 200 services',
        params: { rule: 'serviceLog.tooManyServices', maximum: 200 },
      })
      .default({}),
    /** A status the reader does not know (in plain words) → what it means. */
    statuses: z
      .record(wordsKey, LogStatusSchema)
      .refine((r) => Object.keys(r).length <= 200, {
        message: 'names at most 200 statuses',
        params: { rule: 'serviceLog.tooManyStatuses', maximum: 200 },
      })
      .default({}),
    dateOrder: z.enum(['mdy', 'dmy']).nullable().default(null),
    minutesUnit: z.enum(['minutes', 'hours']).nullable().default(null),
  })
  .superRefine((m, ctx) => {
    const seen = new Map<number, string>();
    for (const field of LOG_FIELDS) {
      const column = m.columns[field];
      if (column == null) continue;
      const other = seen.get(column);
      if (other) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', field],
          message: `is the same column as ${LOG_FIELD_LABELS[other as (typeof LOG_FIELDS)[number]].toLowerCase()}; choose one column for each`,
          params: { rule: 'serviceLog.sameColumn', other },
        });
      } else seen.set(column, field);
    }
  });
export type ServiceLogMappingInput = z.infer<typeof ServiceLogMappingSchema>;

export const ServiceLogRowSchema = z.object({
  line: z.number().int().min(1),
  date: IsoDateSchema,
  startTime: ClockTimeSchema.nullable(),
  minutes: z.number().int().min(0).max(1440).nullable(),
  plannedMinutes: z.number().int().min(0).max(1440).nullable(),
  serviceId: IdSchema,
  serviceText: z.string().max(200).nullable(),
  provider: z.string().max(200).nullable(),
  kind: EntryKind,
  status: SessionStatus,
  reason: MissReason.nullable(),
  statusText: z.string().max(200).nullable(),
  note: z.string().max(2000).nullable(),
  checks: z.array(z.string().max(300)).max(10),
});

export const UnreadRowSchema = z.object({
  line: z.number().int().min(1),
  kind: z.enum(['blank', 'header', 'page', 'total', 'other_student', 'problem']),
  reason: z.string().max(400),
});

export const ServiceLogCountsSchema = z.object({
  total: z.number().int().min(0),
  read: z.number().int().min(0),
  otherStudents: z.number().int().min(0),
  problems: z.number().int().min(0),
  skipped: z.number().int().min(0),
});

export const ServiceLogDatesSchema = z.object({
  order: z.enum(['mdy', 'dmy']).nullable(),
  basis: z.enum(['label', 'document', 'jurisdiction', 'parent']).nullable(),
  from: IsoDateSchema.nullable(),
  to: IsoDateSchema.nullable(),
});

/** What was read from a file, kept with its import (never another student's name or row). */
export const ServiceLogSummarySchema = z.object({
  counts: ServiceLogCountsSchema,
  otherStudentNames: z.number().int().min(0),
  unread: z.array(UnreadRowSchema).max(SERVICE_LOG_MAX_ROWS + 100),
  notes: z.array(z.string().max(600)).max(20),
  dates: ServiceLogDatesSchema,
});
export type ServiceLogSummary = z.infer<typeof ServiceLogSummarySchema>;

export const SERVICE_LOG_MARKS = ['open', 'asked_about', 'kept_mine', 'accepted'] as const;
export const ServiceLogMarkKind = z.enum(SERVICE_LOG_MARKS);

/** A reconciliation line's key: a row of the log, or a family session the log lacks. */
export const ReconciliationKey = z.string().regex(/^(line:\d{1,8}|entry:[0-9a-f-]{36})$/, {
  message: 'must be a line of the log ("line:14") or an entry ("entry:<id>")',
});
