import { MISS_REASONS, type MissReason } from '../../../src/domain/record-kinds.ts';
import type { SessionStatus } from '../../../src/domain/session-entry.ts';
import { ApiError, errorFrom, reach, readApiBody } from '../../api/client.ts';
import { localeFor } from '../../components/dates.ts';
import { applyApiError } from '../../components/form-errors.tsx';
import { type MessageKey, type T, useLanguage, useT } from '../../i18n/i18n.tsx';

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

/** The staff page's words, in the reader's language (the browser's, as nobody is signed in). */
export type StaffWords = {
  t: T;
  /** The locale to write dates in (`formatDay(iso, style, locale)`). */
  locale: string | undefined;
};

/** Loads the "staff" part of the catalog (the page waits for it). */
export function useStaffWords(): StaffWords {
  const t = useT('staff');
  const { language } = useLanguage();
  return { t, locale: localeFor(language) };
}

/** What the server says for a revoked, expired or unknown link, in the reader's language. */
export const linkNotValid = (t: T) => t('staff.linkNotValid');

/**
 * A staff form's refused save, said above the form: the link no longer valid, or the server's message
 * (its field messages go beside the fields, `fields` mapping its names to the form's).
 */
export function staffSaveError(
  t: T,
  form: Parameters<typeof applyApiError>[0],
  error: unknown,
  fields?: Record<string, string>,
) {
  return error instanceof ApiError && error.status === 401
    ? linkNotValid(t)
    : applyApiError(form, error, fields);
}

/** The ways a session can have gone, in the order the staff forms offer them. */
export const STATUSES: readonly SessionStatus[] = ['delivered', 'short', 'missed'];

/** What happened in a session, in the words of the staff forms. */
export const statusLabel = (t: T, status: SessionStatus) => t('staff.status', { status });

/** The reasons a staff form offers, after "Select…". */
export const reasonOptions = (t: T) => [
  { value: '', label: t('staff.select') },
  ...MISS_REASONS.map((r) => ({ value: r, label: t(`common.reason.${r}` as MessageKey) })),
];

/** "Shorter than planned, 20 minutes (Testing)". */
export function describeEntry(
  t: T,
  e: {
    status: SessionStatus;
    minutesDelivered: number;
    reason: MissReason | null;
  },
) {
  return t('staff.entry', {
    label: statusLabel(t, e.status),
    missed: e.status === 'missed' ? 'yes' : 'no',
    minutes: e.minutesDelivered,
    hasReason: e.reason ? 'yes' : 'no',
    reason: e.reason ? t(`common.reason.${e.reason}` as MessageKey) : '',
  });
}
