import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from '../../api/common.ts';
import { Health } from '../../api/health.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { databaseReachable } from '../services/health.ts';
import { typed } from './shared.ts';

export function registerHealthRoutes(app: FastifyInstance, deps: AppDeps) {
  typed(app).get(
    '/health',
    {
      config: { access: access.public },
      schema: {
        tags: ['Health'],
        summary: 'Answers when the server is up and its database is reachable',
        response: {
          200: Health,
          503: ErrorResponse,
        },
      },
    },
    async (_request, reply) => {
      if (await databaseReachable(deps.store)) return { status: 'ok' as const, database: deps.store.kind };
      return reply
        .status(503)
        .send({ error: { code: 'unavailable', message: 'The database is not reachable' } });
    },
  );
}
