import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';

// GET /metrics: Prometheus metrics (src/server/metrics.ts), for a scraper that sends
// `Authorization: Bearer <AS_WRITTEN_METRICS_TOKEN>`. With no token set the route answers 404 as if
// it did not exist; a missing or wrong token gets 401. Public in the access table because the token,
// not a session, is what it checks (test/integration/authorization-matrix.test.ts lists it).

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function registerMetricsRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get(
    '/metrics',
    { schema: { hide: true }, config: { access: access.public } },
    async (request, reply) => {
      const { metrics, metricsToken } = deps;
      if (!metrics || !metricsToken)
        return reply.status(404).send({ error: { code: 'not_found', message: 'No route GET /metrics' } });
      const header = request.headers.authorization ?? '';
      const given = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? '';
      // Compared as digests: constant time, whatever the lengths.
      if (!timingSafeEqual(digest(given), digest(metricsToken))) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        return reply.status(401).send({
          error: { code: 'unauthorized', message: 'The metrics need the bearer token set on the server' },
        });
      }
      reply.header('content-type', metrics.registry.contentType);
      reply.header('cache-control', 'no-store');
      return metrics.registry.metrics();
    },
  );
}
