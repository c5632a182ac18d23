import { z } from 'zod';
import { notFound } from '../domain/errors.ts';
import { ServiceSegment } from '../domain/service.ts';
import { contentOfPlans } from './plan-content.repository.ts';
import { plansInView } from './plans.repository.ts';
import { isReadMemo } from './read-memo.ts';
import { type Db, parseJsonColumn } from './repository.ts';
import type { ServiceRow } from './schema.ts';

// The services of a child's plans, with the plan each belongs to (its child, its end, its policy on
// missed sessions). The amounts (`segments`, `esy_blocks`) are JSON columns, read through the
// domain's schema.

const Segments = z.array(ServiceSegment);

/** A service row's dated amounts and ESY blocks, parsed. */
export function serviceTerms(row: Pick<ServiceRow, 'segments' | 'esy_blocks'>): {
  segments: ServiceSegment[];
  esyBlocks: ServiceSegment[];
} {
  return {
    segments: parseJsonColumn(Segments, 'service.segments', row.segments),
    esyBlocks: parseJsonColumn(Segments, 'service.esy_blocks', row.esy_blocks),
  };
}

/** The columns that name a service and its dates, as the case record and the report show them. */
export function serviceSummary(
  s: Pick<ServiceRow, 'id' | 'name' | 'source_text' | 'provider_role' | 'start_date' | 'end_date'>,
) {
  return {
    id: s.id,
    name: s.name,
    sourceText: s.source_text,
    providerRole: s.provider_role,
    startDate: s.start_date,
    endDate: s.end_date,
  };
}

export type ServiceWithPlan = ServiceRow & {
  child_id: string;
  plan_title: string | null;
  plan_status: string;
  plan_from: string;
  plan_end: string;
  reason_policy: string | null;
};

/**
 * A household's services with their plan's child, end and reason policy: one service, the services
 * of a child (or one service of a child), in the order they were added.
 */
export async function servicesWithPlan(
  db: Db,
  householdId: string,
  scope: { serviceId: string } | { childId: string; serviceId?: string },
): Promise<ServiceWithPlan[]> {
  // Through a read memo (the caseload's week and ledgers), the household's services and plans, each read
  // once whole and indexed once (the case record's and the patterns' readers narrow the same reads): the
  // child's plans' services (or the one service), joined here as the query below joins them, in the
  // services' order (plan-reads.memo.test.ts compares the two).
  if (isReadMemo(db)) {
    const plans = await plansInView(db, householdId);
    const services = await contentOfPlans(
      db,
      'service',
      householdId,
      'childId' in scope
        ? { planIds: (plans.byChild.get(scope.childId) ?? []).map((p) => p.id) }
        : { ids: [scope.serviceId] },
    );
    const rows: ServiceWithPlan[] = [];
    for (const service of services) {
      const plan = plans.byId.get(service.plan_id);
      if (!plan) continue;
      if ('childId' in scope && plan.child_id !== scope.childId) continue;
      if (scope.serviceId && service.id !== scope.serviceId) continue;
      rows.push({
        ...service,
        child_id: plan.child_id,
        plan_title: plan.title,
        plan_status: plan.status,
        plan_from: plan.effective_from,
        plan_end: plan.effective_to,
        reason_policy: plan.reason_policy,
      });
    }
    return rows;
  }
  let q = db
    .selectFrom('service')
    .innerJoin('plan', (join) =>
      join.onRef('plan.id', '=', 'service.plan_id').onRef('plan.household_id', '=', 'service.household_id'),
    )
    .selectAll('service')
    .select([
      'plan.child_id',
      'plan.title as plan_title',
      'plan.status as plan_status',
      'plan.effective_from as plan_from',
      'plan.effective_to as plan_end',
      'plan.reason_policy',
    ])
    .where('service.household_id', '=', householdId);
  // A child's services are looked up through the child's plans (migration 0025's indexes), not found by
  // reading the household's services: SQLite, without statistics, would otherwise read every service of
  // the household for each child (an advocate's test district of 10,000 children in one household).
  if ('childId' in scope)
    q = q
      .where('plan.child_id', '=', scope.childId)
      .where('service.plan_id', 'in', (eb) =>
        eb
          .selectFrom('plan as child_plan')
          .select('child_plan.id')
          .where('child_plan.household_id', '=', householdId)
          .where('child_plan.child_id', '=', scope.childId),
      );
  if (scope.serviceId) q = q.where('service.id', '=', scope.serviceId);
  return q.orderBy('service.created_at').orderBy('service.id').execute();
}

/** One service with its plan, or a 404 naming `field` (the request's field the id came from). */
export async function requireServiceWithPlan(
  db: Db,
  householdId: string,
  serviceId: string,
  field?: string,
): Promise<ServiceWithPlan> {
  const [service] = await servicesWithPlan(db, householdId, { serviceId });
  if (!service) throw notFound('Service', serviceId, field);
  return service;
}
