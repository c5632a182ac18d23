import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { DistrictCalendar } from '../../../src/api/district-calendars.ts';
import { get } from '../../api/client.ts';

// For the home screen, loaded on demand: what the district calendars the family reads by address did
// lately: the days they added by themselves in the last week (a snow day the district announced), and
// how many changes wait for the parent. The home screen says it in its own words (`children`); nothing
// shows while loading, on an error, or when there is nothing to say. Same query key as the School
// calendar page's list. Kept free of UI imports so the first screen's bundle does not grow.

type Feed = z.infer<typeof DistrictCalendar>;
export type DistrictNews = {
  added: { summary: string; startDate: string; endDate: string }[];
  waiting: number;
};

/** Days added by itself within the last 7 days before `today`, and the changes waiting. */
export function newsOf(feeds: readonly Feed[], today: string): DistrictNews {
  const since = new Date(`${today}T00:00:00Z`);
  since.setUTCDate(since.getUTCDate() - 7);
  const from = since.toISOString().slice(0, 10);
  return {
    added: feeds.flatMap((f) =>
      f.recent
        .filter((d) => d.addedAt.slice(0, 10) >= from)
        .map((d) => ({ summary: d.summary, startDate: d.startDate, endDate: d.endDate })),
    ),
    waiting: feeds.reduce((n, f) => n + f.pending.length, 0),
  };
}

export default function DistrictCalendarNews({
  householdId,
  childId,
  today,
  children,
}: {
  householdId: string;
  childId: string;
  today: string;
  children(news: DistrictNews): ReactNode;
}) {
  const feeds = useQuery({
    queryKey: ['district-calendars', householdId, childId],
    queryFn: () => get<Feed[]>(`/households/${householdId}/children/${childId}/district-calendars`),
  });
  if (!feeds.data) return null;
  const news = newsOf(feeds.data, today);
  return news.added.length > 0 || news.waiting > 0 ? children(news) : null;
}
