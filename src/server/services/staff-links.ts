import type { z } from 'zod';
import type { Creator } from '../../api/members.ts';
import { StaffLinkInput, StaffSessionInput, type StaffView } from '../../api/staff-links.ts';
import { addDays, weekStart } from '../../domain/dates.ts';
import { requireChild } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import type { AccessTokenRow } from '../../store/schema.ts';
import { requireServiceWithPlan, servicesWithPlan, serviceTerms } from '../../store/services.repository.ts';
import {
  findTokenByHash,
  findTokenInHousehold,
  getToken,
  insertToken,
  listTokens,
  markTokenUsed,
  revokeToken,
  StaffLinkScope,
  tokenScope,
} from '../../store/tokens.repository.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, invalid, notFound, parseOrThrow } from '../errors.ts';
import type { Env, User } from './accounts.ts';
import { type AuditAction, appendAudit } from './audit.ts';
import { creatorsIn, isMember } from './creators.ts';
import { computeLedgers } from './ledgers.ts';
import { loadCalendars } from './school-calendars.ts';
import { correctSessionEntry, staffConfirmations } from './session-corrections.ts';
import { createSessionEntry } from './session-entries.ts';

// A staff confirmation link lets a therapist or case manager confirm sessions without an account.
// It is a bearer secret scoped to one service or to one child's services. It shows the child's first
// name, the services and the expected sessions, and accepts delivered, short or missed sessions,
// nothing else. What a holder of a stolen link can do is exactly that, until it is revoked or expires.
// A link is held by the member who made it (or the owner it was handed to when that member was
// removed): it stops working when its holder is no longer a member of the household.

type Scope = StaffLinkScope;

const toStaffLink = (r: AccessTokenRow, now: string, creator: (userId: string | null) => Creator) => {
  const createdBy = creator(r.created_by);
  return {
    id: r.id,
    label: r.label,
    scope: tokenScope(StaffLinkScope, r),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.used_at,
    // A link whose holder has left is refused (resolveStaffLink), so it is not active even if unrevoked.
    active: !r.revoked_at && r.expires_at > now && !createdBy.formerMember,
    createdBy,
  };
};

export async function createStaffLink(
  store: Store,
  env: Env,
  householdId: string,
  actor: User,
  body: unknown,
) {
  const input = parseOrThrow(StaffLinkInput, body);
  let scope: Scope;
  if (input.serviceId) {
    const service = await requireServiceWithPlan(store.db, householdId, input.serviceId, 'serviceId');
    scope = { kind: 'service', serviceId: service.id, childId: service.child_id };
  } else {
    const child = await requireChild(store.db, householdId, input.childId!, 'childId');
    scope = { kind: 'child', childId: child.id };
  }
  const token = newToken();
  const at = env.clock.now();
  const row: AccessTokenRow = {
    id: env.newId(),
    token_hash: hashToken(token),
    purpose: 'staff_link',
    household_id: householdId,
    user_id: null,
    email: null,
    role: null,
    scope: JSON.stringify(scope),
    label: input.label,
    created_by: actor.id,
    created_at: at,
    expires_at: new Date(Date.parse(at) + input.expiresInDays * 86_400_000).toISOString(),
    used_at: null,
    revoked_at: null,
  };
  await store.db.transaction().execute(async (trx) => {
    await insertToken(trx, row);
    await appendAudit(trx, {
      id: env.newId(),
      householdId,
      at,
      actor: `user:${actor.id}`,
      action: 'staff_link_created',
      data: { staffLinkId: row.id, scope, expiresAt: row.expires_at },
    });
  });
  return { link: toStaffLink(row, at, await creatorsIn(store.db, householdId)), token };
}

export async function listStaffLinks(store: Store, env: Env, householdId: string) {
  const rows = await listTokens(store.db, householdId, 'staff_link');
  const now = env.clock.now();
  const creator = await creatorsIn(store.db, householdId);
  return rows.map((r) => toStaffLink(r, now, creator));
}

export async function revokeStaffLink(store: Store, env: Env, householdId: string, actor: User, id: string) {
  return store.db.transaction().execute(async (trx) => {
    const row = await findTokenInHousehold(trx, householdId, 'staff_link', id);
    if (!row) throw notFound('Staff link', id);
    const at = env.clock.now();
    if (!row.revoked_at) {
      await revokeToken(trx, id, at, {
        id: env.newId(),
        householdId,
        actor: `user:${actor.id}`,
        action: 'staff_link_revoked' satisfies AuditAction,
        data: { staffLinkId: id },
      });
    }
    return toStaffLink({ ...row, revoked_at: row.revoked_at ?? at }, at, await creatorsIn(trx, householdId));
  });
}

export type StaffPrincipal = { linkId: string; householdId: string; scope: Scope };

/**
 * The link behind a token, if it is live. Revocation, expiry and its holder leaving the household
 * take effect on the next request.
 */
export async function resolveStaffLink(
  store: Store,
  now: string,
  token: string,
): Promise<StaffPrincipal | null> {
  const row = await findTokenByHash(store.db, 'staff_link', hashToken(token));
  if (!row || row.revoked_at || row.expires_at <= now || !row.household_id) return null;
  // Removal revokes or hands over the link in the same transaction; this catches a link made while
  // its holder was being removed (and any a revocation missed): a former member's link is dead.
  if (!(await isMember(store.db, row.household_id, row.created_by))) return null;
  return { linkId: row.id, householdId: row.household_id, scope: tokenScope(StaffLinkScope, row) };
}

function servicesInScope(store: Store, principal: StaffPrincipal) {
  const { scope } = principal;
  return servicesWithPlan(store.db, principal.householdId, {
    childId: scope.childId,
    serviceId: scope.kind === 'service' ? scope.serviceId : undefined,
  });
}

/** What the link shows: the child's first name, the services, and the expected sessions of recent weeks. */
export async function staffView(store: Store, principal: StaffPrincipal, today: string) {
  const child = await requireChild(store.db, principal.householdId, principal.scope.childId);
  const link = await getToken(store.db, principal.linkId);
  const services = await servicesInScope(store, principal);
  const from = addDays(weekStart(today), -28);
  // The link's own confirmations, as they stand now: it may correct or void them (correctStaffSession).
  const own = await staffConfirmations(
    store.db,
    principal.householdId,
    services.map((s) => s.id),
    `staff_link:${principal.linkId}`,
    from,
  );
  const out = [];
  for (const s of services) {
    let weeks: z.infer<typeof StaffView>['services'][number]['weeks'] = [];
    try {
      const [ledger] = await computeLedgers(
        store.db,
        principal.householdId,
        { serviceId: s.id },
        { from, to: today, grouping: 'week' },
        today,
      );
      weeks = (ledger?.periods ?? []).map((p) => ({
        start: p.start,
        end: p.end,
        expectedSessions: p.requiredSessions,
        loggedSessions: p.scheduledSessions,
        confirmedByThisLink: own
          .filter((e) => e.serviceId === s.id && e.date >= p.start && e.date <= p.end)
          .map(({ serviceId: _service, ...e }) => e),
      }));
    } catch (error) {
      // No school calendar yet: show the service without weeks rather than failing the page.
      if (!(error instanceof AppError)) throw error;
    }
    const { segments, esyBlocks } = serviceTerms(s);
    const current = segments.find((g) => today >= g.startDate && today <= g.endDate) ?? segments[0];
    out.push({
      id: s.id,
      name: s.name,
      providerRole: s.provider_role,
      amount: current ? describeAmount(current) : '',
      esyBlocks: esyBlocks.map((b) => ({
        startDate: b.startDate,
        endDate: b.endDate,
      })),
      weeks,
    });
  }
  const calendars = await loadCalendars(store.db, principal.householdId, principal.scope.childId);
  return {
    childFirstName: child.first_name,
    label: link.label,
    expiresAt: link.expires_at,
    calendars: [...calendars],
    services: out,
  };
}

function describeAmount(a: {
  minutesPerSession: number | null;
  sessionsPerPeriod: number | null;
  minutesPerPeriod: number | null;
  period: { unit: string; cycleDays: number | null };
}) {
  const per = a.period.unit === 'cycle' ? `per ${a.period.cycleDays}-day cycle` : `per ${a.period.unit}`;
  if (a.sessionsPerPeriod != null) return `${a.sessionsPerPeriod} × ${a.minutesPerSession} minutes ${per}`;
  return `${a.minutesPerPeriod} minutes ${per}`;
}

/** A session confirmed through a staff link: marked "provider, via link"; it can only be corrected by a new entry. */
export async function confirmStaffSession(
  store: Store,
  ctx: ServiceContext,
  principal: StaffPrincipal,
  body: unknown,
) {
  const input = parseOrThrow(StaffSessionInput, body);
  const allowed = await servicesInScope(store, principal);
  if (!allowed.some((s) => s.id === input.serviceId)) {
    // The same answer as for an id that does not exist: the link reveals nothing beyond its scope.
    throw notFound('Service', input.serviceId, 'serviceId');
  }
  if (input.status !== 'delivered' && !input.reason)
    throw invalid('reason', `is required when a session is ${input.status}`, {
      rule: 'session.reasonRequired',
      values: { status: input.status },
    });
  const entry = await createSessionEntry(store, ctx, {
    ...input,
    kind: 'scheduled',
    source: 'provider_link',
  });
  await markTokenUsed(store.db, principal.linkId, ctx.clock.now());
  return entry;
}

/**
 * A staff link corrects or voids a session it confirmed itself, and only that: another link's entry,
 * or the family's, answers 404 like one that does not exist; an entry the family corrected since
 * answers 403. The correction keeps the provider's source and is recorded as made by the link.
 */
export async function correctStaffSession(
  store: Store,
  ctx: ServiceContext,
  principal: StaffPrincipal,
  entryId: string,
  body: unknown,
) {
  const allowed = (await servicesInScope(store, principal)).map((s) => s.id);
  const result = await correctSessionEntry(store, ctx, entryId, body, {
    recordedBy: `staff_link:${principal.linkId}`,
    serviceIds: allowed,
  });
  await markTokenUsed(store.db, principal.linkId, ctx.clock.now());
  return result;
}
