import type { Db } from './repository.ts';

// Which reminders each parent has been emailed: one row per household, person and reminder, so a
// reminder is sent once per person however often the hourly run goes (services/reminder-mail.ts).

/**
 * Claims these reminders for this person: records them as sent and returns the keys this call recorded.
 * A key another run (in this process or another, on the same database) has already recorded is not
 * returned, so two runs that overlap never both send it: the row's primary key decides, in one statement.
 */
export async function claimReminders(
  db: Db,
  householdId: string,
  userId: string,
  keys: readonly string[],
  at: string,
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .insertInto('reminder_sent')
    .values(
      keys.map((key) => ({ household_id: householdId, user_id: userId, reminder_key: key, sent_at: at })),
    )
    .onConflict((oc) => oc.columns(['household_id', 'user_id', 'reminder_key']).doNothing())
    .returning('reminder_key')
    .execute();
  return new Set(rows.map((r) => r.reminder_key));
}

/** Gives back claimed reminders whose email could not be sent, so the next run sends them. */
export async function releaseReminders(
  db: Db,
  householdId: string,
  userId: string,
  keys: readonly string[],
): Promise<void> {
  if (keys.length === 0) return;
  await db
    .deleteFrom('reminder_sent')
    .where('household_id', '=', householdId)
    .where('user_id', '=', userId)
    .where('reminder_key', 'in', [...keys])
    .execute();
}
