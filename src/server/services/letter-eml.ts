import type { LetterRecord } from '../../api/letters.ts';
import { MAX_REPORT_DAYS } from '../../api/reports.ts';
import { addDays } from '../../domain/dates.ts';
import { reportFilename } from '../../reports/implementation-report.ts';
import { renderReportPdf } from '../../reports/implementation-report-pdf.ts';
import type { Store } from '../../store/database.ts';
import { latestPlanStartedBy } from '../../store/plans.repository.ts';
import { apiError } from '../errors.ts';
import { implementationReport } from './implementation-report.ts';
import { letterToEml, type MailAttachment, type MailSender } from './letter-mail.ts';
import { getLetter, refuseUnfilled } from './letters.ts';
import { sessionLogCsv } from './session-log-csv.ts';

// A letter as an .eml file for the parent's mail program, with the session log or the implementation
// report attached when the letter carries one. Apart from the letters service (letters.ts), which the
// paper trail's check reads, so that drafting letters never depends on the report.

/** The letter as an .eml draft for the parent's mail program, with its attachment when it has one. */
export async function letterAsEml(
  store: Store,
  householdId: string,
  id: string,
  from: MailSender,
  instant: string,
  options: { today: string; mayExport: boolean; preparer: { name: string; email: string | null } },
): Promise<{ filename: string; eml: Buffer }> {
  const letter = await getLetter(store, householdId, id);
  refuseUnfilled(letter);
  const attachments: MailAttachment[] = [];
  if (letter.attachment !== 'none') {
    // The attachment is the child's whole session log or report: the same permission as exporting it.
    if (!options.mayExport) {
      throw apiError('forbidden', 'letter.attachmentRole');
    }
    attachments.push(await letterAttachment(store, householdId, letter, options.today, options.preparer));
  }
  const eml = await letterToEml(letter, from, instant, attachments);
  const slug =
    letter.subject
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'letter';
  return { filename: `${slug}.eml`, eml };
}

/**
 * The file the letter's .eml carries: the child's session log (CSV), or the implementation report (PDF)
 * from the start of the plan in force (at most two school years back) to today.
 */
async function letterAttachment(
  store: Store,
  householdId: string,
  letter: LetterRecord,
  today: string,
  preparer: { name: string; email: string | null },
): Promise<MailAttachment> {
  if (letter.attachment === 'sessions_csv') {
    // In the letter's language: the school reads the file with the letter.
    const csv = await sessionLogCsv(store.db, householdId, letter.childId, letter.language);
    return {
      filename: 'session-log.csv',
      contentType: 'text/csv; charset=utf-8',
      content: Buffer.from(csv, 'utf8'),
    };
  }
  const plan = await latestPlanStartedBy(store.db, householdId, letter.childId, today);
  const earliest = addDays(today, -MAX_REPORT_DAYS);
  const from = plan && plan.effective_from > earliest ? plan.effective_from : earliest;
  const report = await implementationReport(
    store,
    householdId,
    letter.childId,
    { from, to: today, asOf: today },
    preparer,
    // In the letter's language: the school reads the report with the letter.
    letter.language,
  );
  return {
    filename: reportFilename(report),
    contentType: 'application/pdf',
    content: await renderReportPdf(report),
  };
}
