import type { FastifyInstance } from 'fastify';
import { DateQuery, errors, RecordParams } from '../../api/common.ts';
import {
  ChildLedgerResponse,
  LedgerQuery,
  MissedSessionReasons,
  ParsedServiceLineResponse,
  PatternsQuery,
  PatternsResponse,
  ServiceLedgerResponse,
  ServiceLineInput,
  WeekSummary,
} from '../../api/ledger.ts';
import { sayWords } from '../../domain/i18n/words.ts';
import { parseServiceLine } from '../../domain/service-frequency-parser.ts';
import {
  DEFAULT_REASON_POLICY,
  MISS_REASON_LABELS,
  MISS_REASONS,
  REASON_GUIDANCE,
} from '../../domain/session-entry.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { readerLanguage, translatorFor } from '../i18n.ts';
import { computeLedgers, serviceLedger } from '../services/ledgers.ts';
import { childPatterns } from '../services/patterns.ts';
import { weekSummary } from '../services/week-summary.ts';
import { typed } from './shared.ts';

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
        // The ledger's notes in the reader's language; its figures are the same in every language.
        readerLanguage(request),
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
          200: ChildLedgerResponse,
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
        {
          language: readerLanguage(request),
        },
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
        querystring: DateQuery,
        response: { 200: WeekSummary, ...errors },
      },
    },
    async (request) =>
      weekSummary(
        deps.store.db,
        request.params.householdId,
        request.params.id,
        request.query.date ?? deps.clock.today(),
        readerLanguage(request),
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
    async (request) => {
      const { householdId, id: childId } = request.params;
      const today = deps.clock.today();
      return childPatterns(
        deps.store.db,
        householdId,
        childId,
        request.query,
        today,
        readerLanguage(request),
      );
    },
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
          200: MissedSessionReasons,
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
        body: ServiceLineInput,
        response: {
          200: ParsedServiceLineResponse,
          400: errors[400],
        },
      },
    },
    async (request) => {
      const parsed = parseServiceLine(request.body.text);
      // The notes in the reader's language; an English reader gets them exactly as the parser wrote them.
      const language = readerLanguage(request);
      if (language === 'en') return parsed;
      const translator = translatorFor(language);
      return { ...parsed, unread: parsed.unreadWords.map((words) => sayWords(words, translator)) };
    },
  );
}
