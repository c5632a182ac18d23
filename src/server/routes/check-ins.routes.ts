import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CheckInQuestionsResponse, CheckInRecord } from '../../api/check-ins.ts';
import { ChildPageQuery, DateQuery, errors, HouseholdParams, RecordParams } from '../../api/common.ts';
import { CheckInInput } from '../../domain/check-in.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { readerLanguage } from '../i18n.ts';
import { getCheckIn, listCheckIns, questionsForWeek, recordCheckIn } from '../services/check-ins.ts';
import { sendPage } from './pagination.ts';
import { contextFor, typed } from './shared.ts';

export function registerCheckInRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);

  api.get(
    '/households/:householdId/children/:id/check-in-questions',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Check-ins'],
        summary:
          "This week's questions to ask the child, written from their plan, services, behavior plan and class timetable",
        params: RecordParams,
        querystring: DateQuery,
        response: { 200: CheckInQuestionsResponse, ...errors },
      },
    },
    async (request) =>
      questionsForWeek(
        deps.store.db,
        request.params.householdId,
        request.params.id,
        request.query.date ?? deps.clock.today(),
        readerLanguage(request),
      ),
  );

  api.post(
    '/households/:householdId/check-ins',
    {
      config: { access: access.household('plan.write') },
      schema: {
        tags: ['Check-ins'],
        summary:
          "Record a check-in's answers; each becomes an observation, a session entry or a behavior incident marked as the child's report",
        params: HouseholdParams,
        body: CheckInInput,
        response: { 201: CheckInRecord, ...errors },
      },
    },
    async (request, reply) => {
      const saved = await recordCheckIn(
        deps.store,
        contextFor(deps, request),
        request.body,
        readerLanguage(request),
      );
      return reply.status(201).send(saved);
    },
  );

  api.get(
    '/households/:householdId/check-ins',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Check-ins'],
        summary: 'Past check-ins, newest first, a page at a time',
        params: HouseholdParams,
        querystring: ChildPageQuery,
        response: { 200: z.array(CheckInRecord), ...errors },
      },
    },
    async (request, reply) => {
      const { childId, ...page } = request.query;
      return sendPage(
        request,
        reply,
        await listCheckIns(deps.store, request.params.householdId, childId, page),
      );
    },
  );

  api.get(
    '/households/:householdId/check-ins/:id',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Check-ins'],
        summary: 'One check-in with its answers and the records they became',
        params: RecordParams,
        response: { 200: CheckInRecord, ...errors },
      },
    },
    async (request) => getCheckIn(deps.store, request.params.householdId, request.params.id),
  );
}
