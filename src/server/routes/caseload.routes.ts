import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Caseload } from '../../api/caseload.ts';
import { ErrorResponse } from '../../api/common.ts';
import type { AppDeps } from '../app.ts';
import { access, requireUser } from '../auth/access.ts';
import { requestLanguage } from '../i18n.ts';
import { caseloadCsv, caseloadOf } from '../services/caseload.ts';
import { typed } from './shared.ts';

// The advocate's caseload (issue 18): every household where the signed-in person is an owner or an
// advocate, one row per child, sorted by urgency; and the same rows as CSV. No household in the path:
// the service reads only the households of the caller's own memberships.

export function registerCaseloadRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  const writer = (user: { displayName: string; email: string }) => ({
    name: user.displayName,
    email: user.email,
  });
  api.get(
    '/caseload',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['Caseload'],
        summary:
          "The caseload: for each child of every household where you are an owner or an advocate, make-up minutes owed, services behind, replies overdue, the next deadline, the household's last activity and the advisor's open items, most urgent first",
        response: { 200: Caseload, 401: ErrorResponse },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return caseloadOf(
        deps.store,
        user.id,
        deps.clock.today(),
        writer(user),
        requestLanguage(user.language, request.headers['accept-language']),
      );
    },
  );
  api.get(
    '/caseload.csv',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['Caseload'],
        summary: 'The caseload as CSV: the same rows in the same order',
        response: { 200: z.string(), 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const csv = await caseloadCsv(
        deps.store,
        user.id,
        deps.clock.today(),
        writer(user),
        requestLanguage(user.language, request.headers['accept-language']),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="caseload.csv"')
        .send(csv);
    },
  );
}
