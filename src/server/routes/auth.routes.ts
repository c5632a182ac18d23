import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AcceptInvitationInput,
  ChangePasswordBody,
  Done,
  InvitationPreview,
  InvitationPreviewInput,
  LanguageInput,
  LoginInput,
  ResetCompleteBody,
  ResetRequestInput,
  SessionResponse,
  SetupInput,
} from '../../api/auth.ts';
import { ErrorResponse } from '../../api/common.ts';
import type { AppDeps } from '../app.ts';
import { access, requireUser } from '../auth/access.ts';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from '../auth/cookies.ts';
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, pairKey, slowdownMs } from '../auth/rate-limit.ts';
import { AppError, parseOrThrow } from '../errors.ts';
import { isAvailableLanguage, requestLanguage, translatorFor } from '../i18n.ts';
import { passwordResetMail } from '../services/account-mail.ts';
import {
  auditFailedSignIn,
  changePassword,
  checkCredentials,
  completeReset,
  createResetToken,
  endAllSessions,
  endSession,
  householdsOf,
  SESSION_MAX_MS,
  setLanguage,
  setupOwner,
  startSession,
  toUser,
  type User,
  userCount,
} from '../services/accounts.ts';
import { appendAuditForUser } from '../services/audit.ts';
import { acceptInvitation, previewInvitation } from '../services/members.ts';
import { envFor, typed } from './shared.ts';

/** The link a person opens: the token travels in the fragment, which browsers never send to servers or logs. */
export function appLink(deps: AppDeps, request: FastifyRequest | null, path: string, token: string): string {
  const base =
    deps.publicUrl ?? (request ? `${request.protocol}://${request.host}` : 'http://localhost:3000');
  return `${base.replace(/\/$/, '')}${path}#token=${token}`;
}

const isSecure = (request: FastifyRequest) => request.protocol === 'https';

async function signIn(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, user: User) {
  const previous = readCookie(request.headers.cookie, SESSION_COOKIE);
  const { token, csrfToken } = await startSession(deps.store, envFor(deps), user.id, previous);
  reply.header(
    'set-cookie',
    sessionCookie(token, { secure: isSecure(request), maxAgeSeconds: Math.floor(SESSION_MAX_MS / 1000) }),
  );
  return {
    signedIn: true,
    needsSetup: false,
    user,
    csrfToken,
    households: await householdsOf(deps.store, user.id),
  };
}

export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);

  api.get(
    '/auth/session',
    {
      config: { access: access.public },
      schema: {
        tags: ['Accounts'],
        summary: 'Who is signed in, their households, and the CSRF token for writes',
        response: { 200: SessionResponse },
      },
    },
    async (request) => {
      const session = request.auth.session;
      if (!session) {
        return {
          signedIn: false,
          needsSetup: (await userCount(deps.store)) === 0,
          user: null,
          csrfToken: null,
          households: [],
        };
      }
      return {
        signedIn: true,
        needsSetup: false,
        user: session.user,
        csrfToken: session.csrfToken,
        households: await householdsOf(deps.store, session.user.id),
      };
    },
  );

  api.post(
    '/auth/setup',
    {
      config: { access: access.public },
      schema: {
        tags: ['Accounts'],
        summary: 'First run only: create the owner account and their household, and sign in',
        body: SetupInput,
        response: { 201: SessionResponse, 400: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { user } = await setupOwner(deps.store, envFor(deps), request.body);
      return reply.status(201).send(await signIn(deps, request, reply, user));
    },
  );

  api.post(
    '/auth/login',
    {
      config: { access: access.public },
      schema: {
        tags: ['Accounts'],
        summary: 'Sign in with email and password',
        body: LoginInput,
        response: { 200: SessionResponse, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const { limits } = deps;
      const pair = pairKey(email, request.ip);
      // Counted now, before the password is checked, each in one atomic statement that also checks
      // the limit: concurrent attempts, to this process or another on the same database, each see
      // the ones before them (src/server/auth/rate-limit.ts). A success takes its count back below.
      const taken = await limits.pair.take(pair);
      if (!taken.allowed) {
        const minutes = Math.ceil(taken.retryAfterMs / 60_000);
        reply.header('retry-after', String(Math.ceil(taken.retryAfterMs / 1000)));
        throw new AppError(
          'rate_limited',
          `Too many sign-in attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, or reset your password.`,
          undefined,
          { key: 'error.signIn.wait', values: { minutes } },
        );
      }
      const fromAddress = await limits.address.add(request.ip);
      const forAccount = await limits.account.add(email);
      const delay = Math.max(slowdownMs(fromAddress, ADDRESS_LIMIT), slowdownMs(forAccount, ACCOUNT_LIMIT));
      const check = () => checkCredentials(deps.store, email, password);
      const slowed = delay > 0 ? limits.slow.run([request.ip, email], delay, check) : check();
      if (!slowed) {
        await limits.pair.forgive(pair);
        await limits.address.forgive(request.ip);
        await limits.account.forgive(email);
        reply.header('retry-after', '10');
        throw new AppError(
          'rate_limited',
          'Too many sign-in attempts at once from this network. Please wait a moment and try again.',
          undefined,
          { key: 'error.signIn.busy' },
        );
      }
      const row = await slowed;
      const env = envFor(deps);
      if (!row) {
        await auditFailedSignIn(deps.store, env, email, request.ip);
        // The same words whether the email is unknown or the password is wrong.
        throw new AppError('unauthorized', 'That email and password do not match an account', undefined, {
          key: 'error.signIn.mismatch',
        });
      }
      await limits.pair.reset(pair);
      await limits.account.reset(email);
      await limits.address.forgive(request.ip);
      await appendAuditForUser(deps.store.db, row.id, {
        newId: env.newId,
        at: env.clock.now(),
        actor: `user:${row.id}`,
        action: 'sign_in',
        data: { address: request.ip },
      });
      // A language chosen on the sign-in page is this person's choice: remembered on the account.
      const user = toUser(row);
      if (request.body.language && isAvailableLanguage(request.body.language)) {
        await setLanguage(deps.store, env, row.id, request.body.language);
        user.language = request.body.language;
      }
      return signIn(deps, request, reply, user);
    },
  );

  api.post(
    '/auth/logout',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['Accounts'],
        summary: 'Sign out of this browser',
        response: { 200: Done, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => {
      await endSession(deps.store, request.auth.session!.idHash);
      reply.header('set-cookie', clearedSessionCookie(isSecure(request)));
      return { ok: true as const, message: 'Signed out' };
    },
  );

  api.post(
    '/auth/logout-everywhere',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['Accounts'],
        summary: 'Sign out of every browser and device',
        response: { 200: Done, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await endAllSessions(deps.store, user.id);
      const env = envFor(deps);
      await appendAuditForUser(deps.store.db, user.id, {
        newId: env.newId,
        at: env.clock.now(),
        actor: `user:${user.id}`,
        action: 'sign_out_everywhere',
        data: {},
      });
      reply.header('set-cookie', clearedSessionCookie(isSecure(request)));
      return { ok: true as const, message: 'Signed out everywhere' };
    },
  );

  api.post(
    '/auth/password',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['Accounts'],
        summary: 'Change your password (other browsers are signed out)',
        body: ChangePasswordBody,
        response: { 200: Done, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      await changePassword(
        deps.store,
        envFor(deps),
        requireUser(request),
        request.auth.session!.idHash,
        request.body,
      );
      return { ok: true as const, message: 'Your password was changed' };
    },
  );

  api.put(
    '/auth/language',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['Accounts'],
        summary: 'Choose the language you read the app in (null: go by the browser)',
        body: LanguageInput,
        response: { 200: SessionResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await setLanguage(deps.store, envFor(deps), user.id, request.body.language);
      const session = request.auth.session!;
      return {
        signedIn: true,
        needsSetup: false,
        user: { ...user, language: request.body.language },
        csrfToken: session.csrfToken,
        households: await householdsOf(deps.store, user.id),
      };
    },
  );

  // The same answer whether or not the account exists, in the asking browser's language.
  const resetReply = (request: FastifyRequest) =>
    translatorFor(requestLanguage(null, request.headers['accept-language'])).t('error.reset.sent');
  api.post(
    '/auth/password-reset',
    {
      config: { access: access.public },
      schema: {
        tags: ['Accounts'],
        summary: 'Ask for a password reset link (the answer is the same whether or not the account exists)',
        body: ResetRequestInput,
        response: { 202: Done, 400: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { email } = parseOrThrow(ResetRequestInput, request.body);
      if (!(await deps.limits.reset.take(request.ip)).allowed) {
        throw new AppError(
          'rate_limited',
          'Too many reset requests from this address; please try again in an hour.',
          undefined,
          { key: 'error.reset.tooMany' },
        );
      }
      if (!(await deps.limits.resetAccount.take(email)).allowed)
        return reply.status(202).send({ ok: true as const, message: resetReply(request) });
      // Looking the address up, writing the token and sending the mail all happen after the answer,
      // for every address alike: a known address must not take longer to answer than an unknown one.
      const link = (token: string) => appLink(deps, request, '/reset-password', token);
      deps.afterResponse(async () => {
        const created = await createResetToken(deps.store, envFor(deps), email);
        if (created && deps.mailer.enabled) {
          // In the account's language, else the language of the browser that asked.
          const language = requestLanguage(created.user.language, request.headers['accept-language']);
          await deps.mailer.send(passwordResetMail(created.user.email, language, link(created.token)));
        }
      });
      return reply.status(202).send({ ok: true as const, message: resetReply(request) });
    },
  );

  api.post(
    '/auth/password-reset/complete',
    {
      config: { access: access.public },
      schema: {
        tags: ['Accounts'],
        summary: 'Choose a new password with a reset token (works once; signs out every browser)',
        body: ResetCompleteBody,
        response: { 200: Done, 400: ErrorResponse },
      },
    },
    async (request) => {
      await completeReset(deps.store, envFor(deps), request.body);
      return { ok: true as const, message: 'Your password was changed; sign in with it now' };
    },
  );

  api.post(
    '/invitations/preview',
    {
      config: { access: access.public },
      schema: {
        tags: ['Accounts'],
        summary: 'What an invitation offers (does not use it up)',
        body: InvitationPreviewInput,
        response: {
          200: InvitationPreview,
          400: ErrorResponse,
        },
      },
    },
    async (request) =>
      previewInvitation(deps.store, envFor(deps), request.body.token, request.auth.session?.user ?? null),
  );

  api.post(
    '/invitations/accept',
    {
      config: { access: access.public },
      schema: {
        tags: ['Accounts'],
        summary:
          'Accept an invitation: join as the signed-in user (only if their email is the invited address), or create an account for the invited email',
        body: AcceptInvitationInput,
        response: {
          200: SessionResponse,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const signedIn = request.auth.session?.user ?? null;
      const result = await acceptInvitation(deps.store, envFor(deps), signedIn, request.body);
      if (signedIn) {
        const session = request.auth.session!;
        return {
          signedIn: true,
          needsSetup: false,
          user: signedIn,
          csrfToken: session.csrfToken,
          households: await householdsOf(deps.store, signedIn.id),
        };
      }
      return signIn(deps, request, reply, result.user);
    },
  );
}
