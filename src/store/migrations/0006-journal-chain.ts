import type { Kysely } from 'kysely';
import { GENESIS_HASH, journalEntryHash } from '../journal-hash.ts';

// Chain the journal: each entry gets the previous entry's hash and its own. Entries written before
// this migration are chained now, in their order, so every household verifies from its first entry.

/** How `verify`'s journal replay treats what this migration adds (docs/paper-trail.md). */
export const replay =
  'Adds the hash chain to the journal itself and changes no record, so replay is unaffected; entries written before it are chained in their order.';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('journal').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('journal').addColumn('hash', 'text').execute();
  const households = (await db.selectFrom('household').select('id').execute()) as { id: string }[];
  for (const { id } of households) {
    const rows = (await db
      .selectFrom('journal')
      .select(['id', 'seq', 'at', 'actor', 'action', 'entity', 'entity_id', 'data'])
      .where('household_id', '=', id)
      .orderBy('seq')
      .execute()) as {
      id: string;
      seq: number;
      at: string;
      actor: string;
      action: string;
      entity: string;
      entity_id: string;
      data: string;
    }[];
    let prevHash = GENESIS_HASH;
    for (const r of rows) {
      const hash = journalEntryHash({
        householdId: id,
        seq: Number(r.seq),
        at: r.at,
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        data: r.data,
        prevHash,
      });
      await db.updateTable('journal').set({ prev_hash: prevHash, hash }).where('id', '=', r.id).execute();
      prevHash = hash;
    }
  }
}
