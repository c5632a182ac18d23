import { z } from 'zod';
import { notFound } from '../domain/errors.ts';
import { ServiceSegment } from '../domain/service.ts';
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
export function servicesWithPlan(
  db: Db,
  householdId: string,
  scope: { serviceId: string } | { childId: string; serviceId?: string },
): Promise<ServiceWithPlan[]> {
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
  if ('childId' in scope) q = q.where('plan.child_id', '=', scope.childId);
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
