import type { Transaction } from 'kysely';
import { ChangePasswordInput, ResetCompleteInput, SetupInput } from '../../api/auth.ts';
import { isRole, type Role } from '../../domain/permissions.ts';
import {
  countUsers,
  deleteAuthSession,
  deleteSessionsOfUser,
  findAuthSession,
  findMembership,
  findUserByEmail as findUserByEmailRow,
  getUser,
  householdsOfUser,
  insertAuthSession,
  insertHousehold,
  insertMembership,
  insertUser,
  setPassword,
  setUserLanguage,
  touchAuthSession,
} from '../../store/accounts.repository.ts';
import type { Store } from '../../store/database.ts';
import { appendJournal } from '../../store/journal.repository.ts';
import type { Database, UserAccountRow } from '../../store/schema.ts';
import {
  claimTokenRow,
  findTokenByHash,
  insertToken,
  revokeOpenResetTokens,
  type TokenPurpose,
} from '../../store/tokens.repository.ts';
import { lockFirstRun } from '../../store/transaction.ts';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../auth/passwords.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { Clock } from '../context.ts';
import { type ApiErrorKey, apiError, invalid, parseOrThrow } from '../errors.ts';
import { AVAILABLE_LANGUAGES, isAvailableLanguage } from '../i18n.ts';
import { appendAuditForUser } from './audit.ts';

export const SESSION_IDLE_MS = 14 * 24 * 3600_000;
export const SESSION_MAX_MS = 90 * 24 * 3600_000;
export const RESET_TOKEN_MS = 3600_000;

export type Env = { clock: Clock; newId: () => string };

/** A person's account as the app uses it; `language` null until they choose one (then the browser's). */
export type User = { id: string; email: string; displayName: string; language: string | null };
export const toUser = (
  r: Pick<UserAccountRow, 'id' | 'email' | 'display_name'> & { language?: string | null },
): User => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  language: r.language ?? null,
});

const later = (clock: Clock, ms: number) => new Date(Date.parse(clock.now()) + ms).toISOString();

export async function userCount(store: Store): Promise<number> {
  return countUsers(store.db);
}

/** Any fixed number: the key of the PostgreSQL advisory lock that first-run setup takes. */
const FIRST_RUN_LOCK = 7_131_001;

/**
 * Create a user (and, when asked, a household they own). Refuses an email already in use. With
 * `onlyIfFirst`, refuses unless no account exists yet, checked in the same transaction as the insert.
 */
export async function createUser(
  store: Store,
  env: Env,
  input: {
    email: string;
    displayName: string;
    password: string;
    householdName?: string | null;
    language?: string | null;
  },
  options: { onlyIfFirst?: boolean } = {},
): Promise<{ user: User; householdId: string | null }> {
  const passwordHash = await hashPassword(input.password);
  return store.db.transaction().execute(async (trx) => {
    if (options.onlyIfFirst) {
      // Counting and inserting must be one atomic step, or concurrent first visits each see an empty
      // server and each make an owner. PostgreSQL (READ COMMITTED) would let every transaction count
      // zero, so they queue on a transaction-scoped advisory lock first; the count after the lock sees
      // the winner's committed account. SQLite runs one transaction at a time on its one connection,
      // so the count below already sees every earlier setup.
      await lockFirstRun(store, trx, FIRST_RUN_LOCK);
      if ((await countUsers(trx)) > 0) throw apiError('conflict', 'account.alreadySetUp');
    }
    if (await findUserByEmailRow(trx, input.email))
      throw apiError('conflict', 'account.emailInUse', undefined, [
        { path: 'email', message: 'is already in use' },
      ]);
    const at = env.clock.now();
    const row = await insertUser(trx, {
      id: env.newId(),
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      at,
      language: input.language && isAvailableLanguage(input.language) ? input.language : null,
    });
    let householdId: string | null = null;
    if (input.householdName) {
      householdId = env.newId();
      await insertHousehold(trx, { id: householdId, name: input.householdName, created_at: at });
      await insertMembership(trx, {
        id: env.newId(),
        household_id: householdId,
        user_id: row.id,
        role: 'owner',
        created_at: at,
        updated_at: at,
      });
      await appendJournal(trx, {
        id: env.newId(),
        householdId,
        actor: `user:${row.id}`,
        action: 'create',
        entity: 'household',
        entityId: householdId,
        data: { id: householdId, name: input.householdName, createdAt: at },
        at,
      });
    }
    return { user: toUser(row), householdId };
  });
}

/** First run: the owner account and their household, only while no account exists. */
export async function setupOwner(store: Store, env: Env, body: unknown) {
  const input = parseOrThrow(SetupInput, body);
  // A quick refusal that spares the password hash on a server already set up; the check that
  // counts is the one inside createUser's transaction.
  if ((await userCount(store)) > 0) throw apiError('conflict', 'account.alreadySetUp');
  return createUser(store, env, input, { onlyIfFirst: true });
}

/** Check an email and password. Unknown emails and wrong passwords look the same from outside. */
export async function checkCredentials(
  store: Store,
  email: string,
  password: string,
): Promise<UserAccountRow | null> {
  const row = await findUserByEmailRow(store.db, email);
  if (!row) return verifyAgainstDecoy(password).then(() => null);
  return (await verifyPassword(row.password_hash, password)) ? row : null;
}

/** A failed sign-in goes into the audit trail of the account the email names; an unknown email leaves none. */
export async function auditFailedSignIn(
  store: Store,
  env: Env,
  email: string,
  address: string,
): Promise<void> {
  const known = await findUserByEmailRow(store.db, email);
  if (!known) return;
  await appendAuditForUser(store.db, known.id, {
    newId: env.newId,
    at: env.clock.now(),
    actor: `user:${known.id}`,
    action: 'sign_in_failed',
    data: { address },
  });
}

export async function findUserByEmail(store: Store, email: string) {
  return findUserByEmailRow(store.db, email.trim().toLowerCase());
}

/** Start a browser session: a new random id (so signing in rotates it), stored as a hash. */
export async function startSession(store: Store, env: Env, userId: string, replacedToken: string | null) {
  const token = newToken();
  const csrfToken = newToken();
  const at = env.clock.now();
  await store.db.transaction().execute(async (trx) => {
    if (replacedToken) await deleteAuthSession(trx, hashToken(replacedToken));
    await insertAuthSession(trx, {
      id_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: at,
      last_seen_at: at,
      expires_at: later(env.clock, SESSION_MAX_MS),
    });
  });
  return { token, csrfToken };
}

export type SessionInfo = { user: User; csrfToken: string; idHash: string };

/** Find a live session, sliding its idle timeout; expired sessions are removed. */
export async function resumeSession(store: Store, clock: Clock, token: string): Promise<SessionInfo | null> {
  const idHash = hashToken(token);
  const row = await findAuthSession(store.db, idHash);
  if (!row) return null;
  const now = Date.parse(clock.now());
  if (now > Date.parse(row.expires_at) || now - Date.parse(row.last_seen_at) > SESSION_IDLE_MS) {
    await deleteAuthSession(store.db, idHash);
    return null;
  }
  // Touch at most once a minute, so reads do not turn into a write each.
  if (now - Date.parse(row.last_seen_at) > 60_000) {
    await touchAuthSession(store.db, idHash, clock.now());
  }
  return { user: toUser(row), csrfToken: row.csrf_token, idHash };
}

/**
 * Remember the language a person reads the app in (their screens and the emails sent to them). Not
 * a record of the child's: no journal entry. Null forgets the choice (the browser's languages again).
 */
export async function setLanguage(store: Store, env: Env, userId: string, language: string | null) {
  if (language != null && !isAvailableLanguage(language)) {
    throw invalid('language', `must be one of ${AVAILABLE_LANGUAGES.join(', ')}`, {
      rule: 'account.languageUnknown',
      values: { languages: AVAILABLE_LANGUAGES.join(', ') },
    });
  }
  await setUserLanguage(store.db, userId, language, env.clock.now());
}

export async function endSession(store: Store, idHash: string) {
  await deleteAuthSession(store.db, idHash);
}

export async function endAllSessions(store: Store, userId: string) {
  await deleteSessionsOfUser(store.db, userId);
}

export async function changePassword(
  store: Store,
  env: Env,
  user: User,
  keepSessionHash: string,
  body: unknown,
) {
  const input = parseOrThrow(ChangePasswordInput, body);
  const row = await getUser(store.db, user.id);
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw invalid('currentPassword', 'is not your current password', { rule: 'account.wrongPassword' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const at = env.clock.now();
  await store.db.transaction().execute(async (trx) => {
    await setPassword(trx, user.id, passwordHash, at);
    // Other browsers signed in as this user are signed out.
    await deleteSessionsOfUser(trx, user.id, keepSessionHash);
    await appendAuditForUser(trx, user.id, {
      newId: env.newId,
      at,
      actor: `user:${user.id}`,
      action: 'password_changed',
      data: {},
    });
  });
}

/** A one-time reset link token for an account, or null for an unknown email (callers say nothing). */
export async function createResetToken(
  store: Store,
  env: Env,
  email: string,
): Promise<{ token: string; user: User } | null> {
  const row = await findUserByEmail(store, email);
  if (!row) return null;
  const token = newToken();
  const at = env.clock.now();
  await store.db.transaction().execute(async (trx) => {
    // A new link replaces any earlier unused one.
    await revokeOpenResetTokens(trx, row.id, at);
    await insertToken(trx, {
      id: env.newId(),
      token_hash: hashToken(token),
      purpose: 'reset',
      household_id: null,
      user_id: row.id,
      email: row.email,
      role: null,
      scope: null,
      label: null,
      created_by: null,
      created_at: at,
      expires_at: later(env.clock, RESET_TOKEN_MS),
      used_at: null,
      revoked_at: null,
    });
    await appendAuditForUser(trx, row.id, {
      newId: env.newId,
      at,
      actor: `user:${row.id}`,
      action: 'password_reset_requested',
      data: {},
    });
  });
  return { token, user: toUser(row) };
}

/** Use a one-time token of a purpose: it must exist, be unused, unrevoked and unexpired. */
export async function claimToken(
  trx: Transaction<Database>,
  clock: Clock,
  purpose: TokenPurpose,
  token: string,
  /** The refusal of a token that is no longer good ("account.resetExpired"). */
  expired: ApiErrorKey,
) {
  const row = await findTokenByHash(trx, purpose, hashToken(token));
  if (!row || row.used_at || row.revoked_at || Date.parse(row.expires_at) < Date.parse(clock.now())) {
    throw apiError('validation_failed', expired, undefined, [
      { path: 'token', message: 'is not valid any more' },
    ]);
  }
  if (!(await claimTokenRow(trx, row.id, clock.now()))) {
    throw apiError('validation_failed', expired, undefined, [
      { path: 'token', message: 'is not valid any more' },
    ]);
  }
  return row;
}

export async function completeReset(store: Store, env: Env, body: unknown): Promise<User> {
  const input = parseOrThrow(ResetCompleteInput, body);
  const passwordHash = await hashPassword(input.newPassword);
  return store.db.transaction().execute(async (trx) => {
    const token = await claimToken(trx, env.clock, 'reset', input.token, 'account.resetExpired');
    const at = env.clock.now();
    await setPassword(trx, token.user_id!, passwordHash, at);
    await deleteSessionsOfUser(trx, token.user_id!);
    await appendAuditForUser(trx, token.user_id!, {
      newId: env.newId,
      at,
      actor: `user:${token.user_id}`,
      action: 'password_reset',
      data: {},
    });
    return toUser(await getUser(trx, token.user_id!));
  });
}

export type HouseholdMembership = { id: string; name: string; role: Role };

export async function householdsOf(store: Store, userId: string): Promise<HouseholdMembership[]> {
  const rows = await householdsOfUser(store.db, userId);
  return rows.filter((r) => isRole(r.role)).map((r) => ({ id: r.id, name: r.name, role: r.role as Role }));
}

export async function roleIn(store: Store, userId: string, householdId: string): Promise<Role | null> {
  const row = await findMembership(store.db, householdId, userId);
  return row && isRole(row.role) ? row.role : null;
}
