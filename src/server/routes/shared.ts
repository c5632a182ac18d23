import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema } from '../../domain/common.ts';
import type { AppDeps } from '../app.ts';
import { idSource, type ServiceContext } from '../context.ts';

export type ZodApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });

/** Standard error responses for documentation. */
export const errors = {
  400: ErrorResponse,
  404: ErrorResponse,
} as const;

export const HouseholdParams = z.object({ householdId: IdSchema });
export const RecordParams = z.object({ householdId: IdSchema, id: IdSchema });

/**
 * The seam for accounts: today every request acts as the API on the household named in the URL;
 * the accounts work resolves the signed-in user and checks their role here.
 */
export function contextFor(deps: AppDeps, householdId: string): ServiceContext {
  return {
    householdId,
    actor: { kind: 'api', id: 'anonymous' },
    clock: deps.clock,
    newId: idSource(deps.clock),
  };
}
