import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrorSchema, loginRequestSchema, loginResponseSchema, userSchema } from '../../../shared/api/auth';
import { apiPaths } from '../../../shared/api/cases';
import { auditDenied, currentUser, requirePermission } from '../plugins/auth';
import { apiError, messages } from '../plugins/errors';
import type { AuthService } from '../services/auth-service';

export interface AuthRouteOptions {
  auth: AuthService;
  loginLimitPerMinute: number;
  /** Tell devices the hub runs in demo mode; absent from the answer otherwise. */
  demo?: boolean;
}

/** Refused sign-ins (wrong pair: 401, throttled: 429) are audited; other answers are not this hook's concern. */
const auditedLoginCodes = new Set([401, 429]);

export function registerAuthRoutes(app: FastifyInstance, { auth, loginLimitPerMinute, demo = false }: AuthRouteOptions): void {
  const zapp = app.withTypeProvider<ZodTypeProvider>();

  zapp.post(
    apiPaths.login,
    {
      schema: {
        summary: 'Sign in with username and password; returns a bearer token.',
        body: loginRequestSchema,
        response: { 200: loginResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 429: apiErrorSchema },
      },
      config: {
        rateLimit: {
          max: loginLimitPerMinute,
          timeWindow: 60_000,
          // After validation, so the key can hold the username: one attacker cannot lock out a whole office IP.
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}|${(request.body as { username?: string }).username?.toLowerCase() ?? ''}`,
        },
      },
      // onSend sees the 401 from the handler and the 429 from the rate limiter alike, before the answer leaves.
      onSend: async (request, reply, payload) => {
        if (auditedLoginCodes.has(reply.statusCode)) {
          const username = (request.body as { username?: unknown } | undefined)?.username;
          await auditDenied(auth, request, { action: 'auth.login', entityType: 'session', username: typeof username === 'string' ? username : undefined });
        }
        return payload;
      },
    },
    async (request, reply) => {
      const result = await auth.login(request.body.username, request.body.password);
      if (!result) return reply.code(401).send(apiError('invalid_credentials', messages.badLogin));
      return demo ? { ...result, demo: true } : result;
    },
  );

  zapp.get(
    apiPaths.me,
    {
      onRequest: requirePermission(auth, 'session.read'),
      schema: {
        summary: 'The signed-in user.',
        security: [{ bearer: [] }],
        response: { 200: userSchema, 401: apiErrorSchema },
      },
    },
    (request) => currentUser(request),
  );
}
