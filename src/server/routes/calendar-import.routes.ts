import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CalendarEventBatchInput,
  CalendarImportDraft,
  CalendarImportQuery,
} from '../../api/calendar-import.ts';
import { ErrorResponse, errors, RecordParams } from '../../api/common.ts';
import { CalendarEvent } from '../../api/records.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { addCalendarEvents, draftCalendarImport } from '../services/calendar-import.ts';
import { contextFor, typed } from './shared.ts';

/** A district calendar file is small: a school year is a few hundred events. */
export const CALENDAR_FILE_LIMIT_BYTES = 2 * 1024 * 1024;

export function registerCalendarImportRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  // Whoever may add a day to the calendar by hand (POST calendar-events) may bring a file in.
  const write = access.household('plan.write');

  api.post(
    '/households/:householdId/children/:id/school-calendar/ics',
    {
      bodyLimit: CALENDAR_FILE_LIMIT_BYTES,
      config: { access: write, upload: true },
      schema: {
        tags: ['School calendar'],
        summary:
          'Read a district calendar (.ics, the body as application/octet-stream, at most 2 MB) into a draft to review: each event with the kind of day proposed, how sure, why, and whether it is on the calendar already. Nothing is saved',
        params: RecordParams,
        querystring: CalendarImportQuery,
        response: { 200: CalendarImportDraft, 413: ErrorResponse, ...errors },
      },
    },
    async (request) => {
      const body = request.body as unknown;
      return draftCalendarImport(deps.store, request.params.householdId, request.params.id, {
        bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
        filename: request.query.filename,
      });
    },
  );

  api.post(
    '/households/:householdId/children/:id/school-calendar/events/batch',
    {
      config: { access: write },
      schema: {
        tags: ['School calendar'],
        summary:
          'Add several days to the child’s school calendars at once (the reviewed draft): all or none, each journaled as one added by hand',
        params: RecordParams,
        body: CalendarEventBatchInput,
        response: { 201: z.array(CalendarEvent), ...errors },
      },
    },
    async (request, reply) => {
      const saved = await addCalendarEvents(
        deps.store,
        contextFor(deps, request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(saved);
    },
  );
}
