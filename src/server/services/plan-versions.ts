import type { Transaction } from 'kysely';
import { PlanVersionDetail } from '../../api/plans.ts';
import { PlanAmendmentInput } from '../../domain/plan.ts';
import { diffPlanContent, type PlanContent, supersededVersionEnd } from '../../domain/plan-versions.ts';
import type { Store } from '../../store/database.ts';
import { type PlanContentTable, planContentRows } from '../../store/plan-content.repository.ts';
import {
  freezePlanVersion,
  insertPlanVersion,
  versionSnapshot,
} from '../../store/plan-versions.repository.ts';
import { findPlan } from '../../store/plans.repository.ts';
import { onceInView } from '../../store/read-memo.ts';
import type { Db } from '../../store/repository.ts';
import type { Database, PlanVersionRow } from '../../store/schema.ts';
import { inHouseholdTransaction } from '../../store/transaction.ts';
import type { ServiceContext } from '../context.ts';
import { invalid, notFound, parseOrThrow } from '../errors.ts';
import { journalChange } from './journal.ts';
import { type PlanVersion, toPlanVersion, versionRows } from './plan-first-version.ts';
import { toApiRecord } from './records.ts';
import { RESOURCES } from './resources.ts';

// Version 1 and the rows of a plan's versions live in plan-first-version.ts, which the plan's record
// definition uses (services/resources.ts) without importing the record service back.
export { type PlanVersion, toPlanVersion, versionRows };

/** The plan's live content: what the current version says. */
export async function loadLiveContent(db: Db, householdId: string, planId: string): Promise<PlanContent> {
  const plan = await findPlan(db, householdId, planId);
  if (!plan) throw notFound('Plan', planId);
  const items = async (key: 'service' | 'accommodation' | 'goal' | 'behaviorStep' | 'keyDate') => {
    const def = RESOURCES[key];
    // The five keys above name the five content tables.
    const table = def.table as PlanContentTable;
    const rows = await planContentRows(db, table, householdId, planId, def.orderBy);
    return rows.map((r) => toApiRecord(def, r));
  };
  return {
    plan: toApiRecord(RESOURCES.plan, plan as unknown as Record<string, unknown>),
    services: await items('service'),
    accommodations: await items('accommodation'),
    goals: await items('goal'),
    behaviorSteps: await items('behaviorStep'),
    keyDates: await items('keyDate'),
  };
}

/**
 * Amend a plan: the current version's content is frozen into it and it ends the day before the
 * amendment; a new current version starts on the amendment's date. Edits made afterwards change
 * the new version only.
 */
export async function amendPlan(
  store: Store,
  ctx: ServiceContext,
  planId: string,
  body: unknown,
): Promise<PlanVersion> {
  const input = parseOrThrow(PlanAmendmentInput, body);
  return inHouseholdTransaction(store, ctx.householdId, async (trx) =>
    toPlanVersion(await writeAmendment(trx, ctx, planId, input)),
  );
}

/**
 * The amendment inside the caller's transaction (reading a new version of the IEP also changes the new
 * version's content in the same transaction): the new version's row.
 */
export async function writeAmendment(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  planId: string,
  input: PlanAmendmentInput,
): Promise<PlanVersionRow> {
  {
    const content = await loadLiveContent(trx, ctx.householdId, planId);
    const rows = await versionRows(trx, ctx.householdId, planId);
    const current = rows.find((r) => r.snapshot == null);
    if (!current) throw notFound('Current version of plan', planId);
    const planEnd = content.plan.effectiveTo as string;
    if (input.effectiveFrom <= current.effective_from) {
      throw invalid(
        'effectiveFrom',
        `must be after the current version took effect (${current.effective_from})`,
        { rule: 'plan.versionAfterCurrent', values: { date: current.effective_from } },
      );
    }
    if (input.effectiveFrom > planEnd)
      throw invalid('effectiveFrom', `must not be after the plan ends (${planEnd})`, {
        rule: 'plan.afterEnd',
        values: { end: planEnd },
      });
    const at = ctx.clock.now();
    await freezePlanVersion(
      trx,
      ctx.householdId,
      current.id,
      content,
      supersededVersionEnd(input.effectiveFrom),
    );
    const row: PlanVersionRow = {
      id: ctx.newId(),
      household_id: ctx.householdId,
      plan_id: planId,
      version_number: current.version_number + 1,
      effective_from: input.effectiveFrom,
      effective_to: null,
      summary: input.summary,
      snapshot: null,
      source_attachment_id: null,
      created_at: at,
    };
    await insertPlanVersion(trx, row);
    await journalChange(trx, ctx, {
      action: 'amend',
      entity: 'plan',
      entityId: planId,
      data: { supersededVersionId: current.id, newVersion: toPlanVersion(row) },
      at,
    });
    return row;
  }
}

export type PlanVersionWithContent = PlanVersion & { content: PlanContent };

export async function listPlanVersions(
  store: Store,
  householdId: string,
  planId: string,
): Promise<PlanVersion[]> {
  const rows = await versionRows(store.db, householdId, planId);
  if (rows.length === 0) throw notFound('Plan', planId);
  return rows.map(toPlanVersion);
}

/** All versions with their content (frozen, or live for the current one). */
export function loadVersionsWithContent(
  db: Db,
  householdId: string,
  planId: string,
): Promise<readonly PlanVersionWithContent[]> {
  // Read-only for every caller: through a read memo (the caseload) one answer serves each ledger.
  return onceInView(db, `versionsWithContent\u0000${householdId}\u0000${planId}`, () =>
    versionsWithContent(db, householdId, planId),
  );
}

async function versionsWithContent(
  db: Db,
  householdId: string,
  planId: string,
): Promise<PlanVersionWithContent[]> {
  const rows = await versionRows(db, householdId, planId);
  if (rows.length === 0) throw notFound('Plan', planId);
  const live = rows.some((r) => r.snapshot == null) ? await loadLiveContent(db, householdId, planId) : null;
  return rows.map((r) => ({
    ...toPlanVersion(r),
    content: versionSnapshot(r) ?? (live as PlanContent),
  }));
}

/**
 * One version with its content and what changed from the version before, checked against the API's
 * schema: frozen content is JSON written when an amendment ended the version, which the domain types
 * loosely (`PlanContent`: items as records), so it is read through the contract's schema here, once,
 * instead of being cast. Content that no longer fits (a migration that forgot the frozen snapshots) is
 * a server error, as the response serialiser would make it.
 */
export async function getPlanVersion(
  store: Store,
  householdId: string,
  planId: string,
  versionNumber: number,
): Promise<PlanVersionDetail> {
  const versions = await loadVersionsWithContent(store.db, householdId, planId);
  const index = versions.findIndex((v) => v.versionNumber === versionNumber);
  const version = versions[index];
  if (!version) throw notFound(`Version ${versionNumber} of plan`, planId);
  const previous = index > 0 ? versions[index - 1] : undefined;
  return PlanVersionDetail.parse({
    ...version,
    changesFromPrevious: previous ? diffPlanContent(previous.content, version.content) : [],
  });
}
