import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errors, RecordParams } from '../../api/common.ts';
import {
  DistrictCalendar,
  DistrictCalendarInput,
  DistrictChangeDecision,
} from '../../api/district-calendars.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { readerLanguage, translatorFor } from '../i18n.ts';
import {
  decideDistrictChange,
  districtCalendarForReader,
  listDistrictCalendars,
  refreshDistrictCalendar,
  removeDistrictCalendar,
  subscribeDistrictCalendar,
} from '../services/district-calendars.ts';
import { contextFor, typed } from './shared.ts';

// A district calendar read from its address every day (src/server/services/district-calendars.ts).
// Reading it is for whoever may add a day to the calendar by hand (plan.write); seeing it, every member.
// Every answer says why the last read failed in the reader's language.

export function registerDistrictCalendarRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  const write = access.household('plan.write');
  const forReader = (request: FastifyRequest, feed: DistrictCalendar) =>
    districtCalendarForReader(feed, translatorFor(readerLanguage(request)));

  api.get(
    '/households/:householdId/children/:id/district-calendars',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['School calendar'],
        summary:
          'The district calendars read for the child by their address: how the last read went, the changes waiting for the parent, and the days added on their own',
        params: RecordParams,
        response: { 200: z.array(DistrictCalendar), ...errors },
      },
    },
    async (request) =>
      (await listDistrictCalendars(deps.store, request.params.householdId, request.params.id)).map((feed) =>
        forReader(request, feed),
      ),
  );

  api.post(
    '/households/:householdId/children/:id/district-calendars',
    {
      config: { access: write },
      schema: {
        tags: ['School calendar'],
        summary:
          'Subscribe to a district calendar by its address (https:// or webcal://): read once now (a 400 naming address when it cannot be read; nothing saved), then every day. The first read adds nothing on its own: the days off it finds wait for the parent',
        params: RecordParams,
        body: DistrictCalendarInput,
        response: { 201: DistrictCalendar, ...errors },
      },
    },
    async (request, reply) => {
      const created = await subscribeDistrictCalendar(
        deps.store,
        contextFor(deps, request),
        request.params.id,
        request.body,
        deps.fetchPolicy,
      );
      return reply.status(201).send(forReader(request, created));
    },
  );

  api.post(
    '/households/:householdId/district-calendars/:id/read',
    {
      config: { access: write },
      schema: {
        tags: ['School calendar'],
        summary:
          'Read a district calendar again now: new days off ahead are added, the rest waits for the parent; a failed read is recorded with its reason',
        params: RecordParams,
        response: { 200: DistrictCalendar, ...errors },
      },
    },
    async (request) =>
      forReader(
        request,
        await refreshDistrictCalendar(
          deps.store,
          deps.clock,
          deps.fetchPolicy,
          request.params.householdId,
          request.params.id,
        ),
      ),
  );

  api.post(
    '/households/:householdId/district-calendars/:id/decisions',
    {
      config: { access: write },
      schema: {
        tags: ['School calendar'],
        summary:
          'Confirm (apply) or dismiss one change waiting on a district calendar: applying adds the day, or moves the day the subscription added, with its journal entry',
        params: RecordParams,
        body: DistrictChangeDecision,
        response: { 200: DistrictCalendar, ...errors },
      },
    },
    async (request) =>
      forReader(
        request,
        await decideDistrictChange(deps.store, contextFor(deps, request), request.params.id, request.body),
      ),
  );

  api.delete(
    '/households/:householdId/district-calendars/:id',
    {
      config: { access: write },
      schema: {
        tags: ['School calendar'],
        summary: 'Stop reading a district calendar; the days it added stay on the calendar',
        params: RecordParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeDistrictCalendar(deps.store, request.params.householdId, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
