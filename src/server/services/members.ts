import type { Transaction } from 'kysely';
import { z } from 'zod';
import { AcceptInvitationInput } from '../../api/auth.ts';
import { InvitationInput, RemoveMemberQuery, RoleSchema } from '../../api/members.ts';
import { isRole, type Role } from '../../domain/permissions.ts';
import {
  countOwners,
  deleteMembership,
  findMembership,
  findUserByEmail,
  insertMembership,
  insertUser,
  isMemberByEmail,
  listMembersWithAccounts,
  setRole,
} from '../../store/accounts.repository.ts';
import type { Store } from '../../store/database.ts';
import type { Database } from '../../store/schema.ts';
import {
  findInvitationByHash,
  findTokenInHousehold,
  insertToken,
  listOpenInvitations,
  liveTokensHeldBy,
  revokeToken,
  transferToken,
} from '../../store/tokens.repository.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import { hashPassword } from '../auth/passwords.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { apiError, invalid, notFound, parseOrThrow } from '../errors.ts';
import { isAvailableLanguage } from '../i18n.ts';
import { claimToken, type Env, roleIn, toUser, type User } from './accounts.ts';
import { type AuditAction, appendAudit } from './audit.ts';
import { creatorsIn } from './creators.ts';

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
  apiError('forbidden', 'invitation.sentTo', { email: maskEmail(invited) });

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
    if (await isMemberByEmail(trx, householdId, input.email))
      throw invalid('email', 'already belongs to a member of this household', { rule: 'member.emailTaken' });
    await insertToken(trx, {
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
    });
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
  const rows = await listOpenInvitations(store.db, householdId, env.clock.now());
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
    const row = await findTokenInHousehold(trx, householdId, 'invite', id);
    if (!row) throw notFound('Invitation', id);
    if (row.used_at) throw apiError('conflict', 'invitation.alreadyAccepted');
    await revokeToken(trx, id, env.clock.now(), {
      id: env.newId(),
      householdId,
      actor: `user:${actor.id}`,
      action: 'invitation_revoked' satisfies AuditAction,
      data: { invitationId: id },
    });
  });
}

/**
 * What an invitation offers, for the page that accepts it. Does not use up the token. Tells the page
 * when someone else is signed in, so it can say so before they try to join.
 */
export async function previewInvitation(store: Store, env: Env, token: string, signedIn: User | null) {
  const row = await findInvitationByHash(store.db, hashToken(token));
  if (!row || row.used_at || row.revoked_at || row.expires_at < env.clock.now()) {
    throw apiError('validation_failed', 'invitation.expired', undefined, [
      { path: 'token', message: 'is not valid any more' },
    ]);
  }
  const account = await findUserByEmail(store.db, row.email ?? '');
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
    const token = await claimToken(trx, env.clock, 'invite', input.token, 'invitation.expired');
    const at = env.clock.now();
    let user: User;
    let created = false;
    if (signedIn) {
      // Thrown inside the transaction, so the claim above is rolled back: the refusal does not use
      // up the invitation, and the invited person can still accept it.
      if (!sameEmail(signedIn.email, token.email ?? '')) throw wrongAccount(token.email ?? '');
      user = signedIn;
    } else {
      if (await findUserByEmail(trx, token.email ?? ''))
        throw apiError('unauthorized', 'invitation.signInFirst');
      if (!input.displayName)
        throw invalid('displayName', 'is required to create your account', {
          rule: 'account.requiredToCreate',
        });
      if (!passwordHash)
        throw invalid('password', 'is required to create your account', { rule: 'account.requiredToCreate' });
      const row = await insertUser(trx, {
        id: env.newId(),
        email: token.email ?? '',
        displayName: input.displayName,
        passwordHash,
        at,
        language: input.language && isAvailableLanguage(input.language) ? input.language : null,
      });
      user = toUser(row);
      created = true;
    }
    const householdId = token.household_id!;
    if (await findMembership(trx, householdId, user.id)) throw apiError('conflict', 'member.already');
    await insertMembership(trx, {
      id: env.newId(),
      household_id: householdId,
      user_id: user.id,
      role: token.role!,
      created_at: at,
      updated_at: at,
    });
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
  const rows = await listMembersWithAccounts(store.db, householdId);
  return rows.map((r) => ({
    userId: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role as Role,
    joinedAt: r.created_at,
  }));
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
  if (current === 'owner' && role !== 'owner' && (await countOwners(store.db, householdId)) <= 1) {
    throw invalid('role', 'cannot change: a household needs at least one owner', {
      rule: 'member.lastOwner',
    });
  }
  const at = env.clock.now();
  await store.db.transaction().execute(async (trx) => {
    await setRole(trx, householdId, userId, role, at);
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
  const membership = await findMembership(trx, householdId, userId);
  if (!membership || !isRole(membership.role)) throw notFound('Member', userId);
  const role = membership.role;
  // Counted inside the transaction (the household row is locked on PostgreSQL), so two owners
  // removing each other at once cannot leave the household without one.
  if (role === 'owner' && (await countOwners(trx, householdId)) <= 1) {
    throw apiError('conflict', 'member.lastOwner');
  }
  const at = env.clock.now();
  const by = `user:${actor.id}`;
  const audit = (action: AuditAction, data: Record<string, unknown>) =>
    appendAudit(trx, { id: env.newId(), householdId, at, actor: by, action, data });

  await deleteMembership(trx, householdId, userId);
  await audit('member_removed', { userId, role, staffLinks });

  const revoke = (id: string, action: AuditAction, data: Record<string, unknown>) =>
    revokeToken(trx, id, at, { id: env.newId(), householdId, actor: by, action, data });

  const feeds = await liveTokensHeldBy(trx, householdId, 'calendar_feed', { userId });
  for (const feed of feeds) {
    await revoke(feed.id, 'calendar_feed_revoked', { feedId: feed.id, reason: 'member_removed', userId });
  }

  const made = { createdBy: userId, now: at };
  const invitations = await liveTokensHeldBy(trx, householdId, 'invite', made);
  for (const invitation of invitations) {
    await revoke(invitation.id, 'invitation_revoked', {
      invitationId: invitation.id,
      reason: 'member_removed',
      userId,
    });
  }

  const links = await liveTokensHeldBy(trx, householdId, 'staff_link', made);
  for (const link of links) {
    if (staffLinks === 'transfer') {
      await transferToken(trx, link.id, actor.id);
      await audit('staff_link_transferred', { staffLinkId: link.id, from: userId, to: actor.id });
    } else {
      await revoke(link.id, 'staff_link_revoked', { staffLinkId: link.id, reason: 'member_removed', userId });
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
    throw invalid('staffLinks', 'cannot hand your staff links to yourself as you leave; revoke them', {
      rule: 'member.staffLinksSelf',
    });
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
