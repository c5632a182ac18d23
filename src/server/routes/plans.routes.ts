import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ErrorResponse, errors, RecordParams } from '../../api/common.ts';
import { PlanVersion, PlanVersionDetail, PlanVersionParams } from '../../api/plans.ts';
import { PlanAmendmentInput } from '../../domain/plan.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { amendPlan, getPlanVersion, listPlanVersions } from '../services/plan-versions.ts';
import { contextFor, typed } from './shared.ts';

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
        params: PlanVersionParams,
        response: {
          200: PlanVersionDetail,
          ...errors,
        },
      },
    },
    async (request) =>
      getPlanVersion(deps.store, request.params.householdId, request.params.id, request.params.versionNumber),
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
