import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CalendarFeed,
  CalendarFeedCreated,
  CalendarFeedInput,
  CalendarFeedParams,
} from '../../api/calendar.ts';
import { ErrorResponse, errors, HouseholdParams, RecordParams } from '../../api/common.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { apiError } from '../errors.ts';
import {
  calendarFeedIcs,
  createCalendarFeed,
  listCalendarFeeds,
  revokeCalendarFeed,
} from '../services/calendar-feed.ts';
import { contextFor, typed } from './shared.ts';

export function registerCalendarRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  const userOf = (request: { auth: { session: { user: { id: string } } | null } }) => {
    const id = request.auth.session?.user.id;
    if (!id) throw apiError('unauthorized', 'auth.signInFirst');
    return id;
  };

  api.post(
    '/households/:householdId/calendar-feeds',
    {
      config: { access: access.household('plan.write') },
      schema: {
        tags: ['Advisor'],
        summary:
          'Make a secret calendar address for the reminders and deadlines (subscribe to it from a phone); shown once',
        params: HouseholdParams,
        body: CalendarFeedInput,
        response: { 201: CalendarFeedCreated, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextFor(deps, request);
      const { feed, token } = await createCalendarFeed(
        deps.store,
        ctx,
        userOf(request),
        request.body.childId,
      );
      const base = deps.publicUrl ?? `${request.protocol}://${request.host}`;
      return reply.status(201).send({ feed, url: `${base.replace(/\/$/, '')}/api/calendar/${token}.ics` });
    },
  );

  api.get(
    '/households/:householdId/calendar-feeds',
    {
      config: { access: access.household('plan.write') },
      schema: {
        tags: ['Advisor'],
        summary: 'The calendar addresses made for this household (without their secrets)',
        params: HouseholdParams,
        response: { 200: z.array(CalendarFeed), ...errors },
      },
    },
    async (request) => listCalendarFeeds(deps.store, request.params.householdId),
  );

  api.post(
    '/households/:householdId/calendar-feeds/:id/revoke',
    {
      config: { access: access.household('plan.write') },
      schema: {
        tags: ['Advisor'],
        summary: 'Stop a calendar address at once',
        params: RecordParams,
        response: { 200: CalendarFeed, ...errors },
      },
    },
    async (request) =>
      revokeCalendarFeed(deps.store, contextFor(deps, request), userOf(request), request.params.id),
  );

  api.get(
    '/calendar/:token',
    {
      // The secret in the address is the credential (calendar apps cannot sign in).
      config: { access: access.public },
      schema: {
        tags: ['Advisor'],
        summary: 'The reminders and deadlines as an iCalendar feed (the address from calendar-feeds)',
        params: CalendarFeedParams,
        response: { 200: z.string(), 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const token = request.params.token.replace(/\.ics$/, '');
      const ics = await calendarFeedIcs(deps.store, token, deps.clock.now(), deps.clock.today());
      if (ics === null) throw apiError('not_found', 'calendar.feedUnknown');
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=900')
        .header('content-disposition', 'inline; filename="as-written.ics"')
        .send(ics);
    },
  );
}
