import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ErrorResponse, errors, RecordParams } from '../../api/common.ts';
import {
  ServiceLogAcceptInput,
  ServiceLogAcceptResult,
  ServiceLogFileQuery,
  ServiceLogListItem,
  ServiceLogMarkInput,
  ServiceLogPreview,
  ServiceLogView,
} from '../../api/service-logs.ts';
import { SERVICE_LOG_MAX_BYTES } from '../../importers/service-log-file.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import {
  acceptServiceLogRows,
  getServiceLog,
  importServiceLog,
  listServiceLogs,
  markServiceLogItem,
  previewServiceLog,
  type ServiceLogUpload,
} from '../services/service-logs.ts';
import { contextFor, typed } from './shared.ts';

// The school's own service logs (src/server/services/service-logs.ts). Reading a file, saving it,
// accepting its rows and marking differences are for whoever may log sessions (session.write);
// seeing the imported logs and their reconciliation, every member. Staff links have none of these.

export function registerServiceLogRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  const write = access.household('session.write');
  const read = access.household('session.read');
  const upload = (body: unknown, query: z.infer<typeof ServiceLogFileQuery>): ServiceLogUpload => ({
    bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
    filename: query.filename,
    serviceId: query.serviceId,
    studentId: query.studentId,
    mapping: query.mapping,
  });

  api.post(
    '/households/:householdId/children/:id/service-logs/preview',
    {
      bodyLimit: SERVICE_LOG_MAX_BYTES,
      config: { access: write, upload: true },
      schema: {
        tags: ['Service logs'],
        summary:
          'Read the school’s service log (CSV or .xlsx, the body as application/octet-stream, at most 10 MB and 50,000 rows) into a preview: the columns guessed or remembered for the school (or as `mapping` says), the first rows, this child’s rows, every row not read and why, and the reconciliation with the family’s entries. Nothing is saved',
        params: RecordParams,
        querystring: ServiceLogFileQuery,
        response: { 200: ServiceLogPreview, 413: ErrorResponse, ...errors },
      },
    },
    async (request) =>
      previewServiceLog(
        deps.store.db,
        request.params.householdId,
        request.params.id,
        upload(request.body, request.query),
      ),
  );

  api.post(
    '/households/:householdId/children/:id/service-logs',
    {
      bodyLimit: SERVICE_LOG_MAX_BYTES,
      config: { access: write, upload: true },
      schema: {
        tags: ['Service logs'],
        summary:
          'Save the school’s service log with the mapping the parent confirmed: this child’s rows only (another student’s are never kept), the file’s name, size and SHA-256, and what was not read, journaled; the mapping is remembered for the school. A file that is not a log, or a log for another child, is refused and nothing is saved',
        params: RecordParams,
        querystring: ServiceLogFileQuery,
        response: { 201: ServiceLogView, 413: ErrorResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await importServiceLog(
            deps.store,
            contextFor(deps, request),
            request.params.id,
            upload(request.body, request.query),
          ),
        ),
  );

  api.get(
    '/households/:householdId/children/:id/service-logs',
    {
      config: { access: read },
      schema: {
        tags: ['Service logs'],
        summary: 'The school service logs brought in for a child, newest first (without their rows)',
        params: RecordParams,
        response: { 200: z.array(ServiceLogListItem), ...errors },
      },
    },
    async (request) => listServiceLogs(deps.store.db, request.params.householdId, request.params.id),
  );

  api.get(
    '/households/:householdId/service-logs/:id',
    {
      config: { access: read },
      schema: {
        tags: ['Service logs'],
        summary:
          'An imported service log with its reconciliation against the record as it is now (each difference with a question to ask) and the parent’s marks',
        params: RecordParams,
        response: { 200: ServiceLogView, ...errors },
      },
    },
    async (request) => getServiceLog(deps.store.db, request.params.householdId, request.params.id),
  );

  api.post(
    '/households/:householdId/service-logs/:id/accept',
    {
      config: { access: write },
      schema: {
        tags: ['Service logs'],
        summary:
          'Accept rows of the school’s log into the record: each a session entry with the source "school log" (set by the server, its note naming the file and its SHA-256), counted once with the family’s entries about the same session; all or none',
        params: RecordParams,
        body: ServiceLogAcceptInput,
        response: { 201: ServiceLogAcceptResult, 409: ErrorResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await acceptServiceLogRows(deps.store, contextFor(deps, request), request.params.id, request.body),
        ),
  );

  api.post(
    '/households/:householdId/service-logs/:id/marks',
    {
      config: { access: write },
      schema: {
        tags: ['Service logs'],
        summary: 'Mark a line of the reconciliation as asked about, kept as mine, or open again',
        params: RecordParams,
        body: ServiceLogMarkInput,
        response: { 200: ServiceLogView, 409: ErrorResponse, ...errors },
      },
    },
    async (request) =>
      markServiceLogItem(deps.store, contextFor(deps, request), request.params.id, request.body),
  );
}
