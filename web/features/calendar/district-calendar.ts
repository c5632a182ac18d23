// Reading a district calendar file through the server (a draft: nothing is saved), and saving the
// days the parent chose from it, together.
import type { z } from 'zod';
import type { CalendarImportDraft } from '../../../src/api/calendar-import.ts';
import type { CalendarDayKind } from '../../../src/domain/school-calendar-model.ts';
import { ApiError, errorFrom, post, reach, readApiBody } from '../../api/client.ts';
import type { CalendarEvent } from '../../api/types.ts';
import { translateNow } from '../../i18n/i18n.tsx';

export type DistrictDraft = z.infer<typeof CalendarImportDraft>;
export type DistrictEvent = DistrictDraft['events'][number];

/** The parent's choice for one event of the draft. */
export type Choice = { include: boolean; kind: CalendarDayKind | null };

export async function readDistrictCalendar(
  householdId: string,
  childId: string,
  file: File,
  csrfToken: string | null,
): Promise<DistrictDraft> {
  const query = new URLSearchParams({ filename: file.name });
  const headers: Record<string, string> = {
    'content-type': 'application/octet-stream',
    accept: 'application/json',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await reach(
    `/api/households/${householdId}/children/${childId}/school-calendar/ics?${query}`,
    { method: 'POST', headers, credentials: 'same-origin', body: file },
  );
  const data = await readApiBody(response);
  if (response.status === 413)
    throw new ApiError(
      413,
      'payload_too_large',
      translateNow('calendar.import.tooLarge', { name: file.name }),
    );
  if (!response.ok) throw errorFrom(response.status, data);
  return data as DistrictDraft;
}

/** Save the chosen days (all or none). */
export function addDistrictDays(
  householdId: string,
  childId: string,
  events: readonly DistrictEvent[],
  choices: ReadonlyMap<string, Choice>,
): Promise<CalendarEvent[]> {
  const chosen = chosenEvents(events, choices).map(({ event, kind }) => ({
    calendarId: event.calendarId,
    kind,
    startDate: event.startDate,
    endDate: event.endDate === event.startDate ? null : event.endDate,
    label: event.summary.slice(0, 200) || null,
  }));
  return post<CalendarEvent[]>(
    `/households/${householdId}/children/${childId}/school-calendar/events/batch`,
    {
      events: chosen,
    },
  );
}

/** The events the parent chose to add, each with the kind chosen. */
export function chosenEvents(
  events: readonly DistrictEvent[],
  choices: ReadonlyMap<string, Choice>,
): { event: DistrictEvent & { calendarId: string }; kind: CalendarDayKind }[] {
  const chosen: { event: DistrictEvent & { calendarId: string }; kind: CalendarDayKind }[] = [];
  for (const event of events) {
    const choice = choices.get(event.key);
    if (choice?.include && choice.kind && event.calendarId)
      chosen.push({ event: { ...event, calendarId: event.calendarId }, kind: choice.kind });
  }
  return chosen;
}

export function initialChoices(events: readonly DistrictEvent[]): Map<string, Choice> {
  return new Map(events.map((e) => [e.key, { include: e.include, kind: e.kind }]));
}
