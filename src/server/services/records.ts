import type { Transaction } from 'kysely';
import type { RecordPath } from '../../api/records.ts';
import { VoidInput } from '../../api/records.ts';
import type { Store } from '../../store/database.ts';
import { keysetPage, type Page, type PageRequest } from '../../store/pagination.ts';
import {
  deleteRecordRow,
  findRecordRow,
  insertRecordRow,
  type RecordRow,
  type RecordRowFilters,
  recordRows,
  recordRowsQuery,
  updateRecordRow,
} from '../../store/records.repository.ts';
import { type Db, findInHousehold } from '../../store/repository.ts';
import type { Database } from '../../store/schema.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { apiError, invalid, notFound, parseOrThrow, validationError } from '../errors.ts';
import { journalChange } from './journal.ts';
import { recordToRow, rowToRecord } from './record-mapping.ts';
import type { AnyResourceDef, RecordOf, ResourceDef } from './resources.ts';

export type ApiRecord = Record<string, unknown> & { id: string };

/**
 * The record service handles every type alike, by field name; its callers get each type's record
 * (`RecordOf<P>`). Only here is a definition seen as any definition.
 */
function loose<P extends RecordPath>(def: ResourceDef<P>): AnyResourceDef {
  return def as unknown as AnyResourceDef;
}

/** A stored row as the record it is served as (the response serialiser checks it against the contract). */
export function toApiRecord<P extends RecordPath>(
  def: Pick<ResourceDef<P>, 'path' | 'jsonFields' | 'toApi'>,
  row: Record<string, unknown>,
): RecordOf<P> {
  const record = rowToRecord(row, def.jsonFields);
  return (def.toApi ? def.toApi(record) : record) as RecordOf<P>;
}

function toRow(def: AnyResourceDef, record: Record<string, unknown>): Record<string, unknown> {
  return recordToRow(def.fromApi ? def.fromApi(record) : record, def.jsonFields);
}

/** A household's record as it is served, or a 404 naming its type. */
async function requireRecord(
  db: Db,
  def: AnyResourceDef,
  householdId: string,
  id: string,
): Promise<ApiRecord> {
  const row = await findRecordRow(db, def.table, householdId, id);
  if (!row) throw notFound(def.label, id);
  return toApiRecord(def, row) as ApiRecord;
}

/** Set columns of a household's record, and read it back as it is served. */
async function updateRow(
  trx: Transaction<Database>,
  def: AnyResourceDef,
  householdId: string,
  id: string,
  values: Record<string, unknown>,
): Promise<ApiRecord> {
  await updateRecordRow(trx, def.table, householdId, id, values);
  return toApiRecord(def, (await findRecordRow(trx, def.table, householdId, id)) as RecordRow) as ApiRecord;
}

/** Each of the keys whose value differs between the two records, with its value before and after. */
function changedFields(
  before: ApiRecord,
  after: ApiRecord,
  keys: readonly string[],
): Record<string, { from: unknown; to: unknown }> {
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changed[key] = { from: before[key], to: after[key] };
  }
  return changed;
}

async function requireParent(
  trx: Transaction<Database>,
  def: AnyResourceDef,
  householdId: string,
  record: Record<string, unknown>,
) {
  if (!def.parent) return null;
  const parentId = record[def.parent.key] as string;
  const parent = await findInHousehold(trx, def.parent.table, householdId, parentId);
  if (!parent) throw notFound(def.parent.label, parentId, def.parent.key);
  return parent as Record<string, unknown>;
}

/** Checks that span records, by the definition (a service within its plan's dates, ...). */
function checkAgainstParent(
  def: AnyResourceDef,
  record: Record<string, unknown>,
  parent: Record<string, unknown> | null,
) {
  if (parent && def.checkParent) def.checkParent(record, parent);
}

export async function createRecord<P extends RecordPath>(
  store: Store,
  ctx: ServiceContext,
  def: ResourceDef<P>,
  body: unknown,
): Promise<RecordOf<P>> {
  const input = parseOrThrow(def.input, body);
  return inHouseholdTransaction(store, ctx.householdId, (trx) => writeRecord(trx, ctx, def, input));
}

/** Check and insert one parsed record with its journal entry, inside the caller's transaction. */
export async function writeRecord<P extends RecordPath>(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  typedDef: ResourceDef<P>,
  parsed: Record<string, unknown>,
): Promise<RecordOf<P>> {
  const def = loose(typedDef);
  const parent = await requireParent(trx, def, ctx.householdId, parsed);
  checkAgainstParent(def, parsed, parent);
  const prepared = def.prepare ? await def.prepare(trx, ctx.householdId, parsed) : parsed;
  if (def.validate) await def.validate(trx, ctx.householdId, prepared);
  const input = def.settle ? await def.settle(trx, ctx.householdId, prepared, null) : prepared;
  const at = ctx.clock.now();
  const record = { ...input, id: ctx.newId(), householdId: ctx.householdId, createdAt: at, updatedAt: at };
  await insertRecordRow(trx, def.table, toRow(def, record));
  const saved = toApiRecord(
    def,
    (await findRecordRow(trx, def.table, ctx.householdId, record.id)) as RecordRow,
  ) as ApiRecord;
  await journalChange(trx, ctx, {
    action: 'create',
    entity: def.entity,
    entityId: record.id,
    data: saved,
    at,
  });
  if (def.afterCreate) await def.afterCreate(trx, ctx, saved);
  return saved as RecordOf<P>;
}

export async function getRecord<P extends RecordPath>(
  store: Store,
  householdId: string,
  def: ResourceDef<P>,
  id: string,
): Promise<RecordOf<P>> {
  return (await requireRecord(store.db, loose(def), householdId, id)) as RecordOf<P>;
}

/** Every record of a type that the filters select, in the type's order (for the services' own reading). */
export async function listRecords<P extends RecordPath>(
  store: Store,
  householdId: string,
  def: ResourceDef<P>,
  filters: Record<string, string | undefined>,
): Promise<RecordOf<P>[]> {
  const rows = await recordRows(store.db, def.table, householdId, rowFilters(def, filters), def.orderBy);
  return rows.map((row) => toApiRecord(def, row));
}

/**
 * One page of the same list (the list route): after the cursor, in the type's order (its `orderBy`,
 * which ends with `id`) or the reverse. The household filter holds whatever the cursor says.
 */
export async function listRecordsPage<P extends RecordPath>(
  store: Store,
  householdId: string,
  def: ResourceDef<P>,
  filters: Record<string, string | undefined>,
  page: PageRequest & { order: 'asc' | 'desc' },
): Promise<Page<RecordOf<P>>> {
  const order = { list: def.path, columns: def.orderBy, direction: page.order };
  const query = recordRowsQuery(store.db, def.table, householdId, rowFilters(def, filters));
  const result = await keysetPage(query, order, page);
  return { rows: result.rows.map((row) => toApiRecord(def, row)), nextCursor: result.nextCursor };
}

/** The list's filters that have a value, as the columns they match (API field names are camelCase). */
function rowFilters<P extends RecordPath>(
  def: ResourceDef<P>,
  filters: Record<string, string | undefined>,
): RecordRowFilters {
  const given = (key: string): string[] => {
    const value = filters[key];
    return value ? [value] : [];
  };
  return {
    equal: def.filters.flatMap((key) =>
      given(key).map((value) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value] as const),
    ),
    listContains: Object.entries(def.containsFilters ?? {}).flatMap(([key, column]) =>
      given(key).map((id) => [column, id] as const),
    ),
  };
}

/** What a change to one stored record takes: the store, who acts and when, the record's type, its id, the request's body. */
type RecordChange<P extends RecordPath> = [
  store: Store,
  ctx: ServiceContext,
  def: ResourceDef<P>,
  id: string,
  body: unknown,
];

/**
 * Change some fields of a record. The changed fields are merged onto the stored record and the
 * whole result is validated again, so a change cannot leave a record inconsistent (an end date
 * before its start, say). The parent of a record cannot change.
 */
export async function updateRecord<P extends RecordPath>(
  ...[store, ctx, typedDef, id, body]: RecordChange<P>
): Promise<RecordOf<P>> {
  const def = loose(typedDef);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationError([{ path: '(body)', message: 'must be a JSON object of the fields to change' }]);
  }
  const changes = body as Record<string, unknown>;
  const known = new Set(Object.keys(def.fields.shape));
  const unknownKeys = Object.keys(changes).filter((k) => !known.has(k));
  if (unknownKeys.length > 0) {
    throw validationError(unknownKeys.map((k) => ({ path: k, message: 'is not a field of this record' })));
  }
  return inHouseholdTransaction(store, ctx.householdId, (trx) =>
    writeUpdate(trx, ctx, typedDef, id, changes),
  );
}

/**
 * Change some fields of a record inside the caller's transaction, with the same checks and journal
 * entry as a PATCH (a district calendar's confirmed change moves the day it added).
 */
export async function writeUpdate<P extends RecordPath>(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  typedDef: ResourceDef<P>,
  id: string,
  changes: Record<string, unknown>,
): Promise<RecordOf<P>> {
  const def = loose(typedDef);
  const before = await requireRecord(trx, def, ctx.householdId, id);
  if (def.parent && def.parent.key in changes && changes[def.parent.key] !== before[def.parent.key]) {
    throw invalid(def.parent.key, `cannot be changed; create a new ${def.label.toLowerCase()} instead`);
  }
  const { id: _id, householdId: _h, createdAt, updatedAt: _u, ...current } = before;
  const parsed: Record<string, unknown> = parseOrThrow(def.input, { ...current, ...changes });
  const parent = await requireParent(trx, def, ctx.householdId, parsed);
  checkAgainstParent(def, parsed, parent);
  if (def.validate) await def.validate(trx, ctx.householdId, parsed);
  const merged = def.settle ? await def.settle(trx, ctx.householdId, parsed, { before, changes }) : parsed;
  const at = ctx.clock.now();
  const { [def.parent?.key ?? '']: _p, ...settable } = merged;
  const after = await updateRow(
    trx,
    def,
    ctx.householdId,
    id,
    toRow(def, { ...(def.parent ? settable : merged), updatedAt: at }),
  );
  const changed = changedFields(
    before,
    after,
    Object.keys(after).filter((key) => key !== 'updatedAt'),
  );
  await journalChange(trx, ctx, {
    action: 'update',
    entity: def.entity,
    entityId: id,
    data: { changed, createdAt },
    at,
  });
  if (def.afterUpdate) await def.afterUpdate(trx, ctx, before, after);
  return after as RecordOf<P>;
}

export async function deleteRecord<P extends RecordPath>(
  store: Store,
  ctx: ServiceContext,
  typedDef: ResourceDef<P>,
  id: string,
): Promise<void> {
  await inHouseholdTransaction(store, ctx.householdId, (trx) => writeDelete(trx, ctx, typedDef, id));
}

/** Delete one record with its journal entry, inside the caller's transaction (the same checks as DELETE). */
export async function writeDelete<P extends RecordPath>(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  typedDef: ResourceDef<P>,
  id: string,
): Promise<void> {
  const def = loose(typedDef);
  if (!def.deletable)
    throw apiError('conflict', 'record.notDeletable', { kind: def.entity, label: def.label });
  const record = await requireRecord(trx, def, ctx.householdId, id);
  if (def.beforeDelete) await def.beforeDelete(trx, ctx, record);
  await deleteRecordRow(trx, def.table, ctx.householdId, id);
  await journalChange(trx, ctx, {
    action: 'delete',
    entity: def.entity,
    entityId: id,
    data: record,
    at: ctx.clock.now(),
  });
}

/**
 * Void (or un-void) an observation, an incident, a work sample or a message. The record is not
 * deleted: it keeps every field, gains who voided it, when and why, and counts nowhere (patterns,
 * rates, letters, the living IEP, the report, the advisor) until the void is undone. Like any change,
 * it is an `update` journal entry listing what changed; an undo's note travels in that entry too.
 */
export async function setRecordVoided<P extends RecordPath>(
  ...[store, ctx, typedDef, id, body]: RecordChange<P>
): Promise<RecordOf<P>> {
  const def = loose(typedDef);
  if (!def.voidable) throw apiError('conflict', 'record.notVoidable', { kind: def.entity, label: def.label });
  const input = parseOrThrow(VoidInput, body);
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const before = await requireRecord(trx, def, ctx.householdId, id);
    const named = { kind: def.entity, name: def.label.toLowerCase() };
    if (input.voided && before.voidedAt) {
      throw apiError('conflict', 'record.alreadyVoided', named);
    }
    if (!input.voided && !before.voidedAt) throw apiError('conflict', 'record.notVoided', named);
    const at = ctx.clock.now();
    const after = await updateRow(
      trx,
      def,
      ctx.householdId,
      id,
      input.voided
        ? { voided_at: at, voided_by: actorLabel(ctx.actor), void_note: input.note, updated_at: at }
        : { voided_at: null, voided_by: null, void_note: null, updated_at: at },
    );
    const changed = changedFields(before, after, ['voidedAt', 'voidedBy', 'voidNote']);
    await journalChange(trx, ctx, {
      action: 'update',
      entity: def.entity,
      entityId: id,
      data: {
        changed,
        createdAt: before.createdAt,
        // The void's own note is one of the changes; an undo clears it, so its note is kept here.
        ...(input.voided ? {} : { undoNote: input.note }),
      },
      at,
    });
    return after as RecordOf<P>;
  });
}
