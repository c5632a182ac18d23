import { smtpMailer } from '../../src/server/auth/mailer.ts';
import { fixedClock } from '../../src/server/context.ts';
import { startServer } from '../../src/server/serve.ts';
import { openStore } from '../../src/store/database.ts';

// One app process of the multi-process test (test/integration/processes.test.ts): the server that
// `as-written serve` starts (src/server/serve.ts), on PostgreSQL with the pg-boss job runner, with
// its schedules shortened to seconds, a frozen clock (the day a reminder is due), mail to the test's
// SMTP sink, and two job handlers of its own: one that always fails, one that takes a while. It prints
// one JSON line once it listens, and shuts down gracefully on SIGTERM (exit code 0).
//
// Run as: node --import tsx test/support/app-process.ts, with AW_PROCESS set to JSON:
// { databaseUrl, smtpPort, now, remindersEveryMs }.

const config = JSON.parse(process.env.AW_PROCESS ?? '{}') as {
  databaseUrl: string;
  smtpPort: number;
  now: string;
  remindersEveryMs: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const store = await openStore({ kind: 'postgres', url: config.databaseUrl });
const server = await startServer({
  store,
  clock: fixedClock(config.now),
  mailer: smtpMailer(`smtp://127.0.0.1:${config.smtpPort}`, 'As Written <no-reply@example.org>'),
  logger: { level: 'warn' },
  trustProxy: true,
  jobRunner: 'pg-boss',
  jobRetryDelayMs: 1000,
  jobPollingIntervalSeconds: 0.5,
  jobStopGraceMs: 10_000,
  metricsToken: 'metrics-token-for-tests',
  port: 0,
  host: '127.0.0.1',
  every: {
    remindersMs: config.remindersEveryMs,
    districtCalendarsMs: 3_600_000,
    iepDocumentSweepMs: 3_600_000,
  },
  firstAfterMs: 0,
  beforeStart: (app) => {
    app.deps.jobs.register({
      name: 'always-fails',
      maxAttempts: 3,
      run: async (job) => {
        throw new Error(`failed in process ${process.pid} (attempt ${job.attempt})`);
      },
    });
    app.deps.jobs.register({
      name: 'takes-a-while',
      run: async (job) => {
        await job.progress({ done: 0, total: 1, state: { pid: process.pid } });
        await sleep(1500);
        return { finishedBy: process.pid };
      },
    });
  },
});
process.stdout.write(`${JSON.stringify({ address: server.address, pid: process.pid })}\n`);
process.once('SIGTERM', () => {
  server.stop('SIGTERM').then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`shutdown failed: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
});
