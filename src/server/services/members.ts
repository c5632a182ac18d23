import { z } from 'zod';
import { IdSchema } from '../../domain/common.ts';
import { ROLES, type Role } from '../../domain/permissions.ts';
import type { Store } from '../../store/database.ts';
import { hashPassword, NewPassword } from '../auth/passwords.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { claimToken, type Env, roleIn, toUser, type User } from './accounts.ts';
import { appendAudit } from './audit.ts';
import { parseOrThrow } from './records.ts';

export const RoleSchema = z.enum(ROLES);

export const InvitationInput = z.object({
  email: z.string().trim().toLowerCase().email({ message: 'must be an email address' }).max(254),
  role: RoleSchema,
  expiresInDays: z.number().int().min(1).max(30).default(7),
});
export const Invitation = z.object({
  id: IdSchema,
  email: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export const Member = z.object({
  userId: IdSchema,
  email: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  joinedAt: z.string(),
});
export const AcceptInvitationInput = z.object({
  token: z.string().max(100),
  displayName: z.string().trim().min(1).max(100).optional(),
  password: NewPassword.optional(),
});

const later = (now: string, days: number) => new Date(Date.parse(now) + days * 86_400_000).toISOString();

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
  return rows.map((r) => ({
    id: r.id,
    email: r.email ?? '',
    role: r.role as Role,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
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

/** What an invitation offers, for the page that accepts it. Does not use up the token. */
export async function previewInvitation(store: Store, env: Env, token: string) {
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
  };
}

/**
 * Accept an invitation: a signed-in user joins the household; someone without an account
 * creates one (for the invited email) with a name and password. The token works once.
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

async function ownerCount(store: Store, householdId: string) {
  const r = await store.db
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
  if (current === 'owner' && role !== 'owner' && (await ownerCount(store, householdId)) <= 1) {
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

export async function removeMember(store: Store, env: Env, householdId: string, actor: User, userId: string) {
  const current = await roleIn(store, userId, householdId);
  if (!current) throw notFound('Member', userId);
  if (current === 'owner' && (await ownerCount(store, householdId)) <= 1) {
    throw new AppError('conflict', 'A household needs at least one owner; make someone else owner first');
  }
  const at = env.clock.now();
  await store.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('membership')
      .where('household_id', '=', householdId)
      .where('user_id', '=', userId)
      .execute();
    await appendAudit(trx, {
      id: env.newId(),
      householdId,
      at,
      actor: `user:${actor.id}`,
      action: 'member_removed',
      data: { userId, role: current },
    });
  });
}
