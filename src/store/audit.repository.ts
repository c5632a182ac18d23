import { z } from 'zod';
import { type KeysetOrder, keysetPage, type Page, type PageRequest } from './pagination.ts';
import { type Db, parseJsonColumn } from './repository.ts';
import type { AuditEventRow } from './schema.ts';

// The household's audit trail (sign-ins, invitations, role changes, secret links): rows written once
// and read newest first. What an action may be, and which keys its data holds, is the service's rule.

export type AuditEntry = {
  id: string;
  householdId: string;
  at: string;
  actor: string;
  action: string;
  data: Record<string, unknown>;
};

export async function insertAuditEvent(db: Db, entry: AuditEntry): Promise<void> {
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

/** The newest `limit` events of a household, their data parsed. */
export async function listAuditEvents(
  db: Db,
  householdId: string,
  page: PageRequest,
): Promise<Page<Omit<AuditEventRow, 'data'> & { data: Record<string, unknown> }>> {
  const q = db.selectFrom('audit_event').selectAll().where('household_id', '=', householdId);
  const { rows, nextCursor } = await keysetPage(q, AUDIT_ORDER, page);
  return {
    rows: rows.map((r) => ({
      ...r,
      data: parseJsonColumn(z.record(z.string(), z.unknown()), 'audit_event.data', r.data),
    })),
    nextCursor,
  };
}

/** The audit trail's order, which its cursors follow: newest first. */
const AUDIT_ORDER: KeysetOrder = { list: 'audit', columns: ['at', 'id'], direction: 'desc' };
