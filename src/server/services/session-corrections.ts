import type { Transaction } from 'kysely';
import {
  type SessionCorrectionChanges,
  SessionCorrectionInput,
  type SessionCorrectionResult,
  type SessionEntry,
  StaffCorrectionInput,
} from '../../api/sessions.ts';
import { currentSessionEntries, lastSessionOfChain, latestInChain } from '../../domain/corrections.ts';
import { formatLongDate } from '../../domain/dates.ts';
import { type MissReason, SessionEntryInput, type SessionStatus } from '../../domain/session-entry.ts';
import type { Store } from '../../store/database.ts';
import type { Db } from '../../store/repository.ts';
import type { Database, SessionEntryRow } from '../../store/schema.ts';
import { requireServiceWithPlan } from '../../store/services.repository.ts';
import {
  findSessionEntryInHousehold,
  type LedgerEntryRow,
  listLedgerEntriesWithCorrections,
  listSessionEntriesOfService,
  listSessionEntriesWithCorrections,
} from '../../store/session-entries.repository.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { apiError, invalid, notFound, parseOrThrow } from '../errors.ts';
import { saveSessionEntry, toSessionEntry, writeSessionEntry } from './session-entries.ts';

// Corrections, not edits (docs/ledger-rules.md, "Corrections and voids"). A parent (or the staff link
// that logged it) puts an entry right by a new entry that points at it: changed fields, a void
// ("logged by mistake"), or a void plus the same session logged again under the right service. The
// chain is resolved here, so a correction of an entry corrected since corrects its latest correction.

type Chained<R = SessionEntryRow> = { id: string; correctsEntryId: string | null; status: string; row: R };

const chained = <R extends Pick<SessionEntryRow, 'id' | 'corrects_entry_id' | 'status'>>(
  rows: R[],
): Chained<R>[] =>
  rows.map((row) => ({ id: row.id, correctsEntryId: row.corrects_entry_id, status: row.status, row }));

/** The rows in force among `rows` (corrections resolved, voids left out), those dated in the range. */
function currentInRange<R extends Pick<SessionEntryRow, 'id' | 'corrects_entry_id' | 'status' | 'date'>>(
  rows: R[],
  { from, to }: { from?: string; to?: string },
): R[] {
  return currentSessionEntries(chained(rows))
    .current.map((c) => c.row)
    .filter((r) => (!from || r.date >= from) && (!to || r.date <= to));
}

/**
 * The session entries in force for a scope: corrections resolved, voids left out (currentSessionEntries),
 * in date order. A date range is applied after the chains are resolved, and every correction is read
 * whatever its date, so an entry whose date was put right shows on its corrected date only.
 */
export async function loadCurrentEntries(
  db: Db,
  householdId: string,
  scope: { childId?: string; serviceIds?: readonly string[]; from?: string; to?: string; kind?: string },
): Promise<SessionEntryRow[]> {
  return currentInRange(await listSessionEntriesWithCorrections(db, householdId, scope), scope);
}

/** `loadCurrentEntries` with only the ledger's columns of each entry (listLedgerEntriesWithCorrections). */
export async function loadCurrentLedgerEntries(
  db: Db,
  householdId: string,
  scope: { childId?: string; serviceIds?: readonly string[]; from?: string; to?: string; kind?: string },
): Promise<LedgerEntryRow[]> {
  return currentInRange(await listLedgerEntriesWithCorrections(db, householdId, scope), scope);
}

/** The fields of a new entry that states `base` with `changes` applied (what a correction writes). */
function inputFrom(base: SessionEntryRow, changes: SessionCorrectionChanges, note: string | null) {
  const status = changes.status ?? (base.status as SessionStatus);
  const statusChanged = status !== base.status;
  const scheduled = base.kind === 'scheduled';
  const reason =
    changes.reason !== undefined ? changes.reason : status === 'delivered' && scheduled ? null : base.reason;
  const reasonChanged = reason !== base.reason;
  const date = changes.date ?? base.date;
  return {
    serviceId: base.service_id,
    date,
    kind: base.kind,
    status,
    // A new status takes its own minutes: a missed session 0, a delivered one the planned length,
    // a short one what the parent gives (the entry's rules ask for it).
    minutesDelivered:
      changes.minutesDelivered !== undefined
        ? changes.minutesDelivered
        : statusChanged
          ? null
          : Number(base.minutes_delivered),
    minutesPlanned:
      changes.minutesPlanned !== undefined
        ? changes.minutesPlanned
        : base.minutes_planned == null
          ? null
          : Number(base.minutes_planned),
    reason,
    reasonText:
      changes.reasonText !== undefined
        ? changes.reasonText || null
        : scheduled && (status === 'delivered' || reasonChanged)
          ? null
          : base.reason_text,
    // The family's classification was of the old reason: a new status or reason is classified again.
    responsibility:
      changes.responsibility !== undefined
        ? changes.responsibility
        : statusChanged || reasonChanged || status === 'delivered'
          ? null
          : base.responsibility,
    makeupForEntryId: base.makeup_for_entry_id,
    source: changes.source ?? base.source,
    note: note ?? base.note,
    startTime: changes.startTime !== undefined ? changes.startTime : (base.start_time ?? null),
    nonSchoolDayConfirmed:
      changes.nonSchoolDayConfirmed ??
      (date === base.date &&
        Number((base as { non_school_day_confirmed?: number }).non_school_day_confirmed ?? 0) === 1),
  };
}

/** Insert a void of `head` (a correction with the status "void") with its journal entry. */
async function writeVoid(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  head: SessionEntryRow,
  note: string | null,
): Promise<SessionEntry> {
  const at = ctx.clock.now();
  // The void keeps the entry's service, date and kind (so lists can say what was voided) and holds
  // no minutes; the ledger counts it for nothing.
  const row: SessionEntryRow = {
    ...head,
    id: ctx.newId(),
    status: 'void',
    minutes_delivered: 0,
    reason: null,
    reason_text: null,
    responsibility: null,
    makeup_for_entry_id: null,
    note,
    corrects_entry_id: head.id,
    recorded_by: actorLabel(ctx.actor),
    created_at: at,
    updated_at: at,
  };
  return saveSessionEntry(trx, ctx, row);
}

export type CorrectionLimits = {
  /** A staff link: it may correct only entries it recorded itself (`staff_link:<id>`). */
  recordedBy?: string;
  /** A staff link: the services it covers (a session moved to another service must stay in them). */
  serviceIds?: readonly string[];
};

/**
 * Correct, void, or re-log under the right service the session entry `id`, in one transaction. The
 * latest entry of its chain is what gets corrected; a correction of a voided entry brings it back
 * (an "undo void"). A refused correction writes nothing.
 */
export async function correctSessionEntry(
  store: Store,
  ctx: ServiceContext,
  id: string,
  body: unknown,
  limits: CorrectionLimits = {},
): Promise<SessionCorrectionResult> {
  const input = limits.recordedBy
    ? (parseOrThrow(StaffCorrectionInput, body) as SessionCorrectionInput)
    : parseOrThrow(SessionCorrectionInput, body);
  const today = ctx.clock.today();
  if (input.action !== 'void' && input.changes.date && input.changes.date > today) {
    throw invalid(
      'changes.date',
      `is in the future (today is ${formatLongDate(today)}); a session can be logged once it has happened`,
      { rule: 'correction.dateFuture', values: { today } },
    );
  }
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const target = await findSessionEntryInHousehold(trx, ctx.householdId, id);
    // A staff link sees only its own entries: another's answers as one that does not exist.
    if (!target || (limits.recordedBy && target.recorded_by !== limits.recordedBy))
      throw notFound('Session entry', id);
    const chain = chained(await listSessionEntriesOfService(trx, ctx.householdId, target.service_id));
    const head = latestInChain(chain, id)!;
    if (limits.recordedBy && head.row.recorded_by !== limits.recordedBy) {
      throw apiError('forbidden', 'session.familyCorrected');
    }
    const base = lastSessionOfChain(chain, head);
    if (!base) throw apiError('conflict', 'session.nothingToCorrect');
    const corrected = toSessionEntry(head.row, null);

    if (input.action === 'void') {
      if (head.status === 'void') {
        throw apiError('conflict', 'session.alreadyVoided');
      }
      const correction = await writeVoid(trx, ctx, head.row, input.note);
      return { correction, corrected: { ...corrected, correctedByEntryId: correction.id }, relogged: null };
    }

    if (input.action === 'correct') {
      const fields = inputFrom(base.row, input.changes, input.note);
      const unchanged = JSON.stringify(inputFrom(base.row, {}, null)) === JSON.stringify(fields);
      if (unchanged && head.status !== 'void') {
        throw invalid('changes', 'change at least one thing, or void the entry if it was logged by mistake', {
          rule: 'correction.nothingChanged',
        });
      }
      if (limits.recordedBy) fields.source = 'provider_link';
      const parsed = parseOrThrow(SessionEntryInput, { ...fields, correctsEntryId: head.id }, 'changes');
      const correction = await writeSessionEntry(trx, ctx, parsed, {
        keepMakeupFor: base.row.makeup_for_entry_id,
      });
      return { correction, corrected: { ...corrected, correctedByEntryId: correction.id }, relogged: null };
    }

    // Logged under the wrong service: void it here and log the same session under the right one.
    if (head.status === 'void') {
      throw apiError('conflict', 'session.voidedRelog');
    }
    if (input.serviceId === base.row.service_id) {
      throw invalid(
        'serviceId',
        'is the service it is logged under already; choose the service it belongs to',
        { rule: 'correction.sameService' },
      );
    }
    if (limits.serviceIds && !limits.serviceIds.includes(input.serviceId)) {
      throw notFound('Service', input.serviceId, 'serviceId');
    }
    const service = await requireServiceWithPlan(trx, ctx.householdId, input.serviceId, 'serviceId');
    if (service.child_id !== base.row.child_id) {
      throw invalid('serviceId', 'must be a service of the same child', { rule: 'correction.otherChild' });
    }
    const correction = await writeVoid(trx, ctx, head.row, input.note);
    const fields = {
      ...inputFrom(base.row, input.changes, input.note),
      serviceId: input.serviceId,
      // A make-up named a miss of the other service: under the right one it cures the oldest owed minutes.
      makeupForEntryId: null,
      ...(limits.recordedBy ? { source: 'provider_link' as const } : {}),
    };
    const relogged = await writeSessionEntry(
      trx,
      ctx,
      parseOrThrow(SessionEntryInput, { ...fields, correctsEntryId: null }, 'changes'),
    );
    return { correction, corrected: { ...corrected, correctedByEntryId: correction.id }, relogged };
  });
}

/** A session a staff link confirmed, as the link's page shows it. */
export type StaffConfirmation = {
  id: string;
  serviceId: string;
  date: string;
  status: SessionStatus;
  minutesDelivered: number;
  reason: MissReason | null;
  startTime: string | null;
  /** The family corrected or voided it since: the link can no longer change it. */
  changedByFamily: boolean;
};

/**
 * What a staff link recorded from `from` on, as it stands now: for each correction chain the link took
 * part in, the link's latest word, if it is still current; or, when the family corrected or voided it
 * since, the link's last entry marked as changed by the family. A chain the link voided itself is gone.
 */
export async function staffConfirmations(
  db: Db,
  householdId: string,
  serviceIds: readonly string[],
  recordedBy: string,
  from: string,
): Promise<StaffConfirmation[]> {
  if (serviceIds.length === 0) return [];
  // From `from` on, with every correction whatever its date.
  const rows = await listSessionEntriesWithCorrections(db, householdId, { serviceIds, from });
  const { headOf } = currentSessionEntries(chained(rows));
  // The link's latest entry in each chain, keyed by the chain's head.
  const latestOwn = new Map<string, SessionEntryRow>();
  for (const r of rows) {
    if (r.recorded_by !== recordedBy) continue;
    const head = headOf.get(r.id)?.row ?? r;
    const seen = latestOwn.get(head.id);
    if (!seen || seen.id < r.id) latestOwn.set(head.id, r);
  }
  const out: StaffConfirmation[] = [];
  for (const [headId, own] of latestOwn) {
    const head = headId === own.id ? own : rows.find((r) => r.id === headId)!;
    const byLink = head.recorded_by === recordedBy;
    if (byLink && head.status === 'void') continue;
    const shown = byLink ? head : own;
    if (shown.status === 'void' || shown.date < from) continue;
    out.push({
      id: shown.id,
      serviceId: shown.service_id,
      date: shown.date,
      status: shown.status as SessionStatus,
      minutesDelivered: Number(shown.minutes_delivered),
      reason: shown.reason as MissReason | null,
      startTime: shown.start_time ?? null,
      changedByFamily: !byLink,
    });
  }
  return out.sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1));
}
