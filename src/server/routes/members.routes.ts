import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ErrorResponse, errors, HouseholdParams, RecordParams } from '../../api/common.ts';
import {
  AuditEvent,
  AuditQuery,
  Invitation,
  InvitationCreated,
  InvitationInput,
  Member,
  MemberParams,
  RemoveMemberQuery,
  RoleChange,
} from '../../api/members.ts';
import { StaffLink, StaffLinkCreated, StaffLinkInput } from '../../api/staff-links.ts';
import { roleAllows } from '../../domain/permissions.ts';
import type { AppDeps } from '../app.ts';
import { access, requireUser } from '../auth/access.ts';
import { requestLanguage } from '../i18n.ts';
import { invitationMail } from '../services/account-mail.ts';
import { listAudit } from '../services/audit.ts';
import {
  changeRole,
  createInvitation,
  leaveHousehold,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
} from '../services/members.ts';
import { createStaffLink, listStaffLinks, revokeStaffLink } from '../services/staff-links.ts';
import { appLink } from './auth.routes.ts';
import { sendPage } from './pagination.ts';
import { envFor, typed } from './shared.ts';

export function registerMemberRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  const base = '/households/:householdId';

  api.get(
    `${base}/members`,
    {
      config: { access: access.household('member.read') },
      schema: {
        tags: ['Members'],
        summary: 'The members of a household and their roles',
        params: HouseholdParams,
        response: { 200: z.array(Member), ...errors },
      },
    },
    async (request) => listMembers(deps.store, request.params.householdId),
  );
  api.patch(
    `${base}/members/:userId`,
    {
      config: { access: access.household('member.manage') },
      schema: {
        tags: ['Members'],
        summary: "Change a member's role",
        params: MemberParams,
        body: RoleChange,
        response: { 200: Member, ...errors },
      },
    },
    async (request) =>
      changeRole(
        deps.store,
        envFor(deps),
        request.params.householdId,
        requireUser(request),
        request.params.userId,
        request.body,
      ),
  );
  api.delete(
    `${base}/members/:userId`,
    {
      config: { access: access.household('member.manage') },
      schema: {
        tags: ['Members'],
        summary:
          'Remove a member from the household. In the same step their calendar addresses and open invitations are revoked, and their staff links revoked or (staffLinks=transfer) handed to you',
        params: MemberParams,
        querystring: RemoveMemberQuery,
        response: { 204: z.null(), ...errors, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      await removeMember(
        deps.store,
        envFor(deps),
        request.params.householdId,
        requireUser(request),
        request.params.userId,
        request.query,
      );
      return reply.status(204).send(null);
    },
  );
  api.post(
    `${base}/leave`,
    {
      config: { access: access.household('member.leave') },
      schema: {
        tags: ['Members'],
        summary:
          'Leave the household. Your calendar addresses, staff links and open invitations there stop working. The last owner cannot leave',
        params: HouseholdParams,
        response: { 204: z.null(), ...errors, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      await leaveHousehold(deps.store, envFor(deps), request.params.householdId, requireUser(request));
      return reply.status(204).send(null);
    },
  );

  api.post(
    `${base}/invitations`,
    {
      config: { access: access.household('member.manage') },
      schema: {
        tags: ['Members'],
        summary: 'Invite someone by a one-time link (emailed when mail is set up)',
        params: HouseholdParams,
        body: InvitationInput,
        response: { 201: InvitationCreated, ...errors },
      },
    },
    async (request, reply) => {
      const { invitation, token } = await createInvitation(
        deps.store,
        envFor(deps),
        request.params.householdId,
        requireUser(request),
        request.body,
      );
      const link = appLink(deps, request, '/invite', token);
      if (deps.mailer.enabled) {
        const inviter = requireUser(request);
        await deps.mailer.send(
          invitationMail(
            invitation.email,
            requestLanguage(inviter.language, request.headers['accept-language']),
            {
              inviter: inviter.displayName,
              expiresAt: invitation.expiresAt,
              link,
            },
          ),
        );
      }
      return reply.status(201).send({ ...invitation, link, emailed: deps.mailer.enabled });
    },
  );
  api.get(
    `${base}/invitations`,
    {
      config: { access: access.household('member.manage') },
      schema: {
        tags: ['Members'],
        summary: 'Invitations not yet accepted',
        params: HouseholdParams,
        response: { 200: z.array(Invitation), ...errors },
      },
    },
    async (request) => listInvitations(deps.store, envFor(deps), request.params.householdId),
  );
  api.delete(
    `${base}/invitations/:id`,
    {
      config: { access: access.household('member.manage') },
      schema: {
        tags: ['Members'],
        summary: 'Revoke an invitation',
        params: RecordParams,
        response: { 204: z.null(), ...errors, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      await revokeInvitation(
        deps.store,
        envFor(deps),
        request.params.householdId,
        requireUser(request),
        request.params.id,
      );
      return reply.status(204).send(null);
    },
  );

  api.post(
    `${base}/staff-links`,
    {
      config: { access: access.household('staff_link.manage') },
      schema: {
        tags: ['Staff links'],
        summary: 'Create a link a therapist or case manager uses to confirm sessions, without an account',
        params: HouseholdParams,
        body: StaffLinkInput,
        response: { 201: StaffLinkCreated, ...errors },
      },
    },
    async (request, reply) => {
      const { link, token } = await createStaffLink(
        deps.store,
        envFor(deps),
        request.params.householdId,
        requireUser(request),
        request.body,
      );
      return reply.status(201).send({ ...link, link: appLink(deps, request, '/staff', token) });
    },
  );
  api.get(
    `${base}/staff-links`,
    {
      config: { access: access.household('staff_link.manage') },
      schema: {
        tags: ['Staff links'],
        summary: 'Staff links, active and revoked',
        params: HouseholdParams,
        response: { 200: z.array(StaffLink), ...errors },
      },
    },
    async (request) => listStaffLinks(deps.store, envFor(deps), request.params.householdId),
  );
  api.post(
    `${base}/staff-links/:id/revoke`,
    {
      config: { access: access.household('staff_link.manage') },
      schema: {
        tags: ['Staff links'],
        summary: 'Revoke a staff link; it stops working at once',
        params: RecordParams,
        response: { 200: StaffLink, ...errors },
      },
    },
    async (request) =>
      revokeStaffLink(
        deps.store,
        envFor(deps),
        request.params.householdId,
        requireUser(request),
        request.params.id,
      ),
  );

  api.get(
    `${base}/audit`,
    {
      config: { access: access.household('audit.read') },
      schema: {
        tags: ['Members'],
        summary:
          "The household's audit trail: sign-ins, failed sign-ins, invitations, role changes, staff links. Where sign-ins came from (data.address) is shown to owners only",
        params: HouseholdParams,
        querystring: AuditQuery,
        response: {
          200: z.array(AuditEvent),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      sendPage(
        request,
        reply,
        await listAudit(deps.store.db, request.params.householdId, request.query, {
          // The access check has set the role; an address is where a member was, for owners only.
          addresses: request.auth.role != null && roleAllows(request.auth.role, 'audit.addresses'),
        }),
      ),
  );
}
