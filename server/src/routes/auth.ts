import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrorSchema, loginRequestSchema, loginResponseSchema, userSchema } from '../../../shared/api/auth';
import { apiPaths } from '../../../shared/api/cases';
import { allRoles, currentUser, requireRole } from '../plugins/auth';
import { apiError, messages } from '../plugins/errors';
import type { AuthService } from '../services/auth-service';

export interface AuthRouteOptions {
  auth: AuthService;
  loginLimitPerMinute: number;
  /** Tell devices the hub runs in demo mode; absent from the answer otherwise. */
  demo?: boolean;
}

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
      onRequest: requireRole(auth, ...allRoles),
      schema: {
        summary: 'The signed-in user.',
        security: [{ bearer: [] }],
        response: { 200: userSchema, 401: apiErrorSchema },
      },
    },
    (request) => currentUser(request),
  );
}
