import type { FastifyInstance } from 'fastify';
import { AsOfQuery, ErrorResponse, errors, HouseholdParams, RecordParams } from '../../api/common.ts';
import {
  CommunicationStatus,
  EmailImportQuery,
  EmailImportResult,
  HouseholdSettings,
  HouseholdSettingsPatch,
  LetterChoices,
} from '../../api/communications.ts';
import { Job } from '../../api/jobs.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { communicationStatus, letterChoices } from '../services/communication-status.ts';
import { receiveEmailFile } from '../services/email-import.ts';
import { loadSettings, updateSettings } from '../services/household-settings.ts';
import { contextFor, typed } from './shared.ts';

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
          'Import emails: the body is an .eml or .mbox file (application/octet-stream). Messages already imported are skipped; threads are joined; attachments kept. A small file is imported at once (201, the messages logged); a large mailbox (over 200 messages, or over 2 MB) runs as a background job (202, the job: follow it at GET jobs/{id}). At most 5,000 messages per import (AS_WRITTEN_IMPORT_MAX_MESSAGES)',
        params: HouseholdParams,
        querystring: EmailImportQuery,
        response: { 201: EmailImportResult, 202: Job, 413: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      const outcome = await receiveEmailFile(
        deps.store,
        deps.jobs,
        contextFor(deps, request),
        {
          childId: request.query.childId,
          filename: request.query.filename,
          bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
          maxBytes: deps.uploadLimitBytes,
        },
        deps.emailImport,
      );
      if ('job' in outcome) return reply.status(202).send(outcome.job);
      return reply.status(201).send(outcome.imported);
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
        querystring: AsOfQuery,
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

  api.get(
    '/households/:householdId/children/:id/letter-choices',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Communications'],
        summary:
          'The messages "Draft a letter" offers: written messages still awaiting a reply (overdue first) and the newest calls and meetings',
        params: RecordParams,
        querystring: AsOfQuery,
        response: { 200: LetterChoices, ...errors },
      },
    },
    async (request) =>
      letterChoices(
        deps.store,
        request.params.householdId,
        request.params.id,
        request.query.asOf ?? deps.clock.today(),
      ),
  );
}
