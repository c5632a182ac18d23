import type { Db } from './repository.ts';

// Which reminders each parent has been emailed: one row per household, person and reminder, so a
// reminder is sent once per person however often the hourly run goes (services/reminder-mail.ts).

/** Of these reminder keys, the ones already sent to this person. */
export async function remindersSentTo(
  db: Db,
  householdId: string,
  userId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('reminder_sent')
    .select('reminder_key')
    .where('household_id', '=', householdId)
    .where('user_id', '=', userId)
    .where('reminder_key', 'in', [...keys])
    .execute();
  return new Set(rows.map((r) => r.reminder_key));
}

/** Remember that these reminders were sent to this person. */
export async function recordRemindersSent(
  db: Db,
  householdId: string,
  userId: string,
  keys: readonly string[],
  at: string,
): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insertInto('reminder_sent')
    .values(
      keys.map((key) => ({ household_id: householdId, user_id: userId, reminder_key: key, sent_at: at })),
    )
    .execute();
}
