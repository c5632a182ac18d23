import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SessionEntryFields } from '../../domain/session-entry.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import {
  classifySessionEntry,
  createSessionEntry,
  getSessionEntry,
  listSessionEntries,
  SessionEntry,
  SessionEntryFilters,
  SessionEntryPatch,
} from '../services/session-entries.ts';
import { contextFor, errors, HouseholdParams, RecordParams, typed } from './shared.ts';

export function registerSessionRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  const base = '/households/:householdId/sessions';
  api.post(
    base,
    {
      config: { access: access.household('session.write') },
      schema: {
        tags: ['Sessions'],
        summary: 'Log a session: delivered, short, missed (with a reason), or a make-up',
        params: HouseholdParams,
        body: SessionEntryFields,
        response: { 201: SessionEntry, ...errors, 409: errors[400] },
      },
    },
    async (request, reply) => {
      const entry = await createSessionEntry(deps.store, contextFor(deps, request), request.body);
      return reply.status(201).send(entry);
    },
  );
  api.get(
    base,
    {
      config: { access: access.household('session.read') },
      schema: {
        tags: ['Sessions'],
        summary: 'List session entries in date order',
        params: HouseholdParams,
        querystring: SessionEntryFilters,
        response: { 200: z.array(SessionEntry), ...errors },
      },
    },
    async (request) => listSessionEntries(deps.store.db, request.params.householdId, request.query),
  );
  api.get(
    `${base}/:id`,
    {
      config: { access: access.household('session.read') },
      schema: {
        tags: ['Sessions'],
        summary: 'Read a session entry',
        params: RecordParams,
        response: { 200: SessionEntry, ...errors },
      },
    },
    async (request) => getSessionEntry(deps.store.db, request.params.householdId, request.params.id),
  );
  api.patch(
    `${base}/:id`,
    {
      config: { access: access.household('session.write') },
      schema: {
        tags: ['Sessions'],
        summary:
          'Classify who is responsible for a missed or short session (other changes are made by a correcting entry)',
        params: RecordParams,
        body: SessionEntryPatch,
        response: { 200: SessionEntry, ...errors },
      },
    },
    async (request) =>
      classifySessionEntry(deps.store, contextFor(deps, request), request.params.id, request.body),
  );
}
