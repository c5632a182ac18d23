import { isIP } from 'node:net';
import { type AuditAction, AuditData } from '../../api/members.ts';
import { householdIdsOfUser } from '../../store/accounts.repository.ts';
import { insertAuditEvent, listAuditEvents } from '../../store/audit.repository.ts';
import type { PageRequest } from '../../store/pagination.ts';
import type { Db } from '../../store/repository.ts';

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
  await insertAuditEvent(db, entry);
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
  for (const householdId of await householdIdsOfUser(db, userId)) {
    await appendAudit(db, {
      id: entry.newId(),
      householdId,
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

/** A page of the events, newest first; `addresses` says whether the reader may see where sign-ins came from. */
export async function listAudit(
  db: Db,
  householdId: string,
  page: PageRequest,
  options: { addresses: boolean },
) {
  const { rows, nextCursor } = await listAuditEvents(db, householdId, page);
  const events = rows.map((r) => {
    const data = r.data;
    return {
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action as AuditAction,
      // Read through the contract's schema: the keys the server writes, each checked.
      data: AuditData.parse(options.addresses ? data : withoutAddresses(data)),
    };
  });
  return { rows: events, nextCursor };
}
