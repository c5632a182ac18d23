import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from '../../api/common.ts';
import { SessionCorrectionResult, SessionEntry, StaffCorrectionInput } from '../../api/sessions.ts';
import { EntryParams, StaffSessionInput, StaffView } from '../../api/staff-links.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { confirmStaffSession, correctStaffSession, staffView } from '../services/staff-links.ts';
import { contextFor, typed } from './shared.ts';

// The staff link's own API. The link's token comes in the Authorization header (Bearer), never in
// the URL, so it does not end up in logs or browser history.

export function registerStaffRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  api.get(
    '/staff-link',
    {
      config: { access: access.staff },
      schema: {
        tags: ['Staff links'],
        summary:
          "For the holder of a staff link: the child's first name, the services and the expected sessions",
        response: { 200: StaffView, 401: ErrorResponse },
      },
    },
    async (request) => staffView(deps.store, request.auth.staff!, deps.clock.today()),
  );
  api.post(
    '/staff-link/sessions',
    {
      config: { access: access.staff },
      schema: {
        tags: ['Staff links'],
        summary: 'For the holder of a staff link: confirm a delivered, short or missed session',
        body: StaffSessionInput,
        response: { 201: SessionEntry, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const entry = await confirmStaffSession(
        deps.store,
        contextFor(deps, request),
        request.auth.staff!,
        request.body,
      );
      return reply.status(201).send(entry);
    },
  );
  api.post(
    '/staff-link/sessions/:id/corrections',
    {
      config: { access: access.staff },
      schema: {
        tags: ['Staff links'],
        summary:
          'For the holder of a staff link: correct or void a session this link confirmed (only its own)',
        params: EntryParams,
        body: StaffCorrectionInput,
        response: {
          201: SessionCorrectionResult,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const result = await correctStaffSession(
        deps.store,
        contextFor(deps, request),
        request.auth.staff!,
        request.params.id,
        request.body,
      );
      return reply.status(201).send(result);
    },
  );
}
