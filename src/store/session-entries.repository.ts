import type { SelectQueryBuilder } from 'kysely';
import type { LedgerReach } from '../domain/ledger-history.ts';
import { type KeysetOrder, keysetPage, type Page, type PageRequest } from './pagination.ts';
import { isReadMemo } from './read-memo.ts';
import { type Db, findInHousehold } from './repository.ts';
import type { Database, SessionEntryRow } from './schema.ts';

// The session log: one row per entry, never edited but for the family's classification of a miss
// (`responsibility`). A correction or a void is a new row naming the entry it corrects
// (`corrects_entry_id`); resolving the chains is the domain's (src/domain/corrections.ts), so these
// readers return rows as stored, corrections included.

/** A session entry of the household, or undefined (an id of another household is not found). */
export function findSessionEntryInHousehold(
  db: Db,
  householdId: string,
  id: string,
): Promise<SessionEntryRow | undefined> {
  return findInHousehold(db, 'session_entry', householdId, id);
}

/** The entry that corrects `entryId` (its id), or undefined when nothing corrects it. */
export function findCorrectionOf(
  db: Db,
  householdId: string,
  entryId: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('session_entry')
    .select('id')
    .where('household_id', '=', householdId)
    .where('corrects_entry_id', '=', entryId)
    .executeTakeFirst();
}

/** For each corrected entry (of one service, when given), the id of the entry that corrects it. */
export async function correctionIdsByEntry(
  db: Db,
  householdId: string,
  serviceId?: string,
): Promise<Map<string, string>> {
  let q = db
    .selectFrom('session_entry')
    .select(['id', 'corrects_entry_id'])
    .where('household_id', '=', householdId)
    .where('corrects_entry_id', 'is not', null);
  if (serviceId) q = q.where('service_id', '=', serviceId);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.corrects_entry_id!, r.id]));
}

/** What the session list may be narrowed by (every one optional). */
export type SessionEntryRowFilters = {
  serviceId?: string | undefined;
  childId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  kind?: string | undefined;
  source?: string | undefined;
};

function filteredEntries(db: Db, householdId: string, filters: SessionEntryRowFilters) {
  let q = db.selectFrom('session_entry').selectAll().where('household_id', '=', householdId);
  if (filters.serviceId) q = q.where('service_id', '=', filters.serviceId);
  if (filters.childId) q = q.where('child_id', '=', filters.childId);
  if (filters.from) q = q.where('date', '>=', filters.from);
  if (filters.to) q = q.where('date', '<=', filters.to);
  if (filters.kind) q = q.where('kind', '=', filters.kind);
  if (filters.source) q = q.where('source', '=', filters.source);
  return q;
}

/** The entries the filters leave (corrections and voids among them, each dated as stored), by date then id. */
export function listSessionEntryRows(
  db: Db,
  householdId: string,
  filters: SessionEntryRowFilters,
): Promise<SessionEntryRow[]> {
  return filteredEntries(db, householdId, filters).orderBy('date').orderBy('id').execute();
}

/** The session list's order, which its cursors follow: by date, then id. */
const SESSION_ORDER: KeysetOrder = { list: 'sessions', columns: ['date', 'id'], direction: 'asc' };

/** One page of the same list, after the cursor. */
export function pageOfSessionEntryRows(
  db: Db,
  householdId: string,
  filters: SessionEntryRowFilters,
  page: PageRequest,
): Promise<Page<SessionEntryRow>> {
  return keysetPage(filteredEntries(db, householdId, filters), SESSION_ORDER, page);
}

/** Every entry of a service (its correction chains whole), by id: the order they were recorded in. */
export function listSessionEntriesOfService(
  db: Db,
  householdId: string,
  serviceId: string,
): Promise<SessionEntryRow[]> {
  return db
    .selectFrom('session_entry')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('service_id', '=', serviceId)
    .orderBy('id')
    .execute();
}

/**
 * The entries of a scope (a child, some services, a kind) dated in a range (either end open), by date
 * then id, with every correction whatever its date: a correction dated outside the range (a date put
 * right) still names the entry it corrects, so chains resolve whole before the range is applied again.
 */
export async function listSessionEntriesWithCorrections(
  db: Db,
  householdId: string,
  scope: EntriesScope,
): Promise<SessionEntryRow[]> {
  if (scope.serviceIds?.length === 0) return [];
  // Through a read memo (the caseload: one child's week, ledger, patterns and case record each ask for
  // their own range), the child's entries are read whole once and each range is that read narrowed here
  // by the same conditions as the query below, in the same order.
  if (scope.childId && isReadMemo(db)) {
    const whole = await entriesWithCorrections(db, householdId, { childId: scope.childId });
    return whole.filter((row) => inEntriesScope(row, scope));
  }
  return entriesWithCorrections(db, householdId, scope);
}

type EntriesScope = {
  childId?: string;
  serviceIds?: readonly string[];
  from?: string;
  to?: string;
  kind?: string;
};

/** Whether a row of the scope's child is in the scope: the query of entriesWithCorrections, in code. */
function inEntriesScope(row: SessionEntryRow, scope: EntriesScope): boolean {
  if (scope.serviceIds && !scope.serviceIds.includes(row.service_id)) return false;
  if (scope.kind && row.kind !== scope.kind) return false;
  const { from, to } = scope;
  if (!from && !to) return true;
  return ((!from || row.date >= from) && (!to || row.date <= to)) || row.corrects_entry_id != null;
}

function entriesWithCorrections(
  db: Db,
  householdId: string,
  scope: EntriesScope,
): Promise<SessionEntryRow[]> {
  return inScopeWithCorrections(db.selectFrom('session_entry').selectAll(), householdId, scope);
}

/** The query of `listSessionEntriesWithCorrections`, for any choice of columns, by date then id. */
function inScopeWithCorrections<O>(
  select: SelectQueryBuilder<Database, 'session_entry', O>,
  householdId: string,
  scope: EntriesScope,
): Promise<O[]> {
  let q = select.where('household_id', '=', householdId);
  if (scope.childId) q = q.where('child_id', '=', scope.childId);
  if (scope.serviceIds) q = q.where('service_id', 'in', [...scope.serviceIds]);
  if (scope.kind) q = q.where('kind', '=', scope.kind);
  const { from, to } = scope;
  if (!from && !to) return q.orderBy('date').orderBy('id').execute();
  // The range, and apart from it the corrections dated outside it: two reads that each follow an index
  // (a child's entries by date; its corrections, migration 0027), where one condition, "in the range or
  // a correction", read every entry of the child to test it (a family's fifth year read all five).
  const inRange = q.where((eb) =>
    eb.and([...(from ? [eb('date', '>=', from)] : []), ...(to ? [eb('date', '<=', to)] : [])]),
  );
  const correctionsOutside = q
    .where('corrects_entry_id', 'is not', null)
    .where((eb) => eb.or([...(from ? [eb('date', '<', from)] : []), ...(to ? [eb('date', '>', to)] : [])]));
  return inRange.unionAll(correctionsOutside).orderBy('date').orderBy('id').execute();
}

/**
 * `listSessionEntriesWithCorrections` with only the ledger's columns (`LEDGER_ENTRY_COLUMNS`), for a
 * reader that needs no more (the home screen's sessions): a whole row is about twice as many columns,
 * note and reason text among them, and read one by one into objects it cost about as much as the rest
 * of the home screen's reads. Through a read memo, the whole rows that every reader shares.
 */
export async function listLedgerEntriesWithCorrections(
  db: Db,
  householdId: string,
  scope: EntriesScope,
): Promise<LedgerEntryRow[]> {
  if (scope.serviceIds?.length === 0) return [];
  if (scope.childId && isReadMemo(db)) return listSessionEntriesWithCorrections(db, householdId, scope);
  return inScopeWithCorrections(
    db.selectFrom('session_entry').select(LEDGER_ENTRY_COLUMNS),
    householdId,
    scope,
  );
}

/**
 * Only the columns the ledger reads (reading whole rows costs as much as the ledger itself at scale), each
 * held by migration 0026's index, so that the ledger's reads are answered from it alone.
 */
export const LEDGER_ENTRY_COLUMNS = [
  'id',
  'service_id',
  'date',
  'kind',
  'status',
  'minutes_delivered',
  'minutes_planned',
  'reason',
  'responsibility',
  'makeup_for_entry_id',
  'corrects_entry_id',
  'source',
  'start_time',
] as const;

/** The columns of a session entry the ledger reads. */
export type LedgerEntryRow = Pick<SessionEntryRow, (typeof LEDGER_ENTRY_COLUMNS)[number]>;

/** The ledger's columns of the household's entries of these services: what each ledger read narrows. */
function ledgerEntriesOf(db: Db, householdId: string, serviceIds: readonly string[]) {
  return db
    .selectFrom('session_entry')
    .select(LEDGER_ENTRY_COLUMNS)
    .where('household_id', '=', householdId)
    .where('service_id', 'in', [...serviceIds]);
}

/**
 * The entries of some services the ledger counts up to `to`: those dated up to it, and every correction
 * whatever its date (a correction dated later, a date put right, still replaces the entry it corrects).
 * In no particular order.
 */
export function listLedgerEntryRows(
  db: Db,
  householdId: string,
  serviceIds: readonly string[],
  to: string,
  /** The services' child: through a read memo, its entries read whole once serve the ledger too. */
  childId?: string,
): Promise<LedgerEntryRow[]> {
  if (serviceIds.length === 0) return Promise.resolve([]);
  if (childId && isReadMemo(db)) {
    const ids = new Set(serviceIds);
    return entriesWithCorrections(db, householdId, { childId }).then((rows) =>
      rows.filter((r) => ids.has(r.service_id) && (r.date <= to || r.corrects_entry_id != null)),
    );
  }
  const q = ledgerEntriesOf(db, householdId, serviceIds);
  // Through a read memo (the caseload's week and owed minutes run ledgers to different days), the
  // services' entries are read once and each ledger's day applied here, as the condition below does.
  if (isReadMemo(db))
    return q.execute().then((rows) => rows.filter((r) => r.date <= to || r.corrects_entry_id != null));
  return q.where((eb) => eb.or([eb('date', '<=', to), eb('corrects_entry_id', 'is not', null)])).execute();
}

/**
 * What a ledger over a window reads first (src/domain/ledger-history.ts): the entries of some services
 * the ledger reads (dated up to `to`, or a correction of any date) that are not history, that is those
 * dated from the cut on, the make-ups, and the corrections. In no particular order.
 */
export function listLedgerEntryRowsInReach(
  db: Db,
  householdId: string,
  serviceIds: readonly string[],
  reach: LedgerReach,
): Promise<LedgerEntryRow[]> {
  if (serviceIds.length === 0) return Promise.resolve([]);
  return ledgerEntriesOf(db, householdId, serviceIds)
    .where((eb) =>
      eb.or([
        eb.and([eb('date', '<=', reach.to), eb.or([eb('date', '>=', reach.cut), eb('kind', '=', 'makeup')])]),
        eb('corrects_entry_id', 'is not', null),
      ]),
    )
    .execute();
}

/**
 * The rest of what the ledger reads of some services: their history (dated before the cut and up to
 * `to`, neither a correction nor a make-up). With `listLedgerEntryRowsInReach`, exactly the rows of
 * `listLedgerEntryRows`. In no particular order.
 */
export function listLedgerHistoryRows(
  db: Db,
  householdId: string,
  serviceIds: readonly string[],
  reach: LedgerReach,
): Promise<LedgerEntryRow[]> {
  if (serviceIds.length === 0) return Promise.resolve([]);
  return ledgerEntriesOf(db, householdId, serviceIds)
    .where('date', '<', reach.cut)
    .where('date', '<=', reach.to)
    .where('corrects_entry_id', 'is', null)
    .where('kind', '<>', 'makeup')
    .execute();
}

/** The ledger's columns of the household's entries of these ids (those it has; in no particular order). */
export function listLedgerEntryRowsByIds(
  db: Db,
  householdId: string,
  ids: readonly string[],
): Promise<LedgerEntryRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('session_entry')
    .select(LEDGER_ENTRY_COLUMNS)
    .where('household_id', '=', householdId)
    .where('id', 'in', [...ids])
    .execute();
}

/** The household's entries of these ids (those it has; in no particular order). */
export function listSessionEntriesByIds(
  db: Db,
  householdId: string,
  ids: readonly string[],
): Promise<SessionEntryRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('session_entry')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('id', 'in', [...ids])
    .execute();
}

/** Whether any entry (a correction or a void included) is logged under the service. */
export async function serviceHasSessionEntries(
  db: Db,
  householdId: string,
  serviceId: string,
): Promise<boolean> {
  const used = await db
    .selectFrom('session_entry')
    .select('id')
    .where('household_id', '=', householdId)
    .where('service_id', '=', serviceId)
    .executeTakeFirst();
  return used !== undefined;
}

/** Insert a new entry (a first log, a correction or a void); journaling it is the service's. */
export async function insertSessionEntry(db: Db, row: SessionEntryRow): Promise<void> {
  await db.insertInto('session_entry').values(row).execute();
}

/** The one change made to an entry in place: the family's classification of a miss. */
export async function setSessionEntryResponsibility(
  db: Db,
  householdId: string,
  id: string,
  responsibility: string | null,
  at: string,
): Promise<void> {
  await db
    .updateTable('session_entry')
    .set({ responsibility, updated_at: at })
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .execute();
}
