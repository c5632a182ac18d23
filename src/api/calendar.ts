import { z } from 'zod';
import { IdSchema } from '../domain/common.ts';
import { Creator } from './members.ts';

// The secret calendar addresses (iCalendar feeds of reminders): one per member and child.

export const CalendarFeedInput = z.object({
  /** One child, or null for every child of the household. */
  childId: IdSchema.nullable().default(null),
});

export const CalendarFeed = z.object({
  id: IdSchema,
  childId: IdSchema.nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  active: z.boolean(),
  /** The member whose feed it is. */
  createdBy: Creator,
});

/** A new feed, and its secret address (shown once: only its hash is kept). */
export const CalendarFeedCreated = z.object({ feed: CalendarFeed, url: z.string() });

/** The secret in a feed's address (calendar apps fetch plain URLs, so it is in the path). */
export const CalendarFeedParams = z.object({ token: z.string().max(200) });
