import type { Transaction } from 'kysely';
import type { PlanVersionSpan } from '../../domain/plan-versions.ts';
import {
  insertPlanVersion,
  setPlanVersionSource,
  setPlanVersionStart,
  versionRows,
} from '../../store/plan-versions.repository.ts';
import type { Database, PlanVersionRow } from '../../store/schema.ts';
import type { ServiceContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { journalChange } from './journal.ts';

// A plan's versions as rows, and version 1, which is made with the plan and follows its start date
// until an amendment: the plan's record definition runs these in the plan's own transaction
// (services/resources.ts). Amendments and snapshots are in plan-versions.ts.

/** What version 1 needs of its plan. */
type PlanDates = { id: string; effectiveFrom: string };

export type PlanVersion = PlanVersionSpan & {
  planId: string;
  summary: string;
  /** The document this version was read from (an attachment id), or null when it was typed in. */
  sourceAttachmentId: string | null;
  createdAt: string;
  isCurrent: boolean;
};

export function toPlanVersion(row: PlanVersionRow): PlanVersion {
  return {
    id: row.id,
    planId: row.plan_id,
    versionNumber: row.version_number,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    summary: row.summary,
    sourceAttachmentId: row.source_attachment_id ?? null,
    createdAt: row.created_at,
    isCurrent: row.snapshot == null,
  };
}

export { versionRows };

/** Version 1 is made with the plan: the plan as signed. */
export async function createFirstVersion(trx: Transaction<Database>, ctx: ServiceContext, plan: PlanDates) {
  const row: PlanVersionRow = {
    id: ctx.newId(),
    household_id: ctx.householdId,
    plan_id: plan.id,
    version_number: 1,
    effective_from: plan.effectiveFrom,
    effective_to: null,
    summary: 'The plan as signed',
    snapshot: null,
    source_attachment_id: null,
    created_at: ctx.clock.now(),
  };
  await insertPlanVersion(trx, row);
  await journalChange(trx, ctx, {
    action: 'create',
    entity: 'plan_version',
    entityId: row.id,
    data: toPlanVersion(row),
    at: row.created_at,
  });
}

/** Keep version 1 starting with the plan when the plan's start date changes. */
export async function alignFirstVersion(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  before: PlanDates,
  after: PlanDates,
) {
  if (before.effectiveFrom === after.effectiveFrom) return;
  const rows = await versionRows(trx, ctx.householdId, after.id);
  const second = rows[1];
  if (second && after.effectiveFrom >= second.effective_from) {
    throw invalid(
      'effectiveFrom',
      `must be before amendment ${second.version_number} takes effect (${second.effective_from})`,
      {
        rule: 'plan.firstBeforeAmendment',
        values: { number: second.version_number, date: second.effective_from },
      },
    );
  }
  const first = rows[0];
  if (first?.version_number !== 1) return;
  await setPlanVersionStart(trx, ctx.householdId, first.id, after.effectiveFrom);
  // The version's own entry, so its history reads whole (verify's replay also derives this change
  // from the plan's entry, for journals written before this one existed).
  await journalChange(trx, ctx, {
    action: 'update',
    entity: 'plan_version',
    entityId: first.id,
    data: { changed: { effectiveFrom: { from: first.effective_from, to: after.effectiveFrom } } },
    at: ctx.clock.now(),
  });
}

/** Name the document a version was read from, with the version's own journal entry. */
export async function recordVersionSource(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  version: PlanVersionRow,
  attachmentId: string,
) {
  await setPlanVersionSource(trx, ctx.householdId, version.id, attachmentId);
  await journalChange(trx, ctx, {
    action: 'update',
    entity: 'plan_version',
    entityId: version.id,
    data: {
      changed: { sourceAttachmentId: { from: version.source_attachment_id ?? null, to: attachmentId } },
    },
    at: ctx.clock.now(),
  });
}
