import { z } from 'zod';
import { type AuditEntry, insertAuditEvent } from './audit.repository.ts';
import { type Db, parseJsonColumn } from './repository.ts';
import type { AccessTokenRow } from './schema.ts';

// Secret tokens (stored only as their hash): password reset links, invitations, staff links and
// calendar feeds. The services hash the secret and decide what a token may do; this file reads and
// writes the rows.

export type TokenPurpose = 'reset' | 'invite' | 'staff_link' | 'calendar_feed';

/** A staff link's `scope` column: one service of a child, or all of a child's services. */
export const StaffLinkScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('service'), serviceId: z.string(), childId: z.string() }),
  z.object({ kind: z.literal('child'), childId: z.string() }),
]);
export type StaffLinkScope = z.infer<typeof StaffLinkScope>;

/** A calendar feed's `scope` column: one child, or (null) every child of the household. */
export const FeedScope = z.object({ childId: z.string().nullable().optional() });
export type FeedScope = z.infer<typeof FeedScope>;

/** A token's scope, parsed with the schema of its purpose. */
export function tokenScope<S extends z.ZodType>(schema: S, row: Pick<AccessTokenRow, 'scope'>): z.output<S> {
  return parseJsonColumn(schema, 'access_token.scope', row.scope ?? '{}');
}

export async function insertToken(db: Db, row: AccessTokenRow): Promise<void> {
  await db.insertInto('access_token').values(row).execute();
}

/** The token of a purpose whose secret hashes to `tokenHash`, whatever its state. */
export function findTokenByHash(
  db: Db,
  purpose: TokenPurpose,
  tokenHash: string,
): Promise<AccessTokenRow | undefined> {
  return db
    .selectFrom('access_token')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

/** A household's token of a purpose by its id (another household's, or another purpose's, is not found). */
export function findTokenInHousehold(
  db: Db,
  householdId: string,
  purpose: TokenPurpose,
  id: string,
): Promise<AccessTokenRow | undefined> {
  return db
    .selectFrom('access_token')
    .selectAll()
    .where('id', '=', id)
    .where('household_id', '=', householdId)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

/** A token that must exist (a staff link resolved in the same request). */
export function getToken(db: Db, id: string): Promise<AccessTokenRow> {
  return db.selectFrom('access_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A household's tokens of a purpose, in the order they were made (or the newest first). */
export function listTokens(
  db: Db,
  householdId: string,
  purpose: TokenPurpose,
  order: 'asc' | 'desc' = 'asc',
): Promise<AccessTokenRow[]> {
  return db
    .selectFrom('access_token')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('purpose', '=', purpose)
    .orderBy('created_at', order)
    .orderBy('id', order)
    .execute();
}

/** Invitations still open on `now`: unused, unrevoked, unexpired. */
export function listOpenInvitations(db: Db, householdId: string, now: string): Promise<AccessTokenRow[]> {
  return db
    .selectFrom('access_token')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('purpose', '=', 'invite')
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * The unrevoked tokens of a purpose in a household that a member holds: their calendar feeds (by
 * `userId`), or the invitations and staff links they made (by `createdBy`), unexpired on `now`
 * (an invitation also unused).
 */
export async function liveTokensHeldBy(
  db: Db,
  householdId: string,
  purpose: TokenPurpose,
  holder: { userId: string } | { createdBy: string; now: string },
): Promise<{ id: string }[]> {
  let q = db
    .selectFrom('access_token')
    .select('id')
    .where('household_id', '=', householdId)
    .where('revoked_at', 'is', null)
    .where('purpose', '=', purpose);
  if ('userId' in holder) return q.where('user_id', '=', holder.userId).execute();
  q = q.where('created_by', '=', holder.createdBy);
  if (purpose === 'invite') q = q.where('used_at', 'is', null);
  return q.where('expires_at', '>', holder.now).execute();
}

/**
 * Use a token once: sets `used_at` only if it is still unused, so of two requests racing with the
 * same secret one wins. Whether it won.
 */
export async function claimTokenRow(db: Db, id: string, at: string): Promise<boolean> {
  const claimed = await db
    .updateTable('access_token')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** When a staff link or a feed was last used. */
export async function markTokenUsed(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('access_token').set({ used_at: at }).where('id', '=', id).execute();
}

/** Revoke a token and write the audit event that says so, in the caller's transaction. */
export async function revokeToken(
  db: Db,
  id: string,
  at: string,
  audit: Omit<AuditEntry, 'at'>,
): Promise<void> {
  await db.updateTable('access_token').set({ revoked_at: at }).where('id', '=', id).execute();
  await insertAuditEvent(db, { ...audit, at });
}

/** Revoke a user's reset links still open (a new one replaces them). */
export async function revokeOpenResetTokens(db: Db, userId: string, at: string): Promise<void> {
  await db
    .updateTable('access_token')
    .set({ revoked_at: at })
    .where('purpose', '=', 'reset')
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Hand a token to another member (a staff link when its maker is removed). */
export async function transferToken(db: Db, id: string, createdBy: string): Promise<void> {
  await db.updateTable('access_token').set({ created_by: createdBy }).where('id', '=', id).execute();
}

/** An invitation as its accept page shows it, with the household's name. */
export function findInvitationByHash(db: Db, tokenHash: string) {
  return db
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
    .where('access_token.token_hash', '=', tokenHash)
    .where('access_token.purpose', '=', 'invite')
    .executeTakeFirst();
}
