import type { ReminderWords } from '../../domain/advisor/reminders.ts';
import { sayWords } from '../../domain/i18n/words.ts';
import { accountsWithRoles, allHouseholds } from '../../store/accounts.repository.ts';
import { listChildren } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import { claimReminders, releaseReminders } from '../../store/reminders.repository.ts';
import type { Mailer, OutgoingMail } from '../auth/mailer.ts';
import type { Clock } from '../context.ts';
import { AppError } from '../errors.ts';
import { translatorFor } from '../i18n.ts';
import { adviceForChild } from './advice.ts';

// Reminder emails, when SMTP is configured: each parent (owner or co-parent) of a household gets
// one email on a day that has reminders (the weekly check-in, a mid-term check-in, a reply due or
// overdue, the annual review or re-evaluation approaching). Each reminder is sent once per person,
// however often this runs (the server runs it every hour; `as-written remind` runs it once).

const PARENT_ROLES = ['owner', 'co_parent'];

export type ReminderRun = { emails: number; reminders: number };

export async function sendDueReminders(
  store: Store,
  mailer: Mailer,
  clock: Clock,
  publicUrl: string | null,
): Promise<ReminderRun> {
  if (!mailer.enabled) return { emails: 0, reminders: 0 };
  const today = clock.today();
  const households = await allHouseholds(store.db);
  let emails = 0;
  let count = 0;
  for (const household of households) {
    const children = await listChildren(store.db, household.id);
    const due: { key: string; line: string; child: string; words: ReminderWords }[] = [];
    for (const child of children) {
      let advice: Awaited<ReturnType<typeof adviceForChild>>;
      try {
        advice = await adviceForChild(store, household.id, child.id, today, { name: 'Parent', email: null });
      } catch (error) {
        if (error instanceof AppError) continue;
        throw error;
      }
      for (const r of advice.reminders.filter((x) => x.date === today)) {
        due.push({
          key: `${child.id}:${r.id}`,
          line: `${child.first_name}: ${r.title}\n  ${r.detail}`,
          child: child.first_name,
          words: r.words,
        });
      }
    }
    if (due.length === 0) continue;
    const parents = await accountsWithRoles(store.db, household.id, PARENT_ROLES);
    for (const parent of parents) {
      // Claimed before the email goes, in one statement: a run that overlaps this one (the next hour's,
      // or the other app process's) finds them taken and does not send them again. An email that cannot
      // be sent gives its reminders back for the next attempt.
      const claimed = await claimReminders(
        store.db,
        household.id,
        parent.id,
        due.map((d) => d.key),
        clock.now(),
      );
      const fresh = due.filter((d) => claimed.has(d.key));
      if (fresh.length === 0) continue;
      try {
        await mailer.send(
          reminderMail(
            parent,
            fresh,
            household.name,
            publicUrl ? `${publicUrl.replace(/\/$/, '')}/advisor` : null,
          ),
        );
      } catch (error) {
        await releaseReminders(
          store.db,
          household.id,
          parent.id,
          fresh.map((f) => f.key),
        );
        throw error;
      }
      emails++;
      count += fresh.length;
    }
  }
  return { emails, reminders: count };
}

/**
 * One parent's email of the day's reminders, in their language (issue 17): English exactly as it has
 * always read; another language from the reminders' catalog words.
 */
function reminderMail(
  parent: { email: string; display_name: string; language?: string | null },
  fresh: readonly { line: string; child: string; words: ReminderWords }[],
  householdName: string,
  link: string | null,
): OutgoingMail {
  const translator = translatorFor(parent.language);
  if (translator.language === 'en') {
    const open = link ? `\n\nOpen As Written: ${link}` : '';
    return {
      to: parent.email,
      subject:
        fresh.length === 1
          ? `Reminder: ${fresh[0]!.line.split('\n')[0]}`
          : `${fresh.length} reminders for today`,
      text: `Hello ${parent.display_name},\n\n${fresh.map((f) => f.line).join('\n\n')}${open}\n\n(You get these because reminders are on for ${householdName}.)\n`,
    };
  }
  const { t } = translator;
  const lines = fresh.map((f) => ({
    title: `${f.child}: ${sayWords(f.words.title, translator)}`,
    detail: sayWords(f.words.detail, translator),
  }));
  const body = [
    t('mail.reminder.hello', { name: parent.display_name }),
    ...lines.map((l) => `${l.title}\n  ${l.detail}`),
    ...(link ? [t('mail.reminder.open', { link })] : []),
    t('mail.reminder.why', { household: householdName }),
  ];
  return {
    to: parent.email,
    subject:
      fresh.length === 1
        ? t('mail.reminder.subjectOne', { title: lines[0]!.title })
        : t('mail.reminder.subjectMany', { count: fresh.length }),
    text: `${body.join('\n\n')}\n`,
  };
}
