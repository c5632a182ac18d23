import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { fixedClock } from '../../src/server/context.ts';
import {
  BACKENDS,
  call,
  createAccount,
  openTestEnv,
  openTestStore,
  type Principal,
  signIn,
  TEST_NOW,
  TEST_PASSWORD,
  type TestEnv,
} from './harness.ts';

// What membership grants, and that it ends: removing a member (or a member leaving) ends their
// calendar feeds, staff links and open invitations at once; an invitation is only for the address
// it was sent to; first-run setup makes exactly one owner however many browsers race; and only
// owners see where sign-ins came from.

const tokenOf = (link: string) => link.split('#token=')[1]!;

describe.each(BACKENDS)('membership and what it grants on %s', (backend) => {
  let env: TestEnv;
  let hid: string;
  let childId: string;
  let serviceId: string;
  const api = (path: string) => `/api/households/${hid}${path}`;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    hid = env.householdId;
    childId = (await call(env, 'POST', api('/children'), { firstName: 'Emma' })).body.id;
    const plan = await call(env, 'POST', api('/plans'), {
      childId,
      kind: 'iep',
      jurisdiction: { country: 'US', region: 'CA' },
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-09-07',
    });
    await call(env, 'POST', api('/calendars'), {
      childId,
      name: 'Year',
      firstDay: '2026-09-08',
      lastDay: '2027-06-11',
    });
    const service = await call(env, 'POST', api('/services'), {
      planId: plan.body.id,
      name: 'Speech-language therapy',
      area: 'speech',
      setting: 'pull_out',
      startDate: '2026-09-08',
      endDate: '2027-06-11',
      segments: [
        {
          startDate: '2026-09-08',
          endDate: '2027-06-11',
          minutesPerSession: 30,
          sessionsPerPeriod: 2,
          period: { unit: 'week' },
        },
      ],
    });
    expect(service.status, JSON.stringify(service.body)).toBe(201);
    serviceId = service.body.id;
  });
  afterAll(async () => env.close());

  const anon = (method: string, url: string, body?: unknown) => call(env.app, method, url, body);
  const staff = async (token: string, method = 'GET', url = '/api/staff-link', body?: unknown) =>
    (
      await env.app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { payload: body as object }),
      })
    ).statusCode;
  const confirm = (token: string, date: string) =>
    staff(token, 'POST', '/api/staff-link/sessions', { serviceId, date, status: 'delivered' });
  const feedStatus = async (url: string) =>
    (await env.app.inject({ method: 'GET', url: new URL(url).pathname })).statusCode;

  /** A co-parent with a calendar feed, a staff link and (sent while they were an owner) an invitation. */
  async function coParentWithSecrets(name: string) {
    const p = await createAccount(env, `${name}-${backend}@example.org`, { householdId: hid, role: 'owner' });
    const invite = await call(
      env,
      'POST',
      api('/invitations'),
      { email: `${name}-friend@example.org`, role: 'viewer' },
      p,
    );
    expect(invite.status).toBe(201);
    await call(env, 'PATCH', api(`/members/${p.userId}`), { role: 'co_parent' });
    const feed = await call(env, 'POST', api('/calendar-feeds'), { childId: null }, p);
    expect(feed.status).toBe(201);
    const link = await call(env, 'POST', api('/staff-links'), { childId, label: `${name}'s SLP` }, p);
    expect(link.status).toBe(201);
    return {
      p,
      feed: { id: feed.body.feed.id as string, url: feed.body.url as string },
      link: { id: link.body.id as string, token: tokenOf(link.body.link) },
      invitation: { id: invite.body.id as string, token: tokenOf(invite.body.link) },
    };
  }

  it('shows who made each calendar feed, staff link and invitation, and when', async () => {
    const co = await coParentWithSecrets('maker');
    const me = {
      userId: co.p.userId,
      displayName: `maker-${backend}`,
      email: co.p.email,
      formerMember: false,
    };
    const feeds = await call(env, 'GET', api('/calendar-feeds'));
    expect(feeds.body.find((f: { id: string }) => f.id === co.feed.id)).toMatchObject({
      createdBy: me,
      createdAt: TEST_NOW,
    });
    const links = await call(env, 'GET', api('/staff-links'));
    expect(links.body.find((l: { id: string }) => l.id === co.link.id)).toMatchObject({
      createdBy: me,
      createdAt: TEST_NOW,
    });
    const invitations = await call(env, 'GET', api('/invitations'));
    expect(invitations.body.find((i: { id: string }) => i.id === co.invitation.id)).toMatchObject({
      createdBy: me,
      createdAt: TEST_NOW,
    });
  });

  it('ends a removed co-parent’s calendar feed, staff links and open invitations at once', async () => {
    const co = await coParentWithSecrets('removed');
    expect(await feedStatus(co.feed.url)).toBe(200);
    expect(await staff(co.link.token)).toBe(200);
    expect(await confirm(co.link.token, '2026-11-24')).toBe(201);
    expect((await anon('POST', '/api/invitations/preview', { token: co.invitation.token })).status).toBe(200);

    const removed = await call(env, 'DELETE', api(`/members/${co.p.userId}`));
    expect(removed.status, JSON.stringify(removed.body)).toBe(204);

    // Each secret answers as that route answers for one that is not valid any more.
    expect(await feedStatus(co.feed.url)).toBe(404);
    expect(await staff(co.link.token)).toBe(401);
    expect(await confirm(co.link.token, '2026-11-25')).toBe(401);
    const preview = await anon('POST', '/api/invitations/preview', { token: co.invitation.token });
    expect(preview.status).toBe(400);
    expect(preview.body.error.fields).toEqual([{ path: 'token', message: 'is not valid any more' }]);
    const accept = await anon('POST', '/api/invitations/accept', {
      token: co.invitation.token,
      displayName: 'Friend',
      password: TEST_PASSWORD,
    });
    expect(accept.status).toBe(400);

    const former = { userId: co.p.userId, displayName: null, email: null, formerMember: true };
    const feed = (await call(env, 'GET', api('/calendar-feeds'))).body.find(
      (f: { id: string }) => f.id === co.feed.id,
    );
    expect(feed).toMatchObject({ active: false, revokedAt: TEST_NOW, createdBy: former });
    const link = (await call(env, 'GET', api('/staff-links'))).body.find(
      (l: { id: string }) => l.id === co.link.id,
    );
    expect(link).toMatchObject({ active: false, revokedAt: TEST_NOW, createdBy: former });
    const open = (await call(env, 'GET', api('/invitations'))).body.map((i: { id: string }) => i.id);
    expect(open).not.toContain(co.invitation.id);

    const audit = (await call(env, 'GET', api('/audit?limit=20'))).body as {
      action: string;
      actor: string;
      data: Record<string, unknown>;
    }[];
    const because = { reason: 'member_removed', userId: co.p.userId };
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'member_removed',
          actor: `user:${env.owner.userId}`,
          data: { userId: co.p.userId, role: 'co_parent', staffLinks: 'revoke' },
        }),
        expect.objectContaining({
          action: 'calendar_feed_revoked',
          data: { feedId: co.feed.id, ...because },
        }),
        expect.objectContaining({
          action: 'staff_link_revoked',
          data: { staffLinkId: co.link.id, ...because },
        }),
        expect.objectContaining({
          action: 'invitation_revoked',
          data: { invitationId: co.invitation.id, ...because },
        }),
      ]),
    );
  });

  it('hands a removed co-parent’s staff links to the owner when the owner chooses so', async () => {
    const co = await coParentWithSecrets('handed');
    const removed = await call(env, 'DELETE', api(`/members/${co.p.userId}?staffLinks=transfer`));
    expect(removed.status, JSON.stringify(removed.body)).toBe(204);

    expect(await staff(co.link.token)).toBe(200);
    expect(await confirm(co.link.token, '2026-11-26')).toBe(201);
    const link = (await call(env, 'GET', api('/staff-links'))).body.find(
      (l: { id: string }) => l.id === co.link.id,
    );
    expect(link).toMatchObject({
      active: true,
      revokedAt: null,
      createdBy: {
        userId: env.owner.userId,
        displayName: 'Olivia Owner',
        email: 'owner@example.org',
        formerMember: false,
      },
    });
    // The feed and the invitation were theirs alone: they end either way.
    expect(await feedStatus(co.feed.url)).toBe(404);
    expect((await anon('POST', '/api/invitations/preview', { token: co.invitation.token })).status).toBe(400);
    const audit = (await call(env, 'GET', api('/audit?limit=20'))).body as {
      action: string;
      data: unknown;
    }[];
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'staff_link_transferred',
        data: { staffLinkId: co.link.id, from: co.p.userId, to: env.owner.userId },
      }),
    );
  });

  it('refuses an unknown staff-link choice, and handing links to yourself as you leave', async () => {
    const co = await createAccount(env, `choice-${backend}@example.org`, {
      householdId: hid,
      role: 'co_parent',
    });
    const bad = await call(env, 'DELETE', api(`/members/${co.userId}?staffLinks=keep`));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('staffLinks');
    const second = await createAccount(env, `second-owner-${backend}@example.org`, {
      householdId: hid,
      role: 'owner',
    });
    const self = await call(
      env,
      'DELETE',
      api(`/members/${second.userId}?staffLinks=transfer`),
      undefined,
      second,
    );
    expect(self.status).toBe(400);
    expect((await call(env, 'GET', api('/members'), undefined, second)).status).toBe(200);
    const openapi = await call(env, 'GET', '/api/openapi.json');
    const params = openapi.body.paths['/api/households/{householdId}/members/{userId}'].delete.parameters;
    expect(params).toContainEqual(
      expect.objectContaining({
        in: 'query',
        name: 'staffLinks',
        schema: expect.objectContaining({ enum: ['revoke', 'transfer'], default: 'revoke' }),
      }),
    );
  });

  it('refuses a feed or link whose maker is no longer a member, even if its revocation was missed', async () => {
    const co = await coParentWithSecrets('missed');
    // As if the member had been removed while making them: the rows were never revoked.
    await env.store.db
      .deleteFrom('membership')
      .where('household_id', '=', hid)
      .where('user_id', '=', co.p.userId)
      .execute();
    const rows = await env.store.db
      .selectFrom('access_token')
      .select('revoked_at')
      .where('id', 'in', [co.feed.id, co.link.id])
      .execute();
    expect(rows.map((r) => r.revoked_at)).toEqual([null, null]);
    expect(await feedStatus(co.feed.url)).toBe(404);
    expect(await staff(co.link.token)).toBe(401);
    expect(await confirm(co.link.token, '2026-11-27')).toBe(401);
    const link = (await call(env, 'GET', api('/staff-links'))).body.find(
      (l: { id: string }) => l.id === co.link.id,
    );
    expect(link).toMatchObject({ active: false, revokedAt: null, createdBy: { formerMember: true } });
  });

  it('lets a member leave, ending what they hold there, but not the last owner', async () => {
    const co = await coParentWithSecrets('leaver');
    const left = await call(env, 'POST', api('/leave'), undefined, co.p);
    expect(left.status, JSON.stringify(left.body)).toBe(204);
    expect((await call(env, 'GET', api('/members'), undefined, co.p)).status).toBe(404);
    expect(await feedStatus(co.feed.url)).toBe(404);
    expect(await staff(co.link.token)).toBe(401);
    expect((await anon('POST', '/api/invitations/preview', { token: co.invitation.token })).status).toBe(400);
    const audit = (await call(env, 'GET', api('/audit?limit=20'))).body as {
      action: string;
      actor: string;
    }[];
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'member_removed', actor: `user:${co.p.userId}` }),
    );

    const solo = await createAccount(env, `solo-${backend}@example.org`);
    const own = await call(env, 'POST', '/api/households', { name: 'Solo family' }, solo);
    const last = await call(env, 'POST', `/api/households/${own.body.id}/leave`, undefined, solo);
    expect(last.status).toBe(409);
    expect((await call(env, 'GET', `/api/households/${own.body.id}`, undefined, solo)).status).toBe(200);
  });

  describe('invitations are for the invited address', () => {
    let mallory: Principal;
    beforeAll(async () => {
      mallory = await createAccount(env, `mallory-${backend}@example.org`);
    });

    it('refuses another signed-in account with the masked address, and keeps the invitation usable', async () => {
      const invite = await call(env, 'POST', api('/invitations'), {
        email: `grandma-${backend}@example.com`,
        role: 'viewer',
      });
      const token = tokenOf(invite.body.link);
      const preview = await call(env, 'POST', '/api/invitations/preview', { token }, mallory);
      expect(preview.body).toMatchObject({ wrongAccount: true, sentTo: 'g***@example.com' });
      const refused = await call(env, 'POST', '/api/invitations/accept', { token }, mallory);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toEqual({
        code: 'forbidden',
        message: 'This invitation was sent to g***@example.com',
      });
      expect((await call(env, 'GET', api('/members'), undefined, mallory)).status).toBe(404);

      const anonymous = await anon('POST', '/api/invitations/preview', { token });
      expect(anonymous.body).toMatchObject({ wrongAccount: false, accountExists: false });
      const accepted = await anon('POST', '/api/invitations/accept', {
        token,
        displayName: 'Grandma',
        password: TEST_PASSWORD,
      });
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      expect(accepted.body.user.email).toBe(`grandma-${backend}@example.com`);
      expect(accepted.body.households).toContainEqual({ id: hid, name: 'Owner family', role: 'viewer' });
    });

    it('lets the invited account join when signed in, whatever the case of the address', async () => {
      const aunt = await createAccount(env, `aunt-${backend}@example.org`);
      const invite = await call(env, 'POST', api('/invitations'), {
        email: `Aunt-${backend}@Example.org`,
        role: 'advocate',
      });
      const token = tokenOf(invite.body.link);
      const refused = await call(env, 'POST', '/api/invitations/accept', { token }, mallory);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe('This invitation was sent to a***@example.org');
      const preview = await call(env, 'POST', '/api/invitations/preview', { token }, aunt);
      expect(preview.body).toMatchObject({ wrongAccount: false, accountExists: true });
      const joined = await call(env, 'POST', '/api/invitations/accept', { token }, aunt);
      expect(joined.status, JSON.stringify(joined.body)).toBe(200);
      expect(joined.body.households).toContainEqual({ id: hid, name: 'Owner family', role: 'advocate' });
    });
  });

  it('shows where sign-ins came from to owners only', async () => {
    const roles = ['co_parent', 'advocate', 'viewer'] as const;
    const members: Record<string, Principal> = {};
    for (const role of roles)
      members[role] = await createAccount(env, `audit-${role}-${backend}@example.org`, {
        householdId: hid,
        role,
      });
    // A failed sign-in too: it carries an address as well.
    await anon('POST', '/api/auth/login', { email: members.viewer!.email, password: 'not the password' });
    await signIn(env.app, members.viewer!.email);

    type Event = { action: string; data: Record<string, unknown> };
    const signIns = (events: Event[]) => events.filter((e) => e.action.startsWith('sign_in'));
    const owner = (await call(env, 'GET', api('/audit?limit=1000'))).body as Event[];
    expect(signIns(owner).length).toBeGreaterThan(0);
    for (const e of signIns(owner)) expect(e.data.address).toBe('127.0.0.1');
    for (const role of roles) {
      const res = await call(env, 'GET', api('/audit?limit=1000'), undefined, members[role]);
      expect(res.status).toBe(200);
      const events = res.body as Event[];
      expect(signIns(events).map((e) => e.action)).toEqual(signIns(owner).map((e) => e.action));
      for (const e of events) expect(e.data, `${role} ${e.action}`).not.toHaveProperty('address');
      expect(JSON.stringify(events), role).not.toContain('127.0.0.1');
    }
  });
});

describe.each(BACKENDS)('first-run setup on %s', (backend) => {
  it('makes exactly one owner when ten browsers set up at once', { timeout: 60_000 }, async () => {
    const { store, cleanup } = await openTestStore(backend);
    const app = await buildApp({ store, clock: fixedClock(TEST_NOW), logger: false });
    try {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          app.inject({
            method: 'POST',
            url: '/api/auth/setup',
            payload: {
              email: `first-${i}@example.org`,
              displayName: `First ${i}`,
              password: TEST_PASSWORD,
              householdName: `Family ${i}`,
            },
          }),
        ),
      );
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
      const count = async (table: 'user_account' | 'membership' | 'household') =>
        Number(
          (
            await store.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count('user_account')).toBe(1);
      expect(await count('membership')).toBe(1);
      expect(await count('household')).toBe(1);
    } finally {
      await app.close();
      await cleanup();
    }
  });
});
