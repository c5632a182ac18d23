import type { Kysely, Transaction } from 'kysely';
import type { Creator } from '../../api/members.ts';
import type { Database } from '../../store/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

// Who made a secret link (a calendar address, a staff link, an invitation), for the lists that show
// them. Someone who has left the household is named only as a former member: the remaining members
// see that the link outlived its maker's membership without learning more about that person.

export const formerMember = (userId: string | null): Creator => ({
  userId,
  displayName: null,
  email: null,
  formerMember: true,
});

/** A lookup from user id to creator, for the current members of one household. */
export async function creatorsIn(db: Db, householdId: string): Promise<(userId: string | null) => Creator> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('user_account', 'user_account.id', 'membership.user_id')
    .select(['user_account.id', 'user_account.display_name', 'user_account.email'])
    .where('membership.household_id', '=', householdId)
    .execute();
  const members = new Map(
    rows.map((r) => [
      r.id,
      { userId: r.id, displayName: r.display_name, email: r.email, formerMember: false } as Creator,
    ]),
  );
  return (userId) => (userId ? members.get(userId) : undefined) ?? formerMember(userId);
}

/** Whether a user is still a member of a household: a secret they made works only while they are. */
export async function isMember(db: Db, householdId: string, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const row = await db
    .selectFrom('membership')
    .select('id')
    .where('household_id', '=', householdId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Boolean(row);
}
