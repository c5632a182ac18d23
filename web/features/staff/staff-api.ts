import { ApiError, type FieldIssue, parseApiJson } from '../../api/client.ts';

// The staff link's own calls. The secret comes from the address after '#' and travels only in the
// Authorization header. No cookie is sent (credentials: 'omit'), so a parent who opens a staff link
// in a signed-in browser still acts as the link, not as themselves, and no CSRF token is involved.

export async function staffRequest<T>(
  token: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'omit',
      cache: 'no-store',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(
      0,
      'offline',
      'Could not reach the server. Check your connection and try again; nothing was lost.',
    );
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? parseApiJson(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; fields?: FieldIssue[] } } | null)
      ?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'error',
      error?.message ?? `The server answered ${response.status}`,
      error?.fields ?? [],
    );
  }
  return data as T;
}

/** The words the server uses for a revoked, expired or unknown link; shown as is. */
export const LINK_NOT_VALID = 'This link is not valid any more; ask the family for a new one.';

/** The day of an instant (ISO-8601 UTC), in the reader's time zone: "Sep 8, 2026". */
export function formatInstantDay(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}
