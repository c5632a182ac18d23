import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Permission, type Role, roleAllows } from '../../domain/permissions.ts';
import type { Store } from '../../store/database.ts';
import type { Clock } from '../context.ts';
import { apiError } from '../errors.ts';
import { resumeSession, roleIn, type SessionInfo } from '../services/accounts.ts';
import { resolveStaffLink, type StaffPrincipal } from '../services/staff-links.ts';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import { looksLikeToken, sameSecret } from './tokens.ts';

// Authorization in one place. Every route declares who may call it in `config.access`; a route
// without one makes the server refuse to start. Household routes name a permission, checked here
// against the caller's role in the household named by the URL: a household the caller does not
// belong to answers 404, exactly like one that does not exist.

export type Access =
  | { kind: 'public' }
  | { kind: 'signed_in' }
  | { kind: 'staff' }
  | { kind: 'household'; permission: Permission };

export const access = {
  public: { kind: 'public' } as Access,
  signedIn: { kind: 'signed_in' } as Access,
  staff: { kind: 'staff' } as Access,
  household: (permission: Permission): Access => ({ kind: 'household', permission }),
};

export type RequestAuth = {
  session: SessionInfo | null;
  householdId: string | null;
  role: Role | null;
  staff: StaffPrincipal | null;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The route takes a file as its body (for clearer messages about size and type). */
    upload?: boolean;
  }
  interface FastifyRequest {
    auth: RequestAuth;
  }
}

export type RouteAccess = { method: string; url: string; access: Access };

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function registerAccessControl(
  app: FastifyInstance,
  deps: { store: Store; clock: Clock; routes: RouteAccess[]; publicUrl: string | null },
) {
  app.decorateRequest('auth', null as unknown as RequestAuth);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const routeAccess = (route.config as { access?: Access } | undefined)?.access;
    for (const method of methods) {
      if (method === 'HEAD') continue;
      if (!routeAccess) throw new Error(`route ${method} ${route.url} declares no access rule`);
      deps.routes.push({ method, url: route.url, access: routeAccess });
    }
  });

  app.addHook('onRequest', async (request) => {
    request.auth = { session: null, householdId: null, role: null, staff: null };
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (token && looksLikeToken(token))
      request.auth.session = await resumeSession(deps.store, deps.clock, token);
  });

  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    const rule = request.routeOptions.config?.access;
    if (!rule) return; // the 404 handler
    if (UNSAFE.has(request.method)) checkOrigin(request, deps.publicUrl);
    if (UNSAFE.has(request.method) && request.auth.session) checkCsrf(request);
    if (rule.kind === 'public') return;
    if (rule.kind === 'staff') {
      const header = request.headers.authorization ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      const staff = looksLikeToken(token)
        ? await resolveStaffLink(deps.store, deps.clock.now(), token)
        : null;
      if (!staff) throw apiError('unauthorized', 'link.invalid');
      request.auth.staff = staff;
      request.auth.householdId = staff.householdId;
      return;
    }
    const session = request.auth.session;
    if (!session) throw apiError('unauthorized', 'auth.signIn');
    if (rule.kind === 'signed_in') return;
    const householdId = (request.params as { householdId?: string }).householdId ?? '';
    const role = /^[0-9a-f-]{36}$/i.test(householdId)
      ? await roleIn(deps.store, session.user.id, householdId)
      : null;
    if (!role) throw apiError('not_found', 'household.notFound', { householdId });
    if (!roleAllows(role, rule.permission)) {
      throw apiError('forbidden', 'household.roleRefused', { role });
    }
    request.auth.householdId = householdId;
    request.auth.role = role;
  });
}

function checkCsrf(request: FastifyRequest) {
  const header = request.headers['x-csrf-token'];
  const sent = Array.isArray(header) ? header[0] : header;
  if (!sent || !sameSecret(sent, request.auth.session!.csrfToken)) {
    throw apiError('forbidden', 'request.noToken');
  }
}

/**
 * A browser always sends Origin on cross-site writes; one from another origin is refused. The whole
 * origin is compared (scheme, host and port): cookies are shared by every port of a host, so a page
 * on another port or over plain HTTP is another site too. The app's own origin is the one the request
 * reached (`request.protocol` and `request.host`, which read X-Forwarded-Proto and -Host only with
 * TRUST_PROXY), or PUBLIC_URL's, the address people are told to use.
 */
function checkOrigin(request: FastifyRequest, publicUrl: string | null) {
  const origin = request.headers.origin;
  if (!origin) return;
  const sent = originOf(origin);
  if (!sent) throw apiError('forbidden', 'request.unknownOrigin');
  const own = [originOf(`${request.protocol}://${request.host}`), publicUrl ? originOf(publicUrl) : null];
  if (!own.includes(sent)) throw apiError('forbidden', 'request.otherSite');
}

/** `scheme://host[:port]` in the one spelling URL gives it (lower case, default port left out), or null. */
function originOf(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

export function requireUser(request: FastifyRequest) {
  const session = request.auth.session;
  if (!session) throw apiError('unauthorized', 'auth.signIn');
  return session.user;
}
