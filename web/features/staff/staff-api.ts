import { MISS_REASON_LABELS, MISS_REASONS, type MissReason } from '../../../src/domain/record-kinds.ts';
import type { SessionStatus } from '../../../src/domain/session-entry.ts';
import { errorFrom, reach, readApiBody } from '../../api/client.ts';

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
  const response = await reach(`/api${path}`, {
    method,
    headers,
    credentials: 'omit',
    cache: 'no-store',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  // A body that is not JSON (a proxy's error page) reads as none: the status still says what happened.
  const data = await readApiBody(response);
  if (!response.ok) throw errorFrom(response.status, data);
  return data as T;
}

/** The words the server uses for a revoked, expired or unknown link; shown as is. */
export const LINK_NOT_VALID = 'This link is not valid any more; ask the family for a new one.';

/** What happened in a session, in the words of the staff forms. */
export const STATUS_LABELS: Readonly<Record<SessionStatus, string>> = {
  delivered: 'Delivered',
  short: 'Shorter than planned',
  missed: 'Did not happen',
};

/** The reasons a staff form offers, after "Select…". */
export const REASON_OPTIONS = [
  { value: '', label: 'Select…' },
  ...MISS_REASONS.map((r) => ({ value: r, label: MISS_REASON_LABELS[r] })),
];

/** "Shorter than planned, 20 minutes (Testing)". */
export function describeEntry(e: {
  status: SessionStatus;
  minutesDelivered: number;
  reason: MissReason | null;
}) {
  const minutes = e.status === 'missed' ? '' : `, ${e.minutesDelivered} minutes`;
  const reason = e.reason ? ` (${MISS_REASON_LABELS[e.reason]})` : '';
  return `${STATUS_LABELS[e.status]}${minutes}${reason}`;
}
