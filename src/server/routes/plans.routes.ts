import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../../domain/common.ts';
import { PlanAmendmentInput } from '../../domain/plan.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { amendPlan, getPlanVersion, listPlanVersions } from '../services/plan-versions.ts';
import { contextFor, ErrorResponse, errors, RecordParams, typed } from './shared.ts';

const PlanVersion = z.object({
  id: IdSchema,
  planId: IdSchema,
  versionNumber: z.number().int(),
  effectiveFrom: IsoDateSchema,
  effectiveTo: IsoDateSchema.nullable(),
  summary: z.string(),
  createdAt: z.string(),
  isCurrent: z.boolean(),
});

const PlanContent = z.object({
  plan: z.record(z.string(), z.unknown()),
  services: z.array(z.record(z.string(), z.unknown())),
  accommodations: z.array(z.record(z.string(), z.unknown())),
  goals: z.array(z.record(z.string(), z.unknown())),
  behaviorSteps: z.array(z.record(z.string(), z.unknown())),
  keyDates: z.array(z.record(z.string(), z.unknown())),
});

const ContentChange = z.object({
  kind: z.enum(['added', 'removed', 'changed']),
  section: z.string(),
  id: z.string(),
  item: z.record(z.string(), z.unknown()).optional(),
  fields: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })).optional(),
});

export function registerPlanRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  api.get(
    '/households/:householdId/plans/:id/versions',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Plans'],
        summary: "A plan's versions, oldest first",
        params: RecordParams,
        response: { 200: z.array(PlanVersion), ...errors },
      },
    },
    async (request) => listPlanVersions(deps.store, request.params.householdId, request.params.id),
  );
  api.get(
    '/households/:householdId/plans/:id/versions/:versionNumber',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Plans'],
        summary: 'One version of a plan: its content and what changed from the version before',
        params: RecordParams.extend({ versionNumber: z.coerce.number().int().min(1) }),
        response: {
          200: PlanVersion.extend({ content: PlanContent, changesFromPrevious: z.array(ContentChange) }),
          ...errors,
        },
      },
    },
    async (request) =>
      getPlanVersion(
        deps.store,
        request.params.householdId,
        request.params.id,
        request.params.versionNumber,
      ) as never,
  );
  api.post(
    '/households/:householdId/plans/:id/amendments',
    {
      config: { access: access.household('plan.write') },
      schema: {
        tags: ['Plans'],
        summary: 'Amend a plan: freeze the current version and start a new one on the given date',
        params: RecordParams,
        body: PlanAmendmentInput,
        response: { 201: PlanVersion, ...errors, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const version = await amendPlan(deps.store, contextFor(deps, request), request.params.id, request.body);
      return reply.status(201).send(version);
    },
  );
}
