// School dates are plain `YYYY-MM-DD` text (see docs/ARCHITECTURE.md). These helpers read the
// device's own calendar day and show dates in words, without ever shifting them by a time zone.

const pad = (n: number) => String(n).padStart(2, '0');

/** Today on this device, as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcDate(iso: string): Date | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** `YYYY-MM-DD` shifted by whole days. */
export function addDaysIso(iso: string, days: number): string {
  const d = toUtcDate(iso);
  if (!d) return iso;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "Tue, Sep 22" (short) or "Tuesday, September 22, 2026" (long). */
export function formatDay(iso: string, style: 'short' | 'long' | 'medium' = 'short'): string {
  const d = toUtcDate(iso);
  if (!d) return iso;
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }
      : style === 'medium'
        ? { weekday: 'long', month: 'long', day: 'numeric' }
        : { weekday: 'short', month: 'short', day: 'numeric' };
  return d.toLocaleDateString(undefined, { ...options, timeZone: 'UTC' });
}

/** "Mon, Nov 23 – Sun, Nov 29", or one day when both are the same. */
export function formatRange(start: string, end: string | null | undefined): string {
  if (!end || end === start) return formatDay(start);
  return `${formatDay(start)} – ${formatDay(end)}`;
}

/** Replaces every `YYYY-MM-DD` in a server message with the date in words. */
export function humanizeDates(text: string): string {
  return text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDay(iso));
}

/** "2:05 PM" or "14:05", as the reader's device writes times; the stored time is "HH:MM". */
export function formatClockTime(hhmm: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  const at = new Date(Date.UTC(2000, 0, 3, Number(m[1]), Number(m[2])));
  return at.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
}
