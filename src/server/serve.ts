import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/database.ts';
import { type AppOptions, buildApp } from './app.ts';
import {
  READ_DISTRICT_CALENDARS_JOB,
  SCHEDULED_BACKUP_JOB,
  SEND_REMINDERS_JOB,
  SWEEP_IEP_DOCUMENTS_JOB,
  scheduledBackupJob,
} from './jobs/handlers.ts';

// A listening server (`as-written serve`): the app, the work it schedules for itself, and a graceful
// shutdown. Every scheduled task is a job (src/server/jobs/handlers.ts) queued once per period: on
// PostgreSQL with the pg-boss runner, once per period across every process on the database.

const HOUR_MS = 60 * 60 * 1000;

export type ServeOptions = Omit<AppOptions, 'store'> & {
  store: Store;
  port: number;
  host: string;
  /** The periods of the server's scheduled work (tests shorten them). */
  every?: { remindersMs?: number; districtCalendarsMs?: number; iepDocumentSweepMs?: number };
  /** How soon after start each scheduled job is first tried (tests shorten it). */
  firstAfterMs?: number;
  /** Scheduled backups (AS_WRITTEN_BACKUP_DIR and its settings), or none. */
  backup?: { dir: string; everyMs: number; keep: number; passphrase: string | null } | null;
  /** Called with the app once its handlers are registered, before its jobs start (tests add a handler). */
  beforeStart?: (app: FastifyInstance) => void;
};

export type RunningServer = {
  app: FastifyInstance;
  /** Where it listens, as http://host:port. */
  address: string;
  /**
   * Shut down: /api/ready answers 503, no new connection is taken, requests under way are answered,
   * the job in flight finishes (within the app's jobStopGraceMs, else it is interrupted at its next
   * step and queued again), then the database is closed. Calling it again returns the same promise.
   */
  stop(reason: string): Promise<void>;
};

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { store, port, host, every = {}, backup, beforeStart, firstAfterMs, ...appOptions } = options;
  const app = await buildApp({ store, ...appOptions });
  const jobs = app.deps.jobs;
  // Reminder emails, when SMTP is set up: each reminder goes once per parent (reminder_sent), and
  // once per hour in all the job is queued.
  if (app.deps.mailer.enabled)
    jobs.schedule(SEND_REMINDERS_JOB, {
      everyMs: every.remindersMs ?? HOUR_MS,
      firstAfterMs: firstAfterMs ?? 30_000,
    });
  // District calendars read by their address: each one whose last read is 20 hours old.
  jobs.schedule(READ_DISTRICT_CALENDARS_JOB, {
    everyMs: every.districtCalendarsMs ?? HOUR_MS,
    firstAfterMs: firstAfterMs ?? 45_000,
  });
  // IEP documents brought in and never saved as a plan are removed after 7 days.
  jobs.schedule(SWEEP_IEP_DOCUMENTS_JOB, {
    everyMs: every.iepDocumentSweepMs ?? HOUR_MS,
    firstAfterMs: firstAfterMs ?? 60_000,
  });
  if (backup) {
    jobs.register(
      scheduledBackupJob(store, app.deps.clock, {
        dir: backup.dir,
        keep: backup.keep,
        passphrase: backup.passphrase,
      }),
    );
    jobs.schedule(SCHEDULED_BACKUP_JOB, { everyMs: backup.everyMs, firstAfterMs: firstAfterMs ?? 60_000 });
  }
  beforeStart?.(app);
  // Jobs a stopped or crashed server left queued or running (a large email import) resume now; the
  // job queue is ready (on PostgreSQL, pg-boss's schema made or migrated) before the first request.
  await jobs.start();
  await app.listen({ port, host });
  const bound = app.server.address();
  const address =
    typeof bound === 'object' && bound
      ? `http://${host.includes(':') ? `[${host}]` : host}:${bound.port}`
      : '';

  let stopping: Promise<void> | null = null;
  const stop = (reason: string) => {
    stopping ??= (async () => {
      app.log.info({ reason }, 'shutting down: finishing the requests and the job under way');
      app.deps.lifecycle.draining = true;
      // Fastify stops taking connections, answers what is under way (a request arriving on a kept
      // connection meanwhile gets 503), then runs the onClose hooks: the job runner stops with its grace.
      await app.close();
      await store.close();
    })();
    return stopping;
  };
  return { app, address, stop };
}
