import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../../domain/common.ts';
import { parseServiceLine } from '../../domain/service-frequency-parser.ts';
import {
  DEFAULT_REASON_POLICY,
  MISS_REASON_LABELS,
  MISS_REASONS,
  REASON_GUIDANCE,
} from '../../domain/session-entry.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { computeLedgers, LedgerQuery, serviceLedger } from '../services/ledgers.ts';
import { childPatterns, PatternsQuery, PatternsResponse } from '../services/patterns.ts';
import { WeekSummary, weekSummary } from '../services/week-summary.ts';
import { errors, RecordParams, typed } from './shared.ts';

const Ids = z.array(z.string());
const FigureIds = z.object({
  delivered: Ids,
  short: Ids,
  missed: Ids,
  extra: Ids,
  owed: Ids,
  excused: Ids,
  pending: Ids,
  makeup: Ids,
  makeupApplied: Ids,
});
const Figures = z.object({
  requiredSessions: z.number().nullable(),
  requiredMinutes: z.number(),
  scheduledSessions: z.number(),
  deliveredMinutes: z.number(),
  extraMinutes: z.number(),
  owedMinutes: z.number(),
  excusedMinutes: z.number(),
  pendingMinutes: z.number(),
  unloggedSessions: z.number().nullable(),
  unloggedMinutes: z.number(),
  makeupMinutes: z.number(),
  makeupAppliedMinutes: z.number(),
  owedBalanceMinutes: z.number(),
  percentDelivered: z.number().nullable(),
  entryIds: FigureIds,
});
const Period = Figures.extend({
  unit: z.enum(['day', 'week', 'month', 'year', 'cycle', 'esy']),
  start: z.string(),
  end: z.string(),
  label: z.string(),
  instructionalDays: z.number(),
  activeDays: z.number(),
  closures: z.array(z.string()),
});
export const ServiceLedgerResponse = z
  .object({
    service: z.object({ id: IdSchema, name: z.string(), planId: IdSchema, childId: IdSchema }),
    serviceId: IdSchema,
    asOf: z.string(),
    window: z.object({ from: z.string(), to: z.string() }),
    totals: Figures,
    periods: z.array(Period),
    unappliedMakeupMinutes: z.number(),
    notes: z.array(z.string()),
    /**
     * Sessions that more than one entry speaks of (a staff link and the parent, the same source twice):
     * each counted once, by `countedEntryId` (docs/ledger-rules.md, "Session occurrences"), with every
     * source's statement and whether they disagree.
     */
    sharedSessions: z.array(
      z.object({
        date: z.string(),
        startTime: z.string().nullable(),
        countedEntryId: IdSchema,
        disagreement: z.boolean(),
        statements: z.array(
          z.object({
            entryId: IdSchema,
            source: z.string(),
            status: z.string(),
            minutesDelivered: z.number(),
          }),
        ),
        supersededEntryIds: z.array(IdSchema),
      }),
    ),
  })
  .meta({ id: 'ServiceLedger' });

const ParsedAmount = z.object({
  minutesPerSession: z.number().nullable(),
  sessionsPerPeriod: z.number().nullable(),
  minutesPerPeriod: z.number().nullable(),
  period: z.object({ unit: z.string(), cycleDays: z.number().nullable() }),
  pattern: z.object({ activeWeeks: z.number(), everyWeeks: z.number() }).nullable(),
  label: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});

export function registerLedgerRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  api.get(
    '/households/:householdId/services/:id/ledger',
    {
      config: { access: access.household('session.read') },
      schema: {
        tags: ['Ledger'],
        summary:
          'Minutes required, delivered, owed, excused, pending and unlogged for one service, with the entries behind each',
        params: RecordParams,
        querystring: LedgerQuery,
        response: { 200: ServiceLedgerResponse, ...errors },
      },
    },
    async (request) =>
      serviceLedger(
        deps.store,
        request.params.householdId,
        request.params.id,
        request.query,
        deps.clock.today(),
      ),
  );
  api.get(
    '/households/:householdId/children/:id/ledger',
    {
      config: { access: access.household('session.read') },
      schema: {
        tags: ['Ledger'],
        summary: "The ledger of every service in a child's plans",
        params: RecordParams,
        querystring: LedgerQuery,
        response: {
          200: z.object({ childId: IdSchema, services: z.array(ServiceLedgerResponse) }),
          ...errors,
        },
      },
    },
    async (request) => ({
      childId: request.params.id,
      services: await computeLedgers(
        deps.store.db,
        request.params.householdId,
        { childId: request.params.id },
        request.query,
        deps.clock.today(),
      ),
    }),
  );
  api.get(
    '/households/:householdId/children/:id/week',
    {
      config: { access: access.household('session.read') },
      schema: {
        tags: ['Ledger'],
        summary:
          "This week at a glance: each service's sessions promised, delivered, missed and not yet confirmed, make-up minutes owed, and what needs attention",
        params: RecordParams,
        querystring: z.object({ date: IsoDateSchema.optional() }),
        response: { 200: WeekSummary, ...errors },
      },
    },
    async (request) =>
      weekSummary(
        deps.store.db,
        request.params.householdId,
        request.params.id,
        request.query.date ?? deps.clock.today(),
      ),
  );
  api.get(
    '/households/:householdId/children/:id/patterns',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Observations'],
        summary:
          "Patterns in what was recorded about a child: accommodations' rate of provided, lapses on substitute days, in one class or with one staff member, behavior-plan steps skipped, rewards unused, goal flags, and sources that disagree",
        params: RecordParams,
        querystring: PatternsQuery,
        response: { 200: PatternsResponse, ...errors },
      },
    },
    async (request) =>
      childPatterns(
        deps.store.db,
        request.params.householdId,
        request.params.id,
        request.query,
        deps.clock.today(),
      ),
  );
  api.get(
    '/reference/missed-sessions',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['Ledger'],
        summary:
          'Who owes the minutes of a missed session, by reason: the default policy and the guidance behind it',
        response: {
          200: z.array(
            z.object({
              reason: z.string(),
              label: z.string(),
              defaultResponsibility: z.enum(['owed', 'excused', 'pending']),
              guidance: z.string(),
              source: z.string(),
              /** The kind of statement: law, guidance, or practice (As Written's choice). */
              kind: z.enum(['law', 'guidance', 'practice']),
            }),
          ),
          401: errors[401],
        },
      },
    },
    async () =>
      MISS_REASONS.map((reason) => ({
        reason,
        label: MISS_REASON_LABELS[reason],
        defaultResponsibility: DEFAULT_REASON_POLICY[reason],
        ...REASON_GUIDANCE[reason],
      })),
  );
  api.post(
    '/service-lines/parse',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['Plan content'],
        summary:
          'Read a service line as an IEP writes it ("30 minutes 2 times per week, pull-out") into fields',
        body: z.object({ text: z.string().trim().min(1, { message: 'must not be empty' }).max(2000) }),
        response: {
          200: z.object({
            text: z.string(),
            name: z.string().nullable(),
            area: z.string().nullable(),
            setting: z.string().nullable(),
            delivery: z.string().nullable(),
            groupSizeLimit: z.number().nullable(),
            providerRole: z.string().nullable(),
            location: z.string().nullable(),
            amounts: z.array(ParsedAmount),
            esy: z.boolean(),
            unread: z.array(z.string()),
            complete: z.boolean(),
          }),
          400: errors[400],
        },
      },
    },
    async (request) => parseServiceLine(request.body.text),
  );
}
