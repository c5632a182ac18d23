import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AsOfQuery, errors, RecordParams } from '../../api/common.ts';
import { LivingIepNotesInput, LivingIepSchema } from '../../api/living-iep.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { readerLanguage } from '../i18n.ts';
import {
  livingIepAsMarkdown,
  livingIepAsPdf,
  livingIepFor,
  saveLivingIepNotes,
} from '../services/living-iep.ts';
import { contextFor, typed } from './shared.ts';

export function registerLivingIepRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  const base = '/households/:householdId/children/:id/living-iep';

  api.get(
    base,
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Paper trail'],
        summary:
          'The living IEP: what is working, what is not, what the parent wants changed, the concerns statement and questions for the next meeting',
        params: RecordParams,
        querystring: AsOfQuery,
        response: { 200: LivingIepSchema, ...errors },
      },
    },
    async (request) =>
      livingIepFor(
        deps.store,
        request.params.householdId,
        request.params.id,
        request.query.asOf ?? deps.clock.today(),
        readerLanguage(request),
      ),
  );

  // The living IEP as a document to download, in two formats that differ only in how it is drawn.
  const downloads = [
    {
      suffix: '.md',
      summary: 'The living IEP as a Markdown document to edit anywhere',
      response: z.string(),
      contentType: 'text/markdown; charset=utf-8',
      draw: livingIepAsMarkdown,
    },
    {
      suffix: '.pdf',
      summary: 'The living IEP as a PDF to print or bring to the meeting',
      response: z.any(),
      contentType: 'application/pdf',
      draw: livingIepAsPdf,
    },
  ] as const;
  for (const download of downloads) {
    api.get(
      `${base}${download.suffix}`,
      {
        config: { access: access.household('plan.read') },
        schema: {
          tags: ['Paper trail'],
          summary: download.summary,
          params: RecordParams,
          querystring: AsOfQuery,
          response: { 200: download.response, ...errors },
        },
      },
      async (request, reply) => {
        const body = await download.draw(
          deps.store,
          request.params.householdId,
          request.params.id,
          request.query.asOf ?? deps.clock.today(),
          readerLanguage(request),
        );
        return reply
          .header('content-type', download.contentType)
          .header('content-disposition', `attachment; filename="living-iep${download.suffix}"`)
          .send(body);
      },
    );
  }

  api.put(
    `${base}/notes`,
    {
      config: { access: access.household('plan.write') },
      schema: {
        tags: ['Paper trail'],
        summary:
          "Save the parent's own words: the concerns statement, the changes wanted, questions for the team",
        params: RecordParams,
        body: LivingIepNotesInput,
        response: { 200: LivingIepNotesInput, ...errors },
      },
    },
    async (request) =>
      saveLivingIepNotes(deps.store, contextFor(deps, request), request.params.id, request.body),
  );
}
