import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ErrorResponse, errors, HouseholdParams, RecordParams } from '../../api/common.ts';
import {
  MakeupOption,
  SessionCorrectionInput,
  SessionCorrectionResult,
  SessionEntry,
  SessionEntryListQuery,
  SessionEntryPatch,
  WeekDeliveredInput,
} from '../../api/sessions.ts';
import { ParentSessionEntryFields } from '../../domain/session-entry.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { makeupOptions } from '../services/makeups.ts';
import { correctSessionEntry } from '../services/session-corrections.ts';
import {
  classifySessionEntry,
  createSessionEntry,
  getSessionEntry,
  listSessionEntriesPage,
} from '../services/session-entries.ts';
import { logWeekDelivered } from '../services/week-delivered.ts';
import { sendPage } from './pagination.ts';
import { contextFor, typed } from './shared.ts';

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
        body: ParentSessionEntryFields,
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
        querystring: SessionEntryListQuery,
        response: { 200: z.array(SessionEntry), ...errors },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filters } = request.query;
      const page = await listSessionEntriesPage(deps.store.db, request.params.householdId, filters, {
        limit,
        cursor,
      });
      return sendPage(request, reply, page);
    },
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
  api.post(
    `${base}/:id/corrections`,
    {
      config: { access: access.household('session.write') },
      schema: {
        tags: ['Sessions'],
        summary:
          'Correct an entry (a new entry that points at it), void it as logged by mistake, or move it to the right service (void and log again, in one step)',
        description:
          'The latest entry of its correction chain is what gets corrected, so an entry corrected since is never corrected twice. A correction of a voided entry brings it back.',
        params: RecordParams,
        body: SessionCorrectionInput,
        response: { 201: SessionCorrectionResult, ...errors, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const result = await correctSessionEntry(
        deps.store,
        contextFor(deps, request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(result);
    },
  );
  api.get(
    '/households/:householdId/services/:id/makeup-options',
    {
      config: { access: access.household('session.read') },
      schema: {
        tags: ['Sessions'],
        summary:
          'The misses a make-up may name: minutes owed and not yet made up, newest first (excused and pending misses are left out)',
        params: RecordParams,
        response: { 200: z.array(MakeupOption), ...errors },
      },
    },
    async (request) =>
      makeupOptions(deps.store.db, request.params.householdId, request.params.id, deps.clock.today()),
  );
  api.post(
    '/households/:householdId/services/:id/week-delivered',
    {
      config: { access: access.household('session.write') },
      schema: {
        tags: ['Sessions'],
        summary:
          "All delivered this week: log this week's not-yet-confirmed sessions of a service as delivered, on the days given",
        params: RecordParams,
        body: WeekDeliveredInput,
        response: { 201: z.array(SessionEntry), ...errors },
      },
    },
    async (request, reply) => {
      const entries = await logWeekDelivered(
        deps.store,
        contextFor(deps, request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(entries);
    },
  );
}
