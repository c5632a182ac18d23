import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { type ChainRow, GENESIS_HASH, journalEntryHash } from './journal-hash.ts';
import { type KeysetOrder, keysetPage, type Page, type PageRequest } from './pagination.ts';
import { parseJsonColumn } from './repository.ts';
import type { Database, JournalRow } from './schema.ts';

export type JournalAction = 'create' | 'update' | 'delete' | 'amend' | 'import';

export type JournalAppend = {
  householdId: string;
  actor: string;
  action: JournalAction;
  entity: string;
  entityId: string;
  data: unknown;
  at: string;
  id: string;
};

/**
 * Where a household's journal stands: how many entries, and the hash of the last (null with none).
 * Exports carry it, so a file can be checked later against `as-written verify --expect-head`.
 */
export async function journalHead(
  db: Kysely<Database> | Transaction<Database>,
  householdId: string,
): Promise<{ entries: number; hash: string | null }> {
  const last = await db
    .selectFrom('journal')
    .select(['seq', 'hash'])
    .where('household_id', '=', householdId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { entries: Number(last?.seq ?? 0), hash: last?.hash ?? null };
}

/**
 * Append one entry to a household's journal. Must be called inside the transaction that makes
 * the change, so the record and its journal entry commit (or roll back) together. `seq` numbers a
 * household's entries without gaps; callers lock the household row first (see lockHousehold), so
 * two writers cannot take the same number.
 */
export async function appendJournal(trx: Transaction<Database>, entry: JournalAppend): Promise<JournalRow> {
  const last = await trx
    .selectFrom('journal')
    .select(['seq', 'hash'])
    .where('household_id', '=', entry.householdId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fields = {
    householdId: entry.householdId,
    seq: Number(last?.seq ?? 0) + 1,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    data: JSON.stringify(entry.data),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const row: JournalRow = {
    id: entry.id,
    household_id: fields.householdId,
    seq: fields.seq,
    at: fields.at,
    actor: fields.actor,
    action: fields.action,
    entity: fields.entity,
    entity_id: fields.entityId,
    data: fields.data,
    prev_hash: fields.prevHash,
    hash: journalEntryHash(fields),
  };
  await trx.insertInto('journal').values(row).execute();
  return row;
}

/** A stored entry with its fields named as in code; `data` stays the stored text (the hash covers it). */
export function journalEntryOf(r: JournalRow): ChainRow {
  return {
    id: r.id,
    householdId: r.household_id,
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    data: r.data,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * What a change was appended with: any JSON value (a record, the fields a change changed and their
 * values, ...), whose shape is the journaling service's. Read as it is, not reshaped: the hash covers
 * its text, and the journal's page serves it unchanged.
 */
const JournalData = z.unknown();

/** A stored entry's data, parsed from its text. */
export function journalData(row: Pick<JournalRow, 'data'>): unknown {
  return parseJsonColumn(JournalData, 'journal.data', row.data);
}

export async function listJournal(
  db: Kysely<Database>,
  householdId: string,
  options: { entity?: string; entityId?: string; afterSeq?: number } & PageRequest,
): Promise<Page<JournalRow>> {
  let q = db.selectFrom('journal').selectAll().where('household_id', '=', householdId);
  if (options.entity) q = q.where('entity', '=', options.entity);
  if (options.entityId) q = q.where('entity_id', '=', options.entityId);
  if (options.afterSeq != null) q = q.where('seq', '>', options.afterSeq);
  return keysetPage(q, JOURNAL_ORDER, options);
}

/** The journal's order, which its cursors follow: seq (unique in a household, so no tiebreaker). */
const JOURNAL_ORDER: KeysetOrder = { list: 'journal', columns: ['seq'], direction: 'asc' };

/** A household's whole journal, oldest first (verify walks its chain). */
export function journalOfHousehold(
  db: Kysely<Database> | Transaction<Database>,
  householdId: string,
): Promise<JournalRow[]> {
  return db
    .selectFrom('journal')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('seq')
    .execute();
}
