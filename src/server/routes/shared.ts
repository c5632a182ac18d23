import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withoutBidiControls } from '../../domain/bidi.ts';
import type { AppDeps } from '../app.ts';
import { type Actor, idSource, type ServiceContext } from '../context.ts';

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/**
 * A Content-Disposition value that survives any file name (RFC 6266 / RFC 5987): an ASCII fallback
 * for old clients, and the exact name (accents, any script) in `filename*`.
 */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  // Direction controls would make the saved name read otherwise than it is ("report\u202Efdp.exe"
  // shows as "reportexe.pdf"); names stored before they were removed on upload still hold them.
  const name = withoutBidiControls(filename);
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * The service context of a request: the household the access check resolved, and who is acting
 * (the signed-in user, or a staff link).
 */
export function contextFor(deps: AppDeps, request: FastifyRequest): ServiceContext {
  const { session, staff, householdId } = request.auth;
  if (!householdId) throw new Error('contextFor is only for household routes');
  const actor: Actor = staff
    ? { kind: 'staff_link', id: staff.linkId }
    : { kind: 'user', id: session?.user.id ?? 'unknown' };
  return { householdId, actor, clock: deps.clock, newId: idSource(deps.clock) };
}

export function envFor(deps: AppDeps) {
  return { clock: deps.clock, newId: idSource(deps.clock) };
}
