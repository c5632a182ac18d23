import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ErrorResponse, errors, HouseholdParams } from '../../api/common.ts';
import {
  Household,
  HouseholdInput,
  HouseholdWithRole,
  ImportResult,
  JournalEntry,
  JournalQuery,
  VerifyQuery,
  VerifyResult,
} from '../../api/households.ts';
import type { AppDeps } from '../app.ts';
import { access, requireUser } from '../auth/access.ts';
import { exportHousehold, importHousehold } from '../services/household-transfer.ts';
import { createHousehold, getHousehold, householdJournal, listHouseholds } from '../services/households.ts';
import { verifyHousehold } from '../services/verify.ts';
import { sendPage } from './pagination.ts';
import { envFor, typed } from './shared.ts';

export function registerHouseholdRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  api.post(
    '/households',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['Households'],
        summary: 'Create a household',
        body: HouseholdInput,
        response: { 201: Household, 400: ErrorResponse },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const household = await createHousehold(
        deps.store,
        { actor: { kind: 'user', id: user.id }, ...envFor(deps) },
        request.body,
      );
      return reply.status(201).send(household);
    },
  );
  api.get(
    '/households',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['Households'],
        summary: 'List households',
        response: { 200: z.array(HouseholdWithRole), 401: ErrorResponse },
      },
    },
    async (request) => listHouseholds(deps.store, requireUser(request).id),
  );
  api.get(
    '/households/:householdId',
    {
      config: { access: access.household('household.read') },
      schema: {
        tags: ['Households'],
        summary: 'Read a household',
        params: HouseholdParams,
        response: { 200: Household, ...errors },
      },
    },
    async (request) => getHousehold(deps.store, request.params.householdId),
  );
  api.get(
    '/households/:householdId/journal',
    {
      config: { access: access.household('journal.read') },
      schema: {
        tags: ['Households'],
        summary: "The household's journal: every change, who made it, when, and the data",
        params: HouseholdParams,
        querystring: JournalQuery,
        response: { 200: z.array(JournalEntry), ...errors },
      },
    },
    async (request, reply) =>
      sendPage(request, reply, await householdJournal(deps.store, request.params.householdId, request.query)),
  );
  api.get(
    '/households/:householdId/verify',
    {
      config: { access: access.household('journal.read') },
      schema: {
        tags: ['Households'],
        summary:
          "Check the paper trail: the journal's hash chain, every record against the state its journal entries lead to, and every attachment's SHA-256; names the first entry that was edited, removed or reordered, and each record that differs (table, id, field, journal value, current value)",
        params: HouseholdParams,
        querystring: VerifyQuery,
        response: { 200: VerifyResult, ...errors },
      },
    },
    async (request) =>
      verifyHousehold(deps.store, request.params.householdId, { expectHead: request.query.expectHead }),
  );
  api.get(
    '/households/:householdId/export',
    {
      config: { access: access.household('export') },
      schema: {
        tags: ['Households'],
        summary: 'Export the whole household as one JSON document (format as-written/1)',
        params: HouseholdParams,
      },
    },
    async (request, reply) => {
      const doc = await exportHousehold(deps.store, request.params.householdId, deps.clock.now());
      return reply
        .header('content-disposition', `attachment; filename="as-written-${request.params.householdId}.json"`)
        .type('application/json')
        .send(JSON.stringify(doc, null, 2));
    },
  );
  api.post(
    '/import',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['Households'],
        summary: 'Import a household export into this (empty of that household) database',
        response: {
          201: ImportResult,
          400: ErrorResponse,
          409: ErrorResponse,
        },
      },
      bodyLimit: 100 * 1_048_576,
    },
    async (request, reply) => {
      const user = requireUser(request);
      return reply
        .status(201)
        .send(await importHousehold(deps.store, request.body, { ownerUserId: user.id, ...envFor(deps) }));
    },
  );
}
