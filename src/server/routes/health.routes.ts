import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from '../../api/common.ts';
import { Health, Ready } from '../../api/health.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { databaseReachable, readiness } from '../services/health.ts';
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

  typed(app).get(
    '/ready',
    {
      config: { access: access.public },
      schema: {
        tags: ['Health'],
        summary:
          'Answers 200 when this process takes requests: its database is reachable and has run every migration this version knows; 503 otherwise (and while the process shuts down)',
        response: {
          200: Ready,
          503: ErrorResponse,
        },
      },
    },
    async (_request, reply) => {
      const ready = await readiness(deps.store, deps.lifecycle);
      if (ready.ok)
        return { status: 'ready' as const, database: deps.store.kind, migration: ready.migration };
      return reply.status(503).send({ error: { code: 'unavailable', message: ready.message } });
    },
  );
}
