// The school's service log through the server (issue 19): a file read into a preview (nothing saved),
// saved with the mapping the parent confirmed, then its reconciliation, accepting rows and marking
// differences. The file is sent as itself (application/octet-stream), the choices in the query.
import type { z } from 'zod';
import type {
  ServiceLogAcceptResult,
  ServiceLogListItem,
  ServiceLogMapping,
  ServiceLogPreview,
  ServiceLogView,
} from '../../../src/api/service-logs.ts';
import { ApiError, errorFrom, get, post, reach, readApiBody } from '../../api/client.ts';
import { translateNow } from '../../i18n/i18n.tsx';

export type Preview = ServiceLogPreview;
export type View = ServiceLogView;
export type Mapping = z.input<typeof ServiceLogMapping>;
export type LogListItem = z.infer<typeof ServiceLogListItem>;
export type ReconciliationItem = View['reconciliation']['items'][number];

export type FileChoices = { serviceId: string; studentId?: string; mapping?: Mapping | null };

async function sendFile<T>(
  url: string,
  file: File,
  choices: FileChoices,
  csrfToken: string | null,
): Promise<T> {
  const query = new URLSearchParams({ filename: file.name, serviceId: choices.serviceId });
  if (choices.studentId?.trim()) query.set('studentId', choices.studentId.trim());
  if (choices.mapping) query.set('mapping', JSON.stringify(choices.mapping));
  const headers: Record<string, string> = {
    'content-type': 'application/octet-stream',
    accept: 'application/json',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await reach(`${url}?${query}`, {
    method: 'POST',
    headers,
    credentials: 'same-origin',
    body: file,
  });
  const data = await readApiBody(response);
  if (response.status === 413)
    throw new ApiError(413, 'payload_too_large', translateNow('servicelog.tooLarge', { name: file.name }));
  if (!response.ok) throw errorFrom(response.status, data);
  return data as T;
}

/** Read a file into a preview: the columns, the first rows, the reconciliation. Nothing is saved. */
export function previewServiceLog(
  householdId: string,
  childId: string,
  file: File,
  choices: FileChoices,
  csrfToken: string | null,
): Promise<Preview> {
  return sendFile(
    `/api/households/${householdId}/children/${childId}/service-logs/preview`,
    file,
    choices,
    csrfToken,
  );
}

/** Save the log with the mapping confirmed: this child's rows, the file's SHA-256. */
export function saveServiceLog(
  householdId: string,
  childId: string,
  file: File,
  choices: FileChoices,
  csrfToken: string | null,
): Promise<View> {
  return sendFile(
    `/api/households/${householdId}/children/${childId}/service-logs`,
    file,
    choices,
    csrfToken,
  );
}

export const listServiceLogs = (householdId: string, childId: string) =>
  get<LogListItem[]>(`/households/${householdId}/children/${childId}/service-logs`);

export const getServiceLog = (householdId: string, id: string) =>
  get<View>(`/households/${householdId}/service-logs/${id}`);

export const acceptRows = (householdId: string, id: string, lines: number[], nonSchoolDayConfirmed = false) =>
  post<z.infer<typeof ServiceLogAcceptResult>>(`/households/${householdId}/service-logs/${id}/accept`, {
    lines,
    nonSchoolDayConfirmed,
  });

export const markItem = (
  householdId: string,
  id: string,
  itemKey: string,
  mark: 'open' | 'asked_about' | 'kept_mine',
) => post<View>(`/households/${householdId}/service-logs/${id}/marks`, { itemKey, mark });
