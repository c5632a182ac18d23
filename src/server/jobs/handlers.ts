import type { Store } from '../../store/database.ts';
import { writeRotatedBackup } from '../../store/scheduled-backup.ts';
import type { Mailer } from '../auth/mailer.ts';
import type { Clock } from '../context.ts';
import type { FetchPolicy } from '../fetch/guarded-fetch.ts';
import { refreshDueDistrictCalendars } from '../services/district-calendars.ts';
import { type EmailImportLimits, emailImportJob } from '../services/email-import.ts';
import { readIepDocumentJob, sweepExpiredIepDocuments } from '../services/iep-documents.ts';
import type { IepReadLimits } from '../services/iep-reading.ts';
import { sendDueReminders } from '../services/reminder-mail.ts';
import type { JobHandler, JobQueue } from './jobs.ts';

// Every job the server runs, one handler per name, registered when the app is built.

export const SEND_REMINDERS_JOB = 'send-reminders';

/**
 * Today's reminder emails (the server queues this every hour when SMTP is set up; `as-written remind`
 * runs the same function once). Each reminder goes once per parent however often it runs
 * (`reminder_sent`), so a retried attempt sends only what the failed one had not.
 */
export function sendRemindersJob(
  store: Store,
  mailer: Mailer,
  clock: Clock,
  publicUrl: string | null,
): JobHandler<Record<string, never>> {
  return {
    name: SEND_REMINDERS_JOB,
    maxAttempts: 3,
    run: async () => sendDueReminders(store, mailer, clock, publicUrl),
  };
}

export const READ_DISTRICT_CALENDARS_JOB = 'read-district-calendars';

/**
 * The daily read of every district calendar a family subscribed to (the server queues it every hour;
 * each subscription is read when its last read is 20 hours old). A failed read is recorded on its
 * subscription, not retried here: tomorrow's read tries again.
 */
export function readDistrictCalendarsJob(
  store: Store,
  clock: Clock,
  policy: FetchPolicy,
): JobHandler<Record<string, never>> {
  return {
    name: READ_DISTRICT_CALENDARS_JOB,
    maxAttempts: 2,
    run: async (ctx) =>
      refreshDueDistrictCalendars(store, clock, policy, (done, total) => ctx.progress({ done, total })),
  };
}

export const SWEEP_IEP_DOCUMENTS_JOB = 'sweep-iep-documents';

/**
 * IEP documents brought in and never saved as a plan are removed after 7 days (the server queues
 * this every hour). Deleting what expired is the same however often it runs.
 */
export function sweepIepDocumentsJob(store: Store, clock: Clock): JobHandler<Record<string, never>> {
  return {
    name: SWEEP_IEP_DOCUMENTS_JOB,
    maxAttempts: 2,
    run: async () => ({ removed: await sweepExpiredIepDocuments(store, clock) }),
  };
}

export const SCHEDULED_BACKUP_JOB = 'scheduled-backup';

/**
 * A backup file written to a folder of this server's, the oldest beyond `keep` removed
 * (AS_WRITTEN_BACKUP_DIR; registered only by a process that has the folder). Once per period across
 * processes, like any scheduled job: it lands in the folder of the process that ran it.
 */
export function scheduledBackupJob(
  store: Store,
  clock: Clock,
  backup: { dir: string; keep: number; passphrase: string | null },
): JobHandler<Record<string, never>> {
  return {
    name: SCHEDULED_BACKUP_JOB,
    maxAttempts: 2,
    run: async () => {
      const written = await writeRotatedBackup(store, { ...backup, now: clock.now() });
      return { file: written.file, removed: written.removed.length };
    },
  };
}

export function registerJobHandlers(
  jobs: JobQueue,
  deps: {
    store: Store;
    clock: Clock;
    mailer: Mailer;
    publicUrl: string | null;
    emailImport: EmailImportLimits;
    fetchPolicy: FetchPolicy;
    iepRead: IepReadLimits;
  },
) {
  jobs.register(emailImportJob(deps.store, deps.clock, deps.emailImport));
  jobs.register(sendRemindersJob(deps.store, deps.mailer, deps.clock, deps.publicUrl));
  jobs.register(readDistrictCalendarsJob(deps.store, deps.clock, deps.fetchPolicy));
  jobs.register(readIepDocumentJob(deps.store, deps.clock, deps.iepRead));
  jobs.register(sweepIepDocumentsJob(deps.store, deps.clock));
}
