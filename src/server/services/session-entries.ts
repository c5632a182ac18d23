import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type SessionEntry, type SessionEntryFilters, SessionEntryPatch } from '../../api/sessions.ts';
import { versionInForce } from '../../domain/plan-versions.ts';
import type { ServiceSegment } from '../../domain/service.ts';
import { SessionEntryInput } from '../../domain/session-entry.ts';
import type { Store } from '../../store/database.ts';
import type { Page, PageRequest } from '../../store/pagination.ts';
import type { Db } from '../../store/repository.ts';
import type { Database, SessionEntryRow } from '../../store/schema.ts';
import { requireServiceWithPlan, serviceTerms } from '../../store/services.repository.ts';
import {
  correctionIdsByEntry,
  findCorrectionOf,
  findSessionEntryInHousehold,
  insertSessionEntry,
  listSessionEntryRows,
  pageOfSessionEntryRows,
  setSessionEntryResponsibility,
} from '../../store/session-entries.repository.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { apiError, invalid, notFound, parseOrThrow } from '../errors.ts';
import { journalChange } from './journal.ts';
import { resolveMakeupTarget } from './makeups.ts';
import { versionRows } from './plan-versions.ts';
import { settleSessionDate } from './school-days.ts';

export function toSessionEntry(row: SessionEntryRow, correctedBy: string | null): SessionEntry {
  return {
    id: row.id,
    householdId: row.household_id,
    childId: row.child_id,
    serviceId: row.service_id,
    planVersionId: row.plan_version_id,
    date: row.date,
    kind: row.kind as SessionEntry['kind'],
    status: row.status as SessionEntry['status'],
    minutesDelivered: Number(row.minutes_delivered),
    minutesPlanned: row.minutes_planned == null ? null : Number(row.minutes_planned),
    reason: row.reason as SessionEntry['reason'],
    reasonText: row.reason_text,
    responsibility: row.responsibility as SessionEntry['responsibility'],
    makeupForEntryId: row.makeup_for_entry_id,
    source: row.source as SessionEntry['source'],
    note: row.note,
    correctsEntryId: row.corrects_entry_id,
    correctedByEntryId: correctedBy,
    startTime: row.start_time ?? null,
    nonSchoolDayConfirmed: Number(row.non_school_day_confirmed ?? 0) === 1,
    recordedAt: row.created_at,
    recordedBy: row.recorded_by,
    updatedAt: row.updated_at,
  };
}

/** The amount segment of a service in force on a date (ESY blocks included). */
export function segmentOn(
  service: { segments: ServiceSegment[]; esyBlocks: ServiceSegment[] },
  date: string,
) {
  return (
    service.segments.find((s) => date >= s.startDate && date <= s.endDate) ??
    service.esyBlocks.find((s) => date >= s.startDate && date <= s.endDate) ??
    null
  );
}

async function loadService(db: Db, householdId: string, serviceId: string) {
  const row = await requireServiceWithPlan(db, householdId, serviceId, 'serviceId');
  return { ...row, ...serviceTerms(row) };
}

/**
 * Record a session. Scheduled sessions must fall within the service's dates (or an ESY block);
 * a make-up may be dated anywhere up to today, since make-ups often happen after the service
 * period. Minutes default from the plan: a delivered session gets the planned minutes.
 */
export async function createSessionEntry(
  store: Store,
  ctx: ServiceContext,
  body: unknown,
): Promise<SessionEntry> {
  const input = parseOrThrow(SessionEntryInput, body);
  const today = ctx.clock.today();
  if (input.date > today)
    throw invalid('date', `is in the future (today is ${today}); log a session once it has happened`, {
      rule: 'session.dateFuture',
      values: { today },
    });
  return inHouseholdTransaction(store, ctx.householdId, (trx) => writeSessionEntry(trx, ctx, input));
}

/** Validate against the service and write one entry with its journal line, inside the caller's transaction. */
export async function writeSessionEntry(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  input: SessionEntryInput,
  /** A correction of a make-up keeps the miss it named unchecked (it may have been voided since). */
  options: { keepMakeupFor?: string | null } = {},
): Promise<SessionEntry> {
  const service = await loadService(trx, ctx.householdId, input.serviceId);
  const segment = segmentOn(service, input.date);
  if (input.kind === 'scheduled' && !segment) {
    throw invalid(
      'date',
      `is outside the service's dates (${service.start_date} to ${service.end_date}); only a make-up can be dated outside them`,
      { rule: 'session.outsideService', values: { start: service.start_date, end: service.end_date } },
    );
  }
  // A date on a day with no school is refused unless confirmed (src/domain/school-days.ts).
  const nonSchoolDay = await settleSessionDate(trx, ctx.householdId, service, input);
  const planned = segment?.minutesPerSession ?? input.minutesPlanned ?? null;
  let delivered = input.minutesDelivered;
  if (input.kind === 'scheduled') {
    if (input.status === 'missed') delivered = 0;
    if (input.status === 'delivered' && delivered == null) {
      if (planned == null) {
        throw invalid(
          'minutesDelivered',
          'give the minutes delivered (this service has no fixed session length)',
          { rule: 'session.minutesNeeded' },
        );
      }
      delivered = planned;
    }
    if (planned != null && input.status === 'delivered' && (delivered ?? 0) < planned) {
      throw invalid(
        'status',
        `is "delivered" but only ${delivered} of ${planned} minutes were given; use "short" with a reason`,
        { rule: 'session.deliveredShort', values: { delivered: delivered ?? 0, planned } },
      );
    }
    if (planned != null && input.status === 'short' && (delivered ?? 0) >= planned) {
      throw invalid(
        'minutesDelivered',
        `must be less than the planned ${planned} minutes for a short session`,
        { rule: 'session.shortNotLess', values: { planned } },
      );
    }
    if (planned == null && input.status !== 'delivered' && input.minutesPlanned == null) {
      throw invalid(
        'minutesPlanned',
        'give the minutes the session was meant to last (this service has no fixed session length)',
        { rule: 'session.plannedNeeded' },
      );
    }
  }
  // A make-up names the latest word on its miss, and only a miss whose minutes are owed.
  let makeupFor = input.makeupForEntryId;
  if (makeupFor && makeupFor !== options.keepMakeupFor) {
    makeupFor = await resolveMakeupTarget(trx, ctx.householdId, service, makeupFor, input.date);
  }
  if (input.correctsEntryId) {
    const target = await findSessionEntryInHousehold(trx, ctx.householdId, input.correctsEntryId);
    if (!target) throw notFound('Session entry', input.correctsEntryId, 'correctsEntryId');
    if (target.service_id !== input.serviceId)
      throw invalid('correctsEntryId', 'must name an entry of the same service', {
        rule: 'correction.sameServiceEntry',
      });
    const already = await findCorrectionOf(trx, ctx.householdId, input.correctsEntryId);
    if (already) throw apiError('conflict', 'session.correctedBy', { id: already.id });
  }
  const versions = await versionRows(trx, ctx.householdId, service.plan_id);
  const version = versionInForce(
    versions.map((v) => ({
      id: v.id,
      versionNumber: v.version_number,
      effectiveFrom: v.effective_from,
      effectiveTo: v.effective_to,
    })),
    input.date,
    service.plan_end,
  );
  const at = ctx.clock.now();
  const row: SessionEntryRow = {
    id: ctx.newId(),
    household_id: ctx.householdId,
    child_id: service.child_id,
    service_id: service.id,
    plan_version_id: version?.id ?? null,
    date: input.date,
    kind: input.kind,
    status: input.status,
    minutes_delivered: delivered ?? 0,
    minutes_planned: planned,
    reason: input.status === 'delivered' ? null : input.reason,
    reason_text: input.reasonText,
    responsibility: input.responsibility,
    makeup_for_entry_id: makeupFor,
    source: input.source,
    note: input.note,
    corrects_entry_id: input.correctsEntryId,
    start_time: input.startTime,
    non_school_day_confirmed: nonSchoolDay ? 1 : 0,
    recorded_by: actorLabel(ctx.actor),
    created_at: at,
    updated_at: at,
  };
  return saveSessionEntry(trx, ctx, row);
}

/** Insert a new session entry row (a first log, a correction or a void) and journal it. */
export async function saveSessionEntry(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  row: SessionEntryRow,
): Promise<SessionEntry> {
  await insertSessionEntry(trx, row);
  const entry = toSessionEntry(row, null);
  await journalChange(trx, ctx, {
    action: 'create',
    entity: 'session_entry',
    entityId: row.id,
    data: entry,
    at: row.created_at,
  });
  return entry;
}

export async function listSessionEntries(
  db: Db,
  householdId: string,
  filters: z.infer<typeof SessionEntryFilters>,
): Promise<SessionEntry[]> {
  const rows = await listSessionEntryRows(db, householdId, filters);
  const corrections = await correctionIdsByEntry(db, householdId, filters.serviceId);
  return rows.map((r) => toSessionEntry(r, corrections.get(r.id) ?? null));
}

/** One page of the same list (the list route), after the cursor. */
export async function listSessionEntriesPage(
  db: Db,
  householdId: string,
  filters: z.infer<typeof SessionEntryFilters>,
  page: PageRequest,
): Promise<Page<SessionEntry>> {
  const result = await pageOfSessionEntryRows(db, householdId, filters, page);
  const corrections = await correctionIdsByEntry(db, householdId, filters.serviceId);
  return {
    rows: result.rows.map((r) => toSessionEntry(r, corrections.get(r.id) ?? null)),
    nextCursor: result.nextCursor,
  };
}

export async function getSessionEntry(db: Db, householdId: string, id: string): Promise<SessionEntry> {
  const row = await findSessionEntryInHousehold(db, householdId, id);
  if (!row) throw notFound('Session entry', id);
  const correction = await findCorrectionOf(db, householdId, id);
  return toSessionEntry(row, correction?.id ?? null);
}

/**
 * The only change made to an entry in place: the parent classifies who is responsible for a
 * miss (a pending "other" or "unknown" reason becomes owed or excused). Anything else is
 * corrected by a new entry that points at this one.
 */
export async function classifySessionEntry(store: Store, ctx: ServiceContext, id: string, body: unknown) {
  const patch = parseOrThrow(SessionEntryPatch, body);
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const before = await getSessionEntry(trx, ctx.householdId, id);
    if (before.kind !== 'scheduled' || before.status === 'delivered') {
      throw invalid('responsibility', 'only applies to a missed or short session', {
        rule: 'session.responsibilityMissedOnly',
      });
    }
    const at = ctx.clock.now();
    await setSessionEntryResponsibility(trx, ctx.householdId, id, patch.responsibility, at);
    await journalChange(trx, ctx, {
      action: 'update',
      entity: 'session_entry',
      entityId: id,
      data: { changed: { responsibility: { from: before.responsibility, to: patch.responsibility } } },
      at,
    });
    return getSessionEntry(trx, ctx.householdId, id);
  });
}
