import type { Transaction } from 'kysely';
import { z } from 'zod';
import { AcceptInvitationInput } from '../../api/auth.ts';
import { InvitationInput, RemoveMemberQuery, RoleSchema } from '../../api/members.ts';
import { isRole, type Role } from '../../domain/permissions.ts';
import type { Store } from '../../store/database.ts';
import type { Database } from '../../store/schema.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import { hashPassword } from '../auth/passwords.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { claimToken, type Env, roleIn, toUser, type User } from './accounts.ts';
import { type AuditAction, appendAudit } from './audit.ts';
import { creatorsIn } from './creators.ts';
import { parseOrThrow } from './records.ts';

const later = (now: string, days: number) => new Date(Date.parse(now) + days * 86_400_000).toISOString();

/** "g***@example.com": enough for the right person to recognise, not enough to learn the address. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The refusal for an account that is not the invited address; the invitation stays usable. */
const wrongAccount = (invited: string) =>
  new AppError('forbidden', `This invitation was sent to ${maskEmail(invited)}`);

export async function createInvitation(
  store: Store,
  env: Env,
  householdId: string,
  actor: User,
  body: unknown,
) {
  const input = parseOrThrow(InvitationInput, body);
  const token = newToken();
  const at = env.clock.now();
  const id = env.newId();
  await store.db.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom('membership')
      .innerJoin('user_account', 'user_account.id', 'membership.user_id')
      .select('membership.id')
      .where('membership.household_id', '=', householdId)
      .where('user_account.email', '=', input.email)
      .executeTakeFirst();
    if (member) throw invalid('email', 'already belongs to a member of this household');
    await trx
      .insertInto('access_token')
      .values({
        id,
        token_hash: hashToken(token),
        purpose: 'invite',
        household_id: householdId,
        user_id: null,
        email: input.email,
        role: input.role,
        scope: null,
        label: null,
        created_by: actor.id,
        created_at: at,
        expires_at: later(at, input.expiresInDays),
        used_at: null,
        revoked_at: null,
      })
      .execute();
    await appendAudit(trx, {
      id: env.newId(),
      householdId,
      at,
      actor: `user:${actor.id}`,
      action: 'member_invited',
      data: { invitationId: id, email: input.email, role: input.role },
    });
  });
  return {
    invitation: {
      id,
      email: input.email,
      role: input.role,
      createdAt: at,
      expiresAt: later(at, input.expiresInDays),
      createdBy: (await creatorsIn(store.db, householdId))(actor.id),
    },
    token,
  };
}

export async function listInvitations(store: Store, env: Env, householdId: string) {
  const rows = await store.db
    .selectFrom('access_token')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('purpose', '=', 'invite')
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', env.clock.now())
    .orderBy('created_at')
    .execute();
  const creator = await creatorsIn(store.db, householdId);
  return rows.map((r) => ({
    id: r.id,
    email: r.email ?? '',
    role: r.role as Role,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    createdBy: creator(r.created_by),
  }));
}

export async function revokeInvitation(store: Store, env: Env, householdId: string, actor: User, id: string) {
  await store.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('access_token')
      .select(['id', 'revoked_at', 'used_at'])
      .where('id', '=', id)
      .where('household_id', '=', householdId)
      .where('purpose', '=', 'invite')
      .executeTakeFirst();
    if (!row) throw notFound('Invitation', id);
    if (row.used_at) throw new AppError('conflict', 'This invitation was already accepted');
    const at = env.clock.now();
    await trx.updateTable('access_token').set({ revoked_at: at }).where('id', '=', id).execute();
    await appendAudit(trx, {
      id: env.newId(),
      householdId,
      at,
      actor: `user:${actor.id}`,
      action: 'invitation_revoked',
      data: { invitationId: id },
    });
  });
}

/**
 * What an invitation offers, for the page that accepts it. Does not use up the token. Tells the page
 * when someone else is signed in, so it can say so before they try to join.
 */
export async function previewInvitation(store: Store, env: Env, token: string, signedIn: User | null) {
  const row = await store.db
    .selectFrom('access_token')
    .innerJoin('household', 'household.id', 'access_token.household_id')
    .select([
      'access_token.email',
      'access_token.role',
      'access_token.expires_at',
      'access_token.used_at',
      'access_token.revoked_at',
      'household.name',
    ])
    .where('access_token.token_hash', '=', hashToken(token))
    .where('access_token.purpose', '=', 'invite')
    .executeTakeFirst();
  if (!row || row.used_at || row.revoked_at || row.expires_at < env.clock.now()) {
    throw new AppError(
      'validation_failed',
      'This invitation has expired or was already used; ask for a new one',
      [{ path: 'token', message: 'is not valid any more' }],
    );
  }
  const account = await store.db
    .selectFrom('user_account')
    .select('id')
    .where('email', '=', row.email ?? '')
    .executeTakeFirst();
  return {
    householdName: row.name,
    role: row.role as Role,
    email: row.email ?? '',
    accountExists: Boolean(account),
    sentTo: maskEmail(row.email ?? ''),
    wrongAccount: signedIn != null && !sameEmail(signedIn.email, row.email ?? ''),
  };
}

/**
 * Accept an invitation: the signed-in user whose email is the invited address joins the household;
 * someone without an account creates one (for the invited email) with a name and password. The token
 * works once, and only for the invited address: a link forwarded to (or intercepted by) someone else
 * lets them join nobody's household.
 */
export async function acceptInvitation(store: Store, env: Env, signedIn: User | null, body: unknown) {
  const input = parseOrThrow(AcceptInvitationInput, body);
  const passwordHash = !signedIn && input.password ? await hashPassword(input.password) : null;
  return store.db.transaction().execute(async (trx) => {
    const token = await claimToken(
      trx,
      env.clock,
      'invite',
      input.token,
      'This invitation has expired or was already used; ask for a new one',
    );
    const at = env.clock.now();
    let user: User;
    let created = false;
    if (signedIn) {
      // Thrown inside the transaction, so the claim above is rolled back: the refusal does not use
      // up the invitation, and the invited person can still accept it.
      if (!sameEmail(signedIn.email, token.email ?? '')) throw wrongAccount(token.email ?? '');
      user = signedIn;
    } else {
      const existing = await trx
        .selectFrom('user_account')
        .selectAll()
        .where('email', '=', token.email ?? '')
        .executeTakeFirst();
      if (existing)
        throw new AppError(
          'unauthorized',
          'An account with this email exists; sign in first, then open the invitation again',
        );
      if (!input.displayName) throw invalid('displayName', 'is required to create your account');
      if (!passwordHash) throw invalid('password', 'is required to create your account');
      const row = {
        id: env.newId(),
        email: token.email ?? '',
        display_name: input.displayName,
        password_hash: passwordHash,
        password_changed_at: at,
        created_at: at,
        updated_at: at,
      };
      await trx.insertInto('user_account').values(row).execute();
      user = toUser(row);
      created = true;
    }
    const householdId = token.household_id!;
    const already = await trx
      .selectFrom('membership')
      .select('role')
      .where('household_id', '=', householdId)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (already) throw new AppError('conflict', 'You are already a member of this household');
    await trx
      .insertInto('membership')
      .values({
        id: env.newId(),
        household_id: householdId,
        user_id: user.id,
        role: token.role!,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await appendAudit(trx, {
      id: env.newId(),
      householdId,
      at,
      actor: `user:${user.id}`,
      action: 'member_joined',
      data: { invitationId: token.id, role: token.role, newAccount: created },
    });
    return { user, householdId, role: token.role as Role, created };
  });
}

export async function listMembers(store: Store, householdId: string) {
  const rows = await store.db
    .selectFrom('membership')
    .innerJoin('user_account', 'user_account.id', 'membership.user_id')
    .select([
      'user_account.id',
      'user_account.email',
      'user_account.display_name',
      'membership.role',
      'membership.created_at',
    ])
    .where('membership.household_id', '=', householdId)
    .orderBy('membership.created_at')
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role as Role,
    joinedAt: r.created_at,
  }));
}

async function ownerCount(db: Store['db'] | Transaction<Database>, householdId: string) {
  const r = await db
    .selectFrom('membership')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('household_id', '=', householdId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function changeRole(
  store: Store,
  env: Env,
  householdId: string,
  actor: User,
  userId: string,
  body: unknown,
) {
  const { role } = parseOrThrow(z.object({ role: RoleSchema }), body);
  const current = await roleIn(store, userId, householdId);
  if (!current) throw notFound('Member', userId);
  if (current === 'owner' && role !== 'owner' && (await ownerCount(store.db, householdId)) <= 1) {
    throw invalid('role', 'cannot change: a household needs at least one owner');
  }
  const at = env.clock.now();
  await store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('membership')
      .set({ role, updated_at: at })
      .where('household_id', '=', householdId)
      .where('user_id', '=', userId)
      .execute();
    await appendAudit(trx, {
      id: env.newId(),
      householdId,
      at,
      actor: `user:${actor.id}`,
      action: 'role_changed',
      data: { userId, from: current, to: role },
    });
  });
  return (await listMembers(store, householdId)).find((m) => m.userId === userId)!;
}

export type MembershipEnded = {
  calendarFeedsRevoked: number;
  staffLinksRevoked: number;
  staffLinksTransferred: number;
  invitationsRevoked: number;
};

/**
 * End a membership and, in the same transaction, everything the person holds in the household:
 * their calendar feeds, the invitations they sent that are still open, and the staff links they made
 * (revoked, or handed to the acting owner). Each revocation or hand-over is in the audit trail. One
 * transaction, so there is no moment when the person is gone but their links still work.
 */
async function endMembership(
  trx: Transaction<Database>,
  env: Env,
  householdId: string,
  actor: User,
  userId: string,
  staffLinks: 'revoke' | 'transfer',
): Promise<MembershipEnded> {
  const membership = await trx
    .selectFrom('membership')
    .select('role')
    .where('household_id', '=', householdId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!membership || !isRole(membership.role)) throw notFound('Member', userId);
  const role = membership.role;
  // Counted inside the transaction (the household row is locked on PostgreSQL), so two owners
  // removing each other at once cannot leave the household without one.
  if (role === 'owner' && (await ownerCount(trx, householdId)) <= 1) {
    throw new AppError('conflict', 'A household needs at least one owner; make someone else owner first');
  }
  const at = env.clock.now();
  const by = `user:${actor.id}`;
  const audit = (action: AuditAction, data: Record<string, unknown>) =>
    appendAudit(trx, { id: env.newId(), householdId, at, actor: by, action, data });

  await trx
    .deleteFrom('membership')
    .where('household_id', '=', householdId)
    .where('user_id', '=', userId)
    .execute();
  await audit('member_removed', { userId, role, staffLinks });

  const live = trx
    .selectFrom('access_token')
    .select('id')
    .where('household_id', '=', householdId)
    .where('revoked_at', 'is', null);
  const revoke = (id: string) =>
    trx.updateTable('access_token').set({ revoked_at: at }).where('id', '=', id).execute();

  const feeds = await live.where('purpose', '=', 'calendar_feed').where('user_id', '=', userId).execute();
  for (const feed of feeds) {
    await revoke(feed.id);
    await audit('calendar_feed_revoked', { feedId: feed.id, reason: 'member_removed', userId });
  }

  const invitations = await live
    .where('purpose', '=', 'invite')
    .where('created_by', '=', userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .execute();
  for (const invitation of invitations) {
    await revoke(invitation.id);
    await audit('invitation_revoked', { invitationId: invitation.id, reason: 'member_removed', userId });
  }

  const links = await live
    .where('purpose', '=', 'staff_link')
    .where('created_by', '=', userId)
    .where('expires_at', '>', at)
    .execute();
  for (const link of links) {
    if (staffLinks === 'transfer') {
      await trx.updateTable('access_token').set({ created_by: actor.id }).where('id', '=', link.id).execute();
      await audit('staff_link_transferred', { staffLinkId: link.id, from: userId, to: actor.id });
    } else {
      await revoke(link.id);
      await audit('staff_link_revoked', { staffLinkId: link.id, reason: 'member_removed', userId });
    }
  }

  return {
    calendarFeedsRevoked: feeds.length,
    staffLinksRevoked: staffLinks === 'revoke' ? links.length : 0,
    staffLinksTransferred: staffLinks === 'transfer' ? links.length : 0,
    invitationsRevoked: invitations.length,
  };
}

/** An owner removes a member (or themselves, when another owner remains). */
export async function removeMember(
  store: Store,
  env: Env,
  householdId: string,
  actor: User,
  userId: string,
  query: unknown = {},
) {
  const { staffLinks } = parseOrThrow(RemoveMemberQuery, query);
  if (staffLinks === 'transfer' && userId === actor.id) {
    throw invalid('staffLinks', 'cannot hand your staff links to yourself as you leave; revoke them');
  }
  return inHouseholdTransaction(store, householdId, (trx) =>
    endMembership(trx, env, householdId, actor, userId, staffLinks),
  );
}

/**
 * A member leaves a household of their own accord. Their staff links are revoked: nobody chose to
 * take them over. The last owner cannot leave (the household would have nobody to manage it).
 */
export async function leaveHousehold(store: Store, env: Env, householdId: string, user: User) {
  return inHouseholdTransaction(store, householdId, (trx) =>
    endMembership(trx, env, householdId, user, user.id, 'revoke'),
  );
}
