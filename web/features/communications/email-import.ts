// Import emails: the raw .eml or .mbox file is the request body (not JSON), like a file upload. Kept out
// of web/api/client.ts so the first screen does not carry it; the CSRF token comes from the session.
import { ApiError, type FieldIssue, get, readApiBody } from '../../api/client.ts';
import type { EmailImportResult, Job } from '../../api/types.ts';
import { translateNow as t } from '../../i18n/i18n.tsx';

export const EMAIL_ACCEPT = '.eml,.mbox,message/rfc822,application/mbox';

/** Files of a folder (or a multiple choice) that are email files, by name. */
export function emailFilesOf(files: readonly File[]): File[] {
  return files.filter((f) => /\.(eml|mbox|mbx)$/i.test(f.name) || f.type === 'message/rfc822');
}

/**
 * Files in the order their messages were written (the Date header of the first message), so an
 * original is imported before the reply that answers it and the reply joins its conversation. A file
 * without a readable date keeps its place after the dated ones.
 */
export async function inWrittenOrder(files: readonly File[]): Promise<File[]> {
  const dated = await Promise.all(
    files.map(async (file, index) => {
      const head = await file.slice(0, 65_536).text();
      const match = /^Date:[ \t]*(.+)$/im.exec(head);
      const time = match ? Date.parse(match[1]!.trim()) : Number.NaN;
      return { file, index, time: Number.isNaN(time) ? Number.POSITIVE_INFINITY : time };
    }),
  );
  return dated.sort((a, b) => a.time - b.time || a.index - b.index).map((d) => d.file);
}

/**
 * What importing one file did, however it ran: a small file is imported in the request (the server
 * answers with the messages), a large one as a background job (its result counts them).
 */
export type FileImport = {
  imported: number;
  duplicates: EmailImportResult['duplicates'];
  skippedAttachments: EmailImportResult['skippedAttachments'];
  /** Attachments kept, when the server listed them (a large import's job does not). */
  attachmentsKept: number | null;
};

/** How far a large import has got: messages written of the file's total (null until it is read). */
export type ImportProgress = { done: number; total: number | null };

/** How often a large import's job is asked how far it got. */
const POLL_MS = 1000;

/** Follow a large import's job until it ends: its result, or its error as an ApiError. */
async function followJob(
  householdId: string,
  file: File,
  started: Job,
  onProgress: (progress: ImportProgress) => void,
): Promise<FileImport> {
  let job = started;
  onProgress(job.progress);
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = await get<Job>(`/households/${householdId}/jobs/${job.id}`);
    onProgress(job.progress);
  }
  if (job.status === 'failed' || !job.result) {
    throw new ApiError(400, 'job_failed', job.error ?? t('messages.import.jobFailed', { name: file.name }));
  }
  return { ...job.result, attachmentsKept: null };
}

export async function importEmailFile(
  householdId: string,
  childId: string,
  file: File,
  csrfToken: string | null,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<FileImport> {
  const query = new URLSearchParams({ childId, filename: file.name });
  const headers: Record<string, string> = {
    'content-type': 'application/octet-stream',
    accept: 'application/json',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/households/${householdId}/communications/import?${query}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, 'offline', t('messages.import.offline', { name: file.name }));
  }
  const data = await readApiBody(response);
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; fields?: FieldIssue[] } } | null)
      ?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'error',
      response.status === 413
        ? t('messages.import.tooLarge', { name: file.name })
        : (error?.message ??
            t('messages.import.serverError', { name: file.name, status: String(response.status) })),
      error?.fields ?? [],
    );
  }
  // A large file: the server imports it in the background and answers with its job at once.
  if (response.status === 202) return followJob(householdId, file, data as Job, onProgress);
  const result = data as EmailImportResult;
  return {
    imported: result.imported.length,
    duplicates: result.duplicates,
    skippedAttachments: result.skippedAttachments,
    attachmentsKept: result.attachments.length,
  };
}
