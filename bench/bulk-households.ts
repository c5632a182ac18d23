// Many households in little time, for the load test at 10,000 households (issue 18): a few households are
// made through the app (seedDemoHousehold, so each is exactly what the app writes), then copied in SQL on
// PostgreSQL, table by table, each copy with ids of its own. Seeding 10,000 households one by one through
// the app takes the better part of an hour; copying them takes minutes.
//
// A copy's ids: every UUID (version 7, as the app makes them) anywhere in a copied row, in its columns and
// inside the text and JSON it stores, gets the copy's number as its first 8 hex digits, so the references between
// the copy's rows hold (the plan's services and the frozen plan content name the same ids) and no two
// copies share an id. The ids of `keep` (the advocate's account, which is not the household's) stay as
// they are. The time order of ids within a copy is the template's; across copies it is not time order,
// which the load test does not read.
import pg from 'pg';

type Column = { name: string; type: string };

/** The tables a household's rows live in (`household` itself, then every table with a household_id), with their columns. */
async function householdTables(client: pg.Client): Promise<Map<string, Column[]>> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `select c.table_name, c.column_name, c.data_type from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and (c.table_name = 'household' or c.table_name in (
          select table_name from information_schema.columns where table_schema = 'public' and column_name = 'household_id'))
      order by c.table_name = 'household' desc, c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, Column[]>();
  for (const r of rows) {
    const columns = tables.get(r.table_name) ?? [];
    columns.push({ name: r.column_name, type: r.data_type });
    tables.set(r.table_name, columns);
  }
  return tables;
}

/** A UUID version 7 (as the app makes them): its first 8 hex digits, then what shows its version. */
const ID_START = '[0-9a-f]{8}(-[0-9a-f]{4}-7)';
const WHOLE_ID = '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';

/**
 * A column's value in a copy: a text that is an id gets the copy's prefix; a longer text or a JSON value
 * that names ids (a journal entry, frozen plan content) has each of them rewritten; `keep` stays.
 */
function copiedValue(column: Column, keep: readonly string[]): string {
  const col = `x."${column.name}"`;
  const kept = keep.map((id) => `'${id}'`).join(', ');
  const rewrite = (text: string) => {
    const hidden = keep.reduce((t, id, i) => `replace(${t}, '${id}', '~keep${i}~')`, text);
    const done = `regexp_replace(${hidden}, '${ID_START}', p.prefix || '\\1', 'g')`;
    return keep.reduce((t, id, i) => `replace(${t}, '~keep${i}~', '${id}')`, done);
  };
  if (column.type === 'jsonb' || column.type === 'json')
    return `(${rewrite(`${col}::text`)})::${column.type}`;
  if (column.type !== 'text' && column.type !== 'character varying') return col;
  return `case when ${col} is null or position('-7' in ${col}) = 0${kept ? ` or ${col} in (${kept})` : ''} then ${col}
    when ${col} ~ '${WHOLE_ID}' then p.prefix || substr(${col}, 9)
    else ${rewrite(col)} end`;
}

/** The id a copy gives to a template's id: the copy's number as its first 8 hex digits. */
export function copiedId(id: string, copy: number): string {
  return `${copy.toString(16).padStart(8, '0')}${id.slice(8)}`;
}

/**
 * Copies `templates` (household ids) into `copies` new households, copy k (1-based) from template
 * (k - 1) modulo their number, and returns the new households' ids in order. `keep`: ids never rewritten.
 */
export async function copyHouseholds(
  connectionString: string,
  templates: readonly string[],
  copies: number,
  keep: readonly string[],
): Promise<string[]> {
  if (copies <= 0) return [];
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('begin');
    // The copies are whole and consistent; the foreign keys are checked by the app's own rows already.
    await client.query('set local session_replication_role = replica');
    await client.query(
      'create temporary table copy_plan (template text, copy integer, prefix text) on commit drop',
    );
    await client.query(
      `insert into copy_plan
       select ($1::text[])[((k - 1) % array_length($1::text[], 1)) + 1], k, lpad(to_hex(k), 8, '0')
         from generate_series(1, $2::integer) k`,
      [templates, copies],
    );
    for (const [table, columns] of await householdTables(client)) {
      const key = table === 'household' ? 'id' : 'household_id';
      const started = performance.now();
      const { rowCount } = await client.query(
        `insert into "${table}" (${columns.map((c) => `"${c.name}"`).join(', ')})
         select ${columns.map((c) => copiedValue(c, keep)).join(', ')}
           from "${table}" x join copy_plan p on x."${key}" = p.template`,
      );
      if (process.env.LOAD_VERBOSE)
        process.stderr.write(
          `    ${table}: ${rowCount} rows in ${Math.round(performance.now() - started)} ms\n`,
        );
    }
    await client.query('commit');
    // As a server that has run for a while would have them: the planner's statistics and the visibility
    // map of tables that just grew a hundredfold (autovacuum would get there, in the middle of a run).
    await client.query('vacuum (analyze)');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return Array.from({ length: copies }, (_, i) => copiedId(templates[i % templates.length]!, i + 1));
}
