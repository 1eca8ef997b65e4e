import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Role, User } from '../../../shared/api/auth';
import type { AuthService, Denial } from '../services/auth-service';
import type { Action } from '../services/policy';
import { rolesFor } from '../services/policy';
import { apiError, messages } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    /** The registered device the session was signed in from, if any. */
    deviceId: string | null;
  }
}

const bearer = /^Bearer ([A-Za-z0-9_-]{32,128})$/;

/** The bearer token of a request, when it has one of the right form. */
export const bearerToken = (request: FastifyRequest): string | undefined => bearer.exec(request.headers.authorization ?? '')?.[1];

/** Audits a refusal; a failing write is logged, never turned into a 500 that hides the refusal. */
export async function auditDenied(auth: AuthService, request: FastifyRequest, denial: Denial): Promise<void> {
  try {
    await auth.recordDenied(denial);
  } catch (error) {
    request.log.error({ err: error, action: denial.action }, 'audit of a refused request failed');
  }
}

/** The route as audited: method and path pattern, never the filled-in path or query. */
const routeAction = (request: FastifyRequest): string => `${request.method} ${request.routeOptions.url ?? ''}`;

/**
 * Checks the bearer token and the role. Runs as an onRequest hook, so an unknown caller is
 * turned away before its body is read or validated. Every refusal leaves one 'denied' audit row, except that
 * past the unauthenticated limit an address gets 429 and only its first one is audited: nobody can flood the log.
 */
function requireRole(auth: AuthService, ...roles: Role[]): onRequestAsyncHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(request);
    const found = token ? await auth.authenticate(token) : ({ refused: 'unknown' } as const);
    if ('refused' in found) {
      const hit = await auth.countUnauthenticated(request.ip);
      if (hit.exceeded) {
        if (hit.firstExceeded) await auditDenied(auth, request, { action: 'rate-limit.unauthenticated', entityType: 'route' });
        void reply.header('retry-after', String(hit.retryAfterSeconds));
        return reply.code(429).send(apiError('rate_limited', messages.rateLimited));
      }
      await auditDenied(auth, request, { action: routeAction(request), entityType: 'route', token });
      if (found.refused === 'device_revoked') return reply.code(401).send(apiError('device_revoked', messages.deviceRevoked));
      return reply.code(401).send(apiError('unauthorized', messages.sessionExpired));
    }
    const { user } = found;
    if (!roles.includes(user.role)) {
      await auditDenied(auth, request, { action: routeAction(request), entityType: 'route', userId: user.id });
      return reply.code(403).send(apiError('forbidden', messages.forbidden));
    }
    request.user = user;
    request.deviceId = found.deviceId;
  };
}

/** The route guard every route uses: the roles come from the policy module, never from the route. */
export const requirePermission = (auth: AuthService, action: Action): onRequestAsyncHookHandler => requireRole(auth, ...rolesFor(action));

/** The user requireRole put on the request; a route without requireRole is a programming error. */
export function currentUser(request: FastifyRequest): User {
  if (!request.user) throw new Error('route is missing requireRole');
  return request.user;
}
