import type { Transaction } from 'kysely';
import { appendJournal, type JournalAppend } from '../../store/journal.repository.ts';
import type { Database, JournalRow } from '../../store/schema.ts';
import { actorLabel, type ServiceContext } from '../context.ts';

/** What changed; the journal entry's id, household and actor come from the service context. */
export type JournalChange = Omit<JournalAppend, 'id' | 'householdId' | 'actor'>;

/**
 * Append to the household's journal the change the context's actor makes, inside the transaction
 * that makes it (see appendJournal).
 */
export function journalChange(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  change: JournalChange,
): Promise<JournalRow> {
  return appendJournal(trx, {
    id: ctx.newId(),
    householdId: ctx.householdId,
    actor: actorLabel(ctx.actor),
    ...change,
  });
}
