import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Mailer, OutgoingMail } from '../../src/server/auth/mailer.ts';
import { BACKENDS, createAccount, openTestEnv, TEST_PASSWORD, type TestEnv } from './harness.ts';

// Sign-in limits, the Origin check and password reset, as a probe found them (issue 15): 60
// concurrent wrong passwords got 19 evaluations against a limit of 5; after 20 failures everyone at
// an address was locked out, correct password included; the Origin check compared the host only;
// and a reset answered later for a known address when SMTP was set (it waited for the mail).

describe.each(BACKENDS)('sign-in limits, origins and resets on %s', (backend) => {
  let env: TestEnv;
  /** The same database behind a reverse proxy (TRUST_PROXY), so X-Forwarded-For names the address. */
  let proxied: FastifyInstance;
  const login = (email: string, password: string, from: string) =>
    proxied.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': from },
      payload: { email, password },
    });

  beforeAll(async () => {
    env = await openTestEnv(backend);
    proxied = await buildApp({ store: env.store, clock: env.clock, logger: false, trustProxy: true });
  });
  afterAll(async () => {
    await proxied.close();
    await env.close();
  });

  it('checks at most 5 of 60 concurrent wrong passwords for one account from one address', async () => {
    // A member of a household, so each checked password leaves a failed sign-in in its audit trail.
    const p = await createAccount(env, `burst-${backend}@example.org`, {
      householdId: env.householdId,
      role: 'viewer',
    });
    const answers = await Promise.all(
      Array.from({ length: 60 }, () => login(p.email, 'not the password', '198.51.100.7')),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(55);
    // Each evaluation left one failed sign-in in the account's audit trail: 5, not 19.
    const failed = await env.store.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('actor', '=', `user:${p.userId}`)
      .where('action', '=', 'sign_in_failed')
      .executeTakeFirstOrThrow();
    expect(Number(failed.n)).toBe(5);
  });

  it('shares one limit between two app processes on the same database (the rate_limit table)', async () => {
    const p = await createAccount(env, `shared-limit-${backend}@example.org`);
    const other = await buildApp({ store: env.store, clock: env.clock, logger: false, trustProxy: true });
    try {
      const guess = (app: FastifyInstance) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-for': '198.51.100.77' },
          payload: { email: p.email, password: 'wrong guess!' },
        });
      // 30 concurrent guesses spread over both: 5 checked in all, not 5 in each.
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => guess(i % 2 === 0 ? proxied : other)),
      );
      expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(5);
      expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(25);
      // The table holds the keys' hashes, never the email or the address as written.
      const rows = await env.store.db.selectFrom('rate_limit').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(p.email);
      expect(JSON.stringify(rows)).not.toContain('198.51.100.77');
      expect(rows.find((r) => r.scope === 'pair' && Number(r.count) === 5)).toBeTruthy();
    } finally {
      await other.close();
    }
  });

  it('locks an account only from the address that guessed: its owner elsewhere still signs in', async () => {
    const p = await createAccount(env, `pair-${backend}@example.org`);
    for (let i = 0; i < 5; i++)
      expect((await login(p.email, 'wrong guess!', '203.0.113.9')).statusCode).toBe(401);
    const guesser = await login(p.email, TEST_PASSWORD, '203.0.113.9');
    expect(guesser.statusCode).toBe(429);
    expect(JSON.parse(guesser.body).error.message).toMatch(
      /Too many sign-in attempts\. Please wait 15 minutes/,
    );
    expect((await login(p.email, TEST_PASSWORD, '192.0.2.44')).statusCode).toBe(200);
  });

  it('slows an address after 20 failures instead of locking it: the right password still signs in', async () => {
    const p = await createAccount(env, `shared-${backend}@example.org`);
    const school = '198.51.100.200';
    for (let i = 0; i < 21; i++) {
      expect((await login(`guess${i}-${backend}@example.org`, 'guess guess', school)).statusCode).toBe(401);
    }
    const started = Date.now();
    const res = await login(p.email, TEST_PASSWORD, school);
    expect(res.statusCode).toBe(200);
    // 22 attempts counted: two past the 20 where slowing starts, a second each.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });

  it('compares the whole origin of a write (scheme, host and port), behind a proxy too', async () => {
    const write = (app: FastifyInstance, headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: env.owner.cookie, 'x-csrf-token': env.owner.csrfToken, ...headers },
      });
    const direct = await buildApp({ store: env.store, clock: env.clock, logger: false });
    const published = await buildApp({
      store: env.store,
      clock: env.clock,
      logger: false,
      publicUrl: 'https://iep.example.org/',
    });
    try {
      const host = { host: 'localhost:3000' };
      const refused = async (app: FastifyInstance, headers: Record<string, string>) => {
        const res = await write(app, headers);
        expect(res.statusCode, JSON.stringify(headers)).toBe(403);
        expect(JSON.parse(res.body).error.message).toMatch(/another site|unknown origin/);
      };
      await refused(direct, { ...host, origin: 'https://localhost:3000' });
      await refused(direct, { ...host, origin: 'http://localhost:8080' });
      await refused(direct, { ...host, origin: 'http://localhost' });
      await refused(direct, { ...host, origin: 'null' });
      await refused(direct, { ...host, origin: 'http://evil.example' });
      // Behind a proxy (TRUST_PROXY): the scheme is the one the browser used.
      const behind = { host: 'iep.example.org', 'x-forwarded-proto': 'https' };
      await refused(proxied, { ...behind, origin: 'http://iep.example.org' });
      await refused(proxied, { ...behind, origin: 'https://iep.example.org:8443' });
      // PUBLIC_URL is the app's own origin even when the proxy's headers are not trusted.
      await refused(published, { host: 'iep.example.org', origin: 'https://iep.example.org:8443' });
      // Sign-outs that pass the check (each ends the session, so sign in again between them).
      const allowed: [FastifyInstance, Record<string, string>][] = [
        [direct, { ...host, origin: 'http://localhost:3000' }],
        [direct, { ...host, origin: 'HTTP://LOCALHOST:3000' }],
        [proxied, { ...behind, origin: 'https://iep.example.org' }],
        [proxied, { ...behind, origin: 'https://iep.example.org:443' }],
        [published, { host: '127.0.0.1:3000', origin: 'https://iep.example.org' }],
        [direct, { ...host }],
      ];
      for (const [app, headers] of allowed) {
        const res = await write(app, headers);
        expect(res.statusCode, JSON.stringify(headers)).toBe(200);
        const again = await direct.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: env.owner.email, password: TEST_PASSWORD },
        });
        const body = JSON.parse(again.body);
        env.owner.cookie = String(again.headers['set-cookie']).split(';')[0]!;
        env.owner.csrfToken = body.csrfToken;
      }
    } finally {
      await direct.close();
      await published.close();
    }
  });

  it('answers a reset request before looking the address up or sending mail, for every address alike', async () => {
    const p = await createAccount(env, `reset-${backend}@example.org`);
    // A mail server that does not answer until the test lets it.
    const sent: OutgoingMail[] = [];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowSmtp: Mailer = {
      enabled: true,
      send: async (mail) => {
        await held;
        sent.push(mail);
      },
    };
    const app = await buildApp({ store: env.store, clock: env.clock, logger: false, mailer: slowSmtp });
    try {
      const ask = (email: string) =>
        Promise.race([
          app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } }),
          new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 5000)),
        ]);
      const known = await ask(p.email);
      const unknown = await ask(`nobody-${backend}@example.org`);
      expect(known).not.toBe('no answer');
      expect(unknown).not.toBe('no answer');
      if (known === 'no answer' || unknown === 'no answer') return;
      expect(known.statusCode).toBe(202);
      expect(unknown.statusCode).toBe(202);
      expect(known.body).toBe(unknown.body);
      expect(sent).toEqual([]);
      release();
      await app.deps.idle();
      expect(sent.map((m) => m.to)).toEqual([p.email]);
    } finally {
      release();
      await app.close();
    }
  });
});
