import { z } from 'zod';
import {
  AddedDistrictDay,
  FeedAddressSchema,
  PendingDistrictChange,
} from '../domain/calendar-subscription.ts';
import { IdSchema } from '../domain/common.ts';
import { CalendarDayKind } from '../domain/school-calendar-model.ts';
import { MessageWordsSchema } from './common.ts';

// A district calendar read from its address every day (src/domain/calendar-subscription.ts): the
// subscription, the changes waiting for the parent, and the days it added on its own.

export const DISTRICT_CALENDAR_STATUSES = ['never', 'ok', 'failed'] as const;

export const DistrictCalendar = z.object({
  id: IdSchema,
  householdId: IdSchema,
  childId: IdSchema,
  /** The address as typed (webcal:// is read as https://). */
  address: z.string(),
  /** The calendar's own name, from its last read. */
  name: z.string().nullable(),
  lastStatus: z.enum(DISTRICT_CALENDAR_STATUSES),
  /** Why the last read failed, in words for the parent. */
  lastError: z.string().nullable(),
  lastReadAt: z.string().nullable(),
  /**
   * Changes waiting for the parent: confirm or dismiss each. Each `reason` is in English; `words` says
   * the same in the catalog part `calendar`, for the page to say in the reader's language.
   */
  pending: z.array(PendingDistrictChange.extend({ words: MessageWordsSchema.optional() })),
  /** Days it added on its own, newest last (at most RECENT_MAX). */
  recent: z.array(AddedDistrictDay),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DistrictCalendar = z.infer<typeof DistrictCalendar>;

export const DistrictCalendarInput = z
  .object({
    address: FeedAddressSchema.describe(
      'The calendar’s address (https:// or webcal://), as the district publishes it',
    ),
  })
  .strict();

export const DistrictChangeDecision = z
  .object({
    /** The waiting change's id (its event's identity in the feed). */
    changeId: z.string().min(1).max(1200),
    action: z.enum(['apply', 'dismiss']),
    /** The kind of day to add, when the parent chose another than proposed. */
    kind: CalendarDayKind.optional(),
  })
  .strict();
