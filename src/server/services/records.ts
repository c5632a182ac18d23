import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { VoidInput } from '../../api/records.ts';
import type { Store } from '../../store/database.ts';
import { appendJournal } from '../../store/journal.repository.ts';
import type { Database } from '../../store/schema.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import { actorLabel, type ServiceContext } from '../context.ts';
import { AppError, invalid, issuesToFields, notFound, validationError } from '../errors.ts';
import { recordToRow, rowToRecord } from './record-mapping.ts';
import type { ResourceDef } from './resources.ts';

export type ApiRecord = Record<string, unknown> & { id: string };

// biome-ignore lint/suspicious/noExplicitAny: table names are checked by ResourceDef; rows are generic here
type AnyTrx = Transaction<any>;

export function toApiRecord(def: ResourceDef, row: Record<string, unknown>): ApiRecord {
  const record = rowToRecord(row, def.jsonFields);
  return (def.toApi ? def.toApi(record) : record) as ApiRecord;
}

function toRow(def: ResourceDef, record: Record<string, unknown>): Record<string, unknown> {
  return recordToRow(def.fromApi ? def.fromApi(record) : record, def.jsonFields);
}

export function parseOrThrow<S extends z.ZodType>(schema: S, body: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw validationError(issuesToFields(result.error.issues, prefix));
  return result.data;
}

async function findRow(trx: AnyTrx, table: string, householdId: string, id: string) {
  return trx
    .selectFrom(table)
    .selectAll()
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .executeTakeFirst();
}

async function requireParent(
  trx: AnyTrx,
  def: ResourceDef,
  householdId: string,
  record: Record<string, unknown>,
) {
  if (!def.parent) return null;
  const parentId = record[def.parent.key] as string;
  const parent = await findRow(trx, def.parent.table, householdId, parentId);
  if (!parent) throw notFound(def.parent.label, parentId, def.parent.key);
  return parent as Record<string, unknown>;
}

/** Checks that span records: a service lies within its plan's dates, a calendar day within its year. */
function checkAgainstParent(
  def: ResourceDef,
  record: Record<string, unknown>,
  parent: Record<string, unknown> | null,
) {
  if (!parent) return;
  if (def.entity === 'service') {
    const from = parent.effective_from as string;
    const to = parent.effective_to as string;
    if ((record.startDate as string) < from)
      throw invalid('startDate', `must not be before the plan starts (${from})`);
    if ((record.endDate as string) > to) throw invalid('endDate', `must not be after the plan ends (${to})`);
  }
  if (def.entity === 'calendar_event') {
    const first = parent.first_day as string;
    const last = parent.last_day as string;
    const start = record.startDate as string;
    const end = (record.endDate as string | null) ?? start;
    if (start < first || start > last) {
      throw invalid('startDate', `must fall within the school year (${first} to ${last})`);
    }
    if (end > last) throw invalid('endDate', `must fall within the school year (${first} to ${last})`);
  }
}

export async function createRecord(
  store: Store,
  ctx: ServiceContext,
  def: ResourceDef,
  body: unknown,
  afterCreate?: (trx: Transaction<Database>, record: ApiRecord) => Promise<void>,
): Promise<ApiRecord> {
  const input = parseOrThrow(def.input, body);
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const saved = await writeRecord(trx, ctx, def, input);
    if (afterCreate) await afterCreate(trx, saved);
    return saved;
  });
}

/** Check and insert one parsed record with its journal entry, inside the caller's transaction. */
export async function writeRecord(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  def: ResourceDef,
  parsed: Record<string, unknown>,
): Promise<ApiRecord> {
  const parent = await requireParent(trx, def, ctx.householdId, parsed);
  checkAgainstParent(def, parsed, parent);
  const prepared = def.prepare ? await def.prepare(trx, ctx.householdId, parsed) : parsed;
  if (def.validate) await def.validate(trx, ctx.householdId, prepared);
  const input = def.settle ? await def.settle(trx, ctx.householdId, prepared, null) : prepared;
  const at = ctx.clock.now();
  const record = { ...input, id: ctx.newId(), householdId: ctx.householdId, createdAt: at, updatedAt: at };
  await (trx as AnyTrx).insertInto(def.table).values(toRow(def, record)).execute();
  const saved = toApiRecord(
    def,
    (await findRow(trx, def.table, ctx.householdId, record.id)) as Record<string, unknown>,
  );
  await appendJournal(trx, {
    id: ctx.newId(),
    householdId: ctx.householdId,
    actor: actorLabel(ctx.actor),
    action: 'create',
    entity: def.entity,
    entityId: record.id,
    data: saved,
    at,
  });
  return saved;
}

export async function getRecord(
  store: Store,
  householdId: string,
  def: ResourceDef,
  id: string,
): Promise<ApiRecord> {
  const row = await findRow(store.db as unknown as AnyTrx, def.table, householdId, id);
  if (!row) throw notFound(def.label, id);
  return toApiRecord(def, row as Record<string, unknown>);
}

export async function listRecords(
  store: Store,
  householdId: string,
  def: ResourceDef,
  filters: Record<string, string | undefined>,
): Promise<ApiRecord[]> {
  // biome-ignore lint/suspicious/noExplicitAny: generic over the resource's table
  let q = (store.db as any).selectFrom(def.table).selectAll().where('household_id', '=', householdId);
  for (const key of def.filters) {
    const value = filters[key];
    if (value)
      q = q.where(
        key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
        '=',
        value,
      );
  }
  for (const [key, column] of Object.entries(def.containsFilters ?? {})) {
    const value = filters[key];
    // Values are ids (checked by the route's schema), so they hold no LIKE wildcards.
    if (value) q = q.where(column, 'like', `%${JSON.stringify(value)}%`);
  }
  for (const column of def.orderBy) q = q.orderBy(column);
  const rows = (await q.execute()) as Record<string, unknown>[];
  return rows.map((row) => toApiRecord(def, row));
}

/**
 * Change some fields of a record. The changed fields are merged onto the stored record and the
 * whole result is validated again, so a change cannot leave a record inconsistent (an end date
 * before its start, say). The parent of a record cannot change.
 */
export async function updateRecord(
  store: Store,
  ctx: ServiceContext,
  def: ResourceDef,
  id: string,
  body: unknown,
  afterUpdate?: (trx: Transaction<Database>, before: ApiRecord, after: ApiRecord) => Promise<void>,
): Promise<ApiRecord> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationError([{ path: '(body)', message: 'must be a JSON object of the fields to change' }]);
  }
  const changes = body as Record<string, unknown>;
  const known = new Set(Object.keys(def.fields.shape));
  const unknownKeys = Object.keys(changes).filter((k) => !known.has(k));
  if (unknownKeys.length > 0) {
    throw validationError(unknownKeys.map((k) => ({ path: k, message: 'is not a field of this record' })));
  }
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const row = await findRow(trx, def.table, ctx.householdId, id);
    if (!row) throw notFound(def.label, id);
    const before = toApiRecord(def, row as Record<string, unknown>);
    if (def.parent && def.parent.key in changes && changes[def.parent.key] !== before[def.parent.key]) {
      throw invalid(def.parent.key, `cannot be changed; create a new ${def.label.toLowerCase()} instead`);
    }
    const { id: _id, householdId: _h, createdAt, updatedAt: _u, ...current } = before;
    const parsed = parseOrThrow(def.input, { ...current, ...changes });
    const parent = await requireParent(trx, def, ctx.householdId, parsed);
    checkAgainstParent(def, parsed, parent);
    if (def.validate) await def.validate(trx, ctx.householdId, parsed);
    const merged = def.settle ? await def.settle(trx, ctx.householdId, parsed, { before, changes }) : parsed;
    const at = ctx.clock.now();
    const { [def.parent?.key ?? '']: _p, ...settable } = merged;
    await (trx as AnyTrx)
      .updateTable(def.table)
      .set(toRow(def, { ...(def.parent ? settable : merged), updatedAt: at }))
      .where('household_id', '=', ctx.householdId)
      .where('id', '=', id)
      .execute();
    const after = toApiRecord(
      def,
      (await findRow(trx, def.table, ctx.householdId, id)) as Record<string, unknown>,
    );
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(after)) {
      if (key === 'updatedAt') continue;
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
        changed[key] = { from: before[key], to: after[key] };
    }
    await appendJournal(trx, {
      id: ctx.newId(),
      householdId: ctx.householdId,
      actor: actorLabel(ctx.actor),
      action: 'update',
      entity: def.entity,
      entityId: id,
      data: { changed, createdAt },
      at,
    });
    if (afterUpdate) await afterUpdate(trx, before, after);
    return after;
  });
}

export async function deleteRecord(
  store: Store,
  ctx: ServiceContext,
  def: ResourceDef,
  id: string,
  beforeDelete?: (trx: Transaction<Database>, record: ApiRecord) => Promise<void>,
): Promise<void> {
  if (!def.deletable) throw new AppError('conflict', `${def.label} records cannot be deleted`);
  await inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const row = await findRow(trx, def.table, ctx.householdId, id);
    if (!row) throw notFound(def.label, id);
    const record = toApiRecord(def, row as Record<string, unknown>);
    if (beforeDelete) await beforeDelete(trx, record);
    await (trx as AnyTrx)
      .deleteFrom(def.table)
      .where('household_id', '=', ctx.householdId)
      .where('id', '=', id)
      .execute();
    await appendJournal(trx, {
      id: ctx.newId(),
      householdId: ctx.householdId,
      actor: actorLabel(ctx.actor),
      action: 'delete',
      entity: def.entity,
      entityId: id,
      data: record,
      at: ctx.clock.now(),
    });
  });
}

/**
 * Void (or un-void) an observation, an incident, a work sample or a message. The record is not
 * deleted: it keeps every field, gains who voided it, when and why, and counts nowhere (patterns,
 * rates, letters, the living IEP, the report, the advisor) until the void is undone. Like any change,
 * it is an `update` journal entry listing what changed; an undo's note travels in that entry too.
 */
export async function setRecordVoided(
  store: Store,
  ctx: ServiceContext,
  def: ResourceDef,
  id: string,
  body: unknown,
): Promise<ApiRecord> {
  if (!def.voidable) throw new AppError('conflict', `${def.label} records cannot be voided`);
  const input = parseOrThrow(VoidInput, body);
  return inHouseholdTransaction(store, ctx.householdId, async (trx) => {
    const row = await findRow(trx, def.table, ctx.householdId, id);
    if (!row) throw notFound(def.label, id);
    const before = toApiRecord(def, row as Record<string, unknown>);
    const lower = def.label.toLowerCase();
    if (input.voided && before.voidedAt) {
      throw new AppError('conflict', `This ${lower} was already voided; undo the void first to change it`);
    }
    if (!input.voided && !before.voidedAt) throw new AppError('conflict', `This ${lower} is not voided`);
    const at = ctx.clock.now();
    await (trx as AnyTrx)
      .updateTable(def.table)
      .set(
        input.voided
          ? { voided_at: at, voided_by: actorLabel(ctx.actor), void_note: input.note, updated_at: at }
          : { voided_at: null, voided_by: null, void_note: null, updated_at: at },
      )
      .where('household_id', '=', ctx.householdId)
      .where('id', '=', id)
      .execute();
    const after = toApiRecord(
      def,
      (await findRow(trx, def.table, ctx.householdId, id)) as Record<string, unknown>,
    );
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['voidedAt', 'voidedBy', 'voidNote']) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
        changed[key] = { from: before[key], to: after[key] };
    }
    await appendJournal(trx, {
      id: ctx.newId(),
      householdId: ctx.householdId,
      actor: actorLabel(ctx.actor),
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
    return after;
  });
}
