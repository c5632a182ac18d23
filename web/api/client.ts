// The one way the web app talks to the server: JSON over fetch, same origin, with the session
// cookie and the CSRF token on writes. Errors come back as ApiError with the server's field issues,
// so forms can show each message next to its field.
import { withoutBidiControls } from '../../src/domain/bidi.ts';
import { datesInWords } from '../components/dates.ts';
import { currentLanguage, translateNow } from '../i18n/i18n.tsx';
import type { Attachment } from './types.ts';

export type FieldIssue = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldIssue[];

  /** The server writes dates as YYYY-MM-DD; every message shown to the reader has them in words. */
  constructor(status: number, code: string, message: string, fields: FieldIssue[] = []) {
    super(datesInWords(message));
    this.status = status;
    this.code = code;
    this.fields = fields.map((f) => ({ path: f.path, message: datesInWords(f.message) }));
  }

  /** The message for one field (by its path, e.g. "segments.0.startDate"), if the server named it. */
  fieldError(path: string): string | undefined {
    return this.fields.find((f) => f.path === path)?.message;
  }
}

/**
 * A response body as the pages may show it. Direction controls in stored text (a name holding
 * U+202E) would turn the sentence a page puts it in around, so every string the server sends loses
 * them here, on the one way in (src/domain/bidi.ts).
 */
export function parseApiJson(text: string): unknown {
  return JSON.parse(text, (_key, value) => (typeof value === 'string' ? withoutBidiControls(value) : value));
}

/** A response's body as `parseApiJson` reads it; a body that is not JSON (a proxy's error page) reads as none. */
export async function readApiBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? parseApiJson(text) : null;
  } catch {
    return null;
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  return (await send<T>(method, path, body)).data;
}

/** One request: the body as the pages may show it, and the response's headers. */
async function send<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<{ data: T; headers: Headers }> {
  // The server words its refusals in the language on screen, which may not be the browser's.
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLanguage(),
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await reach(`/api${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status === 204) return { data: undefined as T, headers: response.headers };
  const text = await response.text();
  const data = text ? parseApiJson(text) : null;
  if (!response.ok) throw errorFrom(response.status, data);
  return { data: data as T, headers: response.headers };
}

/** One page of a list endpoint, and the cursor of the next (null on the last page). */
export type ListPage<T> = { rows: T[]; nextCursor: string | null };

/** A path with one more query parameter (the list endpoints' `cursor`, `limit`). */
export function withParam(path: string, key: string, value: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`;
}

/** One page of a list (the server's `limit`/`cursor`; the next page's cursor is in X-Next-Cursor). */
export async function getPage<T>(path: string, cursor?: string | null): Promise<ListPage<T>> {
  const { data, headers } = await send<T[]>('GET', cursor ? withParam(path, 'cursor', cursor) : path);
  return { rows: data, nextCursor: headers.get('x-next-cursor') };
}

/**
 * The whole of a list, page after page, for a screen that needs every row (the ledger's entries, the
 * files a record names). Lists are paged on the server (500 rows unless `limit` says otherwise).
 */
export async function getAll<T>(path: string): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const page: ListPage<T> = await getPage<T>(path, cursor);
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/** The server's answer, or an ApiError saying it could not be reached (nothing was sent). */
export async function reach(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    throw new ApiError(0, 'offline', translateNow('common.offline'));
  }
}

/** The server's error body (`{ error: { code, message, fields } }`) as an ApiError. */
export function errorFrom(status: number, data: unknown): ApiError {
  const error = (data as { error?: { code?: string; message?: string; fields?: FieldIssue[] } } | null)
    ?.error;
  return new ApiError(
    status,
    error?.code ?? 'error',
    error?.message ?? translateNow('common.serverAnswered', { status }),
    error?.fields ?? [],
  );
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = (path: string) => api<void>('DELETE', path);

export type UploadResult = { attachment: Attachment; alreadyStored: boolean };

/**
 * Upload one file: the request body is the file itself (not JSON), with its name in the query. The
 * server decides the type from the bytes; a refused file comes back as an ApiError whose message
 * says why in plain words (too large, not an accepted type, named like something it is not, empty).
 * `onProgress` receives the share sent so far, from 0 to 1.
 */
export function uploadFile(
  householdId: string,
  file: File,
  onProgress?: (sent: number) => void,
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/households/${householdId}/attachments?filename=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? parseApiJson(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as UploadResult);
      else reject(errorFrom(xhr.status, data));
    };
    xhr.onerror = () =>
      reject(
        new ApiError(
          0,
          'offline',
          `“${file.name}” did not finish uploading. Check your connection and try again; a very large file may also be refused.`,
        ),
      );
    xhr.send(file);
  });
}
