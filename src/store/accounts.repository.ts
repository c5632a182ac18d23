import type { Db } from './repository.ts';
import type { AuthSessionRow, HouseholdRow, MembershipRow, UserAccountRow } from './schema.ts';

// Accounts, the households they belong to (memberships) and their browser sessions.

// ── accounts ──

export async function countUsers(db: Db): Promise<number> {
  const r = await db
    .selectFrom('user_account')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The account of an email as stored (callers normalise the address). */
export function findUserByEmail(db: Db, email: string): Promise<UserAccountRow | undefined> {
  return db.selectFrom('user_account').selectAll().where('email', '=', email).executeTakeFirst();
}

/** An account that must exist (the signed-in user, a token's user). */
export function getUser(db: Db, id: string): Promise<UserAccountRow> {
  return db.selectFrom('user_account').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A new account, its password set at `at`. */
export async function insertUser(
  db: Db,
  user: {
    id: string;
    email: string;
    displayName: string;
    passwordHash: string;
    at: string;
    language?: string | null;
  },
): Promise<UserAccountRow> {
  const row: UserAccountRow = {
    id: user.id,
    email: user.email,
    display_name: user.displayName,
    password_hash: user.passwordHash,
    password_changed_at: user.at,
    language: user.language ?? null,
    created_at: user.at,
    updated_at: user.at,
  };
  // The language column is written only when chosen, so this code still seeds a database from before
  // migration 0021 (the upgrade tests do).
  const { language, ...rest } = row;
  await db
    .insertInto('user_account')
    .values(language == null ? rest : row)
    .execute();
  return row;
}

/** The language a person reads the app in (null: go by the browser). */
export async function setUserLanguage(
  db: Db,
  userId: string,
  language: string | null,
  at: string,
): Promise<void> {
  await db.updateTable('user_account').set({ language, updated_at: at }).where('id', '=', userId).execute();
}

export async function setPassword(db: Db, userId: string, passwordHash: string, at: string): Promise<void> {
  await db
    .updateTable('user_account')
    .set({ password_hash: passwordHash, password_changed_at: at, updated_at: at })
    .where('id', '=', userId)
    .execute();
}

// ── households and memberships ──

export async function insertHousehold(db: Db, row: HouseholdRow): Promise<void> {
  await db.insertInto('household').values(row).execute();
}

export async function insertMembership(db: Db, row: MembershipRow): Promise<void> {
  await db.insertInto('membership').values(row).execute();
}

export function findMembership(
  db: Db,
  householdId: string,
  userId: string,
): Promise<MembershipRow | undefined> {
  return db
    .selectFrom('membership')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Whether an account with this email belongs to the household. */
export async function isMemberByEmail(db: Db, householdId: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('membership')
    .innerJoin('user_account', 'user_account.id', 'membership.user_id')
    .select('membership.id')
    .where('membership.household_id', '=', householdId)
    .where('user_account.email', '=', email)
    .executeTakeFirst();
  return Boolean(row);
}

/** The members of a household with their accounts, the earliest to join first. */
export function listMembersWithAccounts(db: Db, householdId: string) {
  return db
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
}

/** The households a user belongs to, with their role, the oldest household first. */
export function householdsOfUser(db: Db, userId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('household', 'household.id', 'membership.household_id')
    .select(['household.id', 'household.name', 'household.created_at', 'membership.role'])
    .where('membership.user_id', '=', userId)
    .orderBy('household.created_at')
    .orderBy('household.id')
    .execute();
}

/** The ids of the households a user belongs to. */
export async function householdIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('membership')
    .select('household_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.household_id);
}

export async function countOwners(db: Db, householdId: string): Promise<number> {
  const r = await db
    .selectFrom('membership')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('household_id', '=', householdId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function setRole(db: Db, householdId: string, userId: string, role: string, at: string) {
  await db
    .updateTable('membership')
    .set({ role, updated_at: at })
    .where('household_id', '=', householdId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteMembership(db: Db, householdId: string, userId: string): Promise<void> {
  await db
    .deleteFrom('membership')
    .where('household_id', '=', householdId)
    .where('user_id', '=', userId)
    .execute();
}

// ── browser sessions (stored by the hash of their id) ──

export async function insertAuthSession(db: Db, row: AuthSessionRow): Promise<void> {
  await db.insertInto('auth_session').values(row).execute();
}

/** A session with its account. */
export function findAuthSession(db: Db, idHash: string) {
  return db
    .selectFrom('auth_session')
    .innerJoin('user_account', 'user_account.id', 'auth_session.user_id')
    .select([
      'auth_session.id_hash',
      'auth_session.csrf_token',
      'auth_session.last_seen_at',
      'auth_session.expires_at',
      'user_account.id',
      'user_account.email',
      'user_account.display_name',
      'user_account.language',
    ])
    .where('auth_session.id_hash', '=', idHash)
    .executeTakeFirst();
}

export async function touchAuthSession(db: Db, idHash: string, at: string): Promise<void> {
  await db.updateTable('auth_session').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

export async function deleteAuthSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('auth_session').where('id_hash', '=', idHash).execute();
}

/** Every session of a user, but the one kept (`exceptIdHash`), when one is. */
export async function deleteSessionsOfUser(db: Db, userId: string, exceptIdHash?: string): Promise<void> {
  await db
    .deleteFrom('auth_session')
    .where('user_id', '=', userId)
    .$if(exceptIdHash != null, (q) => q.where('id_hash', '!=', exceptIdHash!))
    .execute();
}

/** Every household, the oldest first (the server admin's list, and the daily reminders). */
export function allHouseholds(db: Db): Promise<HouseholdRow[]> {
  return db.selectFrom('household').selectAll().orderBy('created_at').orderBy('id').execute();
}

export function findHousehold(db: Db, id: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom('household').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The accounts holding one of these roles in a household (the parents a reminder goes to). */
export function accountsWithRoles(db: Db, householdId: string, roles: readonly string[]) {
  return db
    .selectFrom('membership')
    .innerJoin('user_account', 'user_account.id', 'membership.user_id')
    .select(['user_account.id', 'user_account.email', 'user_account.display_name', 'user_account.language'])
    .where('membership.household_id', '=', householdId)
    .where('membership.role', 'in', [...roles])
    .execute();
}
