import type { Creator } from '../../api/members.ts';
import { findMembership, listMembersWithAccounts } from '../../store/accounts.repository.ts';
import type { Db } from '../../store/repository.ts';

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
  const rows = await listMembersWithAccounts(db, householdId);
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
  return Boolean(await findMembership(db, householdId, userId));
}
