import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ChildFilter, errors, HouseholdParams } from '../../api/common.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { readerLanguage } from '../i18n.ts';
import { communicationLogCsv, observationLogCsv } from '../services/record-csv.ts';
import { sessionLogCsv } from '../services/session-log-csv.ts';
import { typed } from './shared.ts';

// Spreadsheet exports of the day-to-day records: sessions, accommodation observations and the
// communication log, for one child or the whole household, with headers in the reader's language.

function sendCsv(reply: FastifyReply, name: string, csv: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(csv);
}

export function registerCsvRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  const schema = (summary: string) => ({
    tags: ['Exports'],
    summary,
    params: HouseholdParams,
    querystring: ChildFilter,
    response: { 200: z.string(), ...errors },
  });
  api.get(
    '/households/:householdId/exports/sessions.csv',
    { config: { access: access.household('export') }, schema: schema('Every session entry, as CSV') },
    async (request, reply) => {
      return sendCsv(
        reply,
        'sessions.csv',
        await sessionLogCsv(
          deps.store.db,
          request.params.householdId,
          request.query.childId,
          readerLanguage(request),
        ),
      );
    },
  );

  api.get(
    '/households/:householdId/exports/observations.csv',
    {
      config: { access: access.household('export') },
      schema: schema('Every accommodation observation, as CSV'),
    },
    async (request, reply) =>
      sendCsv(
        reply,
        'observations.csv',
        await observationLogCsv(
          deps.store,
          request.params.householdId,
          request.query.childId,
          readerLanguage(request),
        ),
      ),
  );

  api.get(
    '/households/:householdId/exports/communications.csv',
    {
      config: { access: access.household('export') },
      schema: schema('The communication log with reply states as of today, as CSV'),
    },
    async (request, reply) =>
      sendCsv(
        reply,
        'communications.csv',
        await communicationLogCsv(
          deps.store,
          request.params.householdId,
          request.query.childId,
          deps.clock.today(),
          readerLanguage(request),
        ),
      ),
  );
}
