import { type Kysely, sql, type Transaction } from 'kysely';
import type { Store } from './database.ts';
import { appendJournal } from './journal.repository.ts';
import {
  idsAt,
  RECORD_REFERENCES,
  type RecordReference,
  type ReferencingTable,
  referenceColumn,
  referenceIsJson,
  targetTables,
} from './record-references.ts';
import type { Database } from './schema.ts';

// Finding (and, on request, removing) rows that name a row of another household. Since the import
// checks every reference (household-transfer.ts) and the services load every target by id and
// household, a new database never has any; a database written before those checks may. Migration
// 0008 reports them, `as-written verify` names them, `as-written repair --cross-household` removes
// them with a journal entry for each. Since migration 0015 the database's composite keys refuse them
// in plain columns, and that migration refuses to run while one exists; JSON lists and optional
// links have no key, so the restore checks them here too.

// biome-ignore lint/suspicious/noExplicitAny: used by a migration, which must not depend on the current schema
type AnyDb = Kysely<any> | Transaction<any>;

export type CrossHouseholdReference = {
  table: ReferencingTable;
  /** The row's key: its id (the child's id for living_iep_notes, whose key is the child). */
  id: string;
  householdId: string;
  /** Where the id sits inside the row (API field names), as in the export format. */
  path: string;
  targetId: string;
  /** The household the named row belongs to. */
  targetHouseholdId: string;
};

const keyColumn = (table: ReferencingTable) => (table === 'living_iep_notes' ? 'child_id' : 'id');

/**
 * References whose column exists in this database (a migration may run before a later one adds a column
 * or a table), and the tables present, so a list that may name any record looks only in those.
 */
async function referencesPresent(
  db: AnyDb,
): Promise<{ references: RecordReference[]; tables: ReadonlySet<string> }> {
  let tables = await db.introspection.getTables();
  // PostgreSQL lists the tables of every schema; only this connection's own count (a table added by a
  // later migration may already exist in another schema of the same database, as in the test suite).
  if (tables.some((t) => t.schema != null)) {
    const current = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    const schema = current.rows[0]?.schema;
    tables = tables.filter((t) => t.schema === schema);
  }
  const columns = new Set(tables.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`)));
  return {
    references: RECORD_REFERENCES.filter((r) => columns.has(`${r.table}.${referenceColumn(r)}`)),
    tables: new Set(tables.map((t) => t.name)),
  };
}

/** The household of each of `ids` that is a row of one of `tables`. */
async function householdsOf(
  db: AnyDb,
  tables: readonly ReferencingTable[],
  ids: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    for (const table of tables) {
      const rows = (await db
        .selectFrom(table)
        .select(['id', 'household_id'])
        .where('id', 'in', batch)
        .execute()) as { id: string; household_id: string }[];
      for (const r of rows) out.set(r.id, r.household_id);
    }
  }
  return out;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Every row (of one household, or of all) holding a reference to a row of another household.
 * Plain columns are checked in SQL; JSON lists are read and their ids looked up.
 */
export async function findCrossHouseholdReferences(
  db: AnyDb,
  options: { householdId?: string } = {},
): Promise<CrossHouseholdReference[]> {
  const found: CrossHouseholdReference[] = [];
  const present = await referencesPresent(db);
  for (const ref of present.references) {
    const column = referenceColumn(ref);
    const key = keyColumn(ref.table);
    if (!referenceIsJson(ref)) {
      const [target] = targetTables(ref);
      const rows = await sql<{
        id: string;
        household_id: string;
        target_id: string;
        target_household: string;
      }>`
        select r.${sql.ref(key)} as id, r.household_id, r.${sql.ref(column)} as target_id,
               t.household_id as target_household
        from ${sql.table(ref.table)} r
        join ${sql.table(target!)} t on t.id = r.${sql.ref(column)}
        where t.household_id <> r.household_id
        ${options.householdId ? sql`and r.household_id = ${options.householdId}` : sql``}
        order by r.${sql.ref(key)}`.execute(db);
      for (const r of rows.rows) {
        found.push({
          table: ref.table,
          id: r.id,
          householdId: r.household_id,
          path: ref.path,
          targetId: r.target_id,
          targetHouseholdId: r.target_household,
        });
      }
      continue;
    }
    let q = db
      .selectFrom(ref.table)
      .select([`${key} as id`, 'household_id', `${column} as value`])
      .orderBy(key);
    if (options.householdId) q = q.where('household_id', '=', options.householdId);
    const rows = (await q.execute()) as { id: string; household_id: string; value: string | null }[];
    const named: { row: (typeof rows)[number]; path: string; id: string }[] = [];
    for (const row of rows) {
      if (row.value == null) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(row.value);
      } catch {
        continue; // not ours to judge here: a JSON column that does not parse is a different fault
      }
      for (const hit of idsAt({ [camel(column)]: parsed }, ref.path)) named.push({ row, ...hit });
    }
    if (named.length === 0) continue;
    const owners = await householdsOf(
      db,
      targetTables(ref).filter((t) => present.tables.has(t)),
      [...new Set(named.map((n) => n.id))],
    );
    for (const n of named) {
      const owner = owners.get(n.id);
      if (owner && owner !== n.row.household_id) {
        found.push({
          table: ref.table,
          id: n.row.id,
          householdId: n.row.household_id,
          path: n.path,
          targetId: n.id,
          targetHouseholdId: owner,
        });
      }
    }
  }
  return found;
}

/** Referrers are removed before what they name, so foreign keys hold at every step. */
const REMOVAL_ORDER: readonly ReferencingTable[] = [
  'service_log_mark',
  'service_log_import',
  'letter',
  'living_iep_notes',
  'check_in',
  'session_entry',
  'parent_note',
  'school_absence',
  'district_calendar',
  'iep_document',
  'communication',
  'work_sample',
  'goal_progress',
  'class_period',
  'behavior_incident',
  'accommodation_observation',
  'calendar_event',
  'school_calendar',
  'key_date',
  'team_contact',
  'behavior_step',
  'goal',
  'accommodation',
  'service',
  'plan_version',
  'plan',
  'attachment',
  'child',
];

export type RemovedRow = {
  table: ReferencingTable;
  id: string;
  householdId: string;
  /** Why: the reference to another household's row, or the removed row this one depended on. */
  reason: string;
};

/**
 * Remove every row that names another household's row, and every row of the same household that
 * names a removed row (a correction of a removed session entry, a session of a removed service), in
 * one transaction, appending a journal entry for each (actor `system:repair`).
 */
export async function removeCrossHouseholdReferences(
  store: Store,
  env: { now: string; newId: () => string },
): Promise<RemovedRow[]> {
  return store.db.transaction().execute((trx) => removeInTransaction(store, trx, env));
}

async function removeInTransaction(
  store: Store,
  trx: Transaction<Database>,
  env: { now: string; newId: () => string },
): Promise<RemovedRow[]> {
  const db = trx as unknown as Transaction<Record<string, Record<string, unknown>>>;
  const bad = await findCrossHouseholdReferences(trx);
  const removed = new Map<string, RemovedRow>();
  const keyOf = (table: string, householdId: string, id: string) => `${table}/${householdId}/${id}`;
  let frontier: RemovedRow[] = [];
  for (const b of bad) {
    const k = keyOf(b.table, b.householdId, b.id);
    if (removed.has(k)) continue;
    const row: RemovedRow = {
      table: b.table,
      id: b.id,
      householdId: b.householdId,
      reason: `${b.path} names ${b.targetId}, a record of another household`,
    };
    removed.set(k, row);
    frontier.push(row);
  }
  const { references } = await referencesPresent(trx);
  // Follow dependents until nothing new is found.
  while (frontier.length > 0) {
    const next: RemovedRow[] = [];
    for (const ref of references) {
      const targets = new Set(targetTables(ref));
      const gone = frontier.filter((r) => targets.has(r.table));
      if (gone.length === 0) continue;
      const column = referenceColumn(ref);
      const key = keyColumn(ref.table);
      for (const householdId of new Set(gone.map((g) => g.householdId))) {
        const goneIds = new Set(gone.filter((g) => g.householdId === householdId).map((g) => g.id));
        const rows = (await db
          .selectFrom(ref.table)
          .select([`${key} as id`, `${column} as value`])
          .where('household_id', '=', householdId)
          .execute()) as { id: string; value: string | null }[];
        for (const row of rows) {
          if (row.value == null) continue;
          const ids = referenceIsJson(ref)
            ? idsAt({ [camel(column)]: safeParse(row.value) }, ref.path).map((h) => h.id)
            : [row.value];
          const hit = ids.find((id) => goneIds.has(id));
          if (!hit) continue;
          const k = keyOf(ref.table, householdId, row.id);
          if (removed.has(k)) continue;
          const dependent: RemovedRow = {
            table: ref.table,
            id: row.id,
            householdId,
            reason: `${ref.path} names ${hit}, which is removed`,
          };
          removed.set(k, dependent);
          next.push(dependent);
        }
      }
    }
    frontier = next;
  }
  const rows = [...removed.values()].sort(
    (a, b) => REMOVAL_ORDER.indexOf(a.table) - REMOVAL_ORDER.indexOf(b.table) || a.id.localeCompare(b.id),
  );
  // Journal sequence numbers are taken under the household's row lock (see transaction.ts).
  if (store.kind === 'postgres') {
    for (const householdId of [...new Set(rows.map((r) => r.householdId))].sort()) {
      await sql`select id from household where id = ${householdId} for update`.execute(trx);
    }
  }
  for (const r of rows) {
    const key = keyColumn(r.table);
    const before = await db
      .selectFrom(r.table)
      .selectAll()
      .where('household_id', '=', r.householdId)
      .where(key, '=', r.id)
      .executeTakeFirst();
    if (!before) continue;
    await db.deleteFrom(r.table).where('household_id', '=', r.householdId).where(key, '=', r.id).execute();
    await appendJournal(trx, {
      id: env.newId(),
      householdId: r.householdId,
      actor: 'system:repair',
      action: 'delete',
      entity: r.table,
      entityId: r.id,
      data: { reason: r.reason, record: journalSafe(before) },
      at: env.now,
    });
  }
  return rows;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A row as the journal keeps it: binary columns are not part of these tables, so text is enough. */
function journalSafe(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v]));
}
