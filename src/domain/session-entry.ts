import { z } from 'zod';
import { ClockTimeSchema, IdSchema, IsoDateSchema, OptionalText, SessionLengthMinutes } from './common.ts';
import { pin } from './legal-sources.ts';
import { MISS_REASONS } from './record-kinds.ts';

export { MISS_REASON_LABELS, MISS_REASONS } from './record-kinds.ts';

export const SESSION_STATUSES = ['delivered', 'short', 'missed'] as const;
export const SessionStatus = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatus>;

/**
 * What a stored entry may hold: a session's status, or `void`, which only a correction can carry
 * ("logged by mistake": the entry it corrects counts nowhere; see src/domain/corrections.ts).
 */
export const STORED_SESSION_STATUSES = [...SESSION_STATUSES, 'void'] as const;
export const StoredSessionStatus = z.enum(STORED_SESSION_STATUSES);
export type StoredSessionStatus = z.infer<typeof StoredSessionStatus>;

/** Why a session was missed or cut short (src/domain/record-kinds.ts). */
export const MissReason = z.enum(MISS_REASONS);
export type MissReason = z.infer<typeof MissReason>;

/** Who is responsible for the minutes a missed or short session did not deliver. */
export const RESPONSIBILITIES = ['owed', 'excused', 'pending'] as const;
export const Responsibility = z.enum(RESPONSIBILITIES);
export type Responsibility = z.infer<typeof Responsibility>;

export const ENTRY_SOURCES = ['school_log', 'provider', 'provider_link', 'parent', 'child_report'] as const;
export const EntrySource = z.enum(ENTRY_SOURCES);
export type EntrySource = z.infer<typeof EntrySource>;

/**
 * The sources a parent may give when logging or correcting a session. A staff link's entries are
 * `provider_link` and the school's own log arrives as `school_log` (by import or the demo): the
 * server sets those, so a report's "Provider (staff link)" or "School log" is never a parent's claim.
 */
export const PARENT_ENTRY_SOURCES = ['parent', 'provider', 'child_report'] as const;
export const ParentEntrySource = z.enum(PARENT_ENTRY_SOURCES, {
  message:
    'must be parent, provider or child_report (entries from a staff link or the school log are marked by the app itself)',
});

export const ReasonPolicy = z.record(MissReason, Responsibility);
export type ReasonPolicy = Record<MissReason, Responsibility>;

/**
 * The default reason policy (docs/ledger-rules.md, docs/legal-sources.md). Sessions the school cancels
 * (provider absent, assembly, testing, field trip, scheduling) are counted as owed: a product choice
 * that follows what many advocates do, since no rule fixes make-ups (OSEP, Letter to Clarke (2007):
 * case by case). A child's absence when the service was offered generally need not be made up
 * (guidance: Letter to Balkman, 1995). "School closed" is owed by default because a weekly or monthly
 * obligation survives a closure (the provider is expected to reschedule); the parent may switch it
 * to excused, following the March 2020 Department of Education Q&A for closures with no education.
 */
export const DEFAULT_REASON_POLICY: ReasonPolicy = {
  provider_absent: 'owed',
  school_event: 'owed',
  testing: 'owed',
  field_trip: 'owed',
  scheduling_conflict: 'owed',
  school_closed: 'owed',
  student_absent: 'excused',
  student_refused: 'excused',
  other: 'pending',
  unknown: 'pending',
};

export const ENTRY_KINDS = ['scheduled', 'makeup'] as const;
export const EntryKind = z.enum(ENTRY_KINDS);
export type EntryKind = z.infer<typeof EntryKind>;

/**
 * What the API accepts for a session entry. A scheduled entry is a session that the plan required
 * (delivered, short or missed); a make-up is extra time given to cure owed minutes, either for a named
 * earlier miss (`makeupForEntryId`) or against the oldest owed minutes.
 */
/** Minutes given in a session: a whole number from 0 to a day's 1440. */
export const DeliveredMinutes = z
  .number()
  .int({ message: 'must be a whole number of minutes' })
  .min(0, { message: 'must not be below zero' })
  .max(1440);

export const SessionEntryFields = z.object({
  serviceId: IdSchema,
  date: IsoDateSchema,
  kind: EntryKind.default('scheduled'),
  status: SessionStatus.default('delivered'),
  /** Minutes actually given. Defaults to the session's planned minutes when delivered, 0 when missed. */
  minutesDelivered: DeliveredMinutes.nullable().default(null),
  /** Minutes the session was meant to last, when the service has no fixed session length. */
  minutesPlanned: SessionLengthMinutes.nullable().default(null),
  reason: MissReason.nullable().default(null),
  reasonText: OptionalText(2000),
  /** The parent's classification of this miss, overriding the plan's reason policy. */
  responsibility: Responsibility.nullable().default(null),
  makeupForEntryId: IdSchema.nullable().default(null),
  source: EntrySource.default('parent'),
  note: OptionalText(5000),
  /** A later entry that corrects an earlier one points at it; the earlier one stays in the trail. */
  correctsEntryId: IdSchema.nullable().default(null),
  /** When the session began, if known: places pull-out sessions against the class timetable. */
  startTime: ClockTimeSchema.nullable().default(null),
  /**
   * The person recording it confirms the date although the school calendar shows no school that day
   * (a weekend, holiday, break or closure); without it such a date is refused (src/domain/school-days.ts).
   */
  nonSchoolDayConfirmed: z.boolean().default(false),
});
/** What a parent's request may send (src/server/routes/sessions.routes.ts): its own sources only. */
export const ParentSessionEntryFields = SessionEntryFields.extend({
  source: ParentEntrySource.default('parent'),
});

export const SessionEntryInput = SessionEntryFields.superRefine((e, ctx) => {
  if (e.kind === 'scheduled' && e.status !== 'delivered' && e.reason == null) {
    ctx.addIssue({
      code: 'custom',
      path: ['reason'],
      message: `is required when a session is ${e.status}`,
      params: { rule: 'session.reasonRequired', status: e.status },
    });
  }
  if (
    e.kind === 'scheduled' &&
    e.status === 'short' &&
    (e.minutesDelivered == null || e.minutesDelivered === 0)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['minutesDelivered'],
      message: 'give the minutes that were delivered in a short session',
      params: { rule: 'session.shortMinutes' },
    });
  }
  if (
    e.kind === 'scheduled' &&
    e.status === 'missed' &&
    e.minutesDelivered != null &&
    e.minutesDelivered > 0
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['minutesDelivered'],
      message: 'must be 0 for a missed session',
      params: { rule: 'session.missedMinutes' },
    });
  }
  if (e.kind === 'makeup') {
    if (e.status !== 'delivered') {
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'a make-up records minutes delivered',
        params: { rule: 'session.makeupDelivered' },
      });
    }
    if (e.minutesDelivered == null || e.minutesDelivered < 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['minutesDelivered'],
        message: 'give the make-up minutes delivered',
        params: { rule: 'session.makeupMinutes' },
      });
    }
  }
  if (e.kind !== 'makeup' && e.makeupForEntryId != null) {
    ctx.addIssue({
      code: 'custom',
      path: ['makeupForEntryId'],
      message: 'only a make-up can name the miss it makes up',
      params: { rule: 'session.makeupForOnly' },
    });
  }
});
export type SessionEntryInput = z.infer<typeof SessionEntryInput>;

/**
 * A session entry as the ledger sees it: the stored record, normalised. Only the last entry of each
 * correction chain reaches the ledger (src/domain/corrections.ts); a chain that ends in a void comes
 * as that void, which counts for nothing but tells the ledger what became of the entries it replaced.
 */
export type LedgerEntry = {
  id: string;
  date: string;
  kind: EntryKind;
  status: StoredSessionStatus;
  /** Minutes actually given (already defaulted). */
  minutesDelivered: number;
  /** Minutes the session was meant to last, if known (for session-count services the service's minutes). */
  minutesPlanned: number | null;
  reason: MissReason | null;
  responsibility: Responsibility | null;
  makeupForEntryId: string | null;
  /** The earlier entries of its chain that this one corrected or voided, if any. */
  replaces?: readonly string[];
};

/**
 * Why each reason defaults as it does, in plain words, with its source and the kind of statement it is
 * (src/domain/legal-sources.ts): `practice` for As Written's own choice that follows what many advocates
 * do, `guidance` for what the Department of Education has said. No law fixes make-ups. Shown beside the
 * plan's reason policy so a parent can decide whether to change it.
 */
export const REASON_GUIDANCE: Record<
  MissReason,
  { guidance: string; source: string; kind: 'law' | 'guidance' | 'practice' }
> = {
  provider_absent: {
    guidance:
      'Many advocates treat a session the school cancels because the provider is away as one to make up. As Written counts it as owed by default because the minutes were not delivered for a reason the school controls; you can change this for your plan.',
    source: `${pin('practice-school-cancelled-owed')} (practice); the IEP is implemented as written, ${pin('cfr-300-323')} (law); make-ups are decided case by case, ${pin('osep-letter-to-clarke')} (guidance)`,
    kind: 'practice',
  },
  school_event: {
    guidance:
      'Many advocates treat a session cancelled for an assembly or another school event as one to make up. As Written counts it as owed by default because the school chose the event over the session.',
    source: `${pin('practice-school-cancelled-owed')} (practice); make-ups are decided case by case, ${pin('osep-letter-to-clarke')} (guidance)`,
    kind: 'practice',
  },
  testing: {
    guidance:
      'A session skipped for testing was cancelled by the school. As Written counts it as owed by default, as many advocates do.',
    source: `${pin('practice-school-cancelled-owed')} (practice); make-ups are decided case by case, ${pin('osep-letter-to-clarke')} (guidance)`,
    kind: 'practice',
  },
  field_trip: {
    guidance:
      'A session missed for a school field trip was cancelled by the school. As Written counts it as owed by default, as many advocates do.',
    source: `${pin('practice-school-cancelled-owed')} (practice); make-ups are decided case by case, ${pin('osep-letter-to-clarke')} (guidance)`,
    kind: 'practice',
  },
  scheduling_conflict: {
    guidance:
      'A scheduling conflict is the school’s to solve. As Written counts the minutes as owed by default, as many advocates do.',
    source: `${pin('practice-school-cancelled-owed')} (practice); make-ups are decided case by case, ${pin('osep-letter-to-clarke')} (guidance)`,
    kind: 'practice',
  },
  school_closed: {
    guidance:
      'When the school was closed for everyone and no education was given to anyone, no services are owed for that period. As Written still counts a session lost to a closure as owed by default, because a weekly or monthly amount usually leaves room to reschedule in the same week; mark it excused if it was not.',
    source: `${pin('ed-qa-march-2020')} (guidance); the owed default is As Written’s choice (practice)`,
    kind: 'guidance',
  },
  student_absent: {
    guidance:
      'If the service was offered at its usual time and your child was absent, the school generally need not make it up.',
    source: `${pin('osep-letter-to-balkman')} (guidance)`,
    kind: 'guidance',
  },
  student_refused: {
    guidance:
      'A session offered and refused by the child is generally not owed; note what happened, in case it is a pattern to raise.',
    source: `${pin('osep-letter-to-balkman')}, read by analogy (guidance)`,
    kind: 'guidance',
  },
  other: {
    guidance: 'Waiting for you to decide: mark it owed or excused once you know what happened.',
    source: `No rule fixes make-ups; interruptions are judged case by case: ${pin('osep-letter-to-clarke')} (guidance)`,
    kind: 'guidance',
  },
  unknown: {
    guidance: 'Waiting for you to decide: ask the provider or the school log what happened.',
    source: `No rule fixes make-ups; interruptions are judged case by case: ${pin('osep-letter-to-clarke')} (guidance)`,
    kind: 'guidance',
  },
};
