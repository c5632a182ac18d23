import { isIP } from 'node:net';
import type { Kysely, Transaction } from 'kysely';
import { type AuditAction, AuditData } from '../../api/members.ts';
import type { Database } from '../../store/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

// The household's audit trail: sign-ins, failed sign-ins, invitations, role changes, staff links.
// Separate from the journal (which records changes to the child's records) and never holds a
// password, a token or the text of a record.

export type { AuditAction };

export async function appendAudit(
  db: Db,
  entry: {
    id: string;
    householdId: string;
    at: string;
    actor: string;
    action: AuditAction;
    data: Record<string, unknown>;
  },
): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      id: entry.id,
      household_id: entry.householdId,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      data: JSON.stringify(entry.data),
    })
    .execute();
}

/** The same event in every household a user belongs to (a sign-in concerns all of them). */
export async function appendAuditForUser(
  db: Db,
  userId: string,
  entry: {
    newId: () => string;
    at: string;
    actor: string;
    action: AuditAction;
    data: Record<string, unknown>;
  },
): Promise<void> {
  const memberships = await db
    .selectFrom('membership')
    .select('household_id')
    .where('user_id', '=', userId)
    .execute();
  for (const m of memberships) {
    await appendAudit(db, {
      id: entry.newId(),
      householdId: m.household_id,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      data: entry.data,
    });
  }
}

/** Keys that hold where a request came from (today only `address`, on sign-ins). */
const ADDRESS_KEYS = new Set(['address', 'ip', 'ipaddress', 'remoteaddress', 'forwardedfor']);

/**
 * The data without network addresses: an address says where a member was, which only owners may
 * see ('audit.addresses'). Any value that is an IP address goes too, whatever its key, so a field
 * added later cannot leak one.
 */
export function withoutAddresses(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).filter(
      ([key, value]) =>
        !ADDRESS_KEYS.has(key.toLowerCase()) && !(typeof value === 'string' && isIP(value) !== 0),
    ),
  );
}

/** The newest events; `addresses` says whether the reader may see where sign-ins came from. */
export async function listAudit(db: Db, householdId: string, limit: number, options: { addresses: boolean }) {
  const rows = await db
    .selectFrom('audit_event')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const data = JSON.parse(r.data) as Record<string, unknown>;
    return {
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action as AuditAction,
      // Read through the contract's schema: the keys the server writes, each checked.
      data: AuditData.parse(options.addresses ? data : withoutAddresses(data)),
    };
  });
}
