import type { Kysely } from 'kysely';
import type { MakeupOption } from '../../api/sessions.ts';
import { latestInChain } from '../../domain/corrections.ts';
import { formatLongDate } from '../../domain/dates.ts';
import { MISS_REASON_LABELS, type MissReason as Reason } from '../../domain/session-entry.ts';
import { findPlan } from '../../store/plans.repository.ts';
import { type Db, requireInHousehold } from '../../store/repository.ts';
import type { Database } from '../../store/schema.ts';
import {
  findSessionEntryInHousehold,
  listSessionEntriesByIds,
  listSessionEntriesOfService,
} from '../../store/session-entries.repository.ts';
import { invalid, notFound } from '../errors.ts';
import { computeLedgers, effectivePolicy } from './ledgers.ts';

// Which miss a make-up may name. A make-up cures owed minutes (docs/ledger-rules.md, rule 4): a miss
// the school need not make up (excused, such as "student absent") has none, a voided one holds no
// session, and one corrected since is named by its latest correction.

/**
 * Check the miss a new make-up names, and return the id to store: the latest entry of its chain. A
 * void, a session corrected to delivered, an excused miss, or a miss dated after the make-up is refused
 * with the reason in words.
 */
export async function resolveMakeupTarget(
  trx: Db,
  householdId: string,
  service: { id: string; plan_id: string },
  makeupForEntryId: string,
  date: string,
): Promise<string> {
  const target = await findSessionEntryInHousehold(trx, householdId, makeupForEntryId);
  if (!target) throw notFound('Session entry', makeupForEntryId, 'makeupForEntryId');
  if (target.service_id !== service.id) {
    throw invalid('makeupForEntryId', 'must name a missed session of the same service', {
      rule: 'makeup.sameService',
    });
  }
  const rows = await listSessionEntriesOfService(trx, householdId, service.id);
  const head = latestInChain(
    rows.map((r) => ({ ...r, correctsEntryId: r.corrects_entry_id })),
    makeupForEntryId,
  )!;
  const day = formatLongDate(head.date);
  if (head.status === 'void') {
    throw invalid(
      'makeupForEntryId',
      `names the session of ${day}, which was voided as logged by mistake; choose another missed session, or let the make-up go to the oldest minutes owed`,
      { rule: 'makeup.voided', values: { day: head.date } },
    );
  }
  if (head.kind !== 'scheduled' || head.status === 'delivered') {
    throw invalid('makeupForEntryId', 'must name a missed or short session', {
      rule: 'makeup.missedOrShort',
    });
  }
  const plan = await findPlan(trx, householdId, service.plan_id);
  const reason = (head.reason ?? 'unknown') as Reason;
  const responsibility = head.responsibility ?? effectivePolicy(plan?.reason_policy ?? null)[reason];
  if (responsibility === 'excused') {
    throw invalid(
      'makeupForEntryId',
      `names the session of ${day} (${MISS_REASON_LABELS[reason].toLowerCase()}), which is excused: no minutes are owed for it, so there is nothing to make up. Name a session whose minutes are owed, or let the make-up go to the oldest minutes owed.`,
      { rule: 'makeup.excused', values: { day: head.date, reason } },
    );
  }
  if (head.date > date)
    throw invalid('date', `must not be before the session it makes up (${day})`, {
      rule: 'makeup.beforeSession',
      values: { day: head.date },
    });
  return head.id;
}

/**
 * The misses a make-up may name: the service's misses whose minutes are owed and not yet made up
 * (the ledger's own allocation decides), newest first. Excused and pending misses are not offered:
 * an excused one owes nothing, and a pending one waits for the family to say whether it is owed.
 */
export async function makeupOptions(
  db: Kysely<Database>,
  householdId: string,
  serviceId: string,
  today: string,
): Promise<MakeupOption[]> {
  const service = await requireInHousehold(db, 'service', householdId, serviceId, 'Service');
  const from = service.start_date < today ? service.start_date : today;
  const [ledger] = await computeLedgers(
    db,
    householdId,
    { serviceId },
    { from, to: today, asOf: today, grouping: 'auto' },
    today,
    { listOwedMisses: true },
  );
  const open = (ledger?.owedMisses ?? []).filter((m) => m.remainingMinutes > 0);
  if (open.length === 0) return [];
  const rows = await listSessionEntriesByIds(
    db,
    householdId,
    open.map((m) => m.entryId),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return open
    .map((m) => {
      const row = byId.get(m.entryId);
      return {
        entryId: m.entryId,
        date: m.date,
        status: (row?.status === 'short' ? 'short' : 'missed') as 'short' | 'missed',
        reason: (row?.reason ?? null) as Reason | null,
        owedMinutes: m.owedMinutes,
        remainingMinutes: m.remainingMinutes,
      };
    })
    .reverse();
}
