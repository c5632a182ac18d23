import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../../src/domain/dates.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Clock } from '../../src/server/context.ts';
import {
  addMember,
  BACKENDS,
  call,
  createAccount,
  openTestEnv,
  rowCounts,
  signIn,
  TEST_NOW,
  TEST_PASSWORD,
  type TestEnv,
} from './harness.ts';

function movableClock(start: string): Clock & { advance(ms: number): void } {
  let now = Date.parse(start);
  return {
    now: () => new Date(now).toISOString(),
    today: () => new Date(now).toISOString().slice(0, 10),
    advance: (ms) => {
      now += ms;
    },
  };
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const tokenOf = (link: string) => link.split('#token=')[1]!;

describe.each(BACKENDS)('accounts, sessions and sharing on %s', (backend) => {
  let env: TestEnv;
  let clock: ReturnType<typeof movableClock>;

  beforeAll(async () => {
    clock = movableClock(TEST_NOW);
    env = await openTestEnv(backend, clock);
  });
  afterAll(async () => env.close());

  const anon = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    env.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });

  it('creates the owner on the first visit only, and says so to the next visitor', async () => {
    const session = await call(env, 'GET', '/api/auth/session', undefined, null);
    expect(session.body).toMatchObject({ signedIn: false, needsSetup: false });
    const again = await call(
      env,
      'POST',
      '/api/auth/setup',
      { email: 'x@example.org', displayName: 'X', password: TEST_PASSWORD },
      null,
    );
    expect(again.status).toBe(409);
    const mine = await call(env, 'GET', '/api/auth/session');
    expect(mine.body).toMatchObject({ signedIn: true, user: { email: 'owner@example.org' } });
    expect(mine.body.households[0]).toMatchObject({ name: 'Owner family', role: 'owner' });
  });

  it('sets an HttpOnly, SameSite=Lax session cookie, Secure only over HTTPS, and rotates it on sign-in', async () => {
    const res = await anon('POST', '/api/auth/login', {
      email: 'owner@example.org',
      password: TEST_PASSWORD,
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/aw_session=[A-Za-z0-9_-]{43}/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const first = cookie.split(';')[0]!;
    const second = await anon(
      'POST',
      '/api/auth/login',
      { email: 'owner@example.org', password: TEST_PASSWORD },
      { cookie: first, 'x-csrf-token': JSON.parse(res.body).csrfToken },
    );
    const rotated = String(second.headers['set-cookie']).split(';')[0]!;
    expect(rotated).not.toBe(first);
    expect((await anon('GET', '/api/households', undefined, { cookie: first })).statusCode).toBe(401);
    expect((await anon('GET', '/api/households', undefined, { cookie: rotated })).statusCode).toBe(200);

    const proxied = await buildApp({ store: env.store, clock, logger: false, trustProxy: true });
    const secure = await proxied.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'owner@example.org', password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(String(secure.headers['set-cookie'])).toContain('Secure');
    await proxied.close();
  });

  it('keeps people signed in across a server restart, and signs out everywhere', async () => {
    const p = await createAccount(env, `restart-${backend}@example.org`);
    const restarted = await buildApp({ store: env.store, clock, logger: false });
    expect((await call(restarted, 'GET', '/api/households', undefined, p)).status).toBe(200);
    const other = await signIn(env.app, p.email);
    const out = await call(restarted, 'POST', '/api/auth/logout-everywhere', undefined, p);
    expect(out.status).toBe(200);
    expect((await call(env, 'GET', '/api/households', undefined, p)).status).toBe(401);
    expect((await call(env, 'GET', '/api/households', undefined, other)).status).toBe(401);
    await restarted.close();
  });

  it('signs a browser out after two weeks without use', async () => {
    const p = await createAccount(env, `idle-${backend}@example.org`);
    clock.advance(13 * DAY);
    expect((await call(env, 'GET', '/api/households', undefined, p)).status).toBe(200);
    clock.advance(13 * DAY);
    expect((await call(env, 'GET', '/api/households', undefined, p)).status).toBe(200);
    clock.advance(15 * DAY);
    expect((await call(env, 'GET', '/api/households', undefined, p)).status).toBe(401);
    // The owner's browser went idle too; sign it in again for the tests that follow.
    Object.assign(env.owner, await signIn(env.app, 'owner@example.org'));
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const unknown = await anon('POST', '/api/auth/login', {
      email: 'nobody@example.org',
      password: 'whatever-password',
    });
    const wrong = await anon('POST', '/api/auth/login', {
      email: 'owner@example.org',
      password: 'not the password',
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(JSON.parse(unknown.body)).toEqual(JSON.parse(wrong.body));
  });

  it('limits sign-in attempts per account and per address, with a clear message', async () => {
    const p = await createAccount(env, `limited-${backend}@example.org`);
    for (let i = 0; i < 5; i++) {
      const res = await anon(
        'POST',
        '/api/auth/login',
        { email: p.email, password: 'wrong password!' },
        { 'x-forwarded-for': '10.0.0.1' },
      );
      expect(res.statusCode).toBe(401);
    }
    const blocked = await anon('POST', '/api/auth/login', { email: p.email, password: TEST_PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(JSON.parse(blocked.body).error.message).toMatch(
      /Too many sign-in attempts\. Please wait \d+ minutes?/,
    );
    expect(blocked.headers['retry-after']).toBeTruthy();
    clock.advance(16 * 60_000);
    expect(
      (await anon('POST', '/api/auth/login', { email: p.email, password: TEST_PASSWORD })).statusCode,
    ).toBe(200);

    // Per address: many different accounts from one address are slowed, never locked
    // (test/integration/sign-in-limits.test.ts times it).
    const app = await buildApp({ store: env.store, clock, logger: false });
    let last = 0;
    for (let i = 0; i < 21; i++) {
      last = (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: `guess${i}@example.org`, password: 'guess guess guess' },
        })
      ).statusCode;
    }
    expect(last).toBe(401);
    await app.close();
    // Limits live in the database (rate_limit), shared by every app on it: this address's 21
    // failures would slow the sign-ins of the tests that follow.
    await env.app.deps.limits.address.reset('127.0.0.1');
  });

  it('refuses a cookie-authenticated write without the CSRF token, or from another site, and writes nothing', async () => {
    const counts = await rowCounts(env.store);
    const noToken = await anon(
      'POST',
      `/api/households/${env.householdId}/children`,
      { firstName: 'Eve' },
      { cookie: env.owner.cookie },
    );
    expect(noToken.statusCode).toBe(403);
    const wrongToken = await anon(
      'POST',
      `/api/households/${env.householdId}/children`,
      { firstName: 'Eve' },
      { cookie: env.owner.cookie, 'x-csrf-token': 'x'.repeat(43) },
    );
    expect(wrongToken.statusCode).toBe(403);
    const crossSite = await anon(
      'POST',
      `/api/households/${env.householdId}/children`,
      { firstName: 'Eve' },
      { cookie: env.owner.cookie, 'x-csrf-token': env.owner.csrfToken, origin: 'https://evil.example' },
    );
    expect(crossSite.statusCode).toBe(403);
    expect(JSON.parse(crossSite.body).error.code).toBe('forbidden');
    expect(await rowCounts(env.store)).toEqual(counts);
  });

  it('treats a malformed cookie as signed out, and refuses an oversized body, changing nothing', async () => {
    const counts = await rowCounts(env.store);
    for (const cookie of ['aw_session=%E0%A4%A', 'aw_session=short', 'aw_session=', 'garbage']) {
      const res = await anon('GET', '/api/households', undefined, { cookie });
      expect(res.statusCode).toBe(401);
    }
    const big = await call(env, 'POST', `/api/households/${env.householdId}/children`, {
      firstName: 'A',
      notes: 'x'.repeat(2_000_000),
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    expect(await rowCounts(env.store)).toEqual(counts);
  });

  it('changes a password only with the current one, and signs out other browsers', async () => {
    const p = await createAccount(env, `change-${backend}@example.org`);
    const elsewhere = await signIn(env.app, p.email);
    const wrong = await call(
      env,
      'POST',
      '/api/auth/password',
      { currentPassword: 'nope nope nope', newPassword: 'a new long password' },
      p,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('currentPassword');
    const short = await call(
      env,
      'POST',
      '/api/auth/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'short' },
      p,
    );
    expect(short.status).toBe(400);
    expect(short.body.error.fields[0]).toEqual({
      path: 'newPassword',
      message: 'must be at least 10 characters',
      code: 'too_small',
      params: { minimum: 10, origin: 'string' },
    });
    const ok = await call(
      env,
      'POST',
      '/api/auth/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'a new long password' },
      p,
    );
    expect(ok.status).toBe(200);
    expect((await call(env, 'GET', '/api/households', undefined, p)).status).toBe(200);
    expect((await call(env, 'GET', '/api/households', undefined, elsewhere)).status).toBe(401);
    await expect(signIn(env.app, p.email)).rejects.toThrow();
    await signIn(env.app, p.email, 'a new long password');
  });

  it('resets a forgotten password by a one-time link that expires, without revealing who has an account', async () => {
    const p = await createAccount(env, `forgot-${backend}@example.org`);
    env.mailer.sent.length = 0;
    const unknown = await anon('POST', '/api/auth/password-reset', { email: 'nobody@example.org' });
    const known = await anon('POST', '/api/auth/password-reset', { email: p.email });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(JSON.parse(unknown.body)).toEqual(JSON.parse(known.body));
    // The mail is sent after the answer (for every address alike).
    await env.app.deps.idle();
    expect(env.mailer.sent).toHaveLength(1);
    expect(env.mailer.sent[0]!.to).toBe(p.email);
    const token = /#token=([A-Za-z0-9_-]{43})/.exec(env.mailer.sent[0]!.text)![1]!;

    const done = await anon('POST', '/api/auth/password-reset/complete', {
      token,
      newPassword: 'brand new password',
    });
    expect(done.statusCode).toBe(200);
    const twice = await anon('POST', '/api/auth/password-reset/complete', {
      token,
      newPassword: 'another new password',
    });
    expect(twice.statusCode).toBe(400);
    expect(JSON.parse(twice.body).error.message).toMatch(/expired or was already used/);
    await expect(signIn(env.app, p.email)).rejects.toThrow();
    await signIn(env.app, p.email, 'brand new password');

    await anon('POST', '/api/auth/password-reset', { email: p.email });
    await env.app.deps.idle();
    const late = /#token=([A-Za-z0-9_-]{43})/.exec(env.mailer.sent.at(-1)!.text)![1]!;
    clock.advance(HOUR + 1000);
    const expired = await anon('POST', '/api/auth/password-reset/complete', {
      token: late,
      newPassword: 'too late password',
    });
    expect(expired.statusCode).toBe(400);
  });

  it('invites a member by a one-time link that expires and can be revoked', async () => {
    const invite = await call(env, 'POST', `/api/households/${env.householdId}/invitations`, {
      email: `coparent-${backend}@example.org`,
      role: 'co_parent',
    });
    expect(invite.status).toBe(201);
    const token = tokenOf(invite.body.link);
    const preview = await anon('POST', '/api/invitations/preview', { token });
    expect(JSON.parse(preview.body)).toMatchObject({
      householdName: 'Owner family',
      role: 'co_parent',
      accountExists: false,
    });
    const accepted = await anon('POST', '/api/invitations/accept', {
      token,
      displayName: 'Chris',
      password: 'co-parent password',
    });
    expect(accepted.statusCode).toBe(200);
    expect(JSON.parse(accepted.body).households).toEqual([
      { id: env.householdId, name: 'Owner family', role: 'co_parent' },
    ]);
    const again = await anon('POST', '/api/invitations/accept', {
      token,
      displayName: 'Mallory',
      password: 'mallory password',
    });
    expect(again.statusCode).toBe(400);

    const stale = await call(env, 'POST', `/api/households/${env.householdId}/invitations`, {
      email: `late-${backend}@example.org`,
      role: 'viewer',
      expiresInDays: 1,
    });
    clock.advance(DAY + 1000);
    expect(
      (
        await anon('POST', '/api/invitations/accept', {
          token: tokenOf(stale.body.link),
          displayName: 'L',
          password: 'late password!',
        })
      ).statusCode,
    ).toBe(400);

    const revoked = await call(env, 'POST', `/api/households/${env.householdId}/invitations`, {
      email: `revoked-${backend}@example.org`,
      role: 'viewer',
    });
    expect(
      (await call(env, 'DELETE', `/api/households/${env.householdId}/invitations/${revoked.body.id}`)).status,
    ).toBe(204);
    expect(
      (
        await anon('POST', '/api/invitations/accept', {
          token: tokenOf(revoked.body.link),
          displayName: 'R',
          password: 'revoked password',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('lets an advocate belong to several households and switch between them', async () => {
    const advocate = await createAccount(env, `advocate-${backend}@example.org`, {
      householdId: env.householdId,
      role: 'advocate',
    });
    const other = await call(env, 'POST', '/api/households', { name: 'Second family' });
    await addMember(env, other.body.id, advocate.userId, 'advocate');
    const list = await call(env, 'GET', '/api/households', undefined, advocate);
    expect(list.body.map((x: { name: string; role: string }) => [x.name, x.role])).toEqual([
      ['Owner family', 'advocate'],
      ['Second family', 'advocate'],
    ]);
    for (const household of list.body) {
      expect(
        (await call(env, 'GET', `/api/households/${household.id}/children`, undefined, advocate)).status,
      ).toBe(200);
      expect(
        (await call(env, 'POST', `/api/households/${household.id}/children`, { firstName: 'No' }, advocate))
          .status,
      ).toBe(403);
    }
  });

  it('keeps at least one owner', async () => {
    const res = await call(env, 'PATCH', `/api/households/${env.householdId}/members/${env.owner.userId}`, {
      role: 'viewer',
    });
    expect(res.status).toBe(400);
    const removed = await call(
      env,
      'DELETE',
      `/api/households/${env.householdId}/members/${env.owner.userId}`,
    );
    expect(removed.status).toBe(409);
  });

  describe('the staff confirmation link', () => {
    let serviceA: string;
    let serviceB: string;
    let link: { id: string; token: string };

    beforeAll(async () => {
      const hid = env.householdId;
      const child = await call(env, 'POST', `/api/households/${hid}/children`, {
        firstName: 'Emma',
        lastName: 'Secret-Surname',
        notes: 'Private diagnosis notes',
      });
      const plan = await call(env, 'POST', `/api/households/${hid}/plans`, {
        childId: child.body.id,
        kind: 'iep',
        jurisdiction: { country: 'US', region: 'CA' },
        effectiveFrom: '2026-09-08',
        effectiveTo: '2027-09-07',
      });
      await call(env, 'POST', `/api/households/${hid}/calendars`, {
        childId: child.body.id,
        name: 'Year',
        firstDay: '2026-09-08',
        lastDay: '2027-06-11',
      });
      const service = (name: string) =>
        call(env, 'POST', `/api/households/${hid}/services`, {
          planId: plan.body.id,
          name,
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
      serviceA = (await service('Speech-language therapy')).body.id;
      serviceB = (await service('Counseling')).body.id;
      const created = await call(env, 'POST', `/api/households/${hid}/staff-links`, {
        serviceId: serviceA,
        label: 'Mr. Chen, SLP',
      });
      expect(created.status).toBe(201);
      expect(created.body.expiresAt.slice(0, 10)).toBe(
        new Date(Date.parse(clock.now()) + 120 * DAY).toISOString().slice(0, 10),
      );
      link = { id: created.body.id, token: tokenOf(created.body.link) };
    });

    const staff = (method: string, url: string, body?: unknown, token = link.token) =>
      env.app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { payload: body as object }),
      });

    it("shows only the child's first name, the service and the expected sessions", async () => {
      const res = await staff('GET', '/api/staff-link');
      expect(res.statusCode).toBe(200);
      const view = JSON.parse(res.body);
      expect(view.childFirstName).toBe('Emma');
      expect(view.services.map((s: { name: string }) => s.name)).toEqual(['Speech-language therapy']);
      expect(view.services[0].weeks.length).toBeGreaterThan(0);
      expect(view.services[0].weeks[0]).toHaveProperty('expectedSessions');
      expect(res.body).not.toContain('Secret-Surname');
      expect(res.body).not.toContain('Private diagnosis');
      expect(res.body).not.toContain('Counseling');
    });

    it('records confirmed sessions as "provider, via link", visible to the parents at once', async () => {
      // The last weekday (a school day of the calendar above): a session on a weekend would first ask
      // "Are you sure?" (test/integration/school-days.test.ts).
      let today = clock.today();
      while (isoWeekday(today) > 5) today = addDays(today, -1);
      const res = await staff('POST', '/api/staff-link/sessions', {
        serviceId: serviceA,
        date: today,
        status: 'missed',
        reason: 'provider_absent',
        note: 'Out sick',
        startTime: '10:05',
      });
      expect(res.statusCode, res.body).toBe(201);
      const entry = JSON.parse(res.body);
      expect(entry).toMatchObject({
        source: 'provider_link',
        recordedBy: `staff_link:${link.id}`,
        startTime: '10:05',
      });
      const parents = await call(
        env,
        'GET',
        `/api/households/${env.householdId}/sessions?serviceId=${serviceA}`,
      );
      expect(parents.body.map((e: { id: string }) => e.id)).toContain(entry.id);
      // No way to change it through the link: only a new entry.
      expect(
        (
          await staff('PATCH', `/api/households/${env.householdId}/sessions/${entry.id}`, {
            responsibility: 'excused',
          })
        ).statusCode,
      ).toBe(401);
      const other = await staff('POST', '/api/staff-link/sessions', {
        serviceId: serviceB,
        date: today,
        status: 'delivered',
      });
      expect(other.statusCode).toBe(404);
      const bad = await staff('POST', '/api/staff-link/sessions', {
        serviceId: serviceA,
        date: today,
        status: 'short',
      });
      expect(bad.statusCode).toBe(400);
    });

    it('stops working the moment it is revoked', async () => {
      const second = await call(env, 'POST', `/api/households/${env.householdId}/staff-links`, {
        serviceId: serviceA,
      });
      const token = tokenOf(second.body.link);
      expect((await staff('GET', '/api/staff-link', undefined, token)).statusCode).toBe(200);
      const revoked = await call(
        env,
        'POST',
        `/api/households/${env.householdId}/staff-links/${second.body.id}/revoke`,
      );
      expect(revoked.body.active).toBe(false);
      const after = await staff('GET', '/api/staff-link', undefined, token);
      expect(after.statusCode).toBe(401);
      expect(JSON.parse(after.body).error.message).toMatch(/not valid any more/);
    });

    it('expires', async () => {
      const short = await call(env, 'POST', `/api/households/${env.householdId}/staff-links`, {
        serviceId: serviceA,
        expiresInDays: 1,
      });
      clock.advance(DAY + 1000);
      expect((await staff('GET', '/api/staff-link', undefined, tokenOf(short.body.link))).statusCode).toBe(
        401,
      );
    });
  });

  it('writes sign-ins, failed sign-ins, invitations, role changes and staff links to the audit trail', async () => {
    const audit = await call(env, 'GET', `/api/households/${env.householdId}/audit?limit=1000`);
    const actions = new Set(audit.body.map((e: { action: string }) => e.action));
    for (const action of [
      'sign_in',
      'sign_in_failed',
      'member_invited',
      'member_joined',
      'invitation_revoked',
      'staff_link_created',
      'staff_link_revoked',
    ]) {
      expect(actions, action).toContain(action);
    }
    const member = await createAccount(env, `rolechange-${backend}@example.org`, {
      householdId: env.householdId,
      role: 'viewer',
    });
    await call(env, 'PATCH', `/api/households/${env.householdId}/members/${member.userId}`, {
      role: 'advocate',
    });
    const after = await call(env, 'GET', `/api/households/${env.householdId}/audit?limit=5`);
    expect(after.body[0]).toMatchObject({ action: 'role_changed', data: { from: 'viewer', to: 'advocate' } });
  });

  it('sends security headers with every response', async () => {
    const res = await anon('GET', '/api/health');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('secrets stay secret', () => {
  it('never stores or logs a password, a token or a child’s name in clear', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const env = await openTestEnv('sqlite');
    const app = await buildApp({
      store: env.store,
      clock: env.clock,
      logger: { level: 'trace', stream } as never,
    });
    try {
      const password = 'a very memorable password';
      const p = await createAccount(env, 'logged@example.org');
      await call(
        app,
        'POST',
        '/api/auth/password',
        { currentPassword: TEST_PASSWORD, newPassword: password },
        p,
      );
      const signedIn = await signIn(app, 'logged@example.org', password);
      await call(app, 'POST', '/api/auth/login', {
        email: 'logged@example.org',
        password: 'wrong but secret',
      });
      await call(
        app,
        'POST',
        `/api/households/${env.householdId}/children`,
        { firstName: 'Zebulon', notes: 'Sensitive note' },
        env.owner,
      );
      const link = await call(
        app,
        'POST',
        `/api/households/${env.householdId}/invitations`,
        { email: 'inv@example.org', role: 'viewer' },
        env.owner,
      );
      const log = lines.join('');
      expect(log.length).toBeGreaterThan(0);
      for (const secret of [
        password,
        'wrong but secret',
        TEST_PASSWORD,
        'Zebulon',
        'Sensitive note',
        signedIn.cookie.split('=')[1]!,
        signedIn.csrfToken,
        tokenOf(link.body.link),
      ]) {
        expect(log).not.toContain(secret);
      }
      const stored = await env.store.db
        .selectFrom('user_account')
        .select('password_hash')
        .where('email', '=', 'logged@example.org')
        .executeTakeFirstOrThrow();
      expect(stored.password_hash).toMatch(/^\$argon2id\$/);
      expect(stored.password_hash).not.toContain(password);
      const sessions = await env.store.db.selectFrom('auth_session').select('id_hash').execute();
      expect(sessions.map((s) => s.id_hash)).not.toContain(signedIn.cookie.split('=')[1]);
    } finally {
      await app.close();
      await env.close();
    }
  });
});
