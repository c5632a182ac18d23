import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { formatBytes } from '../domain/attachment-types.ts';
import { findInputProblem } from '../domain/common.ts';
import { issueParams } from '../domain/i18n/field-errors.ts';
import type { Store } from '../store/database.ts';
import { access, type RouteAccess, registerAccessControl } from './auth/access.ts';
import { type Mailer, noMailer } from './auth/mailer.ts';
import {
  ACCOUNT_LIMIT,
  ADDRESS_LIMIT,
  type AttemptLimiter,
  createAttemptLimiter,
  createSlowLane,
  PAIR_LIMIT,
  RESET_ACCOUNT_LIMIT,
  RESET_LIMIT,
  type SlowLane,
} from './auth/rate-limit.ts';
import { type Clock, systemClock } from './context.ts';
import { AppError, type ErrorCode, HTTP_STATUS, validationError } from './errors.ts';
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from './fetch/guarded-fetch.ts';
import { localizeError, requestLanguage } from './i18n.ts';
import { registerJobHandlers } from './jobs/handlers.ts';
import { createInProcessJobs } from './jobs/in-process.ts';
import type { JobQueue } from './jobs/jobs.ts';
import { createPgBossJobs } from './jobs/pg-boss.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { registerAttachmentRoutes } from './routes/attachments.routes.ts';
import { registerAuthRoutes } from './routes/auth.routes.ts';
import { registerCalendarRoutes } from './routes/calendar.routes.ts';
import { registerCalendarImportRoutes } from './routes/calendar-import.routes.ts';
import { registerCaseloadRoutes } from './routes/caseload.routes.ts';
import { registerCheckInRoutes } from './routes/check-ins.routes.ts';
import { registerCommunicationRoutes } from './routes/communications.routes.ts';
import { registerCsvRoutes } from './routes/csv.routes.ts';
import { registerDistrictCalendarRoutes } from './routes/district-calendars.routes.ts';
import { registerHealthRoutes } from './routes/health.routes.ts';
import { registerHouseholdRoutes } from './routes/households.routes.ts';
import { registerIepDocumentRoutes } from './routes/iep-documents.routes.ts';
import { registerJobRoutes } from './routes/jobs.routes.ts';
import { registerLedgerRoutes } from './routes/ledger.routes.ts';
import { registerLetterRoutes } from './routes/letters.routes.ts';
import { registerLivingIepRoutes } from './routes/living-iep.routes.ts';
import { registerMemberRoutes } from './routes/members.routes.ts';
import { registerMetricsRoutes } from './routes/metrics.routes.ts';
import { registerPlanRoutes } from './routes/plans.routes.ts';
import { registerRecordRoutes } from './routes/records.routes.ts';
import { registerReportRoutes } from './routes/reports.routes.ts';
import { registerServiceLogRoutes } from './routes/service-logs.routes.ts';
import { registerSessionRoutes } from './routes/sessions.routes.ts';
import { registerStaffRoutes } from './routes/staff.routes.ts';
import { DEFAULT_UPLOAD_LIMIT_BYTES } from './services/attachments.ts';
import { DEFAULT_EMAIL_IMPORT_LIMITS, type EmailImportLimits } from './services/email-import.ts';
import { DEFAULT_IEP_READ_LIMITS, type IepReadLimits } from './services/iep-reading.ts';
import { registerWebApp, WEB_DIST } from './web.ts';

/**
 * Sent with every response. The Content-Security-Policy allows only this origin's scripts and
 * connections, no framing, no plugins; inline styles are allowed for the component library's
 * style attributes.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
};

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export type AppOptions = {
  store: Store;
  clock?: Clock;
  mailer?: Mailer;
  /** The address people use to reach the app, for links in emails (PUBLIC_URL). */
  publicUrl?: string;
  /** The built web app to serve (default dist/web). */
  webDir?: string;
  /** Trust X-Forwarded-* from a reverse proxy (TRUST_PROXY). */
  trustProxy?: boolean | string;
  /** pino options, or false for silence (tests). */
  logger?: boolean | object;
  bodyLimitBytes?: number;
  /** The largest file accepted as an attachment (AS_WRITTEN_UPLOAD_LIMIT_MB; default 25 MB). */
  uploadLimitBytes?: number;
  /** Email imports: the most messages one takes (AS_WRITTEN_IMPORT_MAX_MESSAGES), and when one runs as a job. */
  emailImport?: Partial<EmailImportLimits>;
  /** The first retry delay of a failed job (default 5 s; tests shorten it). */
  jobRetryDelayMs?: number;
  /**
   * Who runs background jobs: this process alone (`in-process`, the default: SQLite, or one process
   * on PostgreSQL), or pg-boss on PostgreSQL, shared by every app process on the database
   * (`as-written serve` chooses it for PostgreSQL; src/server/jobs/pg-boss.ts).
   */
  jobRunner?: 'in-process' | 'pg-boss';
  /** pg-boss: how often an idle worker asks for a job, in seconds (default 2; tests shorten it). */
  jobPollingIntervalSeconds?: number;
  /** How long closing the app lets the job in flight finish before interrupting it (default 0). */
  jobStopGraceMs?: number;
  /** The bearer token GET /metrics asks for (AS_WRITTEN_METRICS_TOKEN); unset, /metrics answers 404. */
  metricsToken?: string | null;
  /** What addresses the server reads for a parent (district calendars): public ones only by default. */
  fetchPolicy?: Partial<FetchPolicy>;
  /** The largest IEP document accepted (AS_WRITTEN_IEP_UPLOAD_LIMIT_MB; default 60 MB: a scan is large). */
  iepUploadLimitBytes?: number;
  /** The child process that reads an IEP document: its time and heap limits. */
  iepRead?: Partial<IepReadLimits>;
};

export type AppDeps = {
  store: Store;
  clock: Clock;
  mailer: Mailer;
  publicUrl: string | null;
  /** Sign-in and reset limits (src/server/auth/rate-limit.ts). */
  limits: {
    pair: AttemptLimiter;
    account: AttemptLimiter;
    address: AttemptLimiter;
    slow: SlowLane;
    reset: AttemptLimiter;
    resetAccount: AttemptLimiter;
  };
  uploadLimitBytes: number;
  emailImport: EmailImportLimits;
  /** The guard on addresses the server reads for a parent (src/server/fetch/guarded-fetch.ts). */
  fetchPolicy: FetchPolicy;
  iepUploadLimitBytes: number;
  iepRead: IepReadLimits;
  /** Background work (src/server/jobs/): in-process, or pg-boss on PostgreSQL; handlers registered below. */
  jobs: JobQueue;
  /** Prometheus metrics, when a metrics token is set (src/server/metrics.ts). */
  metrics: Metrics | null;
  metricsToken: string | null;
  /** Set when the server begins to shut down: GET /api/ready answers 503 from then on. */
  lifecycle: { draining: boolean };
  /** Every route and who may call it, filled as routes register (the authorization matrix test reads it). */
  routes: RouteAccess[];
  /**
   * Work done after the response is sent (a reset email, so that how long the answer takes says
   * nothing about the address). A failure is logged; closing the app waits for what is under way.
   */
  afterResponse(task: () => Promise<void>): void;
  /** Resolves once every task given to `afterResponse` has finished. */
  idle(): Promise<void>;
};

/** A scanned IEP is often larger than the 25 MB a single attachment may be. */
export const DEFAULT_IEP_UPLOAD_LIMIT_BYTES = 60 * 1024 * 1024;

export const API_VERSION = '0.1.0';

/** Paths that carry a secret (a calendar feed's token) with the secret replaced, for logs. */
export function maskSecretsInUrl(url: string): string {
  return url.replace(/(\/api\/calendar\/)[^/?#]+/, '$1[secret]');
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: process.env.LOG_LEVEL ?? 'info',
            // Request logs carry method, route and status only; bodies (names, notes) are never logged.
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
            // A calendar feed's secret is in its URL (calendar apps cannot send headers): never log it.
            serializers: {
              req: (req: { method: string; url: string; id?: string }) => ({
                id: req.id,
                method: req.method,
                url: maskSecretsInUrl(req.url),
              }),
            },
            ...(typeof options.logger === 'object' ? options.logger : {}),
          },
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'As Written API',
        version: API_VERSION,
        description:
          "Track whether a child's IEP or 504 plan is carried out as written: the plan as data, the school calendar, session entries and the service ledger.",
      },
    },
    transform: jsonSchemaTransform,
    // The contract's named schemas (`.meta({ id })`: ErrorResponse, Attachment, CheckIn, Letter,
    // ServiceLedger) are referenced by $ref; this lists them under components.schemas, where the refs
    // point.
    transformObject: jsonSchemaTransformObject,
  });

  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    // Worded for the reader: the signed-in person's language, else their browser's (issue 17).
    const language = requestLanguage(
      request.auth?.session?.user.language,
      request.headers['accept-language'],
    );
    if (error instanceof AppError) {
      return reply.status(HTTP_STATUS[error.code]).send({
        error: {
          code: error.code,
          ...localizeError(
            {
              message: error.message,
              ...(error.fields ? { fields: error.fields } : {}),
              ...(error.words ? { words: error.words } : {}),
              validation: error.code === 'validation_failed',
            },
            language,
          ),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as FastifyError).validationContext;
      const fields = error.validation.map((v) => {
        const params = issueParams(v.params as Record<string, unknown>);
        return {
          path: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || `(${where ?? 'body'})`,
          message: v.message ?? 'is not valid',
          ...(v.keyword !== 'custom' ? { code: v.keyword } : {}),
          ...(params && v.keyword !== 'custom' ? { params } : {}),
        };
      });
      const first = fields[0]!;
      const message = `Invalid ${where === 'querystring' ? 'query' : (where ?? 'input')}: ${first.path} ${first.message}${fields.length > 1 ? ` (and ${fields.length - 1} more)` : ''}`;
      return reply.status(400).send({
        error: {
          code: 'validation_failed' satisfies ErrorCode,
          ...localizeError({ message, fields, validation: true }, language),
        },
      });
    }
    const fe = error as FastifyError;
    const isUpload = request.routeOptions.config?.upload === true;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // Each upload route sets its own limit (a mailbox may be larger than a file, a calendar smaller).
      const limit = request.routeOptions.bodyLimit ?? deps.uploadLimitBytes;
      const message = isUpload
        ? `The file is over the ${formatBytes(limit)} limit; nothing was saved`
        : 'The request body is too large';
      return reply.status(413).send({
        error: {
          code: 'payload_too_large',
          message,
          ...(isUpload ? { fields: [{ path: 'file', message }] } : {}),
        },
      });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({
        error: {
          code: 'unsupported_media_type',
          message: isUpload
            ? 'Send the file itself as the request body, with Content-Type application/octet-stream'
            : 'Send the request body as application/json',
        },
      });
    }
    if (
      fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      fe instanceof SyntaxError
    ) {
      return reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: 'The request body is not valid JSON',
          fields: [{ path: '(body)', message: 'is not valid JSON' }],
        },
      });
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({ error: { code: 'validation_failed', message: fe.message } });
    }
    request.log.error(
      { err: { message: error.message, code: fe.code, stack: error.stack } },
      'unhandled error',
    );
    return reply.status(500).send({
      error: { code: 'internal', message: 'Something went wrong on the server; nothing was saved' },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    });
  });

  const clock = options.clock ?? systemClock;
  const metricsToken = options.metricsToken?.trim() || null;
  const metrics = metricsToken ? createMetrics(options.store) : null;
  const jobOptions = {
    store: options.store,
    clock,
    retryDelayMs: options.jobRetryDelayMs,
    log: app.log,
    ...(metrics ? { observe: metrics.observeJob } : {}),
  };
  const deps: AppDeps = {
    store: options.store,
    clock,
    mailer: options.mailer ?? noMailer,
    publicUrl: options.publicUrl ?? null,
    uploadLimitBytes: options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES,
    emailImport: { ...DEFAULT_EMAIL_IMPORT_LIMITS, ...options.emailImport },
    fetchPolicy: { ...DEFAULT_FETCH_POLICY, ...options.fetchPolicy },
    iepUploadLimitBytes: options.iepUploadLimitBytes ?? DEFAULT_IEP_UPLOAD_LIMIT_BYTES,
    iepRead: { ...DEFAULT_IEP_READ_LIMITS, ...options.iepRead },
    jobs:
      options.jobRunner === 'pg-boss'
        ? createPgBossJobs({
            ...jobOptions,
            ...(options.jobPollingIntervalSeconds
              ? { pollingIntervalSeconds: options.jobPollingIntervalSeconds }
              : {}),
          })
        : createInProcessJobs(jobOptions),
    metrics,
    metricsToken,
    lifecycle: { draining: false },
    limits: {
      // In the database (rate_limit), shared by every process on it.
      pair: createAttemptLimiter(options.store.db, 'pair', PAIR_LIMIT, clock),
      account: createAttemptLimiter(options.store.db, 'account', ACCOUNT_LIMIT, clock),
      address: createAttemptLimiter(options.store.db, 'address', ADDRESS_LIMIT, clock),
      slow: createSlowLane((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      reset: createAttemptLimiter(options.store.db, 'reset', RESET_LIMIT, clock),
      resetAccount: createAttemptLimiter(options.store.db, 'reset_account', RESET_ACCOUNT_LIMIT, clock),
    },
    routes: [],
    afterResponse: (task) => {
      const running = new Promise<void>((resolve) => setImmediate(resolve))
        .then(task)
        .catch((error: unknown) =>
          app.log.error({ err: { message: (error as Error)?.message } }, 'work after a response failed'),
        )
        .finally(() => pending.delete(running));
      pending.add(running);
    },
    idle: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
  const pending = new Set<Promise<void>>();
  app.decorate('deps', deps);
  registerJobHandlers(deps.jobs, deps);
  app.addHook('onClose', async () => {
    // Requests under way have been answered by now (Fastify closes the server first); the job in
    // flight gets its grace, then is interrupted at its next step and queued again.
    await deps.jobs.stop({ graceMs: options.jobStopGraceMs ?? 0 });
    await deps.idle();
  });
  if (metrics) {
    app.addHook('onResponse', async (request, reply) => {
      metrics.observeRequest({
        method: request.method,
        // The route's pattern, never the path a request named (ids, secrets).
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        seconds: reply.elapsedTime / 1000,
      });
    });
  }
  registerAccessControl(app, deps);
  // Every JSON body and query, before any route reads it: a NUL character (PostgreSQL cannot store
  // one, SQLite can: refused on both alike) or nesting deep enough to overflow a recursive walk is a
  // 400 naming the field, whatever the route's own schema says (src/domain/common.ts).
  app.addHook('preValidation', async (request) => {
    const body = Buffer.isBuffer(request.body) ? null : findInputProblem(request.body);
    const query = body ? null : findInputProblem(request.query);
    const params = body || query ? null : findInputProblem(request.params);
    const problem =
      body ??
      (query ? { ...query, path: `query.${query.path}` } : null) ??
      (params ? { ...params, path: `params.${params.path}` } : null);
    if (problem) throw validationError([problem]);
  });
  app.addHook('onSend', async (_request, reply) => {
    // A route may set a stricter header of its own (files are served with a sandboxing CSP).
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      if (!reply.hasHeader(name)) reply.header(name, value);
  });

  await app.register(
    async (api) => {
      registerAuthRoutes(api, deps);
      registerMemberRoutes(api, deps);
      registerStaffRoutes(api, deps);
      registerHealthRoutes(api, deps);
      registerHouseholdRoutes(api, deps);
      registerRecordRoutes(api, deps);
      registerPlanRoutes(api, deps);
      registerSessionRoutes(api, deps);
      registerLedgerRoutes(api, deps);
      registerAttachmentRoutes(api, deps);
      registerCheckInRoutes(api, deps);
      registerCommunicationRoutes(api, deps);
      registerJobRoutes(api, deps);
      registerLetterRoutes(api, deps);
      registerCalendarRoutes(api, deps);
      registerCalendarImportRoutes(api, deps);
      registerDistrictCalendarRoutes(api, deps);
      registerIepDocumentRoutes(api, deps);
      registerServiceLogRoutes(api, deps);
      registerReportRoutes(api, deps);
      registerCsvRoutes(api, deps);
      registerLivingIepRoutes(api, deps);
      registerCaseloadRoutes(api, deps);
    },
    { prefix: '/api' },
  );

  registerMetricsRoutes(app, deps);
  await registerWebApp(app, options.webDir ?? WEB_DIST);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: access.public } }, async () =>
    app.swagger(),
  );

  return app;
}
