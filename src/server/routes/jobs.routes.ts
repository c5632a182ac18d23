import type { FastifyInstance } from 'fastify';
import { errors } from '../../api/common.ts';
import { Job, JobParams } from '../../api/jobs.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { readerLanguage, translatorFor } from '../i18n.ts';
import { householdJob } from '../services/jobs.ts';
import { typed } from './shared.ts';

export function registerJobRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);

  api.get(
    '/households/:householdId/jobs/:id',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Jobs'],
        summary:
          'A background job of the household (a large email import): its status, its progress (done of total), and its result, or its error and each failed attempt (in the reader’s language)',
        params: JobParams,
        response: { 200: Job, ...errors },
      },
    },
    async (request) =>
      householdJob(
        deps.jobs,
        request.params.householdId,
        request.params.id,
        translatorFor(readerLanguage(request)),
      ),
  );
}
