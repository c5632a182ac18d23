import { z } from 'zod';
import { ClockTimeSchema, IdSchema, IsoDateSchema, OptionalText } from '../domain/common.ts';
import {
  DeliveredMinutes,
  EntryKind,
  EntrySource,
  MissReason,
  ParentEntrySource,
  Responsibility,
  SessionStatus,
  StoredSessionStatus,
} from '../domain/session-entry.ts';
import { PageQuery } from './common.ts';

// Session entries, their corrections, make-up options and the week's delivered sessions.

export const SessionEntry = z.object({
  id: IdSchema,
  householdId: IdSchema,
  childId: IdSchema,
  serviceId: IdSchema,
  planVersionId: IdSchema.nullable(),
  date: IsoDateSchema,
  kind: EntryKind,
  /** "void": a correction saying the entry it corrects was logged by mistake (it counts nowhere). */
  status: StoredSessionStatus,
  minutesDelivered: z.number().int(),
  minutesPlanned: z.number().int().nullable(),
  reason: MissReason.nullable(),
  reasonText: z.string().nullable(),
  responsibility: Responsibility.nullable(),
  makeupForEntryId: IdSchema.nullable(),
  source: EntrySource,
  note: z.string().nullable(),
  correctsEntryId: IdSchema.nullable(),
  /** Set when a later entry corrects this one; the ledger then uses the later entry. */
  correctedByEntryId: IdSchema.nullable(),
  startTime: z.string().nullable(),
  /** Accepted on a day with no school: confirmed by whoever recorded it (or marked by migration 0010). */
  nonSchoolDayConfirmed: z.boolean(),
  recordedAt: z.string().meta({ format: 'date-time' }),
  recordedBy: z.string(),
  updatedAt: z.string().meta({ format: 'date-time' }),
});
export type SessionEntry = z.infer<typeof SessionEntry>;

export const SessionEntryPatch = z
  .object({
    responsibility: Responsibility.nullable(),
  })
  .strict();

export const SessionEntryFilters = z.object({
  serviceId: IdSchema.optional(),
  childId: IdSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  kind: EntryKind.optional(),
  source: EntrySource.optional(),
});

/** The session list's query: the filters, and a page (`limit`, `cursor`) in date order. */
export const SessionEntryListQuery = SessionEntryFilters.extend(PageQuery.shape);

/** What a correction may change. A field left out stays as it is. */
export const SessionCorrectionChanges = z
  .object({
    date: IsoDateSchema.optional(),
    startTime: ClockTimeSchema.nullable().optional(),
    status: SessionStatus.optional(),
    minutesDelivered: DeliveredMinutes.nullable().optional(),
    minutesPlanned: z
      .number()
      .int({ message: 'must be a whole number of minutes' })
      .min(1, { message: 'must be at least 1 minute' })
      .max(1440)
      .nullable()
      .optional(),
    reason: MissReason.nullable().optional(),
    reasonText: z
      .string()
      .trim()
      .max(2000, { message: 'must be at most 2000 characters' })
      .nullable()
      .optional(),
    responsibility: Responsibility.nullable().optional(),
    /** A parent's own sources only: a staff link's or the school log's are set by the server. */
    source: ParentEntrySource.optional(),
    /** The date is on a day with no school, and the session happened then all the same. */
    nonSchoolDayConfirmed: z.boolean().optional(),
  })
  .strict();
export type SessionCorrectionChanges = z.infer<typeof SessionCorrectionChanges>;

const CorrectionNote = OptionalText(5000).describe('Why it was corrected; kept on the new entry');

/**
 * The three corrections: change some fields (`changes`), void the entry, or move it (logged under the
 * wrong service: void it, and log the same session under `serviceId`, with `changes`).
 */
function correctionActions<C extends z.ZodObject>(changes: C) {
  // An empty change list when none is sent (each use its own schema, as the contract had it).
  const orNone = () => changes.default({} as never);
  return z.discriminatedUnion('action', [
    z.object({ action: z.literal('correct'), changes: orNone(), note: CorrectionNote }).strict(),
    z.object({ action: z.literal('void'), note: CorrectionNote }).strict(),
    z
      .object({ action: z.literal('move'), serviceId: IdSchema, changes: orNone(), note: CorrectionNote })
      .strict(),
  ]);
}

export const SessionCorrectionInput = correctionActions(SessionCorrectionChanges);
export type SessionCorrectionInput = z.infer<typeof SessionCorrectionInput>;

/** What a staff link may send: its corrections stay the provider's account (no source, no classification). */
const StaffChanges = SessionCorrectionChanges.omit({ source: true, responsibility: true }).strict();

export const StaffCorrectionInput = correctionActions(StaffChanges);

export const SessionCorrectionResult = z.object({
  /** The new entry: the correction, or the void. */
  correction: SessionEntry,
  /** The entry it corrected: the latest of its chain when the correction was made. */
  corrected: SessionEntry,
  /** For a session logged under the wrong service: the same session, logged under the right one. */
  relogged: SessionEntry.nullable(),
});
export type SessionCorrectionResult = z.infer<typeof SessionCorrectionResult>;

export const MakeupOption = z.object({
  entryId: IdSchema,
  date: IsoDateSchema,
  status: z.enum(['short', 'missed']),
  reason: MissReason.nullable(),
  /** Minutes the miss left owed. */
  owedMinutes: z.number().int(),
  /** Of those, the minutes no make-up has cured yet. */
  remainingMinutes: z.number().int(),
});
export type MakeupOption = z.infer<typeof MakeupOption>;

export const WeekDeliveredInput = z
  .object({
    /** The days the sessions happened: this week's school days with nothing logged yet, up to today. */
    dates: z
      .array(IsoDateSchema)
      .min(1, { message: 'choose at least one day' })
      .max(7, { message: 'a week has at most 7 days' }),
  })
  .strict();
