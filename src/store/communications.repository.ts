import type { Db } from './repository.ts';

// The communication log's queries that the services' rules need beyond the generic record service:
// what a link to another message must know of it, and the messages an email import already holds.

/** A message of the household as a link to it is checked (its child and kind), or undefined. */
export function findCommunicationLink(db: Db, householdId: string, id: string) {
  return db
    .selectFrom('communication')
    .select(['child_id', 'kind'])
    .where('household_id', '=', householdId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The household's messages that came in by email, each id by its Message-ID. */
export async function communicationIdsByMessageId(db: Db, householdId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('communication')
    .select(['id', 'message_id'])
    .where('household_id', '=', householdId)
    .where('message_id', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.message_id!, r.id]));
}
