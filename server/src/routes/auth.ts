import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrorSchema, loginRequestSchema, loginResponseSchema, userSchema } from '../../../shared/api/auth';
import { apiPaths } from '../../../shared/api/cases';
import { auditDenied, currentUser, requirePermission } from '../plugins/auth';
import { apiError, messages } from '../plugins/errors';
import type { AuthService } from '../services/auth-service';
import type { RateLimit, RateLimiter } from '../services/rate-limiter';

export interface AuthRouteOptions {
  auth: AuthService;
  limiter: RateLimiter;
  /** Sign-ins per address and username a minute: a wrong password from one place never locks out the user elsewhere. */
  loginLimitPerMinute: number;
  /** Sign-ins per address a minute, whatever the username: one address cannot try many usernames. */
  loginIpLimitPerMinute: number;
  /** Tell devices the hub runs in demo mode; absent from the answer otherwise. */
  demo?: boolean;
}

/** Refused sign-ins (wrong pair, disabled account, revoked device) are audited; other answers are not this hook's concern. */
const auditedLoginCodes = new Set([401, 403]);

export function registerAuthRoutes(
  app: FastifyInstance,
  { auth, limiter, loginLimitPerMinute, loginIpLimitPerMinute, demo = false }: AuthRouteOptions,
): void {
  const zapp = app.withTypeProvider<ZodTypeProvider>();
  const perUser: RateLimit = { name: 'login', max: loginLimitPerMinute, windowMs: 60_000 };
  const perIp: RateLimit = { name: 'login-ip', max: loginIpLimitPerMinute, windowMs: 60_000 };

  zapp.post(
    apiPaths.login,
    {
      schema: {
        summary: 'Sign in with username and password; returns a bearer token.',
        body: loginRequestSchema,
        response: { 200: loginResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema, 429: apiErrorSchema },
      },
      // After validation, so the key can hold the username. Both limits live in the database (every hub shares
      // them); past either, the first refusal of the window is audited and the rest are not, so no flood.
      preHandler: async (request, reply) => {
        const username = request.body.username.toLowerCase();
        const byUser = await limiter.hit(perUser, `${request.ip}|${username}`);
        const byIp = await limiter.hit(perIp, request.ip);
        const over = [byUser, byIp].filter((h) => h.exceeded);
        if (over.length === 0) return;
        if (over.some((h) => h.firstExceeded)) await auditDenied(auth, request, { action: 'auth.login', entityType: 'session', username });
        void reply.header('retry-after', String(Math.max(...over.map((h) => h.retryAfterSeconds))));
        return reply.code(429).send(apiError('rate_limited', messages.rateLimited));
      },
      // onSend sees the handler's refusals before the answer leaves; the 429s are audited in the preHandler above.
      onSend: async (request, reply, payload) => {
        if (auditedLoginCodes.has(reply.statusCode)) {
          const username = (request.body as { username?: unknown } | undefined)?.username;
          await auditDenied(auth, request, { action: 'auth.login', entityType: 'session', username: typeof username === 'string' ? username : undefined });
        }
        return payload;
      },
    },
    async (request, reply) => {
      const outcome = await auth.login(request.body.username, request.body.password, request.body.deviceId);
      if ('ok' in outcome) return demo ? { ...outcome.ok, demo: true } : outcome.ok;
      if (outcome.refused === 'account_disabled') return reply.code(403).send(apiError('account_disabled', messages.accountDisabled));
      if (outcome.refused === 'device_revoked') return reply.code(403).send(apiError('device_revoked', messages.deviceRevoked));
      return reply.code(401).send(apiError('invalid_credentials', messages.badLogin));
    },
  );

  zapp.get(
    apiPaths.me,
    {
      onRequest: requirePermission(auth, 'session.read'),
      schema: {
        summary: 'The signed-in user.',
        security: [{ bearer: [] }],
        response: { 200: userSchema, 401: apiErrorSchema, 429: apiErrorSchema },
      },
    },
    (request) => currentUser(request),
  );
}
