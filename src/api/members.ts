import { z } from 'zod';
import { IdSchema } from '../domain/common.ts';
import { ROLES } from '../domain/permissions.ts';
import { nameOf, PageQuery } from './common.ts';

// Members, roles, invitations and the audit trail.

export const Creator = z.object({
  userId: IdSchema.nullable(),
  /** Null for a former member. */
  displayName: z.string().nullable(),
  /** Null for a former member. */
  email: z.string().nullable(),
  /** The person is no longer a member of the household (or is unknown). */
  formerMember: z.boolean(),
});
export type Creator = z.infer<typeof Creator>;

export const RoleSchema = z.enum(ROLES);

export const InvitationInput = z.object({
  email: z.string().trim().toLowerCase().email({ message: 'must be an email address' }).max(254),
  role: RoleSchema,
  expiresInDays: z.number().int().min(1).max(30).default(7),
});

export const Invitation = z.object({
  id: IdSchema,
  email: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  /** The owner who sent it. */
  createdBy: Creator,
});

export const Member = z.object({
  userId: IdSchema,
  email: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  joinedAt: z.string(),
});

export const StaffLinksOnRemoval = z
  .enum(['revoke', 'transfer'])
  .default('revoke')
  .describe(
    "What happens to the staff links the member made: 'revoke' stops them; 'transfer' hands them to the owner removing the member",
  );

export const RemoveMemberQuery = z.object({ staffLinks: StaffLinksOnRemoval });

export const MemberParams = z.object({ householdId: IdSchema, userId: IdSchema });

export const RoleChange = z.object({ role: RoleSchema });

/** A new invitation, its link (shown once: only the token's hash is kept), and whether it was emailed. */
export const InvitationCreated = Invitation.extend({ link: z.string(), emailed: z.boolean() });

/** The audit trail, newest first, a page at a time. */
export const AuditQuery = PageQuery;

export type AuditAction =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_out'
  | 'sign_out_everywhere'
  | 'password_changed'
  | 'password_reset_requested'
  | 'password_reset'
  | 'member_invited'
  | 'invitation_revoked'
  | 'member_joined'
  | 'role_changed'
  | 'member_removed'
  | 'staff_link_created'
  | 'staff_link_revoked'
  | 'staff_link_transferred'
  | 'staff_link_used'
  | 'calendar_feed_created'
  | 'calendar_feed_revoked';

/**
 * What an audit event says, by the keys the server writes (each only for the actions it concerns);
 * never a password, a token or the text of a record. Where a sign-in came from (`address`) is sent to
 * owners only.
 */
export const AuditData = z.object({
  /** Where a sign-in came from (owners only). */
  address: z.string().optional(),
  invitationId: IdSchema.optional(),
  /** The address an invitation was sent to. */
  email: z.string().optional(),
  role: z.string().optional(),
  /** The member joined with an account made from the invitation. */
  newAccount: z.boolean().optional(),
  /** The member concerned (a role change, a removal, what a removal revoked). */
  userId: IdSchema.optional(),
  /** A role changed from and to; a staff link handed over from one user id to another. */
  from: z.string().optional(),
  to: z.string().optional(),
  /** Why a link or an invitation ended: 'member_removed' when its maker was removed. */
  reason: z.string().optional(),
  /** What a removal did with the member's staff links. */
  staffLinks: z.enum(['revoke', 'transfer']).optional(),
  feedId: IdSchema.optional(),
  childId: IdSchema.nullable().optional(),
  staffLinkId: IdSchema.optional(),
  scope: z
    .object({ kind: z.enum(['service', 'child']), childId: IdSchema, serviceId: IdSchema.optional() })
    .optional(),
  expiresAt: z.string().optional(),
});

export const AuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: nameOf<AuditAction>(),
  data: AuditData,
});
