import { type Kysely, PostgresAdapter, sql } from 'kysely';

// References stay inside their household, by the database itself (issue 15). Until now every foreign
// key between household records named `id` alone, so a row could name another household's row and
// only the services, the import and `verify` stood in the way. From here on each such key is
// composite: `(household_id, plan_id) REFERENCES plan (household_id, id)`, with
// `UNIQUE (household_id, id)` on every table a key names, so a row can only name a row of its own
// household, whatever writes it (a service, the import, a restore, a hand-written SQL statement).
//
// The keys are the references of src/store/record-references.ts held in a plain column and backed by
// a foreign key ("required"), as they stand at this migration (listed here, so that a later change
// to that file does not change what this migration did). The links without a foreign key, which may
// name a record deleted since (`corrects_entry_id`, `makeup_for_entry_id`, `in_reply_to_id`,
// `follows_up_id`, `letter.communication_id`), and the id lists in JSON columns cannot carry a key:
// the services check them on every write and the import and restore check them too
// (docs/ARCHITECTURE.md, "References stay inside their household").
//
// A row that already names another household's row (an import before imports checked references
// could write one; migration 0008 reports them) would break its new key. The migration then refuses,
// changing nothing, and tells the operator to run `as-written repair --cross-household` (which
// migrates only as far as the migration before this one, removes those rows with a journal entry
// each, and then migrates to the end). It never deletes a family's rows by itself.
//
// PostgreSQL: ALTER TABLE adds the unique constraints and swaps each key (its old name read from the
// catalog), inside the migrations' transaction. SQLite cannot change a table's keys, so each table
// holding a key is rebuilt (new table with the same definition but the composite key, rows copied,
// old table dropped, new one renamed, its indexes made again), in one transaction of its own (Kysely
// runs SQLite migrations outside a transaction). Foreign-key enforcement is switched off around that
// transaction, as SQLite's documentation prescribes for rebuilding a table
// (https://www.sqlite.org/lang_altertable.html#otheralter): with `PRAGMA defer_foreign_keys` instead,
// dropping a table that other rows name counts every such row as a violation that nothing takes back,
// and the commit fails. `PRAGMA foreign_key_check` runs before the commit; a row breaking any key
// fails the migration with the rows named, and the transaction leaves the database as it was.
// ON DELETE/ON UPDATE of each key is kept (all are NO ACTION today).

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Changes keys only: every foreign key between household records becomes (household_id, id), so a row can only name a row of its own household. No row and no field changes, so replay is unaffected; on a database holding a row that names another household, the migration refuses until "as-written repair --cross-household" has removed it (with a journal delete entry each, replayed like any delete).';

/** Fields this migration added to rows that already had journal entries: none (no column changes). */
export const replayDefaults = {};

type Key = { table: string; column: string; target: string };

/** Every reference between household records held in a plain column with a foreign key, at this migration. */
export const COMPOSITE_KEYS: readonly Key[] = [
  { table: 'plan', column: 'child_id', target: 'child' },
  { table: 'plan_version', column: 'plan_id', target: 'plan' },
  { table: 'service', column: 'plan_id', target: 'plan' },
  { table: 'accommodation', column: 'plan_id', target: 'plan' },
  { table: 'goal', column: 'plan_id', target: 'plan' },
  { table: 'behavior_step', column: 'plan_id', target: 'plan' },
  { table: 'key_date', column: 'plan_id', target: 'plan' },
  { table: 'team_contact', column: 'child_id', target: 'child' },
  { table: 'school_calendar', column: 'child_id', target: 'child' },
  { table: 'calendar_event', column: 'calendar_id', target: 'school_calendar' },
  { table: 'session_entry', column: 'child_id', target: 'child' },
  { table: 'session_entry', column: 'service_id', target: 'service' },
  // Nullable: a null plan_version_id skips the key (MATCH SIMPLE), as before.
  { table: 'session_entry', column: 'plan_version_id', target: 'plan_version' },
  { table: 'accommodation_observation', column: 'accommodation_id', target: 'accommodation' },
  { table: 'behavior_incident', column: 'plan_id', target: 'plan' },
  { table: 'class_period', column: 'child_id', target: 'child' },
  { table: 'goal_progress', column: 'goal_id', target: 'goal' },
  { table: 'work_sample', column: 'child_id', target: 'child' },
  { table: 'check_in', column: 'child_id', target: 'child' },
  { table: 'communication', column: 'child_id', target: 'child' },
  { table: 'parent_note', column: 'child_id', target: 'child' },
  { table: 'school_absence', column: 'child_id', target: 'child' },
  { table: 'letter', column: 'child_id', target: 'child' },
  { table: 'living_iep_notes', column: 'child_id', target: 'child' },
];

/** The tables a composite key names, each given UNIQUE (household_id, id). */
const REFERENCED = [...new Set(COMPOSITE_KEYS.map((k) => k.target))];
/** The tables holding a key (rebuilt on SQLite), in the order they were created. */
const HOLDING = [...new Set(COMPOSITE_KEYS.map((k) => k.table))];

export const uniqueName = (table: string) => `${table}_household_id_uq`;
export const keyName = (k: Key) => `${k.table}_${k.column.replace(/_id$/, '')}_fk`;

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
type Db = Kysely<any>;

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function up(db: Kysely<any>): Promise<void> {
  await refuseCrossHouseholdRows(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) await upPostgres(db);
  else await upSqlite(db);
}

/** Refuse, changing nothing, while a row names another household's row through a column that gets a key. */
async function refuseCrossHouseholdRows(db: Db): Promise<void> {
  let total = 0;
  const examples: string[] = [];
  for (const k of COMPOSITE_KEYS) {
    const key = k.table === 'living_iep_notes' ? 'child_id' : 'id';
    const rows = await sql<{ id: string; target_id: string }>`
      select r.${sql.ref(key)} as id, r.${sql.ref(k.column)} as target_id
      from ${sql.table(k.table)} r
      join ${sql.table(k.target)} t on t.id = r.${sql.ref(k.column)}
      where t.household_id <> r.household_id
      order by r.${sql.ref(key)}`.execute(db);
    total += rows.rows.length;
    for (const r of rows.rows) {
      if (examples.length < 5) examples.push(`${k.table} ${r.id} (${k.column} ${r.target_id})`);
    }
  }
  if (total === 0) return;
  throw new Error(
    `migration 0015-household-foreign-keys cannot run: ${total} record(s) name a record of another household, ` +
      `which the new keys forbid (${examples.join('; ')}${total > examples.length ? '; ...' : ''}). ` +
      'Nothing was changed. Run "as-written repair --cross-household" (with --dry-run first to list them): ' +
      'it removes those records, with a journal entry for each, and then finishes the migrations.',
  );
}

const PG_ACTIONS: Record<string, string> = {
  a: '',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

async function upPostgres(db: Db): Promise<void> {
  for (const table of REFERENCED) {
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(uniqueName(table))} unique (household_id, id)`.execute(
      db,
    );
  }
  for (const k of COMPOSITE_KEYS) {
    // The key as 0001..0012 made it: PostgreSQL named it; read the name (and its actions) from the catalog.
    const found = await sql<{ conname: string; confdeltype: string; confupdtype: string }>`
      select c.conname, c.confdeltype, c.confupdtype
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f'
        and c.conrelid = to_regclass(${k.table}::text)
        and c.confrelid = to_regclass(${k.target}::text)
        and array_length(c.conkey, 1) = 1
        and a.attname = ${k.column}`.execute(db);
    if (found.rows.length !== 1) {
      throw new Error(
        `migration 0015-household-foreign-keys: expected one foreign key on ${k.table}.${k.column} to ${k.target}, found ${found.rows.length}`,
      );
    }
    const old = found.rows[0]!;
    const onDelete = PG_ACTIONS[old.confdeltype] ?? '';
    const onUpdate = PG_ACTIONS[old.confupdtype] ?? '';
    await sql`alter table ${sql.table(k.table)}
      drop constraint ${sql.ref(old.conname)},
      add constraint ${sql.ref(keyName(k))} foreign key (household_id, ${sql.ref(k.column)})
        references ${sql.table(k.target)} (household_id, id)${sql.raw(onDelete ? ` on delete ${onDelete}` : '')}${sql.raw(onUpdate ? ` on update ${onUpdate}` : '')}`.execute(
      db,
    );
  }
}

async function upSqlite(db: Db): Promise<void> {
  const enforced = async () =>
    Number((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0]?.foreign_keys ?? 0);
  const wasOn = (await enforced()) === 1;
  await sql`pragma foreign_keys = off`.execute(db);
  // The pragma is a no-op inside a transaction: rebuilding with keys enforced would fail at the commit.
  if ((await enforced()) !== 0) {
    throw new Error('migration 0015-household-foreign-keys must run outside a transaction on SQLite');
  }
  try {
    await db.transaction().execute(async (trx) => {
      for (const table of HOLDING) await rebuild(trx, table);
      for (const table of REFERENCED) {
        await sql`create unique index ${sql.ref(uniqueName(table))} on ${sql.table(table)} (household_id, id)`.execute(
          trx,
        );
      }
      const broken = await sql<{
        table: string;
        rowid: number;
        parent: string;
      }>`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) {
        const first = broken.rows
          .slice(0, 5)
          .map((r) => `${r.table} row ${r.rowid} names a missing ${r.parent}`)
          .join('; ');
        throw new Error(
          `migration 0015-household-foreign-keys: ${broken.rows.length} row(s) break a foreign key (${first}). Nothing was changed.`,
        );
      }
    });
  } finally {
    if (wasOn) await sql`pragma foreign_keys = on`.execute(db);
  }
}

const SQLITE_ACTION = /^(set null|set default|cascade|restrict)$/i;

/** Rebuild one SQLite table with its keys made composite: same columns, constraints and indexes. */
async function rebuild(db: Db, table: string): Promise<void> {
  const def = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
  let text = def.rows[0]?.sql;
  if (!text) throw new Error(`migration 0015-household-foreign-keys: table ${table} is missing`);
  const indexes = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null`.execute(
    db,
  );
  const keysBefore = await sql<{ table: string; from: string; on_update: string; on_delete: string }>`
    select * from pragma_foreign_key_list(${table})`.execute(db);
  const temp = `${table}__0015`;
  const header = new RegExp(`^create table ${q(table)}\\s*`, 'i');
  if (!header.test(text))
    throw new Error(`migration 0015-household-foreign-keys: unexpected definition of ${table}`);
  text = text.replace(header, `CREATE TABLE ${q(temp)} `);
  const constraints: string[] = [];
  for (const k of COMPOSITE_KEYS.filter((k) => k.table === table)) {
    // The column's own `references "target" ("id")` (with any actions after it) goes; a table
    // constraint with the composite key takes its place, with the same actions.
    const clause = new RegExp(
      `(${q(k.column)}\\s[^,]*?)\\s+references\\s+${q(k.target)}\\s*\\(\\s*"id"\\s*\\)((?:\\s+on\\s+(?:delete|update)\\s+(?:set\\s+null|set\\s+default|cascade|restrict|no\\s+action))*)`,
      'gi',
    );
    const matches = text.match(clause) ?? [];
    if (matches.length !== 1) {
      throw new Error(
        `migration 0015-household-foreign-keys: expected one foreign key on ${table}.${k.column} to ${k.target}, found ${matches.length}`,
      );
    }
    text = text.replace(clause, '$1');
    const before = keysBefore.rows.find((r) => r.from === k.column && r.table === k.target);
    const actions = [
      SQLITE_ACTION.test(before?.on_delete ?? '') ? ` on delete ${before!.on_delete.toLowerCase()}` : '',
      SQLITE_ACTION.test(before?.on_update ?? '') ? ` on update ${before!.on_update.toLowerCase()}` : '',
    ].join('');
    constraints.push(
      `constraint ${q(keyName(k))} foreign key ("household_id", ${q(k.column)}) references ${q(k.target)} ("household_id", "id")${actions}`,
    );
  }
  const close = text.lastIndexOf(')');
  if (close !== text.trimEnd().length - 1)
    throw new Error(`migration 0015-household-foreign-keys: unexpected definition of ${table}`);
  text = `${text.slice(0, close)}, ${constraints.join(', ')}${text.slice(close)}`;
  const columns = (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)).rows
    .map((c) => q(c.name))
    .join(', ');
  await sql.raw(text).execute(db);
  await sql.raw(`INSERT INTO ${q(temp)} (${columns}) SELECT ${columns} FROM ${q(table)}`).execute(db);
  await sql.raw(`DROP TABLE ${q(table)}`).execute(db);
  await sql.raw(`ALTER TABLE ${q(temp)} RENAME TO ${q(table)}`).execute(db);
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
}
