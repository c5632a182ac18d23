import type { Store } from '../../store/database.ts';
import type { Mailer } from '../auth/mailer.ts';
import type { Clock } from '../context.ts';
import { type EmailImportLimits, emailImportJob } from '../services/email-import.ts';
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

export function registerJobHandlers(
  jobs: JobQueue,
  deps: {
    store: Store;
    clock: Clock;
    mailer: Mailer;
    publicUrl: string | null;
    emailImport: EmailImportLimits;
  },
) {
  jobs.register(emailImportJob(deps.store, deps.clock, deps.emailImport));
  jobs.register(sendRemindersJob(deps.store, deps.mailer, deps.clock, deps.publicUrl));
}
