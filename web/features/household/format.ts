/** The day of an instant (ISO-8601 UTC), in the reader's time zone: "Sep 8, 2026". */
export function formatDay(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}
