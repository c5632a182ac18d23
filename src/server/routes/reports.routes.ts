import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errors, RecordParams } from '../../api/common.ts';
import { ImplementationReport, type ReportLanguage, ReportQuery } from '../../api/reports.ts';
import { reportFilename } from '../../reports/implementation-report.ts';
import { renderReportPdf } from '../../reports/implementation-report-pdf.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { readerLanguage } from '../i18n.ts';
import { implementationReport } from '../services/implementation-report.ts';
import { contentDisposition, typed } from './shared.ts';

// The implementation report for a child and a date range: as JSON (the same object the PDF is
// drawn from, for the web page) and as a PDF to hand to a case manager, a mediator or a state
// complaint investigator. Both need the 'export' permission: the report carries the whole record.

/** The language asked for; else the reader's (their choice, else their browser's), Spanish or English. */
function reportLanguage(query: ReportQuery, request: FastifyRequest): ReportLanguage {
  if (query.language) return query.language;
  const reader = readerLanguage(request);
  return reader.toLowerCase().split('-')[0] === 'es' ? 'es' : 'en';
}

/** The family member the report is prepared by: the signed-in user. */
function preparer(request: FastifyRequest) {
  const user = request.auth.session?.user;
  return { name: user?.displayName ?? 'Parent', email: user?.email ?? null };
}

export function registerReportRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  const build = (params: z.infer<typeof RecordParams>, query: ReportQuery, request: FastifyRequest) =>
    implementationReport(
      deps.store,
      params.householdId,
      params.id,
      { from: query.from, to: query.to, asOf: query.asOf ?? deps.clock.today() },
      preparer(request),
      reportLanguage(query, request),
    );

  api.get(
    '/households/:householdId/children/:id/report',
    {
      config: { access: access.household('export') },
      schema: {
        tags: ['Reports'],
        summary:
          'The implementation report for a date range: a summary in plain words, the ledger per service, accommodations, the behavior plan, communication, open recommendations, the evidence index and the journal head',
        params: RecordParams,
        querystring: ReportQuery,
        response: { 200: ImplementationReport, ...errors },
      },
    },
    async (request) => build(request.params, request.query, request),
  );

  api.get(
    '/households/:householdId/children/:id/report.pdf',
    {
      config: { access: access.household('export') },
      schema: {
        tags: ['Reports'],
        summary: 'The implementation report as a PDF (US Letter) to print or send',
        params: RecordParams,
        querystring: ReportQuery,
        response: { 200: z.unknown().describe('The PDF file (application/pdf)'), ...errors },
      },
    },
    async (request, reply) => {
      const report = await build(request.params, request.query, request);
      const pdf = await renderReportPdf(report);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition('attachment', reportFilename(report)))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
