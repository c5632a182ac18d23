import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../../domain/common.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { CommunicationStatus, communicationStatus } from '../services/communication-status.ts';
import { EmailImportResult, importEmails } from '../services/email-import.ts';
import {
  HouseholdSettings,
  HouseholdSettingsPatch,
  loadSettings,
  updateSettings,
} from '../services/household-settings.ts';
import { contextFor, ErrorResponse, errors, HouseholdParams, RecordParams, typed } from './shared.ts';

/** How many times a single file's limit a mailbox may be (an .mbox holds many messages). */
export const MAILBOX_LIMIT_FACTOR = 4;

export function registerCommunicationRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);

  api.post(
    '/households/:householdId/communications/import',
    {
      bodyLimit: deps.uploadLimitBytes * MAILBOX_LIMIT_FACTOR,
      config: { access: access.household('plan.write'), upload: true },
      schema: {
        tags: ['Communications'],
        summary:
          'Import emails: the body is an .eml or .mbox file (application/octet-stream). Messages already imported are skipped; threads are joined; attachments kept',
        params: HouseholdParams,
        querystring: z.object({
          childId: IdSchema,
          filename: z.string().trim().min(1).max(1000).default('email.eml'),
        }),
        response: { 201: EmailImportResult, 413: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      const result = await importEmails(deps.store, contextFor(deps, request), {
        childId: request.query.childId,
        filename: request.query.filename,
        bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
        maxBytes: deps.uploadLimitBytes,
      });
      return reply.status(201).send(result);
    },
  );

  api.get(
    '/households/:householdId/settings',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Communications'],
        summary: "The household's reply time (school days) and the advisor's thresholds",
        params: HouseholdParams,
        response: { 200: HouseholdSettings, ...errors },
      },
    },
    async (request) => loadSettings(deps.store.db, request.params.householdId),
  );
  api.patch(
    '/households/:householdId/settings',
    {
      config: { access: access.household('plan.write') },
      schema: {
        tags: ['Communications'],
        summary: 'Change the reply time or an advisor threshold (product choices the family may adjust)',
        params: HouseholdParams,
        body: HouseholdSettingsPatch,
        response: { 200: HouseholdSettings, ...errors },
      },
    },
    async (request) => updateSettings(deps.store, contextFor(deps, request), request.body),
  );

  api.get(
    '/households/:householdId/children/:id/communication-status',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Communications'],
        summary:
          'Each logged message with its thread and whether a reply is awaited or overdue, and the calls and meetings not yet followed up in writing',
        params: RecordParams,
        querystring: z.object({ asOf: IsoDateSchema.optional() }),
        response: { 200: CommunicationStatus, ...errors },
      },
    },
    async (request) =>
      communicationStatus(
        deps.store,
        request.params.householdId,
        request.params.id,
        request.query.asOf ?? deps.clock.today(),
      ),
  );
}
