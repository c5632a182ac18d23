import { type Household, HouseholdInput } from '../../api/households.ts';
import {
  allHouseholds,
  findHousehold,
  householdsOfUser,
  insertHousehold,
  insertMembership,
} from '../../store/accounts.repository.ts';
import type { Store } from '../../store/database.ts';
import { appendJournal, journalData, journalEntryOf, listJournal } from '../../store/journal.repository.ts';
import type { PageRequest } from '../../store/pagination.ts';
import type { HouseholdRow } from '../../store/schema.ts';
import { type Actor, actorLabel, type Clock } from '../context.ts';
import { notFound, parseOrThrow } from '../errors.ts';

export const toHousehold = (r: Pick<HouseholdRow, 'id' | 'name' | 'created_at'>): Household => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
});

export async function createHousehold(
  store: Store,
  env: { actor: Actor; clock: Clock; newId: () => string },
  body: unknown,
): Promise<Household> {
  const input = parseOrThrow(HouseholdInput, body);
  return store.db.transaction().execute(async (trx) => {
    const row: HouseholdRow = { id: env.newId(), name: input.name, created_at: env.clock.now() };
    await insertHousehold(trx, row);
    if (env.actor.kind === 'user') {
      await insertMembership(trx, {
        id: env.newId(),
        household_id: row.id,
        user_id: env.actor.id,
        role: 'owner',
        created_at: row.created_at,
        updated_at: row.created_at,
      });
    }
    await appendJournal(trx, {
      id: env.newId(),
      householdId: row.id,
      actor: actorLabel(env.actor),
      action: 'create',
      entity: 'household',
      entityId: row.id,
      data: toHousehold(row),
      at: row.created_at,
    });
    return toHousehold(row);
  });
}

/** The households a user belongs to, with their role; without a user, every household (the CLI). */
export async function listHouseholds(
  store: Store,
  userId?: string,
): Promise<(Household & { role: string })[]> {
  if (userId) {
    const rows = await householdsOfUser(store.db, userId);
    return rows.map((r) => ({ ...toHousehold(r), role: r.role }));
  }
  const rows = await allHouseholds(store.db);
  return rows.map((r) => ({ ...toHousehold(r), role: 'none' }));
}

export async function getHousehold(store: Store, id: string): Promise<Household> {
  const row = await findHousehold(store.db, id);
  if (!row) throw notFound('Household', id);
  return toHousehold(row);
}

/** The household's journal, oldest first: every change, who made it, when, and the data. */
export async function householdJournal(
  store: Store,
  householdId: string,
  query: { entity?: string; entityId?: string; afterSeq?: number } & PageRequest,
) {
  const { rows, nextCursor } = await listJournal(store.db, householdId, query);
  const entries = rows.map((r) => {
    const { householdId: _household, prevHash: _prev, hash: _hash, data, ...entry } = journalEntryOf(r);
    return { ...entry, data: journalData({ data }) };
  });
  return { rows: entries, nextCursor };
}
