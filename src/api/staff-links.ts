import { z } from 'zod';
import { ClockTimeSchema, IdSchema, IsoDateSchema, OptionalText } from '../domain/common.ts';
import { MissReason, SessionStatus } from '../domain/session-entry.ts';
import { Creator } from './members.ts';

// Staff confirmation links: the link as the family sees it, and what its holder sees and may send.

export const DEFAULT_STAFF_LINK_DAYS = 120;

export const StaffLinkInput = z
  .object({
    serviceId: IdSchema.nullable().default(null),
    childId: IdSchema.nullable().default(null),
    label: OptionalText(200),
    expiresInDays: z.number().int().min(1).max(366).default(DEFAULT_STAFF_LINK_DAYS),
  })
  .superRefine((v, ctx) => {
    if ((v.serviceId == null) === (v.childId == null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['serviceId'],
        message: 'give either serviceId (one service) or childId (all of a child’s services)',
      });
    }
  });

export const StaffLink = z.object({
  id: IdSchema,
  label: z.string().nullable(),
  scope: z.object({ kind: z.enum(['service', 'child']), childId: IdSchema, serviceId: IdSchema.optional() }),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  active: z.boolean(),
  /** Who holds the link: the member who made it, or the owner it was handed to. */
  createdBy: Creator,
});

export const StaffView = z.object({
  childFirstName: z.string(),
  label: z.string().nullable(),
  expiresAt: z.string(),
  /**
   * The child's school calendars (school days and days off, no names), so the form asks "Are you
   * sure? ..." before a date with no school is sent, by the same rule as the server
   * (src/domain/school-days.ts). Days off with their labels; nothing about the child.
   */
  calendars: z.array(
    z.object({
      id: IdSchema,
      firstDay: IsoDateSchema,
      lastDay: IsoDateSchema,
      schoolWeekdays: z.array(z.number()),
      cycleLength: z.number().nullable(),
      events: z.array(
        z.object({
          kind: z.enum(['holiday', 'break', 'closure', 'early_dismissal']),
          startDate: IsoDateSchema,
          endDate: IsoDateSchema.nullable(),
          label: z.string().nullable(),
        }),
      ),
    }),
  ),
  services: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      providerRole: z.string().nullable(),
      amount: z.string(),
      /** Extended-school-year blocks: a session on one of their weekdays needs no confirmation. */
      esyBlocks: z.array(z.object({ startDate: IsoDateSchema, endDate: IsoDateSchema })),
      weeks: z.array(
        z.object({
          start: z.string(),
          end: z.string(),
          expectedSessions: z.number().nullable(),
          loggedSessions: z.number(),
          /** What this link confirmed, as it stands now (its own corrections applied). */
          confirmedByThisLink: z.array(
            z.object({
              id: IdSchema,
              date: z.string(),
              status: SessionStatus,
              minutesDelivered: z.number(),
              reason: MissReason.nullable(),
              startTime: z.string().nullable(),
              /** The family corrected or voided it since: the link can no longer change it. */
              changedByFamily: z.boolean(),
            }),
          ),
        }),
      ),
    }),
  ),
});

export const StaffSessionInput = z.object({
  serviceId: IdSchema,
  date: IsoDateSchema,
  status: SessionStatus,
  minutesDelivered: z
    .number()
    .int()
    .min(0, { message: 'must not be below zero' })
    .max(1440)
    .nullable()
    .default(null),
  reason: MissReason.nullable().default(null),
  reasonText: OptionalText(2000),
  note: OptionalText(2000),
  /** When the session began: places a pull-out session against the child's class timetable. */
  startTime: ClockTimeSchema.nullable().default(null),
  /** The provider confirms a date on which the school calendar shows no school (src/domain/school-days.ts). */
  nonSchoolDayConfirmed: z.boolean().default(false),
});

export const EntryParams = z.object({ id: IdSchema });

/** A new staff link and its link (shown once: only the token's hash is kept). */
export const StaffLinkCreated = StaffLink.extend({ link: z.string() });
